#pragma once

#include <vigie/v1/recordings.pb.h>

#include <grpcpp/support/status.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace vigie::sim {

// Evidence locks (recordings.proto), in memory: a hold on some cameras' recordings over a range, beyond
// retention, for a judicial procedure. Validation, idempotent retries (request_id), release, expiry at
// `hold_until`, and what the recorder's purge and the readers ask: which ranges are held now. Rights are
// the service's business. Times are UTC milliseconds. Thread-safe (one mutex): gRPC handlers and the
// recorder thread's purge call it concurrently.
class EvidenceLockStore {
public:
    using Clock = std::function<std::int64_t()>;

    explicit EvidenceLockStore(Clock clock);

    struct Actor {
        std::string user;
        std::string displayName;
    };
    struct Outcome {
        grpc::Status status;
        vigie::v1::EvidenceLock lock;
    };
    // INVALID_ARGUMENT (no camera, no procedure number or reason, start not before end), OUT_OF_RANGE (the
    // range starts before `availableFromMs` where no active lock holds it: that part is destroyed).
    Outcome create(const vigie::v1::CreateEvidenceLockRequest& request, const Actor& actor,
                   std::int64_t availableFromMs);
    // NOT_FOUND, INVALID_ARGUMENT (no reason), FAILED_PRECONDITION (already released or expired).
    Outcome release(const vigie::v1::ReleaseEvidenceLockRequest& request, const Actor& actor);
    std::optional<vigie::v1::EvidenceLock> get(const std::string& id) const;

    struct Query {
        std::set<std::string> cameraIds;  // locks with at least one of these cameras
        std::optional<std::pair<std::int64_t, std::int64_t>> range;  // overlapping it
        std::string procedureNumber;
        bool includeInactive = false;
        std::size_t offset = 0;
        std::size_t limit = 100;
    };
    struct Page {
        std::vector<vigie::v1::EvidenceLock> locks;  // newest first
        std::size_t total = 0;
        bool more = false;
    };
    Page list(const Query& query) const;

    // The ranges active locks hold on a camera now, sorted by start.
    std::vector<std::pair<std::int64_t, std::int64_t>> heldRanges(const std::string& cameraId) const;
    // Whether an active lock holds part of [startMs, endMs) of that camera now.
    bool holds(const std::string& cameraId, std::int64_t startMs, std::int64_t endMs) const;

private:
    // The lock as of now: ACTIVE turns EXPIRED once hold_until has passed.
    vigie::v1::EvidenceLock current(const vigie::v1::EvidenceLock& lock, std::int64_t nowMs) const;
    bool holdsLocked(const std::string& cameraId, std::int64_t startMs, std::int64_t endMs, std::int64_t nowMs) const;

    const Clock m_clock;
    mutable std::mutex m_mutex;
    std::map<std::string, vigie::v1::EvidenceLock> m_locks;  // guarded by m_mutex
    struct Remembered {
        std::string user;
        std::string lockId;
        bool release = false;
        vigie::v1::EvidenceLock result;
    };
    std::unordered_map<std::string, Remembered> m_requests;  // guarded by m_mutex
    std::deque<std::string> m_requestOrder;                  // guarded by m_mutex
    std::int64_t m_nextId = 1;                               // guarded by m_mutex
};

} // namespace vigie::sim
