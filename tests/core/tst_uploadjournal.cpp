// The upload journal in the history database (HistoryStore::beginUpload() ...): what an upload
// job writes before each network step is there after a crash, and nothing else is trusted.

#include "rawdb.h"
#include "storage/historystore.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <map>
#include <memory>

using namespace VodConfirm;
using VodConfirm::Test::RawDb;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MB = 1024 * 1024;
const QString AssetId = u"f488337c31c8e4622f1590735b134c65"_s;
constexpr auto ChildEnv = "VODCONFIRM_UPLOADJOURNAL_CHILD";

// A 100 MB file in 20 MB parts: 5 parts, all of 20 MB.
UploadRecord newUpload(const QString &id = HistoryStore::newUploadId())
{
    UploadRecord u;
    u.id = id;
    u.profile = u"default"_s;
    u.region = u"cn-north-4"_s;
    u.projectId = u"0123456789abcdef"_s;
    u.filePath = u"/home/me/Videos/holiday.mp4"_s;
    u.fileSize = 100 * MB + 5;
    u.fileModifiedMs = 1767225600000;
    u.title = u"holiday"_s;
    u.videoType = u"MP4"_s;
    u.description = u"at the sea"_s;
    u.categoryId = 42;
    u.templateGroup = u"hd"_s;
    u.partSize = 20 * MB;
    return u;
}

QString etag(int n)
{
    return u"\"%1\""_s.arg(n, 32, 16, QChar(u'0'));
}

UploadPart partOf(const UploadRecord &u, int n)
{
    return {n, uploadPartSizeAt(u.fileSize, u.partSize, n), etag(n)};
}

// The child process of killedWriterKeepsEveryDurablePart(): journals one upload, then parts
// 1, 2, 3 ... as fast as it can without waiting, and prints "durable N" for every part once the
// store says it is on disk, until it is killed.
int runChild(const QString &dbPath)
{
    HistoryStore store;
    QString error;
    if (!store.open(dbPath, &error)) {
        fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    UploadRecord u = newUpload(u"crash-upload"_s);
    u.fileSize = 9000 * UploadLimits::MinPartSize;
    u.partSize = UploadLimits::MinPartSize;
    if (!store.waitDurable(store.beginUpload(u), &error)
        || !store.waitDurable(store.recordAssetCreated(u.id, AssetId, {}, u"bucket-1"_s, u"o/k"_s))
        || !store.waitDurable(store.recordMultipartStarted(u.id, u"UPLOAD-1"_s)))
        return 3;
    std::map<quint64, int> waiting; // ticket -> part
    QObject::connect(&store, &HistoryStore::uploadWritesDurable, [&](quint64 ticket) {
        while (!waiting.empty() && waiting.begin()->first <= ticket) {
            printf("durable %d\n", waiting.begin()->second);
            waiting.erase(waiting.begin());
        }
        fflush(stdout);
    });
    int next = 1;
    QTimer writer;
    QObject::connect(&writer, &QTimer::timeout, [&] {
        if (next > u.partCount())
            return;
        const quint64 ticket = store.recordPartDone(u.id, partOf(u, next));
        if (ticket == 0)
            QCoreApplication::exit(4);
        waiting.emplace(ticket, next++);
    });
    writer.start(0);
    return QCoreApplication::exec();
}

} // namespace

class TestUploadJournal : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void roundTripThroughEveryStep();
    void unfinishedUploadsAreTheResumable();
    void invalidWritesAreRefused();
    void partOfUnknownUploadDoesNotBlockLaterWrites();
    void migratesVersion4File();
    void killedWriterKeepsEveryDurablePart();
    void hostileRowsRefused_data();
    void hostileRowsRefused();

