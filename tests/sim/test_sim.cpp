// vigie-sim on its own, through the generated gRPC stubs and the ffmpeg CLI: authentication, directory,
// watch, health, TLS, configuration errors, and RTSP streams that really decode.

// gRPC and generated headers before Qt's: Qt's keyword macros (signals, slots, emit) must not reach them.
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>
#include <vigie/v1/auth.grpc.pb.h>
#include <vigie/v1/directory.grpc.pb.h>
#include <vigie/v1/system.grpc.pb.h>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <memory>

#include "SimProcess.h"

using vigie::test::SimProcess;
using namespace std::chrono_literals;

namespace {

constexpr int kHeartbeatMs = 300;

std::chrono::system_clock::time_point deadlineIn(std::chrono::milliseconds delay)
{
    return std::chrono::system_clock::now() + delay;
}

std::shared_ptr<grpc::Channel> plainChannel(const QString& address)
{
    return grpc::CreateChannel(address.toStdString(), grpc::InsecureChannelCredentials());
}

// A context with a deadline and, when given, the bearer token.
std::unique_ptr<grpc::ClientContext> callContext(const std::string& token = {},
                                                 std::chrono::milliseconds deadline = 5s)
{
    auto context = std::make_unique<grpc::ClientContext>();
    context->set_deadline(deadlineIn(deadline));
    if (!token.empty())
        context->AddMetadata("authorization", "Bearer " + token);
    return context;
}

grpc::Status login(grpc::Channel& channel, const std::string& user, const std::string& password,
                   vigie::v1::LoginResponse* response)
{
    auto stub = vigie::v1::AuthService::NewStub(std::shared_ptr<grpc::Channel>(&channel, [](grpc::Channel*) {}));
    vigie::v1::LoginRequest request;
    request.set_user(user);
    request.set_password(password);
    request.set_workstation("test-sim");
    return stub->Login(callContext().get(), request, response);
}

QString describe(const grpc::Status& status)
{
    return QStringLiteral("%1: %2").arg(status.error_code()).arg(QString::fromStdString(status.error_message()));
}

struct Decoded {
    int exitCode = -1;
    int frames = 0;
    QStringList frameSizes;  // decoded picture sizes in bytes, as framemd5 reports them
    QString errors;
};

// Decodes `frames` frames of an RTSP stream with the ffmpeg CLI (RTP over TCP), with a deadline.
Decoded decodeWithFfmpeg(const QString& url, int frames)
{
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"), {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"),
                                            QStringLiteral("-rtsp_transport"), QStringLiteral("tcp"),
                                            QStringLiteral("-i"), url, QStringLiteral("-frames:v"),
                                            QString::number(frames), QStringLiteral("-f"), QStringLiteral("framemd5"),
                                            QStringLiteral("-")});
    Decoded decoded;
    if (!ffmpeg.waitForStarted(5000)) {
        decoded.errors = QStringLiteral("cannot run ffmpeg: ") + ffmpeg.errorString();
        return decoded;
    }
    if (!ffmpeg.waitForFinished(20000)) {
        ffmpeg.kill();
        ffmpeg.waitForFinished(2000);
        decoded.errors = QStringLiteral("ffmpeg did not finish within 20 s");
        return decoded;
    }
    decoded.exitCode = ffmpeg.exitStatus() == QProcess::NormalExit ? ffmpeg.exitCode() : -1;
    decoded.errors = QString::fromUtf8(ffmpeg.readAllStandardError());
    // framemd5 lines: "stream, dts, pts, duration, size, md5"; '#' lines are headers.
    for (const QByteArray& line : ffmpeg.readAllStandardOutput().split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> fields = line.split(',');
        if (fields.size() == 6) {
            ++decoded.frames;
            decoded.frameSizes << QString::fromLatin1(fields[4].trimmed());
        }
    }
    return decoded;
}

// Reads watch messages until one satisfies `wanted` (others are skipped); false when the stream ends.
template <typename Predicate>
bool readUntil(grpc::ClientReader<vigie::v1::WatchDirectoryResponse>& reader,
               vigie::v1::WatchDirectoryResponse* message, Predicate wanted)
{
    while (reader.Read(message)) {
        if (wanted(*message))
            return true;
    }
    return false;
}

} // namespace

