// The client as an operator meets it: the main window against a real vigie-sim, live video decoded by
// the player and drawn by the wall; pixels are read back from the GL framebuffer.

#include <QContextMenuEvent>
#include <QImage>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QTabWidget>
#include <QSettings>
#include <QStatusBar>
#include <QToolButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include <QAction>
#include <QRegularExpression>

#include <cmath>

#include "MainWindow.h"
#include "NamedLayouts.h"
#include "Workspace.h"
#include "WorkspaceWindow.h"
#include "BackendUser.h"
#include "SimProcess.h"
#include "WallController.h"
#include "WallTestPath.h"
#include "vigie/widgets/LayoutPresets.h"
#include "vigie/widgets/ShortcutsDialog.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/widgets/CameraTreeView.h"
#include "vigie/widgets/CameraMime.h"
#include "vigie/widgets/CameraTreeModel.h"
#include "vigie/widgets/WallLayout.h"
#include "WallTestPath.h"
#include "vigie/widgets/WallWidget.h"

using vigie::app::MainWindow;
using vigie::player::StreamState;
using vigie::rpc::BackendClient;
using vigie::rpc::ConnectionState;
using vigie::test::SimProcess;

namespace {

// Standard deviation of the luma of a tile's pixels: a black, grey or frozen-solid tile is near 0.
double lumaSpread(const QImage& image, const QRect& rect)
{
    double sum = 0, sumSq = 0;
    int n = 0;
    for (int y = rect.top() + 30; y < rect.bottom() - 10; y += 4) {
        for (int x = rect.left() + 10; x < rect.right() - 10; x += 4) {
            const QRgb p = image.pixel(x, y);
            const double l = 0.2126 * qRed(p) + 0.7152 * qGreen(p) + 0.0722 * qBlue(p);
            sum += l;
            sumSq += l * l;
            ++n;
        }
    }
    if (n == 0)
        return 0;
    const double mean = sum / n;
    return std::sqrt(std::max(0.0, sumSq / n - mean * mean));
}

int differingPixels(const QImage& a, const QImage& b, const QRect& rect)
{
    int differing = 0;
    for (int y = rect.top(); y < rect.bottom(); y += 2)
        for (int x = rect.left(); x < rect.right(); x += 2)
            if (a.pixel(x, y) != b.pixel(x, y))
                ++differing;
    return differing;
}

QString urlOf(const vigie::app::WallController* controller, int tile)
{
    const vigie::player::StreamSession* session = controller->session(tile);
    return session ? session->options().url : QString();
}

bool playsStream(const vigie::app::WallController* controller, int tile, const char* role)
{
    return controller->tileState(tile) == StreamState::Playing
           && urlOf(controller, tile).endsWith(QLatin1Char('/') + QLatin1String(role));
}

bool decodes(const vigie::app::WallController* controller, int tile)
{
    const vigie::player::StreamSession* session = controller->session(tile);
    return session && session->state() != StreamState::Stopped;
}

const QStringList kFourCameras{QStringLiteral("cam-01"), QStringLiteral("cam-02"), QStringLiteral("cam-03"),
                               QStringLiteral("cam-04")};

vigie::rpc::BackendOptions operatorOn(const QString& address)
{
    return vigie::test::userOn(address, QStringLiteral("operator"));
}

// Shows the window, connects, and waits until the first directory has put a camera on `filledTile`.
bool goLive(MainWindow& window, BackendClient& backend, int filledTile)
{
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    backend.start();
    return QTest::qWaitFor([&] { return !window.wallController()->cameraAt(filledTile).isEmpty(); }, 15000);
}

}  // namespace

class TestClientWall : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { QSettings().clear(); }  // each test starts from a new user's wall
    void fourTilesPlayLiveVideo();
    void offlineCameraIsShownOnItsTile();
    void tilesPlayTheStreamTheirSizeDeserves();
    void maximisedTileAloneDecodes();
    void hiddenWindowDecodesNothing();
    void statisticsShowStreamFigures();
    void layoutSurvivesRestart();
    void keyboardDrivesTheWall();
    void tileDraggedOntoTileSwapsCameras();
    void snapshotHasTheStreamsNativeSize();
    void tourCyclesUntilTheOperatorChooses();
    void streamChoiceCanBeFixedPerTile();
    void workspacesAreTabsKeptAcrossRestarts();
    void savedLayoutsComeBackWithTheirCameras();
    void siteDroppedFillsFreeTiles();
    void tileOpensInAWindowOfItsOwn();
    void layoutTourTurnsPagesTogether();

private:
    SimProcess m_sim;
};

void TestClientWall::initTestCase()
{
    // Keep the user's saved wall out of it: settings of a test-only application name, cleared.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("vigie-tests"));
    // One settings file per wall path: ctest may run both variants of this suite at once.
    QCoreApplication::setApplicationName(QStringLiteral("test_client_wall_")
                                         + QString::fromLatin1(qgetenv("VIGIE_WALL_PATH")));
    QSettings().clear();
    QVERIFY2(m_sim.start(), qPrintable(m_sim.lastError()));
}

