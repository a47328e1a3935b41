// PlaybackSession end to end: fragmented-MP4 segments encoded at test time (barcode = frame number in every
// picture), read through a file-backed RecordingSource (the real byte path: custom AVIO over MP4 bytes).
//
// Camera "a": segment 0 = frames 0..99 (0 s .. 4 s), segment 1 = frames 100..199 (4 s .. 8 s), a 2 s gap, segment
// 2 = frames 200..299 (10 s .. 14 s). Camera "b": the same times, barcodes + 1000. 25 fps, GOP 25, 640x360.
#include <QtTest>

#include <algorithm>
#include <memory>
#include <mutex>
#include <random>
#include <vector>

#include "FileRecordingSource.h"
#include "FrameBarcode.h"
#include "RecordingMedia.h"
#include "vigie/player/PlaybackSession.h"

using namespace std::chrono_literals;
using namespace vigie::player;
using vigie::test::FileRecordingSource;
using Steady = std::chrono::steady_clock;

#define COMPARE_STATE(actual, expected) QCOMPARE(playbackStateName(actual), playbackStateName(expected))

namespace {

constexpr std::int64_t kBase = 1'780'000'000'000'000;  // UTC of camera a's frame 0
constexpr std::int64_t kFrame = 40'000;
constexpr int kFrames = 300;
constexpr std::uint32_t kCameraBOffset = 1000;

std::int64_t utcOf(int frame)
{
    return frame < 200 ? kBase + frame * kFrame : kBase + 10'000'000 + (frame - 200) * kFrame;
}

// Every picture a session posted, as the observer saw it on the worker thread.
class PostLog {
public:
    struct Entry {
        int frame = -1;  // from the barcode; -1 = unreadable
        std::int64_t utcUs = 0;
        Steady::time_point at;
    };
    void add(const VideoFrame& frame, std::int64_t utcUs)
    {
        const auto value = vigie::barcode::readPlane(frame.planeData(0), frame.planeStride(0), frame.width(), frame.height());
        std::lock_guard lock(m_mutex);
        m_entries.push_back({value ? int(*value) : -1, utcUs, Steady::now()});
    }
    std::vector<Entry> entries() const
    {
        std::lock_guard lock(m_mutex);
        return m_entries;
    }
    Entry last() const
    {
        std::lock_guard lock(m_mutex);
        return m_entries.empty() ? Entry{} : m_entries.back();
    }
    void clear()
    {
        std::lock_guard lock(m_mutex);
        m_entries.clear();
    }

private:
    mutable std::mutex m_mutex;
    std::vector<Entry> m_entries;
};

// The states a session reports, delivered queued into the test thread as a GUI would get them.
class PlaybackStateLog : public QObject {
public:
    explicit PlaybackStateLog(PlaybackSession& session)
    {
        connect(&session, &PlaybackSession::stateChanged, this, [this](PlaybackState state, const QString& detail) {
            entries.append({state, detail});
        });
    }
    bool has(PlaybackState state, const QString& text = {}) const
    {
        return std::any_of(entries.begin(), entries.end(), [&](const auto& entry) {
            return entry.first == state && entry.second.contains(text);
        });
    }
    QString dump() const
    {
        QStringList parts;
        for (const auto& entry : entries)
            parts << QStringLiteral("%1(%2)").arg(playbackStateName(entry.first), entry.second);
        return parts.join(QLatin1String(" -> "));
    }
    QList<QPair<PlaybackState, QString>> entries;
};

QString iso(std::int64_t utcUs)
{
    return QDateTime::fromMSecsSinceEpoch(utcUs / 1000, Qt::UTC).toString(Qt::ISODateWithMs);
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[std::min(values.size() - 1, std::size_t(p * double(values.size() - 1) + 0.5))];
}

}  // namespace

class TestPlayback : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();

    void seekShowsTheExactFrame();
    void seekLatency();
    void forwardCrossesASegmentBoundaryWithoutLosingAFrame();
    void forwardAt4xDecodesEveryFrame();
    void decoderReopensWhenTheParametersChange();
    void plainMp4PlaysToo();
    void reverse_data();
    void reverse();
    void stepMovesExactlyOneFrame();
    void fastForwardDecodesKeyFramesOnlyAndKeepsUp();
    void fastReverseShowsKeyFramesBackwards();
    void twoCamerasStayInStep();
    void gapSaysNoRecordingThenRejoins();
    void reverseOverAGap();
    void seekIntoAGapWaitsForTheNextRecording();
    void beforeRetentionIsOutOfRetention();
    void stopDuringASlowReadIsImmediate();
    void seekDuringASlowReadIsImmediate();
    void readCutBySeekResumesAtAFragment();
    void unknownCameraIsAnError();
    void goneSegmentIsLookedUpAgainOnce();
    void liveEdgeShowsTheNewestFrameAndFollowsTheRecording();

