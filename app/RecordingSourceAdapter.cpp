#include "RecordingSourceAdapter.h"

#include <QString>

#include "vigie/rpc/RecordingReader.h"

namespace vigie::app {

namespace {

using vigie::player::SourceStatus;

SourceStatus toSourceStatus(vigie::rpc::ReadStatus status)
{
    switch (status) {
    case vigie::rpc::ReadStatus::Ok: return SourceStatus::Ok;
    case vigie::rpc::ReadStatus::Cancelled: return SourceStatus::Cancelled;
    case vigie::rpc::ReadStatus::OutOfRange: return SourceStatus::OutOfRetention;
    case vigie::rpc::ReadStatus::Gone: return SourceStatus::Gone;
    case vigie::rpc::ReadStatus::NotFound:
    case vigie::rpc::ReadStatus::Failed: break;
    }
    return SourceStatus::Failed;
}

vigie::player::RecordedSegment toRecordedSegment(const vigie::rpc::SegmentInfo& info)
{
    vigie::player::RecordedSegment segment;
    segment.id = info.id.toStdString();
    segment.startUtcUs = info.startUs;
    segment.endUtcUs = info.endUs;
    segment.sizeBytes = info.sizeBytes;
    segment.complete = info.complete;
    return segment;
}

vigie::player::SegmentLookup toLookup(const vigie::rpc::SegmentList& list, bool last)
{
    vigie::player::SegmentLookup lookup;
    lookup.status = toSourceStatus(list.status);
    lookup.error = list.error.text.toStdString();
    if (lookup.status == SourceStatus::Ok && !list.segments.isEmpty())
        lookup.segment = toRecordedSegment(last ? list.segments.last() : list.segments.first());
    return lookup;
}

// How far back segmentBefore() looks: first near (the usual case, one segment or a short gap back), then
// wide (after a long outage). Beyond that, playing backwards stops: nothing recorded within a day.
constexpr std::int64_t kNearBackUs = 10LL * 60 * 1'000'000;
constexpr std::int64_t kFarBackUs = 24LL * 3600 * 1'000'000;

}  // namespace

RecordingSourceAdapter::RecordingSourceAdapter(std::shared_ptr<vigie::rpc::RecordingReader> reader)
    : m_reader(std::move(reader))
{
}

vigie::player::SegmentLookup RecordingSourceAdapter::segmentAt(const std::string& cameraId, std::int64_t utcUs,
                                                               const std::atomic<bool>& cancel)
{
    return toLookup(m_reader->segmentsAt(QString::fromStdString(cameraId), utcUs, cancel), false);
}

vigie::player::SegmentLookup RecordingSourceAdapter::segmentBefore(const std::string& cameraId, std::int64_t utcUs,
                                                                   const std::atomic<bool>& cancel)
{
    const QString camera = QString::fromStdString(cameraId);
    for (const std::int64_t back : {kNearBackUs, kFarBackUs}) {
        vigie::rpc::SegmentList list = m_reader->segmentsIn(camera, utcUs - back, utcUs, cancel);
        // Overlapping the range may include the segment containing utcUs itself: only those starting before.
        while (!list.segments.isEmpty() && list.segments.last().startUs >= utcUs)
            list.segments.removeLast();
        if (list.status != vigie::rpc::ReadStatus::Ok || !list.segments.isEmpty())
            return toLookup(list, true);
    }
    return {};
}

vigie::player::SegmentChunk RecordingSourceAdapter::read(const std::string& segmentId, std::int64_t offset, int length,
                                                         const std::atomic<bool>& cancel)
{
    vigie::rpc::SegmentBytes bytes = m_reader->read(QString::fromStdString(segmentId), offset, length, cancel);
    vigie::player::SegmentChunk chunk;
    chunk.status = toSourceStatus(bytes.status);
    chunk.error = bytes.error.text.toStdString();
    chunk.data.assign(bytes.data.cbegin(), bytes.data.cend());
    chunk.sizeBytes = bytes.sizeBytes;
    chunk.complete = bytes.complete;
    chunk.endOfSegment = bytes.endOfSegment;
    return chunk;
}

}  // namespace vigie::app