class TestSim : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void serverInfoNeedsNoToken();
    void loginGivesATokenAndASession();
    void wrongCredentialsAreUnauthenticated_data();
    void wrongCredentialsAreUnauthenticated();
    void callsWithoutAValidTokenAreRefused();
    void listsSixteenCamerasWithTwoStreams();
    void unknownCameraIsNotFound();
    void watchSeesChangesAndHeartbeats();
    void watchFromAnUnknownRevisionGetsResync();
    void watchBeyondTheJournalGetsResync();
    void sessionsExpire();
    void healthCheckIsServing();
    void h264SubStreamDecodes();
    void h265StreamDecodes();
    void offlineCameraIsNotServed();
    void badConfigurationExitsWithStatus2_data();
    void badConfigurationExitsWithStatus2();
    void exampleConfigurationIsServed();
    void tlsNeedsTheRightCa();

private:
    std::string loginToken(const std::string& user = "operator");

    SimProcess m_sim;
    std::shared_ptr<grpc::Channel> m_channel;
    QTemporaryDir m_temp;
};

void TestSim::initTestCase()
{
    QVERIFY(m_temp.isValid());
    QVERIFY2(m_sim.start({QStringLiteral("--heartbeat-ms"), QString::number(kHeartbeatMs)}),
             qPrintable(m_sim.lastError()));
    QVERIFY(m_sim.grpcAddress().startsWith(QLatin1String("127.0.0.1:")));
    QVERIFY(m_sim.rtspBaseUrl().startsWith(QLatin1String("rtsp://127.0.0.1:")));
    QVERIFY(!m_sim.tls());
    m_channel = plainChannel(m_sim.grpcAddress());
}

void TestSim::cleanupTestCase()
{
    m_sim.stop();
    QCOMPARE(m_sim.exitCode(), 0);
}

std::string TestSim::loginToken(const std::string& user)
{
    vigie::v1::LoginResponse response;
    const auto status = login(*m_channel, user, user, &response);
    if (!status.ok())
        qWarning("login %s failed: %s", user.c_str(), qPrintable(describe(status)));
    return response.token();
}

void TestSim::serverInfoNeedsNoToken()
{
    auto stub = vigie::v1::SystemService::NewStub(m_channel);
    vigie::v1::GetServerInfoResponse info;
    const auto status = stub->GetServerInfo(callContext().get(), {}, &info);
    QVERIFY2(status.ok(), qPrintable(describe(status)));
    QCOMPARE(info.product(), std::string("vigie-sim"));
    QVERIFY(!info.version().empty());
    QVERIFY(info.server_time().seconds() > 0);
    const auto& services = info.implemented_services();
    for (const char* name : {"vigie.v1.AuthService", "vigie.v1.SystemService", "vigie.v1.DirectoryService"})
        QVERIFY2(std::find(services.begin(), services.end(), name) != services.end(), name);
}

void TestSim::loginGivesATokenAndASession()
{
    vigie::v1::LoginResponse response;
    const auto status = login(*m_channel, "supervisor", "supervisor", &response);
    QVERIFY2(status.ok(), qPrintable(describe(status)));
    QCOMPARE(response.token().size(), std::size_t(64));
    QCOMPARE(response.session().user().name(), std::string("supervisor"));
    QCOMPARE(response.session().user().roles_size(), 1);
    QCOMPARE(response.session().user().roles(0), vigie::v1::ROLE_SUPERVISOR);
    QCOMPARE(response.session().user().ptz_priority(), 50);
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch()).count();
    QVERIFY(response.session().expires_at().seconds() > now + 7 * 3600);  // 8 h by default
    QVERIFY(response.session().rights_size() > 0);

    // The token works, and a second login gets another one.
    auto stub = vigie::v1::AuthService::NewStub(m_channel);
    vigie::v1::GetSessionResponse session;
    auto sessionStatus = stub->GetSession(callContext(response.token()).get(), {}, &session);
    QVERIFY2(sessionStatus.ok(), qPrintable(describe(sessionStatus)));
    QCOMPARE(session.session().user().name(), std::string("supervisor"));
    QVERIFY(loginToken("supervisor") != response.token());

    // Refresh gives a new token; logout ends the session of the token used.
    vigie::v1::RefreshSessionResponse refreshed;
    QVERIFY(stub->RefreshSession(callContext(response.token()).get(), {}, &refreshed).ok());
    QVERIFY(!refreshed.token().empty() && refreshed.token() != response.token());
    vigie::v1::LogoutResponse loggedOut;
    QVERIFY(stub->Logout(callContext(refreshed.token()).get(), {}, &loggedOut).ok());
    sessionStatus = stub->GetSession(callContext(refreshed.token()).get(), {}, &session);
    QCOMPARE(sessionStatus.error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

void TestSim::wrongCredentialsAreUnauthenticated_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::newRow("wrong password") << "operator" << "not-the-password";
    QTest::newRow("unknown user") << "nobody" << "operator";
    QTest::newRow("empty") << "" << "";
}

