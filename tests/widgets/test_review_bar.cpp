// The review transport bar: each button says what the user asked, the speed menu asks for a signed
// speed, the labels show what the owner sets (rate, position with milliseconds, state), the bookmark
// button follows the selection, and every control is named for accessibility and tests. Also the
// bookmark dialog's rules (title required, limits, the CNIL reminder).

#include <QtTest>

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>

#include "vigie/widgets/BookmarkDialog.h"
#include "vigie/widgets/ReviewBar.h"

using vigie::widgets::BookmarkDialog;
using vigie::widgets::ReviewBar;

class TestReviewBar : public QObject {
    Q_OBJECT
private slots:
    void buttonsEmitTheirRequests();
    void speedMenuAsksForASignedSpeed();
    void rateTexts();
    void labelsShowWhatTheOwnerSets();
    void bookmarkFollowsTheSelection();
    void everyControlIsNamedAndExplained();
    void bookmarkDialogNeedsATitle();
};

namespace {

template <typename T>
T* child(QWidget& parent, const char* name)
{
    T* found = parent.findChild<T*>(QString::fromLatin1(name));
    if (!found)
        qWarning("no child %s", name);
    return found;
}

}  // namespace

void TestReviewBar::buttonsEmitTheirRequests()
{
    ReviewBar bar;
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    QSignalSpy play(&bar, &ReviewBar::playRequested);
    QSignalSpy pause(&bar, &ReviewBar::pauseRequested);
    QSignalSpy step(&bar, &ReviewBar::stepRequested);
    QSignalSpy live(&bar, &ReviewBar::liveRequested);

    QTest::mouseClick(child<QToolButton>(bar, "reviewPlay"), Qt::LeftButton);
    QTest::mouseClick(child<QToolButton>(bar, "reviewReverse"), Qt::LeftButton);
    QCOMPARE(play.count(), 2);
    QCOMPARE(play.at(0).at(0).toInt(), 1);
    QCOMPARE(play.at(1).at(0).toInt(), -1);
    QTest::mouseClick(child<QToolButton>(bar, "reviewPause"), Qt::LeftButton);
    QCOMPARE(pause.count(), 1);
    QTest::mouseClick(child<QToolButton>(bar, "reviewStepBack"), Qt::LeftButton);
    QTest::mouseClick(child<QToolButton>(bar, "reviewStepForward"), Qt::LeftButton);
    QCOMPARE(step.count(), 2);
    QCOMPARE(step.at(0).at(0).toInt(), -1);
    QCOMPARE(step.at(1).at(0).toInt(), 1);
    QTest::mouseClick(child<QPushButton>(bar, "reviewLive"), Qt::LeftButton);
    QCOMPARE(live.count(), 1);

    // The buttons show the owner's state, not the click: paused until the owner says it plays.
    QVERIFY(child<QToolButton>(bar, "reviewPause")->isChecked());
    QVERIFY(!child<QToolButton>(bar, "reviewPlay")->isChecked());
    bar.setPaused(false);
    bar.setRate(2.0);
    QVERIFY(child<QToolButton>(bar, "reviewPlay")->isChecked());
    QVERIFY(!child<QToolButton>(bar, "reviewPause")->isChecked());
    bar.setRate(-2.0);
    QVERIFY(child<QToolButton>(bar, "reviewReverse")->isChecked());
    QVERIFY(!child<QToolButton>(bar, "reviewPlay")->isChecked());
}

void TestReviewBar::speedMenuAsksForASignedSpeed()
{
    ReviewBar bar;
    QSignalSpy rate(&bar, &ReviewBar::rateRequested);
    auto* menu = child<QMenu>(bar, "reviewSpeedMenu");
    QVERIFY(menu);
    QCOMPARE(menu->actions().size(), 8);
    QStringList texts;
    for (QAction* action : menu->actions())
        texts << action->text();
    QCOMPARE(texts, (QStringList{QStringLiteral("⅛×"), QStringLiteral("¼×"), QStringLiteral("½×"), QStringLiteral("1×"),
                                 QStringLiteral("2×"), QStringLiteral("4×"), QStringLiteral("8×"), QStringLiteral("16×")}));
    menu->actions().at(5)->trigger();  // 4x
    QCOMPARE(rate.count(), 1);
    QCOMPARE(rate.at(0).at(0).toDouble(), 4.0);
    // Shown as the owner sets it, not as asked.
    QCOMPARE(bar.rateLabelText(), QStringLiteral("1×"));
    QVERIFY(menu->actions().at(3)->isChecked());

    // In reverse, the speed keeps the direction.
    bar.setRate(-1.0);
    menu->actions().at(0)->trigger();  // 1/8
    QCOMPARE(rate.at(1).at(0).toDouble(), -0.125);
    bar.setRate(-0.125);
    QCOMPARE(bar.rateLabelText(), QStringLiteral("−⅛×"));
    QVERIFY(menu->actions().at(0)->isChecked());
    QCOMPARE(child<QToolButton>(bar, "reviewSpeed")->text(), QStringLiteral("−⅛×"));
}

