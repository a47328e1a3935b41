// Recorded playback against a real vigie-sim that recorded two cheap cameras (2 s segments, a minute of
// backfilled past with one outage each): every picture carries its clip frame number as a barcode, and the
// sim relays frame n mod L at tick n (40 ms ticks since the epoch), so the frame that must be shown at any
// UTC instant is known: frameIndex(tickAt(t)).
//
// Engine (PlaybackSession through the app's RecordingSourceAdapter and the RPC reader, frames read as the
// worker posts them): a seek shows the frame of that instant; playing crosses segment boundaries without
// missing a frame; reverse play and frame steps go backwards frame by frame; two cameras on one clock stay
// within a frame at 1x and 200 ms at 8x; an outage reads "no recording" and playback rejoins at the next
// recorded frame; a time before retention is refused. Wall (a review workspace, pixels read back from the
// wall): both tiles show the barcode of the clock's instant; a 16-tile layout shares the reverse-play budget.

#include <QtTest>

#include <atomic>
#include <mutex>
#include <optional>
#include <vector>

#include "BackendUser.h"
#include "RecordingSourceAdapter.h"
#include "ReviewConsole.h"
#include "SimProcess.h"
#include "WallController.h"
#include "Workspace.h"
#include "FrameBarcode.h"
#include "WallClockSchedule.h"
#include "vigie/player/PlaybackClock.h"
#include "vigie/player/PlaybackSession.h"
#include "vigie/player/VideoFrame.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/rpc/RecordingLink.h"
#include "vigie/widgets/WallWidget.h"

using vigie::player::PlaybackClock;
using vigie::player::PlaybackSession;
using vigie::player::PlaybackState;

namespace {

const QString kCameraA = QStringLiteral("cheap-01");
const QString kCameraB = QStringLiteral("cheap-02");
constexpr int kBackfillSeconds = 120;  // outages (24 s) at 20 % (cheap-01) and 30 % (cheap-02) of it
const vigie::barcode::WallClockSchedule kSchedule = vigie::barcode::WallClockSchedule::simulatorClips();

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// The clip frame shown at `utcMs`: the last tick at or before it.
int frameAt(qint64 utcMs)
{
    return kSchedule.frameIndex(kSchedule.tickAt(utcMs));
}

// Frames a (later) is ahead of b, on the clip loop, in (-L/2, L/2].
int loopDelta(int a, int b)
{
    const int loop = kSchedule.loopFrames();
    int delta = ((a - b) % loop + loop) % loop;
    return delta > loop / 2 ? delta - loop : delta;
}

struct Posted {
    qint64 utcMs = 0;
    int barcode = -1;
    std::chrono::steady_clock::time_point at;  // when the worker posted it
};

// What a session posted, read from the decoded pictures on the worker thread.
class PostLog {
public:
    std::function<void(const vigie::player::VideoFrame&, std::int64_t)> recorder()
    {
        return [this](const vigie::player::VideoFrame& frame, std::int64_t utcUs) {
            const auto value = vigie::barcode::readPlane(frame.planeData(0), frame.planeStride(0), frame.width(),
                                                         frame.height());
            std::lock_guard lock(m_mutex);
            m_posted.push_back({utcUs / 1000, value ? int(*value) : -1, std::chrono::steady_clock::now()});
        };
    }
    std::vector<Posted> take()
    {
        std::lock_guard lock(m_mutex);
        return std::exchange(m_posted, {});
    }
    std::optional<Posted> last()
    {
        std::lock_guard lock(m_mutex);
        return m_posted.empty() ? std::nullopt : std::optional<Posted>(m_posted.back());
    }

private:
    std::mutex m_mutex;
    std::vector<Posted> m_posted;
};

}  // namespace

