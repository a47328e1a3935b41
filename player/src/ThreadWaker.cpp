#include "ThreadWaker.h"

#include <atomic>
#include <csignal>
#include <mutex>

namespace vigie::player {

namespace {

// A real-time signal that Qt and glibc leave alone (glibc's own ones lie below SIGRTMIN).
int wakeSignal() { return SIGRTMIN + 5; }

std::atomic<bool> g_installed{false};

extern "C" void emptyHandler(int) {}

}  // namespace

bool ThreadWaker::install()
{
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction current {};
        if (sigaction(wakeSignal(), nullptr, &current) != 0 || current.sa_handler != SIG_DFL)
            return;  // someone else owns it: do not steal it
        struct sigaction action {};
        action.sa_handler = emptyHandler;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        g_installed = sigaction(wakeSignal(), &action, nullptr) == 0;
    });
    return g_installed;
}

void ThreadWaker::wake(pthread_t thread)
{
    // Without our handler the signal's default action would kill the process.
    if (g_installed)
        pthread_kill(thread, wakeSignal());
}

}  // namespace vigie::player
