// StreamSession's overload control and decoder path with real streams: local files played in real time,
// made too slow to keep up with StreamOptions::extraDecodeDelay (a test aid that sleeps after each
// decoded picture and counts it as decode time); and hardware decoding on Auto, which must fall back to
// software on a machine without a VAAPI device.
#include <QtTest>

#include <QDir>

#include "StateLog.h"
#include "TestMedia.h"
#include "vigie/player/StreamSession.h"

using namespace std::chrono_literals;
using namespace vigie::player;
using vigie::test::StateLog;

#define COMPARE_STATE(actual, expected) QCOMPARE(stateName(actual), stateName(expected))

namespace {

// A render node is what VaapiDecoding opens; without one, Auto must mean software.
bool hasRenderNode()
{
    return !QDir(QStringLiteral("/dev/dri")).entryList({QStringLiteral("renderD*")}, QDir::System).isEmpty();
}

}  // namespace

class TestPlayerOverload : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();

    void slowDecodingDegradesAndRecovers();
    void filesDecodedAsFastAsPossibleAreNeverOverloaded();
    void priorityIsHandedToTheWorker();
    void hardwareAutoFallsBackToSoftware_data();
    void hardwareAutoFallsBackToSoftware();

private:
    QString media(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestPlayerOverload::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty())
        QSKIP("the ffmpeg CLI is needed to generate the test media");
    QVERIFY(m_dir.isValid());
    const QStringList source{"-f", "lavfi", "-i"};
    const QStringList x264{"-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p"};
    // 12 s at 25 fps, a key frame every second, B-frames (non-reference pictures to skip).
    QVERIFY(vigie::test::generateMedia(media("long.mp4"), source + QStringList{"testsrc2=size=320x240:rate=25", "-t", "12"} +
                                                              x264 + QStringList{"-g", "25", "-bf", "2"}));
    QVERIFY(vigie::test::generateMedia(media("short.mp4"),
                                       source + QStringList{"testsrc2=size=320x240:rate=25", "-t", "0.4"} + x264));
    QVERIFY(vigie::test::generateMedia(media("short_hevc.mp4"),
                                       source + QStringList{"testsrc2=size=320x240:rate=25", "-t", "0.4", "-c:v", "libx265",
                                                            "-preset", "ultrafast", "-x265-params", "log-level=error",
                                                            "-pix_fmt", "yuv420p"}));
    QVERIFY(vigie::test::generateMedia(media("nv12.mkv"), source + QStringList{"testsrc2=size=320x240:rate=25", "-t", "0.2",
                                                                               "-c:v", "rawvideo", "-pix_fmt", "nv12"}));
}

void TestPlayerOverload::slowDecodingDegradesAndRecovers()
{
    StreamOptions options;
    options.url = media("long.mp4");
    options.reconnect = false;
    options.realtimeFiles = true;  // live-like: overload control applies
    // Short thresholds so that a whole cycle fits in a few seconds.
    options.overload.degradeLag = 150ms;
    options.overload.degradeHold = 300ms;
    options.overload.recoverLag = 100ms;
    options.overload.recoverHold = 600ms;
    options.overload.recoverLoad = 0.5;
    options.overload.flapWindow = 1500ms;
    options.overload.maxRecoverHold = 1200ms;
    // 150 ms per picture: under 7 pictures a second where the file has 25; skipping the B-frames
    // (2 in 3 pictures) is not enough either: key frames only.
    options.extraDecodeDelay = 150ms;
    StreamSession session(options);
    StateLog log(session);
    QList<OverloadLevel> levels;
    connect(&session, &StreamSession::overloadChanged, this, [&](OverloadLevel level) { levels.append(level); });
    session.start();

    QTRY_VERIFY2_WITH_TIMEOUT(session.stats().overloadLevel != OverloadLevel::Full, qPrintable(log.dump()), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!levels.isEmpty(), 1000);  // the signal says so too
    QVERIFY(levels.first() == OverloadLevel::ReducedRate);  // one step at a time
    // Degraded, still playing: pictures keep coming (key frames at least, one a second).
    COMPARE_STATE(session.state(), StreamState::Playing);
    const std::uint64_t decodedWhenDegraded = session.stats().framesDecoded;
    QTRY_VERIFY2_WITH_TIMEOUT(session.stats().framesDecoded >= decodedWhenDegraded + 3, qPrintable(log.dump()), 4000);
    QVERIFY(session.stats().overloadLevel != OverloadLevel::Full);
    COMPARE_STATE(session.state(), StreamState::Playing);
    QTRY_VERIFY2_WITH_TIMEOUT(levels.contains(OverloadLevel::KeyFramesOnly), qPrintable(log.dump()), 5000);
    QVERIFY(session.stats().overloadSkipped > 0);  // non-key packets never reached the decoder
    const std::uint64_t decodedAtKeyFramesOnly = session.stats().framesDecoded;
    QTRY_VERIFY2_WITH_TIMEOUT(session.stats().framesDecoded >= decodedAtKeyFramesOnly + 2, qPrintable(log.dump()), 4000);
    COMPARE_STATE(session.state(), StreamState::Playing);

    // The decoder is fast again: back to every frame after the recovery holds.
    session.setExtraDecodeDelay(0us);
    QTRY_VERIFY2_WITH_TIMEOUT(session.stats().overloadLevel == OverloadLevel::Full, qPrintable(log.dump()), 8000);
    QTRY_VERIFY_WITH_TIMEOUT(!levels.isEmpty() && levels.last() == OverloadLevel::Full, 1000);
    // At full rate the file's 25 fps come through again.
    const std::uint64_t decodedAtFull = session.stats().framesDecoded;
    QTRY_VERIFY2_WITH_TIMEOUT(session.stats().framesDecoded >= decodedAtFull + 12, qPrintable(log.dump()), 2000);
    QVERIFY2(!log.has(StreamState::Error) && !log.has(StreamState::Reconnecting) && !log.has(StreamState::Stalled),
             qPrintable(log.dump()));
    qInfo("levels: %s", qPrintable([&] {
              QStringList names;
              for (OverloadLevel level : levels)
                  names << overloadLevelName(level);
              return names.join(QLatin1String(" -> "));
          }()));
}

