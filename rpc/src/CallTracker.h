#pragma once
// Keeps count of the gRPC calls in flight so that their owner can cancel them all and wait until gRPC
// has released them before the channel and the owner go away (a callback must never outlive its data).

#include <grpcpp/client_context.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <unordered_set>

namespace vigie::rpc {

class CallTracker {
public:
    // Any thread. Returns false when shutting down (the call must not be started).
    bool begin(grpc::ClientContext* context);
    // Any thread, when the call's callback has run (OnDone for streams).
    void end(grpc::ClientContext* context);
    // Owner's thread: cancels every call in flight and waits until all ended, at most `limit`.
    bool cancelAllAndWait(std::chrono::milliseconds limit);

private:
    std::mutex m_mutex;
    std::condition_variable m_idle;
    std::unordered_set<grpc::ClientContext*> m_inFlight;  // guarded by m_mutex
    bool m_shuttingDown = false;                          // guarded by m_mutex
};

}  // namespace vigie::rpc
