#pragma once
// The arithmetic behind steering a PTZ camera from its tile: drag-to-steer velocity, click-to-centre
// and area-zoom coordinates, wheel zoom steps and keyboard velocities. Pure functions, no widget, so
// that the wall and the tests share one definition of what a gesture means.
//
// Conventions are those of the PTZ contract (rpc/proto/vigie/v1/ptz.proto), kept here without depending
// on the rpc types (the app converts):
// - velocities in [-1, 1]: pan > 0 turns right, tilt > 0 up (screen y grows downwards, hence the sign
//   flip), zoom > 0 towards tele;
// - picture points and areas in normalised coordinates of the FULL picture as the camera delivers it
//   (0..1 both ways, origin top-left, y down), whatever part of it the tile's digital zoom shows.

#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include <optional>

namespace vigie::widgets {

class TileZoom;

// A PTZ velocity in the contract's axes and range (see above).
struct PtzVelocityVector {
    double pan = 0.0;
    double tilt = 0.0;
    double zoom = 0.0;

    bool isZero() const { return pan == 0.0 && tilt == 0.0 && zoom == 0.0; }
    friend bool operator==(const PtzVelocityVector&, const PtzVelocityVector&) = default;
};

class PtzGesture {
public:
    // A drag reaches full speed at this fraction of the tile's smaller side: far enough that speeds in
    // between are easy to hold with the mouse, near enough that full speed stays within a small tile
    // (a press at the centre can still reach it before the tile's edge, which lies at 50%).
    static constexpr double kFullSpeedFraction = 0.4;
    // Default dead zone for dragVelocity(): 8% of the full-speed distance (about 10 px on a 320 px
    // tile). A click or the hand's tremor while holding the button must not start the camera.
    static constexpr double kDefaultDragDeadZone = 0.08;
    // Wheel zoom: one notch (120 eighths of a degree) moves the zoom by this fraction of its whole range,
    // so about twenty notches go from wide to tele; touchpads' fractions of a notch move proportionally.
    static constexpr double kWheelZoomPerNotch = 0.05;

    // Drag-to-steer: the velocity for a drag from pressPos to currentPos (widget coordinates) on a tile of
    // tileSize. deadZone is a fraction (0..1) of the full-speed distance within which the camera stays
    // still. Beyond it the speed grows linearly from 0 (no jump at the dead zone's edge) and reaches 1 on
    // the dominant axis at kFullSpeedFraction of the smaller tile side. The direction is exactly the
    // drag's (the vector drawn on the tile is where the camera goes); the faster axis saturates at 1 and
    // the other keeps its proportion. Zoom is 0. An empty tile gives no velocity.
    static PtzVelocityVector dragVelocity(QPointF pressPos, QPointF currentPos, QSizeF tileSize,
                                          double deadZone = kDefaultDragDeadZone);

    // The full-picture point shown at widgetPos, given viewport (where the picture is drawn unzoomed:
    // the letterboxed picture in Fit mode, the whole tile in Fill mode) and the tile's digital zoom.
    // Uses TileZoom's own mapping, so it matches what is drawn. nullopt outside the viewport (letterbox
    // bars, gaps between tiles) or for an empty viewport.
    static std::optional<QPointF> pictureFromWidget(QPointF widgetPos, const QRectF& viewport, const TileZoom& zoom);

    // The full-picture area under a rectangle drawn on the tile (area zoom): the rectangle may be drawn
    // in any direction; the part over the letterbox bars is dropped. nullopt when nothing of it lies on
    // the picture or it has no area.
    static std::optional<QRectF> pictureAreaFromWidget(const QRectF& widgetRect, const QRectF& viewport,
                                                       const TileZoom& zoom);

    // Wheel zoom as a relative zoom move (a fraction of the zoom range, > 0 towards tele, clamped to
    // [-1, 1]) for a wheel event's angleDelta().y(): turning the wheel away from the user zooms in, as
    // the wall's digital zoom does. A step rather than a velocity: a wheel notch has no duration, and a
    // relative move needs no dead-man stop afterwards.
    static double wheelZoomStep(int angleDelta);

    // Keyboard steering: the arrows held down, at speed (0..1). Opposite arrows cancel; two arrows at
    // right angles move diagonally, each axis at speed. Zoom is 0 (see keyZoomVelocity).
    static PtzVelocityVector keyVelocity(bool left, bool right, bool up, bool down, double speed);
    // Zoom keys held down (+ towards tele, - towards wide) at speed (0..1); both cancel.
    static PtzVelocityVector keyZoomVelocity(bool zoomIn, bool zoomOut, double speed);
};

}  // namespace vigie::widgets
