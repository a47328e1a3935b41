// The layout editor as an operator uses it: cells selected by dragging the mouse or by Shift+arrows,
// merged and split by button or key, the grid resized, a preset picked, the layout named and accepted.

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QtTest>

#include "vigie/widgets/LayoutEditorDialog.h"
#include "vigie/widgets/LayoutEditorGrid.h"
#include "vigie/widgets/LayoutPresets.h"

using vigie::widgets::LayoutEditorDialog;
using vigie::widgets::LayoutEditorGrid;
using vigie::widgets::LayoutPresets;
using vigie::widgets::WallLayout;

class TestLayoutEditor : public QObject {
    Q_OBJECT
private slots:
    void dragSelectMergeAndSplit();
    void keyboardOnlyMerge();
    void refusedMergeSaysWhy();
    void gridSizeAndPresets();
    void okNeedsName();
    void okReturnsNameLayoutAndMapping();
    void cancelReturnsNothing();
};

namespace {

LayoutEditorGrid* gridOf(const LayoutEditorDialog& dialog)
{
    return dialog.findChild<LayoutEditorGrid*>(QStringLiteral("layoutGrid"));
}

QPoint centreOf(const LayoutEditorGrid* grid, int column, int row)
{
    return grid->cellRect(QPoint(column, row)).center();
}

}  // namespace

void TestLayoutEditor::dragSelectMergeAndSplit()
{
    LayoutEditorDialog dialog(WallLayout::grid(3, 3));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    LayoutEditorGrid* grid = gridOf(dialog);
    QVERIFY(grid);
    auto* merge = dialog.findChild<QPushButton*>(QStringLiteral("mergeButton"));
    auto* split = dialog.findChild<QPushButton*>(QStringLiteral("splitButton"));
    QVERIFY(merge && split);
    QVERIFY(!split->isEnabled());  // only single cells so far

    // Drag from the top-left cell to the centre one: 2x2 cells.
    QTest::mousePress(grid, Qt::LeftButton, {}, centreOf(grid, 0, 0));
    QTest::mouseMove(grid, centreOf(grid, 1, 0));
    QTest::mouseMove(grid, centreOf(grid, 1, 1));
    QTest::mouseRelease(grid, Qt::LeftButton, {}, centreOf(grid, 1, 1));
    QCOMPARE(dialog.selection(), QRect(0, 0, 2, 2));
    QVERIFY(merge->isEnabled());

    QTest::mouseClick(merge, Qt::LeftButton);
    QCOMPARE(dialog.layout(), LayoutPresets::uneven(LayoutPresets::Uneven::OnePlusFive));
    QCOMPARE(grid->layout(), dialog.layout());
    // The big tile takes over the four tiles it was made of; the others keep their own.
    QCOMPARE(dialog.edit().sources,
             (QList<QList<int>>{{0, 1, 3, 4}, {2}, {5}, {6}, {7}, {8}}));
    QVERIFY(!merge->isEnabled());  // the selection is one tile now
    QVERIFY(split->isEnabled());

    // S splits it back into the plain grid; the big tile's camera goes back to the top-left cell.
    QTest::keyClick(grid, Qt::Key_S);
    QCOMPARE(dialog.layout(), WallLayout::grid(3, 3));
    QCOMPARE(dialog.edit().keptTiles({"a", "b", "c", "d", "e", "f", "g", "h", "i"}),
             (QList<int>{0, -1, 2, -1, -1, 5, 6, 7, 8}));

    // A drag the other way round (bottom-right to top-left) selects the same rectangle.
    QTest::mousePress(grid, Qt::LeftButton, {}, centreOf(grid, 2, 2));
    QTest::mouseMove(grid, centreOf(grid, 1, 1));
    QTest::mouseRelease(grid, Qt::LeftButton, {}, centreOf(grid, 1, 1));
    QCOMPARE(dialog.selection(), QRect(1, 1, 2, 2));
    // Beyond the widget's edge the drag keeps to the last cell.
    QTest::mousePress(grid, Qt::LeftButton, {}, centreOf(grid, 0, 0));
    QTest::mouseMove(grid, QPoint(grid->width() + 50, grid->height() + 50));
    QTest::mouseRelease(grid, Qt::LeftButton, {}, QPoint(grid->width() + 50, grid->height() + 50));
    QCOMPARE(dialog.selection(), QRect(0, 0, 3, 3));
}

