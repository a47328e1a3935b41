// The whole client path on a video wall: RTSP -> StreamSession (demux + decode) -> FrameMailbox ->
// WallWidget (the path the app would pick, or --renderer) in a real 1920x1080 window, against the same
// streams decoded by `ffmpeg -threads 1 -rtsp_transport tcp -i URL -f null -` (decode only, one process
// per stream).
//
// Usage: bench_wall [--window S] [--repeats N] [--renderer auto|opengl|software] [--scenario NAME]... [--help]
//   scenarios: 16x360 (4x4 grid of 640x360 sub streams), 64x360 (8x8), 16x720 (4x4 of 1280x720 main
//              streams), 4x1080 (2x2 of 1920x1080), 1x1080h265 (one 1920x1080 H.265); default: all.
//   Window: 8 s; repeats: 3.
// Needs an X display (scripts/with-display provides Xvfb + Mesa llvmpipe when none is set) and the ffmpeg CLI.
//
// Per scenario, vigie-sim serves N cheap cameras (a pre-encoded clip relayed in a loop, ~0.5% of a core
// per stream, so the server barely competes with the client). Each clip frame carries its number as a
// barcode and leaves the server on a wall-clock schedule (sim/barcode), so the time it was sent is known
// from the pixels alone. Each repeat:
//   vigie:  N sessions on one wall; once every tile has shown a frame and after 1 s of settling, counters
//           are sampled over the measurement window: frames decoded (StreamStats), frames shown (the
//           wall's framePresented per tile), mailbox drops, paints, the process's CPU time
//           (getrusage(RUSAGE_SELF), user + sys, all threads including Mesa's), the X server's CPU time
//           (/proc of the Xvfb/Xorg serving DISPLAY), resident memory added per stream, and for the
//           first tiles the glass-to-glass latency: at each framePresented the top band of the tile as
//           drawn is read back (glReadPixels, or the picture copied into the window on the software
//           path), its barcode decoded, and the send time subtracted from the wall clock. Time to first
//           frame is from a session's start() to its tile's first framePresented.
//   ffmpeg: N concurrent processes; once each one reports decoded frames (-progress) and after 1 s of
//           settling, their CPU time (/proc/PID/stat: the children are still running, so RUSAGE_CHILDREN
//           would only see them after exit, start-up and probing included) and frame counts are sampled
//           over the same window.
// Medians over the repeats are printed.

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QStandardPaths>
#include <QSurfaceFormat>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest/QTest>

#include <malloc.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

#include "FrameBarcode.h"
#include "SimProcess.h"
#include "WallClockSchedule.h"
#include "vigie/player/StreamSession.h"
#include "vigie/widgets/WallLayout.h"
#include "RenderPathChoice.h"
#include "vigie/widgets/WallWidget.h"

extern char** environ;

using namespace vigie::player;
using namespace vigie::widgets;

