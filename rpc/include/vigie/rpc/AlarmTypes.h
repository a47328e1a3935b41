#pragma once
// Alarms as the rest of the client sees them (AlarmService, alarms.proto): plain Qt value types, no
// protobuf. Enum values follow the contract's order (priorities sort HIGH first).

#include <QDateTime>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <optional>

namespace vigie::rpc {

enum class AlarmType {
    Unknown,  // a value this client does not know: shown as a generic alarm
    Intrusion,
    LineCrossed,
    Loitering,
    ObjectLeft,
    ObjectRemoved,
    WrongWay,
    CrowdDensity,
    VideoLoss,
    Tampering,
};

enum class AlarmPriority { High = 1, Medium = 2, Low = 3 };  // unspecified reads as Low

enum class AlarmState { New = 1, InProgress = 2, OnHold = 3, Closed = 4 };

enum class AlarmVerdict { None, Confirmed, FalseAlarm, Test };

enum class ObjectClass { Unknown, Person, Vehicle, Item, Other };

// One object at one instant; the box is in normalised picture coordinates (0..1, y down).
struct DetectedObject {
    QString trackId;  // a tracker number for a few seconds on one camera; never an identity
    ObjectClass objectClass = ObjectClass::Unknown;
    QRectF box;
    float confidence = 0;
    friend bool operator==(const DetectedObject&, const DetectedObject&) = default;
};

struct AlarmHistoryEntry {
    enum class Kind { Unknown, Raised, Updated, Acknowledged, StateChanged, Commented, Assigned, Verdict };
    Kind kind = Kind::Unknown;
    QDateTime time;
    QString user;  // display name, or login name when it has none; empty for the backend itself
    QString workstation;
    qint64 version = 0;
    AlarmState fromState = AlarmState::New;
    AlarmState toState = AlarmState::New;
    QString comment;
    QString assignee;  // display name, or login name
    AlarmVerdict verdict = AlarmVerdict::None;
};

struct Alarm {
    QString id;
    qint64 sequence = 0;  // journal sequence of its last change
    qint64 version = 0;   // 1 when raised, +1 per change: the expected version of the next change
    QString cameraId;
    AlarmType type = AlarmType::Unknown;
    AlarmPriority priority = AlarmPriority::Low;
    AlarmState state = AlarmState::New;
    QDateTime eventTime;  // UTC
    QDateTime raisedAt;
    QDateTime updatedAt;
    QDateTime closedAt;
    QDateTime reviewFrom;  // stretch of recording worth reviewing
    QDateTime reviewTo;
    QString ruleId;
    QString ruleName;
    QString description;
    QList<QPointF> zone;  // normalised polygon; empty when the rule has none
    QList<DetectedObject> objects;
    bool needsHumanConfirmation = false;
    AlarmVerdict verdict = AlarmVerdict::None;
    bool acknowledged = false;
    QString acknowledgedBy;  // display name, or login name
    QDateTime acknowledgedAt;
    QString assignee;  // login name; empty = unassigned
    QString assigneeDisplayName;
    QList<AlarmHistoryEntry> history;  // oldest first

    bool isActive() const { return state != AlarmState::Closed; }
};

// An operator an alarm may be assigned to (ListAssignees).
struct AlarmAssignee {
    QString user;         // login name, what AlarmLink::assign takes
    QString displayName;  // login name when the backend gives none
    bool online = false;  // has a live session now
};

// Live analytics of one camera at one video frame (SubscribeMetadata).
struct MetadataFrame {
    QDateTime frameTime;  // UTC capture time of the frame the objects belong to
    QList<DetectedObject> objects;  // empty: nothing now, clear the overlay
};

}  // namespace vigie::rpc
