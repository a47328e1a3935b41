#include "vigie/rpc/AlarmLink.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSet>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <algorithm>

#include "AlarmFeed.h"
#include "AlarmMapping.h"
#include "AlarmSubscription.h"
#include "CallTracker.h"
#include "ChannelHolder.h"
#include "UnaryCall.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/rpc/GuiMarshaller.h"

namespace vigie::rpc {

namespace {

// Heartbeats asked of the backend: often enough that a dead stream is noticed within the silence limit.
constexpr int kHeartbeatSeconds = 2;
// A change the backend could not be reached for is tried this many times in all, with the same request id.
constexpr int kChangeAttempts = 3;
constexpr int kChangeRetryDelayMs = 400;
// Least time between two drains of the stream while events keep coming: at most 20 signals a second
// reach the views, however fast alarms arrive.
constexpr qint64 kMinDrainIntervalMs = 50;

int reopenDelayMs(int failuresInARow)
{
    return std::min(500 << std::clamp(failuresInARow - 1, 0, 3), 4000);
}

std::string newRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

QString translated(const char* text)
{
    return QCoreApplication::translate("vigie::rpc::AlarmLink", text);
}

// What an alarm's last history entry did, for "changed meanwhile by X (what)".
QString describeChange(const AlarmHistoryEntry& entry)
{
    using Kind = AlarmHistoryEntry::Kind;
    switch (entry.kind) {
    case Kind::Raised:
        return translated("raised");
    case Kind::Updated:
        return translated("updated by its detector");
    case Kind::Acknowledged:
        return translated("acknowledged");
    case Kind::StateChanged:
        switch (entry.toState) {
        case AlarmState::InProgress:
            return translated("taken");
        case AlarmState::OnHold:
            return translated("put on hold");
        case AlarmState::Closed:
            return translated("closed");
        case AlarmState::New:
            break;
        }
        return translated("state changed");
    case Kind::Commented:
        return translated("commented");
    case Kind::Assigned:
        return entry.assignee.isEmpty() ? translated("unassigned")
                                        : translated("assigned to %1").arg(entry.assignee);
    case Kind::Verdict:
        return translated("verdict given");
    case Kind::Unknown:
        break;
    }
    return translated("changed");
}

}  // namespace

AlarmLink::AlarmLink(BackendClient* backend, QObject* parent)
    : QObject(parent),
      m_backend(backend),
      m_marshaller(GuiMarshaller::create(this)),
      m_calls(std::make_shared<CallTracker>()),
      m_downSince(QDateTime::currentDateTimeUtc()),
      m_downReason(tr("Not connected to the backend yet")),
      m_retryTimer(new QTimer(this)),
      m_silenceTimer(new QTimer(this)),
      m_coalesceTimer(new QTimer(this))
{
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &AlarmLink::startChannel);
    m_silenceTimer->setSingleShot(true);
    connect(m_silenceTimer, &QTimer::timeout, this, [this] {
        channelFailed(tr("No news of the alarms for %1 s").arg(m_backend->options().watchSilenceLimit.count() / 1000));
    });
    m_coalesceTimer->setSingleShot(true);
    connect(m_coalesceTimer, &QTimer::timeout, this, &AlarmLink::drainFeed);
    connect(m_backend, &BackendClient::stateChanged, this, &AlarmLink::onBackendState);
    if (m_backend->state() == ConnectionState::Online)
        startChannel();
}

AlarmLink::~AlarmLink()
{
    m_marshaller->detach();
    m_calls->cancelAllAndWait(std::chrono::seconds(2));
}

void AlarmLink::onBackendState()
{
    if (m_backend->state() == ConnectionState::Online) {
        m_failuresInARow = 0;
        startChannel();
        return;
    }
    // The link is down: the backend client retries, and its return to Online reopens the channel.
    stopChannel();
    setLive(false, m_backend->stateDetail());
}

void AlarmLink::startChannel()
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (m_backend->state() != ConnectionState::Online)
        return;
    if (m_haveSnapshot && m_snapshotUser != m_backend->options().user) {
        // Another user sees other cameras: what the book holds is not theirs to see, nor to resume from.
        m_book.clear();
        m_haveSnapshot = false;
        emit alarmsReset();
    }
    if (m_haveSnapshot)
        subscribe();
    else
        listAlarms();
}

