#include "FrameFormat.h"

namespace vigie::player {

std::optional<PixelLayout> layoutOf(AVPixelFormat format)
{
    switch (format) {
    case AV_PIX_FMT_YUV420P:
    case AV_PIX_FMT_YUVJ420P: return PixelLayout::Yuv420p;
    case AV_PIX_FMT_YUV422P:
    case AV_PIX_FMT_YUVJ422P: return PixelLayout::Yuv422p;
    case AV_PIX_FMT_YUV444P:
    case AV_PIX_FMT_YUVJ444P: return PixelLayout::Yuv444p;
    case AV_PIX_FMT_NV12: return PixelLayout::Nv12;
    case AV_PIX_FMT_YUV420P10LE: return PixelLayout::Yuv420p10;
    case AV_PIX_FMT_P010LE: return PixelLayout::P010;
    default: return std::nullopt;
    }
}

ColorMatrix matrixOf(const AVFrame& frame)
{
    switch (frame.colorspace) {
    case AVCOL_SPC_BT709: return ColorMatrix::Bt709;
    case AVCOL_SPC_BT470BG:
    case AVCOL_SPC_SMPTE170M:
    case AVCOL_SPC_FCC: return ColorMatrix::Bt601;
    default:
        // JPEG (JFIF) pictures, the yuvj* formats of MJPEG cameras, are BT.601 whatever their size.
        switch (frame.format) {
        case AV_PIX_FMT_YUVJ420P:
        case AV_PIX_FMT_YUVJ422P:
        case AV_PIX_FMT_YUVJ444P: return ColorMatrix::Bt601;
        default: break;
        }
        // Unspecified (or a matrix the renderer lacks, e.g. BT.2020): guess from the size like mpv.
        return frame.height >= 720 ? ColorMatrix::Bt709 : ColorMatrix::Bt601;
    }
}

ColorRange rangeOf(const AVFrame& frame)
{
    if (frame.color_range == AVCOL_RANGE_JPEG)
        return ColorRange::Full;
    switch (frame.format) {
    case AV_PIX_FMT_YUVJ420P:
    case AV_PIX_FMT_YUVJ422P:
    case AV_PIX_FMT_YUVJ444P: return ColorRange::Full;  // MJPEG cameras: full range implied by the format
    default: return ColorRange::Limited;
    }
}

}  // namespace vigie::player
