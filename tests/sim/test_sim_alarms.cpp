// vigie.v1.AlarmService of vigie-sim through the generated stubs: list then subscribe (replay, the heartbeat
// that ends it, live changes), resuming across a restart (and a crash) with a persistent journal, RESYNC
// after compaction, two clients seeing each other's changes, request_id retries, expected_version, rights,
// assignees, and a storm of 1,000 alarms per second.

// gRPC and generated headers before Qt's: Qt's keyword macros (signals, slots, emit) must not reach them.
#include <grpcpp/grpcpp.h>
#include <vigie/v1/alarms.grpc.pb.h>
#include <vigie/v1/auth.grpc.pb.h>
#include <vigie/v1/system.grpc.pb.h>

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <map>
#include <memory>
#include <set>

#include <signal.h>

#include "SimCalls.h"
#include "SimProcess.h"

using vigie::test::SimProcess;
using namespace std::chrono_literals;
using vigie::v1::SubscribeAlarmsResponse;

namespace {

using vigie::test::callContext;
using vigie::test::describe;

std::string loginOn(const std::shared_ptr<grpc::Channel>& channel, const std::string& user)
{
    return vigie::test::loginOn(channel, user, "poste-" + user);
}

// One SubscribeAlarms stream, ended (cancelled) when destroyed.
struct Subscription {
    std::unique_ptr<grpc::ClientContext> context;
    std::unique_ptr<grpc::ClientReader<SubscribeAlarmsResponse>> reader;

    Subscription() = default;
    Subscription(Subscription&&) = default;
    ~Subscription()
    {
        if (context)
            context->TryCancel();
        if (reader)
            reader->Finish();
    }
    // Reads until a message satisfies `wanted`; false when the stream ends (its deadline included).
    template <typename Predicate>
    bool readUntil(SubscribeAlarmsResponse* message, Predicate wanted)
    {
        while (reader->Read(message)) {
            if (wanted(*message))
                return true;
        }
        return false;
    }
};

int g_requestNumber = 0;
std::string newRequestId() { return "test-request-" + std::to_string(++g_requestNumber); }

} // namespace

class TestSimAlarms : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void serviceIsAnnouncedAndNeedsASession();
    void listThenSubscribeReplaysThenGoesLive();
    void twoClientsSeeEachOthersChanges();
    void retriesWithTheSameRequestIdApplyOnce();
    void staleVersionIsAborted();
    void viewersMayLookButNotChange();
    void assigneesAreTheAlarmManagers();
    void compactionGivesResync();
    void hiddenCamerasHideTheirAlarms();
    void resumingAfterARestartLosesAndRepeatsNothing();
    void resumingAfterACrashMidStormLosesNothing();
    void stormDeliversInOrder();

private:
    bool startSim();
    QString raise(const QString& arguments);
    Subscription subscribe(const std::string& token, std::int64_t after, std::chrono::milliseconds deadline = 30s);
    vigie::v1::Alarm getAlarm(const std::string& id);
    vigie::v1::ListActiveAlarmsResponse list(const std::string& token);

    QTemporaryDir m_temp;
    QStringList m_arguments;
    SimProcess m_sim;
    std::shared_ptr<grpc::Channel> m_channel;
    std::unique_ptr<vigie::v1::AlarmService::Stub> m_alarms;
    std::string m_operator;
    std::string m_supervisor;
    std::string m_viewer;
};

bool TestSimAlarms::startSim()
{
    if (!m_sim.start(m_arguments)) {
        qWarning("%s", qPrintable(m_sim.lastError()));
        return false;
    }
    m_channel = grpc::CreateChannel(m_sim.grpcAddress().toStdString(), grpc::InsecureChannelCredentials());
    m_alarms = vigie::v1::AlarmService::NewStub(m_channel);
    m_operator = loginOn(m_channel, "operator");
    m_supervisor = loginOn(m_channel, "supervisor");
    m_viewer = loginOn(m_channel, "viewer");
    return !m_operator.empty() && !m_supervisor.empty() && !m_viewer.empty();
}

