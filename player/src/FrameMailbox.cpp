#include "vigie/player/FrameMailbox.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace vigie::player {

void FrameMailbox::post(std::unique_ptr<VideoFrame> frame)
{
    if (!frame)
        return;
    Delivery delivery;
    std::vector<OriginalReceiver> originals;
    {
        std::lock_guard lock(m_mutex);
        delivery = m_delivery;
        originals = std::exchange(m_originalReceivers, {});
    }
    if (!originals.empty()) {
        // Called outside the lock: the receivers may post, log or take time without blocking take().
        std::shared_ptr<const VideoFrame> shared = frame->shareBuffers();
        for (const OriginalReceiver& original : originals)
            original(shared);  // null only when out of memory: the receiver reports it
    }
    SourceArea shown;  // what the frame handed on shows
    if (delivery.width > 0 && delivery.height > 0) {
        int width = delivery.width;
        int height = delivery.height;
        if (delivery.keepAspect) {
            const int areaWidth = std::max(1, int(std::lround(frame->width() * delivery.area.width)));
            const int areaHeight = std::max(1, int(std::lround(frame->height() * delivery.area.height)));
            FrameScaler::fitInside(areaWidth, areaHeight, delivery.width, delivery.height, &width, &height);
        }
        std::lock_guard scaleLock(m_scaleMutex);
        if (auto converted = m_scaler.toBgra(*frame, width, height, delivery.area)) {
            frame = std::move(converted);  // the decoded frame's buffers go back to the decoder here
            shown = delivery.area;
        }
        // else: the decoded frame goes on as it is; the consumer converts it itself.
    }
    std::unique_ptr<VideoFrame> replaced;  // freed after unlocking: releasing AVFrame buffers takes time
    {
        std::lock_guard lock(m_mutex);
        ++m_counters.posted;
        const bool wasEmpty = !m_frame;
        if (!wasEmpty)
            ++m_counters.dropped;
        replaced = std::move(m_frame);
        m_frame = std::move(frame);  // Ownership of frame is handed to the mailbox.
        m_frameArea = shown;
        // Only the empty->full transition wakes the GUI: it will take the newest frame anyway, so further
        // posts before that take() need no extra wake-up. Called under the lock so that setNotifier({})
        // can guarantee the old notifier is never called after it returns.
        if (wasEmpty && m_notifier)
            m_notifier();
    }
}

void FrameMailbox::requestOriginal(OriginalReceiver receiver)
{
    std::lock_guard lock(m_mutex);
    // Bounded: a decoder that stopped posting must not let requests pile up without end. The oldest
    // is dropped; each asker (snapshot, alarm still) makes at most one request per frame period anyway.
    if (m_originalReceivers.size() >= kMaxOriginalRequests)
        m_originalReceivers.erase(m_originalReceivers.begin());
    m_originalReceivers.push_back(std::move(receiver));
}

void FrameMailbox::setDeliveredSize(int width, int height, bool keepAspect, const SourceArea& area)
{
    std::lock_guard lock(m_mutex);
    m_delivery = {std::max(0, width), std::max(0, height), keepAspect, area};
}

std::unique_ptr<VideoFrame> FrameMailbox::take(SourceArea* area)
{
    std::lock_guard lock(m_mutex);
    if (m_frame)
        ++m_counters.taken;
    if (area)
        *area = m_frameArea;
    return std::move(m_frame);  // Ownership of the frame is handed to the caller.
}

void FrameMailbox::clear()
{
    std::unique_ptr<VideoFrame> discarded;
    std::lock_guard lock(m_mutex);
    discarded = std::move(m_frame);
}

void FrameMailbox::setNotifier(std::function<void()> notifier)
{
    std::function<void()> previous;  // destroyed outside the lock (its captures may be heavy)
    std::lock_guard lock(m_mutex);
    previous = std::exchange(m_notifier, std::move(notifier));
}

FrameMailbox::Counters FrameMailbox::counters() const
{
    std::lock_guard lock(m_mutex);
    return m_counters;
}

}  // namespace vigie::player