void TestLayoutEditor::keyboardOnlyMerge()
{
    LayoutEditorDialog dialog(WallLayout::grid(3, 3));
    dialog.show();
    dialog.activateWindow();  // no window manager under Xvfb to do it
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    LayoutEditorGrid* grid = gridOf(dialog);
    QCOMPARE(QApplication::focusWidget(), grid);  // the cells have the focus from the start
    QCOMPARE(dialog.selection(), QRect(0, 0, 1, 1));

    // Cursor one cell right, then stretch the selection right and down: cells (1,0)-(2,1).
    QTest::keyClick(grid, Qt::Key_Right);
    QTest::keyClick(grid, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(grid, Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(dialog.selection(), QRect(1, 0, 2, 2));
    QTest::keyClick(grid, Qt::Key_M);
    const WallLayout expected = WallLayout::fromCells(
        3, 3, {QRect(0, 0, 1, 1), QRect(1, 0, 2, 2), QRect(0, 1, 1, 1), QRect(0, 2, 1, 1), QRect(1, 2, 1, 1),
               QRect(2, 2, 1, 1)});
    QCOMPARE(dialog.layout(), expected);

    // Alt+M (the button's mnemonic) works from anywhere in the dialog: whole bottom row.
    QTest::keyClick(grid, Qt::Key_End);
    QTest::keyClick(grid, Qt::Key_Left, Qt::ShiftModifier);
    QTest::keyClick(grid, Qt::Key_Left, Qt::ShiftModifier);
    QCOMPARE(dialog.selection(), QRect(0, 2, 3, 1));
    QTest::keyClick(grid, Qt::Key_M, Qt::AltModifier);
    QTRY_COMPARE(dialog.layout().tileCount(), 4);  // a mnemonic "animates" the click: 100 ms later
    QCOMPARE(dialog.layout().cellOf(3), QRect(0, 2, 3, 1));

    // Name it by keyboard (Alt+N reaches the name field) and accept with Enter.
    QTest::keyClick(grid, Qt::Key_N, Qt::AltModifier);
    auto* name = dialog.findChild<QLineEdit*>(QStringLiteral("layoutName"));
    QCOMPARE(QApplication::focusWidget(), name);
    QTest::keyClicks(name, QStringLiteral("Gate"));  // "M" and "S" typed here are text, not commands
    QTest::keyClicks(name, QStringLiteral(" Ms"));
    QCOMPARE(dialog.layout().tileCount(), 4);
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.name(), QStringLiteral("Gate Ms"));
}

void TestLayoutEditor::refusedMergeSaysWhy()
{
    LayoutEditorDialog dialog(LayoutPresets::uneven(LayoutPresets::Uneven::OnePlusFive));
    auto* hint = dialog.findChild<QLabel*>(QStringLiteral("hintLabel"));
    QVERIFY(hint);
    // Half of the big tile and the column beside it.
    dialog.setSelection(QRect(1, 0, 2, 1));
    QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("mergeButton"))->isEnabled());
    QVERIFY(!dialog.mergeSelection());
    QVERIFY(hint->text().contains(QLatin1String("cuts through")));
    QCOMPARE(dialog.layout(), LayoutPresets::uneven(LayoutPresets::Uneven::OnePlusFive));
    // Moving the selection clears the hint.
    dialog.setSelection(QRect(2, 0, 1, 2));
    QVERIFY(hint->text().isEmpty());
    QVERIFY(!dialog.splitSelection());  // single cells only
    QVERIFY(!hint->text().isEmpty());
}

