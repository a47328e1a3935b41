#pragma once
// VAAPI hardware decoding through libavutil's hwcontext API (no libva headers needed): the process-wide
// device, which decoders can use it, the get_format choice and the download of hardware pictures into
// system memory (NV12 / P010, layouts the renderer draws). Private to player/.
//
// Thread affinity: device() may be called from any thread (opened once, under std::call_once); the other
// functions act on the caller's own decoder and frames.

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavutil/buffer.h>
#include <libavutil/frame.h>
}

#include <QString>

namespace vigie::player {

class VaapiDecoding {
public:
    // The process's VAAPI device, opened on the first call through a DRM render node (no X connection
    // from worker threads); nullptr when there is none. Opening is tried once per process: a machine
    // without a device does not pay for the probe per stream. Borrowed: a decoder takes its own
    // reference (av_buffer_ref). Released at exit.
    static AVBufferRef* device();

    // Whether this decoder can decode through a VAAPI device context.
    static bool supports(const AVCodec* codec);

    // AVCodecContext::get_format for a decoder with a VAAPI device: the VAAPI surface format when offered
    // (libavcodec offers it only when the device supports the stream's profile), otherwise the first
    // software format (the decoder then decodes in software). Which path won shows in the pictures'
    // format (isHardwareFrame).
    static AVPixelFormat pickFormat(AVCodecContext* context, const AVPixelFormat* formats);

    // True for a picture in VAAPI surfaces, which must be downloaded before the renderer can read it.
    static bool isHardwareFrame(const AVFrame& frame) { return frame.format == AV_PIX_FMT_VAAPI; }

    // Replaces a VAAPI picture by a copy in system memory (NV12 for 8-bit, P010 for 10-bit surfaces),
    // with the same properties (timestamps, colour tags). Returns 0 or a negative AVERROR.
    static int download(AVFrame& frame);

    // Logs (category "vigie.player.hardware") that a stream of `codec` decodes in software after all.
    static void reportFallback(const QString& codec, const QString& why);
};

}  // namespace vigie::player