void TestSimAlarms::initTestCase()
{
    QVERIFY(m_temp.isValid());
    // No generated alarms unless a test asks for them: every alarm here is one the test raised.
    m_arguments = {QStringLiteral("--cameras"), QStringLiteral("4"), QStringLiteral("--alarm-rate"),
                   QStringLiteral("0"), QStringLiteral("--alarm-journal"), m_temp.filePath(QStringLiteral("journal"))};
    QVERIFY(startSim());
}

void TestSimAlarms::cleanupTestCase()
{
    m_sim.stop();
    QCOMPARE(m_sim.exitCode(), 0);
}

QString TestSimAlarms::raise(const QString& arguments)
{
    QString reply;
    m_sim.command(QStringLiteral("raise-alarm ") + arguments, &reply);  // answers "ok <id>", not "ok"
    if (!reply.startsWith(QLatin1String("ok "))) {
        qWarning("raise-alarm %s: %s", qPrintable(arguments), qPrintable(reply));
        return {};
    }
    return reply.mid(3);
}

Subscription TestSimAlarms::subscribe(const std::string& token, std::int64_t after, std::chrono::milliseconds deadline)
{
    Subscription subscription;
    subscription.context = callContext(token, deadline);
    vigie::v1::SubscribeAlarmsRequest request;
    request.set_resume_after_sequence(after);
    request.mutable_heartbeat_interval()->set_seconds(1);  // the shortest the backend accepts
    subscription.reader = m_alarms->SubscribeAlarms(subscription.context.get(), request);
    return subscription;
}

vigie::v1::Alarm TestSimAlarms::getAlarm(const std::string& id)
{
    vigie::v1::GetAlarmRequest request;
    request.set_alarm_id(id);
    vigie::v1::GetAlarmResponse response;
    const auto status = m_alarms->GetAlarm(callContext(m_operator).get(), request, &response);
    if (!status.ok())
        qWarning("GetAlarm %s: %s", id.c_str(), qPrintable(describe(status)));
    return response.alarm();
}

vigie::v1::ListActiveAlarmsResponse TestSimAlarms::list(const std::string& token)
{
    vigie::v1::ListActiveAlarmsResponse response;
    const auto status = m_alarms->ListActiveAlarms(callContext(token).get(), {}, &response);
    if (!status.ok())
        qWarning("ListActiveAlarms: %s", qPrintable(describe(status)));
    return response;
}

void TestSimAlarms::serviceIsAnnouncedAndNeedsASession()
{
    auto system = vigie::v1::SystemService::NewStub(m_channel);
    vigie::v1::GetServerInfoResponse info;
    QVERIFY(system->GetServerInfo(callContext().get(), {}, &info).ok());
    const auto& services = info.implemented_services();
    QVERIFY(std::find(services.begin(), services.end(), "vigie.v1.AlarmService") != services.end());

    vigie::v1::ListActiveAlarmsResponse listed;
    QCOMPARE(m_alarms->ListActiveAlarms(callContext().get(), {}, &listed).error_code(), grpc::StatusCode::UNAUTHENTICATED);
    vigie::v1::GetAlarmResponse got;
    vigie::v1::GetAlarmRequest get;
    get.set_alarm_id("alarm-1");
    QCOMPARE(m_alarms->GetAlarm(callContext(m_operator).get(), get, &got).error_code(), grpc::StatusCode::NOT_FOUND);

    auto context = callContext(m_operator);
    vigie::v1::SubscribeMetadataRequest metadata;
    metadata.set_camera_id("cam-01");
    auto reader = m_alarms->SubscribeMetadata(context.get(), metadata);
    // A camera without scene analytics only heartbeats (test_sim_metadata covers the scene cameras).
    vigie::v1::SubscribeMetadataResponse first;
    QVERIFY(reader->Read(&first));
    QVERIFY(first.has_heartbeat());
    context->TryCancel();
    QCOMPARE(reader->Finish().error_code(), grpc::StatusCode::CANCELLED);

    QString reply;
    QVERIFY(!m_sim.command(QStringLiteral("raise-alarm no-such-camera"), &reply));
    QVERIFY(reply.startsWith(QLatin1String("error: ")));
    QVERIFY(!m_sim.command(QStringLiteral("raise-alarm cam-01 face-recognition"), &reply));
    QVERIFY(reply.startsWith(QLatin1String("error: ")));
}

