#pragma once

#include <string_view>

namespace vigie::sim {

// Diagnostics go to stderr; stdout is reserved for the READY line and the replies to stdin commands,
// because tests and scripts parse it.
class Log {
public:
    static void setVerbose(bool verbose);
    static bool verbose();

    static void info(std::string_view message);
    static void warning(std::string_view message);
    static void error(std::string_view message);
    // Printed only with --verbose.
    static void debug(std::string_view message);

    // One whole line on stdout, flushed at once (a reader waits for it).
    static void stdoutLine(std::string_view line);
};

} // namespace vigie::sim
