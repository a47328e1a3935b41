// The wall's rendering path with synthetic frames (no decoder): only changed tiles are uploaded,
// replacing a feed keeps the old picture until the new feed's first frame, overlays leave the centre of
// the picture visible, and mouse / drag-and-drop input map to tiles.

#include <QApplication>
#include <QMimeData>
#include <QSet>
#include <QScopeGuard>
#include <QSurfaceFormat>
#include <QVBoxLayout>
#include <QtTest>

#include <array>
#include <span>

#include "vigie/player/FrameMailbox.h"
#include "vigie/widgets/CameraMime.h"
#include "WallTestPath.h"
#include "vigie/widgets/WallWidget.h"
#include "wall_test_support.h"

using namespace wall_test;
using vigie::player::FrameMailbox;
using vigie::widgets::TileOverlay;
using vigie::widgets::WallLayout;
using vigie::widgets::WallWidget;

namespace {
constexpr int kTiles = 16;
constexpr int kTolerance = 6;

QColor tileColor(int tile, int variant = 0)
{
    // Distinct, mid-saturated colours (away from clipping) per tile and variant.
    return QColor::fromHsv((tile * 360 / kTiles + variant * 97) % 360, 160, 200);
}
}  // namespace

class TestWallRender : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void allTilesShowTheirFeed();
    void onlyDirtyTilesAreUploaded();
    void overlayLeavesCentreVisible();
    void replacingFeedKeepsPicture();
    void nullFeedClearsTile();
    void oddSizesAndLayouts();
    void mouseSelection();
    void dragAndDrop();
    void siteAndLayoutDrops();
    void tileDraggedOntoTile();
    void layoutChange();
    void frameRateCap();
    void survivesReparenting();

private:
    void post(int tile, QColor color, int width = 160, int height = 120,
              PixelLayout layout = PixelLayout::Yuv420p, ColorMatrix matrix = ColorMatrix::Bt709,
              ColorRange range = ColorRange::Limited);
    bool waitPresented(const QSet<int>& tiles);
    QRgb centreOf(const QImage& image, int tile) const;
    void forcePaint();

    std::unique_ptr<WallWidget> m_wall;
    std::array<std::shared_ptr<FrameMailbox>, kTiles> m_feeds;
    QSet<int> m_presented;
};

void TestWallRender::initTestCase()
{
    m_wall = std::make_unique<WallWidget>();
    m_wall->resize(800, 600);
    m_wall->setWallLayout(WallLayout::grid(4, 4));
    connect(m_wall.get(), &WallWidget::framePresented, this, [this](int tile) { m_presented.insert(tile); });
    m_wall->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wall.get()));
    forcePaint();
    QVERIFY2(m_wall->renderError().isEmpty(), qPrintable(m_wall->renderError()));
    qInfo("GL context %d.%d, profile %d", m_wall->format().majorVersion(), m_wall->format().minorVersion(),
          int(m_wall->format().profile()));
    for (int tile = 0; tile < kTiles; ++tile) {
        m_feeds[std::size_t(tile)] = std::make_shared<FrameMailbox>();
        m_wall->setTileFeed(tile, m_feeds[std::size_t(tile)]);
    }
}

void TestWallRender::cleanupTestCase()
{
    const QString dir = qEnvironmentVariable("VIGIE_SCREENSHOT_DIR");
    if (!dir.isEmpty() && m_wall)
        m_wall->grabFramebuffer().save(dir + QStringLiteral("/wall_render.png"));
    m_wall.reset();
}

void TestWallRender::post(int tile, QColor color, int width, int height, PixelLayout layout, ColorMatrix matrix,
                          ColorRange range)
{
    m_feeds[std::size_t(tile)]->post(solidFrame(width, height, color, matrix, range, layout));
}

bool TestWallRender::waitPresented(const QSet<int>& tiles)
{
    return QTest::qWaitFor([&] { return m_presented.contains(tiles); }, 5000);
}

