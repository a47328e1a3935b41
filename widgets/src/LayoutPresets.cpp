#include "vigie/widgets/LayoutPresets.h"

#include <QCoreApplication>

#include <algorithm>

namespace vigie::widgets {

namespace {

// Cells of a columns x rows area starting at (left, top), row by row, except those inside `skip`.
QList<QRect> smallCells(int columns, int rows, const QList<QRect>& skip)
{
    QList<QRect> cells;
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            const QRect cell(c, r, 1, 1);
            if (std::none_of(skip.begin(), skip.end(), [&](const QRect& big) { return big.intersects(cell); }))
                cells.append(cell);
        }
    }
    return cells;
}

// The large tiles first (tile 0 is the main one), then the small ones in reading order.
WallLayout withBigTiles(int columns, int rows, const QList<QRect>& big)
{
    return WallLayout::fromCells(columns, rows, big + smallCells(columns, rows, big));
}

}  // namespace

QList<LayoutPresets::Uneven> LayoutPresets::allUneven()
{
    return {Uneven::OnePlusFive,  Uneven::OnePlusSeven,  Uneven::OnePlusTwelve,
            Uneven::TwoPlusEight, Uneven::ThreePlusFour, Uneven::BigPlusStrip};
}

WallLayout LayoutPresets::uneven(Uneven preset)
{
    switch (preset) {
    case Uneven::OnePlusFive: return withBigTiles(3, 3, {QRect(0, 0, 2, 2)});
    case Uneven::OnePlusSeven: return withBigTiles(4, 4, {QRect(0, 0, 3, 3)});
    case Uneven::OnePlusTwelve: return withBigTiles(4, 4, {QRect(1, 1, 2, 2)});
    case Uneven::TwoPlusEight: return withBigTiles(4, 4, {QRect(0, 0, 2, 2), QRect(2, 0, 2, 2)});
    case Uneven::ThreePlusFour:
        return withBigTiles(4, 4, {QRect(0, 0, 2, 2), QRect(2, 0, 2, 2), QRect(0, 2, 2, 2)});
    case Uneven::BigPlusStrip: return withBigTiles(5, 5, {QRect(0, 0, 5, 4)});
    }
    return {};
}

QString LayoutPresets::name(Uneven preset)
{
    switch (preset) {
    case Uneven::OnePlusFive: return QCoreApplication::translate("LayoutPresets", "1+5");
    case Uneven::OnePlusSeven: return QCoreApplication::translate("LayoutPresets", "1+7");
    case Uneven::OnePlusTwelve: return QCoreApplication::translate("LayoutPresets", "1+12");
    case Uneven::TwoPlusEight: return QCoreApplication::translate("LayoutPresets", "2+8");
    case Uneven::ThreePlusFour: return QCoreApplication::translate("LayoutPresets", "3+4");
    case Uneven::BigPlusStrip: return QCoreApplication::translate("LayoutPresets", "Big + strip");
    }
    return {};
}

WallLayout LayoutPresets::grid(int n)
{
    n = std::clamp(n, 1, kMaxGrid);
    return WallLayout::grid(n, n);
}

}  // namespace vigie::widgets
