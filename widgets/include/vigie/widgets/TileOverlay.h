#pragma once
// What a wall tile writes over its picture: camera title, stream status and time of the last frame.

#include <QDateTime>
#include <QString>

namespace vigie::widgets {

struct TileOverlay {
    enum class Severity { Neutral, Ok, Busy, Warning, Error };

    QString title;    // camera name, top-left
    QString status;   // e.g. "Connecting…", "Playing", "Error: connection refused"; empty = no status line
    Severity severity = Severity::Neutral;  // colour of the status text
    // Time of the last frame as the stream reported it. The wall also stamps every frame it presents and
    // shows whichever of the two is later, so the app does not need to update this for every frame.
    QDateTime lastFrameTime;

    friend bool operator==(const TileOverlay&, const TileOverlay&) = default;
};

}  // namespace vigie::widgets
