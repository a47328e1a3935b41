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

// A part of a picture in normalised coordinates (0..1 both ways, origin top-left); the default is the
// whole picture. Used to crop before scaling (a zoomed tile of the software wall path).
struct SourceArea {
    double x = 0.0;
    double y = 0.0;
    double width = 1.0;
    double height = 1.0;

    bool isWhole() const { return x <= 0.0 && y <= 0.0 && width >= 1.0 && height >= 1.0; }
    friend bool operator==(const SourceArea&, const SourceArea&) = default;
};

class FrameScaler {
public:
    FrameScaler();
    ~FrameScaler();
    FrameScaler(const FrameScaler&) = delete;
    FrameScaler& operator=(const FrameScaler&) = delete;

    // A new Bgra frame of width x height showing source (which stays untouched); its sourceWidth/Height/
    // Layout are the source's, its timestamps are copied. Null when the sizes are not positive or the
    // conversion cannot be set up. A Bgra source is scaled as RGB.
    // area: only that part of the source is converted (rounded outwards to whole samples, aligned to the
    // chroma subsampling), by offsetting the plane pointers: no copy, and as sharp as the source allows.
    std::unique_ptr<VideoFrame> toBgra(const VideoFrame& source, int width, int height, const SourceArea& area = {});

    // The largest size of the source's aspect ratio that fits in maxWidth x maxHeight (at least 1x1).
    static void fitInside(int sourceWidth, int sourceHeight, int maxWidth, int maxHeight, int* width, int* height);

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

}  // namespace vigie::player
