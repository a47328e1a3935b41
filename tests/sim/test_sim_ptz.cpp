// PtzService against a real simulator: the Control stream drives the dome and its dead-man rule holds
// (cancelled stream, silent stream), presets round-trip, the control lock arbitrates between users with
// priorities and WatchLock reports its holder, and the RTSP picture moves the way the pan says.

// gRPC and generated headers before Qt's: Qt's keyword macros (signals, slots, emit) must not reach them.
#include <grpcpp/grpcpp.h>
#include <vigie/v1/directory.grpc.pb.h>
#include <vigie/v1/ptz.grpc.pb.h>

#include <google/protobuf/util/time_util.h>

#include <QElapsedTimer>
#include <QProcess>
#include <QtTest>

#include <chrono>
#include <cmath>
#include <memory>
#include <thread>

#include "SimCalls.h"
#include "SimProcess.h"

using namespace std::chrono_literals;
using google::protobuf::util::TimeUtil;
using vigie::test::callContext;
using vigie::test::describe;
using vigie::test::SimProcess;
using vigie::v1::ControlRequest;
using vigie::v1::ControlResponse;

namespace {

const std::string kCamera = "ptz-01";

ControlRequest startMessage(std::chrono::milliseconds lease, bool takeover = false)
{
    ControlRequest request;
    request.mutable_start()->set_camera_id(kCamera);
    *request.mutable_start()->mutable_lease() = TimeUtil::MillisecondsToDuration(lease.count());
    request.mutable_start()->set_takeover(takeover);
    return request;
}

ControlRequest velocityMessage(float pan, float tilt, float zoom)
{
    ControlRequest request;
    request.mutable_velocity()->set_pan(pan);
    request.mutable_velocity()->set_tilt(tilt);
    request.mutable_velocity()->set_zoom(zoom);
    return request;
}

// The red mast's centre in a decoded 4:2:0 frame (x in [0, 1]), or -1 when it is not in view. The mast
// is the only saturated red of the panorama (PanoramaScene): Cr above 200 just above the horizon.
double mastColumn(const QByteArray& frame, int width, int height)
{
    const auto* cr = reinterpret_cast<const std::uint8_t*>(frame.constData()) + width * height + width * height / 4;
    const int row = height / 4 - 3;
    double sum = 0;
    int count = 0;
    for (int x = 0; x < width / 2; ++x) {
        if (cr[row * (width / 2) + x] > 200) {
            sum += x;
            ++count;
        }
    }
    return count ? (sum / count + 0.5) / (width / 2) : -1;
}

// One decoded frame of an RTSP stream, through the ffmpeg CLI; empty on failure.
QByteArray decodeOneFrame(const QString& url, int width, int height, QString* errors)
{
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"),
                 {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-rtsp_transport"),
                  QStringLiteral("tcp"), QStringLiteral("-i"), url, QStringLiteral("-frames:v"), QStringLiteral("1"),
                  QStringLiteral("-f"), QStringLiteral("rawvideo"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"),
                  QStringLiteral("-")});
    if (!ffmpeg.waitForStarted(5000) || !ffmpeg.waitForFinished(20000)) {
        ffmpeg.kill();
        ffmpeg.waitForFinished(2000);
        *errors = QStringLiteral("ffmpeg did not run or finish");
        return {};
    }
    *errors = QString::fromUtf8(ffmpeg.readAllStandardError());
    const QByteArray raw = ffmpeg.readAllStandardOutput();
    return raw.size() == width * height * 3 / 2 ? raw : QByteArray();
}

} // namespace

class TestSimPtz : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void directoryListsTheDomeWithItsAbilities();
    void controlStreamMovesTheCamera();
    void cancellingTheStreamStopsTheCameraWithinASecond();
    void silentStreamStopsAtTheLease();
    void presetsRoundTrip();
    void rightsAndUnknownCameras();
    void lockConflictTakeoverAndWatch();
    void pictureFollowsThePan();

private:
    vigie::v1::PtzStatus status(const std::string& token);
    // Polls GetStatus until pan/tilt and zoom are idle; false after `timeout`.
    bool waitIdle(const std::string& token, std::chrono::milliseconds timeout, vigie::v1::PtzStatus* last = nullptr);
    void goHome(const std::string& token);
    void release(const std::string& token);

    SimProcess m_sim;
    std::shared_ptr<grpc::Channel> m_channel;
    std::unique_ptr<vigie::v1::PtzService::Stub> m_ptz;
    std::string m_operator;
    std::string m_supervisor;
    std::string m_viewer;
};

