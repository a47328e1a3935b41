#include "WallController.h"

#include "vigie/widgets/LayoutPresets.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QImage>
#include <QPointer>
#include <QThread>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <cmath>

#include "SnapshotWriter.h"
#include "StreamChoice.h"
#include "vigie/player/FrameScaler.h"
#include "vigie/player/VideoFrame.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/rpc/MetadataLink.h"
#include "vigie/widgets/TileOverlay.h"
#include "vigie/widgets/WallLayout.h"
#include "vigie/widgets/WallWidget.h"

namespace vigie::app {

using vigie::player::OverloadLevel;
using vigie::player::PlaybackState;
using vigie::player::StreamPriority;
using vigie::player::StreamState;
using vigie::widgets::TileOverlay;

namespace {

// Decoded pictures kept for reverse play, shared by the tiles of a wall's layout: 48 MiB a tile up to 8 tiles,
// less each beyond (a 16-tile review of 1080p cameras would otherwise hold 768 MiB of pictures for reverse alone).
constexpr std::size_t kReverseCacheWallBytes = 384u << 20;
constexpr std::size_t kReverseCacheTileBytes = 48u << 20;

}  // namespace

WallController::WallController(vigie::widgets::WallWidget* wall, vigie::rpc::BackendClient* backend, QObject* parent)
    : QObject(parent), m_wall(wall), m_backend(backend)
{
    qRegisterMetaType<vigie::player::StreamState>();
    qRegisterMetaType<vigie::player::OverloadLevel>();
    connect(m_backend, &vigie::rpc::BackendClient::directoryReset, this, &WallController::onDirectoryChanged);
    connect(m_backend, &vigie::rpc::BackendClient::cameraChanged, this, &WallController::onDirectoryChanged);
    connect(m_backend, &vigie::rpc::BackendClient::cameraRemoved, this, &WallController::onDirectoryChanged);
    // A switch that waited for a picture of the current stream can go now.
    connect(m_wall, &vigie::widgets::WallWidget::framePresented, this, [this](int wallIndex) {
        const int tile = wallToTile(wallIndex);
        if (tile >= 0 && m_tiles[static_cast<size_t>(tile)].switchPending)
            updateRole(tile);
    });
    // Tile sizes change with the wall's size: the stream choice follows.
    m_wall->installEventFilter(this);
    m_statisticsTimer = new QTimer(this);
    m_statisticsTimer->setInterval(statisticsInterval());
    connect(m_statisticsTimer, &QTimer::timeout, this, &WallController::refreshStatistics);
    m_tourTimer = new QTimer(this);
    m_tourTimer->setSingleShot(true);
    m_tourTimer->setTimerType(Qt::PreciseTimer);
    connect(m_tourTimer, &QTimer::timeout, this, &WallController::advanceTours);
    m_liveRefreshTimer = new QTimer(this);
    m_liveRefreshTimer->setSingleShot(true);
    m_liveRefreshTimer->setInterval(kLiveRefreshMs);
    connect(m_liveRefreshTimer, &QTimer::timeout, this, &WallController::refreshLiveObjects);
    setLayout(m_layout);
}

WallController::~WallController()
{
    // First, and without listening any more: giving a camera back may signal a change of its objects,
    // and the wall (a sibling created before this controller) may be gone already.
    if (m_liveObjects) {
        m_liveObjects->disconnect(this);
        for (const QString& cameraId : std::as_const(m_liveCameras))
            m_liveObjects->unwant(cameraId);
    }
    m_liveCameras.clear();
    m_liveObjects = nullptr;
    for (int tile = 0; tile < tileCount(); ++tile)
        closeTile(tile);
}

bool WallController::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_wall && event->type() == QEvent::Resize)
        updateRoles();  // the widget's size is already the new one when its resize event is delivered
    return QObject::eventFilter(watched, event);
}

void WallController::setGrid(int n)
{
    setLayout(vigie::widgets::LayoutPresets::grid(n));
}

int WallController::grid() const
{
    return m_layout.isGrid() && m_layout.columns() == m_layout.rows() ? m_layout.columns() : 0;
}

void WallController::setLayout(const vigie::widgets::WallLayout& layout)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (layout.tileCount() == 0)
        return;
    const std::vector<int> before = wallMapping();
    const int count = layout.tileCount();
    for (int tile = count; tile < tileCount(); ++tile)
        closeTile(tile);
    const bool wasMaximised = m_maximised >= 0;
    m_maximised = -1;  // a new layout is a new view: everything shown
    m_layout = layout;
    m_tiles.resize(static_cast<size_t>(count));
    applyWall(before);
    for (Tile& t : m_tiles) {
        if (t.playback)
            t.playback->setReverseCacheBytes(reverseCacheShare());  // the budget is the wall's, re-shared
    }
    if (wasMaximised)
        emit maximisedChanged(-1);
    emit assignmentsChanged();
}

void WallController::maximise(int tile)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (tile < 0 || tile >= tileCount() || tile == m_maximised)
        return;
    const std::vector<int> before = wallMapping();
    m_maximised = tile;
    applyWall(before);
    m_wall->setSelectedTile(0);
    emit maximisedChanged(tile);
}

void WallController::restoreGrid()
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (m_maximised < 0)
        return;
    const std::vector<int> before = wallMapping();
    const int tile = m_maximised;
    m_maximised = -1;
    applyWall(before);
    m_wall->setSelectedTile(tile);
    emit maximisedChanged(-1);
}

void WallController::toggleMaximised(int tile)
{
    if (m_maximised >= 0 && (tile == m_maximised || tile < 0))
        restoreGrid();
    else
        maximise(tile);
}

