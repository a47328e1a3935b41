#include "PtzCamera.h"

#include <google/protobuf/util/time_util.h>

#include <algorithm>
#include <cmath>

namespace vigie::sim {

namespace {

vigie::v1::PtzPosition position(const PtzPose& pose)
{
    vigie::v1::PtzPosition position;
    position.set_pan(static_cast<float>(pose.pan));
    position.set_tilt(static_cast<float>(pose.tilt));
    position.set_zoom(static_cast<float>(pose.zoom));
    return position;
}

bool inRange(float value, float low, float high) { return std::isfinite(value) && value >= low && value <= high; }

grpc::Status invalid(const std::string& message) { return {grpc::StatusCode::INVALID_ARGUMENT, message}; }

grpc::Status checkSpeed(const vigie::v1::PtzSpeed& speed)
{
    if (!inRange(speed.pan_tilt(), 0, 1) || !inRange(speed.zoom(), 0, 1))
        return invalid("speeds must be in [0, 1]");
    return grpc::Status::OK;
}

vigie::v1::PtzSpeed speedOf(double panTilt, double zoom)
{
    vigie::v1::PtzSpeed speed;
    speed.set_pan_tilt(static_cast<float>(panTilt));
    speed.set_zoom(static_cast<float>(zoom));
    return speed;
}

} // namespace

PtzCamera::PtzCamera(std::string cameraId, TimePoint now) : m_id(std::move(cameraId)), m_motion({}, seconds(now))
{
    // A few presets over the landmarks of the panorama (PanoramaScene), so that a new camera has
    // something to go to; the home position looks straight ahead at the red mast.
    m_presets = {
        {"1", "Mât rouge", {0.0, 0.0, 0.35}},
        {"2", "Tour bleue", {0.5, 0.1, 0.2}},
        {"3", "Château d'eau", {-0.5, 0.1, 0.2}},
    };
    m_nextPresetNumber = 4;
    TourRun tour;
    tour.id = "tour-1";
    tour.name = "Ronde des repères";
    tour.priority = 5;  // below operators (10): any operator may take the camera from the tour
    for (const auto* preset : {"1", "2", "3"}) {
        TourSpot spot;
        spot.presetId = preset;
        spot.panTiltSpeed = 0.5;
        spot.zoomSpeed = 0.5;
        spot.dwell = std::chrono::seconds(3);
        tour.spots.push_back(spot);
    }
    m_tours.push_back(std::move(tour));
}

double PtzCamera::seconds(TimePoint time) { return std::chrono::duration<double>(time.time_since_epoch()).count(); }

std::chrono::milliseconds PtzCamera::clampLease(std::chrono::milliseconds wanted)
{
    if (wanted <= std::chrono::milliseconds::zero())
        return kDefaultLease;
    return std::clamp(wanted, kMinLease, kMaxLease);
}

void PtzCamera::tickLocked(TimePoint now)
{
    // The lease first, at its own deadline: the camera stops exactly where the lease ran out, however
    // late this tick comes.
    if (!m_driver.empty() && now >= m_leaseDeadline) {
        m_motion.stop(true, true, seconds(m_leaseDeadline));
        m_driver.clear();
        ++m_leaseLapses;
        m_lockChanged.notify_all();
    }
    const std::uint64_t versionBefore = m_lock.version();
    const std::string holderBefore = m_lock.held() ? m_lock.holder().id : std::string();
    m_lock.expire(now);
    afterLockChangeLocked(versionBefore, holderBefore, now);

    for (auto& tour : m_tours) {
        if (tour.state != vigie::v1::TOUR_STATE_RUNNING || tour.spots.empty())
            continue;
        m_motion.poseAt(seconds(now));
        PtzClaimant self{vigie::v1::LOCK_HOLDER_KIND_TOUR, tourClaimantId(tour.id), tour.id, tour.name, {},
                         tour.priority};
        // The tour holds its lock while it runs, renewed well before it would lapse.
        if (!m_lock.heldBy(self.id) || m_lock.expiresAt() - now < PtzControlLock::kDefaultDuration / 2)
            m_lock.claimForCommand(self, now);
        if (!tour.dwelling && !m_motion.moving()) {
            tour.dwelling = true;
            tour.dwellUntil = now + tour.spots[static_cast<std::size_t>(tour.currentSpot)].dwell;
        } else if (tour.dwelling && now >= tour.dwellUntil) {
            tour.currentSpot = (tour.currentSpot + 1) % static_cast<int>(tour.spots.size());
            startSpotLocked(tour, now);
        }
    }
}

void PtzCamera::afterLockChangeLocked(std::uint64_t versionBefore, const std::string& holderBefore, TimePoint now)
{
    if (m_lock.version() == versionBefore)
        return;
    const bool sameHolder = m_lock.held() && m_lock.holder().id == holderBefore;
    if (!sameHolder && !holderBefore.empty()) {
        // The previous holder lost the camera: whatever it drove stops first, its tour pauses.
        if (m_driver == holderBefore) {
            m_motion.stop(true, true, seconds(now));
            m_driver.clear();
        }
        for (auto& tour : m_tours) {
            if (tour.state == vigie::v1::TOUR_STATE_RUNNING && tourClaimantId(tour.id) == holderBefore) {
                tour.state = vigie::v1::TOUR_STATE_PAUSED;
                m_motion.stop(true, true, seconds(now));
            }
        }
    }
    m_lockChanged.notify_all();
}

void PtzCamera::tick(TimePoint now)
{
    std::lock_guard lock(m_mutex);
    tickLocked(now);
}

PtzPose PtzCamera::poseAt(TimePoint now)
{
    std::lock_guard lock(m_mutex);
    tickLocked(now);
    return m_motion.poseAt(seconds(now));
}

grpc::Status PtzCamera::claimLocked(const PtzClaimant& claimant, TimePoint now)
{
    tickLocked(now);
    const std::uint64_t versionBefore = m_lock.version();
    const std::string holderBefore = m_lock.held() ? m_lock.holder().id : std::string();
    if (m_lock.claimForCommand(claimant, now) == PtzControlLock::Outcome::HeldByOther) {
        const auto& holder = m_lock.holder();
        return {grpc::StatusCode::FAILED_PRECONDITION,
                "camera '" + m_id + "' is controlled by " + holder.displayName + " (" + holder.user + ", priority " +
                    std::to_string(holder.priority) + ")"};
    }
    afterLockChangeLocked(versionBefore, holderBefore, now);
    return grpc::Status::OK;
}

grpc::Status PtzCamera::drive(const PtzClaimant& claimant, std::uint64_t stream, const vigie::v1::PtzVelocity& velocity,
                              std::chrono::milliseconds lease, TimePoint now)
{
    if (!inRange(velocity.pan(), -1, 1) || !inRange(velocity.tilt(), -1, 1) || !inRange(velocity.zoom(), -1, 1))
        return invalid("velocities must be in [-1, 1]");
    std::lock_guard lock(m_mutex);
    const bool stopping = velocity.pan() == 0 && velocity.tilt() == 0 && velocity.zoom() == 0;
    if (stopping && !m_lock.heldBy(claimant.id)) {
        // A stop never takes the lock: the last zero of a stream released (or taken over) meanwhile must
        // not hand the camera back to its sender. It still stops what that sender set moving.
        tickLocked(now);
        if (m_driver == claimant.id) {
            m_motion.setVelocity(0, 0, 0, seconds(now));
            m_driver.clear();
        }
        return grpc::Status::OK;
    }
    if (auto status = claimLocked(claimant, now); !status.ok())
        return status;
    m_motion.setVelocity(velocity.pan(), velocity.tilt(), velocity.zoom(), seconds(now));
    if (stopping) {
        m_driver.clear();  // stopped on purpose: nothing for the lease to guard
    } else {
        m_driver = claimant.id;
        m_driverStream = stream;
        m_leaseDeadline = now + lease;
    }
    return grpc::Status::OK;
}

void PtzCamera::endControl(const std::string& claimantId, std::uint64_t stream, TimePoint now)
{
    std::lock_guard lock(m_mutex);
    tickLocked(now);
    if (m_driver != claimantId || m_driverStream != stream)
        return;
    m_motion.stop(true, true, seconds(now));
    m_driver.clear();
}

void PtzCamera::recordReceivedVelocity(const vigie::v1::PtzVelocity& velocity, TimePoint at)
{
    std::lock_guard lock(m_receivedMutex);
    m_received.at = at;
    m_received.pan = velocity.pan();
    m_received.tilt = velocity.tilt();
    ++m_received.count;
}

PtzCamera::ReceivedVelocity PtzCamera::lastReceivedVelocity() const
{
    std::lock_guard lock(m_receivedMutex);
    return m_received;
}

std::uint64_t PtzCamera::leaseLapses() const
{
    std::lock_guard lock(m_mutex);
    return m_leaseLapses;
}

void PtzCamera::moveLocked(const PtzPose& target, const vigie::v1::PtzSpeed& speed, TimePoint now)
{
    m_driver.clear();  // a move overrides the joystick
    m_motion.moveTo(target, speed.pan_tilt(), speed.zoom(), seconds(now));
}

grpc::Status PtzCamera::stop(const PtzClaimant& claimant, bool panTilt, bool zoom, TimePoint now)
{
    std::lock_guard lock(m_mutex);
    if (auto status = claimLocked(claimant, now); !status.ok())
        return status;
    m_motion.stop(panTilt, zoom, seconds(now));
    if (!m_motion.moving())
        m_driver.clear();
    return grpc::Status::OK;
}

grpc::Status PtzCamera::absoluteMove(const PtzClaimant& claimant, const vigie::v1::PtzPosition& position,
                                     const vigie::v1::PtzSpeed& speed, TimePoint now)
{
    if ((position.has_pan() && !inRange(position.pan(), -1, 1)) ||
        (position.has_tilt() && !inRange(position.tilt(), -1, 1)) ||
        (position.has_zoom() && !inRange(position.zoom(), 0, 1)))
        return invalid("position out of range: pan and tilt in [-1, 1], zoom in [0, 1]");
    if (auto status = checkSpeed(speed); !status.ok())
        return status;
    std::lock_guard lock(m_mutex);
    if (auto status = claimLocked(claimant, now); !status.ok())
        return status;
    PtzPose target = m_motion.poseAt(seconds(now));
    if (position.has_pan())
        target.pan = position.pan();
    if (position.has_tilt())
        target.tilt = position.tilt();
    if (position.has_zoom())
        target.zoom = position.zoom();
    moveLocked(target, speed, now);
    return grpc::Status::OK;
}

grpc::Status PtzCamera::relativeMove(const PtzClaimant& claimant, const vigie::v1::PtzTranslation& translation,
                                     const vigie::v1::PtzSpeed& speed, TimePoint now)
{
    if ((translation.has_pan() && !inRange(translation.pan(), -1, 1)) ||
        (translation.has_tilt() && !inRange(translation.tilt(), -1, 1)) ||
        (translation.has_zoom() && !inRange(translation.zoom(), -1, 1)))
        return invalid("translation out of range: every axis in [-1, 1]");
    if (auto status = checkSpeed(speed); !status.ok())
        return status;
    std::lock_guard lock(m_mutex);
    if (auto status = claimLocked(claimant, now); !status.ok())
        return status;
    // A fraction of each axis' whole range: pan and tilt span 2, zoom 1.
    PtzPose target = m_motion.poseAt(seconds(now));
    target.pan += 2 * translation.pan();
    target.tilt += 2 * translation.tilt();
    target.zoom += translation.zoom();
    moveLocked(target, speed, now);
    return grpc::Status::OK;
}

grpc::Status PtzCamera::centreOn(const PtzClaimant& claimant, double x, double y, TimePoint now)
{
    if (!inRange(static_cast<float>(x), 0, 1) || !inRange(static_cast<float>(y), 0, 1))
        return invalid("the point must be in normalised image coordinates [0, 1]");
    std::lock_guard lock(m_mutex);
    if (auto status = claimLocked(claimant, now); !status.ok())
        return status;
    moveLocked(m_motion.centredOn(x, y, kFrameAspect, seconds(now)), {}, now);
    return grpc::Status::OK;
}

grpc::Status PtzCamera::areaZoom(const PtzClaimant& claimant, const vigie::v1::NormalizedRect& area, TimePoint now)
{
    if (!inRange(area.x(), 0, 1) || !inRange(area.y(), 0, 1) || !(area.width() > 0) || !(area.height() > 0) ||
        area.x() + area.width() > 1.0001f || area.y() + area.height() > 1.0001f)
        return invalid("the area must be a non-empty rectangle inside the picture (normalised coordinates)");
    std::lock_guard lock(m_mutex);
    if (auto status = claimLocked(claimant, now); !status.ok())
        return status;
    moveLocked(m_motion.zoomedOnArea(area.x(), area.y(), area.width(), area.height(), kFrameAspect, seconds(now)), {},
               now);
    return grpc::Status::OK;
}

vigie::v1::PtzPosition PtzCamera::positionLocked(TimePoint now) { return position(m_motion.poseAt(seconds(now))); }

vigie::v1::PtzStatus PtzCamera::status(const std::string& callerId, TimePoint now)
{
    std::lock_guard lock(m_mutex);
    tickLocked(now);
    vigie::v1::PtzStatus status;
    status.set_camera_id(m_id);
    *status.mutable_position() = positionLocked(now);
    status.set_pan_tilt(m_motion.panTiltMoving() ? vigie::v1::PTZ_MOVE_STATUS_MOVING : vigie::v1::PTZ_MOVE_STATUS_IDLE);
    status.set_zoom(m_motion.zoomMoving() ? vigie::v1::PTZ_MOVE_STATUS_MOVING : vigie::v1::PTZ_MOVE_STATUS_IDLE);
    *status.mutable_camera_time() = google::protobuf::util::TimeUtil::MillisecondsToTimestamp(
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count());
    *status.mutable_lock() = m_lock.describe(m_id, callerId);
    for (const auto& tour : m_tours) {
        if (tour.state != vigie::v1::TOUR_STATE_IDLE) {
            status.set_tour_id(tour.id);
            status.set_tour_state(tour.state);
            break;
        }
    }
    if (status.tour_id().empty())
        status.set_tour_state(vigie::v1::TOUR_STATE_IDLE);
    return status;
}

const PtzCamera::StoredPreset* PtzCamera::findPresetLocked(const std::string& presetId) const
{
    for (const auto& preset : m_presets) {
        if (preset.id == presetId)
            return &preset;
    }
    return nullptr;
}

vigie::v1::ListPresetsResponse PtzCamera::presets(TimePoint now)
{
    std::lock_guard lock(m_mutex);
    tickLocked(now);
    std::vector<const StoredPreset*> sorted;
    for (const auto& preset : m_presets)
        sorted.push_back(&preset);
    std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->name < b->name; });
    vigie::v1::ListPresetsResponse response;
    for (const auto* preset : sorted) {
        auto* out = response.add_presets();
        out->set_id(preset->id);
        out->set_name(preset->name);
        *out->mutable_position() = position(preset->pose);
    }
    response.set_max_presets(kMaxPresets);
    response.set_has_home(true);  // the simulated dome always has one (straight ahead unless set)
    return response;
}

