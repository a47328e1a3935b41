#pragma once
// Which of a camera's two streams a wall tile should play, from the size the picture has on screen.
// Pure arithmetic, no window: unit-tested on its own.
//
// The rule (as video management clients such as Nx Witness or Milestone do): the sub stream is enough
// while its picture is shown at most 1.25 x its own height; above 1.5 x its height the operator would see
// a blurred, upscaled picture, so the tile takes the main stream. Between the two thresholds the tile
// keeps what it plays: a tile whose size hovers around one threshold (window dragged, dock resized) does
// not reopen its stream back and forth. With the directory's 640x360 sub stream the tile switches to
// main above 540 picture pixels of height and back to sub at 450 or less.
//
// "Picture height" is the height of the picture fitted into the tile with its aspect ratio (the wall
// letterboxes), i.e. min(tile height, tile width x stream height / stream width): a wide, short tile and a
// tall, narrow one are judged by what is actually drawn. All sizes are in device (framebuffer) pixels.

#include <QSize>

#include "vigie/rpc/DirectoryTypes.h"

namespace vigie::app {

class StreamChoice {
public:
    // Above this multiple of the sub stream's height, a tile playing sub switches to main.
    static constexpr double kToMainFactor = 1.5;
    // At or below this multiple, a tile playing main switches back to sub.
    static constexpr double kToSubFactor = 1.25;

    // `sub` and `main`: the streams' sizes from the directory; an invalid (empty) size means the camera
    // lacks that stream, and then the other one is chosen whatever the tile. An empty tile (not laid out
    // yet) keeps `current`.
    static vigie::rpc::StreamRole choose(vigie::rpc::StreamRole current, QSize tile, QSize sub, QSize main);

    // Height of a picture of that size fitted into the tile (aspect ratio kept); 0 for empty sizes.
    static int pictureHeight(QSize tile, QSize picture);
};

}  // namespace vigie::app
