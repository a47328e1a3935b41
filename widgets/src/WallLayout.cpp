#include "vigie/widgets/WallLayout.h"

#include <QStringList>

#include <algorithm>
#include <cstdint>

namespace vigie::widgets {

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

QString WallLayout::toText() const
{
    QStringList cells;
    for (const QRect& cell : m_cells)
        cells << QStringLiteral("%1,%2,%3,%4").arg(cell.x()).arg(cell.y()).arg(cell.width()).arg(cell.height());
    return QStringLiteral("%1x%2:").arg(m_columns).arg(m_rows) + cells.join(QLatin1Char(';'));
}

std::optional<WallLayout> WallLayout::fromText(const QString& text)
{
    constexpr int kMaxCells = 16;  // per side: far beyond any wall, small enough to refuse nonsense
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return std::nullopt;
    const QStringList size = text.left(colon).split(QLatin1Char('x'));
    bool okColumns = false;
    bool okRows = false;
    const int columns = size.value(0).toInt(&okColumns);
    const int rows = size.value(1).toInt(&okRows);
    if (size.size() != 2 || !okColumns || !okRows || columns < 1 || rows < 1 || columns > kMaxCells || rows > kMaxCells)
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