void TestSim::wrongCredentialsAreUnauthenticated()
{
    QFETCH(QString, user);
    QFETCH(QString, password);
    vigie::v1::LoginResponse response;
    const auto status = login(*m_channel, user.toStdString(), password.toStdString(), &response);
    QCOMPARE(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
    // The same message whatever was wrong: it does not tell which user names exist.
    QCOMPARE(status.error_message(), std::string("invalid user name or password"));
    QVERIFY(response.token().empty());
}

void TestSim::callsWithoutAValidTokenAreRefused()
{
    auto directory = vigie::v1::DirectoryService::NewStub(m_channel);
    vigie::v1::ListCamerasResponse cameras;
    auto status = directory->ListCameras(callContext().get(), {}, &cameras);
    QCOMPARE(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
    QCOMPARE(status.error_message(), std::string("missing bearer token"));

    status = directory->ListCameras(callContext("0123456789abcdef").get(), {}, &cameras);
    QCOMPARE(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
    QCOMPARE(status.error_message(), std::string("unknown or expired token"));

    auto system = vigie::v1::SystemService::NewStub(m_channel);
    vigie::v1::GetHealthResponse health;
    QCOMPARE(system->GetHealth(callContext().get(), {}, &health).error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

void TestSim::listsSixteenCamerasWithTwoStreams()
{
    const std::string token = loginToken();
    auto stub = vigie::v1::DirectoryService::NewStub(m_channel);
    vigie::v1::ListCamerasResponse response;
    const auto status = stub->ListCameras(callContext(token).get(), {}, &response);
    QVERIFY2(status.ok(), qPrintable(describe(status)));
    QCOMPARE(response.cameras_size(), 16);
    QCOMPARE(response.sites_size(), 4);
    QVERIFY(response.revision() > 0);

    int h265 = 0;
    int ptz = 0;
    for (const auto& camera : response.cameras()) {
        const QString id = QString::fromStdString(camera.id());
        QVERIFY2(!camera.name().empty(), qPrintable(id));
        QCOMPARE(camera.state(), vigie::v1::CAMERA_STATE_ONLINE);
        QCOMPARE(camera.streams_size(), 2);
        const auto& main = camera.streams(0);
        const auto& sub = camera.streams(1);
        QCOMPARE(main.role(), vigie::v1::STREAM_ROLE_MAIN);
        QCOMPARE(main.width(), 1280);
        QCOMPARE(main.height(), 720);
        QCOMPARE(sub.role(), vigie::v1::STREAM_ROLE_SUB);
        QCOMPARE(sub.width(), 640);
        QCOMPARE(sub.height(), 360);
        QCOMPARE(QString::fromStdString(main.url()), m_sim.rtspBaseUrl() + "/" + id + "/main");
        QCOMPARE(QString::fromStdString(sub.url()), m_sim.rtspBaseUrl() + "/" + id + "/sub");
        h265 += main.codec() == vigie::v1::VIDEO_CODEC_H265;
        ptz += camera.has_ptz();
    }
    QCOMPARE(h265, 4);  // cam-04, cam-08, cam-12, cam-16
    QCOMPARE(response.cameras(3).streams(0).codec(), vigie::v1::VIDEO_CODEC_H265);
    QVERIFY(ptz >= 1);

    vigie::v1::GetCameraRequest request;
    request.set_camera_id("cam-05");
    vigie::v1::GetCameraResponse one;
    QVERIFY(stub->GetCamera(callContext(token).get(), request, &one).ok());
    QCOMPARE(one.camera().id(), std::string("cam-05"));
    QVERIFY(one.camera().privacy_masks_size() > 0);
}

void TestSim::unknownCameraIsNotFound()
{
    auto stub = vigie::v1::DirectoryService::NewStub(m_channel);
    vigie::v1::GetCameraRequest request;
    request.set_camera_id("cam-99");
    vigie::v1::GetCameraResponse response;
    QCOMPARE(stub->GetCamera(callContext(loginToken()).get(), request, &response).error_code(),
             grpc::StatusCode::NOT_FOUND);
}

void TestSim::watchSeesChangesAndHeartbeats()
{
    const std::string token = loginToken();
    auto stub = vigie::v1::DirectoryService::NewStub(m_channel);
    vigie::v1::ListCamerasResponse list;
    QVERIFY(stub->ListCameras(callContext(token).get(), {}, &list).ok());
    const auto listed = list.revision();

    auto context = callContext(token, 15s);
    vigie::v1::WatchDirectoryRequest request;
    request.set_after_revision(listed);
    auto reader = stub->WatchDirectory(context.get(), request);
    vigie::v1::WatchDirectoryResponse message;

    // Nothing missed: the first message is a heartbeat at the listed revision.
    QVERIFY(reader->Read(&message));
    QVERIFY(message.has_heartbeat());
    QCOMPARE(message.revision(), listed);

    QString reply;
    QVERIFY2(m_sim.command(QStringLiteral("camera cam-02 offline cable cut"), &reply), qPrintable(reply));
    QVERIFY(readUntil(*reader, &message, [](const auto& m) { return m.has_camera_upserted(); }));
    QCOMPARE(message.camera_upserted().id(), std::string("cam-02"));
    QCOMPARE(message.camera_upserted().state(), vigie::v1::CAMERA_STATE_OFFLINE);
    QCOMPARE(message.camera_upserted().state_reason(), std::string("cable cut"));
    const auto offlineRevision = message.revision();
    QVERIFY(offlineRevision > listed);

    // Heartbeats keep coming, with the current revision.
    QVERIFY(readUntil(*reader, &message, [](const auto& m) { return m.has_heartbeat(); }));
    QCOMPARE(message.revision(), offlineRevision);
    QVERIFY(message.heartbeat().server_time().seconds() > 0);

    QVERIFY(m_sim.command(QStringLiteral("camera cam-02 online")));
    QVERIFY(readUntil(*reader, &message, [](const auto& m) { return m.has_camera_upserted(); }));
    QCOMPARE(message.camera_upserted().state(), vigie::v1::CAMERA_STATE_ONLINE);
    context->TryCancel();
    reader->Finish();

    // A watch resuming from the listed revision replays both changes first.
    auto replayContext = callContext(token, 10s);
    auto replay = stub->WatchDirectory(replayContext.get(), request);
    QVERIFY(replay->Read(&message));
    QCOMPARE(message.camera_upserted().state(), vigie::v1::CAMERA_STATE_OFFLINE);
    QCOMPARE(message.revision(), offlineRevision);
    QVERIFY(replay->Read(&message));
    QCOMPARE(message.camera_upserted().state(), vigie::v1::CAMERA_STATE_ONLINE);
    replayContext->TryCancel();
    replay->Finish();

    // The directory reflects it; the health report counted the offline camera meanwhile.
    vigie::v1::GetCameraRequest get;
    get.set_camera_id("cam-02");
    vigie::v1::GetCameraResponse camera;
    QVERIFY(stub->GetCamera(callContext(token).get(), get, &camera).ok());
    QCOMPARE(camera.camera().state(), vigie::v1::CAMERA_STATE_ONLINE);
}

void TestSim::watchFromAnUnknownRevisionGetsResync()
{
    auto stub = vigie::v1::DirectoryService::NewStub(m_channel);
    auto context = callContext(loginToken(), 10s);
    vigie::v1::WatchDirectoryRequest request;
    request.set_after_revision(1);  // older than anything the journal holds
    auto reader = stub->WatchDirectory(context.get(), request);
    vigie::v1::WatchDirectoryResponse message;
    QVERIFY(reader->Read(&message));
    QVERIFY(message.has_resync());
    QVERIFY(!reader->Read(&message));  // the stream ends after RESYNC
    QVERIFY(reader->Finish().ok());
}

void TestSim::watchBeyondTheJournalGetsResync()
{
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--journal-size"), QStringLiteral("1"), QStringLiteral("--cameras"),
                        QStringLiteral("2")}),
             qPrintable(sim.lastError()));
    auto channel = plainChannel(sim.grpcAddress());
    vigie::v1::LoginResponse session;
    QVERIFY(login(*channel, "operator", "operator", &session).ok());
    auto stub = vigie::v1::DirectoryService::NewStub(channel);
    vigie::v1::ListCamerasResponse list;
    QVERIFY(stub->ListCameras(callContext(session.token()).get(), {}, &list).ok());
    QCOMPARE(list.cameras_size(), 2);

    // Two changes, a journal of one: the listed revision can no longer be resumed from.
    QVERIFY(sim.command(QStringLiteral("camera cam-01 offline")));
    QVERIFY(sim.command(QStringLiteral("camera cam-01 online")));
    auto context = callContext(session.token(), 10s);
    vigie::v1::WatchDirectoryRequest request;
    request.set_after_revision(list.revision());
    auto reader = stub->WatchDirectory(context.get(), request);
    vigie::v1::WatchDirectoryResponse message;
    QVERIFY(reader->Read(&message));
    QVERIFY(message.has_resync());
    QCOMPARE(message.revision(), list.revision() + 2);
    QVERIFY(!reader->Read(&message));
    reader->Finish();

    // The revision just before the last change is still in the journal.
    auto context2 = callContext(session.token(), 10s);
    request.set_after_revision(list.revision() + 1);
    auto resumed = stub->WatchDirectory(context2.get(), request);
    QVERIFY(resumed->Read(&message));
    QVERIFY(message.has_camera_upserted());
    QCOMPARE(message.camera_upserted().state(), vigie::v1::CAMERA_STATE_ONLINE);
    context2->TryCancel();
    resumed->Finish();
}

void TestSim::sessionsExpire()
{
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--session-ttl-s"), QStringLiteral("1"), QStringLiteral("--cameras"),
                        QStringLiteral("1")}),
             qPrintable(sim.lastError()));
    auto channel = plainChannel(sim.grpcAddress());
    vigie::v1::LoginResponse session;
    QVERIFY(login(*channel, "viewer", "viewer", &session).ok());
    auto stub = vigie::v1::AuthService::NewStub(channel);
    vigie::v1::GetSessionResponse response;
    QVERIFY(stub->GetSession(callContext(session.token()).get(), {}, &response).ok());
    QCOMPARE(response.session().user().roles(0), vigie::v1::ROLE_VIEWER);

    QTest::qWait(1100);  // the lifetime is what is under test here
    const auto status = stub->GetSession(callContext(session.token()).get(), {}, &response);
    QCOMPARE(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
    QCOMPARE(status.error_message(), std::string("unknown or expired token"));
}

