// The built command line, run as a user would, against the loopback VOD server: `vodconfirm`
// with a subcommand, and (tst_cli_headless) `vodconfirm-cli` without a display or Qt platform.
#include "clirunner.h"
#include "settings/credentialstore.h"
#include "settings/settings.h"
#include "storage/historystore.h"
#include "testproxy.h"
#include "vodtestserver.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace VodConfirm;
using namespace VodConfirm::Test;
using namespace Qt::StringLiterals;
using Route = VodTestServer::Route;

namespace {
using Run = CliRun;

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
    void headlessWithoutCommandPrintsHelp();
    void bothBinariesShareProfilesAndHistory();
    void rateAboveTheStandardQuotaWarns_data();
    void rateAboveTheStandardQuotaWarns();
    void pacesAboveTheStandardQuota();
    void confirmsFromStandardInputAsJson();
    void confirmsFilesAsCsvAndExitsZero();
    void checkFirstIsTheDefault();
    void followPrintsFinalStates();
    void noIdsIsAnInputError();
    void usageErrors_data();
    void usageErrors();
    void missingCredentialsAreExplained();
    void authFailureStopsAfterOneRequest();
    void tokenFromEnvironment();
    void historyIsRecordedAndQueried();
    void secretsNeverLeak_data();
    void secretsNeverLeak();
    void caFileOption();
    void httpsProxyFromEnvironment();
    void controlCharactersInHeaderValues_data();
    void controlCharactersInHeaderValues();
    void projectIdMustBeHex();
    void secretsAreTrimmed();
    void nonTextInputIsRefusedByName();
    void unicodeFilesAreDecoded();
    void hugeLineIsStreamed();
    void serverTextCannotForgeOutput();
    void csvFormulasAreNeutralised();
    void unwritableOutputFails();
    void closedPipeAtStartSendsNothing();
    void closedPipeMidBatchCancels();
    void profilesShowPrintsNoEndpointPassword();
    void speaksTheLocalesLanguage();

private:
    Run run(const QStringList &args, const QByteArray &input = {},
            const QMap<QString, QString> &extraEnv = {});
    static bool isHeadless(); // the binary under test is vodconfirm-cli
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
    return CliRunner(*m_server, m_home->path()).run(args, input, extraEnv);
}

bool TestCli::isHeadless()
{
    return QFileInfo(qEnvironmentVariable("VODCONFIRM_BINARY")).fileName() == "vodconfirm-cli"_L1;
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
    // Each binary's help says what it is.
    r = run({u"--help"_s});
    if (isHeadless()) {
        QVERIFY2(r.out.startsWith("Usage: vodconfirm-cli COMMAND"), r.out.constData());
        QVERIFY(r.out.contains("the desktop app is vodconfirm"));
    } else {
        QVERIFY2(r.out.startsWith("Usage: vodconfirm [COMMAND]"), r.out.constData());
        QVERIFY(r.out.contains("Without a command the desktop app opens"));
    }
}

void TestCli::headlessWithoutCommandPrintsHelp()
{
    if (!isHeadless())
        QSKIP("vodconfirm without a command opens the desktop app");
    // No display and no Qt platform (tst_cli_headless unsets them): the usage goes to stderr,
    // nothing to stdout, and the exit code says it was a usage error.
    const Run r = run({});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.startsWith("Usage: vodconfirm-cli COMMAND"), r.err.constData());
    QVERIFY(r.err.contains("confirm") && r.err.contains("Exit codes"));
    QVERIFY(!r.err.contains("Unknown command"));
}

void TestCli::bothBinariesShareProfilesAndHistory()
{
    // vodconfirm and vodconfirm-cli are one app to the user: a batch one of them ran (into the
    // default history) is in the other's history, and a profile shows in both.
    const QString other = qEnvironmentVariable("VODCONFIRM_OTHER_BINARY");
    QVERIFY(QFileInfo(other).isExecutable());
    const CliRunner otherRunner(*m_server, m_home->path(), other);
    Run r = run({u"confirm"_s, u"--endpoint"_s, m_server->url().toString()}, id(70).toUtf8());
    QCOMPARE(r.exitCode, 0);
    r = otherRunner.run({u"history"_s, u"--asset"_s, id(70), u"--output"_s, u"json"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().size(), 1);
    QCOMPARE(r.json().first().value("outcome"_L1).toString(), u"confirmed"_s);

    Profile p;
    p.name = u"shared"_s;
    p.regionId = u"cn-north-4"_s;
    Settings settings(m_home->filePath(u"config/vodconfirm/vodconfirm.ini"_s));
    QVERIFY(settings.saveProfile(p));
    QVERIFY(settings.sync());
    for (const Run &listed : {run({u"profiles"_s}), otherRunner.run({u"profiles"_s})}) {
        QCOMPARE(listed.exitCode, 0);
        QCOMPARE(listed.out, QByteArray("  shared\n"));
    }
}

void TestCli::rateAboveTheStandardQuotaWarns_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("settingsRate"); // 0: not set
    QTest::addColumn<bool>("warns");
    QTest::newRow("default") << QStringList() << 0 << false;
    QTest::newRow("1500") << QStringList {u"--rate-limit"_s, u"1500"_s} << 0 << false;
    QTest::newRow("1501") << QStringList {u"--rate-limit"_s, u"1501"_s} << 0 << true;
    QTest::newRow("12000") << QStringList {u"--rate-limit"_s, u"12000"_s} << 0 << true;
    QTest::newRow("settings 3000") << QStringList() << 3000 << true;
    QTest::newRow("settings 3000, option 1000")
            << QStringList {u"--rate-limit"_s, u"1000"_s} << 3000 << false;
}