QRgb TestWallRender::centreOf(const QImage& image, int tile) const
{
    return image.pixel(m_wall->pictureRect(tile).center());
}

void TestWallRender::forcePaint()
{
    // grabFramebuffer() runs paintGL synchronously; the framebuffer keeps what earlier paints drew.
    (void)m_wall->grabFramebuffer();
}

void TestWallRender::allTilesShowTheirFeed()
{
    const auto before = m_wall->renderStats();
    QSet<int> all;
    for (int tile = 0; tile < kTiles; ++tile) {
        post(tile, tileColor(tile));
        all.insert(tile);
    }
    QVERIFY(waitPresented(all));
    const auto after = m_wall->renderStats();
    QCOMPARE(after.framesShown - before.framesShown, quint64(kTiles));
    QCOMPARE(after.planeUploads - before.planeUploads, quint64(kTiles) * vigie::test::uploadsPerFrame(3));
    // Software path: every picture came converted from the mailbox (the posting thread), none on the GUI thread.
    QCOMPARE(after.guiConversions, before.guiConversions);

    const QImage image = m_wall->grabFramebuffer();
    for (int tile = 0; tile < kTiles; ++tile) {
        const QRgb actual = centreOf(image, tile);
        QVERIFY2(maxChannelError(actual, tileColor(tile)) <= kTolerance,
                 qPrintable(QStringLiteral("tile %1: got %2, expected %3")
                                .arg(tile)
                                .arg(describe(actual), describe(tileColor(tile)))));
        const auto info = m_wall->pictureInfo(tile);
        QVERIFY(info);
        QCOMPARE(info->size, QSize(160, 120));
        QCOMPARE(info->matrix, ColorMatrix::Bt709);
    }
}

void TestWallRender::onlyDirtyTilesAreUploaded()
{
    m_presented.clear();
    const auto before = m_wall->renderStats();
    post(3, tileColor(3, 1));
    post(7, tileColor(7, 1));
    QVERIFY(waitPresented({3, 7}));
    forcePaint();
    const auto after = m_wall->renderStats();
    QCOMPARE(after.planeUploads - before.planeUploads, 2 * vigie::test::uploadsPerFrame(3));  // 2 changed tiles
    QCOMPARE(after.framesShown - before.framesShown, quint64(2));
    QCOMPARE(m_presented, (QSet<int>{3, 7}));

    const QImage image = m_wall->grabFramebuffer();
    QVERIFY2(maxChannelError(centreOf(image, 3), tileColor(3, 1)) <= kTolerance,
             qPrintable(describe(centreOf(image, 3)) + QStringLiteral(" expected ") + describe(tileColor(3, 1))));
    QVERIFY(maxChannelError(centreOf(image, 7), tileColor(7, 1)) <= kTolerance);
    QVERIFY(maxChannelError(centreOf(image, 0), tileColor(0)) <= kTolerance);  // untouched tiles kept

    // Paints without new frames upload nothing.
    const auto idle = m_wall->renderStats();
    m_wall->setSmoothScaling(false);
    forcePaint();
    m_wall->setSmoothScaling(true);
    forcePaint();
    QVERIFY(m_wall->renderStats().paints >= idle.paints + 2);
    QCOMPARE(m_wall->renderStats().planeUploads, idle.planeUploads);

    // Frames posted faster than paints: only the newest is drawn, the others are dropped in the mailbox.
    m_presented.clear();
    const auto burst = m_wall->renderStats();
    post(9, tileColor(9, 2));
    post(9, tileColor(9, 3));
    post(9, tileColor(9, 4));
    QVERIFY(waitPresented({9}));
    forcePaint();
    QCOMPARE(m_wall->renderStats().planeUploads - burst.planeUploads, vigie::test::uploadsPerFrame(3));
    QVERIFY(maxChannelError(centreOf(m_wall->grabFramebuffer(), 9), tileColor(9, 4)) <= kTolerance);
    QCOMPARE(m_feeds[9]->counters().dropped, quint64(2));
}

