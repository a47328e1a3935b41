#include "CameraPipelines.h"

#include "ClipEncoder.h"
#include "Log.h"
#include "LoopingClipSource.h"
#include "PacingMonitor.h"
#include "PtzVideoSource.h"

#include <gst/app/gstappsrc.h>

#include <algorithm>
#include <cstdio>

namespace vigie::sim {

namespace {

// Attached to the factories as object data.
constexpr const char* kLabelKey = "vigie-label";
constexpr const char* kClipKey = "vigie-clip";
constexpr const char* kPtzKey = "vigie-ptz";

// What a PTZ factory's pipelines render from.
struct PtzFeed {
    PtzCamera* camera;
    std::shared_ptr<const PanoramaScene> scene;
    StreamFormat format;
};

std::string hex(std::uint32_t value)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "0x%08x", value);
    return buffer;
}

const char* payloader(vigie::v1::VideoCodec codec)
{
    return codec == vigie::v1::VIDEO_CODEC_H265 ? "h265parse ! rtph265pay name=pay0 pt=96"
                                                : "rtph264pay name=pay0 pt=96";
}

// Settings every simulator factory shares.
void configureShared(GstRTSPMediaFactory* factory)
{
    gst_rtsp_media_factory_set_shared(factory, TRUE);
    // A new viewer's PLAY must not seek or re-time the shared pipeline under the existing viewers.
    gst_rtsp_media_factory_set_publish_clock_mode(factory, GST_RTSP_PUBLISH_CLOCK_MODE_CLOCK_AND_OFFSET);
}

void onLiveMediaConfigure(GstRTSPMediaFactory* factory, GstRTSPMedia* media, gpointer /*data*/)
{
    // The camera name is set here rather than in the launch description: names are free text
    // ("Zone d'activités", quotes...) that would need escaping for the launch syntax.
    GstElement* bin = gst_rtsp_media_get_element(media);
    if (GstElement* label = gst_bin_get_by_name(GST_BIN(bin), "label")) {
        g_object_set(label, "text", g_object_get_data(G_OBJECT(factory), kLabelKey), nullptr);
        gst_object_unref(label);
    }
    gst_object_unref(bin);
    Log::debug(std::string("pipeline built for ") +
               static_cast<const char*>(g_object_get_data(G_OBJECT(factory), kLabelKey)));
}

void onClipMediaConfigure(GstRTSPMediaFactory* factory, GstRTSPMedia* media, gpointer /*data*/)
{
    auto* clip = static_cast<std::shared_ptr<const EncodedClip>*>(g_object_get_data(G_OBJECT(factory), kClipKey));
    GstElement* bin = gst_rtsp_media_get_element(media);
    if (GstElement* source = gst_bin_get_by_name(GST_BIN(bin), "source")) {
        LoopingClipSource::attach(GST_APP_SRC(source), *clip);
        gst_object_unref(source);
    }
    if (Log::verbose()) {
        // How far the real send times are from the schedule, measured where clocksync releases buffers.
        if (GstElement* pacer = gst_bin_get_by_name(GST_BIN(bin), "pacer")) {
            GstPad* pad = gst_element_get_static_pad(pacer, "src");
            const GstStructure* format = gst_caps_get_structure((*clip)->caps(), 0);
            int width = 0;
            int height = 0;
            gst_structure_get_int(format, "width", &width);
            gst_structure_get_int(format, "height", &height);
            const std::string label = std::string(gst_structure_get_name(format)) + " " + std::to_string(width) +
                                      "x" + std::to_string(height) + " clip";
            PacingMonitor::attach(pad, label, (*clip)->frames().size(), (*clip)->frameDuration());
            gst_object_unref(pad);
            gst_object_unref(pacer);
        }
    }
    gst_object_unref(bin);
}

void onPtzMediaConfigure(GstRTSPMediaFactory* factory, GstRTSPMedia* media, gpointer /*data*/)
{
    const auto* feed = static_cast<const PtzFeed*>(g_object_get_data(G_OBJECT(factory), kPtzKey));
    GstElement* bin = gst_rtsp_media_get_element(media);
    if (GstElement* source = gst_bin_get_by_name(GST_BIN(bin), "source")) {
        PtzVideoSource::attach(GST_APP_SRC(source), *feed->camera, feed->scene, feed->format);
        gst_object_unref(source);
    }
    gst_object_unref(bin);
    Log::debug("PTZ pipeline built for " + feed->camera->id() + " (" + feed->format.pathSuffix + ")");
}

} // namespace