namespace {

struct Scenario {
    const char* name;
    int streams;
    int columns;
    int rows;
    bool mainStream;    // the cheap cameras' main stream (mainSize), else the 640x360 sub stream
    const char* mainSize;  // --cheap-main of the simulator
    bool h265;          // --cheap-codec h265
};

// The 4x4 wall of sub streams is the everyday case; the others are the ones the performance goals name.
constexpr Scenario kScenarios[] = {
    {"16x360", 16, 4, 4, false, "1280x720", false},
    {"64x360", 64, 8, 8, false, "1280x720", false},
    {"16x720", 16, 4, 4, true, "1280x720", false},
    {"4x1080", 4, 2, 2, true, "1920x1080", false},
    {"1x1080h265", 1, 1, 1, true, "1920x1080", true},
};

// Glass-to-glass latency is read off at most this many tiles (the first ones): reading pixels back
// costs a little, and on the OpenGL path it waits for the renderer.
constexpr int kLatencyTiles = 4;
// The simulator's cheap clips: 10 s loops of 40 ms frames, a key frame every 25 (sim/README.md).
const vigie::barcode::WallClockSchedule kClipSchedule = vigie::barcode::WallClockSchedule::simulatorClips();

constexpr int kSettleMs = 1000;
constexpr int kStartTimeoutMs = 30000;

struct VigieRun {
    bool ok = false;
    QString resolution;
    double decoded = 0;
    double shown = 0;
    double drops = 0;
    double paints = 0;
    double cpuS = 0;
    double wallS = 0;
    double ttffP50 = 0;
    double ttffP95 = 0;
    double latencyP50 = -1;  // ms; -1 = no barcode read
    double latencyP95 = -1;
    double latencySamples = 0;
    double rssPerStreamMiB = 0;
    double xServerCpuS = -1;  // -1 = the X server's CPU could not be read
    double reconnects = 0;
    double xCores() const { return wallS > 0 && xServerCpuS >= 0 ? xServerCpuS / wallS : -1; }
    double msPerShown() const { return shown > 0 ? cpuS * 1000.0 / shown : 0; }
    double msPerDecoded() const { return decoded > 0 ? cpuS * 1000.0 / decoded : 0; }
    double cores() const { return wallS > 0 ? cpuS / wallS : 0; }
    double paintsPerS() const { return wallS > 0 ? paints / wallS : 0; }
};

struct FfmpegRun {
    bool ok = false;
    double decoded = 0;
    double cpuS = 0;
    double wallS = 0;
    double msPerFrame() const { return decoded > 0 ? cpuS * 1000.0 / decoded : 0; }
    double cores() const { return wallS > 0 ? cpuS / wallS : 0; }
};

double seconds(const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; }

double selfCpuS()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

// Nearest-rank percentile of a non-empty sample.
double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * double(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

// Resident memory of this process, MiB (VmRSS).
double rssMiB()
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

double processCpuS(pid_t pid);

// The X server showing DISPLAY (Xvfb or Xorg whose command line names the display), or -1.
pid_t xServerPid()
{
    const QByteArray display = qgetenv("DISPLAY");
    const QByteArray number = display.mid(display.indexOf(':'));
    if (number.isEmpty())
        return -1;
    const QDir proc(QStringLiteral("/proc"));
    for (const QString& entry : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool numeric = false;
        const pid_t pid = pid_t(entry.toInt(&numeric));
        if (!numeric)
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> args = cmdline.readAll().split('\0');
        if (args.isEmpty())
            continue;
        const QByteArray program = args.first().mid(args.first().lastIndexOf('/') + 1);
        if ((program == "Xvfb" || program == "Xorg" || program == "X") && args.contains(number))
            return pid;
    }
    return -1;
}

// Runs the event loop for ms milliseconds.
void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Runs the event loop until done() or the timeout; returns done().
bool spinUntil(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        spin(20);
    }
    return true;
}

QString streamUrl(const vigie::test::SimProcess& sim, int index, bool mainStream)
{
    return QStringLiteral("%1/cheap-%2/%3")
        .arg(sim.rtspBaseUrl())
        .arg(index + 1, 2, 10, QLatin1Char('0'))
        .arg(mainStream ? QStringLiteral("main") : QStringLiteral("sub"));
}

VigieRun runVigie(const vigie::test::SimProcess& sim, const Scenario& scenario, int windowMs, WallWidget::RenderPath path)
{
    VigieRun run;
    const int n = scenario.streams;
    auto wall = std::make_unique<WallWidget>(path);
    wall->setWindowTitle(QStringLiteral("bench_wall %1").arg(QString::fromLatin1(scenario.name)));
    wall->setWallLayout(WallLayout::grid(scenario.columns, scenario.rows));
    wall->move(0, 0);
    wall->resize(1920, 1080);
    wall->show();
    if (!QTest::qWaitForWindowExposed(wall.get())) {
        std::fprintf(stderr, "the wall window was not exposed\n");
        return run;
    }
    spin(200);  // first paint
    if (!wall->renderError().isEmpty()) {
        std::fprintf(stderr, "the wall cannot render: %s\n", qPrintable(wall->renderError()));
        return run;
    }
    // Give back what earlier runs freed, so that the difference is this run's streams.
    malloc_trim(0);
    const double rssBefore = rssMiB();
    std::vector<std::uint64_t> shown(std::size_t(n), 0);
    std::vector<double> firstFrameMs(std::size_t(n), -1);
    std::vector<double> latencies;
    bool measuringLatency = false;
    std::vector<qint64> startedNs(std::size_t(n), 0);
    QElapsedTimer clock;
    clock.start();
    QObject::connect(wall.get(), &WallWidget::framePresented, wall.get(), [&](int tile) {
        if (tile < 0 || tile >= n)
            return;
        const auto i = std::size_t(tile);
        ++shown[i];
        if (firstFrameMs[i] < 0)
            firstFrameMs[i] = double(clock.nsecsElapsed() - startedNs[i]) / 1e6;
        if (!measuringLatency || tile >= kLatencyTiles)
            return;
        // The frame has just been drawn: read its time code off the top band of the tile as shown.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        // The top of the picture, a little more than the barcode's band; the reader asks for luma at
        // positions of the whole picture (x, y in 0..1), all of them inside the band.
        constexpr double kReadFraction = 1.5 * vigie::barcode::kBandFraction;
        const QImage band = wall->grabPictureArea(tile, QRectF(0, 0, 1, kReadFraction));
        if (band.isNull())
            return;
        const auto value = vigie::barcode::read([&](double x, double y) {
            const int column = std::clamp(int(x * band.width()), 0, band.width() - 1);
            const int row = std::clamp(int(y / kReadFraction * band.height()), 0, band.height() - 1);
            const QRgb rgb = band.pixel(column, row);
            return 0.299 * qRed(rgb) + 0.587 * qGreen(rgb) + 0.114 * qBlue(rgb);
        });
        if (value)
            latencies.push_back(double(kClipSchedule.latencyMs(*value, now)));
    });

    std::vector<std::unique_ptr<StreamSession>> sessions;
    for (int i = 0; i < n; ++i) {
        StreamOptions options;
        options.url = streamUrl(sim, i, scenario.mainStream);
        sessions.push_back(std::make_unique<StreamSession>(options));
        wall->setTileFeed(i, sessions.back()->mailbox());
    }
    for (int i = 0; i < n; ++i) {
        startedNs[std::size_t(i)] = clock.nsecsElapsed();
        sessions[std::size_t(i)]->start();
    }

    const bool allPlaying = spinUntil(
        [&] { return std::all_of(firstFrameMs.begin(), firstFrameMs.end(), [](double ms) { return ms >= 0; }); },
        kStartTimeoutMs);
    if (!allPlaying) {
        const auto missing = std::count_if(firstFrameMs.begin(), firstFrameMs.end(), [](double ms) { return ms < 0; });
        std::fprintf(stderr, "%s: %lld of %d tiles showed nothing within %d s\n", scenario.name,
                     static_cast<long long>(missing), n, kStartTimeoutMs / 1000);
    } else {
        spin(kSettleMs);

        struct Sample {
            double cpuS = 0;
            qint64 ns = 0;
            std::uint64_t decoded = 0, shown = 0, drops = 0, paints = 0;
            int reconnects = 0;
        };
        auto sample = [&] {
            Sample s;
            s.ns = clock.nsecsElapsed();
            s.cpuS = selfCpuS();
            for (int i = 0; i < n; ++i) {
                const StreamSession& session = *sessions[std::size_t(i)];
                const StreamStats stats = session.stats();
                s.decoded += stats.framesDecoded;
                s.reconnects += stats.reconnects;
                s.drops += session.mailbox()->counters().dropped;
                s.shown += shown[std::size_t(i)];
            }
            s.paints = wall->renderStats().paints;
            return s;
        };
        const pid_t xServer = xServerPid();
        const double xBefore = xServer > 0 ? processCpuS(xServer) : -1;
        const Sample before = sample();
        measuringLatency = true;
        spin(windowMs);
        measuringLatency = false;
        const Sample after = sample();
        const double xAfter = xServer > 0 ? processCpuS(xServer) : -1;
        run.xServerCpuS = xBefore >= 0 && xAfter >= 0 ? xAfter - xBefore : -1;
        run.rssPerStreamMiB = (rssMiB() - rssBefore) / n;
        if (!latencies.empty()) {
            run.latencyP50 = percentile(latencies, 50);
            run.latencyP95 = percentile(latencies, 95);
            run.latencySamples = double(latencies.size());
        }

        const StreamStats first = sessions.front()->stats();
        run.resolution = QStringLiteral("%1x%2").arg(first.width).arg(first.height);
        run.decoded = double(after.decoded - before.decoded);
        run.shown = double(after.shown - before.shown);
        run.drops = double(after.drops - before.drops);
        run.paints = double(after.paints - before.paints);
        run.cpuS = after.cpuS - before.cpuS;
        run.wallS = double(after.ns - before.ns) / 1e9;
        run.reconnects = double(after.reconnects);
        if (qEnvironmentVariableIsSet("VIGIE_BENCH_VERBOSE")) {
            QStringList each;
            for (double ms : firstFrameMs)
                each << QString::number(ms, 'f', 0);
            std::printf("    first frames (ms, per tile): %s\n", qPrintable(each.join(QLatin1Char(' '))));
        }
        run.ttffP50 = percentile(firstFrameMs, 50);
        run.ttffP95 = percentile(firstFrameMs, 95);
        run.ok = run.decoded > 0 && run.shown > 0;
    }

    for (int i = 0; i < n; ++i)
        wall->setTileFeed(i, nullptr);
    sessions.clear();  // stops and joins the workers
    wall.reset();
    spin(100);
    return run;
}

// CPU time (user + sys) of a running process, from /proc/PID/stat; -1 if unreadable.
double processCpuS(pid_t pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = file.readAll();
    const int paren = text.lastIndexOf(')');
    if (paren < 0)
        return -1;
    // Fields after the command name start at field 3 (state); utime is field 14, stime field 15.
    const QList<QByteArray> fields = text.mid(paren + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const double ticks = double(sysconf(_SC_CLK_TCK));
    return (fields[11].toDouble() + fields[12].toDouble()) / ticks;
}

// Last "frame=N" of an ffmpeg -progress file; 0 if none yet.
std::uint64_t progressFrames(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = file.readAll();
    const int at = text.lastIndexOf("\nframe=") >= 0 ? text.lastIndexOf("\nframe=") + 1
                                                     : (text.startsWith("frame=") ? 0 : -1);
    if (at < 0)
        return 0;
    const int end = text.indexOf('\n', at);
    return text.mid(at + 6, end < 0 ? -1 : end - at - 6).trimmed().toULongLong();
}

void stopChild(pid_t pid)
{
    kill(pid, SIGTERM);
    QElapsedTimer timer;
    timer.start();
    int status = 0;
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (timer.elapsed() > 3000) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return;
        }
        spin(10);
    }
}

