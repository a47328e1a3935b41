// TileZoom's arithmetic, without a window: limits, zoom at a point (the point stays put), panning
// clamped to the picture, reset.

#include <QtTest>

#include "vigie/widgets/TileZoom.h"

using vigie::widgets::TileZoom;

namespace {
bool near(QPointF a, QPointF b, double tolerance = 1e-9)
{
    return std::abs(a.x() - b.x()) <= tolerance && std::abs(a.y() - b.y()) <= tolerance;
}

bool near(const QRectF& a, const QRectF& b, double tolerance = 1e-9)
{
    return near(a.topLeft(), b.topLeft(), tolerance) && near(a.bottomRight(), b.bottomRight(), tolerance);
}

QString describe(const QRectF& r)
{
    return QStringLiteral("(%1, %2, %3 x %4)").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
}

bool inside(const QRectF& r)
{
    const double e = 1e-12;
    return r.left() >= -e && r.top() >= -e && r.right() <= 1 + e && r.bottom() <= 1 + e;
}
}  // namespace

class TestTileZoom : public QObject {
    Q_OBJECT
private slots:
    void unzoomedShowsWholePicture();
    void zoomAtCentre();
    void zoomKeepsPointUnderCursor_data();
    void zoomKeepsPointUnderCursor();
    void zoomAtCornerQuadrant();
    void scaleIsClamped();
    void zoomOutNearEdgeStaysInside();
    void panFollowsCursorAndIsClamped();
    void panDoesNothingUnzoomed();
    void resetAndConstructorClamp();
    void nonsenseInputIsHarmless();
    void boxesMapForAnyViewportAndZoom_data();
    void boxesMapForAnyViewportAndZoom();
};

void TestTileZoom::unzoomedShowsWholePicture()
{
    const TileZoom zoom;
    QCOMPARE(zoom.scale(), 1.0);
    QVERIFY(!zoom.isZoomed());
    QVERIFY(near(zoom.sourceRect(), QRectF(0, 0, 1, 1)));
    QVERIFY(near(zoom.sourcePointAt({0.25, 0.75}), QPointF(0.25, 0.75)));
}

void TestTileZoom::zoomAtCentre()
{
    TileZoom zoom;
    zoom.zoomAt({0.5, 0.5}, 2.0);
    QCOMPARE(zoom.scale(), 2.0);
    QVERIFY(zoom.isZoomed());
    QVERIFY2(near(zoom.sourceRect(), QRectF(0.25, 0.25, 0.5, 0.5)), qPrintable(describe(zoom.sourceRect())));
    zoom.zoomAt({0.5, 0.5}, 0.5);
    QVERIFY(!zoom.isZoomed());
    QVERIFY(near(zoom.sourceRect(), QRectF(0, 0, 1, 1)));
}

void TestTileZoom::zoomKeepsPointUnderCursor_data()
{
    QTest::addColumn<QPointF>("cursor");
    QTest::addColumn<double>("factor");
    QTest::newRow("centre-ish x1.25") << QPointF(0.4, 0.6) << 1.25;
    QTest::newRow("quarter x2") << QPointF(0.25, 0.25) << 2.0;
    QTest::newRow("corner-ish x3") << QPointF(0.9, 0.1) << 3.0;
    QTest::newRow("exact corner x4") << QPointF(1.0, 1.0) << 4.0;
}

void TestTileZoom::zoomKeepsPointUnderCursor()
{
    QFETCH(QPointF, cursor);
    QFETCH(double, factor);
    TileZoom zoom;
    zoom.zoomAt({0.3, 0.3}, 1.5);  // start from a zoomed, off-centre state
    const QPointF before = zoom.sourcePointAt(cursor);
    zoom.zoomAt(cursor, factor);
    QVERIFY(inside(zoom.sourceRect()));
    const QPointF after = zoom.sourcePointAt(cursor);
    QVERIFY2(near(before, after, 1e-9), qPrintable(QStringLiteral("(%1, %2) moved to (%3, %4)")
                                                      .arg(before.x()).arg(before.y()).arg(after.x()).arg(after.y())));
    // And zooming back out by the same factor there returns to the previous view.
    zoom.zoomAt(cursor, 1.0 / factor);
    QVERIFY(near(zoom.sourcePointAt(cursor), before, 1e-9));
    QCOMPARE(zoom.scale(), 1.5);
}

