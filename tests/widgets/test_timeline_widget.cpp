// The incident-review timeline as the investigator uses it, in a shown window: wheel zoom around the
// pointer, drag to pan, click and drag the playhead, shift-drag a range, the keyboard (J/K/L, arrows,
// Home/End, +/-, Ctrl+G), markers under the pointer, what is drawn where (pixels of a grab), the view
// following the playback clock, and the paint time at a heavy load (printed).
//
// VIGIE_TIMELINE_SHOT=<file.png> also saves a picture of a realistic timeline (screenshot()).

#include <QtTest>

#include <QApplication>
#include <QDateTimeEdit>
#include <QDialog>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <memory>

#include "vigie/widgets/Theme.h"
#include "vigie/widgets/TimelineWidget.h"

using vigie::widgets::Theme;
using vigie::widgets::TimelineAlarm;
using vigie::widgets::TimelineBookmark;
using vigie::widgets::TimelineMarkerKind;
using vigie::widgets::TimelineRow;
using vigie::widgets::TimelineScale;
using vigie::widgets::TimelineWidget;
using vigie::widgets::TimeSpan;

namespace {
constexpr qint64 kSecond = TimelineScale::kSecond;
constexpr qint64 kMinute = TimelineScale::kMinute;
constexpr qint64 kHour = TimelineScale::kHour;
constexpr qint64 kDay = TimelineScale::kDay;

const QTimeZone& paris()
{
    static const QTimeZone zone("Europe/Paris");
    return zone;
}

qint64 parisTime(int year, int month, int day, int hour, int minute = 0, int second = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), paris()).toMSecsSinceEpoch();
}

// The fixed "now" of every test: Saturday 28 November 2026, 14:00 in Paris.
const qint64 kNow = parisTime(2026, 11, 28, 14);

void wheel(QWidget* widget, QPoint pos, int angleDelta)
{
    QWheelEvent event(pos, widget->mapToGlobal(pos), QPoint(), QPoint(0, angleDelta), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

QString describe(QRgb rgb)
{
    return QStringLiteral("rgb(%1, %2, %3)").arg(qRed(rgb)).arg(qGreen(rgb)).arg(qBlue(rgb));
}
}  // namespace

class TestTimelineWidget : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void wheelZoomKeepsTimeUnderPointer();
    void visibleRangeSignalIsCoalesced();
    void dragPans();
    void clickSetsPlayhead();
    void clickOnRulerAndDragScrubs();
    void draggingThePlayheadScrubs();
    void shiftDragSelectsRange();
    void shuttleStepAndJumpKeys();
    void homeEndAndZoomKeys();
    void ctrlGJumpsToDateTime();
    void markersHitTest();
    void markerToolTips();
    void recordedSpanIsDrawnAndGapIsNot();
    void playheadFollowsAcrossPage();
    void playheadWaitsWhileUserLooksElsewhere();
    void focusIsShownAndKeyboardOnlyUse();
    void paintTimeAtLoad();
    void screenshot();

private:
    // 4 rows; row 0: recorded [13:10, 13:25) and [13:40, 14:00), gap [13:25, 13:40).
    QList<TimelineRow> basicRows() const;
    QPoint at(qint64 time, int y) const { return QPoint(qRound(m_widget->xForTime(time)), y); }
    // One pixel's worth of time, for comparisons at pixel precision.
    qint64 pixel() const { return qint64(std::ceil(m_widget->msPerPixel())); }

    std::unique_ptr<TimelineWidget> m_widget;
};

void TestTimelineWidget::initTestCase()
{
    QVERIFY2(paris().isValid(), "the system's time zone database lacks Europe/Paris");
    QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(Theme::palette(Theme::Kind::Dark));
}

QList<TimelineRow> TestTimelineWidget::basicRows() const
{
    const qint64 t = parisTime(2026, 11, 28, 13);
    QList<TimelineRow> rows;
    rows.append(TimelineRow{QStringLiteral("cam-1"), QStringLiteral("Carrefour Gambetta"),
                            {{t + 10 * kMinute, t + 25 * kMinute}, {t + 40 * kMinute, kNow}},
                            {{t + 25 * kMinute, t + 40 * kMinute}},
                            {{t - kHour, t + 10 * kMinute}},
                            {}});
    rows.append(TimelineRow{QStringLiteral("cam-2"), QStringLiteral("Parvis mairie"), {{t - 2 * kHour, kNow}}, {}, {}, {}});
    rows.append(TimelineRow{QStringLiteral("cam-3"), QStringLiteral("Rue Nationale"), {{t + 5 * kMinute, kNow}}, {}, {}, {}});
    rows.append(TimelineRow{QStringLiteral("cam-4"), QStringLiteral("Parking Vauban"), {}, {}, {}, {{t, kNow}}});
    return rows;
}

void TestTimelineWidget::init()
{
    m_widget = std::make_unique<TimelineWidget>();
    m_widget->setClock([] { return kNow; });
    m_widget->setTimeZone(paris(), QLocale(QLocale::English, QLocale::UnitedKingdom));
    m_widget->setRows(basicRows());
    m_widget->resize(1000, 360);
    m_widget->setVisibleRange(kNow - kHour, kNow);
    m_widget->setPlayhead(kNow - 30 * kMinute);
    QSignalSpy firstRange(m_widget.get(), &TimelineWidget::visibleRangeChanged);
    m_widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_widget.get()));
    m_widget->activateWindow();
    m_widget->setFocus();
    // Showing it announces the view once: wait for that so that each test sees only its own signals.
    QVERIFY(firstRange.wait(2000));
    QCOMPARE(m_widget->visibleStart(), kNow - kHour);
    QCOMPARE(m_widget->visibleEnd(), kNow);
}

