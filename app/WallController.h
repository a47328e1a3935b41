#pragma once
// Which camera each tile of the wall shows, and the stream session that feeds it.
//
// Thread affinity: GUI thread. Owns one player::StreamSession per occupied tile; the wall widget only
// holds the sessions' mailboxes. Follows the directory: when a camera's URL changes (backend restarted on
// another port) its tiles reopen the new URL; when a camera goes offline the tile says so.
//
// Stream choice: each tile plays its camera's sub or main stream according to the size of its picture
// on screen (StreamChoice, with hysteresis), re-evaluated when the wall is resized or its layout changes.
// A switch reopens the same camera and keeps the last picture until the new stream's first frame.
//
// Only tiles the operator can see decode. A maximised tile fills the wall alone (the wall shows a 1x1
// layout holding its feed); the other tiles stop their sessions, keep their cameras, and reopen on
// restore. While paused (window minimised or hidden) no tile decodes; the wall keeps each tile's last
// picture, shown again until the reopened stream's first frame.
//
// Statistics (off by default): each shown tile lists its stream's figures (TileStatistics) over its
// picture, refreshed once a second by a timer that runs only while they are on.
//
// Overload: a stream the player had to degrade (skipped frames, key frames only) says so in its tile's
// status line, statistics on or off: a degraded picture must never pass for a smooth one. The maximised
// tile's stream has High priority (degrades last, recovers first); the others Normal. Sessions decode
// in hardware where a VAAPI device is available (StreamOptions::HardwareDecoding::Auto).
//
// Tile numbers in this API are wall-grid positions, whatever is maximised; the wall widget's own tile
// indices differ while a tile is maximised (tileToWall / wallToTile convert).
//
// Recordings: with a playback clock (a review workspace) every tile plays its camera's recording at the
// clock's time, one player::PlaybackSession per shown tile, all following that one clock. In a live wall
// a single tile can play back on a clock of its own (instant replay) and return to live. Both need the
// recording source (setRecordingSource). A playback tile keeps its camera, layout place and overlays;
// its status line says what the recording shows there (playing, paused, no recording, destroyed).

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>
#include <vector>

#include "TileStatistics.h"
#include "TourSchedule.h"
#include "vigie/player/PlaybackClock.h"
#include "vigie/player/PlaybackSession.h"
#include "vigie/player/RecordingSource.h"
#include "vigie/player/StreamSession.h"
#include "vigie/rpc/AlarmTypes.h"
#include "vigie/rpc/DirectoryTypes.h"
#include "vigie/widgets/TileOverlay.h"
#include "vigie/widgets/WallLayout.h"

class QImage;
class QTimer;

namespace vigie::rpc {
class BackendClient;
class MetadataLink;
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

    // The wall's layout: a grid or an uneven preset (LayoutPresets). Tiles that remain keep their
    // cameras; tiles that disappear stop. An empty layout is ignored.
    void setLayout(const vigie::widgets::WallLayout& layout);
    const vigie::widgets::WallLayout& layout() const { return m_layout; }
    // n x n tiles, n in 1..8 (setLayout with a grid).
    void setGrid(int n);
    int grid() const;  // n for an n x n grid, 0 for any other layout
    int tileCount() const { return static_cast<int>(m_tiles.size()); }

    void assign(int tile, const QString& cameraId);
    // Which stream a tile plays: Auto follows its size on screen (StreamChoice); Main or Sub hold that
    // stream whatever the size (falling back to the other when the camera lacks it). Kept per tile
    // position, across camera changes, and saved with the wall.
    enum class StreamPreference { Auto, Main, Sub };
    void setStreamPreference(int tile, StreamPreference preference);
    StreamPreference streamPreference(int tile) const;
    QStringList streamPreferences() const;               // "auto" / "main" / "sub" per tile, for settings
    void setStreamPreferences(const QStringList& names);  // the same back; unknown names are Auto

    // A tour: the tile shows these cameras in turn, `dwell` each, until the operator puts another camera
    // on it, clears it, swaps it or stops the tour. Switches stay on the start + k * dwell grid.
    void startTour(int tile, const QStringList& cameraIds, std::chrono::milliseconds dwell);
    void stopTour(int tile);
    bool isTouring(int tile) const;
    // A tour of the whole layout: page after page of these cameras, `dwell` each. Tile i shows cameras
    // i, i + n, i + 2n… (n tiles), the last page wrapping round to the first cameras, so that every tile
    // switches at the same instant. Cameras that fit on one page are simply shown.
    void startLayoutTour(const QStringList& cameraIds, std::chrono::milliseconds dwell);
    void stopAllTours();
    bool anyTouring() const;

    // Saves the tile's next decoded picture as PNG at the stream's native size (SnapshotWriter); the
    // outcome comes as snapshotSaved or snapshotFailed.
    void snapshot(int tile);
    // The next picture of a tile playing this camera, at most maxWidth pixels wide (aspect kept), to
    // `done` on the GUI thread; false (and no call) when no tile plays the camera. Alarm stills.
    bool grabStill(const QString& cameraId, int maxWidth, std::function<void(const QImage&)> done);

