#include "CameraRightsPolicy.h"

#include <algorithm>
#include <set>

namespace vigie::sim {

namespace {

using namespace vigie::v1;

std::set<Right> roleDefaults(Role role)
{
    // Each role includes the one below it, following the role comments of auth.proto.
    std::set<Right> rights;
    switch (role) {
    case ROLE_ADMINISTRATOR:
        rights.insert(RIGHT_LIFT_PRIVACY_MASK);
        [[fallthrough]];
    case ROLE_SUPERVISOR:
        // The video wall is shared by the whole control room: what it shows is the shift supervisor's
        // call (auth.proto gives wall control to supervisors). Operators choose what their own screens
        // show, and a site that wants them to drive the wall grants RIGHT_CONTROL_WALL in its users'
        // `rights`.
        rights.insert({RIGHT_CONTROL_WALL, RIGHT_READ_AUDIT});
        [[fallthrough]];
    case ROLE_INVESTIGATOR:
        rights.insert({RIGHT_VIEW_RECORDINGS, RIGHT_EXPORT, RIGHT_MANAGE_BOOKMARKS});
        [[fallthrough]];
    case ROLE_OPERATOR:
        rights.insert({RIGHT_PTZ, RIGHT_MANAGE_ALARMS});
        [[fallthrough]];
    case ROLE_VIEWER:
        rights.insert(RIGHT_VIEW_LIVE);
        break;
    default:
        break;
    }
    return rights;
}

} // namespace

std::vector<Right> CameraRightsPolicy::defaultsFor(const User& user)
{
    std::set<Right> rights;
    for (const int role : user.roles())
        rights.merge(roleDefaults(static_cast<Role>(role)));
    return {rights.begin(), rights.end()};
}

std::vector<CameraRights> CameraRightsPolicy::effectiveRights(const UserAccount& account)
{
    if (!account.rights.empty())
        return account.rights;
    CameraRights all;
    for (const Right right : defaultsFor(account.user))
        all.add_rights(right);
    return {all};
}

std::vector<Right> CameraRightsPolicy::rightsOn(const Session& session, const std::string& cameraId)
{
    const CameraRights* fallback = nullptr;
    for (const auto& entry : session.rights()) {
        if (entry.camera_id() == cameraId) {
            fallback = &entry;
            break;
        }
        if (entry.camera_id().empty())
            fallback = &entry;
    }
    std::vector<Right> rights;
    if (fallback) {
        for (const int right : fallback->rights())
            rights.push_back(static_cast<Right>(right));
    }
    return rights;
}

bool CameraRightsPolicy::canSee(const Session& session, const std::string& cameraId)
{
    return !rightsOn(session, cameraId).empty();
}

bool CameraRightsPolicy::has(const Session& session, const std::string& cameraId, Right right)
{
    const auto rights = rightsOn(session, cameraId);
    return std::find(rights.begin(), rights.end(), right) != rights.end();
}

bool CameraRightsPolicy::holdsAnywhere(const Session& session, Right right)
{
    for (const auto& entry : session.rights()) {
        for (const int held : entry.rights()) {
            if (held == right)
                return true;
        }
    }
    return false;
}

grpc::Status CameraRightsPolicy::require(const vigie::v1::Session& session, const std::string& cameraId, bool known,
                                         vigie::v1::Right right)
{
    if (cameraId.empty())
        return {grpc::StatusCode::INVALID_ARGUMENT, "camera_id is required"};
    if (!known || !canSee(session, cameraId))
        return {grpc::StatusCode::NOT_FOUND, "no camera '" + cameraId + "'"};
    if (!has(session, cameraId, right))
        return {grpc::StatusCode::PERMISSION_DENIED,
                "user '" + session.user().name() + "' lacks " + vigie::v1::Right_Name(right) + " on camera '" +
                    cameraId + "'"};
    return grpc::Status::OK;
}

} // namespace vigie::sim
