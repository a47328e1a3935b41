#pragma once
// Keeps the incident-review timeline filled for what is on screen: per camera the recording coverage
// (RecordingLink::timeline at the resolution of one pixel), the alarms as markers
// (RecordingLink::searchEvents) and the bookmarks (BookmarkLink::list).
//
// What it fetches: the visible range widened by half a span on each side (a pan shows data at once),
// its end clipped to now. Per camera one timeline call at a time: a view arriving meanwhile waits and
// only the newest waiting view is fetched when the call returns. What was fetched is cached per
// resolution level (ReviewTimelineCache), so panning or zooming back costs no call. While the view holds
// now, the last kLiveEdgeRefetchMs are fetched again every kRefreshMs (the recording grows, alarms come),
// and the bookmarks every kBookmarkRefreshMs (other operators add some); BookmarkLink::changed refetches
// them at once.
//
// Answers carry the generation of the request: setCameras() (for cameras that left) and reload() make
// older answers stale and they are dropped. An answer for a view the user already left is still true
// data for its range and level, so it goes to the cache (and is drawn if it is on screen).
//
// Errors: problem() carries one line for a status bar (empty when the trouble is over); the failed part
// stays "loading" and is tried again at the next refresh. A camera whose recordings the user may not
// view (PERMISSION_DENIED) is not fetched again until reload(): TimelineRow has no state for it, so its
// label says "no right to view recordings" and the whole row is drawn as out of retention (hatched,
// "not available"), never as a gap (which would claim that nothing was recorded) nor as loading (which
// would promise data).
//
// Thread affinity: GUI thread, like the widget and the links it uses (which must outlive it).

#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>

#include <optional>

#include "ReviewTimelineCache.h"
#include "vigie/rpc/RecordingTypes.h"
#include "vigie/rpc/RpcError.h"
#include "vigie/widgets/TimelineData.h"

class QTimer;

namespace vigie::rpc {
class BookmarkLink;
class RecordingLink;
}

namespace vigie::widgets {
class TimelineWidget;
}

namespace vigie::app {

class ReviewTimelineFeeder : public QObject {
    Q_OBJECT
public:
    static constexpr int kRefreshMs = 3000;
    // A refresh fetches again this much before now: the live segment's end, and a gap that began.
    static constexpr qint64 kLiveEdgeRefetchMs = 15'000;
    // Alarms may be stamped with their event time, a little before they are raised.
    static constexpr qint64 kAlarmRefetchMs = 120'000;
    static constexpr int kBookmarkRefreshMs = 30'000;
    // More alarms than this over the fetched range: the oldest fetched are forgotten first.
    static constexpr qsizetype kMaxAlarms = 20'000;

    ReviewTimelineFeeder(vigie::widgets::TimelineWidget* timeline, vigie::rpc::RecordingLink* recordings,
                         vigie::rpc::BookmarkLink* bookmarks, QObject* parent = nullptr);
    ~ReviewTimelineFeeder() override;

    // The review's cameras (id, label), rows in this order. What was fetched for cameras that stay is kept.
    void setCameras(const QList<QPair<QString, QString>>& cameras);
    QList<QPair<QString, QString>> cameras() const;

    // The user may not view this camera's recordings (the backend said PERMISSION_DENIED).
    bool isDenied(const QString& cameraId) const;
    // Nothing in flight and nothing waiting (tests poll it).
    bool isIdle() const;
    // Timeline calls made so far (tests: panning back costs none).
    int timelineCallCount() const { return m_timelineCalls; }
    // The bookmarks drawn, as the backend gave them (newest range start first).
    const QList<vigie::rpc::Bookmark>& bookmarks() const { return m_bookmarkList; }
    // The alarms drawn (unordered).
    QList<vigie::widgets::TimelineAlarm> alarms() const { return m_alarms.values(); }
    QString problemText() const { return m_problem; }

public slots:
    // Forgets everything fetched and fetches again (another user logged in, rights changed).
    void reload();
    // The periodic refresh (also by the timer): the live edge while on screen, retries after errors.
    void refresh();

signals:
    // A line for the status bar; empty when the trouble is over.
    void problem(const QString& text);

private:
    struct CameraState {
        QString id;
        QString label;
        quint64 generation = 0;
        ReviewTimelineCache cache;
        bool inFlight = false;
        bool waiting = false;  // a view came while a call was in flight
        bool denied = false;
        QString error;  // the last failure, cleared by an answer
    };
    struct View {
        qint64 start = 0, end = 0;
        double msPerPixel = 1.0;
        vigie::widgets::TimeSpan want;  // widened by half a span each side
        qint64 level = 1;
    };

    void onVisibleRange(qint64 start, qint64 end, double msPerPixel);
    CameraState* cameraById(const QString& id);
    void fetchTimeline(CameraState& camera);
    void onTimeline(const QString& cameraId, quint64 generation, qint64 level, const vigie::rpc::Timeline& timeline,
                    const std::optional<vigie::rpc::RpcError>& error);
    void fetchEvents();
    void onEvents(quint64 generation, const vigie::widgets::TimeSpan& asked, const QList<vigie::rpc::RecordedEvent>& events,
                  const std::optional<vigie::rpc::RpcError>& error);
    void fetchBookmarks();
    void showRow(CameraState& camera);
    void showAlarms();
    QStringList viewableCameraIds() const;
    void setProblem(const QString& key, const QString& text);
    qint64 now() const;

    vigie::widgets::TimelineWidget* m_timeline;
    vigie::rpc::RecordingLink* m_recordings;
    vigie::rpc::BookmarkLink* m_bookmarks;
    QTimer* m_refreshTimer = nullptr;

    QList<CameraState> m_cameras;  // in row order
    quint64 m_generation = 0;     // bumped by setCameras() and reload()
    std::optional<View> m_view;
    int m_timelineCalls = 0;

    // Alarms of all the review's cameras, over the ranges fetched (no resolution: they are sparse).
    QList<vigie::widgets::TimeSpan> m_eventsFetched;
    QHash<QString, vigie::widgets::TimelineAlarm> m_alarms;
    bool m_eventsInFlight = false;
    bool m_eventsWaiting = false;

    QList<vigie::rpc::Bookmark> m_bookmarkList;
    std::optional<vigie::widgets::TimeSpan> m_bookmarksFetched;  // the range the list is for
    bool m_bookmarksDirty = true;
    bool m_bookmarksInFlight = false;
    bool m_bookmarksWaiting = false;
    qint64 m_bookmarksAt = 0;  // when they were last asked for (monotonic ms)

    QHash<QString, QString> m_problems;  // by source
    QString m_problem;
};

}  // namespace vigie::app
