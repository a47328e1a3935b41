#pragma once
// The client's set of active alarms, kept from a snapshot (ListActiveAlarms) and the events after it
// (SubscribeAlarms), with the dedupe the contract asks for: per alarm id, the highest version seen
// wins and anything not newer is ignored (delivery is at-least-once, and a change's answer may reach
// the book before the stream echoes it).
//
// Pure bookkeeping: no gRPC, no timers, no signals. Not thread-safe: one thread (the GUI's) owns it.
//
// Sequences: lastSequence() is the point to resume the stream from. Only the stream moves it
// (noteSequence, for events and heartbeats alike); apply() never does, because an alarm that comes
// from a call's answer carries a sequence the stream may not have delivered everything up to.

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>

#include "vigie/rpc/AlarmTypes.h"

namespace vigie::rpc {

class AlarmBook {
public:
    enum class Outcome {
        Added,    // a new active alarm
        Updated,  // a newer version of a known active alarm
        Closed,   // a known alarm closed: it left the book
        Ignored,  // not newer than what the book knows, or closed before the book ever had it
    };

    // Replaces everything with a snapshot taken at `snapshotSequence` (closed alarms in it are skipped).
    void reset(const QList<Alarm>& alarms, qint64 snapshotSequence);
    // Forgets everything, sequence included (a new snapshot must follow).
    void clear();

    Outcome apply(const Alarm& alarm);
    // apply() for an alarm from a call's answer rather than the stream: an alarm unknown to the book
    // whose change is not newer than the book's snapshot is ignored (it was closed since, see the .cpp).
    Outcome applyAnswer(const Alarm& alarm);
    // Many events at once (a storm, a replay); returns the ids whose state changed, each once, in the
    // order they were first touched.
    QStringList applyBatch(const QList<Alarm>& alarms);
    // alarm_removed: the alarm left the caller's view without being closed. False if it was not there.
    bool remove(const QString& alarmId);

    // Highest journal sequence the stream delivered (events and heartbeats).
    void noteSequence(qint64 sequence);
    qint64 lastSequence() const { return m_lastSequence; }

    const Alarm* alarm(const QString& alarmId) const;
    bool contains(const QString& alarmId) const { return m_alarms.contains(alarmId); }
    // Highest version known for the id, active or gone (0: never seen since the last reset).
    qint64 knownVersion(const QString& alarmId) const;
    // Active alarms, high priority first, then the most recently raised first.
    QList<Alarm> active() const;
    QStringList ids() const { return m_alarms.keys(); }
    // Calls f(const Alarm&) for every alarm held, in no particular order, copying nothing.
    template <class F>
    void forEach(F&& f) const
    {
        for (const Alarm& alarm : m_alarms)
            f(alarm);
    }
    int size() const { return int(m_alarms.size()); }

    int unacknowledgedCount() const { return m_unacknowledged; }
    int count(AlarmPriority priority) const { return m_byPriority[index(priority)]; }
    int unacknowledgedCount(AlarmPriority priority) const { return m_unacknowledgedByPriority[index(priority)]; }

private:
    static int index(AlarmPriority priority);
    void countIn(const Alarm& alarm, int sign);

    QHash<QString, Alarm> m_alarms;  // active alarms by id
    // Version at which alarms left the book (closed or removed): a late, older event of one of them must
    // not bring it back. Forgotten at reset: a snapshot is newer than anything before it.
    QHash<QString, qint64> m_goneVersions;
    qint64 m_lastSequence = 0;
    qint64 m_snapshotSequence = 0;  // sequence of the last reset's snapshot
    int m_unacknowledged = 0;
    std::array<int, 3> m_byPriority{};
    std::array<int, 3> m_unacknowledgedByPriority{};
};

}  // namespace vigie::rpc
