// vigie-sim: the reference backend of the Vigie client (see sim/README.md).
#include "CommandLine.h"
#include "ControlCommands.h"
#include "Log.h"
#include "SimConfig.h"
#include "Simulator.h"
#include "StdinControl.h"

#include <gst/gst.h>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>

#include <pthread.h>
#include <unistd.h>

namespace {

using namespace vigie::sim;

constexpr int kExitRuntimeError = 1;
constexpr int kExitUsageError = 2;

bool readFile(const std::string& path, std::string* text)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    std::stringstream buffer;
    buffer << in.rdbuf();
    *text = buffer.str();
    return !text->empty();
}

// GStreamer elements the configured cameras need, so that a missing plugin package is reported at
// start-up with its name rather than as a failing stream later.
std::string missingElements(const SimConfig& config)
{
    std::vector<const char*> needed = {"videotestsrc", "textoverlay", "clockoverlay", "x264enc", "rtph264pay"};
    for (const auto& camera : config.cameras) {
        if (camera.codec == vigie::v1::VIDEO_CODEC_H265 && camera.served())
            needed.insert(needed.end(), {"x265enc", "h265parse", "rtph265pay"});
        if (camera.source == CameraSource::Ptz)
            needed.insert(needed.end(), {"appsrc", "clocksync"});
        if (camera.source == CameraSource::Cheap || camera.source == CameraSource::SharedClip)
            needed.insert(needed.end(), {"appsrc", "clocksync", "appsink", "timeoverlay", "h264parse"});
    }
    std::string missing;
    for (const char* name : needed) {
        GstElementFactory* factory = gst_element_factory_find(name);
        if (factory)
            gst_object_unref(factory);
        else if (missing.find(name) == std::string::npos)
            missing += std::string(missing.empty() ? "" : ", ") + name;
    }
    return missing;
}

} // namespace

int main(int argc, char** argv)
{
    // SIGINT/SIGTERM are taken synchronously by sigwait() below. They must be blocked before any thread
    // exists (gRPC, GStreamer), since threads inherit the mask.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);  // a reader of stdout or an RTSP client going away is not fatal

    const auto parsed = CommandLine::parse(argc, argv);
    if (parsed.outcome == CommandLine::Outcome::ExitSuccess) {
        std::fputs(parsed.message.c_str(), stdout);
        std::fputc('\n', stdout);
        return 0;
    }
    if (parsed.outcome == CommandLine::Outcome::ExitUsageError) {
        std::fprintf(stderr, "vigie-sim: error: %s\n", parsed.message.c_str());
        return kExitUsageError;
    }
    const SimOptions& options = parsed.options;
    Log::setVerbose(options.verbose);

    std::string error;
    std::optional<SimConfig> config = SimConfig::load(options, &error);
    if (!config) {
        std::fprintf(stderr, "vigie-sim: error: %s\n", error.c_str());
        return kExitUsageError;
    }

    std::string certificate;
    std::string privateKey;
    if (options.tls()) {
        if (!readFile(options.tlsCertFile, &certificate)) {
            std::fprintf(stderr, "vigie-sim: error: cannot read the TLS certificate %s\n", options.tlsCertFile.c_str());
            return kExitUsageError;
        }
        if (!readFile(options.tlsKeyFile, &privateKey)) {
            std::fprintf(stderr, "vigie-sim: error: cannot read the TLS private key %s\n", options.tlsKeyFile.c_str());
            return kExitUsageError;
        }
    }

    gst_init(nullptr, nullptr);
    if (const std::string missing = missingElements(*config); !missing.empty()) {
        Log::error("GStreamer elements not installed: " + missing +
                   " (packages gstreamer1.0-plugins-base/-good/-bad/-ugly, gstreamer1.0-x; see scripts/install-deps)");
        return kExitRuntimeError;
    }

    Simulator simulator(options, std::move(*config));
    if (!simulator.start(certificate, privateKey, &error)) {
        Log::error(error);
        return kExitRuntimeError;
    }
    Log::stdoutLine(simulator.readyLine());

    ControlCommands commands({
        [&simulator](const std::string& id, const std::string& reason) {
            return simulator.setCameraOffline(id, reason);
        },
        [&simulator](const std::string& id) { return simulator.setCameraOnline(id); },
        [&simulator](const std::string& wall, const std::string& monitor, const std::string& camera) {
            return simulator.pushToWall(wall, monitor, camera);
        },
        [&simulator](const std::string& camera, const std::string& type, const std::string& priority,
                     std::string* alarmId) { return simulator.raiseAlarm(camera, type, priority, alarmId); },
        [&simulator](double rate) { return simulator.setAlarmRate(rate); },
        [&simulator] { return simulator.compactAlarms(); },
        [&simulator](const std::string& camera, std::string* state) { return simulator.ptzStatus(camera, state); },
        [&simulator](const std::string& camera, std::string* state) {
            return simulator.ptzLastCommand(camera, state);
        },
        // Same path as an external SIGTERM, so there is one way to shut down.
        [] { kill(getpid(), SIGTERM); },
        [&simulator](const std::string& camera, std::string* state) {
            return simulator.recordingStatus(camera, state);
        },
    });
    StdinControl control(commands);
    if (options.stdinControl && !control.start())
        Log::warning("cannot start the stdin control reader");

    int received = 0;
    sigwait(&stopSignals, &received);
    Log::info(std::string("shutting down (") + (received == SIGINT ? "SIGINT" : "SIGTERM") + ")");
    control.stop();
    simulator.stop();
    Log::info("stopped");
    return 0;
}