void TestClientWall::fourTilesPlayLiveVideo()
{
    BackendClient backend(operatorOn(m_sim.grpcAddress()));
    MainWindow window(&backend, 2, {});
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QElapsedTimer sinceStart;
    sinceStart.start();
    backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(backend.state(), ConnectionState::Online, 15000);

    // The camera tree lists the directory.
    QCOMPARE(window.cameraTree()->model()->rowCount(), 4);  // sites

    auto* controller = window.wallController();
    QCOMPARE(controller->tileCount(), 4);
    QStringList expected{QStringLiteral("cam-01"), QStringLiteral("cam-02"), QStringLiteral("cam-03"),
                         QStringLiteral("cam-04")};
    QCOMPARE(controller->cameraIds(), expected);  // a new user's wall is filled with the first cameras

    QSignalSpy presented(window.wall(), &vigie::widgets::WallWidget::framePresented);
    auto allPlaying = [&] {
        for (int tile = 0; tile < 4; ++tile)
            if (controller->tileState(tile) != StreamState::Playing)
                return false;
        return true;
    };
    auto allPresented = [&] {
        QSet<int> tiles;
        for (const auto& args : presented)
            tiles.insert(args.at(0).toInt());
        return tiles.size() == 4;
    };
    QTRY_VERIFY_WITH_TIMEOUT(allPlaying() && allPresented(), 20000);
    const qint64 toPictures = sinceStart.elapsed();
    qInfo("4 tiles showing live video %lld ms after start (login, directory, RTSP, first key frames)", toPictures);
    QVERIFY2(toPictures < 10000, "the wall must show pictures within seconds");

    // Pixels read back from the wall's framebuffer: every tile shows a picture, and it moves.
    const QImage first = window.wall()->grabFramebuffer();
    const auto layout = window.wall()->wallLayout();
    const QSize surface = first.size() / first.devicePixelRatio();
    QTRY_VERIFY_WITH_TIMEOUT(presented.count() > 40, 10000);
    const QImage later = window.wall()->grabFramebuffer();
    for (int tile = 0; tile < 4; ++tile) {
        const QRect rect = layout.tileRect(tile, surface, 2);
        const double spread = lumaSpread(first, rect);
        QVERIFY2(spread > 10, qPrintable(QStringLiteral("tile %1 looks uniform (luma spread %2)").arg(tile).arg(spread)));
        QVERIFY2(differingPixels(first, later, rect) > 50, qPrintable(QStringLiteral("tile %1 is frozen").arg(tile)));
    }
    // The H.265 camera (cam-04) plays like the others.
    QVERIFY(controller->session(3)->stats().codec.contains(QLatin1String("hevc")));

    // Another camera in a tile never shows the previous camera's picture under its name.
    QVERIFY(window.wall()->pictureInfo(0).has_value());
    controller->assign(0, QStringLiteral("cam-99"));  // not in the directory
    QVERIFY(!window.wall()->pictureInfo(0).has_value());
    QVERIFY(!controller->session(0));
    QVERIFY2(window.wall()->tileOverlay(0).status.contains(QLatin1String("not in the directory")),
             qPrintable(window.wall()->tileOverlay(0).status));
}

