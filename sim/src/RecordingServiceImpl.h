#pragma once

#include "AlarmJournal.h"
#include "CameraDirectory.h"
#include "ContinuousRecorder.h"
#include "EvidenceLockStore.h"
#include "RecordedEventLog.h"
#include "RequestAuthenticator.h"
#include "SegmentIndex.h"

#include <vigie/v1/recordings.grpc.pb.h>

#include <mutex>
#include <set>

namespace vigie::sim {

// vigie.v1.RecordingService over the recorder's SegmentIndex and the RecordedEventLog. Sync API like the
// other services. Reading needs RIGHT_VIEW_RECORDINGS on the camera; a camera the caller may not see is
// NOT_FOUND. Only the main stream is recorded: SUB requests see no recording (gaps, no segments).
// Evidence locks (EvidenceLockStore, in memory) need RIGHT_EXPORT on every camera of the lock; what they
// hold stays listed, readable and RECORDED in the timeline beyond retention.
class RecordingServiceImpl final : public vigie::v1::RecordingService::Service {
public:
    RecordingServiceImpl(const SegmentIndex& index, RecordedEventLog& events, const ContinuousRecorder& recorder,
                         EvidenceLockStore& locks, const CameraDirectory& directory, SessionStore& sessions,
                         const AlarmJournal& alarms);

    grpc::Status GetTimeline(grpc::ServerContext* context, const vigie::v1::GetTimelineRequest* request,
                             vigie::v1::GetTimelineResponse* response) override;
    grpc::Status ListSegments(grpc::ServerContext* context, const vigie::v1::ListSegmentsRequest* request,
                              vigie::v1::ListSegmentsResponse* response) override;
    grpc::Status ReadSegment(grpc::ServerContext* context, const vigie::v1::ReadSegmentRequest* request,
                             vigie::v1::ReadSegmentResponse* response) override;
    grpc::Status SearchEvents(grpc::ServerContext* context, const vigie::v1::SearchEventsRequest* request,
                              vigie::v1::SearchEventsResponse* response) override;
    grpc::Status GetRetention(grpc::ServerContext* context, const vigie::v1::GetRetentionRequest* request,
                              vigie::v1::GetRetentionResponse* response) override;
    grpc::Status CreateEvidenceLock(grpc::ServerContext* context, const vigie::v1::CreateEvidenceLockRequest* request,
                                    vigie::v1::CreateEvidenceLockResponse* response) override;
    grpc::Status ListEvidenceLocks(grpc::ServerContext* context, const vigie::v1::ListEvidenceLocksRequest* request,
                                   vigie::v1::ListEvidenceLocksResponse* response) override;
    grpc::Status ReleaseEvidenceLock(grpc::ServerContext* context,
                                     const vigie::v1::ReleaseEvidenceLockRequest* request,
                                     vigie::v1::ReleaseEvidenceLockResponse* response) override;

    static constexpr std::int32_t kMaxChunk = 1 << 20;  // 1 MiB, recordings.proto
    static constexpr std::int32_t kDefaultPageSize = 100;
    static constexpr std::int32_t kMaxPageSize = 1000;

private:
    // NOT_FOUND (unknown or invisible camera), PERMISSION_DENIED (no RIGHT_VIEW_RECORDINGS).
    grpc::Status checkCamera(const vigie::v1::Session& session, const std::string& cameraId,
                             vigie::v1::Right right = vigie::v1::RIGHT_VIEW_RECORDINGS) const;
    vigie::v1::Segment toProto(const SegmentIndex::Segment& segment) const;
    // The cameras asked for (each checked), or every camera the caller may view recordings of.
    grpc::Status camerasOf(const vigie::v1::Session& session, const google::protobuf::RepeatedPtrField<std::string>& ids,
                           std::set<std::string>* cameras) const;
    // Copies the alarms raised since the last call from the alarm journal into the event log.
    void syncAlarms();

    const SegmentIndex& m_index;
    RecordedEventLog& m_events;
    const ContinuousRecorder& m_recorder;
    EvidenceLockStore& m_locks;
    const CameraDirectory& m_directory;
    RequestAuthenticator m_authenticator;
    const AlarmJournal& m_alarms;
    std::mutex m_alarmMutex;
    std::int64_t m_alarmCursor = 0;  // guarded by m_alarmMutex: journal sequence read up to
};

} // namespace vigie::sim