void TestSimPtz::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--cameras"), QStringLiteral("1"), QStringLiteral("--ptz-cameras"),
                          QStringLiteral("1")}),
             qPrintable(m_sim.lastError()));
    m_channel = grpc::CreateChannel(m_sim.grpcAddress().toStdString(), grpc::InsecureChannelCredentials());
    m_ptz = vigie::v1::PtzService::NewStub(m_channel);
    m_operator = vigie::test::loginOn(m_channel, "operator", "poste-1");
    m_supervisor = vigie::test::loginOn(m_channel, "supervisor", "poste-2");
    m_viewer = vigie::test::loginOn(m_channel, "viewer", "poste-3");
    QVERIFY(!m_operator.empty() && !m_supervisor.empty() && !m_viewer.empty());
}

void TestSimPtz::cleanupTestCase() { m_sim.stop(); }

vigie::v1::PtzStatus TestSimPtz::status(const std::string& token)
{
    vigie::v1::GetStatusRequest request;
    request.set_camera_id(kCamera);
    vigie::v1::GetStatusResponse response;
    const auto result = m_ptz->GetStatus(callContext(token).get(), request, &response);
    if (!result.ok())
        qWarning("GetStatus: %s", qPrintable(describe(result)));
    return response.status();
}

bool TestSimPtz::waitIdle(const std::string& token, std::chrono::milliseconds timeout, vigie::v1::PtzStatus* last)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeout.count()) {
        const auto current = status(token);
        if (last)
            *last = current;
        if (current.pan_tilt() == vigie::v1::PTZ_MOVE_STATUS_IDLE && current.zoom() == vigie::v1::PTZ_MOVE_STATUS_IDLE)
            return true;
        std::this_thread::sleep_for(20ms);
    }
    return false;
}

void TestSimPtz::goHome(const std::string& token)
{
    vigie::v1::GotoHomeRequest request;
    request.set_camera_id(kCamera);
    vigie::v1::GotoHomeResponse response;
    const auto result = m_ptz->GotoHome(callContext(token).get(), request, &response);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QVERIFY(waitIdle(token, 5s));
}

void TestSimPtz::release(const std::string& token)
{
    vigie::v1::ReleaseLockRequest request;
    request.set_camera_id(kCamera);
    vigie::v1::ReleaseLockResponse response;
    m_ptz->ReleaseLock(callContext(token).get(), request, &response);
}

void TestSimPtz::directoryListsTheDomeWithItsAbilities()
{
    auto directory = vigie::v1::DirectoryService::NewStub(m_channel);
    vigie::v1::GetCameraRequest get;
    get.set_camera_id(kCamera);
    vigie::v1::GetCameraResponse camera;
    const auto result = directory->GetCamera(callContext(m_operator).get(), get, &camera);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(camera.camera().name(), std::string("Dôme place de la Mairie"));
    QVERIFY(camera.camera().has_ptz());
    const auto& abilities = camera.camera().ptz();
    QVERIFY(abilities.pan_tilt() && abilities.zoom() && abilities.presets() && abilities.tours() &&
            abilities.centre_on_point() && abilities.area_zoom());
    QVERIFY(!abilities.focus() && !abilities.iris());
    QCOMPARE(abilities.max_presets(), 64);
    QCOMPARE(camera.camera().streams_size(), 2);

    QString reply;
    QVERIFY2(m_sim.command(QStringLiteral("ptz-status ptz-01"), &reply), qPrintable(reply));
    QCOMPARE(reply, QStringLiteral("ok pan=0.0000 tilt=0.0000 zoom=0.0000 moving=0"));
    QVERIFY(!m_sim.command(QStringLiteral("ptz-status cam-01"), &reply));
    const auto initial = status(m_operator);
    QCOMPARE(initial.camera_id(), kCamera);
    QVERIFY(initial.position().has_pan() && initial.position().has_tilt() && initial.position().has_zoom());
    QCOMPARE(initial.pan_tilt(), vigie::v1::PTZ_MOVE_STATUS_IDLE);
}

