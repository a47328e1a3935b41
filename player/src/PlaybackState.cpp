#include "vigie/player/PlaybackState.h"

namespace vigie::player {

QString playbackStateName(PlaybackState state)
{
    switch (state) {
    case PlaybackState::Idle: return QStringLiteral("Idle");
    case PlaybackState::Loading: return QStringLiteral("Loading");
    case PlaybackState::Playing: return QStringLiteral("Playing");
    case PlaybackState::Paused: return QStringLiteral("Paused");
    case PlaybackState::NoRecording: return QStringLiteral("NoRecording");
    case PlaybackState::LiveEdge: return QStringLiteral("LiveEdge");
    case PlaybackState::OutOfRetention: return QStringLiteral("OutOfRetention");
    case PlaybackState::Error: return QStringLiteral("Error");
    }
    return QStringLiteral("?");
}

}  // namespace vigie::player
