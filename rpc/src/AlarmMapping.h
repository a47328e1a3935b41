#pragma once
// Conversion between alarm messages (alarms.proto) and the client's value types (AlarmTypes.h).
// Pure functions on values: safe on any thread (the alarm stream converts on gRPC's threads).

#include "vigie/rpc/AlarmTypes.h"
#include "vigie/v1/alarms.pb.h"

namespace vigie::rpc {

Alarm toAlarm(const vigie::v1::Alarm& alarm);
DetectedObject toDetectedObject(const vigie::v1::DetectedObject& object);
AlarmAssignee toAlarmAssignee(const vigie::v1::Assignee& assignee);
vigie::v1::AlarmVerdict toProtoVerdict(AlarmVerdict verdict);
// Also used by the other mappings that carry alarm types and priorities (recorded events).
AlarmType toAlarmType(vigie::v1::AlarmType type);
AlarmPriority toAlarmPriority(vigie::v1::AlarmPriority priority);

}  // namespace vigie::rpc
