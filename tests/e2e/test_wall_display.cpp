// Video walls end to end against a real vigie-sim: the `--wall` display follows what another client
// pushes through the backend's wall service, the console's wall panel shows each monitor live, and
// "send to wall" from a tile's menu reaches the sim.

#include <QContextMenuEvent>
#include <QDir>
#include <QProcess>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include <cmath>
#include <optional>

#include "MainWindow.h"
#include "MonitorView.h"
#include "BackendUser.h"
#include "SimProcess.h"
#include "WallContent.h"
#include "WallController.h"
#include "WallDisplayWindow.h"
#include "WallPanel.h"
#include "WallTestPath.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/rpc/WallLink.h"
#include "vigie/widgets/ConnectionBanner.h"
#include "vigie/widgets/LayoutPresets.h"
#include "vigie/widgets/WallWidget.h"

using vigie::app::MonitorView;
using vigie::app::WallDisplayWindow;
using vigie::player::StreamState;
using vigie::rpc::BackendClient;
using vigie::rpc::ConnectionState;
using vigie::rpc::WallLink;
using vigie::test::SimProcess;
using vigie::test::userOn;

namespace {


// A layout of the "1 + 5" preset with these cameras, in tile order.
vigie::rpc::LayoutSpec onePlusFive(const QStringList& cameras)
{
    const auto layout = vigie::widgets::LayoutPresets::uneven(vigie::widgets::LayoutPresets::Uneven::OnePlusFive);
    vigie::rpc::LayoutSpec spec;
    spec.name = QStringLiteral("incident");
    spec.columns = layout.columns();
    spec.rows = layout.rows();
    for (int tile = 0; tile < layout.tileCount(); ++tile)
        spec.cells << vigie::rpc::LayoutCellSpec{layout.cellOf(tile), cameras.value(tile), vigie::rpc::StreamChoice::Auto};
    return spec;
}

// Standard deviation of the luma over a rectangle: a black or solid tile is near 0, live video is not.
double lumaSpread(const QImage& image, const QRect& rect)
{
    double sum = 0, sumSq = 0;
    int n = 0;
    for (int y = rect.top() + rect.height() / 4; y < rect.bottom() - rect.height() / 8; y += 3) {
        for (int x = rect.left() + 4; x < rect.right() - 4; x += 3) {
            const QRgb p = image.pixel(x, y);
            const double l = 0.2126 * qRed(p) + 0.7152 * qGreen(p) + 0.0722 * qBlue(p);
            sum += l;
            sumSq += l * l;
            ++n;
        }
    }
    const double mean = n ? sum / n : 0;
    return n ? std::sqrt(std::max(0.0, sumSq / n - mean * mean)) : 0;
}

// A client that pushes to walls, as another operator's console would.
struct OtherOperator {
    explicit OtherOperator(const QString& address) : backend(userOn(address, QStringLiteral("supervisor"))), walls(&backend)
    {
        backend.start();
    }
    bool ready() { return QTest::qWaitFor([this] { return walls.wallsLoaded(); }, 15000); }
    // Pushes and waits for the answer; the error text, or empty on success.
    QString pushLayout(const QString& wall, const QString& monitor, const vigie::rpc::LayoutSpec& layout)
    {
        std::optional<std::optional<vigie::rpc::RpcError>> outcome;
        walls.pushLayout(wall, monitor, layout, [&](const std::optional<vigie::rpc::RpcError>& e) { outcome = e; });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 10000))
            return QStringLiteral("no answer");
        return *outcome ? (*outcome)->text : QString();
    }
    BackendClient backend;
    WallLink walls;
};

}  // namespace

class TestWallDisplay : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { QSettings().clear(); }
    void wallDisplayFollowsPushesFromAnotherClient();
    void wallProcessFollowsPushes();
    void unknownWallIsSaidOnScreen();
    void consoleSendsATileToTheWall();

private:
    SimProcess m_sim;
};

void TestWallDisplay::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("vigie-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_wall_display_") + QString::fromLatin1(qgetenv("VIGIE_WALL_PATH")));
    QVERIFY2(m_sim.start({QStringLiteral("--cameras"), QStringLiteral("8")}), qPrintable(m_sim.lastError()));
}

