#pragma once

#include <grpcpp/server.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace vigie::sim {

// The gRPC server: our services plus grpc.health.v1.Health and server reflection, keepalive settings
// for desktop clients, optional TLS.
class GrpcServer {
public:
    struct Settings {
        std::string address;        // host:port, port 0 = chosen by the OS
        std::string tlsCertificate; // PEM; empty = plaintext
        std::string tlsPrivateKey;  // PEM
    };

    GrpcServer() = default;
    GrpcServer(const GrpcServer&) = delete;
    GrpcServer& operator=(const GrpcServer&) = delete;
    ~GrpcServer();

    struct NamedService {
        std::string name;  // fully-qualified, e.g. "vigie.v1.AuthService" (for the health service)
        grpc::Service* service;  // not owned; must outlive the server
    };

    bool start(const Settings& settings, const std::vector<NamedService>& services, std::string* error);
    int port() const { return m_port; }
    // Stops accepting calls; calls still running after `grace` are cancelled. Waits for handlers to return.
    void shutdown(std::chrono::milliseconds grace);

private:
    std::unique_ptr<grpc::Server> m_server;
    int m_port = 0;
};

} // namespace vigie::sim
