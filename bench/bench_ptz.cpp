// bench_ptz: input-to-command delay of PTZ with the mouse. A real MainWindow drives a vigie-sim dome
// shown alone on a 1x1 wall, "PTZ with the mouse" on, through a real PtzLink; each sample presses on the
// tile and drags (a different vector each time, so the velocity changes), and the delay runs from the
// wall clock right before the move event is sent to the sim's arrival time of that velocity on the
// Control stream (stdin `ptz-last-command`: same machine, same clock, std::chrono::system_clock).
//
// Each sample starts from rest: the button is released and the release's zero has reached the sim, and
// the next move waits a quiet gap longer than the client's 20 ms write pacing, so the measured case is
// the first change after a quiet period, which the pacing sends at once. A continuous drag then measures
// what steering feels like, pacing included (a change within 20 ms of the previous write waits for the
// rest of the interval, by design).
// The stream is opened by a warm-up drag that is not counted: opening it (lock, start message) is a
// one-off cost per driving session.
//
// Second figure: a burst of 1,000 mouse moves within about 1 s, every move a new velocity: how many
// Control messages the sim received (the pacing bounds them to one per 20 ms) and whether the last
// velocity won. Floor for comparison: the loopback unary round trip of PtzService.GetStatus, through
// PtzLink (callback API, answer on the GUI thread) and through a bare synchronous stub.
// Goal (issue): p95 under 30 ms on loopback.
//
// Usage: bench_ptz [--samples N]   (needs a display: scripts/with-display)

// gRPC and generated headers before Qt's: Qt's keyword macros must not reach them.
#include "SimCalls.h"

#include <vigie/v1/ptz.grpc.pb.h>

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QSurfaceFormat>
#include <QTextStream>
#include <QtTest>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numbers>
#include <optional>
#include <vector>

#include "MainWindow.h"
#include "RenderPathChoice.h"
#include "SimProcess.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/rpc/PtzLink.h"
#include "vigie/widgets/PtzGesture.h"
#include "vigie/widgets/WallWidget.h"

namespace {

const QString kDome = QStringLiteral("ptz-01");
// The float on the wire against the double the widget emitted, printed with 6 decimals by the sim.
constexpr double kVelocityTolerance = 1e-4;
// Rest between samples, from the release: well over the 20 ms pacing, so the next change goes out at once.
constexpr int kQuietGapMs = 100;
constexpr int kBurstMoves = 1000;

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[index];
}

qint64 nowUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

struct Received {
    qint64 atUs = 0;
    double pan = 0;
    double tilt = 0;
    quint64 count = 0;
};

std::optional<Received> lastCommand(vigie::test::SimProcess& sim)
{
    QString reply;  // "ok at_us=1764371234567890 pan=0.250000 tilt=-0.100000 count=12"
    if (!sim.command(QStringLiteral("ptz-last-command %1").arg(kDome), &reply))
        return std::nullopt;
    static const QRegularExpression pattern(
        QStringLiteral("at_us=([0-9]+) pan=(-?[0-9.]+) tilt=(-?[0-9.]+) count=([0-9]+)"));
    const auto match = pattern.match(reply);
    if (!match.hasMatch())
        return std::nullopt;
    return Received{match.captured(1).toLongLong(), match.captured(2).toDouble(), match.captured(3).toDouble(),
                    match.captured(4).toULongLong()};
}

bool matches(const Received& received, const vigie::widgets::PtzVelocityVector& velocity)
{
    return std::abs(received.pan - velocity.pan) < kVelocityTolerance &&
           std::abs(received.tilt - velocity.tilt) < kVelocityTolerance;
}

