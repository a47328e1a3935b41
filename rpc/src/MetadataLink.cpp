#include "vigie/rpc/MetadataLink.h"

#include <QThread>
#include <QTimer>

#include <algorithm>

#include <google/protobuf/util/time_util.h>

#include "AlarmMapping.h"
#include "CallTracker.h"
#include "ChannelHolder.h"
#include "ReadStream.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/rpc/GuiMarshaller.h"
#include "vigie/rpc/RpcError.h"
#include "vigie/v1/alarms.grpc.pb.h"

namespace vigie::rpc {

namespace {

int retryDelayMs(int failuresInARow)
{
    return std::min(500 << std::clamp(failuresInARow - 1, 0, 3), 4000);
}

// Refusals that retrying will not change while the session stays the same.
bool isFinalRefusal(int code)
{
    return code == grpc::StatusCode::NOT_FOUND || code == grpc::StatusCode::PERMISSION_DENIED ||
           code == grpc::StatusCode::UNIMPLEMENTED || code == grpc::StatusCode::INVALID_ARGUMENT;
}

}  // namespace

MetadataLink::MetadataLink(BackendClient* backend, QObject* parent)
    : QObject(parent),
      m_backend(backend),
      m_marshaller(GuiMarshaller::create(this)),
      m_calls(std::make_shared<CallTracker>())
{
    connect(m_backend, &BackendClient::stateChanged, this, &MetadataLink::onBackendState);
    m_online = m_backend->state() == ConnectionState::Online;
}

MetadataLink::~MetadataLink()
{
    m_marshaller->detach();
    m_calls->cancelAllAndWait(std::chrono::seconds(2));
}

void MetadataLink::want(const QString& cameraId)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (cameraId.isEmpty())
        return;
    auto it = m_feeds.find(cameraId);
    if (it != m_feeds.end()) {
        ++it->users;
        return;
    }
    Feed feed;
    feed.users = 1;
    feed.silenceTimer = new QTimer(this);
    feed.silenceTimer->setSingleShot(true);
    connect(feed.silenceTimer, &QTimer::timeout, this,
            [this, cameraId] { failed(cameraId, tr("The analytics stream fell silent"), true); });
    feed.retryTimer = new QTimer(this);
    feed.retryTimer->setSingleShot(true);
    connect(feed.retryTimer, &QTimer::timeout, this, [this, cameraId] { open(cameraId); });
    feed.staleTimer = new QTimer(this);
    feed.staleTimer->setSingleShot(true);
    connect(feed.staleTimer, &QTimer::timeout, this, [this, cameraId] {
        // Objects were on screen and no frame came since: they may have moved anywhere.
        setObjects(cameraId, false, {});
    });
    m_feeds.insert(cameraId, feed);
    open(cameraId);
}

void MetadataLink::unwant(const QString& cameraId)
{
    Q_ASSERT(thread() == QThread::currentThread());
    auto it = m_feeds.find(cameraId);
    if (it == m_feeds.end() || --it->users > 0)
        return;
    close(*it);
    delete it->silenceTimer;
    delete it->retryTimer;
    delete it->staleTimer;
    const bool hadObjects = it->hasObjects;
    m_feeds.erase(it);
    if (hadObjects)
        emit objectsChanged(cameraId);
}

int MetadataLink::wantedCount(const QString& cameraId) const
{
    const auto it = m_feeds.constFind(cameraId);
    return it == m_feeds.constEnd() ? 0 : it->users;
}

const QList<DetectedObject>* MetadataLink::objects(const QString& cameraId) const
{
    const auto it = m_feeds.constFind(cameraId);
    return it != m_feeds.constEnd() && it->hasObjects ? &it->objects : nullptr;
}

QDateTime MetadataLink::frameTime(const QString& cameraId) const
{
    const auto it = m_feeds.constFind(cameraId);
    return it != m_feeds.constEnd() && it->hasObjects ? it->frameTime : QDateTime();
}

bool MetadataLink::hasAnalytics(const QString& cameraId) const
{
    const auto it = m_feeds.constFind(cameraId);
    return it != m_feeds.constEnd() && it->hasObjects && it->framesSeen;
}

QString MetadataLink::problem(const QString& cameraId) const
{
    const auto it = m_feeds.constFind(cameraId);
    return it == m_feeds.constEnd() ? QString() : it->problem;
}

void MetadataLink::onBackendState()
{
    const bool online = m_backend->state() == ConnectionState::Online;
    if (online == m_online)
        return;  // another detail of the same state: the streams stay as they are
    m_online = online;
    for (auto it = m_feeds.begin(); it != m_feeds.end(); ++it) {
        close(*it);
        it->refused = false;  // a new session may see what the old one could not
        it->failuresInARow = 0;
        it->retryTimer->stop();
    }
    const QStringList cameras = m_feeds.keys();
    for (const QString& cameraId : cameras) {
        if (online)
            open(cameraId);
        else
            setObjects(cameraId, false, {});
    }
}

