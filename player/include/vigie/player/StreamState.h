#pragma once

#include <QMetaType>
#include <QString>

namespace vigie::player {

// Life of one stream as a tile shows it.
enum class StreamState {
    Idle,          // not started
    Connecting,    // opening the URL, waiting for the first key frame
    Playing,       // frames arriving
    Stalled,       // connected but no packet for the stall timeout
    Reconnecting,  // waiting for the next attempt after a failure (backoff)
    Error,         // gave up or cannot play this stream at all (unsupported codec/format); detail says why
    Stopped,       // stopped on request
    // A finite source (local file) reached its end after at least one frame was decoded, and reconnect is
    // off: the tile keeps showing the last frame. A file that ends before any frame could be decoded is
    // an Error with detail "end of stream" instead. Live streams never end: for them (and for files with
    // reconnect on) the end of the stream is a failure -> Reconnecting.
    Ended,
};

QString stateName(StreamState state);

}  // namespace vigie::player

Q_DECLARE_METATYPE(vigie::player::StreamState)
