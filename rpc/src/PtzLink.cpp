#include "vigie/rpc/PtzLink.h"

#include <google/protobuf/util/time_util.h>

#include <QStringList>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <algorithm>

#include "CallTracker.h"
#include "LinkCalls.h"
#include "ChannelHolder.h"
#include "PtzDriver.h"
#include "PtzMapping.h"
#include "ReadStream.h"
#include "UnaryCall.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/rpc/GuiMarshaller.h"

namespace vigie::rpc {

namespace {

// A call the backend could not be reached for (SetPreset) or that was refused for a replaced session is
// tried this many times in all.

int reopenDelayMs(int failuresInARow)
{
    return std::min(500 << std::clamp(failuresInARow - 1, 0, 3), 4000);
}

}  // namespace

PtzLink::PtzLink(BackendClient* backend, QObject* parent)
    : QObject(parent),
      m_backend(backend),
      m_marshaller(GuiMarshaller::create(this)),
      m_calls(std::make_shared<CallTracker>()),
      m_unary(std::make_unique<LinkCalls>(this, backend))
{
    connect(m_backend, &BackendClient::stateChanged, this, &PtzLink::onBackendState);
    m_online = m_backend->state() == ConnectionState::Online;
}

PtzLink::~PtzLink()
{
    Q_ASSERT(thread() == QThread::currentThread());
    m_marshaller->detach();
    // Drivers are children: their destructors cancel their streams (the backend stops the camera) before
    // the tracker below waits for gRPC to let go of them.
    for (PtzDriver* driver : findChildren<PtzDriver*>())
        delete driver;
    m_driver = nullptr;
    m_calls->cancelAllAndWait(std::chrono::seconds(2));
    m_unary.reset();
}

// --- Driving ---

void PtzLink::startDriving(const QString& cameraId, bool takeover)
{
    Q_ASSERT(thread() == QThread::currentThread());
    endDriving();
    auto* driver = new PtzDriver(cameraId, takeover, m_backend->options().address, &m_controlMessagesSent, this);
    m_driver = driver;
    connect(driver, &PtzDriver::started, this,
            [this, cameraId](std::chrono::milliseconds lease, const PtzLockInfo& lock) {
                emit drivingStarted(cameraId, lease, lock);
            });
    connect(driver, &PtzDriver::leaseChanged, this,
            [this, cameraId](bool active) { emit drivingLeaseChanged(cameraId, active); });
    connect(driver, &PtzDriver::lockChanged, this,
            [this, cameraId](const PtzLockInfo& lock) { emit drivingLockChanged(cameraId, lock); });
    connect(driver, &PtzDriver::warning, this, [this, cameraId](PtzWarningKind kind, const QString& text) {
        emit drivingWarning(cameraId, kind, text);
    });
    connect(driver, &PtzDriver::ended, this, [this, driver, cameraId](const std::optional<RpcError>& error) {
        if (m_driver == driver)
            m_driver = nullptr;
        driver->deleteLater();
        if (error && error->isUnauthenticated())
            reportRefusedSession(driver->token(), *error);
        emit drivingEnded(cameraId, error);
    });
    const QString what = tr("Driving %1").arg(cameraId);
    if (!callable()) {
        // Not started: report it the way every end is reported, from the event loop.
        QTimer::singleShot(0, driver, [driver, error = notConnected(what)] { emit driver->ended(error); });
        return;
    }
    if (!driver->open(m_backend->m_channel->ptz(), m_backend->m_token, m_calls)) {
        m_driver = nullptr;
        driver->deleteLater();  // shutting down
    }
}

void PtzLink::setVelocity(const PtzVelocity& velocity)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (m_driver)
        m_driver->setVelocity(velocity);
}

void PtzLink::stopDriving()
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (m_driver)
        m_driver->stop();
}

bool PtzLink::isDriving() const
{
    return m_driver && !m_driver->isOver();
}

QString PtzLink::drivingCamera() const
{
    return isDriving() ? m_driver->cameraId() : QString();
}

void PtzLink::endDriving()
{
    if (!m_driver)
        return;
    // Driving another camera: this one stops, quietly (the operator moved on), and goes once it is over.
    PtzDriver* previous = m_driver;
    m_driver = nullptr;
    disconnect(previous, nullptr, this, nullptr);
    if (previous->isOver()) {
        previous->deleteLater();
        return;
    }
    connect(previous, &PtzDriver::ended, previous, &QObject::deleteLater);
    previous->stop();
}

// --- Unary calls ---

bool PtzLink::callable() const
{
    return m_unary->callable();
}

RpcError PtzLink::notConnected(const QString& what) const
{
    return m_unary->notConnected(what);
}

