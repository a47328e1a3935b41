#pragma once
// A RecordingSource over segment files on disk: the real byte path of a playback (custom AVIO reading real MP4
// bytes), without the network. Optional per-call latency emulates a link; a retention start makes earlier
// instants OutOfRetention. Thread-safe (playback workers call it concurrently).

#include <QString>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "RecordingMedia.h"
#include "vigie/player/RecordingSource.h"

namespace vigie::test {

class FileRecordingSource : public vigie::player::RecordingSource {
public:
    void addCamera(const std::string& cameraId, const std::vector<GeneratedSegment>& segments);
    // The live edge: only the first `bytes` of the camera's segment `index` exist yet and it is not complete;
    // -1 = the whole file, complete.
    void setWritten(const std::string& cameraId, int index, std::int64_t bytes);
    // Answer reads with at most this many bytes (the backend's maximum is 1 MiB): more calls per segment.
    void setMaxChunk(int bytes) { m_maxChunk = bytes; }
    void setRetentionStart(std::int64_t utcUs) { m_retentionStart = utcUs; }
    // Every call takes this long (lookups / reads), or until its cancel flag is set: a network round trip.
    void setLatency(std::chrono::microseconds lookup, std::chrono::microseconds read)
    {
        m_lookupLatencyMicros = lookup.count();
        m_readLatencyMicros = read.count();
    }

    vigie::player::SegmentLookup segmentAt(const std::string& cameraId, std::int64_t utcUs,
                                           const std::atomic<bool>& cancel) override;
    vigie::player::SegmentLookup segmentBefore(const std::string& cameraId, std::int64_t utcUs,
                                               const std::atomic<bool>& cancel) override;
    vigie::player::SegmentChunk read(const std::string& segmentId, std::int64_t offset, int length,
                                     const std::atomic<bool>& cancel) override;

    // The next n reads answer Gone (a segment destroyed by retention since it was listed).
    std::atomic<int> goneReads{0};
    std::atomic<int> reads{0};
    std::atomic<int> lookups{0};
    std::atomic<int> readsInProgress{0};

private:
    struct Entry {
        vigie::player::RecordedSegment segment;
        QString path;
    };
    // False when cancelled during the emulated latency.
    static bool wait(std::int64_t micros, const std::atomic<bool>& cancel);

    mutable std::mutex m_mutex;
    std::map<std::string, std::vector<Entry>> m_cameras;  // guarded by m_mutex; oldest first
    std::map<std::string, Entry> m_byId;                  // guarded by m_mutex
    std::map<std::string, std::int64_t> m_written;        // guarded by m_mutex: growing segments by id
    std::atomic<std::int64_t> m_retentionStart{0};
    std::atomic<std::int64_t> m_lookupLatencyMicros{0};
    std::atomic<std::int64_t> m_readLatencyMicros{0};
    std::atomic<int> m_maxChunk{1 << 20};
};

}  // namespace vigie::test
