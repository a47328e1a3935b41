#include "vigie/widgets/TimelineColors.h"

#include <algorithm>

namespace vigie::widgets {

namespace {
QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t), float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}
}  // namespace

QColor TimelineColors::alarm(int priority) const
{
    return alarmPriority[std::clamp(priority, 1, 4) - 1];
}

TimelineColors TimelineColors::forPalette(const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor window = palette.color(QPalette::Window);
    const QColor text = palette.color(QPalette::Text);
    const bool dark = base.lightnessF() < 0.5;

    TimelineColors c;
    c.rowBackground = base;
    c.rowSeparator = mix(base, text, 0.10);
    c.rulerBackground = window;
    c.laneBackground = mix(base, window, 0.5);
    c.gutterBackground = window;
    c.text = text;
    c.mutedText = mix(text, base, 0.35);
    c.tick = mix(text, base, 0.45);
    c.grid = mix(base, text, 0.08);
    c.dayGrid = mix(base, text, 0.22);
    // Green for "there is video", as the control-room products operators know; muted so that a screen
    // full of it is not glaring, saturated enough to tell from the greys of gaps and retention.
    c.recorded = dark ? QColor(58, 150, 92) : QColor(46, 140, 80);
    c.gapOutline = mix(base, text, 0.40);
    c.outOfRetentionBackground = dark ? QColor(14, 14, 15) : QColor(200, 200, 200);
    c.outOfRetentionHatch = dark ? QColor(64, 64, 66) : QColor(150, 150, 150);
    c.loadingHatch = mix(base, text, 0.45);
    c.future = dark ? QColor(0, 0, 0, 90) : QColor(0, 0, 0, 25);
    c.now = dark ? QColor(80, 200, 250) : QColor(0, 120, 190);
    // The playhead is what the eye looks for: the warmest, brightest mark of the widget.
    c.playhead = QColor(255, 184, 40);
    c.playheadText = QColor(20, 20, 20);
    c.selection = QColor(palette.color(QPalette::Highlight));
    c.selection.setAlpha(90);
    c.selectionEdge = mix(palette.color(QPalette::Highlight), QColor(255, 255, 255), 0.35);
    c.bookmark = dark ? QColor(165, 120, 235) : QColor(120, 70, 200);
    c.focus = mix(palette.color(QPalette::Highlight), QColor(255, 255, 255), 0.3);
    c.alarmPriority[0] = QColor(240, 64, 52);
    c.alarmPriority[1] = QColor(250, 150, 40);
    c.alarmPriority[2] = dark ? QColor(232, 210, 80) : QColor(190, 160, 0);
    c.alarmPriority[3] = dark ? QColor(120, 170, 235) : QColor(60, 110, 190);
    return c;
}

}  // namespace vigie::widgets