void TestClientWall::offlineCameraIsShownOnItsTile()
{
    BackendClient backend(operatorOn(m_sim.grpcAddress()));
    MainWindow window(&backend, 2, {QStringLiteral("cam-05")});
    window.show();
    backend.start();
    auto* controller = window.wallController();
    QTRY_COMPARE_WITH_TIMEOUT(controller->tileState(0), StreamState::Playing, 20000);

    QVERIFY(m_sim.command(QStringLiteral("camera cam-05 offline power failure")));
    // The stream breaks and the tile says why (the backend's reason) instead of freezing on the last picture.
    QTRY_VERIFY_WITH_TIMEOUT(!backend.camera(QStringLiteral("cam-05"))->online, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(controller->tileState(0) != StreamState::Playing, 15000);
    QTRY_VERIFY2_WITH_TIMEOUT(window.wall()->tileOverlay(0).status.contains(QLatin1String("power failure")),
                              qPrintable(window.wall()->tileOverlay(0).status), 5000);

    // The camera comes back: the tile plays again by itself.
    QVERIFY(m_sim.command(QStringLiteral("camera cam-05 online")));
    QTRY_COMPARE_WITH_TIMEOUT(controller->tileState(0), StreamState::Playing, 20000);
}

void TestClientWall::tilesPlayTheStreamTheirSizeDeserves()
{
    BackendClient backend(operatorOn(m_sim.grpcAddress()));
    MainWindow window(&backend, 1, {QStringLiteral("cam-01")});
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    backend.start();
    auto* controller = window.wallController();
    auto* wall = window.wall();

    // One big tile: the main stream, and the overlay says so.
    QTRY_VERIFY2_WITH_TIMEOUT(playsStream(controller, 0, "main"), qPrintable(urlOf(controller, 0)), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(wall->pictureInfo(0) && wall->pictureInfo(0)->size == QSize(1280, 720), 5000);
    QTRY_VERIFY2_WITH_TIMEOUT(wall->tileOverlay(0).status.contains(QLatin1String("main")),
                              qPrintable(wall->tileOverlay(0).status), 5000);

    // 4x4 in the same window: small tiles take the sub stream. Tile 0 keeps its main picture meanwhile
    // (same camera, no black frame) until the sub stream's first frame replaces it.
    controller->setGrid(4);
    controller->fillEmptyTiles({QStringLiteral("cam-02"), QStringLiteral("cam-03")});
    QVERIFY(wall->pictureInfo(0).has_value());
    QCOMPARE(controller->tileRole(0), vigie::rpc::StreamRole::Sub);
    QTRY_VERIFY_WITH_TIMEOUT(playsStream(controller, 0, "sub") && playsStream(controller, 1, "sub")
                                 && playsStream(controller, 2, "sub"),
                             20000);
    QTRY_VERIFY_WITH_TIMEOUT(wall->pictureInfo(0)->size == QSize(640, 360), 5000);

    // Back to one tile (main), then the window shrinks: the same tile goes down to the sub stream.
    controller->setGrid(1);
    QTRY_VERIFY2_WITH_TIMEOUT(playsStream(controller, 0, "main"), qPrintable(urlOf(controller, 0)), 20000);
    window.resize(640, 480);
    QTRY_VERIFY2_WITH_TIMEOUT(playsStream(controller, 0, "sub"),
                              qPrintable(QStringLiteral("%1 in a tile of %2x%3")
                                             .arg(urlOf(controller, 0))
                                             .arg(wall->tileRect(0).width())
                                             .arg(wall->tileRect(0).height())),
                              20000);
    QVERIFY(wall->pictureInfo(0).has_value());
}

void TestClientWall::maximisedTileAloneDecodes()
{
    BackendClient backend(operatorOn(m_sim.grpcAddress()));
    MainWindow window(&backend, 2, kFourCameras);
    window.resize(1280, 800);
    QVERIFY(goLive(window, backend, 3));
    auto* controller = window.wallController();
    auto* wall = window.wall();
    auto allPlaySub = [&] {
        for (int tile = 0; tile < 4; ++tile)
            if (!playsStream(controller, tile, "sub"))
                return false;
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(allPlaySub(), 20000);

    // The operator double-clicks tile 1: it fills the wall, alone, and takes the main stream.
    const double dpr = wall->devicePixelRatioF();
    const QPoint tile1 = (QRectF(wall->tileRect(1)).center() / dpr).toPoint();
    QTest::mouseDClick(wall, Qt::LeftButton, {}, tile1);
    QCOMPARE(controller->maximisedTile(), 1);
    QCOMPARE(wall->tileCount(), 1);
    QCOMPARE(wall->tileOverlay(0).title, backend.camera(QStringLiteral("cam-02"))->name);
    for (int tile : {0, 2, 3})
        QVERIFY2(!decodes(controller, tile), qPrintable(QStringLiteral("tile %1 still decodes").arg(tile)));
    QCOMPARE(controller->cameraIds(), kFourCameras);  // hidden tiles keep their cameras
    // The main stream opens only once the sub stream's picture is on the wall, which stays until then.
    QTRY_VERIFY_WITH_TIMEOUT(urlOf(controller, 1).endsWith(QLatin1String("/main")), 10000);
    QVERIFY(wall->pictureInfo(0).has_value());
    QTRY_VERIFY2_WITH_TIMEOUT(playsStream(controller, 1, "main"), qPrintable(urlOf(controller, 1)), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(wall->pictureInfo(0) && wall->pictureInfo(0)->size == QSize(1280, 720), 5000);
    for (int tile : {0, 2, 3})
        QVERIFY(!decodes(controller, tile));

    // Double-click again: the grid is back and every tile plays its sub stream again.
    QTest::mouseDClick(wall, Qt::LeftButton, {}, wall->rect().center());
    QCOMPARE(controller->maximisedTile(), -1);
    QCOMPARE(wall->tileCount(), 4);
    QTRY_VERIFY_WITH_TIMEOUT(allPlaySub(), 20000);
    QCOMPARE(wall->tileOverlay(1).title, backend.camera(QStringLiteral("cam-02"))->name);

    // Escape restores too.
    controller->maximise(3);
    QCOMPARE(wall->tileCount(), 1);
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(wall, Qt::Key_Escape);
    QCOMPARE(controller->maximisedTile(), -1);
    QTRY_VERIFY_WITH_TIMEOUT(allPlaySub(), 20000);
}

void TestClientWall::hiddenWindowDecodesNothing()
{
    BackendClient backend(operatorOn(m_sim.grpcAddress()));
    MainWindow window(&backend, 2, kFourCameras);
    window.resize(1280, 800);
    backend.start();
    auto* controller = window.wallController();
    auto anyDecodes = [&] {
        for (int tile = 0; tile < 4; ++tile)
            if (decodes(controller, tile))
                return true;
        return false;
    };
    auto allPlaying = [&] {
        for (int tile = 0; tile < 4; ++tile)
            if (controller->tileState(tile) != StreamState::Playing)
                return false;
        return true;
    };
    // Not shown yet: the wall is filled from the directory, but nothing decodes.
    QTRY_COMPARE_WITH_TIMEOUT(controller->cameraIds(), kFourCameras, 15000);
    QVERIFY(!anyDecodes());

    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(allPlaying(), 20000);

    // Minimised: every session stops; the tiles keep their cameras and their last pictures.
    window.setWindowState(Qt::WindowMinimized);
    QVERIFY(controller->isPaused());
    QVERIFY(!anyDecodes());
    QCOMPARE(controller->cameraIds(), kFourCameras);
    QVERIFY(window.wall()->pictureInfo(0).has_value());
    window.setWindowState(Qt::WindowNoState);
    QTRY_VERIFY_WITH_TIMEOUT(allPlaying(), 20000);

    // Hidden likewise.
    window.hide();
    QVERIFY(!anyDecodes());
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(allPlaying(), 20000);
}

void TestClientWall::statisticsShowStreamFigures()
{
    BackendClient backend(operatorOn(m_sim.grpcAddress()));
    MainWindow window(&backend, 2, kFourCameras);
    window.resize(1280, 800);
    QVERIFY(goLive(window, backend, 3));
    auto* controller = window.wallController();
    auto* wall = window.wall();
    QTRY_VERIFY_WITH_TIMEOUT(playsStream(controller, 0, "sub"), 20000);
    const vigie::rpc::StreamInfo* sub = backend.camera(QStringLiteral("cam-01"))->stream(vigie::rpc::StreamRole::Sub);
    QVERIFY(sub);
    QCOMPARE(sub->fps, 25.0);
    QVERIFY(wall->tileOverlay(0).statistics.isEmpty());  // off by default

    // The operator presses I: every tile lists its stream's figures, refreshed every second.
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(wall, Qt::Key_I);
    QVERIFY(window.statisticsAction()->isChecked());
    QVERIFY(controller->statisticsVisible());

    const QRegularExpression rates(QStringLiteral("([0-9.]+) fps in / ([0-9.]+) out · ([0-9]+) kbit/s"));
    double fpsIn = 0, fpsOut = 0, kbits = 0;
    auto figures = [&] {
        const QStringList lines = wall->tileOverlay(0).statistics;
        for (const QString& line : lines) {
            const QRegularExpressionMatch match = rates.match(line);
            if (match.hasMatch()) {
                fpsIn = match.captured(1).toDouble();
                fpsOut = match.captured(2).toDouble();
                kbits = match.captured(3).toDouble();
                return true;
            }
        }
        return false;
    };
    auto plausible = [&] { return figures() && fpsIn >= 20 && fpsIn <= 30 && fpsOut > 0 && kbits > 0; };
    QTRY_VERIFY2_WITH_TIMEOUT(plausible(), qPrintable(wall->tileOverlay(0).statistics.join(QLatin1String(" | "))), 10000);
    qInfo("tile 0: %s", qPrintable(wall->tileOverlay(0).statistics.join(QLatin1String(" | "))));
    if (const QString shots = qEnvironmentVariable("VIGIE_TEST_SCREENSHOTS"); !shots.isEmpty())
        wall->grabFramebuffer().save(shots + QStringLiteral("/statistics.png"));  // to look at it
    // The worker's counters behind the figures.
    const vigie::player::StreamStats stats = controller->session(0)->stats();
    QVERIFY(stats.bytesReceived > 0);
    QVERIFY(stats.decodeMicros > 0);
    QVERIFY(stats.lastFrameAt > std::chrono::steady_clock::time_point{});
    QVERIFY(stats.lastFrameAt <= std::chrono::steady_clock::now());
    QVERIFY2(wall->tileOverlay(0).statistics.first().startsWith(QLatin1String("h264 640x360")),
             qPrintable(wall->tileOverlay(0).statistics.first()));
    // Every tile has its own (cam-04 is the H.265 camera).
    QTRY_VERIFY2_WITH_TIMEOUT(wall->tileOverlay(3).statistics.value(0).startsWith(QLatin1String("hevc")),
                              qPrintable(wall->tileOverlay(3).statistics.join(QLatin1String(" | "))), 5000);

    // I again: the figures go away at once.
    QTest::keyClick(wall, Qt::Key_I);
    QVERIFY(!window.statisticsAction()->isChecked());
    QVERIFY(!controller->statisticsVisible());
    for (int tile = 0; tile < 4; ++tile)
        QVERIFY(wall->tileOverlay(tile).statistics.isEmpty());
    QVERIFY(!wall->tileOverlay(0).title.isEmpty());  // the rest of the overlay stays
}

void TestClientWall::layoutSurvivesRestart()
{
    using vigie::widgets::LayoutPresets;
    const auto onePlusSeven = LayoutPresets::uneven(LayoutPresets::Uneven::OnePlusSeven);
    {
        BackendClient backend(operatorOn(m_sim.grpcAddress()));
        MainWindow window(&backend, 0, {});
        QVERIFY(goLive(window, backend, 0));  // the wall is saved once the directory has filled it
        // Chosen from the toolbar's Layouts menu, as an operator would.
        auto* button = window.findChild<QToolButton*>(QStringLiteral("layoutsButton"));
        QVERIFY(button && button->menu());
        QAction* item = nullptr;
        for (QAction* action : button->menu()->actions())
            if (action->text() == LayoutPresets::name(LayoutPresets::Uneven::OnePlusSeven))
                item = action;
        QVERIFY(item);
        item->trigger();
        QCOMPARE(window.wallController()->layout(), onePlusSeven);
        QCOMPARE(window.wall()->wallLayout(), onePlusSeven);
        QCOMPARE(window.wallController()->grid(), 0);
        window.close();
    }
    {
        // Next start: the same layout, its cameras in place.
        BackendClient backend(operatorOn(m_sim.grpcAddress()));
        MainWindow window(&backend, 0, {});
        QCOMPARE(window.wallController()->layout(), onePlusSeven);
        QCOMPARE(window.wall()->tileCount(), 8);
    }
    // A damaged value: the default wall, and the operator is told.
    QSettings().setValue(QStringLiteral("workspaces/0/layout"), QStringLiteral("7x7:0,0,9,9"));
    {
        BackendClient backend(operatorOn(m_sim.grpcAddress()));
        MainWindow window(&backend, 0, {});
        QCOMPARE(window.wallController()->grid(), 2);
        QTRY_VERIFY(window.statusBar()->currentMessage().contains(QLatin1String("could not be read")));
    }
}

void TestClientWall::keyboardDrivesTheWall()
{
    BackendClient backend(operatorOn(m_sim.grpcAddress()));
    MainWindow window(&backend, 2, {});
    QVERIFY(goLive(window, backend, 3));
    auto* wall = window.wall();
    auto* controller = window.wallController();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    wall->setFocus();
    QTRY_VERIFY(wall->hasFocus());

    // Number keys select, arrows move (2x2: 0 1 / 2 3), Enter maximises, Escape restores.
    QTest::keyClick(wall, Qt::Key_3);
    QCOMPARE(wall->selectedTile(), 2);
    QTest::keyClick(wall, Qt::Key_Right);
    QCOMPARE(wall->selectedTile(), 3);
    QTest::keyClick(wall, Qt::Key_Up);
    QCOMPARE(wall->selectedTile(), 1);
    QTest::keyClick(wall, Qt::Key_Right);  // the edge: stays
    QCOMPARE(wall->selectedTile(), 1);
    QTest::keyClick(wall, Qt::Key_9);      // no ninth tile: unchanged
    QCOMPARE(wall->selectedTile(), 1);
    QTest::keyClick(wall, Qt::Key_Return);
    QCOMPARE(controller->maximisedTile(), 1);
    QCOMPARE(wall->tileCount(), 1);
    QTest::keyClick(wall, Qt::Key_Escape);
    QCOMPARE(controller->maximisedTile(), -1);
    QCOMPARE(wall->tileCount(), 4);
    QCOMPARE(wall->selectedTile(), 1);

    // Ctrl+F: the camera search has the keyboard; typing filters.
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    auto* search = window.findChild<QLineEdit*>();
    QVERIFY(search);
    QTRY_VERIFY(search->hasFocus());

    // F1: the shortcuts help lists the wall's keys and every action with a shortcut.
    QTest::keyClick(&window, Qt::Key_F1);
    vigie::widgets::ShortcutsDialog* help = nullptr;
    QTRY_VERIFY((help = window.findChild<vigie::widgets::ShortcutsDialog*>()) && help->isVisible());
    QVERIFY2(help->entryCount() >= 12, qPrintable(QString::number(help->entryCount())));
    help->close();
}

void TestClientWall::tileDraggedOntoTileSwapsCameras()
{
    BackendClient backend(operatorOn(m_sim.grpcAddress()));
    MainWindow window(&backend, 2, {});
    QVERIFY(goLive(window, backend, 3));
    auto* controller = window.wallController();
    auto* wall = window.wall();
    const QString first = controller->cameraAt(0);
    const QString last = controller->cameraAt(3);
    QVERIFY(first != last);

    const qreal dpr = wall->devicePixelRatioF();
    auto centre = [&](int tile) { return (QPointF(wall->tileRect(tile).center()) / dpr).toPoint(); };
    QTest::mousePress(wall, Qt::LeftButton, {}, centre(0));
    QTest::mouseMove(wall, centre(0) + QPoint(30, 30));
    QTest::mouseMove(wall, centre(3));
    QTest::mouseRelease(wall, Qt::LeftButton, {}, centre(3));
    QCOMPARE(controller->cameraAt(0), last);
    QCOMPARE(controller->cameraAt(3), first);
    // Both play again, each under its own title.
    QTRY_VERIFY_WITH_TIMEOUT(wall->pictureInfo(0) && wall->pictureInfo(3), 10000);
    QVERIFY(!wall->tileOverlay(0).title.isEmpty());
    QVERIFY(wall->tileOverlay(0).title != wall->tileOverlay(3).title);
    // Saved: the next start shows the swapped wall.
    QCOMPARE(QSettings().value(QStringLiteral("workspaces/0/cameras")).toStringList().value(0), last);
}

void TestClientWall::snapshotHasTheStreamsNativeSize()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    qputenv("VIGIE_SNAPSHOT_DIR", folder.path().toLocal8Bit());
    BackendClient backend(operatorOn(m_sim.grpcAddress()));
    MainWindow window(&backend, 2, {});
    window.resize(1280, 800);
    QVERIFY(goLive(window, backend, 1));
    auto* controller = window.wallController();
    auto* wall = window.wall();
    QTRY_VERIFY_WITH_TIMEOUT(wall->pictureInfo(1).has_value(), 15000);
    QSignalSpy saved(controller, &vigie::app::WallController::snapshotSaved);
    QSignalSpy failed(controller, &vigie::app::WallController::snapshotFailed);

    // The tile's context menu offers it; the tile is small, so it plays the 640x360 sub stream.
    const qreal dpr = wall->devicePixelRatioF();
    const QPoint centre = (QPointF(wall->tileRect(1).center()) / dpr).toPoint();
    QContextMenuEvent rightClick(QContextMenuEvent::Mouse, centre, wall->mapToGlobal(centre));
    QCoreApplication::sendEvent(wall, &rightClick);
    QMenu* menu = nullptr;
    QTRY_VERIFY((menu = window.findChild<QMenu*>(QStringLiteral("tileMenu"))) && menu->isVisible());
    QAction* fromMenu = nullptr;
    for (QAction* action : menu->actions())
        if (action->objectName() == QLatin1String("tileSnapshotAction"))
            fromMenu = action;
    QVERIFY(fromMenu);
    fromMenu->trigger();  // that tile, whichever is selected
    menu->close();
    QAction* snapshot = window.findChild<QAction*>(QStringLiteral("snapshotAction"));  // S: the selected tile
    QVERIFY(snapshot);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 5000);
    QCOMPARE(failed.count(), 0);
    const QString path = saved.at(0).at(1).toString();
    QVERIFY2(QFileInfo(path).fileName().startsWith(controller->cameraAt(1) + QLatin1Char('_')), qPrintable(path));
    QVERIFY(path.endsWith(QLatin1String(".png")));
    QCOMPARE(QImage(path).size(), QSize(640, 360));  // the stream's size, not the tile's

    // Maximised, the tile plays the 1280x720 main stream: so is the snapshot.
    controller->toggleMaximised(1);
    QTRY_VERIFY_WITH_TIMEOUT(wall->pictureInfo(0) && wall->pictureInfo(0)->size == QSize(1280, 720), 15000);
    wall->setSelectedTile(0);
    snapshot->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 2, 5000);
    const QImage main(saved.at(1).at(1).toString());
    QCOMPARE(main.size(), QSize(1280, 720));
    // Not a black picture: the synthetic camera draws a coloured background.
    const QRgb middle = main.pixel(main.width() / 4, main.height() / 2);
    QVERIFY2(qRed(middle) + qGreen(middle) + qBlue(middle) > 60, qPrintable(QString::number(middle, 16)));

    // An empty tile says why instead.
    controller->toggleMaximised(1);
    controller->clearTile(2);
    wall->setSelectedTile(2);
    snapshot->trigger();
    QCOMPARE(failed.count(), 1);
    QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("No snapshot")));
    qunsetenv("VIGIE_SNAPSHOT_DIR");
}

