// Crash recovery as a user meets it: `vodconfirm confirm` killed with SIGKILL mid-batch, then
// `history --unfinished` and `resume` against the same loopback server, which counts every request.
#include "clirunner.h"
#include "vodtestserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace VodConfirm::Test;
using namespace Qt::StringLiterals;
using Route = VodTestServer::Route;

namespace {
QString id(int i)
{
    return u"%1"_s.arg(i, 32, 16, QChar(u'a'));
}

// The binary under test, as its messages name it (vodconfirm or vodconfirm-cli).
QByteArray program()
{
    return QFileInfo(qEnvironmentVariable("VODCONFIRM_BINARY")).fileName().toUtf8();
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
    void resumeThatFailsAtOnceKeepsTheBatch_data();
    void resumeThatFailsAtOnceKeepsTheBatch();
    void signalledBatchKeepsItsRemainder();
    void staleOrDamagedLockFileIsTakenOver_data();
    void staleOrDamagedLockFileIsTakenOver();
    void damagedJournalIsRefused();
    void confirmedBeforeIsSkippedUnlessForced();
    void twoRunsOfOneFileNeverSendTwice();
    void historyThatCannotKeepUpIsReported();

private:
    // The one unfinished batch the history lists (state, batch_id, stop_reason ...).
    QJsonObject onlyUnfinished() const;
    QString historyPath() const { return m_home->filePath(u"history.sqlite"_s); }
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
    // Requests the killed process had written reach the server (or die with their connection)
    // before the test looks at the counters.
    QTest::qWait(200);
    QTRY_COMPARE(m_server->counters().inFlight, 0);
    m_server->config().latencyMs = 0;
}

void TestResume::killedBatchIsListedAndResumedWithoutDoubles()
{
    const int n = 60;
    QByteArray killedErr;
    confirmAndKill(n, 20, &killedErr);
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
    // In text, for people: in words of their language, plurals right; the state stays a value.
    QStringList textArgs = history({u"--unfinished"_s});
    textArgs.removeLast();
    textArgs << u"text"_s;
    const QString english = QString::fromUtf8(
            m_cli->run(textArgs, {},
                       {{u"LANG"_s, u"C.UTF-8"_s}, {u"LC_ALL"_s, {}}, {u"LANGUAGE"_s, {}}})
                    .out);
    QVERIFY2(english.contains(u"interrupted"_s) && english.contains(u"%1 assets"_s.arg(n)),
             qPrintable(english));
    const QString chinese = QString::fromUtf8(
            m_cli->run(textArgs, {},
                       {{u"LANG"_s, u"zh_CN.UTF-8"_s}, {u"LC_ALL"_s, {}}, {u"LANGUAGE"_s, {}}})
                    .out);
    QVERIFY2(chinese.contains(u"interrupted"_s) && chinese.contains(u"%1 个媒资"_s.arg(n)),
             qPrintable(chinese));
    // The killed run had said how to resume it.
    QVERIFY2(killedErr.contains(program() + " resume "
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

QJsonObject TestResume::onlyUnfinished() const
{
    const QList<QJsonObject> listed = m_cli->run(history({u"--unfinished"_s})).json();
    return listed.size() == 1 ? listed.first() : QJsonObject();
}

void TestResume::resumeThatFailsAtOnceKeepsTheBatch_data()
{
    QTest::addColumn<QStringList>("extraArgs");
    QTest::addColumn<QString>("sk"); // empty: the right one
    QTest::addColumn<int>("exitCode");
    QTest::newRow("wrong SK") << QStringList() << u"wrong-secret-key"_s << 3;
    QTest::newRow("connection refused")
            << QStringList {u"--endpoint"_s, u"http://127.0.0.1:1"_s} << QString() << 1;
}

void TestResume::resumeThatFailsAtOnceKeepsTheBatch()
{
    QFETCH(QStringList, extraArgs);
    QFETCH(QString, sk);
    QFETCH(int, exitCode);
    const int n = 30;
    confirmAndKill(n, 3);
    const QString batchId = onlyUnfinished().value("batch_id"_L1).toString();
    QVERIFY(!batchId.isEmpty());
    const int confirmedBefore = m_server->counters().effectiveConfirmsTotal();
    m_server->reset();

    QMap<QString, QString> env;
    if (!sk.isEmpty())
        env.insert(u"HUAWEICLOUD_SDK_SK"_s, sk);
    const CliRun failed = m_cli->run(withServer({u"resume"_s}) + extraArgs, {}, env);
    QVERIFY2(failed.exitCode == exitCode,
             failed.err + "exit " + QByteArray::number(failed.exitCode));
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 0);
    QVERIFY(m_server->counters().totalRequests <= 1); // one refused state read at most

    // Still there, and it says why it stopped; the next resume finishes it.
    const QJsonObject kept = onlyUnfinished();
    QCOMPARE(kept.value("batch_id"_L1).toString(), batchId);
    QCOMPARE(kept.value("state"_L1).toString(), u"stopped"_s);
    QVERIFY(!kept.value("stop_reason"_L1).toString().isEmpty());
    const CliRun resumed = m_cli->run(withServer({u"resume"_s}));
    QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
    QCOMPARE(m_server->counters().effectiveConfirmsTotal(), n - confirmedBefore);
    for (int i = 0; i < n; ++i)
        QVERIFY(m_server->counters().effectiveConfirms.value(id(i)) <= 1);
    QVERIFY(onlyUnfinished().isEmpty());
}

void TestResume::signalledBatchKeepsItsRemainder()
{
    const int n = 40;
    m_server->config().latencyMs = 40;
    auto p = m_cli->start(withServer({u"confirm"_s, idFile(n), u"--rate-limit"_s, u"600"_s}));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->counters().effectiveConfirmsTotal() >= 3, 30000);
    ::kill(pid_t(p->processId()), SIGTERM);
    const CliRun stopped = CliRunner::wait(*p);
    QVERIFY2(stopped.exitCode == 1, stopped.err.constData());
    QVERIFY2(stopped.err.contains("left to send: " + program() + " resume"),
             stopped.err.constData());
    m_server->config().latencyMs = 0;
    const QJsonObject kept = onlyUnfinished();
    QCOMPARE(kept.value("state"_L1).toString(), u"stopped"_s);

    // Resuming sends only the rest: over both runs, one request per asset.
    const CliRun resumed = m_cli->run(withServer({u"resume"_s}));
    QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
    const VodTestServer::Counters &c = m_server->counters();
    for (int i = 0; i < n; ++i) {
        QCOMPARE(m_server->assetStatus(id(i)), u"CREATED"_s);
        QCOMPARE(c.effectiveConfirms.value(id(i)), 1);
        QCOMPARE(c.confirmRequests.value(id(i)), 1);
        QCOMPARE(c.needlessConfirms.value(id(i)), 0);
    }
    QVERIFY(onlyUnfinished().isEmpty());
}

void TestResume::staleOrDamagedLockFileIsTakenOver_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("garbage") << QByteArray("\x01\xff not a lock file \n\n\n");
    // A live process id (this test's) that is not running the batch: the file says so, but
    // nothing holds its lock.
    QTest::newRow("live pid") << QByteArray::number(QCoreApplication::applicationPid())
                    + "\nvodconfirm\n" + QSysInfo::machineHostName().toUtf8() + "\n";
}

void TestResume::staleOrDamagedLockFileIsTakenOver()
{
    QFETCH(QByteArray, content);
    confirmAndKill(20, 2);
    const QString batchId = onlyUnfinished().value("batch_id"_L1).toString();
    QFile lock(historyPath() + u".batch-"_s + batchId + u".lock"_s);
    QVERIFY(lock.open(QIODevice::WriteOnly | QIODevice::Truncate)); // as a power cut leaves it
    lock.write(content);
    lock.close();

    QCOMPARE(onlyUnfinished().value("state"_L1).toString(), u"interrupted"_s);
    const CliRun resumed = m_cli->run(withServer({u"resume"_s}));
    QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
    QVERIFY(onlyUnfinished().isEmpty());
}

void TestResume::damagedJournalIsRefused()
{
    confirmAndKill(20, 2);
    const QString batchId = onlyUnfinished().value("batch_id"_L1).toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(historyPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.prepare(u"UPDATE batch_journal SET assets = ? WHERE batch_id = ?"_s));
        QByteArray journal;
        for (int i = 0; i < 3; ++i)
            journal += id(i).toLatin1() + "\tCREATED\n";
        journal += QByteArray(5000, 'f') + "\tCREATED\n" + id(9).toLatin1() + "\tDESTROYED\n";
        q.addBindValue(journal);
        q.addBindValue(batchId);
        QVERIFY(q.exec());
        QCOMPARE(q.numRowsAffected(), 1);
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
    m_server->reset();
    const CliRun r = m_cli->run(withServer({u"resume"_s}));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("damaged") && r.err.contains("entry 4 of 5"), r.err.constData());
    QVERIFY(!r.err.contains("fffffffffffffffffffffffffffffffffffff")); // not echoed
    QCOMPARE(m_server->counters().totalRequests, 0);
    QCOMPARE(onlyUnfinished().value("batch_id"_L1).toString(), batchId); // nothing lost
}

