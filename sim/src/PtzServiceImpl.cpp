#include "PtzServiceImpl.h"

#include "CameraRightsPolicy.h"
#include "Log.h"
#include "PtzControlStream.h"

#include <google/protobuf/util/time_util.h>

namespace vigie::sim {

namespace {

// As the other watches: the sync API has no cancellation callback, so a waiting watcher looks at
// IsCancelled() this often.
constexpr std::chrono::milliseconds kCancellationPoll{250};

std::chrono::system_clock::time_point now() { return std::chrono::system_clock::now(); }

std::chrono::milliseconds millisecondsOf(const google::protobuf::Duration& duration)
{
    return std::chrono::milliseconds(google::protobuf::util::TimeUtil::DurationToMilliseconds(duration));
}

} // namespace

PtzServiceImpl::PtzServiceImpl(PtzFleet& fleet, const CameraDirectory& directory, SessionStore& sessions)
    : m_fleet(fleet), m_directory(directory), m_sessions(sessions), m_authenticator(sessions)
{
}

grpc::Status PtzServiceImpl::resolve(const grpc::ServerContext& context, const std::string& cameraId, Need need,
                                     PtzClaimant* claimant, PtzCamera** camera) const
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(context, &caller); !status.ok())
        return status;
    const auto entry = m_directory.camera(cameraId);
    if (!entry || !CameraRightsPolicy::canSee(caller.session, cameraId))
        return {grpc::StatusCode::NOT_FOUND, "no camera '" + cameraId + "'"};
    if (!entry->has_ptz())
        return {grpc::StatusCode::UNIMPLEMENTED, "camera '" + cameraId + "' is a fixed camera (no PTZ)"};
    *camera = m_fleet.find(cameraId);
    if (!*camera)
        // Directory data only (cam-03, cam-10, some dir-NNNN): listed as domes, nothing behind them.
        return {grpc::StatusCode::UNAVAILABLE,
                "camera '" + cameraId + "' cannot be driven by this simulator (use the ptz-NN cameras)"};
    if (entry->state() != vigie::v1::CAMERA_STATE_ONLINE)
        return {grpc::StatusCode::UNAVAILABLE, "camera '" + cameraId + "' is offline"};
    const bool allowed = CameraRightsPolicy::has(caller.session, cameraId, vigie::v1::RIGHT_PTZ) ||
                         (need == Need::Read &&
                          CameraRightsPolicy::has(caller.session, cameraId, vigie::v1::RIGHT_VIEW_LIVE));
    if (!allowed)
        return {grpc::StatusCode::PERMISSION_DENIED, "no PTZ right on camera '" + cameraId + "'"};
    const auto& user = caller.session.user();
    claimant->kind = vigie::v1::LOCK_HOLDER_KIND_USER;
    claimant->id = caller.token;
    claimant->user = user.name();
    claimant->displayName = user.display_name().empty() ? user.name() : user.display_name();
    claimant->workstation = m_sessions.workstationOf(caller.token);
    claimant->priority = user.ptz_priority();
    return grpc::Status::OK;
}

grpc::Status PtzServiceImpl::Control(
    grpc::ServerContext* context,
    grpc::ServerReaderWriter<vigie::v1::ControlResponse, vigie::v1::ControlRequest>* stream)
{
    vigie::v1::ControlRequest first;
    if (!stream->Read(&first))
        return {grpc::StatusCode::INVALID_ARGUMENT, "a Control stream starts with a start message"};
    if (!first.has_start())
        return {grpc::StatusCode::INVALID_ARGUMENT, "the first message of a Control stream must be start"};
    const auto& start = first.start();
    PtzClaimant claimant;
    PtzCamera* camera = nullptr;
    if (auto status = resolve(*context, start.camera_id(), Need::Command, &claimant, &camera); !status.ok())
        return status;
    const auto lease = PtzCamera::clampLease(start.has_lease() ? millisecondsOf(start.lease())
                                                               : std::chrono::milliseconds::zero());
    vigie::v1::PtzLock lock;
    if (auto status = camera->acquireLock(claimant, start.takeover(), {}, {}, &lock, now()); !status.ok())
        return status;
    Log::debug("PTZ control of " + camera->id() + " by " + claimant.user + " (lease " +
               std::to_string(lease.count()) + " ms)");
    PtzControlStream control(*context, *stream, *camera, claimant, lease);
    return control.run(lock);
}

