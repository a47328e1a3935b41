#pragma once

#include <functional>
#include <string>

namespace vigie::sim {

// The stdin control language, one command per line:
//   camera <id> offline [reason...] | camera <id> online | push-wall <wall> <monitor> <camera> |
//   raise-alarm <camera> [type] [priority] | alarm-rate <per second> | compact-alarms |
//   ptz-status <camera> | ptz-last-command <camera> | recording-status <camera> | quit
// Each command answers one line: "ok" or "error: <why>"; raise-alarm answers "ok <alarm id>",
// ptz-status "ok pan=<p> tilt=<t> zoom=<z> moving=0|1", ptz-last-command
// "ok at_us=<us> pan=<p> tilt=<t> count=<n>", recording-status "ok online=0|1 segments=<n> bytes=<b>
// current=<segment id>|none current_bytes=<b> current_end_ms=<t>".
class ControlCommands {
public:
    struct Actions {
        // Empty string on success, else what went wrong.
        std::function<std::string(const std::string& cameraId, const std::string& reason)> setOffline;
        std::function<std::string(const std::string& cameraId)> setOnline;
        std::function<std::string(const std::string& wallId, const std::string& monitorId,
                                  const std::string& cameraId)>
            pushToWall;
        // Sets *alarmId on success. Type and priority as typed (empty: the generator's choice).
        std::function<std::string(const std::string& cameraId, const std::string& type, const std::string& priority,
                                  std::string* alarmId)>
            raiseAlarm;
        std::function<std::string(double alarmsPerSecond)> setAlarmRate;
        std::function<std::string()> compactAlarms;
        // Sets *state to "pan=.. tilt=.. zoom=.. moving=0|1".
        std::function<std::string(const std::string& cameraId, std::string* state)> ptzStatus;
        // Sets *state to "at_us=.. pan=.. tilt=.. count=..".
        std::function<std::string(const std::string& cameraId, std::string* state)> ptzLastCommand;
        std::function<void()> quit;
        // Sets *state to "online=.. segments=.. bytes=.. current=.. current_bytes=.. current_end_ms=..".
        std::function<std::string(const std::string& cameraId, std::string* state)> recordingStatus;
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
