#pragma once
// A frame number painted into the picture, so that a receiver can tell which frame it is looking at
// from the pixels alone: after RTP, decoding, scaling and rendering. The simulator stamps its clips with
// it; tests read it from decoded Y planes and the wall benchmark from the displayed framebuffer.
//
// Geometry (all relative, so it survives any scaling):
// - The band: the top rows of the picture, bandRows(height) = max(4, round(height / 16)) rows (~6 %).
// - Across the full width, kCells = 20 equal cells, left to right:
//     cell 0        guard, black
//     cell 1        start, white
//     cells 2..17   16 data bits, most significant first (white = 1, black = 0)
//     cell 18       parity: XOR of the 16 data bits (even parity), so an all-white band is rejected
//     cell 19       guard, black
//   Black is luma 16 and white luma 235 (limited range: decoders and renderers map them to 0 and 255).
//   At 640x360 a cell is 32x23 pixels, two macroblocks wide; downscaled to 160x90 it is still 8x6.
// - Reading samples each cell at a 3x3 grid inside its central half (horizontally) and the central half
//   of the band (vertically), away from the blurred edges, and averages. Every cell must be clearly
//   dark (<= kDarkMax) or clearly bright (>= kBrightMin); the guards must be dark, the start bright and
//   the parity right. Anything else is "not a barcode": a grey or white picture, ordinary content.
//
// Readers give luma samples on the 0..255 scale at normalised positions; both the limited range of a
// decoded Y plane (16..235) and the full range of an RGB framebuffer's luma (0..255) work.

#include <cstdint>
#include <functional>
#include <optional>

namespace vigie::barcode {

inline constexpr int kDataBits = 16;
inline constexpr int kCells = kDataBits + 4;
inline constexpr std::uint32_t kMaxValue = (1u << kDataBits) - 1;
inline constexpr std::uint8_t kBlack = 16;
inline constexpr std::uint8_t kWhite = 235;
inline constexpr double kDarkMax = 96;
inline constexpr double kBrightMin = 160;
// Fraction of the picture height the band covers (bandRows() rounds it).
inline constexpr double kBandFraction = 1.0 / 16.0;

// Rows of the band for a picture `height` rows high.
int bandRows(int height);

// Paints `value` (only its low kDataBits bits) over the band of an 8-bit luma plane. Chroma is left
// alone: callers that can should make the band's chroma neutral (128) so that RGB conversions keep the
// blocks black and white.
void stamp(std::uint8_t* luma, int stride, int width, int height, std::uint32_t value);

// Luma (0..255) at a normalised position of the picture: x and y in [0, 1], (0, 0) the top-left corner.
using Sampler = std::function<double(double x, double y)>;

// The stamped value, or nullopt when the top of the picture is not a valid barcode.
std::optional<std::uint32_t> read(const Sampler& sample);

// Convenience: reads an 8-bit luma plane with bilinear sampling.
std::optional<std::uint32_t> readPlane(const std::uint8_t* luma, int stride, int width, int height);

} // namespace vigie::barcode
