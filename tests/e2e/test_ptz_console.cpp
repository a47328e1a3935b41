// The PTZ dock against a real vigie-sim dome: selecting the tile makes the panel drive its camera;
// holding an arrow turns the dome that way and letting go stops it; a preset saved from the panel is
// listed; another operator taking the camera over is shown in the lock line. With "PTZ with the mouse",
// a drag on the tile steers the dome, Ctrl+click centres it and the wheel zooms its lens.

#include <QAction>
#include <QContextMenuEvent>
#include <QFocusEvent>
#include <QTimer>
#include <QApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QWheelEvent>
#include <QtTest>

#include <cmath>

#include "BackendUser.h"
#include "MainWindow.h"
#include "SimProcess.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/rpc/PtzLink.h"
#include "vigie/widgets/PtzGesture.h"
#include "vigie/widgets/PtzPanel.h"
#include "vigie/widgets/WallWidget.h"

using vigie::app::MainWindow;
using vigie::rpc::BackendClient;
using vigie::rpc::PtzLink;
using vigie::test::userOn;

namespace {

const QString kDome = QStringLiteral("ptz-01");

struct DomeState {
    double pan = 0;
    double zoom = 0;
    bool moving = false;
};

}  // namespace

class TestPtzConsole : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void panelDrivesTheSelectedDome();
    void mouseSteersTheDomeOnItsTile();
    void noRightNoControls();

private:
    std::optional<DomeState> dome();
    vigie::test::SimProcess m_sim;
};

void TestPtzConsole::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("vigie-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_ptz_console"));
    QSettings().clear();
    QVERIFY2(m_sim.start({QStringLiteral("--cameras"), QStringLiteral("0"), QStringLiteral("--ptz-cameras"),
                          QStringLiteral("1"), QStringLiteral("--alarm-rate"), QStringLiteral("0")}),
             qPrintable(m_sim.lastError()));
}

std::optional<DomeState> TestPtzConsole::dome()
{
    QString reply;  // "ok pan=0.0123 tilt=0.0000 zoom=0.0000 moving=1"
    if (!m_sim.command(QStringLiteral("ptz-status %1").arg(kDome), &reply))
        return std::nullopt;
    static const QRegularExpression pattern(QStringLiteral("pan=(-?[0-9.]+).*zoom=(-?[0-9.]+).*moving=([01])"));
    const auto match = pattern.match(reply);
    if (!match.hasMatch())
        return std::nullopt;
    return DomeState{match.captured(1).toDouble(), match.captured(2).toDouble(), match.captured(3) == QLatin1String("1")};
}

void TestPtzConsole::panelDrivesTheSelectedDome()
{
    BackendClient backend(userOn(m_sim.grpcAddress(), QStringLiteral("operator")));
    PtzLink ptz(&backend);
    MainWindow window(&backend, 1, {kDome}, nullptr, nullptr);
    window.setPtzLink(&ptz);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    backend.start();
    auto* panel = window.ptzPanel();
    QVERIFY(panel);
    QVERIFY(!panel->isAvailable());  // nothing selected yet: the panel says so
    QCOMPARE(panel->unavailableReason(), QStringLiteral("No tile selected"));
    QTRY_VERIFY_WITH_TIMEOUT(backend.camera(kDome), 15000);
    window.wall()->setSelectedTile(0);
    QTRY_VERIFY_WITH_TIMEOUT(panel->isAvailable(), 5000);
    QVERIFY(!panel->cameraName().isEmpty());

    // Held right arrow: the dome turns right; let go: it stops.
    const auto before = dome();
    QVERIFY(before && !before->moving);
    auto* right = panel->findChild<QPushButton*>(QStringLiteral("ptzRight"));
    QVERIFY(right);
    QTest::mousePress(right, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dome() && dome()->pan > before->pan + 0.01, 3000);
    QTest::mouseRelease(right, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dome() && !dome()->moving, 1000);
    const double stoppedAt = dome()->pan;
    QTest::qWait(300);  // the dome stays where it stopped
    QCOMPARE(dome()->pan, stoppedAt);

    // A preset saved from the panel is listed.
    auto* name = panel->findChild<QLineEdit*>(QStringLiteral("ptzPresetName"));
    auto* save = panel->findChild<QPushButton*>(QStringLiteral("ptzSavePreset"));
    auto* presets = panel->findChild<QListWidget*>(QStringLiteral("ptzPresets"));
    QVERIFY(name && save && presets);
    name->setText(QStringLiteral("Entrée mairie"));
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!presets->findItems(QStringLiteral("Entrée mairie"), Qt::MatchContains).isEmpty(), 5000);

    // The supervisor takes the dome over while the operator holds the arrow: the dome stops, the status
    // line says who took it, and the held arrow does not reopen the stream (it would only be refused)
    // until it is let go. The lock line names the holder.
    BackendClient otherBackend(userOn(m_sim.grpcAddress(), QStringLiteral("supervisor")));
    PtzLink other(&otherBackend);
    otherBackend.start();
    QTRY_COMPARE_WITH_TIMEOUT(otherBackend.state(), vigie::rpc::ConnectionState::Online, 10000);
    QTest::mousePress(right, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dome() && dome()->moving, 3000);
    bool taken = false;
    other.acquireLock(kDome, true, QStringLiteral("suivi véhicule"), [&](const auto& lock, const auto& error) {
        taken = lock.has_value() && !error;
    });
    QTRY_VERIFY_WITH_TIMEOUT(taken, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(int(panel->lock().holder), int(vigie::widgets::PtzPanel::Lock::Holder::Someone), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!ptz.isDriving(), 3000);
    QVERIFY2(panel->status().contains(panel->lock().holderName), qPrintable(panel->status()));
    QTRY_VERIFY_WITH_TIMEOUT(dome() && !dome()->moving, 1000);
    QTest::qWait(400);  // still held: nothing reopens
    QVERIFY(!ptz.isDriving());
    QTest::mouseRelease(right, Qt::LeftButton);
    QVERIFY2(panel->lockText().contains(panel->lock().holderName) && !panel->lock().holderName.isEmpty(),
             qPrintable(panel->lockText()));
    // The operator's priority is below the supervisor's: no "Take control" offered.
    auto* takeControl = panel->findChild<QPushButton*>(QStringLiteral("ptzTakeControl"));
    QVERIFY(takeControl);
    QVERIFY(!takeControl->isVisible());
    // The tile says it too, with the time left.
    QTRY_VERIFY_WITH_TIMEOUT(window.wall()->tileOverlay(0).control.contains(panel->lock().holderName), 3000);
    QVERIFY2(window.wall()->tileOverlay(0).control.endsWith(QLatin1String(" s")),
             qPrintable(window.wall()->tileOverlay(0).control));
}

