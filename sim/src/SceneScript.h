#pragma once

#include <vigie/v1/alarms.pb.h>

#include <string>
#include <utility>
#include <vector>

namespace vigie::sim {

// A point or a box in normalised picture coordinates: x and y in [0, 1], top-left origin, y down.
struct ScenePoint {
    double x = 0;
    double y = 0;
};

struct SceneBox {
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;

    // Where the object stands: the middle of the box's bottom edge. Zones and lines are tested on it,
    // as a real detector does, so that a tall person is "in" the zone its feet are in.
    ScenePoint foot() const { return {x + width / 2, y + height}; }
};

// One object visible in one frame of the scene.
struct SceneObject {
    std::string trackId;  // "p1", "v2", "i1": stable for the object's whole life in the loop
    vigie::v1::ObjectClass objectClass = vigie::v1::OBJECT_CLASS_UNSPECIFIED;
    SceneBox box;
};

// The street the scene takes place in, and the analytics rules drawn over it: what the renderer paints
// and what SceneAnalytics evaluates, from one definition.
struct SceneLayout {
    // Horizontal bands of the picture, top to bottom.
    double pavementTop = 0.30;     // building facades above
    double roadTop = 0.50;         // upper pavement above
    double laneDivider = 0.675;    // upper lane (either way) above, lower lane (one-way) below
    double roadBottom = 0.85;      // lower pavement below

    std::vector<ScenePoint> forbiddenZone;   // a building site on the upper pavement (intrusion)
    std::vector<ScenePoint> loiteringZone;   // a bus shelter on the upper pavement (loitering)
    std::vector<ScenePoint> oneWayLane;      // the lower lane (wrong way)
    ScenePoint oneWayDirection;              // allowed direction in the one-way lane
    std::vector<ScenePoint> crowdZone;       // the lower pavement's square (crowd density)
    ScenePoint lineStart;                    // a counting line across the upper pavement (line crossed)
    ScenePoint lineEnd;
};

// A deterministic street scene of one loop: persons and vehicles moving along piecewise-linear paths,
// a person who loiters, a bag left behind, a vehicle going the wrong way, a small crowd gathering. Pure
// (no clock, no GStreamer): the simulator encodes its pictures once, and because the clip is relayed on
// the wall-clock schedule, the objects on air at any instant are objectsAt(tick mod loopFrames()).
class SceneScript {
public:
    static constexpr int kFps = 25;
    static constexpr int kLoopSeconds = 30;
    static constexpr int kLoopFrames = kFps * kLoopSeconds;  // 750
    // Changes whenever the script or the drawing changes: part of the cached clip's key.
    static constexpr int kVersion = 1;

    SceneScript();

    int loopFrames() const { return kLoopFrames; }
    const SceneLayout& layout() const { return m_layout; }

    // The objects visible in frame `frameIndex` (taken modulo the loop), back to front (by foot), every
    // box inside the picture. Empty when nothing is visible.
    std::vector<SceneObject> objectsAt(int frameIndex) const;

private:
    // One object's life: keyframes (seconds into the loop, foot position), linear in between; visible
    // from the first keyframe's time to the last's.
    struct Keyframe {
        double seconds;
        ScenePoint foot;
    };
    struct Actor {
        std::string trackId;
        vigie::v1::ObjectClass objectClass;
        double width;
        double height;
        std::vector<Keyframe> path;
    };

    void addActor(std::string trackId, vigie::v1::ObjectClass objectClass, double width, double height,
                  std::vector<Keyframe> path);

    SceneLayout m_layout;
    std::vector<Actor> m_actors;
};

} // namespace vigie::sim
