// Decode throughput of StreamSession against the reference `ffmpeg -threads 1 -i clip -f null -`.
//
// Usage: bench_decode [clip...]
// Without arguments, H.264 640x360 and 1280x720 clips (10 s at 25 fps) are generated with the ffmpeg CLI.
// Each clip is decoded 5 times by each side, as fast as possible, and the medians are printed: frames per
// second (wall clock), CPU ms per frame (user + sys) and the ratio vigie / ffmpeg.
//
// CPU for vigie is getrusage(RUSAGE_SELF) around the session (all threads; the main thread only waits);
// for ffmpeg it is the child's own rusage from wait4(). ffmpeg's figures include its process start-up
// (~20-40 ms), which a long-lived client pays once: the "net" columns subtract the cost of an ffmpeg run
// that stops after one frame.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "vigie/player/StreamSession.h"

extern char** environ;

using namespace vigie::player;

namespace {

struct Run {
    double wallMs = 0;
    double cpuMs = 0;
    std::uint64_t frames = 0;
    double fps() const { return wallMs > 0 ? double(frames) * 1000.0 / wallMs : 0; }
    double cpuPerFrame() const { return frames ? cpuMs / double(frames) : 0; }
};

double toMs(const timeval& t) { return double(t.tv_sec) * 1000.0 + double(t.tv_usec) / 1000.0; }
double cpuMs(const rusage& usage) { return toMs(usage.ru_utime) + toMs(usage.ru_stime); }

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

bool generate(const QString& path, const QString& size, const QString& bitrate)
{
    QProcess ffmpeg;
    ffmpeg.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    ffmpeg.start(QStringLiteral("ffmpeg"),
                 {"-v", "error", "-y", "-nostdin", "-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=25", "-t", "10",
                  "-c:v", "libx264", "-preset", "veryfast", "-b:v", bitrate, "-g", "50", "-pix_fmt", "yuv420p", path});
    return ffmpeg.waitForFinished(120000) && ffmpeg.exitStatus() == QProcess::NormalExit && ffmpeg.exitCode() == 0;
}

Run runVigie(const QString& clip)
{
    StreamOptions options;
    options.url = clip;
    options.reconnect = false;
    options.realtimeFiles = false;
    StreamSession session(options);
    QEventLoop loop;
    QString failure;
    QObject::connect(&session, &StreamSession::stateChanged, &loop, [&](StreamState state, const QString& detail) {
        if (state == StreamState::Error)
            failure = detail;
        if (state == StreamState::Ended || state == StreamState::Error)
            loop.quit();
    });

    rusage before{}, after{};
    getrusage(RUSAGE_SELF, &before);
    QElapsedTimer timer;
    timer.start();
    session.start();
    loop.exec();
    Run run;
    run.wallMs = double(timer.nsecsElapsed()) / 1e6;
    getrusage(RUSAGE_SELF, &after);
    run.cpuMs = cpuMs(after) - cpuMs(before);
    run.frames = session.stats().framesDecoded;
    if (!failure.isEmpty())
        std::fprintf(stderr, "vigie failed on %s: %s\n", qPrintable(clip), qPrintable(failure));
    return run;
}

// maxFrames > 0: decode only that many frames (to measure ffmpeg's fixed start-up cost).
Run runFfmpeg(const QString& ffmpeg, const QString& clip, std::uint64_t frames, int maxFrames = 0)
{
    const QByteArray program = ffmpeg.toLocal8Bit();
    const QByteArray input = clip.toLocal8Bit();
    const QByteArray limit = QByteArray::number(maxFrames);
    std::vector<const char*> argv{program.constData(), "-v", "error", "-nostdin", "-threads", "1", "-i", input.constData(), "-an"};
    if (maxFrames > 0) {
        argv.push_back("-frames:v");
        argv.push_back(limit.constData());
    }
    for (const char* tail : {"-f", "null", "-"})
        argv.push_back(tail);
    argv.push_back(nullptr);
    Run run;
    QElapsedTimer timer;
    timer.start();
    pid_t pid = 0;
    if (posix_spawn(&pid, program.constData(), nullptr, nullptr, const_cast<char* const*>(argv.data()), environ) != 0) {
        std::fprintf(stderr, "cannot run %s\n", program.constData());
        return run;
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    run.wallMs = double(timer.nsecsElapsed()) / 1e6;
    run.cpuMs = cpuMs(usage);
    run.frames = WIFEXITED(status) && WEXITSTATUS(status) == 0 ? frames : 0;
    return run;
}

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty()) {
        std::fprintf(stderr, "the ffmpeg CLI is needed\n");
        return 1;
    }

    QStringList clips = app.arguments().mid(1);
    QTemporaryDir dir;
    if (clips.isEmpty()) {
        const QString sd = dir.filePath(QStringLiteral("h264_640x360.mp4"));
        const QString hd = dir.filePath(QStringLiteral("h264_1280x720.mp4"));
        std::printf("generating clips...\n");
        std::fflush(stdout);
        if (!generate(sd, QStringLiteral("640x360"), QStringLiteral("500k")) ||
            !generate(hd, QStringLiteral("1280x720"), QStringLiteral("2M"))) {
            std::fprintf(stderr, "clip generation failed\n");
            return 1;
        }
        clips = {sd, hd};
    }

    constexpr int kRepeats = 5;
    int status = 0;
    std::printf("%-20s %6s | %9s %10s | %10s %11s | %9s %11s | %9s %9s %9s\n", "clip", "frames", "vigie fps",
                "vigie ms/f", "ffmpeg fps", "ffmpeg ms/f", "net fps", "net ms/f", "fps ratio", "cpu ratio",
                "net cpu");
    for (const QString& clip : clips) {
        std::vector<double> vFps, vCpu, fFps, fCpu, nFps, nCpu;
        std::uint64_t frames = 0;
        for (int i = 0; i < kRepeats; ++i) {
            // Alternate the two so that a noisy neighbour hurts both alike.
            const Run v = runVigie(clip);
            frames = v.frames;
            const Run f = runFfmpeg(ffmpeg, clip, frames);
            const Run startup = runFfmpeg(ffmpeg, clip, 1, 1);
            if (!v.frames || !f.frames || !startup.frames || frames < 2) {
                std::fprintf(stderr, "a run failed on %s\n", qPrintable(clip));
                status = 1;
                break;
            }
            vFps.push_back(v.fps());
            vCpu.push_back(v.cpuPerFrame());
            fFps.push_back(f.fps());
            fCpu.push_back(f.cpuPerFrame());
            const double netFrames = double(frames - 1);
            nFps.push_back(netFrames * 1000.0 / std::max(1e-3, f.wallMs - startup.wallMs));
            nCpu.push_back(std::max(0.0, f.cpuMs - startup.cpuMs) / netFrames);
        }
        if (vFps.size() != kRepeats)
            continue;
        const double vf = median(vFps), vc = median(vCpu), ff = median(fFps), fc = median(fCpu);
        const double nf = median(nFps), nc = median(nCpu);
        std::printf("%-20s %6llu | %9.0f %10.3f | %10.0f %11.3f | %9.0f %11.3f | %9.2f %9.2f %9.2f\n",
                    qPrintable(QFileInfo(clip).fileName()), static_cast<unsigned long long>(frames), vf, vc, ff, fc,
                    nf, nc, vf / ff, vc / fc, vc / nc);
        std::fflush(stdout);
    }
    return status;
}
