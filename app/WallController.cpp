#include "WallController.h"

#include <QThread>

#include "vigie/rpc/BackendClient.h"
#include "vigie/widgets/TileOverlay.h"
#include "vigie/widgets/WallLayout.h"
#include "vigie/widgets/WallWidget.h"

namespace vigie::app {

using vigie::player::StreamState;
using vigie::widgets::TileOverlay;

WallController::WallController(vigie::widgets::WallWidget* wall, vigie::rpc::BackendClient* backend, QObject* parent)
    : QObject(parent), m_wall(wall), m_backend(backend)
{
    qRegisterMetaType<vigie::player::StreamState>();
    connect(m_backend, &vigie::rpc::BackendClient::directoryReset, this, &WallController::onDirectoryChanged);
    connect(m_backend, &vigie::rpc::BackendClient::cameraChanged, this, &WallController::onDirectoryChanged);
    connect(m_backend, &vigie::rpc::BackendClient::cameraRemoved, this, &WallController::onDirectoryChanged);
    setGrid(m_grid);
}

WallController::~WallController()
{
    for (int tile = 0; tile < tileCount(); ++tile)
        closeTile(tile);
}

void WallController::setGrid(int n)
{
    Q_ASSERT(thread() == QThread::currentThread());
    n = std::clamp(n, 1, 8);
    const vigie::rpc::StreamRole oldRole = preferredRole();
    const int count = n * n;
    for (int tile = count; tile < tileCount(); ++tile)
        closeTile(tile);
    m_grid = n;
    m_tiles.resize(static_cast<size_t>(count));
    m_wall->setWallLayout(vigie::widgets::WallLayout::grid(n, n));
    // A single big tile deserves the main stream; small tiles take the cheaper sub stream.
    const bool roleChanged = preferredRole() != oldRole;
    for (int tile = 0; tile < count; ++tile) {
        if (roleChanged && !m_tiles[static_cast<size_t>(tile)].cameraId.isEmpty())
            openTile(tile, true);
        else
            refreshOverlay(tile);
        if (m_tiles[static_cast<size_t>(tile)].session)
            m_wall->setTileFeed(tile, m_tiles[static_cast<size_t>(tile)].session->mailbox());
    }
    emit assignmentsChanged();
}

vigie::rpc::StreamRole WallController::preferredRole() const
{
    return m_grid == 1 ? vigie::rpc::StreamRole::Main : vigie::rpc::StreamRole::Sub;
}

void WallController::assign(int tile, const QString& cameraId)
{
    if (tile < 0 || tile >= tileCount())
        return;
    const bool sameCamera = m_tiles[static_cast<size_t>(tile)].cameraId == cameraId;
    m_tiles[static_cast<size_t>(tile)].cameraId = cameraId;
    openTile(tile, sameCamera);
    emit assignmentsChanged();
}

void WallController::clearTile(int tile)
{
    if (tile < 0 || tile >= tileCount())
        return;
    m_tiles[static_cast<size_t>(tile)].cameraId.clear();
    showNoVideo(tile);
    emit assignmentsChanged();
}

QString WallController::cameraAt(int tile) const
{
    return tile >= 0 && tile < tileCount() ? m_tiles[static_cast<size_t>(tile)].cameraId : QString();
}

QStringList WallController::cameraIds() const
{
    QStringList ids;
    for (const Tile& t : m_tiles)
        ids << t.cameraId;
    return ids;
}

int WallController::firstEmptyTile() const
{
    for (int tile = 0; tile < tileCount(); ++tile)
        if (m_tiles[static_cast<size_t>(tile)].cameraId.isEmpty())
            return tile;
    return -1;
}

int WallController::fillEmptyTiles(const QStringList& cameraIds)
{
    int placed = 0;
    for (const QString& id : cameraIds) {
        const int tile = firstEmptyTile();
        if (tile < 0)
            break;
        m_tiles[static_cast<size_t>(tile)].cameraId = id;
        openTile(tile, false);
        ++placed;
    }
    if (placed > 0)
        emit assignmentsChanged();
    return placed;
}

const vigie::player::StreamSession* WallController::session(int tile) const
{
    return tile >= 0 && tile < tileCount() ? m_tiles[static_cast<size_t>(tile)].session.get() : nullptr;
}

StreamState WallController::tileState(int tile) const
{
    return tile >= 0 && tile < tileCount() ? m_tiles[static_cast<size_t>(tile)].state : StreamState::Idle;
}

void WallController::showNoVideo(int tile)
{
    closeTile(tile);
    Tile& t = m_tiles[static_cast<size_t>(tile)];
    t.url.clear();
    t.state = StreamState::Idle;
    t.detail = t.cameraId.isEmpty() ? QString() : tr("Camera %1 is not in the directory").arg(t.cameraId);
    m_wall->setTileFeed(tile, nullptr);
    refreshOverlay(tile);
}

void WallController::openTile(int tile, bool keepPicture)
{
    Tile& t = m_tiles[static_cast<size_t>(tile)];
    closeTile(tile);
    if (!keepPicture)
        m_wall->setTileFeed(tile, nullptr);
    const vigie::rpc::CameraInfo* camera = m_backend->camera(t.cameraId);
    const vigie::rpc::StreamInfo* stream = camera ? camera->stream(preferredRole()) : nullptr;
    if (!stream) {
        // Not (yet) in the directory: keep the assignment, the tile opens when the camera appears.
        m_wall->setTileFeed(tile, nullptr);
        t.url.clear();
        t.state = StreamState::Idle;
        if (camera)
            t.detail = tr("This camera offers no video stream");
        else
            t.detail = m_backend->state() == vigie::rpc::ConnectionState::Online
                           ? tr("Camera %1 is not in the directory").arg(t.cameraId)
                           : tr("Waiting for the camera directory");
        refreshOverlay(tile);
        return;
    }
    vigie::player::StreamOptions options;
    options.url = stream->url;
    t.url = stream->url;
    t.session = std::make_unique<vigie::player::StreamSession>(options);
    t.generation = m_nextGeneration++;
    connect(t.session.get(), &vigie::player::StreamSession::stateChanged, this,
            [this, tile, generation = t.generation](StreamState state, const QString& detail) {
                // Reports are queued: this one may come from a session that is gone, or even a tile that
                // is gone since the grid shrank.
                if (tile >= tileCount() || m_tiles[static_cast<size_t>(tile)].generation != generation)
                    return;
                Tile& current = m_tiles[static_cast<size_t>(tile)];
                current.state = state;
                current.detail = detail;
                refreshOverlay(tile);
                emit tileStateChanged(tile, state, detail);
            });
    // Ownership: the session owns its mailbox; the wall shares it for as long as it shows this tile.
    m_wall->setTileFeed(tile, t.session->mailbox());
    t.state = StreamState::Connecting;
    t.detail.clear();
    refreshOverlay(tile);
    t.session->start();
}

void WallController::closeTile(int tile)
{
    Tile& t = m_tiles[static_cast<size_t>(tile)];
    t.generation = m_nextGeneration++;
    if (!t.session)
        return;
    t.session->disconnect(this);
    t.session->stop();
    t.session.reset();
    t.state = StreamState::Stopped;
}

QString WallController::cameraTitle(const QString& cameraId) const
{
    const vigie::rpc::CameraInfo* camera = m_backend->camera(cameraId);
    return camera ? camera->name : cameraId;
}

void WallController::refreshOverlay(int tile)
{
    const Tile& t = m_tiles[static_cast<size_t>(tile)];
    TileOverlay overlay;
    if (t.cameraId.isEmpty()) {
        m_wall->setTileOverlay(tile, overlay);
        return;
    }
    overlay.title = cameraTitle(t.cameraId);
    const vigie::rpc::CameraInfo* camera = m_backend->camera(t.cameraId);
    switch (t.state) {
    case StreamState::Idle:
        overlay.status = t.detail;
        overlay.severity = TileOverlay::Severity::Neutral;
        break;
    case StreamState::Connecting:
        overlay.status = tr("Connecting…");
        overlay.severity = TileOverlay::Severity::Busy;
        break;
    case StreamState::Playing:
        overlay.status = t.detail;
        overlay.severity = TileOverlay::Severity::Ok;
        break;
    case StreamState::Stalled:
        overlay.status = tr("No video: %1").arg(t.detail);
        overlay.severity = TileOverlay::Severity::Warning;
        break;
    case StreamState::Reconnecting:
        overlay.status = tr("Reconnecting: %1").arg(t.detail);
        overlay.severity = TileOverlay::Severity::Warning;
        break;
    case StreamState::Error:
        overlay.status = tr("Error: %1").arg(t.detail);
        overlay.severity = TileOverlay::Severity::Error;
        break;
    default:
        overlay.status = t.detail;
        overlay.severity = TileOverlay::Severity::Neutral;
        break;
    }
    if (camera && !camera->online && t.state != StreamState::Playing) {
        // The backend knows why better than the stream does.
        overlay.status = camera->stateReason.isEmpty() ? tr("Camera offline")
                                                       : tr("Camera offline: %1").arg(camera->stateReason);
        overlay.severity = TileOverlay::Severity::Error;
    }
    m_wall->setTileOverlay(tile, overlay);
}

void WallController::onDirectoryChanged()
{
    for (int tile = 0; tile < tileCount(); ++tile) {
        Tile& t = m_tiles[static_cast<size_t>(tile)];
        if (t.cameraId.isEmpty())
            continue;
        const vigie::rpc::CameraInfo* camera = m_backend->camera(t.cameraId);
        const vigie::rpc::StreamInfo* stream = camera ? camera->stream(preferredRole()) : nullptr;
        if (stream && stream->url != t.url)
            openTile(tile, true);  // the backend moved the stream (restarted elsewhere…)
        else if (!stream && t.session)
            showNoVideo(tile);     // removed from the directory (or no longer visible to this user)
        else
            refreshOverlay(tile);
    }
}

}  // namespace vigie::app
