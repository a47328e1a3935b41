#pragma once
// Span lists as the timeline keeps them: sorted by start, without overlaps, so that the spans in view
// are found by binary search (a row may hold 10 000 spans and the painter must not walk them all).

#include "vigie/widgets/TimelineData.h"

namespace vigie::widgets {

class TimelineSpans {
public:
    // Drops empty spans, sorts by start and merges overlapping or touching ones.
    static void normalize(QList<TimeSpan>& spans);
    // Index of the first span of a normalized list ending after `time` (size() when none).
    static qsizetype firstEndingAfter(const QList<TimeSpan>& spans, qint64 time);
    // Whether a normalized list has a span holding `time`.
    static bool covers(const QList<TimeSpan>& spans, qint64 time);
};

}  // namespace vigie::widgets
