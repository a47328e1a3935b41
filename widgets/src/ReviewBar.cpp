#include "vigie/widgets/ReviewBar.h"

#include <QActionGroup>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QStyle>
#include <QThread>
#include <QToolButton>
#include <QTransform>

#include <cmath>

namespace vigie::widgets {

namespace {

constexpr double kRateTolerance = 1e-6;

// Play forward, drawn mirrored: the style has no "play backwards" icon.
QIcon mirrored(const QIcon& icon, int size)
{
    const QPixmap pixmap = icon.pixmap(size, size);
    return QIcon(pixmap.transformed(QTransform().scale(-1, 1)));
}

// The locale's short date, always with four-digit years: a recording's date is evidence, and "26" reads
// as a day as easily as a year.
QString dateFormat(const QLocale& locale)
{
    QString format = locale.dateFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return format;
}

}  // namespace

ReviewBar::ReviewBar(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("reviewBar"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(2);

    const int iconSize = style()->pixelMetric(QStyle::PM_ToolBarIconSize);
    m_stepBack = addButton(QStringLiteral("reviewStepBack"));
    m_stepBack->setIcon(style()->standardIcon(QStyle::SP_MediaSkipBackward));
    m_reverse = addButton(QStringLiteral("reviewReverse"));
    m_reverse->setIcon(mirrored(style()->standardIcon(QStyle::SP_MediaPlay), iconSize));
    m_pause = addButton(QStringLiteral("reviewPause"));
    m_pause->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
    m_play = addButton(QStringLiteral("reviewPlay"));
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_stepForward = addButton(QStringLiteral("reviewStepForward"));
    m_stepForward->setIcon(style()->standardIcon(QStyle::SP_MediaSkipForward));
    for (auto* button : {m_stepBack, m_reverse, m_pause, m_play, m_stepForward})
        layout->addWidget(button);
    for (auto* button : {m_reverse, m_pause, m_play})
        button->setCheckable(true);

    m_speed = new QToolButton(this);
    m_speed->setObjectName(QStringLiteral("reviewSpeed"));
    m_speed->setPopupMode(QToolButton::InstantPopup);
    m_speed->setToolButtonStyle(Qt::ToolButtonTextOnly);
    // Wide enough for the longest text ("−16×"), so that the bar does not move when the speed changes.
    m_speed->setMinimumWidth(m_speed->fontMetrics().horizontalAdvance(QStringLiteral("\u221216\u00d7")) + 24);
    m_speedMenu = new QMenu(m_speed);
    m_speedMenu->setObjectName(QStringLiteral("reviewSpeedMenu"));
    auto* group = new QActionGroup(m_speedMenu);
    for (const double speed : speeds()) {
        QAction* action = m_speedMenu->addAction(rateText(speed));
        action->setObjectName(QStringLiteral("reviewSpeed_%1").arg(speed));
        action->setData(speed);
        action->setCheckable(true);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, speed] {
            const double signedRate = m_rate < 0 ? -speed : speed;
            emit rateRequested(signedRate);
            updateState();  // the owner's setRate() decides what is shown
        });
    }
    m_speed->setMenu(m_speedMenu);
    layout->addWidget(m_speed);
    layout->addSpacing(8);

    m_positionLabel = new QLabel(this);
    m_positionLabel->setObjectName(QStringLiteral("reviewPosition"));
    m_positionLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont mono = m_positionLabel->font();
    mono.setStyleHint(QFont::Monospace);
    mono.setFamily(QStringLiteral("monospace"));
    m_positionLabel->setFont(mono);
    layout->addWidget(m_positionLabel);
    layout->addSpacing(8);

    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("reviewState"));
    m_stateLabel->setTextFormat(Qt::PlainText);
    m_stateLabel->setMinimumWidth(0);
    m_stateLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->addWidget(m_stateLabel, 1);

    m_bookmark = new QPushButton(this);
    m_bookmark->setObjectName(QStringLiteral("reviewBookmark"));
    m_bookmark->setEnabled(false);
    m_live = new QPushButton(this);
    m_live->setObjectName(QStringLiteral("reviewLive"));
    layout->addWidget(m_bookmark);
    layout->addWidget(m_live);

    connect(m_stepBack, &QToolButton::clicked, this, [this] { emit stepRequested(-1); });
    connect(m_stepForward, &QToolButton::clicked, this, [this] { emit stepRequested(1); });
    connect(m_reverse, &QToolButton::clicked, this, [this] {
        emit playRequested(-1);
        updateState();
    });
    connect(m_play, &QToolButton::clicked, this, [this] {
        emit playRequested(1);
        updateState();
    });
    connect(m_pause, &QToolButton::clicked, this, [this] {
        emit pauseRequested();
        updateState();
    });
    connect(m_bookmark, &QPushButton::clicked, this, &ReviewBar::bookmarkRequested);
    connect(m_live, &QPushButton::clicked, this, &ReviewBar::liveRequested);

    retranslate();
    updateState();
}

