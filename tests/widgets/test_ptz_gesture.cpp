// PtzGesture's arithmetic, without a window: drag-to-steer velocity (dead zone, proportionality,
// clamping, signs, continuity), picture points and areas under the cursor for both aspect modes and
// any digital zoom (consistent with TileZoom's drawing), wheel steps and keyboard velocities.

#include <QtTest>

#include <cmath>
#include <numbers>

#include "vigie/widgets/PtzGesture.h"
#include "vigie/widgets/TileZoom.h"
#include "vigie/widgets/WallLayout.h"

using vigie::widgets::PtzGesture;
using vigie::widgets::PtzVelocityVector;
using vigie::widgets::TileZoom;
using vigie::widgets::WallLayout;

Q_DECLARE_METATYPE(TileZoom)

namespace {
bool near(double a, double b, double tolerance = 1e-9)
{
    return std::abs(a - b) <= tolerance;
}

bool near(QPointF a, QPointF b, double tolerance = 1e-9)
{
    return near(a.x(), b.x(), tolerance) && near(a.y(), b.y(), tolerance);
}

bool near(const QRectF& a, const QRectF& b, double tolerance = 1e-9)
{
    return near(a.topLeft(), b.topLeft(), tolerance) && near(a.bottomRight(), b.bottomRight(), tolerance);
}

QString describe(QPointF p)
{
    return QStringLiteral("(%1, %2)").arg(p.x()).arg(p.y());
}

QString describe(const QRectF& r)
{
    return QStringLiteral("(%1, %2) .. (%3, %4)").arg(r.left()).arg(r.top()).arg(r.right()).arg(r.bottom());
}

QString describe(const PtzVelocityVector& v)
{
    return QStringLiteral("pan %1 tilt %2 zoom %3").arg(v.pan).arg(v.tilt).arg(v.zoom);
}

// Where a picture point is drawn, by the same mapping the renderers and overlays use.
QPointF widgetPointOf(QPointF picturePoint, const QRectF& viewport, const TileZoom& zoom)
{
    return zoom.mapToViewport(QRectF(picturePoint, QSizeF(0, 0)), viewport).topLeft();
}

// The viewport the wall draws into: the letterboxed picture (Fit) or the whole tile (Fill).
QRectF viewportFor(QSize picture, QRect tile, bool fit)
{
    return fit ? QRectF(WallLayout::fitRect(picture, tile)) : QRectF(tile);
}

const QSize kWide(1920, 1080);  // 16:9
}  // namespace

class TestPtzGesture : public QObject {
    Q_OBJECT
private slots:
    void deadZoneGivesNothing();
    void speedIsProportionalToDistance();
    void speedDependsOnTileSizeOnlyRelatively();
    void speedIsClampedKeepingDirection();
    void directionSigns();
    void continuousAtDeadZoneEdge();
    void degenerateTileOrDeadZone();
    void fitLetterboxPoints();
    void fillStretchedPoints();
    void zoomedCornerPoints();
    void pointsRoundTrip_data();
    void pointsRoundTrip();
    void areaDrawnBackwards();
    void areaOverLetterboxIsClipped();
    void areaWithoutPictureIsNothing();
    void areasRoundTrip_data();
    void areasRoundTrip();
    void wheelSteps();
    void keyboardVelocities();
};

void TestPtzGesture::deadZoneGivesNothing()
{
    const QSizeF tile(400, 300);  // full speed at 120 px, default dead zone 9.6 px
    const QPointF press(200, 150);
    QVERIFY(PtzGesture::dragVelocity(press, press, tile).isZero());
    QVERIFY(PtzGesture::dragVelocity(press, press + QPointF(5, 0), tile).isZero());
    QVERIFY(PtzGesture::dragVelocity(press, press + QPointF(-6, 6), tile).isZero());  // 8.5 px: radial
    QVERIFY(PtzGesture::dragVelocity(press, press + QPointF(0, -9.5), tile).isZero());
    QVERIFY(!PtzGesture::dragVelocity(press, press + QPointF(0, -10), tile).isZero());
    // A larger dead zone swallows more.
    QVERIFY(PtzGesture::dragVelocity(press, press + QPointF(30, 0), tile, 0.3).isZero());
    QVERIFY(!PtzGesture::dragVelocity(press, press + QPointF(40, 0), tile, 0.3).isZero());
}

