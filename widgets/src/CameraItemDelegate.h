#pragma once
// Draws a camera row of the tree as usual, plus its badges at the right edge: "PTZ" for a steerable
// camera, a red dot and "REC" for a recorded one. The text is elided before the badges, never under them.

#include <QStyledItemDelegate>

namespace vigie::widgets {

class CameraItemDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // The badges a row shows, in drawing order (for tests and accessibility).
    static QStringList badges(const QModelIndex& index);
};

}  // namespace vigie::widgets
