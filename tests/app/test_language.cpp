// The interface language: chosen from the option or the system locale, and the French translation is
// embedded, complete for what it covers, and used by the widgets.

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include "Language.h"
#include "vigie/widgets/CameraTreeView.h"

using vigie::app::Language;

class TestLanguage : public QObject {
    Q_OBJECT
private slots:
    void choice();
    void frenchIsEmbeddedAndUsed();
    void frenchTranslationIsComplete();
};

void TestLanguage::choice()
{
    QCOMPARE(Language::choose(QString(), QLocale(QStringLiteral("fr_FR"))), QStringLiteral("fr"));
    QCOMPARE(Language::choose(QStringLiteral("auto"), QLocale(QStringLiteral("fr_CA"))), QStringLiteral("fr"));
    QCOMPARE(Language::choose(QStringLiteral("auto"), QLocale(QStringLiteral("de_DE"))), QStringLiteral("en"));
    QCOMPARE(Language::choose(QStringLiteral("EN"), QLocale(QStringLiteral("fr_FR"))), QStringLiteral("en"));
    QCOMPARE(Language::choose(QStringLiteral("fr"), QLocale(QStringLiteral("en_US"))), QStringLiteral("fr"));
    QVERIFY(!Language::choose(QStringLiteral("klingon"), QLocale::c()));
}

void TestLanguage::frenchIsEmbeddedAndUsed()
{
    QVERIFY(Language::install(*qApp, QStringLiteral("en")));  // nothing to load
    QCOMPARE(QCoreApplication::translate("vigie::app::MainWindow", "Cameras"), QStringLiteral("Cameras"));
    QVERIFY(Language::install(*qApp, QStringLiteral("fr")));
    QCOMPARE(QCoreApplication::translate("vigie::app::MainWindow", "Cameras"), QStringLiteral("Caméras"));
    QCOMPARE(QCoreApplication::translate("vigie::rpc", "Backend unreachable"), QStringLiteral("Serveur injoignable"));
    // Placeholders survive translation.
    QCOMPARE(QCoreApplication::translate("vigie::app::WallController", "Camera offline: %1").arg(QStringLiteral("panne")),
             QString::fromUtf8("Caméra hors ligne\u00a0: panne"));
    // Widgets created afterwards speak French.
    vigie::widgets::CameraTreeView view;
    auto* search = view.findChild<QLineEdit*>();
    QVERIFY(search);
    QCOMPARE(search->placeholderText(), QString::fromUtf8("Chercher des caméras…"));
}

void TestLanguage::frenchTranslationIsComplete()
{
    // lupdate over today's sources into a copy of the .ts: a user-visible string added without a French
    // translation shows up as "unfinished".
    const QString lupdate = QStringLiteral("/usr/lib/qt6/bin/lupdate");
    if (!QFileInfo::exists(lupdate))
        QSKIP("lupdate is not installed (qt6-l10n-tools)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString source = QStringLiteral(VIGIE_SOURCE_DIR);
    const QString copy = dir.filePath(QStringLiteral("vigie_fr.ts"));
    QVERIFY(QFile::copy(source + QStringLiteral("/resources/translations/vigie_fr.ts"), copy));
    QProcess process;
    process.setWorkingDirectory(source);
    process.start(lupdate, {QStringLiteral("app"), QStringLiteral("widgets"), QStringLiteral("rpc"), QStringLiteral("player"),
                            QStringLiteral("-ts"), copy, QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                            QStringLiteral("none"), QStringLiteral("-silent")});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);
    QFile ts(copy);
    QVERIFY(ts.open(QIODevice::ReadOnly));
    const QByteArray text = ts.readAll();
    QVERIFY(text.count("<message>") > 100);
    const auto unfinished = text.count("type=\"unfinished\"");
    QVERIFY2(unfinished == 0, qPrintable(QStringLiteral("%1 strings lack a French translation: run `make "
                                                        "translations` and translate them").arg(unfinished)));
}

QTEST_MAIN(TestLanguage)
#include "test_language.moc"
