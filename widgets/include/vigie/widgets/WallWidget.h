#pragma once
// The video wall: ONE surface that draws every tile (camera picture + overlay), by one of two paths.
//
// - OpenGL (the default): a single QOpenGLWidget child covers the wall. Decoded planes are uploaded as
//   GL_R8/GL_RG8/GL_R16/GL_RG16 textures (no CPU copy, no conversion) and converted to RGB by one shared
//   shader; all tiles are drawn in one paintGL with a viewport/scissor per tile.
// - Software: for displays whose OpenGL is a software rasteriser (llvmpipe on a virtual desktop), where
//   every shaded screen pixel costs CPU and QOpenGLWidget adds a full-window composition pass on top.
//   Each tile's mailbox is asked to deliver RGB pictures already scaled to the tile
//   (FrameMailbox::setDeliveredSize): the conversion runs on the decoder threads, in parallel, and the
//   GUI thread only copies pictures 1:1 into the window's backing store, which Qt sends to the display
//   for the repainted tiles only. It is the way mpv's x11 output keeps up without a GPU.
// Both paths repaint only when something changed and only the tiles that changed.
//
// Input. Left click selects a tile, double click emits tileDoubleClicked, right click asks for the tile's
// menu. Left drag: on a zoomed tile it pans the picture; otherwise it drags the tile onto another one
// (tileDragged, the receiver swaps them). Mouse wheel over a tile zooms in and out at the cursor (the
// picture point under the cursor stays there); a double click with the middle button resets the zoom.
// Keys: 1..9 and 0 select tiles 1..10, arrows move the selection, Enter activates it; + (or =) and -
// zoom the selected tile at its centre, Ctrl+0 or Backspace reset its zoom. Drops: a camera or a site
// on a tile (cameraDropped, siteDropped), a layout anywhere (layoutDropped); see CameraMime.h.
//
// Digital zoom: per tile (TileZoom), inside the area the picture covers unzoomed. The OpenGL path turns
// it into a texture-coordinate transform; the software path has the mailbox crop the decoded picture
// before scaling it to the tile (sharp, on the decoder thread), and until the next frame arrives shows
// the previous picture moved and scaled. Snapshots are unaffected: they take the decoded frame.
//
// Thread affinity: every method runs on the GUI thread. The only code that runs elsewhere is the
// mailbox notifier installed by setTileFeed(), which runs on the decoder thread and just queues a call.
//
// GL entry points come from QOpenGLFunctions_3_3_Core owned by the surface's context (obtained with
// QOpenGLVersionFunctionsFactory) rather than from inheriting it: with Qt 6.4, an inherited instance
// leaks the context's function tables each time the context is re-created (reparenting), as ASan shows.
//
// The app should call QSurfaceFormat::setDefaultFormat(WallWidget::defaultSurfaceFormat()) before
// creating the QApplication. If OpenGL 3.3 core is unavailable or the shader does not build, the wall
// does not crash: it logs why and shows the reason as text instead of video.

#include <QElapsedTimer>
#include <QRegion>
#include <QSurfaceFormat>
#include <QWidget>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "vigie/player/VideoFrame.h"
#include "vigie/widgets/PtzGesture.h"
#include "vigie/widgets/TileOverlay.h"
#include "vigie/widgets/TileZoom.h"
#include "vigie/widgets/WallLayout.h"

class QMimeData;
class QTimer;

namespace vigie::player {
class FrameMailbox;
class FrameScaler;
struct SourceArea;
}

namespace vigie::widgets {

class GlWallSurface;
struct WallTile;

class WallWidget : public QWidget {
    Q_OBJECT
public:
    enum class RenderPath { OpenGL, Software };
    // Letterbox (the whole picture, aspect kept) or fill the tile (stretched).
    enum class AspectMode { Fit, Fill };

    // Counters for tests and benchmarks.
    struct RenderStats {
        quint64 paints = 0;        // paintGL calls
        // OpenGL: glTexSubImage2D calls (one per plane: 2 or 3 per frame shown); software: RGB pictures
        // taken for display (one per frame shown).
        quint64 planeUploads = 0;
        quint64 guiConversions = 0;  // software: frames the GUI thread had to convert itself (not pre-scaled)
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

    explicit WallWidget(QWidget* parent = nullptr);  // defaultRenderPath()
    explicit WallWidget(RenderPath path, QWidget* parent = nullptr);
    ~WallWidget() override;

    // The path new walls take; the app sets it once at start-up (see app/RenderPathChoice).
    static void setDefaultRenderPath(RenderPath path);
    static RenderPath defaultRenderPath();
    RenderPath renderPath() const { return m_path; }

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
    // What every tile's overlay shows (kDefaultOverlayItems at first). With OverlayItem::Clock, one timer
    // for the whole wall redraws the tiles each second, and only while the wall is visible.
    void setOverlayItems(OverlayItems items);
    OverlayItems overlayItems() const { return m_overlayItems; }

    // Digital zoom of a tile. It survives new frames and is reset when the tile gets another feed (or
    // none) and when the layout changes. Setting it emits tileZoomChanged when it changes.
    TileZoom tileZoom(int tile) const;
    void setTileZoom(int tile, const TileZoom& zoom);
    void resetTileZoom(int tile) { setTileZoom(tile, TileZoom()); }

