// The PTZ domes' model on its own (no simulator, times injected): the motion's integration, limits and
// moves, click-to-centre and area zoom for several frame shapes, the Control lease, the control lock
// with priorities, presets and tours, and the panorama's view.

#include "PanoramaScene.h"
#include "PanoramaViewRenderer.h"
#include "PtzCamera.h"
#include "PtzControlLock.h"
#include "PtzMotion.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace vigie::sim;
using namespace std::chrono_literals;

namespace {

constexpr double kEpsilon = 1e-9;
// The Control stream the tests drive with (PtzCamera::drive tells streams apart by such a number).
constexpr std::uint64_t kStream = 1;

PtzClaimant user(const char* name, int priority)
{
    return {vigie::v1::LOCK_HOLDER_KIND_USER, std::string("token-") + name, name, name, "poste-1", priority};
}

vigie::v1::PtzVelocity velocity(float pan, float tilt, float zoom)
{
    vigie::v1::PtzVelocity v;
    v.set_pan(pan);
    v.set_tilt(tilt);
    v.set_zoom(zoom);
    return v;
}

// Where the red mast's centre appears in a rendered frame (x in [0, 1]), or -1 if not in view.
double mastColumn(const std::vector<std::uint8_t>& frame, int width, int height)
{
    const std::uint8_t* cr = frame.data() + width * height + width * height / 4;
    const int row = height / 4 - 3;  // a chroma row just above the horizon (the middle of the picture)
    double sum = 0;
    int count = 0;
    for (int x = 0; x < width / 2; ++x) {
        if (cr[row * (width / 2) + x] > 200) {
            sum += x;
            ++count;
        }
    }
    return count ? (sum / count + 0.5) / (width / 2) : -1;
}

} // namespace

class TestSimPtzModel : public QObject {
    Q_OBJECT

private slots:
    void velocityIntegratesAtTheMaximumSpeeds();
    void axesStopAtTheirLimits();
    void absoluteAndRelativeMovesReachTheirTargetAtSpeed();
    void stopHaltsTheChosenAxes();
    void centreOnMovesThePointToTheCentre_data();
    void centreOnMovesThePointToTheCentre();
    void areaZoomFitsTheArea_data();
    void areaZoomFitsTheArea();
    void leaseLapseStopsTheCameraAtTheDeadline();
    void zeroVelocityAndStreamEndStop();
    void lockConflictAndTakeover();
    void lockLapsesAfterInactivity();
    void steeringRenewalsAreSeenByWatchers();
    void stopDoesNotTakeAFreeLock();
    void presetsRoundTrip();
    void tourVisitsItsSpotsAndPausesOnTakeover();
    void viewFollowsThePan();
};

void TestSimPtzModel::velocityIntegratesAtTheMaximumSpeeds()
{
    PtzMotion motion({}, 0);
    motion.setVelocity(1, -0.5, 1, 0);
    const PtzPose pose = motion.poseAt(1);
    QVERIFY(std::abs(pose.pan - PtzMotion::kMaxPanDegPerS / PtzMotion::kPanRangeDeg) < kEpsilon);  // 0.5
    QVERIFY(std::abs(pose.tilt + 0.5 * PtzMotion::kMaxTiltDegPerS / PtzMotion::kTiltRangeDeg) < kEpsilon);  // -0.75
    QVERIFY(std::abs(pose.zoom - PtzMotion::kMaxZoomPerS) < kEpsilon);
    QVERIFY(motion.panTiltMoving());
    QVERIFY(motion.zoomMoving());
    // Asking twice for the same instant changes nothing; an earlier time is ignored.
    QCOMPARE(motion.poseAt(1).pan, pose.pan);
    QCOMPARE(motion.poseAt(0.5).pan, pose.pan);
}

void TestSimPtzModel::axesStopAtTheirLimits()
{
    PtzMotion motion({0.9, 0.9, 0.9}, 0);
    motion.setVelocity(1, 1, 1, 0);
    const PtzPose pose = motion.poseAt(10);
    QCOMPARE(pose.pan, 1.0);
    QCOMPARE(pose.tilt, 1.0);
    QCOMPARE(pose.zoom, 1.0);
    QVERIFY(!motion.moving());
    // Pushing against a stop is not moving.
    motion.setVelocity(0.5, 0, 0, 10);
    QVERIFY(!motion.moving());
    motion.setVelocity(-1, 0, -1, 10);
    QVERIFY(motion.moving());
}

