#include "vigie/widgets/TimelineScale.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace vigie::widgets {

namespace {

using S = TimelineScale;

// Division rounding towards minus infinity: times before 1970 align like the others.
qint64 floorMod(qint64 value, qint64 divisor)
{
    const qint64 r = value % divisor;
    return r < 0 ? r + divisor : r;
}

// The label formats of the context row, widest first; the first whose labels fit is used.
const QStringList& dayContextFormats()
{
    static const QStringList formats = {QStringLiteral("dddd d MMMM yyyy"), QStringLiteral("ddd d MMM yyyy"),
                                        QStringLiteral("ddd d MMM"), QStringLiteral("d MMM"), QStringLiteral("d")};
    return formats;
}

const QStringList& monthContextFormats()
{
    static const QStringList formats = {QStringLiteral("MMMM yyyy"), QStringLiteral("MMM yyyy"), QStringLiteral("MMM")};
    return formats;
}

// Whether labels drawn from their tick to the right leave kLabelGap before the next tick. Ticks left of
// the view (x < 0) only matter for the one just before the first visible tick, whose label may still
// show; the painter clips it.
// stickyFirst: the first label is drawn at the view's left edge, pushed left by the next one (the painter's
// sticky context label), so only labels that start on screen need checking.
bool labelsFit(const QList<S::Tick>& ticks, const S::Measure& measure, bool stickyFirst = false)
{
    for (qsizetype i = 0; i + 1 < ticks.size(); ++i) {
        if (ticks[i + 1].x < 0 || (stickyFirst && ticks[i].x < 0))
            continue;
        if (ticks[i + 1].x - ticks[i].x < measure(ticks[i].label) + S::kLabelGap)
            return false;
    }
    return true;
}

}  // namespace

TimelineScale::TimelineScale(const QTimeZone& zone, const QLocale& locale)
    : m_zone(zone.isValid() ? zone : QTimeZone::systemTimeZone()), m_locale(locale)
{
}

void TimelineScale::setWidth(double width)
{
    m_width = std::isfinite(width) ? std::max(1.0, width) : 1.0;
}

void TimelineScale::setBounds(qint64 min, qint64 max)
{
    m_boundsMin = min;
    m_boundsMax = max;
    clampView();
}

void TimelineScale::clearBounds()
{
    m_boundsMin = m_boundsMax = 0;
}

void TimelineScale::setView(qint64 start, qint64 end)
{
    const qint64 span = std::max<qint64>(1, end - start);
    m_start = start;
    m_span = span;
    if (span < kMinSpan || span > kMaxSpan) {
        // Out of limits: keep the middle, as a zoom around it would.
        const qint64 middle = start + span / 2;
        m_span = std::clamp(span, kMinSpan, kMaxSpan);
        m_start = middle - m_span / 2;
    }
    clampView();
}

void TimelineScale::clampView()
{
    qint64 maxSpan = kMaxSpan;
    if (hasBounds())
        maxSpan = std::clamp(m_boundsMax - m_boundsMin, kMinSpan, kMaxSpan);
    if (m_span > maxSpan) {
        const qint64 middle = m_start + m_span / 2;
        m_span = maxSpan;
        m_start = middle - m_span / 2;
    }
    m_span = std::max(m_span, kMinSpan);
    if (!hasBounds())
        return;
    if (m_span >= m_boundsMax - m_boundsMin)
        m_start = m_boundsMin;  // bounds narrower than a minute: show them from their start
    else
        m_start = std::clamp(m_start, m_boundsMin, m_boundsMax - m_span);
}

double TimelineScale::xForTime(qint64 time) const
{
    return double(time - m_start) * m_width / double(m_span);
}

qint64 TimelineScale::timeAtX(double x) const
{
    return m_start + std::llround(x * double(m_span) / m_width);
}

void TimelineScale::zoomBy(double factor, qint64 anchor)
{
    if (!std::isfinite(factor) || factor <= 0.0)
        return;
    const double fraction = double(anchor - m_start) / double(m_span);
    qint64 maxSpan = kMaxSpan;
    if (hasBounds())
        maxSpan = std::clamp(m_boundsMax - m_boundsMin, kMinSpan, kMaxSpan);
    const double wanted = std::clamp(double(m_span) * factor, double(kMinSpan), double(maxSpan));
    m_span = std::llround(wanted);
    m_start = anchor - std::llround(fraction * double(m_span));
    clampView();
}

double TimelineScale::wheelFactor(int angleDelta)
{
    return std::pow(kWheelZoomFactor, angleDelta / 120.0);
}

void TimelineScale::panByPixels(double dx)
{
    if (!std::isfinite(dx))
        return;
    m_start -= std::llround(dx * msPerPixel());
    clampView();
}

