#include "TimelinePainter.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

#include "vigie/widgets/TimelineSpans.h"

namespace vigie::widgets {

namespace {
// Coverage bars leave this much of the row free above and below, so that rows read as separate lines.
constexpr int kRowInset = 4;
// A recorded span is never thinner than this: a short recording must stay findable (the contract's
// GetTimeline widens them the same way).
constexpr int kMinRecordedPx = 1;
constexpr int kMinBookmarkPx = 3;
constexpr int kAlarmTickPx = 2;
constexpr int kLabelPad = 4;  // between a tick and its label
}  // namespace

TimelinePainter::TimelinePainter(QPainter& painter, const QFontMetrics& metrics, const State& state)
    : m_p(painter), m_metrics(metrics), m_s(state), m_scale(*state.scale), m_layout(*state.layout),
      m_colors(*state.colors)
{
}

double TimelinePainter::xOf(qint64 time) const
{
    return m_layout.timeLeft + m_scale.xForTime(time);
}

void TimelinePainter::paint()
{
    const TimelineScale::Ticks ticks =
        m_scale.ticks([this](const QString& text) { return double(m_metrics.horizontalAdvance(text)); });
    paintBackgrounds();
    m_p.save();
    // Everything along the time axis stays right of the gutter.
    m_p.setClipRect(QRect(m_layout.timeLeft, 0, m_layout.timeWidth(), m_s.size.height()));
    paintGrid(ticks);
    paintRows();
    paintFuture();
    paintAlarms();
    paintBookmarks();
    paintSelection();
    paintRuler(ticks);
    paintNow();
    paintPlayhead();
    m_p.restore();
    paintGutter();
    paintFocus();
}

void TimelinePainter::paintBackgrounds()
{
    const int width = m_s.size.width();
    m_p.fillRect(QRect(0, 0, width, m_s.size.height()), m_colors.rowBackground);
    m_p.fillRect(QRect(m_layout.timeLeft, m_layout.ruler.top(), width - m_layout.timeLeft, m_layout.ruler.height()),
                 m_colors.rulerBackground);
    const QRect lanes(m_layout.timeLeft, m_layout.alarmLane.top(), width - m_layout.timeLeft,
                      m_layout.alarmLane.height() + m_layout.bookmarkLane.height());
    m_p.fillRect(lanes, m_colors.laneBackground);
    // Separators under the ruler, between the lanes and under each row, across the gutter too.
    m_p.setPen(m_colors.rowSeparator);
    m_p.drawLine(0, m_layout.ruler.bottom(), width, m_layout.ruler.bottom());
    m_p.drawLine(0, m_layout.alarmLane.bottom(), width, m_layout.alarmLane.bottom());
    m_p.drawLine(0, m_layout.bookmarkLane.bottom(), width, m_layout.bookmarkLane.bottom());
    for (qsizetype i = 0; i < m_s.rows->size(); ++i) {
        const int y = m_layout.row(i).bottom();
        m_p.drawLine(0, y, width, y);
    }
}

void TimelinePainter::paintGrid(const TimelineScale::Ticks& ticks)
{
    const int top = m_layout.alarmLane.top();
    const int bottom = std::max(m_layout.bottom(), m_layout.bookmarkLane.bottom());
    for (const TimelineScale::Tick& tick : ticks.major) {
        const int x = int(std::floor(xOf(tick.time)));
        m_p.fillRect(QRect(x, top, 1, bottom - top + 1), m_colors.grid);
    }
    // Local midnights, stronger, from the top of the ruler: the day changes there.
    for (const TimelineScale::Tick& tick : ticks.context) {
        if (tick.time < m_scale.start())
            continue;
        const int x = int(std::floor(xOf(tick.time)));
        m_p.fillRect(QRect(x, m_layout.ruler.top(), 1, bottom - m_layout.ruler.top() + 1), m_colors.dayGrid);
    }
}

void TimelinePainter::paintRows()
{
    for (qsizetype i = 0; i < m_s.rows->size(); ++i) {
        const TimelineRow& row = m_s.rows->at(i);
        const QRect r = m_layout.row(i);
        const int top = r.top() + kRowInset;
        const int height = r.height() - 2 * kRowInset;
        if (height <= 0)
            continue;
        paintSpans(row.outOfRetention, top, height, 1, &TimelinePainter::hatchOutOfRetention);
        paintSpans(row.loading, top, height, 1, &TimelinePainter::hatchLoading);
        paintSpans(row.gaps, top, height, 1, &TimelinePainter::outlineGap);
        paintSpans(row.recorded, top, height, kMinRecordedPx, &TimelinePainter::fillRecorded);
    }
}

void TimelinePainter::paintSpans(const QList<TimeSpan>& spans, int top, int height, int minWidth,
                                 void (TimelinePainter::*draw)(int x0, int x1, int top, int height))
{
    const qint64 viewStart = m_scale.start();
    const qint64 viewEnd = m_scale.end();
    const int left = m_layout.timeLeft;
    const int right = m_layout.timeRight;
    bool haveRun = false;
    int runStart = 0;
    int runEnd = 0;  // exclusive pixel
    const auto flush = [&] {
        if (haveRun)
            (this->*draw)(std::max(runStart, left - 1), std::min(runEnd, right + 1), top, height);
    };
    qsizetype i = TimelineSpans::firstEndingAfter(spans, viewStart);
    while (i < spans.size() && spans[i].start < viewEnd) {
        const TimeSpan& span = spans[i];
        const int x0 = int(std::floor(xOf(std::max(span.start, viewStart))));
        const int x1 = std::max(x0 + minWidth, int(std::ceil(xOf(std::min(span.end, viewEnd)))));
        if (haveRun && x0 <= runEnd) {
            runEnd = std::max(runEnd, x1);  // touches the run within a pixel: drawn as one
        } else {
            flush();
            haveRun = true;
            runStart = x0;
            runEnd = x1;
        }
        // Spans ending inside the run's pixels add nothing: skip them by binary search, so a dense list
        // costs a search per drawn run rather than a step per span.
        const qint64 runEndTime = m_scale.timeAtX(runEnd - left);
        i = std::max(i + 1, TimelineSpans::firstEndingAfter(spans, runEndTime));
    }
    flush();
}

void TimelinePainter::fillRecorded(int x0, int x1, int top, int height)
{
    m_p.fillRect(QRect(x0, top, x1 - x0, height), m_colors.recorded);
}

void TimelinePainter::outlineGap(int x0, int x1, int top, int height)
{
    // Empty: nothing was recorded; the thin outline says "known, and empty", unlike plain background.
    const int w = x1 - x0;
    m_p.fillRect(QRect(x0, top, w, 1), m_colors.gapOutline);
    m_p.fillRect(QRect(x0, top + height - 1, w, 1), m_colors.gapOutline);
    m_p.fillRect(QRect(x0, top, 1, height), m_colors.gapOutline);
    m_p.fillRect(QRect(x1 - 1, top, 1, height), m_colors.gapOutline);
}

void TimelinePainter::hatchOutOfRetention(int x0, int x1, int top, int height)
{
    const QRect r(x0, top, x1 - x0, height);
    m_p.fillRect(r, m_colors.outOfRetentionBackground);
    m_p.fillRect(r, QBrush(m_colors.outOfRetentionHatch, Qt::BDiagPattern));
}

void TimelinePainter::hatchLoading(int x0, int x1, int top, int height)
{
    m_p.fillRect(QRect(x0, top, x1 - x0, height), QBrush(m_colors.loadingHatch, Qt::FDiagPattern));
}

void TimelinePainter::paintFuture()
{
    const double x = xOf(m_s.now);
    if (x >= m_layout.timeRight)
        return;
    const int from = std::max(m_layout.timeLeft, int(std::ceil(x)));
    const int bottom = std::max(m_layout.bottom(), m_layout.bookmarkLane.bottom());
    m_p.fillRect(QRect(from, m_layout.alarmLane.top(), m_layout.timeRight + 1 - from, bottom - m_layout.alarmLane.top() + 1),
                 m_colors.future);
}

void TimelinePainter::paintAlarms()
{
    const QList<TimelineAlarm>& alarms = *m_s.alarms;
    const int left = m_layout.timeLeft;
    const int width = m_layout.timeWidth();
    // Per pixel column, the most urgent alarm there (4 - priority + 1; 0: none): thousands of alarms
    // collapse to at most one tick per column, and an urgent one is never hidden under a routine one.
    std::vector<quint8> urgency(size_t(width) + 1, 0);
    const qint64 from = m_scale.start() - qint64(std::ceil(m_scale.msPerPixel() * kAlarmTickPx));
    auto it = std::lower_bound(alarms.cbegin(), alarms.cend(), from,
                               [](const TimelineAlarm& a, qint64 t) { return a.time < t; });
    bool any = false;
    for (; it != alarms.cend() && it->time < m_scale.end(); ++it) {
        const int column = int(std::floor(m_scale.xForTime(it->time)));
        if (column < -kAlarmTickPx || column > width)
            continue;
        const size_t c = size_t(std::max(column, 0));
        urgency[c] = std::max<quint8>(urgency[c], quint8(5 - std::clamp(it->priority, 1, 4)));
        any = true;
    }
    if (!any)
        return;
    const QRect lane = m_layout.alarmLane;
    for (int level = 1; level <= 4; ++level) {  // routine first, so urgent ticks are drawn over them
        const QColor colour = m_colors.alarm(5 - level);
        for (int c = 0; c <= width; ++c)
            if (urgency[size_t(c)] == level)
                m_p.fillRect(QRect(left + c, lane.top() + 2, kAlarmTickPx, lane.height() - 4), colour);
    }
}

void TimelinePainter::paintBookmarks()
{
    const QRect lane = m_layout.bookmarkLane;
    const int top = lane.top() + 2;
    const int height = lane.height() - 4;
    int coveredUntil = std::numeric_limits<int>::min();
    for (const TimelineBookmark& bookmark : *m_s.bookmarks) {
        if (bookmark.range.start >= m_scale.end())
            break;  // sorted by start
        if (bookmark.range.end <= m_scale.start())
            continue;
        const int x0 = int(std::floor(xOf(std::max(bookmark.range.start, m_scale.start()))));
        const int x1 = std::max(x0 + kMinBookmarkPx, int(std::ceil(xOf(std::min(bookmark.range.end, m_scale.end())))));
        if (x1 <= coveredUntil)
            continue;  // hidden under the previous bar at this zoom
        coveredUntil = std::max(coveredUntil, x1);
        const QRect bar(x0, top, x1 - x0, height);
        m_p.fillRect(bar, m_colors.bookmark);
        m_p.fillRect(QRect(x0, top, 1, height), m_colors.bookmark.lighter(140));  // its start, sharp
        if (bar.width() > m_metrics.averageCharWidth() * 6) {  // room for a few letters, not just "…"
            m_p.setPen(QColor(255, 255, 255));
            const QRect textRect = bar.adjusted(kLabelPad, 0, -2, 0);
            m_p.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                         m_metrics.elidedText(bookmark.title, Qt::ElideRight, textRect.width()));
        }
    }
}

