#include "YuvToRgb.h"

namespace vigie::widgets {

namespace {

// The code value (in the sample's own bit depth) that a normalised texture sample of 1.0 stands for.
double codeOfUnitSample(player::PixelLayout layout)
{
    switch (layout) {
    case player::PixelLayout::Yuv420p10:
        // 10 bits in the low bits of a 16-bit word: GL_R16 gives word / 65535, the code is word.
        return 65535.0;
    case player::PixelLayout::P010:
        // 10 bits in the high bits (word = code * 64, low 6 bits zero): the code is word / 64.
        return 65535.0 / 64.0;
    case player::PixelLayout::Yuv420p:
    case player::PixelLayout::Yuv422p:
    case player::PixelLayout::Yuv444p:
    case player::PixelLayout::Nv12:
    case player::PixelLayout::Bgra: break;
    }
    return 255.0;
}

int bitDepth(player::PixelLayout layout)
{
    return layout == player::PixelLayout::Yuv420p10 || layout == player::PixelLayout::P010 ? 10 : 8;
}

}  // namespace

YuvToRgb YuvToRgb::make(player::ColorMatrix matrix, player::ColorRange range, player::PixelLayout layout)
{
    // Exact luma coefficients of the standards (ITU-R BT.601 and BT.709).
    const double kr = matrix == player::ColorMatrix::Bt709 ? 0.2126 : 0.299;
    const double kb = matrix == player::ColorMatrix::Bt709 ? 0.0722 : 0.114;
    const double kg = 1.0 - kr - kb;

    // Quantisation of an n-bit code (ITU-T H.273), with d = 2^(n-8):
    //   limited: Y' = (code - 16 d) / (219 d),  Cb = (code - 128 d) / (224 d)
    //   full:    Y' = code / (2^n - 1),         Cb = (code - 2^(n-1)) / (2^n - 1)
    // and code = sample * codeOfUnitSample, so the code scale folds into the matrix and the offsets.
    const double unit = codeOfUnitSample(layout);
    const double d = double(1 << (bitDepth(layout) - 8));
    const double fullScale = double((1 << bitDepth(layout)) - 1);
    const bool limited = range == player::ColorRange::Limited;
    const double sy = unit / (limited ? 219.0 * d : fullScale);
    const double sc = unit / (limited ? 224.0 * d : fullScale);

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
    const double chromaZero = 128.0 * d;
    out.offset = {float((limited ? 16.0 * d : 0.0) / unit), float(chromaZero / unit), float(chromaZero / unit)};
    out.chromaInterleaved = player::planeCount(layout) == 2;
    return out;
}

}  // namespace vigie::widgets
