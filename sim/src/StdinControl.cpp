#include "StdinControl.h"

#include "Log.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <string>

namespace vigie::sim {

StdinControl::StdinControl(const ControlCommands& commands) : m_commands(commands) {}

StdinControl::~StdinControl() { stop(); }

bool StdinControl::start()
{
    int fds[2];
    if (pipe(fds) != 0)
        return false;
    m_wakeRead = fds[0];
    m_wakeWrite = fds[1];
    m_thread = std::thread([this] { run(); });
    return true;
}

void StdinControl::stop()
{
    if (m_thread.joinable()) {
        const char byte = 'q';
        [[maybe_unused]] const auto written = write(m_wakeWrite, &byte, 1);
        m_thread.join();
    }
    if (m_wakeRead >= 0) {
        close(m_wakeRead);
        close(m_wakeWrite);
        m_wakeRead = m_wakeWrite = -1;
    }
}

void StdinControl::run()
{
    std::string pending;
    char buffer[4096];
    for (;;) {
        pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {m_wakeRead, POLLIN, 0}};
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            Log::error("stdin control: poll failed");
            return;
        }
        if (fds[1].revents)
            return;
        const ssize_t count = read(STDIN_FILENO, buffer, sizeof buffer);
        if (count < 0 && errno == EINTR)
            continue;
        if (count <= 0) {
            Log::info("stdin closed: control commands are no longer read (the simulator keeps running)");
            return;
        }
        pending.append(buffer, static_cast<std::size_t>(count));
        for (auto end = pending.find('\n'); end != std::string::npos; end = pending.find('\n')) {
            std::string line = pending.substr(0, end);
            pending.erase(0, end + 1);
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            if (line.find_first_not_of(" \t") == std::string::npos)
                continue;
            bool quit = false;
            const std::string reply = m_commands.execute(line, &quit);
            Log::debug("control: '" + line + "' -> " + reply);
            Log::stdoutLine(reply);
            if (quit) {
                m_commands.quit();
                return;
            }
        }
    }
}

} // namespace vigie::sim
