#pragma once

#include "EncodedClip.h"
#include "StreamFormat.h"

#include <vigie/v1/directory.pb.h>

#include <functional>
#include <memory>
#include <string>

namespace vigie::sim {

// What a clip shows: the load-test ball, or the street scene of the scene cameras (SceneScript).
enum class ClipContent { Ball, Scene };

// What a pre-encoded clip looks like. Part of the cache key.
struct ClipFormat {
    ClipContent content = ClipContent::Ball;
    vigie::v1::VideoCodec codec = vigie::v1::VIDEO_CODEC_H264;
    StreamFormat stream = kSubStream;
    int seconds = 10;

    // Changes whenever the encoding pipeline changes, so that stale cached clips are not reused.
    static constexpr int kVersion = 2;  // 2: barcode-stamped frames (FrameBarcode.h)
    std::string cacheKey() const;
    std::string describe() const;
};

// Encodes a synthetic clip (moving ball, caption, running time) once, as fast as the CPU allows.
// Frame i of the clip carries the barcode i (FrameBarcode.h) in its top rows, for latency measurements.
class ClipEncoder {
public:
    // Encodes the clip of `format` (a scene clip through SceneClipEncoder).
    static std::shared_ptr<EncodedClip> encode(const ClipFormat& format, std::string* error);
    // The common part of every clip: `rawVideo` is a gst-launch fragment giving the clip's raw I420
    // frames (overlays included, timestamps from 0); the frames are stamped with their index, encoded
    // with encoderDescription() and collected. `prepare`, when set, is called with the pipeline before it
    // starts (e.g. to feed an appsrc).
    static std::shared_ptr<EncodedClip> encodeRaw(const std::string& rawVideo, const ClipFormat& format,
                                                  const std::function<void(GstElement*)>& prepare,
                                                  std::string* error);
    // The encoder and payload-side settings shared with the live pipelines (same key-frame interval).
    static std::string encoderDescription(vigie::v1::VideoCodec codec, int bitrateKbps);
};

} // namespace vigie::sim
