#pragma once

#include "CameraDirectory.h"
#include "RequestAuthenticator.h"

#include <vigie/v1/system.grpc.pb.h>

#include <functional>
#include <string>
#include <vector>

namespace vigie::sim {

// vigie.v1.SystemService: what this backend is (no token needed) and the health of its parts.
class SystemServiceImpl final : public vigie::v1::SystemService::Service {
public:
    SystemServiceImpl(std::string siteName, std::vector<std::string> implementedServices,
                      const CameraDirectory& directory, SessionStore& sessions,
                      std::function<bool()> rtspServerRunning);

    grpc::Status GetServerInfo(grpc::ServerContext* context, const vigie::v1::GetServerInfoRequest* request,
                               vigie::v1::GetServerInfoResponse* response) override;
    grpc::Status GetHealth(grpc::ServerContext* context, const vigie::v1::GetHealthRequest* request,
                           vigie::v1::GetHealthResponse* response) override;

private:
    const std::string m_siteName;
    const std::vector<std::string> m_implementedServices;
    const CameraDirectory& m_directory;
    RequestAuthenticator m_authenticator;
    const std::function<bool()> m_rtspServerRunning;
};

} // namespace vigie::sim
