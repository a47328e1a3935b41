// BackendClient against a real vigie-sim: login, directory, watch, TLS, and recovery when the backend
// goes away and comes back.

#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

#include "SimProcess.h"
#include "vigie/rpc/BackendClient.h"

using vigie::rpc::BackendClient;
using vigie::rpc::BackendOptions;
using vigie::rpc::ConnectionState;
using vigie::test::SimProcess;

namespace {

constexpr int kOnlineTimeoutMs = 15000;

BackendOptions optionsFor(const QString& address, const QString& user = QStringLiteral("operator"),
                          const QString& password = QStringLiteral("operator"))
{
    BackendOptions options;
    options.address = address;
    options.user = user;
    options.password = password;
    options.workstation = QStringLiteral("test-workstation");
    options.callDeadline = std::chrono::milliseconds(3000);
    return options;
}

// A loopback port that nothing listens on (for now).
quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

}  // namespace

class TestBackendClient : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void listsTheSimCameras();
    void wrongPasswordIsRefusedClearly();
    void followsDirectoryChanges();
    void unreachableBackendIsReportedThenRecovered();
    void tlsWithTheRightCaConnects();
    void tlsWithAWrongCaFailsClearly();
    void plainClientAgainstTlsBackendFailsClearly();
    void unreadableCaFileIsAConfigError();
    void destroyingWithCallsInFlightIsSafe();

private:
    // The sim serving TLS with the test certificate, and a client trusting the CA file `caName`.
    QStringList tlsArguments() const
    {
        return {QStringLiteral("--tls-cert"), m_certs.filePath(QStringLiteral("server.pem")),
                QStringLiteral("--tls-key"), m_certs.filePath(QStringLiteral("server.key"))};
    }
    BackendOptions tlsOptionsFor(const QString& address, const QString& caName) const
    {
        BackendOptions options = optionsFor(address);
        options.tls = true;
        options.caFile = m_certs.filePath(caName);
        return options;
    }

    QTemporaryDir m_certs;
};

void TestBackendClient::initTestCase()
{
    qRegisterMetaType<vigie::rpc::ConnectionState>();
    QVERIFY(m_certs.isValid());
    QProcess gen;
    gen.start(QStringLiteral(VIGIE_SOURCE_DIR "/scripts/gen-test-certs"), {m_certs.path()});
    QVERIFY(gen.waitForFinished(30000));
    QCOMPARE(gen.exitCode(), 0);
    for (const char* f : {"ca.pem", "server.pem", "server.key", "other-ca.pem"})
        QVERIFY2(QFile::exists(m_certs.filePath(QString::fromLatin1(f))), f);
}

void TestBackendClient::listsTheSimCameras()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.lastError()));
    BackendClient client(optionsFor(sim.grpcAddress()));
    QSignalSpy reset(&client, &BackendClient::directoryReset);
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ConnectionState::Online, kOnlineTimeoutMs);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(client.cameras().size(), 16);
    QCOMPARE(client.sites().size(), 4);
    QVERIFY(client.stateDetail().contains(QLatin1String("16 cameras")));

    const auto* camera = client.camera(QStringLiteral("cam-01"));
    QVERIFY(camera);
    QVERIFY(!camera->name.isEmpty());
    QVERIFY(camera->online);
    QCOMPARE(camera->streams.size(), 2);
    const auto* sub = camera->stream(vigie::rpc::StreamRole::Sub);
    QVERIFY(sub);
    QCOMPARE(sub->width, 640);
    QCOMPARE(sub->height, 360);
    QVERIFY2(sub->url.startsWith(sim.rtspBaseUrl() + QLatin1Char('/')), qPrintable(sub->url));
    QCOMPARE(client.camera(QStringLiteral("cam-04"))->stream(vigie::rpc::StreamRole::Main)->codec, QStringLiteral("h265"));
    QVERIFY(client.camera(QStringLiteral("cam-99")) == nullptr);
}

void TestBackendClient::wrongPasswordIsRefusedClearly()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.lastError()));
    BackendClient client(optionsFor(sim.grpcAddress(), QStringLiteral("operator"), QStringLiteral("not-the-password")));
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ConnectionState::AuthFailed, kOnlineTimeoutMs);
    qInfo("wrong password: %s", qPrintable(client.stateDetail()));
    QVERIFY2(client.stateDetail().contains(QLatin1String("invalid user name or password")),
             qPrintable(client.stateDetail()));
    QVERIFY(client.cameras().isEmpty());
    QCOMPARE(client.retryDelayMs(), 0);  // refused credentials are not retried behind the user's back

    // The user types the right password: the same client connects.
    client.setCredentials(QStringLiteral("operator"), QStringLiteral("operator"));
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ConnectionState::Online, kOnlineTimeoutMs);
}