void AlarmLink::stopChannel()
{
    ++m_generation;
    if (m_feed) {
        m_feed->cancel();  // its undrained events are dropped: lastSequence has not counted them
        m_feed.reset();
    }
    m_replayDone = false;
    m_retryTimer->stop();
    m_silenceTimer->stop();
    m_coalesceTimer->stop();
}

void AlarmLink::listAlarms()
{
    stopChannel();
    if (!callable())
        return;
    const quint64 generation = m_generation;
    auto& stub = m_backend->m_channel->alarms();
    startUnaryCall<vigie::v1::ListActiveAlarmsRequest, vigie::v1::ListActiveAlarmsResponse>(
        [&stub](auto* ctx, auto* req, auto* resp, auto cb) {
            stub.async()->ListActiveAlarms(ctx, req, resp, std::move(cb));
        },
        vigie::v1::ListActiveAlarmsRequest(), m_backend->m_token, m_backend->options().callDeadline, m_marshaller,
        m_calls,
        [this, generation](const grpc::Status& status, const vigie::v1::ListActiveAlarmsResponse& response) {
            if (generation != m_generation)
                return;
            if (!status.ok()) {
                const RpcError error =
                    RpcError::fromStatus(status, tr("Alarm list"), m_backend->options().address);
                if (error.isUnauthenticated()) {
                    // The backend link logs in again; its return to Online lists again.
                    setLive(false, error.text);
                    m_backend->failed(error);
                    return;
                }
                if (error.code == grpc::StatusCode::UNIMPLEMENTED) {
                    setLive(false, error.text);  // a backend without alarms: asking again will not help
                    return;
                }
                channelFailed(error.text);
                return;
            }
            QList<Alarm> alarms;
            alarms.reserve(response.alarms_size());
            for (const auto& alarm : response.alarms())
                alarms << toAlarm(alarm);
            m_book.reset(alarms, response.snapshot_sequence());
            m_haveSnapshot = true;
            m_snapshotUser = m_backend->options().user;
            subscribe();
            emit alarmsReset();
        });
}

void AlarmLink::subscribe()
{
    stopChannel();
    if (!callable())
        return;
    const quint64 generation = m_generation;
    m_resumedFrom = m_book.lastSequence();
    vigie::v1::SubscribeAlarmsRequest request;
    request.set_resume_after_sequence(m_resumedFrom);
    request.mutable_heartbeat_interval()->set_seconds(kHeartbeatSeconds);
    m_feed = AlarmSubscription::start(
        m_backend->m_channel->alarms(), std::move(request), m_backend->m_token, m_marshaller, m_calls,
        [this, generation] {
            if (generation == m_generation)
                onFeedPending();
        },
        [this, generation](const grpc::Status& status) {
            if (generation != m_generation)
                return;  // a stream we closed ourselves
            drainFeed();  // what came before the end counts
            if (generation != m_generation)
                return;  // it held a resync, which relisted
            m_feed.reset();
            RpcError error = RpcError::fromStatus(status, tr("Alarm feed"), m_backend->options().address);
            if (status.ok())
                error.text = tr("The backend closed the alarm feed");
            if (error.isUnauthenticated()) {
                // The session expired or the backend forgot it: the backend link logs in again, and its
                // return to Online reopens the feed with the new token.
                stopChannel();
                setLive(false, error.text);
                m_backend->failed(error);
                return;
            }
            switch (status.error_code()) {
            case grpc::StatusCode::INVALID_ARGUMENT:
            case grpc::StatusCode::OUT_OF_RANGE:
            case grpc::StatusCode::FAILED_PRECONDITION:
                // The resume point itself was refused (not a failure of the link): resuming from it
                // again would be refused again, and a fresh list is always a valid starting point.
                m_haveSnapshot = false;
                break;
            default:
                break;
            }
            channelFailed(error.text);
        });
    if (m_feed)
        m_silenceTimer->start(m_backend->options().watchSilenceLimit);
}

