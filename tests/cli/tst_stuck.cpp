// `vodconfirm stuck`, run as a user would against the loopback VOD server: listing the uploads
// still in CREATING (formats, filters, past the API's 20,000 cap, an incomplete listing and the
// command that continues it), and acting on them as one batch (--cancel --yes), or refusing to.
#include "clirunner.h"
#include "csvreader.h"
#include "vodtestserver.h"

#include <QDateTime>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace VodConfirm;
using namespace VodConfirm::Test;
using namespace Qt::StringLiterals;
using Fault = VodTestServer::Fault;
using Route = VodTestServer::Route;

namespace {
QString id(int i)
{
    return u"%1"_s.arg(0x5700000 + i, 32, 16, QChar(u'0'));
}
QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}
} // namespace

class TestStuck : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void listsInEveryFormat();
    void filtersByAgeAndCreationTime_data();
    void filtersByAgeAndCreationTime();
    void listsPast20000Completely();
    void badArguments_data();
    void badArguments();
    void aBadPageKeepsWhatWasListedAndSaysHowToGoOn();
    void bulkCancelSendsOneConfirmPerListedAsset();
    void refusesWithoutYesWhenNotOnATerminal();
    void asksOnATerminal();
    void anIncompleteListingIsActedOnAndContinued();
    void refusedCredentialsStopTheListing();
    void interruptStopsTheListing();

private:
    CliRun run(const QStringList &args, const QByteArray &input = {},
               const QMap<QString, QString> &env = {});
    QStringList stuckArgs(const QStringList &more = {}) const;
    // 30 uploads, created i hours and 30 minutes ago (i = 0..29), titled "clip i".
    void seedHourly();

    std::unique_ptr<VodTestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_home;
    QDateTime m_now;
};

void TestStuck::init()
{
    m_server = std::make_unique<VodTestServer>();
    QVERIFY(m_server->listen());
    m_home = std::make_unique<QTemporaryDir>();
    m_now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
}

CliRun TestStuck::run(const QStringList &args, const QByteArray &input,
                      const QMap<QString, QString> &env)
{
    return CliRunner(*m_server, m_home->path()).run(args, input, env);
}

QStringList TestStuck::stuckArgs(const QStringList &more) const
{
    return QStringList {u"stuck"_s, u"--endpoint"_s, m_server->url().toString(), u"--history-db"_s,
                        m_home->filePath(u"history.sqlite"_s)}
    + more;
}

void TestStuck::seedHourly()
{
    for (int i = 0; i < 30; ++i) {
        m_server->addListedAsset(id(i), m_now.addSecs(-(i * 3600 + 1800)));
        m_server->setListedTitle(id(i), u"clip %1"_s.arg(i));
    }
    // Not stuck: confirmed already, and one older than the default year.
    m_server->addListedAsset(id(100), m_now.addSecs(-7200));
    m_server->setAssetStatus(id(100), u"CREATED"_s);
    m_server->addListedAsset(id(101), m_now.addDays(-400));
}

