#pragma once
// Conversion between PTZ messages (ptz.proto) and the client's value types (PtzTypes.h).
// Pure functions on values: safe on any thread.

#include "vigie/rpc/PtzTypes.h"
#include "vigie/v1/ptz.pb.h"

namespace vigie::rpc {

PtzLockInfo toPtzLockInfo(const vigie::v1::PtzLock& lock);
PtzPosition toPtzPosition(const vigie::v1::PtzPosition& position);
PtzPreset toPtzPreset(const vigie::v1::Preset& preset);
PtzPresetList toPtzPresetList(const vigie::v1::ListPresetsResponse& response);
PtzTour toPtzTour(const vigie::v1::Tour& tour);
PtzStatus toPtzStatus(const vigie::v1::PtzStatus& status);
PtzWarningKind toPtzWarningKind(vigie::v1::ControlWarningKind kind);

vigie::v1::PtzVelocity toProtoVelocity(const PtzVelocity& velocity);
vigie::v1::PtzPosition toProtoPosition(const PtzPosition& position);
vigie::v1::PtzTranslation toProtoTranslation(const PtzTranslation& translation);
vigie::v1::PtzSpeed toProtoSpeed(const PtzSpeed& speed);

}  // namespace vigie::rpc
