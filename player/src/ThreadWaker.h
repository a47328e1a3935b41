#pragma once
// Wakes a thread blocked in poll() inside libav, so that stop() returns within milliseconds.
//
// libav's network code waits in poll() slices of 100 ms and checks the AVIOInterruptCB only between
// slices: on its own, setting the stop flag can take up to 100 ms to be noticed. A signal with an
// empty handler makes poll() fail with EINTR at once (poll() is never restarted, whatever SA_RESTART
// says); libav then calls the interrupt callback, sees the stop flag and returns AVERROR_EXIT.
// The handler is installed with SA_RESTART so that other system calls of the thread resume as usual.

#include <pthread.h>

namespace vigie::player {

class ThreadWaker {
public:
    // Installs the handler once per process. Returns false (waking disabled, stop() then takes up to
    // one poll slice) if the application already uses the signal.
    static bool install();
    static void wake(pthread_t thread);
};

}  // namespace vigie::player
