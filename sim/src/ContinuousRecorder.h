#pragma once

#include "RecordedClip.h"
#include "RecordedEventLog.h"
#include "RetentionWindow.h"
#include "SegmentIndex.h"
#include "SegmentWriter.h"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace vigie::sim {

// Records every clip camera's main stream continuously into fragmented MP4 segments, whether anyone
// watches it or not. The cameras relay pre-encoded loops on the wall-clock schedule of
// barcode::WallClockSchedule (frame v of an L-frame clip is on air at the realtime ticks n * D with
// n = v mod L), so the recorder needs no pipeline: at each tick it appends the access unit due then to
// the camera's current segment (SegmentWriter, no re-encoding). A segment starts on a key frame at its
// first sample's tick time, and is cut at the first key frame once it holds `segmentMs`.
//
// An offline camera's segment is closed and nothing is recorded until it comes back (a real gap); it
// resumes at its next key frame. Segments ending before the retention window are deleted (every second).
//
// Files: DIR/<camera>/<start ms>.mp4, plus DIR/<camera>/<start ms>.done ("<end ms> <sha256>") once
// complete. A restart re-indexes the complete ones and deletes the others (cut by a crash or a kill).
//
// Threads: one recorder thread for all cameras (start()/stop()); setOnline() and status() come from the
// stdin control thread. Camera states are guarded by m_mutex, held while a tick's frames are written
// (a few hundred microseconds). gRPC handlers never take it: they read the SegmentIndex.
class ContinuousRecorder {
public:
    using Clock = std::function<std::int64_t()>;  // realtime (UTC) milliseconds

    struct Settings {
        std::string directory;  // empty: a fresh temporary directory, removed by stop()
        std::int64_t segmentMs = 60'000;
        std::int64_t retentionSeconds = RetentionWindow::kLegalMaximumSeconds;
        Clock clock;  // unset: CLOCK_REALTIME
        // Whether an evidence lock holds part of [start, end) of a camera: such segments outlive retention.
        // Called from the recorder thread (the purge).
        std::function<bool(const std::string& cameraId, std::int64_t startMs, std::int64_t endMs)> held;
    };
    struct Camera {
        std::string id;
        std::shared_ptr<const RecordedClip> clip;
        bool online = true;
    };

    ContinuousRecorder(Settings settings, std::vector<Camera> cameras, SegmentIndex& index, RecordedEventLog& events);
    ~ContinuousRecorder();
    ContinuousRecorder(const ContinuousRecorder&) = delete;
    ContinuousRecorder& operator=(const ContinuousRecorder&) = delete;

    // Creates (or re-indexes) the directory. False with *error when it cannot be used.
    bool open(std::string* error);

    struct BackfillReport {
        std::int64_t segments = 0;
        std::int64_t bytes = 0;
        double seconds = 0;  // wall time it took
    };
    // Before start(): writes `seconds` of past recording per camera that has none yet, ending where live
    // recording will begin, with one outage of a few minutes per camera (and its OFFLINE/ONLINE events).
    BackfillReport backfill(std::int64_t seconds);

    void start();
    // Closes every segment, stops the thread; removes a temporary directory.
    void stop();

    bool records(const std::string& cameraId) const;
    // The camera went offline (online = false) or came back at `nowMs`. Unrecorded cameras: nothing.
    void setOnline(const std::string& cameraId, bool online, std::int64_t nowMs);
    // "online=1 segments=N bytes=B current=<segment id>|none current_bytes=B current_end_ms=T", or empty
    // for a camera that is not recorded.
    std::string status(const std::string& cameraId) const;

    const RetentionWindow& retention() const { return m_retention; }
    const std::string& directory() const { return m_directory; }
    std::int64_t now() const { return m_clock(); }

private:
    struct CameraState {
        Camera camera;
        int index = 0;  // position among the recorded cameras (backfill outage placement)
        bool online = true;
        std::int64_t lastTick = 0;  // last tick written or passed over
        std::unique_ptr<SegmentWriter> writer;
        std::string segmentId;
        std::int64_t segmentFirstTick = 0;
    };

    void run();
    // Writes the ticks due up to nowMs.
    void advanceLocked(CameraState& state, std::int64_t nowMs);
    void writeTickLocked(CameraState& state, std::int64_t tick);
    void closeSegmentLocked(CameraState& state);
    void purge(std::int64_t nowMs);
    bool reindex(std::string* error);
    std::string cameraDirectory(const std::string& cameraId) const;
    void logOutage(const std::string& cameraId, bool online, std::int64_t atMs, const std::string& title);

    const Settings m_settings;
    const Clock m_clock;
    const RetentionWindow m_retention;
    SegmentIndex& m_index;
    RecordedEventLog& m_events;
    std::string m_directory;
    bool m_temporaryDirectory = false;

    mutable std::mutex m_mutex;
    std::map<std::string, CameraState> m_cameras;  // guarded by m_mutex
    bool m_stopping = false;                       // guarded by m_mutex
    std::condition_variable m_wake;
    std::thread m_thread;
};

} // namespace vigie::sim
