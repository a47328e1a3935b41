#pragma once
// Classifies a stream URL and prepares it for libav and for display.

#include <QByteArray>
#include <QString>

namespace vigie::player {

class StreamUrl {
public:
    explicit StreamUrl(const QString& url);

    bool isLocalFile() const { return m_localFile; }
    bool isRtsp() const { return m_rtsp; }
    // What avformat_open_input() gets: local paths get a "file:" prefix so that a path containing a
    // colon is never taken for a protocol.
    QByteArray forLibav() const { return m_libav; }
    // For state details and logs: user name and password removed (tiles are seen by everyone).
    QString redacted() const { return m_redacted; }

private:
    bool m_localFile = false;
    bool m_rtsp = false;
    QByteArray m_libav;
    QString m_redacted;
};

}  // namespace vigie::player