void TimelineScale::centreOn(qint64 time)
{
    m_start = time - m_span / 2;
    clampView();
}

QDateTime TimelineScale::local(qint64 time) const
{
    return QDateTime::fromMSecsSinceEpoch(time, m_zone);
}

qint64 TimelineScale::dayStart(qint64 time) const
{
    const QDate date = local(time).date();
    const qint64 midnight = QDateTime(date, QTime(0, 0), m_zone).toMSecsSinceEpoch();
    // Where midnight does not exist (a DST change at 00:00) Qt moves it forward: still the day's start.
    return midnight <= time ? midnight : QDateTime(date.addDays(-1), QTime(0, 0), m_zone).toMSecsSinceEpoch();
}

const QList<qint64>& TimelineScale::niceSteps()
{
    static const QList<qint64> steps = {
        kSecond,      2 * kSecond,  5 * kSecond, 10 * kSecond, 15 * kSecond, 30 * kSecond, kMinute,
        2 * kMinute,  5 * kMinute,  10 * kMinute, 15 * kMinute, 30 * kMinute, kHour,       2 * kHour,
        3 * kHour,    6 * kHour,    12 * kHour,  kDay,        2 * kDay,     7 * kDay,     14 * kDay,
    };
    return steps;
}

qint64 TimelineScale::minorStepFor(qint64 majorStep)
{
    struct Pair {
        qint64 major, minor;
    };
    // A subdivision that reads naturally: quarters of an hour, hours of a quarter day...
    static constexpr Pair pairs[] = {
        {2 * kSecond, kSecond},       {5 * kSecond, kSecond},       {10 * kSecond, 5 * kSecond},
        {15 * kSecond, 5 * kSecond},  {30 * kSecond, 10 * kSecond}, {kMinute, 10 * kSecond},
        {2 * kMinute, 30 * kSecond},  {5 * kMinute, kMinute},       {10 * kMinute, 5 * kMinute},
        {15 * kMinute, 5 * kMinute},  {30 * kMinute, 10 * kMinute}, {kHour, 15 * kMinute},
        {2 * kHour, 30 * kMinute},    {3 * kHour, kHour},           {6 * kHour, kHour},
        {12 * kHour, 3 * kHour},      {kDay, 6 * kHour},            {2 * kDay, kDay},
        {7 * kDay, kDay},             {14 * kDay, kDay},
    };
    for (const Pair& pair : pairs)
        if (pair.major == majorStep)
            return pair.minor;
    return 0;
}

QList<qint64> TimelineScale::tickTimes(qint64 step, qint64 from, qint64 to) const
{
    if (step >= kDay)
        return dayTicks(int(step / kDay), from, to);
    return subDayTicks(step, from, to);
}

QList<qint64> TimelineScale::subDayTicks(qint64 step, qint64 from, qint64 to) const
{
    // Steps under an hour tick at local multiples of the step; longer ones walk the local hours and keep
    // those that are multiples of the step in wall-clock time, so that labels read 00:00, 03:00, 06:00
    // whatever the day's length.
    const qint64 base = std::min(step, kHour);
    const int hoursPerStep = int(step / kHour);
    const auto align = [this, base](qint64 t) {
        const qint64 offset = qint64(m_zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(t, QTimeZone::utc()))) * 1000;
        const qint64 r = floorMod(t + offset, base);
        return r == 0 ? t : t + (base - r);
    };
    QList<qint64> times;
    int previousHour = -1;
    qint64 t = align(from);
    // Bounded: the step's count over the range plus a few realignments at offset changes.
    for (qint64 guard = (to - from) / base + 8; t < to && guard > 0; --guard) {
        const qint64 aligned = align(t);  // the UTC offset may have changed since the previous tick
        if (aligned != t) {
            t = aligned;
            continue;
        }
        if (hoursPerStep == 0) {
            times.append(t);
        } else {
            const QTime wall = local(t).time();
            // In the autumn the same wall-clock hour comes twice; a multi-hour step labels it once.
            const bool repeated = hoursPerStep > 1 && wall.hour() == previousHour;
            if (wall.minute() == 0 && wall.second() == 0 && wall.hour() % hoursPerStep == 0 && !repeated) {
                times.append(t);
                previousHour = wall.hour();
            }
        }
        t += base;
    }
    return times;
}

QList<qint64> TimelineScale::dayTicks(int days, qint64 from, qint64 to) const
{
    QList<qint64> times;
    const QDate first = local(from).date();
    const QDate last = local(to).date();
    const Qt::DayOfWeek weekStart = m_locale.firstDayOfWeek();
    for (QDate date = first; date <= last; date = date.addDays(1)) {
        bool aligned = true;
        if (days == 2)
            aligned = date.toJulianDay() % 2 == 0;
        else if (days >= 7)
            aligned = date.dayOfWeek() == weekStart && (days == 7 || (date.toJulianDay() / 7) % 2 == 0);
        if (!aligned)
            continue;
        const qint64 t = QDateTime(date, QTime(0, 0), m_zone).toMSecsSinceEpoch();
        if (t >= from && t < to)
            times.append(t);
    }
    return times;
}

