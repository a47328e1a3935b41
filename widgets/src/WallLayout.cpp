#include "vigie/widgets/WallLayout.h"

#include <QStringList>

#include <algorithm>
#include <cstdint>
#include <numeric>

namespace vigie::widgets {

namespace {

// An edit's result with its tiles put in reading order of their top-left cells, so that the numbering
// after an edit never depends on the order of the edits that led to it. `cells` and `sources` run in
// parallel; tiles never overlap, so their top-left cells are distinct and the order is total.
WallLayout::Edit orderedEdit(int columns, int rows, const QList<QRect>& cells, const QList<QList<int>>& sources)
{
    QList<int> order(cells.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const QRect& ra = cells.at(a);
        const QRect& rb = cells.at(b);
        return ra.top() != rb.top() ? ra.top() < rb.top() : ra.left() < rb.left();
    });
    QList<QRect> sortedCells;
    WallLayout::Edit edit;
    for (int index : order) {
        sortedCells.append(cells.at(index));
        edit.sources.append(sources.at(index));
    }
    edit.layout = WallLayout::fromCells(columns, rows, sortedCells);
    return edit;
}

}  // namespace

WallLayout WallLayout::grid(int columns, int rows)
{
    WallLayout layout;
    if (columns <= 0 || rows <= 0)
        return layout;
    layout.m_columns = columns;
    layout.m_rows = rows;
    layout.m_cells.reserve(qsizetype(columns) * rows);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c)
            layout.m_cells.append(QRect(c, r, 1, 1));
    return layout;
}

WallLayout WallLayout::fromCells(int columns, int rows, const QList<QRect>& cells)
{
    WallLayout layout;
    if (columns <= 0 || rows <= 0)
        return layout;
    layout.m_columns = columns;
    layout.m_rows = rows;
    const QRect gridRect(0, 0, columns, rows);
    for (const QRect& cell : cells)
        if (!cell.isEmpty() && gridRect.contains(cell))
            layout.m_cells.append(cell);
    return layout;
}

int WallLayout::neighbour(int tile, Direction direction) const
{
    if (tile < 0 || tile >= tileCount())
        return -1;
    const QRect from = m_cells.at(tile);
    const bool horizontal = direction == Direction::Left || direction == Direction::Right;
    int best = -1;
    int bestOverlap = 0;
    int bestDistance = 0;
    for (int other = 0; other < tileCount(); ++other) {
        const QRect to = m_cells.at(other);
        int distance = 0;  // cells between the two edges along the direction of travel
        switch (direction) {
        case Direction::Left: distance = from.left() - (to.right() + 1); break;
        case Direction::Right: distance = to.left() - (from.right() + 1); break;
        case Direction::Up: distance = from.top() - (to.bottom() + 1); break;
        case Direction::Down: distance = to.top() - (from.bottom() + 1); break;
        }
        if (other == tile || distance < 0)
            continue;
        // Overlap across the direction of travel: a tile beside the current one's span is not "beyond" it.
        const int overlap = horizontal
                                ? std::min(from.bottom(), to.bottom()) - std::max(from.top(), to.top()) + 1
                                : std::min(from.right(), to.right()) - std::max(from.left(), to.left()) + 1;
        if (overlap <= 0)
            continue;
        if (best < 0 || distance < bestDistance || (distance == bestDistance && overlap > bestOverlap)) {
            best = other;
            bestOverlap = overlap;
            bestDistance = distance;
        }
    }
    return best;
}

bool WallLayout::isGrid() const
{
    return tileCount() > 0 && *this == grid(m_columns, m_rows);
}

WallLayout WallLayout::inReadingOrder() const
{
    return orderedEdit(m_columns, m_rows, m_cells, QList<QList<int>>(m_cells.size())).layout;
}

WallLayout::Edit WallLayout::Edit::identity(const WallLayout& layout)
{
    Edit edit{layout, {}};
    for (int tile = 0; tile < layout.tileCount(); ++tile)
        edit.sources.append(QList<int>{tile});
    return edit;
}

WallLayout::Edit WallLayout::Edit::replacement(const WallLayout& previous, const WallLayout& next)
{
    Edit edit{next, {}};
    for (int tile = 0; tile < next.tileCount(); ++tile)
        edit.sources.append(tile < previous.tileCount() ? QList<int>{tile} : QList<int>{});
    return edit;
}

