#pragma once
// Geometry of a video wall: which part of the surface each tile occupies. Pure arithmetic, no window.
//
// The wall is a grid of columns x rows cells; each tile covers a rectangle of cells (1x1 for a plain
// grid; larger spans allow uneven layouts such as one big tile and a ring of small ones later).
// Pixel rectangles are integer-exact: the tiles and the gaps between them cover the surface exactly,
// without overlap and without 1-pixel holes, whatever the surface size.

#include <QList>
#include <QPoint>
#include <QRect>
#include <QSize>
#include <QString>

#include <optional>

namespace vigie::widgets {

class WallLayout {
public:
    WallLayout() = default;  // empty layout: no tiles

    // columns x rows tiles of one cell each, numbered row by row from the top-left corner.
    static WallLayout grid(int columns, int rows);
    // Tiles given as cell rectangles (may span several cells); cells must lie inside the grid.
    // Invalid cells are dropped. Tiles are expected not to overlap (not checked).
    static WallLayout fromCells(int columns, int rows, const QList<QRect>& cells);

    int columns() const { return m_columns; }
    int rows() const { return m_rows; }
    int tileCount() const { return static_cast<int>(m_cells.size()); }
    // The cells a tile covers, in grid units; an empty rectangle for an unknown tile.
    QRect cellOf(int tile) const;

    // Pixel rectangle of a tile in a surface of that size, with gapPx pixels between neighbouring
    // tiles (not around the border). Empty for an unknown tile or a surface too small for the gaps.
    QRect tileRect(int tile, QSize surface, int gapPx) const;
    // Tile under a point of the surface; -1 in a gap or outside.
    int tileAt(QPoint pos, QSize surface, int gapPx) const;

    enum class Direction { Left, Right, Up, Down };
    // The tile an arrow key moves to from `tile`: among the tiles lying wholly beyond its edge in that
    // direction and overlapping its span across it, the nearest, then the one overlapping most, then the
    // first in tile order. -1 when there is none (the edge of the wall) or for an unknown tile.
    int neighbour(int tile, Direction direction) const;

    // True for columns x rows tiles of one cell each in reading order (what grid() makes).
    bool isGrid() const;

    // Text form for settings files: "CxR:x,y,w,h;x,y,w,h;..." (cells in grid units, tile order kept).
    QString toText() const;
    // nullopt for anything that is not a layout of at least one tile with cells inside the grid and not
    // overlapping (a hand-edited or damaged settings value).
    static std::optional<WallLayout> fromText(const QString& text);

    // Largest rectangle of the picture's aspect ratio inside tile, centred (letterbox or pillarbox).
    // An empty picture fills the tile.
    static QRect fitRect(QSize picture, QRect tile);

    friend bool operator==(const WallLayout& a, const WallLayout& b)
    {
        return a.m_columns == b.m_columns && a.m_rows == b.m_rows && a.m_cells == b.m_cells;
    }

private:
    // Pixel span [start, end) of grid lines first..last (inclusive) along one axis.
    static int edgeStart(int index, int count, int length, int gapPx);
    static int edgeEnd(int index, int count, int length, int gapPx);

    int m_columns = 0;
    int m_rows = 0;
    QList<QRect> m_cells;
};

}  // namespace vigie::widgets
