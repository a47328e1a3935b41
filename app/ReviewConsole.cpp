#include "ReviewConsole.h"

#include <QDateTime>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "WallController.h"
#include "vigie/player/PlaybackClock.h"
#include "vigie/widgets/TimelineWidget.h"

namespace vigie::app {

namespace {

constexpr int kFollowMs = 40;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

}  // namespace

ReviewConsole::ReviewConsole(WallController* controller, QWidget* parent, qint64 startBehindMs)
    : QWidget(parent),
      m_controller(controller),
      m_clock(std::make_shared<vigie::player::PlaybackClock>((nowMs() - startBehindMs) * 1000))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
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