void TestWallDisplay::wallDisplayFollowsPushesFromAnotherClient()
{
    BackendClient backend(userOn(m_sim.grpcAddress(), QStringLiteral("operator")));
    WallLink walls(&backend);
    WallDisplayWindow display(&backend, &walls, QStringLiteral("Mur A"), QString());
    display.resize(1280, 400);
    display.show();
    QVERIFY(QTest::qWaitForWindowExposed(&display));
    backend.start();

    // Both monitors of the wall, as the sim starts them: a 2x2 on the first, one camera on the second.
    QTRY_COMPARE_WITH_TIMEOUT(display.monitorViews().size(), 2, 15000);
    QCOMPARE(display.wallId(), QStringLiteral("wall-a"));
    MonitorView* first = display.monitorView(QStringLiteral("mon-a1"));
    QVERIFY(first);
    QTRY_COMPARE_WITH_TIMEOUT(first->controller()->tileCount(), 4, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(first->controller()->tileState(0), StreamState::Playing, 15000);
    QVERIFY(display.banner()->isHidden());

    // Another operator pushes an uneven layout onto that monitor: the display follows, and plays it.
    OtherOperator other(m_sim.grpcAddress());
    QVERIFY(other.ready());
    const QStringList cameras{QStringLiteral("cam-05"), QStringLiteral("cam-06"), QStringLiteral("cam-07"),
                              QStringLiteral("cam-08"), QString(), QStringLiteral("cam-01")};
    QCOMPARE(other.pushLayout(QStringLiteral("wall-a"), QStringLiteral("mon-a1"), onePlusFive(cameras)), QString());
    auto* controller = first->controller();
    QTRY_COMPARE_WITH_TIMEOUT(controller->tileCount(), 6, 5000);
    QCOMPARE(controller->layout(), *vigie::app::toWallLayout(onePlusFive(cameras)));
    QCOMPARE(controller->cameraIds(), cameras);
    QTRY_COMPARE_WITH_TIMEOUT(controller->tileState(0), StreamState::Playing, 15000);
    // Live pictures in the big tile, read back from what the wall drew.
    auto* wall = first->wall();
    QTRY_VERIFY_WITH_TIMEOUT(lumaSpread(wall->grabFramebuffer(), wall->tileRect(0)) > 5.0, 10000);

    // One camera into one tile: only that tile changes.
    const auto* before = controller->session(1);
    std::optional<std::optional<vigie::rpc::RpcError>> outcome;
    other.walls.pushCamera(QStringLiteral("wall-a"), QStringLiteral("mon-a1"), QStringLiteral("cam-02"),
                           vigie::rpc::StreamChoice::Auto, 0, [&](const auto& e) { outcome = e; });
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
    QVERIFY2(!*outcome, qPrintable((*outcome)->text));
    QTRY_COMPARE_WITH_TIMEOUT(controller->cameraAt(0), QStringLiteral("cam-02"), 5000);
    QCOMPARE(controller->session(1), before);  // the neighbours kept playing, untouched

    // Cleared: the second monitor goes black.
    MonitorView* second = display.monitorView(QStringLiteral("mon-a2"));
    QVERIFY(second && second->layout());
    outcome.reset();
    other.walls.clearMonitor(QStringLiteral("wall-a"), QStringLiteral("mon-a2"), [&](const auto& e) { outcome = e; });
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value() && !*outcome, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!second->layout(), 5000);
    QVERIFY(second->controller()->cameraAt(0).isEmpty());

    // The version check refuses overwriting a change the pusher has not seen.
    const qint64 version = other.walls.state(QStringLiteral("wall-a")) ? other.walls.state(QStringLiteral("wall-a"))->version : 0;
    outcome.reset();
    other.walls.pushLayout(QStringLiteral("wall-a"), QStringLiteral("mon-a2"), onePlusFive(cameras),
                           [&](const auto& e) { outcome = e; }, version > 1 ? version - 1 : 1000);
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
    QVERIFY(*outcome);
    QCOMPARE((*outcome)->code, 10);  // grpc::StatusCode::ABORTED
    QVERIFY(!second->layout());  // and the display did not change
}

