#pragma once
// One joystick driving session of one camera (PtzService.Control), on the GUI thread: decides which
// stick states are written to the stream, and when.
//
// Pacing (the backend coalesces too, but every message crosses the network and the backend's queue):
// - Only the latest stick state waits to be sent: setVelocity() replaces it, never queues it.
// - At most one write in flight, and at least kMinWriteInterval between two writes of moving states.
// - While any axis is non-zero, the state is re-sent every lease / 3 even when unchanged: each message
//   renews the backend's dead-man lease, and a third leaves two messages' worth of slack for jitter.
// - A stop (all axes zero, after a moving state went out) goes out as soon as the write in flight is done,
//   ahead of anything else and without waiting for the interval: a released stick must stop the camera
//   at once, even if the stick moved again meanwhile (that later state follows at the normal pace).
// - stop() writes a zero and half-closes the stream with it.
// Renewals ride on the GUI thread's timers on purpose: a frozen client stops renewing, and the lease then
// stops the camera, which is what a dead-man rule is for.

// gRPC and generated headers before Qt's: Qt's keyword macros must not reach them.
#include <grpcpp/support/status.h>

#include "vigie/v1/ptz.grpc.pb.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

#include "vigie/rpc/PtzTypes.h"
#include "vigie/rpc/RpcError.h"

namespace vigie::rpc {

class CallTracker;
class GuiMarshaller;
class PtzControlHandle;

class PtzDriver : public QObject {
    Q_OBJECT
public:
    // Least time between two writes: 50 stick states a second at most. Finer than a video frame (40 ms),
    // so the pacing adds at most half a frame to what the hand feels while steering (the 30 ms
    // goal holds for a continuous drag, not only for the first move), and it still keeps a burst of stick
    // events from flooding the backend.
    static constexpr std::chrono::milliseconds kMinWriteInterval{20};
    // Lease asked of the backend: the contract's default, so that a lost client stops the camera within
    // half a second. The backend says in `ready` which lease it uses.
    static constexpr std::chrono::milliseconds kRequestedLease{500};

    // `counter` counts the messages written; it belongs to the owner, which outlives this object.
    PtzDriver(QString cameraId, bool takeover, QString backendAddress, quint64* counter, QObject* parent);
    ~PtzDriver() override;  // cancels the stream if still open: the backend stops the camera

    // Starts the call; false when it could not be started (the owner is shutting down).
    bool open(vigie::v1::PtzService::Stub& stub, const QString& token, const std::shared_ptr<CallTracker>& tracker);

    const QString& cameraId() const { return m_cameraId; }
    std::chrono::milliseconds lease() const { return m_lease; }
    bool isReady() const { return m_ready; }
    bool isOver() const { return m_over; }
    const QString& token() const { return m_token; }

    void setVelocity(const PtzVelocity& velocity);
    // Sends a stop and half-closes; `ended` follows without an error.
    void stop();

signals:
    void started(std::chrono::milliseconds lease, const vigie::rpc::PtzLockInfo& lock);
    void leaseChanged(bool active);
    void lockChanged(const vigie::rpc::PtzLockInfo& lock);
    void warning(vigie::rpc::PtzWarningKind kind, const QString& text);
    // The stream is over; an error unless stop() asked for it and the backend agreed.
    void ended(const std::optional<vigie::rpc::RpcError>& error);

private:
    void pump();
    void write(const PtzVelocity& velocity, bool last);
    void onEvent(const vigie::v1::ControlResponse& response);
    void onWriteDone(bool ok);
    void onFinished(const grpc::Status& status);
    std::chrono::milliseconds renewalPeriod() const { return m_lease / 3; }

    const QString m_cameraId;
    const bool m_takeover;
    const QString m_address;
    quint64* m_counter;
    QString m_token;
    std::shared_ptr<GuiMarshaller> m_marshaller;  // its own: results for a destroyed driver are dropped
    std::shared_ptr<PtzControlHandle> m_call;     // null before open() and once the stream is over
    std::chrono::milliseconds m_lease = kRequestedLease;
    PtzVelocity m_wanted;       // the stick's latest state
    PtzVelocity m_lastWritten;  // the state of the last write issued
    bool m_stopPending = false;  // a stop must go out before anything else
    bool m_closeWanted = false;  // write a zero and half-close at the next chance
    bool m_closed = false;       // the half-close was written
    bool m_writeInFlight = false;
    bool m_stopAsked = false;
    bool m_ready = false;
    bool m_lockLost = false;
    QString m_lostTo;  // who took the camera over, for the end's message
    bool m_over = false;
    QElapsedTimer m_sinceLastWrite;  // invalid until the first velocity goes out
    QTimer m_sendTimer;              // the next write, when the interval or the renewal period is over
};

}  // namespace vigie::rpc
