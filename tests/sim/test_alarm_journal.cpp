// The alarm journal on its own: the state machine, versions and sequences, expected_version, request_id
// retries, the coalescing replay, compaction and RESYNC, persistence (reopen, snapshot, torn record), and
// the generator's drafts.

#include "AlarmGenerator.h"
#include "AlarmJournal.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <thread>

using vigie::sim::AlarmGenerator;
using vigie::sim::AlarmJournal;
using namespace std::chrono_literals;
using Action = AlarmJournal::Action;

Q_DECLARE_METATYPE(AlarmJournal::Action)
Q_DECLARE_METATYPE(grpc::StatusCode)
Q_DECLARE_METATYPE(vigie::v1::AlarmState)

namespace {

// 2026-01-15 10:00:00 UTC, moved by hand.
std::chrono::system_clock::time_point g_now = std::chrono::system_clock::time_point(std::chrono::seconds(1768471200));

AlarmJournal::Settings settings(const QString& directory = {})
{
    AlarmJournal::Settings s;
    s.directory = directory.toStdString();
    s.clock = [] { return g_now; };
    return s;
}

vigie::v1::Alarm draftOf(vigie::v1::AlarmType type, const std::string& camera = "cam-01")
{
    return AlarmGenerator::draft(7, {camera, "Parvis"}, type, vigie::v1::ALARM_PRIORITY_UNSPECIFIED, g_now);
}

std::string raiseOne(AlarmJournal& journal, vigie::v1::AlarmType type = vigie::v1::ALARM_TYPE_LOITERING)
{
    const auto raised = journal.raise({draftOf(type)});
    return raised.empty() ? std::string() : raised.front().id();
}

const AlarmJournal::Actor kOperator{"operator", "Opérateur", "poste-1"};
const AlarmJournal::Actor kSupervisor{"supervisor", "Superviseur", "poste-2"};

int g_requests = 0;

AlarmJournal::Change change(Action action, const std::string& alarmId, std::int64_t expectedVersion,
                            vigie::v1::AlarmVerdict verdict = vigie::v1::ALARM_VERDICT_UNSPECIFIED,
                            const std::string& comment = {})
{
    AlarmJournal::Change c;
    c.action = action;
    c.alarmId = alarmId;
    c.expectedVersion = expectedVersion;
    c.requestId = "req-" + std::to_string(++g_requests);
    c.verdict = verdict;
    c.comment = comment;
    return c;
}

// Applies `action` on the alarm at its current version.
AlarmJournal::Outcome act(AlarmJournal& journal, Action action, const std::string& alarmId,
                          vigie::v1::AlarmVerdict verdict = vigie::v1::ALARM_VERDICT_UNSPECIFIED,
                          const std::string& comment = {})
{
    const auto alarm = journal.alarm(alarmId);
    return journal.apply(change(action, alarmId, alarm ? alarm->version() : 0, verdict, comment), kOperator);
}

std::vector<std::string> serialised(const std::vector<vigie::v1::Alarm>& alarms)
{
    std::vector<std::string> result;
    for (const auto& alarm : alarms)
        result.push_back(alarm.SerializeAsString());
    return result;
}

AlarmJournal::Update changesAfter(const AlarmJournal& journal, std::int64_t after, std::size_t limit = 1000)
{
    return journal.waitForChanges(after, std::chrono::steady_clock::now(), limit);
}

} // namespace

class TestAlarmJournal : public QObject {
    Q_OBJECT

private slots:
    void raisingNumbersAlarms();
    void stateMachine_data();
    void stateMachine();
    void takingAcknowledgesAndAssigns();
    void acknowledgingTwiceFailsAndKeepsTheVerdict();
    void closingNeedsAVerdictWhenConfirmationIsNeeded();
    void staleVersionIsAborted();
    void retriesAreIdempotent();
    void commentsAndAssignments();
    void replayCoalescesChangesOfOneAlarm();
    void compactionAndWindowGiveResync();
    void tooManyActiveAlarmsCloseTheOldest();
    void waitersWakeOnChangeAndClose();
    void persistenceKeepsStateAndSequences();
    void snapshotsReplaceTheLog();
    void tornLastRecordIsIgnored();
    void generatorDraftsAreDeterministicAndPlausible();
};

