// The PTZ dock driven with the mouse: hold buttons emit a velocity then a stop, scaled by the speed;
// presets, tours and the lock; everything disabled with a reason when PTZ is unavailable.

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QtTest>

#include "vigie/widgets/PtzPanel.h"

using vigie::widgets::PtzPanel;

namespace {
template <typename T>
T* child(const QWidget& parent, const char* name)
{
    auto* widget = parent.findChild<T*>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no child %s", name);
    return widget;
}

// The last velocity emitted, as (pan, tilt, zoom).
QList<double> lastVelocity(const QSignalSpy& spy)
{
    const QList<QVariant> args = spy.last();
    return {args.at(0).toDouble(), args.at(1).toDouble(), args.at(2).toDouble()};
}

PtzPanel::Lock someoneElse(int secondsLeft)
{
    PtzPanel::Lock lock;
    lock.holder = PtzPanel::Lock::Holder::Someone;
    lock.holderName = QStringLiteral("Jean Dupont");
    lock.workstation = QStringLiteral("poste 2");
    lock.secondsLeft = secondsLeft;
    return lock;
}
}  // namespace

class TestPtzPanel : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void holdingAnArrowMovesThenStops();
    void speedScalesTheVelocity();
    void zoomButtonsDriveTheZoomAxis();
    void disablingWhileHeldStops();
    void focusAndIrisFollowCapabilities();
    void presets();
    void tours();
    void unavailableDisablesAndExplains();
    void lockLineAndTakeover();

private:
    PtzPanel* m_panel = nullptr;
};

void TestPtzPanel::init()
{
    m_panel = new PtzPanel;
    m_panel->setCameraName(QStringLiteral("Dôme parvis"));
    m_panel->setAvailable();
    m_panel->resize(320, 700);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
}

void TestPtzPanel::cleanup()
{
    delete m_panel;
    m_panel = nullptr;
}

void TestPtzPanel::holdingAnArrowMovesThenStops()
{
    QSignalSpy velocity(m_panel, &PtzPanel::velocityRequested);
    auto* right = child<QPushButton>(*m_panel, "ptzRight");
    QTest::mousePress(right, Qt::LeftButton);
    QCOMPARE(velocity.count(), 1);
    QList<double> v = lastVelocity(velocity);
    QVERIFY(v[0] > 0);
    QCOMPARE(v[0], PtzPanel::kDefaultSpeed);
    QCOMPARE(v[1], 0.0);
    QCOMPARE(v[2], 0.0);
    QTest::mouseRelease(right, Qt::LeftButton);
    QCOMPARE(velocity.count(), 2);
    QCOMPARE(lastVelocity(velocity), (QList<double>{0.0, 0.0, 0.0}));

    // Up is tilt > 0 (the contract's axes, not the screen's); diagonals move both axes.
    auto* up = child<QPushButton>(*m_panel, "ptzUp");
    QTest::mousePress(up, Qt::LeftButton);
    v = lastVelocity(velocity);
    QVERIFY(v[1] > 0 && v[0] == 0.0);
    QTest::mouseRelease(up, Qt::LeftButton);
    auto* downLeft = child<QPushButton>(*m_panel, "ptzDownLeft");
    QTest::mousePress(downLeft, Qt::LeftButton);
    v = lastVelocity(velocity);
    QVERIFY(v[0] < 0 && v[1] < 0);
    QTest::mouseRelease(downLeft, Qt::LeftButton);
    QCOMPARE(lastVelocity(velocity), (QList<double>{0.0, 0.0, 0.0}));
    QCOMPARE(velocity.count(), 6);

    // The centre is home, a click rather than a hold.
    QSignalSpy home(m_panel, &PtzPanel::homeRequested);
    QTest::mouseClick(child<QPushButton>(*m_panel, "ptzHome"), Qt::LeftButton);
    QCOMPARE(home.count(), 1);
    QCOMPARE(velocity.count(), 6);
}

