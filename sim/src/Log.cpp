#include "Log.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace vigie::sim {

namespace {

std::atomic<bool> g_verbose{false};
// Lines written by several threads (gRPC handlers, the RTSP loop, stdin control) must not interleave.
std::mutex g_stderrMutex;
std::mutex g_stdoutMutex;

void write(const char* level, std::string_view message)
{
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm local{};
    localtime_r(&seconds, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%H:%M:%S", &local);

    std::lock_guard lock(g_stderrMutex);
    std::fprintf(stderr, "%s.%03lld vigie-sim %s: %.*s\n", stamp, static_cast<long long>(millis), level,
                 static_cast<int>(message.size()), message.data());
    std::fflush(stderr);
}

} // namespace

void Log::setVerbose(bool verbose) { g_verbose = verbose; }
bool Log::verbose() { return g_verbose; }

void Log::info(std::string_view message) { write("info", message); }
void Log::warning(std::string_view message) { write("warning", message); }
void Log::error(std::string_view message) { write("error", message); }

void Log::debug(std::string_view message)
{
    if (g_verbose)
        write("debug", message);
}

void Log::stdoutLine(std::string_view line)
{
    std::lock_guard lock(g_stdoutMutex);
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace vigie::sim
