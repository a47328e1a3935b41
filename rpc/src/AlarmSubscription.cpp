#include "AlarmSubscription.h"

#include "AlarmMapping.h"

namespace vigie::rpc {

namespace {

AlarmFeedEvent toFeedEvent(const vigie::v1::SubscribeAlarmsResponse& response)
{
    AlarmFeedEvent event;
    event.sequence = response.sequence();
    switch (response.event_case()) {
    case vigie::v1::SubscribeAlarmsResponse::kAlarm:
        event.kind = AlarmFeedEvent::Kind::Alarm;
        event.alarm = toAlarm(response.alarm());
        break;
    case vigie::v1::SubscribeAlarmsResponse::kAlarmRemoved:
        event.kind = AlarmFeedEvent::Kind::Removed;
        event.alarmId = QString::fromStdString(response.alarm_removed());
        break;
    case vigie::v1::SubscribeAlarmsResponse::kHeartbeat:
        event.kind = AlarmFeedEvent::Kind::Heartbeat;
        break;
    case vigie::v1::SubscribeAlarmsResponse::kResync:
        event.kind = AlarmFeedEvent::Kind::Resync;
        event.oldestSequence = response.resync().oldest_sequence();
        break;
    default:
        event.kind = AlarmFeedEvent::Kind::Other;
        break;
    }
    return event;
}

}  // namespace

AlarmSubscription::AlarmSubscription(std::shared_ptr<GuiMarshaller> marshaller, std::shared_ptr<CallTracker> tracker,
                                     PendingHandler onPending, FinishHandler onFinished)
    : m_feed(std::make_shared<AlarmFeed>()),
      m_marshaller(std::move(marshaller)),
      m_tracker(std::move(tracker)),
      m_onPending(std::move(onPending)),
      m_onFinished(std::move(onFinished))
{
}

std::shared_ptr<AlarmFeed> AlarmSubscription::start(vigie::v1::AlarmService::Stub& stub,
                                                    vigie::v1::SubscribeAlarmsRequest request, const QString& token,
                                                    std::shared_ptr<GuiMarshaller> marshaller,
                                                    std::shared_ptr<CallTracker> tracker, PendingHandler onPending,
                                                    FinishHandler onFinished)
{
    auto* stream = new AlarmSubscription(std::move(marshaller), std::move(tracker), std::move(onPending),
                                         std::move(onFinished));
    stream->m_request = std::move(request);
    if (!token.isEmpty())
        stream->m_context.AddMetadata("authorization", "Bearer " + token.toStdString());
    if (!stream->m_tracker->begin(&stream->m_context)) {
        delete stream;
        return nullptr;
    }
    std::shared_ptr<AlarmFeed> feed = stream->m_feed;
    {
        std::lock_guard lock(feed->m_mutex);
        feed->m_context = &stream->m_context;
    }
    stub.async()->SubscribeAlarms(&stream->m_context, &stream->m_request, stream);
    stream->StartRead(&stream->m_response);
    stream->StartCall();
    return feed;
}

void AlarmSubscription::OnReadDone(bool ok)
{
    if (!ok)
        return;  // the stream is over; OnDone follows with the status
    // gRPC thread: converting here keeps the GUI thread's share of a storm to applying the results.
    if (m_feed->push(toFeedEvent(m_response)))
        m_marshaller->post(m_onPending);
    StartRead(&m_response);
}

void AlarmSubscription::OnDone(const grpc::Status& status)
{
    {
        std::lock_guard lock(m_feed->m_mutex);
        m_feed->m_context = nullptr;
    }
    m_marshaller->post([status, handler = m_onFinished] { handler(status); });
    m_tracker->end(&m_context);
    delete this;
}

}  // namespace vigie::rpc