void TestClientWall::tourCyclesUntilTheOperatorChooses()
{
    BackendClient backend(operatorOn(m_sim.grpcAddress()));
    MainWindow window(&backend, 2, {});
    QVERIFY(goLive(window, backend, 0));
    auto* controller = window.wallController();
    auto* wall = window.wall();

    // A short dwell keeps the test short; each camera is seen playing in turn.
    const QStringList tour{QStringLiteral("cam-05"), QStringLiteral("cam-06"), QStringLiteral("cam-07")};
    controller->startTour(0, tour, std::chrono::milliseconds(700));
    QVERIFY(controller->isTouring(0));
    QCOMPARE(controller->cameraAt(0), QStringLiteral("cam-05"));
    QVERIFY2(wall->tileOverlay(0).title.contains(QLatin1String("1/3")), qPrintable(wall->tileOverlay(0).title));
    QTRY_COMPARE_WITH_TIMEOUT(controller->cameraAt(0), QStringLiteral("cam-06"), 3000);
    QVERIFY(wall->tileOverlay(0).title.contains(QLatin1String("2/3")));
    QTRY_COMPARE_WITH_TIMEOUT(controller->cameraAt(0), QStringLiteral("cam-07"), 3000);
    QTRY_COMPARE_WITH_TIMEOUT(controller->cameraAt(0), QStringLiteral("cam-05"), 3000);  // round again

    // The operator puts a camera on the tile: the tour ends there.
    controller->assign(0, QStringLiteral("cam-02"));
    QVERIFY(!controller->isTouring(0));
    QVERIFY(!wall->tileOverlay(0).title.contains(QLatin1String("tour")));
    QTest::qWait(1000);  // longer than a dwell: nothing may switch any more
    QCOMPARE(controller->cameraAt(0), QStringLiteral("cam-02"));
}

