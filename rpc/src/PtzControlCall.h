#pragma once
// The PTZ Control stream (bidirectional) as a gRPC client reactor, with its events delivered on the GUI
// thread. It only carries messages: what to send and when is PtzDriver's business.
//
// Ownership: as ReadStream, the reactor owns itself from start() and deletes itself in OnDone, on a gRPC
// thread, after the final status has been posted. The owner holds a PtzControlHandle, through which it
// writes and cancels; the handle does nothing once the reactor is gone.
//
// One write at a time: the caller issues the next write only after the previous one's completion reached
// it (the contract of ClientBidiReactor::StartWrite). The handle refuses a write while one is in flight.

#include <grpcpp/client_context.h>
#include <grpcpp/support/client_callback.h>

#include <QString>

#include <functional>
#include <memory>
#include <mutex>

#include "CallTracker.h"
#include "vigie/rpc/GuiMarshaller.h"
#include "vigie/v1/ptz.grpc.pb.h"

namespace vigie::rpc {

class PtzControlCall;

// What the owner keeps of the stream. Any thread; safe to use after the stream ended.
class PtzControlHandle {
public:
    // Starts writing `request`; `last` half-closes the stream with it. False when the stream is over or a
    // write is still in flight (nothing was sent).
    bool write(const vigie::v1::ControlRequest& request, bool last);
    // Ends the stream (CANCELLED); the backend stops the camera.
    void cancel();

private:
    friend class PtzControlCall;
    std::mutex m_mutex;
    PtzControlCall* m_call = nullptr;  // guarded by m_mutex; null once the reactor is done
};

class PtzControlCall final : public grpc::ClientBidiReactor<vigie::v1::ControlRequest, vigie::v1::ControlResponse> {
public:
    struct Handlers {
        std::function<void(const vigie::v1::ControlResponse&)> onEvent;
        std::function<void(bool ok)> onWriteDone;  // ok false: the stream is broken, OnDone follows
        std::function<void(const grpc::Status&)> onFinished;
    };

    // Opens the stream and writes `start` (its completion is reported like any write). The handlers run
    // on the marshaller's thread. Null when the tracker is shutting down.
    static std::shared_ptr<PtzControlHandle> start(vigie::v1::PtzService::Stub& stub,
                                                   const vigie::v1::ControlRequest& start, const QString& token,
                                                   std::shared_ptr<GuiMarshaller> marshaller,
                                                   std::shared_ptr<CallTracker> tracker, Handlers handlers);

    void OnReadDone(bool ok) override;
    void OnWriteDone(bool ok) override;
    void OnDone(const grpc::Status& status) override;

private:
    friend class PtzControlHandle;
    PtzControlCall(std::shared_ptr<GuiMarshaller> marshaller, std::shared_ptr<CallTracker> tracker,
                   Handlers handlers);

    std::shared_ptr<PtzControlHandle> m_handle;
    grpc::ClientContext m_context;
    vigie::v1::ControlRequest m_outgoing;  // read by gRPC between StartWrite and OnWriteDone
    bool m_writing = false;                // guarded by m_handle->m_mutex
    bool m_ended = false;                  // guarded by m_handle->m_mutex: the read side saw the end
    vigie::v1::ControlResponse m_incoming;  // written by gRPC between StartRead and OnReadDone
    std::shared_ptr<GuiMarshaller> m_marshaller;
    std::shared_ptr<CallTracker> m_tracker;
    Handlers m_handlers;
};

}  // namespace vigie::rpc