void TestCli::rateAboveTheStandardQuotaWarns()
{
    QFETCH(QStringList, args);
    QFETCH(int, settingsRate);
    QFETCH(bool, warns);
    if (settingsRate > 0) {
        Settings settings(m_home->filePath(u"config/vodconfirm/vodconfirm.ini"_s));
        settings.setRatePerMinute(settingsRate);
        QVERIFY(settings.sync());
    }
    const Run r = run(confirmArgs(args), id(80).toUtf8() + ' ' + id(81).toUtf8());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(m_server->counters().effectiveConfirmsTotal(), 2);
    QList<QByteArray> warnings = r.err.split('\n');
    warnings.removeIf([](const QByteArray &line) { return !line.contains("warning"); });
    QCOMPARE(warnings.size(), warns ? 1 : 0);
    if (warns) {
        // One line that says the rate needs a raised quota, before anything is sent.
        QVERIFY2(warnings.first().startsWith("vodconfirm: warning: ")
                         && QString::fromUtf8(warnings.first())
                                    .contains(QRegularExpression(u"above the 1,?500"_s))
                         && warnings.first().contains("quota was raised"),
                 warnings.first().constData());
        QVERIFY(r.err.startsWith(warnings.first()));
    }
}

void TestCli::pacesAboveTheStandardQuota()
{
    // An account with a raised quota: the server allows 12,000/minute (200 in any second), the
    // run is told 6000/minute. Every asset goes through without a 429, and the server sees more
    // in one second than the standard 1500/minute (25 a second) would ever send.
    m_server->config().rateLimitPerMinute = 200;
    m_server->config().rateWindowMs = 1000;
    constexpr int Count = 300;
    QByteArray ids;
    for (int i = 0; i < Count; ++i)
        ids += id(1000 + i).toUtf8() + '\n';
    const Run r = run(confirmArgs({u"--rate-limit"_s, u"6000"_s, u"--concurrency"_s, u"8"_s,
                                   u"--output"_s, u"json"_s}),
                      ids);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().size(), Count);
    QCOMPARE(m_server->counters().throttled, 0);
    QCOMPARE(m_server->counters().effectiveConfirmsTotal(), Count);
    QVERIFY2(r.err.contains("300 confirmed, 0 failed, 0 not sent") && r.err.contains("0 throttled"),
             r.err.constData());
    const QList<qint64> t = m_server->counters().arrivalMs;
    qsizetype busiest = 0;
    for (qsizetype i = 0, j = 0; i < t.size(); ++i) {
        while (j < t.size() && t.at(j) < t.at(i) + 1000)
            ++j;
        busiest = std::max(busiest, j - i);
    }
    QVERIFY2(busiest > 26, qPrintable(u"at most %1 requests in one second"_s.arg(busiest)));
}

void TestCli::checkFirstIsTheDefault()
{
    // Read first (the default): 2 assets confirmed elsewhere are not sent and are counted
    // apart, the missing one fails with the server's words, the waiting one is sent. One read
    // request for the four.
    m_server->setAssetStatus(id(1), u"CREATED"_s);
    m_server->setAssetStatus(id(2), u"PUBLISHED"_s);
    m_server->addMissingAsset(id(3));
    const QByteArray ids = (id(1) + u'\n' + id(2) + u'\n' + id(3) + u'\n' + id(4)).toUtf8();
    Run r = run(confirmArgs({u"--output"_s, u"json"_s}), ids);
    QCOMPARE(r.exitCode, 1); // the missing one failed
    QCOMPARE(m_server->counters().requests(Route::AssetInfo), 1);
    QCOMPARE(m_server->counters().requests(Route::Confirm), 1);
    QCOMPARE(m_server->counters().confirmRequests.value(id(4)), 1);
    QHash<QString, QJsonObject> byId;
    for (const QJsonObject &o : r.json())
        byId.insert(o.value("asset_id"_L1).toString(), o);
    QCOMPARE(byId.size(), 4);
    QCOMPARE(byId.value(id(1)).value("outcome"_L1).toString(), u"already_confirmed"_s);
    QVERIFY(byId.value(id(1)).value("error_msg"_L1).toString().contains(u"CREATED"_s));
    QCOMPARE(byId.value(id(2)).value("outcome"_L1).toString(), u"already_confirmed"_s);
    QCOMPARE(byId.value(id(3)).value("outcome"_L1).toString(), u"failed"_s);
    QVERIFY2(byId.value(id(3)).value("error_msg"_L1).toString().contains(u"does not exist"_s),
             qPrintable(byId.value(id(3)).value("error_msg"_L1).toString()));
    QCOMPARE(byId.value(id(4)).value("outcome"_L1).toString(), u"confirmed"_s);
    QVERIFY2(r.err.contains("1 confirmed, 1 failed, 0 not sent")
                     && r.err.contains("2 already confirmed (skipped"),
             r.err.constData());
    // The history shows them under their own name.
    r = run({u"history"_s, u"--history-db"_s, m_home->filePath(u"history.sqlite"_s), u"--output"_s,
             u"csv"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.count("already_confirmed"), 2);

    // Asked not to read: everything is sent, nothing read.
    m_server->reset();
    const QByteArray fresh = (id(5) + u'\n' + id(6)).toUtf8();
    r = run(confirmArgs({u"--no-check-first"_s}), fresh);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(m_server->counters().requests(Route::AssetInfo), 0);
    QCOMPARE(m_server->counters().requests(Route::Confirm), 2);

    // All already confirmed: exit 0, no confirm sent.
    m_server->reset();
    r = run(confirmArgs({u"--check-first"_s}), ids.left(2 * 33));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(m_server->counters().requests(Route::Confirm), 0);

    r = run(confirmArgs({u"--check-first"_s, u"--no-check-first"_s}), fresh);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("--check-first and --no-check-first exclude each other"));
    QCOMPARE(m_server->counters().requests(Route::Confirm), 0);
}

