#pragma once
// A camera tour on one tile: a list of cameras shown in turn, each for a dwell time. Pure timing: which
// camera is due at a given instant and when the next switch is, from a start instant the caller keeps
// (tested without waiting).

#include <QStringList>

#include <chrono>

namespace vigie::app {

class TourSchedule {
public:
    using Clock = std::chrono::steady_clock;

    TourSchedule() = default;
    // Empty list or a dwell under kMinDwell: an inactive tour.
    TourSchedule(QStringList cameraIds, std::chrono::milliseconds dwell, Clock::time_point start);

    static constexpr std::chrono::milliseconds kMinDwell{200};

    bool isActive() const { return !m_cameras.isEmpty(); }
    const QStringList& cameras() const { return m_cameras; }
    std::chrono::milliseconds dwell() const { return m_dwell; }

    // The camera due at `now` (index into cameras(), wrapping round), and the instant of the next switch.
    int indexAt(Clock::time_point now) const;
    Clock::time_point nextSwitchAfter(Clock::time_point now) const;

private:
    QStringList m_cameras;
    std::chrono::milliseconds m_dwell{0};
    Clock::time_point m_start{};
};

}  // namespace vigie::app