private:
    QString dbPath() const { return m_dir->filePath(u"history.sqlite"_s); }
    std::unique_ptr<HistoryStore> openStore()
    {
        auto store = std::make_unique<HistoryStore>();
        QString error;
        if (!store->open(dbPath(), &error)) {
            qWarning() << error;
            return nullptr;
        }
        return store;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestUploadJournal::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestUploadJournal::cleanup()
{
    m_dir.reset();
}

void TestUploadJournal::roundTripThroughEveryStep()
{
    auto store = openStore();
    QVERIFY(store);
    QSignalSpy durable(store.get(), &HistoryStore::uploadWritesDurable);
    UploadRecord u = newUpload();
    const auto begun = store->beginUpload(u);
    QVERIFY(begun > 0);
    QVERIFY(store->waitDurable(begun));
    QVERIFY(store->isDurable(begun));

    const auto created = store->recordAssetCreated(u.id, AssetId, {}, u"vod-bucket"_s,
                                                   u"origin/holiday.mp4"_s);
    const auto started = store->recordMultipartStarted(u.id, u"0000018A3B2C4D5E"_s);
    QList<HistoryStore::UploadTicket> parts;
    for (int n : {2, 1, 5})
        parts.append(store->recordPartDone(u.id, partOf(u, n)));
    // The same part again (sent again after an answer was lost): the later ETag wins.
    UploadPart again = partOf(u, 2);
    again.etag = etag(222);
    parts.append(store->recordPartDone(u.id, again));
    QVERIFY(created < started && started < parts.first() && parts.first() < parts.last());
    QVERIFY(store->waitDurable(parts.last()));
    // A durable ticket means every earlier one is durable too.
    for (auto t : {created, started, parts.at(0), parts.at(1), parts.at(2)})
        QVERIFY(store->isDurable(t));
    QTRY_COMPARE(durable.isEmpty() ? 0 : durable.last().at(0).toULongLong(), parts.last());

    QString error;
    std::optional<UploadRecord> read = store->upload(u.id, &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->state, UploadState::Uploading);
    QCOMPARE(read->assetId, AssetId);
    QCOMPARE(read->bucket, u"vod-bucket"_s);
    QCOMPARE(read->objectKey, u"origin/holiday.mp4"_s);
    QCOMPARE(read->obsUploadId, u"0000018A3B2C4D5E"_s);
    QCOMPARE(read->filePath, u.filePath);
    QCOMPARE(read->fileSize, u.fileSize);
    QCOMPARE(read->fileModifiedMs, u.fileModifiedMs);
    QCOMPARE(read->title, u.title);
    QCOMPARE(read->videoType, u.videoType);
    QCOMPARE(read->description, u.description);
    QCOMPARE(read->categoryId, std::optional<qint64>(42));
    QCOMPARE(read->templateGroup, u.templateGroup);
    QCOMPARE(read->partSize, u.partSize);
    QCOMPARE(read->partCount(), 6);
    QCOMPARE(read->parts, (QList<UploadPart> {partOf(u, 1), again, partOf(u, 5)}));
    QVERIFY(read->createdAt.isValid() && read->updatedAt >= read->createdAt);
    QVERIFY(!read->running);

    // The last part is the smaller one.
    QVERIFY(store->waitDurable(store->recordPartDone(u.id, partOf(u, 6))));
    QCOMPARE(store->upload(u.id)->parts.last().size, 5);

    QVERIFY(store->waitDurable(store->recordUploadState(u.id, UploadState::Completed)));
    QVERIFY(store->waitDurable(
            store->recordUploadState(u.id, UploadState::Failed, u"The disk said no."_s)));
    store.reset(); // closed: everything read back below comes from the file
    store = openStore();
    read = store->upload(u.id, &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->state, UploadState::Failed);
    QCOMPARE(read->lastError, u"The disk said no."_s);
    QCOMPARE(read->parts.size(), 4);

    QVERIFY(!store->upload(u"no-such-upload"_s, &error));
    QVERIFY2(error.contains(u"no-such-upload"_s), qPrintable(error));
}

void TestUploadJournal::unfinishedUploadsAreTheResumable()
{
    auto store = openStore();
    QVERIFY(store);
    QStringList ids;
    for (UploadState end :
         {UploadState::New, UploadState::Created, UploadState::Uploading, UploadState::Completed,
          UploadState::Confirmed, UploadState::Failed, UploadState::Cancelled}) {
        UploadRecord u = newUpload();
        u.createdAt = QDateTime::currentDateTimeUtc().addSecs(ids.size());
        store->beginUpload(u);
        if (end != UploadState::New)
            store->recordAssetCreated(u.id, AssetId, {}, u"b-1"_s, u"k"_s);
        if (end != UploadState::New && end != UploadState::Created)
            store->recordMultipartStarted(u.id, u"U1"_s);
        const auto last = store->recordUploadState(u.id, end);
        QVERIFY(store->waitDurable(last));
        ids.append(u.id);
    }
    QString error;
    const QList<UploadRecord> unfinished = store->unfinishedUploads(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList unfinishedIds;
    for (const UploadRecord &u : unfinished) {
        unfinishedIds.append(u.id);
        QVERIFY(u.parts.isEmpty());
    }
    QCOMPARE(unfinishedIds, ids.first(4)); // oldest first; confirmed, failed, cancelled are done

    // Claimed by a live process (this one): running.
    QVERIFY(store->claimBatch(ids.at(1)));
    QVERIFY(store->unfinishedUploads().at(1).running);
    QVERIFY(store->upload(ids.at(1))->running);
    store->releaseBatch(ids.at(1));
    QVERIFY(!store->unfinishedUploads().at(1).running);
}

void TestUploadJournal::invalidWritesAreRefused()
{
    auto store = openStore();
    QVERIFY(store);
    UploadRecord u = newUpload();
    u.filePath = u"relative/holiday.mp4"_s;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"not journaled"_s));
    QCOMPARE(store->beginUpload(u), 0u);
    QString error;
    QVERIFY(!store->waitDurable(0, &error));
    QVERIFY(!error.isEmpty());

    u = newUpload();
    QVERIFY(store->waitDurable(store->beginUpload(u)));
    for (const UploadPart &bad :
         {UploadPart {0, 1, etag(1)}, UploadPart {10001, 1, etag(1)}, UploadPart {1, 0, etag(1)},
          UploadPart {1, 1, u"<x>"_s}, UploadPart {1, 1, QString()}}) {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"not journaled"_s));
        QCOMPARE(store->recordPartDone(u.id, bad), 0u);
    }
    QVERIFY(store->upload(u.id)->parts.isEmpty());

    // A closed store records nothing.
    store->close();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"closed history store"_s));
    QCOMPARE(store->recordPartDone(u.id, partOf(u, 1)), 0u);
}

