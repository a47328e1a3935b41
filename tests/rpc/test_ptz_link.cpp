// PtzLink against a real vigie-sim with PTZ domes: driving moves the dome the right way and stops when
// told; a burst of stick events becomes a bounded number of messages and the last one wins; the lease is
// renewed while the stick is held; the end of the stream (link destroyed, client process killed) stops
// the dome within a second; presets round-trip; the lock goes to the higher priority on takeover and the
// loser is told who took it; click-to-centre and area zoom move the dome as the sim's model says.
// Each test drives a dome of its own: the lock a session takes outlives its stream (ptz.proto).

// gRPC headers before Qt's: Qt's keyword macros must not reach them.
#include <grpcpp/support/status.h>

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <memory>
#include <optional>

#include <signal.h>

#include "SimProcess.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/rpc/PtzLink.h"

using vigie::rpc::BackendClient;
using vigie::rpc::BackendOptions;
using vigie::rpc::ConnectionState;
using vigie::rpc::PtzLink;
using vigie::rpc::PtzLockInfo;
using vigie::rpc::PtzPosition;
using vigie::rpc::PtzPreset;
using vigie::rpc::PtzPresetList;
using vigie::rpc::PtzStatus;
using vigie::rpc::PtzVelocity;
using vigie::rpc::RpcError;
using vigie::test::SimProcess;

namespace {

constexpr int kOnlineTimeoutMs = 15000;
constexpr int kCallTimeoutMs = 10000;
// Rate limit of the link (PtzDriver::kMinWriteInterval).
constexpr qint64 kMinWriteIntervalMs = 20;
constexpr int kLeaseMs = 500;  // the contract's default, which the link asks for

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

PtzVelocity velocity(double pan, double tilt, double zoom)
{
    PtzVelocity v;
    v.pan = pan;
    v.tilt = tilt;
    v.zoom = zoom;
    return v;
}

// For failure messages, which QVERIFY2 evaluates whatever the outcome.
QString textOf(const std::optional<RpcError>& error)
{
    return error ? error->text : QStringLiteral("no error");
}

// What the driving signals said, recorded.
struct DriveLog {
    bool started = false;
    std::chrono::milliseconds lease{0};
    PtzLockInfo lock;
    bool ended = false;
    std::optional<RpcError> error;
    int lapses = 0;
};

// One operator's workstation: its backend link and its PTZ link.
struct Console {
    Console(const QString& address, const QString& user) : client(optionsFor(address, user)), link(&client)
    {
        record(link);
        client.start();
    }
    void record(PtzLink& ptz)
    {
        QObject::connect(&ptz, &PtzLink::drivingStarted, &ptz,
                         [this](const QString&, std::chrono::milliseconds lease, const PtzLockInfo& lock) {
                             log.started = true;
                             log.lease = lease;
                             log.lock = lock;
                         });
        QObject::connect(&ptz, &PtzLink::drivingLeaseChanged, &ptz, [this](const QString&, bool active) {
            if (!active)
                ++log.lapses;
        });
        QObject::connect(&ptz, &PtzLink::drivingEnded, &ptz,
                         [this](const QString&, const std::optional<RpcError>& error) {
                             log.ended = true;
                             log.error = error;
                         });
    }
    BackendClient client;
    PtzLink link;
    DriveLog log;
};

// The dome's pose as the sim's console reports it.
struct Pose {
    double pan = 0;
    double tilt = 0;
    double zoom = 0;
    bool moving = false;
};

}  // namespace

class TestPtzLink : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void drivingMovesEachAxisAndStops();
    void burstIsCoalescedAndTheLastVelocityWins();
    void leaseIsRenewedWhileTheStickIsHeld();
    void destroyingTheLinkStopsTheCamera();
    void killedClientProcessStopsTheCamera();
    void presetsRoundTrip();
    void takeoverGoesToTheHigherPriority();
    void centreOnAndAreaZoomMoveAsTheModelSays();

private:
    Pose pose(const QString& camera);
    // Polls until the dome stands still; false if it still moves after `timeoutMs`.
    bool waitStopped(const QString& camera, int timeoutMs = 5000);
    std::optional<PtzStatus> status(PtzLink& link, const QString& camera);
    std::optional<RpcError> await(const std::function<void(PtzLink::Done)>& call);
    void startDriving(Console& console, const QString& camera);

    SimProcess m_sim;
};

