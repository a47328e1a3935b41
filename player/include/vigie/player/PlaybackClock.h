#pragma once
// The shared time of a review: every tile playing recordings in sync follows one PlaybackClock.
//
// position (UTC microseconds) = anchor + (steadyNow - anchorSteady) * rate while playing; frozen while paused.
// Rates: forward 1/8 .. 16, reverse -1/8 .. -16, never 0 (a stopped clock is a paused one). Changing the rate,
// pausing or resuming keeps the position continuous; seek() and pauseAt() jump, and bump `serial` (as ffplay's
// packet serials): a worker that sees a new serial drops what it was preparing and presents the frame at the
// new position.
//
// Listeners are wake-ups: called after every change, on the thread that made it, outside the clock's state
// lock, so that a worker waiting for a frame's due time wakes at once instead of polling. They must be short
// and must not call into the clock's setters (reading a snapshot is fine) nor add or remove listeners.
//
// Thread-safety: every member may be called from any thread. The steady-clock function is injectable for
// tests; a clock that drives PlaybackSessions must use the real std::chrono::steady_clock (the default),
// because the workers wait on it.

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

namespace vigie::player {

class PlaybackClock {
public:
    using Steady = std::chrono::steady_clock;
    using SteadyNow = std::function<Steady::time_point()>;
    using ListenerId = std::uint64_t;

    static constexpr double kMinRate = 1.0 / 8.0;  // slowest speed, either direction
    static constexpr double kMaxRate = 16.0;       // fastest speed, either direction
    // |rate| in [1/8, 16] and not 0; finite.
    static bool isValidRate(double rate);

    // A consistent copy of the clock's state, to compute positions and due times without locking.
    struct Snapshot {
        std::int64_t anchorUtcUs = 0;
        Steady::time_point anchorSteady{};
        double rate = 1.0;
        bool paused = true;
        std::uint64_t serial = 0;          // bumped by seek() and pauseAt()
        std::uint64_t version = 0;         // bumped by every change
        Steady::time_point serialSince{};  // when `serial` last changed (seek-to-picture measurements)

        std::int64_t positionAt(Steady::time_point now) const;
        // When the position reaches utcUs; nullopt while paused. A time in the past when the position has
        // already passed it (in the direction of play): what is due is late, never lost.
        std::optional<Steady::time_point> when(std::int64_t utcUs) const;
    };

    // Paused at startUtcUs, rate 1.
    explicit PlaybackClock(std::int64_t startUtcUs = 0, SteadyNow steadyNow = {});
    PlaybackClock(const PlaybackClock&) = delete;
    PlaybackClock& operator=(const PlaybackClock&) = delete;

    Snapshot snapshot() const;
    std::int64_t position() const;
    double rate() const;
    bool isPaused() const;
    std::uint64_t serial() const;
    Steady::time_point now() const;

    void play();
    void pause();
    // Jumps to utcUs (playing or paused as before) and bumps the serial.
    void seek(std::int64_t utcUs);
    // Pauses at utcUs and bumps the serial, in one change (frame stepping).
    void pauseAt(std::int64_t utcUs);
    // False (nothing changes) for an invalid rate. The position stays continuous.
    bool setRate(double rate);

    ListenerId addListener(std::function<void()> listener);
    // Once this returns, the listener is never called again (it may be running on another thread until then).
    void removeListener(ListenerId id);

private:
    // Re-anchors at the current position; caller holds m_mutex.
    void reanchorLocked(Steady::time_point now);
    void notifyListeners();

    const SteadyNow m_steadyNow;
    mutable std::mutex m_mutex;
    Snapshot m_state;  // guarded by m_mutex

    // Separate from m_mutex so that listeners run outside the state lock; held while they run, which is what
    // makes removeListener() final.
    std::mutex m_listenerMutex;
    std::vector<std::pair<ListenerId, std::function<void()>>> m_listeners;  // guarded by m_listenerMutex
    ListenerId m_nextListenerId = 1;                                         // guarded by m_listenerMutex
};

}  // namespace vigie::player
