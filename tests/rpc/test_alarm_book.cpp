// AlarmBook: the client's set of active alarms, deduplicated on (alarm id, version).

#include <QElapsedTimer>
#include <QtTest>

#include "vigie/rpc/AlarmBook.h"

using vigie::rpc::Alarm;
using vigie::rpc::AlarmBook;
using vigie::rpc::AlarmPriority;
using vigie::rpc::AlarmState;

namespace {

Alarm alarmOf(const QString& id, qint64 version, AlarmState state = AlarmState::New,
              AlarmPriority priority = AlarmPriority::Medium, bool acknowledged = false)
{
    Alarm alarm;
    alarm.id = id;
    alarm.version = version;
    alarm.sequence = version;
    alarm.cameraId = QStringLiteral("cam-01");
    alarm.state = state;
    alarm.priority = priority;
    alarm.acknowledged = acknowledged;
    alarm.raisedAt = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000 + version, Qt::UTC);
    return alarm;
}

}  // namespace

class TestAlarmBook : public QObject {
    Q_OBJECT

private slots:
    void addsThenUpdates();
    void ignoresDuplicatesAndOlderVersions();
    void closeRemovesAndOlderEventsDoNotBringItBack();
    void closedBeforeEverSeenIsNotAdded();
    void removedAlarmMayComeBackWithTheSameVersion();
    void resetReplacesEverythingAndSetsTheSequence();
    void sequenceOnlyMovesForward();
    void countsFollowChanges();
    void activeListIsSortedByPriorityThenNewest();
    void batchReportsEachTouchedIdOnce();
    void largeBatchIsFast();
    void answerAcrossARelistDoesNotBringBackAClosedAlarm();
};

void TestAlarmBook::addsThenUpdates()
{
    AlarmBook book;
    QCOMPARE(book.apply(alarmOf(QStringLiteral("a1"), 1)), AlarmBook::Outcome::Added);
    QCOMPARE(book.size(), 1);
    Alarm taken = alarmOf(QStringLiteral("a1"), 2, AlarmState::InProgress);
    taken.assignee = QStringLiteral("operator");
    QCOMPARE(book.apply(taken), AlarmBook::Outcome::Updated);
    QVERIFY(book.alarm(QStringLiteral("a1")));
    QCOMPARE(book.alarm(QStringLiteral("a1"))->state, AlarmState::InProgress);
    QCOMPARE(book.alarm(QStringLiteral("a1"))->assignee, QStringLiteral("operator"));
    QCOMPARE(book.knownVersion(QStringLiteral("a1")), 2);
    QVERIFY(!book.alarm(QStringLiteral("nope")));
}

void TestAlarmBook::ignoresDuplicatesAndOlderVersions()
{
    AlarmBook book;
    book.apply(alarmOf(QStringLiteral("a1"), 1));
    book.apply(alarmOf(QStringLiteral("a1"), 3, AlarmState::OnHold));
    // At-least-once delivery: the same version again, then an older one arriving late.
    QCOMPARE(book.apply(alarmOf(QStringLiteral("a1"), 3, AlarmState::OnHold)), AlarmBook::Outcome::Ignored);
    QCOMPARE(book.apply(alarmOf(QStringLiteral("a1"), 2, AlarmState::InProgress)), AlarmBook::Outcome::Ignored);
    QCOMPARE(book.alarm(QStringLiteral("a1"))->state, AlarmState::OnHold);
    QCOMPARE(book.alarm(QStringLiteral("a1"))->version, 3);
    // Versions may skip (a coalesced replay): a higher one is always taken.
    QCOMPARE(book.apply(alarmOf(QStringLiteral("a1"), 7, AlarmState::InProgress)), AlarmBook::Outcome::Updated);
    QCOMPARE(book.alarm(QStringLiteral("a1"))->version, 7);
}

void TestAlarmBook::closeRemovesAndOlderEventsDoNotBringItBack()
{
    AlarmBook book;
    book.apply(alarmOf(QStringLiteral("a1"), 1));
    book.apply(alarmOf(QStringLiteral("a2"), 1));
    QCOMPARE(book.apply(alarmOf(QStringLiteral("a1"), 4, AlarmState::Closed)), AlarmBook::Outcome::Closed);
    QCOMPARE(book.size(), 1);
    QVERIFY(!book.contains(QStringLiteral("a1")));
    // The close came first (a change's answer), the stream's older changes after it.
    QCOMPARE(book.apply(alarmOf(QStringLiteral("a1"), 3, AlarmState::InProgress)), AlarmBook::Outcome::Ignored);
    QCOMPARE(book.apply(alarmOf(QStringLiteral("a1"), 4, AlarmState::Closed)), AlarmBook::Outcome::Ignored);
    QVERIFY(!book.contains(QStringLiteral("a1")));
    QCOMPARE(book.knownVersion(QStringLiteral("a1")), 4);
    // A comment on the closed alarm: newer, still closed, still not active.
    QCOMPARE(book.apply(alarmOf(QStringLiteral("a1"), 5, AlarmState::Closed)), AlarmBook::Outcome::Ignored);
    QCOMPARE(book.knownVersion(QStringLiteral("a1")), 5);
    QVERIFY(!book.contains(QStringLiteral("a1")));
}

