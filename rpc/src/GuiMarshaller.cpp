#include "vigie/rpc/GuiMarshaller.h"

namespace vigie::rpc {

std::shared_ptr<GuiMarshaller> GuiMarshaller::create(QObject* target)
{
    return std::shared_ptr<GuiMarshaller>(new GuiMarshaller(target));
}

void GuiMarshaller::post(std::function<void()> fn)
{
    // Posting under the lock is what makes detach() a barrier: once it returns, no post is in progress.
    // invokeMethod(Qt::QueuedConnection) only appends to the target thread's event queue: it never blocks.
    std::lock_guard lock(m_mutex);
    if (m_target)
        QMetaObject::invokeMethod(m_target, std::move(fn), Qt::QueuedConnection);
}

void GuiMarshaller::detach()
{
    std::lock_guard lock(m_mutex);
    m_target = nullptr;
}

}  // namespace vigie::rpc
