#include "vigie/widgets/TimelineWidget.h"

#include <QApplication>
#include <QDateTime>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "TimelineJumpDialog.h"
#include "TimelineLayout.h"
#include "TimelinePainter.h"
#include "vigie/widgets/TimelineSpans.h"

namespace vigie::widgets {

namespace {
// How far back the view may go by default: the longest retention the law allows.
constexpr qint64 kDefaultHistory = TimelineScale::kMaxSpan;
// A fresh timeline shows the last hour, the live edge a little before the right end.
constexpr qint64 kInitialSpan = TimelineScale::kHour;
// Dragging the background further than this pans; less is a click that moves the playhead.
int dragThreshold()
{
    return QApplication::startDragDistance();
}

bool isTimelineKey(const QKeyEvent* event)
{
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    switch (event->key()) {
    case Qt::Key_J:
    case Qt::Key_K:
    case Qt::Key_L:
    case Qt::Key_Home:
    case Qt::Key_End:
    case Qt::Key_Plus:
    case Qt::Key_Equal:
    case Qt::Key_Minus:
    case Qt::Key_Left:
    case Qt::Key_Right:
        return mods == Qt::NoModifier || mods == Qt::ShiftModifier;
    case Qt::Key_G:
        return mods == Qt::ControlModifier;
    default:
        return false;
    }
}
}  // namespace

TimelineWidget::TimelineWidget(QWidget* parent)
    : QWidget(parent), m_colors(TimelineColors::forPalette(palette())), m_clock([] { return QDateTime::currentMSecsSinceEpoch(); }),
      m_rangeTimer(new QTimer(this)), m_clockTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("timeline"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);  // the painter fills every pixel
    setAccessibleName(tr("Timeline"));
    setAccessibleDescription(tr("Recordings of the cameras over time. Wheel: zoom; drag: move in time; click: "
                                "move the playhead; Shift+drag: select a range; J, K, L: shuttle; arrows: "
                                "step; Home, End: start of the recordings, live; Ctrl+G: go to a date and time."));

    m_rangeTimer->setSingleShot(true);
    m_rangeTimer->setInterval(kRangeSignalDelayMs);
    connect(m_rangeTimer, &QTimer::timeout, this, &TimelineWidget::emitVisibleRange);
    // The live edge moves: redraw it and keep the default bounds following it, once a second while shown.
    m_clockTimer->setInterval(1000);
    connect(m_clockTimer, &QTimer::timeout, this, [this] {
        refreshBounds();
        update();
    });

    m_playhead = now();
    refreshBounds();
    m_scale.setView(now() - kInitialSpan + kInitialSpan / 20, now() + kInitialSpan / 20);
}

TimelineWidget::~TimelineWidget() = default;

TimelineLayout TimelineWidget::layout() const
{
    const QFontMetrics metrics = fontMetrics();
    return TimelineLayout::compute(size(), metrics, m_rows.size(), TimelineLayout::gutterWidthFor(metrics));
}

void TimelineWidget::setTimeZone(const QTimeZone& zone, const QLocale& locale)
{
    TimelineScale scale(zone, locale);
    scale.setWidth(m_scale.width());
    if (m_scale.hasBounds())
        scale.setBounds(m_scale.boundsMin(), m_scale.boundsMax());
    scale.setView(m_scale.start(), m_scale.end());
    m_scale = scale;
    update();
}

void TimelineWidget::setClock(std::function<qint64()> clock)
{
    m_clock = clock ? std::move(clock) : [] { return QDateTime::currentMSecsSinceEpoch(); };
    refreshBounds();
    update();
}

qint64 TimelineWidget::now() const
{
    return m_clock();
}

void TimelineWidget::setAllowedRange(qint64 min, qint64 max)
{
    m_autoBounds = false;
    const qint64 start = m_scale.start();
    const qint64 end = m_scale.end();
    m_scale.setBounds(min, max);
    if (start != m_scale.start() || end != m_scale.end())
        viewChanged();
}

void TimelineWidget::clearAllowedRange()
{
    m_autoBounds = true;
    refreshBounds();
}