grpc::Status PtzServiceImpl::Stop(grpc::ServerContext* context, const vigie::v1::StopRequest* request,
                                  vigie::v1::StopResponse* /*response*/)
{
    PtzClaimant claimant;
    PtzCamera* camera = nullptr;
    if (auto status = resolve(*context, request->camera_id(), Need::Command, &claimant, &camera); !status.ok())
        return status;
    return camera->stop(claimant, request->pan_tilt(), request->zoom(), now());
}

grpc::Status PtzServiceImpl::AbsoluteMove(grpc::ServerContext* context, const vigie::v1::AbsoluteMoveRequest* request,
                                          vigie::v1::AbsoluteMoveResponse* /*response*/)
{
    PtzClaimant claimant;
    PtzCamera* camera = nullptr;
    if (auto status = resolve(*context, request->camera_id(), Need::Command, &claimant, &camera); !status.ok())
        return status;
    return camera->absoluteMove(claimant, request->position(), request->speed(), now());
}

grpc::Status PtzServiceImpl::RelativeMove(grpc::ServerContext* context, const vigie::v1::RelativeMoveRequest* request,
                                          vigie::v1::RelativeMoveResponse* /*response*/)
{
    PtzClaimant claimant;
    PtzCamera* camera = nullptr;
    if (auto status = resolve(*context, request->camera_id(), Need::Command, &claimant, &camera); !status.ok())
        return status;
    return camera->relativeMove(claimant, request->translation(), request->speed(), now());
}

grpc::Status PtzServiceImpl::CentreOn(grpc::ServerContext* context, const vigie::v1::CentreOnRequest* request,
                                      vigie::v1::CentreOnResponse* /*response*/)
{
    PtzClaimant claimant;
    PtzCamera* camera = nullptr;
    if (auto status = resolve(*context, request->camera_id(), Need::Command, &claimant, &camera); !status.ok())
        return status;
    if (!request->has_point())
        return {grpc::StatusCode::INVALID_ARGUMENT, "CentreOn needs a point"};
    return camera->centreOn(claimant, request->point().x(), request->point().y(), now());
}

grpc::Status PtzServiceImpl::AreaZoom(grpc::ServerContext* context, const vigie::v1::AreaZoomRequest* request,
                                      vigie::v1::AreaZoomResponse* /*response*/)
{
    PtzClaimant claimant;
    PtzCamera* camera = nullptr;
    if (auto status = resolve(*context, request->camera_id(), Need::Command, &claimant, &camera); !status.ok())
        return status;
    return camera->areaZoom(claimant, request->area(), now());
}

grpc::Status PtzServiceImpl::GetStatus(grpc::ServerContext* context, const vigie::v1::GetStatusRequest* request,
                                       vigie::v1::GetStatusResponse* response)
{
    PtzClaimant claimant;
    PtzCamera* camera = nullptr;
    if (auto status = resolve(*context, request->camera_id(), Need::Read, &claimant, &camera); !status.ok())
        return status;
    *response->mutable_status() = camera->status(claimant.id, now());
    return grpc::Status::OK;
}

grpc::Status PtzServiceImpl::ListPresets(grpc::ServerContext* context, const vigie::v1::ListPresetsRequest* request,
                                         vigie::v1::ListPresetsResponse* response)
{
    PtzClaimant claimant;
    PtzCamera* camera = nullptr;
    if (auto status = resolve(*context, request->camera_id(), Need::Read, &claimant, &camera); !status.ok())
        return status;
    *response = camera->presets(now());
    return grpc::Status::OK;
}

