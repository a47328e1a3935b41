// The scene cameras' street scene on its own (no simulator): the script's objects, their drawing, the
// analytics rules evaluated over the loop, and the drafts raised on the wall clock.

#include "SceneAlarmRaiser.h"
#include "SceneAnalytics.h"
#include "SceneRenderer.h"
#include "SceneScript.h"

#include <google/protobuf/util/time_util.h>

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <vector>

using namespace vigie::sim;
using namespace vigie::v1;

namespace {

// A picture owning its planes.
struct Frame {
    int width;
    int height;
    std::vector<std::uint8_t> luma;
    std::vector<std::uint8_t> chroma;  // Cb then Cr

    Frame(int w, int h)
        : width(w), height(h), luma(static_cast<std::size_t>(w * h)), chroma(static_cast<std::size_t>(w * h / 2))
    {
    }
    I420Picture picture()
    {
        return {luma.data(), chroma.data(), chroma.data() + width * height / 4, width, width / 2, width, height};
    }
    std::uint8_t at(int x, int y) const { return luma[static_cast<std::size_t>(y * width + x)]; }
    // How far a pixel's colour is from another picture's at the same place: |dY| + |dCb| + |dCr|.
    int distance(const Frame& other, int x, int y) const
    {
        const auto chromaIndex = static_cast<std::size_t>((y / 2) * (width / 2) + x / 2);
        const std::size_t crOffset = chroma.size() / 2;
        return std::abs(at(x, y) - other.at(x, y)) + std::abs(chroma[chromaIndex] - other.chroma[chromaIndex]) +
               std::abs(chroma[crOffset + chromaIndex] - other.chroma[crOffset + chromaIndex]);
    }
};

std::optional<SceneObject> find(const std::vector<SceneObject>& objects, const std::string& trackId)
{
    for (const auto& object : objects) {
        if (object.trackId == trackId)
            return object;
    }
    return std::nullopt;
}

// The first frame at which `trackId` is visible and `condition` holds for its feet, or -1.
template <typename Condition>
int firstFrameWhere(const SceneScript& script, const std::string& trackId, Condition condition)
{
    for (int frame = 0; frame < script.loopFrames(); ++frame) {
        const auto object = find(script.objectsAt(frame), trackId);
        if (object && condition(object->box.foot()))
            return frame;
    }
    return -1;
}

std::vector<SceneEvent> eventsOf(const std::vector<SceneEvent>& events, AlarmType type)
{
    std::vector<SceneEvent> result;
    std::copy_if(events.begin(), events.end(), std::back_inserter(result),
                 [type](const SceneEvent& event) { return event.detection.type() == type; });
    return result;
}

bool sameBox(const NormalizedRect& reported, const SceneBox& box)
{
    constexpr double kTolerance = 1e-6;  // the protocol's floats
    return std::abs(reported.x() - box.x) < kTolerance && std::abs(reported.y() - box.y) < kTolerance &&
           std::abs(reported.width() - box.width) < kTolerance && std::abs(reported.height() - box.height) < kTolerance;
}

} // namespace

class TestSimScene : public QObject {
    Q_OBJECT

private slots:
    void scriptIsDeterministicAndLoops();
    void boxesStayInsideThePictureBelowTheBarcode();
    void tracksAreStableAndMoveSmoothly();
    void sceneHasEveryKindOfObjectAndQuietMoments();
    void rendererDrawsEachObjectExactlyInItsBox();
    void lineSidesFollowTheProtocol();
    void everyEventReportsTheObjectsOfItsFrame();
    void intrusionWhenThePersonEntersTheSite();
    void lineCrossedBothWays();
    void wrongWayInTheOneWayLane();
    void loiteringAfterFifteenSeconds();
    void bagLeftUnattendedForTenSeconds();
    void crowdWhenTheSixthPersonArrives();
    void raiserFollowsTheWallClockAndRearms();

private:
    SceneScript m_script;
    std::vector<SceneEvent> m_events = SceneAnalytics::evaluate(m_script);
};