void TestCli::followPrintsFinalStates()
{
    // After the confirms, id(1) is published and id(2) stays CREATED: with a 2 s limit each is
    // read once, at the limit, and their lines show where they ended.
    connect(m_server.get(), &VodTestServer::requestReceived, this,
            [this](const QString &, const QString &path) {
                if (!path.contains(u"/asset/info"_s))
                    return;
                m_server->setAssetStatus(id(1), u"PUBLISHED"_s);
                m_server->setAssetStatus(id(6), u"PUBLISHED"_s);
            });
    m_server->addMissingAsset(id(3));
    const QByteArray ids = (id(1) + u'\n' + id(2) + u'\n' + id(3)).toUtf8();
    Run r = run(confirmArgs({u"--no-check-first"_s, u"--follow"_s, u"--follow-timeout"_s, u"2s"_s,
                             u"--output"_s, u"json"_s}),
                ids);
    QCOMPARE(r.exitCode, 1); // id(3) does not exist
    QHash<QString, QJsonObject> byId;
    for (const QJsonObject &o : r.json())
        byId.insert(o.value("asset_id"_L1).toString(), o);
    QCOMPARE(byId.size(), 3);
    QCOMPARE(byId.value(id(1)).value("outcome"_L1).toString(), u"confirmed"_s);
    QCOMPARE(byId.value(id(1)).value("followed_state"_L1).toString(), u"PUBLISHED"_s);
    QCOMPARE(byId.value(id(1)).value("settled"_L1).toBool(), true);
    QCOMPARE(byId.value(id(2)).value("followed_state"_L1).toString(), u"CREATED"_s);
    QCOMPARE(byId.value(id(2)).value("settled"_L1).toBool(), false);
    QCOMPARE(byId.value(id(3)).value("outcome"_L1).toString(), u"failed"_s); // not followed
    QCOMPARE(byId.value(id(3)).value("followed_state"_L1).toString(), QString());
    // One read each, at the limit (packed into one request when the two limits fall together).
    const int reads = m_server->counters().requests(Route::AssetInfo);
    QVERIFY2(reads == 1 || reads == 2, qPrintable(QString::number(reads)));
    QVERIFY2(r.err.contains("followed: 1 settled, 1 not settled in time"), r.err.constData());
    // The history keeps it.
    r = run({u"history"_s, u"--history-db"_s, m_home->filePath(u"history.sqlite"_s), u"--asset"_s,
             id(1), u"--output"_s, u"csv"_s});
    QVERIFY2(r.out.contains(",PUBLISHED\r\n"), r.out.constData());

    // CSV and text: the same, as a last column and a "final:" field.
    m_server->reset();
    r = run(confirmArgs({u"--no-check-first"_s, u"--follow"_s, u"--follow-timeout"_s, u"1s"_s,
                         u"--output"_s, u"csv"_s}),
            id(4).toUtf8());
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("asset_id,outcome,status,http_status,error_code,error_msg,"
                              "request_id,attempts,followed_state,settled\r\n"),
             r.out.constData());
    QVERIFY2(r.out.contains(",CREATED,0\r\n"), r.out.constData());
    r = run(confirmArgs({u"--no-check-first"_s, u"--follow"_s, u"--follow-timeout"_s, u"1s"_s}),
            id(6).toUtf8());
    QVERIFY2(r.out.contains("final: PUBLISHED"), r.out.constData());

    for (const QString &bad : {u"5x"_s, u"0s"_s, u"25h"_s}) {
        r = run(confirmArgs({u"--follow"_s, u"--follow-timeout"_s, bad}), id(5).toUtf8());
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--follow-timeout must be"));
    }
    r = run(confirmArgs({u"--follow-timeout"_s, u"1m"_s}), id(5).toUtf8());
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("--follow-timeout needs --follow"));
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
    // Sent without reading first: the confirm's own answers (checkFirstIsTheDefault() reads).
    const Run r = run(confirmArgs({u"--output"_s, u"json"_s, u"--no-check-first"_s}), paste);
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
    // The error catalogue's hint comes last, after the fields scripts already read.
    QVERIFY2(gone.value("hint"_L1).toString().contains(u"does not exist in this project/region"_s),
             qPrintable(gone.value("hint"_L1).toString()));
    QCOMPARE(byId.value(id(1)).value("hint"_L1).toString(), QString());
    for (const QByteArray &line : r.out.trimmed().split('\n'))
        QVERIFY2(line.contains(",\"attempts\":")
                         && line.indexOf(",\"hint\":") > line.indexOf(",\"attempts\":"),
                 line.constData());

    // Text output names the hint on the failed asset's line only.
    m_server->addMissingAsset(id(4));
    const Run text = run(confirmArgs({u"--no-check-first"_s}),
                         id(4).toUtf8() + "\n" + id(5).toUtf8() + "\n");
    QCOMPARE(text.exitCode, 1);
    bool failedLine = false;
    for (const QByteArray &line : text.out.trimmed().split('\n')) {
        if (line.startsWith("failed")) {
            failedLine = true;
            QVERIFY2(line.contains("VOD.10062") && line.contains("hint: The asset does not exist"),
                     line.constData());
        } else {
            QVERIFY2(!line.contains("hint:"), line.constData());
        }
    }
    QVERIFY2(failedLine, text.out.constData());
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
    QTest::newRow("rate") << QStringList {u"--rate-limit"_s, u"12001"_s}
                          << QByteArray("--rate-limit must be a whole number from 1 to 12000");
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
    // Not the production endpoint in silence, and no region the requests do not go to.
    QTest::newRow("empty endpoint")
            << QStringList {u"--endpoint"_s, QString()} << QByteArray("--endpoint needs a URL");
    QTest::newRow("region and endpoint") << QStringList {u"--region"_s, u"cn-north-4"_s}
                                         << QByteArray("--region and --endpoint exclude");
    QTest::newRow("endpoint with password")
            << QStringList {u"--endpoint"_s, u"http://user:hunter2@127.0.0.1:1"_s}
            << QByteArray("user name or password");
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, message);
    const Run r = run(confirmArgs(args), id(1).toUtf8());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), r.err.constData());
    QVERIFY(!r.err.contains("hunter2"));
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
    // The one request is the state read before sending: nothing was sent.
    QCOMPARE(m_server->counters().totalRequests, 1);
    QCOMPARE(m_server->counters().requests(Route::AssetInfo), 1);
    const QList<QJsonObject> lines = r.json();
    QCOMPARE(lines.size(), 10);
    int notSent = 0;
    for (const QJsonObject &o : lines)
        notSent += o.value("outcome"_L1).toString() == "not_sent"_L1;
    QCOMPARE(notSent, 10);
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

    // A support bundle of one asset: each of its attempts with its request ID, no secret.
    const QList<QJsonObject> first = run({u"history"_s, u"--history-db"_s, db, u"--asset"_s, id(20),
                                          u"--output"_s, u"json"_s})
                                             .json();
    r = run({u"history"_s, u"--history-db"_s, db, u"--support-bundle"_s, id(20).toUpper()});
    QCOMPARE(r.exitCode, 0);
    for (const QJsonObject &o : first)
        QVERIFY2(r.out.contains("X-Request-Id: " + o.value("request_id"_L1).toString().toUtf8()),
                 r.out.constData());
    QVERIFY2(r.out.contains("Attempts: " + QByteArray::number(first.size())), r.out.constData());
    QVERIFY(r.out.contains("Project ID: " + m_server->config().projectId.toUtf8()));
    QVERIFY(!r.out.contains(m_server->config().secretKey.toUtf8()));
    QVERIFY(!r.out.contains(id(21).toUtf8()));
    r = run({u"history"_s, u"--history-db"_s, db, u"--support-bundle"_s, id(99)});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("no attempt"), r.err.constData());
    QCOMPARE(run({u"history"_s, u"--history-db"_s, db, u"--support-bundle"_s, u"x'y"_s}).exitCode,
             2);
}

