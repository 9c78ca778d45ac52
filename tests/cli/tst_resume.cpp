// Crash recovery as a user meets it: `vodconfirm confirm` killed with SIGKILL mid-batch, then
// `history --unfinished` and `resume` against the same loopback server, which counts every request.
#include "clirunner.h"
#include "vodtestserver.h"

#include <QFile>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace VodConfirm::Test;
using namespace Qt::StringLiterals;
using Route = VodTestServer::Route;

namespace {
QString id(int i)
{
    return u"%1"_s.arg(i, 32, 16, QChar(u'a'));
}

QByteArray ids(int n)
{
    QByteArray text;
    for (int i = 0; i < n; ++i)
        text += id(i).toLatin1() + '\n';
    return text;
}
} // namespace

class TestResume : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void killedBatchIsListedAndResumedWithoutDoubles();
    void nothingToResume();
    void runningBatchIsNotResumedTwice();
    void wrongProjectIsRefused();
    void discardMarksTheBatchFinished();

private:
    QStringList withServer(const QStringList &args) const; // confirm, resume
    QStringList history(const QStringList &args) const;
    QString idFile(int n) const; // a file with n asset ids
    // Starts a slow confirm of n assets and kills it (SIGKILL) once `confirmed` took effect;
    // *err gets what it had printed on stderr.
    void confirmAndKill(int n, int confirmed, QByteArray *err = nullptr);

    std::unique_ptr<VodTestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<CliRunner> m_cli;
};

void TestResume::init()
{
    m_server = std::make_unique<VodTestServer>();
    QVERIFY(m_server->listen());
    m_home = std::make_unique<QTemporaryDir>();
    m_cli = std::make_unique<CliRunner>(*m_server, m_home->path());
}

QStringList TestResume::withServer(const QStringList &args) const
{
    return args + QStringList {u"--endpoint"_s,   m_server->url().toString(),
                               u"--history-db"_s, m_home->filePath(u"history.sqlite"_s),
                               u"--output"_s,     u"json"_s};
}

QStringList TestResume::history(const QStringList &args) const
{
    return QStringList {u"history"_s} + args
            + QStringList {u"--history-db"_s, m_home->filePath(u"history.sqlite"_s), u"--output"_s,
                           u"json"_s};
}

QString TestResume::idFile(int n) const
{
    const QString path = m_home->filePath(u"ids-%1.txt"_s.arg(n));
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(ids(n));
    return path;
}

void TestResume::confirmAndKill(int n, int confirmed, QByteArray *err)
{
    m_server->config().latencyMs = 40;
    auto p = m_cli->start(withServer({u"confirm"_s, idFile(n), u"--rate-limit"_s, u"600"_s}));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->counters().effectiveConfirmsTotal() >= confirmed, 30000);
    p->kill();
    QVERIFY(p->waitForFinished());
    QCOMPARE(p->exitStatus(), QProcess::CrashExit);
    if (err)
        *err = p->readAllStandardError();
    m_server->config().latencyMs = 0;
}

