// Preset wall layouts: every cell covered exactly once, the large tiles first, sizes as named.

#include <QtTest/QTest>

#include "vigie/widgets/LayoutPresets.h"

using vigie::widgets::LayoutPresets;
using vigie::widgets::WallLayout;
using Uneven = LayoutPresets::Uneven;

class TestLayoutPresets : public QObject {
    Q_OBJECT
private slots:
    void unevenPresets_data();
    void unevenPresets();
    void gridsUpToEightByEight();
    void everyPresetHasAName();
    void textFormRoundTrips();
    void arrowNeighbours();
    void damagedTextIsRefused_data();
    void damagedTextIsRefused();
};

namespace {

// How many tiles cover each cell of the layout's grid (every cell must be covered exactly once).
QList<int> coverage(const WallLayout& layout)
{
    QList<int> counts(layout.columns() * layout.rows(), 0);
    for (int tile = 0; tile < layout.tileCount(); ++tile) {
        const QRect cells = layout.cellOf(tile);
        for (int r = cells.top(); r <= cells.bottom(); ++r)
            for (int c = cells.left(); c <= cells.right(); ++c)
                ++counts[r * layout.columns() + c];
    }
    return counts;
}

}  // namespace

void TestLayoutPresets::unevenPresets_data()
{
    QTest::addColumn<int>("preset");
    QTest::addColumn<int>("tiles");
    QTest::addColumn<int>("bigTiles");
    QTest::addColumn<QSize>("grid");
    QTest::addColumn<QRect>("firstTile");
    QTest::newRow("1+5") << int(Uneven::OnePlusFive) << 6 << 1 << QSize(3, 3) << QRect(0, 0, 2, 2);
    QTest::newRow("1+7") << int(Uneven::OnePlusSeven) << 8 << 1 << QSize(4, 4) << QRect(0, 0, 3, 3);
    QTest::newRow("1+12") << int(Uneven::OnePlusTwelve) << 13 << 1 << QSize(4, 4) << QRect(1, 1, 2, 2);
    QTest::newRow("2+8") << int(Uneven::TwoPlusEight) << 10 << 2 << QSize(4, 4) << QRect(0, 0, 2, 2);
    QTest::newRow("3+4") << int(Uneven::ThreePlusFour) << 7 << 3 << QSize(4, 4) << QRect(0, 0, 2, 2);
    QTest::newRow("big+strip") << int(Uneven::BigPlusStrip) << 6 << 1 << QSize(5, 5) << QRect(0, 0, 5, 4);
}

void TestLayoutPresets::unevenPresets()
{
    QFETCH(int, preset);
    QFETCH(int, tiles);
    QFETCH(int, bigTiles);
    QFETCH(QSize, grid);
    QFETCH(QRect, firstTile);
    const WallLayout layout = LayoutPresets::uneven(Uneven(preset));
    QCOMPARE(layout.tileCount(), tiles);
    QCOMPARE(QSize(layout.columns(), layout.rows()), grid);
    QCOMPARE(layout.cellOf(0), firstTile);
    QCOMPARE(coverage(layout), QList<int>(grid.width() * grid.height(), 1));
    // The large tiles come first, then single cells.
    for (int tile = 0; tile < layout.tileCount(); ++tile) {
        const bool big = layout.cellOf(tile).width() > 1 || layout.cellOf(tile).height() > 1;
        QCOMPARE(big, tile < bigTiles);
    }
    // In pixels too: on a 1920x1080 surface with 2-pixel gaps, the main tile is the largest.
    const QSize surface(1920, 1080);
    const QRect main = layout.tileRect(0, surface, 2);
    for (int tile = 1; tile < layout.tileCount(); ++tile) {
        const QRect other = layout.tileRect(tile, surface, 2);
        QVERIFY(!other.isEmpty());
        QVERIFY(!other.intersects(main));
        QVERIFY(other.width() * other.height() <= main.width() * main.height());
    }
}

void TestLayoutPresets::gridsUpToEightByEight()
{
    for (int n = 1; n <= LayoutPresets::kMaxGrid; ++n) {
        const WallLayout layout = LayoutPresets::grid(n);
        QCOMPARE(layout.tileCount(), n * n);
        QCOMPARE(coverage(layout), QList<int>(n * n, 1));
    }
    QCOMPARE(LayoutPresets::grid(0), WallLayout::grid(1, 1));    // clamped
    QCOMPARE(LayoutPresets::grid(12), WallLayout::grid(8, 8));
}

