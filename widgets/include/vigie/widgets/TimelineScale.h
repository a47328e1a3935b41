#pragma once
// The arithmetic of the incident-review timeline: which stretch of UTC time is on screen and how it maps
// to pixels, zoom around the time under the cursor, pan, and which ticks and labels to draw. Pure (no
// widget) so that the widget, its painter and the tests share one definition.
//
// Times are UTC milliseconds since the epoch (qint64): exact, cheap to compare, and what the recordings
// contract carries. The view is [start, start + span) drawn over [0, width) pixels; x grows with time.
// Ticks and labels follow local wall-clock time in an injectable time zone (the system's by default), so
// a 23 h or 25 h day around a DST change is drawn as it is: midnight ticks at the real local midnights,
// hour ticks labelled 01:00, 03:00 across the spring-forward gap and 02:00 twice in the autumn.

#include <QList>
#include <QLocale>
#include <QString>
#include <QTimeZone>

#include <functional>

namespace vigie::widgets {

class TimelineScale {
public:
    static constexpr qint64 kSecond = 1000;
    static constexpr qint64 kMinute = 60 * kSecond;
    static constexpr qint64 kHour = 60 * kMinute;
    static constexpr qint64 kDay = 24 * kHour;
    // Visible span limits: under a minute the frames of a 25 fps camera are more than 25 px apart and
    // stepping does the job; over 30 days there is nothing more to see (retention is at most 30 days).
    static constexpr qint64 kMinSpan = kMinute;
    static constexpr qint64 kMaxSpan = 30 * kDay;
    // One wheel notch (120 eighths of a degree) away from the user multiplies the span by this.
    static constexpr double kWheelZoomFactor = 0.8;
    // Free pixels between two labels of the same row.
    static constexpr double kLabelGap = 10.0;
    // Minor ticks closer than this are not drawn (they would read as a grey smear).
    static constexpr double kMinMinorSpacing = 5.0;

    struct Tick {
        qint64 time = 0;
        double x = 0.0;
        QString label;  // empty for minor ticks
    };
    struct Ticks {
        qint64 majorStep = 0;  // nominal: a day step is 23 h or 25 h long across a DST change
        qint64 minorStep = 0;  // 0: no minor ticks at this zoom
        QList<Tick> major;     // labelled
        QList<Tick> minor;     // unlabelled, between the major ones (never at a major tick's time)
        // The coarser context above the labels: the local day for steps under a day, the month above.
        // The first one is the period holding the view's start (its time may be before start), so that
        // the date is always on screen.
        QList<Tick> context;
    };
    // Width in pixels of a label as it will be drawn (the widget passes its font metrics).
    using Measure = std::function<double(const QString&)>;

    explicit TimelineScale(const QTimeZone& zone = QTimeZone::systemTimeZone(), const QLocale& locale = QLocale());

    QTimeZone timeZone() const { return m_zone; }
    QLocale locale() const { return m_locale; }

    // Pixels the view covers; at least 1.
    void setWidth(double width);
    double width() const { return m_width; }

    // Where the view may go, typically [now - 30 days, now + a few minutes]; the view is shifted inside
    // it (and its span limited to it) whenever it changes. min >= max removes the limit.
    void setBounds(qint64 min, qint64 max);
    void clearBounds();
    bool hasBounds() const { return m_boundsMin < m_boundsMax; }
    qint64 boundsMin() const { return m_boundsMin; }
    qint64 boundsMax() const { return m_boundsMax; }

    // Shows [start, end), then applies the span limits (around the middle) and the bounds.
    void setView(qint64 start, qint64 end);
    qint64 start() const { return m_start; }
    qint64 end() const { return m_start + m_span; }
    qint64 span() const { return m_span; }
    // The resolution to ask the backend for: milliseconds per pixel.
    double msPerPixel() const { return double(m_span) / m_width; }
    bool contains(qint64 time) const { return time >= m_start && time < end(); }

    double xForTime(qint64 time) const;
    qint64 timeAtX(double x) const;

    // Multiplies the span by factor (< 1 zooms in) keeping `anchor` at the same x, unless the span limits
    // or the bounds forbid it (then the anchor moves as little as they allow).
    void zoomBy(double factor, qint64 anchor);
    // The factor for a wheel event's angleDelta().y(): away from the user zooms in.
    static double wheelFactor(int angleDelta);
    // dx > 0 drags the content to the right, showing earlier times.
    void panByPixels(double dx);
    void centreOn(qint64 time);

    // Start of the local calendar day holding `time` (DST-correct: 23 h and 25 h days exist).
    qint64 dayStart(qint64 time) const;

    // Ticks for the current view: the smallest step from the nice ones (1 s ... 12 h, 1, 2, 7, 14 days)
    // whose labels, measured by `measure`, fit between their ticks with kLabelGap to spare (labels are
    // drawn from their tick to the right). Falls back to the largest step.
    Ticks ticks(const Measure& measure) const;
    // The nice steps, in order; day steps are local days.
    static const QList<qint64>& niceSteps();
    // The minor step drawn inside a major step (0 for none).
    static qint64 minorStepFor(qint64 majorStep);

    // Labels in the scale's zone and locale.
    QString tickLabel(qint64 time, qint64 step) const;
    // The playhead's label: "14:02:07.320", with the date when the view spans more than a day.
    QString playheadLabel(qint64 time) const;
    // Local date and time with seconds, for tool tips: "Sat 28 Nov 2026 14:02:07".
    QString dateTimeLabel(qint64 time) const;

private:
    void clampView();
    // Major tick times of `step` over [from, to), in local wall-clock alignment.
    QList<qint64> tickTimes(qint64 step, qint64 from, qint64 to) const;
    QList<qint64> subDayTicks(qint64 step, qint64 from, qint64 to) const;
    QList<qint64> dayTicks(int days, qint64 from, qint64 to) const;
    QList<Tick> contextTicks(qint64 majorStep, const Measure& measure) const;
    QDateTime local(qint64 time) const;

    QTimeZone m_zone;
    QLocale m_locale;
    double m_width = 1.0;
    qint64 m_start = 0;
    qint64 m_span = kHour;
    qint64 m_boundsMin = 0;
    qint64 m_boundsMax = 0;
};

}  // namespace vigie::widgets