void TestAlarmBook::closedBeforeEverSeenIsNotAdded()
{
    AlarmBook book;
    // Raised and closed while the client was away, coalesced by the replay into its closed state.
    QCOMPARE(book.apply(alarmOf(QStringLiteral("a9"), 3, AlarmState::Closed)), AlarmBook::Outcome::Ignored);
    QCOMPARE(book.size(), 0);
    QCOMPARE(book.apply(alarmOf(QStringLiteral("a9"), 1)), AlarmBook::Outcome::Ignored);
    QCOMPARE(book.size(), 0);
}

void TestAlarmBook::removedAlarmMayComeBackWithTheSameVersion()
{
    AlarmBook book;
    book.apply(alarmOf(QStringLiteral("a1"), 2));
    QVERIFY(book.remove(QStringLiteral("a1")));
    QVERIFY(!book.remove(QStringLiteral("a1")));
    QCOMPARE(book.size(), 0);
    QCOMPARE(book.unacknowledgedCount(), 0);
    // The right to see its camera is given back: the alarm returns unchanged.
    QCOMPARE(book.apply(alarmOf(QStringLiteral("a1"), 2)), AlarmBook::Outcome::Added);
}

void TestAlarmBook::resetReplacesEverythingAndSetsTheSequence()
{
    AlarmBook book;
    book.apply(alarmOf(QStringLiteral("old"), 1));
    book.apply(alarmOf(QStringLiteral("gone"), 2, AlarmState::Closed));
    book.noteSequence(500);
    book.reset({alarmOf(QStringLiteral("a1"), 1), alarmOf(QStringLiteral("a2"), 5, AlarmState::OnHold),
                alarmOf(QStringLiteral("closed"), 3, AlarmState::Closed)},
               120);
    QCOMPARE(book.size(), 2);
    QVERIFY(!book.contains(QStringLiteral("old")));
    QVERIFY(!book.contains(QStringLiteral("closed")));
    // The snapshot's sequence, even below what was seen before (a backend whose journal restarted).
    QCOMPARE(book.lastSequence(), 120);
    QCOMPARE(book.knownVersion(QStringLiteral("gone")), 0);
    QCOMPARE(book.unacknowledgedCount(), 2);

    book.clear();
    QCOMPARE(book.size(), 0);
    QCOMPARE(book.lastSequence(), 0);
    QCOMPARE(book.unacknowledgedCount(), 0);
}

void TestAlarmBook::sequenceOnlyMovesForward()
{
    AlarmBook book;
    book.reset({}, 10);
    book.noteSequence(12);
    book.noteSequence(11);  // a duplicate delivered again
    QCOMPARE(book.lastSequence(), 12);
    // Applying an alarm (e.g. a change's answer) never moves the resume point.
    Alarm far = alarmOf(QStringLiteral("a1"), 1);
    far.sequence = 99;
    book.apply(far);
    QCOMPARE(book.lastSequence(), 12);
}

void TestAlarmBook::countsFollowChanges()
{
    AlarmBook book;
    book.apply(alarmOf(QStringLiteral("h1"), 1, AlarmState::New, AlarmPriority::High));
    book.apply(alarmOf(QStringLiteral("h2"), 1, AlarmState::New, AlarmPriority::High));
    book.apply(alarmOf(QStringLiteral("m1"), 1, AlarmState::New, AlarmPriority::Medium));
    book.apply(alarmOf(QStringLiteral("l1"), 1, AlarmState::New, AlarmPriority::Low, true));
    QCOMPARE(book.unacknowledgedCount(), 3);
    QCOMPARE(book.count(AlarmPriority::High), 2);
    QCOMPARE(book.count(AlarmPriority::Medium), 1);
    QCOMPARE(book.count(AlarmPriority::Low), 1);
    QCOMPARE(book.unacknowledgedCount(AlarmPriority::High), 2);
    QCOMPARE(book.unacknowledgedCount(AlarmPriority::Low), 0);

    // Acknowledged, then its detector raises the priority.
    book.apply(alarmOf(QStringLiteral("h1"), 2, AlarmState::New, AlarmPriority::High, true));
    QCOMPARE(book.unacknowledgedCount(), 2);
    QCOMPARE(book.unacknowledgedCount(AlarmPriority::High), 1);
    book.apply(alarmOf(QStringLiteral("m1"), 2, AlarmState::New, AlarmPriority::High));
    QCOMPARE(book.count(AlarmPriority::High), 3);
    QCOMPARE(book.count(AlarmPriority::Medium), 0);
    QCOMPARE(book.unacknowledgedCount(AlarmPriority::High), 2);

    book.apply(alarmOf(QStringLiteral("h2"), 2, AlarmState::Closed, AlarmPriority::High, true));
    QVERIFY(book.remove(QStringLiteral("l1")));
    QCOMPARE(book.count(AlarmPriority::High), 2);
    QCOMPARE(book.count(AlarmPriority::Low), 0);
    QCOMPARE(book.unacknowledgedCount(), 1);
    book.apply(alarmOf(QStringLiteral("stale"), 1, AlarmState::New, AlarmPriority::Low));
    book.apply(alarmOf(QStringLiteral("stale"), 1, AlarmState::New, AlarmPriority::Low));  // ignored
    QCOMPARE(book.unacknowledgedCount(), 2);
    QCOMPARE(book.count(AlarmPriority::Low), 1);
}

