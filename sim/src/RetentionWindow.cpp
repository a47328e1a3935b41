#include "RetentionWindow.h"

#include <cstdio>
#include <ctime>

namespace vigie::sim {

RetentionWindow::RetentionWindow(std::int64_t retentionSeconds) : m_retentionMs(retentionSeconds * 1000) {}

std::string RetentionWindow::refusal(std::int64_t startMs, std::int64_t endMs, std::int64_t nowMs) const
{
    const std::int64_t from = availableFromMs(nowMs);
    // An instant (start == end) is before the window when it lies before its start; a range when it
    // ends at or before it (half-open).
    const bool before = startMs == endMs ? startMs < from : endMs <= from;
    if (!before)
        return {};
    return "before the retention window: recordings are kept " + describe() + " (CSI L252-5, at most 30 days); " +
           "nothing before " + isoUtc(from) + " is available";
}

std::string RetentionWindow::isoUtc(std::int64_t ms)
{
    const std::time_t seconds = static_cast<std::time_t>(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
    const int millis = static_cast<int>(ms - static_cast<std::int64_t>(seconds) * 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[40];
    const std::size_t length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
    char withMillis[48];
    std::snprintf(withMillis, sizeof withMillis, "%.*s.%03dZ", static_cast<int>(length), text, millis);
    return withMillis;
}

std::string RetentionWindow::describe() const
{
    const std::int64_t seconds = m_retentionMs / 1000;
    if (seconds % 86400 == 0)
        return std::to_string(seconds / 86400) + (seconds == 86400 ? " day" : " days");
    if (seconds % 3600 == 0)
        return std::to_string(seconds / 3600) + " h";
    return std::to_string(seconds) + " s";
}

} // namespace vigie::sim
