// Digital zoom and overlay items as drawn (pixels read back), on both wall paths: a picture of four
// coloured quadrants zoomed x2 at a quadrant's centre fills the tile with that colour; wheel, drag,
// keys and the middle button drive it; the overlay items change what is painted.

#include <QApplication>
#include <QSet>
#include <QSurfaceFormat>
#include <QWheelEvent>
#include <QtTest>

#include <array>
#include <cmath>

#include "vigie/player/FrameMailbox.h"
#include "WallTestPath.h"
#include "vigie/widgets/WallWidget.h"
#include "wall_test_support.h"

using namespace wall_test;
using vigie::player::FrameMailbox;
using vigie::widgets::OverlayItem;
using vigie::widgets::OverlayItems;
using vigie::widgets::TileOverlay;
using vigie::widgets::TileZoom;
using vigie::widgets::WallLayout;
using vigie::widgets::WallWidget;

namespace {
constexpr int kTolerance = 8;
constexpr int kWidth = 160;
constexpr int kHeight = 120;
// Top-left, top-right, bottom-left, bottom-right; no channel above 215, so white text stands out.
const std::array<QColor, 4> kQuadrants{QColor(200, 40, 40), QColor(40, 200, 40), QColor(40, 40, 200),
                                       QColor(200, 200, 40)};
const QColor kGrey(128, 128, 128);

// A frame of four solid quadrants in any layout (written like solidFrame(); with even sizes the
// boundaries fall on whole chroma samples).
std::unique_ptr<VideoFrame> quadrantFrame(PixelLayout layout = PixelLayout::Yuv420p, int width = kWidth,
                                          int height = kHeight)
{
    auto frame = VideoFrame::allocate(width, height, layout, ColorMatrix::Bt709, ColorRange::Limited);
    const bool tenBits = frame->bytesPerSample() == 2;
    const int shift = layout == PixelLayout::P010 ? 6 : 0;
    std::array<Yuv, 4> codes;
    for (std::size_t i = 0; i < 4; ++i)
        codes[i] = rgbToYuv(kQuadrants[i], ColorMatrix::Bt709, ColorRange::Limited, tenBits ? 10 : 8);
    for (int p = 0; p < frame->planeCount(); ++p) {
        const int w = frame->planeWidth(p), h = frame->planeHeight(p);
        const int components = frame->planeComponents(p);
        for (int y = 0; y < h; ++y) {
            std::uint8_t* line = frame->mutablePlaneData(p) + std::ptrdiff_t(y) * frame->planeStride(p);
            for (int x = 0; x < w; ++x) {
                const Yuv& c = codes[std::size_t((y >= h / 2 ? 2 : 0) + (x >= w / 2 ? 1 : 0))];
                const int values[2] = {p == 0 ? c.y : (p == 1 ? c.u : c.v), c.v};
                for (int k = 0; k < components; ++k) {
                    const int i = x * components + k;
                    if (tenBits) {
                        const auto word = std::uint16_t(values[k] << shift);
                        line[2 * i] = std::uint8_t(word & 0xff);
                        line[2 * i + 1] = std::uint8_t(word >> 8);
                    } else {
                        line[i] = std::uint8_t(values[k]);
                    }
                }
            }
        }
    }
    return frame;
}
}  // namespace

class TestWallZoom : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void zoomOnQuadrant();
    void wheelZoomsAtCursor();
    void dragPansZoomedTile();
    void resetByMiddleDoubleClickAndKeys();
    void zoomResetsOnFeedAndLayoutChange();
    void zoomEveryLayout_data();
    void zoomEveryLayout();
    void zoomBadge();
    void overlayItems();
    void clockRepaintsOncePerSecond();
    void boxesFollowAspectAndZoom();

