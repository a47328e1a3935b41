#pragma once

#include <functional>
#include <string>

namespace vigie::sim {

// The stdin control language, one command per line:
//   camera <id> offline [reason...] | camera <id> online | push-wall <wall> <monitor> <camera> | quit
// Each command answers one line: "ok" or "error: <why>".
class ControlCommands {
public:
    struct Actions {
        // Empty string on success, else what went wrong.
        std::function<std::string(const std::string& cameraId, const std::string& reason)> setOffline;
        std::function<std::string(const std::string& cameraId)> setOnline;
        std::function<std::string(const std::string& wallId, const std::string& monitorId,
                                  const std::string& cameraId)>
            pushToWall;
        std::function<void()> quit;
    };

    explicit ControlCommands(Actions actions);

    // Parses and runs one line; returns the reply line. `quitRequested` is set by "quit", whose
    // action must run only after the reply was written.
    std::string execute(const std::string& line, bool* quitRequested) const;
    void quit() const { m_actions.quit(); }

private:
    Actions m_actions;
};

} // namespace vigie::sim
