#include "LibavLog.h"

extern "C" {
#include <libavutil/log.h>
}

#include <QByteArray>
#include <QLoggingCategory>

#include <cstdarg>
#include <mutex>

namespace vigie::player {

namespace {

Q_LOGGING_CATEGORY(lcLibav, "vigie.player.libav", QtWarningMsg)

void logCallback(void* avcl, int level, const char* format, va_list args)
{
    if (level > AV_LOG_INFO)
        return;
    // libav emits a line in several calls: collect the pieces per thread until the newline.
    thread_local QByteArray pending;
    thread_local int printPrefix = 1;
    char piece[1024];
    av_log_format_line2(avcl, level, format, args, piece, sizeof piece, &printPrefix);
    pending += piece;
    if (!pending.endsWith('\n'))
        return;
    pending.chop(1);
    if (level <= AV_LOG_ERROR)
        qCWarning(lcLibav, "%s", pending.constData());
    else if (level <= AV_LOG_WARNING)
        qCInfo(lcLibav, "%s", pending.constData());
    else
        qCDebug(lcLibav, "%s", pending.constData());
    pending.clear();
}

}  // namespace

void installLibavLogHandler()
{
    static std::once_flag once;
    std::call_once(once, [] {
        av_log_set_level(AV_LOG_INFO);  // libav does not even format what would be dropped
        av_log_set_callback(&logCallback);
    });
}

}  // namespace vigie::player
