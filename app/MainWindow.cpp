#include "MainWindow.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QHideEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QShowEvent>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

#include "CameraEntries.h"
#include "WallController.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/widgets/CameraTreeModel.h"
#include "vigie/widgets/CameraTreeView.h"
#include "vigie/widgets/LayoutPresets.h"
#include "vigie/widgets/ConnectionBanner.h"
#include "vigie/widgets/LoginDialog.h"
#include "vigie/widgets/ShortcutsDialog.h"
#include "vigie/widgets/WallWidget.h"

namespace vigie::app {

using vigie::rpc::ConnectionState;

namespace {
const char kGridKey[] = "wall/grid";      // before uneven layouts; still read when wall/layout is absent
const char kLayoutKey[] = "wall/layout";  // WallLayout::toText()
const char kCamerasKey[] = "wall/cameras";
const char kStreamsKey[] = "wall/streams";  // WallController::streamPreferences()
}  // namespace

MainWindow::MainWindow(vigie::rpc::BackendClient* backend, int grid, QStringList initialCameras, QWidget* parent)
    : QMainWindow(parent), m_backend(backend), m_pendingCameras(std::move(initialCameras))
{
    setWindowTitle(tr("Vigie — %1").arg(backend->options().address));

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banner = new vigie::widgets::ConnectionBanner(central);
    m_wall = new vigie::widgets::WallWidget(central);
    layout->addWidget(m_banner);
    layout->addWidget(m_wall, 1);
    setCentralWidget(central);

    auto* dock = new QDockWidget(tr("Cameras"), this);
    dock->setObjectName(QStringLiteral("cameraDock"));
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    m_tree = new vigie::widgets::CameraTreeView(dock);
    dock->setWidget(m_tree);
    addDockWidget(Qt::LeftDockWidgetArea, dock);

    m_linkLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_linkLabel);

    m_controller = new WallController(m_wall, m_backend, this);
    m_controller->setPaused(true);  // until the window is shown: nothing decodes for a window nobody sees
    QSettings settings;
    if (grid > 0) {
        m_controller->setGrid(grid);
    } else if (settings.contains(kLayoutKey)) {
        const QString text = settings.value(kLayoutKey).toString();
        if (const auto saved = vigie::widgets::WallLayout::fromText(text)) {
            m_controller->setLayout(*saved);
        } else {
            // A damaged value must not cost the operator their start-up: say so, use the default.
            m_controller->setGrid(2);
            QTimer::singleShot(0, this, [this, text] {
                statusBar()->showMessage(tr("The saved wall layout could not be read (\"%1\"): showing 2×2 instead.")
                                             .arg(text.left(60)),
                                         15000);
            });
        }
    } else {
        m_controller->setGrid(settings.value(kGridKey, 2).toInt());
    }
    if (m_pendingCameras.isEmpty())
        m_pendingCameras = settings.value(kCamerasKey).toStringList();
    m_controller->setStreamPreferences(settings.value(kStreamsKey).toStringList());

    buildActions();

    connect(m_backend, &vigie::rpc::BackendClient::stateChanged, this, &MainWindow::onConnectionStateChanged);
    connect(m_backend, &vigie::rpc::BackendClient::directoryReset, this, &MainWindow::onDirectoryReset);
    connect(m_backend, &vigie::rpc::BackendClient::cameraChanged, this, [this](const vigie::rpc::CameraInfo& camera) {
        m_tree->model()->upsertCamera(toCameraEntry(camera, m_backend->sites()));
    });
    connect(m_backend, &vigie::rpc::BackendClient::cameraRemoved, this,
            [this](const QString& id) { m_tree->model()->removeCamera(id); });

