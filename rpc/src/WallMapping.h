#pragma once
// Conversion between wall messages (walls.proto, common.proto Layout) and the client's value types.

#include "vigie/rpc/WallTypes.h"
#include "vigie/v1/walls.pb.h"

namespace vigie::rpc {

WallInfo toWallInfo(const vigie::v1::Wall& wall);
WallState toWallState(const vigie::v1::WallState& state);
MonitorContent toMonitorContent(const vigie::v1::MonitorState& monitor);
LayoutSpec toLayoutSpec(const vigie::v1::Layout& layout);
vigie::v1::Layout toProtoLayout(const LayoutSpec& layout);
vigie::v1::StreamChoice toProtoStreamChoice(StreamChoice choice);

}  // namespace vigie::rpc
