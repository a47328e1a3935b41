#pragma once
// The look of the client. Control rooms are dim and operators watch for hours: the default is a dark
// palette on Qt's Fusion style (the same on every desktop), with text contrast well above WCAG AA.

#include <QColor>
#include <QPalette>

class QApplication;

namespace vigie::widgets {

class Theme {
public:
    enum class Kind { Dark, Light };

    static QPalette palette(Kind kind);
    // Fusion style + palette(kind), for the whole application.
    static void apply(QApplication& app, Kind kind);

    // WCAG 2 contrast ratio between two opaque colours, 1..21.
    static double contrastRatio(const QColor& a, const QColor& b);
};

}  // namespace vigie::widgets
