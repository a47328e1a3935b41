#pragma once

#include "CameraSpec.h"
#include "UserAccount.h"

#include <vector>

namespace vigie::sim {

// The built-in content used when no configuration says otherwise: four users, four sites of a
// French town and synthetic cameras with plausible street names.
class SyntheticCatalog {
public:
    static std::vector<UserAccount> defaultUsers();
    static std::vector<vigie::v1::Site> defaultSites();

    // cam-01..cam-NN spread over `sites` (not empty); every `h265Every`th one is H.265 (0 = none).
    static std::vector<CameraSpec> liveCameras(int count, int h265Every,
                                               const std::vector<vigie::v1::Site>& sites);
    // cheap-01..cheap-NN for load tests.
    static std::vector<CameraSpec> cheapCameras(int count, vigie::v1::VideoCodec codec,
                                                const std::vector<vigie::v1::Site>& sites);
};

} // namespace vigie::sim
