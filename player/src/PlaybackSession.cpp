#include "vigie/player/PlaybackSession.h"

#include <QThread>

#include "PlaybackWorker.h"

namespace vigie::player {

PlaybackSession::PlaybackSession(PlaybackOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_mailbox(std::make_shared<FrameMailbox>())
{
    Q_ASSERT_X(m_options.source && m_options.clock, "PlaybackSession", "a source and a clock are required");
    // stateChanged crosses threads (worker -> GUI): queued delivery needs the type registered.
    qRegisterMetaType<vigie::player::PlaybackState>();
    // The worker lives as long as the session, so state() and stats() never race with its destruction.
    m_worker = std::make_unique<PlaybackWorker>(m_options, m_mailbox, [this](PlaybackState state, const QString& detail) {
        emit stateChanged(state, detail);  // on the worker thread
    });
}

PlaybackSession::~PlaybackSession()
{
    // Join here, while this is still a PlaybackSession: the worker reports Idle on its way out.
    m_worker->stop();
}

void PlaybackSession::start()
{
    Q_ASSERT_X(QThread::currentThread() == thread(), "PlaybackSession::start", "call from the owner's thread");
    m_worker->start();
}

void PlaybackSession::stop()
{
    Q_ASSERT_X(QThread::currentThread() == thread(), "PlaybackSession::stop", "call from the owner's thread");
    m_worker->stop();
}

void PlaybackSession::step(int frames)
{
    Q_ASSERT_X(QThread::currentThread() == thread(), "PlaybackSession::step", "call from the owner's thread");
    m_worker->step(frames);
}

void PlaybackSession::setReverseCacheBytes(std::size_t bytes) { m_worker->setReverseCacheBytes(bytes); }

std::size_t PlaybackSession::reverseCacheBytes() const { return m_worker->reverseCacheBytes(); }

PlaybackState PlaybackSession::state() const { return m_worker->state(); }

PlaybackStats PlaybackSession::stats() const { return m_worker->stats(); }

}  // namespace vigie::player