void WallController::setPaused(bool paused)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (paused == m_paused)
        return;
    m_paused = paused;
    applyWall(wallMapping());
}

void WallController::setStatisticsVisible(bool visible)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (visible == m_statisticsVisible)
        return;
    m_statisticsVisible = visible;
    for (Tile& t : m_tiles)
        t.statistics.reset();
    if (visible) {
        m_statisticsTimer->start();
        refreshStatistics();  // codec and counters at once, rates from the next tick
    } else {
        m_statisticsTimer->stop();
        for (int tile = 0; tile < tileCount(); ++tile)
            refreshOverlay(tile);
    }
}

void WallController::refreshStatistics()
{
    if (!m_statisticsVisible)
        return;
    const auto now = std::chrono::steady_clock::now();
    for (int tile = 0; tile < tileCount(); ++tile) {
        Tile& t = m_tiles[static_cast<size_t>(tile)];
        if (!t.session || tileToWall(tile) < 0) {
            t.statistics.reset();
        } else {
            if (t.statisticsGeneration != t.generation) {
                t.statistics.reset();  // another session: its counters start from zero
                t.statisticsGeneration = t.generation;
            }
            t.statistics.update({now, t.session->stats(), t.session->mailbox()->counters()});
        }
        refreshOverlay(tile);
    }
}

int WallController::tileToWall(int tile) const
{
    if (tile < 0 || tile >= tileCount())
        return -1;
    if (m_maximised >= 0)
        return tile == m_maximised ? 0 : -1;
    return tile;
}

int WallController::wallToTile(int wallIndex) const
{
    if (m_maximised >= 0)
        return wallIndex == 0 ? m_maximised : -1;
    return wallIndex >= 0 && wallIndex < tileCount() ? wallIndex : -1;
}

std::vector<int> WallController::wallMapping() const
{
    std::vector<int> mapping(static_cast<size_t>(std::max(0, m_wall->tileCount())), -1);
    for (int wallIndex = 0; wallIndex < static_cast<int>(mapping.size()); ++wallIndex)
        mapping[static_cast<size_t>(wallIndex)] = wallToTile(wallIndex);
    return mapping;
}

bool WallController::isActive(int tile) const
{
    return !m_paused && tileToWall(tile) >= 0;
}

void WallController::applyWall(const std::vector<int>& before)
{
    m_wall->setWallLayout(m_maximised >= 0 ? vigie::widgets::WallLayout::grid(1, 1) : m_layout);
    for (int wallIndex = 0; wallIndex < m_wall->tileCount(); ++wallIndex) {
        const size_t i = static_cast<size_t>(wallIndex);
        if (i >= before.size() || before[i] != wallToTile(wallIndex))
            m_wall->setTileFeed(wallIndex, nullptr);
    }
    for (int tile = 0; tile < tileCount(); ++tile) {
        Tile& t = m_tiles[static_cast<size_t>(tile)];
        if (!isActive(tile)) {
            suspendTile(tile);
        } else if (t.session) {
            t.session->setPriority(priorityOf(tile));  // maximised or back in the grid
            setWallFeed(tile, t.session->mailbox());
            refreshOverlay(tile);
        } else if (t.playback) {
            setWallFeed(tile, t.playback->mailbox());
            refreshOverlay(tile);
        } else if (!t.cameraId.isEmpty()) {
            // Resumed or shown again. If the wall still has this tile's last picture (resume), it stays
            // until the first frame; a wall index that showed another tile has just been cleared.
            openTile(tile, true);
        } else {
            refreshOverlay(tile);
        }
    }
    updateRoles();
}

void WallController::suspendTile(int tile)
{
    Tile& t = m_tiles[static_cast<size_t>(tile)];
    if (!t.session && !t.playback)
        return;
    closeTile(tile);
    t.detail = tr("Paused");
    t.switchPending = false;
    refreshOverlay(tile);
}

void WallController::setWallFeed(int tile, std::shared_ptr<vigie::player::FrameMailbox> feed)
{
    const int wallIndex = tileToWall(tile);
    if (wallIndex >= 0)
        m_wall->setTileFeed(wallIndex, std::move(feed));
}

StreamPriority WallController::priorityOf(int tile) const
{
    return tile == m_maximised ? StreamPriority::High : StreamPriority::Normal;
}

vigie::rpc::StreamRole WallController::tileRole(int tile) const
{
    return tile >= 0 && tile < tileCount() ? m_tiles[static_cast<size_t>(tile)].role : vigie::rpc::StreamRole::Sub;
}

vigie::rpc::StreamRole WallController::desiredRole(int tile) const
{
    const Tile& t = m_tiles[static_cast<size_t>(tile)];
    const int wallIndex = tileToWall(tile);
    const vigie::rpc::CameraInfo* camera = m_backend->camera(t.cameraId);
    if (wallIndex < 0 || !camera)
        return t.role;
    if (t.streamPreference == StreamPreference::Main)
        return vigie::rpc::StreamRole::Main;  // camera->stream() falls back to the sub stream if need be
    if (t.streamPreference == StreamPreference::Sub)
        return vigie::rpc::StreamRole::Sub;
    // stream(role) falls back to the other role: a size counts only for a stream of that very role.
    auto sizeOf = [camera](vigie::rpc::StreamRole role) {
        const vigie::rpc::StreamInfo* stream = camera->stream(role);
        return stream && stream->role == role ? QSize(stream->width, stream->height) : QSize();
    };
    return StreamChoice::choose(t.role, m_wall->tileRect(wallIndex).size(), sizeOf(vigie::rpc::StreamRole::Sub),
                                sizeOf(vigie::rpc::StreamRole::Main));
}

