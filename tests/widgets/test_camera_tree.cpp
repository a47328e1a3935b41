// Camera tree: sorting, incremental updates checked by QAbstractItemModelTester, search filtering
// (name, site, tag, id; case- and accent-insensitive) and its speed with 5,000 cameras.

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMimeData>
#include <QTreeView>
#include <QtTest>

#include "vigie/widgets/CameraMime.h"
#include "vigie/widgets/CameraTreeModel.h"
#include "vigie/widgets/CameraTreeView.h"

using vigie::widgets::CameraEntry;
using vigie::widgets::CameraTreeModel;
using vigie::widgets::CameraTreeView;

namespace {

CameraEntry cam(const QString& id, const QString& name, const QString& siteId, const QString& siteName,
                bool online = true, QStringList tags = {})
{
    CameraEntry e;
    e.id = id;
    e.name = name;
    e.siteId = siteId;
    e.siteName = siteName;
    e.online = online;
    e.tags = std::move(tags);
    return e;
}

QStringList childNames(const QAbstractItemModel& model, const QModelIndex& parent)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row)
        names << model.index(row, 0, parent).data().toString();
    return names;
}

// Visible camera ids of a (proxy) model, in order.
QStringList visibleCameraIds(const QAbstractItemModel& model)
{
    QStringList ids;
    for (int s = 0; s < model.rowCount(); ++s) {
        const QModelIndex site = model.index(s, 0);
        for (int c = 0; c < model.rowCount(site); ++c)
            ids << model.index(c, 0, site).data(CameraTreeModel::CameraIdRole).toString();
    }
    return ids;
}

QList<CameraEntry> sample()
{
    return {
        cam("c1", "Parvis", "s1", "Centre-ville", true, {"entrée", "piétons"}),
        cam("c2", "Cam 10", "s1", "Centre-ville", true),
        cam("c3", "Cam 2", "s1", "Centre-ville", false),
        cam("c4", "Quai 1", "s2", "Gare Saint-Étienne", true, {"quai"}),
        cam("c5", "Accès nord", "s3", "Zone Artisanale", true, {"parking"}),
    };
}

}  // namespace

class TestCameraTree : public QObject {
    Q_OBJECT
private slots:
    void sortingAndRoles();
    void incrementalUpdates();
    void mimeData();
    void filter();
    void filterSpeed();
    void badgesShowPtzAndRecording();
};

void TestCameraTree::sortingAndRoles()
{
    CameraTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCameras(sample());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(childNames(model, {}), (QStringList{"Centre-ville (2/3 online)", "Gare Saint-Étienne (1/1 online)",
                                                 "Zone Artisanale (1/1 online)"}));
    const QModelIndex centre = model.index(0, 0);
    // Natural order: "Cam 2" before "Cam 10".
    QCOMPARE(childNames(model, centre), (QStringList{"Cam 2", "Cam 10", "Parvis"}));
    const QModelIndex cam2 = model.index(0, 0, centre);
    QCOMPARE(cam2.data(CameraTreeModel::CameraIdRole).toString(), QStringLiteral("c3"));
    QCOMPARE(cam2.data(CameraTreeModel::OnlineRole).toBool(), false);
    QVERIFY(cam2.data(Qt::ForegroundRole).isValid());  // greyed when offline
    QVERIFY(!model.index(1, 0, centre).data(Qt::ForegroundRole).isValid());
    QVERIFY(!cam2.data(Qt::DecorationRole).value<QIcon>().isNull());
    const QString tip = model.index(2, 0, centre).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains("c1") && tip.contains("entrée"), qPrintable(tip));
    QCOMPARE(model.cameraAt(model.index(2, 0, centre)).name, QStringLiteral("Parvis"));
    QCOMPARE(model.cameraAt(centre).id, QString());
    QCOMPARE(model.indexOfCamera("c4").parent().row(), 1);
    QVERIFY(model.flags(cam2) & Qt::ItemIsDragEnabled);
    QVERIFY(model.flags(centre) & Qt::ItemIsDragEnabled);  // a site drags onto the wall too
    QVERIFY(!(model.flags(centre) & Qt::ItemNeverHasChildren));
}

