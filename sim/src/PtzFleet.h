#pragma once

#include "PtzCamera.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace vigie::sim {

// The simulator's PTZ domes, and the ticker that enforces their time limits (leases, lock lapses, tour
// dwells) even when nobody calls or watches.
class PtzFleet {
public:
    explicit PtzFleet(const std::vector<std::string>& cameraIds);
    ~PtzFleet();
    PtzFleet(const PtzFleet&) = delete;
    PtzFleet& operator=(const PtzFleet&) = delete;

    // Null for a camera that is not one of the fleet's.
    PtzCamera* find(const std::string& cameraId) const;
    bool empty() const { return m_cameras.empty(); }

    void start();
    // Stops the ticker and wakes every lock watcher for good.
    void stop();

private:
    void run();

    std::vector<std::unique_ptr<PtzCamera>> m_cameras;  // fixed after construction
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;  // guarded by m_mutex
    std::thread m_ticker;
};

} // namespace vigie::sim