void TestWallRender::overlayLeavesCentreVisible()
{
    const int tile = 5;
    const QRect rect = m_wall->tileRect(tile);
    const QImage before = m_wall->grabFramebuffer();
    const auto stats = m_wall->renderStats();

    TileOverlay overlay;
    overlay.title = QStringLiteral("Parvis de la gare — caméra dôme avec un nom très long");
    overlay.status = QStringLiteral("Error: connection refused");
    overlay.severity = TileOverlay::Severity::Error;
    overlay.lastFrameTime = QDateTime::currentDateTime();
    m_wall->setTileOverlay(tile, overlay);
    m_wall->setSelectedTile(tile);
    const QImage after = m_wall->grabFramebuffer();
    QCOMPARE(m_wall->renderStats().planeUploads, stats.planeUploads);  // redraw from textures

    // The centre of the picture is untouched.
    QVERIFY2(maxChannelError(centreOf(after, tile), tileColor(tile)) <= kTolerance,
             qPrintable(describe(centreOf(after, tile))));
    // The bands are there: rows near the top and bottom edges are darker on average than the picture
    // (the text on them is light, hence averages over the row).
    auto rowBrightness = [&rect](const QImage& image, int y) {
        qint64 sum = 0;
        for (int x = rect.left() + 3; x <= rect.right() - 3; ++x)
            sum += qRed(image.pixel(x, y)) + qGreen(image.pixel(x, y)) + qBlue(image.pixel(x, y));
        return int(sum / (rect.width() - 6));
    };
    for (int y : {rect.top() + 4, rect.top() + 10, rect.bottom() - 4, rect.bottom() - 10}) {
        const QColor picture = tileColor(tile);
        const int pictureBrightness = picture.red() + picture.green() + picture.blue();
        QVERIFY2(rowBrightness(after, y) < pictureBrightness - 80,
                 qPrintable(QStringLiteral("row %1: %2, picture %3").arg(y).arg(rowBrightness(after, y)).arg(pictureBrightness)));
    }
    // Selection border on the left edge, in the middle of the tile's height.
    const QRgb border = after.pixel(rect.left(), rect.center().y());
    QVERIFY2(qBlue(border) > 200 && qRed(border) < 120, qPrintable(describe(border)));
    // Neighbours are not disturbed.
    QCOMPARE(after.pixel(m_wall->tileRect(4).center()), before.pixel(m_wall->tileRect(4).center()));

    const QString dir = qEnvironmentVariable("VIGIE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        after.save(dir + QStringLiteral("/wall_overlay.png"));
    m_wall->setSelectedTile(-1);
}

void TestWallRender::replacingFeedKeepsPicture()
{
    const int tile = 6;
    auto oldFeed = m_feeds[tile];
    auto newFeed = std::make_shared<FrameMailbox>();
    m_wall->setTileFeed(tile, newFeed);
    m_feeds[tile] = newFeed;
    QTest::qWait(50);
    forcePaint();
    QVERIFY2(maxChannelError(centreOf(m_wall->grabFramebuffer(), tile), tileColor(tile)) <= kTolerance,
             "the old picture must stay until the new feed delivers");

    // Frames of the old feed are ignored (its notifier was removed).
    oldFeed->post(solidFrame(160, 120, Qt::black));
    QTest::qWait(50);
    forcePaint();
    QCOMPARE(oldFeed->counters().taken, quint64(1));
    QVERIFY(maxChannelError(centreOf(m_wall->grabFramebuffer(), tile), tileColor(tile)) <= kTolerance);

    // The new feed's first frame replaces the picture, at the new size.
    m_presented.clear();
    post(tile, tileColor(tile, 1), 320, 180);
    QVERIFY(waitPresented({tile}));
    const QImage image = m_wall->grabFramebuffer();
    QCOMPARE(m_wall->pictureInfo(tile)->size, QSize(320, 180));
    QVERIFY(maxChannelError(centreOf(image, tile), tileColor(tile, 1)) <= kTolerance);
    // 16:9 in a 4:3 tile: letterboxed, dark bands above and below the picture.
    const QRect picture = m_wall->pictureRect(tile);
    QVERIFY(picture.top() > m_wall->tileRect(tile).top());
    QVERIFY(qRed(image.pixel(picture.center().x(), picture.top() - 2)) < 30);
}

void TestWallRender::nullFeedClearsTile()
{
    const int tile = 10;
    m_wall->setTileFeed(tile, nullptr);
    QVERIFY(!m_wall->pictureInfo(tile));
    const QImage image = m_wall->grabFramebuffer();
    const QRect rect = m_wall->tileRect(tile);
    const QRgb background = image.pixel(rect.left() + 4, rect.top() + rect.height() / 4);
    QVERIFY2(qRed(background) < 30 && qGreen(background) < 30 && qBlue(background) < 30,
             qPrintable(describe(background)));
    // The hint is written across the middle.
    bool hintDrawn = false;
    for (int x = rect.left(); x <= rect.right() && !hintDrawn; ++x)
        hintDrawn = qGreen(image.pixel(x, rect.center().y())) > 80;
    QVERIFY(hintDrawn);
    m_feeds[tile] = std::make_shared<FrameMailbox>();
    m_wall->setTileFeed(tile, m_feeds[tile]);
    m_presented.clear();
    post(tile, tileColor(tile));
    QVERIFY(waitPresented({tile}));
}

void TestWallRender::oddSizesAndLayouts()
{
    struct Case {
        int tile;
        int width, height;
        PixelLayout layout;
        ColorMatrix matrix;
        ColorRange range;
    };
    // Odd sizes round the chroma planes up; the interleaved planes of NV12 / P010 then have an odd number
    // of Cb Cr pairs per row, and 16-bit strides differ from 8-bit ones.
    const Case first[] = {
        {11, 161, 121, PixelLayout::Yuv420p, ColorMatrix::Bt601, ColorRange::Limited},
        {12, 163, 97, PixelLayout::Yuv422p, ColorMatrix::Bt709, ColorRange::Full},
        {13, 99, 75, PixelLayout::Yuv444p, ColorMatrix::Bt601, ColorRange::Full},
        {14, 161, 121, PixelLayout::Nv12, ColorMatrix::Bt601, ColorRange::Limited},
        {15, 163, 97, PixelLayout::P010, ColorMatrix::Bt709, ColorRange::Full},
    };
    // The same tiles change layout: textures change format (8 <-> 16 bits, 1 <-> 2 components) and the
    // number of planes changes.
    const Case second[] = {
        {11, 99, 75, PixelLayout::Yuv420p10, ColorMatrix::Bt709, ColorRange::Limited},
        {12, 161, 121, PixelLayout::Yuv420p10, ColorMatrix::Bt601, ColorRange::Full},
        {13, 163, 97, PixelLayout::P010, ColorMatrix::Bt601, ColorRange::Limited},
        {14, 99, 75, PixelLayout::P010, ColorMatrix::Bt709, ColorRange::Limited},
        {15, 161, 121, PixelLayout::Yuv420p, ColorMatrix::Bt709, ColorRange::Limited},
    };
    int variant = 2;
    for (const auto& round : {std::span<const Case>(first), std::span<const Case>(second)}) {
        m_presented.clear();
        const auto before = m_wall->renderStats();
        quint64 planes = 0;
        for (const Case& c : round) {
            post(c.tile, tileColor(c.tile, variant), c.width, c.height, c.layout, c.matrix, c.range);
            planes += vigie::test::uploadsPerFrame((c.layout == PixelLayout::Nv12 || c.layout == PixelLayout::P010) ? 2 : 3);
        }
        QVERIFY(waitPresented({11, 12, 13, 14, 15}));
        const QImage image = m_wall->grabFramebuffer();
        QCOMPARE(m_wall->renderStats().planeUploads - before.planeUploads, planes);
        for (const Case& c : round) {
            const QRgb actual = centreOf(image, c.tile);
            const int error = maxChannelError(actual, tileColor(c.tile, variant));
            qInfo("tile %d, %dx%d layout %d: error %d", c.tile, c.width, c.height, int(c.layout), error);
            QVERIFY2(error <= kTolerance, qPrintable(QStringLiteral("tile %1 (layout %2): got %3, expected %4")
                                                         .arg(c.tile)
                                                         .arg(int(c.layout))
                                                         .arg(describe(actual), describe(tileColor(c.tile, variant)))));
            QCOMPARE(m_wall->pictureInfo(c.tile)->layout, c.layout);
            QCOMPARE(m_wall->pictureInfo(c.tile)->range, c.range);
            QCOMPARE(m_wall->pictureInfo(c.tile)->size, QSize(c.width, c.height));
        }
        ++variant;
    }
}

void TestWallRender::mouseSelection()
{
    QSignalSpy selected(m_wall.get(), &WallWidget::tileSelected);
    QSignalSpy doubleClicked(m_wall.get(), &WallWidget::tileDoubleClicked);
    const qreal dpr = m_wall->devicePixelRatioF();
    const QPoint centre2 = (QPointF(m_wall->tileRect(2).center()) / dpr).toPoint();
    QTest::mouseClick(m_wall.get(), Qt::LeftButton, {}, centre2);
    QCOMPARE(m_wall->selectedTile(), 2);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.at(0).at(0).toInt(), 2);
    QTest::mouseDClick(m_wall.get(), Qt::LeftButton, {}, centre2);
    QCOMPARE(doubleClicked.count(), 1);
    QCOMPARE(doubleClicked.at(0).at(0).toInt(), 2);
    // A click in a gap changes nothing.
    const QRect r = m_wall->tileRect(2);
    QTest::mouseClick(m_wall.get(), Qt::LeftButton, {}, (QPointF(r.right() + 1.5, r.center().y()) / dpr).toPoint());
    QCOMPARE(m_wall->selectedTile(), 2);
    m_wall->setSelectedTile(-1);
}

