#pragma once
// Operators' bookmarks on recordings (BookmarkService): list and search, create, change, delete.
//
// Thread affinity: create, use and destroy on the GUI thread, after the BackendClient it rides on (which
// must outlive it). Callbacks run on that thread; nothing blocks.
//
// Changes are safe to retry: creation carries a request id generated here (a retry after a lost answer
// makes one bookmark, not two), update and delete carry the version the caller showed (a bookmark changed
// by someone else meanwhile fails as a conflict, RpcError::isConflict, instead of being overwritten).
// Calls that could not reach the backend are tried again with the same request id.

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

#include "vigie/rpc/RecordingTypes.h"
#include "vigie/rpc/RpcError.h"

namespace vigie::rpc {

class BackendClient;
class LinkCalls;

class BookmarkLink : public QObject {
    Q_OBJECT
public:
    explicit BookmarkLink(BackendClient* backend, QObject* parent = nullptr);
    ~BookmarkLink() override;

    using ListDone = std::function<void(const QList<Bookmark>&, const std::optional<RpcError>&)>;
    using BookmarkDone = std::function<void(const std::optional<Bookmark>&, const std::optional<RpcError>&)>;
    using Done = std::function<void(const std::optional<RpcError>&)>;

    struct Query {
        QStringList cameraIds;            // empty = every camera the user may view recordings of
        std::optional<TimeSpanMs> range;  // bookmarks overlapping it; none = any time
        QString text;                     // words of the title or note (case and accents ignored)
        int limit = 2000;                 // pages are gathered up to this many
    };
    // Newest range start first.
    void list(const Query& query, ListDone done);
    void create(const QString& cameraId, const TimeSpanMs& range, const QString& title, const QString& note,
                BookmarkDone done);
    // Replaces range, title and note of `bookmark` (at its version).
    void update(const Bookmark& bookmark, BookmarkDone done);
    void remove(const Bookmark& bookmark, Done done);

signals:
    // A change made through this link succeeded: views listing bookmarks refresh.
    void changed();

private:
    void listPage(const Query& query, const QString& pageToken, QList<Bookmark> gathered, ListDone done);

    std::unique_ptr<LinkCalls> m_calls;
};

}  // namespace vigie::rpc
