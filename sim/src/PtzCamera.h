#pragma once

#include "PtzControlLock.h"
#include "PtzMotion.h"

#include <grpcpp/support/status.h>
#include <vigie/v1/ptz.pb.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace vigie::sim {

// One simulated PTZ dome: its motion, presets, home, tours, the Control stream's dead-man lease and the
// control lock. Shared by the gRPC threads, the ticker that enforces time limits and the video thread,
// hence the mutex. Every call takes the current time, so that tests can drive a clock of their own.
class PtzCamera {
public:
    using TimePoint = std::chrono::system_clock::time_point;

    // The frame the camera delivers: the picture's width / height (CentreOn, AreaZoom).
    static constexpr double kFrameAspect = 16.0 / 9.0;
    static constexpr int kMaxPresets = 64;
    static constexpr std::chrono::milliseconds kDefaultLease{500};
    static constexpr std::chrono::milliseconds kMinLease{200};
    static constexpr std::chrono::milliseconds kMaxLease{2000};

    PtzCamera(std::string cameraId, TimePoint now);

    const std::string& id() const { return m_id; }

    // Enforces the time limits: a lapsed lease stops the camera, an idle lock lapses, tours move on.
    void tick(TimePoint now);
    PtzPose poseAt(TimePoint now);

    // --- Control stream (dead-man driving) ---
    // The stream's lease clamped to [kMinLease, kMaxLease] (0: kDefaultLease).
    static std::chrono::milliseconds clampLease(std::chrono::milliseconds wanted);
    // Velocity from Control stream `stream` (a number unique to each stream); renews the lease. All zero stops
    // the camera.
    grpc::Status drive(const PtzClaimant& claimant, std::uint64_t stream, const vigie::v1::PtzVelocity& velocity,
                       std::chrono::milliseconds lease, TimePoint now);
    // Stream `stream` ended: stops the camera if that stream was driving it. The end of an earlier stream of the
    // same session, arriving after a newer stream took over the driving, stops nothing.
    void endControl(const std::string& claimantId, std::uint64_t stream, TimePoint now);
    // How many times the lease of `claimantId`'s driving lapsed (the camera was stopped): a stream
    // compares it with what it saw to report LAPSED.
    std::uint64_t leaseLapses() const;

    // The last velocity a Control stream read for this camera, as it arrived (before any check): for the
    // stdin command ptz-last-command, which benchmarks the client's input-to-command delay.
    struct ReceivedVelocity {
        TimePoint at;  // system_clock: the client measures with the same clock on the same machine
        double pan = 0;
        double tilt = 0;
        std::uint64_t count = 0;  // velocity messages read so far, all streams together
    };
    void recordReceivedVelocity(const vigie::v1::PtzVelocity& velocity, TimePoint at);
    ReceivedVelocity lastReceivedVelocity() const;

    // --- Moves ---
    grpc::Status stop(const PtzClaimant& claimant, bool panTilt, bool zoom, TimePoint now);
    grpc::Status absoluteMove(const PtzClaimant& claimant, const vigie::v1::PtzPosition& position,
                              const vigie::v1::PtzSpeed& speed, TimePoint now);
    grpc::Status relativeMove(const PtzClaimant& claimant, const vigie::v1::PtzTranslation& translation,
                              const vigie::v1::PtzSpeed& speed, TimePoint now);
    grpc::Status centreOn(const PtzClaimant& claimant, double x, double y, TimePoint now);
    grpc::Status areaZoom(const PtzClaimant& claimant, const vigie::v1::NormalizedRect& area, TimePoint now);
    vigie::v1::PtzStatus status(const std::string& callerId, TimePoint now);

    // --- Presets and home ---
    vigie::v1::ListPresetsResponse presets(TimePoint now);
    grpc::Status gotoPreset(const PtzClaimant& claimant, const std::string& presetId, const vigie::v1::PtzSpeed& speed,
                            TimePoint now);
    grpc::Status setPreset(const PtzClaimant& claimant, const vigie::v1::SetPresetRequest& request,
                           vigie::v1::Preset* stored, TimePoint now);
    grpc::Status removePreset(const PtzClaimant& claimant, const std::string& presetId, TimePoint now);
    grpc::Status gotoHome(const PtzClaimant& claimant, const vigie::v1::PtzSpeed& speed, TimePoint now);
    grpc::Status setHome(const PtzClaimant& claimant, TimePoint now);

