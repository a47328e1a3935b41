// The video walls' store and layout rules on their own: versions, validation, expected_version,
// request_id retries, the watchers' journal and shutdown.

#include "LayoutRules.h"
#include "WallStore.h"

#include <QtTest>

#include <chrono>
#include <thread>

using vigie::sim::LayoutRules;
using vigie::sim::WallStore;
using namespace std::chrono_literals;

namespace {

vigie::v1::LayoutCell cell(int column, int row, int columnSpan, int rowSpan, const std::string& camera = {})
{
    vigie::v1::LayoutCell cell;
    cell.mutable_rect()->set_column(column);
    cell.mutable_rect()->set_row(row);
    cell.mutable_rect()->set_column_span(columnSpan);
    cell.mutable_rect()->set_row_span(rowSpan);
    cell.set_camera_id(camera);
    return cell;
}

vigie::v1::Layout grid(int columns, int rows)
{
    vigie::v1::Layout layout;
    layout.set_columns(columns);
    layout.set_rows(rows);
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < columns; ++column)
            *layout.add_cells() = cell(column, row, 1, 1, "cam-" + std::to_string(row * columns + column));
    }
    return layout;
}

// One wall "w" with monitors "m1" (showing a 2x2) and "m2" (cleared).
WallStore makeStore()
{
    WallStore::Definition definition;
    definition.wall.set_id("w");
    definition.wall.set_name("Wall");
    definition.wall.set_columns(2);
    definition.wall.set_rows(1);
    definition.wall.add_monitors()->set_id("m1");
    definition.wall.add_monitors()->set_id("m2");
    definition.initialLayouts["m1"] = grid(2, 2);
    return WallStore({definition});
}

WallStore::Change change(const std::string& monitor, std::int64_t expected = 0, const std::string& requestId = {})
{
    WallStore::Change change;
    change.wallId = "w";
    change.monitorId = monitor;
    change.expectedVersion = expected;
    change.requestId = requestId;
    change.userName = "supervisor";
    change.userDisplayName = "Superviseur";
    return change;
}

vigie::v1::CameraPush push(const std::string& camera, std::optional<int> cellIndex = std::nullopt)
{
    vigie::v1::CameraPush push;
    push.set_camera_id(camera);
    push.set_stream(vigie::v1::STREAM_CHOICE_SUB);
    if (cellIndex)
        push.set_cell_index(*cellIndex);
    return push;
}

} // namespace

class TestWallStore : public QObject {
    Q_OBJECT

private slots:
    void layoutRules_data();
    void layoutRules();
    void startsAtVersionOneWithTheInitialLayouts();
    void pushesChangeOneMonitorAndTheVersion();
    void cellIndexMustBeInsideTheCurrentLayout();
    void unknownWallOrMonitorIsNotFound();
    void expectedVersionConflictIsAborted();
    void retryWithTheSameRequestIdAppliesOnce();
    void requestIdsAreForgottenOldestFirst();
    void watchersGetChangesOrASnapshot();
    void closeWakesWatchers();
};

void TestWallStore::layoutRules_data()
{
    QTest::addColumn<int>("columns");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QList<QList<int>>>("cells");  // column, row, column span, row span
    QTest::addColumn<bool>("valid");
    QTest::newRow("1x1") << 1 << 1 << QList<QList<int>>{{0, 0, 1, 1}} << true;
    QTest::newRow("1+5") << 3 << 3
                         << QList<QList<int>>{{0, 0, 2, 2}, {2, 0, 1, 1}, {2, 1, 1, 1}, {0, 2, 1, 1}, {1, 2, 1, 1},
                                              {2, 2, 1, 1}}
                         << true;
    QTest::newRow("no cells (black)") << 2 << 2 << QList<QList<int>>{} << true;
    QTest::newRow("8x8 corner") << 8 << 8 << QList<QList<int>>{{7, 7, 1, 1}} << true;
    QTest::newRow("0 columns") << 0 << 1 << QList<QList<int>>{} << false;
    QTest::newRow("9 rows") << 1 << 9 << QList<QList<int>>{} << false;
    QTest::newRow("outside right") << 2 << 2 << QList<QList<int>>{{1, 0, 2, 1}} << false;
    QTest::newRow("negative") << 2 << 2 << QList<QList<int>>{{-1, 0, 1, 1}} << false;
    QTest::newRow("zero span") << 2 << 2 << QList<QList<int>>{{0, 0, 0, 1}} << false;
    QTest::newRow("huge span") << 2 << 2 << QList<QList<int>>{{1, 1, 2147483647, 1}} << false;
    QTest::newRow("overlap") << 3 << 3 << QList<QList<int>>{{0, 0, 2, 2}, {1, 1, 1, 1}} << false;
}