private:
    void postQuadrants(int tile);
    bool waitPresented(int tile);
    // The colour drawn at a point of the tile's picture rectangle given as fractions (0..1).
    QRgb pictureAt(const QImage& image, int tile, QPointF fraction) const;
    QPoint widgetPoint(int tile, QPointF fraction) const;
    // Every point of a grid over the picture has this colour, away from the top band (time of the last
    // frame) and the zoom badge.
    void verifyUniform(const QImage& image, int tile, QColor expected, const char* what);
    int countPixels(const QImage& image, const QRect& area, const std::function<bool(QRgb)>& test) const;

    std::unique_ptr<WallWidget> m_wall;
    std::array<std::shared_ptr<FrameMailbox>, 4> m_feeds;
    QSet<int> m_presented;
};

void TestWallZoom::initTestCase()
{
    m_wall = std::make_unique<WallWidget>();
    m_wall->resize(640, 480);
    m_wall->setWallLayout(WallLayout::grid(2, 2));
    connect(m_wall.get(), &WallWidget::framePresented, this, [this](int tile) { m_presented.insert(tile); });
    m_wall->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wall.get()));
    (void)m_wall->grabFramebuffer();
    QVERIFY2(m_wall->renderError().isEmpty(), qPrintable(m_wall->renderError()));
    for (int tile = 0; tile < 4; ++tile) {
        m_feeds[std::size_t(tile)] = std::make_shared<FrameMailbox>();
        m_wall->setTileFeed(tile, m_feeds[std::size_t(tile)]);
        postQuadrants(tile);
        QVERIFY(waitPresented(tile));
    }
}

void TestWallZoom::cleanupTestCase()
{
    m_wall.reset();
}

void TestWallZoom::postQuadrants(int tile)
{
    m_presented.remove(tile);
    m_feeds[std::size_t(tile)]->post(quadrantFrame());
}

bool TestWallZoom::waitPresented(int tile)
{
    const bool ok = QTest::qWaitFor([&] { return m_presented.contains(tile); }, 5000);
    (void)m_wall->grabFramebuffer();
    return ok;
}

QRgb TestWallZoom::pictureAt(const QImage& image, int tile, QPointF fraction) const
{
    const QRect picture = m_wall->pictureRect(tile);
    return image.pixel(QPoint(picture.x() + int(fraction.x() * (picture.width() - 1)),
                              picture.y() + int(fraction.y() * (picture.height() - 1))));
}

QPoint TestWallZoom::widgetPoint(int tile, QPointF fraction) const
{
    const QRect picture = m_wall->pictureRect(tile);
    const QPointF device(picture.x() + fraction.x() * picture.width(), picture.y() + fraction.y() * picture.height());
    return (device / m_wall->devicePixelRatioF()).toPoint();
}

void TestWallZoom::verifyUniform(const QImage& image, int tile, QColor expected, const char* what)
{
    for (double fy : {0.15, 0.35, 0.55, 0.75, 0.9}) {
        for (double fx : {0.05, 0.25, 0.45, 0.65, 0.8, 0.95}) {
            if (fx > 0.75 && fy < 0.3)
                continue;  // the badge
            const QRgb actual = pictureAt(image, tile, {fx, fy});
            QVERIFY2(maxChannelError(actual, expected) <= kTolerance,
                     qPrintable(QStringLiteral("%1: at (%2, %3) got %4, expected %5")
                                    .arg(QLatin1String(what))
                                    .arg(fx)
                                    .arg(fy)
                                    .arg(describe(actual), describe(expected))));
        }
    }
}

int TestWallZoom::countPixels(const QImage& image, const QRect& area, const std::function<bool(QRgb)>& test) const
{
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            count += test(image.pixel(x, y)) ? 1 : 0;
    return count;
}

