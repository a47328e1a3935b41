#include "PacingMonitor.h"

#include "Log.h"

#include <algorithm>
#include <cstdio>

#include <time.h>

namespace vigie::sim {

namespace {

std::string milliseconds(GstClockTimeDiff value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", static_cast<double>(value) / GST_MSECOND);
    return buffer;
}

} // namespace

PacingMonitor::PacingMonitor(std::string label, std::size_t window, GstClockTime frameDuration)
    : m_label(std::move(label)), m_window(window), m_frameDuration(frameDuration)
{
    m_onTime.reserve(window);
}

void PacingMonitor::attach(GstPad* pad, std::string label, std::size_t window, GstClockTime frameDuration)
{
    gst_pad_add_probe(pad, GST_PAD_PROBE_TYPE_BUFFER, &PacingMonitor::onBuffer,
                      new PacingMonitor(std::move(label), window, frameDuration),
                      [](gpointer self) { delete static_cast<PacingMonitor*>(self); });
}

GstPadProbeReturn PacingMonitor::onBuffer(GstPad* /*pad*/, GstPadProbeInfo* info, gpointer self)
{
    GstBuffer* buffer = GST_PAD_PROBE_INFO_BUFFER(info);
    if (GST_BUFFER_OFFSET_IS_VALID(buffer)) {
        auto* monitor = static_cast<PacingMonitor*>(self);
        timespec now{};
        clock_gettime(CLOCK_REALTIME, &now);
        const auto realtime = static_cast<GstClockTimeDiff>(now.tv_sec) * GST_SECOND + now.tv_nsec;
        const auto due = static_cast<GstClockTimeDiff>(GST_BUFFER_OFFSET(buffer) * monitor->m_frameDuration);
        monitor->record(realtime - due);
    }
    return GST_PAD_PROBE_OK;
}

void PacingMonitor::record(GstClockTimeDiff lateness)
{
    if (lateness > static_cast<GstClockTimeDiff>(m_frameDuration))
        ++m_catchUp;
    else
        m_onTime.push_back(lateness);
    if (++m_seen < m_window)
        return;

    std::string summary = m_label + " pacing over " + std::to_string(m_seen) + " frames: ";
    if (!m_onTime.empty()) {
        std::sort(m_onTime.begin(), m_onTime.end());
        summary += std::to_string(m_onTime.size()) + " on their tick, late by min " + milliseconds(m_onTime.front()) +
                   " / median " + milliseconds(m_onTime[m_onTime.size() / 2]) + " / max " +
                   milliseconds(m_onTime.back()) + " ms";
    }
    summary += "; " + std::to_string(m_catchUp) + " sent late (catching up)";
    Log::debug(summary);
    m_onTime.clear();
    m_seen = 0;
    m_catchUp = 0;
}

} // namespace vigie::sim
