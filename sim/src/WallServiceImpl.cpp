#include "WallServiceImpl.h"

#include "CameraRightsPolicy.h"
#include "HeartbeatPeriod.h"
#include "Log.h"

#include <google/protobuf/util/time_util.h>

#include <algorithm>

namespace vigie::sim {

namespace {

// As in DirectoryServiceImpl: the sync API has no cancellation callback, so a waiting watcher looks at
// IsCancelled() this often; it bounds how long a cancelled watch holds its thread.
constexpr std::chrono::milliseconds kCancellationPoll{250};

vigie::v1::WatchWallResponse heartbeat(std::int64_t version)
{
    vigie::v1::WatchWallResponse response;
    response.set_version(version);
    *response.mutable_heartbeat()->mutable_server_time() = google::protobuf::util::TimeUtil::GetCurrentTime();
    return response;
}

vigie::v1::WatchWallResponse snapshot(vigie::v1::WallState state)
{
    vigie::v1::WatchWallResponse response;
    response.set_version(state.version());
    *response.mutable_snapshot() = std::move(state);
    return response;
}

// common.proto: a change carries a request_id field or `x-request-id` metadata; the field wins.
std::string requestIdOf(const grpc::ServerContext& context, const std::string& field)
{
    if (!field.empty())
        return field;
    const auto& metadata = context.client_metadata();
    const auto it = metadata.find("x-request-id");
    return it == metadata.end() ? std::string() : std::string(it->second.data(), it->second.size());
}

} // namespace

WallServiceImpl::WallServiceImpl(WallStore& walls, const CameraDirectory& directory, SessionStore& sessions)
    : m_walls(walls), m_directory(directory), m_authenticator(sessions)
{
}

grpc::Status WallServiceImpl::ListWalls(grpc::ServerContext* context, const vigie::v1::ListWallsRequest* /*request*/,
                                        vigie::v1::ListWallsResponse* response)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;
    // Walls are not per user in the simulator: every session sees every wall.
    for (auto& wall : m_walls.walls())
        *response->add_walls() = std::move(wall);
    return grpc::Status::OK;
}

grpc::Status WallServiceImpl::GetWallState(grpc::ServerContext* context,
                                           const vigie::v1::GetWallStateRequest* request,
                                           vigie::v1::GetWallStateResponse* response)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;
    auto state = m_walls.state(request->wall_id());
    if (!state)
        return {grpc::StatusCode::NOT_FOUND, "no wall '" + request->wall_id() + "'"};
    *response->mutable_state() = std::move(*state);
    return grpc::Status::OK;
}

grpc::Status WallServiceImpl::WatchWall(grpc::ServerContext* context, const vigie::v1::WatchWallRequest* request,
                                        grpc::ServerWriter<vigie::v1::WatchWallResponse>* writer)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;
    auto state = m_walls.state(request->wall_id());
    if (!state)
        return {grpc::StatusCode::NOT_FOUND, "no wall '" + request->wall_id() + "'"};

    const std::string who = caller.session.user().name() + " (" + context->peer() + ")";
    Log::debug("wall watch of " + request->wall_id() + " from " + who);

    using Clock = std::chrono::steady_clock;
    const auto interval = heartbeatPeriod(*request);
    std::int64_t version = state->version();
    if (!writer->Write(snapshot(std::move(*state))))
        return grpc::Status::OK;
    auto nextHeartbeat = Clock::now() + interval;

    while (!context->IsCancelled()) {
        auto update = m_walls.waitForChanges(request->wall_id(), version,
                                             std::min(nextHeartbeat, Clock::now() + kCancellationPoll));
        if (update.closed)
            return {grpc::StatusCode::UNAVAILABLE, "server shutting down"};
        if (update.snapshot) {
            // Too far behind for the journal: a full snapshot resynchronises the watcher.
            version = update.snapshot->version();
            if (!writer->Write(snapshot(std::move(*update.snapshot))))
                return grpc::Status::OK;
        }
        for (auto& monitor : update.changes) {
            vigie::v1::WatchWallResponse response;
            response.set_version(++version);
            *response.mutable_monitor() = std::move(monitor);
            if (!writer->Write(response))
                return grpc::Status::OK;
        }
        if (Clock::now() >= nextHeartbeat) {
            if (!writer->Write(heartbeat(version)))
                return grpc::Status::OK;
            nextHeartbeat = Clock::now() + interval;
        }
    }
    Log::debug("wall watch of " + request->wall_id() + " from " + who + " cancelled");
    return {grpc::StatusCode::CANCELLED, "watch cancelled"};
}