WallLayout::Edit WallLayout::Edit::then(const Edit& next) const
{
    Edit composed{next.layout, {}};
    for (const QList<int>& intermediate : next.sources) {
        QList<int> original;
        for (int tile : intermediate)
            original += sources.value(tile);
        std::sort(original.begin(), original.end());
        original.erase(std::unique(original.begin(), original.end()), original.end());
        composed.sources.append(original);
    }
    return composed;
}

QList<int> WallLayout::Edit::keptTiles(const QStringList& oldCameraIds) const
{
    QList<int> kept;
    kept.reserve(sources.size());
    for (const QList<int>& tileSources : sources) {
        const auto withCamera = std::find_if(tileSources.begin(), tileSources.end(),
                                             [&](int old) { return !oldCameraIds.value(old).isEmpty(); });
        kept.append(withCamera == tileSources.end() ? -1 : *withCamera);
    }
    return kept;
}

QStringList WallLayout::Edit::carried(const QList<int>& keptTiles, const QStringList& oldValues,
                                      const QString& fallback)
{
    QStringList values;
    values.reserve(keptTiles.size());
    for (int old : keptTiles)
        values.append(old >= 0 && old < oldValues.size() ? oldValues.at(old) : fallback);
    return values;
}

std::optional<WallLayout::Edit> WallLayout::merged(QRect cells) const
{
    if (cells.isEmpty() || !QRect(0, 0, m_columns, m_rows).contains(cells))
        return std::nullopt;
    QList<QRect> resultCells;
    QList<QList<int>> resultSources;
    QList<int> inside;
    for (int tile = 0; tile < tileCount(); ++tile) {
        const QRect cell = m_cells.at(tile);
        if (!cell.intersects(cells)) {
            resultCells.append(cell);
            resultSources.append(QList<int>{tile});
        } else if (cells.contains(cell)) {
            inside.append(tile);
        } else {
            return std::nullopt;  // the rectangle would cut this tile in two
        }
    }
    if (inside.size() == 1 && m_cells.at(inside.first()) == cells)
        return std::nullopt;
    resultCells.append(cells);
    resultSources.append(inside);
    return orderedEdit(m_columns, m_rows, resultCells, resultSources);
}

std::optional<WallLayout::Edit> WallLayout::merged(const QList<int>& tiles) const
{
    QRect bounds;
    for (int tile : tiles) {
        if (tile < 0 || tile >= tileCount())
            return std::nullopt;
        bounds |= m_cells.at(tile);
    }
    if (bounds.isEmpty())
        return std::nullopt;
    return merged(bounds);
}

std::optional<WallLayout::Edit> WallLayout::split(int tile) const
{
    if (tile < 0 || tile >= tileCount() || m_cells.at(tile).size() == QSize(1, 1))
        return std::nullopt;
    QList<QRect> resultCells;
    QList<QList<int>> resultSources;
    for (int other = 0; other < tileCount(); ++other) {
        if (other == tile)
            continue;
        resultCells.append(m_cells.at(other));
        resultSources.append(QList<int>{other});
    }
    const QRect cell = m_cells.at(tile);
    for (int r = cell.top(); r <= cell.bottom(); ++r) {
        for (int c = cell.left(); c <= cell.right(); ++c) {
            resultCells.append(QRect(c, r, 1, 1));
            resultSources.append(QPoint(c, r) == cell.topLeft() ? QList<int>{tile} : QList<int>{});
        }
    }
    return orderedEdit(m_columns, m_rows, resultCells, resultSources);
}

std::optional<WallLayout::Edit> WallLayout::resized(int columns, int rows) const
{
    if (columns < 1 || rows < 1 || columns > kMaxSide || rows > kMaxSide)
        return std::nullopt;
    const QRect newGrid(0, 0, columns, rows);
    QList<QRect> resultCells;
    QList<QList<int>> resultSources;
    for (int tile = 0; tile < tileCount(); ++tile) {
        const QRect clipped = m_cells.at(tile) & newGrid;
        if (clipped.isEmpty())
            continue;
        resultCells.append(clipped);
        resultSources.append(QList<int>{tile});
    }
    // Only cells beyond the old grid are new: a cell of the old grid that no tile covered stays so.
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            if (c < m_columns && r < m_rows)
                continue;
            resultCells.append(QRect(c, r, 1, 1));
            resultSources.append(QList<int>{});
        }
    }
    return orderedEdit(columns, rows, resultCells, resultSources);
}

QString WallLayout::toText() const
{
    QStringList cells;
    for (const QRect& cell : m_cells)
        cells << QStringLiteral("%1,%2,%3,%4").arg(cell.x()).arg(cell.y()).arg(cell.width()).arg(cell.height());
    return QStringLiteral("%1x%2:").arg(m_columns).arg(m_rows) + cells.join(QLatin1Char(';'));
}