class TestReviewPlayback : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void seekShowsTheFrameOfThatInstant();
    void playbackCrossesSegmentsWithoutMissingAFrame();
    void reverseAndStepsGoBackFrameByFrame();
    void twoCamerasStayInStep();
    void outageSaysNoRecordingThenRejoins();
    void beforeRetentionIsRefused();
    void reviewWallShowsTheClocksInstant();
    void cleanupTestCase();

private:
    std::unique_ptr<PlaybackSession> session(const QString& camera, const std::shared_ptr<PlaybackClock>& clock,
                                             PostLog* log);
    vigie::test::SimProcess m_sim;
    std::unique_ptr<vigie::rpc::BackendClient> m_backend;
    std::unique_ptr<vigie::rpc::RecordingLink> m_link;
    std::shared_ptr<vigie::app::RecordingSourceAdapter> m_source;
    qint64 m_startedMs = 0;
    qint64 m_recordedFrom = 0;  // cheap-01's first recorded frame (a segment's start); clean for 24 s
};

void TestReviewPlayback::initTestCase()
{
    m_startedMs = nowMs();
    QVERIFY2(m_sim.start({QStringLiteral("--cameras"), QStringLiteral("0"), QStringLiteral("--cheap-cameras"),
                          QStringLiteral("2"), QStringLiteral("--alarm-rate"), QStringLiteral("0"),
                          QStringLiteral("--segment-s"), QStringLiteral("2"), QStringLiteral("--backfill-s"),
                          QString::number(kBackfillSeconds)}),
             qPrintable(m_sim.lastError()));
    m_backend = std::make_unique<vigie::rpc::BackendClient>(
        vigie::test::userOn(m_sim.grpcAddress(), QStringLiteral("supervisor")));
    m_link = std::make_unique<vigie::rpc::RecordingLink>(m_backend.get());
    m_source = std::make_shared<vigie::app::RecordingSourceAdapter>(m_link->reader());
    m_backend->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->state(), vigie::rpc::ConnectionState::Online, 15000);
    std::optional<vigie::rpc::Timeline> timeline;
    m_link->timeline(kCameraA, {m_startedMs - 2 * kBackfillSeconds * 1000, nowMs()}, 0,
                     [&](const auto& t, const auto&) { timeline = t; });
    QTRY_VERIFY_WITH_TIMEOUT(timeline.has_value(), 5000);
    const auto first = std::find_if(timeline->spans.cbegin(), timeline->spans.cend(), [](const auto& span) {
        return span.kind == vigie::rpc::TimelineSpanKind::Recorded;
    });
    QVERIFY(first != timeline->spans.cend());
    m_recordedFrom = first->range.start;
    QVERIFY(first->range.end - m_recordedFrom >= 20'000);  // the backfill's first stretch, before the outage
}

std::unique_ptr<PlaybackSession> TestReviewPlayback::session(const QString& camera,
                                                             const std::shared_ptr<PlaybackClock>& clock, PostLog* log)
{
    vigie::player::PlaybackOptions options;
    options.cameraId = camera.toStdString();
    options.source = m_source;
    options.clock = clock;
    if (log)
        options.onFramePosted = log->recorder();
    auto playback = std::make_unique<PlaybackSession>(std::move(options));
    playback->start();
    return playback;
}

void TestReviewPlayback::seekShowsTheFrameOfThatInstant()
{
    // Instants in the backfilled past of camera B, before its outage (which lies in the backfill's second
    // half): a segment's first frame, mid-GOP, a frame's last millisecond, a segment's last frame.
    const qint64 base = m_recordedFrom + 4000;  // a segment start (2 s segments from the first frame)
    const qint64 instants[] = {base, base + 520, base + 1000 + 39, base + 1960, base + 6013};
    auto clock = std::make_shared<PlaybackClock>(base * 1000);
    PostLog log;
    auto playback = session(kCameraA, clock, &log);
    for (const qint64 at : instants) {
        log.take();
        clock->pauseAt(at * 1000);
        QTRY_VERIFY_WITH_TIMEOUT(log.last().has_value(), 5000);
        const Posted shown = *log.last();
        QVERIFY2(shown.barcode == frameAt(at),
                 qPrintable(QStringLiteral("at %1: barcode %2, expected %3").arg(at).arg(shown.barcode).arg(frameAt(at))));
        QCOMPARE(shown.utcMs, kSchedule.tickTimeMs(kSchedule.tickAt(at)));
    }
    QVERIFY(playback->stats().lastSeekMs > 0);
}