namespace {
// Every auth mode and its error paths, for secretsNeverLeak.
enum class Secrets {
    AkSk,
    AkSkRejected,
    AkSkSecurityToken,
    AkSkSecurityTokenRejected,
    Token,
    TokenRejected,
    TokenExpired,
    Password,
    PasswordRejected,
    PasswordTokenExpired,
};
} // namespace
Q_DECLARE_METATYPE(Secrets)

void TestCli::secretsNeverLeak_data()
{
    QTest::addColumn<Secrets>("mode");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("told"); // on stderr: the user is told what happened
    QTest::addColumn<QString>("format"); // of confirm's and history's output
    QTest::newRow("AK/SK") << Secrets::AkSk << 1 << QByteArray("1 confirmed, 1 failed")
                           << u"json"_s;
    QTest::newRow("AK/SK, signature rejected")
            << Secrets::AkSkRejected << 3 << QByteArray("secret key (SK)") << u"csv"_s;
    QTest::newRow("AK/SK + security token")
            << Secrets::AkSkSecurityToken << 1 << QByteArray("1 confirmed, 1 failed") << u"text"_s;
    QTest::newRow("AK/SK + security token, token rejected")
            << Secrets::AkSkSecurityTokenRejected << 3 << QByteArray("security token") << u"json"_s;
    QTest::newRow("IAM token") << Secrets::Token << 1 << QByteArray("1 confirmed, 1 failed")
                               << u"csv"_s;
    QTest::newRow("IAM token, rejected")
            << Secrets::TokenRejected << 3 << QByteArray("token was rejected") << u"text"_s;
    QTest::newRow("IAM token, expired")
            << Secrets::TokenExpired << 3 << QByteArray("token has expired") << u"json"_s;
    QTest::newRow("IAM password") << Secrets::Password << 1 << QByteArray("1 confirmed, 1 failed")
                                  << u"csv"_s;
    QTest::newRow("IAM password, rejected")
            << Secrets::PasswordRejected << 3 << QByteArray("password") << u"text"_s;
    QTest::newRow("IAM password, token expired and fetched again")
            << Secrets::PasswordTokenExpired << 0 << QByteArray("2 confirmed, 0 failed")
            << u"json"_s;
}

