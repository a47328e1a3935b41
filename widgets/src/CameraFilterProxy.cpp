#include "CameraFilterProxy.h"

#include "vigie/widgets/CameraTreeModel.h"

namespace vigie::widgets {

CameraFilterProxy::CameraFilterProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
}

void CameraFilterProxy::setSearchText(const QString& text)
{
    QStringList terms = CameraTreeModel::foldForSearch(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (terms == m_terms)
        return;
    m_terms = std::move(terms);
    invalidateFilter();
}

bool CameraFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_terms.isEmpty())
        return true;
    if (!sourceParent.isValid())
        return false;  // a site shows through its matching cameras (their keys include the site name)
    const QString key =
        sourceModel()->index(sourceRow, 0, sourceParent).data(CameraTreeModel::SearchTextRole).toString();
    for (const QString& term : m_terms) {
        if (!key.contains(term))
            return false;
    }
    return true;
}

}  // namespace vigie::widgets
