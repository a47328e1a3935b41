#include "TileOverlayPainter.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace vigie::widgets {

namespace {
const QColor kBand(0, 0, 0, 170);  // white text keeps >= 4.5:1 contrast even over a white picture
const QColor kTitle(240, 240, 240);
const QColor kHint(150, 150, 150);
const QColor kSelection(64, 160, 255);
const QColor kDropTarget(255, 200, 64);
const QColor kStatisticsBox(0, 0, 0, 140);
const QColor kStatisticsText(230, 230, 230);
}  // namespace

void TileOverlayPainter::paintStatistics(QPainter& painter, const QRectF& tile, const QStringList& lines, qreal top)
{
    // Smaller than the title, in the top-left corner under the title band. The box never reaches the
    // tile's centre: lines that do not fit above it are left out, long lines are elided.
    const QFont saved = painter.font();
    QFont font = saved;
    font.setPixelSize(std::clamp(int(tile.height() / 20.0), 8, 13));
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    const qreal pad = 3.0;
    const qreal margin = 4.0;
    const qreal lineHeight = metrics.height();
    const qreal boxTop = tile.top() + top + margin;
    const qreal maxHeight = tile.center().y() - margin - boxTop;
    const int fitting = std::min<int>(int(lines.size()), int((maxHeight - 2 * pad) / lineHeight));
    if (fitting <= 0) {
        painter.setFont(saved);
        return;
    }
    const qreal maxTextWidth = std::max<qreal>(0, tile.width() - 2 * margin - 2 * pad);
    qreal textWidth = 0;
    for (int i = 0; i < fitting; ++i)
        textWidth = std::max(textWidth, metrics.horizontalAdvance(lines[i]));
    textWidth = std::min(textWidth, maxTextWidth);
    const QRectF box(tile.left() + margin, boxTop, textWidth + 2 * pad, fitting * lineHeight + 2 * pad);
    painter.fillRect(box, kStatisticsBox);
    painter.setPen(kStatisticsText);
    for (int i = 0; i < fitting; ++i) {
        const QRectF line(box.left() + pad, box.top() + pad + i * lineHeight, textWidth, lineHeight);
        painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, metrics.elidedText(lines[i], Qt::ElideRight, textWidth));
    }
    painter.setFont(saved);
}

QColor TileOverlayPainter::severityColor(TileOverlay::Severity severity)
{
    switch (severity) {
    case TileOverlay::Severity::Neutral: return QColor(220, 220, 220);
    case TileOverlay::Severity::Ok: return QColor(110, 220, 110);
    case TileOverlay::Severity::Busy: return QColor(120, 190, 255);
    case TileOverlay::Severity::Warning: return QColor(255, 190, 60);
    case TileOverlay::Severity::Error: return QColor(255, 100, 90);
    }
    return QColor(220, 220, 220);
}

void TileOverlayPainter::paint(QPainter& painter, const QRectF& tile, const TileOverlay& overlay, const State& state)
{
    // Text scales with the tile: readable on a 1x1 wall, still fits an 8x8 one.
    QFont font = painter.font();
    font.setPixelSize(std::clamp(int(tile.height() / 14.0), 9, 15));
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    const qreal pad = 4.0;
    const qreal bandHeight = metrics.height() + 2 * pad;
    const bool roomForBands = tile.height() >= 3 * bandHeight;

    const QString time = state.lastFrame.isValid()
                             ? state.lastFrame.toLocalTime().toString(QStringLiteral("HH:mm:ss"))
                             : QString();
    if (roomForBands && (!overlay.title.isEmpty() || !time.isEmpty())) {
        const QRectF band(tile.left(), tile.top(), tile.width(), bandHeight);
        painter.fillRect(band, kBand);
        const QRectF text = band.adjusted(pad + 2, 0, -(pad + 2), 0);
        qreal timeWidth = 0;
        if (!time.isEmpty()) {
            timeWidth = metrics.horizontalAdvance(time) + 2 * pad;
            painter.setPen(kHint.lighter(130));
            painter.drawText(text, Qt::AlignRight | Qt::AlignVCenter, time);
        }
        painter.setPen(kTitle);
        painter.drawText(text.adjusted(0, 0, -timeWidth, 0), Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(overlay.title, Qt::ElideRight, std::max<qreal>(0, text.width() - timeWidth)));
    }
    if (roomForBands && !overlay.status.isEmpty()) {
        const QRectF band(tile.left(), tile.bottom() - bandHeight, tile.width(), bandHeight);
        painter.fillRect(band, kBand);
        const QRectF text = band.adjusted(pad + 2, 0, -(pad + 2), 0);
        painter.setPen(severityColor(overlay.severity));
        painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(overlay.status, Qt::ElideRight, text.width()));
    }
    if (!overlay.statistics.isEmpty())
        paintStatistics(painter, tile, overlay.statistics, roomForBands ? bandHeight : 0.0);
    if (!state.hasFeed && !state.hasPicture) {
        painter.setPen(kHint);
        painter.drawText(tile.adjusted(pad, pad, -pad, -pad), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Drop a camera here"));
    }
    if (state.selected || state.dropTarget) {
        const qreal width = state.dropTarget ? 3.0 : 2.0;
        QPen pen(state.dropTarget ? kDropTarget : kSelection, width);
        pen.setJoinStyle(Qt::MiterJoin);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        // Inside the tile: the border is redrawn with the tile and never spills into a neighbour.
        painter.drawRect(tile.adjusted(width / 2, width / 2, -width / 2, -width / 2));
    }
}

}  // namespace vigie::widgets