void TestLayoutPresets::everyPresetHasAName()
{
    QSet<QString> names;
    for (Uneven preset : LayoutPresets::allUneven())
        names.insert(LayoutPresets::name(preset));
    QCOMPARE(names.size(), LayoutPresets::allUneven().size());
    QVERIFY(!names.contains(QString()));
    QCOMPARE(LayoutPresets::name(Uneven::OnePlusSeven), QStringLiteral("1+7"));
}

void TestLayoutPresets::textFormRoundTrips()
{
    QList<WallLayout> layouts{LayoutPresets::grid(1), LayoutPresets::grid(3), LayoutPresets::grid(8)};
    for (Uneven preset : LayoutPresets::allUneven())
        layouts << LayoutPresets::uneven(preset);
    for (const WallLayout& layout : layouts) {
        const auto back = WallLayout::fromText(layout.toText());
        QVERIFY2(back, qPrintable(layout.toText()));
        QCOMPARE(*back, layout);
    }
    QCOMPARE(LayoutPresets::uneven(Uneven::OnePlusFive).toText(),
             QStringLiteral("3x3:0,0,2,2;2,0,1,1;2,1,1,1;0,2,1,1;1,2,1,1;2,2,1,1"));
    QVERIFY(LayoutPresets::grid(4).isGrid());
    QVERIFY(!LayoutPresets::uneven(Uneven::OnePlusSeven).isGrid());
}

void TestLayoutPresets::arrowNeighbours()
{
    using Direction = WallLayout::Direction;
    const WallLayout grid = LayoutPresets::grid(3);  // 0 1 2 / 3 4 5 / 6 7 8
    QCOMPARE(grid.neighbour(4, Direction::Left), 3);
    QCOMPARE(grid.neighbour(4, Direction::Right), 5);
    QCOMPARE(grid.neighbour(4, Direction::Up), 1);
    QCOMPARE(grid.neighbour(4, Direction::Down), 7);
    QCOMPARE(grid.neighbour(0, Direction::Left), -1);  // the edge: stay
    QCOMPARE(grid.neighbour(8, Direction::Down), -1);
    QCOMPARE(grid.neighbour(42, Direction::Up), -1);

    // 1+7: big tile 0 (3x3 cells), 1..3 down the right side, 4..7 along the bottom.
    const WallLayout onePlusSeven = LayoutPresets::uneven(Uneven::OnePlusSeven);
    QCOMPARE(onePlusSeven.neighbour(0, Direction::Right), 1);  // the first of the tiles beside it
    QCOMPARE(onePlusSeven.neighbour(0, Direction::Down), 4);
    QCOMPARE(onePlusSeven.neighbour(2, Direction::Left), 0);   // from a small tile back to the big one
    QCOMPARE(onePlusSeven.neighbour(5, Direction::Up), 0);
    QCOMPARE(onePlusSeven.neighbour(3, Direction::Down), 7);   // right column into the corner
    QCOMPARE(onePlusSeven.neighbour(7, Direction::Left), 6);
    QCOMPARE(onePlusSeven.neighbour(0, Direction::Up), -1);
}

void TestLayoutPresets::damagedTextIsRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("no cells") << QStringLiteral("2x2:");
    QTest::newRow("no size") << QStringLiteral("0,0,1,1");
    QTest::newRow("bad size") << QStringLiteral("2y2:0,0,1,1");
    QTest::newRow("zero grid") << QStringLiteral("0x2:0,0,1,1");
    QTest::newRow("huge grid") << QStringLiteral("1000x1000:0,0,1,1");
    QTest::newRow("cell outside") << QStringLiteral("2x2:1,1,2,1");
    QTest::newRow("empty cell") << QStringLiteral("2x2:0,0,0,1");
    QTest::newRow("overlap") << QStringLiteral("2x2:0,0,2,2;1,1,1,1");
    QTest::newRow("not numbers") << QStringLiteral("2x2:a,b,c,d");
    QTest::newRow("three numbers") << QStringLiteral("2x2:0,0,1");
    QTest::newRow("binary junk") << QString::fromLatin1("\x01\xff:;;");
}

void TestLayoutPresets::damagedTextIsRefused()
{
    QFETCH(QString, text);
    QVERIFY(!WallLayout::fromText(text));
}

QTEST_GUILESS_MAIN(TestLayoutPresets)
#include "test_layout_presets.moc"