    connect(m_tree, &vigie::widgets::CameraTreeView::cameraActivated, this, &MainWindow::placeCamera);
    // The wall widget numbers the tiles it shows; while a tile is maximised that is not the grid position.
    connect(m_wall, &vigie::widgets::WallWidget::cameraDropped, this, [this](int wallIndex, const QString& cameraId) {
        m_controller->assign(m_controller->wallToTile(wallIndex), cameraId);
    });
    connect(m_wall, &vigie::widgets::WallWidget::tileDoubleClicked, this,
            [this](int wallIndex) { m_controller->toggleMaximised(m_controller->wallToTile(wallIndex)); });
    connect(m_wall, &vigie::widgets::WallWidget::tileMenuRequested, this, &MainWindow::showTileMenu);
    connect(m_controller, &WallController::snapshotSaved, this, [this](int, const QString& path) {
        statusBar()->showMessage(tr("Snapshot saved: %1").arg(QDir::toNativeSeparators(path)), 10000);
    });
    connect(m_controller, &WallController::snapshotFailed, this, [this](int, const QString& reason) {
        statusBar()->showMessage(tr("No snapshot: %1").arg(reason), 10000);
    });
    connect(m_wall, &vigie::widgets::WallWidget::tileDragged, this, [this](int fromWall, int toWall) {
        m_controller->swapTiles(m_controller->wallToTile(fromWall), m_controller->wallToTile(toWall));
    });
    connect(m_wall, &vigie::widgets::WallWidget::tileActivated, this,
            [this](int wallIndex) { m_controller->toggleMaximised(m_controller->wallToTile(wallIndex)); });
    connect(m_controller, &WallController::maximisedChanged, this,
            [this](int tile) { m_restoreAction->setEnabled(tile >= 0); });
    connect(m_controller, &WallController::assignmentsChanged, this, &MainWindow::saveWall);

