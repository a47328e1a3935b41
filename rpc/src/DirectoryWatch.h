#pragma once
// The directory watch stream (DirectoryService.WatchDirectory), as a gRPC client read reactor.
//
// Ownership: the reactor owns itself from start() and deletes itself in OnDone, after the final status
// has been posted to the GUI thread. The owner keeps a raw pointer only to cancel() it, and must forget
// that pointer when the `finished` callback arrives.

#include <grpcpp/client_context.h>
#include <grpcpp/support/client_callback.h>

#include <QString>

#include <functional>
#include <memory>

#include "CallTracker.h"
#include "vigie/rpc/GuiMarshaller.h"
#include "vigie/v1/directory.grpc.pb.h"

namespace vigie::rpc {

class DirectoryWatch : public grpc::ClientReadReactor<vigie::v1::WatchDirectoryResponse> {
public:
    using EventHandler = std::function<void(const vigie::v1::WatchDirectoryResponse&)>;
    using FinishHandler = std::function<void(const grpc::Status&)>;

    // Both handlers run on the marshaller's thread.
    static DirectoryWatch* start(vigie::v1::DirectoryService::Stub& stub, const QString& token,
                                 qint64 afterRevision, std::shared_ptr<GuiMarshaller> marshaller,
                                 std::shared_ptr<CallTracker> tracker, EventHandler onEvent,
                                 FinishHandler onFinished);

    // Any thread; the stream then ends with CANCELLED through the finish handler.
    void cancel() { m_context.TryCancel(); }

    void OnReadDone(bool ok) override;
    void OnDone(const grpc::Status& status) override;

private:
    DirectoryWatch(std::shared_ptr<GuiMarshaller> marshaller, std::shared_ptr<CallTracker> tracker,
                   EventHandler onEvent, FinishHandler onFinished);

    grpc::ClientContext m_context;
    vigie::v1::WatchDirectoryRequest m_request;
    vigie::v1::WatchDirectoryResponse m_response;  // written by gRPC between StartRead and OnReadDone
    std::shared_ptr<GuiMarshaller> m_marshaller;
    std::shared_ptr<CallTracker> m_tracker;
    EventHandler m_onEvent;
    FinishHandler m_onFinished;
};

}  // namespace vigie::rpc
