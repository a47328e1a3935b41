#pragma once
// Draws a tile's overlay (title, status, last-frame time, hints, selection) with QPainter, over the
// video. Text sits on dark translucent bands along the top and bottom edges so that it stays readable
// on any picture and never covers the centre of the tile; statistics go in a translucent box in the
// top-left corner, above the centre.

#include <QCoreApplication>
#include <QDateTime>
#include <QRectF>

#include "vigie/widgets/TileOverlay.h"

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
    };

    // tile: in the painter's (logical) coordinates. The caller clips to the tile.
    static void paint(QPainter& painter, const QRectF& tile, const TileOverlay& overlay, const State& state);
    static QColor severityColor(TileOverlay::Severity severity);

private:
    // top: height taken by the title band (0 when the tile has no room for bands).
    static void paintStatistics(QPainter& painter, const QRectF& tile, const QStringList& lines, qreal top);
};

}  // namespace vigie::widgets
