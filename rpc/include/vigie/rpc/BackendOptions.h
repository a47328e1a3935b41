#pragma once

#include <QString>

#include <chrono>

namespace vigie::rpc {

// How to reach and authenticate to a backend. Filled from the command line by the app.
struct BackendOptions {
    QString address = QStringLiteral("127.0.0.1:50051");  // host:port
    bool tls = false;
    QString caFile;            // PEM bundle trusted for the server certificate; empty = system roots
    QString user;
    QString password;          // kept in memory only, to log in again after a backend restart
    QString workstation;       // recorded by the backend's audit trail
    std::chrono::milliseconds callDeadline{5000};      // every unary call
    std::chrono::milliseconds watchSilenceLimit{15000}; // no heartbeat for this long = link is dead
};

}  // namespace vigie::rpc