void TestSimAlarms::listThenSubscribeReplaysThenGoesLive()
{
    const QString before = raise(QStringLiteral("cam-01 intrusion high"));
    QVERIFY(!before.isEmpty());
    const auto listed = list(m_operator);
    const auto it = std::find_if(listed.alarms().begin(), listed.alarms().end(),
                                 [&](const auto& alarm) { return alarm.id() == before.toStdString(); });
    QVERIFY(it != listed.alarms().end());
    QCOMPARE(it->type(), vigie::v1::ALARM_TYPE_INTRUSION);
    QCOMPARE(it->priority(), vigie::v1::ALARM_PRIORITY_HIGH);
    QCOMPARE(it->state(), vigie::v1::ALARM_STATE_NEW);
    QVERIFY(it->objects_size() >= 1);
    QVERIFY(listed.snapshot_sequence() >= it->sequence());

    // Raised between the list and the subscription: it must come in the replay.
    const QString between = raise(QStringLiteral("cam-02 line-crossed"));
    QVERIFY(!between.isEmpty());
    auto subscription = subscribe(m_operator, listed.snapshot_sequence());
    SubscribeAlarmsResponse message;
    QVERIFY(subscription.reader->Read(&message));
    QVERIFY2(message.has_alarm(), message.DebugString().c_str());
    QCOMPARE(QString::fromStdString(message.alarm().id()), between);
    QCOMPARE(message.sequence(), message.alarm().sequence());
    QVERIFY(message.alarm().has_line_crossed());
    const std::int64_t replayed = message.sequence();

    // Then the heartbeat that ends the replay, at once (not after the period), with the position.
    QElapsedTimer clock;
    clock.start();
    QVERIFY(subscription.reader->Read(&message));
    QVERIFY2(message.has_heartbeat(), message.DebugString().c_str());
    QVERIFY(clock.elapsed() < 900);
    QCOMPARE(message.sequence(), replayed);

    // Then live changes, and heartbeats at the requested period carrying the current sequence.
    const QString live = raise(QStringLiteral("cam-03 loitering"));
    QVERIFY(subscription.readUntil(&message, [](const auto& m) { return m.has_alarm(); }));
    QCOMPARE(QString::fromStdString(message.alarm().id()), live);
    QVERIFY(message.sequence() > replayed);
    const std::int64_t liveSequence = message.sequence();
    clock.restart();
    QVERIFY(subscription.readUntil(&message, [](const auto& m) { return m.has_heartbeat(); }));
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(message.sequence(), liveSequence);
}