void TestReviewPlayback::playbackCrossesSegmentsWithoutMissingAFrame()
{
    const qint64 from = m_recordedFrom + 3000;  // mid-segment
    auto clock = std::make_shared<PlaybackClock>(from * 1000);
    PostLog log;
    auto playback = session(kCameraA, clock, &log);
    QTRY_VERIFY_WITH_TIMEOUT(log.last().has_value(), 5000);
    log.take();
    clock->setRate(2.0);
    clock->play();  // 2x for 2.5 s: 5 s of recording, two segment boundaries
    QTRY_VERIFY_WITH_TIMEOUT(log.last() && log.last()->utcMs >= from + 5000, 10000);
    clock->pause();
    const std::vector<Posted> posted = log.take();
    QVERIFY(posted.size() >= 100);
    for (std::size_t i = 1; i < posted.size(); ++i) {
        QVERIFY2(posted[i].utcMs == posted[i - 1].utcMs + kSchedule.frameMs(),
                 qPrintable(QStringLiteral("frame %1 at %2 after %3").arg(i).arg(posted[i].utcMs).arg(posted[i - 1].utcMs)));
        QCOMPARE(loopDelta(posted[i].barcode, posted[i - 1].barcode), 1);
    }
    QVERIFY(playback->stats().segmentsOpened >= 3);
}

void TestReviewPlayback::reverseAndStepsGoBackFrameByFrame()
{
    const qint64 from = m_recordedFrom + 8500;  // 0.5 s into a segment
    auto clock = std::make_shared<PlaybackClock>(from * 1000);
    PostLog log;
    auto playback = session(kCameraA, clock, &log);
    QTRY_VERIFY_WITH_TIMEOUT(log.last().has_value(), 5000);
    log.take();
    clock->setRate(-1.0);
    clock->play();  // backwards over the segment boundary 0.5 s behind
    QTRY_VERIFY_WITH_TIMEOUT(log.last() && log.last()->utcMs <= from - 1200, 10000);
    clock->pause();
    std::vector<Posted> posted = log.take();
    QVERIFY(posted.size() >= 25);
    for (std::size_t i = 1; i < posted.size(); ++i) {
        QVERIFY2(posted[i].utcMs < posted[i - 1].utcMs, qPrintable(QString::number(i)));
        QCOMPARE(loopDelta(posted[i].barcode, posted[i - 1].barcode), int((posted[i].utcMs - posted[i - 1].utcMs) / 40));
    }
    // Frame steps: each one frame back, then forward.
    const Posted start = posted.back();
    Posted previous = start;
    for (const int step : {-1, -1, -1, 1}) {
        log.take();
        playback->step(step);
        QTRY_VERIFY_WITH_TIMEOUT(log.last().has_value(), 5000);
        const Posted now = *log.last();
        QCOMPARE(now.utcMs, previous.utcMs + step * kSchedule.frameMs());
        QCOMPARE(loopDelta(now.barcode, previous.barcode), step);
        previous = now;
    }
    QVERIFY(clock->isPaused());
}

