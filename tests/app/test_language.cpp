// The interface language: chosen from the option or the system locale, and the French translation is
// embedded, complete for what it covers, and used by the widgets.

#include <QApplication>
#include <QLineEdit>
#include <QtTest/QTest>

#include "Language.h"
#include "vigie/widgets/CameraTreeView.h"

using vigie::app::Language;

class TestLanguage : public QObject {
    Q_OBJECT
private slots:
    void choice();
    void frenchIsEmbeddedAndUsed();
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

QTEST_MAIN(TestLanguage)
#include "test_language.moc"
