#include "ReviewTimelineFeeder.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <limits>

#include "vigie/rpc/BookmarkLink.h"
#include "vigie/rpc/RecordingLink.h"
#include "vigie/widgets/TimelineSpans.h"
#include "vigie/widgets/TimelineWidget.h"

namespace vigie::app {

using vigie::rpc::Bookmark;
using vigie::rpc::RecordedEvent;
using vigie::rpc::RecordedEventKind;
using vigie::rpc::RpcError;
using vigie::rpc::Timeline;
using vigie::rpc::TimelineSpanKind;
using vigie::widgets::TimelineAlarm;
using vigie::widgets::TimelineBookmark;
using vigie::widgets::TimelineRow;
using vigie::widgets::TimelineSpans;
using vigie::widgets::TimeSpan;

namespace {

qint64 monotonicMs()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.elapsed();
}

}  // namespace

ReviewTimelineFeeder::ReviewTimelineFeeder(vigie::widgets::TimelineWidget* timeline, vigie::rpc::RecordingLink* recordings,
                                           vigie::rpc::BookmarkLink* bookmarks, QObject* parent)
    : QObject(parent), m_timeline(timeline), m_recordings(recordings), m_bookmarks(bookmarks)
{
    Q_ASSERT(m_timeline && m_recordings && m_bookmarks);
    Q_ASSERT(thread() == m_timeline->thread() && thread() == m_recordings->thread());
    connect(m_timeline, &vigie::widgets::TimelineWidget::visibleRangeChanged, this, &ReviewTimelineFeeder::onVisibleRange);
    connect(m_bookmarks, &vigie::rpc::BookmarkLink::changed, this, [this] {
        m_bookmarksDirty = true;
        fetchBookmarks();
    });
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setInterval(kRefreshMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &ReviewTimelineFeeder::refresh);
    m_refreshTimer->start();
}

ReviewTimelineFeeder::~ReviewTimelineFeeder() = default;

qint64 ReviewTimelineFeeder::now() const
{
    return m_timeline->now();
}

void ReviewTimelineFeeder::setCameras(const QList<QPair<QString, QString>>& cameras)
{
    Q_ASSERT(thread() == QThread::currentThread());
    ++m_generation;
    for (const CameraState& camera : m_cameras)
        if (std::none_of(cameras.cbegin(), cameras.cend(), [&](const auto& c) { return c.first == camera.id; }))
            setProblem(QStringLiteral("timeline:") + camera.id, {});
    QList<CameraState> next;
    for (const auto& [id, label] : cameras) {
        if (CameraState* kept = cameraById(id)) {
            next.append(std::move(*kept));
            next.last().label = label;
        } else {
            CameraState fresh;
            fresh.id = id;
            fresh.label = label;
            fresh.generation = m_generation;
            next.append(std::move(fresh));
        }
    }
    m_cameras = std::move(next);
    // Alarms and bookmarks are asked for the whole set: another set is another question.
    m_eventsFetched.clear();
    m_alarms.clear();
    m_eventsInFlight = false;
    m_bookmarkList.clear();
    m_bookmarksFetched.reset();
    m_bookmarksDirty = true;
    m_bookmarksInFlight = false;

    QList<TimelineRow> rows;
    for (const CameraState& camera : m_cameras) {
        TimelineRow row;
        row.cameraId = camera.id;
        row.label = camera.label;
        rows.append(row);
    }
    m_timeline->setRows(rows);
    m_timeline->setAlarms({});
    m_timeline->setBookmarks({});
    // The widget may not emit a range before it is shown or moved: start from what it shows now.
    onVisibleRange(m_timeline->visibleStart(), m_timeline->visibleEnd(), m_timeline->msPerPixel());
}

QList<QPair<QString, QString>> ReviewTimelineFeeder::cameras() const
{
    QList<QPair<QString, QString>> out;
    for (const CameraState& camera : m_cameras)
        out.append({camera.id, camera.label});
    return out;
}

bool ReviewTimelineFeeder::isDenied(const QString& cameraId) const
{
    const auto it = std::find_if(m_cameras.cbegin(), m_cameras.cend(), [&](const CameraState& c) { return c.id == cameraId; });
    return it != m_cameras.cend() && it->denied;
}

