#include "SceneAlarmRaiser.h"

#include <algorithm>

namespace vigie::sim {

namespace {

std::int64_t realtimeMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

SceneAlarmRaiser::SceneAlarmRaiser(AlarmJournal& journal, std::vector<AlarmGenerator::Camera> cameras,
                                   std::vector<SceneEvent> events, barcode::WallClockSchedule schedule,
                                   std::chrono::seconds rearm)
    : m_journal(journal), m_cameras(std::move(cameras)), m_schedule(std::move(schedule)), m_rearm(rearm)
{
    for (auto& event : events)
        m_eventsByFrame.emplace(event.frame, std::move(event));
}

SceneAlarmRaiser::~SceneAlarmRaiser() { stop(); }

void SceneAlarmRaiser::start()
{
    if (!m_thread.joinable() && !m_cameras.empty() && !m_eventsByFrame.empty())
        m_thread = std::thread([this] { run(); });
}

void SceneAlarmRaiser::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

std::vector<vigie::v1::Alarm> SceneAlarmRaiser::draftsFor(std::int64_t afterTick, std::int64_t throughTick)
{
    std::vector<vigie::v1::Alarm> drafts;
    for (std::int64_t tick = afterTick + 1; tick <= throughTick; ++tick) {
        const auto [first, last] = m_eventsByFrame.equal_range(m_schedule.frameIndex(tick));
        const std::int64_t tickMs = m_schedule.tickTimeMs(tick);
        const std::chrono::system_clock::time_point eventTime{std::chrono::milliseconds(tickMs)};
        for (auto it = first; it != last; ++it) {
            const vigie::v1::Alarm& detection = it->second.detection;
            for (const auto& camera : m_cameras) {
                vigie::v1::Alarm alarm = AlarmGenerator::skeleton(camera, detection.type(),
                                                                  vigie::v1::ALARM_PRIORITY_UNSPECIFIED, eventTime);
                const auto key = std::make_pair(camera.id, alarm.rule_id());
                if (const auto fired = m_lastFired.find(key);
                    fired != m_lastFired.end() && tickMs - fired->second < m_rearm.count())
                    continue;
                m_lastFired[key] = tickMs;
                alarm.MergeFrom(detection);
                alarm.set_description(detection.description() + " - " + camera.name);
                drafts.push_back(std::move(alarm));
            }
        }
    }
    return drafts;
}

void SceneAlarmRaiser::run()
{
    std::int64_t done = m_schedule.tickAt(realtimeMs());
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        const std::chrono::system_clock::time_point nextTick{
            std::chrono::milliseconds(m_schedule.tickTimeMs(done + 1))};
        m_wake.wait_until(lock, nextTick, [this] { return m_stopping; });
        if (m_stopping)
            break;
        lock.unlock();
        const std::int64_t now = m_schedule.tickAt(realtimeMs());
        // After a stall (a suspended process) one loop at most is caught up: older events are stale.
        const std::int64_t from = std::max(done, now - m_schedule.loopFrames());
        auto drafts = draftsFor(from, now);
        done = std::max(done, now);
        if (!drafts.empty())
            m_journal.raise(std::move(drafts));
        lock.lock();
    }
}

} // namespace vigie::sim