void TestAlarmJournal::raisingNumbersAlarms()
{
    AlarmJournal journal(settings());
    QVERIFY(journal.open(nullptr));
    const std::int64_t start = journal.sequence();
    const auto raised = journal.raise({draftOf(vigie::v1::ALARM_TYPE_INTRUSION), draftOf(vigie::v1::ALARM_TYPE_LOITERING)});
    QCOMPARE(raised.size(), std::size_t(2));
    QCOMPARE(raised[0].sequence(), start + 1);
    QCOMPARE(raised[1].sequence(), start + 2);
    QVERIFY(raised[0].id() != raised[1].id());
    for (const auto& alarm : raised) {
        QCOMPARE(alarm.version(), std::int64_t(1));
        QCOMPARE(alarm.state(), vigie::v1::ALARM_STATE_NEW);
        QCOMPARE(alarm.history_size(), 1);
        QCOMPARE(alarm.history(0).kind(), vigie::v1::ALARM_HISTORY_KIND_RAISED);
        QCOMPARE(alarm.history(0).version(), std::int64_t(1));
        QCOMPARE(alarm.raised_at().seconds(), std::int64_t(1768471200));
        QCOMPARE(alarm.updated_at().seconds(), alarm.raised_at().seconds());
        QVERIFY(!alarm.acknowledged());
    }
    QCOMPARE(journal.sequence(), start + 2);
    // A fresh journal starts at its creation time in milliseconds, everything before compacted.
    QCOMPARE(start, std::int64_t(1768471200) * 1000);
    QCOMPARE(journal.oldestResumePoint(), start);
}

void TestAlarmJournal::stateMachine_data()
{
    QTest::addColumn<QString>("before");  // actions bringing a loitering alarm to the starting state
    QTest::addColumn<AlarmJournal::Action>("action");
    QTest::addColumn<grpc::StatusCode>("code");
    QTest::addColumn<vigie::v1::AlarmState>("after");

    using S = vigie::v1::AlarmState;
    const auto ok = grpc::StatusCode::OK;
    const auto refused = grpc::StatusCode::FAILED_PRECONDITION;
    QTest::newRow("new take") << QStringLiteral("") << Action::Take << ok << S::ALARM_STATE_IN_PROGRESS;
    QTest::newRow("new hold") << QStringLiteral("") << Action::Hold << ok << S::ALARM_STATE_ON_HOLD;
    QTest::newRow("new close") << QStringLiteral("") << Action::Close << ok << S::ALARM_STATE_CLOSED;
    QTest::newRow("new acknowledge") << QStringLiteral("") << Action::Acknowledge << ok << S::ALARM_STATE_NEW;
    QTest::newRow("new comment") << QStringLiteral("") << Action::Comment << ok << S::ALARM_STATE_NEW;
    QTest::newRow("new assign") << QStringLiteral("") << Action::Assign << ok << S::ALARM_STATE_NEW;
    QTest::newRow("in progress take") << QStringLiteral("take") << Action::Take << refused << S::ALARM_STATE_IN_PROGRESS;
    QTest::newRow("in progress hold") << QStringLiteral("take") << Action::Hold << ok << S::ALARM_STATE_ON_HOLD;
    QTest::newRow("in progress close") << QStringLiteral("take") << Action::Close << ok << S::ALARM_STATE_CLOSED;
    QTest::newRow("on hold take") << QStringLiteral("hold") << Action::Take << ok << S::ALARM_STATE_IN_PROGRESS;
    QTest::newRow("on hold hold") << QStringLiteral("hold") << Action::Hold << refused << S::ALARM_STATE_ON_HOLD;
    QTest::newRow("on hold close") << QStringLiteral("take hold") << Action::Close << ok << S::ALARM_STATE_CLOSED;
    QTest::newRow("closed take") << QStringLiteral("close") << Action::Take << refused << S::ALARM_STATE_CLOSED;
    QTest::newRow("closed hold") << QStringLiteral("close") << Action::Hold << refused << S::ALARM_STATE_CLOSED;
    QTest::newRow("closed close") << QStringLiteral("close") << Action::Close << refused << S::ALARM_STATE_CLOSED;
    QTest::newRow("closed acknowledge") << QStringLiteral("close") << Action::Acknowledge << refused << S::ALARM_STATE_CLOSED;
    QTest::newRow("closed assign") << QStringLiteral("close") << Action::Assign << refused << S::ALARM_STATE_CLOSED;
    QTest::newRow("closed comment") << QStringLiteral("close") << Action::Comment << ok << S::ALARM_STATE_CLOSED;
}

