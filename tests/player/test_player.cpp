// StreamSession end to end: local files generated with the ffmpeg CLI, and fake RTSP endpoints
// (a closed port, a server that accepts and never answers).
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest>

#include <memory>


#include "SimProcess.h"
#include "StateLog.h"
#include "TestMedia.h"
#include "vigie/player/StreamSession.h"

using namespace std::chrono_literals;
using namespace vigie::player;
using vigie::test::StateLog;

// States are compared by name, so that a failure prints "Playing" vs "Stalled" rather than numbers.
#define COMPARE_STATE(actual, expected) QCOMPARE(stateName(actual), stateName(expected))

namespace {


StreamOptions fileOptions(const QString& path)
{
    StreamOptions options;
    options.url = path;
    options.reconnect = false;
    return options;
}

}  // namespace

class TestPlayer : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();

    void decodesEveryFrameOfAFile();
    void decodesHevc();
    void colourTagsAreRead_data();
    void colourTagsAreRead();
    void decodesHevc10Bit();
    void unsupportedPixelFormatIsAnError();
    void fileWithoutVideoIsAnError();
    void fileWithoutKeyFrameEndsInError();
    void missingFileIsAClearError();
    void fileUrlsAreAccepted();
    void realtimeFilesArePaced();
    void reconnectLoopsAFile();
    void refusedConnectionReconnects();
    void silentServerTimesOut();
    void stopIsImmediateAgainstASilentServer();
    void stopAndRestart();
    void liveRtspCamera_data();
    void liveRtspCamera();

private:
    QString media(const QString& name) const { return m_dir.filePath(name); }
    bool generate(const QString& name, const QStringList& arguments);

    QTemporaryDir m_dir;
};

bool TestPlayer::generate(const QString& name, const QStringList& arguments)
{
    return vigie::test::generateMedia(media(name), arguments);
}

void TestPlayer::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty())
        QSKIP("the ffmpeg CLI is needed to generate the test media");
    QVERIFY(m_dir.isValid());
    const QStringList source{"-f", "lavfi", "-i"};
    const QStringList x264{"-c:v", "libx264", "-preset", "veryfast"};
    const QStringList x265{"-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error"};
    // 2 s at 25 fps = 50 frames, a key frame every second, tagged BT.601 limited range.
    QVERIFY(generate("h264_601.mp4", source + QStringList{"testsrc2=size=640x360:rate=25", "-t", "2"} + x264 +
                                         QStringList{"-g", "25", "-pix_fmt", "yuv420p", "-colorspace", "bt470bg",
                                                     "-color_primaries", "bt470bg", "-color_trc", "gamma28",
                                                     "-color_range", "tv"}));
    QVERIFY(generate("h264_709_full.mp4", source + QStringList{"testsrc2=size=320x240:rate=25", "-t", "0.4"} + x264 +
                                              QStringList{"-pix_fmt", "yuv420p", "-colorspace", "bt709",
                                                          "-color_primaries", "bt709", "-color_trc", "bt709",
                                                          "-color_range", "pc"}));
    QVERIFY(generate("h264_720_untagged.mp4",
                     source + QStringList{"testsrc2=size=1280x720:rate=25", "-t", "0.2"} + x264 + QStringList{"-pix_fmt", "yuv420p"}));
    QVERIFY(generate("h264_240_untagged.mp4",
                     source + QStringList{"testsrc2=size=320x240:rate=25", "-t", "0.2"} + x264 + QStringList{"-pix_fmt", "yuv420p"}));
    QVERIFY(generate("h264_422.mp4",
                     source + QStringList{"testsrc2=size=320x240:rate=25", "-t", "0.2"} + x264 + QStringList{"-pix_fmt", "yuv422p"}));
    QVERIFY(generate("h264_444.mp4",
                     source + QStringList{"testsrc2=size=320x240:rate=25", "-t", "0.2"} + x264 + QStringList{"-pix_fmt", "yuv444p"}));
    QVERIFY(generate("hevc.mp4",
                     source + QStringList{"testsrc2=size=640x360:rate=25", "-t", "0.4"} + x265 + QStringList{"-pix_fmt", "yuv420p"}));
    QVERIFY(generate("hevc10.mp4",
                     source + QStringList{"testsrc2=size=320x240:rate=25", "-t", "0.2"} + x265 + QStringList{"-pix_fmt", "yuv420p10le"}));
    // MJPEG cameras: the decoder outputs the full-range yuvj* formats; JPEG is BT.601 even in HD.
    QVERIFY(generate("mjpeg_720.avi", source + QStringList{"testsrc2=size=1280x720:rate=25", "-t", "0.2", "-c:v", "mjpeg",
                                                           "-pix_fmt", "yuvj422p"}));
    // Uncompressed NV12 (what hardware decoders hand over), tagged in Matroska.
    QVERIFY(generate("nv12.mkv", source + QStringList{"testsrc2=size=320x240:rate=25", "-t", "0.2", "-c:v", "rawvideo",
                                                      "-pix_fmt", "nv12", "-colorspace", "bt709", "-color_range", "tv"}));
    // Lossless RGB: the FFV1 decoder outputs packed bgr0, a format the renderer does not draw.
    QVERIFY(generate("ffv1_rgb.mkv", source + QStringList{"testsrc2=size=320x240:rate=25", "-t", "0.2", "-c:v", "ffv1",
                                                          "-pix_fmt", "gbrp"}));
    QVERIFY(generate("audio.wav", source + QStringList{"sine=duration=0.2"}));
    // One key frame at the start of an MPEG-TS; cutting the file's first half leaves no key frame at all.
    QVERIFY(generate("long_gop.ts", source + QStringList{"testsrc2=size=320x240:rate=25", "-t", "1"} + x264 +
                                        QStringList{"-g", "1000", "-pix_fmt", "yuv420p"}));
    QFile full(media("long_gop.ts"));
    QVERIFY(full.open(QIODevice::ReadOnly));
    const QByteArray bytes = full.readAll();
    QFile cut(media("no_key_frame.ts"));
    QVERIFY(cut.open(QIODevice::WriteOnly));
    const qsizetype half = (bytes.size() / 2 / 188) * 188;  // whole TS packets
    QVERIFY(cut.write(bytes.mid(half)) > 0);
}

