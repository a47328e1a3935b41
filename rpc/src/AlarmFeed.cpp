#include "AlarmFeed.h"

namespace vigie::rpc {

bool AlarmFeed::push(AlarmFeedEvent event)
{
    std::lock_guard lock(m_mutex);
    m_pending.append(std::move(event));
    if (m_ownerTold)
        return false;
    m_ownerTold = true;
    return true;
}

QList<AlarmFeedEvent> AlarmFeed::takeAll()
{
    QList<AlarmFeedEvent> taken;
    std::lock_guard lock(m_mutex);
    taken.swap(m_pending);
    m_ownerTold = false;
    return taken;
}

void AlarmFeed::cancel()
{
    std::lock_guard lock(m_mutex);
    if (m_context)
        m_context->TryCancel();
}

}  // namespace vigie::rpc
