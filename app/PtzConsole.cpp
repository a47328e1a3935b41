#include "PtzConsole.h"

#include <QDateTime>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <utility>

#include "vigie/rpc/BackendClient.h"
#include "vigie/rpc/PtzLink.h"
#include "vigie/widgets/PtzPanel.h"

namespace vigie::app {

using vigie::widgets::PtzPanel;

PtzConsole::PtzConsole(vigie::rpc::PtzLink* link, vigie::rpc::BackendClient* backend, PtzPanel* panel,
                       QObject* parent)
    : QObject(parent), m_link(link), m_backend(backend), m_panel(panel)
{
    m_idleClose = new QTimer(this);
    m_idleClose->setSingleShot(true);
    m_idleClose->setInterval(kIdleCloseMs);
    connect(m_idleClose, &QTimer::timeout, this, [this] {
        if (m_link->isDriving())
            m_link->stopDriving();
    });
    m_noteTick = new QTimer(this);
    m_noteTick->setInterval(1000);
    connect(m_noteTick, &QTimer::timeout, this, &PtzConsole::updateControlNote);
    m_zoomPace = new QTimer(this);
    m_zoomPace->setSingleShot(true);
    m_zoomPace->setInterval(kZoomStepMs);
    connect(m_zoomPace, &QTimer::timeout, this, &PtzConsole::sendZoomSteps);
    connect(m_panel, &PtzPanel::velocityRequested, this,
            [this](double pan, double tilt, double zoom) { steer(Input::Panel, pan, tilt, zoom); });
    // The lens buttons ride on the panel's stick: absent (released) leaves the camera's automatic setting.
    auto lens = [this](std::optional<double> vigie::rpc::PtzVelocity::*axis) {
        return [this, axis](double velocity) {
            auto& panel = m_inputs[std::size_t(Input::Panel)];
            panel.*axis = velocity == 0 ? std::nullopt : std::optional<double>(velocity);
            if (!panel.isZero())
                m_inputMoved[std::size_t(Input::Panel)] = ++m_moves;
            applyInputs();
        };
    };
    connect(m_panel, &PtzPanel::focusRequested, this, lens(&vigie::rpc::PtzVelocity::focus));
    connect(m_panel, &PtzPanel::irisRequested, this, lens(&vigie::rpc::PtzVelocity::iris));
    connect(m_panel, &PtzPanel::homeRequested, this, [this] {
        m_zoomTarget.reset();
        m_link->gotoHome(m_camera, {}, [self = QPointer(this)](const auto& error) {
            if (self)
                self->report(tr("Going home"), error);
        });
    });
    connect(m_panel, &PtzPanel::gotoPresetRequested, this, [this](const QString& presetId) {
        m_zoomTarget.reset();
        m_link->gotoPreset(m_camera, presetId, {}, [self = QPointer(this)](const auto& error) {
            if (self)
                self->report(tr("Going to the preset"), error);
        });
    });
    connect(m_panel, &PtzPanel::savePresetRequested, this, [this](const QString& name) {
        m_link->setPreset(m_camera, name, [self = QPointer(this), name](const auto&, const auto& error) {
            if (!self)
                return;
            self->report(tr("Preset “%1” saved").arg(name), error);
            self->refreshPresets();
        });
    });
    connect(m_panel, &PtzPanel::removePresetRequested, this, [this](const QString& presetId) {
        m_link->removePreset(m_camera, presetId, [self = QPointer(this)](const auto& error) {
            if (!self)
                return;
            self->report(tr("Preset removed"), error);
            self->refreshPresets();
        });
    });
    auto tourDone = [this](const QString& success) {
        return [self = QPointer(this), success](const auto&, const auto& error) {
            if (!self)
                return;
            self->report(success, error);
            self->refreshTours();
        };
    };
    connect(m_panel, &PtzPanel::startTourRequested, this,
            [this, tourDone](const QString& id) { m_link->startTour(m_camera, id, tourDone(tr("Tour started"))); });
    connect(m_panel, &PtzPanel::pauseTourRequested, this,
            [this, tourDone](const QString& id) { m_link->pauseTour(m_camera, id, tourDone(tr("Tour paused"))); });
    connect(m_panel, &PtzPanel::stopTourRequested, this,
            [this, tourDone](const QString& id) { m_link->stopTour(m_camera, id, tourDone(tr("Tour stopped"))); });
    connect(m_panel, &PtzPanel::takeControlRequested, this, [this] {
        m_link->acquireLock(m_camera, true, {}, [self = QPointer(this)](const auto&, const auto& error) {
            if (self)
                self->report(tr("You control this camera"), error);
        });
    });
    connect(m_panel, &PtzPanel::releaseControlRequested, this, [this] {
        if (m_link->isDriving()) {
            // Released once the stream is over: its last stop must not reach the backend after the release.
            m_releaseAfterStop = m_camera;
            m_link->stopDriving();
            return;
        }
        releaseLock();
    });
    connect(m_link, &vigie::rpc::PtzLink::lockChanged, this, [this](const QString& cameraId) {
        if (cameraId == m_camera)
            showLock();
    });
    connect(m_link, &vigie::rpc::PtzLink::drivingEnded, this, &PtzConsole::onDrivingEnded);
    connect(m_link, &vigie::rpc::PtzLink::drivingLeaseChanged, this, [this](const QString& cameraId, bool active) {
        if (cameraId != m_camera)
            return;
        const QString lapsed = tr("Stopped: the commands stopped arriving in time");
        if (!active)
            m_panel->setStatus(lapsed);
        else if (m_panel->status() == lapsed)
            m_panel->setStatus(QString());  // the commands arrive again: the warning no longer holds
    });
    connect(m_link, &vigie::rpc::PtzLink::drivingWarning, this,
            [this](const QString& cameraId, vigie::rpc::PtzWarningKind, const QString& text) {
                if (cameraId == m_camera)
                    m_panel->setStatus(text);
            });
    connect(m_backend, &vigie::rpc::BackendClient::cameraChanged, this, [this](const vigie::rpc::CameraInfo& camera) {
        if (camera.id == m_camera)
            setCamera(QString(m_camera));  // online state or abilities changed: say it again
    });
    m_panel->setUnavailable(tr("No tile selected"));
}

PtzConsole::~PtzConsole()
{
    // Not listening first: the panel (in a dock created before this console) may be gone already, and
    // giving the watch back signals a change of the lock.
    m_link->disconnect(this);
    if (!m_camera.isEmpty())
        m_link->unwatchLock(m_camera);
}

void PtzConsole::setCamera(const QString& cameraId)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (cameraId != m_camera) {
        if (m_link->isDriving())
            m_link->stopDriving();  // the previous camera stops: nobody holds its stick any more
        m_zoomPending = 0;
        if (!m_camera.isEmpty()) {
            m_link->unwatchLock(m_camera);
            m_noteTick->stop();
            emit controlNoteChanged(m_camera, QString());
        }
        m_camera.clear();
        m_panel->setPresets({});
        m_presetIds.clear();
        m_panel->setTours({});
        m_panel->setLock({});
        m_panel->setStatus(QString());
    }
    const vigie::rpc::CameraInfo* camera = cameraId.isEmpty() ? nullptr : m_backend->camera(cameraId);
    m_panel->setCameraName(camera ? camera->name : QString());
    if (!camera) {
        setDrivable(false, cameraId.isEmpty() ? tr("No tile selected") : tr("Camera %1 is not in the directory").arg(cameraId));
        return;
    }
    if (!camera->hasPtz) {
        setDrivable(false, tr("This camera has no PTZ"));
        return;
    }
    if (!camera->online) {
        // Still watched (its lock, its lists) when it was selected before, ready for its return; not driven.
        setDrivable(false, tr("The camera is offline"));
        return;
    }
    if (!m_backend->mayDrivePtz(cameraId)) {
        setDrivable(false, tr("You have no PTZ right on this camera"));
        return;
    }
    if (m_camera != cameraId) {
        m_camera = cameraId;
        m_zoomTarget.reset();
        m_link->watchLock(m_camera);
        showLock();
        refreshPresets();
        refreshTours();
    }
    setDrivable(true);
    applyInputs();  // a stick already held (a game controller at rest off centre) steers the new camera
}

