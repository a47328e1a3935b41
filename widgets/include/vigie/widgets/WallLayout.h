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
#include <QStringList>

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

    // The same tiles numbered in reading order of their top-left cells (row by row, left to right).
    WallLayout inReadingOrder() const;

    // Largest grid side fromText() accepts, and so the largest an edit may make.
    static constexpr int kMaxSide = 16;

    // An edited layout and where its tiles come from, so that callers can keep cameras on them.
    struct Edit;

    // The tiles whose cells lie in `cells` become one tile covering the whole rectangle (cells of the
    // rectangle that no tile covered join it too). nullopt when the rectangle is empty or leaves the grid,
    // cuts through a tile that is not wholly inside it, or is already exactly one tile (nothing to merge).
    // Tiles of the result are in reading order.
    std::optional<Edit> merged(QRect cells) const;
    // merged() of the bounding rectangle of these tiles' cells; nullopt for no tile or an unknown one.
    std::optional<Edit> merged(const QList<int>& tiles) const;
    // The tile's cells become 1x1 tiles; its top-left piece takes its place (its source). nullopt for an
    // unknown tile or one that is already a single cell. Tiles of the result are in reading order.
    std::optional<Edit> split(int tile) const;
    // The grid becomes columns x rows cells (1..kMaxSide each, else nullopt). Tiles wholly outside the new
    // grid are dropped (their cameras with them); a tile crossing the new border is clipped to it and keeps
    // its camera; cells the grid gains become 1x1 tiles. Tiles of the result are in reading order.
    std::optional<Edit> resized(int columns, int rows) const;

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

struct WallLayout::Edit {
    WallLayout layout;
    // Per tile of `layout`: the tiles of the layout before the edit that it takes over, ascending. One
    // tile for a tile kept as it was (or clipped, or the top-left piece of a split tile), several for a
    // merged tile, none for a new tile (the other pieces of a split, cells added by resizing).
    // An old tile appears under at most one new tile, so no camera is ever shown twice.
    QList<QList<int>> sources;

    // No change: each tile is its own source.
    static Edit identity(const WallLayout& layout);
    // `next` replaces `previous` wholesale (a preset picked): tile i keeps tile i, as WallController
    // does when its layout changes.
    static Edit replacement(const WallLayout& previous, const WallLayout& next);
    // This edit followed by `next` (an edit of this->layout): the sources of the final tiles in terms
    // of the layout this edit started from.
    Edit then(const Edit& next) const;
    // Per tile of `layout`: the old tile whose camera it keeps, the first of its sources whose entry in
    // `oldCameraIds` is not empty (a merged tile keeps the camera of the first tile that had one), else
    // -1 (the tile starts empty).
    QList<int> keptTiles(const QStringList& oldCameraIds) const;
    // Values per old tile (camera ids, stream preferences) carried to the new tiles along keptTiles;
    // `fallback` for a tile that keeps none.
    static QStringList carried(const QList<int>& keptTiles, const QStringList& oldValues,
                               const QString& fallback = {});
};

}  // namespace vigie::widgets
