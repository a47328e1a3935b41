#include "RecordedEventLog.h"

#include <google/protobuf/util/time_util.h>

namespace vigie::sim {

namespace {

using google::protobuf::util::TimeUtil;

std::int64_t msOf(const google::protobuf::Timestamp& t) { return TimeUtil::TimestampToMilliseconds(t); }

} // namespace

void RecordedEventLog::add(vigie::v1::RecordedEvent event)
{
    std::lock_guard lock(m_mutex);
    if (event.kind() == vigie::v1::RECORDED_EVENT_KIND_ALARM && !event.alarm_id().empty() &&
        !m_alarmIds.insert(event.alarm_id()).second)
        return;
    if (event.id().empty())
        event.set_id("ev-" + std::to_string(m_nextId++));
    const std::int64_t start = msOf(event.range().start());
    m_events.emplace(start, std::move(event));
}

void RecordedEventLog::purgeBefore(std::int64_t cutoffMs)
{
    std::lock_guard lock(m_mutex);
    for (auto it = m_events.begin(); it != m_events.end() && it->first < cutoffMs;) {
        if (msOf(it->second.range().end()) < cutoffMs) {
            // The alarm id stays known, so that reading the journal again does not bring it back.
            it = m_events.erase(it);
        } else {
            ++it;
        }
    }
}

RecordedEventLog::Page RecordedEventLog::search(const Query& query) const
{
    Page page;
    std::lock_guard lock(m_mutex);
    for (const auto& [start, event] : m_events) {
        if (start >= query.toMs && !(start == query.toMs && query.fromMs == query.toMs))
            break;
        const std::int64_t end = msOf(event.range().end());
        // Half-open overlap; an instant event overlaps a range that contains it.
        if (end < query.fromMs || (end == query.fromMs && end != start))
            continue;
        if (!query.cameraIds.count(event.camera_id()))
            continue;
        if (!query.kinds.empty() && !query.kinds.count(event.kind()))
            continue;
        const bool typed = event.kind() == vigie::v1::RECORDED_EVENT_KIND_ALARM ||
                           event.kind() == vigie::v1::RECORDED_EVENT_KIND_DETECTION;
        if (typed && !query.alarmTypes.empty() && !query.alarmTypes.count(event.alarm_type()))
            continue;
        if (page.total >= query.offset && page.events.size() < query.limit)
            page.events.push_back(event);
        ++page.total;
    }
    page.more = query.offset + page.events.size() < page.total;
    return page;
}

} // namespace vigie::sim
