#pragma once
// "Latest frame wins" handoff between one stream worker and the GUI thread (depth 1).
//
// The worker posts every decoded frame; if the GUI has not taken the previous one yet, that one is
// dropped and counted: the screen always shows the newest picture and never falls behind the stream.
// Thread-safe. The notifier is called by post() only when the mailbox goes from empty to full, so the
// GUI gets at most one wake-up per paint however fast frames arrive (repaints are coalesced).
//
// A consumer that draws with the CPU can ask for frames already converted to RGB at the size it will
// show them (setDeliveredSize): the conversion then runs in post(), i.e. on the decoder's thread, in
// parallel with the other streams, instead of on the GUI thread.

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "vigie/player/FrameScaler.h"
#include "vigie/player/VideoFrame.h"

namespace vigie::player {

class FrameMailbox {
public:
    struct Counters {
        std::uint64_t posted = 0;
        std::uint64_t taken = 0;
        std::uint64_t dropped = 0;  // replaced before the GUI took them
    };

    // Any thread. Ownership of frame is handed to the mailbox (it may replace it by a converted copy).
    void post(std::unique_ptr<VideoFrame> frame);
    // Any thread. The next frame posted is also handed to `receiver`, as decoded (native size and layout,
    // before any conversion; it shares the decoder's buffers, no copy), on the posting thread: keep the
    // receiver short (typically a queued call). Every request pending gets that frame (a snapshot and an
    // alarm's still may be asked together); at most kMaxOriginalRequests wait, the oldest dropped beyond.
    using OriginalReceiver = std::function<void(std::shared_ptr<const VideoFrame>)>;
    void requestOriginal(OriginalReceiver receiver);
    static constexpr std::size_t kMaxOriginalRequests = 8;

    // Any thread. From the next post() on, frames are converted to PixelLayout::Bgra at width x height
    // (keepAspect: the largest size of the picture's aspect ratio inside it). 0 x 0 = deliver decoded
    // frames as they are (the default). A frame already waiting is not converted again.
    // area: only that part of the picture is converted, to width x height (a digital zoom kept sharp:
    // the crop is scaled from the decoded samples); keepAspect then applies to the area's proportions.
    void setDeliveredSize(int width, int height, bool keepAspect, const SourceArea& area = {});
    // Any thread (the GUI thread in practice). Ownership of the returned frame is handed to the caller;
    // null when nothing new arrived since the last take(). area, when given, receives the part of the
    // picture the frame shows (the whole picture for a frame that was not converted): a frame posted
    // before a setDeliveredSize() change still carries the previous area.
    std::unique_ptr<VideoFrame> take(SourceArea* area = nullptr);
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
    SourceArea m_frameArea;               // guarded by m_mutex: what m_frame shows
    std::function<void()> m_notifier;     // guarded by m_mutex
    Counters m_counters;                  // guarded by m_mutex
    struct Delivery {
        int width = 0;
        int height = 0;
        bool keepAspect = true;
        SourceArea area;
    };
    Delivery m_delivery;                  // guarded by m_mutex
    std::vector<OriginalReceiver> m_originalReceivers;  // guarded by m_mutex
    // Converts outside m_mutex so that take() never waits for a conversion; posts are serialised on it.
    std::mutex m_scaleMutex;
    FrameScaler m_scaler;                 // guarded by m_scaleMutex
};

}  // namespace vigie::player