FfmpegRun runFfmpeg(const QString& ffmpeg, const vigie::test::SimProcess& sim, const Scenario& scenario,
                    int windowMs)
{
    FfmpegRun run;
    QTemporaryDir dir;
    const QByteArray program = ffmpeg.toLocal8Bit();
    std::vector<pid_t> pids;
    std::vector<QString> progress;
    for (int i = 0; i < scenario.streams; ++i) {
        progress.push_back(dir.filePath(QStringLiteral("progress-%1.txt").arg(i)));
        const QByteArray progressPath = progress.back().toLocal8Bit();
        const QByteArray url = streamUrl(sim, i, scenario.mainStream).toLocal8Bit();
        std::vector<const char*> argv{program.constData(), "-hide_banner", "-nostdin", "-v", "error",
                                      "-nostats", "-progress", progressPath.constData(), "-stats_period", "0.2",
                                      "-threads", "1", "-rtsp_transport", "tcp", "-i", url.constData(),
                                      "-an", "-f", "null", "-", nullptr};
        pid_t pid = 0;
        if (posix_spawn(&pid, program.constData(), nullptr, nullptr, const_cast<char* const*>(argv.data()),
                        environ) != 0) {
            std::fprintf(stderr, "cannot run %s\n", program.constData());
            break;
        }
        pids.push_back(pid);
    }

    if (int(pids.size()) == scenario.streams) {
        const bool allDecoding = spinUntil(
            [&] {
                return std::all_of(progress.begin(), progress.end(),
                                   [](const QString& path) { return progressFrames(path) > 0; });
            },
            kStartTimeoutMs);
        if (!allDecoding) {
            std::fprintf(stderr, "%s: not every ffmpeg decoded a frame within %d s\n", scenario.name,
                         kStartTimeoutMs / 1000);
        } else {
            spin(kSettleMs);
            auto sample = [&](double* cpu, std::uint64_t* frames) {
                *cpu = 0;
                *frames = 0;
                bool ok = true;
                for (std::size_t i = 0; i < pids.size(); ++i) {
                    const double c = processCpuS(pids[i]);
                    ok = ok && c >= 0;
                    *cpu += c;
                    *frames += progressFrames(progress[i]);
                }
                return ok;
            };
            double cpuBefore = 0, cpuAfter = 0;
            std::uint64_t framesBefore = 0, framesAfter = 0;
            QElapsedTimer timer;
            timer.start();
            const bool okBefore = sample(&cpuBefore, &framesBefore);
            spin(windowMs);
            const bool okAfter = sample(&cpuAfter, &framesAfter);
            run.wallS = double(timer.nsecsElapsed()) / 1e9;
            run.cpuS = cpuAfter - cpuBefore;
            run.decoded = double(framesAfter - framesBefore);
            run.ok = okBefore && okAfter && run.decoded > 0;
        }
    }
    for (pid_t pid : pids)
        stopChild(pid);
    return run;
}

}  // namespace

