#include "PtzMotion.h"

#include <algorithm>
#include <cmath>

namespace vigie::sim {

namespace {

// Axis units per second at full speed.
constexpr double kPanUnitsPerS = PtzMotion::kMaxPanDegPerS / PtzMotion::kPanRangeDeg;
constexpr double kTiltUnitsPerS = PtzMotion::kMaxTiltDegPerS / PtzMotion::kTiltRangeDeg;

double clamp(double value, double low, double high) { return std::clamp(value, low, high); }

// A requested speed in [0, 1]; 0 (unset) means the camera's default, its maximum.
double speedFraction(double speed) { return speed <= 0 ? 1.0 : std::min(speed, 1.0); }

} // namespace

PtzMotion::PtzMotion(PtzPose start, double now) : m_pose(start), m_time(now)
{
    m_pose.pan = clamp(m_pose.pan, -1, 1);
    m_pose.tilt = clamp(m_pose.tilt, -1, 1);
    m_pose.zoom = clamp(m_pose.zoom, 0, 1);
}

double PtzMotion::horizontalFovDeg(double zoom)
{
    return kWideFovDeg * std::pow(kTeleFovDeg / kWideFovDeg, clamp(zoom, 0, 1));
}

double PtzMotion::zoomForFovDeg(double fovDeg)
{
    const double fov = clamp(fovDeg, kTeleFovDeg, kWideFovDeg);
    return std::log(fov / kWideFovDeg) / std::log(kTeleFovDeg / kWideFovDeg);
}

void PtzMotion::step(double* value, double low, double high, Axis* axis, double dt)
{
    if (axis->mode == Mode::Velocity) {
        *value += axis->velocity * dt;
        if ((axis->velocity < 0 && *value <= low) || (axis->velocity > 0 && *value >= high)) {
            *value = clamp(*value, low, high);
            axis->mode = Mode::Idle;  // at the stop: nothing moves any more
        }
    } else if (axis->mode == Mode::Target) {
        const double remaining = axis->target - *value;
        const double travel = axis->speed * dt;
        if (std::abs(remaining) <= travel) {
            *value = axis->target;
            axis->mode = Mode::Idle;
        } else {
            *value += remaining > 0 ? travel : -travel;
        }
    }
}

void PtzMotion::advance(double now)
{
    if (now <= m_time)
        return;
    const double dt = now - m_time;
    m_time = now;
    step(&m_pose.pan, -1, 1, &m_pan, dt);
    step(&m_pose.tilt, -1, 1, &m_tilt, dt);
    step(&m_pose.zoom, 0, 1, &m_zoom, dt);
}

PtzPose PtzMotion::poseAt(double now)
{
    advance(now);
    return m_pose;
}

void PtzMotion::setVelocity(double pan, double tilt, double zoom, double now)
{
    advance(now);
    const auto drive = [](Axis* axis, double fraction, double unitsPerS) {
        fraction = clamp(fraction, -1, 1);
        axis->mode = fraction == 0 ? Mode::Idle : Mode::Velocity;
        axis->velocity = fraction * unitsPerS;
    };
    drive(&m_pan, pan, kPanUnitsPerS);
    drive(&m_tilt, tilt, kTiltUnitsPerS);
    drive(&m_zoom, zoom, kMaxZoomPerS);
    // A velocity pushing against a stop moves nothing: report idle at once rather than after a tick.
    step(&m_pose.pan, -1, 1, &m_pan, 0);
    step(&m_pose.tilt, -1, 1, &m_tilt, 0);
    step(&m_pose.zoom, 0, 1, &m_zoom, 0);
}

void PtzMotion::stop(bool panTilt, bool zoom, double now)
{
    advance(now);
    if (!panTilt && !zoom)
        panTilt = zoom = true;  // ONVIF: neither flag means everything
    if (panTilt)
        m_pan.mode = m_tilt.mode = Mode::Idle;
    if (zoom)
        m_zoom.mode = Mode::Idle;
}

void PtzMotion::moveTo(const PtzPose& target, double panTiltSpeed, double zoomSpeed, double now)
{
    advance(now);
    const auto aim = [](Axis* axis, double value, double goal, double unitsPerS) {
        axis->target = goal;
        axis->speed = unitsPerS;
        axis->mode = goal == value ? Mode::Idle : Mode::Target;
    };
    aim(&m_pan, m_pose.pan, clamp(target.pan, -1, 1), kPanUnitsPerS * speedFraction(panTiltSpeed));
    aim(&m_tilt, m_pose.tilt, clamp(target.tilt, -1, 1), kTiltUnitsPerS * speedFraction(panTiltSpeed));
    aim(&m_zoom, m_pose.zoom, clamp(target.zoom, 0, 1), kMaxZoomPerS * speedFraction(zoomSpeed));
}

PtzPose PtzMotion::centredOn(double x, double y, double aspect, double now)
{
    advance(now);
    const double hfov = horizontalFovDeg(m_pose.zoom);
    const double vfov = hfov / aspect;
    PtzPose target = m_pose;
    // Equirectangular picture: the offset from the centre is proportional to the angle.
    target.pan = clamp(m_pose.pan + (x - 0.5) * hfov / kPanRangeDeg, -1, 1);
    target.tilt = clamp(m_pose.tilt + (0.5 - y) * vfov / kTiltRangeDeg, -1, 1);  // y down, tilt up
    return target;
}

PtzPose PtzMotion::zoomedOnArea(double x, double y, double width, double height, double aspect, double now)
{
    PtzPose target = centredOn(x + width / 2, y + height / 2, aspect, now);
    // The area's share of the picture in each direction; the larger one decides, so the whole area
    // stays visible. Its horizontal field is that share of today's.
    const double share = std::max(width, height);
    target.zoom = zoomForFovDeg(horizontalFovDeg(m_pose.zoom) * share);
    return target;
}

} // namespace vigie::sim
