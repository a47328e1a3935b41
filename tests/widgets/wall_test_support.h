#pragma once
// Helpers shared by the wall's GL suites: solid-colour frames and pixel comparisons.

#include <QColor>
#include <QImage>
#include <QString>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
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

// Reference R'G'B' -> Y'CbCr codes of the given bit depth (written from the standards, ITU-T H.273,
// independently of the renderer's code).
inline Yuv rgbToYuv(QColor rgb, ColorMatrix matrix, ColorRange range, int bits = 8)
{
    const double kr = matrix == ColorMatrix::Bt709 ? 0.2126 : 0.299;
    const double kb = matrix == ColorMatrix::Bt709 ? 0.0722 : 0.114;
    const double r = rgb.red() / 255.0, g = rgb.green() / 255.0, b = rgb.blue() / 255.0;
    const double y = kr * r + (1 - kr - kb) * g + kb * b;
    const double pb = (b - y) / (2 * (1 - kb));
    const double pr = (r - y) / (2 * (1 - kr));
    const bool limited = range == ColorRange::Limited;
    const double d = double(1 << (bits - 8));
    const double full = double((1 << bits) - 1);
    const int top = (1 << bits) - 1;
    auto q = [top](double v) { return std::clamp(int(std::lround(v)), 0, top); };
    return {q(limited ? d * (16 + 219 * y) : full * y), q(128 * d + (limited ? 224 * d : full) * pb),
            q(128 * d + (limited ? 224 * d : full) * pr)};
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

// A frame of one colour in any layout: 8-bit codes as bytes, 10-bit codes as little-endian 16-bit
// words (in the low bits for Yuv420p10, the high bits for P010), Cb Cr interleaved for NV12 / P010.
inline std::unique_ptr<VideoFrame> solidFrame(int width, int height, QColor rgb,
                                              ColorMatrix matrix = ColorMatrix::Bt709,
                                              ColorRange range = ColorRange::Limited,
                                              PixelLayout layout = PixelLayout::Yuv420p)
{
    auto frame = VideoFrame::allocate(width, height, layout, matrix, range);
    if (!frame)
        return nullptr;
    const bool tenBits = frame->bytesPerSample() == 2;
    const Yuv yuv = rgbToYuv(rgb, matrix, range, tenBits ? 10 : 8);
    const int shift = layout == PixelLayout::P010 ? 6 : 0;
    for (int p = 0; p < frame->planeCount(); ++p) {
        const int components = frame->planeComponents(p);
        // Component values of this plane, in memory order: Y; Cb; Cr; or Cb Cr interleaved.
        const int values[2] = {p == 0 ? yuv.y : (p == 1 ? yuv.u : yuv.v), yuv.v};
        for (int row = 0; row < frame->planeHeight(p); ++row) {
            std::uint8_t* line = frame->mutablePlaneData(p) + std::ptrdiff_t(row) * frame->planeStride(p);
            for (int x = 0; x < frame->planeWidth(p); ++x) {
                for (int c = 0; c < components; ++c) {
                    const int i = x * components + c;
                    if (tenBits) {
                        const auto word = std::uint16_t(values[c] << shift);
                        line[2 * i] = std::uint8_t(word & 0xff);
                        line[2 * i + 1] = std::uint8_t(word >> 8);
                    } else {
                        line[i] = std::uint8_t(values[c]);
                    }
                }
            }
        }
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
