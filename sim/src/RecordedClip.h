#pragma once

#include "EncodedClip.h"

#include <vigie/v1/directory.pb.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace vigie::sim {

// A looping clip as the recorder needs it: the access units' bytes (Annex B, one per frame, no B-frames),
// which are key frames, the frame duration, and the picture's format. Copied once from an EncodedClip so
// that the recorder stays free of GStreamer; immutable, shared by every camera relaying the same clip.
struct RecordedClip {
    std::vector<std::vector<std::uint8_t>> frames;
    std::vector<bool> keyFrames;
    std::int64_t frameMs = 40;
    vigie::v1::VideoCodec codec = vigie::v1::VIDEO_CODEC_H264;
    int width = 0;
    int height = 0;

    static std::shared_ptr<const RecordedClip> fromEncoded(const EncodedClip& clip, vigie::v1::VideoCodec codec);
};

} // namespace vigie::sim