private:
    PlaybackOptions options(const std::string& camera, const std::shared_ptr<PlaybackClock>& clock, PostLog& log,
                            std::shared_ptr<RecordingSource> source = {}) const
    {
        PlaybackOptions result;
        result.cameraId = camera;
        result.source = source ? std::move(source) : m_source;
        result.clock = clock;
        result.onFramePosted = [&log](const VideoFrame& frame, std::int64_t utcUs) { log.add(frame, utcUs); };
        return result;
    }

    QTemporaryDir m_dir;
    std::vector<vigie::test::GeneratedSegment> m_segmentsA;
    std::vector<vigie::test::GeneratedSegment> m_segmentsB;
    std::shared_ptr<FileRecordingSource> m_source = std::make_shared<FileRecordingSource>();
};

void TestPlayback::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const std::vector<vigie::test::SegmentPlan> plan{{100, utcOf(0)}, {100, utcOf(100)}, {100, utcOf(200)}};
    QElapsedTimer timer;
    timer.start();
    QString failure = vigie::test::generateRecording(m_dir.path(), QStringLiteral("a"), plan, 0, {}, m_segmentsA);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    failure = vigie::test::generateRecording(m_dir.path(), QStringLiteral("b"), plan, kCameraBOffset, {}, m_segmentsB);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    qInfo("%d segments encoded in %lld ms", int(m_segmentsA.size() + m_segmentsB.size()), static_cast<long long>(timer.elapsed()));
    m_source->addCamera("a", m_segmentsA);
    m_source->addCamera("b", m_segmentsB);
    m_source->setRetentionStart(kBase - 1'000'000);
}

void TestPlayback::seekShowsTheExactFrame()
{
    auto clock = std::make_shared<PlaybackClock>(utcOf(0));
    PostLog log;
    PlaybackSession session(options("a", clock, log));
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(0), 5000);
    QCOMPARE(log.last().frame, 0);
    COMPARE_STATE(session.state(), PlaybackState::Paused);

    // (frame, microseconds into it): mid-GOP, the last frame of a segment, a segment's first, the last of all.
    const QList<QPair<int, std::int64_t>> instants{{37, 13'000}, {99, 39'000}, {100, 0}, {124, 20'000}, {150, 0},
                                                   {200, 0},     {299, 39'999}, {12, 0},  {199, 1}};
    for (const auto& [frame, offset] : instants) {
        const auto seeks = session.stats().seeks;
        clock->seek(utcOf(frame) + offset);
        QTRY_VERIFY_WITH_TIMEOUT(session.stats().seeks > seeks, 5000);
        QCOMPARE(session.stats().presentedUtcUs, utcOf(frame));
        QCOMPARE(log.last().frame, frame);
    }
    QCOMPARE(session.stats().decodeErrors, 0u);
}

void TestPlayback::seekLatency()
{
    // Random instants, with no latency and then with a 5 ms round trip per source call (a LAN). Segments already
    // indexed are kept (three at most), so most seeks cost decoding only; the first of each segment reads it.
    for (const auto latency : {0us, 5000us}) {
        auto source = std::make_shared<FileRecordingSource>();
        source->addCamera("a", m_segmentsA);
        source->setLatency(latency, latency);
        source->setMaxChunk(64 << 10);  // several reads per segment
        auto clock = std::make_shared<PlaybackClock>(utcOf(0));
        PostLog log;
        PlaybackSession session(options("a", clock, log, source));
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(0), 5000);
        std::mt19937 random(42);
        std::vector<double> times;
        for (int i = 0; i < 60; ++i) {
            const int frame = int(random() % kFrames);
            const auto seeks = session.stats().seeks;
            clock->seek(utcOf(frame) + std::int64_t(random() % kFrame));
            QTRY_VERIFY_WITH_TIMEOUT(session.stats().seeks > seeks, 5000);
            QCOMPARE(log.last().frame, frame);
            times.push_back(session.stats().lastSeekMs);
        }
        qInfo("seek to picture, %lld us per source call: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%llu source calls)",
              static_cast<long long>(latency.count()), percentile(times, 0.5), percentile(times, 0.95),
              percentile(times, 1.0), static_cast<unsigned long long>(session.stats().sourceCalls));

        // Cold: a new session for each instant (lookup, read and demux of the segment up to it, decode).
        std::vector<double> cold;
        for (int i = 0; i < 12; ++i) {
            const int frame = int(random() % kFrames);
            auto coldClock = std::make_shared<PlaybackClock>(utcOf(frame));
            PostLog coldLog;
            PlaybackSession coldSession(options("a", coldClock, coldLog, source));
            const auto started = Steady::now();
            coldSession.start();
            QTRY_COMPARE_WITH_TIMEOUT(coldSession.stats().presentedUtcUs, utcOf(frame), 5000);
            QCOMPARE(coldLog.last().frame, frame);
            cold.push_back(std::chrono::duration<double, std::milli>(coldLog.last().at - started).count());
        }
        qInfo("  cold (new session, segment not read yet): p50 %.1f ms, p95 %.1f ms", percentile(cold, 0.5),
              percentile(cold, 0.95));
    }
}

void TestPlayback::forwardCrossesASegmentBoundaryWithoutLosingAFrame()
{
    auto clock = std::make_shared<PlaybackClock>(utcOf(80));
    PostLog log;
    PlaybackSession session(options("a", clock, log));
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(80), 5000);
    log.clear();
    clock->play();
    QTRY_VERIFY_WITH_TIMEOUT(session.stats().presentedUtcUs >= utcOf(130), 5000);
    clock->pause();
    const auto entries = log.entries();
    QVERIFY(entries.size() >= 50);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        QCOMPARE(entries[i].frame, 81 + int(i));
        QCOMPARE(entries[i].utcUs, utcOf(entries[i].frame));
    }
    const PlaybackStats stats = session.stats();
    QVERIFY(!stats.keyFramesOnly);
    QVERIFY(!stats.decoderTooSlow);
    QCOMPARE(stats.lateFrames, 0u);
    QVERIFY(stats.segmentsOpened >= 2);  // and the third when prefetched, 3 s before the end of the second
    QCOMPARE(stats.decoderOpens, 1u);    // one encoder, equal parameters: the decoder goes on
    qInfo("1x: %llu pictures decoded for %llu posted", static_cast<unsigned long long>(stats.framesDecoded),
          static_cast<unsigned long long>(stats.framesPosted));
}

