// RecordingLink, RecordingReader and BookmarkLink against a real vigie-sim recording two cheap cameras in
// 2 s segments: the timeline covers what was recorded and shows an outage as a gap; the reader lists and
// reads a complete segment to its last byte (an MP4 file), refuses what retention destroyed, and gives
// up within milliseconds when cancelled, even with the backend frozen; events carry the outage; bookmarks
// round-trip with a conflict on a stale version; a viewer may not read recordings.

#include <grpcpp/support/status.h>

#include <QtTest>

#include <atomic>
#include <chrono>
#include <thread>

#include "BackendUser.h"
#include "SimProcess.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/rpc/BookmarkLink.h"
#include "vigie/rpc/RecordingLink.h"
#include "vigie/rpc/RecordingReader.h"

using namespace vigie::rpc;
using vigie::test::userOn;

namespace {

const QString kCamera = QStringLiteral("cheap-01");
const QString kOutageCamera = QStringLiteral("cheap-02");
constexpr int kRetentionSeconds = 30;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

}  // namespace

class TestRecordingLink : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void timelineShowsRecordingAndOutage();
    void readerReadsACompleteSegment();
    void readerRefusesWhatRetentionDestroyed();
    void readerCancelsWithTheBackendFrozen();
    void bookmarksRoundTrip();
    void viewerMayNotReadRecordings();
    void cleanupTestCase();

private:
    vigie::test::SimProcess m_sim;
    std::unique_ptr<BackendClient> m_backend;
    std::unique_ptr<RecordingLink> m_link;
    qint64 m_startedMs = 0;
    TimeSpanMs m_outage;
};

void TestRecordingLink::initTestCase()
{
    m_startedMs = nowMs();
    QVERIFY2(m_sim.start({QStringLiteral("--cameras"), QStringLiteral("0"), QStringLiteral("--cheap-cameras"),
                          QStringLiteral("2"), QStringLiteral("--alarm-rate"), QStringLiteral("0"),
                          QStringLiteral("--segment-s"), QStringLiteral("2"), QStringLiteral("--retention-s"),
                          QString::number(kRetentionSeconds)}),
             qPrintable(m_sim.lastError()));
    m_backend = std::make_unique<BackendClient>(userOn(m_sim.grpcAddress(), QStringLiteral("supervisor")));
    m_link = std::make_unique<RecordingLink>(m_backend.get());
    m_backend->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->state(), ConnectionState::Online, 15000);
    QVERIFY(m_backend->mayViewRecordings(kCamera));
    // An outage of cheap-02 of about 2 s, once it has recorded a little.
    QTest::qWait(2500);  // recording time before the outage: what the test is about, not a synchronisation
    m_outage.start = nowMs();
    QVERIFY(m_sim.command(QStringLiteral("camera %1 offline").arg(kOutageCamera)));
    QTest::qWait(2000);
    m_outage.end = nowMs();
    QVERIFY(m_sim.command(QStringLiteral("camera %1 online").arg(kOutageCamera)));
    // Three segments of cheap-01 at least, and cheap-02 recorded again well after its return (its first
    // segment starts at the next key frame and is readable from the key frame after).
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QString reply;
            return m_sim.command(QStringLiteral("recording-status %1").arg(kCamera), &reply) &&
                   QRegularExpression(QStringLiteral("segments=([3-9]|\\d\\d)")).match(reply).hasMatch();
        }(),
        15000);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QString reply;
            if (!m_sim.command(QStringLiteral("recording-status %1").arg(kOutageCamera), &reply))
                return false;
            const auto end = QRegularExpression(QStringLiteral("current_end_ms=(\\d+)")).match(reply);
            return end.hasMatch() && end.captured(1).toLongLong() > m_outage.end + 1500;
        }(),
        15000);
}

