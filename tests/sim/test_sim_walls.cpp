// vigie.v1.WallService of vigie-sim through the generated stubs: default and configured walls, pushes and
// clears with versions, expected_version, request_id retries, validation, rights, WatchWall (snapshot,
// changes, heartbeats, cancellation, shutdown), and the directory-only cameras for scale.

// gRPC and generated headers before Qt's: Qt's keyword macros (signals, slots, emit) must not reach them.
#include <grpcpp/grpcpp.h>
#include <vigie/v1/auth.grpc.pb.h>
#include <vigie/v1/directory.grpc.pb.h>
#include <vigie/v1/system.grpc.pb.h>
#include <vigie/v1/walls.grpc.pb.h>

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <memory>
#include <set>

#include "SimCalls.h"
#include "SimProcess.h"

using vigie::test::SimProcess;
using namespace std::chrono_literals;

namespace {

using vigie::test::callContext;
using vigie::test::describe;

std::string loginOn(const std::shared_ptr<grpc::Channel>& channel, const std::string& user)
{
    return vigie::test::loginOn(channel, user, "test-sim-walls");
}

vigie::v1::LayoutCell cell(int column, int row, int columnSpan, int rowSpan, const std::string& camera)
{
    vigie::v1::LayoutCell cell;
    cell.mutable_rect()->set_column(column);
    cell.mutable_rect()->set_row(row);
    cell.mutable_rect()->set_column_span(columnSpan);
    cell.mutable_rect()->set_row_span(rowSpan);
    cell.set_camera_id(camera);
    cell.set_stream(vigie::v1::STREAM_CHOICE_AUTO);
    return cell;
}

// The uneven "1 + 5": a 3x3 grid, one 2x2 tile and five 1x1 tiles.
vigie::v1::Layout onePlusFive()
{
    vigie::v1::Layout layout;
    layout.set_name("1 + 5");
    layout.set_columns(3);
    layout.set_rows(3);
    *layout.add_cells() = cell(0, 0, 2, 2, "cam-06");
    *layout.add_cells() = cell(2, 0, 1, 1, "cam-07");
    *layout.add_cells() = cell(2, 1, 1, 1, "cam-08");
    *layout.add_cells() = cell(0, 2, 1, 1, "cam-09");
    *layout.add_cells() = cell(1, 2, 1, 1, "");
    *layout.add_cells() = cell(2, 2, 1, 1, "cam-10");
    return layout;
}

const vigie::v1::MonitorState* monitorIn(const vigie::v1::WallState& state, const std::string& id)
{
    for (const auto& monitor : state.monitors()) {
        if (monitor.monitor_id() == id)
            return &monitor;
    }
    return nullptr;
}

// Reads watch messages until one satisfies `wanted`; false when the stream ends (its deadline included).
template <typename Predicate>
bool readUntil(grpc::ClientReader<vigie::v1::WatchWallResponse>& reader, vigie::v1::WatchWallResponse* message,
               Predicate wanted)
{
    while (reader.Read(message)) {
        if (wanted(*message))
            return true;
    }
    return false;
}

// Decodes a few frames of an RTSP stream with the ffmpeg CLI; true when they decode.
bool decodes(const QString& url, QString* errors)
{
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"),
                 {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-rtsp_transport"),
                  QStringLiteral("tcp"), QStringLiteral("-i"), url, QStringLiteral("-frames:v"), QStringLiteral("5"),
                  QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")});
    if (!ffmpeg.waitForStarted(5000) || !ffmpeg.waitForFinished(20000)) {
        ffmpeg.kill();
        ffmpeg.waitForFinished(2000);
        *errors = QStringLiteral("ffmpeg did not run or finish");
        return false;
    }
    *errors = QString::fromUtf8(ffmpeg.readAllStandardError());
    return ffmpeg.exitStatus() == QProcess::NormalExit && ffmpeg.exitCode() == 0;
}

} // namespace

class TestSimWalls : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void serviceIsAnnouncedAndNeedsASession();
    void listsTheDefaultWalls();
    void defaultWallsShowTheFirstCameras();
    void pushingALayoutAddsOneVersion();
    void pushingACameraIntoACellOrAlone();
    void clearingAMonitorBlanksIt();
    void watchSendsASnapshotThenEachChange();
    void staleExpectedVersionIsAborted();
    void retryWithTheSameRequestIdAppliesOnce();
    void invalidLayoutsAreRefused_data();
    void invalidLayoutsAreRefused();
    void unknownWallMonitorOrCameraIsNotFound();
    void withoutTheWallRightChangesAreDenied();
    void cancellingAWatchEndsItQuickly();
    void stdinCommandPushesToAWall();
    void configuredWallsRightsAndShutdown();
    void fiveThousandDirectoryCameras();

private:
    vigie::v1::WallState wallState(const std::string& wallId);
    grpc::Status push(const std::string& token, const vigie::v1::PushToMonitorRequest& request,
                      vigie::v1::PushToMonitorResponse* response);

