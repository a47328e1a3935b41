#include "SceneScript.h"

#include <algorithm>

namespace vigie::sim {

namespace {

using vigie::v1::OBJECT_CLASS_ITEM;
using vigie::v1::OBJECT_CLASS_PERSON;
using vigie::v1::OBJECT_CLASS_VEHICLE;

// Typical sizes as fractions of the picture: people on the far pavement, a little larger on the near one.
constexpr double kPersonWidth = 0.035;
constexpr double kPersonHeight = 0.14;
constexpr double kNearPersonWidth = 0.04;
constexpr double kNearPersonHeight = 0.16;
constexpr double kCarWidth = 0.16;
constexpr double kCarHeight = 0.12;
constexpr double kVanWidth = 0.20;
constexpr double kVanHeight = 0.16;
constexpr double kBagWidth = 0.022;
constexpr double kBagHeight = 0.035;

std::vector<ScenePoint> rectangle(double left, double top, double right, double bottom)
{
    return {{left, top}, {right, top}, {right, bottom}, {left, bottom}};
}

} // namespace

SceneScript::SceneScript()
{
    m_layout.forbiddenZone = rectangle(0.72, 0.31, 0.93, 0.41);
    m_layout.loiteringZone = rectangle(0.10, 0.38, 0.36, 0.50);
    m_layout.oneWayLane = rectangle(0.0, m_layout.laneDivider, 1.0, m_layout.roadBottom);
    m_layout.oneWayDirection = {1.0, 0.0};
    m_layout.crowdZone = rectangle(0.30, 0.86, 0.70, 0.95);
    m_layout.lineStart = {0.40, m_layout.pavementTop};
    m_layout.lineEnd = {0.40, m_layout.roadTop};

    // Vehicles: the upper lane runs right to left, the lower one (one-way) left to right.
    addActor("v1", OBJECT_CLASS_VEHICLE, kCarWidth, kCarHeight, {{0.4, {0.09, 0.83}}, {6.4, {0.91, 0.83}}});
    addActor("v2", OBJECT_CLASS_VEHICLE, kVanWidth, kVanHeight, {{3.0, {0.89, 0.66}}, {10.0, {0.11, 0.66}}});
    // Against the one-way lane's direction.
    addActor("v3", OBJECT_CLASS_VEHICLE, kCarWidth, kCarHeight, {{12.0, {0.91, 0.82}}, {18.0, {0.09, 0.82}}});
    addActor("v4", OBJECT_CLASS_VEHICLE, kCarWidth, kCarHeight, {{14.0, {0.91, 0.655}}, {19.5, {0.09, 0.655}}});
    addActor("v5", OBJECT_CLASS_VEHICLE, kCarWidth, kCarHeight, {{20.0, {0.09, 0.83}}, {26.0, {0.91, 0.83}}});

    // Passers-by crossing the counting line, one each way.
    addActor("p1", OBJECT_CLASS_PERSON, kPersonWidth, kPersonHeight, {{0.5, {0.95, 0.47}}, {9.0, {0.05, 0.47}}});
    addActor("p2", OBJECT_CLASS_PERSON, kPersonWidth, kPersonHeight, {{3.0, {0.04, 0.45}}, {13.0, {0.96, 0.45}}});
    // Walks into the building site and out again.
    addActor("p3", OBJECT_CLASS_PERSON, kPersonWidth, kPersonHeight,
             {{10.0, {0.96, 0.47}}, {13.0, {0.86, 0.37}}, {14.5, {0.80, 0.35}}, {16.0, {0.87, 0.38}},
              {19.0, {0.96, 0.47}}});
    // Lingers at the bus shelter for most of the loop.
    addActor("p4", OBJECT_CLASS_PERSON, kPersonWidth, kPersonHeight,
             {{1.0, {0.03, 0.44}}, {3.0, {0.20, 0.44}}, {8.0, {0.24, 0.46}}, {13.0, {0.18, 0.43}},
              {19.0, {0.26, 0.45}}, {22.0, {0.22, 0.44}}, {24.0, {0.03, 0.44}}});
    // Puts a bag down against the wall and walks away without it.
    addActor("p5", OBJECT_CLASS_PERSON, kPersonWidth, kPersonHeight,
             {{5.0, {0.96, 0.46}}, {8.0, {0.62, 0.42}}, {8.5, {0.62, 0.42}}, {11.5, {0.96, 0.46}}});
    addActor("i1", OBJECT_CLASS_ITEM, kBagWidth, kBagHeight, {{8.0, {0.60, 0.415}}, {27.0, {0.60, 0.415}}});

    // A small crowd gathers on the near pavement's square, then disperses before the loop ends.
    addActor("p7", OBJECT_CLASS_PERSON, kNearPersonWidth, kNearPersonHeight,
             {{18.0, {0.03, 0.90}}, {21.5, {0.36, 0.89}}, {27.0, {0.36, 0.89}}, {29.8, {0.03, 0.90}}});
    addActor("p8", OBJECT_CLASS_PERSON, kNearPersonWidth, kNearPersonHeight,
             {{18.5, {0.97, 0.91}}, {22.0, {0.64, 0.90}}, {27.2, {0.64, 0.90}}, {29.8, {0.97, 0.91}}});
    addActor("p9", OBJECT_CLASS_PERSON, kNearPersonWidth, kNearPersonHeight,
             {{19.0, {0.03, 0.92}}, {23.0, {0.44, 0.91}}, {27.4, {0.44, 0.91}}, {29.9, {0.03, 0.92}}});
    addActor("p10", OBJECT_CLASS_PERSON, kNearPersonWidth, kNearPersonHeight,
             {{19.5, {0.97, 0.93}}, {23.5, {0.55, 0.92}}, {27.6, {0.55, 0.92}}, {29.9, {0.97, 0.93}}});
    addActor("p11", OBJECT_CLASS_PERSON, kNearPersonWidth, kNearPersonHeight,
             {{20.0, {0.03, 0.89}}, {24.0, {0.49, 0.88}}, {27.8, {0.49, 0.88}}, {29.95, {0.03, 0.89}}});
    addActor("p12", OBJECT_CLASS_PERSON, kNearPersonWidth, kNearPersonHeight,
             {{20.5, {0.97, 0.89}}, {24.5, {0.58, 0.88}}, {28.0, {0.58, 0.88}}, {29.95, {0.97, 0.89}}});
}

void SceneScript::addActor(std::string trackId, vigie::v1::ObjectClass objectClass, double width, double height,
                           std::vector<Keyframe> path)
{
    m_actors.push_back({std::move(trackId), objectClass, width, height, std::move(path)});
}

std::vector<SceneObject> SceneScript::objectsAt(int frameIndex) const
{
    const int frame = ((frameIndex % kLoopFrames) + kLoopFrames) % kLoopFrames;
    const double seconds = static_cast<double>(frame) / kFps;
    std::vector<SceneObject> objects;
    for (const Actor& actor : m_actors) {
        if (seconds < actor.path.front().seconds || seconds > actor.path.back().seconds)
            continue;
        ScenePoint foot = actor.path.back().foot;
        for (std::size_t i = 1; i < actor.path.size(); ++i) {
            const Keyframe& from = actor.path[i - 1];
            const Keyframe& to = actor.path[i];
            if (seconds <= to.seconds) {
                const double progress = (seconds - from.seconds) / (to.seconds - from.seconds);
                foot = {from.foot.x + (to.foot.x - from.foot.x) * progress,
                        from.foot.y + (to.foot.y - from.foot.y) * progress};
                break;
            }
        }
        SceneBox box{foot.x - actor.width / 2, foot.y - actor.height, actor.width, actor.height};
        // The paths keep every box inside the picture; the clamp only absorbs rounding at the edges.
        box.x = std::clamp(box.x, 0.0, 1.0 - box.width);
        box.y = std::clamp(box.y, 0.0, 1.0 - box.height);
        objects.push_back({actor.trackId, actor.objectClass, box});
    }
    std::stable_sort(objects.begin(), objects.end(), [](const SceneObject& a, const SceneObject& b) {
        return a.box.y + a.box.height < b.box.y + b.box.height;
    });
    return objects;
}

} // namespace vigie::sim
