#pragma once

#include "CameraDirectory.h"
#include "PtzFleet.h"
#include "RequestAuthenticator.h"

#include <vigie/v1/ptz.grpc.pb.h>

namespace vigie::sim {

// vigie.v1.PtzService over the simulator's PTZ domes (PtzFleet). Sync API like the other services; the
// Control stream's dead-man rule does not depend on the handler noticing anything: the camera's lease
// stops it by itself, and the end of the stream (half-close, cancel, broken connection) stops it too.
class PtzServiceImpl final : public vigie::v1::PtzService::Service {
public:
    PtzServiceImpl(PtzFleet& fleet, const CameraDirectory& directory, SessionStore& sessions);

    grpc::Status Control(
        grpc::ServerContext* context,
        grpc::ServerReaderWriter<vigie::v1::ControlResponse, vigie::v1::ControlRequest>* stream) override;
    grpc::Status Stop(grpc::ServerContext* context, const vigie::v1::StopRequest* request,
                      vigie::v1::StopResponse* response) override;
    grpc::Status AbsoluteMove(grpc::ServerContext* context, const vigie::v1::AbsoluteMoveRequest* request,
                              vigie::v1::AbsoluteMoveResponse* response) override;
    grpc::Status RelativeMove(grpc::ServerContext* context, const vigie::v1::RelativeMoveRequest* request,
                              vigie::v1::RelativeMoveResponse* response) override;
    grpc::Status CentreOn(grpc::ServerContext* context, const vigie::v1::CentreOnRequest* request,
                          vigie::v1::CentreOnResponse* response) override;
    grpc::Status AreaZoom(grpc::ServerContext* context, const vigie::v1::AreaZoomRequest* request,
                          vigie::v1::AreaZoomResponse* response) override;
    grpc::Status GetStatus(grpc::ServerContext* context, const vigie::v1::GetStatusRequest* request,
                           vigie::v1::GetStatusResponse* response) override;
    grpc::Status ListPresets(grpc::ServerContext* context, const vigie::v1::ListPresetsRequest* request,
                             vigie::v1::ListPresetsResponse* response) override;
    grpc::Status GotoPreset(grpc::ServerContext* context, const vigie::v1::GotoPresetRequest* request,
                            vigie::v1::GotoPresetResponse* response) override;
    grpc::Status SetPreset(grpc::ServerContext* context, const vigie::v1::SetPresetRequest* request,
                           vigie::v1::SetPresetResponse* response) override;
    grpc::Status RemovePreset(grpc::ServerContext* context, const vigie::v1::RemovePresetRequest* request,
                              vigie::v1::RemovePresetResponse* response) override;
    grpc::Status GotoHome(grpc::ServerContext* context, const vigie::v1::GotoHomeRequest* request,
                          vigie::v1::GotoHomeResponse* response) override;
    grpc::Status SetHome(grpc::ServerContext* context, const vigie::v1::SetHomeRequest* request,
                         vigie::v1::SetHomeResponse* response) override;
    grpc::Status ListTours(grpc::ServerContext* context, const vigie::v1::ListToursRequest* request,
                           vigie::v1::ListToursResponse* response) override;
    grpc::Status StartTour(grpc::ServerContext* context, const vigie::v1::StartTourRequest* request,
                           vigie::v1::StartTourResponse* response) override;
    grpc::Status StopTour(grpc::ServerContext* context, const vigie::v1::StopTourRequest* request,
                          vigie::v1::StopTourResponse* response) override;
    grpc::Status PauseTour(grpc::ServerContext* context, const vigie::v1::PauseTourRequest* request,
                           vigie::v1::PauseTourResponse* response) override;
    grpc::Status AcquireLock(grpc::ServerContext* context, const vigie::v1::AcquireLockRequest* request,
                             vigie::v1::AcquireLockResponse* response) override;
    grpc::Status ReleaseLock(grpc::ServerContext* context, const vigie::v1::ReleaseLockRequest* request,
                             vigie::v1::ReleaseLockResponse* response) override;
    grpc::Status GetLock(grpc::ServerContext* context, const vigie::v1::GetLockRequest* request,
                         vigie::v1::GetLockResponse* response) override;
    grpc::Status WatchLock(grpc::ServerContext* context, const vigie::v1::WatchLockRequest* request,
                           grpc::ServerWriter<vigie::v1::WatchLockResponse>* writer) override;

private:
    enum class Need { Command, Read };  // RIGHT_PTZ, or RIGHT_PTZ / RIGHT_VIEW_LIVE
    // Authenticates, finds the camera and checks the right: UNAUTHENTICATED, NOT_FOUND (unknown or not
    // visible), UNIMPLEMENTED (a fixed camera), UNAVAILABLE (a PTZ camera the simulator does not drive,
    // or one set offline), PERMISSION_DENIED.
    grpc::Status resolve(const grpc::ServerContext& context, const std::string& cameraId, Need need,
                         PtzClaimant* claimant, PtzCamera** camera) const;

    PtzFleet& m_fleet;
    const CameraDirectory& m_directory;
    SessionStore& m_sessions;
    RequestAuthenticator m_authenticator;
};

} // namespace vigie::sim