void TestReviewBar::rateTexts()
{
    QCOMPARE(ReviewBar::rateText(1.0), QStringLiteral("1×"));
    QCOMPARE(ReviewBar::rateText(4.0), QStringLiteral("4×"));
    QCOMPARE(ReviewBar::rateText(16.0), QStringLiteral("16×"));
    QCOMPARE(ReviewBar::rateText(-2.0), QStringLiteral("−2×"));
    QCOMPARE(ReviewBar::rateText(0.125), QStringLiteral("⅛×"));
    QCOMPARE(ReviewBar::rateText(0.25), QStringLiteral("¼×"));
    QCOMPARE(ReviewBar::rateText(-0.5), QStringLiteral("−½×"));
}

void TestReviewBar::labelsShowWhatTheOwnerSets()
{
    ReviewBar bar;
    const QTimeZone paris("Europe/Paris");
    bar.setTimeZone(paris, QLocale(QLocale::French, QLocale::France));
    const qint64 t = QDateTime(QDate(2026, 11, 28), QTime(14, 2, 7, 320), paris).toMSecsSinceEpoch();
    bar.setPosition(t);
    QCOMPARE(bar.position(), t);
    QCOMPARE(child<QLabel>(bar, "reviewPosition")->text(), QStringLiteral("28/11/2026 14:02:07.320"));
    // Another locale, its own date order, still four-digit years and milliseconds.
    bar.setTimeZone(paris, QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(child<QLabel>(bar, "reviewPosition")->text(), QStringLiteral("11/28/2026 14:02:07.320"));
    bar.setStateText(QStringLiteral("No recording here — next at 14:03:12"));
    QCOMPARE(child<QLabel>(bar, "reviewState")->text(), QStringLiteral("No recording here — next at 14:03:12"));
    QCOMPARE(bar.stateText(), QStringLiteral("No recording here — next at 14:03:12"));
    bar.setRate(8.0);
    QCOMPARE(child<QToolButton>(bar, "reviewSpeed")->text(), QStringLiteral("8×"));
}

void TestReviewBar::bookmarkFollowsTheSelection()
{
    ReviewBar bar;
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    QSignalSpy bookmark(&bar, &ReviewBar::bookmarkRequested);
    auto* button = child<QPushButton>(bar, "reviewBookmark");
    QVERIFY(!button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(bookmark.count(), 0);
    bar.setSelectionAvailable(true);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(bookmark.count(), 1);
    bar.setSelectionAvailable(false);
    QVERIFY(!button->isEnabled());
}

void TestReviewBar::everyControlIsNamedAndExplained()
{
    ReviewBar bar;
    for (const char* name : {"reviewStepBack", "reviewReverse", "reviewPause", "reviewPlay", "reviewStepForward",
                             "reviewSpeed", "reviewBookmark", "reviewLive"}) {
        auto* widget = child<QWidget>(bar, name);
        QVERIFY2(widget, name);
        QVERIFY2(!widget->accessibleName().isEmpty(), name);
        QVERIFY2(!widget->toolTip().isEmpty(), name);
    }
    // The tool tips teach the timeline's keys.
    QVERIFY(child<QWidget>(bar, "reviewReverse")->toolTip().contains(QLatin1Char('J')));
    QVERIFY(child<QWidget>(bar, "reviewPause")->toolTip().contains(QLatin1Char('K')));
    QVERIFY(child<QWidget>(bar, "reviewPlay")->toolTip().contains(QLatin1Char('L')));
    QVERIFY(child<QWidget>(bar, "reviewStepBack")->toolTip().contains(QStringLiteral("Left")));
    QVERIFY(child<QWidget>(bar, "reviewStepForward")->toolTip().contains(QStringLiteral("Right")));
}

void TestReviewBar::bookmarkDialogNeedsATitle()
{
    BookmarkDialog dialog;
    dialog.setCamera(QStringLiteral("Quai Saint-Antoine"));
    dialog.setRange(1'000'000, 1'065'000);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QPushButton* ok = dialog.buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(dialog.titleEdit(), QStringLiteral("   "));
    QVERIFY(!ok->isEnabled());  // spaces are no title
    dialog.titleEdit()->clear();
    // QTest types Latin-1 keys only: the accents come as an input method commits them.
    QTest::keyClicks(dialog.titleEdit(), QStringLiteral("V"));
    QVERIFY(ok->isEnabled());
    dialog.titleEdit()->insert(QStringLiteral("éhicule arrêté"));
    QCOMPARE(dialog.title(), QStringLiteral("Véhicule arrêté"));
    QCOMPARE(dialog.titleEdit()->maxLength(), BookmarkDialog::kMaxTitle);
    dialog.setNote(QString(BookmarkDialog::kMaxNote + 50, QLatin1Char('x')));
    QCOMPARE(dialog.note().size(), BookmarkDialog::kMaxNote);
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("bookmarkReminder"))->text().contains(QStringLiteral("CNIL")));
    QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("bookmarkCamera"))->text(), QStringLiteral("Quai Saint-Antoine"));
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("bookmarkRange"))->text().contains(QStringLiteral("1 min 05 s")));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(accepted.count(), 1);
}

QTEST_MAIN(TestReviewBar)
#include "test_review_bar.moc"
