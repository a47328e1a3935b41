#include "vigie/widgets/WallWidget.h"

#include <QDragEnterEvent>
#include <QDragLeaveEvent>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QLoggingCategory>
#include <QMimeData>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLFunctions_3_3_Core>
#include <QOpenGLVersionFunctionsFactory>
#include <QPainter>
#include <QTimer>

#include "vigie/player/FrameMailbox.h"
#include "vigie/widgets/CameraMime.h"

#include "PlaneTextures.h"
#include "TileOverlayPainter.h"
#include "YuvProgram.h"
#include "YuvToRgb.h"

Q_LOGGING_CATEGORY(lcWall, "vigie.widgets.wall")

namespace vigie::widgets {

namespace {
const QColor kGapColor(40, 40, 40);
const QColor kTileBackground(12, 12, 12);
}  // namespace

struct WallWidget::Tile {
    std::shared_ptr<player::FrameMailbox> feed;
    quint64 generation = 0;  // identifies the feed, so that late notifications of an old feed are ignored
    TileOverlay overlay;
    PlaneTextures textures;
    bool hasPicture = false;
    PictureInfo info;
    YuvToRgb conversion = YuvToRgb::make(player::ColorMatrix::Bt601, player::ColorRange::Limited);
    float chromaScaleX = 1.f;
    float chromaScaleY = 1.f;
    bool frameReady = false;  // the mailbox may hold a frame: take it at the next paint
    bool needsDraw = true;    // redraw this tile (picture from its textures + overlay) at the next paint
    QDateTime lastPresented;  // UTC time the last frame was drawn
};

WallWidget::WallWidget(QWidget* parent) : QOpenGLWidget(parent)
{
    // Keep the framebuffer between paints so that a paint only redraws the tiles that changed: on a
    // software rasteriser the cost is per pixel drawn.
    setUpdateBehavior(QOpenGLWidget::PartialUpdate);
    // Without a 3.3 core default format (an app that forgot to set it, a test), ask for one ourselves.
    const QSurfaceFormat def = QSurfaceFormat::defaultFormat();
    if (def.profile() != QSurfaceFormat::CoreProfile || def.version() < qMakePair(3, 3))
        setFormat(defaultSurfaceFormat());
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    m_paintTimer = new QTimer(this);
    m_paintTimer->setSingleShot(true);
    m_paintTimer->setTimerType(Qt::PreciseTimer);
    connect(m_paintTimer, &QTimer::timeout, this, qOverload<>(&QWidget::update));
    setMinimumSize(160, 120);
}

WallWidget::~WallWidget()
{
    // After setNotifier({}) returns the decoder threads never call into this object again.
    for (auto& tile : m_tiles)
        detachFeed(*tile);
    cleanupGL();
    // ~QOpenGLWidget destroys the context after our members are gone: its aboutToBeDestroyed must not
    // reach cleanupGL() again.
    if (context())
        disconnect(context(), nullptr, this, nullptr);
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
    m_layout = layout;
    const auto count = std::size_t(std::max(0, layout.tileCount()));
    while (m_tiles.size() > count) {
        detachFeed(*m_tiles.back());
        m_deadTiles.push_back(std::move(m_tiles.back()));  // textures are freed with the context current
        m_tiles.pop_back();
    }
    while (m_tiles.size() < count)
        m_tiles.push_back(std::make_unique<Tile>());
    if (m_selectedTile >= int(count))
        setSelectedTile(-1);
    if (m_dropTile >= int(count))
        m_dropTile = -1;
    m_fullRedraw = true;
    update();
}

void WallWidget::setTileFeed(int tile, std::shared_ptr<player::FrameMailbox> feed)
{
    if (tile < 0 || tile >= int(m_tiles.size()))
        return;
    Tile& t = *m_tiles[std::size_t(tile)];
    if (t.feed == feed)
        return;
    detachFeed(t);
    t.feed = std::move(feed);
    t.generation = m_nextGeneration++;
    if (!t.feed) {
        t.hasPicture = false;
        t.lastPresented = {};
        markTile(tile);
        return;
    }
    const quint64 generation = t.generation;
    t.feed->setNotifier([this, tile, generation] {
        // Decoder thread, under the mailbox lock: only queue a call to the GUI thread.
        QMetaObject::invokeMethod(
            this, [this, tile, generation] { onFeedReady(tile, generation); }, Qt::QueuedConnection);
    });
    // The old picture stays until the new feed delivers; a frame may already be waiting.
    t.frameReady = true;
    schedulePaint();
}

std::shared_ptr<player::FrameMailbox> WallWidget::tileFeed(int tile) const
{
    if (tile < 0 || tile >= int(m_tiles.size()))
        return nullptr;
    return m_tiles[std::size_t(tile)]->feed;
}

void WallWidget::detachFeed(Tile& tile)
{
    if (tile.feed)
        tile.feed->setNotifier({});
    tile.frameReady = false;
}

void WallWidget::onFeedReady(int tile, quint64 generation)
{
    if (tile < 0 || tile >= int(m_tiles.size()) || m_tiles[std::size_t(tile)]->generation != generation)
        return;
    m_tiles[std::size_t(tile)]->frameReady = true;
    schedulePaint();
}

void WallWidget::schedulePaint()
{
    // update() is coalesced by Qt: one paint serves every tile that became ready meanwhile.
    if (m_maxFrameRate <= 0) {
        update();
        return;
    }
    if (m_paintTimer->isActive())
        return;  // a paint is already planned; it will take this tile's frame too
    const qint64 interval = 1000 / m_maxFrameRate;
    const qint64 since = m_sinceLastPaint.isValid() ? m_sinceLastPaint.elapsed() : interval;
    if (since >= interval)
        update();
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
    m_fullRedraw = true;
    update();
}

void WallWidget::markTile(int tile)
{
    if (tile < 0 || tile >= int(m_tiles.size()))
        return;
    m_tiles[std::size_t(tile)]->needsDraw = true;
    update();
}

void WallWidget::markAll()
{
    for (auto& tile : m_tiles)
        tile->needsDraw = true;
    update();
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

QRect WallWidget::pictureRect(int tile) const
{
    const QRect rect = tileRect(tile);
    if (tile < 0 || tile >= int(m_tiles.size()) || !m_tiles[std::size_t(tile)]->hasPicture)
        return rect;
    return WallLayout::fitRect(m_tiles[std::size_t(tile)]->info.size, rect);
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

QImage WallWidget::grabTile(int tile)
{
    const QRect rect = tileRect(tile);
    if (rect.isEmpty())
        return {};
    return grabFramebuffer().copy(rect);
}

// ---------------------------------------------------------------------------------------------------
// OpenGL

void WallWidget::initializeGL()
{
    m_glReady = false;
    m_renderError.clear();
    m_fullRedraw = true;
    connect(context(), &QOpenGLContext::aboutToBeDestroyed, this, &WallWidget::cleanupGL, Qt::UniqueConnection);

    // Functions owned by the context (created once per context, freed with it).
    m_gl = QOpenGLVersionFunctionsFactory::get<QOpenGLFunctions_3_3_Core>(context());
    if (!m_gl) {
        const QSurfaceFormat got = context()->format();
        m_renderError = tr("Video cannot be shown: OpenGL 3.3 core is not available (this display offers %1.%2).")
                            .arg(got.majorVersion())
                            .arg(got.minorVersion());
        qCWarning(lcWall).noquote() << m_renderError;
        return;
    }
    m_program = std::make_unique<YuvProgram>();
    if (!m_program->create(m_gl)) {
        qCWarning(lcWall).noquote() << "YUV shader failed to build:" << m_program->log();
        m_renderError = tr("Video cannot be shown: the video shader could not be built (see the log).");
        m_program.reset();
        return;
    }
    qCDebug(lcWall) << "GL" << reinterpret_cast<const char*>(m_gl->glGetString(GL_VERSION))
                    << reinterpret_cast<const char*>(m_gl->glGetString(GL_RENDERER));
    m_glReady = true;
}

void WallWidget::cleanupGL()
{
    // Runs when the context goes away (destruction, reparenting to another window) and from the
    // destructor. Pictures are lost with their textures; each tile redraws at its feed's next frame.
    const bool current = context() && context()->isValid();
    if (current)
        makeCurrent();
    for (auto* list : {&m_tiles, &m_deadTiles}) {
        for (auto& tile : *list) {
            if (current && m_glReady)
                tile->textures.destroy(m_gl);
            else
                tile->textures.abandon();
            tile->hasPicture = false;
            tile->needsDraw = true;
        }
    }
    m_deadTiles.clear();
    if (m_program && current)
        m_program->destroy(m_gl);
    m_program.reset();
    m_gl = nullptr;
    m_glReady = false;
    m_fullRedraw = true;
    if (current)
        doneCurrent();
}

void WallWidget::releaseDeadTextures()
{
    for (auto& tile : m_deadTiles)
        tile->textures.destroy(m_gl);
    m_deadTiles.clear();
}

void WallWidget::resizeGL(int, int)
{
    m_fullRedraw = true;
}

bool WallWidget::takeAndUpload(Tile& tile)
{
    std::unique_ptr<player::VideoFrame> frame = tile.feed->take();
    if (!frame)
        return false;
    const int planes = tile.textures.upload(m_gl, *frame, m_smooth);
    m_stats.planeUploads += quint64(planes);
    if (planes == 0)
        return false;
    const bool conversionChanged = !tile.hasPicture || tile.info.matrix != frame->matrix()
                                   || tile.info.range != frame->range() || tile.info.layout != frame->layout();
    tile.info.size = QSize(frame->width(), frame->height());
    tile.info.layout = frame->layout();
    tile.info.matrix = frame->matrix();
    tile.info.range = frame->range();
    tile.info.sequence = frame->sequence;
    if (conversionChanged)
        tile.conversion = YuvToRgb::make(frame->matrix(), frame->range(), frame->layout());
    // Luma position -> chroma texture coordinate (chroma planes are rounded up for odd sizes).
    const int divX = 1 << player::chromaShiftX(frame->layout());
    const int divY = 1 << player::chromaShiftY(frame->layout());
    tile.chromaScaleX = float(double(frame->width()) / divX / frame->planeWidth(1));
    tile.chromaScaleY = float(double(frame->height()) / divY / frame->planeHeight(1));
    tile.hasPicture = true;
    tile.needsDraw = true;
    tile.lastPresented = QDateTime::currentDateTimeUtc();
    ++m_stats.framesShown;
    return true;  // the frame (and its decoder buffer) is released here: the texture has the picture
}

void WallWidget::paintGL()
{
    ++m_stats.paints;
    m_sinceLastPaint.start();
    if (!m_glReady) {
        paintRenderError();
        return;
    }
    releaseDeadTextures();

    const QSize fb = framebufferSize();
    if (fb != m_lastFramebufferSize || defaultFramebufferObject() != m_lastFramebuffer) {
        m_fullRedraw = true;  // a new framebuffer has undefined contents
        m_lastFramebufferSize = fb;
        m_lastFramebuffer = defaultFramebufferObject();
    }

    std::vector<int> presented;
    for (std::size_t i = 0; i < m_tiles.size(); ++i) {
        Tile& tile = *m_tiles[i];
        if (!tile.frameReady)
            continue;
        tile.frameReady = false;
        if (tile.feed && takeAndUpload(tile))
            presented.push_back(int(i));
    }

    std::vector<int> toDraw;
    for (std::size_t i = 0; i < m_tiles.size(); ++i) {
        if (m_fullRedraw || m_tiles[i]->needsDraw)
            toDraw.push_back(int(i));
    }
    if (!toDraw.empty() || m_fullRedraw) {
        drawVideo(toDraw, fb);
        drawOverlays(toDraw);
    }
    for (int i : toDraw)
        m_tiles[std::size_t(i)]->needsDraw = false;
    m_fullRedraw = false;

    for (int i : presented)
        emit framePresented(i);
}

void WallWidget::drawVideo(const std::vector<int>& tiles, QSize fb)
{
    m_gl->glDisable(GL_BLEND);
    m_gl->glDisable(GL_DEPTH_TEST);
    m_gl->glDisable(GL_STENCIL_TEST);
    m_gl->glDisable(GL_CULL_FACE);
    m_gl->glEnable(GL_SCISSOR_TEST);
    if (m_fullRedraw) {
        m_gl->glScissor(0, 0, fb.width(), fb.height());
        m_gl->glClearColor(kGapColor.redF(), kGapColor.greenF(), kGapColor.blueF(), 1.f);
        m_gl->glClear(GL_COLOR_BUFFER_BIT);
    }
    m_gl->glClearColor(kTileBackground.redF(), kTileBackground.greenF(), kTileBackground.blueF(), 1.f);
    const int gap = gapDevicePx();
    bool programBound = false;
    for (int i : tiles) {
        Tile& tile = *m_tiles[std::size_t(i)];
        const QRect rect = m_layout.tileRect(i, fb, gap);
        if (rect.isEmpty())
            continue;
        // GL's origin is the bottom-left corner; Qt's is the top-left one.
        m_gl->glScissor(rect.x(), fb.height() - rect.y() - rect.height(), rect.width(), rect.height());
        m_gl->glClear(GL_COLOR_BUFFER_BIT);
        if (!tile.hasPicture || !tile.textures.isValid())
            continue;
        const QRect picture = WallLayout::fitRect(tile.info.size, rect);
        m_gl->glViewport(picture.x(), fb.height() - picture.y() - picture.height(), picture.width(), picture.height());
        if (!programBound) {
            m_program->bind(m_gl);
            programBound = true;
        }
        tile.textures.bind(m_gl, m_smooth);
        m_program->setConversion(m_gl, tile.conversion, tile.chromaScaleX, tile.chromaScaleY);
        m_program->draw(m_gl);
    }
    // Hand a clean state to QPainter.
    if (programBound)
        m_program->release(m_gl);
    for (int unit = 2; unit >= 0; --unit) {
        m_gl->glActiveTexture(GLenum(GL_TEXTURE0 + unit));
        m_gl->glBindTexture(GL_TEXTURE_2D, 0);
    }
    m_gl->glDisable(GL_SCISSOR_TEST);
    m_gl->glViewport(0, 0, fb.width(), fb.height());
}

void WallWidget::drawOverlays(const std::vector<int>& tiles)
{
    if (tiles.empty())
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const qreal dpr = devicePixelRatioF();
    const QSize fb = framebufferSize();
    const int gap = gapDevicePx();
    for (int i : tiles) {
        const Tile& tile = *m_tiles[std::size_t(i)];
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
        if (tile.overlay.lastFrameTime.isValid()
            && (!state.lastFrame.isValid() || tile.overlay.lastFrameTime > state.lastFrame))
            state.lastFrame = tile.overlay.lastFrameTime;
        TileOverlayPainter::paint(painter, logical, tile.overlay, state);
    }
}

void WallWidget::paintRenderError()
{
    QPainter painter(this);
    painter.fillRect(rect(), kTileBackground);
    painter.setPen(TileOverlayPainter::severityColor(TileOverlay::Severity::Error));
    painter.drawText(rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap,
                     m_renderError.isEmpty() ? tr("Video cannot be shown: OpenGL is not available.") : m_renderError);
}

// ---------------------------------------------------------------------------------------------------
// Input

void WallWidget::mousePressEvent(QMouseEvent* event)
{
    const int tile = tileAtWidgetPos(event->position());
    if (tile >= 0 && (event->button() == Qt::LeftButton || event->button() == Qt::RightButton))
        setSelectedTile(tile);
    QOpenGLWidget::mousePressEvent(event);
}

void WallWidget::mouseDoubleClickEvent(QMouseEvent* event)
{
    const int tile = tileAtWidgetPos(event->position());
    if (tile >= 0 && event->button() == Qt::LeftButton) {
        emit tileDoubleClicked(tile);
        event->accept();
        return;
    }
    QOpenGLWidget::mouseDoubleClickEvent(event);
}

void WallWidget::dragEnterEvent(QDragEnterEvent* event)
{
    if (!event->mimeData() || !event->mimeData()->hasFormat(kCameraIdMimeType)) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    dragMoveEvent(event);
}

void WallWidget::dragMoveEvent(QDragMoveEvent* event)
{
    if (!event->mimeData() || !event->mimeData()->hasFormat(kCameraIdMimeType)) {
        event->ignore();
        return;
    }
    const int tile = tileAtWidgetPos(event->position());
    if (tile != m_dropTile) {
        markTile(m_dropTile);
        m_dropTile = tile;
        markTile(tile);
    }
    if (tile >= 0)
        event->acceptProposedAction();
    else
        event->ignore();
}

void WallWidget::dragLeaveEvent(QDragLeaveEvent* event)
{
    markTile(m_dropTile);
    m_dropTile = -1;
    QOpenGLWidget::dragLeaveEvent(event);
}

void WallWidget::dropEvent(QDropEvent* event)
{
    markTile(m_dropTile);
    m_dropTile = -1;
    if (dropCamera(event->mimeData(), event->position().toPoint()))
        event->acceptProposedAction();
    else
        event->ignore();
}

bool WallWidget::dropCamera(const QMimeData* mime, QPoint pos)
{
    if (!mime || !mime->hasFormat(kCameraIdMimeType))
        return false;
    const int tile = tileAtWidgetPos(pos);
    const QString cameraId = QString::fromUtf8(mime->data(kCameraIdMimeType)).trimmed();
    if (tile < 0 || cameraId.isEmpty())
        return false;
    emit cameraDropped(tile, cameraId);
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
    QOpenGLWidget::changeEvent(event);
}

}  // namespace vigie::widgets
