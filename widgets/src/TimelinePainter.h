#pragma once
// Draws the timeline from its state. Cost follows what is on screen, not what is loaded: spans and
// markers are found by binary search over the view, and whatever falls within one pixel is drawn once
// (a row of 10 000 spans over a 30-day view is at most a few hundred rectangles).

#include <QFontMetrics>
#include <QList>
#include <QSize>
#include <QString>

#include <optional>

#include "TimelineLayout.h"
#include "vigie/widgets/TimelineColors.h"
#include "vigie/widgets/TimelineData.h"
#include "vigie/widgets/TimelineScale.h"

class QPainter;

namespace vigie::widgets {

class TimelinePainter {
public:
    struct State {
        const TimelineScale* scale = nullptr;
        const TimelineLayout* layout = nullptr;
        const TimelineColors* colors = nullptr;
        const QList<TimelineRow>* rows = nullptr;
        const QList<TimelineAlarm>* alarms = nullptr;        // sorted by time
        const QList<TimelineBookmark>* bookmarks = nullptr;  // sorted by start
        QSize size;  // the widget's
        qint64 now = 0;
        qint64 playhead = 0;
        std::optional<TimeSpan> selection;
        bool focused = false;
        // Translated by the widget.
        QString alarmLaneName;
        QString bookmarkLaneName;
        QString emptyText;
    };

    TimelinePainter(QPainter& painter, const QFontMetrics& metrics, const State& state);
    void paint();

private:
    void paintBackgrounds();
    void paintGrid(const TimelineScale::Ticks& ticks);
    void paintRows();
    void paintSpans(const QList<TimeSpan>& spans, int top, int height, int minWidth,
                    void (TimelinePainter::*draw)(int x0, int x1, int top, int height));
    void fillRecorded(int x0, int x1, int top, int height);
    void outlineGap(int x0, int x1, int top, int height);
    void hatchOutOfRetention(int x0, int x1, int top, int height);
    void hatchLoading(int x0, int x1, int top, int height);
    void paintFuture();
    void paintAlarms();
    void paintBookmarks();
    void paintSelection();
    void paintRuler(const TimelineScale::Ticks& ticks);
    void paintNow();
    void paintPlayhead();
    void paintGutter();
    void paintFocus();

    // Pixel column (widget x) of a time, unclamped.
    double xOf(qint64 time) const;

    QPainter& m_p;
    const QFontMetrics& m_metrics;
    const State& m_s;
    const TimelineScale& m_scale;
    const TimelineLayout& m_layout;
    const TimelineColors& m_colors;
};

}  // namespace vigie::widgets
