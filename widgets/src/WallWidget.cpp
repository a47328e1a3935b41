#include "vigie/widgets/WallWidget.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QDragLeaveEvent>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QKeyEvent>
#include <QLoggingCategory>
#include <QMimeData>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QTimer>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

#include "vigie/player/FrameMailbox.h"
#include "vigie/player/FrameScaler.h"
#include "vigie/widgets/CameraMime.h"
#include "vigie/widgets/PtzGesture.h"

#include "GlWallSurface.h"
#include "TileOverlayPainter.h"
#include "WallTile.h"

Q_LOGGING_CATEGORY(lcWall, "vigie.widgets.wall")

namespace vigie::widgets {

namespace {
const QColor kGapColor(40, 40, 40);
const QColor kTileBackground(12, 12, 12);
WallWidget::RenderPath g_defaultRenderPath = WallWidget::RenderPath::OpenGL;
// One wheel notch (or one + / - key press) zooms by this factor: 8 notches from 1x to about 6x.
constexpr double kZoomStep = 1.25;
// Keys drive a PTZ camera at half its speed: fine enough to frame, fast enough to follow a walker.
constexpr double kPtzKeySpeed = 0.5;
constexpr qreal kPtzMinAreaPx = 8;  // logical pixels each way

player::SourceArea sourceAreaOf(const TileZoom& zoom)
{
    const QRectF rect = zoom.sourceRect();
    return {rect.x(), rect.y(), rect.width(), rect.height()};
}
}  // namespace

WallWidget::WallWidget(QWidget* parent) : WallWidget(g_defaultRenderPath, parent) {}

WallWidget::WallWidget(RenderPath path, QWidget* parent) : QWidget(parent), m_path(path)
{
    if (m_path == RenderPath::OpenGL) {
        m_surface = new GlWallSurface(this);
    } else {
        m_guiScaler = std::make_unique<player::FrameScaler>();
        // paintEvent() paints every pixel of the region it is asked for: Qt need not clear it first.
        setAttribute(Qt::WA_OpaquePaintEvent);
        setAttribute(Qt::WA_NoSystemBackground);
    }
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    m_paintTimer = new QTimer(this);
    m_paintTimer->setSingleShot(true);
    m_paintTimer->setTimerType(Qt::PreciseTimer);
    connect(m_paintTimer, &QTimer::timeout, this, &WallWidget::requestPaint);
    m_clockTimer = new QTimer(this);
    m_clockTimer->setSingleShot(true);
    m_clockTimer->setTimerType(Qt::PreciseTimer);
    connect(m_clockTimer, &QTimer::timeout, this, &WallWidget::onClockTick);
    setMinimumSize(160, 120);
}

WallWidget::~WallWidget()
{
    // After setNotifier({}) returns the decoder threads never call into this object again.
    for (auto& tile : m_tiles)
        detachFeed(*tile);
    // The surface frees its textures through m_tiles: it must go before the members do (as a child it
    // would be deleted by ~QWidget, after them).
    delete m_surface;
    m_surface = nullptr;
}

void WallWidget::setDefaultRenderPath(RenderPath path) { g_defaultRenderPath = path; }

WallWidget::RenderPath WallWidget::defaultRenderPath() { return g_defaultRenderPath; }

QSurfaceFormat WallWidget::format() const
{
    return m_surface ? m_surface->format() : QSurfaceFormat::defaultFormat();
}

QSurfaceFormat WallWidget::defaultSurfaceFormat()
{
    QSurfaceFormat format;
    format.setRenderableType(QSurfaceFormat::OpenGL);
    format.setVersion(3, 3);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setRedBufferSize(8);
    format.setGreenBufferSize(8);
    format.setBlueBufferSize(8);
    format.setAlphaBufferSize(8);
    format.setDepthBufferSize(24);  // QPainter clips with depth/stencil when a clip is not a rectangle
    format.setStencilBufferSize(8);
    format.setSamples(0);
    format.setSwapBehavior(QSurfaceFormat::DoubleBuffer);
    format.setSwapInterval(1);
    return format;
}

// ---------------------------------------------------------------------------------------------------
// Tiles and feeds

void WallWidget::setWallLayout(const WallLayout& layout)
{
    if (layout == m_layout && int(m_tiles.size()) == layout.tileCount())
        return;
    setPtzTile(-1);  // a new layout is a new view: the owner sets the mouse's PTZ tile again
    m_layout = layout;
    resetZooms();  // a new layout is a new view: each tile starts showing its whole picture
    const auto count = std::size_t(std::max(0, layout.tileCount()));
    while (m_tiles.size() > count) {
        detachFeed(*m_tiles.back());
        if (m_surface)
            m_surface->retireTile(std::move(m_tiles.back()));  // textures are freed with the context current
        m_tiles.pop_back();
    }
    while (m_tiles.size() < count)
        m_tiles.push_back(std::make_unique<WallTile>());
    if (m_selectedTile >= int(count))
        setSelectedTile(-1);
    if (m_dropTile >= int(count))
        m_dropTile = -1;
    updateDeliveredSizes();
    updateClockTimer();
    markFullRedraw();
}

void WallWidget::setTileFeed(int tile, std::shared_ptr<player::FrameMailbox> feed)
{
    if (tile < 0 || tile >= int(m_tiles.size()))
        return;
    WallTile& t = *m_tiles[std::size_t(tile)];
    if (t.feed == feed)
        return;
    detachFeed(t);
    t.feed = std::move(feed);
    t.generation = m_nextGeneration++;
    t.deliveredSize = {};
    t.zoom.reset();  // another camera: its picture is shown whole
    if (!t.feed) {
        t.hasPicture = false;
        t.rgbFrame.reset();
        t.lastPresented = {};
        markTile(tile);
        return;
    }
    updateDeliveredSizes();
    const quint64 generation = t.generation;
    t.feed->setNotifier([this, tile, generation] {
        // Decoder thread, under the mailbox lock: only queue a call to the GUI thread.
        QMetaObject::invokeMethod(
            this, [this, tile, generation] { onFeedReady(tile, generation); }, Qt::QueuedConnection);
    });
    // The old picture stays until the new feed delivers; a frame may already be waiting.
    t.frameReady = true;
    if (m_path == RenderPath::Software)
        m_dirty += logicalTileRect(tile);
    schedulePaint();
}

std::shared_ptr<player::FrameMailbox> WallWidget::tileFeed(int tile) const
{
    if (tile < 0 || tile >= int(m_tiles.size()))
        return nullptr;
    return m_tiles[std::size_t(tile)]->feed;
}

void WallWidget::detachFeed(WallTile& tile)
{
    if (tile.feed) {
        tile.feed->setNotifier({});
        if (tile.deliveredSize.isValid())
            tile.feed->setDeliveredSize(0, 0, true);  // the next consumer may want decoded frames
    }
    tile.deliveredSize = {};
    tile.frameReady = false;
}

void WallWidget::onFeedReady(int tile, quint64 generation)
{
    if (tile < 0 || tile >= int(m_tiles.size()) || m_tiles[std::size_t(tile)]->generation != generation)
        return;
    m_tiles[std::size_t(tile)]->frameReady = true;
    if (m_path == RenderPath::Software)
        m_dirty += logicalTileRect(tile);
    schedulePaint();
}

void WallWidget::requestPaint()
{
    if (m_surface) {
        m_surface->update();
        return;
    }
    // Only the changed tiles are repainted, and only they are sent to the display.
    if (!m_dirty.isEmpty())
        update(m_dirty);
    m_dirty = QRegion();
}

void WallWidget::schedulePaint()
{
    // Repaints are coalesced by Qt: one paint serves every tile that became ready meanwhile.
    if (m_maxFrameRate <= 0) {
        requestPaint();
        return;
    }
    if (m_paintTimer->isActive())
        return;  // a paint is already planned; it will take this tile's frame too
    const qint64 interval = 1000 / m_maxFrameRate;
    const qint64 since = m_sinceLastPaint.isValid() ? m_sinceLastPaint.elapsed() : interval;
    if (since >= interval)
        requestPaint();
    else
        m_paintTimer->start(int(interval - since));
}

void WallWidget::setMaxFrameRate(int hz)
{
    m_maxFrameRate = std::max(0, hz);
}

void WallWidget::setTileOverlay(int tile, const TileOverlay& overlay)
{
    if (tile < 0 || tile >= int(m_tiles.size()) || m_tiles[std::size_t(tile)]->overlay == overlay)
        return;
    m_tiles[std::size_t(tile)]->overlay = overlay;
    markTile(tile);
}

TileOverlay WallWidget::tileOverlay(int tile) const
{
    if (tile < 0 || tile >= int(m_tiles.size()))
        return {};
    return m_tiles[std::size_t(tile)]->overlay;
}

void WallWidget::setOverlayItems(OverlayItems items)
{
    if (items == m_overlayItems)
        return;
    m_overlayItems = items;
    updateClockTimer();
    markAll();
}

void WallWidget::updateClockTimer()
{
    const bool needed = m_overlayItems.testFlag(OverlayItem::Clock) && isVisible() && !m_tiles.empty();
    if (!needed) {
        m_clockTimer->stop();
        return;
    }
    if (m_clockTimer->isActive())
        return;
    // Just after the next second boundary, so that the clocks change with the system clock.
    const int msec = QTime::currentTime().msec();
    m_clockTimer->start(1000 - msec + 5);
}

void WallWidget::onClockTick()
{
    for (std::size_t i = 0; i < m_tiles.size(); ++i) {
        const WallTile& tile = *m_tiles[i];
        if (tile.feed || tile.hasPicture)  // the tiles that show a clock
            markTile(int(i));
    }
    updateClockTimer();
}

void WallWidget::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    updateClockTimer();
}

