// PlaybackClock: the shared time of a review, driven by an injected steady clock (no real waiting).
#include <QtTest>

#include <atomic>
#include <cmath>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <thread>

#include "vigie/player/PlaybackClock.h"

using namespace std::chrono_literals;
using vigie::player::PlaybackClock;
using Steady = PlaybackClock::Steady;

namespace {

constexpr std::int64_t kStart = 1'780'000'000'000'000;  // a UTC instant in microseconds

// The time the clock reads: moved by hand.
struct FakeSteady {
    Steady::time_point now = Steady::time_point{} + 1000s;
    PlaybackClock::SteadyNow function()
    {
        return [this] { return now; };
    }
};

}  // namespace

class TestPlaybackClock : public QObject {
    Q_OBJECT
private slots:
    void startsPausedAtItsStart();
    void playingAdvancesAtTheRate();
    void rateChangesKeepThePositionContinuous();
    void reversePlayGoesBack();
    void invalidRatesAreRefused();
    void pauseFreezesAndPlayResumes();
    void seekBumpsTheSerialAndKeepsPlaying();
    void pauseAtStepsAndPauses();
    void dueTimesFollowTheRate();
    void listenersHearEveryChangeOnly();
    void removedListenerIsNeverCalledAgain();
    void listenerWakesAWaitingThread();
};

void TestPlaybackClock::startsPausedAtItsStart()
{
    FakeSteady steady;
    PlaybackClock clock(kStart, steady.function());
    QVERIFY(clock.isPaused());
    QCOMPARE(clock.rate(), 1.0);
    steady.now += 10s;
    QCOMPARE(clock.position(), kStart);
    QCOMPARE(clock.serial(), 0u);
}

void TestPlaybackClock::playingAdvancesAtTheRate()
{
    FakeSteady steady;
    PlaybackClock clock(kStart, steady.function());
    clock.play();
    steady.now += 1500ms;
    QCOMPARE(clock.position(), kStart + 1'500'000);
    QVERIFY(clock.setRate(1.0 / 8));
    steady.now += 800ms;
    QCOMPARE(clock.position(), kStart + 1'600'000);
    QVERIFY(clock.setRate(16));
    steady.now += 1s;
    QCOMPARE(clock.position(), kStart + 17'600'000);
}

void TestPlaybackClock::rateChangesKeepThePositionContinuous()
{
    FakeSteady steady;
    PlaybackClock clock(kStart, steady.function());
    clock.play();
    steady.now += 2s;
    const std::uint64_t serial = clock.serial();
    const std::uint64_t version = clock.snapshot().version;
    QVERIFY(clock.setRate(4));
    QCOMPARE(clock.position(), kStart + 2'000'000);  // no jump
    QCOMPARE(clock.serial(), serial);               // not a seek
    QVERIFY(clock.snapshot().version > version);
    steady.now += 250ms;
    QCOMPARE(clock.position(), kStart + 3'000'000);
}

void TestPlaybackClock::reversePlayGoesBack()
{
    FakeSteady steady;
    PlaybackClock clock(kStart, steady.function());
    QVERIFY(clock.setRate(-4));
    clock.play();
    steady.now += 500ms;
    QCOMPARE(clock.position(), kStart - 2'000'000);
    QVERIFY(clock.setRate(-16));
    steady.now += 100ms;
    QCOMPARE(clock.position(), kStart - 3'600'000);
    QVERIFY(clock.setRate(1));
    steady.now += 100ms;
    QCOMPARE(clock.position(), kStart - 3'500'000);
}

void TestPlaybackClock::invalidRatesAreRefused()
{
    FakeSteady steady;
    PlaybackClock clock(kStart, steady.function());
    QVERIFY(clock.setRate(2));
    const auto version = clock.snapshot().version;
    for (double rate : {0.0, 17.0, -17.0, 0.1, -0.1, std::nan(""), std::numeric_limits<double>::infinity()})
        QVERIFY2(!clock.setRate(rate), qPrintable(QString::number(rate)));
    QCOMPARE(clock.rate(), 2.0);
    QCOMPARE(clock.snapshot().version, version);
    QVERIFY(PlaybackClock::isValidRate(-1.0 / 8));
    QVERIFY(PlaybackClock::isValidRate(-16));
}

