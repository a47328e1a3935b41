#include "WallStore.h"

#include "LayoutRules.h"

#include <google/protobuf/util/time_util.h>

#include <algorithm>

namespace vigie::sim {

namespace {

// common.proto: receivers treat an unspecified choice as AUTO; storing AUTO spares every watcher that rule.
vigie::v1::StreamChoice normalised(vigie::v1::StreamChoice choice)
{
    return choice == vigie::v1::STREAM_CHOICE_UNSPECIFIED ? vigie::v1::STREAM_CHOICE_AUTO : choice;
}

vigie::v1::MonitorState* findMonitor(vigie::v1::WallState& state, const std::string& monitorId)
{
    for (auto& monitor : *state.mutable_monitors()) {
        if (monitor.monitor_id() == monitorId)
            return &monitor;
    }
    return nullptr;
}

} // namespace

WallStore::WallStore(std::vector<Definition> definitions)
{
    const auto now = google::protobuf::util::TimeUtil::GetCurrentTime();
    for (auto& definition : definitions) {
        WallEntry entry;
        entry.wall = std::move(definition.wall);
        entry.state.set_wall_id(entry.wall.id());
        // Versions start at 1 so that 0 keeps its meaning of "no check" in expected_version.
        entry.state.set_version(1);
        entry.journalBase = 1;
        for (const auto& monitor : entry.wall.monitors()) {
            auto* state = entry.state.add_monitors();
            state->set_monitor_id(monitor.id());
            if (const auto it = definition.initialLayouts.find(monitor.id()); it != definition.initialLayouts.end())
                *state->mutable_layout() = it->second;
            // The contract has no way for a display to register, so there is nothing that could report
            // a display missing: every monitor is reported online.
            state->set_online(true);
            *state->mutable_updated_at() = now;
        }
        m_walls.push_back(std::move(entry));
    }
}

std::vector<vigie::v1::Wall> WallStore::walls() const
{
    std::lock_guard lock(m_mutex);
    std::vector<vigie::v1::Wall> walls;
    for (const auto& entry : m_walls)
        walls.push_back(entry.wall);
    return walls;
}

std::optional<vigie::v1::WallState> WallStore::state(const std::string& wallId) const
{
    std::lock_guard lock(m_mutex);
    for (const auto& entry : m_walls) {
        if (entry.wall.id() == wallId)
            return entry.state;
    }
    return std::nullopt;
}

WallStore::WallEntry* WallStore::findLocked(const std::string& wallId)
{
    for (auto& entry : m_walls) {
        if (entry.wall.id() == wallId)
            return &entry;
    }
    return nullptr;
}

template <typename Mutate>
WallStore::Outcome WallStore::apply(const Change& change, Mutate mutate)
{
    Outcome outcome;
    {
        std::lock_guard lock(m_mutex);
        WallEntry* entry = findLocked(change.wallId);
        if (!entry) {
            outcome.status = {grpc::StatusCode::NOT_FOUND, "no wall '" + change.wallId + "'"};
            return outcome;
        }
        vigie::v1::MonitorState* monitor = findMonitor(entry->state, change.monitorId);
        if (!monitor) {
            outcome.status = {grpc::StatusCode::NOT_FOUND,
                              "no monitor '" + change.monitorId + "' on wall '" + change.wallId + "'"};
            return outcome;
        }
        // A retry is answered before the version check: the first try moved the version past what the
        // client expected, and the retry must not read as a conflict with itself.
        if (!change.requestId.empty()) {
            if (const auto it = entry->requests.find(change.requestId); it != entry->requests.end()) {
                outcome.state = it->second;
                outcome.replayed = true;
                return outcome;
            }
        }
        if (change.expectedVersion != 0 && change.expectedVersion != entry->state.version()) {
            outcome.status = {grpc::StatusCode::ABORTED,
                              "wall '" + change.wallId + "' is at version " +
                                  std::to_string(entry->state.version()) + ", not " +
                                  std::to_string(change.expectedVersion) + " (changed meanwhile)"};
            outcome.state = entry->state;
            return outcome;
        }

        vigie::v1::MonitorState next = *monitor;
        if (grpc::Status refused = mutate(next); !refused.ok()) {
            outcome.status = std::move(refused);
            return outcome;
        }
        next.set_updated_by(change.userName);
        next.set_updated_by_display_name(change.userDisplayName);
        *next.mutable_updated_at() = google::protobuf::util::TimeUtil::GetCurrentTime();
        *monitor = next;
        entry->state.set_version(entry->state.version() + 1);

        entry->journal.push_back(std::move(next));
        if (entry->journal.size() > kJournalCapacity) {
            entry->journal.pop_front();
            ++entry->journalBase;
        }
        if (!change.requestId.empty()) {
            entry->requests.emplace(change.requestId, entry->state);
            entry->requestOrder.push_back(change.requestId);
            if (entry->requestOrder.size() > kRememberedRequests) {
                entry->requests.erase(entry->requestOrder.front());
                entry->requestOrder.pop_front();
            }
        }
        outcome.state = entry->state;
    }
    m_changed.notify_all();
    return outcome;
}

WallStore::Outcome WallStore::pushCamera(const Change& change, const vigie::v1::CameraPush& push)
{
    return apply(change, [&push](vigie::v1::MonitorState& monitor) -> grpc::Status {
        if (!push.has_cell_index()) {
            if (push.camera_id().empty())
                return {grpc::StatusCode::INVALID_ARGUMENT,
                        "camera_id is empty (ClearMonitor empties a monitor)"};
            // The camera alone on the monitor: a 1x1 layout.
            vigie::v1::Layout single;
            single.set_columns(1);
            single.set_rows(1);
            auto* cell = single.add_cells();
            auto* rect = cell->mutable_rect();
            rect->set_column_span(1);
            rect->set_row_span(1);
            cell->set_camera_id(push.camera_id());
            cell->set_stream(normalised(push.stream()));
            *monitor.mutable_layout() = std::move(single);
            return grpc::Status::OK;
        }
        const int index = push.cell_index();
        if (!monitor.has_layout() || index < 0 || index >= monitor.layout().cells_size())
            return {grpc::StatusCode::INVALID_ARGUMENT,
                    "cell_index " + std::to_string(index) + " is outside the monitor's layout (" +
                        std::to_string(monitor.has_layout() ? monitor.layout().cells_size() : 0) + " cells)"};
        // An empty camera_id empties that tile, as an empty LayoutCell does.
        auto* cell = monitor.mutable_layout()->mutable_cells(index);
        cell->set_camera_id(push.camera_id());
        cell->set_stream(normalised(push.stream()));
        return grpc::Status::OK;
    });
}

WallStore::Outcome WallStore::pushLayout(const Change& change, const vigie::v1::Layout& layout)
{
    return apply(change, [&layout](vigie::v1::MonitorState& monitor) -> grpc::Status {
        if (const std::string problem = LayoutRules::layoutProblem(layout); !problem.empty())
            return {grpc::StatusCode::INVALID_ARGUMENT, problem};
        vigie::v1::Layout stored = layout;
        for (auto& cell : *stored.mutable_cells())
            cell.set_stream(normalised(cell.stream()));
        *monitor.mutable_layout() = std::move(stored);
        return grpc::Status::OK;
    });
}

WallStore::Outcome WallStore::clear(const Change& change)
{
    // Clearing a monitor that is already black is still a change: who did it and when are news.
    return apply(change, [](vigie::v1::MonitorState& monitor) -> grpc::Status {
        monitor.clear_layout();
        return grpc::Status::OK;
    });
}

WallStore::Update WallStore::waitForChanges(const std::string& wallId, std::int64_t afterVersion,
                                            std::chrono::steady_clock::time_point deadline) const
{
    std::unique_lock lock(m_mutex);
    const WallEntry* entry = nullptr;
    for (const auto& candidate : m_walls) {
        if (candidate.wall.id() == wallId)
            entry = &candidate;
    }
    Update update;
    if (!entry) {
        update.unknownWall = true;
        return update;
    }
    // Walls are never added or removed after construction, so `entry` stays valid across the wait.
    m_changed.wait_until(lock, deadline,
                         [&] { return m_closed || entry->state.version() != afterVersion; });
    update.closed = m_closed;
    update.version = entry->state.version();
    if (m_closed || update.version == afterVersion)
        return update;
    if (afterVersion < entry->journalBase || afterVersion > update.version) {
        update.snapshot = entry->state;
        return update;
    }
    const auto skip = static_cast<std::size_t>(afterVersion - entry->journalBase);
    update.changes.assign(entry->journal.begin() + static_cast<std::ptrdiff_t>(skip), entry->journal.end());
    return update;
}

void WallStore::close()
{
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_changed.notify_all();
}

} // namespace vigie::sim
