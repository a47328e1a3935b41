// The recordings' pure rules without the simulator, with injected times: the timeline's spans (gaps,
// retention, resolution, the 10,000-span cap), the retention window and its refusals, the segment index
// (lookup at an instant, paging, purge), the event log's filters, the bookmark store (validation,
// retries, versions, ownership, accent-insensitive search, ordering, paging) and evidence locks (what they
// hold beyond retention, release, expiry).

#include "BookmarkStore.h"
#include "EvidenceLockStore.h"
#include "RecordedEventLog.h"
#include "RetentionWindow.h"
#include "SegmentIndex.h"
#include "TextFolding.h"
#include "TimelineBuilder.h"

#include <google/protobuf/util/time_util.h>

#include <QtTest>

using google::protobuf::util::TimeUtil;
using vigie::sim::BookmarkStore;
using vigie::sim::EvidenceLockStore;
using vigie::sim::RecordedEventLog;
using vigie::sim::RetentionWindow;
using vigie::sim::SegmentIndex;
using vigie::sim::TextFolding;
using vigie::sim::TimelineBuilder;
using Kind = TimelineBuilder::Kind;
using Span = TimelineBuilder::Span;

namespace {

constexpr std::int64_t kT0 = 1'800'000'000'000;  // an instant in 2027, ms

QString describe(const std::vector<Span>& spans)
{
    QStringList parts;
    for (const auto& span : spans)
        parts << QStringLiteral("%1%2[%3,%4)")
                     .arg(span.kind == Kind::Recorded ? "R" : span.kind == Kind::Gap ? "G" : "X")
                     .arg(span.locked ? "*" : "")
                     .arg(span.startMs - kT0)
                     .arg(span.endMs - kT0);
    return parts.join(' ');
}

vigie::v1::TimeRange range(std::int64_t start, std::int64_t end)
{
    vigie::v1::TimeRange r;
    *r.mutable_start() = TimeUtil::MillisecondsToTimestamp(start);
    *r.mutable_end() = TimeUtil::MillisecondsToTimestamp(end);
    return r;
}

SegmentIndex::Segment segment(const std::string& camera, std::int64_t start, std::int64_t end, bool complete = true)
{
    SegmentIndex::Segment s;
    s.id = SegmentIndex::makeId(camera, start);
    s.cameraId = camera;
    s.startMs = start;
    s.endMs = end;
    s.complete = complete;
    s.sizeBytes = 1000;
    s.path = "/nowhere";
    return s;
}

} // namespace

class TestSimRecordingsModel : public QObject {
    Q_OBJECT

private slots:
    void timelineExactWithGapsAndRetention();
    void timelineResolutionAbsorbsGapsAndWidensShortRecordings();
    void timelineCapsTheSpanCount();
    void timelineKeepsLockedRecordingsBeyondRetention();
    void evidenceLocks();
    void retentionWindowRefusals();
    void segmentIndexLookupsPagingAndPurge();
    void eventLogFilters();
    void textFolding();
    void bookmarkRules();
    void bookmarkListing();
};

