#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace vigie::sim {

// GetTimeline's arithmetic (recordings.proto), pure: from the recorded intervals of one camera, the spans
// RECORDED / GAP / OUT_OF_RETENTION that cover a range, at a resolution. Times are UTC milliseconds.
class TimelineBuilder {
public:
    enum class Kind { Recorded, Gap, OutOfRetention };
    struct Span {
        Kind kind = Kind::Gap;
        std::int64_t startMs = 0;
        std::int64_t endMs = 0;
        bool locked = false;  // a recording held by an evidence lock
        bool operator==(const Span&) const = default;
    };
    struct Result {
        std::vector<Span> spans;
        std::int64_t effectiveResolutionMs = 0;
    };

    static constexpr std::size_t kMaxSpans = 10'000;

    // `recorded`: [start, end) intervals sorted by start (they may touch or overlap); [fromMs, toMs): the
    // range, its end already clipped to now; `availableFromMs`: start of the retention window, before
    // which everything is OUT_OF_RETENTION. `resolutionMs` 0: exact spans. Otherwise gaps shorter than it
    // next to a recording are absorbed into it, and recorded spans shorter than it are widened to it
    // (forwards, or backwards at the range's end) so that a short recording is never hidden. The
    // resolution is doubled (at least to range / maxSpans) until at most `maxSpans` spans remain.
    // `locked`: the ranges active evidence locks hold. Recordings there are flagged `locked`, and stay
    // RECORDED before the retention window (elsewhere before it: OUT_OF_RETENTION).
    using Intervals = std::vector<std::pair<std::int64_t, std::int64_t>>;
    static Result build(const Intervals& recorded, std::int64_t fromMs, std::int64_t toMs, std::int64_t availableFromMs,
                        std::int64_t resolutionMs, std::size_t maxSpans = kMaxSpans, const Intervals& locked = {});

private:
    static std::vector<Span> exactSpans(const Intervals& recorded, const Intervals& locked, std::int64_t fromMs,
                                        std::int64_t toMs, std::int64_t availableFromMs);
    static std::vector<Span> atResolution(const std::vector<Span>& exact, std::int64_t fromMs, std::int64_t toMs,
                                          std::int64_t availableFromMs, std::int64_t resolutionMs);
};

} // namespace vigie::sim
