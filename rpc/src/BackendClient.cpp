#include "vigie/rpc/BackendClient.h"

#include <QCoreApplication>
#include <QThread>

#include <algorithm>

#include "CallTracker.h"
#include "ChannelHolder.h"
#include "DirectoryMapping.h"
#include "ReadStream.h"
#include "UnaryCall.h"
#include "vigie/rpc/GuiMarshaller.h"

namespace vigie::rpc {

namespace {

// Retry delays after consecutive failures: 0.5, 1, 2, 4, 5, 5… s. A control room wants the link back
// within seconds of the backend's return, and a few logins per minute cost a backend nothing.
int retryDelayFor(int failuresInARow)
{
    const int exponent = std::clamp(failuresInARow - 1, 0, 4);
    return std::min(500 << exponent, 5000);
}

}  // namespace

BackendClient::BackendClient(BackendOptions options, QObject* parent)
    : QObject(parent),
      m_options(std::move(options)),
      m_marshaller(GuiMarshaller::create(this)),
      m_calls(std::make_shared<CallTracker>())
{
    qRegisterMetaType<vigie::rpc::ConnectionState>();
    qRegisterMetaType<vigie::rpc::CameraInfo>();
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &BackendClient::login);
    m_watchSilenceTimer.setSingleShot(true);
    connect(&m_watchSilenceTimer, &QTimer::timeout, this, &BackendClient::onWatchSilence);
}

BackendClient::~BackendClient()
{
    // Order matters: first no more results for this object, then no more gRPC activity on its calls.
    m_marshaller->detach();
    m_calls->cancelAllAndWait(std::chrono::seconds(2));
}

void BackendClient::setCredentials(const QString& user, const QString& password)
{
    m_options.user = user;
    m_options.password = password;
}

const CameraInfo* BackendClient::camera(const QString& id) const
{
    auto it = m_cameras.constFind(id);
    return it == m_cameras.constEnd() ? nullptr : &it.value();
}

void BackendClient::start()
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (!m_channel) {
        QString error;
        m_channel = ChannelHolder::obtain(m_options, &error);
        if (!m_channel) {
            setState(ConnectionState::ConfigError, error);
            return;
        }
    }
    m_failuresInARow = 0;
    m_retryTimer.stop();
    login();
}

void BackendClient::setState(ConnectionState state, const QString& detail)
{
    if (state == m_state && detail == m_stateDetail)
        return;
    m_state = state;
    m_stateDetail = detail;
    emit stateChanged(state, detail);
}

void BackendClient::login()
{
    const quint64 generation = ++m_generation;
    cancelWatch();
    m_token.clear();
    m_mayControlWalls = false;  // until this login says otherwise
    m_rights.clear();
    if (m_state != ConnectionState::Unreachable)  // keep showing why we are retrying
        setState(ConnectionState::Connecting, tr("Logging in to %1 as %2").arg(m_options.address, m_options.user));

    vigie::v1::LoginRequest request;
    request.set_user(m_options.user.toStdString());
    request.set_password(m_options.password.toStdString());
    request.set_workstation(m_options.workstation.toStdString());
    request.set_client_version("vigie " + QCoreApplication::applicationVersion().toStdString());

    auto& stub = m_channel->auth();
    startUnaryCall<vigie::v1::LoginRequest, vigie::v1::LoginResponse>(
        [&stub](auto* ctx, auto* req, auto* resp, auto cb) { stub.async()->Login(ctx, req, resp, std::move(cb)); },
        std::move(request), QString(), m_options.callDeadline, m_marshaller, m_calls,
        [this, generation](const grpc::Status& status, const vigie::v1::LoginResponse& response) {
            if (generation != m_generation)
                return;
            if (!status.ok()) {
                const RpcError error = RpcError::fromStatus(status, tr("Login"), m_options.address);
                if (error.isUnauthenticated() || status.error_code() == grpc::StatusCode::PERMISSION_DENIED) {
                    // Wrong credentials do not get better by retrying: the user must act.
                    setState(ConnectionState::AuthFailed, error.text);
                    return;
                }
                failed(error);
                return;
            }
            m_token = QString::fromStdString(response.token());
            const auto& user = response.session().user();
            m_userDisplayName = QString::fromStdString(user.display_name().empty() ? user.name() : user.display_name());
            m_ptzPriority = user.ptz_priority();
            for (const auto& entry : response.session().rights()) {
                auto& rights = m_rights[QString::fromStdString(entry.camera_id())];
                for (const int right : entry.rights()) {
                    rights.insert(right);
                    m_mayControlWalls = m_mayControlWalls || right == vigie::v1::RIGHT_CONTROL_WALL;
                }
            }
            listCameras();
        });
}

bool BackendClient::hasRight(const QString& cameraId, int right) const
{
    auto entry = m_rights.constFind(cameraId);
    if (entry == m_rights.cend())
        entry = m_rights.constFind(QString());
    return entry != m_rights.cend() && entry->contains(right);
}

bool BackendClient::mayDrivePtz(const QString& cameraId) const
{
    return hasRight(cameraId, vigie::v1::RIGHT_PTZ);
}

bool BackendClient::mayViewRecordings(const QString& cameraId) const
{
    return hasRight(cameraId, vigie::v1::RIGHT_VIEW_RECORDINGS);
}

bool BackendClient::mayManageBookmarks(const QString& cameraId) const
{
    return hasRight(cameraId, vigie::v1::RIGHT_MANAGE_BOOKMARKS);
}

