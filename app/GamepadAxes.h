#pragma once
// A game controller's sticks as PTZ velocities: pure arithmetic, no device.
//
// The left stick steers (x: pan, y: tilt, pushed forward = up), the triggers zoom (right: tele, left:
// wide). Sticks never rest exactly at 0: inside the dead zone the axis reads 0, and beyond it the value
// grows from 0 (no jump at the edge), so a controller left on the desk never moves a camera.

#include <cstdint>

namespace vigie::app {

struct GamepadVelocity {
    double pan = 0;
    double tilt = 0;
    double zoom = 0;
    bool operator==(const GamepadVelocity&) const = default;
};

class GamepadAxes {
public:
    // Fraction of the stick's travel ignored around its centre (and at the triggers' rest).
    static constexpr double kDeadZone = 0.15;

    // SDL's raw readings: sticks in [-32768, 32767] (y down), triggers in [0, 32767].
    static GamepadVelocity velocity(std::int16_t leftX, std::int16_t leftY, std::int16_t leftTrigger,
                                    std::int16_t rightTrigger, double deadZone = kDeadZone);
    // One axis in [-1, 1] with the dead zone taken out.
    static double shaped(double value, double deadZone);
};

}  // namespace vigie::app
