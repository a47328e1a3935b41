#include "vigie/rpc/RecordingReader.h"

#include <grpcpp/client_context.h>

#include <QObject>

#include <algorithm>

#include "CallTracker.h"
#include "ChannelHolder.h"
#include "RecordingMapping.h"
#include "vigie/rpc/GuiMarshaller.h"

namespace vigie::rpc {

namespace {

// How often a waiting caller looks at its cancel flag: an atomic cannot wake a condition variable.
constexpr auto kCancelPoll = std::chrono::milliseconds(10);
constexpr int kMaxChunk = 1 << 20;
// recordings.proto: "Deadline 10 s per chunk" (a megabyte over a slow site link), whatever the link's
// deadline for small calls.
constexpr std::chrono::milliseconds kReadDeadline{10'000};

ReadStatus statusOf(const grpc::Status& status)
{
    switch (status.error_code()) {
    case grpc::StatusCode::OK: return ReadStatus::Ok;
    case grpc::StatusCode::CANCELLED: return ReadStatus::Cancelled;
    case grpc::StatusCode::OUT_OF_RANGE: return ReadStatus::OutOfRange;
    case grpc::StatusCode::FAILED_PRECONDITION: return ReadStatus::Gone;
    case grpc::StatusCode::NOT_FOUND: return ReadStatus::NotFound;
    default: return ReadStatus::Failed;
    }
}

SegmentInfo toSegmentInfo(const vigie::v1::Segment& segment)
{
    SegmentInfo info;
    info.id = QString::fromStdString(segment.id());
    info.cameraId = QString::fromStdString(segment.camera_id());
    info.startUs = toUs(segment.range().start());
    info.endUs = toUs(segment.range().end());
    info.sizeBytes = segment.size_bytes();
    info.complete = segment.complete();
    info.width = segment.width();
    info.height = segment.height();
    return info;
}

}  // namespace

RecordingReader::RecordingReader(const QString& address, std::chrono::milliseconds deadline)
    : m_address(address), m_deadline(deadline), m_calls(std::make_shared<CallTracker>())
{
}

RecordingReader::~RecordingReader()
{
    close();
}

void RecordingReader::setSession(std::shared_ptr<ChannelHolder> channel, const QString& token)
{
    std::lock_guard lock(m_mutex);
    m_session = Session{std::move(channel), token};
}

void RecordingReader::setRefusalHandler(QObject* context, std::function<void(const QString&, const RpcError&)> handler)
{
    std::lock_guard lock(m_mutex);
    m_marshaller = GuiMarshaller::create(context);
    m_onRefused = std::move(handler);
}

void RecordingReader::close()
{
    if (m_closed.exchange(true))
        return;
    {
        std::lock_guard lock(m_mutex);
        if (m_marshaller)
            m_marshaller->detach();
        m_session = {};
    }
    // Callers waiting on a read see their call end CANCELLED, at once.
    m_calls->cancelAllAndWait(std::chrono::seconds(2));
}

RecordingReader::Session RecordingReader::session() const
{
    std::lock_guard lock(m_mutex);
    return m_session;
}

template <class Request, class Response, class Start>
grpc::Status RecordingReader::callBlocking(Start start, const Request& request, Response* response,
                                           const QString& what, const std::atomic<bool>& cancel, RpcError* error,
                                           std::chrono::milliseconds deadline)
{
    struct Call {
        grpc::ClientContext context;
        Request request;
        Response response;
        std::mutex mutex;
        std::condition_variable finished;
        bool done = false;          // guarded by mutex
        grpc::Status status;        // guarded by mutex
    };
    grpc::Status status;
    QString usedToken;
    for (int attempt = 0; attempt < 2; ++attempt) {
        const Session current = session();
        if (m_closed.load() || !current.channel || current.token.isEmpty()) {
            status = grpc::Status(grpc::StatusCode::UNAVAILABLE, "not connected");
            *error = RpcError::fromStatus(status, what, m_address);
            error->text = QObject::tr("%1: not connected to the backend").arg(what);
            return status;
        }
        usedToken = current.token;
        // Shared with gRPC's callback: a caller that gives up (cancel) leaves it to the callback to free.
        auto call = std::make_shared<Call>();
        call->request = request;
        call->context.set_deadline(std::chrono::system_clock::now() + std::max(m_deadline, deadline));
        call->context.AddMetadata("authorization", "Bearer " + current.token.toStdString());
        if (!m_calls->begin(&call->context))
            return grpc::Status(grpc::StatusCode::CANCELLED, "closed");
        auto tracker = m_calls;
        start(*current.channel, &call->context, &call->request, &call->response, [call, tracker](grpc::Status s) {
            {
                std::lock_guard lock(call->mutex);
                call->status = std::move(s);
                call->done = true;
            }
            call->finished.notify_all();
            tracker->end(&call->context);
        });
        {
            std::unique_lock lock(call->mutex);
            while (!call->done) {
                if (cancel.load()) {
                    lock.unlock();
                    call->context.TryCancel();
                    return grpc::Status(grpc::StatusCode::CANCELLED, "cancelled by the player");
                }
                call->finished.wait_for(lock, kCancelPoll);
            }
            status = call->status;
            if (status.ok())
                *response = std::move(call->response);
        }
        if (status.error_code() != grpc::StatusCode::UNAUTHENTICATED)
            break;
        if (session().token == usedToken) {
            // Refused for the current session: the backend link must know (it logs in again).
            std::lock_guard lock(m_mutex);
            if (m_marshaller && m_onRefused) {
                const RpcError refusal = RpcError::fromStatus(status, what, m_address);
                m_marshaller->post([handler = m_onRefused, usedToken, refusal] { handler(usedToken, refusal); });
            }
            break;
        }
        // Refused for a session replaced since: nothing was done, try the new one.
    }
    if (!status.ok())
        *error = RpcError::fromStatus(status, what, m_address);
    return status;
}

SegmentList RecordingReader::segmentsAt(const QString& cameraId, std::int64_t utcUs, const std::atomic<bool>& cancel)
{
    vigie::v1::ListSegmentsRequest request;
    request.set_camera_id(cameraId.toStdString());
    *request.mutable_at() = timestampFromUs(utcUs);
    vigie::v1::ListSegmentsResponse response;
    SegmentList result;
    const grpc::Status status = callBlocking(
        [](ChannelHolder& channel, auto* ctx, auto* req, auto* resp, auto cb) {
            channel.recordings().async()->ListSegments(ctx, req, resp, cb);
        },
        request, &response, QObject::tr("Recordings of %1").arg(cameraId), cancel, &result.error);
    result.status = statusOf(status);
    if (status.ok()) {
        for (const auto& segment : response.segments())
            result.segments << toSegmentInfo(segment);
    }
    return result;
}

SegmentList RecordingReader::segmentsIn(const QString& cameraId, std::int64_t fromUs, std::int64_t toUs,
                                        const std::atomic<bool>& cancel, int limit)
{
    SegmentList result;
    std::string pageToken;
    do {
        vigie::v1::ListSegmentsRequest request;
        request.set_camera_id(cameraId.toStdString());
        *request.mutable_range()->mutable_start() = timestampFromUs(fromUs);
        *request.mutable_range()->mutable_end() = timestampFromUs(toUs);
        request.mutable_page()->set_page_size(1000);
        request.mutable_page()->set_page_token(pageToken);
        vigie::v1::ListSegmentsResponse response;
        const grpc::Status status = callBlocking(
            [](ChannelHolder& channel, auto* ctx, auto* req, auto* resp, auto cb) {
                channel.recordings().async()->ListSegments(ctx, req, resp, cb);
            },
            request, &response, QObject::tr("Recordings of %1").arg(cameraId), cancel, &result.error);
        result.status = statusOf(status);
        if (!status.ok())
            return result;
        for (const auto& segment : response.segments()) {
            if (result.segments.size() >= limit)
                break;
            result.segments << toSegmentInfo(segment);
        }
        pageToken = response.page().next_page_token();
    } while (!pageToken.empty() && result.segments.size() < limit);
    return result;
}

SegmentBytes RecordingReader::read(const QString& segmentId, std::int64_t offset, int length,
                                   const std::atomic<bool>& cancel)
{
    vigie::v1::ReadSegmentRequest request;
    request.set_segment_id(segmentId.toStdString());
    request.set_offset(offset);
    request.set_length(std::clamp(length, 1, kMaxChunk));
    vigie::v1::ReadSegmentResponse response;
    SegmentBytes result;
    const grpc::Status status = callBlocking(
        [](ChannelHolder& channel, auto* ctx, auto* req, auto* resp, auto cb) {
            channel.recordings().async()->ReadSegment(ctx, req, resp, cb);
        },
        request, &response, QObject::tr("Reading a recording"), cancel, &result.error, kReadDeadline);
    result.status = statusOf(status);
    // ReadSegment's OUT_OF_RANGE is an offset past the end, not retention (a destroyed segment is
    // FAILED_PRECONDITION): the reader's bug or a race, never "destroyed by law".
    if (result.status == ReadStatus::OutOfRange)
        result.status = ReadStatus::Failed;
    if (!status.ok())
        return result;
    result.data = QByteArray(response.data().data(), qsizetype(response.data().size()));
    result.sizeBytes = response.size_bytes();
    result.complete = response.complete();
    result.endOfSegment = response.end_of_segment();
    m_reads.fetch_add(1);
    m_bytes.fetch_add(std::uint64_t(result.data.size()));
    return result;
}

}  // namespace vigie::rpc
