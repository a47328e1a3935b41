#include "vigie/rpc/ConnectionState.h"

#include <QCoreApplication>

namespace vigie::rpc {

QString stateName(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Idle: return QCoreApplication::translate("vigie::rpc", "Not connected");
    case ConnectionState::Connecting: return QCoreApplication::translate("vigie::rpc", "Connecting");
    case ConnectionState::Online: return QCoreApplication::translate("vigie::rpc", "Online");
    case ConnectionState::Unreachable: return QCoreApplication::translate("vigie::rpc", "Backend unreachable");
    case ConnectionState::AuthFailed: return QCoreApplication::translate("vigie::rpc", "Login refused");
    case ConnectionState::ConfigError: return QCoreApplication::translate("vigie::rpc", "Configuration error");
    }
    return {};
}

}  // namespace vigie::rpc