void TestWallZoom::zoomOnQuadrant()
{
    const int tile = 0;
    // Unzoomed: the four quadrants.
    QImage image = m_wall->grabFramebuffer();
    QVERIFY(maxChannelError(pictureAt(image, tile, {0.25, 0.25}), kQuadrants[0]) <= kTolerance);
    QVERIFY(maxChannelError(pictureAt(image, tile, {0.75, 0.75}), kQuadrants[3]) <= kTolerance);

    QSignalSpy changed(m_wall.get(), &WallWidget::tileZoomChanged);
    TileZoom zoom(2.0, {0.25, 0.25});  // the top-left quadrant
    m_wall->setTileZoom(tile, zoom);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toInt(), tile);
    QCOMPARE(changed.at(0).at(1).toDouble(), 2.0);
    QCOMPARE(m_wall->tileZoom(tile), zoom);
    // At once, without a new frame (software path: the last picture, scaled until the next frame).
    verifyUniform(m_wall->grabFramebuffer(), tile, kQuadrants[0], "zoomed, before a new frame");
    // And with new frames (software path: cropped by the mailbox's scaler, at the tile's size).
    const auto before = m_wall->renderStats();
    postQuadrants(tile);
    QVERIFY(waitPresented(tile));
    verifyUniform(m_wall->grabFramebuffer(), tile, kQuadrants[0], "zoomed, new frame");
    QCOMPARE(m_wall->renderStats().guiConversions, before.guiConversions);  // converted off the GUI thread
    // Software path: the crop came at the picture's exact size, copied 1:1 (not scaled once more).
    QCOMPARE(m_wall->grabPictureArea(tile, QRectF(0, 0, 1, 1)).size(), m_wall->pictureRect(tile).size());
    QCOMPARE(m_wall->tileZoom(tile), zoom);  // the zoom survives new frames

    // The bottom-right quadrant, then reset: the quadrants again.
    zoom = TileZoom(2.0, {0.75, 0.75});
    m_wall->setTileZoom(tile, zoom);
    postQuadrants(tile);
    QVERIFY(waitPresented(tile));
    verifyUniform(m_wall->grabFramebuffer(), tile, kQuadrants[3], "bottom-right quadrant");
    m_wall->resetTileZoom(tile);
    QVERIFY(!m_wall->tileZoom(tile).isZoomed());
    postQuadrants(tile);
    QVERIFY(waitPresented(tile));
    image = m_wall->grabFramebuffer();
    for (std::size_t q = 0; q < 4; ++q) {
        const QPointF at(q % 2 ? 0.75 : 0.25, q >= 2 ? 0.75 : 0.25);
        QVERIFY2(maxChannelError(pictureAt(image, tile, at), kQuadrants[q]) <= kTolerance,
                 qPrintable(describe(pictureAt(image, tile, at))));
    }
    // Other tiles were never zoomed.
    QVERIFY(maxChannelError(pictureAt(image, 1, {0.25, 0.25}), kQuadrants[0]) <= kTolerance);
    QVERIFY(maxChannelError(pictureAt(image, 1, {0.75, 0.25}), kQuadrants[1]) <= kTolerance);
}

void TestWallZoom::wheelZoomsAtCursor()
{
    const int tile = 1;
    // Wheel near the picture's top-right corner, enough notches for x2 (1.25 per notch): the corner
    // stays under the cursor, so the top-right quadrant fills the tile.
    const QPoint at = widgetPoint(tile, {0.99, 0.01});
    const int delta = int(std::lround(120.0 * std::log(2.0) / std::log(1.25)));
    QWheelEvent wheel(QPointF(at), QPointF(m_wall->mapToGlobal(at)), QPoint(), QPoint(0, delta), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_wall.get(), &wheel);
    QVERIFY(wheel.isAccepted());
    QVERIFY2(std::abs(m_wall->tileZoom(tile).scale() - 2.0) < 0.01, qPrintable(QString::number(m_wall->tileZoom(tile).scale())));
    postQuadrants(tile);
    QVERIFY(waitPresented(tile));
    verifyUniform(m_wall->grabFramebuffer(), tile, kQuadrants[1], "wheel at the top-right quadrant");

    // Wheel back: unzoomed, the whole picture.
    QWheelEvent back(QPointF(at), QPointF(m_wall->mapToGlobal(at)), QPoint(), QPoint(0, -delta - 240), Qt::NoButton,
                     Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_wall.get(), &back);
    QVERIFY(!m_wall->tileZoom(tile).isZoomed());
}