void TimelineWidget::refreshBounds()
{
    if (!m_autoBounds)
        return;
    const qint64 start = m_scale.start();
    const qint64 end = m_scale.end();
    const qint64 t = now();
    m_scale.setBounds(t - kDefaultHistory, t + kFutureMarginMs);
    if (start != m_scale.start() || end != m_scale.end())
        viewChanged();
}

void TimelineWidget::setRows(QList<TimelineRow> rows)
{
    for (TimelineRow& row : rows) {
        TimelineSpans::normalize(row.recorded);
        TimelineSpans::normalize(row.gaps);
        TimelineSpans::normalize(row.outOfRetention);
        TimelineSpans::normalize(row.loading);
    }
    const bool resized = rows.size() != m_rows.size();
    m_rows = std::move(rows);
    if (resized)
        updateGeometry();
    update();
}

void TimelineWidget::updateRow(TimelineRow row)
{
    TimelineSpans::normalize(row.recorded);
    TimelineSpans::normalize(row.gaps);
    TimelineSpans::normalize(row.outOfRetention);
    TimelineSpans::normalize(row.loading);
    const auto it = std::find_if(m_rows.begin(), m_rows.end(),
                                 [&row](const TimelineRow& r) { return r.cameraId == row.cameraId; });
    if (it != m_rows.end()) {
        *it = std::move(row);
    } else {
        m_rows.append(std::move(row));
        updateGeometry();
    }
    update();
}

void TimelineWidget::setAlarms(QList<TimelineAlarm> alarms)
{
    std::stable_sort(alarms.begin(), alarms.end(), [](const TimelineAlarm& a, const TimelineAlarm& b) { return a.time < b.time; });
    m_alarms = std::move(alarms);
    update();
}

void TimelineWidget::setBookmarks(QList<TimelineBookmark> bookmarks)
{
    std::stable_sort(bookmarks.begin(), bookmarks.end(),
                     [](const TimelineBookmark& a, const TimelineBookmark& b) { return a.range.start < b.range.start; });
    m_bookmarks = std::move(bookmarks);
    update();
}

void TimelineWidget::setVisibleRange(qint64 start, qint64 end)
{
    m_scale.setView(start, end);
    viewChanged();
}

void TimelineWidget::setPlayhead(qint64 time)
{
    // While the user drags the playhead, their position wins over the clock's.
    if (m_drag == Drag::Scrub)
        return;
    m_playhead = time;
    const bool userLooksElsewhere = m_lastUserView.isValid() && m_lastUserView.elapsed() < kFollowHoldOffMs;
    if (!m_scale.contains(time) && m_drag != Drag::Pan && m_drag != Drag::Select && !userLooksElsewhere) {
        // Page rather than scroll: the picture of the timeline stays still between pages, and a page
        // keeps a little of what was just played on screen (a tenth of the span, either direction).
        const qint64 span = m_scale.span();
        const qint64 start = time >= m_scale.end() ? time - span / 10 : time - span + span / 10;
        m_scale.setView(start, start + span);
        viewChanged();
        return;
    }
    update();
}

void TimelineWidget::setSelection(const TimeSpan& range)
{
    m_selection = TimeSpan{std::min(range.start, range.end), std::max(range.start, range.end)};
    update();
}

void TimelineWidget::clearSelection()
{
    if (!m_selection)
        return;
    m_selection.reset();
    update();
    emit selectionCleared();
}

QRect TimelineWidget::rulerRect() const
{
    return layout().ruler;
}

QRect TimelineWidget::alarmLaneRect() const
{
    return layout().alarmLane;
}

QRect TimelineWidget::bookmarkLaneRect() const
{
    return layout().bookmarkLane;
}

QRect TimelineWidget::rowRect(qsizetype index) const
{
    return layout().row(index);
}

double TimelineWidget::xForTime(qint64 time) const
{
    return layout().timeLeft + m_scale.xForTime(time);
}

qint64 TimelineWidget::timeAtX(double x) const
{
    return m_scale.timeAtX(x - layout().timeLeft);
}

