#pragma once
// The three GL_R8 textures (Y, U, V) of one wall tile, reused from frame to frame.
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
    // Uploads the frame's planes in place (GL_UNPACK_ROW_LENGTH = stride, no CPU copy). Textures are
    // (re)allocated only when a plane's size changes. Returns the number of planes uploaded (0 when the
    // frame is unusable).
    int upload(QOpenGLFunctions_3_3_Core* gl, const player::VideoFrame& frame, bool smooth);
    // Binds the planes to texture units 0, 1, 2 and applies the filter if it changed.
    void bind(QOpenGLFunctions_3_3_Core* gl, bool smooth);
    void destroy(QOpenGLFunctions_3_3_Core* gl);
    // Forgets the texture names without deleting them (their context is gone).
    void abandon();
    bool isValid() const { return m_textures[0] != 0; }

private:
    static void setFilter(QOpenGLFunctions_3_3_Core* gl, bool smooth);

    std::array<GLuint, 3> m_textures{};
    std::array<QSize, 3> m_sizes{};
    bool m_smooth = true;
};

}  // namespace vigie::widgets