void TestPlayer::decodesEveryFrameOfAFile()
{
    StreamSession session(fileOptions(media("h264_601.mp4")));
    StateLog log(session);
    COMPARE_STATE(session.state(), StreamState::Idle);
    session.start();
    QTRY_VERIFY2_WITH_TIMEOUT(log.has(StreamState::Ended), qPrintable(log.dump()), 10000);

    COMPARE_STATE(log.entries.first().first, StreamState::Connecting);
    QCOMPARE(log.entries.first().second, media("h264_601.mp4"));
    QCOMPARE(log.detail(StreamState::Playing), QStringLiteral("h264 640x360"));
    QVERIFY(log.indexOf(StreamState::Playing) < log.indexOf(StreamState::Ended));
    QVERIFY2(!log.has(StreamState::Error) && !log.has(StreamState::Reconnecting), qPrintable(log.dump()));
    COMPARE_STATE(session.state(), StreamState::Ended);

    const StreamStats stats = session.stats();
    QCOMPARE(stats.framesDecoded, 50u);
    QCOMPARE(stats.codec, QStringLiteral("h264"));
    QCOMPARE(stats.width, 640);
    QCOMPARE(stats.height, 360);
    QCOMPARE(stats.decodeErrors, 0u);
    QCOMPARE(stats.reconnects, 0);

    // Nobody took frames: every post but the last replaced a waiting one.
    const auto counters = session.mailbox()->counters();
    QCOMPARE(counters.posted, 50u);
    QCOMPARE(counters.dropped, 49u);
    auto frame = session.mailbox()->take();
    QVERIFY(frame);
    QCOMPARE(frame->sequence, 50u);
    QCOMPARE(frame->width(), 640);
    QCOMPARE(frame->height(), 360);
    QCOMPARE(frame->layout(), PixelLayout::Yuv420p);
    QCOMPARE(frame->planeWidth(1), 320);
    QCOMPARE(frame->planeHeight(2), 180);
    QCOMPARE(frame->ptsMicros, 49 * 40000);  // 25 fps
    for (int plane = 0; plane < VideoFrame::kPlaneCount; ++plane) {
        QVERIFY(frame->planeData(plane));
        QVERIFY(frame->planeStride(plane) >= frame->planeWidth(plane));
    }
    QVERIFY2(!frame->mutablePlaneData(0), "decoder frames may share buffers: read-only");
    // testsrc2 is colourful: the luma plane is not uniform (a real picture, not a black tile).
    const std::uint8_t* luma = frame->planeData(0);
    int minimum = 255, maximum = 0;
    for (int y = 0; y < frame->height(); y += 7) {
        for (int x = 0; x < frame->width(); x += 5) {
            minimum = std::min<int>(minimum, luma[y * frame->planeStride(0) + x]);
            maximum = std::max<int>(maximum, luma[y * frame->planeStride(0) + x]);
        }
    }
    QVERIFY2(maximum - minimum > 100, qPrintable(QStringLiteral("luma %1..%2").arg(minimum).arg(maximum)));

    session.stop();
    QTRY_VERIFY_WITH_TIMEOUT(log.has(StreamState::Stopped), 2000);
    COMPARE_STATE(session.state(), StreamState::Stopped);
}

