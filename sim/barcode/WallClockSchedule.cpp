#include "WallClockSchedule.h"

#include <stdexcept>

namespace vigie::barcode {

namespace {

// Floor division and a non-negative modulo: instants before the epoch are not expected, but the
// arithmetic stays right for them.
std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

std::int64_t floorMod(std::int64_t a, std::int64_t b) { return a - floorDiv(a, b) * b; }

} // namespace

WallClockSchedule::WallClockSchedule(std::vector<bool> keyFrames, std::int64_t frameMs)
    : m_keyFrames(std::move(keyFrames)), m_frameMs(frameMs)
{
    if (m_keyFrames.empty() || !m_keyFrames.front() || m_frameMs <= 0)
        throw std::invalid_argument("a loop needs frames, a key frame first and a positive frame duration");
}

WallClockSchedule WallClockSchedule::regular(int loopFrames, int keyInterval, std::int64_t frameMs)
{
    std::vector<bool> keyFrames(static_cast<std::size_t>(loopFrames > 0 ? loopFrames : 0));
    for (std::size_t i = 0; i < keyFrames.size(); ++i)
        keyFrames[i] = keyInterval > 0 && i % static_cast<std::size_t>(keyInterval) == 0;
    return WallClockSchedule(std::move(keyFrames), frameMs);
}

std::int64_t WallClockSchedule::tickAt(std::int64_t realtimeMs) const { return floorDiv(realtimeMs, m_frameMs); }

int WallClockSchedule::frameIndex(std::int64_t tick) const
{
    return static_cast<int>(floorMod(tick, static_cast<std::int64_t>(m_keyFrames.size())));
}

std::int64_t WallClockSchedule::startTick(std::int64_t realtimeMs) const
{
    std::int64_t tick = tickAt(realtimeMs);
    // Frame 0 is a key frame, so this ends within one loop.
    while (!m_keyFrames[static_cast<std::size_t>(frameIndex(tick))])
        --tick;
    return tick;
}

std::int64_t WallClockSchedule::sentTick(std::uint32_t value, std::int64_t realtimeMs) const
{
    const std::int64_t now = tickAt(realtimeMs);
    const std::int64_t loop = static_cast<std::int64_t>(m_keyFrames.size());
    return now - floorMod(now - static_cast<std::int64_t>(value), loop);
}

std::int64_t WallClockSchedule::latencyMs(std::uint32_t value, std::int64_t realtimeMs) const
{
    return realtimeMs - tickTimeMs(sentTick(value, realtimeMs));
}

} // namespace vigie::barcode
