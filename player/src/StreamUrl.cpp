#include "StreamUrl.h"

#include <QFile>
#include <QUrl>

namespace vigie::player {

StreamUrl::StreamUrl(const QString& url)
{
    const QUrl parsed(url);
    const QString scheme = parsed.scheme().toLower();
    // A one-letter scheme is a Windows drive ("C:/videos/x.mp4").
    if (scheme.isEmpty() || scheme.size() == 1 || scheme == QLatin1String("file")) {
        m_localFile = true;
        const QString path = scheme == QLatin1String("file") ? parsed.toLocalFile() : url;
        m_libav = "file:" + QFile::encodeName(path);
        m_redacted = path;
        return;
    }
    m_rtsp = scheme == QLatin1String("rtsp") || scheme == QLatin1String("rtsps");
    m_libav = url.toUtf8();
    m_redacted = parsed.adjusted(QUrl::RemoveUserInfo).toString();
}

}  // namespace vigie::player
