#include "DirectoryServiceImpl.h"

#include "CameraRightsPolicy.h"
#include "Log.h"

#include <google/protobuf/util/time_util.h>

#include <algorithm>

namespace vigie::sim {

namespace {

// The sync API gives a handler no cancellation callback, so a waiting watcher looks at
// IsCancelled() this often; it bounds how long a dead stream holds its thread.
constexpr std::chrono::milliseconds kCancellationPoll{250};

vigie::v1::WatchDirectoryResponse heartbeat(std::int64_t revision)
{
    vigie::v1::WatchDirectoryResponse response;
    response.set_revision(revision);
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    *response.mutable_heartbeat()->mutable_server_time() = google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(
        std::chrono::duration_cast<std::chrono::microseconds>(now).count());
    return response;
}

vigie::v1::WatchDirectoryResponse resync(std::int64_t revision)
{
    vigie::v1::WatchDirectoryResponse response;
    response.set_revision(revision);
    response.mutable_resync();
    return response;
}

// Whether a journal event concerns something the caller may see.
bool visible(const vigie::v1::WatchDirectoryResponse& event, const vigie::v1::Session& session)
{
    switch (event.event_case()) {
    case vigie::v1::WatchDirectoryResponse::kCameraUpserted:
        return CameraRightsPolicy::canSee(session, event.camera_upserted().id());
    case vigie::v1::WatchDirectoryResponse::kCameraRemoved:
        return CameraRightsPolicy::canSee(session, event.camera_removed());
    default:
        return true;
    }
}

} // namespace

DirectoryServiceImpl::DirectoryServiceImpl(const CameraDirectory& directory, SessionStore& sessions,
                                           std::chrono::milliseconds heartbeatInterval)
    : m_directory(directory), m_authenticator(sessions), m_heartbeatInterval(heartbeatInterval)
{
}

grpc::Status DirectoryServiceImpl::ListCameras(grpc::ServerContext* context,
                                               const vigie::v1::ListCamerasRequest* /*request*/,
                                               vigie::v1::ListCamerasResponse* response)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;

    auto snapshot = m_directory.snapshot();
    // Sites are not secret and give the tree its shape: all of them are listed.
    for (auto& site : snapshot.sites)
        *response->add_sites() = std::move(site);
    for (auto& camera : snapshot.cameras) {
        if (CameraRightsPolicy::canSee(caller.session, camera.id()))
            *response->add_cameras() = std::move(camera);
    }
    response->set_revision(snapshot.revision);
    return grpc::Status::OK;
}

grpc::Status DirectoryServiceImpl::GetCamera(grpc::ServerContext* context,
                                             const vigie::v1::GetCameraRequest* request,
                                             vigie::v1::GetCameraResponse* response)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;
    if (request->camera_id().empty())
        return {grpc::StatusCode::INVALID_ARGUMENT, "camera_id is empty"};

    auto camera = m_directory.camera(request->camera_id());
    // A camera the caller may not see answers like an unknown one: its existence is not disclosed.
    if (!camera || !CameraRightsPolicy::canSee(caller.session, request->camera_id()))
        return {grpc::StatusCode::NOT_FOUND, "no camera '" + request->camera_id() + "'"};
    *response->mutable_camera() = std::move(*camera);
    return grpc::Status::OK;
}

grpc::Status DirectoryServiceImpl::WatchDirectory(grpc::ServerContext* context,
                                                  const vigie::v1::WatchDirectoryRequest* request,
                                                  grpc::ServerWriter<vigie::v1::WatchDirectoryResponse>* writer)
{
    RequestAuthenticator::Caller caller;
    if (auto status = m_authenticator.authenticate(*context, &caller); !status.ok())
        return status;

    const std::string who = caller.session.user().name() + " (" + context->peer() + ")";
    Log::debug("watch from " + who + " after revision " + std::to_string(request->after_revision()));

    using Clock = std::chrono::steady_clock;
    std::int64_t after = request->after_revision();
    auto nextHeartbeat = Clock::now() + m_heartbeatInterval;
    bool first = true;

    while (!context->IsCancelled()) {
        // The first answer is immediate (replay, RESYNC or a heartbeat), as the contract promises.
        const auto deadline = first ? Clock::now() : std::min(nextHeartbeat, Clock::now() + kCancellationPoll);
        auto changes = m_directory.waitForChanges(after, deadline);
        if (changes.closed)
            return {grpc::StatusCode::UNAVAILABLE, "server shutting down"};

        bool sent = false;
        if (changes.resync) {
            Log::debug("watch from " + who + ": revision " + std::to_string(after) +
                       " not in the journal, RESYNC");
            // The contract ends the stream after RESYNC: the client lists again and watches anew.
            writer->Write(resync(changes.revision));
            return grpc::Status::OK;
        }
        for (const auto& event : changes.events) {
            if (!visible(event, caller.session))
                continue;
            if (!writer->Write(event))
                return grpc::Status::OK;
            sent = true;
        }
        after = changes.revision;

        if ((first && !sent) || Clock::now() >= nextHeartbeat) {
            if (!writer->Write(heartbeat(after)))
                return grpc::Status::OK;
            nextHeartbeat = Clock::now() + m_heartbeatInterval;
        }
        first = false;
    }
    Log::debug("watch from " + who + " cancelled");
    return {grpc::StatusCode::CANCELLED, "watch cancelled"};
}

} // namespace vigie::sim