    onConnectionStateChanged();
    resize(1600, 900);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    auto* toolbar = addToolBar(tr("Wall"));
    toolbar->setObjectName(QStringLiteral("wallToolbar"));
    m_gridActions = new QActionGroup(this);
    for (int n = 1; n <= 4; ++n) {
        auto* action = toolbar->addAction(tr("%1×%1").arg(n));
        action->setCheckable(true);
        action->setChecked(n == m_controller->grid());
        action->setShortcut(QKeySequence(QStringLiteral("Alt+%1").arg(n)));
        action->setToolTip(tr("Show %1 tiles (%2)").arg(n * n).arg(action->shortcut().toString(QKeySequence::NativeText)));
        m_gridActions->addAction(action);
        connect(action, &QAction::triggered, this, [this, n] { m_controller->setGrid(n); });
    }
    // An uneven layout leaves no grid button checked.
    m_gridActions->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    auto* more = new QToolButton(toolbar);
    more->setText(tr("Layouts"));
    more->setToolTip(tr("Larger grids and uneven layouts (one or a few large tiles among small ones)"));
    more->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(more);
    for (int n = 5; n <= vigie::widgets::LayoutPresets::kMaxGrid; ++n)
        menu->addAction(tr("%1×%1").arg(n), this, [this, n] { m_controller->setGrid(n); });
    menu->addSeparator();
    for (const auto preset : vigie::widgets::LayoutPresets::allUneven()) {
        menu->addAction(vigie::widgets::LayoutPresets::name(preset), this, [this, preset] {
            m_controller->setLayout(vigie::widgets::LayoutPresets::uneven(preset));
        });
    }
    more->setMenu(menu);
    more->setObjectName(QStringLiteral("layoutsButton"));
    toolbar->addWidget(more);
    toolbar->addSeparator();
    auto* clear = toolbar->addAction(tr("Clear tile"));
    clear->setShortcut(QKeySequence::Delete);
    clear->setToolTip(tr("Stop the selected tile (Delete)"));
    connect(clear, &QAction::triggered, this,
            [this] { m_controller->clearTile(m_controller->wallToTile(m_wall->selectedTile())); });
    auto* fill = toolbar->addAction(tr("Fill tile"));
    fill->setObjectName(QStringLiteral("fillAction"));
    fill->setShortcut(QKeySequence(Qt::Key_F));
    fill->setToolTip(tr("Stretch the selected tile's picture over the whole tile, or show it whole again (F)"));
    connect(fill, &QAction::triggered, this, [this] {
        const int tile = m_wall->selectedTile();
        using Mode = vigie::widgets::WallWidget::AspectMode;
        if (tile >= 0)
            m_wall->setTileAspectMode(tile, m_wall->tileAspectMode(tile) == Mode::Fit ? Mode::Fill : Mode::Fit);
    });
    m_snapshotAction = toolbar->addAction(tr("Snapshot"));
    m_snapshotAction->setObjectName(QStringLiteral("snapshotAction"));
    m_snapshotAction->setShortcut(QKeySequence(Qt::Key_S));
    m_snapshotAction->setToolTip(tr("Save the selected tile's picture as PNG, at the camera's resolution (%1)")
                                     .arg(m_snapshotAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_snapshotAction, &QAction::triggered, this,
            [this] { m_controller->snapshot(m_controller->wallToTile(m_wall->selectedTile())); });
    m_restoreAction = toolbar->addAction(tr("Restore grid"));
    m_restoreAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_restoreAction->setToolTip(tr("Show all tiles again after a double-click maximised one (Esc)"));
    // Disabled while the grid is shown, so that Escape still reaches whoever else wants it.
    m_restoreAction->setEnabled(m_controller->maximisedTile() >= 0);
    connect(m_restoreAction, &QAction::triggered, m_controller, &WallController::restoreGrid);
    m_statisticsAction = toolbar->addAction(tr("Statistics"));
    m_statisticsAction->setObjectName(QStringLiteral("statisticsAction"));
    m_statisticsAction->setCheckable(true);
    m_statisticsAction->setChecked(m_controller->statisticsVisible());
    m_statisticsAction->setShortcut(QKeySequence(Qt::Key_I));
    m_statisticsAction->setToolTip(tr("Show each tile's stream figures: frame rates, bitrate, decode time, drops (%1)")
                                       .arg(m_statisticsAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_statisticsAction, &QAction::toggled, m_controller, &WallController::setStatisticsVisible);
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

    auto* signIn = toolbar->addAction(tr("Log in…"));
    signIn->setShortcut(QKeySequence(QStringLiteral("Ctrl+L")));
    signIn->setToolTip(tr("Log in again, as another user or after a refused password (Ctrl+L)"));
    connect(signIn, &QAction::triggered, this, &MainWindow::askCredentials);
}

void MainWindow::showNotice(const QString& text)
{
    statusBar()->showMessage(text, 30000);
}

void MainWindow::showTileMenu(int wallIndex, const QPoint& globalPos)
{
    const int tile = m_controller->wallToTile(wallIndex);
    using Mode = vigie::widgets::WallWidget::AspectMode;
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setObjectName(QStringLiteral("tileMenu"));
    const bool maximised = m_controller->maximisedTile() >= 0;
    menu->addAction(maximised ? tr("Restore the layout") : tr("Maximise"), this,
                    [this, tile] { m_controller->toggleMaximised(tile); });
    auto* fill = menu->addAction(tr("Fill the tile"), this, [this, wallIndex](bool on) {
        m_wall->setTileAspectMode(wallIndex, on ? Mode::Fill : Mode::Fit);
    });
    fill->setCheckable(true);
    fill->setChecked(m_wall->tileAspectMode(wallIndex) == Mode::Fill);
    auto* streams = menu->addMenu(tr("Stream"));
    auto* streamGroup = new QActionGroup(streams);
    using Preference = WallController::StreamPreference;
    const std::pair<Preference, QString> choices[] = {{Preference::Auto, tr("Automatic (after the tile's size)")},
                                                      {Preference::Main, tr("Main stream")},
                                                      {Preference::Sub, tr("Sub stream")}};
    for (const auto& [preference, label] : choices) {
        auto* action = streams->addAction(label, this,
                                          [this, tile, p = preference] { m_controller->setStreamPreference(tile, p); });
        action->setCheckable(true);
        action->setChecked(m_controller->streamPreference(tile) == preference);
        streamGroup->addAction(action);
    }
    menu->addAction(m_snapshotAction);
    // Tours: this camera's site in turn, or stop one running.
    if (m_controller->isTouring(tile)) {
        menu->addAction(tr("Stop the tour"), this, [this, tile] { m_controller->stopTour(tile); });
    } else if (const auto* camera = m_backend->camera(m_controller->cameraAt(tile))) {
        QStringList site;
        for (const auto& other : m_backend->cameras())
            if (other.siteId == camera->siteId)
                site << other.id;
        std::sort(site.begin(), site.end());
        auto* tour = menu->addAction(tr("Tour the cameras of this site (%1, 10 s each)").arg(site.size()), this,
                                     [this, tile, site] { m_controller->startTour(tile, site, std::chrono::seconds(10)); });
        tour->setEnabled(site.size() > 1);
    }
    menu->addSeparator();
    auto* clear = menu->addAction(tr("Close the camera"), this, [this, tile] { m_controller->clearTile(tile); });
    clear->setEnabled(!m_controller->cameraAt(tile).isEmpty());
    menu->popup(globalPos);
}

void MainWindow::showShortcuts()
{
    QList<vigie::widgets::ShortcutsDialog::Entry> entries;
    // The wall's own keys first (WallWidget::keyPressEvent), then every action that has a shortcut.
    entries << vigie::widgets::ShortcutsDialog::Entry{tr("1 … 9, 0"), tr("Select tile 1 … 10")}
            << vigie::widgets::ShortcutsDialog::Entry{tr("← ↑ → ↓"), tr("Move the selection to the next tile")}
            << vigie::widgets::ShortcutsDialog::Entry{tr("Enter, double-click"), tr("Maximise the selected tile, or restore the layout")};
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
    if (m_wallFilled)
        return;
    m_wallFilled = true;
    // First directory of this run: restore the wall, or fill it with the first cameras for a new user.
    QStringList ids = m_pendingCameras;
    m_pendingCameras.clear();
    if (ids.isEmpty() || std::all_of(ids.begin(), ids.end(), [](const QString& id) { return id.isEmpty(); })) {
        QList<vigie::rpc::CameraInfo> cameras = m_backend->cameras();
        std::sort(cameras.begin(), cameras.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
        ids.clear();
        for (const auto& camera : cameras)
            ids << camera.id;
        m_controller->fillEmptyTiles(ids);
        return;
    }
    for (int tile = 0; tile < std::min<int>(ids.size(), m_controller->tileCount()); ++tile)
        if (!ids[tile].isEmpty())
            m_controller->assign(tile, ids[tile]);
}

void MainWindow::placeCamera(const QString& cameraId)
{
    // The operator picks a camera for the wall: show the whole wall, so that they see where it goes.
    m_controller->restoreGrid();
    int tile = m_wall->selectedTile();
    if (tile < 0 || !m_controller->cameraAt(tile).isEmpty()) {
        const int empty = m_controller->firstEmptyTile();
        tile = empty >= 0 ? empty : std::max(tile, 0);
    }
    m_controller->assign(tile, cameraId);
    m_wall->setSelectedTile(tile);
}

void MainWindow::saveWall() const
{
    if (!m_wallFilled)
        return;  // nothing restored yet: do not overwrite the saved wall with an empty one
    QSettings settings;
    settings.setValue(kLayoutKey, m_controller->layout().toText());
    settings.remove(kGridKey);
    settings.setValue(kCamerasKey, m_controller->cameraIds());
    settings.setValue(kStreamsKey, m_controller->streamPreferences());
    const auto actions = m_gridActions ? m_gridActions->actions() : QList<QAction*>();
    for (int i = 0; i < actions.size(); ++i)
        actions[i]->setChecked(i + 1 == m_controller->grid());
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::WindowStateChange)
        m_controller->setPaused(isMinimized() || !isVisible());
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    m_controller->setPaused(isMinimized());
}

void MainWindow::hideEvent(QHideEvent* event)
{
    QMainWindow::hideEvent(event);
    // Also spontaneous hides (the window system unmapped the window), where isVisible() stays true.
    m_controller->setPaused(true);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveWall();
    QMainWindow::closeEvent(event);
}

}  // namespace vigie::app