void WallController::updateRoles()
{
    for (int tile = 0; tile < tileCount(); ++tile)
        updateRole(tile);
}

void WallController::updateRole(int tile)
{
    Tile& t = m_tiles[static_cast<size_t>(tile)];
    if (!isActive(tile) || t.cameraId.isEmpty() || clockOf(tile)) {
        t.switchPending = false;  // a recording has one stream: nothing to switch
        return;
    }
    const vigie::rpc::StreamRole role = desiredRole(tile);
    if (role == t.role) {
        t.switchPending = false;
        return;
    }
    if (t.session && t.state == StreamState::Playing && !m_wall->pictureInfo(tileToWall(tile))
        && m_wall->renderError().isEmpty()) {
        // Frames are coming but the wall has none of them yet: switch once it shows one, to keep.
        t.switchPending = true;
        return;
    }
    t.switchPending = false;
    if (!t.session && t.url.isEmpty())
        return;  // not open (no stream in the directory): openTile will choose when it opens
    openTile(tile, true);  // same camera, other stream: its last picture stays until the new one's first frame
}

void WallController::assign(int tile, const QString& cameraId)
{
    if (tile < 0 || tile >= tileCount())
        return;
    stopTour(tile);  // the operator chose this camera: the tour is over
    setCamera(tile, cameraId);
}

void WallController::setCamera(int tile, const QString& cameraId)
{
    const bool sameCamera = m_tiles[static_cast<size_t>(tile)].cameraId == cameraId;
    if (!sameCamera)
        m_tiles[static_cast<size_t>(tile)].replayClock.reset();  // another camera comes live
    m_tiles[static_cast<size_t>(tile)].cameraId = cameraId;
    openTile(tile, sameCamera);
    emit assignmentsChanged();
}

bool WallController::grabStill(const QString& cameraId, int maxWidth, std::function<void(const QImage&)> done)
{
    Q_ASSERT(thread() == QThread::currentThread());
    const auto playing = std::find_if(m_tiles.begin(), m_tiles.end(), [&](const Tile& t) {
        return t.cameraId == cameraId && t.session && t.state == StreamState::Playing;
    });
    if (playing == m_tiles.end())
        return false;
    QPointer<WallController> self(this);
    // Decoder thread: a still is small, so it is scaled there (well under a millisecond) and only the
    // image crosses to the GUI thread.
    playing->session->mailbox()->requestOriginal(
        [self, maxWidth, done = std::move(done)](std::shared_ptr<const vigie::player::VideoFrame> frame) {
            if (!frame || frame->width() <= 0)
                return;
            const int width = std::min(maxWidth, frame->width());
            const int height = std::max(1, int(std::lround(double(width) * frame->height() / frame->width())));
            vigie::player::FrameScaler scaler;
            const auto rgb = scaler.toBgra(*frame, width, height);
            if (!rgb)
                return;
            QImage image = QImage(rgb->planeData(0), rgb->width(), rgb->height(), rgb->planeStride(0),
                                  QImage::Format_RGB32)
                               .copy();  // owns its pixels: the scaler's buffer dies here
            QMetaObject::invokeMethod(
                qApp,
                [self, done, image = std::move(image)] {
                    if (self)
                        done(image);
                },
                Qt::QueuedConnection);
        });
    return true;
}

void WallController::snapshot(int tile)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (tile < 0 || tile >= tileCount())
        return;
    const Tile& t = m_tiles[static_cast<size_t>(tile)];
    if (!t.session || t.state != StreamState::Playing) {
        emit snapshotFailed(tile, t.cameraId.isEmpty() ? tr("the tile shows no camera") : tr("the camera is not playing"));
        return;
    }
    const QString cameraId = t.cameraId;
    const quint64 generation = t.generation;
    QPointer<WallController> self(this);
    // Decoder thread: only hand the frame over; conversion and the file are done on the GUI thread
    // (a snapshot is rare, and this keeps the decoder's pace).
    t.session->mailbox()->requestOriginal([self, tile, cameraId, generation](std::shared_ptr<const vigie::player::VideoFrame> frame) {
        QMetaObject::invokeMethod(
            qApp,
            [self, tile, cameraId, generation, frame] {
                if (!self || tile >= self->tileCount() || self->m_tiles[static_cast<size_t>(tile)].generation != generation)
                    return;  // the tile changed meanwhile: that picture is not what was asked for
                if (!frame) {
                    emit self->snapshotFailed(tile, tr("out of memory"));
                    return;
                }
                const QString path = SnapshotWriter::directory() + QLatin1Char('/')
                                     + SnapshotWriter::fileName(cameraId, QDateTime::currentDateTime());
                QString error;
                if (SnapshotWriter::save(*frame, path, &error))
                    emit self->snapshotSaved(tile, path);
                else
                    emit self->snapshotFailed(tile, error);
            },
            Qt::QueuedConnection);
    });
}

void WallController::swapTiles(int a, int b)
{
    if (a < 0 || b < 0 || a >= tileCount() || b >= tileCount() || a == b)
        return;
    stopTour(a);
    stopTour(b);
    std::swap(m_tiles[static_cast<size_t>(a)].cameraId, m_tiles[static_cast<size_t>(b)].cameraId);
    // An instant replay belongs to its camera: it moves with it, never to the camera swapped in.
    std::swap(m_tiles[static_cast<size_t>(a)].replayClock, m_tiles[static_cast<size_t>(b)].replayClock);
    for (int tile : {a, b}) {
        if (m_tiles[static_cast<size_t>(tile)].cameraId.isEmpty())
            showNoVideo(tile);
        else
            openTile(tile, false);
    }
    emit assignmentsChanged();
}