void TestClientWall::streamChoiceCanBeFixedPerTile()
{
    using Preference = vigie::app::WallController::StreamPreference;
    {
        BackendClient backend(operatorOn(m_sim.grpcAddress()));
        MainWindow window(&backend, 2, {});
        window.resize(1280, 800);
        QVERIFY(goLive(window, backend, 2));
        auto* controller = window.wallController();
        auto* wall = window.wall();
        // Small tiles play the sub stream on their own...
        QTRY_VERIFY_WITH_TIMEOUT(wall->pictureInfo(2) && wall->pictureInfo(2)->size == QSize(640, 360), 15000);
        // ...until the operator fixes the main stream for this tile.
        controller->setStreamPreference(2, Preference::Main);
        QTRY_VERIFY_WITH_TIMEOUT(wall->pictureInfo(2) && wall->pictureInfo(2)->size == QSize(1280, 720), 15000);
        QCOMPARE(controller->tileRole(2), vigie::rpc::StreamRole::Main);
        QVERIFY(wall->tileOverlay(2).status.contains(QLatin1String("main stream")));
        // Another camera on that tile keeps the choice.
        controller->assign(2, QStringLiteral("cam-07"));
        QTRY_VERIFY_WITH_TIMEOUT(wall->pictureInfo(2) && wall->pictureInfo(2)->size == QSize(1280, 720), 15000);
        window.close();
    }
    {
        // Saved with the wall.
        BackendClient backend(operatorOn(m_sim.grpcAddress()));
        MainWindow window(&backend, 0, {});
        QCOMPARE(window.wallController()->streamPreference(2), Preference::Main);
        QCOMPARE(window.wallController()->streamPreference(0), Preference::Auto);
    }
}

