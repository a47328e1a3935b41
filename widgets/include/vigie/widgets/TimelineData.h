#pragma once
// What the incident-review timeline draws, as plain values set by the caller (the widget never talks to
// a backend). Times are UTC milliseconds since the epoch; spans are half-open [start, end).

#include <QList>
#include <QString>
#include <QtGlobal>

namespace vigie::widgets {

struct TimeSpan {
    qint64 start = 0;
    qint64 end = 0;

    bool isEmpty() const { return end <= start; }
    bool contains(qint64 time) const { return time >= start && time < end; }
    friend bool operator==(const TimeSpan&, const TimeSpan&) = default;
};

// One camera's coverage row. The lists need not be sorted: the widget sorts and merges them when set.
struct TimelineRow {
    QString cameraId;
    QString label;
    QList<TimeSpan> recorded;
    QList<TimeSpan> gaps;            // known to hold nothing (camera offline, recording off)
    QList<TimeSpan> outOfRetention;  // destroyed by retention, or before the retention window
    QList<TimeSpan> loading;         // not fetched yet: unknown, drawn as such (not as a gap)
};

struct TimelineAlarm {
    QString id;
    qint64 time = 0;
    int priority = 3;  // 1 (highest) .. 4, as the alarm contract numbers them
    QString title;
};

struct TimelineBookmark {
    QString id;
    TimeSpan range;
    QString title;
};

enum class TimelineMarkerKind { Alarm, Bookmark };

}  // namespace vigie::widgets
