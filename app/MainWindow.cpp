#include "MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QActionGroup>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QGuiApplication>
#include <QHideEvent>
#include <QInputDialog>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QSystemTrayIcon>
#include <QTabBar>
#include <QTabWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollArea>
#include <QSet>
#include <QSettings>
#include <QShowEvent>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

#include "CameraEntries.h"
#include "AlarmListModel.h"
#include "AlarmPanel.h"
#include "NamedLayouts.h"
#include "GamepadInput.h"
#include "PtzConsole.h"
#include "WallContent.h"
#include "WallPanel.h"
#include "BookmarkPanel.h"
#include "ReviewConsole.h"
#include "Workspace.h"
#include "WorkspaceWindow.h"
#include "WallController.h"
#include "vigie/rpc/AlarmLink.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/rpc/PtzLink.h"
#include "vigie/widgets/PtzPanel.h"
#include "vigie/rpc/WallLink.h"
#include "vigie/widgets/CameraTreeModel.h"
#include "vigie/widgets/CameraTreeView.h"
#include "vigie/widgets/LayoutEditorDialog.h"
#include "vigie/widgets/LayoutPresets.h"
#include "vigie/widgets/SavedLayoutList.h"
#include "vigie/widgets/ConnectionBanner.h"
#include "vigie/widgets/LoginDialog.h"
#include "vigie/widgets/ShortcutsDialog.h"
#include "vigie/widgets/WallWidget.h"

