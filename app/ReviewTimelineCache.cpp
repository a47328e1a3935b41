#include "ReviewTimelineCache.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

#include "vigie/widgets/TimelineSpans.h"

namespace vigie::app {

using vigie::widgets::TimelineRow;
using vigie::widgets::TimelineSpans;

qint64 ReviewTimelineCache::levelFor(double msPerPixel)
{
    if (!(msPerPixel >= 1.0))  // also NaN
        return 1;
    const auto whole = quint64(std::min(msPerPixel, 1e15));
    return qint64(std::bit_floor(whole));
}

QList<ReviewTimelineCache::TimeSpan> ReviewTimelineCache::clipped(const QList<TimeSpan>& spans, const TimeSpan& range)
{
    QList<TimeSpan> out;
    for (qsizetype i = TimelineSpans::firstEndingAfter(spans, range.start); i < spans.size(); ++i) {
        if (spans[i].start >= range.end)
            break;
        out.append({std::max(spans[i].start, range.start), std::min(spans[i].end, range.end)});
    }
    return out;
}

QList<ReviewTimelineCache::TimeSpan> ReviewTimelineCache::uncovered(const TimeSpan& range, const QList<TimeSpan>& spans)
{
    QList<TimeSpan> out;
    qint64 at = range.start;
    for (qsizetype i = TimelineSpans::firstEndingAfter(spans, range.start); i < spans.size() && at < range.end; ++i) {
        if (spans[i].start >= range.end)
            break;
        if (spans[i].start > at)
            out.append({at, spans[i].start});
        at = std::max(at, spans[i].end);
    }
    if (at < range.end)
        out.append({at, range.end});
    return out;
}

QList<ReviewTimelineCache::TimeSpan> ReviewTimelineCache::subtracted(const QList<TimeSpan>& spans, const QList<TimeSpan>& holes)
{
    if (holes.isEmpty())
        return spans;
    QList<TimeSpan> out;
    for (const TimeSpan& span : spans)
        out.append(uncovered(span, holes));
    return out;
}

ReviewTimelineCache::TimeSpan ReviewTimelineCache::missing(qint64 level, const TimeSpan& want) const
{
    if (want.isEmpty())
        return {};
    const auto it = m_levels.constFind(level);
    const QList<TimeSpan> holes = it == m_levels.cend() ? QList<TimeSpan>{want} : uncovered(want, it->fetched);
    if (holes.isEmpty())
        return {};
    // One call for the hull: a level is fetched in few, large pieces, and one call per camera in flight
    // is the rule anyway.
    return {holes.first().start, holes.last().end};
}

void ReviewTimelineCache::store(qint64 level, const TimeSpan& answered, QList<TimeSpan> recorded, QList<TimeSpan> gaps,
                                QList<TimeSpan> outOfRetention)
{
    if (answered.isEmpty())
        return;
    Level& l = m_levels[level];
    l.lastUse = ++m_uses;
    const QList<TimeSpan> hole{answered};
    const auto replace = [&](QList<TimeSpan>& kept, QList<TimeSpan> fresh) {
        kept = subtracted(kept, hole);
        // The backend may widen a short recording past the range asked (a pixel's worth): keep to it.
        TimelineSpans::normalize(fresh);
        kept.append(clipped(fresh, answered));
        TimelineSpans::normalize(kept);
    };
    replace(l.recorded, std::move(recorded));
    replace(l.gaps, std::move(gaps));
    replace(l.outOfRetention, std::move(outOfRetention));
    l.known = l.recorded + l.gaps + l.outOfRetention;
    TimelineSpans::normalize(l.known);
    l.fetched.append(answered);
    TimelineSpans::normalize(l.fetched);
    if (l.recorded.size() + l.gaps.size() + l.outOfRetention.size() > kMaxSpansPerLevel) {
        m_levels.remove(level);
        return;
    }
    trim(level);
}

void ReviewTimelineCache::invalidateFrom(qint64 from)
{
    const QList<TimeSpan> hole{{from, std::numeric_limits<qint64>::max()}};
    for (Level& l : m_levels)
        l.fetched = subtracted(l.fetched, hole);
}

TimelineRow ReviewTimelineCache::row(qint64 level, const TimeSpan& range, qint64 now)
{
    TimelineRow row;
    QList<TimeSpan> known;
    const auto take = [&](const Level& l) {
        // Only where the levels taken so far know nothing: the current level first, then the finer ones.
        const QList<TimeSpan> fresh = subtracted(clipped(l.known, range), known);
        if (fresh.isEmpty())
            return;
        row.recorded.append(subtracted(clipped(l.recorded, range), known));
        row.gaps.append(subtracted(clipped(l.gaps, range), known));
        row.outOfRetention.append(subtracted(clipped(l.outOfRetention, range), known));
        known.append(fresh);
        TimelineSpans::normalize(known);
    };
    if (auto it = m_levels.find(level); it != m_levels.end()) {
        it->lastUse = ++m_uses;
        take(*it);
    }
    for (auto it = m_levels.cbegin(); it != m_levels.cend(); ++it)
        if (it.key() != level)
            take(*it);
    const TimeSpan past{range.start, std::min(range.end, now)};
    if (!past.isEmpty())
        row.loading = uncovered(past, known);
    return row;
}

void ReviewTimelineCache::trim(qint64 keep)
{
    while (m_levels.size() > kMaxLevels) {
        auto oldest = m_levels.end();
        for (auto it = m_levels.begin(); it != m_levels.end(); ++it)
            if (it.key() != keep && (oldest == m_levels.end() || it->lastUse < oldest->lastUse))
                oldest = it;
        if (oldest == m_levels.end())
            return;
        m_levels.erase(oldest);
    }
}

}  // namespace vigie::app
