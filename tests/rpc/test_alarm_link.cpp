// AlarmLink against a real vigie-sim: list then live alarms, two operators handling the same alarms,
// conflicts, idempotent retries, resuming after a backend restart, relisting after a compaction, and a
// storm that must reach the GUI thread as few, complete batches.

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <grpcpp/create_channel.h>

#include <limits>
#include <memory>
#include <optional>

#include <signal.h>

#include "SimProcess.h"
#include "vigie/rpc/AlarmLink.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/v1/alarms.grpc.pb.h"
#include "vigie/v1/auth.grpc.pb.h"

using vigie::rpc::Alarm;
using vigie::rpc::AlarmLink;
using vigie::rpc::AlarmPriority;
using vigie::rpc::AlarmState;
using vigie::rpc::AlarmType;
using vigie::rpc::AlarmVerdict;
using vigie::rpc::BackendClient;
using vigie::rpc::BackendOptions;
using vigie::rpc::ConnectionState;
using vigie::rpc::RpcError;
using vigie::test::SimProcess;

namespace {

constexpr int kOnlineTimeoutMs = 15000;
constexpr int kCallTimeoutMs = 10000;

BackendOptions optionsFor(const QString& address, const QString& user)
{
    BackendOptions options;
    options.address = address;
    options.user = user;
    options.password = user;  // the sim's default users: password = name
    options.workstation = QStringLiteral("test-") + user;
    options.callDeadline = std::chrono::milliseconds(3000);
    return options;
}

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

// One operator's workstation: its backend link and its alarm link.
struct Console {
    explicit Console(const BackendOptions& options) : client(options), link(&client) { client.start(); }
    Console(const QString& address, const QString& user) : Console(optionsFor(address, user)) {}
    BackendClient client;
    AlarmLink link;
};

// The outcome of a change, filled by its callback.
struct Outcome {
    bool done = false;
    std::optional<RpcError> error;
    qint64 versionInBookAtDone = 0;  // what the operator's book showed when the callback ran
};

AlarmLink::Done recordInto(const std::shared_ptr<Outcome>& outcome, const AlarmLink* link = nullptr,
                           const QString& alarmId = {})
{
    return [outcome, link, alarmId](const std::optional<RpcError>& error) {
        outcome->done = true;
        outcome->error = error;
        if (link)
            outcome->versionInBookAtDone = link->book().knownVersion(alarmId);
    };
}

// "raise-alarm" answers "ok ALARM-ID".
QString raise(SimProcess& sim, const QString& arguments)
{
    QString reply;
    sim.command(QStringLiteral("raise-alarm ") + arguments, &reply);
    if (!reply.startsWith(QLatin1String("ok ")))
        return QString();
    return reply.mid(3).trimmed();
}

QString cameraFor(int i)
{
    return QStringLiteral("cam-%1").arg(i % 16 + 1, 2, 10, QLatin1Char('0'));
}

// Every alarm id with its version, for comparing what two clients know.
QMap<QString, qint64> versionsOf(const AlarmLink& link)
{
    QMap<QString, qint64> versions;
    for (const Alarm& alarm : link.activeAlarms())
        versions.insert(alarm.id, alarm.version);
    return versions;
}

}  // namespace

class TestAlarmLink : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void listsThenReceivesLiveAlarms();
    void twoOperatorsSeeEachOthersChanges();
    void concurrentChangesSurfaceAsAConflict();
    void aRetriedRequestAppliesOnce();
    void resumesAfterABackendRestartWithoutLoss();
    void aChangeRefusedForTheOldSessionIsRetriedWithTheNewOne();
    void compactedJournalLeadsToARelist();
    void anotherUserStartsFromAFreshList();
    void stormArrivesCompleteInFewSignals();
};

void TestAlarmLink::initTestCase()
{
    qRegisterMetaType<vigie::rpc::ConnectionState>();
}

