#include "PtzControlStream.h"

#include "Log.h"

#include <google/protobuf/util/time_util.h>

#include <thread>

namespace vigie::sim {

namespace {

// How often the watchdog looks at the camera: bounds how late a lapse or a takeover is reported.
constexpr std::chrono::milliseconds kWatchPeriod{40};

std::uint64_t nextStreamId()
{
    static std::atomic<std::uint64_t> last{0};
    return ++last;
}

} // namespace

PtzControlStream::PtzControlStream(grpc::ServerContext& context, Stream& stream, PtzCamera& camera,
                                   PtzClaimant claimant, std::chrono::milliseconds lease)
    : m_context(context),
      m_stream(stream),
      m_camera(camera),
      m_claimant(std::move(claimant)),
      m_streamId(nextStreamId()),
      m_lease(lease)
{
}

bool PtzControlStream::write(const vigie::v1::ControlResponse& response)
{
    std::lock_guard lock(m_writeMutex);
    return m_stream.Write(response);
}

void PtzControlStream::reportLease(vigie::v1::LeaseState state)
{
    vigie::v1::ControlResponse response;
    response.mutable_lease()->set_state(state);
    // The simulated dome stops exactly when told: a lapse's stop is always confirmed.
    response.mutable_lease()->set_stop_confirmed(state == vigie::v1::LEASE_STATE_LAPSED);
    write(response);
}

void PtzControlStream::watch()
{
    std::uint64_t lapses = m_camera.leaseLapses();
    while (!m_done && !m_context.IsCancelled()) {
        std::this_thread::sleep_for(kWatchPeriod);
        const auto now = std::chrono::system_clock::now();
        if (const auto seen = m_camera.leaseLapses(); seen != lapses) {
            lapses = seen;
            if (!m_lapsed.exchange(true))
                reportLease(vigie::v1::LEASE_STATE_LAPSED);
        }
        if (!m_lockLost) {
            const auto lock = m_camera.lock(m_claimant.id, now);
            if (lock.locked() && !lock.held_by_caller()) {
                // Taken over: the camera was stopped by the takeover; tell the client now. The call ends
                // with FAILED_PRECONDITION when the handler gets out of Read(): at the client's next
                // message or when it closes.
                m_lockLost = true;
                vigie::v1::ControlResponse response;
                *response.mutable_lock() = lock;
                write(response);
            }
        }
    }
}

grpc::Status PtzControlStream::run(const vigie::v1::PtzLock& lock)
{
    vigie::v1::ControlResponse ready;
    *ready.mutable_ready()->mutable_lease() =
        google::protobuf::util::TimeUtil::MillisecondsToDuration(m_lease.count());
    *ready.mutable_ready()->mutable_lock() = lock;
    if (!write(ready)) {
        m_camera.endControl(m_claimant.id, m_streamId, std::chrono::system_clock::now());
        return grpc::Status::OK;
    }
    std::thread watchdog([this] { watch(); });

    grpc::Status outcome = grpc::Status::OK;
    vigie::v1::ControlRequest request;
    while (m_stream.Read(&request)) {
        if (request.has_velocity())
            m_camera.recordReceivedVelocity(request.velocity(), std::chrono::system_clock::now());
        if (m_lockLost)
            break;
        if (!request.has_velocity()) {
            outcome = {grpc::StatusCode::INVALID_ARGUMENT, "only one start message per Control stream"};
            break;
        }
        const auto& velocity = request.velocity();
        if ((velocity.has_focus() && velocity.focus() != 0) || (velocity.has_iris() && velocity.iris() != 0)) {
            vigie::v1::ControlResponse warning;
            warning.mutable_warning()->set_kind(vigie::v1::CONTROL_WARNING_KIND_AXIS_IGNORED);
            warning.mutable_warning()->set_message("camera '" + m_camera.id() + "' has no manual focus or iris");
            write(warning);
        }
        const grpc::Status driven = m_camera.drive(m_claimant, m_streamId, velocity, m_lease, std::chrono::system_clock::now());
        if (!driven.ok()) {
            if (driven.error_code() == grpc::StatusCode::FAILED_PRECONDITION)
                m_lockLost = true;
            outcome = driven;
            break;
        }
        if (m_lapsed.exchange(false))
            reportLease(vigie::v1::LEASE_STATE_ACTIVE);
    }
    // Whatever ended the stream, the camera stops before anything else.
    m_camera.endControl(m_claimant.id, m_streamId, std::chrono::system_clock::now());
    if (m_lockLost && outcome.ok()) {
        const auto holder = m_camera.lock({}, std::chrono::system_clock::now()).holder_display_name();
        outcome = {grpc::StatusCode::FAILED_PRECONDITION,
                   "camera '" + m_camera.id() + "' was taken over: " + holder + " controls it now"};
    }
    m_done = true;
    watchdog.join();
    Log::debug("PTZ control of " + m_camera.id() + " by " + m_claimant.user + " ended" +
               (outcome.ok() ? std::string() : ": " + outcome.error_message()));
    return outcome;
}

} // namespace vigie::sim