void TestPtzGesture::speedIsProportionalToDistance()
{
    const QSizeF tile(500, 300);  // smaller side 300: full speed at 120 px
    const QPointF press(250, 150);
    // Without a dead zone the speed is the distance over the full-speed distance.
    QVERIFY(near(PtzGesture::dragVelocity(press, press + QPointF(30, 0), tile, 0.0).pan, 0.25));
    QVERIFY(near(PtzGesture::dragVelocity(press, press + QPointF(60, 0), tile, 0.0).pan, 0.5));
    QVERIFY(near(PtzGesture::dragVelocity(press, press + QPointF(120, 0), tile, 0.0).pan, 1.0));
    // With one it is linear beyond the dead zone and still full at the full-speed distance.
    const double dead = 0.1;
    const double a = PtzGesture::dragVelocity(press, press + QPointF(0, -40), tile, dead).tilt;
    const double b = PtzGesture::dragVelocity(press, press + QPointF(0, -70), tile, dead).tilt;
    const double c = PtzGesture::dragVelocity(press, press + QPointF(0, -100), tile, dead).tilt;
    QVERIFY(a > 0 && b > a && c > b);
    QVERIFY(near(b - a, c - b));
    QVERIFY(near(a, (40.0 / 120 - dead) / (1 - dead)));
    QVERIFY(near(PtzGesture::dragVelocity(press, press + QPointF(0, -120), tile, dead).tilt, 1.0));
    // A diagonal drag keeps its proportions below saturation.
    const PtzVelocityVector diagonal = PtzGesture::dragVelocity(press, press + QPointF(30, -60), tile, 0.0);
    QVERIFY2(near(diagonal.tilt, 2 * diagonal.pan), qPrintable(describe(diagonal)));
    QVERIFY(near(std::hypot(diagonal.pan, diagonal.tilt), std::hypot(30.0, 60.0) / 120));
}

void TestPtzGesture::speedDependsOnTileSizeOnlyRelatively()
{
    // The same drag relative to the tile gives the same velocity on a thumbnail and on a full screen.
    const PtzVelocityVector small = PtzGesture::dragVelocity({100, 75}, {140, 55}, {200, 150});
    const PtzVelocityVector large = PtzGesture::dragVelocity({960, 720}, {1216, 592}, {1280, 960});
    QVERIFY2(near(small.pan, large.pan) && near(small.tilt, large.tilt), qPrintable(describe(small) + " / " + describe(large)));
    // The smaller side sets the scale: a wide tile does not make vertical drags slower.
    const double tall = PtzGesture::dragVelocity({0, 0}, {0, 40}, {200, 800}, 0.0).tilt;
    const double wide = PtzGesture::dragVelocity({0, 0}, {0, 40}, {800, 200}, 0.0).tilt;
    QVERIFY(near(tall, wide));
    QVERIFY(near(tall, -0.5));
}

