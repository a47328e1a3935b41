#pragma once
// `vigie --wall NAME`: a display of the control room's video wall, with no operator chrome.
//
// Shows what the backend's wall service says the wall shows — each monitor's layout and cameras — and
// follows every change live (WallLink). The monitors are placed as in the wall's grid; with --monitor,
// one monitor fills the window (one process per physical screen). Problems are said on screen in a
// banner (backend unreachable, unknown wall, watch down: the last known content stays), and everything
// recovers by itself: the backend client reconnects, the wall link re-lists and re-watches.
//
// Thread affinity: GUI thread.

#include <QHash>
#include <QWidget>

namespace vigie::rpc {
class BackendClient;
class MetadataLink;
class WallLink;
}
namespace vigie::widgets {
class ConnectionBanner;
}

class QGridLayout;

namespace vigie::app {

class MonitorView;

class WallDisplayWindow : public QWidget {
    Q_OBJECT
public:
    // `wallName`: a wall id or name; `monitorId` empty = every monitor of the wall.
    WallDisplayWindow(vigie::rpc::BackendClient* backend, vigie::rpc::WallLink* walls, QString wallName,
                      QString monitorId, QWidget* parent = nullptr);
    ~WallDisplayWindow() override;

    QString wallId() const { return m_wallId; }
    QList<MonitorView*> monitorViews() const { return m_views.values(); }
    MonitorView* monitorView(const QString& monitorId) const { return m_views.value(monitorId); }
    vigie::widgets::ConnectionBanner* banner() const { return m_banner; }
    // Live analytics boxes on every monitor (null: none); must outlive the window.
    void setLiveObjectSource(vigie::rpc::MetadataLink* source);

private:
    void onWallsChanged();
    void onWallStateChanged(const QString& wallId);
    void updateBanner();
    void buildMonitors();

    vigie::rpc::BackendClient* m_backend;
    vigie::rpc::WallLink* m_walls;
    const QString m_wallName;
    const QString m_monitorId;
    QString m_wallId;     // once found in the wall list
    QString m_watchIssue;  // why the wall's watch is down; empty while live
    vigie::widgets::ConnectionBanner* m_banner = nullptr;
    QWidget* m_monitorArea = nullptr;
    QGridLayout* m_grid = nullptr;
    QHash<QString, MonitorView*> m_views;  // by monitor id
    vigie::rpc::MetadataLink* m_liveObjects = nullptr;
};

}  // namespace vigie::app
