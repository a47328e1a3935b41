#pragma once

#include "PtzCamera.h"

#include <vigie/v1/ptz.grpc.pb.h>

#include <atomic>
#include <mutex>

namespace vigie::sim {

// One Control call after its `start` was accepted: drives the camera from the stream's velocities and
// reports the lease and the lock. The handler thread reads; a watchdog thread of the call writes what
// happens meanwhile (lease lapsed, lock taken over), since a sync Read() blocks until the client sends.
//
// Dead-man guarantees: the camera's own lease stops it when no velocity arrives in time (the client is
// alive but silent, or the connection is silently dead), and the end of the stream for any reason
// (half-close, cancellation, the client process gone: Read() returns false) stops it at once.
class PtzControlStream {
public:
    using Stream = grpc::ServerReaderWriter<vigie::v1::ControlResponse, vigie::v1::ControlRequest>;

    PtzControlStream(grpc::ServerContext& context, Stream& stream, PtzCamera& camera, PtzClaimant claimant,
                     std::chrono::milliseconds lease);

    // Sends `ready`, then runs until the stream ends; the call's final status.
    grpc::Status run(const vigie::v1::PtzLock& lock);

private:
    void watch();
    bool write(const vigie::v1::ControlResponse& response);
    void reportLease(vigie::v1::LeaseState state);

    grpc::ServerContext& m_context;
    Stream& m_stream;
    PtzCamera& m_camera;
    const PtzClaimant m_claimant;
    const std::uint64_t m_streamId;  // unique among the process's Control streams
    const std::chrono::milliseconds m_lease;
    std::mutex m_writeMutex;  // one writer at a time: the handler and the watchdog both write
    std::atomic<bool> m_done{false};
    std::atomic<bool> m_lockLost{false};
    std::atomic<bool> m_lapsed{false};
};

} // namespace vigie::sim
