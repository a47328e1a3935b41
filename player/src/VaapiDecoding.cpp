#include "VaapiDecoding.h"

extern "C" {
#include <libavutil/dict.h>
#include <libavutil/hwcontext.h>
#include <libavutil/pixdesc.h>
}

#include <QLoggingCategory>

#include <memory>
#include <mutex>

#include "AvError.h"
#include "VideoFrameImpl.h"

namespace vigie::player {

namespace {

Q_LOGGING_CATEGORY(lcHardware, "vigie.player.hardware", QtInfoMsg)

struct BufferUnref {
    void operator()(AVBufferRef* buffer) const { av_buffer_unref(&buffer); }
};

}  // namespace

AVBufferRef* VaapiDecoding::device()
{
    // Static: one device for the whole process, closed by the static destructor at exit (decoders that
    // still hold a reference keep it alive until they go).
    static std::unique_ptr<AVBufferRef, BufferUnref> shared;
    static std::once_flag once;
    std::call_once(once, [] {
        AVDictionary* options = nullptr;
        // The first usable render node; the X11 path would open a display connection per process from a
        // worker thread for nothing (decoding needs no window system).
        av_dict_set(&options, "connection_type", "drm", 0);
        AVBufferRef* created = nullptr;
        const int ret = av_hwdevice_ctx_create(&created, AV_HWDEVICE_TYPE_VAAPI, nullptr, options, 0);
        av_dict_free(&options);
        if (ret < 0) {
            qCInfo(lcHardware, "no VAAPI device (%s): software decoding", qPrintable(describeAvError(ret)));
            return;
        }
        shared.reset(created);  // Ownership of the device reference is handed to the static holder.
        qCInfo(lcHardware, "VAAPI device opened");
    });
    return shared.get();
}

bool VaapiDecoding::supports(const AVCodec* codec)
{
    for (int i = 0;; ++i) {
        const AVCodecHWConfig* config = avcodec_get_hw_config(codec, i);
        if (!config)
            return false;
        if ((config->methods & AV_CODEC_HW_CONFIG_METHOD_HW_DEVICE_CTX) && config->device_type == AV_HWDEVICE_TYPE_VAAPI)
            return true;
    }
}

AVPixelFormat VaapiDecoding::pickFormat(AVCodecContext* /*context*/, const AVPixelFormat* formats)
{
    for (const AVPixelFormat* format = formats; *format != AV_PIX_FMT_NONE; ++format) {
        if (*format == AV_PIX_FMT_VAAPI)
            return *format;
    }
    // Not offered: the device lacks this profile, or libavcodec already tried VAAPI and removed it from
    // the list after its initialisation failed. Software it is.
    for (const AVPixelFormat* format = formats; *format != AV_PIX_FMT_NONE; ++format) {
        const AVPixFmtDescriptor* descriptor = av_pix_fmt_desc_get(*format);
        if (descriptor && !(descriptor->flags & AV_PIX_FMT_FLAG_HWACCEL))
            return *format;
    }
    return AV_PIX_FMT_NONE;
}

int VaapiDecoding::download(AVFrame& frame)
{
    AVFramePtr copy(av_frame_alloc());
    if (!copy)
        return AVERROR(ENOMEM);
    // The surfaces' own layout (NV12, or P010 for 10-bit); anything else is left to libav's first
    // choice and then judged by layoutOf() like any decoder output.
    if (frame.hw_frames_ctx) {
        const auto* frames = reinterpret_cast<const AVHWFramesContext*>(frame.hw_frames_ctx->data);
        if (frames->sw_format == AV_PIX_FMT_NV12 || frames->sw_format == AV_PIX_FMT_P010LE)
            copy->format = frames->sw_format;
    }
    int ret = av_hwframe_transfer_data(copy.get(), &frame, 0);
    if (ret < 0)
        return ret;
    ret = av_frame_copy_props(copy.get(), &frame);
    if (ret < 0)
        return ret;
    av_frame_unref(&frame);  // the surface goes back to the decoder's pool at once
    av_frame_move_ref(&frame, copy.get());
    return 0;
}

}  // namespace vigie::player

namespace vigie::player {

void VaapiDecoding::reportFallback(const QString& codec, const QString& why)
{
    qCInfo(lcHardware, "%s: software decoding (%s)", qPrintable(codec), qPrintable(why));
}

}  // namespace vigie::player
