#pragma once
// Turns libav error codes into the short, human-readable reasons a control-room operator reads on a
// tile ("connection refused", "server answered 404 Not Found").

#include <QString>

namespace vigie::player {

QString describeAvError(int error);

}  // namespace vigie::player