    SimProcess m_sim;
    std::shared_ptr<grpc::Channel> m_channel;
    std::unique_ptr<vigie::v1::WallService::Stub> m_walls;
    std::string m_supervisor;  // RIGHT_CONTROL_WALL by its role
    std::string m_operator;    // no RIGHT_CONTROL_WALL
    QTemporaryDir m_temp;
};

void TestSimWalls::initTestCase()
{
    QVERIFY(m_temp.isValid());
    QVERIFY2(m_sim.start(), qPrintable(m_sim.lastError()));
    m_channel = grpc::CreateChannel(m_sim.grpcAddress().toStdString(), grpc::InsecureChannelCredentials());
    m_walls = vigie::v1::WallService::NewStub(m_channel);
    m_supervisor = loginOn(m_channel, "supervisor");
    m_operator = loginOn(m_channel, "operator");
    QVERIFY(!m_supervisor.empty() && !m_operator.empty());
}

void TestSimWalls::cleanupTestCase()
{
    m_sim.stop();
    QCOMPARE(m_sim.exitCode(), 0);
}

vigie::v1::WallState TestSimWalls::wallState(const std::string& wallId)
{
    vigie::v1::GetWallStateRequest request;
    request.set_wall_id(wallId);
    vigie::v1::GetWallStateResponse response;
    const auto status = m_walls->GetWallState(callContext(m_operator).get(), request, &response);
    if (!status.ok())
        qWarning("GetWallState %s: %s", wallId.c_str(), qPrintable(describe(status)));
    return response.state();
}

grpc::Status TestSimWalls::push(const std::string& token, const vigie::v1::PushToMonitorRequest& request,
                                vigie::v1::PushToMonitorResponse* response)
{
    return m_walls->PushToMonitor(callContext(token).get(), request, response);
}

void TestSimWalls::serviceIsAnnouncedAndNeedsASession()
{
    auto system = vigie::v1::SystemService::NewStub(m_channel);
    vigie::v1::GetServerInfoResponse info;
    QVERIFY(system->GetServerInfo(callContext().get(), {}, &info).ok());
    const auto& services = info.implemented_services();
    QVERIFY(std::find(services.begin(), services.end(), "vigie.v1.WallService") != services.end());

    vigie::v1::ListWallsResponse walls;
    QCOMPARE(m_walls->ListWalls(callContext().get(), {}, &walls).error_code(), grpc::StatusCode::UNAUTHENTICATED);
    vigie::v1::ClearMonitorRequest clear;
    clear.set_wall_id("wall-b");
    clear.set_monitor_id("mon-b1");
    vigie::v1::ClearMonitorResponse cleared;
    QCOMPARE(m_walls->ClearMonitor(callContext("not-a-token").get(), clear, &cleared).error_code(),
             grpc::StatusCode::UNAUTHENTICATED);
}

void TestSimWalls::listsTheDefaultWalls()
{
    // Any session may list: the viewer has no right on walls at all.
    vigie::v1::ListWallsResponse response;
    const auto status = m_walls->ListWalls(callContext(loginOn(m_channel, "viewer")).get(), {}, &response);
    QVERIFY2(status.ok(), qPrintable(describe(status)));
    QCOMPARE(response.walls_size(), 2);

    const auto& a = response.walls(0);
    QCOMPARE(a.id(), std::string("wall-a"));
    QCOMPARE(a.name(), std::string("Mur A"));
    QCOMPARE(a.columns(), 2);
    QCOMPARE(a.rows(), 1);
    QCOMPARE(a.monitors_size(), 2);
    QCOMPARE(a.monitors(0).id(), std::string("mon-a1"));
    QCOMPARE(a.monitors(0).name(), std::string("Mur A - écran 1"));
    QCOMPARE(a.monitors(1).id(), std::string("mon-a2"));
    QCOMPARE(a.monitors(1).name(), std::string("Mur A - écran 2"));
    QCOMPARE(a.monitors(1).position().column(), 1);
    QCOMPARE(a.monitors(1).position().column_span(), 1);
    QCOMPARE(a.monitors(0).width_px(), 1920);
    QCOMPARE(a.monitors(0).height_px(), 1080);

    const auto& b = response.walls(1);
    QCOMPARE(b.id(), std::string("wall-b"));
    QCOMPARE(b.name(), std::string("Mur B"));
    QCOMPARE(b.monitors_size(), 1);
    QCOMPARE(b.monitors(0).id(), std::string("mon-b1"));
}

