// Live analytics boxes on the wall, against a real vigie-sim scene camera: the tile boxes the objects
// the backend streams for the frame on air (amber), the objects of an active alarm in the alarm red
// with the alarm's type, in the right place on screen (pixels read back) unzoomed and zoomed; the
// alarm's details show the picture of the event with its boxes; hiding the Boxes overlay item stops
// the stream.

#include <QSettings>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QtTest>

#include "AlarmListModel.h"
#include "AlarmPanel.h"
#include "BackendUser.h"
#include "MainWindow.h"
#include "SimProcess.h"
#include "WallController.h"
#include "vigie/rpc/AlarmLink.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/rpc/MetadataLink.h"
#include "vigie/widgets/WallWidget.h"

using vigie::app::MainWindow;
using vigie::rpc::AlarmLink;
using vigie::rpc::BackendClient;
using vigie::rpc::MetadataLink;
using vigie::test::userOn;
using vigie::widgets::TileOverlay;
using vigie::widgets::WallWidget;

namespace {

const QString kScene = QStringLiteral("scene-01");

bool isAmber(QRgb c)
{
    return qRed(c) > 200 && qGreen(c) > 140 && qGreen(c) < 230 && qBlue(c) < 90;
}

bool isAlarmRed(QRgb c)
{
    return qRed(c) > 170 && qGreen(c) < 90 && qBlue(c) < 90;
}

// How many pixels of the middle half of the box's left edge, as the wall maps it now, pass `test`. The
// overlay and the grab are taken in one go on the GUI thread, so they show the same boxes.
int edgePixels(WallWidget* wall, const TileOverlay::Box& box, bool (*test)(QRgb), int* checked)
{
    const QImage image = wall->grabFramebuffer();
    const QRectF picture(wall->pictureRect(0));
    const QRectF r = wall->tileZoom(0).mapToViewport(box.rect, picture);
    const int x = qRound(r.left());
    int count = 0;
    *checked = 0;
    for (int y = qRound(r.top() + r.height() / 4); y <= qRound(r.bottom() - r.height() / 4); ++y) {
        if (!image.rect().contains(x, y) || !picture.contains(x, y))
            continue;
        ++*checked;
        count += test(image.pixel(x, y)) ? 1 : 0;
    }
    return count;
}

}  // namespace

class TestLiveBoxes : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void boxesFollowTheSceneAndTheAlarm();

private:
    vigie::test::SimProcess m_sim;
};

void TestLiveBoxes::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("vigie-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_live_boxes"));
    QSettings().clear();
    QSettings().setValue(QStringLiteral("alarms/sound"), false);
    // Scene alarms on every loop: one comes within seconds.
    QVERIFY2(m_sim.start({QStringLiteral("--cameras"), QStringLiteral("0"), QStringLiteral("--scene-cameras"),
                          QStringLiteral("1"), QStringLiteral("--scene-alarm-every"), QStringLiteral("0"),
                          QStringLiteral("--alarm-rate"), QStringLiteral("0")}),
             qPrintable(m_sim.lastError()));
}

