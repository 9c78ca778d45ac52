// The built `vodconfirm` executable, run as a user would, against the loopback VOD server.
#include "testproxy.h"
#include "vodtestserver.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace VodConfirm::Test;
using namespace Qt::StringLiterals;
using Route = VodTestServer::Route;

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QList<QJsonObject> json() const
    {
        QList<QJsonObject> objects;
        for (const QByteArray &line : out.split('\n')) {
            if (!line.isEmpty())
                objects.append(QJsonDocument::fromJson(line).object());
        }
        return objects;
    }
};

QString id(int i)
{
    return u"%1"_s.arg(i, 32, 16, QChar(u'0'));
}
} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void helpAndVersion();
    void confirmsFromStandardInputAsJson();
    void confirmsFilesAsCsvAndExitsZero();
    void noIdsIsAnInputError();
    void usageErrors_data();
    void usageErrors();
    void missingCredentialsAreExplained();
    void authFailureStopsAfterOneRequest();
    void tokenFromEnvironment();
    void historyIsRecordedAndQueried();
    void secretsNeverLeak();
    void caFileOption();
    void httpsProxyFromEnvironment();

private:
    Run run(const QStringList &args, const QByteArray &input = {},
            const QMap<QString, QString> &extraEnv = {});
    QStringList confirmArgs(const QStringList &more = {}) const;

    std::unique_ptr<VodTestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_home;
};

void TestCli::init()
{
    m_server = std::make_unique<VodTestServer>();
    QVERIFY(m_server->listen());
    m_home = std::make_unique<QTemporaryDir>();
}

Run TestCli::run(const QStringList &args, const QByteArray &input,
                 const QMap<QString, QString> &extraEnv)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, m_home->filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, m_home->filePath(u"data"_s));
    env.insert(u"HUAWEICLOUD_SDK_AK"_s, m_server->config().accessKey);
    env.insert(u"HUAWEICLOUD_SDK_SK"_s, m_server->config().secretKey);
    env.insert(u"HUAWEICLOUD_SDK_PROJECT_ID"_s, m_server->config().projectId);
    for (auto it = extraEnv.cbegin(); it != extraEnv.cend(); ++it) {
        if (it.value().isNull())
            env.remove(it.key());
        else
            env.insert(it.key(), it.value());
    }
    p.setProcessEnvironment(env);
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(qEnvironmentVariable("VODCONFIRM_BINARY"), args);
    if (!p.waitForStarted())
        return {};
    p.write(input);
    p.closeWriteChannel();
    // The server lives in this thread: keep the event loop running while the process works.
    if (!finished.wait(60000))
        p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QStringList TestCli::confirmArgs(const QStringList &more) const
{
    return QStringList {u"confirm"_s, u"--endpoint"_s, m_server->url().toString(),
                        u"--history-db"_s, m_home->filePath(u"history.sqlite"_s)}
    + more;
}