void TestPlayback::forwardAt4xDecodesEveryFrame()
{
    auto clock = std::make_shared<PlaybackClock>(utcOf(0));
    QVERIFY(clock->setRate(4));
    PostLog log;
    PlaybackSession session(options("a", clock, log));
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(0), 5000);
    log.clear();
    const PlaybackStats before = session.stats();
    QElapsedTimer timer;
    timer.start();
    clock->play();
    QTRY_VERIFY_WITH_TIMEOUT(session.stats().presentedUtcUs >= utcOf(199), 10000);
    const auto elapsed = timer.elapsed();
    clock->pause();
    const auto entries = log.entries();
    QVERIFY(entries.size() >= 199);
    for (std::size_t i = 0; i < entries.size(); ++i)
        QCOMPARE(entries[i].frame, 1 + int(i));
    const PlaybackStats stats = session.stats();
    QVERIFY(!stats.keyFramesOnly);
    QVERIFY(!stats.decoderTooSlow);
    const auto decoded = stats.framesDecoded - before.framesDecoded;
    const double decodeMs = double(stats.decodeMicros - before.decodeMicros) / 1000.0;
    qInfo("4x: %llu pictures decoded in %lld ms (%.0f fps), %.2f ms of decoding each (%.0f fps of capacity)",
          static_cast<unsigned long long>(decoded), static_cast<long long>(elapsed), double(decoded) * 1000.0 / double(elapsed),
          decodeMs / double(decoded), double(decoded) * 1000.0 / decodeMs);
}

void TestPlayback::decoderReopensWhenTheParametersChange()
{
    // A camera whose second segment comes from another encoder at another size (a reconfigured camera).
    std::vector<vigie::test::GeneratedSegment> small;
    vigie::test::RecordingFormat format;
    format.width = 320;
    format.height = 240;
    const QString failure = vigie::test::generateRecording(m_dir.path(), QStringLiteral("small"), {{50, utcOf(100)}}, 100,
                                                           format, small);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    auto source = std::make_shared<FileRecordingSource>();
    source->addCamera("mixed", {m_segmentsA[0], small[0]});
    auto clock = std::make_shared<PlaybackClock>(utcOf(90));
    QVERIFY(clock->setRate(4));
    PostLog log;
    PlaybackSession session(options("mixed", clock, log, source));
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(90), 5000);
    log.clear();
    clock->play();
    QTRY_VERIFY_WITH_TIMEOUT(session.stats().presentedUtcUs >= utcOf(120), 5000);
    clock->pause();
    const auto entries = log.entries();
    for (std::size_t i = 0; i < entries.size(); ++i)
        QCOMPARE(entries[i].frame, 91 + int(i));
    const PlaybackStats stats = session.stats();
    QCOMPARE(stats.decoderOpens, 2u);
    QCOMPARE(stats.width, 320);
}

