#include "ControlCommands.h"

#include <charconv>
#include <sstream>
#include <vector>

namespace vigie::sim {

ControlCommands::ControlCommands(Actions actions) : m_actions(std::move(actions)) {}

std::string ControlCommands::execute(const std::string& line, bool* quitRequested) const
{
    std::istringstream in(line);
    std::vector<std::string> words;
    for (std::string word; in >> word;)
        words.push_back(word);
    if (words.empty())
        return "error: empty command";

    if (words[0] == "quit" && words.size() == 1) {
        *quitRequested = true;
        return "ok";
    }
    if (words[0] == "push-wall" && words.size() == 4) {
        const std::string failure = m_actions.pushToWall(words[1], words[2], words[3]);
        return failure.empty() ? "ok" : "error: " + failure;
    }
    if (words[0] == "raise-alarm" && words.size() >= 2 && words.size() <= 4) {
        std::string alarmId;
        const std::string failure = m_actions.raiseAlarm(words[1], words.size() > 2 ? words[2] : std::string(),
                                                         words.size() > 3 ? words[3] : std::string(), &alarmId);
        return failure.empty() ? "ok " + alarmId : "error: " + failure;
    }
    if (words[0] == "alarm-rate" && words.size() == 2) {
        double rate = -1;
        const auto [end, error] = std::from_chars(words[1].data(), words[1].data() + words[1].size(), rate);
        if (error != std::errc() || end != words[1].data() + words[1].size() || !(rate >= 0 && rate <= 10'000))
            return "error: alarm-rate wants alarms per second, 0..10000";
        const std::string failure = m_actions.setAlarmRate(rate);
        return failure.empty() ? "ok" : "error: " + failure;
    }
    if (words[0] == "ptz-status" && words.size() == 2) {
        std::string state;
        const std::string failure = m_actions.ptzStatus(words[1], &state);
        return failure.empty() ? "ok " + state : "error: " + failure;
    }
    if (words[0] == "ptz-last-command" && words.size() == 2) {
        std::string state;
        const std::string failure = m_actions.ptzLastCommand(words[1], &state);
        return failure.empty() ? "ok " + state : "error: " + failure;
    }
    if (words[0] == "recording-status" && words.size() == 2 && m_actions.recordingStatus) {
        std::string state;
        const std::string failure = m_actions.recordingStatus(words[1], &state);
        return failure.empty() ? "ok " + state : "error: " + failure;
    }
    if (words[0] == "compact-alarms" && words.size() == 1) {
        const std::string failure = m_actions.compactAlarms();
        return failure.empty() ? "ok" : "error: " + failure;
    }
    if (words[0] == "camera" && words.size() >= 3) {
        const std::string& id = words[1];
        const std::string& action = words[2];
        std::string failure;
        if (action == "offline") {
            std::string reason;
            for (std::size_t i = 3; i < words.size(); ++i)
                reason += (reason.empty() ? "" : " ") + words[i];
            failure = m_actions.setOffline(id, reason);
        } else if (action == "online" && words.size() == 3) {
            failure = m_actions.setOnline(id);
        } else {
            return "error: unknown camera action '" + action + "' (expected: offline [reason...] | online)";
        }
        return failure.empty() ? "ok" : "error: " + failure;
    }
    return "error: unknown command '" + line +
           "' (expected: camera <id> offline [reason...] | camera <id> online | "
           "push-wall <wall> <monitor> <camera> | raise-alarm <camera> [type] [priority] | alarm-rate <n> | "
           "compact-alarms | ptz-status <camera> | ptz-last-command <camera> | recording-status <camera> | quit)";
}

} // namespace vigie::sim
