#include "MonitorView.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include "WallContent.h"
#include "WallController.h"
#include "vigie/widgets/WallWidget.h"

namespace vigie::app {

MonitorView::MonitorView(vigie::rpc::BackendClient* backend, const vigie::rpc::MonitorInfo& monitor, bool caption,
                         QWidget* parent)
    : QWidget(parent), m_monitor(monitor)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    if (caption) {
        m_caption = new QLabel(monitor.name, this);
        m_caption->setObjectName(QStringLiteral("monitorCaption"));
        layout->addWidget(m_caption);
    }
    m_wall = new vigie::widgets::WallWidget(this);
    m_wall->setObjectName(QStringLiteral("monitorWall"));
    layout->addWidget(m_wall, 1);
    m_controller = new WallController(m_wall, backend, this);
    m_controller->setGrid(1);
    m_controller->setPaused(true);  // until shown
    connect(m_wall, &vigie::widgets::WallWidget::cameraDropped, this, [this](int wallIndex, const QString& cameraId) {
        if (!m_layout) {
            emit cameraDropped(cameraId, std::nullopt);
            return;
        }
        const int tile = m_controller->wallToTile(wallIndex);
        if (tile >= 0)
            emit cameraDropped(cameraId, tile);
    });
}

MonitorView::~MonitorView() = default;

bool MonitorView::setContent(const vigie::rpc::MonitorContent& content)
{
    updateCaption(content);
    if (m_hasContent && content.layout == m_layout)
        return false;
    m_hasContent = true;
    if (content.layout && applyLayoutSpec(*m_controller, *content.layout)) {
        m_layout = content.layout;
        return true;
    }
    // Cleared, or a layout this client cannot show: black, never a stale picture.
    m_layout.reset();
    m_controller->setGrid(1);
    m_controller->clearTile(0);
    if (content.layout) {
        vigie::widgets::TileOverlay overlay;
        overlay.title = m_monitor.name;
        overlay.status = tr("The backend sent a layout this display cannot show");
        overlay.severity = vigie::widgets::TileOverlay::Severity::Error;
        m_wall->setTileOverlay(0, overlay);
    }
    return true;
}

void MonitorView::updateCaption(const vigie::rpc::MonitorContent& content)
{
    if (!m_caption)
        return;
    QString text = m_monitor.name;
    if (!content.updatedBy.isEmpty() && content.updatedAt.isValid()) {
        text = tr("%1 — %2, %3")
                   .arg(m_monitor.name, content.updatedBy,
                        QLocale().toString(content.updatedAt.toLocalTime().time(), QLocale::ShortFormat));
    }
    if (!content.layout)
        text = tr("%1 (cleared)").arg(text);
    m_caption->setText(text);
}

void MonitorView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_controller->setPaused(false);
}

void MonitorView::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_controller->setPaused(true);
}

}  // namespace vigie::app
