// The dark theme is readable: text contrast against its background in every role that carries text.

#include <QApplication>
#include <QStyle>
#include <QtTest/QTest>

#include "vigie/widgets/Theme.h"

using vigie::widgets::Theme;

class TestTheme : public QObject {
    Q_OBJECT
private slots:
    void contrastFormula();
    void darkPaletteIsReadable_data();
    void darkPaletteIsReadable();
    void disabledTextStaysLegibleButDistinct();
    void appliesToTheApplication();
};

void TestTheme::contrastFormula()
{
    QCOMPARE(Theme::contrastRatio(Qt::black, Qt::white), 21.0);
    QCOMPARE(Theme::contrastRatio(Qt::white, Qt::black), 21.0);
    QCOMPARE(Theme::contrastRatio(QColor(120, 120, 120), QColor(120, 120, 120)), 1.0);
    // WCAG's own example: #777 on white is just under 4.5.
    QVERIFY(qAbs(Theme::contrastRatio(QColor(0x77, 0x77, 0x77), Qt::white) - 4.48) < 0.01);
}

void TestTheme::darkPaletteIsReadable_data()
{
    QTest::addColumn<int>("foreground");
    QTest::addColumn<int>("background");
    QTest::addColumn<double>("minimum");
    // 7:1 (WCAG AAA) for body text; 4.5:1 (AA) for highlighted and tool-tip text.
    QTest::newRow("window text") << int(QPalette::WindowText) << int(QPalette::Window) << 7.0;
    QTest::newRow("text on base") << int(QPalette::Text) << int(QPalette::Base) << 7.0;
    QTest::newRow("text on alternate rows") << int(QPalette::Text) << int(QPalette::AlternateBase) << 7.0;
    QTest::newRow("button text") << int(QPalette::ButtonText) << int(QPalette::Button) << 7.0;
    QTest::newRow("selection") << int(QPalette::HighlightedText) << int(QPalette::Highlight) << 4.5;
    QTest::newRow("tool tips") << int(QPalette::ToolTipText) << int(QPalette::ToolTipBase) << 4.5;
    QTest::newRow("placeholder") << int(QPalette::PlaceholderText) << int(QPalette::Base) << 4.5;
}

void TestTheme::darkPaletteIsReadable()
{
    QFETCH(int, foreground);
    QFETCH(int, background);
    QFETCH(double, minimum);
    const QPalette p = Theme::palette(Theme::Kind::Dark);
    const double ratio = Theme::contrastRatio(p.color(QPalette::ColorRole(foreground)), p.color(QPalette::ColorRole(background)));
    QVERIFY2(ratio >= minimum, qPrintable(QStringLiteral("contrast %1").arg(ratio)));
    // And it is dark: the window is darker than mid-grey.
    QVERIFY(p.color(QPalette::Window).lightness() < 64);
}

void TestTheme::disabledTextStaysLegibleButDistinct()
{
    const QPalette p = Theme::palette(Theme::Kind::Dark);
    const QColor disabled = p.color(QPalette::Disabled, QPalette::WindowText);
    QVERIFY(Theme::contrastRatio(disabled, p.color(QPalette::Window)) >= 3.0);
    QVERIFY(Theme::contrastRatio(disabled, p.color(QPalette::Window))
            < Theme::contrastRatio(p.color(QPalette::WindowText), p.color(QPalette::Window)));
}

void TestTheme::appliesToTheApplication()
{
    Theme::apply(*qApp, Theme::Kind::Dark);
    QCOMPARE(QApplication::palette().color(QPalette::Window), Theme::palette(Theme::Kind::Dark).color(QPalette::Window));
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
}

QTEST_MAIN(TestTheme)
#include "test_theme.moc"