std::optional<TimelineWidget::MarkerHit> TimelineWidget::markerAt(QPoint pos) const
{
    const TimelineLayout l = layout();
    const double grab = kPlayheadGrabPx;
    if (l.alarmLane.contains(pos)) {
        const qint64 from = timeAtX(pos.x() - grab);
        const qint64 to = timeAtX(pos.x() + grab);
        auto it = std::lower_bound(m_alarms.cbegin(), m_alarms.cend(), from,
                                   [](const TimelineAlarm& a, qint64 t) { return a.time < t; });
        const TimelineAlarm* best = nullptr;
        double bestDistance = 0;
        for (; it != m_alarms.cend() && it->time <= to; ++it) {
            // The nearest, and the most urgent among equally near ones (as drawn on top).
            const double distance = std::abs(xForTime(it->time) - pos.x());
            if (!best || distance < bestDistance - 0.5 || (distance <= bestDistance + 0.5 && it->priority < best->priority)) {
                best = &*it;
                bestDistance = distance;
            }
        }
        if (best)
            return MarkerHit{TimelineMarkerKind::Alarm, best->id, best->time, best->title};
    } else if (l.bookmarkLane.contains(pos)) {
        // The last one drawn (latest start) is on top; bars are at least 3 px wide, plus 2 px of slack.
        const double slack = 2.0;
        for (auto it = m_bookmarks.crbegin(); it != m_bookmarks.crend(); ++it) {
            const double x0 = xForTime(it->range.start);
            const double x1 = std::max(xForTime(it->range.end), x0 + 3.0);
            if (pos.x() >= x0 - slack && pos.x() <= x1 + slack)
                return MarkerHit{TimelineMarkerKind::Bookmark, it->id, it->range.start, it->title};
        }
    }
    return std::nullopt;
}

QSize TimelineWidget::sizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    const TimelineLayout l = TimelineLayout::compute(QSize(800, 0), metrics, std::max<qsizetype>(m_rows.size(), 4),
                                                     TimelineLayout::gutterWidthFor(metrics));
    return QSize(800, l.rows.bottom() + 2);
}

QSize TimelineWidget::minimumSizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    const TimelineLayout l = TimelineLayout::compute(QSize(300, 0), metrics, 1, TimelineLayout::gutterWidthFor(metrics));
    return QSize(TimelineLayout::gutterWidthFor(metrics) + 200, l.rows.bottom() + 2);
}

void TimelineWidget::viewChanged()
{
    update();
    if (!m_rangeTimer->isActive())
        m_rangeTimer->start();
}

void TimelineWidget::userMovedView()
{
    m_lastUserView.start();
    viewChanged();
}

void TimelineWidget::emitVisibleRange()
{
    const EmittedRange range{m_scale.start(), m_scale.end(), m_scale.msPerPixel()};
    if (m_lastEmitted && m_lastEmitted->start == range.start && m_lastEmitted->end == range.end &&
        m_lastEmitted->msPerPixel == range.msPerPixel)
        return;
    m_lastEmitted = range;
    emit visibleRangeChanged(range.start, range.end, range.msPerPixel);
}

qint64 TimelineWidget::clampToPlayable(qint64 time) const
{
    // Nothing to play after the live edge, nor before where the view may go (retention).
    const qint64 low = m_scale.hasBounds() ? m_scale.boundsMin() : time;
    return std::clamp(time, std::min(low, now()), now());
}

qint64 TimelineWidget::coverageStart() const
{
    qint64 first = std::numeric_limits<qint64>::max();
    for (const TimelineRow& row : m_rows)
        if (!row.recorded.isEmpty())
            first = std::min(first, row.recorded.front().start);
    if (first == std::numeric_limits<qint64>::max())
        return m_scale.hasBounds() ? m_scale.boundsMin() : m_scale.start();
    return first;
}

void TimelineWidget::seek(qint64 time, bool centre)
{
    const qint64 target = clampToPlayable(time);
    m_playhead = target;
    if (centre || !m_scale.contains(target)) {
        m_scale.centreOn(target);
        viewChanged();
    } else {
        update();
    }
    emit seekRequested(target);
}

