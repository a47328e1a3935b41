#include "ContinuousRecorder.h"

#include "Log.h"

#include <google/protobuf/util/time_util.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <pthread.h>
#include <time.h>

namespace vigie::sim {

namespace {

namespace fs = std::filesystem;
using google::protobuf::util::TimeUtil;

// A recorder late by more than this (a suspended machine, a stalled disk) gives up the missed ticks and
// leaves a gap instead of writing a burst; generous so that the catch-up after a long backfill fits.
constexpr std::int64_t kMaxCatchUpMs = 120'000;
constexpr std::int64_t kPurgeEveryMs = 1000;

std::int64_t realtimeMs()
{
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    return static_cast<std::int64_t>(now.tv_sec) * 1000 + now.tv_nsec / 1'000'000;
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

std::int64_t frameIndexOf(std::int64_t tick, std::size_t loopFrames)
{
    const auto length = static_cast<std::int64_t>(loopFrames);
    return ((tick % length) + length) % length;
}

} // namespace

ContinuousRecorder::ContinuousRecorder(Settings settings, std::vector<Camera> cameras, SegmentIndex& index,
                                       RecordedEventLog& events)
    : m_settings(std::move(settings)),
      m_clock(m_settings.clock ? m_settings.clock : Clock(&realtimeMs)),
      m_retention(m_settings.retentionSeconds),
      m_index(index),
      m_events(events)
{
    int position = 0;
    for (auto& camera : cameras) {
        CameraState state;
        state.index = position++;
        state.online = camera.online;
        const std::string id = camera.id;
        state.camera = std::move(camera);
        m_cameras.emplace(id, std::move(state));
    }
}

ContinuousRecorder::~ContinuousRecorder() { stop(); }

std::string ContinuousRecorder::cameraDirectory(const std::string& cameraId) const
{
    return m_directory + "/" + cameraId;
}

bool ContinuousRecorder::open(std::string* error)
{
    std::error_code failure;
    if (m_settings.directory.empty()) {
        const char* tmp = std::getenv("TMPDIR");
        std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/vigie-sim-recordings-XXXXXX";
        if (!mkdtemp(pattern.data())) {
            *error = "cannot create a temporary recordings directory: " + std::string(std::strerror(errno));
            return false;
        }
        m_directory = pattern;
        m_temporaryDirectory = true;
    } else {
        m_directory = m_settings.directory;
        fs::create_directories(m_directory, failure);
        if (failure) {
            *error = "cannot create the recordings directory " + m_directory + ": " + failure.message();
            return false;
        }
    }
    for (const auto& [id, state] : m_cameras) {
        fs::create_directories(cameraDirectory(id), failure);
        if (failure) {
            *error = "cannot create " + cameraDirectory(id) + ": " + failure.message();
            return false;
        }
    }
    if (!m_temporaryDirectory && !reindex(error))
        return false;
    // Recording starts at the next tick: nothing before now is written live.
    const std::int64_t now = m_clock();
    std::lock_guard lock(m_mutex);
    for (auto& [id, state] : m_cameras)
        state.lastTick = floorDiv(now, state.camera.clip->frameMs);
    return true;
}

bool ContinuousRecorder::reindex(std::string* /*error*/)
{
    std::int64_t kept = 0;
    std::int64_t dropped = 0;
    for (const auto& [id, state] : m_cameras) {
        std::error_code failure;
        for (const auto& entry : fs::directory_iterator(cameraDirectory(id), failure)) {
            const fs::path path = entry.path();
            if (path.extension() != ".mp4")
                continue;
            const std::string stem = path.stem().string();
            char* end = nullptr;
            const long long start = std::strtoll(stem.c_str(), &end, 10);
            fs::path done = path;
            done.replace_extension(".done");
            std::ifstream doneFile(done);
            long long endMs = 0;
            std::string sha;
            if (end == stem.c_str() || *end != '\0' || !(doneFile >> endMs >> sha) || endMs <= start) {
                // Cut short by a crash or a kill: its end and hash are unknown. A restart leaves a gap.
                fs::remove(path, failure);
                fs::remove(done, failure);
                ++dropped;
                continue;
            }
            SegmentIndex::Segment segment;
            segment.id = SegmentIndex::makeId(id, start);
            segment.cameraId = id;
            segment.startMs = start;
            segment.endMs = endMs;
            segment.sizeBytes = static_cast<std::int64_t>(fs::file_size(path, failure));
            segment.complete = true;
            segment.sha256 = sha;
            segment.path = path.string();
            segment.codec = state.camera.clip->codec;
            segment.width = state.camera.clip->width;
            segment.height = state.camera.clip->height;
            segment.frameMs = state.camera.clip->frameMs;
            m_index.add(std::move(segment));
            ++kept;
        }
    }
    Log::info("recordings: " + std::to_string(kept) + " segments re-indexed in " + m_directory +
              (dropped ? ", " + std::to_string(dropped) + " incomplete ones deleted" : std::string()));
    return true;
}

void ContinuousRecorder::logOutage(const std::string& cameraId, bool online, std::int64_t atMs, const std::string& title)
{
    vigie::v1::RecordedEvent event;
    event.set_camera_id(cameraId);
    event.set_kind(online ? vigie::v1::RECORDED_EVENT_KIND_CAMERA_ONLINE : vigie::v1::RECORDED_EVENT_KIND_CAMERA_OFFLINE);
    *event.mutable_range()->mutable_start() = TimeUtil::MillisecondsToTimestamp(atMs);
    *event.mutable_range()->mutable_end() = event.range().start();
    event.set_title(title);
    m_events.add(std::move(event));
}

ContinuousRecorder::BackfillReport ContinuousRecorder::backfill(std::int64_t seconds)
{
    BackfillReport report;
    if (seconds <= 0)
        return report;
    const auto began = std::chrono::steady_clock::now();
    const std::int64_t now = m_clock();
    std::lock_guard lock(m_mutex);
    for (auto& [id, state] : m_cameras) {
        if (m_index.stats(id).segments > 0)
            continue;  // a re-indexed camera has a real past already
        const RecordedClip& clip = *state.camera.clip;
        const std::int64_t frameMs = clip.frameMs;
        // Ends where live recording begins: its first key frame after now.
        std::int64_t endTick = floorDiv(now, frameMs) + 1;
        while (!clip.keyFrames[static_cast<std::size_t>(frameIndexOf(endTick, clip.frames.size()))])
            ++endTick;
        const std::int64_t startTick = endTick - seconds * 1000 / frameMs;
        // One outage per camera, a few minutes long, at a camera-dependent place.
        const std::int64_t outageTicks = std::min<std::int64_t>(180'000, seconds * 1000 / 5) / frameMs;
        const std::int64_t outageStart =
            startTick + (seconds * 1000 / frameMs) * (2 + (state.index % 5)) / 10;
        const std::int64_t outageEnd = outageStart + outageTicks;
        logOutage(id, false, outageStart * frameMs, "Caméra hors ligne (historique simulé)");
        logOutage(id, true, outageEnd * frameMs, "Caméra de retour en ligne");

        state.lastTick = startTick - 1;
        for (std::int64_t tick = startTick; tick < endTick; ++tick) {
            if (tick >= outageStart && tick < outageEnd) {
                if (state.writer)
                    closeSegmentLocked(state);
                state.lastTick = tick;
                continue;
            }
            writeTickLocked(state, tick);
        }
        if (state.writer)
            closeSegmentLocked(state);
        const auto stats = m_index.stats(id);
        report.segments += static_cast<std::int64_t>(stats.segments);
        report.bytes += stats.bytes;
        // Live recording continues from endTick (caught up by the recorder thread).
        state.lastTick = endTick - 1;
    }
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    return report;
}

void ContinuousRecorder::start()
{
    std::lock_guard lock(m_mutex);
    if (m_thread.joinable() || m_cameras.empty())
        return;
    m_stopping = false;
    m_thread = std::thread([this] {
        pthread_setname_np(pthread_self(), "vigie-recorder");  // to find its CPU time in /proc
        run();
    });
}

void ContinuousRecorder::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    std::lock_guard lock(m_mutex);
    for (auto& [id, state] : m_cameras) {
        if (state.writer)
            closeSegmentLocked(state);
    }
    if (m_temporaryDirectory && !m_directory.empty()) {
        std::error_code ignored;
        fs::remove_all(m_directory, ignored);
        m_temporaryDirectory = false;
    }
}

bool ContinuousRecorder::records(const std::string& cameraId) const
{
    std::lock_guard lock(m_mutex);
    return m_cameras.count(cameraId) > 0;
}

void ContinuousRecorder::setOnline(const std::string& cameraId, bool online, std::int64_t nowMs)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_cameras.find(cameraId);
    if (it == m_cameras.end())
        return;
    CameraState& state = it->second;
    if (state.online == online)
        return;
    if (!online) {
        // Everything due until the camera was lost is recorded; nothing after.
        advanceLocked(state, nowMs);
        if (state.writer)
            closeSegmentLocked(state);
        state.online = false;
    } else {
        state.online = true;
        state.lastTick = floorDiv(nowMs, state.camera.clip->frameMs);
    }
}

std::string ContinuousRecorder::status(const std::string& cameraId) const
{
    bool online = false;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_cameras.find(cameraId);
        if (it == m_cameras.end())
            return {};
        online = it->second.online;
    }
    const auto stats = m_index.stats(cameraId);
    std::ostringstream out;
    out << "online=" << (online ? 1 : 0) << " segments=" << stats.segments << " bytes=" << stats.bytes
        << " current=" << (stats.growing ? stats.growing->id : "none")
        << " current_bytes=" << (stats.growing ? stats.growing->sizeBytes : 0)
        << " current_end_ms=" << (stats.growing ? stats.growing->endMs : 0);
    return out.str();
}

