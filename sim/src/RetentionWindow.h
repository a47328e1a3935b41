#pragma once

#include <cstdint>
#include <string>

namespace vigie::sim {

// How long recordings are kept (recordings.proto, CSI L252-5: at most 30 days) and the window of what is
// still available at a given instant. Pure: times are UTC milliseconds since the epoch, passed in.
class RetentionWindow {
public:
    static constexpr std::int64_t kLegalMaximumSeconds = 30LL * 24 * 3600;  // 2,592,000 s

    // `retentionSeconds` must lie in [1, kLegalMaximumSeconds] (checked at start-up: see isValid()).
    explicit RetentionWindow(std::int64_t retentionSeconds);
    static bool isValid(std::int64_t retentionSeconds)
    {
        return retentionSeconds >= 1 && retentionSeconds <= kLegalMaximumSeconds;
    }

    std::int64_t retentionMs() const { return m_retentionMs; }
    // Start of the window at `nowMs`: anything ending before it is destroyed.
    std::int64_t availableFromMs(std::int64_t nowMs) const { return nowMs - m_retentionMs; }

    // Empty when [startMs, endMs) reaches into the window at `nowMs`; else the OUT_OF_RANGE message,
    // naming the limit ("... kept 30 days: nothing before 2026-11-01T10:00:00Z").
    std::string refusal(std::int64_t startMs, std::int64_t endMs, std::int64_t nowMs) const;
    // Formats a UTC instant as ISO 8601 with milliseconds, for messages.
    static std::string isoUtc(std::int64_t ms);
    // "30 days", "20 s", "2 h": the retention in words, for messages.
    std::string describe() const;

private:
    std::int64_t m_retentionMs;
};

} // namespace vigie::sim
