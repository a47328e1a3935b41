#include "SimProcess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QThread>

#include <cstdio>

#include <signal.h>
#include <sys/prctl.h>

#ifndef VIGIE_SIM_BINARY
#define VIGIE_SIM_BINARY "vigie-sim"  // from PATH when the build tree has no sim target
#endif

namespace vigie::test {

namespace {

qint64 remainingMs(const QDeadlineTimer& deadline) { return std::max<qint64>(0, deadline.remainingTime()); }

} // namespace

SimProcess::SimProcess()
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    // A test killed by ctest's timeout never runs stop(): the simulator must not outlive it (it would
    // keep its ports and CPU for the rest of the suite).
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    // Forwarded as it comes, also while the test waits in waitForReadyRead() on stdout.
    QObject::connect(&m_process, &QProcess::readyReadStandardError, [this] { forwardStderr(); });
}

SimProcess::~SimProcess() { stop(); }

QString SimProcess::binaryPath()
{
    const QString fromEnvironment = qEnvironmentVariable("VIGIE_SIM_BINARY");
    return fromEnvironment.isEmpty() ? QStringLiteral(VIGIE_SIM_BINARY) : fromEnvironment;
}

bool SimProcess::fail(const QString& message)
{
    m_lastError = message;
    return false;
}

void SimProcess::forwardStderr()
{
    const QByteArray chunk = m_process.readAllStandardError();
    m_stderr += chunk;
    m_stderrPartial += chunk;
    int end;
    while ((end = m_stderrPartial.indexOf('\n')) >= 0) {
        std::fprintf(stderr, "[vigie-sim] %s\n", m_stderrPartial.left(end).constData());
        m_stderrPartial.remove(0, end + 1);
    }
    std::fflush(stderr);
}

bool SimProcess::readLine(std::chrono::milliseconds timeout, QString* line)
{
    const QDeadlineTimer deadline(timeout);
    for (;;) {
        m_stdout += m_process.readAllStandardOutput();
        const int end = m_stdout.indexOf('\n');
        if (end >= 0) {
            *line = QString::fromUtf8(m_stdout.left(end)).trimmed();
            m_stdout.remove(0, end + 1);
            return true;
        }
        if (m_process.state() == QProcess::NotRunning || deadline.hasExpired())
            return false;
        m_process.waitForReadyRead(static_cast<int>(remainingMs(deadline)));
    }
}

bool SimProcess::start(const QStringList& extraArgs, std::chrono::milliseconds timeout)
{
    stop();
    m_stdout.clear();
    m_stderr.clear();
    m_stderrPartial.clear();
    m_grpcAddress.clear();
    m_rtspBaseUrl.clear();
    m_lastError.clear();

    QStringList arguments = {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--rtsp-port"),
                             QStringLiteral("0"), QStringLiteral("--stdin-control")};
    arguments += extraArgs;
    m_process.start(binaryPath(), arguments);
    if (!m_process.waitForStarted(static_cast<int>(timeout.count())))
        return fail(QStringLiteral("cannot start %1: %2").arg(binaryPath(), m_process.errorString()));

    static const QRegularExpression ready(
        QStringLiteral("^VIGIE-SIM READY grpc=(\\S+) rtsp=(\\S+) tls=(on|off)$"));
    const QDeadlineTimer deadline(timeout);
    QString line;
    while (readLine(std::chrono::milliseconds(remainingMs(deadline)), &line)) {
        const auto match = ready.match(line);
        if (match.hasMatch()) {
            m_grpcAddress = match.captured(1);
            m_rtspBaseUrl = QStringLiteral("rtsp://") + match.captured(2);
            m_tls = match.captured(3) == QLatin1String("on");
            return true;
        }
    }

    forwardStderr();
    if (m_process.state() == QProcess::NotRunning)
        return fail(QStringLiteral("vigie-sim exited with status %1 before READY: %2")
                        .arg(m_process.exitCode())
                        .arg(stderrText().trimmed()));
    const QString message = QStringLiteral("vigie-sim not ready after %1 ms").arg(timeout.count());
    stop();
    return fail(message);
}

