#include "EvidenceLockStore.h"

#include <google/protobuf/util/time_util.h>

#include <algorithm>

namespace vigie::sim {

namespace {

using google::protobuf::util::TimeUtil;

constexpr std::size_t kRememberedRequests = 100'000;

std::int64_t msOf(const google::protobuf::Timestamp& t) { return TimeUtil::TimestampToMilliseconds(t); }

bool blank(const std::string& text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

} // namespace

EvidenceLockStore::EvidenceLockStore(Clock clock) : m_clock(std::move(clock)) {}

vigie::v1::EvidenceLock EvidenceLockStore::current(const vigie::v1::EvidenceLock& lock, std::int64_t nowMs) const
{
    vigie::v1::EvidenceLock result = lock;
    if (result.state() == vigie::v1::EVIDENCE_LOCK_STATE_ACTIVE && result.has_hold_until() &&
        msOf(result.hold_until()) <= nowMs)
        result.set_state(vigie::v1::EVIDENCE_LOCK_STATE_EXPIRED);
    return result;
}

bool EvidenceLockStore::holdsLocked(const std::string& cameraId, std::int64_t startMs, std::int64_t endMs,
                                    std::int64_t nowMs) const
{
    for (const auto& [id, stored] : m_locks) {
        const auto lock = current(stored, nowMs);
        if (lock.state() != vigie::v1::EVIDENCE_LOCK_STATE_ACTIVE)
            continue;
        if (std::find(lock.camera_ids().begin(), lock.camera_ids().end(), cameraId) == lock.camera_ids().end())
            continue;
        const std::int64_t start = msOf(lock.range().start());
        const std::int64_t end = msOf(lock.range().end());
        if (start < endMs && startMs < end)
            return true;
    }
    return false;
}

EvidenceLockStore::Outcome EvidenceLockStore::create(const vigie::v1::CreateEvidenceLockRequest& request,
                                                     const Actor& actor, std::int64_t availableFromMs)
{
    Outcome outcome;
    std::lock_guard lock(m_mutex);
    if (!request.request_id().empty()) {
        if (const auto it = m_requests.find(request.request_id()); it != m_requests.end()) {
            if (it->second.user != actor.user || it->second.release)
                outcome.status = {grpc::StatusCode::INVALID_ARGUMENT,
                                  "request_id '" + request.request_id() + "' was already used for another request"};
            else
                outcome.lock = it->second.result;
            return outcome;
        }
    }
    if (request.camera_ids().empty()) {
        outcome.status = {grpc::StatusCode::INVALID_ARGUMENT, "an evidence lock needs at least one camera"};
        return outcome;
    }
    if (request.procedure_number().empty() || blank(request.procedure_number())) {
        outcome.status = {grpc::StatusCode::INVALID_ARGUMENT,
                          "an evidence lock must cite the judicial procedure (procedure_number)"};
        return outcome;
    }
    if (request.reason().empty() || blank(request.reason())) {
        outcome.status = {grpc::StatusCode::INVALID_ARGUMENT, "an evidence lock needs a reason"};
        return outcome;
    }
    if (!request.range().has_start() || !request.range().has_end() ||
        msOf(request.range().start()) >= msOf(request.range().end())) {
        outcome.status = {grpc::StatusCode::INVALID_ARGUMENT, "the range needs a start before its end"};
        return outcome;
    }
    const std::int64_t start = msOf(request.range().start());
    const std::int64_t now = m_clock();
    if (start < availableFromMs) {
        // Only what another active lock still holds survived before the window.
        for (const auto& camera : request.camera_ids()) {
            if (!holdsLocked(camera, start, std::min(availableFromMs, msOf(request.range().end())), now)) {
                outcome.status = {grpc::StatusCode::OUT_OF_RANGE,
                                  "part of the range is before the retention window: the recordings of camera '" +
                                      camera + "' there are already destroyed (nothing was locked)"};
                return outcome;
            }
        }
    }
    vigie::v1::EvidenceLock& created = outcome.lock;
    created.set_id("lock-" + std::to_string(m_nextId++));
    std::set<std::string> unique(request.camera_ids().begin(), request.camera_ids().end());
    for (const auto& camera : unique)
        created.add_camera_ids(camera);
    *created.mutable_range() = request.range();
    created.set_procedure_number(request.procedure_number());
    created.set_requesting_authority(request.requesting_authority());
    created.set_reason(request.reason());
    created.set_state(vigie::v1::EVIDENCE_LOCK_STATE_ACTIVE);
    created.set_created_by(actor.user);
    created.set_created_by_display_name(actor.displayName);
    *created.mutable_created_at() = TimeUtil::MillisecondsToTimestamp(now);
    if (request.has_hold_until())
        *created.mutable_hold_until() = request.hold_until();
    m_locks[created.id()] = created;
    if (!request.request_id().empty()) {
        m_requests[request.request_id()] = {actor.user, created.id(), false, created};
        m_requestOrder.push_back(request.request_id());
        while (m_requestOrder.size() > kRememberedRequests) {
            m_requests.erase(m_requestOrder.front());
            m_requestOrder.pop_front();
        }
    }
    outcome.lock = current(created, now);
    return outcome;
}

EvidenceLockStore::Outcome EvidenceLockStore::release(const vigie::v1::ReleaseEvidenceLockRequest& request,
                                                      const Actor& actor)
{
    Outcome outcome;
    std::lock_guard lock(m_mutex);
    if (!request.request_id().empty()) {
        if (const auto it = m_requests.find(request.request_id()); it != m_requests.end()) {
            if (it->second.user != actor.user || !it->second.release || it->second.lockId != request.lock_id())
                outcome.status = {grpc::StatusCode::INVALID_ARGUMENT,
                                  "request_id '" + request.request_id() + "' was already used for another request"};
            else
                outcome.lock = it->second.result;
            return outcome;
        }
    }
    const auto it = m_locks.find(request.lock_id());
    if (it == m_locks.end()) {
        outcome.status = {grpc::StatusCode::NOT_FOUND, "no evidence lock '" + request.lock_id() + "'"};
        return outcome;
    }
    if (request.reason().empty() || blank(request.reason())) {
        outcome.status = {grpc::StatusCode::INVALID_ARGUMENT, "releasing an evidence lock needs a reason"};
        return outcome;
    }
    const std::int64_t now = m_clock();
    if (current(it->second, now).state() != vigie::v1::EVIDENCE_LOCK_STATE_ACTIVE) {
        outcome.status = {grpc::StatusCode::FAILED_PRECONDITION,
                          "evidence lock '" + request.lock_id() + "' is no longer active"};
        outcome.lock = current(it->second, now);
        return outcome;
    }
    it->second.set_state(vigie::v1::EVIDENCE_LOCK_STATE_RELEASED);
    it->second.set_released_by(actor.user);
    *it->second.mutable_released_at() = TimeUtil::MillisecondsToTimestamp(now);
    it->second.set_release_reason(request.reason());
    outcome.lock = it->second;
    if (!request.request_id().empty()) {
        m_requests[request.request_id()] = {actor.user, it->first, true, it->second};
        m_requestOrder.push_back(request.request_id());
        while (m_requestOrder.size() > kRememberedRequests) {
            m_requests.erase(m_requestOrder.front());
            m_requestOrder.pop_front();
        }
    }
    return outcome;
}

std::optional<vigie::v1::EvidenceLock> EvidenceLockStore::get(const std::string& id) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_locks.find(id);
    if (it == m_locks.end())
        return std::nullopt;
    return current(it->second, m_clock());
}

EvidenceLockStore::Page EvidenceLockStore::list(const Query& query) const
{
    Page page;
    const std::int64_t now = m_clock();
    std::vector<vigie::v1::EvidenceLock> matches;
    {
        std::lock_guard lock(m_mutex);
        for (const auto& [id, stored] : m_locks) {
            auto candidate = current(stored, now);
            if (!query.includeInactive && candidate.state() != vigie::v1::EVIDENCE_LOCK_STATE_ACTIVE)
                continue;
            if (!query.procedureNumber.empty() && candidate.procedure_number() != query.procedureNumber)
                continue;
            const bool seen = std::any_of(candidate.camera_ids().begin(), candidate.camera_ids().end(),
                                          [&](const std::string& camera) { return query.cameraIds.count(camera) > 0; });
            if (!seen)
                continue;
            if (query.range && !(msOf(candidate.range().start()) < query.range->second &&
                                 query.range->first < msOf(candidate.range().end())))
                continue;
            matches.push_back(std::move(candidate));
        }
    }
    std::sort(matches.begin(), matches.end(), [](const auto& a, const auto& b) {
        if (msOf(a.created_at()) != msOf(b.created_at()))
            return msOf(a.created_at()) > msOf(b.created_at());
        return std::stoll(a.id().substr(5)) > std::stoll(b.id().substr(5));
    });
    page.total = matches.size();
    for (std::size_t i = query.offset; i < matches.size() && page.locks.size() < query.limit; ++i)
        page.locks.push_back(std::move(matches[i]));
    page.more = query.offset + page.locks.size() < matches.size();
    return page;
}

std::vector<std::pair<std::int64_t, std::int64_t>> EvidenceLockStore::heldRanges(const std::string& cameraId) const
{
    std::vector<std::pair<std::int64_t, std::int64_t>> ranges;
    const std::int64_t now = m_clock();
    std::lock_guard lock(m_mutex);
    for (const auto& [id, stored] : m_locks) {
        const auto candidate = current(stored, now);
        if (candidate.state() != vigie::v1::EVIDENCE_LOCK_STATE_ACTIVE)
            continue;
        if (std::find(candidate.camera_ids().begin(), candidate.camera_ids().end(), cameraId) ==
            candidate.camera_ids().end())
            continue;
        ranges.emplace_back(msOf(candidate.range().start()), msOf(candidate.range().end()));
    }
    std::sort(ranges.begin(), ranges.end());
    return ranges;
}

bool EvidenceLockStore::holds(const std::string& cameraId, std::int64_t startMs, std::int64_t endMs) const
{
    const std::int64_t now = m_clock();
    std::lock_guard lock(m_mutex);
    return holdsLocked(cameraId, startMs, endMs, now);
}

} // namespace vigie::sim