void TestPlayer::decodesHevc()
{
    StreamSession session(fileOptions(media("hevc.mp4")));
    StateLog log(session);
    session.start();
    QTRY_VERIFY2_WITH_TIMEOUT(log.has(StreamState::Ended), qPrintable(log.dump()), 10000);
    QCOMPARE(log.detail(StreamState::Playing), QStringLiteral("hevc 640x360"));
    QCOMPARE(session.stats().framesDecoded, 10u);
}

void TestPlayer::colourTagsAreRead_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<ColorMatrix>("matrix");
    QTest::addColumn<ColorRange>("range");
    QTest::addColumn<PixelLayout>("layout");
    QTest::addColumn<int>("chromaWidth");
    QTest::addColumn<int>("chromaHeight");
    QTest::newRow("bt601 limited") << "h264_601.mp4" << ColorMatrix::Bt601 << ColorRange::Limited << PixelLayout::Yuv420p << 320 << 180;
    QTest::newRow("bt709 full") << "h264_709_full.mp4" << ColorMatrix::Bt709 << ColorRange::Full << PixelLayout::Yuv420p << 160 << 120;
    QTest::newRow("untagged HD guesses 709") << "h264_720_untagged.mp4" << ColorMatrix::Bt709 << ColorRange::Limited << PixelLayout::Yuv420p << 640 << 360;
    QTest::newRow("untagged SD guesses 601") << "h264_240_untagged.mp4" << ColorMatrix::Bt601 << ColorRange::Limited << PixelLayout::Yuv420p << 160 << 120;
    QTest::newRow("4:2:2") << "h264_422.mp4" << ColorMatrix::Bt601 << ColorRange::Limited << PixelLayout::Yuv422p << 160 << 240;
    QTest::newRow("4:4:4") << "h264_444.mp4" << ColorMatrix::Bt601 << ColorRange::Limited << PixelLayout::Yuv444p << 320 << 240;
    QTest::newRow("mjpeg HD is full range 601") << "mjpeg_720.avi" << ColorMatrix::Bt601 << ColorRange::Full << PixelLayout::Yuv422p << 640 << 720;
    QTest::newRow("nv12") << "nv12.mkv" << ColorMatrix::Bt709 << ColorRange::Limited << PixelLayout::Nv12 << 160 << 120;
    QTest::newRow("hevc 10-bit") << "hevc10.mp4" << ColorMatrix::Bt601 << ColorRange::Limited << PixelLayout::Yuv420p10 << 160 << 120;
}

void TestPlayer::colourTagsAreRead()
{
    QFETCH(QString, file);
    QFETCH(ColorMatrix, matrix);
    QFETCH(ColorRange, range);
    QFETCH(PixelLayout, layout);
    QFETCH(int, chromaWidth);
    QFETCH(int, chromaHeight);
    StreamSession session(fileOptions(media(file)));
    StateLog log(session);
    session.start();
    QTRY_VERIFY2_WITH_TIMEOUT(log.has(StreamState::Ended), qPrintable(log.dump()), 10000);
    auto frame = session.mailbox()->take();
    QVERIFY(frame);
    QCOMPARE(frame->matrix(), matrix);
    QCOMPARE(frame->range(), range);
    QCOMPARE(frame->layout(), layout);
    QCOMPARE(frame->planeWidth(1), chromaWidth);
    QCOMPARE(frame->planeHeight(1), chromaHeight);
    QVERIFY(frame->planeStride(1) >= chromaWidth * frame->planeComponents(1) * frame->bytesPerSample());
}

