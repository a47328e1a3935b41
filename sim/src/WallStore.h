#pragma once

#include <vigie/v1/walls.pb.h>

#include <grpcpp/support/status.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace vigie::sim {

// The video walls and what each monitor shows: one WallState per wall whose version goes up by one per
// change, layout validation, optimistic concurrency (expected_version), idempotent retries (request_id),
// and watchers woken on change. Rights are not checked here (the service does, before calling).
// Thread-safe: gRPC handlers and the stdin control thread call it concurrently.
class WallStore {
public:
    struct Definition {
        vigie::v1::Wall wall;
        // Start-up content per monitor id; a monitor not listed starts cleared.
        std::map<std::string, vigie::v1::Layout> initialLayouts;
    };

    // How many request ids each wall remembers for retries, and how many changes it keeps for watchers
    // that are a little behind.
    static constexpr std::size_t kRememberedRequests = 1024;
    static constexpr std::size_t kJournalCapacity = 64;

    // Definitions are trusted (validated by the configuration loader).
    explicit WallStore(std::vector<Definition> definitions);

    std::vector<vigie::v1::Wall> walls() const;
    std::optional<vigie::v1::WallState> state(const std::string& wallId) const;

    // Who asks for a change and how; the content comes separately.
    struct Change {
        std::string wallId;
        std::string monitorId;
        std::int64_t expectedVersion = 0;  // 0 = no check
        std::string requestId;             // empty = not idempotent
        std::string userName;
        std::string userDisplayName;
    };
    struct Outcome {
        grpc::Status status;          // OK, NOT_FOUND, ABORTED or INVALID_ARGUMENT
        vigie::v1::WallState state;   // the wall after the change (or after the first try, for a retry)
        bool replayed = false;        // a retry of an applied request: nothing changed this time
    };
    Outcome pushCamera(const Change& change, const vigie::v1::CameraPush& push);
    Outcome pushLayout(const Change& change, const vigie::v1::Layout& layout);
    Outcome clear(const Change& change);

    // What a watcher of one wall gets after `afterVersion`.
    struct Update {
        bool closed = false;       // shutting down: end the stream
        bool unknownWall = false;
        // Set instead of `changes` when the journal does not reach back to afterVersion.
        std::optional<vigie::v1::WallState> snapshot;
        std::vector<vigie::v1::MonitorState> changes;  // versions afterVersion+1 .. version, in order
        std::int64_t version = 0;                      // the wall's version
    };
    // Returns at once when the wall is past `afterVersion`, else waits until `deadline` (then with nothing).
    Update waitForChanges(const std::string& wallId, std::int64_t afterVersion,
                          std::chrono::steady_clock::time_point deadline) const;

    // Wakes every waiting watcher for shutdown; later waits return at once with closed = true.
    void close();

private:
    struct WallEntry {
        vigie::v1::Wall wall;
        vigie::v1::WallState state;
        // The monitor states of versions (journalBase, state.version], oldest first.
        std::deque<vigie::v1::MonitorState> journal;
        std::int64_t journalBase = 0;
        // Applied request ids and the wall state each one produced, forgotten oldest first.
        std::unordered_map<std::string, vigie::v1::WallState> requests;
        std::deque<std::string> requestOrder;
    };

    // The common path of every change: finds the wall and monitor, answers retries, checks the
    // version, lets `mutate` change the monitor's state (or refuse with its status), then records it.
    template <typename Mutate>
    Outcome apply(const Change& change, Mutate mutate);
    WallEntry* findLocked(const std::string& wallId);

    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    std::vector<WallEntry> m_walls;  // guarded by m_mutex; few walls, looked up linearly
    bool m_closed = false;           // guarded by m_mutex
};

} // namespace vigie::sim