void AlarmLink::onFeedPending()
{
    const qint64 sinceLast = m_sinceLastDrain.isValid() ? m_sinceLastDrain.elapsed() : kMinDrainIntervalMs;
    if (sinceLast < kMinDrainIntervalMs) {
        // Events keep coming: let them gather until the interval is over. The feed asks for no other
        // drain until one takes what it holds, so this timer must run: it is what takes them.
        if (!m_coalesceTimer->isActive())
            m_coalesceTimer->start(int(kMinDrainIntervalMs - sinceLast));
        return;
    }
    drainFeed();
}

void AlarmLink::drainFeed()
{
    m_coalesceTimer->stop();
    if (!m_feed)
        return;
    const std::shared_ptr<AlarmFeed> feed = m_feed;
    const QList<AlarmFeedEvent> events = feed->takeAll();
    if (events.isEmpty())
        return;
    m_sinceLastDrain.start();
    m_silenceTimer->start(m_backend->options().watchSilenceLimit);
    handleEvents(events);
}

void AlarmLink::handleEvents(const QList<AlarmFeedEvent>& events)
{
    QStringList touched;
    QSet<QString> seen;
    const auto touch = [&touched, &seen](const QString& alarmId) {
        if (!seen.contains(alarmId)) {
            seen.insert(alarmId);
            touched << alarmId;
        }
    };
    bool replayEnded = false;
    bool relist = false;
    QString relistReason;
    for (const AlarmFeedEvent& event : events) {
        switch (event.kind) {
        case AlarmFeedEvent::Kind::Alarm:
            if (m_book.apply(event.alarm) != AlarmBook::Outcome::Ignored)
                touch(event.alarm.id);
            break;
        case AlarmFeedEvent::Kind::Removed:
            if (m_book.remove(event.alarmId))
                touch(event.alarmId);
            break;
        case AlarmFeedEvent::Kind::Heartbeat:
            if (!m_replayDone) {
                m_replayDone = true;
                if (event.sequence < m_resumedFrom) {
                    // The journal is behind the point we resumed from: not the journal we followed (a
                    // backend restarted without its journal). Only a fresh list is right.
                    relist = true;
                    relistReason = tr("The backend's alarm journal restarted: reloading the alarms");
                } else {
                    replayEnded = true;
                }
            }
            break;
        case AlarmFeedEvent::Kind::Resync:
            relist = true;
            relistReason = tr("Alarm history too old to resume from: reloading the alarms");
            break;
        case AlarmFeedEvent::Kind::Other:
            break;
        }
        if (relist)
            break;
        m_book.noteSequence(event.sequence);
    }
    if (relist) {
        m_haveSnapshot = false;
        listAlarms();
    }
    if (!touched.isEmpty())
        emit alarmsChanged(touched);
    if (relist) {
        setLive(false, relistReason);
    } else if (replayEnded) {
        m_failuresInARow = 0;
        setLive(true, QString());
    }
}

void AlarmLink::channelFailed(const QString& reason)
{
    stopChannel();
    ++m_failuresInARow;
    if (m_backend->state() == ConnectionState::Online)
        m_retryTimer->start(reopenDelayMs(m_failuresInARow));
    setLive(false, reason);
}

void AlarmLink::setLive(bool live, const QString& reason)
{
    if (live) {
        if (m_live)
            return;
        m_live = true;
        m_downReason.clear();
        emit liveChanged(true, QString());
        return;
    }
    if (m_live) {
        m_live = false;
        m_downSince = QDateTime::currentDateTimeUtc();
    } else if (reason == m_downReason) {
        return;
    }
    m_downReason = reason;
    emit liveChanged(false, reason);
}

bool AlarmLink::callable() const
{
    return m_backend->m_channel && !m_backend->m_token.isEmpty();
}

RpcError AlarmLink::notConnected(const QString& what) const
{
    RpcError error;
    error.code = grpc::StatusCode::UNAVAILABLE;
    error.text = tr("%1: not connected to the backend").arg(what);
    return error;
}