void TestSimPtzModel::absoluteAndRelativeMovesReachTheirTargetAtSpeed()
{
    PtzMotion motion({}, 0);
    // Half speed: pan 0.25 units/s, so 0.5 takes 2 s; zoom default (max) 0.25/s, 0.5 takes 2 s too.
    motion.moveTo({0.5, -0.2, 0.5}, 0.5, 0, 0);
    QVERIFY(std::abs(motion.poseAt(1).pan - 0.25) < kEpsilon);
    QVERIFY(motion.moving());
    const PtzPose arrived = motion.poseAt(2.5);
    QVERIFY(std::abs(arrived.pan - 0.5) < kEpsilon);
    QVERIFY(std::abs(arrived.tilt + 0.2) < kEpsilon);
    QVERIFY(std::abs(arrived.zoom - 0.5) < kEpsilon);
    QVERIFY(!motion.moving());
    // Targets outside the ranges are clamped.
    motion.moveTo({3, -3, 2}, 1, 1, 2.5);
    const PtzPose far = motion.poseAt(100);
    QCOMPARE(far.pan, 1.0);
    QCOMPARE(far.tilt, -1.0);
    QCOMPARE(far.zoom, 1.0);
}

void TestSimPtzModel::stopHaltsTheChosenAxes()
{
    PtzMotion motion({}, 0);
    motion.setVelocity(1, 0, 1, 0);
    motion.stop(false, true, 1);
    QVERIFY(motion.panTiltMoving());
    QVERIFY(!motion.zoomMoving());
    motion.stop(false, false, 2);  // neither flag: everything
    QVERIFY(!motion.moving());
    const double pan = motion.poseAt(2).pan;
    QCOMPARE(motion.poseAt(5).pan, pan);
}

void TestSimPtzModel::centreOnMovesThePointToTheCentre_data()
{
    QTest::addColumn<double>("aspect");
    QTest::addColumn<double>("zoom");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("y");
    QTest::newRow("16:9 wide, right and up") << 16.0 / 9 << 0.0 << 0.75 << 0.25;
    QTest::newRow("4:3 half zoom, left and down") << 4.0 / 3 << 0.5 << 0.1 << 0.9;
    QTest::newRow("9:16 portrait tele") << 9.0 / 16 << 1.0 << 0.6 << 0.45;
    QTest::newRow("centre stays") << 16.0 / 9 << 0.3 << 0.5 << 0.5;
}

void TestSimPtzModel::centreOnMovesThePointToTheCentre()
{
    QFETCH(double, aspect);
    QFETCH(double, zoom);
    QFETCH(double, x);
    QFETCH(double, y);
    PtzMotion motion({0.1, 0.0, zoom}, 0);
    const PtzPose target = motion.centredOn(x, y, aspect, 0);
    const double hfov = PtzMotion::horizontalFovDeg(zoom);
    const double vfov = hfov / aspect;
    // The point's angles, seen from the current pose, are the new pose's.
    QVERIFY(std::abs(PtzMotion::panDeg(target.pan) - (PtzMotion::panDeg(0.1) + (x - 0.5) * hfov)) < 1e-6);
    QVERIFY(std::abs(PtzMotion::tiltDeg(target.tilt) - (0.5 - y) * vfov) < 1e-6);
    QCOMPARE(target.zoom, zoom);
    if (x > 0.5)
        QVERIFY(target.pan > 0.1);  // a point on the right: pan right
    if (y > 0.5)
        QVERIFY(target.tilt < 0);  // a point below: tilt down
}

void TestSimPtzModel::areaZoomFitsTheArea_data()
{
    QTest::addColumn<double>("aspect");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("y");
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("height");
    QTest::newRow("16:9 wide area") << 16.0 / 9 << 0.5 << 0.4 << 0.25 << 0.1;
    QTest::newRow("4:3 tall area") << 4.0 / 3 << 0.1 << 0.1 << 0.1 << 0.4;
    QTest::newRow("16:9 quarter") << 16.0 / 9 << 0.0 << 0.0 << 0.25 << 0.25;
}