void TestCli::secretsNeverLeak()
{
    // A run in each auth mode and error path; then the secrets are looked for in everything the
    // runs left: confirm's and history's output (stdout, as --output files get it), stderr, the
    // settings file, the history database with its WAL, and a CSV export of the history.
    QFETCH(Secrets, mode);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, told);
    QFETCH(QString, format);

    const QString sk = m_server->config().secretKey;
    QStringList secrets {sk};
    QMap<QString, QString> env;
    QStringList ids {id(30), id(31)};
    m_server->addMissingAsset(id(31));
    const QString profile = u"secrets-test"_s;
    const bool password = mode == Secrets::Password || mode == Secrets::PasswordRejected
            || mode == Secrets::PasswordTokenExpired;
    switch (mode) {
    case Secrets::AkSk:
        break;
    case Secrets::AkSkRejected:
        env[u"HUAWEICLOUD_SDK_SK"_s] = u"Wrong-"_s + sk;
        break;
    case Secrets::AkSkSecurityToken:
    case Secrets::AkSkSecurityTokenRejected:
        m_server->config().securityToken = u"secret-security-token-value"_s;
        env[u"HUAWEICLOUD_SDK_SECURITY_TOKEN"_s] = mode == Secrets::AkSkSecurityToken
                ? m_server->config().securityToken
                : u"secret-stale-security-token"_s;
        secrets << m_server->config().securityToken
                << env.value(u"HUAWEICLOUD_SDK_SECURITY_TOKEN"_s);
        break;
    case Secrets::Token:
    case Secrets::TokenRejected:
    case Secrets::TokenExpired:
        env = {{u"HUAWEICLOUD_SDK_AK"_s, QString()}, {u"HUAWEICLOUD_SDK_SK"_s, QString()}};
        m_server->config().acceptedTokens = {u"secret-iam-token-value"_s};
        env[u"VODCONFIRM_AUTH_TOKEN"_s] = mode == Secrets::Token ? u"secret-iam-token-value"_s
                : mode == Secrets::TokenRejected                 ? u"secret-rejected-token"_s
                                                                 : m_server->issueToken();
        if (mode == Secrets::TokenExpired)
            m_server->expireTokens();
        secrets << env.value(u"VODCONFIRM_AUTH_TOKEN"_s);
        break;
    case Secrets::Password:
    case Secrets::PasswordRejected:
    case Secrets::PasswordTokenExpired: {
        // IAM user + password exists only as a profile: its password lives in the keychain.
        if (qEnvironmentVariable("VODCONFIRM_EXPECT_KEYCHAIN") != "1"_L1)
            QSKIP("needs the private keychain of ./dev test");
        Profile p;
        p.name = profile;
        p.customEndpoint = m_server->url();
        p.customIamEndpoint = m_server->url();
        p.projectId = m_server->config().projectId;
        p.authMode = AuthMode::Password;
        p.userName = m_server->config().iamUser;
        p.accountName = m_server->config().iamAccount;
        Settings settings(m_home->filePath(u"config/vodconfirm/vodconfirm.ini"_s));
        QVERIFY(settings.saveProfile(p));
        QVERIFY(settings.sync());
        m_server->config().iamPassword = u"secret-iam-password"_s;
        const QString stored = mode == Secrets::PasswordRejected ? u"secret-wrong-password"_s
                                                                 : m_server->config().iamPassword;
        QString error;
        QVERIFY2(CredentialStore().writeBlocking(profile, SecretKind::Password, stored, &error),
                 qPrintable(error));
        secrets << m_server->config().iamPassword << stored;
        env = {{u"HUAWEICLOUD_SDK_AK"_s, QString()}, {u"HUAWEICLOUD_SDK_SK"_s, QString()}};
        if (mode == Secrets::PasswordTokenExpired) {
            // The token dies after the first confirm: the client fetches another one once.
            ids = {id(32), id(33)};
            connect(m_server.get(), &VodTestServer::requestReceived, this,
                    [this](const QString &, const QString &path) {
                        if (path.endsWith("/uploaded"_L1)
                            && m_server->counters().requests(Route::Confirm) == 1)
                            m_server->expireTokens();
                    });
        }
        break;
    }
    }

    QStringList args = confirmArgs({u"--output"_s, format, u"--concurrency"_s, u"1"_s});
    if (password)
        args << u"--profile"_s << profile;
    const Run confirm = run(args, ids.join(u'\n').toUtf8(), env);
    if (password)
        QVERIFY(CredentialStore().removeAllBlocking(profile));
    QCOMPARE(confirm.exitCode, exitCode);
    QVERIFY2(confirm.err.contains(told), confirm.err.constData());
    if (mode == Secrets::PasswordTokenExpired)
        QCOMPARE(m_server->counters().requests(Route::IamToken), 2);
    if (password)
        secrets << m_server->issuedTokens();

    const QString db = m_home->filePath(u"history.sqlite"_s);
    const Run history = run({u"history"_s, u"--history-db"_s, db, u"--output"_s, format});
    QCOMPARE(history.exitCode, 0);
    QVERIFY(history.out.contains(ids.first().toUtf8()));
    {
        HistoryStore store;
        QVERIFY(store.open(db));
        QVERIFY(store.exportCsv({}, m_home->filePath(u"export.csv"_s)));
        QCOMPARE(store.count(), qint64(ids.size())); // one row per asset: all were sent or not
    }

    QByteArray left; // every file the runs left
    QStringList files;
    QDirIterator it(m_home->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        left += f.readAll();
        files << QFileInfo(f).fileName();
    }
    QVERIFY2(files.contains(u"export.csv"_s) && files.contains(u"history.sqlite"_s),
             qPrintable(files.join(u", "_s)));
    if (password)
        QVERIFY2(files.contains(u"vodconfirm.ini"_s), qPrintable(files.join(u", "_s)));
    QVERIFY(left.contains(ids.first().toUtf8())); // the search below can find what is there
    const QByteArray all = left + confirm.out + confirm.err + history.out + history.err;
    for (const QString &secret : std::as_const(secrets)) {
        QVERIFY(!secret.isEmpty());
        QVERIFY2(!all.contains(secret.toUtf8()), qPrintable(secret));
    }
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
    QVERIFY2(r.exitCode == 0, r.err.constData());
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

void TestCli::controlCharactersInHeaderValues_data()
{
    QTest::addColumn<QString>("variable"); // or option
    QTest::newRow("AK") << u"HUAWEICLOUD_SDK_AK"_s;
    QTest::newRow("SK") << u"HUAWEICLOUD_SDK_SK"_s;
    QTest::newRow("security token") << u"HUAWEICLOUD_SDK_SECURITY_TOKEN"_s;
    QTest::newRow("IAM token") << u"VODCONFIRM_AUTH_TOKEN"_s;
    QTest::newRow("project (variable)") << u"HUAWEICLOUD_SDK_PROJECT_ID"_s;
    QTest::newRow("project (option)") << u"--project-id"_s;
    QTest::newRow("endpoint") << u"--endpoint"_s;
}

