// The operator's alarm workflow against a real vigie-sim: an alarm raised by the backend reaches the
// alarm dock, the window title and the camera's tile; a high one pops its camera onto the wall; one
// action shows the camera live; acknowledging from the dock is seen by a second operator's client; an
// operator acting on a state another one changed meanwhile is told so, and nothing is overwritten.

#include <QSettings>
#include <QStandardPaths>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QtTest>
#include <QTabWidget>

#include "AlarmListModel.h"
#include "AlarmPanel.h"
#include "MainWindow.h"
#include "ReviewConsole.h"
#include "Workspace.h"
#include "vigie/rpc/BookmarkLink.h"
#include "vigie/rpc/RecordingLink.h"
#include "BackendUser.h"
#include "SimProcess.h"
#include "WallController.h"
#include "vigie/rpc/AlarmLink.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/rpc/MetadataLink.h"
#include "vigie/widgets/ConnectionBanner.h"
#include "vigie/widgets/WallWidget.h"

using vigie::app::AlarmListModel;
using vigie::app::MainWindow;
using vigie::rpc::AlarmLink;
using vigie::rpc::BackendClient;
using vigie::rpc::ConnectionState;
using vigie::test::userOn;

namespace {


}  // namespace

class TestAlarmConsole : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init() { QSettings().clear(); }
    void alarmReachesDockTitleAndTile();
    void conflictIsReportedNotOverwritten();
    void reviewOpensTheCameraBeforeTheAlarm();

private:
    QString raise(const QString& camera, const QString& type, const QString& priority);
    vigie::test::SimProcess m_sim;
};

void TestAlarmConsole::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("vigie-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_alarm_console"));
    QVERIFY2(m_sim.start({QStringLiteral("--cameras"), QStringLiteral("8"), QStringLiteral("--alarm-rate"),
                          QStringLiteral("0")}),
             qPrintable(m_sim.lastError()));
}

QString TestAlarmConsole::raise(const QString& camera, const QString& type, const QString& priority)
{
    QString reply;
    m_sim.command(QStringLiteral("raise-alarm %1 %2 %3").arg(camera, type, priority), &reply);  // "ok ALARM-ID"
    return reply.startsWith(QLatin1String("ok ")) ? reply.mid(3).trimmed() : QString();
}

