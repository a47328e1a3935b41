#pragma once

#include <vigie/v1/bookmarks.pb.h>

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
#include <vector>

namespace vigie::sim {

// The bookmarks of bookmarks.proto, in memory: validation, versions (expected_version -> ABORTED),
// idempotent retries (request_id), ownership (another user's bookmark needs a supervisor), search by
// camera, range, creator and words (case- and accent-insensitive), newest range start first. Camera
// rights are the service's business: it passes the cameras the caller may see. Thread-safe (one mutex):
// gRPC handlers call it concurrently.
class BookmarkStore {
public:
    using Clock = std::function<std::int64_t()>;  // UTC milliseconds now

    explicit BookmarkStore(Clock clock);

    struct Actor {
        std::string user;  // login name
        std::string displayName;
        bool supervisor = false;  // may change or delete other users' bookmarks
    };
    struct Outcome {
        grpc::Status status;
        vigie::v1::Bookmark bookmark;
    };

    Outcome create(const vigie::v1::CreateBookmarkRequest& request, const Actor& actor);
    std::optional<vigie::v1::Bookmark> get(const std::string& id) const;
    Outcome update(const vigie::v1::UpdateBookmarkRequest& request, const Actor& actor);
    // A retried delete (same request_id) of a bookmark it deleted: OK instead of NOT_FOUND.
    grpc::Status remove(const vigie::v1::DeleteBookmarkRequest& request, const Actor& actor);

    struct Query {
        std::set<std::string> cameraIds;  // the cameras to search (already filtered by rights)
        std::optional<std::int64_t> fromMs;  // bookmarks overlapping [from, to); unset = any time
        std::optional<std::int64_t> toMs;
        std::string text;
        std::string createdBy;
        std::size_t offset = 0;
        std::size_t limit = 100;
    };
    struct Page {
        std::vector<vigie::v1::Bookmark> bookmarks;
        std::size_t total = 0;
        bool more = false;
    };
    Page list(const Query& query) const;

    static constexpr std::size_t kMaxTitle = 200;  // characters (code points)
    static constexpr std::size_t kMaxNote = 4000;
    // Request ids remembered for retries (contract: at least 24 h; a control room makes far fewer).
    static constexpr std::size_t kRememberedRequests = 100'000;

private:
    struct Remembered {
        std::string user;
        std::string kind;  // "create", "update", "delete"
        vigie::v1::Bookmark result;
    };
    // INVALID_ARGUMENT for an empty or too long title, a too long note, a missing or reversed range.
    static grpc::Status validate(const vigie::v1::TimeRange& range, bool hasRange, const std::string& title,
                                 const std::string& note);
    const Remembered* recalledLocked(const std::string& requestId) const;
    void rememberLocked(const std::string& requestId, Remembered remembered);
    grpc::Status mayChangeLocked(const vigie::v1::Bookmark& bookmark, const Actor& actor) const;

    const Clock m_clock;
    mutable std::mutex m_mutex;
    std::map<std::string, vigie::v1::Bookmark> m_bookmarks;         // guarded by m_mutex
    std::unordered_map<std::string, Remembered> m_requests;         // guarded by m_mutex
    std::deque<std::string> m_requestOrder;                         // guarded by m_mutex
    std::int64_t m_nextId = 1;                                      // guarded by m_mutex
};

} // namespace vigie::sim
