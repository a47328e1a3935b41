#pragma once
// One gRPC channel to the backend and the stubs of the services the client uses.
//
// Channels are shared per (address, TLS, CA) and live until the process ends. gRPC 1.51 runs callbacks
// on threads of a completion queue that the last channel's destructor shuts down; destroying a channel
// right after a call's callback ran (as a client torn down after its calls end does) races that
// thread's own clean-up of the call and aborts inside gRPC. A channel per backend for the process's life
// is what gRPC recommends anyway (it reconnects by itself), and it costs one idle connection at most.

#include <memory>

#include <QString>

#include "vigie/rpc/BackendOptions.h"
#include "vigie/v1/alarms.grpc.pb.h"
#include "vigie/v1/auth.grpc.pb.h"
#include "vigie/v1/bookmarks.grpc.pb.h"
#include "vigie/v1/directory.grpc.pb.h"
#include "vigie/v1/ptz.grpc.pb.h"
#include "vigie/v1/recordings.grpc.pb.h"
#include "vigie/v1/system.grpc.pb.h"
#include "vigie/v1/walls.grpc.pb.h"

namespace vigie::rpc {

class ChannelHolder {
public:
    // Fails (returns null and fills *error) only when the options themselves are unusable,
    // e.g. an unreadable CA file. Connection problems surface later, per call.
    static std::shared_ptr<ChannelHolder> obtain(const BackendOptions& options, QString* error);

    vigie::v1::AuthService::Stub& auth() { return *m_auth; }
    vigie::v1::DirectoryService::Stub& directory() { return *m_directory; }
    vigie::v1::SystemService::Stub& system() { return *m_system; }
    vigie::v1::WallService::Stub& walls() { return *m_walls; }
    vigie::v1::AlarmService::Stub& alarms() { return *m_alarms; }
    vigie::v1::PtzService::Stub& ptz() { return *m_ptz; }
    vigie::v1::RecordingService::Stub& recordings() { return *m_recordings; }
    vigie::v1::BookmarkService::Stub& bookmarks() { return *m_bookmarks; }

private:
    std::shared_ptr<grpc::Channel> m_channel;
    std::unique_ptr<vigie::v1::AuthService::Stub> m_auth;
    std::unique_ptr<vigie::v1::DirectoryService::Stub> m_directory;
    std::unique_ptr<vigie::v1::SystemService::Stub> m_system;
    std::unique_ptr<vigie::v1::WallService::Stub> m_walls;
    std::unique_ptr<vigie::v1::AlarmService::Stub> m_alarms;
    std::unique_ptr<vigie::v1::PtzService::Stub> m_ptz;
    std::unique_ptr<vigie::v1::RecordingService::Stub> m_recordings;
    std::unique_ptr<vigie::v1::BookmarkService::Stub> m_bookmarks;
};

}  // namespace vigie::rpc