void PtzLink::reportRefusedSession(const QString& token, const RpcError& error)
{
    m_unary->reportRefusedSession(token, error);
}

template <class Request, class Response, class Start, class OnOk>
void PtzLink::call(Start start, Request request, const QString& what, bool retryUnreachable, OnOk onOk,
                   std::function<void(const RpcError&)> onError)
{
    m_unary->call<Request, Response>(
        [start](ChannelHolder& channel, auto* ctx, auto* req, auto* resp, auto cb) {
            start(channel.ptz().async(), ctx, req, resp, std::move(cb));
        },
        std::move(request), what, retryUnreachable, std::function<void(const Response&)>(std::move(onOk)),
        std::move(onError));
}

template <class Request, class Response, class Start>
void PtzLink::command(Start start, Request request, const QString& what, Done done)
{
    call<Request, Response>(
        start, std::move(request), what, false,
        [done](const Response&) {
            if (done)
                done(std::nullopt);
        },
        [done](const RpcError& error) {
            if (done)
                done(error);
        });
}

template <class Request, class Response, class Start>
void PtzLink::tourCommand(Start start, const QString& cameraId, const QString& tourId, const QString& what,
                          TourDone done)
{
    Request request;
    request.set_camera_id(cameraId.toStdString());
    request.set_tour_id(tourId.toStdString());
    call<Request, Response>(
        start, std::move(request), what, false,
        [done](const Response& response) {
            if (done)
                done(toPtzTour(response.tour()), std::nullopt);
        },
        [done](const RpcError& error) {
            if (done)
                done(std::nullopt, error);
        });
}

void PtzLink::stop(const QString& cameraId, bool panTilt, bool zoom, Done done)
{
    vigie::v1::StopRequest request;
    request.set_camera_id(cameraId.toStdString());
    request.set_pan_tilt(panTilt);
    request.set_zoom(zoom);
    command<vigie::v1::StopRequest, vigie::v1::StopResponse>([](auto* async, auto* ctx, auto* req, auto* resp, auto cb) { async->Stop(ctx, req, resp, cb); }, std::move(request),
                                                             tr("Stopping %1").arg(cameraId), std::move(done));
}

void PtzLink::absoluteMove(const QString& cameraId, const PtzPosition& position, const PtzSpeed& speed, Done done)
{
    vigie::v1::AbsoluteMoveRequest request;
    request.set_camera_id(cameraId.toStdString());
    *request.mutable_position() = toProtoPosition(position);
    *request.mutable_speed() = toProtoSpeed(speed);
    command<vigie::v1::AbsoluteMoveRequest, vigie::v1::AbsoluteMoveResponse>(
        [](auto* async, auto* ctx, auto* req, auto* resp, auto cb) { async->AbsoluteMove(ctx, req, resp, cb); }, std::move(request), tr("Moving %1").arg(cameraId), std::move(done));
}

void PtzLink::relativeMove(const QString& cameraId, const PtzTranslation& translation, const PtzSpeed& speed,
                           Done done)
{
    vigie::v1::RelativeMoveRequest request;
    request.set_camera_id(cameraId.toStdString());
    *request.mutable_translation() = toProtoTranslation(translation);
    *request.mutable_speed() = toProtoSpeed(speed);
    command<vigie::v1::RelativeMoveRequest, vigie::v1::RelativeMoveResponse>(
        [](auto* async, auto* ctx, auto* req, auto* resp, auto cb) { async->RelativeMove(ctx, req, resp, cb); }, std::move(request), tr("Moving %1").arg(cameraId), std::move(done));
}

void PtzLink::centreOn(const QString& cameraId, const QPointF& point, Done done)
{
    vigie::v1::CentreOnRequest request;
    request.set_camera_id(cameraId.toStdString());
    request.mutable_point()->set_x(float(point.x()));
    request.mutable_point()->set_y(float(point.y()));
    command<vigie::v1::CentreOnRequest, vigie::v1::CentreOnResponse>(
        [](auto* async, auto* ctx, auto* req, auto* resp, auto cb) { async->CentreOn(ctx, req, resp, cb); }, std::move(request), tr("Centring %1").arg(cameraId), std::move(done));
}

void PtzLink::areaZoom(const QString& cameraId, const QRectF& area, Done done)
{
    vigie::v1::AreaZoomRequest request;
    request.set_camera_id(cameraId.toStdString());
    request.mutable_area()->set_x(float(area.x()));
    request.mutable_area()->set_y(float(area.y()));
    request.mutable_area()->set_width(float(area.width()));
    request.mutable_area()->set_height(float(area.height()));
    command<vigie::v1::AreaZoomRequest, vigie::v1::AreaZoomResponse>(
        [](auto* async, auto* ctx, auto* req, auto* resp, auto cb) { async->AreaZoom(ctx, req, resp, cb); }, std::move(request), tr("Zooming %1").arg(cameraId), std::move(done));
}