void PtzConsole::releaseLock()
{
    m_link->releaseLock(m_camera, [self = QPointer(this)](const auto&, const auto& error) {
        if (self)
            self->report(tr("Control released"), error);
    });
}

void PtzConsole::setDrivable(bool drivable, const QString& reason)
{
    if (drivable)
        m_panel->setAvailable();
    else
        m_panel->setUnavailable(reason);
    if (drivable == m_drivable)
        return;
    m_drivable = drivable;
    if (!drivable) {
        if (m_link->isDriving())
            m_link->stopDriving();  // offline or gone: whatever still pushes must not reach it
        m_zoomPending = 0;
        m_idleClose->stop();
    }
    emit drivableChanged(drivable);
}

void PtzConsole::steer(Input input, double pan, double tilt, double zoom)
{
    auto& stick = m_inputs[std::size_t(input)];
    stick.pan = pan;
    stick.tilt = tilt;
    stick.zoom = zoom;
    if (!stick.isZero())
        m_inputMoved[std::size_t(input)] = ++m_moves;
    if (zoom != 0)
        m_zoomTarget.reset();  // the lens moves by other means: the wheel starts again from where it ends
    applyInputs();
}

void PtzConsole::applyInputs()
{
    // The input moved last among those not at rest drives; none: the camera stops.
    const vigie::rpc::PtzVelocity* driving = nullptr;
    quint64 latest = 0;
    for (std::size_t i = 0; i < m_inputs.size(); ++i) {
        if (!m_inputs[i].isZero() && m_inputMoved[i] >= latest) {
            latest = m_inputMoved[i];
            driving = &m_inputs[i];
        }
    }
    if (!driving)
        m_awaitRelease = false;  // every input let go: the next push may open a stream again
    if (m_camera.isEmpty() || !m_drivable)
        return;
    if (!driving) {
        if (m_link->isDriving()) {
            m_link->setVelocity({});  // a release always stops at once
            m_idleClose->start();
        }
        return;
    }
    if (m_awaitRelease)
        return;
    m_idleClose->stop();
    if (!m_link->isDriving() || m_link->drivingCamera() != m_camera)
        m_link->startDriving(m_camera);
    m_link->setVelocity(*driving);
}

