#include "RecordingServiceImpl.h"

#include "CameraRightsPolicy.h"
#include "Log.h"
#include "TimelineBuilder.h"

#include <google/protobuf/util/time_util.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace vigie::sim {

namespace {

using google::protobuf::util::TimeUtil;

std::int64_t msOf(const google::protobuf::Timestamp& t) { return TimeUtil::TimestampToMilliseconds(t); }
google::protobuf::Timestamp timestamp(std::int64_t ms) { return TimeUtil::MillisecondsToTimestamp(ms); }

std::size_t pageSizeOf(const vigie::v1::PageRequest& page)
{
    const std::int32_t size = page.page_size() <= 0 ? RecordingServiceImpl::kDefaultPageSize : page.page_size();
    return static_cast<std::size_t>(std::min(size, RecordingServiceImpl::kMaxPageSize));
}

// Page tokens are decimal numbers (an offset, or a start time to resume from); false for anything else.
bool parseToken(const std::string& token, std::int64_t* value)
{
    *value = 0;
    if (token.empty())
        return true;
    const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), *value);
    return error == std::errc() && end == token.data() + token.size() && *value >= 0;
}

bool recordsStream(vigie::v1::StreamRole stream)
{
    return stream == vigie::v1::STREAM_ROLE_UNSPECIFIED || stream == vigie::v1::STREAM_ROLE_MAIN;
}

} // namespace

vigie::v1::Segment RecordingServiceImpl::toProto(const SegmentIndex::Segment& segment) const
{
    vigie::v1::Segment out;
    out.set_id(segment.id);
    out.set_camera_id(segment.cameraId);
    out.set_stream(vigie::v1::STREAM_ROLE_MAIN);
    *out.mutable_range()->mutable_start() = timestamp(segment.startMs);
    *out.mutable_range()->mutable_end() = timestamp(segment.endMs);
    out.set_container(vigie::v1::SEGMENT_CONTAINER_FRAGMENTED_MP4);
    out.set_size_bytes(segment.sizeBytes);
    out.set_codec(segment.codec);
    out.set_width(segment.width);
    out.set_height(segment.height);
    out.set_complete(segment.complete);
    out.set_sha256(segment.sha256);
    out.set_evidence_locked(m_locks.holds(segment.cameraId, segment.startMs, std::max(segment.endMs, segment.startMs + 1)));
    return out;
}

RecordingServiceImpl::RecordingServiceImpl(const SegmentIndex& index, RecordedEventLog& events,
                                           const ContinuousRecorder& recorder, EvidenceLockStore& locks,
                                           const CameraDirectory& directory, SessionStore& sessions,
                                           const AlarmJournal& alarms)
    : m_index(index),
      m_events(events),
      m_recorder(recorder),
      m_locks(locks),
      m_directory(directory),
      m_authenticator(sessions),
      m_alarms(alarms)
{
}

grpc::Status RecordingServiceImpl::checkCamera(const vigie::v1::Session& session, const std::string& cameraId,
                                               vigie::v1::Right right) const
{
    return CameraRightsPolicy::require(session, cameraId, m_directory.camera(cameraId).has_value(), right);
}

grpc::Status RecordingServiceImpl::camerasOf(const vigie::v1::Session& session,
                                             const google::protobuf::RepeatedPtrField<std::string>& ids,
                                             std::set<std::string>* cameras) const
{
    if (ids.empty()) {
        for (const auto& camera : m_directory.snapshot().cameras) {
            if (CameraRightsPolicy::has(session, camera.id(), vigie::v1::RIGHT_VIEW_RECORDINGS))
                cameras->insert(camera.id());
        }
        return grpc::Status::OK;
    }
    for (const auto& id : ids) {
        if (auto status = checkCamera(session, id); !status.ok())
            return status;
        cameras->insert(id);
    }
    return grpc::Status::OK;
}