    // -1 = none. Changing it emits tileSelected.
    int selectedTile() const { return m_selectedTile; }
    void setSelectedTile(int tile);

    // PTZ on the video (-1: none). On that tile the mouse steers the camera instead of swapping or panning:
    // press and drag steers with a velocity proportional to the distance from the press point (drawn as
    // a vector), release stops; Ctrl+click centres on the point; Shift+drag draws an area to zoom into;
    // the wheel zooms the lens. Coordinates account for the tile's size, aspect mode and digital zoom.
    // While the PTZ tile is the selected one, the keys drive it too: arrows steer and + / - zoom while
    // held (released: stop), digits go to the presets by number, instead of moving the selection.
    void setPtzTile(int tile);
    int ptzTile() const { return m_ptzTile; }
    // Ends a drag or held keys on the PTZ tile, sending a stop if they were moving the camera (the tile's
    // camera changes, the window loses focus or hides, a menu takes the mouse).
    void cancelPtzGesture();

    void setTileAspectMode(int tile, AspectMode mode);
    AspectMode tileAspectMode(int tile) const;

    // OpenGL path: GL_LINEAR (default, better when shrinking) or GL_NEAREST (about half the cost on
    // llvmpipe). The software path always scales bilinearly (on the decoder threads).
    void setSmoothScaling(bool smooth);
    bool smoothScaling() const { return m_smooth; }

    // Upper bound on repaints per second caused by new frames (0 = none: every notification schedules a
    // paint, coalesced by Qt). On a software rasteriser each paint also pays a fixed cost to compose
    // the window, so capping near the streams' frame rate saves CPU at the price of up to 1/hz latency.
    // Applies to both paths.
    void setMaxFrameRate(int hz);
    int maxFrameRate() const { return m_maxFrameRate; }

    // Pixels between tiles, in device-independent pixels.
    void setTileGap(int px);
    int tileGap() const { return m_gap; }

    // Geometry in framebuffer pixels, i.e. in the coordinates of grabFramebuffer()'s image.
    QRect tileRect(int tile) const;
    QRect pictureRect(int tile) const;  // where the picture is drawn (fit or fill); tileRect() if none

    // What the wall shows, in framebuffer pixels (paints first, like QOpenGLWidget::grabFramebuffer).
    QImage grabFramebuffer();
    QImage grabTile(int tile);
    // A part of the tile's picture as last drawn, without a repaint: area is a fraction of pictureRect()
    // (0..1 in both directions). Cheap enough to call after every framePresented (latency measurements:
    // the benchmark reads a time code off the top rows). Null image when the tile has no picture.
    QImage grabPictureArea(int tile, const QRectF& area);
    // The OpenGL surface's format (requested before it is shown, actual after); the default format on
    // the software path.
    QSurfaceFormat format() const;
    RenderStats renderStats() const { return m_stats; }
    std::optional<PictureInfo> pictureInfo(int tile) const;
    // Why video cannot be drawn (no GL 3.3 core, shader failure); empty when rendering works.
    QString renderError() const { return m_renderError; }

    // Handles a drop of camera-id MIME data at pos (widget coordinates); returns true when accepted.
    bool dropCamera(const QMimeData* mime, QPoint pos);
    // Handles a drop of any payload the wall takes (camera, site, layout; see CameraMime.h) at pos
    // (widget coordinates), emitting the matching signal; returns true when accepted. Used by
    // dropEvent(); public so that other views can forward drops.
    bool dropMimeData(const QMimeData* mime, QPoint pos);

signals:
    void cameraDropped(int tile, const QString& cameraId);
    // A site dropped on a tile: the receiver fills the free tiles with the site's cameras from that one on.
    void siteDropped(int tile, const QString& siteId);
    // A layout (by name) dropped anywhere on the wall.
    void layoutDropped(const QString& name);
    // The tile's zoom changed (mouse, keyboard or setTileZoom; not when reset by a new feed or layout).
    void tileZoomChanged(int tile, double scale);
    void tileDoubleClicked(int tile);
    // Enter on the selected tile (the keyboard's double-click).
    void tileActivated(int tile);
    // Right click (or the menu key) on a tile: the receiver shows the tile's menu at globalPos.
    void tileMenuRequested(int tile, const QPoint& globalPos);
    // A tile dragged with the left button and dropped on another one (the receiver swaps them).
    void tileDragged(int from, int to);
    void tileSelected(int tile);
    // Emitted during a paint for each tile that has just drawn a new frame (tests, latency), once its
    // picture is drawn (on the OpenGL path before the overlays, so grabPictureArea() reads the picture).
    void framePresented(int tile);
    // PTZ gestures on the PTZ tile (setPtzTile). Velocities in [-1, 1], tilt > 0 up; a release sends zeros.
    void ptzVelocityRequested(int tile, double pan, double tilt, double zoom);
    void ptzZoomStepRequested(int tile, double step);  // a fraction of the zoom range, > 0 towards tele
    void ptzCentreRequested(int tile, const QPointF& picturePoint);  // normalised full-picture coordinates
    void ptzAreaRequested(int tile, const QRectF& pictureArea);      // likewise
    void ptzPresetRequested(int tile, int number);  // a digit key on the PTZ tile: 1..9, 0 = the tenth

protected:
    void paintEvent(QPaintEvent* event) override;  // software path
    void resizeEvent(QResizeEvent* event) override;

    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    // See the class comment for the keys.
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    friend class GlWallSurface;

