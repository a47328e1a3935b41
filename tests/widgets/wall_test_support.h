#pragma once
// Helpers shared by the wall's GL suites: solid-colour frames and pixel comparisons.

#include <QColor>
#include <QImage>
#include <QString>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <memory>

#include "vigie/player/VideoFrame.h"

namespace wall_test {

using vigie::player::ColorMatrix;
using vigie::player::ColorRange;
using vigie::player::PixelLayout;
using vigie::player::VideoFrame;

struct Yuv {
    int y, u, v;
};

// Reference R'G'B' -> Y'CbCr (written from the standards, independently of the renderer's code).
inline Yuv rgbToYuv(QColor rgb, ColorMatrix matrix, ColorRange range)
{
    const double kr = matrix == ColorMatrix::Bt709 ? 0.2126 : 0.299;
    const double kb = matrix == ColorMatrix::Bt709 ? 0.0722 : 0.114;
    const double r = rgb.red() / 255.0, g = rgb.green() / 255.0, b = rgb.blue() / 255.0;
    const double y = kr * r + (1 - kr - kb) * g + kb * b;
    const double pb = (b - y) / (2 * (1 - kb));
    const double pr = (r - y) / (2 * (1 - kr));
    const bool limited = range == ColorRange::Limited;
    auto q = [](double v) { return std::clamp(int(std::lround(v)), 0, 255); };
    return {q(limited ? 16 + 219 * y : 255 * y), q(128 + (limited ? 224 : 255) * pb),
            q(128 + (limited ? 224 : 255) * pr)};
}

// Reference Y'CbCr -> R'G'B' (unclamped), to show what a wrong matrix or range would display.
inline std::array<double, 3> yuvToRgb(Yuv yuv, ColorMatrix matrix, ColorRange range)
{
    const double kr = matrix == ColorMatrix::Bt709 ? 0.2126 : 0.299;
    const double kb = matrix == ColorMatrix::Bt709 ? 0.0722 : 0.114;
    const double kg = 1 - kr - kb;
    const bool limited = range == ColorRange::Limited;
    const double y = limited ? (yuv.y - 16) / 219.0 : yuv.y / 255.0;
    const double pb = (yuv.u - 128) / (limited ? 224.0 : 255.0);
    const double pr = (yuv.v - 128) / (limited ? 224.0 : 255.0);
    const double r = y + 2 * (1 - kr) * pr;
    const double b = y + 2 * (1 - kb) * pb;
    const double g = (y - kr * r - kb * b) / kg;
    return {r * 255, g * 255, b * 255};
}

inline std::unique_ptr<VideoFrame> solidFrame(int width, int height, QColor rgb,
                                              ColorMatrix matrix = ColorMatrix::Bt709,
                                              ColorRange range = ColorRange::Limited,
                                              PixelLayout layout = PixelLayout::Yuv420p)
{
    auto frame = VideoFrame::allocate(width, height, layout, matrix, range);
    if (!frame)
        return nullptr;
    const Yuv yuv = rgbToYuv(rgb, matrix, range);
    const int values[3] = {yuv.y, yuv.u, yuv.v};
    for (int p = 0; p < VideoFrame::kPlaneCount; ++p) {
        for (int row = 0; row < frame->planeHeight(p); ++row)
            std::memset(frame->mutablePlaneData(p) + std::ptrdiff_t(row) * frame->planeStride(p), values[p],
                        std::size_t(frame->planeWidth(p)));
    }
    return frame;
}

inline int maxChannelError(QRgb actual, QColor expected)
{
    return std::max({std::abs(qRed(actual) - expected.red()), std::abs(qGreen(actual) - expected.green()),
                     std::abs(qBlue(actual) - expected.blue())});
}

inline QString describe(QRgb c)
{
    return QStringLiteral("(%1,%2,%3)").arg(qRed(c)).arg(qGreen(c)).arg(qBlue(c));
}

inline QString describe(QColor c)
{
    return QStringLiteral("(%1,%2,%3)").arg(c.red()).arg(c.green()).arg(c.blue());
}

}  // namespace wall_test