void TestSim::healthCheckIsServing()
{
    // grpc.health.v1.Health/Check through the generic stub (no generated health stubs are installed).
    // An empty HealthCheckRequest (service "") asks about the whole server; SERVING is status = 1.
    grpc::GenericStub generic(m_channel);
    grpc::CompletionQueue queue;
    auto context = callContext();
    grpc::Slice empty("", 0);
    grpc::ByteBuffer request(&empty, 1);
    auto call = generic.PrepareUnaryCall(context.get(), "/grpc.health.v1.Health/Check", request, &queue);
    call->StartCall();
    grpc::ByteBuffer response;
    grpc::Status status;
    call->Finish(&response, &status, reinterpret_cast<void*>(1));
    void* tag = nullptr;
    bool ok = false;
    QVERIFY(queue.Next(&tag, &ok));
    queue.Shutdown();
    while (queue.Next(&tag, &ok)) {
    }
    QVERIFY2(status.ok(), qPrintable(describe(status)));
    std::vector<grpc::Slice> slices;
    QVERIFY(response.Dump(&slices).ok());
    QByteArray bytes;
    for (const auto& slice : slices)
        bytes.append(reinterpret_cast<const char*>(slice.begin()), static_cast<qsizetype>(slice.size()));
    QCOMPARE(bytes, QByteArray("\x08\x01", 2));  // field 1 (status), varint 1 (SERVING)

    // SystemService's own health report.
    auto system = vigie::v1::SystemService::NewStub(m_channel);
    vigie::v1::GetHealthResponse health;
    QVERIFY(system->GetHealth(callContext(loginToken()).get(), {}, &health).ok());
    QCOMPARE(health.cameras_total(), 16);
    QCOMPARE(health.overall(), vigie::v1::COMPONENT_STATE_OK);
}