grpc::Status RecordingServiceImpl::GetTimeline(grpc::ServerContext* context,
                                               const vigie::v1::GetTimelineRequest* request,
                                               vigie::v1::GetTimelineResponse* response)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;
    if (auto status = checkCamera(caller.session, request->camera_id()); !status.ok())
        return status;
    if (!request->range().has_start() || !request->range().has_end())
        return {grpc::StatusCode::INVALID_ARGUMENT, "range needs a start and an end"};
    const std::int64_t from = msOf(request->range().start());
    const std::int64_t to = msOf(request->range().end());
    if (from >= to)
        return {grpc::StatusCode::INVALID_ARGUMENT, "range start must be before its end"};
    if (request->resolution().seconds() < 0 || request->resolution().nanos() < 0)
        return {grpc::StatusCode::INVALID_ARGUMENT, "negative resolution"};

    const std::int64_t now = m_recorder.now();
    const std::int64_t availableFrom = m_recorder.retention().availableFromMs(now);
    *response->mutable_available_from() = timestamp(availableFrom);
    const std::int64_t end = std::min(to, now);
    std::vector<std::pair<std::int64_t, std::int64_t>> recorded;
    if (recordsStream(request->stream()))
        recorded = m_index.intervals(request->camera_id(), from, end);
    const auto timeline = TimelineBuilder::build(recorded, from, end, availableFrom,
                                                 TimeUtil::DurationToMilliseconds(request->resolution()),
                                                 TimelineBuilder::kMaxSpans, m_locks.heldRanges(request->camera_id()));
    for (const auto& span : timeline.spans) {
        auto* out = response->add_spans();
        out->set_kind(span.kind == TimelineBuilder::Kind::Recorded ? vigie::v1::TIMELINE_SPAN_KIND_RECORDED
                      : span.kind == TimelineBuilder::Kind::Gap    ? vigie::v1::TIMELINE_SPAN_KIND_GAP
                                                                   : vigie::v1::TIMELINE_SPAN_KIND_OUT_OF_RETENTION);
        *out->mutable_range()->mutable_start() = timestamp(span.startMs);
        *out->mutable_range()->mutable_end() = timestamp(span.endMs);
        out->set_evidence_locked(span.locked);
    }
    *response->mutable_effective_resolution() = TimeUtil::MillisecondsToDuration(timeline.effectiveResolutionMs);
    return grpc::Status::OK;
}

grpc::Status RecordingServiceImpl::ListSegments(grpc::ServerContext* context,
                                                const vigie::v1::ListSegmentsRequest* request,
                                                vigie::v1::ListSegmentsResponse* response)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;
    if (auto status = checkCamera(caller.session, request->camera_id()); !status.ok())
        return status;
    const std::int64_t now = m_recorder.now();
    const std::int64_t availableFrom = m_recorder.retention().availableFromMs(now);
    *response->mutable_available_from() = timestamp(availableFrom);
    const bool recorded = recordsStream(request->stream());

    const std::string& camera = request->camera_id();
    // Before the window, only what an evidence lock holds is still there. A segment already past the
    // window but not yet purged (within a second) is gone for clients too.
    auto available = [&](const SegmentIndex::Segment& segment) {
        return !segment.complete || segment.endMs > availableFrom ||
               m_locks.holds(camera, segment.startMs, segment.endMs);
    };
    if (request->has_at()) {
        const std::int64_t at = msOf(request->at());
        const bool held = m_locks.holds(camera, at, at + 1);
        if (const std::string refusal = m_recorder.retention().refusal(at, at, now); !refusal.empty() && !held)
            return {grpc::StatusCode::OUT_OF_RANGE, refusal};
        if (!recorded)
            return grpc::Status::OK;
        auto segment = m_index.at(camera, held ? at : std::max(at, availableFrom));
        if (segment && !available(*segment))
            segment = m_index.at(camera, availableFrom);
        if (segment)
            *response->add_segments() = toProto(*segment);
        return grpc::Status::OK;
    }
    if (!request->has_range() || !request->range().has_start())
        return {grpc::StatusCode::INVALID_ARGUMENT, "set `at` or a range with a start"};
    const std::int64_t from = msOf(request->range().start());
    const std::int64_t to = request->range().has_end() ? msOf(request->range().end()) : now + 1;
    if (request->range().has_end() && from >= to)
        return {grpc::StatusCode::INVALID_ARGUMENT, "range start must be before its end"};
    const bool heldBefore = from < availableFrom && m_locks.holds(camera, from, std::min(to, availableFrom));
    if (const std::string refusal = m_recorder.retention().refusal(from, to, now); !refusal.empty() && !heldBefore)
        return {grpc::StatusCode::OUT_OF_RANGE, refusal};
    std::int64_t resume = 0;
    if (!parseToken(request->page().page_token(), &resume))
        return {grpc::StatusCode::INVALID_ARGUMENT, "invalid page_token"};
    if (!recorded)
        return grpc::Status::OK;
    const std::size_t pageSize = pageSizeOf(request->page());
    const std::int64_t listFrom = heldBefore ? from : std::max(from, availableFrom);
    std::int64_t lastStart = -1;
    bool more = false;
    while (response->segments_size() < static_cast<int>(pageSize)) {
        const auto segments = m_index.overlapping(camera, listFrom, to, resume, pageSize, &more);
        for (const auto& segment : segments) {
            if (response->segments_size() == static_cast<int>(pageSize)) {
                more = true;
                break;
            }
            lastStart = segment.startMs;
            if (available(segment))
                *response->add_segments() = toProto(segment);
        }
        if (!more || segments.empty())
            break;
        resume = segments.back().startMs + 1;
    }
    if (more && lastStart >= 0)
        response->mutable_page()->set_next_page_token(std::to_string(lastStart + 1));
    return grpc::Status::OK;
}

