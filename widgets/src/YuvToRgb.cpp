#include "YuvToRgb.h"

namespace vigie::widgets {

YuvToRgb YuvToRgb::make(player::ColorMatrix matrix, player::ColorRange range)
{
    // Exact luma coefficients of the standards (ITU-R BT.601 and BT.709).
    const double kr = matrix == player::ColorMatrix::Bt709 ? 0.2126 : 0.299;
    const double kb = matrix == player::ColorMatrix::Bt709 ? 0.0722 : 0.114;
    const double kg = 1.0 - kr - kb;

    // Normalised sample s = code / 255. Limited range: Y' = (code - 16) / 219, Cb = (code - 128) / 224;
    // full range: Y' = code / 255, Cb = (code - 128) / 255.
    const bool limited = range == player::ColorRange::Limited;
    const double sy = limited ? 255.0 / 219.0 : 1.0;
    const double sc = limited ? 255.0 / 224.0 : 1.0;

    // Rows: R, G, B; columns: Y', Cb, Cr.
    const double m[3][3] = {
        {sy, 0.0, sc * 2.0 * (1.0 - kr)},
        {sy, -sc * 2.0 * kb * (1.0 - kb) / kg, -sc * 2.0 * kr * (1.0 - kr) / kg},
        {sy, sc * 2.0 * (1.0 - kb), 0.0},
    };
    YuvToRgb out;
    for (int col = 0; col < 3; ++col)
        for (int row = 0; row < 3; ++row)
            out.matrix[std::size_t(col * 3 + row)] = float(m[row][col]);
    out.offset = {float((limited ? 16.0 : 0.0) / 255.0), float(128.0 / 255.0), float(128.0 / 255.0)};
    return out;
}

}  // namespace vigie::widgets
