#pragma once
// One recorded segment demuxed into memory: its compressed video packets in decode order, each with its UTC
// (segment start + pts from the first packet) and key-frame flag. Random access for seeking, reverse play and
// stepping then needs no seek index in the file (fragmented MP4 usually has none) and no second read.
// Segments are about a minute long: the index holds its compressed video (the segment's size, less audio).
//
// Packets are rewritten on the way in: pts and dts become UTC microseconds, so the decoder's output carries
// UTC across segments (its pkt_timebase is 1/1000000).
//
// Threads: worker thread only.

#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "vigie/player/RecordingSource.h"

#include "LibavPtr.h"
#include "SegmentReader.h"

namespace vigie::player {

struct IndexedPacket {
    PacketPtr packet;  // owns one reference to the compressed data; pts/dts in UTC microseconds
    std::int64_t utcUs = 0;
    bool key = false;
};

class SegmentIndex {
public:
    enum class Status {
        Ok,         // more packets indexed (or nothing to do)
        End,        // every packet that exists is indexed (for a complete segment: all of them)
        Cancelled,  // the stop flag
        Gone,       // the source says the segment was destroyed since it was listed
        OutOfRetention,
        Failed,     // error() says why
    };

    SegmentIndex(RecordingSource& source, RecordedSegment segment, const std::atomic<bool>& cancel);
    ~SegmentIndex();
    SegmentIndex(const SegmentIndex&) = delete;
    SegmentIndex& operator=(const SegmentIndex&) = delete;

    // Opens the demuxer (reads the init boxes and the first fragment's header).
    Status open();
    // Indexes up to `count` more packets.
    Status demux(int count);
    // Indexes until a packet later than utcUs is indexed (so that the frame at utcUs is known), or the end.
    Status demuxUntil(std::int64_t utcUs);
    Status demuxAll();
    // A read was cancelled by a seek (not a stop): the demuxer is left mid-box. Drops it; the next demux() opens
    // a new pass, which skips the packets already indexed.
    void abandonPass();
    // Incomplete segment whose demuxing reached the current end: asks the source for more (one call) and, when
    // there is, opens the next demuxer pass. Ok: more may be indexed now; End: nothing new yet.
    Status extend();

    const RecordedSegment& segment() const { return m_reader.segment(); }
    bool complete() const { return m_reader.complete(); }
    bool drained() const { return m_drained; }             // the current pass is at its end
    bool finished() const { return m_drained && complete(); }  // every packet of the segment is indexed
    const QString& error() const { return m_error; }
    const AVCodecParameters* parameters() const { return m_parameters.get(); }
    std::uint64_t bytesRead() const { return m_reader.bytesRead(); }
    std::uint64_t sourceCalls() const { return m_reader.sourceCalls(); }

    int size() const { return int(m_packets.size()); }
    const IndexedPacket& at(int i) const { return m_packets[std::size_t(i)]; }
    // Frames in presentation order: (UTC, packet index).
    int frameCount() const { return int(m_byTime.size()); }
    std::pair<std::int64_t, int> frameByTime(int order) const { return m_byTime[std::size_t(order)]; }
    // Order (in time) of the frame with the greatest UTC <= utcUs among the indexed ones; -1 if none.
    int orderAt(std::int64_t utcUs) const;
    // Order of the frame with exactly this UTC; -1 if none.
    int orderOf(std::int64_t utcUs) const;
    // The last key packet at or before packet i (decode order); -1 if none.
    int keyAtOrBefore(int i) const;
    // The first key packet after packet i; -1 if none indexed.
    int keyAfter(int i) const;
    std::int64_t firstUtc() const { return m_byTime.empty() ? segment().startUtcUs : m_byTime.front().first; }
    std::int64_t lastUtc() const { return m_byTime.empty() ? segment().startUtcUs : m_byTime.back().first; }
    // Just after the last frame: the segment's end, or for a growing one the last frame + its duration.
    std::int64_t endUtc() const;

private:
    Status openPass();
    Status statusOf(int libavError);
    void add(AVPacket& packet);

    SegmentReader m_reader;
    const std::atomic<bool>& m_cancel;
    // The demuxer of the current pass; declared after nothing it depends on: m_format is closed before m_io.
    AvIoPtr m_io;
    FormatPtr m_format;
    int m_videoIndex = -1;
    AVRational m_timeBase{1, 1};
    CodecParametersPtr m_parameters;  // copied from the first pass; the decoder is opened from it
    std::int64_t m_firstPts = AV_NOPTS_VALUE;  // media time 0 of the segment, in m_timeBase
    std::int64_t m_lastDts = AV_NOPTS_VALUE;   // later passes skip what an earlier one indexed
    std::int64_t m_lastDuration = 0;           // microseconds
    bool m_drained = false;
    bool m_abandoned = false;  // abandonPass(): demux() starts a new pass
    QString m_error;
    std::vector<IndexedPacket> m_packets;
    std::vector<std::pair<std::int64_t, int>> m_byTime;  // sorted by UTC
};

}  // namespace vigie::player
