#include "vigie/player/Overload.h"

namespace vigie::player {

QString overloadLevelName(OverloadLevel level)
{
    switch (level) {
    case OverloadLevel::Full: return QStringLiteral("full");
    case OverloadLevel::ReducedRate: return QStringLiteral("reduced rate");
    case OverloadLevel::KeyFramesOnly: return QStringLiteral("key frames only");
    }
    return QStringLiteral("unknown");
}

}  // namespace vigie::player
