#pragma once

#include "EncodedClip.h"
#include "WallClockSchedule.h"

#include <gst/app/gstappsrc.h>

#include <cstdint>
#include <memory>

namespace vigie::sim {

// Feeds an appsrc with a pre-encoded clip in an endless loop, so that relaying a camera costs no
// encoding at all, on the wall-clock schedule of barcode::WallClockSchedule: the clip's frame v (whose
// barcode reads v) is due at the realtime ticks n * D with n = v (mod L). A receiver on the same machine
// can then tell from the picture alone when the frame left, hence the glass-to-glass latency.
//
// Pacing: each buffer is stamped with the pipeline running time of its tick (realtime -> running time
// mapped from both clocks at push time), and the clocksync element that follows the appsrc holds it
// until then. The appsrc asks for one buffer at a time (need-data), so the source runs at the tick rate.
//
// Instant start: the first buffer is the last key frame at or before the current tick; it and the
// frames after it up to the current tick are already late, and clocksync lets late buffers through at
// once (it never drops), so a new viewer decodes the current picture immediately instead of waiting
// for the next key frame. Ticks before the pipeline started have no running time: those buffers get
// strictly increasing timestamps 100 us apart from 0, still late, still carrying their own frame. A relay
// that falls more than its current GOP behind (a client that stopped reading) starts over the same way.
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
    const barcode::WallClockSchedule m_schedule;
    // Only touched from the appsrc's streaming thread (need-data), hence no lock.
    bool m_started = false;
    std::int64_t m_nextTick = 0;                       // the tick of the next buffer to push
    GstClockTime m_lastPts = GST_CLOCK_TIME_NONE;      // running time of the last buffer pushed
};

} // namespace vigie::sim
