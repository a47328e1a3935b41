#include "PtzFleet.h"

namespace vigie::sim {

namespace {

// How late a lapsed lease may be noticed by a watcher. The camera itself stops exactly at the lease's
// deadline (PtzCamera integrates up to it), this only bounds how soon the stop is reported.
constexpr std::chrono::milliseconds kTickPeriod{40};

} // namespace

PtzFleet::PtzFleet(const std::vector<std::string>& cameraIds)
{
    const auto now = std::chrono::system_clock::now();
    for (const auto& id : cameraIds)
        m_cameras.push_back(std::make_unique<PtzCamera>(id, now));
}

PtzFleet::~PtzFleet() { stop(); }

PtzCamera* PtzFleet::find(const std::string& cameraId) const
{
    for (const auto& camera : m_cameras) {
        if (camera->id() == cameraId)
            return camera.get();
    }
    return nullptr;
}

void PtzFleet::start()
{
    if (m_cameras.empty() || m_ticker.joinable())
        return;
    m_ticker = std::thread([this] { run(); });
}

void PtzFleet::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_ticker.joinable())
        m_ticker.join();
    for (const auto& camera : m_cameras)
        camera->close();
}

void PtzFleet::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, kTickPeriod, [this] { return m_stopping; })) {
        lock.unlock();
        const auto now = std::chrono::system_clock::now();
        for (const auto& camera : m_cameras)
            camera->tick(now);
        lock.lock();
    }
}

} // namespace vigie::sim
