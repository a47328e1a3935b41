#pragma once
// Drives the camera of the selected tile from the PTZ panel: the panel (widgets, no backend) on one side,
// the backend's PTZ service (rpc::PtzLink) on the other.
//
// Thread affinity: GUI thread.
//
// One camera at a time: selecting another tile ends the driving of the previous camera (it stops) and
// forgets its lists. Three inputs steer it: the panel's held buttons, the tile (drag or keys) and a game
// controller. Each keeps its own stick; the one moved last while not at rest drives, so one input letting
// go never stops another that is still held. When every input is at rest the camera stops at once; the
// stream stays open kIdleCloseMs (a next press is instant) and is then closed. A stream that ends badly
// (lock taken over, link lost) is said in the panel's status line and not reopened until every input has
// been let go: a held stick does not hammer a camera someone else controls. Wheel notches are gathered
// over kZoomStepMs and sent as one absolute zoom aimed from the lens's reported position, one call at a
// time, so that a long spin loses no notch. The lock line follows
// WatchLock: who holds the camera and for how long.

#include <QElapsedTimer>
#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

#include "vigie/rpc/PtzTypes.h"
#include "vigie/rpc/RpcError.h"

class QTimer;

namespace vigie::rpc {
class BackendClient;
class PtzLink;
}
namespace vigie::widgets {
class PtzPanel;
}

namespace vigie::app {

class PtzConsole : public QObject {
    Q_OBJECT
public:
    static constexpr int kIdleCloseMs = 3000;
    static constexpr int kZoomStepMs = 100;
    static constexpr int kZoomAimMs = 2000;  // the wheel's aim is kept this long after its last notch

    enum class Input { Panel, Tile, Gamepad };

    PtzConsole(vigie::rpc::PtzLink* link, vigie::rpc::BackendClient* backend, vigie::widgets::PtzPanel* panel,
               QObject* parent = nullptr);
    ~PtzConsole() override;

    // The camera of the selected tile; empty when no tile (or an empty one) is selected.
    void setCamera(const QString& cameraId);
    QString camera() const { return m_camera; }
    // A camera is selected that can be driven now (PTZ, online, known).
    bool drivable() const { return m_drivable; }

    // Gestures on the camera's tile (WallWidget's PTZ signals), in the contract's units.
    void steer(Input input, double pan, double tilt, double zoom = 0);  // one input's stick; zeros = at rest
    void gotoPresetNumber(int number);         // a digit: the presets in the panel's order, from 1
    void zoomStep(double step);                // a wheel notch: a relative zoom, a fraction of the range
    void centreOn(const QPointF& picturePoint);  // normalised full-picture coordinates
    void areaZoom(const QRectF& pictureArea);

signals:
    // Who controls `cameraId` now, for its tiles ("PTZ · Superviseur · 42 s"); empty when nobody does.
    void controlNoteChanged(const QString& cameraId, const QString& note);
    // drivable() changed: a game controller is read only while there is something to steer.
    void drivableChanged(bool drivable);

private:
    static constexpr int kInputs = 3;
    void applyInputs();
    void setDrivable(bool drivable, const QString& reason = QString());
    void sendZoomSteps();
    void releaseLock();
    void onDrivingEnded(const QString& cameraId, const std::optional<vigie::rpc::RpcError>& error);
    void showLock();
    void refreshPresets();
    void refreshTours();
    // Reports a call's outcome in the panel: `success` on success, else the error in words.
    void report(const QString& success, const std::optional<vigie::rpc::RpcError>& error);

    vigie::rpc::PtzLink* m_link;
    vigie::rpc::BackendClient* m_backend;
    vigie::widgets::PtzPanel* m_panel;
    QString m_camera;         // driven and watched; empty = none
    QStringList m_presetIds;  // the camera's presets in the panel's order
    QTimer* m_idleClose = nullptr;
    bool m_drivable = false;
    // Each input's stick and when it last moved away from rest (a counter): the latest one drives.
    std::array<vigie::rpc::PtzVelocity, kInputs> m_inputs{};
    std::array<quint64, kInputs> m_inputMoved{};
    quint64 m_moves = 0;
    bool m_awaitRelease = false;  // the stream ended badly: nothing drives until every input is at rest
    double m_zoomPending = 0;     // wheel notches not sent yet
    bool m_zoomInFlight = false;
    QTimer* m_zoomPace = nullptr;
    std::optional<double> m_zoomTarget;  // where the wheel aims the lens
    QElapsedTimer m_sinceLastNotch;
    QString m_releaseAfterStop;  // release this camera's lock once its stream is over
    QTimer* m_noteTick = nullptr;  // the tile's countdown, once a second while the camera is held
    void updateControlNote();
};

}  // namespace vigie::app