void TestSimScene::scriptIsDeterministicAndLoops()
{
    const SceneScript other;
    QCOMPARE(m_script.loopFrames(), 750);
    for (int frame = 0; frame < m_script.loopFrames(); frame += 7) {
        const auto a = m_script.objectsAt(frame);
        const auto b = other.objectsAt(frame);
        const auto c = m_script.objectsAt(frame + 2 * m_script.loopFrames());
        QCOMPARE(a.size(), b.size());
        QCOMPARE(a.size(), c.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].trackId, b[i].trackId);
            QCOMPARE(a[i].box.x, b[i].box.x);
            QCOMPARE(a[i].box.y, c[i].box.y);
        }
    }
    const auto again = SceneAnalytics::evaluate(other);
    QCOMPARE(again.size(), m_events.size());
    for (std::size_t i = 0; i < again.size(); ++i) {
        QCOMPARE(again[i].frame, m_events[i].frame);
        QCOMPARE(again[i].detection.SerializeAsString(), m_events[i].detection.SerializeAsString());
    }
}

void TestSimScene::boxesStayInsideThePictureBelowTheBarcode()
{
    for (int frame = 0; frame < m_script.loopFrames(); ++frame) {
        for (const auto& object : m_script.objectsAt(frame)) {
            const auto& box = object.box;
            QVERIFY2(box.width > 0 && box.height > 0, object.trackId.c_str());
            QVERIFY2(box.x >= 0 && box.x + box.width <= 1, object.trackId.c_str());
            // The barcode band takes the top 1/16 of the picture; the caption the bottom few percent.
            QVERIFY2(box.y >= 1.0 / 16 && box.y + box.height <= 0.94, object.trackId.c_str());
        }
    }
}

void TestSimScene::tracksAreStableAndMoveSmoothly()
{
    std::map<std::string, ObjectClass> classes;
    std::map<std::string, int> lastSeen;
    std::map<std::string, ScenePoint> lastFoot;
    for (int frame = 0; frame < m_script.loopFrames(); ++frame) {
        std::set<std::string> ids;
        for (const auto& object : m_script.objectsAt(frame)) {
            QVERIFY2(ids.insert(object.trackId).second, "a track id twice in one frame");
            const auto [it, fresh] = classes.emplace(object.trackId, object.objectClass);
            QCOMPARE(it->second, object.objectClass);
            if (!fresh) {
                // One life per loop: a track seen before was seen on the previous frame.
                QCOMPARE(lastSeen[object.trackId], frame - 1);
                const ScenePoint before = lastFoot[object.trackId];
                const ScenePoint now = object.box.foot();
                QVERIFY(std::hypot(now.x - before.x, now.y - before.y) < 0.01);
            }
            lastSeen[object.trackId] = frame;
            lastFoot[object.trackId] = object.box.foot();
        }
    }
}

void TestSimScene::sceneHasEveryKindOfObjectAndQuietMoments()
{
    std::set<ObjectClass> classes;
    std::size_t most = 0;
    for (int frame = 0; frame < m_script.loopFrames(); ++frame) {
        const auto objects = m_script.objectsAt(frame);
        most = std::max(most, objects.size());
        for (const auto& object : objects)
            classes.insert(object.objectClass);
    }
    QCOMPARE(classes, (std::set<ObjectClass>{OBJECT_CLASS_PERSON, OBJECT_CLASS_VEHICLE, OBJECT_CLASS_ITEM}));
    QVERIFY(most >= 6);
    QVERIFY(m_script.objectsAt(0).empty());  // the loop starts empty: clients must clear their overlay
}

