#include "vigie/player/FrameScaler.h"

#include "VideoFrameImpl.h"

extern "C" {
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

namespace vigie::player {

struct FrameScaler::Context {
    struct SwsDeleter {
        void operator()(SwsContext* context) const { sws_freeContext(context); }
    };
    std::unique_ptr<SwsContext, SwsDeleter> sws;  // reused while the geometry and formats stay the same
    // What sws was set up for. sws_getCachedContext() may free a context and get a new one at the same
    // address, so the pointer alone cannot tell whether the colour details must be set again.
    struct Key {
        int inWidth = 0, inHeight = 0, inFormat = -1, outWidth = 0, outHeight = 0;
        ColorMatrix matrix = ColorMatrix::Bt601;
        ColorRange range = ColorRange::Limited;
        bool operator==(const Key&) const = default;
    };
    Key key;
};

FrameScaler::FrameScaler() : m_context(std::make_unique<Context>()) {}

FrameScaler::~FrameScaler() = default;

void FrameScaler::fitInside(int sourceWidth, int sourceHeight, int maxWidth, int maxHeight, int* width, int* height)
{
    if (sourceWidth <= 0 || sourceHeight <= 0 || maxWidth <= 0 || maxHeight <= 0) {
        *width = std::max(1, maxWidth);
        *height = std::max(1, maxHeight);
        return;
    }
    const double scale = std::min(double(maxWidth) / sourceWidth, double(maxHeight) / sourceHeight);
    *width = std::clamp(int(std::lround(sourceWidth * scale)), 1, maxWidth);
    *height = std::clamp(int(std::lround(sourceHeight * scale)), 1, maxHeight);
}

namespace {

// The pixel rectangle of area inside a width x height picture, its origin a multiple of the chroma
// subsampling so that every plane starts on a whole sample.
struct PixelCrop {
    int x = 0, y = 0, width = 0, height = 0;
};

PixelCrop cropOf(const SourceArea& area, int width, int height, const AVPixFmtDescriptor* desc)
{
    if (area.isWhole())
        return {0, 0, width, height};
    const int alignX = desc ? 1 << desc->log2_chroma_w : 1;
    const int alignY = desc ? 1 << desc->log2_chroma_h : 1;
    auto span = [](double start, double size, int total, int align) {
        int from = std::clamp(int(std::floor(start * total)), 0, total - 1);
        from -= from % align;
        const int to = std::clamp(int(std::ceil((start + size) * total)), from + 1, total);
        return std::pair{from, to - from};
    };
    const auto [x, w] = span(area.x, area.width, width, alignX);
    const auto [y, h] = span(area.y, area.height, height, alignY);
    return {x, y, w, h};
}

}  // namespace

std::unique_ptr<VideoFrame> FrameScaler::toBgra(const VideoFrame& source, int width, int height,
                                                const SourceArea& area)
{
    if (width <= 0 || height <= 0)
        return nullptr;
    // const_cast: only read access to the source AVFrame's fields and planes follows.
    const AVFrame& in = *const_cast<VideoFrame&>(source).impl().frame;
    auto out = VideoFrame::allocate(width, height, PixelLayout::Bgra, source.matrix(), source.range());
    if (!out)
        return nullptr;
    AVFrame& dst = *out->impl().frame;

    // The deprecated yuvj* aliases make swscale warn on every context; the range is set explicitly below.
    auto inFormat = AVPixelFormat(in.format);
    switch (inFormat) {
    case AV_PIX_FMT_YUVJ420P: inFormat = AV_PIX_FMT_YUV420P; break;
    case AV_PIX_FMT_YUVJ422P: inFormat = AV_PIX_FMT_YUV422P; break;
    case AV_PIX_FMT_YUVJ444P: inFormat = AV_PIX_FMT_YUV444P; break;
    default: break;
    }
    // A context per geometry, made here rather than with sws_getCachedContext(): that one may silently
    // replace the context (with default BT.601 colours) even when nothing changed.
    const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(inFormat);
    const PixelCrop crop = cropOf(area, in.width, in.height, desc);
    // The crop's top-left sample of each plane; the strides stay those of the whole picture.
    const std::uint8_t* planes[AV_NUM_DATA_POINTERS] = {};
    int steps[AV_NUM_DATA_POINTERS] = {};
    for (int c = 0; desc && c < desc->nb_components; ++c)
        steps[desc->comp[c].plane] = std::max(steps[desc->comp[c].plane], desc->comp[c].step);
    const bool yuv = desc && !(desc->flags & AV_PIX_FMT_FLAG_RGB) && desc->nb_components >= 3;
    for (int p = 0; p < AV_NUM_DATA_POINTERS && in.data[p]; ++p) {
        const bool chroma = yuv && (p == 1 || p == 2);
        const int shiftX = chroma ? desc->log2_chroma_w : 0;
        const int shiftY = chroma ? desc->log2_chroma_h : 0;
        planes[p] = in.data[p] + std::ptrdiff_t(crop.y >> shiftY) * in.linesize[p]
                    + std::ptrdiff_t(crop.x >> shiftX) * steps[p];
    }
    const Context::Key key{crop.width, crop.height, int(inFormat), width, height, source.matrix(), source.range()};
    if (!m_context->sws || !(key == m_context->key)) {
        m_context->sws.reset();
        m_context->key = {};
        // Bilinear: shrinking a 640x360 picture into a wall tile with SWS_FAST_BILINEAR aliases visibly on
        // text and edges; SWS_BILINEAR costs little more with the x86 SIMD paths.
        SwsContext* sws = sws_getContext(crop.width, crop.height, inFormat, width, height, AV_PIX_FMT_BGR0, SWS_BILINEAR,
                                         nullptr, nullptr, nullptr);
        if (!sws)
            return nullptr;
        m_context->sws.reset(sws);
        // The picture's own matrix and range; RGB output is full range.
        const int space = source.matrix() == ColorMatrix::Bt709 ? SWS_CS_ITU709 : SWS_CS_ITU601;
        const int srcFull = source.range() == ColorRange::Full ? 1 : 0;
        sws_setColorspaceDetails(sws, sws_getCoefficients(space), srcFull, sws_getCoefficients(SWS_CS_DEFAULT), 1,
                                 0, 1 << 16, 1 << 16);
        m_context->key = key;
    }
    SwsContext* sws = m_context->sws.get();
    if (sws_scale(sws, planes, in.linesize, 0, crop.height, dst.data, dst.linesize) <= 0)
        return nullptr;
    out->ptsMicros = source.ptsMicros;
    out->sequence = source.sequence;
    out->decodedAt = source.decodedAt;
    out->setSource(source.sourceWidth(), source.sourceHeight(), source.sourceLayout());
    return out;
}

}  // namespace vigie::player
