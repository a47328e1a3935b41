#pragma once

#include "ControlCommands.h"

#include <thread>

namespace vigie::sim {

// Reads control commands from stdin on a thread of its own and writes each reply line on stdout.
// End of input stops the reading, not the simulator: it may run in the background with stdin closed.
class StdinControl {
public:
    explicit StdinControl(const ControlCommands& commands);
    ~StdinControl();
    StdinControl(const StdinControl&) = delete;
    StdinControl& operator=(const StdinControl&) = delete;

    bool start();
    // Wakes the reader (blocked in poll) and joins it.
    void stop();

private:
    void run();

    const ControlCommands& m_commands;
    std::thread m_thread;
    int m_wakeRead = -1;   // self-pipe: stop() writes, the reader polls it next to stdin
    int m_wakeWrite = -1;
};

} // namespace vigie::sim
