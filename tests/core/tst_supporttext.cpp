// SupportText: the "Copy as Command" lines, run by a real POSIX shell (hostile values must arrive
// as they are), the copied vodconfirm line run as is by the built binary against the loopback
// server, and the support bundle of a real batch recorded in a real history file: every attempt
// with its request ID, server text cleaned and bounded, and never a secret.
#include "api/vodclient.h"
#include "clirunner.h"
#include "engine/batchrunner.h"
#include "settings/clientconfig.h"
#include "settings/credentialstore.h"
#include "settings/settings.h"
#include "storage/historystore.h"
#include "support/supporttext.h"
#include "testfixtures.h"
#include "vodtestserver.h"

#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace VodConfirm;
using namespace VodConfirm::Test;
using namespace Qt::StringLiterals;
using Fault = VodTestServer::Fault;

namespace {

// One run of a stand-in program: its name and arguments, and what it read on stdin.
struct Call
{
    QStringList args;
    QByteArray input;
    bool operator==(const Call &) const = default;
};

} // namespace

class TestSupportText : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void shellQuoteRoundTrips_data();
    void shellQuoteRoundTrips();
    void oneAssetGivesTheDocumentedLines();
    void commandsRunAsIsWithHostileValues();
    void copiedLineConfirmsExactlyThat();
    void bundleListsEveryAttemptOfARealBatch();
    void bundleIsBounded();
    void noSecretAnywhere();

private:
    // Runs `script` with /bin/sh, with stand-ins for vodconfirm and hcloud first on PATH that
    // record how they were called; returns the calls in order.
    QList<Call> runWithStandIns(const QString &script);
    // A real batch of `items` against m_server, recorded in m_history.
    BatchSummary runBatch(const Profile &profile, const Credentials &credentials,
                          const QList<ConfirmItem> &items);

    QTemporaryDir m_dir;
};

void TestSupportText::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestSupportText::shellQuoteRoundTrips_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("plain") << u"cn-north-4"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("space") << u"my profile"_s;
    QTest::newRow("single quotes") << u"it's 'quoted' ''"_s;
    QTest::newRow("double quotes") << u"say \"hi\""_s;
    QTest::newRow("dollar") << u"$HOME ${PATH} $(id)"_s;
    QTest::newRow("backticks") << u"`touch /tmp/pwned`"_s;
    QTest::newRow("backslashes") << u"a\\b\\\\c\\'"_s;
    QTest::newRow("newlines") << u"line1\nline2\r\n"_s;
    QTest::newRow("operators") << u"; rm -rf / & | < > * ? [a] ~ # !"_s;
    QTest::newRow("option-like") << u"-n"_s;
    QTest::newRow("unicode") << u"生产 环境 ✓"_s;
    QTest::newRow("tab and escape") << u"\t\x1b[31mred"_s;
}

void TestSupportText::shellQuoteRoundTrips()
{
    QFETCH(QString, value);
    QProcess sh;
    sh.start(u"/bin/sh"_s,
             {u"-c"_s, u"printf '%s|' "_s + SupportText::shellQuote(value) + u" end"_s});
    QVERIFY(sh.waitForFinished());
    QCOMPARE(sh.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(sh.readAllStandardOutput()), value + u"|end|"_s);
    QVERIFY(sh.readAllStandardError().isEmpty());
}

void TestSupportText::oneAssetGivesTheDocumentedLines()
{
    const QString asset = u"0123456789abcdef0123456789abcdef"_s;
    const QString project = u"0a1b2c3d4e5f60718293a4b5c6d7e8f9"_s;
    QCOMPARE(
            SupportText::commandLines({{asset, u"CREATED"_s, u"prod"_s, u"cn-north-4"_s, project}}),
            u"printf '%s\\n' %1 | vodconfirm confirm --profile=prod\n\n"
            // vod-api.md section 7, character for character
            "hcloud VOD ConfirmAssetUpload --cli-region=\"cn-north-4\" "
            "--project_id=\"%2\" --asset_id=\"%1\" --status=\"CREATED\"\n"_s.arg(asset, project));
    QVERIFY(SupportText::commandLines({}).isEmpty());
}