void TestClientWall::workspacesAreTabsKeptAcrossRestarts()
{
    {
        BackendClient backend(operatorOn(m_sim.grpcAddress()));
        MainWindow window(&backend, 2, {});
        window.resize(1280, 800);
        QVERIFY(goLive(window, backend, 3));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto* first = window.currentWorkspace();
        QTRY_VERIFY_WITH_TIMEOUT(decodes(first->controller(), 0), 10000);

        // Ctrl+T: a second, empty workspace becomes current; the first one stops decoding behind it.
        QTest::keyClick(&window, Qt::Key_T, Qt::ControlModifier);
        QCOMPARE(window.workspaces().size(), 2);
        auto* second = window.currentWorkspace();
        QVERIFY(second != first);
        QVERIFY(second->controller()->cameraIds().join(QString()).isEmpty());
        QTRY_VERIFY(!decodes(first->controller(), 0));
        second->controller()->setGrid(3);
        second->controller()->assign(4, QStringLiteral("cam-05"));
        second->setName(QStringLiteral("Gare"));
        QCOMPARE(window.workspaceTabs()->tabText(1), QStringLiteral("Gare"));
        QTRY_VERIFY_WITH_TIMEOUT(second->controller()->tileState(4) == StreamState::Playing, 15000);

        // Ctrl+1 / Ctrl+2 switch; the toolbar acts on the current one.
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(window.currentWorkspace(), first);
        QCOMPARE(window.wallController(), first->controller());
        QTRY_VERIFY_WITH_TIMEOUT(decodes(first->controller(), 0), 10000);
        QTRY_VERIFY(!decodes(second->controller(), 4));
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(window.currentWorkspace(), second);

        // Detached to a window of its own (one screen here: beside the console); it keeps playing there.
        QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        auto* detached = window.detachedWindow(second);
        QVERIFY(detached);
        QVERIFY(QTest::qWaitForWindowExposed(detached));
        QVERIFY(detached->windowFlags() & Qt::FramelessWindowHint);
        QCOMPARE(second->window(), detached);
        QTRY_VERIFY_WITH_TIMEOUT(second->controller()->tileState(4) == StreamState::Playing, 15000);
        QCOMPARE(window.workspaces().size(), 2);  // its tab stays, with a way back
        QVERIFY(window.findChild<QPushButton*>(QStringLiteral("bringBackButton")));
        window.close();
    }
    {
        // Next start: both workspaces, their names, layouts and cameras, the second one detached again.
        BackendClient backend(operatorOn(m_sim.grpcAddress()));
        MainWindow window(&backend, 0, {});
        QCOMPARE(window.workspaces().size(), 2);
        auto* second = window.workspaces().at(1);
        QCOMPARE(second->name(), QStringLiteral("Gare"));
        QCOMPARE(second->controller()->grid(), 3);
        auto* detached = window.detachedWindow(second);
        QVERIFY(detached);
        QCOMPARE(window.currentWorkspace(), second);  // the tab that was current
        QVERIFY(goLive(window, backend, 4));
        QTRY_COMPARE_WITH_TIMEOUT(second->controller()->cameraAt(4), QStringLiteral("cam-05"), 10000);
        // Closing the detached window brings the workspace back to its tab, nothing lost.
        detached->close();
        QTRY_VERIFY(!window.detachedWindow(second));
        QCOMPARE(second->window(), &window);
        QCOMPARE(second->controller()->cameraAt(4), QStringLiteral("cam-05"));
        // Ctrl+W closes the current workspace; the last one cannot be closed.
        window.workspaceTabs()->setCurrentIndex(1);
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_W, Qt::ControlModifier);
        QCOMPARE(window.workspaces().size(), 1);
        QTest::keyClick(&window, Qt::Key_W, Qt::ControlModifier);
        QCOMPARE(window.workspaces().size(), 1);
    }
}