void TestSimAlarms::twoClientsSeeEachOthersChanges()
{
    const QString id = raise(QStringLiteral("cam-01 object-left"));
    const auto alarm = getAlarm(id.toStdString());
    QCOMPARE(alarm.version(), std::int64_t(1));
    auto supervisorView = subscribe(m_supervisor, alarm.sequence());
    SubscribeAlarmsResponse message;
    QVERIFY(supervisorView.readUntil(&message, [](const auto& m) { return m.has_heartbeat(); }));

    vigie::v1::AcknowledgeAlarmRequest request;
    request.set_alarm_id(alarm.id());
    request.set_expected_version(1);
    request.set_request_id(newRequestId());
    request.set_comment("vu");
    vigie::v1::AcknowledgeAlarmResponse response;
    const auto status = m_alarms->AcknowledgeAlarm(callContext(m_operator).get(), request, &response);
    QVERIFY2(status.ok(), qPrintable(describe(status)));
    QCOMPARE(response.alarm().version(), std::int64_t(2));

    QVERIFY(supervisorView.readUntil(&message, [](const auto& m) { return m.has_alarm(); }));
    QCOMPARE(message.alarm().id(), alarm.id());
    QCOMPARE(message.alarm().version(), std::int64_t(2));
    QVERIFY(message.alarm().acknowledged());
    QCOMPARE(message.alarm().acknowledged_by(), std::string("operator"));
    const auto& entry = message.alarm().history(message.alarm().history_size() - 1);
    QCOMPARE(entry.kind(), vigie::v1::ALARM_HISTORY_KIND_ACKNOWLEDGED);
    QCOMPARE(entry.workstation(), std::string("poste-operator"));
    QCOMPARE(entry.comment(), std::string("vu"));

    // And the other way round: the supervisor takes it, the operator's subscription sees it.
    auto operatorView = subscribe(m_operator, message.sequence());
    QVERIFY(operatorView.readUntil(&message, [](const auto& m) { return m.has_heartbeat(); }));
    vigie::v1::TakeAlarmRequest take;
    take.set_alarm_id(alarm.id());
    take.set_expected_version(2);
    take.set_request_id(newRequestId());
    vigie::v1::TakeAlarmResponse taken;
    QVERIFY(m_alarms->TakeAlarm(callContext(m_supervisor).get(), take, &taken).ok());
    QVERIFY(operatorView.readUntil(&message, [](const auto& m) { return m.has_alarm(); }));
    QCOMPARE(message.alarm().state(), vigie::v1::ALARM_STATE_IN_PROGRESS);
    QCOMPARE(message.alarm().assignee(), std::string("supervisor"));

    // Closing an alarm that needs a human verdict without one is refused.
    vigie::v1::CloseAlarmRequest close;
    close.set_alarm_id(alarm.id());
    close.set_expected_version(3);
    close.set_request_id(newRequestId());
    vigie::v1::CloseAlarmResponse closed;
    QCOMPARE(m_alarms->CloseAlarm(callContext(m_supervisor).get(), close, &closed).error_code(),
             grpc::StatusCode::FAILED_PRECONDITION);
    close.set_request_id(newRequestId());
    close.set_verdict(vigie::v1::ALARM_VERDICT_FALSE_ALARM);
    QVERIFY(m_alarms->CloseAlarm(callContext(m_supervisor).get(), close, &closed).ok());
    QCOMPARE(closed.alarm().state(), vigie::v1::ALARM_STATE_CLOSED);
    const auto active = list(m_operator);
    QVERIFY(std::none_of(active.alarms().begin(), active.alarms().end(),
                         [&](const auto& a) { return a.id() == alarm.id(); }));
    QCOMPARE(getAlarm(alarm.id()).state(), vigie::v1::ALARM_STATE_CLOSED);  // still readable
}

void TestSimAlarms::retriesWithTheSameRequestIdApplyOnce()
{
    const QString id = raise(QStringLiteral("cam-02 loitering"));
    vigie::v1::AcknowledgeAlarmRequest request;
    request.set_alarm_id(id.toStdString());
    request.set_expected_version(1);
    request.set_request_id(newRequestId());
    vigie::v1::AcknowledgeAlarmResponse first;
    QVERIFY(m_alarms->AcknowledgeAlarm(callContext(m_operator).get(), request, &first).ok());
    vigie::v1::AcknowledgeAlarmResponse retry;
    const auto status = m_alarms->AcknowledgeAlarm(callContext(m_operator).get(), request, &retry);
    QVERIFY2(status.ok(), qPrintable(describe(status)));
    QCOMPARE(retry.alarm().SerializeAsString(), first.alarm().SerializeAsString());
    QCOMPARE(getAlarm(id.toStdString()).version(), std::int64_t(2));

    // A second acknowledgement (a new request) is refused: it was already seen.
    request.set_expected_version(2);
    const std::string reused = request.request_id();
    request.set_request_id(newRequestId());
    QCOMPARE(m_alarms->AcknowledgeAlarm(callContext(m_operator).get(), request, &retry).error_code(),
             grpc::StatusCode::FAILED_PRECONDITION);
    // The same id for another request, and no id at all, are invalid.
    vigie::v1::HoldAlarmRequest hold;
    hold.set_alarm_id(id.toStdString());
    hold.set_expected_version(2);
    hold.set_request_id(reused);
    vigie::v1::HoldAlarmResponse held;
    QCOMPARE(m_alarms->HoldAlarm(callContext(m_operator).get(), hold, &held).error_code(),
             grpc::StatusCode::INVALID_ARGUMENT);
    hold.clear_request_id();
    QCOMPARE(m_alarms->HoldAlarm(callContext(m_operator).get(), hold, &held).error_code(),
             grpc::StatusCode::INVALID_ARGUMENT);
    hold.set_request_id(newRequestId());
    QVERIFY(m_alarms->HoldAlarm(callContext(m_operator).get(), hold, &held).ok());
    QCOMPARE(held.alarm().state(), vigie::v1::ALARM_STATE_ON_HOLD);
}