void TestSimPtzModel::areaZoomFitsTheArea()
{
    QFETCH(double, aspect);
    QFETCH(double, x);
    QFETCH(double, y);
    QFETCH(double, width);
    QFETCH(double, height);
    PtzMotion motion({}, 0);
    const PtzPose target = motion.zoomedOnArea(x, y, width, height, aspect, 0);
    const PtzPose centred = motion.centredOn(x + width / 2, y + height / 2, aspect, 0);
    QCOMPARE(target.pan, centred.pan);
    QCOMPARE(target.tilt, centred.tilt);
    // The new field shows the area's larger relative side edge to edge.
    const double newFov = PtzMotion::horizontalFovDeg(target.zoom);
    QVERIFY(std::abs(newFov - PtzMotion::kWideFovDeg * std::max(width, height)) < 1e-6);
    // And the whole area is inside it, in both directions.
    QVERIFY(width * PtzMotion::kWideFovDeg <= newFov + 1e-9);
    QVERIFY(height * PtzMotion::kWideFovDeg / aspect <= newFov / aspect + 1e-9);
    // Tiny areas stop at the tele end.
    QCOMPARE(motion.zoomedOnArea(0.5, 0.5, 0.001, 0.001, aspect, 0).zoom, 1.0);
}

void TestSimPtzModel::leaseLapseStopsTheCameraAtTheDeadline()
{
    const auto t0 = std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000));
    PtzCamera camera("ptz-01", t0);
    const auto alice = user("alice", 10);
    QVERIFY(camera.drive(alice, kStream, velocity(1, 0, 0), 500ms, t0).ok());
    QVERIFY(camera.drive(alice, kStream, velocity(1, 0, 0), 500ms, t0 + 400ms).ok());  // renewed
    // Nothing after t0 + 400 ms: the camera stops at t0 + 900 ms, wherever the next look comes.
    const auto stopped = camera.poseAt(t0 + 5s);
    QVERIFY(std::abs(stopped.pan - 0.5 * 0.9) < 1e-6);
    QCOMPARE(camera.leaseLapses(), std::uint64_t(1));
    QVERIFY(camera.status({}, t0 + 5s).pan_tilt() == vigie::v1::PTZ_MOVE_STATUS_IDLE);
    // The next velocity drives again.
    QVERIFY(camera.drive(alice, kStream, velocity(-1, 0, 0), 500ms, t0 + 6s).ok());
    QVERIFY(camera.status({}, t0 + 6s + 100ms).pan_tilt() == vigie::v1::PTZ_MOVE_STATUS_MOVING);
    QCOMPARE(PtzCamera::clampLease(0ms), 500ms);
    QCOMPARE(PtzCamera::clampLease(50ms), 200ms);
    QCOMPARE(PtzCamera::clampLease(10s), 2000ms);
}

void TestSimPtzModel::zeroVelocityAndStreamEndStop()
{
    const auto t0 = std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000));
    PtzCamera camera("ptz-01", t0);
    const auto alice = user("alice", 10);
    QVERIFY(camera.drive(alice, kStream, velocity(0, 1, 0), 2s, t0).ok());
    QVERIFY(camera.drive(alice, kStream, velocity(0, 0, 0), 2s, t0 + 100ms).ok());
    QVERIFY(camera.status({}, t0 + 150ms).pan_tilt() == vigie::v1::PTZ_MOVE_STATUS_IDLE);
    QCOMPARE(camera.leaseLapses(), std::uint64_t(0));  // stopped on purpose: no lapse
    QVERIFY(camera.drive(alice, kStream, velocity(0, 0, 1), 2s, t0 + 200ms).ok());
    camera.endControl("token-someone-else", kStream, t0 + 300ms);
    QVERIFY(camera.status({}, t0 + 300ms).zoom() == vigie::v1::PTZ_MOVE_STATUS_MOVING);
    camera.endControl(alice.id, kStream, t0 + 300ms);
    const auto status = camera.status({}, t0 + 300ms);
    QVERIFY(status.zoom() == vigie::v1::PTZ_MOVE_STATUS_IDLE);
    QVERIFY(std::abs(status.position().zoom() - 0.025f) < 1e-5);

    // Alice's client opens a new stream; the end of her earlier one, arriving late, stops nothing. The end
    // of the stream that drives does.
    constexpr std::uint64_t kNextStream = kStream + 1;
    QVERIFY(camera.drive(alice, kNextStream, velocity(1, 0, 0), 2s, t0 + 400ms).ok());
    camera.endControl(alice.id, kStream, t0 + 450ms);
    QVERIFY(camera.status({}, t0 + 450ms).pan_tilt() == vigie::v1::PTZ_MOVE_STATUS_MOVING);
    camera.endControl(alice.id, kNextStream, t0 + 500ms);
    QVERIFY(camera.status({}, t0 + 500ms).pan_tilt() == vigie::v1::PTZ_MOVE_STATUS_IDLE);
}

