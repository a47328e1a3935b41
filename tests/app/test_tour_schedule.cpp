// Tour timing with injected instants: which camera is due when, and when the next switch comes.

#include <QtTest/QTest>

#include "TourSchedule.h"

using namespace std::chrono_literals;
using vigie::app::TourSchedule;

class TestTourSchedule : public QObject {
    Q_OBJECT
private slots:
    void cyclesThroughTheCameras();
    void nextSwitchIsOnTheDwellGrid();
    void inactiveTours();
};

void TestTourSchedule::cyclesThroughTheCameras()
{
    const auto t0 = TourSchedule::Clock::time_point{} + 1000s;
    const TourSchedule tour({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}, 10s, t0);
    QVERIFY(tour.isActive());
    QCOMPARE(tour.indexAt(t0), 0);
    QCOMPARE(tour.indexAt(t0 + 9999ms), 0);
    QCOMPARE(tour.indexAt(t0 + 10s), 1);
    QCOMPARE(tour.indexAt(t0 + 25s), 2);
    QCOMPARE(tour.indexAt(t0 + 30s), 0);  // round again
    QCOMPARE(tour.indexAt(t0 + 3h + 10s), (3 * 3600 / 10 + 1) % 3);
    QCOMPARE(tour.indexAt(t0 - 5s), 0);    // before the start: the first camera
}

void TestTourSchedule::nextSwitchIsOnTheDwellGrid()
{
    const auto t0 = TourSchedule::Clock::time_point{} + 50s;
    const TourSchedule tour({QStringLiteral("a"), QStringLiteral("b")}, 4s, t0);
    QCOMPARE(tour.nextSwitchAfter(t0), t0 + 4s);
    QCOMPARE(tour.nextSwitchAfter(t0 + 3999ms), t0 + 4s);
    QCOMPARE(tour.nextSwitchAfter(t0 + 4s), t0 + 8s);  // exactly on a switch: the following one
    QCOMPARE(tour.nextSwitchAfter(t0 + 17s), t0 + 20s);
    // A late timer does not shift the grid: switches stay at t0 + k * dwell.
    QCOMPARE(tour.indexAt(tour.nextSwitchAfter(t0 + 17s)), 1);
}

void TestTourSchedule::inactiveTours()
{
    const auto now = TourSchedule::Clock::now();
    QVERIFY(!TourSchedule().isActive());
    QVERIFY(!TourSchedule({}, 10s, now).isActive());
    QVERIFY(!TourSchedule({QStringLiteral("a")}, 50ms, now).isActive());  // below the minimum dwell
    QCOMPARE(TourSchedule().nextSwitchAfter(now), TourSchedule::Clock::time_point::max());
}

QTEST_GUILESS_MAIN(TestTourSchedule)
#include "test_tour_schedule.moc"