void TestLayoutEditor::gridSizeAndPresets()
{
    LayoutEditorDialog dialog(WallLayout::grid(2, 2));
    auto* columns = dialog.findChild<QSpinBox*>(QStringLiteral("columnsBox"));
    auto* rows = dialog.findChild<QSpinBox*>(QStringLiteral("rowsBox"));
    auto* presets = dialog.findChild<QComboBox*>(QStringLiteral("presetBox"));
    QVERIFY(columns && rows && presets);
    QCOMPARE(columns->minimum(), 1);
    QCOMPARE(columns->maximum(), 8);
    QCOMPARE(presets->currentText(), QStringLiteral("Grid 2×2"));  // the layout as opened is a preset

    columns->setValue(4);
    rows->setValue(3);
    QCOMPARE(dialog.layout(), WallLayout::grid(4, 3));
    QCOMPARE(presets->currentIndex(), -1);  // "Edited"
    QCOMPARE(dialog.edit().keptTiles({"a", "b", "c", "d"}), (QList<int>{0, 1, -1, -1, 2, 3, -1, -1, -1, -1, -1, -1}));

    // Picking 1+5 replaces the layout; tile i keeps tile i of the layout as opened.
    const int onePlusFive = presets->findText(LayoutPresets::name(LayoutPresets::Uneven::OnePlusFive));
    QVERIFY(onePlusFive > 0);
    presets->setFocus();
    presets->setCurrentIndex(onePlusFive);
    emit presets->activated(onePlusFive);
    QCOMPARE(dialog.layout(), LayoutPresets::uneven(LayoutPresets::Uneven::OnePlusFive));
    QCOMPARE(columns->value(), 3);
    QCOMPARE(rows->value(), 3);
    QCOMPARE(dialog.edit().keptTiles({"a", "b", "c", "d"}), (QList<int>{0, 1, 2, 3, -1, -1}));
    // And back to the layout as opened.
    emit presets->activated(0);
    QCOMPARE(dialog.layout(), WallLayout::grid(2, 2));
}

void TestLayoutEditor::okNeedsName()
{
    LayoutEditorDialog dialog(WallLayout::grid(2, 2));
    auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    dialog.setName(QStringLiteral("   "));
    QVERIFY(!ok->isEnabled());
    dialog.setName(QStringLiteral(" Hall "));
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.name(), QStringLiteral("Hall"));
}

void TestLayoutEditor::okReturnsNameLayoutAndMapping()
{
    QTimer::singleShot(0, [] {
        auto* dialog = qobject_cast<LayoutEditorDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("layoutName"))->text(), QStringLiteral("Hall"));
        dialog->setSelection(QRect(1, 1, 2, 2));
        QVERIFY(dialog->mergeSelection());
        auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("layoutName"));
        name->clear();
        QTest::keyClicks(name, QStringLiteral("Hall, centre"));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    const auto result = LayoutEditorDialog::ask(nullptr, WallLayout::grid(3, 3), QStringLiteral("Hall"));
    QVERIFY(result);
    QCOMPARE(result->name, QStringLiteral("Hall, centre"));
    QCOMPARE(result->edit.layout, WallLayout::fromCells(3, 3, {QRect(0, 0, 1, 1), QRect(1, 0, 1, 1), QRect(2, 0, 1, 1),
                                                               QRect(0, 1, 1, 1), QRect(1, 1, 2, 2), QRect(0, 2, 1, 1)}));
    // The cameras the caller had on the 3x3 wall: the merged tile keeps the first of its four that had one.
    const QStringList cameras{"a", "b", "c", "d", "", "f", "g", "h", "i"};
    const QList<int> kept = result->edit.keptTiles(cameras);
    QCOMPARE(WallLayout::Edit::carried(kept, cameras), (QStringList{"a", "b", "c", "d", "f", "g"}));
}

void TestLayoutEditor::cancelReturnsNothing()
{
    QTimer::singleShot(0, [] {
        if (auto* dialog = QApplication::activeModalWidget())
            QTest::keyClick(dialog, Qt::Key_Escape);
    });
    QVERIFY(!LayoutEditorDialog::ask(nullptr, WallLayout::grid(2, 2), QStringLiteral("x")));
}

QTEST_MAIN(TestLayoutEditor)
#include "test_layout_editor.moc"