void TestAlarmJournal::stateMachine()
{
    QFETCH(QString, before);
    QFETCH(AlarmJournal::Action, action);
    QFETCH(grpc::StatusCode, code);
    QFETCH(vigie::v1::AlarmState, after);

    AlarmJournal journal(settings());
    const std::string id = raiseOne(journal);
    for (const QString& step : before.split(' ', Qt::SkipEmptyParts)) {
        const Action prepare = step == "take" ? Action::Take : step == "hold" ? Action::Hold : Action::Close;
        QVERIFY(act(journal, prepare, id).status.ok());
    }
    const std::int64_t versionBefore = journal.alarm(id)->version();
    const std::int64_t sequenceBefore = journal.sequence();
    const auto outcome = act(journal, action, id, vigie::v1::ALARM_VERDICT_UNSPECIFIED, "note");
    QCOMPARE(outcome.status.error_code(), code);
    const auto alarm = journal.alarm(id);
    QCOMPARE(alarm->state(), after);
    if (code == grpc::StatusCode::OK) {
        QCOMPARE(alarm->version(), versionBefore + 1);
        QCOMPARE(alarm->sequence(), sequenceBefore + 1);
        QCOMPARE(outcome.alarm.SerializeAsString(), alarm->SerializeAsString());
        QCOMPARE(alarm->history(alarm->history_size() - 1).version(), alarm->version());
        QCOMPARE(alarm->history(alarm->history_size() - 1).comment(), std::string("note"));
        QCOMPARE(alarm->has_closed_at(), after == vigie::v1::ALARM_STATE_CLOSED);
    } else {
        QCOMPARE(alarm->version(), versionBefore);
        QCOMPARE(journal.sequence(), sequenceBefore);
    }
}

void TestAlarmJournal::takingAcknowledgesAndAssigns()
{
    AlarmJournal journal(settings());
    const std::string id = raiseOne(journal);
    g_now += 5s;
    const auto outcome = journal.apply(change(Action::Take, id, 1), kOperator);
    QVERIFY(outcome.status.ok());
    const auto& alarm = outcome.alarm;
    QCOMPARE(alarm.state(), vigie::v1::ALARM_STATE_IN_PROGRESS);
    QVERIFY(alarm.acknowledged());
    QCOMPARE(alarm.acknowledged_by(), std::string("operator"));
    QCOMPARE(alarm.acknowledged_by_display_name(), std::string("Opérateur"));
    QCOMPARE(alarm.acknowledged_at().seconds(), std::int64_t(1768471205));
    QCOMPARE(alarm.assignee(), std::string("operator"));
    QCOMPARE(alarm.updated_at().seconds(), std::int64_t(1768471205));
    QCOMPARE(alarm.history_size(), 3);
    QCOMPARE(alarm.history(1).kind(), vigie::v1::ALARM_HISTORY_KIND_ACKNOWLEDGED);
    QCOMPARE(alarm.history(2).kind(), vigie::v1::ALARM_HISTORY_KIND_STATE_CHANGED);
    QCOMPARE(alarm.history(2).from_state(), vigie::v1::ALARM_STATE_NEW);
    QCOMPARE(alarm.history(2).to_state(), vigie::v1::ALARM_STATE_IN_PROGRESS);
    QCOMPARE(alarm.history(2).user(), std::string("operator"));
    QCOMPARE(alarm.history(2).workstation(), std::string("poste-1"));
    QCOMPARE(alarm.history(2).assignee(), std::string("operator"));
    QCOMPARE(alarm.history(2).version(), std::int64_t(2));

    // Holding an acknowledged alarm does not acknowledge it again.
    const auto held = journal.apply(change(Action::Hold, id, 2), kSupervisor);
    QVERIFY(held.status.ok());
    QCOMPARE(held.alarm.history_size(), 4);
    QCOMPARE(held.alarm.acknowledged_by(), std::string("operator"));
}