grpc::Status PtzServiceImpl::GotoPreset(grpc::ServerContext* context, const vigie::v1::GotoPresetRequest* request,
                                        vigie::v1::GotoPresetResponse* /*response*/)
{
    PtzClaimant claimant;
    PtzCamera* camera = nullptr;
    if (auto status = resolve(*context, request->camera_id(), Need::Command, &claimant, &camera); !status.ok())
        return status;
    return camera->gotoPreset(claimant, request->preset_id(), request->speed(), now());
}

grpc::Status PtzServiceImpl::SetPreset(grpc::ServerContext* context, const vigie::v1::SetPresetRequest* request,
                                       vigie::v1::SetPresetResponse* response)
{
    PtzClaimant claimant;
    PtzCamera* camera = nullptr;
    if (auto status = resolve(*context, request->camera_id(), Need::Command, &claimant, &camera); !status.ok())
        return status;
    return camera->setPreset(claimant, *request, response->mutable_preset(), now());
}

grpc::Status PtzServiceImpl::RemovePreset(grpc::ServerContext* context, const vigie::v1::RemovePresetRequest* request,
                                          vigie::v1::RemovePresetResponse* /*response*/)
{
    PtzClaimant claimant;
    PtzCamera* camera = nullptr;
    if (auto status = resolve(*context, request->camera_id(), Need::Command, &claimant, &camera); !status.ok())
        return status;
    return camera->removePreset(claimant, request->preset_id(), now());
}

grpc::Status PtzServiceImpl::GotoHome(grpc::ServerContext* context, const vigie::v1::GotoHomeRequest* request,
                                      vigie::v1::GotoHomeResponse* /*response*/)
{
    PtzClaimant claimant;
    PtzCamera* camera = nullptr;
    if (auto status = resolve(*context, request->camera_id(), Need::Command, &claimant, &camera); !status.ok())
        return status;
    return camera->gotoHome(claimant, request->speed(), now());
}

grpc::Status PtzServiceImpl::SetHome(grpc::ServerContext* context, const vigie::v1::SetHomeRequest* request,
                                     vigie::v1::SetHomeResponse* /*response*/)
{
    PtzClaimant claimant;
    PtzCamera* camera = nullptr;
    if (auto status = resolve(*context, request->camera_id(), Need::Command, &claimant, &camera); !status.ok())
        return status;
    return camera->setHome(claimant, now());
}

grpc::Status PtzServiceImpl::ListTours(grpc::ServerContext* context, const vigie::v1::ListToursRequest* request,
                                       vigie::v1::ListToursResponse* response)
{
    PtzClaimant claimant;
    PtzCamera* camera = nullptr;
    if (auto status = resolve(*context, request->camera_id(), Need::Read, &claimant, &camera); !status.ok())
        return status;
    for (auto& tour : camera->tours(now()))
        *response->add_tours() = std::move(tour);
    return grpc::Status::OK;
}

grpc::Status PtzServiceImpl::StartTour(grpc::ServerContext* context, const vigie::v1::StartTourRequest* request,
                                       vigie::v1::StartTourResponse* response)
{
    PtzClaimant claimant;
    PtzCamera* camera = nullptr;
    if (auto status = resolve(*context, request->camera_id(), Need::Command, &claimant, &camera); !status.ok())
        return status;
    return camera->startTour(claimant, request->tour_id(), response->mutable_tour(), now());
}

grpc::Status PtzServiceImpl::StopTour(grpc::ServerContext* context, const vigie::v1::StopTourRequest* request,
                                      vigie::v1::StopTourResponse* response)
{
    PtzClaimant claimant;
    PtzCamera* camera = nullptr;
    if (auto status = resolve(*context, request->camera_id(), Need::Command, &claimant, &camera); !status.ok())
        return status;
    return camera->stopTour(claimant, request->tour_id(), response->mutable_tour(), now());
}