void TimelinePainter::paintSelection()
{
    if (!m_s.selection || m_s.selection->isEmpty())
        return;
    const double a = xOf(m_s.selection->start);
    const double b = xOf(m_s.selection->end);
    if (b < m_layout.timeLeft || a > m_layout.timeRight)
        return;
    const int x0 = int(std::floor(std::max(a, double(m_layout.timeLeft - 1))));
    const int x1 = int(std::ceil(std::min(b, double(m_layout.timeRight + 1))));
    const int top = m_layout.ruler.top();
    const int bottom = std::max(m_layout.bottom(), m_layout.bookmarkLane.bottom());
    m_p.fillRect(QRect(x0, top, std::max(1, x1 - x0), bottom - top + 1), m_colors.selection);
    m_p.fillRect(QRect(x0, top, 1, bottom - top + 1), m_colors.selectionEdge);
    m_p.fillRect(QRect(x1 - 1, top, 1, bottom - top + 1), m_colors.selectionEdge);
}

void TimelinePainter::paintRuler(const TimelineScale::Ticks& ticks)
{
    const QRect ruler = m_layout.ruler;
    const int bottom = ruler.bottom();
    for (const TimelineScale::Tick& tick : ticks.minor)
        m_p.fillRect(QRect(int(std::floor(xOf(tick.time))), bottom - 3, 1, 3), m_colors.tick);
    for (const TimelineScale::Tick& tick : ticks.major)
        m_p.fillRect(QRect(int(std::floor(xOf(tick.time))), bottom - 7, 1, 7), m_colors.text);

    const int ascent = m_metrics.ascent();
    const int contextBaseline = ruler.top() + 3 + ascent;
    const int labelBaseline = contextBaseline + m_layout.lineHeight + 1;
    m_p.setPen(m_colors.text);
    for (const TimelineScale::Tick& tick : ticks.major) {
        // Only whole labels: a cut one ("5:30" for 05:30) reads as another time.
        const double x = std::floor(xOf(tick.time)) + kLabelPad;
        if (x < m_layout.timeLeft || x + m_metrics.horizontalAdvance(tick.label) > m_layout.timeRight)
            continue;
        m_p.drawText(QPointF(x, labelBaseline), tick.label);
    }

    // The context (date or month) label sticks to the left edge while its day is on screen and is
    // pushed out by the next one, as a list's section headers do.
    QFont bold = m_p.font();
    bold.setBold(true);
    m_p.save();
    m_p.setFont(bold);
    const QFontMetrics boldMetrics(bold);
    for (qsizetype i = 0; i < ticks.context.size(); ++i) {
        const TimelineScale::Tick& tick = ticks.context[i];
        const int width = boldMetrics.horizontalAdvance(tick.label);
        double x = std::max(xOf(tick.time), double(m_layout.timeLeft)) + kLabelPad;
        if (i + 1 < ticks.context.size())
            x = std::min(x, xOf(ticks.context[i + 1].time) - width - TimelineScale::kLabelGap);
        if (x < m_layout.timeLeft)
            continue;  // pushed out: a cut date ("ov 2026") would only puzzle; the next one is right there
        m_p.drawText(QPointF(std::floor(x), contextBaseline), tick.label);
    }
    m_p.restore();
}

