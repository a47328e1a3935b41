// AlarmLink through a storm of alarms while vigie-sim is restarted 20 times (crashes and clean stops) on
// the same address and journal, with RESYNCs forced in between. At the end the client's alarms are the
// backend's (ids and versions), every alarm the backend raised reached the client's views, no change was
// applied twice, and every change the client was told of is still in the backend's journal: a backend
// that told its subscribers of a change it had not made durable would lose it in a crash.

// gRPC and generated headers before Qt's: Qt's keyword macros (signals, slots, emit) must not reach them.
#include <google/protobuf/util/time_util.h>
#include <grpcpp/grpcpp.h>
#include <vigie/v1/alarms.grpc.pb.h>

#include "AlarmJournalFile.h"  // the simulator's own reader of its journal
#include "SimCalls.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include <signal.h>

#include "SimProcess.h"
#include "vigie/rpc/AlarmLink.h"
#include "vigie/rpc/BackendClient.h"

using vigie::rpc::Alarm;
using vigie::rpc::AlarmLink;
using vigie::rpc::AlarmState;
using vigie::rpc::AlarmVerdict;
using vigie::rpc::BackendClient;
using vigie::rpc::BackendOptions;
using vigie::rpc::RpcError;
using vigie::test::SimProcess;
using google::protobuf::util::TimeUtil;

namespace {

constexpr int kRestarts = 20;
// 200 alarms a second: a real storm for a control room, which this 2-core machine sustains next to the
// simulator's own work (one fdatasync per 50 ms batch) and 20 restarts while the client keeps up. A
// client that falls behind here is a bug, not a slow machine; the rate is not what is under test.
constexpr int kStormPerSecond = 200;
// Beyond this many active alarms the backend closes the oldest itself, so the run also carries the
// backend's closes through replays and relists, and a relist stays small. At the storm's rate an alarm
// then lives 5 s, longer than an outage of the client lasts here (well under a second).
constexpr int kMaxActive = 1000;
// New sequences each run of the simulator must deliver before it is stopped: a quarter of a second of
// storm, so that every run serves live events and not only the replay.
constexpr qint64 kProgressPerRun = kStormPerSecond / 4;
constexpr int kOnlineTimeoutMs = 20000;
constexpr int kCallTimeoutMs = 15000;

// Restarts after which the journal is compacted before the client can resume: it must relist.
bool compactsAfter(int restart) { return restart == 5 || restart == 13 || restart == 18; }
// Most stops are crashes (the interesting case: only what the journal wrote survives); every third
// one is the clean shutdown a service manager asks for.
int signalFor(int restart) { return restart % 3 == 1 ? SIGTERM : SIGKILL; }

BackendOptions optionsFor(const QString& address, const QString& user)
{
    BackendOptions options;
    options.address = address;
    options.user = user;
    options.password = user;  // the sim's default users: password = name
    options.workstation = QStringLiteral("test-lossless");
    options.callDeadline = std::chrono::milliseconds(3000);
    return options;
}

// The workstation under test: its backend link and its alarm link, the production classes.
struct Console {
    explicit Console(const QString& address) : client(optionsFor(address, QStringLiteral("operator"))), link(&client)
    {
        client.start();
    }
    BackendClient client;
    AlarmLink link;
};

// What the link showed its views, recorded from its signals as a view sees them.
class Observer {
public:
    struct Seen {
        qint64 version = 0;
        qint64 sequence = 0;    // 0 for an alarm seen as it left the book (the book keeps only its version)
        qint64 raisedAtMs = 0;  // likewise; tells an alarm from another raised under the same id
        bool closed = false;
    };

    explicit Observer(AlarmLink& link) : m_link(link)
    {
        QObject::connect(&link, &AlarmLink::alarmsReset, &m_context, [this] {
            ++resets;
            for (const Alarm& alarm : m_link.activeAlarms())
                record(alarm.id, {alarm.version, alarm.sequence, alarm.raisedAt.toMSecsSinceEpoch(), false}, true);
        });
        QObject::connect(&link, &AlarmLink::alarmsChanged, &m_context, [this](const QStringList& ids) {
            for (const QString& id : ids) {
                if (const Alarm* alarm = m_link.alarm(id))
                    record(id, {alarm->version, alarm->sequence, alarm->raisedAt.toMSecsSinceEpoch(), false}, false);
                else
                    record(id, {m_link.book().knownVersion(id), 0, 0, true}, false);
            }
        });
        QObject::connect(&link, &AlarmLink::liveChanged, &m_context, [this](bool live, const QString& reason) {
            if (!live && m_live)
                m_downAt = m_link.book().lastSequence();
            if (live && !m_live)
                blindWindows.push_back({m_downAt, m_link.book().lastSequence()});
            if (!live)
                reasons << reason;
            m_live = live;
        });
    }