void TestReviewPlayback::twoCamerasStayInStep()
{
    // In step: each recorded instant is put on screen by both tiles at the same moment, give or take what
    // the clock covers in that skew: one frame (40 ms of recording) at 1x, 200 ms at 8x (where only key
    // frames are shown, one a second).
    const qint64 from = m_recordedFrom + 1000;  // 1.5 s at 1x, then 12 s at 8x: before either outage
    auto clock = std::make_shared<PlaybackClock>(from * 1000);
    PostLog logA;
    PostLog logB;
    auto a = session(kCameraA, clock, &logA);
    auto b = session(kCameraB, clock, &logB);
    QTRY_VERIFY_WITH_TIMEOUT(logA.last() && logB.last(), 5000);
    for (const double rate : {1.0, 8.0}) {
        const double bound = rate == 1.0 ? double(kSchedule.frameMs()) : 200.0;
        logA.take();
        logB.take();
        clock->setRate(rate);
        clock->play();
        const qint64 until = clock->position() / 1000 + qint64(1500 * rate);
        QTRY_VERIFY_WITH_TIMEOUT(logA.last() && logA.last()->utcMs >= until && logB.last() &&
                                     logB.last()->utcMs >= until,
                                 5000);
        clock->pause();
        const std::vector<Posted> postedA = logA.take();
        const std::vector<Posted> postedB = logB.take();
        double worst = 0;
        int common = 0;
        for (const Posted& pa : postedA) {
            const auto pb = std::find_if(postedB.cbegin(), postedB.cend(), [&](const Posted& p) { return p.utcMs == pa.utcMs; });
            if (pb == postedB.cend())
                continue;
            ++common;
            const double skewMs = std::abs(std::chrono::duration<double, std::milli>(pa.at - pb->at).count());
            worst = std::max(worst, skewMs * rate);  // in recording time
        }
        qInfo("at %gx: %d pictures shown by both, at most %.1f ms of recording apart", rate, common, worst);
        QVERIFY(common >= (rate == 1.0 ? 30 : 8));
        QVERIFY2(worst <= bound, qPrintable(QStringLiteral("%1 ms apart at %2x").arg(worst).arg(rate)));
    }
}

void TestReviewPlayback::outageSaysNoRecordingThenRejoins()
{
    // Camera B's backfilled outage, as the timeline reports it.
    std::optional<vigie::rpc::Timeline> timeline;
    m_link->timeline(kCameraB, {m_recordedFrom, nowMs()}, 0,
                     [&](const auto& t, const auto&) { timeline = t; });
    QTRY_VERIFY_WITH_TIMEOUT(timeline.has_value(), 5000);
    const auto gap = std::find_if(timeline->spans.cbegin(), timeline->spans.cend(), [&](const auto& span) {
        return span.kind == vigie::rpc::TimelineSpanKind::Gap && span.range.start > m_recordedFrom;
    });
    QVERIFY(gap != timeline->spans.cend());
    auto clock = std::make_shared<PlaybackClock>((gap->range.start + 1000) * 1000);
    PostLog log;
    auto playback = session(kCameraB, clock, &log);
    QTRY_COMPARE_WITH_TIMEOUT(playback->state(), PlaybackState::NoRecording, 5000);
    QVERIFY(!log.last().has_value());  // nothing shown for a time nothing was recorded
    clock->seek((gap->range.end - 500) * 1000);
    clock->play();
    QTRY_VERIFY_WITH_TIMEOUT(log.last().has_value(), 5000);
    const Posted first = log.take().front();
    QCOMPARE(first.utcMs, gap->range.end);  // the first recorded frame after the outage
    QCOMPARE(first.barcode, frameAt(gap->range.end));
    QTRY_COMPARE_WITH_TIMEOUT(playback->state(), PlaybackState::Playing, 2000);

    // Back into the outage from a picture well after it: nothing of that later picture remains. A step
    // counts from the clock's instant (one frame after it: the first recorded frame is the gap's end), and
    // playing from the gap shows the gap's end first, not a skip to where the picture was.
    clock->pause();
    log.take();
    clock->pauseAt((gap->range.end - 3000) * 1000);
    QTRY_COMPARE_WITH_TIMEOUT(playback->state(), PlaybackState::NoRecording, 5000);
    clock->seek((gap->range.end - 200) * 1000);
    clock->play();
    QTRY_VERIFY_WITH_TIMEOUT(log.last().has_value(), 5000);
    QCOMPARE(log.take().front().utcMs, gap->range.end);
}