void TestCli::helpAndVersion()
{
    Run r = run({u"--help"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("confirm") && r.out.contains("history") && r.out.contains("profiles"));
    r = run({u"--version"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("vodconfirm "));
    r = run({u"confirm"_s, u"--help"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("--rate-limit"));
    QVERIFY(!r.out.contains("--sk"));
    r = run({u"frobnicate"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("Unknown command"));
}

void TestCli::confirmsFromStandardInputAsJson()
{
    m_server->addMissingAsset(id(2));
    const QByteArray paste = "time,asset_id,note\n"
                             "2026-11-28,"
            + id(1).toUtf8()
            + ",first\n"
              "2026-11-28,"
            + id(2).toUtf8()
            + ",gone\n"
              "2026-11-28,"
            + id(1).toUpper().toUtf8()
            + ",again\n"
              "2026-11-28,0123456789abcdef0123456789abcde,short\n"
              "2026-11-28,"
            + id(3).toUtf8() + ",third\n";
    const Run r = run(confirmArgs({u"--output"_s, u"json"_s}), paste);
    QCOMPARE(r.exitCode, 1); // one asset failed
    const QList<QJsonObject> lines = r.json();
    QCOMPARE(lines.size(), 3);
    QHash<QString, QJsonObject> byId;
    for (const QJsonObject &o : lines)
        byId.insert(o.value("asset_id"_L1).toString(), o);
    QCOMPARE(byId.value(id(1)).value("outcome"_L1).toString(), u"confirmed"_s);
    QCOMPARE(byId.value(id(1)).value("http_status"_L1).toInt(), 200);
    QCOMPARE(byId.value(id(1)).value("status"_L1).toString(), u"CREATED"_s);
    QCOMPARE(byId.value(id(1)).value("attempts"_L1).toInt(), 1);
    const QJsonObject gone = byId.value(id(2));
    QCOMPARE(gone.value("outcome"_L1).toString(), u"failed"_s);
    QCOMPARE(gone.value("http_status"_L1).toInt(), 403);
    QCOMPARE(gone.value("error_code"_L1).toString(), u"VOD.10062"_s);
    QVERIFY(gone.value("error_msg"_L1).toString().contains(u"does not exist"_s));
    QCOMPARE(gone.value("request_id"_L1).toString().size(), 32);
    QCOMPARE(m_server->assetStatus(id(3)), u"CREATED"_s);
    // The user is told about the duplicate and the malformed token, and gets a summary.
    QVERIFY2(r.err.contains("31 characters"), r.err.constData());
    QVERIFY(r.err.contains("duplicate"));
    QVERIFY(r.err.contains("2 confirmed, 1 failed, 0 not sent"));
}

void TestCli::confirmsFilesAsCsvAndExitsZero()
{
    QFile a(m_home->filePath(u"a.txt"_s)), b(m_home->filePath(u"b.json"_s));
    QVERIFY(a.open(QIODevice::WriteOnly));
    a.write(id(10).toUtf8() + "\n" + id(11).toUtf8() + "\n");
    a.close();
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.write(R"([{"asset_id":")" + id(12).toUtf8() + R"("}])");
    b.close();
    const Run r = run(confirmArgs(
            {u"--output"_s, u"csv"_s, u"--status"_s, u"cancelled"_s, a.fileName(), b.fileName()}));
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> rows = r.out.trimmed().split('\n');
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.first().trimmed(),
             QByteArray("asset_id,outcome,status,http_status,error_code,error_msg,request_id,"
                        "attempts"));
    QVERIFY(rows.at(1).contains(",confirmed,CANCELLED,200,"));
    QCOMPARE(m_server->assetStatus(id(12)), u"CANCELLED"_s);
}

void TestCli::noIdsIsAnInputError()
{
    Run r = run(confirmArgs(), "nothing to see here\njust words\n");
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("No asset IDs found in the input (2 lines read)"));
    r = run(confirmArgs(), "asset_id=0123456789abcdef0123456789abcdeg\n");
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("malformed"));
    QCOMPARE(m_server->counters().totalRequests, 0);
    r = run(confirmArgs({m_home->filePath(u"does-not-exist.txt"_s)}));
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("Cannot read"));
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("status") << QStringList {u"--status"_s, u"DONE"_s}
                            << QByteArray("--status must be");
    QTest::newRow("rate") << QStringList {u"--rate-limit"_s, u"5000"_s}
                          << QByteArray("--rate-limit must be");
    QTest::newRow("concurrency") << QStringList {u"--concurrency"_s, u"x"_s}
                                 << QByteArray("--concurrency must be");
    QTest::newRow("output") << QStringList {u"--output"_s, u"xml"_s}
                            << QByteArray("--output must be");
    QTest::newRow("region") << QStringList {u"--region"_s, u"mars-1"_s}
                            << QByteArray("Unknown region");
    QTest::newRow("profile") << QStringList {u"--profile"_s, u"nope"_s}
                             << QByteArray("no profile named");
    QTest::newRow("unknown option")
            << QStringList {u"--sk"_s, u"secret"_s} << QByteArray("Unknown option");
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, message);
    const Run r = run(confirmArgs(args), id(1).toUtf8());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), r.err.constData());
    QCOMPARE(m_server->counters().totalRequests, 0);
}

void TestCli::missingCredentialsAreExplained()
{
    Run r = run(confirmArgs(), id(1).toUtf8(),
                {{u"HUAWEICLOUD_SDK_AK"_s, QString()}, {u"HUAWEICLOUD_SDK_SK"_s, QString()}});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("HUAWEICLOUD_SDK_AK"));
    // Plain http is refused for anything but loopback.
    r = run({u"confirm"_s, u"--endpoint"_s, u"http://vod.example.com"_s, u"--no-history"_s},
            id(1).toUtf8());
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("https"));
}