grpc::Status PtzServiceImpl::PauseTour(grpc::ServerContext* context, const vigie::v1::PauseTourRequest* request,
                                       vigie::v1::PauseTourResponse* response)
{
    PtzClaimant claimant;
    PtzCamera* camera = nullptr;
    if (auto status = resolve(*context, request->camera_id(), Need::Command, &claimant, &camera); !status.ok())
        return status;
    return camera->pauseTour(claimant, request->tour_id(), response->mutable_tour(), now());
}

grpc::Status PtzServiceImpl::AcquireLock(grpc::ServerContext* context, const vigie::v1::AcquireLockRequest* request,
                                         vigie::v1::AcquireLockResponse* response)
{
    PtzClaimant claimant;
    PtzCamera* camera = nullptr;
    if (auto status = resolve(*context, request->camera_id(), Need::Command, &claimant, &camera); !status.ok())
        return status;
    if (request->priority() < 0)
        return {grpc::StatusCode::INVALID_ARGUMENT, "a lock priority cannot be negative"};
    if (request->priority() > claimant.priority)
        return {grpc::StatusCode::PERMISSION_DENIED, "priority " + std::to_string(request->priority()) +
                                                         " is above the user's own (" +
                                                         std::to_string(claimant.priority) + ")"};
    if (request->priority() > 0)
        claimant.priority = request->priority();
    const auto duration =
        request->has_duration() ? millisecondsOf(request->duration()) : std::chrono::milliseconds::zero();
    return camera->acquireLock(claimant, request->takeover(), duration, request->reason(), response->mutable_lock(),
                               now());
}

grpc::Status PtzServiceImpl::ReleaseLock(grpc::ServerContext* context, const vigie::v1::ReleaseLockRequest* request,
                                         vigie::v1::ReleaseLockResponse* response)
{
    PtzClaimant claimant;
    PtzCamera* camera = nullptr;
    if (auto status = resolve(*context, request->camera_id(), Need::Command, &claimant, &camera); !status.ok())
        return status;
    *response->mutable_lock() = camera->releaseLock(claimant.id, now());
    return grpc::Status::OK;
}

grpc::Status PtzServiceImpl::GetLock(grpc::ServerContext* context, const vigie::v1::GetLockRequest* request,
                                     vigie::v1::GetLockResponse* response)
{
    PtzClaimant claimant;
    PtzCamera* camera = nullptr;
    if (auto status = resolve(*context, request->camera_id(), Need::Read, &claimant, &camera); !status.ok())
        return status;
    *response->mutable_lock() = camera->lock(claimant.id, now());
    return grpc::Status::OK;
}

grpc::Status PtzServiceImpl::WatchLock(grpc::ServerContext* context, const vigie::v1::WatchLockRequest* request,
                                       grpc::ServerWriter<vigie::v1::WatchLockResponse>* writer)
{
    PtzClaimant claimant;
    PtzCamera* camera = nullptr;
    if (auto status = resolve(*context, request->camera_id(), Need::Read, &claimant, &camera); !status.ok())
        return status;
    std::uint64_t version = camera->lockVersion();
    vigie::v1::WatchLockResponse response;
    *response.mutable_lock() = camera->lock(claimant.id, now());
    if (!writer->Write(response))
        return grpc::Status::OK;
    while (!context->IsCancelled()) {
        camera->waitForLockChange(version, std::chrono::steady_clock::now() + kCancellationPoll);
        if (camera->closed())
            return {grpc::StatusCode::UNAVAILABLE, "server shutting down"};
        const std::uint64_t current = camera->lockVersion();
        if (current == version)
            continue;
        version = current;
        *response.mutable_lock() = camera->lock(claimant.id, now());
        if (!writer->Write(response))
            return grpc::Status::OK;
    }
    return {grpc::StatusCode::CANCELLED, "watch cancelled"};
}

} // namespace vigie::sim