grpc::Status WallServiceImpl::authoriseChange(const grpc::ServerContext& context, const std::string& wallId,
                                              const std::string& monitorId, std::int64_t expectedVersion,
                                              const std::string& requestId, RequestAuthenticator::Caller* caller,
                                              WallStore::Change* change) const
{
    if (auto status = m_authenticator.authenticate(context, caller); !status.ok())
        return status;
    if (!CameraRightsPolicy::holdsAnywhere(caller->session, vigie::v1::RIGHT_CONTROL_WALL))
        return {grpc::StatusCode::PERMISSION_DENIED,
                "user '" + caller->session.user().name() + "' may not control video walls (RIGHT_CONTROL_WALL)"};
    change->wallId = wallId;
    change->monitorId = monitorId;
    change->expectedVersion = expectedVersion;
    change->requestId = requestIdOf(context, requestId);
    change->userName = caller->session.user().name();
    change->userDisplayName = caller->session.user().display_name();
    return grpc::Status::OK;
}

grpc::Status WallServiceImpl::checkCamera(const vigie::v1::Session& session, const std::string& cameraId) const
{
    if (!m_directory.camera(cameraId) || !CameraRightsPolicy::canSee(session, cameraId))
        return {grpc::StatusCode::NOT_FOUND, "no camera '" + cameraId + "'"};
    if (!CameraRightsPolicy::has(session, cameraId, vigie::v1::RIGHT_VIEW_LIVE))
        return {grpc::StatusCode::PERMISSION_DENIED, "no live viewing right on camera '" + cameraId + "'"};
    return grpc::Status::OK;
}

grpc::Status WallServiceImpl::PushToMonitor(grpc::ServerContext* context,
                                            const vigie::v1::PushToMonitorRequest* request,
                                            vigie::v1::PushToMonitorResponse* response)
{
    RequestAuthenticator::Caller caller;
    WallStore::Change change;
    if (auto status = authoriseChange(*context, request->wall_id(), request->monitor_id(),
                                      request->expected_version(), request->request_id(), &caller, &change);
        !status.ok())
        return status;

    WallStore::Outcome outcome;
    switch (request->content_case()) {
    case vigie::v1::PushToMonitorRequest::kCamera:
        if (!request->camera().camera_id().empty()) {
            if (auto status = checkCamera(caller.session, request->camera().camera_id()); !status.ok())
                return status;
        }
        outcome = m_walls.pushCamera(change, request->camera());
        break;
    case vigie::v1::PushToMonitorRequest::kLayout:
        for (const auto& cell : request->layout().cells()) {
            if (cell.camera_id().empty())
                continue;
            if (auto status = checkCamera(caller.session, cell.camera_id()); !status.ok())
                return status;
        }
        outcome = m_walls.pushLayout(change, request->layout());
        break;
    default:
        return {grpc::StatusCode::INVALID_ARGUMENT, "nothing to push: set camera or layout"};
    }
    if (!outcome.status.ok())
        return outcome.status;
    if (!outcome.replayed)
        Log::info("wall " + change.wallId + " monitor " + change.monitorId + " changed by " + change.userName +
                  " (version " + std::to_string(outcome.state.version()) + ")");
    *response->mutable_state() = std::move(outcome.state);
    return grpc::Status::OK;
}

grpc::Status WallServiceImpl::ClearMonitor(grpc::ServerContext* context,
                                           const vigie::v1::ClearMonitorRequest* request,
                                           vigie::v1::ClearMonitorResponse* response)
{
    RequestAuthenticator::Caller caller;
    WallStore::Change change;
    if (auto status = authoriseChange(*context, request->wall_id(), request->monitor_id(),
                                      request->expected_version(), request->request_id(), &caller, &change);
        !status.ok())
        return status;
    auto outcome = m_walls.clear(change);
    if (!outcome.status.ok())
        return outcome.status;
    if (!outcome.replayed)
        Log::info("wall " + change.wallId + " monitor " + change.monitorId + " cleared by " + change.userName +
                  " (version " + std::to_string(outcome.state.version()) + ")");
    *response->mutable_state() = std::move(outcome.state);
    return grpc::Status::OK;
}

} // namespace vigie::sim
