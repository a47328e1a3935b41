#pragma once

#include "BookmarkStore.h"
#include "CameraDirectory.h"
#include "RequestAuthenticator.h"

#include <vigie/v1/bookmarks.grpc.pb.h>

namespace vigie::sim {

// vigie.v1.BookmarkService over a BookmarkStore (in memory). Reading needs RIGHT_VIEW_RECORDINGS on the
// bookmark's camera, creating, changing and deleting RIGHT_MANAGE_BOOKMARKS; another user's bookmark
// needs ROLE_SUPERVISOR (or administrator) too. A camera the caller may not see is NOT_FOUND, and so is
// a bookmark on it.
class BookmarkServiceImpl final : public vigie::v1::BookmarkService::Service {
public:
    BookmarkServiceImpl(BookmarkStore& store, const CameraDirectory& directory, SessionStore& sessions);

    grpc::Status CreateBookmark(grpc::ServerContext* context, const vigie::v1::CreateBookmarkRequest* request,
                                vigie::v1::CreateBookmarkResponse* response) override;
    grpc::Status GetBookmark(grpc::ServerContext* context, const vigie::v1::GetBookmarkRequest* request,
                             vigie::v1::GetBookmarkResponse* response) override;
    grpc::Status ListBookmarks(grpc::ServerContext* context, const vigie::v1::ListBookmarksRequest* request,
                               vigie::v1::ListBookmarksResponse* response) override;
    grpc::Status UpdateBookmark(grpc::ServerContext* context, const vigie::v1::UpdateBookmarkRequest* request,
                                vigie::v1::UpdateBookmarkResponse* response) override;
    grpc::Status DeleteBookmark(grpc::ServerContext* context, const vigie::v1::DeleteBookmarkRequest* request,
                                vigie::v1::DeleteBookmarkResponse* response) override;

private:
    // NOT_FOUND (unknown or invisible camera), PERMISSION_DENIED (missing `right`).
    grpc::Status checkCamera(const vigie::v1::Session& session, const std::string& cameraId,
                             vigie::v1::Right right) const;
    static BookmarkStore::Actor actorOf(const vigie::v1::Session& session);

    BookmarkStore& m_store;
    const CameraDirectory& m_directory;
    RequestAuthenticator m_authenticator;
};

} // namespace vigie::sim
