#pragma once
// One tile of the wall: its feed, overlay and the picture it shows, with the per-path drawing state.
// GUI thread only (private to WallWidget and GlWallSurface).

#include <cstdint>
#include <QDateTime>
#include <QSize>

#include <memory>

#include "vigie/player/FrameMailbox.h"
#include "vigie/player/VideoFrame.h"
#include "vigie/widgets/TileOverlay.h"
#include "vigie/widgets/TileZoom.h"
#include "vigie/widgets/WallWidget.h"

#include "PlaneTextures.h"
#include "YuvToRgb.h"

namespace vigie::widgets {

struct WallTile {
    std::shared_ptr<player::FrameMailbox> feed;
    quint64 generation = 0;  // identifies the feed, so that late notifications of an old feed are ignored
    TileOverlay overlay;
    WallWidget::AspectMode aspect = WallWidget::AspectMode::Fit;
    bool hasPicture = false;
    WallWidget::PictureInfo info;
    bool frameReady = false;  // the mailbox may hold a frame: take it at the next paint
    bool needsDraw = true;    // redraw this tile (picture + overlay) at the next paint
    QDateTime lastPresented;  // UTC time the last frame was drawn
    std::int64_t lastPtsMicros = 0;  // that frame's own time stamp (a recording's: UTC microseconds)
    TileZoom zoom;            // digital zoom; the renderers show zoom.sourceRect() of the picture

    // OpenGL path: the planes as textures, reused from frame to frame.
    PlaneTextures textures;
    YuvToRgb conversion = YuvToRgb::make(player::ColorMatrix::Bt601, player::ColorRange::Limited);
    float chromaScaleX = 1.f;
    float chromaScaleY = 1.f;

    // Software path: the RGB picture shown (kept for redraws of the overlay, selection...) and the part
    // of the decoded picture it shows (the zoom it was converted for), and what was asked of the feed's
    // mailbox.
    std::unique_ptr<player::VideoFrame> rgbFrame;
    player::SourceArea rgbArea;
    QSize deliveredSize;
    bool deliveredKeepAspect = true;
    player::SourceArea deliveredArea;
};

}  // namespace vigie::widgets
