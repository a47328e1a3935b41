#pragma once

#include "AlarmJournal.h"
#include "CameraDirectory.h"
#include "RequestAuthenticator.h"
#include "SceneScript.h"
#include "UserDirectory.h"

#include <vigie/v1/alarms.grpc.pb.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <set>
#include <string>

namespace vigie::sim {

// vigie.v1.AlarmService over an AlarmJournal. Reading needs a session and shows only alarms on cameras
// the caller may see (others are NOT_FOUND); changes need RIGHT_MANAGE_ALARMS on the alarm's camera.
// SubscribeMetadata needs RIGHT_VIEW_LIVE: a scene camera streams the objects of the scene frame on air
// at each wall-clock tick (SceneScript, on the clip's schedule), every other camera only heartbeats.
class AlarmServiceImpl final : public vigie::v1::AlarmService::Service {
public:
    // The cameras whose analytics come from the scene script.
    struct SceneCameras {
        std::shared_ptr<const SceneScript> script;  // null when there is no scene camera
        std::set<std::string> ids;
    };

    AlarmServiceImpl(AlarmJournal& journal, const CameraDirectory& directory, SessionStore& sessions,
                     const UserDirectory& users, SceneCameras sceneCameras = {});

    // Ends the metadata streams (UNAVAILABLE) for shutdown; alarm streams end with the journal's close().
    void close();

    grpc::Status ListActiveAlarms(grpc::ServerContext* context, const vigie::v1::ListActiveAlarmsRequest* request,
                                  vigie::v1::ListActiveAlarmsResponse* response) override;
    grpc::Status SubscribeAlarms(grpc::ServerContext* context, const vigie::v1::SubscribeAlarmsRequest* request,
                                 grpc::ServerWriter<vigie::v1::SubscribeAlarmsResponse>* writer) override;
    grpc::Status GetAlarm(grpc::ServerContext* context, const vigie::v1::GetAlarmRequest* request,
                          vigie::v1::GetAlarmResponse* response) override;
    grpc::Status AcknowledgeAlarm(grpc::ServerContext* context, const vigie::v1::AcknowledgeAlarmRequest* request,
                                  vigie::v1::AcknowledgeAlarmResponse* response) override;
    grpc::Status TakeAlarm(grpc::ServerContext* context, const vigie::v1::TakeAlarmRequest* request,
                           vigie::v1::TakeAlarmResponse* response) override;
    grpc::Status HoldAlarm(grpc::ServerContext* context, const vigie::v1::HoldAlarmRequest* request,
                           vigie::v1::HoldAlarmResponse* response) override;
    grpc::Status CloseAlarm(grpc::ServerContext* context, const vigie::v1::CloseAlarmRequest* request,
                            vigie::v1::CloseAlarmResponse* response) override;
    grpc::Status CommentAlarm(grpc::ServerContext* context, const vigie::v1::CommentAlarmRequest* request,
                              vigie::v1::CommentAlarmResponse* response) override;
    grpc::Status AssignAlarm(grpc::ServerContext* context, const vigie::v1::AssignAlarmRequest* request,
                             vigie::v1::AssignAlarmResponse* response) override;
    grpc::Status ListAssignees(grpc::ServerContext* context, const vigie::v1::ListAssigneesRequest* request,
                               vigie::v1::ListAssigneesResponse* response) override;
    grpc::Status SubscribeMetadata(grpc::ServerContext* context, const vigie::v1::SubscribeMetadataRequest* request,
                                   grpc::ServerWriter<vigie::v1::SubscribeMetadataResponse>* writer) override;

private:
    // The common path of the six changes: authenticates, checks that the alarm exists for the caller
    // and that the caller may manage alarms on its camera, then lets the journal apply the change.
    grpc::Status change(const grpc::ServerContext& context, AlarmJournal::Change change,
                        vigie::v1::Alarm* result);
    // The user accounts that may manage alarms on `cameraId`, enabled ones only.
    std::vector<const UserAccount*> assigneesOf(const std::string& cameraId) const;

    AlarmJournal& m_journal;
    const CameraDirectory& m_directory;
    SessionStore& m_sessions;
    const UserDirectory& m_users;
    const SceneCameras m_sceneCameras;
    RequestAuthenticator m_authenticator;

    std::mutex m_closeMutex;
    std::condition_variable m_closeWake;  // metadata writers sleep on it between ticks
    bool m_closed = false;                // guarded by m_closeMutex
};

} // namespace vigie::sim
