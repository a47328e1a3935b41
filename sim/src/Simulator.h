#pragma once

#include "AlarmGenerator.h"
#include "AlarmJournal.h"
#include "AlarmServiceImpl.h"
#include "AuthServiceImpl.h"
#include "BookmarkServiceImpl.h"
#include "BookmarkStore.h"
#include "CameraDirectory.h"
#include "DirectoryServiceImpl.h"
#include "GrpcServer.h"
#include "PanoramaScene.h"
#include "PtzFleet.h"
#include "PtzServiceImpl.h"
#include "RecordedClip.h"
#include "RecordedEventLog.h"
#include "RecordingServiceImpl.h"
#include "RtspServer.h"
#include "SceneAlarmRaiser.h"
#include "SceneScript.h"
#include "SegmentIndex.h"
#include "SessionStore.h"
#include "SimConfig.h"
#include "SimOptions.h"
#include "SystemServiceImpl.h"
#include "UserDirectory.h"
#include "WallServiceImpl.h"
#include "WallStore.h"

#include <map>
#include <memory>
#include <string>

namespace vigie::sim {

// The composition root: builds the directory, the RTSP and gRPC servers from the configuration, and
// carries out control commands (a camera going offline touches both servers).
class Simulator {
public:
    Simulator(SimOptions options, SimConfig config);
    ~Simulator();
    Simulator(const Simulator&) = delete;
    Simulator& operator=(const Simulator&) = delete;

    // Prepares media, starts the RTSP server then the gRPC server. `tlsCertificate` and `tlsPrivateKey`
    // are PEM texts, empty for plaintext.
    bool start(const std::string& tlsCertificate, const std::string& tlsPrivateKey, std::string* error);
    // "VIGIE-SIM READY grpc=HOST:PORT rtsp=HOST:PORT tls=on|off"
    std::string readyLine() const;
    void stop();

    // Control actions: empty string on success, else the reason of the failure.
    std::string setCameraOffline(const std::string& cameraId, const std::string& reason);
    std::string setCameraOnline(const std::string& cameraId);
    // Shows one camera alone on a wall monitor, as a user with every right would.
    std::string pushToWall(const std::string& wallId, const std::string& monitorId, const std::string& cameraId);
    // Raises one alarm now; type and priority by name (empty: the generator's next choice).
    std::string raiseAlarm(const std::string& cameraId, const std::string& type, const std::string& priority,
                           std::string* alarmId);
    std::string setAlarmRate(double alarmsPerSecond);
    // Forgets the alarm change log up to now (tests of RESYNC).
    std::string compactAlarms();
    // A PTZ dome's pose for tests: *state = "pan=.. tilt=.. zoom=.. moving=0|1".
    std::string ptzStatus(const std::string& cameraId, std::string* state);
    // The last Control velocity the dome received, for benchmarks: *state = "at_us=<system_clock
    // microseconds at its arrival> pan=.. tilt=.. count=<velocity messages so far>" (at_us=0 before any).
    std::string ptzLastCommand(const std::string& cameraId, std::string* state);
    // A recorded camera's recording for tests: *state = ContinuousRecorder::status().
    std::string recordingStatus(const std::string& cameraId, std::string* state);

private:
    bool mountCameras(std::string* error);
    std::vector<vigie::v1::Camera> directoryEntries() const;
    // The streams a served camera offers: cheap cameras have their own main size (--cheap-main).
    std::vector<StreamFormat> streamsOf(const CameraSpec& spec) const;
    const CameraSpec* findSpec(const std::string& cameraId) const;
    // The cameras the alarm generator raises alarms on.
    std::vector<AlarmGenerator::Camera> alarmCameras() const;
    // The scene cameras, whose alarms come from the scene's analytics instead.
    std::vector<AlarmGenerator::Camera> sceneCameras() const;
    // Builds the recorder over the clips kept by mountCameras(), opens its directory, backfills.
    bool startRecordings(std::string* error);
    // A camera outage for SearchEvents, and for the recorder when it records that camera.
    void recordOutage(const std::string& cameraId, bool online, const std::string& reason);

    const SimOptions m_options;
    const SimConfig m_config;
    SessionStore m_sessions;
    UserDirectory m_users;
    RtspServer m_rtsp;
    std::unique_ptr<CameraDirectory> m_directory;
    std::unique_ptr<AuthServiceImpl> m_authService;
    std::unique_ptr<SystemServiceImpl> m_systemService;
    std::unique_ptr<DirectoryServiceImpl> m_directoryService;
    std::unique_ptr<WallStore> m_walls;
    std::unique_ptr<WallServiceImpl> m_wallService;
    std::unique_ptr<AlarmJournal> m_alarms;
    std::unique_ptr<AlarmServiceImpl> m_alarmService;
    std::unique_ptr<AlarmGenerator> m_alarmGenerator;
    const std::shared_ptr<const SceneScript> m_scene = std::make_shared<const SceneScript>();
    std::unique_ptr<SceneAlarmRaiser> m_sceneAlarms;
    // PTZ domes: built before the RTSP mounts, which render their views.
    std::unique_ptr<PtzFleet> m_ptz;
    std::shared_ptr<const PanoramaScene> m_panorama;
    std::unique_ptr<PtzServiceImpl> m_ptzService;
    // Recordings: the main clip of every recorded camera (clip cameras), kept by mountCameras().
    std::map<std::string, std::shared_ptr<const RecordedClip>> m_recordedClips;
    SegmentIndex m_segments;
    RecordedEventLog m_recordedEvents;
    std::unique_ptr<EvidenceLockStore> m_evidenceLocks;  // before the recorder, whose purge asks it
    std::unique_ptr<ContinuousRecorder> m_recorder;
    std::unique_ptr<RecordingServiceImpl> m_recordingService;
    std::unique_ptr<BookmarkStore> m_bookmarks;
    std::unique_ptr<BookmarkServiceImpl> m_bookmarkService;
    GrpcServer m_grpc;
};

} // namespace vigie::sim
