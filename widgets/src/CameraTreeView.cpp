#include "vigie/widgets/CameraTreeView.h"

#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

#include "vigie/widgets/CameraTreeModel.h"

#include "CameraFilterProxy.h"
#include "CameraItemDelegate.h"

namespace vigie::widgets {

CameraTreeView::CameraTreeView(QWidget* parent)
    : QWidget(parent),
      m_model(new CameraTreeModel(this)),
      m_proxy(new CameraFilterProxy(this)),
      m_search(new QLineEdit(this)),
      m_tree(new QTreeView(this))
{
    m_proxy->setSourceModel(m_model);

    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);

    m_tree->setModel(m_proxy);
    m_tree->setItemDelegate(new CameraItemDelegate(m_tree));
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);  // thousands of rows: lets the view skip measuring each one
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setDefaultDropAction(Qt::CopyAction);
    m_tree->setExpandsOnDoubleClick(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->installEventFilter(this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_search);
    layout->addWidget(m_tree, 1);

    connect(m_search, &QLineEdit::textChanged, this, &CameraTreeView::applyFilter);
    connect(m_tree, &QTreeView::doubleClicked, this, [this](const QModelIndex& index) { activate(index); });
    // Sites stay expanded: after a reset, and when a site appears (new site, or a filter change).
    connect(m_proxy, &QAbstractItemModel::modelReset, m_tree, &QTreeView::expandAll);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, m_tree, &QTreeView::expandAll);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex& parent, int first, int last) {
        if (parent.isValid())
            return;
        for (int row = first; row <= last; ++row)
            m_tree->expand(m_proxy->index(row, 0));
    });
    retranslate();
}

CameraTreeView::~CameraTreeView() = default;

void CameraTreeView::retranslate()
{
    m_search->setPlaceholderText(tr("Search cameras…"));
}

void CameraTreeView::setSearchText(const QString& text)
{
    m_search->setText(text);  // textChanged -> applyFilter
}

QString CameraTreeView::searchText() const
{
    return m_search->text();
}

void CameraTreeView::applyFilter(const QString& text)
{
    m_proxy->setSearchText(text);
    m_tree->expandAll();
}

QString CameraTreeView::currentCameraId() const
{
    return m_tree->currentIndex().data(CameraTreeModel::CameraIdRole).toString();
}

bool CameraTreeView::activate(const QModelIndex& proxyIndex)
{
    const QString id = proxyIndex.data(CameraTreeModel::CameraIdRole).toString();
    if (id.isEmpty())
        return false;
    emit cameraActivated(id);
    return true;
}

bool CameraTreeView::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (watched == m_tree && enter && activate(m_tree->currentIndex()))
            return true;
        if (watched == m_search) {
            // Enter in the search box opens the current camera, else the first match.
            if (enter) {
                QModelIndex index = m_tree->currentIndex();
                if (index.data(CameraTreeModel::CameraIdRole).toString().isEmpty())
                    index = m_proxy->index(0, 0, m_proxy->index(0, 0));
                if (activate(index))
                    return true;
            }
            // Down arrow moves into the results.
            if (key->key() == Qt::Key_Down && m_proxy->rowCount() > 0) {
                m_tree->setFocus();
                if (!m_tree->currentIndex().isValid())
                    m_tree->setCurrentIndex(m_proxy->index(0, 0, m_proxy->index(0, 0)));
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void CameraTreeView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

}  // namespace vigie::widgets
