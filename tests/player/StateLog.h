#pragma once
// Test helper shared by the player suites: the states a StreamSession reports, in order, with when they came.

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>

#include "vigie/player/StreamSession.h"

namespace vigie::test {

using vigie::player::StreamSession;
using vigie::player::StreamState;
using vigie::player::stateName;

// Records the states a session reports, delivered queued into the test thread like a GUI would get them.
class StateLog : public QObject {
public:
    explicit StateLog(StreamSession& session)
    {
        m_clock.start();
        connect(&session, &StreamSession::stateChanged, this, [this](StreamState state, const QString& detail) {
            entries.append({state, detail});
            m_times.append(m_clock.elapsed());
        });
    }
    bool has(StreamState state) const { return indexOf(state) >= 0; }
    int indexOf(StreamState state, int from = 0) const
    {
        for (int i = from; i < entries.size(); ++i) {
            if (entries[i].first == state)
                return i;
        }
        return -1;
    }
    QString detail(StreamState state) const
    {
        const int i = indexOf(state);
        return i < 0 ? QString() : entries[i].second;
    }
    StreamState last() const { return entries.isEmpty() ? StreamState::Idle : entries.last().first; }
    // True when some entry at or after `from` has this state and a detail containing `text`.
    bool hasDetail(StreamState state, const QString& text, int from = 0) const
    {
        for (int i = from; i < entries.size(); ++i) {
            if (entries[i].first == state && entries[i].second.contains(text, Qt::CaseInsensitive))
                return true;
        }
        return false;
    }
    QString dump() const
    {
        QStringList parts;
        for (int i = 0; i < entries.size(); ++i) {
            parts << QStringLiteral("%1 ms %2(%3)").arg(i < m_times.size() ? m_times[i] : -1)
                         .arg(stateName(entries[i].first), entries[i].second);
        }
        return parts.join(QLatin1String(" -> "));
    }

    QList<QPair<StreamState, QString>> entries;

private:
    QElapsedTimer m_clock;
    QList<qint64> m_times;  // when each entry arrived, for failure messages
};

}  // namespace vigie::test
