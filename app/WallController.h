#pragma once
// Which camera each tile of the wall shows, and the stream session that feeds it.
//
// Thread affinity: GUI thread. Owns one player::StreamSession per occupied tile; the wall widget only
// holds the sessions' mailboxes. Follows the directory: when a camera's URL changes (backend restarted on
// another port) its tiles reopen the new URL; when a camera goes offline the tile says so.

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

#include "vigie/player/StreamSession.h"
#include "vigie/rpc/DirectoryTypes.h"

namespace vigie::rpc {
class BackendClient;
}
namespace vigie::widgets {
class WallWidget;
}

namespace vigie::app {

class WallController : public QObject {
    Q_OBJECT
public:
    WallController(vigie::widgets::WallWidget* wall, vigie::rpc::BackendClient* backend, QObject* parent = nullptr);
    ~WallController() override;

    // n x n tiles, n in 1..8. Tiles that remain keep their cameras; tiles that disappear stop.
    void setGrid(int n);
    int grid() const { return m_grid; }
    int tileCount() const { return static_cast<int>(m_tiles.size()); }

    void assign(int tile, const QString& cameraId);
    void clearTile(int tile);
    QString cameraAt(int tile) const;
    QStringList cameraIds() const;       // per tile, empty string for an empty tile
    // Puts cameras into empty tiles, in order; returns how many were placed.
    int fillEmptyTiles(const QStringList& cameraIds);
    int firstEmptyTile() const;

    // For tests and diagnostics.
    const vigie::player::StreamSession* session(int tile) const;
    vigie::player::StreamState tileState(int tile) const;

signals:
    void tileStateChanged(int tile, vigie::player::StreamState state, const QString& detail);
    void assignmentsChanged();

private:
    struct Tile {
        QString cameraId;
        QString url;
        std::unique_ptr<vigie::player::StreamSession> session;
        vigie::player::StreamState state = vigie::player::StreamState::Idle;
        QString detail;
        quint64 generation = 0;  // bumped whenever the session changes: late reports of old ones are dropped
    };

    // Opens the tile's camera. `keepPicture`: the same camera reopens (other URL or stream role), so its
    // last picture stays until the new stream's first frame; another camera never shows the old one's.
    void openTile(int tile, bool keepPicture);
    void closeTile(int tile);
    void refreshOverlay(int tile);
    void showNoVideo(int tile);
    void onDirectoryChanged();
    vigie::rpc::StreamRole preferredRole() const;
    quint64 m_nextGeneration = 1;
    QString cameraTitle(const QString& cameraId) const;

    vigie::widgets::WallWidget* m_wall;
    vigie::rpc::BackendClient* m_backend;
    int m_grid = 2;
    std::vector<Tile> m_tiles;
};

}  // namespace vigie::app
