// The wall-clock schedule of the cheap cameras' frames (sim/barcode/WallClockSchedule.h): which frame
// is sent at which realtime instant, the instant start, and the latency a receiver derives.
#include <QtTest>

#include "WallClockSchedule.h"

using vigie::barcode::WallClockSchedule;

namespace {

// A realistic instant (November 2026, in ms since the epoch) aligned on a loop start: 250 frames of
// 40 ms = 10 s, and 1'795'000'000'000 is a multiple of 10'000.
constexpr std::int64_t kLoopStartMs = 1'795'000'000'000;

} // namespace

class TestWallClockSchedule : public QObject {
    Q_OBJECT
private slots:
    void ticksAndFrames();
    void instantStartBeginsAtTheLastKeyFrame();
    void instantStartFollowsIrregularKeyFrames();
    void latencyFromABarcode();
    void rejectsAnInvalidLoop();
};

void TestWallClockSchedule::ticksAndFrames()
{
    const auto schedule = WallClockSchedule::regular(250, 25, 40);
    QCOMPARE(schedule.loopFrames(), 250);
    QCOMPARE(WallClockSchedule::simulatorClips().loopFrames(), 250);
    QCOMPARE(WallClockSchedule::simulatorClips().frameMs(), std::int64_t(40));
    const std::int64_t first = kLoopStartMs / 40;
    QCOMPARE(schedule.tickAt(kLoopStartMs), first);
    QCOMPARE(schedule.tickAt(kLoopStartMs + 39), first);
    QCOMPARE(schedule.tickAt(kLoopStartMs + 40), first + 1);
    QCOMPARE(schedule.tickAt(kLoopStartMs - 1), first - 1);
    QCOMPARE(schedule.tickTimeMs(first + 3), kLoopStartMs + 120);
    QCOMPARE(schedule.frameIndex(first), 0);
    QCOMPARE(schedule.frameIndex(first + 249), 249);
    QCOMPARE(schedule.frameIndex(first + 250), 0);  // seamless loop
    QCOMPARE(schedule.frameIndex(first - 1), 249);
    QCOMPARE(schedule.tickAt(-1), std::int64_t(-1));  // floor, also before the epoch
    QCOMPARE(schedule.frameIndex(-1), 249);
}

void TestWallClockSchedule::instantStartBeginsAtTheLastKeyFrame()
{
    const auto schedule = WallClockSchedule::regular(250, 25, 40);
    const std::int64_t first = kLoopStartMs / 40;
    // Joining during frame 230 (tick first + 230): start at the key frame 225, five frames back.
    QCOMPARE(schedule.startTick(kLoopStartMs + 230 * 40 + 17), first + 225);
    // On a key frame: that frame.
    QCOMPARE(schedule.startTick(kLoopStartMs + 25 * 40), first + 25);
    QCOMPARE(schedule.startTick(kLoopStartMs), first);
    // The last frame of a GOP: the whole GOP (24 frames late, then live).
    QCOMPARE(schedule.startTick(kLoopStartMs + 24 * 40 + 39), first);
    // The last frame of the loop: key frame 225 of the same loop.
    QCOMPARE(schedule.startTick(kLoopStartMs + 249 * 40), first + 225);
}

void TestWallClockSchedule::instantStartFollowsIrregularKeyFrames()
{
    // An encoder may place an extra key frame (scene cut): the start uses the frames' real flags.
    std::vector<bool> keyFrames(50, false);
    keyFrames[0] = keyFrames[7] = keyFrames[25] = true;
    const WallClockSchedule schedule(keyFrames, 40);
    const std::int64_t first = kLoopStartMs / 40;  // a multiple of 50 too
    QCOMPARE(schedule.startTick(kLoopStartMs + 6 * 40), first);
    QCOMPARE(schedule.startTick(kLoopStartMs + 9 * 40), first + 7);
    QCOMPARE(schedule.startTick(kLoopStartMs + 49 * 40), first + 25);
    QCOMPARE(schedule.startTick(kLoopStartMs + 50 * 40 + 3 * 40), first + 50);
}

void TestWallClockSchedule::latencyFromABarcode()
{
    const auto schedule = WallClockSchedule::regular(250, 25, 40);
    const std::int64_t first = kLoopStartMs / 40;
    // Frame 10, due at loop start + 400 ms, seen 85 ms later.
    QCOMPARE(schedule.sentTick(10, kLoopStartMs + 485), first + 10);
    QCOMPARE(schedule.latencyMs(10, kLoopStartMs + 485), std::int64_t(85));
    // Seen exactly on its tick: 0.
    QCOMPARE(schedule.latencyMs(10, kLoopStartMs + 400), std::int64_t(0));
    // Across the loop: frame 249 (due 40 ms before the loop start) seen 10 ms into the next loop.
    QCOMPARE(schedule.sentTick(249, kLoopStartMs + 10), first - 1);
    QCOMPARE(schedule.latencyMs(249, kLoopStartMs + 10), std::int64_t(50));
    // A frame seen before its tick in this loop is from the previous loop: the latency is always in
    // [0, loop) and a server sending early shows up as a latency close to 10 s.
    QCOMPARE(schedule.latencyMs(11, kLoopStartMs + 400), std::int64_t(10'000 - 40));
    for (std::int64_t t = kLoopStartMs; t < kLoopStartMs + 20'000; t += 37) {
        const auto value = static_cast<std::uint32_t>(schedule.frameIndex(schedule.tickAt(t)));
        const std::int64_t latency = schedule.latencyMs(value, t);
        QVERIFY(latency >= 0 && latency < 40);
    }
}

void TestWallClockSchedule::rejectsAnInvalidLoop()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, WallClockSchedule({}, 40));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, WallClockSchedule({false, true}, 40));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, WallClockSchedule({true}, 0));
}

QTEST_APPLESS_MAIN(TestWallClockSchedule)
#include "test_wall_clock_schedule.moc"