void TestCameraTree::incrementalUpdates()
{
    CameraTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCameras(sample());
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // A persistent index must survive unrelated changes.
    const QPersistentModelIndex quai = model.indexOfCamera("c4");

    // New site sorted between existing ones.
    model.upsertCamera(cam("c6", "Entrée", "s4", "Hôtel de Ville", true));
    QCOMPARE(inserted.count(), 2);  // the site row, then the camera row
    QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("Hôtel de Ville (1/1 online)"));
    QCOMPARE(quai.data(CameraTreeModel::CameraIdRole).toString(), QStringLiteral("c4"));

    // Online change updates in place.
    inserted.clear();
    model.upsertCamera(cam("c3", "Cam 2", "s1", "Centre-ville", true));
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
    QVERIFY(changed.count() >= 2);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Centre-ville (3/3 online)"));

    // Rename moves the row.
    model.upsertCamera(cam("c3", "Zénith", "s1", "Centre-ville", true));
    QCOMPARE(childNames(model, model.index(0, 0)), (QStringList{"Cam 10", "Parvis", "Zénith"}));

    // Move to another site.
    model.upsertCamera(cam("c2", "Cam 10", "s2", "Gare Saint-Étienne", false));
    QCOMPARE(childNames(model, model.index(1, 0)), (QStringList{"Cam 10", "Quai 1"}));
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("Gare Saint-Étienne (1/2 online)"));

    // Site renamed by a camera update: the site row moves (Aéroport sorts first).
    model.upsertCamera(cam("c5", "Accès nord", "s3", "Aéroport", true, {"parking"}));
    QCOMPARE(model.index(0, 0).data(CameraTreeModel::SiteIdRole).toString(), QStringLiteral("s3"));
    QCOMPARE(quai.data(CameraTreeModel::CameraIdRole).toString(), QStringLiteral("c4"));

    // Removing the last camera of a site removes the site.
    removed.clear();
    const int sites = model.rowCount();
    model.removeCamera("c5");
    QCOMPARE(model.rowCount(), sites - 1);
    QCOMPARE(removed.count(), 1);
    model.removeCamera("unknown");
    QCOMPARE(removed.count(), 1);
    model.removeCamera("c1");
    QCOMPARE(model.cameraCount(), 4);
    QCOMPARE(reset.count(), 0);
    QVERIFY(quai.isValid());
}

void TestCameraTree::mimeData()
{
    CameraTreeModel model;
    model.setCameras(sample());
    QVERIFY(model.mimeTypes().contains(QString(vigie::widgets::kCameraIdMimeType)));
    std::unique_ptr<QMimeData> mime(model.mimeData({model.indexOfCamera("c4")}));
    QVERIFY(mime);
    QCOMPARE(mime->data(vigie::widgets::kCameraIdMimeType), QByteArray("c4"));
    // Sites drag as their id, with their own type.
    QVERIFY(model.mimeTypes().contains(QString(vigie::widgets::kSiteIdMimeType)));
    QVERIFY(model.flags(model.index(0, 0)).testFlag(Qt::ItemIsDragEnabled));
    std::unique_ptr<QMimeData> site(model.mimeData({model.index(0, 0)}));
    QVERIFY(site);
    QVERIFY(!site->hasFormat(vigie::widgets::kCameraIdMimeType));
    QCOMPARE(site->data(vigie::widgets::kSiteIdMimeType), model.index(0, 0).data(CameraTreeModel::SiteIdRole).toByteArray());
    QVERIFY(!model.mimeData({}));
}