void TestPtzLink::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--cameras"), QStringLiteral("1"), QStringLiteral("--ptz-cameras"),
                          QStringLiteral("8"), QStringLiteral("--alarm-rate"), QStringLiteral("0")}),
             qPrintable(m_sim.lastError()));
}

Pose TestPtzLink::pose(const QString& camera)
{
    QString reply;
    if (!m_sim.command(QStringLiteral("ptz-status ") + camera, &reply)) {
        qWarning("ptz-status %s: %s", qPrintable(camera), qPrintable(m_sim.lastError()));
        return {};
    }
    static const QRegularExpression pattern(
        QStringLiteral(R"(pan=(\S+) tilt=(\S+) zoom=(\S+) moving=([01]))"));
    const auto match = pattern.match(reply);
    if (!match.hasMatch()) {
        qWarning("unexpected ptz-status reply: %s", qPrintable(reply));
        return {};
    }
    return {match.captured(1).toDouble(), match.captured(2).toDouble(), match.captured(3).toDouble(),
            match.captured(4) == QLatin1String("1")};
}

bool TestPtzLink::waitStopped(const QString& camera, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (pose(camera).moving) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(20);
    }
    return true;
}

std::optional<PtzStatus> TestPtzLink::status(PtzLink& link, const QString& camera)
{
    bool done = false;
    std::optional<PtzStatus> result;
    link.getStatus(camera, [&](const std::optional<PtzStatus>& status, const std::optional<RpcError>& error) {
        done = true;
        result = status;
        if (error)
            qWarning("GetStatus: %s", qPrintable(textOf(error)));
    });
    if (!QTest::qWaitFor([&] { return done; }, kCallTimeoutMs))
        qWarning("GetStatus: no answer");
    return result;
}

std::optional<RpcError> TestPtzLink::await(const std::function<void(PtzLink::Done)>& call)
{
    bool done = false;
    std::optional<RpcError> result;
    call([&](const std::optional<RpcError>& error) {
        done = true;
        result = error;
    });
    if (!QTest::qWaitFor([&] { return done; }, kCallTimeoutMs)) {
        RpcError timeout;
        timeout.text = QStringLiteral("no answer");
        return timeout;
    }
    return result;
}

void TestPtzLink::startDriving(Console& console, const QString& camera)
{
    QTRY_COMPARE_WITH_TIMEOUT(console.client.state(), ConnectionState::Online, kOnlineTimeoutMs);
    console.log = {};
    console.link.startDriving(camera);
    QTRY_VERIFY_WITH_TIMEOUT(console.log.started || console.log.ended, kCallTimeoutMs);
    QVERIFY2(console.log.started, qPrintable(textOf(console.log.error)));
}

void TestPtzLink::drivingMovesEachAxisAndStops()
{
    const QString camera = QStringLiteral("ptz-01");
    Console op(m_sim.grpcAddress(), QStringLiteral("operator"));
    startDriving(op, camera);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(op.log.lease.count(), kLeaseMs);
    QVERIFY(op.log.lock.locked);
    QVERIFY(op.log.lock.heldByMe);
    QCOMPARE(op.log.lock.holderUser, QStringLiteral("operator"));
    QVERIFY(op.link.isDriving());
    QCOMPARE(op.link.drivingCamera(), camera);

    const Pose start = pose(camera);
    op.link.setVelocity(velocity(1, 0, 0));  // right, 0.5 pan units/s in the sim
    QTRY_VERIFY_WITH_TIMEOUT(pose(camera).pan > start.pan + 0.05, 3000);
    const Pose right = pose(camera);
    QVERIFY2(right.pan > start.pan + 0.05, qPrintable(QStringLiteral("pan %1 -> %2").arg(start.pan).arg(right.pan)));
    QVERIFY(right.moving);
    const auto seen = status(op.link, camera);
    QVERIFY(seen);
    QVERIFY(seen->moving());
    QVERIFY(seen->position.pan.value_or(-2) > start.pan + 0.05);
    QVERIFY(seen->lock.heldByMe);

    op.link.setVelocity(velocity(0, 0.5, 0));  // up, 0.75 tilt units/s
    QTRY_VERIFY_WITH_TIMEOUT(pose(camera).tilt > right.tilt + 0.05, 3000);
    const Pose up = pose(camera);
    QVERIFY2(up.tilt > right.tilt + 0.05, qPrintable(QStringLiteral("tilt %1 -> %2").arg(right.tilt).arg(up.tilt)));

    op.link.setVelocity(velocity(0, 0, 1));  // tele, 0.25 zoom units/s
    QTRY_VERIFY_WITH_TIMEOUT(pose(camera).zoom > up.zoom + 0.03, 3000);
    const Pose tele = pose(camera);
    QVERIFY2(tele.zoom > up.zoom + 0.03, qPrintable(QStringLiteral("zoom %1 -> %2").arg(up.zoom).arg(tele.zoom)));

    op.link.stopDriving();
    QTRY_VERIFY_WITH_TIMEOUT(op.log.ended, kCallTimeoutMs);
    QVERIFY2(!op.log.error, qPrintable(textOf(op.log.error)));
    QVERIFY(!op.link.isDriving());
    const Pose stopped = pose(camera);
    QVERIFY(!stopped.moving);
    QTest::qWait(300);
    const Pose later = pose(camera);
    QVERIFY(!later.moving);
    QCOMPARE(later.pan, stopped.pan);
    QCOMPARE(later.tilt, stopped.tilt);
    QCOMPARE(later.zoom, stopped.zoom);
}