void TestPlayback::plainMp4PlaysToo()
{
    // SEGMENT_CONTAINER_MP4: one moov with the whole sample table, then the media data.
    std::vector<vigie::test::GeneratedSegment> plain;
    vigie::test::RecordingFormat format;
    format.movflags = QStringLiteral("+faststart");
    const QString failure = vigie::test::generateRecording(m_dir.path(), QStringLiteral("plain"), {{75, utcOf(0)}}, 0,
                                                           format, plain);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    auto source = std::make_shared<FileRecordingSource>();
    source->addCamera("plain", plain);
    auto clock = std::make_shared<PlaybackClock>(utcOf(60));
    PostLog log;
    PlaybackSession session(options("plain", clock, log, source));
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(60), 5000);
    QCOMPARE(log.last().frame, 60);
    session.step(-1);
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(59), 5000);
    QCOMPARE(log.last().frame, 59);
    clock->seek(utcOf(7));
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(7), 5000);
    QCOMPARE(log.last().frame, 7);
}

void TestPlayback::reverse_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<int>("cacheBytes");
    QTest::newRow("-1x over a boundary") << -1.0 << 120 << 90 << (48 << 20);
    QTest::newRow("-4x over a boundary") << -4.0 << 199 << 60 << (48 << 20);
    // 1 MiB holds 3 pictures of 640x360: the floor of 8 applies, so each GOP is decoded in runs of 8.
    QTest::newRow("-4x, GOPs decoded in runs") << -4.0 << 140 << 60 << (1 << 20);
}

void TestPlayback::reverse()
{
    QFETCH(double, rate);
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(int, cacheBytes);
    auto clock = std::make_shared<PlaybackClock>(utcOf(from));
    QVERIFY(clock->setRate(rate));
    PostLog log;
    PlaybackOptions playback = options("a", clock, log);
    playback.reverseCacheBytes = std::size_t(cacheBytes);
    PlaybackSession session(playback);
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(from), 5000);
    log.clear();
    QElapsedTimer timer;
    timer.start();
    clock->play();
    QTRY_VERIFY_WITH_TIMEOUT(session.stats().presentedUtcUs <= utcOf(to), 10000);
    clock->pause();
    const auto entries = log.entries();
    QVERIFY(!entries.empty());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        // Every picture, strictly decreasing.
        QCOMPARE(entries[i].frame, from - 1 - int(i));
    }
    const PlaybackStats stats = session.stats();
    QVERIFY(!stats.keyFramesOnly);
    QVERIFY(!stats.decoderTooSlow);
    qInfo("%gx: %d pictures posted in %lld ms, %llu decoded, %llu late", rate, int(entries.size()),
          static_cast<long long>(timer.elapsed()), static_cast<unsigned long long>(stats.framesDecoded),
          static_cast<unsigned long long>(stats.lateFrames));
}

void TestPlayback::stepMovesExactlyOneFrame()
{
    auto clock = std::make_shared<PlaybackClock>(utcOf(98));
    PostLog log;
    PlaybackSession session(options("a", clock, log));
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(98), 5000);
    // Over the boundary between two contiguous segments, then over the gap.
    const QList<QPair<int, int>> steps{{1, 99}, {1, 100}, {-1, 99}, {-1, 98}, {3, 101}, {-2, 99}};
    for (const auto& [frames, expected] : steps) {
        session.step(frames);
        QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(expected), 5000);
        QCOMPARE(log.last().frame, expected);
        QVERIFY(clock->isPaused());
        QCOMPARE(clock->position(), utcOf(expected));
    }
    clock->seek(utcOf(199));
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(199), 5000);
    session.step(1);
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(200), 5000);
    QCOMPARE(log.last().frame, 200);
    session.step(-1);
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(199), 5000);
    QCOMPARE(log.last().frame, 199);
    // Playing, a step pauses the clock.
    clock->play();
    QTRY_VERIFY_WITH_TIMEOUT(session.stats().presentedUtcUs >= utcOf(202), 5000);
    session.step(1);
    QTRY_VERIFY_WITH_TIMEOUT(clock->isPaused(), 5000);
    QStringList frames;
    for (const auto& entry : log.entries())
        frames << QString::number(entry.frame);
    QTRY_VERIFY2_WITH_TIMEOUT(session.stats().presentedUtcUs == clock->position(),
                              qPrintable(frames.join(' ') + QStringLiteral(" clock at %1").arg((clock->position() - kBase) / 1000)), 5000);
    QCOMPARE(utcOf(log.last().frame), clock->position());
}