void TestWallZoom::dragPansZoomedTile()
{
    const int tile = 2;
    QSignalSpy dragged(m_wall.get(), &WallWidget::tileDragged);
    m_wall->setTileZoom(tile, TileZoom(2.0, {0.25, 0.25}));  // the top-left quadrant
    // Drag left by half the picture: the picture follows the cursor, the top-right quadrant comes in.
    const QPoint start = widgetPoint(tile, {0.7, 0.5});
    const QPoint end = widgetPoint(tile, {0.2, 0.5});
    QTest::mousePress(m_wall.get(), Qt::LeftButton, {}, start);
    QTest::mouseMove(m_wall.get(), widgetPoint(tile, {0.5, 0.5}));
    QTest::mouseMove(m_wall.get(), end);
    QTest::mouseRelease(m_wall.get(), Qt::LeftButton, {}, end);
    QCOMPARE(dragged.count(), 0);  // a pan, not a tile drag
    const QRectF source = m_wall->tileZoom(tile).sourceRect();
    QVERIFY2(std::abs(source.x() - 0.25) < 0.02 && std::abs(source.y()) < 1e-9,
             qPrintable(QStringLiteral("%1, %2").arg(source.x()).arg(source.y())));
    postQuadrants(tile);
    QVERIFY(waitPresented(tile));
    QImage image = m_wall->grabFramebuffer();
    for (double fy : {0.2, 0.5, 0.8}) {
        QVERIFY(maxChannelError(pictureAt(image, tile, {0.2, fy}), kQuadrants[0]) <= kTolerance);
        QVERIFY2(maxChannelError(pictureAt(image, tile, {0.8, fy}), kQuadrants[1]) <= kTolerance,
                 qPrintable(describe(pictureAt(image, tile, {0.8, fy}))));
    }
    // Dragging far beyond the edge stops at the picture's right edge; vertically it moves freely: up by
    // a fifth of the viewport, a tenth of the picture at x2.
    QTest::mousePress(m_wall.get(), Qt::LeftButton, {}, widgetPoint(tile, {0.9, 0.9}));
    QTest::mouseMove(m_wall.get(), widgetPoint(tile, {0.5, 0.8}));
    QTest::mouseMove(m_wall.get(), widgetPoint(tile, {0.0, 0.7}));
    QTest::mouseRelease(m_wall.get(), Qt::LeftButton, {}, widgetPoint(tile, {0.0, 0.7}));
    QVERIFY(std::abs(m_wall->tileZoom(tile).sourceRect().x() - 0.5) < 1e-9);
    QVERIFY(std::abs(m_wall->tileZoom(tile).sourceRect().y() - 0.1) < 0.02);
    postQuadrants(tile);
    QVERIFY(waitPresented(tile));
    image = m_wall->grabFramebuffer();
    // The picture's horizontal middle is now at 80% of the viewport's height.
    QVERIFY(maxChannelError(pictureAt(image, tile, {0.3, 0.6}), kQuadrants[1]) <= kTolerance);
    QVERIFY(maxChannelError(pictureAt(image, tile, {0.3, 0.95}), kQuadrants[3]) <= kTolerance);

    // Unzoomed, the same gesture drags the tile onto another, as before.
    m_wall->resetTileZoom(tile);
    QTest::mousePress(m_wall.get(), Qt::LeftButton, {}, widgetPoint(tile, {0.5, 0.5}));
    QTest::mouseMove(m_wall.get(), widgetPoint(tile, {0.5, 0.5}) + QPoint(20, 0));
    QTest::mouseMove(m_wall.get(), widgetPoint(3, {0.5, 0.5}));
    QTest::mouseRelease(m_wall.get(), Qt::LeftButton, {}, widgetPoint(3, {0.5, 0.5}));
    QCOMPARE(dragged.count(), 1);
    QCOMPARE(dragged.at(0).at(0).toInt(), tile);
    QCOMPARE(dragged.at(0).at(1).toInt(), 3);
    m_wall->setSelectedTile(-1);
}

