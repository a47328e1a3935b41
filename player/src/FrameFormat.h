#pragma once
// Which decoded pictures the renderer can show, and how to read their colours.

extern "C" {
#include <libavutil/frame.h>
}

#include <optional>

#include "vigie/player/VideoFrame.h"

namespace vigie::player {

// The layouts the renderer supports (8-bit planar, NV12, 10-bit planar and P010, little-endian only);
// nullopt for anything else (RGB, 4:2:2 10-bit, big-endian...).
std::optional<PixelLayout> layoutOf(AVPixelFormat format);
// Matrix from the frame's tags; untagged pictures get what mpv guesses: BT.709 for HD, BT.601 for SD,
// except JPEG ones (yuvj*), which are BT.601.
ColorMatrix matrixOf(const AVFrame& frame);
// Full for JPEG range or the yuvj* formats, limited otherwise (the broadcast default).
ColorRange rangeOf(const AVFrame& frame);

}  // namespace vigie::player