void TestPtzPanel::speedScalesTheVelocity()
{
    QSignalSpy velocity(m_panel, &PtzPanel::velocityRequested);
    auto* right = child<QPushButton>(*m_panel, "ptzRight");
    m_panel->setSpeed(1.0);
    QTest::mousePress(right, Qt::LeftButton);
    QCOMPARE(lastVelocity(velocity)[0], 1.0);
    QTest::mouseRelease(right, Qt::LeftButton);
    // Through the slider itself: 3 tenths.
    child<QSlider>(*m_panel, "ptzSpeed")->setValue(3);
    QCOMPARE(m_panel->speed(), 0.3);
    QTest::mousePress(right, Qt::LeftButton);
    QVERIFY(qFuzzyCompare(lastVelocity(velocity)[0], 0.3));
    // Changing the speed while held re-emits at the new speed.
    m_panel->setSpeed(0.8);
    QVERIFY(qFuzzyCompare(lastVelocity(velocity)[0], 0.8));
    QTest::mouseRelease(right, Qt::LeftButton);
    QCOMPARE(lastVelocity(velocity), (QList<double>{0.0, 0.0, 0.0}));
    // Out of range speeds are bounded.
    m_panel->setSpeed(0.0);
    QCOMPARE(m_panel->speed(), PtzPanel::kMinSpeed);
    m_panel->setSpeed(7.0);
    QCOMPARE(m_panel->speed(), 1.0);
}

void TestPtzPanel::zoomButtonsDriveTheZoomAxis()
{
    QSignalSpy velocity(m_panel, &PtzPanel::velocityRequested);
    auto* tele = child<QPushButton>(*m_panel, "ptzZoomIn");
    QTest::mousePress(tele, Qt::LeftButton);
    QCOMPARE(lastVelocity(velocity), (QList<double>{0.0, 0.0, PtzPanel::kDefaultSpeed}));
    QTest::mouseRelease(tele, Qt::LeftButton);
    auto* wide = child<QPushButton>(*m_panel, "ptzZoomOut");
    QTest::mousePress(wide, Qt::LeftButton);
    QCOMPARE(lastVelocity(velocity), (QList<double>{0.0, 0.0, -PtzPanel::kDefaultSpeed}));
    QTest::mouseRelease(wide, Qt::LeftButton);
    QCOMPARE(lastVelocity(velocity), (QList<double>{0.0, 0.0, 0.0}));
    // Hidden for a camera without zoom.
    PtzPanel::Capabilities noZoom;
    noZoom.zoom = false;
    m_panel->setCapabilities(noZoom);
    QVERIFY(!tele->isVisible());
}

void TestPtzPanel::disablingWhileHeldStops()
{
    QSignalSpy velocity(m_panel, &PtzPanel::velocityRequested);
    auto* left = child<QPushButton>(*m_panel, "ptzLeft");
    QTest::mousePress(left, Qt::LeftButton);
    QVERIFY(lastVelocity(velocity)[0] < 0);
    m_panel->setUnavailable(QStringLiteral("Your account may not move this camera"));
    QCOMPARE(velocity.count(), 2);
    QCOMPARE(lastVelocity(velocity), (QList<double>{0.0, 0.0, 0.0}));
    QTest::mouseRelease(left, Qt::LeftButton);
    QCOMPARE(velocity.count(), 2);  // one stop only

    // Someone else taking the lock stops the move too.
    m_panel->setAvailable();
    QTest::mousePress(left, Qt::LeftButton);
    m_panel->setLock(someoneElse(30));
    QCOMPARE(velocity.count(), 4);
    QCOMPARE(lastVelocity(velocity), (QList<double>{0.0, 0.0, 0.0}));
    QTest::mouseRelease(left, Qt::LeftButton);
    QCOMPARE(velocity.count(), 4);
}

