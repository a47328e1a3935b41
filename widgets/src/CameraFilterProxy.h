#pragma once
// Filters the camera tree by the search box: a camera matches when every word of the query occurs in
// its name, site name, tags or id (case- and accent-insensitive). Sites show when one of their cameras
// matches (recursive filtering).

#include <QSortFilterProxyModel>
#include <QStringList>

namespace vigie::widgets {

class CameraFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit CameraFilterProxy(QObject* parent = nullptr);

    void setSearchText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QStringList m_terms;  // folded with CameraTreeModel::foldForSearch
};

}  // namespace vigie::widgets
