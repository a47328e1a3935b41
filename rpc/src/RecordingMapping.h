#pragma once
// Conversion between the recording and bookmark messages (recordings.proto, bookmarks.proto) and the
// client's value types (RecordingTypes.h). Pure functions on values: safe on any thread.

#include <google/protobuf/timestamp.pb.h>

#include "vigie/rpc/RecordingTypes.h"
#include "vigie/v1/bookmarks.pb.h"
#include "vigie/v1/common.pb.h"
#include "vigie/v1/recordings.pb.h"

namespace vigie::rpc {

qint64 toMs(const google::protobuf::Timestamp& time);
std::int64_t toUs(const google::protobuf::Timestamp& time);
google::protobuf::Timestamp timestampFromMs(qint64 ms);
google::protobuf::Timestamp timestampFromUs(std::int64_t us);
vigie::v1::TimeRange toProtoRange(const TimeSpanMs& range);
TimeSpanMs toSpan(const vigie::v1::TimeRange& range);

TimelineSpan toTimelineSpan(const vigie::v1::TimelineSpan& span);
RecordedEvent toRecordedEvent(const vigie::v1::RecordedEvent& event);
vigie::v1::RecordedEventKind toProtoEventKind(RecordedEventKind kind);
CameraRetention toCameraRetention(const vigie::v1::CameraRetention& retention);
Bookmark toBookmark(const vigie::v1::Bookmark& bookmark);

}  // namespace vigie::rpc
