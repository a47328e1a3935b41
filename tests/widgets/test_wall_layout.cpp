// Wall geometry: tiles and gaps cover the surface exactly, hit-testing agrees with the rectangles,
// and pictures are letterboxed with their aspect ratio.

#include <QtTest>

#include <algorithm>
#include <set>
#include <vector>

#include "vigie/widgets/WallLayout.h"

using vigie::widgets::WallLayout;

class TestWallLayout : public QObject {
    Q_OBJECT
private slots:
    void grid_data();
    void grid();
    void tilesCoverSurface_data();
    void tilesCoverSurface();
    void spans();
    void degenerate();
    void fitRect_data();
    void fitRect();
};

void TestWallLayout::grid_data()
{
    QTest::addColumn<int>("columns");
    QTest::addColumn<int>("rows");
    for (int n : {1, 2, 3, 4})
        QTest::addRow("%dx%d", n, n) << n << n;
    QTest::addRow("3x2") << 3 << 2;
}

void TestWallLayout::grid()
{
    QFETCH(int, columns);
    QFETCH(int, rows);
    const WallLayout layout = WallLayout::grid(columns, rows);
    QCOMPARE(layout.columns(), columns);
    QCOMPARE(layout.rows(), rows);
    QCOMPARE(layout.tileCount(), columns * rows);
    for (int tile = 0; tile < layout.tileCount(); ++tile)
        QCOMPARE(layout.cellOf(tile), QRect(tile % columns, tile / columns, 1, 1));
    QVERIFY(layout.cellOf(-1).isEmpty());
    QVERIFY(layout.cellOf(layout.tileCount()).isEmpty());
}

void TestWallLayout::tilesCoverSurface_data()
{
    QTest::addColumn<int>("columns");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QSize>("surface");
    QTest::addColumn<int>("gap");
    const QList<QSize> sizes{{800, 600}, {1366, 768}, {1001, 777}, {333, 201}, {17, 13}, {640, 361}};
    for (int n : {1, 2, 3, 4}) {
        for (const QSize& s : sizes) {
            for (int gap : {0, 1, 2, 5}) {
                // Each tile needs at least one pixel besides the gaps (see degenerate()).
                if (std::min(s.width(), s.height()) - (n - 1) * gap < n)
                    continue;
                QTest::addRow("%dx%d %dx%d gap %d", n, n, s.width(), s.height(), gap) << n << n << s << gap;
            }
        }
    }
    QTest::addRow("5x3 odd") << 5 << 3 << QSize(1279, 719) << 3;
}

void TestWallLayout::tilesCoverSurface()
{
    QFETCH(int, columns);
    QFETCH(int, rows);
    QFETCH(QSize, surface);
    QFETCH(int, gap);
    const WallLayout layout = WallLayout::grid(columns, rows);

    // Paint every pixel with the tile owning it; count owners per pixel.
    std::vector<int> owners(std::size_t(surface.width() * surface.height()), 0);
    std::vector<int> ownerTile(owners.size(), -1);
    int minWidth = INT_MAX, maxWidth = 0, minHeight = INT_MAX, maxHeight = 0;
    for (int tile = 0; tile < layout.tileCount(); ++tile) {
        const QRect r = layout.tileRect(tile, surface, gap);
        QVERIFY2(!r.isEmpty(), qPrintable(QStringLiteral("tile %1 empty").arg(tile)));
        QVERIFY(QRect(QPoint(0, 0), surface).contains(r));
        minWidth = std::min(minWidth, r.width());
        maxWidth = std::max(maxWidth, r.width());
        minHeight = std::min(minHeight, r.height());
        maxHeight = std::max(maxHeight, r.height());
        for (int y = r.top(); y <= r.bottom(); ++y)
            for (int x = r.left(); x <= r.right(); ++x) {
                ++owners[std::size_t(y * surface.width() + x)];
                ownerTile[std::size_t(y * surface.width() + x)] = tile;
            }
    }
    // Sizes differ by at most one pixel: the remainder is spread.
    QVERIFY(maxWidth - minWidth <= 1);
    QVERIFY(maxHeight - minHeight <= 1);

    // Pixels not in a tile must be exactly the gap lines: columns and rows of gap pixels between cells.
    int covered = 0;
    for (int y = 0; y < surface.height(); ++y) {
        for (int x = 0; x < surface.width(); ++x) {
            const int n = owners[std::size_t(y * surface.width() + x)];
            if (n > 1)
                QFAIL(qPrintable(QStringLiteral("overlap at %1,%2").arg(x).arg(y)));
            covered += n;
        }
    }
    // tileAt agrees with the rectangles (gaps included: -1) on every tile edge, the pixels either side
    // of it, and a coarse grid in between.
    std::set<int> xs, ys;
    for (int v = 0; v < surface.width(); v += 7)
        xs.insert(v);
    for (int v = 0; v < surface.height(); v += 7)
        ys.insert(v);
    for (int tile = 0; tile < layout.tileCount(); ++tile) {
        const QRect r = layout.tileRect(tile, surface, gap);
        for (int d : {-1, 0, 1}) {
            xs.insert(std::clamp(r.left() + d, 0, surface.width() - 1));
            xs.insert(std::clamp(r.right() + d, 0, surface.width() - 1));
            ys.insert(std::clamp(r.top() + d, 0, surface.height() - 1));
            ys.insert(std::clamp(r.bottom() + d, 0, surface.height() - 1));
        }
    }
    for (int y : ys) {
        for (int x : xs) {
            const int expected = ownerTile[std::size_t(y * surface.width() + x)];
            if (layout.tileAt(QPoint(x, y), surface, gap) != expected)
                QFAIL(qPrintable(QStringLiteral("tileAt(%1,%2) != %3").arg(x).arg(y).arg(expected)));
        }
    }
    // Total area = surface minus the gap lines (columns-1 vertical ones, rows-1 horizontal ones).
    const int gapColumns = (columns - 1) * gap;
    const int gapRows = (rows - 1) * gap;
    QCOMPARE(covered, (surface.width() - gapColumns) * (surface.height() - gapRows));

    // Neighbours are exactly gap pixels apart; the outer tiles touch the border.
    for (int tile = 0; tile < layout.tileCount(); ++tile) {
        const QRect r = layout.tileRect(tile, surface, gap);
        const int c = tile % columns, row = tile / columns;
        if (c == 0)
            QCOMPARE(r.left(), 0);
        if (c == columns - 1)
            QCOMPARE(r.right(), surface.width() - 1);
        else
            QCOMPARE(layout.tileRect(tile + 1, surface, gap).left(), r.right() + 1 + gap);
        if (row == 0)
            QCOMPARE(r.top(), 0);
        if (row == rows - 1)
            QCOMPARE(r.bottom(), surface.height() - 1);
        else
            QCOMPARE(layout.tileRect(tile + columns, surface, gap).top(), r.bottom() + 1 + gap);
    }
    QCOMPARE(layout.tileAt(QPoint(-1, 0), surface, gap), -1);
    QCOMPARE(layout.tileAt(QPoint(surface.width(), 0), surface, gap), -1);
}