namespace vigie::app {

using vigie::rpc::ConnectionState;

namespace {
const char kWorkspacesGroup[] = "workspaces";  // count, current, then one group per workspace: "0", "1"…
const char kLegacyWallGroup[] = "wall";        // the single wall saved before workspaces existed
constexpr int kMaxWorkspaces = 9;              // Ctrl+1…9
}  // namespace

MainWindow::MainWindow(vigie::rpc::BackendClient* backend, int grid, QStringList initialCameras,
                       vigie::rpc::WallLink* walls, vigie::rpc::AlarmLink* alarms, QWidget* parent)
    : QMainWindow(parent), m_backend(backend), m_walls(walls), m_alarms(alarms)
{
    m_baseTitle = tr("Vigie — %1").arg(backend->options().address);
    setWindowTitle(m_baseTitle);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banner = new vigie::widgets::ConnectionBanner(central);
    m_tabs = new QTabWidget(central);
    m_tabs->setObjectName(QStringLiteral("workspaceTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setMovable(false);
    layout->addWidget(m_banner);
    m_alarmBanner = new vigie::widgets::ConnectionBanner(central);
    m_alarmBanner->setObjectName(QStringLiteral("alarmBanner"));
    layout->addWidget(m_alarmBanner);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    auto* dock = new QDockWidget(tr("Cameras"), this);
    dock->setObjectName(QStringLiteral("cameraDock"));
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    m_tree = new vigie::widgets::CameraTreeView(dock);
    dock->setWidget(m_tree);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    auto* layoutsDock = new QDockWidget(tr("Layouts"), this);
    layoutsDock->setObjectName(QStringLiteral("layoutsDock"));
    layoutsDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    m_savedLayouts = new vigie::widgets::SavedLayoutList(layoutsDock);
    layoutsDock->setWidget(m_savedLayouts);
    addDockWidget(Qt::LeftDockWidgetArea, layoutsDock);
    tabifyDockWidget(dock, layoutsDock);
    dock->raise();
    connect(m_savedLayouts, &vigie::widgets::SavedLayoutList::layoutActivated, this,
            [this](const QString& name) { applyNamedLayout(name, wallController()); });
    refreshSavedLayouts();

    if (m_walls) {
        auto* wallDock = new QDockWidget(tr("Video walls"), this);
        wallDock->setObjectName(QStringLiteral("wallDock"));
        wallDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                              QDockWidget::DockWidgetClosable);
        auto* scroll = new QScrollArea(wallDock);
        scroll->setWidgetResizable(true);
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        m_wallPanel = new WallPanel(m_backend, m_walls, scroll);
        scroll->setWidget(m_wallPanel);
        wallDock->setWidget(scroll);
        addDockWidget(Qt::RightDockWidgetArea, wallDock);
        resizeDocks({wallDock}, {360}, Qt::Horizontal);  // two monitors side by side, thumbnails readable
        connect(m_wallPanel, &WallPanel::message, this, [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    }

    m_linkLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_linkLabel);
    if (m_alarms)
        buildAlarms();

    if (QSettings().contains(QStringLiteral("overlay/items")))
        m_overlayItems = vigie::widgets::OverlayItems::fromInt(QSettings().value(QStringLiteral("overlay/items")).toInt());
    loadWorkspaces(grid, initialCameras);
    buildActions();
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onCurrentWorkspaceChanged);
    onCurrentWorkspaceChanged();
    m_loading = false;

    connect(m_backend, &vigie::rpc::BackendClient::stateChanged, this, &MainWindow::onConnectionStateChanged);
    connect(m_backend, &vigie::rpc::BackendClient::directoryReset, this, &MainWindow::onDirectoryReset);
    connect(m_backend, &vigie::rpc::BackendClient::cameraChanged, this, [this](const vigie::rpc::CameraInfo& camera) {
        m_tree->model()->upsertCamera(toCameraEntry(camera, m_backend->sites()));
    });
    connect(m_backend, &vigie::rpc::BackendClient::cameraRemoved, this,
            [this](const QString& id) { m_tree->model()->removeCamera(id); });
    connect(m_tree, &vigie::widgets::CameraTreeView::cameraActivated, this, &MainWindow::placeCamera);

    onConnectionStateChanged();
    resize(1600, 900);
}

MainWindow::~MainWindow()
{
    // Detached windows hold workspaces whose controllers use the backend: close them with the console.
    for (auto* window : std::as_const(m_detached)) {
        delete window->takeWorkspace();
        delete window;
    }
}

void MainWindow::loadWorkspaces(int grid, const QStringList& initialCameras)
{
    QSettings settings;
    QStringList problems;
    const int count = std::clamp(settings.value(QStringLiteral("%1/count").arg(kWorkspacesGroup), 0).toInt(), 0,
                                 kMaxWorkspaces);
    QList<std::pair<Workspace*, QVariantMap>> detached;
    if (count == 0) {
        // First start, or settings from before workspaces: one workspace, from the former wall if any.
        Workspace* workspace = addWorkspace();
        const QString problem = workspace->load(settings, QString::fromLatin1(kLegacyWallGroup));
        if (!problem.isEmpty())
            problems << problem;
    }
    for (int i = 0; i < count; ++i) {
        const QString group = QStringLiteral("%1/%2").arg(kWorkspacesGroup).arg(i);
        Workspace* workspace = addWorkspace(QString(), Workspace::savedKind(settings, group));
        const QString problem = workspace->load(settings, group);
        if (!problem.isEmpty())
            problems << problem;
        m_tabs->setTabText(i, workspace->name());
        settings.beginGroup(group);
        if (settings.value(QStringLiteral("detached")).toBool()) {
            detached.append({workspace, {{QStringLiteral("screen"), settings.value(QStringLiteral("screen"))},
                                         {QStringLiteral("geometry"), settings.value(QStringLiteral("geometry"))}}});
        }
        settings.endGroup();
    }
    m_tabs->setCurrentIndex(std::clamp(settings.value(QStringLiteral("%1/current").arg(kWorkspacesGroup), 0).toInt(),
                                       0, int(m_workspaces.size()) - 1));
    Workspace* current = currentWorkspace();
    if (grid > 0)
        current->controller()->setGrid(grid);
    if (!initialCameras.isEmpty())
        current->setPendingCameras(initialCameras);
    problems << NamedLayouts().problems();
    if (!problems.isEmpty())
        QTimer::singleShot(0, this, [this, problems] { statusBar()->showMessage(problems.join(QLatin1Char(' ')), 15000); });
    // Detached workspaces go back to the screen they were on, if it is still there; else the next one.
    for (const auto& [workspace, placement] : detached) {
        detachWorkspace(workspace);
        if (auto* window = detachedWindow(workspace)) {
            QScreen* screen = nullptr;
            for (QScreen* candidate : QGuiApplication::screens())
                if (candidate->name() == placement.value(QStringLiteral("screen")).toString())
                    screen = candidate;
            if (screen)
                window->showOn(screen, placement.value(QStringLiteral("geometry")).toRect());
        }
    }
}

Workspace* MainWindow::addWorkspace(const QString& name, Workspace::Kind kind)
{
    if (m_workspaces.size() >= kMaxWorkspaces)
        return nullptr;
    const QString title = !name.isEmpty() ? name
                          : kind == Workspace::Kind::Review ? tr("Review %1").arg(m_workspaces.size() + 1)
                                                            : tr("Workspace %1").arg(m_workspaces.size() + 1);
    auto* workspace = new Workspace(m_backend, title, m_tabs, kind);
    if (m_recordings)
        workspace->setRecordingLinks(m_recordings, m_bookmarks);
    connectReview(workspace);
    m_workspaces << workspace;
    m_tabs->addTab(workspace, title);
    connect(workspace, &Workspace::nameChanged, this, [this, workspace](const QString& text) {
        m_tabs->setTabText(tabOf(workspace), text);
        saveWorkspaces();
    });
    connectWorkspace(workspace);
    if (m_directoryLoaded)
        workspace->placeSavedCameras(false);  // a new workspace starts empty; the operator fills it
    if (m_snapshotAction)
        workspace->controller()->setStatisticsVisible(m_statisticsAction->isChecked());
    if (m_alarms && m_alarmBlinkTimer)
        refreshAlarmIndicators();
    saveWorkspaces();
    return workspace;
}

void MainWindow::closeWorkspace(int index)
{
    if (m_workspaces.size() <= 1 || index < 0 || index >= m_workspaces.size())
        return;  // the console always keeps one workspace
    Workspace* workspace = m_workspaces.at(index);
    if (auto* window = detachedWindow(workspace)) {
        m_detached.removeOne(window);
        window->takeWorkspace();
        workspace->setParent(nullptr);  // deleted below, not with its window
        delete window;
    }
    QWidget* page = m_tabs->widget(index);
    // First out of the list: removing the tab makes another one current, which reads the list.
    m_workspaces.removeAt(index);
    m_tabs->removeTab(index);
    if (page != workspace)
        delete page;  // the placeholder of a detached workspace
    delete workspace;
    saveWorkspaces();
}

WorkspaceWindow* MainWindow::detachedWindow(Workspace* workspace) const
{
    for (auto* window : m_detached)
        if (window->workspace() == workspace)
            return window;
    return nullptr;
}

void MainWindow::detachWorkspace(Workspace* workspace)
{
    const int index = tabOf(workspace);
    if (index < 0 || detachedWindow(workspace))
        return;
    // The tab stays, saying where the workspace is and offering to bring it back.
    auto* placeholder = new QWidget;
    auto* layout = new QVBoxLayout(placeholder);
    auto* label = new QLabel(tr("This workspace is shown in its own window."), placeholder);
    label->setAlignment(Qt::AlignCenter);
    auto* back = new QPushButton(tr("Bring it back here"), placeholder);
    back->setObjectName(QStringLiteral("bringBackButton"));
    connect(back, &QPushButton::clicked, this, [this, workspace] { bringBack(workspace); });
    layout->addStretch(1);
    layout->addWidget(label);
    layout->addWidget(back, 0, Qt::AlignHCenter);
    layout->addStretch(1);
    const bool wasCurrent = m_tabs->currentIndex() == index;
    m_tabs->removeTab(index);
    m_tabs->insertTab(index, placeholder, workspace->name());
    if (wasCurrent)
        m_tabs->setCurrentIndex(index);

    auto* window = new WorkspaceWindow(workspace);
    m_detached << window;
    connect(window, &WorkspaceWindow::returnRequested, this, [this](WorkspaceWindow* w) { bringBack(w->workspace()); });
    // Another screen than the console's when there is one: that is what detaching is for.
    QScreen* target = screen();
    for (QScreen* candidate : QGuiApplication::screens()) {
        if (candidate != screen()) {
            target = candidate;
            break;
        }
    }
    if (target == screen()) {
        // One screen only: a large window beside the console rather than covering it.
        const QRect area = target->availableGeometry();
        window->showOn(target, QRect(area.topLeft() + QPoint(area.width() / 8, area.height() / 8), area.size() * 3 / 4));
    } else {
        window->showOn(target);
    }
    saveWorkspaces();
}

void MainWindow::bringBack(Workspace* workspace)
{
    auto* window = detachedWindow(workspace);
    const int index = tabOf(workspace);
    if (!window || index < 0)
        return;
    m_detached.removeOne(window);
    window->takeWorkspace();
    workspace->setParent(m_tabs);
    window->deleteLater();
    QWidget* placeholder = m_tabs->widget(index);
    const bool wasCurrent = m_tabs->currentIndex() == index;
    m_tabs->removeTab(index);
    m_tabs->insertTab(index, workspace, workspace->name());
    placeholder->deleteLater();  // its button may be the one being clicked
    if (wasCurrent)
        m_tabs->setCurrentIndex(index);
    saveWorkspaces();
}

int MainWindow::tabOf(const Workspace* workspace) const
{
    return static_cast<int>(m_workspaces.indexOf(const_cast<Workspace*>(workspace)));
}

Workspace* MainWindow::currentWorkspace() const
{
    const int index = m_tabs->currentIndex();
    return index >= 0 && index < m_workspaces.size() ? m_workspaces.at(index) : m_workspaces.value(0);
}

WallController* MainWindow::wallController() const
{
    return currentWorkspace()->controller();
}

vigie::widgets::WallWidget* MainWindow::wall() const
{
    return currentWorkspace()->wall();
}

void MainWindow::connectWorkspace(Workspace* workspace)
{
    auto* wall = workspace->wall();
    auto* controller = workspace->controller();
    // The wall widget numbers the tiles it shows; while a tile is maximised that is not the grid position.
    connect(wall, &vigie::widgets::WallWidget::cameraDropped, this, [controller](int wallIndex, const QString& cameraId) {
        controller->assign(controller->wallToTile(wallIndex), cameraId);
    });
    connect(wall, &vigie::widgets::WallWidget::siteDropped, this, [this, controller](int wallIndex, const QString& siteId) {
        placeSite(controller, controller->wallToTile(wallIndex), siteId);
    });
    connect(wall, &vigie::widgets::WallWidget::layoutDropped, this,
            [this, controller](const QString& name) { applyNamedLayout(name, controller); });
    // The PTZ panel drives the selected tile's camera, whatever it shows now; so does the mouse on it.
    connect(wall, &vigie::widgets::WallWidget::tileSelected, this, &MainWindow::updatePtzCamera);
    connect(wall, &vigie::widgets::WallWidget::ptzVelocityRequested, this,
            [this](int, double pan, double tilt, double zoom) {
                if (m_ptzConsole)
                    m_ptzConsole->steer(PtzConsole::Input::Tile, pan, tilt, zoom);
            });
    connect(wall, &vigie::widgets::WallWidget::ptzPresetRequested, this, [this](int, int number) {
        if (m_ptzConsole)
            m_ptzConsole->gotoPresetNumber(number);
    });
    connect(wall, &vigie::widgets::WallWidget::ptzZoomStepRequested, this, [this](int, double step) {
        if (m_ptzConsole)
            m_ptzConsole->zoomStep(step);
    });
    connect(wall, &vigie::widgets::WallWidget::ptzCentreRequested, this, [this](int, const QPointF& point) {
        if (m_ptzConsole)
            m_ptzConsole->centreOn(point);
    });
    connect(wall, &vigie::widgets::WallWidget::ptzAreaRequested, this, [this](int, const QRectF& area) {
        if (m_ptzConsole)
            m_ptzConsole->areaZoom(area);
    });
    connect(controller, &WallController::assignmentsChanged, this, &MainWindow::updatePtzCamera);
    connect(controller, &WallController::maximisedChanged, this, &MainWindow::updatePtzCamera);
    wall->setOverlayItems(m_overlayItems);
    controller->setLiveObjectsWanted(m_overlayItems.testFlag(vigie::widgets::OverlayItem::Boxes));
    controller->setLiveObjectSource(m_liveObjects);
    connect(wall, &vigie::widgets::WallWidget::tileDoubleClicked, this,
            [controller](int wallIndex) { controller->toggleMaximised(controller->wallToTile(wallIndex)); });
    connect(wall, &vigie::widgets::WallWidget::tileMenuRequested, this,
            [this, workspace](int wallIndex, const QPoint& globalPos) { showTileMenu(workspace, wallIndex, globalPos); });
    connect(controller, &WallController::snapshotSaved, this, [this](int, const QString& path) {
        statusBar()->showMessage(tr("Snapshot saved: %1").arg(QDir::toNativeSeparators(path)), 10000);
    });
    connect(controller, &WallController::snapshotFailed, this, [this](int, const QString& reason) {
        statusBar()->showMessage(tr("No snapshot: %1").arg(reason), 10000);
    });
    connect(wall, &vigie::widgets::WallWidget::tileDragged, this, [controller](int fromWall, int toWall) {
        controller->swapTiles(controller->wallToTile(fromWall), controller->wallToTile(toWall));
    });
    connect(wall, &vigie::widgets::WallWidget::tileActivated, this,
            [controller](int wallIndex) { controller->toggleMaximised(controller->wallToTile(wallIndex)); });
    connect(controller, &WallController::maximisedChanged, this, [this, workspace](int tile) {
        if (workspace == currentWorkspace())
            m_restoreAction->setEnabled(tile >= 0);
    });
    connect(controller, &WallController::assignmentsChanged, this, &MainWindow::saveWorkspaces);
    connect(controller, &WallController::assignmentsChanged, this, [this] {
        if (m_alarmIndicatorTimer && !m_alarmIndicatorTimer->isActive())
            m_alarmIndicatorTimer->start();  // a camera put on a tile brings its alarm marks
    });
}

void MainWindow::onCurrentWorkspaceChanged()
{
    if (!m_restoreAction)
        return;
    m_restoreAction->setEnabled(wallController()->maximisedTile() >= 0);
    updatePtzCamera();
    const auto actions = m_gridActions->actions();
    for (int i = 0; i < actions.size(); ++i)
        actions[i]->setChecked(i + 1 == wallController()->grid());
    if (!m_loading)
        saveWorkspaces();
}

void MainWindow::editLayout()
{
    auto* controller = wallController();
    controller->restoreGrid();
    const auto result = vigie::widgets::LayoutEditorDialog::ask(this, controller->layout());
    if (!result)
        return;
    // Cameras follow their tiles through merges and splits (a merged tile keeps the first camera).
    const QStringList oldCameras = controller->cameraIds();
    const QList<int> kept = result->edit.keptTiles(oldCameras);
    const QStringList cameras = vigie::widgets::WallLayout::Edit::carried(kept, oldCameras);
    const QStringList streams =
        vigie::widgets::WallLayout::Edit::carried(kept, controller->streamPreferences(), QStringLiteral("auto"));
    applyLayoutSpec(*controller, layoutSpecOf(result->edit.layout, cameras, streams));
    if (!result->name.isEmpty()) {
        NamedLayouts().save({result->name, result->edit.layout, cameras, streams});
        refreshSavedLayouts();
        statusBar()->showMessage(tr("Layout \"%1\" saved").arg(result->name), 5000);
    }
}

void MainWindow::saveLayoutAs()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save the layout"), tr("Name:"), QLineEdit::Normal,
                                               currentWorkspace()->name(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    auto* controller = wallController();
    NamedLayouts().save({name, controller->layout(), controller->cameraIds(), controller->streamPreferences()});
    refreshSavedLayouts();
    statusBar()->showMessage(tr("Layout \"%1\" saved").arg(name), 5000);
}

void MainWindow::applyNamedLayout(const QString& name, WallController* controller)
{
    const auto saved = NamedLayouts().layout(name);
    if (!saved) {
        statusBar()->showMessage(tr("There is no saved layout \"%1\" any more").arg(name), 5000);
        return;
    }
    controller->restoreGrid();
    applyLayoutSpec(*controller, layoutSpecOf(saved->layout, saved->cameraIds, saved->streams, saved->name));
}

void MainWindow::refreshSavedLayouts()
{
    m_savedLayouts->setNames(NamedLayouts().names());
}

void MainWindow::placeSite(WallController* controller, int tile, const QString& siteId)
{
    QList<vigie::rpc::CameraInfo> cameras;
    for (const auto& camera : m_backend->cameras())
        if (camera.siteId == siteId)
            cameras << camera;
    std::sort(cameras.begin(), cameras.end(), [](const auto& a, const auto& b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    if (cameras.isEmpty() || tile < 0)
        return;
    // The first camera where it was dropped, the others into the free tiles; nothing already shown is replaced.
    controller->assign(tile, cameras.first().id);
    QStringList rest;
    for (qsizetype i = 1; i < cameras.size(); ++i)
        rest << cameras[i].id;
    const int placed = controller->fillEmptyTiles(rest);
    if (placed < rest.size())
        statusBar()->showMessage(tr("%1 of the site's %2 cameras found no free tile").arg(rest.size() - placed).arg(cameras.size()),
                                 8000);
}

void MainWindow::setOverlayItems(vigie::widgets::OverlayItems items)
{
    m_overlayItems = items;
    for (auto* workspace : std::as_const(m_workspaces)) {
        workspace->wall()->setOverlayItems(items);
        workspace->controller()->setLiveObjectsWanted(items.testFlag(vigie::widgets::OverlayItem::Boxes));
    }
    QSettings().setValue(QStringLiteral("overlay/items"), int(items));
}

void MainWindow::buildAlarms()
{
    auto* dock = new QDockWidget(tr("Alarms"), this);
    dock->setObjectName(QStringLiteral("alarmDock"));
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    m_alarmPanel = new AlarmPanel(m_alarms, m_backend, dock);
    dock->setWidget(m_alarmPanel);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    resizeDocks({dock}, {220}, Qt::Vertical);
    connect(m_alarmPanel, &AlarmPanel::showCameraRequested, this, [this](const QString& cameraId) { showCameraLive(cameraId); });
    connect(m_alarmPanel, &AlarmPanel::reviewRequested, this,
            [this](const QString& cameraId, const QDateTime& eventTime) { reviewAlarm(cameraId, eventTime); });

    m_alarmBlinkTimer = new QTimer(this);
    m_alarmBlinkTimer->setInterval(500);
    connect(m_alarmBlinkTimer, &QTimer::timeout, this, [this] {
        m_alarmBlinkOn = !m_alarmBlinkOn;
        for (auto* workspace : std::as_const(m_workspaces))
            workspace->controller()->setAlarmBlink(m_alarmBlinkOn);
    });
    m_alarmIndicatorTimer = new QTimer(this);
    m_alarmIndicatorTimer->setSingleShot(true);
    m_alarmIndicatorTimer->setInterval(250);
    connect(m_alarmIndicatorTimer, &QTimer::timeout, this, &MainWindow::refreshAlarmIndicators);
    m_alarmTrackTimer = new QTimer(this);
    m_alarmTrackTimer->setSingleShot(true);
    connect(m_alarmTrackTimer, &QTimer::timeout, this, &MainWindow::refreshAlarmIndicators);
    m_alarmBannerTimer = new QTimer(this);
    m_alarmBannerTimer->setInterval(1000);
    connect(m_alarmBannerTimer, &QTimer::timeout, this, &MainWindow::updateAlarmBanner);
    connect(m_alarms, &vigie::rpc::AlarmLink::alarmsReset, this, [this] {
        // A fresh list is not news: what it holds is listed, not announced.
        const QStringList ids = m_alarms->book().ids();
        m_knownAlarms = QSet<QString>(ids.begin(), ids.end());
        refreshAlarmIndicators();
    });
    connect(m_alarms, &vigie::rpc::AlarmLink::alarmsChanged, this, &MainWindow::onAlarmsChanged);
    connect(m_alarms, &vigie::rpc::AlarmLink::liveChanged, this, &MainWindow::updateAlarmBanner);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        // The count stays in sight when the console is behind another window or minimised.
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setToolTip(m_baseTitle);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
        m_tray->show();
    }
}

void MainWindow::onAlarmsChanged(const QStringList& alarmIds)
{
    // Tiles and title at most four times a second: they need no more, and a storm must not cost a
    // pass over every alarm at each drain.
    if (!m_alarmIndicatorTimer->isActive())
        m_alarmIndicatorTimer->start();
    // New alarms nobody has seen: a sound and, by priority, the camera on the wall. "New" is new to this
    // window (an alarm may already be at version 2 when it first arrives), highest priority first.
    QList<const vigie::rpc::Alarm*> fresh;
    for (const QString& id : alarmIds) {
        if (m_knownAlarms.contains(id))
            continue;
        const auto* alarm = m_alarms->alarm(id);
        if (!alarm)
            continue;
        m_knownAlarms.insert(id);
        if (alarm->isActive() && !alarm->acknowledged)
            fresh << alarm;
    }
    std::sort(fresh.begin(), fresh.end(), [](const auto* a, const auto* b) { return int(a->priority) < int(b->priority); });
    for (const auto* alarm : std::as_const(fresh))
        takeAlarmStill(*alarm);
    for (const auto* alarm : std::as_const(fresh))
        popUpAlarm(alarm->id);
}

void MainWindow::takeAlarmStill(const vigie::rpc::Alarm& alarm)
{
    // Only a live alarm of a moment ago: the picture now is the picture of the event. A replay after a
    // reconnection is old news, and the camera has moved on.
    if (!m_alarmPanel || !m_alarms->isLive() || alarm.eventTime.msecsTo(QDateTime::currentDateTimeUtc()) > kStillEventAgeMs)
        return;
    // One picture per camera and second, shared by the alarms raised meanwhile: a storm costs no more
    // than one small conversion per camera and second.
    auto& still = m_cameraStills[alarm.cameraId];
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const bool inFlight = !still.waiting.isEmpty() && now - still.requestedAtMs < kStillTimeoutMs;
    if (inFlight) {
        still.waiting << alarm.id;
        return;
    }
    if (now - still.takenAtMs < kStillPeriodMs && !still.picture.isNull()) {
        m_alarmPanel->setStill(alarm.id, still.picture);
        return;
    }
    still.waiting.clear();  // a request whose tile stopped before its next frame: never answered
    const QString cameraId = alarm.cameraId;
    for (auto* workspace : std::as_const(m_workspaces)) {
        const bool asked = workspace->controller()->grabStill(cameraId, kStillWidth, [this, cameraId, now](const QImage& picture) {
            auto& taken = m_cameraStills[cameraId];
            if (taken.requestedAtMs != now || QDateTime::currentMSecsSinceEpoch() - now > kStillTimeoutMs)
                return;  // a stream that stalled and came back: that picture is not the event's any more
            taken.picture = picture;
            taken.takenAtMs = QDateTime::currentMSecsSinceEpoch();
            for (const QString& id : std::exchange(taken.waiting, {}))
                m_alarmPanel->setStill(id, picture);
        });
        if (asked) {
            still.waiting << alarm.id;
            still.requestedAtMs = now;
            return;
        }
    }
}

void MainWindow::popUpAlarm(const QString& alarmId)
{
    const auto* alarm = m_alarms->alarm(alarmId);
    if (!alarm || !m_alarms->isLive())
        return;  // a replay after a reconnection is not news: its alarms are listed, not announced
    using vigie::rpc::AlarmPriority;
    // At most one sound and one pop-up every 2 s (in a storm the list says it, the wall stays readable),
    // except that a high alarm always reaches the wall.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const bool quiet = now - m_lastPopUpMs < 2000;
    if (quiet && alarm->priority != AlarmPriority::High)
        return;
    m_lastPopUpMs = now;
    if (!quiet && QSettings().value(QStringLiteral("alarms/sound"), true).toBool())
        QApplication::beep();
    if (alarm->priority == AlarmPriority::Low)
        return;
    auto* controller = wallController();
    if (controller->cameraIds().contains(alarm->cameraId))
        return;  // already on the wall: its tile blinks
    // High: a free tile, else the wall's last tile (the designated alarm tile). Medium: a free tile only.
    int tile = controller->firstEmptyTile();
    if (tile < 0 && alarm->priority == AlarmPriority::High)
        tile = controller->tileCount() - 1;
    if (tile < 0)
        return;
    controller->assign(tile, alarm->cameraId);
    statusBar()->showMessage(tr("Alarm: %1 on the wall").arg(AlarmListModel::typeName(alarm->type)), 8000);
    if (m_tray && alarm->priority == AlarmPriority::High)
        m_tray->showMessage(tr("High priority alarm"), AlarmListModel::typeName(alarm->type), QSystemTrayIcon::Critical, 5000);
}

void MainWindow::refreshAlarmIndicators()
{
    // Only the cameras some wall shows need marks: in a storm the active set is thousands of alarms, and
    // this runs up to four times a second, so the loop does no more than compare and count.
    QSet<QString> shown;
    for (auto* workspace : std::as_const(m_workspaces))
        for (const QString& id : workspace->controller()->cameraIds())
            if (!id.isEmpty())
                shown.insert(id);
    // Live objects are highlighted for the alarms of the last minute only: a tracker reuses its numbers,
    // and an object an old alarm was about has long left the picture.
    const QDateTime recent = QDateTime::currentDateTimeUtc().addSecs(-kAlarmTrackSeconds);
    QHash<QString, WallController::AlarmMarks> byCamera;
    QHash<QString, const vigie::rpc::Alarm*> latest;  // by camera: the boxes shown are its latest alarm's
    QHash<int, QString> typeNames;                    // tr() once per type, not per alarm
    QDateTime oldestTracked;                          // the first highlight to run out
    const auto& book = m_alarms->book();
    if (!shown.isEmpty()) {
        book.forEach([&](const vigie::rpc::Alarm& alarm) {
            if (!alarm.isActive() || !shown.contains(alarm.cameraId))
                return;
            auto& marks = byCamera[alarm.cameraId];
            marks.acknowledged = marks.acknowledged && alarm.acknowledged;
            const vigie::rpc::Alarm*& newest = latest[alarm.cameraId];
            if (!newest || alarm.eventTime > newest->eventTime)
                newest = &alarm;
            if (alarm.eventTime < recent)
                return;
            if (!oldestTracked.isValid() || alarm.eventTime < oldestTracked)
                oldestTracked = alarm.eventTime;
            auto typeName = typeNames.find(int(alarm.type));
            if (typeName == typeNames.end())
                typeName = typeNames.insert(int(alarm.type), AlarmListModel::typeName(alarm.type));
            for (const auto& object : alarm.objects)
                if (!object.trackId.isEmpty())
                    marks.tracks.insert(object.trackId, *typeName);
        });
    }
    // Nothing else may change before a highlight runs out: look again then.
    if (oldestTracked.isValid())
        m_alarmTrackTimer->start(std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(
                                                           oldestTracked.addSecs(kAlarmTrackSeconds))) + 100);
    else
        m_alarmTrackTimer->stop();
    for (auto it = latest.cbegin(); it != latest.cend(); ++it) {
        auto& boxes = byCamera[it.key()].boxes;
        for (const auto& object : it.value()->objects)
            boxes << vigie::widgets::TileOverlay::Box{object.box, WallController::objectLabel(object.objectClass), true};
    }
    for (auto* workspace : std::as_const(m_workspaces))
        workspace->controller()->setAlarmedCameras(byCamera);
    const int unseen = book.unacknowledgedCount();
    setWindowTitle(unseen > 0 ? tr("(%1) %2").arg(unseen).arg(m_baseTitle) : m_baseTitle);
    if (m_tray)
        m_tray->setToolTip(unseen > 0 ? tr("%n alarm(s) not seen yet", nullptr, unseen) : m_baseTitle);
    if (unseen > 0 && !m_alarmBlinkTimer->isActive())
        m_alarmBlinkTimer->start();
    else if (unseen == 0 && m_alarmBlinkTimer->isActive())
        m_alarmBlinkTimer->stop();
}

void MainWindow::updateAlarmBanner()
{
    if (m_alarms->isLive() || m_backend->state() != vigie::rpc::ConnectionState::Online) {
        // Down with the whole link: the link's banner says it already.
        m_alarmBanner->clear();
        m_alarmBannerTimer->stop();
        return;
    }
    const qint64 seconds = m_alarms->downSince().isValid() ? m_alarms->downSince().secsTo(QDateTime::currentDateTime()) : 0;
    m_alarmBanner->showMessage(tr("Alarms unavailable for %1 s: %2 — new alarms will be shown when the link is back")
                                   .arg(seconds)
                                   .arg(m_alarms->downReason()),
                               vigie::widgets::ConnectionBanner::Severity::Error);
    if (!m_alarmBannerTimer->isActive())
        m_alarmBannerTimer->start();
}

void MainWindow::showCameraLive(const QString& cameraId)
{
    auto* controller = wallController();
    int tile = int(controller->cameraIds().indexOf(cameraId));
    if (tile < 0) {
        controller->restoreGrid();
        tile = controller->firstEmptyTile();
        if (tile < 0)
            tile = std::max(0, wall()->selectedTile());
        controller->assign(tile, cameraId);
    }
    if (controller->maximisedTile() != tile)
        controller->maximise(tile);
}

void MainWindow::renameCurrentWorkspace()
{
    Workspace* workspace = currentWorkspace();
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename the workspace"), tr("Name:"), QLineEdit::Normal,
                                               workspace->name(), &ok);
    if (ok)
        workspace->setName(name);
}

void MainWindow::buildActions()
{
    auto* toolbar = addToolBar(tr("Wall"));
    toolbar->setObjectName(QStringLiteral("wallToolbar"));
    m_gridActions = new QActionGroup(this);
    for (int n = 1; n <= 4; ++n) {
        auto* action = toolbar->addAction(tr("%1×%1").arg(n));
        action->setCheckable(true);
        action->setChecked(n == wallController()->grid());
        action->setShortcut(QKeySequence(QStringLiteral("Alt+%1").arg(n)));
        action->setToolTip(tr("Show %1 tiles (%2)").arg(n * n).arg(action->shortcut().toString(QKeySequence::NativeText)));
        m_gridActions->addAction(action);
        connect(action, &QAction::triggered, this, [this, n] { wallController()->setGrid(n); });
    }
    // An uneven layout leaves no grid button checked.
    m_gridActions->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    auto* more = new QToolButton(toolbar);
    more->setText(tr("Layouts"));
    more->setToolTip(tr("Larger grids and uneven layouts (one or a few large tiles among small ones)"));
    more->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(more);
    menu->setObjectName(QStringLiteral("layoutsMenu"));
    for (int n = 5; n <= vigie::widgets::LayoutPresets::kMaxGrid; ++n)
        menu->addAction(tr("%1×%1").arg(n), this, [this, n] { wallController()->setGrid(n); });
    menu->addSeparator();
    for (const auto preset : vigie::widgets::LayoutPresets::allUneven()) {
        menu->addAction(vigie::widgets::LayoutPresets::name(preset), this, [this, preset] {
            wallController()->setLayout(vigie::widgets::LayoutPresets::uneven(preset));
        });
    }
    menu->addSeparator();
    auto* edit = menu->addAction(tr("Edit the layout…"), this, &MainWindow::editLayout);
    edit->setObjectName(QStringLiteral("editLayoutAction"));
    edit->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    auto* saveAs = menu->addAction(tr("Save the layout as…"), this, &MainWindow::saveLayoutAs);
    saveAs->setObjectName(QStringLiteral("saveLayoutAction"));
    saveAs->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+S")));
    addActions({edit, saveAs});  // window-wide keys, not only while the menu is open
    menu->addAction(tr("Tour every camera, page by page (10 s per page)"), this, [this] {
        QList<vigie::rpc::CameraInfo> cameras = m_backend->cameras();
        std::sort(cameras.begin(), cameras.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
        QStringList ids;
        for (const auto& camera : cameras)
            ids << camera.id;
        wallController()->startLayoutTour(ids, std::chrono::seconds(10));
    });
    // The operator's saved layouts, read afresh each time the menu opens.
    auto* savedSection = menu->addSeparator();
    connect(menu, &QMenu::aboutToShow, this, [this, menu, savedSection] {
        const QList<QAction*> actions = menu->actions();
        for (qsizetype i = actions.indexOf(savedSection) + 1; i < actions.size(); ++i) {
            menu->removeAction(actions[i]);
            delete actions[i]->menu();  // a submenu belongs to the menu, not to its action
            delete actions[i];
        }
        NamedLayouts saved;
        for (const QString& name : saved.names())
            menu->addAction(name, this, [this, name] { applyNamedLayout(name, wallController()); });
        if (!saved.names().isEmpty()) {
            auto* remove = menu->addMenu(tr("Delete a saved layout"));
            for (const QString& name : saved.names())
                remove->addAction(name, this, [this, name] {
                    NamedLayouts().remove(name);
                    refreshSavedLayouts();
                });
        }
    });
    more->setMenu(menu);
    more->setObjectName(QStringLiteral("layoutsButton"));
    toolbar->addWidget(more);
    toolbar->addSeparator();
    auto* clear = toolbar->addAction(tr("Clear tile"));
    clear->setShortcut(QKeySequence::Delete);
    clear->setToolTip(tr("Stop the selected tile (Delete)"));
    connect(clear, &QAction::triggered, this,
            [this] { wallController()->clearTile(wallController()->wallToTile(wall()->selectedTile())); });
    auto* fill = toolbar->addAction(tr("Fill tile"));
    fill->setObjectName(QStringLiteral("fillAction"));
    fill->setShortcut(QKeySequence(Qt::Key_F));
    fill->setToolTip(tr("Stretch the selected tile's picture over the whole tile, or show it whole again (F)"));
    connect(fill, &QAction::triggered, this, [this] {
        auto* wall = this->wall();
        const int tile = wall->selectedTile();
        using Mode = vigie::widgets::WallWidget::AspectMode;
        if (tile >= 0)
            wall->setTileAspectMode(tile, wall->tileAspectMode(tile) == Mode::Fit ? Mode::Fill : Mode::Fit);
    });
    m_snapshotAction = toolbar->addAction(tr("Snapshot"));
    m_snapshotAction->setObjectName(QStringLiteral("snapshotAction"));
    m_snapshotAction->setShortcut(QKeySequence(Qt::Key_S));
    m_snapshotAction->setToolTip(tr("Save the selected tile's picture as PNG, at the camera's resolution (%1)")
                                     .arg(m_snapshotAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_snapshotAction, &QAction::triggered, this,
            [this] { wallController()->snapshot(wallController()->wallToTile(wall()->selectedTile())); });
    m_restoreAction = toolbar->addAction(tr("Restore grid"));
    m_restoreAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_restoreAction->setToolTip(tr("Show all tiles again after a double-click maximised one (Esc)"));
    // Disabled while the grid is shown, so that Escape still reaches whoever else wants it.
    m_restoreAction->setEnabled(wallController()->maximisedTile() >= 0);
    connect(m_restoreAction, &QAction::triggered, this, [this] { wallController()->restoreGrid(); });
    m_statisticsAction = toolbar->addAction(tr("Statistics"));
    m_statisticsAction->setObjectName(QStringLiteral("statisticsAction"));
    m_statisticsAction->setCheckable(true);
    m_statisticsAction->setChecked(wallController()->statisticsVisible());
    m_statisticsAction->setShortcut(QKeySequence(Qt::Key_I));
    m_statisticsAction->setToolTip(tr("Show each tile's stream figures: frame rates, bitrate, decode time, drops (%1)")
                                       .arg(m_statisticsAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_statisticsAction, &QAction::toggled, this, [this](bool on) {
        for (auto* workspace : std::as_const(m_workspaces))
            workspace->controller()->setStatisticsVisible(on);
    });
    auto* overlay = new QToolButton(toolbar);
    overlay->setObjectName(QStringLiteral("overlayButton"));
    overlay->setText(tr("Overlay"));
    overlay->setToolTip(tr("What the tiles show over the pictures"));
    overlay->setPopupMode(QToolButton::InstantPopup);
    auto* overlayMenu = new QMenu(overlay);
    overlayMenu->setObjectName(QStringLiteral("overlayMenu"));
    using Item = vigie::widgets::OverlayItem;
    const std::pair<Item, QString> items[] = {{Item::CameraName, tr("Camera name")},
                                              {Item::Clock, tr("Local time")},
                                              {Item::StreamState, tr("Stream state")},
                                              {Item::Recording, tr("Recording indicator")},
                                              {Item::Alarm, tr("Alarm indicator")},
                                              {Item::Boxes, tr("Boxes around detected objects")}};
    for (const auto& [item, label] : items) {
        auto* action = overlayMenu->addAction(label, this, [this, item = item](bool on) {
            auto chosen = m_overlayItems;
            chosen.setFlag(item, on);
            setOverlayItems(chosen);
        });
        action->setCheckable(true);
        action->setChecked(m_overlayItems.testFlag(item));
    }
    overlay->setMenu(overlayMenu);
    toolbar->addWidget(overlay);
    toolbar->addSeparator();
    // Window-wide keys without a toolbar button.
    auto* find = new QAction(tr("Find a camera"), this);
    find->setObjectName(QStringLiteral("findAction"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_tree->searchEdit()->setFocus(Qt::ShortcutFocusReason);
        m_tree->searchEdit()->selectAll();
    });
    auto* fullScreen = new QAction(tr("Full screen"), this);
    fullScreen->setObjectName(QStringLiteral("fullScreenAction"));
    fullScreen->setShortcut(QKeySequence(Qt::Key_F11));
    connect(fullScreen, &QAction::triggered, this, [this] {
        setWindowState(windowState() ^ Qt::WindowFullScreen);
    });
    auto* help = new QAction(tr("Keyboard shortcuts"), this);
    help->setObjectName(QStringLiteral("shortcutsAction"));
    help->setShortcuts({QKeySequence(Qt::Key_F1), QKeySequence(QStringLiteral("?"))});
    connect(help, &QAction::triggered, this, &MainWindow::showShortcuts);
    addActions({find, fullScreen, help});

    // Workspaces: Ctrl+1…9 go to a tab; add, close, rename, detach to another screen.
    for (int n = 1; n <= kMaxWorkspaces; ++n) {
        auto* go = new QAction(tr("Workspace %1").arg(n), this);
        go->setShortcut(QKeySequence(QStringLiteral("Ctrl+%1").arg(n)));
        connect(go, &QAction::triggered, this, [this, n] {
            if (n <= m_tabs->count())
                m_tabs->setCurrentIndex(n - 1);
        });
        addAction(go);
    }
    auto* addTab = new QAction(tr("New workspace"), this);
    addTab->setObjectName(QStringLiteral("newWorkspaceAction"));
    addTab->setShortcut(QKeySequence(QStringLiteral("Ctrl+T")));
    connect(addTab, &QAction::triggered, this, [this] {
        if (Workspace* workspace = addWorkspace())
            m_tabs->setCurrentIndex(tabOf(workspace));
        else
            statusBar()->showMessage(tr("At most %1 workspaces").arg(kMaxWorkspaces), 5000);
    });
    auto* addReview = new QAction(tr("New review workspace"), this);
    addReview->setObjectName(QStringLiteral("newReviewAction"));
    addReview->setShortcut(QKeySequence(QStringLiteral("Ctrl+R")));
    addReview->setToolTip(tr("Tiles that play recordings at one shared time, with a timeline (Ctrl+R)"));
    connect(addReview, &QAction::triggered, this, [this] {
        if (!m_recordings) {
            statusBar()->showMessage(tr("Recordings are not available with this backend"), 5000);
            return;
        }
        if (Workspace* workspace = addWorkspace(QString(), Workspace::Kind::Review))
            m_tabs->setCurrentIndex(tabOf(workspace));
        else
            statusBar()->showMessage(tr("At most %1 workspaces").arg(kMaxWorkspaces), 5000);
    });
    addAction(addReview);
    auto* closeTab = new QAction(tr("Close the workspace"), this);
    closeTab->setShortcut(QKeySequence(QStringLiteral("Ctrl+W")));
    connect(closeTab, &QAction::triggered, this, [this] { closeWorkspace(m_tabs->currentIndex()); });
    auto* rename = new QAction(tr("Rename the workspace…"), this);
    rename->setShortcut(QKeySequence(Qt::Key_F2));
    connect(rename, &QAction::triggered, this, &MainWindow::renameCurrentWorkspace);
    auto* detach = new QAction(tr("Detach the workspace to another screen, or bring it back"), this);
    detach->setObjectName(QStringLiteral("detachAction"));
    detach->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+D")));
    connect(detach, &QAction::triggered, this, [this] {
        Workspace* workspace = currentWorkspace();
        if (detachedWindow(workspace))
            bringBack(workspace);
        else
            detachWorkspace(workspace);
    });
    addActions({addTab, closeTab, rename, detach});
    m_tabs->setTabsClosable(false);
    auto* corner = new QToolButton(m_tabs);
    corner->setDefaultAction(addTab);
    corner->setText(QStringLiteral("+"));
    corner->setAutoRaise(true);
    m_tabs->setCornerWidget(corner, Qt::TopRightCorner);
    m_tabs->tabBar()->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_tabs->tabBar()->addActions({addTab, rename, detach, closeTab});
    connect(m_tabs->tabBar(), &QTabBar::tabBarDoubleClicked, this, [this](int) { renameCurrentWorkspace(); });

    auto* signIn = toolbar->addAction(tr("Log in…"));
    signIn->setShortcut(QKeySequence(QStringLiteral("Ctrl+L")));
    signIn->setToolTip(tr("Log in again, as another user or after a refused password (Ctrl+L)"));
    connect(signIn, &QAction::triggered, this, &MainWindow::askCredentials);
}

void MainWindow::showNotice(const QString& text)
{
    statusBar()->showMessage(text, 30000);
}

void MainWindow::showTileMenu(Workspace* workspace, int wallIndex, const QPoint& globalPos)
{
    auto* controller = workspace->controller();
    auto* wall = workspace->wall();
    const int tile = controller->wallToTile(wallIndex);
    using Mode = vigie::widgets::WallWidget::AspectMode;
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setObjectName(QStringLiteral("tileMenu"));
    const bool maximised = controller->maximisedTile() >= 0;
    menu->addAction(maximised ? tr("Restore the layout") : tr("Maximise"), this,
                    [controller, tile] { controller->toggleMaximised(tile); });
    auto* fill = menu->addAction(tr("Fill the tile"), this, [wall, wallIndex](bool on) {
        wall->setTileAspectMode(wallIndex, on ? Mode::Fill : Mode::Fit);
    });
    fill->setCheckable(true);
    fill->setChecked(wall->tileAspectMode(wallIndex) == Mode::Fill);
    auto* streams = menu->addMenu(tr("Stream"));
    auto* streamGroup = new QActionGroup(streams);
    using Preference = WallController::StreamPreference;
    const std::pair<Preference, QString> choices[] = {{Preference::Auto, tr("Automatic (after the tile's size)")},
                                                      {Preference::Main, tr("Main stream")},
                                                      {Preference::Sub, tr("Sub stream")}};
    for (const auto& [preference, label] : choices) {
        auto* action = streams->addAction(label, this,
                                          [controller, tile, p = preference] { controller->setStreamPreference(tile, p); });
        action->setCheckable(true);
        action->setChecked(controller->streamPreference(tile) == preference);
        streamGroup->addAction(action);
    }
    // This tile's workspace, which is not always the current tab's (a detached one).
    menu->addAction(m_snapshotAction->text(), this, [controller, tile] { controller->snapshot(tile); })
        ->setObjectName(QStringLiteral("tileSnapshotAction"));
    auto* window = menu->addAction(tr("Open in a new window"), this, [this, controller, tile] {
        const QString cameraId = controller->cameraAt(tile);
        const auto* camera = m_backend->camera(cameraId);
        Workspace* alone = addWorkspace(camera ? camera->name : cameraId);
        if (!alone) {
            statusBar()->showMessage(tr("At most %1 workspaces").arg(kMaxWorkspaces), 5000);
            return;
        }
        alone->controller()->setGrid(1);
        alone->controller()->assign(0, cameraId);
        detachWorkspace(alone);
    });
    window->setObjectName(QStringLiteral("openInWindowAction"));
    window->setEnabled(!controller->cameraAt(tile).isEmpty());
    addSendToWallMenu(menu, workspace, tile);
    // Recordings: replay this tile's last half minute in place, or review the camera from a minute ago.
    if (controller->hasRecordings() && workspace->kind() == Workspace::Kind::Live && !controller->cameraAt(tile).isEmpty()) {
        if (controller->isReplaying(tile)) {
            menu->addAction(tr("Back to live"), this, [controller, tile] { controller->stopReplay(tile); })
                ->setObjectName(QStringLiteral("backToLiveAction"));
        } else {
            menu->addAction(tr("Instant replay (the last 30 s)"), this, [controller, tile] {
                controller->startReplay(tile, QDateTime::currentMSecsSinceEpoch() - 30'000);
            })->setObjectName(QStringLiteral("instantReplayAction"));
        }
        menu->addAction(tr("Review this camera…"), this, [this, controller, tile] {
            openReview({controller->cameraAt(tile)}, QDateTime::currentMSecsSinceEpoch() - 60'000, false);
        })->setObjectName(QStringLiteral("reviewCameraAction"));
    }
    // The camera's latest active alarm, reviewed from a little before it (as from the alarm list).
    if (m_recordings && m_alarms && !controller->cameraAt(tile).isEmpty()) {
        const vigie::rpc::Alarm* latest = nullptr;
        for (const auto& alarm : m_alarms->book().active()) {
            if (alarm.cameraId == controller->cameraAt(tile) && (!latest || alarm.eventTime > latest->eventTime))
                latest = m_alarms->alarm(alarm.id);
        }
        if (latest) {
            const QDateTime at = latest->eventTime.isValid() ? latest->eventTime : latest->raisedAt;
            menu->addAction(tr("Review the alarm of %1").arg(QLocale().toString(at.toLocalTime().time(), QLocale::ShortFormat)),
                            this, [this, camera = latest->cameraId, at] { reviewAlarm(camera, at); })
                ->setObjectName(QStringLiteral("reviewAlarmAction"));
        }
    }
    // Tours: this camera's site in turn, or stop one running.
    if (controller->isTouring(tile)) {
        menu->addAction(tr("Stop the tour"), this, [controller, tile] { controller->stopTour(tile); });
    } else if (const auto* camera = m_backend->camera(controller->cameraAt(tile))) {
        QStringList site;
        for (const auto& other : m_backend->cameras())
            if (other.siteId == camera->siteId)
                site << other.id;
        std::sort(site.begin(), site.end());
        auto* tour = menu->addAction(tr("Tour the cameras of this site (%1, 10 s each)").arg(site.size()), this,
                                     [controller, tile, site] { controller->startTour(tile, site, std::chrono::seconds(10)); });
        tour->setEnabled(site.size() > 1);
        auto* pages = menu->addAction(tr("Tour this site over the whole layout (10 s per page)"), this,
                                      [controller, site] { controller->startLayoutTour(site, std::chrono::seconds(10)); });
        pages->setObjectName(QStringLiteral("layoutTourAction"));
        pages->setEnabled(site.size() > controller->tileCount());
    }
    if (controller->anyTouring())
        menu->addAction(tr("Stop every tour of this layout"), this, [controller] { controller->stopAllTours(); });
    menu->addSeparator();
    auto* clear = menu->addAction(tr("Close the camera"), this, [controller, tile] { controller->clearTile(tile); });
    clear->setEnabled(!controller->cameraAt(tile).isEmpty());
    menu->popup(globalPos);
}

void MainWindow::addSendToWallMenu(QMenu* menu, Workspace* workspace, int tile)
{
    auto* controller = workspace->controller();
    if (!m_walls || m_walls->walls().isEmpty())
        return;
    if (!m_backend->mayControlWalls()) {
        // Said, not hidden: the operator learns why, and whom to ask.
        auto* refused = menu->addAction(tr("Send to wall (your account may not control the video walls)"));
        refused->setEnabled(false);
        return;
    }
    auto* cameraMenu = menu->addMenu(tr("Send to wall"));
    cameraMenu->setObjectName(QStringLiteral("sendToWallMenu"));
    cameraMenu->setEnabled(!controller->cameraAt(tile).isEmpty());
    auto* layoutMenu = menu->addMenu(tr("Send the whole layout to wall"));
    layoutMenu->setObjectName(QStringLiteral("sendLayoutToWallMenu"));
    auto report = [this](const QString& where) {
        return [window = QPointer(this), where](const std::optional<vigie::rpc::RpcError>& error) {
            if (window)
                window->statusBar()->showMessage(error ? error->text : tr("Sent to %1").arg(where), 10000);
        };
    };
    for (const auto& wall : m_walls->walls()) {
        for (const auto& monitor : wall.monitors) {
            const QString label = monitor.name.isEmpty() ? QStringLiteral("%1 — %2").arg(wall.name, monitor.id) : monitor.name;
            const QString cameraId = controller->cameraAt(tile);
            const auto choice = layoutSpecOf(*controller).cells.value(tile).stream;
            cameraMenu->addAction(label, this, [this, wall, monitor, cameraId, choice, label, report] {
                m_walls->pushCamera(wall.id, monitor.id, cameraId, choice, std::nullopt, report(label));
            });
            layoutMenu->addAction(label, this, [this, controller, wall, monitor, label, report] {
                m_walls->pushLayout(wall.id, monitor.id, layoutSpecOf(*controller), report(label));
            });
        }
    }
}

void MainWindow::showShortcuts()
{
    QList<vigie::widgets::ShortcutsDialog::Entry> entries;
    // The wall's own keys first (WallWidget::keyPressEvent), then every action that has a shortcut.
    entries << vigie::widgets::ShortcutsDialog::Entry{tr("1 … 9, 0"), tr("Select tile 1 … 10")}
            << vigie::widgets::ShortcutsDialog::Entry{tr("← ↑ → ↓"), tr("Move the selection to the next tile")}
            << vigie::widgets::ShortcutsDialog::Entry{tr("Enter, double-click"), tr("Maximise the selected tile, or restore the layout")}
            << vigie::widgets::ShortcutsDialog::Entry{tr("Wheel, + / −"), tr("Zoom into the picture (at the cursor, or the selected tile's centre)")}
            << vigie::widgets::ShortcutsDialog::Entry{tr("Drag in a zoomed tile"), tr("Move the zoomed picture")}
            << vigie::widgets::ShortcutsDialog::Entry{tr("Ctrl+0, Backspace, middle double-click"), tr("Show the whole picture again")}
            << vigie::widgets::ShortcutsDialog::Entry{tr("Drag a tile onto a tile"), tr("Swap their cameras")};
    const QList<QAction*> actions = findChildren<QAction*>();
    for (QAction* action : actions) {
        QStringList keys;
        for (const QKeySequence& key : action->shortcuts())
            keys << key.toString(QKeySequence::NativeText);
        if (keys.isEmpty())
            continue;
        QString text = action->text();
        text.remove(QLatin1Char('&'));
        entries << vigie::widgets::ShortcutsDialog::Entry{keys.join(QStringLiteral(", ")), text};
    }
    auto* dialog = new vigie::widgets::ShortcutsDialog(entries, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();  // not modal: the operator can keep it open beside the wall
}

void MainWindow::onConnectionStateChanged()
{
    const ConnectionState state = m_backend->state();
    const QString detail = m_backend->stateDetail();
    m_linkLabel->setText(vigie::rpc::stateName(state));
    m_linkLabel->setToolTip(detail);
    using Severity = vigie::widgets::ConnectionBanner::Severity;
    switch (state) {
    case ConnectionState::Online:
        m_banner->clear();
        if (m_alarms)
            updateAlarmBanner();  // the link is back, the alarm channel may not be yet
        statusBar()->showMessage(detail, 5000);
        break;
    case ConnectionState::Idle:
    case ConnectionState::Connecting:
        m_banner->showMessage(detail, Severity::Info);
        break;
    case ConnectionState::Unreachable:
        // Live tiles keep playing: the video comes from the cameras, not through this link.
        m_banner->showMessage(detail, Severity::Warning);
        break;
    case ConnectionState::AuthFailed:
        m_banner->showMessage(detail, Severity::Error);
        // Not from inside the signal: the dialog's event loop would re-enter the backend client.
        QTimer::singleShot(0, this, &MainWindow::askCredentials);
        break;
    case ConnectionState::ConfigError:
        m_banner->showMessage(detail, Severity::Error);
        break;
    }
}

void MainWindow::askCredentials()
{
    if (m_askingPassword)
        return;
    m_askingPassword = true;
    const QString reason = m_backend->state() == ConnectionState::AuthFailed ? m_backend->stateDetail() : QString();
    const auto credentials =
        vigie::widgets::LoginDialog::ask(this, m_backend->options().address, m_backend->options().user, reason);
    m_askingPassword = false;
    if (credentials) {
        m_backend->setCredentials(credentials->first, credentials->second);
        m_backend->start();
    }
}

void MainWindow::onDirectoryReset()
{
    m_tree->model()->setCameras(toCameraEntries(m_backend->cameras(), m_backend->sites()));
    if (m_directoryLoaded)
        return;
    m_directoryLoaded = true;
    // First directory of this run: every workspace gets its cameras back; a new user's first one is
    // filled with the first cameras, so that the first look is not an empty wall.
    for (int i = 0; i < m_workspaces.size(); ++i)
        m_workspaces[i]->placeSavedCameras(i == 0);
    saveWorkspaces();
}

void MainWindow::placeCamera(const QString& cameraId)
{
    // The operator picks a camera for the wall: show the whole wall, so that they see where it goes.
    auto* controller = wallController();
    auto* wall = this->wall();
    controller->restoreGrid();
    int tile = wall->selectedTile();
    if (tile < 0 || !controller->cameraAt(tile).isEmpty()) {
        const int empty = controller->firstEmptyTile();
        tile = empty >= 0 ? empty : std::max(tile, 0);
    }
    controller->assign(tile, cameraId);
    wall->setSelectedTile(tile);
}

void MainWindow::saveWorkspaces() const
{
    if (m_loading)
        return;  // reading the saved workspaces back must not overwrite them half-way
    QSettings settings;
    settings.remove(QString::fromLatin1(kLegacyWallGroup));
    settings.remove(QString::fromLatin1(kWorkspacesGroup));
    settings.setValue(QStringLiteral("%1/count").arg(kWorkspacesGroup), m_workspaces.size());
    settings.setValue(QStringLiteral("%1/current").arg(kWorkspacesGroup), m_tabs->currentIndex());
    for (int i = 0; i < m_workspaces.size(); ++i) {
        Workspace* workspace = m_workspaces[i];
        const QString group = QStringLiteral("%1/%2").arg(kWorkspacesGroup).arg(i);
        workspace->save(settings, group);
        if (auto* window = detachedWindow(workspace)) {
            settings.beginGroup(group);
            settings.setValue(QStringLiteral("detached"), true);
            settings.setValue(QStringLiteral("screen"), window->screen() ? window->screen()->name() : QString());
            settings.setValue(QStringLiteral("geometry"), window->geometry());
            settings.endGroup();
        }
    }
    if (m_gridActions) {
        const auto actions = m_gridActions->actions();
        for (int i = 0; i < actions.size(); ++i)
            actions[i]->setChecked(i + 1 == wallController()->grid());
    }
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    // Only a workspace shown in this window: a detached one lives on its own screen.
    if (event->type() == QEvent::WindowStateChange && currentWorkspace()->window() == this)
        wallController()->setPaused(isMinimized() || !currentWorkspace()->isVisible());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveWorkspaces();  // detached ones included, with their placement, to come back there next time
    for (auto* window : std::as_const(m_detached))
        window->hide();
    QMainWindow::closeEvent(event);
}

void MainWindow::setLiveObjectSource(vigie::rpc::MetadataLink* source)
{
    m_liveObjects = source;
    for (auto* workspace : std::as_const(m_workspaces))
        workspace->controller()->setLiveObjectSource(source);
}

void MainWindow::setPtzLink(vigie::rpc::PtzLink* link)
{
    if (m_ptzConsole || !link)
        return;
    auto* dock = new QDockWidget(tr("PTZ"), this);
    dock->setObjectName(QStringLiteral("ptzDock"));
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    m_ptzPanel = new vigie::widgets::PtzPanel(dock);
    dock->setWidget(m_ptzPanel);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    m_ptzConsole = new PtzConsole(link, m_backend, m_ptzPanel, this);
    connect(m_ptzConsole, &PtzConsole::controlNoteChanged, this, [this](const QString& cameraId, const QString& note) {
        for (auto* workspace : std::as_const(m_workspaces))
            workspace->controller()->setControlNote(cameraId, note);
    });
    // The mouse on the video steers the selected PTZ camera while this is on (off: it swaps and pans tiles).
    m_ptzMouseAction = new QAction(tr("PTZ with the mouse"), this);
    m_ptzMouseAction->setObjectName(QStringLiteral("ptzMouseAction"));
    m_ptzMouseAction->setCheckable(true);
    m_ptzMouseAction->setShortcut(QKeySequence(Qt::Key_P));
    m_ptzMouseAction->setToolTip(tr("On the selected PTZ camera's tile: drag to steer, Ctrl+click to centre, "
                                    "Shift+drag to zoom into an area, wheel to zoom (%1)")
                                     .arg(m_ptzMouseAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_ptzMouseAction, &QAction::toggled, this, &MainWindow::updatePtzCamera);
    // A game controller steers the selected camera too, when there is one (SDL2, loaded if present).
    m_gamepad = new GamepadInput(this);
    connect(m_gamepad, &GamepadInput::stickChanged, m_ptzConsole, [this](double pan, double tilt, double zoom) {
        m_ptzConsole->steer(PtzConsole::Input::Gamepad, pan, tilt, zoom);
    });
    // Read only while there is a camera to steer: no polling, no wake-ups, for a console that has none.
    connect(m_ptzConsole, &PtzConsole::drivableChanged, m_gamepad, &GamepadInput::setActive);
    connect(m_gamepad, &GamepadInput::statusChanged, this,
            [this](const QString& status) { statusBar()->showMessage(status, 8000); });
    if (auto* toolbar = findChild<QToolBar*>())
        toolbar->addAction(m_ptzMouseAction);
    addAction(m_ptzMouseAction);
    updatePtzCamera();
}

void MainWindow::updatePtzCamera()
{
    if (!m_ptzConsole)
        return;
    auto* controller = wallController();
    const int selected = wall()->selectedTile();
    const QString cameraId = selected >= 0 ? controller->cameraAt(controller->wallToTile(selected)) : QString();
    if (cameraId != m_ptzConsole->camera()) {
        // Another camera on the same tile: a drag or keys held for the previous one must not drive it.
        for (auto* workspace : std::as_const(m_workspaces))
            workspace->wall()->cancelPtzGesture();
    }
    m_ptzConsole->setCamera(cameraId);
    const auto* camera = cameraId.isEmpty() ? nullptr : m_backend->camera(cameraId);
    // A tile playing a recording shows the past: the mouse and keys on it never move the live camera.
    const bool recorded = selected >= 0 && controller->clockOf(controller->wallToTile(selected)) != nullptr;
    const bool steer = m_ptzMouseAction->isChecked() && camera && camera->hasPtz && !recorded;
    for (auto* workspace : std::as_const(m_workspaces))
        workspace->wall()->setPtzTile(steer && workspace->wall() == wall() ? selected : -1);
}

void MainWindow::setRecordingLinks(vigie::rpc::RecordingLink* recordings, vigie::rpc::BookmarkLink* bookmarks)
{
    if (m_recordings || !recordings)
        return;
    m_recordings = recordings;
    m_bookmarks = bookmarks;
    for (auto* workspace : std::as_const(m_workspaces))
        workspace->setRecordingLinks(recordings, bookmarks);
    if (m_alarmPanel)
        m_alarmPanel->setReviewAvailable(true);
    if (!bookmarks)
        return;
    // The Bookmarks dock: every bookmark the user may see, searchable; one opens its stretch in review.
    auto* dock = new QDockWidget(tr("Bookmarks"), this);
    dock->setObjectName(QStringLiteral("bookmarkDock"));
    m_bookmarkPanel = new BookmarkPanel(bookmarks, m_backend, dock);
    dock->setWidget(m_bookmarkPanel);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    if (auto* ptzDock = findChild<QDockWidget*>(QStringLiteral("ptzDock")))
        tabifyDockWidget(ptzDock, dock);
    // Listed once the session exists, and again after each reconnection (a restarted backend, a new login).
    connect(m_backend, &vigie::rpc::BackendClient::stateChanged, m_bookmarkPanel, [this](vigie::rpc::ConnectionState state) {
        if (state == vigie::rpc::ConnectionState::Online)
            m_bookmarkPanel->refresh();
    });
    connect(m_bookmarkPanel, &BookmarkPanel::bookmarkActivated, this, [this](const QString& cameraId, qint64 startMs) {
        Workspace* current = currentWorkspace();
        if (current->kind() == Workspace::Kind::Review && current->controller()->cameraIds().contains(cameraId)) {
            current->review()->seekTo(startMs);
            return;
        }
        openReview({cameraId}, startMs, false);
    });
}

void MainWindow::connectReview(Workspace* workspace)
{
    ReviewConsole* review = workspace->review();
    if (!review)
        return;
    connect(review, &ReviewConsole::bookmarkRequested, this, [this](const QString& cameraId, qint64 start, qint64 end) {
        if (!m_bookmarkPanel)
            return;
        const auto* camera = m_backend->camera(cameraId);
        m_bookmarkPanel->createFromSelection(cameraId, camera ? camera->name : cameraId, {start, end});
    });
    connect(review, &ReviewConsole::liveRequested, this, [this] {
        // The first live workspace: where the operator watches the cameras now.
        for (auto* other : std::as_const(m_workspaces)) {
            if (other->kind() == Workspace::Kind::Live) {
                m_tabs->setCurrentIndex(tabOf(other));
                return;
            }
        }
    });
    connect(review, &ReviewConsole::problem, this, [this](const QString& text) {
        if (!text.isEmpty())
            statusBar()->showMessage(text, 10000);
    });
}

void MainWindow::reviewAlarm(const QString& cameraId, const QDateTime& eventTime)
{
    // From a little before the event (review/prerollSeconds, 10 s by default): what led to it.
    const int preroll = std::clamp(QSettings().value(QStringLiteral("review/prerollSeconds"), 10).toInt(), 0, 3600);
    openReview({cameraId}, eventTime.toMSecsSinceEpoch() - qint64(preroll) * 1000);
}

Workspace* MainWindow::openReview(const QStringList& cameraIds, qint64 utcMs, bool play)
{
    if (!m_recordings || cameraIds.isEmpty())
        return nullptr;
    const auto* first = m_backend->camera(cameraIds.first());
    const QString name = cameraIds.size() == 1 ? tr("Review · %1").arg(first ? first->name : cameraIds.first()) : QString();
    Workspace* workspace = addWorkspace(name, Workspace::Kind::Review);
    if (!workspace) {
        statusBar()->showMessage(tr("At most %1 workspaces: close one to review").arg(kMaxWorkspaces), 8000);
        return nullptr;
    }
    const int n = int(cameraIds.size());
    workspace->controller()->setGrid(n <= 1 ? 1 : n <= 4 ? 2 : n <= 9 ? 3 : 4);
    for (int tile = 0; tile < std::min(n, workspace->controller()->tileCount()); ++tile)
        workspace->controller()->assign(tile, cameraIds.at(tile));
    workspace->review()->seekTo(utcMs);
    if (play)
        workspace->review()->play(1.0);
    m_tabs->setCurrentIndex(tabOf(workspace));
    workspace->review()->setFocus();
    return workspace;
}

}  // namespace vigie::app