void TestPlayback::fastForwardDecodesKeyFramesOnlyAndKeepsUp()
{
    auto clock = std::make_shared<PlaybackClock>(utcOf(0));
    QVERIFY(clock->setRate(8));
    PostLog log;
    PlaybackSession session(options("a", clock, log));
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(0), 5000);
    log.clear();
    const auto decodedBefore = session.stats().framesDecoded;
    clock->play();
    const PlaybackClock::Snapshot snapshot = clock->snapshot();
    QTRY_VERIFY_WITH_TIMEOUT(session.stats().presentedUtcUs >= utcOf(275), 10000);
    const PlaybackStats stats = session.stats();
    const auto entries = log.entries();
    clock->pause();  // (shows the exact frame at the position: not part of the check)
    QVERIFY(stats.keyFramesOnly);
    QStringList frames;
    for (const auto& entry : entries)
        frames << QString::number(entry.frame);
    // Every key frame, each within 200 ms of when the clock reached it (over the segment boundary and the gap).
    QVERIFY2(entries.size() == 11, qPrintable(frames.join(' ')));
    for (std::size_t i = 0; i < entries.size(); ++i) {
        QCOMPARE(entries[i].frame, 25 * int(i + 1));
        const auto due = *snapshot.when(entries[i].utcUs);
        const auto late = std::chrono::duration_cast<std::chrono::milliseconds>(entries[i].at - due);
        QVERIFY2(late >= -1ms && late <= 200ms, qPrintable(QStringLiteral("frame %1: %2 ms").arg(entries[i].frame).arg(late.count())));
    }
    QVERIFY2(stats.framesDecoded - decodedBefore <= entries.size() + 1,
             qPrintable(QString::number(stats.framesDecoded - decodedBefore)));
    qInfo("8x: %d key frames posted, %llu pictures decoded", int(entries.size()),
          static_cast<unsigned long long>(stats.framesDecoded - decodedBefore));
}

void TestPlayback::fastReverseShowsKeyFramesBackwards()
{
    auto clock = std::make_shared<PlaybackClock>(utcOf(299));
    QVERIFY(clock->setRate(-8));
    PostLog log;
    PlaybackSession session(options("a", clock, log));
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(299), 5000);
    log.clear();
    clock->play();
    QTRY_VERIFY_WITH_TIMEOUT(session.stats().presentedUtcUs <= utcOf(25), 10000);
    const auto entries = log.entries();
    // Read while playing: a paused clock shows the exact frame, all frames again.
    const bool keyFramesOnly = session.stats().keyFramesOnly;
    clock->pause();
    QVERIFY(keyFramesOnly);
    QStringList frames;
    for (const auto& entry : entries)
        frames << QString::number(entry.frame);
    // The key frame at or before the position, each one, backwards over the gap and the boundary.
    QVERIFY2(!entries.empty() && entries.front().frame == 275, qPrintable(frames.join(' ')));
    for (std::size_t i = 0; i < entries.size(); ++i)
        QVERIFY2(entries[i].frame == 275 - 25 * int(i), qPrintable(frames.join(' ')));
}

