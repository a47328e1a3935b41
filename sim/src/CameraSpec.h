#pragma once

#include <vigie/v1/directory.pb.h>

#include <cstdint>
#include <string>

namespace vigie::sim {

// How the simulator produces a camera's streams.
enum class CameraSource {
    Live,      // encoded live on demand (clock and name burnt in)
    Cheap,     // a pre-encoded clip relayed in a loop, no encoding
    External,  // a real camera: its URLs are listed as-is, nothing is served
    SharedClip,  // a directory-only camera (--directory-cameras): every one relays the same small clip
    Scene,     // a pre-encoded street scene relayed in a loop, with analytics that match its picture
    Ptz,       // a PTZ dome: its view of a synthetic panorama, rendered and encoded live (PtzVideoSource)
    None,      // disabled by configuration: listed, not served
};

// One camera as configured: its directory entry plus what the RTSP side needs.
struct CameraSpec {
    vigie::v1::Camera camera;  // streams are filled once the RTSP port is known (served cameras)
    CameraSource source = CameraSource::Live;
    vigie::v1::VideoCodec codec = vigie::v1::VIDEO_CODEC_H264;
    std::uint32_t backgroundArgb = 0xff404040;
    std::string externalMainUrl;
    std::string externalSubUrl;
    // Not empty: the camera starts OFFLINE with this reason (and unmounted) instead of ONLINE.
    std::string offlineReason;

    bool served() const
    {
        return source == CameraSource::Live || source == CameraSource::Cheap || source == CameraSource::SharedClip ||
               source == CameraSource::Scene || source == CameraSource::Ptz;
    }
};

} // namespace vigie::sim
