#include "vigie/widgets/CameraTreeModel.h"

#include <QApplication>
#include <QMimeData>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

#include <algorithm>

#include "vigie/widgets/CameraMime.h"

namespace vigie::widgets {

namespace {

QIcon dotIcon(const QColor& color)
{
    // Drawn in code: no resource file, crisp at any scale factor.
    QIcon icon;
    for (int size : {12, 16, 24, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(color.darker(140), size / 12.0));
        painter.setBrush(color);
        const qreal margin = size * 0.25;
        painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

}  // namespace

CameraTreeModel::CameraTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

CameraTreeModel::~CameraTreeModel() = default;

QString CameraTreeModel::foldForSearch(const QString& text)
{
    // Decompose (é -> e + combining acute), drop the combining marks, then fold case.
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            out.append(c);
    }
    return out.toCaseFolded();
}

// ---------------------------------------------------------------------------------------------------
// Ordering

// QCollator would be the obvious tool, but in the C locale (services, CI) Qt falls back to a plain
// comparison without numeric mode; comparing folded keys gives the same order everywhere.
int CameraTreeModel::naturalCompare(const QString& a, const QString& b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const bool digitA = a[i].isDigit(), digitB = b[j].isDigit();
        qsizetype endA = i, endB = j;
        while (endA < a.size() && a[endA].isDigit() == digitA)
            ++endA;
        while (endB < b.size() && b[endB].isDigit() == digitB)
            ++endB;
        QStringView runA = QStringView(a).sliced(i, endA - i);
        QStringView runB = QStringView(b).sliced(j, endB - j);
        if (digitA && digitB) {
            // Numbers: fewer significant digits first, then digit by digit (no overflow on long runs).
            while (runA.size() > 1 && runA.front() == QLatin1Char('0'))
                runA = runA.sliced(1);
            while (runB.size() > 1 && runB.front() == QLatin1Char('0'))
                runB = runB.sliced(1);
            if (runA.size() != runB.size())
                return runA.size() < runB.size() ? -1 : 1;
        }
        if (const int c = runA.compare(runB); c != 0)
            return c;
        i = endA;
        j = endB;
    }
    return (i < a.size()) - (j < b.size());
}

bool CameraTreeModel::less(const SortKey& a, const SortKey& b)
{
    if (const int c = naturalCompare(a.folded, b.folded); c != 0)
        return c < 0;
    if (const int c = a.name.compare(b.name); c != 0)
        return c < 0;
    return a.id < b.id;  // a total order: equal names still sort the same way every time
}

CameraTreeModel::Camera CameraTreeModel::makeCamera(const CameraEntry& entry)
{
    QString key = entry.name + QLatin1Char('\n') + entry.siteName + QLatin1Char('\n') + entry.id;
    for (const QString& tag : entry.tags)
        key += QLatin1Char('\n') + tag;
    return Camera{entry, foldForSearch(key), foldForSearch(entry.name)};
}

int CameraTreeModel::cameraRow(const Site& site, const QString& id) const
{
    for (std::size_t i = 0; i < site.cameras.size(); ++i)
        if (site.cameras[i].entry.id == id)
            return int(i);
    return -1;
}

QModelIndex CameraTreeModel::siteIndex(const Site& site) const
{
    return createIndex(site.row, 0, nullptr);
}

void CameraTreeModel::renumberSites()
{
    for (std::size_t i = 0; i < m_sites.size(); ++i)
        m_sites[i]->row = int(i);
}

void CameraTreeModel::recount(Site& site)
{
    site.online = int(std::count_if(site.cameras.begin(), site.cameras.end(),
                                    [](const Camera& c) { return c.entry.online; }));
}

// ---------------------------------------------------------------------------------------------------
// Updates

void CameraTreeModel::setCameras(const QList<CameraEntry>& cameras)
{
    beginResetModel();
    m_sites.clear();
    m_siteById.clear();
    m_siteOfCamera.clear();
    for (const CameraEntry& camera : cameras) {
        if (camera.id.isEmpty() || m_siteOfCamera.contains(camera.id))
            continue;  // the first entry of a duplicated id wins
        Site*& site = m_siteById[camera.siteId];
        if (!site) {
            m_sites.push_back(std::make_unique<Site>());
            site = m_sites.back().get();
            site->id = camera.siteId;
            site->name = camera.siteName;
            site->sortKey = foldForSearch(camera.siteName);
        }
        site->cameras.push_back(makeCamera(camera));
        m_siteOfCamera.insert(camera.id, site);
    }
    std::sort(m_sites.begin(), m_sites.end(), [](const auto& a, const auto& b) {
        return less({a->sortKey, a->name, a->id}, {b->sortKey, b->name, b->id});
    });
    for (auto& site : m_sites) {
        std::sort(site->cameras.begin(), site->cameras.end(), [](const Camera& a, const Camera& b) {
            return less({a.sortKey, a.entry.name, a.entry.id}, {b.sortKey, b.entry.name, b.entry.id});
        });
        recount(*site);
    }
    renumberSites();
    endResetModel();
}

void CameraTreeModel::upsertCamera(const CameraEntry& camera)
{
    if (camera.id.isEmpty())
        return;
    if (Site* site = m_siteOfCamera.value(camera.id)) {
        const int row = cameraRow(*site, camera.id);
        Camera& current = site->cameras[std::size_t(row)];
        if (current.entry == camera)
            return;
        if (site->id == camera.siteId && current.entry.name == camera.name) {
            // Same place in the tree (the common case: online state, tags, reason): update in place.
            current = makeCamera(camera);
            recount(*site);
            const QModelIndex index = createIndex(row, 0, site);
            emit dataChanged(index, index);
            if (site->name != camera.siteName)
                renameSite(*site, camera.siteName);
            const QModelIndex parentIndex = siteIndex(*site);
            emit dataChanged(parentIndex, parentIndex);
            return;
        }
        removeCamera(camera.id);  // moved to another site or renamed: its row changes
    }
    insertCamera(camera);
}

CameraTreeModel::Site& CameraTreeModel::ensureSite(const CameraEntry& camera)
{
    if (Site* site = m_siteById.value(camera.siteId)) {
        if (site->name != camera.siteName)
            renameSite(*site, camera.siteName);
        return *site;
    }
    const QString sortKey = foldForSearch(camera.siteName);
    const SortKey key{sortKey, camera.siteName, camera.siteId};
    auto it = std::lower_bound(m_sites.begin(), m_sites.end(), key, [](const auto& s, const SortKey& k) {
        return less({s->sortKey, s->name, s->id}, k);
    });
    const int row = int(it - m_sites.begin());
    beginInsertRows(QModelIndex(), row, row);
    auto site = std::make_unique<Site>();
    site->id = camera.siteId;
    site->name = camera.siteName;
    site->sortKey = sortKey;
    Site* raw = site.get();
    m_sites.insert(m_sites.begin() + row, std::move(site));
    m_siteById.insert(raw->id, raw);
    renumberSites();
    endInsertRows();
    return *raw;
}

void CameraTreeModel::insertCamera(const CameraEntry& camera)
{
    Site& site = ensureSite(camera);
    Camera entry = makeCamera(camera);
    const SortKey key{entry.sortKey, camera.name, camera.id};
    auto it = std::lower_bound(site.cameras.begin(), site.cameras.end(), key, [](const Camera& c, const SortKey& k) {
        return less({c.sortKey, c.entry.name, c.entry.id}, k);
    });
    const int row = int(it - site.cameras.begin());
    beginInsertRows(siteIndex(site), row, row);
    site.cameras.insert(site.cameras.begin() + row, std::move(entry));
    m_siteOfCamera.insert(camera.id, &site);
    recount(site);
    endInsertRows();
    const QModelIndex parentIndex = siteIndex(site);
    emit dataChanged(parentIndex, parentIndex);  // "(n/m online)"
}

void CameraTreeModel::renameSite(Site& site, const QString& name)
{
    // Position among the other sites under the new name.
    const QString sortKey = foldForSearch(name);
    int to = 0;
    for (const auto& other : m_sites)
        if (other.get() != &site && less({other->sortKey, other->name, other->id}, {sortKey, name, site.id}))
            ++to;
    const int from = site.row;
    if (to != from) {
        // beginMoveRows wants the destination row as it is before the move.
        beginMoveRows(QModelIndex(), from, from, QModelIndex(), to > from ? to + 1 : to);
        auto owned = std::move(m_sites[std::size_t(from)]);
        m_sites.erase(m_sites.begin() + from);
        owned->name = name;
        owned->sortKey = sortKey;
        m_sites.insert(m_sites.begin() + to, std::move(owned));
        renumberSites();
        endMoveRows();
    } else {
        site.name = name;
        site.sortKey = sortKey;
    }
    // Cameras carry their site's name (tooltips, search keys).
    for (Camera& camera : site.cameras) {
        camera.entry.siteName = name;
        camera = makeCamera(camera.entry);
    }
    const QModelIndex index = siteIndex(site);
    emit dataChanged(index, index);
    if (!site.cameras.empty())
        emit dataChanged(this->index(0, 0, index), this->index(int(site.cameras.size()) - 1, 0, index));
}

void CameraTreeModel::removeCamera(const QString& id)
{
    Site* site = m_siteOfCamera.value(id);
    if (!site)
        return;
    const int row = cameraRow(*site, id);
    if (site->cameras.size() == 1) {
        // Last camera of its site: the site row goes too.
        const int siteRow = site->row;
        beginRemoveRows(QModelIndex(), siteRow, siteRow);
        m_siteOfCamera.remove(id);
        m_siteById.remove(site->id);
        m_sites.erase(m_sites.begin() + siteRow);
        renumberSites();
        endRemoveRows();
        return;
    }
    beginRemoveRows(siteIndex(*site), row, row);
    site->cameras.erase(site->cameras.begin() + row);
    m_siteOfCamera.remove(id);
    recount(*site);
    endRemoveRows();
    const QModelIndex parentIndex = siteIndex(*site);
    emit dataChanged(parentIndex, parentIndex);
}

// ---------------------------------------------------------------------------------------------------
// Access

CameraTreeModel::Site* CameraTreeModel::siteOf(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return static_cast<Site*>(index.internalPointer());
}

CameraEntry CameraTreeModel::cameraAt(const QModelIndex& index) const
{
    const Site* site = siteOf(index);
    if (!site || index.row() < 0 || index.row() >= int(site->cameras.size()))
        return {};
    return site->cameras[std::size_t(index.row())].entry;
}

QModelIndex CameraTreeModel::indexOfCamera(const QString& id) const
{
    Site* site = m_siteOfCamera.value(id);
    if (!site)
        return {};
    return createIndex(cameraRow(*site, id), 0, site);
}

QModelIndex CameraTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < int(m_sites.size()) ? createIndex(row, 0, nullptr) : QModelIndex();
    if (siteOf(parent) || parent.row() < 0 || parent.row() >= int(m_sites.size()))
        return {};  // cameras have no children
    Site* site = m_sites[std::size_t(parent.row())].get();
    return row < int(site->cameras.size()) ? createIndex(row, 0, site) : QModelIndex();
}