void TestBackendClient::followsDirectoryChanges()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.lastError()));
    BackendClient client(optionsFor(sim.grpcAddress()));
    QSignalSpy changed(&client, &BackendClient::cameraChanged);
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ConnectionState::Online, kOnlineTimeoutMs);

    QString reply;
    QVERIFY(sim.command(QStringLiteral("camera cam-02 offline cable cut"), &reply));
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 5000);
    const auto camera = changed.last().at(0).value<vigie::rpc::CameraInfo>();
    QCOMPARE(camera.id, QStringLiteral("cam-02"));
    QVERIFY(!camera.online);
    QVERIFY2(camera.stateReason.contains(QLatin1String("cable cut")), qPrintable(camera.stateReason));
    QVERIFY(!client.camera(QStringLiteral("cam-02"))->online);

    QVERIFY(sim.command(QStringLiteral("camera cam-02 online")));
    QTRY_VERIFY_WITH_TIMEOUT(client.camera(QStringLiteral("cam-02"))->online, 5000);
}

void TestBackendClient::unreachableBackendIsReportedThenRecovered()
{
    const quint16 port = freePort();
    QVERIFY(port != 0);
    const QString address = QStringLiteral("127.0.0.1:%1").arg(port);
    BackendClient client(optionsFor(address));
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ConnectionState::Unreachable, 10000);
    qInfo("no backend: %s", qPrintable(client.stateDetail()));
    QVERIFY2(client.stateDetail().contains(address), qPrintable(client.stateDetail()));
    QVERIFY2(client.stateDetail().contains(QLatin1String("retrying")), qPrintable(client.stateDetail()));
    QVERIFY(client.retryDelayMs() > 0);

    // The backend appears on that address: the client connects by itself.
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--listen"), address}), qPrintable(sim.lastError()));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ConnectionState::Online, kOnlineTimeoutMs);
    QCOMPARE(client.cameras().size(), 16);

    // It goes away: reported within seconds (the watch breaks), not at the next keepalive.
    sim.stop();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ConnectionState::Unreachable, 10000);

    // It comes back (a restarted backend has forgotten every token): online again, logged in anew.
    SimProcess again;
    QVERIFY2(again.start({QStringLiteral("--listen"), address}), qPrintable(again.lastError()));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ConnectionState::Online, kOnlineTimeoutMs);
}

void TestBackendClient::tlsWithTheRightCaConnects()
{
    SimProcess sim;
    QVERIFY2(sim.start(tlsArguments()), qPrintable(sim.lastError()));
    BackendClient client(tlsOptionsFor(sim.grpcAddress(), QStringLiteral("ca.pem")));
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ConnectionState::Online, kOnlineTimeoutMs);
    QCOMPARE(client.cameras().size(), 16);
}

void TestBackendClient::tlsWithAWrongCaFailsClearly()
{
    SimProcess sim;
    QVERIFY2(sim.start(tlsArguments()), qPrintable(sim.lastError()));
    BackendClient client(tlsOptionsFor(sim.grpcAddress(), QStringLiteral("other-ca.pem")));
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ConnectionState::Unreachable, 10000);
    qInfo("wrong CA: %s", qPrintable(client.stateDetail()));
    QVERIFY2(client.stateDetail().contains(QLatin1String("certificate is not signed by a trusted authority")),
             qPrintable(client.stateDetail()));
    QVERIFY(client.cameras().isEmpty());
}

void TestBackendClient::plainClientAgainstTlsBackendFailsClearly()
{
    SimProcess sim;
    QVERIFY2(sim.start(tlsArguments()), qPrintable(sim.lastError()));
    BackendClient client(optionsFor(sim.grpcAddress()));
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ConnectionState::Unreachable, 10000);
    qInfo("plain client, TLS backend: %s", qPrintable(client.stateDetail()));
    QVERIFY2(client.stateDetail().contains(sim.grpcAddress()), qPrintable(client.stateDetail()));
    QVERIFY2(client.stateDetail().contains(QLatin1String("TLS")), qPrintable(client.stateDetail()));
}

void TestBackendClient::unreadableCaFileIsAConfigError()
{
    BackendOptions options = optionsFor(QStringLiteral("127.0.0.1:1"));
    options.tls = true;
    options.caFile = m_certs.filePath(QStringLiteral("no-such-ca.pem"));
    BackendClient client(options);
    client.start();
    QCOMPARE(client.state(), ConnectionState::ConfigError);
    QVERIFY2(client.stateDetail().contains(QLatin1String("no-such-ca.pem")), qPrintable(client.stateDetail()));
}

void TestBackendClient::destroyingWithCallsInFlightIsSafe()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.lastError()));
    for (int i = 0; i < 20; ++i) {
        auto client = std::make_unique<BackendClient>(optionsFor(sim.grpcAddress()));
        client->start();
        if (i % 2)
            QCoreApplication::processEvents();
        QElapsedTimer timer;
        timer.start();
        client.reset();  // cancels the calls in flight and waits for gRPC to release them
        QVERIFY2(timer.elapsed() < 1000, "teardown must not hang");
    }
    // And one that is fully online (a watch stream open) when destroyed.
    auto client = std::make_unique<BackendClient>(optionsFor(sim.grpcAddress()));
    client->start();
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), ConnectionState::Online, kOnlineTimeoutMs);
    client.reset();
}

QTEST_GUILESS_MAIN(TestBackendClient)
#include "test_backend_client.moc"
