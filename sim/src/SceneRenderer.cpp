#include "SceneRenderer.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

namespace vigie::sim {

namespace {

// Limited-range BT.601 colours, given directly in Y'CbCr so the encoder's input needs no conversion.
struct Colour {
    std::uint8_t y;
    std::uint8_t cb;
    std::uint8_t cr;
};

// The street: lumas around 75 (asphalt), 120 (facades) and 165 (pavement).
constexpr Colour kFacade{120, 118, 140};
constexpr Colour kWindow{90, 140, 120};
constexpr Colour kPavement{165, 126, 130};
constexpr Colour kKerb{185, 128, 128};
constexpr Colour kRoad{75, 128, 126};
constexpr Colour kLaneMarking{210, 128, 128};
constexpr Colour kBarrier{130, 70, 205};   // orange-red building-site barrier
constexpr Colour kCountingLine{200, 40, 150};  // yellow stripe

// Objects: lumas well away from the street's, and saturated chroma, so they stand out even once encoded.
constexpr Colour kClothes[] = {
    {35, 160, 118},   // navy
    {110, 100, 205},  // crimson
    {215, 50, 150},   // mustard
    {40, 110, 70},    // dark green
    {225, 128, 128},  // white
    {30, 175, 165},   // purple
};
constexpr Colour kSkin{215, 110, 150};
constexpr Colour kBodywork[] = {
    {225, 128, 128},  // white
    {105, 95, 215},   // red
    {40, 195, 110},   // blue
    {205, 130, 125},  // silver
};
constexpr Colour kGlass{30, 140, 120};
constexpr Colour kTyre{20, 128, 128};
constexpr Colour kBag{40, 105, 155};

void paint(const I420Picture& picture, int x, int y, Colour colour)
{
    picture.luma[y * picture.lumaStride + x] = colour.y;
    // One chroma sample per 2x2 block: taken from the block's top-left pixel.
    if (x % 2 == 0 && y % 2 == 0) {
        picture.cb[(y / 2) * picture.chromaStride + x / 2] = colour.cb;
        picture.cr[(y / 2) * picture.chromaStride + x / 2] = colour.cr;
    }
}

void fill(const I420Picture& picture, int left, int top, int right, int bottom, Colour colour)
{
    left = std::clamp(left, 0, picture.width);
    right = std::clamp(right, 0, picture.width);
    top = std::clamp(top, 0, picture.height);
    bottom = std::clamp(bottom, 0, picture.height);
    for (int y = top; y < bottom; ++y) {
        for (int x = left; x < right; ++x)
            paint(picture, x, y, colour);
    }
}

int row(double fraction, int height) { return static_cast<int>(std::lround(fraction * height)); }
int column(double fraction, int width) { return static_cast<int>(std::lround(fraction * width)); }

// A thick segment between two normalised points, drawn as squares along it.
void segment(const I420Picture& picture, ScenePoint from, ScenePoint to, int thickness, Colour colour)
{
    const double dx = (to.x - from.x) * picture.width;
    const double dy = (to.y - from.y) * picture.height;
    const int steps = std::max(1, static_cast<int>(std::ceil(std::max(std::abs(dx), std::abs(dy)))));
    for (int i = 0; i <= steps; ++i) {
        const int x = column(from.x, picture.width) + static_cast<int>(std::lround(dx * i / steps));
        const int y = row(from.y, picture.height) + static_cast<int>(std::lround(dy * i / steps));
        fill(picture, x - thickness / 2, y - thickness / 2, x - thickness / 2 + thickness,
             y - thickness / 2 + thickness, colour);
    }
}

// A stable small number from a track id, to give each object its own colour.
std::size_t colourIndex(const std::string& trackId)
{
    std::size_t value = 0;
    for (const char c : trackId)
        value = value * 31 + static_cast<unsigned char>(c);
    return value;
}

// What a shape paints at a pixel centre, given in box-relative units (u across, v down, both in [0, 1)).
// nullopt: see-through.
using Shade = std::optional<Colour>;

Shade person(double u, double v, double widthPx, double heightPx, Colour clothes)
{
    // The head: a disc touching the box's top edge, narrower than the shoulders (which reach its sides).
    const double radius = std::max(1.0, widthPx * 0.35);
    const double px = u * widthPx - widthPx / 2;
    const double py = v * heightPx - radius;
    if (v * heightPx < 2 * radius)
        return px * px + py * py <= radius * radius ? Shade(kSkin) : std::nullopt;
    // Legs apart below the waist.
    if (v > 0.72 && u > 0.4 && u < 0.6)
        return std::nullopt;
    return clothes;
}

Shade vehicle(double u, double v, Colour bodywork)
{
    if (v < 0.3) {  // the cabin, narrower than the body, with its windows
        if (u < 0.2 || u >= 0.8)
            return std::nullopt;
        return (v > 0.08 && u > 0.26 && u < 0.74 && std::abs(u - 0.5) > 0.02) ? kGlass : bodywork;
    }
    if (v >= 0.82) {  // the wheels only, under the body
        const bool wheel = (u >= 0.1 && u < 0.3) || (u >= 0.7 && u < 0.9);
        return wheel ? Shade(kTyre) : std::nullopt;
    }
    return bodywork;
}

} // namespace

SceneRenderer::SceneRenderer(const SceneScript& script) : m_script(script) {}

PixelRect SceneRenderer::pixelRect(const SceneBox& box, int width, int height)
{
    return {column(box.x, width), row(box.y, height), column(box.x + box.width, width),
            row(box.y + box.height, height)};
}

void SceneRenderer::renderBackground(const I420Picture& picture) const
{
    const SceneLayout& layout = m_script.layout();
    const int w = picture.width;
    const int h = picture.height;
    const int line = std::max(2, h / 240);

    fill(picture, 0, 0, w, row(layout.pavementTop, h), kFacade);
    // Two floors of windows along the facades (the barcode band covers the very top).
    for (int floor = 0; floor < 2; ++floor) {
        const double top = 0.10 + floor * 0.09;
        for (double x = 0.03; x < 0.97; x += 0.08)
            fill(picture, column(x, w), row(top, h), column(x + 0.04, w), row(top + 0.06, h), kWindow);
    }
    fill(picture, 0, row(layout.pavementTop, h), w, row(layout.roadTop, h), kPavement);
    fill(picture, 0, row(layout.roadTop, h), w, row(layout.roadBottom, h), kRoad);
    fill(picture, 0, row(layout.roadBottom, h), w, h, kPavement);
    // Kerbs, and the dashed marking between the lanes.
    fill(picture, 0, row(layout.roadTop, h) - line, w, row(layout.roadTop, h), kKerb);
    fill(picture, 0, row(layout.roadBottom, h), w, row(layout.roadBottom, h) + line, kKerb);
    for (double x = 0.02; x < 1.0; x += 0.1)
        fill(picture, column(x, w), row(layout.laneDivider, h) - line / 2, column(x + 0.05, w),
             row(layout.laneDivider, h) - line / 2 + line, kLaneMarking);

    // The building site's barrier around the forbidden zone, and the counting line across the pavement.
    const auto& zone = layout.forbiddenZone;
    for (std::size_t i = 0; i < zone.size(); ++i)
        segment(picture, zone[i], zone[(i + 1) % zone.size()], line, kBarrier);
    segment(picture, layout.lineStart, layout.lineEnd, line, kCountingLine);
}

void SceneRenderer::render(int frameIndex, const I420Picture& picture) const
{
    renderBackground(picture);
    for (const SceneObject& object : m_script.objectsAt(frameIndex)) {
        const PixelRect rect = pixelRect(object.box, picture.width, picture.height);
        const double widthPx = rect.right - rect.left;
        const double heightPx = rect.bottom - rect.top;
        if (widthPx <= 0 || heightPx <= 0)
            continue;
        const std::size_t index = colourIndex(object.trackId);
        for (int y = rect.top; y < rect.bottom; ++y) {
            const double v = (y - rect.top + 0.5) / heightPx;
            for (int x = rect.left; x < rect.right; ++x) {
                const double u = (x - rect.left + 0.5) / widthPx;
                Shade shade;
                switch (object.objectClass) {
                case vigie::v1::OBJECT_CLASS_PERSON:
                    shade = person(u, v, widthPx, heightPx, kClothes[index % std::size(kClothes)]);
                    break;
                case vigie::v1::OBJECT_CLASS_VEHICLE:
                    shade = vehicle(u, v, kBodywork[index % std::size(kBodywork)]);
                    break;
                default:
                    shade = kBag;
                    break;
                }
                if (shade)
                    paint(picture, x, y, *shade);
            }
        }
    }
}

} // namespace vigie::sim
