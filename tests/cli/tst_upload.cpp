// `vodconfirm upload` and the resume of uploads as a user meets them: the built binary uploads
// files to the in-process loopback server (CreateAssetByFileUpload, OBS single PUT or parts,
// ConfirmAssetUpload), is refused what it cannot upload, is killed with SIGKILL or interrupted
// with SIGINT mid-upload, and `resume` finishes the upload without sending a finished part again.
//
// What "received" means here (VodTestServer::Counters::partsReceived): a part whose whole body
// reached the server with a valid authority. A part cut off mid-body (by the kill, or by the pause
// of Ctrl+C) never arrived whole and is not counted; it is sent again on resume and counted then.
// A part that arrived whole but whose answer the killed process never read is counted once, and
// resume must find it in the server's part list rather than send it again.
#include "clirunner.h"
#include "csvreader.h"
#include "vodtestserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace VodConfirm::Test;
using namespace Qt::StringLiterals;
using Route = VodTestServer::Route;

namespace {
constexpr qint64 KB = 1024;
constexpr qint64 MB = 1024 * KB;

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator(seed).fillRange(reinterpret_cast<quint32 *>(bytes.data()), size_t(size / 4));
    return bytes;
}
} // namespace

class TestUpload : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void smallFileIsOnePutAndConfirmedOnce();
    void multipartFileArrivesByteExactAsCsv();
    void filesThatCannotBeUploadedAreRefused();
    void refusedFileDoesNotStopTheOthers();
    void failedUploadNamesVodsError();
    void badOptionsAreRefused_data();
    void badOptionsAreRefused();
    void refusedCredentialsStopAtOnce();
    void killedAtSixtyPercentResumesEveryPartOnce();
    void interruptKeepsTheUploadResumable();
    void discardCancelsAnInterruptedUpload();
    void interruptWithoutHistoryCancels();
    void nothingToResume();

private:
    QStringList withServer(const QStringList &args, const QString &format = u"json"_s) const;
    QString file(const QString &name, const QByteArray &bytes) const;
    // The one multipart upload the server saw: per part number, how often it arrived whole.
    QMap<int, int> onlyUploadsParts() const;
    // Starts a 40-part upload (20 MB in 512 KB parts) that the server reads at 4 MB/s and waits
    // until `parts` of them have arrived whole.
    void startSlowUpload(int parts, QByteArray *content, std::unique_ptr<QProcess> *process);
    // Checks the asset of `line` (a JSON output line): confirmed once, its object `content`, and
    // the server's parts 1..40 each received exactly once.
    void verifyConfirmedOnce(const QJsonObject &line, const QByteArray &content);

    std::unique_ptr<VodTestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<CliRunner> m_cli;
};

void TestUpload::init()
{
    m_server = std::make_unique<VodTestServer>();
    QVERIFY(m_server->listen());
    m_home = std::make_unique<QTemporaryDir>();
    m_cli = std::make_unique<CliRunner>(*m_server, m_home->path());
}

QStringList TestUpload::withServer(const QStringList &args, const QString &format) const
{
    return args + QStringList {u"--endpoint"_s,   m_server->url().toString(),
                               u"--history-db"_s, m_home->filePath(u"history.sqlite"_s),
                               u"--output"_s,     format};
}