void TestSim::h264SubStreamDecodes()
{
    const auto decoded = decodeWithFfmpeg(m_sim.rtspBaseUrl() + "/cam-01/sub", 25);
    QVERIFY2(decoded.exitCode == 0, qPrintable(decoded.errors));
    QCOMPARE(decoded.frames, 25);
    QCOMPARE(decoded.frameSizes.first(), QStringLiteral("345600"));  // 640x360 YUV 4:2:0
}

void TestSim::h265StreamDecodes()
{
    const auto decoded = decodeWithFfmpeg(m_sim.rtspBaseUrl() + "/cam-04/sub", 25);
    QVERIFY2(decoded.exitCode == 0, qPrintable(decoded.errors));
    QCOMPARE(decoded.frames, 25);
    QCOMPARE(decoded.frameSizes.first(), QStringLiteral("345600"));
}

void TestSim::offlineCameraIsNotServed()
{
    QVERIFY(m_sim.command(QStringLiteral("camera cam-03 offline maintenance")));
    const auto decoded = decodeWithFfmpeg(m_sim.rtspBaseUrl() + "/cam-03/sub", 5);
    QVERIFY(decoded.exitCode != 0);
    QVERIFY2(decoded.errors.contains(QLatin1String("404")), qPrintable(decoded.errors));

    QString reply;
    QVERIFY(!m_sim.command(QStringLiteral("camera cam-99 offline"), &reply));
    QVERIFY2(reply.startsWith(QLatin1String("error: ")), qPrintable(reply));
    QVERIFY(m_sim.command(QStringLiteral("camera cam-03 online")));
}

