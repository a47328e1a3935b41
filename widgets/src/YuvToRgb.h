#pragma once
// Y'CbCr -> R'G'B' conversion constants for the wall's shader, folded with the quantisation range and
// the sample format.
//
// The shader computes rgb = matrix * (sample - offset) on normalised texture samples (8-bit code / 255,
// 16-bit word / 65535), so one mat3 and one vec3 cover both matrices, both ranges and every bit depth
// without branches.

#include <array>

#include "vigie/player/VideoFrame.h"

namespace vigie::widgets {

struct YuvToRgb {
    std::array<float, 9> matrix{};  // column-major, as glUniformMatrix3fv expects without transpose
    std::array<float, 3> offset{};  // subtracted from (Y, Cb, Cr) samples
    bool chromaInterleaved = false;  // Cb and Cr are the .r and .g of one texture (NV12, P010)

    static YuvToRgb make(player::ColorMatrix matrix, player::ColorRange range,
                         player::PixelLayout layout = player::PixelLayout::Yuv420p);
};

}  // namespace vigie::widgets