void TestRecordingLink::timelineShowsRecordingAndOutage()
{
    std::optional<Timeline> timeline;
    std::optional<RpcError> error;
    const TimeSpanMs range{m_startedMs - 10'000, nowMs() + 10'000};
    m_link->timeline(kOutageCamera, range, 0, [&](const Timeline& t, const auto& e) {
        timeline = t;
        error = e;
    });
    QTRY_VERIFY_WITH_TIMEOUT(timeline.has_value(), 5000);
    QVERIFY2(!error, qPrintable(error ? error->text : QString()));
    QVERIFY(!timeline->spans.isEmpty());
    // Spans in order, contiguous, covering the request up to now.
    for (int i = 1; i < timeline->spans.size(); ++i)
        QCOMPARE(timeline->spans[i].range.start, timeline->spans[i - 1].range.end);
    QCOMPARE(timeline->spans.first().range.start, range.start);
    QVERIFY(timeline->spans.last().range.end <= nowMs() + 1000);
    // Recorded, then the outage as a gap (it may run to the next key frame, up to 1 s more), recorded again.
    const auto gap = std::find_if(timeline->spans.cbegin(), timeline->spans.cend(), [&](const TimelineSpan& span) {
        return span.kind == TimelineSpanKind::Gap && span.range.start > m_startedMs;
    });
    QVERIFY(gap != timeline->spans.cend());
    QVERIFY2(std::abs(gap->range.start - m_outage.start) < 300,
             qPrintable(QStringLiteral("gap from %1, outage from %2").arg(gap->range.start).arg(m_outage.start)));
    QVERIFY2(gap->range.end >= m_outage.end - 300 && gap->range.end <= m_outage.end + 1300,
             qPrintable(QStringLiteral("gap to %1, outage to %2").arg(gap->range.end).arg(m_outage.end)));
    QVERIFY(gap != timeline->spans.cbegin() && (gap - 1)->kind == TimelineSpanKind::Recorded);
    QVERIFY(gap + 1 != timeline->spans.cend() && (gap + 1)->kind == TimelineSpanKind::Recorded);

    // The events mark it.
    std::optional<QList<RecordedEvent>> events;
    m_link->searchEvents({kOutageCamera}, range, [&](const auto& list, const auto& e) {
        events = list;
        error = e;
    });
    QTRY_VERIFY_WITH_TIMEOUT(events.has_value(), 5000);
    QVERIFY(!error);
    const auto has = [&](RecordedEventKind kind, qint64 near) {
        return std::any_of(events->cbegin(), events->cend(), [&](const RecordedEvent& event) {
            return event.kind == kind && event.cameraId == kOutageCamera && std::abs(event.range.start - near) < 300;
        });
    };
    QVERIFY(has(RecordedEventKind::CameraOffline, m_outage.start));
    QVERIFY(has(RecordedEventKind::CameraOnline, m_outage.end));
}