void TestWallDisplay::wallProcessFollowsPushes()
{
    // The program as a wall's screen runs it: `vigie --wall wall-b`, its own process, its own login.
    QProcess display;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("VIGIE_PASSWORD"), QStringLiteral("viewer"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir::tempPath() + QStringLiteral("/vigie-wall-test"));
    display.setProcessEnvironment(environment);
    display.setProcessChannelMode(QProcess::SeparateChannels);
    display.start(QStringLiteral(VIGIE_CLIENT_BINARY),
                  {QStringLiteral("--backend"), m_sim.grpcAddress(), QStringLiteral("--user"), QStringLiteral("viewer"),
                   QStringLiteral("--wall"), QStringLiteral("Mur B"), QStringLiteral("--renderer"),
                   qEnvironmentVariable("VIGIE_WALL_PATH") == QLatin1String("software") ? QStringLiteral("software")
                                                                                        : QStringLiteral("opengl")});
    QVERIFY2(display.waitForStarted(5000), qPrintable(display.errorString()));
    QByteArray log;
    auto logSays = [&](const QByteArray& text) {
        log += display.readAllStandardError();
        return log.contains(text);
    };
    // It reports what it shows: first the sim's state (Mur B is cleared at start)...
    QTRY_VERIFY2_WITH_TIMEOUT(logSays("wall-b/mon-b1 shows"), log.constData(), 15000);

    // ...then what another client pushes.
    OtherOperator other(m_sim.grpcAddress());
    QVERIFY(other.ready());
    const QStringList cameras{QStringLiteral("cam-07"), QStringLiteral("cam-08"), QStringLiteral("cam-03"), QString(),
                              QString(), QStringLiteral("cam-04")};
    QCOMPARE(other.pushLayout(QStringLiteral("wall-b"), QStringLiteral("mon-b1"), onePlusFive(cameras)), QString());
    QTRY_VERIFY2_WITH_TIMEOUT(logSays("wall-b/mon-b1 shows 3x3 layout, cameras cam-07,cam-08,cam-03,-,-,cam-04"),
                              log.constData(), 10000);
    QVERIFY(display.state() == QProcess::Running);
    display.terminate();
    QVERIFY(display.waitForFinished(5000));
}

void TestWallDisplay::unknownWallIsSaidOnScreen()
{
    BackendClient backend(userOn(m_sim.grpcAddress(), QStringLiteral("operator")));
    WallLink walls(&backend);
    WallDisplayWindow display(&backend, &walls, QStringLiteral("Mur Z"), QString());
    display.show();
    backend.start();
    QTRY_VERIFY_WITH_TIMEOUT(walls.wallsLoaded(), 15000);
    QVERIFY(!display.banner()->isHidden());
    QVERIFY2(display.banner()->text().contains(QLatin1String("Mur Z")) &&
                 display.banner()->text().contains(QLatin1String("wall-a")),
             qPrintable(display.banner()->text()));
    QVERIFY(display.monitorViews().isEmpty());
}

void TestWallDisplay::consoleSendsATileToTheWall()
{
    BackendClient backend(userOn(m_sim.grpcAddress(), QStringLiteral("supervisor")));
    WallLink walls(&backend);
    vigie::app::MainWindow window(&backend, 2, {QStringLiteral("cam-03"), QStringLiteral("cam-04")}, &walls);
    window.resize(1400, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(window.wallController()->cameraAt(1), QStringLiteral("cam-04"), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(walls.wallsLoaded() && walls.state(QStringLiteral("wall-b")), 15000);

    // The panel shows every monitor of every wall.
    QVERIFY(window.wallPanel());
    QTRY_VERIFY_WITH_TIMEOUT(window.wallPanel()->monitorView(QStringLiteral("wall-b"), QStringLiteral("mon-b1")), 5000);
    MonitorView* thumbnail = window.wallPanel()->monitorView(QStringLiteral("wall-b"), QStringLiteral("mon-b1"));

    // Tile 2's menu: Send to wall > the wall's monitor.
    auto* wall = window.wall();
    const QPoint centre = wall->tileRect(1).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, centre, wall->mapToGlobal(centre));
    QApplication::sendEvent(wall, &event);
    QMenu* send = nullptr;
    QTRY_VERIFY((send = window.findChild<QMenu*>(QStringLiteral("sendToWallMenu"))));
    QAction* target = nullptr;
    for (QAction* action : send->actions())
        if (action->text().contains(QLatin1String("Mur B")))
            target = action;
    QVERIFY2(target, "no entry for Mur B's monitor");
    target->trigger();
    if (auto* menu = window.findChild<QMenu*>(QStringLiteral("tileMenu")))
        menu->close();

    // The sim's state says so (seen through the watch), and the panel's thumbnail plays it.
    auto monitorShows = [&](const QString& camera) {
        const auto* state = walls.state(QStringLiteral("wall-b"));
        const auto* content = state ? state->monitor(QStringLiteral("mon-b1")) : nullptr;
        return content && content->layout && content->layout->cells.size() == 1 &&
               content->layout->cells.first().cameraId == camera;
    };
    QTRY_VERIFY_WITH_TIMEOUT(monitorShows(QStringLiteral("cam-04")), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(thumbnail->controller()->cameraAt(0), QStringLiteral("cam-04"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(thumbnail->controller()->tileState(0), StreamState::Playing, 15000);
    QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("Sent to")));
}

int main(int argc, char** argv)
{
    vigie::test::applyWallPathFromEnvironment();
    QApplication app(argc, argv);
    TestWallDisplay test;
    return QTest::qExec(&test, argc, argv);
}
#include "test_wall_display.moc"
