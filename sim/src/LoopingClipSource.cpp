#include "LoopingClipSource.h"

namespace vigie::sim {

LoopingClipSource::LoopingClipSource(std::shared_ptr<const EncodedClip> clip) : m_clip(std::move(clip)) {}

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
    const auto& frames = m_clip->frames();
    if (m_next == frames.size()) {
        m_next = 0;
        m_loopStart += m_clip->loopDuration();
    }
    if (m_loopStart == GST_CLOCK_TIME_NONE) {
        // A live source's first buffer is stamped with the pipeline's running time now (need-data comes
        // only once the pipeline plays); starting at 0 would make every buffer late and unpaced.
        m_loopStart = 0;
        if (GstClock* clock = gst_element_get_clock(GST_ELEMENT(appsrc))) {
            const GstClockTime now = gst_clock_get_time(clock);
            const GstClockTime base = gst_element_get_base_time(GST_ELEMENT(appsrc));
            if (now > base)
                m_loopStart = now - base;
            gst_object_unref(clock);
        }
    }

    // A shallow copy shares the clip's memory: no bytes are copied, only the timestamps differ.
    GstBuffer* buffer = gst_buffer_copy(frames[m_next]);
    GST_BUFFER_PTS(buffer) = GST_BUFFER_DTS(buffer) = m_loopStart + GST_BUFFER_PTS(frames[m_next]);
    ++m_next;
    gst_app_src_push_buffer(appsrc, buffer);  // takes the buffer
}

} // namespace vigie::sim
