#pragma once
// The client's live view of the backend's alarms (AlarmService): the active alarms, kept without loss
// across reconnects, and the operator's changes to them.
//
// Thread affinity: create, use and destroy on the GUI thread, after the BackendClient it rides on (which
// must outlive it). Signals are emitted on that thread. Nothing blocks: calls use the callback API.
//
// Life cycle (list-then-watch, alarms.proto): when the backend link is Online and the book holds no
// snapshot yet (first connection, another user logged in), ListActiveAlarms fills the book and
// SubscribeAlarms follows from the snapshot's sequence. Otherwise the stream is reopened from the last
// sequence received (events and heartbeats alike) and the backend replays what was missed: at once when
// the link comes back after an outage, after a growing delay (0.5 s ... 4 s) while the link is Online
// when the stream alone ended or fell silent (no message for BackendOptions::watchSilenceLimit; it asks
// for a heartbeat every 2 s). Downtime is counted from the first failure. A `resync` event
// (resume point compacted away), or a backend whose journal went back behind that point, leads to a
// fresh list. The alarms stay in the book, stale (isLive false), while the channel is down.
//
// Signals are coalesced: however many events arrive, alarmsChanged fires at most once per drain of the
// stream, and drains are at least 50 ms apart while events keep coming (a lone event after a quiet
// spell is delivered at once). The answer to one of this link's own calls is signalled at once, for
// that alarm alone.
//
// Changes carry the alarm's version in the book as expected_version and a fresh request id, and are
// retried with that same id when the backend could not be reached, or refused a session the backend
// link has replaced since (a restarted backend forgets sessions). Their answer goes through the book
// at once (the operator sees the result before the stream echoes it).

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

#include "vigie/rpc/AlarmBook.h"
#include "vigie/rpc/AlarmTypes.h"
#include "vigie/rpc/RpcError.h"

class QTimer;

namespace vigie::rpc {

class AlarmFeed;
class BackendClient;
class CallTracker;
class GuiMarshaller;
struct AlarmFeedEvent;

class AlarmLink : public QObject {
    Q_OBJECT
public:
    explicit AlarmLink(BackendClient* backend, QObject* parent = nullptr);
    ~AlarmLink() override;

    const AlarmBook& book() const { return m_book; }
    QList<Alarm> activeAlarms() const { return m_book.active(); }
    const Alarm* alarm(const QString& alarmId) const { return m_book.alarm(alarmId); }

    // Up to date with the backend: subscribed and past the replay.
    bool isLive() const { return m_live; }
    // Since when the channel is not live (null while live): "alarms unavailable for N s".
    QDateTime downSince() const { return m_live ? QDateTime() : m_downSince; }
    // Why it is not live, in words (empty while live).
    QString downReason() const { return m_live ? QString() : m_downReason; }

    // Outcome of a change: nullopt on success, else what went wrong (in words). A conflict
    // (RpcError::isConflict) says who changed the alarm meanwhile; the book already shows the new state.
    using Done = std::function<void(const std::optional<RpcError>&)>;
    // `seenVersion`: the alarm's version the operator decided on (what the screen showed); 0 = the book's.
    // A change made meanwhile by someone else then fails as a conflict instead of being overridden.
    // Records that the operator saw the alarm (silences it everywhere); optionally gives a verdict.
    void acknowledge(const QString& alarmId, AlarmVerdict verdict = AlarmVerdict::None, const QString& comment = {},
                     Done done = {}, qint64 seenVersion = 0);
    // New or on hold -> in progress, the caller becoming the assignee.
    void take(const QString& alarmId, AlarmVerdict verdict = AlarmVerdict::None, const QString& comment = {},
              Done done = {}, qint64 seenVersion = 0);
    // New or in progress -> on hold.
    void hold(const QString& alarmId, const QString& comment = {}, Done done = {}, qint64 seenVersion = 0);
    // Any active state -> closed; alarms that need human confirmation need a verdict.
    void close(const QString& alarmId, AlarmVerdict verdict, const QString& comment = {}, Done done = {},
               qint64 seenVersion = 0);
    // Appends to the history, whatever the alarm's version (comments never conflict), closed alarms too.
    void comment(const QString& alarmId, const QString& text, Done done = {});
    // To an operator from listAssignees (login name), or to nobody (empty).
    void assign(const QString& alarmId, const QString& assignee, const QString& comment = {}, Done done = {},
                qint64 seenVersion = 0);

    // One alarm, active or closed; an answer newer than the book's goes into it.
    using AlarmDone = std::function<void(const std::optional<Alarm>&, const std::optional<RpcError>&)>;
    void getAlarm(const QString& alarmId, AlarmDone done);
    using AssigneesDone = std::function<void(const QList<AlarmAssignee>&, const std::optional<RpcError>&)>;
    void listAssignees(const QString& cameraId, AssigneesDone done);

signals:
    // The book was replaced by a fresh list: everything may have changed.
    void alarmsReset();
    // These alarms were added, changed, closed or removed (each id once; look them up in the book).
    void alarmsChanged(const QStringList& alarmIds);
    void liveChanged(bool live, const QString& reason);

private:
    void onBackendState();
    void startChannel();
    void listAlarms();
    void subscribe();
    void stopChannel();
    void onFeedPending();
    void drainFeed();
    void handleEvents(const QList<AlarmFeedEvent>& events);
    void channelFailed(const QString& reason);
    void setLive(bool live, const QString& reason);
    bool callable() const;
    RpcError notConnected(const QString& what) const;
    void reportConflict(const QString& alarmId, RpcError error, const QString& what, const Done& done);
    // An UNAUTHENTICATED answer to a call made with `token`: the backend link logs in again if that is
    // still its session.
    void reportRefusedSession(const QString& token, const RpcError& error);
    template <class Request, class Response, class Start>
    void change(Start start, Request request, const QString& what, Done done, int attempt);
    // The version to expect, or an error when the alarm is not in the book.
    std::optional<qint64> expectedVersion(const QString& alarmId, const QString& what, const Done& done,
                                          qint64 seenVersion) const;

    BackendClient* m_backend;
    std::shared_ptr<GuiMarshaller> m_marshaller;  // its own: results for a destroyed link are dropped
    std::shared_ptr<CallTracker> m_calls;
    AlarmBook m_book;
    bool m_haveSnapshot = false;  // the book holds a list and the events after it
    QString m_snapshotUser;       // who listed it: another user sees other cameras
    quint64 m_generation = 0;     // bumps at each list / subscription / stop; older results are ignored
    std::shared_ptr<AlarmFeed> m_feed;  // the open subscription, or null
    qint64 m_resumedFrom = 0;           // the current subscription's resume point
    bool m_replayDone = false;          // the current subscription's first heartbeat came
    bool m_live = false;
    QDateTime m_downSince;
    QString m_downReason;
    int m_failuresInARow = 0;
    QTimer* m_retryTimer;
    QTimer* m_silenceTimer;
    QTimer* m_coalesceTimer;  // holds a drain back until 50 ms after the previous one
    QElapsedTimer m_sinceLastDrain;
};

}  // namespace vigie::rpc