void TestPtzPanel::focusAndIrisFollowCapabilities()
{
    auto* focusFar = child<QPushButton>(*m_panel, "ptzFocusFar");
    auto* open = child<QPushButton>(*m_panel, "ptzIrisOpen");
    QVERIFY(!focusFar->isVisible());
    QVERIFY(!open->isVisible());
    PtzPanel::Capabilities all;
    all.focus = true;
    all.iris = true;
    m_panel->setCapabilities(all);
    QVERIFY(focusFar->isVisible());
    QVERIFY(open->isVisible());
    QSignalSpy focus(m_panel, &PtzPanel::focusRequested);
    QSignalSpy iris(m_panel, &PtzPanel::irisRequested);
    QTest::mousePress(focusFar, Qt::LeftButton);
    QTest::mouseRelease(focusFar, Qt::LeftButton);
    QCOMPARE(focus.count(), 2);
    QCOMPARE(focus.at(0).at(0).toDouble(), PtzPanel::kDefaultSpeed);
    QCOMPARE(focus.at(1).at(0).toDouble(), 0.0);
    QTest::mousePress(child<QPushButton>(*m_panel, "ptzIrisClose"), Qt::LeftButton);
    QTest::mouseRelease(child<QPushButton>(*m_panel, "ptzIrisClose"), Qt::LeftButton);
    QCOMPARE(iris.count(), 2);
    QCOMPARE(iris.at(0).at(0).toDouble(), -PtzPanel::kDefaultSpeed);
    QCOMPARE(iris.at(1).at(0).toDouble(), 0.0);
    QCOMPARE(focus.count(), 2);
}

void TestPtzPanel::presets()
{
    m_panel->setPresets({{QStringLiteral("p1"), QStringLiteral("Entrée mairie")}, {QStringLiteral("p2"), QStringLiteral("Parking")}});
    auto* list = child<QListWidget>(*m_panel, "ptzPresets");
    QCOMPARE(list->count(), 2);
    QSignalSpy go(m_panel, &PtzPanel::gotoPresetRequested);
    // Double click goes there (QTest's double click is the second click only: a real one starts with a
    // click).
    const QPoint parking = list->visualItemRect(list->item(1)).center();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, parking);
    QCOMPARE(go.count(), 0);
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, parking);
    QCOMPARE(go.count(), 1);
    QCOMPARE(go.last().at(0).toString(), QStringLiteral("p2"));
    // "Go" on the selection.
    auto* goButton = child<QPushButton>(*m_panel, "ptzGotoPreset");
    list->setCurrentRow(0);
    QVERIFY(goButton->isEnabled());
    QTest::mouseClick(goButton, Qt::LeftButton);
    QCOMPARE(go.last().at(0).toString(), QStringLiteral("p1"));
    // Remove the selection.
    QSignalSpy remove(m_panel, &PtzPanel::removePresetRequested);
    QTest::mouseClick(child<QPushButton>(*m_panel, "ptzRemovePreset"), Qt::LeftButton);
    QCOMPARE(remove.count(), 1);
    QCOMPARE(remove.last().at(0).toString(), QStringLiteral("p1"));
    // Save under a name typed in; no name, no save.
    QSignalSpy save(m_panel, &PtzPanel::savePresetRequested);
    auto* saveButton = child<QPushButton>(*m_panel, "ptzSavePreset");
    QVERIFY(!saveButton->isEnabled());
    auto* name = child<QLineEdit>(*m_panel, "ptzPresetName");
    QTest::keyClicks(name, QStringLiteral("  Quai 3 "));
    QVERIFY(saveButton->isEnabled());
    QTest::mouseClick(saveButton, Qt::LeftButton);
    QCOMPARE(save.count(), 1);
    QCOMPARE(save.last().at(0).toString(), QStringLiteral("Quai 3"));
    QVERIFY(name->text().isEmpty());
    QTest::keyClicks(name, QStringLiteral("Rond-point"));
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(save.last().at(0).toString(), QStringLiteral("Rond-point"));
    // A new list keeps the selection by id.
    list->setCurrentRow(1);
    m_panel->setPresets({{QStringLiteral("p0"), QStringLiteral("Abords")}, {QStringLiteral("p2"), QStringLiteral("Parking")}});
    QCOMPARE(list->currentItem()->text(), QStringLiteral("Parking"));
    // Without a selection there is nothing to go to.
    m_panel->setPresets({});
    QVERIFY(!goButton->isEnabled());
}

