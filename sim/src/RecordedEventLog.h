#pragma once

#include <vigie/v1/recordings.pb.h>

#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

namespace vigie::sim {

// The events SearchEvents returns: camera outages (recorded as they happen) and alarms (copied from the
// alarm journal by the service), oldest first. Times are UTC milliseconds. Thread-safe (one mutex):
// the stdin control thread adds outages, gRPC handlers add alarms and search.
class RecordedEventLog {
public:
    // Adds an event (its id is given here when empty). An ALARM event whose alarm_id is already in the
    // log is ignored: the journal is read again from time to time.
    void add(vigie::v1::RecordedEvent event);
    // Drops the events that ended before `cutoffMs` (retention: their recordings are gone too).
    void purgeBefore(std::int64_t cutoffMs);

    struct Query {
        std::set<std::string> cameraIds;            // cameras to search (already filtered by rights)
        std::int64_t fromMs = 0;                    // events overlapping [from, to)
        std::int64_t toMs = 0;
        std::set<int> kinds;                        // RecordedEventKind values; empty = all
        std::set<int> alarmTypes;                   // AlarmType values for ALARM/DETECTION; empty = all
        std::size_t offset = 0;
        std::size_t limit = 100;
    };
    struct Page {
        std::vector<vigie::v1::RecordedEvent> events;
        std::size_t total = 0;
        bool more = false;
    };
    Page search(const Query& query) const;

private:
    mutable std::mutex m_mutex;
    // By start time, then insertion order.
    std::multimap<std::int64_t, vigie::v1::RecordedEvent> m_events;  // guarded by m_mutex
    std::unordered_set<std::string> m_alarmIds;                       // guarded by m_mutex
    std::int64_t m_nextId = 1;                                        // guarded by m_mutex
};

} // namespace vigie::sim