void TestUploadJournal::partOfUnknownUploadDoesNotBlockLaterWrites()
{
    auto store = openStore();
    QVERIFY(store);
    QSignalSpy failed(store.get(), &HistoryStore::writeFailed);
    const UploadRecord u = newUpload();
    const auto orphan = store->recordPartDone(u"never-begun"_s, partOf(u, 1));
    QVERIFY(store->waitDurable(orphan));
    QVERIFY(store->waitDurable(store->beginUpload(u)));
    QVERIFY(store->waitDurable(store->recordPartDone(u.id, partOf(u, 1))));
    QCOMPARE(store->upload(u.id)->parts.size(), 1);
    QVERIFY(failed.isEmpty());
}

// A history file as version 4 left it (no upload tables) opens, keeps its rows and gains the
// upload journal.
void TestUploadJournal::migratesVersion4File()
{
    {
        auto store = openStore();
        QVERIFY(store);
        HistoryRecord r;
        r.assetId = AssetId;
        r.time = QDateTime::currentDateTimeUtc();
        r.outcome = Outcome::Confirmed;
        store->append(r);
        QVERIFY(store->flush());
    }
    {
        RawDb raw(dbPath());
        QVERIFY(raw.exec(u"DROP TABLE upload_parts"_s));
        QVERIFY(raw.exec(u"DROP TABLE uploads"_s));
        QVERIFY(raw.exec(u"PRAGMA user_version = 4"_s));
    }
    auto store = openStore();
    QVERIFY(store);
    {
        RawDb raw(dbPath());
        QCOMPARE(raw.scalar(u"PRAGMA user_version"_s).toInt(), 5);
    }
    QCOMPARE(store->count(), 1);
    const UploadRecord u = newUpload();
    QVERIFY(store->waitDurable(store->beginUpload(u)));
    QVERIFY(store->waitDurable(store->recordPartDone(u.id, partOf(u, 3))));
    QCOMPARE(store->upload(u.id)->parts.size(), 1);
}