void AlarmLink::reportRefusedSession(const QString& token, const RpcError& error)
{
    // A refusal of a token the backend link has already dropped is no news to it: it is logging in
    // again (or has), and failing it now would throw that login away and back off for seconds, or
    // replace a fresh session and reopen every stream.
    if (token == m_backend->m_token)
        m_backend->failed(error);
}

std::optional<qint64> AlarmLink::expectedVersion(const QString& alarmId, const QString& what, const Done& done,
                                                 qint64 seenVersion) const
{
    const qint64 version = m_book.knownVersion(alarmId);
    if (version > 0)
        return seenVersion > 0 ? seenVersion : version;
    if (done) {
        RpcError error;
        error.code = grpc::StatusCode::NOT_FOUND;
        error.text = tr("%1: the alarm %2 is not among the known alarms").arg(what, alarmId);
        done(error);
    }
    return std::nullopt;
}

template <class Request, class Response, class Start>
void AlarmLink::change(Start start, Request request, const QString& what, Done done, int attempt)
{
    if (!callable()) {
        if (attempt > 0 && attempt + 1 < kChangeAttempts) {
            // A retry while the backend link logs in again (after a restart): wait for it rather than fail.
            QTimer::singleShot(kChangeRetryDelayMs, this, [this, start, request, what, done, attempt] {
                change<Request, Response>(start, request, what, done, attempt + 1);
            });
            return;
        }
        if (done)
            done(notConnected(what));
        return;
    }
    const QString token = m_backend->m_token;
    startUnaryCall<Request, Response>(
        start, request, token, m_backend->options().callDeadline, m_marshaller, m_calls,
        [this, start, request, what, done, attempt, token](const grpc::Status& status, const Response& response) {
            if (status.ok()) {
                // At once: the stream's echo of this version will be ignored as already known.
                const Alarm alarm = toAlarm(response.alarm());
                if (m_book.applyAnswer(alarm) != AlarmBook::Outcome::Ignored)
                    emit alarmsChanged({alarm.id});
                if (done)
                    done(std::nullopt);
                return;
            }
            const RpcError error = RpcError::fromStatus(status, what, m_backend->options().address);
            // Refused for a token the backend link has dropped since (it logs in again after a backend
            // restart): nothing was applied, and the next attempt carries the new token.
            const bool staleToken = error.isUnauthenticated() && token != m_backend->m_token;
            if (error.isUnauthenticated())
                reportRefusedSession(token, error);  // the operator sees this change refused and may retry
            if ((error.isUnreachable() || staleToken) && attempt + 1 < kChangeAttempts) {
                // Same request id: if the first attempt did reach the backend, this one changes nothing.
                QTimer::singleShot(kChangeRetryDelayMs, this, [this, start, request, what, done, attempt] {
                    change<Request, Response>(start, request, what, done, attempt + 1);
                });
                return;
            }
            if (error.isConflict()) {
                reportConflict(QString::fromStdString(request.alarm_id()), error, what, done);
                return;
            }
            if (done)
                done(error);
        });
}

void AlarmLink::reportConflict(const QString& alarmId, RpcError error, const QString& what, const Done& done)
{
    // The operator decided on a state that is gone: fetch the new one, so that the book shows it (the
    // stream may not have brought it yet) and the message can say who changed it.
    auto report = [this, alarmId, error, what, done]() mutable {
        const Alarm* alarm = m_book.alarm(alarmId);
        if (alarm && !alarm->history.isEmpty()) {
            const AlarmHistoryEntry& last = alarm->history.constLast();
            error.text = tr("%1: the alarm was changed meanwhile by %2 (%3 at %4); check its new state before "
                            "acting again")
                             .arg(what, last.user.isEmpty() ? tr("the system") : last.user, describeChange(last),
                                  QLocale().toString(last.time.toLocalTime().time(), QLocale::ShortFormat));
        } else {
            error.text = tr("%1: the alarm was changed meanwhile; check its new state before acting again").arg(what);
        }
        if (done)
            done(error);
    };
    getAlarm(alarmId, [report](const std::optional<Alarm>&, const std::optional<RpcError>&) mutable { report(); });
}