void TestWallLayout::spans()
{
    // One big tile over 2x2 cells of a 3x3 grid, five small ones around it.
    const WallLayout layout = WallLayout::fromCells(
        3, 3, {QRect(0, 0, 2, 2), QRect(2, 0, 1, 1), QRect(2, 1, 1, 1), QRect(0, 2, 1, 1), QRect(1, 2, 1, 1),
               QRect(2, 2, 1, 1)});
    QCOMPARE(layout.tileCount(), 6);
    const QSize surface(900, 600);
    const QRect big = layout.tileRect(0, surface, 3);
    const QRect small = layout.tileRect(1, surface, 3);
    QCOMPARE(big.topLeft(), QPoint(0, 0));
    QCOMPARE(big.right() + 1 + 3, small.left());        // one gap to the right column
    QCOMPARE(big.bottom() + 1 + 3, layout.tileRect(3, surface, 3).top());
    QCOMPARE(big.width(), 2 * small.width() + 3);       // spans the inner gap too
    QCOMPARE(layout.tileAt(big.center(), surface, 3), 0);
    // Invalid cells are dropped.
    QCOMPARE(WallLayout::fromCells(2, 2, {QRect(1, 1, 2, 1), QRect(0, 0, 1, 1)}).tileCount(), 1);
}

void TestWallLayout::degenerate()
{
    const WallLayout empty;
    QCOMPARE(empty.tileCount(), 0);
    QCOMPARE(empty.tileAt(QPoint(1, 1), QSize(10, 10), 0), -1);
    QCOMPARE(WallLayout::grid(0, 3).tileCount(), 0);
    const WallLayout layout = WallLayout::grid(4, 4);
    QVERIFY(layout.tileRect(0, QSize(0, 0), 2).isEmpty());
    QVERIFY(layout.tileRect(0, QSize(5, 5), 2).isEmpty());  // gaps eat the whole surface
    QVERIFY(layout.tileRect(16, QSize(800, 600), 2).isEmpty());
}

void TestWallLayout::fitRect_data()
{
    QTest::addColumn<QSize>("picture");
    QTest::addColumn<QRect>("tile");
    QTest::addColumn<QRect>("expected");
    QTest::addRow("16:9 in 4:3 letterbox") << QSize(1920, 1080) << QRect(0, 0, 400, 300) << QRect(0, 37, 400, 225);
    QTest::addRow("4:3 in 16:9 pillarbox") << QSize(640, 480) << QRect(10, 20, 320, 180) << QRect(50, 20, 240, 180);
    QTest::addRow("exact") << QSize(640, 360) << QRect(5, 5, 320, 180) << QRect(5, 5, 320, 180);
    QTest::addRow("square in odd") << QSize(256, 256) << QRect(0, 0, 397, 298) << QRect(49, 0, 298, 298);
    QTest::addRow("empty picture") << QSize() << QRect(1, 2, 30, 40) << QRect(1, 2, 30, 40);
    QTest::addRow("thin") << QSize(1000, 1) << QRect(0, 0, 100, 100) << QRect(0, 49, 100, 1);
}

void TestWallLayout::fitRect()
{
    QFETCH(QSize, picture);
    QFETCH(QRect, tile);
    QFETCH(QRect, expected);
    const QRect r = WallLayout::fitRect(picture, tile);
    QCOMPARE(r, expected);
    QVERIFY(tile.contains(r));
}

QTEST_GUILESS_MAIN(TestWallLayout)
#include "test_wall_layout.moc"