void TestWallRender::tileDraggedOntoTile()
{
    QSignalSpy dragged(m_wall.get(), &WallWidget::tileDragged);
    const qreal dpr = m_wall->devicePixelRatioF();
    auto centre = [&](int tile) { return (QPointF(m_wall->tileRect(tile).center()) / dpr).toPoint(); };

    // A press that barely moves is a click, not a drag.
    QTest::mousePress(m_wall.get(), Qt::LeftButton, {}, centre(1));
    QTest::mouseMove(m_wall.get(), centre(1) + QPoint(1, 1));
    QTest::mouseRelease(m_wall.get(), Qt::LeftButton, {}, centre(1) + QPoint(1, 1));
    QCOMPARE(dragged.count(), 0);

    // Tile 1 dragged over tile 5 (which shows as the drop target) and released on tile 6.
    QTest::mousePress(m_wall.get(), Qt::LeftButton, {}, centre(1));
    QTest::mouseMove(m_wall.get(), centre(1) + QPoint(20, 20));
    QTest::mouseMove(m_wall.get(), centre(5));
    QTest::mouseMove(m_wall.get(), centre(6));
    QTest::mouseRelease(m_wall.get(), Qt::LeftButton, {}, centre(6));
    QCOMPARE(dragged.count(), 1);
    QCOMPARE(dragged.at(0).at(0).toInt(), 1);
    QCOMPARE(dragged.at(0).at(1).toInt(), 6);
    QCOMPARE(m_wall->selectedTile(), 6);

    // Released where it started, or in a gap: nothing.
    QTest::mousePress(m_wall.get(), Qt::LeftButton, {}, centre(2));
    QTest::mouseMove(m_wall.get(), centre(3));
    QTest::mouseMove(m_wall.get(), centre(2));
    QTest::mouseRelease(m_wall.get(), Qt::LeftButton, {}, centre(2));
    QCOMPARE(dragged.count(), 1);
    m_wall->setSelectedTile(-1);
}

