#pragma once

#include "SceneScript.h"

#include <vigie/v1/alarms.pb.h>

#include <vector>

namespace vigie::sim {

// One analytics event of the scene's loop.
struct SceneEvent {
    int frame = 0;  // the loop frame at which the rule fires
    // The detector's part of the alarm: type, zone, objects (their boxes at `frame`), type-specific
    // details and a description without the camera's name. The camera, times, rule and priority are
    // added when the event is raised on a camera (AlarmGenerator::skeleton).
    vigie::v1::Alarm detection;
};

// The rules of the scene's analytics, evaluated over the script's frames once: intrusion into the
// building site, crossing the counting line (with its direction), driving the wrong way in the one-way
// lane, loitering at the bus shelter, a bag left unattended, a crowd gathering on the square. Positions
// are the objects' feet (SceneBox::foot), as a real detector tests them. Pure and deterministic.
class SceneAnalytics {
public:
    // Rule thresholds, in frames of the loop.
    static constexpr int kWrongWayFrames = 12;         // movement measured over ~0.5 s
    static constexpr double kWrongWayMinTravel = 0.02;  // against the lane, in picture widths
    static constexpr int kLoiteringFrames = 15 * SceneScript::kFps;
    static constexpr int kUnattendedFrames = 10 * SceneScript::kFps;
    static constexpr double kAttendedRadius = 0.03;  // a person's feet this close to an item attend it
    static constexpr int kCrowdThreshold = 5;       // more persons than this on the square is a crowd

    // Every event of one loop, by frame.
    static std::vector<SceneEvent> evaluate(const SceneScript& script);

    // A scene object as the analytics report it (metadata frames and alarms).
    static vigie::v1::DetectedObject detected(const SceneObject& object);

    static bool inside(const std::vector<ScenePoint>& polygon, ScenePoint point);
    // Which side of the line start -> end a point is on, per LineCrossedDetails: side A is on the left
    // of someone walking from start to end as seen on screen (y down). 0 on the line.
    enum class Side { A, B, OnLine };
    static Side sideOf(ScenePoint start, ScenePoint end, ScenePoint point);
};

} // namespace vigie::sim
