// Wall geometry: tiles and gaps cover the surface exactly, hit-testing agrees with the rectangles,
// and pictures are letterboxed with their aspect ratio.

#include <QtTest>

#include <algorithm>
#include <set>
#include <vector>

#include "vigie/widgets/LayoutPresets.h"
#include "vigie/widgets/WallLayout.h"

using vigie::widgets::LayoutPresets;
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
    void presetsSplitAndMergedBack_data();
    void presetsSplitAndMergedBack();
    void mergeRefusals();
    void mergeByTiles();
    void mergeMapping();
    void splitMapping();
    void editsCompose();
    void replacementKeepsTilesByIndex();
    void resizeClipsAndDrops();
    void resizeRefusals();
    void mergedCellsCoverPixelsExactly_data();
    void mergedCellsCoverPixelsExactly();
};

namespace {

// The uneven presets, by name, for data-driven tests.
void addPresetRows()
{
    QTest::addColumn<int>("preset");
    for (const auto preset : LayoutPresets::allUneven())
        QTest::newRow(qPrintable(LayoutPresets::name(preset))) << int(preset);
}

// True when every cell of the grid is covered by exactly one tile.
bool coversEveryCellOnce(const WallLayout& layout)
{
    QList<int> counts(layout.columns() * layout.rows(), 0);
    for (int tile = 0; tile < layout.tileCount(); ++tile) {
        const QRect cells = layout.cellOf(tile);
        for (int r = cells.top(); r <= cells.bottom(); ++r)
            for (int c = cells.left(); c <= cells.right(); ++c)
                ++counts[r * layout.columns() + c];
    }
    return std::all_of(counts.begin(), counts.end(), [](int n) { return n == 1; });
}

bool isInReadingOrder(const WallLayout& layout)
{
    for (int tile = 1; tile < layout.tileCount(); ++tile) {
        const QPoint a = layout.cellOf(tile - 1).topLeft();
        const QPoint b = layout.cellOf(tile).topLeft();
        if (a.y() > b.y() || (a.y() == b.y() && a.x() >= b.x()))
            return false;
    }
    return true;
}

}  // namespace

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

void TestWallLayout::presetsSplitAndMergedBack_data()
{
    addPresetRows();
}

void TestWallLayout::presetsSplitAndMergedBack()
{
    QFETCH(int, preset);
    const WallLayout layout = LayoutPresets::uneven(LayoutPresets::Uneven(preset));
    const WallLayout plain = WallLayout::grid(layout.columns(), layout.rows());

    // Splitting every large tile gives the plain grid of the same size.
    WallLayout current = layout;
    for (int tile = 0; tile < current.tileCount();) {
        if (const auto edit = current.split(tile)) {
            QVERIFY(coversEveryCellOnce(edit->layout));
            QVERIFY(isInReadingOrder(edit->layout));
            current = edit->layout;
            tile = 0;
        } else {
            ++tile;
        }
    }
    QCOMPARE(current, plain);

    // Merging the large tiles' cells back gives the preset again, numbered in reading order.
    for (int tile = 0; tile < layout.tileCount(); ++tile) {
        const QRect cells = layout.cellOf(tile);
        if (cells.size() == QSize(1, 1))
            continue;
        const auto edit = current.merged(cells);
        QVERIFY(edit);
        QVERIFY(coversEveryCellOnce(edit->layout));
        QVERIFY(isInReadingOrder(edit->layout));
        current = edit->layout;
    }
    QCOMPARE(current, layout.inReadingOrder());
    QCOMPARE(current.inReadingOrder(), current);
    // A round trip through the settings text keeps it.
    QCOMPARE(WallLayout::fromText(current.toText()), std::optional<WallLayout>(current));
}

void TestWallLayout::mergeRefusals()
{
    const WallLayout onePlusFive = LayoutPresets::uneven(LayoutPresets::Uneven::OnePlusFive);
    // Cuts through the 2x2 tile.
    QVERIFY(!onePlusFive.merged(QRect(1, 0, 2, 1)));
    QVERIFY(!onePlusFive.merged(QRect(0, 1, 1, 2)));
    // Already one tile: nothing to merge.
    QVERIFY(!onePlusFive.merged(QRect(0, 0, 2, 2)));
    QVERIFY(!onePlusFive.merged(QRect(2, 2, 1, 1)));
    // Empty or outside the grid.
    QVERIFY(!onePlusFive.merged(QRect()));
    QVERIFY(!onePlusFive.merged(QRect(2, 2, 2, 1)));
    QVERIFY(!onePlusFive.merged(QRect(-1, 0, 2, 2)));
    QVERIFY(!WallLayout().merged(QRect(0, 0, 1, 1)));
    // Unknown tiles, no tile.
    QVERIFY(!onePlusFive.merged(QList<int>{}));
    QVERIFY(!onePlusFive.merged(QList<int>{0, 6}));
    QVERIFY(!onePlusFive.merged(QList<int>{-1}));
    // Splitting a single cell or an unknown tile.
    QVERIFY(!onePlusFive.split(1));
    QVERIFY(!onePlusFive.split(6));
    QVERIFY(!onePlusFive.split(-1));
    // Covering the whole big tile and more is fine.
    const auto whole = onePlusFive.merged(QRect(0, 0, 3, 2));
    QVERIFY(whole);
    QCOMPARE(whole->layout, WallLayout::fromCells(3, 3, {QRect(0, 0, 3, 2), QRect(0, 2, 1, 1), QRect(1, 2, 1, 1),
                                                         QRect(2, 2, 1, 1)}));
}

