// A real drag and drop from the camera tree onto the wall, driven by mouse events only: the tree view
// starts a QDrag (Qt's own drag code, MIME data from the model) and the wall receives it as a drop.
//
// QDrag::exec() runs a nested event loop until the button is released, so the moves over the wall and
// the release are scheduled with timers before the move that starts the drag. QTest's mouse events are
// delivered through QApplication::notify(), where the platform drag's application event filter sees
// them; their global positions lead it to the window under the pointer.

#include <QApplication>
#include <QDrag>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QSortFilterProxyModel>
#include <QSurfaceFormat>
#include <QTimer>
#include <QTreeView>
#include <QtTest>

#include "vigie/widgets/CameraEntry.h"
#include "vigie/widgets/CameraTreeModel.h"
#include "vigie/widgets/CameraTreeView.h"
#include "vigie/widgets/WallWidget.h"

using vigie::widgets::CameraEntry;
using vigie::widgets::CameraTreeModel;
using vigie::widgets::CameraTreeView;
using vigie::widgets::WallLayout;
using vigie::widgets::WallWidget;

namespace {
CameraEntry camera(const QString& id, const QString& name, const QString& siteId, const QString& siteName)
{
    CameraEntry entry;
    entry.id = id;
    entry.name = name;
    entry.siteId = siteId;
    entry.siteName = siteName;
    entry.online = true;
    return entry;
}
}  // namespace

class TestWallDrag : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void dragCameraOntoTile_data();
    void dragCameraOntoTile();
    void dragSiteOntoTile();

private:
    // The proxy (view) index of the row showing this camera, or this site when cameraId is empty.
    QModelIndex rowOf(const QString& cameraId, const QString& siteId) const;
    // Presses on the row, drags it over the wall and releases it at wallPos (wall coordinates).
    void dragRowTo(const QModelIndex& row, QPoint wallPos);
    QPoint tileCentre(int tile) const;

    std::unique_ptr<QWidget> m_window;
    CameraTreeView* m_tree = nullptr;
    WallWidget* m_wall = nullptr;
};

void TestWallDrag::initTestCase()
{
    m_window = std::make_unique<QWidget>();
    auto* layout = new QHBoxLayout(m_window.get());
    m_tree = new CameraTreeView;
    // The drag does not depend on how video is drawn: the CPU path keeps the suite free of GL.
    m_wall = new WallWidget(WallWidget::RenderPath::Software);
    layout->addWidget(m_tree);
    layout->addWidget(m_wall, 1);
    m_tree->setFixedWidth(240);
    m_wall->setWallLayout(WallLayout::grid(2, 2));
    m_tree->model()->setCameras({camera("c1", "Gare nord", "s1", "Gare"), camera("c2", "Gare sud", "s1", "Gare"),
                                 camera("c3", "Port quai", "s2", "Port")});
    m_window->resize(900, 500);
    m_window->move(0, 0);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(rowOf("c2", {}).isValid());
}

void TestWallDrag::cleanupTestCase()
{
    m_window.reset();
}

QModelIndex TestWallDrag::rowOf(const QString& cameraId, const QString& siteId) const
{
    const QAbstractItemModel* model = m_tree->treeView()->model();
    for (int s = 0; s < model->rowCount(); ++s) {
        const QModelIndex site = model->index(s, 0);
        if (cameraId.isEmpty() && site.data(CameraTreeModel::SiteIdRole).toString() == siteId)
            return site;
        for (int c = 0; c < model->rowCount(site); ++c) {
            const QModelIndex row = model->index(c, 0, site);
            if (!cameraId.isEmpty() && row.data(CameraTreeModel::CameraIdRole).toString() == cameraId)
                return row;
        }
    }
    return {};
}

QPoint TestWallDrag::tileCentre(int tile) const
{
    return (QPointF(m_wall->tileRect(tile).center()) / m_wall->devicePixelRatioF()).toPoint();
}