void TestClientWall::savedLayoutsComeBackWithTheirCameras()
{
    using vigie::widgets::LayoutPresets;
    const auto onePlusFive = LayoutPresets::uneven(LayoutPresets::Uneven::OnePlusFive);
    const QStringList cameras{QStringLiteral("cam-06"), QString(), QStringLiteral("cam-02"), QString(), QString(), QString()};
    QVERIFY(vigie::app::NamedLayouts().save({QStringLiteral("Incident gare"), onePlusFive, cameras, {}}));

    BackendClient backend(operatorOn(m_sim.grpcAddress()));
    MainWindow window(&backend, 2, {});
    window.resize(1280, 800);
    QVERIFY(goLive(window, backend, 3));
    auto* menu = window.findChild<QMenu*>(QStringLiteral("layoutsMenu"));
    QVERIFY(menu);
    emit menu->aboutToShow();
    QAction* entry = nullptr;
    for (QAction* action : menu->actions())
        if (action->text() == QLatin1String("Incident gare"))
            entry = action;
    QVERIFY2(entry, "the saved layout is not in the Layouts menu");
    entry->trigger();
    auto* controller = window.wallController();
    QCOMPARE(controller->layout(), onePlusFive);
    QCOMPARE(controller->cameraIds(), cameras);
    QTRY_COMPARE_WITH_TIMEOUT(controller->tileState(0), StreamState::Playing, 15000);
    QSettings().remove(QStringLiteral("layouts"));
}

