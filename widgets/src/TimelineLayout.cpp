#include "TimelineLayout.h"

#include <algorithm>

namespace vigie::widgets {

namespace {
// Room after the view's end, so that the live edge and the last label are not glued to the border.
constexpr int kRightMargin = 10;
}  // namespace

int TimelineLayout::gutterWidthFor(const QFontMetrics& metrics)
{
    return std::clamp(metrics.horizontalAdvance(QStringLiteral("Parking Vauban niveau -2")) + 16, 120, 320);
}

TimelineLayout TimelineLayout::compute(QSize size, const QFontMetrics& metrics, qsizetype rowCount, int gutterWidth)
{
    TimelineLayout l;
    l.lineHeight = metrics.height();
    l.timeLeft = gutterWidth;
    l.timeRight = std::max(l.timeLeft + 1, size.width() - kRightMargin);
    // Two text lines (dates above, times below) and the tick marks under them.
    const int rulerHeight = 2 * l.lineHeight + 12;
    const int laneHeight = l.lineHeight + 4;  // a bookmark's title fits in its bar
    l.rowHeight = l.lineHeight + 10;
    l.ruler = QRect(l.timeLeft, 0, l.timeWidth(), rulerHeight);
    l.alarmLane = QRect(l.timeLeft, l.ruler.bottom() + 1, l.timeWidth(), laneHeight);
    l.bookmarkLane = QRect(l.timeLeft, l.alarmLane.bottom() + 1, l.timeWidth(), laneHeight);
    const int rowsTop = l.bookmarkLane.bottom() + 1;
    l.rows = QRect(l.timeLeft, rowsTop, l.timeWidth(), std::max<int>(0, int(rowCount) * l.rowHeight));
    l.gutter = QRect(0, 0, gutterWidth, size.height());
    return l;
}

}  // namespace vigie::widgets