bool ReviewTimelineFeeder::isIdle() const
{
    if (m_eventsInFlight || m_eventsWaiting || m_bookmarksInFlight || m_bookmarksWaiting)
        return false;
    return std::none_of(m_cameras.cbegin(), m_cameras.cend(), [](const CameraState& c) { return c.inFlight || c.waiting; });
}

void ReviewTimelineFeeder::reload()
{
    const auto cameras = this->cameras();
    m_cameras.clear();
    setCameras(cameras);
}

ReviewTimelineFeeder::CameraState* ReviewTimelineFeeder::cameraById(const QString& id)
{
    const auto it = std::find_if(m_cameras.begin(), m_cameras.end(), [&](const CameraState& c) { return c.id == id; });
    return it == m_cameras.end() ? nullptr : &*it;
}

QStringList ReviewTimelineFeeder::viewableCameraIds() const
{
    QStringList ids;
    for (const CameraState& camera : m_cameras)
        if (!camera.denied)
            ids << camera.id;
    return ids;
}

void ReviewTimelineFeeder::onVisibleRange(qint64 start, qint64 end, double msPerPixel)
{
    if (end <= start)
        return;
    View view;
    view.start = start;
    view.end = end;
    view.msPerPixel = msPerPixel;
    const qint64 half = (end - start) / 2;
    view.want = {start - half, end + half};
    view.level = ReviewTimelineCache::levelFor(msPerPixel);
    m_view = view;
    for (CameraState& camera : m_cameras) {
        showRow(camera);
        fetchTimeline(camera);
    }
    fetchEvents();
    if (!m_bookmarksFetched || m_bookmarksFetched->start > view.want.start || m_bookmarksFetched->end < view.want.end)
        m_bookmarksDirty = true;
    fetchBookmarks();
}

void ReviewTimelineFeeder::refresh()
{
    if (!m_view || !m_timeline->isVisible())
        return;
    const qint64 t = now();
    const bool live = m_view->want.start <= t && t < m_view->want.end;
    for (CameraState& camera : m_cameras) {
        if (camera.denied)
            continue;
        if (live)
            camera.cache.invalidateFrom(t - kLiveEdgeRefetchMs);
        fetchTimeline(camera);
    }
    if (live) {
        const QList<TimeSpan> hole{{t - kAlarmRefetchMs, std::numeric_limits<qint64>::max()}};
        m_eventsFetched = ReviewTimelineCache::subtracted(m_eventsFetched, hole);
    }
    fetchEvents();
    if (monotonicMs() - m_bookmarksAt >= kBookmarkRefreshMs)
        m_bookmarksDirty = true;
    fetchBookmarks();
}

void ReviewTimelineFeeder::fetchTimeline(CameraState& camera)
{
    if (!m_view || camera.denied)
        return;
    if (camera.inFlight) {
        // The newest view wins: fetchTimeline() runs again with m_view when the call returns.
        camera.waiting = true;
        return;
    }
    camera.waiting = false;
    const qint64 t = now();
    const TimeSpan want{m_view->want.start, std::min(m_view->want.end, t)};
    const TimeSpan missing = camera.cache.missing(m_view->level, want);
    if (missing.isEmpty())
        return;
    // A sliver at the live edge (now moved on since the last answer) waits for the next refresh: a pan
    // must not cost a call per camera for the last few hundred milliseconds.
    if (missing.end >= t && missing.start > want.start && missing.end - missing.start < kRefreshMs && camera.error.isEmpty())
        return;
    camera.inFlight = true;
    ++m_timelineCalls;
    const qint64 level = m_view->level;
    m_recordings->timeline(camera.id, {missing.start, missing.end}, level,
                           [self = QPointer(this), id = camera.id, generation = camera.generation,
                            level](const Timeline& timeline, const std::optional<RpcError>& error) {
                               if (self)
                                   self->onTimeline(id, generation, level, timeline, error);
                           });
}