void BackendClient::listCameras()
{
    const quint64 generation = m_generation;
    auto& stub = m_channel->directory();
    startUnaryCall<vigie::v1::ListCamerasRequest, vigie::v1::ListCamerasResponse>(
        [&stub](auto* ctx, auto* req, auto* resp, auto cb) {
            stub.async()->ListCameras(ctx, req, resp, std::move(cb));
        },
        vigie::v1::ListCamerasRequest(), m_token, m_options.callDeadline, m_marshaller, m_calls,
        [this, generation](const grpc::Status& status, const vigie::v1::ListCamerasResponse& response) {
            if (generation != m_generation)
                return;
            if (!status.ok()) {
                failed(RpcError::fromStatus(status, tr("Camera list"), m_options.address));
                return;
            }
            m_sites.clear();
            for (const auto& site : response.sites())
                m_sites.insert(QString::fromStdString(site.id()), toSiteInfo(site));
            m_cameras.clear();
            for (const auto& camera : response.cameras())
                m_cameras.insert(QString::fromStdString(camera.id()), toCameraInfo(camera));
            m_revision = response.revision();
            emit directoryReset();
            watchDirectory(m_revision);
        });
}

void BackendClient::watchDirectory(qint64 afterRevision)
{
    const quint64 generation = m_generation;
    vigie::v1::WatchDirectoryRequest request;
    request.set_after_revision(afterRevision);
    auto& stub = m_channel->directory();
    m_watch = ReadStream<vigie::v1::WatchDirectoryRequest, vigie::v1::WatchDirectoryResponse>::start(
        [&stub](auto* ctx, auto* req, auto* reactor) { stub.async()->WatchDirectory(ctx, req, reactor); },
        std::move(request), m_token, m_marshaller, m_calls,
        [this, generation](const vigie::v1::WatchDirectoryResponse& event) {
            if (generation != m_generation)
                return;
            m_watchSilenceTimer.start(m_options.watchSilenceLimit);
            if (m_state != ConnectionState::Online) {
                // The backend answered the watch (its first message comes at once): the link is whole.
                m_failuresInARow = 0;
                m_retryDelayMs = 0;
                m_reloginTried = false;
                setState(ConnectionState::Online, tr("Connected to %1 as %2 — %3 cameras")
                                                      .arg(m_options.address, m_userDisplayName)
                                                      .arg(m_cameras.size()));
            }
            m_revision = event.revision();
            switch (event.event_case()) {
            case vigie::v1::WatchDirectoryResponse::kCameraUpserted: {
                const CameraInfo camera = toCameraInfo(event.camera_upserted());
                m_cameras.insert(camera.id, camera);
                emit cameraChanged(camera);
                break;
            }
            case vigie::v1::WatchDirectoryResponse::kCameraRemoved: {
                const QString id = QString::fromStdString(event.camera_removed());
                if (m_cameras.remove(id))
                    emit cameraRemoved(id);
                break;
            }
            case vigie::v1::WatchDirectoryResponse::kSiteUpserted:
                m_sites.insert(QString::fromStdString(event.site_upserted().id()), toSiteInfo(event.site_upserted()));
                emit directoryReset();
                break;
            case vigie::v1::WatchDirectoryResponse::kSiteRemoved:
                m_sites.remove(QString::fromStdString(event.site_removed()));
                emit directoryReset();
                break;
            case vigie::v1::WatchDirectoryResponse::kResync:
                // Our revision is older than the backend's journal: list again and watch from there.
                ++m_generation;
                cancelWatch();
                listCameras();
                return;
            default:  // heartbeat
                break;
            }
        },
        [this, generation](const grpc::Status& status) {
            if (generation != m_generation)
                return;  // a watch we cancelled ourselves
            m_watch.reset();
            m_watchSilenceTimer.stop();
            RpcError error = RpcError::fromStatus(status, tr("Directory watch"), m_options.address);
            if (status.ok())
                error.text = tr("The backend at %1 closed the directory watch").arg(m_options.address);
            failed(error);
        });
    if (m_watch)
        m_watchSilenceTimer.start(m_options.watchSilenceLimit);
}

void BackendClient::failed(const RpcError& error)
{
    if (error.isUnauthenticated() && !m_token.isEmpty() && !m_reloginTried) {
        // Token expired or forgotten by a restarted backend: log in again at once. Only once until the
        // link is whole again; if a fresh token is refused too, the backoff below applies.
        m_reloginTried = true;
        login();
        return;
    }
    ++m_failuresInARow;
    m_retryDelayMs = retryDelayFor(m_failuresInARow);
    setState(ConnectionState::Unreachable,
             tr("%1 — retrying in %2 s").arg(error.text).arg(m_retryDelayMs / 1000.0, 0, 'f', 1));
    scheduleRetry();
}

void BackendClient::scheduleRetry()
{
    ++m_generation;  // results of calls still in flight no longer matter
    m_retryTimer.start(m_retryDelayMs);
}

void BackendClient::cancelWatch()
{
    if (m_watch) {
        m_watch->cancel();
        m_watch.reset();
    }
    m_watchSilenceTimer.stop();
}

void BackendClient::onWatchSilence()
{
    ++m_generation;
    cancelWatch();
    RpcError error;
    error.code = grpc::StatusCode::UNAVAILABLE;
    error.text = tr("No news from the backend at %1 for %2 s")
                     .arg(m_options.address)
                     .arg(m_options.watchSilenceLimit.count() / 1000);
    failed(error);
}

}  // namespace vigie::rpc