void TestTimelineWidget::cleanup()
{
    m_widget.reset();
}

void TestTimelineWidget::wheelZoomKeepsTimeUnderPointer()
{
    // Away from the live edge, which would stop the view (and move the anchor) when zooming out.
    m_widget->setVisibleRange(kNow - 5 * kHour, kNow - 4 * kHour);
    const QPoint pos(640, m_widget->rowRect(1).center().y());
    const qint64 under = m_widget->timeAtX(pos.x());
    wheel(m_widget.get(), pos, 120);
    QCOMPARE(m_widget->scale().span(), qint64(std::llround(kHour * 0.8)));
    QVERIFY2(std::abs(m_widget->xForTime(under) - pos.x()) <= 1.0, qPrintable(QString::number(m_widget->xForTime(under))));
    wheel(m_widget.get(), pos, -240);
    QVERIFY(std::abs(m_widget->scale().span() - std::llround(kHour * 0.8 / 0.64)) <= 1);
    QVERIFY(std::abs(m_widget->xForTime(under) - pos.x()) <= 1.0);
    // Over the ruler too.
    const QPoint onRuler(300, m_widget->rulerRect().center().y());
    const qint64 underRuler = m_widget->timeAtX(onRuler.x());
    wheel(m_widget.get(), onRuler, 360);
    QVERIFY(std::abs(m_widget->xForTime(underRuler) - onRuler.x()) <= 1.0);
}

void TestTimelineWidget::visibleRangeSignalIsCoalesced()
{
    QSignalSpy spy(m_widget.get(), &TimelineWidget::visibleRangeChanged);
    const QPoint pos(500, m_widget->rowRect(0).center().y());
    for (int i = 0; i < 8; ++i)
        wheel(m_widget.get(), pos, 120);
    QVERIFY(spy.wait(1000));
    QCOMPARE(spy.count(), 1);  // eight zoom steps, one request
    const QList<QVariant> args = spy.takeFirst();
    QCOMPARE(args.at(0).toLongLong(), m_widget->visibleStart());
    QCOMPARE(args.at(1).toLongLong(), m_widget->visibleEnd());
    QCOMPARE(args.at(2).toDouble(), m_widget->msPerPixel());
    QCOMPARE(args.at(2).toDouble(), double(m_widget->scale().span()) / (m_widget->rulerRect().width()));
    // Nothing more comes while nothing changes.
    QVERIFY(!spy.wait(200));
}

void TestTimelineWidget::dragPans()
{
    QSignalSpy moved(m_widget.get(), &TimelineWidget::playheadMoved);
    const int y = m_widget->rowRect(1).center().y();
    const qint64 grabbed = m_widget->timeAtX(500);
    const qint64 startBefore = m_widget->visibleStart();
    const double msPerPixel = m_widget->msPerPixel();
    QTest::mousePress(m_widget.get(), Qt::LeftButton, Qt::NoModifier, QPoint(500, y));
    QTest::mouseMove(m_widget.get(), QPoint(505, y));
    QTest::mouseMove(m_widget.get(), QPoint(560, y));
    QTest::mouseMove(m_widget.get(), QPoint(620, y));
    QTest::mouseRelease(m_widget.get(), Qt::LeftButton, Qt::NoModifier, QPoint(620, y));
    // Dragged 120 px to the right: 120 px earlier, the grabbed time under the pointer.
    QVERIFY(std::abs(m_widget->visibleStart() - (startBefore - qint64(120 * msPerPixel))) <= pixel());
    QVERIFY(std::abs(m_widget->xForTime(grabbed) - 620) <= 1.0);
    QCOMPARE(m_widget->scale().span(), kHour);
    QCOMPARE(moved.count(), 0);  // a pan is not a click
    // The bounds stop it at the live edge + margin.
    QTest::mousePress(m_widget.get(), Qt::LeftButton, Qt::NoModifier, QPoint(900, y));
    QTest::mouseMove(m_widget.get(), QPoint(700, y));
    QTest::mouseMove(m_widget.get(), QPoint(300, y));
    QTest::mouseRelease(m_widget.get(), Qt::LeftButton, Qt::NoModifier, QPoint(300, y));
    QCOMPARE(m_widget->visibleEnd(), kNow + TimelineWidget::kFutureMarginMs);
}