void WallWidget::hideEvent(QHideEvent* event)
{
    cancelPtzGesture();  // whatever steered is out of the operator's sight and hand now
    QWidget::hideEvent(event);
    updateClockTimer();
}

void WallWidget::focusOutEvent(QFocusEvent* event)
{
    // A key held now will release elsewhere (another widget, another window): stop what it started.
    cancelPtzGesture();
    QWidget::focusOutEvent(event);
}

void WallWidget::cancelPtzGesture()
{
    m_ptzSteering = m_ptzDragged = false;
    m_ptzDragVelocity = {};
    m_ptzKeys.clear();
    if (m_ptzGesture != PtzGestureKind::None) {
        m_ptzGesture = PtzGestureKind::None;
        markTile(m_ptzTile);
    }
    sendPtzVelocity();
}

void WallWidget::sendPtzVelocity()
{
    PtzVelocityVector velocity = m_ptzDragVelocity;
    if (!m_ptzSteering) {
        const auto has = [this](int k) { return m_ptzKeys.contains(k); };
        velocity = PtzGesture::keyVelocity(has(Qt::Key_Left), has(Qt::Key_Right), has(Qt::Key_Up), has(Qt::Key_Down),
                                           kPtzKeySpeed);
        velocity.zoom =
            PtzGesture::keyZoomVelocity(has(Qt::Key_Plus) || has(Qt::Key_Equal), has(Qt::Key_Minus), kPtzKeySpeed).zoom;
    }
    if (velocity == m_ptzSent)
        return;
    m_ptzSent = velocity;
    if (m_ptzTile >= 0)
        emit ptzVelocityRequested(m_ptzTile, velocity.pan, velocity.tilt, velocity.zoom);
}