void ContinuousRecorder::advanceLocked(CameraState& state, std::int64_t nowMs)
{
    const std::int64_t frameMs = state.camera.clip->frameMs;
    const std::int64_t currentTick = floorDiv(nowMs, frameMs);
    if (!state.online) {
        state.lastTick = currentTick;
        return;
    }
    if ((currentTick - state.lastTick) * frameMs > kMaxCatchUpMs) {
        Log::warning("recorder late by " + std::to_string((currentTick - state.lastTick) * frameMs) + " ms on " +
                     state.camera.id + ": the missed part is a gap");
        if (state.writer)
            closeSegmentLocked(state);
        state.lastTick = currentTick - 1;
    }
    const bool wrote = currentTick > state.lastTick;
    for (std::int64_t tick = state.lastTick + 1; tick <= currentTick; ++tick)
        writeTickLocked(state, tick);
    if (wrote && state.writer)
        m_index.grow(state.segmentId, state.lastTick * frameMs, state.writer->bytesWritten());
}

void ContinuousRecorder::writeTickLocked(CameraState& state, std::int64_t tick)
{
    const RecordedClip& clip = *state.camera.clip;
    const auto frame = static_cast<std::size_t>(frameIndexOf(tick, clip.frames.size()));
    const bool key = clip.keyFrames[frame];
    if (state.writer && key && (tick - state.segmentFirstTick) * clip.frameMs >= m_settings.segmentMs)
        closeSegmentLocked(state);
    if (!state.writer) {
        if (!key) {
            state.lastTick = tick;  // a segment starts on a key frame: wait for the next one
            return;
        }
        const std::int64_t startMs = tick * clip.frameMs;
        const std::string path = cameraDirectory(state.camera.id) + "/" + std::to_string(startMs) + ".mp4";
        std::string error;
        auto writer = SegmentWriter::create(path, {clip.codec, clip.width, clip.height, clip.frameMs},
                                            clip.frames[frame], &error);
        if (!writer) {
            Log::warning("recording " + state.camera.id + ": " + error);
            state.lastTick = tick;
            return;
        }
        state.writer = std::move(writer);
        state.segmentFirstTick = tick;
        state.segmentId = SegmentIndex::makeId(state.camera.id, startMs);
        SegmentIndex::Segment segment;
        segment.id = state.segmentId;
        segment.cameraId = state.camera.id;
        segment.startMs = startMs;
        segment.endMs = startMs;
        segment.sizeBytes = state.writer->bytesWritten();
        segment.path = path;
        segment.codec = clip.codec;
        segment.width = clip.width;
        segment.height = clip.height;
        segment.frameMs = clip.frameMs;
        m_index.add(std::move(segment));
    }
    if (!state.writer->write(clip.frames[frame], key)) {
        Log::warning("recording " + state.camera.id + ": write error, segment closed");
        closeSegmentLocked(state);
    }
    state.lastTick = tick;
}

