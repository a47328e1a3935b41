#include "TimelineJumpDialog.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

namespace vigie::widgets {

TimelineJumpDialog::TimelineJumpDialog(const QTimeZone& zone, qint64 initial, qint64 min, qint64 max, QWidget* parent)
    : QDialog(parent), m_zone(zone), m_edit(new QDateTimeEdit(this))
{
    setObjectName(QStringLiteral("timelineJumpDialog"));
    setWindowTitle(tr("Go to date and time"));
    // Qt 6.4's QDateTimeEdit knows no arbitrary time zone: it edits the zone's wall-clock time held as
    // UTC fields, which selectedTime() reads back in the zone (so DST days come out right).
    m_edit->setObjectName(QStringLiteral("timelineJumpEdit"));
    m_edit->setTimeSpec(Qt::UTC);
    m_edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_edit->setCalendarPopup(true);
    if (min < max)
        m_edit->setDateTimeRange(wallClock(min), wallClock(max));
    m_edit->setDateTime(wallClock(initial));
    m_edit->setAccessibleName(tr("Date and time"));
    m_edit->setToolTip(tr("Date and time to go to, in %1").arg(zone.displayName(QTimeZone::GenericTime)));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Go"));
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QFormLayout(this);
    layout->addRow(tr("Go to"), m_edit);
    layout->addRow(buttons);
    m_edit->setFocus();
}

QDateTime TimelineJumpDialog::wallClock(qint64 time) const
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(time, m_zone);
    const QTime clock = local.time();
    return QDateTime(local.date(), QTime(clock.hour(), clock.minute(), clock.second()), QTimeZone::utc());
}

qint64 TimelineJumpDialog::selectedTime() const
{
    const QDateTime fields = m_edit->dateTime();
    return QDateTime(fields.date(), fields.time(), m_zone).toMSecsSinceEpoch();
}

}  // namespace vigie::widgets