void TestSimWalls::defaultWallsShowTheFirstCameras()
{
    const auto a = wallState("wall-a");
    QCOMPARE(a.wall_id(), std::string("wall-a"));
    QVERIFY(a.version() >= 1);
    const auto* a1 = monitorIn(a, "mon-a1");
    const auto* a2 = monitorIn(a, "mon-a2");
    QVERIFY(a1 && a2);
    QCOMPARE(a1->layout().columns(), 2);
    QCOMPARE(a1->layout().rows(), 2);
    QCOMPARE(a1->layout().cells_size(), 4);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(a1->layout().cells(i).camera_id(), "cam-0" + std::to_string(i + 1));
    QCOMPARE(a2->layout().cells_size(), 1);
    QCOMPARE(a2->layout().cells(0).camera_id(), std::string("cam-05"));
    QVERIFY(a1->online() && a2->online());

    const auto b = wallState("wall-b");
    const auto* b1 = monitorIn(b, "mon-b1");
    QVERIFY(b1);
    QVERIFY(!b1->has_layout());  // cleared
}

void TestSimWalls::pushingALayoutAddsOneVersion()
{
    const auto before = wallState("wall-b");
    vigie::v1::PushToMonitorRequest request;
    request.set_wall_id("wall-b");
    request.set_monitor_id("mon-b1");
    *request.mutable_layout() = onePlusFive();
    request.set_expected_version(before.version());
    vigie::v1::PushToMonitorResponse response;
    const auto status = push(m_supervisor, request, &response);
    QVERIFY2(status.ok(), qPrintable(describe(status)));

    QCOMPARE(response.state().version(), before.version() + 1);
    const auto* b1 = monitorIn(response.state(), "mon-b1");
    QVERIFY(b1);
    QCOMPARE(b1->layout().columns(), 3);
    QCOMPARE(b1->layout().cells_size(), 6);
    QCOMPARE(b1->layout().cells(0).rect().column_span(), 2);
    QCOMPARE(b1->layout().cells(0).camera_id(), std::string("cam-06"));
    QCOMPARE(b1->layout().cells(4).camera_id(), std::string());
    QCOMPARE(b1->updated_by(), std::string("supervisor"));
    QCOMPARE(b1->updated_by_display_name(), std::string("Superviseur"));
    QVERIFY(b1->updated_at().seconds() > 0);

    // What GetWallState says afterwards is what the push answered.
    QCOMPARE(wallState("wall-b").SerializeAsString(), response.state().SerializeAsString());
}

void TestSimWalls::pushingACameraIntoACellOrAlone()
{
    const auto before = wallState("wall-a");
    vigie::v1::PushToMonitorRequest request;
    request.set_wall_id("wall-a");
    request.set_monitor_id("mon-a1");
    request.mutable_camera()->set_camera_id("cam-12");
    request.mutable_camera()->set_stream(vigie::v1::STREAM_CHOICE_MAIN);
    request.mutable_camera()->set_cell_index(2);
    vigie::v1::PushToMonitorResponse response;
    auto status = push(m_supervisor, request, &response);
    QVERIFY2(status.ok(), qPrintable(describe(status)));
    QCOMPARE(response.state().version(), before.version() + 1);
    const auto* a1 = monitorIn(response.state(), "mon-a1");
    QCOMPARE(a1->layout().cells_size(), 4);  // the layout stays; one tile changes
    QCOMPARE(a1->layout().cells(2).camera_id(), std::string("cam-12"));
    QCOMPARE(a1->layout().cells(2).stream(), vigie::v1::STREAM_CHOICE_MAIN);
    QCOMPARE(a1->layout().cells(1).camera_id(), monitorIn(before, "mon-a1")->layout().cells(1).camera_id());

    // Without a cell index the camera is alone on the monitor.
    request.set_monitor_id("mon-a2");
    request.mutable_camera()->clear_cell_index();
    request.mutable_camera()->set_camera_id("cam-11");
    status = push(m_supervisor, request, &response);
    QVERIFY2(status.ok(), qPrintable(describe(status)));
    QCOMPARE(response.state().version(), before.version() + 2);
    const auto* a2 = monitorIn(response.state(), "mon-a2");
    QCOMPARE(a2->layout().columns(), 1);
    QCOMPARE(a2->layout().rows(), 1);
    QCOMPARE(a2->layout().cells_size(), 1);
    QCOMPARE(a2->layout().cells(0).camera_id(), std::string("cam-11"));
}