void TestPtzLink::burstIsCoalescedAndTheLastVelocityWins()
{
    const QString camera = QStringLiteral("ptz-02");
    Console op(m_sim.grpcAddress(), QStringLiteral("operator"));
    startDriving(op, camera);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(op.link.controlMessagesSent() >= 1, kCallTimeoutMs);  // the start message

    const Pose start = pose(camera);
    const quint64 before = op.link.controlMessagesSent();
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 999; ++i)
        op.link.setVelocity(velocity(-1, 0, 0));
    op.link.setVelocity(velocity(1, 0, 0));
    const qint64 burstMs = timer.elapsed();
    QTest::qWait(600);
    const qint64 elapsedMs = timer.elapsed();
    const quint64 sent = op.link.controlMessagesSent() - before;
    qInfo("1000 velocities in %lld ms, %llu messages sent in %lld ms", burstMs, static_cast<unsigned long long>(sent),
          elapsedMs);
    QVERIFY2(sent <= quint64(5 + elapsedMs / kMinWriteIntervalMs),
             qPrintable(QStringLiteral("%1 messages in %2 ms").arg(sent).arg(elapsedMs)));
    QVERIFY(sent >= 2);  // the first velocity, the last one

    const Pose after = pose(camera);
    QVERIFY2(after.pan > start.pan + 0.1, qPrintable(QStringLiteral("pan %1 -> %2").arg(start.pan).arg(after.pan)));
    QVERIFY(after.moving);
    op.link.stopDriving();
    QTRY_VERIFY_WITH_TIMEOUT(op.log.ended, kCallTimeoutMs);
    QVERIFY(!op.log.error);
}

void TestPtzLink::leaseIsRenewedWhileTheStickIsHeld()
{
    const QString camera = QStringLiteral("ptz-03");
    Console op(m_sim.grpcAddress(), QStringLiteral("operator"));
    startDriving(op, camera);
    if (QTest::currentTestFailed())
        return;
    op.link.setVelocity(velocity(0.5, 0, 0));  // 0.25 pan units/s
    QTest::qWait(200);
    // No call for 1.5 s, three lease lengths: the dome keeps turning all along.
    Pose previous = pose(camera);
    QVERIFY(previous.moving);
    const quint64 sentBefore = op.link.controlMessagesSent();
    for (int i = 0; i < 3; ++i) {
        QTest::qWait(kLeaseMs);
        const Pose now = pose(camera);
        QVERIFY2(now.moving, qPrintable(QStringLiteral("stopped after %1 ms").arg((i + 1) * kLeaseMs)));
        QVERIFY2(now.pan > previous.pan + 0.08,
                 qPrintable(QStringLiteral("pan %1 -> %2").arg(previous.pan).arg(now.pan)));
        previous = now;
    }
    QCOMPARE(op.log.lapses, 0);
    // Renewals every lease / 3 (~167 ms): about nine in 1.5 s, never a flood.
    const quint64 renewals = op.link.controlMessagesSent() - sentBefore;
    qInfo("%llu renewals in %d ms", static_cast<unsigned long long>(renewals), 3 * kLeaseMs);
    QVERIFY2(renewals >= 6 && renewals <= 12, qPrintable(QString::number(renewals)));

    QElapsedTimer timer;
    timer.start();
    op.link.stopDriving();
    QVERIFY(waitStopped(camera, 2000));
    const qint64 stopMs = timer.elapsed();
    qInfo("stopped %lld ms after stopDriving", stopMs);
    QVERIFY2(stopMs < kLeaseMs, qPrintable(QStringLiteral("%1 ms").arg(stopMs)));
    QTRY_VERIFY_WITH_TIMEOUT(op.log.ended, kCallTimeoutMs);
    QVERIFY(!op.log.error);
}

