#include "Workspace.h"

#include <QSettings>
#include <QVBoxLayout>

#include <algorithm>

#include "WallController.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/widgets/WallLayout.h"
#include "vigie/widgets/WallWidget.h"

namespace vigie::app {

namespace {
// Keys inside a workspace's group.
const char kGridKey[] = "grid";      // settings older than uneven layouts; read when "layout" is absent
const char kLayoutKey[] = "layout";  // WallLayout::toText()
const char kCamerasKey[] = "cameras";
const char kStreamsKey[] = "streams";  // WallController::streamPreferences()
const char kNameKey[] = "name";
}  // namespace

Workspace::Workspace(vigie::rpc::BackendClient* backend, const QString& name, QWidget* parent)
    : QWidget(parent), m_backend(backend), m_name(name)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_wall = new vigie::widgets::WallWidget(this);
    layout->addWidget(m_wall);
    m_controller = new WallController(m_wall, backend, this);
    m_controller->setPaused(true);  // until shown: nothing decodes for a wall nobody sees
    setFocusProxy(m_wall);
}

Workspace::~Workspace() = default;

void Workspace::setName(const QString& name)
{
    if (name == m_name || name.trimmed().isEmpty())
        return;
    m_name = name.trimmed();
    emit nameChanged(m_name);
}

QString Workspace::load(QSettings& settings, const QString& group)
{
    settings.beginGroup(group);
    QString problem;
    if (settings.contains(kNameKey))
        m_name = settings.value(kNameKey).toString();
    if (settings.contains(kLayoutKey)) {
        const QString text = settings.value(kLayoutKey).toString();
        if (const auto saved = vigie::widgets::WallLayout::fromText(text)) {
            m_controller->setLayout(*saved);
        } else {
            // A damaged value must not cost the operator their start-up: say so, use the default.
            m_controller->setGrid(2);
            problem = tr("The saved wall layout could not be read (\"%1\"): showing 2×2 instead.").arg(text.left(60));
        }
    } else {
        m_controller->setGrid(std::clamp(settings.value(kGridKey, 2).toInt(), 1, 8));
    }
    m_pendingCameras = settings.value(kCamerasKey).toStringList();
    m_controller->setStreamPreferences(settings.value(kStreamsKey).toStringList());
    settings.endGroup();
    return problem;
}

void Workspace::save(QSettings& settings, const QString& group) const
{
    settings.beginGroup(group);
    settings.setValue(kNameKey, m_name);
    settings.setValue(kLayoutKey, m_controller->layout().toText());
    settings.remove(kGridKey);
    // Before the directory has put the saved cameras back, they are still the ones to keep.
    settings.setValue(kCamerasKey, m_restored ? m_controller->cameraIds() : m_pendingCameras);
    settings.setValue(kStreamsKey, m_controller->streamPreferences());
    settings.endGroup();
}

void Workspace::placeSavedCameras(bool fillWhenNew)
{
    if (m_restored)
        return;
    m_restored = true;
    const QStringList ids = m_pendingCameras;
    m_pendingCameras.clear();
    const bool nothingSaved = std::all_of(ids.begin(), ids.end(), [](const QString& id) { return id.isEmpty(); });
    if (nothingSaved) {
        if (!fillWhenNew)
            return;
        QList<vigie::rpc::CameraInfo> cameras = m_backend->cameras();
        std::sort(cameras.begin(), cameras.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
        QStringList first;
        for (const auto& camera : cameras)
            first << camera.id;
        m_controller->fillEmptyTiles(first);
        return;
    }
    for (int tile = 0; tile < std::min<int>(ids.size(), m_controller->tileCount()); ++tile)
        if (!ids[tile].isEmpty())
            m_controller->assign(tile, ids[tile]);
}

void Workspace::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_controller->setPaused(window()->isMinimized());
}

void Workspace::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    // Also spontaneous hides (the window system unmapped the window), where isVisible() stays true.
    m_controller->setPaused(true);
}

}  // namespace vigie::app
