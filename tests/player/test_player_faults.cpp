// StreamSession against bad input and outages: damaged files (truncated, bit-flipped, garbage), an RTSP
// server that restarts, a camera that accepts and never answers next to a live one, a server that answers
// garbage, and a camera taken offline by the backend. Every case must end in a defined state, never a crash or a hang.
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest>

#include <random>

#include "SimProcess.h"
#include "StateLog.h"
#include "TestMedia.h"
#include "vigie/player/StreamSession.h"

using namespace std::chrono_literals;
using namespace vigie::player;
using vigie::test::StateLog;

#define COMPARE_STATE(actual, expected) QCOMPARE(stateName(actual), stateName(expected))

namespace {

// Two distinct loopback ports free right now (both held open while the second is picked).
bool freePorts(quint16* first, quint16* second)
{
    QTcpServer a;
    QTcpServer b;
    if (!a.listen(QHostAddress::LocalHost) || !b.listen(QHostAddress::LocalHost))
        return false;
    *first = a.serverPort();
    *second = b.serverPort();
    return true;
}

// Offset of the top-level MP4 box `type`, or -1.
qsizetype mp4BoxOffset(const QByteArray& bytes, const char* type)
{
    qsizetype offset = 0;
    while (offset + 8 <= bytes.size()) {
        const auto byte = [&](qsizetype i) { return quint64(quint8(bytes[offset + i])); };
        quint64 size = (byte(0) << 24) | (byte(1) << 16) | (byte(2) << 8) | byte(3);
        if (bytes.mid(offset + 4, 4) == type)
            return offset;
        if (size == 1 && offset + 16 <= bytes.size()) {
            size = 0;
            for (int i = 8; i < 16; ++i)
                size = (size << 8) | byte(i);
        }
        if (size < 8)
            return -1;
        offset += qsizetype(size);
    }
    return -1;
}

}  // namespace

class TestPlayerFaults : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void corruptInputNeverCrashes_data();
    void corruptInputNeverCrashes();
    void rtspServerRestarted();
    void deadCameraDoesNotBlockOthers();
    void garbageAnswerIsAFailure();
    void cameraTakenOfflineByTheBackend();

private:
    QString media(const QString& name) const { return m_dir.filePath(name); }
    bool generate(const QString& name, const QStringList& arguments);
    bool write(const QString& name, const QByteArray& bytes);

    QTemporaryDir m_dir;
};

bool TestPlayerFaults::generate(const QString& name, const QStringList& arguments)
{
    return vigie::test::generateMedia(media(name), arguments);
}