void TimelinePainter::paintNow()
{
    const double x = xOf(m_s.now);
    if (x < m_layout.timeLeft - 1 || x > m_layout.timeRight + 1)
        return;
    const int xi = int(std::floor(x));
    const int top = m_layout.ruler.top();
    const int bottom = std::max(m_layout.bottom(), m_layout.bookmarkLane.bottom());
    m_p.fillRect(QRect(xi, top, 2, bottom - top + 1), m_colors.now);
    // A small flag on the ruler's baseline: the live edge reads as a place, not just another line.
    QPainterPath flag;
    const int y = m_layout.ruler.bottom();
    flag.moveTo(xi + 1, y - 8);
    flag.lineTo(xi + 7, y - 8);
    flag.lineTo(xi + 1, y - 2);
    flag.closeSubpath();
    m_p.fillPath(flag, m_colors.now);
}

void TimelinePainter::paintPlayhead()
{
    const double x = xOf(m_s.playhead);
    const int top = m_layout.ruler.top();
    const int bottom = std::max(m_layout.bottom(), m_layout.bookmarkLane.bottom());
    const bool onScreen = x >= m_layout.timeLeft && x < m_layout.timeRight + 1;
    QString text = m_scale.playheadLabel(m_s.playhead);
    // Off screen, the label waits at the edge it lies beyond, pointing at it.
    if (!onScreen)
        text = x < m_layout.timeLeft ? QStringLiteral("◀ ") + text : text + QStringLiteral(" ▶");
    const int boxWidth = m_metrics.horizontalAdvance(text) + 12;
    const int boxHeight = m_layout.lineHeight + 4;
    const int xi = int(std::floor(x));
    const int boxLeft = std::clamp(xi - boxWidth / 2, m_layout.timeLeft, std::max(m_layout.timeLeft, m_layout.timeRight - boxWidth));
    const QRect box(boxLeft, top + 1, boxWidth, boxHeight);
    m_p.save();
    m_p.setRenderHint(QPainter::Antialiasing, true);
    if (onScreen) {
        m_p.fillRect(QRect(xi, top, 2, bottom - top + 1), m_colors.playhead);
        QPainterPath pointer;
        pointer.moveTo(xi + 1 - 5, box.bottom() + 1);
        pointer.lineTo(xi + 1 + 5, box.bottom() + 1);
        pointer.lineTo(xi + 1, box.bottom() + 6);
        pointer.closeSubpath();
        m_p.fillPath(pointer, m_colors.playhead);
        QPainterPath rounded;
        rounded.addRoundedRect(QRectF(box), 3, 3);
        m_p.fillPath(rounded, m_colors.playhead);
        m_p.setPen(m_colors.playheadText);
    } else {
        QPainterPath rounded;
        rounded.addRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
        m_p.fillPath(rounded, m_colors.rulerBackground);
        m_p.setPen(m_colors.playhead);
        m_p.drawPath(rounded);
    }
    m_p.drawText(box, Qt::AlignCenter, text);
    m_p.restore();
}

