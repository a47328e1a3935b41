#pragma once
// The client's command line.

#include <QString>
#include <QStringList>

#include <optional>

#include "vigie/rpc/BackendOptions.h"

class QCoreApplication;

namespace vigie::app {

struct AppOptions {
    vigie::rpc::BackendOptions backend;
    int grid = 0;            // 0 = as saved (default 2x2)
    QStringList cameraIds;   // cameras to show first, in tile order (overrides the saved wall)
    bool askPassword = false;  // no password given: ask with a dialog
};

// Parses the arguments of `app`. On a usage error, prints it (with the hint to use --help) to stderr and
// returns nullopt; --help and --version print and exit as usual.
std::optional<AppOptions> parseCommandLine(const QCoreApplication& app);

}  // namespace vigie::app
