#pragma once

#include "CameraSpec.h"
#include "EncodedClip.h"
#include "PanoramaScene.h"
#include "PtzCamera.h"
#include "StreamFormat.h"

#include <gst/rtsp-server/rtsp-media-factory.h>

#include <memory>
#include <string>

namespace vigie::sim {

// RTSP media factories for the simulator's streams. Live factories are shared (one pipeline and one
// encoder per mount whatever the number of viewers); every factory builds its pipeline only when a
// client asks for the stream.
class CameraPipelines {
public:
    // Synthetic live picture (moving ball on the camera's colour, camera name and wall clock burnt in),
    // encoded live in the camera's codec.
    static GstRTSPMediaFactory* createLiveFactory(const CameraSpec& camera, const StreamFormat& format);
    // A pre-encoded clip relayed in a loop, without encoding, on the wall-clock schedule of its barcodes;
    // one relay pipeline per viewer.
    static GstRTSPMediaFactory* createClipFactory(std::shared_ptr<const EncodedClip> clip,
                                                  vigie::v1::VideoCodec codec);

    // A PTZ dome's live view of the panorama (PtzVideoSource), encoded live in the camera's codec; one
    // shared pipeline per stream. `ptz` and `scene` must outlive the factory's pipelines.
    static GstRTSPMediaFactory* createPtzFactory(const CameraSpec& camera, const StreamFormat& format, PtzCamera& ptz,
                                                 std::shared_ptr<const PanoramaScene> scene);

    // The gst-launch description of a live stream (without the text, set when the media is built).
    static std::string liveDescription(const CameraSpec& camera, const StreamFormat& format);
};

} // namespace vigie::sim
