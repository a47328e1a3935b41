// OverloadGovernor without a stream: synthetic pictures with chosen arrival times, pts and decode times.
#include <QtTest>

#include "OverloadGovernor.h"

using namespace std::chrono_literals;
using namespace vigie::player;
using Clock = OverloadGovernor::Clock;

namespace {

// Round figures: lag above 1 s for 2 s steps down; lag under 250 ms and load under 50 % for 10 s steps up.
OverloadThresholds thresholds()
{
    OverloadThresholds t;
    t.degradeLag = 1000ms;
    t.degradeHold = 2000ms;
    t.recoverLag = 250ms;
    t.recoverHold = 10000ms;
    t.recoverLoad = 0.5;
    t.flapWindow = 15000ms;
    t.maxRecoverHold = 40000ms;
    return t;
}

// A 25 fps stream fed to a governor; `speed` = stream seconds decoded per wall second (1 = real time).
class Feed {
public:
    explicit Feed(OverloadGovernor& governor) : m_governor(governor) {}
    // Plays `wall` of wall time; each picture costs `decodeShare` of its wall interval in decode time.
    void play(Clock::duration wall, double speed, double decodeShare = 0.1)
    {
        const Clock::time_point end = m_now + wall;
        const auto frameWall = std::chrono::duration_cast<Clock::duration>(40ms / speed);
        while (m_now < end) {
            m_now += frameWall;
            m_pts += 40000;
            const auto decode = std::chrono::duration_cast<Clock::duration>(frameWall * decodeShare);
            m_governor.onFrame(m_now, m_pts, decode);
            levels.append(m_governor.level());
            times.append(m_now);
        }
    }
    // The first time the level became `level`, as an offset from the start; -1 s when it never did.
    Clock::duration firstAt(OverloadLevel level) const
    {
        for (qsizetype i = 0; i < levels.size(); ++i) {
            if (levels[i] == level)
                return times[i] - m_start;
        }
        return -1s;
    }
    Clock::time_point now() const { return m_now; }
    std::int64_t pts() const { return m_pts; }
    void jumpPts(std::int64_t micros) { m_pts += micros; }
    void jumpWall(Clock::duration wall) { m_now += wall; }

    QList<OverloadLevel> levels;
    QList<Clock::time_point> times;

private:
    OverloadGovernor& m_governor;
    const Clock::time_point m_start = Clock::time_point{} + 1h;
    Clock::time_point m_now = m_start;
    std::int64_t m_pts = 0;
};

double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// From Full: decoding at half real time steps down to ReducedRate after about 4 s; at the reduced
// level the stream then runs twice as fast as real time for a second, which drains the backlog.
void degradeOnceAndDrain(Feed& feed)
{
    feed.play(4500ms, 0.5, 1.0);
    feed.play(1s, 2.0, 0.2);
}

}  // namespace

class TestOverloadGovernor : public QObject {
    Q_OBJECT
private slots:
    void realTimeStaysFull()
    {
        OverloadGovernor governor(thresholds());
        Feed feed(governor);
        feed.play(60s, 1.0, 0.9);  // busy (90 %) but keeping up
        QCOMPARE(governor.level(), OverloadLevel::Full);
        QVERIFY(governor.lag() < 1ms);
    }

    void jitterIsNotOverload()
    {
        // A network burst: pictures 800 ms late, then on time again. Under the lag threshold.
        OverloadGovernor governor(thresholds());
        Feed feed(governor);
        feed.play(5s, 1.0);
        feed.jumpWall(800ms);
        feed.play(5s, 1.0);
        QCOMPARE(governor.level(), OverloadLevel::Full);
        // 3 s late once, caught up within a second (faster than real time): shorter than the hold.
        feed.jumpWall(3s);
        feed.play(1s, 4.0);
        feed.play(5s, 1.0);
        QVERIFY(!feed.levels.contains(OverloadLevel::ReducedRate));
    }

