#pragma once
// The OpenGL path of WallWidget: one QOpenGLWidget child covering the wall, drawing every tile in one
// paintGL (viewport + scissor per tile, one shared Y'CbCr shader) and the overlays with QPainter on top.
// It keeps its framebuffer between paints (PartialUpdate) and redraws only the tiles that changed.
//
// Thread affinity: GUI thread. Input passes through it to the wall (WA_TransparentForMouseEvents).

#include <QOpenGLWidget>

#include "vigie/player/VideoFrame.h"

#include <memory>
#include <vector>

class QOpenGLFunctions_3_3_Core;

namespace vigie::widgets {

class WallWidget;
class YuvProgram;
struct WallTile;

class GlWallSurface : public QOpenGLWidget {
    Q_OBJECT
public:
    explicit GlWallSurface(WallWidget* wall);
    ~GlWallSurface() override;

    // A removed tile: its textures are freed at the next paint, with the context current.
    void retireTile(std::unique_ptr<WallTile> tile);
    // Frees every texture and the program (the wall is going away).
    void cleanupGL();
    // Pixels of the framebuffer (top-left origin, framebuffer pixels), without repainting.
    QImage readPixels(const QRect& rect);

protected:
    void initializeGL() override;
    void resizeGL(int w, int h) override;
    void paintGL() override;

private:
    bool upload(WallTile& tile, const player::VideoFrame& frame);
    void drawVideo(const std::vector<int>& tiles, QSize fb);
    void releaseDeadTextures();

    WallWidget* m_wall;
    QOpenGLFunctions_3_3_Core* m_gl = nullptr;  // owned by the current context; null until initializeGL
    std::unique_ptr<YuvProgram> m_program;
    std::vector<std::unique_ptr<WallTile>> m_deadTiles;  // removed tiles whose textures await the context
    bool m_glReady = false;
    QSize m_lastFramebufferSize;
    unsigned m_lastFramebuffer = 0;
};

}  // namespace vigie::widgets