grpc::Status PtzCamera::gotoPreset(const PtzClaimant& claimant, const std::string& presetId,
                                   const vigie::v1::PtzSpeed& speed, TimePoint now)
{
    if (auto status = checkSpeed(speed); !status.ok())
        return status;
    std::lock_guard lock(m_mutex);
    const StoredPreset* preset = findPresetLocked(presetId);
    if (!preset)
        return {grpc::StatusCode::NOT_FOUND, "no preset '" + presetId + "' on camera '" + m_id + "'"};
    if (auto status = claimLocked(claimant, now); !status.ok())
        return status;
    moveLocked(preset->pose, speed, now);
    return grpc::Status::OK;
}

grpc::Status PtzCamera::setPreset(const PtzClaimant& claimant, const vigie::v1::SetPresetRequest& request,
                                  vigie::v1::Preset* stored, TimePoint now)
{
    if (request.name().empty() || request.name().size() > 64)
        return invalid("a preset needs a name of 1 to 64 characters");
    std::lock_guard lock(m_mutex);
    if (!request.request_id().empty()) {
        // A retried creation answers the preset the first attempt created.
        const auto it = m_presetRequests.find(request.request_id());
        if (it != m_presetRequests.end()) {
            if (const StoredPreset* preset = findPresetLocked(it->second)) {
                stored->set_id(preset->id);
                stored->set_name(preset->name);
                *stored->mutable_position() = position(preset->pose);
                return grpc::Status::OK;
            }
        }
    }
    if (!request.preset_id().empty() && !findPresetLocked(request.preset_id()))
        return {grpc::StatusCode::NOT_FOUND, "no preset '" + request.preset_id() + "' on camera '" + m_id + "'"};
    if (auto status = claimLocked(claimant, now); !status.ok())
        return status;
    const PtzPose pose = m_motion.poseAt(seconds(now));
    if (m_motion.moving())
        return {grpc::StatusCode::FAILED_PRECONDITION,
                "camera '" + m_id + "' is moving: stop it before storing a preset"};
    StoredPreset* target = nullptr;
    if (request.preset_id().empty()) {
        if (static_cast<int>(m_presets.size()) >= kMaxPresets)
            return {grpc::StatusCode::RESOURCE_EXHAUSTED,
                    "camera '" + m_id + "' has no free preset slot (" + std::to_string(kMaxPresets) + ")"};
        m_presets.push_back({std::to_string(m_nextPresetNumber++), request.name(), pose});
        target = &m_presets.back();
        if (!request.request_id().empty()) {
            if (m_presetRequests.size() >= 1024)
                m_presetRequests.clear();  // bounded memory; retries come within seconds
            m_presetRequests[request.request_id()] = target->id;
        }
    } else {
        target = &*std::find_if(m_presets.begin(), m_presets.end(),
                                [&](const StoredPreset& preset) { return preset.id == request.preset_id(); });
        target->name = request.name();
        target->pose = pose;
    }
    stored->set_id(target->id);
    stored->set_name(target->name);
    *stored->mutable_position() = position(target->pose);
    return grpc::Status::OK;
}

