#pragma once
// Y'CbCr -> R'G'B' conversion constants for the wall's shader, folded with the quantisation range.
//
// The shader computes rgb = matrix * (sample - offset) on normalised texture samples (8-bit value / 255),
// so one mat3 and one vec3 cover both matrices and both ranges without branches.

#include <array>

#include "vigie/player/VideoFrame.h"

namespace vigie::widgets {

struct YuvToRgb {
    std::array<float, 9> matrix{};  // column-major, as glUniformMatrix3fv expects without transpose
    std::array<float, 3> offset{};  // subtracted from (Y, Cb, Cr) samples

    static YuvToRgb make(player::ColorMatrix matrix, player::ColorRange range);
};

}  // namespace vigie::widgets
