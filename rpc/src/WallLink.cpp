#include "vigie/rpc/WallLink.h"

#include <QThread>
#include <QTimer>
#include <QUuid>

#include <algorithm>

#include "CallTracker.h"
#include "ChannelHolder.h"
#include "ReadStream.h"
#include "UnaryCall.h"
#include "WallMapping.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/rpc/GuiMarshaller.h"

namespace vigie::rpc {

namespace {

// Heartbeats asked of the backend: often enough that a dead watch is noticed within the silence limit.
constexpr int kHeartbeatSeconds = 2;
// A push the backend could not be reached for is tried this many times in all, with the same request id.
constexpr int kPushAttempts = 3;
constexpr int kPushRetryDelayMs = 400;

int watchRetryDelayMs(int failuresInARow)
{
    return std::min(500 << std::clamp(failuresInARow - 1, 0, 3), 4000);
}

std::string newRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

}  // namespace

WallLink::WallLink(BackendClient* backend, QObject* parent)
    : QObject(parent),
      m_backend(backend),
      m_marshaller(GuiMarshaller::create(this)),
      m_calls(std::make_shared<CallTracker>())
{
    connect(m_backend, &BackendClient::stateChanged, this, &WallLink::onBackendState);
    if (m_backend->state() == ConnectionState::Online)
        listWalls();
}

WallLink::~WallLink()
{
    m_marshaller->detach();
    m_calls->cancelAllAndWait(std::chrono::seconds(2));
}

const WallInfo* WallLink::wall(const QString& wallId) const
{
    for (const auto& wall : m_walls)
        if (wall.id == wallId)
            return &wall;
    return nullptr;
}

const WallInfo* WallLink::findWall(const QString& idOrName) const
{
    if (const auto* byId = wall(idOrName))
        return byId;
    for (const auto& wall : m_walls)
        if (wall.name.compare(idOrName, Qt::CaseInsensitive) == 0)
            return &wall;
    return nullptr;
}

const WallState* WallLink::state(const QString& wallId) const
{
    auto it = m_states.constFind(wallId);
    return it == m_states.constEnd() ? nullptr : &it.value();
}

bool WallLink::isLive(const QString& wallId) const
{
    auto it = m_watches.constFind(wallId);
    return it != m_watches.constEnd() && it->live;
}

void WallLink::onBackendState()
{
    if (m_backend->state() == ConnectionState::Online) {
        listWalls();
        for (const QString& wallId : m_watches.keys())
            if (!m_watches.value(wallId).stream)
                openWatch(wallId);
        return;
    }
    // The link is down: the backend client retries; watches reopen when it is back.
    ++m_listGeneration;
    for (auto& watch : m_watches)
        closeWatch(watch);
    // Signals after the loop: a receiver may watch or unwatch.
    for (const QString& wallId : m_watches.keys())
        setLive(wallId, false, m_backend->stateDetail());
}

void WallLink::listWalls()
{
    Q_ASSERT(thread() == QThread::currentThread());
    const quint64 generation = ++m_listGeneration;
    auto& stub = m_backend->m_channel->walls();
    startUnaryCall<vigie::v1::ListWallsRequest, vigie::v1::ListWallsResponse>(
        [&stub](auto* ctx, auto* req, auto* resp, auto cb) { stub.async()->ListWalls(ctx, req, resp, std::move(cb)); },
        vigie::v1::ListWallsRequest(), m_backend->m_token, m_backend->options().callDeadline, m_marshaller, m_calls,
        [this, generation](const grpc::Status& status, const vigie::v1::ListWallsResponse& response) {
            if (generation != m_listGeneration)
                return;
            if (!status.ok()) {
                // Not fatal for the console (walls are an extra); the wall display says it on screen.
                m_wallsError = RpcError::fromStatus(status, tr("Wall list"), m_backend->options().address).text;
                emit wallsChanged();
                return;
            }
            m_walls.clear();
            for (const auto& wall : response.walls())
                m_walls << toWallInfo(wall);
            std::sort(m_walls.begin(), m_walls.end(), [](const WallInfo& a, const WallInfo& b) {
                return QString::localeAwareCompare(a.name, b.name) < 0;
            });
            m_wallsLoaded = true;
            m_wallsError.clear();
            emit wallsChanged();
        });
}

void WallLink::watch(const QString& wallId)
{
    if (m_watches.contains(wallId))
        return;
    Watch& watch = m_watches[wallId];
    watch.silenceTimer = new QTimer(this);
    watch.silenceTimer->setSingleShot(true);
    connect(watch.silenceTimer, &QTimer::timeout, this, [this, wallId] {
        watchFailed(wallId, tr("No news of the wall for %1 s").arg(m_backend->options().watchSilenceLimit.count() / 1000));
    });
    watch.retryTimer = new QTimer(this);
    watch.retryTimer->setSingleShot(true);
    connect(watch.retryTimer, &QTimer::timeout, this, [this, wallId] { openWatch(wallId); });
    if (m_backend->state() == ConnectionState::Online)
        openWatch(wallId);
}

void WallLink::unwatch(const QString& wallId)
{
    auto it = m_watches.find(wallId);
    if (it == m_watches.end())
        return;
    closeWatch(*it);
    delete it->silenceTimer;
    delete it->retryTimer;
    m_watches.erase(it);
}

void WallLink::closeWatch(Watch& watch)
{
    ++watch.generation;
    if (watch.stream) {
        watch.stream->cancel();
        watch.stream.reset();
    }
    watch.silenceTimer->stop();
    watch.retryTimer->stop();
}

void WallLink::openWatch(const QString& wallId)
{
    auto it = m_watches.find(wallId);
    if (it == m_watches.end() || m_backend->state() != ConnectionState::Online)
        return;
    closeWatch(*it);
    const quint64 generation = it->generation;
    vigie::v1::WatchWallRequest request;
    request.set_wall_id(wallId.toStdString());
    request.mutable_heartbeat_interval()->set_seconds(kHeartbeatSeconds);
    auto& stub = m_backend->m_channel->walls();
    it->stream = ReadStream<vigie::v1::WatchWallRequest, vigie::v1::WatchWallResponse>::start(
        [&stub](auto* ctx, auto* req, auto* reactor) { stub.async()->WatchWall(ctx, req, reactor); },
        std::move(request), m_backend->m_token, m_marshaller, m_calls,
        [this, wallId, generation](const vigie::v1::WatchWallResponse& event) {
            auto watch = m_watches.find(wallId);
            if (watch == m_watches.end() || watch->generation != generation)
                return;
            watch->silenceTimer->start(m_backend->options().watchSilenceLimit);
            switch (event.event_case()) {
            case vigie::v1::WatchWallResponse::kSnapshot:
                watch->failuresInARow = 0;
                m_states.remove(wallId);  // a snapshot replaces everything, even a newer pushed answer
                adoptState(toWallState(event.snapshot()));
                setLive(wallId, true, QString());
                break;
            case vigie::v1::WatchWallResponse::kMonitor: {
                auto state = m_states.find(wallId);
                if (state == m_states.end())
                    break;  // never before the snapshot
                if (event.version() <= state->version)
                    break;  // already known from a push's answer
                if (event.version() != state->version + 1) {
                    // A change was missed: a fresh snapshot is the only way to be right again.
                    watchFailed(wallId, tr("The wall's changes arrived out of order"));
                    return;
                }
                const MonitorContent content = toMonitorContent(event.monitor());
                bool replaced = false;
                for (auto& monitor : state->monitors) {
                    if (monitor.monitorId == content.monitorId) {
                        monitor = content;
                        replaced = true;
                    }
                }
                if (!replaced)
                    state->monitors << content;
                state->version = event.version();
                emit wallStateChanged(wallId);
                break;
            }
            default:  // heartbeat
                break;
            }
        },
        [this, wallId, generation](const grpc::Status& status) {
            auto watch = m_watches.find(wallId);
            if (watch == m_watches.end() || watch->generation != generation)
                return;  // a stream we closed ourselves
            watch->stream.reset();
            RpcError error = RpcError::fromStatus(status, tr("Wall watch"), m_backend->options().address);
            if (status.ok())
                error.text = tr("The backend closed the wall watch");
            if (error.isUnauthenticated()) {
                // The session expired or the backend forgot it: the backend link logs in again, and its
                // return to Online reopens every watch with the new token.
                m_backend->failed(error);
                return;
            }
            watchFailed(wallId, error.text);
        });
    if (it->stream)
        it->silenceTimer->start(m_backend->options().watchSilenceLimit);
}

void WallLink::watchFailed(const QString& wallId, const QString& detail)
{
    auto it = m_watches.find(wallId);
    if (it == m_watches.end())
        return;
    closeWatch(*it);
    ++it->failuresInARow;
    if (m_backend->state() == ConnectionState::Online)
        it->retryTimer->start(watchRetryDelayMs(it->failuresInARow));
    setLive(wallId, false, detail);  // last: a receiver may watch or unwatch, which invalidates `it`
}

void WallLink::setLive(const QString& wallId, bool live, const QString& detail)
{
    auto it = m_watches.find(wallId);
    if (it == m_watches.end() || (it->live == live && live))
        return;
    it->live = live;
    emit liveChanged(wallId, live, detail);
}

void WallLink::adoptState(const WallState& state)
{
    auto it = m_states.find(state.wallId);
    if (it != m_states.end() && it->version >= state.version)
        return;
    m_states.insert(state.wallId, state);
    emit wallStateChanged(state.wallId);
}

QString WallLink::notConnected(const QString& what)
{
    return tr("%1: not connected to the backend").arg(what);
}

template <class Request, class Response, class Start>
void WallLink::push(Start&& start, Request request, const QString& what, Done done, int attempt)
{
    if (!m_backend->m_channel || m_backend->m_token.isEmpty()) {
        if (done) {
            RpcError error;
            error.code = grpc::StatusCode::UNAVAILABLE;
            error.text = notConnected(what);
            done(error);
        }
        return;
    }
    startUnaryCall<Request, Response>(
        start, request, m_backend->m_token, m_backend->options().callDeadline, m_marshaller, m_calls,
        [this, start, request, what, done, attempt](const grpc::Status& status, const Response& response) {
            if (status.ok()) {
                adoptState(toWallState(response.state()));
                if (done)
                    done(std::nullopt);
                return;
            }
            const RpcError error = RpcError::fromStatus(status, what, m_backend->options().address);
            if (error.isUnauthenticated())
                m_backend->failed(error);  // a fresh login; the operator sees this push refused and may retry
            if (error.isUnreachable() && attempt + 1 < kPushAttempts) {
                // Same request id: if the first attempt did reach the backend, this one changes nothing.
                QTimer::singleShot(kPushRetryDelayMs, this, [this, start, request, what, done, attempt] {
                    push<Request, Response>(start, request, what, done, attempt + 1);
                });
                return;
            }
            if (done)
                done(error);
        });
}

void WallLink::pushLayout(const QString& wallId, const QString& monitorId, const LayoutSpec& layout, Done done,
                          qint64 expectedVersion)
{
    vigie::v1::PushToMonitorRequest request;
    request.set_wall_id(wallId.toStdString());
    request.set_monitor_id(monitorId.toStdString());
    *request.mutable_layout() = toProtoLayout(layout);
    request.set_expected_version(expectedVersion);
    request.set_request_id(newRequestId());
    push<vigie::v1::PushToMonitorRequest, vigie::v1::PushToMonitorResponse>(
        [this](auto* ctx, auto* req, auto* resp, auto cb) { m_backend->m_channel->walls().async()->PushToMonitor(ctx, req, resp, std::move(cb)); },
        std::move(request), tr("Sending to the wall"), std::move(done), 0);
}

void WallLink::pushCamera(const QString& wallId, const QString& monitorId, const QString& cameraId,
                          StreamChoice stream, std::optional<int> cellIndex, Done done)
{
    vigie::v1::PushToMonitorRequest request;
    request.set_wall_id(wallId.toStdString());
    request.set_monitor_id(monitorId.toStdString());
    auto* camera = request.mutable_camera();
    camera->set_camera_id(cameraId.toStdString());
    camera->set_stream(toProtoStreamChoice(stream));
    if (cellIndex)
        camera->set_cell_index(*cellIndex);
    request.set_request_id(newRequestId());
    push<vigie::v1::PushToMonitorRequest, vigie::v1::PushToMonitorResponse>(
        [this](auto* ctx, auto* req, auto* resp, auto cb) { m_backend->m_channel->walls().async()->PushToMonitor(ctx, req, resp, std::move(cb)); },
        std::move(request), tr("Sending to the wall"), std::move(done), 0);
}

void WallLink::clearMonitor(const QString& wallId, const QString& monitorId, Done done)
{
    vigie::v1::ClearMonitorRequest request;
    request.set_wall_id(wallId.toStdString());
    request.set_monitor_id(monitorId.toStdString());
    request.set_request_id(newRequestId());
    push<vigie::v1::ClearMonitorRequest, vigie::v1::ClearMonitorResponse>(
        [this](auto* ctx, auto* req, auto* resp, auto cb) { m_backend->m_channel->walls().async()->ClearMonitor(ctx, req, resp, std::move(cb)); },
        std::move(request), tr("Clearing a wall monitor"), std::move(done), 0);
}

}  // namespace vigie::rpc
