#include "SimOptions.h"

namespace vigie::sim {

std::string SimOptions::urlHost() const
{
    // A wildcard address is not something a client can connect to; the loopback is what tests use.
    if (listenHost == "0.0.0.0")
        return "127.0.0.1";
    if (listenHost == "::")
        return "[::1]";
    if (listenHost.find(':') != std::string::npos)
        return "[" + listenHost + "]";
    return listenHost;
}

std::string SimOptions::listenAddress() const
{
    const std::string host =
        listenHost.find(':') != std::string::npos ? "[" + listenHost + "]" : listenHost;
    return host + ":" + std::to_string(listenPort);
}

} // namespace vigie::sim
