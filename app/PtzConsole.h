#pragma once
// Drives the camera of the selected tile from the PTZ panel: the panel (widgets, no backend) on one side,
// the backend's PTZ service (rpc::PtzLink) on the other.
//
// Thread affinity: GUI thread.
//
// One camera at a time: selecting another tile ends the driving of the previous camera (it stops) and
// forgets its lists. The panel's held buttons become the Control stream's stick state; after the last
// release the stream stays open kIdleCloseMs (a next press is instant) and is then closed. A stream that
// ends badly (lock taken over, link lost) is said in the panel's status line and not reopened until the
// operator presses again. The lock line follows WatchLock: who holds the camera and for how long.

#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

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

    PtzConsole(vigie::rpc::PtzLink* link, vigie::rpc::BackendClient* backend, vigie::widgets::PtzPanel* panel,
               QObject* parent = nullptr);
    ~PtzConsole() override;

    // The camera of the selected tile; empty when no tile (or an empty one) is selected.
    void setCamera(const QString& cameraId);
    QString camera() const { return m_camera; }

    // Gestures on the camera's tile (WallWidget's PTZ signals), in the contract's units.
    void steer(double pan, double tilt, double zoom = 0);  // a drag or held keys: the stick; zeros stop
    void gotoPresetNumber(int number);         // a digit: the presets in the panel's order, from 1
    void zoomStep(double step);                // a wheel notch: a relative zoom, a fraction of the range
    void centreOn(const QPointF& picturePoint);  // normalised full-picture coordinates
    void areaZoom(const QRectF& pictureArea);

signals:
    // Who controls `cameraId` now, for its tiles ("PTZ · Superviseur · 42 s"); empty when nobody does.
    void controlNoteChanged(const QString& cameraId, const QString& note);

private:
    void onVelocity(double pan, double tilt, double zoom);
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
    QTimer* m_noteTick = nullptr;  // the tile's countdown, once a second while the camera is held
    void updateControlNote();
};

}  // namespace vigie::app
