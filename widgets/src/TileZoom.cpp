#include "vigie/widgets/TileZoom.h"

#include <algorithm>
#include <cmath>

namespace vigie::widgets {

namespace {
// Below this the scale counts as 1: repeated wheel steps in and out must land back on "not zoomed".
constexpr double kUnzoomedEpsilon = 1e-6;

double clampScale(double scale)
{
    if (!std::isfinite(scale) || scale < 1.0 + kUnzoomedEpsilon)
        return 1.0;
    return std::min(scale, TileZoom::kMaxScale);
}
}  // namespace

TileZoom::TileZoom(double scale, QPointF centre) : m_scale(clampScale(scale)), m_centre(centre)
{
    clampCentre();
}

void TileZoom::clampCentre()
{
    const double half = 0.5 / m_scale;
    const double x = std::isfinite(m_centre.x()) ? m_centre.x() : 0.5;
    const double y = std::isfinite(m_centre.y()) ? m_centre.y() : 0.5;
    m_centre = QPointF(std::clamp(x, half, 1.0 - half), std::clamp(y, half, 1.0 - half));
}

QRectF TileZoom::sourceRect() const
{
    const double size = 1.0 / m_scale;
    return QRectF(m_centre.x() - size / 2, m_centre.y() - size / 2, size, size);
}

QPointF TileZoom::sourcePointAt(QPointF viewportPoint) const
{
    const QRectF source = sourceRect();
    return source.topLeft() + QPointF(viewportPoint.x() * source.width(), viewportPoint.y() * source.height());
}

QRectF TileZoom::mapToViewport(const QRectF& pictureRect, const QRectF& viewport) const
{
    const QRectF source = sourceRect();
    const double sx = viewport.width() / source.width();
    const double sy = viewport.height() / source.height();
    return QRectF(viewport.x() + (pictureRect.x() - source.x()) * sx, viewport.y() + (pictureRect.y() - source.y()) * sy,
                  pictureRect.width() * sx, pictureRect.height() * sy);
}

void TileZoom::zoomAt(QPointF viewportPoint, double factor)
{
    if (!(factor > 0.0) || !std::isfinite(factor))
        return;
    const QPointF anchor = sourcePointAt(viewportPoint);
    m_scale = clampScale(m_scale * factor);
    // The anchor stays at viewportPoint: the new visible rectangle starts viewportPoint / scale before it.
    const double size = 1.0 / m_scale;
    m_centre = anchor - QPointF(viewportPoint.x() * size, viewportPoint.y() * size) + QPointF(size / 2, size / 2);
    clampCentre();
}

void TileZoom::panBy(QPointF viewportDelta)
{
    // Dragging right shows what lies further left in the picture.
    m_centre -= viewportDelta / m_scale;
    clampCentre();
}

}  // namespace vigie::widgets