TileZoom WallWidget::tileZoom(int tile) const
{
    if (tile < 0 || tile >= int(m_tiles.size()))
        return {};
    return m_tiles[std::size_t(tile)]->zoom;
}

void WallWidget::setTileZoom(int tile, const TileZoom& zoom)
{
    if (tile < 0 || tile >= int(m_tiles.size()) || m_tiles[std::size_t(tile)]->zoom == zoom)
        return;
    m_tiles[std::size_t(tile)]->zoom = zoom;
    updateDeliveredSizes();
    markTile(tile);
    emit tileZoomChanged(tile, zoom.scale());
}

void WallWidget::resetZooms()
{
    for (auto& tile : m_tiles)
        tile->zoom.reset();
    m_panTile = -1;
}

void WallWidget::zoomTile(int tile, QPointF viewportPoint, double factor)
{
    TileZoom zoom = tileZoom(tile);
    zoom.zoomAt(viewportPoint, factor);
    setTileZoom(tile, zoom);
}

QPointF WallWidget::viewportPointAt(int tile, QPointF pos) const
{
    const QRect picture = pictureRect(tile);
    if (picture.isEmpty())
        return {0.5, 0.5};
    const QPointF device = pos * devicePixelRatioF();
    return {std::clamp((device.x() - picture.x()) / picture.width(), 0.0, 1.0),
            std::clamp((device.y() - picture.y()) / picture.height(), 0.0, 1.0)};
}

void WallWidget::setTileAspectMode(int tile, AspectMode mode)
{
    if (tile < 0 || tile >= int(m_tiles.size()) || m_tiles[std::size_t(tile)]->aspect == mode)
        return;
    m_tiles[std::size_t(tile)]->aspect = mode;
    updateDeliveredSizes();
    markTile(tile);
}

WallWidget::AspectMode WallWidget::tileAspectMode(int tile) const
{
    if (tile < 0 || tile >= int(m_tiles.size()))
        return AspectMode::Fit;
    return m_tiles[std::size_t(tile)]->aspect;
}

void WallWidget::setSelectedTile(int tile)
{
    if (tile < -1 || tile >= int(m_tiles.size()))
        tile = -1;
    if (tile == m_selectedTile)
        return;
    markTile(m_selectedTile);
    m_selectedTile = tile;
    markTile(tile);
    emit tileSelected(tile);
}

void WallWidget::setSmoothScaling(bool smooth)
{
    if (smooth == m_smooth)
        return;
    m_smooth = smooth;
    markAll();
}

void WallWidget::setTileGap(int px)
{
    px = std::max(0, px);
    if (px == m_gap)
        return;
    m_gap = px;
    updateDeliveredSizes();
    markFullRedraw();
}

void WallWidget::markTile(int tile)
{
    if (tile < 0 || tile >= int(m_tiles.size()))
        return;
    m_tiles[std::size_t(tile)]->needsDraw = true;
    if (m_path == RenderPath::Software)
        m_dirty += logicalTileRect(tile);
    requestPaint();
}

void WallWidget::markAll()
{
    for (auto& tile : m_tiles)
        tile->needsDraw = true;
    if (m_path == RenderPath::Software)
        m_dirty += rect();
    requestPaint();
}

void WallWidget::markFullRedraw()
{
    m_fullRedraw = true;
    markAll();
}

// ---------------------------------------------------------------------------------------------------
// Geometry

QSize WallWidget::framebufferSize() const
{
    // Same rounding as QOpenGLWidget uses for its framebuffer object.
    return size() * devicePixelRatioF();
}

int WallWidget::gapDevicePx() const
{
    return qRound(m_gap * devicePixelRatioF());
}

QRect WallWidget::tileRect(int tile) const
{
    return m_layout.tileRect(tile, framebufferSize(), gapDevicePx());
}

QRect WallWidget::logicalTileRect(int tile) const
{
    const QRect device = tileRect(tile);
    if (device.isEmpty())
        return {};
    const qreal dpr = devicePixelRatioF();
    // Rounded outwards: a repaint region must cover every device pixel of the tile.
    return QRectF(device.x() / dpr, device.y() / dpr, device.width() / dpr, device.height() / dpr).toAlignedRect();
}

QRect WallWidget::pictureRectIn(const WallTile& tile, QRect rect) const
{
    if (!tile.hasPicture || tile.aspect == AspectMode::Fill)
        return rect;
    return WallLayout::fitRect(tile.info.size, rect);
}

QRect WallWidget::pictureRect(int tile) const
{
    if (tile < 0 || tile >= int(m_tiles.size()))
        return tileRect(tile);
    return pictureRectIn(*m_tiles[std::size_t(tile)], tileRect(tile));
}

int WallWidget::tileAtWidgetPos(QPointF pos) const
{
    return m_layout.tileAt((pos * devicePixelRatioF()).toPoint(), framebufferSize(), gapDevicePx());
}

std::optional<WallWidget::PictureInfo> WallWidget::pictureInfo(int tile) const
{
    if (tile < 0 || tile >= int(m_tiles.size()) || !m_tiles[std::size_t(tile)]->hasPicture)
        return std::nullopt;
    return m_tiles[std::size_t(tile)]->info;
}

QImage WallWidget::grabFramebuffer()
{
    if (m_surface)
        return m_surface->grabFramebuffer();
    // render() paints the whole widget through paintEvent(), taking waiting frames like a real paint.
    QImage image(framebufferSize(), QImage::Format_RGB32);
    image.setDevicePixelRatio(devicePixelRatioF());
    render(&image, QPoint(), QRegion(), QWidget::DrawChildren);
    image.setDevicePixelRatio(1.0);
    return image;
}

