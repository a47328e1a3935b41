#include "GamepadAxes.h"

#include <algorithm>
#include <cmath>

namespace vigie::app {

double GamepadAxes::shaped(double value, double deadZone)
{
    value = std::clamp(value, -1.0, 1.0);
    const double magnitude = std::abs(value);
    if (magnitude <= deadZone || deadZone >= 1.0)
        return 0.0;
    return std::copysign((magnitude - deadZone) / (1.0 - deadZone), value);
}

GamepadVelocity GamepadAxes::velocity(std::int16_t leftX, std::int16_t leftY, std::int16_t leftTrigger,
                                      std::int16_t rightTrigger, double deadZone)
{
    const auto stick = [](std::int16_t raw) { return raw / 32767.0; };
    GamepadVelocity v;
    v.pan = shaped(stick(leftX), deadZone);
    v.tilt = shaped(-stick(leftY), deadZone);  // SDL's y grows downwards; pushed forward is up
    v.zoom = shaped(stick(rightTrigger), deadZone) - shaped(stick(leftTrigger), deadZone);
    return v;
}

}  // namespace vigie::app
