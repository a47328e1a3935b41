// A client process for test_ptz_link's dead-man test: logs in as the operator, drives a dome to the
// right, prints "driving" once the backend accepted the stream, and keeps driving (renewing the lease)
// until it is killed. Usage: ptz_drive_child <host:port> <camera id>

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

#include "vigie/rpc/BackendClient.h"
#include "vigie/rpc/PtzLink.h"

using vigie::rpc::BackendClient;
using vigie::rpc::BackendOptions;
using vigie::rpc::ConnectionState;
using vigie::rpc::PtzLink;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: ptz_drive_child <host:port> <camera id>\n");
        return 2;
    }
    BackendOptions options;
    options.address = QString::fromLocal8Bit(argv[1]);
    options.user = QStringLiteral("operator");
    options.password = QStringLiteral("operator");
    options.workstation = QStringLiteral("ptz-drive-child");
    const QString camera = QString::fromLocal8Bit(argv[2]);

    BackendClient backend(options);
    PtzLink link(&backend);
    bool started = false;
    QObject::connect(&backend, &BackendClient::stateChanged, &link, [&](ConnectionState state) {
        if (state == ConnectionState::Online && !started) {
            started = true;
            link.startDriving(camera);
        }
    });
    QObject::connect(&link, &PtzLink::drivingStarted, &link, [&] {
        link.setVelocity({0.5, 0, 0, {}, {}});
        std::printf("driving\n");
        std::fflush(stdout);
    });
    QObject::connect(&link, &PtzLink::drivingEnded, &app, [](const QString&, const auto& error) {
        std::fprintf(stderr, "driving ended: %s\n", error ? qPrintable(error->text) : "asked");
        QCoreApplication::exit(1);
    });
    backend.start();
    return app.exec();
}