void TestPlayer::decodesHevc10Bit()
{
    // HEVC Main10 from the software decoder: yuv420p10le, drawn from 16-bit textures.
    StreamSession session(fileOptions(media("hevc10.mp4")));
    StateLog log(session);
    session.start();
    QTRY_VERIFY2_WITH_TIMEOUT(log.has(StreamState::Ended), qPrintable(log.dump()), 10000);
    QVERIFY2(!log.has(StreamState::Error), qPrintable(log.dump()));
    QCOMPARE(log.detail(StreamState::Playing), QStringLiteral("hevc 320x240"));
    QCOMPARE(session.stats().framesDecoded, 5u);
    auto frame = session.mailbox()->take();
    QVERIFY(frame);
    QCOMPARE(frame->layout(), PixelLayout::Yuv420p10);
    QCOMPARE(frame->planeCount(), 3);
    QCOMPARE(frame->bytesPerSample(), 2);
    QCOMPARE(frame->width(), 320);
    QCOMPARE(frame->height(), 240);
    QCOMPARE(frame->planeWidth(1), 160);
    QCOMPARE(frame->planeHeight(2), 120);
    for (int plane = 0; plane < frame->planeCount(); ++plane) {
        QVERIFY(frame->planeData(plane));
        QVERIFY(frame->planeStride(plane) >= 2 * frame->planeWidth(plane));
    }
    // 10 significant bits in the low bits of each little-endian word: nothing above 1023, and a
    // colourful picture spans far more than 8-bit codes would.
    int minimum = 0xffff, maximum = 0;
    for (int y = 0; y < frame->height(); y += 7) {
        const std::uint8_t* row = frame->planeData(0) + std::ptrdiff_t(y) * frame->planeStride(0);
        for (int x = 0; x < frame->width(); x += 5) {
            const int word = row[2 * x] | (row[2 * x + 1] << 8);
            minimum = std::min(minimum, word);
            maximum = std::max(maximum, word);
        }
    }
    QVERIFY2(maximum <= 1023 && maximum - minimum > 400,
             qPrintable(QStringLiteral("luma %1..%2").arg(minimum).arg(maximum)));
}

void TestPlayer::unsupportedPixelFormatIsAnError()
{
    StreamOptions options = fileOptions(media("ffv1_rgb.mkv"));
    options.reconnect = true;  // not retried either: retrying cannot help
    StreamSession session(options);
    StateLog log(session);
    session.start();
    QTRY_VERIFY2_WITH_TIMEOUT(log.has(StreamState::Error), qPrintable(log.dump()), 10000);
    QCOMPARE(log.detail(StreamState::Error), QStringLiteral("unsupported pixel format bgr0"));
    QVERIFY(!log.has(StreamState::Playing));
    QVERIFY(!log.has(StreamState::Reconnecting));
    QVERIFY(!session.mailbox()->take());  // never a silent black tile
    QCOMPARE(session.stats().framesDecoded, 0u);
}

void TestPlayer::fileWithoutVideoIsAnError()
{
    StreamSession session(fileOptions(media("audio.wav")));
    StateLog log(session);
    session.start();
    QTRY_VERIFY2_WITH_TIMEOUT(log.has(StreamState::Error), qPrintable(log.dump()), 10000);
    QCOMPARE(log.detail(StreamState::Error), QStringLiteral("no video stream"));
}

void TestPlayer::fileWithoutKeyFrameEndsInError()
{
    // The probe decodes headless slices: libav complains loudly, which is expected here.
    QLoggingCategory::setFilterRules(QStringLiteral("vigie.player.libav.warning=false"));
    auto restoreLogging = qScopeGuard([] { QLoggingCategory::setFilterRules({}); });
    StreamSession session(fileOptions(media("no_key_frame.ts")));
    StateLog log(session);
    session.start();
    QTRY_VERIFY2_WITH_TIMEOUT(log.has(StreamState::Error) || log.has(StreamState::Ended), qPrintable(log.dump()), 10000);
    // Nothing before a key frame is shown, so nothing was decoded: an error, not an "ended" tile.
    QCOMPARE(log.detail(StreamState::Error), QStringLiteral("end of stream"));
    QVERIFY(!log.has(StreamState::Playing));
    QCOMPARE(session.stats().framesDecoded, 0u);
}