void TestSimWalls::clearingAMonitorBlanksIt()
{
    const auto before = wallState("wall-a");
    vigie::v1::ClearMonitorRequest request;
    request.set_wall_id("wall-a");
    request.set_monitor_id("mon-a2");
    request.set_expected_version(before.version());
    vigie::v1::ClearMonitorResponse response;
    const auto status = m_walls->ClearMonitor(callContext(m_supervisor).get(), request, &response);
    QVERIFY2(status.ok(), qPrintable(describe(status)));
    QCOMPARE(response.state().version(), before.version() + 1);
    QVERIFY(!monitorIn(response.state(), "mon-a2")->has_layout());
    QVERIFY(monitorIn(response.state(), "mon-a1")->has_layout());
}

void TestSimWalls::watchSendsASnapshotThenEachChange()
{
    auto context = callContext(m_operator, 20s);
    vigie::v1::WatchWallRequest request;
    request.set_wall_id("wall-b");
    request.mutable_heartbeat_interval()->set_seconds(1);  // the shortest the backend accepts
    auto reader = m_walls->WatchWall(context.get(), request);

    vigie::v1::WatchWallResponse message;
    QVERIFY(reader->Read(&message));
    QVERIFY(message.has_snapshot());
    QCOMPARE(message.snapshot().wall_id(), std::string("wall-b"));
    QCOMPARE(message.version(), message.snapshot().version());
    const auto snapshotVersion = message.version();

    // Two changes, each a `monitor` message whose version is the previous one + 1.
    vigie::v1::PushToMonitorRequest pushRequest;
    pushRequest.set_wall_id("wall-b");
    pushRequest.set_monitor_id("mon-b1");
    pushRequest.mutable_camera()->set_camera_id("cam-14");
    vigie::v1::PushToMonitorResponse pushed;
    QVERIFY(push(m_supervisor, pushRequest, &pushed).ok());
    vigie::v1::ClearMonitorRequest clear;
    clear.set_wall_id("wall-b");
    clear.set_monitor_id("mon-b1");
    vigie::v1::ClearMonitorResponse cleared;
    QVERIFY(m_walls->ClearMonitor(callContext(m_supervisor).get(), clear, &cleared).ok());

    QVERIFY(readUntil(*reader, &message, [](const auto& m) { return !m.has_heartbeat(); }));
    QVERIFY2(message.has_monitor(), message.DebugString().c_str());
    QCOMPARE(message.version(), snapshotVersion + 1);
    QCOMPARE(message.monitor().monitor_id(), std::string("mon-b1"));
    QCOMPARE(message.monitor().layout().cells(0).camera_id(), std::string("cam-14"));
    QCOMPARE(message.monitor().updated_by(), std::string("supervisor"));

    QVERIFY(readUntil(*reader, &message, [](const auto& m) { return !m.has_heartbeat(); }));
    QVERIFY(message.has_monitor());
    QCOMPARE(message.version(), snapshotVersion + 2);
    QVERIFY(!message.monitor().has_layout());

    // Heartbeats follow at the requested period, carrying the current version.
    QElapsedTimer clock;
    clock.start();
    QVERIFY(readUntil(*reader, &message, [](const auto& m) { return m.has_heartbeat(); }));
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(message.version(), snapshotVersion + 2);
    QVERIFY(message.heartbeat().server_time().seconds() > 0);

    context->TryCancel();
    reader->Finish();
}

