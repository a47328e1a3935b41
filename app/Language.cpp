#include "Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace vigie::app {

QStringList Language::available()
{
    return {QStringLiteral("en"), QStringLiteral("fr")};
}

std::optional<QString> Language::choose(const QString& option, const QLocale& system)
{
    const QString wanted = option.trimmed().toLower();
    if (wanted.isEmpty() || wanted == QLatin1String("auto")) {
        // Any French locale (fr_FR, fr_BE, fr_CA...) gets French; everything else English.
        return system.language() == QLocale::French ? QStringLiteral("fr") : QStringLiteral("en");
    }
    if (available().contains(wanted))
        return wanted;
    return std::nullopt;
}

bool Language::install(QCoreApplication& app, const QString& language)
{
    if (language == QLatin1String("en"))
        return true;
    auto* ours = new QTranslator(&app);
    if (!ours->load(QStringLiteral(":/i18n/vigie_%1.qm").arg(language))) {
        delete ours;
        return false;
    }
    QCoreApplication::installTranslator(ours);
    // Qt's own strings (standard buttons, file dialogs), if the system has them.
    auto* qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_%1").arg(language), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return true;
}

}  // namespace vigie::app