QImage WallWidget::grabTile(int tile)
{
    const QRect rect = tileRect(tile);
    if (rect.isEmpty())
        return {};
    return grabFramebuffer().copy(rect);
}

QImage WallWidget::grabPictureArea(int tile, const QRectF& area)
{
    if (tile < 0 || tile >= int(m_tiles.size()) || !m_tiles[std::size_t(tile)]->hasPicture)
        return {};
    const QRect picture = pictureRect(tile);
    const QRect wanted = QRectF(picture.x() + area.x() * picture.width(), picture.y() + area.y() * picture.height(),
                                area.width() * picture.width(), area.height() * picture.height())
                             .toAlignedRect()
                             .intersected(picture);
    if (m_surface)
        return m_surface->readPixels(wanted);
    // Software path: the tile's RGB picture is what was copied 1:1 into the window.
    const WallTile& t = *m_tiles[std::size_t(tile)];
    if (!t.rgbFrame)
        return {};
    const player::VideoFrame& frame = *t.rgbFrame;
    const QImage image(frame.planeData(0), frame.width(), frame.height(), frame.planeStride(0), QImage::Format_RGB32);
    const QRect inImage = QRectF(area.x() * frame.width(), area.y() * frame.height(), area.width() * frame.width(),
                                 area.height() * frame.height())
                              .toAlignedRect()
                              .intersected(image.rect());
    return image.copy(inImage);  // a deep copy: the frame may go at the next paint
}

void WallWidget::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (m_surface)
        m_surface->setGeometry(rect());
    updateDeliveredSizes();
    markFullRedraw();
}

void WallWidget::updateDeliveredSizes()
{
    if (m_path != RenderPath::Software)
        return;
    for (std::size_t i = 0; i < m_tiles.size(); ++i) {
        WallTile& tile = *m_tiles[i];
        if (!tile.feed)
            continue;
        QSize size = tileRect(int(i)).size();
        bool keepAspect = tile.aspect == AspectMode::Fit;
        const player::SourceArea area = sourceAreaOf(tile.zoom);
        if (tile.zoom.isZoomed() && tile.hasPicture) {
            // Exactly the picture's rectangle: the crop, rounded to whole samples, may not have the
            // picture's proportions to the pixel, and a picture one pixel off would be scaled again here.
            size = pictureRectIn(tile, tileRect(int(i))).size();
            keepAspect = false;
        }
        if (size == tile.deliveredSize && keepAspect == tile.deliveredKeepAspect && area == tile.deliveredArea)
            continue;
        tile.deliveredSize = size;
        tile.deliveredKeepAspect = keepAspect;
        tile.deliveredArea = area;
        // From the next decoded frame on, the decoder thread converts to this size (RGB), cropping the
        // zoomed part from the decoded picture: as sharp as the source allows.
        tile.feed->setDeliveredSize(size.width(), size.height(), keepAspect, area);
    }
}

// ---------------------------------------------------------------------------------------------------
// Painting (shared by both paths)

std::unique_ptr<player::VideoFrame> WallWidget::takeFrame(WallTile& tile, player::SourceArea* area)
{
    if (!tile.frameReady)
        return nullptr;
    tile.frameReady = false;
    return tile.feed ? tile.feed->take(area) : nullptr;
}

void WallWidget::recordPicture(WallTile& tile, const player::VideoFrame& frame)
{
    tile.info.size = QSize(frame.sourceWidth(), frame.sourceHeight());
    tile.info.layout = frame.sourceLayout();
    tile.info.matrix = frame.matrix();
    tile.info.range = frame.range();
    tile.info.sequence = frame.sequence;
    tile.hasPicture = true;
    tile.needsDraw = true;
    tile.lastPresented = QDateTime::currentDateTimeUtc();
    tile.lastPtsMicros = frame.ptsMicros;
    ++m_stats.framesShown;
}

void WallWidget::drawOverlays(QPainter& painter, const std::vector<int>& tiles)
{
    if (tiles.empty())
        return;
    painter.setRenderHint(QPainter::TextAntialiasing);
    const qreal dpr = devicePixelRatioF();
    const QSize fb = framebufferSize();
    const int gap = gapDevicePx();
    const QDateTime now = QDateTime::currentDateTime();
    for (int i : tiles) {
        const WallTile& tile = *m_tiles[std::size_t(i)];
        const QRect rect = m_layout.tileRect(i, fb, gap);
        if (rect.isEmpty())
            continue;
        const QRectF logical(rect.x() / dpr, rect.y() / dpr, rect.width() / dpr, rect.height() / dpr);
        painter.setClipRect(logical);
        TileOverlayPainter::State state;
        state.hasFeed = bool(tile.feed);
        state.hasPicture = tile.hasPicture;
        state.selected = i == m_selectedTile;
        state.dropTarget = i == m_dropTile;
        // The later of the stream's own stamp and the time this wall last drew a frame of the tile.
        state.lastFrame = tile.lastPresented;
        state.items = m_overlayItems;
        if (m_overlayItems.testFlag(OverlayItem::Clock) && (tile.feed || tile.hasPicture))
            state.clock = now;
        state.zoom = tile.zoom.scale();
        state.zoomState = tile.zoom;
        const QRect picture = pictureRectIn(tile, rect);
        state.picture = QRectF(picture.x() / dpr, picture.y() / dpr, picture.width() / dpr, picture.height() / dpr);
        if (tile.overlay.lastFrameTime.isValid()
            && (!state.lastFrame.isValid() || tile.overlay.lastFrameTime > state.lastFrame))
            state.lastFrame = tile.overlay.lastFrameTime;
        if (tile.overlay.playback && tile.hasPicture && tile.lastPtsMicros > 0)
            state.recordedTime = QDateTime::fromMSecsSinceEpoch(tile.lastPtsMicros / 1000, Qt::UTC);
        TileOverlayPainter::paint(painter, logical, tile.overlay, state);
        paintPtzGesture(painter, i, logical);
    }
    painter.setClipping(false);
}