void TestWallDrag::dragRowTo(const QModelIndex& row, QPoint wallPos)
{
    QTreeView* view = m_tree->treeView();
    QWidget* viewport = view->viewport();
    view->scrollTo(row);
    const QPoint start = view->visualRect(row).center();
    const int distance = QApplication::startDragDistance();

    // Run inside QDrag::exec()'s loop, once the drag exists (the view parents its QDrag; on a loaded
    // machine it may take a while to start): over the wall (enter + move), onto the target, release.
    // A fixed delay instead would lose the drag whenever starting it took longer than the delay.
    QWidget* wall = m_wall;
    auto* steps = new QTimer(wall);
    steps->setObjectName(QStringLiteral("dragSteps"));
    steps->setInterval(30);
    int step = 0;
    QElapsedTimer waited;
    waited.start();
    connect(steps, &QTimer::timeout, wall, [=]() mutable {
        if (step == 0 && !view->findChild<QDrag*>() && waited.elapsed() < 5000)
            return;  // not started yet
        switch (step++) {
        case 0: QTest::mouseMove(wall, wallPos + QPoint(-15, -10)); break;
        case 1: QTest::mouseMove(wall, wallPos + QPoint(-4, -3)); break;
        case 2: QTest::mouseMove(wall, wallPos); break;
        default:
            QTest::mouseRelease(wall, Qt::LeftButton, {}, wallPos);
            steps->deleteLater();
            steps->stop();
        }
    });
    steps->start();

    QTest::mousePress(viewport, Qt::LeftButton, {}, start);
    // The first move arms the view's drag (DraggingState); the next one, past the start distance, starts
    // it and returns only when the drag is over.
    QTest::mouseMove(viewport, start + QPoint(2, 0));
    QTest::mouseMove(viewport, start + QPoint(distance + 10, 0));
    // A drag that failed to start leaves the steps running: let them end before the next drag.
    QTRY_VERIFY_WITH_TIMEOUT(!wall->findChild<QTimer*>(QStringLiteral("dragSteps")), 6000);
}

void TestWallDrag::dragCameraOntoTile_data()
{
    QTest::addColumn<QString>("cameraId");
    QTest::addColumn<int>("tile");
    // Several drags in a row, so that one run exercises the drag repeatedly.
    for (int i = 0; i < 4; ++i) {
        QTest::addRow("c2 -> tile 3 #%d", i) << QStringLiteral("c2") << 3;
        QTest::addRow("c3 -> tile 0 #%d", i) << QStringLiteral("c3") << 0;
        QTest::addRow("c1 -> tile 2 #%d", i) << QStringLiteral("c1") << 2;
    }
}

void TestWallDrag::dragCameraOntoTile()
{
    QFETCH(QString, cameraId);
    QFETCH(int, tile);
    QSignalSpy dropped(m_wall, &WallWidget::cameraDropped);
    QSignalSpy sites(m_wall, &WallWidget::siteDropped);
    dragRowTo(rowOf(cameraId, {}), tileCentre(tile));
    QTRY_COMPARE_WITH_TIMEOUT(dropped.count(), 1, 3000);
    QCOMPARE(dropped.at(0).at(0).toInt(), tile);
    QCOMPARE(dropped.at(0).at(1).toString(), cameraId);
    QCOMPARE(sites.count(), 0);
}

void TestWallDrag::dragSiteOntoTile()
{
    QSignalSpy dropped(m_wall, &WallWidget::cameraDropped);
    QSignalSpy sites(m_wall, &WallWidget::siteDropped);
    dragRowTo(rowOf({}, QStringLiteral("s2")), tileCentre(1));
    QTRY_COMPARE_WITH_TIMEOUT(sites.count(), 1, 3000);
    QCOMPARE(sites.at(0).at(0).toInt(), 1);
    QCOMPARE(sites.at(0).at(1).toString(), QStringLiteral("s2"));
    QCOMPARE(dropped.count(), 0);
}

int main(int argc, char** argv)
{
    QSurfaceFormat::setDefaultFormat(WallWidget::defaultSurfaceFormat());
    QApplication app(argc, argv);
    TestWallDrag test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_wall_drag.moc"