void TestCli::controlCharactersInHeaderValues()
{
    // A value with a line break inside would add header lines of its own choosing: refused,
    // named, never printed, and nothing is sent.
    QFETCH(QString, variable);
    const QString value = u"Secret0Value\r\nX-Injected: 1"_s;
    QStringList args = confirmArgs();
    QMap<QString, QString> env;
    if (variable == "--project-id"_L1)
        args << variable << value;
    else if (variable == "--endpoint"_L1)
        args << variable << m_server->url().toString() + u"/\nX-Injected: 1"_s;
    else
        env.insert(variable, value);
    const Run r = run(args, id(60).toUtf8(), env);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(variable.toUtf8()), r.err.constData());
    QVERIFY2(!r.err.contains("Secret0Value") && !r.err.contains("X-Injected"), r.err.constData());
    QCOMPARE(m_server->counters().totalRequests, 0);
}

void TestCli::projectIdMustBeHex()
{
    // The project ID is a path segment: "../../admin" would have been a signed POST /admin/...
    for (const QString &bad :
         {u"../../admin"_s, u"0a1b2c3d4e5f6071"_s, u"0A1B2C3D4E5F60718293A4B5C6D7E8F9"_s}) {
        Run r = run(confirmArgs({u"--project-id"_s, bad}), id(61).toUtf8());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--project-id must be 32 hexadecimal"), r.err.constData());
        r = run(confirmArgs(), id(61).toUtf8(), {{u"HUAWEICLOUD_SDK_PROJECT_ID"_s, bad}});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("HUAWEICLOUD_SDK_PROJECT_ID must be 32"), r.err.constData());
    }
    QCOMPARE(m_server->counters().totalRequests, 0);
}

void TestCli::secretsAreTrimmed()
{
    // As a shell `$(cat sk.txt)` or a copied line leaves them: the SK used to be signed with its
    // newline and rejected.
    const VodTestServer::Config &c = m_server->config();
    const Run r
            = run(confirmArgs({u"--project-id"_s, u" "_s + c.projectId + u"\n"_s}), id(62).toUtf8(),
                  {{u"HUAWEICLOUD_SDK_AK"_s, u" "_s + c.accessKey + u"\r\n"_s},
                   {u"HUAWEICLOUD_SDK_SK"_s, c.secretKey + u"\n"_s}});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(m_server->assetStatus(id(62)), u"CREATED"_s);
    QCOMPARE(m_server->counters().authFailures, 0);
}