void TestPlayback::twoCamerasStayInStep()
{
    auto clock = std::make_shared<PlaybackClock>(utcOf(20));
    PostLog logA;
    PostLog logB;
    PlaybackSession a(options("a", clock, logA));
    PlaybackSession b(options("b", clock, logB));
    a.start();
    b.start();
    QTRY_COMPARE_WITH_TIMEOUT(a.stats().presentedUtcUs, utcOf(20), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(b.stats().presentedUtcUs, utcOf(20), 5000);
    QCOMPARE(logB.last().frame, 20 + int(kCameraBOffset));

    for (const double rate : {1.0, 8.0}) {
        const auto limit = rate == 1.0 ? 40ms : 200ms;  // one frame period at 1x
        logA.clear();
        logB.clear();
        QVERIFY(clock->setRate(rate));
        clock->play();
        const int until = rate == 1.0 ? 70 : 275;
        QTRY_VERIFY_WITH_TIMEOUT(a.stats().presentedUtcUs >= utcOf(until) && b.stats().presentedUtcUs >= utcOf(until), 10000);
        clock->pause();
        const auto entriesA = logA.entries();
        const auto entriesB = logB.entries();
        int common = 0;
        std::chrono::milliseconds worst{0};
        for (const auto& entryA : entriesA) {
            for (const auto& entryB : entriesB) {
                if (entryB.frame != entryA.frame + int(kCameraBOffset))
                    continue;
                const auto apart = std::chrono::duration_cast<std::chrono::milliseconds>(
                    entryA.at > entryB.at ? entryA.at - entryB.at : entryB.at - entryA.at);
                worst = std::max(worst, apart);
                QVERIFY2(apart <= limit, qPrintable(QStringLiteral("%1x, frame %2: %3 ms apart").arg(rate).arg(entryA.frame).arg(apart.count())));
                ++common;
            }
        }
        QVERIFY2(common >= (rate == 1.0 ? 45 : 8), qPrintable(QString::number(common)));
        qInfo("%gx: %d pictures in common, at most %lld ms apart", rate, common, static_cast<long long>(worst.count()));
        clock->seek(utcOf(0));
        QTRY_COMPARE_WITH_TIMEOUT(a.stats().presentedUtcUs, utcOf(0), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(b.stats().presentedUtcUs, utcOf(0), 5000);
    }
}

void TestPlayback::gapSaysNoRecordingThenRejoins()
{
    auto clock = std::make_shared<PlaybackClock>(utcOf(185));
    QVERIFY(clock->setRate(2));
    PostLog log;
    PlaybackSession session(options("a", clock, log));
    PlaybackStateLog states(session);
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(185), 5000);
    log.clear();
    clock->play();
    const PlaybackClock::Snapshot snapshot = clock->snapshot();
    QTRY_VERIFY_WITH_TIMEOUT(states.has(PlaybackState::NoRecording), 5000);
    QVERIFY2(states.has(PlaybackState::NoRecording, iso(utcOf(200))), qPrintable(states.dump()));
    QCOMPARE(session.stats().presentedUtcUs, utcOf(199));
    QTRY_VERIFY_WITH_TIMEOUT(session.stats().presentedUtcUs >= utcOf(205), 5000);
    clock->pause();
    const auto entries = log.entries();
    for (std::size_t i = 0; i < entries.size(); ++i)
        QCOMPARE(entries[i].frame, 186 + int(i));
    // Back exactly when the clock reaches the recording.
    const auto rejoin = std::find_if(entries.begin(), entries.end(), [](const auto& entry) { return entry.frame == 200; });
    QVERIFY(rejoin != entries.end());
    const auto late = std::chrono::duration_cast<std::chrono::milliseconds>(rejoin->at - *snapshot.when(utcOf(200)));
    QVERIFY2(late >= -1ms && late <= 60ms, qPrintable(QString::number(late.count())));
    const int noRecording = int(states.entries.indexOf({PlaybackState::NoRecording, iso(utcOf(200))}));
    QVERIFY2(noRecording >= 0 && states.entries.mid(noRecording).contains({PlaybackState::Playing, QStringLiteral("h264 640x360")}),
             qPrintable(states.dump()));
}

void TestPlayback::reverseOverAGap()
{
    auto clock = std::make_shared<PlaybackClock>(utcOf(203));
    QVERIFY(clock->setRate(-4));
    PostLog log;
    PlaybackSession session(options("a", clock, log));
    PlaybackStateLog states(session);
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(203), 5000);
    log.clear();
    clock->play();
    const PlaybackClock::Snapshot snapshot = clock->snapshot();
    QTRY_VERIFY_WITH_TIMEOUT(session.stats().presentedUtcUs <= utcOf(190), 5000);
    clock->pause();
    QStringList frames;
    for (const auto& entry : log.entries())
        frames << QString::number(entry.frame);
    QVERIFY2(states.has(PlaybackState::NoRecording, iso(utcOf(199))), qPrintable(states.dump() + " / " + frames.join(' ')));
    const auto entries = log.entries();
    for (std::size_t i = 0; i < entries.size(); ++i)
        QCOMPARE(entries[i].frame, 202 - int(i));
    // Frame 199 (shown from 7.96 s to 8 s) comes when the position goes below 8 s, the end of its recording.
    const auto rejoin = std::find_if(entries.begin(), entries.end(), [](const auto& entry) { return entry.frame == 199; });
    QVERIFY(rejoin != entries.end());
    const auto late = std::chrono::duration_cast<std::chrono::milliseconds>(rejoin->at - *snapshot.when(utcOf(200) - 2'000'000));
    QVERIFY2(late >= -1ms && late <= 60ms, qPrintable(QString::number(late.count())));
}

void TestPlayback::seekIntoAGapWaitsForTheNextRecording()
{
    auto clock = std::make_shared<PlaybackClock>(utcOf(150));
    PostLog log;
    PlaybackSession session(options("a", clock, log));
    PlaybackStateLog states(session);
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(150), 5000);
    clock->seek(kBase + 9'000'000);
    QTRY_VERIFY_WITH_TIMEOUT(states.has(PlaybackState::NoRecording, iso(utcOf(200))), 5000);
    QCOMPARE(session.stats().presentedUtcUs, utcOf(150));  // nothing new posted
    clock->play();
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs >= utcOf(200), true, 5000);
    QCOMPARE(log.entries().at(1).frame, 200);
    clock->pause();
    // Nothing after the last recording.
    clock->seek(utcOf(299) + 60'000'000);
    QTRY_VERIFY_WITH_TIMEOUT(states.entries.contains({PlaybackState::NoRecording, QString()}), 5000);
}