    // Every state of every alarm the views were shown, oldest first.
    QHash<QString, QList<Seen>> seen;
    // Changes signalled without a newer version than the views already had: applied twice.
    QStringList notNewer;
    int resets = 0;
    // Journal stretches (after, through] the client did not follow live: down, then replay or relist.
    // An alarm raised and closed within one may rightly never reach the views (replays coalesce, and a
    // list holds active alarms only).
    std::vector<std::pair<qint64, qint64>> blindWindows;
    QStringList reasons;  // why the link was down, each time

private:
    // A fresh list may show an alarm at the version the views already had; a change must be newer.
    void record(const QString& id, Seen state, bool fromList)
    {
        QList<Seen>& states = seen[id];
        if (!states.isEmpty()) {
            const qint64 last = states.constLast().version;
            if (state.version < last || (!fromList && state.version == last))
                notNewer << QStringLiteral("%1 v%2 after v%3").arg(id).arg(state.version).arg(last);
        }
        states << state;
    }

    QObject m_context;  // ends the connections with the observer
    AlarmLink& m_link;
    bool m_live = false;
    qint64 m_downAt = 0;  // the journal starts before the first list
};

// One change the operator made through the link, and how it ended.
struct Change {
    QString alarmId;
    QString comment;  // unique per change: finds it in the alarm's history
    bool done = false;
    std::optional<RpcError> error;
};
using Changes = std::vector<std::shared_ptr<Change>>;

AlarmLink::Done recordInto(const std::shared_ptr<Change>& change)
{
    return [change](const std::optional<RpcError>& error) {
        change->done = true;
        change->error = error;
    };
}

// What an operator does during the storm, on alarms as the book shows them (their version is the
// expected one): acknowledges two, comments one (comments are not version-checked, so only the request id
// keeps a retry across a restart from adding it twice), and every third run takes one and closes another.
void operate(AlarmLink& link, int run, Changes* changes)
{
    const QList<Alarm> alarms = link.activeAlarms();
    auto start = [&](const QString& kind, const Alarm& alarm) {
        auto change = std::make_shared<Change>();
        change->alarmId = alarm.id;
        change->comment = QStringLiteral("%1 in run %2").arg(kind).arg(run);
        changes->push_back(change);
        return change;
    };
    const bool handles = run % 3 == 0;
    int acknowledged = 0;
    bool commented = false;
    bool taken = !handles;
    bool closed = !handles;
    for (const Alarm& alarm : alarms) {
        if (!alarm.acknowledged && acknowledged < 2) {
            ++acknowledged;
            auto change = start(QStringLiteral("acknowledge"), alarm);
            link.acknowledge(alarm.id, AlarmVerdict::None, change->comment, recordInto(change), alarm.version);
        } else if (!alarm.acknowledged && !commented) {
            commented = true;
            auto change = start(QStringLiteral("comment"), alarm);
            link.comment(alarm.id, change->comment, recordInto(change));
        } else if (!taken && alarm.acknowledged && alarm.state == AlarmState::New) {
            taken = true;
            auto change = start(QStringLiteral("take"), alarm);
            link.take(alarm.id, AlarmVerdict::None, change->comment, recordInto(change), alarm.version);
        } else if (!closed && alarm.state == AlarmState::InProgress) {
            closed = true;
            auto change = start(QStringLiteral("close"), alarm);
            link.close(alarm.id, AlarmVerdict::Test, change->comment, recordInto(change), alarm.version);
        }
    }
}

QString stateKey(qint64 version, qint64 sequence, qint64 raisedAtMs)
{
    return QStringLiteral("v%1 at %2 raised %3").arg(version).arg(sequence).arg(raisedAtMs);
}

bool allDone(const Changes& changes)
{
    return std::all_of(changes.begin(), changes.end(), [](const auto& change) { return change->done; });
}

// Every state the journal holds, by alarm id and version, read after the last run with the simulator's
// own reader (as its next start would).
struct JournalRecord {
    qint64 sequence = 0;
    vigie::v1::Alarm alarm;
};
using Journal = std::map<std::string, std::map<qint64, JournalRecord>>;

// False with *error when the journal cannot be read; *twice lists the changes it holds twice: another
// state at the same version is a change applied twice, or a lost change whose sequence (and so id) was
// reused. The same record twice (a snapshot and the log it replaced) is one change.
bool readJournal(const QString& directory, Journal* journal, QStringList* twice, std::string* error)
{
    vigie::sim::AlarmJournalFile file(directory.toStdString());
    vigie::sim::AlarmJournalFile::State state;
    if (!file.open(&state, error))
        return false;
    auto keep = [&](const vigie::v1::Alarm& alarm) {
        auto& versions = (*journal)[alarm.id()];
        const auto [it, added] = versions.emplace(alarm.version(), JournalRecord{alarm.sequence(), alarm});
        if (!added && it->second.alarm.SerializeAsString() != alarm.SerializeAsString())
            *twice << QStringLiteral("%1 v%2").arg(QString::fromStdString(alarm.id())).arg(alarm.version());
    };
    for (const auto& alarm : state.alarms)
        keep(alarm);
    for (const auto& change : state.changes)
        keep(change.alarm);
    return true;
}

bool isClosed(const vigie::v1::Alarm& alarm) { return alarm.state() == vigie::v1::ALARM_STATE_CLOSED; }

}  // namespace