void TestPtzLink::destroyingTheLinkStopsTheCamera()
{
    const QString camera = QStringLiteral("ptz-04");
    BackendClient client(optionsFor(m_sim.grpcAddress(), QStringLiteral("operator")));
    auto link = std::make_unique<PtzLink>(&client);
    bool started = false;
    connect(link.get(), &PtzLink::drivingStarted, this, [&] { started = true; });
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ConnectionState::Online, kOnlineTimeoutMs);
    link->startDriving(camera);
    QTRY_VERIFY_WITH_TIMEOUT(started, kCallTimeoutMs);
    link->setVelocity(velocity(0.5, 0, 0));
    QTRY_VERIFY_WITH_TIMEOUT(pose(camera).moving, kCallTimeoutMs);
    QTest::qWait(kLeaseMs + 200);  // past a lease: what keeps it moving now is the link's renewals
    QVERIFY(pose(camera).moving);

    QElapsedTimer timer;
    timer.start();
    link.reset();
    QVERIFY(waitStopped(camera, 3000));
    const qint64 stopMs = timer.elapsed();
    qInfo("stopped %lld ms after the link's destruction", stopMs);
    QVERIFY2(stopMs < 1000, qPrintable(QStringLiteral("%1 ms").arg(stopMs)));
}

void TestPtzLink::killedClientProcessStopsTheCamera()
{
    const QString camera = QStringLiteral("ptz-05");
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QStringLiteral(PTZ_DRIVE_CHILD), {m_sim.grpcAddress(), camera});
    QVERIFY2(child.waitForStarted(5000), qPrintable(child.errorString()));
    QByteArray output;
    QElapsedTimer wait;
    wait.start();
    while (!output.contains("driving") && wait.elapsed() < kOnlineTimeoutMs && child.state() == QProcess::Running) {
        child.waitForReadyRead(100);
        output += child.readAllStandardOutput();
    }
    QVERIFY2(output.contains("driving"), output.constData());
    QTRY_VERIFY_WITH_TIMEOUT(pose(camera).moving, kCallTimeoutMs);
    const Pose before = pose(camera);
    QTest::qWait(kLeaseMs + 300);  // past a lease: the child renews it
    const Pose held = pose(camera);
    QVERIFY(held.moving);
    QVERIFY(held.pan > before.pan + 0.1);

    QElapsedTimer timer;
    timer.start();
    QCOMPARE(::kill(pid_t(child.processId()), SIGKILL), 0);
    QVERIFY(waitStopped(camera, 3000));
    const qint64 stopMs = timer.elapsed();
    qInfo("stopped %lld ms after SIGKILL", stopMs);
    QVERIFY2(stopMs < 1000, qPrintable(QStringLiteral("%1 ms").arg(stopMs)));
    const Pose stopped = pose(camera);
    QTest::qWait(200);
    QCOMPARE(pose(camera).pan, stopped.pan);
    QTRY_COMPARE_WITH_TIMEOUT(child.state(), QProcess::NotRunning, 5000);
}