void TestTimelineWidget::clickSetsPlayhead()
{
    QSignalSpy moved(m_widget.get(), &TimelineWidget::playheadMoved);
    QSignalSpy released(m_widget.get(), &TimelineWidget::playheadReleased);
    const QPoint pos(400, m_widget->rowRect(2).center().y());
    // What x 400 means, from the view alone.
    const double timeLeft = m_widget->rulerRect().left();
    const qint64 expected = m_widget->visibleStart() + qint64((pos.x() - timeLeft) * m_widget->msPerPixel());
    QTest::mouseClick(m_widget.get(), Qt::LeftButton, Qt::NoModifier, pos);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(moved.at(0).at(1).toBool(), false);
    QCOMPARE(released.count(), 1);
    const qint64 t = released.at(0).at(0).toLongLong();
    QVERIFY2(std::abs(t - expected) <= pixel(), qPrintable(QStringLiteral("%1 vs %2").arg(t).arg(expected)));
    QCOMPARE(moved.at(0).at(0).toLongLong(), t);
    QCOMPARE(m_widget->playhead(), t);
    // In the future (past the live edge) the playhead stops at now.
    m_widget->setVisibleRange(kNow - 50 * kMinute, kNow + 5 * kMinute);
    QTest::mouseClick(m_widget.get(), Qt::LeftButton, Qt::NoModifier, at(kNow + 3 * kMinute, pos.y()));
    QCOMPARE(released.last().at(0).toLongLong(), kNow);
}

void TestTimelineWidget::clickOnRulerAndDragScrubs()
{
    QSignalSpy moved(m_widget.get(), &TimelineWidget::playheadMoved);
    QSignalSpy released(m_widget.get(), &TimelineWidget::playheadReleased);
    const int y = m_widget->rulerRect().center().y();
    QTest::mousePress(m_widget.get(), Qt::LeftButton, Qt::NoModifier, QPoint(300, y));
    QCOMPARE(moved.count(), 1);
    QCOMPARE(moved.at(0).at(1).toBool(), true);
    QVERIFY(std::abs(moved.at(0).at(0).toLongLong() - m_widget->timeAtX(300)) <= pixel());
    QTest::mouseMove(m_widget.get(), QPoint(350, y));
    QTest::mouseMove(m_widget.get(), QPoint(420, y));
    QTest::mouseRelease(m_widget.get(), Qt::LeftButton, Qt::NoModifier, QPoint(420, y));
    QVERIFY(moved.count() >= 3);
    for (const auto& args : moved)
        QVERIFY(args.at(1).toBool());
    QCOMPARE(released.count(), 1);
    QVERIFY(std::abs(released.at(0).at(0).toLongLong() - m_widget->timeAtX(420)) <= pixel());
    QCOMPARE(m_widget->scale().start(), kNow - kHour);  // scrubbing does not pan
}

void TestTimelineWidget::draggingThePlayheadScrubs()
{
    const qint64 start = kNow - 40 * kMinute;
    m_widget->setPlayhead(start);
    QSignalSpy moved(m_widget.get(), &TimelineWidget::playheadMoved);
    QSignalSpy released(m_widget.get(), &TimelineWidget::playheadReleased);
    const int y = m_widget->rowRect(3).center().y();
    const QPoint grab = at(start, y) + QPoint(2, 0);  // within the grab distance
    QTest::mousePress(m_widget.get(), Qt::LeftButton, Qt::NoModifier, grab);
    QTest::mouseMove(m_widget.get(), grab + QPoint(80, 0));
    // The clock ticking meanwhile does not pull the line back from under the pointer.
    m_widget->setPlayhead(start + kSecond);
    QTest::mouseMove(m_widget.get(), grab + QPoint(150, 0));
    QTest::mouseRelease(m_widget.get(), Qt::LeftButton, Qt::NoModifier, grab + QPoint(150, 0));
    QVERIFY(moved.count() >= 2);
    QCOMPARE(released.count(), 1);
    const qint64 t = released.at(0).at(0).toLongLong();
    QVERIFY(std::abs(t - m_widget->timeAtX(grab.x() + 150)) <= pixel());
    QCOMPARE(m_widget->playhead(), t);
    QCOMPARE(m_widget->visibleStart(), kNow - kHour);  // not a pan
}

void TestTimelineWidget::shiftDragSelectsRange()
{
    QSignalSpy selected(m_widget.get(), &TimelineWidget::rangeSelected);
    QSignalSpy cleared(m_widget.get(), &TimelineWidget::selectionCleared);
    QSignalSpy moved(m_widget.get(), &TimelineWidget::playheadMoved);
    const int y = m_widget->rowRect(0).center().y();
    // Drawn right to left: the range comes out in order.
    QTest::mousePress(m_widget.get(), Qt::LeftButton, Qt::ShiftModifier, QPoint(700, y));
    QTest::mouseMove(m_widget.get(), QPoint(600, y));
    QTest::mouseMove(m_widget.get(), QPoint(350, y));
    QTest::mouseRelease(m_widget.get(), Qt::LeftButton, Qt::ShiftModifier, QPoint(350, y));
    QCOMPARE(selected.count(), 1);
    const qint64 start = selected.at(0).at(0).toLongLong();
    const qint64 end = selected.at(0).at(1).toLongLong();
    QVERIFY(std::abs(start - m_widget->timeAtX(350)) <= pixel());
    QVERIFY(std::abs(end - m_widget->timeAtX(700)) <= pixel());
    QVERIFY(m_widget->selection());
    QCOMPARE(m_widget->selection()->start, start);
    QCOMPARE(m_widget->selection()->end, end);
    QCOMPARE(moved.count(), 0);
    // Drawn: the band's translucent highlight lies over the row, not outside it.
    const QImage image = m_widget->grab().toImage();
    const QRgb inside = image.pixel(500, m_widget->bookmarkLaneRect().center().y());
    const QRgb outside = image.pixel(800, m_widget->bookmarkLaneRect().center().y());
    QVERIFY2(inside != outside, qPrintable(describe(inside)));
    QVERIFY(qBlue(inside) > qBlue(outside));
    // Escape clears it.
    QTest::keyClick(m_widget.get(), Qt::Key_Escape);
    QCOMPARE(cleared.count(), 1);
    QVERIFY(!m_widget->selection());
    // A shift-click (no width) selects nothing.
    QTest::mouseClick(m_widget.get(), Qt::LeftButton, Qt::ShiftModifier, QPoint(500, y));
    QCOMPARE(selected.count(), 1);
    QVERIFY(!m_widget->selection());
}

