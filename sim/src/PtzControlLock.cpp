#include "PtzControlLock.h"

#include <google/protobuf/util/time_util.h>

#include <algorithm>

namespace vigie::sim {

namespace {

google::protobuf::Timestamp timestamp(PtzControlLock::TimePoint time)
{
    return google::protobuf::util::TimeUtil::MillisecondsToTimestamp(
        std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count());
}

} // namespace

void PtzControlLock::take(const PtzClaimant& claimant, std::chrono::milliseconds duration, const std::string& reason,
                          TimePoint now)
{
    const bool renewal = heldBy(claimant.id);
    const TimePoint expiresAt = now + duration;
    const bool noticeable = !renewal || (!reason.empty() && reason != m_reason) ||
                            expiresAt - m_publishedExpiresAt >= std::chrono::seconds(1) ||
                            expiresAt < m_publishedExpiresAt;
    if (!renewal) {
        m_acquiredAt = now;
        m_reason.clear();
    }
    m_held = true;
    m_holder = claimant;
    if (!reason.empty())
        m_reason = reason;
    m_duration = duration;
    m_expiresAt = expiresAt;
    if (noticeable) {
        m_publishedExpiresAt = expiresAt;
        ++m_version;
    }
}

PtzControlLock::Outcome PtzControlLock::claimForCommand(const PtzClaimant& claimant, TimePoint now)
{
    expire(now);
    if (m_held && m_holder.id != claimant.id)
        return Outcome::HeldByOther;
    // The holder's own commands push the expiry forward by the duration it asked for.
    take(claimant, m_held ? m_duration : std::chrono::milliseconds(kDefaultDuration), {}, now);
    return Outcome::Granted;
}

PtzControlLock::Outcome PtzControlLock::acquire(const PtzClaimant& claimant, bool takeover,
                                                std::chrono::milliseconds duration, const std::string& reason,
                                                TimePoint now)
{
    expire(now);
    // Unset: the default, or the duration the holder already asked for (a Control stream starting under
    // a lock taken for 10 minutes keeps it for 10 minutes).
    if (duration <= std::chrono::milliseconds::zero())
        duration = heldBy(claimant.id) ? m_duration : std::chrono::milliseconds(kDefaultDuration);
    duration = std::min<std::chrono::milliseconds>(duration, kMaxDuration);
    Outcome outcome = Outcome::Granted;
    if (m_held && m_holder.id != claimant.id) {
        if (!takeover || claimant.priority <= m_holder.priority)
            return Outcome::HeldByOther;
        outcome = Outcome::TookOver;
    }
    take(claimant, duration, reason, now);
    return outcome;
}

bool PtzControlLock::release(const std::string& holderId)
{
    if (!heldBy(holderId))
        return false;
    m_held = false;
    ++m_version;
    return true;
}

bool PtzControlLock::expire(TimePoint now)
{
    if (!m_held || now < m_expiresAt)
        return false;
    m_held = false;
    ++m_version;
    return true;
}

vigie::v1::PtzLock PtzControlLock::describe(const std::string& cameraId, const std::string& callerId) const
{
    vigie::v1::PtzLock lock;
    lock.set_camera_id(cameraId);
    if (!m_held)
        return lock;
    lock.set_locked(true);
    lock.set_holder_kind(m_holder.kind);
    lock.set_holder_user(m_holder.user);
    lock.set_holder_display_name(m_holder.displayName);
    if (m_holder.kind == vigie::v1::LOCK_HOLDER_KIND_USER)
        lock.set_holder_workstation(m_holder.workstation);
    lock.set_priority(m_holder.priority);
    *lock.mutable_acquired_at() = timestamp(m_acquiredAt);
    *lock.mutable_expires_at() = timestamp(m_expiresAt);
    lock.set_held_by_caller(!callerId.empty() && m_holder.id == callerId);
    lock.set_reason(m_reason);
    return lock;
}

} // namespace vigie::sim
