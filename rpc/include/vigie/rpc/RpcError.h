#pragma once

#include <QString>

namespace grpc {
class Status;
}

namespace vigie::rpc {

// A failed call, described for an operator: what happened, in words, without gRPC jargon where possible.
struct RpcError {
    int code = 0;          // grpc::StatusCode
    QString serverMessage; // the status message as received
    QString text;          // human-readable description shown in the UI

    bool isUnreachable() const;    // UNAVAILABLE / DEADLINE_EXCEEDED: retry later
    bool isUnauthenticated() const;
    bool isConflict() const;       // ABORTED: the object changed since the version the caller acted on
    bool isRefused() const;        // PERMISSION_DENIED: the user has no right to this
    bool isOutOfRange() const;     // OUT_OF_RANGE: e.g. before the recordings' retention

    // `what` names the action ("Login", "Camera list"), `address` the backend.
    static RpcError fromStatus(const grpc::Status& status, const QString& what, const QString& address);
};

}  // namespace vigie::rpc
