#include "CameraDirectory.h"

#include <google/protobuf/util/time_util.h>

#include <algorithm>

namespace vigie::sim {

namespace {

google::protobuf::Timestamp nowTimestamp()
{
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(
        std::chrono::duration_cast<std::chrono::microseconds>(now).count());
}

} // namespace

CameraDirectory::CameraDirectory(std::vector<vigie::v1::Site> sites, std::vector<vigie::v1::Camera> cameras,
                                 std::size_t journalCapacity)
    : m_journalCapacity(std::max<std::size_t>(1, journalCapacity)),
      m_sites(std::move(sites)),
      m_cameras(std::move(cameras))
{
    // Revisions start at the current time in milliseconds rather than at 1: after a restart of the
    // simulator, a client resuming with a revision from the previous run is then (almost always) ahead
    // of or behind the journal and gets RESYNC, instead of silently missing changes.
    m_revision = std::chrono::duration_cast<std::chrono::milliseconds>(
                     std::chrono::system_clock::now().time_since_epoch())
                     .count();
    m_journalBase = m_revision;
    const auto since = nowTimestamp();
    for (auto& camera : m_cameras)
        *camera.mutable_state_since() = since;
}

CameraDirectory::Snapshot CameraDirectory::snapshot() const
{
    std::lock_guard lock(m_mutex);
    return {m_sites, m_cameras, m_revision};
}

std::optional<vigie::v1::Camera> CameraDirectory::camera(const std::string& id) const
{
    std::lock_guard lock(m_mutex);
    for (const auto& camera : m_cameras) {
        if (camera.id() == id)
            return camera;
    }
    return std::nullopt;
}

CameraDirectory::Counts CameraDirectory::counts() const
{
    std::lock_guard lock(m_mutex);
    Counts counts;
    counts.total = static_cast<int>(m_cameras.size());
    counts.online = static_cast<int>(std::count_if(m_cameras.begin(), m_cameras.end(), [](const auto& c) {
        return c.state() == vigie::v1::CAMERA_STATE_ONLINE;
    }));
    return counts;
}

CameraDirectory::Change CameraDirectory::setState(const std::string& cameraId, vigie::v1::CameraState state,
                                                  const std::string& reason)
{
    std::lock_guard lock(m_mutex);
    const auto it = std::find_if(m_cameras.begin(), m_cameras.end(),
                                 [&](const auto& camera) { return camera.id() == cameraId; });
    if (it == m_cameras.end())
        return Change::UnknownCamera;
    if (it->state() == state && it->state_reason() == reason)
        return Change::Unchanged;
    it->set_state(state);
    it->set_state_reason(reason);
    *it->mutable_state_since() = nowTimestamp();

    vigie::v1::WatchDirectoryResponse event;
    *event.mutable_camera_upserted() = *it;
    recordLocked(std::move(event));
    return Change::Applied;
}

void CameraDirectory::recordLocked(vigie::v1::WatchDirectoryResponse event)
{
    event.set_revision(++m_revision);
    m_journal.push_back(std::move(event));
    while (m_journal.size() > m_journalCapacity) {
        m_journalBase = m_journal.front().revision();
        m_journal.pop_front();
    }
    m_changed.notify_all();
}

bool CameraDirectory::hasNewsLocked(std::int64_t afterRevision) const
{
    // A revision from the future (another run of the simulator) is news too: it needs RESYNC.
    return m_closed || afterRevision != m_revision;
}

CameraDirectory::Changes CameraDirectory::waitForChanges(std::int64_t afterRevision,
                                                         std::chrono::steady_clock::time_point deadline) const
{
    std::unique_lock lock(m_mutex);
    m_changed.wait_until(lock, deadline, [&] { return hasNewsLocked(afterRevision); });

    Changes changes;
    changes.revision = m_revision;
    if (m_closed) {
        changes.closed = true;
        return changes;
    }
    if (afterRevision < m_journalBase || afterRevision > m_revision) {
        changes.resync = true;
        return changes;
    }
    for (const auto& event : m_journal) {
        if (event.revision() > afterRevision)
            changes.events.push_back(event);
    }
    return changes;
}

void CameraDirectory::close()
{
    std::lock_guard lock(m_mutex);
    m_closed = true;
    m_changed.notify_all();
}

} // namespace vigie::sim