void TestReviewPlayback::beforeRetentionIsRefused()
{
    auto clock = std::make_shared<PlaybackClock>((nowMs() - 40LL * 24 * 3600 * 1000) * 1000);
    auto playback = session(kCameraA, clock, nullptr);
    QTRY_COMPARE_WITH_TIMEOUT(playback->state(), PlaybackState::OutOfRetention, 5000);
}

void TestReviewPlayback::reviewWallShowsTheClocksInstant()
{
    vigie::app::Workspace workspace(m_backend.get(), QStringLiteral("Review"), nullptr,
                                    vigie::app::Workspace::Kind::Review);
    workspace.controller()->setLayout(vigie::widgets::WallLayout::grid(2, 1));
    workspace.setRecordingLinks(m_link.get(), nullptr);
    workspace.resize(1280, 600);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    workspace.controller()->assign(0, kCameraA);
    workspace.controller()->assign(1, kCameraB);
    auto* wall = workspace.wall();
    const auto barcodeOf = [wall](int tile) -> int {
        constexpr double kReadFraction = 1.5 * vigie::barcode::kBandFraction;
        const QImage band = wall->grabPictureArea(tile, QRectF(0, 0, 1, kReadFraction));
        if (band.isNull())
            return -1;
        const auto value = vigie::barcode::read([&](double x, double y) {
            const int column = std::clamp(int(x * band.width()), 0, band.width() - 1);
            const int row = std::clamp(int(y / kReadFraction * band.height()), 0, band.height() - 1);
            const QRgb rgb = band.pixel(column, row);
            return 0.299 * qRed(rgb) + 0.587 * qGreen(rgb) + 0.114 * qBlue(rgb);
        });
        return value ? int(*value) : -1;
    };
    const qint64 at = m_recordedFrom + 5230;
    workspace.review()->seekTo(at);
    QTRY_VERIFY_WITH_TIMEOUT(barcodeOf(0) == frameAt(at) && barcodeOf(1) == frameAt(at), 8000);
    QCOMPARE(workspace.controller()->playbackState(0), PlaybackState::Paused);
    // A frame later, on both tiles.
    workspace.review()->seekTo(at + kSchedule.frameMs());
    QTRY_VERIFY_WITH_TIMEOUT(barcodeOf(0) == frameAt(at + 40) && barcodeOf(1) == frameAt(at + 40), 8000);
    QCOMPARE(workspace.controller()->playbackSession(0)->reverseCacheBytes(), std::size_t(48) << 20);

    // A 16-tile review shares one budget of decoded pictures for reverse play: 24 MiB a tile, not 48, the
    // tiles already playing included; back to 2 tiles, 48 again.
    workspace.controller()->setLayout(vigie::widgets::WallLayout::grid(4, 4));
    workspace.controller()->assign(15, kCameraB);
    QVERIFY(workspace.controller()->playbackSession(15));
    QCOMPARE(workspace.controller()->playbackSession(15)->reverseCacheBytes(), std::size_t(24) << 20);
    QCOMPARE(workspace.controller()->playbackSession(0)->reverseCacheBytes(), std::size_t(24) << 20);
    workspace.controller()->setLayout(vigie::widgets::WallLayout::grid(2, 1));
    QCOMPARE(workspace.controller()->playbackSession(0)->reverseCacheBytes(), std::size_t(48) << 20);
}

void TestReviewPlayback::cleanupTestCase()
{
    m_source.reset();
    m_link.reset();
    m_backend.reset();
    m_sim.stop();
}

QTEST_MAIN(TestReviewPlayback)
#include "test_review_playback.moc"