void TestPtzConsole::mouseSteersTheDomeOnItsTile()
{
    QSettings().clear();
    BackendClient backend(userOn(m_sim.grpcAddress(), QStringLiteral("admin")));  // above the earlier locks
    PtzLink ptz(&backend);
    MainWindow window(&backend, 1, {kDome}, nullptr, nullptr);
    window.setPtzLink(&ptz);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    backend.start();
    QTRY_VERIFY_WITH_TIMEOUT(backend.camera(kDome), 15000);
    auto* wall = window.wall();
    wall->setSelectedTile(0);
    auto* mouse = window.findChild<QAction*>(QStringLiteral("ptzMouseAction"));
    QVERIFY(mouse);
    QCOMPARE(wall->ptzTile(), -1);  // off by default: the mouse swaps and pans tiles
    mouse->setChecked(true);
    QCOMPARE(wall->ptzTile(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(wall->pictureInfo(0).has_value(), 10000);
    // Take the dome from whoever holds it after the first test (the admin's priority is the highest).
    bool taken = false;
    ptz.acquireLock(kDome, true, {}, [&](const auto& lock, const auto&) { taken = lock.has_value(); });
    QTRY_VERIFY_WITH_TIMEOUT(taken, 5000);

    // Drag from the centre to the right: the dome turns right while the button is held, stops on release.
    const qreal dpr = wall->devicePixelRatioF();
    const QRect tile(wall->tileRect(0).topLeft() / dpr, wall->tileRect(0).size() / dpr);  // widget coordinates
    const QPoint pressAt = tile.center();
    const auto before = dome();
    QVERIFY(before);
    QTest::mousePress(wall, Qt::LeftButton, {}, pressAt);
    QMouseEvent move(QEvent::MouseMove, pressAt + QPoint(tile.width() / 4, 0), wall->mapToGlobal(pressAt + QPoint(tile.width() / 4, 0)),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(wall, &move);
    QTRY_VERIFY_WITH_TIMEOUT(dome() && dome()->pan > before->pan + 0.01, 3000);
    QTest::mouseRelease(wall, Qt::LeftButton, {}, pressAt + QPoint(tile.width() / 4, 0));
    QTRY_VERIFY_WITH_TIMEOUT(dome() && !dome()->moving, 1000);

    // Ctrl+click right of the centre: the dome turns to put that point in the middle.
    const double beforeCentre = dome()->pan;
    QTest::mouseClick(wall, Qt::LeftButton, Qt::ControlModifier, pressAt + QPoint(tile.width() / 4, 0));
    QTRY_VERIFY_WITH_TIMEOUT(dome() && dome()->pan > beforeCentre + 0.005 && !dome()->moving, 5000);

    // The wheel zooms the lens (not the picture). A fast spin is gathered into few moves, none lost: the
    // lens ends where every notch together takes it.
    const double zoomBefore = dome()->zoom;
    QWheelEvent wheel(QPointF(pressAt), wall->mapToGlobal(QPointF(pressAt)), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    const int notches = 6;
    for (int i = 0; i < notches; ++i) {
        QApplication::sendEvent(wall, &wheel);
        if (i == 2)
            QTest::qWait(250);  // a hand's pause mid-spin: the lens is moving when the next notches leave
    }
    const double expected = std::min(1.0, zoomBefore + notches * vigie::widgets::PtzGesture::wheelZoomStep(120));
    QTRY_VERIFY2_WITH_TIMEOUT(dome() && std::abs(dome()->zoom - expected) < 0.01 && !dome()->moving,
                              qPrintable(QStringLiteral("zoom %1 (from %2), expected %3")
                                             .arg(dome() ? dome()->zoom : -1).arg(zoomBefore).arg(expected)),
                              5000);
    QCOMPARE(wall->tileZoom(0).scale(), 1.0);

    // Two inputs at once: an arrow key pressed and let go during a panel hold does not stop the panel's move.
    auto* panelRight = window.ptzPanel()->findChild<QPushButton*>(QStringLiteral("ptzRight"));
    QVERIFY(panelRight);
    wall->setFocus();
    QTest::mousePress(panelRight, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dome() && dome()->moving, 3000);
    QTest::keyPress(wall, Qt::Key_Up);
    QTest::keyRelease(wall, Qt::Key_Up);
    const double afterKey = dome()->pan;
    QTRY_VERIFY_WITH_TIMEOUT(dome() && dome()->moving && dome()->pan > afterKey + 0.01, 3000);  // still turning right
    QTest::mouseRelease(panelRight, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dome() && !dome()->moving, 1000);

    // Keys on the selected dome's tile: a held arrow steers, its release stops; a digit goes to a preset.
    wall->setFocus();
    const double beforeKey = dome()->pan;
    QTest::keyPress(wall, Qt::Key_Left);
    QTRY_VERIFY_WITH_TIMEOUT(dome() && dome()->pan < beforeKey - 0.01, 3000);
    QTest::keyRelease(wall, Qt::Key_Left);
    QTRY_VERIFY_WITH_TIMEOUT(dome() && !dome()->moving, 1000);
    QCOMPARE(wall->selectedTile(), 0);  // the arrows steered, they did not move the selection
    const double beforePreset = dome()->pan;
    QTest::keyClick(wall, Qt::Key_1);  // the first preset in the panel's order (a landmark, away from here)
    QTRY_VERIFY_WITH_TIMEOUT(dome() && std::abs(dome()->pan - beforePreset) > 0.01 && !dome()->moving, 10000);

    // Never left moving: a key held while the focus goes elsewhere (its release will not come here)...
    QTest::keyPress(wall, Qt::Key_Right);
    QTRY_VERIFY_WITH_TIMEOUT(dome() && dome()->moving, 3000);
    QFocusEvent focusOut(QEvent::FocusOut, Qt::ActiveWindowFocusReason);  // what Alt+Tab delivers
    QApplication::sendEvent(wall, &focusOut);
    QTRY_VERIFY_WITH_TIMEOUT(dome() && !dome()->moving, 1000);
    // ...a key released with a modifier pressed meanwhile...
    QTest::keyPress(wall, Qt::Key_Right);
    QTRY_VERIFY_WITH_TIMEOUT(dome() && dome()->moving, 3000);
    QTest::keyRelease(wall, Qt::Key_Right, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(dome() && !dome()->moving, 1000);
    // ...and a drag interrupted by the tile's menu, which takes the mouse.
    QTest::mousePress(wall, Qt::LeftButton, {}, pressAt);
    QMouseEvent drag(QEvent::MouseMove, pressAt + QPoint(tile.width() / 4, 0),
                     wall->mapToGlobal(pressAt + QPoint(tile.width() / 4, 0)), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(wall, &drag);
    QTRY_VERIFY_WITH_TIMEOUT(dome() && dome()->moving, 3000);
    QContextMenuEvent menu(QContextMenuEvent::Mouse, pressAt, wall->mapToGlobal(pressAt));
    QTimer::singleShot(300, [] {
        if (auto* popup = QApplication::activePopupWidget())
            popup->close();
    });
    QApplication::sendEvent(wall, &menu);
    QTRY_VERIFY_WITH_TIMEOUT(dome() && !dome()->moving, 1000);
}

void TestPtzConsole::noRightNoControls()
{
    // A viewer may watch the dome but not steer it: the panel says why before any press is refused.
    QSettings().clear();
    BackendClient backend(userOn(m_sim.grpcAddress(), QStringLiteral("viewer")));
    PtzLink ptz(&backend);
    MainWindow window(&backend, 1, {kDome}, nullptr, nullptr);
    window.setPtzLink(&ptz);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    backend.start();
    QTRY_VERIFY_WITH_TIMEOUT(backend.camera(kDome), 15000);
    window.wall()->setSelectedTile(0);
    auto* panel = window.ptzPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->unavailableReason().contains(QLatin1String("right")), 5000);
    QVERIFY(!panel->isAvailable());
}

QTEST_MAIN(TestPtzConsole)
#include "test_ptz_console.moc"
