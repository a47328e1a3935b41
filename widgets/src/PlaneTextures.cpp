#include "PlaneTextures.h"

#include "vigie/player/VideoFrame.h"

namespace vigie::widgets {

int PlaneTextures::upload(QOpenGLFunctions_3_3_Core* gl, const player::VideoFrame& frame, bool smooth)
{
    for (int p = 0; p < player::VideoFrame::kPlaneCount; ++p) {
        if (!frame.planeData(p) || frame.planeWidth(p) <= 0 || frame.planeHeight(p) <= 0
            || frame.planeStride(p) < frame.planeWidth(p))
            return 0;
    }
    if (!isValid()) {
        gl->glGenTextures(3, m_textures.data());
        m_sizes = {};
    }
    // Rows of a plane are planeStride bytes apart; GL_R8 rows need no alignment padding.
    gl->glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    int uploaded = 0;
    for (int p = 0; p < player::VideoFrame::kPlaneCount; ++p) {
        const QSize size(frame.planeWidth(p), frame.planeHeight(p));
        gl->glBindTexture(GL_TEXTURE_2D, m_textures[std::size_t(p)]);
        if (m_sizes[std::size_t(p)] != size) {
            gl->glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, size.width(), size.height(), 0, GL_RED, GL_UNSIGNED_BYTE,
                             nullptr);
            gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
            gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
            gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_BASE_LEVEL, 0);
            gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
            setFilter(gl, smooth);
            m_sizes[std::size_t(p)] = size;
        } else if (smooth != m_smooth) {
            setFilter(gl, smooth);
        }
        gl->glPixelStorei(GL_UNPACK_ROW_LENGTH, frame.planeStride(p));
        gl->glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, size.width(), size.height(), GL_RED, GL_UNSIGNED_BYTE,
                            frame.planeData(p));
        ++uploaded;
    }
    m_smooth = smooth;
    // Back to GL defaults: Qt's own painting assumes them.
    gl->glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    gl->glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    gl->glBindTexture(GL_TEXTURE_2D, 0);
    return uploaded;
}

void PlaneTextures::bind(QOpenGLFunctions_3_3_Core* gl, bool smooth)
{
    for (int p = 2; p >= 0; --p) {  // ends on unit 0, the unit Qt's painter expects active
        gl->glActiveTexture(GLenum(GL_TEXTURE0 + p));
        gl->glBindTexture(GL_TEXTURE_2D, m_textures[std::size_t(p)]);
        if (smooth != m_smooth)
            setFilter(gl, smooth);
    }
    m_smooth = smooth;
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