void TestCameraTree::filter()
{
    CameraTreeView view;
    QAbstractItemModelTester tester(view.treeView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.model()->setCameras(sample());
    const QAbstractItemModel& shown = *view.treeView()->model();
    QCOMPARE(visibleCameraIds(shown).size(), 5);
    QCOMPARE(view.searchEdit()->placeholderText(), QStringLiteral("Search cameras…"));

    view.setSearchText("parvis");  // name, case-insensitive
    QCOMPARE(visibleCameraIds(shown), QStringList{"c1"});
    view.setSearchText("GARE");  // site name
    QCOMPARE(visibleCameraIds(shown), QStringList{"c4"});
    view.setSearchText("entree");  // tag, accent-insensitive ("entrée") + camera "Entrée"? none here
    QCOMPARE(visibleCameraIds(shown), QStringList{"c1"});
    view.setSearchText("saint-etienne quai");  // every word must match
    QCOMPARE(visibleCameraIds(shown), QStringList{"c4"});
    view.setSearchText("c5");  // id
    QCOMPARE(visibleCameraIds(shown), QStringList{"c5"});
    view.setSearchText("nothing-like-this");
    QCOMPARE(shown.rowCount(), 0);

    // Incremental updates pass through the filter.
    view.setSearchText("parking");
    view.model()->upsertCamera(cam("c9", "Parking sud", "s9", "Bourg", true));
    QCOMPARE(visibleCameraIds(shown), (QStringList{"c9", "c5"}));
    QVERIFY(view.treeView()->isExpanded(shown.index(0, 0)));

    view.setSearchText({});
    QCOMPARE(visibleCameraIds(shown).size(), 6);

    // Activation by Enter.
    QSignalSpy activated(&view, &CameraTreeView::cameraActivated);
    view.treeView()->setCurrentIndex(shown.index(0, 0, shown.index(0, 0)));
    QTest::keyClick(view.treeView(), Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("c9"));
}

void TestCameraTree::filterSpeed()
{
    QList<CameraEntry> cameras;
    const QStringList tags{"parking", "entrée", "quai", "rond-point", "école", "marché"};
    for (int i = 0; i < 5000; ++i) {
        const int site = i / 100;
        cameras << cam(QStringLiteral("cam-%1").arg(i), QStringLiteral("Caméra %1 rue %2").arg(i).arg(i * 7 % 113),
                       QStringLiteral("site-%1").arg(site), QStringLiteral("Quartier %1").arg(site), i % 9 != 0,
                       {tags[i % tags.size()]});
    }
    CameraTreeView view;
    view.resize(300, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QElapsedTimer load;
    load.start();
    view.model()->setCameras(cameras);
    qInfo("setCameras(5000) + expand: %lld ms", load.elapsed());
    const QAbstractItemModel& shown = *view.treeView()->model();

    struct Query {
        const char* text;
        int expected;
    };
    const Query queries[] = {{"ecole", 833}, {"quartier 4", -1}, {"cam-4999", 1}, {"rue 42", -1}, {"", 5000}};
    qint64 worst = 0;
    for (const Query& q : queries) {
        QElapsedTimer timer;
        timer.start();
        view.setSearchText(QString::fromUtf8(q.text));
        QCoreApplication::processEvents();  // includes the view's relayout
        const qint64 ms = timer.elapsed();
        worst = std::max(worst, ms);
        const int count = int(visibleCameraIds(shown).size());
        qInfo("filter \"%s\": %d cameras in %lld ms", q.text, count, ms);
        if (q.expected >= 0)
            QCOMPARE(count, q.expected);
        else
            QVERIFY(count > 0);
    }
    QVERIFY2(worst < 500, qPrintable(QStringLiteral("slowest filter took %1 ms").arg(worst)));
}

void TestCameraTree::badgesShowPtzAndRecording()
{
    CameraEntry dome = cam(QStringLiteral("d1"), QStringLiteral("Dôme"), QStringLiteral("s1"), QStringLiteral("Port"));
    dome.hasPtz = true;
    dome.recording = true;
    CameraEntry plain = cam(QStringLiteral("p1"), QStringLiteral("Fixe"), QStringLiteral("s1"), QStringLiteral("Port"));
    CameraTreeView view;
    view.resize(320, 200);
    view.model()->setCameras({dome, plain});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTreeView* tree = view.treeView();
    const QModelIndex site = tree->model()->index(0, 0);
    const QModelIndex domeRow = tree->model()->index(0, 0, site);
    const QModelIndex plainRow = tree->model()->index(1, 0, site);
    QCOMPARE(domeRow.data(CameraTreeModel::CameraIdRole).toString(), QStringLiteral("d1"));
    QVERIFY(domeRow.data(CameraTreeModel::HasPtzRole).toBool());
    QVERIFY(domeRow.data(CameraTreeModel::RecordingRole).toBool());
    QVERIFY(!plainRow.data(CameraTreeModel::HasPtzRole).toBool());

    // Drawn: the recording dot is red, at the right end of the dome's row, and nowhere on the plain row.
    const QImage image = tree->viewport()->grab().toImage();
    auto redPixels = [&](const QRect& row) {
        int red = 0;
        for (int y = row.top(); y <= row.bottom(); ++y)
            for (int x = row.left(); x <= row.right(); ++x) {
                const QColor c = image.pixelColor(x, y);
                red += c.red() > 180 && c.green() < 90 && c.blue() < 90;
            }
        return red;
    };
    const QRect domeRect = tree->visualRect(domeRow);
    const QRect plainRect = tree->visualRect(plainRow);
    const QRect domeRight(tree->viewport()->width() / 2, domeRect.top(), tree->viewport()->width() / 2, domeRect.height());
    QVERIFY2(redPixels(domeRight) > 3, "no recording dot on the dome's row");
    QCOMPARE(redPixels(QRect(0, plainRect.top(), tree->viewport()->width(), plainRect.height())), 0);
}

QTEST_MAIN(TestCameraTree)
#include "test_camera_tree.moc"