void TestCli::authFailureStopsAfterOneRequest()
{
    QByteArray ids;
    for (int i = 0; i < 10; ++i)
        ids += id(100 + i).toUtf8() + '\n';
    const Run r = run(confirmArgs({u"--output"_s, u"json"_s}), ids,
                      {{u"HUAWEICLOUD_SDK_SK"_s, u"wrong-secret"_s}});
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(m_server->counters().totalRequests, 1);
    const QList<QJsonObject> lines = r.json();
    QCOMPARE(lines.size(), 10);
    int notSent = 0;
    for (const QJsonObject &o : lines)
        notSent += o.value("outcome"_L1).toString() == "not_sent"_L1;
    QCOMPARE(notSent, 9);
    QVERIFY(r.err.contains("secret key (SK)"));
}

void TestCli::tokenFromEnvironment()
{
    m_server->config().acceptedTokens = {u"env-token"_s};
    const Run r = run(confirmArgs(), id(7).toUtf8(),
                      {{u"HUAWEICLOUD_SDK_AK"_s, QString()},
                       {u"HUAWEICLOUD_SDK_SK"_s, QString()},
                       {u"VODCONFIRM_AUTH_TOKEN"_s, u"env-token"_s}});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("confirmed"));
}

void TestCli::historyIsRecordedAndQueried()
{
    m_server->scriptNext({VodTestServer::Fault::Error503});
    QCOMPARE(run(confirmArgs(), id(20).toUtf8() + " " + id(21).toUtf8()).exitCode, 0);
    const QString db = m_home->filePath(u"history.sqlite"_s);
    Run r = run(
            {u"history"_s, u"--history-db"_s, db, u"--asset"_s, id(20), u"--output"_s, u"json"_s});
    QCOMPARE(r.exitCode, 0);
    const QList<QJsonObject> rows = r.json()
            + run({u"history"_s, u"--history-db"_s, db, u"--asset"_s, id(21), u"--output"_s,
                   u"json"_s})
                      .json();
    // Three attempts in all: one 503 that was retried, two confirmations.
    QCOMPARE(rows.size(), 3);
    int retrying = 0;
    for (const QJsonObject &o : rows) {
        retrying += o.value("outcome"_L1).toString() == "retrying"_L1;
        QCOMPARE(o.value("project_id"_L1).toString(), m_server->config().projectId);
        QVERIFY(!o.value("request_id"_L1).toString().isEmpty());
    }
    QCOMPARE(retrying, 1);
    r = run({u"history"_s, u"--history-db"_s, db, u"--since"_s, u"2999-01-01"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
    r = run({u"history"_s, u"--history-db"_s, db, u"--output"_s, u"csv"_s});
    QCOMPARE(r.out.count('\n'), 4); // header + 3 attempts
}

void TestCli::secretsNeverLeak()
{
    const QString secret = m_server->config().secretKey;
    m_server->addMissingAsset(id(31));
    Run r = run(confirmArgs({u"--output"_s, u"json"_s}), id(30).toUtf8() + ' ' + id(31).toUtf8());
    QCOMPARE(r.exitCode, 1);
    Run bad = run(confirmArgs(), id(32).toUtf8(),
                  {{u"HUAWEICLOUD_SDK_SK"_s, u"Wrong-"_s + secret}});
    QCOMPARE(bad.exitCode, 3);
    QFile db(m_home->filePath(u"history.sqlite"_s));
    QVERIFY(db.open(QIODevice::ReadOnly));
    QByteArray all = r.out + r.err + bad.out + bad.err + db.readAll();
    QFile wal(db.fileName() + u"-wal"_s);
    if (wal.open(QIODevice::ReadOnly))
        all += wal.readAll();
    // IAM token mode, accepted and rejected.
    m_server->config().acceptedTokens = {u"secret-iam-token-value"_s};
    const QMap<QString, QString> tokenEnv
            = {{u"HUAWEICLOUD_SDK_AK"_s, QString()},
               {u"HUAWEICLOUD_SDK_SK"_s, QString()},
               {u"VODCONFIRM_AUTH_TOKEN"_s, u"secret-iam-token-value"_s}};
    const Run token = run(confirmArgs({u"--output"_s, u"csv"_s}), id(33).toUtf8(), tokenEnv);
    QCOMPARE(token.exitCode, 0);
    QMap<QString, QString> badTokenEnv = tokenEnv;
    badTokenEnv[u"VODCONFIRM_AUTH_TOKEN"_s] = u"secret-rejected-token"_s;
    const Run badToken = run(confirmArgs(), id(34).toUtf8(), badTokenEnv);
    QCOMPARE(badToken.exitCode, 3);
    const Run history
            = run({u"history"_s, u"--history-db"_s, db.fileName(), u"--output"_s, u"json"_s});
    QVERIFY(db.seek(0));
    all += token.out + token.err + badToken.out + badToken.err + history.out + db.readAll();
    if (wal.isOpen() || wal.open(QIODevice::ReadOnly)) {
        wal.seek(0);
        all += wal.readAll();
    }
    QVERIFY(all.contains(id(30).toUtf8()) && all.contains(id(33).toUtf8()));
    for (const char *s : {"secret-iam-token-value", "secret-rejected-token"})
        QVERIFY2(!all.contains(s), s);
    QVERIFY(!all.contains(secret.toUtf8()));
}

void TestCli::caFileOption()
{
    VodTestServer tls; // signed by the test CA, which the system does not trust
    QVERIFY(tls.listen(0, VodTestServer::Tls::CaSigned));
    const QStringList args = {u"confirm"_s,      u"--endpoint"_s, tls.url().toString(),
                              u"--no-history"_s, u"--output"_s,   u"json"_s};
    const QByteArray ids = id(40).toUtf8() + '\n' + id(41).toUtf8() + '\n';

    Run r = run(args, ids);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("certificate was not accepted") && r.err.contains("--ca-file"),
             r.err.constData());
    QCOMPARE(tls.counters().tlsHandshakes, 1); // the second asset was not even tried
    QCOMPARE(tls.counters().totalRequests, 0);
    QVERIFY(!(r.out + r.err).contains(tls.config().secretKey.toUtf8()));

    const QString ca = VodTestServer::certsDir() + u"/ca.pem"_s;
    r = run(args + QStringList {u"--ca-file"_s, ca}, ids);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().size(), 2);
    QCOMPARE(tls.counters().requests(Route::Confirm), 2);

    const QString missing = m_home->filePath(u"no-such-ca.pem"_s);
    r = run(args + QStringList {u"--ca-file"_s, missing}, ids);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(missing.toUtf8()) && r.err.contains("cannot be read"),
             r.err.constData());
    QCOMPARE(tls.counters().requests(Route::Confirm), 2);
}

