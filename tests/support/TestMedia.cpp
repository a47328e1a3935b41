#include "TestMedia.h"

#include <QProcess>
#include <QtDebug>

namespace vigie::test {

bool generateMedia(const QString& output, const QStringList& arguments)
{
    QProcess ffmpeg;
    ffmpeg.setProcessChannelMode(QProcess::MergedChannels);
    ffmpeg.start(QStringLiteral("ffmpeg"),
                 QStringList{QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-nostdin")} +
                     arguments + QStringList{output});
    if (!ffmpeg.waitForFinished(30000) || ffmpeg.exitStatus() != QProcess::NormalExit || ffmpeg.exitCode() != 0) {
        qWarning("ffmpeg failed for %s: %s", qPrintable(output), ffmpeg.readAll().constData());
        return false;
    }
    return true;
}

}  // namespace vigie::test
