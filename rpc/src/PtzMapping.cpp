#include "PtzMapping.h"

#include <google/protobuf/util/time_util.h>

namespace vigie::rpc {

namespace {

QDateTime toDateTime(const google::protobuf::Timestamp& timestamp)
{
    if (timestamp.seconds() == 0 && timestamp.nanos() == 0)
        return {};  // unset
    return QDateTime::fromMSecsSinceEpoch(google::protobuf::util::TimeUtil::TimestampToMilliseconds(timestamp),
                                          Qt::UTC);
}

PtzLockHolderKind toHolderKind(vigie::v1::LockHolderKind kind)
{
    switch (kind) {
    case vigie::v1::LOCK_HOLDER_KIND_USER:
        return PtzLockHolderKind::User;
    case vigie::v1::LOCK_HOLDER_KIND_TOUR:
        return PtzLockHolderKind::Tour;
    case vigie::v1::LOCK_HOLDER_KIND_ALARM_RULE:
        return PtzLockHolderKind::AlarmRule;
    case vigie::v1::LOCK_HOLDER_KIND_SYSTEM:
        return PtzLockHolderKind::System;
    default:
        return PtzLockHolderKind::Unknown;
    }
}

PtzTourState toTourState(vigie::v1::TourState state)
{
    switch (state) {
    case vigie::v1::TOUR_STATE_IDLE:
        return PtzTourState::Idle;
    case vigie::v1::TOUR_STATE_RUNNING:
        return PtzTourState::Running;
    case vigie::v1::TOUR_STATE_PAUSED:
        return PtzTourState::Paused;
    default:
        return PtzTourState::Unknown;
    }
}

PtzMoveState toMoveState(vigie::v1::PtzMoveStatus status)
{
    switch (status) {
    case vigie::v1::PTZ_MOVE_STATUS_IDLE:
        return PtzMoveState::Idle;
    case vigie::v1::PTZ_MOVE_STATUS_MOVING:
        return PtzMoveState::Moving;
    default:
        return PtzMoveState::Unknown;
    }
}

PtzSpeed toPtzSpeed(const vigie::v1::PtzSpeed& speed)
{
    return {speed.pan_tilt(), speed.zoom()};
}

}  // namespace

PtzLockInfo toPtzLockInfo(const vigie::v1::PtzLock& lock)
{
    PtzLockInfo info;
    info.cameraId = QString::fromStdString(lock.camera_id());
    info.locked = lock.locked();
    if (!info.locked)
        return info;
    info.kind = toHolderKind(lock.holder_kind());
    info.holderUser = QString::fromStdString(lock.holder_user());
    info.holderDisplayName = QString::fromStdString(lock.holder_display_name());
    info.workstation = QString::fromStdString(lock.holder_workstation());
    info.priority = lock.priority();
    info.acquiredAt = toDateTime(lock.acquired_at());
    info.expiresAt = toDateTime(lock.expires_at());
    info.heldByMe = lock.held_by_caller();
    info.reason = QString::fromStdString(lock.reason());
    return info;
}

PtzPosition toPtzPosition(const vigie::v1::PtzPosition& position)
{
    PtzPosition out;
    if (position.has_pan())
        out.pan = position.pan();
    if (position.has_tilt())
        out.tilt = position.tilt();
    if (position.has_zoom())
        out.zoom = position.zoom();
    return out;
}

PtzPreset toPtzPreset(const vigie::v1::Preset& preset)
{
    return {QString::fromStdString(preset.id()), QString::fromStdString(preset.name()),
            toPtzPosition(preset.position())};
}

PtzPresetList toPtzPresetList(const vigie::v1::ListPresetsResponse& response)
{
    PtzPresetList list;
    for (const auto& preset : response.presets())
        list.presets << toPtzPreset(preset);
    list.maxPresets = response.max_presets();
    list.hasHome = response.has_home();
    return list;
}

PtzTour toPtzTour(const vigie::v1::Tour& tour)
{
    PtzTour out;
    out.id = QString::fromStdString(tour.id());
    out.name = QString::fromStdString(tour.name());
    for (const auto& spot : tour.spots()) {
        PtzTourSpot step;
        step.presetId = QString::fromStdString(spot.preset_id());
        if (spot.has_position())
            step.position = toPtzPosition(spot.position());
        step.speed = toPtzSpeed(spot.speed());
        step.dwellMs = int(google::protobuf::util::TimeUtil::DurationToMilliseconds(spot.dwell()));
        out.spots << step;
    }
    out.state = toTourState(tour.state());
    out.currentSpot = tour.current_spot();
    out.priority = tour.priority();
    return out;
}

PtzStatus toPtzStatus(const vigie::v1::PtzStatus& status)
{
    PtzStatus out;
    out.cameraId = QString::fromStdString(status.camera_id());
    out.position = toPtzPosition(status.position());
    out.panTilt = toMoveState(status.pan_tilt());
    out.zoom = toMoveState(status.zoom());
    out.error = QString::fromStdString(status.error());
    out.cameraTime = toDateTime(status.camera_time());
    out.lock = toPtzLockInfo(status.lock());
    out.tourId = QString::fromStdString(status.tour_id());
    out.tourState = toTourState(status.tour_state());
    return out;
}

PtzWarningKind toPtzWarningKind(vigie::v1::ControlWarningKind kind)
{
    switch (kind) {
    case vigie::v1::CONTROL_WARNING_KIND_STOP_NOT_CONFIRMED:
        return PtzWarningKind::StopNotConfirmed;
    case vigie::v1::CONTROL_WARNING_KIND_CAMERA_ERROR:
        return PtzWarningKind::CameraError;
    case vigie::v1::CONTROL_WARNING_KIND_AXIS_IGNORED:
        return PtzWarningKind::AxisIgnored;
    case vigie::v1::CONTROL_WARNING_KIND_LOCK_EXPIRING:
        return PtzWarningKind::LockExpiring;
    default:
        return PtzWarningKind::Other;
    }
}

vigie::v1::PtzVelocity toProtoVelocity(const PtzVelocity& velocity)
{
    vigie::v1::PtzVelocity out;
    out.set_pan(float(velocity.pan));
    out.set_tilt(float(velocity.tilt));
    out.set_zoom(float(velocity.zoom));
    if (velocity.focus)
        out.set_focus(float(*velocity.focus));
    if (velocity.iris)
        out.set_iris(float(*velocity.iris));
    return out;
}

vigie::v1::PtzPosition toProtoPosition(const PtzPosition& position)
{
    vigie::v1::PtzPosition out;
    if (position.pan)
        out.set_pan(float(*position.pan));
    if (position.tilt)
        out.set_tilt(float(*position.tilt));
    if (position.zoom)
        out.set_zoom(float(*position.zoom));
    return out;
}

vigie::v1::PtzTranslation toProtoTranslation(const PtzTranslation& translation)
{
    vigie::v1::PtzTranslation out;
    if (translation.pan)
        out.set_pan(float(*translation.pan));
    if (translation.tilt)
        out.set_tilt(float(*translation.tilt));
    if (translation.zoom)
        out.set_zoom(float(*translation.zoom));
    return out;
}

vigie::v1::PtzSpeed toProtoSpeed(const PtzSpeed& speed)
{
    vigie::v1::PtzSpeed out;
    out.set_pan_tilt(float(speed.panTilt));
    out.set_zoom(float(speed.zoom));
    return out;
}

}  // namespace vigie::rpc
