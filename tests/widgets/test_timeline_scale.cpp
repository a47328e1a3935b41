// TimelineScale's arithmetic, without a window: time <-> pixels both ways, zoom around an anchor, span
// limits, bounds, pan, the tick step and labels chosen for a span (labels never overlap), local-time
// alignment across DST changes (Europe/Paris injected, whatever the machine's zone), and the span lists'
// normalisation and search.

#include <QtTest>

#include <cmath>

#include "vigie/widgets/TimelineScale.h"
#include "vigie/widgets/TimelineSpans.h"

using vigie::widgets::TimelineScale;
using vigie::widgets::TimelineSpans;
using vigie::widgets::TimeSpan;

namespace {
constexpr qint64 kSecond = TimelineScale::kSecond;
constexpr qint64 kMinute = TimelineScale::kMinute;
constexpr qint64 kHour = TimelineScale::kHour;
constexpr qint64 kDay = TimelineScale::kDay;

// A font of 7 px per character, so that label widths are known exactly.
double measure(const QString& text)
{
    return 7.0 * text.size();
}

const QTimeZone& paris()
{
    static const QTimeZone zone("Europe/Paris");
    return zone;
}

QLocale english()
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom);
}

qint64 parisTime(int year, int month, int day, int hour, int minute = 0, int second = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), paris()).toMSecsSinceEpoch();
}

qint64 utc(const char* iso)
{
    QDateTime dt = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
    dt.setTimeZone(QTimeZone::utc());
    return dt.toMSecsSinceEpoch();
}

QTime wallClock(qint64 time, const QTimeZone& zone)
{
    return QDateTime::fromMSecsSinceEpoch(time, zone).time();
}

QStringList labels(const QList<TimelineScale::Tick>& ticks)
{
    QStringList out;
    for (const auto& tick : ticks)
        out.append(tick.label);
    return out;
}

// The ticks from the view's start on (the list also holds the one before it, whose label may show).
QList<TimelineScale::Tick> onScreen(const QList<TimelineScale::Tick>& ticks)
{
    QList<TimelineScale::Tick> out;
    for (const auto& tick : ticks)
        if (tick.x >= 0)
            out.append(tick);
    return out;
}

// A scale in Paris over [start, start + span) on `width` pixels, without bounds.
TimelineScale parisScale(qint64 start, qint64 span, double width)
{
    TimelineScale scale(paris(), english());
    scale.setWidth(width);
    scale.setView(start, start + span);
    return scale;
}
}  // namespace

class TestTimelineScale : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void mapsBothWays();
    void zoomKeepsAnchor_data();
    void zoomKeepsAnchor();
    void spanLimits();
    void bounds();
    void pans();
    void wheelFactor();
    void stepForSpan_data();
    void stepForSpan();
    void labelsNeverOverlap();
    void ticksAlignOnLocalTime();
    void dayBoundaryAcrossDst();
    void hourTicksAcrossDst();
    void dayTicksAreLocalMidnights();
    void contextNamesTheDay();
    void playheadLabel();
    void spansNormalizeAndSearch();
};

void TestTimelineScale::initTestCase()
{
    QVERIFY2(paris().isValid(), "the system's time zone database lacks Europe/Paris");
}

void TestTimelineScale::mapsBothWays()
{
    const qint64 t0 = utc("2026-11-28T14:00:00.000");
    TimelineScale scale(QTimeZone::utc(), english());
    scale.setWidth(1000);
    scale.setView(t0, t0 + 100 * kSecond);
    QCOMPARE(scale.start(), t0);
    QCOMPARE(scale.end(), t0 + 100 * kSecond);
    QCOMPARE(scale.span(), 100 * kSecond);
    QCOMPARE(scale.msPerPixel(), 100.0);
    QCOMPARE(scale.xForTime(t0), 0.0);
    QCOMPARE(scale.xForTime(t0 + 50 * kSecond), 500.0);
    QCOMPARE(scale.xForTime(t0 + 100 * kSecond), 1000.0);
    QCOMPARE(scale.xForTime(t0 - 10 * kSecond), -100.0);  // off screen, still linear
    QCOMPARE(scale.timeAtX(250), t0 + 25 * kSecond);
    QCOMPARE(scale.timeAtX(0.5), t0 + 50);
    for (qint64 t = t0; t < t0 + 100 * kSecond; t += 777)
        QCOMPARE(scale.timeAtX(scale.xForTime(t)), t);
    for (double x = 0; x <= 1000; x += 12.5)
        QVERIFY(std::abs(scale.xForTime(scale.timeAtX(x)) - x) <= 0.005);  // within a millisecond's worth
    QVERIFY(scale.contains(t0));
    QVERIFY(!scale.contains(t0 + 100 * kSecond));  // half-open
}