grpc::Status PtzCamera::removePreset(const PtzClaimant& claimant, const std::string& presetId, TimePoint now)
{
    std::lock_guard lock(m_mutex);
    if (!findPresetLocked(presetId))
        return {grpc::StatusCode::NOT_FOUND, "no preset '" + presetId + "' on camera '" + m_id + "'"};
    if (auto status = claimLocked(claimant, now); !status.ok())
        return status;
    std::erase_if(m_presets, [&](const StoredPreset& preset) { return preset.id == presetId; });
    return grpc::Status::OK;
}

grpc::Status PtzCamera::gotoHome(const PtzClaimant& claimant, const vigie::v1::PtzSpeed& speed, TimePoint now)
{
    if (auto status = checkSpeed(speed); !status.ok())
        return status;
    std::lock_guard lock(m_mutex);
    if (auto status = claimLocked(claimant, now); !status.ok())
        return status;
    moveLocked(m_home, speed, now);
    return grpc::Status::OK;
}

grpc::Status PtzCamera::setHome(const PtzClaimant& claimant, TimePoint now)
{
    std::lock_guard lock(m_mutex);
    if (auto status = claimLocked(claimant, now); !status.ok())
        return status;
    m_home = m_motion.poseAt(seconds(now));
    return grpc::Status::OK;
}

