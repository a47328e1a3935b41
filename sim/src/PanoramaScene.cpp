#include "PanoramaScene.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace vigie::sim {

namespace {

// 3x5 glyphs for the grid labels, one row per 3 bits (most significant bit on the left).
constexpr std::uint8_t kDigits[10][5] = {
    {7, 5, 5, 5, 7}, {2, 6, 2, 2, 7}, {7, 1, 7, 4, 7}, {7, 1, 7, 1, 7}, {5, 5, 7, 1, 1},
    {7, 4, 7, 1, 7}, {7, 4, 7, 5, 7}, {7, 1, 2, 2, 2}, {7, 5, 7, 5, 7}, {7, 5, 7, 1, 7},
};
constexpr std::uint8_t kMinus[5] = {0, 0, 7, 0, 0};

// A small deterministic generator: the skyline is the same on every run and every machine.
std::uint32_t hash(std::uint32_t value)
{
    value ^= value >> 16;
    value *= 0x7feb352dU;
    value ^= value >> 15;
    value *= 0x846ca68bU;
    value ^= value >> 16;
    return value;
}

} // namespace

PanoramaScene::PanoramaScene(int width, int height)
    : m_width(width & ~1), m_height(height & ~1),
      m_y(static_cast<std::size_t>(m_width) * static_cast<std::size_t>(m_height)),
      m_u(m_y.size() / 4), m_v(m_y.size() / 4)
{
    drawSky();
    drawSkyline();
    drawGround();
    drawLandmarks();
}

double PanoramaScene::columnOf(double panDeg) const
{
    const double turns = (panDeg + kSpanDeg / 2) / kSpanDeg;
    return (turns - std::floor(turns)) * m_width;
}

double PanoramaScene::rowOf(double elevationDeg) const
{
    const double row = (kElevationDeg - elevationDeg) / (2 * kElevationDeg) * m_height;
    return std::clamp(row, 0.0, static_cast<double>(m_height - 1));
}

void PanoramaScene::fill(int x0, int y0, int x1, int y1, Colour colour)
{
    y0 = std::max(y0, 0);
    y1 = std::min(y1, m_height);
    for (int y = y0; y < y1; ++y) {
        for (int x = x0; x < x1; ++x) {
            const int wrapped = ((x % m_width) + m_width) % m_width;
            m_y[static_cast<std::size_t>(y) * m_width + wrapped] = colour.y;
            if ((y & 1) == 0 && (wrapped & 1) == 0) {
                const std::size_t c = static_cast<std::size_t>(y / 2) * (m_width / 2) + wrapped / 2;
                m_u[c] = colour.u;
                m_v[c] = colour.v;
            }
        }
    }
}

void PanoramaScene::drawLabel(int centreX, int topY, int degrees, int scale, Colour colour)
{
    const std::string text = std::to_string(degrees);
    const int advance = 4 * scale;
    int x = centreX - static_cast<int>(text.size()) * advance / 2;
    for (char c : text) {
        const std::uint8_t* glyph = c == '-' ? kMinus : kDigits[c - '0'];
        for (int row = 0; row < 5; ++row) {
            for (int column = 0; column < 3; ++column) {
                if (glyph[row] & (4 >> column))
                    fill(x + column * scale, topY + row * scale, x + (column + 1) * scale, topY + (row + 1) * scale,
                         colour);
            }
        }
        x += advance;
    }
}

void PanoramaScene::drawSky()
{
    const int horizon = m_height / 2;
    for (int y = 0; y < horizon; ++y) {
        // Deeper blue high up, paler towards the horizon.
        const auto luma = static_cast<std::uint8_t>(150 + 45 * y / horizon);
        fill(0, y, m_width, y + 1, {luma, 150, 112});
    }
    const Colour grid{70, 135, 120};
    const int lineWidth = std::max(2, m_width / 1500);
    for (int degrees = -180; degrees < 180; degrees += 10) {
        const int x = static_cast<int>(std::lround(columnOf(degrees)));
        fill(x - lineWidth / 2, 0, x + (lineWidth + 1) / 2, horizon, grid);
        // Labels just above the roofs, under the top of the wide view (16.9 degrees at tilt 0).
        const int scale = std::max(2, m_height / 200);
        drawLabel(x + 6 * lineWidth + 6 * scale, static_cast<int>(rowOf(14)), degrees, scale, grid);
    }
}