void WallWidget::paintRenderError(QPainter& painter, QRect area)
{
    painter.fillRect(area, kTileBackground);
    painter.setPen(TileOverlayPainter::severityColor(TileOverlay::Severity::Error));
    painter.drawText(area.adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap,
                     m_renderError.isEmpty() ? tr("Video cannot be shown: OpenGL is not available.") : m_renderError);
}

// ---------------------------------------------------------------------------------------------------
// Software path

void WallWidget::paintEvent(QPaintEvent* event)
{
    if (m_path == RenderPath::Software)
        paintSoftware(event);
}

void WallWidget::paintSoftware(QPaintEvent* event)
{
    ++m_stats.paints;
    m_sinceLastPaint.start();
    const QRegion region = event->region();
    const QSize fb = framebufferSize();
    const int gap = gapDevicePx();

    std::vector<int> presented;
    std::vector<int> toDraw;
    for (std::size_t i = 0; i < m_tiles.size(); ++i) {
        WallTile& tile = *m_tiles[i];
        const QRect logical = logicalTileRect(int(i));
        if (logical.isEmpty() || !region.intersects(logical))
            continue;  // its frame stays in the mailbox until its own repaint
        player::SourceArea area;
        if (std::unique_ptr<player::VideoFrame> frame = takeFrame(tile, &area)) {
            const QRect rect = m_layout.tileRect(int(i), fb, gap);
            if (frame->layout() != player::PixelLayout::Bgra) {
                // Not pre-scaled (the first frame before the mailbox knew the size): convert here.
                area = sourceAreaOf(tile.zoom);
                int width = rect.width();
                int height = rect.height();
                if (tile.aspect == AspectMode::Fit)
                    player::FrameScaler::fitInside(std::max(1, int(std::lround(frame->width() * area.width))),
                                                   std::max(1, int(std::lround(frame->height() * area.height))),
                                                   width, height, &width, &height);
                frame = m_guiScaler->toBgra(*frame, width, height, area);
                ++m_stats.guiConversions;
            }
            if (frame) {
                tile.rgbArea = area;
                recordPicture(tile, *frame);
                ++m_stats.planeUploads;  // one RGB picture
                // Ownership of the frame is handed to the tile: the image drawn below reads its pixels.
                tile.rgbFrame = std::move(frame);
                presented.push_back(int(i));
            }
        }
        toDraw.push_back(int(i));
    }

    QPainter painter(this);
    if (m_fullRedraw || region.contains(rect())) {
        // Gaps (and the area outside the layout) are painted only on a full redraw.
        QRegion gaps(rect());
        for (std::size_t i = 0; i < m_tiles.size(); ++i)
            gaps -= logicalTileRect(int(i));
        for (const QRect& r : gaps)
            painter.fillRect(r, kGapColor);
    }
    painter.setClipRegion(region);
    for (int i : toDraw) {
        const QRect rect = m_layout.tileRect(i, fb, gap);
        drawSoftwareTile(painter, i, rect);
        m_tiles[std::size_t(i)]->needsDraw = false;
    }
    drawOverlays(painter, toDraw);
    m_fullRedraw = false;
    // A zoomed tile's delivered size follows its picture's size, which a new stream size changes.
    if (std::any_of(presented.begin(), presented.end(), [this](int i) { return m_tiles[std::size_t(i)]->zoom.isZoomed(); }))
        updateDeliveredSizes();

    for (int i : presented)
        emit framePresented(i);
}

void WallWidget::drawSoftwareTile(QPainter& painter, int index, QRect rect)
{
    const WallTile& tile = *m_tiles[std::size_t(index)];
    const qreal dpr = devicePixelRatioF();
    const QRectF logical(rect.x() / dpr, rect.y() / dpr, rect.width() / dpr, rect.height() / dpr);
    if (!tile.hasPicture || !tile.rgbFrame) {
        painter.fillRect(logical, kTileBackground);
        return;
    }
    const player::VideoFrame& frame = *tile.rgbFrame;
    // No copy: the image reads the frame's pixels (kept alive by the tile).
    QImage image(frame.planeData(0), frame.width(), frame.height(), frame.planeStride(0), QImage::Format_RGB32);
    const QRect picture = pictureRectIn(tile, rect);
    const QRectF target(picture.x() / dpr, picture.y() / dpr, picture.width() / dpr, picture.height() / dpr);
    // Letterbox bars only where the picture does not cover the tile.
    QRegion bars(logical.toAlignedRect());
    bars -= target.toAlignedRect();
    for (const QRect& r : bars)
        painter.fillRect(r, kTileBackground);
    const player::SourceArea shown = sourceAreaOf(tile.zoom);
    if (!(tile.rgbArea == shown)) {
        // The zoom changed since this picture was converted: until the mailbox delivers the new crop
        // (next frame), place the old one where its part of the picture now lies, scaled.
        const QRectF placed(target.x() + (tile.rgbArea.x - shown.x) / shown.width * target.width(),
                            target.y() + (tile.rgbArea.y - shown.y) / shown.height * target.height(),
                            tile.rgbArea.width / shown.width * target.width(),
                            tile.rgbArea.height / shown.height * target.height());
        painter.save();
        painter.fillRect(target, kTileBackground);
        painter.setClipRect(target, Qt::IntersectClip);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(placed, image);
        painter.restore();
        return;
    }
    if (image.size() == picture.size()) {
        image.setDevicePixelRatio(dpr);
        painter.drawImage(target.topLeft(), image);  // 1:1: a plain copy into the backing store
    } else {
        // A frame converted for the previous tile size (a resize in flight): scale it once more.
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(target, image);
        painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    }
}