void AlarmLink::getAlarm(const QString& alarmId, AlarmDone done)
{
    const QString what = tr("Alarm details");
    if (!callable()) {
        if (done)
            done(std::nullopt, notConnected(what));
        return;
    }
    vigie::v1::GetAlarmRequest request;
    request.set_alarm_id(alarmId.toStdString());
    auto& stub = m_backend->m_channel->alarms();
    const QString token = m_backend->m_token;
    startUnaryCall<vigie::v1::GetAlarmRequest, vigie::v1::GetAlarmResponse>(
        [&stub](auto* ctx, auto* req, auto* resp, auto cb) { stub.async()->GetAlarm(ctx, req, resp, std::move(cb)); },
        std::move(request), token, m_backend->options().callDeadline, m_marshaller, m_calls,
        [this, what, done, token](const grpc::Status& status, const vigie::v1::GetAlarmResponse& response) {
            if (!status.ok()) {
                const RpcError error = RpcError::fromStatus(status, what, m_backend->options().address);
                if (error.isUnauthenticated())
                    reportRefusedSession(token, error);
                if (done)
                    done(std::nullopt, error);
                return;
            }
            const Alarm alarm = toAlarm(response.alarm());
            // Newer than the book's: it goes in (the stream will bring the same version, ignored then).
            if (m_haveSnapshot && m_book.applyAnswer(alarm) != AlarmBook::Outcome::Ignored)
                emit alarmsChanged({alarm.id});
            if (done)
                done(alarm, std::nullopt);
        });
}

void AlarmLink::listAssignees(const QString& cameraId, AssigneesDone done)
{
    const QString what = tr("Operator list");
    if (!callable()) {
        if (done)
            done({}, notConnected(what));
        return;
    }
    vigie::v1::ListAssigneesRequest request;
    request.set_camera_id(cameraId.toStdString());
    auto& stub = m_backend->m_channel->alarms();
    const QString token = m_backend->m_token;
    startUnaryCall<vigie::v1::ListAssigneesRequest, vigie::v1::ListAssigneesResponse>(
        [&stub](auto* ctx, auto* req, auto* resp, auto cb) {
            stub.async()->ListAssignees(ctx, req, resp, std::move(cb));
        },
        std::move(request), token, m_backend->options().callDeadline, m_marshaller, m_calls,
        [this, what, done, token](const grpc::Status& status, const vigie::v1::ListAssigneesResponse& response) {
            if (!done)
                return;
            if (!status.ok()) {
                const RpcError error = RpcError::fromStatus(status, what, m_backend->options().address);
                if (error.isUnauthenticated())
                    reportRefusedSession(token, error);
                done({}, error);
                return;
            }
            QList<AlarmAssignee> assignees;
            for (const auto& assignee : response.assignees())
                assignees << toAlarmAssignee(assignee);
            done(assignees, std::nullopt);
        });
}

void AlarmLink::acknowledge(const QString& alarmId, AlarmVerdict verdict, const QString& comment, Done done, qint64 seenVersion)
{
    const QString what = tr("Acknowledging the alarm");
    const auto version = expectedVersion(alarmId, what, done, seenVersion);
    if (!version)
        return;
    vigie::v1::AcknowledgeAlarmRequest request;
    request.set_alarm_id(alarmId.toStdString());
    request.set_expected_version(*version);
    request.set_request_id(newRequestId());
    request.set_verdict(toProtoVerdict(verdict));
    request.set_comment(comment.toStdString());
    change<vigie::v1::AcknowledgeAlarmRequest, vigie::v1::AcknowledgeAlarmResponse>(
        [this](auto* ctx, auto* req, auto* resp, auto cb) {
            m_backend->m_channel->alarms().async()->AcknowledgeAlarm(ctx, req, resp, std::move(cb));
        },
        std::move(request), what, std::move(done), 0);
}