void TestSimRecordingsModel::timelineExactWithGapsAndRetention()
{
    // Two touching segments (one recording), a gap, one more segment; retention starts at +1000.
    const std::vector<std::pair<std::int64_t, std::int64_t>> recorded = {
        {kT0 + 500, kT0 + 2000}, {kT0 + 2000, kT0 + 3000}, {kT0 + 5000, kT0 + 6000}};
    const auto result = TimelineBuilder::build(recorded, kT0, kT0 + 7000, kT0 + 1000, 0);
    const std::vector<Span> expected = {{Kind::OutOfRetention, kT0, kT0 + 1000},
                                        {Kind::Recorded, kT0 + 1000, kT0 + 3000},
                                        {Kind::Gap, kT0 + 3000, kT0 + 5000},
                                        {Kind::Recorded, kT0 + 5000, kT0 + 6000},
                                        {Kind::Gap, kT0 + 6000, kT0 + 7000}};
    QVERIFY2(result.spans == expected, qPrintable(describe(result.spans)));
    QCOMPARE(result.effectiveResolutionMs, 0);

    // A range entirely before the window: one OUT_OF_RETENTION span. Nothing recorded: one gap.
    const auto old = TimelineBuilder::build(recorded, kT0 - 5000, kT0 - 1000, kT0 + 1000, 0);
    QVERIFY2((old.spans == std::vector<Span>{{Kind::OutOfRetention, kT0 - 5000, kT0 - 1000}}), qPrintable(describe(old.spans)));
    const auto none = TimelineBuilder::build({}, kT0 + 2000, kT0 + 3000, kT0, 0);
    QVERIFY2((none.spans == std::vector<Span>{{Kind::Gap, kT0 + 2000, kT0 + 3000}}), qPrintable(describe(none.spans)));
    // An empty range has no spans.
    QVERIFY(TimelineBuilder::build(recorded, kT0 + 10, kT0 + 10, kT0, 0).spans.empty());
}

void TestSimRecordingsModel::timelineResolutionAbsorbsGapsAndWidensShortRecordings()
{
    // At 100 ms: the 40 ms gap between two recordings disappears, the 20 ms recording is widened to
    // 100 ms (over the gap after it), the 500 ms gap stays.
    const std::vector<std::pair<std::int64_t, std::int64_t>> recorded = {
        {kT0, kT0 + 1000}, {kT0 + 1040, kT0 + 2000}, {kT0 + 2500, kT0 + 2520}};
    const auto result = TimelineBuilder::build(recorded, kT0, kT0 + 4000, kT0 - 1, 100);
    const std::vector<Span> expected = {{Kind::Recorded, kT0, kT0 + 2000},
                                        {Kind::Gap, kT0 + 2000, kT0 + 2500},
                                        {Kind::Recorded, kT0 + 2500, kT0 + 2600},
                                        {Kind::Gap, kT0 + 2600, kT0 + 4000}};
    QVERIFY2(result.spans == expected, qPrintable(describe(result.spans)));
    QCOMPARE(result.effectiveResolutionMs, 100);

    // A short recording at the range's end is widened backwards over the gap before it.
    const auto atEnd = TimelineBuilder::build({{kT0 + 990, kT0 + 1000}}, kT0, kT0 + 1000, kT0 - 1, 100);
    const std::vector<Span> expectedAtEnd = {{Kind::Gap, kT0, kT0 + 900}, {Kind::Recorded, kT0 + 900, kT0 + 1000}};
    QVERIFY2(atEnd.spans == expectedAtEnd, qPrintable(describe(atEnd.spans)));

    // A short gap at the live edge, next to the recording, is absorbed.
    const auto live = TimelineBuilder::build({{kT0, kT0 + 960}}, kT0, kT0 + 1000, kT0 - 1, 100);
    QVERIFY2((live.spans == std::vector<Span>{{Kind::Recorded, kT0, kT0 + 1000}}), qPrintable(describe(live.spans)));
}