void MetadataLink::open(const QString& cameraId)
{
    auto it = m_feeds.find(cameraId);
    if (it == m_feeds.end() || it->refused || m_backend->state() != ConnectionState::Online)
        return;
    close(*it);
    const quint64 generation = it->generation;
    vigie::v1::SubscribeMetadataRequest request;
    request.set_camera_id(cameraId.toStdString());
    request.set_max_frames_per_second(m_maxFramesPerSecond);
    auto& stub = m_backend->m_channel->alarms();
    const QString token = m_backend->m_token;
    it->stream = ReadStream<vigie::v1::SubscribeMetadataRequest, vigie::v1::SubscribeMetadataResponse>::start(
        [&stub](auto* ctx, auto* req, auto* reactor) { stub.async()->SubscribeMetadata(ctx, req, reactor); },
        std::move(request), token, m_marshaller, m_calls,
        [this, cameraId, generation](const vigie::v1::SubscribeMetadataResponse& event) {
            auto feed = m_feeds.find(cameraId);
            if (feed == m_feeds.end() || feed->generation != generation)
                return;
            feed->silenceTimer->start(kSilenceLimit);
            feed->failuresInARow = 0;
            feed->problem.clear();
            if (!event.has_frame()) {
                // A heartbeat: the camera reports nothing now. Known and empty, unless objects are still
                // within their stale delay (a heartbeat does not say they left).
                if (!feed->hasObjects)
                    setObjects(cameraId, true, {});
                return;
            }
            ++m_framesReceived;
            feed->framesSeen = true;
            QList<DetectedObject> objects;
            objects.reserve(event.frame().objects_size());
            for (const auto& object : event.frame().objects())
                objects << toDetectedObject(object);
            feed->frameTime = QDateTime::fromMSecsSinceEpoch(
                google::protobuf::util::TimeUtil::TimestampToMilliseconds(event.frame().frame_time()), Qt::UTC);
            if (objects.isEmpty())
                feed->staleTimer->stop();
            else
                feed->staleTimer->start(kStaleAfter);
            setObjects(cameraId, true, std::move(objects));
        },
        [this, cameraId, generation, token](const grpc::Status& status) {
            auto feed = m_feeds.find(cameraId);
            if (feed == m_feeds.end() || feed->generation != generation)
                return;  // a stream we closed ourselves
            feed->stream.reset();
            RpcError error = RpcError::fromStatus(status, tr("Analytics of %1").arg(cameraId),
                                                  m_backend->options().address);
            if (status.ok())
                error.text = tr("The backend closed the analytics stream");
            if (error.isUnauthenticated()) {
                // The backend link logs in again; its return to Online reopens every stream. A refusal of
                // a token it has replaced already is no news to it: that stream just tries again.
                if (token == m_backend->m_token) {
                    m_backend->failed(error);
                    return;
                }
                failed(cameraId, error.text, true);
                return;
            }
            failed(cameraId, error.text, !isFinalRefusal(error.code));
        });
    if (it->stream)
        it->silenceTimer->start(kSilenceLimit);
}

void MetadataLink::close(Feed& feed)
{
    // Link-wide numbers: a feed dropped and wanted again in one turn gets a new Feed, and the finish of
    // its old stream must not be taken for the new one's.
    feed.generation = ++m_nextGeneration;
    feed.framesSeen = false;
    feed.silenceTimer->stop();
    feed.staleTimer->stop();
    if (feed.stream) {
        feed.stream->cancel();
        feed.stream.reset();
    }
}

void MetadataLink::failed(const QString& cameraId, const QString& problem, bool retry)
{
    auto it = m_feeds.find(cameraId);
    if (it == m_feeds.end())
        return;
    close(*it);
    it->problem = problem;
    if (!retry)
        it->refused = true;
    else if (m_backend->state() == ConnectionState::Online)
        it->retryTimer->start(retryDelayMs(++it->failuresInARow));
    setObjects(cameraId, false, {});
}

void MetadataLink::setObjects(const QString& cameraId, bool known, QList<DetectedObject> objects)
{
    auto it = m_feeds.find(cameraId);
    if (it == m_feeds.end())
        return;
    if (it->hasObjects == known && it->objects == objects)
        return;
    it->hasObjects = known;
    it->objects = std::move(objects);
    emit objectsChanged(cameraId);
}

}  // namespace vigie::rpc