void TestWallRender::dragAndDrop()
{
    QSignalSpy dropped(m_wall.get(), &WallWidget::cameraDropped);
    const QPoint centre9 = (QPointF(m_wall->tileRect(9).center()) / m_wall->devicePixelRatioF()).toPoint();

    QMimeData camera;
    camera.setData(vigie::widgets::kCameraIdMimeType, QByteArray("cam-42"));
    QDragEnterEvent enter(centre9, Qt::CopyAction, &camera, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_wall.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(centre9), Qt::CopyAction, &camera, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_wall.get(), &drop);
    QVERIFY(drop.isAccepted());
    QCOMPARE(dropped.count(), 1);
    QCOMPARE(dropped.at(0).at(0).toInt(), 9);
    QCOMPARE(dropped.at(0).at(1).toString(), QStringLiteral("cam-42"));

    // Anything else is refused.
    QMimeData text;
    text.setText(QStringLiteral("cam-42"));
    QDragEnterEvent enterText(centre9, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_wall.get(), &enterText);
    QVERIFY(!enterText.isAccepted());
    QDropEvent dropText(QPointF(centre9), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_wall.get(), &dropText);
    QCOMPARE(dropped.count(), 1);
    QVERIFY(!m_wall->dropCamera(&camera, QPoint(-5, -5)));
}