void TestSimPtzModel::lockConflictAndTakeover()
{
    const auto t0 = std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000));
    PtzCamera camera("ptz-01", t0);
    const auto operatorUser = user("operator", 10);
    const auto otherOperator = user("operator2", 10);
    const auto supervisor = user("supervisor", 50);

    vigie::v1::PtzLock lock;
    QVERIFY(camera.drive(operatorUser, kStream, velocity(1, 0, 0), 2s, t0).ok());  // implicit lock
    lock = camera.lock(supervisor.id, t0);
    QVERIFY(lock.locked());
    QCOMPARE(lock.holder_user(), std::string("operator"));
    QVERIFY(!lock.held_by_caller());
    QCOMPARE(camera.lock(operatorUser.id, t0).held_by_caller(), true);

    QCOMPARE(camera.absoluteMove(otherOperator, {}, {}, t0 + 100ms).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    // Equal priority cannot take over, a higher one can; the previous holder's driving stops first.
    QCOMPARE(camera.acquireLock(otherOperator, true, 0ms, {}, &lock, t0 + 100ms).error_code(),
             grpc::StatusCode::FAILED_PRECONDITION);
    QCOMPARE(camera.acquireLock(supervisor, false, 0ms, {}, &lock, t0 + 100ms).error_code(),
             grpc::StatusCode::FAILED_PRECONDITION);
    const auto before = camera.lockVersion();
    QVERIFY(camera.acquireLock(supervisor, true, 30s, "suivi véhicule", &lock, t0 + 200ms).ok());
    QVERIFY(camera.lockVersion() != before);
    QCOMPARE(lock.holder_user(), std::string("supervisor"));
    QCOMPARE(lock.priority(), 50);
    QCOMPARE(lock.reason(), std::string("suivi véhicule"));
    QVERIFY(lock.held_by_caller());
    QVERIFY(camera.status({}, t0 + 300ms).pan_tilt() == vigie::v1::PTZ_MOVE_STATUS_IDLE);
    QCOMPARE(camera.drive(operatorUser, kStream, velocity(1, 0, 0), 2s, t0 + 300ms).error_code(),
             grpc::StatusCode::FAILED_PRECONDITION);
    // Releasing someone else's lock changes nothing; the holder's release frees it.
    QVERIFY(camera.releaseLock(operatorUser.id, t0 + 400ms).locked());
    QVERIFY(!camera.releaseLock(supervisor.id, t0 + 400ms).locked());
    QVERIFY(camera.drive(operatorUser, kStream, velocity(1, 0, 0), 2s, t0 + 500ms).ok());
}

void TestSimPtzModel::lockLapsesAfterInactivity()
{
    const auto t0 = std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000));
    PtzCamera camera("ptz-01", t0);
    const auto alice = user("alice", 10);
    const auto bob = user("bob", 10);
    vigie::v1::PtzLock lock;
    QVERIFY(camera.acquireLock(alice, false, 10s, {}, &lock, t0).ok());
    QCOMPARE(lock.expires_at().seconds() - lock.acquired_at().seconds(), std::int64_t(10));
    // A command pushes the expiry forward by the lock's duration.
    QVERIFY(camera.gotoHome(alice, {}, t0 + 8s).ok());
    QCOMPARE(camera.absoluteMove(bob, {}, {}, t0 + 17s).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    camera.tick(t0 + 18s);
    QVERIFY(!camera.lock({}, t0 + 18s).locked());
    QVERIFY(camera.absoluteMove(bob, {}, {}, t0 + 18s).ok());
    QCOMPARE(camera.lock(bob.id, t0 + 18s).holder_user(), std::string("bob"));
    // Capped at 10 minutes.
    QVERIFY(camera.acquireLock(bob, false, std::chrono::hours(2), {}, &lock, t0 + 19s).ok());
    QCOMPARE(lock.expires_at().seconds() - (lock.acquired_at().seconds() + 1), std::int64_t(600));
}

