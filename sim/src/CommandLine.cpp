#include "CommandLine.h"

#include <charconv>
#include <functional>
#include <map>
#include <string_view>

#ifndef VIGIE_VERSION
#define VIGIE_VERSION "0.0.0"
#endif

namespace vigie::sim {

namespace {

bool parseInt(std::string_view text, int minimum, int maximum, int* value)
{
    int parsed = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
    if (error != std::errc() || end != text.data() + text.size() || parsed < minimum || parsed > maximum)
        return false;
    *value = parsed;
    return true;
}

bool parseRate(std::string_view text, std::optional<double>* value)
{
    double parsed = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
    if (error != std::errc() || end != text.data() + text.size() || !(parsed >= 0 && parsed <= 10'000))
        return false;
    *value = parsed;
    return true;
}

// "127.0.0.1:0", "localhost:50051", "[::1]:0".
bool parseHostPort(std::string_view text, std::string* host, int* port)
{
    std::string_view hostPart;
    std::string_view portPart;
    if (!text.empty() && text.front() == '[') {
        const auto close = text.find("]:");
        if (close == std::string_view::npos)
            return false;
        hostPart = text.substr(1, close - 1);
        portPart = text.substr(close + 2);
    } else {
        const auto colon = text.rfind(':');
        if (colon == std::string_view::npos)
            return false;
        hostPart = text.substr(0, colon);
        portPart = text.substr(colon + 1);
    }
    if (hostPart.empty() || !parseInt(portPart, 0, 65535, port))
        return false;
    *host = std::string(hostPart);
    return true;
}

// "1920x1080": even sizes (4:2:0 chroma) from 64x64 to 3840x2160.
bool parseSize(std::string_view text, int* width, int* height)
{
    const auto x = text.find('x');
    if (x == std::string_view::npos)
        return false;
    int w = 0;
    int h = 0;
    if (!parseInt(text.substr(0, x), 64, 3840, &w) || !parseInt(text.substr(x + 1), 64, 2160, &h) || w % 2 || h % 2)
        return false;
    *width = w;
    *height = h;
    return true;
}

} // namespace

std::string CommandLine::helpText()
{
    return R"(Usage: vigie-sim [options]

Reference backend for the Vigie client: a gRPC server (vigie.v1 AuthService, SystemService,
DirectoryService, WallService, AlarmService, grpc.health.v1.Health, server reflection) and an RTSP
server serving synthetic H.264/H.265 cameras.

When both servers listen, one line is printed on stdout:
  VIGIE-SIM READY grpc=HOST:PORT rtsp=HOST:PORT tls=on|off
Everything else goes to stderr. SIGINT/SIGTERM shut down cleanly (exit status 0).

Network:
  --listen HOST:PORT      gRPC address (default 127.0.0.1:0, 0 = a free port chosen by the OS).
                          The RTSP server listens on the same host.
  --rtsp-port PORT        RTSP port (default 0 = a free port chosen by the OS)
  --tls-cert FILE         serve gRPC over TLS with this PEM certificate (chain) ...
  --tls-key FILE          ... and this PEM private key (both or neither)

Directory and media:
  --config FILE           JSON configuration: users, sites, cameras, external cameras (see sim/README.md)
  --cameras N             synthetic live cameras cam-01..cam-NN (default 16; 0 with a config that
                          declares cameras)
  --h265-every N          every Nth synthetic camera is H.265 (default 4: cam-04, cam-08, ...; 0 = none)
  --cheap-cameras N       add N cameras cheap-01..cheap-NN that loop a pre-encoded clip without
                          re-encoding (load tests; default 0)
  --directory-cameras N   add N cameras dir-0001..dir-NNNN (0..10000) for clients with thousands of
                          cameras: street names, tags, some PTZ or recorded, one in ten OFFLINE with
                          a reason; all play one shared 640x360 looping clip (tag "annuaire")
  --scene-cameras N       add N cameras scene-01..scene-NN (0..99, default 0) showing a synthetic street
                          scene (pre-encoded 30 s loop, H.264, 1280x720 and 640x360) whose analytics
                          match the picture: SubscribeMetadata streams the boxes of the objects on
                          air, and the scene's events (intrusion, line crossed, wrong way, loitering,
                          object left, crowd) are raised as alarms when the picture shows them
  --ptz-cameras N         add N PTZ domes ptz-01..ptz-NN (0..16, default 0) served by PtzService: the
                          picture is their live view of a 360-degree synthetic panorama (H.264,
                          1280x720 and 640x360, rendered and encoded live), so moving the camera moves
                          the picture; presets, home, a tour and the control lock
  --cheap-codec h264|h265 codec of the cheap cameras (default h264)
  --cheap-main WxH        size of the cheap cameras' main stream (default 1280x720, e.g. 1920x1080;
                          even sizes up to 3840x2160); their sub stream is 640x360
  --clip-cache DIR        where pre-encoded clips are cached
                          (default $XDG_CACHE_HOME/vigie-sim, else ~/.cache/vigie-sim)

Alarms (AlarmService):
  --alarm-rate N          synthetic alarms raised per second on the served cameras (default 0.05 = one
                          every 20 s; 0 = none; decimals allowed, up to 10000)
  --alarm-storm N         the same, for load tests (e.g. 1000): raised in batches every 50 ms
  --scene-alarm-every S   a scene camera's rule raises at most one alarm every S seconds (default 120;
                          0 = every time its event comes round, once per 30 s loop)
  --alarm-journal DIR     keep the alarm journal in DIR (created if missing): every change is written
                          and synced before anyone hears of it; a restart continues its sequences.
                          Default: in memory only
  --alarm-journal-size N  changes a subscriber may be behind and still resume (default 100000); an
                          older resume point gets RESYNC
  --alarm-max-active N    active alarms at most (default 5000): beyond, the backend closes those
                          unchanged for longest (ListActiveAlarms is not paged)

Behaviour:
  --segment-s S           length of a recorded MP4 segment in seconds (default 60, 1..3600); cut on
                          the next key frame (every second)
  --recordings-dir DIR    keep the recordings in DIR (created if missing) and re-index them at start;
                          default: a fresh temporary directory removed at exit
  --retention-s S         how long recordings are kept (default and maximum 2592000 = 30 days, the
                          legal maximum of CSI L252-5; short values for tests, e.g. 20)
  --backfill-s S          at start-up, write S seconds of past recording per recorded camera (with one
                          outage each) so that the timeline has content at once (default 0)
  --heartbeat-ms MS       WatchDirectory heartbeat interval (default 5000)
  --session-ttl-s S       session (token) lifetime in seconds (default 28800 = 8 h)
  --journal-size N        directory changes kept for WatchDirectory replay (default 1000); a watch
                          from an older revision gets RESYNC
  --stdin-control         read commands on stdin, one per line, answered "ok" or "error: ..." on stdout:
                            camera ID offline [REASON...]   mark offline, notify watchers, drop its RTSP
                                                            mounts and sessions
                            camera ID online                back online, mounts restored
                            push-wall WALL MONITOR CAMERA   show CAMERA alone on a wall monitor
                            raise-alarm CAMERA [TYPE] [PRIORITY]
                                                            raise an alarm now, answered "ok ALARM-ID";
                                                            TYPE: intrusion line-crossed loitering
                                                            object-left wrong-way crowd-density;
                                                            PRIORITY: high medium low
                            alarm-rate N                    alarms per second from now on (0 = none)
                            compact-alarms                  forget the alarm change log up to now (older
                                                            resume points get RESYNC)
                            recording-status CAMERA         answered "ok online=0|1 segments=N bytes=B
                                                            current=ID|none current_bytes=B
                                                            current_end_ms=T" (recorded cameras)
                            quit                            clean shutdown
                          End of input does not quit.
  --verbose               more logging on stderr
  --help                  this text
  --version               print the version

Default users (without a config that declares users), password = user name:
  operator (ROLE_OPERATOR), supervisor (ROLE_SUPERVISOR), admin (ROLE_ADMINISTRATOR), viewer (ROLE_VIEWER)
  Video walls can be changed by supervisor and admin (RIGHT_CONTROL_WALL); everyone may list and watch them.
  Alarms can be handled by operator, supervisor and admin (RIGHT_MANAGE_ALARMS); viewer may only look.

Default video walls (without a config that declares walls): wall-a "Mur A" (monitors mon-a1: a 2x2 of
the first four cameras, mon-a2: the fifth camera) and wall-b "Mur B" (monitor mon-b1, cleared).

Stream URLs: rtsp://HOST:RTSP_PORT/<camera-id>/main (1280x720@25, cheap cameras: --cheap-main) and
.../sub (640x360@25). Cheap cameras stamp a frame-number barcode and send on a wall-clock schedule
(see sim/README.md). Scene cameras do the same with their 30 s loop (750 frames).

Exit status: 0 after a clean shutdown, 1 on a runtime failure (e.g. a port in use),
2 on a usage or configuration error.
)";
}