void TestPlayer::missingFileIsAClearError()
{
    const QString path = media("does-not-exist.mp4");
    StreamOptions options = fileOptions(path);
    options.reconnect = true;
    StreamSession session(options);
    StateLog log(session);
    session.start();
    QTRY_VERIFY2_WITH_TIMEOUT(log.has(StreamState::Error), qPrintable(log.dump()), 5000);
    QCOMPARE(log.detail(StreamState::Error), QStringLiteral("no such file: ") + path);
    QVERIFY(!log.has(StreamState::Reconnecting));
}

void TestPlayer::fileUrlsAreAccepted()
{
    StreamSession session(fileOptions(QUrl::fromLocalFile(media("h264_709_full.mp4")).toString()));
    StateLog log(session);
    session.start();
    QTRY_VERIFY2_WITH_TIMEOUT(log.has(StreamState::Ended), qPrintable(log.dump()), 10000);
    QCOMPARE(log.detail(StreamState::Playing), QStringLiteral("h264 320x240"));
    QCOMPARE(session.stats().framesDecoded, 10u);
}

void TestPlayer::realtimeFilesArePaced()
{
    // 10 frames at 25 fps: the last one is due 9 x 40 ms = 360 ms after the first.
    StreamOptions options = fileOptions(media("h264_709_full.mp4"));
    options.realtimeFiles = true;
    StreamSession session(options);
    StateLog log(session);
    QElapsedTimer timer;
    qint64 playingAt = -1;
    connect(&session, &StreamSession::stateChanged, this, [&](StreamState state) {
        if (state == StreamState::Playing && playingAt < 0)
            playingAt = timer.elapsed();
    });
    timer.start();
    session.start();
    QTRY_VERIFY2_WITH_TIMEOUT(log.has(StreamState::Ended), qPrintable(log.dump()), 10000);
    const qint64 endedAt = timer.elapsed();
    QVERIFY(playingAt >= 0);
    QVERIFY2(endedAt - playingAt >= 330, qPrintable(QStringLiteral("played in %1 ms").arg(endedAt - playingAt)));
    QCOMPARE(session.stats().framesDecoded, 10u);
}

void TestPlayer::reconnectLoopsAFile()
{
    // With reconnect on, a file behaves like a camera whose server ended the stream: it starts again.
    StreamOptions options = fileOptions(media("h264_240_untagged.mp4"));
    options.reconnect = true;
    StreamSession session(options);
    StateLog log(session);
    session.start();
    QTRY_VERIFY2_WITH_TIMEOUT(session.stats().framesDecoded >= 10, qPrintable(log.dump()), 10000);
    QTRY_VERIFY2_WITH_TIMEOUT(log.has(StreamState::Reconnecting), qPrintable(log.dump()), 5000);
    QCOMPARE(log.detail(StreamState::Reconnecting), QStringLiteral("end of stream"));
    // Played again from the start after the backoff; the stats add up over reconnections.
    QTRY_VERIFY2_WITH_TIMEOUT(session.stats().framesDecoded >= 20, qPrintable(log.dump()), 5000);
    QVERIFY(session.stats().reconnects >= 1);  // the second pass may already have ended too
    QTRY_VERIFY2_WITH_TIMEOUT(log.entries.count({StreamState::Playing, QStringLiteral("h264 320x240")}) >= 2,
                              qPrintable(log.dump()), 2000);
    QVERIFY(!log.has(StreamState::Error) && !log.has(StreamState::Ended));
}