void WallController::setStreamPreference(int tile, StreamPreference preference)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (tile < 0 || tile >= tileCount() || m_tiles[static_cast<size_t>(tile)].streamPreference == preference)
        return;
    m_tiles[static_cast<size_t>(tile)].streamPreference = preference;
    updateRole(tile);  // switches now (or at the first picture), keeping the last one meanwhile
    emit assignmentsChanged();
}

WallController::StreamPreference WallController::streamPreference(int tile) const
{
    return tile >= 0 && tile < tileCount() ? m_tiles[static_cast<size_t>(tile)].streamPreference
                                           : StreamPreference::Auto;
}

QStringList WallController::streamPreferences() const
{
    QStringList names;
    for (const Tile& t : m_tiles) {
        names << (t.streamPreference == StreamPreference::Main  ? QStringLiteral("main")
                  : t.streamPreference == StreamPreference::Sub ? QStringLiteral("sub")
                                                                : QStringLiteral("auto"));
    }
    return names;
}

void WallController::setStreamPreferences(const QStringList& names)
{
    for (int tile = 0; tile < tileCount(); ++tile) {
        const QString name = names.value(tile);
        setStreamPreference(tile, name == QLatin1String("main")  ? StreamPreference::Main
                                  : name == QLatin1String("sub") ? StreamPreference::Sub
                                                                 : StreamPreference::Auto);
    }
}

void WallController::startTour(int tile, const QStringList& cameraIds, std::chrono::milliseconds dwell)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (tile < 0 || tile >= tileCount())
        return;
    TourSchedule tour(cameraIds, dwell, TourSchedule::Clock::now());
    if (!tour.isActive())
        return;
    m_tiles[static_cast<size_t>(tile)].tour = tour;
    setCamera(tile, tour.cameras().first());
    advanceTours();
}

void WallController::stopTour(int tile)
{
    if (tile < 0 || tile >= tileCount() || !m_tiles[static_cast<size_t>(tile)].tour.isActive())
        return;
    m_tiles[static_cast<size_t>(tile)].tour = {};
    refreshOverlay(tile);
    advanceTours();  // plans the remaining tours' next switch, or none
}

void WallController::startLayoutTour(const QStringList& cameraIds, std::chrono::milliseconds dwell)
{
    Q_ASSERT(thread() == QThread::currentThread());
    const int tiles = tileCount();
    if (tiles == 0 || cameraIds.isEmpty())
        return;
    restoreGrid();
    const qsizetype pages = (cameraIds.size() + tiles - 1) / tiles;
    const auto start = TourSchedule::Clock::now();  // one start for all: the pages turn together
    for (int tile = 0; tile < tiles; ++tile) {
        QStringList list;
        for (qsizetype page = 0; page < pages; ++page)
            list << cameraIds[(page * tiles + tile) % cameraIds.size()];
        Tile& t = m_tiles[static_cast<size_t>(tile)];
        t.tour = pages > 1 ? TourSchedule(list, dwell, start) : TourSchedule();
        if (pages == 1 && tile >= cameraIds.size()) {
            clearTile(tile);
            continue;
        }
        setCamera(tile, list.first());
    }
    advanceTours();
}

void WallController::setAlarmedCameras(const QHash<QString, AlarmMarks>& marksByCamera)
{
    if (marksByCamera == m_alarmed)
        return;
    QSet<QString> touched;
    for (auto it = m_alarmed.cbegin(); it != m_alarmed.cend(); ++it)
        if (marksByCamera.value(it.key()) != *it || !marksByCamera.contains(it.key()))
            touched.insert(it.key());
    for (auto it = marksByCamera.cbegin(); it != marksByCamera.cend(); ++it)
        if (!m_alarmed.contains(it.key()) || m_alarmed.value(it.key()) != *it)
            touched.insert(it.key());
    m_alarmed = marksByCamera;
    for (int tile = 0; tile < tileCount(); ++tile)
        if (touched.contains(m_tiles[static_cast<size_t>(tile)].cameraId))
            refreshOverlay(tile);
}

void WallController::setControlNote(const QString& cameraId, const QString& note)
{
    if (m_controlNotes.value(cameraId) == note)
        return;
    if (note.isEmpty())
        m_controlNotes.remove(cameraId);
    else
        m_controlNotes.insert(cameraId, note);
    for (int tile = 0; tile < tileCount(); ++tile)
        if (m_tiles[static_cast<size_t>(tile)].cameraId == cameraId)
            refreshOverlay(tile);
}

void WallController::setAlarmBlink(bool on)
{
    if (on == m_alarmBlinkOn)
        return;
    m_alarmBlinkOn = on;
    for (int tile = 0; tile < tileCount(); ++tile) {
        const auto alarmed = m_alarmed.constFind(m_tiles[static_cast<size_t>(tile)].cameraId);
        if (alarmed != m_alarmed.constEnd() && !alarmed->acknowledged)
            refreshOverlay(tile);  // only tiles whose alarm nobody saw yet blink
    }
}