void TestResume::confirmedBeforeIsSkippedUnlessForced()
{
    const QByteArray five = ids(5);
    QCOMPARE(m_cli->run(withServer({u"confirm"_s}), five).exitCode, 0);
    m_server->reset();

    // Same IDs again (plus one new): nothing is sent for those the history shows confirmed.
    const CliRun again = m_cli->run(withServer({u"confirm"_s}), five + id(7).toLatin1() + '\n');
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 1);
    QCOMPARE(m_server->counters().confirmRequests.value(id(7)), 1);
    int skipped = 0;
    for (const QJsonObject &line : again.json()) {
        if (line.value("outcome"_L1).toString() == "skipped"_L1) {
            ++skipped;
            QVERIFY(line.value("error_msg"_L1).toString().contains("already confirmed"_L1));
        }
    }
    QCOMPARE(skipped, 5);
    QVERIFY2(again.err.contains("5 skipped"), again.err.constData());
    QVERIFY(onlyUnfinished().isEmpty()); // a batch of skipped assets is finished

    // --force sends them; the server refuses them as confirmed already, which counts as done.
    m_server->reset();
    const CliRun forced = m_cli->run(withServer({u"confirm"_s, u"--force"_s}), five);
    QVERIFY2(forced.exitCode == 0, forced.err.constData());
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 5);
    QCOMPARE(m_server->counters().effectiveConfirmsTotal(), 0);
}

