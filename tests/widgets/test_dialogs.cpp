// Small views: the connection banner and the login dialog.

#include <QApplication>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QtTest>

#include "vigie/widgets/ConnectionBanner.h"
#include "vigie/widgets/LoginDialog.h"

using vigie::widgets::ConnectionBanner;
using vigie::widgets::LoginDialog;

class TestDialogs : public QObject {
    Q_OBJECT
private slots:
    void banner();
    void loginAccepted();
    void loginCancelled();
    void okNeedsUser();
};

void TestDialogs::banner()
{
    QWidget window;
    ConnectionBanner banner(&window);
    window.show();
    QVERIFY(!banner.isVisible());  // hidden until there is something to say
    banner.showMessage(QStringLiteral("Backend unreachable, retrying in 4 s"), ConnectionBanner::Severity::Error);
    QVERIFY(banner.isVisible());
    QCOMPARE(banner.text(), QStringLiteral("Backend unreachable, retrying in 4 s"));
    QCOMPARE(banner.severity(), ConnectionBanner::Severity::Error);
    QVERIFY(banner.styleSheet().contains(QStringLiteral("#c0392b")));
    banner.showMessage(QStringLiteral("Reconnecting…"), ConnectionBanner::Severity::Warning);
    QVERIFY(banner.styleSheet().contains(QStringLiteral("#f0b030")));
    banner.clear();
    QVERIFY(!banner.isVisible());
    QVERIFY(banner.text().isEmpty());
}

void TestDialogs::loginAccepted()
{
    QTimer::singleShot(0, [] {
        auto* dialog = qobject_cast<LoginDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("user"))->text(), QStringLiteral("operator1"));
        dialog->findChild<QLineEdit*>(QStringLiteral("password"))->setText(QStringLiteral("s3cret"));
        dialog->accept();
    });
    const auto result = LoginDialog::ask(nullptr, QStringLiteral("vigie.example:8443"), QStringLiteral("operator1"),
                                         QStringLiteral("Wrong password"));
    QVERIFY(result);
    QCOMPARE(result->first, QStringLiteral("operator1"));
    QCOMPARE(result->second, QStringLiteral("s3cret"));
}

void TestDialogs::loginCancelled()
{
    QTimer::singleShot(0, [] {
        if (auto* dialog = QApplication::activeModalWidget())
            static_cast<QDialog*>(dialog)->reject();
    });
    QVERIFY(!LoginDialog::ask(nullptr, QStringLiteral("backend"), {}, {}));
}

void TestDialogs::okNeedsUser()
{
    LoginDialog dialog;
    auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    dialog.setUser(QStringLiteral("  op  "));
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.user(), QStringLiteral("op"));
    dialog.setUser({});
    QVERIFY(!ok->isEnabled());
}

QTEST_MAIN(TestDialogs)
#include "test_dialogs.moc"
