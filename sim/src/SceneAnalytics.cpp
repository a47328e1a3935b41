#include "SceneAnalytics.h"

#include <google/protobuf/util/time_util.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>

namespace vigie::sim {

namespace {

using namespace vigie::v1;
using google::protobuf::util::TimeUtil;

void setZone(Alarm* alarm, const std::vector<ScenePoint>& polygon)
{
    for (const ScenePoint& corner : polygon) {
        auto* point = alarm->mutable_zone()->add_points();
        point->set_x(static_cast<float>(corner.x));
        point->set_y(static_cast<float>(corner.y));
    }
}

NormalizedPoint normalisedPoint(ScenePoint point)
{
    NormalizedPoint result;
    result.set_x(static_cast<float>(point.x));
    result.set_y(static_cast<float>(point.y));
    return result;
}

double cross(ScenePoint origin, ScenePoint a, ScenePoint b)
{
    return (a.x - origin.x) * (b.y - origin.y) - (a.y - origin.y) * (b.x - origin.x);
}

// Whether the feet's move from -> to goes through the segment start-end (touching counts once: the
// move that leaves the line does not).
bool crosses(ScenePoint start, ScenePoint end, ScenePoint from, ScenePoint to)
{
    const double fromSide = cross(start, end, from);
    const double toSide = cross(start, end, to);
    if ((fromSide < 0) == (toSide < 0) || fromSide == 0)
        return false;
    const double startSide = cross(from, to, start);
    const double endSide = cross(from, to, end);
    return (startSide <= 0 && endSide >= 0) || (startSide >= 0 && endSide <= 0);
}

std::string seconds(int frames) { return std::to_string(frames / SceneScript::kFps) + " s"; }

// What the rules remember of one track between frames.
struct TrackState {
    bool seen = false;
    ScenePoint lastFoot;
    bool inForbiddenZone = false;
    int loiteringSince = -1;   // first frame of the current stay in the loitering zone, -1 outside
    int unattendedSince = -1;  // items: first frame of the current unattended stretch, -1 attended
    int inLaneSince = -1;      // first frame of the current stay in the one-way lane
    bool wrongWayReported = false;
    std::map<int, ScenePoint> recentFeet;  // frame -> foot, the last kWrongWayFrames + 1 frames
};

} // namespace

DetectedObject SceneAnalytics::detected(const SceneObject& object)
{
    DetectedObject result;
    result.set_track_id(object.trackId);
    result.set_object_class(object.objectClass);
    auto* box = result.mutable_box();
    box->set_x(static_cast<float>(object.box.x));
    box->set_y(static_cast<float>(object.box.y));
    box->set_width(static_cast<float>(object.box.width));
    box->set_height(static_cast<float>(object.box.height));
    // A scripted scene has no uncertainty; a plausible detector score per class keeps clients honest.
    result.set_confidence(object.objectClass == OBJECT_CLASS_VEHICLE  ? 0.94f
                          : object.objectClass == OBJECT_CLASS_ITEM ? 0.81f
                                                                    : 0.88f);
    return result;
}

bool SceneAnalytics::inside(const std::vector<ScenePoint>& polygon, ScenePoint point)
{
    // Even-odd ray casting.
    bool in = false;
    for (std::size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
        const ScenePoint& a = polygon[i];
        const ScenePoint& b = polygon[j];
        if ((a.y > point.y) != (b.y > point.y) && point.x < (b.x - a.x) * (point.y - a.y) / (b.y - a.y) + a.x)
            in = !in;
    }
    return in;
}

SceneAnalytics::Side SceneAnalytics::sideOf(ScenePoint start, ScenePoint end, ScenePoint point)
{
    // With y down, the walker's left has a negative cross product (it would be positive with y up).
    const double value = cross(start, end, point);
    return value < 0 ? Side::A : value > 0 ? Side::B : Side::OnLine;
}

std::vector<SceneEvent> SceneAnalytics::evaluate(const SceneScript& script)
{
    const SceneLayout& layout = script.layout();
    std::vector<SceneEvent> events;
    std::map<std::string, TrackState> tracks;
    bool wasCrowded = false;

    auto event = [&](int frame, AlarmType type, const std::vector<ScenePoint>& zone) -> Alarm& {
        events.push_back({frame, {}});
        Alarm& alarm = events.back().detection;
        alarm.set_type(type);
        setZone(&alarm, zone);
        return alarm;
    };

    for (int frame = 0; frame < script.loopFrames(); ++frame) {
        const auto objects = script.objectsAt(frame);
        std::set<std::string> present;
        for (const auto& object : objects)
            present.insert(object.trackId);
        // Tracks that left the picture start afresh if they ever come back.
        for (auto it = tracks.begin(); it != tracks.end();)
            it = present.count(it->first) ? std::next(it) : tracks.erase(it);

        std::vector<const SceneObject*> crowd;
        for (const auto& object : objects) {
            TrackState& track = tracks[object.trackId];
            const ScenePoint foot = object.box.foot();
            const bool person = object.objectClass == OBJECT_CLASS_PERSON;

            const bool inForbidden = inside(layout.forbiddenZone, foot);
            if (inForbidden && !track.inForbiddenZone && object.objectClass != OBJECT_CLASS_ITEM) {
                Alarm& alarm = event(frame, ALARM_TYPE_INTRUSION, layout.forbiddenZone);
                *alarm.add_objects() = detected(object);
                alarm.set_description("Intrusion dans une zone interdite");
            }
            track.inForbiddenZone = inForbidden;

            if (track.seen && crosses(layout.lineStart, layout.lineEnd, track.lastFoot, foot)) {
                const bool aToB = sideOf(layout.lineStart, layout.lineEnd, foot) == Side::B;
                Alarm& alarm = event(frame, ALARM_TYPE_LINE_CROSSED, {});
                auto* details = alarm.mutable_line_crossed();
                *details->mutable_start() = normalisedPoint(layout.lineStart);
                *details->mutable_end() = normalisedPoint(layout.lineEnd);
                details->set_direction(aToB ? CROSSING_DIRECTION_A_TO_B : CROSSING_DIRECTION_B_TO_A);
                *alarm.add_objects() = detected(object);
                alarm.set_description(std::string("Franchissement de ligne (sens ") + (aToB ? "A vers B" : "B vers A") +
                                      ")");
            }

            if (person && inside(layout.loiteringZone, foot)) {
                if (track.loiteringSince < 0)
                    track.loiteringSince = frame;
                if (frame - track.loiteringSince == kLoiteringFrames) {
                    Alarm& alarm = event(frame, ALARM_TYPE_LOITERING, layout.loiteringZone);
                    *alarm.mutable_loitering()->mutable_dwell() =
                        TimeUtil::SecondsToDuration(kLoiteringFrames / SceneScript::kFps);
                    *alarm.add_objects() = detected(object);
                    alarm.set_description("Stationnement prolongé dans la zone (" + seconds(kLoiteringFrames) + ")");
                }
            } else {
                track.loiteringSince = -1;
            }

            if (object.objectClass == OBJECT_CLASS_ITEM) {
                const bool attended = std::any_of(objects.begin(), objects.end(), [&](const SceneObject& other) {
                    const ScenePoint otherFoot = other.box.foot();
                    return other.objectClass == OBJECT_CLASS_PERSON &&
                           std::hypot(otherFoot.x - foot.x, otherFoot.y - foot.y) <= kAttendedRadius;
                });
                if (attended) {
                    track.unattendedSince = -1;
                } else {
                    if (track.unattendedSince < 0)
                        track.unattendedSince = frame;
                    if (frame - track.unattendedSince == kUnattendedFrames) {
                        // The pavement it was left on is the rule's zone.
                        Alarm& alarm = event(frame, ALARM_TYPE_OBJECT_LEFT,
                                             {{0.0, layout.pavementTop}, {1.0, layout.pavementTop},
                                              {1.0, layout.roadTop}, {0.0, layout.roadTop}});
                        *alarm.mutable_object_left()->mutable_unattended_for() =
                            TimeUtil::SecondsToDuration(kUnattendedFrames / SceneScript::kFps);
                        *alarm.add_objects() = detected(object);
                        alarm.set_description("Objet abandonné depuis " + seconds(kUnattendedFrames));
                    }
                }
            }

            if (object.objectClass != OBJECT_CLASS_ITEM && inside(layout.oneWayLane, foot)) {
                if (track.inLaneSince < 0)
                    track.inLaneSince = frame;
                track.recentFeet[frame] = foot;
                track.recentFeet.erase(track.recentFeet.begin(), track.recentFeet.lower_bound(frame - kWrongWayFrames));
                if (!track.wrongWayReported && frame - track.inLaneSince >= kWrongWayFrames) {
                    const ScenePoint earlier = track.recentFeet.at(frame - kWrongWayFrames);
                    const double along = (foot.x - earlier.x) * layout.oneWayDirection.x +
                                         (foot.y - earlier.y) * layout.oneWayDirection.y;
                    if (along < -kWrongWayMinTravel) {
                        track.wrongWayReported = true;
                        Alarm& alarm = event(frame, ALARM_TYPE_WRONG_WAY, layout.oneWayLane);
                        *alarm.mutable_wrong_way()->mutable_allowed_direction() =
                            normalisedPoint(layout.oneWayDirection);
                        *alarm.add_objects() = detected(object);
                        alarm.set_description("Circulation à contresens");
                    }
                }
            } else {
                track.inLaneSince = -1;
                track.wrongWayReported = false;
                track.recentFeet.clear();
            }

            if (person && inside(layout.crowdZone, foot))
                crowd.push_back(&object);
            track.seen = true;
            track.lastFoot = foot;
        }

        // A crowd is reported when it forms, not on every frame it lasts.
        const bool crowded = static_cast<int>(crowd.size()) > kCrowdThreshold;
        if (crowded && !wasCrowded) {
            Alarm& alarm = event(frame, ALARM_TYPE_CROWD_DENSITY, layout.crowdZone);
            alarm.mutable_crowd_density()->set_person_count(static_cast<int>(crowd.size()));
            alarm.mutable_crowd_density()->set_threshold_count(kCrowdThreshold);
            for (const SceneObject* person : crowd)
                *alarm.add_objects() = detected(*person);
            alarm.set_description("Densité de foule : " + std::to_string(crowd.size()) + " personnes (seuil " +
                                  std::to_string(kCrowdThreshold) + ")");
        }
        wasCrowded = crowded;
    }
    return events;
}

} // namespace vigie::sim