void TestWallZoom::resetByMiddleDoubleClickAndKeys()
{
    const int tile = 3;
    TileZoom zoom;
    zoom.zoomAt({0.3, 0.6}, 3.0);
    m_wall->setTileZoom(tile, zoom);
    QTest::mouseDClick(m_wall.get(), Qt::MiddleButton, {}, widgetPoint(tile, {0.5, 0.5}));
    QVERIFY(!m_wall->tileZoom(tile).isZoomed());

    m_wall->setFocus();
    m_wall->setSelectedTile(tile);
    QTest::keyClick(m_wall.get(), Qt::Key_Plus);
    QCOMPARE(m_wall->tileZoom(tile).scale(), 1.25);
    QTest::keyClick(m_wall.get(), Qt::Key_Plus, Qt::ShiftModifier);
    QTest::keyClick(m_wall.get(), Qt::Key_Equal);
    QVERIFY(std::abs(m_wall->tileZoom(tile).scale() - 1.25 * 1.25 * 1.25) < 1e-9);
    QVERIFY(std::abs(m_wall->tileZoom(tile).centre().x() - 0.5) < 1e-9);  // at the tile's centre
    QTest::keyClick(m_wall.get(), Qt::Key_Minus);
    QVERIFY(std::abs(m_wall->tileZoom(tile).scale() - 1.25 * 1.25) < 1e-9);
    QTest::keyClick(m_wall.get(), Qt::Key_0, Qt::ControlModifier);
    QVERIFY(!m_wall->tileZoom(tile).isZoomed());
    QCOMPARE(m_wall->selectedTile(), tile);  // Ctrl+0 did not select tile 10
    QTest::keyClick(m_wall.get(), Qt::Key_Plus);
    QTest::keyClick(m_wall.get(), Qt::Key_Backspace);
    QVERIFY(!m_wall->tileZoom(tile).isZoomed());
    // Digits still select tiles.
    QTest::keyClick(m_wall.get(), Qt::Key_1);
    QCOMPARE(m_wall->selectedTile(), 0);
    m_wall->setSelectedTile(-1);
}

void TestWallZoom::zoomResetsOnFeedAndLayoutChange()
{
    TileZoom zoom;
    zoom.zoomAt({0.5, 0.5}, 2.0);
    m_wall->setTileZoom(0, zoom);
    m_wall->setTileZoom(1, zoom);
    // Another camera on tile 0: its picture is shown whole.
    m_feeds[0] = std::make_shared<FrameMailbox>();
    m_wall->setTileFeed(0, m_feeds[0]);
    QVERIFY(!m_wall->tileZoom(0).isZoomed());
    QCOMPARE(m_wall->tileZoom(1), zoom);
    postQuadrants(0);
    QVERIFY(waitPresented(0));
    // A new layout resets every tile.
    m_wall->setWallLayout(WallLayout::grid(3, 3));
    m_wall->setWallLayout(WallLayout::grid(2, 2));
    QVERIFY(!m_wall->tileZoom(1).isZoomed());
    QCOMPARE(m_wall->tileZoom(7), TileZoom());  // out of range: the default
    postQuadrants(1);
    QVERIFY(waitPresented(1));
    const QImage image = m_wall->grabFramebuffer();
    QVERIFY(maxChannelError(pictureAt(image, 1, {0.25, 0.25}), kQuadrants[0]) <= kTolerance);
    QVERIFY(maxChannelError(pictureAt(image, 1, {0.75, 0.75}), kQuadrants[3]) <= kTolerance);
}