void TestStuck::listsInEveryFormat()
{
    seedHourly();
    m_server->setListedTitle(id(3), u"=HYPERLINK(\"x\")\n\u001b[31m"_s);

    // JSON: one object per upload, newest first, machine fields.
    CliRun r = run(stuckArgs({u"--output"_s, u"json"_s}));
    QCOMPARE(r.exitCode, 0);
    const QList<QJsonObject> json = r.json();
    QCOMPARE(json.size(), 30);
    for (int i = 0; i < 30; ++i) {
        const QJsonObject &o = json.at(i);
        QCOMPARE(o.value("asset_id"_L1).toString(), id(i));
        QCOMPARE(o.value("created_at"_L1).toString(), iso(m_now.addSecs(-(i * 3600 + 1800))));
        const qint64 age = o.value("age_seconds"_L1).toInteger();
        QVERIFY2(age >= i * 3600 + 1800 && age < i * 3600 + 1800 + 120, qPrintable(o.keys()[0]));
        if (i != 3)
            QCOMPARE(o.value("title"_L1).toString(), u"clip %1"_s.arg(i));
    }
    QVERIFY2(r.err.contains("30 stuck upload"), r.err.constData());
    // The range said in the summary: the default year up to now.
    QVERIFY2(r.err.contains(iso(m_now.addDays(-365)).left(13).toUtf8()), r.err.constData());

    // CSV: the same columns, a title that looks like a formula neutralised.
    r = run(stuckArgs({u"--output"_s, u"csv"_s}));
    QCOMPARE(r.exitCode, 0);
    const QList<QStringList> rows = parseCsv(r.out);
    QCOMPARE(rows.size(), 31);
    QCOMPARE(rows.first(),
             (QStringList {u"asset_id"_s, u"title"_s, u"created_at"_s, u"age_seconds"_s}));
    QCOMPARE(rows.at(1).at(0), id(0));
    QCOMPARE(rows.at(4).at(1).left(2), u"'="_s);
    QCOMPARE(rows.at(30).at(2), iso(m_now.addSecs(-(29 * 3600 + 1800))));

    // Text: aligned columns under a header, ages for people, control characters escaped.
    r = run(stuckArgs());
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 31);
    QVERIFY2(lines.first().startsWith("ASSET ID"), lines.first().constData());
    const qsizetype createdColumn = lines.first().indexOf("CREATED");
    const qsizetype titleColumn = lines.first().indexOf("TITLE");
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QCOMPARE(lines.at(i).indexOf(iso(m_now.addSecs(-((i - 1) * 3600 + 1800))).toUtf8()),
                 createdColumn);
        QVERIFY2(lines.at(i).indexOf("clip") == titleColumn || i == 4, lines.at(i).constData());
    }
    QVERIFY2(lines.at(1).contains(" 0m  clip 0") || lines.at(1).contains(" 30m  clip 0"),
             lines.at(1).constData());
    QVERIFY2(lines.at(26).contains("1d 1h  clip 25"), lines.at(26).constData());
    // The client made the title safe to show: control characters became spaces.
    QVERIFY2(lines.at(4).contains("=HYPERLINK(\"x\")  [31m"), lines.at(4).constData());
    QVERIFY(!r.out.contains('\x1b'));
    QCOMPARE(m_server->counters().requests(Route::AssetList), 3);
}

void TestStuck::filtersByAgeAndCreationTime_data()
{
    QTest::addColumn<QStringList>("args"); // "-Nh" in a value: N hours before now
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("last");
    QTest::newRow("older than 10h") << QStringList {u"--older-than"_s, u"10h"_s} << 10 << 29;
    QTest::newRow("older than 600m") << QStringList {u"--older-than"_s, u"600m"_s} << 10 << 29;
    QTest::newRow("older than 1d") << QStringList {u"--older-than"_s, u"1d"_s} << 24 << 29;
    QTest::newRow("created before") << QStringList {u"--created-before"_s, u"-5h"_s} << 5 << 29;
    QTest::newRow("created after") << QStringList {u"--created-after"_s, u"-20h"_s} << 0 << 19;
    QTest::newRow("between") << QStringList {u"--created-after"_s, u"-20h"_s, u"--created-before"_s,
                                             u"-5h"_s}
                             << 5 << 19;
    QTest::newRow("between, older than wins")
            << QStringList {u"--created-after"_s, u"-20h"_s, u"--created-before"_s, u"-5h"_s,
                            u"--older-than"_s,    u"12h"_s}
            << 12 << 19;
    QTest::newRow("before wins over older than")
            << QStringList {u"--created-before"_s, u"-15h"_s, u"--older-than"_s, u"2h"_s} << 15
            << 29;
}

void TestStuck::filtersByAgeAndCreationTime()
{
    QFETCH(QStringList, args);
    QFETCH(int, first);
    QFETCH(int, last);
    seedHourly();
    for (QString &a : args) {
        if (a.startsWith(u'-') && a.endsWith(u'h') && a.mid(1, a.size() - 2).toInt() > 0)
            a = iso(m_now.addSecs(-3600 * a.mid(1, a.size() - 2).toInt()));
    }
    const CliRun r = run(stuckArgs(args + QStringList {u"--output"_s, u"json"_s}));
    QCOMPARE(r.exitCode, 0);
    QStringList ids;
    for (const QJsonObject &o : r.json())
        ids.append(o.value("asset_id"_L1).toString());
    QStringList expected;
    for (int i = first; i <= last; ++i)
        expected.append(id(i));
    QCOMPARE(ids, expected);
}