bool TestPlayerFaults::write(const QString& name, const QByteArray& bytes)
{
    QFile file(media(name));
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

void TestPlayerFaults::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty())
        QSKIP("the ffmpeg CLI is needed to generate the test media");
    QVERIFY(m_dir.isValid());
    // Damaged input makes libav log plenty of warnings, which is the point here.
    QLoggingCategory::setFilterRules(QStringLiteral("vigie.player.libav.warning=false"));

    // 2 s at 25 fps (50 frames), 640x360, a key frame every second. MP4 with the index first
    // (faststart) so that cutting the file keeps the index and loses the samples; the same streams
    // remuxed into MPEG-TS (what resynchronises after damage).
    const QStringList source{"-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-t", "2", "-g", "25", "-pix_fmt", "yuv420p"};
    const QStringList x264{"-c:v", "libx264", "-preset", "veryfast"};
    const QStringList x265{"-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error"};
    const QStringList faststart{"-movflags", "+faststart"};
    QVERIFY(generate("h264.mp4", source + x264 + faststart));
    QVERIFY(generate("hevc.mp4", source + x265 + faststart));
    QVERIFY(generate("h264.ts", QStringList{"-i", media("h264.mp4"), "-c", "copy"}));
    QVERIFY(generate("hevc.ts", QStringList{"-i", media("hevc.mp4"), "-c", "copy"}));

    for (const QString& base : {QStringLiteral("h264"), QStringLiteral("hevc")}) {
        for (const QString& extension : {QStringLiteral("mp4"), QStringLiteral("ts")}) {
            QFile file(media(base + QLatin1Char('.') + extension));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QVERIFY(bytes.size() > 32 * 1024);
            const QString stem = base + QLatin1Char('_');
            const QString suffix = QLatin1Char('.') + extension;

            // (a) Cut in the middle, and cut right after the header (MP4: the index and a few bytes of
            // the media data; TS: the first packets, PAT and PMT and the start of the first picture).
            QVERIFY(write(stem + "cut_middle" + suffix, bytes.left(bytes.size() / 2)));
            qsizetype header = 188 * 4;
            if (extension == QLatin1String("mp4")) {
                const qsizetype mdat = mp4BoxOffset(bytes, "mdat");
                QVERIFY2(mdat > 0 && mp4BoxOffset(bytes, "moov") >= 0 && mp4BoxOffset(bytes, "moov") < mdat,
                         "faststart MP4: moov before mdat");
                header = mdat + 16;
            }
            QVERIFY(write(stem + "cut_header" + suffix, bytes.left(header)));

            // (b) One bit flipped in every 2 KiB after the first 4 KiB, at places drawn from a fixed seed.
            QByteArray flipped = bytes;
            std::mt19937 random(20261128);
            for (qsizetype block = 4096; block + 2048 <= flipped.size(); block += 2048) {
                const qsizetype at = block + qsizetype(random() % 2048);
                flipped[at] = char(quint8(flipped[at]) ^ quint8(1u << (random() % 8)));
            }
            QVERIFY(write(stem + "bitflip" + suffix, flipped));
        }
    }

    // (c) Garbage under a video file's name.
    std::mt19937 random(42);
    QByteArray garbage(256 * 1024, Qt::Uninitialized);
    for (auto& byte : garbage)
        byte = char(random() & 0xff);
    QVERIFY(write("garbage.mp4", garbage));
    QVERIFY(write("garbage.ts", garbage));
}

void TestPlayerFaults::cleanupTestCase() { QLoggingCategory::setFilterRules({}); }

void TestPlayerFaults::corruptInputNeverCrashes_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("damagedPictures");  // pictures decoded from damaged data
    QTest::addColumn<bool>("errorsCounted");    // ... and the decoder reports the damage
    for (const char* base : {"h264", "hevc"}) {
        for (const char* extension : {"mp4", "ts"}) {
            for (const char* kind : {"cut_middle", "cut_header", "bitflip"}) {
                const QString file = QStringLiteral("%1_%2.%3").arg(QLatin1String(base), QLatin1String(kind), QLatin1String(extension));
                const bool flipped = QLatin1String(kind) == QLatin1String("bitflip");
                // FFmpeg's HEVC decoder conceals damaged CABAC data without telling: apart from a few
                // "cu_qp_delta outside the valid range" log lines it returns no error and flags no frame,
                // so nothing can count the damage there (0 or 1 error for 50 damaged pictures). H.264
                // reports it (one error per damaged picture or so).
                QTest::newRow(qPrintable(file)) << file << flipped << (flipped && QLatin1String(base) == QLatin1String("h264"));
            }
        }
    }
    QTest::newRow("garbage.mp4") << QStringLiteral("garbage.mp4") << false << false;
    QTest::newRow("garbage.ts") << QStringLiteral("garbage.ts") << false << false;
}

