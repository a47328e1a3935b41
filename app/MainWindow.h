#pragma once
// The operator console: camera tree on the left, the workspaces (tabs of walls) in the middle, the video
// walls' panel on the right, the link state on top.
//
// Workspaces: each tab is a Workspace (its own layout, cameras and stream choices, saved under
// "workspaces/<n>"); Ctrl+1…9 switch, Ctrl+T adds, Ctrl+W closes, F2 renames, Ctrl+Shift+D detaches the
// current one to a chromeless window on another screen (its placement is remembered) and brings it back.
// The toolbar and the keys act on the current tab's wall.
//
// Thread affinity: GUI thread.

#include <QHash>
#include <QImage>
#include <QList>
#include <QMainWindow>
#include <QSet>
#include <QStringList>

#include "Workspace.h"
#include "vigie/rpc/AlarmTypes.h"
#include "vigie/widgets/TileOverlay.h"

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QSystemTrayIcon;
class QTabWidget;
class QTimer;

namespace vigie::rpc {
class AlarmLink;
class BackendClient;
class BookmarkLink;
class RecordingLink;
class MetadataLink;
class PtzLink;
class WallLink;
}
namespace vigie::widgets {
class PtzPanel;
class SavedLayoutList;
class CameraTreeView;
class ConnectionBanner;
class WallWidget;
}

namespace vigie::app {

class GamepadInput;
class PtzConsole;
class AlarmPanel;
class BookmarkPanel;
class WallController;
class WallPanel;
class Workspace;
class WorkspaceWindow;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `initialCameras` (from the command line) replace the current workspace's saved cameras; `grid` 0
    // keeps its saved layout. `walls` (may be null: no wall panel, no "send to wall") must outlive the window.
    // `alarms` likewise (null: no alarm dock).
    MainWindow(vigie::rpc::BackendClient* backend, int grid, QStringList initialCameras,
               vigie::rpc::WallLink* walls = nullptr, vigie::rpc::AlarmLink* alarms = nullptr, QWidget* parent = nullptr);
    ~MainWindow() override;

    // A message for the operator that must not be missed at start-up (status bar, 30 s).
    void showNotice(const QString& text);
    // Live analytics boxes on every workspace's wall (null: none); must outlive the window.
    void setLiveObjectSource(vigie::rpc::MetadataLink* source);
    // The PTZ dock, driving the selected tile's camera through `link` (must outlive the window); once.
    void setPtzLink(vigie::rpc::PtzLink* link);
    // Recordings (must outlive the window; once): instant replay on live tiles, review workspaces, and
    // "Review" from an alarm.
    void setRecordingLinks(vigie::rpc::RecordingLink* recordings, vigie::rpc::BookmarkLink* bookmarks);
    // Opens a review workspace on these cameras at `utcMs`, playing at normal speed (or paused).
    Workspace* openReview(const QStringList& cameraIds, qint64 utcMs, bool play = true);
    // An alarm's camera in review, from review/prerollSeconds (10 s by default) before its event.
    void reviewAlarm(const QString& cameraId, const QDateTime& eventTime);
    vigie::widgets::PtzPanel* ptzPanel() const { return m_ptzPanel; }
    // What every wall's overlay shows (saved); without Boxes, no analytics stream is kept open.
    void setOverlayItems(vigie::widgets::OverlayItems items);

    // The current workspace and its wall (the toolbar and keys act on these).
    Workspace* currentWorkspace() const;
    WallController* wallController() const;
    vigie::widgets::WallWidget* wall() const;
    QList<Workspace*> workspaces() const { return m_workspaces; }
    QTabWidget* workspaceTabs() const { return m_tabs; }
    // The window of a detached workspace, null while it is in its tab.
    WorkspaceWindow* detachedWindow(Workspace* workspace) const;

    Workspace* addWorkspace(const QString& name = QString(), Workspace::Kind kind = Workspace::Kind::Live);
    void closeWorkspace(int index);
    void detachWorkspace(Workspace* workspace);
    void bringBack(Workspace* workspace);