void TestPtzGesture::speedIsClampedKeepingDirection()
{
    const QSizeF tile(400, 300);
    const QPointF press(200, 150);
    QCOMPARE(PtzGesture::dragVelocity(press, press + QPointF(5000, 0), tile), (PtzVelocityVector{1.0, 0.0, 0.0}));
    QCOMPARE(PtzGesture::dragVelocity(press, press + QPointF(0, 5000), tile), (PtzVelocityVector{0.0, -1.0, 0.0}));
    // Far along a diagonal: the faster axis is at 1, the direction is kept.
    const PtzVelocityVector far = PtzGesture::dragVelocity(press, press + QPointF(-600, -300), tile);
    QVERIFY2(near(far.pan, -1.0) && near(far.tilt, 0.5), qPrintable(describe(far)));
    const PtzVelocityVector corner = PtzGesture::dragVelocity(press, press + QPointF(400, 400), tile);
    QVERIFY2(near(corner.pan, 1.0) && near(corner.tilt, -1.0), qPrintable(describe(corner)));
    for (int angle = 0; angle < 360; angle += 15) {
        const double r = angle * std::numbers::pi / 180;
        for (const double length : {20.0, 100.0, 200.0, 1000.0}) {
            const PtzVelocityVector v =
                PtzGesture::dragVelocity(press, press + QPointF(length * std::cos(r), length * std::sin(r)), tile);
            QVERIFY2(std::abs(v.pan) <= 1.0 && std::abs(v.tilt) <= 1.0 && v.zoom == 0.0, qPrintable(describe(v)));
        }
    }
}

void TestPtzGesture::directionSigns()
{
    const QSizeF tile(640, 360);
    const QPointF press(320, 180);
    const PtzVelocityVector right = PtzGesture::dragVelocity(press, press + QPointF(80, 0), tile);
    QVERIFY(right.pan > 0 && right.tilt == 0);
    const PtzVelocityVector left = PtzGesture::dragVelocity(press, press + QPointF(-80, 0), tile);
    QVERIFY(left.pan < 0 && left.tilt == 0);
    const PtzVelocityVector up = PtzGesture::dragVelocity(press, press + QPointF(0, -80), tile);  // screen y is down
    QVERIFY2(up.tilt > 0 && up.pan == 0, qPrintable(describe(up)));
    const PtzVelocityVector down = PtzGesture::dragVelocity(press, press + QPointF(0, 80), tile);
    QVERIFY(down.tilt < 0 && down.pan == 0);
    const PtzVelocityVector upRight = PtzGesture::dragVelocity(press, press + QPointF(50, -50), tile);
    QVERIFY(upRight.pan > 0 && upRight.tilt > 0 && near(upRight.pan, upRight.tilt));
    QCOMPARE(right.zoom, 0.0);
}

void TestPtzGesture::continuousAtDeadZoneEdge()
{
    const QSizeF tile(400, 300);
    const QPointF press(200, 150);
    const double edge = PtzGesture::kDefaultDragDeadZone * PtzGesture::kFullSpeedFraction * 300;
    const double justInside = PtzGesture::dragVelocity(press, press + QPointF(edge - 1e-6, 0), tile).pan;
    const double justOutside = PtzGesture::dragVelocity(press, press + QPointF(edge + 1e-6, 0), tile).pan;
    QCOMPARE(justInside, 0.0);
    QVERIFY(justOutside > 0.0 && justOutside < 1e-6);
    // And the speed never jumps: tiny steps in distance give tiny steps in speed all the way out.
    double previous = 0.0;
    for (double d = 0.0; d <= 200.0; d += 0.25) {
        const double pan = PtzGesture::dragVelocity(press, press + QPointF(d, 0), tile).pan;
        QVERIFY2(pan >= previous && pan - previous < 0.005, qPrintable(QStringLiteral("at %1 px: %2 after %3").arg(d).arg(pan).arg(previous)));
        previous = pan;
    }
    QCOMPARE(previous, 1.0);
}

void TestPtzGesture::degenerateTileOrDeadZone()
{
    QVERIFY(PtzGesture::dragVelocity({0, 0}, {50, 50}, {0, 300}).isZero());
    QVERIFY(PtzGesture::dragVelocity({0, 0}, {50, 50}, {}).isZero());
    QVERIFY(PtzGesture::dragVelocity({0, 0}, {50, 50}, {-100, 300}).isZero());
    // Out-of-range dead zones are clamped rather than producing nonsense.
    QVERIFY(near(PtzGesture::dragVelocity({0, 0}, {60, 0}, {300, 300}, -1.0).pan, 0.5));
    const PtzVelocityVector huge = PtzGesture::dragVelocity({0, 0}, {1000, 0}, {300, 300}, 5.0);
    QVERIFY(std::isfinite(huge.pan) && std::abs(huge.pan) <= 1.0);
    QVERIFY(PtzGesture::dragVelocity({0, 0}, {60, 0}, {300, 300}, std::nan("")).pan > 0);
}