void WallController::setLiveObjectSource(vigie::rpc::MetadataLink* source)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (source == m_liveObjects)
        return;
    if (m_liveObjects) {
        for (const QString& cameraId : std::as_const(m_liveCameras))
            m_liveObjects->unwant(cameraId);
        m_liveObjects->disconnect(this);
    }
    m_liveCameras.clear();
    m_liveObjects = source;
    if (m_liveObjects) {
        connect(m_liveObjects, &vigie::rpc::MetadataLink::objectsChanged, this, [this](const QString& cameraId) {
            if (!m_liveCameras.contains(cameraId))
                return;
            // Gathered: with many analytics cameras, the overlays are rebuilt once per frame period, not
            // once per camera and frame.
            m_liveChanged.insert(cameraId);
            if (!m_liveRefreshTimer->isActive())
                m_liveRefreshTimer->start();
        });
    }
    syncLiveObjects();
    for (int tile = 0; tile < tileCount(); ++tile)
        refreshOverlay(tile);
}

void WallController::refreshLiveObjects()
{
    const QSet<QString> changed = std::exchange(m_liveChanged, {});
    for (int tile = 0; tile < tileCount(); ++tile)
        if (changed.contains(m_tiles[static_cast<size_t>(tile)].cameraId))
            refreshOverlay(tile);
}

void WallController::setLiveObjectsWanted(bool wanted)
{
    if (wanted == m_liveObjectsWanted)
        return;
    m_liveObjectsWanted = wanted;
    syncLiveObjects();
}

void WallController::syncLiveObjects()
{
    if (!m_liveObjects)
        return;
    QSet<QString> wanted;
    if (m_liveObjectsWanted)
        for (const Tile& t : m_tiles)
            if (t.session)
                wanted.insert(t.cameraId);
    if (wanted == m_liveCameras)
        return;
    for (const QString& cameraId : std::as_const(m_liveCameras))
        if (!wanted.contains(cameraId))
            m_liveObjects->unwant(cameraId);
    for (const QString& cameraId : std::as_const(wanted))
        if (!m_liveCameras.contains(cameraId))
            m_liveObjects->want(cameraId);
    m_liveCameras = wanted;
}

QString WallController::objectLabel(vigie::rpc::ObjectClass objectClass)
{
    switch (objectClass) {
    case vigie::rpc::ObjectClass::Person: return tr("Person");
    case vigie::rpc::ObjectClass::Vehicle: return tr("Vehicle");
    case vigie::rpc::ObjectClass::Item: return tr("Object");
    case vigie::rpc::ObjectClass::Other:
    case vigie::rpc::ObjectClass::Unknown: break;
    }
    return QString();
}

QList<vigie::widgets::TileOverlay::Box> WallController::boxesOf(const QString& cameraId) const
{
    const auto alarmed = m_alarmed.constFind(cameraId);
    const bool analytics = m_liveObjects && m_liveCameras.contains(cameraId) && m_liveObjects->hasAnalytics(cameraId);
    const QList<vigie::rpc::DetectedObject>* live = analytics ? m_liveObjects->objects(cameraId) : nullptr;
    if (!live) {
        // No live analytics (none for this camera, or not now): where the alarm's objects were when it was
        // raised is the best there is.
        return alarmed != m_alarmed.constEnd() ? alarmed->boxes : QList<TileOverlay::Box>();
    }
    QList<TileOverlay::Box> boxes;
    boxes.reserve(live->size());
    QSet<QString> named;  // alarm types already written on this tile: a crowd gets one label, not six
    for (const auto& object : *live) {
        TileOverlay::Box box{object.box, objectLabel(object.objectClass)};
        if (alarmed != m_alarmed.constEnd()) {
            if (const auto track = alarmed->tracks.constFind(object.trackId); track != alarmed->tracks.constEnd()) {
                box.alarm = true;
                box.label = named.contains(*track) ? QString() : *track;
                named.insert(*track);
            }
        }
        boxes << box;
    }
    return boxes;
}

void WallController::stopAllTours()
{
    for (int tile = 0; tile < tileCount(); ++tile)
        stopTour(tile);
}

bool WallController::anyTouring() const
{
    return std::any_of(m_tiles.begin(), m_tiles.end(), [](const Tile& t) { return t.tour.isActive(); });
}

bool WallController::isTouring(int tile) const
{
    return tile >= 0 && tile < tileCount() && m_tiles[static_cast<size_t>(tile)].tour.isActive();
}

void WallController::advanceTours()
{
    const auto now = TourSchedule::Clock::now();
    auto next = TourSchedule::Clock::time_point::max();
    for (int tile = 0; tile < tileCount(); ++tile) {
        const TourSchedule& tour = m_tiles[static_cast<size_t>(tile)].tour;
        if (!tour.isActive())
            continue;
        const QString due = tour.cameras().at(tour.indexAt(now));
        if (due != m_tiles[static_cast<size_t>(tile)].cameraId)
            setCamera(tile, due);
        next = std::min(next, tour.nextSwitchAfter(now));
    }
    if (next == TourSchedule::Clock::time_point::max()) {
        m_tourTimer->stop();
        return;
    }
    const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next - now) + std::chrono::milliseconds(1);
    m_tourTimer->start(int(std::max<std::int64_t>(1, wait.count())));
}

void WallController::clearTile(int tile)
{
    if (tile < 0 || tile >= tileCount())
        return;
    stopTour(tile);
    m_tiles[static_cast<size_t>(tile)].cameraId.clear();
    m_tiles[static_cast<size_t>(tile)].replayClock.reset();
    showNoVideo(tile);
    emit assignmentsChanged();
}

QString WallController::cameraAt(int tile) const
{
    return tile >= 0 && tile < tileCount() ? m_tiles[static_cast<size_t>(tile)].cameraId : QString();
}

QStringList WallController::cameraIds() const
{
    QStringList ids;
    for (const Tile& t : m_tiles)
        ids << t.cameraId;
    return ids;
}

