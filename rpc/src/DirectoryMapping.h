#pragma once
// Conversion of directory messages into the client's value types, in one place.

#include "vigie/rpc/DirectoryTypes.h"
#include "vigie/v1/directory.pb.h"

namespace vigie::rpc {

CameraInfo toCameraInfo(const vigie::v1::Camera& camera);
SiteInfo toSiteInfo(const vigie::v1::Site& site);

}  // namespace vigie::rpc