QString TestUpload::file(const QString &name, const QByteArray &bytes) const
{
    const QString path = m_home->filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QMap<int, int> TestUpload::onlyUploadsParts() const
{
    const auto &parts = m_server->counters().partsReceived;
    if (parts.size() != 1) {
        qWarning() << "multipart uploads seen:" << parts.keys();
        return {};
    }
    return parts.cbegin().value();
}

void TestUpload::smallFileIsOnePutAndConfirmedOnce()
{
    const QByteArray content = randomBytes(3 * MB + 17, 1);
    const QString path = file(u"holiday clip.mp4"_s, content);
    const CliRun r = m_cli->run(withServer({u"upload"_s, path, u"--title"_s, u"Holiday"_s}));
    QCOMPARE(r.exitCode, 0);
    const QList<QJsonObject> lines = r.json();
    QCOMPARE(lines.size(), 1);
    const QJsonObject line = lines.constFirst();
    QCOMPARE(line.value("outcome"_L1).toString(), u"confirmed"_s);
    QCOMPARE(line.value("path"_L1).toString(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(line.value("bytes"_L1).toInteger(), content.size());
    QCOMPARE(line.value("bytes_done"_L1).toInteger(), content.size());
    QVERIFY(!line.value("upload_id"_L1).toString().isEmpty());
    QCOMPARE(line.value("error_code"_L1).toString(), QString());
    const QString asset = line.value("asset_id"_L1).toString();
    QVERIFY(VodTestServer::isWellFormedAssetId(asset));
    QCOMPARE(m_server->object(m_server->objectKeyOf(asset)), content);
    QCOMPARE(m_server->counters().creates, 1);
    QCOMPARE(m_server->counters().effectiveConfirms.value(asset), 1);
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 1);
    // Under 20 MB: one PUT, no multipart upload.
    QVERIFY(m_server->counters().partsReceived.isEmpty());
    QCOMPARE(m_server->assetStatus(asset), u"CREATED"_s);
    // Nothing is left to resume.
    const CliRun again = m_cli->run(withServer({u"resume"_s}));
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.err.contains("No interrupted batch or upload"), again.err.constData());
}

void TestUpload::multipartFileArrivesByteExactAsCsv()
{
    // 21 MB + 5 bytes in 2 MB parts: 11 parts, the last one 1 MB + 5 bytes.
    const QByteArray content = randomBytes(21 * MB + 5, 2);
    const QString path = file(u"talk.mov"_s, content);
    const CliRun r = m_cli->run(withServer(
            {u"upload"_s, path, u"--part-size"_s, u"2M"_s, u"--parallel"_s, u"4"_s}, u"csv"_s));
    QCOMPARE(r.exitCode, 0);
    const QList<QStringList> rows = parseCsv(r.out);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0),
             (QStringList {u"path"_s, u"upload_id"_s, u"asset_id"_s, u"outcome"_s, u"bytes"_s,
                           u"bytes_done"_s, u"seconds"_s, u"http_status"_s, u"error_code"_s,
                           u"error_msg"_s, u"request_id"_s}));
    const QStringList row = rows.at(1);
    QCOMPARE(row.at(3), u"confirmed"_s);
    QCOMPARE(row.at(4).toLongLong(), content.size());
    const QString asset = row.at(2);
    QCOMPARE(m_server->object(m_server->objectKeyOf(asset)), content);
    const QMap<int, int> parts = onlyUploadsParts();
    QCOMPARE(parts.size(), 11);
    for (auto it = parts.cbegin(); it != parts.cend(); ++it)
        QCOMPARE(it.value(), 1);
    QCOMPARE(m_server->counters().effectiveConfirms.value(asset), 1);
    QVERIFY(m_server->counters().maxInFlight <= 4 + 1);
}

void TestUpload::filesThatCannotBeUploadedAreRefused()
{
    const QString missing = m_home->filePath(u"missing.mp4"_s);
    const QString notes = file(u"notes.txt"_s, "not a video\n");
    const QString empty = file(u"empty.mp4"_s, {});
    QVERIFY(QDir(m_home->path()).mkdir(u"clips"_s));
    const QString folder = m_home->filePath(u"clips"_s);
    const CliRun r = m_cli->run(withServer({u"upload"_s, missing, notes, empty, folder}));
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    // One line per file, naming it.
    for (const char *name : {"missing.mp4", "notes.txt", "empty.mp4", "clips"})
        QVERIFY2(r.err.contains(name), r.err.constData());
    // The refused type names the types VOD takes.
    QVERIFY2(r.err.contains("MP4"), r.err.constData());
    QCOMPARE(m_server->counters().totalRequests, 0);
}

void TestUpload::refusedFileDoesNotStopTheOthers()
{
    const QByteArray content = randomBytes(200 * KB, 3);
    const QString good = file(u"good.mp4"_s, content);
    const CliRun r = m_cli->run(
            withServer({u"upload"_s, m_home->filePath(u"missing.mp4"_s), good}, u"text"_s));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("missing.mp4"), r.err.constData());
    QVERIFY2(r.out.startsWith("confirmed"), r.out.constData());
    QVERIFY2(r.out.contains(QFileInfo(good).absoluteFilePath().toUtf8()), r.out.constData());
    QCOMPARE(m_server->counters().creates, 1);
    QCOMPARE(m_server->counters().effectiveConfirmsTotal(), 1);
}

