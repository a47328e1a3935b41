#include "vigie/player/VideoFrame.h"

#include "VideoFrameImpl.h"

extern "C" {
#include <libavutil/pixfmt.h>
}

#include <cassert>

namespace vigie::player {

namespace {

AVPixelFormat toAvFormat(PixelLayout layout, ColorRange range)
{
    // The yuvj* formats are deprecated aliases; the plain formats plus color_range carry the same meaning.
    (void)range;
    switch (layout) {
    case PixelLayout::Yuv420p: return AV_PIX_FMT_YUV420P;
    case PixelLayout::Yuv422p: return AV_PIX_FMT_YUV422P;
    case PixelLayout::Yuv444p: return AV_PIX_FMT_YUV444P;
    case PixelLayout::Nv12: return AV_PIX_FMT_NV12;
    case PixelLayout::Yuv420p10: return AV_PIX_FMT_YUV420P10LE;
    case PixelLayout::P010: return AV_PIX_FMT_P010LE;
    case PixelLayout::Bgra: return AV_PIX_FMT_BGR0;
    }
    return AV_PIX_FMT_YUV420P;
}

}  // namespace

int planeCount(PixelLayout layout)
{
    if (layout == PixelLayout::Bgra)
        return 1;
    return layout == PixelLayout::Nv12 || layout == PixelLayout::P010 ? 2 : 3;
}

int bytesPerSample(PixelLayout layout)
{
    return layout == PixelLayout::Yuv420p10 || layout == PixelLayout::P010 ? 2 : 1;
}

int planeComponents(PixelLayout layout, int plane)
{
    if (layout == PixelLayout::Bgra)
        return 4;
    return plane == 1 && planeCount(layout) == 2 ? 2 : 1;
}

int chromaShiftX(PixelLayout layout)
{
    return layout == PixelLayout::Yuv444p ? 0 : 1;
}

int chromaShiftY(PixelLayout layout)
{
    return layout == PixelLayout::Yuv422p || layout == PixelLayout::Yuv444p ? 0 : 1;
}

VideoFrame::VideoFrame(std::unique_ptr<Impl> impl, PixelLayout layout, ColorMatrix matrix, ColorRange range)
    : m_impl(std::move(impl)), m_layout(layout), m_matrix(matrix), m_range(range)
{
    assert(m_impl && m_impl->frame);
}

VideoFrame::~VideoFrame() = default;

std::unique_ptr<VideoFrame> VideoFrame::shareBuffers() const
{
    AVFramePtr frame(av_frame_alloc());
    if (!frame || av_frame_ref(frame.get(), m_impl->frame.get()) < 0)
        return nullptr;
    auto impl = std::make_unique<Impl>();
    impl->frame = std::move(frame);  // a second reference: the buffers are shared, hence not writable
    auto copy = std::make_unique<VideoFrame>(std::move(impl), m_layout, m_matrix, m_range);
    copy->ptsMicros = ptsMicros;
    copy->sequence = sequence;
    copy->decodedAt = decodedAt;
    copy->m_sourceWidth = m_sourceWidth;
    copy->m_sourceHeight = m_sourceHeight;
    copy->m_sourceLayout = m_sourceLayout;
    return copy;
}

void VideoFrame::setSource(int width, int height, PixelLayout layout)
{
    m_sourceWidth = width;
    m_sourceHeight = height;
    m_sourceLayout = layout;
}

std::unique_ptr<VideoFrame> VideoFrame::allocate(int width, int height, PixelLayout layout, ColorMatrix matrix,
                                                 ColorRange range)
{
    if (width <= 0 || height <= 0)
        return nullptr;
    AVFramePtr frame(av_frame_alloc());
    if (!frame)
        return nullptr;
    frame->width = width;
    frame->height = height;
    frame->format = toAvFormat(layout, range);
    frame->colorspace = matrix == ColorMatrix::Bt709 ? AVCOL_SPC_BT709 : AVCOL_SPC_SMPTE170M;
    frame->color_range = range == ColorRange::Full ? AVCOL_RANGE_JPEG : AVCOL_RANGE_MPEG;
    // align 0: libav picks the alignment its SIMD code wants; strides may exceed the width.
    if (av_frame_get_buffer(frame.get(), 0) < 0)
        return nullptr;
    auto impl = std::make_unique<Impl>();
    impl->frame = std::move(frame);  // Ownership of the AVFrame is handed to the Impl.
    impl->writable = true;
    return std::make_unique<VideoFrame>(std::move(impl), layout, matrix, range);
}

int VideoFrame::width() const { return m_impl->frame->width; }
int VideoFrame::height() const { return m_impl->frame->height; }

const std::uint8_t* VideoFrame::planeData(int plane) const
{
    if (plane < 0 || plane >= planeCount())
        return nullptr;
    return m_impl->frame->data[plane];
}

std::uint8_t* VideoFrame::mutablePlaneData(int plane)
{
    if (plane < 0 || plane >= planeCount() || !m_impl->writable)
        return nullptr;
    return m_impl->frame->data[plane];
}

int VideoFrame::planeStride(int plane) const
{
    if (plane < 0 || plane >= planeCount())
        return 0;
    return m_impl->frame->linesize[plane];
}

int VideoFrame::planeWidth(int plane) const
{
    if (plane < 0 || plane >= planeCount())
        return 0;
    const int w = width();
    if (plane == 0)
        return w;
    // Round up: a 641-pixel-wide 4:2:0 picture has 321 chroma samples per row (AV_CEIL_RSHIFT).
    const int s = chromaShiftX(m_layout);
    return (w + (1 << s) - 1) >> s;
}

int VideoFrame::planeHeight(int plane) const
{
    if (plane < 0 || plane >= planeCount())
        return 0;
    const int h = height();
    if (plane == 0)
        return h;
    const int s = chromaShiftY(m_layout);
    return (h + (1 << s) - 1) >> s;
}

}  // namespace vigie::player
