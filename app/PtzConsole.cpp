#include "PtzConsole.h"

#include <QDateTime>
#include <QPointer>
#include <QThread>
#include <QTimer>

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
    connect(m_panel, &PtzPanel::velocityRequested, this, &PtzConsole::onVelocity);
    connect(m_panel, &PtzPanel::homeRequested, this, [this] {
        m_link->gotoHome(m_camera, {}, [self = QPointer(this)](const auto& error) {
            if (self)
                self->report(tr("Going home"), error);
        });
    });
    connect(m_panel, &PtzPanel::gotoPresetRequested, this, [this](const QString& presetId) {
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
        if (m_link->isDriving())
            m_link->stopDriving();
        m_link->releaseLock(m_camera, [self = QPointer(this)](const auto&, const auto& error) {
            if (self)
                self->report(tr("Control released"), error);
        });
    });
    connect(m_link, &vigie::rpc::PtzLink::lockChanged, this, [this](const QString& cameraId) {
        if (cameraId == m_camera)
            showLock();
    });
    connect(m_link, &vigie::rpc::PtzLink::drivingEnded, this, &PtzConsole::onDrivingEnded);
    connect(m_link, &vigie::rpc::PtzLink::drivingLeaseChanged, this, [this](const QString& cameraId, bool active) {
        if (cameraId == m_camera && !active)
            m_panel->setStatus(tr("Stopped: the commands stopped arriving in time"));
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
    if (!camera) {
        m_panel->setCameraName(QString());
        m_panel->setUnavailable(cameraId.isEmpty() ? tr("No tile selected") : tr("Camera %1 is not in the directory").arg(cameraId));
        return;
    }
    m_panel->setCameraName(camera->name);
    if (!camera->hasPtz) {
        m_panel->setUnavailable(tr("This camera has no PTZ"));
        return;
    }
    if (!camera->online) {
        m_panel->setUnavailable(tr("The camera is offline"));
        return;
    }
    m_panel->setAvailable();
    if (m_camera == cameraId)
        return;  // already set up
    m_camera = cameraId;
    m_link->watchLock(m_camera);
    showLock();
    refreshPresets();
    refreshTours();
}

void PtzConsole::onVelocity(double pan, double tilt, double zoom)
{
    if (m_camera.isEmpty())
        return;
    vigie::rpc::PtzVelocity velocity;
    velocity.pan = pan;
    velocity.tilt = tilt;
    velocity.zoom = zoom;
    if (velocity.isZero()) {
        if (m_link->isDriving()) {
            m_link->setVelocity(velocity);  // a release always stops at once
            m_idleClose->start();
        }
        return;
    }
    m_idleClose->stop();
    if (!m_link->isDriving() || m_link->drivingCamera() != m_camera)
        m_link->startDriving(m_camera);
    m_link->setVelocity(velocity);
}

void PtzConsole::steer(double pan, double tilt, double zoom)
{
    onVelocity(pan, tilt, zoom);
}

void PtzConsole::gotoPresetNumber(int number)
{
    if (m_camera.isEmpty())
        return;
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
    if (m_camera.isEmpty() || step == 0)
        return;
    vigie::rpc::PtzTranslation translation;
    translation.zoom = step;
    m_link->relativeMove(m_camera, translation, {}, [self = QPointer(this)](const auto& error) {
        if (self && error)
            self->m_panel->setStatus(error->text);
    });
}

void PtzConsole::centreOn(const QPointF& picturePoint)
{
    if (m_camera.isEmpty())
        return;
    m_link->centreOn(m_camera, picturePoint, [self = QPointer(this)](const auto& error) {
        if (self)
            self->report(tr("Centred"), error);
    });
}

void PtzConsole::areaZoom(const QRectF& pictureArea)
{
    if (m_camera.isEmpty())
        return;
    m_link->areaZoom(m_camera, pictureArea, [self = QPointer(this)](const auto& error) {
        if (self)
            self->report(tr("Zoomed into the area"), error);
    });
}

void PtzConsole::onDrivingEnded(const QString& cameraId, const std::optional<vigie::rpc::RpcError>& error)
{
    m_idleClose->stop();
    if (cameraId == m_camera && error)
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
