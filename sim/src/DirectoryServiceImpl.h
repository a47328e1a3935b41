#pragma once

#include "CameraDirectory.h"
#include "RequestAuthenticator.h"

#include <vigie/v1/directory.grpc.pb.h>

#include <chrono>

namespace vigie::sim {

// vigie.v1.DirectoryService over a CameraDirectory, filtered by the caller's rights.
class DirectoryServiceImpl final : public vigie::v1::DirectoryService::Service {
public:
    DirectoryServiceImpl(const CameraDirectory& directory, SessionStore& sessions,
                         std::chrono::milliseconds heartbeatInterval);

    grpc::Status ListCameras(grpc::ServerContext* context, const vigie::v1::ListCamerasRequest* request,
                             vigie::v1::ListCamerasResponse* response) override;
    grpc::Status GetCamera(grpc::ServerContext* context, const vigie::v1::GetCameraRequest* request,
                           vigie::v1::GetCameraResponse* response) override;
    grpc::Status WatchDirectory(grpc::ServerContext* context, const vigie::v1::WatchDirectoryRequest* request,
                                grpc::ServerWriter<vigie::v1::WatchDirectoryResponse>* writer) override;

private:
    const CameraDirectory& m_directory;
    RequestAuthenticator m_authenticator;
    const std::chrono::milliseconds m_heartbeatInterval;
};

} // namespace vigie::sim
