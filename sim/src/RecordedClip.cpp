#include "RecordedClip.h"

#include <gst/video/video.h>

namespace vigie::sim {

std::shared_ptr<const RecordedClip> RecordedClip::fromEncoded(const EncodedClip& clip, vigie::v1::VideoCodec codec)
{
    auto recorded = std::make_shared<RecordedClip>();
    recorded->codec = codec;
    recorded->frameMs = static_cast<std::int64_t>(clip.frameDuration() / GST_MSECOND);
    if (const GstStructure* structure = gst_caps_get_structure(clip.caps(), 0)) {
        gst_structure_get_int(structure, "width", &recorded->width);
        gst_structure_get_int(structure, "height", &recorded->height);
    }
    recorded->frames.reserve(clip.frames().size());
    for (GstBuffer* frame : clip.frames()) {
        GstMapInfo map;
        if (!gst_buffer_map(frame, &map, GST_MAP_READ)) {
            recorded->frames.emplace_back();
        } else {
            recorded->frames.emplace_back(map.data, map.data + map.size);
            gst_buffer_unmap(frame, &map);
        }
        recorded->keyFrames.push_back(!GST_BUFFER_FLAG_IS_SET(frame, GST_BUFFER_FLAG_DELTA_UNIT));
    }
    return recorded;
}

} // namespace vigie::sim