    void fallingBehindStepsDownOneLevelAtATime()
    {
        OverloadGovernor governor(thresholds());
        Feed feed(governor);
        feed.play(1s, 1.0);
        // Decoding at half real time: lag grows 0.5 s per second, over 1 s after 2 s, then 2 s hold.
        feed.play(20s, 0.5, 1.0);
        const double reduced = seconds(feed.firstAt(OverloadLevel::ReducedRate));
        QVERIFY2(reduced > 1.0 + 2.0 + 1.9 && reduced < 1.0 + 2.0 + 2.3, qPrintable(QString::number(reduced)));
        // Still behind at the new level (the feed did not speed up): the lag is measured afresh, and
        // the next step needs it above the threshold for another hold.
        const double keyOnly = seconds(feed.firstAt(OverloadLevel::KeyFramesOnly));
        QVERIFY2(keyOnly - reduced > 2.0 + 1.9 && keyOnly - reduced < 2.0 + 2.3, qPrintable(QString::number(keyOnly)));
        QCOMPARE(governor.level(), OverloadLevel::KeyFramesOnly);  // the last level: no further
    }

    void drainingBacklogDoesNotStepTwice()
    {
        OverloadGovernor governor(thresholds());
        Feed feed(governor);
        feed.play(4500ms, 0.5, 1.0);
        QCOMPARE(governor.level(), OverloadLevel::ReducedRate);
        // At the reduced level the stream runs faster than real time until the backlog is gone; the
        // load (60 %) is too high to step back up.
        feed.play(10s, 1.5, 0.6);
        feed.play(2s, 1.0, 0.6);
        QCOMPARE(governor.level(), OverloadLevel::ReducedRate);
        QVERIFY(!feed.levels.contains(OverloadLevel::KeyFramesOnly));
    }

    void recoversAfterSustainedHeadroom()
    {
        OverloadGovernor governor(thresholds());
        Feed feed(governor);
        degradeOnceAndDrain(feed);
        QCOMPARE(governor.level(), OverloadLevel::ReducedRate);
        // Real time with 20 % load: one step up after the 10 s hold (counted from the end of the lag,
        // early in the drain), not before.
        feed.play(8s, 1.0, 0.2);
        QCOMPARE(governor.level(), OverloadLevel::ReducedRate);
        feed.play(2s, 1.0, 0.2);
        QCOMPARE(governor.level(), OverloadLevel::Full);
    }

    void busyDecoderDoesNotRecover()
    {
        // Keeping up, but only just (load 80 %): stepping up would fall behind again.
        OverloadGovernor governor(thresholds());
        Feed feed(governor);
        degradeOnceAndDrain(feed);
        QCOMPARE(governor.level(), OverloadLevel::ReducedRate);
        feed.play(60s, 1.0, 0.8);
        QCOMPARE(governor.level(), OverloadLevel::ReducedRate);
        // The load drops (another stream stopped): recovery follows within a hold or two.
        feed.play(21s, 1.0, 0.2);
        QCOMPARE(governor.level(), OverloadLevel::Full);
    }

    void flappingDoublesTheHold()
    {
        OverloadGovernor governor(thresholds());
        Feed feed(governor);
        degradeOnceAndDrain(feed);
        QCOMPARE(governor.level(), OverloadLevel::ReducedRate);
        QCOMPARE(governor.recoverHold(), Clock::duration(10s));
        feed.play(11s, 1.0, 0.2);  // light at the reduced level: steps up...
        QCOMPARE(governor.level(), OverloadLevel::Full);
        feed.play(4500ms, 0.5, 1.0);  // ...and Full is too much again, within the flap window
        QCOMPARE(governor.level(), OverloadLevel::ReducedRate);
        QCOMPARE(governor.recoverHold(), Clock::duration(20s));
        feed.play(1s, 2.0, 0.2);
        feed.play(15s, 1.0, 0.2);
        QCOMPARE(governor.level(), OverloadLevel::ReducedRate);  // 10 s would have been enough before
        feed.play(6s, 1.0, 0.2);
        QCOMPARE(governor.level(), OverloadLevel::Full);
        // It holds this time: after the flap window the plain hold is back.
        feed.play(16s, 1.0, 0.2);
        QCOMPARE(governor.recoverHold(), Clock::duration(10s));
    }

    void holdIsCapped()
    {
        OverloadThresholds t = thresholds();
        t.maxRecoverHold = 15s;
        OverloadGovernor governor(t);
        Feed feed(governor);
        // Every step up undone within the flap window: 10 s, 20 s, then capped.
        for (int round = 0; round < 3; ++round) {
            degradeOnceAndDrain(feed);
            QCOMPARE(governor.level(), OverloadLevel::ReducedRate);
            feed.play(governor.recoverHold() + 1s, 1.0, 0.2);
            QCOMPARE(governor.level(), OverloadLevel::Full);
        }
        degradeOnceAndDrain(feed);
        QCOMPARE(governor.recoverHold(), Clock::duration(15s));
    }