void TestPtzGesture::fitLetterboxPoints()
{
    // A 16:9 picture in a 4:3 tile: bars above and below.
    const QRect tile(100, 50, 400, 300);
    const QRectF viewport = viewportFor(kWide, tile, true);
    QCOMPARE(viewport, QRectF(100, 87, 400, 225));
    const TileZoom none;
    QVERIFY(!PtzGesture::pictureFromWidget({300, 60}, viewport, none));   // top bar
    QVERIFY(!PtzGesture::pictureFromWidget({300, 330}, viewport, none));  // bottom bar
    QVERIFY(!PtzGesture::pictureFromWidget({300, 86.5}, viewport, none));
    QVERIFY(!PtzGesture::pictureFromWidget({90, 200}, viewport, none));  // left of the tile
    const auto centre = PtzGesture::pictureFromWidget(viewport.center(), viewport, none);
    QVERIFY(centre);
    QVERIFY2(near(*centre, {0.5, 0.5}), qPrintable(describe(*centre)));
    QVERIFY(near(*PtzGesture::pictureFromWidget(viewport.topLeft(), viewport, none), {0, 0}));
    QVERIFY(near(*PtzGesture::pictureFromWidget(viewport.bottomRight(), viewport, none), {1, 1}));
    QVERIFY(near(*PtzGesture::pictureFromWidget(viewport.topRight(), viewport, none), {1, 0}));
    QVERIFY(near(*PtzGesture::pictureFromWidget(viewport.bottomLeft(), viewport, none), {0, 1}));
    QVERIFY(near(*PtzGesture::pictureFromWidget({200, 87 + 225 * 0.75}, viewport, none), {0.25, 0.75}));
    // A tall picture in a wide tile: bars left and right.
    const QRectF pillar = viewportFor(QSize(1080, 1920), QRect(0, 0, 800, 450), true);
    QVERIFY(!PtzGesture::pictureFromWidget({10, 225}, pillar, none));
    QVERIFY(near(*PtzGesture::pictureFromWidget(pillar.center(), pillar, none), {0.5, 0.5}));
}

void TestPtzGesture::fillStretchedPoints()
{
    const QRect tile(0, 0, 400, 300);
    const QRectF viewport = viewportFor(kWide, tile, false);  // the whole tile, picture stretched
    const TileZoom none;
    QVERIFY(near(*PtzGesture::pictureFromWidget({0, 0}, viewport, none), {0, 0}));
    QVERIFY(near(*PtzGesture::pictureFromWidget({400, 300}, viewport, none), {1, 1}));
    QVERIFY(near(*PtzGesture::pictureFromWidget({100, 225}, viewport, none), {0.25, 0.75}));
    QVERIFY(near(*PtzGesture::pictureFromWidget({300, 20}, viewport, none), {0.75, 20.0 / 300}));
    QVERIFY(!PtzGesture::pictureFromWidget({401, 150}, viewport, none));
    QVERIFY(!PtzGesture::pictureFromWidget({200, -1}, viewport, none));
}

