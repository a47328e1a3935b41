// The scene cameras of vigie-sim end to end: SubscribeMetadata streams, on the wall clock, the objects of
// the scene frame on air (SceneScript on the clip's schedule), thinned on request; other cameras only
// heartbeat; the scene's analytics raise alarms whose boxes match the picture at their event_time; and the
// relayed picture shows each object where its box says.

// gRPC and generated headers before Qt's: Qt's keyword macros (signals, slots, emit) must not reach them.
#include <grpcpp/grpcpp.h>
#include <vigie/v1/alarms.grpc.pb.h>

#include <google/protobuf/util/time_util.h>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <vector>

#include "FrameBarcode.h"
#include "SceneAnalytics.h"
#include "SceneRenderer.h"
#include "SceneScript.h"
#include "SimCalls.h"
#include "SimProcess.h"

using namespace std::chrono_literals;
using namespace vigie::sim;
using google::protobuf::util::TimeUtil;
using vigie::test::callContext;
using vigie::test::describe;
using vigie::test::SimProcess;
using vigie::v1::SubscribeMetadataResponse;

namespace {

constexpr std::int64_t kFrameMs = 40;

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// The loop frame on air at a tick of the scene clip's schedule.
int frameIndexOf(std::int64_t realtimeMs)
{
    return static_cast<int>((realtimeMs / kFrameMs) % SceneScript::kLoopFrames);
}

bool sameBox(const vigie::v1::NormalizedRect& reported, const SceneBox& box)
{
    constexpr double kTolerance = 1e-6;  // the protocol's floats
    return std::abs(reported.x() - box.x) < kTolerance && std::abs(reported.y() - box.y) < kTolerance &&
           std::abs(reported.width() - box.width) < kTolerance && std::abs(reported.height() - box.height) < kTolerance;
}

// Whether reported objects are exactly the script's at that frame (same order: back to front).
QString mismatch(const google::protobuf::RepeatedPtrField<vigie::v1::DetectedObject>& reported,
                 const std::vector<SceneObject>& expected)
{
    if (reported.size() != static_cast<int>(expected.size()))
        return QStringLiteral("%1 objects, expected %2").arg(reported.size()).arg(expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto& object = reported[static_cast<int>(i)];
        if (object.track_id() != expected[i].trackId || object.object_class() != expected[i].objectClass ||
            !sameBox(object.box(), expected[i].box))
            return QStringLiteral("object %1 (%2) differs").arg(i).arg(QString::fromStdString(object.track_id()));
    }
    return {};
}

// One SubscribeMetadata stream, cancelled when destroyed.
struct MetadataStream {
    std::unique_ptr<grpc::ClientContext> context;
    std::unique_ptr<grpc::ClientReader<SubscribeMetadataResponse>> reader;

    MetadataStream() = default;
    MetadataStream(MetadataStream&&) = default;
    ~MetadataStream()
    {
        if (context)
            context->TryCancel();
        if (reader)
            reader->Finish();
    }
};

// A decoded 4:2:0 picture.
struct Picture {
    int width = 0;
    int height = 0;
    QByteArray planes;

    int luma(int x, int y) const { return static_cast<unsigned char>(planes[y * width + x]); }
    int cb(int x, int y) const { return static_cast<unsigned char>(planes[width * height + (y / 2) * (width / 2) + x / 2]); }
    int cr(int x, int y) const
    {
        return static_cast<unsigned char>(planes[width * height * 5 / 4 + (y / 2) * (width / 2) + x / 2]);
    }
};

Picture render(const SceneRenderer& renderer, int frameIndex, int width, int height, bool withObjects)
{
    Picture picture{width, height, QByteArray(width * height * 3 / 2, '\0')};
    auto* data = reinterpret_cast<std::uint8_t*>(picture.planes.data());
    const I420Picture planes{data, data + width * height, data + width * height * 5 / 4, width, width / 2, width, height};
    if (withObjects)
        renderer.render(frameIndex, planes);
    else
        renderer.renderBackground(planes);
    return picture;
}

// Mean |dY| + |dCb| + |dCr| between two pictures over a rectangle.
double meanDistance(const Picture& a, const Picture& b, const PixelRect& r)
{
    double sum = 0;
    for (int y = r.top; y < r.bottom; ++y) {
        for (int x = r.left; x < r.right; ++x)
            sum += std::abs(a.luma(x, y) - b.luma(x, y)) + std::abs(a.cb(x, y) - b.cb(x, y)) +
                   std::abs(a.cr(x, y) - b.cr(x, y));
    }
    return sum / std::max(1, (r.right - r.left) * (r.bottom - r.top));
}

} // namespace