class TestAlarmLossless : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<vigie::rpc::ConnectionState>(); }
    void noAlarmLostOrAppliedTwiceAcrossRestartsAndResyncs();
};

void TestAlarmLossless::noAlarmLostOrAppliedTwiceAcrossRestartsAndResyncs()
{
    QElapsedTimer elapsed;
    elapsed.start();
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QString journalDir = temp.filePath(QStringLiteral("journal"));
    QStringList arguments = {QStringLiteral("--cameras"),       QStringLiteral("4"),
                             QStringLiteral("--alarm-journal"), journalDir,
                             QStringLiteral("--alarm-storm"),   QString::number(kStormPerSecond),
                             QStringLiteral("--alarm-max-active"), QString::number(kMaxActive)};
    auto sim = std::make_unique<SimProcess>();
    QVERIFY2(sim->start(arguments), qPrintable(sim->lastError()));
    // Every later run on the first one's address: the client's channel finds the backend where it was.
    const QString address = sim->grpcAddress();
    arguments << QStringLiteral("--listen") << address;

    Console console(address);
    AlarmLink& link = console.link;
    Observer observer(link);
    Changes changes;
    QTRY_VERIFY_WITH_TIMEOUT(link.isLive(), kOnlineTimeoutMs);
    const int listsAtStart = observer.resets;

    qint64 stoppedAt = link.book().lastSequence();
    int compactions = 0;
    for (int restart = 1; restart <= kRestarts; ++restart) {
        // This run of the simulator has served the client: resumed (or relisted), live, and past where
        // the client was when the previous run went away.
        QTRY_VERIFY2_WITH_TIMEOUT(link.isLive() && link.book().lastSequence() > stoppedAt + kProgressPerRun,
                                  qPrintable(QStringLiteral("restart %1: live %2, at %3, stopped at %4: %5")
                                                 .arg(restart)
                                                 .arg(link.isLive())
                                                 .arg(link.book().lastSequence())
                                                 .arg(stoppedAt)
                                                 .arg(link.downReason())),
                                  kOnlineTimeoutMs);
        operate(link, restart, &changes);
        // Half the runs end with the operator's changes still in flight: the link retries them with
        // the same request id on the next run, which must not apply them twice.
        if (restart % 2 == 0)
            QTRY_VERIFY_WITH_TIMEOUT(allDone(changes), kCallTimeoutMs);

        // Stopped just after the client was told of a batch: the backend has synced it and may be in the
        // middle of the next one.
        QSignalSpy told(&link, &AlarmLink::alarmsChanged);
        QVERIFY(told.wait(5000));
        QVERIFY2(sim->killWith(signalFor(restart)), qPrintable(sim->lastError()));
        QTRY_VERIFY_WITH_TIMEOUT(!link.isLive(), 10000);
        stoppedAt = link.book().lastSequence();

        sim = std::make_unique<SimProcess>();
        QVERIFY2(sim->start(arguments), qPrintable(sim->lastError()));
        if (compactsAfter(restart)) {
            // The client cannot call back before this returns (its thread is here), so its resume point
            // is behind the compaction for sure: one alarm moves the journal past it first.
            QVERIFY2(sim->command(QStringLiteral("raise-alarm cam-01")), qPrintable(sim->lastError()));
            QVERIFY2(sim->command(QStringLiteral("compact-alarms")), qPrintable(sim->lastError()));
            ++compactions;
        }
    }

    // The storm ends; the client catches up with the backend's last sequence.
    QTRY_VERIFY_WITH_TIMEOUT(link.isLive(), kOnlineTimeoutMs);
    QVERIFY2(sim->command(QStringLiteral("alarm-rate 0")), qPrintable(sim->lastError()));
    QTRY_VERIFY_WITH_TIMEOUT(allDone(changes), kCallTimeoutMs);
    auto channel = grpc::CreateChannel(address.toStdString(), grpc::InsecureChannelCredentials());
    auto alarms = vigie::v1::AlarmService::NewStub(channel);
    const std::string token = vigie::test::loginOn(channel, "operator", "lossless-check");
    QVERIFY(!token.empty());
    vigie::v1::ListActiveAlarmsResponse listed;
    auto listNow = [&] {
        listed.Clear();
        const grpc::Status status = alarms->ListActiveAlarms(vigie::test::callContext(token).get(), {}, &listed);
        if (!status.ok())
            qWarning("ListActiveAlarms: %s", qPrintable(vigie::test::describe(status)));
        return status.ok();
    };
    // Polled: a batch of the generator may land just after "alarm-rate 0" was answered, and the client
    // learns the last sequence from an event or from the next heartbeat (every 2 s).
    QTRY_VERIFY_WITH_TIMEOUT(
        listNow() && link.isLive() && link.book().lastSequence() == listed.snapshot_sequence(), 10000);

    // The client's book is the backend's active list: same alarms, same versions (and the same alarm
    // behind each id: same sequence and raise time).
    QMap<QString, qint64> backendVersions;
    QMap<QString, QString> backendStates;
    for (const auto& alarm : listed.alarms()) {
        const QString id = QString::fromStdString(alarm.id());
        backendVersions.insert(id, alarm.version());
        backendStates.insert(id, stateKey(alarm.version(), alarm.sequence(),
                                          TimeUtil::TimestampToMilliseconds(alarm.raised_at())));
    }
    QMap<QString, qint64> clientVersions;
    QMap<QString, QString> clientStates;
    for (const Alarm& alarm : link.activeAlarms()) {
        clientVersions.insert(alarm.id, alarm.version);
        clientStates.insert(alarm.id, stateKey(alarm.version, alarm.sequence, alarm.raisedAt.toMSecsSinceEpoch()));
    }
    QCOMPARE(clientVersions.size(), backendVersions.size());
    QCOMPARE(clientVersions, backendVersions);
    QCOMPARE(clientStates, backendStates);

    sim->stop();
    QCOMPARE(sim->exitCode(), 0);

    // The journal as the simulator's next start would read it.
    Journal journal;
    QStringList twiceInJournal;
    std::string error;
    QVERIFY2(readJournal(journalDir, &journal, &twiceInJournal, &error), error.c_str());
    QVERIFY2(twiceInJournal.isEmpty(), qPrintable(twiceInJournal.mid(0, 20).join(u',')));

    // Versions of each alarm in the journal: 1, 2, 3... without a gap (a lost change) or a repeat.
    QStringList gaps;
    for (const auto& [id, versions] : journal) {
        qint64 expected = 1;
        for (const auto& [version, record] : versions) {
            if (version != expected++) {
                gaps << QStringLiteral("%1 v%2").arg(QString::fromStdString(id)).arg(version);
                break;
            }
        }
    }
    QVERIFY2(gaps.isEmpty(), qPrintable(gaps.mid(0, 20).join(u',')));

    // Every state the views were shown is one the journal holds after all the crashes: same version at
    // the same sequence (a change told and then lost would leave its sequence to another change).
    QStringList unknownToJournal;
    int closesSeen = 0;
    for (auto it = observer.seen.constBegin(); it != observer.seen.constEnd(); ++it) {
        const auto versions = journal.find(it.key().toStdString());
        for (const Observer::Seen& seen : it.value()) {
            const JournalRecord* record = nullptr;
            if (versions != journal.end()) {
                const auto found = versions->second.find(seen.version);
                if (found != versions->second.end())
                    record = &found->second;
            }
            closesSeen += seen.closed;
            const bool sameState =
                record && seen.closed == isClosed(record->alarm) &&
                (seen.closed || (seen.sequence == record->sequence &&
                                 seen.raisedAtMs == TimeUtil::TimestampToMilliseconds(record->alarm.raised_at())));
            if (!sameState)
                unknownToJournal << QStringLiteral("%1 v%2 at %3").arg(it.key()).arg(seen.version).arg(seen.sequence);
        }
    }
    QVERIFY2(unknownToJournal.isEmpty(), qPrintable(unknownToJournal.mid(0, 20).join(u',')));

    // No change applied twice: each alarm's versions only went up, whatever was replayed or resent.
    QVERIFY2(observer.notNewer.isEmpty(), qPrintable(observer.notNewer.mid(0, 20).join(u',')));

    // Every alarm the backend raised reached the views, unless it was raised and closed while the client
    // could not follow (then a replay coalesces it into its closed state, or a relist skips it).
    int raised = 0;
    int closedByBackend = 0;
    int unseenButRightly = 0;
    QStringList lost;
    QStringList notLatest;
    for (const auto& [id, versions] : journal) {
        ++raised;
        const QString alarmId = QString::fromStdString(id);
        const JournalRecord& last = versions.rbegin()->second;
        closedByBackend +=
            isClosed(last.alarm) && last.alarm.history_size() > 0 && last.alarm.history().rbegin()->user().empty();
        const auto seen = observer.seen.constFind(alarmId);
        if (seen == observer.seen.constEnd()) {
            const qint64 raisedAt = versions.begin()->second.sequence;
            const auto& windows = observer.blindWindows;
            const bool blind = isClosed(last.alarm) && std::any_of(windows.begin(), windows.end(), [&](const auto& w) {
                return w.first < raisedAt && last.sequence <= w.second;
            });
            if (blind)
                ++unseenButRightly;
            else
                lost << alarmId;
            continue;
        }
        // What the client holds of each active alarm is its latest version.
        const qint64 latest = last.alarm.version();
        if (clientVersions.contains(alarmId) && clientVersions.value(alarmId) != latest)
            notLatest << QStringLiteral("%1 v%2 of %3").arg(alarmId).arg(clientVersions.value(alarmId)).arg(latest);
        if (!isClosed(last.alarm) && !clientVersions.contains(alarmId))
            notLatest << QStringLiteral("%1 active v%2, not in the book").arg(alarmId).arg(latest);
    }
    QVERIFY2(lost.isEmpty(), 
             qPrintable(QStringLiteral("%1 lost: %2").arg(lost.size()).arg(lost.mid(0, 20).join(u','))));
    QVERIFY2(notLatest.isEmpty(), qPrintable(notLatest.mid(0, 20).join(u',')));

    // The relists were the forced ones, no more: a relist the contract did not call for would hide a loss.
    QCOMPARE(observer.resets - listsAtStart, compactions);
    QVERIFY(compactions >= 2);

    // The operator's changes: each applied at most once, and those reported done are in the journal.
    int succeeded = 0;
    QStringList twice;
    QStringList missing;
    for (const auto& change : changes) {
        const auto versions = journal.find(change->alarmId.toStdString());
        QVERIFY(versions != journal.end());
        int applied = 0;
        for (const auto& entry : versions->second.rbegin()->second.alarm.history())
            applied += QString::fromStdString(entry.comment()) == change->comment;
        if (applied > 1)
            twice << change->comment + QStringLiteral(" on ") + change->alarmId;
        if (!change->error) {
            ++succeeded;
            if (applied != 1)
                missing << change->comment + QStringLiteral(" on ") + change->alarmId;
        }
    }
    QVERIFY2(twice.isEmpty(), qPrintable(twice.join(u',')));
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u',')));
    QVERIFY2(succeeded >= kRestarts, qPrintable(QString::number(succeeded)));
    QVERIFY2(closedByBackend > 0 && closesSeen > 0, "the backend's and the operator's closes must reach the views");

    qInfo("%d restarts, %d relists, %d alarms raised (%d raised and closed unseen while the client was down, "
          "%d closed by the backend), %zu changes (%d succeeded), %d closes seen, %d active at the end, %lld ms",
          kRestarts, compactions, raised, unseenButRightly, closedByBackend, changes.size(), succeeded, closesSeen,
          int(clientVersions.size()), elapsed.elapsed());
}

QTEST_GUILESS_MAIN(TestAlarmLossless)
#include "test_alarm_lossless.moc"
