#pragma once
// "Latest frame wins" handoff between one stream worker and the GUI thread (depth 1).
//
// The worker posts every decoded frame; if the GUI has not taken the previous one yet, that one is
// dropped and counted: the screen always shows the newest picture and never falls behind the stream.
// Thread-safe. The notifier is called by post() only when the mailbox goes from empty to full, so the
// GUI gets at most one wake-up per paint however fast frames arrive (repaints are coalesced).

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>

#include "vigie/player/VideoFrame.h"

namespace vigie::player {

class FrameMailbox {
public:
    struct Counters {
        std::uint64_t posted = 0;
        std::uint64_t taken = 0;
        std::uint64_t dropped = 0;  // replaced before the GUI took them
    };

    // Any thread. Ownership of frame is handed to the mailbox.
    void post(std::unique_ptr<VideoFrame> frame);
    // Any thread (the GUI thread in practice). Ownership of the returned frame is handed to the caller;
    // null when nothing new arrived since the last take().
    std::unique_ptr<VideoFrame> take();
    // Drops a waiting frame, e.g. when a tile switches to another camera.
    void clear();

    // The notifier runs on the posting thread, under the mailbox's lock: keep it short and non-blocking
    // (typically a queued QMetaObject::invokeMethod). Setting an empty function detaches the receiver;
    // once setNotifier() returns, the previous notifier is never called again.
    void setNotifier(std::function<void()> notifier);

    Counters counters() const;

private:
    mutable std::mutex m_mutex;
    std::unique_ptr<VideoFrame> m_frame;  // guarded by m_mutex
    std::function<void()> m_notifier;     // guarded by m_mutex
    Counters m_counters;                  // guarded by m_mutex
};

}  // namespace vigie::player