ReviewBar::~ReviewBar() = default;

QToolButton* ReviewBar::addButton(const QString& objectName)
{
    auto* button = new QToolButton(this);
    button->setObjectName(objectName);
    button->setAutoRaise(true);
    return button;
}

const QList<double>& ReviewBar::speeds()
{
    static const QList<double> list{0.125, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0};
    return list;
}

QString ReviewBar::rateText(double rate)
{
    const double magnitude = std::abs(rate);
    QString number;
    if (std::abs(magnitude - 0.125) < kRateTolerance)
        number = QStringLiteral("\u215b");  // ⅛
    else if (std::abs(magnitude - 0.25) < kRateTolerance)
        number = QStringLiteral("\u00bc");  // ¼
    else if (std::abs(magnitude - 0.5) < kRateTolerance)
        number = QStringLiteral("\u00bd");  // ½
    else
        number = QLocale().toString(magnitude, 'g', 3);
    return (rate < 0 ? QStringLiteral("\u2212") : QString()) + number + QStringLiteral("\u00d7");
}

void ReviewBar::setTimeZone(const QTimeZone& zone, const QLocale& locale)
{
    m_zone = zone;
    m_locale = locale;
    m_positionLabel->setText(positionText());
}

void ReviewBar::setPosition(qint64 utcMs)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (utcMs == m_position && !m_positionLabel->text().isEmpty())
        return;
    m_position = utcMs;
    m_positionLabel->setText(positionText());
}

QString ReviewBar::positionText() const
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(m_position, m_zone);
    return m_locale.toString(local.date(), dateFormat(m_locale)) + QLatin1Char(' ') +
           m_locale.toString(local.time(), QStringLiteral("HH:mm:ss.zzz"));
}

void ReviewBar::setRate(double rate)
{
    m_rate = rate;
    updateState();
}

void ReviewBar::setPaused(bool paused)
{
    m_paused = paused;
    updateState();
}

void ReviewBar::setStateText(const QString& text)
{
    m_stateLabel->setText(text);
    m_stateLabel->setToolTip(text);  // the label may be cut on a narrow bar
}

QString ReviewBar::stateText() const
{
    return m_stateLabel->text();
}

void ReviewBar::setSelectionAvailable(bool available)
{
    m_bookmark->setEnabled(available);
}

QString ReviewBar::rateLabelText() const
{
    return m_speed->text();
}

void ReviewBar::updateState()
{
    m_play->setChecked(!m_paused && m_rate > 0);
    m_reverse->setChecked(!m_paused && m_rate < 0);
    m_pause->setChecked(m_paused);
    m_speed->setText(rateText(m_rate));
    for (QAction* action : m_speedMenu->actions())
        action->setChecked(std::abs(action->data().toDouble() - std::abs(m_rate)) < kRateTolerance);
}

void ReviewBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::LocaleChange)
        m_positionLabel->setText(positionText());
    QWidget::changeEvent(event);
}

void ReviewBar::retranslate()
{
    const auto describe = [](QWidget* widget, const QString& name, const QString& tip) {
        widget->setAccessibleName(name);
        widget->setToolTip(tip);
    };
    describe(m_stepBack, tr("One frame back"), tr("One frame back (Left in the timeline; Shift+Left: 10 s)"));
    describe(m_reverse, tr("Play in reverse"), tr("Play in reverse (J in the timeline: reverse, or slower)"));
    describe(m_pause, tr("Pause"), tr("Pause (K in the timeline)"));
    describe(m_play, tr("Play"), tr("Play forward (L in the timeline: forward, or faster)"));
    describe(m_stepForward, tr("One frame forward"), tr("One frame forward (Right in the timeline; Shift+Right: 10 s)"));
    describe(m_speed, tr("Playback speed"), tr("Playback speed: choose from ⅛× to 16× (J and L in the timeline change it too)"));
    describe(m_positionLabel, tr("Playback position"), tr("Date and time of the picture shown (local time)"));
    describe(m_bookmark, tr("Bookmark the selection"),
             tr("Bookmark the selected range (select a range with Shift+drag in the timeline)"));
    describe(m_live, tr("Back to live"), tr("Leave the review and show the cameras live"));
    m_stateLabel->setAccessibleName(tr("Playback state"));
    m_bookmark->setText(tr("Bookmark…"));
    m_live->setText(tr("Back to live"));
}

}  // namespace vigie::widgets
