#pragma once
// The language of the interface: French or English, from --language / VIGIE_LANGUAGE, else the
// system's locale. Translations are embedded (:/i18n/vigie_<lang>.qm), with Qt's own (standard buttons
// and dialogs) when the system has them.

#include <QLocale>
#include <QString>

#include <optional>

class QCoreApplication;

namespace vigie::app {

class Language {
public:
    // The languages the client ships: "en" (the source) and "fr".
    static QStringList available();
    // "auto" (or empty) follows `system`; otherwise one of available(). nullopt for anything else.
    static std::optional<QString> choose(const QString& option, const QLocale& system);
    // Installs the translators for `language` ("en" installs none). Returns false when the embedded
    // translation is missing (a build problem; the interface stays in English).
    static bool install(QCoreApplication& app, const QString& language);
};

}  // namespace vigie::app