    // Exchanges the cameras of two tiles (a tile dragged onto another). Both reopen: a tile never shows
    // the other camera's last picture under its new title.
    void swapTiles(int a, int b);
    void clearTile(int tile);
    QString cameraAt(int tile) const;
    QStringList cameraIds() const;       // per tile, empty string for an empty tile
    // Puts cameras into empty tiles, in order; returns how many were placed.
    int fillEmptyTiles(const QStringList& cameraIds);
    int firstEmptyTile() const;

    // Shows one tile over the whole wall (-1 or an unknown tile: no-op); restoreGrid() shows the grid.
    // Changing the grid restores it too.
    void maximise(int tile);
    void restoreGrid();
    void toggleMaximised(int tile);  // maximises the tile, or restores the grid when it is the maximised one
    int maximisedTile() const { return m_maximised; }  // -1 when the grid is shown

    // Where recordings are read from (needed by playback and instant replay; null: neither is offered).
    void setRecordingSource(std::shared_ptr<vigie::player::RecordingSource> source);
    bool hasRecordings() const { return m_recordingSource != nullptr; }
    // Review: every tile plays its camera's recording following `clock`; null returns every tile to live.
    void setPlaybackClock(std::shared_ptr<vigie::player::PlaybackClock> clock);
    const std::shared_ptr<vigie::player::PlaybackClock>& playbackClock() const { return m_playbackClock; }
    // Instant replay (live walls): the tile plays its camera's recording from `fromUtcMs` on a clock of
    // its own, playing at 1x; stopReplay() (or another camera on the tile) returns it to live.
    void startReplay(int tile, qint64 fromUtcMs);
    void stopReplay(int tile);
    bool isReplaying(int tile) const;
    // The clock a tile plays on: the review's, the tile's replay clock, or null for a live tile.
    std::shared_ptr<vigie::player::PlaybackClock> clockOf(int tile) const;
    // Steps the tile's playback clock by `frames` of that tile's camera (pauses it). No-op on a live tile.
    void stepTile(int tile, int frames);
    const vigie::player::PlaybackSession* playbackSession(int tile) const;
    vigie::player::PlaybackState playbackState(int tile) const;

    // Stops every session (keeping cameras and last pictures) while paused; reopens them on resume.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    // Cameras with an active alarm: their tiles carry the alarm flag (steady once every alarm of the camera
    // was acknowledged; blinking with setAlarmBlink while not) and the boxes of the objects involved.
    struct AlarmMarks {
        bool acknowledged = true;
        // The objects of the camera's latest alarm where they were when it was raised: shown while the
        // camera has no live analytics (setLiveObjectSource).
        QList<vigie::widgets::TileOverlay::Box> boxes;
        // Track id of every object an active alarm of the camera is about -> that alarm's type, in words:
        // those live objects are drawn in the alarm red, labelled with it.
        QHash<QString, QString> tracks;
        friend bool operator==(const AlarmMarks&, const AlarmMarks&) = default;
    };
    void setAlarmedCameras(const QHash<QString, AlarmMarks>& marksByCamera);
    void setAlarmBlink(bool on);
    // Who controls a PTZ camera, as its tiles' flag says ("PTZ · Superviseur · 42 s"); empty removes it.
    void setControlNote(const QString& cameraId, const QString& note);

    // Live analytics boxes: the source streams the objects of every camera this wall decodes (null: none,
    // the default). The wall shows them with OverlayItem::Boxes; setLiveObjectsWanted(false) stops the
    // streams while the boxes are hidden.
    void setLiveObjectSource(vigie::rpc::MetadataLink* source);
    void setLiveObjectsWanted(bool wanted);
    // The label of an object class on the wall ("Person"...), empty when unknown.
    static QString objectLabel(vigie::rpc::ObjectClass objectClass);

    // Per-tile statistics over the pictures (TileOverlay::statistics), refreshed every statisticsInterval().
    void setStatisticsVisible(bool visible);
    bool statisticsVisible() const { return m_statisticsVisible; }
    static constexpr int statisticsInterval() { return 1000; }  // ms

    // Index of a tile in the wall widget, -1 when the wall does not show it (another tile is maximised);
    // and the tile a wall widget index shows, -1 for none.
    int tileToWall(int tile) const;
    int wallToTile(int wallIndex) const;