void TestPlaybackClock::pauseFreezesAndPlayResumes()
{
    FakeSteady steady;
    PlaybackClock clock(kStart, steady.function());
    QVERIFY(clock.setRate(2));
    clock.play();
    steady.now += 1s;
    clock.pause();
    QVERIFY(clock.isPaused());
    steady.now += 5s;
    QCOMPARE(clock.position(), kStart + 2'000'000);
    clock.play();
    steady.now += 1s;
    QCOMPARE(clock.position(), kStart + 4'000'000);
}

void TestPlaybackClock::seekBumpsTheSerialAndKeepsPlaying()
{
    FakeSteady steady;
    PlaybackClock clock(kStart, steady.function());
    clock.play();
    steady.now += 1s;
    clock.seek(kStart + 60'000'000);
    QCOMPARE(clock.serial(), 1u);
    QVERIFY(!clock.isPaused());
    QCOMPARE(clock.snapshot().serialSince, steady.now);
    steady.now += 1s;
    QCOMPARE(clock.position(), kStart + 61'000'000);
}

void TestPlaybackClock::pauseAtStepsAndPauses()
{
    FakeSteady steady;
    PlaybackClock clock(kStart, steady.function());
    clock.play();
    int calls = 0;
    clock.addListener([&] { ++calls; });
    clock.pauseAt(kStart + 40'000);
    QCOMPARE(calls, 1);  // one change, one wake-up
    QVERIFY(clock.isPaused());
    QCOMPARE(clock.serial(), 1u);
    steady.now += 3s;
    QCOMPARE(clock.position(), kStart + 40'000);
}

void TestPlaybackClock::dueTimesFollowTheRate()
{
    FakeSteady steady;
    PlaybackClock clock(kStart, steady.function());
    QVERIFY(!clock.snapshot().when(kStart + 1).has_value());  // paused: never
    const auto t0 = steady.now;
    QVERIFY(clock.setRate(2));
    clock.play();
    auto snapshot = clock.snapshot();
    QCOMPARE(*snapshot.when(kStart + 1'000'000), t0 + 500ms);
    QCOMPARE(*snapshot.when(kStart - 1'000'000), t0 - 500ms);  // already passed: due (late)
    QVERIFY(clock.setRate(-1));
    snapshot = clock.snapshot();
    QCOMPARE(*snapshot.when(kStart - 40'000), t0 + 40ms);
    QCOMPARE(snapshot.positionAt(t0 + 40ms), kStart - 40'000);
}

void TestPlaybackClock::listenersHearEveryChangeOnly()
{
    FakeSteady steady;
    PlaybackClock clock(kStart, steady.function());
    int calls = 0;
    clock.addListener([&] { ++calls; });
    clock.play();
    clock.play();  // no change
    QCOMPARE(calls, 1);
    QVERIFY(clock.setRate(2));
    QVERIFY(clock.setRate(2));  // no change
    QCOMPARE(calls, 2);
    clock.seek(kStart);
    QCOMPARE(calls, 3);  // a seek to the same instant still restarts the workers
    clock.pause();
    clock.pause();
    QCOMPARE(calls, 4);
    QVERIFY(!clock.setRate(0));
    QCOMPARE(calls, 4);
}

void TestPlaybackClock::removedListenerIsNeverCalledAgain()
{
    FakeSteady steady;
    PlaybackClock clock(kStart, steady.function());
    int first = 0;
    int second = 0;
    const auto id = clock.addListener([&] { ++first; });
    clock.addListener([&] { ++second; });
    clock.play();
    clock.removeListener(id);
    clock.pause();
    QCOMPARE(first, 1);
    QCOMPARE(second, 2);
}

void TestPlaybackClock::listenerWakesAWaitingThread()
{
    // The pattern the workers use: sleep on a condition variable until the clock changes; no polling.
    PlaybackClock clock(kStart);
    std::mutex mutex;
    std::condition_variable changed;
    std::uint64_t seenSerial = 0;
    const auto id = clock.addListener([&] {
        std::lock_guard lock(mutex);
        changed.notify_all();
    });
    std::atomic<bool> woke{false};
    std::thread waiter([&] {
        std::unique_lock lock(mutex);
        woke = changed.wait_for(lock, 10s, [&] { return clock.serial() != seenSerial; });
    });
    clock.seek(kStart + 1);
    waiter.join();
    QVERIFY(woke);
    clock.removeListener(id);
}

QTEST_GUILESS_MAIN(TestPlaybackClock)
#include "test_playback_clock.moc"