// ---------------------------------------------------------------------------------------------------
// Input

void WallWidget::setPtzTile(int tile)
{
    if (tile < 0 || tile >= tileCount())
        tile = -1;
    if (tile == m_ptzTile)
        return;
    cancelPtzGesture();  // never leave a camera moving behind
    markTile(m_ptzTile);
    m_ptzTile = tile;
    markTile(m_ptzTile);
}

bool WallWidget::ptzMousePress(QMouseEvent* event, int tile)
{
    if (m_ptzGesture != PtzGestureKind::None)
        cancelPtzGesture();  // a gesture whose release never came (another button, a grab): stop it first
    if (tile < 0 || tile != m_ptzTile || event->button() != Qt::LeftButton)
        return false;
    m_ptzGesture = event->modifiers().testFlag(Qt::ShiftModifier) ? PtzGestureKind::Area : PtzGestureKind::Steer;
    m_ptzPress = m_ptzCurrent = event->position();
    m_ptzSteering = m_ptzDragged = false;
    m_ptzDragVelocity = {};
    return true;
}

bool WallWidget::ptzMouseMove(QMouseEvent* event)
{
    if (m_ptzGesture == PtzGestureKind::None)
        return false;
    if (!(event->buttons() & Qt::LeftButton)) {
        cancelPtzGesture();  // the button went up where the wall did not see it
        return true;
    }
    m_ptzCurrent = event->position();
    if (m_ptzGesture == PtzGestureKind::Steer) {
        const QSizeF size = logicalTileRect(m_ptzTile).size();
        m_ptzDragVelocity = PtzGesture::dragVelocity(m_ptzPress, m_ptzCurrent, size);
        m_ptzSteering = !m_ptzDragVelocity.isZero();
        if (m_ptzSteering)
            m_ptzDragged = true;
        sendPtzVelocity();
    }
    markTile(m_ptzTile);  // the vector or the area follows the pointer
    return true;
}

bool WallWidget::ptzMouseRelease(QMouseEvent* event)
{
    if (m_ptzGesture == PtzGestureKind::None || event->button() != Qt::LeftButton)
        return false;
    const PtzGestureKind gesture = std::exchange(m_ptzGesture, PtzGestureKind::None);
    m_ptzCurrent = event->position();
    const qreal dpr = devicePixelRatioF();
    const QRectF viewport(pictureRect(m_ptzTile));  // framebuffer pixels: positions are scaled to match
    const TileZoom zoom = tileZoom(m_ptzTile);
    if (gesture == PtzGestureKind::Steer) {
        const bool dragged = std::exchange(m_ptzDragged, false);
        m_ptzSteering = false;
        m_ptzDragVelocity = {};
        sendPtzVelocity();  // a release always stops the drag (held keys take over)
        if (!dragged && event->modifiers().testFlag(Qt::ControlModifier)) {
            if (const auto point = PtzGesture::pictureFromWidget(m_ptzCurrent * dpr, viewport, zoom))
                emit ptzCentreRequested(m_ptzTile, *point);
        }
    } else {
        const QRectF drawn(m_ptzPress * dpr, m_ptzCurrent * dpr);
        // A shift-click with a twitch of the hand is no area: zooming onto a few pixels would go full tele.
        const bool deliberate = std::abs(m_ptzCurrent.x() - m_ptzPress.x()) >= kPtzMinAreaPx &&
                                std::abs(m_ptzCurrent.y() - m_ptzPress.y()) >= kPtzMinAreaPx;
        if (const auto area = deliberate ? PtzGesture::pictureAreaFromWidget(drawn, viewport, zoom) : std::nullopt)
            emit ptzAreaRequested(m_ptzTile, *area);
    }
    markTile(m_ptzTile);
    return true;
}

void WallWidget::paintPtzGesture(QPainter& painter, int tile, const QRectF& logical) const
{
    if (tile != m_ptzTile)
        return;
    painter.save();
    // A frame in the steering colour says which tile the mouse drives.
    QPen frame(QColor(64, 200, 255), 2.0);
    painter.setPen(frame);
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(logical.adjusted(1, 1, -1, -1));
    if (m_ptzGesture == PtzGestureKind::Steer && m_ptzSteering) {
        // The velocity vector, from the press point to the pointer, with its head.
        QPen pen(QColor(64, 200, 255), 3.0);
        pen.setCapStyle(Qt::RoundCap);
        painter.setPen(pen);
        painter.drawEllipse(m_ptzPress, 4.0, 4.0);
        painter.drawLine(m_ptzPress, m_ptzCurrent);
        const QLineF line(m_ptzCurrent, m_ptzPress);
        for (const double turn : {25.0, -25.0}) {
            QLineF head = line;
            head.setLength(std::min(14.0, line.length() / 2));
            head.setAngle(line.angle() + turn);
            painter.drawLine(head);
        }
    } else if (m_ptzGesture == PtzGestureKind::Area) {
        QPen pen(QColor(64, 200, 255), 2.0, Qt::DashLine);
        painter.setPen(pen);
        painter.drawRect(QRectF(m_ptzPress, m_ptzCurrent).normalized());
    }
    painter.restore();
}

void WallWidget::mousePressEvent(QMouseEvent* event)
{
    const int tile = tileAtWidgetPos(event->position());
    if (tile >= 0 && (event->button() == Qt::LeftButton || event->button() == Qt::RightButton))
        setSelectedTile(tile);
    if (ptzMousePress(event, tile)) {
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton) {
        // On a zoomed tile the left button pans the picture; elsewhere it may start a tile drag.
        const bool zoomed = tile >= 0 && m_tiles[std::size_t(tile)]->zoom.isZoomed();
        m_panTile = zoomed ? tile : -1;
        m_panLast = event->position();
        m_pressedTile = zoomed ? -1 : tile;
        m_pressPos = event->position().toPoint();
    }
    QWidget::mousePressEvent(event);
}