void TestWallLayout::mergeByTiles()
{
    const WallLayout layout = WallLayout::grid(3, 3);
    // Tiles 0 and 4 span the rectangle (0,0)-(1,1): the same as merging the cells.
    const auto byTiles = layout.merged(QList<int>{4, 0});
    const auto byCells = layout.merged(QRect(0, 0, 2, 2));
    QVERIFY(byTiles && byCells);
    QCOMPARE(byTiles->layout, byCells->layout);
    QCOMPARE(byTiles->sources, byCells->sources);
    QCOMPARE(byTiles->layout, LayoutPresets::uneven(LayoutPresets::Uneven::OnePlusFive));
    // The bounding rectangle of tiles 1 and 3 cuts nothing in a plain grid either.
    QCOMPARE(layout.merged(QList<int>{1, 3})->layout.cellOf(0), QRect(0, 0, 2, 2));
}

void TestWallLayout::mergeMapping()
{
    // 3x3 grid, cells (1,1)-(2,2) merged: tiles 4, 5, 7, 8 become one, numbered after the others.
    const WallLayout layout = WallLayout::grid(3, 3);
    const auto edit = layout.merged(QRect(1, 1, 2, 2));
    QVERIFY(edit);
    QCOMPARE(edit->layout.tileCount(), 6);
    QCOMPARE(edit->layout.cellOf(4), QRect(1, 1, 2, 2));
    const QList<QList<int>> expected{{0}, {1}, {2}, {3}, {4, 5, 7, 8}, {6}};
    QCOMPARE(edit->sources, expected);

    // The merged tile keeps the camera of the first of its tiles that had one.
    const QStringList cameras{"a", "b", "c", "d", "", "f", "g", "", "i"};
    const QList<int> kept = edit->keptTiles(cameras);
    QCOMPARE(kept, (QList<int>{0, 1, 2, 3, 5, 6}));
    QCOMPARE(WallLayout::Edit::carried(kept, cameras), (QStringList{"a", "b", "c", "d", "f", "g"}));
    const QStringList streams{"auto", "main", "sub", "auto", "auto", "main", "sub", "auto", "auto"};
    QCOMPARE(WallLayout::Edit::carried(kept, streams, "auto"),
             (QStringList{"auto", "main", "sub", "auto", "main", "sub"}));
    // No camera among the merged tiles: the merged tile starts empty.
    const QList<int> emptyMerged = edit->keptTiles({"a", "b", "c", "d", "", "", "g", "", ""});
    QCOMPARE(emptyMerged.at(4), -1);
    QCOMPARE(WallLayout::Edit::carried(emptyMerged, streams, "auto").at(4), QStringLiteral("auto"));
}

void TestWallLayout::splitMapping()
{
    // 1+12: the centre 2x2 tile (tile 0) split; its top-left piece keeps its camera.
    const WallLayout layout = LayoutPresets::uneven(LayoutPresets::Uneven::OnePlusTwelve);
    const auto edit = layout.split(0);
    QVERIFY(edit);
    QCOMPARE(edit->layout, WallLayout::grid(4, 4));
    // Grid tile 5 is cell (1,1): the old tile 0. The other pieces (6, 9, 10) are new.
    QCOMPARE(edit->sources.at(5), QList<int>{0});
    for (int piece : {6, 9, 10})
        QVERIFY(edit->sources.at(piece).isEmpty());
    // The small tiles keep theirs: old tile 1 is cell (0,0), old tile 12 is cell (3,3).
    QCOMPARE(edit->sources.at(0), QList<int>{1});
    QCOMPARE(edit->sources.at(15), QList<int>{12});
    QStringList cameras;
    for (int tile = 0; tile < layout.tileCount(); ++tile)
        cameras << QStringLiteral("cam%1").arg(tile);
    const QStringList carried = WallLayout::Edit::carried(edit->keptTiles(cameras), cameras);
    QCOMPARE(carried.at(5), QStringLiteral("cam0"));
    QCOMPARE(carried.at(6), QString());
    QCOMPARE(carried.count(QString()), 3);
    // Every old tile is kept exactly once.
    QCOMPARE(QSet<QString>(carried.begin(), carried.end()).size(), 13 + 1);
}

