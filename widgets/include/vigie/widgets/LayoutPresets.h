#pragma once
// The wall layouts an operator picks from a menu: plain grids from 1x1 to 8x8 and the uneven layouts
// control rooms use (one or a few large tiles for what matters, small ones around). Pure geometry on top
// of WallLayout, tested without a window.

#include <QList>
#include <QString>

#include "vigie/widgets/WallLayout.h"

namespace vigie::widgets {

class LayoutPresets {
public:
    enum class Uneven {
        OnePlusFive,     // 3x3 cells: one 2x2 tile, five small ones along the right and bottom
        OnePlusSeven,    // 4x4 cells: one 3x3 tile, seven small ones along the right and bottom
        OnePlusTwelve,   // 4x4 cells: one 2x2 tile in the centre, twelve small ones around it
        TwoPlusEight,    // 4x4 cells: two 2x2 tiles side by side on top, eight small ones below
        ThreePlusFour,   // 4x4 cells: three 2x2 tiles, the fourth quarter split into four small ones
        BigPlusStrip,    // 5x5 cells: one 5x4 tile over a strip of five small ones
    };

    static QList<Uneven> allUneven();
    static WallLayout uneven(Uneven preset);
    // The name on the menu ("1+5", "Big + strip"), translated.
    static QString name(Uneven preset);

    static constexpr int kMaxGrid = 8;
    // columns x columns tiles, 1 <= n <= kMaxGrid (clamped).
    static WallLayout grid(int n);
};

}  // namespace vigie::widgets
