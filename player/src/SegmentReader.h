#pragma once
// The bytes of one recorded segment as libavformat reads them: a custom AVIOContext whose read and seek
// callbacks pull the segment through RecordingSource::read, 1 MiB per call (the backend's maximum, so a
// network source pays one round trip per MiB), kept in a one-chunk cache.
//
// A segment still being written (the live edge) is demuxed in passes. A pass sees only whole top-level boxes
// (a moof without its mdat would end in truncated samples), so it ends cleanly at the last complete fragment.
// The next pass, once more bytes exist, sees the init boxes (ftyp, moov) followed by the bytes after what the
// previous pass saw: a valid fragmented MP4 on its own, whose fragments carry their absolute decode time
// (tfdt, moof-relative data offsets with default-base-is-moof), so its timestamps match the first pass's.
//
// A pass cut short by a seek (abandon()) is resumed the same way, complete segment or not: the reader notes the
// fragments it reads past (from the bytes already fetched, no extra call), and the next pass starts at the last
// fragment the demuxer had surely begun rather than at the top, so a slow link pays a seek with about a fragment
// and 128 KiB read again, not the whole segment. Only fragments that say where they are on their own
// qualify (a tfdt, no absolute base data offset); a file without them starts over, as before.
//
// Threads: worker thread only (the callbacks run inside libav calls made by the worker).

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "vigie/player/RecordingSource.h"

#include "LibavPtr.h"

namespace vigie::player {

class SegmentReader {
public:
    // source and cancel must outlive the reader; cancel is the worker's (set on stop, and on a seek that makes
    // the read pointless). A cancelled read makes libav's call fail with AVERROR_EXIT.
    SegmentReader(RecordingSource& source, RecordedSegment segment, const std::atomic<bool>& cancel);
    SegmentReader(const SegmentReader&) = delete;
    SegmentReader& operator=(const SegmentReader&) = delete;

    // A new AVIOContext for the next demuxer pass (the first one, or the one after hasMoreBytes() said yes).
    // seekable: let libav seek (only needed for MP4 files whose moov is not first). Ownership of the context is
    // handed to the caller, who must free it after the AVFormatContext that uses it; it points back at this
    // reader, which must outlive it.
    AvIoPtr newPass(bool seekable);
    // For an incomplete segment whose last pass ended: true when complete fragments (or the final size) arrived
    // past it, i.e. a new pass would find more. One source call. Errors are kept for status().
    bool hasMoreBytes();

    // The current pass was cut short by a seek (a cancelled call, not a stop): the source may be asked again,
    // and the next pass resumes at the last fragment the demuxer had begun, when the file allows it.
    void abandon();

    const RecordedSegment& segment() const { return m_segment; }
    bool complete() const { return m_complete; }
    // The first failure of a source call (Ok while none); Cancelled once the stop flag is seen.
    SourceStatus status() const { return m_status; }
    const std::string& error() const { return m_error; }
    std::uint64_t bytesRead() const { return m_bytesRead; }
    std::uint64_t sourceCalls() const { return m_sourceCalls; }

private:
    static int readCallback(void* opaque, std::uint8_t* buffer, int size);
    static std::int64_t seekCallback(void* opaque, std::int64_t offset, int whence);
    int read(std::uint8_t* buffer, int size);
    std::int64_t seek(std::int64_t offset, int whence);

    // Bytes [offset, offset + length) of the real file in the cache, fetching one chunk from `offset` when they
    // are not; false when they do not exist (yet) or the source failed.
    bool ensure(std::int64_t offset, int length);
    // Incomplete segments: moves m_safeEnd over the whole boxes that now exist.
    void walkBoxes();
    // Notes the top-level boxes whose headers are in the bytes fetched so far (never fetches).
    void trackFetchedBoxes();
    // Whether a moof at real `offset` of `size` bytes, all in the cached chunk, says where it is on its own.
    bool moofIsSelfContained(std::int64_t offset, std::int64_t size) const;
    // Up to `count` (<= 16) bytes at real `offset` from the cached chunk and the tail kept of the previous one.
    bool fetchedBytes(std::int64_t offset, int count, std::uint8_t* out) const;
    // Where the current pass's virtual file ends, and how its offsets map to the real file.
    std::int64_t passEnd() const;  // virtual
    std::int64_t toReal(std::int64_t virtualOffset) const;

    RecordingSource& m_source;
    const RecordedSegment m_segment;
    const std::atomic<bool>& m_cancel;

    std::int64_t m_size = 0;        // the segment's size as last reported
    bool m_complete = true;         // m_size is final
    std::int64_t m_chunkOffset = 0;  // the cached chunk: real bytes [m_chunkOffset, + m_chunk.size())
    std::vector<std::uint8_t> m_chunk;

    // Incomplete segments: box walk.
    std::int64_t m_walkOffset = 0;  // next top-level box to look at
    std::int64_t m_safeEnd = 0;     // end of the last whole box that is not a moof waiting for its mdat
    std::int64_t m_initEnd = -1;    // offset of the first moof: [0, m_initEnd) is ftyp + moov

    // The current pass: virtual [0, m_splice) = real; virtual [m_splice, ...) = real from m_resumeAt.
    int m_pass = 0;
    std::int64_t m_resumeAt = 0;    // real offset the resumed part starts at (pass > 0)
    std::int64_t m_passSafeEnd = 0; // real end the pass may read to (grows while the pass runs)
    std::int64_t m_position = 0;    // virtual read position
    std::int64_t m_splice = -1;     // the current pass's virtual offset of the splice (m_initEnd then); -1: none
    bool m_passSeekable = false;    // the current pass lets libav seek

    // Fragment tracking (every segment): the next top-level box to note, the last 16 bytes of the chunk before
    // the cached one (a box header may straddle two chunks), and the starts of the self-contained moofs seen.
    std::int64_t m_trackOffset = 0;
    std::int64_t m_tailOffset = -1;
    int m_tailLength = 0;
    std::uint8_t m_tail[16] = {};
    std::vector<std::int64_t> m_resumableMoofs;  // ascending

    SourceStatus m_status = SourceStatus::Ok;
    std::string m_error;
    std::uint64_t m_bytesRead = 0;
    std::uint64_t m_sourceCalls = 0;
};

}  // namespace vigie::player
