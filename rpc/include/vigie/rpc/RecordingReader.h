#pragma once
// Blocking, cancellable reads of recorded segments (RecordingService.ListSegments / ReadSegment) for the
// playback engine's worker threads, which demux as they read and so need the bytes before they go on.
//
// Thread-safety: every public method may be called from any thread, several at once. A read blocks its
// caller (never the GUI thread: the engine's workers call it) until the answer, the call's deadline, or
// `cancel` becoming true; cancelling returns within ~10 ms (the call is then cancelled in gRPC and its
// answer dropped). Calls use gRPC's callback API underneath; a caller waits on a condition variable.
//
// Session: the RecordingLink that made the reader publishes the backend link's channel and token
// (setSession, GUI thread). A read refused for a token replaced since is tried once more with the new
// one; a refusal of the current token is handed to the refusal handler on its owner's thread.

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>

#include "vigie/rpc/RpcError.h"

namespace vigie::rpc {

class CallTracker;
class ChannelHolder;
class GuiMarshaller;

// A segment as listed, in microseconds (frame times need better than milliseconds at 1/8 speed).
struct SegmentInfo {
    QString id;
    QString cameraId;
    std::int64_t startUs = 0;
    std::int64_t endUs = 0;
    std::int64_t sizeBytes = 0;
    bool complete = true;
    int width = 0;
    int height = 0;
};

enum class ReadStatus {
    Ok,
    Cancelled,
    OutOfRange,   // before the retention window (or an offset past the end)
    Gone,         // destroyed by retention since it was listed
    NotFound,     // unknown camera or segment
    Failed,       // link down, refused, deadline: see `error`
};

struct SegmentList {
    ReadStatus status = ReadStatus::Ok;
    QList<SegmentInfo> segments;  // oldest first
    RpcError error;
};

struct SegmentBytes {
    ReadStatus status = ReadStatus::Ok;
    QByteArray data;
    std::int64_t sizeBytes = 0;
    bool complete = true;
    bool endOfSegment = false;
    RpcError error;
};

class RecordingReader {
public:
    RecordingReader(const QString& address, std::chrono::milliseconds deadline);
    ~RecordingReader();
    RecordingReader(const RecordingReader&) = delete;
    RecordingReader& operator=(const RecordingReader&) = delete;

    // The segment containing `utcUs`, or the first after it when it falls in a gap (none: nothing after).
    SegmentList segmentsAt(const QString& cameraId, std::int64_t utcUs, const std::atomic<bool>& cancel);
    // Every segment overlapping [fromUs, toUs), oldest first (all pages, at most `limit`).
    SegmentList segmentsIn(const QString& cameraId, std::int64_t fromUs, std::int64_t toUs,
                           const std::atomic<bool>& cancel, int limit = 2000);
    // At most `length` bytes (≤ 1 MiB) from `offset`.
    SegmentBytes read(const QString& segmentId, std::int64_t offset, int length, const std::atomic<bool>& cancel);

    // Reads done and bytes received so far (benchmarks, statistics).
    std::uint64_t readCount() const { return m_reads.load(); }
    std::uint64_t bytesRead() const { return m_bytes.load(); }

    // --- For the RecordingLink that owns the session (GUI thread) ---
    void setSession(std::shared_ptr<ChannelHolder> channel, const QString& token);
    // `handler` runs on `context`'s thread with the refused token; dropped once `context` is gone.
    void setRefusalHandler(QObject* context, std::function<void(const QString&, const RpcError&)> handler);
    // No new read starts; those in flight are cancelled.
    void close();

private:
    struct Session {
        std::shared_ptr<ChannelHolder> channel;
        QString token;
    };
    Session session() const;
    template <class Request, class Response, class Start>
    grpc::Status callBlocking(Start start, const Request& request, Response* response, const QString& what,
                              const std::atomic<bool>& cancel, RpcError* error,
                              std::chrono::milliseconds deadline = std::chrono::milliseconds(0));

    const QString m_address;
    const std::chrono::milliseconds m_deadline;
    mutable std::mutex m_mutex;
    Session m_session;                          // guarded by m_mutex
    std::shared_ptr<GuiMarshaller> m_marshaller;  // guarded by m_mutex; posts refusals to the handler's thread
    std::function<void(const QString&, const RpcError&)> m_onRefused;  // guarded by m_mutex; runs on the marshaller's thread
    const std::shared_ptr<CallTracker> m_calls;
    std::atomic<bool> m_closed{false};
    std::atomic<std::uint64_t> m_reads{0};
    std::atomic<std::uint64_t> m_bytes{0};
};

}  // namespace vigie::rpc