void TestAlarmJournal::acknowledgingTwiceFailsAndKeepsTheVerdict()
{
    AlarmJournal journal(settings());
    const std::string id = raiseOne(journal);
    const auto first = journal.apply(change(Action::Acknowledge, id, 1, vigie::v1::ALARM_VERDICT_FALSE_ALARM), kOperator);
    QVERIFY(first.status.ok());
    QCOMPARE(first.alarm.state(), vigie::v1::ALARM_STATE_NEW);
    QCOMPARE(first.alarm.verdict(), vigie::v1::ALARM_VERDICT_FALSE_ALARM);
    QCOMPARE(first.alarm.history(1).verdict(), vigie::v1::ALARM_VERDICT_FALSE_ALARM);
    const auto second = journal.apply(change(Action::Acknowledge, id, 2), kSupervisor);
    QCOMPARE(second.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    QCOMPARE(journal.alarm(id)->acknowledged_by(), std::string("operator"));
}

void TestAlarmJournal::closingNeedsAVerdictWhenConfirmationIsNeeded()
{
    AlarmJournal journal(settings());
    const std::string id = raiseOne(journal, vigie::v1::ALARM_TYPE_INTRUSION);
    QVERIFY(journal.alarm(id)->needs_human_confirmation());
    QCOMPARE(journal.apply(change(Action::Close, id, 1), kOperator).status.error_code(),
             grpc::StatusCode::FAILED_PRECONDITION);
    const auto closed = journal.apply(change(Action::Close, id, 1, vigie::v1::ALARM_VERDICT_CONFIRMED), kOperator);
    QVERIFY(closed.status.ok());
    QCOMPARE(closed.alarm.verdict(), vigie::v1::ALARM_VERDICT_CONFIRMED);
    QVERIFY(closed.alarm.acknowledged());

    // A verdict given earlier (with the acknowledgement) is enough.
    const std::string other = raiseOne(journal, vigie::v1::ALARM_TYPE_OBJECT_LEFT);
    QVERIFY(journal.apply(change(Action::Acknowledge, other, 1, vigie::v1::ALARM_VERDICT_TEST), kOperator).status.ok());
    QVERIFY(journal.apply(change(Action::Close, other, 2), kOperator).status.ok());
}

void TestAlarmJournal::staleVersionIsAborted()
{
    AlarmJournal journal(settings());
    const std::string id = raiseOne(journal);
    QVERIFY(act(journal, Action::Acknowledge, id).status.ok());  // version 2
    const auto stale = journal.apply(change(Action::Take, id, 1), kSupervisor);
    QCOMPARE(stale.status.error_code(), grpc::StatusCode::ABORTED);
    QCOMPARE(stale.alarm.version(), std::int64_t(2));  // the current state, for the client to show
    QCOMPARE(journal.apply(change(Action::Take, id, 0), kSupervisor).status.error_code(), grpc::StatusCode::ABORTED);
    // Comments never conflict with 0; any other value is checked.
    QVERIFY(journal.apply(change(Action::Comment, id, 0, {}, "patrouille prévenue"), kOperator).status.ok());
    QCOMPARE(journal.apply(change(Action::Comment, id, 2, {}, "x"), kOperator).status.error_code(),
             grpc::StatusCode::ABORTED);
    QVERIFY(journal.apply(change(Action::Comment, id, 3, {}, "x"), kOperator).status.ok());
    QCOMPARE(journal.alarm(id)->version(), std::int64_t(4));
}

void TestAlarmJournal::retriesAreIdempotent()
{
    AlarmJournal journal(settings());
    const std::string id = raiseOne(journal);
    auto take = change(Action::Take, id, 1, vigie::v1::ALARM_VERDICT_UNSPECIFIED, "je prends");
    const auto first = journal.apply(take, kOperator);
    QVERIFY(first.status.ok());
    QVERIFY(!first.replayed);
    const std::int64_t sequence = journal.sequence();

    // The retry gets the first call's result, although its expected_version is now stale.
    const auto retry = journal.apply(take, kOperator);
    QVERIFY(retry.status.ok());
    QVERIFY(retry.replayed);
    QCOMPARE(retry.alarm.SerializeAsString(), first.alarm.SerializeAsString());
    QCOMPARE(journal.sequence(), sequence);

    // Still the first result after a later change.
    QVERIFY(act(journal, Action::Hold, id).status.ok());
    const auto late = journal.apply(take, kOperator);
    QVERIFY(late.replayed);
    QCOMPARE(late.alarm.version(), std::int64_t(2));
    QCOMPARE(journal.alarm(id)->state(), vigie::v1::ALARM_STATE_ON_HOLD);

    // The same id for another request, or from another user, is refused.
    auto reused = take;
    reused.comment = "autre chose";
    QCOMPARE(journal.apply(reused, kOperator).status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    QCOMPARE(journal.apply(take, kSupervisor).status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    auto hold = change(Action::Hold, id, 3);
    hold.requestId = take.requestId;
    QCOMPARE(journal.apply(hold, kOperator).status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);

    // A request id is required.
    auto anonymous = change(Action::Comment, id, 0, {}, "x");
    anonymous.requestId.clear();
    QCOMPARE(journal.apply(anonymous, kOperator).status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);

    // Refused requests are not remembered: once the cause is gone, the same id applies.
    auto ack = change(Action::Acknowledge, id, 1);
    QCOMPARE(journal.apply(ack, kOperator).status.error_code(), grpc::StatusCode::ABORTED);

    // Ids are forgotten oldest first beyond the configured bound.
    auto bounded = settings();
    bounded.rememberedRequests = 2;
    AlarmJournal small(bounded);
    const std::string alarm = raiseOne(small);
    const auto c1 = change(Action::Comment, alarm, 0, {}, "1");
    QVERIFY(small.apply(c1, kOperator).status.ok());
    QVERIFY(small.apply(change(Action::Comment, alarm, 0, {}, "2"), kOperator).status.ok());
    QVERIFY(small.apply(c1, kOperator).replayed);
    QVERIFY(small.apply(change(Action::Comment, alarm, 0, {}, "3"), kOperator).status.ok());
    const auto forgotten = small.apply(c1, kOperator);
    QVERIFY(forgotten.status.ok());
    QVERIFY(!forgotten.replayed);
}

void TestAlarmJournal::commentsAndAssignments()
{
    AlarmJournal journal(settings());
    const std::string id = raiseOne(journal);
    QCOMPARE(journal.apply(change(Action::Comment, id, 0), kOperator).status.error_code(),
             grpc::StatusCode::INVALID_ARGUMENT);
    std::string accents;
    for (int i = 0; i < 4000; ++i)
        accents += "é";  // 4000 characters, 8000 bytes: allowed
    QVERIFY(journal.apply(change(Action::Comment, id, 0, {}, accents), kOperator).status.ok());
    QCOMPARE(journal.apply(change(Action::Comment, id, 0, {}, accents + "e"), kOperator).status.error_code(),
             grpc::StatusCode::INVALID_ARGUMENT);
    QCOMPARE(journal.alarm(id)->history(1).kind(), vigie::v1::ALARM_HISTORY_KIND_COMMENTED);

    auto assign = change(Action::Assign, id, 2);
    assign.assignee = "supervisor";
    assign.assigneeDisplayName = "Superviseur";
    const auto assigned = journal.apply(assign, kOperator);
    QVERIFY(assigned.status.ok());
    QCOMPARE(assigned.alarm.assignee(), std::string("supervisor"));
    QCOMPARE(assigned.alarm.assignee_display_name(), std::string("Superviseur"));
    QCOMPARE(assigned.alarm.state(), vigie::v1::ALARM_STATE_NEW);
    QVERIFY(!assigned.alarm.acknowledged());  // assigning is not seeing
    const auto& entry = assigned.alarm.history(2);
    QCOMPARE(entry.kind(), vigie::v1::ALARM_HISTORY_KIND_ASSIGNED);
    QCOMPARE(entry.assignee(), std::string("supervisor"));

    auto unassign = change(Action::Assign, id, 3);
    const auto unassigned = journal.apply(unassign, kOperator);
    QVERIFY(unassigned.status.ok());
    QVERIFY(unassigned.alarm.assignee().empty());
    QCOMPARE(journal.apply(change(Action::Take, "alarm-0", 1), kOperator).status.error_code(),
             grpc::StatusCode::NOT_FOUND);
}

void TestAlarmJournal::replayCoalescesChangesOfOneAlarm()
{
    AlarmJournal journal(settings());
    const std::int64_t start = journal.sequence();
    const std::string a = raiseOne(journal);
    const std::string b = raiseOne(journal);
    QVERIFY(act(journal, Action::Acknowledge, a).status.ok());
    QVERIFY(act(journal, Action::Take, a).status.ok());
    QVERIFY(act(journal, Action::Hold, a).status.ok());
    QCOMPARE(journal.sequence(), start + 5);

    auto update = changesAfter(journal, start);
    QVERIFY(!update.resync);
    QCOMPARE(update.alarms.size(), std::size_t(2));
    QCOMPARE(update.alarms[0].id(), b);
    QCOMPARE(update.alarms[1].id(), a);
    QCOMPARE(update.alarms[1].version(), std::int64_t(4));
    QCOMPARE(update.alarms[1].sequence(), start + 5);
    QCOMPARE(update.through, start + 5);
    QVERIFY(!update.more);

    // A limit slices the replay; `through` says where to go on from.
    update = changesAfter(journal, start, 1);
    QCOMPARE(update.alarms.size(), std::size_t(1));
    QVERIFY(update.more);
    QCOMPARE(update.through, start + 2);
    update = changesAfter(journal, update.through, 1);
    QCOMPARE(update.alarms.size(), std::size_t(1));
    QCOMPARE(update.alarms[0].id(), a);
    QCOMPARE(update.through, start + 5);

    // Nothing new: returns at the deadline, empty, through unchanged.
    update = changesAfter(journal, start + 5);
    QVERIFY(update.alarms.empty());
    QCOMPARE(update.through, start + 5);

    // The active list leaves closed alarms out and carries the journal's sequence.
    QVERIFY(act(journal, Action::Close, b).status.ok());
    const auto snapshot = journal.activeAlarms();
    QCOMPARE(snapshot.active.size(), std::size_t(1));
    QCOMPARE(snapshot.active[0].id(), a);
    QCOMPARE(snapshot.sequence, start + 6);
}

void TestAlarmJournal::compactionAndWindowGiveResync()
{
    AlarmJournal journal(settings());
    const std::int64_t start = journal.sequence();
    raiseOne(journal);
    raiseOne(journal);
    QVERIFY(!changesAfter(journal, start).resync);
    QVERIFY(changesAfter(journal, 0).resync);              // the whole journal: compacted at creation
    QVERIFY(changesAfter(journal, start - 1).resync);      // from before this journal
    QVERIFY(changesAfter(journal, start + 3).resync);      // from the future (another journal)

    journal.compact();
    const auto update = changesAfter(journal, start);
    QVERIFY(update.resync);
    QCOMPARE(update.oldestResumePoint, start + 2);
    QVERIFY(!changesAfter(journal, start + 2).resync);

    // Only the last keptChanges sequences can be resumed from.
    auto windowed = settings();
    windowed.keptChanges = 5;
    AlarmJournal small(windowed);
    const std::int64_t first = small.sequence();
    for (int i = 0; i < 10; ++i)
        raiseOne(small);
    QVERIFY(changesAfter(small, first + 4).resync);
    const auto kept = changesAfter(small, first + 5);
    QVERIFY(!kept.resync);
    QCOMPARE(kept.alarms.size(), std::size_t(5));

    // Alarms beyond maxAlarms are forgotten, and resuming before their last change gets RESYNC.
    auto bounded = settings();
    bounded.maxAlarms = 3;
    AlarmJournal few(bounded);
    const std::int64_t origin = few.sequence();
    const std::string oldest = raiseOne(few);
    for (int i = 0; i < 3; ++i)
        raiseOne(few);
    QVERIFY(!few.alarm(oldest));
    QVERIFY(changesAfter(few, origin).resync);
    QCOMPARE(changesAfter(few, origin + 1).alarms.size(), std::size_t(3));
}

void TestAlarmJournal::tooManyActiveAlarmsCloseTheOldest()
{
    auto bounded = settings();
    bounded.maxActiveAlarms = 2;
    AlarmJournal journal(bounded);
    const std::string first = raiseOne(journal);
    const std::string second = raiseOne(journal);
    QVERIFY(act(journal, Action::Comment, first, {}, "encore là").status.ok());  // now second is the oldest
    const std::int64_t before = journal.sequence();
    const std::string third = raiseOne(journal);
    const auto closed = journal.alarm(second);
    QCOMPARE(closed->state(), vigie::v1::ALARM_STATE_CLOSED);
    QCOMPARE(closed->version(), std::int64_t(2));
    QCOMPARE(closed->sequence(), before + 2);  // after the new alarm's
    QVERIFY(closed->has_closed_at());
    QVERIFY(closed->history(1).user().empty());  // the backend's doing
    QCOMPARE(closed->history(1).to_state(), vigie::v1::ALARM_STATE_CLOSED);
    const auto snapshot = journal.activeAlarms();
    QCOMPARE(snapshot.active.size(), std::size_t(2));
    QCOMPARE(snapshot.active[0].id(), first);
    QCOMPARE(snapshot.active[1].id(), third);
    // Subscribers hear of the closing like any change.
    const auto update = changesAfter(journal, before);
    QCOMPARE(update.alarms.size(), std::size_t(2));
    QCOMPARE(update.alarms[1].id(), second);
}

void TestAlarmJournal::waitersWakeOnChangeAndClose()
{
    AlarmJournal journal(settings());
    const std::int64_t start = journal.sequence();
    std::thread raiser([&] {
        std::this_thread::sleep_for(50ms);  // lets the waiter block first; correctness does not depend on it
        raiseOne(journal);
    });
    QElapsedTimer clock;
    clock.start();
    const auto update = journal.waitForChanges(start, std::chrono::steady_clock::now() + 10s, 100);
    raiser.join();
    QCOMPARE(update.alarms.size(), std::size_t(1));
    QVERIFY(clock.elapsed() < 5000);

    std::thread closer([&] { journal.close(); });
    const auto closed = journal.waitForChanges(start + 1, std::chrono::steady_clock::now() + 10s, 100);
    closer.join();
    QVERIFY(closed.closed);
    QVERIFY(journal.raise({draftOf(vigie::v1::ALARM_TYPE_INTRUSION)}).empty());
}

void TestAlarmJournal::persistenceKeepsStateAndSequences()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath("journal");
    std::vector<std::string> before;
    std::int64_t sequence = 0;
    std::int64_t oldest = 0;
    AlarmJournal::Change take;
    AlarmJournal::Outcome taken;
    {
        AlarmJournal journal(settings(path));
        std::string error;
        QVERIFY2(journal.open(&error), error.c_str());
        const std::string a = raiseOne(journal, vigie::v1::ALARM_TYPE_INTRUSION);
        const std::string b = raiseOne(journal, vigie::v1::ALARM_TYPE_CROWD_DENSITY);
        raiseOne(journal);
        take = change(Action::Take, a, 1, vigie::v1::ALARM_VERDICT_CONFIRMED, "équipe envoyée");
        taken = journal.apply(take, kOperator);
        QVERIFY(taken.status.ok());
        QVERIFY(journal.apply(change(Action::Close, b, 1, vigie::v1::ALARM_VERDICT_FALSE_ALARM), kOperator).status.ok());
        journal.compact();
        raiseOne(journal);
        before = serialised(journal.activeAlarms().active);
        sequence = journal.sequence();
        oldest = journal.oldestResumePoint();
    }
    g_now += 1h;  // the restart is later: sequences must not restart from the clock
    AlarmJournal reopened(settings(path));
    std::string error;
    std::string warning;
    QVERIFY2(reopened.open(&error, &warning), error.c_str());
    QVERIFY(warning.empty());
    QCOMPARE(serialised(reopened.activeAlarms().active), before);
    QCOMPARE(reopened.sequence(), sequence);
    QCOMPARE(reopened.oldestResumePoint(), oldest);
    QCOMPARE(reopened.activeAlarms().active.size(), std::size_t(3));
    // The closed alarm is no longer active but still readable.
    QVERIFY(reopened.alarm("alarm-" + std::to_string(oldest - 3)).has_value());
    const auto retry = reopened.apply(take, kOperator);
    QVERIFY(retry.replayed);
    QCOMPARE(retry.alarm.SerializeAsString(), taken.alarm.SerializeAsString());
    const auto next = reopened.raise({draftOf(vigie::v1::ALARM_TYPE_WRONG_WAY)});
    QCOMPARE(next.at(0).sequence(), sequence + 1);
    // The replay from a point before the restart gives exactly what changed after it.
    const auto update = changesAfter(reopened, oldest);
    QCOMPARE(update.alarms.size(), std::size_t(2));
    QCOMPARE(update.through, sequence + 1);
}

void TestAlarmJournal::snapshotsReplaceTheLog()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    auto s = settings(directory.path());
    s.snapshotEvery = 7;
    std::vector<std::string> before;
    std::int64_t sequence = 0;
    {
        AlarmJournal journal(s);
        QVERIFY(journal.open(nullptr));
        for (int i = 0; i < 20; ++i) {
            const std::string id = raiseOne(journal);
            QVERIFY(act(journal, Action::Comment, id, {}, "n" + std::to_string(i)).status.ok());
        }
        before = serialised(journal.activeAlarms().active);
        sequence = journal.sequence();
    }
    QVERIFY(QFile::exists(directory.filePath("alarms.snapshot")));
    QVERIFY(QFileInfo(directory.filePath("alarms.log")).size() < QFileInfo(directory.filePath("alarms.snapshot")).size());
    AlarmJournal reopened(s);
    QVERIFY(reopened.open(nullptr));
    QCOMPARE(serialised(reopened.activeAlarms().active), before);
    QCOMPARE(reopened.sequence(), sequence);
}

void TestAlarmJournal::tornLastRecordIsIgnored()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    std::vector<std::string> before;
    std::int64_t sequence = 0;
    {
        AlarmJournal journal(settings(directory.path()));
        QVERIFY(journal.open(nullptr));
        raiseOne(journal);
        raiseOne(journal);
        before = serialised(journal.activeAlarms().active);
        sequence = journal.sequence();
        raiseOne(journal);  // this one will be torn
    }
    QFile log(directory.filePath("alarms.log"));
    const qint64 size = log.size();
    QVERIFY(log.resize(size - 5));  // the process died in the middle of the last write
    {
        AlarmJournal journal(settings(directory.path()));
        std::string error;
        std::string warning;
        QVERIFY2(journal.open(&error, &warning), error.c_str());
        QVERIFY(!warning.empty());
        QCOMPARE(serialised(journal.activeAlarms().active), before);
        QCOMPARE(journal.sequence(), sequence);
        raiseOne(journal);  // appended after the last good record
    }
    // A flipped byte in the last record is caught by its CRC the same way.
    {
        QVERIFY(log.open(QIODevice::ReadWrite));
        QVERIFY(log.seek(log.size() - 3));
        char byte = 0;
        QVERIFY(log.getChar(&byte));
        QVERIFY(log.seek(log.size() - 3));
        QVERIFY(log.putChar(static_cast<char>(byte ^ 0x55)));
        log.close();
    }
    AlarmJournal journal(settings(directory.path()));
    std::string warning;
    QVERIFY(journal.open(nullptr, &warning));
    QVERIFY(!warning.empty());
    QCOMPARE(serialised(journal.activeAlarms().active), before);
    // Garbage after the last record (a length beyond the file) is no worse.
    QVERIFY(log.open(QIODevice::Append));
    log.write(QByteArray("\xff\xff\xff\x7f\x01\x02", 6));
    log.close();
    AlarmJournal again(settings(directory.path()));
    QVERIFY(again.open(nullptr));
    QCOMPARE(serialised(again.activeAlarms().active), before);
}

