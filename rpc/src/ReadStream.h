#pragma once
// A server-streaming call (a watch) as a gRPC client read reactor, with its events delivered on the GUI
// thread. Used for every watch of the contract (directory, walls, …).
//
// Ownership: the reactor owns itself from start() and deletes itself in OnDone, on a gRPC thread, after
// the final status has been posted to the GUI thread. The owner never holds the reactor: it holds a
// shared ReadStreamHandle, which can cancel the stream while it runs and does nothing once the reactor
// is gone.

#include <grpcpp/client_context.h>
#include <grpcpp/support/client_callback.h>

#include <QString>

#include <functional>
#include <memory>
#include <mutex>

#include "CallTracker.h"
#include "vigie/rpc/GuiMarshaller.h"

namespace vigie::rpc {

// What the owner keeps of a stream. Any thread; safe to use after the stream ended.
class ReadStreamHandle {
public:
    void cancel()
    {
        std::lock_guard lock(m_mutex);
        if (m_context)
            m_context->TryCancel();  // the stream then ends with CANCELLED through the finish handler
    }

private:
    template <class Request, class Response>
    friend class ReadStream;
    std::mutex m_mutex;
    grpc::ClientContext* m_context = nullptr;  // guarded by m_mutex; null once the reactor is done
};

template <class Request, class Response>
class ReadStream final : public grpc::ClientReadReactor<Response> {
public:
    using EventHandler = std::function<void(const Response&)>;
    using FinishHandler = std::function<void(const grpc::Status&)>;

    // `startCall(context, request, reactor)` issues the call, e.g.
    // `[&stub](auto* ctx, auto* req, auto* reactor) { stub.async()->WatchDirectory(ctx, req, reactor); }`.
    // Both handlers run on the marshaller's thread. Null when the tracker is shutting down.
    template <class StartCall>
    static std::shared_ptr<ReadStreamHandle> start(StartCall&& startCall, Request request, const QString& token,
                                                   std::shared_ptr<GuiMarshaller> marshaller,
                                                   std::shared_ptr<CallTracker> tracker, EventHandler onEvent,
                                                   FinishHandler onFinished)
    {
        auto* stream = new ReadStream(std::move(marshaller), std::move(tracker), std::move(onEvent),
                                      std::move(onFinished));
        stream->m_request = std::move(request);
        if (!token.isEmpty())
            stream->m_context.AddMetadata("authorization", "Bearer " + token.toStdString());
        if (!stream->m_tracker->begin(&stream->m_context)) {
            delete stream;
            return nullptr;
        }
        auto handle = std::make_shared<ReadStreamHandle>();
        handle->m_context = &stream->m_context;
        stream->m_handle = handle;
        startCall(&stream->m_context, &stream->m_request, stream);
        stream->StartRead(&stream->m_response);
        stream->StartCall();
        return handle;
    }

    void OnReadDone(bool ok) override
    {
        if (!ok)
            return;  // the stream is over; OnDone follows with the status
        // gRPC thread: copy the event out before the buffer is reused by the next read.
        m_marshaller->post([event = m_response, handler = m_onEvent] { handler(event); });
        this->StartRead(&m_response);
    }

    void OnDone(const grpc::Status& status) override
    {
        {
            std::lock_guard lock(m_handle->m_mutex);
            m_handle->m_context = nullptr;
        }
        m_marshaller->post([status, handler = m_onFinished] { handler(status); });
        m_tracker->end(&m_context);
        delete this;
    }

private:
    ReadStream(std::shared_ptr<GuiMarshaller> marshaller, std::shared_ptr<CallTracker> tracker, EventHandler onEvent,
               FinishHandler onFinished)
        : m_marshaller(std::move(marshaller)),
          m_tracker(std::move(tracker)),
          m_onEvent(std::move(onEvent)),
          m_onFinished(std::move(onFinished))
    {
    }

    std::shared_ptr<ReadStreamHandle> m_handle;
    grpc::ClientContext m_context;
    Request m_request;
    Response m_response;  // written by gRPC between StartRead and OnReadDone
    std::shared_ptr<GuiMarshaller> m_marshaller;
    std::shared_ptr<CallTracker> m_tracker;
    EventHandler m_onEvent;
    FinishHandler m_onFinished;
};

}  // namespace vigie::rpc