std::string CameraPipelines::liveDescription(const CameraSpec& camera, const StreamFormat& format)
{
    const int fontSize = std::max(8, format.height / 24);
    // auto-resize off: the overlays otherwise rescale the font for a 640-pixel reference width.
    const std::string font =
        "auto-resize=false wrap-mode=none font-desc=\"Sans Bold " + std::to_string(fontSize) + "px\"";
    // The ball's path differs between neighbours so that a mosaic does not move in lockstep.
    static const char* const motions[] = {"wavy", "sweep", "hsweep"};
    const auto motion = motions[std::hash<std::string>{}(camera.camera.id()) % 3];

    return "( videotestsrc is-live=true pattern=ball motion=" + std::string(motion) +
           " background-color=" + hex(camera.backgroundArgb) + " foreground-color=0xffffd166" +
           " ! video/x-raw,format=I420,width=" + std::to_string(format.width) +
           ",height=" + std::to_string(format.height) + ",framerate=" + std::to_string(format.fps) + "/1" +
           " ! textoverlay name=label valignment=bottom halignment=left shaded-background=true " + font +
           " ! clockoverlay time-format=\"%d/%m/%Y %H:%M:%S\" valignment=top halignment=right "
           "shaded-background=true " + font +
           " ! " + ClipEncoder::encoderDescription(camera.codec, format.bitrateKbps) + " ! " +
           payloader(camera.codec) + " )";
}

GstRTSPMediaFactory* CameraPipelines::createLiveFactory(const CameraSpec& camera, const StreamFormat& format)
{
    GstRTSPMediaFactory* factory = gst_rtsp_media_factory_new();
    gst_rtsp_media_factory_set_launch(factory, liveDescription(camera, format).c_str());
    configureShared(factory);

    const std::string label = camera.camera.id() + " - " + camera.camera.name() + " (" + format.pathSuffix + ")";
    g_object_set_data_full(G_OBJECT(factory), kLabelKey, g_strdup(label.c_str()), g_free);
    g_signal_connect(factory, "media-configure", G_CALLBACK(onLiveMediaConfigure), nullptr);
    return factory;
}

GstRTSPMediaFactory* CameraPipelines::createPtzFactory(const CameraSpec& camera, const StreamFormat& format,
                                                       PtzCamera& ptz, std::shared_ptr<const PanoramaScene> scene)
{
    GstRTSPMediaFactory* factory = gst_rtsp_media_factory_new();
    // clocksync paces the appsrc at the frame rate: a frame is rendered when its slot comes, so the
    // picture follows the camera's moves with a frame of delay.
    const std::string description = "( appsrc name=source ! clocksync ! " +
                                     ClipEncoder::encoderDescription(camera.codec, format.bitrateKbps) + " ! " +
                                     payloader(camera.codec) + " )";
    gst_rtsp_media_factory_set_launch(factory, description.c_str());
    configureShared(factory);
    g_object_set_data_full(G_OBJECT(factory), kPtzKey, new PtzFeed{&ptz, std::move(scene), format},
                           [](gpointer data) { delete static_cast<PtzFeed*>(data); });
    g_signal_connect(factory, "media-configure", G_CALLBACK(onPtzMediaConfigure), nullptr);
    return factory;
}

GstRTSPMediaFactory* CameraPipelines::createClipFactory(std::shared_ptr<const EncodedClip> clip,
                                                        vigie::v1::VideoCodec codec)
{
    GstRTSPMediaFactory* factory = gst_rtsp_media_factory_new();
    const std::string description =
        std::string("( appsrc name=source ! clocksync name=pacer ! ") + payloader(codec) + " )";
    gst_rtsp_media_factory_set_launch(factory, description.c_str());
    // Not shared, unlike the live cameras: a relay costs no encoding, and a pipeline of its own gives
    // every viewer the instant start (LoopingClipSource), where a viewer joining a shared stream would
    // wait for the next key frame. The publish clock mode still keeps PLAY from seeking the live source.
    gst_rtsp_media_factory_set_shared(factory, FALSE);
    gst_rtsp_media_factory_set_publish_clock_mode(factory, GST_RTSP_PUBLISH_CLOCK_MODE_CLOCK_AND_OFFSET);

    g_object_set_data_full(G_OBJECT(factory), kClipKey, new std::shared_ptr<const EncodedClip>(std::move(clip)),
                           [](gpointer data) { delete static_cast<std::shared_ptr<const EncodedClip>*>(data); });
    g_signal_connect(factory, "media-configure", G_CALLBACK(onClipMediaConfigure), nullptr);
    return factory;
}

} // namespace vigie::sim