void TestAlarmJournal::generatorDraftsAreDeterministicAndPlausible()
{
    const AlarmGenerator::Camera camera{"cam-02", "Place du Marché"};
    for (const auto type : AlarmGenerator::generatedTypes()) {
        const auto draft = AlarmGenerator::draft(42, camera, type, vigie::v1::ALARM_PRIORITY_UNSPECIFIED, g_now);
        QCOMPARE(AlarmGenerator::draft(42, camera, type, vigie::v1::ALARM_PRIORITY_UNSPECIFIED, g_now)
                     .SerializeAsString(),
                 draft.SerializeAsString());
        QCOMPARE(draft.type(), type);
        QCOMPARE(draft.camera_id(), std::string("cam-02"));
        QVERIFY(draft.priority() != vigie::v1::ALARM_PRIORITY_UNSPECIFIED);
        QVERIFY(!draft.rule_id().empty());
        QVERIFY(draft.rule_name().find("Place du Marché") == 0);
        QVERIFY(!draft.description().empty());
        QCOMPARE(draft.zone().points_size(), 4);
        QVERIFY(draft.objects_size() >= 1 && draft.objects_size() <= 3);
        for (const auto& object : draft.objects()) {
            const auto& box = object.box();
            QVERIFY(box.x() >= 0 && box.y() >= 0 && box.width() > 0 && box.height() > 0);
            QVERIFY(box.x() + box.width() <= 1.0001f && box.y() + box.height() <= 1.0001f);
            QVERIFY(object.confidence() >= 0.6f && object.confidence() <= 0.98f);
            QVERIFY(!object.track_id().empty());
            QVERIFY(object.object_class() != vigie::v1::OBJECT_CLASS_UNSPECIFIED);
        }
        QCOMPARE(draft.review_range().start().seconds(), draft.event_time().seconds() - 10);
        QCOMPARE(draft.review_range().end().seconds(), draft.event_time().seconds() + 20);
    }
    const auto crossing = AlarmGenerator::draft(1, camera, vigie::v1::ALARM_TYPE_LINE_CROSSED,
                                                vigie::v1::ALARM_PRIORITY_LOW, g_now);
    QVERIFY(crossing.has_line_crossed());
    QCOMPARE(crossing.priority(), vigie::v1::ALARM_PRIORITY_LOW);
    QVERIFY(AlarmGenerator::draft(1, camera, vigie::v1::ALARM_TYPE_LOITERING, {}, g_now).loitering().dwell().seconds() >= 60);
    QVERIFY(AlarmGenerator::draft(1, camera, vigie::v1::ALARM_TYPE_OBJECT_LEFT, {}, g_now).has_object_left());
    QVERIFY(AlarmGenerator::draft(1, camera, vigie::v1::ALARM_TYPE_WRONG_WAY, {}, g_now).has_wrong_way());
    const auto crowd = AlarmGenerator::draft(1, camera, vigie::v1::ALARM_TYPE_CROWD_DENSITY, {}, g_now);
    QVERIFY(crowd.crowd_density().person_count() > crowd.crowd_density().threshold_count());
    QVERIFY(AlarmGenerator::draft(1, camera, vigie::v1::ALARM_TYPE_INTRUSION, {}, g_now).needs_human_confirmation());
    QVERIFY(!AlarmGenerator::draft(1, camera, vigie::v1::ALARM_TYPE_LOITERING, {}, g_now).needs_human_confirmation());
    QVERIFY(AlarmGenerator::parseType("wrong-way") == vigie::v1::ALARM_TYPE_WRONG_WAY);
    QVERIFY(!AlarmGenerator::parseType("face"));
    QVERIFY(AlarmGenerator::parsePriority("low") == vigie::v1::ALARM_PRIORITY_LOW);
}

QTEST_GUILESS_MAIN(TestAlarmJournal)
#include "test_alarm_journal.moc"
