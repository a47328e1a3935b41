#pragma once
// One gRPC channel to the backend and the stubs of the services the client uses.

#include <memory>

#include <QString>

#include "vigie/rpc/BackendOptions.h"
#include "vigie/v1/auth.grpc.pb.h"
#include "vigie/v1/directory.grpc.pb.h"
#include "vigie/v1/system.grpc.pb.h"

namespace vigie::rpc {

class ChannelHolder {
public:
    // Fails (returns null and fills *error) only when the options themselves are unusable,
    // e.g. an unreadable CA file. Connection problems surface later, per call.
    static std::unique_ptr<ChannelHolder> create(const BackendOptions& options, QString* error);

    vigie::v1::AuthService::Stub& auth() { return *m_auth; }
    vigie::v1::DirectoryService::Stub& directory() { return *m_directory; }
    vigie::v1::SystemService::Stub& system() { return *m_system; }

private:
    std::shared_ptr<grpc::Channel> m_channel;
    std::unique_ptr<vigie::v1::AuthService::Stub> m_auth;
    std::unique_ptr<vigie::v1::DirectoryService::Stub> m_directory;
    std::unique_ptr<vigie::v1::SystemService::Stub> m_system;
};

}  // namespace vigie::rpc