void TestSim::badConfigurationExitsWithStatus2_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not JSON") << QByteArray("{ \"users\": [ ") << "malformed configuration";
    QTest::newRow("unknown field") << QByteArray(R"({ "camras": [] })") << "camras";
    QTest::newRow("duplicate camera id")
        << QByteArray(R"({ "cameras": [ { "id": "a", "name": "A", "site_id": "centre" },
                                         { "id": "a", "name": "B", "site_id": "centre" } ] })")
        << "duplicate camera id 'a'";
    QTest::newRow("unknown site") << QByteArray(R"({ "cameras": [ { "id": "a", "name": "A", "site_id": "nowhere" } ] })")
                                  << "unknown site 'nowhere'";
    QTest::newRow("empty password")
        << QByteArray(R"({ "users": [ { "name": "bob", "password": "", "roles": ["ROLE_OPERATOR"] } ] })")
        << "empty password";
}

void TestSim::badConfigurationExitsWithStatus2()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const QString path = m_temp.filePath(QStringLiteral("bad-%1.json").arg(QTest::currentDataTag()).replace(' ', '-'));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json);
    file.close();

    SimProcess sim;
    QVERIFY(!sim.start({QStringLiteral("--config"), path}));
    QCOMPARE(sim.exitCode(), 2);
    const QString stderrText = sim.stderrText();
    QVERIFY2(stderrText.contains(path), qPrintable(stderrText));
    QVERIFY2(stderrText.contains(expected), qPrintable(stderrText));
}

