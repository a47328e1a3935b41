#include "vigie/widgets/PtzPanel.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSlider>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <utility>

namespace vigie::widgets {

namespace {
// The slider works in tenths: 1..10 is 0.1..1.0.
constexpr int kSpeedSteps = 10;
constexpr int kIdRole = Qt::UserRole;

QString itemId(const QListWidgetItem* item)
{
    return item ? item->data(kIdRole).toString() : QString();
}

// Refills a list, keeping the selected entry when it is still there.
template <typename Entry, typename TextOf>
void refill(QListWidget* list, const QList<Entry>& entries, TextOf textOf)
{
    const QString selected = itemId(list->currentItem());
    list->clear();
    for (const Entry& entry : entries) {
        auto* item = new QListWidgetItem(textOf(entry), list);
        item->setData(kIdRole, entry.id);
        if (entry.id == selected)
            list->setCurrentItem(item);
    }
}

QWidget* labelledRow(const QString& label, QWidget* first, QWidget* second, QWidget* parent)
{
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* caption = new QLabel(label, row);
    caption->setMinimumWidth(caption->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 5);
    layout->addWidget(caption);
    layout->addWidget(first, 1);
    layout->addWidget(second, 1);
    return row;
}
}  // namespace

PtzPanel::PtzPanel(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_lockLine(new QLabel(this)), m_reason(new QLabel(this)),
      m_status(new QLabel(this)), m_lockTick(new QTimer(this))
{
    setObjectName(QStringLiteral("ptzPanel"));
    m_title->setObjectName(QStringLiteral("ptzTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_lockLine->setObjectName(QStringLiteral("ptzLockLine"));
    m_lockLine->setTextFormat(Qt::PlainText);
    m_lockLine->setWordWrap(true);
    m_reason->setObjectName(QStringLiteral("ptzUnavailableReason"));
    m_reason->setTextFormat(Qt::PlainText);
    m_reason->setWordWrap(true);
    m_reason->hide();
    m_status->setObjectName(QStringLiteral("ptzStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->hide();

    m_takeControl = new QPushButton(tr("Take control"), this);
    m_takeControl->setObjectName(QStringLiteral("ptzTakeControl"));
    m_takeControl->setToolTip(tr("Take the camera from its current holder"));
    connect(m_takeControl, &QPushButton::clicked, this, &PtzPanel::takeControlRequested);
    m_releaseControl = new QPushButton(tr("Release"), this);
    m_releaseControl->setObjectName(QStringLiteral("ptzReleaseControl"));
    m_releaseControl->setToolTip(tr("Let others control the camera now"));
    connect(m_releaseControl, &QPushButton::clicked, this, &PtzPanel::releaseControlRequested);
    auto* lockRow = new QHBoxLayout;
    lockRow->addWidget(m_lockLine, 1);
    lockRow->addWidget(m_takeControl);
    lockRow->addWidget(m_releaseControl);

    m_speed = new QSlider(Qt::Horizontal, this);
    m_speed->setObjectName(QStringLiteral("ptzSpeed"));
    m_speed->setRange(1, kSpeedSteps);
    m_speed->setPageStep(1);
    m_speed->setToolTip(tr("Speed of the moves started from this panel"));
    m_speedValue = new QLabel(this);
    m_speedValue->setObjectName(QStringLiteral("ptzSpeedValue"));
    const auto showSpeed = [this] { m_speedValue->setText(tr("%1 %", "speed in percent").arg(qRound(speed() * 100))); };
    connect(m_speed, &QSlider::valueChanged, this, [this, showSpeed] {
        showSpeed();
        // A button held while the speed changes (from the keyboard) moves at the new speed at once.
        if (m_moving)
            emit velocityRequested(m_pan * speed(), m_tilt * speed(), m_zoom * speed());
        if (m_lensSignal)
            emitLens(m_lensSignal, m_lensDirection * speed());
    });
    auto* speedRow = new QHBoxLayout;
    speedRow->addWidget(new QLabel(tr("Speed"), this));
    speedRow->addWidget(m_speed, 1);
    speedRow->addWidget(m_speedValue);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(lockRow);
    layout->addWidget(m_reason);
    layout->addWidget(buildPad(), 0, Qt::AlignHCenter);
    layout->addWidget(buildLensRow());
    layout->addLayout(speedRow);
    layout->addWidget(buildPresets(), 1);
    layout->addWidget(buildTours(), 1);
    layout->addWidget(m_status);

    m_lockTick->setInterval(1000);
    connect(m_lockTick, &QTimer::timeout, this, &PtzPanel::refreshLockLine);

    setSpeed(kDefaultSpeed);
    showSpeed();
    setCapabilities(m_capabilities);
    refreshLockLine();
    setUnavailable(tr("No tile selected"));
}

QWidget* PtzPanel::buildPad()
{
    auto* pad = new QWidget(this);
    pad->setObjectName(QStringLiteral("ptzPad"));
    auto* grid = new QGridLayout(pad);
    grid->setSpacing(2);
    grid->setContentsMargins(0, 0, 0, 0);
    // Arrows are the same in every language; the tool tips say them in words.
    m_directionButtons = {
        addHoldButton(grid, 0, 0, QStringLiteral("ptzUpLeft"), QStringLiteral("↖"), tr("Up and left"), -1, 1, 0),
        addHoldButton(grid, 0, 1, QStringLiteral("ptzUp"), QStringLiteral("↑"), tr("Up"), 0, 1, 0),
        addHoldButton(grid, 0, 2, QStringLiteral("ptzUpRight"), QStringLiteral("↗"), tr("Up and right"), 1, 1, 0),
        addHoldButton(grid, 1, 0, QStringLiteral("ptzLeft"), QStringLiteral("←"), tr("Left"), -1, 0, 0),
        addHoldButton(grid, 1, 2, QStringLiteral("ptzRight"), QStringLiteral("→"), tr("Right"), 1, 0, 0),
        addHoldButton(grid, 2, 0, QStringLiteral("ptzDownLeft"), QStringLiteral("↙"), tr("Down and left"), -1, -1, 0),
        addHoldButton(grid, 2, 1, QStringLiteral("ptzDown"), QStringLiteral("↓"), tr("Down"), 0, -1, 0),
        addHoldButton(grid, 2, 2, QStringLiteral("ptzDownRight"), QStringLiteral("↘"), tr("Down and right"), 1, -1, 0),
    };
    m_home = new QPushButton(QStringLiteral("⌂"), pad);
    m_home->setObjectName(QStringLiteral("ptzHome"));
    m_home->setToolTip(tr("Home position"));
    m_home->setAccessibleName(tr("Home position"));
    m_home->setFixedSize(m_directionButtons.front()->size());
    connect(m_home, &QPushButton::clicked, this, &PtzPanel::homeRequested);
    grid->addWidget(m_home, 1, 1);
    return pad;
}

QPushButton* PtzPanel::addHoldButton(QGridLayout* grid, int row, int column, const QString& objectName,
                                     const QString& text, const QString& toolTip, double pan, double tilt, double zoom)
{
    auto* button = new QPushButton(text, grid->parentWidget());
    button->setObjectName(objectName);
    button->setToolTip(toolTip);
    button->setAccessibleName(toolTip);
    const int side = button->fontMetrics().height() * 2 + 8;  // comfortable to hold, scales with the font
    button->setFixedSize(side, side);
    // QAbstractButton emits released() also when the pointer leaves the button or it gets disabled, so
    // a move never outlives the press.
    connect(button, &QPushButton::pressed, this, [this, pan, tilt, zoom] { startMove(pan, tilt, zoom); });
    connect(button, &QPushButton::released, this, &PtzPanel::stopMove);
    grid->addWidget(button, row, column);
    return button;
}

QPushButton* PtzPanel::makeLensButton(const QString& objectName, const QString& text, const QString& toolTip,
                                      void (PtzPanel::*signal)(double), double direction)
{
    auto* button = new QPushButton(text, this);
    button->setObjectName(objectName);
    button->setToolTip(toolTip);
    if (signal == nullptr) {  // zoom travels with pan and tilt in one velocity
        connect(button, &QPushButton::pressed, this, [this, direction] { startMove(0, 0, direction); });
        connect(button, &QPushButton::released, this, &PtzPanel::stopMove);
    } else {
        connect(button, &QPushButton::pressed, this, [this, signal, direction] { startLens(signal, direction); });
        connect(button, &QPushButton::released, this, &PtzPanel::stopLens);
    }
    return button;
}

QWidget* PtzPanel::buildLensRow()
{
    auto* lens = new QWidget(this);
    auto* layout = new QVBoxLayout(lens);
    layout->setContentsMargins(0, 0, 0, 0);
    m_zoomRow = labelledRow(tr("Zoom"),
                            makeLensButton(QStringLiteral("ptzZoomOut"), tr("Wide −"), tr("Zoom out while held"), nullptr, -1),
                            makeLensButton(QStringLiteral("ptzZoomIn"), tr("Tele +"), tr("Zoom in while held"), nullptr, 1), lens);
    m_focusRow = labelledRow(tr("Focus"),
                             makeLensButton(QStringLiteral("ptzFocusNear"), tr("Near"), tr("Focus nearer while held"),
                                            &PtzPanel::focusRequested, -1),
                             makeLensButton(QStringLiteral("ptzFocusFar"), tr("Far"), tr("Focus further while held"),
                                            &PtzPanel::focusRequested, 1),
                             lens);
    m_irisRow = labelledRow(tr("Iris"),
                            makeLensButton(QStringLiteral("ptzIrisClose"), tr("Close"), tr("Close the iris while held"),
                                           &PtzPanel::irisRequested, -1),
                            makeLensButton(QStringLiteral("ptzIrisOpen"), tr("Open"), tr("Open the iris while held"),
                                           &PtzPanel::irisRequested, 1),
                            lens);
    m_zoomRow->setObjectName(QStringLiteral("ptzZoomRow"));
    m_focusRow->setObjectName(QStringLiteral("ptzFocusRow"));
    m_irisRow->setObjectName(QStringLiteral("ptzIrisRow"));
    layout->addWidget(m_zoomRow);
    layout->addWidget(m_focusRow);
    layout->addWidget(m_irisRow);
    return lens;
}

QGroupBox* PtzPanel::buildPresets()
{
    m_presetsBox = new QGroupBox(tr("Presets"), this);
    m_presetsBox->setObjectName(QStringLiteral("ptzPresetsBox"));
    m_presets = new QListWidget(m_presetsBox);
    m_presets->setObjectName(QStringLiteral("ptzPresets"));
    connect(m_presets, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
        if (m_gotoPreset->isEnabled())
            emit gotoPresetRequested(itemId(item));
    });
    connect(m_presets, &QListWidget::currentItemChanged, this, &PtzPanel::refreshPresetButtons);
    m_gotoPreset = new QPushButton(tr("Go"), m_presetsBox);
    m_gotoPreset->setObjectName(QStringLiteral("ptzGotoPreset"));
    connect(m_gotoPreset, &QPushButton::clicked, this, [this] { emit gotoPresetRequested(selectedPresetId()); });
    m_removePreset = new QPushButton(tr("Remove"), m_presetsBox);
    m_removePreset->setObjectName(QStringLiteral("ptzRemovePreset"));
    connect(m_removePreset, &QPushButton::clicked, this, [this] { emit removePresetRequested(selectedPresetId()); });
    m_presetName = new QLineEdit(m_presetsBox);
    m_presetName->setObjectName(QStringLiteral("ptzPresetName"));
    m_presetName->setPlaceholderText(tr("Name of a new preset"));
    m_presetName->setClearButtonEnabled(true);
    connect(m_presetName, &QLineEdit::textChanged, this, &PtzPanel::refreshPresetButtons);
    connect(m_presetName, &QLineEdit::returnPressed, this, &PtzPanel::savePreset);
    m_savePreset = new QPushButton(tr("Save"), m_presetsBox);
    m_savePreset->setObjectName(QStringLiteral("ptzSavePreset"));
    m_savePreset->setToolTip(tr("Store the current position under this name"));
    connect(m_savePreset, &QPushButton::clicked, this, &PtzPanel::savePreset);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_gotoPreset);
    buttons->addWidget(m_removePreset);
    buttons->addStretch(1);
    auto* save = new QHBoxLayout;
    save->addWidget(m_presetName, 1);
    save->addWidget(m_savePreset);
    auto* layout = new QVBoxLayout(m_presetsBox);
    layout->addWidget(m_presets, 1);
    layout->addLayout(buttons);
    layout->addLayout(save);
    return m_presetsBox;
}

QGroupBox* PtzPanel::buildTours()
{
    m_toursBox = new QGroupBox(tr("Tours"), this);
    m_toursBox->setObjectName(QStringLiteral("ptzToursBox"));
    m_tourList = new QListWidget(m_toursBox);
    m_tourList->setObjectName(QStringLiteral("ptzTours"));
    connect(m_tourList, &QListWidget::currentItemChanged, this, &PtzPanel::refreshTourButtons);
    m_startTour = new QPushButton(tr("Start"), m_toursBox);
    m_startTour->setObjectName(QStringLiteral("ptzStartTour"));
    connect(m_startTour, &QPushButton::clicked, this, [this] { emit startTourRequested(selectedTourId()); });
    m_pauseTour = new QPushButton(tr("Pause"), m_toursBox);
    m_pauseTour->setObjectName(QStringLiteral("ptzPauseTour"));
    connect(m_pauseTour, &QPushButton::clicked, this, [this] { emit pauseTourRequested(selectedTourId()); });
    m_stopTour = new QPushButton(tr("Stop"), m_toursBox);
    m_stopTour->setObjectName(QStringLiteral("ptzStopTour"));
    connect(m_stopTour, &QPushButton::clicked, this, [this] { emit stopTourRequested(selectedTourId()); });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_startTour);
    buttons->addWidget(m_pauseTour);
    buttons->addWidget(m_stopTour);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(m_toursBox);
    layout->addWidget(m_tourList, 1);
    layout->addLayout(buttons);
    return m_toursBox;
}

void PtzPanel::setCameraName(const QString& name)
{
    m_title->setText(name);
}

QString PtzPanel::cameraName() const
{
    return m_title->text();
}

void PtzPanel::setCapabilities(const Capabilities& capabilities)
{
    m_capabilities = capabilities;
    // A button about to be hidden could no longer be released.
    stopEverything();
    m_zoomRow->setVisible(capabilities.zoom);
    m_focusRow->setVisible(capabilities.focus);
    m_irisRow->setVisible(capabilities.iris);
    m_presetsBox->setVisible(capabilities.presets);
    m_toursBox->setVisible(capabilities.tours);
    refreshEnabled();
}

void PtzPanel::setUnavailable(const QString& reason)
{
    m_unavailableReason = reason.isEmpty() ? tr("PTZ control is unavailable") : reason;
    stopEverything();
    m_reason->setText(m_unavailableReason);
    m_reason->show();
    refreshEnabled();
}

void PtzPanel::setAvailable()
{
    m_unavailableReason.clear();
    m_reason->clear();
    m_reason->hide();
    refreshEnabled();
}

void PtzPanel::setLock(const Lock& lock)
{
    m_lock = lock;
    if (lock.holder != Lock::Holder::Nobody && lock.secondsLeft >= 0) {
        m_lockDeadline = QDeadlineTimer(std::chrono::seconds(lock.secondsLeft));
        m_lockTick->start();
    } else {
        m_lockDeadline = QDeadlineTimer(QDeadlineTimer::Forever);
        m_lockTick->stop();
    }
    if (lock.holder == Lock::Holder::Someone)
        stopEverything();  // the backend stops the camera for the new holder; the buttons follow
    refreshLockLine();
    refreshEnabled();
}

void PtzPanel::setTakeoverAllowed(bool allowed)
{
    m_takeoverAllowed = allowed;
    refreshEnabled();
}

QString PtzPanel::lockText() const
{
    return m_lockLine->text();
}

void PtzPanel::refreshLockLine()
{
    const bool timed = !m_lockDeadline.isForever();
    // Rounded to the nearest second: the once-a-second tick may come a little early or late, and must
    // still show each second once.
    const qint64 secondsLeft = timed ? (m_lockDeadline.remainingTime() + 500) / 1000 : -1;
    // The lock lapses at its deadline unless the app reports it renewed (its holder kept commanding).
    if (m_lock.holder != Lock::Holder::Nobody && timed && secondsLeft <= 0) {
        m_lock = Lock();
        m_lockDeadline = QDeadlineTimer(QDeadlineTimer::Forever);
        m_lockTick->stop();
        refreshEnabled();
    }
    const QString seconds = QString::number(secondsLeft);
    QString text;
    switch (m_lock.holder) {
    case Lock::Holder::Nobody:
        text = tr("Nobody controls this camera");
        break;
    case Lock::Holder::Caller:
        text = timed ? tr("You control this camera · %1 s left").arg(seconds) : tr("You control this camera");
        break;
    case Lock::Holder::Someone:
        if (m_lock.workstation.isEmpty())
            text = timed ? tr("Controlled by %1 · %2 s left").arg(m_lock.holderName, seconds)
                         : tr("Controlled by %1").arg(m_lock.holderName);
        else
            text = timed ? tr("Controlled by %1 (%2) · %3 s left").arg(m_lock.holderName, m_lock.workstation, seconds)
                         : tr("Controlled by %1 (%2)").arg(m_lock.holderName, m_lock.workstation);
        break;
    }
    m_lockLine->setText(text);
}

void PtzPanel::setPresets(const QList<Preset>& presets)
{
    refill(m_presets, presets, [](const Preset& preset) { return preset.name; });
    refreshPresetButtons();
}

void PtzPanel::setTours(const QList<Tour>& tours)
{
    m_tours = tours;
    refill(m_tourList, tours, [this](const Tour& tour) {
        switch (tour.state) {
        case TourState::Running:
            return tr("%1 (running)").arg(tour.name);
        case TourState::Paused:
            return tr("%1 (paused)").arg(tour.name);
        case TourState::Stopped:
            break;
        }
        return tour.name;
    });
    refreshTourButtons();
}

void PtzPanel::setStatus(const QString& text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

QString PtzPanel::status() const
{
    return m_status->text();
}

double PtzPanel::speed() const
{
    return m_speed->value() / double(kSpeedSteps);
}

void PtzPanel::setSpeed(double speed)
{
    const double bounded = std::isfinite(speed) ? std::clamp(speed, kMinSpeed, 1.0) : kDefaultSpeed;
    m_speed->setValue(qRound(bounded * kSpeedSteps));
}

void PtzPanel::hideEvent(QHideEvent* event)
{
    // A hidden (or closed) dock cannot receive the release.
    stopEverything();
    QWidget::hideEvent(event);
}

void PtzPanel::startMove(double pan, double tilt, double zoom)
{
    m_moving = true;
    m_pan = pan;
    m_tilt = tilt;
    m_zoom = zoom;
    emit velocityRequested(pan * speed(), tilt * speed(), zoom * speed());
}

void PtzPanel::stopMove()
{
    if (!m_moving)
        return;
    m_moving = false;
    m_pan = m_tilt = m_zoom = 0.0;
    emit velocityRequested(0.0, 0.0, 0.0);
}

void PtzPanel::startLens(void (PtzPanel::*signal)(double), double direction)
{
    stopLens();
    m_lensSignal = signal;
    m_lensDirection = direction;
    emitLens(signal, direction * speed());
}

void PtzPanel::stopLens()
{
    if (!m_lensSignal)
        return;
    const auto signal = std::exchange(m_lensSignal, nullptr);
    m_lensDirection = 0.0;
    emitLens(signal, 0.0);
}

void PtzPanel::emitLens(void (PtzPanel::*signal)(double), double value)
{
    // By comparison rather than through the member pointer: GCC's sanitizer builds misread the call.
    if (signal == &PtzPanel::focusRequested)
        emit focusRequested(value);
    else if (signal == &PtzPanel::irisRequested)
        emit irisRequested(value);
}

void PtzPanel::stopEverything()
{
    stopMove();
    stopLens();
}

void PtzPanel::refreshEnabled()
{
    const bool available = isAvailable();
    const bool mayMove = available && m_lock.holder != Lock::Holder::Someone;
    for (QPushButton* button : std::as_const(m_directionButtons))
        button->setEnabled(mayMove && m_capabilities.panTilt);
    m_home->setEnabled(mayMove);
    m_zoomRow->setEnabled(mayMove);
    m_focusRow->setEnabled(mayMove);
    m_irisRow->setEnabled(mayMove);
    m_speed->setEnabled(available);
    m_presets->setEnabled(available);
    m_presetName->setEnabled(mayMove);
    m_tourList->setEnabled(available);
    // The reason replaces the lock line: who holds a camera the user cannot drive is beside the point.
    m_lockLine->setVisible(available);
    m_takeControl->setVisible(available && m_lock.holder == Lock::Holder::Someone && m_takeoverAllowed);
    m_releaseControl->setVisible(available && m_lock.holder == Lock::Holder::Caller);
    refreshPresetButtons();
    refreshTourButtons();
}

void PtzPanel::refreshPresetButtons()
{
    const bool mayMove = isAvailable() && m_lock.holder != Lock::Holder::Someone;
    const bool selected = !selectedPresetId().isEmpty();
    m_gotoPreset->setEnabled(mayMove && selected);
    m_removePreset->setEnabled(mayMove && selected);
    m_savePreset->setEnabled(mayMove && !m_presetName->text().trimmed().isEmpty());
}

void PtzPanel::refreshTourButtons()
{
    const bool available = isAvailable();
    const bool mayMove = available && m_lock.holder != Lock::Holder::Someone;
    const bool selected = !selectedTourId().isEmpty();
    const TourState state = selectedTourState();
    m_startTour->setText(state == TourState::Paused ? tr("Resume") : tr("Start"));
    m_startTour->setEnabled(mayMove && selected && state != TourState::Running);
    m_pauseTour->setEnabled(available && selected && state == TourState::Running);
    m_stopTour->setEnabled(available && selected && state != TourState::Stopped);
}

QString PtzPanel::selectedPresetId() const
{
    return itemId(m_presets->currentItem());
}

QString PtzPanel::selectedTourId() const
{
    return itemId(m_tourList->currentItem());
}

PtzPanel::TourState PtzPanel::selectedTourState() const
{
    const QString id = selectedTourId();
    const auto tour = std::find_if(m_tours.cbegin(), m_tours.cend(), [&id](const Tour& t) { return t.id == id; });
    return tour == m_tours.cend() ? TourState::Stopped : tour->state;
}

void PtzPanel::savePreset()
{
    const QString name = m_presetName->text().trimmed();
    if (name.isEmpty() || !m_savePreset->isEnabled())
        return;
    emit savePresetRequested(name);
    m_presetName->clear();
}

}  // namespace vigie::widgets
