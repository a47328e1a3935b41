#pragma once
// Pan-tilt-zoom control of the backend's domes (PtzService): joystick driving, moves, presets, home,
// tours, the control lock and watches of it.
//
// Thread affinity: create, use and destroy on the GUI thread, after the BackendClient it rides on (which
// must outlive it). Signals are emitted on that thread. Nothing blocks: calls use the callback API.
//
// Driving (the Control stream): one camera at a time per link. startDriving() opens the stream (taking
// the camera's lock, over a lower priority with `takeover`), setVelocity() passes the stick's state,
// stopDriving() stops the camera and closes the stream. The pace of the messages is bounded (see
// PtzDriver.h): only the latest stick state waits, at most one write is in flight, writes are at least
// 20 ms apart, a moving state is re-sent every lease / 3 to renew the backend's dead-man lease, and a stop
// always goes out first. Destroying the link while driving ends the stream, which stops the camera.
// A stream that breaks (link lost, taken over, refused) ends with drivingEnded and an error, and is NOT
// reopened: the operator's stick may have moved since, so whether to drive again is for the UI to decide
// (typically: ask the operator to let go of the stick, then start again).
//
// Unary calls report through a callback on the GUI thread: nullopt on success, else what went wrong (in
// words). A call refused for a session the backend link has replaced since is tried again with the new
// one; SetPreset, which carries a request id, is also tried again (same id) when the backend could not be
// reached. Moves are not: a move landing seconds late would surprise the operator.
//
// Lock watch: watchLock() follows a camera's lock (WatchLock) while the backend link is Online; a watch
// that ends is reopened after a growing delay (0.5 s ... 4 s); the link going down forgets what was known
// (lock() is then "unknown") and its return reopens the watches.

#include <QHash>
#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

#include "vigie/rpc/PtzTypes.h"
#include "vigie/rpc/RpcError.h"

class QTimer;

namespace vigie::rpc {

class BackendClient;
class CallTracker;
class LinkCalls;
class GuiMarshaller;
class PtzDriver;
class ReadStreamHandle;

class PtzLink : public QObject {
    Q_OBJECT
public:
    explicit PtzLink(BackendClient* backend, QObject* parent = nullptr);
    ~PtzLink() override;  // ends the driving (the camera stops), cancels calls and waits for gRPC

    // --- Driving ---
    // Starts driving `cameraId`, ending any driving of another camera first. drivingStarted or
    // drivingEnded (with the refusal, e.g. the lock held by someone else) follows.
    void startDriving(const QString& cameraId, bool takeover = false);
    // The stick's state; ignored while not driving.
    void setVelocity(const PtzVelocity& velocity);
    // Stops the camera and closes the stream; drivingEnded follows without an error.
    void stopDriving();
    bool isDriving() const;
    QString drivingCamera() const;  // empty when not driving
    // Control messages written so far (start and velocities), for tests and benchmarks.
    quint64 controlMessagesSent() const { return m_controlMessagesSent; }

    // --- Moves, presets, home, tours, lock ---
    using Done = std::function<void(const std::optional<RpcError>&)>;
    using StatusDone = std::function<void(const std::optional<PtzStatus>&, const std::optional<RpcError>&)>;
    using PresetsDone = std::function<void(const PtzPresetList&, const std::optional<RpcError>&)>;
    using PresetDone = std::function<void(const std::optional<PtzPreset>&, const std::optional<RpcError>&)>;
    using ToursDone = std::function<void(const QList<PtzTour>&, const std::optional<RpcError>&)>;
    using TourDone = std::function<void(const std::optional<PtzTour>&, const std::optional<RpcError>&)>;
    using LockDone = std::function<void(const std::optional<PtzLockInfo>&, const std::optional<RpcError>&)>;

    // Both false stops everything.
    void stop(const QString& cameraId, bool panTilt, bool zoom, Done done = {});
    void absoluteMove(const QString& cameraId, const PtzPosition& position, const PtzSpeed& speed = {},
                      Done done = {});
    void relativeMove(const QString& cameraId, const PtzTranslation& translation, const PtzSpeed& speed = {},
                      Done done = {});
    // `point` in normalised image coordinates (top-left origin, y down) becomes the picture's centre.
    void centreOn(const QString& cameraId, const QPointF& point, Done done = {});
    // Centres on `area` (normalised image coordinates, non-empty) and zooms until it fills the picture.
    void areaZoom(const QString& cameraId, const QRectF& area, Done done = {});
    void getStatus(const QString& cameraId, StatusDone done);