CommandLine::Result CommandLine::parse(int argc, char** argv)
{
    Result result;
    SimOptions& o = result.options;

    auto fail = [&result](std::string message) {
        result.outcome = Outcome::ExitUsageError;
        result.message = std::move(message) + "\n(try --help)";
        return result;
    };

    using Setter = std::function<bool(std::string_view)>;
    auto intSetter = [](int minimum, int maximum, int* target) {
        return Setter([=](std::string_view v) { return parseInt(v, minimum, maximum, target); });
    };
    auto optionalIntSetter = [](int minimum, int maximum, std::optional<int>* target) {
        return Setter([=](std::string_view v) {
            int value = 0;
            if (!parseInt(v, minimum, maximum, &value))
                return false;
            *target = value;
            return true;
        });
    };
    auto stringSetter = [](std::string* target) {
        return Setter([=](std::string_view v) {
            *target = std::string(v);
            return !v.empty();
        });
    };

    const std::map<std::string, Setter, std::less<>> withValue = {
        {"--listen", [&o](std::string_view v) { return parseHostPort(v, &o.listenHost, &o.listenPort); }},
        {"--rtsp-port", intSetter(0, 65535, &o.rtspPort)},
        {"--tls-cert", stringSetter(&o.tlsCertFile)},
        {"--tls-key", stringSetter(&o.tlsKeyFile)},
        {"--config", stringSetter(&o.configFile)},
        {"--cameras", optionalIntSetter(0, 999, &o.cameras)},
        {"--cheap-cameras", optionalIntSetter(0, 999, &o.cheapCameras)},
        {"--h265-every", optionalIntSetter(0, 999, &o.h265Every)},
        {"--directory-cameras", optionalIntSetter(0, 10'000, &o.directoryCameras)},
        {"--scene-cameras", intSetter(0, 99, &o.sceneCameras)},
        {"--ptz-cameras", intSetter(0, 16, &o.ptzCameras)},
        {"--scene-alarm-every", intSetter(0, 24 * 3600, &o.sceneAlarmEverySeconds)},
        {"--cheap-codec",
         [&o](std::string_view v) {
             o.cheapH265 = v == "h265";
             return v == "h264" || v == "h265";
         }},
        {"--cheap-main", [&o](std::string_view v) { return parseSize(v, &o.cheapMainWidth, &o.cheapMainHeight); }},
        {"--clip-cache", stringSetter(&o.clipCacheDir)},
        {"--segment-s", intSetter(1, 3600, &o.segmentSeconds)},
        {"--recordings-dir", stringSetter(&o.recordingsDir)},
        {"--retention-s",
         [&o](std::string_view v) {
             // Parsed wide, checked below against the legal maximum with a message that says why.
             int seconds = 0;
             if (!parseInt(v, 1, 2'000'000'000, &seconds))
                 return false;
             o.retentionSeconds = seconds;
             return true;
         }},
        {"--backfill-s", intSetter(0, 30 * 24 * 3600, &o.backfillSeconds)},
        {"--heartbeat-ms", intSetter(50, 3'600'000, &o.heartbeatMs)},
        {"--session-ttl-s", intSetter(1, 365 * 24 * 3600, &o.sessionTtlS)},
        {"--journal-size", intSetter(1, 10'000'000, &o.journalSize)},
        {"--alarm-journal", stringSetter(&o.alarmJournalDir)},
        {"--alarm-journal-size", intSetter(1, 100'000'000, &o.alarmJournalSize)},
        {"--alarm-max-active", intSetter(1, 100'000, &o.alarmMaxActive)},
        {"--alarm-rate", [&o](std::string_view v) { return parseRate(v, &o.alarmRate); }},
        // A storm is only a high rate; the separate name keeps load-test command lines readable.
        {"--alarm-storm", [&o](std::string_view v) { return parseRate(v, &o.alarmRate); }},
    };

    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            result.outcome = Outcome::ExitSuccess;
            result.message = helpText();
            return result;
        }
        if (arg == "--version") {
            result.outcome = Outcome::ExitSuccess;
            result.message = std::string("vigie-sim ") + VIGIE_VERSION;
            return result;
        }
        if (arg == "--stdin-control") {
            o.stdinControl = true;
            continue;
        }
        if (arg == "--verbose") {
            o.verbose = true;
            continue;
        }

        std::string_view name = arg;
        std::string_view value;
        bool hasValue = false;
        if (const auto equals = arg.find('='); equals != std::string_view::npos) {
            name = arg.substr(0, equals);
            value = arg.substr(equals + 1);
            hasValue = true;
        }
        const auto setter = withValue.find(name);
        if (setter == withValue.end())
            return fail("unknown option: " + std::string(arg));
        if (!hasValue) {
            if (i + 1 >= argc)
                return fail("option " + std::string(name) + " needs a value");
            value = argv[++i];
        }
        if (!setter->second(value))
            return fail("invalid value for " + std::string(name) + ": '" + std::string(value) + "'");
    }

    if (o.tlsCertFile.empty() != o.tlsKeyFile.empty())
        return fail("--tls-cert and --tls-key go together");
    if (o.retentionSeconds > 2'592'000)
        return fail("--retention-s " + std::to_string(o.retentionSeconds) +
                    " exceeds the legal maximum of 2592000 s (30 days): French law (Code de la sécurité "
                    "intérieure, L252-5) caps the retention of video-protection recordings at one month");
    return result;
}

} // namespace vigie::sim