vigie::v1::Tour PtzCamera::describe(const TourRun& tour)
{
    vigie::v1::Tour out;
    out.set_id(tour.id);
    out.set_name(tour.name);
    out.set_state(tour.state);
    out.set_current_spot(tour.currentSpot);
    out.set_priority(tour.priority);
    for (const auto& spot : tour.spots) {
        auto* added = out.add_spots();
        if (spot.presetId.empty())
            *added->mutable_position() = position(spot.pose);
        else
            added->set_preset_id(spot.presetId);
        *added->mutable_speed() = speedOf(spot.panTiltSpeed, spot.zoomSpeed);
        added->mutable_dwell()->set_seconds(spot.dwell.count() / 1000);
        added->mutable_dwell()->set_nanos(static_cast<int>(spot.dwell.count() % 1000) * 1'000'000);
    }
    return out;
}

PtzCamera::TourRun* PtzCamera::findTourLocked(const std::string& tourId)
{
    for (auto& tour : m_tours) {
        if (tour.id == tourId)
            return &tour;
    }
    return nullptr;
}

void PtzCamera::startSpotLocked(TourRun& tour, TimePoint now)
{
    const TourSpot& spot = tour.spots[static_cast<std::size_t>(tour.currentSpot)];
    PtzPose target = spot.pose;
    if (!spot.presetId.empty()) {
        // A removed preset leaves the camera where it is for this spot's dwell.
        const StoredPreset* preset = findPresetLocked(spot.presetId);
        target = preset ? preset->pose : m_motion.poseAt(seconds(now));
    }
    m_motion.moveTo(target, spot.panTiltSpeed, spot.zoomSpeed, seconds(now));
    tour.dwelling = false;
}

