#pragma once

#include "RequestAuthenticator.h"
#include "SessionStore.h"
#include "UserDirectory.h"

#include <vigie/v1/auth.grpc.pb.h>

namespace vigie::sim {

// vigie.v1.AuthService: password login, token refresh, logout, session lookup.
class AuthServiceImpl final : public vigie::v1::AuthService::Service {
public:
    AuthServiceImpl(const UserDirectory& users, SessionStore& sessions);

    grpc::Status Login(grpc::ServerContext* context, const vigie::v1::LoginRequest* request,
                       vigie::v1::LoginResponse* response) override;
    grpc::Status RefreshSession(grpc::ServerContext* context, const vigie::v1::RefreshSessionRequest* request,
                                vigie::v1::RefreshSessionResponse* response) override;
    grpc::Status Logout(grpc::ServerContext* context, const vigie::v1::LogoutRequest* request,
                        vigie::v1::LogoutResponse* response) override;
    grpc::Status GetSession(grpc::ServerContext* context, const vigie::v1::GetSessionRequest* request,
                            vigie::v1::GetSessionResponse* response) override;

private:
    const UserDirectory& m_users;
    SessionStore& m_sessions;
    RequestAuthenticator m_authenticator;
};

} // namespace vigie::sim
