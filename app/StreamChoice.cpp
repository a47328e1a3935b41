#include "StreamChoice.h"

#include <algorithm>

namespace vigie::app {

using vigie::rpc::StreamRole;

int StreamChoice::pictureHeight(QSize tile, QSize picture)
{
    if (tile.isEmpty() || picture.isEmpty())
        return 0;
    const qint64 heightAtFullWidth = qint64(tile.width()) * picture.height() / picture.width();
    return int(std::min<qint64>(tile.height(), heightAtFullWidth));
}

StreamRole StreamChoice::choose(StreamRole current, QSize tile, QSize sub, QSize main)
{
    if (main.isEmpty())
        return StreamRole::Sub;  // the only stream there is (or none: the caller finds out)
    if (sub.isEmpty())
        return StreamRole::Main;
    if (main.height() <= sub.height())
        return StreamRole::Sub;  // "main" brings no detail: the cheaper one
    if (tile.isEmpty())
        return current;
    const int shown = pictureHeight(tile, sub);
    if (shown > kToMainFactor * sub.height())
        return StreamRole::Main;
    if (shown <= kToSubFactor * sub.height())
        return StreamRole::Sub;
    return current;  // in the band between the thresholds: no flip-flop
}

}  // namespace vigie::app
