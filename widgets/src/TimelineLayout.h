#pragma once
// Where each part of the timeline lies in the widget, from its size, font and row count: one definition
// for painting and hit-testing.

#include <QFontMetrics>
#include <QRect>

namespace vigie::widgets {

struct TimelineLayout {
    QRect gutter;        // camera and lane names, left of the time axis
    QRect ruler;         // the time ruler, over the time axis only
    QRect alarmLane;
    QRect bookmarkLane;
    QRect rows;          // every camera row together
    int rowHeight = 0;
    int timeLeft = 0;    // x of the view's start
    int timeRight = 0;   // x of the view's end (exclusive)
    int lineHeight = 0;  // one line of text

    int timeWidth() const { return timeRight - timeLeft; }
    QRect row(qsizetype index) const
    {
        return QRect(timeLeft, rows.top() + int(index) * rowHeight, timeWidth(), rowHeight);
    }
    // The vertical extent of everything drawn along the time axis (ruler to last row).
    int top() const { return ruler.top(); }
    int bottom() const { return rows.bottom(); }

    static TimelineLayout compute(QSize size, const QFontMetrics& metrics, qsizetype rowCount, int gutterWidth);
    // The gutter's width for the font: room for a camera name of about 24 characters.
    static int gutterWidthFor(const QFontMetrics& metrics);
};

}  // namespace vigie::widgets