class TestSimMetadata : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void sceneFramesFollowTheScriptOnTheWallClock();
    void framesAreThinnedEvenly();
    void unknownCamerasAreNotFound();
    void liveRightIsNeeded();
    void otherCamerasOnlyHeartbeat();
    void manySubscribersLeaveRoomForOtherCalls();
    void sceneAlarmsMatchThePictureAtTheirTime();
    void subStreamShowsTheObjectsInTheirBoxes();

private:
    MetadataStream subscribe(const std::string& cameraId, float maxFps = 0, std::chrono::milliseconds deadline = 10s);

    SimProcess m_sim;
    std::shared_ptr<grpc::Channel> m_channel;
    std::unique_ptr<vigie::v1::AlarmService::Stub> m_alarms;
    std::string m_operator;
    SceneScript m_script;
};

void TestSimMetadata::initTestCase()
{
    // One ordinary camera, one scene camera; no random alarms, scene alarms every time they come round.
    // The first start encodes the scene clips (a few seconds; cached afterwards).
    QVERIFY2(m_sim.start({QStringLiteral("--cameras"), QStringLiteral("1"), QStringLiteral("--scene-cameras"),
                          QStringLiteral("1"), QStringLiteral("--scene-alarm-every"), QStringLiteral("0"),
                          QStringLiteral("--alarm-rate"), QStringLiteral("0")},
                         90s),
             qPrintable(m_sim.lastError()));
    m_channel = grpc::CreateChannel(m_sim.grpcAddress().toStdString(), grpc::InsecureChannelCredentials());
    m_alarms = vigie::v1::AlarmService::NewStub(m_channel);
    m_operator = vigie::test::loginOn(m_channel, "operator", "poste-metadata");
    QVERIFY(!m_operator.empty());
}

void TestSimMetadata::cleanupTestCase()
{
    m_sim.stop();
    QCOMPARE(m_sim.exitCode(), 0);
}

MetadataStream TestSimMetadata::subscribe(const std::string& cameraId, float maxFps, std::chrono::milliseconds deadline)
{
    MetadataStream stream;
    stream.context = callContext(m_operator, deadline);
    vigie::v1::SubscribeMetadataRequest request;
    request.set_camera_id(cameraId);
    request.set_max_frames_per_second(maxFps);
    stream.reader = m_alarms->SubscribeMetadata(stream.context.get(), request);
    return stream;
}

void TestSimMetadata::sceneFramesFollowTheScriptOnTheWallClock()
{
    auto stream = subscribe("scene-01");
    SubscribeMetadataResponse message;
    std::int64_t previous = -1;
    std::chrono::steady_clock::time_point firstArrival;
    for (int i = 0; i <= 25; ++i) {
        QVERIFY(stream.reader->Read(&message));
        QVERIFY(message.has_frame());
        const std::int64_t frameTime = TimeUtil::TimestampToMilliseconds(message.frame().frame_time());
        // Sent when its tick comes: the frame is the one on air now.
        QVERIFY2(std::abs(nowMs() - frameTime) < 400, qPrintable(QString::number(nowMs() - frameTime)));
        QCOMPARE(frameTime % kFrameMs, std::int64_t{0});
        if (previous >= 0)
            QCOMPARE(frameTime - previous, kFrameMs);
        else
            firstArrival = std::chrono::steady_clock::now();
        previous = frameTime;
        const QString problem = mismatch(message.frame().objects(), m_script.objectsAt(frameIndexOf(frameTime)));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    // 25 more ticks take about a second, not a burst.
    const auto elapsed = std::chrono::steady_clock::now() - firstArrival;
    QVERIFY2(elapsed > 700ms && elapsed < 1600ms,
             qPrintable(QString::number(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count())));
}

void TestSimMetadata::framesAreThinnedEvenly()
{
    auto stream = subscribe("scene-01", 5);
    SubscribeMetadataResponse message;
    std::int64_t previous = -1;
    for (int i = 0; i < 6; ++i) {
        QVERIFY(stream.reader->Read(&message));
        QVERIFY(message.has_frame());
        const std::int64_t frameTime = TimeUtil::TimestampToMilliseconds(message.frame().frame_time());
        if (previous >= 0)
            QCOMPARE(frameTime - previous, std::int64_t{200});
        previous = frameTime;
        const QString problem = mismatch(message.frame().objects(), m_script.objectsAt(frameIndexOf(frameTime)));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
}

void TestSimMetadata::unknownCamerasAreNotFound()
{
    {
        auto stream = subscribe("no-such-camera");
        SubscribeMetadataResponse message;
        QVERIFY(!stream.reader->Read(&message));
        QCOMPARE(stream.reader->Finish().error_code(), grpc::StatusCode::NOT_FOUND);
        stream.reader.reset();
    }
    auto context = callContext();  // no token
    vigie::v1::SubscribeMetadataRequest request;
    request.set_camera_id("scene-01");
    auto reader = m_alarms->SubscribeMetadata(context.get(), request);
    SubscribeMetadataResponse message;
    QVERIFY(!reader->Read(&message));
    QCOMPARE(reader->Finish().error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

void TestSimMetadata::liveRightIsNeeded()
{
    // A user who may only look at scene-01's recordings, and may not see scene-02 at all.
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    QFile config(temp.filePath(QStringLiteral("config.json")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"({"users": [{"name": "archiviste", "password": "archiviste", "roles": ["ROLE_VIEWER"],
                    "rights": [{"camera_id": "scene-01", "rights": ["RIGHT_VIEW_RECORDINGS"]}]}]})");
    config.close();
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--cameras"), QStringLiteral("0"), QStringLiteral("--scene-cameras"),
                        QStringLiteral("2"), QStringLiteral("--alarm-rate"), QStringLiteral("0"),
                        QStringLiteral("--config"), config.fileName()},
                       90s),
             qPrintable(sim.lastError()));
    const auto channel = grpc::CreateChannel(sim.grpcAddress().toStdString(), grpc::InsecureChannelCredentials());
    const auto alarms = vigie::v1::AlarmService::NewStub(channel);
    const std::string token = vigie::test::loginOn(channel, "archiviste", "poste-archives");
    QVERIFY(!token.empty());
    for (const auto& [cameraId, expected] : {std::pair{"scene-01", grpc::StatusCode::PERMISSION_DENIED},
                                             std::pair{"scene-02", grpc::StatusCode::NOT_FOUND}}) {
        auto context = callContext(token);
        vigie::v1::SubscribeMetadataRequest request;
        request.set_camera_id(cameraId);
        auto reader = alarms->SubscribeMetadata(context.get(), request);
        SubscribeMetadataResponse message;
        QVERIFY(!reader->Read(&message));
        QCOMPARE(reader->Finish().error_code(), expected);
    }
    sim.stop();
    QCOMPARE(sim.exitCode(), 0);
}