void TestStuck::listsPast20000Completely()
{
    m_server->seedListedAssets(20500, m_now.addDays(-300), m_now.addDays(-1), 31);
    const QStringList expected = m_server->creatingAssetIds();
    const CliRun r = run(stuckArgs({u"--output"_s, u"csv"_s, u"--list-rate"_s, u"12000"_s}));
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.contains("warning")); // above the standard quota, said once
    QList<QStringList> rows = parseCsv(r.out);
    QCOMPARE(rows.takeFirst().first(), u"asset_id"_s);
    QStringList ids;
    for (const QStringList &row : std::as_const(rows))
        ids.append(row.first());
    QCOMPARE(ids.size(), 20500);
    QVERIFY(ids == expected); // every one, once, newest first
    QVERIFY2(r.err.contains("stuck upload"), r.err.constData());
    QCOMPARE(m_server->counters().requests(Route::Confirm), 0);
}

void TestStuck::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("duration unit")
            << QStringList {u"--older-than"_s, u"90x"_s} << QByteArray("--older-than must be");
    QTest::newRow("duration zero")
            << QStringList {u"--older-than"_s, u"0m"_s} << QByteArray("--older-than must be");
    QTest::newRow("duration negative")
            << QStringList {u"--older-than"_s, u"-5h"_s} << QByteArray("--older-than must be");
    QTest::newRow("duration without unit")
            << QStringList {u"--older-than"_s, u"90"_s} << QByteArray("such as 90m, 2h, 3d");
    QTest::newRow("date") << QStringList {u"--created-before"_s, u"yesterday"_s}
                          << QByteArray("--created-before must be an ISO 8601 date");
    QTest::newRow("date after") << QStringList {u"--created-after"_s, u"2026-13-01"_s}
                                << QByteArray("--created-after must be an ISO 8601 date");
    QTest::newRow("after later than before") << QStringList {u"--created-after"_s, u"2025-06-01"_s,
                                                             u"--created-before"_s, u"2025-05-01"_s}
                                             << QByteArray("Nothing can match");
    QTest::newRow("after later than older-than") << QStringList {
            u"--created-after"_s, QDateTime::currentDateTimeUtc().addDays(-1).toString(Qt::ISODate),
            u"--older-than"_s, u"2d"_s} << QByteArray("Nothing can match");
    QTest::newRow("future after") << QStringList {u"--created-after"_s, u"2999-01-01"_s}
                                  << QByteArray("is in the future");
    QTest::newRow("future before") << QStringList {u"--created-before"_s, u"2999-01-01"_s}
                                   << QByteArray("is in the future");
    QTest::newRow("two actions") << QStringList {u"--cancel"_s, u"--confirm"_s, u"--yes"_s}
                                 << QByteArray("exclude each other");
    QTest::newRow("list rate") << QStringList {u"--list-rate"_s, u"12001"_s}
                               << QByteArray("--list-rate must be a whole number from 1 to 12000");
    QTest::newRow("a file") << QStringList {u"ids.txt"_s} << QByteArray("takes no file");
    QTest::newRow("output") << QStringList {u"--output"_s, u"xml"_s}
                            << QByteArray("--output must be");
}

void TestStuck::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, message);
    const CliRun r = run(stuckArgs(args));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), r.err.constData());
    QCOMPARE(m_server->counters().totalRequests, 0);
}

void TestStuck::aBadPageKeepsWhatWasListedAndSaysHowToGoOn()
{
    m_server->seedListedAssets(1000, m_now.addDays(-30), m_now.addDays(-1), 32);
    const QStringList expected = m_server->creatingAssetIds();
    // The fourth request gets half a JSON answer; one attempt per page, so the listing ends.
    m_server->scriptNextList({Fault::None, Fault::None, Fault::None, Fault::TruncatedJson});
    CliRun r = run(stuckArgs({u"--output"_s, u"json"_s, u"--max-attempts"_s, u"1"_s}));
    QCOMPARE(r.exitCode, 1);
    QStringList listed;
    for (const QJsonObject &o : r.json())
        listed.append(o.value("asset_id"_L1).toString());
    QCOMPARE(listed, expected.mid(0, 300)); // what was listed before the bad page, in order
    QVERIFY2(r.err.contains("not complete JSON"), r.err.constData());
    QVERIFY2(r.err.contains("300 asset"), r.err.constData());

    // The command to go on lists from where it stopped to the same start.
    const QRegularExpressionMatch m = QRegularExpression(u"To list the rest: (\\S+) (.*)$"_s,
                                                         QRegularExpression::MultilineOption)
                                              .match(QString::fromUtf8(r.err));
    QVERIFY2(m.hasMatch(), r.err.constData());
    const QStringList words = m.captured(2).split(u' ');
    QVERIFY2(!m.captured(2).contains(u'\''), qPrintable(m.captured(2)));
    QCOMPARE(words.first(), u"stuck"_s);
    QVERIFY(words.contains(u"--max-attempts"_s));
    r = run(words);
    QCOMPARE(r.exitCode, 0);
    QStringList rest;
    for (const QJsonObject &o : r.json())
        rest.append(o.value("asset_id"_L1).toString());
    // The rest, starting again with the second where the listing stopped: nothing is missing.
    QVERIFY(!rest.isEmpty());
    const qsizetype overlap = listed.size() - listed.indexOf(rest.first());
    QVERIFY2(overlap >= 1 && overlap < 100, qPrintable(QString::number(overlap)));
    QCOMPARE(listed.mid(0, listed.size() - overlap) + rest, expected);
}