void TestSimPtz::controlStreamMovesTheCamera()
{
    grpc::ClientContext context;
    context.AddMetadata("authorization", "Bearer " + m_operator);
    auto stream = m_ptz->Control(&context);
    QVERIFY(stream->Write(startMessage(500ms)));
    ControlResponse response;
    QVERIFY(stream->Read(&response));
    QVERIFY(response.has_ready());
    QCOMPARE(TimeUtil::DurationToMilliseconds(response.ready().lease()), std::int64_t(500));
    QVERIFY(response.ready().lock().held_by_caller());
    QCOMPARE(response.ready().lock().holder_user(), std::string("operator"));

    // Right and up for 600 ms, renewing the lease every 100 ms.
    const auto before = status(m_operator).position();
    for (int i = 0; i < 6; ++i) {
        QVERIFY(stream->Write(velocityMessage(0.5f, 0.5f, 0)));
        std::this_thread::sleep_for(100ms);
    }
    const auto moving = status(m_operator);
    QCOMPARE(moving.pan_tilt(), vigie::v1::PTZ_MOVE_STATUS_MOVING);
    QVERIFY2(moving.position().pan() > before.pan() + 0.1f, "panning right raises pan");
    QVERIFY2(moving.position().tilt() > before.tilt() + 0.2f, "tilting up raises tilt");
    // Then zoom in, and stop with an all-zero message.
    QVERIFY(stream->Write(velocityMessage(0, 0, 1)));
    QTRY_VERIFY_WITH_TIMEOUT(status(m_operator).position().zoom() > 0.02f, 3000);
    QVERIFY(stream->Write(velocityMessage(0, 0, 0)));
    QVERIFY(waitIdle(m_operator, 500ms));
    QVERIFY(status(m_operator).position().zoom() > 0.02f);
    QVERIFY(stream->WritesDone());
    const auto finished = stream->Finish();
    QVERIFY2(finished.ok(), qPrintable(describe(finished)));
    goHome(m_operator);
}

void TestSimPtz::cancellingTheStreamStopsTheCameraWithinASecond()
{
    grpc::ClientContext context;
    context.AddMetadata("authorization", "Bearer " + m_operator);
    auto stream = m_ptz->Control(&context);
    // The longest lease (2 s): only the end of the stream can stop the camera within a second.
    QVERIFY(stream->Write(startMessage(5s)));
    ControlResponse response;
    QVERIFY(stream->Read(&response) && response.has_ready());
    QCOMPARE(TimeUtil::DurationToMilliseconds(response.ready().lease()), std::int64_t(2000));
    QVERIFY(stream->Write(velocityMessage(-0.3f, 0, 0)));
    QTRY_COMPARE_WITH_TIMEOUT(status(m_operator).pan_tilt(), vigie::v1::PTZ_MOVE_STATUS_MOVING, 3000);

    QElapsedTimer timer;
    timer.start();
    context.TryCancel();
    vigie::v1::PtzStatus last;
    QVERIFY2(waitIdle(m_operator, 1s, &last), "still moving 1 s after the stream was cancelled");
    const qint64 stoppedAfter = timer.elapsed();
    qInfo("camera idle %lld ms after the cancellation", static_cast<long long>(stoppedAfter));
    // And it really stays put.
    std::this_thread::sleep_for(300ms);
    QCOMPARE(status(m_operator).position().pan(), last.position().pan());
    stream->Finish();
    goHome(m_operator);
}

void TestSimPtz::silentStreamStopsAtTheLease()
{
    grpc::ClientContext context;
    context.AddMetadata("authorization", "Bearer " + m_operator);
    auto stream = m_ptz->Control(&context);
    QVERIFY(stream->Write(startMessage(500ms)));
    ControlResponse response;
    QVERIFY(stream->Read(&response) && response.has_ready());
    QElapsedTimer timer;
    QVERIFY(stream->Write(velocityMessage(0.3f, 0, 0)));
    timer.start();
    // Silent from now on: the server reports the lapse, and the camera has stopped.
    QVERIFY(stream->Read(&response));
    const qint64 lapsedAfter = timer.elapsed();
    QVERIFY2(response.has_lease(), response.DebugString().c_str());
    QCOMPARE(response.lease().state(), vigie::v1::LEASE_STATE_LAPSED);
    QVERIFY(response.lease().stop_confirmed());
    QVERIFY2(lapsedAfter >= 400 && lapsedAfter < 1000, qPrintable(QString::number(lapsedAfter)));
    const auto stopped = status(m_operator);
    QCOMPARE(stopped.pan_tilt(), vigie::v1::PTZ_MOVE_STATUS_IDLE);
    // 0.3 of 0.5 pan/s for the 0.5 s lease.
    QVERIFY2(std::abs(stopped.position().pan() - 0.075f) < 0.01f, qPrintable(QString::number(stopped.position().pan())));
    std::this_thread::sleep_for(200ms);
    QCOMPARE(status(m_operator).position().pan(), stopped.position().pan());
    // The next velocity makes the lease active again.
    QVERIFY(stream->Write(velocityMessage(0, 0, 0)));
    QVERIFY(stream->Read(&response));
    QCOMPARE(response.lease().state(), vigie::v1::LEASE_STATE_ACTIVE);
    QVERIFY(stream->WritesDone());
    QVERIFY(stream->Finish().ok());
    goHome(m_operator);
}