void TestSimScene::rendererDrawsEachObjectExactlyInItsBox()
{
    const SceneRenderer renderer(m_script);
    for (const auto& [width, height] : {std::pair{640, 360}, std::pair{1280, 720}}) {
        Frame background(width, height);
        renderer.renderBackground(background.picture());
        for (int index = 0; index < m_script.loopFrames(); index += 50) {
            Frame frame(width, height);
            renderer.render(index, frame.picture());
            const auto objects = m_script.objectsAt(index);
            std::vector<PixelRect> rects;
            for (const auto& object : objects)
                rects.push_back(SceneRenderer::pixelRect(object.box, width, height));
            auto inAny = [&](int x, int y) {
                return std::any_of(rects.begin(), rects.end(), [&](const PixelRect& r) {
                    return x >= r.left && x < r.right && y >= r.top && y < r.bottom;
                });
            };
            // Outside every box, the street is untouched.
            for (int y = 0; y < height; ++y) {
                for (int x = 0; x < width; ++x) {
                    if (frame.at(x, y) != background.at(x, y))
                        QVERIFY2(inAny(x, y), qPrintable(QStringLiteral("frame %1: pixel %2,%3").arg(index).arg(x).arg(y)));
                }
            }
            // An object on its own reaches every edge of its box, and its middle is painted.
            for (std::size_t i = 0; i < objects.size(); ++i) {
                const PixelRect& r = rects[i];
                const bool alone = std::none_of(rects.begin(), rects.end(), [&](const PixelRect& other) {
                    return &other != &r && other.left < r.right && r.left < other.right && other.top < r.bottom &&
                           r.top < other.bottom;
                });
                if (!alone)
                    continue;
                int left = width, right = -1, top = height, bottom = -1;
                for (int y = r.top; y < r.bottom; ++y) {
                    for (int x = r.left; x < r.right; ++x) {
                        if (frame.at(x, y) != background.at(x, y)) {
                            left = std::min(left, x);
                            right = std::max(right, x + 1);
                            top = std::min(top, y);
                            bottom = std::max(bottom, y + 1);
                        }
                    }
                }
                const QString what = QStringLiteral("frame %1 %2").arg(index).arg(QString::fromStdString(objects[i].trackId));
                QVERIFY2(left == r.left && right == r.right && top == r.top && bottom == r.bottom, qPrintable(what));
                const int middleX = (r.left + r.right) / 2;
                const int middleY = r.top + (r.bottom - r.top) * 6 / 10;
                QVERIFY2(frame.distance(background, middleX, middleY) >= 40, qPrintable(what));
            }
        }
    }
}

void TestSimScene::lineSidesFollowTheProtocol()
{
    // alarms.proto: side A is on the left of someone walking from start to end, as seen on screen (y down).
    const ScenePoint west{0.2, 0.5};
    const ScenePoint east{0.8, 0.5};
    QCOMPARE(SceneAnalytics::sideOf(west, east, {0.5, 0.3}), SceneAnalytics::Side::A);  // above: walker's left
    QCOMPARE(SceneAnalytics::sideOf(west, east, {0.5, 0.7}), SceneAnalytics::Side::B);
    const ScenePoint top{0.4, 0.3};
    const ScenePoint bottom{0.4, 0.5};
    // Walking down the screen, the walker's left is the screen's right.
    QCOMPARE(SceneAnalytics::sideOf(top, bottom, {0.6, 0.4}), SceneAnalytics::Side::A);
    QCOMPARE(SceneAnalytics::sideOf(top, bottom, {0.2, 0.4}), SceneAnalytics::Side::B);
    QCOMPARE(SceneAnalytics::sideOf(top, bottom, {0.4, 0.45}), SceneAnalytics::Side::OnLine);
}

void TestSimScene::everyEventReportsTheObjectsOfItsFrame()
{
    QVERIFY(!m_events.empty());
    std::set<AlarmType> types;
    for (const auto& event : m_events) {
        types.insert(event.detection.type());
        QVERIFY(event.frame >= 0 && event.frame < m_script.loopFrames());
        QVERIFY(!event.detection.description().empty());
        QVERIFY(event.detection.objects_size() > 0);
        const auto objects = m_script.objectsAt(event.frame);
        for (const auto& reported : event.detection.objects()) {
            const auto object = find(objects, reported.track_id());
            QVERIFY(object);
            QCOMPARE(reported.object_class(), object->objectClass);
            QVERIFY(sameBox(reported.box(), object->box));
        }
    }
    QCOMPARE(types, (std::set<AlarmType>{ALARM_TYPE_INTRUSION, ALARM_TYPE_LINE_CROSSED, ALARM_TYPE_LOITERING,
                                         ALARM_TYPE_OBJECT_LEFT, ALARM_TYPE_WRONG_WAY, ALARM_TYPE_CROWD_DENSITY}));
    QVERIFY(std::is_sorted(m_events.begin(), m_events.end(),
                           [](const SceneEvent& a, const SceneEvent& b) { return a.frame < b.frame; }));
}

