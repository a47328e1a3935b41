#pragma once
// Which decoded pictures the renderer can show, and how to read their colours.

extern "C" {
#include <libavutil/frame.h>
}

#include <optional>

#include "vigie/player/VideoFrame.h"

namespace vigie::player {

// The 8-bit planar layouts the renderer supports; nullopt for anything else (10-bit, NV12, RGB...).
std::optional<PixelLayout> layoutOf(AVPixelFormat format);
// Matrix from the frame's tags; untagged pictures get what mpv guesses: BT.709 for HD, BT.601 for SD.
ColorMatrix matrixOf(const AVFrame& frame);
// Full for JPEG range or the yuvj* formats, limited otherwise (the broadcast default).
ColorRange rangeOf(const AVFrame& frame);

}  // namespace vigie::player