    vigie::widgets::CameraTreeView* cameraTree() const { return m_tree; }
    vigie::widgets::ConnectionBanner* banner() const { return m_banner; }
    WallPanel* wallPanel() const { return m_wallPanel; }
    AlarmPanel* alarmPanel() const { return m_alarmPanel; }
    vigie::widgets::ConnectionBanner* alarmBanner() const { return m_alarmBanner; }
    // Shows a camera live and large on the current wall (from an alarm: one action).
    void showCameraLive(const QString& cameraId);
    QAction* statisticsAction() const { return m_statisticsAction; }  // checkable, shortcut I

protected:
    void closeEvent(QCloseEvent* event) override;
    // A minimised window decodes nothing: the current workspace pauses until it is shown again.
    void changeEvent(QEvent* event) override;

private:
    // An active alarm's objects are highlighted on the live picture this long after the event.
    static constexpr int kAlarmTrackSeconds = 60;
    // Alarm stills: taken only for an event this recent, at most once per camera and period, this wide;
    // a request a tile did not answer in time (it stopped) is given up.
    static constexpr qint64 kStillEventAgeMs = 3000;
    static constexpr qint64 kStillPeriodMs = 1000;
    static constexpr qint64 kStillTimeoutMs = 2000;
    static constexpr int kStillWidth = 480;
    struct CameraStill {
        QImage picture;
        qint64 takenAtMs = 0;
        qint64 requestedAtMs = 0;
        QStringList waiting;  // alarms waiting for the picture being taken
    };
    QHash<QString, CameraStill> m_cameraStills;  // by camera id
    void showShortcuts();
    void showTileMenu(Workspace* workspace, int wallIndex, const QPoint& globalPos);
    // "Send to wall" entries: the tile's camera, or the whole layout, onto a wall monitor.
    void addSendToWallMenu(QMenu* menu, Workspace* workspace, int tile);
    void buildActions();
    void loadWorkspaces(int grid, const QStringList& initialCameras);
    void connectWorkspace(Workspace* workspace);
    void onCurrentWorkspaceChanged();
    void onConnectionStateChanged();
    void onDirectoryReset();
    void placeCamera(const QString& cameraId);
    void askCredentials();
    void renameCurrentWorkspace();
    // The layout editor on the current wall (merge, split, grid size); a name saves it too.
    void editLayout();
    void saveLayoutAs();
    // A saved layout, with its cameras, on the current wall.
    void applyNamedLayout(const QString& name, WallController* controller);
    void refreshSavedLayouts();
    // A site dropped on a tile: its cameras from that tile on, into free tiles only.
    void placeSite(WallController* controller, int tile, const QString& siteId);
    // Alarms: the window title's count, the tiles' flags, the channel banner, sound and pop-up of new ones.
    void buildAlarms();
    void onAlarmsChanged(const QStringList& alarmIds);
    void refreshAlarmIndicators();
    void updateAlarmBanner();
    void popUpAlarm(const QString& alarmId);
    void updatePtzCamera();  // the PTZ panel follows the selected tile's camera
    // The alarm's camera as a wall plays it now, for the alarm's details (when some wall plays it).
    void takeAlarmStill(const vigie::rpc::Alarm& alarm);
    int tabOf(const Workspace* workspace) const;
    void saveWorkspaces() const;

    vigie::rpc::BackendClient* m_backend;
    vigie::rpc::WallLink* m_walls;
    WallPanel* m_wallPanel = nullptr;
    vigie::rpc::AlarmLink* m_alarms;
    vigie::rpc::MetadataLink* m_liveObjects = nullptr;  // live analytics boxes; optional
    PtzConsole* m_ptzConsole = nullptr;                  // with the PTZ dock; optional
    QAction* m_ptzMouseAction = nullptr;                 // the mouse steers the selected PTZ camera
    GamepadInput* m_gamepad = nullptr;                   // so does a game controller, when there is one
    vigie::rpc::RecordingLink* m_recordings = nullptr;   // optional: no replay or review without it
    vigie::rpc::BookmarkLink* m_bookmarks = nullptr;
    BookmarkPanel* m_bookmarkPanel = nullptr;            // the Bookmarks dock, with the recordings
    void connectReview(Workspace* workspace);
    vigie::widgets::PtzPanel* m_ptzPanel = nullptr;
    AlarmPanel* m_alarmPanel = nullptr;
    vigie::widgets::ConnectionBanner* m_alarmBanner = nullptr;
    QTimer* m_alarmBlinkTimer = nullptr;   // blinks the tiles of alarms nobody saw; runs only while there are some
    QSystemTrayIcon* m_tray = nullptr;  // when the desktop has a tray
    QTimer* m_alarmIndicatorTimer = nullptr;  // tiles and title follow the alarms at most every 250 ms
    QTimer* m_alarmTrackTimer = nullptr;  // single shot: when the oldest highlighted alarm leaves the minute
    QTimer* m_alarmBannerTimer = nullptr;  // "unavailable for N s", once a second while down
    bool m_alarmBlinkOn = true;
    QSet<QString> m_knownAlarms;  // alarms this window has heard of: the others are news
    qint64 m_lastPopUpMs = 0;              // pop-ups are spaced out: an alarm storm must not churn the wall
    QString m_baseTitle;
    QTabWidget* m_tabs = nullptr;
    QList<Workspace*> m_workspaces;  // in tab order; a detached one keeps its tab (a placeholder page)
    QList<WorkspaceWindow*> m_detached;
    vigie::widgets::CameraTreeView* m_tree = nullptr;
    vigie::widgets::ConnectionBanner* m_banner = nullptr;
    QLabel* m_linkLabel = nullptr;
    QActionGroup* m_gridActions = nullptr;
    QAction* m_snapshotAction = nullptr;
    QAction* m_restoreAction = nullptr;  // Escape: back to the grid from a maximised tile
    QAction* m_statisticsAction = nullptr;  // I: per-tile statistics over the pictures
    vigie::widgets::SavedLayoutList* m_savedLayouts = nullptr;
    vigie::widgets::OverlayItems m_overlayItems = vigie::widgets::kDefaultOverlayItems;  // every wall, saved
    bool m_directoryLoaded = false;
    bool m_askingPassword = false;
    bool m_loading = true;  // no saving while the saved workspaces are being read back
};

}  // namespace vigie::app
