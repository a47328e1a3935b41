#include "AlarmServiceImpl.h"

#include "CameraRightsPolicy.h"
#include "HeartbeatPeriod.h"
#include "Log.h"
#include "SceneAnalytics.h"

#include <google/protobuf/util/time_util.h>

#include <algorithm>
#include <cmath>

namespace vigie::sim {

namespace {

// As in WallServiceImpl: the sync API has no cancellation callback, so a waiting subscriber looks at
// IsCancelled() this often; it bounds how long a cancelled subscription holds its thread.
constexpr std::chrono::milliseconds kCancellationPoll{250};

// Alarms taken from the journal per write burst: a subscriber catching up on a storm sends in slices
// and never holds the journal's lock for long.
constexpr std::size_t kBatch = 512;

vigie::v1::SubscribeAlarmsResponse heartbeat(std::int64_t sequence)
{
    vigie::v1::SubscribeAlarmsResponse response;
    response.set_sequence(sequence);
    *response.mutable_heartbeat()->mutable_server_time() = google::protobuf::util::TimeUtil::GetCurrentTime();
    return response;
}

vigie::v1::SubscribeAlarmsResponse resync(std::int64_t sequence, std::int64_t oldest)
{
    vigie::v1::SubscribeAlarmsResponse response;
    response.set_sequence(sequence);
    response.mutable_resync()->set_oldest_sequence(oldest);
    return response;
}

} // namespace

AlarmServiceImpl::AlarmServiceImpl(AlarmJournal& journal, const CameraDirectory& directory, SessionStore& sessions,
                                   const UserDirectory& users, SceneCameras sceneCameras)
    : m_journal(journal),
      m_directory(directory),
      m_sessions(sessions),
      m_users(users),
      m_sceneCameras(std::move(sceneCameras)),
      m_authenticator(sessions)
{
}

void AlarmServiceImpl::close()
{
    {
        std::lock_guard lock(m_closeMutex);
        m_closed = true;
    }
    m_closeWake.notify_all();
}

grpc::Status AlarmServiceImpl::ListActiveAlarms(grpc::ServerContext* context,
                                                const vigie::v1::ListActiveAlarmsRequest* /*request*/,
                                                vigie::v1::ListActiveAlarmsResponse* response)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;
    auto snapshot = m_journal.activeAlarms();
    for (auto& alarm : snapshot.active) {
        if (CameraRightsPolicy::canSee(caller.session, alarm.camera_id()))
            *response->add_alarms() = std::move(alarm);
    }
    response->set_snapshot_sequence(snapshot.sequence);
    return grpc::Status::OK;
}

grpc::Status AlarmServiceImpl::SubscribeAlarms(grpc::ServerContext* context,
                                               const vigie::v1::SubscribeAlarmsRequest* request,
                                               grpc::ServerWriter<vigie::v1::SubscribeAlarmsResponse>* writer)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;
    const std::string who = caller.session.user().name() + " (" + context->peer() + ")";
    Log::debug("alarm subscription after " + std::to_string(request->resume_after_sequence()) + " from " + who);

    using Clock = std::chrono::steady_clock;
    const auto interval = heartbeatPeriod(*request);
    std::int64_t position = request->resume_after_sequence();

    // Sends what an update holds; false when the stream is over (client gone, resync sent).
    enum class Next { Continue, Stop, ShuttingDown };
    auto deliver = [&](AlarmJournal::Update& update) {
        if (update.closed)
            return Next::ShuttingDown;
        if (update.resync) {
            Log::debug("alarm subscription from " + who + " resumes before the journal: resync");
            writer->Write(resync(m_journal.sequence(), update.oldestResumePoint));
            return Next::Stop;
        }
        for (auto& alarm : update.alarms) {
            if (!CameraRightsPolicy::canSee(caller.session, alarm.camera_id()))
                continue;
            vigie::v1::SubscribeAlarmsResponse response;
            response.set_sequence(alarm.sequence());
            *response.mutable_alarm() = std::move(alarm);
            if (!writer->Write(response))
                return Next::Stop;
        }
        position = update.through;
        return Next::Continue;
    };

    // The replay: everything after the resume point, latest state per alarm, in slices.
    for (;;) {
        auto update = m_journal.waitForChanges(position, Clock::now(), kBatch);
        const Next next = deliver(update);
        if (next == Next::ShuttingDown)
            return {grpc::StatusCode::UNAVAILABLE, "server shutting down"};
        if (next == Next::Stop)
            return grpc::Status::OK;
        if (!update.more)
            break;
    }
    // The first heartbeat marks the end of the replay.
    if (!writer->Write(heartbeat(position)))
        return grpc::Status::OK;
    auto nextHeartbeat = Clock::now() + interval;

    // Live. A slow subscriber only delays itself: it reads the journal at its own pace, getting each
    // changed alarm's latest state (changes coalesced), and is ended with a resync once it falls
    // further behind than the journal keeps.
    while (!context->IsCancelled()) {
        auto update = m_journal.waitForChanges(position, std::min(nextHeartbeat, Clock::now() + kCancellationPoll),
                                               kBatch);
        const Next next = deliver(update);
        if (next == Next::ShuttingDown)
            return {grpc::StatusCode::UNAVAILABLE, "server shutting down"};
        if (next == Next::Stop)
            return grpc::Status::OK;
        if (Clock::now() >= nextHeartbeat) {
            if (!writer->Write(heartbeat(position)))
                return grpc::Status::OK;
            nextHeartbeat = Clock::now() + interval;
        }
    }
    Log::debug("alarm subscription from " + who + " cancelled");
    return {grpc::StatusCode::CANCELLED, "subscription cancelled"};
}

