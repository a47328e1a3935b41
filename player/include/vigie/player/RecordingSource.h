#pragma once
// Where a playback finds recorded video: the backend's segments (recordings.proto), listed by time and
// read by byte offset at the player's pace. player/ knows no RPC: the application adapts its link to the
// recording service to this interface.
//
// Thread-safety: implementations are called from playback worker threads, several at once. Every call
// may block (a network round trip); it must return within tens of milliseconds once `cancel` becomes true
// (with SourceStatus::Cancelled), so that stopping or seeking a playback never waits for the network.

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vigie::player {

// One segment of a camera's recording: an MP4 file (fragmented or not) whose media time 0 is startUtcUs.
struct RecordedSegment {
    std::string id;              // opaque, for read()
    std::int64_t startUtcUs = 0; // UTC of the first sample, microseconds since the epoch
    std::int64_t endUtcUs = 0;   // just after the last sample; the current end while !complete
    std::int64_t sizeBytes = 0;  // current size; grows while !complete
    bool complete = true;        // false: the live edge, still being written
};

enum class SourceStatus {
    Ok,
    Cancelled,       // `cancel` became true
    OutOfRetention,  // before the retention window: destroyed by law, never coming back
    Gone,            // the segment was destroyed since it was listed: look it up again
    Failed,          // anything else (link down, refused): `error` says it in words
};

struct SegmentLookup {
    SourceStatus status = SourceStatus::Ok;
    std::optional<RecordedSegment> segment;  // Ok without a segment: nothing recorded there
    std::string error;
};

struct SegmentChunk {
    SourceStatus status = SourceStatus::Ok;
    std::vector<std::uint8_t> data;  // from the requested offset; empty at the current end
    std::int64_t sizeBytes = 0;      // the segment's current size
    bool complete = true;            // sizeBytes is final
    bool endOfSegment = false;       // data reaches the end of a complete segment
    std::string error;
};

class RecordingSource {
public:
    virtual ~RecordingSource() = default;

    // The segment containing `utcUs` or, when it falls in a gap, the first one after it (so that playback
    // jumps over the gap); Ok without a segment when nothing is recorded after it.
    virtual SegmentLookup segmentAt(const std::string& cameraId, std::int64_t utcUs,
                                    const std::atomic<bool>& cancel) = 0;
    // The last segment that starts before `utcUs` (for reverse playback and stepping back over a segment
    // boundary or a gap); Ok without a segment when there is none.
    virtual SegmentLookup segmentBefore(const std::string& cameraId, std::int64_t utcUs,
                                        const std::atomic<bool>& cancel) = 0;
    // Up to `length` bytes from `offset` (at most 1 MiB per call).
    virtual SegmentChunk read(const std::string& segmentId, std::int64_t offset, int length,
                              const std::atomic<bool>& cancel) = 0;
};

}  // namespace vigie::player