void TestTimelineScale::zoomKeepsAnchor_data()
{
    QTest::addColumn<double>("anchorX");
    QTest::addColumn<double>("factor");
    for (const double x : {0.0, 1.0, 137.0, 500.0, 999.0})
        for (const double factor : {0.8, 1.25, 0.5, 2.0, 0.1})
            QTest::addRow("x %g factor %g", x, factor) << x << factor;
}

void TestTimelineScale::zoomKeepsAnchor()
{
    QFETCH(double, anchorX);
    QFETCH(double, factor);
    TimelineScale scale = parisScale(parisTime(2026, 6, 10, 8), 6 * kHour, 1000);
    const qint64 anchor = scale.timeAtX(anchorX);
    const qint64 spanBefore = scale.span();
    scale.zoomBy(factor, anchor);
    QCOMPARE(scale.span(), std::llround(spanBefore * factor));
    QVERIFY2(std::abs(scale.xForTime(anchor) - anchorX) < 0.01,
             qPrintable(QStringLiteral("anchor moved to %1").arg(scale.xForTime(anchor))));
    // And back: the same anchor, the same view within a millisecond.
    scale.zoomBy(1.0 / factor, anchor);
    QVERIFY(std::abs(scale.span() - spanBefore) <= 1);
    QVERIFY(std::abs(scale.xForTime(anchor) - anchorX) < 0.01);
}

void TestTimelineScale::spanLimits()
{
    TimelineScale scale = parisScale(parisTime(2026, 6, 10, 8), kHour, 800);
    const qint64 anchor = scale.timeAtX(300);
    for (int i = 0; i < 100; ++i)
        scale.zoomBy(TimelineScale::wheelFactor(120), anchor);
    QCOMPARE(scale.span(), TimelineScale::kMinSpan);
    QVERIFY(std::abs(scale.xForTime(anchor) - 300) < 0.01);  // clamped, still around the anchor
    for (int i = 0; i < 200; ++i)
        scale.zoomBy(TimelineScale::wheelFactor(-120), anchor);
    QCOMPARE(scale.span(), TimelineScale::kMaxSpan);
    QVERIFY(std::abs(scale.xForTime(anchor) - 300) < 0.01);
    // setView keeps the middle of an out-of-range request.
    const qint64 t = parisTime(2026, 6, 10, 12);
    scale.setView(t, t + 10 * kSecond);
    QCOMPARE(scale.span(), kMinute);
    QCOMPARE(scale.start() + scale.span() / 2, t + 5 * kSecond);
    scale.setView(t, t + 60 * kDay);
    QCOMPARE(scale.span(), 30 * kDay);
    QCOMPARE(scale.start() + scale.span() / 2, t + 30 * kDay);
    // Nonsense factors change nothing.
    const qint64 start = scale.start();
    scale.zoomBy(0.0, t);
    scale.zoomBy(-2.0, t);
    scale.zoomBy(std::nan(""), t);
    QCOMPARE(scale.start(), start);
    QCOMPARE(scale.span(), 30 * kDay);
}

void TestTimelineScale::bounds()
{
    const qint64 now = utc("2026-11-28T14:00:00.000");
    TimelineScale scale(QTimeZone::utc(), english());
    scale.setWidth(1000);
    scale.setBounds(now - 30 * kDay, now + 5 * kMinute);
    scale.setView(now - kHour, now);
    QCOMPARE(scale.start(), now - kHour);
    scale.panByPixels(-100000);  // far into the future
    QCOMPARE(scale.end(), now + 5 * kMinute);
    QCOMPARE(scale.span(), kHour);
    scale.panByPixels(1e9);  // far into the past
    QCOMPARE(scale.start(), now - 30 * kDay);
    // Zooming out near an edge shifts the view inside the bounds rather than past them.
    scale.setView(now - 20 * kMinute, now);
    scale.zoomBy(10.0, now - 20 * kMinute);
    QCOMPARE(scale.span(), 200 * kMinute);
    QCOMPARE(scale.end(), now + 5 * kMinute);
    // The span never exceeds the bounds (here 30 days and 5 minutes: the 30-day limit wins).
    scale.zoomBy(1000.0, now);
    QCOMPARE(scale.span(), TimelineScale::kMaxSpan);
    QVERIFY(scale.start() >= scale.boundsMin() && scale.end() <= scale.boundsMax());
    // Narrower bounds limit the span to them.
    scale.setBounds(now - 2 * kHour, now);
    QCOMPARE(scale.span(), 2 * kHour);
    QCOMPARE(scale.start(), now - 2 * kHour);
    scale.clearBounds();
    QVERIFY(!scale.hasBounds());
    scale.panByPixels(-1e6);
    QVERIFY(scale.end() > now);
}

