#pragma once

#include <cstdint>
#include <vector>

namespace vigie::sim {

// The synthetic world the PTZ domes look at: one equirectangular I420 picture covering the whole turn
// (360 degrees, left edge = pan -180, wrapping around) and 90 degrees of elevation (top = +45, bottom =
// -45, horizon in the middle). Generated once at start-up, shared read-only by every dome.
//
// What is on it, so that motion is obvious to a viewer and measurable by a test:
// - a sky with a dark vertical grid line every 10 degrees of pan, labelled with its angle;
// - a skyline of buildings with lit windows above the horizon, a road with dashes below it;
// - landmarks in colours used nowhere else: a red mast at pan 0 (the home direction), a blue tower at
//   +90 degrees, a green water tower at -90 degrees, a yellow crane at 180 degrees.
class PanoramaScene {
public:
    static constexpr int kDefaultWidth = 6000;
    static constexpr int kDefaultHeight = 1500;
    static constexpr double kSpanDeg = 360;      // horizontally
    static constexpr double kElevationDeg = 45;  // top row; the bottom row is -45
    // The red mast's half width in degrees, centred on pan 0.
    static constexpr double kMastHalfWidthDeg = 1.2;

    // Width and height even (4:2:0 chroma).
    PanoramaScene(int width = kDefaultWidth, int height = kDefaultHeight);

    int width() const { return m_width; }
    int height() const { return m_height; }
    const std::uint8_t* luma() const { return m_y.data(); }
    const std::uint8_t* cb() const { return m_u.data(); }
    const std::uint8_t* cr() const { return m_v.data(); }

    // Column of a pan angle in degrees (any value: wraps), row of an elevation (clamped).
    double columnOf(double panDeg) const;
    double rowOf(double elevationDeg) const;

private:
    struct Colour {
        std::uint8_t y, u, v;
    };
    void fill(int x0, int y0, int x1, int y1, Colour colour);  // [x0, x1) x [y0, y1), x wraps
    void drawLabel(int centreX, int topY, int degrees, int scale, Colour colour);
    void drawSky();
    void drawSkyline();
    void drawGround();
    void drawLandmarks();

    int m_width;
    int m_height;
    std::vector<std::uint8_t> m_y;
    std::vector<std::uint8_t> m_u;
    std::vector<std::uint8_t> m_v;
};

} // namespace vigie::sim