void TestTimelineWidget::shuttleStepAndJumpKeys()
{
    QSignalSpy shuttle(m_widget.get(), &TimelineWidget::shuttleRequested);
    QSignalSpy step(m_widget.get(), &TimelineWidget::stepRequested);
    QSignalSpy jump(m_widget.get(), &TimelineWidget::jumpRequested);
    QTest::keyClick(m_widget.get(), Qt::Key_J);
    QTest::keyClick(m_widget.get(), Qt::Key_K);
    QTest::keyClick(m_widget.get(), Qt::Key_L);
    QTest::keyClick(m_widget.get(), Qt::Key_L);
    QCOMPARE(shuttle.count(), 4);
    QCOMPARE(shuttle.at(0).at(0).toInt(), -1);
    QCOMPARE(shuttle.at(1).at(0).toInt(), 0);
    QCOMPARE(shuttle.at(2).at(0).toInt(), 1);
    QCOMPARE(shuttle.at(3).at(0).toInt(), 1);
    QTest::keyClick(m_widget.get(), Qt::Key_Left);
    QTest::keyClick(m_widget.get(), Qt::Key_Right);
    QCOMPARE(step.count(), 2);
    QCOMPARE(step.at(0).at(0).toInt(), -1);
    QCOMPARE(step.at(1).at(0).toInt(), 1);
    QTest::keyClick(m_widget.get(), Qt::Key_Left, Qt::ShiftModifier);
    QTest::keyClick(m_widget.get(), Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(jump.count(), 2);
    QCOMPARE(jump.at(0).at(0).toLongLong(), -10 * kSecond);
    QCOMPARE(jump.at(1).at(0).toLongLong(), 10 * kSecond);
    QCOMPARE(step.count(), 2);  // Shift made them jumps, not steps
    // The widget does not move its playhead for these: the playback clock will.
    QCOMPARE(m_widget->playhead(), kNow - 30 * kMinute);
}

void TestTimelineWidget::homeEndAndZoomKeys()
{
    QSignalSpy seek(m_widget.get(), &TimelineWidget::seekRequested);
    // Home: the earliest recording of any row (cam-2's, 11:00), brought into view.
    QTest::keyClick(m_widget.get(), Qt::Key_Home);
    QCOMPARE(seek.count(), 1);
    QCOMPARE(seek.at(0).at(0).toLongLong(), parisTime(2026, 11, 28, 11));
    QCOMPARE(m_widget->playhead(), parisTime(2026, 11, 28, 11));
    QVERIFY(m_widget->scale().contains(parisTime(2026, 11, 28, 11)));
    // End: the live edge.
    QTest::keyClick(m_widget.get(), Qt::Key_End);
    QCOMPARE(seek.count(), 2);
    QCOMPARE(seek.at(1).at(0).toLongLong(), kNow);
    QVERIFY(m_widget->scale().contains(kNow) || m_widget->visibleEnd() == kNow + TimelineWidget::kFutureMarginMs);
    // + and - zoom around the playhead, which stays where it is drawn (away from the live edge, which
    // would stop the view).
    m_widget->setVisibleRange(kNow - 3 * kHour, kNow - 2 * kHour);
    m_widget->setPlayhead(kNow - 2 * kHour - 20 * kMinute);
    const double x = m_widget->xForTime(m_widget->playhead());
    QTest::keyClick(m_widget.get(), Qt::Key_Plus);
    QCOMPARE(m_widget->scale().span(), kHour / 2);
    QVERIFY(std::abs(m_widget->xForTime(m_widget->playhead()) - x) <= 1.0);
    QTest::keyClick(m_widget.get(), Qt::Key_Minus);
    QTest::keyClick(m_widget.get(), Qt::Key_Minus);
    QCOMPARE(m_widget->scale().span(), 2 * kHour);
    QVERIFY(std::abs(m_widget->xForTime(m_widget->playhead()) - x) <= 1.0);
    QTest::keyClick(m_widget.get(), Qt::Key_Equal);  // + without Shift
    QCOMPARE(m_widget->scale().span(), kHour);
}

void TestTimelineWidget::ctrlGJumpsToDateTime()
{
    QSignalSpy seek(m_widget.get(), &TimelineWidget::seekRequested);
    QTest::keyClick(m_widget.get(), Qt::Key_G, Qt::ControlModifier);
    QDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_widget->findChild<QDialog*>(QStringLiteral("timelineJumpDialog"))) && dialog->isVisible());
    auto* edit = dialog->findChild<QDateTimeEdit*>(QStringLiteral("timelineJumpEdit"));
    QVERIFY(edit);
    // It opens at the playhead, to the second, in the timeline's zone.
    QCOMPARE(edit->dateTime().date(), QDate(2026, 11, 28));
    QCOMPARE(edit->dateTime().time(), QTime(13, 30, 0));
    QVERIFY(edit->displayFormat().contains(QStringLiteral("ss")));
    edit->setDateTime(QDateTime(QDate(2026, 11, 27), QTime(9, 41, 17), QTimeZone::utc()));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE(seek.count(), 1);
    const qint64 target = parisTime(2026, 11, 27, 9, 41, 17);
    QCOMPARE(seek.at(0).at(0).toLongLong(), target);
    QCOMPARE(m_widget->playhead(), target);
    // Centred.
    QVERIFY(std::abs(m_widget->visibleStart() + m_widget->scale().span() / 2 - target) <= 1);
    QTRY_VERIFY(!m_widget->findChild<QDialog*>(QStringLiteral("timelineJumpDialog")));
    // Escape cancels without seeking.
    QTest::keyClick(m_widget.get(), Qt::Key_G, Qt::ControlModifier);
    QTRY_VERIFY((dialog = m_widget->findChild<QDialog*>(QStringLiteral("timelineJumpDialog"))) && dialog->isVisible());
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!m_widget->findChild<QDialog*>(QStringLiteral("timelineJumpDialog")));
    QCOMPARE(seek.count(), 1);
}