void ReviewTimelineFeeder::onTimeline(const QString& cameraId, quint64 generation, qint64 level, const Timeline& timeline,
                                      const std::optional<RpcError>& error)
{
    CameraState* camera = cameraById(cameraId);
    if (!camera || camera->generation != generation)
        return;  // stale: the camera left, or reload() came meanwhile
    camera->inFlight = false;
    const QString key = QStringLiteral("timeline:") + cameraId;
    if (error) {
        if (error->isRefused()) {
            camera->denied = true;
            camera->waiting = false;
            setProblem(key, tr("No right to view the recordings of %1").arg(camera->label));
            // Alarms and bookmarks asked with this camera were refused whole: ask without it.
            m_eventsFetched.clear();
            fetchEvents();
            m_bookmarksDirty = true;
            fetchBookmarks();
        } else {
            camera->error = error->text;
            setProblem(key, tr("Recordings of %1: %2").arg(camera->label, error->text));
        }
        showRow(*camera);
        return;  // tried again at the next refresh or view change, not in a loop
    }
    camera->error.clear();
    setProblem(key, {});
    QList<TimeSpan> recorded, gaps, outOfRetention;
    qint64 answeredEnd = timeline.requested.start;
    for (const auto& span : timeline.spans) {
        const TimeSpan s{span.range.start, span.range.end};
        answeredEnd = std::max(answeredEnd, s.end);
        switch (span.kind) {
        case TimelineSpanKind::Recorded: recorded.append(s); break;
        case TimelineSpanKind::Gap: gaps.append(s); break;
        case TimelineSpanKind::OutOfRetention: outOfRetention.append(s); break;
        }
    }
    // The backend clips the end to its now: only what the spans cover counts as fetched.
    const TimeSpan answered{timeline.requested.start, std::min(timeline.requested.end, answeredEnd)};
    camera->cache.store(level, answered, std::move(recorded), std::move(gaps), std::move(outOfRetention));
    showRow(*camera);
    if (camera->waiting)
        fetchTimeline(*camera);
}

void ReviewTimelineFeeder::showRow(CameraState& camera)
{
    TimelineRow row;
    if (m_view) {
        if (camera.denied) {
            // See the header: hatched as "not available" over everything up to now.
            row.outOfRetention.append({std::min(m_view->want.start, now() - vigie::widgets::TimelineScale::kMaxSpan), now()});
        } else {
            // A span more on each side than fetched: what the cache holds there is shown while panning.
            const qint64 span = m_view->end - m_view->start;
            const TimeSpan range{m_view->want.start - span, m_view->want.end + span};
            row = camera.cache.row(m_view->level, range, now());
            row.loading = ReviewTimelineCache::clipped(row.loading, m_view->want);
        }
    }
    row.cameraId = camera.id;
    row.label = camera.denied ? tr("%1 — no right to view recordings").arg(camera.label) : camera.label;
    m_timeline->updateRow(std::move(row));
}

void ReviewTimelineFeeder::fetchEvents()
{
    if (!m_view)
        return;
    if (m_eventsInFlight) {
        m_eventsWaiting = true;
        return;
    }
    m_eventsWaiting = false;
    const QStringList ids = viewableCameraIds();
    if (ids.isEmpty()) {
        // An empty list would mean "every camera" to the backend.
        m_alarms.clear();
        showAlarms();
        return;
    }
    const TimeSpan want{m_view->want.start, std::min(m_view->want.end, now())};
    if (want.isEmpty())
        return;
    const QList<TimeSpan> holes = ReviewTimelineCache::uncovered(want, m_eventsFetched);
    if (holes.isEmpty())
        return;
    const TimeSpan asked{holes.first().start, holes.last().end};
    m_eventsInFlight = true;
    m_recordings->searchEvents(ids, {asked.start, asked.end},
                               [self = QPointer(this), generation = m_generation, asked](const QList<RecordedEvent>& events,
                                                                                         const std::optional<RpcError>& error) {
                                   if (self)
                                       self->onEvents(generation, asked, events, error);
                               });
}

