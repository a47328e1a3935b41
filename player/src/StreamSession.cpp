#include "vigie/player/StreamSession.h"

#include <QThread>

#include "StreamWorker.h"

namespace vigie::player {

StreamSession::StreamSession(StreamOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_mailbox(std::make_shared<FrameMailbox>())
{
    // stateChanged crosses threads (worker -> GUI): queued delivery needs the type registered.
    qRegisterMetaType<vigie::player::StreamState>();
    qRegisterMetaType<vigie::player::OverloadLevel>();
    // The worker lives as long as the session, so state() and stats() never race with its destruction.
    m_worker = std::make_unique<StreamWorker>(m_options, m_mailbox, [this](StreamState state, const QString& detail) {
        emit stateChanged(state, detail);  // on the worker thread
    }, [this](OverloadLevel level) {
        emit overloadChanged(level);  // on the worker thread
    });
}

StreamSession::~StreamSession()
{
    // Join here, while this is still a StreamSession: the worker emits Stopped on its way out.
    m_worker->stop();
}

void StreamSession::start()
{
    Q_ASSERT_X(QThread::currentThread() == thread(), "StreamSession::start", "call from the owner's thread");
    m_worker->start();
}

void StreamSession::stop()
{
    Q_ASSERT_X(QThread::currentThread() == thread(), "StreamSession::stop", "call from the owner's thread");
    m_worker->stop();
}

StreamState StreamSession::state() const { return m_worker->state(); }

StreamStats StreamSession::stats() const { return m_worker->stats(); }

void StreamSession::setPriority(StreamPriority priority)
{
    Q_ASSERT_X(QThread::currentThread() == thread(), "StreamSession::setPriority", "call from the owner's thread");
    m_worker->setPriority(priority);
}

StreamPriority StreamSession::priority() const { return m_worker->priority(); }

void StreamSession::setExtraDecodeDelay(std::chrono::microseconds delay)
{
    Q_ASSERT_X(QThread::currentThread() == thread(), "StreamSession::setExtraDecodeDelay", "call from the owner's thread");
    m_worker->setExtraDecodeDelay(delay);
}

}  // namespace vigie::player
