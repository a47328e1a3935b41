#pragma once
// Carries results from gRPC's threads to the thread of a QObject, safely across its destruction.
//
// gRPC completion callbacks run on library threads and may fire after the QObject that started the call
// is gone. Callbacks therefore never touch the object directly: they post() a function, which is queued
// to the target's thread with QMetaObject::invokeMethod(target, …, Qt::QueuedConnection). detach(),
// called from the target's destructor, guarantees that nothing is posted afterwards; functions already
// queued are discarded by Qt with the target's destruction.

#include <QObject>

#include <functional>
#include <memory>
#include <mutex>

namespace vigie::rpc {

class GuiMarshaller {
public:
    static std::shared_ptr<GuiMarshaller> create(QObject* target);

    // Any thread.
    void post(std::function<void()> fn);
    // Target's thread, typically in its destructor.
    void detach();

private:
    explicit GuiMarshaller(QObject* target) : m_target(target) {}
    std::mutex m_mutex;
    QObject* m_target;  // guarded by m_mutex; null once detached
};

}  // namespace vigie::rpc
