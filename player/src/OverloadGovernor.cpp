#include "OverloadGovernor.h"

#include <algorithm>

namespace vigie::player {

namespace {
constexpr int kMaxDoublings = 10;  // 2^10 x recoverHold is far beyond any maxRecoverHold
}  // namespace

OverloadThresholds OverloadGovernor::thresholdsFor(const OverloadThresholds& normal, StreamPriority priority)
{
    if (priority == StreamPriority::Normal)
        return normal;
    OverloadThresholds high = normal;
    high.degradeLag = 2 * normal.degradeLag;
    high.degradeHold = 2 * normal.degradeHold;
    high.recoverHold = normal.recoverHold / 2;
    return high;
}

void OverloadGovernor::rebase()
{
    m_anchored = false;
    m_lag = {};
    m_behindSince.reset();
    m_headroomSince.reset();
    m_headroomDecode = {};
}

void OverloadGovernor::reset()
{
    rebase();
    m_level = OverloadLevel::Full;
    m_lastStepUp.reset();
    m_holdDoublings = 0;
}

OverloadGovernor::Clock::duration OverloadGovernor::recoverHold() const
{
    const OverloadThresholds t = thresholdsFor(m_thresholds, m_priority);
    const Clock::duration hold = t.recoverHold * (std::int64_t(1) << m_holdDoublings);
    return std::max<Clock::duration>(t.recoverHold, std::min<Clock::duration>(hold, t.maxRecoverHold));
}

OverloadLevel OverloadGovernor::onFrame(Clock::time_point now, std::int64_t ptsMicros, Clock::duration decodeTime)
{
    const OverloadThresholds t = thresholdsFor(m_thresholds, m_priority);
    const std::int64_t jumpLimit = std::chrono::microseconds(kDiscontinuity).count();
    if (m_anchored && (ptsMicros < m_lastPts || ptsMicros > m_lastPts + jumpLimit))
        rebase();  // a looping file, a camera that reset its clock, a gap in a recording: a new stream
    m_lastPts = ptsMicros;
    if (!m_anchored) {
        m_anchored = true;
        m_anchorWall = now;
        m_anchorPts = ptsMicros;
        m_lag = {};
        return m_level;
    }

    m_lag = (now - m_anchorWall) - std::chrono::microseconds(ptsMicros - m_anchorPts);
    if (m_lag < Clock::duration::zero()) {
        // Earlier than the reference predicts: this frame is the better reference.
        m_anchorWall = now;
        m_anchorPts = ptsMicros;
        m_lag = {};
    }

    if (m_lastStepUp && now - *m_lastStepUp > t.flapWindow) {
        m_lastStepUp.reset();  // the last step up held: back to the plain hold
        m_holdDoublings = 0;
    }

    if (m_lag > t.degradeLag) {
        m_headroomSince.reset();
        if (!m_behindSince)
            m_behindSince = now;
        else if (now - *m_behindSince >= t.degradeHold && m_level != OverloadLevel::KeyFramesOnly)
            stepDown(now);
        return m_level;
    }
    m_behindSince.reset();

    if (m_level == OverloadLevel::Full || m_lag > t.recoverLag) {
        m_headroomSince.reset();
        return m_level;
    }
    if (!m_headroomSince) {
        m_headroomSince = now;
        m_headroomDecode = {};
        return m_level;
    }
    m_headroomDecode += decodeTime;
    const Clock::duration window = now - *m_headroomSince;
    if (window >= recoverHold()) {
        const double load = std::chrono::duration<double>(m_headroomDecode).count()
                            / std::chrono::duration<double>(window).count();
        if (load < t.recoverLoad)
            stepUp(now);
        // Either way a new window starts: the load is judged over whole holds.
        m_headroomSince = now;
        m_headroomDecode = {};
    }
    return m_level;
}

void OverloadGovernor::stepDown(Clock::time_point now)
{
    m_level = OverloadLevel(int(m_level) + 1);
    if (m_lastStepUp && now - *m_lastStepUp <= m_thresholds.flapWindow)
        m_holdDoublings = std::min(m_holdDoublings + 1, kMaxDoublings);
    m_lastStepUp.reset();
    // Measure the lag afresh at the new level: the next step needs it to grow again.
    m_anchorWall = now;
    m_anchorPts = m_lastPts;
    m_lag = {};
    m_behindSince.reset();
    m_headroomSince.reset();
}

void OverloadGovernor::stepUp(Clock::time_point now)
{
    m_level = OverloadLevel(int(m_level) - 1);
    m_lastStepUp = now;
}

}  // namespace vigie::player