void TimelineWidget::zoomAround(double factor, qint64 anchor)
{
    m_scale.zoomBy(factor, anchor);
    userMovedView();
}

void TimelineWidget::moveUserPlayhead(qint64 time, bool dragging)
{
    m_playhead = clampToPlayable(time);
    update();
    emit playheadMoved(m_playhead, dragging);
}

void TimelineWidget::openJumpDialog()
{
    if (m_jumpDialog) {
        m_jumpDialog->raise();
        m_jumpDialog->activateWindow();
        return;
    }
    const qint64 min = m_scale.hasBounds() ? m_scale.boundsMin() : now() - kDefaultHistory;
    m_jumpDialog = new TimelineJumpDialog(m_scale.timeZone(), m_playhead, min, now(), this);
    m_jumpDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_jumpDialog, &QDialog::accepted, this, [this] { seek(m_jumpDialog->selectedTime(), true); });
    connect(m_jumpDialog, &QObject::destroyed, this, [this] { m_jumpDialog = nullptr; });
    // Window-modal and asynchronous: the timeline's window waits, the event loop (and playback) does not.
    m_jumpDialog->open();
}

bool TimelineWidget::event(QEvent* event)
{
    switch (event->type()) {
    case QEvent::ShortcutOverride:
        // The window's shortcuts (+ and - zoom the wall, Home...) must not take the timeline's keys
        // while it has focus.
        if (const auto* key = static_cast<QKeyEvent*>(event);
            isTimelineKey(key) || (key->key() == Qt::Key_Escape && m_selection)) {
            event->accept();
            return true;
        }
        break;
    case QEvent::ToolTip: {
        const auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            // The tip is tied to a small rectangle around the pointer: moving on re-asks for the next one.
            QToolTip::showText(help->globalPos(), text, this, QRect(help->pos() - QPoint(2, 2), QSize(5, 5)));
        }
        return true;
    }
    default:
        break;
    }
    return QWidget::event(event);
}

QString TimelineWidget::toolTipAt(QPoint pos) const
{
    if (const auto marker = markerAt(pos)) {
        if (marker->kind == TimelineMarkerKind::Alarm) {
            const auto it = std::find_if(m_alarms.cbegin(), m_alarms.cend(),
                                         [&marker](const TimelineAlarm& a) { return a.id == marker->id; });
            const int priority = it != m_alarms.cend() ? it->priority : 0;
            return tr("Alarm (priority %1): %2\n%3").arg(priority).arg(marker->title, m_scale.dateTimeLabel(marker->time));
        }
        const auto it = std::find_if(m_bookmarks.cbegin(), m_bookmarks.cend(),
                                     [&marker](const TimelineBookmark& b) { return b.id == marker->id; });
        const qint64 end = it != m_bookmarks.cend() ? it->range.end : marker->time;
        return tr("Bookmark: %1\n%2 to %3").arg(marker->title, m_scale.dateTimeLabel(marker->time), m_scale.dateTimeLabel(end));
    }
    const TimelineLayout l = layout();
    if (pos.x() < l.timeLeft)
        return {};
    const qint64 t = timeAtX(pos.x());
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (!l.row(i).contains(pos))
            continue;
        const TimelineRow& row = m_rows[i];
        QString state;
        if (t > now())
            state = tr("not recorded yet");
        else if (TimelineSpans::covers(row.recorded, t))
            state = tr("recorded");
        else if (TimelineSpans::covers(row.loading, t))
            state = tr("loading");
        else if (TimelineSpans::covers(row.outOfRetention, t))
            state = tr("deleted (retention)");
        else if (TimelineSpans::covers(row.gaps, t))
            state = tr("no recording");
        else
            state = tr("unknown");
        return tr("%1: %2\n%3").arg(row.label.isEmpty() ? row.cameraId : row.label, state, m_scale.dateTimeLabel(t));
    }
    if (l.ruler.contains(pos))
        return m_scale.dateTimeLabel(t);
    return {};
}

