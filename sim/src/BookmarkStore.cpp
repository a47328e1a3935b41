#include "BookmarkStore.h"

#include "TextFolding.h"

#include <google/protobuf/util/time_util.h>

#include <algorithm>

namespace vigie::sim {

namespace {

using google::protobuf::util::TimeUtil;

std::size_t codePoints(const std::string& utf8)
{
    return static_cast<std::size_t>(
        std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool blank(const std::string& text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::int64_t msOf(const google::protobuf::Timestamp& t) { return TimeUtil::TimestampToMilliseconds(t); }

} // namespace

BookmarkStore::BookmarkStore(Clock clock) : m_clock(std::move(clock)) {}

grpc::Status BookmarkStore::validate(const vigie::v1::TimeRange& range, bool hasRange, const std::string& title,
                                     const std::string& note)
{
    if (title.empty() || blank(title))
        return {grpc::StatusCode::INVALID_ARGUMENT, "a bookmark needs a title"};
    if (codePoints(title) > kMaxTitle)
        return {grpc::StatusCode::INVALID_ARGUMENT, "title over " + std::to_string(kMaxTitle) + " characters"};
    if (codePoints(note) > kMaxNote)
        return {grpc::StatusCode::INVALID_ARGUMENT, "note over " + std::to_string(kMaxNote) + " characters"};
    if (!hasRange || !range.has_start() || !range.has_end())
        return {grpc::StatusCode::INVALID_ARGUMENT, "a bookmark needs a range (start and end; equal for an instant)"};
    if (range.start() > range.end())
        return {grpc::StatusCode::INVALID_ARGUMENT, "the range starts after its end"};
    return grpc::Status::OK;
}

const BookmarkStore::Remembered* BookmarkStore::recalledLocked(const std::string& requestId) const
{
    if (requestId.empty())
        return nullptr;
    const auto it = m_requests.find(requestId);
    return it == m_requests.end() ? nullptr : &it->second;
}

void BookmarkStore::rememberLocked(const std::string& requestId, Remembered remembered)
{
    if (requestId.empty())
        return;
    if (m_requests.emplace(requestId, std::move(remembered)).second)
        m_requestOrder.push_back(requestId);
    while (m_requestOrder.size() > kRememberedRequests) {
        m_requests.erase(m_requestOrder.front());
        m_requestOrder.pop_front();
    }
}

grpc::Status BookmarkStore::mayChangeLocked(const vigie::v1::Bookmark& bookmark, const Actor& actor) const
{
    if (bookmark.created_by() != actor.user && !actor.supervisor)
        return {grpc::StatusCode::PERMISSION_DENIED,
                "bookmark '" + bookmark.id() + "' belongs to " + bookmark.created_by() +
                    ": changing another user's bookmark needs a supervisor"};
    return grpc::Status::OK;
}

BookmarkStore::Outcome BookmarkStore::create(const vigie::v1::CreateBookmarkRequest& request, const Actor& actor)
{
    Outcome outcome;
    std::lock_guard lock(m_mutex);
    if (const Remembered* remembered = recalledLocked(request.request_id())) {
        // A retry gets what the first call made; an id reused for something else is a client bug.
        if (remembered->user != actor.user || remembered->kind != "create" ||
            remembered->result.camera_id() != request.camera_id())
            outcome.status = {grpc::StatusCode::INVALID_ARGUMENT,
                              "request_id '" + request.request_id() + "' was already used for another request"};
        else
            outcome.bookmark = remembered->result;
        return outcome;
    }
    outcome.status = validate(request.range(), request.has_range(), request.title(), request.note());
    if (!outcome.status.ok())
        return outcome;
    vigie::v1::Bookmark& bookmark = outcome.bookmark;
    bookmark.set_id("bm-" + std::to_string(m_nextId++));
    bookmark.set_version(1);
    bookmark.set_camera_id(request.camera_id());
    *bookmark.mutable_range() = request.range();
    bookmark.set_title(request.title());
    bookmark.set_note(request.note());
    bookmark.set_created_by(actor.user);
    bookmark.set_created_by_display_name(actor.displayName);
    *bookmark.mutable_created_at() = TimeUtil::MillisecondsToTimestamp(m_clock());
    bookmark.set_updated_by(actor.user);
    *bookmark.mutable_updated_at() = bookmark.created_at();
    m_bookmarks[bookmark.id()] = bookmark;
    rememberLocked(request.request_id(), {actor.user, "create", bookmark});
    return outcome;
}

std::optional<vigie::v1::Bookmark> BookmarkStore::get(const std::string& id) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_bookmarks.find(id);
    if (it == m_bookmarks.end())
        return std::nullopt;
    return it->second;
}

BookmarkStore::Outcome BookmarkStore::update(const vigie::v1::UpdateBookmarkRequest& request, const Actor& actor)
{
    Outcome outcome;
    std::lock_guard lock(m_mutex);
    if (const Remembered* remembered = recalledLocked(request.request_id())) {
        if (remembered->user != actor.user || remembered->kind != "update" ||
            remembered->result.id() != request.bookmark_id())
            outcome.status = {grpc::StatusCode::INVALID_ARGUMENT,
                              "request_id '" + request.request_id() + "' was already used for another request"};
        else
            outcome.bookmark = remembered->result;
        return outcome;
    }
    const auto it = m_bookmarks.find(request.bookmark_id());
    if (it == m_bookmarks.end()) {
        outcome.status = {grpc::StatusCode::NOT_FOUND, "no bookmark '" + request.bookmark_id() + "'"};
        return outcome;
    }
    vigie::v1::Bookmark& bookmark = it->second;
    if (outcome.status = mayChangeLocked(bookmark, actor); !outcome.status.ok())
        return outcome;
    if (request.expected_version() != bookmark.version()) {
        outcome.status = {grpc::StatusCode::ABORTED, "bookmark '" + bookmark.id() + "' is at version " +
                                                         std::to_string(bookmark.version()) + ", not " +
                                                         std::to_string(request.expected_version())};
        outcome.bookmark = bookmark;
        return outcome;
    }
    if (outcome.status = validate(request.range(), request.has_range(), request.title(), request.note());
        !outcome.status.ok())
        return outcome;
    *bookmark.mutable_range() = request.range();
    bookmark.set_title(request.title());
    bookmark.set_note(request.note());
    bookmark.set_version(bookmark.version() + 1);
    bookmark.set_updated_by(actor.user);
    *bookmark.mutable_updated_at() = TimeUtil::MillisecondsToTimestamp(m_clock());
    outcome.bookmark = bookmark;
    rememberLocked(request.request_id(), {actor.user, "update", bookmark});
    return outcome;
}

grpc::Status BookmarkStore::remove(const vigie::v1::DeleteBookmarkRequest& request, const Actor& actor)
{
    std::lock_guard lock(m_mutex);
    if (const Remembered* remembered = recalledLocked(request.request_id())) {
        if (remembered->user != actor.user || remembered->kind != "delete" ||
            remembered->result.id() != request.bookmark_id())
            return {grpc::StatusCode::INVALID_ARGUMENT,
                    "request_id '" + request.request_id() + "' was already used for another request"};
        return grpc::Status::OK;
    }
    const auto it = m_bookmarks.find(request.bookmark_id());
    if (it == m_bookmarks.end())
        return {grpc::StatusCode::NOT_FOUND, "no bookmark '" + request.bookmark_id() + "'"};
    if (auto status = mayChangeLocked(it->second, actor); !status.ok())
        return status;
    if (request.expected_version() != 0 && request.expected_version() != it->second.version())
        return {grpc::StatusCode::ABORTED, "bookmark '" + it->first + "' is at version " +
                                               std::to_string(it->second.version()) + ", not " +
                                               std::to_string(request.expected_version())};
    rememberLocked(request.request_id(), {actor.user, "delete", it->second});
    m_bookmarks.erase(it);
    return grpc::Status::OK;
}

BookmarkStore::Page BookmarkStore::list(const Query& query) const
{
    const auto words = TextFolding::words(query.text);
    std::vector<const vigie::v1::Bookmark*> matches;
    std::lock_guard lock(m_mutex);
    for (const auto& [id, bookmark] : m_bookmarks) {
        if (!query.cameraIds.count(bookmark.camera_id()))
            continue;
        if (!query.createdBy.empty() && bookmark.created_by() != query.createdBy)
            continue;
        const std::int64_t start = msOf(bookmark.range().start());
        const std::int64_t end = msOf(bookmark.range().end());
        // Overlap of half-open ranges; an instant bookmark (start == end) overlaps a range containing it.
        if (query.toMs && start >= *query.toMs)
            continue;
        if (query.fromMs && (end < *query.fromMs || (end == *query.fromMs && start != end)))
            continue;
        if (!TextFolding::containsAll(bookmark.title() + "\n" + bookmark.note(), words))
            continue;
        matches.push_back(&bookmark);
    }
    std::sort(matches.begin(), matches.end(), [](const vigie::v1::Bookmark* a, const vigie::v1::Bookmark* b) {
        const std::int64_t sa = msOf(a->range().start());
        const std::int64_t sb = msOf(b->range().start());
        if (sa != sb)
            return sa > sb;
        return a->id() > b->id();
    });
    Page page;
    page.total = matches.size();
    for (std::size_t i = query.offset; i < matches.size() && page.bookmarks.size() < query.limit; ++i)
        page.bookmarks.push_back(*matches[i]);
    page.more = query.offset + page.bookmarks.size() < matches.size();
    return page;
}

} // namespace vigie::sim
