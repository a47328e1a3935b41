#pragma once

#include <QMetaType>
#include <QString>

namespace vigie::rpc {

enum class ConnectionState {
    Idle,          // not started
    Connecting,    // logging in and loading the directory
    Online,        // logged in, directory loaded and watched
    Unreachable,   // backend down or link lost; retrying by itself
    AuthFailed,    // credentials refused: needs the user (no automatic retry)
    ConfigError,   // cannot even try (unreadable CA file…): needs a fix
};

QString stateName(ConnectionState state);

}  // namespace vigie::rpc

Q_DECLARE_METATYPE(vigie::rpc::ConnectionState)
