#pragma once
// The console's view of the control room's video walls: for each wall, its monitors as live thumbnails
// placed as on the wall, with who changed each one last. Dropping a camera onto a thumbnail sends it
// there (onto the tile under the drop); a monitor's context menu clears it.
//
// Watches every wall while the panel exists; thumbnails decode only while shown (MonitorView pauses
// when hidden, e.g. when the dock is closed). Thread affinity: GUI thread.

#include <QHash>
#include <QWidget>

namespace vigie::rpc {
class BackendClient;
class WallLink;
}

class QLabel;
class QVBoxLayout;

namespace vigie::app {

class MonitorView;

class WallPanel : public QWidget {
    Q_OBJECT
public:
    WallPanel(vigie::rpc::BackendClient* backend, vigie::rpc::WallLink* walls, QWidget* parent = nullptr);
    ~WallPanel() override;

    // The thumbnail of a monitor, null when unknown (for tests).
    MonitorView* monitorView(const QString& wallId, const QString& monitorId) const;

signals:
    // The outcome of an action taken here, for the status bar.
    void message(const QString& text);

private:
    void rebuild();
    void onWallStateChanged(const QString& wallId);
    void showMonitorMenu(const QString& wallId, MonitorView* view, const QPoint& globalPos);

    vigie::rpc::BackendClient* m_backend;
    vigie::rpc::WallLink* m_walls;
    QVBoxLayout* m_content = nullptr;
    QLabel* m_placeholder = nullptr;
    QList<QWidget*> m_wallBoxes;
    QHash<QString, QHash<QString, MonitorView*>> m_views;  // wall id -> monitor id -> thumbnail
};

}  // namespace vigie::app