std::optional<WallLayout> WallLayout::fromText(const QString& text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return std::nullopt;
    const QStringList size = text.left(colon).split(QLatin1Char('x'));
    bool okColumns = false;
    bool okRows = false;
    const int columns = size.value(0).toInt(&okColumns);
    const int rows = size.value(1).toInt(&okRows);
    if (size.size() != 2 || !okColumns || !okRows || columns < 1 || rows < 1 || columns > kMaxSide || rows > kMaxSide)
        return std::nullopt;
    QList<QRect> cells;
    QList<bool> used(columns * rows, false);
    for (const QString& item : text.mid(colon + 1).split(QLatin1Char(';'))) {
        const QStringList numbers = item.split(QLatin1Char(','));
        if (numbers.size() != 4)
            return std::nullopt;
        int values[4] = {};
        for (int i = 0; i < 4; ++i) {
            bool ok = false;
            values[i] = numbers[i].trimmed().toInt(&ok);
            if (!ok)
                return std::nullopt;
        }
        const QRect cell(values[0], values[1], values[2], values[3]);
        if (cell.isEmpty() || !QRect(0, 0, columns, rows).contains(cell))
            return std::nullopt;
        for (int r = cell.top(); r <= cell.bottom(); ++r) {
            for (int c = cell.left(); c <= cell.right(); ++c) {
                if (used[r * columns + c])
                    return std::nullopt;  // overlapping tiles
                used[r * columns + c] = true;
            }
        }
        cells.append(cell);
    }
    return fromCells(columns, rows, cells);
}

QRect WallLayout::cellOf(int tile) const
{
    if (tile < 0 || tile >= tileCount())
        return {};
    return m_cells.at(tile);
}

// Cell i along an axis of `count` cells spans [edgeStart(i), edgeEnd(i)). The space left after the
// gaps is shared with integer division of cumulative sums, so the remainder pixels are spread over the
// cells (sizes differ by at most one) and consecutive cells are separated by exactly gapPx pixels.
int WallLayout::edgeStart(int index, int count, int length, int gapPx)
{
    const std::int64_t avail = std::max<std::int64_t>(0, length - std::int64_t(count - 1) * gapPx);
    return int(std::int64_t(index) * gapPx + (std::int64_t(index) * avail) / count);
}

int WallLayout::edgeEnd(int index, int count, int length, int gapPx)
{
    const std::int64_t avail = std::max<std::int64_t>(0, length - std::int64_t(count - 1) * gapPx);
    return int(std::int64_t(index) * gapPx + (std::int64_t(index + 1) * avail) / count);
}

QRect WallLayout::tileRect(int tile, QSize surface, int gapPx) const
{
    if (tile < 0 || tile >= tileCount() || surface.isEmpty())
        return {};
    gapPx = std::max(0, gapPx);
    const QRect cell = m_cells.at(tile);
    const int left = edgeStart(cell.left(), m_columns, surface.width(), gapPx);
    const int right = edgeEnd(cell.right(), m_columns, surface.width(), gapPx);  // exclusive
    const int top = edgeStart(cell.top(), m_rows, surface.height(), gapPx);
    const int bottom = edgeEnd(cell.bottom(), m_rows, surface.height(), gapPx);  // exclusive
    if (right <= left || bottom <= top)
        return {};
    return QRect(left, top, right - left, bottom - top);
}

int WallLayout::tileAt(QPoint pos, QSize surface, int gapPx) const
{
    // A linear scan: walls have at most a few dozen tiles, and spans make a direct lookup awkward.
    for (int tile = 0; tile < tileCount(); ++tile)
        if (tileRect(tile, surface, gapPx).contains(pos))
            return tile;
    return -1;
}

QRect WallLayout::fitRect(QSize picture, QRect tile)
{
    if (picture.isEmpty() || tile.isEmpty())
        return tile;
    const std::int64_t pw = picture.width(), ph = picture.height();
    const std::int64_t tw = tile.width(), th = tile.height();
    std::int64_t w = tw, h = th;
    if (tw * ph <= th * pw)
        h = std::clamp<std::int64_t>((tw * ph * 2 + pw) / (2 * pw), 1, th);  // width-bound, rounded
    else
        w = std::clamp<std::int64_t>((th * pw * 2 + ph) / (2 * ph), 1, tw);  // height-bound, rounded
    return QRect(tile.x() + int((tw - w) / 2), tile.y() + int((th - h) / 2), int(w), int(h));
}

}  // namespace vigie::widgets
