#include "vigie/rpc/AlarmBook.h"

#include <QSet>

#include <algorithm>

namespace vigie::rpc {

int AlarmBook::index(AlarmPriority priority)
{
    switch (priority) {
    case AlarmPriority::High:
        return 0;
    case AlarmPriority::Medium:
        return 1;
    case AlarmPriority::Low:
        break;
    }
    return 2;
}

void AlarmBook::countIn(const Alarm& alarm, int sign)
{
    const int i = index(alarm.priority);
    m_byPriority[i] += sign;
    if (!alarm.acknowledged) {
        m_unacknowledged += sign;
        m_unacknowledgedByPriority[i] += sign;
    }
}

void AlarmBook::clear()
{
    m_alarms.clear();
    m_goneVersions.clear();
    m_lastSequence = 0;
    m_snapshotSequence = 0;
    m_unacknowledged = 0;
    m_byPriority = {};
    m_unacknowledgedByPriority = {};
}

void AlarmBook::reset(const QList<Alarm>& alarms, qint64 snapshotSequence)
{
    clear();
    // The snapshot's own sequence, even if lower than before: a backend whose journal restarted must be
    // followed from where it is, not from a point it never reached.
    m_lastSequence = snapshotSequence;
    m_snapshotSequence = snapshotSequence;
    m_alarms.reserve(alarms.size());
    for (const Alarm& alarm : alarms)
        apply(alarm);
}

AlarmBook::Outcome AlarmBook::apply(const Alarm& alarm)
{
    auto known = m_alarms.find(alarm.id);
    if (known != m_alarms.end()) {
        if (alarm.version <= known->version)
            return Outcome::Ignored;
        countIn(*known, -1);
        if (!alarm.isActive()) {
            m_alarms.erase(known);
            m_goneVersions.insert(alarm.id, alarm.version);
            return Outcome::Closed;
        }
        *known = alarm;
        countIn(alarm, +1);
        return Outcome::Updated;
    }
    auto gone = m_goneVersions.find(alarm.id);
    if (gone != m_goneVersions.end()) {
        if (alarm.version <= *gone)
            return Outcome::Ignored;  // an echo of what closed it, or older still
        if (!alarm.isActive()) {
            *gone = alarm.version;  // e.g. a comment on a closed alarm
            return Outcome::Ignored;
        }
        m_goneVersions.erase(gone);
    } else if (!alarm.isActive()) {
        // Raised and closed while we were not looking (a coalesced replay): remember it was closed at
        // this version so that an older event of it never brings it back.
        m_goneVersions.insert(alarm.id, alarm.version);
        return Outcome::Ignored;
    }
    m_alarms.insert(alarm.id, alarm);
    countIn(alarm, +1);
    return Outcome::Added;
}

AlarmBook::Outcome AlarmBook::applyAnswer(const Alarm& alarm)
{
    // An alarm the book does not know, in a state no newer than the snapshot: the snapshot was taken
    // after it and did not hold it, so it was closed (or left our view) since. A call's answer that
    // crossed a relist must not bring it back, where no later event would ever remove it.
    if (!m_alarms.contains(alarm.id) && !m_goneVersions.contains(alarm.id) && alarm.sequence <= m_snapshotSequence)
        return Outcome::Ignored;
    return apply(alarm);
}

QStringList AlarmBook::applyBatch(const QList<Alarm>& alarms)
{
    QStringList touched;
    QSet<QString> seen;
    for (const Alarm& alarm : alarms) {
        if (apply(alarm) == Outcome::Ignored)
            continue;
        if (!seen.contains(alarm.id)) {
            seen.insert(alarm.id);
            touched << alarm.id;
        }
    }
    return touched;
}

bool AlarmBook::remove(const QString& alarmId)
{
    auto known = m_alarms.find(alarmId);
    if (known == m_alarms.end())
        return false;
    // No tombstone: the alarm did not change, and should it come back into view (rights given back) it
    // may come with the very version it had.
    countIn(*known, -1);
    m_alarms.erase(known);
    return true;
}

void AlarmBook::noteSequence(qint64 sequence)
{
    m_lastSequence = std::max(m_lastSequence, sequence);
}

const Alarm* AlarmBook::alarm(const QString& alarmId) const
{
    auto it = m_alarms.constFind(alarmId);
    return it == m_alarms.constEnd() ? nullptr : &it.value();
}

qint64 AlarmBook::knownVersion(const QString& alarmId) const
{
    if (const Alarm* known = alarm(alarmId))
        return known->version;
    return m_goneVersions.value(alarmId, 0);
}

QList<Alarm> AlarmBook::active() const
{
    QList<Alarm> list = m_alarms.values();
    std::sort(list.begin(), list.end(), [](const Alarm& a, const Alarm& b) {
        if (a.priority != b.priority)
            return int(a.priority) < int(b.priority);
        if (a.raisedAt != b.raisedAt)
            return a.raisedAt > b.raisedAt;
        return a.id < b.id;  // a stable order for equal times
    });
    return list;
}

}  // namespace vigie::rpc
