#include "TourSchedule.h"

namespace vigie::app {

TourSchedule::TourSchedule(QStringList cameraIds, std::chrono::milliseconds dwell, Clock::time_point start)
    : m_dwell(dwell), m_start(start)
{
    if (dwell >= kMinDwell)
        m_cameras = std::move(cameraIds);
}

int TourSchedule::indexAt(Clock::time_point now) const
{
    if (!isActive() || now <= m_start)
        return 0;
    const auto steps = (now - m_start) / m_dwell;  // whole dwell periods elapsed
    return int(steps % m_cameras.size());
}

TourSchedule::Clock::time_point TourSchedule::nextSwitchAfter(Clock::time_point now) const
{
    if (!isActive())
        return Clock::time_point::max();
    if (now < m_start)
        return m_start + m_dwell;
    const auto steps = (now - m_start) / m_dwell;
    return m_start + (steps + 1) * m_dwell;
}

}  // namespace vigie::app
