#include "BookmarkServiceImpl.h"

#include "CameraRightsPolicy.h"

#include <google/protobuf/util/time_util.h>

#include <charconv>

namespace vigie::sim {

namespace {

using google::protobuf::util::TimeUtil;

constexpr std::int32_t kDefaultPageSize = 100;
constexpr std::int32_t kMaxPageSize = 1000;

} // namespace

BookmarkServiceImpl::BookmarkServiceImpl(BookmarkStore& store, const CameraDirectory& directory,
                                         SessionStore& sessions)
    : m_store(store), m_directory(directory), m_authenticator(sessions)
{
}

grpc::Status BookmarkServiceImpl::checkCamera(const vigie::v1::Session& session, const std::string& cameraId,
                                              vigie::v1::Right right) const
{
    return CameraRightsPolicy::require(session, cameraId, m_directory.camera(cameraId).has_value(), right);
}

BookmarkStore::Actor BookmarkServiceImpl::actorOf(const vigie::v1::Session& session)
{
    BookmarkStore::Actor actor;
    actor.user = session.user().name();
    actor.displayName = session.user().display_name();
    for (const int role : session.user().roles()) {
        if (role == vigie::v1::ROLE_SUPERVISOR || role == vigie::v1::ROLE_ADMINISTRATOR)
            actor.supervisor = true;
    }
    return actor;
}

grpc::Status BookmarkServiceImpl::CreateBookmark(grpc::ServerContext* context,
                                                 const vigie::v1::CreateBookmarkRequest* request,
                                                 vigie::v1::CreateBookmarkResponse* response)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;
    if (auto status = checkCamera(caller.session, request->camera_id(), vigie::v1::RIGHT_MANAGE_BOOKMARKS);
        !status.ok())
        return status;
    auto outcome = m_store.create(*request, actorOf(caller.session));
    if (!outcome.status.ok())
        return outcome.status;
    *response->mutable_bookmark() = std::move(outcome.bookmark);
    return grpc::Status::OK;
}

grpc::Status BookmarkServiceImpl::GetBookmark(grpc::ServerContext* context,
                                              const vigie::v1::GetBookmarkRequest* request,
                                              vigie::v1::GetBookmarkResponse* response)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;
    auto bookmark = m_store.get(request->bookmark_id());
    if (!bookmark)
        return {grpc::StatusCode::NOT_FOUND, "no bookmark '" + request->bookmark_id() + "'"};
    if (auto status = checkCamera(caller.session, bookmark->camera_id(), vigie::v1::RIGHT_VIEW_RECORDINGS);
        !status.ok())
        return status.error_code() == grpc::StatusCode::NOT_FOUND
                   ? grpc::Status(grpc::StatusCode::NOT_FOUND, "no bookmark '" + request->bookmark_id() + "'")
                   : status;
    *response->mutable_bookmark() = std::move(*bookmark);
    return grpc::Status::OK;
}

grpc::Status BookmarkServiceImpl::ListBookmarks(grpc::ServerContext* context,
                                                const vigie::v1::ListBookmarksRequest* request,
                                                vigie::v1::ListBookmarksResponse* response)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;
    BookmarkStore::Query query;
    if (request->camera_ids().empty()) {
        for (const auto& camera : m_directory.snapshot().cameras) {
            if (CameraRightsPolicy::has(caller.session, camera.id(), vigie::v1::RIGHT_VIEW_RECORDINGS))
                query.cameraIds.insert(camera.id());
        }
    } else {
        for (const auto& id : request->camera_ids()) {
            if (auto status = checkCamera(caller.session, id, vigie::v1::RIGHT_VIEW_RECORDINGS); !status.ok())
                return status;
            query.cameraIds.insert(id);
        }
    }
    if (request->has_range()) {
        if (request->range().has_start())
            query.fromMs = TimeUtil::TimestampToMilliseconds(request->range().start());
        if (request->range().has_end())
            query.toMs = TimeUtil::TimestampToMilliseconds(request->range().end());
        if (query.fromMs && query.toMs && *query.fromMs > *query.toMs)
            return {grpc::StatusCode::INVALID_ARGUMENT, "range start after its end"};
    }
    query.text = request->text();
    query.createdBy = request->created_by();
    const std::string& token = request->page().page_token();
    std::size_t offset = 0;
    if (!token.empty()) {
        const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), offset);
        if (error != std::errc() || end != token.data() + token.size())
            return {grpc::StatusCode::INVALID_ARGUMENT, "invalid page_token"};
    }
    query.offset = offset;
    const std::int32_t size = request->page().page_size() <= 0 ? kDefaultPageSize : request->page().page_size();
    query.limit = static_cast<std::size_t>(std::min(size, kMaxPageSize));
    auto page = m_store.list(query);
    for (auto& bookmark : page.bookmarks)
        *response->add_bookmarks() = std::move(bookmark);
    response->mutable_page()->set_total_size(static_cast<std::int32_t>(page.total));
    if (page.more)
        response->mutable_page()->set_next_page_token(std::to_string(offset + page.bookmarks.size()));
    return grpc::Status::OK;
}

grpc::Status BookmarkServiceImpl::UpdateBookmark(grpc::ServerContext* context,
                                                 const vigie::v1::UpdateBookmarkRequest* request,
                                                 vigie::v1::UpdateBookmarkResponse* response)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;
    const auto bookmark = m_store.get(request->bookmark_id());
    if (bookmark) {
        if (auto status = checkCamera(caller.session, bookmark->camera_id(), vigie::v1::RIGHT_MANAGE_BOOKMARKS);
            !status.ok())
            return status;
    }
    auto outcome = m_store.update(*request, actorOf(caller.session));
    if (!outcome.status.ok())
        return outcome.status;
    *response->mutable_bookmark() = std::move(outcome.bookmark);
    return grpc::Status::OK;
}

grpc::Status BookmarkServiceImpl::DeleteBookmark(grpc::ServerContext* context,
                                                 const vigie::v1::DeleteBookmarkRequest* request,
                                                 vigie::v1::DeleteBookmarkResponse* /*response*/)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;
    const auto bookmark = m_store.get(request->bookmark_id());
    if (bookmark) {
        if (auto status = checkCamera(caller.session, bookmark->camera_id(), vigie::v1::RIGHT_MANAGE_BOOKMARKS);
            !status.ok())
            return status;
    }
    return m_store.remove(*request, actorOf(caller.session));
}

} // namespace vigie::sim