bool SimProcess::command(const QString& line, QString* reply, std::chrono::milliseconds timeout)
{
    if (m_process.state() != QProcess::Running)
        return fail(QStringLiteral("vigie-sim is not running"));
    m_process.write(line.toUtf8() + '\n');
    QString answer;
    if (!readLine(timeout, &answer))
        return fail(QStringLiteral("no reply to '%1'").arg(line));
    if (reply)
        *reply = answer;
    // "ok", or "ok <value>" for commands that answer something (raise-alarm: the alarm's id).
    if (answer != QLatin1String("ok") && !answer.startsWith(QLatin1String("ok ")))
        return fail(QStringLiteral("'%1' answered '%2'").arg(line, answer));
    return true;
}

void SimProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    if (m_process.state() == QProcess::Running) {
        m_process.write("quit\n");
        m_process.waitForBytesWritten(1000);
        if (m_process.waitForFinished(5000)) {
            forwardStderr();
            return;
        }
        m_process.terminate();  // SIGTERM: the sim shuts down cleanly on it too
        if (m_process.waitForFinished(3000)) {
            forwardStderr();
            return;
        }
    }
    m_process.kill();
    m_process.waitForFinished(3000);
    forwardStderr();
}

bool SimProcess::killWith(int signal, std::chrono::milliseconds timeout)
{
    if (m_process.state() == QProcess::NotRunning)
        return true;
    if (::kill(pid_t(m_process.processId()), signal) != 0)
        return fail(QStringLiteral("cannot send signal %1 to vigie-sim").arg(signal));
    const bool ended = m_process.waitForFinished(static_cast<int>(timeout.count()));
    forwardStderr();
    return ended ||
           fail(QStringLiteral("vigie-sim still running %1 ms after signal %2").arg(timeout.count()).arg(signal));
}

namespace {

// Whether no thread of a process can run: every one stopped by a signal ('T') or a tracer ('t'), or ended ('Z',
// 'X': a leader that called pthread_exit), and one at least stopped. From /proc/PID/task/TID/stat.
bool everyThreadStopped(qint64 pid)
{
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    const QStringList threads = tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    bool anyStopped = false;
    for (const QString& thread : threads) {
        QFile stat(tasks.filePath(thread + QStringLiteral("/stat")));
        if (!stat.open(QIODevice::ReadOnly))
            continue;  // ended since the listing
        // "TID (comm) S ...": the comm may hold spaces and parentheses, the state follows the last ')'.
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        if (close < 0 || close + 2 >= line.size())
            return false;
        const char state = line.at(close + 2);
        if (state == 'T' || state == 't')
            anyStopped = true;
        else if (state != 'Z' && state != 'X')
            return false;
    }
    return anyStopped;
}

}  // namespace

bool SimProcess::freeze(std::chrono::milliseconds timeout)
{
    if (m_process.state() != QProcess::Running)
        return fail(QStringLiteral("vigie-sim is not running"));
    if (::kill(pid_t(m_process.processId()), SIGSTOP) != 0)
        return fail(QStringLiteral("cannot send SIGSTOP to vigie-sim"));
    const QDeadlineTimer deadline(timeout);
    while (!everyThreadStopped(m_process.processId())) {
        if (deadline.hasExpired()) {
            thaw();  // not left half frozen for the tests after this one
            return fail(QStringLiteral("vigie-sim not stopped %1 ms after SIGSTOP").arg(timeout.count()));
        }
        QThread::msleep(1);  // a poll with a deadline: the kernel tells nobody when a stop has taken hold
    }
    return true;
}

bool SimProcess::thaw()
{
    return m_process.state() == QProcess::Running && ::kill(pid_t(m_process.processId()), SIGCONT) == 0;
}

bool SimProcess::isRunning() const { return m_process.state() != QProcess::NotRunning; }

int SimProcess::exitCode() const
{
    return m_process.state() == QProcess::NotRunning && m_process.exitStatus() == QProcess::NormalExit
               ? m_process.exitCode()
               : -1;
}

} // namespace vigie::test
