// A damaged settings file is moved aside (kept for whoever wants to look), the defaults apply, and the
// operator is told; a healthy or missing file is left alone.

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest/QTest>

#include "SettingsRecovery.h"

using vigie::app::SettingsRecovery;

class TestSettingsRecovery : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void missingFileIsFine();
    void healthyFileIsLeftAlone();
    void damagedFileIsMovedAsideAndDefaultsApply();

private:
    QString m_path;
};

void TestSettingsRecovery::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("vigie-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_settings_recovery"));
    m_path = QSettings().fileName();
    QVERIFY(!m_path.isEmpty());
}

void TestSettingsRecovery::init()
{
    QFile::remove(m_path);
    const QDir dir = QFileInfo(m_path).dir();
    for (const QString& name : dir.entryList({QFileInfo(m_path).fileName() + QStringLiteral(".damaged-*")}))
        QFile::remove(dir.filePath(name));
}

void TestSettingsRecovery::missingFileIsFine()
{
    QVERIFY(SettingsRecovery::recoverIfDamaged().isEmpty());
}

void TestSettingsRecovery::healthyFileIsLeftAlone()
{
    {
        QSettings settings;
        settings.setValue(QStringLiteral("wall/layout"), QStringLiteral("2x2:0,0,1,1;1,0,1,1;0,1,1,1;1,1,1,1"));
    }
    QVERIFY(SettingsRecovery::recoverIfDamaged().isEmpty());
    QCOMPARE(QSettings().value(QStringLiteral("wall/layout")).toString(),
             QStringLiteral("2x2:0,0,1,1;1,0,1,1;0,1,1,1;1,1,1,1"));
}

void TestSettingsRecovery::damagedFileIsMovedAsideAndDefaultsApply()
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    const QByteArray garbage("\x01\x02\xff\xfe [[[ wall\nlayout\n=\n");
    {
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(garbage);
    }
    const QString notice = SettingsRecovery::recoverIfDamaged();
    QVERIFY2(notice.contains(QLatin1String("damaged")), qPrintable(notice));

    // The old file is kept, byte for byte, under the name the notice gives.
    const QDir dir = QFileInfo(m_path).dir();
    const QStringList backups = dir.entryList({QFileInfo(m_path).fileName() + QStringLiteral(".damaged-*")});
    QCOMPARE(backups.size(), 1);
    QVERIFY2(notice.contains(backups.first()), qPrintable(notice));
    QFile backup(dir.filePath(backups.first()));
    QVERIFY(backup.open(QIODevice::ReadOnly));
    QCOMPARE(backup.readAll(), garbage);

    // Defaults from now on, and the settings work again.
    QSettings settings;
    QCOMPARE(settings.status(), QSettings::NoError);
    QVERIFY(settings.allKeys().isEmpty());
    settings.setValue(QStringLiteral("wall/grid"), 3);
    settings.sync();
    QCOMPARE(settings.status(), QSettings::NoError);
    QVERIFY(SettingsRecovery::recoverIfDamaged().isEmpty());
}

QTEST_GUILESS_MAIN(TestSettingsRecovery)
#include "test_settings_recovery.moc"
