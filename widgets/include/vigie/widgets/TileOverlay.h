#pragma once
// What a wall tile writes over its picture: camera title, stream status, time of the last frame and,
// on demand, a few lines of stream statistics.

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace vigie::widgets {

struct TileOverlay {
    enum class Severity { Neutral, Ok, Busy, Warning, Error };

    QString title;    // camera name, top-left
    QString status;   // e.g. "Connecting…", "Playing", "Error: connection refused"; empty = no status line
    Severity severity = Severity::Neutral;  // colour of the status text
    // Time of the last frame as the stream reported it. The wall also stamps every frame it presents and
    // shows whichever of the two is later, so the app does not need to update this for every frame.
    QDateTime lastFrameTime;
    // Statistics lines ("25.0 fps in / 25.0 out · 512 kbit/s"), drawn in a translucent box under the title;
    // empty = no box.
    QStringList statistics;

    friend bool operator==(const TileOverlay&, const TileOverlay&) = default;
};

}  // namespace vigie::widgets