QList<Call> TestSupportText::runWithStandIns(const QString &script)
{
    const QString bin = m_dir.filePath(u"standins"_s);
    const QString capture = m_dir.filePath(u"calls"_s);
    QDir().mkpath(bin);
    QFile::remove(capture);
    for (const QString &name : {u"vodconfirm"_s, u"hcloud"_s}) {
        QFile f(bin + u'/' + name);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        // Arguments NUL-separated, then \1, what came on stdin (vodconfirm only), then \2.
        f.write("#!/bin/sh\n{ printf '%s\\0' \"$(basename \"$0\")\" \"$@\"; printf '\\001'; "
                "[ \"$(basename \"$0\")\" = vodconfirm ] && cat; printf '\\002'; } >> \"$CAPTURE\""
                "\n");
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    QProcess sh;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PATH"_s, bin + u':' + env.value(u"PATH"_s));
    env.insert(u"CAPTURE"_s, capture);
    sh.setProcessEnvironment(env);
    sh.start(u"/bin/sh"_s, {u"-c"_s, script});
    sh.closeWriteChannel();
    if (!sh.waitForFinished() || sh.exitCode() != 0) {
        qWarning() << sh.readAllStandardError();
        return {};
    }
    QFile f(capture);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<Call> calls;
    for (const QByteArray &record : f.readAll().split('\2')) {
        if (record.isEmpty())
            continue;
        const qsizetype split = record.indexOf('\1');
        Call call;
        QByteArrayList args = record.left(split).split('\0');
        args.removeLast(); // after the last NUL
        for (const QByteArray &a : std::as_const(args))
            call.args << QString::fromUtf8(a);
        call.input = record.mid(split + 1);
        calls << call;
    }
    return calls;
}

void TestSupportText::commandsRunAsIsWithHostileValues()
{
    const QString p1 = u"it's \"prod\" $HOME `touch pwned` ; echo x & | \\ -n"_s;
    const QString p2 = u"line\nbreak $(id) '' 中文"_s; // a history file may hold anything
    const QString region = u"cn-north-4'; echo pwned; '"_s;
    const QString project = u"0a1b2c3d4e5f60718293a4b5c6d7e8f9"_s;
    const QString evilId = u"-n $(id) 'x'"_s;
    const QList<SupportTarget> targets {
            {assetId(1), u"FAILED"_s, p1, u"cn-north-4"_s, project},
            {assetId(2), u"CREATED"_s, p2, u"cn-north-4"_s, project},
            {assetId(3), u"FAILED"_s, p1, u"cn-north-4"_s, project},
            {assetId(1), u"FAILED"_s, p1, u"cn-north-4"_s, project}, // the same row twice
            {assetId(4), u"CANCELLED"_s, QString(), region, project},
            {evilId, u"created"_s, p2, u"cn-north-4"_s, project},
            // An escape that could end a terminal's bracketed paste: left out, and said so.
            {assetId(5), u"CREATED"_s, u"x\x1b[201~y"_s, u"cn-north-4"_s, project},
            {assetId(6), u"CREATED"_s, u"prod"_s, u"cn-north-4\u202e"_s, project},
    };
    const QString text = SupportText::commandLines(targets);
    QVERIFY2(text.startsWith(u"# 2 selected row"_s), qPrintable(text));
    QVERIFY(!text.contains(QChar(0x1b)) && !text.contains(QChar(0x202e)));
    const QList<Call> calls = runWithStandIns(text);
    QVERIFY2(!QFile::exists(m_dir.filePath(u"standins/pwned"_s)), qPrintable(text));

    const auto hcloud = [&](const QString &asset, const QString &status, const QString &r) {
        return Call {{u"hcloud"_s, u"VOD"_s, u"ConfirmAssetUpload"_s, u"--cli-region="_s + r,
                      u"--project_id="_s + project, u"--asset_id="_s + asset,
                      u"--status="_s + status},
                     {}};
    };
    const QList<Call> expected {
            // One line per profile and status, each asset once, in the order selected.
            {{u"vodconfirm"_s, u"confirm"_s, u"--profile="_s + p1, u"--status=FAILED"_s},
             (assetId(1) + u'\n' + assetId(3) + u'\n').toUtf8()},
            {{u"vodconfirm"_s, u"confirm"_s, u"--profile="_s + p2},
             (assetId(2) + u'\n' + evilId + u'\n').toUtf8()},
            {{u"vodconfirm"_s, u"confirm"_s, u"--region="_s + region, u"--project-id="_s + project,
              u"--status=CANCELLED"_s},
             (assetId(4) + u'\n').toUtf8()},
            // One KooCLI line per asset.
            hcloud(assetId(1), u"FAILED"_s, u"cn-north-4"_s),
            hcloud(assetId(2), u"CREATED"_s, u"cn-north-4"_s),
            hcloud(assetId(3), u"FAILED"_s, u"cn-north-4"_s),
            hcloud(assetId(4), u"CANCELLED"_s, region),
            hcloud(evilId, u"CREATED"_s, u"cn-north-4"_s),
    };
    QCOMPARE(calls.size(), expected.size());
    for (qsizetype i = 0; i < calls.size(); ++i) {
        QCOMPARE(calls.at(i).args, expected.at(i).args);
        QCOMPARE(calls.at(i).input, expected.at(i).input);
    }
}

void TestSupportText::copiedLineConfirmsExactlyThat()
{
    const QString binary = qEnvironmentVariable("VODCONFIRM_BINARY");
    if (QFileInfo(binary).fileName() != "vodconfirm"_L1)
        QSKIP("needs the built vodconfirm (VODCONFIRM_BINARY, set by ctest)");
    VodTestServer server;
    QVERIFY(server.listen());
    QTemporaryDir home;
    // A name with everything a shell would trip on that a profile name may hold.
    Profile profile = loopbackProfile(server);
    profile.name = u"ops's \"main\" $HOME `id` ;&|<> *"_s;
    QVERIFY(Profile::nameProblem(profile.name).isEmpty());
    {
        Settings settings(home.filePath(u"config/vodconfirm/vodconfirm.ini"_s));
        QVERIFY(settings.saveProfile(profile));
        QVERIFY(settings.sync());
    }
    const QString line = SupportText::commandLines(
                                 {{assetId(11), u"FAILED"_s, profile.name, {}, profile.projectId},
                                  {assetId(12), u"FAILED"_s, profile.name, {}, profile.projectId}})
                                 .section(u'\n', 0, 0);
    QVERIFY2(line.startsWith(u"printf "_s), qPrintable(line));

    // As a user would paste it: the binary on PATH, the profile's SK from the environment (the
    // keychain of this test has none), and nothing else to say which profile or status.
    QProcess sh;
    QProcessEnvironment env = CliRunner(server, home.path()).environment();
    env.insert(u"PATH"_s, QFileInfo(binary).absolutePath() + u':' + env.value(u"PATH"_s));
    env.remove(u"HUAWEICLOUD_SDK_PROJECT_ID"_s);
    sh.setProcessEnvironment(env);
    sh.start(u"/bin/sh"_s, {u"-c"_s, line});
    sh.closeWriteChannel();
    QSignalSpy finished(&sh, &QProcess::finished);
    QVERIFY(finished.wait(60000));
    QVERIFY2(sh.exitCode() == 0, sh.readAllStandardError().constData());
    QCOMPARE(server.counters().confirmRequestsTotal(), 2);
    QCOMPARE(server.counters().confirmRequests.value(assetId(11)), 1);
    QCOMPARE(server.counters().confirmRequests.value(assetId(12)), 1);
    QCOMPARE(server.assetStatus(assetId(11)), u"UPLOAD_FAILED"_s);
    QCOMPARE(server.assetStatus(assetId(12)), u"UPLOAD_FAILED"_s);
}

BatchSummary TestSupportText::runBatch(const Profile &profile, const Credentials &credentials,
                                       const QList<ConfirmItem> &items)
{
    QNetworkAccessManager nam;
    VodClient client(&nam, clientConfig(profile, credentials, 10));
    HistoryStore history;
    if (!history.open(m_dir.filePath(u"history.sqlite"_s)))
        return {};
    BatchRunner runner(&client, &history);
    BatchRunner::Options options;
    options.engine.concurrency = 1;
    options.engine.ratePerMinute = 60000;
    options.engine.baseBackoffMs = 10;
    runner.setOptions(options);
    QSignalSpy finished(&runner, &BatchRunner::finished);
    if (!runner.start(items, {profile.name, profile.regionId, profile.projectId}))
        return {};
    if (!finished.wait(30000))
        return {};
    return finished.first().first().value<BatchSummary>();
}

void TestSupportText::bundleListsEveryAttemptOfARealBatch()
{
    VodTestServer server;
    QVERIFY(server.listen());
    // The server's words are hostile: escapes, line breaks, a bidi override, and far too long.
    const QString evil = u"gone\x1b[2J\r\nFAKE: X-Request-Id: forged\u202e"_s + QString(2000, u'x');
    server.config().missingAssetMessage = evil;
    server.addMissingAsset(assetId(22));
    server.scriptAsset(assetId(21), {Fault::Error503, Fault::Error500});
    const Profile profile = loopbackProfile(server);
    Settings settings(m_dir.filePath(u"bundle.ini"_s));
    QVERIFY(settings.saveProfile(profile));
    const BatchSummary summary = runBatch(
            profile, loopbackCredentials(server),
            {{assetId(21), TargetStatus::Created}, {assetId(22), TargetStatus::Created}});
    QCOMPARE(summary.confirmed, 1);
    QCOMPARE(summary.failed, 1);

    HistoryStore history;
    QVERIFY(history.open(m_dir.filePath(u"history.sqlite"_s)));
    const QString text = SupportText::bundle(
            {{assetId(21), u"CREATED"_s, profile.name, {}, profile.projectId},
             {assetId(22), u"CREATED"_s, profile.name, {}, profile.projectId}},
            &history, &settings);

    HistoryFilter filter;
    filter.assetId = assetId(21);
    const QList<HistoryRecord> attempts = history.find(filter, 0);
    QCOMPARE(attempts.size(), 3); // 503, 500, then 200
    filter.assetId = assetId(22);
    const QList<HistoryRecord> missing = history.find(filter, 0);
    QCOMPARE(missing.size(), 1);
    for (const HistoryRecord &r : attempts + missing) {
        QVERIFY(!r.requestId.isEmpty());
        QVERIFY2(text.contains(u"X-Request-Id: "_s + r.requestId), qPrintable(text));
        QVERIFY2(text.contains(r.time.toString(Qt::ISODateWithMs)), qPrintable(text));
        QVERIFY2(text.contains(u"HTTP status: %1"_s.arg(r.httpStatus)), qPrintable(text));
        QVERIFY2(text.contains(u"Duration: %1 ms"_s.arg(r.durationMs)), qPrintable(text));
    }
    // Oldest first, per asset.
    QVERIFY(text.indexOf(u"HTTP status: 503"_s) < text.indexOf(u"HTTP status: 500"_s));
    QVERIFY(text.indexOf(u"HTTP status: 500"_s) < text.indexOf(u"HTTP status: 200"_s));
    QVERIFY(text.contains(u"Error code: APIGW.0201"_s));
    QVERIFY(text.contains(u"Error code: VOD.10062"_s));
    for (const QString &expected :
         {u"Asset %1"_s.arg(assetId(21)), u"Target status: CREATED"_s, u"Profile: loopback"_s,
          u"Endpoint: "_s + server.url().toString(), u"Project ID: "_s + profile.projectId,
          u"Auth mode: AK/SK"_s, u"App: VOD Confirm " VODCONFIRM_VERSION ""_s,
          u"Qt: "_s + QString::fromLatin1(qVersion()), u"OS: "_s, u"Attempts: 3"_s})
        QVERIFY2(text.contains(expected), qPrintable(expected));

    // The server's message: on its line, without control characters, cut.
    for (const QChar c : text)
        QVERIFY2(c == u'\n' || (c.unicode() >= 0x20 && c.unicode() != 0x7f && c != u'\u202e'),
                 qPrintable(u"U+%1"_s.arg(c.unicode(), 4, 16)));
    QVERIFY(!text.contains(u"\nFAKE"_s));
    const QStringList lines = text.split(u'\n');
    const auto message = std::find_if(lines.cbegin(), lines.cend(),
                                      [](const QString &l) { return l.contains(u"gone"_s); });
    QVERIFY(message != lines.cend());
    QVERIFY2(message->size() < SupportText::MaxMessageChars + 40, qPrintable(*message));
    QVERIFY(message->endsWith(u'…'));
}

void TestSupportText::bundleIsBounded()
{
    QTemporaryDir dir;
    HistoryStore history;
    QVERIFY(history.open(dir.filePath(u"h.sqlite"_s)));
    const QDateTime t0 = QDateTime::currentDateTimeUtc().addDays(-1);
    for (int i = 0; i < 150; ++i) {
        HistoryRecord r;
        r.time = t0.addSecs(i);
        r.assetId = assetId(1);
        r.targetStatus = u"CREATED"_s;
        r.outcome = Outcome::Retrying;
        r.httpStatus = 503;
        r.requestId = u"req-%1"_s.arg(i, 3, 10, QChar(u'0'));
        r.attempt = i + 1;
        history.append(r);
    }
    QVERIFY(history.flush());
    QList<SupportTarget> targets;
    for (int i = 1; i <= SupportText::MaxBundleAssets + 7; ++i)
        targets.append({assetId(i), u"CREATED"_s, {}, u"cn-north-4"_s, {}});
    const QString text = SupportText::bundle(targets, &history, nullptr);
    QVERIFY2(text.contains(u"Attempts: 150, the newest 100 below"_s), qPrintable(text));
    QVERIFY(!text.contains(u"req-049"_s));
    QVERIFY(text.contains(u"req-050"_s) && text.contains(u"req-149"_s));
    QVERIFY(text.indexOf(u"req-050"_s) < text.indexOf(u"req-149"_s));
    QVERIFY(text.contains(u"Asset %1"_s.arg(assetId(SupportText::MaxBundleAssets))));
    QVERIFY(!text.contains(u"Asset %1"_s.arg(assetId(SupportText::MaxBundleAssets + 1))));
    QVERIFY2(text.contains(u"7 more selected asset"_s), qPrintable(text.right(300)));
    QVERIFY(text.contains(u"Endpoint: https://vod.cn-north-4.myhuaweicloud.com"_s));
    // An empty asset ID (a damaged history row) does not list the whole history.
    const QString empty = SupportText::bundle({{}}, &history, nullptr);
    QVERIFY2(empty.contains(u"Attempts: none recorded"_s), qPrintable(empty));
    QVERIFY(!empty.contains(u"req-"_s));
}

void TestSupportText::noSecretAnywhere()
{
    VodTestServer server;
    server.config().securityToken = u"Secret-Security-Token-4711"_s;
    QVERIFY(server.listen());
    Profile profile = loopbackProfile(server);
    profile.useSecurityToken = true;
    profile.proxyMode = ProxyMode::Manual;
    profile.proxyHost = u"127.0.0.1"_s;
    profile.proxyPort = 3128;
    profile.proxyUserName = u"proxy-user"_s;
    Settings settings(m_dir.filePath(u"secrets.ini"_s));
    QVERIFY(settings.saveProfile(profile));
    const QString proxyPassword = u"Proxy-Password-0815"_s;
    // The profile's secrets in the keychain, as the app keeps them.
    CredentialStore *store = sharedCredentialStore();
    QString error;
    const bool keychain = store->writeBlocking(profile.name, SecretKind::SecretKey,
                                               server.config().secretKey, &error)
            && store->writeBlocking(profile.name, SecretKind::SecurityToken,
                                    server.config().securityToken, &error)
            && store->writeBlocking(profile.name, SecretKind::ProxyPassword, proxyPassword, &error);
    if (!keychain && qEnvironmentVariable("VODCONFIRM_EXPECT_KEYCHAIN") == "1"_L1)
        QFAIL(qPrintable(error));

    // A real batch with those credentials (without the proxy: none listens), then both texts.
    Profile direct = profile;
    direct.proxyMode = ProxyMode::None;
    Credentials credentials = loopbackCredentials(server);
    credentials.securityToken = server.config().securityToken;
    QCOMPARE(runBatch(direct, credentials, {{assetId(31), TargetStatus::Created}}).confirmed, 1);
    HistoryStore history;
    QVERIFY(history.open(m_dir.filePath(u"history.sqlite"_s)));
    const QList<SupportTarget> targets {
            {assetId(31), u"CREATED"_s, profile.name, {}, profile.projectId}};
    const QString text = SupportText::commandLines(targets) + u'\n'
            + SupportText::bundle(targets, &history, &settings);
    QVERIFY2(text.contains(u"X-Request-Id: "_s) && text.contains(u"Proxy: manual (http)"_s),
             qPrintable(text));
    for (const QString &secret :
         {server.config().secretKey, server.config().securityToken, proxyPassword,
          u"SDK-HMAC-SHA256"_s, u"Signature="_s, u"Authorization"_s, u"X-Security-Token"_s})
        QVERIFY2(!text.contains(secret, Qt::CaseInsensitive), qPrintable(secret));
    if (keychain)
        QVERIFY(store->removeAllBlocking(profile.name));
}

QTEST_GUILESS_MAIN(TestSupportText)
#include "tst_supporttext.moc"