void PanoramaScene::drawSkyline()
{
    const int horizon = m_height / 2;
    int x = 0;
    std::uint32_t seed = 1;
    while (x < m_width) {
        const std::uint32_t r = hash(seed++);
        const int width = m_width / 120 + static_cast<int>(r % static_cast<std::uint32_t>(m_width / 60));
        // Low enough (2 to 11 degrees) for the labelled grid to show above the roofs at any zoom.
        const int height = m_height / 45 + static_cast<int>((r >> 8) % static_cast<std::uint32_t>(m_height / 10));
        const Colour wall{static_cast<std::uint8_t>(70 + (r >> 16) % 60),
                          static_cast<std::uint8_t>(118 + (r >> 20) % 16),
                          static_cast<std::uint8_t>(122 + (r >> 24) % 16)};
        fill(x, horizon - height, x + width, horizon, wall);
        // Windows: a regular pattern, some lit.
        const int step = std::max(6, m_height / 80);
        for (int wy = horizon - height + step; wy + step < horizon; wy += 2 * step) {
            for (int wx = x + step; wx + step < x + width; wx += 2 * step) {
                const bool lit = hash(static_cast<std::uint32_t>(wx * 31 + wy)) % 3 == 0;
                fill(wx, wy, wx + step, wy + step, lit ? Colour{200, 100, 150} : Colour{40, 128, 128});
            }
        }
        x += width + static_cast<int>((r >> 4) % 8);
    }
}

void PanoramaScene::drawGround()
{
    const int horizon = m_height / 2;
    fill(0, horizon, m_width, m_height, {95, 126, 130});
    // A road along the horizon with dashes every 2 degrees, and a kerb.
    const int roadTop = horizon + m_height / 12;
    fill(0, roadTop, m_width, roadTop + m_height / 10, {60, 128, 128});
    const int dash = m_width / 180;
    for (int x = 0; x < m_width; x += 2 * dash)
        fill(x, roadTop + m_height / 20 - 3, x + dash, roadTop + m_height / 20 + 3, {220, 128, 128});
    fill(0, roadTop - 6, m_width, roadTop, {160, 128, 128});
}

void PanoramaScene::drawLandmarks()
{
    const int horizon = m_height / 2;
    const auto column = [this](double degrees) { return static_cast<int>(std::lround(columnOf(degrees))); };
    const int mastHalf = static_cast<int>(std::lround(kMastHalfWidthDeg / kSpanDeg * m_width));
    // Red mast at pan 0, from high in the sky down to the road.
    fill(column(0) - mastHalf, static_cast<int>(rowOf(25)), column(0) + mastHalf, horizon + m_height / 12,
         {81, 90, 240});
    // Blue tower at +90.
    const int towerHalf = m_width / 100;
    fill(column(90) - towerHalf, static_cast<int>(rowOf(20)), column(90) + towerHalf, horizon, {41, 240, 110});
    // Green water tower at -90: a tank on a leg.
    fill(column(-90) - towerHalf, static_cast<int>(rowOf(22)), column(-90) + towerHalf, static_cast<int>(rowOf(14)),
         {145, 54, 34});
    fill(column(-90) - towerHalf / 4, static_cast<int>(rowOf(14)), column(-90) + towerHalf / 4, horizon,
         {145, 54, 34});
    // Yellow crane at 180 (the seam): a mast and a jib.
    fill(column(180) - towerHalf / 3, static_cast<int>(rowOf(24)), column(180) + towerHalf / 3, horizon,
         {210, 16, 146});
    fill(column(180) - 4 * towerHalf, static_cast<int>(rowOf(24)), column(180) + 2 * towerHalf,
         static_cast<int>(rowOf(22)), {210, 16, 146});
}

} // namespace vigie::sim