void WallWidget::mouseMoveEvent(QMouseEvent* event)
{
    if (ptzMouseMove(event)) {
        event->accept();
        return;
    }
    if ((event->buttons() & Qt::LeftButton) && m_panTile >= 0) {
        const QRect picture = pictureRect(m_panTile);
        if (!picture.isEmpty()) {
            const QPointF delta = (event->position() - m_panLast) * devicePixelRatioF();
            TileZoom zoom = tileZoom(m_panTile);
            zoom.panBy(QPointF(delta.x() / picture.width(), delta.y() / picture.height()));
            setTileZoom(m_panTile, zoom);
        }
        m_panLast = event->position();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (!(event->buttons() & Qt::LeftButton) || m_pressedTile < 0) {
        QWidget::mouseMoveEvent(event);
        return;
    }
    // A plain drag inside the window, not QDrag: nothing leaves the wall, and it stays testable.
    if (m_draggedTile < 0) {
        if ((event->position().toPoint() - m_pressPos).manhattanLength() < QApplication::startDragDistance())
            return;
        m_draggedTile = m_pressedTile;
        setCursor(Qt::ClosedHandCursor);
    }
    const int target = tileAtWidgetPos(event->position());
    const int shown = target == m_draggedTile ? -1 : target;
    if (shown != m_dropTile) {
        markTile(m_dropTile);
        m_dropTile = shown;
        markTile(shown);
    }
    event->accept();
}

void WallWidget::mouseReleaseEvent(QMouseEvent* event)
{
    if (ptzMouseRelease(event)) {
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton && m_panTile >= 0) {
        m_panTile = -1;
        unsetCursor();
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton) {
        const int from = m_draggedTile;
        const int to = m_dropTile;
        m_pressedTile = -1;
        m_draggedTile = -1;
        if (from >= 0) {
            unsetCursor();
            markTile(m_dropTile);
            m_dropTile = -1;
            if (to >= 0 && to != from) {
                setSelectedTile(to);
                emit tileDragged(from, to);
            }
            event->accept();
            return;
        }
    }
    QWidget::mouseReleaseEvent(event);
}

void WallWidget::mouseDoubleClickEvent(QMouseEvent* event)
{
    const int tile = tileAtWidgetPos(event->position());
    if (tile >= 0 && event->button() == Qt::LeftButton) {
        emit tileDoubleClicked(tile);
        event->accept();
        return;
    }
    if (tile >= 0 && event->button() == Qt::MiddleButton) {
        resetTileZoom(tile);
        event->accept();
        return;
    }
    QWidget::mouseDoubleClickEvent(event);
}

void WallWidget::wheelEvent(QWheelEvent* event)
{
    const int tile = tileAtWidgetPos(event->position());
    // angleDelta is in eighths of a degree, 120 per notch; touchpads send fractions of a notch.
    const int delta = event->angleDelta().y();
    if (tile >= 0 && tile == m_ptzTile && delta != 0) {
        emit ptzZoomStepRequested(tile, PtzGesture::wheelZoomStep(delta));  // the lens, not the picture
        event->accept();
        return;
    }
    if (tile < 0 || delta == 0 || !m_tiles[std::size_t(tile)]->hasPicture) {
        event->ignore();
        return;
    }
    zoomTile(tile, viewportPointAt(tile, event->position()), std::pow(kZoomStep, delta / 120.0));
    event->accept();
}

bool WallWidget::handleZoomKey(const QKeyEvent* event)
{
    if (m_selectedTile < 0)
        return false;
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const bool plain = modifiers == Qt::NoModifier;
    switch (event->key()) {
    case Qt::Key_Plus:  // Shift is part of + on many layouts
        if (!plain && modifiers != Qt::ShiftModifier)
            return false;
        zoomTile(m_selectedTile, {0.5, 0.5}, kZoomStep);
        return true;
    case Qt::Key_Equal:  // the unshifted + key of US layouts
        if (!plain)
            return false;
        zoomTile(m_selectedTile, {0.5, 0.5}, kZoomStep);
        return true;
    case Qt::Key_Minus:
        if (!plain)
            return false;
        zoomTile(m_selectedTile, {0.5, 0.5}, 1.0 / kZoomStep);
        return true;
    case Qt::Key_0:  // plain 0 selects tile 10
        if (modifiers != Qt::ControlModifier)
            return false;
        resetTileZoom(m_selectedTile);
        return true;
    case Qt::Key_Backspace:
        if (!plain)
            return false;
        resetTileZoom(m_selectedTile);
        return true;
    default: return false;
    }
}

void WallWidget::contextMenuEvent(QContextMenuEvent* event)
{
    cancelPtzGesture();  // the menu takes the mouse: a drag's release would never come
    // From the keyboard (menu key) the selected tile's menu opens at its centre.
    int tile = event->reason() == QContextMenuEvent::Keyboard ? m_selectedTile : tileAtWidgetPos(event->pos());
    if (tile < 0) {
        event->ignore();
        return;
    }
    setSelectedTile(tile);
    const QPoint at = event->reason() == QContextMenuEvent::Keyboard
                          ? mapToGlobal(logicalTileRect(tile).center())
                          : event->globalPos();
    emit tileMenuRequested(tile, at);
    event->accept();
}

bool WallWidget::ptzKey(QKeyEvent* event, bool pressed)
{
    const int key = event->key();
    if (!pressed && m_ptzKeys.contains(key) && !event->isAutoRepeat()) {
        // A release always counts, whatever modifier came meanwhile: the key started a move.
        m_ptzKeys.remove(key);
    } else {
        if (m_ptzTile < 0 || m_ptzTile != m_selectedTile)
            return false;
        // Shift is allowed: + and some digits need it on common keyboards (US +, French AZERTY digits).
        if ((event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier)) != Qt::NoModifier)
            return false;
    }
    if (pressed && key >= Qt::Key_0 && key <= Qt::Key_9) {
        emit ptzPresetRequested(m_ptzTile, key == Qt::Key_0 ? 10 : key - Qt::Key_0);
        return true;
    }
    static const QSet<int> steering{Qt::Key_Left, Qt::Key_Right, Qt::Key_Up, Qt::Key_Down, Qt::Key_Plus, Qt::Key_Minus,
                                    Qt::Key_Equal};
    if (!steering.contains(key))
        return false;
    if (event->isAutoRepeat())
        return true;  // held: the stream renews the lease by itself
    if (pressed)
        m_ptzKeys.insert(key);
    sendPtzVelocity();
    return true;
}