grpc::Status AlarmServiceImpl::GetAlarm(grpc::ServerContext* context, const vigie::v1::GetAlarmRequest* request,
                                        vigie::v1::GetAlarmResponse* response)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;
    auto alarm = m_journal.alarm(request->alarm_id());
    if (!alarm || !CameraRightsPolicy::canSee(caller.session, alarm->camera_id()))
        return {grpc::StatusCode::NOT_FOUND, "no alarm '" + request->alarm_id() + "'"};
    *response->mutable_alarm() = std::move(*alarm);
    return grpc::Status::OK;
}

std::vector<const UserAccount*> AlarmServiceImpl::assigneesOf(const std::string& cameraId) const
{
    std::vector<const UserAccount*> result;
    for (const auto& account : m_users.accounts()) {
        if (account.disabled)
            continue;
        vigie::v1::Session session;  // the rights a session of this user would carry
        for (const auto& rights : CameraRightsPolicy::effectiveRights(account))
            *session.add_rights() = rights;
        if (CameraRightsPolicy::has(session, cameraId, vigie::v1::RIGHT_MANAGE_ALARMS))
            result.push_back(&account);
    }
    return result;
}

grpc::Status AlarmServiceImpl::change(const grpc::ServerContext& context, AlarmJournal::Change change,
                                      vigie::v1::Alarm* result)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(context, &caller); !status.ok())
        return status;
    const auto alarm = m_journal.alarm(change.alarmId);
    if (!alarm || !CameraRightsPolicy::canSee(caller.session, alarm->camera_id()))
        return {grpc::StatusCode::NOT_FOUND, "no alarm '" + change.alarmId + "'"};
    if (!CameraRightsPolicy::has(caller.session, alarm->camera_id(), vigie::v1::RIGHT_MANAGE_ALARMS))
        return {grpc::StatusCode::PERMISSION_DENIED, "user '" + caller.session.user().name() +
                                                         "' may not manage alarms of camera '" +
                                                         alarm->camera_id() + "' (RIGHT_MANAGE_ALARMS)"};
    if (change.action == AlarmJournal::Action::Assign && !change.assignee.empty()) {
        const auto assignees = assigneesOf(alarm->camera_id());
        const auto it = std::find_if(assignees.begin(), assignees.end(),
                                     [&](const UserAccount* account) { return account->user.name() == change.assignee; });
        if (it == assignees.end())
            return {grpc::StatusCode::INVALID_ARGUMENT, "'" + change.assignee +
                                                            "' cannot be assigned alarms of camera '" +
                                                            alarm->camera_id() + "' (see ListAssignees)"};
        change.assigneeDisplayName = (*it)->user.display_name();
    }
    const AlarmJournal::Actor actor{caller.session.user().name(), caller.session.user().display_name(),
                                    m_sessions.workstationOf(caller.token)};
    auto outcome = m_journal.apply(change, actor);
    if (!outcome.status.ok())
        return outcome.status;
    if (!outcome.replayed)
        Log::debug("alarm " + change.alarmId + " changed by " + actor.user + " (version " +
                   std::to_string(outcome.alarm.version()) + ", " +
                   vigie::v1::AlarmState_Name(outcome.alarm.state()) + ")");
    *result = std::move(outcome.alarm);
    return grpc::Status::OK;
}