void TestSimWalls::staleExpectedVersionIsAborted()
{
    const auto before = wallState("wall-b");
    vigie::v1::ClearMonitorRequest clear;
    clear.set_wall_id("wall-b");
    clear.set_monitor_id("mon-b1");
    vigie::v1::ClearMonitorResponse cleared;
    QVERIFY(m_walls->ClearMonitor(callContext(m_supervisor).get(), clear, &cleared).ok());

    // An operator who saw the wall before that change pushes with the version they saw.
    vigie::v1::PushToMonitorRequest request;
    request.set_wall_id("wall-b");
    request.set_monitor_id("mon-b1");
    request.mutable_camera()->set_camera_id("cam-02");
    request.set_expected_version(before.version());
    vigie::v1::PushToMonitorResponse response;
    const auto status = push(m_supervisor, request, &response);
    QCOMPARE(status.error_code(), grpc::StatusCode::ABORTED);
    QCOMPARE(wallState("wall-b").version(), before.version() + 1);
    QVERIFY(!monitorIn(wallState("wall-b"), "mon-b1")->has_layout());
}

void TestSimWalls::retryWithTheSameRequestIdAppliesOnce()
{
    const auto before = wallState("wall-b");
    vigie::v1::PushToMonitorRequest request;
    request.set_wall_id("wall-b");
    request.set_monitor_id("mon-b1");
    request.mutable_camera()->set_camera_id("cam-15");
    request.set_expected_version(before.version());
    request.set_request_id("5f0c6c52-7d7b-4c41-9a0e-1f3f1c0d9a11");
    vigie::v1::PushToMonitorResponse first;
    auto status = push(m_supervisor, request, &first);
    QVERIFY2(status.ok(), qPrintable(describe(status)));
    QCOMPARE(first.state().version(), before.version() + 1);

    // The retry (same id, same stale expected_version) gets the same answer and changes nothing.
    vigie::v1::PushToMonitorResponse retry;
    status = push(m_supervisor, request, &retry);
    QVERIFY2(status.ok(), qPrintable(describe(status)));
    QCOMPARE(retry.state().SerializeAsString(), first.state().SerializeAsString());
    QCOMPARE(wallState("wall-b").version(), before.version() + 1);

    // A clear retried through x-request-id metadata (no request_id field) is also applied once.
    vigie::v1::ClearMonitorRequest clear;
    clear.set_wall_id("wall-b");
    clear.set_monitor_id("mon-b1");
    vigie::v1::ClearMonitorResponse cleared;
    for (int attempt = 0; attempt < 2; ++attempt) {
        auto context = callContext(m_supervisor);
        context->AddMetadata("x-request-id", "clear-b1-once");
        QVERIFY(m_walls->ClearMonitor(context.get(), clear, &cleared).ok());
        QCOMPARE(cleared.state().version(), before.version() + 2);
    }
    QCOMPARE(wallState("wall-b").version(), before.version() + 2);
}

void TestSimWalls::invalidLayoutsAreRefused_data()
{
    QTest::addColumn<int>("columns");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QList<QList<int>>>("cells");  // column, row, column span, row span
    QTest::newRow("9 columns") << 9 << 1 << QList<QList<int>>{{0, 0, 1, 1}};
    QTest::newRow("0 rows") << 1 << 0 << QList<QList<int>>{};
    QTest::newRow("cell outside") << 2 << 2 << QList<QList<int>>{{1, 1, 1, 2}};
    QTest::newRow("overlap") << 3 << 3 << QList<QList<int>>{{0, 0, 2, 2}, {1, 0, 1, 1}};
    QTest::newRow("zero span") << 2 << 2 << QList<QList<int>>{{0, 0, 1, 0}};
}

void TestSimWalls::invalidLayoutsAreRefused()
{
    QFETCH(int, columns);
    QFETCH(int, rows);
    QFETCH(QList<QList<int>>, cells);
    const auto before = wallState("wall-b");
    vigie::v1::PushToMonitorRequest request;
    request.set_wall_id("wall-b");
    request.set_monitor_id("mon-b1");
    request.mutable_layout()->set_columns(columns);
    request.mutable_layout()->set_rows(rows);
    for (const auto& c : cells)
        *request.mutable_layout()->add_cells() = cell(c[0], c[1], c[2], c[3], "cam-01");
    vigie::v1::PushToMonitorResponse response;
    const auto status = push(m_supervisor, request, &response);
    QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    QCOMPARE(wallState("wall-b").version(), before.version());
}