    // --- Tours ---
    std::vector<vigie::v1::Tour> tours(TimePoint now);
    grpc::Status startTour(const PtzClaimant& claimant, const std::string& tourId, vigie::v1::Tour* tour,
                           TimePoint now);
    grpc::Status stopTour(const PtzClaimant& claimant, const std::string& tourId, vigie::v1::Tour* tour,
                          TimePoint now);
    grpc::Status pauseTour(const PtzClaimant& claimant, const std::string& tourId, vigie::v1::Tour* tour,
                           TimePoint now);

    // --- Lock ---
    grpc::Status acquireLock(const PtzClaimant& claimant, bool takeover, std::chrono::milliseconds duration,
                             const std::string& reason, vigie::v1::PtzLock* lock, TimePoint now);
    vigie::v1::PtzLock releaseLock(const std::string& claimantId, TimePoint now);
    vigie::v1::PtzLock lock(const std::string& callerId, TimePoint now);
    bool lockHeldBy(const std::string& claimantId, TimePoint now);
    std::uint64_t lockVersion() const;
    // Waits until the lock's version differs from `seen`, `deadline` passes or close() is called.
    void waitForLockChange(std::uint64_t seen, std::chrono::steady_clock::time_point deadline);
    // Wakes every waiter for good (shutdown).
    void close();
    bool closed() const;

private:
    struct StoredPreset {
        std::string id;
        std::string name;
        PtzPose pose;
    };
    struct TourSpot {
        std::string presetId;      // empty: `pose`
        PtzPose pose;
        double panTiltSpeed = 0;
        double zoomSpeed = 0;
        std::chrono::milliseconds dwell{0};
    };
    struct TourRun {
        std::string id;
        std::string name;
        int priority = 0;
        std::vector<TourSpot> spots;
        vigie::v1::TourState state = vigie::v1::TOUR_STATE_IDLE;
        int currentSpot = 0;
        bool dwelling = false;     // arrived at the current spot, waiting for dwellUntil
        TimePoint dwellUntil;
    };

    static double seconds(TimePoint time);
    void tickLocked(TimePoint now);
    // Checks (and implicitly takes or extends) the lock for a command; FAILED_PRECONDITION if held by
    // someone else.
    grpc::Status claimLocked(const PtzClaimant& claimant, TimePoint now);
    // What happens when the lock changes hands: the previous holder's driving stops, its tour pauses.
    void afterLockChangeLocked(std::uint64_t versionBefore, const std::string& holderBefore, TimePoint now);
    void moveLocked(const PtzPose& target, const vigie::v1::PtzSpeed& speed, TimePoint now);
    void startSpotLocked(TourRun& tour, TimePoint now);
    TourRun* findTourLocked(const std::string& tourId);
    // The common start of stopping or pausing a tour: finds it, brings the motion up to `now`, and lets
    // through the tour itself, the lock's holder, or a caller who wins the lock.
    grpc::Status tourCommandLocked(const PtzClaimant& claimant, const std::string& tourId, TimePoint now,
                                   TourRun** tour);
    const StoredPreset* findPresetLocked(const std::string& presetId) const;
    vigie::v1::PtzPosition positionLocked(TimePoint now);
    static vigie::v1::Tour describe(const TourRun& tour);
    static std::string tourClaimantId(const std::string& tourId) { return "tour:" + tourId; }

    const std::string m_id;
    mutable std::mutex m_mutex;
    std::condition_variable m_lockChanged;
    PtzMotion m_motion;                         // guarded by m_mutex
    PtzControlLock m_lock;                      // guarded by m_mutex
    std::vector<StoredPreset> m_presets;        // guarded by m_mutex
    int m_nextPresetNumber = 1;                 // guarded by m_mutex
    std::map<std::string, std::string> m_presetRequests;  // request id -> preset id; guarded by m_mutex
    PtzPose m_home;                             // guarded by m_mutex
    std::vector<TourRun> m_tours;               // guarded by m_mutex
    // Control stream driving: who drives, until when without news, how often it lapsed.
    std::string m_driver;                       // guarded by m_mutex; empty: nobody drives
    std::uint64_t m_driverStream = 0;           // guarded by m_mutex; the Control stream m_driver drives with
    TimePoint m_leaseDeadline;                  // guarded by m_mutex
    std::uint64_t m_leaseLapses = 0;            // guarded by m_mutex
    bool m_closed = false;                      // guarded by m_mutex
    // A mutex of its own: the record is taken on the stream's thread before drive(), and must not wait
    // behind the motion's work (or skew the timestamp it stores).
    mutable std::mutex m_receivedMutex;
    ReceivedVelocity m_received;                // guarded by m_receivedMutex
};

} // namespace vigie::sim