void TestSimPtzModel::steeringRenewalsAreSeenByWatchers()
{
    // A Control stream renews the lock every ~170 ms: each renewal moves the expiry a little, and the
    // drift from what watchers were told must still show as a new version about once a second.
    const auto t0 = std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000));
    PtzControlLock lock;
    const auto alice = user("alice", 10);
    QVERIFY(lock.claimForCommand(alice, t0) == PtzControlLock::Outcome::Granted);
    const std::uint64_t first = lock.version();
    for (int i = 1; i <= 30; ++i)  // 3 s of renewals 100 ms apart
        QVERIFY(lock.claimForCommand(alice, t0 + i * 100ms) == PtzControlLock::Outcome::Granted);
    QVERIFY2(lock.version() - first >= 2 && lock.version() - first <= 4, qPrintable(QString::number(lock.version() - first)));
}

void TestSimPtzModel::stopDoesNotTakeAFreeLock()
{
    const auto t0 = std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000));
    PtzCamera camera("ptz-01", t0);
    const auto alice = user("alice", 10);
    QVERIFY(camera.drive(alice, kStream, velocity(1, 0, 0), 2s, t0).ok());
    camera.releaseLock(alice.id, t0 + 100ms);
    // The stream's last zero arrives after the release: it stops the camera but leaves the lock free.
    QVERIFY(camera.drive(alice, kStream, velocity(0, 0, 0), 2s, t0 + 150ms).ok());
    QVERIFY(!camera.lock({}, t0 + 150ms).locked());
    QVERIFY(camera.status({}, t0 + 200ms).pan_tilt() == vigie::v1::PTZ_MOVE_STATUS_IDLE);
}

