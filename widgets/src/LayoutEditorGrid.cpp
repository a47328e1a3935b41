#include "vigie/widgets/LayoutEditorGrid.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace vigie::widgets {

namespace {

constexpr int kGapPx = 4;     // between tiles, as on the wall
constexpr int kMarginPx = 3;  // room for the focus frame around the cells

}  // namespace

LayoutEditorGrid::LayoutEditorGrid(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("layoutGrid"));
    setAccessibleName(tr("Layout cells"));
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    updateAccessibleDescription();
}

void LayoutEditorGrid::setLayout(const WallLayout& layout)
{
    const QRect before = selection();
    m_layout = layout;
    const int lastColumn = std::max(0, layout.columns() - 1);
    const int lastRow = std::max(0, layout.rows() - 1);
    const auto clamp = [&](QPoint cell) {
        return QPoint(std::clamp(cell.x(), 0, lastColumn), std::clamp(cell.y(), 0, lastRow));
    };
    m_anchor = clamp(m_anchor);
    m_cursor = clamp(m_cursor);
    selectionUpdated(before);
    update();
}

QRect LayoutEditorGrid::selection() const
{
    if (m_layout.columns() <= 0 || m_layout.rows() <= 0)
        return {};
    // Anchor and cursor are opposite corners, in either order.
    const QPoint topLeft(std::min(m_anchor.x(), m_cursor.x()), std::min(m_anchor.y(), m_cursor.y()));
    const QPoint bottomRight(std::max(m_anchor.x(), m_cursor.x()), std::max(m_anchor.y(), m_cursor.y()));
    return QRect(topLeft, bottomRight);
}

void LayoutEditorGrid::setSelection(QRect cells)
{
    const QRect before = selection();
    cells &= QRect(0, 0, m_layout.columns(), m_layout.rows());
    if (cells.isEmpty())
        return;
    m_anchor = cells.topLeft();
    m_cursor = cells.bottomRight();
    selectionUpdated(before);
}

QRect LayoutEditorGrid::surface() const
{
    return rect().adjusted(kMarginPx, kMarginPx, -kMarginPx, -kMarginPx);
}

QRect LayoutEditorGrid::cellRect(QPoint cell) const
{
    // The plain grid of the same size places cells exactly where the layout's tiles put them.
    const WallLayout cells = WallLayout::grid(m_layout.columns(), m_layout.rows());
    const QRect area = surface();
    return cells.tileRect(cell.y() * m_layout.columns() + cell.x(), area.size(), kGapPx).translated(area.topLeft());
}

QPoint LayoutEditorGrid::cellAt(QPoint pos) const
{
    const QRect area = surface();
    if (area.isEmpty() || m_layout.columns() <= 0 || m_layout.rows() <= 0)
        return {};
    // Proportional position, so that a point in a gap or beyond the border still names the nearest cell.
    const int column = int((qint64(pos.x() - area.left()) * m_layout.columns()) / area.width());
    const int row = int((qint64(pos.y() - area.top()) * m_layout.rows()) / area.height());
    return QPoint(std::clamp(column, 0, m_layout.columns() - 1), std::clamp(row, 0, m_layout.rows() - 1));
}

QSize LayoutEditorGrid::sizeHint() const
{
    return QSize(480, 270);
}

QSize LayoutEditorGrid::minimumSizeHint() const
{
    return QSize(240, 135);
}

void LayoutEditorGrid::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const QPalette& colours = palette();
    painter.fillRect(rect(), colours.color(QPalette::Base));
    const QRect area = surface();
    if (area.isEmpty())
        return;

    // Cells no tile covers (possible in a hand-made layout) show as dashed outlines.
    painter.setPen(QPen(colours.color(QPalette::Mid), 1, Qt::DashLine));
    painter.setBrush(Qt::NoBrush);
    for (int r = 0; r < m_layout.rows(); ++r)
        for (int c = 0; c < m_layout.columns(); ++c)
            painter.drawRect(cellRect(QPoint(c, r)).adjusted(0, 0, -1, -1));

    QFont numberFont = font();
    numberFont.setBold(true);
    painter.setFont(numberFont);
    for (int tile = 0; tile < m_layout.tileCount(); ++tile) {
        const QRect box = m_layout.tileRect(tile, area.size(), kGapPx).translated(area.topLeft());
        painter.fillRect(box, colours.color(QPalette::Button));
        painter.setPen(colours.color(QPalette::Mid));
        painter.drawRect(box.adjusted(0, 0, -1, -1));
        painter.setPen(colours.color(QPalette::ButtonText));
        // Numbered as the wall numbers its tiles (the digit keys select them).
        painter.drawText(box, Qt::AlignCenter, QString::number(tile + 1));
    }

    const QRect selected = selection();
    if (!selected.isEmpty()) {
        const QRect box = cellRect(selected.topLeft()).united(cellRect(selected.bottomRight()));
        QColor fill = colours.color(QPalette::Highlight);
        fill.setAlpha(80);
        painter.fillRect(box, fill);
        painter.setPen(QPen(colours.color(QPalette::Highlight), 2));
        painter.drawRect(box.adjusted(1, 1, -1, -1));
        if (hasFocus()) {
            painter.setPen(QPen(colours.color(QPalette::Text), 1, Qt::DotLine));
            painter.drawRect(cellRect(m_cursor).adjusted(3, 3, -4, -4));
        }
    }
}