void TestPlayer::refusedConnectionReconnects()
{
    // A port that was just free: nothing listens there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();

    StreamOptions options;
    options.url = QStringLiteral("rtsp://user:secret@127.0.0.1:%1/x").arg(port);
    StreamSession session(options);
    StateLog log(session);
    QElapsedTimer timer;
    timer.start();
    session.start();
    QTRY_VERIFY2_WITH_TIMEOUT(log.has(StreamState::Reconnecting), qPrintable(log.dump()), 3000);
    QVERIFY2(timer.elapsed() < 1000, "a refused connection is reported at once");
    QCOMPARE(log.detail(StreamState::Reconnecting), QStringLiteral("connection refused"));
    // The credentials never reach a tile.
    QCOMPARE(log.detail(StreamState::Connecting), QStringLiteral("rtsp://127.0.0.1:%1/x").arg(port));
    // The second attempt comes after the first backoff delay (500 ms +/- 20 %).
    QTRY_VERIFY2_WITH_TIMEOUT(session.stats().reconnects >= 2, qPrintable(log.dump()), 3000);
    QVERIFY2(timer.elapsed() >= 400, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!log.has(StreamState::Error));
}

void TestPlayer::silentServerTimesOut()
{
    QTcpServer server;  // accepts (the kernel completes the handshake) and never answers
    QVERIFY(server.listen(QHostAddress::LocalHost));
    StreamOptions options;
    options.url = QStringLiteral("rtsp://127.0.0.1:%1/cam").arg(server.serverPort());
    options.openTimeout = 300ms;
    StreamSession session(options);
    StateLog log(session);
    QElapsedTimer timer;
    timer.start();
    session.start();
    QTRY_VERIFY2_WITH_TIMEOUT(log.has(StreamState::Reconnecting), qPrintable(log.dump()), 3000);
    QCOMPARE(log.detail(StreamState::Reconnecting), QStringLiteral("timed out after 0.3 s"));
    QVERIFY2(timer.elapsed() >= 280 && timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
}

void TestPlayer::stopIsImmediateAgainstASilentServer()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    StreamOptions options;
    options.url = QStringLiteral("rtsp://127.0.0.1:%1/cam").arg(server.serverPort());
    options.openTimeout = 30s;
    auto session = std::make_unique<StreamSession>(options);
    StateLog log(*session);
    session->start();
    // Wait until the player has sent its first request and is blocked waiting for the answer.
    QTRY_VERIFY_WITH_TIMEOUT(server.hasPendingConnections(), 5000);
    std::unique_ptr<QTcpSocket> client(server.nextPendingConnection());
    QTRY_VERIFY_WITH_TIMEOUT(client->bytesAvailable() > 0, 5000);
    QVERIFY(client->peek(7) == "OPTIONS");
    QTest::qWait(150);  // let it sink into poll() (more than one of libav's 100 ms poll slices)

    QElapsedTimer timer;
    timer.start();
    session->stop();
    const qint64 stopMs = timer.elapsed();
    qInfo("stop() took %lld ms", stopMs);
    QVERIFY2(stopMs < 100, qPrintable(QStringLiteral("stop() took %1 ms").arg(stopMs)));
    COMPARE_STATE(session->state(), StreamState::Stopped);
    QTRY_VERIFY_WITH_TIMEOUT(log.has(StreamState::Stopped), 1000);
    QVERIFY(!log.has(StreamState::Reconnecting));

    // The destructor is just as quick, when it has to stop a blocked worker itself.
    session->start();
    QTRY_VERIFY_WITH_TIMEOUT(server.hasPendingConnections(), 5000);
    std::unique_ptr<QTcpSocket> second(server.nextPendingConnection());
    QTRY_VERIFY_WITH_TIMEOUT(second->bytesAvailable() > 0, 5000);
    QTest::qWait(150);
    timer.restart();
    session.reset();
    const qint64 destroyMs = timer.elapsed();
    QVERIFY2(destroyMs < 100, qPrintable(QStringLiteral("~StreamSession() took %1 ms").arg(destroyMs)));
}

void TestPlayer::stopAndRestart()
{
    StreamOptions options = fileOptions(media("h264_709_full.mp4"));
    options.realtimeFiles = true;  // ~0.4 s: still running when stopped
    StreamSession session(options);
    StateLog log(session);
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(log.has(StreamState::Playing), 5000);
    QElapsedTimer timer;
    timer.start();
    session.stop();  // wakes the pacing wait
    QVERIFY(timer.elapsed() < 100);
    QTRY_VERIFY_WITH_TIMEOUT(log.has(StreamState::Stopped), 1000);
    QVERIFY(!log.has(StreamState::Ended));
    session.stop();  // harmless twice

    log.entries.clear();
    session.start();
    QTRY_VERIFY2_WITH_TIMEOUT(log.has(StreamState::Ended), qPrintable(log.dump()), 5000);
    QCOMPARE(session.stats().framesDecoded, 10u);
}

