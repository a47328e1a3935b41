#include "WallDisplayWindow.h"

#include <QAction>
#include <QGridLayout>
#include <QLoggingCategory>
#include <QVBoxLayout>

#include "MonitorView.h"
#include "WallController.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/rpc/WallLink.h"
#include "vigie/widgets/ConnectionBanner.h"

// What a wall display shows, in its log: a control room wants to know what was on its wall, and when.
Q_LOGGING_CATEGORY(lcWallDisplay, "vigie.wall")

namespace vigie::app {

namespace {

QString describe(const std::optional<vigie::rpc::LayoutSpec>& layout)
{
    if (!layout)
        return QStringLiteral("cleared");
    QStringList cameras;
    for (const auto& cell : layout->cells)
        cameras << (cell.cameraId.isEmpty() ? QStringLiteral("-") : cell.cameraId);
    return QStringLiteral("%1x%2 layout, cameras %3").arg(layout->columns).arg(layout->rows).arg(cameras.join(QLatin1Char(',')));
}

}  // namespace

using vigie::rpc::ConnectionState;
using Severity = vigie::widgets::ConnectionBanner::Severity;

WallDisplayWindow::WallDisplayWindow(vigie::rpc::BackendClient* backend, vigie::rpc::WallLink* walls, QString wallName,
                                     QString monitorId, QWidget* parent)
    : QWidget(parent), m_backend(backend), m_walls(walls), m_wallName(std::move(wallName)), m_monitorId(std::move(monitorId))
{
    setWindowTitle(tr("Vigie — wall %1").arg(m_wallName));
    setWindowFlag(Qt::FramelessWindowHint);
    setAutoFillBackground(true);
    QPalette black = palette();
    black.setColor(QPalette::Window, Qt::black);
    setPalette(black);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banner = new vigie::widgets::ConnectionBanner(this);
    layout->addWidget(m_banner);
    m_monitorArea = new QWidget(this);
    m_grid = new QGridLayout(m_monitorArea);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(4);  // the bezels between physical screens
    layout->addWidget(m_monitorArea, 1);

    // A wall display has no menus; the one key it answers is the one that closes it.
    auto* quit = new QAction(tr("Quit"), this);
    quit->setShortcut(QKeySequence(QStringLiteral("Ctrl+Q")));
    connect(quit, &QAction::triggered, this, &QWidget::close);
    addAction(quit);

    connect(m_backend, &vigie::rpc::BackendClient::stateChanged, this, &WallDisplayWindow::updateBanner);
    connect(m_walls, &vigie::rpc::WallLink::wallsChanged, this, &WallDisplayWindow::onWallsChanged);
    connect(m_walls, &vigie::rpc::WallLink::wallStateChanged, this, &WallDisplayWindow::onWallStateChanged);
    connect(m_walls, &vigie::rpc::WallLink::liveChanged, this,
            [this](const QString& wallId, bool live, const QString& detail) {
                if (wallId != m_wallId)
                    return;
                m_watchIssue = live ? QString() : detail;
                updateBanner();
            });
    resize(1280, 720);
    updateBanner();
    onWallsChanged();
}

WallDisplayWindow::~WallDisplayWindow() = default;

void WallDisplayWindow::onWallsChanged()
{
    if (!m_walls->wallsLoaded()) {
        updateBanner();
        return;
    }
    const auto* wall = m_walls->findWall(m_wallName);
    const QString id = wall ? wall->id : QString();
    if (id != m_wallId) {
        if (!m_wallId.isEmpty())
            m_walls->unwatch(m_wallId);
        m_wallId = id;
        if (!m_wallId.isEmpty())
            m_walls->watch(m_wallId);
    }
    buildMonitors();
    updateBanner();
    if (!m_wallId.isEmpty())
        onWallStateChanged(m_wallId);
}

void WallDisplayWindow::buildMonitors()
{
    const auto* wall = m_walls->wall(m_wallId);
    QList<vigie::rpc::MonitorInfo> wanted;
    if (wall) {
        for (const auto& monitor : wall->monitors)
            if (m_monitorId.isEmpty() || monitor.id == m_monitorId)
                wanted << monitor;
    }
    // Rebuilt only when the set of monitors changes (walls change by configuration only).
    QStringList wantedIds;
    for (const auto& monitor : wanted)
        wantedIds << monitor.id;
    QStringList haveIds = m_views.keys();
    std::sort(haveIds.begin(), haveIds.end());
    QStringList sortedWanted = wantedIds;
    std::sort(sortedWanted.begin(), sortedWanted.end());
    if (haveIds == sortedWanted)
        return;
    qDeleteAll(m_views);
    m_views.clear();
    for (const auto& monitor : wanted) {
        auto* view = new MonitorView(m_backend, monitor, false, m_monitorArea);
        view->setObjectName(QStringLiteral("monitor-%1").arg(monitor.id));
        view->controller()->setLiveObjectSource(m_liveObjects);
        m_views.insert(monitor.id, view);
        if (m_monitorId.isEmpty()) {
            m_grid->addWidget(view, monitor.position.y(), monitor.position.x(), std::max(1, monitor.position.height()),
                              std::max(1, monitor.position.width()));
        } else {
            m_grid->addWidget(view, 0, 0);
        }
    }
    if (wall && m_monitorId.isEmpty()) {
        // Every place of the wall's grid takes the same share, occupied or not: the layout matches the wall.
        for (int column = 0; column < wall->columns; ++column)
            m_grid->setColumnStretch(column, 1);
        for (int row = 0; row < wall->rows; ++row)
            m_grid->setRowStretch(row, 1);
    }
}

void WallDisplayWindow::onWallStateChanged(const QString& wallId)
{
    if (wallId != m_wallId)
        return;
    const auto* state = m_walls->state(wallId);
    if (!state)
        return;
    for (auto* view : std::as_const(m_views)) {
        const auto* content = state->monitor(view->monitor().id);
        if (content && view->setContent(*content)) {
            qCInfo(lcWallDisplay).noquote() << QStringLiteral("%1/%2 shows %3 (wall version %4, changed by %5)")
                                                   .arg(m_wallId, view->monitor().id, describe(view->layout()))
                                                   .arg(state->version)
                                                   .arg(content->updatedBy.isEmpty() ? QStringLiteral("?") : content->updatedBy);
        }
    }
}

void WallDisplayWindow::updateBanner()
{
    if (m_backend->state() != ConnectionState::Online) {
        const bool fatal = m_backend->state() == ConnectionState::AuthFailed || m_backend->state() == ConnectionState::ConfigError;
        m_banner->showMessage(m_views.isEmpty() ? m_backend->stateDetail()
                                                : tr("%1 — showing the last known wall content").arg(m_backend->stateDetail()),
                              fatal ? Severity::Error : Severity::Warning);
        return;
    }
    if (!m_walls->wallsError().isEmpty()) {
        m_banner->showMessage(m_walls->wallsError(), Severity::Error);
        return;
    }
    if (!m_walls->wallsLoaded()) {
        m_banner->showMessage(tr("Loading the walls…"), Severity::Info);
        return;
    }
    if (m_wallId.isEmpty()) {
        QStringList names;
        for (const auto& wall : m_walls->walls())
            names << QStringLiteral("%1 (%2)").arg(wall.name, wall.id);
        m_banner->showMessage(tr("The backend has no wall named \"%1\". Walls: %2")
                                  .arg(m_wallName, names.isEmpty() ? tr("none") : names.join(QStringLiteral(", "))),
                              Severity::Error);
        return;
    }
    if (!m_monitorId.isEmpty() && m_views.isEmpty()) {
        m_banner->showMessage(tr("The wall \"%1\" has no monitor \"%2\"").arg(m_wallName, m_monitorId), Severity::Error);
        return;
    }
    if (!m_watchIssue.isEmpty()) {
        m_banner->showMessage(tr("%1 — showing the last known wall content, reconnecting").arg(m_watchIssue),
                              Severity::Warning);
        return;
    }
    m_banner->clear();
}

void WallDisplayWindow::setLiveObjectSource(vigie::rpc::MetadataLink* source)
{
    m_liveObjects = source;
    for (auto* view : std::as_const(m_views))
        view->controller()->setLiveObjectSource(source);
}

}  // namespace vigie::app
