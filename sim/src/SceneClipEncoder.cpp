#include "SceneClipEncoder.h"

#include "SceneRenderer.h"
#include "SceneScript.h"

#include <gst/app/gstappsrc.h>

#include <algorithm>

namespace vigie::sim {

namespace {

// Renders the next frame of the loop whenever the appsrc asks, then ends the stream. Lives on the
// encoding call's stack: the pipeline is stopped before it goes.
struct FrameFeeder {
    SceneScript script;
    SceneRenderer renderer{script};
    int width = 0;
    int height = 0;
    int next = 0;

    static void onNeedData(GstAppSrc* appsrc, guint /*length*/, gpointer self)
    {
        static_cast<FrameFeeder*>(self)->push(appsrc);
    }

    void push(GstAppSrc* appsrc)
    {
        if (next >= script.loopFrames()) {
            gst_app_src_end_of_stream(appsrc);
            return;
        }
        const gsize lumaSize = static_cast<gsize>(width) * height;
        const gsize chromaSize = lumaSize / 4;
        GstBuffer* buffer = gst_buffer_new_allocate(nullptr, lumaSize + 2 * chromaSize, nullptr);
        GstMapInfo map;
        if (gst_buffer_map(buffer, &map, GST_MAP_WRITE)) {
            const I420Picture picture{map.data, map.data + lumaSize, map.data + lumaSize + chromaSize,
                                      width, width / 2, width, height};
            renderer.render(next, picture);
            gst_buffer_unmap(buffer, &map);
        }
        const GstClockTime frameDuration = GST_SECOND / SceneScript::kFps;
        GST_BUFFER_PTS(buffer) = static_cast<GstClockTime>(next) * frameDuration;
        GST_BUFFER_DURATION(buffer) = frameDuration;
        ++next;
        gst_app_src_push_buffer(appsrc, buffer);  // takes the buffer
    }
};

} // namespace

std::shared_ptr<EncodedClip> SceneClipEncoder::encode(const ClipFormat& format, std::string* error)
{
    const auto& s = format.stream;
    if (format.seconds != SceneScript::kLoopSeconds || s.fps != SceneScript::kFps || s.width % 2 || s.height % 2) {
        *error = "a scene clip is " + std::to_string(SceneScript::kLoopSeconds) + " s at " +
                 std::to_string(SceneScript::kFps) + " fps with even sizes, not " + format.describe();
        return nullptr;
    }
    FrameFeeder feeder;
    feeder.width = s.width;
    feeder.height = s.height;

    const int fontSize = std::max(8, s.height / 24);
    // Low in the picture (small ypad): the scene's near pavement stays visible above the caption.
    const std::string rawVideo =
        "appsrc name=scene format=time caps=\"video/x-raw,format=I420,width=" + std::to_string(s.width) +
        ",height=" + std::to_string(s.height) + ",framerate=" + std::to_string(s.fps) +
        "/1\" ! textoverlay text=\"Scène synthétique – analyse vidéo\" valignment=bottom halignment=left "
        "shaded-background=true ypad=" + std::to_string(std::max(2, s.height / 180)) +
        " auto-resize=false wrap-mode=none font-desc=\"Sans Bold " + std::to_string(fontSize) + "px\"";
    return ClipEncoder::encodeRaw(rawVideo, format, [&feeder](GstElement* pipeline) {
        GstElement* source = gst_bin_get_by_name(GST_BIN(pipeline), "scene");
        GstAppSrcCallbacks callbacks{};
        callbacks.need_data = &FrameFeeder::onNeedData;
        gst_app_src_set_callbacks(GST_APP_SRC(source), &callbacks, &feeder, nullptr);
        // One frame at a time: the encoder sets the pace, memory stays at a few frames.
        gst_app_src_set_max_bytes(GST_APP_SRC(source), 1);
        gst_object_unref(source);
    }, error);
}

} // namespace vigie::sim