void TestSimAlarms::staleVersionIsAborted()
{
    const QString id = raise(QStringLiteral("cam-03 wrong-way"));
    vigie::v1::CommentAlarmRequest comment;
    comment.set_alarm_id(id.toStdString());
    comment.set_request_id(newRequestId());
    comment.set_comment("patrouille en route");
    vigie::v1::CommentAlarmResponse commented;
    QVERIFY(m_alarms->CommentAlarm(callContext(m_supervisor).get(), comment, &commented).ok());  // version 0: no check

    vigie::v1::TakeAlarmRequest take;
    take.set_alarm_id(id.toStdString());
    take.set_expected_version(1);  // what the operator saw before the comment
    take.set_request_id(newRequestId());
    vigie::v1::TakeAlarmResponse taken;
    QCOMPARE(m_alarms->TakeAlarm(callContext(m_operator).get(), take, &taken).error_code(), grpc::StatusCode::ABORTED);
    QCOMPARE(getAlarm(id.toStdString()).state(), vigie::v1::ALARM_STATE_NEW);
}

void TestSimAlarms::viewersMayLookButNotChange()
{
    const QString id = raise(QStringLiteral("cam-04 crowd-density"));
    const auto listed = list(m_viewer);
    QVERIFY(std::any_of(listed.alarms().begin(), listed.alarms().end(),
                        [&](const auto& a) { return a.id() == id.toStdString(); }));
    vigie::v1::AcknowledgeAlarmRequest request;
    request.set_alarm_id(id.toStdString());
    request.set_expected_version(1);
    request.set_request_id(newRequestId());
    vigie::v1::AcknowledgeAlarmResponse response;
    QCOMPARE(m_alarms->AcknowledgeAlarm(callContext(m_viewer).get(), request, &response).error_code(),
             grpc::StatusCode::PERMISSION_DENIED);
    QVERIFY(!getAlarm(id.toStdString()).acknowledged());
}

void TestSimAlarms::assigneesAreTheAlarmManagers()
{
    vigie::v1::ListAssigneesRequest request;
    request.set_camera_id("cam-01");
    vigie::v1::ListAssigneesResponse response;
    QVERIFY(m_alarms->ListAssignees(callContext(m_viewer).get(), request, &response).ok());
    std::map<std::string, bool> online;
    for (const auto& assignee : response.assignees())
        online[assignee.user()] = assignee.online();
    const std::map<std::string, bool> expected = {{"operator", true}, {"supervisor", true}, {"admin", false}};
    QCOMPARE(online, expected);
    request.set_camera_id("cam-99");
    QCOMPARE(m_alarms->ListAssignees(callContext(m_viewer).get(), request, &response).error_code(),
             grpc::StatusCode::NOT_FOUND);

    const QString id = raise(QStringLiteral("cam-01 intrusion"));
    vigie::v1::AssignAlarmRequest assign;
    assign.set_alarm_id(id.toStdString());
    assign.set_expected_version(1);
    assign.set_request_id(newRequestId());
    assign.set_assignee("viewer");  // may not manage alarms
    vigie::v1::AssignAlarmResponse assigned;
    QCOMPARE(m_alarms->AssignAlarm(callContext(m_operator).get(), assign, &assigned).error_code(),
             grpc::StatusCode::INVALID_ARGUMENT);
    assign.set_request_id(newRequestId());
    assign.set_assignee("admin");
    QVERIFY(m_alarms->AssignAlarm(callContext(m_operator).get(), assign, &assigned).ok());
    QCOMPARE(assigned.alarm().assignee(), std::string("admin"));
    QCOMPARE(assigned.alarm().assignee_display_name(), std::string("Administrateur"));
}

