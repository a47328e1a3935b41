#include "WallPanel.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QPointer>
#include <QVBoxLayout>

#include "MonitorView.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/rpc/WallLink.h"
#include "vigie/widgets/WallWidget.h"

namespace vigie::app {

namespace {
// Thumbnails big enough to recognise a scene, small enough that the panel stays a side panel.
constexpr QSize kThumbnail(160, 90);
}  // namespace

WallPanel::WallPanel(vigie::rpc::BackendClient* backend, vigie::rpc::WallLink* walls, QWidget* parent)
    : QWidget(parent), m_backend(backend), m_walls(walls)
{
    m_content = new QVBoxLayout(this);
    m_placeholder = new QLabel(tr("No video wall on this backend."), this);
    m_placeholder->setWordWrap(true);
    m_content->addWidget(m_placeholder);
    m_content->addStretch(1);
    connect(m_walls, &vigie::rpc::WallLink::wallsChanged, this, &WallPanel::rebuild);
    connect(m_walls, &vigie::rpc::WallLink::wallStateChanged, this, &WallPanel::onWallStateChanged);
    rebuild();
}

WallPanel::~WallPanel() = default;

MonitorView* WallPanel::monitorView(const QString& wallId, const QString& monitorId) const
{
    return m_views.value(wallId).value(monitorId);
}

void WallPanel::rebuild()
{
    // Walls change by configuration only: rebuild when the list differs from what is shown.
    QStringList shown = m_views.keys();
    QStringList listed;
    for (const auto& wall : m_walls->walls())
        listed << wall.id;
    std::sort(shown.begin(), shown.end());
    std::sort(listed.begin(), listed.end());
    if (shown == listed && !m_wallBoxes.isEmpty())
        return;
    qDeleteAll(m_wallBoxes);
    m_wallBoxes.clear();
    for (const QString& wallId : m_views.keys())
        m_walls->unwatch(wallId);
    m_views.clear();

    m_placeholder->setText(m_walls->wallsError().isEmpty() ? tr("No video wall on this backend.")
                                                           : m_walls->wallsError());
    m_placeholder->setVisible(m_walls->walls().isEmpty());
    int position = 0;
    for (const auto& wall : m_walls->walls()) {
        auto* box = new QGroupBox(wall.name, this);
        box->setObjectName(QStringLiteral("wall-%1").arg(wall.id));
        auto* grid = new QGridLayout(box);
        m_views[wall.id];  // known even without monitors, so that the next listing is not taken for a change
        grid->setSpacing(4);
        for (const auto& monitor : wall.monitors) {
            auto* view = new MonitorView(m_backend, monitor, true, box);
            view->setObjectName(QStringLiteral("thumbnail-%1").arg(monitor.id));
            view->wall()->setMinimumSize(kThumbnail);
            // At thumbnail size only the names are readable; problems are shown whatever the items.
            view->wall()->setOverlayItems(vigie::widgets::OverlayItem::CameraName | vigie::widgets::OverlayItem::Alarm);
            grid->addWidget(view, monitor.position.y(), monitor.position.x(), std::max(1, monitor.position.height()),
                            std::max(1, monitor.position.width()));
            m_views[wall.id].insert(monitor.id, view);
            const QString wallId = wall.id;
            connect(view, &MonitorView::cameraDropped, this,
                    [this, wallId, monitor](const QString& cameraId, std::optional<int> cell) {
                        m_walls->pushCamera(wallId, monitor.id, cameraId, vigie::rpc::StreamChoice::Auto, cell,
                                            [panel = QPointer(this), where = monitor.name](const auto& error) {
                                                if (panel)
                                                    emit panel->message(error ? error->text : tr("Sent to %1").arg(where));
                                            });
                    });
            connect(view->wall(), &vigie::widgets::WallWidget::tileMenuRequested, this,
                    [this, wallId, view](int, const QPoint& globalPos) { showMonitorMenu(wallId, view, globalPos); });
        }
        m_content->insertWidget(position++, box);
        m_wallBoxes << box;
        m_walls->watch(wall.id);
        onWallStateChanged(wall.id);
    }
}

void WallPanel::onWallStateChanged(const QString& wallId)
{
    const auto* state = m_walls->state(wallId);
    if (!state)
        return;
    for (auto* view : m_views.value(wallId)) {
        if (const auto* content = state->monitor(view->monitor().id))
            view->setContent(*content);
    }
}

void WallPanel::showMonitorMenu(const QString& wallId, MonitorView* view, const QPoint& globalPos)
{
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setObjectName(QStringLiteral("monitorMenu"));
    // By value: the panel may be rebuilt (walls listed again) while the menu is open.
    auto* clear = menu->addAction(tr("Clear this monitor"), this, [this, wallId, monitorId = view->monitor().id,
                                                                   where = view->monitor().name] {
        m_walls->clearMonitor(wallId, monitorId, [panel = QPointer(this), where](const auto& error) {
            if (panel)
                emit panel->message(error ? error->text : tr("%1 cleared").arg(where));
        });
    });
    clear->setEnabled(view->layout().has_value());
    menu->popup(globalPos);
}

}  // namespace vigie::app