std::vector<vigie::v1::Tour> PtzCamera::tours(TimePoint now)
{
    std::lock_guard lock(m_mutex);
    tickLocked(now);
    std::vector<vigie::v1::Tour> result;
    for (const auto& tour : m_tours)
        result.push_back(describe(tour));
    return result;
}

grpc::Status PtzCamera::startTour(const PtzClaimant& claimant, const std::string& tourId, vigie::v1::Tour* out,
                                  TimePoint now)
{
    std::lock_guard lock(m_mutex);
    TourRun* tour = findTourLocked(tourId);
    if (!tour)
        return {grpc::StatusCode::NOT_FOUND, "no tour '" + tourId + "' on camera '" + m_id + "'"};
    if (tour->state != vigie::v1::TOUR_STATE_RUNNING) {
        if (auto status = claimLocked(claimant, now); !status.ok())
            return status;
        // The tour runs under a lock of its own at its priority: the operator who started it hands over.
        const std::uint64_t versionBefore = m_lock.version();
        m_lock.release(claimant.id);
        m_driver.clear();
        for (auto& other : m_tours) {
            if (other.state != vigie::v1::TOUR_STATE_IDLE && &other != tour)
                other.state = vigie::v1::TOUR_STATE_IDLE;  // one tour at a time
        }
        PtzClaimant self{vigie::v1::LOCK_HOLDER_KIND_TOUR, tourClaimantId(tour->id), tour->id, tour->name, {},
                         tour->priority};
        m_lock.claimForCommand(self, now);
        if (tour->state == vigie::v1::TOUR_STATE_IDLE)
            tour->currentSpot = 0;
        tour->state = vigie::v1::TOUR_STATE_RUNNING;
        startSpotLocked(*tour, now);
        if (m_lock.version() != versionBefore)
            m_lockChanged.notify_all();
    }
    *out = describe(*tour);
    return grpc::Status::OK;
}