grpc::Status RecordingServiceImpl::ReadSegment(grpc::ServerContext* context,
                                               const vigie::v1::ReadSegmentRequest* request,
                                               vigie::v1::ReadSegmentResponse* response)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;
    std::string cameraId;
    std::int64_t startMs = 0;
    if (!SegmentIndex::parseId(request->segment_id(), &cameraId, &startMs))
        return {grpc::StatusCode::NOT_FOUND, "no segment '" + request->segment_id() + "'"};
    if (auto status = checkCamera(caller.session, cameraId); !status.ok())
        return status;
    const std::int64_t now = m_recorder.now();
    const std::int64_t availableFrom = m_recorder.retention().availableFromMs(now);
    const std::string destroyed = "segment '" + request->segment_id() +
                                  "' was destroyed by retention (recordings are kept " +
                                  m_recorder.retention().describe() + "): list the segments again";
    const auto segment = m_index.find(request->segment_id());
    if (!segment) {
        // Ids carry their start: one from before the window is a segment retention has destroyed.
        if (startMs < availableFrom)
            return {grpc::StatusCode::FAILED_PRECONDITION, destroyed};
        return {grpc::StatusCode::NOT_FOUND, "no segment '" + request->segment_id() + "'"};
    }
    if (segment->complete && segment->endMs <= availableFrom &&
        !m_locks.holds(cameraId, segment->startMs, segment->endMs))
        return {grpc::StatusCode::FAILED_PRECONDITION, destroyed};
    if (request->offset() < 0 || request->offset() > segment->sizeBytes)
        return {grpc::StatusCode::OUT_OF_RANGE, "offset " + std::to_string(request->offset()) +
                                                    " is past the segment's size " +
                                                    std::to_string(segment->sizeBytes)};
    const std::int64_t wanted = request->length() <= 0 ? kMaxChunk : std::min(request->length(), kMaxChunk);
    const std::int64_t length = std::min(wanted, segment->sizeBytes - request->offset());

    std::string data(static_cast<std::size_t>(length), '\0');
    if (length > 0) {
        const int fd = ::open(segment->path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            if (errno == ENOENT)
                return {grpc::StatusCode::FAILED_PRECONDITION, destroyed};
            return {grpc::StatusCode::INTERNAL, "cannot open the segment: " + std::string(std::strerror(errno))};
        }
        std::size_t done = 0;
        while (done < data.size()) {
            const ssize_t got = ::pread(fd, data.data() + done, data.size() - done,
                                        static_cast<off_t>(request->offset() + static_cast<std::int64_t>(done)));
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0)
                break;
            done += static_cast<std::size_t>(got);
        }
        ::close(fd);
        if (done != data.size())
            return {grpc::StatusCode::INTERNAL, "short read of the segment"};
    }
    response->set_data(std::move(data));
    response->set_offset(request->offset());
    response->set_size_bytes(segment->sizeBytes);
    response->set_complete(segment->complete);
    response->set_end_of_segment(segment->complete && request->offset() + length == segment->sizeBytes);
    return grpc::Status::OK;
}