// kill -9 while parts are being journaled: every part the child was told is durable is in the
// file, the file holds nothing but whole parts, in the order they were written (1..m), and the
// upload reads back valid.
void TestUploadJournal::killedWriterKeepsEveryDurablePart()
{
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(ChildEnv), dbPath());
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForStarted());

    int reported = 0;
    QByteArray buffer;
    while (reported < 300) {
        QVERIFY2(child.state() == QProcess::Running || child.bytesAvailable() > 0,
                 "the child ended early");
        child.waitForReadyRead(5000);
        buffer += child.readAllStandardOutput();
        qsizetype eol;
        while ((eol = buffer.indexOf('\n')) >= 0) {
            const QByteArray line = buffer.left(eol);
            buffer.remove(0, eol + 1);
            QVERIFY2(line.startsWith("durable "), line.constData());
            const int n = line.mid(8).toInt();
            QCOMPARE(n, reported + 1); // durable in order
            reported = n;
        }
    }
    child.kill(); // SIGKILL: no destructor, no flush
    QVERIFY(child.waitForFinished());
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    auto store = openStore();
    QVERIFY(store);
    QString error;
    const std::optional<UploadRecord> u = store->upload(u"crash-upload"_s, &error);
    QVERIFY2(u, qPrintable(error));
    QCOMPARE(u->state, UploadState::Uploading);
    QCOMPARE(u->obsUploadId, u"UPLOAD-1"_s);
    QVERIFY2(
            u->parts.size() >= reported,
            qPrintable(u"%1 parts survived, %2 were durable"_s.arg(u->parts.size()).arg(reported)));
    for (int i = 0; i < u->parts.size(); ++i)
        QCOMPARE(u->parts.at(i), partOf(*u, i + 1));
    qInfo("%d parts reported durable, %lld on disk after kill -9", reported,
          qint64(u->parts.size()));
}