void TestWallStore::layoutRules()
{
    QFETCH(int, columns);
    QFETCH(int, rows);
    QFETCH(QList<QList<int>>, cells);
    QFETCH(bool, valid);
    vigie::v1::Layout layout;
    layout.set_columns(columns);
    layout.set_rows(rows);
    for (const auto& c : cells)
        *layout.add_cells() = cell(c[0], c[1], c[2], c[3]);
    const std::string problem = LayoutRules::layoutProblem(layout);
    QVERIFY2(problem.empty() == valid, problem.c_str());
}

void TestWallStore::startsAtVersionOneWithTheInitialLayouts()
{
    WallStore store = makeStore();
    QCOMPARE(store.walls().size(), std::size_t(1));
    const auto state = store.state("w");
    QVERIFY(state);
    QCOMPARE(state->version(), std::int64_t(1));
    QCOMPARE(state->monitors_size(), 2);
    QCOMPARE(state->monitors(0).layout().cells_size(), 4);
    QVERIFY(!state->monitors(1).has_layout());
    QVERIFY(state->monitors(1).online());
    QVERIFY(!store.state("nope"));
}

void TestWallStore::pushesChangeOneMonitorAndTheVersion()
{
    WallStore store = makeStore();
    auto outcome = store.pushCamera(change("m2"), push("cam-9"));
    QVERIFY2(outcome.status.ok(), outcome.status.error_message().c_str());
    QCOMPARE(outcome.state.version(), std::int64_t(2));
    const auto& m2 = outcome.state.monitors(1);
    QCOMPARE(m2.layout().columns(), 1);
    QCOMPARE(m2.layout().cells_size(), 1);
    QCOMPARE(m2.layout().cells(0).camera_id(), std::string("cam-9"));
    QCOMPARE(m2.layout().cells(0).stream(), vigie::v1::STREAM_CHOICE_SUB);
    QCOMPARE(m2.updated_by(), std::string("supervisor"));
    QCOMPARE(m2.updated_by_display_name(), std::string("Superviseur"));
    QVERIFY(m2.updated_at().seconds() > 0);
    QCOMPARE(outcome.state.monitors(0).layout().cells_size(), 4);  // the other monitor is untouched

    auto layout = grid(3, 3);
    layout.mutable_cells(0)->set_stream(vigie::v1::STREAM_CHOICE_UNSPECIFIED);
    outcome = store.pushLayout(change("m1"), layout);
    QVERIFY(outcome.status.ok());
    QCOMPARE(outcome.state.version(), std::int64_t(3));
    QCOMPARE(outcome.state.monitors(0).layout().cells_size(), 9);
    QCOMPARE(outcome.state.monitors(0).layout().cells(0).stream(), vigie::v1::STREAM_CHOICE_AUTO);

    outcome = store.clear(change("m1"));
    QVERIFY(outcome.status.ok());
    QCOMPARE(outcome.state.version(), std::int64_t(4));
    QVERIFY(!outcome.state.monitors(0).has_layout());

    layout.mutable_cells(1)->mutable_rect()->set_column(0);  // overlaps cell 0
    outcome = store.pushLayout(change("m1"), layout);
    QCOMPARE(outcome.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    QCOMPARE(store.state("w")->version(), std::int64_t(4));
}

void TestWallStore::cellIndexMustBeInsideTheCurrentLayout()
{
    WallStore store = makeStore();
    auto outcome = store.pushCamera(change("m1"), push("cam-7", 3));
    QVERIFY(outcome.status.ok());
    QCOMPARE(outcome.state.monitors(0).layout().columns(), 2);  // the layout stays, one tile changes
    QCOMPARE(outcome.state.monitors(0).layout().cells(3).camera_id(), std::string("cam-7"));
    QCOMPARE(outcome.state.monitors(0).layout().cells(2).camera_id(), std::string("cam-2"));

    QCOMPARE(store.pushCamera(change("m1"), push("cam-7", 4)).status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    QCOMPARE(store.pushCamera(change("m1"), push("cam-7", -1)).status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    // A cleared monitor has no cells at all.
    QCOMPARE(store.pushCamera(change("m2"), push("cam-7", 0)).status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    QCOMPARE(store.pushCamera(change("m2"), push("")).status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    QCOMPARE(store.state("w")->version(), std::int64_t(2));
}

void TestWallStore::unknownWallOrMonitorIsNotFound()
{
    WallStore store = makeStore();
    auto unknownWall = change("m1");
    unknownWall.wallId = "x";
    QCOMPARE(store.clear(unknownWall).status.error_code(), grpc::StatusCode::NOT_FOUND);
    QCOMPARE(store.clear(change("m9")).status.error_code(), grpc::StatusCode::NOT_FOUND);
}

void TestWallStore::expectedVersionConflictIsAborted()
{
    WallStore store = makeStore();
    QVERIFY(store.clear(change("m1", 1)).status.ok());
    const auto outcome = store.clear(change("m2", 1));
    QCOMPARE(outcome.status.error_code(), grpc::StatusCode::ABORTED);
    QCOMPARE(store.state("w")->version(), std::int64_t(2));
    QVERIFY(store.clear(change("m2", 2)).status.ok());
}

void TestWallStore::retryWithTheSameRequestIdAppliesOnce()
{
    WallStore store = makeStore();
    const auto first = store.pushCamera(change("m2", 1, "req-1"), push("cam-3"));
    QVERIFY(first.status.ok());
    QVERIFY(!first.replayed);
    // The retry carries the same expected_version, now stale: it is still the same request.
    const auto retry = store.pushCamera(change("m2", 1, "req-1"), push("cam-3"));
    QVERIFY2(retry.status.ok(), retry.status.error_message().c_str());
    QVERIFY(retry.replayed);
    QCOMPARE(retry.state.SerializeAsString(), first.state.SerializeAsString());
    QCOMPARE(store.state("w")->version(), std::int64_t(2));
    // Another id is another change.
    QCOMPARE(store.pushCamera(change("m2", 0, "req-2"), push("cam-3")).state.version(), std::int64_t(3));
}

void TestWallStore::requestIdsAreForgottenOldestFirst()
{
    WallStore store = makeStore();
    for (std::size_t i = 0; i <= WallStore::kRememberedRequests; ++i)
        QVERIFY(store.clear(change("m2", 0, "r" + std::to_string(i))).status.ok());
    const auto before = store.state("w")->version();
    QVERIFY(store.clear(change("m2", 0, "r" + std::to_string(WallStore::kRememberedRequests))).replayed);
    QCOMPARE(store.state("w")->version(), before);
    QVERIFY(!store.clear(change("m2", 0, "r0")).replayed);  // the oldest one was forgotten
    QCOMPARE(store.state("w")->version(), before + 1);
}

void TestWallStore::watchersGetChangesOrASnapshot()
{
    WallStore store = makeStore();
    const auto now = [] { return std::chrono::steady_clock::now(); };
    auto update = store.waitForChanges("w", 1, now());
    QVERIFY(!update.closed && !update.snapshot && update.changes.empty());
    QCOMPARE(update.version, std::int64_t(1));

    QVERIFY(store.pushCamera(change("m2"), push("cam-1")).status.ok());
    QVERIFY(store.clear(change("m1")).status.ok());
    update = store.waitForChanges("w", 1, now());
    QCOMPARE(update.version, std::int64_t(3));
    QCOMPARE(update.changes.size(), std::size_t(2));
    QCOMPARE(update.changes[0].monitor_id(), std::string("m2"));
    QCOMPARE(update.changes[1].monitor_id(), std::string("m1"));
    update = store.waitForChanges("w", 2, now());
    QCOMPARE(update.changes.size(), std::size_t(1));

    // Beyond the journal: a snapshot instead.
    for (std::size_t i = 0; i < WallStore::kJournalCapacity; ++i)
        QVERIFY(store.clear(change("m1")).status.ok());
    update = store.waitForChanges("w", 1, now());
    QVERIFY(update.snapshot);
    QCOMPARE(update.snapshot->version(), update.version);
    QVERIFY(update.changes.empty());
    QVERIFY(store.waitForChanges("x", 1, now()).unknownWall);

    // A waiting watcher wakes on a change made by another thread.
    const auto version = store.state("w")->version();
    std::thread writer([&store] {
        std::this_thread::sleep_for(50ms);
        (void)store.clear(change("m2"));
    });
    const auto started = now();
    update = store.waitForChanges("w", version, now() + 10s);
    writer.join();
    QCOMPARE(update.changes.size(), std::size_t(1));
    QVERIFY(now() - started < 5s);
}

void TestWallStore::closeWakesWatchers()
{
    WallStore store = makeStore();
    std::thread closer([&store] {
        std::this_thread::sleep_for(50ms);
        store.close();
    });
    const auto started = std::chrono::steady_clock::now();
    const auto update = store.waitForChanges("w", 1, started + 10s);
    closer.join();
    QVERIFY(update.closed);
    QVERIFY(std::chrono::steady_clock::now() - started < 5s);
    QVERIFY(store.waitForChanges("w", 1, started + 10s).closed);
}

QTEST_GUILESS_MAIN(TestWallStore)
#include "test_wall_store.moc"
