#pragma once
// The directory watch stream (DirectoryService.WatchDirectory), as a gRPC client read reactor.
//
// Ownership: the reactor owns itself from start() and deletes itself in OnDone, on a gRPC thread, after
// the final status has been posted to the GUI thread. The owner never holds the reactor: it holds a
// shared Handle, which can cancel the stream while it runs and does nothing once the reactor is gone.

#include <grpcpp/client_context.h>
#include <grpcpp/support/client_callback.h>

#include <QString>

#include <functional>
#include <memory>
#include <mutex>

#include "CallTracker.h"
#include "vigie/rpc/GuiMarshaller.h"
#include "vigie/v1/directory.grpc.pb.h"

namespace vigie::rpc {

// What the owner keeps of a watch. Any thread; safe to use after the stream ended.
class DirectoryWatchHandle {
public:
    void cancel();

private:
    friend class DirectoryWatch;
    std::mutex m_mutex;
    grpc::ClientContext* m_context = nullptr;  // guarded by m_mutex; null once the reactor is done
};

class DirectoryWatch : public grpc::ClientReadReactor<vigie::v1::WatchDirectoryResponse> {
public:
    using Handle = DirectoryWatchHandle;

    using EventHandler = std::function<void(const vigie::v1::WatchDirectoryResponse&)>;
    using FinishHandler = std::function<void(const grpc::Status&)>;

    // Both handlers run on the marshaller's thread.
    static std::shared_ptr<Handle> start(vigie::v1::DirectoryService::Stub& stub, const QString& token,
                                 qint64 afterRevision, std::shared_ptr<GuiMarshaller> marshaller,
                                 std::shared_ptr<CallTracker> tracker, EventHandler onEvent,
                                 FinishHandler onFinished);

    void OnReadDone(bool ok) override;
    void OnDone(const grpc::Status& status) override;

private:
    DirectoryWatch(std::shared_ptr<GuiMarshaller> marshaller, std::shared_ptr<CallTracker> tracker,
                   EventHandler onEvent, FinishHandler onFinished);

    std::shared_ptr<Handle> m_handle;
    grpc::ClientContext m_context;
    vigie::v1::WatchDirectoryRequest m_request;
    vigie::v1::WatchDirectoryResponse m_response;  // written by gRPC between StartRead and OnReadDone
    std::shared_ptr<GuiMarshaller> m_marshaller;
    std::shared_ptr<CallTracker> m_tracker;
    EventHandler m_onEvent;
    FinishHandler m_onFinished;
};

}  // namespace vigie::rpc