void TimelineWidget::paintEvent(QPaintEvent*)
{
    const TimelineLayout l = layout();
    QPainter painter(this);
    TimelinePainter::State state;
    state.size = size();
    state.scale = &m_scale;
    state.layout = &l;
    state.colors = &m_colors;
    state.rows = &m_rows;
    state.alarms = &m_alarms;
    state.bookmarks = &m_bookmarks;
    state.now = now();
    state.playhead = m_playhead;
    state.selection = m_selection;
    state.focused = hasFocus();
    state.alarmLaneName = tr("Alarms");
    state.bookmarkLaneName = tr("Bookmarks");
    state.emptyText = tr("No camera on the timeline");
    const QFontMetrics metrics = fontMetrics();
    TimelinePainter(painter, metrics, state).paint();
}

void TimelineWidget::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_scale.setWidth(layout().timeWidth());
    // The span stays, the resolution changes: the caller may want coverage at the new one.
    viewChanged();
}

void TimelineWidget::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_clockTimer->start();
    refreshBounds();
    viewChanged();
}

void TimelineWidget::hideEvent(QHideEvent* event)
{
    m_clockTimer->stop();
    QWidget::hideEvent(event);
}

void TimelineWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        m_colors = TimelineColors::forPalette(palette());
    if (event->type() == QEvent::FontChange)
        m_scale.setWidth(layout().timeWidth());
    QWidget::changeEvent(event);
}

void TimelineWidget::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    const TimelineLayout l = layout();
    m_pressPos = m_lastPos = pos;
    if (pos.x() < l.timeLeft) {
        m_drag = Drag::None;
        return;
    }
    if (event->modifiers() & Qt::ShiftModifier) {
        m_drag = Drag::Select;
        m_selectAnchor = timeAtX(pos.x());
        m_selection = TimeSpan{m_selectAnchor, m_selectAnchor};
        update();
        return;
    }
    if ((m_pressedMarker = markerAt(pos))) {
        m_drag = Drag::Marker;
        return;
    }
    const bool onPlayhead = std::abs(xForTime(m_playhead) - pos.x()) <= kPlayheadGrabPx;
    if (onPlayhead || l.ruler.contains(pos)) {
        m_drag = Drag::Scrub;
        moveUserPlayhead(timeAtX(pos.x()), true);
        return;
    }
    m_drag = Drag::Pending;  // a click moves the playhead, a drag pans: decided by the move
}

void TimelineWidget::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    const TimelineLayout l = layout();
    switch (m_drag) {
    case Drag::None:
        updateCursor(pos);
        break;
    case Drag::Marker:
        if ((pos - m_pressPos).manhattanLength() < dragThreshold())
            break;
        m_pressedMarker.reset();
        m_drag = Drag::Pan;  // a drag that started on a marker pans like any other
        [[fallthrough]];
    case Drag::Pending:
        if (m_drag == Drag::Pending && (pos - m_pressPos).manhattanLength() < dragThreshold())
            return;  // m_lastPos stays at the press: the pan below starts from there
        m_drag = Drag::Pan;
        setCursor(Qt::ClosedHandCursor);
        // From the press, so that the time grabbed stays under the pointer all along.
        m_scale.panByPixels(pos.x() - m_pressPos.x());
        userMovedView();
        break;
    case Drag::Pan:
        m_scale.panByPixels(pos.x() - m_lastPos.x());
        userMovedView();
        break;
    case Drag::Scrub:
        moveUserPlayhead(timeAtX(std::clamp(pos.x(), l.timeLeft, l.timeRight)), true);
        break;
    case Drag::Select: {
        const qint64 t = timeAtX(std::clamp(pos.x(), l.timeLeft, l.timeRight));
        m_selection = TimeSpan{std::min(m_selectAnchor, t), std::max(m_selectAnchor, t)};
        update();
        break;
    }
    }
    m_lastPos = pos;
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    const Drag drag = std::exchange(m_drag, Drag::None);
    switch (drag) {
    case Drag::None:
    case Drag::Pan:
        break;
    case Drag::Pending:
        moveUserPlayhead(timeAtX(pos.x()), false);
        emit playheadReleased(m_playhead);
        break;
    case Drag::Scrub:
        emit playheadReleased(m_playhead);
        break;
    case Drag::Select:
        // Less than a couple of pixels is a slip of the hand, not a range.
        if (m_selection && std::abs(xForTime(m_selection->end) - xForTime(m_selection->start)) >= 2.0) {
            emit rangeSelected(m_selection->start, m_selection->end);
        } else {
            m_selection.reset();
            update();
        }
        break;
    case Drag::Marker:
        if (m_pressedMarker) {
            const MarkerHit hit = *std::exchange(m_pressedMarker, std::nullopt);
            emit markerActivated(hit.kind, hit.id, hit.time);
        }
        break;
    }
    updateCursor(pos);
}

