#pragma once

#include "UserAccount.h"

#include <grpcpp/support/status.h>

#include <string>
#include <vector>

namespace vigie::sim {

// What a role may do by default, and what a session may do on one camera.
class CameraRightsPolicy {
public:
    // The union of the defaults of the user's roles.
    static std::vector<vigie::v1::Right> defaultsFor(const vigie::v1::User& user);
    // The rights to put in a Session: the configured ones, else the role defaults on every camera.
    static std::vector<vigie::v1::CameraRights> effectiveRights(const UserAccount& account);
    // The rights on one camera: its own entry, else the entry with an empty camera_id, else none.
    static std::vector<vigie::v1::Right> rightsOn(const vigie::v1::Session& session,
                                                  const std::string& cameraId);
    // A camera is visible to a session that has at least one right on it.
    static bool canSee(const vigie::v1::Session& session, const std::string& cameraId);
    // Whether the session has `right` on one camera.
    static bool has(const vigie::v1::Session& session, const std::string& cameraId, vigie::v1::Right right);
    // Whether any entry of the session grants `right`: for rights that are not about one camera
    // (RIGHT_CONTROL_WALL), which a user holds whatever camera its entry was written for.
    static bool holdsAnywhere(const vigie::v1::Session& session, vigie::v1::Right right);
    // A call about one camera: INVALID_ARGUMENT without an id, NOT_FOUND for a camera that is not `known`
    // (in the directory) or that the session may not see, PERMISSION_DENIED without `right`, else OK.
    static grpc::Status require(const vigie::v1::Session& session, const std::string& cameraId, bool known,
                                vigie::v1::Right right);
};

} // namespace vigie::sim
