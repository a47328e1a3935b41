#pragma once

#include "CameraSpec.h"
#include "UserAccount.h"
#include "SimOptions.h"
#include "WallStore.h"

#include <optional>
#include <string>
#include <vector>

namespace vigie::sim {

// The simulator's resolved configuration: the --config file (if any) merged with the command line and
// the built-in defaults, validated.
class SimConfig {
public:
    // nullopt with *error set (naming the file and what is wrong) when the file cannot be read, is not
    // valid JSON for sim/config.proto, or is semantically wrong.
    static std::optional<SimConfig> load(const SimOptions& options, std::string* error);

    std::string siteName = "Ville de démonstration (vigie-sim)";
    std::vector<UserAccount> users;
    std::vector<vigie::v1::Site> sites;
    std::vector<CameraSpec> cameras;
    std::vector<WallStore::Definition> walls;
    std::string alarmJournalDir;  // empty: alarms in memory only
    double alarmRate = 0.05;      // alarms raised per second by the generator
};

} // namespace vigie::sim