void TestSimWalls::unknownWallMonitorOrCameraIsNotFound()
{
    const auto before = wallState("wall-a");
    vigie::v1::PushToMonitorRequest request;
    request.set_wall_id("wall-a");
    request.set_monitor_id("mon-a1");
    request.mutable_camera()->set_camera_id("cam-99");
    vigie::v1::PushToMonitorResponse response;
    QCOMPARE(push(m_supervisor, request, &response).error_code(), grpc::StatusCode::NOT_FOUND);

    // An unknown camera inside a layout, too.
    auto layout = onePlusFive();
    layout.mutable_cells(1)->set_camera_id("nowhere");
    *request.mutable_layout() = layout;
    QCOMPARE(push(m_supervisor, request, &response).error_code(), grpc::StatusCode::NOT_FOUND);

    request.mutable_camera()->set_camera_id("cam-01");
    request.set_monitor_id("mon-z9");
    QCOMPARE(push(m_supervisor, request, &response).error_code(), grpc::StatusCode::NOT_FOUND);
    request.set_wall_id("wall-z");
    QCOMPARE(push(m_supervisor, request, &response).error_code(), grpc::StatusCode::NOT_FOUND);

    // A cell index outside the monitor's current layout (mon-a1 shows 4 tiles) is an invalid argument.
    request.set_wall_id("wall-a");
    request.set_monitor_id("mon-a1");
    request.mutable_camera()->set_cell_index(4);
    QCOMPARE(push(m_supervisor, request, &response).error_code(), grpc::StatusCode::INVALID_ARGUMENT);

    vigie::v1::GetWallStateRequest get;
    get.set_wall_id("wall-z");
    vigie::v1::GetWallStateResponse state;
    QCOMPARE(m_walls->GetWallState(callContext(m_operator).get(), get, &state).error_code(),
             grpc::StatusCode::NOT_FOUND);
    auto context = callContext(m_operator);
    vigie::v1::WatchWallRequest watch;
    watch.set_wall_id("wall-z");
    auto reader = m_walls->WatchWall(context.get(), watch);
    vigie::v1::WatchWallResponse message;
    QVERIFY(!reader->Read(&message));
    QCOMPARE(reader->Finish().error_code(), grpc::StatusCode::NOT_FOUND);
    QCOMPARE(wallState("wall-a").version(), before.version());
}

void TestSimWalls::withoutTheWallRightChangesAreDenied()
{
    const auto before = wallState("wall-a");
    vigie::v1::PushToMonitorRequest request;
    request.set_wall_id("wall-a");
    request.set_monitor_id("mon-a1");
    request.mutable_camera()->set_camera_id("cam-01");
    vigie::v1::PushToMonitorResponse response;
    QCOMPARE(push(m_operator, request, &response).error_code(), grpc::StatusCode::PERMISSION_DENIED);
    QCOMPARE(push(loginOn(m_channel, "viewer"), request, &response).error_code(), grpc::StatusCode::PERMISSION_DENIED);
    vigie::v1::ClearMonitorRequest clear;
    clear.set_wall_id("wall-a");
    clear.set_monitor_id("mon-a1");
    vigie::v1::ClearMonitorResponse cleared;
    QCOMPARE(m_walls->ClearMonitor(callContext(m_operator).get(), clear, &cleared).error_code(),
             grpc::StatusCode::PERMISSION_DENIED);
    QCOMPARE(wallState("wall-a").version(), before.version());
    // The administrator inherits the supervisor's wall control.
    QVERIFY(push(loginOn(m_channel, "admin"), request, &response).ok());
}

void TestSimWalls::cancellingAWatchEndsItQuickly()
{
    auto context = callContext(m_operator, 30s);
    vigie::v1::WatchWallRequest request;
    request.set_wall_id("wall-a");  // default heartbeat: 10 s, so nothing else would end the wait
    auto reader = m_walls->WatchWall(context.get(), request);
    vigie::v1::WatchWallResponse message;
    QVERIFY(reader->Read(&message));
    QVERIFY(message.has_snapshot());

    QElapsedTimer clock;
    clock.start();
    context->TryCancel();
    while (reader->Read(&message)) {
    }
    QCOMPARE(reader->Finish().error_code(), grpc::StatusCode::CANCELLED);
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));

    // The server still answers at once (the cancelled handler does not hold anything).
    QVERIFY(wallState("wall-a").version() > 0);
}