void TestSimPtz::presetsRoundTrip()
{
    vigie::v1::AbsoluteMoveRequest move;
    move.set_camera_id(kCamera);
    move.mutable_position()->set_pan(-0.2f);
    move.mutable_position()->set_tilt(0.3f);
    move.mutable_position()->set_zoom(0.4f);
    vigie::v1::AbsoluteMoveResponse moved;
    QVERIFY(m_ptz->AbsoluteMove(callContext(m_operator).get(), move, &moved).ok());

    vigie::v1::SetPresetRequest set;
    set.set_camera_id(kCamera);
    set.set_name("Abribus rue de la Gare");
    set.set_request_id("3f1e2b9a-0000-4000-8000-000000000001");
    vigie::v1::SetPresetResponse stored;
    QCOMPARE(m_ptz->SetPreset(callContext(m_operator).get(), set, &stored).error_code(),
             grpc::StatusCode::FAILED_PRECONDITION);  // still moving
    QVERIFY(waitIdle(m_operator, 5s));
    auto result = m_ptz->SetPreset(callContext(m_operator).get(), set, &stored);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QVERIFY(!stored.preset().id().empty());
    QVERIFY(std::abs(stored.preset().position().pan() + 0.2f) < 1e-4f);

    vigie::v1::ListPresetsRequest list;
    list.set_camera_id(kCamera);
    vigie::v1::ListPresetsResponse listed;
    QVERIFY(m_ptz->ListPresets(callContext(m_viewer).get(), list, &listed).ok());  // reading needs live only
    bool found = false;
    for (const auto& preset : listed.presets())
        found = found || (preset.id() == stored.preset().id() && preset.name() == set.name());
    QVERIFY(found);
    QVERIFY(listed.has_home());
    QCOMPARE(listed.max_presets(), 64);

    goHome(m_operator);
    vigie::v1::GotoPresetRequest go;
    go.set_camera_id(kCamera);
    go.set_preset_id(stored.preset().id());
    vigie::v1::GotoPresetResponse went;
    QVERIFY(m_ptz->GotoPreset(callContext(m_operator).get(), go, &went).ok());
    vigie::v1::PtzStatus arrived;
    QVERIFY(waitIdle(m_operator, 5s, &arrived));
    QVERIFY(std::abs(arrived.position().pan() + 0.2f) < 1e-4f);
    QVERIFY(std::abs(arrived.position().tilt() - 0.3f) < 1e-4f);
    QVERIFY(std::abs(arrived.position().zoom() - 0.4f) < 1e-4f);

    vigie::v1::RemovePresetRequest remove;
    remove.set_camera_id(kCamera);
    remove.set_preset_id(stored.preset().id());
    vigie::v1::RemovePresetResponse removed;
    QVERIFY(m_ptz->RemovePreset(callContext(m_operator).get(), remove, &removed).ok());
    QCOMPARE(m_ptz->GotoPreset(callContext(m_operator).get(), go, &went).error_code(), grpc::StatusCode::NOT_FOUND);
    listed.Clear();
    QVERIFY(m_ptz->ListPresets(callContext(m_operator).get(), list, &listed).ok());
    for (const auto& preset : listed.presets())
        QVERIFY(preset.id() != stored.preset().id());
    goHome(m_operator);
    release(m_operator);
}

