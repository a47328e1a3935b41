// The statistics overlay's figures: rates from two snapshots of a tile's counters, with times given by
// the test (no clock, no window).

#include <QtTest>

#include "TileStatistics.h"

using namespace std::chrono_literals;
using vigie::app::TileCounters;
using vigie::app::TileRates;
using vigie::app::TileStatistics;
using vigie::player::StreamState;

namespace {

const std::chrono::steady_clock::time_point kT0 = std::chrono::steady_clock::time_point{} + 1000s;

TileCounters snapshot(std::chrono::steady_clock::time_point at, std::uint64_t decoded, std::uint64_t bytes,
                      std::uint64_t decodeMicros, std::uint64_t taken, std::uint64_t dropped)
{
    TileCounters c;
    c.at = at;
    c.stream.codec = QStringLiteral("h264");
    c.stream.width = 640;
    c.stream.height = 360;
    c.stream.framesDecoded = decoded;
    c.stream.bytesReceived = bytes;
    c.stream.decodeMicros = decodeMicros;
    c.stream.lastFrameAt = at - 40ms;
    c.mailbox.posted = decoded;
    c.mailbox.taken = taken;
    c.mailbox.dropped = dropped;
    return c;
}

}  // namespace

class TestTileStatistics : public QObject {
    Q_OBJECT

private slots:
    void ratesOverOneSecond()
    {
        const TileCounters before = snapshot(kT0, 100, 200'000, 80'000, 98, 2);
        // One second later: 25 frames, 64000 bytes (512 kbit/s), 20 ms of decoding, 24 shown, 1 dropped.
        const TileCounters after = snapshot(kT0 + 1s, 125, 264'000, 100'000, 122, 3);
        const auto rates = TileStatistics::rates(before, after);
        QVERIFY(rates);
        QCOMPARE(rates->seconds, 1.0);
        QCOMPARE(rates->fpsIn, 25.0);
        QCOMPARE(rates->fpsOut, 24.0);
        QCOMPARE(rates->kbitPerSecond, 512.0);
        QVERIFY(rates->decodeMsPerFrame);
        QCOMPARE(*rates->decodeMsPerFrame, 0.8);
        QCOMPARE(rates->drops, std::uint64_t(1));
    }

    void ratesScaleWithTheInterval()
    {
        // A timer that fired late: 50 frames over 2 s is still 25 fps.
        const auto rates = TileStatistics::rates(snapshot(kT0, 0, 0, 0, 0, 0), snapshot(kT0 + 2s, 50, 128'000, 0, 50, 0));
        QVERIFY(rates);
        QCOMPARE(rates->fpsIn, 25.0);
        QCOMPARE(rates->kbitPerSecond, 512.0);
        QCOMPARE(*rates->decodeMsPerFrame, 0.0);
    }

    void noFramesNoDecodeTime()
    {
        const auto rates = TileStatistics::rates(snapshot(kT0, 10, 1000, 500, 10, 0), snapshot(kT0 + 1s, 10, 1000, 500, 10, 0));
        QVERIFY(rates);
        QCOMPARE(rates->fpsIn, 0.0);
        QVERIFY(!rates->decodeMsPerFrame);
    }

    void noRatesWithoutAnInterval()
    {
        QVERIFY(!TileStatistics::rates(snapshot(kT0, 0, 0, 0, 0, 0), snapshot(kT0, 25, 10, 0, 25, 0)));
        QVERIFY(!TileStatistics::rates(snapshot(kT0, 0, 0, 0, 0, 0), snapshot(kT0 - 1s, 25, 10, 0, 25, 0)));
    }

    void noRatesWhenCountersGoBack()
    {
        // Another session (counters restart from zero): no negative or absurd rates.
        QVERIFY(!TileStatistics::rates(snapshot(kT0, 100, 9000, 10, 100, 0), snapshot(kT0 + 1s, 5, 100, 1, 5, 0)));
    }

    void updateKeepsTheLastInterval()
    {
        TileStatistics statistics;
        QVERIFY(statistics.lines(QStringLiteral("sub stream"), StreamState::Playing).isEmpty());
        statistics.update(snapshot(kT0, 0, 0, 0, 0, 0));
        QVERIFY(!statistics.lastRates());
        QStringList lines = statistics.lines(QStringLiteral("sub stream"), StreamState::Playing);
        QCOMPARE(lines.value(0), QStringLiteral("h264 640x360 · sub stream · playing"));
        QVERIFY2(lines.value(1).startsWith(QStringLiteral("– fps in")), qPrintable(lines.value(1)));

        statistics.update(snapshot(kT0 + 1s, 25, 64'000, 20'000, 25, 0));
        QVERIFY(statistics.lastRates());
        lines = statistics.lines(QStringLiteral("sub stream"), StreamState::Playing);
        QCOMPARE(lines.value(1), QStringLiteral("25.0 fps in / 25.0 out · 512 kbit/s"));
        QCOMPARE(lines.value(2), QStringLiteral("decode 0.8 ms · drops 0 · reconnects 0"));
        QCOMPARE(lines.value(3), QStringLiteral("skipped 0 · errors 0 · last frame 40 ms ago"));

        statistics.update(snapshot(kT0 + 2s, 75, 192'000, 40'000, 74, 1));
        QCOMPARE(statistics.lastRates()->fpsIn, 50.0);
        QCOMPARE(statistics.lastRates()->drops, std::uint64_t(1));

        statistics.reset();
        QVERIFY(!statistics.lastRates());
        QVERIFY(statistics.lines({}, StreamState::Playing).isEmpty());
    }

    void decoderPathAndOverloadLevel()
    {
        TileStatistics statistics;
        TileCounters counters = snapshot(kT0, 0, 0, 0, 0, 0);
        counters.stream.decoderName = QStringLiteral("h264");
        statistics.update(counters);
        QStringList lines = statistics.lines(QStringLiteral("sub stream"), StreamState::Playing);
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines.value(4), QStringLiteral("decoder h264 (software) · full rate"));

        counters.stream.decoderName = QStringLiteral("hevc");
        counters.stream.hardwareDecoding = true;
        counters.stream.overloadLevel = vigie::player::OverloadLevel::KeyFramesOnly;
        counters.stream.overloadSkipped = 240;
        statistics.update(counters);
        lines = statistics.lines(QStringLiteral("main stream"), StreamState::Playing);
        QCOMPARE(lines.value(4), QStringLiteral("decoder hevc (VAAPI) · key frames only, 240 shed"));

        counters.stream.hardwareDecoding = false;
        counters.stream.overloadLevel = vigie::player::OverloadLevel::ReducedRate;
        counters.stream.overloadSkipped = 0;
        statistics.update(counters);
        lines = statistics.lines(QStringLiteral("main stream"), StreamState::Playing);
        QCOMPARE(lines.value(4), QStringLiteral("decoder hevc (software) · reduced rate"));
    }

    void overloadTexts()
    {
        // What the tile's status line starts with while degraded (shown without the statistics).
        using vigie::player::OverloadLevel;
        QVERIFY(TileStatistics::overloadText(OverloadLevel::Full).isEmpty());
        QCOMPARE(TileStatistics::overloadText(OverloadLevel::ReducedRate), QStringLiteral("Overloaded: reduced frame rate"));
        QCOMPARE(TileStatistics::overloadText(OverloadLevel::KeyFramesOnly), QStringLiteral("Overloaded: key frames only"));
    }
};

QTEST_GUILESS_MAIN(TestTileStatistics)
#include "test_tile_statistics.moc"