grpc::Status PtzCamera::tourCommandLocked(const PtzClaimant& claimant, const std::string& tourId, TimePoint now,
                                          TourRun** tour)
{
    *tour = findTourLocked(tourId);
    if (!*tour)
        return {grpc::StatusCode::NOT_FOUND, "no tour '" + tourId + "' on camera '" + m_id + "'"};
    tickLocked(now);
    // The tour itself, or the caller holding the lock, may stop or pause it; anyone else must win the lock.
    const std::string self = tourClaimantId((*tour)->id);
    if (m_lock.held() && m_lock.holder().id != self && m_lock.holder().id != claimant.id)
        return claimLocked(claimant, now);
    return grpc::Status::OK;
}

grpc::Status PtzCamera::stopTour(const PtzClaimant& claimant, const std::string& tourId, vigie::v1::Tour* out,
                                 TimePoint now)
{
    std::lock_guard lock(m_mutex);
    TourRun* tour = nullptr;
    if (auto status = tourCommandLocked(claimant, tourId, now, &tour); !status.ok())
        return status;
    const std::string self = tourClaimantId(tour->id);
    if (tour->state == vigie::v1::TOUR_STATE_RUNNING)
        m_motion.stop(true, true, seconds(now));  // "the camera stays where it is"
    tour->state = vigie::v1::TOUR_STATE_IDLE;
    tour->currentSpot = 0;
    if (m_lock.release(self))
        m_lockChanged.notify_all();
    *out = describe(*tour);
    return grpc::Status::OK;
}