void PtzLink::getStatus(const QString& cameraId, StatusDone done)
{
    vigie::v1::GetStatusRequest request;
    request.set_camera_id(cameraId.toStdString());
    call<vigie::v1::GetStatusRequest, vigie::v1::GetStatusResponse>(
        [](auto* async, auto* ctx, auto* req, auto* resp, auto cb) { async->GetStatus(ctx, req, resp, cb); },
        std::move(request), tr("Status of %1").arg(cameraId), false,
        [done](const vigie::v1::GetStatusResponse& response) {
            if (done)
                done(toPtzStatus(response.status()), std::nullopt);
        },
        [done](const RpcError& error) {
            if (done)
                done(std::nullopt, error);
        });
}

void PtzLink::listPresets(const QString& cameraId, PresetsDone done)
{
    vigie::v1::ListPresetsRequest request;
    request.set_camera_id(cameraId.toStdString());
    call<vigie::v1::ListPresetsRequest, vigie::v1::ListPresetsResponse>(
        [](auto* async, auto* ctx, auto* req, auto* resp, auto cb) { async->ListPresets(ctx, req, resp, cb); },
        std::move(request), tr("Presets of %1").arg(cameraId), false,
        [done](const vigie::v1::ListPresetsResponse& response) {
            if (done)
                done(toPtzPresetList(response), std::nullopt);
        },
        [done](const RpcError& error) {
            if (done)
                done({}, error);
        });
}

void PtzLink::gotoPreset(const QString& cameraId, const QString& presetId, const PtzSpeed& speed, Done done)
{
    vigie::v1::GotoPresetRequest request;
    request.set_camera_id(cameraId.toStdString());
    request.set_preset_id(presetId.toStdString());
    *request.mutable_speed() = toProtoSpeed(speed);
    command<vigie::v1::GotoPresetRequest, vigie::v1::GotoPresetResponse>(
        [](auto* async, auto* ctx, auto* req, auto* resp, auto cb) { async->GotoPreset(ctx, req, resp, cb); }, std::move(request), tr("Going to a preset of %1").arg(cameraId),
        std::move(done));
}

