#pragma once
// The client's command line.

#include <QString>
#include <QStringList>

#include <optional>

#include "RenderPathChoice.h"
#include "vigie/rpc/BackendOptions.h"


namespace vigie::app {

struct AppOptions {
    vigie::rpc::BackendOptions backend;
    int grid = 0;            // 0 = as saved (default 2x2)
    QStringList cameraIds;   // cameras to show first, in tile order (overrides the saved wall)
    bool askPassword = false;  // no password given: ask with a dialog
    RenderPreference renderer = RenderPreference::Auto;  // --renderer, or VIGIE_RENDERER
    QString language;  // "en" or "fr" (--language, VIGIE_LANGUAGE, else the system locale)
    bool lightTheme = false;  // --theme light (or VIGIE_THEME=light); dark by default
    QString wall;     // --wall: run as that video wall's display (id or name) instead of the console
    QString monitor;  // --monitor: with --wall, only that monitor (one process per physical screen)
};

// Parses the command line before any QApplication exists (so that --help and usage errors work without a
// display). Returns the options, or the exit status when the program should stop here: 0 after --help or
// --version (printed on stdout), 2 after a usage error (printed on stderr with a hint).
struct ParseOutcome {
    std::optional<AppOptions> options;
    int exitCode = 0;
};
ParseOutcome parseCommandLine(const QStringList& arguments);

}  // namespace vigie::app