void TestSimPtz::rightsAndUnknownCameras()
{
    vigie::v1::AbsoluteMoveRequest move;
    move.set_camera_id(kCamera);
    vigie::v1::AbsoluteMoveResponse moved;
    QCOMPARE(m_ptz->AbsoluteMove(callContext(m_viewer).get(), move, &moved).error_code(),
             grpc::StatusCode::PERMISSION_DENIED);
    QCOMPARE(m_ptz->AbsoluteMove(callContext().get(), move, &moved).error_code(), grpc::StatusCode::UNAUTHENTICATED);
    move.set_camera_id("ptz-99");
    QCOMPARE(m_ptz->AbsoluteMove(callContext(m_operator).get(), move, &moved).error_code(), grpc::StatusCode::NOT_FOUND);
    move.set_camera_id("cam-01");
    QCOMPARE(m_ptz->AbsoluteMove(callContext(m_operator).get(), move, &moved).error_code(),
             grpc::StatusCode::UNIMPLEMENTED);
    move.set_camera_id(kCamera);
    move.mutable_position()->set_zoom(1.5f);
    QCOMPARE(m_ptz->AbsoluteMove(callContext(m_operator).get(), move, &moved).error_code(),
             grpc::StatusCode::INVALID_ARGUMENT);

    vigie::v1::AcquireLockRequest acquire;
    acquire.set_camera_id(kCamera);
    acquire.set_priority(20);  // the operator's own is 10
    vigie::v1::AcquireLockResponse acquired;
    QCOMPARE(m_ptz->AcquireLock(callContext(m_operator).get(), acquire, &acquired).error_code(),
             grpc::StatusCode::PERMISSION_DENIED);

    // A dome set offline cannot be reached.
    QVERIFY(m_sim.command(QStringLiteral("camera ptz-01 offline coupure réseau")));
    vigie::v1::GetStatusRequest get;
    get.set_camera_id(kCamera);
    vigie::v1::GetStatusResponse got;
    QCOMPARE(m_ptz->GetStatus(callContext(m_operator).get(), get, &got).error_code(), grpc::StatusCode::UNAVAILABLE);
    QVERIFY(m_sim.command(QStringLiteral("camera ptz-01 online")));
    QVERIFY(m_ptz->GetStatus(callContext(m_operator).get(), get, &got).ok());

    // A Control stream must start with `start`.
    grpc::ClientContext context;
    context.AddMetadata("authorization", "Bearer " + m_operator);
    auto stream = m_ptz->Control(&context);
    QVERIFY(stream->Write(velocityMessage(1, 0, 0)));
    stream->WritesDone();
    QCOMPARE(stream->Finish().error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

void TestSimPtz::lockConflictTakeoverAndWatch()
{
    // The supervisor watches the lock.
    grpc::ClientContext watchContext;
    watchContext.AddMetadata("authorization", "Bearer " + m_supervisor);
    watchContext.set_deadline(std::chrono::system_clock::now() + 20s);
    vigie::v1::WatchLockRequest watchRequest;
    watchRequest.set_camera_id(kCamera);
    auto watch = m_ptz->WatchLock(&watchContext, watchRequest);
    vigie::v1::WatchLockResponse watched;
    QVERIFY(watch->Read(&watched));
    QVERIFY(!watched.lock().locked());

    // The operator drives: the lock is the operator's, and the watcher hears who holds it.
    grpc::ClientContext controlContext;
    controlContext.AddMetadata("authorization", "Bearer " + m_operator);
    auto control = m_ptz->Control(&controlContext);
    QVERIFY(control->Write(startMessage(2s)));
    ControlResponse response;
    QVERIFY(control->Read(&response) && response.has_ready());
    QVERIFY(control->Write(velocityMessage(0.2f, 0, 0)));
    QVERIFY(watch->Read(&watched));
    QVERIFY(watched.lock().locked());
    QCOMPARE(watched.lock().holder_user(), std::string("operator"));
    QCOMPARE(watched.lock().holder_display_name(), std::string("Opérateur"));
    QCOMPARE(watched.lock().holder_workstation(), std::string("poste-1"));
    QCOMPARE(watched.lock().priority(), 10);
    QVERIFY(!watched.lock().held_by_caller());
    QVERIFY(TimeUtil::TimestampToMilliseconds(watched.lock().expires_at()) >
            TimeUtil::TimestampToMilliseconds(TimeUtil::GetCurrentTime()) + 50'000);

    // Others are refused while it holds it; a takeover needs a strictly higher priority.
    vigie::v1::AbsoluteMoveRequest move;
    move.set_camera_id(kCamera);
    vigie::v1::AbsoluteMoveResponse moved;
    QCOMPARE(m_ptz->AbsoluteMove(callContext(m_supervisor).get(), move, &moved).error_code(),
             grpc::StatusCode::FAILED_PRECONDITION);
    vigie::v1::AcquireLockRequest acquire;
    acquire.set_camera_id(kCamera);
    acquire.set_takeover(true);
    acquire.set_reason("suivi véhicule");
    vigie::v1::AcquireLockResponse acquired;
    auto result = m_ptz->AcquireLock(callContext(m_supervisor).get(), acquire, &acquired);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QVERIFY(acquired.lock().held_by_caller());
    QCOMPARE(acquired.lock().priority(), 50);

    // The operator's stream hears of it (or, on a slow machine, is already ended by it), its camera
    // stopped, and the call ends with FAILED_PRECONDITION, as the contract says either way.
    bool told = false;
    bool ended = false;
    while (!told && !ended) {
        ended = !control->Read(&response);
        told = !ended && response.has_lock() && response.lock().holder_user() == "supervisor";
    }
    QCOMPARE(status(m_operator).pan_tilt(), vigie::v1::PTZ_MOVE_STATUS_IDLE);
    if (!ended) {
        control->Write(velocityMessage(0.2f, 0, 0));
        control->WritesDone();
    }
    QCOMPARE(control->Finish().error_code(), grpc::StatusCode::FAILED_PRECONDITION);

    bool seenSupervisor = false;
    while (!seenSupervisor && watch->Read(&watched))
        seenSupervisor = watched.lock().holder_user() == "supervisor";
    QVERIFY(seenSupervisor);
    QVERIFY(watched.lock().held_by_caller());
    QCOMPARE(watched.lock().reason(), std::string("suivi véhicule"));
    QCOMPARE(m_ptz->AcquireLock(callContext(m_operator).get(), acquire, &acquired).error_code(),
             grpc::StatusCode::FAILED_PRECONDITION);

    // Released: the watcher sees it free, and the operator may drive again.
    release(m_operator);  // not the holder: changes nothing
    vigie::v1::GetLockRequest get;
    get.set_camera_id(kCamera);
    vigie::v1::GetLockResponse got;
    QVERIFY(m_ptz->GetLock(callContext(m_operator).get(), get, &got).ok());
    QCOMPARE(got.lock().holder_user(), std::string("supervisor"));
    release(m_supervisor);
    bool seenFree = false;
    while (!seenFree && watch->Read(&watched))
        seenFree = !watched.lock().locked();
    QVERIFY(seenFree);
    QVERIFY(m_ptz->AbsoluteMove(callContext(m_operator).get(), move, &moved).ok());
    release(m_operator);
    watchContext.TryCancel();
    watch->Finish();
}

void TestSimPtz::pictureFollowsThePan()
{
    constexpr int kWidth = 640;
    constexpr int kHeight = 360;
    goHome(m_operator);
    const QString url = m_sim.rtspBaseUrl() + QStringLiteral("/ptz-01/sub");
    QString errors;
    const QByteArray home = decodeOneFrame(url, kWidth, kHeight, &errors);
    QVERIFY2(!home.isEmpty(), qPrintable(errors));
    const double atHome = mastColumn(home, kWidth, kHeight);
    QVERIFY2(std::abs(atHome - 0.5) < 0.02, qPrintable(QString::number(atHome)));

    // Pan right by 10 degrees, a sixth of the 60-degree wide field: the mast moves left by a sixth.
    vigie::v1::AbsoluteMoveRequest move;
    move.set_camera_id(kCamera);
    move.mutable_position()->set_pan(10.0f / 180.0f);
    vigie::v1::AbsoluteMoveResponse moved;
    QVERIFY(m_ptz->AbsoluteMove(callContext(m_operator).get(), move, &moved).ok());
    QVERIFY(waitIdle(m_operator, 5s));
    const QByteArray panned = decodeOneFrame(url, kWidth, kHeight, &errors);
    QVERIFY2(!panned.isEmpty(), qPrintable(errors));
    const double afterPan = mastColumn(panned, kWidth, kHeight);
    QVERIFY2(std::abs(afterPan - (0.5 - 1.0 / 6)) < 0.02, qPrintable(QString::number(afterPan)));
    goHome(m_operator);
    release(m_operator);
}

QTEST_GUILESS_MAIN(TestSimPtz)
#include "test_sim_ptz.moc"