void PtzLink::setPreset(const QString& cameraId, const QString& name, PresetDone done, const QString& presetId)
{
    vigie::v1::SetPresetRequest request;
    request.set_camera_id(cameraId.toStdString());
    request.set_preset_id(presetId.toStdString());
    request.set_name(name.toStdString());
    // The same id on every attempt: a creation that reached the backend is not made twice.
    request.set_request_id(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
    call<vigie::v1::SetPresetRequest, vigie::v1::SetPresetResponse>(
        [](auto* async, auto* ctx, auto* req, auto* resp, auto cb) { async->SetPreset(ctx, req, resp, cb); },
        std::move(request), tr("Storing a preset of %1").arg(cameraId), true,
        [done](const vigie::v1::SetPresetResponse& response) {
            if (done)
                done(toPtzPreset(response.preset()), std::nullopt);
        },
        [done](const RpcError& error) {
            if (done)
                done(std::nullopt, error);
        });
}

void PtzLink::removePreset(const QString& cameraId, const QString& presetId, Done done)
{
    vigie::v1::RemovePresetRequest request;
    request.set_camera_id(cameraId.toStdString());
    request.set_preset_id(presetId.toStdString());
    command<vigie::v1::RemovePresetRequest, vigie::v1::RemovePresetResponse>(
        [](auto* async, auto* ctx, auto* req, auto* resp, auto cb) { async->RemovePreset(ctx, req, resp, cb); }, std::move(request), tr("Removing a preset of %1").arg(cameraId),
        std::move(done));
}

void PtzLink::gotoHome(const QString& cameraId, const PtzSpeed& speed, Done done)
{
    vigie::v1::GotoHomeRequest request;
    request.set_camera_id(cameraId.toStdString());
    *request.mutable_speed() = toProtoSpeed(speed);
    command<vigie::v1::GotoHomeRequest, vigie::v1::GotoHomeResponse>(
        [](auto* async, auto* ctx, auto* req, auto* resp, auto cb) { async->GotoHome(ctx, req, resp, cb); }, std::move(request), tr("Sending %1 home").arg(cameraId), std::move(done));
}

void PtzLink::setHome(const QString& cameraId, Done done)
{
    vigie::v1::SetHomeRequest request;
    request.set_camera_id(cameraId.toStdString());
    command<vigie::v1::SetHomeRequest, vigie::v1::SetHomeResponse>(
        [](auto* async, auto* ctx, auto* req, auto* resp, auto cb) { async->SetHome(ctx, req, resp, cb); }, std::move(request), tr("Storing the home of %1").arg(cameraId), std::move(done));
}

void PtzLink::listTours(const QString& cameraId, ToursDone done)
{
    vigie::v1::ListToursRequest request;
    request.set_camera_id(cameraId.toStdString());
    call<vigie::v1::ListToursRequest, vigie::v1::ListToursResponse>(
        [](auto* async, auto* ctx, auto* req, auto* resp, auto cb) { async->ListTours(ctx, req, resp, cb); },
        std::move(request), tr("Tours of %1").arg(cameraId), false,
        [done](const vigie::v1::ListToursResponse& response) {
            if (!done)
                return;
            QList<PtzTour> tours;
            for (const auto& tour : response.tours())
                tours << toPtzTour(tour);
            done(tours, std::nullopt);
        },
        [done](const RpcError& error) {
            if (done)
                done({}, error);
        });
}

void PtzLink::startTour(const QString& cameraId, const QString& tourId, TourDone done)
{
    tourCommand<vigie::v1::StartTourRequest, vigie::v1::StartTourResponse>(
        [](auto* async, auto* ctx, auto* req, auto* resp, auto cb) { async->StartTour(ctx, req, resp, cb); }, cameraId, tourId, tr("Starting a tour of %1").arg(cameraId), std::move(done));
}

void PtzLink::stopTour(const QString& cameraId, const QString& tourId, TourDone done)
{
    tourCommand<vigie::v1::StopTourRequest, vigie::v1::StopTourResponse>(
        [](auto* async, auto* ctx, auto* req, auto* resp, auto cb) { async->StopTour(ctx, req, resp, cb); }, cameraId, tourId, tr("Stopping a tour of %1").arg(cameraId), std::move(done));
}

void PtzLink::pauseTour(const QString& cameraId, const QString& tourId, TourDone done)
{
    tourCommand<vigie::v1::PauseTourRequest, vigie::v1::PauseTourResponse>(
        [](auto* async, auto* ctx, auto* req, auto* resp, auto cb) { async->PauseTour(ctx, req, resp, cb); }, cameraId, tourId, tr("Pausing a tour of %1").arg(cameraId), std::move(done));
}

void PtzLink::acquireLock(const QString& cameraId, bool takeover, const QString& reason, LockDone done,
                          std::chrono::milliseconds duration)
{
    vigie::v1::AcquireLockRequest request;
    request.set_camera_id(cameraId.toStdString());
    request.set_takeover(takeover);
    request.set_reason(reason.toStdString());
    if (duration.count() > 0)
        *request.mutable_duration() = google::protobuf::util::TimeUtil::MillisecondsToDuration(duration.count());
    call<vigie::v1::AcquireLockRequest, vigie::v1::AcquireLockResponse>(
        [](auto* async, auto* ctx, auto* req, auto* resp, auto cb) { async->AcquireLock(ctx, req, resp, cb); },
        std::move(request), tr("Taking control of %1").arg(cameraId), false,
        [done](const vigie::v1::AcquireLockResponse& response) {
            if (done)
                done(toPtzLockInfo(response.lock()), std::nullopt);
        },
        [done](const RpcError& error) {
            if (done)
                done(std::nullopt, error);
        });
}

void PtzLink::releaseLock(const QString& cameraId, LockDone done)
{
    vigie::v1::ReleaseLockRequest request;
    request.set_camera_id(cameraId.toStdString());
    call<vigie::v1::ReleaseLockRequest, vigie::v1::ReleaseLockResponse>(
        [](auto* async, auto* ctx, auto* req, auto* resp, auto cb) { async->ReleaseLock(ctx, req, resp, cb); },
        std::move(request), tr("Releasing control of %1").arg(cameraId), false,
        [done](const vigie::v1::ReleaseLockResponse& response) {
            if (done)
                done(toPtzLockInfo(response.lock()), std::nullopt);
        },
        [done](const RpcError& error) {
            if (done)
                done(std::nullopt, error);
        });
}

void PtzLink::getLock(const QString& cameraId, LockDone done)
{
    vigie::v1::GetLockRequest request;
    request.set_camera_id(cameraId.toStdString());
    call<vigie::v1::GetLockRequest, vigie::v1::GetLockResponse>(
        [](auto* async, auto* ctx, auto* req, auto* resp, auto cb) { async->GetLock(ctx, req, resp, cb); },
        std::move(request), tr("Control of %1").arg(cameraId), false,
        [done](const vigie::v1::GetLockResponse& response) {
            if (done)
                done(toPtzLockInfo(response.lock()), std::nullopt);
        },
        [done](const RpcError& error) {
            if (done)
                done(std::nullopt, error);
        });
}

// --- Lock watch ---

void PtzLink::watchLock(const QString& cameraId)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (cameraId.isEmpty())
        return;
    auto it = m_watches.find(cameraId);
    if (it != m_watches.end()) {
        ++it->users;
        return;
    }
    LockWatch watch;
    watch.users = 1;
    watch.retryTimer = new QTimer(this);
    watch.retryTimer->setSingleShot(true);
    connect(watch.retryTimer, &QTimer::timeout, this, [this, cameraId] { openWatch(cameraId); });
    m_watches.insert(cameraId, watch);
    openWatch(cameraId);
}