void TestSimAlarms::compactionGivesResync()
{
    const QString id = raise(QStringLiteral("cam-02 intrusion"));
    const std::int64_t old = getAlarm(id.toStdString()).sequence();
    raise(QStringLiteral("cam-02 loitering"));
    QVERIFY(m_sim.command(QStringLiteral("compact-alarms")));

    auto subscription = subscribe(m_operator, old);
    SubscribeAlarmsResponse message;
    QVERIFY(subscription.reader->Read(&message));
    QVERIFY2(message.has_resync(), message.DebugString().c_str());
    QCOMPARE(message.resync().oldest_sequence(), old + 1);
    QVERIFY(!subscription.reader->Read(&message));  // the last message
    QVERIFY(subscription.reader->Finish().ok());
    subscription.reader.reset();

    // From the new snapshot, the subscription works again.
    const auto listed = list(m_operator);
    auto fresh = subscribe(m_operator, listed.snapshot_sequence());
    QVERIFY(fresh.reader->Read(&message));
    QVERIFY(message.has_heartbeat());
    QCOMPARE(message.sequence(), listed.snapshot_sequence());
}

void TestSimAlarms::hiddenCamerasHideTheirAlarms()
{
    // A second simulator whose user "quai" manages alarms everywhere but may not see cam-02.
    const QString config = m_temp.filePath(QStringLiteral("rights.json"));
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"users": [
        {"name": "operator", "password": "operator", "roles": ["ROLE_OPERATOR"]},
        {"name": "quai", "password": "quai", "roles": ["ROLE_OPERATOR"], "rights": [
            {"camera_id": "", "rights": ["RIGHT_VIEW_LIVE", "RIGHT_MANAGE_ALARMS"]},
            {"camera_id": "cam-02", "rights": []}]}],
      "generated_cameras": 3, "alarm_rate": 0})");
    file.close();
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--config"), config}), qPrintable(sim.lastError()));
    auto channel = grpc::CreateChannel(sim.grpcAddress().toStdString(), grpc::InsecureChannelCredentials());
    auto alarms = vigie::v1::AlarmService::NewStub(channel);
    const std::string quai = loginOn(channel, "quai");
    QVERIFY(!quai.empty());

    vigie::v1::ListActiveAlarmsResponse listed;
    QVERIFY(alarms->ListActiveAlarms(callContext(quai).get(), {}, &listed).ok());
    auto context = callContext(quai, 20s);
    vigie::v1::SubscribeAlarmsRequest request;
    request.set_resume_after_sequence(listed.snapshot_sequence());
    auto reader = alarms->SubscribeAlarms(context.get(), request);

    QString hidden;
    QString visible;
    QVERIFY(sim.command(QStringLiteral("raise-alarm cam-02 intrusion"), &hidden) || hidden.startsWith("ok "));
    QVERIFY(sim.command(QStringLiteral("raise-alarm cam-01 intrusion"), &visible) || visible.startsWith("ok "));
    const std::string hiddenId = hidden.mid(3).toStdString();
    const std::string visibleId = visible.mid(3).toStdString();

    // The subscription skips the hidden camera's alarm.
    SubscribeAlarmsResponse message;
    while (reader->Read(&message) && !message.has_alarm()) {
    }
    QVERIFY(message.has_alarm());
    QCOMPARE(message.alarm().id(), visibleId);
    context->TryCancel();
    reader->Finish();

    QVERIFY(alarms->ListActiveAlarms(callContext(quai).get(), {}, &listed).ok());
    QCOMPARE(listed.alarms_size(), 1);
    QCOMPARE(listed.alarms(0).id(), visibleId);
    vigie::v1::GetAlarmRequest get;
    get.set_alarm_id(hiddenId);
    vigie::v1::GetAlarmResponse got;
    QCOMPARE(alarms->GetAlarm(callContext(quai).get(), get, &got).error_code(), grpc::StatusCode::NOT_FOUND);
    vigie::v1::AcknowledgeAlarmRequest ack;
    ack.set_alarm_id(hiddenId);
    ack.set_expected_version(1);
    ack.set_request_id(newRequestId());
    vigie::v1::AcknowledgeAlarmResponse acked;
    QCOMPARE(alarms->AcknowledgeAlarm(callContext(quai).get(), ack, &acked).error_code(), grpc::StatusCode::NOT_FOUND);

    // Assignees follow the rights per camera; "quai" is online, "operator" is not logged in here.
    const std::string operatorToken = loginOn(channel, "operator");
    vigie::v1::ListAssigneesRequest assignees;
    assignees.set_camera_id("cam-02");
    vigie::v1::ListAssigneesResponse listedAssignees;
    QVERIFY(alarms->ListAssignees(callContext(operatorToken).get(), assignees, &listedAssignees).ok());
    QCOMPARE(listedAssignees.assignees_size(), 1);
    QCOMPARE(listedAssignees.assignees(0).user(), std::string("operator"));
    assignees.set_camera_id("cam-01");
    QVERIFY(alarms->ListAssignees(callContext(operatorToken).get(), assignees, &listedAssignees).ok());
    QCOMPARE(listedAssignees.assignees_size(), 2);
    QCOMPARE(listedAssignees.assignees(1).user(), std::string("quai"));
    QVERIFY(listedAssignees.assignees(1).online());
    sim.stop();
    QCOMPARE(sim.exitCode(), 0);
}

