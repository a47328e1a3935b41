#include "CameraItemDelegate.h"

#include <QPainter>

#include "vigie/widgets/CameraTreeModel.h"

namespace vigie::widgets {

namespace {
constexpr int kBadgeGap = 4;
constexpr int kBadgePadding = 3;
}  // namespace

QStringList CameraItemDelegate::badges(const QModelIndex& index)
{
    QStringList list;
    if (index.data(CameraTreeModel::HasPtzRole).toBool())
        list << tr("PTZ");
    if (index.data(CameraTreeModel::RecordingRole).toBool())
        list << tr("REC");
    return list;
}

void CameraItemDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QStringList list = badges(index);
    if (list.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QFont small = option.font;
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.8));
    const QFontMetrics metrics(small);
    int width = 0;
    for (const QString& badge : list)
        width += metrics.horizontalAdvance(badge) + 2 * kBadgePadding + kBadgeGap + (badge == tr("REC") ? metrics.height() / 2 + 2 : 0);

    // The row's own drawing, narrowed so that its text ends before the badges.
    QStyleOptionViewItem narrowed = option;
    narrowed.rect.setRight(option.rect.right() - width);
    QStyledItemDelegate::paint(painter, narrowed, index);

    painter->save();
    painter->setFont(small);
    painter->setRenderHint(QPainter::Antialiasing);
    int x = option.rect.right() - width + kBadgeGap;
    const int height = metrics.height();
    const int y = option.rect.top() + (option.rect.height() - height) / 2;
    const QColor text = option.palette.color(QPalette::Text);
    for (const QString& badge : list) {
        const bool recording = badge == tr("REC");
        int w = metrics.horizontalAdvance(badge) + 2 * kBadgePadding;
        if (recording)
            w += height / 2 + 2;
        const QRect box(x, y, w, height);
        painter->setPen(QPen(text, 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
        QRect label = box.adjusted(kBadgePadding, 0, -kBadgePadding, 0);
        if (recording) {
            const int dot = height / 2;
            painter->setPen(Qt::NoPen);
            painter->setBrush(QColor(220, 40, 40));
            painter->drawEllipse(QRect(label.left(), y + (height - dot) / 2, dot, dot));
            label.setLeft(label.left() + dot + 2);
            painter->setPen(text);
        }
        painter->drawText(label, Qt::AlignCenter, badge);
        x += w + kBadgeGap;
    }
    painter->restore();
}

}  // namespace vigie::widgets