void ContinuousRecorder::closeSegmentLocked(CameraState& state)
{
    const std::int64_t frameMs = state.camera.clip->frameMs;
    const std::int64_t endMs = (state.segmentFirstTick + state.writer->samples()) * frameMs;
    std::string sha;
    std::string error;
    const std::string path = cameraDirectory(state.camera.id) + "/" +
                             std::to_string(state.segmentFirstTick * frameMs);
    if (!state.writer->finish(&sha, &error)) {
        Log::warning("recording " + state.camera.id + ": " + error);
        m_index.remove(state.segmentId);
        std::error_code ignored;
        fs::remove(path + ".mp4", ignored);
    } else {
        m_index.finish(state.segmentId, endMs, state.writer->bytesWritten(), sha);
        std::ofstream done(path + ".done", std::ios::trunc);
        done << endMs << ' ' << sha << '\n';
    }
    state.writer.reset();
    state.segmentId.clear();
}

void ContinuousRecorder::purge(std::int64_t nowMs)
{
    const std::int64_t cutoff = m_retention.availableFromMs(nowMs);
    const auto removed = m_index.purgeBefore(cutoff, [this](const SegmentIndex::Segment& segment) {
        return m_settings.held && m_settings.held(segment.cameraId, segment.startMs, segment.endMs);
    });
    for (const auto& segment : removed) {
        std::error_code ignored;
        fs::remove(segment.path, ignored);
        fs::path done = segment.path;
        done.replace_extension(".done");
        fs::remove(done, ignored);
    }
    if (!removed.empty())
        Log::debug("retention: " + std::to_string(removed.size()) + " segments destroyed");
    m_events.purgeBefore(cutoff);
}

void ContinuousRecorder::run()
{
    std::int64_t lastPurge = 0;
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        const std::int64_t now = m_clock();
        std::int64_t nextDue = now + 1000;
        for (auto& [id, state] : m_cameras) {
            advanceLocked(state, now);
            const std::int64_t frameMs = state.camera.clip->frameMs;
            nextDue = std::min(nextDue, (floorDiv(now, frameMs) + 1) * frameMs);
        }
        if (now - lastPurge >= kPurgeEveryMs) {
            lock.unlock();
            purge(now);
            lock.lock();
            lastPurge = now;
        }
        // Sleeps on the realtime clock, which the schedule is defined on. A tick is written right after it
        // is due (one frame after it went on air, at most).
        const auto wakeAt = std::chrono::system_clock::time_point(std::chrono::milliseconds(nextDue));
        m_wake.wait_until(lock, wakeAt, [this] { return m_stopping; });
    }
}

} // namespace vigie::sim