void PtzLink::unwatchLock(const QString& cameraId)
{
    Q_ASSERT(thread() == QThread::currentThread());
    auto it = m_watches.find(cameraId);
    if (it == m_watches.end() || --it->users > 0)
        return;
    closeWatch(*it);
    delete it->retryTimer;
    const bool wasKnown = it->lock.has_value();
    m_watches.erase(it);
    if (wasKnown)
        emit lockChanged(cameraId);
}

std::optional<PtzLockInfo> PtzLink::lock(const QString& cameraId) const
{
    const auto it = m_watches.constFind(cameraId);
    return it == m_watches.constEnd() ? std::nullopt : it->lock;
}

void PtzLink::onBackendState()
{
    const bool online = m_backend->state() == ConnectionState::Online;
    if (online == m_online)
        return;  // another detail of the same state: the watches stay as they are
    m_online = online;
    const QStringList cameras = m_watches.keys();
    for (const QString& cameraId : cameras) {
        LockWatch& watch = m_watches[cameraId];
        closeWatch(watch);
        watch.failuresInARow = 0;
        watch.retryTimer->stop();
        if (online)
            openWatch(cameraId);
        else
            setWatchedLock(cameraId, std::nullopt);  // nobody can vouch for it now
    }
}

void PtzLink::openWatch(const QString& cameraId)
{
    auto it = m_watches.find(cameraId);
    if (it == m_watches.end() || m_backend->state() != ConnectionState::Online || !callable())
        return;
    closeWatch(*it);
    const quint64 generation = it->generation;
    vigie::v1::WatchLockRequest request;
    request.set_camera_id(cameraId.toStdString());
    auto& stub = m_backend->m_channel->ptz();
    const QString token = m_backend->m_token;
    it->stream = ReadStream<vigie::v1::WatchLockRequest, vigie::v1::WatchLockResponse>::start(
        [&stub](auto* ctx, auto* req, auto* reactor) { stub.async()->WatchLock(ctx, req, reactor); },
        std::move(request), token, m_marshaller, m_calls,
        [this, cameraId, generation](const vigie::v1::WatchLockResponse& event) {
            auto watch = m_watches.find(cameraId);
            if (watch == m_watches.end() || watch->generation != generation)
                return;
            watch->failuresInARow = 0;
            setWatchedLock(cameraId, toPtzLockInfo(event.lock()));
        },
        [this, cameraId, generation, token](const grpc::Status& status) {
            auto watch = m_watches.find(cameraId);
            if (watch == m_watches.end() || watch->generation != generation)
                return;  // a stream we closed ourselves
            watch->stream.reset();
            const RpcError error =
                RpcError::fromStatus(status, tr("Control of %1").arg(cameraId), m_backend->options().address);
            if (error.isUnauthenticated() && token == m_backend->m_token) {
                // The backend link logs in again; its return to Online reopens every watch.
                m_backend->failed(error);
                return;
            }
            // What we knew may change unseen from now on.
            setWatchedLock(cameraId, std::nullopt);
            if (m_backend->state() == ConnectionState::Online)
                watch->retryTimer->start(reopenDelayMs(++watch->failuresInARow));
        });
}

void PtzLink::closeWatch(LockWatch& watch)
{
    ++watch.generation;
    if (watch.stream) {
        watch.stream->cancel();
        watch.stream.reset();
    }
}

void PtzLink::setWatchedLock(const QString& cameraId, std::optional<PtzLockInfo> lock)
{
    auto it = m_watches.find(cameraId);
    if (it == m_watches.end())
        return;
    if (!it->lock && !lock)
        return;
    it->lock = std::move(lock);
    emit lockChanged(cameraId);
}

}  // namespace vigie::rpc