void RecordingServiceImpl::syncAlarms()
{
    std::lock_guard lock(m_alarmMutex);
    // Bounded: a storm may keep adding alarms while this reads; the rest comes with the next search.
    for (int round = 0; round < 100; ++round) {
        const auto update = m_alarms.waitForChanges(m_alarmCursor, std::chrono::steady_clock::now(), 5000);
        if (update.closed)
            return;
        if (update.resync) {
            if (m_alarmCursor >= update.oldestResumePoint)
                return;
            m_alarmCursor = update.oldestResumePoint;
            continue;
        }
        for (const auto& alarm : update.alarms) {
            vigie::v1::RecordedEvent event;
            event.set_camera_id(alarm.camera_id());
            event.set_kind(vigie::v1::RECORDED_EVENT_KIND_ALARM);
            *event.mutable_range()->mutable_start() = alarm.event_time();
            *event.mutable_range()->mutable_end() = alarm.event_time();
            event.set_alarm_type(alarm.type());
            event.set_alarm_priority(alarm.priority());
            event.set_alarm_id(alarm.id());
            event.set_title(alarm.rule_name().empty() ? alarm.description() : alarm.rule_name());
            m_events.add(std::move(event));  // an alarm already known (a later change of it) is ignored
        }
        m_alarmCursor = std::max(m_alarmCursor, update.through);
        if (!update.more)
            return;
    }
}

grpc::Status RecordingServiceImpl::SearchEvents(grpc::ServerContext* context,
                                                const vigie::v1::SearchEventsRequest* request,
                                                vigie::v1::SearchEventsResponse* response)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;
    RecordedEventLog::Query query;
    if (auto status = camerasOf(caller.session, request->camera_ids(), &query.cameraIds); !status.ok())
        return status;
    if (!request->range().has_start())
        return {grpc::StatusCode::INVALID_ARGUMENT, "range needs a start"};
    const std::int64_t now = m_recorder.now();
    const std::int64_t from = msOf(request->range().start());
    const std::int64_t to = request->range().has_end() ? msOf(request->range().end()) : now + 1;
    if (request->range().has_end() && from >= to)
        return {grpc::StatusCode::INVALID_ARGUMENT, "range start must be before its end"};
    if (const std::string refusal = m_recorder.retention().refusal(from, to, now); !refusal.empty())
        return {grpc::StatusCode::OUT_OF_RANGE, refusal};
    std::int64_t offset = 0;
    if (!parseToken(request->page().page_token(), &offset))
        return {grpc::StatusCode::INVALID_ARGUMENT, "invalid page_token"};
    syncAlarms();
    query.fromMs = std::max(from, m_recorder.retention().availableFromMs(now));
    query.toMs = to;
    for (const int kind : request->kinds())
        query.kinds.insert(kind);
    for (const int type : request->alarm_types())
        query.alarmTypes.insert(type);
    query.offset = static_cast<std::size_t>(offset);
    query.limit = pageSizeOf(request->page());
    auto page = m_events.search(query);
    for (auto& event : page.events)
        *response->add_events() = std::move(event);
    response->mutable_page()->set_total_size(static_cast<std::int32_t>(page.total));
    if (page.more)
        response->mutable_page()->set_next_page_token(std::to_string(offset + response->events_size()));
    return grpc::Status::OK;
}

grpc::Status RecordingServiceImpl::GetRetention(grpc::ServerContext* context,
                                                const vigie::v1::GetRetentionRequest* request,
                                                vigie::v1::GetRetentionResponse* response)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;
    std::set<std::string> cameras;
    if (auto status = camerasOf(caller.session, request->camera_ids(), &cameras); !status.ok())
        return status;
    const std::int64_t now = m_recorder.now();
    const auto& retention = m_recorder.retention();
    for (const auto& id : cameras) {
        auto* camera = response->add_cameras();
        camera->set_camera_id(id);
        *camera->mutable_retention() = TimeUtil::MillisecondsToDuration(retention.retentionMs());
        *camera->mutable_available_from() = timestamp(retention.availableFromMs(now));
        // The simulator's cameras share one synthetic prefectoral authorisation.
        camera->set_authorisation("Arrêté préfectoral n° VIGIE-SIM-2026-001 (simulation)");
    }
    *response->mutable_legal_maximum() =
        TimeUtil::SecondsToDuration(RetentionWindow::kLegalMaximumSeconds);
    return grpc::Status::OK;
}

