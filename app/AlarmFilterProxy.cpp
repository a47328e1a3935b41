#include "AlarmFilterProxy.h"

#include "AlarmListModel.h"
#include "vigie/widgets/CameraTreeModel.h"

namespace vigie::app {

AlarmFilterProxy::AlarmFilterProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);  // rows that change state enter or leave the filtered list at once
}

void AlarmFilterProxy::setState(std::optional<int> state)
{
    m_state = state;
    invalidateFilter();
}

void AlarmFilterProxy::setPriority(std::optional<int> priority)
{
    m_priority = priority;
    invalidateFilter();
}

void AlarmFilterProxy::setType(std::optional<int> type)
{
    m_type = type;
    invalidateFilter();
}

void AlarmFilterProxy::setText(const QString& text)
{
    m_foldedText = vigie::widgets::CameraTreeModel::foldForSearch(text.trimmed());
    invalidateFilter();
}

bool AlarmFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_state && index.data(AlarmListModel::StateRole).toInt() != *m_state)
        return false;
    if (m_priority && index.data(AlarmListModel::PriorityRole).toInt() != *m_priority)
        return false;
    if (m_type && index.data(AlarmListModel::TypeRole).toInt() != *m_type)
        return false;
    if (!m_foldedText.isEmpty()) {
        const QString haystack = index.data(AlarmListModel::SearchTextRole).toString();
        const QStringList words = m_foldedText.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString& word : words)
            if (!haystack.contains(word))
                return false;
    }
    return true;
}

}  // namespace vigie::app
