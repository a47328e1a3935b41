#include "vigie/widgets/TimelineSpans.h"

#include <algorithm>

namespace vigie::widgets {

void TimelineSpans::normalize(QList<TimeSpan>& spans)
{
    spans.removeIf([](const TimeSpan& span) { return span.isEmpty(); });
    std::sort(spans.begin(), spans.end(), [](const TimeSpan& a, const TimeSpan& b) { return a.start < b.start; });
    qsizetype kept = 0;
    for (qsizetype i = 0; i < spans.size(); ++i) {
        if (kept > 0 && spans[i].start <= spans[kept - 1].end)
            spans[kept - 1].end = std::max(spans[kept - 1].end, spans[i].end);
        else
            spans[kept++] = spans[i];
    }
    spans.resize(kept);
}

qsizetype TimelineSpans::firstEndingAfter(const QList<TimeSpan>& spans, qint64 time)
{
    // Normalized, the ends are sorted too.
    const auto it = std::upper_bound(spans.cbegin(), spans.cend(), time,
                                     [](qint64 t, const TimeSpan& span) { return t < span.end; });
    return it - spans.cbegin();
}

bool TimelineSpans::covers(const QList<TimeSpan>& spans, qint64 time)
{
    const qsizetype i = firstEndingAfter(spans, time);
    return i < spans.size() && spans[i].contains(time);
}

}  // namespace vigie::widgets
