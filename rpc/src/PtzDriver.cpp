#include "PtzDriver.h"

#include <google/protobuf/util/time_util.h>

#include <QThread>

#include "CallTracker.h"
#include "PtzControlCall.h"
#include "PtzMapping.h"
#include "vigie/rpc/GuiMarshaller.h"

namespace vigie::rpc {

PtzDriver::PtzDriver(QString cameraId, bool takeover, QString backendAddress, quint64* counter, QObject* parent)
    : QObject(parent),
      m_cameraId(std::move(cameraId)),
      m_takeover(takeover),
      m_address(std::move(backendAddress)),
      m_counter(counter),
      m_marshaller(GuiMarshaller::create(this))
{
    m_sendTimer.setSingleShot(true);
    m_sendTimer.setTimerType(Qt::PreciseTimer);  // renewals must not drift towards the lease's end
    connect(&m_sendTimer, &QTimer::timeout, this, &PtzDriver::pump);
}

PtzDriver::~PtzDriver()
{
    m_marshaller->detach();
    if (m_call)
        m_call->cancel();  // the stream's end is the dead-man: the backend stops the camera
}

bool PtzDriver::open(vigie::v1::PtzService::Stub& stub, const QString& token,
                     const std::shared_ptr<CallTracker>& tracker)
{
    Q_ASSERT(thread() == QThread::currentThread());
    m_token = token;
    vigie::v1::ControlRequest request;
    request.mutable_start()->set_camera_id(m_cameraId.toStdString());
    *request.mutable_start()->mutable_lease() =
        google::protobuf::util::TimeUtil::MillisecondsToDuration(kRequestedLease.count());
    request.mutable_start()->set_takeover(m_takeover);
    PtzControlCall::Handlers handlers;
    handlers.onEvent = [this](const vigie::v1::ControlResponse& response) { onEvent(response); };
    handlers.onWriteDone = [this](bool ok) { onWriteDone(ok); };
    handlers.onFinished = [this](const grpc::Status& status) { onFinished(status); };
    m_call = PtzControlCall::start(stub, request, token, m_marshaller, tracker, std::move(handlers));
    m_writeInFlight = bool(m_call);  // the start message
    return bool(m_call);
}

void PtzDriver::setVelocity(const PtzVelocity& velocity)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (m_over || m_closeWanted)
        return;
    if (velocity.isZero() && !m_lastWritten.isZero())
        m_stopPending = true;  // the camera moves: this stop must reach it, whatever follows
    m_wanted = velocity;
    pump();
}

void PtzDriver::stop()
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (m_over)
        return;
    m_stopAsked = true;
    m_closeWanted = true;
    pump();
}

void PtzDriver::pump()
{
    if (!m_call || m_writeInFlight || m_closed)
        return;  // the next write-done calls again
    if (m_closeWanted) {
        m_wanted = {};
        write({}, true);
        return;
    }
    if (m_stopPending) {
        m_stopPending = false;
        write({}, false);
        return;
    }
    std::chrono::milliseconds due;
    if (m_wanted != m_lastWritten)
        due = kMinWriteInterval;
    else if (!m_wanted.isZero())
        due = renewalPeriod();
    else
        return;  // stopped and said so: silence is harmless (the lease lapsing does nothing)
    const qint64 elapsed = m_sinceLastWrite.isValid() ? m_sinceLastWrite.elapsed() : due.count();
    if (elapsed >= due.count()) {
        write(m_wanted, false);
        return;
    }
    m_sendTimer.start(int(due.count() - elapsed));
}

void PtzDriver::write(const PtzVelocity& velocity, bool last)
{
    vigie::v1::ControlRequest request;
    *request.mutable_velocity() = toProtoVelocity(velocity);
    if (!m_call->write(request, last))
        return;  // the stream is over; onFinished tells
    m_sendTimer.stop();
    m_writeInFlight = true;
    m_lastWritten = velocity;
    m_sinceLastWrite.start();
    if (last)
        m_closed = true;
}

void PtzDriver::onWriteDone(bool ok)
{
    m_writeInFlight = false;
    if (!ok)
        return;  // the stream broke; onFinished follows with the status
    ++*m_counter;
    pump();
}

void PtzDriver::onEvent(const vigie::v1::ControlResponse& response)
{
    switch (response.event_case()) {
    case vigie::v1::ControlResponse::kReady: {
        const auto lease = google::protobuf::util::TimeUtil::DurationToMilliseconds(response.ready().lease());
        if (lease > 0)
            m_lease = std::chrono::milliseconds(lease);
        m_ready = true;
        pump();  // the renewal period may have changed
        emit started(m_lease, toPtzLockInfo(response.ready().lock()));
        break;
    }
    case vigie::v1::ControlResponse::kLease:
        emit leaseChanged(response.lease().state() != vigie::v1::LEASE_STATE_LAPSED);
        break;
    case vigie::v1::ControlResponse::kLock: {
        const PtzLockInfo lock = toPtzLockInfo(response.lock());
        if (lock.locked && !lock.heldByMe && !m_lockLost) {
            // Taken over: the backend stopped the camera and ends the call at our next message. Send it
            // now (a half-close), so that the end does not wait for the stick to move.
            m_lockLost = true;
            m_lostTo = lock.holderDisplayName.isEmpty() ? lock.holderUser : lock.holderDisplayName;
            m_closeWanted = true;
            pump();
        }
        emit lockChanged(lock);
        break;
    }
    case vigie::v1::ControlResponse::kWarning:
        emit warning(toPtzWarningKind(response.warning().kind()),
                     QString::fromStdString(response.warning().message()));
        break;
    default:
        break;
    }
}

void PtzDriver::onFinished(const grpc::Status& status)
{
    m_call.reset();
    m_over = true;
    m_sendTimer.stop();
    m_writeInFlight = false;
    std::optional<RpcError> error;
    if (m_lockLost && (status.ok() || status.error_code() == grpc::StatusCode::FAILED_PRECONDITION)) {
        // Our half-close after the takeover may end the call either way: what counts is who took it.
        error = RpcError::fromStatus(grpc::Status(grpc::StatusCode::FAILED_PRECONDITION, "taken over"),
                                     tr("Driving %1").arg(m_cameraId), m_address);
        error->text = m_lostTo.isEmpty() ? tr("Driving %1 stopped: someone else took control").arg(m_cameraId)
                                         : tr("Driving %1 stopped: %2 took control").arg(m_cameraId, m_lostTo);
    } else if (!status.ok() || !m_stopAsked) {
        error = RpcError::fromStatus(status, tr("Driving %1").arg(m_cameraId), m_address);
        if (status.ok())
            error->text = tr("Driving %1: the backend ended the control").arg(m_cameraId);
        else if (status.error_code() == grpc::StatusCode::CANCELLED)
            error->text = tr("Driving %1 stopped: the control stream was cancelled").arg(m_cameraId);
        else if (error->isUnreachable())
            error->text = tr("Driving %1 stopped: the link to the backend broke (%2)").arg(m_cameraId, error->text);
    }
    emit ended(error);
}

}  // namespace vigie::rpc
