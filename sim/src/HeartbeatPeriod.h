#pragma once
// The heartbeat period of a server stream, as the contract fixes it for every watch that lets the client
// choose (walls.proto, alarms.proto): 10 s when the request leaves it unset, else the wanted period
// clamped to [1 s, 60 s].

#include <google/protobuf/util/time_util.h>

#include <algorithm>
#include <chrono>

namespace vigie::sim {

template <class Request>
std::chrono::milliseconds heartbeatPeriod(const Request& request)
{
    constexpr std::chrono::milliseconds kDefault{10'000};
    constexpr std::chrono::milliseconds kMin{1'000};
    constexpr std::chrono::milliseconds kMax{60'000};
    if (!request.has_heartbeat_interval())
        return kDefault;
    const auto wanted = std::chrono::milliseconds(
        google::protobuf::util::TimeUtil::DurationToMilliseconds(request.heartbeat_interval()));
    return std::clamp(wanted, kMin, kMax);
}

}  // namespace vigie::sim
