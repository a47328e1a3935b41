#include "Simulator.h"

#include "CameraPipelines.h"
#include "ClipLibrary.h"
#include "Log.h"
#include "SceneAnalytics.h"
#include "StreamFormat.h"
#include "WallClockSchedule.h"

#include <google/protobuf/util/time_util.h>

#include <cstdio>
#include <ctime>

namespace vigie::sim {

namespace {

vigie::v1::StreamProfile profile(const StreamFormat& format, vigie::v1::VideoCodec codec, std::string url)
{
    vigie::v1::StreamProfile profile;
    profile.set_role(format.role);
    profile.set_codec(codec);
    profile.set_width(format.width);
    profile.set_height(format.height);
    profile.set_fps(format.fps);
    profile.set_bitrate_kbps(format.bitrateKbps);
    profile.set_url(std::move(url));
    return profile;
}

vigie::v1::StreamProfile externalProfile(vigie::v1::StreamRole role, vigie::v1::VideoCodec codec, std::string url)
{
    // What a real camera sends is not known here: resolution, rate and bitrate stay 0 (unknown).
    vigie::v1::StreamProfile profile;
    profile.set_role(role);
    profile.set_codec(codec);
    profile.set_url(std::move(url));
    return profile;
}

// Where the directory-only cameras' shared clip is mounted: /shared/directory-clip/{main,sub}. A '/'
// cannot appear in a camera id, so no camera's mount can take these paths.
constexpr const char* kSharedClipMountId = "shared/directory-clip";

// Directory-only cameras announce the shared 640x360 clip as their main stream too.
constexpr StreamFormat kSharedClipMain{vigie::v1::STREAM_ROLE_MAIN, "main", kSubStream.width, kSubStream.height,
                                       kSubStream.fps, kSubStream.bitrateKbps};

std::int64_t realtimeMs()
{
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    return static_cast<std::int64_t>(now.tv_sec) * 1000 + now.tv_nsec / 1'000'000;
}

// The cheap cameras' loop, as readers of its barcodes expect it (WallClockSchedule::simulatorClips()).
constexpr int kClipSeconds = 10;
static_assert(kClipSeconds * kMainStream.fps == barcode::kSimClipFrames && kSubStream.fps == kMainStream.fps &&
              1000 / kMainStream.fps == barcode::kSimClipFrameMs);

} // namespace

std::vector<StreamFormat> Simulator::streamsOf(const CameraSpec& spec) const
{
    if (spec.source == CameraSource::Cheap)
        return {m_options.cheapMainStream(), kSubStream};
    if (spec.source == CameraSource::SharedClip)
        return {kSharedClipMain, kSubStream};
    // Scene cameras: the cheap cameras' default sizes, whatever --cheap-main says.
    return {std::begin(kServedStreams), std::end(kServedStreams)};
}

Simulator::Simulator(SimOptions options, SimConfig config)
    : m_options(std::move(options)),
      m_config(std::move(config)),
      m_sessions(std::chrono::seconds(m_options.sessionTtlS)),
      m_users(m_config.users)
{
}

Simulator::~Simulator() { stop(); }

bool Simulator::mountCameras(std::string* error)
{
    ClipLibrary clips(m_options.clipCacheDir);
    bool sharedClipNeeded = false;
    // The recorder's copy of each main clip, once per clip (cameras of one format share it).
    std::map<const EncodedClip*, std::shared_ptr<const RecordedClip>> recordedClips;
    auto keepForRecording = [&](const std::string& cameraId, const std::shared_ptr<const EncodedClip>& clip,
                                const StreamFormat& format, vigie::v1::VideoCodec codec) {
        if (format.role != vigie::v1::STREAM_ROLE_MAIN)
            return;
        auto& recorded = recordedClips[clip.get()];
        if (!recorded)
            recorded = RecordedClip::fromEncoded(*clip, codec);
        m_recordedClips[cameraId] = recorded;
    };
    for (const auto& spec : m_config.cameras) {
        if (spec.source == CameraSource::SharedClip)
            sharedClipNeeded = true;
        if (!spec.served() || spec.source == CameraSource::SharedClip)
            continue;
        std::vector<RtspServer::Mount> mounts;
        for (const auto& format : streamsOf(spec)) {
            GstRTSPMediaFactory* factory = nullptr;
            if (spec.source == CameraSource::Cheap) {
                auto clip = clips.obtain(ClipFormat{ClipContent::Ball, spec.codec, format, kClipSeconds}, error);
                if (!clip)
                    return false;
                keepForRecording(spec.camera.id(), clip, format, spec.codec);
                factory = CameraPipelines::createClipFactory(std::move(clip), spec.codec);
            } else if (spec.source == CameraSource::Ptz) {
                factory = CameraPipelines::createPtzFactory(spec, format, *m_ptz->find(spec.camera.id()), m_panorama);
            } else if (spec.source == CameraSource::Scene) {
                auto clip = clips.obtain(ClipFormat{ClipContent::Scene, spec.codec, format, SceneScript::kLoopSeconds},
                                         error);
                if (!clip)
                    return false;
                keepForRecording(spec.camera.id(), clip, format, spec.codec);
                factory = CameraPipelines::createClipFactory(std::move(clip), spec.codec);
            } else {
                factory = CameraPipelines::createLiveFactory(spec, format);
            }
            mounts.push_back({format.pathSuffix, factory});
        }
        m_rtsp.addCamera(spec.camera.id(), std::move(mounts), spec.offlineReason.empty());
    }
    if (sharedClipNeeded) {
        // Directory-only cameras all list the URLs of one mount pair. Mounting two paths per camera
        // instead took 8 s for 5,000 cameras: gst-rtsp-server sorts its mount list on every addition.
        auto clip =
            clips.obtain(ClipFormat{ClipContent::Ball, vigie::v1::VIDEO_CODEC_H264, kSubStream, kClipSeconds}, error);
        if (!clip)
            return false;
        GstRTSPMediaFactory* factory = CameraPipelines::createClipFactory(std::move(clip), vigie::v1::VIDEO_CODEC_H264);
        // A clip factory gives each viewer a relay of its own, so one factory serves both paths.
        m_rtsp.addCamera(kSharedClipMountId, {{kSharedClipMain.pathSuffix, GST_RTSP_MEDIA_FACTORY(g_object_ref(factory))},
                                              {kSubStream.pathSuffix, factory}});
    }
    return true;
}

std::vector<vigie::v1::Camera> Simulator::directoryEntries() const
{
    const std::string base = "rtsp://" + m_options.urlHost() + ":" + std::to_string(m_rtsp.port()) + "/";
    std::vector<vigie::v1::Camera> cameras;
    for (const auto& spec : m_config.cameras) {
        vigie::v1::Camera camera = spec.camera;
        camera.clear_streams();
        if (spec.source == CameraSource::External) {
            *camera.add_streams() = externalProfile(vigie::v1::STREAM_ROLE_MAIN, spec.codec, spec.externalMainUrl);
            if (!spec.externalSubUrl.empty())
                *camera.add_streams() = externalProfile(vigie::v1::STREAM_ROLE_SUB, spec.codec, spec.externalSubUrl);
        } else if (spec.source != CameraSource::None) {  // a disabled camera has no stream to offer
            const std::string mount = spec.source == CameraSource::SharedClip ? kSharedClipMountId : camera.id();
            for (const auto& format : streamsOf(spec))
                *camera.add_streams() = profile(format, spec.codec, base + mount + "/" + format.pathSuffix);
        }
        // Clip cameras are recorded continuously (ContinuousRecorder). The flag of the others is left as
        // configured: data only (directory-only cameras, external ones), nothing is recorded for them.
        if (m_recordedClips.count(camera.id()))
            camera.set_recording(true);
        if (spec.source == CameraSource::None) {
            camera.set_state(vigie::v1::CAMERA_STATE_DISABLED);
            camera.set_state_reason("disabled by configuration");
        } else if (!spec.offlineReason.empty()) {
            camera.set_state(vigie::v1::CAMERA_STATE_OFFLINE);
            camera.set_state_reason(spec.offlineReason);
        } else {
            camera.set_state(vigie::v1::CAMERA_STATE_ONLINE);
        }
        cameras.push_back(std::move(camera));
    }
    return cameras;
}

bool Simulator::start(const std::string& tlsCertificate, const std::string& tlsPrivateKey, std::string* error)
{
    std::vector<std::string> ptzIds;
    for (const auto& spec : m_config.cameras) {
        if (spec.source == CameraSource::Ptz)
            ptzIds.push_back(spec.camera.id());
    }
    m_ptz = std::make_unique<PtzFleet>(ptzIds);
    if (!ptzIds.empty())
        m_panorama = std::make_shared<const PanoramaScene>();  // ~14 MB, drawn once in well under a second
    if (!mountCameras(error))
        return false;
    if (!m_rtsp.start(m_options.listenHost, m_options.rtspPort, error))
        return false;

    m_directory = std::make_unique<CameraDirectory>(m_config.sites, directoryEntries(),
                                                    static_cast<std::size_t>(m_options.journalSize));
    m_authService = std::make_unique<AuthServiceImpl>(m_users, m_sessions);
    m_directoryService = std::make_unique<DirectoryServiceImpl>(*m_directory, m_sessions,
                                                                std::chrono::milliseconds(m_options.heartbeatMs));
    m_walls = std::make_unique<WallStore>(m_config.walls);
    m_wallService = std::make_unique<WallServiceImpl>(*m_walls, *m_directory, m_sessions);

    AlarmJournal::Settings alarmSettings;
    alarmSettings.directory = m_config.alarmJournalDir;
    alarmSettings.keptChanges = m_options.alarmJournalSize;
    alarmSettings.maxActiveAlarms = static_cast<std::size_t>(m_options.alarmMaxActive);
    m_alarms = std::make_unique<AlarmJournal>(alarmSettings);
    std::string warning;
    if (!m_alarms->open(error, &warning)) {
        m_rtsp.stop();
        return false;
    }
    if (!warning.empty())
        Log::warning(warning);
    AlarmServiceImpl::SceneCameras sceneCameraIds{m_scene, {}};
    for (const auto& camera : sceneCameras())
        sceneCameraIds.ids.insert(camera.id);
    m_alarmService = std::make_unique<AlarmServiceImpl>(*m_alarms, *m_directory, m_sessions, m_users,
                                                        std::move(sceneCameraIds));
    m_alarmGenerator = std::make_unique<AlarmGenerator>(*m_alarms, alarmCameras(), m_config.alarmRate);
    // The scene clip's own schedule: its loop is longer than the cheap cameras' (WallClockSchedule.h).
    m_sceneAlarms = std::make_unique<SceneAlarmRaiser>(
        *m_alarms, sceneCameras(), SceneAnalytics::evaluate(*m_scene),
        barcode::WallClockSchedule::regular(m_scene->loopFrames(), barcode::kSimClipKeyInterval,
                                            1000 / SceneScript::kFps),
        std::chrono::seconds(m_options.sceneAlarmEverySeconds));

    if (!startRecordings(error)) {
        m_rtsp.stop();
        return false;
    }

    // Listed by GetServerInfo; every other vigie.v1 service answers UNIMPLEMENTED.
    const std::vector<std::string> implemented = {vigie::v1::AuthService::service_full_name(),
                                                  vigie::v1::SystemService::service_full_name(),
                                                  vigie::v1::DirectoryService::service_full_name(),
                                                  vigie::v1::WallService::service_full_name(),
                                                  vigie::v1::AlarmService::service_full_name(),
                                                  vigie::v1::PtzService::service_full_name(),
                                                  vigie::v1::RecordingService::service_full_name(),
                                                  vigie::v1::BookmarkService::service_full_name()};
    m_ptzService = std::make_unique<PtzServiceImpl>(*m_ptz, *m_directory, m_sessions);
    m_systemService = std::make_unique<SystemServiceImpl>(m_config.siteName, implemented, *m_directory, m_sessions,
                                                          [this] { return m_rtsp.running(); });
    const std::vector<GrpcServer::NamedService> services = {
        {implemented[0], m_authService.get()},
        {implemented[1], m_systemService.get()},
        {implemented[2], m_directoryService.get()},
        {implemented[3], m_wallService.get()},
        {implemented[4], m_alarmService.get()},
        {implemented[5], m_ptzService.get()},
        {implemented[6], m_recordingService.get()},
        {implemented[7], m_bookmarkService.get()},
    };

    GrpcServer::Settings settings{m_options.listenAddress(), tlsCertificate, tlsPrivateKey};
    if (!m_grpc.start(settings, services, error)) {
        m_rtsp.stop();
        return false;
    }

    // Alarms start once clients can hear of them.
    m_alarmGenerator->start();
    m_sceneAlarms->start();
    m_ptz->start();
    m_recorder->start();

    const auto counts = m_directory->counts();
    Log::info("serving " + std::to_string(counts.total) + " cameras, " + std::to_string(m_config.users.size()) +
              " users; gRPC on " + m_options.urlHost() + ":" + std::to_string(m_grpc.port()) + ", RTSP on " +
              m_options.urlHost() + ":" + std::to_string(m_rtsp.port()));
    return true;
}

std::string Simulator::readyLine() const
{
    return "VIGIE-SIM READY grpc=" + m_options.urlHost() + ":" + std::to_string(m_grpc.port()) +
           " rtsp=" + m_options.urlHost() + ":" + std::to_string(m_rtsp.port()) +
           " tls=" + (m_options.tls() ? "on" : "off");
}

void Simulator::stop()
{
    // Watchers first: the gRPC shutdown waits for every handler, and a watch only returns when woken.
    if (m_directory)
        m_directory->close();
    if (m_walls)
        m_walls->close();
    if (m_alarmGenerator)
        m_alarmGenerator->stop();
    if (m_sceneAlarms)
        m_sceneAlarms->stop();
    if (m_alarmService)
        m_alarmService->close();
    if (m_alarms)
        m_alarms->close();
    if (m_ptz)
        m_ptz->stop();  // wakes the lock watchers; Control streams end when the server cancels them
    m_grpc.shutdown(std::chrono::milliseconds(1000));
    // After the gRPC server: no ReadSegment is still reading a file the recorder may delete.
    if (m_recorder)
        m_recorder->stop();
    m_rtsp.stop();
}

bool Simulator::startRecordings(std::string* error)
{
    std::vector<ContinuousRecorder::Camera> cameras;
    for (const auto& spec : m_config.cameras) {
        if (const auto clip = m_recordedClips.find(spec.camera.id()); clip != m_recordedClips.end())
            cameras.push_back({spec.camera.id(), clip->second, spec.offlineReason.empty()});
    }
    ContinuousRecorder::Settings settings;
    settings.directory = m_options.recordingsDir;
    settings.segmentMs = static_cast<std::int64_t>(m_options.segmentSeconds) * 1000;
    settings.retentionSeconds = m_options.retentionSeconds;
    m_evidenceLocks = std::make_unique<EvidenceLockStore>(&realtimeMs);
    settings.held = [locks = m_evidenceLocks.get()](const std::string& camera, std::int64_t start, std::int64_t end) {
        return locks->holds(camera, start, end);
    };
    const std::size_t recorded = cameras.size();
    m_recorder = std::make_unique<ContinuousRecorder>(std::move(settings), std::move(cameras), m_segments,
                                                      m_recordedEvents);
    if (!m_recorder->open(error))
        return false;
    if (m_options.backfillSeconds > 0) {
        const auto report = m_recorder->backfill(m_options.backfillSeconds);
        char line[200];
        std::snprintf(line, sizeof line, "recordings: backfilled %d s on %zu cameras in %.2f s: %lld segments, %.1f MB",
                      m_options.backfillSeconds, recorded, report.seconds, static_cast<long long>(report.segments),
                      static_cast<double>(report.bytes) / 1e6);
        Log::info(line);
    }
    Log::info("recordings: " + std::to_string(recorded) + " cameras recorded in " + m_recorder->directory() +
              ", segments of " + std::to_string(m_options.segmentSeconds) + " s, retention " +
              m_recorder->retention().describe());
    m_recordingService = std::make_unique<RecordingServiceImpl>(m_segments, m_recordedEvents, *m_recorder,
                                                                *m_evidenceLocks, *m_directory, m_sessions, *m_alarms);
    m_bookmarks = std::make_unique<BookmarkStore>(&realtimeMs);
    m_bookmarkService = std::make_unique<BookmarkServiceImpl>(*m_bookmarks, *m_directory, m_sessions);
    return true;
}

void Simulator::recordOutage(const std::string& cameraId, bool online, const std::string& reason)
{
    const std::int64_t now = realtimeMs();
    // The recorder first: it writes what was due up to `now`, the instant the event gives.
    if (m_recorder)
        m_recorder->setOnline(cameraId, online, now);
    vigie::v1::RecordedEvent event;
    event.set_camera_id(cameraId);
    event.set_kind(online ? vigie::v1::RECORDED_EVENT_KIND_CAMERA_ONLINE : vigie::v1::RECORDED_EVENT_KIND_CAMERA_OFFLINE);
    *event.mutable_range()->mutable_start() = google::protobuf::util::TimeUtil::MillisecondsToTimestamp(now);
    *event.mutable_range()->mutable_end() = event.range().start();
    event.set_title(online ? std::string("Caméra de retour en ligne")
                           : "Caméra hors ligne" + (reason.empty() ? std::string() : " (" + reason + ")"));
    m_recordedEvents.add(std::move(event));
}

std::string Simulator::recordingStatus(const std::string& cameraId, std::string* state)
{
    if (!m_recorder || !m_recorder->records(cameraId))
        return "camera '" + cameraId + "' is not recorded";
    *state = m_recorder->status(cameraId);
    return {};
}

std::vector<AlarmGenerator::Camera> Simulator::alarmCameras() const
{
    // Alarms come from the analytics of cameras that have a picture: the live and cheap ones, or, in a
    // configuration with only directory-only cameras, those. Scene cameras have analytics of their own
    // (SceneAlarmRaiser): random alarms would not match their picture.
    std::vector<AlarmGenerator::Camera> cameras;
    std::vector<AlarmGenerator::Camera> sharedClip;
    for (const auto& spec : m_config.cameras) {
        if (spec.source == CameraSource::Live || spec.source == CameraSource::Cheap)
            cameras.push_back({spec.camera.id(), spec.camera.name()});
        else if (spec.source == CameraSource::SharedClip)
            sharedClip.push_back({spec.camera.id(), spec.camera.name()});
    }
    return cameras.empty() ? sharedClip : cameras;
}

std::vector<AlarmGenerator::Camera> Simulator::sceneCameras() const
{
    std::vector<AlarmGenerator::Camera> cameras;
    for (const auto& spec : m_config.cameras) {
        if (spec.source == CameraSource::Scene)
            cameras.push_back({spec.camera.id(), spec.camera.name()});
    }
    return cameras;
}

const CameraSpec* Simulator::findSpec(const std::string& cameraId) const
{
    for (const auto& spec : m_config.cameras) {
        if (spec.camera.id() == cameraId)
            return &spec;
    }
    return nullptr;
}

std::string Simulator::setCameraOffline(const std::string& cameraId, const std::string& reason)
{
    const CameraSpec* spec = findSpec(cameraId);
    if (!spec)
        return "unknown camera '" + cameraId + "'";
    if (spec->source == CameraSource::None)
        return "camera '" + cameraId + "' is disabled by configuration";
    m_rtsp.setCameraMounted(cameraId, false);  // false for cameras the simulator does not serve: nothing to do
    if (m_directory->setState(cameraId, vigie::v1::CAMERA_STATE_OFFLINE, reason.empty() ? "offline" : reason) ==
        CameraDirectory::Change::Applied)
        recordOutage(cameraId, false, reason);
    Log::info("camera " + cameraId + " offline" + (reason.empty() ? "" : " (" + reason + ")"));
    return {};
}

std::string Simulator::setCameraOnline(const std::string& cameraId)
{
    const CameraSpec* spec = findSpec(cameraId);
    if (!spec)
        return "unknown camera '" + cameraId + "'";
    if (spec->source == CameraSource::None)
        return "camera '" + cameraId + "' is disabled by configuration";
    m_rtsp.setCameraMounted(cameraId, true);
    if (m_directory->setState(cameraId, vigie::v1::CAMERA_STATE_ONLINE, {}) == CameraDirectory::Change::Applied)
        recordOutage(cameraId, true, {});
    Log::info("camera " + cameraId + " online");
    return {};
}

std::string Simulator::pushToWall(const std::string& wallId, const std::string& monitorId, const std::string& cameraId)
{
    if (!m_walls)
        return "not started";
    if (!m_directory->camera(cameraId))
        return "unknown camera '" + cameraId + "'";
    WallStore::Change change;
    change.wallId = wallId;
    change.monitorId = monitorId;
    // Changes from the console are not a user's: they are signed with the simulator's name.
    change.userName = "vigie-sim";
    change.userDisplayName = "vigie-sim (console)";
    vigie::v1::CameraPush push;
    push.set_camera_id(cameraId);
    push.set_stream(vigie::v1::STREAM_CHOICE_AUTO);
    const auto outcome = m_walls->pushCamera(change, push);
    if (!outcome.status.ok())
        return outcome.status.error_message();
    Log::info("wall " + wallId + " monitor " + monitorId + " shows " + cameraId + " (version " +
              std::to_string(outcome.state.version()) + ")");
    return {};
}

std::string Simulator::raiseAlarm(const std::string& cameraId, const std::string& type, const std::string& priority,
                                  std::string* alarmId)
{
    if (!m_alarmGenerator)
        return "not started";
    auto alarmType = vigie::v1::ALARM_TYPE_UNSPECIFIED;
    if (!type.empty()) {
        const auto parsed = AlarmGenerator::parseType(type);
        if (!parsed)
            return "unknown alarm type '" + type +
                   "' (expected intrusion, line-crossed, loitering, object-left, wrong-way or crowd-density)";
        alarmType = *parsed;
    }
    auto alarmPriority = vigie::v1::ALARM_PRIORITY_UNSPECIFIED;
    if (!priority.empty()) {
        const auto parsed = AlarmGenerator::parsePriority(priority);
        if (!parsed)
            return "unknown alarm priority '" + priority + "' (expected high, medium or low)";
        alarmPriority = *parsed;
    }
    std::string error;
    const auto alarm = m_alarmGenerator->raiseOne(cameraId, alarmType, alarmPriority, &error);
    if (!alarm)
        return error;
    Log::info("alarm " + alarm->id() + " raised on " + cameraId + " (" + vigie::v1::AlarmType_Name(alarm->type()) + ")");
    *alarmId = alarm->id();
    return {};
}

std::string Simulator::setAlarmRate(double alarmsPerSecond)
{
    if (!m_alarmGenerator)
        return "not started";
    m_alarmGenerator->setRate(alarmsPerSecond);
    char rate[32];
    std::snprintf(rate, sizeof rate, "%g", alarmsPerSecond);
    Log::info(std::string("alarms: ") + rate + " per second");
    return {};
}

std::string Simulator::ptzStatus(const std::string& cameraId, std::string* state)
{
    PtzCamera* camera = m_ptz ? m_ptz->find(cameraId) : nullptr;
    if (!camera)
        return "no PTZ camera '" + cameraId + "'";
    const auto status = camera->status({}, std::chrono::system_clock::now());
    char text[128];
    std::snprintf(text, sizeof text, "pan=%.4f tilt=%.4f zoom=%.4f moving=%d", status.position().pan(),
                  status.position().tilt(), status.position().zoom(),
                  status.pan_tilt() == vigie::v1::PTZ_MOVE_STATUS_MOVING ||
                      status.zoom() == vigie::v1::PTZ_MOVE_STATUS_MOVING);
    *state = text;
    return {};
}

std::string Simulator::ptzLastCommand(const std::string& cameraId, std::string* state)
{
    PtzCamera* camera = m_ptz ? m_ptz->find(cameraId) : nullptr;
    if (!camera)
        return "no PTZ camera '" + cameraId + "'";
    const auto received = camera->lastReceivedVelocity();
    const long long atUs =
        received.count == 0
            ? 0
            : std::chrono::duration_cast<std::chrono::microseconds>(received.at.time_since_epoch()).count();
    char text[160];
    // 6 decimals: the client sends floats, and a benchmark matches what it sent within a tolerance.
    std::snprintf(text, sizeof text, "at_us=%lld pan=%.6f tilt=%.6f count=%llu", atUs, received.pan, received.tilt,
                  static_cast<unsigned long long>(received.count));
    *state = text;
    return {};
}

std::string Simulator::compactAlarms()
{
    if (!m_alarms)
        return "not started";
    m_alarms->compact();
    Log::info("alarm change log compacted up to sequence " + std::to_string(m_alarms->oldestResumePoint()));
    return {};
}

} // namespace vigie::sim
