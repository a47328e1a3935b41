#include "vigie/rpc/RpcError.h"

#include <QCoreApplication>

#include <grpcpp/support/status.h>

namespace vigie::rpc {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("vigie::rpc::RpcError", text);
}

// gRPC reports TLS failures as UNAVAILABLE with the handshake error buried in the message.
bool looksLikeTlsFailure(const QString& message)
{
    return message.contains(QLatin1String("handshake"), Qt::CaseInsensitive) ||
           message.contains(QLatin1String("CERTIFICATE_VERIFY_FAILED")) ||
           message.contains(QLatin1String("SSL_ERROR"));
}

}  // namespace

bool RpcError::isUnreachable() const
{
    return code == grpc::StatusCode::UNAVAILABLE || code == grpc::StatusCode::DEADLINE_EXCEEDED;
}

bool RpcError::isUnauthenticated() const
{
    return code == grpc::StatusCode::UNAUTHENTICATED;
}

bool RpcError::isConflict() const
{
    return code == grpc::StatusCode::ABORTED;
}

bool RpcError::isRefused() const
{
    return code == grpc::StatusCode::PERMISSION_DENIED;
}

bool RpcError::isOutOfRange() const
{
    return code == grpc::StatusCode::OUT_OF_RANGE;
}

RpcError RpcError::fromStatus(const grpc::Status& status, const QString& what, const QString& address)
{
    RpcError error;
    error.code = status.error_code();
    error.serverMessage = QString::fromStdString(status.error_message());
    const QString& msg = error.serverMessage;

    switch (status.error_code()) {
    case grpc::StatusCode::OK:
        break;
    case grpc::StatusCode::UNAVAILABLE:
        if (looksLikeTlsFailure(msg)) {
            if (msg.contains(QLatin1String("CERTIFICATE_VERIFY_FAILED")) ||
                msg.contains(QLatin1String("certificate verify failed"), Qt::CaseInsensitive))
                error.text = tr("Secure connection to %1 refused: its certificate is not signed by a trusted "
                                "authority (check the CA file)").arg(address);
            else if (msg.contains(QLatin1String("WRONG_VERSION_NUMBER")))
                error.text = tr("Secure connection to %1 failed: the backend does not speak TLS").arg(address);
            else
                error.text = tr("Secure connection to %1 failed (TLS handshake): %2").arg(address, msg);
        } else if (msg.contains(QLatin1String("Socket closed"))) {
            // What a plain-text client sees from a TLS-only backend.
            error.text = tr("Backend at %1 closed the connection while it was being set up (does it expect TLS?)")
                             .arg(address);
        } else if (msg.contains(QLatin1String("Connection refused"), Qt::CaseInsensitive)) {
            error.text = tr("Backend unreachable at %1: connection refused").arg(address);
        } else {
            error.text = tr("Backend unreachable at %1: %2").arg(address, msg);
        }
        break;
    case grpc::StatusCode::DEADLINE_EXCEEDED:
        error.text = tr("%1: the backend at %2 did not answer in time").arg(what, address);
        break;
    case grpc::StatusCode::UNAUTHENTICATED:
        error.text = tr("%1 refused: %2").arg(what, msg.isEmpty() ? tr("not authenticated") : msg);
        break;
    case grpc::StatusCode::PERMISSION_DENIED:
        error.text = tr("%1: permission denied (%2)").arg(what, msg);
        break;
    case grpc::StatusCode::UNIMPLEMENTED:
        error.text = tr("%1: this backend does not implement it").arg(what);
        break;
    default:
        error.text = tr("%1 failed: %2").arg(what, msg.isEmpty() ? tr("error %1").arg(error.code) : msg);
        break;
    }
    return error;
}

}  // namespace vigie::rpc