void TestStuck::bulkCancelSendsOneConfirmPerListedAsset()
{
    seedHourly();
    const CliRun r = run(stuckArgs({u"--cancel"_s, u"--yes"_s, u"--older-than"_s, u"5h"_s,
                                    u"--output"_s, u"json"_s, u"--rate-limit"_s, u"6000"_s}));
    QCOMPARE(r.exitCode, 0);
    const QList<QJsonObject> results = r.json();
    QCOMPARE(results.size(), 25);
    for (const QJsonObject &o : results) {
        QCOMPARE(o.value("outcome"_L1).toString(), u"confirmed"_s);
        QCOMPARE(o.value("status"_L1).toString(), u"CANCELLED"_s);
    }
    // Exactly one CANCELLED confirm for each upload listed, none for the others.
    const VodTestServer::Counters &c = m_server->counters();
    QCOMPARE(c.confirmRequestsTotal(), 25);
    for (int i = 0; i < 30; ++i) {
        QCOMPARE(c.confirmRequests.value(id(i)), i >= 5 ? 1 : 0);
        QCOMPARE(m_server->assetStatus(id(i)), i >= 5 ? u"CANCELLED"_s : u"CREATING"_s);
    }
    QVERIFY2(r.err.contains("Batch "), r.err.constData());

    // The history has the batch, finished, one attempt per asset.
    CliRun h = run({u"history"_s, u"--history-db"_s, m_home->filePath(u"history.sqlite"_s),
                    u"--output"_s, u"json"_s});
    QCOMPARE(h.exitCode, 0);
    QCOMPARE(h.json().size(), 25);
    QSet<QString> batches;
    for (const QJsonObject &o : h.json()) {
        QCOMPARE(o.value("target_status"_L1).toString(), u"CANCELLED"_s);
        batches.insert(o.value("batch_id"_L1).toString());
    }
    QCOMPARE(batches.size(), 1);
    h = run({u"history"_s, u"--history-db"_s, m_home->filePath(u"history.sqlite"_s),
             u"--unfinished"_s});
    QCOMPARE(h.out, QByteArray());

    // Listed again: only what was left.
    const CliRun again = run(stuckArgs({u"--output"_s, u"json"_s}));
    QCOMPARE(again.json().size(), 5);
}

void TestStuck::refusesWithoutYesWhenNotOnATerminal()
{
    seedHourly();
    for (const QString &action : {u"--cancel"_s, u"--confirm"_s, u"--mark-failed"_s}) {
        const CliRun r = run(stuckArgs({action}), "y\n");
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--yes"), r.err.constData());
        QVERIFY2(r.err.contains("Nothing was sent"), r.err.constData());
    }
    QCOMPARE(m_server->counters().totalRequests, 0); // not even the listing
}