void TestUploadJournal::hostileRowsRefused_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("says");
    const QString part = u"INSERT INTO upload_parts VALUES ('%1', %2, %3, '%4', 0)"_s;
    QTest::newRow("part number 0") << part.arg(u"ID"_s, u"0"_s, u"1"_s, u"e"_s) << u"part"_s;
    QTest::newRow("part number 10001")
            << part.arg(u"ID"_s, u"10001"_s, u"1"_s, u"e"_s) << u"part"_s;
    QTest::newRow("part past the file") << part.arg(u"ID"_s, u"7"_s, u"5"_s, u"e"_s) << u"7"_s;
    QTest::newRow("part of wrong size")
            << part.arg(u"ID"_s, u"1"_s, QString::number(MB), u"e"_s) << u"1"_s;
    QTest::newRow("last part of wrong size") << part.arg(u"ID"_s, u"6"_s, u"6"_s, u"e"_s) << u"6"_s;
    QTest::newRow("part size as text")
            << part.arg(u"ID"_s, u"6"_s, u"'five'"_s, u"e"_s) << u"part"_s;
    QTest::newRow("etag with markup")
            << part.arg(u"ID"_s, u"6"_s, u"5"_s, u"</ETag>"_s) << u"ETag"_s;
    QTest::newRow("etag too long")
            << part.arg(u"ID"_s, u"6"_s, u"5"_s, QString(129, u'a')) << u"ETag"_s;
    const QString set = u"UPDATE uploads SET %1 WHERE id = 'ID'"_s;
    QTest::newRow("relative path") << set.arg(u"file_path = 'x.mp4'"_s) << u"path"_s;
    QTest::newRow("path with newline")
            << set.arg(u"file_path = '/a' || char(10) || 'b.mp4'"_s) << u"path"_s;
    QTest::newRow("file size 0") << set.arg(u"file_size = 0"_s) << u"size"_s;
    QTest::newRow("file size as text") << set.arg(u"file_size = 'big'"_s) << u"size"_s;
    QTest::newRow("part size too small") << set.arg(u"part_size = 1000"_s) << u"part size"_s;
    QTest::newRow("too many parts")
            << set.arg(u"file_size = 3000000000, part_size = 102400"_s) << u"part size"_s;
    QTest::newRow("unknown state") << set.arg(u"state = 'exploded'"_s) << u"state"_s;
    QTest::newRow("bad asset id") << set.arg(u"asset_id = 'x'"_s) << u"asset id"_s;
    QTest::newRow("upload url not http")
            << set.arg(u"video_upload_url = 'file:///etc/passwd'"_s) << u"URL"_s;
    QTest::newRow("bad OBS upload id") << set.arg(u"obs_upload_id = 'a b'"_s) << u"OBS upload id"_s;
    QTest::newRow("missing OBS upload id")
            << set.arg(u"obs_upload_id = ''"_s) << u"OBS upload id"_s;
    QTest::newRow("title too long")
            << set.arg(u"title = '%1'"_s.arg(QString(129, u'x'))) << u"title"_s;
    QTest::newRow("video type not a type")
            << set.arg(u"video_type = 'mp4; rm'"_s) << u"video type"_s;
}

// Whatever the file says is checked: an upload with an impossible field or part is refused as a
// whole (upload() says what is wrong; unfinishedUploads() leaves it out and says so), never
// half used.
void TestUploadJournal::hostileRowsRefused()
{
    QFETCH(QString, sql);
    QFETCH(QString, says);
    UploadRecord u = newUpload(u"ID"_s);
    UploadRecord good = newUpload();
    {
        auto store = openStore();
        QVERIFY(store);
        for (const UploadRecord &r : {u, good}) {
            store->beginUpload(r);
            store->recordAssetCreated(r.id, AssetId, {}, u"b-1"_s, u"k"_s);
            store->recordMultipartStarted(r.id, u"U1"_s);
            store->recordPartDone(r.id, partOf(r, 2));
        }
        QVERIFY(store->flush());
        QVERIFY(store->upload(u.id));
    }
    {
        RawDb raw(dbPath());
        QVERIFY(raw.exec(sql));
    }
    auto store = openStore();
    QVERIFY(store);
    QString error;
    QVERIFY(!store->upload(u.id, &error));
    QVERIFY2(error.contains(u"damaged"_s) && error.contains(says), qPrintable(error));
    QVERIFY(store->upload(good.id)); // the others are fine

    error.clear();
    const bool partRow = sql.startsWith(u"INSERT"_s);
    if (!partRow)
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"damaged"_s));
    const QList<UploadRecord> unfinished = store->unfinishedUploads(&error);
    // Parts are only read by upload(); the upload's own row is checked by both.
    QCOMPARE(unfinished.size(), partRow ? 2 : 1);
    QCOMPARE(error.isEmpty(), partRow);
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet(ChildEnv)) {
        QCoreApplication app(argc, argv);
        return runChild(qEnvironmentVariable(ChildEnv));
    }
    QCoreApplication app(argc, argv);
    TestUploadJournal test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_uploadjournal.moc"
