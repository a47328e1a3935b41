#include "GrpcServer.h"

#include "CallLogInterceptor.h"
#include "Log.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>

namespace vigie::sim {

GrpcServer::~GrpcServer() { shutdown(std::chrono::milliseconds(0)); }

bool GrpcServer::start(const Settings& settings, const std::vector<NamedService>& services,
                       std::string* error)
{
    // Both are process-wide switches read when a builder is created.
    grpc::EnableDefaultHealthCheckService(true);
    grpc::reflection::InitProtoReflectionServerBuilderPlugin();

    std::shared_ptr<grpc::ServerCredentials> credentials;
    if (settings.tlsCertificate.empty()) {
        credentials = grpc::InsecureServerCredentials();
    } else {
        grpc::SslServerCredentialsOptions options;
        options.pem_key_cert_pairs.push_back({settings.tlsPrivateKey, settings.tlsCertificate});
        credentials = grpc::SslServerCredentials(options);
    }

    grpc::ServerBuilder builder;
    builder.AddListeningPort(settings.address, credentials, &m_port);
    // gRPC sets SO_REUSEPORT by default: a second simulator on the same port would then start "fine" and
    // share the connections with the first. A port in use must be an error.
    builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
    // Desktop clients ping every 20-30 s, also while idle (a wall left alone over night). gRPC's default
    // refuses pings more often than every 5 minutes without calls and closes with "too_many_pings".
    builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, 10'000);
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
    // Our own pings find clients that vanished while holding a WatchDirectory stream.
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIME_MS, 30'000);
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 10'000);
    builder.AddChannelArgument(GRPC_ARG_HTTP2_MAX_PINGS_WITHOUT_DATA, 0);
    for (const auto& named : services)
        builder.RegisterService(named.service);
    if (Log::verbose()) {
        std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> interceptors;
        interceptors.push_back(std::make_unique<CallLogInterceptor::Factory>());
        builder.experimental().SetInterceptorCreators(std::move(interceptors));
    }

    m_server = builder.BuildAndStart();
    if (!m_server || m_port == 0) {
        *error = "cannot listen for gRPC on " + settings.address + " (address in use or not local?)";
        m_server.reset();
        return false;
    }

    if (auto* health = m_server->GetHealthCheckService()) {
        health->SetServingStatus(true);  // "" = the server as a whole
        for (const auto& named : services)
            health->SetServingStatus(named.name, true);
    }
    return true;
}

void GrpcServer::shutdown(std::chrono::milliseconds grace)
{
    if (!m_server)
        return;
    if (auto* health = m_server->GetHealthCheckService())
        health->SetServingStatus(false);
    m_server->Shutdown(std::chrono::system_clock::now() + grace);
    m_server->Wait();
    m_server.reset();
    Log::debug("gRPC server stopped");
}

} // namespace vigie::sim
