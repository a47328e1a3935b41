#include "DirectoryWatch.h"

namespace vigie::rpc {

DirectoryWatch::DirectoryWatch(std::shared_ptr<GuiMarshaller> marshaller, std::shared_ptr<CallTracker> tracker,
                               EventHandler onEvent, FinishHandler onFinished)
    : m_marshaller(std::move(marshaller)),
      m_tracker(std::move(tracker)),
      m_onEvent(std::move(onEvent)),
      m_onFinished(std::move(onFinished))
{
}

void DirectoryWatchHandle::cancel()
{
    std::lock_guard lock(m_mutex);
    if (m_context)
        m_context->TryCancel();  // the stream then ends with CANCELLED through the finish handler
}

std::shared_ptr<DirectoryWatch::Handle> DirectoryWatch::start(vigie::v1::DirectoryService::Stub& stub, const QString& token,
                                      qint64 afterRevision, std::shared_ptr<GuiMarshaller> marshaller,
                                      std::shared_ptr<CallTracker> tracker, EventHandler onEvent,
                                      FinishHandler onFinished)
{
    auto* watch = new DirectoryWatch(std::move(marshaller), std::move(tracker), std::move(onEvent),
                                     std::move(onFinished));
    watch->m_request.set_after_revision(afterRevision);
    if (!token.isEmpty())
        watch->m_context.AddMetadata("authorization", "Bearer " + token.toStdString());
    if (!watch->m_tracker->begin(&watch->m_context)) {
        delete watch;
        return nullptr;
    }
    auto handle = std::make_shared<Handle>();
    handle->m_context = &watch->m_context;
    watch->m_handle = handle;
    stub.async()->WatchDirectory(&watch->m_context, &watch->m_request, watch);
    watch->StartRead(&watch->m_response);
    watch->StartCall();
    return handle;
}

void DirectoryWatch::OnReadDone(bool ok)
{
    if (!ok)
        return;  // the stream is over; OnDone follows with the status
    // gRPC thread: copy the event out before the buffer is reused by the next read.
    m_marshaller->post([event = m_response, handler = m_onEvent] { handler(event); });
    StartRead(&m_response);
}

void DirectoryWatch::OnDone(const grpc::Status& status)
{
    {
        std::lock_guard lock(m_handle->m_mutex);
        m_handle->m_context = nullptr;
    }
    m_marshaller->post([status, handler = m_onFinished] { handler(status); });
    m_tracker->end(&m_context);
    delete this;
}

}  // namespace vigie::rpc