void AlarmLink::take(const QString& alarmId, AlarmVerdict verdict, const QString& comment, Done done, qint64 seenVersion)
{
    const QString what = tr("Taking the alarm");
    const auto version = expectedVersion(alarmId, what, done, seenVersion);
    if (!version)
        return;
    vigie::v1::TakeAlarmRequest request;
    request.set_alarm_id(alarmId.toStdString());
    request.set_expected_version(*version);
    request.set_request_id(newRequestId());
    request.set_verdict(toProtoVerdict(verdict));
    request.set_comment(comment.toStdString());
    change<vigie::v1::TakeAlarmRequest, vigie::v1::TakeAlarmResponse>(
        [this](auto* ctx, auto* req, auto* resp, auto cb) {
            m_backend->m_channel->alarms().async()->TakeAlarm(ctx, req, resp, std::move(cb));
        },
        std::move(request), what, std::move(done), 0);
}

void AlarmLink::hold(const QString& alarmId, const QString& comment, Done done, qint64 seenVersion)
{
    const QString what = tr("Putting the alarm on hold");
    const auto version = expectedVersion(alarmId, what, done, seenVersion);
    if (!version)
        return;
    vigie::v1::HoldAlarmRequest request;
    request.set_alarm_id(alarmId.toStdString());
    request.set_expected_version(*version);
    request.set_request_id(newRequestId());
    request.set_comment(comment.toStdString());
    change<vigie::v1::HoldAlarmRequest, vigie::v1::HoldAlarmResponse>(
        [this](auto* ctx, auto* req, auto* resp, auto cb) {
            m_backend->m_channel->alarms().async()->HoldAlarm(ctx, req, resp, std::move(cb));
        },
        std::move(request), what, std::move(done), 0);
}

void AlarmLink::close(const QString& alarmId, AlarmVerdict verdict, const QString& comment, Done done, qint64 seenVersion)
{
    const QString what = tr("Closing the alarm");
    const auto version = expectedVersion(alarmId, what, done, seenVersion);
    if (!version)
        return;
    vigie::v1::CloseAlarmRequest request;
    request.set_alarm_id(alarmId.toStdString());
    request.set_expected_version(*version);
    request.set_request_id(newRequestId());
    request.set_verdict(toProtoVerdict(verdict));
    request.set_comment(comment.toStdString());
    change<vigie::v1::CloseAlarmRequest, vigie::v1::CloseAlarmResponse>(
        [this](auto* ctx, auto* req, auto* resp, auto cb) {
            m_backend->m_channel->alarms().async()->CloseAlarm(ctx, req, resp, std::move(cb));
        },
        std::move(request), what, std::move(done), 0);
}

void AlarmLink::comment(const QString& alarmId, const QString& text, Done done)
{
    vigie::v1::CommentAlarmRequest request;
    request.set_alarm_id(alarmId.toStdString());
    request.set_expected_version(0);  // a comment stays true whatever changed meanwhile
    request.set_request_id(newRequestId());
    request.set_comment(text.toStdString());
    change<vigie::v1::CommentAlarmRequest, vigie::v1::CommentAlarmResponse>(
        [this](auto* ctx, auto* req, auto* resp, auto cb) {
            m_backend->m_channel->alarms().async()->CommentAlarm(ctx, req, resp, std::move(cb));
        },
        std::move(request), tr("Commenting the alarm"), std::move(done), 0);
}

void AlarmLink::assign(const QString& alarmId, const QString& assignee, const QString& comment, Done done, qint64 seenVersion)
{
    const QString what = tr("Assigning the alarm");
    const auto version = expectedVersion(alarmId, what, done, seenVersion);
    if (!version)
        return;
    vigie::v1::AssignAlarmRequest request;
    request.set_alarm_id(alarmId.toStdString());
    request.set_expected_version(*version);
    request.set_request_id(newRequestId());
    request.set_assignee(assignee.toStdString());
    request.set_comment(comment.toStdString());
    change<vigie::v1::AssignAlarmRequest, vigie::v1::AssignAlarmResponse>(
        [this](auto* ctx, auto* req, auto* resp, auto cb) {
            m_backend->m_channel->alarms().async()->AssignAlarm(ctx, req, resp, std::move(cb));
        },
        std::move(request), what, std::move(done), 0);
}

}  // namespace vigie::rpc