void ReviewTimelineFeeder::onEvents(quint64 generation, const TimeSpan& asked, const QList<RecordedEvent>& events,
                                    const std::optional<RpcError>& error)
{
    if (generation != m_generation)
        return;
    m_eventsInFlight = false;
    const QString key = QStringLiteral("events");
    if (error && !error->isOutOfRange()) {
        // PERMISSION_DENIED: a camera without the right was in the set; its timeline answer says which
        // and asks again without it. Anything else is said, and tried again at the next refresh.
        if (!error->isRefused())
            setProblem(key, tr("Alarms on the timeline: %1").arg(error->text));
        return;
    }
    setProblem(key, {});
    // OUT_OF_RANGE: the whole range is before retention; nothing to mark there.
    for (auto it = m_alarms.begin(); it != m_alarms.end();)
        it = asked.contains(it->time) ? m_alarms.erase(it) : std::next(it);
    for (const RecordedEvent& event : events) {
        if (event.kind != RecordedEventKind::Alarm)
            continue;  // outages are in the coverage as gaps already
        TimelineAlarm alarm;
        alarm.id = event.alarmId.isEmpty() ? event.id : event.alarmId;
        alarm.time = event.range.start;
        alarm.priority = std::clamp(int(event.alarmPriority), 1, 4);
        alarm.title = event.title;
        m_alarms.insert(alarm.id, alarm);
    }
    m_eventsFetched.append(asked);
    TimelineSpans::normalize(m_eventsFetched);
    if (m_alarms.size() > kMaxAlarms) {
        // Forget everything rather than keep a partial set that would look complete.
        m_alarms.clear();
        m_eventsFetched.clear();
    }
    showAlarms();
    if (m_eventsWaiting)
        fetchEvents();
}

void ReviewTimelineFeeder::showAlarms()
{
    m_timeline->setAlarms(m_alarms.values());
}

void ReviewTimelineFeeder::fetchBookmarks()
{
    if (!m_view || !m_bookmarksDirty)
        return;
    if (m_bookmarksInFlight) {
        m_bookmarksWaiting = true;
        return;
    }
    m_bookmarksWaiting = false;
    const QStringList ids = viewableCameraIds();
    if (ids.isEmpty()) {
        m_bookmarkList.clear();
        m_timeline->setBookmarks({});
        m_bookmarksDirty = false;
        return;
    }
    // A span more on each side than the coverage: small pans need no new list.
    const qint64 span = m_view->end - m_view->start;
    const TimeSpan range{m_view->want.start - span, m_view->want.end + span};
    vigie::rpc::BookmarkLink::Query query;
    query.cameraIds = ids;
    query.range = vigie::rpc::TimeSpanMs{range.start, range.end};
    m_bookmarksInFlight = true;
    m_bookmarksDirty = false;
    m_bookmarksAt = monotonicMs();
    m_bookmarks->list(query, [self = QPointer(this), generation = m_generation, range](const QList<Bookmark>& list,
                                                                                       const std::optional<RpcError>& error) {
        if (!self || generation != self->m_generation)
            return;
        self->m_bookmarksInFlight = false;
        const QString key = QStringLiteral("bookmarks");
        if (error) {
            self->m_bookmarksDirty = true;  // again at the next refresh
            if (!error->isRefused())
                self->setProblem(key, tr("Bookmarks on the timeline: %1").arg(error->text));
        } else {
            self->setProblem(key, {});
            self->m_bookmarkList = list;
            self->m_bookmarksFetched = range;
            QList<TimelineBookmark> shown;
            for (const Bookmark& b : list)
                shown.append({b.id, {b.range.start, b.range.end}, b.title});
            self->m_timeline->setBookmarks(shown);
        }
        if (self->m_bookmarksWaiting && !error)
            self->fetchBookmarks();
        self->m_bookmarksWaiting = false;
    });
}

void ReviewTimelineFeeder::setProblem(const QString& key, const QString& text)
{
    if (text.isEmpty())
        m_problems.remove(key);
    else
        m_problems.insert(key, text);
    // One line: the first problem in a stable order (by source), with a count when there are more.
    QStringList keys = m_problems.keys();
    keys.sort();
    QString line;
    if (!keys.isEmpty()) {
        line = m_problems.value(keys.first());
        if (keys.size() > 1)
            line = tr("%1 (and %n more)", nullptr, int(keys.size() - 1)).arg(line);
    }
    if (line == m_problem)
        return;
    m_problem = line;
    emit problem(m_problem);
}

}  // namespace vigie::app