void TestPlayback::beforeRetentionIsOutOfRetention()
{
    auto clock = std::make_shared<PlaybackClock>(utcOf(10));
    PostLog log;
    PlaybackSession session(options("a", clock, log));
    PlaybackStateLog states(session);
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(10), 5000);
    clock->seek(kBase - 5'000'000);
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), PlaybackState::OutOfRetention, 5000);
    clock->seek(utcOf(30));
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(30), 5000);
    COMPARE_STATE(session.state(), PlaybackState::Paused);
}

void TestPlayback::stopDuringASlowReadIsImmediate()
{
    auto source = std::make_shared<FileRecordingSource>();
    source->addCamera("a", m_segmentsA);
    source->setLatency(0us, 5s);
    auto clock = std::make_shared<PlaybackClock>(utcOf(50));
    PostLog log;
    PlaybackSession session(options("a", clock, log, source));
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(source->readsInProgress.load() > 0, 5000);
    QElapsedTimer timer;
    timer.start();
    session.stop();
    const auto elapsed = timer.elapsed();
    qInfo("stop() during a read took %lld ms", static_cast<long long>(elapsed));
    QVERIFY2(elapsed < 100, qPrintable(QString::number(elapsed)));
    COMPARE_STATE(session.state(), PlaybackState::Idle);
    QCOMPARE(source->readsInProgress.load(), 0);
}

void TestPlayback::seekDuringASlowReadIsImmediate()
{
    auto source = std::make_shared<FileRecordingSource>();
    source->addCamera("a", m_segmentsA);
    auto clock = std::make_shared<PlaybackClock>(utcOf(10));
    PostLog log;
    PlaybackSession session(options("a", clock, log, source));
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(10), 5000);
    // The link slows down; the investigator seeks to a segment not read yet, then changes her mind.
    source->setLatency(0us, 3s);
    clock->seek(utcOf(250));
    QTRY_VERIFY_WITH_TIMEOUT(source->readsInProgress.load() > 0, 5000);
    const auto seekAt = Steady::now();
    clock->seek(utcOf(20));
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(20), 5000);
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(log.last().at - seekAt);
    qInfo("seek during a 3 s read: picture after %lld ms", static_cast<long long>(took.count()));
    QVERIFY2(took < 300ms, qPrintable(QString::number(took.count())));
    QCOMPARE(log.last().frame, 20);
    // The abandoned segment reads fine later.
    source->setLatency(0us, 0us);
    clock->seek(utcOf(250));
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(250), 5000);
    QCOMPARE(log.last().frame, 250);

    // Small chunks: a segment is demuxed over many reads; a seek cuts one short in the middle of a demuxer pass.
    source->setMaxChunk(16 << 10);
    clock->seek(utcOf(105));  // segment 1, indexed up to frame 105 only
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(105), 5000);
    source->setLatency(0us, 3s);
    clock->seek(utcOf(190));  // needs more of segment 1
    QTRY_VERIFY_WITH_TIMEOUT(source->readsInProgress.load() > 0, 5000);
    clock->seek(utcOf(101));  // already indexed
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(101), 1000);
    QCOMPARE(log.last().frame, 101);
    source->setLatency(0us, 0us);
    for (const int frame : {190, 160, 199, 130}) {
        clock->seek(utcOf(frame));  // a new pass picks up where the abandoned one was, no packet twice
        QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(frame), 5000);
        QCOMPARE(log.last().frame, frame);
    }
    QCOMPARE(session.stats().decodeErrors, 0u);
}

