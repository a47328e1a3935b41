#include "CameraEntries.h"

namespace vigie::app {

vigie::widgets::CameraEntry toCameraEntry(const vigie::rpc::CameraInfo& camera, const QList<vigie::rpc::SiteInfo>& sites)
{
    vigie::widgets::CameraEntry entry;
    entry.id = camera.id;
    entry.name = camera.name;
    entry.siteId = camera.siteId;
    entry.siteName = camera.siteId;
    for (const auto& site : sites)
        if (site.id == camera.siteId)
            entry.siteName = site.name;
    entry.tags = camera.tags;
    entry.online = camera.online;
    entry.stateReason = camera.stateReason;
    entry.hasPtz = camera.hasPtz;
    entry.recording = camera.recording;
    return entry;
}

QList<vigie::widgets::CameraEntry> toCameraEntries(const QList<vigie::rpc::CameraInfo>& cameras,
                                                   const QList<vigie::rpc::SiteInfo>& sites)
{
    QList<vigie::widgets::CameraEntry> entries;
    entries.reserve(cameras.size());
    for (const auto& camera : cameras)
        entries << toCameraEntry(camera, sites);
    return entries;
}

}  // namespace vigie::app
