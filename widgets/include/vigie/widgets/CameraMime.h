#pragma once
// The drag-and-drop contract between the camera tree and the wall: the payload is the camera id, UTF-8.

#include <QLatin1StringView>

namespace vigie::widgets {

inline constexpr QLatin1StringView kCameraIdMimeType{"application/x-vigie-camera-id"};

}  // namespace vigie::widgets
