#pragma once

#include "StreamFormat.h"

#include <optional>
#include <string>

namespace vigie::sim {

// Everything the command line can set. Optional values are those a --config file may also set:
// the flag wins when given.
struct SimOptions {
    std::string listenHost = "127.0.0.1";
    int listenPort = 0;  // 0: a free port chosen by the OS
    int rtspPort = 0;    // 0: a free port chosen by the OS
    std::string tlsCertFile;
    std::string tlsKeyFile;
    std::string configFile;
    std::optional<int> cameras;
    std::optional<int> cheapCameras;
    std::optional<int> h265Every;
    std::optional<int> directoryCameras;
    int sceneCameras = 0;
    int ptzCameras = 0;  // ptz-01..ptz-NN: PTZ domes whose picture follows their moves
    bool cheapH265 = false;
    // The cheap cameras' main stream (--cheap-main WxH); their sub stream is always 640x360.
    int cheapMainWidth = 1280;
    int cheapMainHeight = 720;
    int heartbeatMs = 5000;
    int sessionTtlS = 8 * 3600;
    int journalSize = 1000;
    // Alarms: the journal's directory (empty: in memory only; a --config file may set it), alarms
    // raised per second by the generator (0 = none), and how many sequences a subscriber may be behind.
    std::string alarmJournalDir;
    std::optional<double> alarmRate;
    int alarmJournalSize = 100'000;
    int alarmMaxActive = 5'000;
    // A scene camera's analytics rule raises at most one alarm per this many seconds (0: every loop).
    int sceneAlarmEverySeconds = 120;
    // Recordings (RecordingService): segment length, where they are kept (empty: a fresh temporary
    // directory removed at exit; a directory persists and is re-indexed at start), retention (at most
    // 30 days, checked by the command line), seconds of synthetic past recorded at start-up.
    int segmentSeconds = 60;
    std::string recordingsDir;
    long long retentionSeconds = 2'592'000;
    int backfillSeconds = 0;
    std::string clipCacheDir;  // empty: $XDG_CACHE_HOME/vigie-sim or ~/.cache/vigie-sim
    bool stdinControl = false;
    bool verbose = false;

    bool tls() const { return !tlsCertFile.empty(); }
    // "host:port" for gRPC; IPv6 hosts are bracketed.
    std::string listenAddress() const;
    // The host as it appears in URLs and in the READY line.
    std::string urlHost() const;
    // The cheap cameras' main stream format, its bitrate scaled with the picture from 2000 kbit/s at 720p.
    StreamFormat cheapMainStream() const;
};

} // namespace vigie::sim