void TestRecordingLink::readerReadsACompleteSegment()
{
    auto reader = m_link->reader();
    const std::atomic<bool> cancel{false};
    const qint64 at = (nowMs() - 4000) * 1000;
    const SegmentList list = reader->segmentsAt(kCamera, at, cancel);
    QVERIFY2(list.status == ReadStatus::Ok, qPrintable(list.error.text));
    QCOMPARE(list.segments.size(), 1);
    const SegmentInfo segment = list.segments.first();
    QVERIFY(segment.complete);
    QVERIFY(segment.startUs <= at && at < segment.endUs);
    QCOMPARE(segment.cameraId, kCamera);
    QByteArray bytes;
    bool end = false;
    while (!end) {
        const SegmentBytes chunk = reader->read(segment.id, bytes.size(), 100'000, cancel);
        QVERIFY2(chunk.status == ReadStatus::Ok, qPrintable(chunk.error.text));
        QVERIFY(!chunk.data.isEmpty() || chunk.endOfSegment);
        bytes += chunk.data;
        end = chunk.endOfSegment;
        QVERIFY(bytes.size() <= segment.sizeBytes);
    }
    QCOMPARE(bytes.size(), segment.sizeBytes);
    QCOMPARE(bytes.mid(4, 4), QByteArray("ftyp"));  // an ISO BMFF file
    QVERIFY(reader->readCount() >= std::uint64_t(segment.sizeBytes / 100'000));
}

void TestRecordingLink::readerRefusesWhatRetentionDestroyed()
{
    const std::atomic<bool> cancel{false};
    const SegmentList list =
        m_link->reader()->segmentsAt(kCamera, (nowMs() - 3 * kRetentionSeconds * 1000) * 1000, cancel);
    QCOMPARE(int(list.status), int(ReadStatus::OutOfRange));
    QVERIFY2(list.error.text.contains(QString::number(kRetentionSeconds)), qPrintable(list.error.text));
}

void TestRecordingLink::readerCancelsWithTheBackendFrozen()
{
    // The backend freezes (SIGSTOP): a read hangs until its deadline, unless the player cancels it.
    QVERIFY2(m_backend->state() == ConnectionState::Online, qPrintable(m_backend->stateDetail()));
    auto reader = m_link->reader();
    QVERIFY2(m_sim.freeze(), qPrintable(m_sim.lastError()));
    // Whatever happens below, the sim runs again for the tests after this one.
    const auto resume = qScopeGuard([this] { m_sim.thaw(); });

    std::atomic<bool> cancel{false};
    std::atomic<bool> returned{false};
    SegmentList result;
    std::thread player([&] {
        result = reader->segmentsAt(kCamera, nowMs() * 1000, cancel);
        returned = true;
    });
    // A failed check below returns from here: the player thread is cancelled and joined first.
    const auto joinPlayer = qScopeGuard([&] {
        cancel = true;
        if (player.joinable())
            player.join();
    });
    QTest::qWait(200);  // the call is on its way, with nobody answering
    QVERIFY2(!returned, qPrintable(QStringLiteral("the call ended with nobody answering: status %1, %2")
                                       .arg(int(result.status))
                                       .arg(result.error.text)));
    QElapsedTimer cancelling;
    cancelling.start();
    cancel = true;
    player.join();
    const qint64 tookMs = cancelling.elapsed();
    QCOMPARE(int(result.status), int(ReadStatus::Cancelled));
    QVERIFY2(tookMs < 100, qPrintable(QString::number(tookMs)));
}

void TestRecordingLink::bookmarksRoundTrip()
{
    BookmarkLink bookmarks(m_backend.get());
    QSignalSpy changed(&bookmarks, &BookmarkLink::changed);
    std::optional<Bookmark> created;
    std::optional<RpcError> error;
    bool done = false;
    const TimeSpanMs range{nowMs() - 5000, nowMs() - 2000};
    bookmarks.create(kCamera, range, QStringLiteral("Véhicule arrêté"), QStringLiteral("portière ouverte"),
                     [&](const auto& b, const auto& e) {
                         created = b;
                         error = e;
                         done = true;
                     });
    QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
    QVERIFY2(created && !error, qPrintable(error ? error->text : QString()));
    QCOMPARE(created->range, range);
    QCOMPARE(created->version, qint64(1));
    QCOMPARE(changed.count(), 1);

    // Found by words of the title, accents and case ignored.
    std::optional<QList<Bookmark>> found;
    BookmarkLink::Query query;
    query.text = QStringLiteral("VEHICULE arrete");
    bookmarks.list(query, [&](const auto& list, const auto& e) {
        found = list;
        error = e;
    });
    QTRY_VERIFY_WITH_TIMEOUT(found.has_value(), 5000);
    QVERIFY(!error);
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->first().id, created->id);

    // Changed once; the same change from the old version is a conflict, not an overwrite.
    Bookmark edited = *created;
    edited.title = QStringLiteral("Véhicule arrêté, conducteur sorti");
    std::optional<Bookmark> updated;
    done = false;
    bookmarks.update(edited, [&](const auto& b, const auto& e) {
        updated = b;
        error = e;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
    QVERIFY(updated && !error);
    QCOMPARE(updated->version, qint64(2));
    done = false;
    bookmarks.update(edited, [&](const auto&, const auto& e) {
        error = e;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
    QVERIFY(error && error->isConflict());

    done = false;
    bookmarks.remove(*updated, [&](const auto& e) {
        error = e;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
    QVERIFY(!error);
    found.reset();
    bookmarks.list(query, [&](const auto& list, const auto&) { found = list; });
    QTRY_VERIFY_WITH_TIMEOUT(found.has_value(), 5000);
    QVERIFY(found->isEmpty());
}

void TestRecordingLink::viewerMayNotReadRecordings()
{
    BackendClient viewer(userOn(m_sim.grpcAddress(), QStringLiteral("viewer")));
    RecordingLink link(&viewer);
    viewer.start();
    QTRY_COMPARE_WITH_TIMEOUT(viewer.state(), ConnectionState::Online, 15000);
    QVERIFY(!viewer.mayViewRecordings(kCamera));
    std::optional<RpcError> error;
    bool done = false;
    link.timeline(kCamera, {nowMs() - 5000, nowMs()}, 0, [&](const auto&, const auto& e) {
        error = e;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
    QVERIFY(error.has_value());
    QCOMPARE(error->code, int(grpc::StatusCode::PERMISSION_DENIED));
}

void TestRecordingLink::cleanupTestCase()
{
    m_link.reset();
    m_backend.reset();
    m_sim.stop();
}

QTEST_GUILESS_MAIN(TestRecordingLink)
#include "test_recording_link.moc"
