// The cheap cameras' clips end to end: vigie-sim relays its barcode-stamped loop on the wall-clock
// schedule (sim/barcode/WallClockSchedule.h) and the player (StreamSession) decodes it. From the barcode
// in each decoded Y plane and the realtime clock at decode time, the test checks the frame order, the
// instant start and that the latency is sane.
#include <QtTest>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

#include "FrameBarcode.h"
#include "SimProcess.h"
#include "WallClockSchedule.h"
#include "vigie/player/StreamSession.h"

using namespace std::chrono_literals;
using vigie::barcode::WallClockSchedule;
using vigie::player::StreamOptions;
using vigie::player::StreamSession;
using vigie::player::StreamState;

namespace {

constexpr int kLoopFrames = vigie::barcode::kSimClipFrames;
constexpr int kKeyInterval = vigie::barcode::kSimClipKeyInterval;

// One decoded frame as the test saw it.
struct Seen {
    std::uint64_t sequence = 0;
    std::uint32_t value = 0;
    std::int64_t latencyMs = 0;
    std::chrono::steady_clock::time_point decodedAt;
};

std::int64_t realtimeMsAt(std::chrono::steady_clock::time_point steady)
{
    // The decoder stamps frames with the steady clock; the schedule is on the realtime clock.
    const auto realtime = std::chrono::system_clock::now() - (std::chrono::steady_clock::now() - steady);
    return std::chrono::duration_cast<std::chrono::milliseconds>(realtime.time_since_epoch()).count();
}

// Wakes the test thread when the mailbox gets a frame (the notifier runs on the decoding thread).
class FrameSignal {
public:
    void notify()
    {
        std::lock_guard lock(m_mutex);
        m_ready = true;
        m_condition.notify_one();
    }
    // True when a frame came before the deadline.
    bool wait(std::chrono::steady_clock::time_point deadline)
    {
        std::unique_lock lock(m_mutex);
        const bool ready = m_condition.wait_until(lock, deadline, [this] { return m_ready; });
        m_ready = false;
        return ready;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_condition;
    bool m_ready = false;
};

} // namespace

class TestSimClip : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void cheapStreamCarriesItsSchedule_data();
    void cheapStreamCarriesItsSchedule();
    void badCheapMainSizeIsAUsageError_data();
    void badCheapMainSizeIsAUsageError();

private:
    QTemporaryDir m_temp;
    vigie::test::SimProcess m_h264;
    vigie::test::SimProcess m_h265;
};

void TestSimClip::initTestCase()
{
    QVERIFY(m_temp.isValid());
    // A fresh cache: the clips (main and sub) are encoded at start-up, a few seconds per codec.
    const QStringList arguments{QStringLiteral("--cameras"), QStringLiteral("0"), QStringLiteral("--cheap-cameras"),
                                QStringLiteral("1"), QStringLiteral("--clip-cache"),
                                m_temp.filePath(QStringLiteral("clips"))};
    QVERIFY2(m_h264.start(arguments, 60s), qPrintable(m_h264.lastError()));
    QVERIFY2(m_h265.start(arguments + QStringList{QStringLiteral("--cheap-codec"), QStringLiteral("h265")}, 60s),
             qPrintable(m_h265.lastError()));
}

void TestSimClip::cleanupTestCase()
{
    m_h264.stop();
    m_h265.stop();
}

void TestSimClip::cheapStreamCarriesItsSchedule_data()
{
    QTest::addColumn<bool>("h265");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QSize>("size");
    QTest::newRow("h264 sub") << false << QStringLiteral("/cheap-01/sub") << QSize(640, 360);
    QTest::newRow("h264 main") << false << QStringLiteral("/cheap-01/main") << QSize(1280, 720);
    // H.265 decoders conceal (grey frames) when a stream starts between key frames: the instant start
    // must avoid that too.
    QTest::newRow("h265 sub") << true << QStringLiteral("/cheap-01/sub") << QSize(640, 360);
}

