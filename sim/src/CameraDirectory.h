#pragma once

#include <vigie/v1/directory.pb.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace vigie::sim {

// The live directory: sites and cameras, a revision bumped by every change, and a bounded journal of
// the last changes so that a watcher can resume after a revision (list-then-watch).
// Thread-safe: read by gRPC handlers, written by the stdin control thread.
class CameraDirectory {
public:
    CameraDirectory(std::vector<vigie::v1::Site> sites, std::vector<vigie::v1::Camera> cameras,
                    std::size_t journalCapacity);

    struct Snapshot {
        std::vector<vigie::v1::Site> sites;
        std::vector<vigie::v1::Camera> cameras;
        std::int64_t revision = 0;
    };
    Snapshot snapshot() const;
    std::optional<vigie::v1::Camera> camera(const std::string& id) const;

    struct Counts {
        int online = 0;
        int total = 0;
    };
    Counts counts() const;

    enum class Change { Applied, Unchanged, UnknownCamera };
    // Sets a camera's state and reason; a real change bumps the revision and wakes watchers.
    Change setState(const std::string& cameraId, vigie::v1::CameraState state, const std::string& reason);

    // What a watcher gets after `afterRevision`.
    struct Changes {
        bool closed = false;  // the directory is shutting down: end the stream
        bool resync = false;  // afterRevision is not covered by the journal: the client must list again
        std::vector<vigie::v1::WatchDirectoryResponse> events;  // each with its revision
        std::int64_t revision = 0;  // current revision (the last event's when events are returned)
    };
    // Returns at once when there is something to report, else waits until `deadline` (then with no events).
    Changes waitForChanges(std::int64_t afterRevision, std::chrono::steady_clock::time_point deadline) const;

    // Wakes every waiting watcher for shutdown; later waits return at once with closed = true.
    void close();

private:
    void recordLocked(vigie::v1::WatchDirectoryResponse event);
    bool hasNewsLocked(std::int64_t afterRevision) const;

    const std::size_t m_journalCapacity;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    std::vector<vigie::v1::Site> m_sites;      // guarded by m_mutex
    std::vector<vigie::v1::Camera> m_cameras;  // guarded by m_mutex
    std::int64_t m_revision = 0;               // guarded by m_mutex
    // Changes with revisions (m_journalBase, m_revision], oldest first.
    std::deque<vigie::v1::WatchDirectoryResponse> m_journal;  // guarded by m_mutex
    std::int64_t m_journalBase = 0;                           // guarded by m_mutex
    bool m_closed = false;                                    // guarded by m_mutex
};

} // namespace vigie::sim
