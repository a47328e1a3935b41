#include "TileOverlayPainter.h"

#include <QFontMetricsF>
#include <QLocale>
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
const QColor kAlarm(220, 30, 30);
// Analytics boxes: amber, apart from the alarm red and readable on any picture.
const QColor kBox(255, 190, 0);
// PTZ control: the colour the wall steers with.
const QColor kControl(64, 200, 255);
const QColor kPlayback(40, 90, 200);  // recorded video: a blue flag, never the live red
const QColor kRecordingDot(255, 40, 40);
const QColor kFlagBox(0, 0, 0, 200);
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

qreal TileOverlayPainter::paintFlag(QPainter& painter, const QRectF& band, qreal right, const QString& text,
                                   const QColor& fill, const QColor& textColor, bool dot)
{
    const QFontMetricsF metrics(painter.font());
    const qreal pad = 4.0;
    const qreal height = std::min(band.height() - 4.0, metrics.height() + 2.0);
    const qreal dotSize = dot ? height * 0.5 : 0.0;
    const qreal width = metrics.horizontalAdvance(text) + 2 * pad + (dot ? dotSize + pad : 0.0);
    const QRectF box(right - width, band.center().y() - height / 2, width, height);
    if (box.left() < band.left())
        return 0.0;  // no room: left out rather than drawn over the title
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    painter.drawRoundedRect(box, 3.0, 3.0);
    qreal textLeft = box.left() + pad;
    if (dot) {
        painter.setBrush(kRecordingDot);
        painter.drawEllipse(QRectF(textLeft, box.center().y() - dotSize / 2, dotSize, dotSize));
        textLeft += dotSize + pad;
    }
    painter.setPen(textColor);
    painter.drawText(QRectF(textLeft, box.top(), box.right() - pad - textLeft, box.height()),
                     Qt::AlignLeft | Qt::AlignVCenter, text);
    painter.restore();
    return width;
}

void TileOverlayPainter::paintZoomBadge(QPainter& painter, const QRectF& tile, double zoom, qreal top)
{
    const QFont saved = painter.font();
    QFont font = saved;
    font.setPixelSize(std::clamp(int(tile.height() / 20.0), 8, 13));
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    const qreal pad = 3.0;
    const qreal margin = 4.0;
    const QString text = tr("×%1").arg(QLocale().toString(zoom, 'f', 1));
    const QRectF box(tile.right() - margin - metrics.horizontalAdvance(text) - 2 * pad, tile.top() + top + margin,
                     metrics.horizontalAdvance(text) + 2 * pad, metrics.height() + 2 * pad);
    painter.fillRect(box, kStatisticsBox);
    painter.setPen(kStatisticsText);
    painter.drawText(box, Qt::AlignCenter, text);
    painter.setFont(saved);
}