int WallController::firstEmptyTile() const
{
    for (int tile = 0; tile < tileCount(); ++tile)
        if (m_tiles[static_cast<size_t>(tile)].cameraId.isEmpty())
            return tile;
    return -1;
}

int WallController::fillEmptyTiles(const QStringList& cameraIds)
{
    int placed = 0;
    for (const QString& id : cameraIds) {
        const int tile = firstEmptyTile();
        if (tile < 0)
            break;
        m_tiles[static_cast<size_t>(tile)].cameraId = id;
        m_tiles[static_cast<size_t>(tile)].replayClock.reset();  // a new camera comes live
        openTile(tile, false);
        ++placed;
    }
    if (placed > 0)
        emit assignmentsChanged();
    return placed;
}

const vigie::player::StreamSession* WallController::session(int tile) const
{
    return tile >= 0 && tile < tileCount() ? m_tiles[static_cast<size_t>(tile)].session.get() : nullptr;
}

StreamState WallController::tileState(int tile) const
{
    return tile >= 0 && tile < tileCount() ? m_tiles[static_cast<size_t>(tile)].state : StreamState::Idle;
}

void WallController::showNoVideo(int tile)
{
    closeTile(tile);
    Tile& t = m_tiles[static_cast<size_t>(tile)];
    t.url.clear();
    t.state = StreamState::Idle;
    t.detail = t.cameraId.isEmpty() ? QString() : tr("Camera %1 is not in the directory").arg(t.cameraId);
    setWallFeed(tile, nullptr);
    refreshOverlay(tile);
}

void WallController::openTile(int tile, bool keepPicture)
{
    Q_ASSERT(thread() == QThread::currentThread());
    Tile& t = m_tiles[static_cast<size_t>(tile)];
    closeTile(tile);
    t.switchPending = false;
    if (!keepPicture)
        setWallFeed(tile, nullptr);
    if (!isActive(tile)) {
        // Hidden: remember the camera only; applyWall opens it when the tile is shown again.
        t.url.clear();
        t.state = StreamState::Stopped;
        t.detail = tr("Paused");
        refreshOverlay(tile);
        return;
    }
    if (clockOf(tile)) {
        openPlayback(tile);
        return;
    }
    t.role = desiredRole(tile);
    const vigie::rpc::CameraInfo* camera = m_backend->camera(t.cameraId);
    const vigie::rpc::StreamInfo* stream = camera ? camera->stream(t.role) : nullptr;
    if (!stream) {
        // Not (yet) in the directory: keep the assignment, the tile opens when the camera appears.
        setWallFeed(tile, nullptr);
        t.url.clear();
        t.state = StreamState::Idle;
        if (camera)
            t.detail = tr("This camera offers no video stream");
        else
            t.detail = m_backend->state() == vigie::rpc::ConnectionState::Online
                           ? tr("Camera %1 is not in the directory").arg(t.cameraId)
                           : tr("Waiting for the camera directory");
        refreshOverlay(tile);
        return;
    }
    vigie::player::StreamOptions options;
    options.url = stream->url;
    options.priority = priorityOf(tile);
    // VAAPI where the machine has it, software otherwise (or when it cannot decode this stream).
    options.hardwareDecoding = vigie::player::StreamOptions::HardwareDecoding::Auto;
    t.url = stream->url;
    t.overload = OverloadLevel::Full;
    t.session = std::make_unique<vigie::player::StreamSession>(options);
    t.generation = m_nextGeneration++;
    connect(t.session.get(), &vigie::player::StreamSession::stateChanged, this,
            [this, tile, generation = t.generation](StreamState state, const QString& detail) {
                // Reports are queued: this one may come from a session that is gone, or even a tile that
                // is gone since the grid shrank.
                if (tile >= tileCount() || m_tiles[static_cast<size_t>(tile)].generation != generation)
                    return;
                Tile& current = m_tiles[static_cast<size_t>(tile)];
                current.state = state;
                current.detail = detail;
                refreshOverlay(tile);
                emit tileStateChanged(tile, state, detail);
            });
    connect(t.session.get(), &vigie::player::StreamSession::overloadChanged, this,
            [this, tile, generation = t.generation](OverloadLevel level) {
                if (tile >= tileCount() || m_tiles[static_cast<size_t>(tile)].generation != generation)
                    return;  // a late report of a session that is gone
                m_tiles[static_cast<size_t>(tile)].overload = level;
                refreshOverlay(tile);
            });
    // Ownership: the session owns its mailbox; the wall shares it for as long as it shows this tile.
    setWallFeed(tile, t.session->mailbox());
    t.state = StreamState::Connecting;
    t.detail.clear();
    refreshOverlay(tile);
    t.session->start();
    syncLiveObjects();
}

void WallController::closeTile(int tile)
{
    Tile& t = m_tiles[static_cast<size_t>(tile)];
    t.generation = m_nextGeneration++;
    if (t.playback) {
        t.playback->disconnect(this);
        t.playback->stop();
        t.playback.reset();
        t.playbackState = PlaybackState::Idle;
        t.playbackDetail.clear();
    }
    if (!t.session)
        return;
    t.session->disconnect(this);
    t.session->stop();
    t.session.reset();
    t.state = StreamState::Stopped;
    t.overload = OverloadLevel::Full;
    syncLiveObjects();
}

QString WallController::cameraTitle(const QString& cameraId) const
{
    const vigie::rpc::CameraInfo* camera = m_backend->camera(cameraId);
    return camera ? camera->name : cameraId;
}