void TestPtzGesture::zoomedCornerPoints()
{
    const QRectF viewport = viewportFor(kWide, QRect(0, 0, 400, 300), true);
    // x2 on the top-left quadrant: the viewport shows (0, 0) .. (0.5, 0.5).
    const TileZoom topLeft(2.0, {0.25, 0.25});
    QVERIFY(near(*PtzGesture::pictureFromWidget(viewport.topLeft(), viewport, topLeft), {0, 0}));
    QVERIFY(near(*PtzGesture::pictureFromWidget(viewport.bottomRight(), viewport, topLeft), {0.5, 0.5}));
    QVERIFY(near(*PtzGesture::pictureFromWidget(viewport.center(), viewport, topLeft), {0.25, 0.25}));
    // x4 on the bottom-right corner: (0.75, 0.75) .. (1, 1).
    const TileZoom bottomRight(4.0, {1.0, 1.0});  // clamped to centre (0.875, 0.875)
    QVERIFY(near(*PtzGesture::pictureFromWidget(viewport.topLeft(), viewport, bottomRight), {0.75, 0.75}));
    QVERIFY(near(*PtzGesture::pictureFromWidget(viewport.bottomRight(), viewport, bottomRight), {1, 1}));
    QVERIFY(near(*PtzGesture::pictureFromWidget(viewport.center(), viewport, bottomRight), {0.875, 0.875}));
    // Zoomed, the letterbox bars stay bars.
    QVERIFY(!PtzGesture::pictureFromWidget({200, 10}, viewport, bottomRight));
}

void TestPtzGesture::pointsRoundTrip_data()
{
    QTest::addColumn<QRect>("tile");
    QTest::addColumn<QSize>("picture");
    QTest::addColumn<bool>("fit");
    QTest::addColumn<TileZoom>("zoom");
    const QList<QPair<const char*, QRect>> tiles = {{"small 4:3", QRect(0, 0, 320, 240)},
                                                    {"full hd at an offset", QRect(1920, 30, 1920, 1080)},
                                                    {"tall", QRect(10, 10, 200, 600)},
                                                    {"odd", QRect(7, 3, 333, 187)}};
    const QList<QPair<const char*, TileZoom>> zooms = {{"x1", TileZoom()},
                                                       {"x2 top-left", TileZoom(2.0, {0.0, 0.0})},
                                                       {"x2 bottom-right", TileZoom(2.0, {1.0, 1.0})},
                                                       {"x4 centre", TileZoom(4.0, {0.5, 0.5})},
                                                       {"x4 top-right", TileZoom(4.0, {1.0, 0.0})},
                                                       {"x8 off-centre", TileZoom(8.0, {0.3, 0.7})}};
    for (const auto& [tileName, tile] : tiles)
        for (const bool fit : {true, false})
            for (const auto& [zoomName, zoom] : zooms)
                QTest::addRow("%s %s %s", tileName, fit ? "fit" : "fill", zoomName) << tile << kWide << fit << zoom;
}

void TestPtzGesture::pointsRoundTrip()
{
    QFETCH(QRect, tile);
    QFETCH(QSize, picture);
    QFETCH(bool, fit);
    QFETCH(TileZoom, zoom);
    const QRectF viewport = viewportFor(picture, tile, fit);
    const QRectF visible = zoom.sourceRect();
    // Every picture point the zoom shows, drawn where TileZoom draws it, is found again under the cursor.
    for (int i = 0; i <= 8; ++i) {
        for (int j = 0; j <= 8; ++j) {
            const QPointF p(visible.left() + visible.width() * i / 8, visible.top() + visible.height() * j / 8);
            const QPointF w = widgetPointOf(p, viewport, zoom);
            const auto back = PtzGesture::pictureFromWidget(w, viewport, zoom);
            QVERIFY2(back, qPrintable(describe(p) + " drawn at " + describe(w) + " not found"));
            QVERIFY2(near(*back, p, 1e-9), qPrintable(describe(p) + " came back as " + describe(*back)));
        }
    }
    // Picture points the zoom does not show are drawn outside the viewport: nothing is found there.
    if (zoom.isZoomed()) {
        const QPointF hidden = visible.left() > 0.01 ? QPointF(visible.left() - 0.01, visible.center().y())
                                                     : QPointF(visible.right() + 0.01, visible.center().y());
        QVERIFY(!PtzGesture::pictureFromWidget(widgetPointOf(hidden, viewport, zoom), viewport, zoom));
    }
}