void TestStuck::asksOnATerminal()
{
    // script(1) gives the command a terminal; what is typed comes from its standard input.
    const QString script = QStandardPaths::findExecutable(u"script"_s);
    if (script.isEmpty())
        QSKIP("script(1) is not installed");
    seedHourly();
    CliRunner runner(*m_server, m_home->path(), script);
    const auto runOnTerminal = [&](const QByteArray &typed) {
        QStringList words {qEnvironmentVariable("VODCONFIRM_BINARY")};
        for (const QString &a : stuckArgs({u"--mark-failed"_s, u"--older-than"_s, u"20h"_s}))
            words << u"'"_s + a + u"'"_s;
        return runner.run({u"-qec"_s, words.join(u' '), u"/dev/null"_s}, typed);
    };
    CliRun r = runOnTerminal("n\n");
    QVERIFY2(r.out.contains("Mark 10 upload"), r.out.constData());
    QVERIFY2(r.out.contains("as failed (status FAILED)? [y/N]"), r.out.constData());
    QVERIFY2(r.out.contains("Nothing was sent"), r.out.constData());
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(m_server->counters().requests(Route::Confirm), 0);

    r = runOnTerminal("y\n");
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 10);
    QCOMPARE(m_server->assetStatus(id(29)), u"UPLOAD_FAILED"_s);
}

void TestStuck::anIncompleteListingIsActedOnAndContinued()
{
    // The listing stops after 300 of 1,000: those 300 are cancelled, the exit code says not
    // everything was done, and the command to go on cancels the rest.
    m_server->seedListedAssets(1000, m_now.addDays(-30), m_now.addDays(-1), 33);
    const QStringList expected = m_server->creatingAssetIds();
    m_server->scriptNextList({Fault::None, Fault::None, Fault::None, Fault::HtmlError502});
    CliRun r = run(stuckArgs({u"--cancel"_s, u"--yes"_s, u"--max-attempts"_s, u"1"_s,
                              u"--rate-limit"_s, u"12000"_s, u"--output"_s, u"json"_s}));
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.json().size(), 300);
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 300);
    for (const QString &id : expected.mid(0, 300))
        QCOMPARE(m_server->assetStatus(id), u"CANCELLED"_s);
    const QRegularExpressionMatch m = QRegularExpression(u"To list the rest: (\\S+) (.*)$"_s,
                                                         QRegularExpression::MultilineOption)
                                              .match(QString::fromUtf8(r.err));
    QVERIFY2(m.hasMatch(), r.err.constData());
    const QStringList words = m.captured(2).split(u' ');
    QVERIFY(words.contains(u"--cancel"_s) && words.contains(u"--yes"_s));
    r = run(words);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().size(), 700);
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 1000); // each once in all
    for (const QString &id : expected)
        QCOMPARE(m_server->assetStatus(id), u"CANCELLED"_s);
}

void TestStuck::refusedCredentialsStopTheListing()
{
    seedHourly();
    const CliRun r = run(stuckArgs({u"--cancel"_s, u"--yes"_s}), {},
                         {{u"HUAWEICLOUD_SDK_SK"_s, u"wrong-secret"_s}});
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(m_server->counters().totalRequests, 1); // never retried
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 0);
    QVERIFY2(r.err.contains("secret key (SK)"), r.err.constData());
}

void TestStuck::interruptStopsTheListing()
{
    // Ctrl+C (SIGINT) while listing: what was listed stays printed, the command to go on is
    // given, and nothing is sent.
    m_server->seedListedAssets(3000, m_now.addDays(-30), m_now.addDays(-1), 34);
    m_server->config().latencyMs = 50;
    const CliRunner runner(*m_server, m_home->path());
    const std::unique_ptr<QProcess> p
            = runner.start(stuckArgs({u"--cancel"_s, u"--yes"_s, u"--list-rate"_s, u"120"_s}));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->counters().requests(Route::AssetList) >= 2, 20000);
    ::kill(pid_t(p->processId()), SIGINT);
    const CliRun r = CliRunner::wait(*p);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("Interrupted"), r.err.constData());
    // Nothing listed was cancelled, so going on means the whole range again, up to the start.
    const QRegularExpressionMatch m
            = QRegularExpression(u"To start again: .* --created-before (\\S+)$"_s,
                                 QRegularExpression::MultilineOption)
                      .match(QString::fromUtf8(r.err));
    QVERIFY2(m.hasMatch(), r.err.constData());
    const QDateTime end = QDateTime::fromString(m.captured(1), Qt::ISODate);
    QVERIFY2(end >= m_now && end < m_now.addSecs(60), qPrintable(m.captured(1)));
    QVERIFY(m_server->counters().requests(Route::AssetList) < 30);
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 0);
}

QTEST_GUILESS_MAIN(TestStuck)
#include "tst_stuck.moc"
