#include "vigie/rpc/BookmarkLink.h"

#include <QThread>
#include <QUuid>

#include "LinkCalls.h"
#include "RecordingMapping.h"

namespace vigie::rpc {

namespace {

std::string newRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

}  // namespace

BookmarkLink::BookmarkLink(BackendClient* backend, QObject* parent)
    : QObject(parent), m_calls(std::make_unique<LinkCalls>(this, backend))
{
}

BookmarkLink::~BookmarkLink()
{
    Q_ASSERT(thread() == QThread::currentThread());
    m_calls.reset();
}

void BookmarkLink::list(const Query& query, ListDone done)
{
    Q_ASSERT(thread() == QThread::currentThread());
    listPage(query, QString(), {}, std::move(done));
}

void BookmarkLink::listPage(const Query& query, const QString& pageToken, QList<Bookmark> gathered, ListDone done)
{
    vigie::v1::ListBookmarksRequest request;
    for (const QString& id : query.cameraIds)
        request.add_camera_ids(id.toStdString());
    if (query.range)
        *request.mutable_range() = toProtoRange(*query.range);
    request.set_text(query.text.toStdString());
    request.mutable_page()->set_page_size(500);
    request.mutable_page()->set_page_token(pageToken.toStdString());
    m_calls->call<vigie::v1::ListBookmarksRequest, vigie::v1::ListBookmarksResponse>(
        [](ChannelHolder& channel, auto* ctx, auto* req, auto* resp, auto cb) {
            channel.bookmarks().async()->ListBookmarks(ctx, req, resp, cb);
        },
        std::move(request), tr("Bookmarks"), true,
        [this, query, gathered, done](const vigie::v1::ListBookmarksResponse& response) mutable {
            for (const auto& bookmark : response.bookmarks()) {
                if (gathered.size() >= query.limit)
                    break;
                gathered << toBookmark(bookmark);
            }
            const QString next = QString::fromStdString(response.page().next_page_token());
            if (next.isEmpty() || gathered.size() >= query.limit) {
                done(gathered, std::nullopt);
                return;
            }
            listPage(query, next, std::move(gathered), std::move(done));
        },
        [done, gathered](const RpcError& error) { done(gathered, error); });
}

void BookmarkLink::create(const QString& cameraId, const TimeSpanMs& range, const QString& title, const QString& note,
                          BookmarkDone done)
{
    Q_ASSERT(thread() == QThread::currentThread());
    vigie::v1::CreateBookmarkRequest request;
    request.set_request_id(newRequestId());  // the same on every retry of this creation
    request.set_camera_id(cameraId.toStdString());
    *request.mutable_range() = toProtoRange(range);
    request.set_title(title.toStdString());
    request.set_note(note.toStdString());
    m_calls->call<vigie::v1::CreateBookmarkRequest, vigie::v1::CreateBookmarkResponse>(
        [](ChannelHolder& channel, auto* ctx, auto* req, auto* resp, auto cb) {
            channel.bookmarks().async()->CreateBookmark(ctx, req, resp, cb);
        },
        std::move(request), tr("Creating the bookmark “%1”").arg(title), true,
        [this, done](const vigie::v1::CreateBookmarkResponse& response) {
            emit changed();
            done(toBookmark(response.bookmark()), std::nullopt);
        },
        [done](const RpcError& error) { done(std::nullopt, error); });
}

void BookmarkLink::update(const Bookmark& bookmark, BookmarkDone done)
{
    Q_ASSERT(thread() == QThread::currentThread());
    vigie::v1::UpdateBookmarkRequest request;
    request.set_bookmark_id(bookmark.id.toStdString());
    request.set_expected_version(bookmark.version);
    request.set_request_id(newRequestId());
    *request.mutable_range() = toProtoRange(bookmark.range);
    request.set_title(bookmark.title.toStdString());
    request.set_note(bookmark.note.toStdString());
    m_calls->call<vigie::v1::UpdateBookmarkRequest, vigie::v1::UpdateBookmarkResponse>(
        [](ChannelHolder& channel, auto* ctx, auto* req, auto* resp, auto cb) {
            channel.bookmarks().async()->UpdateBookmark(ctx, req, resp, cb);
        },
        std::move(request), tr("Changing the bookmark “%1”").arg(bookmark.title), true,
        [this, done](const vigie::v1::UpdateBookmarkResponse& response) {
            emit changed();
            done(toBookmark(response.bookmark()), std::nullopt);
        },
        [done](const RpcError& error) { done(std::nullopt, error); });
}

void BookmarkLink::remove(const Bookmark& bookmark, Done done)
{
    Q_ASSERT(thread() == QThread::currentThread());
    vigie::v1::DeleteBookmarkRequest request;
    request.set_bookmark_id(bookmark.id.toStdString());
    request.set_expected_version(bookmark.version);
    request.set_request_id(newRequestId());
    m_calls->call<vigie::v1::DeleteBookmarkRequest, vigie::v1::DeleteBookmarkResponse>(
        [](ChannelHolder& channel, auto* ctx, auto* req, auto* resp, auto cb) {
            channel.bookmarks().async()->DeleteBookmark(ctx, req, resp, cb);
        },
        std::move(request), tr("Deleting the bookmark “%1”").arg(bookmark.title), true,
        [this, done](const vigie::v1::DeleteBookmarkResponse&) {
            emit changed();
            done(std::nullopt);
        },
        [done](const RpcError& error) { done(error); });
}

}  // namespace vigie::rpc