void TestTimelineScale::pans()
{
    const qint64 t0 = utc("2026-11-28T14:00:00.000");
    TimelineScale scale(QTimeZone::utc(), english());
    scale.setWidth(1000);
    scale.setView(t0, t0 + 100 * kSecond);  // 100 ms per pixel
    scale.panByPixels(100);  // content dragged right: earlier times come in
    QCOMPARE(scale.start(), t0 - 10 * kSecond);
    QCOMPARE(scale.span(), 100 * kSecond);
    scale.panByPixels(-250);
    QCOMPARE(scale.start(), t0 + 15 * kSecond);
    // The time under the pointer follows the pointer: what was at x 400 is at x 400 + dx.
    const qint64 grabbed = scale.timeAtX(400);
    scale.panByPixels(37);
    QCOMPARE(scale.xForTime(grabbed), 437.0);
    scale.centreOn(t0);
    QCOMPARE(scale.start(), t0 - 50 * kSecond);
}

void TestTimelineScale::wheelFactor()
{
    QCOMPARE(TimelineScale::wheelFactor(120), 0.8);
    QVERIFY(std::abs(TimelineScale::wheelFactor(-120) - 1.25) < 1e-12);
    QCOMPARE(TimelineScale::wheelFactor(0), 1.0);
    QVERIFY(std::abs(TimelineScale::wheelFactor(60) - std::sqrt(0.8)) < 1e-12);  // half a notch, half a step
    QVERIFY(std::abs(TimelineScale::wheelFactor(240) - 0.64) < 1e-12);
}

void TestTimelineScale::stepForSpan_data()
{
    QTest::addColumn<qint64>("span");
    QTest::addColumn<qint64>("majorStep");
    QTest::addColumn<qint64>("minorStep");
    QTest::addColumn<QString>("firstLabel");
    // 1000 px at 7 px per character: "14:02:07" needs 56 + 10 px, "14:02" 35 + 10, "Sat 28" 42 + 10.
    QTest::newRow("1 minute") << kMinute << 5 * kSecond << kSecond << QStringLiteral("14:00:00");
    QTest::newRow("1 hour") << kHour << 5 * kMinute << kMinute << QStringLiteral("14:00");
    QTest::newRow("1 day") << kDay << 2 * kHour << 30 * kMinute << QStringLiteral("14:00");
    QTest::newRow("30 days") << 30 * kDay << 2 * kDay << kDay << QStringLiteral("Tue 16");
}

void TestTimelineScale::stepForSpan()
{
    QFETCH(qint64, span);
    QFETCH(qint64, majorStep);
    QFETCH(qint64, minorStep);
    QFETCH(QString, firstLabel);
    // June: no DST change in any of these views.
    const TimelineScale scale = parisScale(parisTime(2026, 6, 15, 14), span, 1000);
    const TimelineScale::Ticks ticks = scale.ticks(measure);
    QCOMPARE(ticks.majorStep, majorStep);
    QCOMPARE(ticks.minorStep, minorStep);
    QVERIFY(!ticks.major.isEmpty());
    const auto firstOnScreen = std::find_if(ticks.major.cbegin(), ticks.major.cend(), [](const auto& t) { return t.x >= 0; });
    QVERIFY(firstOnScreen != ticks.major.cend());
    QCOMPARE(firstOnScreen->label, firstLabel);
    // The step below would not fit its labels: the chosen one is the smallest that does.
    const auto& steps = TimelineScale::niceSteps();
    const qsizetype index = steps.indexOf(majorStep);
    QVERIFY(index > 0);
    const double smallerPx = double(steps[index - 1]) / scale.msPerPixel();
    QVERIFY2(smallerPx < measure(ticks.major.first().label) + TimelineScale::kLabelGap,
             qPrintable(QStringLiteral("%1 px would have fitted").arg(smallerPx)));
}