void TestTileZoom::zoomAtCornerQuadrant()
{
    // x2 at a quadrant's centre keeps that point where it was (a quarter of the way in), so the view is
    // centred on the quadrant's inner corner side...
    TileZoom zoom;
    zoom.zoomAt({0.25, 0.25}, 2.0);
    QVERIFY2(near(zoom.sourceRect(), QRectF(0.125, 0.125, 0.5, 0.5)), qPrintable(describe(zoom.sourceRect())));
    // ...while x2 at the picture's corner, or centred on the quadrant, shows exactly the quadrant.
    zoom.reset();
    zoom.zoomAt({0.0, 0.0}, 2.0);
    QVERIFY(near(zoom.sourceRect(), QRectF(0, 0, 0.5, 0.5)));
    QVERIFY(near(TileZoom(2.0, {0.25, 0.25}).sourceRect(), QRectF(0, 0, 0.5, 0.5)));
    QVERIFY(near(TileZoom(2.0, {0.75, 0.25}).sourceRect(), QRectF(0.5, 0, 0.5, 0.5)));
}

void TestTileZoom::scaleIsClamped()
{
    TileZoom zoom;
    for (int i = 0; i < 40; ++i)
        zoom.zoomAt({0.7, 0.2}, 1.25);
    QCOMPARE(zoom.scale(), TileZoom::kMaxScale);
    QVERIFY(inside(zoom.sourceRect()));
    QVERIFY(std::abs(zoom.sourceRect().width() - 1.0 / TileZoom::kMaxScale) < 1e-12);
    for (int i = 0; i < 40; ++i)
        zoom.zoomAt({0.1, 0.9}, 0.8);
    QCOMPARE(zoom.scale(), 1.0);
    QVERIFY(!zoom.isZoomed());
    QVERIFY(near(zoom.sourceRect(), QRectF(0, 0, 1, 1)));
    // Steps in and out by the same amount land back on "not zoomed" despite rounding.
    for (int i = 0; i < 7; ++i)
        zoom.zoomAt({0.5, 0.5}, 1.25);
    for (int i = 0; i < 7; ++i)
        zoom.zoomAt({0.5, 0.5}, 1.0 / 1.25);
    QVERIFY(!zoom.isZoomed());
}

void TestTileZoom::zoomOutNearEdgeStaysInside()
{
    // Zoomed into the bottom-right corner, zooming out at the top-left would show outside the picture:
    // the view is pushed back inside instead.
    TileZoom zoom;
    zoom.zoomAt({1.0, 1.0}, 4.0);
    QVERIFY(near(zoom.sourceRect(), QRectF(0.75, 0.75, 0.25, 0.25)));
    zoom.zoomAt({0.0, 0.0}, 0.5);
    QVERIFY2(inside(zoom.sourceRect()), qPrintable(describe(zoom.sourceRect())));
    QVERIFY(near(zoom.sourceRect(), QRectF(0.5, 0.5, 0.5, 0.5)));
}

void TestTileZoom::panFollowsCursorAndIsClamped()
{
    TileZoom zoom;
    zoom.zoomAt({0.5, 0.5}, 2.0);  // shows (0.25, 0.25) .. (0.75, 0.75)
    // Dragging right by a tenth of the viewport: the picture moves right, i.e. more of its left shows.
    zoom.panBy({0.1, 0.0});
    QVERIFY2(near(zoom.sourceRect(), QRectF(0.2, 0.25, 0.5, 0.5)), qPrintable(describe(zoom.sourceRect())));
    // The picture point under a viewport point moved with the cursor.
    const QPointF grabbed = zoom.sourcePointAt({0.3, 0.3});
    zoom.panBy({0.2, -0.1});
    QVERIFY(near(zoom.sourcePointAt({0.5, 0.2}), grabbed));
    // Far beyond the edge: clamped, the picture still covers the viewport.
    zoom.panBy({10.0, 10.0});
    QVERIFY(near(zoom.sourceRect(), QRectF(0, 0, 0.5, 0.5)));
    zoom.panBy({-10.0, -10.0});
    QVERIFY(near(zoom.sourceRect(), QRectF(0.5, 0.5, 0.5, 0.5)));
    QCOMPARE(zoom.scale(), 2.0);
}

void TestTileZoom::panDoesNothingUnzoomed()
{
    TileZoom zoom;
    zoom.panBy({0.3, -0.2});
    QVERIFY(near(zoom.sourceRect(), QRectF(0, 0, 1, 1)));
}

