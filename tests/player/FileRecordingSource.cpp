#include "FileRecordingSource.h"

#include <QFile>
#include <QFileInfo>

#include <thread>

using vigie::player::RecordedSegment;
using vigie::player::SegmentChunk;
using vigie::player::SegmentLookup;
using vigie::player::SourceStatus;

namespace vigie::test {

void FileRecordingSource::addCamera(const std::string& cameraId, const std::vector<GeneratedSegment>& segments)
{
    std::lock_guard lock(m_mutex);
    auto& list = m_cameras[cameraId];
    for (const GeneratedSegment& generated : segments) {
        Entry entry;
        entry.path = generated.path;
        entry.segment.id = cameraId + "/" + QFileInfo(generated.path).fileName().toStdString();
        entry.segment.startUtcUs = generated.startUtcUs;
        entry.segment.endUtcUs = generated.endUtcUs;
        entry.segment.sizeBytes = QFileInfo(generated.path).size();
        entry.segment.complete = true;
        list.push_back(entry);
        m_byId[entry.segment.id] = entry;
    }
}

void FileRecordingSource::setWritten(const std::string& cameraId, int index, std::int64_t bytes)
{
    std::lock_guard lock(m_mutex);
    Entry& entry = m_cameras.at(cameraId).at(std::size_t(index));
    if (bytes < 0)
        m_written.erase(entry.segment.id);
    else
        m_written[entry.segment.id] = bytes;
    entry.segment.complete = bytes < 0;
    entry.segment.sizeBytes = bytes < 0 ? QFileInfo(entry.path).size() : bytes;
    m_byId[entry.segment.id] = entry;
}

bool FileRecordingSource::wait(std::int64_t micros, const std::atomic<bool>& cancel)
{
    const auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(micros);
    // An emulated network round trip: checks the cancel flag every millisecond, as a real adapter would be
    // woken by its call's cancellation.
    while (std::chrono::steady_clock::now() < until) {
        if (cancel.load())
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return !cancel.load();
}

SegmentLookup FileRecordingSource::segmentAt(const std::string& cameraId, std::int64_t utcUs, const std::atomic<bool>& cancel)
{
    ++lookups;
    if (!wait(m_lookupLatencyMicros.load(), cancel))
        return {SourceStatus::Cancelled, std::nullopt, {}};
    if (utcUs < m_retentionStart.load())
        return {SourceStatus::OutOfRetention, std::nullopt, "before the retention window"};
    std::lock_guard lock(m_mutex);
    const auto camera = m_cameras.find(cameraId);
    if (camera == m_cameras.end())
        return {SourceStatus::Failed, std::nullopt, "unknown camera"};
    for (const Entry& entry : camera->second) {
        if (utcUs < entry.segment.endUtcUs)
            return {SourceStatus::Ok, entry.segment, {}};
    }
    return {SourceStatus::Ok, std::nullopt, {}};
}

SegmentLookup FileRecordingSource::segmentBefore(const std::string& cameraId, std::int64_t utcUs,
                                                 const std::atomic<bool>& cancel)
{
    ++lookups;
    if (!wait(m_lookupLatencyMicros.load(), cancel))
        return {SourceStatus::Cancelled, std::nullopt, {}};
    if (utcUs <= m_retentionStart.load())
        return {SourceStatus::OutOfRetention, std::nullopt, "before the retention window"};
    std::lock_guard lock(m_mutex);
    const auto camera = m_cameras.find(cameraId);
    if (camera == m_cameras.end())
        return {SourceStatus::Failed, std::nullopt, "unknown camera"};
    std::optional<RecordedSegment> found;
    for (const Entry& entry : camera->second) {
        if (entry.segment.startUtcUs < utcUs)
            found = entry.segment;
    }
    return {SourceStatus::Ok, found, {}};
}

SegmentChunk FileRecordingSource::read(const std::string& segmentId, std::int64_t offset, int length,
                                       const std::atomic<bool>& cancel)
{
    ++reads;
    ++readsInProgress;
    struct Done {
        std::atomic<int>& counter;
        ~Done() { --counter; }
    } done{readsInProgress};
    SegmentChunk chunk;
    if (!wait(m_readLatencyMicros.load(), cancel)) {
        chunk.status = SourceStatus::Cancelled;
        return chunk;
    }
    if (goneReads.fetch_sub(1) > 0) {
        chunk.status = SourceStatus::Gone;
        chunk.error = "destroyed since it was listed";
        return chunk;
    }
    goneReads.store(std::max(goneReads.load(), 0));
    QString path;
    std::int64_t limit = -1;  // bytes written so far; -1: complete
    {
        std::lock_guard lock(m_mutex);
        const auto entry = m_byId.find(segmentId);
        if (entry == m_byId.end()) {
            chunk.status = SourceStatus::Failed;
            chunk.error = "unknown segment";
            return chunk;
        }
        path = entry->second.path;
        if (const auto written = m_written.find(segmentId); written != m_written.end())
            limit = written->second;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        chunk.status = SourceStatus::Failed;
        chunk.error = file.errorString().toStdString();
        return chunk;
    }
    chunk.sizeBytes = limit < 0 ? file.size() : std::min<std::int64_t>(limit, file.size());
    chunk.complete = limit < 0;
    const int wanted = int(std::min<std::int64_t>(std::min(length <= 0 ? (1 << 20) : length, m_maxChunk.load()),
                                                  std::max<std::int64_t>(chunk.sizeBytes - offset, 0)));
    if (offset > chunk.sizeBytes) {
        chunk.status = SourceStatus::Failed;
        chunk.error = "offset past the end";
        return chunk;
    }
    file.seek(offset);
    const QByteArray bytes = file.read(wanted);
    chunk.data.assign(bytes.begin(), bytes.end());
    chunk.endOfSegment = chunk.complete && offset + bytes.size() >= chunk.sizeBytes;
    return chunk;
}

}  // namespace vigie::test