void TimelineWidget::updateCursor(QPoint pos)
{
    const TimelineLayout l = layout();
    if (pos.x() >= l.timeLeft && std::abs(xForTime(m_playhead) - pos.x()) <= kPlayheadGrabPx)
        setCursor(Qt::SizeHorCursor);
    else if (markerAt(pos))
        setCursor(Qt::PointingHandCursor);
    else
        unsetCursor();
}

void TimelineWidget::wheelEvent(QWheelEvent* event)
{
    const QPoint delta = event->angleDelta();
    const TimelineLayout l = layout();
    const double x = event->position().x();
    if (delta.y() != 0) {
        const qint64 anchor = x >= l.timeLeft ? timeAtX(x) : m_playhead;
        zoomAround(TimelineScale::wheelFactor(delta.y()), anchor);
    } else if (delta.x() != 0) {
        // A horizontal wheel or a touchpad's sideways swipe: a notch moves a tenth of the view.
        m_scale.panByPixels(delta.x() / 120.0 * l.timeWidth() / 10.0);
        userMovedView();
    }
    event->accept();
}

void TimelineWidget::keyPressEvent(QKeyEvent* event)
{
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    const bool control = event->modifiers() & Qt::ControlModifier;
    if (control && event->key() != Qt::Key_G) {
        QWidget::keyPressEvent(event);
        return;
    }
    const qint64 anchor = m_scale.contains(m_playhead) ? m_playhead : m_scale.start() + m_scale.span() / 2;
    switch (event->key()) {
    case Qt::Key_J:
        emit shuttleRequested(-1);
        break;
    case Qt::Key_K:
        emit shuttleRequested(0);
        break;
    case Qt::Key_L:
        emit shuttleRequested(1);
        break;
    case Qt::Key_Left:
        if (shift)
            emit jumpRequested(-kJumpMs);
        else
            emit stepRequested(-1);
        break;
    case Qt::Key_Right:
        if (shift)
            emit jumpRequested(kJumpMs);
        else
            emit stepRequested(1);
        break;
    case Qt::Key_Home:
        seek(coverageStart(), false);
        break;
    case Qt::Key_End:
        seek(now(), false);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:  // + without Shift on most layouts
        zoomAround(kKeyZoomFactor, anchor);
        break;
    case Qt::Key_Minus:
        zoomAround(1.0 / kKeyZoomFactor, anchor);
        break;
    case Qt::Key_G:
        if (control)
            openJumpDialog();
        else
            QWidget::keyPressEvent(event);
        break;
    case Qt::Key_Escape:
        if (m_drag == Drag::Select)
            m_drag = Drag::None;  // abandons the range being drawn: the release then selects nothing
        if (m_selection)
            clearSelection();
        else
            QWidget::keyPressEvent(event);
        break;
    default:
        QWidget::keyPressEvent(event);
        break;
    }
}

void TimelineWidget::focusInEvent(QFocusEvent* event)
{
    QWidget::focusInEvent(event);
    update();
}

void TimelineWidget::focusOutEvent(QFocusEvent* event)
{
    QWidget::focusOutEvent(event);
    update();
}

}  // namespace vigie::widgets
