#pragma once
// Directory entries as the camera tree shows them.

#include <QList>

#include "vigie/rpc/DirectoryTypes.h"
#include "vigie/widgets/CameraEntry.h"

namespace vigie::app {

vigie::widgets::CameraEntry toCameraEntry(const vigie::rpc::CameraInfo& camera, const QList<vigie::rpc::SiteInfo>& sites);
QList<vigie::widgets::CameraEntry> toCameraEntries(const QList<vigie::rpc::CameraInfo>& cameras,
                                                   const QList<vigie::rpc::SiteInfo>& sites);

}  // namespace vigie::app