    // For tests and diagnostics.
    const vigie::player::StreamSession* session(int tile) const;
    vigie::player::StreamState tileState(int tile) const;
    // The stream the tile plays (or will play when it opens).
    vigie::rpc::StreamRole tileRole(int tile) const;

signals:
    void tileStateChanged(int tile, vigie::player::StreamState state, const QString& detail);
    void tilePlaybackStateChanged(int tile, vigie::player::PlaybackState state, const QString& detail);
    void assignmentsChanged();
    void maximisedChanged(int tile);  // -1: the grid is back
    void snapshotSaved(int tile, const QString& path);
    void snapshotFailed(int tile, const QString& reason);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Tile {
        QString cameraId;
        QString url;
        std::unique_ptr<vigie::player::StreamSession> session;
        vigie::player::StreamState state = vigie::player::StreamState::Idle;
        QString detail;
        vigie::player::OverloadLevel overload = vigie::player::OverloadLevel::Full;  // as last reported
        quint64 generation = 0;  // bumped whenever the session changes: late reports of old ones are dropped
        vigie::rpc::StreamRole role = vigie::rpc::StreamRole::Sub;
        // A switch waits until the wall shows a picture of the current stream (else the tile would stay
        // black until the new stream's first frame, e.g. right after maximising).
        bool switchPending = false;
        TileStatistics statistics;  // while statistics are visible; reset when the session changes
        quint64 statisticsGeneration = 0;  // the session `statistics` counts for
        TourSchedule tour;  // inactive unless touring
        // Recorded video instead of live (review clock or instant replay): its session, and for an instant
        // replay the tile's own clock.
        std::unique_ptr<vigie::player::PlaybackSession> playback;
        std::shared_ptr<vigie::player::PlaybackClock> replayClock;
        vigie::player::PlaybackState playbackState = vigie::player::PlaybackState::Idle;
        QString playbackDetail;
        StreamPreference streamPreference = StreamPreference::Auto;
    };

    void setCamera(int tile, const QString& cameraId);  // assign() without ending a tour
    void advanceTours();                                // switches due tours, plans the next switch

    // Opens the tile's camera. `keepPicture`: the same camera reopens (other URL or stream role), so its
    // last picture stays until the new stream's first frame; another camera never shows the old one's.
    void openTile(int tile, bool keepPicture);
    void closeTile(int tile);
    void refreshOverlay(int tile);
    void refreshStatistics();  // new snapshot of every shown tile's counters, overlays updated
    void showNoVideo(int tile);
    void onDirectoryChanged();
    // Decodes: shown on the wall and not paused.
    bool isActive(int tile) const;
    // Stops an active tile's session because it is hidden (keeps the camera and the wall's picture).
    void suspendTile(int tile);
    // Sets the wall's layout for the current grid / maximised tile and brings every tile in line: feeds,
    // overlays, sessions stopped or (re)opened. `before`: the tile each wall index showed until now; a wall
    // index that shows another tile now loses its picture (never another camera's picture under a title).
    void applyWall(const std::vector<int>& before);
    std::vector<int> wallMapping() const;  // tile per wall index
    // The stream a tile should play now, from its picture size on the wall and the directory's streams.
    vigie::rpc::StreamRole desiredRole(int tile) const;
    void updateRoles();
    void updateRole(int tile);
    void setWallFeed(int tile, std::shared_ptr<vigie::player::FrameMailbox> feed);
    // Opens the tile's recording on its clock (openTile's path for playback tiles).
    void openPlayback(int tile);
    // Bytes of decoded pictures each playback tile may keep for reverse play: a wall-wide budget shared by the
    // layout's tiles.
    std::size_t reverseCacheShare() const;
    // The overlay's status line of a playback tile.
    void describePlayback(const Tile& t, vigie::widgets::TileOverlay& overlay) const;
    // High for the maximised tile, Normal otherwise.
    vigie::player::StreamPriority priorityOf(int tile) const;
    quint64 m_nextGeneration = 1;
    QString cameraTitle(const QString& cameraId) const;
    // Wants the live objects of exactly the cameras whose tiles decode now.
    void syncLiveObjects();
    void refreshLiveObjects();  // the overlays of the tiles whose camera's objects changed
    QList<vigie::widgets::TileOverlay::Box> boxesOf(const QString& cameraId) const;

    vigie::widgets::WallWidget* m_wall;
    vigie::rpc::BackendClient* m_backend;
    vigie::widgets::WallLayout m_layout = vigie::widgets::WallLayout::grid(2, 2);
    int m_maximised = -1;
    bool m_paused = false;
    bool m_statisticsVisible = false;
    QHash<QString, AlarmMarks> m_alarmed;  // by camera id
    bool m_alarmBlinkOn = true;
    QHash<QString, QString> m_controlNotes;  // by camera id
    QPointer<vigie::rpc::MetadataLink> m_liveObjects;
    bool m_liveObjectsWanted = true;
    QSet<QString> m_liveCameras;  // cameras this wall wants of m_liveObjects
    QSet<QString> m_liveChanged;  // cameras whose objects changed since the last refresh
    QTimer* m_liveRefreshTimer = nullptr;  // single shot, kLiveRefreshMs
    static constexpr int kLiveRefreshMs = 40;  // one frame period at 25 fps
    QTimer* m_statisticsTimer = nullptr;
    QTimer* m_tourTimer = nullptr;  // single shot, at the earliest switch of any tour
    std::vector<Tile> m_tiles;
    std::shared_ptr<vigie::player::RecordingSource> m_recordingSource;
    std::shared_ptr<vigie::player::PlaybackClock> m_playbackClock;  // review: every tile follows it
};

}  // namespace vigie::app
