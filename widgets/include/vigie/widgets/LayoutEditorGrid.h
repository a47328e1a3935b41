#pragma once
// The cells of a layout being edited, painted as the wall would show its tiles, with a rectangular
// selection of cells. Mouse: press and drag over the cells. Keyboard: arrows move a cursor cell (the
// selection follows it), Shift+arrows stretch the selection from where it started, Home / End go to the
// first / last cell (with Shift: stretch to it), Ctrl+A selects every cell; M and S ask for a merge or a
// split of the selection. The editing itself is the
// owner's business (LayoutEditorDialog): this view shows and selects. GUI thread.

#include <QPoint>
#include <QRect>
#include <QWidget>

#include "vigie/widgets/WallLayout.h"

namespace vigie::widgets {

class LayoutEditorGrid : public QWidget {
    Q_OBJECT
public:
    explicit LayoutEditorGrid(QWidget* parent = nullptr);

    // Shows another layout; the selection is clamped to its grid.
    void setLayout(const WallLayout& layout);
    const WallLayout& layout() const { return m_layout; }

    // Selected cells, in grid units (never empty while the layout has cells).
    QRect selection() const;
    // Selects these cells (clamped to the grid); the cursor goes to the bottom-right cell.
    void setSelection(QRect cells);
    QPoint cursorCell() const { return m_cursor; }

    // Pixel rectangle of a cell inside the widget (for painting, hit-testing and tests).
    QRect cellRect(QPoint cell) const;
    // The cell under a widget position, clamped to the grid (a drag that leaves the grid keeps its edge).
    QPoint cellAt(QPoint pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void selectionChanged(QRect cells);
    void mergeRequested();
    void splitRequested();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    // The area the cells are drawn in: the widget less a margin for the focus frame.
    QRect surface() const;
    // Moves the cursor; `extend` keeps the anchor (Shift), else the selection collapses onto the cursor.
    void moveCursor(QPoint cell, bool extend);
    void selectionUpdated(QRect before);
    void updateAccessibleDescription();

    WallLayout m_layout;
    QPoint m_anchor;  // where the selection started (mouse press, or the cursor before Shift+arrows)
    QPoint m_cursor;  // the opposite corner, where the keyboard cursor is
    bool m_dragging = false;
};

}  // namespace vigie::widgets