int main(int argc, char** argv)
{
    // Arguments first: --help and usage errors need no display.
    int windowMs = 8000;
    int repeats = 3;
    QStringList wanted;
    auto preference = vigie::app::RenderPreference::Auto;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--window" && i + 1 < argc) {
            windowMs = int(QByteArray(argv[++i]).toDouble() * 1000);
        } else if (arg == "--repeats" && i + 1 < argc) {
            repeats = std::max(1, QByteArray(argv[++i]).toInt());
        } else if (arg == "--renderer" && i + 1 < argc) {
            const auto parsed = vigie::app::parseRenderPreference(QString::fromLocal8Bit(argv[++i]));
            if (!parsed) {
                std::fprintf(stderr, "--renderer takes auto, opengl or software\n");
                return 2;
            }
            preference = *parsed;
        } else if (arg == "--scenario" && i + 1 < argc) {
            wanted << QString::fromLocal8Bit(argv[++i]);
        } else {
            const bool help = arg == "--help";
            std::fprintf(help ? stdout : stderr,
                         "usage: bench_wall [--window S] [--repeats N] [--renderer auto|opengl|software]\n"
                         "                  [--scenario 16x360|64x360|16x720|4x1080|1x1080h265]...\n"
                         "  defaults: 8 s window, 3 repeats, the wall path the app would pick, every scenario;\n"
                         "  needs an X display (scripts/with-display) and ffmpeg\n");
            return help ? 0 : 2;
        }
    }
    if (windowMs < 1000) {
        std::fprintf(stderr, "the window must be at least 1 s\n");
        return 2;
    }
    for (const QString& name : wanted) {
        if (std::none_of(std::begin(kScenarios), std::end(kScenarios),
                         [&](const Scenario& scenario) { return name == QLatin1String(scenario.name); })) {
            std::fprintf(stderr, "unknown scenario %s (16x360, 64x360, 16x720, 4x1080, 1x1080h265)\n", qPrintable(name));
            return 2;
        }
    }
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        std::fprintf(stderr, "bench_wall needs an X display: run it under scripts/with-display\n");
        return 1;
    }

    QSurfaceFormat::setDefaultFormat(WallWidget::defaultSurfaceFormat());
    QApplication app(argc, argv);

    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty()) {
        std::fprintf(stderr, "the ffmpeg CLI is needed\n");
        return 1;
    }

    const auto probe = vigie::app::probeOpenGl();
    const QString renderer = probe.renderer;
    const auto path = vigie::app::chooseRenderPath(preference, probe).path;
    std::printf("bench_wall: %d s window, %d repeats, medians; CPU in ms per frame (user + sys), cores = CPU s / s\n",
                windowMs / 1000, repeats);
    std::printf("vigie: decode + render in a 1920x1080 WallWidget (%s path); ffmpeg: -threads 1 -f null (decode only)\n",
                path == WallWidget::RenderPath::Software ? "software" : "OpenGL");
    std::fflush(stdout);

    // Medians over the repeats of each figure (per-frame and per-second figures are computed per run first).
    struct Row {
        const Scenario* scenario = nullptr;
        QString resolution;
        double decoded = 0, shown = 0, drops = 0, msShown = 0, msDecoded = 0, cores = 0, ttf50 = 0, ttf95 = 0,
               paintsPerS = 0, reconnects = 0, lat50 = -1, lat95 = -1, xCores = -1, rssMiB = 0;
        double ffDecoded = 0, ffMs = 0, ffCores = 0;
    };
    std::vector<Row> rows;
    int status = 0;
    for (const Scenario& scenario : kScenarios) {
        if (!wanted.isEmpty() && !wanted.contains(QString::fromLatin1(scenario.name)))
            continue;
        vigie::test::SimProcess sim;
        QStringList simArguments{"--cameras", "0", "--cheap-cameras", QString::number(scenario.streams), "--cheap-main",
                                 QString::fromLatin1(scenario.mainSize)};
        if (scenario.h265)
            simArguments << "--cheap-codec" << "h265";
        // The first start encodes the clips of that size and codec (cached afterwards: minutes for 1080p H.265).
        if (!sim.start(simArguments, std::chrono::seconds(600))) {
            std::fprintf(stderr, "vigie-sim did not start: %s\n", qPrintable(sim.lastError()));
            return 1;
        }
        std::vector<VigieRun> vigieRuns;
        std::vector<FfmpegRun> ffmpegRuns;
        for (int r = 0; r < repeats; ++r) {
            const VigieRun v = runVigie(sim, scenario, windowMs, path);
            const FfmpegRun f = runFfmpeg(ffmpeg, sim, scenario, windowMs);
            std::printf("  %-10s run %d: vigie %s, %.0f decoded, %.0f shown, %.0f dropped, %.3f ms/shown, "
                        "%.2f cores (X server %.2f), latency p50 %.0f ms (%.0f reads), ttf p50 %.0f ms, "
                        "%.1f MiB/stream; ffmpeg %s, %.0f decoded, %.3f ms/frame, %.2f cores\n",
                        scenario.name, r + 1, v.ok ? "ok" : "FAILED", v.decoded, v.shown, v.drops, v.msPerShown(),
                        v.cores(), v.xCores(), v.latencyP50, v.latencySamples, v.ttffP50, v.rssPerStreamMiB,
                        f.ok ? "ok" : "FAILED", f.decoded, f.msPerFrame(), f.cores());
            std::fflush(stdout);
            if (v.ok)
                vigieRuns.push_back(v);
            if (f.ok)
                ffmpegRuns.push_back(f);
        }
        sim.stop();
        if (vigieRuns.empty() || ffmpegRuns.empty()) {
            status = 1;
            continue;
        }
        auto med = [](const auto& runs, auto field) {
            std::vector<double> values;
            for (const auto& run : runs)
                values.push_back(field(run));
            return median(values);
        };
        Row row;
        row.scenario = &scenario;
        row.resolution = vigieRuns.front().resolution;
        row.decoded = med(vigieRuns, [](const VigieRun& x) { return x.decoded; });
        row.shown = med(vigieRuns, [](const VigieRun& x) { return x.shown; });
        row.drops = med(vigieRuns, [](const VigieRun& x) { return x.drops; });
        row.msShown = med(vigieRuns, [](const VigieRun& x) { return x.msPerShown(); });
        row.msDecoded = med(vigieRuns, [](const VigieRun& x) { return x.msPerDecoded(); });
        row.cores = med(vigieRuns, [](const VigieRun& x) { return x.cores(); });
        row.ttf50 = med(vigieRuns, [](const VigieRun& x) { return x.ttffP50; });
        row.ttf95 = med(vigieRuns, [](const VigieRun& x) { return x.ttffP95; });
        row.paintsPerS = med(vigieRuns, [](const VigieRun& x) { return x.paintsPerS(); });
        row.reconnects = med(vigieRuns, [](const VigieRun& x) { return x.reconnects; });
        row.lat50 = med(vigieRuns, [](const VigieRun& x) { return x.latencyP50; });
        row.lat95 = med(vigieRuns, [](const VigieRun& x) { return x.latencyP95; });
        row.xCores = med(vigieRuns, [](const VigieRun& x) { return x.xCores(); });
        row.rssMiB = med(vigieRuns, [](const VigieRun& x) { return x.rssPerStreamMiB; });
        row.ffDecoded = med(ffmpegRuns, [](const FfmpegRun& x) { return x.decoded; });
        row.ffMs = med(ffmpegRuns, [](const FfmpegRun& x) { return x.msPerFrame(); });
        row.ffCores = med(ffmpegRuns, [](const FfmpegRun& x) { return x.cores(); });
        if (row.reconnects > 0)
            std::printf("  %-7s note: %.0f reconnections during the runs (median)\n", scenario.name, row.reconnects);
        rows.push_back(row);
    }

    if (rows.empty())
        return 1;
    std::printf("\nGL renderer: %s; wall path: %s\n\n", qPrintable(renderer),
                path == WallWidget::RenderPath::Software ? "software (CPU)" : "OpenGL");
    std::printf("%-10s %3s %-9s | %7s %7s %6s | %7s %5s %5s | %5s %5s | %5s %5s | %5s | %6s | %7s %7s %5s | %5s\n",
                "case", "n", "size", "decoded", "shown", "drops", "ms/shwn", "cores", "X", "lat50", "lat95", "ttf50",
                "ttf95", "pnt/s", "MiB/st", "ff dec", "ff ms/f", "ff", "ratio");
    std::printf("%-10s %3s %-9s | %7s %7s %6s | %7s %5s %5s | %5s %5s | %5s %5s | %5s | %6s | %7s %7s %5s | %5s\n",
                "", "", "", "frames", "frames", "", "vigie", "vigie", "cores", "ms", "ms", "ms", "ms", "", "", "frames",
                "", "cores", "cores");
    for (const Row& row : rows) {
        std::printf("%-10s %3d %-9s | %7.0f %7.0f %6.0f | %7.3f %5.2f %5.2f | %5.0f %5.0f | %5.0f %5.0f | %5.1f | %6.1f | "
                    "%7.0f %7.3f %5.2f | %5.2f\n",
                    row.scenario->name, row.scenario->streams, qPrintable(row.resolution), row.decoded, row.shown,
                    row.drops, row.msShown, row.cores, row.xCores, row.lat50, row.lat95, row.ttf50, row.ttf95,
                    row.paintsPerS, row.rssMiB, row.ffDecoded, row.ffMs, row.ffCores,
                    row.ffCores > 0 ? row.cores / row.ffCores : 0);
    }
    std::printf("\nframes: counted over the window, all streams together; ms/shwn: client CPU (decode + convert + draw, "
                "all threads) per frame shown;\nX cores: the X server's CPU meanwhile (-1: not found); lat: glass-to-glass "
                "latency, server send time (wall-clock schedule) to the frame read back off the wall, first %d tiles;\n"
                "ttf: session start to first frame on the wall (p50/p95 over tiles); MiB/st: resident memory added per "
                "stream;\nratio: vigie cores (decode + render) / ffmpeg cores (decode only) on the same streams\n",
                kLatencyTiles);
    return status;
}