void TestTimelineWidget::markersHitTest()
{
    const qint64 alarmTime = kNow - 45 * kMinute;
    m_widget->setAlarms({TimelineAlarm{QStringLiteral("a-low"), alarmTime + 2 * kSecond, 4, QStringLiteral("Loitering")},
                         TimelineAlarm{QStringLiteral("a-high"), alarmTime, 1, QStringLiteral("Intrusion")},
                         TimelineAlarm{QStringLiteral("a-far"), kNow - 10 * kMinute, 2, QStringLiteral("Crowd")}});
    m_widget->setBookmarks({TimelineBookmark{QStringLiteral("b-1"), {kNow - 30 * kMinute, kNow - 20 * kMinute},
                                             QStringLiteral("Witness statement")}});
    const int alarmY = m_widget->alarmLaneRect().center().y();
    const int bookmarkY = m_widget->bookmarkLaneRect().center().y();
    // Two alarms within a pixel: the urgent one is found (it is the one drawn on top).
    auto hit = m_widget->markerAt(at(alarmTime, alarmY));
    QVERIFY(hit);
    QCOMPARE(hit->kind, TimelineMarkerKind::Alarm);
    QCOMPARE(hit->id, QStringLiteral("a-high"));
    QCOMPARE(hit->time, alarmTime);
    hit = m_widget->markerAt(at(kNow - 10 * kMinute, alarmY) + QPoint(3, 0));
    QVERIFY(hit);
    QCOMPARE(hit->id, QStringLiteral("a-far"));
    QVERIFY(!m_widget->markerAt(at(kNow - 10 * kMinute, alarmY) + QPoint(12, 0)));
    QVERIFY(!m_widget->markerAt(at(alarmTime, m_widget->rowRect(0).center().y())));  // not in a row
    hit = m_widget->markerAt(at(kNow - 25 * kMinute, bookmarkY));
    QVERIFY(hit);
    QCOMPARE(hit->kind, TimelineMarkerKind::Bookmark);
    QCOMPARE(hit->id, QStringLiteral("b-1"));
    QVERIFY(!m_widget->markerAt(at(kNow - 15 * kMinute, bookmarkY)));

    QSignalSpy activated(m_widget.get(), &TimelineWidget::markerActivated);
    QSignalSpy moved(m_widget.get(), &TimelineWidget::playheadMoved);
    QTest::mouseClick(m_widget.get(), Qt::LeftButton, Qt::NoModifier, at(alarmTime, alarmY));
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).value<TimelineMarkerKind>(), TimelineMarkerKind::Alarm);
    QCOMPARE(activated.at(0).at(1).toString(), QStringLiteral("a-high"));
    QCOMPARE(activated.at(0).at(2).toLongLong(), alarmTime);
    QTest::mouseClick(m_widget.get(), Qt::LeftButton, Qt::NoModifier, at(kNow - 22 * kMinute, bookmarkY));
    QCOMPARE(activated.count(), 2);
    QCOMPARE(activated.at(1).at(0).value<TimelineMarkerKind>(), TimelineMarkerKind::Bookmark);
    QCOMPARE(activated.at(1).at(1).toString(), QStringLiteral("b-1"));
    QCOMPARE(activated.at(1).at(2).toLongLong(), kNow - 30 * kMinute);
    QCOMPARE(moved.count(), 0);  // a marker click is not a playhead click
    // An empty spot of the lane is background: a click there moves the playhead.
    QTest::mouseClick(m_widget.get(), Qt::LeftButton, Qt::NoModifier, at(kNow - 5 * kMinute, alarmY));
    QCOMPARE(activated.count(), 2);
    QCOMPARE(moved.count(), 1);
}