void TestCli::httpsProxyFromEnvironment()
{
    VodTestServer tls;
    QVERIFY(tls.listen(0, VodTestServer::Tls::CaSigned));
    TestProxy proxy;
    QVERIFY(proxy.listen());
    // A name that resolves nowhere (the proxy reaches it on 127.0.0.1): Qt never proxies
    // 127.0.0.1 or localhost in the system proxy mode.
    QUrl endpoint = tls.url();
    endpoint.setHost(u"vod.vodconfirm.test"_s);
    const QStringList args = {u"confirm"_s,
                              u"--endpoint"_s,
                              endpoint.toString(),
                              u"--ca-file"_s,
                              VodTestServer::certsDir() + u"/ca.pem"_s,
                              u"--no-history"_s,
                              u"--timeout"_s,
                              u"10"_s};
    // Only HTTPS_PROXY, and no desktop whose proxy settings libproxy would read instead.
    QMap<QString, QString> env;
    for (const char *name : {"https_proxy", "http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY",
                             "no_proxy", "NO_PROXY", "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION",
                             "GNOME_DESKTOP_SESSION_ID", "KDE_FULL_SESSION"})
        env.insert(QString::fromLatin1(name), QString());
    env.insert(u"HTTPS_PROXY"_s, u"http://127.0.0.1:%1"_s.arg(proxy.port()));

    Run r = run(args, id(50).toUtf8() + '\n' + id(51).toUtf8(), env);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(proxy.counters().tunnels >= 1);
    QVERIFY(proxy.counters().targets.contains(u"vod.vodconfirm.test:%1"_s.arg(tls.port())));
    QCOMPARE(tls.counters().requests(Route::Confirm), 2);

    // NO_PROXY names the host: no proxy, so the name is not found.
    env.insert(u"NO_PROXY"_s, u".vodconfirm.test"_s);
    const int tunnels = proxy.counters().tunnels;
    r = run(args, id(52).toUtf8(), env);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(proxy.counters().tunnels, tunnels);
    QVERIFY2(r.out.contains("host name could not be found"), r.out.constData());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