void TestPlayerOverload::filesDecodedAsFastAsPossibleAreNeverOverloaded()
{
    StreamOptions options;
    options.url = media("short.mp4");
    options.reconnect = false;
    options.realtimeFiles = false;  // not live: no real time to fall behind
    options.overload.degradeLag = 1ms;
    options.overload.degradeHold = 1ms;
    options.extraDecodeDelay = 30ms;
    StreamSession session(options);
    StateLog log(session);
    int changes = 0;
    connect(&session, &StreamSession::overloadChanged, this, [&] { ++changes; });
    session.start();
    QTRY_VERIFY2_WITH_TIMEOUT(log.has(StreamState::Ended), qPrintable(log.dump()), 10000);
    QCOMPARE(session.stats().framesDecoded, 10u);
    QVERIFY(session.stats().overloadLevel == OverloadLevel::Full);
    QCOMPARE(session.stats().overloadSkipped, 0u);
    QCOMPARE(changes, 0);
    // The delay counts as decode time (so statistics see the slow decoder).
    QVERIFY(session.stats().decodeMicros >= 10 * 30000u);
}

void TestPlayerOverload::priorityIsHandedToTheWorker()
{
    StreamOptions options;
    options.url = media("short.mp4");
    options.reconnect = false;
    StreamSession session(options);
    QVERIFY(session.priority() == StreamPriority::Normal);
    session.setPriority(StreamPriority::High);  // before start: kept
    QVERIFY(session.priority() == StreamPriority::High);
    StateLog log(session);
    session.start();
    session.setPriority(StreamPriority::Normal);  // while running
    QTRY_VERIFY2_WITH_TIMEOUT(log.has(StreamState::Ended), qPrintable(log.dump()), 10000);
    QVERIFY(session.priority() == StreamPriority::Normal);
    QCOMPARE(session.stats().framesDecoded, 10u);
}

void TestPlayerOverload::hardwareAutoFallsBackToSoftware_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("decoder");
    QTest::addColumn<int>("frames");
    QTest::addColumn<PixelLayout>("layout");
    QTest::newRow("h264") << "short.mp4" << "h264" << 10 << PixelLayout::Yuv420p;
    QTest::newRow("hevc") << "short_hevc.mp4" << "hevc" << 10 << PixelLayout::Yuv420p;
    // A decoder without any VAAPI support: software whatever the machine.
    QTest::newRow("rawvideo") << "nv12.mkv" << "rawvideo" << 5 << PixelLayout::Nv12;
}

void TestPlayerOverload::hardwareAutoFallsBackToSoftware()
{
    QFETCH(QString, file);
    QFETCH(QString, decoder);
    QFETCH(int, frames);
    QFETCH(PixelLayout, layout);
    StreamOptions options;
    options.url = media(file);
    options.reconnect = false;
    options.hardwareDecoding = StreamOptions::HardwareDecoding::Auto;
    StreamSession session(options);
    StateLog log(session);
    session.start();
    QTRY_VERIFY2_WITH_TIMEOUT(log.has(StreamState::Ended), qPrintable(log.dump()), 10000);
    QVERIFY2(!log.has(StreamState::Error), qPrintable(log.dump()));
    const StreamStats stats = session.stats();
    QCOMPARE(stats.framesDecoded, std::uint64_t(frames));  // no picture lost on the way to software
    QCOMPARE(stats.decoderName, decoder);
    QCOMPARE(stats.decodeErrors, 0u);
    auto frame = session.mailbox()->take();
    QVERIFY(frame);
    if (hasRenderNode() && decoder != QLatin1String("rawvideo")) {
        // A machine with a device may decode in hardware: its pictures come as NV12.
        QVERIFY(!stats.hardwareDecoding || frame->layout() == PixelLayout::Nv12);
        return;
    }
    QVERIFY2(!stats.hardwareDecoding, "no VAAPI device here: the stats must say software");
    QCOMPARE(frame->layout(), layout);
}

QTEST_GUILESS_MAIN(TestPlayerOverload)
#include "test_player_overload.moc"
