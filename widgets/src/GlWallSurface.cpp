#include "GlWallSurface.h"

#include <QLoggingCategory>
#include <QOpenGLContext>
#include <QOpenGLFunctions_3_3_Core>
#include <QOpenGLVersionFunctionsFactory>
#include <QPainter>

#include "vigie/widgets/WallWidget.h"

#include "WallTile.h"
#include "YuvProgram.h"

Q_DECLARE_LOGGING_CATEGORY(lcWall)

namespace vigie::widgets {

namespace {
const QColor kGapColor(40, 40, 40);
const QColor kTileBackground(12, 12, 12);
}  // namespace

GlWallSurface::GlWallSurface(WallWidget* wall) : QOpenGLWidget(wall), m_wall(wall)
{
    // Keep the framebuffer between paints so that a paint only redraws the tiles that changed: on a
    // software rasteriser the cost is per pixel drawn.
    setUpdateBehavior(QOpenGLWidget::PartialUpdate);
    // Without a 3.3 core default format (an app that forgot to set it, a test), ask for one ourselves.
    const QSurfaceFormat def = QSurfaceFormat::defaultFormat();
    if (def.profile() != QSurfaceFormat::CoreProfile || def.version() < qMakePair(3, 3))
        setFormat(WallWidget::defaultSurfaceFormat());
    // Clicks, drags and drops go straight to the wall.
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setFocusPolicy(Qt::NoFocus);
}

GlWallSurface::~GlWallSurface()
{
    cleanupGL();
    // ~QOpenGLWidget destroys the context after our members are gone: its aboutToBeDestroyed must not
    // reach cleanupGL() again.
    if (context())
        disconnect(context(), nullptr, this, nullptr);
}

void GlWallSurface::retireTile(std::unique_ptr<WallTile> tile)
{
    m_deadTiles.push_back(std::move(tile));
}

QImage GlWallSurface::readPixels(const QRect& rect)
{
    if (!m_glReady || rect.isEmpty() || !context())
        return {};
    // Called from a framePresented() handler, i.e. inside paintGL, the context is already current and
    // must stay so; otherwise make it current for the read only.
    const bool wasCurrent = QOpenGLContext::currentContext() == context();
    if (!wasCurrent)
        makeCurrent();
    const int fbHeight = m_wall->framebufferSize().height();
    QImage image(rect.size(), QImage::Format_RGBA8888);
    m_gl->glBindFramebuffer(GL_FRAMEBUFFER, defaultFramebufferObject());
    m_gl->glPixelStorei(GL_PACK_ALIGNMENT, 4);
    m_gl->glReadPixels(rect.x(), fbHeight - rect.y() - rect.height(), rect.width(), rect.height(), GL_RGBA,
                       GL_UNSIGNED_BYTE, image.bits());
    if (!wasCurrent)
        doneCurrent();
    return image.mirrored();  // GL rows go bottom-up
}

void GlWallSurface::initializeGL()
{
    m_glReady = false;
    m_wall->m_renderError.clear();
    m_wall->m_fullRedraw = true;
    connect(context(), &QOpenGLContext::aboutToBeDestroyed, this, &GlWallSurface::cleanupGL, Qt::UniqueConnection);

    // Functions owned by the context (created once per context, freed with it).
    m_gl = QOpenGLVersionFunctionsFactory::get<QOpenGLFunctions_3_3_Core>(context());
    if (!m_gl) {
        const QSurfaceFormat got = context()->format();
        m_wall->m_renderError = WallWidget::tr("Video cannot be shown: OpenGL 3.3 core is not available (this display offers %1.%2).")
                                    .arg(got.majorVersion())
                                    .arg(got.minorVersion());
        qCWarning(lcWall).noquote() << m_wall->m_renderError;
        return;
    }
    m_program = std::make_unique<YuvProgram>();
    if (!m_program->create(m_gl)) {
        qCWarning(lcWall).noquote() << "YUV shader failed to build:" << m_program->log();
        m_wall->m_renderError = WallWidget::tr("Video cannot be shown: the video shader could not be built (see the log).");
        m_program.reset();
        return;
    }
    qCDebug(lcWall) << "GL" << reinterpret_cast<const char*>(m_gl->glGetString(GL_VERSION))
                    << reinterpret_cast<const char*>(m_gl->glGetString(GL_RENDERER));
    m_glReady = true;
}

void GlWallSurface::cleanupGL()
{
    // Runs when the context goes away (destruction, reparenting to another window) and from the
    // destructor. Pictures are lost with their textures; each tile redraws at its feed's next frame.
    const bool current = context() && context()->isValid();
    if (current)
        makeCurrent();
    auto release = [&](WallTile& tile) {
        if (current && m_glReady)
            tile.textures.destroy(m_gl);
        else
            tile.textures.abandon();
        tile.hasPicture = false;
        tile.needsDraw = true;
    };
    for (auto& tile : m_wall->m_tiles)
        release(*tile);
    for (auto& tile : m_deadTiles)
        release(*tile);
    m_deadTiles.clear();
    if (m_program && current)
        m_program->destroy(m_gl);
    m_program.reset();
    m_gl = nullptr;
    m_glReady = false;
    m_wall->m_fullRedraw = true;
    if (current)
        doneCurrent();
}

void GlWallSurface::releaseDeadTextures()
{
    for (auto& tile : m_deadTiles)
        tile->textures.destroy(m_gl);
    m_deadTiles.clear();
}

void GlWallSurface::resizeGL(int, int)
{
    m_wall->m_fullRedraw = true;
}

bool GlWallSurface::upload(WallTile& tile, const player::VideoFrame& frame)
{
    const int planes = tile.textures.upload(m_gl, frame, m_wall->m_smooth);
    m_wall->m_stats.planeUploads += quint64(planes);
    if (planes == 0)
        return false;
    const bool conversionChanged = !tile.hasPicture || tile.info.matrix != frame.matrix()
                                   || tile.info.range != frame.range() || tile.info.layout != frame.layout();
    if (conversionChanged)
        tile.conversion = YuvToRgb::make(frame.matrix(), frame.range(), frame.layout());
    // Luma position -> chroma texture coordinate (chroma planes are rounded up for odd sizes).
    const int divX = 1 << player::chromaShiftX(frame.layout());
    const int divY = 1 << player::chromaShiftY(frame.layout());
    tile.chromaScaleX = float(double(frame.width()) / divX / frame.planeWidth(1));
    tile.chromaScaleY = float(double(frame.height()) / divY / frame.planeHeight(1));
    return true;
}

void GlWallSurface::paintGL()
{
    WallWidget& wall = *m_wall;
    ++wall.m_stats.paints;
    wall.m_sinceLastPaint.start();
    if (!m_glReady) {
        QPainter painter(this);
        wall.paintRenderError(painter, rect());
        return;
    }
    releaseDeadTextures();

    const QSize fb = wall.framebufferSize();
    if (fb != m_lastFramebufferSize || defaultFramebufferObject() != m_lastFramebuffer) {
        wall.m_fullRedraw = true;  // a new framebuffer has undefined contents
        m_lastFramebufferSize = fb;
        m_lastFramebuffer = defaultFramebufferObject();
    }

    std::vector<int> presented;
    for (std::size_t i = 0; i < wall.m_tiles.size(); ++i) {
        WallTile& tile = *wall.m_tiles[i];
        std::unique_ptr<player::VideoFrame> frame = wall.takeFrame(tile);
        if (frame && upload(tile, *frame)) {
            wall.recordPicture(tile, *frame);
            presented.push_back(int(i));
        }
        // The frame (and its decoder buffer) is released here: the textures have the picture.
    }

    std::vector<int> toDraw;
    for (std::size_t i = 0; i < wall.m_tiles.size(); ++i) {
        if (wall.m_fullRedraw || wall.m_tiles[i]->needsDraw)
            toDraw.push_back(int(i));
    }
    if (!toDraw.empty() || wall.m_fullRedraw) {
        drawVideo(toDraw, fb);
        // Announced once the pictures are in the framebuffer and before the overlays cover parts of them:
        // a receiver may read pixels back (grabPictureArea) and finds the picture as decoded.
        for (int i : presented)
            emit wall.framePresented(i);
        QPainter painter(this);
        wall.drawOverlays(painter, toDraw);
    }
    for (int i : toDraw)
        wall.m_tiles[std::size_t(i)]->needsDraw = false;
    wall.m_fullRedraw = false;
}

void GlWallSurface::drawVideo(const std::vector<int>& tiles, QSize fb)
{
    const WallWidget& wall = *m_wall;
    m_gl->glDisable(GL_BLEND);
    m_gl->glDisable(GL_DEPTH_TEST);
    m_gl->glDisable(GL_STENCIL_TEST);
    m_gl->glDisable(GL_CULL_FACE);
    m_gl->glEnable(GL_SCISSOR_TEST);
    if (wall.m_fullRedraw) {
        m_gl->glScissor(0, 0, fb.width(), fb.height());
        m_gl->glClearColor(kGapColor.redF(), kGapColor.greenF(), kGapColor.blueF(), 1.f);
        m_gl->glClear(GL_COLOR_BUFFER_BIT);
    }
    m_gl->glClearColor(kTileBackground.redF(), kTileBackground.greenF(), kTileBackground.blueF(), 1.f);
    const int gap = wall.gapDevicePx();
    bool programBound = false;
    for (int i : tiles) {
        WallTile& tile = *wall.m_tiles[std::size_t(i)];
        const QRect rect = wall.m_layout.tileRect(i, fb, gap);
        if (rect.isEmpty())
            continue;
        // GL's origin is the bottom-left corner; Qt's is the top-left one.
        m_gl->glScissor(rect.x(), fb.height() - rect.y() - rect.height(), rect.width(), rect.height());
        m_gl->glClear(GL_COLOR_BUFFER_BIT);
        if (!tile.hasPicture || !tile.textures.isValid())
            continue;
        const QRect picture = wall.pictureRectIn(tile, rect);
        m_gl->glViewport(picture.x(), fb.height() - picture.y() - picture.height(), picture.width(), picture.height());
        if (!programBound) {
            m_program->bind(m_gl);
            programBound = true;
        }
        tile.textures.bind(m_gl, wall.m_smooth);
        m_program->setConversion(m_gl, tile.conversion, tile.chromaScaleX, tile.chromaScaleY);
        const QRectF source = tile.zoom.sourceRect();
        m_program->setSourceRect(m_gl, float(source.x()), float(source.y()), float(source.width()),
                                 float(source.height()));
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

}  // namespace vigie::widgets
