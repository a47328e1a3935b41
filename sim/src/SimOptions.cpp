#include "SimOptions.h"

#include <algorithm>

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

StreamFormat SimOptions::cheapMainStream() const
{
    StreamFormat format = kMainStream;
    format.width = cheapMainWidth;
    format.height = cheapMainHeight;
    const double pixels = double(cheapMainWidth) * cheapMainHeight;
    const double reference = double(kMainStream.width) * kMainStream.height;
    // Rounded to 100 kbit/s: 1920x1080 -> 4500, 1280x720 -> 2000.
    format.bitrateKbps = std::max(100, static_cast<int>(kMainStream.bitrateKbps * pixels / reference / 100 + 0.5) * 100);
    return format;
}

} // namespace vigie::sim