void TestLiveBoxes::boxesFollowTheSceneAndTheAlarm()
{
    BackendClient backend(userOn(m_sim.grpcAddress(), QStringLiteral("operator")));
    AlarmLink alarms(&backend);
    MetadataLink liveObjects(&backend);
    MainWindow window(&backend, 1, {kScene}, nullptr, &alarms);
    window.setLiveObjectSource(&liveObjects);
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    backend.start();
    auto* wall = window.wall();
    QTRY_COMPARE_WITH_TIMEOUT(liveObjects.wantedCount(kScene), 1, 15000);

    // The tile boxes exactly what the backend streams for the frame on air, labelled by class (overlays
    // follow the objects once per frame period: compare between two frames).
    auto overlayShowsObjects = [&] {
        const auto* objects = liveObjects.objects(kScene);
        const auto boxes = wall->tileOverlay(0).boxes;
        if (!objects || objects->isEmpty() || !liveObjects.hasAnalytics(kScene) || boxes.size() != objects->size())
            return false;
        for (int i = 0; i < boxes.size(); ++i) {
            if (boxes[i].rect != objects->at(i).box)
                return false;
            // (An alarm's objects carry its type instead: seen below.)
            if (!boxes[i].alarm && boxes[i].label != vigie::app::WallController::objectLabel(objects->at(i).objectClass))
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(overlayShowsObjects(), 15000);
    // Drawn where the picture shows them: the box's left edge is amber on screen.
    QTRY_VERIFY_WITH_TIMEOUT(wall->pictureInfo(0).has_value(), 10000);  // a picture is shown: boxes are drawn
    // (An object no alarm is about: a scene alarm may already have turned another one red.)
    int checked = 0;
    int amber = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const auto& box : wall->tileOverlay(0).boxes) {
                if (box.alarm)
                    continue;
                amber = edgePixels(wall, box, isAmber, &checked);
                return checked > 3 && amber * 10 >= checked * 8;
            }
            return false;
        }(),
        5000);

    // A scene alarm: the object it is about turns red on the tile, with the alarm's type.
    // One raised while the client listens (the details' picture is taken for live alarms only).
    QTRY_VERIFY_WITH_TIMEOUT(alarms.isLive(), 10000);
    const QDateTime listening = QDateTime::currentDateTimeUtc();
    auto raisedSince = [&]() -> std::optional<vigie::rpc::Alarm> {
        for (const auto& active : alarms.activeAlarms())
            if (active.raisedAt >= listening)
                return active;
        return std::nullopt;
    };
    QTRY_VERIFY_WITH_TIMEOUT(raisedSince().has_value(), 35000);
    const auto alarm = *raisedSince();
    QCOMPARE(alarm.cameraId, kScene);
    QVERIFY(!alarm.objects.isEmpty());
    auto alarmBox = [&]() -> std::optional<TileOverlay::Box> {
        for (const auto& box : wall->tileOverlay(0).boxes)
            if (box.alarm)
                return box;
        return std::nullopt;
    };
    QTRY_VERIFY_WITH_TIMEOUT(alarmBox().has_value(), 5000);
    // Labelled with the type of the alarm it belongs to (several may be active by now).
    bool named = false;
    for (const auto& active : alarms.activeAlarms())
        named = named || alarmBox()->label.contains(vigie::app::AlarmListModel::typeName(active.type));
    QVERIFY2(named, qPrintable(alarmBox()->label));

    // The alarm's details show the camera's picture at the event, the alarm's objects boxed in red.
    auto* panel = window.alarmPanel();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->still(alarm.id).isNull(), 3000);
    const QImage still = panel->markedStill(alarm.id);
    QVERIFY(still.width() <= 480 && still.width() >= 320);
    const QRectF objectBox = alarm.objects.first().box;
    const QPoint edge(qRound(objectBox.left() * still.width()), qRound(objectBox.center().y() * still.height()));
    QVERIFY2(isAlarmRed(still.pixel(edge)), qPrintable(QString::number(still.pixel(edge), 16)));
    panel->selectAlarm(alarm.id);
    auto* details = panel->findChild<QTextBrowser*>(QStringLiteral("alarmDetails"));
    QVERIFY(details);
    QVERIFY(details->toHtml().contains(QLatin1String("vigie-still:")));

    // Zoomed x2 on the box: still on its object, in red.
    wall->setTileZoom(0, vigie::widgets::TileZoom(2.0, alarmBox()->rect.center()));
    QTRY_VERIFY_WITH_TIMEOUT(alarmBox().has_value() && edgePixels(wall, *alarmBox(), isAlarmRed, &checked) * 10 >= checked * 8 &&
                                 checked > 3,
                             3000);

    // Boxes hidden: the stream stops, nothing is drawn.
    auto items = vigie::widgets::kDefaultOverlayItems;
    items.setFlag(vigie::widgets::OverlayItem::Boxes, false);
    window.setOverlayItems(items);
    QCOMPARE(liveObjects.wantedCount(kScene), 0);
}

QTEST_MAIN(TestLiveBoxes)
#include "test_live_boxes.moc"