grpc::Status PtzCamera::pauseTour(const PtzClaimant& claimant, const std::string& tourId, vigie::v1::Tour* out,
                                  TimePoint now)
{
    std::lock_guard lock(m_mutex);
    TourRun* tour = nullptr;
    if (auto status = tourCommandLocked(claimant, tourId, now, &tour); !status.ok())
        return status;
    const std::string self = tourClaimantId(tour->id);
    if (tour->state == vigie::v1::TOUR_STATE_RUNNING) {
        m_motion.stop(true, true, seconds(now));
        tour->state = vigie::v1::TOUR_STATE_PAUSED;
        // A paused tour commands nothing: its lock goes, so that the operator can move the camera.
        if (m_lock.release(self))
            m_lockChanged.notify_all();
    }
    *out = describe(*tour);
    return grpc::Status::OK;
}

grpc::Status PtzCamera::acquireLock(const PtzClaimant& claimant, bool takeover, std::chrono::milliseconds duration,
                                    const std::string& reason, vigie::v1::PtzLock* out, TimePoint now)
{
    std::lock_guard lock(m_mutex);
    tickLocked(now);
    const std::uint64_t versionBefore = m_lock.version();
    const std::string holderBefore = m_lock.held() ? m_lock.holder().id : std::string();
    if (m_lock.acquire(claimant, takeover, duration, reason, now) == PtzControlLock::Outcome::HeldByOther) {
        const auto& holder = m_lock.holder();
        const bool outranked = takeover && claimant.priority <= holder.priority;
        return {grpc::StatusCode::FAILED_PRECONDITION,
                "camera '" + m_id + "' is controlled by " + holder.displayName + " (" + holder.user + ", priority " +
                    std::to_string(holder.priority) + ")" +
                    (outranked ? ": a takeover needs a strictly higher priority than " : "") +
                    (outranked ? std::to_string(holder.priority) : "")};
    }
    afterLockChangeLocked(versionBefore, holderBefore, now);
    *out = m_lock.describe(m_id, claimant.id);
    return grpc::Status::OK;
}

vigie::v1::PtzLock PtzCamera::releaseLock(const std::string& claimantId, TimePoint now)
{
    std::lock_guard lock(m_mutex);
    tickLocked(now);
    const std::uint64_t versionBefore = m_lock.version();
    if (m_lock.release(claimantId)) {
        if (m_driver == claimantId) {
            m_motion.stop(true, true, seconds(now));
            m_driver.clear();
        }
        afterLockChangeLocked(versionBefore, {}, now);
    }
    return m_lock.describe(m_id, claimantId);
}

vigie::v1::PtzLock PtzCamera::lock(const std::string& callerId, TimePoint now)
{
    std::lock_guard lock(m_mutex);
    tickLocked(now);
    return m_lock.describe(m_id, callerId);
}

bool PtzCamera::lockHeldBy(const std::string& claimantId, TimePoint now)
{
    std::lock_guard lock(m_mutex);
    tickLocked(now);
    return m_lock.heldBy(claimantId);
}

std::uint64_t PtzCamera::lockVersion() const
{
    std::lock_guard lock(m_mutex);
    return m_lock.version();
}

void PtzCamera::waitForLockChange(std::uint64_t seen, std::chrono::steady_clock::time_point deadline)
{
    std::unique_lock lock(m_mutex);
    m_lockChanged.wait_until(lock, deadline, [&] { return m_closed || m_lock.version() != seen; });
}

void PtzCamera::close()
{
    std::lock_guard lock(m_mutex);
    m_closed = true;
    m_lockChanged.notify_all();
}

bool PtzCamera::closed() const
{
    std::lock_guard lock(m_mutex);
    return m_closed;
}

} // namespace vigie::sim