void TestWallRender::siteAndLayoutDrops()
{
    QSignalSpy cameras(m_wall.get(), &WallWidget::cameraDropped);
    QSignalSpy sites(m_wall.get(), &WallWidget::siteDropped);
    QSignalSpy layouts(m_wall.get(), &WallWidget::layoutDropped);
    const QPoint centre4 = (QPointF(m_wall->tileRect(4).center()) / m_wall->devicePixelRatioF()).toPoint();

    // A site on a tile: siteDropped with that tile.
    QMimeData site;
    site.setData(vigie::widgets::kSiteIdMimeType, QByteArray("site-7"));
    QDragEnterEvent enter(centre4, Qt::CopyAction, &site, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_wall.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(centre4), Qt::CopyAction, &site, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_wall.get(), &drop);
    QVERIFY(drop.isAccepted());
    QCOMPARE(sites.count(), 1);
    QCOMPARE(sites.at(0).at(0).toInt(), 4);
    QCOMPARE(sites.at(0).at(1).toString(), QStringLiteral("site-7"));
    QVERIFY(!m_wall->dropMimeData(&site, QPoint(-5, -5)));  // not on a tile
    QVERIFY(!m_wall->dropCamera(&site, centre4));           // not a camera

    // A layout anywhere, even in a gap: layoutDropped with its name.
    QMimeData layout;
    layout.setData(vigie::widgets::kLayoutNameMimeType, QStringLiteral("Gare — 1+7").toUtf8());
    const QRect r = m_wall->tileRect(4);
    const QPoint gap = (QPointF(r.right() + 1.5, r.center().y()) / m_wall->devicePixelRatioF()).toPoint();
    QDragEnterEvent enterLayout(gap, Qt::CopyAction, &layout, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_wall.get(), &enterLayout);
    QVERIFY(enterLayout.isAccepted());
    QDropEvent dropLayout(QPointF(gap), Qt::CopyAction, &layout, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_wall.get(), &dropLayout);
    QVERIFY(dropLayout.isAccepted());
    QCOMPARE(layouts.count(), 1);
    QCOMPARE(layouts.at(0).at(0).toString(), QStringLiteral("Gare — 1+7"));

    // Empty payloads are refused.
    QMimeData empty;
    empty.setData(vigie::widgets::kSiteIdMimeType, QByteArray(" "));
    QVERIFY(!m_wall->dropMimeData(&empty, centre4));
    QCOMPARE(sites.count(), 1);
    QCOMPARE(cameras.count(), 0);
}