void TestClientWall::siteDroppedFillsFreeTiles()
{
    BackendClient backend(operatorOn(m_sim.grpcAddress()));
    MainWindow window(&backend, 3, {QStringLiteral("cam-01")});
    window.resize(1280, 800);
    QVERIFY(goLive(window, backend, 0));
    const vigie::rpc::CameraInfo* camera = backend.camera(QStringLiteral("cam-02"));
    QVERIFY(camera);
    QStringList siteCameras;
    for (const auto& other : backend.cameras())
        if (other.siteId == camera->siteId)
            siteCameras << other.id;
    QVERIFY(siteCameras.size() > 1);

    // The site dropped on tile 5: its first camera there, the others into free tiles; tile 0 untouched.
    auto* wall = window.wall();
    QMimeData mime;
    mime.setData(QString(vigie::widgets::kSiteIdMimeType), camera->siteId.toUtf8());
    QVERIFY(wall->dropMimeData(&mime, wall->tileRect(5).center() / wall->devicePixelRatioF()));
    auto* controller = window.wallController();
    QCOMPARE(controller->cameraAt(0), QStringLiteral("cam-01"));
    QVERIFY(siteCameras.contains(controller->cameraAt(5)));
    QStringList shown = controller->cameraIds();
    for (const QString& id : siteCameras)
        QVERIFY2(shown.contains(id), qPrintable(id));
}

void TestClientWall::tileOpensInAWindowOfItsOwn()
{
    BackendClient backend(operatorOn(m_sim.grpcAddress()));
    MainWindow window(&backend, 2, {});
    window.resize(1280, 800);
    QVERIFY(goLive(window, backend, 1));
    auto* wall = window.wall();
    const QString camera = window.wallController()->cameraAt(1);
    const QPoint centre = wall->tileRect(1).center() / wall->devicePixelRatioF();
    QContextMenuEvent event(QContextMenuEvent::Mouse, centre, wall->mapToGlobal(centre));
    QApplication::sendEvent(wall, &event);
    QAction* open = nullptr;
    QTRY_VERIFY((open = window.findChild<QAction*>(QStringLiteral("openInWindowAction"))));
    open->trigger();
    if (auto* menu = window.findChild<QMenu*>(QStringLiteral("tileMenu")))
        menu->close();
    // A new workspace, alone in its window, showing that camera full size.
    QCOMPARE(window.workspaces().size(), 2);
    auto* alone = window.workspaces().at(1);
    auto* detached = window.detachedWindow(alone);
    QVERIFY(detached);
    QVERIFY(QTest::qWaitForWindowExposed(detached));
    QCOMPARE(alone->controller()->tileCount(), 1);
    QCOMPARE(alone->controller()->cameraAt(0), camera);
    QTRY_COMPARE_WITH_TIMEOUT(alone->controller()->tileState(0), StreamState::Playing, 15000);
    window.closeWorkspace(1);
    QCOMPARE(window.workspaces().size(), 1);
}

void TestClientWall::layoutTourTurnsPagesTogether()
{
    BackendClient backend(operatorOn(m_sim.grpcAddress()));
    MainWindow window(&backend, 2, {});
    window.resize(1280, 800);
    QVERIFY(goLive(window, backend, 3));
    auto* controller = window.wallController();
    const QStringList six{QStringLiteral("cam-01"), QStringLiteral("cam-02"), QStringLiteral("cam-03"),
                          QStringLiteral("cam-04"), QStringLiteral("cam-05"), QStringLiteral("cam-06")};
    controller->startLayoutTour(six, std::chrono::milliseconds(600));
    const QStringList first{six[0], six[1], six[2], six[3]};
    const QStringList second{six[4], six[5], six[0], six[1]};  // the last page wraps round
    QCOMPARE(controller->cameraIds(), first);
    QVERIFY(controller->anyTouring());
    // Every tile turns at once: once the event loop runs again (and the wall can paint), the wall is
    // never half on one page, half on the next.
    int mixed = 0;
    auto connection = connect(controller, &vigie::app::WallController::assignmentsChanged, this, [&] {
        QTimer::singleShot(0, this, [&] {
            const QStringList now = controller->cameraIds();
            mixed += now != first && now != second;
        });
    });
    QTRY_COMPARE_WITH_TIMEOUT(controller->cameraIds(), second, 3000);
    QTRY_COMPARE_WITH_TIMEOUT(controller->cameraIds(), first, 3000);
    QTest::qWait(50);  // the last queued checks
    disconnect(connection);
    QCOMPARE(mixed, 0);
    controller->stopAllTours();
    QVERIFY(!controller->anyTouring());
}

int main(int argc, char** argv)
{
    vigie::test::applyWallPathFromEnvironment();  // run twice by ctest: OpenGL, then software
    QApplication app(argc, argv);
    TestClientWall test;
    return QTest::qExec(&test, argc, argv);
}
#include "test_client_wall.moc"
