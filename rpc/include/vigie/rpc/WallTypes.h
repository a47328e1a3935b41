#pragma once
// Video walls as the rest of the client sees them (WallService): plain Qt value types, no protobuf.

#include <QDateTime>
#include <QList>
#include <QRect>
#include <QSize>
#include <QString>

#include <optional>

namespace vigie::rpc {

// Which of a camera's streams a tile shows (common.proto StreamChoice; unspecified reads as Auto).
enum class StreamChoice { Auto, Main, Sub };

// One tile of a layout: a rectangle of grid cells, the camera it shows (empty: an empty tile).
struct LayoutCellSpec {
    QRect cells;
    QString cameraId;
    StreamChoice stream = StreamChoice::Auto;

    friend bool operator==(const LayoutCellSpec&, const LayoutCellSpec&) = default;
};

// An arrangement of tiles on a columns x rows grid (common.proto Layout).
struct LayoutSpec {
    QString name;
    int columns = 0;
    int rows = 0;
    QList<LayoutCellSpec> cells;

    friend bool operator==(const LayoutSpec&, const LayoutSpec&) = default;
};

struct MonitorInfo {
    QString id;
    QString name;
    QRect position;   // in the wall's grid of monitor places
    QSize nativeSize;  // pixels; empty when unknown
};

struct WallInfo {
    QString id;
    QString name;
    int columns = 0;
    int rows = 0;
    QList<MonitorInfo> monitors;

    const MonitorInfo* monitor(const QString& monitorId) const;
};

// What one monitor shows now.
struct MonitorContent {
    QString monitorId;
    std::optional<LayoutSpec> layout;  // nullopt: cleared (black)
    bool online = false;
    QString updatedBy;  // display name, or login name when it has none
    QDateTime updatedAt;
};

struct WallState {
    QString wallId;
    qint64 version = 0;
    QList<MonitorContent> monitors;

    const MonitorContent* monitor(const QString& monitorId) const;
};

}  // namespace vigie::rpc