void TestResume::twoRunsOfOneFileNeverSendTwice()
{
    const int n = 30;
    const QString file = idFile(n);
    m_server->config().latencyMs = 20;
    const QStringList args = withServer({u"confirm"_s, file, u"--rate-limit"_s, u"1500"_s});
    auto first = m_cli->start(args);
    auto second = m_cli->start(args);
    const CliRun a = CliRunner::wait(*first);
    const CliRun b = CliRunner::wait(*second);
    m_server->config().latencyMs = 0;

    // Each asset went out once, from one of the two; the other said who holds it.
    const VodTestServer::Counters &c = m_server->counters();
    for (int i = 0; i < n; ++i)
        QCOMPARE(c.confirmRequests.value(id(i)), 1);
    QCOMPARE(c.effectiveConfirmsTotal(), n);
    const QByteArray held = "running in another process";
    QVERIFY2((a.out + b.out).count(held) + (a.out + b.out).count("\"skipped\"") >= n,
             (a.err + b.err).constData());
    // One of them may have had to leave assets to the other: that batch stays resumable, and
    // resuming it sends nothing more (the assets' state shows them confirmed).
    m_server->reset();
    const CliRun resumed = m_cli->run(withServer({u"resume"_s}));
    QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 0);
    QVERIFY(onlyUnfinished().isEmpty());
}

void TestResume::historyThatCannotKeepUpIsReported()
{
    // The history's file system fills up mid-batch (a file size limit here): every asset is
    // confirmed, but the history could not record it all, so the run says so and exits 5.
    const int n = 150;
    const QString file = idFile(n);
    QVERIFY(m_cli->run(withServer({u"confirm"_s}), ids(1)).exitCode == 0); // creates the file
    const qint64 size
            = QFileInfo(historyPath()).size() + QFileInfo(historyPath() + u"-wal"_s).size();
    auto p = std::make_unique<QProcess>();
    p->setProcessEnvironment(m_cli->environment({}));
    // sh: ulimit -f counts 512-byte blocks; an ignored SIGXFSZ stays ignored across exec, so
    // writes past the limit fail with EFBIG as on a full disk.
    const QString limit = QString::number((size + 24 * 1024) / 512);
    QStringList command
            = {u"-c"_s, u"trap '' XFSZ; ulimit -f "_s + limit + u"; exec \"$0\" \"$@\""_s,
               qEnvironmentVariable("VODCONFIRM_BINARY")};
    command += withServer(
            {u"confirm"_s, file, u"--rate-limit"_s, u"1500"_s, u"--concurrency"_s, u"16"_s});
    p->start(u"/bin/sh"_s, command);
    const CliRun r = CliRunner::wait(*p);
    QVERIFY2(r.exitCode == 5, r.err.constData());
    QVERIFY2(m_server->counters().effectiveConfirmsTotal() == n, r.err.constData());
    QVERIFY2(r.err.contains("History:"), r.err.constData());
    QVERIFY2(r.err.contains("could not be saved"), r.err.constData());
    QVERIFY2(r.err.count("History:") <= 3, r.err.constData()); // said, not repeated per write
    QCOMPARE(onlyUnfinished().value("state"_L1).toString(), u"interrupted"_s); // kept
}

QTEST_GUILESS_MAIN(TestResume)
#include "tst_resume.moc"
