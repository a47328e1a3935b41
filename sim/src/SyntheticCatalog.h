#pragma once

#include "CameraSpec.h"
#include "UserAccount.h"
#include "WallStore.h"

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
    // scene-01..scene-NN: street corners whose pre-encoded street scene comes with analytics
    // (CameraSource::Scene).
    static std::vector<CameraSpec> sceneCameras(int count, const std::vector<vigie::v1::Site>& sites);
    // ptz-01..ptz-NN: PTZ domes (CameraSource::Ptz) with every PTZ ability but focus and iris.
    static std::vector<CameraSpec> ptzCameras(int count, const std::vector<vigie::v1::Site>& sites);
    // dir-0001..dir-NNNN, directory-only cameras for scale: street names, tags, some PTZ or recorded,
    // one in ten offline with a reason. They all relay one shared clip (CameraSource::SharedClip).
    static std::vector<CameraSpec> directoryCameras(int count, const std::vector<vigie::v1::Site>& sites);
    // Two walls: "wall-a" (two monitors side by side: a 2x2 of the first four served cameras and the
    // fifth alone) and "wall-b" (one monitor, cleared).
    static std::vector<WallStore::Definition> defaultWalls(const std::vector<CameraSpec>& cameras);
};

} // namespace vigie::sim
