#pragma once

#include "SimOptions.h"

#include <string>

namespace vigie::sim {

// Parses argv into SimOptions. Accepts "--flag value" and "--flag=value".
class CommandLine {
public:
    enum class Outcome { Run, ExitSuccess, ExitUsageError };

    struct Result {
        Outcome outcome = Outcome::Run;
        SimOptions options;
        std::string message;  // help text, version, or what is wrong
    };

    static Result parse(int argc, char** argv);
    static std::string helpText();
};

} // namespace vigie::sim
