#include "vigie/widgets/PtzGesture.h"

#include <algorithm>
#include <cmath>

#include "vigie/widgets/TileZoom.h"

namespace vigie::widgets {

namespace {
// Rounding slack, in viewport fractions, for positions computed exactly on the picture's edge (e.g. by
// TileZoom::mapToViewport): they count as on the picture.
constexpr double kEdgeTolerance = 1e-9;

double clampUnit(double value)
{
    return std::isfinite(value) ? std::clamp(value, 0.0, 1.0) : 0.0;
}

QPointF clampUnit(QPointF point)
{
    return QPointF(clampUnit(point.x()), clampUnit(point.y()));
}

// The normalised viewport point (0..1 inside) at widgetPos.
QPointF viewportPointAt(QPointF widgetPos, const QRectF& viewport)
{
    return QPointF((widgetPos.x() - viewport.x()) / viewport.width(), (widgetPos.y() - viewport.y()) / viewport.height());
}
}  // namespace

PtzVelocityVector PtzGesture::dragVelocity(QPointF pressPos, QPointF currentPos, QSizeF tileSize, double deadZone)
{
    const double fullSpeedDistance = kFullSpeedFraction * std::min(tileSize.width(), tileSize.height());
    if (!(fullSpeedDistance > 0.0) || !std::isfinite(fullSpeedDistance))
        return {};
    const QPointF drag = (currentPos - pressPos) / fullSpeedDistance;
    const double distance = std::hypot(drag.x(), drag.y());
    const double dead = std::min(clampUnit(deadZone), 0.99);  // a dead zone of 1 would divide by 0 below
    if (!(distance > dead))
        return {};
    // The speed grows from 0 at the dead zone's edge and reaches 1 (on a straight drag) at full-speed
    // distance; along the drag's direction, so that the camera goes where the drawn vector points.
    const double speed = (distance - dead) / (1.0 - dead);
    double pan = speed * drag.x() / distance;
    double tilt = -speed * drag.y() / distance;  // screen y is down, tilt > 0 is up
    // The faster axis saturates at 1; scaling both keeps the direction.
    const double largest = std::max(std::abs(pan), std::abs(tilt));
    if (largest > 1.0) {
        pan /= largest;
        tilt /= largest;
    }
    return {pan, tilt, 0.0};
}

std::optional<QPointF> PtzGesture::pictureFromWidget(QPointF widgetPos, const QRectF& viewport, const TileZoom& zoom)
{
    if (!(viewport.width() > 0.0) || !(viewport.height() > 0.0))
        return std::nullopt;
    const QPointF v = viewportPointAt(widgetPos, viewport);
    const auto onPicture = [](double t) { return t >= -kEdgeTolerance && t <= 1.0 + kEdgeTolerance; };
    if (!onPicture(v.x()) || !onPicture(v.y()))
        return std::nullopt;
    return clampUnit(zoom.sourcePointAt(clampUnit(v)));
}

std::optional<QRectF> PtzGesture::pictureAreaFromWidget(const QRectF& widgetRect, const QRectF& viewport,
                                                       const TileZoom& zoom)
{
    if (!(viewport.width() > 0.0) || !(viewport.height() > 0.0))
        return std::nullopt;
    // A rectangle drawn leftwards or upwards has a negative size until normalised.
    const QRectF onPicture = widgetRect.normalized().intersected(viewport);
    if (!(onPicture.width() > 0.0) || !(onPicture.height() > 0.0))
        return std::nullopt;
    const QPointF topLeft = clampUnit(zoom.sourcePointAt(clampUnit(viewportPointAt(onPicture.topLeft(), viewport))));
    const QPointF bottomRight =
        clampUnit(zoom.sourcePointAt(clampUnit(viewportPointAt(onPicture.bottomRight(), viewport))));
    return QRectF(topLeft, bottomRight);
}

double PtzGesture::wheelZoomStep(int angleDelta)
{
    // angleDelta is in eighths of a degree, 120 per notch.
    return std::clamp(angleDelta / 120.0 * kWheelZoomPerNotch, -1.0, 1.0);
}

PtzVelocityVector PtzGesture::keyVelocity(bool left, bool right, bool up, bool down, double speed)
{
    const double s = clampUnit(speed);
    return {(int(right) - int(left)) * s, (int(up) - int(down)) * s, 0.0};
}

PtzVelocityVector PtzGesture::keyZoomVelocity(bool zoomIn, bool zoomOut, double speed)
{
    return {0.0, 0.0, (int(zoomIn) - int(zoomOut)) * clampUnit(speed)};
}

}  // namespace vigie::widgets