void TestPlayer::liveRtspCamera_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("overTcp");
    QTest::addColumn<QString>("playingDetail");
    QTest::newRow("h264 sub, tcp") << QStringLiteral("/cam-01/sub") << true << QStringLiteral("h264 640x360");
    QTest::newRow("h264 sub, udp") << QStringLiteral("/cam-01/sub") << false << QStringLiteral("h264 640x360");
    QTest::newRow("h264 main, tcp") << QStringLiteral("/cam-02/main") << true << QStringLiteral("h264 1280x720");
    QTest::newRow("h265 sub, tcp") << QStringLiteral("/cam-04/sub") << true << QStringLiteral("hevc 640x360");
}

void TestPlayer::liveRtspCamera()
{
    QFETCH(QString, path);
    QFETCH(bool, overTcp);
    QFETCH(QString, playingDetail);
    // The reference backend's RTSP server (GStreamer, live encoding): the low-latency open path, the
    // key-frame wait, Stalled when the server freezes (SIGSTOP), reconnection when it comes back.
    vigie::test::SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--cameras"), QStringLiteral("4")}), qPrintable(sim.lastError()));
    auto resume = qScopeGuard([&] { sim.thaw(); });

    StreamOptions options;
    options.url = sim.rtspBaseUrl() + path;
    options.stallTimeout = 600ms;
    options.rtspOverTcp = overTcp;
    StreamSession session(options);
    StateLog log(session);
    QElapsedTimer timer;
    timer.start();
    session.start();
    QTRY_VERIFY2_WITH_TIMEOUT(log.has(StreamState::Playing), qPrintable(log.dump()), 8000);
    qInfo("first frame after %lld ms (includes the wait for a key frame, one per second)", timer.elapsed());
    QCOMPARE(log.detail(StreamState::Playing), playingDetail);
    QTRY_VERIFY_WITH_TIMEOUT(session.stats().framesDecoded >= 10, 5000);
    // Decoding starts at a key frame: nothing broken was decoded or shown.
    QCOMPARE(session.stats().decodeErrors, 0u);
    auto frame = session.mailbox()->take();
    QVERIFY(frame);
    QCOMPARE(QStringLiteral("%1x%2").arg(frame->width()).arg(frame->height()), playingDetail.section(QLatin1Char(' '), 1));
    QCOMPARE(frame->layout(), PixelLayout::Yuv420p);

    // The server freezes: Stalled after one stall timeout, reconnection after two.
    QVERIFY2(sim.freeze(), qPrintable(sim.lastError()));
    QTRY_VERIFY2_WITH_TIMEOUT(log.has(StreamState::Stalled), qPrintable(log.dump()), 3000);
    QVERIFY2(log.detail(StreamState::Stalled).startsWith(QLatin1String("no data for")), qPrintable(log.dump()));
    QTRY_VERIFY2_WITH_TIMEOUT(log.has(StreamState::Reconnecting), qPrintable(log.dump()), 3000);
    QVERIFY2(log.detail(StreamState::Reconnecting).startsWith(QLatin1String("no data for")), qPrintable(log.dump()));
    QVERIFY(log.indexOf(StreamState::Stalled) < log.indexOf(StreamState::Reconnecting));
    // Frozen means frozen: no Playing between Stalled and Reconnecting.
    QCOMPARE(log.indexOf(StreamState::Stalled) + 1, log.indexOf(StreamState::Reconnecting));

    // It comes back: playing again after the backoff.
    QVERIFY(sim.thaw());
    QTRY_VERIFY2_WITH_TIMEOUT(log.entries.last().first == StreamState::Playing, qPrintable(log.dump()), 10000);
    QVERIFY(session.stats().reconnects >= 1);
    qInfo("%s", qPrintable(log.dump()));

    timer.restart();
    session.stop();
    QVERIFY2(timer.elapsed() < 100, qPrintable(QString::number(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestPlayer)
#include "test_player.moc"
