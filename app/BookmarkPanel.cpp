#include "BookmarkPanel.h"

#include <QAction>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QThread>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <utility>

#include "vigie/rpc/BackendClient.h"
#include "vigie/rpc/BookmarkLink.h"
#include "vigie/widgets/BookmarkDialog.h"

namespace vigie::app {

using vigie::rpc::Bookmark;
using vigie::rpc::BookmarkLink;
using vigie::rpc::RpcError;
using vigie::widgets::BookmarkDialog;

namespace {

constexpr int kIdRole = Qt::UserRole;

QString dateTimeText(qint64 utcMs)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime();
    const QLocale locale;
    return locale.toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ') +
           locale.toString(local.time(), QStringLiteral("HH:mm:ss"));
}

}  // namespace

BookmarkPanel::BookmarkPanel(BookmarkLink* bookmarks, vigie::rpc::BackendClient* backend, QWidget* parent)
    : QWidget(parent), m_bookmarks(bookmarks), m_backend(backend)
{
    Q_ASSERT(m_bookmarks);
    setObjectName(QStringLiteral("bookmarkPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("bookmarkSearch"));
    m_search->setPlaceholderText(tr("Search bookmarks (words of the title or note)"));
    m_search->setAccessibleName(tr("Search bookmarks"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("bookmarkList"));
    m_tree->setColumnCount(4);
    m_tree->setHeaderLabels({tr("Title"), tr("Camera"), tr("Start"), tr("Author")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(false);
    // The title matters most: it takes what is left. The other columns keep a modest width (the operator may
    // widen them): sized to their contents, a long camera name would squeeze the title to nothing in a dock.
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setMinimumSectionSize(60);
    for (int column = 1; column < 4; ++column)
        m_tree->header()->setSectionResizeMode(column, QHeaderView::Interactive);
    m_tree->header()->resizeSection(1, 110);
    m_tree->header()->resizeSection(2, 120);
    m_tree->header()->resizeSection(3, 80);
    m_tree->setAccessibleName(tr("Bookmarks"));
    layout->addWidget(m_tree, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("bookmarkStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);

    // Typing restarts the delay: one query for a word typed, not one per letter.
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &BookmarkPanel::refresh);
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setInterval(kRefreshMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &BookmarkPanel::refresh);

    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem*) {
        if (const auto bookmark = selectedBookmark())
            emit bookmarkActivated(bookmark->cameraId, bookmark->range.start, bookmark->range.end);
    });
    connect(m_tree, &QTreeWidget::customContextMenuRequested, this, &BookmarkPanel::showContextMenu);
    auto* remove = new QAction(tr("Delete bookmark"), this);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(remove, &QAction::triggered, this, [this] { deleteSelected(); });
    m_tree->addAction(remove);
    connect(m_bookmarks, &BookmarkLink::changed, this, &BookmarkPanel::refresh);

    refresh();
}

BookmarkPanel::~BookmarkPanel() = default;

void BookmarkPanel::setCameras(const QStringList& cameraIds)
{
    m_cameras = cameraIds;
    ++m_generation;  // an answer for the old set is dropped
    m_inFlight = false;
    refresh();
}

void BookmarkPanel::refresh()
{
    Q_ASSERT(thread() == QThread::currentThread());
    m_searchTimer->stop();
    if (m_inFlight) {
        // The newest query wins: asked when the one in flight returns (its answer is then dropped).
        m_waiting = true;
        return;
    }
    m_waiting = false;
    BookmarkLink::Query query;
    query.cameraIds = m_cameras;
    query.text = m_search->text().trimmed();
    m_inFlight = true;
    m_bookmarks->list(query, [self = QPointer(this), generation = m_generation](const QList<Bookmark>& list,
                                                                              const std::optional<RpcError>& error) {
        if (!self || generation != self->m_generation)
            return;
        self->m_inFlight = false;
        if (self->m_waiting) {
            self->refresh();
            return;
        }
        if (error) {
            self->say(tr("Bookmarks could not be listed: %1").arg(error->text), true);
            self->m_listFailed = true;
            return;
        }
        self->m_list = list;
        self->fill();
        // Only a listing failure is over; the outcome of a change stays until the next one.
        if (std::exchange(self->m_listFailed, false))
            self->say(QString());
    });
}

void BookmarkPanel::fill()
{
    const QString keep = selectedBookmark() ? selectedBookmark()->id : QString();
    m_tree->clear();
    QList<QTreeWidgetItem*> items;
    for (const Bookmark& bookmark : m_list) {
        auto* item = new QTreeWidgetItem;
        item->setText(0, bookmark.title);
        item->setText(1, cameraName(bookmark.cameraId));
        item->setText(2, dateTimeText(bookmark.range.start));
        item->setText(3, bookmark.createdByName.isEmpty() ? bookmark.createdBy : bookmark.createdByName);
        item->setData(0, kIdRole, bookmark.id);
        const QString tip = bookmark.note.isEmpty() ? bookmark.title : bookmark.title + QStringLiteral("\n\n") + bookmark.note;
        item->setToolTip(0, tip);
        items.append(item);
    }
    m_tree->addTopLevelItems(items);
    if (!keep.isEmpty())
        selectBookmark(keep);
}

QString BookmarkPanel::cameraName(const QString& cameraId) const
{
    if (m_backend)
        if (const auto* camera = m_backend->camera(cameraId); camera && !camera->name.isEmpty())
            return camera->name;
    return cameraId;
}

QString BookmarkPanel::statusText() const
{
    return m_status->text();
}

void BookmarkPanel::say(const QString& text, bool error, bool conflict)
{
    m_status->setText(text);
    // A conflict is not a failure: the user looks at the new state and decides again.
    m_status->setStyleSheet(!error ? QString() : conflict ? QStringLiteral("color: #e0a020;") : QStringLiteral("color: #ff6060;"));
}

std::optional<Bookmark> BookmarkPanel::selectedBookmark() const
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    if (!item || !item->isSelected())
        return std::nullopt;
    const QString id = item->data(0, kIdRole).toString();
    for (const Bookmark& bookmark : m_list)
        if (bookmark.id == id)
            return bookmark;
    return std::nullopt;
}

void BookmarkPanel::selectBookmark(const QString& id)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_tree->topLevelItem(i);
        if (item->data(0, kIdRole).toString() == id) {
            m_tree->setCurrentItem(item);
            item->setSelected(true);
            return;
        }
    }
}

BookmarkDialog* BookmarkPanel::createFromSelection(const QString& cameraId, const QString& cameraName,
                                                   const vigie::widgets::TimeSpan& range)
{
    auto* dialog = new BookmarkDialog(BookmarkDialog::Mode::Create, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setCamera(cameraName.isEmpty() ? this->cameraName(cameraId) : cameraName);
    dialog->setRange(range.start, range.end);
    connect(dialog, &QDialog::accepted, this, [self = QPointer(this), dialog, cameraId, range] {
        if (!self)
            return;
        const QString title = dialog->title();
        self->say(tr("Creating the bookmark…"));
        self->m_bookmarks->create(cameraId, {range.start, range.end}, title, dialog->note(),
                                  [self, title](const std::optional<Bookmark>& created, const std::optional<RpcError>& error) {
                                      if (!self)
                                          return;
                                      if (error || !created) {
                                          self->say(tr("The bookmark was not created: %1")
                                                        .arg(error ? error->text : tr("no answer")),
                                                    true);
                                          return;
                                      }
                                      self->say(tr("Bookmark “%1” created").arg(title));
                                  });
    });
    dialog->open();
    return dialog;
}

BookmarkDialog* BookmarkPanel::editSelected()
{
    const auto shown = selectedBookmark();
    if (!shown)
        return nullptr;
    auto* dialog = new BookmarkDialog(BookmarkDialog::Mode::Edit, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setCamera(cameraName(shown->cameraId));
    dialog->setRange(shown->range.start, shown->range.end);
    dialog->setTitle(shown->title);
    dialog->setNote(shown->note);
    connect(dialog, &QDialog::accepted, this, [self = QPointer(this), dialog, bookmark = *shown] {
        if (!self)
            return;
        Bookmark edited = bookmark;  // at the version shown: a change meanwhile is a conflict
        edited.title = dialog->title();
        edited.note = dialog->note();
        self->m_bookmarks->update(edited, [self, bookmark](const std::optional<Bookmark>&, const std::optional<RpcError>& error) {
            if (self)
                self->reportChange(tr("Bookmark “%1” changed").arg(bookmark.title), bookmark, error);
        });
    });
    dialog->open();
    return dialog;
}

QWidget* BookmarkPanel::deleteSelected()
{
    const auto shown = selectedBookmark();
    if (!shown)
        return nullptr;
    auto* box = new QMessageBox(QMessageBox::Question, tr("Delete bookmark"),
                                tr("Delete the bookmark “%1” on %2? Other investigators will no longer see it.")
                                    .arg(shown->title, cameraName(shown->cameraId)),
                                QMessageBox::Yes | QMessageBox::No, window());
    box->setObjectName(QStringLiteral("bookmarkDeleteConfirm"));
    box->setDefaultButton(QMessageBox::No);  // deleting takes a deliberate choice
    box->button(QMessageBox::Yes)->setText(tr("Delete"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [self = QPointer(this), box, bookmark = *shown] {
        if (!self || box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        self->m_bookmarks->remove(bookmark, [self, bookmark](const std::optional<RpcError>& error) {
            if (self)
                self->reportChange(tr("Bookmark “%1” deleted").arg(bookmark.title), bookmark, error);
        });
    });
    box->open();
    return box;
}

void BookmarkPanel::reportChange(const QString& done, const Bookmark& shown, const std::optional<RpcError>& error)
{
    if (!error) {
        say(done);
        return;
    }
    if (error->isConflict()) {
        explainConflict(shown);
        return;
    }
    say(error->text, true);
}

void BookmarkPanel::explainConflict(const Bookmark& shown)
{
    // The error only says "changed since": ask for the bookmark as it is now to say by whom.
    say(tr("“%1” was changed by someone else meanwhile; looking it up…").arg(shown.title), true, true);
    BookmarkLink::Query query;
    query.cameraIds = {shown.cameraId};  // not its range: the change may have moved it
    m_bookmarks->list(query, [self = QPointer(this), shown](const QList<Bookmark>& list, const std::optional<RpcError>& error) {
        if (!self)
            return;
        const auto it = std::find_if(list.cbegin(), list.cend(), [&](const Bookmark& b) { return b.id == shown.id; });
        if (error) {
            self->say(tr("“%1” was changed by someone else meanwhile: nothing was done. Look at it again.").arg(shown.title), true,
                      true);
        } else if (it == list.cend()) {
            self->say(tr("“%1” was deleted by someone else meanwhile.").arg(shown.title), true, true);
        } else {
            const QString who = it->updatedBy.isEmpty() ? it->createdBy : it->updatedBy;
            self->say(tr("“%1” was changed by %2 at %3 meanwhile: nothing was done. The list shows it as it is now; "
                         "look at it and try again.")
                          .arg(shown.title, who, dateTimeText(it->updatedAtMs)),
                      true, true);
        }
        self->refresh();
    });
}

void BookmarkPanel::showContextMenu(const QPoint& pos)
{
    QTreeWidgetItem* item = m_tree->itemAt(pos);
    if (!item)
        return;
    m_tree->setCurrentItem(item);
    item->setSelected(true);
    QMenu menu(this);
    menu.addAction(tr("Show in the review"), this, [this] {
        if (const auto bookmark = selectedBookmark())
            emit bookmarkActivated(bookmark->cameraId, bookmark->range.start, bookmark->range.end);
    });
    menu.addAction(tr("Edit…"), this, [this] { editSelected(); });
    menu.addAction(tr("Delete…"), this, [this] { deleteSelected(); });
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

void BookmarkPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_refreshTimer->start();
    refresh();
}

void BookmarkPanel::hideEvent(QHideEvent* event)
{
    m_refreshTimer->stop();
    QWidget::hideEvent(event);
}

}  // namespace vigie::app
