#include "Workspace.h"

#include <QSettings>
#include <QVBoxLayout>

#include <algorithm>

#include "RecordingSourceAdapter.h"
#include "ReviewConsole.h"
#include "WallController.h"
#include "vigie/rpc/RecordingLink.h"
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
const char kKindKey[] = "kind";          // "review" for a review workspace; absent = live
const char kPositionKey[] = "position";  // review: the clock's time, UTC ms
}  // namespace

Workspace::Workspace(vigie::rpc::BackendClient* backend, const QString& name, QWidget* parent, Kind kind)
    : QWidget(parent), m_backend(backend), m_kind(kind), m_name(name)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_wall = new vigie::widgets::WallWidget(this);
    layout->addWidget(m_wall, 1);
    m_controller = new WallController(m_wall, backend, this);
    m_controller->setPaused(true);  // until shown: nothing decodes for a wall nobody sees
    if (m_kind == Kind::Review) {
        m_review = new ReviewConsole(m_controller, backend, this);
        layout->addWidget(m_review);
        connect(m_wall, &vigie::widgets::WallWidget::tileSelected, this,
                [this](int wallIndex) { m_review->setStepTile(m_controller->wallToTile(wallIndex)); });
    }
    setFocusProxy(m_wall);
}

Workspace::Kind Workspace::savedKind(QSettings& settings, const QString& group)
{
    return settings.value(group + QLatin1Char('/') + QLatin1String(kKindKey)).toString() == QLatin1String("review")
               ? Kind::Review
               : Kind::Live;
}

void Workspace::setRecordingLinks(vigie::rpc::RecordingLink* link, vigie::rpc::BookmarkLink* bookmarks)
{
    if (m_review && link)
        m_review->setLinks(link, bookmarks);
    m_controller->setRecordingSource(link ? std::make_shared<RecordingSourceAdapter>(link->reader()) : nullptr);
    if (m_review) {
        if (m_savedPosition > 0)
            m_review->seekTo(m_savedPosition);
        m_controller->setPlaybackClock(link ? m_review->clock() : nullptr);
    }
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
    m_savedPosition = settings.value(kPositionKey, 0).toLongLong();
    if (m_review && m_savedPosition > 0)
        m_review->seekTo(m_savedPosition);
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
    if (m_review) {
        settings.setValue(kKindKey, QStringLiteral("review"));
        settings.setValue(kPositionKey, m_review->position());
    } else {
        settings.remove(kKindKey);
        settings.remove(kPositionKey);
    }
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
