#pragma once
// What a wall tile writes over its picture: camera title, stream status, time of the last frame,
// recording and alarm indicators and, on demand, a few lines of stream statistics. Which of these the
// wall shows is chosen for the whole wall with OverlayItems (WallWidget::setOverlayItems).

#include <QDateTime>
#include <QFlags>
#include <QList>
#include <QRectF>
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
    bool recording = false;  // the camera records: a red dot and "REC" in the title band
    // The tile plays a recording: a "PLAYBACK" flag in the title band instead of the live clock (the
    // time of the recorded picture is the review's, shown by its transport bar).
    bool playback = false;
    bool alarm = false;      // an alarm is raised on this camera: a red frame and an "ALARM" flag
    // Who controls the camera's PTZ and for how long ("PTZ · Superviseur · 42 s"): a flag in the title
    // band; empty = none.
    QString control;
    // Objects the analytics report on this camera: boxes in normalised picture coordinates (0..1, y down),
    // drawn where they are in the picture whatever the tile's size, aspect mode and zoom.
    struct Box {
        QRectF rect;
        QString label;  // e.g. "Personne", "Véhicule"; empty = no label
        bool alarm = false;  // the object is part of an active alarm: drawn in the alarm red
        friend bool operator==(const Box&, const Box&) = default;
    };
    QList<Box> boxes;

    friend bool operator==(const TileOverlay&, const TileOverlay&) = default;
};

// The parts of the overlay the wall shows, for every tile. Statistics, hints ("Drop a camera here"),
// selection and zoom badge do not depend on them.
enum class OverlayItem {
    CameraName = 0x1,   // TileOverlay::title
    Clock = 0x2,        // the local time, updated every second
    StreamState = 0x4,  // TileOverlay::status and the time of the last frame
    Recording = 0x8,    // TileOverlay::recording
    Alarm = 0x10,       // TileOverlay::alarm
    Boxes = 0x20,       // TileOverlay::boxes
};
Q_DECLARE_FLAGS(OverlayItems, OverlayItem)

// Everything but the clock: a wall of clocks all showing the same time is noise unless asked for.
inline constexpr OverlayItems kDefaultOverlayItems{OverlayItem::CameraName, OverlayItem::StreamState,
                                                   OverlayItem::Recording, OverlayItem::Alarm, OverlayItem::Boxes};

}  // namespace vigie::widgets

Q_DECLARE_OPERATORS_FOR_FLAGS(vigie::widgets::OverlayItems)
