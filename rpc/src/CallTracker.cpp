#include "CallTracker.h"

namespace vigie::rpc {

bool CallTracker::begin(grpc::ClientContext* context)
{
    std::lock_guard lock(m_mutex);
    if (m_shuttingDown)
        return false;
    m_inFlight.insert(context);
    return true;
}

void CallTracker::end(grpc::ClientContext* context)
{
    std::lock_guard lock(m_mutex);
    m_inFlight.erase(context);
    if (m_inFlight.empty())
        m_idle.notify_all();
}

bool CallTracker::cancelAllAndWait(std::chrono::milliseconds limit)
{
    std::unique_lock lock(m_mutex);
    m_shuttingDown = true;
    for (grpc::ClientContext* context : m_inFlight)
        context->TryCancel();  // thread-safe; completion still arrives through the call's callback
    return m_idle.wait_for(lock, limit, [this] { return m_inFlight.empty(); });
}

}  // namespace vigie::rpc