void TestPtzGesture::areaDrawnBackwards()
{
    const QRectF viewport = viewportFor(kWide, QRect(0, 0, 400, 300), true);  // (0, 37) 400 x 225
    const TileZoom none;
    const QPointF a = viewport.topLeft() + QPointF(100, 45);
    const QPointF b = viewport.topLeft() + QPointF(300, 180);
    const auto forwards = PtzGesture::pictureAreaFromWidget(QRectF(a, b), viewport, none);
    const auto backwards = PtzGesture::pictureAreaFromWidget(QRectF(b, a), viewport, none);  // negative size
    const auto otherDiagonal =
        PtzGesture::pictureAreaFromWidget(QRectF(QPointF(b.x(), a.y()), QPointF(a.x(), b.y())), viewport, none);
    QVERIFY(forwards && backwards && otherDiagonal);
    const QRectF expected(QPointF(0.25, 0.2), QPointF(0.75, 0.8));
    QVERIFY2(near(*forwards, expected), qPrintable(describe(*forwards)));
    QVERIFY2(near(*backwards, expected), qPrintable(describe(*backwards)));
    QVERIFY2(near(*otherDiagonal, expected), qPrintable(describe(*otherDiagonal)));
    QVERIFY(backwards->width() > 0 && backwards->height() > 0);
}

void TestPtzGesture::areaOverLetterboxIsClipped()
{
    const QRectF viewport = viewportFor(kWide, QRect(0, 0, 400, 300), true);
    QCOMPARE(viewport, QRectF(0, 37, 400, 225));
    const TileZoom none;
    // From the top bar down into the picture, drawn upwards from inside it.
    const auto area = PtzGesture::pictureAreaFromWidget(QRectF(QPointF(300, 37 + 112.5), QPointF(100, 5)), viewport, none);
    QVERIFY(area);
    QVERIFY2(near(*area, QRectF(QPointF(0.25, 0.0), QPointF(0.75, 0.5))), qPrintable(describe(*area)));
    // Past every edge: the whole picture.
    const auto all = PtzGesture::pictureAreaFromWidget(QRectF(-50, -50, 600, 500), viewport, none);
    QVERIFY(all);
    QVERIFY(near(*all, QRectF(0, 0, 1, 1)));
    // Zoomed x2 on the bottom-right quadrant, from inside the picture into the bottom bar.
    const TileZoom zoom(2.0, {0.75, 0.75});
    const auto zoomed = PtzGesture::pictureAreaFromWidget(QRectF(QPointF(200, 37 + 112.5), QPointF(400, 299)), viewport, zoom);
    QVERIFY(zoomed);
    QVERIFY2(near(*zoomed, QRectF(QPointF(0.75, 0.75), QPointF(1.0, 1.0))), qPrintable(describe(*zoomed)));
}

void TestPtzGesture::areaWithoutPictureIsNothing()
{
    const QRectF viewport = viewportFor(kWide, QRect(0, 0, 400, 300), true);
    const TileZoom none;
    QVERIFY(!PtzGesture::pictureAreaFromWidget(QRectF(10, 2, 300, 30), viewport, none));     // within the top bar
    QVERIFY(!PtzGesture::pictureAreaFromWidget(QRectF(100, 100, 0, 50), viewport, none));    // no width (a click)
    QVERIFY(!PtzGesture::pictureAreaFromWidget(QRectF(100, 100, 50, 0), viewport, none));    // no height
    QVERIFY(!PtzGesture::pictureAreaFromWidget(QRectF(500, 100, 50, 50), viewport, none));   // beside the tile
    QVERIFY(!PtzGesture::pictureAreaFromWidget(QRectF(10, 10, 50, 50), QRectF(), none));     // no viewport
    QVERIFY(!PtzGesture::pictureFromWidget({10, 10}, QRectF(10, 10, 0, 0), none));
}

void TestPtzGesture::areasRoundTrip_data()
{
    pointsRoundTrip_data();
}