void TestAlarmLink::listsThenReceivesLiveAlarms()
{
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--alarm-rate"), QStringLiteral("0")}), qPrintable(sim.lastError()));
    const QString first = raise(sim, QStringLiteral("cam-01 intrusion high"));
    const QString second = raise(sim, QStringLiteral("cam-02 loitering low"));
    QVERIFY(!first.isEmpty() && !second.isEmpty());

    Console console(sim.grpcAddress(), QStringLiteral("operator"));
    AlarmLink& link = console.link;
    QSignalSpy resets(&link, &AlarmLink::alarmsReset);
    QSignalSpy changed(&link, &AlarmLink::alarmsChanged);
    QSignalSpy live(&link, &AlarmLink::liveChanged);
    QVERIFY(!link.isLive());
    QVERIFY(link.downSince().isValid());
    QTRY_VERIFY_WITH_TIMEOUT(link.isLive(), kOnlineTimeoutMs);
    QVERIFY(!link.downSince().isValid());
    QCOMPARE(resets.count(), 1);
    QVERIFY(!live.isEmpty());
    QCOMPARE(live.last().at(0).toBool(), true);

    QCOMPARE(link.book().size(), 2);
    const Alarm* alarm = link.alarm(first);
    QVERIFY(alarm);
    QCOMPARE(alarm->cameraId, QStringLiteral("cam-01"));
    QCOMPARE(alarm->type, AlarmType::Intrusion);
    QCOMPARE(alarm->priority, AlarmPriority::High);
    QCOMPARE(alarm->state, AlarmState::New);
    QCOMPARE(alarm->version, 1);
    QVERIFY(!alarm->acknowledged);
    QVERIFY(alarm->raisedAt.isValid());
    QVERIFY(!alarm->history.isEmpty());
    QCOMPARE(alarm->history.first().kind, vigie::rpc::AlarmHistoryEntry::Kind::Raised);
    QCOMPARE(link.book().count(AlarmPriority::High), 1);
    QCOMPARE(link.book().count(AlarmPriority::Low), 1);
    QCOMPARE(link.book().unacknowledgedCount(), 2);

    // Live: raised after the list, it comes through the stream.
    const QString third = raise(sim, QStringLiteral("cam-03 object-left medium"));
    QVERIFY(!third.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(link.alarm(third) != nullptr, 5000);
    bool signalled = false;
    for (const auto& arguments : changed)
        signalled = signalled || arguments.at(0).toStringList().contains(third);
    QVERIFY(signalled);
    QCOMPARE(link.alarm(third)->type, AlarmType::ObjectLeft);
    QVERIFY(link.book().lastSequence() >= link.alarm(third)->sequence);
    QCOMPARE(resets.count(), 1);

    // Assignees of a camera: the users who may manage its alarms.
    bool listed = false;
    QList<vigie::rpc::AlarmAssignee> assignees;
    link.listAssignees(QStringLiteral("cam-01"),
                       [&](const QList<vigie::rpc::AlarmAssignee>& list, const std::optional<RpcError>& error) {
                           listed = true;
                           QVERIFY(!error);
                           assignees = list;
                       });
    QTRY_VERIFY_WITH_TIMEOUT(listed, kCallTimeoutMs);
    QStringList users;
    for (const auto& assignee : assignees)
        users << assignee.user;
    QVERIFY2(users.contains(QStringLiteral("operator")), qPrintable(users.join(u',')));
    QVERIFY2(!users.contains(QStringLiteral("viewer")), qPrintable(users.join(u',')));
}

void TestAlarmLink::twoOperatorsSeeEachOthersChanges()
{
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--alarm-rate"), QStringLiteral("0")}), qPrintable(sim.lastError()));
    Console op(sim.grpcAddress(), QStringLiteral("operator"));
    Console sup(sim.grpcAddress(), QStringLiteral("supervisor"));
    QTRY_VERIFY_WITH_TIMEOUT(op.link.isLive() && sup.link.isLive(), kOnlineTimeoutMs);

    const QString id = raise(sim, QStringLiteral("cam-05 intrusion high"));
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(op.link.alarm(id) && sup.link.alarm(id), 5000);

    // The operator acknowledges: its own book shows it when the callback runs, the other one soon after.
    auto acknowledged = std::make_shared<Outcome>();
    op.link.acknowledge(id, AlarmVerdict::None, QString(), recordInto(acknowledged, &op.link, id));
    QTRY_VERIFY_WITH_TIMEOUT(acknowledged->done, kCallTimeoutMs);
    QVERIFY2(!acknowledged->error, qPrintable(acknowledged->error->text));
    QCOMPARE(acknowledged->versionInBookAtDone, 2);
    QVERIFY(op.link.alarm(id)->acknowledged);
    QTRY_VERIFY_WITH_TIMEOUT(sup.link.alarm(id)->acknowledged, 5000);
    QVERIFY(!sup.link.alarm(id)->acknowledgedBy.isEmpty());
    QCOMPARE(sup.link.book().unacknowledgedCount(), 0);

    // The supervisor takes it, then closes it with a verdict; the operator follows.
    auto taken = std::make_shared<Outcome>();
    sup.link.take(id, AlarmVerdict::None, QStringLiteral("looking"), recordInto(taken));
    QTRY_VERIFY_WITH_TIMEOUT(taken->done, kCallTimeoutMs);
    QVERIFY2(!taken->error, qPrintable(taken->error->text));
    QTRY_COMPARE_WITH_TIMEOUT(op.link.alarm(id)->state, AlarmState::InProgress, 5000);
    QCOMPARE(op.link.alarm(id)->assignee, QStringLiteral("supervisor"));

    auto commented = std::make_shared<Outcome>();
    op.link.comment(id, QStringLiteral("patrol on its way"), recordInto(commented));
    QTRY_VERIFY_WITH_TIMEOUT(commented->done, kCallTimeoutMs);
    QVERIFY2(!commented->error, qPrintable(commented->error->text));
    QTRY_VERIFY_WITH_TIMEOUT(sup.link.alarm(id)->history.constLast().comment == QLatin1String("patrol on its way"),
                             5000);

    auto closed = std::make_shared<Outcome>();
    sup.link.close(id, AlarmVerdict::FalseAlarm, QStringLiteral("a shadow"), recordInto(closed));
    QTRY_VERIFY_WITH_TIMEOUT(closed->done, kCallTimeoutMs);
    QVERIFY2(!closed->error, qPrintable(closed->error->text));
    QVERIFY(!sup.link.alarm(id));  // at once
    QTRY_VERIFY_WITH_TIMEOUT(!op.link.alarm(id), 5000);

    // A closed alarm is still there to read.
    std::optional<Alarm> fetched;
    bool answered = false;
    op.link.getAlarm(id, [&](const std::optional<Alarm>& alarm, const std::optional<RpcError>& error) {
        answered = true;
        QVERIFY(!error);
        fetched = alarm;
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered, kCallTimeoutMs);
    QVERIFY(fetched);
    QCOMPARE(fetched->state, AlarmState::Closed);
    QCOMPARE(fetched->verdict, AlarmVerdict::FalseAlarm);
    QVERIFY(!op.link.alarm(id));  // reading a closed alarm does not make it active again

    // Not in the book: refused before asking the backend.
    auto unknown = std::make_shared<Outcome>();
    op.link.take(QStringLiteral("no-such-alarm"), AlarmVerdict::None, QString(), recordInto(unknown));
    QVERIFY(unknown->done);
    QVERIFY(unknown->error);
}

void TestAlarmLink::concurrentChangesSurfaceAsAConflict()
{
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--alarm-rate"), QStringLiteral("0")}), qPrintable(sim.lastError()));
    Console op(sim.grpcAddress(), QStringLiteral("operator"));
    Console sup(sim.grpcAddress(), QStringLiteral("supervisor"));
    QTRY_VERIFY_WITH_TIMEOUT(op.link.isLive() && sup.link.isLive(), kOnlineTimeoutMs);
    const QString id = raise(sim, QStringLiteral("cam-06 wrong-way medium"));
    QTRY_VERIFY_WITH_TIMEOUT(op.link.alarm(id) && sup.link.alarm(id), 5000);

    // Both act on version 1 in the same instant: one wins, the other is told the alarm changed.
    auto byOperator = std::make_shared<Outcome>();
    auto bySupervisor = std::make_shared<Outcome>();
    op.link.acknowledge(id, AlarmVerdict::None, QString(), recordInto(byOperator, &op.link, id));
    sup.link.take(id, AlarmVerdict::None, QString(), recordInto(bySupervisor, &sup.link, id));
    QTRY_VERIFY_WITH_TIMEOUT(byOperator->done && bySupervisor->done, kCallTimeoutMs);
    QVERIFY2(bool(byOperator->error) != bool(bySupervisor->error), "exactly one of them must lose");
    const auto& loser = byOperator->error ? byOperator : bySupervisor;
    const AlarmLink& loserLink = byOperator->error ? op.link : sup.link;
    const RpcError& error = *loser->error;
    qInfo("conflict: %s", qPrintable(error.text));
    QVERIFY(error.isConflict());
    QVERIFY(!error.isUnreachable());
    // The loser's book already shows the winner's change, and the message names who made it.
    QCOMPARE(loser->versionInBookAtDone, 2);
    const Alarm* alarm = loserLink.alarm(id);
    QVERIFY(alarm);
    QCOMPARE(alarm->version, 2);
    const QString winner = alarm->history.constLast().user;
    QVERIFY(!winner.isEmpty());
    QVERIFY2(error.text.contains(winner), qPrintable(error.text));
}

void TestAlarmLink::aRetriedRequestAppliesOnce()
{
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--alarm-rate"), QStringLiteral("0")}), qPrintable(sim.lastError()));
    const QString id = raise(sim, QStringLiteral("cam-07 intrusion high"));
    QVERIFY(!id.isEmpty());

    // The contract itself: the same request id twice changes the alarm once, and answers the same.
    {
        auto channel = grpc::CreateChannel(sim.grpcAddress().toStdString(), grpc::InsecureChannelCredentials());
        auto auth = vigie::v1::AuthService::NewStub(channel);
        auto alarms = vigie::v1::AlarmService::NewStub(channel);
        vigie::v1::LoginRequest login;
        login.set_user("operator");
        login.set_password("operator");
        vigie::v1::LoginResponse session;
        grpc::ClientContext loginContext;
        QVERIFY(auth->Login(&loginContext, login, &session).ok());
        vigie::v1::CommentAlarmRequest request;
        request.set_alarm_id(id.toStdString());
        request.set_request_id("6a1c1c40-0000-4000-8000-000000000001");
        request.set_comment("once");
        vigie::v1::CommentAlarmResponse answers[2];
        for (auto& answer : answers) {
            grpc::ClientContext context;
            context.AddMetadata("authorization", "Bearer " + session.token());
            const grpc::Status status = alarms->CommentAlarm(&context, request, &answer);
            QVERIFY2(status.ok(), status.error_message().c_str());
        }
        QCOMPARE(answers[0].alarm().version(), 2);
        QCOMPARE(answers[1].alarm().version(), 2);
    }

    // The client's own retry: the backend freezes while the change is in flight, so that the first
    // attempt runs out of time and the next one, with the same id, gets through once it thaws.
    BackendOptions options = optionsFor(sim.grpcAddress(), QStringLiteral("operator"));
    options.callDeadline = std::chrono::milliseconds(1500);
    Console console(options);
    QTRY_VERIFY_WITH_TIMEOUT(console.link.isLive(), kOnlineTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(console.link.alarm(id) != nullptr, 5000);
    QCOMPARE(console.link.alarm(id)->version, 2);

    auto outcome = std::make_shared<Outcome>();
    QElapsedTimer sinceCall;
    QVERIFY2(sim.freeze(), qPrintable(sim.lastError()));
    sinceCall.start();
    console.link.acknowledge(id, AlarmVerdict::None, QStringLiteral("seen while frozen"), recordInto(outcome));
    QTest::qWait(2300);  // past the first attempt's deadline, the second one is on its way
    QVERIFY(sim.thaw());
    QTRY_VERIFY_WITH_TIMEOUT(outcome->done, kCallTimeoutMs);
    QVERIFY2(!outcome->error, qPrintable(outcome->error->text));
    // Success after the first attempt's deadline: a later attempt (same request id) got the answer.
    qInfo("acknowledged after %lld ms", sinceCall.elapsed());
    QVERIFY(sinceCall.elapsed() >= 1500);

    std::optional<Alarm> fetched;
    console.link.getAlarm(id, [&](const std::optional<Alarm>& alarm, const std::optional<RpcError>&) {
        fetched = alarm.value_or(Alarm());
    });
    QTRY_VERIFY_WITH_TIMEOUT(fetched.has_value(), kCallTimeoutMs);
    QCOMPARE(fetched->version, 3);  // raised, one comment, one acknowledgement
    int acknowledgements = 0;
    int comments = 0;
    for (const auto& entry : fetched->history) {
        acknowledgements += entry.kind == vigie::rpc::AlarmHistoryEntry::Kind::Acknowledged;
        comments += entry.kind == vigie::rpc::AlarmHistoryEntry::Kind::Commented;
    }
    QCOMPARE(acknowledgements, 1);
    QCOMPARE(comments, 1);
}

void TestAlarmLink::resumesAfterABackendRestartWithoutLoss()
{
    QTemporaryDir journal;
    QVERIFY(journal.isValid());
    const quint16 port = freePort();
    QVERIFY(port != 0);
    const QString address = QStringLiteral("127.0.0.1:%1").arg(port);
    const QStringList arguments = {QStringLiteral("--listen"), address, QStringLiteral("--alarm-journal"),
                                   journal.path(), QStringLiteral("--alarm-rate"), QStringLiteral("0")};

    auto sim = std::make_unique<SimProcess>();
    QVERIFY2(sim->start(arguments), qPrintable(sim->lastError()));
    Console console(address, QStringLiteral("operator"));
    AlarmLink& link = console.link;
    QTRY_VERIFY_WITH_TIMEOUT(link.isLive(), kOnlineTimeoutMs);
    QSignalSpy resets(&link, &AlarmLink::alarmsReset);

    constexpr int kBefore = 200;
    for (int i = 0; i < kBefore; ++i)
        QVERIFY(!raise(*sim, cameraFor(i) + QStringLiteral(" intrusion medium")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(link.book().size(), kBefore, 10000);
    const qint64 sequenceBefore = link.book().lastSequence();

    // Killed: no goodbye, the journal on disk is all that is left.
    QCOMPARE(::kill(pid_t(sim->processId()), SIGKILL), 0);
    sim.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!link.isLive(), 10000);
    QVERIFY(link.downSince().isValid());
    qInfo("alarms down: %s", qPrintable(link.downReason()));
    QCOMPARE(link.book().size(), kBefore);  // kept while down, stale

    // Back on the same address with the same journal; alarms keep coming while the client reconnects.
    sim = std::make_unique<SimProcess>();
    QVERIFY2(sim->start(arguments), qPrintable(sim->lastError()));
    constexpr int kAfter = 200;
    for (int i = 0; i < kAfter; ++i)
        QVERIFY(!raise(*sim, cameraFor(i) + QStringLiteral(" loitering low")).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(link.isLive(), kOnlineTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(link.book().size(), kBefore + kAfter, 10000);
    QVERIFY(link.book().lastSequence() > sequenceBefore);
    QCOMPARE(resets.count(), 0);  // resumed from where it was, not listed again

    // Another operator closes some of them: the resumed stream carries that too.
    Console other(address, QStringLiteral("supervisor"));
    QTRY_VERIFY_WITH_TIMEOUT(other.link.isLive(), kOnlineTimeoutMs);
    const QList<Alarm> all = other.link.activeAlarms();
    QCOMPARE(all.size(), kBefore + kAfter);
    int closing = 0;
    int closedOk = 0;
    for (int i = 0; i < all.size(); i += 20) {
        ++closing;
        other.link.close(all.at(i).id, AlarmVerdict::Test, QString(), [&closedOk](const std::optional<RpcError>& e) {
            closedOk += !e;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(closedOk, closing, kCallTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(link.book().size(), kBefore + kAfter - closing, 10000);
    // Nothing lost, nothing twice: the same alarms at the same versions as a fresh list.
    Console fresh(address, QStringLiteral("operator"));
    QTRY_VERIFY_WITH_TIMEOUT(fresh.link.isLive(), kOnlineTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(versionsOf(link), versionsOf(fresh.link), 5000);
    QCOMPARE(link.book().unacknowledgedCount(), fresh.link.book().unacknowledgedCount());
}

void TestAlarmLink::aChangeRefusedForTheOldSessionIsRetriedWithTheNewOne()
{
    QTemporaryDir journal;
    QVERIFY(journal.isValid());
    const quint16 port = freePort();
    QVERIFY(port != 0);
    const QString address = QStringLiteral("127.0.0.1:%1").arg(port);
    const QStringList arguments = {QStringLiteral("--listen"), address, QStringLiteral("--alarm-journal"),
                                   journal.path(), QStringLiteral("--alarm-rate"), QStringLiteral("0")};
    auto sim = std::make_unique<SimProcess>();
    QVERIFY2(sim->start(arguments), qPrintable(sim->lastError()));
    const QString id = raise(*sim, QStringLiteral("cam-02 intrusion high"));
    QVERIFY(!id.isEmpty());
    Console console(address, QStringLiteral("operator"));
    QTRY_VERIFY_WITH_TIMEOUT(console.link.isLive() && console.link.alarm(id), kOnlineTimeoutMs);

    // The backend restarts and forgets the session; the backend link notices and will log in again.
    QCOMPARE(::kill(pid_t(sim->processId()), SIGKILL), 0);
    sim.reset();
    QTRY_COMPARE_WITH_TIMEOUT(console.client.state(), ConnectionState::Unreachable, 10000);
    sim = std::make_unique<SimProcess>();
    QVERIFY2(sim->start(arguments), qPrintable(sim->lastError()));

    // The operator acknowledges just as the new login starts: the change goes with the old token and is
    // refused. That refusal is no news to the backend link: it must neither throw the login in progress
    // away (and wait out a growing backoff) nor replace the fresh session (and reopen every stream). The
    // change is tried again with the new session.
    QSignalSpy states(&console.client, &BackendClient::stateChanged);
    auto outcome = std::make_shared<Outcome>();
    console.link.acknowledge(id, AlarmVerdict::None, QString(), recordInto(outcome));
    console.client.start();  // what its retry timer would do now
    QTRY_VERIFY_WITH_TIMEOUT(outcome->done && console.link.isLive(), kCallTimeoutMs);
    QStringList transitions;
    int online = 0;
    int unreachable = 0;
    for (const auto& arguments : states) {
        const auto state = arguments.at(0).value<ConnectionState>();
        transitions << QString::number(int(state)) + QLatin1Char(' ') + arguments.at(1).toString();
        online += state == ConnectionState::Online;
        unreachable += state == ConnectionState::Unreachable;
    }
    QVERIFY2(online == 1 && unreachable == 0, qPrintable(transitions.join(u'\n')));
    QCOMPARE(sim->stderrText().count(QStringLiteral("login 'operator'")), 1);  // one session on the new backend
    QVERIFY2(!outcome->error, qPrintable(outcome->error->text));
    QTRY_COMPARE_WITH_TIMEOUT(console.link.alarm(id)->version, 2, 5000);
}

void TestAlarmLink::compactedJournalLeadsToARelist()
{
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--alarm-rate"), QStringLiteral("0")}), qPrintable(sim.lastError()));
    Console console(sim.grpcAddress(), QStringLiteral("operator"));
    AlarmLink& link = console.link;
    QTRY_VERIFY_WITH_TIMEOUT(link.isLive(), kOnlineTimeoutMs);
    for (int i = 0; i < 5; ++i)
        QVERIFY(!raise(sim, cameraFor(i)).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(link.book().size(), 5, 5000);
    QSignalSpy resets(&link, &AlarmLink::alarmsReset);

    // The console loses its session (a wrong password typed at a re-login): the link stops following.
    console.client.setCredentials(QStringLiteral("operator"), QStringLiteral("wrong"));
    console.client.start();
    QTRY_COMPARE_WITH_TIMEOUT(console.client.state(), ConnectionState::AuthFailed, kOnlineTimeoutMs);
    QVERIFY(!link.isLive());

    // Meanwhile alarms come and the backend forgets its change log.
    for (int i = 5; i < 12; ++i)
        QVERIFY(!raise(sim, cameraFor(i)).isEmpty());
    QVERIFY2(sim.command(QStringLiteral("compact-alarms")), qPrintable(sim.lastError()));

    // Back: resuming is refused (RESYNC), so the link lists again and follows from the new snapshot.
    console.client.setCredentials(QStringLiteral("operator"), QStringLiteral("operator"));
    console.client.start();
    QTRY_VERIFY_WITH_TIMEOUT(link.isLive(), kOnlineTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(resets.count(), 1, 5000);
    QCOMPARE(link.book().size(), 12);
    const QString later = raise(sim, QStringLiteral("cam-09 crowd-density high"));
    QTRY_VERIFY_WITH_TIMEOUT(link.alarm(later) != nullptr, 5000);
    Console fresh(sim.grpcAddress(), QStringLiteral("operator"));
    QTRY_VERIFY_WITH_TIMEOUT(fresh.link.isLive(), kOnlineTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(versionsOf(link), versionsOf(fresh.link), 5000);
}

void TestAlarmLink::anotherUserStartsFromAFreshList()
{
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--alarm-rate"), QStringLiteral("0")}), qPrintable(sim.lastError()));
    for (int i = 0; i < 4; ++i)
        QVERIFY(!raise(sim, cameraFor(i)).isEmpty());
    Console console(sim.grpcAddress(), QStringLiteral("operator"));
    AlarmLink& link = console.link;
    QTRY_VERIFY_WITH_TIMEOUT(link.isLive(), kOnlineTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(link.book().size(), 4, 5000);
    QSignalSpy resets(&link, &AlarmLink::alarmsReset);

    // Another operator logs in on the same console (Ctrl+L): the alarms are theirs from the first list,
    // never the previous user's resumed.
    console.client.setCredentials(QStringLiteral("supervisor"), QStringLiteral("supervisor"));
    console.client.start();
    QTRY_COMPARE_WITH_TIMEOUT(console.client.state(), ConnectionState::Online, kOnlineTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(link.isLive(), kOnlineTimeoutMs);
    QVERIFY(resets.count() >= 1);
    Console fresh(sim.grpcAddress(), QStringLiteral("supervisor"));
    QTRY_VERIFY_WITH_TIMEOUT(fresh.link.isLive(), kOnlineTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(versionsOf(link), versionsOf(fresh.link), 5000);
}

void TestAlarmLink::stormArrivesCompleteInFewSignals()
{
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--alarm-rate"), QStringLiteral("0")}), qPrintable(sim.lastError()));
    Console console(sim.grpcAddress(), QStringLiteral("operator"));
    AlarmLink& link = console.link;
    QTRY_VERIFY_WITH_TIMEOUT(link.isLive(), kOnlineTimeoutMs);

    int signalCount = 0;
    QSet<QString> touched;
    qint64 shortestGapMs = std::numeric_limits<qint64>::max();
    QElapsedTimer sinceLast;
    connect(&link, &AlarmLink::alarmsChanged, this, [&](const QStringList& ids) {
        ++signalCount;
        if (sinceLast.isValid())
            shortestGapMs = std::min(shortestGapMs, sinceLast.elapsed());
        sinceLast.start();
        for (const QString& id : ids)
            touched.insert(id);
    });

    QVERIFY2(sim.command(QStringLiteral("alarm-rate 1000")), qPrintable(sim.lastError()));
    QTest::qWait(2000);
    QVERIFY2(sim.command(QStringLiteral("alarm-rate 0")), qPrintable(sim.lastError()));

    // Complete: the same alarms at the same versions as a client that lists them afterwards.
    Console fresh(sim.grpcAddress(), QStringLiteral("operator"));
    QTRY_VERIFY_WITH_TIMEOUT(fresh.link.isLive(), kOnlineTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(versionsOf(link), versionsOf(fresh.link), 10000);
    qInfo("storm: %d alarms touched, %d alarmsChanged signals, shortest gap %lld ms, %d active", int(touched.size()),
          signalCount, shortestGapMs, link.book().size());
    QVERIFY2(touched.size() >= 500, "the storm should have raised hundreds of alarms");
    QVERIFY(link.isLive());
    // Far fewer signals than alarms, and never two within the coalescing interval (timers may fire a
    // little early, hence the margin).
    QVERIFY2(signalCount * 10 < touched.size(), qPrintable(QString::number(signalCount)));
    QVERIFY2(shortestGapMs >= 40, qPrintable(QString::number(shortestGapMs)));
}

QTEST_GUILESS_MAIN(TestAlarmLink)
#include "test_alarm_link.moc"
