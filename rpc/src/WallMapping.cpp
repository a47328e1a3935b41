#include "WallMapping.h"

#include <google/protobuf/util/time_util.h>

namespace vigie::rpc {

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QRect toRect(const vigie::v1::GridRect& rect)
{
    return QRect(rect.column(), rect.row(), rect.column_span(), rect.row_span());
}

StreamChoice toStreamChoice(vigie::v1::StreamChoice choice)
{
    switch (choice) {
    case vigie::v1::STREAM_CHOICE_MAIN:
        return StreamChoice::Main;
    case vigie::v1::STREAM_CHOICE_SUB:
        return StreamChoice::Sub;
    default:
        return StreamChoice::Auto;
    }
}

}  // namespace

const MonitorInfo* WallInfo::monitor(const QString& monitorId) const
{
    for (const auto& monitor : monitors)
        if (monitor.id == monitorId)
            return &monitor;
    return nullptr;
}

const MonitorContent* WallState::monitor(const QString& monitorId) const
{
    for (const auto& monitor : monitors)
        if (monitor.monitorId == monitorId)
            return &monitor;
    return nullptr;
}

WallInfo toWallInfo(const vigie::v1::Wall& wall)
{
    WallInfo info;
    info.id = qs(wall.id());
    info.name = qs(wall.name());
    info.columns = wall.columns();
    info.rows = wall.rows();
    for (const auto& monitor : wall.monitors())
        info.monitors << MonitorInfo{qs(monitor.id()), qs(monitor.name()), toRect(monitor.position()),
                                     QSize(monitor.width_px(), monitor.height_px())};
    return info;
}

LayoutSpec toLayoutSpec(const vigie::v1::Layout& layout)
{
    LayoutSpec spec;
    spec.name = qs(layout.name());
    spec.columns = layout.columns();
    spec.rows = layout.rows();
    for (const auto& cell : layout.cells())
        spec.cells << LayoutCellSpec{toRect(cell.rect()), qs(cell.camera_id()), toStreamChoice(cell.stream())};
    return spec;
}

MonitorContent toMonitorContent(const vigie::v1::MonitorState& monitor)
{
    MonitorContent content;
    content.monitorId = qs(monitor.monitor_id());
    if (monitor.has_layout())
        content.layout = toLayoutSpec(monitor.layout());
    content.online = monitor.online();
    content.updatedBy = qs(monitor.updated_by_display_name().empty() ? monitor.updated_by()
                                                                      : monitor.updated_by_display_name());
    if (monitor.has_updated_at())
        content.updatedAt = QDateTime::fromMSecsSinceEpoch(
            google::protobuf::util::TimeUtil::TimestampToMilliseconds(monitor.updated_at()), Qt::UTC);
    return content;
}

WallState toWallState(const vigie::v1::WallState& state)
{
    WallState wall;
    wall.wallId = qs(state.wall_id());
    wall.version = state.version();
    for (const auto& monitor : state.monitors())
        wall.monitors << toMonitorContent(monitor);
    return wall;
}

vigie::v1::StreamChoice toProtoStreamChoice(StreamChoice choice)
{
    switch (choice) {
    case StreamChoice::Main:
        return vigie::v1::STREAM_CHOICE_MAIN;
    case StreamChoice::Sub:
        return vigie::v1::STREAM_CHOICE_SUB;
    case StreamChoice::Auto:
        break;
    }
    return vigie::v1::STREAM_CHOICE_AUTO;
}

vigie::v1::Layout toProtoLayout(const LayoutSpec& spec)
{
    vigie::v1::Layout layout;
    layout.set_name(spec.name.toStdString());
    layout.set_columns(spec.columns);
    layout.set_rows(spec.rows);
    for (const auto& cell : spec.cells) {
        auto* out = layout.add_cells();
        out->mutable_rect()->set_column(cell.cells.x());
        out->mutable_rect()->set_row(cell.cells.y());
        out->mutable_rect()->set_column_span(cell.cells.width());
        out->mutable_rect()->set_row_span(cell.cells.height());
        out->set_camera_id(cell.cameraId.toStdString());
        out->set_stream(toProtoStreamChoice(cell.stream));
    }
    return layout;
}

}  // namespace vigie::rpc
