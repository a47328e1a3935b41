#pragma once

#include <vigie/v1/directory.pb.h>

namespace vigie::sim {

// The two streams every served camera has. Shared by the directory (StreamProfile) and the RTSP
// pipelines so that what is announced is what is served.
struct StreamFormat {
    vigie::v1::StreamRole role;
    const char* pathSuffix;  // rtsp://host:port/<camera-id>/<pathSuffix>
    int width;
    int height;
    int fps;
    int bitrateKbps;
};

inline constexpr StreamFormat kMainStream{vigie::v1::STREAM_ROLE_MAIN, "main", 1280, 720, 25, 2000};
inline constexpr StreamFormat kSubStream{vigie::v1::STREAM_ROLE_SUB, "sub", 640, 360, 25, 500};
inline constexpr StreamFormat kServedStreams[] = {kMainStream, kSubStream};

} // namespace vigie::sim
