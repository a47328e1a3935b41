#pragma once
// The unary calls of a link riding on a BackendClient: the session token attached, the outcome delivered
// on the GUI thread, a refusal of the current session reported to the backend link, and a refusal of a
// session the backend link has replaced since tried again with the new one (nothing was done under it).
// Optionally, calls that could not reach the backend are tried again too (only those that carry a
// request id, or read nothing but state: a move landing seconds late would surprise the operator).
//
// Thread affinity: GUI thread (the owner's). The owner keeps a LinkCalls as a member and destroys it
// first in its destructor (which detaches the marshaller and waits for gRPC), so that no outcome reaches
// a half-destroyed owner.

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>

#include "CallTracker.h"
#include "ChannelHolder.h"
#include "UnaryCall.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/rpc/GuiMarshaller.h"
#include "vigie/rpc/RpcError.h"

namespace vigie::rpc {

class LinkCalls {
public:
    static constexpr int kAttempts = 3;
    static constexpr int kRetryDelayMs = 400;

    LinkCalls(QObject* owner, BackendClient* backend);
    ~LinkCalls();  // cancels the calls in flight and waits for gRPC to let go of them
    LinkCalls(const LinkCalls&) = delete;
    LinkCalls& operator=(const LinkCalls&) = delete;

    // The backend link has a channel and a session.
    bool callable() const;
    RpcError notConnected(const QString& what) const;
    // A refusal (UNAUTHENTICATED) of `token`: said to the backend link only if it is still its session.
    void reportRefusedSession(const QString& token, const RpcError& error);
    ChannelHolder& channel() const { return *m_backend->m_channel; }
    std::shared_ptr<ChannelHolder> channelShared() const { return m_backend->m_channel; }
    QString token() const { return m_backend->m_token; }
    const std::shared_ptr<CallTracker>& tracker() const { return m_calls; }

    // `start(channelHolder, ctx, req, resp, cb)` starts the call, e.g.
    // `[](ChannelHolder& c, auto* ctx, auto* req, auto* resp, auto cb) { c.bookmarks().async()->GetBookmark(ctx, req, resp, cb); }`.
    template <class Request, class Response, class Start>
    void call(Start start, Request request, const QString& what, bool retryUnreachable,
              std::function<void(const Response&)> onOk, std::function<void(const RpcError&)> onError,
              int attempt = 0)
    {
        if (!callable()) {
            onError(notConnected(what));
            return;
        }
        const QString token = m_backend->m_token;
        startUnaryCall<Request, Response>(
            [this, start](auto* ctx, auto* req, auto* resp, auto cb) {
                start(*m_backend->m_channel, ctx, req, resp, std::move(cb));
            },
            request, token, m_backend->options().callDeadline, m_marshaller, m_calls,
            [this, start, request, what, retryUnreachable, onOk, onError, attempt, token](
                const grpc::Status& status, const Response& response) {
                if (status.ok()) {
                    onOk(response);
                    return;
                }
                const RpcError error = RpcError::fromStatus(status, what, m_backend->options().address);
                const bool staleToken = error.isUnauthenticated() && token != m_backend->m_token;
                if (error.isUnauthenticated())
                    reportRefusedSession(token, error);
                if ((staleToken || (retryUnreachable && error.isUnreachable())) && attempt + 1 < kAttempts) {
                    QTimer::singleShot(kRetryDelayMs, m_owner,
                                       [this, start, request, what, retryUnreachable, onOk, onError, attempt] {
                                           call<Request, Response>(start, request, what, retryUnreachable, onOk,
                                                                   onError, attempt + 1);
                                       });
                    return;
                }
                onError(error);
            });
    }

private:
    QObject* m_owner;
    BackendClient* m_backend;
    std::shared_ptr<GuiMarshaller> m_marshaller;
    std::shared_ptr<CallTracker> m_calls;
};

}  // namespace vigie::rpc
