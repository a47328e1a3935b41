#pragma once
// The drag-and-drop contract between the views that start drags (camera tree, layout lists) and the
// wall that accepts them. Each payload is UTF-8 text:
// - a camera: its id; dropped on a tile, the tile shows that camera;
// - a site: its id; dropped on a tile, the site's cameras fill the free tiles from that one on;
// - a layout: its name; dropped anywhere on the wall, the wall takes that layout.

#include <QLatin1StringView>

namespace vigie::widgets {

inline constexpr QLatin1StringView kCameraIdMimeType{"application/x-vigie-camera-id"};
inline constexpr QLatin1StringView kSiteIdMimeType{"application/x-vigie-site"};
inline constexpr QLatin1StringView kLayoutNameMimeType{"application/x-vigie-layout"};

}  // namespace vigie::widgets
