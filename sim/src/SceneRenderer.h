#pragma once

#include "SceneScript.h"

#include <cstdint>

namespace vigie::sim {

// Writable I420 planes of one picture (even width and height).
struct I420Picture {
    std::uint8_t* luma;
    std::uint8_t* cb;
    std::uint8_t* cr;
    int lumaStride;
    int chromaStride;
    int width;
    int height;
};

// Pixel bounds of a normalised box: columns [left, right) and rows [top, bottom).
struct PixelRect {
    int left;
    int top;
    int right;
    int bottom;
};

// Draws the frames of a SceneScript: the street (facades, pavements, road, the building site's barrier
// and the counting line painted on the pavement), then every object as a filled shape in a colour that
// stands out from the street: persons tall and narrow with a head, vehicles wide with a cabin and
// wheels, items small. Each object's pixels reach every edge of its box's PixelRect and never leave it,
// so that boxes from the script match the picture exactly. Pure C++: the encoder feeds its output to
// GStreamer, tests call it directly.
class SceneRenderer {
public:
    explicit SceneRenderer(const SceneScript& script);

    // The street alone, as under every object.
    void renderBackground(const I420Picture& picture) const;
    // Frame `frameIndex` of the loop.
    void render(int frameIndex, const I420Picture& picture) const;

    // The pixels a box covers in a picture of that size (rounded edges, so that neighbouring boxes tile).
    static PixelRect pixelRect(const SceneBox& box, int width, int height);

private:
    const SceneScript& m_script;
};

} // namespace vigie::sim