void TestPlayerFaults::corruptInputNeverCrashes()
{
    QFETCH(QString, file);
    QFETCH(bool, damagedPictures);
    QFETCH(bool, errorsCounted);
    StreamOptions options;
    options.url = media(file);
    options.reconnect = false;
    StreamSession session(options);
    StateLog log(session);
    session.start();
    QTRY_VERIFY2_WITH_TIMEOUT(log.has(StreamState::Ended) || log.has(StreamState::Error), qPrintable(log.dump()), 15000);

    const StreamStats stats = session.stats();
    const StreamState end = log.has(StreamState::Ended) ? StreamState::Ended : StreamState::Error;
    const QString detail = log.detail(end);
    qInfo("%s: %s (%s), %llu frames, %llu decode errors", qPrintable(file), qPrintable(stateName(end)),
          qPrintable(detail), static_cast<unsigned long long>(stats.framesDecoded),
          static_cast<unsigned long long>(stats.decodeErrors));
    // A defined end: Ended only after pictures, Error always with a reason.
    if (end == StreamState::Ended)
        QVERIFY2(stats.framesDecoded > 0, qPrintable(log.dump()));
    else
        QVERIFY2(!detail.isEmpty(), qPrintable(log.dump()));
    QVERIFY2(!log.has(StreamState::Reconnecting), qPrintable(log.dump()));
    COMPARE_STATE(session.state(), end);
    if (damagedPictures) {
        // One bit in 2 KiB leaves the container readable: pictures come out, damaged.
        QVERIFY2(stats.framesDecoded > 0, qPrintable(log.dump()));
        if (errorsCounted)
            QVERIFY2(stats.decodeErrors > 0, "damaged pictures are counted");
    }
    if (stats.framesDecoded > 0) {
        QVERIFY2(log.has(StreamState::Playing), qPrintable(log.dump()));
        QVERIFY(session.mailbox()->take());
    }

    QElapsedTimer timer;
    timer.start();
    session.stop();
    QVERIFY2(timer.elapsed() < 100, qPrintable(QStringLiteral("stop() took %1 ms").arg(timer.elapsed())));
    COMPARE_STATE(session.state(), StreamState::Stopped);
}

void TestPlayerFaults::rtspServerRestarted()
{
    quint16 grpcPort = 0;
    quint16 rtspPort = 0;
    QVERIFY(freePorts(&grpcPort, &rtspPort));
    const QStringList arguments{QStringLiteral("--cameras"), QStringLiteral("2"), QStringLiteral("--listen"),
                                QStringLiteral("127.0.0.1:%1").arg(grpcPort), QStringLiteral("--rtsp-port"),
                                QString::number(rtspPort)};
    vigie::test::SimProcess sim;
    QVERIFY2(sim.start(arguments), qPrintable(sim.lastError()));
    QCOMPARE(sim.rtspBaseUrl(), QStringLiteral("rtsp://127.0.0.1:%1").arg(rtspPort));

    StreamOptions options;
    options.url = sim.rtspBaseUrl() + QStringLiteral("/cam-01/sub");
    options.stallTimeout = 1000ms;
    StreamSession session(options);
    StateLog log(session);
    session.start();
    QTRY_VERIFY2_WITH_TIMEOUT(log.has(StreamState::Playing), qPrintable(log.dump()), 8000);
    QTRY_VERIFY_WITH_TIMEOUT(session.stats().framesDecoded >= 5, 5000);

    // The server goes away: Reconnecting with a reason within a few seconds.
    sim.stop();
    QElapsedTimer timer;
    timer.start();
    QTRY_VERIFY2_WITH_TIMEOUT(log.has(StreamState::Reconnecting), qPrintable(log.dump()), 5000);
    const qint64 lostAfter = timer.elapsed();
    const QString reason = log.detail(StreamState::Reconnecting);
    qInfo("server stopped: Reconnecting(%s) %lld ms after its exit", qPrintable(reason), lostAfter);
    QVERIFY2(!reason.isEmpty(), qPrintable(log.dump()));
    // While it is down the player keeps trying (the port is closed: refused at once), never gives up.
    QTRY_VERIFY2_WITH_TIMEOUT(log.hasDetail(StreamState::Reconnecting, QStringLiteral("connection refused")) &&
                                  session.stats().reconnects >= 2,
                              qPrintable(log.dump()), 5000);
    QVERIFY2(!log.has(StreamState::Error), qPrintable(log.dump()));

    // Back on the same ports: Playing again without anyone asking.
    const int mark = log.entries.size();
    const auto framesBefore = session.stats().framesDecoded;
    QVERIFY2(sim.start(arguments), qPrintable(sim.lastError()));
    timer.restart();
    QTRY_VERIFY2_WITH_TIMEOUT(log.indexOf(StreamState::Playing, mark) >= 0 && log.last() == StreamState::Playing,
                              qPrintable(log.dump()), 15000);
    qInfo("server back: Playing after %lld ms; %s", timer.elapsed(), qPrintable(log.dump()));
    QTRY_VERIFY_WITH_TIMEOUT(session.stats().framesDecoded >= framesBefore + 10, 5000);
    QVERIFY(session.stats().reconnects >= 1);
    QVERIFY2(!log.has(StreamState::Error), qPrintable(log.dump()));

    timer.restart();
    session.stop();
    QVERIFY2(timer.elapsed() < 100, qPrintable(QString::number(timer.elapsed())));
}

