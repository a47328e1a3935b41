#pragma once

#include "AlarmJournal.h"

#include <vigie/v1/alarms.pb.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace vigie::sim {

// Raises synthetic analytics alarms on the served cameras at a configurable rate: a calm one for demos,
// or a storm (thousands per second) for load tests, raised in batches per tick so that a storm costs one
// journal write and sync per tick rather than per alarm. Alarms cycle through the event types, cameras
// and priorities; their rule, zone, objects and details are deterministic in the alarm's number, so that
// runs are reproducible. Event types only: nothing here describes or identifies a person.
class AlarmGenerator {
public:
    struct Camera {
        std::string id;
        std::string name;
    };

    // The types the generator cycles through, in order.
    static const std::vector<vigie::v1::AlarmType>& generatedTypes();

    AlarmGenerator(AlarmJournal& journal, std::vector<Camera> cameras, double alarmsPerSecond);
    ~AlarmGenerator();
    AlarmGenerator(const AlarmGenerator&) = delete;
    AlarmGenerator& operator=(const AlarmGenerator&) = delete;

    void start();
    void stop();

    // 0 stops raising; takes effect at the next tick.
    void setRate(double alarmsPerSecond);
    double rate() const;

    // One alarm now (console): an unspecified type or priority takes the next of the cycle. nullopt with
    // *error for an unknown camera or a journal that refused it.
    std::optional<vigie::v1::Alarm> raiseOne(const std::string& cameraId, vigie::v1::AlarmType type,
                                             vigie::v1::AlarmPriority priority, std::string* error);

    // The n-th synthetic alarm's draft (what AlarmJournal::raise takes), deterministic in its arguments.
    static vigie::v1::Alarm draft(std::uint64_t number, const Camera& camera, vigie::v1::AlarmType type,
                                  vigie::v1::AlarmPriority priority, std::chrono::system_clock::time_point eventTime);

    // What every alarm of a rule carries whatever raised it (the generator or the scene analytics):
    // camera, type, priority (unspecified: the type's usual one), event time and review range, rule id
    // and name, whether a human must confirm it. Zone, objects, details and description are the caller's.
    static vigie::v1::Alarm skeleton(const Camera& camera, vigie::v1::AlarmType type,
                                     vigie::v1::AlarmPriority priority,
                                     std::chrono::system_clock::time_point eventTime);

    // "intrusion", "line-crossed", "loitering", "object-left", "wrong-way", "crowd-density".
    static std::optional<vigie::v1::AlarmType> parseType(const std::string& name);
    // "high", "medium", "low".
    static std::optional<vigie::v1::AlarmPriority> parsePriority(const std::string& name);

private:
    void run();
    // The camera, type and priority of the n-th alarm of the cycle.
    vigie::v1::Alarm cycleDraft(std::uint64_t number, std::chrono::system_clock::time_point eventTime) const;

    AlarmJournal& m_journal;
    const std::vector<Camera> m_cameras;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    double m_rate = 0;        // guarded by m_mutex
    bool m_stopping = false;  // guarded by m_mutex
    std::uint64_t m_next = 0; // guarded by m_mutex: number of the next alarm
    std::thread m_thread;
};

} // namespace vigie::sim
