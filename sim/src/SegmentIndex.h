#pragma once

#include <vigie/v1/directory.pb.h>

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace vigie::sim {

// The recorded segments of every camera, in memory: what ListSegments, ReadSegment and GetTimeline read
// and what the recorder and the retention purge change. Times are UTC milliseconds since the epoch.
// Thread-safe: the recorder thread writes, gRPC handlers read, all under one mutex held briefly (no I/O
// under it).
class SegmentIndex {
public:
    struct Segment {
        std::string id;        // opaque for clients: "<camera id>/<start ms>" (a camera id has no '/')
        std::string cameraId;
        std::int64_t startMs = 0;  // first sample's tick time
        // Complete: just after the last sample. Growing: the last sample's time (recordings.proto).
        std::int64_t endMs = 0;
        std::int64_t sizeBytes = 0;  // bytes on disk readable so far
        bool complete = false;
        std::string sha256;  // lowercase hex, once complete
        std::string path;    // the file
        vigie::v1::VideoCodec codec = vigie::v1::VIDEO_CODEC_UNSPECIFIED;
        int width = 0;
        int height = 0;
        std::int64_t frameMs = 40;  // duration of one sample
    };

    static std::string makeId(const std::string& cameraId, std::int64_t startMs);
    // The camera and start of a segment id; false for an id this index could not have made.
    static bool parseId(const std::string& id, std::string* cameraId, std::int64_t* startMs);

    void add(Segment segment);
    // The growing segment `id` now holds samples up to `lastSampleMs` in `sizeBytes` bytes.
    void grow(const std::string& id, std::int64_t lastSampleMs, std::int64_t sizeBytes);
    void finish(const std::string& id, std::int64_t endMs, std::int64_t sizeBytes, std::string sha256);
    void remove(const std::string& id);

    std::optional<Segment> find(const std::string& id) const;
    // The segment containing `atMs` or, when it falls in a gap, the first one after it.
    std::optional<Segment> at(const std::string& cameraId, std::int64_t atMs) const;
    // Segments overlapping [fromMs, toMs), oldest first, starting with the first whose start is at or
    // after `resumeStartMs` (paging), at most `limit`; *more when some were left out.
    std::vector<Segment> overlapping(const std::string& cameraId, std::int64_t fromMs, std::int64_t toMs,
                                     std::int64_t resumeStartMs, std::size_t limit, bool* more) const;
    // [start, end) of every segment overlapping [fromMs, toMs), oldest first (unclipped). A growing
    // segment's last sample counts for its whole frame: it ends one frame after that sample.
    std::vector<std::pair<std::int64_t, std::int64_t>> intervals(const std::string& cameraId, std::int64_t fromMs,
                                                                 std::int64_t toMs) const;
    // Removes and returns the complete segments that end at or before `cutoffMs` (retention), but those
    // `keep` says to keep (held by an evidence lock).
    std::vector<Segment> purgeBefore(std::int64_t cutoffMs,
                                     const std::function<bool(const Segment&)>& keep = nullptr);

    struct Stats {
        std::size_t segments = 0;
        std::int64_t bytes = 0;
        std::optional<Segment> growing;  // the live segment, if any
        std::optional<std::int64_t> oldestStartMs;
    };
    Stats stats(const std::string& cameraId) const;

private:
    mutable std::mutex m_mutex;
    // Per camera, by start time.
    std::unordered_map<std::string, std::map<std::int64_t, Segment>> m_cameras;  // guarded by m_mutex

    const Segment* findLocked(const std::string& id) const;
    Segment* findLocked(const std::string& id)
    {
        return const_cast<Segment*>(static_cast<const SegmentIndex*>(this)->findLocked(id));
    }
};

} // namespace vigie::sim