void TestUpload::failedUploadNamesVodsError()
{
    // VOD refuses to create the asset: the file fails, its line has VOD's code, message and
    // request id, and the exit status says so.
    m_server->config().requestIdHeader = "req-create-refused";
    m_server->scriptNextAnswer(
            Route::CreateAsset, 400,
            R"({"error_code":"VOD.10053","error_msg":"The template group does not exist."})");
    const QString path = file(u"a.mp4"_s, randomBytes(200 * KB, 10));
    const CliRun r = m_cli->run(withServer({u"upload"_s, path, u"--template-group"_s, u"nope"_s}));
    QCOMPARE(r.exitCode, 1);
    const QJsonObject line = r.json().value(0);
    QCOMPARE(line.value("outcome"_L1).toString(), u"failed"_s);
    QCOMPARE(line.value("http_status"_L1).toInt(), 400);
    QCOMPARE(line.value("error_code"_L1).toString(), u"VOD.10053"_s);
    QCOMPARE(line.value("request_id"_L1).toString(), u"req-create-refused"_s);
    QVERIFY2(line.value("error_msg"_L1).toString().contains(u"template group"_s),
             qPrintable(line.value("error_msg"_L1).toString()));
    QCOMPARE(m_server->counters().effectiveConfirmsTotal(), 0);
    QCOMPARE(m_server->counters().requests(Route::Obs), 0);
}

void TestUpload::badOptionsAreRefused_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString a = u"a.mp4"_s;
    const QString b = u"b.mp4"_s;
    QTest::newRow("title with two files")
            << QStringList {a, b, u"--title"_s, u"T"_s} << u"--title"_s;
    QTest::newRow("part size below 100K")
            << QStringList {a, u"--part-size"_s, u"99K"_s} << u"--part-size"_s;
    QTest::newRow("part size above 5G")
            << QStringList {a, u"--part-size"_s, u"6G"_s} << u"--part-size"_s;
    QTest::newRow("part size not a size")
            << QStringList {a, u"--part-size"_s, u"big"_s} << u"--part-size"_s;
    QTest::newRow("parallel 17") << QStringList {a, u"--parallel"_s, u"17"_s} << u"--parallel"_s;
    QTest::newRow("parallel 0") << QStringList {a, u"--parallel"_s, u"0"_s} << u"--parallel"_s;
    QTest::newRow("limit rate") << QStringList {a, u"--limit-rate"_s, u"fast"_s}
                                << u"--limit-rate"_s;
    QTest::newRow("category") << QStringList {a, u"--category-id"_s, u"-2"_s} << u"--category-id"_s;
    QTest::newRow("title too long")
            << QStringList {a, u"--title"_s, QString(129, u'x')} << u"--title"_s;
    QTest::newRow("no file") << QStringList {} << u"files"_s;
}

void TestUpload::badOptionsAreRefused()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    file(u"a.mp4"_s, randomBytes(200 * KB, 4));
    file(u"b.mp4"_s, randomBytes(200 * KB, 5));
    for (QString &arg : args) {
        if (arg.endsWith(".mp4"_L1))
            arg = m_home->filePath(arg);
    }
    const CliRun r = m_cli->run(withServer(QStringList {u"upload"_s} + args));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    QCOMPARE(m_server->counters().totalRequests, 0);
}

void TestUpload::refusedCredentialsStopAtOnce()
{
    // VOD refuses the secret key: exit 3, the request is not sent again, nothing uploaded.
    const QString path = file(u"a.mp4"_s, randomBytes(200 * KB, 8));
    const CliRun r
            = m_cli->run(withServer({u"upload"_s, path}), {},
                         {{u"HUAWEICLOUD_SDK_SK"_s, u"WrongSecretKey000000000000000000000001"_s}});
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(m_server->counters().authFailures, 1);
    QCOMPARE(m_server->counters().totalRequests, 1);
    QCOMPARE(m_server->counters().creates, 0);
    QVERIFY2(!r.err.contains("WrongSecretKey"), r.err.constData());
}

void TestUpload::startSlowUpload(int parts, QByteArray *content, std::unique_ptr<QProcess> *process)
{
    // Exactly 20 MB: multipart (a single PUT is for files under 20 MB), 40 parts of 512 KB.
    *content = randomBytes(20 * MB, 6);
    const QString path = file(u"lecture.mp4"_s, *content);
    m_server->config().receiveBytesPerSecond = 4 * MB;
    *process = m_cli->start(withServer({u"upload"_s, path, u"--part-size"_s, u"512K"_s}));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->counters().partsReceivedTotal() >= parts, 30000);
}