void TestSimWalls::stdinCommandPushesToAWall()
{
    const auto before = wallState("wall-b");
    QString reply;
    QVERIFY2(m_sim.command(QStringLiteral("push-wall wall-b mon-b1 cam-03"), &reply), qPrintable(reply));
    const auto after = wallState("wall-b");
    QCOMPARE(after.version(), before.version() + 1);
    QCOMPARE(monitorIn(after, "mon-b1")->layout().cells(0).camera_id(), std::string("cam-03"));
    QCOMPARE(monitorIn(after, "mon-b1")->updated_by(), std::string("vigie-sim"));
    QVERIFY(!m_sim.command(QStringLiteral("push-wall wall-b mon-b1 cam-77"), &reply));
    QVERIFY(reply.contains(QLatin1String("cam-77")));
}

void TestSimWalls::configuredWallsRightsAndShutdown()
{
    // A configured wall with an initial layout, and a user who may drive walls but see nothing live.
    const QString path = m_temp.filePath(QStringLiteral("walls.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({
      "generated_cameras": 3,
      "users": [
        { "name": "chef", "password": "chef", "roles": ["ROLE_SUPERVISOR"] },
        { "name": "regie", "password": "regie", "roles": ["ROLE_VIEWER"],
          "rights": [ { "camera_id": "", "rights": ["RIGHT_CONTROL_WALL"] },
                      { "camera_id": "cam-02", "rights": ["RIGHT_VIEW_LIVE"] } ] }
      ],
      "walls": [
        { "id": "salle", "name": "Salle de crise", "columns": 3, "rows": 2,
          "monitors": [
            { "id": "grand", "name": "Grand écran", "position": { "column": 0, "row": 0, "column_span": 2, "row_span": 2 },
              "width_px": 3840, "height_px": 2160,
              "layout": { "columns": 1, "rows": 1,
                          "cells": [ { "rect": { "column_span": 1, "row_span": 1 }, "camera_id": "cam-03" } ] } },
            { "id": "petit", "position": { "column": 2, "row": 1 } }
          ] }
      ]
    })");
    file.close();

    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--config"), path}), qPrintable(sim.lastError()));
    auto channel = grpc::CreateChannel(sim.grpcAddress().toStdString(), grpc::InsecureChannelCredentials());
    auto walls = vigie::v1::WallService::NewStub(channel);
    const std::string chef = loginOn(channel, "chef");
    const std::string regie = loginOn(channel, "regie");

    vigie::v1::ListWallsResponse list;
    QVERIFY(walls->ListWalls(callContext(chef).get(), {}, &list).ok());
    QCOMPARE(list.walls_size(), 1);
    QCOMPARE(list.walls(0).name(), std::string("Salle de crise"));
    QCOMPARE(list.walls(0).monitors(0).position().column_span(), 2);
    QCOMPARE(list.walls(0).monitors(0).width_px(), 3840);
    QCOMPARE(list.walls(0).monitors(1).name(), std::string("petit"));  // the id when no name is given
    QCOMPARE(list.walls(0).monitors(1).width_px(), 1920);
    vigie::v1::GetWallStateRequest get;
    get.set_wall_id("salle");
    vigie::v1::GetWallStateResponse state;
    QVERIFY(walls->GetWallState(callContext(chef).get(), get, &state).ok());
    QCOMPARE(state.state().monitors(0).layout().cells(0).camera_id(), std::string("cam-03"));
    QVERIFY(!state.state().monitors(1).has_layout());

    // RIGHT_CONTROL_WALL without live viewing on the camera: denied; a camera the user cannot see at
    // all: unknown, as in the directory; the one camera the user may view: accepted.
    vigie::v1::PushToMonitorRequest request;
    request.set_wall_id("salle");
    request.set_monitor_id("petit");
    request.mutable_camera()->set_camera_id("cam-01");
    vigie::v1::PushToMonitorResponse response;
    QCOMPARE(walls->PushToMonitor(callContext(regie).get(), request, &response).error_code(),
             grpc::StatusCode::PERMISSION_DENIED);
    request.mutable_camera()->set_camera_id("cam-02");
    const auto status = walls->PushToMonitor(callContext(regie).get(), request, &response);
    QVERIFY2(status.ok(), qPrintable(describe(status)));

    // A watch open at shutdown ends promptly with UNAVAILABLE, and the simulator exits cleanly.
    auto context = callContext(chef, 30s);
    vigie::v1::WatchWallRequest watch;
    watch.set_wall_id("salle");
    auto reader = walls->WatchWall(context.get(), watch);
    vigie::v1::WatchWallResponse message;
    QVERIFY(reader->Read(&message));
    QVERIFY(message.has_snapshot());
    QElapsedTimer clock;
    clock.start();
    sim.stop();
    QCOMPARE(sim.exitCode(), 0);
    while (reader->Read(&message)) {
    }
    QCOMPARE(reader->Finish().error_code(), grpc::StatusCode::UNAVAILABLE);
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
}