namespace {

// The fields every change request has, whatever the change.
template <class Request>
AlarmJournal::Change changeOf(AlarmJournal::Action action, const Request& request)
{
    AlarmJournal::Change c;
    c.action = action;
    c.alarmId = request.alarm_id();
    c.expectedVersion = request.expected_version();
    c.requestId = request.request_id();
    c.comment = request.comment();
    return c;
}

}  // namespace

grpc::Status AlarmServiceImpl::AcknowledgeAlarm(grpc::ServerContext* context,
                                                const vigie::v1::AcknowledgeAlarmRequest* request,
                                                vigie::v1::AcknowledgeAlarmResponse* response)
{
    AlarmJournal::Change c = changeOf(AlarmJournal::Action::Acknowledge, *request);
    c.verdict = request->verdict();
    return change(*context, std::move(c), response->mutable_alarm());
}

grpc::Status AlarmServiceImpl::TakeAlarm(grpc::ServerContext* context, const vigie::v1::TakeAlarmRequest* request,
                                         vigie::v1::TakeAlarmResponse* response)
{
    AlarmJournal::Change c = changeOf(AlarmJournal::Action::Take, *request);
    c.verdict = request->verdict();
    return change(*context, std::move(c), response->mutable_alarm());
}

grpc::Status AlarmServiceImpl::HoldAlarm(grpc::ServerContext* context, const vigie::v1::HoldAlarmRequest* request,
                                         vigie::v1::HoldAlarmResponse* response)
{
    return change(*context, changeOf(AlarmJournal::Action::Hold, *request), response->mutable_alarm());
}

grpc::Status AlarmServiceImpl::CloseAlarm(grpc::ServerContext* context, const vigie::v1::CloseAlarmRequest* request,
                                          vigie::v1::CloseAlarmResponse* response)
{
    AlarmJournal::Change c = changeOf(AlarmJournal::Action::Close, *request);
    c.verdict = request->verdict();
    return change(*context, std::move(c), response->mutable_alarm());
}

grpc::Status AlarmServiceImpl::CommentAlarm(grpc::ServerContext* context,
                                            const vigie::v1::CommentAlarmRequest* request,
                                            vigie::v1::CommentAlarmResponse* response)
{
    return change(*context, changeOf(AlarmJournal::Action::Comment, *request), response->mutable_alarm());
}

grpc::Status AlarmServiceImpl::AssignAlarm(grpc::ServerContext* context, const vigie::v1::AssignAlarmRequest* request,
                                           vigie::v1::AssignAlarmResponse* response)
{
    AlarmJournal::Change c = changeOf(AlarmJournal::Action::Assign, *request);
    c.assignee = request->assignee();
    return change(*context, std::move(c), response->mutable_alarm());
}

grpc::Status AlarmServiceImpl::ListAssignees(grpc::ServerContext* context,
                                             const vigie::v1::ListAssigneesRequest* request,
                                             vigie::v1::ListAssigneesResponse* response)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;
    if (!m_directory.camera(request->camera_id()) || !CameraRightsPolicy::canSee(caller.session, request->camera_id()))
        return {grpc::StatusCode::NOT_FOUND, "no camera '" + request->camera_id() + "'"};
    for (const UserAccount* account : assigneesOf(request->camera_id())) {
        auto* assignee = response->add_assignees();
        assignee->set_user(account->user.name());
        assignee->set_display_name(account->user.display_name());
        assignee->set_online(m_sessions.hasLiveSession(account->user.name()));
    }
    return grpc::Status::OK;
}

