#pragma once

#include <vigie/v1/auth.pb.h>

#include <string>
#include <vector>

namespace vigie::sim {

// A user who may log in, as configured.
struct UserAccount {
    vigie::v1::User user;
    std::string password;
    bool disabled = false;
    // Empty: the roles' defaults on every camera.
    std::vector<vigie::v1::CameraRights> rights;
};

} // namespace vigie::sim
