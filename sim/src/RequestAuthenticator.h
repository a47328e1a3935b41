#pragma once

#include "SessionStore.h"

#include <grpcpp/server_context.h>
#include <grpcpp/support/status.h>

#include <string>

namespace vigie::sim {

// Checks the `authorization: Bearer <token>` metadata of a call. Every handler but Login and
// GetServerInfo starts with it (a per-handler call rather than an interceptor: the two exceptions
// stay visible in the code, and the handler gets the caller's session for rights checks).
class RequestAuthenticator {
public:
    explicit RequestAuthenticator(SessionStore& sessions);

    struct Caller {
        std::string token;
        vigie::v1::Session session;
    };

    // OK with *caller filled, or UNAUTHENTICATED with a message a user can act on.
    grpc::Status authenticate(const grpc::ServerContext& context, Caller* caller) const;

private:
    SessionStore& m_sessions;
};

} // namespace vigie::sim
