#pragma once

#include "CameraDirectory.h"
#include "RequestAuthenticator.h"
#include "WallStore.h"

#include <vigie/v1/walls.grpc.pb.h>

namespace vigie::sim {

// vigie.v1.WallService over a WallStore. Listing and watching need a session; pushing and clearing need
// RIGHT_CONTROL_WALL, and RIGHT_VIEW_LIVE on every camera pushed.
class WallServiceImpl final : public vigie::v1::WallService::Service {
public:
    WallServiceImpl(WallStore& walls, const CameraDirectory& directory, SessionStore& sessions);

    grpc::Status ListWalls(grpc::ServerContext* context, const vigie::v1::ListWallsRequest* request,
                           vigie::v1::ListWallsResponse* response) override;
    grpc::Status GetWallState(grpc::ServerContext* context, const vigie::v1::GetWallStateRequest* request,
                              vigie::v1::GetWallStateResponse* response) override;
    grpc::Status WatchWall(grpc::ServerContext* context, const vigie::v1::WatchWallRequest* request,
                           grpc::ServerWriter<vigie::v1::WatchWallResponse>* writer) override;
    grpc::Status PushToMonitor(grpc::ServerContext* context, const vigie::v1::PushToMonitorRequest* request,
                               vigie::v1::PushToMonitorResponse* response) override;
    grpc::Status ClearMonitor(grpc::ServerContext* context, const vigie::v1::ClearMonitorRequest* request,
                              vigie::v1::ClearMonitorResponse* response) override;

private:
    // Authenticates a change and checks RIGHT_CONTROL_WALL; fills what the store needs to know.
    grpc::Status authoriseChange(const grpc::ServerContext& context, const std::string& wallId,
                                 const std::string& monitorId, std::int64_t expectedVersion,
                                 const std::string& requestId, RequestAuthenticator::Caller* caller,
                                 WallStore::Change* change) const;
    // NOT_FOUND for a camera the caller may not see (as DirectoryService), PERMISSION_DENIED without
    // RIGHT_VIEW_LIVE on it.
    grpc::Status checkCamera(const vigie::v1::Session& session, const std::string& cameraId) const;

    WallStore& m_walls;
    const CameraDirectory& m_directory;
    RequestAuthenticator m_authenticator;
};

} // namespace vigie::sim