void WallController::refreshOverlay(int tile)
{
    const int wallIndex = tileToWall(tile);
    if (wallIndex < 0)
        return;  // hidden behind a maximised tile: its overlay is set when it is shown again
    const Tile& t = m_tiles[static_cast<size_t>(tile)];
    TileOverlay overlay;
    if (t.cameraId.isEmpty()) {
        m_wall->setTileOverlay(wallIndex, overlay);
        return;
    }
    overlay.title = cameraTitle(t.cameraId);
    if (t.tour.isActive()) {
        overlay.title = tr("%1 · tour %2/%3")
                            .arg(overlay.title)
                            .arg(t.tour.cameras().indexOf(t.cameraId) + 1)
                            .arg(t.tour.cameras().size());
    }
    const vigie::rpc::CameraInfo* camera = m_backend->camera(t.cameraId);
    overlay.recording = camera && camera->recording;
    if (const auto alarmed = m_alarmed.constFind(t.cameraId); alarmed != m_alarmed.constEnd())
        overlay.alarm = alarmed->acknowledged || m_alarmBlinkOn;
    overlay.boxes = boxesOf(t.cameraId);
    overlay.control = m_controlNotes.value(t.cameraId);
    switch (t.state) {
    case StreamState::Idle:
        overlay.status = t.detail;
        overlay.severity = TileOverlay::Severity::Neutral;
        break;
    case StreamState::Connecting:
        overlay.status = tr("Connecting…");
        overlay.severity = TileOverlay::Severity::Busy;
        break;
    case StreamState::Playing:
        // The player says the codec and size ("h264 1280x720"); the operator also sees which stream it is.
        overlay.status = t.role == vigie::rpc::StreamRole::Main ? tr("%1 · main stream").arg(t.detail)
                                                                : tr("%1 · sub stream").arg(t.detail);
        overlay.severity = TileOverlay::Severity::Ok;
        if (t.overload != OverloadLevel::Full) {
            // First, so that a narrow tile's elided status still says it.
            overlay.status = tr("%1 · %2").arg(TileStatistics::overloadText(t.overload), overlay.status);
            overlay.severity = TileOverlay::Severity::Warning;
        }
        break;
    case StreamState::Stalled:
        overlay.status = tr("No video: %1").arg(t.detail);
        overlay.severity = TileOverlay::Severity::Warning;
        break;
    case StreamState::Reconnecting:
        overlay.status = tr("Reconnecting: %1").arg(t.detail);
        overlay.severity = TileOverlay::Severity::Warning;
        break;
    case StreamState::Error:
        overlay.status = tr("Error: %1").arg(t.detail);
        overlay.severity = TileOverlay::Severity::Error;
        break;
    default:
        overlay.status = t.detail;
        overlay.severity = TileOverlay::Severity::Neutral;
        break;
    }
    if (clockOf(tile)) {
        describePlayback(t, overlay);
        m_wall->setTileOverlay(wallIndex, overlay);
        return;
    }
    if (camera && !camera->online && t.state != StreamState::Playing) {
        // The backend knows why better than the stream does.
        overlay.status = camera->stateReason.isEmpty() ? tr("Camera offline")
                                                       : tr("Camera offline: %1").arg(camera->stateReason);
        overlay.severity = TileOverlay::Severity::Error;
    }
    if (m_statisticsVisible && t.session && t.statisticsGeneration == t.generation) {
        overlay.statistics = t.statistics.lines(
            t.role == vigie::rpc::StreamRole::Main ? tr("main stream") : tr("sub stream"), t.state);
    }
    m_wall->setTileOverlay(wallIndex, overlay);
}

void WallController::onDirectoryChanged()
{
    for (int tile = 0; tile < tileCount(); ++tile) {
        Tile& t = m_tiles[static_cast<size_t>(tile)];
        if (t.cameraId.isEmpty())
            continue;
        if (!isActive(tile))
            continue;  // opens from the directory of that time when shown again
        if (clockOf(tile)) {
            refreshOverlay(tile);  // recordings do not move with the camera's live stream
            continue;
        }
        const vigie::rpc::CameraInfo* camera = m_backend->camera(t.cameraId);
        const vigie::rpc::StreamInfo* stream = camera ? camera->stream(t.role) : nullptr;
        if (stream && stream->url != t.url)
            openTile(tile, true);  // the backend moved the stream (restarted elsewhere…)
        else if (!stream && t.session)
            showNoVideo(tile);     // removed from the directory (or no longer visible to this user)
        else
            refreshOverlay(tile);
    }
    updateRoles();  // stream sizes may have changed, or a camera gained a stream
}

// --- Recordings ---

void WallController::setRecordingSource(std::shared_ptr<vigie::player::RecordingSource> source)
{
    Q_ASSERT(thread() == QThread::currentThread());
    m_recordingSource = std::move(source);
}

void WallController::setPlaybackClock(std::shared_ptr<vigie::player::PlaybackClock> clock)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (clock == m_playbackClock)
        return;
    m_playbackClock = std::move(clock);
    for (int tile = 0; tile < tileCount(); ++tile) {
        m_tiles[static_cast<size_t>(tile)].replayClock.reset();
        if (!m_tiles[static_cast<size_t>(tile)].cameraId.isEmpty())
            openTile(tile, false);  // live pictures never pass for recorded ones, nor the reverse
    }
}

void WallController::startReplay(int tile, qint64 fromUtcMs)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (tile < 0 || tile >= tileCount() || !m_recordingSource || m_playbackClock)
        return;
    Tile& t = m_tiles[static_cast<size_t>(tile)];
    if (t.cameraId.isEmpty())
        return;
    t.replayClock = std::make_shared<vigie::player::PlaybackClock>(fromUtcMs * 1000);
    t.replayClock->play();
    openTile(tile, false);
    emit assignmentsChanged();
}

