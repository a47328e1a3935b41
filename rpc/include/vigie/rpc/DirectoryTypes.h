#pragma once
// The camera directory as the rest of the client sees it: plain Qt value types, no protobuf.

#include <QList>
#include <QString>
#include <QStringList>

namespace vigie::rpc {

enum class StreamRole { Main, Sub };

struct StreamInfo {
    StreamRole role = StreamRole::Main;
    QString codec;  // "h264", "h265", "mjpeg"
    int width = 0;
    int height = 0;
    double fps = 0;
    QString url;
};

struct SiteInfo {
    QString id;
    QString name;
    QString parentId;
};

struct CameraInfo {
    QString id;
    QString name;
    QString siteId;
    QStringList tags;
    QList<StreamInfo> streams;
    bool online = false;
    QString stateReason;
    bool hasPtz = false;
    bool recording = false;

    // The stream of that role, or the other one when the camera has only one; null when it has none.
    const StreamInfo* stream(StreamRole role) const;
};

}  // namespace vigie::rpc
