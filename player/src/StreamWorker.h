#pragma once
// The thread behind a StreamSession: opens the URL, reads packets, decodes, posts frames to the
// mailbox, reconnects with backoff. Private to player/.
//
// Threads: the owner (GUI) thread calls start()/stop()/the destructor; run() and everything it calls,
// including the libav interrupt callback and the state callback, run on the worker thread; state() and
// stats() may be called from any thread.

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

#include "StreamUrl.h"

namespace vigie::player {

class StreamWorker {
public:
    // Called on the worker thread for every state change.
    using StateCallback = std::function<void(StreamState state, const QString& detail)>;

    StreamWorker(StreamOptions options, std::shared_ptr<FrameMailbox> mailbox, StateCallback onState);
    ~StreamWorker();  // stop()
    StreamWorker(const StreamWorker&) = delete;
    StreamWorker& operator=(const StreamWorker&) = delete;

    void start();  // no-op when already running
    void stop();   // returns within milliseconds; reports Stopped if the worker was running

    StreamState state() const;
    StreamStats stats() const;

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

    std::thread m_thread;
    std::atomic<bool> m_stopRequested{false};
    std::mutex m_wakeMutex;          // guards m_exited; pairs with m_wake for sleeps and stop()
    std::condition_variable m_wake;
    bool m_exited = false;

    mutable std::mutex m_statusMutex;
    StreamState m_state = StreamState::Idle;  // guarded by m_statusMutex
    StreamStats m_stats;                      // guarded by m_statusMutex
    std::uint64_t m_sequence = 0;             // worker thread only
};

}  // namespace vigie::player
