#pragma once
// Starts one unary call with gRPC's callback API and delivers its outcome on the GUI thread.
//
// The request, response and context live in one heap block shared with gRPC's callback, so they stay
// valid until the call completes even if the caller is gone by then. The outcome is posted through the
// GuiMarshaller; the CallTracker lets the owner cancel and wait for the call at teardown.

#include <grpcpp/client_context.h>
#include <grpcpp/support/status.h>

#include <QString>

#include <chrono>
#include <functional>
#include <memory>

#include "CallTracker.h"
#include "vigie/rpc/GuiMarshaller.h"

namespace vigie::rpc {

template <class Request, class Response>
struct UnaryCallState {
    grpc::ClientContext context;
    Request request;
    Response response;
};

// `start` is e.g. `[&stub](auto* ctx, auto* req, auto* resp, auto cb) { stub.async()->Login(ctx, req, resp, cb); }`.
// `done` runs on the marshaller's thread with the status and the response.
template <class Request, class Response, class Start>
void startUnaryCall(Start&& start, Request request, const QString& token, std::chrono::milliseconds deadline,
                    const std::shared_ptr<GuiMarshaller>& marshaller, const std::shared_ptr<CallTracker>& tracker,
                    std::function<void(const grpc::Status&, const Response&)> done)
{
    auto state = std::make_shared<UnaryCallState<Request, Response>>();
    state->request = std::move(request);
    state->context.set_deadline(std::chrono::system_clock::now() + deadline);
    if (!token.isEmpty())
        state->context.AddMetadata("authorization", "Bearer " + token.toStdString());
    if (!tracker->begin(&state->context))
        return;  // owner is shutting down
    start(&state->context, &state->request, &state->response,
          [state, marshaller, tracker, done = std::move(done)](grpc::Status status) {
              // gRPC thread: hand the outcome to the GUI thread, then release the call.
              marshaller->post([state, status = std::move(status), done] { done(status, state->response); });
              tracker->end(&state->context);
          });
}

}  // namespace vigie::rpc
