#pragma once
// Decides how much of one live stream to decode (OverloadLevel) from how far its pictures fall behind
// real time. Pure: no threads, no libav; the caller passes the time of each observation (an injectable
// clock), so the policy is tested without a stream.
//
// Lag: wall time elapsed since a reference frame minus the stream time (pts) elapsed since it. A frame
// earlier than the reference predicts becomes the new reference, so the lag is how far the stream has
// slipped behind its best pace so far. The reference is dropped (rebase) when the stream resets: a new
// connection, a stall, pts going backwards or jumping ahead by more than kDiscontinuity (pictures come
// in presentation order, so pts never go back within one stream).
//
// Policy (thresholds from OverloadThresholds, see vigie/player/Overload.h):
// - Step down one level when the lag stays above degradeLag for degradeHold. The reference is then
//   re-based, so the next step needs the lag to grow again at the new level (a backlog that drains does
//   not count twice).
// - Step up one level when the lag stays at most recoverLag and the decode load measured over the same
//   window (time spent decoding / wall time) stays under recoverLoad, for recoverHold. At a degraded
//   level the load is that of the reduced work, so a step up can still turn out too much: if it is undone
//   within flapWindow, the next recoverHold doubles (up to maxRecoverHold); a step up that lasts resets it.
// - High priority doubles degradeLag and degradeHold and halves recoverHold: it degrades later and
//   recovers first.
//
// Thread affinity: none (a value type); a StreamWorker uses one on its worker thread.

#include <chrono>
#include <cstdint>
#include <optional>

#include "vigie/player/Overload.h"

namespace vigie::player {

class OverloadGovernor {
public:
    using Clock = std::chrono::steady_clock;
    // pts jumps ahead by more than this are a new stream, not a lead to wait for.
    static constexpr std::chrono::seconds kDiscontinuity{5};

    explicit OverloadGovernor(OverloadThresholds thresholds = {}) : m_thresholds(thresholds) {}

    // The thresholds that apply to a priority (Normal: as given).
    static OverloadThresholds thresholdsFor(const OverloadThresholds& normal, StreamPriority priority);

    void setPriority(StreamPriority priority) { m_priority = priority; }
    StreamPriority priority() const { return m_priority; }

    // The stream restarts (reconnection, stall, seek): forget the lag reference, keep the level.
    void rebase();
    // A new run: Full, no history.
    void reset();

    // One decoded picture: it came out at `now` with presentation time `ptsMicros`; `decodeTime` is the
    // time spent decoding since the previous call. Returns the level to apply from now on.
    OverloadLevel onFrame(Clock::time_point now, std::int64_t ptsMicros, Clock::duration decodeTime);

    OverloadLevel level() const { return m_level; }
    Clock::duration lag() const { return m_lag; }  // as of the last frame
    // The hold before the next step up, backoff included.
    Clock::duration recoverHold() const;

private:
    void stepDown(Clock::time_point now);
    void stepUp(Clock::time_point now);

    OverloadThresholds m_thresholds;
    StreamPriority m_priority = StreamPriority::Normal;
    OverloadLevel m_level = OverloadLevel::Full;

    bool m_anchored = false;
    Clock::time_point m_anchorWall{};
    std::int64_t m_anchorPts = 0;
    std::int64_t m_lastPts = 0;
    Clock::duration m_lag{};

    std::optional<Clock::time_point> m_behindSince;    // lag above degradeLag since then
    std::optional<Clock::time_point> m_headroomSince;  // lag at most recoverLag since then
    Clock::duration m_headroomDecode{};                // decode time spent since m_headroomSince
    std::optional<Clock::time_point> m_lastStepUp;     // to notice a step up undone within flapWindow
    int m_holdDoublings = 0;                           // recoverHold backoff: x 2^m_holdDoublings
};

}  // namespace vigie::player
