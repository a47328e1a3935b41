#pragma once
// The thread behind a StreamSession: opens the URL, reads packets, decodes, posts frames to the
// mailbox, reconnects with backoff. Private to player/.
//
// Threads: the owner (GUI) thread calls start()/stop()/the destructor; run() and everything it calls,
// including the libav interrupt callback and the state callback, run on the worker thread; state() and
// stats() may be called from any thread; setPriority() and setExtraDecodeDelay() from any thread too
// (atomics read by the worker at each picture).

#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "vigie/player/FrameMailbox.h"
#include "vigie/player/ReconnectBackoff.h"
#include "vigie/player/StreamSession.h"
#include "vigie/player/StreamState.h"

#include "OverloadGovernor.h"
#include "StreamUrl.h"

namespace vigie::player {

class StreamWorker {
public:
    // Called on the worker thread for every state change.
    using StateCallback = std::function<void(StreamState state, const QString& detail)>;
    // Called on the worker thread when the overload level changes.
    using OverloadCallback = std::function<void(OverloadLevel level)>;

    StreamWorker(StreamOptions options, std::shared_ptr<FrameMailbox> mailbox, StateCallback onState,
                 OverloadCallback onOverload = {});
    ~StreamWorker();  // stop()
    StreamWorker(const StreamWorker&) = delete;
    StreamWorker& operator=(const StreamWorker&) = delete;

    void start();  // no-op when already running
    void stop();   // returns within milliseconds; reports Stopped if the worker was running

    StreamState state() const;
    StreamStats stats() const;

    void setPriority(StreamPriority priority) { m_priority.store(priority, std::memory_order_relaxed); }
    StreamPriority priority() const { return m_priority.load(std::memory_order_relaxed); }
    void setExtraDecodeDelay(std::chrono::microseconds delay)
    {
        m_extraDecodeDelayMicros.store(delay.count(), std::memory_order_relaxed);
    }

    using Clock = std::chrono::steady_clock;

private:
    class Connection;  // one open attempt and its read/decode loop (StreamWorker.cpp)
    enum class Outcome { Stopped, Failed, Fatal, EndOfStream };
    struct Result {
        Outcome outcome;
        QString detail;
        std::chrono::milliseconds played{0};  // how long frames flowed before the end
    };

    void run();
    Result connectOnce();
    // Sleeps up to `delay`; returns false as soon as a stop is requested.
    bool sleepFor(std::chrono::nanoseconds delay);
    void waitForStop();
    bool stopRequested() const { return m_stopRequested.load(std::memory_order_acquire); }
    void setState(StreamState state, const QString& detail);
    // Worker thread: feeds one decoded picture to the governor; reports and records a level change.
    void observeFrame(Clock::time_point now, std::int64_t ptsMicros, Clock::duration decodeTime);
    void setOverloadLevel(OverloadLevel level);
    template <typename Update>
    void updateStats(Update&& update)
    {
        std::lock_guard lock(m_statusMutex);
        update(m_stats);
    }

    const StreamOptions m_options;
    const StreamUrl m_url;
    const std::shared_ptr<FrameMailbox> m_mailbox;
    const StateCallback m_onState;
    const OverloadCallback m_onOverload;
    // Live streams and paced files only: a file decoded as fast as possible is never behind.
    const bool m_overloadControl;

    std::thread m_thread;
    std::atomic<bool> m_stopRequested{false};
    std::mutex m_wakeMutex;          // guards m_exited; pairs with m_wake for sleeps and stop()
    std::condition_variable m_wake;
    bool m_exited = false;

    mutable std::mutex m_statusMutex;
    StreamState m_state = StreamState::Idle;  // guarded by m_statusMutex
    StreamStats m_stats;                      // guarded by m_statusMutex
    std::uint64_t m_sequence = 0;             // worker thread only
    OverloadGovernor m_governor;              // worker thread only; lives across reconnections
    OverloadLevel m_reportedLevel = OverloadLevel::Full;  // worker thread only: last level reported

    // Written by any thread, read by the worker at each picture (relaxed: each is a lone value).
    std::atomic<StreamPriority> m_priority;
    std::atomic<std::int64_t> m_extraDecodeDelayMicros;
};

}  // namespace vigie::player