void TestSimScene::intrusionWhenThePersonEntersTheSite()
{
    const auto intrusions = eventsOf(m_events, ALARM_TYPE_INTRUSION);
    QCOMPARE(intrusions.size(), std::size_t{1});
    const auto& zone = m_script.layout().forbiddenZone;
    const int entered = firstFrameWhere(m_script, "p3", [&](ScenePoint foot) { return SceneAnalytics::inside(zone, foot); });
    QVERIFY(entered > 0);
    QCOMPARE(intrusions[0].frame, entered);
    QCOMPARE(intrusions[0].detection.objects(0).track_id(), std::string("p3"));
    QCOMPARE(intrusions[0].detection.zone().points_size(), static_cast<int>(zone.size()));
}

void TestSimScene::lineCrossedBothWays()
{
    const auto crossings = eventsOf(m_events, ALARM_TYPE_LINE_CROSSED);
    QCOMPARE(crossings.size(), std::size_t{2});
    const double lineX = m_script.layout().lineStart.x;
    // p1 walks right to left: from the screen's right (side A of a line drawn downwards) to its left.
    const int p1 = firstFrameWhere(m_script, "p1", [&](ScenePoint foot) { return foot.x < lineX; });
    // p2 walks left to right.
    const int p2 = firstFrameWhere(m_script, "p2", [&](ScenePoint foot) { return foot.x > lineX; });
    std::map<std::string, SceneEvent> byTrack;
    for (const auto& event : crossings)
        byTrack[event.detection.objects(0).track_id()] = event;
    QCOMPARE(byTrack.size(), std::size_t{2});
    QCOMPARE(byTrack["p1"].frame, p1);
    QCOMPARE(byTrack["p1"].detection.line_crossed().direction(), CROSSING_DIRECTION_A_TO_B);
    QCOMPARE(byTrack["p2"].frame, p2);
    QCOMPARE(byTrack["p2"].detection.line_crossed().direction(), CROSSING_DIRECTION_B_TO_A);
    const auto& details = byTrack["p1"].detection.line_crossed();
    QCOMPARE(details.start().y(), static_cast<float>(m_script.layout().lineStart.y));
    QCOMPARE(details.end().y(), static_cast<float>(m_script.layout().lineEnd.y));
    QVERIFY(details.start().y() < details.end().y());  // drawn downwards, as the sides above assume
}

void TestSimScene::wrongWayInTheOneWayLane()
{
    const auto wrongWays = eventsOf(m_events, ALARM_TYPE_WRONG_WAY);
    QCOMPARE(wrongWays.size(), std::size_t{1});
    const int appears = firstFrameWhere(m_script, "v3", [](ScenePoint) { return true; });
    QCOMPARE(wrongWays[0].frame, appears + SceneAnalytics::kWrongWayFrames);
    QCOMPARE(wrongWays[0].detection.objects(0).track_id(), std::string("v3"));
    QCOMPARE(wrongWays[0].detection.objects(0).object_class(), OBJECT_CLASS_VEHICLE);
    QVERIFY(wrongWays[0].detection.wrong_way().allowed_direction().x() > 0);  // the lane runs left to right
    // v1 and v5 drive the lower lane the right way: no event for them.
}

void TestSimScene::loiteringAfterFifteenSeconds()
{
    const auto loitering = eventsOf(m_events, ALARM_TYPE_LOITERING);
    QCOMPARE(loitering.size(), std::size_t{1});
    const auto& zone = m_script.layout().loiteringZone;
    const int arrived = firstFrameWhere(m_script, "p4", [&](ScenePoint foot) { return SceneAnalytics::inside(zone, foot); });
    QCOMPARE(loitering[0].frame, arrived + 15 * 25);
    QCOMPARE(loitering[0].detection.objects(0).track_id(), std::string("p4"));
    QCOMPARE(loitering[0].detection.loitering().dwell().seconds(), std::int64_t{15});
}

