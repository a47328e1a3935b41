#include "FrameBarcode.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace vigie::barcode {

namespace {

// What each cell shows, left to right, for `value`: true = white.
std::array<bool, kCells> cellsFor(std::uint32_t value)
{
    std::array<bool, kCells> cells{};
    cells[0] = false;
    cells[1] = true;
    bool parity = false;
    for (int bit = 0; bit < kDataBits; ++bit) {
        const bool one = (value >> (kDataBits - 1 - bit)) & 1u;
        cells[static_cast<std::size_t>(2 + bit)] = one;
        parity ^= one;
    }
    cells[kCells - 2] = parity;
    cells[kCells - 1] = false;
    return cells;
}

} // namespace

int bandRows(int height) { return std::max(4, static_cast<int>(std::lround(height * kBandFraction))); }

void stamp(std::uint8_t* luma, int stride, int width, int height, std::uint32_t value)
{
    const auto cells = cellsFor(value & kMaxValue);
    const int rows = std::min(height, bandRows(height));
    for (int y = 0; y < rows; ++y) {
        std::uint8_t* row = luma + static_cast<std::ptrdiff_t>(y) * stride;
        for (int cell = 0; cell < kCells; ++cell) {
            // Integer edges so that neighbouring cells tile the width exactly.
            const int begin = cell * width / kCells;
            const int end = (cell + 1) * width / kCells;
            std::fill(row + begin, row + end, cells[static_cast<std::size_t>(cell)] ? kWhite : kBlack);
        }
    }
}

std::optional<std::uint32_t> read(const Sampler& sample)
{
    // The band as the stamp drew it, in normalised height: rows / height ~ kBandFraction.
    constexpr double bandTop = 0.25 * kBandFraction;
    constexpr double bandBottom = 0.75 * kBandFraction;
    std::array<bool, kCells> cells{};
    for (int cell = 0; cell < kCells; ++cell) {
        double sum = 0;
        for (int i = 0; i < 3; ++i) {
            const double x = (cell + 0.25 + 0.25 * i) / kCells;
            for (int j = 0; j < 3; ++j)
                sum += sample(x, bandTop + (bandBottom - bandTop) * j / 2.0);
        }
        const double mean = sum / 9;
        if (mean > kDarkMax && mean < kBrightMin)
            return std::nullopt;  // neither black nor white: not a barcode
        cells[static_cast<std::size_t>(cell)] = mean >= kBrightMin;
    }

    if (cells[0] || !cells[1] || cells[kCells - 1])
        return std::nullopt;
    std::uint32_t value = 0;
    bool parity = false;
    for (int bit = 0; bit < kDataBits; ++bit) {
        const bool one = cells[static_cast<std::size_t>(2 + bit)];
        value = (value << 1) | (one ? 1u : 0u);
        parity ^= one;
    }
    if (parity != cells[kCells - 2])
        return std::nullopt;
    return value;
}

std::optional<std::uint32_t> readPlane(const std::uint8_t* luma, int stride, int width, int height)
{
    if (!luma || width <= 0 || height <= 0)
        return std::nullopt;
    return read([=](double x, double y) {
        // Pixel centres at (i + 0.5) / size, as texture sampling does.
        const double px = std::clamp(x * width - 0.5, 0.0, width - 1.0);
        const double py = std::clamp(y * height - 0.5, 0.0, height - 1.0);
        const int x0 = static_cast<int>(px);
        const int y0 = static_cast<int>(py);
        const int x1 = std::min(x0 + 1, width - 1);
        const int y1 = std::min(y0 + 1, height - 1);
        const double fx = px - x0;
        const double fy = py - y0;
        auto at = [&](int xi, int yi) { return double(luma[static_cast<std::ptrdiff_t>(yi) * stride + xi]); };
        const double top = at(x0, y0) * (1 - fx) + at(x1, y0) * fx;
        const double bottom = at(x0, y1) * (1 - fx) + at(x1, y1) * fx;
        return top * (1 - fy) + bottom * fy;
    });
}

} // namespace vigie::barcode
