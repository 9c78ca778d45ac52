#include "clirunner.h"

#include "vodtestserver.h"

#include <QDir>
#include <QJsonDocument>
#include <QSignalSpy>

using namespace Qt::StringLiterals;

namespace VodConfirm::Test {

QList<QJsonObject> CliRun::json() const
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.isEmpty())
            objects.append(QJsonDocument::fromJson(line).object());
    }
    return objects;
}

CliRunner::CliRunner(const VodTestServer &server, QString home, QString binary)
    : m_server(server), m_home(std::move(home)), m_binary(std::move(binary))
{ }

QProcessEnvironment CliRunner::environment(const QMap<QString, QString> &extraEnv) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, QDir(m_home).filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, QDir(m_home).filePath(u"data"_s));
    env.insert(u"HUAWEICLOUD_SDK_AK"_s, m_server.config().accessKey);
    env.insert(u"HUAWEICLOUD_SDK_SK"_s, m_server.config().secretKey);
    env.insert(u"HUAWEICLOUD_SDK_PROJECT_ID"_s, m_server.config().projectId);
    for (auto it = extraEnv.cbegin(); it != extraEnv.cend(); ++it) {
        if (it.value().isNull())
            env.remove(it.key());
        else
            env.insert(it.key(), it.value());
    }
    return env;
}

std::unique_ptr<QProcess> CliRunner::start(const QStringList &args,
                                           const QMap<QString, QString> &extraEnv) const
{
    auto p = std::make_unique<QProcess>();
    p->setProcessEnvironment(environment(extraEnv));
    p->start(m_binary, args);
    p->closeWriteChannel();
    return p;
}

CliRun CliRunner::wait(QProcess &p, int timeoutMs)
{
    if (p.state() != QProcess::NotRunning) {
        QSignalSpy finished(&p, &QProcess::finished);
        if (!finished.wait(timeoutMs)) {
            p.kill();
            p.waitForFinished();
        }
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

CliRun CliRunner::run(const QStringList &args, const QByteArray &input,
                      const QMap<QString, QString> &extraEnv) const
{
    QProcess p;
    p.setProcessEnvironment(environment(extraEnv));
    p.start(m_binary, args);
    if (!p.waitForStarted())
        return {};
    p.write(input);
    p.closeWriteChannel();
    return wait(p);
}

} // namespace VodConfirm::Test
