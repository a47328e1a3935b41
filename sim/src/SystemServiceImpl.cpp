#include "SystemServiceImpl.h"

#include <google/protobuf/util/time_util.h>

#include <algorithm>
#include <chrono>

#ifndef VIGIE_VERSION
#define VIGIE_VERSION "0.0.0"
#endif

namespace vigie::sim {

SystemServiceImpl::SystemServiceImpl(std::string siteName, std::vector<std::string> implementedServices,
                                     const CameraDirectory& directory, SessionStore& sessions,
                                     std::function<bool()> rtspServerRunning)
    : m_siteName(std::move(siteName)),
      m_implementedServices(std::move(implementedServices)),
      m_directory(directory),
      m_authenticator(sessions),
      m_rtspServerRunning(std::move(rtspServerRunning))
{
}

grpc::Status SystemServiceImpl::GetServerInfo(grpc::ServerContext* /*context*/,
                                              const vigie::v1::GetServerInfoRequest* /*request*/,
                                              vigie::v1::GetServerInfoResponse* response)
{
    // No token: a client describes a backend before logging in.
    response->set_product("vigie-sim");
    response->set_version(VIGIE_VERSION);
    response->set_site_name(m_siteName);
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    *response->mutable_server_time() = google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(
        std::chrono::duration_cast<std::chrono::microseconds>(now).count());
    for (const auto& service : m_implementedServices)
        response->add_implemented_services(service);
    return grpc::Status::OK;
}

grpc::Status SystemServiceImpl::GetHealth(grpc::ServerContext* context,
                                          const vigie::v1::GetHealthRequest* /*request*/,
                                          vigie::v1::GetHealthResponse* response)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;

    auto add = [response](const char* name, vigie::v1::ComponentState state, std::string detail) {
        auto* component = response->add_components();
        component->set_name(name);
        component->set_state(state);
        component->set_detail(std::move(detail));
    };

    add("grpc-server", vigie::v1::COMPONENT_STATE_OK, {});
    const bool rtsp = m_rtspServerRunning();
    add("rtsp-server", rtsp ? vigie::v1::COMPONENT_STATE_OK : vigie::v1::COMPONENT_STATE_DOWN,
        rtsp ? std::string() : "RTSP server stopped");

    const auto counts = m_directory.counts();
    const int offline = counts.total - counts.online;
    add("camera-links", offline == 0 ? vigie::v1::COMPONENT_STATE_OK : vigie::v1::COMPONENT_STATE_DEGRADED,
        offline == 0 ? std::string()
                     : std::to_string(offline) + " of " + std::to_string(counts.total) + " cameras not online");
    response->set_cameras_online(counts.online);
    response->set_cameras_total(counts.total);

    // Overall is the worst component (the enum is ordered OK < DEGRADED < DOWN).
    auto overall = vigie::v1::COMPONENT_STATE_OK;
    for (const auto& component : response->components())
        overall = std::max(overall, component.state());
    response->set_overall(overall);
    return grpc::Status::OK;
}

} // namespace vigie::sim