void TestWallRender::layoutChange()
{
    m_wall->setWallLayout(WallLayout::grid(2, 2));
    QCOMPARE(m_wall->tileCount(), 4);
    QImage image = m_wall->grabFramebuffer();
    // Tiles 0..3 keep their picture without a new frame.
    QVERIFY(maxChannelError(centreOf(image, 0), tileColor(0)) <= kTolerance);
    QVERIFY(maxChannelError(centreOf(image, 3), tileColor(3, 1)) <= kTolerance);
    QVERIFY(!m_feeds[12]->counters().posted || m_wall->tileFeed(12) == nullptr);
    m_wall->setWallLayout(WallLayout::grid(4, 4));
    QCOMPARE(m_wall->tileCount(), 16);
    QVERIFY(!m_wall->tileFeed(12));  // removed tiles lost their feed
    QVERIFY(m_wall->tileFeed(2));
    image = m_wall->grabFramebuffer();
    QVERIFY(maxChannelError(centreOf(image, 0), tileColor(0)) <= kTolerance);
}

void TestWallRender::frameRateCap()
{
    // 50 frames in about half a second on one tile, with the wall capped at 10 paints per second.
    m_wall->setMaxFrameRate(10);
    QTest::qWait(120);
    const auto before = m_wall->renderStats();
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 50; ++i) {
        post(1, tileColor(1, i));
        QTest::qWait(10);
    }
    const qint64 elapsed = clock.elapsed();
    // The deferred paint takes the last frame by itself: the mailbox ends up empty.
    QTRY_VERIFY_WITH_TIMEOUT(m_feeds[1]->counters().posted == m_feeds[1]->counters().taken + m_feeds[1]->counters().dropped,
                             1000);
    const auto after = m_wall->renderStats();
    const quint64 paints = after.paints - before.paints;
    qInfo("%llu paints for 50 frames in %lld ms at a 10 Hz cap", paints, elapsed);
    QVERIFY(paints <= quint64(elapsed / 100 + 3));
    // The newest frame is on screen once the burst is over.
    QVERIFY(maxChannelError(centreOf(m_wall->grabFramebuffer(), 1), tileColor(1, 49)) <= kTolerance);
    m_wall->setMaxFrameRate(0);
}

void TestWallRender::survivesReparenting()
{
    // Moving the wall to another window (e.g. full screen on a second monitor) replaces its GL context:
    // textures are rebuilt from the next frames.
    QWidget host;
    host.resize(640, 480);
    auto* layout = new QVBoxLayout(&host);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_wall.get());
    // Whatever happens, the wall must leave the host before the host deletes its children.
    const auto giveBack = qScopeGuard([this] {
        if (m_wall->parent())
            m_wall->setParent(nullptr);
    });
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));
    m_presented.clear();
    post(0, tileColor(0, 5));
    post(3, tileColor(3, 5));
    QVERIFY(waitPresented({0, 3}));
    QImage image = m_wall->grabFramebuffer();
    QVERIFY(m_wall->renderError().isEmpty());
    QCOMPARE(image.size(), QSize(640, 480) * m_wall->devicePixelRatioF());
    QVERIFY(maxChannelError(centreOf(image, 0), tileColor(0, 5)) <= kTolerance);
    QVERIFY(maxChannelError(centreOf(image, 3), tileColor(3, 5)) <= kTolerance);

    // And back to a top-level window of its own.
    layout->removeWidget(m_wall.get());
    m_wall->setParent(nullptr);
    m_wall->resize(800, 600);
    m_wall->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wall.get()));
    m_presented.clear();
    post(0, tileColor(0, 6));
    QVERIFY(waitPresented({0}));
    image = m_wall->grabFramebuffer();
    QVERIFY(maxChannelError(centreOf(image, 0), tileColor(0, 6)) <= kTolerance);
}

int main(int argc, char** argv)
{
    // As the app does: the default format must be set before the application object exists.
    QSurfaceFormat::setDefaultFormat(WallWidget::defaultSurfaceFormat());
    vigie::test::applyWallPathFromEnvironment();
    QApplication app(argc, argv);
    TestWallRender test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_wall_render.moc"