void TestTileZoom::resetAndConstructorClamp()
{
    TileZoom zoom(3.0, {0.1, 0.95});
    QCOMPARE(zoom.scale(), 3.0);
    QVERIFY(inside(zoom.sourceRect()));
    QVERIFY(near(zoom.centre(), QPointF(0.5 / 3.0, 1.0 - 0.5 / 3.0)));
    zoom.reset();
    QCOMPARE(zoom, TileZoom());
    QCOMPARE(TileZoom(100.0, {0.5, 0.5}).scale(), TileZoom::kMaxScale);
    QCOMPARE(TileZoom(0.2, {0.9, 0.9}), TileZoom());
}

void TestTileZoom::nonsenseInputIsHarmless()
{
    TileZoom zoom;
    zoom.zoomAt({0.5, 0.5}, 2.0);
    const TileZoom before = zoom;
    zoom.zoomAt({0.5, 0.5}, 0.0);
    zoom.zoomAt({0.5, 0.5}, -3.0);
    zoom.zoomAt({0.5, 0.5}, std::numeric_limits<double>::quiet_NaN());
    QCOMPARE(zoom, before);
    const TileZoom nan(std::numeric_limits<double>::quiet_NaN(), {std::numeric_limits<double>::quiet_NaN(), 0.5});
    QCOMPARE(nan, TileZoom());
}

void TestTileZoom::boxesMapForAnyViewportAndZoom_data()
{
    QTest::addColumn<QRectF>("viewport");  // where the picture is drawn: letterboxed (fit) or the tile (fill)
    QTest::addColumn<double>("scale");
    QTest::addColumn<QPointF>("centre");
    QTest::addColumn<QRectF>("box");       // normalised picture coordinates
    QTest::addColumn<QRectF>("expected");  // viewport coordinates
    // Fit: a 16:9 picture letterboxed in a 400x300 tile (400x225 at y 37.5).
    QTest::newRow("fit") << QRectF(0, 37.5, 400, 225) << 1.0 << QPointF(0.5, 0.5) << QRectF(0.25, 0.5, 0.5, 0.25)
                         << QRectF(100, 150, 200, 56.25);
    // Fill: the same picture stretched over the whole tile.
    QTest::newRow("fill") << QRectF(0, 0, 400, 300) << 1.0 << QPointF(0.5, 0.5) << QRectF(0.25, 0.5, 0.5, 0.25)
                          << QRectF(100, 150, 200, 75);
    // A tile somewhere on the wall: offsets carry through.
    QTest::newRow("offset") << QRectF(640, 360, 320, 180) << 1.0 << QPointF(0.5, 0.5) << QRectF(0, 0, 1, 1)
                            << QRectF(640, 360, 320, 180);
    // x2 at the centre: the visible source is 0.25..0.75; a box from 0.25 to 0.5 covers the first half.
    QTest::newRow("zoom x2 centre") << QRectF(0, 0, 400, 300) << 2.0 << QPointF(0.5, 0.5)
                                    << QRectF(0.25, 0.25, 0.25, 0.25) << QRectF(0, 0, 200, 150);
    // x4 at a corner: the visible source is 0..0.25; a box at 0.125 lands mid-viewport, four times larger.
    QTest::newRow("zoom x4 corner") << QRectF(0, 37.5, 400, 225) << 4.0 << QPointF(0.125, 0.125)
                                    << QRectF(0.125, 0.125, 0.05, 0.05) << QRectF(200, 150, 80, 45);
    // A box outside the visible part maps outside the viewport (the painter clips it away).
    QTest::newRow("zoomed out of view") << QRectF(0, 0, 400, 300) << 2.0 << QPointF(0.25, 0.25)
                                        << QRectF(0.8, 0.8, 0.1, 0.1) << QRectF(640, 480, 80, 60);
}

void TestTileZoom::boxesMapForAnyViewportAndZoom()
{
    QFETCH(QRectF, viewport);
    QFETCH(double, scale);
    QFETCH(QPointF, centre);
    QFETCH(QRectF, box);
    QFETCH(QRectF, expected);
    const TileZoom zoom(scale, centre);
    const QRectF mapped = zoom.mapToViewport(box, viewport);
    QVERIFY2(std::abs(mapped.x() - expected.x()) < 1e-6 && std::abs(mapped.y() - expected.y()) < 1e-6 &&
                 std::abs(mapped.width() - expected.width()) < 1e-6 && std::abs(mapped.height() - expected.height()) < 1e-6,
             qPrintable(QStringLiteral("%1,%2 %3x%4").arg(mapped.x()).arg(mapped.y()).arg(mapped.width()).arg(mapped.height())));
}

QTEST_APPLESS_MAIN(TestTileZoom)

#include "test_tile_zoom.moc"
