#pragma once

#include <gst/gst.h>

#include <cstdint>
#include <string>
#include <vector>

namespace vigie::sim {

// Measures how closely a relayed stream keeps to its wall-clock schedule: on a pad after the clocksync
// element, how late each buffer leaves (CLOCK_REALTIME) compared with its tick, which LoopingClipSource
// puts in the buffer offset (tick n is due at n x frame duration since the epoch). Logs a summary once
// per `window` buffers (with --verbose). Buffers more than one frame late are the instant start's
// catch-up (or a stall) and are counted apart.
class PacingMonitor {
public:
    static void attach(GstPad* pad, std::string label, std::size_t window, GstClockTime frameDuration);

    PacingMonitor(const PacingMonitor&) = delete;
    PacingMonitor& operator=(const PacingMonitor&) = delete;

private:
    PacingMonitor(std::string label, std::size_t window, GstClockTime frameDuration);

    static GstPadProbeReturn onBuffer(GstPad* pad, GstPadProbeInfo* info, gpointer self);
    void record(GstClockTimeDiff lateness);

    const std::string m_label;
    const std::size_t m_window;
    const GstClockTime m_frameDuration;
    // Only touched from the pad's streaming thread, hence no lock.
    std::vector<GstClockTimeDiff> m_onTime;
    std::size_t m_seen = 0;
    std::size_t m_catchUp = 0;
};

} // namespace vigie::sim