void TestTimelineWidget::markerToolTips()
{
    const qint64 alarmTime = parisTime(2026, 11, 28, 13, 15, 42);
    m_widget->setAlarms({TimelineAlarm{QStringLiteral("a-1"), alarmTime, 2, QStringLiteral("Abandoned object")}});
    const QPoint pos = at(alarmTime, m_widget->alarmLaneRect().center().y());
    QHelpEvent help(QEvent::ToolTip, pos, m_widget->mapToGlobal(pos));
    QApplication::sendEvent(m_widget.get(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().contains(QStringLiteral("Abandoned object")), qPrintable(QToolTip::text()));
    QVERIFY2(QToolTip::text().contains(QStringLiteral("13:15:42")), qPrintable(QToolTip::text()));
    QVERIFY(QToolTip::text().contains(QStringLiteral("priority 2")));
    // Over a row: the camera and what its recording holds there.
    const QPoint gap = at(parisTime(2026, 11, 28, 13, 30), m_widget->rowRect(0).center().y());
    QHelpEvent overGap(QEvent::ToolTip, gap, m_widget->mapToGlobal(gap));
    QApplication::sendEvent(m_widget.get(), &overGap);
    QTRY_VERIFY(QToolTip::text().contains(QStringLiteral("Carrefour Gambetta")));
    QVERIFY2(QToolTip::text().contains(QStringLiteral("no recording")), qPrintable(QToolTip::text()));
    QToolTip::hideText();
}

void TestTimelineWidget::recordedSpanIsDrawnAndGapIsNot()
{
    m_widget->setPlayhead(kNow - 55 * kMinute);  // out of the way
    const QImage image = m_widget->grab().toImage();
    const QRgb recorded = m_widget->colors().recorded.rgb();
    const int y = m_widget->rowRect(0).center().y();
    const qint64 t = parisTime(2026, 11, 28, 13);
    // Recorded [13:10, 13:25): inside, and right at its edges.
    for (const qint64 time : {t + 12 * kMinute + 30 * kSecond, t + 17 * kMinute, t + 24 * kMinute}) {
        const QPoint p = at(time, y);
        QVERIFY2(image.pixel(p) == recorded, qPrintable(describe(image.pixel(p)) + QStringLiteral(" at x %1").arg(p.x())));
    }
    const int startX = int(std::floor(m_widget->xForTime(t + 10 * kMinute)));
    QCOMPARE(image.pixel(startX + 1, y), recorded);
    QVERIFY(image.pixel(startX - 2, y) != recorded);  // out of retention before it
    // The gap [13:25, 13:40): not recorded colour anywhere inside, its outline drawn at the row's edge.
    for (qint64 time = t + 26 * kMinute; time < t + 39 * kMinute; time += 30 * kSecond) {
        const QPoint p = at(time, y);
        QVERIFY2(image.pixel(p) != recorded, qPrintable(QStringLiteral("gap drawn as recorded at x %1").arg(p.x())));
    }
    const QRect row = m_widget->rowRect(0);
    const QRgb outline = m_widget->colors().gapOutline.rgb();
    bool outlined = false;
    for (int yy = row.top(); yy <= row.bottom(); ++yy)
        outlined = outlined || image.pixel(at(t + 32 * kMinute, yy).x(), yy) == outline;
    QVERIFY(outlined);
    // Recorded again after the gap, in every row that has it.
    QCOMPARE(image.pixel(at(t + 50 * kMinute, y)), recorded);
    QCOMPARE(image.pixel(at(t + 50 * kMinute, m_widget->rowRect(1).center().y())), recorded);
    // Row 3 is loading there: hatched, never the recorded colour.
    for (int dx = 0; dx < 16; ++dx)
        QVERIFY(image.pixel(at(t + 30 * kMinute, m_widget->rowRect(3).center().y()) + QPoint(dx, 0)) != recorded);
    // A span shorter than a pixel is still drawn (a short recording must stay findable).
    m_widget->updateRow(TimelineRow{QStringLiteral("cam-4"), QStringLiteral("Parking Vauban"),
                                    {{t + 20 * kMinute, t + 20 * kMinute + 200}}, {}, {}, {}});
    const QImage after = m_widget->grab().toImage();
    const int x = int(std::floor(m_widget->xForTime(t + 20 * kMinute)));
    QCOMPARE(after.pixel(x, m_widget->rowRect(3).center().y()), recorded);
}

void TestTimelineWidget::playheadFollowsAcrossPage()
{
    QSignalSpy range(m_widget.get(), &TimelineWidget::visibleRangeChanged);
    const qint64 start = kNow - kHour;
    // Playing within the view: no move.
    m_widget->setPlayhead(start + 50 * kMinute);
    QCOMPARE(m_widget->visibleStart(), start);
    // Crossing the right edge: the next page, starting a tenth of a span before the playhead.
    m_widget->setVisibleRange(kNow - 3 * kHour, kNow - 2 * kHour);
    const qint64 pageEnd = m_widget->visibleEnd();
    m_widget->setPlayhead(pageEnd - kSecond);
    QCOMPARE(m_widget->visibleEnd(), pageEnd);
    m_widget->setPlayhead(pageEnd + 40);
    QVERIFY(m_widget->scale().contains(pageEnd + 40));
    QCOMPARE(m_widget->visibleStart(), pageEnd + 40 - kHour / 10);
    QCOMPARE(m_widget->scale().span(), kHour);
    QVERIFY(range.wait(1000));  // the caller hears of the new page
    QCOMPARE(range.last().at(0).toLongLong(), m_widget->visibleStart());
    // Reverse playback crossing the left edge pages backwards.
    const qint64 left = m_widget->visibleStart();
    m_widget->setPlayhead(left - 100);
    QVERIFY(m_widget->scale().contains(left - 100));
    QCOMPARE(m_widget->visibleEnd(), left - 100 + kHour / 10);
    // Drawn there: the playhead's colour at its x.
    const QImage image = m_widget->grab().toImage();
    const int x = int(std::floor(m_widget->xForTime(left - 100)));
    const int y = m_widget->rowRect(1).center().y();
    QVERIFY(image.pixel(x, y) == m_widget->colors().playhead.rgb() || image.pixel(x + 1, y) == m_widget->colors().playhead.rgb());
}

void TestTimelineWidget::playheadWaitsWhileUserLooksElsewhere()
{
    // The user zooms: for a few seconds the clock does not move their view.
    wheel(m_widget.get(), QPoint(500, m_widget->rowRect(0).center().y()), 120);
    const qint64 start = m_widget->visibleStart();
    m_widget->setPlayhead(m_widget->visibleEnd() + 10 * kSecond);
    QCOMPARE(m_widget->visibleStart(), start);
    QCOMPARE(m_widget->playhead(), m_widget->visibleEnd() + 10 * kSecond);  // the line is still where the clock says
}

void TestTimelineWidget::focusIsShownAndKeyboardOnlyUse()
{
    QTRY_VERIFY(m_widget->hasFocus());
    QCOMPARE(m_widget->focusPolicy(), Qt::StrongFocus);
    QVERIFY(!m_widget->accessibleName().isEmpty());
    const QRgb focus = m_widget->colors().focus.rgb();
    QImage image = m_widget->grab().toImage();
    QCOMPARE(image.pixel(0, m_widget->height() / 2), focus);
    QCOMPARE(image.pixel(m_widget->width() - 1, m_widget->height() / 2), focus);
    // Keyboard only: zoom, go to the live edge, step; nothing needs the mouse.
    QSignalSpy seek(m_widget.get(), &TimelineWidget::seekRequested);
    QTest::keyClick(m_widget.get(), Qt::Key_Minus);
    QCOMPARE(m_widget->scale().span(), 2 * kHour);
    QTest::keyClick(m_widget.get(), Qt::Key_End);
    QCOMPARE(seek.count(), 1);
    m_widget->clearFocus();
    QTRY_VERIFY(!m_widget->hasFocus());
    image = m_widget->grab().toImage();
    QVERIFY(image.pixel(0, m_widget->height() / 2) != focus);
}

void TestTimelineWidget::paintTimeAtLoad()
{
    // 16 cameras x 10 000 recorded spans and the 10 000 gaps between them, over 30 days; 4 000 alarms
    // and 1 000 bookmarks.
    QRandomGenerator random(42);
    const qint64 from = kNow - 30 * kDay;
    QList<TimelineRow> rows;
    for (int r = 0; r < 16; ++r) {
        TimelineRow row{QStringLiteral("cam-%1").arg(r), QStringLiteral("Camera %1").arg(r + 1), {}, {}, {}, {}};
        const qint64 slot = 30 * kDay / 10'000;
        for (int i = 0; i < 10'000; ++i) {
            const qint64 s = from + i * slot;
            const qint64 cut = s + slot / 4 + qint64(random.bounded(int(slot / 2)));
            row.recorded.append({s, cut});
            row.gaps.append({cut, s + slot});
        }
        row.outOfRetention.append({from - kDay, from});
        rows.append(std::move(row));
    }
    QList<TimelineAlarm> alarms;
    for (int i = 0; i < 4000; ++i)
        alarms.append({QStringLiteral("a%1").arg(i), from + qint64(random.bounded(30.0 * kDay)), 1 + int(random.bounded(4)),
                       QStringLiteral("Alarm %1").arg(i)});
    QList<TimelineBookmark> bookmarks;
    for (int i = 0; i < 1000; ++i) {
        const qint64 s = from + qint64(random.bounded(30.0 * kDay));
        bookmarks.append({QStringLiteral("b%1").arg(i), {s, s + 5 * kMinute}, QStringLiteral("Bookmark %1").arg(i)});
    }
    QElapsedTimer setTimer;
    setTimer.start();
    m_widget->setRows(rows);
    m_widget->setAlarms(alarms);
    m_widget->setBookmarks(bookmarks);
    const qint64 setMs = setTimer.elapsed();
    m_widget->resize(1600, m_widget->sizeHint().height());
    QTRY_COMPARE(m_widget->width(), 1600);
    m_widget->setSelection({kNow - 2 * kDay, kNow - kDay});

    QImage target(m_widget->size(), QImage::Format_ARGB32_Premultiplied);
    double worst = 0.0;
    const QList<QPair<QString, qint64>> views = {{QStringLiteral("30 days"), 30 * kDay},
                                                 {QStringLiteral("1 day"), kDay},
                                                 {QStringLiteral("1 hour"), kHour}};
    for (const auto& [name, span] : views) {
        m_widget->setVisibleRange(kNow - span, kNow);
        QList<double> times;
        for (int i = 0; i < 15; ++i) {
            QElapsedTimer timer;
            timer.start();
            m_widget->render(&target);
            times.append(timer.nsecsElapsed() / 1e6);
        }
        std::sort(times.begin(), times.end());
        const double median = times[times.size() / 2];
        worst = std::max(worst, median);
        qInfo("paint at load (%s view, 16 rows x 10000 spans + gaps, 5000 markers, %dx%d): median %.2f ms, max %.2f ms",
              qPrintable(name), m_widget->width(), m_widget->height(), median, times.back());
    }
    // On screen too (backing store and flush included).
    QElapsedTimer onScreen;
    onScreen.start();
    for (int i = 0; i < 10; ++i)
        m_widget->repaint();
    qInfo("repaint on screen (1 day view): %.2f ms per paint; setting the data: %lld ms",
          onScreen.nsecsElapsed() / 1e6 / 10, setMs);
#if defined(__SANITIZE_ADDRESS__)
    const double bound = 250.0;  // instrumented builds are several times slower
#else
    const double bound = 50.0;
#endif
    QVERIFY2(worst < bound, qPrintable(QStringLiteral("paint takes %1 ms").arg(worst)));
}

void TestTimelineWidget::screenshot()
{
    const QString path = qEnvironmentVariable("VIGIE_TIMELINE_SHOT");
    if (path.isEmpty())
        QSKIP("set VIGIE_TIMELINE_SHOT=<file.png> to save a picture");
    const qint64 day = parisTime(2026, 11, 28, 0);
    const auto at = [day](int h, int m, int s = 0) { return day + h * kHour + m * kMinute + s * kSecond; };
    QList<TimelineRow> rows;
    rows.append(TimelineRow{QStringLiteral("cam-1"), QStringLiteral("Carrefour Gambetta"),
                            {{at(5, 0), at(12, 31)}, {at(13, 12), kNow}}, {}, {}, {{at(12, 31), at(13, 12)}}});
    rows.append(TimelineRow{QStringLiteral("cam-2"), QStringLiteral("Parvis de la mairie"),
                            {{at(5, 0), at(9, 12)}, {at(9, 47), kNow}}, {{at(9, 12), at(9, 47)}}, {}, {}});
    TimelineRow motion{QStringLiteral("cam-3"), QStringLiteral("Rue Nationale (PTZ)"), {}, {}, {}, {}};
    QRandomGenerator random(7);
    for (qint64 t = at(5, 0); t < kNow;) {  // motion-triggered: short recordings with gaps between
        const qint64 length = (1 + random.bounded(12)) * kMinute;
        motion.recorded.append({t, std::min(t + length, kNow)});
        const qint64 pause = (1 + random.bounded(25)) * kMinute;
        motion.gaps.append({t + length, std::min(t + length + pause, kNow)});
        t += length + pause;
    }
    rows.append(motion);
    rows.append(TimelineRow{QStringLiteral("cam-4"), QStringLiteral("Parking Vauban niveau -2"),
                            {{at(7, 30), kNow}}, {}, {{at(5, 0), at(7, 30)}}, {}});
    m_widget->setRows(rows);
    m_widget->setAlarms({
        {QStringLiteral("a1"), at(7, 2), 3, QStringLiteral("Vehicle parked too long")},
        {QStringLiteral("a2"), at(9, 12), 2, QStringLiteral("Camera offline")},
        {QStringLiteral("a3"), at(10, 9, 40), 1, QStringLiteral("Intrusion")},
        {QStringLiteral("a4"), at(10, 14), 1, QStringLiteral("Bag snatching")},
        {QStringLiteral("a5"), at(11, 40), 4, QStringLiteral("Tamper check")},
        {QStringLiteral("a6"), at(12, 5), 2, QStringLiteral("Crowd forming")},
        {QStringLiteral("a7"), at(13, 20), 3, QStringLiteral("Loitering")},
    });
    m_widget->setBookmarks({{QStringLiteral("b1"), {at(10, 5), at(10, 31)}, QStringLiteral("Bag snatching, suspect on foot")},
                            {QStringLiteral("b2"), {at(6, 40), at(6, 52)}, QStringLiteral("Delivery")}});
    m_widget->resize(1280, m_widget->sizeHint().height());
    m_widget->setVisibleRange(at(5, 40), kNow + 10 * kMinute);
    m_widget->setSelection({at(9, 58), at(10, 40)});
    m_widget->setPlayhead(at(10, 12, 7) + 320);
    QTRY_COMPARE(m_widget->width(), 1280);
    QVERIFY(m_widget->grab().save(path));
    qInfo("saved %s", qPrintable(path));
    // Other zooms, for the eye: a week (day ticks, context by month), two days (the date changes on
    // screen), a minute (seconds).
    m_widget->clearSelection();
    const QList<QPair<QString, TimeSpan>> views = {{QStringLiteral("week"), {kNow - 7 * kDay, kNow}},
                                                   {QStringLiteral("2days"), {kNow - 40 * kHour, kNow + 5 * kMinute}},
                                                   {QStringLiteral("minute"), {at(10, 11, 40), at(10, 12, 40)}}};
    for (const auto& [name, range] : views) {
        m_widget->setVisibleRange(range.start, range.end);
        const QString variant = QString(path).replace(QStringLiteral(".png"), QStringLiteral("-%1.png").arg(name));
        QVERIFY(m_widget->grab().save(variant));
        qInfo("saved %s", qPrintable(variant));
    }
}

QTEST_MAIN(TestTimelineWidget)
#include "test_timeline_widget.moc"