void TestPlayerFaults::deadCameraDoesNotBlockOthers()
{
    QTcpServer dead;  // accepts (the kernel completes the handshake) and never answers
    QVERIFY(dead.listen(QHostAddress::LocalHost));
    vigie::test::SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--cameras"), QStringLiteral("2")}), qPrintable(sim.lastError()));

    StreamOptions deadOptions;
    deadOptions.url = QStringLiteral("rtsp://127.0.0.1:%1/cam").arg(dead.serverPort());
    deadOptions.openTimeout = 2000ms;
    StreamSession deadSession(deadOptions);
    StateLog deadLog(deadSession);
    StreamOptions liveOptions;
    liveOptions.url = sim.rtspBaseUrl() + QStringLiteral("/cam-01/sub");
    StreamSession liveSession(liveOptions);
    StateLog liveLog(liveSession);

    deadSession.start();
    QTRY_VERIFY_WITH_TIMEOUT(dead.hasPendingConnections(), 5000);  // the dead one is blocked in its request
    liveSession.start();
    QTRY_VERIFY2_WITH_TIMEOUT(liveLog.has(StreamState::Playing), qPrintable(liveLog.dump()), 8000);
    const auto firstFrames = liveSession.stats().framesDecoded;
    // Keeps decoding at its rate (25 fps) through the dead one's open timeout and reconnection.
    QTRY_VERIFY2_WITH_TIMEOUT(liveSession.stats().framesDecoded >= firstFrames + 60, qPrintable(liveLog.dump()), 5000);
    QTRY_VERIFY2_WITH_TIMEOUT(deadLog.has(StreamState::Reconnecting), qPrintable(deadLog.dump()), 5000);
    const StreamState deadState = deadSession.state();
    QVERIFY2(deadState == StreamState::Connecting || deadState == StreamState::Reconnecting, qPrintable(deadLog.dump()));
    COMPARE_STATE(liveSession.state(), StreamState::Playing);
    QVERIFY2(!deadLog.has(StreamState::Playing), qPrintable(deadLog.dump()));
    qInfo("live: %llu frames; dead: %s", static_cast<unsigned long long>(liveSession.stats().framesDecoded),
          qPrintable(deadLog.dump()));

    // Stop the dead one while it is blocked again in its next attempt.
    QTRY_VERIFY_WITH_TIMEOUT(deadSession.state() == StreamState::Connecting, 5000);
    QElapsedTimer timer;
    timer.start();
    deadSession.stop();
    const qint64 stopMs = timer.elapsed();
    qInfo("stopping the dead camera took %lld ms", stopMs);
    QVERIFY2(stopMs < 100, qPrintable(QStringLiteral("stop() took %1 ms").arg(stopMs)));
    COMPARE_STATE(deadSession.state(), StreamState::Stopped);

    const auto framesAfterStop = liveSession.stats().framesDecoded;
    QTRY_VERIFY_WITH_TIMEOUT(liveSession.stats().framesDecoded >= framesAfterStop + 10, 3000);
    COMPARE_STATE(liveSession.state(), StreamState::Playing);
    QVERIFY2(!liveLog.has(StreamState::Reconnecting) && !liveLog.has(StreamState::Stalled), qPrintable(liveLog.dump()));
}

