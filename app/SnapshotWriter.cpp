#include "SnapshotWriter.h"

#include <QDir>
#include <QImage>
#include <QImageWriter>
#include <QRegularExpression>
#include <QStandardPaths>

#include "vigie/player/FrameScaler.h"
#include "vigie/player/VideoFrame.h"

namespace vigie::app {

QString SnapshotWriter::directory()
{
    const QString configured = qEnvironmentVariable("VIGIE_SNAPSHOT_DIR");
    if (!configured.isEmpty())
        return configured;
    return QStandardPaths::writableLocation(QStandardPaths::PicturesLocation) + QStringLiteral("/Vigie");
}

QString SnapshotWriter::fileName(const QString& cameraId, const QDateTime& local)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]"));
    QString camera = cameraId;
    camera.replace(unsafe, QStringLiteral("_"));
    if (camera.isEmpty())
        camera = QStringLiteral("camera");
    return camera + QLatin1Char('_') + local.toString(QStringLiteral("yyyy-MM-dd_HH-mm-ss-zzz")) + QStringLiteral(".png");
}

bool SnapshotWriter::save(const vigie::player::VideoFrame& frame, const QString& path, QString* error)
{
    vigie::player::FrameScaler scaler;
    // The native size: the decoded picture, whatever the tile shows.
    const auto rgb = scaler.toBgra(frame, frame.width(), frame.height());
    if (!rgb) {
        *error = QObject::tr("the picture could not be converted");
        return false;
    }
    const QImage image(rgb->planeData(0), rgb->width(), rgb->height(), rgb->planeStride(0), QImage::Format_RGB32);
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = QObject::tr("cannot create the folder %1").arg(QFileInfo(path).absolutePath());
        return false;
    }
    QImageWriter writer(path, "png");
    if (!writer.write(image)) {
        *error = writer.errorString();
        return false;
    }
    return true;
}

}  // namespace vigie::app
