// MetadataLink against a real vigie-sim with a scene camera: the objects the client holds are the
// ones the sim's scene has in the frame of their capture time; cameras are counted; a camera without
// analytics is known to show nothing; an unknown camera is refused once, not retried; and when the
// backend goes away the boxes are withdrawn, never left frozen on screen.

#include <QSignalSpy>
#include <QtTest>

#include <cmath>

#include "SceneAnalytics.h"
#include "SceneScript.h"
#include "SimProcess.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/rpc/MetadataLink.h"

using vigie::rpc::BackendClient;
using vigie::rpc::BackendOptions;
using vigie::rpc::ConnectionState;
using vigie::rpc::MetadataLink;
using vigie::test::SimProcess;

namespace {

const QString kScene = QStringLiteral("scene-01");

BackendOptions operatorOn(const QString& address)
{
    BackendOptions options;
    options.address = address;
    options.user = QStringLiteral("operator");
    options.password = QStringLiteral("operator");
    options.callDeadline = std::chrono::milliseconds(3000);
    return options;
}

// The scene's objects on air at `frameTime`, as the contract sends them.
QList<vigie::rpc::DetectedObject> sceneObjectsAt(const vigie::sim::SceneScript& script, const QDateTime& frameTime)
{
    const qint64 frameMs = 1000 / vigie::sim::SceneScript::kFps;
    const auto tick = frameTime.toMSecsSinceEpoch() / frameMs;
    QList<vigie::rpc::DetectedObject> objects;
    for (const auto& object : script.objectsAt(int(tick % script.loopFrames()))) {
        const auto detected = vigie::sim::SceneAnalytics::detected(object);
        vigie::rpc::DetectedObject out;
        out.trackId = QString::fromStdString(detected.track_id());
        out.box = QRectF(detected.box().x(), detected.box().y(), detected.box().width(), detected.box().height());
        objects << out;
    }
    return objects;
}

}  // namespace

class TestMetadataLink : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void objectsAreThoseOfTheirFrame();
    void camerasAreCounted();
    void wantedAgainInOneTurnKeepsOneStream();
    void cameraWithoutAnalyticsShowsNothing();
    void unknownCameraIsRefusedOnce();
    void backendLossWithdrawsTheBoxes();

private:
    SimProcess m_sim;
};

void TestMetadataLink::initTestCase()
{
    // Verbose: the sim logs every call, which shows whether a refused subscription is tried again.
    QVERIFY2(m_sim.start({QStringLiteral("--cameras"), QStringLiteral("1"), QStringLiteral("--scene-cameras"),
                          QStringLiteral("1"), QStringLiteral("--alarm-rate"), QStringLiteral("0"),
                          QStringLiteral("--verbose")}),
             qPrintable(m_sim.lastError()));
}

void TestMetadataLink::objectsAreThoseOfTheirFrame()
{
    BackendClient backend(operatorOn(m_sim.grpcAddress()));
    MetadataLink link(&backend);
    link.want(kScene);
    backend.start();
    QTRY_VERIFY_WITH_TIMEOUT(link.frameTime(kScene).isValid(), 10000);

    // Every change the GUI thread sees is the scene's frame of that capture time: right objects, right boxes.
    const vigie::sim::SceneScript script;
    int compared = 0;
    int withObjects = 0;
    QSet<QString> tracks;
    connect(&link, &MetadataLink::objectsChanged, this, [&](const QString& camera) {
        const auto* objects = link.objects(camera);
        if (camera != kScene || !objects)
            return;
        const auto expected = sceneObjectsAt(script, link.frameTime(camera));
        QCOMPARE(objects->size(), expected.size());
        for (int i = 0; i < objects->size(); ++i) {
            QCOMPARE(objects->at(i).trackId, expected.at(i).trackId);
            QVERIFY(std::abs(objects->at(i).box.x() - expected.at(i).box.x()) < 1e-6);
            QVERIFY(std::abs(objects->at(i).box.bottom() - expected.at(i).box.bottom()) < 1e-6);
            tracks.insert(objects->at(i).trackId);
        }
        ++compared;
        withObjects += objects->isEmpty() ? 0 : 1;
    });
    // About a second of frames: the scene always has something moving after its first 0.4 s.
    QTRY_VERIFY_WITH_TIMEOUT(compared >= 25 && withObjects >= 10, 10000);
    QVERIFY(!tracks.isEmpty());
    QVERIFY(link.framesReceived() >= 25);
    // Frames arrive live: their capture time is the wall clock's, give or take the loopback.
    QVERIFY(qAbs(link.frameTime(kScene).msecsTo(QDateTime::currentDateTimeUtc())) < 1000);
}

