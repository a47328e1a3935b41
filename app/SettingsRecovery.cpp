#include "SettingsRecovery.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSettings>

namespace vigie::app {

QString SettingsRecovery::recoverIfDamaged()
{
    QString path;
    {
        QSettings settings;
        path = settings.fileName();
        (void)settings.allKeys();  // parses the file
        if (settings.status() != QSettings::FormatError)
            return {};
    }
    const QString backup = path + QStringLiteral(".damaged-")
                           + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    if (!QFile::rename(path, backup)) {
        // Cannot move it (read-only folder?): leave it, the defaults still apply for this run.
        return QCoreApplication::translate("vigie",
                                           "The settings file %1 is damaged and could not be moved aside; "
                                           "the default settings are used for now.")
            .arg(QDir::toNativeSeparators(path));
    }
    return QCoreApplication::translate("vigie",
                                       "The settings file was damaged: it was kept as %1 and the default "
                                       "settings are used.")
        .arg(QDir::toNativeSeparators(backup));
}

}  // namespace vigie::app