void TestPlayerFaults::garbageAnswerIsAFailure()
{
    // A server that answers every request with bytes that are not RTSP, and keeps the connection open.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    std::mt19937 random(7);
    QByteArray garbage(4096, Qt::Uninitialized);
    for (auto& byte : garbage)
        byte = char(random() & 0xff);
    connect(&server, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket* socket = server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &garbage] {
                socket->readAll();
                socket->write(garbage);
            });  // the socket is the server's child
        }
    });

    StreamOptions options;
    options.url = QStringLiteral("rtsp://127.0.0.1:%1/cam").arg(server.serverPort());
    options.openTimeout = 1000ms;
    StreamSession session(options);
    StateLog log(session);
    session.start();
    QTRY_VERIFY2_WITH_TIMEOUT(log.has(StreamState::Reconnecting), qPrintable(log.dump()), 5000);
    qInfo("garbage answer: %s", qPrintable(log.dump()));
    QVERIFY2(!log.detail(StreamState::Reconnecting).isEmpty(), qPrintable(log.dump()));
    QVERIFY2(!log.has(StreamState::Playing) && !log.has(StreamState::Error), qPrintable(log.dump()));

    QElapsedTimer timer;
    timer.start();
    session.stop();
    QVERIFY2(timer.elapsed() < 100, qPrintable(QStringLiteral("stop() took %1 ms").arg(timer.elapsed())));
    COMPARE_STATE(session.state(), StreamState::Stopped);
}

void TestPlayerFaults::cameraTakenOfflineByTheBackend()
{
    vigie::test::SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--cameras"), QStringLiteral("2")}), qPrintable(sim.lastError()));

    StreamOptions options;
    options.url = sim.rtspBaseUrl() + QStringLiteral("/cam-02/sub");
    StreamSession session(options);
    StateLog log(session);
    session.start();
    QTRY_VERIFY2_WITH_TIMEOUT(log.has(StreamState::Playing), qPrintable(log.dump()), 8000);

    // Offline: the RTSP session is closed and the mount removed, so every attempt gets a 404.
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(sim.command(QStringLiteral("camera cam-02 offline maintenance")), qPrintable(sim.lastError()));
    QTRY_VERIFY2_WITH_TIMEOUT(log.has(StreamState::Reconnecting), qPrintable(log.dump()), 5000);
    qInfo("offline: first Reconnecting(%s) after %lld ms", qPrintable(log.detail(StreamState::Reconnecting)), timer.elapsed());
    QTRY_VERIFY2_WITH_TIMEOUT(log.hasDetail(StreamState::Reconnecting, QStringLiteral("404")), qPrintable(log.dump()), 5000);
    QVERIFY2(log.hasDetail(StreamState::Reconnecting, QStringLiteral("not found")), qPrintable(log.dump()));
    QVERIFY2(!log.has(StreamState::Error), qPrintable(log.dump()));

    // Online again: Playing by itself at the next attempt.
    const int mark = log.entries.size();
    QVERIFY2(sim.command(QStringLiteral("camera cam-02 online")), qPrintable(sim.lastError()));
    timer.restart();
    QTRY_VERIFY2_WITH_TIMEOUT(log.indexOf(StreamState::Playing, mark) >= 0 && log.last() == StreamState::Playing,
                              qPrintable(log.dump()), 10000);
    qInfo("online: Playing after %lld ms; %s", timer.elapsed(), qPrintable(log.dump()));
    const auto frames = session.stats().framesDecoded;
    QTRY_VERIFY_WITH_TIMEOUT(session.stats().framesDecoded >= frames + 10, 5000);
}

QTEST_GUILESS_MAIN(TestPlayerFaults)
#include "test_player_faults.moc"
