#include "AlarmMapping.h"

#include <google/protobuf/util/time_util.h>

namespace vigie::rpc {

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QString nameOf(const std::string& displayName, const std::string& login)
{
    return qs(displayName.empty() ? login : displayName);
}

QDateTime toDateTime(const google::protobuf::Timestamp& time)
{
    return QDateTime::fromMSecsSinceEpoch(google::protobuf::util::TimeUtil::TimestampToMilliseconds(time), Qt::UTC);
}

// Unset timestamps stay null (closed_at of an active alarm, an open review range).
template <class Message>
QDateTime timeIf(bool has, const Message& time)
{
    return has ? toDateTime(time) : QDateTime();
}

AlarmType toType(vigie::v1::AlarmType type)
{
    switch (type) {
    case vigie::v1::ALARM_TYPE_INTRUSION: return AlarmType::Intrusion;
    case vigie::v1::ALARM_TYPE_LINE_CROSSED: return AlarmType::LineCrossed;
    case vigie::v1::ALARM_TYPE_LOITERING: return AlarmType::Loitering;
    case vigie::v1::ALARM_TYPE_OBJECT_LEFT: return AlarmType::ObjectLeft;
    case vigie::v1::ALARM_TYPE_OBJECT_REMOVED: return AlarmType::ObjectRemoved;
    case vigie::v1::ALARM_TYPE_WRONG_WAY: return AlarmType::WrongWay;
    case vigie::v1::ALARM_TYPE_CROWD_DENSITY: return AlarmType::CrowdDensity;
    case vigie::v1::ALARM_TYPE_VIDEO_LOSS: return AlarmType::VideoLoss;
    case vigie::v1::ALARM_TYPE_TAMPERING: return AlarmType::Tampering;
    default: return AlarmType::Unknown;  // a later contract's type: shown as a generic alarm
    }
}

AlarmPriority toPriority(vigie::v1::AlarmPriority priority)
{
    switch (priority) {
    case vigie::v1::ALARM_PRIORITY_HIGH: return AlarmPriority::High;
    case vigie::v1::ALARM_PRIORITY_MEDIUM: return AlarmPriority::Medium;
    default: return AlarmPriority::Low;
    }
}

AlarmState toState(vigie::v1::AlarmState state)
{
    switch (state) {
    case vigie::v1::ALARM_STATE_IN_PROGRESS: return AlarmState::InProgress;
    case vigie::v1::ALARM_STATE_ON_HOLD: return AlarmState::OnHold;
    case vigie::v1::ALARM_STATE_CLOSED: return AlarmState::Closed;
    default: return AlarmState::New;
    }
}

AlarmVerdict toVerdict(vigie::v1::AlarmVerdict verdict)
{
    switch (verdict) {
    case vigie::v1::ALARM_VERDICT_CONFIRMED: return AlarmVerdict::Confirmed;
    case vigie::v1::ALARM_VERDICT_FALSE_ALARM: return AlarmVerdict::FalseAlarm;
    case vigie::v1::ALARM_VERDICT_TEST: return AlarmVerdict::Test;
    default: return AlarmVerdict::None;
    }
}

ObjectClass toObjectClass(vigie::v1::ObjectClass objectClass)
{
    switch (objectClass) {
    case vigie::v1::OBJECT_CLASS_PERSON: return ObjectClass::Person;
    case vigie::v1::OBJECT_CLASS_VEHICLE: return ObjectClass::Vehicle;
    case vigie::v1::OBJECT_CLASS_ITEM: return ObjectClass::Item;
    case vigie::v1::OBJECT_CLASS_OTHER: return ObjectClass::Other;
    default: return ObjectClass::Unknown;
    }
}

AlarmHistoryEntry::Kind toHistoryKind(vigie::v1::AlarmHistoryKind kind)
{
    using Kind = AlarmHistoryEntry::Kind;
    switch (kind) {
    case vigie::v1::ALARM_HISTORY_KIND_RAISED: return Kind::Raised;
    case vigie::v1::ALARM_HISTORY_KIND_UPDATED: return Kind::Updated;
    case vigie::v1::ALARM_HISTORY_KIND_ACKNOWLEDGED: return Kind::Acknowledged;
    case vigie::v1::ALARM_HISTORY_KIND_STATE_CHANGED: return Kind::StateChanged;
    case vigie::v1::ALARM_HISTORY_KIND_COMMENTED: return Kind::Commented;
    case vigie::v1::ALARM_HISTORY_KIND_ASSIGNED: return Kind::Assigned;
    case vigie::v1::ALARM_HISTORY_KIND_VERDICT: return Kind::Verdict;
    default: return Kind::Unknown;
    }
}

DetectedObject toObject(const vigie::v1::DetectedObject& object)
{
    DetectedObject out;
    out.trackId = qs(object.track_id());
    out.objectClass = toObjectClass(object.object_class());
    out.box = QRectF(object.box().x(), object.box().y(), object.box().width(), object.box().height());
    out.confidence = object.confidence();
    return out;
}

AlarmHistoryEntry toHistoryEntry(const vigie::v1::AlarmHistoryEntry& entry)
{
    AlarmHistoryEntry out;
    out.kind = toHistoryKind(entry.kind());
    out.time = timeIf(entry.has_time(), entry.time());
    out.user = nameOf(entry.user_display_name(), entry.user());
    out.workstation = qs(entry.workstation());
    out.version = entry.version();
    out.fromState = toState(entry.from_state());
    out.toState = toState(entry.to_state());
    out.comment = qs(entry.comment());
    out.assignee = nameOf(entry.assignee_display_name(), entry.assignee());
    out.verdict = toVerdict(entry.verdict());
    return out;
}

}  // namespace

