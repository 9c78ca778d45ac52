#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace VodConfirm::Test {

class VodTestServer;

// One finished run of the `vodconfirm` executable.
struct CliRun
{
    int exitCode = -1; // -1: crashed, killed or timed out
    QByteArray out;
    QByteArray err;
    QList<QJsonObject> json() const; // stdout as JSON lines
};

// Runs the built command line as a user would: `binary`, by default the one under test
// (VODCONFIRM_BINARY: vodconfirm or vodconfirm-cli), with its settings and data in `home`, AK/SK
// and project id of `server` in the environment (extraEnv adds to or, with a null value, removes
// from it). The server lives in the caller's thread, so waiting keeps the event loop running.
class CliRunner
{
public:
    CliRunner(const VodTestServer &server, QString home,
              QString binary = qEnvironmentVariable("VODCONFIRM_BINARY"));

    CliRun run(const QStringList &args, const QByteArray &input = {},
               const QMap<QString, QString> &extraEnv = {}) const;
    // Starts it and returns at once (stdin closed), e.g. to kill it midway.
    std::unique_ptr<QProcess> start(const QStringList &args,
                                    const QMap<QString, QString> &extraEnv = {}) const;
    // Waits for a process from start() to end and collects its output.
    static CliRun wait(QProcess &process, int timeoutMs = 60000);
    // The environment run() and start() give, for a QProcess set up by the caller.
    QProcessEnvironment environment(const QMap<QString, QString> &extraEnv = {}) const;

private:
    const VodTestServer &m_server;
    QString m_home;
    QString m_binary;
};

} // namespace VodConfirm::Test
