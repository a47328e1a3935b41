#include "SegmentIndex.h"

#include <charconv>

namespace vigie::sim {

std::string SegmentIndex::makeId(const std::string& cameraId, std::int64_t startMs)
{
    return cameraId + "/" + std::to_string(startMs);
}

bool SegmentIndex::parseId(const std::string& id, std::string* cameraId, std::int64_t* startMs)
{
    const auto slash = id.rfind('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 >= id.size())
        return false;
    const char* begin = id.data() + slash + 1;
    const char* end = id.data() + id.size();
    const auto [last, error] = std::from_chars(begin, end, *startMs);
    if (error != std::errc() || last != end)
        return false;
    *cameraId = id.substr(0, slash);
    return true;
}

const SegmentIndex::Segment* SegmentIndex::findLocked(const std::string& id) const
{
    std::string cameraId;
    std::int64_t startMs = 0;
    if (!parseId(id, &cameraId, &startMs))
        return nullptr;
    const auto camera = m_cameras.find(cameraId);
    if (camera == m_cameras.end())
        return nullptr;
    const auto segment = camera->second.find(startMs);
    return segment == camera->second.end() ? nullptr : &segment->second;
}

void SegmentIndex::add(Segment segment)
{
    std::lock_guard lock(m_mutex);
    auto& segments = m_cameras[segment.cameraId];
    const std::int64_t start = segment.startMs;
    segments.insert_or_assign(start, std::move(segment));
}

void SegmentIndex::grow(const std::string& id, std::int64_t lastSampleMs, std::int64_t sizeBytes)
{
    std::lock_guard lock(m_mutex);
    if (Segment* segment = findLocked(id)) {
        segment->endMs = lastSampleMs;
        segment->sizeBytes = sizeBytes;
    }
}

void SegmentIndex::finish(const std::string& id, std::int64_t endMs, std::int64_t sizeBytes, std::string sha256)
{
    std::lock_guard lock(m_mutex);
    if (Segment* segment = findLocked(id)) {
        segment->endMs = endMs;
        segment->sizeBytes = sizeBytes;
        segment->sha256 = std::move(sha256);
        segment->complete = true;
    }
}

void SegmentIndex::remove(const std::string& id)
{
    std::string cameraId;
    std::int64_t startMs = 0;
    if (!parseId(id, &cameraId, &startMs))
        return;
    std::lock_guard lock(m_mutex);
    if (const auto camera = m_cameras.find(cameraId); camera != m_cameras.end())
        camera->second.erase(startMs);
}

std::optional<SegmentIndex::Segment> SegmentIndex::find(const std::string& id) const
{
    std::lock_guard lock(m_mutex);
    if (const Segment* segment = findLocked(id))
        return *segment;
    return std::nullopt;
}

std::optional<SegmentIndex::Segment> SegmentIndex::at(const std::string& cameraId, std::int64_t atMs) const
{
    std::lock_guard lock(m_mutex);
    const auto camera = m_cameras.find(cameraId);
    if (camera == m_cameras.end())
        return std::nullopt;
    const auto& segments = camera->second;
    auto it = segments.upper_bound(atMs);  // first starting after atMs
    if (it != segments.begin()) {
        const auto& previous = std::prev(it)->second;
        // A growing segment's end is its last sample's time: that sample is shown up to now.
        if (atMs < previous.endMs || (!previous.complete && atMs >= previous.startMs))
            return previous;
    }
    if (it != segments.end())
        return it->second;
    return std::nullopt;
}

std::vector<SegmentIndex::Segment> SegmentIndex::overlapping(const std::string& cameraId, std::int64_t fromMs,
                                                             std::int64_t toMs, std::int64_t resumeStartMs,
                                                             std::size_t limit, bool* more) const
{
    std::vector<Segment> result;
    *more = false;
    std::lock_guard lock(m_mutex);
    const auto camera = m_cameras.find(cameraId);
    if (camera == m_cameras.end())
        return result;
    for (const auto& [start, segment] : camera->second) {
        if (start < resumeStartMs)
            continue;
        if (start >= toMs)
            break;
        const bool overlaps = segment.endMs > fromMs || (!segment.complete && segment.endMs >= fromMs);
        if (!overlaps)
            continue;
        if (result.size() == limit) {
            *more = true;
            break;
        }
        result.push_back(segment);
    }
    return result;
}

std::vector<std::pair<std::int64_t, std::int64_t>> SegmentIndex::intervals(const std::string& cameraId,
                                                                           std::int64_t fromMs,
                                                                           std::int64_t toMs) const
{
    std::vector<std::pair<std::int64_t, std::int64_t>> result;
    std::lock_guard lock(m_mutex);
    const auto camera = m_cameras.find(cameraId);
    if (camera == m_cameras.end())
        return result;
    for (const auto& [start, segment] : camera->second) {
        if (start >= toMs)
            break;
        const std::int64_t end = segment.complete ? segment.endMs : segment.endMs + segment.frameMs;
        if (end > fromMs)
            result.emplace_back(segment.startMs, end);
    }
    return result;
}

std::vector<SegmentIndex::Segment> SegmentIndex::purgeBefore(std::int64_t cutoffMs,
                                                             const std::function<bool(const Segment&)>& keep)
{
    std::vector<Segment> removed;
    std::lock_guard lock(m_mutex);
    for (auto& [cameraId, segments] : m_cameras) {
        for (auto it = segments.begin(); it != segments.end() && it->first < cutoffMs;) {
            if (it->second.complete && it->second.endMs <= cutoffMs && !(keep && keep(it->second))) {
                removed.push_back(std::move(it->second));
                it = segments.erase(it);
            } else {
                ++it;
            }
        }
    }
    return removed;
}

SegmentIndex::Stats SegmentIndex::stats(const std::string& cameraId) const
{
    Stats stats;
    std::lock_guard lock(m_mutex);
    const auto camera = m_cameras.find(cameraId);
    if (camera == m_cameras.end())
        return stats;
    for (const auto& [start, segment] : camera->second) {
        ++stats.segments;
        stats.bytes += segment.sizeBytes;
        if (!segment.complete)
            stats.growing = segment;
        if (!stats.oldestStartMs)
            stats.oldestStartMs = start;
    }
    return stats;
}

} // namespace vigie::sim