void TestPtzLink::presetsRoundTrip()
{
    const QString camera = QStringLiteral("ptz-06");
    Console op(m_sim.grpcAddress(), QStringLiteral("operator"));
    QTRY_COMPARE_WITH_TIMEOUT(op.client.state(), ConnectionState::Online, kOnlineTimeoutMs);
    PtzLink& link = op.link;

    PtzPosition target;
    target.pan = 0.3;
    target.tilt = 0.1;
    target.zoom = 0.2;
    auto error = await([&](PtzLink::Done done) { link.absoluteMove(camera, target, {}, done); });
    QVERIFY2(!error, qPrintable(textOf(error)));
    QVERIFY(waitStopped(camera));

    const QString name = QStringLiteral("Essai préréglage");
    std::optional<PtzPreset> stored;
    bool done = false;
    link.setPreset(camera, name, [&](const std::optional<PtzPreset>& preset, const std::optional<RpcError>& failure) {
        done = true;
        stored = preset;
        if (failure)
            qWarning("SetPreset: %s", qPrintable(failure->text));
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, kCallTimeoutMs);
    QVERIFY(stored);
    QVERIFY(!stored->id.isEmpty());
    QCOMPARE(stored->name, name);

    const auto listed = [&]() -> std::optional<PtzPresetList> {
        bool answered = false;
        std::optional<PtzPresetList> result;
        link.listPresets(camera, [&](const PtzPresetList& list, const std::optional<RpcError>& failure) {
            answered = true;
            if (!failure)
                result = list;
        });
        if (!QTest::qWaitFor([&] { return answered; }, kCallTimeoutMs))
            qWarning("ListPresets: no answer");
        return result;
    };
    const auto contains = [&](const PtzPresetList& list) {
        return std::any_of(list.presets.begin(), list.presets.end(),
                           [&](const PtzPreset& preset) { return preset.id == stored->id && preset.name == name; });
    };
    auto list = listed();
    QVERIFY(list);
    QVERIFY(contains(*list));
    QCOMPARE(list->maxPresets, 64);

    PtzPosition away;
    away.pan = -0.3;
    away.tilt = -0.1;
    away.zoom = 0.0;
    error = await([&](PtzLink::Done done) { link.absoluteMove(camera, away, {}, done); });
    QVERIFY2(!error, qPrintable(textOf(error)));
    QVERIFY(waitStopped(camera));
    QVERIFY(qAbs(pose(camera).pan + 0.3) < 0.01);

    error = await([&](PtzLink::Done done) { link.gotoPreset(camera, stored->id, {}, done); });
    QVERIFY2(!error, qPrintable(textOf(error)));
    QVERIFY(waitStopped(camera));
    const Pose back = pose(camera);
    QVERIFY2(qAbs(back.pan - 0.3) < 0.01 && qAbs(back.tilt - 0.1) < 0.01 && qAbs(back.zoom - 0.2) < 0.01,
             qPrintable(QStringLiteral("at %1 %2 %3").arg(back.pan).arg(back.tilt).arg(back.zoom)));

    error = await([&](PtzLink::Done done) { link.removePreset(camera, stored->id, done); });
    QVERIFY2(!error, qPrintable(textOf(error)));
    list = listed();
    QVERIFY(list);
    QVERIFY(!contains(*list));
}

void TestPtzLink::takeoverGoesToTheHigherPriority()
{
    const QString camera = QStringLiteral("ptz-07");
    Console op(m_sim.grpcAddress(), QStringLiteral("operator"));      // priority 10
    Console sup(m_sim.grpcAddress(), QStringLiteral("supervisor"));   // priority 50
    Console watcher(m_sim.grpcAddress(), QStringLiteral("viewer"));   // sees the lock, may not drive
    QTRY_COMPARE_WITH_TIMEOUT(watcher.client.state(), ConnectionState::Online, kOnlineTimeoutMs);
    int lockSignals = 0;
    connect(&watcher.link, &PtzLink::lockChanged, this, [&](const QString& id) { lockSignals += id == camera; });
    watcher.link.watchLock(camera);
    QTRY_VERIFY_WITH_TIMEOUT(watcher.link.lock(camera).has_value(), kCallTimeoutMs);
    QVERIFY(!watcher.link.lock(camera)->locked);

    startDriving(op, camera);
    if (QTest::currentTestFailed())
        return;
    op.link.setVelocity(velocity(0.2, 0, 0));
    QTRY_VERIFY_WITH_TIMEOUT(watcher.link.lock(camera)->locked, kCallTimeoutMs);
    QCOMPARE(watcher.link.lock(camera)->holderUser, QStringLiteral("operator"));
    QCOMPARE(watcher.link.lock(camera)->priority, 10);
    QVERIFY(!watcher.link.lock(camera)->heldByMe);

    // Without takeover: refused, naming who has it.
    QTRY_COMPARE_WITH_TIMEOUT(sup.client.state(), ConnectionState::Online, kOnlineTimeoutMs);
    sup.link.startDriving(camera, false);
    QTRY_VERIFY_WITH_TIMEOUT(sup.log.ended, kCallTimeoutMs);
    QVERIFY(!sup.log.started);
    QVERIFY(sup.log.error);
    QCOMPARE(sup.log.error->code, int(grpc::StatusCode::FAILED_PRECONDITION));
    QVERIFY2(sup.log.error->text.contains(QStringLiteral("Opérateur")), qPrintable(textOf(sup.log.error)));
    QVERIFY(op.link.isDriving());

    // With takeover: the higher priority wins and the operator is told who took the camera.
    sup.log = {};
    sup.link.startDriving(camera, true);
    QTRY_VERIFY_WITH_TIMEOUT(sup.log.started || sup.log.ended, kCallTimeoutMs);
    QVERIFY2(sup.log.started, sup.log.error ? qPrintable(textOf(sup.log.error)) : "ended");
    QVERIFY(sup.log.lock.heldByMe);
    QCOMPARE(sup.log.lock.priority, 50);
    QTRY_VERIFY_WITH_TIMEOUT(op.log.ended, 2000);
    QVERIFY(op.log.error);
    QCOMPARE(op.log.error->code, int(grpc::StatusCode::FAILED_PRECONDITION));
    QVERIFY2(op.log.error->text.contains(QStringLiteral("Superviseur")), qPrintable(textOf(op.log.error)));
    QVERIFY(!op.link.isDriving());
    QVERIFY(waitStopped(camera, 1000));  // the takeover stopped the operator's move
    QTRY_COMPARE_WITH_TIMEOUT(watcher.link.lock(camera)->holderUser, QStringLiteral("supervisor"), kCallTimeoutMs);
    QCOMPARE(watcher.link.lock(camera)->holderDisplayName, QStringLiteral("Superviseur"));
    QVERIFY(lockSignals >= 3);  // free, operator, supervisor

    sup.link.stopDriving();
    QTRY_VERIFY_WITH_TIMEOUT(sup.log.ended, kCallTimeoutMs);
    QVERIFY(!sup.log.error);
    // Ending the stream keeps the lock (ptz.proto); releasing it frees the camera for everyone.
    bool released = false;
    sup.link.releaseLock(camera, [&](const std::optional<PtzLockInfo>& lock, const std::optional<RpcError>&) {
        released = lock && !lock->locked;
    });
    QTRY_VERIFY_WITH_TIMEOUT(released, kCallTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!watcher.link.lock(camera)->locked, kCallTimeoutMs);
    watcher.link.unwatchLock(camera);
    QVERIFY(!watcher.link.lock(camera));
}

void TestPtzLink::centreOnAndAreaZoomMoveAsTheModelSays()
{
    const QString camera = QStringLiteral("ptz-08");
    Console op(m_sim.grpcAddress(), QStringLiteral("operator"));
    QTRY_COMPARE_WITH_TIMEOUT(op.client.state(), ConnectionState::Online, kOnlineTimeoutMs);
    const Pose home = pose(camera);
    QCOMPARE(home.pan, 0.0);
    QCOMPARE(home.zoom, 0.0);

    // Three quarters across a 60 degree wide picture: 15 degrees right, 15/180 in pan units.
    auto error = await([&](PtzLink::Done done) { op.link.centreOn(camera, QPointF(0.75, 0.5), done); });
    QVERIFY2(!error, qPrintable(textOf(error)));
    QVERIFY(waitStopped(camera));
    const Pose centred = pose(camera);
    QVERIFY2(qAbs(centred.pan - 15.0 / 180.0) < 0.005, qPrintable(QString::number(centred.pan)));
    QVERIFY(qAbs(centred.tilt) < 0.005);

    // An area a fifth of the picture wide: the field narrows from 60 to 12 degrees; zoom narrows it
    // geometrically from 60 to 3 degrees, so zoom = ln(5) / ln(20).
    error = await([&](PtzLink::Done done) { op.link.areaZoom(camera, QRectF(0.4, 0.4, 0.2, 0.2), done); });
    QVERIFY2(!error, qPrintable(textOf(error)));
    QVERIFY(waitStopped(camera));
    const Pose zoomed = pose(camera);
    QVERIFY2(qAbs(zoomed.zoom - std::log(5.0) / std::log(20.0)) < 0.01, qPrintable(QString::number(zoomed.zoom)));
    QVERIFY(qAbs(zoomed.pan - centred.pan) < 0.005);

    // A refusal is reported in words: an area with no size.
    error = await([&](PtzLink::Done done) { op.link.areaZoom(camera, QRectF(0.5, 0.5, 0, 0), done); });
    QVERIFY(error);
    QCOMPARE(error->code, int(grpc::StatusCode::INVALID_ARGUMENT));
}

QTEST_GUILESS_MAIN(TestPtzLink)
#include "test_ptz_link.moc"