QModelIndex CameraTreeModel::parent(const QModelIndex& child) const
{
    const Site* site = siteOf(child);
    return site ? siteIndex(*site) : QModelIndex();
}

int CameraTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_sites.size());
    if (parent.column() != 0 || siteOf(parent) || parent.row() >= int(m_sites.size()))
        return 0;
    return int(m_sites[std::size_t(parent.row())]->cameras.size());
}

int CameraTreeModel::columnCount(const QModelIndex&) const
{
    return 1;
}

QVariant CameraTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Site* parentSite = siteOf(index);
    if (!parentSite) {
        const Site& site = *m_sites[std::size_t(index.row())];
        switch (role) {
        case Qt::DisplayRole:
            return tr("%1 (%2/%3 online)").arg(site.name).arg(site.online).arg(site.cameras.size());
        case Qt::ToolTipRole: return site.id;
        case SiteIdRole: return site.id;
        case IsSiteRole: return true;
        case Qt::FontRole: {
            QFont font = QApplication::font();
            font.setBold(true);
            return font;
        }
        default: return {};
        }
    }
    const CameraEntry& camera = parentSite->cameras[std::size_t(index.row())].entry;
    switch (role) {
    case Qt::DisplayRole: return camera.name;
    case Qt::ToolTipRole: {
        QStringList lines{camera.name, tr("Id: %1").arg(camera.id)};
        if (!camera.tags.isEmpty())
            lines << tr("Tags: %1").arg(camera.tags.join(QStringLiteral(", ")));
        lines << (camera.online ? tr("Online") : tr("Offline"));
        if (!camera.stateReason.isEmpty())
            lines << camera.stateReason;
        if (camera.hasPtz)
            lines << tr("PTZ");
        if (camera.recording)
            lines << tr("Recording");
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::DecorationRole:
        if (m_onlineIcon.isNull()) {
            m_onlineIcon = dotIcon(QColor(60, 180, 75));
            m_offlineIcon = dotIcon(QColor(150, 150, 150));
        }
        return camera.online ? m_onlineIcon : m_offlineIcon;
    case Qt::ForegroundRole:
        if (!camera.online)
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case CameraIdRole: return camera.id;
    case SiteIdRole: return camera.siteId;
    case OnlineRole: return camera.online;
    case IsSiteRole: return false;
    case SearchTextRole: return parentSite->cameras[std::size_t(index.row())].searchKey;
    case HasPtzRole: return camera.hasPtz;
    case RecordingRole: return camera.recording;
    default: return {};
    }
}

Qt::ItemFlags CameraTreeModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (!siteOf(index))  // a site drags too: the wall fills free tiles with its cameras
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
}

QStringList CameraTreeModel::mimeTypes() const
{
    return {QString(kCameraIdMimeType), QString(kSiteIdMimeType)};
}

QMimeData* CameraTreeModel::mimeData(const QModelIndexList& indexes) const
{
    // The first row that drags: a camera as its id, a site as its id.
    for (const QModelIndex& index : indexes) {
        if (!index.isValid() || index.model() != this)
            continue;
        const bool site = index.data(IsSiteRole).toBool();
        const QString id = index.data(site ? SiteIdRole : CameraIdRole).toString();
        if (id.isEmpty())
            continue;
        auto* mime = new QMimeData;  // ownership passes to the drag
        mime->setData(site ? kSiteIdMimeType : kCameraIdMimeType, id.toUtf8());
        return mime;
    }
    return nullptr;
}

Qt::DropActions CameraTreeModel::supportedDragActions() const
{
    return Qt::CopyAction;
}

}  // namespace vigie::widgets