    void highPriorityDegradesLaterAndRecoversFirst()
    {
        OverloadGovernor normal(thresholds());
        OverloadGovernor high(thresholds());
        high.setPriority(StreamPriority::High);
        Feed normalFeed(normal);
        Feed highFeed(high);
        for (Feed* feed : {&normalFeed, &highFeed}) {
            feed->play(12s, 0.5, 1.0);  // both overloaded the same way
            feed->play(3s, 3.0, 0.2);   // then both with room: the backlog drains...
            feed->play(30s, 1.0, 0.2);  // ...and they keep up
        }
        const auto normalDown = normalFeed.firstAt(OverloadLevel::ReducedRate);
        const auto highDown = highFeed.firstAt(OverloadLevel::ReducedRate);
        QVERIFY(normalDown > 0s && highDown > normalDown);
        QCOMPARE(normal.level(), OverloadLevel::Full);
        QCOMPARE(high.level(), OverloadLevel::Full);
        // Back to Full: the time of the last degraded picture.
        auto lastDegraded = [](const Feed& feed) {
            Clock::duration last{};
            for (qsizetype i = 0; i < feed.levels.size(); ++i) {
                if (feed.levels[i] != OverloadLevel::Full)
                    last = feed.times[i] - feed.times.first();
            }
            return last;
        };
        QVERIFY2(lastDegraded(highFeed) < lastDegraded(normalFeed),
                 qPrintable(QStringLiteral("%1 vs %2").arg(seconds(lastDegraded(highFeed))).arg(seconds(lastDegraded(normalFeed)))));
        const OverloadThresholds highT = OverloadGovernor::thresholdsFor(thresholds(), StreamPriority::High);
        QCOMPARE(highT.degradeLag, 2000ms);
        QCOMPARE(highT.degradeHold, 4000ms);
        QCOMPARE(highT.recoverHold, 5000ms);
    }

    void priorityChangesApplyAtOnce()
    {
        OverloadGovernor governor(thresholds());
        Feed feed(governor);
        degradeOnceAndDrain(feed);
        QCOMPARE(governor.level(), OverloadLevel::ReducedRate);
        governor.setPriority(StreamPriority::High);  // maximised meanwhile: 5 s hold instead of 10 s
        feed.play(6s, 1.0, 0.2);
        QCOMPARE(governor.level(), OverloadLevel::Full);
    }

    void discontinuitiesRebase()
    {
        OverloadGovernor governor(thresholds());
        Feed feed(governor);
        feed.play(3s, 1.0);
        // A looping file / a camera that restarted its clock: pts back to near zero.
        feed.jumpPts(-feed.pts());
        feed.play(5s, 1.0);
        QCOMPARE(governor.level(), OverloadLevel::Full);
        QVERIFY(governor.lag() < 1ms);
        // pts far ahead (a gap in the recording): not a lead to wait for, a new reference.
        feed.jumpPts(60'000'000);
        feed.play(5s, 1.0);
        QVERIFY(governor.lag() < 1ms);
        // A stall of 4 s the worker reports as such: rebase() forgets the reference.
        feed.jumpWall(4s);
        governor.rebase();
        feed.play(5s, 1.0);
        QCOMPARE(governor.level(), OverloadLevel::Full);
        QVERIFY(governor.lag() < 1ms);
    }

    void rebaseKeepsTheLevelResetDoesNot()
    {
        OverloadGovernor governor(thresholds());
        Feed feed(governor);
        feed.play(4500ms, 0.5, 1.0);
        QCOMPARE(governor.level(), OverloadLevel::ReducedRate);
        governor.rebase();  // a reconnection: the machine is still as loaded
        QCOMPARE(governor.level(), OverloadLevel::ReducedRate);
        governor.reset();   // a new run
        QCOMPARE(governor.level(), OverloadLevel::Full);
    }

    void levelNames()
    {
        QCOMPARE(overloadLevelName(OverloadLevel::Full), QStringLiteral("full"));
        QCOMPARE(overloadLevelName(OverloadLevel::ReducedRate), QStringLiteral("reduced rate"));
        QCOMPARE(overloadLevelName(OverloadLevel::KeyFramesOnly), QStringLiteral("key frames only"));
    }
};

QTEST_GUILESS_MAIN(TestOverloadGovernor)
#include "test_overload_governor.moc"