void TestTimelineScale::labelsNeverOverlap()
{
    const qint64 start = parisTime(2026, 3, 20, 9, 17, 23);  // across the March DST change for long spans
    for (const double width : {180.0, 320.0, 640.0, 1000.0, 1920.0, 3840.0}) {
        for (qint64 span = kMinute; span <= 30 * kDay; span = qint64(span * 1.7)) {
            const TimelineScale scale = parisScale(start, span, width);
            const TimelineScale::Ticks ticks = scale.ticks(measure);
            const QString where = QStringLiteral("width %1 span %2 s step %3 s").arg(width).arg(span / 1000).arg(ticks.majorStep / 1000);
            for (qsizetype i = 0; i + 1 < ticks.major.size(); ++i) {
                const auto& a = ticks.major[i];
                const auto& b = ticks.major[i + 1];
                QVERIFY2(b.time > a.time, qPrintable(where));
                if (ticks.majorStep != TimelineScale::niceSteps().back())  // the last resort may not fit
                    QVERIFY2(b.x - a.x >= measure(a.label) + TimelineScale::kLabelGap,
                             qPrintable(where + QStringLiteral(": %1 and %2 overlap").arg(a.label, b.label)));
            }
            for (const auto& tick : ticks.major)
                QVERIFY2(tick.x >= -double(ticks.majorStep) / scale.msPerPixel() - 1 && tick.x <= width + 0.001, qPrintable(where));
            // Minor ticks: readable spacing, never on a major tick.
            for (qsizetype i = 0; i + 1 < ticks.minor.size(); ++i)
                QVERIFY2(ticks.minor[i + 1].x - ticks.minor[i].x >= TimelineScale::kMinMinorSpacing - 0.001, qPrintable(where));
            for (const auto& minor : ticks.minor)
                for (const auto& major : ticks.major)
                    QVERIFY2(minor.time != major.time, qPrintable(where));
            // Context labels that start on screen do not overlap either.
            for (qsizetype i = 1; i + 1 < ticks.context.size(); ++i)
                QVERIFY2(ticks.context[i + 1].x - ticks.context[i].x >= measure(ticks.context[i].label) + TimelineScale::kLabelGap,
                         qPrintable(where + QStringLiteral(": context ") + labels(ticks.context).join(QLatin1Char('|'))));
        }
    }
}

void TestTimelineScale::ticksAlignOnLocalTime()
{
    // Minute and hour ticks fall on round local times, whatever the offset from UTC.
    for (const char* zoneName : {"Europe/Paris", "Asia/Kolkata", "America/St_Johns", "UTC"}) {
        const QTimeZone zone(zoneName);
        QVERIFY(zone.isValid());
        TimelineScale scale(zone, english());
        scale.setWidth(1000);
        for (const qint64 span : {kMinute, 10 * kMinute, kHour, 6 * kHour, kDay}) {
            scale.setView(utc("2026-06-15T10:07:13.250"), utc("2026-06-15T10:07:13.250") + span);
            const TimelineScale::Ticks ticks = scale.ticks(measure);
            for (const auto& tick : ticks.major) {
                const QTime wall = wallClock(tick.time, zone);
                const qint64 msOfDay = wall.msecsSinceStartOfDay();
                QVERIFY2(msOfDay % ticks.majorStep == 0,
                         qPrintable(QStringLiteral("%1: %2 for step %3 s").arg(zoneName, wall.toString(), QString::number(ticks.majorStep / 1000))));
            }
        }
    }
}

void TestTimelineScale::dayBoundaryAcrossDst()
{
    TimelineScale scale(paris(), english());
    // Spring forward, Sunday 29 March 2026 at 02:00 -> 03:00: a 23-hour day.
    const qint64 springDay = scale.dayStart(parisTime(2026, 3, 29, 12));
    QCOMPARE(springDay, utc("2026-03-28T23:00:00.000"));
    const qint64 nextDay = scale.dayStart(parisTime(2026, 3, 30, 10));
    QCOMPARE(nextDay, utc("2026-03-29T22:00:00.000"));
    QCOMPARE(nextDay - springDay, 23 * kHour);
    // Fall back, Sunday 25 October 2026 at 03:00 -> 02:00: a 25-hour day.
    const qint64 autumnDay = scale.dayStart(parisTime(2026, 10, 25, 18));
    QCOMPARE(autumnDay, utc("2026-10-24T22:00:00.000"));
    QCOMPARE(scale.dayStart(parisTime(2026, 10, 26, 1)) - autumnDay, 25 * kHour);
    // The day's start is its own start; a millisecond before is the day before.
    QCOMPARE(scale.dayStart(springDay), springDay);
    QCOMPARE(scale.dayStart(springDay - 1), utc("2026-03-27T23:00:00.000"));
    // The same instant is another local day in another zone.
    const TimelineScale utcScale(QTimeZone::utc(), english());
    QCOMPARE(utcScale.dayStart(utc("2026-03-28T23:30:00.000")), utc("2026-03-28T00:00:00.000"));
}

