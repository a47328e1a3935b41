#pragma once
// Draws a tile's overlay (title, clock, status, last-frame time, recording and alarm indicators, zoom
// badge, hints, selection) with QPainter, over the video. Text sits on dark translucent bands along the
// top and bottom edges so that it stays readable on any picture (and with either theme: the overlay
// never takes the palette's colours) and never covers the centre of the tile; statistics go in a
// translucent box in the top-left corner, the zoom badge in the top-right one, both above the centre.
//
// Top band: title on the left; on the right the clock (or, without it, the time of the last frame),
// preceded by the "REC" and "ALARM" flags. Bottom band: the status, and the time of the last frame when
// the clock took its place at the top.

#include <QCoreApplication>
#include <QDateTime>
#include <QRectF>

#include "vigie/widgets/TileOverlay.h"
#include "vigie/widgets/TileZoom.h"

class QPainter;

namespace vigie::widgets {

class TileOverlayPainter {
    Q_DECLARE_TR_FUNCTIONS(vigie::widgets::WallWidget)
public:
    struct State {
        bool hasFeed = false;
        bool hasPicture = false;
        bool selected = false;
        bool dropTarget = false;
        QDateTime lastFrame;  // invalid = none
        OverlayItems items = kDefaultOverlayItems;
        QDateTime clock;      // the local time to show when items has Clock
        QDateTime recordedTime;  // playback: when the picture shown was recorded (UTC); invalid = unknown
        double zoom = 1.0;    // digital zoom of the tile: a badge when above 1
        QRectF picture;       // where the picture is drawn unzoomed (the zoom's viewport), for boxes
        TileZoom zoomState;   // the tile's zoom, to place boxes
    };

    // tile: in the painter's (logical) coordinates. The caller clips to the tile.
    static void paint(QPainter& painter, const QRectF& tile, const TileOverlay& overlay, const State& state);
    static QColor severityColor(TileOverlay::Severity severity);

private:
    // top: height taken by the title band (0 when the tile has no room for bands).
    static void paintStatistics(QPainter& painter, const QRectF& tile, const QStringList& lines, qreal top);
    // Draws text in a filled box whose right edge is at right, vertically centred in band; returns the
    // box's width.
    static qreal paintFlag(QPainter& painter, const QRectF& band, qreal right, const QString& text,
                           const QColor& fill, const QColor& textColor, bool dot);
    static void paintZoomBadge(QPainter& painter, const QRectF& tile, double zoom, qreal top);
    static void paintBoxes(QPainter& painter, const TileOverlay& overlay, const State& state);
};

}  // namespace vigie::widgets