grpc::Status AlarmServiceImpl::SubscribeMetadata(grpc::ServerContext* context,
                                                 const vigie::v1::SubscribeMetadataRequest* request,
                                                 grpc::ServerWriter<vigie::v1::SubscribeMetadataResponse>* writer)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;
    const std::string& cameraId = request->camera_id();
    if (!m_directory.camera(cameraId) || !CameraRightsPolicy::canSee(caller.session, cameraId))
        return {grpc::StatusCode::NOT_FOUND, "no camera '" + cameraId + "'"};
    if (!CameraRightsPolicy::has(caller.session, cameraId, vigie::v1::RIGHT_VIEW_LIVE))
        return {grpc::StatusCode::PERMISSION_DENIED, "user '" + caller.session.user().name() +
                                                         "' may not view camera '" + cameraId +
                                                         "' live (RIGHT_VIEW_LIVE)"};
    const std::shared_ptr<const SceneScript> script =
        m_sceneCameras.ids.count(cameraId) ? m_sceneCameras.script : nullptr;
    Log::debug("metadata subscription to " + cameraId + " from " + caller.session.user().name() + " (" +
               context->peer() + ")" + (script ? "" : ": heartbeats only"));

    // The scene clip's wall-clock schedule (WallClockSchedule.h): tick n shows the script's frame n mod L.
    constexpr std::int64_t kFrameMs = 1000 / SceneScript::kFps;
    // Heartbeats while no frame flows, as the contract says.
    constexpr std::chrono::milliseconds kHeartbeat{10'000};
    using SystemClock = std::chrono::system_clock;
    auto realtimeMs = [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(SystemClock::now().time_since_epoch()).count();
    };
    auto tickTime = [](std::int64_t tick) {
        return SystemClock::time_point(std::chrono::milliseconds(tick * kFrameMs));
    };

    // Thinning: tick n is sent when floor(n * f / 25) changes, which spreads f frames per second evenly
    // and keeps every subscriber of one rate on the same ticks.
    const double wanted = request->max_frames_per_second();
    auto sent = [wanted](std::int64_t tick) {
        if (!(wanted > 0) || wanted >= SceneScript::kFps)
            return true;
        const double rate = wanted / SceneScript::kFps;
        return std::floor(static_cast<double>(tick) * rate) != std::floor(static_cast<double>(tick - 1) * rate);
    };

    auto write = [&](vigie::v1::SubscribeMetadataResponse& response) { return writer->Write(response); };
    auto heartbeat = [&] {
        vigie::v1::SubscribeMetadataResponse response;
        *response.mutable_heartbeat()->mutable_server_time() = google::protobuf::util::TimeUtil::GetCurrentTime();
        return write(response);
    };
    auto frame = [&](std::int64_t tick) {
        vigie::v1::SubscribeMetadataResponse response;
        auto* metadata = response.mutable_frame();
        *metadata->mutable_frame_time() = google::protobuf::util::TimeUtil::MillisecondsToTimestamp(tick * kFrameMs);
        const int loop = script->loopFrames();
        const int index = static_cast<int>(((tick % loop) + loop) % loop);
        for (const SceneObject& object : script->objectsAt(index))
            *metadata->add_objects() = SceneAnalytics::detected(object);
        return write(response);
    };

    // A stream with no frame says at once that it is up, as SubscribeAlarms' first heartbeat does.
    auto lastWrite = SystemClock::now();
    if (!script && !heartbeat())
        return grpc::Status::OK;
    std::int64_t tick = realtimeMs() / kFrameMs;  // the tick on air now: its frame goes out at once

    std::unique_lock lock(m_closeMutex);
    for (;;) {
        if (m_closed)
            return {grpc::StatusCode::UNAVAILABLE, "server shutting down"};
        if (context->IsCancelled()) {
            Log::debug("metadata subscription to " + cameraId + " cancelled");
            return {grpc::StatusCode::CANCELLED, "subscription cancelled"};
        }
        lock.unlock();
        const auto camera = m_directory.camera(cameraId);
        // An offline camera sends no picture, hence no objects: only heartbeats until it is back.
        const bool streaming = script && camera && camera->state() == vigie::v1::CAMERA_STATE_ONLINE;
        auto now = SystemClock::now();
        if (streaming) {
            // A writer that fell behind (slow client, camera back online) skips to the tick on air.
            tick = std::max(tick, realtimeMs() / kFrameMs);
            while (tickTime(tick) <= now) {
                if (sent(tick)) {
                    if (!frame(tick))
                        return grpc::Status::OK;
                    lastWrite = SystemClock::now();
                }
                ++tick;
            }
        }
        if (now - lastWrite >= kHeartbeat) {
            if (!heartbeat())
                return grpc::Status::OK;
            lastWrite = now;
        }
        // Sleeps until the next tick (or heartbeat), and at most kCancellationPoll: the sync API has no
        // cancellation callback, so a cancelled subscription is noticed on waking.
        auto wake = std::min(lastWrite + kHeartbeat, now + kCancellationPoll);
        if (streaming)
            wake = std::min(wake, tickTime(tick));
        lock.lock();
        m_closeWake.wait_until(lock, wake, [this] { return m_closed; });
    }
}

} // namespace vigie::sim