void TestResume::killedBatchIsListedAndResumedWithoutDoubles()
{
    const int n = 60;
    QByteArray killedErr;
    confirmAndKill(n, 20, &killedErr);
    QTest::qWait(100); // let requests the killed process had in flight reach the server
    const QSet<QString> confirmedBefore = [this] {
        QSet<QString> s;
        for (auto it = m_server->counters().effectiveConfirms.cbegin();
             it != m_server->counters().effectiveConfirms.cend(); ++it)
            s.insert(it.key());
        return s;
    }();
    QVERIFY(confirmedBefore.size() >= 20 && confirmedBefore.size() < n);

    // Listed as interrupted, with its size.
    CliRun listed = m_cli->run(history({u"--unfinished"_s}));
    QCOMPARE(listed.exitCode, 0);
    QCOMPARE(listed.json().size(), 1);
    const QJsonObject batch = listed.json().first();
    QCOMPARE(batch.value("state"_L1).toString(), u"interrupted"_s);
    QCOMPARE(batch.value("total"_L1).toInt(), n);
    // The killed run had said how to resume it.
    QVERIFY2(killedErr.contains("vodconfirm resume "
                                + batch.value("batch_id"_L1).toString().toUtf8()),
             killedErr.constData());

    m_server->reset();
    const CliRun resumed = m_cli->run(withServer({u"resume"_s}));
    QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
    QVERIFY2(resumed.err.contains(batch.value("batch_id"_L1).toString().toUtf8()),
             resumed.err.constData());

    // Every asset ends confirmed on the server, each exactly once over both runs; assets the
    // killed run had confirmed got no second request, and state was read 10 at a time.
    const VodTestServer::Counters &c = m_server->counters();
    for (int i = 0; i < n; ++i) {
        QCOMPARE(m_server->assetStatus(id(i)), u"CREATED"_s);
        if (confirmedBefore.contains(id(i)))
            QCOMPARE(c.confirmRequests.value(id(i)), 0);
        else
            QCOMPARE(c.effectiveConfirms.value(id(i)), 1);
    }
    QCOMPARE(c.confirmRequestsTotal(), n - int(confirmedBefore.size()));
    QVERIFY(c.requests(Route::AssetInfo) <= (n + 9) / 10);

    // The resume printed the assets it settled, the batch is finished, and the history has a
    // final row per asset.
    QVERIFY(resumed.json().size() >= n - int(confirmedBefore.size()));
    for (const QJsonObject &line : resumed.json())
        QCOMPARE(line.value("outcome"_L1).toString(), u"confirmed"_s);
    listed = m_cli->run(history({u"--unfinished"_s}));
    QVERIFY(listed.json().isEmpty());
    QSet<QString> confirmedInHistory;
    for (const QJsonObject &row : m_cli->run(history({})).json()) {
        QCOMPARE(row.value("batch_id"_L1), batch.value("batch_id"_L1));
        if (row.value("outcome"_L1).toString() == "confirmed"_L1)
            confirmedInHistory.insert(row.value("asset_id"_L1).toString());
    }
    QCOMPARE(confirmedInHistory.size(), n);
}

void TestResume::nothingToResume()
{
    CliRun r = m_cli->run(withServer({u"resume"_s}));
    QCOMPARE(r.exitCode, 2); // no history file yet
    QVERIFY(r.err.contains("no history"));
    QCOMPARE(m_cli->run(withServer({u"confirm"_s}), ids(3)).exitCode, 0);
    r = m_cli->run(withServer({u"resume"_s}));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("No interrupted batch"), r.err.constData());
    r = m_cli->run(withServer({u"resume"_s, u"no-such-batch"_s}));
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("There is no batch no-such-batch"));
}

void TestResume::runningBatchIsNotResumedTwice()
{
    m_server->config().latencyMs = 100;
    auto p = m_cli->start(withServer({u"confirm"_s, idFile(20), u"--rate-limit"_s, u"60"_s}));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->counters().effectiveConfirmsTotal() >= 1, 30000);

    const CliRun listed = m_cli->run(history({u"--unfinished"_s}));
    QCOMPARE(listed.json().size(), 1);
    QCOMPARE(listed.json().first().value("state"_L1).toString(), u"running"_s);
    const QString batchId = listed.json().first().value("batch_id"_L1).toString();
    const CliRun r = m_cli->run(withServer({u"resume"_s, batchId}));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("another VOD Confirm process"), r.err.constData());
    // Without an id: told that another process runs it, not "nothing to resume".
    const CliRun second = m_cli->run(withServer({u"resume"_s}));
    QCOMPARE(second.exitCode, 1);
    QVERIFY2(second.err.contains("another VOD Confirm process"), second.err.constData());
    p->kill();
    p->waitForFinished();
}

void TestResume::wrongProjectIsRefused()
{
    confirmAndKill(30, 3);
    m_server->reset();
    const CliRun r = m_cli->run(
            withServer({u"resume"_s, u"--project-id"_s, u"ffffffffffffffffffffffffffffffff"_s}));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("ran for project"), r.err.constData());
    QCOMPARE(m_server->counters().totalRequests, 0);
}

void TestResume::discardMarksTheBatchFinished()
{
    confirmAndKill(30, 3);
    m_server->reset();
    const CliRun r = m_cli->run(withServer({u"resume"_s, u"--discard"_s}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.err.contains("marked as finished"), r.err.constData());
    QCOMPARE(m_server->counters().totalRequests, 0);
    QVERIFY(m_cli->run(history({u"--unfinished"_s})).json().isEmpty());
}

QTEST_GUILESS_MAIN(TestResume)
#include "tst_resume.moc"