void TestUpload::verifyConfirmedOnce(const QJsonObject &line, const QByteArray &content)
{
    QCOMPARE(line.value("outcome"_L1).toString(), u"confirmed"_s);
    const QString asset = line.value("asset_id"_L1).toString();
    QCOMPARE(m_server->counters().creates, 1);
    QCOMPARE(m_server->counters().effectiveConfirmsTotal(), 1);
    QCOMPARE(m_server->counters().effectiveConfirms.value(asset), 1);
    QVERIFY(m_server->counters().confirmsAfterEffect.isEmpty());
    QCOMPARE(m_server->object(m_server->objectKeyOf(asset)).size(), content.size());
    QVERIFY(m_server->object(m_server->objectKeyOf(asset)) == content);
    // One multipart upload, its 40 parts each received whole exactly once: none sent again.
    const QMap<int, int> parts = onlyUploadsParts();
    QCOMPARE(parts.size(), 40);
    QCOMPARE(parts.firstKey(), 1);
    QCOMPARE(parts.lastKey(), 40);
    for (auto it = parts.cbegin(); it != parts.cend(); ++it)
        QVERIFY2(it.value() == 1,
                 qPrintable(u"part %1 received %2 times"_s.arg(it.key()).arg(it.value())));
}

void TestUpload::killedAtSixtyPercentResumesEveryPartOnce()
{
    QByteArray content;
    std::unique_ptr<QProcess> p;
    // Answers held back 150 ms: at the kill, parts that arrived whole may still wait for their
    // answer, so the server has them but the journal does not.
    m_server->config().latencyMs = 150;
    startSlowUpload(24, &content, &p);
    if (QTest::currentTestFailed())
        return;
    p->kill(); // SIGKILL
    QVERIFY(p->waitForFinished());
    QCOMPARE(p->exitStatus(), QProcess::CrashExit);
    const QByteArray killedErr = p->readAllStandardError();
    // Whatever the killed process had written reaches the server, or dies with its connection.
    QTest::qWait(300);
    QTRY_COMPARE(m_server->counters().inFlight, 0);
    const int before = m_server->counters().partsReceivedTotal();
    QVERIFY2(before >= 24 && before < 40, qPrintable(QString::number(before)));
    qInfo("killed with %d of 40 parts received whole", before);
    QCOMPARE(m_server->counters().effectiveConfirmsTotal(), 0);

    // The upload was announced with the command that resumes it, and is listed as interrupted.
    const QRegularExpressionMatch m = QRegularExpression(u" resume .* ([0-9a-f-]{36})$"_s,
                                                         QRegularExpression::MultilineOption)
                                              .match(QString::fromUtf8(killedErr));
    QVERIFY2(m.hasMatch(), killedErr.constData());
    const QString uploadId = m.captured(1);
    const CliRun listed = m_cli->run(withServer({u"resume"_s, u"--list"_s}, u"text"_s));
    QCOMPARE(listed.exitCode, 0);
    QVERIFY2(listed.out.contains("upload  " + uploadId.toLatin1()), listed.out.constData());
    const QRegularExpressionMatch journaled
            = QRegularExpression(u"(\\d+) of 40 part"_s).match(QString::fromUtf8(listed.out));
    QVERIFY2(journaled.hasMatch(), listed.out.constData());
    qInfo("the journal had %d of them (the others arrived whole, unanswered)",
          journaled.captured(1).toInt());

    m_server->config().receiveBytesPerSecond = 0;
    m_server->config().latencyMs = 0;
    const CliRun resumed = m_cli->run(withServer({u"resume"_s}));
    QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
    const QList<QJsonObject> lines = resumed.json();
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.constFirst().value("upload_id"_L1).toString(), uploadId);
    verifyConfirmedOnce(lines.constFirst(), content);
    qInfo("resume sent %d parts", m_server->counters().partsReceivedTotal() - before);

    // Finished: nothing is offered any more.
    const CliRun again = m_cli->run(withServer({u"resume"_s, uploadId}));
    QVERIFY(again.exitCode != 0);
    QCOMPARE(m_server->counters().creates, 1);
}

