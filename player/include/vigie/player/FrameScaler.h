#pragma once
// Converts a decoded Y'CbCr picture to packed RGB (PixelLayout::Bgra) at a given size, for renderers
// that draw with the CPU (the software wall path): one libswscale pass does the colour conversion and
// the scaling together, with the picture's own matrix and range.
//
// Not thread-safe: one instance per thread that converts (it caches its scaling context between frames
// of the same geometry). libav types stay out of this header.

#include <memory>

#include "vigie/player/VideoFrame.h"

namespace vigie::player {

class FrameScaler {
public:
    FrameScaler();
    ~FrameScaler();
    FrameScaler(const FrameScaler&) = delete;
    FrameScaler& operator=(const FrameScaler&) = delete;

    // A new Bgra frame of width x height showing source (which stays untouched); its sourceWidth/Height/
    // Layout are the source's, its timestamps are copied. Null when the sizes are not positive or the
    // conversion cannot be set up. A Bgra source is scaled as RGB.
    std::unique_ptr<VideoFrame> toBgra(const VideoFrame& source, int width, int height);

    // The largest size of the source's aspect ratio that fits in maxWidth x maxHeight (at least 1x1).
    static void fitInside(int sourceWidth, int sourceHeight, int maxWidth, int maxHeight, int* width, int* height);

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

}  // namespace vigie::player
