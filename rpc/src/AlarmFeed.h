#pragma once
// What the alarm link shares with its running SubscribeAlarms stream: the events received and not yet
// handled, and the means to cancel the stream.
//
// Why not one queued invocation per event: during a storm (a thousand alarms a second) that would be a
// thousand GUI-thread wake-ups and as many signals. The stream's reactor appends here, on gRPC's
// thread, and asks for a drain only when the feed goes from "nothing asked" to "something to take";
// the GUI thread takes everything at once, applies it to the book and emits one signal per take.

#include <grpcpp/client_context.h>

#include <QList>
#include <QString>

#include <mutex>

#include "vigie/rpc/AlarmTypes.h"

namespace vigie::rpc {

// One message of the stream, already converted (on the gRPC thread) to the client's value types.
struct AlarmFeedEvent {
    enum class Kind {
        Alarm,      // raised or changed: `alarm` holds its full state
        Removed,    // `alarmId` left the caller's view without being closed
        Heartbeat,  // nothing happened; `sequence` is the journal's current one
        Resync,     // the resume point was compacted away; the stream ends
        Other,      // a kind of event this client does not know: only its sequence counts
    };
    Kind kind = Kind::Other;
    qint64 sequence = 0;
    Alarm alarm;
    QString alarmId;
    qint64 oldestSequence = 0;  // Resync only
};

class AlarmFeed {
public:
    // gRPC thread. True when the owner must be told (nothing was pending, or the last take emptied it).
    bool push(AlarmFeedEvent event);
    // Owner's thread: everything received so far, in order; the next push tells the owner again.
    QList<AlarmFeedEvent> takeAll();
    // Any thread: ends the stream (its finish handler then runs with CANCELLED). No-op once it ended.
    void cancel();

private:
    friend class AlarmSubscription;

    std::mutex m_mutex;
    QList<AlarmFeedEvent> m_pending;           // guarded by m_mutex
    bool m_ownerTold = false;                  // guarded by m_mutex; a drain was asked and not yet done
    grpc::ClientContext* m_context = nullptr;  // guarded by m_mutex; null once the stream is over
};

}  // namespace vigie::rpc