void TestTimelineScale::hourTicksAcrossDst()
{
    // Local midnight to local 06:00 on the spring day: 5 real hours, no 02:00.
    TimelineScale scale = parisScale(parisTime(2026, 3, 29, 0), parisTime(2026, 3, 29, 6) - parisTime(2026, 3, 29, 0), 300);
    TimelineScale::Ticks ticks = scale.ticks(measure);
    ticks.major = onScreen(ticks.major);
    QCOMPARE(ticks.majorStep, kHour);
    QCOMPARE(labels(ticks.major), (QStringList{"00:00", "01:00", "03:00", "04:00", "05:00"}));
    // One real hour apart, 01:00 to 03:00 included.
    for (qsizetype i = 0; i + 1 < ticks.major.size(); ++i)
        QCOMPARE(ticks.major[i + 1].time - ticks.major[i].time, kHour);
    // The autumn day: 02:00 comes twice, an hour apart.
    scale = parisScale(parisTime(2026, 10, 25, 0), 6 * kHour, 360);
    ticks = scale.ticks(measure);
    ticks.major = onScreen(ticks.major);
    QCOMPARE(ticks.majorStep, kHour);
    QCOMPARE(labels(ticks.major), (QStringList{"00:00", "01:00", "02:00", "02:00", "03:00", "04:00"}));
    QCOMPARE(ticks.major[3].time - ticks.major[2].time, kHour);
    // Multi-hour steps are wall-clock multiples: over the spring day 00:00 to 06:00 is five real hours
    // (and a 3 h step, whose 00:00 to 03:00 is two real hours, would not fit where a 2 h one does not).
    scale = parisScale(parisTime(2026, 3, 29, 0), 23 * kHour, 400);
    ticks = scale.ticks(measure);
    ticks.major = onScreen(ticks.major);
    QCOMPARE(ticks.majorStep, 6 * kHour);
    QCOMPARE(labels(ticks.major), (QStringList{"00:00", "06:00", "12:00", "18:00"}));
    QCOMPARE(ticks.major[1].time - ticks.major[0].time, 5 * kHour);
    // Over the autumn day 00:00 to 03:00 is four real hours, and the repeated 02:00 is labelled once.
    scale = parisScale(parisTime(2026, 10, 25, 0), 25 * kHour, 500);
    ticks = scale.ticks(measure);
    ticks.major = onScreen(ticks.major);
    QCOMPARE(ticks.majorStep, 3 * kHour);
    QCOMPARE(labels(ticks.major), (QStringList{"00:00", "03:00", "06:00", "09:00", "12:00", "15:00", "18:00", "21:00"}));
    QCOMPARE(ticks.major[1].time - ticks.major[0].time, 4 * kHour);
    scale = parisScale(parisTime(2026, 10, 25, 0), 25 * kHour, 800);
    ticks = scale.ticks(measure);
    ticks.major = onScreen(ticks.major);
    QCOMPARE(ticks.majorStep, 2 * kHour);
    QCOMPARE(labels(ticks.major).count(QStringLiteral("02:00")), 1);
    QCOMPARE(labels(ticks.major).count(QStringLiteral("04:00")), 1);
}

void TestTimelineScale::dayTicksAreLocalMidnights()
{
    // 30 days over the March change: every day tick is a local midnight, 23 h apart across the change.
    const TimelineScale scale = parisScale(parisTime(2026, 3, 14, 0), 30 * kDay, 2000);
    const TimelineScale::Ticks ticks = scale.ticks(measure);
    QCOMPARE(ticks.majorStep, kDay);
    QVERIFY(ticks.major.size() >= 29);
    bool sawShortDay = false;
    for (qsizetype i = 0; i < ticks.major.size(); ++i) {
        QCOMPARE(wallClock(ticks.major[i].time, paris()), QTime(0, 0));
        if (i > 0) {
            const qint64 length = ticks.major[i].time - ticks.major[i - 1].time;
            QVERIFY(length == kDay || length == 23 * kHour);
            sawShortDay = sawShortDay || length == 23 * kHour;
        }
    }
    QVERIFY(sawShortDay);
    // Week steps start on the locale's first day of the week (Monday in the UK).
    const TimelineScale narrow = parisScale(parisTime(2026, 3, 14, 0), 30 * kDay, 400);
    const TimelineScale::Ticks weeks = narrow.ticks(measure);
    QCOMPARE(weeks.majorStep, 7 * kDay);
    for (const auto& tick : weeks.major) {
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(tick.time, paris()).date().dayOfWeek(), int(Qt::Monday));
        QCOMPARE(wallClock(tick.time, paris()), QTime(0, 0));
    }
}