void TileOverlayPainter::paintBoxes(QPainter& painter, const TileOverlay& overlay, const State& state)
{
    painter.save();
    painter.setClipRect(state.picture, Qt::IntersectClip);  // a box never spills over the letterbox bars
    QPen pen(kBox, 2.0);
    pen.setJoinStyle(Qt::MiterJoin);
    QFont font = painter.font();
    font.setPixelSize(11);
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    for (const TileOverlay::Box& box : overlay.boxes) {
        const QRectF r = state.zoomState.mapToViewport(box.rect, state.picture);
        const QColor colour = box.alarm ? kAlarm : kBox;  // an alarm's objects in the alarm red
        pen.setColor(colour);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(r);
        if (!box.label.isEmpty()) {
            // Above the box, or inside its top edge when the box touches the top of the picture.
            const qreal height = metrics.height() + 2;
            const qreal top = r.top() - height >= state.picture.top() ? r.top() - height : r.top();
            const QRectF label(r.left(), top, metrics.horizontalAdvance(box.label) + 6, height);
            painter.fillRect(label, colour);
            painter.setPen(box.alarm ? Qt::white : Qt::black);
            painter.drawText(label, Qt::AlignCenter, box.label);
        }
    }
    painter.restore();
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
    const OverlayItems items = state.items;

    if (items.testFlag(OverlayItem::Boxes) && state.hasPicture && !overlay.boxes.isEmpty())
        paintBoxes(painter, overlay, state);

    if (items.testFlag(OverlayItem::Alarm) && overlay.alarm) {
        // Under the selection border: an alarm stays visible on the selected tile.
        const qreal width = 4.0;
        QPen pen(kAlarm, width);
        pen.setJoinStyle(Qt::MiterJoin);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(tile.adjusted(width / 2, width / 2, -width / 2, -width / 2));
    }

    const auto timeText = [](const QDateTime& time) {
        return time.isValid() ? time.toLocalTime().toString(QStringLiteral("HH:mm:ss")) : QString();
    };
    // A recording shows when it was recorded, never the time now: the two must not be mistaken.
    const bool clockShown = items.testFlag(OverlayItem::Clock) && state.clock.isValid() && !overlay.playback;
    // A problem is always said, whatever the operator chose to hide: never a silent black tile.
    const bool problem = overlay.severity == TileOverlay::Severity::Warning || overlay.severity == TileOverlay::Severity::Error;
    const bool stateShown = items.testFlag(OverlayItem::StreamState) || problem;
    // A recorded picture's time is the review's (its transport bar says it), not when the wall showed it.
    const QString lastFrame = stateShown && !overlay.playback ? timeText(state.lastFrame) : QString();
    const QString topTime = overlay.playback ? (state.recordedTime.isValid()
                                                    ? state.recordedTime.toLocalTime().toString(QStringLiteral("dd/MM HH:mm:ss"))
                                                    : QString())
                                             : clockShown ? timeText(state.clock) : lastFrame;
    const QString bottomTime = clockShown ? lastFrame : QString();
    const QString title = items.testFlag(OverlayItem::CameraName) ? overlay.title : QString();
    const bool recording = items.testFlag(OverlayItem::Recording) && overlay.recording;
    const bool alarm = items.testFlag(OverlayItem::Alarm) && overlay.alarm;
    const QString control = overlay.control;  // always: who steers the camera is never hidden
    const QString status = stateShown ? overlay.status : QString();

    bool topBand = false;
    const bool playback = overlay.playback;  // always: a recording must never pass for live video
    if (roomForBands && (!title.isEmpty() || !topTime.isEmpty() || recording || alarm || !control.isEmpty() || playback)) {
        topBand = true;
        const QRectF band(tile.left(), tile.top(), tile.width(), bandHeight);
        painter.fillRect(band, kBand);
        const QRectF text = band.adjusted(pad + 2, 0, -(pad + 2), 0);
        qreal right = text.right();
        if (!topTime.isEmpty()) {
            painter.setPen(kHint.lighter(130));
            painter.drawText(text, Qt::AlignRight | Qt::AlignVCenter, topTime);
            right -= metrics.horizontalAdvance(topTime) + 2 * pad;
        }
        if (playback) {
            const qreal width = paintFlag(painter, text, right, tr("PLAYBACK"), kPlayback, Qt::white, false);
            if (width > 0)
                right -= width + pad;
        }
        if (recording) {
            const qreal width = paintFlag(painter, text, right, tr("REC"), kFlagBox, kTitle, true);
            if (width > 0)
                right -= width + pad;
        }
        if (alarm) {
            const qreal width = paintFlag(painter, text, right, tr("ALARM"), kAlarm, Qt::white, false);
            if (width > 0)
                right -= width + pad;
        }
        if (!control.isEmpty()) {
            const qreal width = paintFlag(painter, text, right, control, kControl, Qt::black, false);
            if (width > 0)
                right -= width + pad;
        }
        painter.setPen(kTitle);
        const qreal titleWidth = std::max<qreal>(0, right - text.left());
        painter.drawText(QRectF(text.left(), text.top(), titleWidth, text.height()), Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(title, Qt::ElideRight, titleWidth));
    }
    if (roomForBands && !status.isEmpty()) {
        const QRectF band(tile.left(), tile.bottom() - bandHeight, tile.width(), bandHeight);
        painter.fillRect(band, kBand);
        const QRectF text = band.adjusted(pad + 2, 0, -(pad + 2), 0);
        qreal timeWidth = 0;
        if (!bottomTime.isEmpty()) {
            timeWidth = metrics.horizontalAdvance(bottomTime) + 2 * pad;
            painter.setPen(kHint.lighter(130));
            painter.drawText(text, Qt::AlignRight | Qt::AlignVCenter, bottomTime);
        }
        painter.setPen(severityColor(overlay.severity));
        painter.drawText(text.adjusted(0, 0, -timeWidth, 0), Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(status, Qt::ElideRight, std::max<qreal>(0, text.width() - timeWidth)));
    }
    const qreal top = topBand ? bandHeight : 0.0;
    if (!overlay.statistics.isEmpty())
        paintStatistics(painter, tile, overlay.statistics, top);
    if (state.zoom > 1.0)
        paintZoomBadge(painter, tile, state.zoom, top);
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