    void onFeedReady(int tile, quint64 generation);  // queued from the decoder thread's notifier
    void detachFeed(WallTile& tile);
    void markTile(int tile);                          // redraw one tile (no new frame needed)
    void markAll();
    void markFullRedraw();                            // gaps and every tile
    void schedulePaint();                             // repaint, no sooner than the frame-rate cap allows
    void requestPaint();                              // repaint now (coalesced by Qt)
    int tileAtWidgetPos(QPointF pos) const;
    // pos (widget coordinates) as a fraction of the tile's picture rectangle, clamped to 0..1.
    QPointF viewportPointAt(int tile, QPointF pos) const;
    void zoomTile(int tile, QPointF viewportPoint, double factor);
    bool handleZoomKey(const QKeyEvent* event);
    void resetZooms();                                // all tiles, without signals (layout change)
    // Which payload a drag carries, if the wall takes it.
    enum class DropKind { None, Camera, Site, Layout };
    static DropKind dropKindOf(const QMimeData* mime);
    void updateClockTimer();                          // runs only while the clock is shown
    void onClockTick();
    QSize framebufferSize() const;
    int gapDevicePx() const;
    QRect logicalTileRect(int tile) const;
    QRect pictureRectIn(const WallTile& tile, QRect rect) const;
    void updateDeliveredSizes();                      // software path: what each mailbox converts to
    // Takes the tile's newest frame, if any, and records what it shows; null when none.
    std::unique_ptr<player::VideoFrame> takeFrame(WallTile& tile, player::SourceArea* area = nullptr);
    void recordPicture(WallTile& tile, const player::VideoFrame& frame);
    void drawOverlays(QPainter& painter, const std::vector<int>& tiles);
    void paintSoftware(QPaintEvent* event);
    void drawSoftwareTile(QPainter& painter, int index, QRect rect);
    void paintRenderError(QPainter& painter, QRect area);

    RenderPath m_path;
    GlWallSurface* m_surface = nullptr;  // child covering the wall on the OpenGL path; null otherwise
    std::unique_ptr<player::FrameScaler> m_guiScaler;  // software path: frames that were not pre-scaled
    WallLayout m_layout;
    std::vector<std::unique_ptr<WallTile>> m_tiles;
    QString m_renderError;
    bool m_fullRedraw = true;
    QRegion m_dirty;  // software path: logical region to repaint at the next paint
    bool m_smooth = true;
    int m_gap = 2;
    int m_selectedTile = -1;
    int m_dropTile = -1;  // tile under a drag in progress (camera or tile)
    // Tile dragging: pressed tile and position; m_draggedTile once the press moved beyond the start distance.
    int m_pressedTile = -1;
    QPoint m_pressPos;
    int m_draggedTile = -1;
    // Panning a zoomed tile with the left button: the tile, and the last position seen (widget coordinates).
    int m_panTile = -1;
    // PTZ gestures (GUI thread).
    enum class PtzGestureKind { None, Steer, Area };
    int m_ptzTile = -1;
    PtzGestureKind m_ptzGesture = PtzGestureKind::None;
    QPointF m_ptzPress;         // widget coordinates of the press
    QPointF m_ptzCurrent;       // and of the pointer now
    bool m_ptzSteering = false;  // the drag asks for a non-zero velocity: its release must stop
    PtzVelocityVector m_ptzDragVelocity;  // what the drag asks for now
    bool m_ptzDragged = false;   // the press has steered: its release is not a click (no centring)
    QSet<int> m_ptzKeys;         // steering keys held (Qt::Key), on the PTZ tile
    PtzVelocityVector m_ptzSent;  // the last velocity emitted, so that only changes are sent
    bool ptzKey(QKeyEvent* event, bool pressed);
    // The tile's one stick: the drag while it steers, else the held keys. Emitted when it changes, so a
    // key released during a drag (or a drag ending while keys are held) never stops the other input.
    void sendPtzVelocity();
    void paintPtzGesture(QPainter& painter, int tile, const QRectF& logical) const;
    bool ptzMousePress(QMouseEvent* event, int tile);
    bool ptzMouseMove(QMouseEvent* event);
    bool ptzMouseRelease(QMouseEvent* event);
    QPointF m_panLast;
    OverlayItems m_overlayItems = kDefaultOverlayItems;
    QTimer* m_clockTimer = nullptr;   // single shot, re-armed at each second boundary
    int m_maxFrameRate = 0;
    QTimer* m_paintTimer = nullptr;   // deferred update() under the frame-rate cap
    QElapsedTimer m_sinceLastPaint;
    quint64 m_nextGeneration = 1;
    RenderStats m_stats;
};

}  // namespace vigie::widgets