void TestCli::nonTextInputIsRefusedByName()
{
    // A device that never ends and a binary file are refused by name, even next to a good file;
    // nothing is sent.
    QFile good(m_home->filePath(u"ids.txt"_s)), binary(m_home->filePath(u"image.bin"_s));
    QVERIFY(good.open(QIODevice::WriteOnly));
    good.write(id(63).toUtf8() + '\n');
    good.close();
    QVERIFY(binary.open(QIODevice::WriteOnly));
    binary.write(QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + id(64).toUtf8());
    binary.close();
    for (const QString &bad : {u"/dev/zero"_s, binary.fileName()}) {
        const Run r = run(confirmArgs({good.fileName(), bad}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(bad.toUtf8() + ": it is not text"), r.err.constData());
    }
    QCOMPARE(m_server->counters().totalRequests, 0);
}

void TestCli::unicodeFilesAreDecoded()
{
    // Windows tools write UTF-16 with a byte order mark; each file is decoded on its own.
    const struct
    {
        const char *name;
        QByteArray bom;
        QStringConverter::Encoding encoding;
    } files[] = {{"utf16le.txt", "\xff\xfe", QStringConverter::Utf16LE},
                 {"utf16be.txt", "\xfe\xff", QStringConverter::Utf16BE},
                 {"utf32le.txt", QByteArray("\xff\xfe\0\0", 4), QStringConverter::Utf32LE},
                 {"utf32be.txt", QByteArray("\0\0\xfe\xff", 4), QStringConverter::Utf32BE},
                 {"utf8.txt", "\xef\xbb\xbf", QStringConverter::Utf8}};
    QStringList args = confirmArgs({u"--output"_s, u"json"_s});
    int n = 70;
    for (const auto &f : files) {
        QFile file(m_home->filePath(QString::fromLatin1(f.name)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QStringEncoder encoder(f.encoding);
        file.write(f.bom + QByteArray(encoder.encode(u"媒资ID: "_s + id(n++) + u"\r\n"_s)));
        args << file.fileName();
    }
    const Run r = run(args);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json().size(), 5);
    for (int i = 70; i < n; ++i)
        QCOMPARE(m_server->assetStatus(id(i)), u"CREATED"_s);
}

void TestCli::hugeLineIsStreamed()
{
    // 400 MB on one line from a FIFO, then an ID, while the process may use at most 256 MB of
    // data: reading it whole (as before) runs out of memory; streamed, the ID is found.
    const QString fifo = m_home->filePath(u"input.fifo"_s);
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    QProcess writer;
    writer.start(
            u"sh"_s,
            {u"-c"_s,
             u"{ head -c 400000000 /dev/zero | tr '\\0' 'x'; printf '\\n%s\\n' \"$1\"; } > \"$2\""_s,
             u"sh"_s, id(80), fifo});
    QVERIFY(writer.waitForStarted());

    rlimit before {};
    QVERIFY(::getrlimit(RLIMIT_DATA, &before) == 0);
    rlimit limited = before;
    limited.rlim_cur = 256ull << 20;
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer maps terabytes of shadow memory at start: no data limit there, the
    // streamed read is still checked by the ID found after the line.
    limited = before;
#endif
    QVERIFY(::setrlimit(RLIMIT_DATA, &limited) == 0);
    const std::unique_ptr<QProcess> p
            = CliRunner(*m_server, m_home->path()).start(confirmArgs({fifo}));
    QVERIFY(::setrlimit(RLIMIT_DATA, &before) == 0); // only the child keeps the limit
    const Run r = CliRunner::wait(*p, 180000);
    writer.waitForFinished();
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(m_server->assetStatus(id(80)), u"CREATED"_s);
    QCOMPARE(m_server->counters().requests(Route::Confirm), 1);
}

void TestCli::serverTextCannotForgeOutput()
{
    // An error message and a request ID from the server, with line breaks and terminal escapes:
    // one visible line per asset, no escape byte reaches the terminal.
    m_server->addMissingAsset(id(81));
    m_server->config().assetInfoMissingIsError = true; // the state read before sending gets it
    m_server->config().missingAssetMessage
            = u"gone\r\nconfirmed  ffffffffffffffffffffffffffffffff  CREATED\u001b[2J\u009b31m"_s;
    m_server->config().requestIdHeader = "req\x1b]0;owned\x07";
    const Run r = run(confirmArgs(), id(81).toUtf8());
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.out.count('\n'), 1);
    QVERIFY2(r.out.contains("gone\\r\\nconfirmed  ffff") && r.out.contains("\\x1b[2J\\u009b31m")
                     && r.out.contains("req\\x1b]0;owned\\x07"),
             r.out.constData());
    for (const char c : {'\x1b', '\r', '\x07'})
        QVERIFY(!r.out.contains(c) && !r.err.contains(c));
    QVERIFY(!r.out.contains("\xc2\x9b")); // U+009B, the one-byte CSI
    // The history prints the same text the same way.
    const Run h = run({u"history"_s, u"--history-db"_s, m_home->filePath(u"history.sqlite"_s)});
    QCOMPARE(h.exitCode, 0);
    QCOMPARE(h.out.count('\n'), 1);
    QVERIFY(h.out.contains("gone\\r\\nconfirmed") && !h.out.contains('\x1b'));
}

void TestCli::csvFormulasAreNeutralised()
{
    m_server->addMissingAsset(id(82));
    m_server->config().assetInfoMissingIsError = true; // the state read before sending gets it
    m_server->config().missingAssetMessage = u"=HYPERLINK(\"http://evil.example\",\"help\")"_s;
    const Run r = run(confirmArgs({u"--output"_s, u"csv"_s}), id(82).toUtf8());
    QCOMPARE(r.exitCode, 1);
    // The cell starts with a single quote (the field is quoted: it holds quotes and a comma).
    const QByteArray cell = ",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"help\"\")\",";
    QVERIFY2(r.out.contains(cell), r.out.constData());
    QVERIFY(r.out.contains(",failed,CREATED,403,VOD.10062,")); // numbers and codes unchanged
    const Run h = run({u"history"_s, u"--history-db"_s, m_home->filePath(u"history.sqlite"_s),
                       u"--output"_s, u"csv"_s});
    QVERIFY2(h.out.contains(cell.mid(1)), h.out.constData());
}

void TestCli::unwritableOutputFails()
{
    // A full disk used to exit 0 with every result lost.
    QProcess p;
    p.setProcessEnvironment(CliRunner(*m_server, m_home->path()).environment());
    p.setStandardOutputFile(u"/dev/full"_s);
    for (const QString &format : {u"text"_s, u"csv"_s}) {
        p.start(qEnvironmentVariable("VODCONFIRM_BINARY"),
                confirmArgs({u"--output"_s, format}) + QStringList {u"-"_s});
        QVERIFY(p.waitForStarted());
        p.write(id(83).toUtf8() + '\n' + id(84).toUtf8());
        p.closeWriteChannel();
        const Run r = CliRunner::wait(p);
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains("cannot write to standard output (No space left on device)"),
                 r.err.constData());
    }
    // csv: the header failed, so nothing was sent; text: the first line failed, after the first
    // answer, and the second asset was not sent.
    QCOMPARE(m_server->counters().requests(Route::Confirm), 1);
}

namespace {
// A pipe for a child's stdout; the child gets the write end.
struct OutputPipe
{
    int fds[2] = {-1, -1};
    OutputPipe() { QVERIFY(::pipe2(fds, O_CLOEXEC) == 0); }
    ~OutputPipe()
    {
        for (int fd : fds)
            if (fd >= 0)
                ::close(fd);
    }
    void closeEnd(int i)
    {
        ::close(fds[i]);
        fds[i] = -1;
    }
    void giveTo(QProcess &p) const
    {
        const int fd = fds[1];
        p.setChildProcessModifier([fd] { ::dup2(fd, STDOUT_FILENO); });
    }
};
} // namespace

void TestCli::closedPipeAtStartSendsNothing()
{
    // `vodconfirm confirm ... | head -0`: the reader is gone before anything is written.
    OutputPipe pipe;
    pipe.closeEnd(0);
    QProcess p;
    p.setProcessEnvironment(CliRunner(*m_server, m_home->path()).environment());
    pipe.giveTo(p);
    p.start(qEnvironmentVariable("VODCONFIRM_BINARY"), confirmArgs());
    QVERIFY(p.waitForStarted());
    pipe.closeEnd(1);
    p.write(id(85).toUtf8());
    p.closeWriteChannel();
    const Run r = CliRunner::wait(p);
    QCOMPARE(r.exitCode, 4); // not killed by SIGPIPE
    QVERIFY2(r.err.contains("cannot write to standard output (Broken pipe)"), r.err.constData());
    QCOMPARE(m_server->counters().totalRequests, 0);
}