    void listPresets(const QString& cameraId, PresetsDone done);
    void gotoPreset(const QString& cameraId, const QString& presetId, const PtzSpeed& speed = {}, Done done = {});
    // Stores the current position as a new preset (empty `presetId`) or over an existing one.
    void setPreset(const QString& cameraId, const QString& name, PresetDone done, const QString& presetId = {});
    void removePreset(const QString& cameraId, const QString& presetId, Done done = {});
    void gotoHome(const QString& cameraId, const PtzSpeed& speed = {}, Done done = {});
    void setHome(const QString& cameraId, Done done = {});

    void listTours(const QString& cameraId, ToursDone done);
    void startTour(const QString& cameraId, const QString& tourId, TourDone done = {});
    void stopTour(const QString& cameraId, const QString& tourId, TourDone done = {});
    void pauseTour(const QString& cameraId, const QString& tourId, TourDone done = {});

    // `duration` 0: the backend's default (60 s).
    void acquireLock(const QString& cameraId, bool takeover, const QString& reason, LockDone done,
                     std::chrono::milliseconds duration = {});
    void releaseLock(const QString& cameraId, LockDone done = {});
    void getLock(const QString& cameraId, LockDone done);

    // --- Lock watch ---
    // Counted: every watchLock() needs its unwatchLock().
    void watchLock(const QString& cameraId);
    void unwatchLock(const QString& cameraId);
    // The last known lock of a watched camera; std::nullopt while unknown (not watched, not heard yet,
    // link down).
    std::optional<PtzLockInfo> lock(const QString& cameraId) const;

signals:
    // The stream drives the camera from now on, under `lock` (held by this session).
    void drivingStarted(const QString& cameraId, std::chrono::milliseconds lease, const vigie::rpc::PtzLockInfo& lock);
    // LAPSED (false): no input within the lease while moving, the backend stopped the camera.
    void drivingLeaseChanged(const QString& cameraId, bool active);
    // The lock the stream drives under changed (extended, or taken over: drivingEnded follows).
    void drivingLockChanged(const QString& cameraId, const vigie::rpc::PtzLockInfo& lock);
    void drivingWarning(const QString& cameraId, vigie::rpc::PtzWarningKind kind, const QString& text);
    // The driving is over: nullopt when stopDriving() asked for it, else why (refused, taken over by X,
    // link broken...).
    void drivingEnded(const QString& cameraId, const std::optional<vigie::rpc::RpcError>& error);
    // lock(cameraId) changed (new holder, released, extended, became unknown).
    void lockChanged(const QString& cameraId);

private:
    struct LockWatch {
        int users = 0;
        std::shared_ptr<ReadStreamHandle> stream;
        quint64 generation = 0;  // events of older streams are ignored
        std::optional<PtzLockInfo> lock;
        int failuresInARow = 0;
        QTimer* retryTimer = nullptr;
    };

    // `start(async, ctx, req, resp, cb)` issues the call on the PTZ stub's callback API.
    // A unary call of PtzService through m_unary (token, outcome on the GUI thread, stale-session retry).
    template <class Request, class Response, class Start, class OnOk>
    void call(Start start, Request request, const QString& what, bool retryUnreachable, OnOk onOk,
              std::function<void(const RpcError&)> onError);
    // The camera-moving calls answered by an empty message.
    template <class Request, class Response, class Start>
    void command(Start start, Request request, const QString& what, Done done);
    template <class Request, class Response, class Start>
    void tourCommand(Start start, const QString& cameraId, const QString& tourId, const QString& what,
                     TourDone done);
    bool callable() const;
    RpcError notConnected(const QString& what) const;
    void reportRefusedSession(const QString& token, const RpcError& error);
    void endDriving();
    void onBackendState();
    void openWatch(const QString& cameraId);
    void closeWatch(LockWatch& watch);
    void setWatchedLock(const QString& cameraId, std::optional<PtzLockInfo> lock);

    BackendClient* m_backend;
    std::shared_ptr<GuiMarshaller> m_marshaller;  // its own: results for a destroyed link are dropped
    std::shared_ptr<CallTracker> m_calls;  // the Control and WatchLock streams
    std::unique_ptr<LinkCalls> m_unary;    // the unary calls
    PtzDriver* m_driver = nullptr;  // the current driving, or null
    quint64 m_controlMessagesSent = 0;
    QHash<QString, LockWatch> m_watches;
    bool m_online = false;  // the backend link's state as last seen
};

}  // namespace vigie::rpc
