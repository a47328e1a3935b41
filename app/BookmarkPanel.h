#pragma once
// The bookmarks dock: a search field (words of the title or note, accents and case ignored by the
// backend; 300 ms after the last key), the bookmarks found (title, camera, start, author), newest first,
// and what an investigator does with them: Enter or a double click seeks the review there
// (bookmarkActivated), Delete or the context menu deletes one (after a confirmation), "Edit…" changes
// it. Changes carry the version shown: when someone changed the bookmark meanwhile, the line under the
// list says who and when, and the list shows the new state before the user decides again.
//
// The list follows BookmarkLink::changed (changes made through this client) and is asked again every
// kRefreshMs while shown (other workstations' changes). Errors go to the line under the list.
//
// Thread affinity: GUI thread; the links and the backend client must outlive it.

#include <QList>
#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <optional>

#include "vigie/rpc/RecordingTypes.h"
#include "vigie/rpc/RpcError.h"
#include "vigie/widgets/TimelineData.h"

class QLabel;
class QLineEdit;
class QTimer;
class QTreeWidget;

namespace vigie::rpc {
class BackendClient;
class BookmarkLink;
}

namespace vigie::widgets {
class BookmarkDialog;
}

namespace vigie::app {

class BookmarkPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kSearchDelayMs = 300;
    static constexpr int kRefreshMs = 30'000;

    // `backend` names the cameras (may be null: ids are shown).
    BookmarkPanel(vigie::rpc::BookmarkLink* bookmarks, vigie::rpc::BackendClient* backend, QWidget* parent = nullptr);
    ~BookmarkPanel() override;

    // Only these cameras' bookmarks (the review's); empty = every camera the user may view.
    void setCameras(const QStringList& cameraIds);
    // Asks the backend again now.
    void refresh();

    // Opens the creation dialog for the selected range of a camera; on OK, creates the bookmark. The
    // dialog is returned (open, window-modal, deleted on close) so that a caller or a test can drive it.
    vigie::widgets::BookmarkDialog* createFromSelection(const QString& cameraId, const QString& cameraName,
                                                        const vigie::widgets::TimeSpan& range);
    // The same dialog, filled, for the selected bookmark; null when none is selected.
    vigie::widgets::BookmarkDialog* editSelected();
    // Asks for a confirmation (returned, open, window-modal), then deletes the selected bookmark.
    QWidget* deleteSelected();

    const QList<vigie::rpc::Bookmark>& bookmarks() const { return m_list; }
    QTreeWidget* list() const { return m_tree; }
    QLineEdit* searchField() const { return m_search; }
    QString statusText() const;
    std::optional<vigie::rpc::Bookmark> selectedBookmark() const;
    void selectBookmark(const QString& id);
    // Nothing asked and not answered yet (tests poll it).
    bool isIdle() const { return !m_inFlight && !m_waiting; }

signals:
    // Seek the review there.
    void bookmarkActivated(const QString& cameraId, qint64 startMs, qint64 endMs);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void fill();
    void say(const QString& text, bool error = false, bool conflict = false);
    void reportChange(const QString& done, const vigie::rpc::Bookmark& shown, const std::optional<vigie::rpc::RpcError>& error);
    void explainConflict(const vigie::rpc::Bookmark& shown);
    QString cameraName(const QString& cameraId) const;
    void showContextMenu(const QPoint& pos);

    vigie::rpc::BookmarkLink* m_bookmarks;
    QPointer<vigie::rpc::BackendClient> m_backend;
    QLineEdit* m_search = nullptr;
    QTreeWidget* m_tree = nullptr;
    QLabel* m_status = nullptr;
    QTimer* m_searchTimer = nullptr;
    QTimer* m_refreshTimer = nullptr;

    QStringList m_cameras;
    QList<vigie::rpc::Bookmark> m_list;
    quint64 m_generation = 0;  // of the query; answers to an older one are dropped
    bool m_inFlight = false;
    bool m_waiting = false;
    bool m_listFailed = false;  // the status line says the list failed
};

}  // namespace vigie::app
