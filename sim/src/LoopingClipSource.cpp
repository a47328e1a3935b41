#include "LoopingClipSource.h"

#include <time.h>

namespace vigie::sim {

namespace {

// Spacing of the buffers whose tick is before the pipeline's start (see the header): distinct RTP
// timestamps (9 ticks of the 90 kHz clock), and 24 of them add up to 2.4 ms only.
constexpr GstClockTime kBurstSpacing = 100 * GST_USECOND;

std::int64_t realtimeNs()
{
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

barcode::WallClockSchedule scheduleOf(const EncodedClip& clip)
{
    std::vector<bool> keyFrames;
    keyFrames.reserve(clip.frames().size());
    for (GstBuffer* frame : clip.frames())
        keyFrames.push_back(!GST_BUFFER_FLAG_IS_SET(frame, GST_BUFFER_FLAG_DELTA_UNIT));
    return barcode::WallClockSchedule(std::move(keyFrames),
                                      static_cast<std::int64_t>(clip.frameDuration() / GST_MSECOND));
}

} // namespace

LoopingClipSource::LoopingClipSource(std::shared_ptr<const EncodedClip> clip)
    : m_clip(std::move(clip)), m_schedule(scheduleOf(*m_clip))
{
}

void LoopingClipSource::attach(GstAppSrc* appsrc, std::shared_ptr<const EncodedClip> clip)
{
    gst_app_src_set_caps(appsrc, clip->caps());
    g_object_set(appsrc, "is-live", TRUE, "format", GST_FORMAT_TIME, "do-timestamp", FALSE, nullptr);

    GstAppSrcCallbacks callbacks{};
    callbacks.need_data = &LoopingClipSource::onNeedData;
    gst_app_src_set_callbacks(appsrc, &callbacks, new LoopingClipSource(std::move(clip)),
                              &LoopingClipSource::destroy);
}

void LoopingClipSource::destroy(gpointer self) { delete static_cast<LoopingClipSource*>(self); }

void LoopingClipSource::onNeedData(GstAppSrc* appsrc, guint /*length*/, gpointer self)
{
    static_cast<LoopingClipSource*>(self)->pushNext(appsrc);
}

void LoopingClipSource::pushNext(GstAppSrc* appsrc)
{
    // Both clocks read together: running time of a realtime instant T = T - realtime now + running now.
    // Recomputed for every buffer, so that a pause (which moves the base time) or a realtime step is
    // followed at the next buffer.
    const std::int64_t realtime = realtimeNs();
    std::int64_t running = 0;
    if (GstClock* clock = gst_element_get_clock(GST_ELEMENT(appsrc))) {
        running = static_cast<std::int64_t>(gst_clock_get_time(clock)) -
                  static_cast<std::int64_t>(gst_element_get_base_time(GST_ELEMENT(appsrc)));
        gst_object_unref(clock);
    }
    // At the start, and whenever the stream fell behind by more than its current GOP (a client that
    // stopped reading, a long pause), start over from the last key frame: late frames of that GOP go out
    // at once, older ones are not worth sending.
    const std::int64_t restart = m_schedule.startTick(realtime / 1'000'000);
    if (!m_started || m_nextTick < restart) {
        m_nextTick = restart;
        m_started = true;
    }

    const std::int64_t tick = m_nextTick++;
    const std::int64_t due = m_schedule.tickTimeMs(tick) * 1'000'000 - realtime + running;
    GstClockTime pts = due > 0 ? static_cast<GstClockTime>(due) : 0;
    // Running times only move forward: late ticks (instant start, or after a pause) are packed right
    // after the previous buffer, and clocksync sends them at once.
    if (m_lastPts != GST_CLOCK_TIME_NONE && pts < m_lastPts + kBurstSpacing)
        pts = m_lastPts + kBurstSpacing;
    m_lastPts = pts;

    // A shallow copy shares the clip's memory: no bytes are copied, only the timestamps differ.
    GstBuffer* frame = m_clip->frames()[static_cast<std::size_t>(m_schedule.frameIndex(tick))];
    GstBuffer* buffer = gst_buffer_copy(frame);
    GST_BUFFER_PTS(buffer) = GST_BUFFER_DTS(buffer) = pts;
    GST_BUFFER_DURATION(buffer) = m_clip->frameDuration();
    // The frame number since the epoch, as video offsets are frame numbers: PacingMonitor compares the
    // real send time with the tick.
    GST_BUFFER_OFFSET(buffer) = static_cast<guint64>(tick);
    gst_app_src_push_buffer(appsrc, buffer);  // takes the buffer
}

} // namespace vigie::sim