void TestSimAlarms::resumingAfterARestartLosesAndRepeatsNothing()
{
    // Changes before and after the resume point, then a restart on the same journal directory.
    const QString a = raise(QStringLiteral("cam-01 loitering"));
    const QString b = raise(QStringLiteral("cam-02 loitering"));
    const std::int64_t resumePoint = getAlarm(b.toStdString()).sequence();
    const QString c = raise(QStringLiteral("cam-03 loitering"));
    vigie::v1::AcknowledgeAlarmRequest ack;
    ack.set_alarm_id(b.toStdString());
    ack.set_expected_version(1);
    ack.set_request_id(newRequestId());
    vigie::v1::AcknowledgeAlarmResponse acked;
    QVERIFY(m_alarms->AcknowledgeAlarm(callContext(m_operator).get(), ack, &acked).ok());
    const std::int64_t lastBefore = acked.alarm().sequence();
    const auto bBefore = acked.alarm();
    const auto cBefore = getAlarm(c.toStdString());

    m_sim.stop();
    QCOMPARE(m_sim.exitCode(), 0);
    QVERIFY(startSim());

    auto subscription = subscribe(m_operator, resumePoint);
    std::vector<vigie::v1::Alarm> replay;
    SubscribeAlarmsResponse message;
    while (subscription.reader->Read(&message) && message.has_alarm())
        replay.push_back(message.alarm());
    QVERIFY2(message.has_heartbeat(), message.DebugString().c_str());
    QCOMPARE(message.sequence(), lastBefore);
    QCOMPARE(replay.size(), std::size_t(2));
    QCOMPARE(replay[0].SerializeAsString(), cBefore.SerializeAsString());
    QCOMPARE(replay[1].SerializeAsString(), bBefore.SerializeAsString());
    QCOMPARE(getAlarm(a.toStdString()).version(), std::int64_t(1));

    // Sequences go on after the restart; a retry of a change made before it is still recognised.
    const QString d = raise(QStringLiteral("cam-04 loitering"));
    QVERIFY(subscription.readUntil(&message, [](const auto& m) { return m.has_alarm(); }));
    QCOMPARE(QString::fromStdString(message.alarm().id()), d);
    QCOMPARE(message.sequence(), lastBefore + 1);
    vigie::v1::AcknowledgeAlarmResponse retried;
    QVERIFY(m_alarms->AcknowledgeAlarm(callContext(m_operator).get(), ack, &retried).ok());
    QCOMPARE(retried.alarm().SerializeAsString(), bBefore.SerializeAsString());
}

