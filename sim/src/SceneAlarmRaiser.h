#pragma once

#include "AlarmGenerator.h"
#include "AlarmJournal.h"
#include "SceneAnalytics.h"
#include "WallClockSchedule.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace vigie::sim {

// Raises the scene analytics' events as alarms on every scene camera, when the wall clock reaches them:
// an event of loop frame f is raised at each tick n with n = f (mod L) of the scene clip's schedule,
// with event_time = that tick's time, so that its boxes match the picture relayed at that instant.
// A rule fires at most once per `rearm` per camera, so that a demo is not flooded by a loop of 30 s
// (zero: every time its event comes round). Nothing is raised for ticks before start().
class SceneAlarmRaiser {
public:
    SceneAlarmRaiser(AlarmJournal& journal, std::vector<AlarmGenerator::Camera> cameras,
                     std::vector<SceneEvent> events, barcode::WallClockSchedule schedule,
                     std::chrono::seconds rearm);
    ~SceneAlarmRaiser();
    SceneAlarmRaiser(const SceneAlarmRaiser&) = delete;
    SceneAlarmRaiser& operator=(const SceneAlarmRaiser&) = delete;

    void start();
    void stop();

    // The drafts for the ticks (after, through], applying and updating the re-arm state. Public for
    // tests: no clock, no journal.
    std::vector<vigie::v1::Alarm> draftsFor(std::int64_t afterTick, std::int64_t throughTick);

private:
    void run();

    AlarmJournal& m_journal;
    const std::vector<AlarmGenerator::Camera> m_cameras;
    std::multimap<int, SceneEvent> m_eventsByFrame;
    const barcode::WallClockSchedule m_schedule;
    const std::chrono::milliseconds m_rearm;
    // (camera id, rule id) -> tick time (ms since the epoch) it last fired at. Raiser thread only.
    std::map<std::pair<std::string, std::string>, std::int64_t> m_lastFired;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;  // guarded by m_mutex
    std::thread m_thread;
};

} // namespace vigie::sim
