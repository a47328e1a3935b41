#pragma once
// A tile's picture saved as PNG at the stream's own resolution (not the tile's size on screen), named
// after the camera and the time, as an investigator files it.

#include <QDateTime>
#include <QString>

namespace vigie::player {
class VideoFrame;
}

namespace vigie::app {

class SnapshotWriter {
public:
    // Where snapshots go: VIGIE_SNAPSHOT_DIR, else <Pictures>/Vigie.
    static QString directory();
    // "<camera>_<yyyy-MM-dd_HH-mm-ss-zzz>.png", the camera id made safe for any file system.
    static QString fileName(const QString& cameraId, const QDateTime& local);
    // Converts the decoded picture to RGB at its native size and writes it; false with a reason.
    static bool save(const vigie::player::VideoFrame& frame, const QString& path, QString* error);
};

}  // namespace vigie::app