void TestAlarmBook::activeListIsSortedByPriorityThenNewest()
{
    AlarmBook book;
    book.apply(alarmOf(QStringLiteral("low"), 9, AlarmState::New, AlarmPriority::Low));
    book.apply(alarmOf(QStringLiteral("high-old"), 1, AlarmState::New, AlarmPriority::High));
    book.apply(alarmOf(QStringLiteral("high-new"), 5, AlarmState::New, AlarmPriority::High));
    book.apply(alarmOf(QStringLiteral("medium"), 2, AlarmState::InProgress, AlarmPriority::Medium));
    QStringList order;
    for (const Alarm& alarm : book.active())
        order << alarm.id;
    QCOMPARE(order, (QStringList{QStringLiteral("high-new"), QStringLiteral("high-old"), QStringLiteral("medium"),
                                 QStringLiteral("low")}));
}

void TestAlarmBook::batchReportsEachTouchedIdOnce()
{
    AlarmBook book;
    book.apply(alarmOf(QStringLiteral("known"), 4));
    const QStringList touched = book.applyBatch({
        alarmOf(QStringLiteral("a1"), 1),
        alarmOf(QStringLiteral("known"), 3),  // older: nothing changes
        alarmOf(QStringLiteral("a1"), 2),
        alarmOf(QStringLiteral("a2"), 1),
        alarmOf(QStringLiteral("a1"), 3, AlarmState::Closed),
        alarmOf(QStringLiteral("known"), 4),  // duplicate
    });
    QCOMPARE(touched, (QStringList{QStringLiteral("a1"), QStringLiteral("a2")}));
    QCOMPARE(book.size(), 2);
    QVERIFY(!book.contains(QStringLiteral("a1")));
}

void TestAlarmBook::largeBatchIsFast()
{
    // A storm: 100,000 events over 20,000 alarms (each raised, changed, duplicated, mostly closed).
    constexpr int kAlarms = 20000;
    QList<Alarm> events;
    events.reserve(100000);
    for (int round = 0; round < 5; ++round) {
        for (int i = 0; i < kAlarms; ++i) {
            const QString id = QStringLiteral("storm-%1").arg(i);
            const qint64 version = round == 3 ? 3 : round + 1;  // round 3 repeats version 3: duplicates
            AlarmState state = AlarmState::New;
            if (round == 4 && i % 4 != 0)
                state = AlarmState::Closed;
            else if (round >= 2)
                state = AlarmState::InProgress;
            events << alarmOf(id, version, state, i % 3 == 0 ? AlarmPriority::High : AlarmPriority::Low, round >= 1);
        }
    }
    QCOMPARE(events.size(), 100000);

    AlarmBook book;
    QElapsedTimer timer;
    timer.start();
    const QStringList touched = book.applyBatch(events);
    const qint64 elapsedMs = timer.elapsed();
    qInfo("100,000 events over %d alarms applied in %lld ms", kAlarms, elapsedMs);
    QCOMPARE(touched.size(), kAlarms);
    QCOMPARE(book.size(), kAlarms / 4);
    QCOMPARE(book.unacknowledgedCount(), 0);
    QVERIFY2(elapsedMs < 5000, "a storm's batch must not freeze the GUI thread");
}

void TestAlarmBook::answerAcrossARelistDoesNotBringBackAClosedAlarm()
{
    AlarmBook book;
    // A take was answered (A at version 5, sequence 50) after a relist whose snapshot, taken at sequence
    // 60, no longer held A: it was closed in between. The answer must not resurrect it.
    Alarm answered = alarmOf(QStringLiteral("A"), 5, AlarmState::InProgress);
    answered.sequence = 50;
    book.reset({alarmOf(QStringLiteral("B"), 1)}, 60);
    QCOMPARE(book.applyAnswer(answered), AlarmBook::Outcome::Ignored);
    QVERIFY(!book.contains(QStringLiteral("A")));
    // An alarm raised after the snapshot, known first from an answer (the stream has not caught up): added.
    Alarm later = alarmOf(QStringLiteral("C"), 1);
    later.sequence = 61;
    QCOMPARE(book.applyAnswer(later), AlarmBook::Outcome::Added);
    // A known alarm takes answers as usual.
    Alarm b2 = alarmOf(QStringLiteral("B"), 2);
    b2.sequence = 55;  // the book knows B: its version decides, not the sequence
    QCOMPARE(book.applyAnswer(b2), AlarmBook::Outcome::Updated);
}

QTEST_GUILESS_MAIN(TestAlarmBook)
#include "test_alarm_book.moc"