void TestWallLayout::editsCompose()
{
    // Merge then split back: the tile that kept the camera comes back to its place, the others are new.
    const WallLayout start = WallLayout::grid(3, 3);
    const auto merged = start.merged(QRect(1, 1, 2, 2));
    QVERIFY(merged);
    const auto split = merged->layout.split(4);
    QVERIFY(split);
    const WallLayout::Edit composed = WallLayout::Edit::identity(start).then(*merged).then(*split);
    QCOMPARE(composed.layout, start);
    // The split's top-left piece carries every tile the merge had gathered: the camera kept is the first
    // of them that has one, wherever it was.
    QCOMPARE(composed.sources.at(4), (QList<int>{4, 5, 7, 8}));
    for (int piece : {5, 7, 8})
        QVERIFY(composed.sources.at(piece).isEmpty());
    const QStringList cameras{"a", "b", "c", "d", "", "f", "g", "h", "i"};
    QCOMPARE(WallLayout::Edit::carried(composed.keptTiles(cameras), cameras),
             (QStringList{"a", "b", "c", "d", "f", "", "g", "", ""}));
    // identity() maps each tile to itself.
    const WallLayout::Edit same = WallLayout::Edit::identity(start);
    QCOMPARE(same.layout, start);
    QCOMPARE(same.keptTiles(cameras), (QList<int>{0, 1, 2, 3, -1, 5, 6, 7, 8}));
}

void TestWallLayout::replacementKeepsTilesByIndex()
{
    const WallLayout::Edit edit =
        WallLayout::Edit::replacement(WallLayout::grid(2, 2), LayoutPresets::uneven(LayoutPresets::Uneven::OnePlusFive));
    QCOMPARE(edit.sources.size(), 6);
    QCOMPARE(edit.sources.at(3), QList<int>{3});
    QVERIFY(edit.sources.at(4).isEmpty());
    QVERIFY(edit.sources.at(5).isEmpty());
}

void TestWallLayout::resizeClipsAndDrops()
{
    // 1+7 (3x3 tile in a 4x4 grid) shrunk to 2x2: the big tile is clipped to the whole new grid, the small
    // tiles all lie outside and are dropped.
    const WallLayout onePlusSeven = LayoutPresets::uneven(LayoutPresets::Uneven::OnePlusSeven);
    const auto shrunk = onePlusSeven.resized(2, 2);
    QVERIFY(shrunk);
    QCOMPARE(shrunk->layout, WallLayout::fromCells(2, 2, {QRect(0, 0, 2, 2)}));
    QCOMPARE(shrunk->sources, QList<QList<int>>{{0}});

    // 1+5 grown to 4x3: a new column of three 1x1 tiles, numbered in reading order among the others.
    const WallLayout onePlusFive = LayoutPresets::uneven(LayoutPresets::Uneven::OnePlusFive);
    const auto wider = onePlusFive.resized(4, 3);
    QVERIFY(wider);
    QVERIFY(coversEveryCellOnce(wider->layout));
    QVERIFY(isInReadingOrder(wider->layout));
    QCOMPARE(wider->layout.tileCount(), 9);
    QCOMPARE(wider->layout.cellOf(2), QRect(3, 0, 1, 1));
    QVERIFY(wider->sources.at(2).isEmpty());
    QCOMPARE(wider->sources.at(0), QList<int>{0});
    QCOMPARE(wider->sources.at(1), QList<int>{1});

    // 3x3 grid to 2x3: the right column goes, the others keep their cameras.
    const auto narrower = WallLayout::grid(3, 3).resized(2, 3);
    QVERIFY(narrower);
    QCOMPARE(narrower->layout, WallLayout::grid(2, 3));
    QCOMPARE(narrower->sources, (QList<QList<int>>{{0}, {1}, {3}, {4}, {6}, {7}}));

    // Big + strip to 5x2: the 5x4 tile clipped to 5x2, the strip dropped.
    const auto flat = LayoutPresets::uneven(LayoutPresets::Uneven::BigPlusStrip).resized(5, 2);
    QVERIFY(flat);
    QCOMPARE(flat->layout, WallLayout::fromCells(5, 2, {QRect(0, 0, 5, 2)}));

    // From the empty layout: a plain grid of new tiles.
    const auto fromNothing = WallLayout().resized(2, 3);
    QVERIFY(fromNothing);
    QCOMPARE(fromNothing->layout, WallLayout::grid(2, 3));
    QCOMPARE(fromNothing->sources, QList<QList<int>>(6));
}