void TestAlarmConsole::alarmReachesDockTitleAndTile()
{
    QSettings().setValue(QStringLiteral("alarms/sound"), false);
    BackendClient backend(userOn(m_sim.grpcAddress(), QStringLiteral("operator")));
    AlarmLink alarms(&backend);
    // Live analytics wired as the application does: these cameras have none, so the tiles show the
    // alarms' own boxes.
    vigie::rpc::MetadataLink liveObjects(&backend);
    MainWindow window(&backend, 2, {QStringLiteral("cam-01"), QStringLiteral("cam-02"), QStringLiteral("cam-03"),
                                    QStringLiteral("cam-04")},
                      nullptr, &alarms);
    window.setLiveObjectSource(&liveObjects);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    backend.start();
    QTRY_VERIFY_WITH_TIMEOUT(alarms.isLive(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(window.wallController()->cameraAt(1), QStringLiteral("cam-02"), 15000);
    QVERIFY(window.alarmBanner()->isHidden());
    auto* panel = window.alarmPanel();
    QVERIFY(panel);
    const int before = panel->model()->rowCount();

    // A medium alarm on a camera the wall shows: in the dock, in the title, on the tile (blinking).
    const QString first = raise(QStringLiteral("cam-02"), QStringLiteral("intrusion"), QStringLiteral("medium"));
    QVERIFY(!first.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->rowOf(first) >= 0, 5000);
    QCOMPARE(panel->model()->rowCount(), before + 1);
    QTRY_VERIFY(window.windowTitle().startsWith(QStringLiteral("(%1) ").arg(before + 1)));
    auto* wall = window.wall();
    QTRY_VERIFY_WITH_TIMEOUT(wall->tileOverlay(1).alarm, 2000);
    QTRY_VERIFY_WITH_TIMEOUT(!wall->tileOverlay(1).alarm, 2000);  // it blinks while nobody has seen it
    // The objects the alarm is about, boxed on the live tile, where the alarm says they are (the camera's
    // analytics stream is up and reports nothing).
    QTRY_VERIFY_WITH_TIMEOUT(liveObjects.objects(QStringLiteral("cam-02")), 5000);
    const auto* raised = alarms.alarm(first);
    QVERIFY(raised && !raised->objects.isEmpty());
    QCOMPARE(wall->tileOverlay(1).boxes.size(), raised->objects.size());
    QCOMPARE(wall->tileOverlay(1).boxes.first().rect, raised->objects.first().box);
    QVERIFY(window.wallController()->cameraIds().indexOf(QStringLiteral("cam-07")) < 0);

    // A high alarm on a camera not on the wall: the camera pops up (the wall's last tile, no tile being free).
    QTest::qWait(2100);  // pop-ups are spaced 2 s apart by design
    const QString second = raise(QStringLiteral("cam-07"), QStringLiteral("wrong-way"), QStringLiteral("high"));
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->rowOf(second) >= 0, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(window.wallController()->cameraAt(3), QStringLiteral("cam-07"), 5000);
    QCOMPARE(panel->model()->rowOf(second), 0);  // high first

    // Acknowledged from the dock: steady flag, title count down, and another operator sees it at once.
    BackendClient otherBackend(userOn(m_sim.grpcAddress(), QStringLiteral("supervisor")));
    AlarmLink other(&otherBackend);
    otherBackend.start();
    QTRY_VERIFY_WITH_TIMEOUT(other.isLive() && other.alarm(first), 15000);
    panel->selectAlarm(first);
    QCOMPARE(panel->selectedAlarmId(), first);
    panel->acknowledgeSelected();
    QTRY_VERIFY_WITH_TIMEOUT(alarms.alarm(first) && alarms.alarm(first)->acknowledged, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(other.alarm(first) && other.alarm(first)->acknowledged, 5000);
    QCOMPARE(other.alarm(first)->acknowledgedBy.isEmpty(), false);
    QTRY_VERIFY(window.windowTitle().startsWith(QStringLiteral("(%1) ").arg(before + 1)));  // the high one is still unseen
    QTest::qWait(1100);
    QVERIFY(wall->tileOverlay(1).alarm);  // seen but active: steady

    // The other operator takes it: our dock shows it in progress, assigned to them.
    std::optional<std::optional<vigie::rpc::RpcError>> outcome;
    other.take(first, vigie::rpc::AlarmVerdict::None, {}, [&](const auto& e) { outcome = e; });
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value() && !*outcome, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(int(alarms.alarm(first)->state), int(vigie::rpc::AlarmState::InProgress), 5000);
    QVERIFY(alarms.alarm(first)->assignee == QLatin1String("supervisor"));

    // One action from the alarm: its camera live and large.
    panel->selectAlarm(second);
    panel->showSelectedCamera();
    QTRY_VERIFY(window.wallController()->maximisedTile() >= 0);
    QCOMPARE(window.wallController()->cameraAt(window.wallController()->maximisedTile()), QStringLiteral("cam-07"));
}

void TestAlarmConsole::conflictIsReportedNotOverwritten()
{
    QSettings().setValue(QStringLiteral("alarms/sound"), false);
    BackendClient backend(userOn(m_sim.grpcAddress(), QStringLiteral("operator")));
    AlarmLink alarms(&backend);
    MainWindow window(&backend, 1, {QStringLiteral("cam-05")}, nullptr, &alarms);
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    backend.start();
    QTRY_VERIFY_WITH_TIMEOUT(alarms.isLive(), 15000);
    const QString id = raise(QStringLiteral("cam-05"), QStringLiteral("loitering"), QStringLiteral("low"));
    QVERIFY(!id.isEmpty());
    auto* panel = window.alarmPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->rowOf(id) >= 0, 5000);
    panel->selectAlarm(id);
    const qint64 seen = panel->model()->alarmAt(panel->model()->rowOf(id))->version;

    // The supervisor takes the alarm. The moment our client hears of it — before the dock, which applies
    // changes in batches, shows the new state — our operator puts on hold the alarm as the dock shows it.
    BackendClient otherBackend(userOn(m_sim.grpcAddress(), QStringLiteral("supervisor")));
    AlarmLink other(&otherBackend);
    otherBackend.start();
    QTRY_VERIFY_WITH_TIMEOUT(other.isLive() && other.alarm(id), 15000);
    bool acted = false;
    connect(&alarms, &AlarmLink::alarmsChanged, this, [&](const QStringList&) {
        const auto* now = alarms.alarm(id);
        if (acted || !now || now->version == seen)
            return;
        acted = true;
        QCOMPARE(panel->model()->alarmAt(panel->model()->rowOf(id))->version, seen);  // still the old state
        panel->holdSelected();
    });
    other.take(id);
    QTRY_VERIFY_WITH_TIMEOUT(acted, 5000);

    // ABORTED reaches the operator in words, naming who changed it; the supervisor's change stands.
    QTRY_VERIFY_WITH_TIMEOUT(panel->feedback().contains(QLatin1String("changed meanwhile")), 5000);
    const QString changedBy = alarms.alarm(id)->history.constLast().user;  // the supervisor's display name
    QVERIFY(!changedBy.isEmpty());
    QVERIFY2(panel->feedback().contains(changedBy), qPrintable(panel->feedback()));
    QTRY_COMPARE_WITH_TIMEOUT(int(other.alarm(id)->state), int(vigie::rpc::AlarmState::InProgress), 5000);
    QCOMPARE(int(alarms.alarm(id)->state), int(vigie::rpc::AlarmState::InProgress));
    QCOMPARE(alarms.alarm(id)->assignee, QStringLiteral("supervisor"));
    // The dock now shows the new state: acting again on it works.
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->alarmAt(panel->model()->rowOf(id))->version > seen, 2000);
    panel->holdSelected();
    QTRY_COMPARE_WITH_TIMEOUT(int(alarms.alarm(id)->state), int(vigie::rpc::AlarmState::OnHold), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->feedback().contains(QLatin1String("meanwhile")), 5000);

    // Assigned from the dock to another operator: the menu lists who may handle this camera's alarms, as
    // the backend says (the current assignee, the supervisor, among them), and the other client sees it.
    // (The operator acts on what the dock shows: once it shows the hold.)
    QTRY_COMPARE_WITH_TIMEOUT(panel->model()->alarmAt(panel->model()->rowOf(id))->version, alarms.alarm(id)->version, 2000);
    auto* assign = panel->findChild<QPushButton*>(QStringLiteral("alarmAssign"));
    QVERIFY(assign && assign->menu());
    emit assign->menu()->aboutToShow();
    QTRY_VERIFY_WITH_TIMEOUT(assign->menu()->actions().size() >= 4, 5000);  // nobody, separator, two people at least
    QAction* someoneElse = nullptr;
    bool supervisorListed = false;
    for (QAction* action : assign->menu()->actions()) {
        if (action->isSeparator() || !action->isEnabled() || action == assign->menu()->actions().first())
            continue;
        if (action->text().startsWith(changedBy))
            supervisorListed = true;
        else if (!someoneElse)
            someoneElse = action;
    }
    QVERIFY(supervisorListed);
    QVERIFY(someoneElse);
    someoneElse->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(other.alarm(id) && !other.alarm(id)->assignee.isEmpty() &&
                                 other.alarm(id)->assignee != QLatin1String("supervisor"),
                             5000);
}

void TestAlarmConsole::reviewOpensTheCameraBeforeTheAlarm()
{
    // Review from the alarm list: a review workspace on the alarm's camera, its clock 10 s before the event.
    QSettings().setValue(QStringLiteral("alarms/sound"), false);
    BackendClient backend(userOn(m_sim.grpcAddress(), QStringLiteral("supervisor")));
    AlarmLink alarms(&backend);
    vigie::rpc::RecordingLink recordings(&backend);
    vigie::rpc::BookmarkLink bookmarks(&backend);
    MainWindow window(&backend, 1, {QStringLiteral("cam-06")}, nullptr, &alarms);
    window.setRecordingLinks(&recordings, &bookmarks);
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    backend.start();
    QTRY_VERIFY_WITH_TIMEOUT(alarms.isLive(), 15000);
    const QString id = raise(QStringLiteral("cam-07"), QStringLiteral("intrusion"), QStringLiteral("medium"));
    QVERIFY(!id.isEmpty());
    auto* panel = window.alarmPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->rowOf(id) >= 0, 5000);
    panel->selectAlarm(id);
    const qint64 event = alarms.alarm(id)->eventTime.toMSecsSinceEpoch();
    auto* review = panel->findChild<QPushButton*>(QStringLiteral("alarmReview"));
    QVERIFY(review && review->isVisible() && review->isEnabled());
    QTest::mouseClick(review, Qt::LeftButton);
    auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("workspaceTabs"));
    QVERIFY(tabs);
    QTRY_COMPARE_WITH_TIMEOUT(tabs->count(), 2, 2000);
    auto* workspace = qobject_cast<vigie::app::Workspace*>(tabs->currentWidget());
    QVERIFY(workspace && workspace->kind() == vigie::app::Workspace::Kind::Review);
    QCOMPARE(workspace->controller()->cameraAt(0), QStringLiteral("cam-07"));
    const qint64 position = workspace->review()->position();
    QVERIFY2(position >= event - 10'000 && position < event - 10'000 + 3000,
             qPrintable(QStringLiteral("%1 ms from the event").arg(position - event)));
}

QTEST_MAIN(TestAlarmConsole)
#include "test_alarm_console.moc"
