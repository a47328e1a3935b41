#include "ReviewConsole.h"

#include <QDateTime>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "ReviewTimelineFeeder.h"
#include "WallController.h"
#include "vigie/player/PlaybackClock.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/widgets/ReviewBar.h"
#include "vigie/widgets/TimelineWidget.h"

namespace vigie::app {

namespace {

constexpr int kFollowMs = 40;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

}  // namespace

ReviewConsole::ReviewConsole(WallController* controller, vigie::rpc::BackendClient* backend, QWidget* parent,
                             qint64 startBehindMs)
    : QWidget(parent),
      m_controller(controller),
      m_backend(backend),
      m_clock(std::make_shared<vigie::player::PlaybackClock>((nowMs() - startBehindMs) * 1000))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_bar = new vigie::widgets::ReviewBar(this);
    m_bar->setObjectName(QStringLiteral("reviewBar"));
    layout->addWidget(m_bar);
    m_timeline = new vigie::widgets::TimelineWidget(this);
    m_timeline->setObjectName(QStringLiteral("reviewTimeline"));
    layout->addWidget(m_timeline);
    m_timeline->setVisibleRange(position() - 15 * 60 * 1000, position() + 15 * 60 * 1000);
    m_timeline->setPlayhead(position());

    connect(m_timeline, &vigie::widgets::TimelineWidget::shuttleRequested, this, &ReviewConsole::shuttle);
    connect(m_timeline, &vigie::widgets::TimelineWidget::stepRequested, this, &ReviewConsole::step);
    connect(m_timeline, &vigie::widgets::TimelineWidget::jumpRequested, this,
            [this](qint64 deltaMs) { seekTo(position() + deltaMs); });
    connect(m_timeline, &vigie::widgets::TimelineWidget::seekRequested, this, &ReviewConsole::seekTo);
    // Scrubbing seeks as the playhead moves: each seek supersedes the previous one in the players.
    connect(m_timeline, &vigie::widgets::TimelineWidget::playheadMoved, this, [this](qint64 time, bool) { seekTo(time); });
    connect(m_timeline, &vigie::widgets::TimelineWidget::playheadReleased, this, &ReviewConsole::seekTo);
    connect(m_timeline, &vigie::widgets::TimelineWidget::markerActivated, this,
            [this](vigie::widgets::TimelineMarkerKind, const QString&, qint64 time) { seekTo(time); });

    connect(m_timeline, &vigie::widgets::TimelineWidget::rangeSelected, this, [this](qint64 start, qint64 end) {
        m_selection = std::make_pair(start, end);
        m_bar->setSelectionAvailable(true);
    });
    connect(m_timeline, &vigie::widgets::TimelineWidget::selectionCleared, this, [this] {
        m_selection.reset();
        m_bar->setSelectionAvailable(false);
    });

    // The bar: the same commands with the mouse.
    connect(m_bar, &vigie::widgets::ReviewBar::playRequested, this, [this](int direction) {
        // The speed chosen stays; only the direction follows the button.
        const double speed = std::abs(m_clock->rate());
        play(direction < 0 ? -speed : speed);
    });
    connect(m_bar, &vigie::widgets::ReviewBar::pauseRequested, this, &ReviewConsole::pause);
    connect(m_bar, &vigie::widgets::ReviewBar::stepRequested, this, &ReviewConsole::step);
    connect(m_bar, &vigie::widgets::ReviewBar::rateRequested, this, [this](double rate) {
        if (m_clock->isPaused()) {
            m_clock->setRate(rate);  // applies at the next play
            emit transportChanged();
        } else {
            play(rate);
        }
    });
    connect(m_bar, &vigie::widgets::ReviewBar::bookmarkRequested, this, [this] {
        const QString camera = m_controller->cameraAt(m_stepTile);
        if (m_selection && !camera.isEmpty())
            emit bookmarkRequested(camera, m_selection->first, m_selection->second);
    });
    connect(m_bar, &vigie::widgets::ReviewBar::liveRequested, this, &ReviewConsole::liveRequested);
    connect(m_controller, &WallController::assignmentsChanged, this, &ReviewConsole::updateRows);
    connect(this, &ReviewConsole::transportChanged, this, &ReviewConsole::followClock);

    m_follow = new QTimer(this);
    m_follow->setInterval(kFollowMs);
    connect(m_follow, &QTimer::timeout, this, &ReviewConsole::followClock);
    setFocusProxy(m_timeline);
}

ReviewConsole::~ReviewConsole() = default;

qint64 ReviewConsole::position() const
{
    return m_clock->position() / 1000;
}

void ReviewConsole::seekTo(qint64 utcMs)
{
    Q_ASSERT(thread() == QThread::currentThread());
    m_clock->seek(std::min(utcMs, nowMs()) * 1000);
    followClock();
}

void ReviewConsole::play(double rate)
{
    if (!m_clock->setRate(rate))
        return;
    m_clock->play();
    emit transportChanged();
}

void ReviewConsole::pause()
{
    m_clock->pause();
    followClock();
    emit transportChanged();
}

void ReviewConsole::shuttle(int direction)
{
    if (direction == 0) {
        pause();
        return;
    }
    const double rate = m_clock->rate();
    const bool sameWay = !m_clock->isPaused() && (rate > 0) == (direction > 0);
    // A press in the way it already plays doubles the speed (up to the clock's maximum); otherwise it
    // starts at normal speed that way, from a pause or a reversal.
    const double next = sameWay ? std::clamp(rate * 2, -vigie::player::PlaybackClock::kMaxRate,
                                             vigie::player::PlaybackClock::kMaxRate)
                                : (direction > 0 ? 1.0 : -1.0);
    play(next);
}

void ReviewConsole::step(int frames)
{
    m_controller->stepTile(m_stepTile, frames);
    emit transportChanged();
}

void ReviewConsole::setLinks(vigie::rpc::RecordingLink* recordings, vigie::rpc::BookmarkLink* bookmarks)
{
    if (m_feeder || !recordings || !bookmarks)
        return;
    m_feeder = new ReviewTimelineFeeder(m_timeline, recordings, bookmarks, this);
    connect(m_feeder, &ReviewTimelineFeeder::problem, this, &ReviewConsole::problem);
    updateRows();
}

void ReviewConsole::updateRows()
{
    if (!m_feeder)
        return;
    QList<QPair<QString, QString>> cameras;
    for (const QString& id : m_controller->cameraIds()) {
        if (id.isEmpty() || std::any_of(cameras.cbegin(), cameras.cend(), [&](const auto& c) { return c.first == id; }))
            continue;
        const auto* camera = m_backend->camera(id);
        cameras.append({id, camera ? camera->name : id});
    }
    m_feeder->setCameras(cameras);
}

QString ReviewConsole::stateText() const
{
    if (m_clock->isPaused())
        return tr("Paused");
    return m_clock->rate() > 0 ? tr("Playing") : tr("Playing in reverse");
}

void ReviewConsole::followClock()
{
    qint64 at = position();
    if (at > nowMs() && !m_clock->isPaused() && m_clock->rate() > 0) {
        // Past the live edge: nothing more is recorded yet; hold at now rather than run into the future.
        m_clock->pauseAt(nowMs() * 1000);
        at = position();
        emit transportChanged();
    }
    m_timeline->setPlayhead(at);
    m_bar->setPosition(at);
    m_bar->setRate(m_clock->rate());
    m_bar->setPaused(m_clock->isPaused());
    m_bar->setStateText(stateText());
}

void ReviewConsole::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_follow->start();
    followClock();
}

void ReviewConsole::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_follow->stop();
}

}  // namespace vigie::app