QString TimelineScale::tickLabel(qint64 time, qint64 step) const
{
    const QDateTime dt = local(time);
    if (step < kMinute)
        return m_locale.toString(dt.time(), QStringLiteral("HH:mm:ss"));
    if (step < kDay)
        return m_locale.toString(dt.time(), QStringLiteral("HH:mm"));
    return m_locale.toString(dt.date(), QStringLiteral("ddd d"));
}

QString TimelineScale::playheadLabel(qint64 time) const
{
    const QDateTime dt = local(time);
    const QString clock = m_locale.toString(dt.time(), QStringLiteral("HH:mm:ss.zzz"));
    if (m_span <= kDay)
        return clock;
    return m_locale.toString(dt.date(), QStringLiteral("ddd d MMM")) + QLatin1Char(' ') + clock;
}

QString TimelineScale::dateTimeLabel(qint64 time) const
{
    const QDateTime dt = local(time);
    return m_locale.toString(dt.date(), QStringLiteral("ddd d MMM yyyy")) + QLatin1Char(' ') +
           m_locale.toString(dt.time(), QStringLiteral("HH:mm:ss"));
}

TimelineScale::Ticks TimelineScale::ticks(const Measure& measure) const
{
    Ticks result;
    const double pxPerMs = m_width / double(m_span);
    // No label is narrower than this: steps that cannot hold it are not even generated (a 1 s step over
    // 30 days would be millions of ticks).
    const double narrowest = measure(QStringLiteral("00:00")) + kLabelGap;
    const auto build = [this, pxPerMs](qint64 step, qint64 from) {
        QList<Tick> ticks;
        for (const qint64 t : tickTimes(step, from, end()))
            ticks.append(Tick{t, double(t - m_start) * pxPerMs, {}});
        return ticks;
    };
    const QList<qint64>& steps = niceSteps();
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const qint64 step = steps[i];
        // A day step can be an hour short (DST): judge it by its shortest length.
        const double shortest = double(step >= kDay ? step - kHour : step) * pxPerMs;
        const bool last = i + 1 == steps.size();
        if (shortest < narrowest && !last)
            continue;
        QList<Tick> major = build(step, m_start - step);
        for (Tick& tick : major)
            tick.label = tickLabel(tick.time, step);
        if (labelsFit(major, measure) || last) {
            result.majorStep = step;
            result.major = std::move(major);
            break;
        }
    }
    const qint64 minorStep = minorStepFor(result.majorStep);
    if (minorStep > 0 && double(minorStep >= kDay ? minorStep - kHour : minorStep) * pxPerMs >= kMinMinorSpacing) {
        result.minorStep = minorStep;
        qsizetype m = 0;
        for (const Tick& tick : build(minorStep, m_start)) {
            while (m < result.major.size() && result.major[m].time < tick.time)
                ++m;
            if (m < result.major.size() && result.major[m].time == tick.time)
                continue;
            result.minor.append(tick);
        }
    }
    result.context = contextTicks(result.majorStep, measure);
    return result;
}

QList<TimelineScale::Tick> TimelineScale::contextTicks(qint64 majorStep, const Measure& measure) const
{
    QList<qint64> times;
    const bool days = majorStep < kDay;
    if (days) {
        times.append(dayStart(m_start));
        for (qint64 t = times.back();;) {
            // The next midnight: a day lasts 23 to 25 hours, so 25 h after one midnight is within the next
            // day (or at its very start).
            const qint64 next = dayStart(t + 25 * kHour);
            if (next >= end() || next <= t)
                break;
            times.append(next);
            t = next;
        }
    } else {
        const QDate first = local(m_start).date();
        QDate month(first.year(), first.month(), 1);
        for (; QDateTime(month, QTime(0, 0), m_zone).toMSecsSinceEpoch() < end(); month = month.addMonths(1))
            times.append(QDateTime(month, QTime(0, 0), m_zone).toMSecsSinceEpoch());
    }
    const QStringList& formats = days ? dayContextFormats() : monthContextFormats();
    QList<Tick> ticks;
    for (const QString& format : formats) {
        ticks.clear();
        for (const qint64 t : times)
            ticks.append(Tick{t, xForTime(t), m_locale.toString(local(t).date(), format)});
        if (labelsFit(ticks, measure, true))
            break;
    }
    return ticks;
}

}  // namespace vigie::widgets
