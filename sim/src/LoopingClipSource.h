#pragma once

#include "EncodedClip.h"

#include <gst/app/gstappsrc.h>

#include <memory>

namespace vigie::sim {

// Feeds an appsrc with a pre-encoded clip in an endless loop, with timestamps that keep increasing
// across loops, so that relaying a camera costs no encoding at all.
//
// Pacing: the appsrc is followed by a clocksync element in the pipeline, which holds each buffer until
// its running time on the pipeline clock. The appsrc asks for one buffer at a time (need-data), so the
// source runs exactly at the clip's frame rate.
class LoopingClipSource {
public:
    // Configures `appsrc` (caps, live, time format) and attaches a source that lives as long as it.
    static void attach(GstAppSrc* appsrc, std::shared_ptr<const EncodedClip> clip);

    LoopingClipSource(const LoopingClipSource&) = delete;
    LoopingClipSource& operator=(const LoopingClipSource&) = delete;

private:
    explicit LoopingClipSource(std::shared_ptr<const EncodedClip> clip);

    static void onNeedData(GstAppSrc* appsrc, guint length, gpointer self);
    static void destroy(gpointer self);
    void pushNext(GstAppSrc* appsrc);

    const std::shared_ptr<const EncodedClip> m_clip;
    // Only touched from the appsrc's streaming thread (need-data), hence no lock.
    std::size_t m_next = 0;
    GstClockTime m_loopStart = GST_CLOCK_TIME_NONE;  // running time of the current loop's first frame
};

} // namespace vigie::sim
