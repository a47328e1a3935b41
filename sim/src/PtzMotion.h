#pragma once

namespace vigie::sim {

// Where a pan-tilt-zoom camera points: the contract's generic spaces (ptz.proto).
struct PtzPose {
    double pan = 0;   // [-1, 1]
    double tilt = 0;  // [-1, 1]
    double zoom = 0;  // [0, 1], 0 wide
};

// The virtual dome's optics and mechanics, integrated over explicit times (seconds on any monotonic
// scale) so that it can be tested without a clock.
//
// Model (documented in sim/README.md):
// - Pan [-1, 1] covers -180..+180 degrees (the whole turn, with stops at both ends: no endless pan);
//   tilt [-1, 1] covers -30..+30 degrees around the horizon.
// - The horizontal field of view narrows geometrically with zoom, from 60 degrees (0, wide) to
//   3 degrees (1, tele): a 20x optical zoom. The picture is an equirectangular crop of the scene, so
//   image coordinates map linearly to angles: x in [0, 1] spans the horizontal field of view, y the
//   vertical one (horizontal field / frame aspect).
// - Maximum speeds: pan 90 deg/s, tilt 45 deg/s, zoom 0.25/s (wide to tele in 4 s). A velocity in
//   [-1, 1] is a fraction of them; a move's speed in (0, 1] too, 0 meaning the maximum.
// - Each axis moves independently; an axis reaching its limit stops there.
class PtzMotion {
public:
    static constexpr double kPanRangeDeg = 180;   // half range: pan 1 = +180 degrees
    static constexpr double kTiltRangeDeg = 30;   // tilt 1 = +30 degrees
    static constexpr double kWideFovDeg = 60;
    static constexpr double kTeleFovDeg = 3;
    static constexpr double kMaxPanDegPerS = 90;
    static constexpr double kMaxTiltDegPerS = 45;
    static constexpr double kMaxZoomPerS = 0.25;

    explicit PtzMotion(PtzPose start = {}, double now = 0);

    // Advances the motion to `now` (earlier times are ignored) and returns the pose then.
    PtzPose poseAt(double now);
    bool panTiltMoving() const { return m_pan.mode != Mode::Idle || m_tilt.mode != Mode::Idle; }
    bool zoomMoving() const { return m_zoom.mode != Mode::Idle; }
    bool moving() const { return panTiltMoving() || zoomMoving(); }

    // Continuous move; each component in [-1, 1] (clamped). Zero stops that axis.
    void setVelocity(double pan, double tilt, double zoom, double now);
    void stop(bool panTilt, bool zoom, double now);
    // Moves towards `target` (axes clamped to their ranges); speeds in [0, 1], 0 = maximum.
    void moveTo(const PtzPose& target, double panTiltSpeed, double zoomSpeed, double now);

    // The pose that puts image point (x, y) (normalised, top-left origin, y down) at the picture's
    // centre, zoom unchanged. `aspect` = width / height of the picture.
    PtzPose centredOn(double x, double y, double aspect, double now);
    // The pose that centres the area (normalised image rectangle) and zooms until the area fills the
    // picture in its larger relative dimension, so that all of it stays visible.
    PtzPose zoomedOnArea(double x, double y, double width, double height, double aspect, double now);

    static double horizontalFovDeg(double zoom);
    static double zoomForFovDeg(double fovDeg);
    static double panDeg(double pan) { return pan * kPanRangeDeg; }
    static double tiltDeg(double tilt) { return tilt * kTiltRangeDeg; }

private:
    enum class Mode { Idle, Velocity, Target };
    struct Axis {
        Mode mode = Mode::Idle;
        double velocity = 0;  // axis units per second, signed (Velocity mode)
        double target = 0;    // Target mode
        double speed = 0;     // axis units per second, positive (Target mode)
    };
    void advance(double now);
    // Moves one coordinate for `dt` seconds; the axis goes idle at its target or at a limit.
    static void step(double* value, double low, double high, Axis* axis, double dt);

    PtzPose m_pose;
    double m_time;
    Axis m_pan;
    Axis m_tilt;
    Axis m_zoom;
};

} // namespace vigie::sim