void TestSimPtzModel::presetsRoundTrip()
{
    const auto t0 = std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000));
    PtzCamera camera("ptz-01", t0);
    const auto alice = user("alice", 10);
    const auto initial = camera.presets(t0);
    QCOMPARE(initial.presets_size(), 3);
    QCOMPARE(initial.max_presets(), PtzCamera::kMaxPresets);

    vigie::v1::PtzPosition position;
    position.set_pan(0.25f);
    position.set_tilt(-0.5f);
    position.set_zoom(0.5f);
    QVERIFY(camera.absoluteMove(alice, position, {}, t0).ok());
    vigie::v1::SetPresetRequest set;
    set.set_name("Abribus");
    set.set_request_id("req-1");
    vigie::v1::Preset stored;
    QCOMPARE(camera.setPreset(alice, set, &stored, t0 + 100ms).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    QVERIFY(camera.setPreset(alice, set, &stored, t0 + 10s).ok());
    vigie::v1::Preset retried;
    QVERIFY(camera.setPreset(alice, set, &retried, t0 + 11s).ok());
    QCOMPARE(retried.id(), stored.id());
    QCOMPARE(camera.presets(t0 + 11s).presets_size(), 4);
    QCOMPARE(camera.presets(t0 + 11s).presets(0).name(), std::string("Abribus"));  // ordered by name

    QVERIFY(camera.gotoHome(alice, {}, t0 + 12s).ok());
    QVERIFY(camera.gotoPreset(alice, stored.id(), {}, t0 + 20s).ok());
    const auto back = camera.status({}, t0 + 30s).position();
    QVERIFY(std::abs(back.pan() - 0.25f) < 1e-5 && std::abs(back.tilt() + 0.5f) < 1e-5 &&
            std::abs(back.zoom() - 0.5f) < 1e-5);
    QVERIFY(camera.removePreset(alice, stored.id(), t0 + 31s).ok());
    QCOMPARE(camera.removePreset(alice, stored.id(), t0 + 31s).error_code(), grpc::StatusCode::NOT_FOUND);
    QCOMPARE(camera.gotoPreset(alice, stored.id(), {}, t0 + 31s).error_code(), grpc::StatusCode::NOT_FOUND);
    set.set_name("");
    QCOMPARE(camera.setPreset(alice, set, &stored, t0 + 32s).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

void TestSimPtzModel::tourVisitsItsSpotsAndPausesOnTakeover()
{
    const auto t0 = std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000));
    PtzCamera camera("ptz-01", t0);
    const auto alice = user("alice", 10);
    const auto tours = camera.tours(t0);
    QCOMPARE(tours.size(), std::size_t(1));
    vigie::v1::Tour tour;
    QVERIFY(camera.startTour(alice, tours[0].id(), &tour, t0).ok());
    QCOMPARE(tour.state(), vigie::v1::TOUR_STATE_RUNNING);
    auto lock = camera.lock(alice.id, t0);
    QCOMPARE(lock.holder_kind(), vigie::v1::LOCK_HOLDER_KIND_TOUR);
    QCOMPARE(lock.priority(), tours[0].priority());

    // Tick as the fleet does and watch the spots go by.
    std::vector<int> spots;
    for (auto t = t0; t < t0 + 40s; t += 40ms) {
        camera.tick(t);
        const auto status = camera.status({}, t);
        const int spot = camera.tours(t)[0].current_spot();
        if (spots.empty() || spots.back() != spot)
            spots.push_back(spot);
        QCOMPARE(status.tour_state(), vigie::v1::TOUR_STATE_RUNNING);
    }
    QVERIFY2(spots.size() >= 4, "the tour moves on from spot to spot, then starts again");
    QCOMPARE(spots[0], 0);
    QCOMPARE(spots[1], 1);
    QCOMPARE(spots[3], 0);

    // An operator (10) outranks the tour (5): the takeover pauses it; StartTour by the holder resumes.
    vigie::v1::PtzLock taken;
    QCOMPARE(camera.absoluteMove(alice, {}, {}, t0 + 40s).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    QVERIFY(camera.acquireLock(alice, true, 0ms, {}, &taken, t0 + 40s).ok());
    QCOMPARE(camera.tours(t0 + 40s)[0].state(), vigie::v1::TOUR_STATE_PAUSED);
    QVERIFY(camera.status({}, t0 + 40s).pan_tilt() == vigie::v1::PTZ_MOVE_STATUS_IDLE);
    QVERIFY(camera.startTour(alice, tours[0].id(), &tour, t0 + 41s).ok());
    QCOMPARE(tour.state(), vigie::v1::TOUR_STATE_RUNNING);
    QVERIFY(camera.pauseTour(alice, tours[0].id(), &tour, t0 + 42s).ok());
    QCOMPARE(tour.state(), vigie::v1::TOUR_STATE_PAUSED);
    QVERIFY(camera.stopTour(alice, tours[0].id(), &tour, t0 + 43s).ok());
    QCOMPARE(tour.state(), vigie::v1::TOUR_STATE_IDLE);
    QCOMPARE(camera.startTour(alice, "nope", &tour, t0 + 44s).error_code(), grpc::StatusCode::NOT_FOUND);
}

void TestSimPtzModel::viewFollowsThePan()
{
    const PanoramaScene scene(3000, 750);  // half size: same angles, faster to draw
    constexpr int kWidth = 320;
    constexpr int kHeight = 180;
    PanoramaViewRenderer renderer(kWidth, kHeight);
    std::vector<std::uint8_t> frame(renderer.frameBytes());
    renderer.render(scene, {0, 0, 0}, frame.data());
    const double home = mastColumn(frame, kWidth, kHeight);
    QVERIFY2(std::abs(home - 0.5) < 0.02, qPrintable(QString::number(home)));
    // Panning right by a sixth of the field of view moves the mast left by a sixth of the picture.
    const double pan = PtzMotion::kWideFovDeg / 6 / PtzMotion::kPanRangeDeg;
    renderer.render(scene, {pan, 0, 0}, frame.data());
    const double panned = mastColumn(frame, kWidth, kHeight);
    QVERIFY2(std::abs(panned - (0.5 - 1.0 / 6)) < 0.02, qPrintable(QString::number(panned)));
    // Zooming in at home keeps the mast centred and makes it wider (more red columns).
    renderer.render(scene, {0, 0, 0.5}, frame.data());
    QVERIFY(std::abs(mastColumn(frame, kWidth, kHeight) - 0.5) < 0.02);
    // Looking away: no mast.
    renderer.render(scene, {0.5, 0, 0}, frame.data());
    QCOMPARE(mastColumn(frame, kWidth, kHeight), -1.0);
}

QTEST_GUILESS_MAIN(TestSimPtzModel)
#include "test_sim_ptz_model.moc"
