#pragma once
// Sites and their cameras as a two-level tree: sites at the top level sorted by name, cameras under
// their site sorted by name. The order is natural ("Cam 2" before "Cam 10"), case- and
// accent-insensitive ("Écluse" between "Dépôt" and "Gare"), and the same in every locale.
//
// Updates are incremental (upsertCamera/removeCamera emit the proper row signals) so that views keep
// their selection and expansion while the directory streams changes. Camera rows drag as
// "application/x-vigie-camera-id", site rows as "application/x-vigie-site" (see CameraMime.h). GUI thread.

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>
#include <QList>

#include <memory>
#include <vector>

#include "vigie/widgets/CameraEntry.h"

namespace vigie::widgets {

class CameraTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role {
        CameraIdRole = Qt::UserRole + 1,  // QString; empty on site rows
        SiteIdRole,                       // QString
        OnlineRole,                       // bool (cameras)
        IsSiteRole,                       // bool
        SearchTextRole,                   // QString: name, site, tags and id folded by foldForSearch()
        HasPtzRole,                       // bool (cameras): a badge in the tree
        RecordingRole,                    // bool (cameras): a badge in the tree
    };

    explicit CameraTreeModel(QObject* parent = nullptr);
    ~CameraTreeModel() override;

    void setCameras(const QList<CameraEntry>& cameras);  // full reset
    void upsertCamera(const CameraEntry& camera);        // adds, updates in place, or moves
    void removeCamera(const QString& id);

    // The camera of a camera row (of this model); a default entry for site rows and invalid indexes.
    CameraEntry cameraAt(const QModelIndex& index) const;
    QModelIndex indexOfCamera(const QString& id) const;
    int cameraCount() const { return int(m_siteOfCamera.size()); }

    // Lower-case, accents removed ("Gare Saint-Étienne" -> "gare saint-etienne"): search is case- and
    // accent-insensitive.
    static QString foldForSearch(const QString& text);
    // Natural order of two folded strings: digit runs compare as numbers. <0, 0, >0.
    static int naturalCompare(const QString& a, const QString& b);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDragActions() const override;

private:
    struct Camera {
        CameraEntry entry;
        QString searchKey;
        QString sortKey;  // folded name
    };
    struct Site {
        QString id;
        QString name;
        QString sortKey;  // folded name
        int row = 0;  // position among the sites, kept up to date (parent() needs it fast)
        int online = 0;
        std::vector<Camera> cameras;
    };

    struct SortKey {
        const QString& folded;
        const QString& name;
        const QString& id;
    };
    static bool less(const SortKey& a, const SortKey& b);
    static Camera makeCamera(const CameraEntry& entry);
    int cameraRow(const Site& site, const QString& id) const;
    QModelIndex siteIndex(const Site& site) const;
    void renumberSites();
    void renameSite(Site& site, const QString& name);
    Site& ensureSite(const CameraEntry& camera);
    void insertCamera(const CameraEntry& camera);
    void recount(Site& site);
    Site* siteOf(const QModelIndex& index) const;  // the site a camera row belongs to; null for sites

    std::vector<std::unique_ptr<Site>> m_sites;
    QHash<QString, Site*> m_siteById;
    QHash<QString, Site*> m_siteOfCamera;
    mutable QIcon m_onlineIcon;
    mutable QIcon m_offlineIcon;
};

}  // namespace vigie::widgets
