#include "DirectoryMapping.h"

namespace vigie::rpc {

namespace {

QString fromStd(const std::string& s)
{
    return QString::fromStdString(s);
}

QString codecName(vigie::v1::VideoCodec codec)
{
    switch (codec) {
    case vigie::v1::VIDEO_CODEC_H264: return QStringLiteral("h264");
    case vigie::v1::VIDEO_CODEC_H265: return QStringLiteral("h265");
    case vigie::v1::VIDEO_CODEC_MJPEG: return QStringLiteral("mjpeg");
    default: return QStringLiteral("unknown");
    }
}

}  // namespace

CameraInfo toCameraInfo(const vigie::v1::Camera& camera)
{
    CameraInfo info;
    info.id = fromStd(camera.id());
    info.name = fromStd(camera.name());
    info.siteId = fromStd(camera.site_id());
    for (const auto& tag : camera.tags())
        info.tags << fromStd(tag);
    for (const auto& profile : camera.streams()) {
        if (profile.role() != vigie::v1::STREAM_ROLE_MAIN && profile.role() != vigie::v1::STREAM_ROLE_SUB)
            continue;  // metadata streams carry no video
        StreamInfo stream;
        stream.role = profile.role() == vigie::v1::STREAM_ROLE_SUB ? StreamRole::Sub : StreamRole::Main;
        stream.codec = codecName(profile.codec());
        stream.width = profile.width();
        stream.height = profile.height();
        stream.fps = profile.fps();
        stream.url = fromStd(profile.url());
        info.streams << stream;
    }
    info.online = camera.state() == vigie::v1::CAMERA_STATE_ONLINE;
    info.stateReason = fromStd(camera.state_reason());
    info.hasPtz = camera.has_ptz();
    info.recording = camera.recording();
    return info;
}

SiteInfo toSiteInfo(const vigie::v1::Site& site)
{
    return SiteInfo{fromStd(site.id()), fromStd(site.name()), fromStd(site.parent_id())};
}

}  // namespace vigie::rpc
