// The client's command line: what it accepts, and the clear errors for what it does not.

#include <QTemporaryFile>
#include <QtTest>

#include <unistd.h>

#include "AppOptions.h"

using vigie::app::parseCommandLine;

class TestAppOptions : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        qunsetenv("VIGIE_PASSWORD");
        qunsetenv("VIGIE_BACKEND");
        qunsetenv("VIGIE_RENDERER");
        qunsetenv("VIGIE_THEME");
        qunsetenv("VIGIE_LANGUAGE");
    }

    void defaults()
    {
        const auto parsed = parseCommandLine({QStringLiteral("vigie")});
        QVERIFY(parsed.options);
        QCOMPARE(parsed.options->backend.address, QStringLiteral("127.0.0.1:50051"));
        QCOMPARE(parsed.options->backend.user, QStringLiteral("operator"));
        QVERIFY(!parsed.options->backend.tls);
        QVERIFY(parsed.options->askPassword);  // no password anywhere: the login dialog asks
        QCOMPARE(parsed.options->grid, 0);
        QCOMPARE(parsed.options->renderer, vigie::app::RenderPreference::Auto);
    }

    void renderer()
    {
        auto parsed = parseCommandLine({QStringLiteral("vigie"), QStringLiteral("--renderer"), QStringLiteral("software")});
        QVERIFY(parsed.options);
        QCOMPARE(parsed.options->renderer, vigie::app::RenderPreference::Software);
        qputenv("VIGIE_RENDERER", "opengl");
        parsed = parseCommandLine({QStringLiteral("vigie")});
        QVERIFY(parsed.options);
        QCOMPARE(parsed.options->renderer, vigie::app::RenderPreference::OpenGL);
    }

    void language()
    {
        auto parsed = parseCommandLine({QStringLiteral("vigie"), QStringLiteral("--language"), QStringLiteral("fr")});
        QVERIFY(parsed.options);
        QCOMPARE(parsed.options->language, QStringLiteral("fr"));
        qputenv("VIGIE_LANGUAGE", "en");
        parsed = parseCommandLine({QStringLiteral("vigie")});
        QVERIFY(parsed.options);
        QCOMPARE(parsed.options->language, QStringLiteral("en"));
    }

    void theme()
    {
        auto parsed = parseCommandLine({QStringLiteral("vigie")});
        QVERIFY(parsed.options && !parsed.options->lightTheme);  // dark unless asked
        parsed = parseCommandLine({QStringLiteral("vigie"), QStringLiteral("--theme"), QStringLiteral("light")});
        QVERIFY(parsed.options && parsed.options->lightTheme);
        qputenv("VIGIE_THEME", "Light");
        parsed = parseCommandLine({QStringLiteral("vigie")});
        QVERIFY(parsed.options && parsed.options->lightTheme);
    }

    void everything()
    {
        QTemporaryFile password;
        QVERIFY(password.open());
        password.write("s3cret\nignored second line\n");
        password.flush();
        const auto parsed = parseCommandLine({QStringLiteral("vigie"), QStringLiteral("-b"), QStringLiteral("10.0.0.5:7000"),
                                              QStringLiteral("--ca"), QStringLiteral("/etc/ca.pem"), QStringLiteral("-u"),
                                              QStringLiteral("supervisor"), QStringLiteral("--password-file"),
                                              password.fileName(), QStringLiteral("--grid"), QStringLiteral("6"),
                                              QStringLiteral("--cameras"), QStringLiteral("cam-02,cam-07")});
        QVERIFY(parsed.options);
        const auto& o = *parsed.options;
        QCOMPARE(o.backend.address, QStringLiteral("10.0.0.5:7000"));
        QVERIFY(o.backend.tls);  // implied by --ca
        QCOMPARE(o.backend.caFile, QStringLiteral("/etc/ca.pem"));
        QCOMPARE(o.backend.user, QStringLiteral("supervisor"));
        QCOMPARE(o.backend.password, QStringLiteral("s3cret"));
        QVERIFY(!o.askPassword);
        QCOMPARE(o.grid, 6);  // any grid up to 8x8
        QCOMPARE(o.cameraIds, (QStringList{QStringLiteral("cam-02"), QStringLiteral("cam-07")}));
    }

    void environment()
    {
        qputenv("VIGIE_PASSWORD", "from-env");
        qputenv("VIGIE_BACKEND", "backend.local:9000");
        const auto parsed = parseCommandLine({QStringLiteral("vigie")});
        QVERIFY(parsed.options);
        QCOMPARE(parsed.options->backend.password, QStringLiteral("from-env"));
        QCOMPARE(parsed.options->backend.address, QStringLiteral("backend.local:9000"));
        QVERIFY(!parsed.options->askPassword);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus")} << QStringLiteral("Unknown option");
        QTest::newRow("grid out of range") << QStringList{QStringLiteral("--grid"), QStringLiteral("9")}
                                           << QStringLiteral("--grid takes 1 to 8");
        QTest::newRow("address without port") << QStringList{QStringLiteral("-b"), QStringLiteral("localhost")}
                                              << QStringLiteral("must be host:port");
        QTest::newRow("missing password file") << QStringList{QStringLiteral("--password-file"), QStringLiteral("/no/such/file")}
                                               << QStringLiteral("cannot read password file /no/such/file");
        QTest::newRow("unknown renderer") << QStringList{QStringLiteral("--renderer"), QStringLiteral("vulkan")}
                                          << QStringLiteral("--renderer takes auto, opengl or software");
        QTest::newRow("unknown theme") << QStringList{QStringLiteral("--theme"), QStringLiteral("pink")}
                                       << QStringLiteral("--theme takes dark or light");
        QTest::newRow("unknown language") << QStringList{QStringLiteral("--language"), QStringLiteral("de")}
                                          << QStringLiteral("--language takes auto, en or fr");
        QTest::newRow("stray argument") << QStringList{QStringLiteral("cam-01")} << QStringLiteral("unexpected argument");
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        arguments.prepend(QStringLiteral("vigie"));
        QTemporaryFile errors;
        QVERIFY(errors.open());
        // Capture stderr: the message is what the operator reads.
        const int saved = dup(STDERR_FILENO);
        dup2(errors.handle(), STDERR_FILENO);
        const auto parsed = parseCommandLine(arguments);
        fflush(stderr);
        dup2(saved, STDERR_FILENO);
        ::close(saved);
        QVERIFY(!parsed.options);
        QCOMPARE(parsed.exitCode, 2);
        errors.seek(0);
        const QString text = QString::fromUtf8(errors.readAll());
        QVERIFY2(text.contains(message), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("vigie --help")), qPrintable(text));
    }

    void helpAndVersionStopCleanly()
    {
        auto parsed = parseCommandLine({QStringLiteral("vigie"), QStringLiteral("--version")});
        QVERIFY(!parsed.options);
        QCOMPARE(parsed.exitCode, 0);
        parsed = parseCommandLine({QStringLiteral("vigie"), QStringLiteral("--help")});
        QVERIFY(!parsed.options);
        QCOMPARE(parsed.exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestAppOptions)
#include "test_app_options.moc"
