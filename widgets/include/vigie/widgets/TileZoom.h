#pragma once
// Digital zoom of one wall tile: a magnification (1 = the whole picture, at most kMaxScale) and the
// centre of the visible part, in normalised picture coordinates (0..1 both ways, origin top-left).
//
// The zoom works inside the viewport the picture covers unzoomed (the letterboxed picture in Fit mode,
// the whole tile in Fill mode): zooming never spreads the picture over the letterbox bars, and the
// visible part is always a sub-rectangle of the picture with the picture's proportions, so it fills that
// viewport exactly in both aspect modes. Pure arithmetic, no widget: the renderers turn sourceRect()
// into a texture-coordinate transform (OpenGL) or a crop for the scaler (software path).

#include <QPointF>
#include <QRectF>

namespace vigie::widgets {

class TileZoom {
public:
    static constexpr double kMaxScale = 8.0;

    TileZoom() = default;
    // scale is clamped to 1..kMaxScale and the centre so that the visible part stays inside the picture.
    TileZoom(double scale, QPointF centre);

    double scale() const { return m_scale; }
    QPointF centre() const { return m_centre; }
    bool isZoomed() const { return m_scale > 1.0; }

    // Multiplies the scale by factor (>1 zooms in) keeping the picture point shown at viewportPoint
    // (normalised viewport coordinates, 0..1) where it is, as far as the picture's edges allow.
    void zoomAt(QPointF viewportPoint, double factor);
    // Moves the picture by delta, in viewport fractions (a drag of the whole viewport width is 1.0): the
    // picture follows the cursor. Clamped so that the picture keeps covering the viewport.
    void panBy(QPointF viewportDelta);
    void reset() { *this = TileZoom(); }

    // The visible part of the picture, in normalised picture coordinates.
    QRectF sourceRect() const;
    // The normalised picture point shown at a normalised viewport point.
    QPointF sourcePointAt(QPointF viewportPoint) const;
    // Where a rectangle given in normalised picture coordinates appears in `viewport` (the area the
    // picture covers unzoomed: letterboxed in Fit mode, the whole tile in Fill mode), in the viewport's
    // coordinates. Not clipped: parts outside the visible source fall outside the viewport.
    QRectF mapToViewport(const QRectF& pictureRect, const QRectF& viewport) const;

    friend bool operator==(const TileZoom&, const TileZoom&) = default;

private:
    void clampCentre();

    double m_scale = 1.0;
    QPointF m_centre{0.5, 0.5};
};

}  // namespace vigie::widgets
