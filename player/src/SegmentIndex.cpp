#include "SegmentIndex.h"

#include <algorithm>
#include <new>

#include "AvError.h"

namespace vigie::player {

namespace {

constexpr AVRational kMicros{1, 1000000};
constexpr std::int64_t kDefaultFrameMicros = 40000;  // a growing segment's last frame, when it says nothing

int interruptCallback(void* opaque)
{
    return static_cast<const std::atomic<bool>*>(opaque)->load(std::memory_order_relaxed) ? 1 : 0;
}

}  // namespace

SegmentIndex::SegmentIndex(RecordingSource& source, RecordedSegment segment, const std::atomic<bool>& cancel)
    : m_reader(source, std::move(segment), cancel), m_cancel(cancel)
{
}

SegmentIndex::~SegmentIndex()
{
    m_format.reset();  // before the AVIOContext it reads from
    m_io.reset();
}

SegmentIndex::Status SegmentIndex::open() { return openPass(); }

SegmentIndex::Status SegmentIndex::statusOf(int libavError)
{
    switch (m_reader.status()) {
    case SourceStatus::Ok: break;
    case SourceStatus::Cancelled: return Status::Cancelled;
    case SourceStatus::Gone: return Status::Gone;
    case SourceStatus::OutOfRetention: return Status::OutOfRetention;
    case SourceStatus::Failed:
        m_error = QString::fromStdString(m_reader.error());
        if (m_error.isEmpty())
            m_error = QStringLiteral("cannot read the recording");
        return Status::Failed;
    }
    if (m_cancel.load())
        return Status::Cancelled;
    m_error = QStringLiteral("cannot demux the recording: ") + describeAvError(libavError);
    return Status::Failed;
}

SegmentIndex::Status SegmentIndex::openPass()
{
    for (bool seekable : {false, true}) {
        m_format.reset();
        m_io = m_reader.newPass(seekable);
        AVFormatContext* context = avformat_alloc_context();
        if (!context)
            throw std::bad_alloc();
        context->pb = m_io.get();  // borrowed: m_io outlives m_format
        context->flags |= AVFMT_FLAG_CUSTOM_IO;
        context->interrupt_callback = {&interruptCallback, const_cast<std::atomic<bool>*>(&m_cancel)};
        const AVInputFormat* format = av_find_input_format("mp4");
        const int opened = avformat_open_input(&context, nullptr, format, nullptr);
        if (opened < 0) {
            // avformat_open_input() freed the context.
            if (m_reader.status() != SourceStatus::Ok || m_cancel.load())
                return statusOf(opened);
            if (!m_reader.complete()) {
                m_drained = true;  // the init boxes are not all written yet: extend() tries again
                return Status::End;
            }
            if (!seekable)
                continue;  // a moov after the media data needs seeking
            return statusOf(opened);
        }
        m_format.reset(context);  // Ownership of the opened context is handed to m_format.
        break;
    }
    m_videoIndex = av_find_best_stream(m_format.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (m_videoIndex < 0) {
        m_error = QStringLiteral("the recording has no video");
        return Status::Failed;
    }
    for (unsigned i = 0; i < m_format->nb_streams; ++i) {
        if (int(i) != m_videoIndex)
            m_format->streams[i]->discard = AVDISCARD_ALL;
    }
    const AVStream* stream = m_format->streams[m_videoIndex];
    if (!m_parameters) {
        m_timeBase = stream->time_base;
        m_parameters.reset(avcodec_parameters_alloc());
        if (!m_parameters || avcodec_parameters_copy(m_parameters.get(), stream->codecpar) < 0)
            throw std::bad_alloc();
    }
    m_drained = false;
    return Status::Ok;
}

void SegmentIndex::abandonPass()
{
    m_format.reset();  // before the AVIOContext it reads from
    m_io.reset();
    m_reader.abandon();
    m_abandoned = true;
    m_drained = false;
}

SegmentIndex::Status SegmentIndex::demux(int count)
{
    if (m_abandoned) {
        if (const Status reopened = openPass(); reopened != Status::Ok)
            return reopened;
        m_abandoned = false;
    }
    if (!m_format)
        return m_drained ? Status::End : Status::Failed;
    if (m_drained)
        return Status::End;
    PacketPtr packet(av_packet_alloc());
    if (!packet)
        throw std::bad_alloc();
    for (int added = 0; added < count;) {
        const int read = av_read_frame(m_format.get(), packet.get());
        if (read == AVERROR_EOF && m_reader.status() == SourceStatus::Ok) {
            m_drained = true;
            return Status::End;
        }
        if (read < 0)
            return statusOf(read);
        if (m_reader.status() != SourceStatus::Ok) {
            // A read failed or was cancelled while libav assembled this packet: it may be cut short (libav
            // returns what it got). Not indexed: the next pass reads it whole.
            av_packet_unref(packet.get());
            return statusOf(AVERROR_EXIT);
        }
        if (packet->stream_index == m_videoIndex && packet->size > 0) {
            add(*packet);
            ++added;
        }
        av_packet_unref(packet.get());
    }
    return Status::Ok;
}

SegmentIndex::Status SegmentIndex::demuxUntil(std::int64_t utcUs)
{
    while (m_byTime.empty() || lastUtc() <= utcUs) {
        const Status status = demux(8);
        if (status != Status::Ok)
            return status;
    }
    return Status::Ok;
}

SegmentIndex::Status SegmentIndex::demuxAll()
{
    for (;;) {
        const Status status = demux(64);
        if (status != Status::Ok)
            return status;
    }
}

SegmentIndex::Status SegmentIndex::extend()
{
    if (!m_drained)
        return Status::Ok;
    if (finished())
        return Status::End;
    if (!m_reader.hasMoreBytes())
        return m_reader.status() == SourceStatus::Ok ? Status::End : statusOf(0);
    return openPass();
}

void SegmentIndex::add(AVPacket& packet)
{
    const std::int64_t pts = packet.pts != AV_NOPTS_VALUE ? packet.pts : packet.dts;
    if (pts == AV_NOPTS_VALUE)
        return;  // nowhere on the timeline: cannot be presented
    if (m_firstPts == AV_NOPTS_VALUE)
        m_firstPts = pts;
    const std::int64_t dts = packet.dts != AV_NOPTS_VALUE ? packet.dts : pts;
    // A later pass of a growing segment starts at the first fragment it has not seen, but a pass that had to
    // start over from the top would repeat packets.
    if (m_lastDts != AV_NOPTS_VALUE && dts <= m_lastDts)
        return;
    m_lastDts = dts;

    const std::int64_t start = segment().startUtcUs;
    const std::int64_t utc = start + av_rescale_q(pts - m_firstPts, m_timeBase, kMicros);
    PacketPtr owned(av_packet_alloc());
    if (!owned)
        throw std::bad_alloc();
    av_packet_move_ref(owned.get(), &packet);  // the compressed data's reference moves into the index
    owned->pts = utc;
    owned->dts = start + av_rescale_q(dts - m_firstPts, m_timeBase, kMicros);
    owned->duration = av_rescale_q(owned->duration, m_timeBase, kMicros);
    owned->time_base = kMicros;
    m_lastDuration = owned->duration > 0 ? owned->duration : kDefaultFrameMicros;
    const bool key = (owned->flags & AV_PKT_FLAG_KEY) != 0;
    const int index = int(m_packets.size());
    m_packets.push_back({std::move(owned), utc, key});
    const auto at = std::upper_bound(m_byTime.begin(), m_byTime.end(), std::make_pair(utc, index));
    m_byTime.insert(at, {utc, index});
}

int SegmentIndex::orderAt(std::int64_t utcUs) const
{
    const auto after = std::upper_bound(m_byTime.begin(), m_byTime.end(), utcUs,
                                        [](std::int64_t value, const auto& entry) { return value < entry.first; });
    return int(after - m_byTime.begin()) - 1;
}

int SegmentIndex::orderOf(std::int64_t utcUs) const
{
    const int order = orderAt(utcUs);
    return order >= 0 && m_byTime[std::size_t(order)].first == utcUs ? order : -1;
}

int SegmentIndex::keyAtOrBefore(int i) const
{
    for (int k = std::min(i, size() - 1); k >= 0; --k) {
        if (m_packets[std::size_t(k)].key)
            return k;
    }
    return -1;
}

int SegmentIndex::keyAfter(int i) const
{
    for (int k = std::max(i + 1, 0); k < size(); ++k) {
        if (m_packets[std::size_t(k)].key)
            return k;
    }
    return -1;
}

std::int64_t SegmentIndex::endUtc() const
{
    const std::int64_t afterLast = m_byTime.empty() ? segment().startUtcUs : lastUtc() + m_lastDuration;
    // A growing segment's listed end is stale by the time it is used: what is indexed says more.
    return complete() ? std::max(segment().endUtcUs, afterLast) : afterLast;
}

}  // namespace vigie::player
