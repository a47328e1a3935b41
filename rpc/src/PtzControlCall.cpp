#include "PtzControlCall.h"

namespace vigie::rpc {

bool PtzControlHandle::write(const vigie::v1::ControlRequest& request, bool last)
{
    // Under the lock: OnDone cannot delete the reactor while a write is being started.
    std::lock_guard lock(m_mutex);
    if (!m_call || m_call->m_ended || m_call->m_writing)
        return false;
    m_call->m_writing = true;
    m_call->m_outgoing = request;
    if (last)
        m_call->StartWriteLast(&m_call->m_outgoing, grpc::WriteOptions());
    else
        m_call->StartWrite(&m_call->m_outgoing);
    return true;
}

void PtzControlHandle::cancel()
{
    std::lock_guard lock(m_mutex);
    if (m_call)
        m_call->m_context.TryCancel();  // OnDone follows with CANCELLED
}

PtzControlCall::PtzControlCall(std::shared_ptr<GuiMarshaller> marshaller, std::shared_ptr<CallTracker> tracker,
                               Handlers handlers)
    : m_marshaller(std::move(marshaller)), m_tracker(std::move(tracker)), m_handlers(std::move(handlers))
{
}

std::shared_ptr<PtzControlHandle> PtzControlCall::start(vigie::v1::PtzService::Stub& stub,
                                                        const vigie::v1::ControlRequest& start, const QString& token,
                                                        std::shared_ptr<GuiMarshaller> marshaller,
                                                        std::shared_ptr<CallTracker> tracker, Handlers handlers)
{
    auto* call = new PtzControlCall(std::move(marshaller), std::move(tracker), std::move(handlers));
    // No deadline (the contract's): the lease, not a deadline, bounds how long a lost client drives.
    if (!token.isEmpty())
        call->m_context.AddMetadata("authorization", "Bearer " + token.toStdString());
    if (!call->m_tracker->begin(&call->m_context)) {
        delete call;
        return nullptr;
    }
    auto handle = std::make_shared<PtzControlHandle>();
    handle->m_call = call;
    call->m_handle = handle;
    stub.async()->Control(&call->m_context, call);
    handle->write(start, false);
    call->StartRead(&call->m_incoming);
    // Writes are started from the GUI thread, outside the reactor's own callbacks: the hold keeps the
    // stream alive until OnReadDone(false) has shut them out (grpcpp's rule for such streams).
    call->AddHold();
    call->StartCall();
    return handle;
}

void PtzControlCall::OnReadDone(bool ok)
{
    if (!ok) {
        // The stream is over: no write may start any more, then OnDone may come (with the status).
        {
            std::lock_guard lock(m_handle->m_mutex);
            m_ended = true;
        }
        RemoveHold();
        return;
    }
    // gRPC thread: copy the event out before the buffer is reused by the next read.
    m_marshaller->post([event = m_incoming, handler = m_handlers.onEvent] { handler(event); });
    StartRead(&m_incoming);
}

void PtzControlCall::OnWriteDone(bool ok)
{
    {
        std::lock_guard lock(m_handle->m_mutex);
        m_writing = false;
    }
    m_marshaller->post([ok, handler = m_handlers.onWriteDone] { handler(ok); });
}

void PtzControlCall::OnDone(const grpc::Status& status)
{
    {
        std::lock_guard lock(m_handle->m_mutex);
        m_handle->m_call = nullptr;
    }
    m_marshaller->post([status, handler = m_handlers.onFinished] { handler(status); });
    m_tracker->end(&m_context);
    delete this;
}

}  // namespace vigie::rpc