void TestWallZoom::zoomEveryLayout_data()
{
    QTest::addColumn<int>("layout");
    QTest::addColumn<QSize>("size");
    QTest::addRow("yuv420p odd") << int(PixelLayout::Yuv420p) << QSize(161, 121);
    QTest::addRow("yuv422p") << int(PixelLayout::Yuv422p) << QSize(160, 120);
    QTest::addRow("yuv444p") << int(PixelLayout::Yuv444p) << QSize(160, 120);
    QTest::addRow("nv12") << int(PixelLayout::Nv12) << QSize(160, 120);
    QTest::addRow("yuv420p10") << int(PixelLayout::Yuv420p10) << QSize(160, 120);
    QTest::addRow("p010") << int(PixelLayout::P010) << QSize(160, 120);
}

void TestWallZoom::zoomEveryLayout()
{
    // The bottom-right quadrant: the software path's crop starts inside every plane (offsets in samples
    // of each plane's own size and subsampling), the OpenGL path's texture coordinates as well.
    QFETCH(int, layout);
    QFETCH(QSize, size);
    const int tile = 1;
    m_wall->setTileZoom(tile, TileZoom(2.0, {0.75, 0.75}));
    m_presented.remove(tile);
    m_feeds[tile]->post(quadrantFrame(PixelLayout(layout), size.width(), size.height()));
    QVERIFY(waitPresented(tile));
    QCOMPARE(int(m_wall->pictureInfo(tile)->layout), layout);
    verifyUniform(m_wall->grabFramebuffer(), tile, kQuadrants[3], "bottom-right quadrant");
    m_wall->setTileZoom(tile, TileZoom(2.0, {0.25, 0.75}));
    m_presented.remove(tile);
    m_feeds[tile]->post(quadrantFrame(PixelLayout(layout), size.width(), size.height()));
    QVERIFY(waitPresented(tile));
    verifyUniform(m_wall->grabFramebuffer(), tile, kQuadrants[2], "bottom-left quadrant");
    m_wall->resetTileZoom(tile);
}

void TestWallZoom::zoomBadge()
{
    const int tile = 0;
    const QRect rect = m_wall->tileRect(tile);
    const QRect corner(rect.right() - 70, rect.top(), 70, 60);
    auto white = [](QRgb c) { return qRed(c) > 215 && qGreen(c) > 215 && qBlue(c) > 215; };
    QCOMPARE(countPixels(m_wall->grabFramebuffer(), corner, white), 0);
    TileZoom zoom;
    zoom.zoomAt({0.5, 0.5}, 2.0);
    m_wall->setTileZoom(tile, zoom);
    QVERIFY2(countPixels(m_wall->grabFramebuffer(), corner, white) > 5, "the x2.0 badge is drawn");
    m_wall->resetTileZoom(tile);
    QCOMPARE(countPixels(m_wall->grabFramebuffer(), corner, white), 0);
}

