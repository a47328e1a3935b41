// vigie: the supervision client. Composition root: options -> backend link -> main window.

#include <QApplication>
#include <QIcon>
#include <QSurfaceFormat>

#include "AppOptions.h"
#include "MainWindow.h"
#include "vigie/rpc/BackendClient.h"
#include "vigie/widgets/LoginDialog.h"
#include "vigie/widgets/WallWidget.h"

int main(int argc, char* argv[])
{
    // The wall needs an OpenGL 3.3 core context; the format must be set before the application exists.
    QSurfaceFormat::setDefaultFormat(vigie::widgets::WallWidget::defaultSurfaceFormat());
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Vigie"));
    QApplication::setApplicationName(QStringLiteral("vigie"));
    QApplication::setApplicationVersion(QStringLiteral(VIGIE_VERSION));
    QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/vigie/icons/vigie.svg")));

    auto options = vigie::app::parseCommandLine(app);
    if (!options)
        return 2;

    if (options->askPassword) {
        const auto credentials =
            vigie::widgets::LoginDialog::ask(nullptr, options->backend.address, options->backend.user, QString());
        if (!credentials)
            return 1;
        options->backend.user = credentials->first;
        options->backend.password = credentials->second;
    }

    vigie::rpc::BackendClient backend(options->backend);
    vigie::app::MainWindow window(&backend, options->grid, options->cameraIds);
    window.show();
    backend.start();
    return app.exec();
}
