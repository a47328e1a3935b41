#include "SegmentReader.h"

extern "C" {
#include <libavutil/error.h>
}

#include <algorithm>
#include <cstring>
#include <limits>
#include <new>

namespace vigie::player {

namespace {

constexpr int kChunkBytes = 1 << 20;      // RecordingSource::read's maximum per call
constexpr int kAvioBufferBytes = 64 << 10;  // libav's own buffer in front of the chunk cache

std::uint64_t bigEndian(const std::uint8_t* bytes, int count)
{
    std::uint64_t value = 0;
    for (int i = 0; i < count; ++i)
        value = (value << 8) | bytes[i];
    return value;
}

}  // namespace

SegmentReader::SegmentReader(RecordingSource& source, RecordedSegment segment, const std::atomic<bool>& cancel)
    : m_source(source), m_segment(std::move(segment)), m_cancel(cancel)
{
    m_size = m_segment.sizeBytes;
    m_complete = m_segment.complete;
}

AvIoPtr SegmentReader::newPass(bool seekable)
{
    // Resume after what the previous pass saw; a segment without a moof yet (no fragment at all when the
    // first pass ran) starts over. Fixed for the whole pass: a moof found while it runs changes nothing.
    m_splice = -1;
    if (m_pass > 0 && m_initEnd >= 0) {
        m_splice = m_initEnd;
        m_resumeAt = std::max(m_passSafeEnd, m_initEnd);
    }
    ++m_pass;
    m_passSeekable = seekable;
    m_position = 0;
    auto* buffer = static_cast<std::uint8_t*>(av_malloc(kAvioBufferBytes));
    if (!buffer)
        throw std::bad_alloc();
    AVIOContext* io = avio_alloc_context(buffer, kAvioBufferBytes, 0, this, &SegmentReader::readCallback, nullptr,
                                         &SegmentReader::seekCallback);
    if (!io) {
        av_free(buffer);
        throw std::bad_alloc();
    }
    // Not seekable by default: libav's MP4 demuxer would otherwise walk every fragment of the file before the
    // first packet (one source call per MiB up front). Backward seeks still reach seekCallback.
    io->seekable = seekable ? AVIO_SEEKABLE_NORMAL : 0;
    return AvIoPtr(io);  // Ownership of the context (and of its buffer) is handed to the caller.
}

int SegmentReader::readCallback(void* opaque, std::uint8_t* buffer, int size)
{
    return static_cast<SegmentReader*>(opaque)->read(buffer, size);
}

std::int64_t SegmentReader::seekCallback(void* opaque, std::int64_t offset, int whence)
{
    return static_cast<SegmentReader*>(opaque)->seek(offset, whence);
}

std::int64_t SegmentReader::passEnd() const
{
    const std::int64_t realEnd = m_complete ? m_size : m_safeEnd;
    if (m_splice < 0)
        return realEnd;
    return m_splice + std::max<std::int64_t>(0, realEnd - m_resumeAt);
}

std::int64_t SegmentReader::toReal(std::int64_t virtualOffset) const
{
    if (m_splice < 0 || virtualOffset < m_splice)
        return virtualOffset;
    return m_resumeAt + (virtualOffset - m_splice);
}

int SegmentReader::read(std::uint8_t* buffer, int size)
{
    if (m_cancel.load(std::memory_order_relaxed)) {
        m_status = SourceStatus::Cancelled;
        return AVERROR_EXIT;
    }
    std::int64_t end = passEnd();
    if (m_position >= end && !m_complete) {
        walkBoxes();
        end = passEnd();
    }
    if (m_position >= end) {
        // A seekable pass reaches the end while opening (the MP4 demuxer walks every box for its index): that
        // says nothing about what was handed out.
        if (!m_passSeekable)
            m_passSafeEnd = m_complete ? m_size : m_safeEnd;
        return m_status == SourceStatus::Ok ? AVERROR_EOF : (m_status == SourceStatus::Cancelled ? AVERROR_EXIT : AVERROR(EIO));
    }
    std::int64_t wanted = std::min<std::int64_t>(size, end - m_position);
    if (m_splice >= 0 && m_position < m_splice)
        wanted = std::min(wanted, m_splice - m_position);  // one copy never spans the splice
    const std::int64_t real = toReal(m_position);
    if (!ensure(real, 1)) {
        if (m_status == SourceStatus::Cancelled)
            return AVERROR_EXIT;
        return m_status == SourceStatus::Ok ? AVERROR_EOF : AVERROR(EIO);
    }
    const std::int64_t available = m_chunkOffset + std::int64_t(m_chunk.size()) - real;
    const auto count = int(std::min(wanted, available));
    std::memcpy(buffer, m_chunk.data() + (real - m_chunkOffset), std::size_t(count));
    m_position += count;
    return count;
}

std::int64_t SegmentReader::seek(std::int64_t offset, int whence)
{
    whence &= ~AVSEEK_FORCE;
    if (whence == AVSEEK_SIZE)
        return m_complete ? passEnd() : AVERROR(ENOSYS);  // a growing file has no size yet
    std::int64_t target = offset;
    if (whence == SEEK_CUR)
        target = m_position + offset;
    else if (whence == SEEK_END) {
        if (!m_complete)
            return AVERROR(ENOSYS);
        target = passEnd() + offset;
    } else if (whence != SEEK_SET) {
        return AVERROR(EINVAL);
    }
    if (target < 0)
        return AVERROR(EINVAL);
    m_position = target;
    return target;
}

bool SegmentReader::ensure(std::int64_t offset, int length)
{
    if (offset >= m_chunkOffset && offset + length <= m_chunkOffset + std::int64_t(m_chunk.size()))
        return true;
    if (m_status != SourceStatus::Ok)
        return false;  // a failed source is not asked again by this reader (the worker decides what follows)
    if (m_complete && offset >= m_size)
        return false;  // past the end of a finished file: no round trip to hear it
    ++m_sourceCalls;
    SegmentChunk chunk = m_source.read(m_segment.id, offset, kChunkBytes, m_cancel);
    if (chunk.status != SourceStatus::Ok) {
        m_status = m_cancel.load() ? SourceStatus::Cancelled : chunk.status;
        m_error = chunk.error;
        return false;
    }
    m_bytesRead += chunk.data.size();
    if (chunk.sizeBytes > 0)
        m_size = chunk.sizeBytes;
    m_complete = chunk.complete;
    if (chunk.data.empty())
        return false;  // at the current end (or past it)
    // A box header cut by the chunk boundary is read from the end of this chunk and the start of the next.
    const auto tail = std::min<std::size_t>(sizeof m_tail, m_chunk.size());
    if (tail > 0 && m_chunkOffset + std::int64_t(m_chunk.size()) == offset) {
        std::memcpy(m_tail, m_chunk.data() + m_chunk.size() - tail, tail);
        m_tailOffset = offset - std::int64_t(tail);
        m_tailLength = int(tail);
    } else {
        m_tailOffset = -1;
        m_tailLength = 0;
    }
    // Ownership of the bytes moves into the cache (the previous chunk is released).
    m_chunk = std::move(chunk.data);
    m_chunkOffset = offset;
    trackFetchedBoxes();
    return offset + length <= m_chunkOffset + std::int64_t(m_chunk.size());
}

bool SegmentReader::fetchedBytes(std::int64_t offset, int count, std::uint8_t* out) const
{
    const std::int64_t chunkEnd = m_chunkOffset + std::int64_t(m_chunk.size());
    for (int i = 0; i < count; ++i) {
        const std::int64_t at = offset + i;
        if (at >= m_chunkOffset && at < chunkEnd)
            out[i] = m_chunk[std::size_t(at - m_chunkOffset)];
        else if (m_tailOffset >= 0 && at >= m_tailOffset && at < m_tailOffset + m_tailLength)
            out[i] = m_tail[at - m_tailOffset];
        else
            return false;
    }
    return true;
}

void SegmentReader::trackFetchedBoxes()
{
    for (;;) {
        std::uint8_t header[16];
        if (!fetchedBytes(m_trackOffset, 8, header))
            return;  // not fetched yet (or skipped over: the pass resumes less far, nothing worse)
        std::int64_t boxSize = std::int64_t(bigEndian(header, 4));
        if (boxSize == 1) {
            if (!fetchedBytes(m_trackOffset, 16, header))
                return;
            boxSize = std::int64_t(bigEndian(header + 8, 8));
        }
        if (boxSize < 8 || boxSize > std::numeric_limits<std::int64_t>::max() - m_trackOffset)
            return;  // "to the end of the file", or damaged: nothing more to note
        if (std::memcmp(header + 4, "moof", 4) == 0) {
            if (m_initEnd < 0)
                m_initEnd = m_trackOffset;
            if (moofIsSelfContained(m_trackOffset, boxSize) &&
                (m_resumableMoofs.empty() || m_resumableMoofs.back() < m_trackOffset))
                m_resumableMoofs.push_back(m_trackOffset);
        }
        m_trackOffset += boxSize;
    }
}

bool SegmentReader::moofIsSelfContained(std::int64_t offset, std::int64_t size) const
{
    if (offset < m_chunkOffset || offset + size > m_chunkOffset + std::int64_t(m_chunk.size()))
        return false;  // not all fetched: not known
    const std::uint8_t* moof = m_chunk.data() + (offset - m_chunkOffset);
    // Children of moof (mfhd, traf...), then of each traf (tfhd, tfdt, trun...): plain 32-bit sizes.
    const auto forEachChild = [](const std::uint8_t* box, std::int64_t boxSize, auto&& visit) {
        for (std::int64_t at = 8; at + 8 <= boxSize;) {
            const auto childSize = std::int64_t(bigEndian(box + at, 4));
            if (childSize < 8 || at + childSize > boxSize)
                return false;
            visit(box + at, childSize);
            at += childSize;
        }
        return true;
    };
    int trafs = 0;
    bool everyTrafPlaced = true;
    const bool wellFormed = forEachChild(moof, size, [&](const std::uint8_t* child, std::int64_t childSize) {
        if (std::memcmp(child + 4, "traf", 4) != 0)
            return;
        ++trafs;
        bool hasTfdt = false;
        bool absoluteOffsets = true;  // until a tfhd says otherwise
        const bool trafWellFormed = forEachChild(child, childSize, [&](const std::uint8_t* box, std::int64_t boxSize) {
            if (std::memcmp(box + 4, "tfdt", 4) == 0)
                hasTfdt = true;
            else if (std::memcmp(box + 4, "tfhd", 4) == 0 && boxSize >= 12)
                absoluteOffsets = (bigEndian(box + 9, 3) & 0x000001) != 0;  // base-data-offset-present
        });
        everyTrafPlaced = everyTrafPlaced && trafWellFormed && hasTfdt && !absoluteOffsets;
    });
    return wellFormed && trafs > 0 && everyTrafPlaced;
}

void SegmentReader::abandon()
{
    if (m_status == SourceStatus::Cancelled)
        m_status = SourceStatus::Ok;
    if (m_passSeekable)
        return;  // it may have read far ahead (box walk while opening): the next pass starts at the top
    // libav has been given the bytes up to here and parsed at least up to one buffer before (its AVIOContext's,
    // kAvioBufferBytes; twice that for margin). A moof it has parsed past was only read once every sample before
    // it was handed out (the MP4 demuxer reads the next fragment when the current one is exhausted): resume at
    // the last such moof. Packets indexed twice are skipped by their decode time.
    const std::int64_t parsedPast = toReal(m_position) - 2 * kAvioBufferBytes;
    const auto after = std::upper_bound(m_resumableMoofs.begin(), m_resumableMoofs.end(), parsedPast);
    if (after != m_resumableMoofs.begin())
        m_passSafeEnd = std::max(m_passSafeEnd, *(after - 1));
}

void SegmentReader::walkBoxes()
{
    while (!m_complete && m_status == SourceStatus::Ok) {
        if (!ensure(m_walkOffset, 8))
            return;
        const std::uint8_t* header = m_chunk.data() + (m_walkOffset - m_chunkOffset);
        std::int64_t boxSize = std::int64_t(bigEndian(header, 4));
        const bool isMoof = std::memcmp(header + 4, "moof", 4) == 0;
        std::int64_t headerSize = 8;
        if (boxSize == 1) {
            if (!ensure(m_walkOffset, 16))
                return;
            boxSize = std::int64_t(bigEndian(m_chunk.data() + (m_walkOffset - m_chunkOffset) + 8, 8));
            headerSize = 16;
        }
        if (boxSize == 0)
            return;  // "to the end of the file": whole only once the segment is complete
        if (boxSize < headerSize) {
            m_status = SourceStatus::Failed;
            m_error = "damaged MP4 box structure";
            return;
        }
        if (boxSize > m_size - m_walkOffset)
            return;  // not whole yet (or a damaged size)
        if (isMoof && m_initEnd < 0)
            m_initEnd = m_walkOffset;
        m_walkOffset += boxSize;
        if (!isMoof)
            m_safeEnd = m_walkOffset;
    }
}

bool SegmentReader::hasMoreBytes()
{
    if (m_status != SourceStatus::Ok)
        return false;
    const std::int64_t before = m_passSafeEnd;
    if (!m_complete) {
        // Probe the current end: the answer refreshes the size (and caches the new bytes, if any).
        ensure(m_size, 1);
        walkBoxes();
    }
    const std::int64_t now = m_complete ? m_size : m_safeEnd;
    return now > before;
}

}  // namespace vigie::player