// Polls the sim (events processed in between: the client's write completions land on the GUI thread)
// until it reports a velocity message after `afterCount` that matches `velocity`.
std::optional<Received> waitForVelocity(vigie::test::SimProcess& sim, quint64 afterCount,
                                        const vigie::widgets::PtzVelocityVector& velocity, int timeoutMs = 3000)
{
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < timeoutMs) {
        const auto received = lastCommand(sim);
        if (!received)
            return std::nullopt;
        if (received->count > afterCount && matches(*received, velocity))
            return received;
        QCoreApplication::processEvents();
    }
    return std::nullopt;
}

void sendMove(QWidget* widget, QPoint at)
{
    // QTest::mouseMove carries no button: a drag needs the held button in the event, as the platform sends it.
    QMouseEvent move(QEvent::MouseMove, at, widget->mapToGlobal(at), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(widget, &move);
}

void waitMs(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

// Round trips of PtzService.GetStatus: through PtzLink (answer on the GUI thread) and a bare sync stub.
struct Floor {
    std::vector<double> linkMs;
    std::vector<double> stubMs;
};

Floor measureFloor(vigie::rpc::PtzLink& ptz, const QString& address, int calls)
{
    Floor floor;
    for (int i = 0; i < calls; ++i) {
        bool done = false;
        QElapsedTimer timer;
        timer.start();
        ptz.getStatus(kDome, [&](const auto&, const auto&) { done = true; });
        while (!done)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        floor.linkMs.push_back(timer.nsecsElapsed() / 1e6);
    }
    const auto channel = grpc::CreateChannel(address.toStdString(), grpc::InsecureChannelCredentials());
    const std::string token = vigie::test::loginOn(channel, "operator", "bench_ptz");
    auto stub = vigie::v1::PtzService::NewStub(channel);
    vigie::v1::GetStatusRequest request;
    request.set_camera_id(kDome.toStdString());
    for (int i = 0; i < calls + 10; ++i) {
        vigie::v1::GetStatusResponse response;
        const auto context = vigie::test::callContext(token);
        QElapsedTimer timer;
        timer.start();
        const auto status = stub->GetStatus(context.get(), request, &response);
        if (status.ok() && i >= 10)  // the first calls connect the channel
            floor.stubMs.push_back(timer.nsecsElapsed() / 1e6);
    }
    return floor;
}

}  // namespace

int main(int argc, char** argv)
{
    QSurfaceFormat::setDefaultFormat(vigie::widgets::WallWidget::defaultSurfaceFormat());
    QApplication app(argc, argv);
    vigie::widgets::WallWidget::setDefaultRenderPath(
        vigie::app::chooseRenderPath(vigie::app::RenderPreference::Auto, vigie::app::probeOpenGl()).path);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("vigie-bench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_ptz"));
    QSettings().clear();
    int samples = 200;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--samples"))
            samples = std::max(1, args[i + 1].toInt());
    }
    QTextStream out(stdout);
    const auto fail = [&](const QString& why) {
        out << "bench_ptz: " << why << "\n";
        out.flush();
        return 1;
    };

    vigie::test::SimProcess sim;
    if (!sim.start({QStringLiteral("--cameras"), QStringLiteral("0"), QStringLiteral("--ptz-cameras"),
                    QStringLiteral("1"), QStringLiteral("--alarm-rate"), QStringLiteral("0")}))
        return fail(sim.lastError());
    vigie::rpc::BackendOptions options;
    options.address = sim.grpcAddress();
    options.user = QStringLiteral("admin");  // the highest priority: nobody's lock stands in the way
    options.password = QStringLiteral("admin");
    vigie::rpc::BackendClient backend(options);
    vigie::rpc::PtzLink ptz(&backend);
    vigie::app::MainWindow window(&backend, 1, {kDome}, nullptr, nullptr);
    window.setPtzLink(&ptz);
    window.resize(1400, 900);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return fail(QStringLiteral("the window was not exposed"));
    backend.start();
    if (!QTest::qWaitFor([&] { return backend.camera(kDome) != nullptr; }, 15000))
        return fail(QStringLiteral("the dome is not in the directory"));
    auto* wall = window.wall();
    wall->setSelectedTile(0);
    auto* mouse = window.findChild<QAction*>(QStringLiteral("ptzMouseAction"));
    if (!mouse)
        return fail(QStringLiteral("no ptzMouseAction"));
    mouse->setChecked(true);
    if (wall->ptzTile() != 0)
        return fail(QStringLiteral("the tile is not the PTZ tile"));
    // Measure a working console: the dome's video plays on the tile while it is steered.
    if (!QTest::qWaitFor([&] { return wall->pictureInfo(0).has_value(); }, 15000))
        return fail(QStringLiteral("no picture on the tile"));

    // What the wall asks for, exactly: the sim must receive this velocity.
    vigie::widgets::PtzVelocityVector emitted;
    int emissions = 0;
    QObject::connect(wall, &vigie::widgets::WallWidget::ptzVelocityRequested, &app, [&](int, double pan, double tilt) {
        emitted = {pan, tilt, 0.0};
        ++emissions;
    });

    const qreal dpr = wall->devicePixelRatioF();
    const QRect tile(wall->tileRect(0).topLeft() / dpr, wall->tileRect(0).size() / dpr);  // widget coordinates
    const QPoint pressAt = tile.center();
    const double fullSpeedPx = vigie::widgets::PtzGesture::kFullSpeedFraction * std::min(tile.width(), tile.height());

    // One gesture: press, drag by `drag`, wait for its velocity at the sim, release, wait for the zero,
    // rest. The delay in ms, the velocity messages the sim received for it; nullopt if something is lost.
    struct Sample {
        double delayMs = 0;
        // sendEvent's own duration: the wall, the console and PtzLink handle the move synchronously (the
        // write is started within it, and goes out on gRPC's threads while the GUI thread finishes).
        double handlingMs = 0;
        quint64 messages = 0;
    };
    const auto gesture = [&](QPoint drag) -> std::optional<Sample> {
        const auto before = lastCommand(sim);
        if (!before)
            return std::nullopt;
        QTest::mousePress(wall, Qt::LeftButton, {}, pressAt);
        const int emissionsBefore = emissions;
        const qint64 sentUs = nowUs();
        sendMove(wall, pressAt + drag);
        const qint64 handledUs = nowUs();
        if (emissions == emissionsBefore || emitted.isZero())
            return std::nullopt;  // the drag did not steer (dead zone?)
        const auto arrived = waitForVelocity(sim, before->count, emitted);
        if (!arrived)
            return std::nullopt;
        QElapsedTimer sinceRelease;
        sinceRelease.start();
        QTest::mouseRelease(wall, Qt::LeftButton, {}, pressAt + drag);
        const auto stopped = waitForVelocity(sim, arrived->count, {});
        if (!stopped)
            return std::nullopt;
        waitMs(kQuietGapMs - int(sinceRelease.elapsed()));
        return Sample{(arrived->atUs - sentUs) / 1e3, (handledUs - sentUs) / 1e3, stopped->count - before->count};
    };

    if (!gesture(QPoint(int(fullSpeedPx / 2), 0)))  // opens the stream: not counted
        return fail(QStringLiteral("the warm-up drag did not reach the sim"));

    std::vector<double> delaysMs;
    std::vector<double> handlingMs;
    std::vector<double> messagesPerSample;
    const quint64 clientBefore = ptz.controlMessagesSent();
    for (int i = 0; i < samples; ++i) {
        // Directions around the circle (golden angle), lengths from 20% to 100% of full speed.
        const double angle = i * std::numbers::pi * (3.0 - std::sqrt(5.0));
        const double length = fullSpeedPx * (0.2 + 0.8 * ((i * 7) % 10) / 9.0);
        const QPoint drag(int(std::lround(length * std::cos(angle))), int(std::lround(length * std::sin(angle))));
        const auto sample = gesture(drag);
        if (!sample)
            return fail(QStringLiteral("sample %1 (drag %2,%3) did not reach the sim").arg(i).arg(drag.x()).arg(drag.y()));
        delaysMs.push_back(sample->delayMs);
        handlingMs.push_back(sample->handlingMs);
        messagesPerSample.push_back(double(sample->messages));
    }
    const quint64 clientMessages = ptz.controlMessagesSent() - clientBefore;

    // Continuous drag: a mouse reporting every 8 ms (125 Hz) for 2 s, each move a new velocity. A move's
    // delay runs until the sim receives its velocity or a newer one (the pacing sends only the latest):
    // what the hand feels while steering, pacing included. Arrivals the polls miss are credited to the
    // next one seen, which can only overstate the delay.
    std::vector<double> dragDelaysMs;
    {
        struct Move {
            qint64 sentUs = 0;
            vigie::widgets::PtzVelocityVector velocity;
        };
        std::vector<Move> moves;
        std::size_t served = 0;  // moves before this index have their delay
        const auto before = lastCommand(sim);
        if (!before)
            return fail(QStringLiteral("no answer from the sim"));
        quint64 seenCount = before->count;
        QTest::mousePress(wall, Qt::LeftButton, {}, pressAt);
        QElapsedTimer drag;
        drag.start();
        const auto credit = [&](const Received& received) {
            for (std::size_t i = moves.size(); i-- > served;) {
                if (matches(received, moves[i].velocity)) {
                    for (; served <= i; ++served)
                        dragDelaysMs.push_back((received.atUs - moves[served].sentUs) / 1e3);
                    return;
                }
            }
        };
        for (int k = 0; drag.elapsed() < 2000; ++k) {
            while (drag.nsecsElapsed() < qint64(k) * 8'000'000) {
                if (const auto received = lastCommand(sim); received && received->count != seenCount) {
                    seenCount = received->count;
                    credit(*received);
                }
                QCoreApplication::processEvents();
            }
            const double angle = k * 0.05;
            const double length = fullSpeedPx * (0.3 + 0.6 * (k % 40) / 39.0);
            const QPoint at = pressAt + QPoint(int(std::lround(length * std::cos(angle))), int(std::lround(length * std::sin(angle))));
            const qint64 sentUs = nowUs();
            sendMove(wall, at);
            if (!emitted.isZero() && (moves.empty() || !(moves.back().velocity == emitted)))
                moves.push_back(Move{sentUs, emitted});
        }
        QElapsedTimer settle;
        settle.start();
        while (served < moves.size() && settle.elapsed() < 500) {
            if (const auto received = lastCommand(sim); received && received->count != seenCount) {
                seenCount = received->count;
                credit(*received);
            }
            QCoreApplication::processEvents();
        }
        QTest::mouseRelease(wall, Qt::LeftButton, {}, pressAt);
        if (!waitForVelocity(sim, seenCount, {}))
            return fail(QStringLiteral("the continuous drag's release did not stop the dome"));
        waitMs(kQuietGapMs);
    }

    // Burst: 1,000 moves, one a millisecond, each a new velocity (the drag turns and stretches).
    const auto beforeBurst = lastCommand(sim);
    if (!beforeBurst)
        return fail(QStringLiteral("no answer from the sim"));
    const quint64 clientBeforeBurst = ptz.controlMessagesSent();
    QTest::mousePress(wall, Qt::LeftButton, {}, pressAt);
    QElapsedTimer burst;
    burst.start();
    QPoint lastAt = pressAt;
    for (int k = 0; k < kBurstMoves; ++k) {
        while (burst.nsecsElapsed() < qint64(k) * 1'000'000)
            QCoreApplication::processEvents();
        const double angle = k * 0.01;
        const double length = fullSpeedPx * (0.4 + 0.5 * (k % 50) / 49.0);
        lastAt = pressAt + QPoint(int(std::lround(length * std::cos(angle))), int(std::lround(length * std::sin(angle))));
        sendMove(wall, lastAt);
    }
    const double burstMs = burst.nsecsElapsed() / 1e6;
    const auto lastWanted = emitted;
    // The latest state goes out within one pacing interval; a renewal comes only a lease / 3 later.
    waitMs(120);
    const auto afterBurst = lastCommand(sim);
    if (!afterBurst)
        return fail(QStringLiteral("no answer from the sim"));
    const quint64 burstMessages = afterBurst->count - beforeBurst->count;
    const quint64 burstClientMessages = ptz.controlMessagesSent() - clientBeforeBurst;
    const bool lastWon = matches(*afterBurst, lastWanted);
    QTest::mouseRelease(wall, Qt::LeftButton, {}, lastAt);
    const bool burstStopped = waitForVelocity(sim, afterBurst->count, {}).has_value();

    const Floor floor = measureFloor(ptz, sim.grpcAddress(), 200);

    out << QStringLiteral("bench_ptz: mouse drag on a PTZ dome's tile -> velocity received by vigie-sim (loopback)\n");
    out << QStringLiteral("  samples %1 (each from rest, quiet gap %2 ms > 20 ms pacing: the change goes out at once)\n")
               .arg(delaysMs.size())
               .arg(kQuietGapMs);
    out << QStringLiteral("  input -> command  p50 %1 ms  p95 %2 ms  max %3 ms   (goal p95 < 30 ms)\n")
               .arg(percentile(delaysMs, 0.5), 0, 'f', 2)
               .arg(percentile(delaysMs, 0.95), 0, 'f', 2)
               .arg(percentile(delaysMs, 1.0), 0, 'f', 2);
    out << QStringLiteral("  continuous drag (a move every 8 ms for 2 s, %1 velocities): move -> that velocity or a "
                          "newer one at the sim  p50 %2 ms  p95 %3 ms  max %4 ms\n")
               .arg(dragDelaysMs.size())
               .arg(percentile(dragDelaysMs, 0.5), 0, 'f', 2)
               .arg(percentile(dragDelaysMs, 0.95), 0, 'f', 2)
               .arg(percentile(dragDelaysMs, 1.0), 0, 'f', 2);
    out << QStringLiteral("    the move's synchronous handling on the GUI thread (sendEvent)  p50 %1 ms  p95 %2 ms\n")
               .arg(percentile(handlingMs, 0.5), 0, 'f', 2)
               .arg(percentile(handlingMs, 0.95), 0, 'f', 2);
    out << QStringLiteral("  Control messages per sample (move + release's zero)  min %1  max %2  (client wrote %3 "
                          "for %4 samples)\n")
               .arg(percentile(messagesPerSample, 0))
               .arg(percentile(messagesPerSample, 1.0))
               .arg(clientMessages)
               .arg(delaysMs.size());
    out << QStringLiteral("  burst: %1 moves in %2 ms -> %3 Control messages at the sim (client wrote %4; pacing "
                          "bound %5), last velocity won: %6, release stopped: %7\n")
               .arg(kBurstMoves)
               .arg(burstMs, 0, 'f', 0)
               .arg(burstMessages)
               .arg(burstClientMessages)
               .arg(int(burstMs / 20.0) + 2)
               .arg(lastWon ? QStringLiteral("yes") : QStringLiteral("no"))
               .arg(burstStopped ? QStringLiteral("yes") : QStringLiteral("no"));
    out << QStringLiteral("  floor, GetStatus round trip: PtzLink p50 %1 ms p95 %2 ms; bare sync stub p50 %3 ms p95 %4 ms\n")
               .arg(percentile(floor.linkMs, 0.5), 0, 'f', 2)
               .arg(percentile(floor.linkMs, 0.95), 0, 'f', 2)
               .arg(percentile(floor.stubMs, 0.5), 0, 'f', 2)
               .arg(percentile(floor.stubMs, 0.95), 0, 'f', 2);
    out.flush();
    window.close();
    sim.stop();
    return 0;
}
