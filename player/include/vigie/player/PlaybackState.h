#pragma once

#include <QMetaType>
#include <QString>

namespace vigie::player {

// Life of one recorded playback as a tile shows it. The detail string that comes with each state says more.
enum class PlaybackState {
    Idle,            // not started
    Loading,         // looking up and reading the segment for the clock's position
    Playing,         // presenting frames as the clock moves
    Paused,          // the clock is paused and the frame at its position is shown
    NoRecording,     // the position is in a gap: detail gives the next recorded instant (ISO 8601 UTC), if any
    LiveEdge,        // the clock is ahead of what is recorded so far: the newest frame is shown (detail: its UTC)
    OutOfRetention,  // the position is before the retention window: destroyed, never coming back
    Error,           // detail says why; a new seek (or a rate / play change) tries again
};

QString playbackStateName(PlaybackState state);

}  // namespace vigie::player

Q_DECLARE_METATYPE(vigie::player::PlaybackState)