void LayoutEditorGrid::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const QRect before = selection();
    const QPoint cell = cellAt(event->position().toPoint());
    // Shift+click stretches the current selection, as in a spreadsheet.
    if (!(event->modifiers() & Qt::ShiftModifier))
        m_anchor = cell;
    m_cursor = cell;
    m_dragging = true;
    selectionUpdated(before);
}

void LayoutEditorGrid::mouseMoveEvent(QMouseEvent* event)
{
    // The drag is followed from press to release rather than through event->buttons(), which synthesised
    // events do not always carry.
    if (!m_dragging) {
        QWidget::mouseMoveEvent(event);
        return;
    }
    const QRect before = selection();
    m_cursor = cellAt(event->position().toPoint());
    selectionUpdated(before);
}

void LayoutEditorGrid::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && m_dragging) {
        const QRect before = selection();
        m_cursor = cellAt(event->position().toPoint());
        m_dragging = false;
        selectionUpdated(before);
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void LayoutEditorGrid::keyPressEvent(QKeyEvent* event)
{
    if (event->matches(QKeySequence::SelectAll)) {
        setSelection(QRect(0, 0, m_layout.columns(), m_layout.rows()));
        return;
    }
    const bool extend = event->modifiers() & Qt::ShiftModifier;
    const Qt::KeyboardModifiers others = event->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);
    if (others != Qt::NoModifier) {
        QWidget::keyPressEvent(event);  // Alt+letter mnemonics and the like belong to the dialog
        return;
    }
    switch (event->key()) {
    case Qt::Key_Left: moveCursor(m_cursor + QPoint(-1, 0), extend); return;
    case Qt::Key_Right: moveCursor(m_cursor + QPoint(1, 0), extend); return;
    case Qt::Key_Up: moveCursor(m_cursor + QPoint(0, -1), extend); return;
    case Qt::Key_Down: moveCursor(m_cursor + QPoint(0, 1), extend); return;
    case Qt::Key_Home: moveCursor(QPoint(0, 0), extend); return;
    case Qt::Key_End: moveCursor(QPoint(m_layout.columns() - 1, m_layout.rows() - 1), extend); return;
    case Qt::Key_M:
        if (!extend) {
            emit mergeRequested();
            return;
        }
        break;
    case Qt::Key_S:
        if (!extend) {
            emit splitRequested();
            return;
        }
        break;
    default: break;
    }
    QWidget::keyPressEvent(event);
}

void LayoutEditorGrid::moveCursor(QPoint cell, bool extend)
{
    if (m_layout.columns() <= 0 || m_layout.rows() <= 0)
        return;
    const QRect before = selection();
    m_cursor = QPoint(std::clamp(cell.x(), 0, m_layout.columns() - 1), std::clamp(cell.y(), 0, m_layout.rows() - 1));
    if (!extend)
        m_anchor = m_cursor;
    selectionUpdated(before);
}

void LayoutEditorGrid::selectionUpdated(QRect before)
{
    update();  // the cursor may have moved within an unchanged selection
    if (selection() == before)
        return;
    updateAccessibleDescription();
    emit selectionChanged(selection());
}

void LayoutEditorGrid::updateAccessibleDescription()
{
    const QRect cells = selection();
    if (cells.isEmpty()) {
        setAccessibleDescription({});
        return;
    }
    // Counted from 1, as people count columns and rows.
    setAccessibleDescription(tr("Selected: columns %1 to %2, rows %3 to %4")
                                 .arg(cells.left() + 1)
                                 .arg(cells.right() + 1)
                                 .arg(cells.top() + 1)
                                 .arg(cells.bottom() + 1));
}

}  // namespace vigie::widgets
