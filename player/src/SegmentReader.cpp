#include "SegmentReader.h"

extern "C" {
#include <libavutil/error.h>
}

#include <algorithm>
#include <cstring>
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
    if (m_pass > 0) {
        // Resume after what the previous pass saw; a segment without a moof yet (no fragment at all when the
        // first pass ran) starts over.
        if (m_initEnd >= 0)
            m_resumeAt = std::max(m_passSafeEnd, m_initEnd);
    }
    ++m_pass;
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
    if (m_pass <= 1 || m_initEnd < 0)
        return realEnd;
    return m_initEnd + std::max<std::int64_t>(0, realEnd - m_resumeAt);
}

std::int64_t SegmentReader::toReal(std::int64_t virtualOffset) const
{
    if (m_pass <= 1 || m_initEnd < 0 || virtualOffset < m_initEnd)
        return virtualOffset;
    return m_resumeAt + (virtualOffset - m_initEnd);
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
        m_passSafeEnd = m_complete ? m_size : m_safeEnd;
        return m_status == SourceStatus::Ok ? AVERROR_EOF : (m_status == SourceStatus::Cancelled ? AVERROR_EXIT : AVERROR(EIO));
    }
    std::int64_t wanted = std::min<std::int64_t>(size, end - m_position);
    if (m_pass > 1 && m_initEnd >= 0 && m_position < m_initEnd)
        wanted = std::min(wanted, m_initEnd - m_position);  // one copy never spans the splice
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
    // Ownership of the bytes moves into the cache (the previous chunk is released).
    m_chunk = std::move(chunk.data);
    m_chunkOffset = offset;
    return offset + length <= m_chunkOffset + std::int64_t(m_chunk.size());
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
        if (m_walkOffset + boxSize > m_size)
            return;  // not whole yet
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