void WallWidget::keyReleaseEvent(QKeyEvent* event)
{
    if (ptzKey(event, false)) {
        event->accept();
        return;
    }
    QWidget::keyReleaseEvent(event);
}

void WallWidget::keyPressEvent(QKeyEvent* event)
{
    if (ptzKey(event, true)) {
        event->accept();
        return;
    }
    if (handleZoomKey(event)) {
        event->accept();
        return;
    }
    const int key = event->key();
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    if (modifiers != Qt::NoModifier || tileCount() == 0) {
        QWidget::keyPressEvent(event);
        return;
    }
    if (key >= Qt::Key_0 && key <= Qt::Key_9) {
        const int tile = key == Qt::Key_0 ? 9 : key - Qt::Key_1;
        if (tile < tileCount())
            setSelectedTile(tile);
        event->accept();
        return;
    }
    std::optional<WallLayout::Direction> direction;
    switch (key) {
    case Qt::Key_Left: direction = WallLayout::Direction::Left; break;
    case Qt::Key_Right: direction = WallLayout::Direction::Right; break;
    case Qt::Key_Up: direction = WallLayout::Direction::Up; break;
    case Qt::Key_Down: direction = WallLayout::Direction::Down; break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_selectedTile >= 0)
            emit tileActivated(m_selectedTile);
        event->accept();
        return;
    default: QWidget::keyPressEvent(event); return;
    }
    if (m_selectedTile < 0) {
        setSelectedTile(0);  // the first arrow press shows where the selection starts
    } else {
        const int next = m_layout.neighbour(m_selectedTile, *direction);
        if (next >= 0)
            setSelectedTile(next);
    }
    event->accept();
}

WallWidget::DropKind WallWidget::dropKindOf(const QMimeData* mime)
{
    if (!mime)
        return DropKind::None;
    if (mime->hasFormat(kCameraIdMimeType))
        return DropKind::Camera;
    if (mime->hasFormat(kSiteIdMimeType))
        return DropKind::Site;
    if (mime->hasFormat(kLayoutNameMimeType))
        return DropKind::Layout;
    return DropKind::None;
}

void WallWidget::dragEnterEvent(QDragEnterEvent* event)
{
    if (dropKindOf(event->mimeData()) == DropKind::None) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    dragMoveEvent(event);
}

void WallWidget::dragMoveEvent(QDragMoveEvent* event)
{
    const DropKind kind = dropKindOf(event->mimeData());
    if (kind == DropKind::None) {
        event->ignore();
        return;
    }
    // A layout goes to the whole wall: no tile is the target.
    const int tile = kind == DropKind::Layout ? -1 : tileAtWidgetPos(event->position());
    if (tile != m_dropTile) {
        markTile(m_dropTile);
        m_dropTile = tile;
        markTile(tile);
    }
    if (tile >= 0 || kind == DropKind::Layout)
        event->acceptProposedAction();
    else
        event->ignore();
}

void WallWidget::dragLeaveEvent(QDragLeaveEvent* event)
{
    markTile(m_dropTile);
    m_dropTile = -1;
    QWidget::dragLeaveEvent(event);
}

void WallWidget::dropEvent(QDropEvent* event)
{
    markTile(m_dropTile);
    m_dropTile = -1;
    if (dropMimeData(event->mimeData(), event->position().toPoint()))
        event->acceptProposedAction();
    else
        event->ignore();
}

bool WallWidget::dropCamera(const QMimeData* mime, QPoint pos)
{
    return dropKindOf(mime) == DropKind::Camera && dropMimeData(mime, pos);
}

bool WallWidget::dropMimeData(const QMimeData* mime, QPoint pos)
{
    const DropKind kind = dropKindOf(mime);
    if (kind == DropKind::None)
        return false;
    const QLatin1StringView type = kind == DropKind::Camera ? kCameraIdMimeType
                                   : kind == DropKind::Site ? kSiteIdMimeType
                                                            : kLayoutNameMimeType;
    const QString payload = QString::fromUtf8(mime->data(type)).trimmed();
    if (payload.isEmpty())
        return false;
    if (kind == DropKind::Layout) {
        emit layoutDropped(payload);
        return true;
    }
    const int tile = tileAtWidgetPos(pos);
    if (tile < 0)
        return false;
    if (kind == DropKind::Camera)
        emit cameraDropped(tile, payload);
    else
        emit siteDropped(tile, payload);
    return true;
}

void WallWidget::changeEvent(QEvent* event)
{
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::PaletteChange:
    case QEvent::LanguageChange:
        markAll();  // overlays use the font and translated hints
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

}  // namespace vigie::widgets