void TestSimScene::bagLeftUnattendedForTenSeconds()
{
    const auto left = eventsOf(m_events, ALARM_TYPE_OBJECT_LEFT);
    QCOMPARE(left.size(), std::size_t{1});
    const int frame = left[0].frame;
    QCOMPARE(left[0].detection.objects(0).track_id(), std::string("i1"));
    QCOMPARE(left[0].detection.object_left().unattended_for().seconds(), std::int64_t{10});
    auto attended = [&](int index) {
        const auto objects = m_script.objectsAt(index);
        const auto bag = find(objects, "i1");
        if (!bag)
            return true;  // not there yet: nothing to leave
        return std::any_of(objects.begin(), objects.end(), [&](const SceneObject& o) {
            return o.objectClass == OBJECT_CLASS_PERSON &&
                   std::hypot(o.box.foot().x - bag->box.foot().x, o.box.foot().y - bag->box.foot().y) <=
                       SceneAnalytics::kAttendedRadius;
        });
    };
    // Alone for exactly ten seconds: every frame of the last 250 unattended, the one before attended
    // (by the person who put it down, p5).
    for (int index = frame - 250; index <= frame; ++index)
        QVERIFY(!attended(index));
    QVERIFY(attended(frame - 251));
    QVERIFY(find(m_script.objectsAt(frame - 251), "p5"));
}

void TestSimScene::crowdWhenTheSixthPersonArrives()
{
    const auto crowds = eventsOf(m_events, ALARM_TYPE_CROWD_DENSITY);
    QCOMPARE(crowds.size(), std::size_t{1});
    const auto& zone = m_script.layout().crowdZone;
    auto countAt = [&](int index) {
        const auto objects = m_script.objectsAt(index);
        return std::count_if(objects.begin(), objects.end(), [&](const SceneObject& o) {
            return o.objectClass == OBJECT_CLASS_PERSON && SceneAnalytics::inside(zone, o.box.foot());
        });
    };
    const auto& event = crowds[0];
    QCOMPARE(countAt(event.frame), 6);
    QCOMPARE(countAt(event.frame - 1), 5);
    QCOMPARE(event.detection.crowd_density().person_count(), 6);
    QCOMPARE(event.detection.crowd_density().threshold_count(), 5);
    QCOMPARE(event.detection.objects_size(), 6);
}

void TestSimScene::raiserFollowsTheWallClockAndRearms()
{
    AlarmJournal journal(AlarmJournal::Settings{});
    const auto schedule = vigie::barcode::WallClockSchedule::regular(m_script.loopFrames(), 25, 40);
    const std::vector<AlarmGenerator::Camera> cameras = {{"scene-01", "Carrefour Gambetta"},
                                                         {"scene-02", "Rue de la Liberté"}};
    // A tick n with n mod 750 = 0: a loop starts there.
    const std::int64_t loopStart = 750LL * 60'000'000;

    SceneAlarmRaiser everyLoop(journal, cameras, m_events, schedule, std::chrono::seconds(0));
    const auto drafts = everyLoop.draftsFor(loopStart - 1, loopStart + 2 * 750 - 1);
    QCOMPARE(drafts.size(), 2 * m_events.size() * cameras.size());
    for (const auto& draft : drafts) {
        const std::int64_t ms = google::protobuf::util::TimeUtil::TimestampToMilliseconds(draft.event_time());
        QCOMPARE(ms % 40, std::int64_t{0});
        const int frame = schedule.frameIndex(ms / 40);
        const auto match = std::find_if(m_events.begin(), m_events.end(), [&](const SceneEvent& e) {
            return e.frame == frame && e.detection.type() == draft.type();
        });
        QVERIFY(match != m_events.end());
        QVERIFY(draft.rule_id().rfind(draft.camera_id() + "/", 0) == 0);
        QVERIFY(draft.description().find(" - ") != std::string::npos);
        QVERIFY(draft.zone().points_size() > 0 || draft.type() == ALARM_TYPE_LINE_CROSSED);
        QCOMPARE(draft.objects(0).track_id(), match->detection.objects(0).track_id());
    }

    // Re-armed after two minutes: two loops (one minute) fire each rule once per camera.
    SceneAlarmRaiser rearmed(journal, cameras, m_events, schedule, std::chrono::seconds(120));
    const auto once = rearmed.draftsFor(loopStart - 1, loopStart + 2 * 750 - 1);
    QCOMPARE(once.size(), 6 * cameras.size());
    // Four minutes later each rule fires again.
    const auto later = rearmed.draftsFor(loopStart + 8 * 750 - 1, loopStart + 9 * 750 - 1);
    QCOMPARE(later.size(), 6 * cameras.size());
}

QTEST_GUILESS_MAIN(TestSimScene)
#include "test_sim_scene.moc"