void TestPlayback::readCutBySeekResumesAtAFragment()
{
    // One long segment of 720p (20 fragments of a second) read in 32 KiB chunks over a slow link. A seek cuts
    // its demuxing halfway into the file; the next pass resumes near the cut, not at the top: the bytes read
    // again stay far below what had been read before the cut.
    std::vector<vigie::test::GeneratedSegment> long1;
    vigie::test::RecordingFormat format;
    format.width = 1280;
    format.height = 720;
    const auto at = [](int frame) { return kBase + frame * kFrame; };  // no gap in this one
    const QString failure =
        vigie::test::generateRecording(m_dir.path(), QStringLiteral("long"), {{500, at(0)}}, 0, format, long1);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const qint64 size = QFileInfo(long1[0].path).size();
    auto source = std::make_shared<FileRecordingSource>();
    source->addCamera("long", long1);
    source->setMaxChunk(32 << 10);
    auto clock = std::make_shared<PlaybackClock>(at(240));
    PostLog log;
    PlaybackSession session(options("long", clock, log, source));
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, at(240), 5000);
    const std::uint64_t beforeCut = session.stats().bytesRead;
    QVERIFY2(beforeCut > std::uint64_t(size) / 3, qPrintable(QStringLiteral("%1 of %2").arg(beforeCut).arg(size)));

    source->setLatency(0us, 3s);
    clock->seek(at(499));  // needs the rest of the file
    QTRY_VERIFY_WITH_TIMEOUT(source->readsInProgress.load() > 0, 5000);
    clock->seek(at(230));  // already indexed: the pass is abandoned
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, at(230), 1000);
    source->setLatency(0us, 0us);
    for (const int frame : {499, 400, 251}) {
        clock->seek(at(frame));
        QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, at(frame), 5000);
        QCOMPARE(log.last().frame, frame);
    }
    QCOMPARE(session.stats().decodeErrors, 0u);
    // Every byte of the file was needed once; what was read beyond that is the price of the cut.
    const std::uint64_t total = session.stats().bytesRead;
    const std::int64_t readAgain = std::int64_t(total) - size;
    qInfo("segment of %lld bytes, %llu read before the cut, %lld read again after it", static_cast<long long>(size),
          static_cast<unsigned long long>(beforeCut), static_cast<long long>(readAgain));
    QVERIFY2(readAgain < std::int64_t(beforeCut) / 3, qPrintable(QString::number(readAgain)));
}

void TestPlayback::unknownCameraIsAnError()
{
    auto clock = std::make_shared<PlaybackClock>(utcOf(0));
    PostLog log;
    PlaybackSession session(options("nobody", clock, log));
    PlaybackStateLog states(session);
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(states.has(PlaybackState::Error, QStringLiteral("unknown camera")), 5000);
    QCOMPARE(session.stats().framesPosted, 0u);
    // Still responsive: stop is immediate.
    QElapsedTimer timer;
    timer.start();
    session.stop();
    QVERIFY(timer.elapsed() < 100);
}

void TestPlayback::goneSegmentIsLookedUpAgainOnce()
{
    auto source = std::make_shared<FileRecordingSource>();
    source->addCamera("a", m_segmentsA);
    source->goneReads = 1;
    auto clock = std::make_shared<PlaybackClock>(utcOf(30));
    PostLog log;
    PlaybackSession session(options("a", clock, log, source));
    PlaybackStateLog states(session);
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(30), 5000);
    QCOMPARE(log.last().frame, 30);
    QVERIFY2(!states.has(PlaybackState::Error), qPrintable(states.dump()));
    // Gone again after the second lookup: an error that says so.
    source->goneReads = 1000;
    clock->seek(utcOf(250));
    QTRY_VERIFY_WITH_TIMEOUT(states.has(PlaybackState::Error), 5000);
    QVERIFY2(states.has(PlaybackState::Error, QStringLiteral("destroyed")), qPrintable(states.dump()));
    source->goneReads = 0;
    clock->seek(utcOf(260));
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().presentedUtcUs, utcOf(260), 5000);
}

void TestPlayback::liveEdgeShowsTheNewestFrameAndFollowsTheRecording()
{
    // Camera a's first segment, being written: a third of its bytes exist (the first GOP's fragment and part
    // of the second).
    auto source = std::make_shared<FileRecordingSource>();
    source->addCamera("live", {m_segmentsA[0]});
    const std::int64_t size = QFileInfo(m_segmentsA[0].path).size();
    source->setWritten("live", 0, size / 3);
    auto clock = std::make_shared<PlaybackClock>(utcOf(90));
    PostLog log;
    PlaybackSession session(options("live", clock, log, source));
    PlaybackStateLog states(session);
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(states.has(PlaybackState::LiveEdge), 5000);
    const int newest = log.last().frame;
    QVERIFY2(states.entries.contains({PlaybackState::LiveEdge, iso(utcOf(newest))}), qPrintable(states.dump()));
    QVERIFY2(newest >= 24 && newest < 90 && newest % 25 == 24, qPrintable(QString::number(newest)));  // whole fragments
    QCOMPARE(session.stats().presentedUtcUs, utcOf(newest));

    clock->play();
    source->setWritten("live", 0, size * 2 / 3);
    QTRY_VERIFY_WITH_TIMEOUT(log.last().frame > newest, 5000);
    source->setWritten("live", 0, -1);  // complete
    QTRY_COMPARE_WITH_TIMEOUT(log.last().frame, 99, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(states.entries.contains({PlaybackState::NoRecording, QString()}), 5000);
    // Caught up without a burst of stale pictures: only pictures for the clock's position were shown.
    const auto entries = log.entries();
    QVERIFY2(entries.size() < 20, qPrintable(QString::number(entries.size())));
    QCOMPARE(session.stats().decodeErrors, 0u);
}

QTEST_GUILESS_MAIN(TestPlayback)
#include "test_playback.moc"
