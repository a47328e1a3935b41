// The console with a directory of thousands of cameras from a real vigie-sim (--directory-cameras):
// the tree lists them all, typing filters them correctly, and one found by search plays on the wall.
// Speed is measured by bench_search, not here.

#include <QSettings>
#include <QStandardPaths>
#include <QTreeView>
#include <QtTest>

#include "MainWindow.h"
#include "BackendUser.h"
#include "SimProcess.h"
#include "WallController.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/widgets/CameraTreeModel.h"
#include "vigie/widgets/CameraTreeView.h"

using vigie::player::StreamState;
using vigie::rpc::BackendClient;
using vigie::rpc::ConnectionState;
using vigie::widgets::CameraTreeModel;

namespace {

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

}  // namespace

class TestLargeDirectory : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void fiveThousandCamerasAreListedAndFound();

private:
    vigie::test::SimProcess m_sim;
};

void TestLargeDirectory::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("vigie-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_large_directory"));
    QSettings().clear();
    QVERIFY2(m_sim.start({QStringLiteral("--cameras"), QStringLiteral("4"), QStringLiteral("--directory-cameras"),
                          QStringLiteral("5000")}),
             qPrintable(m_sim.lastError()));
}

void TestLargeDirectory::fiveThousandCamerasAreListedAndFound()
{
    BackendClient backend(vigie::test::userOn(m_sim.grpcAddress(), QStringLiteral("operator")));
    vigie::app::MainWindow window(&backend, 2, {});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(backend.state(), ConnectionState::Online, 20000);
    QCOMPARE(backend.cameras().size(), 5004);

    auto* tree = window.cameraTree();
    const QAbstractItemModel& shown = *tree->treeView()->model();
    QCOMPARE(visibleCameraIds(shown).size(), 5004);

    // One camera by its id.
    tree->setSearchText(QStringLiteral("dir-4321"));
    QCOMPARE(visibleCameraIds(shown), QStringList{QStringLiteral("dir-4321")});

    // A street typed without accents finds exactly the cameras of that street (accents and case folded).
    tree->setSearchText(QStringLiteral("rue des ecoles"));
    const QStringList found = visibleCameraIds(shown);
    int expected = 0;
    for (const auto& camera : backend.cameras())
        if (camera.name.contains(QStringLiteral("Rue des Écoles"), Qt::CaseInsensitive))
            ++expected;
    QVERIFY(expected > 50);
    QCOMPARE(found.size(), expected);
    for (const QString& id : found)
        QVERIFY2(backend.camera(id)->name.contains(QStringLiteral("Rue des Écoles")), qPrintable(id));

    // Activated from the search, it plays on the wall (all directory cameras share one served stream).
    QString online;
    for (const QString& id : found)
        if (backend.camera(id)->online && online.isEmpty())
            online = id;
    QVERIFY(!online.isEmpty());
    emit tree->cameraActivated(online);
    auto* controller = window.wallController();
    QTRY_VERIFY_WITH_TIMEOUT(controller->cameraIds().contains(online), 5000);
    const int tile = int(controller->cameraIds().indexOf(online));
    QTRY_COMPARE_WITH_TIMEOUT(controller->tileState(tile), StreamState::Playing, 15000);
}

QTEST_MAIN(TestLargeDirectory)
#include "test_large_directory.moc"
