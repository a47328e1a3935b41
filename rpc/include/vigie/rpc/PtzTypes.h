#pragma once
// Plain values of pan-tilt-zoom control (ptz.proto), in the contract's units:
// - velocity: each axis in [-1, 1], pan > 0 turns right, tilt > 0 up, zoom > 0 towards tele;
// - position: pan and tilt in [-1, 1] over the camera's whole range, zoom in [0, 1] (0 wide, 1 tele);
// - translation: a fraction of each axis' whole range, [-1, 1];
// - speed: [0, 1] of the camera's maximum, 0 letting the camera use its default.

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace vigie::rpc {

struct PtzVelocity {
    double pan = 0;
    double tilt = 0;
    double zoom = 0;
    std::optional<double> focus;  // absent: the camera keeps its automatic focus
    std::optional<double> iris;   // absent: the camera keeps its automatic iris

    // No axis moves: the camera stops.
    bool isZero() const
    {
        return pan == 0 && tilt == 0 && zoom == 0 && focus.value_or(0) == 0 && iris.value_or(0) == 0;
    }
    bool operator==(const PtzVelocity&) const = default;
};

// In requests an absent axis stays where it is; in a status every axis the camera has is set.
struct PtzPosition {
    std::optional<double> pan;
    std::optional<double> tilt;
    std::optional<double> zoom;
    bool operator==(const PtzPosition&) const = default;
};

// A relative move; an absent axis does not move.
struct PtzTranslation {
    std::optional<double> pan;
    std::optional<double> tilt;
    std::optional<double> zoom;
};

struct PtzSpeed {
    double panTilt = 0;  // 0: the camera's default
    double zoom = 0;
};

enum class PtzLockHolderKind { Unknown, User, Tour, AlarmRule, System };

// A camera's control lock. When `locked` is false only cameraId is meaningful.
struct PtzLockInfo {
    QString cameraId;
    bool locked = false;
    PtzLockHolderKind kind = PtzLockHolderKind::Unknown;
    QString holderUser;         // login name (User); the tour's or rule's id otherwise
    QString holderDisplayName;  // for "Camera controlled by ..."
    QString workstation;        // User only
    int priority = 0;           // higher wins
    QDateTime acquiredAt;       // UTC
    QDateTime expiresAt;        // UTC; pushed forward by the holder's commands
    bool heldByMe = false;      // this session holds it
    QString reason;             // optional text from the holder
};

struct PtzPreset {
    QString id;  // the backend's token
    QString name;
    PtzPosition position;  // empty when the camera does not report it
};

struct PtzPresetList {
    QList<PtzPreset> presets;  // ordered by name
    int maxPresets = 0;
    bool hasHome = false;
};

enum class PtzTourState { Unknown, Idle, Running, Paused };

struct PtzTourSpot {
    QString presetId;      // empty: `position`
    PtzPosition position;
    PtzSpeed speed;
    int dwellMs = 0;       // time spent at the spot before moving on
};

struct PtzTour {
    QString id;
    QString name;
    QList<PtzTourSpot> spots;  // visited in order, then again from the first
    PtzTourState state = PtzTourState::Unknown;
    int currentSpot = 0;       // while Running or Paused
    int priority = 0;          // the lock priority the tour runs at
};

enum class PtzMoveState { Unknown, Idle, Moving };

struct PtzStatus {
    QString cameraId;
    PtzPosition position;
    PtzMoveState panTilt = PtzMoveState::Unknown;
    PtzMoveState zoom = PtzMoveState::Unknown;
    QString error;          // the camera's last PTZ error, empty if none
    QDateTime cameraTime;   // UTC, when the camera reported this status
    PtzLockInfo lock;
    QString tourId;         // the running or paused tour, empty if none
    PtzTourState tourState = PtzTourState::Unknown;

    bool moving() const { return panTilt == PtzMoveState::Moving || zoom == PtzMoveState::Moving; }
};

// A problem reported during driving that does not end it.
enum class PtzWarningKind { Other, StopNotConfirmed, CameraError, AxisIgnored, LockExpiring };

}  // namespace vigie::rpc
