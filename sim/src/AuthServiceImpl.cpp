#include "AuthServiceImpl.h"

#include "CameraRightsPolicy.h"
#include "Log.h"

namespace vigie::sim {

AuthServiceImpl::AuthServiceImpl(const UserDirectory& users, SessionStore& sessions)
    : m_users(users), m_sessions(sessions), m_authenticator(sessions)
{
}

grpc::Status AuthServiceImpl::Login(grpc::ServerContext* context, const vigie::v1::LoginRequest* request,
                                    vigie::v1::LoginResponse* response)
{
    const UserAccount* account = nullptr;
    switch (m_users.verify(request->user(), request->password(), &account)) {
    case UserDirectory::Verdict::BadCredentials:
        Log::info("login refused for '" + request->user() + "' from " + context->peer());
        // One message for an unknown user and a wrong password: do not tell which names exist.
        return {grpc::StatusCode::UNAUTHENTICATED, "invalid user name or password"};
    case UserDirectory::Verdict::Disabled:
        Log::info("login refused for disabled account '" + request->user() + "'");
        return {grpc::StatusCode::PERMISSION_DENIED, "account disabled"};
    case UserDirectory::Verdict::Accepted:
        break;
    }

    vigie::v1::Session session;
    *session.mutable_user() = account->user;
    for (const auto& rights : CameraRightsPolicy::effectiveRights(*account))
        *session.add_rights() = rights;
    auto issued = m_sessions.issue(session, request->workstation());
    Log::info("login '" + request->user() + "' from workstation '" + request->workstation() + "' (" +
              request->client_version() + ")");
    response->set_token(std::move(issued.token));
    *response->mutable_session() = std::move(issued.session);
    return grpc::Status::OK;
}

grpc::Status AuthServiceImpl::RefreshSession(grpc::ServerContext* context,
                                             const vigie::v1::RefreshSessionRequest* /*request*/,
                                             vigie::v1::RefreshSessionResponse* response)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;
    // The old token stays valid until its own expiry, so calls already in flight with it succeed.
    caller.session.clear_expires_at();
    auto issued = m_sessions.issue(caller.session, m_sessions.workstationOf(caller.token));
    Log::debug("session refreshed for '" + caller.session.user().name() + "'");
    response->set_token(std::move(issued.token));
    *response->mutable_session() = std::move(issued.session);
    return grpc::Status::OK;
}

grpc::Status AuthServiceImpl::Logout(grpc::ServerContext* context, const vigie::v1::LogoutRequest* /*request*/,
                                     vigie::v1::LogoutResponse* /*response*/)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;
    m_sessions.revoke(caller.token);
    Log::info("logout '" + caller.session.user().name() + "'");
    return grpc::Status::OK;
}

grpc::Status AuthServiceImpl::GetSession(grpc::ServerContext* context,
                                         const vigie::v1::GetSessionRequest* /*request*/,
                                         vigie::v1::GetSessionResponse* response)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;
    *response->mutable_session() = std::move(caller.session);
    return grpc::Status::OK;
}

} // namespace vigie::sim