void TestSimRecordingsModel::timelineCapsTheSpanCount()
{
    // 30,000 one-second recordings separated by one-second gaps: 60,000 exact spans.
    std::vector<std::pair<std::int64_t, std::int64_t>> recorded;
    for (int i = 0; i < 30'000; ++i)
        recorded.emplace_back(kT0 + i * 2000LL, kT0 + i * 2000LL + 1000);
    const auto exact = TimelineBuilder::build(recorded, kT0, kT0 + 60'000'000, kT0 - 1, 0, 1'000'000);
    QCOMPARE(exact.spans.size(), 60'000u);
    const auto capped = TimelineBuilder::build(recorded, kT0, kT0 + 60'000'000, kT0 - 1, 0);
    QVERIFY(capped.spans.size() <= TimelineBuilder::kMaxSpans);
    QVERIFY(capped.effectiveResolutionMs > 1000);  // gaps of 1 s absorbed
    // Still covering the range in order, without holes.
    QCOMPARE(capped.spans.front().startMs, kT0);
    QCOMPARE(capped.spans.back().endMs, kT0 + 60'000'000);
    for (std::size_t i = 1; i < capped.spans.size(); ++i)
        QCOMPARE(capped.spans[i].startMs, capped.spans[i - 1].endMs);
}

void TestSimRecordingsModel::timelineKeepsLockedRecordingsBeyondRetention()
{
    // Recorded [0, 4000) and [5000, 8000); the window starts at +6000; a lock holds [1000, 2000).
    const std::vector<std::pair<std::int64_t, std::int64_t>> recorded = {{kT0, kT0 + 4000}, {kT0 + 5000, kT0 + 8000}};
    const auto result =
        TimelineBuilder::build(recorded, kT0, kT0 + 9000, kT0 + 6000, 0, TimelineBuilder::kMaxSpans, {{kT0 + 1000, kT0 + 2000}});
    const std::vector<Span> expected = {{Kind::OutOfRetention, kT0, kT0 + 1000, false},
                                        {Kind::Recorded, kT0 + 1000, kT0 + 2000, true},
                                        {Kind::OutOfRetention, kT0 + 2000, kT0 + 6000, false},
                                        {Kind::Recorded, kT0 + 6000, kT0 + 8000, false},
                                        {Kind::Gap, kT0 + 8000, kT0 + 9000, false}};
    QVERIFY2(result.spans == expected, qPrintable(describe(result.spans)));
    // Inside the window, a lock only flags the recording it covers.
    const auto inside =
        TimelineBuilder::build(recorded, kT0 + 6000, kT0 + 8000, kT0, 0, TimelineBuilder::kMaxSpans, {{kT0 + 7000, kT0 + 9000}});
    const std::vector<Span> expectedInside = {{Kind::Recorded, kT0 + 6000, kT0 + 7000, false},
                                              {Kind::Recorded, kT0 + 7000, kT0 + 8000, true}};
    QVERIFY2(inside.spans == expectedInside, qPrintable(describe(inside.spans)));
}

void TestSimRecordingsModel::evidenceLocks()
{
    std::int64_t now = kT0;
    EvidenceLockStore locks([&now] { return now; });
    const EvidenceLockStore::Actor opj{"opj", "OPJ Martin"};
    vigie::v1::CreateEvidenceLockRequest create;
    create.set_request_id("l-1");
    create.add_camera_ids("cam-01");
    *create.mutable_range() = range(kT0 - 10'000, kT0 - 5000);
    create.set_procedure_number("PV 2026/1234");
    create.set_requesting_authority("Parquet de Lyon");
    create.set_reason("Rixe");
    auto missing = create;
    missing.set_procedure_number("");
    QCOMPARE(locks.create(missing, opj, kT0 - 20'000).status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    // Part of it already destroyed: refused, nothing locked.
    QCOMPARE(locks.create(create, opj, kT0 - 8000).status.error_code(), grpc::StatusCode::OUT_OF_RANGE);
    const auto created = locks.create(create, opj, kT0 - 20'000);
    QVERIFY(created.status.ok());
    QCOMPARE(created.lock.state(), vigie::v1::EVIDENCE_LOCK_STATE_ACTIVE);
    QCOMPARE(locks.create(create, opj, kT0 - 20'000).lock.id(), created.lock.id());  // a retry
    QVERIFY(locks.holds("cam-01", kT0 - 6000, kT0 - 5500));
    QVERIFY(!locks.holds("cam-01", kT0 - 5000, kT0));  // half-open
    QVERIFY(!locks.holds("cam-02", kT0 - 6000, kT0 - 5500));
    QCOMPARE(locks.heldRanges("cam-01").size(), 1u);

    // Another lock over the first one's range is allowed even once retention passed it.
    create.set_request_id("l-2");
    *create.mutable_hold_until() = TimeUtil::MillisecondsToTimestamp(kT0 + 1000);
    QVERIFY(locks.create(create, opj, kT0 - 1000).status.ok());

    EvidenceLockStore::Query query;
    query.cameraIds = {"cam-01"};
    QCOMPARE(locks.list(query).total, 2u);
    now = kT0 + 1000;  // the second one expires
    QCOMPARE(locks.list(query).total, 1u);
    query.includeInactive = true;
    const auto all = locks.list(query);
    QCOMPARE(all.total, 2u);
    QCOMPARE(all.locks.front().state(), vigie::v1::EVIDENCE_LOCK_STATE_EXPIRED);  // newest first

    vigie::v1::ReleaseEvidenceLockRequest release;
    release.set_request_id("r-1");
    release.set_lock_id(created.lock.id());
    QCOMPARE(locks.release(release, opj).status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);  // no reason
    release.set_reason("classement sans suite");
    const auto released = locks.release(release, opj);
    QVERIFY(released.status.ok());
    QCOMPARE(released.lock.state(), vigie::v1::EVIDENCE_LOCK_STATE_RELEASED);
    QCOMPARE(released.lock.released_by(), std::string("opj"));
    QVERIFY(locks.release(release, opj).status.ok());  // a retry
    release.set_request_id("r-2");
    QCOMPARE(locks.release(release, opj).status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    QVERIFY(!locks.holds("cam-01", kT0 - 6000, kT0 - 5500));
}

void TestSimRecordingsModel::retentionWindowRefusals()
{
    QVERIFY(RetentionWindow::isValid(2'592'000));
    QVERIFY(!RetentionWindow::isValid(2'592'001));
    QVERIFY(!RetentionWindow::isValid(0));
    const RetentionWindow window(20);
    QCOMPARE(window.availableFromMs(kT0), kT0 - 20'000);
    QVERIFY(window.refusal(kT0 - 30'000, kT0 - 19'000, kT0).empty());  // reaches into the window
    const std::string refusal = window.refusal(kT0 - 30'000, kT0 - 20'000, kT0);  // ends at its start
    QVERIFY(!refusal.empty());
    QVERIFY2(refusal.find("20 s") != std::string::npos, refusal.c_str());
    QVERIFY2(refusal.find(RetentionWindow::isoUtc(kT0 - 20'000)) != std::string::npos, refusal.c_str());
    QVERIFY(!window.refusal(kT0 - 20'001, kT0 - 20'001, kT0).empty());  // an instant before
    QVERIFY(window.refusal(kT0 - 20'000, kT0 - 20'000, kT0).empty());
    QCOMPARE(RetentionWindow(2'592'000).describe(), std::string("30 days"));
    QCOMPARE(RetentionWindow::isoUtc(0), std::string("1970-01-01T00:00:00.000Z"));
}

void TestSimRecordingsModel::segmentIndexLookupsPagingAndPurge()
{
    SegmentIndex index;
    index.add(segment("cam-01", kT0, kT0 + 2000));
    index.add(segment("cam-01", kT0 + 2000, kT0 + 4000));
    index.add(segment("cam-01", kT0 + 10'000, kT0 + 10'400, false));  // growing: last sample at +10400
    std::string camera;
    std::int64_t start = 0;
    QVERIFY(SegmentIndex::parseId(SegmentIndex::makeId("cam-01", kT0), &camera, &start));
    QCOMPARE(camera, std::string("cam-01"));
    QCOMPARE(start, kT0);
    QVERIFY(!SegmentIndex::parseId("cam-01", &camera, &start));
    QVERIFY(!SegmentIndex::parseId("cam-01/12x", &camera, &start));

    QCOMPARE(index.at("cam-01", kT0 + 1999)->startMs, kT0);
    QCOMPARE(index.at("cam-01", kT0 + 2000)->startMs, kT0 + 2000);
    QCOMPARE(index.at("cam-01", kT0 + 5000)->startMs, kT0 + 10'000);  // in the gap: the next one
    QCOMPARE(index.at("cam-01", kT0 + 20'000)->startMs, kT0 + 10'000);  // the live one holds up to now
    QVERIFY(!index.at("cam-02", kT0));
    QCOMPARE(index.at("cam-01", kT0 - 5000)->startMs, kT0);

    bool more = false;
    auto page = index.overlapping("cam-01", kT0 + 1000, kT0 + 50'000, 0, 2, &more);
    QCOMPARE(page.size(), 2u);
    QVERIFY(more);
    page = index.overlapping("cam-01", kT0 + 1000, kT0 + 50'000, page.back().startMs + 1, 2, &more);
    QCOMPARE(page.size(), 1u);
    QVERIFY(!more);
    QCOMPARE(page.front().startMs, kT0 + 10'000);

    // The growing segment's last sample lasts one frame in the timeline's intervals.
    const auto intervals = index.intervals("cam-01", kT0, kT0 + 50'000);
    QCOMPARE(intervals.size(), 3u);
    QCOMPARE(intervals.back().second, kT0 + 10'440);

    index.grow(SegmentIndex::makeId("cam-01", kT0 + 10'000), kT0 + 11'000, 5000);
    QCOMPARE(index.stats("cam-01").growing->sizeBytes, 5000);
    index.finish(SegmentIndex::makeId("cam-01", kT0 + 10'000), kT0 + 11'040, 5100, "ab");
    QVERIFY(!index.stats("cam-01").growing);

    const auto removed = index.purgeBefore(kT0 + 3000);  // only the first one ends before
    QCOMPARE(removed.size(), 1u);
    QCOMPARE(removed.front().startMs, kT0);
    QCOMPARE(index.stats("cam-01").segments, 2u);
    QVERIFY(!index.find(SegmentIndex::makeId("cam-01", kT0)));
}

void TestSimRecordingsModel::eventLogFilters()
{
    RecordedEventLog log;
    auto event = [](const char* camera, vigie::v1::RecordedEventKind kind, std::int64_t at, const char* alarmId = "") {
        vigie::v1::RecordedEvent e;
        e.set_camera_id(camera);
        e.set_kind(kind);
        *e.mutable_range() = range(at, at);
        e.set_alarm_id(alarmId);
        e.set_alarm_type(vigie::v1::ALARM_TYPE_INTRUSION);
        return e;
    };
    log.add(event("cam-01", vigie::v1::RECORDED_EVENT_KIND_CAMERA_OFFLINE, kT0 + 100));
    log.add(event("cam-01", vigie::v1::RECORDED_EVENT_KIND_CAMERA_ONLINE, kT0 + 900));
    log.add(event("cam-02", vigie::v1::RECORDED_EVENT_KIND_ALARM, kT0 + 500, "alarm-1"));
    log.add(event("cam-02", vigie::v1::RECORDED_EVENT_KIND_ALARM, kT0 + 500, "alarm-1"));  // seen again: ignored

    RecordedEventLog::Query query;
    query.cameraIds = {"cam-01", "cam-02"};
    query.fromMs = kT0;
    query.toMs = kT0 + 1000;
    auto page = log.search(query);
    QCOMPARE(page.total, 3u);
    QCOMPARE(page.events[0].kind(), vigie::v1::RECORDED_EVENT_KIND_CAMERA_OFFLINE);
    QCOMPARE(page.events[1].alarm_id(), std::string("alarm-1"));
    query.kinds = {vigie::v1::RECORDED_EVENT_KIND_ALARM};
    QCOMPARE(log.search(query).total, 1u);
    query.kinds.clear();
    query.alarmTypes = {vigie::v1::ALARM_TYPE_LOITERING};  // filters alarms only
    QCOMPARE(log.search(query).total, 2u);
    query.alarmTypes.clear();
    query.cameraIds = {"cam-01"};
    query.limit = 1;
    page = log.search(query);
    QCOMPARE(page.events.size(), 1u);
    QVERIFY(page.more);
    query.offset = 1;
    page = log.search(query);
    QCOMPARE(page.events.front().kind(), vigie::v1::RECORDED_EVENT_KIND_CAMERA_ONLINE);
    QVERIFY(!page.more);
    log.purgeBefore(kT0 + 600);
    query.offset = 0;
    query.cameraIds = {"cam-01", "cam-02"};
    query.limit = 10;
    QCOMPARE(log.search(query).total, 1u);
}

void TestSimRecordingsModel::textFolding()
{
    QCOMPARE(TextFolding::fold("Véhicule ARRÊTÉ à l'Œuvre, façade"), std::string("vehicule arrete a l'oeuvre, facade"));
    QCOMPARE(TextFolding::fold("ÀÉÎÕÜÇÑßÿ"), std::string("aeioucnssy"));
    const auto words = TextFolding::words("  arrete,VEHICULE ");
    QCOMPARE(words, (std::vector<std::string>{"arrete", "vehicule"}));
    QVERIFY(TextFolding::containsAll("Véhicule arrêté devant la gare", words));
    QVERIFY(!TextFolding::containsAll("Véhicule en mouvement", words));
}

void TestSimRecordingsModel::bookmarkRules()
{
    std::int64_t now = kT0;
    BookmarkStore store([&now] { return now; });
    const BookmarkStore::Actor alice{"alice", "Alice", false};
    const BookmarkStore::Actor bob{"bob", "Bob", false};
    const BookmarkStore::Actor chief{"chief", "Chef", true};

    vigie::v1::CreateBookmarkRequest create;
    create.set_request_id("r-1");
    create.set_camera_id("cam-01");
    *create.mutable_range() = range(kT0 - 60'000, kT0 - 30'000);
    create.set_title("Véhicule arrêté");
    create.set_note("Livraison, 3 min");
    const auto created = store.create(create, alice);
    QVERIFY(created.status.ok());
    QCOMPARE(created.bookmark.version(), 1);
    QCOMPARE(created.bookmark.created_by(), std::string("alice"));
    QCOMPARE(TimeUtil::TimestampToMilliseconds(created.bookmark.created_at()), kT0);

    // A retry makes no second bookmark; the same id from someone else is refused.
    now += 1000;
    const auto retried = store.create(create, alice);
    QVERIFY(retried.status.ok());
    QCOMPARE(retried.bookmark.id(), created.bookmark.id());
    QCOMPARE(store.create(create, bob).status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);

    // Validation.
    auto bad = create;
    bad.set_request_id("r-2");
    bad.set_title("   ");
    QCOMPARE(store.create(bad, alice).status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    bad.set_title(std::string(201, 'x'));
    QCOMPARE(store.create(bad, alice).status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    bad.set_title(std::string(100, 'x') + "é");  // 101 characters, more bytes: accepted
    QVERIFY(store.create(bad, alice).status.ok());
    bad.set_request_id("r-3");
    bad.set_note(std::string(4001, 'n'));
    QCOMPARE(store.create(bad, alice).status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    bad.set_note({});
    *bad.mutable_range() = range(kT0, kT0 - 1);
    QCOMPARE(store.create(bad, alice).status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    *bad.mutable_range() = range(kT0, kT0);  // an instant is fine
    QVERIFY(store.create(bad, alice).status.ok());

    // Updates: versions, ownership, retries.
    vigie::v1::UpdateBookmarkRequest update;
    update.set_bookmark_id(created.bookmark.id());
    update.set_expected_version(1);
    update.set_request_id("u-1");
    *update.mutable_range() = created.bookmark.range();
    update.set_title("Véhicule arrêté, feux de détresse");
    QCOMPARE(store.update(update, bob).status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
    const auto updated = store.update(update, alice);
    QVERIFY(updated.status.ok());
    QCOMPARE(updated.bookmark.version(), 2);
    QCOMPARE(store.update(update, alice).bookmark.version(), 2);  // a retry: the same result
    auto stale = update;
    stale.set_request_id("u-2");
    QCOMPARE(store.update(stale, alice).status.error_code(), grpc::StatusCode::ABORTED);
    stale.set_expected_version(2);
    QVERIFY(store.update(stale, chief).status.ok());  // a supervisor may change anyone's
    QCOMPARE(store.get(created.bookmark.id())->updated_by(), std::string("chief"));

    // Deletes: version, retry after success, NOT_FOUND otherwise.
    vigie::v1::DeleteBookmarkRequest remove;
    remove.set_bookmark_id(created.bookmark.id());
    remove.set_expected_version(2);
    remove.set_request_id("d-1");
    QCOMPARE(store.remove(remove, alice).error_code(), grpc::StatusCode::ABORTED);
    remove.set_expected_version(0);  // whatever the version
    QVERIFY(store.remove(remove, alice).ok());
    QVERIFY(!store.get(created.bookmark.id()));
    QVERIFY(store.remove(remove, alice).ok());
    remove.set_request_id("d-2");
    QCOMPARE(store.remove(remove, alice).error_code(), grpc::StatusCode::NOT_FOUND);
}

void TestSimRecordingsModel::bookmarkListing()
{
    BookmarkStore store([] { return kT0; });
    const BookmarkStore::Actor alice{"alice", "Alice", false};
    const BookmarkStore::Actor bob{"bob", "Bob", false};
    auto make = [&](const char* camera, std::int64_t start, const char* title, const BookmarkStore::Actor& who) {
        vigie::v1::CreateBookmarkRequest request;
        request.set_camera_id(camera);
        *request.mutable_range() = range(start, start + 1000);
        request.set_title(title);
        QVERIFY(store.create(request, who).status.ok());
    };
    make("cam-01", kT0 + 1000, "Rixe devant le café", alice);
    make("cam-01", kT0 + 5000, "Véhicule arrêté", bob);
    make("cam-02", kT0 + 3000, "Colis abandonné quai", alice);

    BookmarkStore::Query query;
    query.cameraIds = {"cam-01", "cam-02"};
    auto page = store.list(query);
    QCOMPARE(page.total, 3u);
    // Newest range start first.
    QCOMPARE(page.bookmarks[0].title(), std::string("Véhicule arrêté"));
    QCOMPARE(page.bookmarks[1].title(), std::string("Colis abandonné quai"));
    QCOMPARE(page.bookmarks[2].title(), std::string("Rixe devant le café"));

    query.text = "CAFE rixe";
    QCOMPARE(store.list(query).total, 1u);
    query.text = "ABANDONNE";
    QCOMPARE(store.list(query).total, 1u);
    query.text.clear();
    query.createdBy = "alice";
    QCOMPARE(store.list(query).total, 2u);
    query.createdBy.clear();
    query.cameraIds = {"cam-01"};
    QCOMPARE(store.list(query).total, 2u);
    query.cameraIds = {"cam-01", "cam-02"};
    query.fromMs = kT0 + 2500;
    query.toMs = kT0 + 4500;
    QCOMPARE(store.list(query).total, 1u);
    query.fromMs.reset();
    query.toMs.reset();
    query.limit = 2;
    page = store.list(query);
    QCOMPARE(page.bookmarks.size(), 2u);
    QVERIFY(page.more);
    query.offset = 2;
    page = store.list(query);
    QCOMPARE(page.bookmarks.size(), 1u);
    QVERIFY(!page.more);
}

QTEST_APPLESS_MAIN(TestSimRecordingsModel)
#include "test_sim_recordings_model.moc"