void TestSimMetadata::otherCamerasOnlyHeartbeat()
{
    // The first heartbeat comes at once; the next ones every 10 s. No frame within a second and a half.
    auto stream = subscribe("cam-01", 0, 1500ms);
    SubscribeMetadataResponse message;
    QVERIFY(stream.reader->Read(&message));
    QVERIFY(message.has_heartbeat());
    while (stream.reader->Read(&message))
        QVERIFY(!message.has_frame());
    QCOMPARE(stream.reader->Finish().error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
    stream.reader.reset();
}

void TestSimMetadata::manySubscribersLeaveRoomForOtherCalls()
{
    // The sync server gives each stream a thread of its own: a wall of metadata overlays must not
    // starve the unary calls.
    std::vector<MetadataStream> streams;
    for (int i = 0; i < 48; ++i) {
        streams.push_back(subscribe(i % 2 ? "scene-01" : "cam-01", 0, 20s));
        SubscribeMetadataResponse message;
        QVERIFY(streams.back().reader->Read(&message));
    }
    vigie::v1::ListActiveAlarmsResponse listed;
    const auto status = m_alarms->ListActiveAlarms(callContext(m_operator, 2s).get(), {}, &listed);
    QVERIFY2(status.ok(), qPrintable(describe(status)));
}

void TestSimMetadata::sceneAlarmsMatchThePictureAtTheirTime()
{
    vigie::v1::ListActiveAlarmsResponse listed;
    QVERIFY(m_alarms->ListActiveAlarms(callContext(m_operator).get(), {}, &listed).ok());
    // The longest gap between two of the loop's events is under 13 s.
    auto context = callContext(m_operator, 20s);
    vigie::v1::SubscribeAlarmsRequest request;
    request.set_resume_after_sequence(listed.snapshot_sequence());
    auto reader = m_alarms->SubscribeAlarms(context.get(), request);
    vigie::v1::SubscribeAlarmsResponse message;
    vigie::v1::Alarm alarm;
    while (reader->Read(&message)) {
        if (message.has_alarm() && message.alarm().camera_id() == "scene-01") {
            alarm = message.alarm();
            break;
        }
    }
    context->TryCancel();
    reader->Finish();
    QVERIFY2(!alarm.id().empty(), "no scene alarm within 20 s");

    const std::int64_t eventMs = TimeUtil::TimestampToMilliseconds(alarm.event_time());
    QCOMPARE(eventMs % kFrameMs, std::int64_t{0});
    const int frame = frameIndexOf(eventMs);
    const auto events = SceneAnalytics::evaluate(m_script);
    const auto event = std::find_if(events.begin(), events.end(), [&](const SceneEvent& e) {
        return e.frame == frame && e.detection.type() == alarm.type();
    });
    QVERIFY2(event != events.end(), qPrintable(QStringLiteral("no %1 at frame %2")
                                                   .arg(QString::fromStdString(vigie::v1::AlarmType_Name(alarm.type())))
                                                   .arg(frame)));
    // Raised when the picture showed it.
    QVERIFY(TimeUtil::TimestampToMilliseconds(alarm.raised_at()) - eventMs < 1000);
    QVERIFY(alarm.rule_id().rfind("scene-01/", 0) == 0);
    QVERIFY(alarm.description().find("Carrefour Gambetta") != std::string::npos);
    QCOMPARE(alarm.objects_size(), event->detection.objects_size());
    const auto objects = m_script.objectsAt(frame);
    for (const auto& reported : alarm.objects()) {
        const auto it = std::find_if(objects.begin(), objects.end(),
                                     [&](const SceneObject& o) { return o.trackId == reported.track_id(); });
        QVERIFY(it != objects.end());
        QCOMPARE(reported.object_class(), it->objectClass);
        QVERIFY(sameBox(reported.box(), it->box));
    }
}

void TestSimMetadata::subStreamShowsTheObjectsInTheirBoxes()
{
    constexpr int kWidth = 640;
    constexpr int kHeight = 360;
    constexpr int kFrames = 8;
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"),
                 {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-rtsp_transport"),
                  QStringLiteral("tcp"), QStringLiteral("-i"), m_sim.rtspBaseUrl() + QStringLiteral("/scene-01/sub"),
                  QStringLiteral("-frames:v"), QString::number(kFrames), QStringLiteral("-f"), QStringLiteral("rawvideo"),
                  QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), QStringLiteral("-")});
    QVERIFY2(ffmpeg.waitForStarted(5000), qPrintable(ffmpeg.errorString()));
    if (!ffmpeg.waitForFinished(20000)) {
        ffmpeg.kill();
        ffmpeg.waitForFinished(2000);
        QFAIL("ffmpeg did not finish within 20 s");
    }
    const QByteArray raw = ffmpeg.readAllStandardOutput();
    const int frameBytes = kWidth * kHeight * 3 / 2;
    QVERIFY2(raw.size() == kFrames * frameBytes, qPrintable(QString::fromUtf8(ffmpeg.readAllStandardError())));

    const SceneRenderer renderer(m_script);
    const Picture background = render(renderer, 0, kWidth, kHeight, false);
    int checked = 0;
    for (int i = 0; i < kFrames; ++i) {
        const Picture decoded{kWidth, kHeight, raw.mid(i * frameBytes, frameBytes)};
        // The barcode says which loop frame this is.
        const auto value = vigie::barcode::readPlane(reinterpret_cast<const std::uint8_t*>(decoded.planes.constData()),
                                                     kWidth, kWidth, kHeight);
        QVERIFY(value);
        const int frame = static_cast<int>(*value);
        const Picture expected = render(renderer, frame, kWidth, kHeight, true);
        const auto objects = m_script.objectsAt(frame);
        for (const auto& object : objects) {
            const PixelRect r = SceneRenderer::pixelRect(object.box, kWidth, kHeight);
            const bool alone = std::none_of(objects.begin(), objects.end(), [&](const SceneObject& other) {
                const PixelRect o = SceneRenderer::pixelRect(other.box, kWidth, kHeight);
                return &other != &object && o.left < r.right && r.left < o.right && o.top < r.bottom && r.top < o.bottom;
            });
            if (!alone || (r.right - r.left) * (r.bottom - r.top) < 150)
                continue;
            // The decoded box looks like the drawn object, not like the street under it.
            const double toObject = meanDistance(decoded, expected, r);
            const double toStreet = meanDistance(decoded, background, r);
            QVERIFY2(toObject < 20 && toStreet > toObject + 20,
                     qPrintable(QStringLiteral("frame %1 %2: %3 from the object, %4 from the street")
                                    .arg(frame)
                                    .arg(QString::fromStdString(object.trackId))
                                    .arg(toObject)
                                    .arg(toStreet)));
            ++checked;
        }
        // Away from every object (a patch of facade between the windows' rows), the street is as drawn.
        const PixelRect facade{0, kHeight * 17 / 100, kWidth, kHeight * 18 / 100};
        QVERIFY(meanDistance(decoded, background, facade) < 10);
    }
    QVERIFY(checked > 0);
}

QTEST_GUILESS_MAIN(TestSimMetadata)
#include "test_sim_metadata.moc"
