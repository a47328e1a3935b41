#include "vigie/widgets/SavedLayoutList.h"

#include <QMimeData>

#include "vigie/widgets/CameraMime.h"

namespace vigie::widgets {

SavedLayoutList::SavedLayoutList(QWidget* parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("savedLayouts"));
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setToolTip(tr("Double-click a layout, or drag it onto the wall, to show it with its cameras"));
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) { emit layoutActivated(item->text()); });
}

void SavedLayoutList::setNames(const QStringList& names)
{
    const QString current = currentItem() ? currentItem()->text() : QString();
    clear();
    addItems(names);
    const auto found = findItems(current, Qt::MatchExactly);
    if (!found.isEmpty())
        setCurrentItem(found.first());
}

QStringList SavedLayoutList::mimeTypes() const
{
    return {QString(kLayoutNameMimeType)};
}

QMimeData* SavedLayoutList::mimeData(const QList<QListWidgetItem*>& items) const
{
    if (items.isEmpty())
        return nullptr;
    auto* mime = new QMimeData;
    mime->setData(QString(kLayoutNameMimeType), items.first()->text().toUtf8());
    return mime;
}

}  // namespace vigie::widgets
