#include "vigie/player/StreamState.h"

namespace vigie::player {

QString stateName(StreamState state)
{
    switch (state) {
    case StreamState::Idle: return QStringLiteral("idle");
    case StreamState::Connecting: return QStringLiteral("connecting");
    case StreamState::Playing: return QStringLiteral("playing");
    case StreamState::Stalled: return QStringLiteral("stalled");
    case StreamState::Reconnecting: return QStringLiteral("reconnecting");
    case StreamState::Error: return QStringLiteral("error");
    case StreamState::Stopped: return QStringLiteral("stopped");
    case StreamState::Ended: return QStringLiteral("ended");
    }
    return QStringLiteral("unknown");
}

}  // namespace vigie::player