void WallController::stopReplay(int tile)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (!isReplaying(tile))
        return;
    m_tiles[static_cast<size_t>(tile)].replayClock.reset();
    openTile(tile, false);
    emit assignmentsChanged();
}

bool WallController::isReplaying(int tile) const
{
    return tile >= 0 && tile < tileCount() && m_tiles[static_cast<size_t>(tile)].replayClock != nullptr;
}

std::shared_ptr<vigie::player::PlaybackClock> WallController::clockOf(int tile) const
{
    if (tile < 0 || tile >= tileCount() || !m_recordingSource)
        return nullptr;
    if (m_playbackClock)
        return m_playbackClock;
    return m_tiles[static_cast<size_t>(tile)].replayClock;
}

void WallController::stepTile(int tile, int frames)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (tile < 0 || tile >= tileCount() || frames == 0)
        return;
    if (auto& playback = m_tiles[static_cast<size_t>(tile)].playback)
        playback->step(frames);
}

const vigie::player::PlaybackSession* WallController::playbackSession(int tile) const
{
    return tile >= 0 && tile < tileCount() ? m_tiles[static_cast<size_t>(tile)].playback.get() : nullptr;
}

PlaybackState WallController::playbackState(int tile) const
{
    return tile >= 0 && tile < tileCount() ? m_tiles[static_cast<size_t>(tile)].playbackState : PlaybackState::Idle;
}

void WallController::openPlayback(int tile)
{
    Tile& t = m_tiles[static_cast<size_t>(tile)];
    vigie::player::PlaybackOptions options;
    options.cameraId = t.cameraId.toStdString();
    options.source = m_recordingSource;
    options.clock = clockOf(tile);
    options.reverseCacheBytes = reverseCacheShare();
    t.url.clear();
    t.overload = OverloadLevel::Full;
    t.playback = std::make_unique<vigie::player::PlaybackSession>(std::move(options));
    t.generation = m_nextGeneration++;
    connect(t.playback.get(), &vigie::player::PlaybackSession::stateChanged, this,
            [this, tile, generation = t.generation](PlaybackState state, const QString& detail) {
                if (tile >= tileCount() || m_tiles[static_cast<size_t>(tile)].generation != generation)
                    return;  // a late report of a session that is gone
                Tile& current = m_tiles[static_cast<size_t>(tile)];
                current.playbackState = state;
                current.playbackDetail = detail;
                if (state == PlaybackState::NoRecording || state == PlaybackState::OutOfRetention ||
                    state == PlaybackState::Error) {
                    // Nothing to show for this instant: the picture of another one must not stay under
                    // the status that says so.
                    current.playback->mailbox()->clear();
                    setWallFeed(tile, nullptr);
                    setWallFeed(tile, current.playback->mailbox());
                }
                refreshOverlay(tile);
                emit tilePlaybackStateChanged(tile, state, detail);
            });
    // Ownership: the session owns its mailbox; the wall shares it for as long as it shows this tile.
    setWallFeed(tile, t.playback->mailbox());
    t.playbackState = PlaybackState::Loading;
    t.playbackDetail.clear();
    t.state = StreamState::Stopped;  // no live stream on this tile
    refreshOverlay(tile);
    t.playback->start();
    syncLiveObjects();
}

std::size_t WallController::reverseCacheShare() const
{
    // The layout's share, not the cameras shown so far: tiles assigned one by one get equal shares.
    return std::min(kReverseCacheTileBytes, kReverseCacheWallBytes / std::size_t(std::max(1, tileCount())));
}

void WallController::describePlayback(const Tile& t, TileOverlay& overlay) const
{
    overlay.playback = true;
    overlay.recording = false;
    overlay.alarm = false;  // the camera's live alarms are not about this moment: the timeline marks alarms
    overlay.boxes.clear();  // live analytics do not describe a recorded picture
    const QString replay = t.replayClock ? tr("Replay · ") : QString();
    switch (t.playbackState) {
    case PlaybackState::Idle:
    case PlaybackState::Loading:
        overlay.status = replay + tr("Loading the recording…");
        overlay.severity = TileOverlay::Severity::Busy;
        break;
    case PlaybackState::Playing:
        overlay.status = replay + tr("Recording · %1").arg(t.playbackDetail);
        overlay.severity = TileOverlay::Severity::Ok;
        break;
    case PlaybackState::Paused:
        overlay.status = replay + tr("Recording · paused");
        overlay.severity = TileOverlay::Severity::Ok;
        break;
    case PlaybackState::NoRecording: {
        const QDateTime next = QDateTime::fromString(t.playbackDetail, Qt::ISODateWithMs);
        overlay.status = replay + (next.isValid() ? tr("No recording here · next at %1")
                                                        .arg(QLocale().toString(next.toLocalTime(), QLocale::ShortFormat))
                                                  : tr("No recording here"));
        overlay.severity = TileOverlay::Severity::Warning;
        break;
    }
    case PlaybackState::LiveEdge:
        overlay.status = replay + tr("End of the recording so far");
        overlay.severity = TileOverlay::Severity::Neutral;
        break;
    case PlaybackState::OutOfRetention:
        overlay.status = replay + tr("Recording destroyed: past the retention period");
        overlay.severity = TileOverlay::Severity::Warning;
        break;
    case PlaybackState::Error:
        overlay.status = replay + tr("Recording unavailable: %1").arg(t.playbackDetail);
        overlay.severity = TileOverlay::Severity::Error;
        break;
    }
}

}  // namespace vigie::app
