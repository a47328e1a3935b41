#pragma once

#include "ClipEncoder.h"

#include <memory>
#include <string>

namespace vigie::sim {

// Encodes the scene cameras' clip: SceneRenderer's frames, one per frame of SceneScript's loop, through
// an appsrc, captioned, then stamped and encoded like every clip (ClipEncoder::encodeRaw). The clip's
// frame i is the script's frame i, so the wall-clock schedule tells which objects are on air.
class SceneClipEncoder {
public:
    // `format.seconds` must be SceneScript::kLoopSeconds and the stream 25 fps (checked).
    static std::shared_ptr<EncodedClip> encode(const ClipFormat& format, std::string* error);
};

} // namespace vigie::sim