AlarmType toAlarmType(vigie::v1::AlarmType type)
{
    return toType(type);
}

AlarmPriority toAlarmPriority(vigie::v1::AlarmPriority priority)
{
    return toPriority(priority);
}

DetectedObject toDetectedObject(const vigie::v1::DetectedObject& object)
{
    return toObject(object);
}

Alarm toAlarm(const vigie::v1::Alarm& alarm)
{
    Alarm out;
    out.id = qs(alarm.id());
    out.sequence = alarm.sequence();
    out.version = alarm.version();
    out.cameraId = qs(alarm.camera_id());
    out.type = toType(alarm.type());
    out.priority = toPriority(alarm.priority());
    out.state = toState(alarm.state());
    out.eventTime = timeIf(alarm.has_event_time(), alarm.event_time());
    out.raisedAt = timeIf(alarm.has_raised_at(), alarm.raised_at());
    out.updatedAt = timeIf(alarm.has_updated_at(), alarm.updated_at());
    out.closedAt = timeIf(alarm.has_closed_at(), alarm.closed_at());
    if (alarm.has_review_range()) {
        out.reviewFrom = timeIf(alarm.review_range().has_start(), alarm.review_range().start());
        out.reviewTo = timeIf(alarm.review_range().has_end(), alarm.review_range().end());
    }
    out.ruleId = qs(alarm.rule_id());
    out.ruleName = qs(alarm.rule_name());
    out.description = qs(alarm.description());
    for (const auto& point : alarm.zone().points())
        out.zone << QPointF(point.x(), point.y());
    for (const auto& object : alarm.objects())
        out.objects << toObject(object);
    out.needsHumanConfirmation = alarm.needs_human_confirmation();
    out.verdict = toVerdict(alarm.verdict());
    out.acknowledged = alarm.acknowledged();
    out.acknowledgedBy = nameOf(alarm.acknowledged_by_display_name(), alarm.acknowledged_by());
    out.acknowledgedAt = timeIf(alarm.has_acknowledged_at(), alarm.acknowledged_at());
    out.assignee = qs(alarm.assignee());
    out.assigneeDisplayName = nameOf(alarm.assignee_display_name(), alarm.assignee());
    out.history.reserve(alarm.history_size());
    for (const auto& entry : alarm.history())
        out.history << toHistoryEntry(entry);
    return out;
}

AlarmAssignee toAlarmAssignee(const vigie::v1::Assignee& assignee)
{
    return AlarmAssignee{qs(assignee.user()), nameOf(assignee.display_name(), assignee.user()), assignee.online()};
}

vigie::v1::AlarmVerdict toProtoVerdict(AlarmVerdict verdict)
{
    switch (verdict) {
    case AlarmVerdict::Confirmed: return vigie::v1::ALARM_VERDICT_CONFIRMED;
    case AlarmVerdict::FalseAlarm: return vigie::v1::ALARM_VERDICT_FALSE_ALARM;
    case AlarmVerdict::Test: return vigie::v1::ALARM_VERDICT_TEST;
    case AlarmVerdict::None: break;
    }
    return vigie::v1::ALARM_VERDICT_UNSPECIFIED;
}

}  // namespace vigie::rpc
