#include "ClipEncoder.h"

#include "FrameBarcode.h"
#include "Log.h"
#include "SceneClipEncoder.h"
#include "SceneScript.h"

#include <gst/app/gstappsink.h>
#include <gst/video/video.h>

#include <algorithm>

namespace vigie::sim {

namespace {

const char* codecName(vigie::v1::VideoCodec codec)
{
    return codec == vigie::v1::VIDEO_CODEC_H265 ? "h265" : "h264";
}

// The first error message on the bus, if any.
std::string busError(GstElement* pipeline)
{
    GstBus* bus = gst_element_get_bus(pipeline);
    std::string text;
    while (GstMessage* message = gst_bus_pop_filtered(bus, GST_MESSAGE_ERROR)) {
        GError* error = nullptr;
        gst_message_parse_error(message, &error, nullptr);
        if (text.empty() && error)
            text = error->message;
        g_clear_error(&error);
        gst_message_unref(message);
    }
    gst_object_unref(bus);
    return text;
}

// Stamps each raw frame with its index in the clip (see FrameBarcode.h) just before the encoder, and
// makes the band's chroma neutral so that it stays black and white once converted to RGB.
GstPadProbeReturn stampFrame(GstPad* pad, GstPadProbeInfo* info, gpointer /*data*/)
{
    GstCaps* caps = gst_pad_get_current_caps(pad);
    GstVideoInfo video;
    const bool known = caps && gst_video_info_from_caps(&video, caps);
    if (caps)
        gst_caps_unref(caps);
    GstBuffer* buffer = GST_PAD_PROBE_INFO_BUFFER(info);
    if (!known || !GST_BUFFER_PTS_IS_VALID(buffer) || GST_VIDEO_INFO_FPS_N(&video) <= 0)
        return GST_PAD_PROBE_OK;

    // The index from the timestamp rather than a counter: the probe then needs no state.
    const GstClockTime frameDuration = gst_util_uint64_scale_int(GST_SECOND, GST_VIDEO_INFO_FPS_D(&video),
                                                                 GST_VIDEO_INFO_FPS_N(&video));
    const auto index = static_cast<std::uint32_t>((GST_BUFFER_PTS(buffer) + frameDuration / 2) / frameDuration);

    buffer = gst_buffer_make_writable(buffer);
    GST_PAD_PROBE_INFO_DATA(info) = buffer;
    GstVideoFrame frame;
    if (!gst_video_frame_map(&frame, &video, buffer, GST_MAP_READWRITE))
        return GST_PAD_PROBE_OK;
    const int width = GST_VIDEO_FRAME_WIDTH(&frame);
    const int height = GST_VIDEO_FRAME_HEIGHT(&frame);
    barcode::stamp(static_cast<std::uint8_t*>(GST_VIDEO_FRAME_PLANE_DATA(&frame, 0)),
                   GST_VIDEO_FRAME_PLANE_STRIDE(&frame, 0), width, height, index);
    const int chromaRows = (barcode::bandRows(height) + 1) / 2;
    for (int plane = 1; plane <= 2; ++plane) {
        auto* data = static_cast<std::uint8_t*>(GST_VIDEO_FRAME_PLANE_DATA(&frame, plane));
        const int stride = GST_VIDEO_FRAME_PLANE_STRIDE(&frame, plane);
        for (int row = 0; row < chromaRows; ++row)
            std::fill_n(data + row * stride, GST_VIDEO_FRAME_COMP_WIDTH(&frame, plane), std::uint8_t{128});
    }
    gst_video_frame_unmap(&frame);
    return GST_PAD_PROBE_OK;
}

} // namespace

std::string ClipFormat::cacheKey() const
{
    // Scene clips also depend on the script and its drawing: their key carries its version.
    const std::string prefix =
        content == ClipContent::Scene ? "scene-v" + std::to_string(SceneScript::kVersion) + "-clip-v" : "clip-v";
    return prefix + std::to_string(kVersion) + "-" + codecName(codec) + "-" + std::to_string(stream.width) +
           "x" + std::to_string(stream.height) + "-" + std::to_string(stream.fps) + "fps-" +
           std::to_string(stream.bitrateKbps) + "k-" + std::to_string(seconds) + "s.vclip";
}

std::string ClipFormat::describe() const
{
    return std::string(content == ClipContent::Scene ? "street scene " : "") +
           (codec == vigie::v1::VIDEO_CODEC_H265 ? "H.265 " : "H.264 ") +
           std::to_string(stream.width) + "x" + std::to_string(stream.height) + "@" +
           std::to_string(stream.fps) + " " + std::to_string(seconds) + " s";
}

std::string ClipEncoder::encoderDescription(vigie::v1::VideoCodec codec, int bitrateKbps)
{
    // One key frame per second at 25 fps, no B-frames (zerolatency): a client joining mid-stream waits
    // at most a second, and decode order is presentation order.
    const std::string bitrate = std::to_string(bitrateKbps);
    if (codec == vigie::v1::VIDEO_CODEC_H265) {
        // x265 writes VPS/SPS/PPS once unless asked (repeat-headers), and uses open GOPs (CRA) by
        // default; closed GOPs with in-band parameter sets let any client start at any key frame.
        return "x265enc tune=zerolatency speed-preset=ultrafast key-int-max=25 bitrate=" + bitrate +
               " option-string=\"repeat-headers=1:open-gop=0\" log-level=none"
               " ! video/x-h265,profile=main";
    }
    // x264 in byte-stream mode repeats SPS/PPS before every IDR by itself. The profile is forced because
    // x264enc otherwise negotiates Constrained Baseline with the RTP payloader.
    return "x264enc tune=zerolatency speed-preset=ultrafast key-int-max=25 threads=1 bitrate=" + bitrate +
           " ! video/x-h264,profile=main";
}

std::shared_ptr<EncodedClip> ClipEncoder::encode(const ClipFormat& format, std::string* error)
{
    if (format.content == ClipContent::Scene)
        return SceneClipEncoder::encode(format, error);
    const auto& s = format.stream;
    const int frameCount = format.seconds * s.fps;
    const int fontSize = std::max(8, s.height / 24);
    // auto-resize off: the overlays otherwise rescale the font for a 640-pixel reference width.
    const std::string font =
        "auto-resize=false wrap-mode=none font-desc=\"Sans Bold " + std::to_string(fontSize) + "px\"";
    // The running time sits below the barcode band, which the stamp paints over the top rows.
    const int timeTop = barcode::bandRows(s.height) + std::max(4, s.height / 60);
    const std::string rawVideo =
        "videotestsrc pattern=ball motion=sweep background-color=0xff3a506b foreground-color=0xffffd166 "
        "num-buffers=" + std::to_string(frameCount) +
        " ! video/x-raw,format=I420,width=" + std::to_string(s.width) + ",height=" + std::to_string(s.height) +
        ",framerate=" + std::to_string(s.fps) + "/1"
        " ! textoverlay text=\"Clip de test de charge (relayé sans réencodage)\" valignment=bottom "
        "halignment=left shaded-background=true " + font +
        " ! timeoverlay valignment=top halignment=right shaded-background=true ypad=" + std::to_string(timeTop) +
        " " + font;
    return encodeRaw(rawVideo, format, {}, error);
}

std::shared_ptr<EncodedClip> ClipEncoder::encodeRaw(const std::string& rawVideo, const ClipFormat& format,
                                                    const std::function<void(GstElement*)>& prepare,
                                                    std::string* error)
{
    const auto& s = format.stream;
    const bool h265 = format.codec == vigie::v1::VIDEO_CODEC_H265;
    const std::string description =
        rawVideo + " ! identity name=stamp ! " + encoderDescription(format.codec, s.bitrateKbps) + " ! " +
        (h265 ? "h265parse ! video/x-h265" : "h264parse ! video/x-h264") +
        ",stream-format=byte-stream,alignment=au ! appsink name=sink sync=false";

    GError* parseError = nullptr;
    GstElement* pipeline = gst_parse_launch(description.c_str(), &parseError);
    if (!pipeline || parseError) {
        *error = "cannot build the clip encoder: " + std::string(parseError ? parseError->message : "?");
        g_clear_error(&parseError);
        if (pipeline)
            gst_object_unref(pipeline);
        return nullptr;
    }

    GstElement* sink = gst_bin_get_by_name(GST_BIN(pipeline), "sink");
    GstElement* stamp = gst_bin_get_by_name(GST_BIN(pipeline), "stamp");
    GstPad* stampPad = gst_element_get_static_pad(stamp, "src");
    gst_pad_add_probe(stampPad, GST_PAD_PROBE_TYPE_BUFFER, &stampFrame, nullptr, nullptr);
    gst_object_unref(stampPad);
    gst_object_unref(stamp);
    if (prepare)
        prepare(pipeline);
    gst_element_set_state(pipeline, GST_STATE_PLAYING);

    const GstClockTime frameDuration = GST_SECOND / static_cast<GstClockTime>(s.fps);
    std::vector<GstBuffer*> frames;
    GstCaps* caps = nullptr;
    std::string failure;
    while (failure.empty()) {
        GstSample* sample = gst_app_sink_try_pull_sample(GST_APP_SINK(sink), 5 * GST_SECOND);
        if (!sample) {
            if (!gst_app_sink_is_eos(GST_APP_SINK(sink))) {
                const std::string error = busError(pipeline);  // pops the message: read it once
                failure = error.empty() ? "the encoder stalled" : error;
            }
            break;
        }
        if (!caps)
            caps = gst_caps_copy(gst_sample_get_caps(sample));
        GstBuffer* frame = gst_buffer_make_writable(gst_buffer_ref(gst_sample_get_buffer(sample)));
        gst_sample_unref(sample);
        // Renumbered from 0: the loop adds its own offset.
        GST_BUFFER_PTS(frame) = GST_BUFFER_DTS(frame) = frames.size() * frameDuration;
        GST_BUFFER_DURATION(frame) = frameDuration;
        frames.push_back(frame);
    }
    if (failure.empty()) {
        if (const std::string busFailure = busError(pipeline); !busFailure.empty())
            failure = busFailure;
    }
    gst_element_set_state(pipeline, GST_STATE_NULL);
    gst_object_unref(sink);
    gst_object_unref(pipeline);

    if (failure.empty() && (frames.empty() || GST_BUFFER_FLAG_IS_SET(frames.front(), GST_BUFFER_FLAG_DELTA_UNIT)))
        failure = "the encoded clip does not start with a key frame";
    if (!failure.empty() || !caps) {
        for (GstBuffer* frame : frames)
            gst_buffer_unref(frame);
        if (caps)
            gst_caps_unref(caps);
        *error = "encoding the " + format.describe() + " clip failed: " + (failure.empty() ? "no output" : failure);
        return nullptr;
    }
    return std::make_shared<EncodedClip>(caps, std::move(frames), frameDuration);
}

} // namespace vigie::sim
