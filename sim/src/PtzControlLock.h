#pragma once

#include <vigie/v1/ptz.pb.h>

#include <chrono>
#include <cstdint>
#include <string>

namespace vigie::sim {

// Who asks for a camera's control lock: an operator's session, or a tour.
struct PtzClaimant {
    vigie::v1::LockHolderKind kind = vigie::v1::LOCK_HOLDER_KIND_USER;
    std::string id;           // session token (USER) or tour id (TOUR): what "the same holder" means
    std::string user;         // login name (USER) or tour id
    std::string displayName;  // "Camera controlled by ..."
    std::string workstation;
    int priority = 0;
};

// One camera's control lock (ptz.proto, "Control lock"): one holder at a time, higher priority may take
// over, the lock lapses when its holder stops commanding for its duration. Pure: times are arguments,
// the owner serialises calls.
class PtzControlLock {
public:
    using TimePoint = std::chrono::system_clock::time_point;
    static constexpr std::chrono::seconds kDefaultDuration{60};
    static constexpr std::chrono::seconds kMaxDuration{600};

    enum class Outcome {
        Granted,     // taken or extended
        TookOver,    // taken from a holder of lower priority
        HeldByOther, // FAILED_PRECONDITION
    };

    // Whether `claimant` may command the camera now: the lock is free (taken implicitly at the claimant's
    // priority for the default duration) or already theirs (extended by its duration).
    Outcome claimForCommand(const PtzClaimant& claimant, TimePoint now);
    // AcquireLock: takes or extends; `takeover` takes it from a strictly lower priority. `duration` 0
    // means the default; it is capped.
    Outcome acquire(const PtzClaimant& claimant, bool takeover, std::chrono::milliseconds duration,
                    const std::string& reason, TimePoint now);
    // Frees the lock if `holderId` holds it; true when it did.
    bool release(const std::string& holderId);
    // Frees an expired lock; true when it did.
    bool expire(TimePoint now);

    bool held() const { return m_held; }
    bool heldBy(const std::string& holderId) const { return m_held && m_holder.id == holderId; }
    const PtzClaimant& holder() const { return m_holder; }
    TimePoint expiresAt() const { return m_expiresAt; }
    // Changes whenever the lock changes (taken, released, expired, taken over, reason changed), and when
    // it is extended by a second or more: a joystick renews it several times a second, and watchers
    // need not hear of every renewal.
    std::uint64_t version() const { return m_version; }
    // The lock as the contract shows it to `callerId`'s session.
    vigie::v1::PtzLock describe(const std::string& cameraId, const std::string& callerId) const;

private:
    void take(const PtzClaimant& claimant, std::chrono::milliseconds duration, const std::string& reason,
              TimePoint now);

    bool m_held = false;
    PtzClaimant m_holder;
    std::string m_reason;
    std::chrono::milliseconds m_duration{kDefaultDuration};
    TimePoint m_acquiredAt;
    TimePoint m_expiresAt;
    // The expiry watchers were last told of: renewals move m_expiresAt a little at a time (every ~170 ms
    // while steering), so what counts for a change worth a version is the drift from what was published.
    TimePoint m_publishedExpiresAt;
    std::uint64_t m_version = 0;
};

} // namespace vigie::sim
