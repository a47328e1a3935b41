#pragma once
// Every colour of the incident-review timeline, in one place. Backgrounds and text come from the
// application palette (Theme: dark by default); the meaning-bearing colours (recorded, alarm priorities,
// playhead, live edge) are fixed, chosen to stay apart from each other at a glance and to read on both
// the dark and the light palette.

#include <QColor>
#include <QPalette>

namespace vigie::widgets {

struct TimelineColors {
    QColor rowBackground;
    QColor rowSeparator;
    QColor rulerBackground;
    QColor laneBackground;
    QColor gutterBackground;
    QColor text;
    QColor mutedText;
    QColor tick;
    QColor grid;     // faint vertical line at each labelled tick, across the rows
    QColor dayGrid;  // stronger one at local midnight
    QColor recorded;
    QColor gapOutline;
    QColor outOfRetentionBackground;
    QColor outOfRetentionHatch;
    QColor loadingHatch;
    QColor future;  // veil over what lies after the live edge
    QColor now;
    QColor playhead;
    QColor playheadText;
    QColor selection;  // translucent
    QColor selectionEdge;
    QColor bookmark;
    QColor focus;
    QColor alarmPriority[4];  // priorities 1 (highest) .. 4

    // The colour of an alarm of that priority (out-of-range priorities take the nearest).
    QColor alarm(int priority) const;

    static TimelineColors forPalette(const QPalette& palette);
};

}  // namespace vigie::widgets