void TestWallZoom::overlayItems()
{
    const int tile = 3;
    m_feeds[tile]->post(solidFrame(kWidth, kHeight, kGrey));
    m_presented.remove(tile);
    QVERIFY(waitPresented(tile));
    TileOverlay overlay;
    overlay.title = QStringLiteral("Camera under test");
    overlay.status = QStringLiteral("Playing");
    overlay.severity = TileOverlay::Severity::Ok;
    overlay.recording = true;
    overlay.alarm = true;
    m_wall->setTileOverlay(tile, overlay);
    QCOMPARE(m_wall->overlayItems(), vigie::widgets::kDefaultOverlayItems);
    QVERIFY(!m_wall->overlayItems().testFlag(OverlayItem::Clock));

    const QRect rect = m_wall->tileRect(tile);
    auto rowBrightness = [&rect](const QImage& image, int y) {
        qint64 sum = 0;
        for (int x = rect.left() + 6; x <= rect.right() - 6; ++x)
            sum += qRed(image.pixel(x, y)) + qGreen(image.pixel(x, y)) + qBlue(image.pixel(x, y));
        return int(sum / (rect.width() - 12));
    };
    const int grey = 3 * 128;
    const QRect topBand(rect.left() + 6, rect.top() + 5, rect.width() - 12, 12);
    const QRect leftEdge(rect.left(), rect.center().y() - 10, 3, 20);
    auto recordingRed = [](QRgb c) { return qRed(c) > 230 && qGreen(c) < 90 && qBlue(c) < 90; };
    auto alarmRed = [](QRgb c) { return qRed(c) > 180 && qGreen(c) < 70 && qBlue(c) < 70; };

    // Everything: bands top and bottom, the REC dot, the alarm frame.
    QImage image = m_wall->grabFramebuffer();
    QVERIFY(rowBrightness(image, rect.top() + 3) < grey - 80);
    QVERIFY(rowBrightness(image, rect.bottom() - 3) < grey - 80);
    QVERIFY2(countPixels(image, topBand, recordingRed) > 3, "REC dot");
    QCOMPARE(countPixels(image, leftEdge, alarmRed), leftEdge.width() * leftEdge.height());

    // No recording indicator, no alarm: no red left; the bands remain.
    m_wall->setOverlayItems(OverlayItem::CameraName | OverlayItem::StreamState);
    image = m_wall->grabFramebuffer();
    QCOMPARE(countPixels(image, topBand, recordingRed), 0);
    QCOMPARE(countPixels(image, leftEdge, alarmRed), 0);
    QVERIFY(maxChannelError(image.pixel(leftEdge.center()), kGrey) <= kTolerance);
    QVERIFY(rowBrightness(image, rect.top() + 3) < grey - 80);

    // Only the stream state: the status band, and the last frame's time in the top band.
    m_wall->setOverlayItems(OverlayItem::StreamState);
    image = m_wall->grabFramebuffer();
    QVERIFY(rowBrightness(image, rect.top() + 3) < grey - 80);
    QVERIFY(rowBrightness(image, rect.bottom() - 3) < grey - 80);
    // Nothing: the picture alone.
    m_wall->setOverlayItems(OverlayItems());
    image = m_wall->grabFramebuffer();
    QVERIFY2(std::abs(rowBrightness(image, rect.top() + 3) - grey) < 20,
             qPrintable(QString::number(rowBrightness(image, rect.top() + 3))));
    QVERIFY(std::abs(rowBrightness(image, rect.bottom() - 3) - grey) < 20);

    // The recording flag alone brings the title band back, with the dot.
    m_wall->setOverlayItems(OverlayItem::Recording);
    image = m_wall->grabFramebuffer();
    QVERIFY(countPixels(image, topBand, recordingRed) > 3);
    QVERIFY(std::abs(rowBrightness(image, rect.bottom() - 3) - grey) < 20);  // no status band

    // The clock alone: a title band (the time), no status band.
    m_wall->setOverlayItems(OverlayItem::Clock);
    image = m_wall->grabFramebuffer();
    QVERIFY(rowBrightness(image, rect.top() + 3) < grey - 80);
    QVERIFY(std::abs(rowBrightness(image, rect.bottom() - 3) - grey) < 20);

    m_wall->setOverlayItems(vigie::widgets::kDefaultOverlayItems);
    m_wall->setTileOverlay(tile, TileOverlay());
}