void TimelinePainter::paintGutter()
{
    const QRect gutter = m_layout.gutter;
    m_p.fillRect(gutter, m_colors.gutterBackground);
    m_p.fillRect(QRect(gutter.right(), 0, 1, gutter.height()), m_colors.rowSeparator);
    const int pad = 8;
    const auto label = [this, pad, &gutter](int top, int height, const QString& text, const QColor& colour) {
        const QRect r(pad, top, gutter.width() - 2 * pad, height);
        m_p.setPen(colour);
        m_p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, m_metrics.elidedText(text, Qt::ElideRight, r.width()));
    };
    // The corner above the names: the time zone the labels are in (an investigation often spans sites).
    const QString zone = m_scale.timeZone().abbreviation(QDateTime::fromMSecsSinceEpoch(m_s.playhead));
    label(m_layout.ruler.top() + m_layout.lineHeight + 4, m_layout.lineHeight, zone, m_colors.mutedText);
    label(m_layout.alarmLane.top(), m_layout.alarmLane.height(), m_s.alarmLaneName, m_colors.mutedText);
    label(m_layout.bookmarkLane.top(), m_layout.bookmarkLane.height(), m_s.bookmarkLaneName, m_colors.mutedText);
    for (qsizetype i = 0; i < m_s.rows->size(); ++i) {
        const QRect r = m_layout.row(i);
        const TimelineRow& row = m_s.rows->at(i);
        label(r.top(), r.height(), row.label.isEmpty() ? row.cameraId : row.label, m_colors.text);
    }
    // Separators across the gutter too, drawn over its background.
    m_p.setPen(m_colors.rowSeparator);
    m_p.drawLine(0, m_layout.ruler.bottom(), gutter.right(), m_layout.ruler.bottom());
    m_p.drawLine(0, m_layout.alarmLane.bottom(), gutter.right(), m_layout.alarmLane.bottom());
    m_p.drawLine(0, m_layout.bookmarkLane.bottom(), gutter.right(), m_layout.bookmarkLane.bottom());
    for (qsizetype i = 0; i < m_s.rows->size(); ++i) {
        const int y = m_layout.row(i).bottom();
        m_p.drawLine(0, y, gutter.right(), y);
    }
    if (m_s.rows->isEmpty() && !m_s.emptyText.isEmpty()) {
        m_p.setPen(m_colors.mutedText);
        const QRect r(m_layout.timeLeft, m_layout.rows.top(), m_layout.timeWidth(), m_layout.rowHeight * 2);
        m_p.drawText(r, Qt::AlignCenter, m_s.emptyText);
    }
}

void TimelinePainter::paintFocus()
{
    if (!m_s.focused)
        return;
    m_p.setPen(m_colors.focus);
    m_p.setBrush(Qt::NoBrush);
    m_p.drawRect(QRect(0, 0, m_s.size.width() - 1, m_s.size.height() - 1));
}

}  // namespace vigie::widgets
