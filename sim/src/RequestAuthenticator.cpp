#include "RequestAuthenticator.h"

#include <strings.h>

namespace vigie::sim {

RequestAuthenticator::RequestAuthenticator(SessionStore& sessions) : m_sessions(sessions) {}

grpc::Status RequestAuthenticator::authenticate(const grpc::ServerContext& context, Caller* caller) const
{
    const auto& metadata = context.client_metadata();
    const auto it = metadata.find("authorization");
    if (it == metadata.end())
        return {grpc::StatusCode::UNAUTHENTICATED, "missing bearer token"};

    const std::string value(it->second.data(), it->second.size());
    constexpr std::string_view scheme = "bearer ";  // the scheme is case-insensitive (RFC 7235)
    if (value.size() <= scheme.size() || strncasecmp(value.c_str(), scheme.data(), scheme.size()) != 0)
        return {grpc::StatusCode::UNAUTHENTICATED,
                "missing bearer token (authorization metadata must be \"Bearer <token>\")"};

    std::string token = value.substr(scheme.size());
    auto session = m_sessions.find(token);
    if (!session)
        return {grpc::StatusCode::UNAUTHENTICATED, "unknown or expired token"};
    caller->token = std::move(token);
    caller->session = std::move(*session);
    return grpc::Status::OK;
}

} // namespace vigie::sim
