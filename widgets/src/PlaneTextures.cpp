#include "PlaneTextures.h"

#include <bit>
#include <cstdint>

#include "vigie/player/VideoFrame.h"

namespace vigie::widgets {

// 16-bit planes are little-endian words uploaded as GL_UNSIGNED_SHORT, which is host order.
static_assert(std::endian::native == std::endian::little, "16-bit planes need a little-endian host");

namespace {

struct TexelFormat {
    GLint internalFormat;
    GLenum format;
    GLenum type;
};

TexelFormat texelFormat(int components, int bytesPerSample)
{
    // Normalised unsigned formats: the shader reads code / 255 (8-bit) or word / 65535 (16-bit).
    const GLenum format = components == 2 ? GL_RG : GL_RED;
    if (bytesPerSample == 2)
        return {components == 2 ? GL_RG16 : GL_R16, format, GL_UNSIGNED_SHORT};
    return {components == 2 ? GL_RG8 : GL_R8, format, GL_UNSIGNED_BYTE};
}

}  // namespace

int PlaneTextures::upload(QOpenGLFunctions_3_3_Core* gl, const player::VideoFrame& frame, bool smooth)
{
    // Packed RGB frames are made for the software path (FrameMailbox::setDeliveredSize); this path
    // converts Y'CbCr in its shader and never asks for them.
    if (frame.layout() == player::PixelLayout::Bgra)
        return 0;
    const int planes = frame.planeCount();
    const int sampleBytes = frame.bytesPerSample();
    for (int p = 0; p < planes; ++p) {
        const int texelBytes = frame.planeComponents(p) * sampleBytes;
        // GL_UNPACK_ROW_LENGTH counts texels: the stride must be a whole number of them, and 16-bit
        // samples must sit on 2-byte boundaries.
        if (!frame.planeData(p) || frame.planeWidth(p) <= 0 || frame.planeHeight(p) <= 0
            || frame.planeStride(p) < frame.planeWidth(p) * texelBytes || frame.planeStride(p) % texelBytes != 0
            || reinterpret_cast<std::uintptr_t>(frame.planeData(p)) % std::uintptr_t(sampleBytes) != 0)
            return 0;
    }
    if (!isValid()) {
        gl->glGenTextures(3, m_textures.data());
        m_sizes = {};
        m_formats = {};
    }
    // Rows of a plane are planeStride bytes apart; with an alignment of 1 no padding is assumed.
    gl->glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    int uploaded = 0;
    for (int p = 0; p < planes; ++p) {
        const std::size_t i = std::size_t(p);
        const int components = frame.planeComponents(p);
        const TexelFormat texel = texelFormat(components, sampleBytes);
        const QSize size(frame.planeWidth(p), frame.planeHeight(p));
        gl->glBindTexture(GL_TEXTURE_2D, m_textures[i]);
        if (m_sizes[i] != size || m_formats[i] != texel.internalFormat) {
            gl->glTexImage2D(GL_TEXTURE_2D, 0, texel.internalFormat, size.width(), size.height(), 0, texel.format,
                             texel.type, nullptr);
            gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
            gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
            gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_BASE_LEVEL, 0);
            gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
            setFilter(gl, smooth);
            m_sizes[i] = size;
            m_formats[i] = texel.internalFormat;
            m_smooth[i] = smooth;
        } else if (smooth != m_smooth[i]) {
            setFilter(gl, smooth);
            m_smooth[i] = smooth;
        }
        gl->glPixelStorei(GL_UNPACK_ROW_LENGTH, frame.planeStride(p) / (components * sampleBytes));
        gl->glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, size.width(), size.height(), texel.format, texel.type,
                            frame.planeData(p));
        ++uploaded;
    }
    m_planes = planes;
    // Back to GL defaults: Qt's own painting assumes them.
    gl->glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    gl->glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    gl->glBindTexture(GL_TEXTURE_2D, 0);
    return uploaded;
}

void PlaneTextures::bind(QOpenGLFunctions_3_3_Core* gl, bool smooth)
{
    const int planes = m_planes > 0 ? m_planes : 3;
    for (int p = 2; p >= 0; --p) {  // ends on unit 0, the unit Qt's painter expects active
        // Two planes: unit 2 gets the chroma texture too, so that every sampler has a complete texture.
        const std::size_t plane = std::size_t(p < planes ? p : planes - 1);
        gl->glActiveTexture(GLenum(GL_TEXTURE0 + p));
        gl->glBindTexture(GL_TEXTURE_2D, m_textures[plane]);
        if (smooth != m_smooth[plane]) {
            setFilter(gl, smooth);
            m_smooth[plane] = smooth;
        }
    }
}

void PlaneTextures::destroy(QOpenGLFunctions_3_3_Core* gl)
{
    if (isValid())
        gl->glDeleteTextures(3, m_textures.data());
    abandon();
}

void PlaneTextures::abandon()
{
    m_textures = {};
    m_sizes = {};
    m_formats = {};
    m_planes = 0;
}

void PlaneTextures::setFilter(QOpenGLFunctions_3_3_Core* gl, bool smooth)
{
    // Linear looks better when a big picture is shrunk into a small tile, but costs about twice as much
    // per screen pixel on a software rasteriser (llvmpipe).
    const GLint filter = smooth ? GL_LINEAR : GL_NEAREST;
    gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
}

}  // namespace vigie::widgets