void TestPtzPanel::tours()
{
    m_panel->setTours({{QStringLiteral("t1"), QStringLiteral("Ronde nuit"), PtzPanel::TourState::Running},
                       {QStringLiteral("t2"), QStringLiteral("Marché"), PtzPanel::TourState::Paused},
                       {QStringLiteral("t3"), QStringLiteral("Parvis"), PtzPanel::TourState::Stopped}});
    auto* list = child<QListWidget>(*m_panel, "ptzTours");
    auto* start = child<QPushButton>(*m_panel, "ptzStartTour");
    auto* pause = child<QPushButton>(*m_panel, "ptzPauseTour");
    auto* stop = child<QPushButton>(*m_panel, "ptzStopTour");
    QCOMPARE(list->item(0)->text(), QStringLiteral("Ronde nuit (running)"));
    list->setCurrentRow(0);
    QVERIFY(!start->isEnabled() && pause->isEnabled() && stop->isEnabled());
    QSignalSpy stopped(m_panel, &PtzPanel::stopTourRequested);
    QTest::mouseClick(stop, Qt::LeftButton);
    QCOMPARE(stopped.count(), 1);
    QCOMPARE(stopped.last().at(0).toString(), QStringLiteral("t1"));
    list->setCurrentRow(1);
    QVERIFY(start->isEnabled() && !pause->isEnabled() && stop->isEnabled());
    QCOMPARE(start->text(), QStringLiteral("Resume"));
    list->setCurrentRow(2);
    QVERIFY(start->isEnabled() && !pause->isEnabled() && !stop->isEnabled());
    QSignalSpy started(m_panel, &PtzPanel::startTourRequested);
    QTest::mouseClick(start, Qt::LeftButton);
    QCOMPARE(started.last().at(0).toString(), QStringLiteral("t3"));
    // While the tour holds the lock it can still be stopped, not restarted.
    PtzPanel::Lock tourLock;
    tourLock.holder = PtzPanel::Lock::Holder::Someone;
    tourLock.holderName = QStringLiteral("Ronde nuit");
    m_panel->setLock(tourLock);
    list->setCurrentRow(0);
    QVERIFY(!start->isEnabled() && pause->isEnabled() && stop->isEnabled());
}

