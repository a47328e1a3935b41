#include "vigie/player/PlaybackClock.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace vigie::player {

namespace {

// Due times are computed in double microseconds and clamped: a far-away target must not overflow a
// time_point (a year is "never" for a frame).
constexpr double kFarMicros = 365.0 * 24 * 3600 * 1e6;

}  // namespace

bool PlaybackClock::isValidRate(double rate)
{
    const double magnitude = std::fabs(rate);
    return std::isfinite(rate) && magnitude >= kMinRate && magnitude <= kMaxRate;
}

std::int64_t PlaybackClock::Snapshot::positionAt(Steady::time_point now) const
{
    if (paused)
        return anchorUtcUs;
    const double elapsed = std::chrono::duration<double, std::micro>(now - anchorSteady).count();
    return anchorUtcUs + std::llround(elapsed * rate);
}

std::optional<PlaybackClock::Steady::time_point> PlaybackClock::Snapshot::when(std::int64_t utcUs) const
{
    if (paused)
        return std::nullopt;
    double micros = double(utcUs - anchorUtcUs) / rate;
    micros = std::clamp(micros, -kFarMicros, kFarMicros);
    return anchorSteady + std::chrono::microseconds(std::llround(std::ceil(micros)));
}

PlaybackClock::PlaybackClock(std::int64_t startUtcUs, SteadyNow steadyNow)
    : m_steadyNow(steadyNow ? std::move(steadyNow) : SteadyNow([] { return Steady::now(); }))
{
    m_state.anchorUtcUs = startUtcUs;
    m_state.anchorSteady = m_steadyNow();
    m_state.serialSince = m_state.anchorSteady;
}

PlaybackClock::Snapshot PlaybackClock::snapshot() const
{
    std::lock_guard lock(m_mutex);
    return m_state;
}

std::int64_t PlaybackClock::position() const
{
    const auto now = m_steadyNow();
    std::lock_guard lock(m_mutex);
    return m_state.positionAt(now);
}

double PlaybackClock::rate() const
{
    std::lock_guard lock(m_mutex);
    return m_state.rate;
}

bool PlaybackClock::isPaused() const
{
    std::lock_guard lock(m_mutex);
    return m_state.paused;
}

std::uint64_t PlaybackClock::serial() const
{
    std::lock_guard lock(m_mutex);
    return m_state.serial;
}

PlaybackClock::Steady::time_point PlaybackClock::now() const { return m_steadyNow(); }

void PlaybackClock::reanchorLocked(Steady::time_point now)
{
    m_state.anchorUtcUs = m_state.positionAt(now);
    m_state.anchorSteady = now;
}

void PlaybackClock::play()
{
    {
        const auto now = m_steadyNow();
        std::lock_guard lock(m_mutex);
        if (!m_state.paused)
            return;
        m_state.anchorSteady = now;  // the position stayed frozen at the anchor
        m_state.paused = false;
        ++m_state.version;
    }
    notifyListeners();
}

void PlaybackClock::pause()
{
    {
        const auto now = m_steadyNow();
        std::lock_guard lock(m_mutex);
        if (m_state.paused)
            return;
        reanchorLocked(now);
        m_state.paused = true;
        ++m_state.version;
    }
    notifyListeners();
}

void PlaybackClock::seek(std::int64_t utcUs)
{
    {
        const auto now = m_steadyNow();
        std::lock_guard lock(m_mutex);
        m_state.anchorUtcUs = utcUs;
        m_state.anchorSteady = now;
        ++m_state.serial;
        ++m_state.version;
        m_state.serialSince = now;
    }
    notifyListeners();
}

void PlaybackClock::pauseAt(std::int64_t utcUs)
{
    {
        const auto now = m_steadyNow();
        std::lock_guard lock(m_mutex);
        m_state.anchorUtcUs = utcUs;
        m_state.anchorSteady = now;
        m_state.paused = true;
        ++m_state.serial;
        ++m_state.version;
        m_state.serialSince = now;
    }
    notifyListeners();
}

bool PlaybackClock::setRate(double rate)
{
    if (!isValidRate(rate))
        return false;
    {
        const auto now = m_steadyNow();
        std::lock_guard lock(m_mutex);
        if (m_state.rate == rate)
            return true;
        reanchorLocked(now);
        m_state.rate = rate;
        ++m_state.version;
    }
    notifyListeners();
    return true;
}

PlaybackClock::ListenerId PlaybackClock::addListener(std::function<void()> listener)
{
    std::lock_guard lock(m_listenerMutex);
    const ListenerId id = m_nextListenerId++;
    m_listeners.emplace_back(id, std::move(listener));
    return id;
}

void PlaybackClock::removeListener(ListenerId id)
{
    std::lock_guard lock(m_listenerMutex);
    std::erase_if(m_listeners, [id](const auto& entry) { return entry.first == id; });
}

void PlaybackClock::notifyListeners()
{
    std::lock_guard lock(m_listenerMutex);
    for (const auto& entry : m_listeners)
        entry.second();
}

}  // namespace vigie::player