void TestTimelineScale::contextNamesTheDay()
{
    // Over a day and a half from Saturday 10:00: the context row names both days at their midnights, the
    // first one (started before the view) sticking to the left.
    const TimelineScale scale = parisScale(parisTime(2026, 11, 28, 10), 36 * kHour, 1200);
    const TimelineScale::Ticks ticks = scale.ticks(measure);
    QCOMPARE(ticks.context.size(), 2);
    QCOMPARE(ticks.context[0].time, parisTime(2026, 11, 28, 0));
    QCOMPARE(ticks.context[1].time, parisTime(2026, 11, 29, 0));
    QCOMPARE(ticks.context[0].label, QStringLiteral("Saturday 28 November 2026"));
    QCOMPARE(ticks.context[1].label, QStringLiteral("Sunday 29 November 2026"));
    // Narrow days get shorter labels rather than overlapping ones.
    const TimelineScale narrow = parisScale(parisTime(2026, 11, 20, 10), 5 * kDay, 700);
    const TimelineScale::Ticks narrowTicks = narrow.ticks(measure);
    QVERIFY(narrowTicks.majorStep < kDay);
    QVERIFY2(narrowTicks.context[1].label.size() < QStringLiteral("Saturday 21 November 2026").size(),
             qPrintable(narrowTicks.context[1].label));
    // Above a day's step, the context is the month.
    const TimelineScale month = parisScale(parisTime(2026, 10, 20, 0), 30 * kDay, 1000);
    const TimelineScale::Ticks monthTicks = month.ticks(measure);
    QVERIFY(monthTicks.majorStep >= kDay);
    QCOMPARE(labels(monthTicks.context), (QStringList{"October 2026", "November 2026"}));
}

void TestTimelineScale::playheadLabel()
{
    TimelineScale scale = parisScale(parisTime(2026, 11, 28, 13), 2 * kHour, 1000);
    const qint64 t = parisTime(2026, 11, 28, 14, 2, 7) + 320;
    QCOMPARE(scale.playheadLabel(t), QStringLiteral("14:02:07.320"));
    scale.setView(parisTime(2026, 11, 27, 0), parisTime(2026, 11, 29, 0));
    QCOMPARE(scale.playheadLabel(t), QStringLiteral("Sat 28 Nov 14:02:07.320"));
    QCOMPARE(scale.dateTimeLabel(t), QStringLiteral("Sat 28 Nov 2026 14:02:07"));
}

void TestTimelineScale::spansNormalizeAndSearch()
{
    QList<TimeSpan> spans = {{50, 60}, {10, 20}, {15, 30}, {30, 40}, {70, 70}, {80, 75}, {100, 110}};
    TimelineSpans::normalize(spans);
    QCOMPARE(spans, (QList<TimeSpan>{{10, 40}, {50, 60}, {100, 110}}));  // merged, sorted, empties dropped
    QCOMPARE(TimelineSpans::firstEndingAfter(spans, 0), 0);
    QCOMPARE(TimelineSpans::firstEndingAfter(spans, 39), 0);
    QCOMPARE(TimelineSpans::firstEndingAfter(spans, 40), 1);  // half-open: [10, 40) ends at 40
    QCOMPARE(TimelineSpans::firstEndingAfter(spans, 105), 2);
    QCOMPARE(TimelineSpans::firstEndingAfter(spans, 110), 3);
    QVERIFY(TimelineSpans::covers(spans, 10));
    QVERIFY(!TimelineSpans::covers(spans, 40));
    QVERIFY(!TimelineSpans::covers(spans, 45));
    QVERIFY(TimelineSpans::covers(spans, 59));
    QVERIFY(!TimelineSpans::covers(spans, 9));
    QList<TimeSpan> empty;
    TimelineSpans::normalize(empty);
    QCOMPARE(TimelineSpans::firstEndingAfter(empty, 5), 0);
    QVERIFY(!TimelineSpans::covers(empty, 5));
}

QTEST_APPLESS_MAIN(TestTimelineScale)
#include "test_timeline_scale.moc"