void TestMetadataLink::camerasAreCounted()
{
    BackendClient backend(operatorOn(m_sim.grpcAddress()));
    MetadataLink link(&backend);
    backend.start();
    QTRY_COMPARE_WITH_TIMEOUT(backend.state(), ConnectionState::Online, 10000);
    link.want(kScene);
    link.want(kScene);  // two walls show it
    QTRY_VERIFY_WITH_TIMEOUT(link.objects(kScene), 10000);
    link.unwant(kScene);  // one wall stops: the other still has its boxes
    QCOMPARE(link.wantedCount(kScene), 1);
    const quint64 before = link.framesReceived();
    QTRY_VERIFY_WITH_TIMEOUT(link.framesReceived() > before + 5, 5000);
    link.unwant(kScene);  // nobody: the stream closes and nothing is claimed any more
    QCOMPARE(link.wantedCount(kScene), 0);
    QVERIFY(!link.objects(kScene));
    QTest::qWait(300);  // frames already on their way may still land
    const quint64 closed = link.framesReceived();
    QTest::qWait(400);  // ten frame periods: a live stream would have delivered some
    QCOMPARE(link.framesReceived(), closed);
}

void TestMetadataLink::wantedAgainInOneTurnKeepsOneStream()
{
    // What a tile does when it reopens its camera (maximise, stream switch): give it back and want it
    // again at once. The old stream's end must not be taken for the new one's.
    BackendClient backend(operatorOn(m_sim.grpcAddress()));
    MetadataLink link(&backend);
    link.want(kScene);
    backend.start();
    QTRY_VERIFY_WITH_TIMEOUT(link.hasAnalytics(kScene), 10000);
    const QString opened = QStringLiteral("metadata subscription to scene-01 from");
    const QString cancelled = QStringLiteral("metadata subscription to scene-01 cancelled");
    const int openedBefore = m_sim.stderrText().count(opened);
    const int cancelledBefore = m_sim.stderrText().count(cancelled);
    link.unwant(kScene);
    link.want(kScene);
    QTRY_COMPARE_WITH_TIMEOUT(m_sim.stderrText().count(cancelled), cancelledBefore + 1, 5000);
    QTest::qWait(1500);  // three retry delays: a confused feed would have reopened by now
    QCOMPARE(m_sim.stderrText().count(opened), openedBefore + 1);
    QCOMPARE(m_sim.stderrText().count(cancelled), cancelledBefore + 1);
    QVERIFY(link.hasAnalytics(kScene));
    QVERIFY(link.problem(kScene).isEmpty());
}

void TestMetadataLink::cameraWithoutAnalyticsShowsNothing()
{
    BackendClient backend(operatorOn(m_sim.grpcAddress()));
    MetadataLink link(&backend);
    link.want(QStringLiteral("cam-01"));
    backend.start();
    // Its first heartbeat says the stream is up and the camera reports nothing: known, and empty.
    QTRY_VERIFY_WITH_TIMEOUT(link.objects(QStringLiteral("cam-01")), 10000);
    QVERIFY(link.objects(QStringLiteral("cam-01"))->isEmpty());
    QVERIFY(!link.hasAnalytics(QStringLiteral("cam-01")));  // its tiles still show what alarms say
    QVERIFY(link.problem(QStringLiteral("cam-01")).isEmpty());
}

void TestMetadataLink::unknownCameraIsRefusedOnce()
{
    BackendClient backend(operatorOn(m_sim.grpcAddress()));
    MetadataLink link(&backend);
    link.want(QStringLiteral("no-such-camera"));
    backend.start();
    QTRY_VERIFY_WITH_TIMEOUT(!link.problem(QStringLiteral("no-such-camera")).isEmpty(), 10000);
    QVERIFY(!link.objects(QStringLiteral("no-such-camera")));
    // Not retried: the sim's call log would show a second attempt within the retry delay (0.5 s).
    const QString refusal = QStringLiteral("no camera 'no-such-camera'");
    QTRY_COMPARE_WITH_TIMEOUT(m_sim.stderrText().count(refusal), 1, 5000);
    QTest::qWait(1200);
    QCOMPARE(m_sim.stderrText().count(refusal), 1);
}

void TestMetadataLink::backendLossWithdrawsTheBoxes()
{
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--cameras"), QStringLiteral("0"), QStringLiteral("--scene-cameras"),
                        QStringLiteral("1"), QStringLiteral("--alarm-rate"), QStringLiteral("0")}),
             qPrintable(sim.lastError()));
    BackendClient backend(operatorOn(sim.grpcAddress()));
    MetadataLink link(&backend);
    link.want(kScene);
    backend.start();
    QTRY_VERIFY_WITH_TIMEOUT(link.objects(kScene), 10000);
    QSignalSpy changes(&link, &MetadataLink::objectsChanged);
    sim.stop();
    // No frame any more: whatever was boxed is withdrawn within the stale delay, whichever way the
    // client learns it first (the stream's end, the link going down, or silence).
    QTRY_VERIFY_WITH_TIMEOUT(!link.objects(kScene), int(MetadataLink::kStaleAfter.count()) + 1000);
    QVERIFY(!changes.isEmpty());
}

QTEST_MAIN(TestMetadataLink)
#include "test_metadata_link.moc"
