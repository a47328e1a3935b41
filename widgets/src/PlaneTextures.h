#pragma once
// The plane textures (Y, Cb, Cr, or Y and interleaved CbCr) of one wall tile, reused from frame to frame.
// GUI thread, with the wall's context current.

#include <QOpenGLFunctions_3_3_Core>
#include <QSize>

#include <array>

namespace vigie::player {
class VideoFrame;
}

namespace vigie::widgets {

class PlaneTextures {
public:
    // Uploads the frame's planes in place (GL_UNPACK_ROW_LENGTH = stride, no CPU copy): 8-bit samples as
    // GL_R8 / GL_RG8, 16-bit ones as GL_R16 / GL_RG16, two components for an interleaved CbCr plane.
    // Textures are (re)allocated only when a plane's size or format changes. Returns the number of planes
    // uploaded (0 when the frame is unusable).
    int upload(QOpenGLFunctions_3_3_Core* gl, const player::VideoFrame& frame, bool smooth);
    // Binds the planes to texture units 0, 1, 2 and applies the filter if it changed. With two planes,
    // the chroma texture goes to units 1 and 2 (the shader reads unit 1 only, unit 2 stays complete).
    void bind(QOpenGLFunctions_3_3_Core* gl, bool smooth);
    void destroy(QOpenGLFunctions_3_3_Core* gl);
    // Forgets the texture names without deleting them (their context is gone).
    void abandon();
    bool isValid() const { return m_textures[0] != 0; }

private:
    static void setFilter(QOpenGLFunctions_3_3_Core* gl, bool smooth);

    std::array<GLuint, 3> m_textures{};
    std::array<QSize, 3> m_sizes{};
    std::array<GLint, 3> m_formats{};  // internal format of each texture's storage
    std::array<bool, 3> m_smooth{true, true, true};  // filter of each texture (linear or nearest)
    int m_planes = 0;                                 // planes of the last frame uploaded
};

}  // namespace vigie::widgets