void TestSimClip::cheapStreamCarriesItsSchedule()
{
    QFETCH(bool, h265);
    QFETCH(QString, path);
    QFETCH(QSize, size);
    const auto schedule = WallClockSchedule::simulatorClips();

    StreamOptions options;
    options.url = (h265 ? m_h265 : m_h264).rtspBaseUrl() + path;
    options.reconnect = false;
    StreamSession session(options);
    FrameSignal signal;
    session.mailbox()->setNotifier([&signal] { signal.notify(); });
    const auto started = std::chrono::steady_clock::now();
    session.start();

    // Frames over 3 s: the first second is the instant start's catch-up, then live frames.
    std::vector<Seen> seen;
    const auto deadline = started + 10s;
    while (std::chrono::steady_clock::now() < deadline &&
           (seen.empty() || seen.back().decodedAt - seen.front().decodedAt < 3s)) {
        if (!signal.wait(std::min(deadline, std::chrono::steady_clock::now() + 100ms)))
            continue;
        const auto frame = session.mailbox()->take();
        if (!frame)
            continue;
        QCOMPARE(QSize(frame->width(), frame->height()), size);
        const auto value = vigie::barcode::readPlane(frame->planeData(0), frame->planeStride(0), frame->width(),
                                                     frame->height());
        QVERIFY2(value, qPrintable(QStringLiteral("no barcode in frame %1").arg(frame->sequence)));
        QVERIFY(*value < kLoopFrames);
        seen.push_back({frame->sequence, *value, schedule.latencyMs(*value, realtimeMsAt(frame->decodedAt)),
                        frame->decodedAt});
    }
    session.mailbox()->setNotifier({});
    QVERIFY2(seen.size() >= 25, qPrintable(QStringLiteral("%1 frames taken, state %2")
                                               .arg(seen.size())
                                               .arg(int(session.state()))));

    // Instant start: the very first frame decoded (sequence 1) is a key frame of the loop (the server
    // started from the last key frame), nothing was skipped waiting for one, and it came quickly. The
    // catch-up frames come in a burst, so the test may not have taken the first ones itself: their
    // barcodes follow from the sequence numbers.
    const auto firstAfter = std::chrono::duration_cast<std::chrono::milliseconds>(seen.front().decodedAt - started);
    const auto firstValue =
        (static_cast<std::int64_t>(seen.front().value) - static_cast<std::int64_t>(seen.front().sequence - 1) %
                                                              kLoopFrames + kLoopFrames) % kLoopFrames;
    qInfo("first frame taken after %lld ms: #%llu, frame %u of the loop; the stream started at frame %lld",
          static_cast<long long>(firstAfter.count()), static_cast<unsigned long long>(seen.front().sequence),
          seen.front().value, static_cast<long long>(firstValue));
    QCOMPARE(firstValue % kKeyInterval, 0);
    QCOMPARE(session.stats().framesSkipped, 0u);
    QCOMPARE(session.stats().decodeErrors, 0u);
    QVERIFY2(firstAfter < 1000ms, qPrintable(QString::number(firstAfter.count())));

    // One frame, one barcode step, across the loop's end too (frames the test did not take in time are
    // counted by the sequence numbers). One exception, at most once: a relay that fell more than a GOP
    // behind its schedule (a busy machine between the server preparing the stream and the client's PLAY)
    // starts over from the current GOP, i.e. jumps to a key frame; it must never land anywhere else.
    int restarts = 0;
    for (std::size_t i = 1; i < seen.size(); ++i) {
        const auto step = static_cast<std::int64_t>(seen[i].sequence - seen[i - 1].sequence);
        const auto advance = (static_cast<std::int64_t>(seen[i].value) - seen[i - 1].value + kLoopFrames) % kLoopFrames;
        if (advance != step % kLoopFrames && seen[i].value % kKeyInterval == 0 && restarts == 0) {
            ++restarts;
            qInfo("the relay restarted at key frame %u (after frame %u)", seen[i].value, seen[i - 1].value);
            continue;
        }
        QVERIFY2(advance == step % kLoopFrames,
                 qPrintable(QStringLiteral("frame %1: barcode %2 after %3")
                                .arg(seen[i].sequence)
                                .arg(seen[i].value)
                                .arg(seen[i - 1].value)));
    }

    // Live frames (after the first second) arrive a sane time after their tick: a server sending early
    // would show up as ~10 s, one pacing at the wrong rate would drift out of the bound.
    std::vector<std::int64_t> latencies;
    for (const Seen& frame : seen) {
        if (frame.decodedAt - seen.front().decodedAt < 1s)
            continue;
        QVERIFY2(frame.latencyMs >= 0 && frame.latencyMs <= 500,
                 qPrintable(QStringLiteral("frame %1 (barcode %2): %3 ms")
                                .arg(frame.sequence)
                                .arg(frame.value)
                                .arg(frame.latencyMs)));
        latencies.push_back(frame.latencyMs);
    }
    QVERIFY(latencies.size() >= 25);
    std::sort(latencies.begin(), latencies.end());
    qInfo("%zu frames taken of %llu decoded; latency tick -> decoded over %zu live frames: min %lld, median %lld, "
          "max %lld ms",
          seen.size(), static_cast<unsigned long long>(session.stats().framesDecoded), latencies.size(),
          static_cast<long long>(latencies.front()), static_cast<long long>(latencies[latencies.size() / 2]),
          static_cast<long long>(latencies.back()));
}

void TestSimClip::badCheapMainSizeIsAUsageError_data()
{
    QTest::addColumn<QString>("size");
    QTest::newRow("odd") << QStringLiteral("1921x1080");
    QTest::newRow("too large") << QStringLiteral("7680x4320");
    QTest::newRow("no height") << QStringLiteral("1920x");
    QTest::newRow("words") << QStringLiteral("full-hd");
}

void TestSimClip::badCheapMainSizeIsAUsageError()
{
    QFETCH(QString, size);
    vigie::test::SimProcess sim;
    QVERIFY(!sim.start({QStringLiteral("--cheap-main"), size}, 10s));
    QCOMPARE(sim.exitCode(), 2);
    QVERIFY2(sim.stderrText().contains(QLatin1String("--cheap-main")), qPrintable(sim.stderrText()));
}

QTEST_GUILESS_MAIN(TestSimClip)
#include "test_sim_clip.moc"