void PtzConsole::gotoPresetNumber(int number)
{
    if (m_camera.isEmpty() || !m_drivable)
        return;
    m_zoomTarget.reset();
    if (number < 1 || number > m_presetIds.size()) {
        m_panel->setStatus(tr("No preset %1 on this camera").arg(number));
        return;
    }
    m_link->gotoPreset(m_camera, m_presetIds.at(number - 1), {}, [self = QPointer(this), number](const auto& error) {
        if (self)
            self->report(tr("Going to preset %1").arg(number), error);
    });
}

void PtzConsole::zoomStep(double step)
{
    if (m_camera.isEmpty() || !m_drivable || step == 0)
        return;
    // A fast wheel gives dozens of notches a second: they add up here and leave together.
    m_zoomPending += step;
    if (!m_zoomInFlight && !m_zoomPace->isActive())
        m_zoomPace->start();
}

void PtzConsole::sendZoomSteps()
{
    if (m_zoomInFlight || m_zoomPending == 0 || m_camera.isEmpty() || !m_drivable)
        return;
    const QString camera = m_camera;
    m_zoomInFlight = true;
    // Notches aim at a lens position: a relative move counts from where the lens is when it arrives
    // (ONVIF), so notches sent while the lens still moves would fall short. The aim starts from the lens's
    // reported position when there is none yet, or the last notch is old (someone else may have zoomed).
    if (!m_zoomTarget || m_sinceLastNotch.elapsed() > kZoomAimMs) {
        m_link->getStatus(camera, [self = QPointer(this), camera](const auto& status, const auto& error) {
            if (!self)
                return;
            self->m_zoomInFlight = false;
            if (self->m_camera != camera)
                return;
            if (error || !status || !status->position.zoom) {
                self->m_zoomPending = 0;
                self->m_panel->setStatus(error ? error->text : tr("The camera does not report its zoom"));
                return;
            }
            self->m_zoomTarget = *status->position.zoom;
            self->m_sinceLastNotch.start();
            self->sendZoomSteps();
        });
        return;
    }
    m_zoomTarget = std::clamp(*m_zoomTarget + std::exchange(m_zoomPending, 0.0), 0.0, 1.0);
    m_sinceLastNotch.start();
    vigie::rpc::PtzPosition position;
    position.zoom = *m_zoomTarget;
    m_link->absoluteMove(camera, position, {}, [self = QPointer(this)](const auto& error) {
        if (!self)
            return;
        self->m_zoomInFlight = false;
        if (error) {
            self->m_zoomTarget.reset();
            self->m_panel->setStatus(error->text);
        }
        if (self->m_zoomPending != 0)
            self->m_zoomPace->start();  // notches that came meanwhile
    });
}

void PtzConsole::centreOn(const QPointF& picturePoint)
{
    if (m_camera.isEmpty() || !m_drivable)
        return;
    m_link->centreOn(m_camera, picturePoint, [self = QPointer(this)](const auto& error) {
        if (self)
            self->report(tr("Centred"), error);
    });
}

void PtzConsole::areaZoom(const QRectF& pictureArea)
{
    if (m_camera.isEmpty() || !m_drivable)
        return;
    m_zoomTarget.reset();
    m_link->areaZoom(m_camera, pictureArea, [self = QPointer(this)](const auto& error) {
        if (self)
            self->report(tr("Zoomed into the area"), error);
    });
}

