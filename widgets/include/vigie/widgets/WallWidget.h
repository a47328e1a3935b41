#pragma once
// The video wall: ONE OpenGL surface that draws every tile (camera picture + overlay).
//
// Each tile shows the frames of a FrameMailbox. Decoded planes are uploaded as three GL_R8 textures
// (no CPU copy, no conversion) and converted to RGB by one shared shader. On a software rasteriser
// (llvmpipe) the cost is per screen pixel, so the wall only repaints when something changed and only
// redraws the tiles that changed: the widget keeps its framebuffer between paints (PartialUpdate).
//
// Thread affinity: every method runs on the GUI thread. The only code that runs elsewhere is the
// mailbox notifier installed by setTileFeed(), which runs on the decoder thread and just queues a call.
//
// GL entry points come from QOpenGLFunctions_3_3_Core owned by the widget's context (obtained with
// QOpenGLVersionFunctionsFactory) rather than from inheriting it: with Qt 6.4, an inherited instance
// leaks the context's function tables each time the context is re-created (reparenting), as ASan shows.
//
// The app should call QSurfaceFormat::setDefaultFormat(WallWidget::defaultSurfaceFormat()) before
// creating the QApplication. If OpenGL 3.3 core is unavailable or the shader does not build, the wall
// does not crash: it logs why and shows the reason as text instead of video.

#include <QElapsedTimer>
#include <QOpenGLWidget>
#include <QSurfaceFormat>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "vigie/player/VideoFrame.h"
#include "vigie/widgets/TileOverlay.h"
#include "vigie/widgets/WallLayout.h"

class QMimeData;
class QOpenGLFunctions_3_3_Core;
class QTimer;

namespace vigie::player {
class FrameMailbox;
}

namespace vigie::widgets {

class YuvProgram;

class WallWidget : public QOpenGLWidget {
    Q_OBJECT
public:
    // Counters for tests and benchmarks.
    struct RenderStats {
        quint64 paints = 0;        // paintGL calls
        quint64 planeUploads = 0;  // glTexSubImage2D calls (one per plane: 2 or 3 per frame shown)
        quint64 framesShown = 0;   // frames taken from mailboxes and drawn
    };
    // What the picture currently on a tile is.
    struct PictureInfo {
        QSize size;
        player::PixelLayout layout = player::PixelLayout::Yuv420p;
        player::ColorMatrix matrix = player::ColorMatrix::Bt601;
        player::ColorRange range = player::ColorRange::Limited;
        std::uint64_t sequence = 0;  // VideoFrame::sequence of the last frame shown
    };

    explicit WallWidget(QWidget* parent = nullptr);
    ~WallWidget() override;

    // OpenGL 3.3 core, 8-bit RGBA, no multisampling, swap interval 1.
    static QSurfaceFormat defaultSurfaceFormat();

    // Tiles keep their feed, overlay and picture across a layout change when their index still exists.
    void setWallLayout(const WallLayout& layout);
    const WallLayout& wallLayout() const { return m_layout; }
    int tileCount() const { return m_layout.tileCount(); }

    // The tile shows the newest frame of this mailbox; nullptr = empty tile. A mailbox feeds one tile
    // only (take() hands each frame to one consumer). When a feed is replaced by another, the old
    // picture stays until the new feed's first frame (no black flash); a null feed clears it at once.
    void setTileFeed(int tile, std::shared_ptr<player::FrameMailbox> feed);
    std::shared_ptr<player::FrameMailbox> tileFeed(int tile) const;

    void setTileOverlay(int tile, const TileOverlay& overlay);
    TileOverlay tileOverlay(int tile) const;

    // -1 = none. Changing it emits tileSelected.
    int selectedTile() const { return m_selectedTile; }
    void setSelectedTile(int tile);

    // GL_LINEAR (default, better when shrinking) or GL_NEAREST (about half the cost on llvmpipe).
    void setSmoothScaling(bool smooth);
    bool smoothScaling() const { return m_smooth; }

    // Upper bound on repaints per second caused by new frames (0 = none: every notification schedules a
    // paint, coalesced by Qt). On a software rasteriser each paint also pays a fixed cost to compose
    // the window, so capping near the streams' frame rate saves CPU at the price of up to 1/hz latency.
    void setMaxFrameRate(int hz);
    int maxFrameRate() const { return m_maxFrameRate; }

    // Pixels between tiles, in device-independent pixels.
    void setTileGap(int px);
    int tileGap() const { return m_gap; }

    // Geometry in framebuffer pixels, i.e. in the coordinates of grabFramebuffer()'s image.
    QRect tileRect(int tile) const;
    QRect pictureRect(int tile) const;  // where the picture is drawn (aspect fit); tileRect() if none

    QImage grabTile(int tile);
    RenderStats renderStats() const { return m_stats; }
    std::optional<PictureInfo> pictureInfo(int tile) const;
    // Why video cannot be drawn (no GL 3.3 core, shader failure); empty when rendering works.
    QString renderError() const { return m_renderError; }

    // Handles a drop of camera-id MIME data at pos (widget coordinates); returns true when accepted.
    // Used by dropEvent(); public so that other views can forward drops.
    bool dropCamera(const QMimeData* mime, QPoint pos);

signals:
    void cameraDropped(int tile, const QString& cameraId);
    void tileDoubleClicked(int tile);
    void tileSelected(int tile);
    // Emitted at the end of paintGL for each tile that has just drawn a new frame (tests, latency).
    void framePresented(int tile);

protected:
    void initializeGL() override;
    void resizeGL(int w, int h) override;
    void paintGL() override;

    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Tile;

    void onFeedReady(int tile, quint64 generation);  // queued from the decoder thread's notifier
    void detachFeed(Tile& tile);
    void markTile(int tile);                          // redraw one tile (no new frame needed)
    void markAll();
    void schedulePaint();                             // update(), no sooner than the frame-rate cap allows
    int tileAtWidgetPos(QPointF pos) const;
    QSize framebufferSize() const;
    int gapDevicePx() const;
    void cleanupGL();
    void releaseDeadTextures();
    bool takeAndUpload(Tile& tile);
    void drawVideo(const std::vector<int>& tiles, QSize fb);
    void drawOverlays(const std::vector<int>& tiles);
    void paintRenderError();

    WallLayout m_layout;
    std::vector<std::unique_ptr<Tile>> m_tiles;
    std::vector<std::unique_ptr<Tile>> m_deadTiles;  // removed tiles whose textures await the context
    QOpenGLFunctions_3_3_Core* m_gl = nullptr;  // owned by the current context; null until initializeGL
    std::unique_ptr<YuvProgram> m_program;
    QString m_renderError;
    bool m_glReady = false;
    bool m_fullRedraw = true;
    bool m_smooth = true;
    int m_gap = 2;
    int m_selectedTile = -1;
    int m_dropTile = -1;  // tile under a drag in progress
    int m_maxFrameRate = 0;
    QTimer* m_paintTimer = nullptr;   // deferred update() under the frame-rate cap
    QElapsedTimer m_sinceLastPaint;
    quint64 m_nextGeneration = 1;
    QSize m_lastFramebufferSize;
    GLuint m_lastFramebuffer = 0;
    RenderStats m_stats;
};

}  // namespace vigie::widgets