void TestUpload::interruptKeepsTheUploadResumable()
{
    QByteArray content;
    std::unique_ptr<QProcess> p;
    startSlowUpload(12, &content, &p);
    if (QTest::currentTestFailed())
        return;
    ::kill(pid_t(p->processId()), SIGINT);
    const CliRun r = CliRunner::wait(*p);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("Interrupted"), r.err.constData());
    const QList<QJsonObject> lines = r.json();
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.constFirst().value("outcome"_L1).toString(), u"paused"_s);
    const QString uploadId = lines.constFirst().value("upload_id"_L1).toString();
    // Paused, not cancelled: the multipart upload is still open, nothing confirmed.
    QCOMPARE(m_server->openUploads().size(), 1);
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 0);

    // The exact command it printed resumes it (run by the shell as a user would paste it).
    const QRegularExpressionMatch m = QRegularExpression(u"^To resume: (\\S+) (resume .*)$"_s,
                                                         QRegularExpression::MultilineOption)
                                              .match(QString::fromUtf8(r.err));
    QVERIFY2(m.hasMatch(), r.err.constData());
    QCOMPARE(m.captured(1), QFileInfo(qEnvironmentVariable("VODCONFIRM_BINARY")).fileName());
    QVERIFY2(m.captured(2).endsWith(uploadId), qPrintable(m.captured(2)));
    m_server->config().receiveBytesPerSecond = 0;
    QProcess shell;
    shell.setProcessEnvironment(m_cli->environment());
    shell.start(u"/bin/sh"_s,
                {u"-c"_s, u"\"$0\" "_s + m.captured(2) + u" --output json"_s,
                 qEnvironmentVariable("VODCONFIRM_BINARY")});
    const CliRun resumed = CliRunner::wait(shell);
    QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
    QCOMPARE(resumed.json().size(), 1);
    verifyConfirmedOnce(resumed.json().constFirst(), content);
}

void TestUpload::discardCancelsAnInterruptedUpload()
{
    QByteArray content;
    std::unique_ptr<QProcess> p;
    startSlowUpload(8, &content, &p);
    if (QTest::currentTestFailed())
        return;
    ::kill(pid_t(p->processId()), SIGINT);
    const CliRun r = CliRunner::wait(*p);
    QCOMPARE(r.exitCode, 1);
    const QString uploadId = r.json().value(0).value("upload_id"_L1).toString();
    const QString asset = r.json().value(0).value("asset_id"_L1).toString();
    QVERIFY(!uploadId.isEmpty());
    QCOMPARE(m_server->openUploads().size(), 1);
    const int received = m_server->counters().partsReceivedTotal();

    // Discarded: the multipart upload aborted, the asset CANCELLED, nothing more sent or offered.
    const CliRun discarded = m_cli->run(withServer({u"resume"_s, uploadId, u"--discard"_s}));
    QVERIFY2(discarded.exitCode == 0, discarded.err.constData());
    QCOMPARE(discarded.json().value(0).value("outcome"_L1).toString(), u"cancelled"_s);
    QVERIFY(m_server->openUploads().isEmpty());
    QCOMPARE(m_server->assetStatus(asset), u"CANCELLED"_s);
    QCOMPARE(m_server->counters().partsReceivedTotal(), received);
    const CliRun listed = m_cli->run(withServer({u"resume"_s, u"--list"_s}, u"text"_s));
    QVERIFY2(!listed.out.contains(uploadId.toLatin1()), listed.out.constData());
}

void TestUpload::interruptWithoutHistoryCancels()
{
    // --no-history: nothing could be resumed, so Ctrl+C cancels (multipart upload aborted, the
    // asset CANCELLED) and no resume command is offered.
    const QString path = file(u"lecture.mp4"_s, randomBytes(20 * MB, 9));
    m_server->config().receiveBytesPerSecond = 4 * MB;
    const std::unique_ptr<QProcess> p
            = m_cli->start({u"upload"_s, path, u"--part-size"_s, u"512K"_s, u"--no-history"_s,
                            u"--endpoint"_s, m_server->url().toString(), u"--output"_s, u"json"_s});
    QTRY_VERIFY_WITH_TIMEOUT(m_server->counters().partsReceivedTotal() >= 8, 30000);
    ::kill(pid_t(p->processId()), SIGINT);
    const CliRun r = CliRunner::wait(*p);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.json().value(0).value("outcome"_L1).toString(), u"cancelled"_s);
    const QString asset = r.json().value(0).value("asset_id"_L1).toString();
    QCOMPARE(m_server->assetStatus(asset), u"CANCELLED"_s);
    QVERIFY(m_server->openUploads().isEmpty());
    QVERIFY2(!r.err.contains(" resume "), r.err.constData());
}

void TestUpload::nothingToResume()
{
    // An id that is neither an upload nor a batch of the history is refused, named.
    const QString path = file(u"a.mp4"_s, randomBytes(200 * KB, 7));
    QCOMPARE(m_cli->run(withServer({u"upload"_s, path})).exitCode, 0);
    const QString unknown = u"0123abcd-0000-4000-8000-000000000000"_s;
    const CliRun r = m_cli->run(withServer({u"resume"_s, unknown}));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(unknown.toLatin1()), r.err.constData());
    QCOMPARE(m_server->counters().creates, 1);
}

QTEST_GUILESS_MAIN(TestUpload)
#include "tst_upload.moc"
