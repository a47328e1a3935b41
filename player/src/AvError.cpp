#include "AvError.h"

extern "C" {
#include <libavutil/error.h>
}

#include <cerrno>

namespace vigie::player {

QString describeAvError(int error)
{
    // RTSP status codes arrive as the HTTP error tags (libavformat's ff_rtsp_averror()).
    switch (error) {
    case AVERROR(ECONNREFUSED): return QStringLiteral("connection refused");
    case AVERROR(ECONNRESET): return QStringLiteral("connection reset by the server");
    case AVERROR(EHOSTUNREACH): return QStringLiteral("host unreachable");
    case AVERROR(ENETUNREACH): return QStringLiteral("network unreachable");
    case AVERROR(ETIMEDOUT): return QStringLiteral("timed out");
    case AVERROR(ENOENT): return QStringLiteral("no such file");
    case AVERROR(EACCES): return QStringLiteral("permission denied");
    case AVERROR_EOF: return QStringLiteral("end of stream");
    case AVERROR_HTTP_BAD_REQUEST: return QStringLiteral("server answered 400 Bad Request");
    case AVERROR_HTTP_UNAUTHORIZED: return QStringLiteral("server answered 401 Unauthorized (check the credentials)");
    case AVERROR_HTTP_FORBIDDEN: return QStringLiteral("server answered 403 Forbidden");
    case AVERROR_HTTP_NOT_FOUND: return QStringLiteral("server answered 404 Not Found");
    case AVERROR_HTTP_OTHER_4XX: return QStringLiteral("server answered a 4xx error");
    case AVERROR_HTTP_SERVER_ERROR: return QStringLiteral("server answered a 5xx error");
    case AVERROR_INVALIDDATA: return QStringLiteral("invalid data from the source");
    case AVERROR_PROTOCOL_NOT_FOUND: return QStringLiteral("unsupported protocol");
    default: break;
    }
    char buffer[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(error, buffer, sizeof buffer);
    QString text = QString::fromUtf8(buffer);
    // libav capitalises strerror texts; the details read as lower-case fragments.
    if (!text.isEmpty())
        text[0] = text[0].toLower();
    return text;
}

}  // namespace vigie::player
