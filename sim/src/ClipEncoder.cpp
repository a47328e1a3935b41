#include "ClipEncoder.h"

#include "Log.h"

#include <gst/app/gstappsink.h>

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

} // namespace

std::string ClipFormat::cacheKey() const
{
    return "clip-v" + std::to_string(kVersion) + "-" + codecName(codec) + "-" + std::to_string(stream.width) +
           "x" + std::to_string(stream.height) + "-" + std::to_string(stream.fps) + "fps-" +
           std::to_string(stream.bitrateKbps) + "k-" + std::to_string(seconds) + "s.vclip";
}

std::string ClipFormat::describe() const
{
    return std::string(codec == vigie::v1::VIDEO_CODEC_H265 ? "H.265 " : "H.264 ") +
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
    const auto& s = format.stream;
    const int frameCount = format.seconds * s.fps;
    const bool h265 = format.codec == vigie::v1::VIDEO_CODEC_H265;
    const int fontSize = std::max(8, s.height / 24);
    // auto-resize off: the overlays otherwise rescale the font for a 640-pixel reference width.
    const std::string font =
        "auto-resize=false wrap-mode=none font-desc=\"Sans Bold " + std::to_string(fontSize) + "px\"";
    const std::string description =
        "videotestsrc pattern=ball motion=sweep background-color=0xff3a506b foreground-color=0xffffd166 "
        "num-buffers=" + std::to_string(frameCount) +
        " ! video/x-raw,format=I420,width=" + std::to_string(s.width) + ",height=" + std::to_string(s.height) +
        ",framerate=" + std::to_string(s.fps) + "/1"
        " ! textoverlay text=\"Clip de test de charge (relayé sans réencodage)\" valignment=bottom "
        "halignment=left shaded-background=true " + font +
        " ! timeoverlay valignment=top halignment=right shaded-background=true " + font +
        " ! " + encoderDescription(format.codec, s.bitrateKbps) +
        " ! " + (h265 ? "h265parse ! video/x-h265" : "h264parse ! video/x-h264") +
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