grpc::Status RecordingServiceImpl::CreateEvidenceLock(grpc::ServerContext* context,
                                                      const vigie::v1::CreateEvidenceLockRequest* request,
                                                      vigie::v1::CreateEvidenceLockResponse* response)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;
    for (const auto& camera : request->camera_ids()) {
        if (auto status = checkCamera(caller.session, camera, vigie::v1::RIGHT_EXPORT); !status.ok())
            return status;
    }
    const std::int64_t availableFrom = m_recorder.retention().availableFromMs(m_recorder.now());
    auto outcome = m_locks.create(*request, {caller.session.user().name(), caller.session.user().display_name()},
                                  availableFrom);
    if (!outcome.status.ok())
        return outcome.status;
    // The backend keeps the register of evidence locks itself (recordings.proto): here, its log.
    Log::info("evidence lock " + outcome.lock.id() + " by " + outcome.lock.created_by() + " for procedure " +
              outcome.lock.procedure_number() + " (" + std::to_string(outcome.lock.camera_ids_size()) + " cameras)");
    *response->mutable_lock() = std::move(outcome.lock);
    return grpc::Status::OK;
}

grpc::Status RecordingServiceImpl::ListEvidenceLocks(grpc::ServerContext* context,
                                                     const vigie::v1::ListEvidenceLocksRequest* request,
                                                     vigie::v1::ListEvidenceLocksResponse* response)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;
    EvidenceLockStore::Query query;
    if (request->camera_ids().empty()) {
        for (const auto& camera : m_directory.snapshot().cameras) {
            if (CameraRightsPolicy::canSee(caller.session, camera.id()))
                query.cameraIds.insert(camera.id());
        }
    } else {
        for (const auto& camera : request->camera_ids()) {
            if (!m_directory.camera(camera) || !CameraRightsPolicy::canSee(caller.session, camera))
                return {grpc::StatusCode::NOT_FOUND, "no camera '" + camera + "'"};
            query.cameraIds.insert(camera);
        }
    }
    if (request->has_range() && request->range().has_start() && request->range().has_end())
        query.range = std::make_pair(msOf(request->range().start()), msOf(request->range().end()));
    query.procedureNumber = request->procedure_number();
    query.includeInactive = request->include_inactive();
    std::int64_t offset = 0;
    if (!parseToken(request->page().page_token(), &offset))
        return {grpc::StatusCode::INVALID_ARGUMENT, "invalid page_token"};
    query.offset = static_cast<std::size_t>(offset);
    query.limit = pageSizeOf(request->page());
    auto page = m_locks.list(query);
    for (auto& lock : page.locks)
        *response->add_locks() = std::move(lock);
    response->mutable_page()->set_total_size(static_cast<std::int32_t>(page.total));
    if (page.more)
        response->mutable_page()->set_next_page_token(std::to_string(offset + response->locks_size()));
    return grpc::Status::OK;
}

grpc::Status RecordingServiceImpl::ReleaseEvidenceLock(grpc::ServerContext* context,
                                                       const vigie::v1::ReleaseEvidenceLockRequest* request,
                                                       vigie::v1::ReleaseEvidenceLockResponse* response)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;
    const auto lock = m_locks.get(request->lock_id());
    if (!lock)
        return {grpc::StatusCode::NOT_FOUND, "no evidence lock '" + request->lock_id() + "'"};
    for (const auto& camera : lock->camera_ids()) {
        if (auto status = checkCamera(caller.session, camera, vigie::v1::RIGHT_EXPORT); !status.ok())
            return status.error_code() == grpc::StatusCode::NOT_FOUND
                       ? grpc::Status(grpc::StatusCode::NOT_FOUND, "no evidence lock '" + request->lock_id() + "'")
                       : status;
    }
    auto outcome = m_locks.release(*request, {caller.session.user().name(), caller.session.user().display_name()});
    if (!outcome.status.ok())
        return outcome.status;
    Log::info("evidence lock " + outcome.lock.id() + " released by " + outcome.lock.released_by());
    *response->mutable_lock() = std::move(outcome.lock);
    return grpc::Status::OK;
}

} // namespace vigie::sim
