#pragma once
// What one video-wall monitor shows (a backend layout of live cameras), drawn by its own wall widget.
//
// Used full screen by the wall display (--wall) and as a live thumbnail in the console's wall panel.
// Thread affinity: GUI thread.

#include <QWidget>

#include <optional>

#include "vigie/rpc/WallTypes.h"

class QLabel;

namespace vigie::rpc {
class BackendClient;
}
namespace vigie::widgets {
class WallWidget;
}

namespace vigie::app {

class WallController;

class MonitorView : public QWidget {
    Q_OBJECT
public:
    // `caption`: a line above the picture with the monitor's name and who changed it last (thumbnails).
    MonitorView(vigie::rpc::BackendClient* backend, const vigie::rpc::MonitorInfo& monitor, bool caption,
                QWidget* parent = nullptr);
    ~MonitorView() override;

    const vigie::rpc::MonitorInfo& monitor() const { return m_monitor; }
    // Shows the monitor's content; only what changed is touched (unchanged tiles keep playing). True when
    // the picture changed (another layout, camera or stream, or cleared).
    bool setContent(const vigie::rpc::MonitorContent& content);
    // The layout shown now; nullopt when cleared.
    const std::optional<vigie::rpc::LayoutSpec>& layout() const { return m_layout; }

    WallController* controller() const { return m_controller; }
    vigie::widgets::WallWidget* wall() const { return m_wall; }

signals:
    // A camera was dropped onto one of its tiles (cell index in the monitor's layout), or onto a
    // cleared monitor (cell nullopt).
    void cameraDropped(const QString& cameraId, std::optional<int> cell);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void updateCaption(const vigie::rpc::MonitorContent& content);

    vigie::rpc::MonitorInfo m_monitor;
    std::optional<vigie::rpc::LayoutSpec> m_layout;
    bool m_hasContent = false;  // a first content always counts as a change, even "cleared"
    QLabel* m_caption = nullptr;
    vigie::widgets::WallWidget* m_wall = nullptr;
    WallController* m_controller = nullptr;
};

}  // namespace vigie::app
