// The client as an operator meets it: the main window against a real vigie-sim, live video decoded by
// the player and drawn by the wall; pixels are read back from the GL framebuffer.

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include <cmath>

#include "MainWindow.h"
#include "SimProcess.h"
#include "WallController.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/widgets/CameraTreeView.h"
#include "vigie/widgets/CameraTreeModel.h"
#include "vigie/widgets/WallLayout.h"
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

vigie::rpc::BackendOptions operatorOn(const QString& address)
{
    vigie::rpc::BackendOptions options;
    options.address = address;
    options.user = QStringLiteral("operator");
    options.password = QStringLiteral("operator");
    return options;
}

}  // namespace

class TestClientWall : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void fourTilesPlayLiveVideo();
    void offlineCameraIsShownOnItsTile();

private:
    SimProcess m_sim;
};

void TestClientWall::initTestCase()
{
    // Keep the user's saved wall out of it: settings of a test-only application name, cleared.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("vigie-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_client_wall"));
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

QTEST_MAIN(TestClientWall)
#include "test_client_wall.moc"
