#include "LinkCalls.h"

#include <grpcpp/support/status.h>

namespace vigie::rpc {

LinkCalls::LinkCalls(QObject* owner, BackendClient* backend)
    : m_owner(owner),
      m_backend(backend),
      m_marshaller(GuiMarshaller::create(owner)),
      m_calls(std::make_shared<CallTracker>())
{
}

LinkCalls::~LinkCalls()
{
    m_marshaller->detach();
    m_calls->cancelAllAndWait(std::chrono::seconds(2));
}

bool LinkCalls::callable() const
{
    return m_backend->m_channel && !m_backend->m_token.isEmpty();
}

RpcError LinkCalls::notConnected(const QString& what) const
{
    RpcError error;
    error.code = grpc::StatusCode::UNAVAILABLE;
    error.text = QObject::tr("%1: not connected to the backend").arg(what);
    return error;
}

void LinkCalls::reportRefusedSession(const QString& token, const RpcError& error)
{
    // A refusal of a token the backend link has already dropped is no news to it: it is logging in
    // again (or has), and failing it now would throw that login away, or replace a fresh session.
    if (token == m_backend->m_token)
        m_backend->failed(error);
}

}  // namespace vigie::rpc