void TestWallZoom::boxesFollowAspectAndZoom()
{
    // A box over the top-left (red) quadrant, from 0.1 to 0.4 of the picture both ways.
    const int tile = 2;
    TileOverlay overlay;
    overlay.boxes = {TileOverlay::Box{QRectF(0.1, 0.1, 0.3, 0.3), QString()}};
    m_wall->setTileOverlay(tile, overlay);
    auto amber = [](QRgb p) { return qRed(p) > 220 && qGreen(p) > 150 && qGreen(p) < 230 && qBlue(p) < 60; };
    // Amber pixels within 3 px of where the picture fraction `at` is drawn.
    auto amberNear = [&](const QImage& image, QPointF at) {
        const QRect picture = m_wall->pictureRect(tile);
        const QPoint p(picture.x() + int(at.x() * picture.width()), picture.y() + int(at.y() * picture.height()));
        return countPixels(image, QRect(p - QPoint(3, 3), QSize(7, 7)), amber);
    };
    auto check = [&](const char* what, QPointF edge, QPointF inside, QPointF outside) {
        postQuadrants(tile);
        QVERIFY(waitPresented(tile));
        const QImage image = m_wall->grabFramebuffer();
        QVERIFY2(amberNear(image, edge) > 0, what);
        QVERIFY2(amberNear(image, inside) == 0, what);
        QVERIFY2(amberNear(image, outside) == 0, what);
    };
    using Mode = WallWidget::AspectMode;
    // Fit (letterboxed) and fill (stretched): the box's left edge at 0.1 of the picture, whatever its place.
    check("fit", {0.1, 0.25}, {0.25, 0.25}, {0.6, 0.25});
    m_wall->setTileAspectMode(tile, Mode::Fill);
    check("fill", {0.1, 0.25}, {0.25, 0.25}, {0.6, 0.25});
    // Zoomed x2 on the top-left quadrant: the visible source is 0..0.5, so the box spans 0.2..0.8.
    m_wall->setTileZoom(tile, TileZoom(2.0, QPointF(0.25, 0.25)));
    check("zoom x2", {0.2, 0.5}, {0.5, 0.5}, {0.1, 0.5});
    // Off: nothing drawn.
    m_wall->setOverlayItems(m_wall->overlayItems() & ~OverlayItems(OverlayItem::Boxes));
    postQuadrants(tile);
    QVERIFY(waitPresented(tile));
    QCOMPARE(amberNear(m_wall->grabFramebuffer(), {0.2, 0.5}), 0);
    m_wall->setOverlayItems(vigie::widgets::kDefaultOverlayItems);
    m_wall->resetTileZoom(tile);
    m_wall->setTileAspectMode(tile, Mode::Fit);
    m_wall->setTileOverlay(tile, TileOverlay());
}

void TestWallZoom::clockRepaintsOncePerSecond()
{
    // Nothing else changes meanwhile: every paint comes from the clock.
    m_wall->setOverlayItems(vigie::widgets::kDefaultOverlayItems);
    QTest::qWait(100);
    quint64 before = m_wall->renderStats().paints;
    QTest::qWait(1300);
    QCOMPARE(m_wall->renderStats().paints, before);  // no clock, no repaint

    m_wall->setOverlayItems(vigie::widgets::kDefaultOverlayItems | OverlayItem::Clock);
    QTest::qWait(100);
    before = m_wall->renderStats().paints;
    QTest::qWait(2300);
    const quint64 paints = m_wall->renderStats().paints - before;
    QVERIFY2(paints >= 2 && paints <= 3, qPrintable(QString::number(paints)));  // one paint per second

    // Hidden: the timer stops.
    m_wall->hide();
    QTest::qWait(50);
    before = m_wall->renderStats().paints;
    QTest::qWait(1300);
    QCOMPARE(m_wall->renderStats().paints, before);
    m_wall->setOverlayItems(vigie::widgets::kDefaultOverlayItems);
    m_wall->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wall.get()));
}

int main(int argc, char** argv)
{
    QSurfaceFormat::setDefaultFormat(WallWidget::defaultSurfaceFormat());
    vigie::test::applyWallPathFromEnvironment();
    QApplication app(argc, argv);
    TestWallZoom test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_wall_zoom.moc"
