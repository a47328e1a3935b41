#include "vigie/rpc/RecordingLink.h"

#include <google/protobuf/util/time_util.h>

#include <QThread>

#include "LinkCalls.h"
#include "RecordingMapping.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/rpc/RecordingReader.h"

namespace vigie::rpc {

RecordingLink::RecordingLink(BackendClient* backend, QObject* parent)
    : QObject(parent),
      m_backend(backend),
      m_calls(std::make_unique<LinkCalls>(this, backend)),
      m_reader(std::make_shared<RecordingReader>(backend->options().address, backend->options().callDeadline))
{
    // The reader's session follows the backend link's; a refusal it meets is said to the backend link
    // here, on the GUI thread, only if that session is still the current one.
    m_reader->setRefusalHandler(this, [this](const QString& token, const RpcError& error) {
        m_calls->reportRefusedSession(token, error);
    });
    connect(m_backend, &BackendClient::stateChanged, this, &RecordingLink::publishSession);
    publishSession();
}

RecordingLink::~RecordingLink()
{
    Q_ASSERT(thread() == QThread::currentThread());
    m_reader->close();
    m_calls.reset();
}

void RecordingLink::publishSession()
{
    if (m_calls->callable())
        m_reader->setSession(m_calls->channelShared(), m_calls->token());
    else
        m_reader->setSession(nullptr, QString());
}

void RecordingLink::timeline(const QString& cameraId, const TimeSpanMs& range, qint64 resolutionMs,
                             TimelineDone done)
{
    Q_ASSERT(thread() == QThread::currentThread());
    vigie::v1::GetTimelineRequest request;
    request.set_camera_id(cameraId.toStdString());
    *request.mutable_range() = toProtoRange(range);
    if (resolutionMs > 0)
        *request.mutable_resolution() = google::protobuf::util::TimeUtil::MillisecondsToDuration(resolutionMs);
    m_calls->call<vigie::v1::GetTimelineRequest, vigie::v1::GetTimelineResponse>(
        [](ChannelHolder& channel, auto* ctx, auto* req, auto* resp, auto cb) {
            channel.recordings().async()->GetTimeline(ctx, req, resp, cb);
        },
        std::move(request), tr("Recordings of %1").arg(cameraId), true,
        [done, cameraId, range](const vigie::v1::GetTimelineResponse& response) {
            Timeline timeline;
            timeline.cameraId = cameraId;
            timeline.requested = range;
            timeline.spans.reserve(response.spans_size());
            for (const auto& span : response.spans())
                timeline.spans << toTimelineSpan(span);
            timeline.effectiveResolutionMs =
                google::protobuf::util::TimeUtil::DurationToMilliseconds(response.effective_resolution());
            timeline.availableFromMs = toMs(response.available_from());
            done(timeline, std::nullopt);
        },
        [done, cameraId, range](const RpcError& error) {
            Timeline empty;
            empty.cameraId = cameraId;
            empty.requested = range;
            done(empty, error);
        });
}

void RecordingLink::searchEvents(const QStringList& cameraIds, const TimeSpanMs& range, EventsDone done, int limit)
{
    Q_ASSERT(thread() == QThread::currentThread());
    searchPage(cameraIds, range, QString(), {}, limit, std::move(done));
}

void RecordingLink::searchPage(const QStringList& cameraIds, const TimeSpanMs& range, const QString& pageToken,
                               QList<RecordedEvent> gathered, int limit, EventsDone done)
{
    vigie::v1::SearchEventsRequest request;
    for (const QString& id : cameraIds)
        request.add_camera_ids(id.toStdString());
    *request.mutable_range() = toProtoRange(range);
    request.mutable_page()->set_page_size(1000);
    request.mutable_page()->set_page_token(pageToken.toStdString());
    m_calls->call<vigie::v1::SearchEventsRequest, vigie::v1::SearchEventsResponse>(
        [](ChannelHolder& channel, auto* ctx, auto* req, auto* resp, auto cb) {
            channel.recordings().async()->SearchEvents(ctx, req, resp, cb);
        },
        std::move(request), tr("Events of the recordings"), true,
        [this, cameraIds, range, gathered, limit, done](const vigie::v1::SearchEventsResponse& response) mutable {
            for (const auto& event : response.events()) {
                if (gathered.size() >= limit)
                    break;
                gathered << toRecordedEvent(event);
            }
            const QString next = QString::fromStdString(response.page().next_page_token());
            if (next.isEmpty() || gathered.size() >= limit) {
                done(gathered, std::nullopt);
                return;
            }
            searchPage(cameraIds, range, next, std::move(gathered), limit, std::move(done));
        },
        [done, gathered](const RpcError& error) { done(gathered, error); });
}

void RecordingLink::retention(const QStringList& cameraIds, RetentionDone done)
{
    Q_ASSERT(thread() == QThread::currentThread());
    vigie::v1::GetRetentionRequest request;
    for (const QString& id : cameraIds)
        request.add_camera_ids(id.toStdString());
    m_calls->call<vigie::v1::GetRetentionRequest, vigie::v1::GetRetentionResponse>(
        [](ChannelHolder& channel, auto* ctx, auto* req, auto* resp, auto cb) {
            channel.recordings().async()->GetRetention(ctx, req, resp, cb);
        },
        std::move(request), tr("Retention of the recordings"), true,
        [done](const vigie::v1::GetRetentionResponse& response) {
            QList<CameraRetention> cameras;
            for (const auto& camera : response.cameras())
                cameras << toCameraRetention(camera);
            done(cameras, google::protobuf::util::TimeUtil::DurationToMilliseconds(response.legal_maximum()),
                 std::nullopt);
        },
        [done](const RpcError& error) { done({}, 0, error); });
}

}  // namespace vigie::rpc