void TestSimWalls::fiveThousandDirectoryCameras()
{
    QElapsedTimer clock;
    clock.start();
    SimProcess sim;
    // May encode the shared clip once when the clip cache is cold (about a second at 640x360).
    QVERIFY2(sim.start({QStringLiteral("--cameras"), QStringLiteral("2"), QStringLiteral("--directory-cameras"),
                        QStringLiteral("5000")},
                       30s),
             qPrintable(sim.lastError()));
    const qint64 startMs = clock.restart();
    qInfo("started with 5,000 directory cameras in %lld ms", startMs);

    auto channel = grpc::CreateChannel(sim.grpcAddress().toStdString(), grpc::InsecureChannelCredentials());
    auto directory = vigie::v1::DirectoryService::NewStub(channel);
    vigie::v1::ListCamerasResponse list;  // the directory is not paged: one answer
    const auto status = directory->ListCameras(callContext(loginOn(channel, "operator"), 10s).get(), {}, &list);
    QVERIFY2(status.ok(), qPrintable(describe(status)));
    const qint64 listMs = clock.elapsed();
    qInfo("listed %d cameras (%zu bytes) in %lld ms", list.cameras_size(), list.ByteSizeLong(), listMs);
    QVERIFY2(listMs < 5000, qPrintable(QString::number(listMs)));
    QCOMPARE(list.cameras_size(), 5002);

    int directoryOnly = 0;
    int offline = 0;
    int ptz = 0;
    int recording = 0;
    std::set<std::string> names;
    std::set<std::string> sites;
    for (const auto& camera : list.cameras()) {
        if (camera.id().rfind("dir-", 0) != 0)
            continue;
        ++directoryOnly;
        names.insert(camera.name());
        sites.insert(camera.site_id());
        QVERIFY(camera.tags_size() >= 2);
        if (camera.state() == vigie::v1::CAMERA_STATE_OFFLINE) {
            ++offline;
            QVERIFY(!camera.state_reason().empty());
        } else {
            QCOMPARE(camera.state(), vigie::v1::CAMERA_STATE_ONLINE);
        }
        ptz += camera.has_ptz();
        recording += camera.recording();
    }
    QCOMPARE(directoryOnly, 5000);
    QCOMPARE(list.cameras(2).id(), std::string("dir-0001"));
    QCOMPARE(list.cameras(5001).id(), std::string("dir-5000"));
    QCOMPARE(names.size(), std::size_t(5000));  // every name differs, so a search can tell them apart
    QCOMPARE(sites.size(), std::size_t(4));
    QVERIFY(offline >= 400 && offline <= 600);
    QVERIFY(ptz > 0 && ptz < 5000);
    QVERIFY(recording > 0 && recording < 5000);

    // They play: their listed URLs lead to one shared clip, main and sub.
    const auto& first = list.cameras(2);
    QCOMPARE(first.streams_size(), 2);
    QVERIFY(first.streams(0).url() != first.streams(1).url());
    QString errors;
    QVERIFY2(decodes(QString::fromStdString(first.streams(1).url()), &errors), qPrintable(errors));
    QVERIFY2(decodes(QString::fromStdString(list.cameras(5000).streams(0).url()), &errors), qPrintable(errors));

    // And they can go on a wall like any camera.
    auto walls = vigie::v1::WallService::NewStub(channel);
    vigie::v1::PushToMonitorRequest request;
    request.set_wall_id("wall-b");
    request.set_monitor_id("mon-b1");
    request.mutable_camera()->set_camera_id("dir-4321");
    vigie::v1::PushToMonitorResponse response;
    QVERIFY(walls->PushToMonitor(callContext(loginOn(channel, "supervisor")).get(), request, &response).ok());
    sim.stop();
    QCOMPARE(sim.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestSimWalls)
#include "test_sim_walls.moc"
