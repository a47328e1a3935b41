#pragma once
// "Go to date and time" for the timeline (Ctrl+G): a date-time field to the second, in the timeline's
// time zone, limited to where the timeline may go.

#include <QDialog>
#include <QTimeZone>

class QDateTimeEdit;

namespace vigie::widgets {

class TimelineJumpDialog : public QDialog {
    Q_OBJECT
public:
    // initial, min and max: UTC ms; shown as wall-clock time in `zone`.
    TimelineJumpDialog(const QTimeZone& zone, qint64 initial, qint64 min, qint64 max, QWidget* parent = nullptr);

    // The chosen instant, UTC ms.
    qint64 selectedTime() const;
    QDateTimeEdit* editor() const { return m_edit; }

private:
    QDateTime wallClock(qint64 time) const;

    QTimeZone m_zone;
    QDateTimeEdit* m_edit = nullptr;
};

}  // namespace vigie::widgets
