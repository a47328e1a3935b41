#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <chrono>

namespace vigie::test {

// Runs vigie-sim for a test: starts it on free loopback ports with stdin control, waits for its READY
// line, sends control commands, and stops it. The sim's stderr is forwarded to the test's stderr with a
// "[vigie-sim] " prefix so that a failing test shows what the backend said.
class SimProcess {
public:
    SimProcess();
    ~SimProcess();
    SimProcess(const SimProcess&) = delete;
    SimProcess& operator=(const SimProcess&) = delete;

    // Launches `vigie-sim --listen 127.0.0.1:0 --rtsp-port 0 --stdin-control <extraArgs>` (later flags
    // win) and waits for the READY line. False with lastError() if it exits or times out first.
    bool start(const QStringList& extraArgs = {}, std::chrono::milliseconds timeout = std::chrono::seconds(15));

    // "127.0.0.1:PORT", for a gRPC channel.
    QString grpcAddress() const { return m_grpcAddress; }
    // "rtsp://127.0.0.1:PORT", without a trailing slash.
    QString rtspBaseUrl() const { return m_rtspBaseUrl; }
    bool tls() const { return m_tls; }

    // Sends one stdin command and waits for its reply line. True when the reply is "ok" or "ok <value>".
    bool command(const QString& line, QString* reply = nullptr,
                 std::chrono::milliseconds timeout = std::chrono::seconds(10));

    // Sends "quit" and waits for a clean exit; terminates, then kills, a sim that does not comply.
    void stop();
    // Sends `signal` (SIGKILL: a crash; SIGTERM: the shutdown a service manager asks for) and waits until
    // the process is gone, so that its port and journal are free for the next run. False if it outlives
    // `timeout`.
    bool killWith(int signal, std::chrono::milliseconds timeout = std::chrono::seconds(10));

    bool isRunning() const;
    // Freezes the backend (SIGSTOP: a hung server, a camera that stops sending) and returns once every one of
    // its threads is stopped; kill() alone returns before that, and under load a thread may still answer a
    // call for a while. False with lastError() if the stop does not take hold within `timeout`.
    bool freeze(std::chrono::milliseconds timeout = std::chrono::seconds(5));
    // SIGCONT. True if the signal was sent.
    bool thaw();
    qint64 processId() const { return m_process.processId(); }
    // Exit status once the process has ended (e.g. after a failed start), else -1.
    int exitCode() const;
    // Everything the sim wrote on stderr so far.
    QString stderrText() const { return QString::fromUtf8(m_stderr); }
    QString lastError() const { return m_lastError; }

    // The binary: $VIGIE_SIM_BINARY if set, else the one built with the tests.
    static QString binaryPath();

private:
    // Waits for one complete stdout line; empty optional-like false on timeout or exit.
    bool readLine(std::chrono::milliseconds timeout, QString* line);
    void forwardStderr();
    bool fail(const QString& message);

    QProcess m_process;
    QByteArray m_stdout;  // received, not yet consumed as lines
    QByteArray m_stderr;
    QByteArray m_stderrPartial;  // last stderr line not yet complete, forwarded when it is
    QString m_grpcAddress;
    QString m_rtspBaseUrl;
    bool m_tls = false;
    QString m_lastError;
};

} // namespace vigie::test
