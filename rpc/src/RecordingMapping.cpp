#include "RecordingMapping.h"

#include <google/protobuf/util/time_util.h>

#include "AlarmMapping.h"

namespace vigie::rpc {

using google::protobuf::util::TimeUtil;

qint64 toMs(const google::protobuf::Timestamp& time)
{
    return TimeUtil::TimestampToMilliseconds(time);
}

std::int64_t toUs(const google::protobuf::Timestamp& time)
{
    return TimeUtil::TimestampToMicroseconds(time);
}

google::protobuf::Timestamp timestampFromMs(qint64 ms)
{
    return TimeUtil::MillisecondsToTimestamp(ms);
}

google::protobuf::Timestamp timestampFromUs(std::int64_t us)
{
    return TimeUtil::MicrosecondsToTimestamp(us);
}

vigie::v1::TimeRange toProtoRange(const TimeSpanMs& range)
{
    vigie::v1::TimeRange proto;
    *proto.mutable_start() = timestampFromMs(range.start);
    *proto.mutable_end() = timestampFromMs(range.end);
    return proto;
}

TimeSpanMs toSpan(const vigie::v1::TimeRange& range)
{
    return TimeSpanMs{toMs(range.start()), toMs(range.end())};
}

TimelineSpan toTimelineSpan(const vigie::v1::TimelineSpan& span)
{
    TimelineSpan result;
    switch (span.kind()) {
    case vigie::v1::TIMELINE_SPAN_KIND_RECORDED: result.kind = TimelineSpanKind::Recorded; break;
    case vigie::v1::TIMELINE_SPAN_KIND_OUT_OF_RETENTION: result.kind = TimelineSpanKind::OutOfRetention; break;
    default: result.kind = TimelineSpanKind::Gap; break;  // nothing playable there, whatever a later contract says
    }
    result.range = toSpan(span.range());
    result.evidenceLocked = span.evidence_locked();
    return result;
}

namespace {

RecordedEventKind toEventKind(vigie::v1::RecordedEventKind kind)
{
    switch (kind) {
    case vigie::v1::RECORDED_EVENT_KIND_ALARM: return RecordedEventKind::Alarm;
    case vigie::v1::RECORDED_EVENT_KIND_DETECTION: return RecordedEventKind::Detection;
    case vigie::v1::RECORDED_EVENT_KIND_MOTION: return RecordedEventKind::Motion;
    case vigie::v1::RECORDED_EVENT_KIND_CAMERA_OFFLINE: return RecordedEventKind::CameraOffline;
    case vigie::v1::RECORDED_EVENT_KIND_CAMERA_ONLINE: return RecordedEventKind::CameraOnline;
    default: return RecordedEventKind::Unknown;
    }
}

}  // namespace

vigie::v1::RecordedEventKind toProtoEventKind(RecordedEventKind kind)
{
    switch (kind) {
    case RecordedEventKind::Alarm: return vigie::v1::RECORDED_EVENT_KIND_ALARM;
    case RecordedEventKind::Detection: return vigie::v1::RECORDED_EVENT_KIND_DETECTION;
    case RecordedEventKind::Motion: return vigie::v1::RECORDED_EVENT_KIND_MOTION;
    case RecordedEventKind::CameraOffline: return vigie::v1::RECORDED_EVENT_KIND_CAMERA_OFFLINE;
    case RecordedEventKind::CameraOnline: return vigie::v1::RECORDED_EVENT_KIND_CAMERA_ONLINE;
    case RecordedEventKind::Unknown: break;
    }
    return vigie::v1::RECORDED_EVENT_KIND_UNSPECIFIED;
}

RecordedEvent toRecordedEvent(const vigie::v1::RecordedEvent& event)
{
    RecordedEvent result;
    result.id = QString::fromStdString(event.id());
    result.cameraId = QString::fromStdString(event.camera_id());
    result.kind = toEventKind(event.kind());
    result.range = toSpan(event.range());
    if (!event.range().has_end() || result.range.end < result.range.start)
        result.range.end = result.range.start;  // an instant
    result.alarmType = toAlarmType(event.alarm_type());
    result.alarmPriority = toAlarmPriority(event.alarm_priority());
    result.alarmId = QString::fromStdString(event.alarm_id());
    result.title = QString::fromStdString(event.title());
    return result;
}

CameraRetention toCameraRetention(const vigie::v1::CameraRetention& retention)
{
    CameraRetention result;
    result.cameraId = QString::fromStdString(retention.camera_id());
    result.retentionMs = TimeUtil::DurationToMilliseconds(retention.retention());
    result.availableFromMs = toMs(retention.available_from());
    result.authorisation = QString::fromStdString(retention.authorisation());
    return result;
}

Bookmark toBookmark(const vigie::v1::Bookmark& bookmark)
{
    Bookmark result;
    result.id = QString::fromStdString(bookmark.id());
    result.version = bookmark.version();
    result.cameraId = QString::fromStdString(bookmark.camera_id());
    result.range = toSpan(bookmark.range());
    if (result.range.end < result.range.start)
        result.range.end = result.range.start;
    result.title = QString::fromStdString(bookmark.title());
    result.note = QString::fromStdString(bookmark.note());
    result.createdBy = QString::fromStdString(bookmark.created_by());
    result.createdByName = QString::fromStdString(bookmark.created_by_display_name());
    if (result.createdByName.isEmpty())
        result.createdByName = result.createdBy;
    result.createdAtMs = toMs(bookmark.created_at());
    result.updatedBy = QString::fromStdString(bookmark.updated_by());
    result.updatedAtMs = bookmark.has_updated_at() ? toMs(bookmark.updated_at()) : 0;
    return result;
}

}  // namespace vigie::rpc
