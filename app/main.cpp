// vigie: the supervision client. Composition root: options -> backend link -> main window.

#include <QApplication>
#include <QIcon>
#include <QDebug>
#include <QTextStream>
#include <QScreen>
#include <QSurfaceFormat>

#include "AppOptions.h"
#include "MainWindow.h"
#include "Language.h"
#include "RenderPathChoice.h"
#include "SettingsRecovery.h"
#include "WallDisplayWindow.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/rpc/AlarmLink.h"
#include "vigie/rpc/MetadataLink.h"
#include "vigie/rpc/PtzLink.h"
#include "vigie/rpc/BookmarkLink.h"
#include "vigie/rpc/RecordingLink.h"
#include "vigie/rpc/WallLink.h"
#include "vigie/widgets/LoginDialog.h"
#include "vigie/widgets/Theme.h"
#include "vigie/widgets/WallWidget.h"

int main(int argc, char* argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("Vigie"));
    QCoreApplication::setApplicationName(QStringLiteral("vigie"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIE_VERSION));

    // The command line first: --help and usage errors must work without a display.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    auto parsed = vigie::app::parseCommandLine(arguments);
    if (!parsed.options)
        return parsed.exitCode;
    auto options = std::move(*parsed.options);

    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        QTextStream(stderr) << "vigie: no display (DISPLAY is not set): run it from a desktop session\n";
        return 1;
    }

    // The wall needs an OpenGL 3.3 core context; the format must be set before the application exists.
    QSurfaceFormat::setDefaultFormat(vigie::widgets::WallWidget::defaultSurfaceFormat());
    QApplication app(argc, argv);
    if (!vigie::app::Language::install(app, options.language))
        qWarning().noquote() << "vigie: no embedded translation for" << options.language << "- English is used";
    vigie::widgets::Theme::apply(app, options.lightTheme ? vigie::widgets::Theme::Kind::Light
                                                         : vigie::widgets::Theme::Kind::Dark);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/vigie/icons/vigie.svg")));

    // OpenGL with a GPU; the CPU path on a software rasteriser or without OpenGL 3.3 (never no video).
    const auto choice = vigie::app::chooseRenderPath(options.renderer, vigie::app::probeOpenGl());
    vigie::widgets::WallWidget::setDefaultRenderPath(choice.path);
    qInfo().noquote() << "vigie:" << choice.reason;

    // Before anything reads them: damaged settings are moved aside, never a crash or a silent loss.
    const QString settingsNotice = vigie::app::SettingsRecovery::recoverIfDamaged();
    if (!settingsNotice.isEmpty())
        qWarning().noquote() << "vigie:" << settingsNotice;

    if (options.askPassword) {
        const auto credentials =
            vigie::widgets::LoginDialog::ask(nullptr, options.backend.address, options.backend.user, QString());
        if (!credentials)
            return 1;
        options.backend.user = credentials->first;
        options.backend.password = credentials->second;
    }

    vigie::rpc::BackendClient backend(options.backend);
    vigie::rpc::WallLink walls(&backend);
    vigie::rpc::MetadataLink liveObjects(&backend);
    if (!options.wall.isEmpty()) {
        // The wall display: no operator chrome, no saved wall of its own; the backend says what to show.
        vigie::app::WallDisplayWindow display(&backend, &walls, options.wall, options.monitor);
        display.setLiveObjectSource(&liveObjects);
        // The whole screen even without a window manager to honour "full screen" (a bare X server).
        display.setGeometry(display.screen()->geometry());
        display.showFullScreen();
        backend.start();
        return app.exec();
    }
    vigie::rpc::AlarmLink alarms(&backend);
    vigie::rpc::PtzLink ptz(&backend);  // before the window, which uses it until its last child is gone
    vigie::rpc::RecordingLink recordings(&backend);  // likewise: the wall's playback sessions read through it
    vigie::rpc::BookmarkLink bookmarks(&backend);
    vigie::app::MainWindow window(&backend, options.grid, options.cameraIds, &walls, &alarms);
    window.setLiveObjectSource(&liveObjects);
    window.setPtzLink(&ptz);
    window.setRecordingLinks(&recordings, &bookmarks);
    if (!settingsNotice.isEmpty())
        window.showNotice(settingsNotice);
    window.show();
    backend.start();
    return app.exec();
}
