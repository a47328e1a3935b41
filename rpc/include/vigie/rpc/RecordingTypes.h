#pragma once
// Recorded video as the client sees it (recordings.proto, bookmarks.proto): timeline spans, event markers,
// retention and bookmarks. Times are UTC milliseconds since the epoch: a timeline draws and compares them
// by the thousand, and the recorder's resolution is far coarser than a millisecond.

#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>

#include "vigie/rpc/AlarmTypes.h"

namespace vigie::rpc {

struct TimeSpanMs {
    qint64 start = 0;
    qint64 end = 0;  // exclusive
    friend bool operator==(const TimeSpanMs&, const TimeSpanMs&) = default;
};

enum class TimelineSpanKind { Recorded, Gap, OutOfRetention };

struct TimelineSpan {
    TimelineSpanKind kind = TimelineSpanKind::Gap;
    TimeSpanMs range;
    bool evidenceLocked = false;
};

struct Timeline {
    QString cameraId;
    TimeSpanMs requested;          // what was asked (its end clipped to now by the backend)
    QList<TimelineSpan> spans;     // in order, covering the request
    qint64 effectiveResolutionMs = 0;
    qint64 availableFromMs = 0;    // start of the retention window when answered
};

enum class RecordedEventKind { Unknown, Alarm, Detection, Motion, CameraOffline, CameraOnline };

struct RecordedEvent {
    QString id;
    QString cameraId;
    RecordedEventKind kind = RecordedEventKind::Unknown;
    TimeSpanMs range;  // start = when it happened; end == start for instants
    AlarmType alarmType = AlarmType::Unknown;
    AlarmPriority alarmPriority = AlarmPriority::Low;
    QString alarmId;
    QString title;
};

struct CameraRetention {
    QString cameraId;
    qint64 retentionMs = 0;
    qint64 availableFromMs = 0;
    QString authorisation;
};

struct Bookmark {
    QString id;
    qint64 version = 0;
    QString cameraId;
    TimeSpanMs range;
    QString title;
    QString note;
    QString createdBy;
    QString createdByName;
    qint64 createdAtMs = 0;
    QString updatedBy;
    qint64 updatedAtMs = 0;
};

}  // namespace vigie::rpc