void TestSim::exampleConfigurationIsServed()
{
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--config"), QStringLiteral(VIGIE_SOURCE_DIR "/sim/examples/site.json"),
                        QStringLiteral("--clip-cache"), m_temp.filePath(QStringLiteral("clips"))},
                       60s),  // encodes the loop clips of its cheap camera
             qPrintable(sim.lastError()));
    auto channel = plainChannel(sim.grpcAddress());
    auto stub = vigie::v1::DirectoryService::NewStub(channel);

    vigie::v1::LoginResponse admin;
    QVERIFY(login(*channel, "admin", "admin", &admin).ok());
    vigie::v1::ListCamerasResponse all;
    QVERIFY(stub->ListCameras(callContext(admin.token()).get(), {}, &all).ok());
    QCOMPARE(all.cameras_size(), 6);
    QCOMPARE(all.sites_size(), 4);
    for (const auto& camera : all.cameras()) {
        if (camera.id() == "port-capitainerie") {  // external: listed as-is
            QCOMPARE(camera.streams(0).url(), std::string("rtsp://192.0.2.20:554/Streaming/Channels/101"));
            QCOMPARE(camera.streams(1).url(), std::string("rtsp://192.0.2.20:554/Streaming/Channels/102"));
        }
        if (camera.id() == "port-digue")
            QCOMPARE(camera.state(), vigie::v1::CAMERA_STATE_DISABLED);
        if (camera.id() == "gare-quais")
            QCOMPARE(camera.streams(0).codec(), vigie::v1::VIDEO_CODEC_H265);
        if (camera.id() == "mairie-parvis")
            QVERIFY(camera.has_ptz() && camera.ptz().max_presets() == 32);
    }

    // Per-camera rights: the hall is hidden from the municipal police account.
    vigie::v1::LoginResponse police;
    QVERIFY(login(*channel, "police", "police", &police).ok());
    vigie::v1::ListCamerasResponse restricted;
    QVERIFY(stub->ListCameras(callContext(police.token()).get(), {}, &restricted).ok());
    QCOMPARE(restricted.cameras_size(), 5);
    for (const auto& camera : restricted.cameras())
        QVERIFY(camera.id() != "mairie-hall");

    vigie::v1::LoginResponse disabled;
    QCOMPARE(login(*channel, "stagiaire", "stagiaire", &disabled).error_code(), grpc::StatusCode::PERMISSION_DENIED);
    QCOMPARE(login(*channel, "viewer", "viewer", &disabled).error_code(), grpc::StatusCode::UNAUTHENTICATED);

    // The cheap camera relays its pre-encoded clip.
    const auto decoded = decodeWithFfmpeg(sim.rtspBaseUrl() + "/gare-parking-p1/sub", 25);
    QVERIFY2(decoded.exitCode == 0, qPrintable(decoded.errors));
    QCOMPARE(decoded.frames, 25);
    sim.stop();
    QCOMPARE(sim.exitCode(), 0);
}

void TestSim::tlsNeedsTheRightCa()
{
    const QString certs = m_temp.filePath(QStringLiteral("certs"));
    QProcess generate;
    generate.start(QStringLiteral(VIGIE_SOURCE_DIR "/scripts/gen-test-certs"), {certs});
    QVERIFY(generate.waitForFinished(30000));
    QVERIFY2(generate.exitCode() == 0, generate.readAllStandardError().constData());

    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--tls-cert"), certs + "/server.pem", QStringLiteral("--tls-key"),
                        certs + "/server.key"}),
             qPrintable(sim.lastError()));
    QVERIFY(sim.tls());

    auto readPem = [&certs](const char* name) {
        QFile file(certs + "/" + name);
        return file.open(QIODevice::ReadOnly) ? file.readAll().toStdString() : std::string();
    };
    auto infoThrough = [&sim](const std::string& rootCa) {
        grpc::SslCredentialsOptions options;
        options.pem_root_certs = rootCa;
        auto channel = grpc::CreateChannel(sim.grpcAddress().toStdString(), grpc::SslCredentials(options));
        vigie::v1::GetServerInfoResponse info;
        return vigie::v1::SystemService::NewStub(channel)->GetServerInfo(callContext({}, 5s).get(), {}, &info);
    };

    const auto trusted = infoThrough(readPem("ca.pem"));
    QVERIFY2(trusted.ok(), qPrintable(describe(trusted)));
    QCOMPARE(infoThrough(readPem("other-ca.pem")).error_code(), grpc::StatusCode::UNAVAILABLE);

    vigie::v1::GetServerInfoResponse info;
    const auto plain =
        vigie::v1::SystemService::NewStub(plainChannel(sim.grpcAddress()))->GetServerInfo(callContext().get(), {}, &info);
    QCOMPARE(plain.error_code(), grpc::StatusCode::UNAVAILABLE);
}

QTEST_GUILESS_MAIN(TestSim)
#include "test_sim.moc"