void PtzConsole::onDrivingEnded(const QString& cameraId, const std::optional<vigie::rpc::RpcError>& error)
{
    m_idleClose->stop();
    if (m_releaseAfterStop == cameraId) {
        m_releaseAfterStop.clear();
        if (cameraId == m_camera)
            releaseLock();
        return;
    }
    if (!error) {
        // Closed on purpose (idle, another camera) while an input was pressed again: that press found the
        // stream closing and was not sent. Drive again now.
        if (cameraId == m_camera)
            applyInputs();
        return;
    }
    // Whatever is still held stays unanswered until it is let go: reopening at once would only be refused
    // again (someone else holds the camera) or fail again (the link is down).
    m_awaitRelease = std::any_of(m_inputs.begin(), m_inputs.end(), [](const auto& stick) { return !stick.isZero(); });
    if (cameraId == m_camera)
        m_panel->setStatus(error->text);
}

void PtzConsole::showLock()
{
    const auto lock = m_link->lock(m_camera);
    PtzPanel::Lock shown;
    if (lock && lock->locked) {
        shown.holder = lock->heldByMe ? PtzPanel::Lock::Holder::Caller : PtzPanel::Lock::Holder::Someone;
        shown.holderName = lock->holderDisplayName.isEmpty() ? lock->holderUser : lock->holderDisplayName;
        shown.workstation = lock->workstation;
        shown.secondsLeft = lock->expiresAt.isValid()
                                ? int(std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(lock->expiresAt)))
                                : -1;
    }
    m_panel->setLock(shown);
    // Taking over needs a strictly higher priority than the holder's (ptz.proto): offered only then.
    m_panel->setTakeoverAllowed(shown.holder == PtzPanel::Lock::Holder::Someone && lock &&
                                m_backend->ptzPriority() > lock->priority);
    updateControlNote();
}

void PtzConsole::updateControlNote()
{
    const auto lock = m_camera.isEmpty() ? std::nullopt : m_link->lock(m_camera);
    if (!lock || !lock->locked) {
        m_noteTick->stop();
        if (!m_camera.isEmpty())
            emit controlNoteChanged(m_camera, QString());
        return;
    }
    const QString who = lock->heldByMe ? tr("you")
                                       : (lock->holderDisplayName.isEmpty() ? lock->holderUser : lock->holderDisplayName);
    QString note = tr("PTZ · %1").arg(who);
    if (lock->expiresAt.isValid()) {
        const qint64 left = std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(lock->expiresAt));
        note = tr("%1 · %2 s").arg(note).arg(left);
    }
    emit controlNoteChanged(m_camera, note);
    if (!m_noteTick->isActive())
        m_noteTick->start();
}

void PtzConsole::refreshPresets()
{
    const QString camera = m_camera;
    m_link->listPresets(camera, [self = QPointer(this), camera](const vigie::rpc::PtzPresetList& list, const auto& error) {
        if (!self || self->m_camera != camera)
            return;
        if (error) {
            self->m_panel->setStatus(error->text);
            return;
        }
        QList<PtzPanel::Preset> presets;
        self->m_presetIds.clear();
        for (const auto& preset : list.presets) {
            // Numbered as the digit keys reach them on the camera's tile.
            const int number = int(self->m_presetIds.size()) + 1;
            presets << PtzPanel::Preset{preset.id, number <= 10 ? tr("%1 · %2").arg(number % 10).arg(preset.name)
                                                                : preset.name};
            self->m_presetIds << preset.id;
        }
        self->m_panel->setPresets(presets);
    });
}

void PtzConsole::refreshTours()
{
    const QString camera = m_camera;
    m_link->listTours(camera, [self = QPointer(this), camera](const QList<vigie::rpc::PtzTour>& list, const auto& error) {
        if (!self || self->m_camera != camera)
            return;
        if (error) {
            self->m_panel->setStatus(error->text);
            return;
        }
        QList<PtzPanel::Tour> tours;
        for (const auto& tour : list) {
            const auto state = tour.state == vigie::rpc::PtzTourState::Running  ? PtzPanel::TourState::Running
                               : tour.state == vigie::rpc::PtzTourState::Paused ? PtzPanel::TourState::Paused
                                                                                : PtzPanel::TourState::Stopped;
            tours << PtzPanel::Tour{tour.id, tour.name, state};
        }
        self->m_panel->setTours(tours);
    });
}

void PtzConsole::report(const QString& success, const std::optional<vigie::rpc::RpcError>& error)
{
    m_panel->setStatus(error ? error->text : success);
}

}  // namespace vigie::app