void TestPtzGesture::areasRoundTrip()
{
    QFETCH(QRect, tile);
    QFETCH(QSize, picture);
    QFETCH(bool, fit);
    QFETCH(TileZoom, zoom);
    const QRectF viewport = viewportFor(picture, tile, fit);
    const QRectF visible = zoom.sourceRect();
    // An area inside what the zoom shows, drawn where TileZoom draws it, comes back whole...
    const QRectF area(visible.left() + visible.width() * 0.1, visible.top() + visible.height() * 0.3,
                      visible.width() * 0.5, visible.height() * 0.6);
    const QRectF drawn = zoom.mapToViewport(area, viewport);
    const auto back = PtzGesture::pictureAreaFromWidget(drawn, viewport, zoom);
    QVERIFY(back);
    QVERIFY2(near(*back, area), qPrintable(describe(area) + " came back as " + describe(*back)));
    // ...and one reaching past it comes back clipped to it.
    const QRectF wider(visible.left() - 0.5, visible.top() + visible.height() * 0.25, 2.0, visible.height() * 0.5);
    const auto clipped = PtzGesture::pictureAreaFromWidget(zoom.mapToViewport(wider, viewport), viewport, zoom);
    QVERIFY(clipped);
    QVERIFY2(near(*clipped, QRectF(visible.left(), wider.top(), visible.width(), wider.height())), qPrintable(describe(*clipped)));
}

void TestPtzGesture::wheelSteps()
{
    QVERIFY(near(PtzGesture::wheelZoomStep(120), PtzGesture::kWheelZoomPerNotch));
    QVERIFY(near(PtzGesture::wheelZoomStep(-120), -PtzGesture::kWheelZoomPerNotch));
    QVERIFY(near(PtzGesture::wheelZoomStep(240), 2 * PtzGesture::kWheelZoomPerNotch));
    QVERIFY(near(PtzGesture::wheelZoomStep(30), PtzGesture::kWheelZoomPerNotch / 4));  // a touchpad's fraction
    QCOMPARE(PtzGesture::wheelZoomStep(0), 0.0);
    QCOMPARE(PtzGesture::wheelZoomStep(1'000'000), 1.0);
    QCOMPARE(PtzGesture::wheelZoomStep(-1'000'000), -1.0);
}

void TestPtzGesture::keyboardVelocities()
{
    QCOMPARE(PtzGesture::keyVelocity(false, true, false, false, 0.5), (PtzVelocityVector{0.5, 0.0, 0.0}));
    QCOMPARE(PtzGesture::keyVelocity(true, false, false, false, 0.5), (PtzVelocityVector{-0.5, 0.0, 0.0}));
    QCOMPARE(PtzGesture::keyVelocity(false, false, true, false, 0.7), (PtzVelocityVector{0.0, 0.7, 0.0}));
    QCOMPARE(PtzGesture::keyVelocity(false, false, false, true, 0.7), (PtzVelocityVector{0.0, -0.7, 0.0}));
    QCOMPARE(PtzGesture::keyVelocity(false, true, true, false, 1.0), (PtzVelocityVector{1.0, 1.0, 0.0}));
    QVERIFY(PtzGesture::keyVelocity(true, true, true, true, 1.0).isZero());  // opposite keys cancel
    QVERIFY(PtzGesture::keyVelocity(false, false, false, false, 1.0).isZero());
    QCOMPARE(PtzGesture::keyVelocity(false, true, false, false, 3.0), (PtzVelocityVector{1.0, 0.0, 0.0}));
    QVERIFY(PtzGesture::keyVelocity(false, true, false, false, -1.0).isZero());
    QCOMPARE(PtzGesture::keyZoomVelocity(true, false, 0.4), (PtzVelocityVector{0.0, 0.0, 0.4}));
    QCOMPARE(PtzGesture::keyZoomVelocity(false, true, 0.4), (PtzVelocityVector{0.0, 0.0, -0.4}));
    QVERIFY(PtzGesture::keyZoomVelocity(true, true, 0.4).isZero());
}

QTEST_APPLESS_MAIN(TestPtzGesture)
#include "test_ptz_gesture.moc"
