#include "AppOptions.h"

#include "Language.h"
#include "vigie/widgets/LayoutPresets.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSysInfo>
#include <QTextStream>

namespace vigie::app {

namespace {

void usageError(const QString& message)
{
    QTextStream(stderr) << "vigie: " << message << "\n"
                        << QCoreApplication::translate("vigie", "Try 'vigie --help' for more information.") << "\n";
}

}  // namespace

ParseOutcome parseCommandLine(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "vigie", "Vigie, supervision client for video-protection control rooms.\n\n"
                 "Connects to a Vigie backend (for example vigie-sim), lists its cameras and shows them live.\n"
                 "Environment: VIGIE_BACKEND (default backend address), VIGIE_PASSWORD (password, instead of\n"
                 "--password-file or the login dialog)."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();

    QCommandLineOption backend({QStringLiteral("b"), QStringLiteral("backend")},
                               QCoreApplication::translate("vigie", "Backend gRPC address (default 127.0.0.1:50051)."),
                               QStringLiteral("host:port"));
    QCommandLineOption tls(QStringLiteral("tls"),
                           QCoreApplication::translate("vigie", "Connect with TLS (implied by --ca)."));
    QCommandLineOption ca(QStringLiteral("ca"),
                          QCoreApplication::translate("vigie", "PEM file of the authority that signed the backend's "
                                                               "certificate (default: system authorities)."),
                          QStringLiteral("file"));
    QCommandLineOption user({QStringLiteral("u"), QStringLiteral("user")},
                            QCoreApplication::translate("vigie", "User name (default: operator)."),
                            QStringLiteral("name"));
    QCommandLineOption passwordFile(QStringLiteral("password-file"),
                                    QCoreApplication::translate("vigie", "Read the password from the first line of "
                                                                         "this file (else VIGIE_PASSWORD, else ask)."),
                                    QStringLiteral("file"));
    QCommandLineOption grid(QStringLiteral("grid"),
                            QCoreApplication::translate("vigie", "Wall grid size: 1 to 8 (NxN tiles)."),
                            QStringLiteral("n"));
    QCommandLineOption cameras(QStringLiteral("cameras"),
                               QCoreApplication::translate("vigie", "Comma-separated camera ids to show first, in tile "
                                                                    "order (instead of the saved wall)."),
                               QStringLiteral("ids"));
    QCommandLineOption renderer(
        QStringLiteral("renderer"),
        QCoreApplication::translate("vigie", "How the video wall draws: auto (default: OpenGL, or the CPU path when "
                                             "the display's OpenGL is a software rasteriser), opengl or software "
                                             "(env VIGIE_RENDERER)."),
        QStringLiteral("path"));
    QCommandLineOption theme(QStringLiteral("theme"),
                             QCoreApplication::translate("vigie", "dark (default, for dim control rooms) or light "
                                                                  "(env VIGIE_THEME)."),
                             QStringLiteral("name"));
    QCommandLineOption language(QStringLiteral("language"),
                                QCoreApplication::translate("vigie", "auto (default: the system's language), en or fr "
                                                                     "(env VIGIE_LANGUAGE)."),
                                QStringLiteral("lang"));
    QCommandLineOption wall(QStringLiteral("wall"),
                            QCoreApplication::translate("vigie", "Run as the display of this video wall (id or name): "
                                                                 "full screen, no operator controls, showing what the "
                                                                 "backend's wall service says."),
                            QStringLiteral("name"));
    QCommandLineOption monitor(QStringLiteral("monitor"),
                               QCoreApplication::translate("vigie", "With --wall: show only this monitor of the wall "
                                                                    "(one display process per screen)."),
                               QStringLiteral("id"));
    parser.addOptions({backend, tls, ca, user, passwordFile, grid, cameras, renderer, theme, language, wall, monitor});
    if (!parser.parse(arguments)) {
        usageError(parser.errorText());
        return {std::nullopt, 2};
    }
    if (parser.isSet(help)) {
        // Without an application object Qt cannot name the program: say it.
        QTextStream(stdout) << parser.helpText().replace(QLatin1String("<executable_name>"), QLatin1String("vigie"));
        return {std::nullopt, 0};
    }
    if (parser.isSet(version)) {
        QTextStream(stdout) << "vigie " << QCoreApplication::applicationVersion() << "\n";
        return {std::nullopt, 0};
    }

    if (!parser.positionalArguments().isEmpty()) {
        usageError(QCoreApplication::translate("vigie", "unexpected argument '%1'").arg(parser.positionalArguments().first()));
        return {std::nullopt, 2};
    }

    AppOptions options;
    const QString envBackend = qEnvironmentVariable("VIGIE_BACKEND");
    if (parser.isSet(backend))
        options.backend.address = parser.value(backend);
    else if (!envBackend.isEmpty())
        options.backend.address = envBackend;
    if (!options.backend.address.contains(QLatin1Char(':'))) {
        usageError(QCoreApplication::translate("vigie", "backend address '%1' must be host:port").arg(options.backend.address));
        return {std::nullopt, 2};
    }
    options.backend.tls = parser.isSet(tls) || parser.isSet(ca);
    options.backend.caFile = parser.value(ca);
    options.backend.user = parser.isSet(user) ? parser.value(user) : QStringLiteral("operator");
    options.backend.workstation = QSysInfo::machineHostName();

    if (parser.isSet(passwordFile)) {
        QFile file(parser.value(passwordFile));
        if (!file.open(QIODevice::ReadOnly)) {
            usageError(QCoreApplication::translate("vigie", "cannot read password file %1: %2")
                           .arg(file.fileName(), file.errorString()));
            return {std::nullopt, 2};
        }
        options.backend.password = QString::fromUtf8(file.readLine()).trimmed();
    } else if (qEnvironmentVariableIsSet("VIGIE_PASSWORD")) {
        options.backend.password = qEnvironmentVariable("VIGIE_PASSWORD");
    } else {
        options.askPassword = true;
    }

    if (parser.isSet(grid)) {
        bool ok = false;
        options.grid = parser.value(grid).toInt(&ok);
        if (!ok || options.grid < 1 || options.grid > vigie::widgets::LayoutPresets::kMaxGrid) {
            usageError(QCoreApplication::translate("vigie", "--grid takes 1 to 8, not '%1'").arg(parser.value(grid)));
            return {std::nullopt, 2};
        }
    }
    // The command line wins over the environment variable.
    auto valueOrEnvironment = [&parser](const QCommandLineOption& option, const char* variable) {
        return parser.isSet(option) ? parser.value(option) : qEnvironmentVariable(variable);
    };
    const QString rendererText = valueOrEnvironment(renderer, "VIGIE_RENDERER");
    if (!rendererText.isEmpty()) {
        const auto preference = parseRenderPreference(rendererText);
        if (!preference) {
            usageError(QCoreApplication::translate("vigie", "--renderer takes auto, opengl or software, not '%1'")
                           .arg(rendererText));
            return {std::nullopt, 2};
        }
        options.renderer = *preference;
    }
    const QString languageText = valueOrEnvironment(language, "VIGIE_LANGUAGE");
    const auto chosen = Language::choose(languageText, QLocale::system());
    if (!chosen) {
        usageError(QCoreApplication::translate("vigie", "--language takes auto, en or fr, not '%1'").arg(languageText));
        return {std::nullopt, 2};
    }
    options.language = *chosen;
    const QString themeText = valueOrEnvironment(theme, "VIGIE_THEME").trimmed().toLower();
    if (!themeText.isEmpty()) {
        if (themeText != QLatin1String("dark") && themeText != QLatin1String("light")) {
            usageError(QCoreApplication::translate("vigie", "--theme takes dark or light, not '%1'").arg(themeText));
            return {std::nullopt, 2};
        }
        options.lightTheme = themeText == QLatin1String("light");
    }
    options.wall = parser.value(wall).trimmed();
    options.monitor = parser.value(monitor).trimmed();
    if (parser.isSet(wall) && options.wall.isEmpty()) {
        usageError(QCoreApplication::translate("vigie", "--wall needs the id or name of a wall"));
        return {std::nullopt, 2};
    }
    if (!options.monitor.isEmpty() && options.wall.isEmpty()) {
        usageError(QCoreApplication::translate("vigie", "--monitor only makes sense with --wall"));
        return {std::nullopt, 2};
    }
    if (parser.isSet(cameras))
        options.cameraIds = parser.value(cameras).split(QLatin1Char(','), Qt::SkipEmptyParts);
    return {options, 0};
}

}  // namespace vigie::app