void TestSimAlarms::resumingAfterACrashMidStormLosesNothing()
{
    // A subscriber follows a storm; the simulator is killed (SIGKILL) in the middle of it and restarted
    // on the same journal; the subscriber resumes from the last sequence it received. Every alarm of the
    // storm that the restarted simulator knows must have been received exactly once.
    const std::int64_t origin = list(m_operator).snapshot_sequence();
    std::map<std::string, std::int64_t> received;  // id -> version
    std::int64_t position = origin;
    int duplicates = 0;
    auto take = [&](const SubscribeAlarmsResponse& message) {
        if (message.has_alarm()) {
            const auto [it, inserted] = received.emplace(message.alarm().id(), message.alarm().version());
            if (!inserted)
                ++duplicates;  // storm alarms never change: a second event is a duplicate
        }
        position = message.sequence();
    };
    {
        auto subscription = subscribe(m_operator, position, 20s);
        QVERIFY(m_sim.command(QStringLiteral("alarm-rate 400")));
        SubscribeAlarmsResponse message;
        while (received.size() < 300 && subscription.reader->Read(&message))
            take(message);
        QVERIFY2(received.size() >= 300, qPrintable(QString::number(received.size())));
        ::kill(static_cast<pid_t>(m_sim.processId()), SIGKILL);
        while (subscription.reader->Read(&message))  // what was sent before the kill
            take(message);
    }
    m_sim.stop();
    QVERIFY(startSim());  // the storm does not go on: --alarm-rate 0 on the command line

    auto resumed = subscribe(m_operator, position, 20s);
    SubscribeAlarmsResponse message;
    while (resumed.reader->Read(&message) && message.has_alarm())
        take(message);
    QVERIFY2(message.has_heartbeat(), message.DebugString().c_str());  // the end of the replay, no resync
    QCOMPARE(duplicates, 0);

    std::size_t known = 0;
    const auto after = list(m_operator);
    for (const auto& alarm : after.alarms()) {
        if (alarm.sequence() <= origin)
            continue;
        ++known;
        const auto it = received.find(alarm.id());
        QVERIFY2(it != received.end(), alarm.id().c_str());
        QCOMPARE(it->second, alarm.version());
    }
    QCOMPARE(known, received.size());  // and nothing received is unknown after the restart
    QCOMPARE(message.sequence(), after.snapshot_sequence());
}

void TestSimAlarms::stormDeliversInOrder()
{
    const auto listed = list(m_operator);
    auto subscription = subscribe(m_operator, listed.snapshot_sequence(), 30s);
    SubscribeAlarmsResponse message;
    QVERIFY(subscription.reader->Read(&message));
    QVERIFY(message.has_heartbeat());
    std::int64_t last = message.sequence();

    QVERIFY(m_sim.command(QStringLiteral("alarm-rate 1000")));
    QElapsedTimer clock;
    clock.start();
    int alarms = 0;
    bool ordered = true;
    bool stopped = false;
    while (subscription.reader->Read(&message)) {
        if (message.has_alarm()) {
            ++alarms;
            ordered = ordered && message.sequence() > last;
            last = message.sequence();
        }
        if (!stopped && clock.elapsed() >= 2000) {
            QVERIFY(m_sim.command(QStringLiteral("alarm-rate 0")));
            stopped = true;
        }
        // A heartbeat well after the stop: everything raised before it has been delivered.
        if (stopped && message.has_heartbeat() && clock.elapsed() >= 3500)
            break;
    }
    QVERIFY(stopped);
    QVERIFY(ordered);
    QVERIFY2(alarms >= 1500, qPrintable(QString::number(alarms)));
}

QTEST_GUILESS_MAIN(TestSimAlarms)
#include "test_sim_alarms.moc"
