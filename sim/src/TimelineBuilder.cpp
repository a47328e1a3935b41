#include "TimelineBuilder.h"

#include <algorithm>

namespace vigie::sim {

namespace {

using Span = TimelineBuilder::Span;
using Kind = TimelineBuilder::Kind;
using Intervals = TimelineBuilder::Intervals;

// Appends, merging with the last span when it is of the same kind (and lock) and touches or overlaps.
void append(std::vector<Span>* spans, Span span)
{
    if (span.endMs <= span.startMs)
        return;
    if (!spans->empty() && spans->back().kind == span.kind && spans->back().locked == span.locked &&
        spans->back().endMs >= span.startMs) {
        spans->back().endMs = std::max(spans->back().endMs, span.endMs);
        return;
    }
    spans->push_back(span);
}

// Coverage counting: +1 at each interval's start, -1 at its end, sorted by position.
std::vector<std::pair<std::int64_t, int>> deltasOf(const Intervals& intervals)
{
    std::vector<std::pair<std::int64_t, int>> deltas;
    deltas.reserve(intervals.size() * 2);
    for (const auto& [start, end] : intervals) {
        if (end <= start)
            continue;
        deltas.emplace_back(start, +1);
        deltas.emplace_back(end, -1);
    }
    std::sort(deltas.begin(), deltas.end());
    return deltas;
}

} // namespace

TimelineBuilder::Result TimelineBuilder::build(const Intervals& recorded, std::int64_t fromMs, std::int64_t toMs,
                                               std::int64_t availableFromMs, std::int64_t resolutionMs,
                                               std::size_t maxSpans, const Intervals& locked)
{
    Result result;
    if (fromMs >= toMs)
        return result;
    const std::vector<Span> exact = exactSpans(recorded, locked, fromMs, toMs, availableFromMs);
    std::int64_t resolution = std::max<std::int64_t>(0, resolutionMs);
    for (;;) {
        result.spans = resolution > 0 ? atResolution(exact, fromMs, toMs, availableFromMs, resolution) : exact;
        result.effectiveResolutionMs = resolution;
        if (result.spans.size() <= std::max<std::size_t>(maxSpans, 1))
            return result;
        // Each pass at least doubles it, and at twice range / maxSpans no more than maxSpans spans (each
        // recording widened to the resolution, each gap as long) fit.
        const std::int64_t floor =
            (toMs - fromMs) / static_cast<std::int64_t>(std::max<std::size_t>(maxSpans / 2, 1)) + 1;
        resolution = std::max({resolution * 2, floor, std::int64_t{1}});
    }
}

std::vector<Span> TimelineBuilder::exactSpans(const Intervals& recorded, const Intervals& locked, std::int64_t fromMs,
                                              std::int64_t toMs, std::int64_t availableFromMs)
{
    // Every boundary inside the range, then one elementary piece between two consecutive ones.
    std::vector<std::int64_t> points = {fromMs, toMs};
    if (availableFromMs > fromMs && availableFromMs < toMs)
        points.push_back(availableFromMs);
    for (const Intervals* intervals : {&recorded, &locked}) {
        for (const auto& [start, end] : *intervals) {
            if (start > fromMs && start < toMs)
                points.push_back(start);
            if (end > fromMs && end < toMs)
                points.push_back(end);
        }
    }
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());

    const auto recordedDeltas = deltasOf(recorded);
    const auto lockedDeltas = deltasOf(locked);
    std::size_t nextRecorded = 0;
    std::size_t nextLocked = 0;
    int recordedCount = 0;
    int lockedCount = 0;
    std::vector<Span> spans;
    for (std::size_t i = 0; i + 1 < points.size(); ++i) {
        const std::int64_t a = points[i];
        const std::int64_t b = points[i + 1];
        while (nextRecorded < recordedDeltas.size() && recordedDeltas[nextRecorded].first <= a)
            recordedCount += recordedDeltas[nextRecorded++].second;
        while (nextLocked < lockedDeltas.size() && lockedDeltas[nextLocked].first <= a)
            lockedCount += lockedDeltas[nextLocked++].second;
        const bool isRecorded = recordedCount > 0;
        const bool isLocked = lockedCount > 0;
        const bool beforeWindow = b <= availableFromMs;
        Span span{Kind::Gap, a, b, false};
        if (isRecorded && (isLocked || !beforeWindow)) {
            span.kind = Kind::Recorded;
            span.locked = isLocked;
        } else if (beforeWindow) {
            span.kind = Kind::OutOfRetention;
        }
        append(&spans, span);
    }
    return spans;
}

std::vector<Span> TimelineBuilder::atResolution(const std::vector<Span>& exact, std::int64_t /*fromMs*/,
                                                std::int64_t toMs, std::int64_t availableFromMs,
                                                std::int64_t resolution)
{
    // Short gaps next to a recording become part of it (of the one before, else the one after).
    std::vector<Span> absorbed = exact;
    for (std::size_t i = 0; i < absorbed.size(); ++i) {
        Span& span = absorbed[i];
        if (span.kind != Kind::Gap || span.endMs - span.startMs >= resolution)
            continue;
        const Span* before = i > 0 && absorbed[i - 1].kind == Kind::Recorded ? &absorbed[i - 1] : nullptr;
        const Span* after = i + 1 < absorbed.size() && exact[i + 1].kind == Kind::Recorded ? &exact[i + 1] : nullptr;
        if (before || after) {
            span.locked = before ? before->locked : after->locked;
            span.kind = Kind::Recorded;
        }
    }
    std::vector<Span> merged;
    for (const Span& span : absorbed)
        append(&merged, span);

    // Short recordings widened to the resolution, eating into the gaps around them.
    std::vector<Span> out;
    for (Span span : merged) {
        if (!out.empty() && out.back().endMs > span.startMs) {
            // The previous recording was widened over this span's start.
            span.startMs = out.back().endMs;
            if (span.endMs <= span.startMs)
                continue;
        }
        if (span.kind == Kind::Recorded && span.endMs - span.startMs < resolution) {
            span.endMs = std::min(toMs, span.startMs + resolution);
            if (span.endMs - span.startMs < resolution) {
                // At the range's end: widen backwards over a preceding gap (never over retention).
                const std::int64_t wanted = std::max(availableFromMs, span.endMs - resolution);
                if (!out.empty() && out.back().kind == Kind::Gap) {
                    out.back().endMs = std::max(out.back().startMs, std::min(out.back().endMs, wanted));
                    span.startMs = out.back().endMs;
                    if (out.back().endMs <= out.back().startMs)
                        out.pop_back();
                }
            }
        }
        append(&out, span);
    }
    return out;
}

} // namespace vigie::sim
