#pragma once
// The operator console: camera tree on the left, the wall in the middle, the link state on top.
//
// Thread affinity: GUI thread.

#include <QMainWindow>
#include <QStringList>

class QAction;
class QActionGroup;
class QLabel;

namespace vigie::rpc {
class BackendClient;
}
namespace vigie::widgets {
class CameraTreeView;
class ConnectionBanner;
class WallWidget;
}

namespace vigie::app {

class WallController;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `initialCameras` (from the command line) replaces the saved wall; `grid` 0 keeps the saved size.
    MainWindow(vigie::rpc::BackendClient* backend, int grid, QStringList initialCameras, QWidget* parent = nullptr);
    ~MainWindow() override;

    // A message for the operator that must not be missed at start-up (status bar, 30 s).
    void showNotice(const QString& text);

    WallController* wallController() const { return m_controller; }
    vigie::widgets::WallWidget* wall() const { return m_wall; }
    vigie::widgets::CameraTreeView* cameraTree() const { return m_tree; }
    vigie::widgets::ConnectionBanner* banner() const { return m_banner; }
    QAction* statisticsAction() const { return m_statisticsAction; }  // checkable, shortcut I

protected:
    void closeEvent(QCloseEvent* event) override;
    // A minimised or hidden window decodes nothing: the wall controller pauses until it is shown again.
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void showShortcuts();
    void showTileMenu(int wallIndex, const QPoint& globalPos);
    void buildActions();
    void onConnectionStateChanged();
    void onDirectoryReset();
    void placeCamera(const QString& cameraId);
    void askCredentials();
    void saveWall() const;

    vigie::rpc::BackendClient* m_backend;
    vigie::widgets::WallWidget* m_wall = nullptr;
    vigie::widgets::CameraTreeView* m_tree = nullptr;
    vigie::widgets::ConnectionBanner* m_banner = nullptr;
    QLabel* m_linkLabel = nullptr;
    QActionGroup* m_gridActions = nullptr;
    QAction* m_snapshotAction = nullptr;
    QAction* m_restoreAction = nullptr;  // Escape: back to the grid from a maximised tile
    QAction* m_statisticsAction = nullptr;  // I: per-tile statistics over the pictures
    WallController* m_controller = nullptr;
    QStringList m_pendingCameras;  // to place once the directory has loaded
    bool m_wallFilled = false;
    bool m_askingPassword = false;
};

}  // namespace vigie::app