void TestCli::closedPipeMidBatchCancels()
{
    // The reader goes away after the first line: the batch is cancelled, the requests in flight
    // finish and are recorded, the process is not killed by SIGPIPE.
    m_server->config().latencyMs = 100;
    QByteArray ids;
    for (int i = 0; i < 40; ++i)
        ids += id(100 + i).toUtf8() + '\n';
    OutputPipe pipe;
    QProcess p;
    p.setProcessEnvironment(CliRunner(*m_server, m_home->path()).environment());
    pipe.giveTo(p);
    p.start(qEnvironmentVariable("VODCONFIRM_BINARY"), confirmArgs({u"--concurrency"_s, u"2"_s}));
    QVERIFY(p.waitForStarted());
    pipe.closeEnd(1);
    p.write(ids);
    p.closeWriteChannel();
    QVERIFY(::fcntl(pipe.fds[0], F_SETFL, O_NONBLOCK) == 0);
    QByteArray seen;
    QVERIFY(QTest::qWaitFor(
            [&] {
                char buf[4096];
                const ssize_t n = ::read(pipe.fds[0], buf, sizeof buf);
                if (n > 0)
                    seen.append(buf, n);
                return seen.contains('\n');
            },
            60000));
    pipe.closeEnd(0);
    const Run r = CliRunner::wait(p);
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.err.contains("cannot write to standard output (Broken pipe)"), r.err.constData());
    const int sent = m_server->counters().requests(Route::Confirm);
    QVERIFY2(sent < 40, qPrintable(QString::number(sent)));
    // Every confirm the server applied is in the history as confirmed.
    const Run h = run({u"history"_s, u"--history-db"_s, m_home->filePath(u"history.sqlite"_s),
                       u"--output"_s, u"json"_s});
    int confirmed = 0;
    for (const QJsonObject &o : h.json())
        confirmed += o.value("outcome"_L1).toString() == "confirmed"_L1;
    QCOMPARE(confirmed, m_server->counters().effectiveConfirmsTotal());
    QVERIFY(confirmed >= 1);
}

void TestCli::profilesShowPrintsNoEndpointPassword()
{
    // A hand-edited settings file may hold user info in the endpoint URL: never printed, and the
    // profile is refused before anything is sent.
    Profile p;
    p.name = u"edited"_s;
    p.customEndpoint = QUrl(m_server->url().toString().replace(u"//"_s, u"//admin:hunter2@"_s));
    p.projectId = m_server->config().projectId;
    p.accessKey = m_server->config().accessKey;
    Settings settings(m_home->filePath(u"config/vodconfirm/vodconfirm.ini"_s));
    QVERIFY(settings.saveProfile(p));
    QVERIFY(settings.sync());
    Run r = run({u"profiles"_s, u"show"_s, u"edited"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(m_server->url().host().toUtf8()), r.out.constData());
    QVERIFY(!r.out.contains("hunter2") && !r.out.contains("admin"));
    r = run({u"confirm"_s, u"--profile"_s, u"edited"_s, u"--no-history"_s}, id(90).toUtf8());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("user name or password") && !r.err.contains("hunter2"),
             r.err.constData());
    QCOMPARE(m_server->counters().totalRequests, 0);
}

// The command line speaks the locale's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG): help, usage
// errors and the summary; option and command names, JSON keys and outcome values stay English.
void TestCli::speaksTheLocalesLanguage()
{
    const QMap<QString, QString> zh {{u"LANG"_s, u"zh_CN.UTF-8"_s},
                                     {u"LC_ALL"_s, QString()},
                                     {u"LC_MESSAGES"_s, QString()},
                                     {u"LANGUAGE"_s, QString()}};
    Run r = run({u"--help"_s}, {}, zh);
    QCOMPARE(r.exitCode, 0);
    QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.startsWith(u"用法："_s) && out.contains(u"确认华为云视频点播媒资上传"_s),
             r.out.constData());
    QVERIFY(out.contains(u"confirm    确认"_s) && out.contains(u"--help"_s));

    r = run({u"confirm"_s, u"--help"_s}, {}, zh);
    QCOMPARE(r.exitCode, 0);
    out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains(u"显示此帮助。"_s) && out.contains(u"--rate-limit"_s), r.out.constData());
    QVERIFY2(out.contains(u"并发请求数"_s), r.out.constData());

    r = run(confirmArgs({u"--output"_s, u"xml"_s}), {}, zh);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(u"--output 必须是 text、json 或 csv。"_s),
             r.err.constData());
    // LC_ALL wins over LANG; LANGUAGE names the messages' language.
    QMap<QString, QString> c = zh;
    c[u"LC_ALL"_s] = u"C.UTF-8"_s;
    r = run(confirmArgs({u"--output"_s, u"xml"_s}), {}, c);
    QVERIFY2(r.err.contains("--output must be text, json or csv."), r.err.constData());
    QMap<QString, QString> language = zh;
    language[u"LANG"_s] = u"en_US.UTF-8"_s;
    language[u"LANGUAGE"_s] = u"zh_CN"_s;
    r = run(confirmArgs({u"--output"_s, u"xml"_s}), {}, language);
    QVERIFY2(QString::fromUtf8(r.err).contains(u"--output 必须是"_s), r.err.constData());

    m_server->addMissingAsset(id(2));
    r = run(confirmArgs({u"--output"_s, u"json"_s}), (id(1) + u'\n' + id(2)).toUtf8(), zh);
    QCOMPARE(r.exitCode, 1);
    const QList<QJsonObject> lines = r.json();
    QCOMPARE(lines.size(), 2);
    for (const QJsonObject &o : lines) {
        QCOMPARE(o.keys(),
                 (QStringList {u"asset_id"_s, u"attempts"_s, u"error_code"_s, u"error_msg"_s,
                               u"hint"_s, u"http_status"_s, u"outcome"_s, u"request_id"_s,
                               u"status"_s}));
        const QString outcome = o.value("outcome"_L1).toString();
        QVERIFY2(outcome == "confirmed"_L1 || outcome == "failed"_L1, qPrintable(outcome));
    }
    // The summary on stderr is Chinese, with its numbers.
    QVERIFY2(QString::fromUtf8(r.err).contains(u"2 个媒资：1 个已确认，1 个失败，0 个未发送"_s),
             r.err.constData());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