void TestWallLayout::resizeRefusals()
{
    const WallLayout layout = WallLayout::grid(2, 2);
    QVERIFY(!layout.resized(0, 2));
    QVERIFY(!layout.resized(2, -1));
    QVERIFY(!layout.resized(WallLayout::kMaxSide + 1, 2));
    QVERIFY(layout.resized(WallLayout::kMaxSide, WallLayout::kMaxSide));
    // The same size: nothing changes.
    QCOMPARE(layout.resized(2, 2)->layout, layout);
}

void TestWallLayout::mergedCellsCoverPixelsExactly_data()
{
    QTest::addColumn<int>("preset");
    QTest::addColumn<QSize>("surface");
    QTest::addColumn<int>("gap");
    for (const auto preset : LayoutPresets::allUneven())
        for (const QSize& size : {QSize(800, 600), QSize(1001, 777), QSize(333, 201), QSize(37, 23)})
            for (int gap : {0, 1, 3})
                QTest::addRow("%s %dx%d gap %d", qPrintable(LayoutPresets::name(preset)), size.width(), size.height(),
                              gap)
                    << int(preset) << size << gap;
}

void TestWallLayout::mergedCellsCoverPixelsExactly()
{
    QFETCH(int, preset);
    QFETCH(QSize, surface);
    QFETCH(int, gap);
    // The preset made by merging cells of the plain grid: each merged tile must cover exactly the pixels of
    // the cells it replaced plus the gap lines between them, and nothing else; no two tiles overlap.
    const WallLayout target = LayoutPresets::uneven(LayoutPresets::Uneven(preset));
    const WallLayout plain = WallLayout::grid(target.columns(), target.rows());
    WallLayout merged = plain;
    for (int tile = 0; tile < target.tileCount(); ++tile)
        if (const auto edit = merged.merged(target.cellOf(tile)))
            merged = edit->layout;
    QCOMPARE(merged, target.inReadingOrder());

    std::vector<int> owner(std::size_t(surface.width()) * std::size_t(surface.height()), -1);
    for (int tile = 0; tile < merged.tileCount(); ++tile) {
        const QRect r = merged.tileRect(tile, surface, gap);
        QVERIFY(!r.isEmpty());
        for (int y = r.top(); y <= r.bottom(); ++y) {
            for (int x = r.left(); x <= r.right(); ++x) {
                int& pixel = owner[std::size_t(y) * std::size_t(surface.width()) + std::size_t(x)];
                if (pixel != -1)
                    QFAIL(qPrintable(QStringLiteral("overlap at %1,%2").arg(x).arg(y)));
                pixel = tile;
            }
        }
        // Exactly the bounding box of the plain grid's cells it covers: same outer edges, no pixel lost.
        const QRect cells = merged.cellOf(tile);
        const QRect first = plain.tileRect(cells.top() * plain.columns() + cells.left(), surface, gap);
        const QRect last = plain.tileRect(cells.bottom() * plain.columns() + cells.right(), surface, gap);
        QCOMPARE(r, QRect(first.topLeft(), last.bottomRight()));
    }
    // Every pixel of a plain cell belongs to the merged tile over that cell: no gaps opened, none lost.
    for (int cell = 0; cell < plain.tileCount(); ++cell) {
        const QRect r = plain.tileRect(cell, surface, gap);
        const int expected = merged.tileAt(r.center(), surface, gap);
        QVERIFY(expected >= 0);
        QVERIFY(merged.cellOf(expected).contains(plain.cellOf(cell)));
        for (int y = r.top(); y <= r.bottom(); ++y)
            for (int x = r.left(); x <= r.right(); ++x)
                if (owner[std::size_t(y) * std::size_t(surface.width()) + std::size_t(x)] != expected)
                    QFAIL(qPrintable(QStringLiteral("pixel %1,%2 not in tile %3").arg(x).arg(y).arg(expected)));
    }
    // Pixels outside every tile are gap pixels between two different tiles only.
    int uncovered = 0;
    for (int y = 0; y < surface.height(); ++y) {
        for (int x = 0; x < surface.width(); ++x) {
            if (owner[std::size_t(y) * std::size_t(surface.width()) + std::size_t(x)] != -1)
                continue;
            ++uncovered;
            QVERIFY(plain.tileAt(QPoint(x, y), surface, gap) == -1);
        }
    }
    if (gap == 0)
        QCOMPARE(uncovered, 0);
}

QTEST_GUILESS_MAIN(TestWallLayout)
#include "test_wall_layout.moc"