void TestPtzPanel::unavailableDisablesAndExplains()
{
    auto* right = child<QPushButton>(*m_panel, "ptzRight");
    auto* reason = child<QLabel>(*m_panel, "ptzUnavailableReason");
    QVERIFY(right->isEnabled());
    QVERIFY(!reason->isVisible());
    m_panel->setPresets({{QStringLiteral("p1"), QStringLiteral("Entrée mairie")}});
    m_panel->setUnavailable(QStringLiteral("This camera has no PTZ"));
    QVERIFY(!m_panel->isAvailable());
    QVERIFY(reason->isVisible());
    QCOMPARE(reason->text(), QStringLiteral("This camera has no PTZ"));
    QVERIFY(!child<QLabel>(*m_panel, "ptzLockLine")->isVisible());  // the reason takes its place
    for (const char* name : {"ptzUp", "ptzRight", "ptzDownLeft", "ptzHome", "ptzZoomIn", "ptzGotoPreset", "ptzSavePreset",
                             "ptzStartTour"})
        QVERIFY2(!child<QPushButton>(*m_panel, name)->isEnabled(), name);
    QVERIFY(!child<QSlider>(*m_panel, "ptzSpeed")->isEnabled());
    QVERIFY(!child<QListWidget>(*m_panel, "ptzPresets")->isEnabled());
    QSignalSpy velocity(m_panel, &PtzPanel::velocityRequested);
    QSignalSpy go(m_panel, &PtzPanel::gotoPresetRequested);
    QTest::mousePress(right, Qt::LeftButton);
    QTest::mouseRelease(right, Qt::LeftButton);
    auto* list = child<QListWidget>(*m_panel, "ptzPresets");
    const QPoint entry = list->visualItemRect(list->item(0)).center();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, entry);
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, entry);
    QCOMPARE(velocity.count(), 0);
    QCOMPARE(go.count(), 0);
    // A new camera brings the controls back.
    m_panel->setAvailable();
    QVERIFY(right->isEnabled());
    QVERIFY(!reason->isVisible());
    QVERIFY(child<QLabel>(*m_panel, "ptzLockLine")->isVisible());
    // A panel starts unavailable: no tile is selected yet.
    PtzPanel fresh;
    QVERIFY(!fresh.isAvailable());
    QCOMPARE(fresh.unavailableReason(), QStringLiteral("No tile selected"));
}

void TestPtzPanel::lockLineAndTakeover()
{
    QCOMPARE(m_panel->lockText(), QStringLiteral("Nobody controls this camera"));
    auto* take = child<QPushButton>(*m_panel, "ptzTakeControl");
    auto* release = child<QPushButton>(*m_panel, "ptzReleaseControl");
    QVERIFY(!take->isVisible() && !release->isVisible());

    m_panel->setLock(someoneElse(42));
    QCOMPARE(m_panel->lockText(), QString::fromUtf8("Controlled by Jean Dupont (poste 2) · 42 s left"));
    QCOMPARE(child<QLabel>(*m_panel, "ptzLockLine")->text(), m_panel->lockText());
    QVERIFY(!child<QPushButton>(*m_panel, "ptzRight")->isEnabled());  // the backend would refuse
    QVERIFY(!take->isVisible());  // not allowed to take over
    m_panel->setTakeoverAllowed(true);
    QVERIFY(take->isVisible());
    QSignalSpy takeover(m_panel, &PtzPanel::takeControlRequested);
    QTest::mouseClick(take, Qt::LeftButton);
    QCOMPARE(takeover.count(), 1);

    // The panel counts down between the app's updates, and the lock lapses at zero.
    m_panel->setLock(someoneElse(2));
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->lockText(), QString::fromUtf8("Controlled by Jean Dupont (poste 2) · 1 s left"), 3000);
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->lockText(), QStringLiteral("Nobody controls this camera"), 3000);
    QVERIFY(child<QPushButton>(*m_panel, "ptzRight")->isEnabled());

    PtzPanel::Lock mine;
    mine.holder = PtzPanel::Lock::Holder::Caller;
    mine.secondsLeft = 60;
    m_panel->setLock(mine);
    QCOMPARE(m_panel->lockText(), QString::fromUtf8("You control this camera · 60 s left"));
    QVERIFY(release->isVisible() && !take->isVisible());
    QVERIFY(child<QPushButton>(*m_panel, "ptzRight")->isEnabled());
    QSignalSpy released(m_panel, &PtzPanel::releaseControlRequested);
    QTest::mouseClick(release, Qt::LeftButton);
    QCOMPARE(released.count(), 1);

    PtzPanel::Lock rule;
    rule.holder = PtzPanel::Lock::Holder::Someone;
    rule.holderName = QStringLiteral("Alarme parvis");
    m_panel->setLock(rule);
    QCOMPARE(m_panel->lockText(), QStringLiteral("Controlled by Alarme parvis"));
}

QTEST_MAIN(TestPtzPanel)
#include "test_ptz_panel.moc"
