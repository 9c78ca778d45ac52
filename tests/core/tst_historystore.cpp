#include "csvreader.h"
#include "engine/resume.h"
#include "rawdb.h"
#include "storage/historystore.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

#include <sys/stat.h>

using namespace VodConfirm;
using VodConfirm::Test::parseCsv;
using VodConfirm::Test::RawDb;
using namespace Qt::StringLiterals;

namespace {

const QDateTime T0 = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);

HistoryRecord record(const QString &assetId, const QDateTime &time, Outcome outcome,
                     const QString &profile = u"default"_s)
{
    HistoryRecord r;
    r.batchId = u"batch-1"_s;
    r.time = time;
    r.profile = profile;
    r.region = u"cn-north-4"_s;
    r.projectId = u"0a1b2c3d4e5f60718293a4b5c6d7e8f9"_s;
    r.assetId = assetId;
    r.targetStatus = u"CREATED"_s;
    r.outcome = outcome;
    r.httpStatus = outcome == Outcome::Confirmed ? 200 : 403;
    r.attempt = 1;
    r.durationMs = 120;
    return r;
}

int historyConnections()
{
    int n = 0;
    for (const QString &name : QSqlDatabase::connectionNames())
        n += name.startsWith("vodconfirm-history"_L1) ? 1 : 0;
    return n;
}

QStringList assetIds(const QList<HistoryRecord> &rows)
{
    QStringList out;
    for (const HistoryRecord &r : rows)
        out << r.assetId;
    return out;
}

} // namespace

class TestHistoryStore : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void roundTripEveryField();
    void followedStateGoesOnTheLatestRow();
    void batches();
    void appendIsFlushedByTimer();
    void thresholdHandsOverWithoutFlush();
    void destructorFlushes();
    void filters_data();
    void filters();
    void paging();
    void queryPlansUseIndexes();
    void readsFromWorkerThread();
    void csvExport();
    void csvExportToUnwritablePath();
    void deleteOlderThan();
    void deleteOlderThanInChunksFromWorkerThread();
    void reopenKeepsDataAndSchema();
    void corruptFileRefused();
    void truncatedFileFailsCleanly();
    void emptyFileBecomesHistory();
    void newFileSetUpByAnotherProcessMeanwhile();
    void foreignDatabaseRefused();
    void newerSchemaRefused();
    void folderCannotBeCreated();
    void writeFailureIsReportedAndRetried();
    void fileHoldsNoSecrets();
    void defaultPathIsInAppData();
    void journalIsOnDiskWhenItReturns();
    void journalReportsTheLatestOutcomePerAsset();
    void schemaOneFileGetsTheJournal();
    void claimsTellRunningFromInterrupted();
    void filesAreForTheOwnerOnly();
    void conflictsAreFoundWhenJournaling();
    void stoppedBatchStaysUnfinishedWithItsReason();
    void newBatchTakesOverWhatAStoppedBatchLeft();
    void outcomeNamesRoundTrip();
    void unknownOutcomesAreNeverSettled();

private:
    QString dbPath() const { return m_dir->filePath(u"history.sqlite"_s); }
    std::unique_ptr<HistoryStore> openStore();
    void fillFilterData(HistoryStore &store);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestHistoryStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<HistoryStore> TestHistoryStore::openStore()
{
    auto store = std::make_unique<HistoryStore>();
    QString error;
    if (!store->open(dbPath(), &error)) {
        qWarning() << error;
        return nullptr;
    }
    return store;
}

void TestHistoryStore::roundTripEveryField()
{
    auto store = openStore();
    QVERIFY(store);
    QVERIFY(store->isOpen());
    QCOMPARE(store->path(), QFileInfo(dbPath()).absoluteFilePath());

    HistoryRecord a;
    a.batchId = u"6f1c2a"_s;
    a.time = QDateTime(QDate(2026, 1, 31), QTime(23, 59, 58, 123), Qt::UTC);
    a.profile = u"prod"_s;
    a.region = u"ap-southeast-1"_s;
    a.projectId = u"0a1b2c3d4e5f60718293a4b5c6d7e8f9"_s;
    a.assetId = u"0123456789abcdef0123456789abcdef"_s;
    a.targetStatus = u"FAILED"_s;
    a.outcome = Outcome::Failed;
    a.httpStatus = 403;
    a.errorCode = u"VOD.10062"_s;
    a.errorMessage = u"媒资不存在 / \"asset\" not found,\r\nsee docs"_s;
    a.requestId = u"9f8e7d6c-req"_s;
    a.attempt = 3;
    a.durationMs = 4321;

    HistoryRecord b; // mostly empty: defaults must survive too
    b.time = a.time.addSecs(1);
    b.assetId = u"fedcba9876543210fedcba9876543210"_s;
    b.outcome = Outcome::NotSent;

    store->append(a);
    store->append(b);
    QCOMPARE(store->pendingCount(), 2);
    QString error;
    QVERIFY2(store->flush(&error), qPrintable(error));
    QCOMPARE(store->pendingCount(), 0);

    const QList<HistoryRecord> rows = store->find({}, 10);
    QCOMPARE(rows.size(), 2);
    QVERIFY(rows[0].id > 0);
    QVERIFY(rows[1].id > 0);
    QVERIFY(rows[0].id != rows[1].id);
    HistoryRecord gotB = rows[0]; // newest first
    HistoryRecord gotA = rows[1];
    QCOMPARE(gotA.time.timeSpec(), Qt::UTC);
    QCOMPARE(gotA.time, a.time);
    gotA.id = 0;
    gotB.id = 0;
    QVERIFY(gotA == a);
    QVERIFY(gotB == b);
    QCOMPARE(gotA.errorMessage, a.errorMessage);
    QCOMPARE(gotB.batchId, QString());
    QCOMPARE(store->count(), 2);

    // An invalid time becomes "now".
    HistoryRecord c = b;
    c.time = QDateTime();
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    store->append(c);
    QVERIFY(store->flush());
    HistoryStore::Filter f;
    f.from = before;
    const QList<HistoryRecord> now = store->find(f, 10);
    QCOMPARE(now.size(), 1);
    QVERIFY(now[0].time <= QDateTime::currentDateTimeUtc());
}

void TestHistoryStore::followedStateGoesOnTheLatestRow()
{
    auto store = openStore();
    store->append(record(u"asset-a"_s, T0, Outcome::Retrying));
    store->append(record(u"asset-a"_s, T0.addSecs(1), Outcome::Confirmed));
    store->append(record(u"asset-b"_s, T0.addSecs(1), Outcome::Confirmed));
    store->recordFollowed(u"batch-1"_s, u"asset-a"_s, u"TRANSCODE_SUCCEED"_s);
    store->recordFollowed(u"batch-2"_s, u"asset-b"_s, u"PUBLISHED"_s); // not its batch
    QVERIFY(store->flush());
    HistoryStore::Filter f;
    f.assetId = u"asset-a"_s;
    const QList<HistoryRecord> a = store->find(f, 10); // newest first
    QCOMPARE(a.size(), 2);
    QCOMPARE(a.at(0).followedState, u"TRANSCODE_SUCCEED"_s);
    QCOMPARE(a.at(1).followedState, QString());
    f.assetId = u"asset-b"_s;
    QCOMPARE(store->find(f, 10).at(0).followedState, QString());
    QCOMPARE(HistoryStore::csvColumns().constLast(), u"followed_state"_s);
    QCOMPARE(HistoryStore::csvFields(a.at(0)).constLast(), u"TRANSCODE_SUCCEED"_s);
}

void TestHistoryStore::batches()
{
    auto store = openStore();
    QVERIFY(store);
    BatchInfo info;
    info.id = u"b-1"_s;
    info.startedAt = T0;
    info.profile = u"prod"_s;
    info.region = u"cn-north-4"_s;
    info.projectId = u"pid"_s;
    info.total = 3;
    QVERIFY(store->journalBatch(info, {}));
    HistoryRecord a1 = record(u"a1"_s, T0.addSecs(1), Outcome::Confirmed);
    a1.batchId = u"b-1"_s;
    store->append(a1);
    HistoryRecord orphan = record(u"a2"_s, T0.addSecs(2), Outcome::Failed);
    orphan.batchId = u"never-begun"_s; // must not be lost to the foreign key
    store->append(orphan);
    QVERIFY(store->flush());

    std::optional<BatchInfo> got = store->batch(u"b-1"_s);
    QVERIFY(got);
    QVERIFY(*got == info);
    QVERIFY(!got->finishedAt.isValid());
    QCOMPARE(store->unfinishedBatches().size(), 2);
    QVERIFY(store->batch(u"never-begun"_s));
    QCOMPARE(store->count(), 2);

    HistoryStore::Filter f;
    f.batchId = u"b-1"_s;
    QCOMPARE(assetIds(store->find(f, 10)), QStringList {u"a1"_s});

    const QDateTime end = T0.addSecs(60);
    store->finishBatch(u"b-1"_s, end);
    QVERIFY(store->flush());
    got = store->batch(u"b-1"_s);
    QVERIFY(got);
    QCOMPARE(got->finishedAt, end);
    const QList<BatchInfo> unfinished = store->unfinishedBatches();
    QCOMPARE(unfinished.size(), 1);
    QCOMPARE(unfinished[0].id, u"never-begun"_s);
    QVERIFY(!store->batch(u"nope"_s));
}

void TestHistoryStore::appendIsFlushedByTimer()
{
    auto store = openStore();
    QVERIFY(store);
    for (int i = 0; i < 5; ++i)
        store->append(record(u"asset-%1"_s.arg(i), T0.addSecs(i), Outcome::Confirmed));
    QCOMPARE(store->pendingCount(), 5);
    QCOMPARE(store->count(), 0); // nothing written yet: append() never touches the disk
    QTRY_COMPARE_WITH_TIMEOUT(store->count(), 5, 3000);
    QCOMPARE(store->pendingCount(), 0);
}

void TestHistoryStore::thresholdHandsOverWithoutFlush()
{
    auto store = openStore();
    QVERIFY(store);
    for (int i = 0; i < HistoryStore::FlushThreshold; ++i)
        store->append(record(u"asset-%1"_s.arg(i), T0.addMSecs(i), Outcome::Confirmed));
    QCOMPARE(store->pendingCount(), 0); // handed to the writer at the threshold
    store->append(record(u"one-more"_s, T0.addSecs(3600), Outcome::Confirmed));
    QCOMPARE(store->pendingCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(store->count(), qint64(HistoryStore::FlushThreshold + 1), 5000);
}

void TestHistoryStore::destructorFlushes()
{
    {
        auto store = openStore();
        QVERIFY(store);
        store->append(record(u"kept"_s, T0, Outcome::Confirmed));
    }
    auto store = openStore();
    QVERIFY(store);
    QCOMPARE(assetIds(store->find({}, 10)), QStringList {u"kept"_s});
}

void TestHistoryStore::fillFilterData(HistoryStore &store)
{
    auto add = [&](const QString &id, int minutes, Outcome outcome, const QString &profile,
                   const QString &code = {}, const QString &message = {},
                   const QString &requestId = {}) {
        HistoryRecord r = record(id, T0.addSecs(minutes * 60), outcome, profile);
        r.errorCode = code;
        r.errorMessage = message;
        r.requestId = requestId;
        store.append(r);
    };
    add(u"aaaa0001"_s, 0, Outcome::Confirmed, u"prod"_s);
    add(u"aaaa0002"_s, 1, Outcome::Failed, u"prod"_s, u"VOD.10062"_s, u"Asset not found"_s,
        u"r-1"_s);
    add(u"aaab0003"_s, 2, Outcome::Retrying, u"test"_s, u"APIGW.0308"_s, u"Rate limited"_s,
        u"r-2"_s);
    add(u"bbbb0004"_s, 3, Outcome::Failed, u"test"_s, u"VOD.10083"_s, u"50% done_state"_s,
        u"r-3"_s);
    add(u"aaaa0001"_s, 4, Outcome::Confirmed, u"prod"_s, {}, {}, u"req-XYZ"_s);
    add(u"a*[?]"_s, 5, Outcome::NotSent, u"prod"_s);
    QVERIFY(store.flush());
}

void TestHistoryStore::filters_data()
{
    QTest::addColumn<HistoryStore::Filter>("filter");
    QTest::addColumn<QStringList>("expected"); // newest first

    auto filter = [](auto setter) {
        HistoryStore::Filter f;
        setter(f);
        return f;
    };
    QTest::newRow("none") << HistoryStore::Filter {}
                          << QStringList {u"a*[?]"_s,    u"aaaa0001"_s, u"bbbb0004"_s,
                                          u"aaab0003"_s, u"aaaa0002"_s, u"aaaa0001"_s};
    QTest::newRow("asset exact") << filter([](auto &f) { f.assetId = u"aaaa0001"_s; })
                                 << QStringList {u"aaaa0001"_s, u"aaaa0001"_s};
    QTest::newRow("asset exact is not a prefix")
            << filter([](auto &f) { f.assetId = u"aaaa"_s; }) << QStringList {};
    QTest::newRow("asset exact is case-sensitive")
            << filter([](auto &f) { f.assetId = u"AAAA0001"_s; }) << QStringList {};
    QTest::newRow("asset prefix") << filter([](auto &f) {
        f.assetId = u"aaaa"_s;
        f.assetIdPrefix = true;
    }) << QStringList {u"aaaa0001"_s, u"aaaa0002"_s, u"aaaa0001"_s};
    QTest::newRow("asset prefix wider") << filter([](auto &f) {
        f.assetId = u"aa"_s;
        f.assetIdPrefix = true;
    }) << QStringList {u"aaaa0001"_s, u"aaab0003"_s, u"aaaa0002"_s, u"aaaa0001"_s};
    QTest::newRow("asset prefix with glob characters") << filter([](auto &f) {
        f.assetId = u"a*[?"_s;
        f.assetIdPrefix = true;
    }) << QStringList {u"a*[?]"_s};
    QTest::newRow("text in error code")
            << filter([](auto &f) { f.text = u"10062"_s; }) << QStringList {u"aaaa0002"_s};
    QTest::newRow("text in message, any case")
            << filter([](auto &f) { f.text = u"rate LIMITED"_s; }) << QStringList {u"aaab0003"_s};
    QTest::newRow("text in request id")
            << filter([](auto &f) { f.text = u"req-xyz"_s; }) << QStringList {u"aaaa0001"_s};
    QTest::newRow("text shared by code prefix") << filter([](auto &f) { f.text = u"VOD."_s; })
                                                << QStringList {u"bbbb0004"_s, u"aaaa0002"_s};
    QTest::newRow("text with LIKE wildcards is literal")
            << filter([](auto &f) { f.text = u"50% done_"_s; }) << QStringList {u"bbbb0004"_s};
    QTest::newRow("text % alone matches only a literal %")
            << filter([](auto &f) { f.text = u"%"_s; }) << QStringList {u"bbbb0004"_s};
    QTest::newRow("outcome") << filter([](auto &f) { f.outcome = Outcome::Failed; })
                             << QStringList {u"bbbb0004"_s, u"aaaa0002"_s};
    QTest::newRow("profile") << filter([](auto &f) { f.profile = u"test"_s; })
                             << QStringList {u"bbbb0004"_s, u"aaab0003"_s};
    QTest::newRow("from inclusive") << filter([](auto &f) { f.from = T0.addSecs(3 * 60); })
                                    << QStringList {u"a*[?]"_s, u"aaaa0001"_s, u"bbbb0004"_s};
    QTest::newRow("to exclusive") << filter([](auto &f) { f.to = T0.addSecs(2 * 60); })
                                  << QStringList {u"aaaa0002"_s, u"aaaa0001"_s};
    QTest::newRow("date range") << filter([](auto &f) {
        f.from = T0.addSecs(60);
        f.to = T0.addSecs(4 * 60);
    }) << QStringList {u"bbbb0004"_s, u"aaab0003"_s, u"aaaa0002"_s};
    QTest::newRow("combined") << filter([](auto &f) {
        f.assetId = u"aaaa"_s;
        f.assetIdPrefix = true;
        f.outcome = Outcome::Confirmed;
        f.profile = u"prod"_s;
        f.from = T0.addSecs(60);
    }) << QStringList {u"aaaa0001"_s};
    QTest::newRow("nothing matches")
            << filter([](auto &f) { f.profile = u"nobody"_s; }) << QStringList {};
}

void TestHistoryStore::filters()
{
    QFETCH(HistoryStore::Filter, filter);
    QFETCH(QStringList, expected);
    auto store = openStore();
    QVERIFY(store);
    fillFilterData(*store);
    QString error;
    const QList<HistoryRecord> rows = store->find(filter, 100, 0, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(assetIds(rows), expected);
    QCOMPARE(store->count(filter), qint64(expected.size()));
}

void TestHistoryStore::paging()
{
    auto store = openStore();
    QVERIFY(store);
    // 25 rows, several sharing a millisecond, so the id must break ties.
    for (int i = 0; i < 25; ++i)
        store->append(record(u"p%1"_s.arg(i, 2, 10, QChar(u'0')), T0.addMSecs((i / 3) * 10),
                             i % 2 ? Outcome::Failed : Outcome::Confirmed));
    QVERIFY(store->flush());

    const QList<HistoryRecord> all = store->find({}, 0);
    QCOMPARE(all.size(), 25);
    for (qsizetype i = 1; i < all.size(); ++i) {
        QVERIFY(all[i - 1].time > all[i].time
                || (all[i - 1].time == all[i].time && all[i - 1].id > all[i].id));
    }
    QCOMPARE(all.first().assetId, u"p24"_s);
    QCOMPARE(all.last().assetId, u"p00"_s);

    QList<HistoryRecord> byOffset;
    for (int offset = 0; offset < 30; offset += 10)
        byOffset += store->find({}, 10, offset);
    QCOMPARE(assetIds(byOffset), assetIds(all));
    QCOMPARE(store->find({}, 10, 20).size(), 5);
    QVERIFY(store->find({}, 10, 30).isEmpty());

    QList<HistoryRecord> byKey = store->find({}, 7);
    while (true) {
        const QList<HistoryRecord> next = store->findAfter({}, byKey.last(), 7);
        if (next.isEmpty())
            break;
        byKey += next;
    }
    QCOMPARE(assetIds(byKey), assetIds(all));

    HistoryStore::Filter failed;
    failed.outcome = Outcome::Failed;
    QCOMPARE(store->count(failed), 12);
    const QList<HistoryRecord> page1 = store->find(failed, 5);
    const QList<HistoryRecord> page2 = store->findAfter(failed, page1.last(), 5);
    QCOMPARE(assetIds(page1 + page2), assetIds(store->find(failed, 10)));
}

void TestHistoryStore::queryPlansUseIndexes()
{
    auto store = openStore();
    QVERIFY(store);
    fillFilterData(*store);
    HistoryStore::Filter f;
    f.assetId = u"aaaa0001"_s;
    QVERIFY2(store->queryPlan(f).join(u'\n').contains("attempts_asset_time"_L1),
             qPrintable(store->queryPlan(f).join(u'\n')));
    f.assetIdPrefix = true;
    QVERIFY2(store->queryPlan(f).join(u'\n').contains("attempts_asset_time"_L1),
             qPrintable(store->queryPlan(f).join(u'\n')));

    HistoryStore::Filter range;
    range.from = T0;
    range.to = T0.addDays(1);
    QVERIFY2(store->queryPlan(range).join(u'\n').contains("attempts_time"_L1),
             qPrintable(store->queryPlan(range).join(u'\n')));

    // Unfiltered, newest first: walks the time index, no sort of the whole table.
    const QString plan = store->queryPlan({}).join(u'\n');
    QVERIFY2(plan.contains("attempts_time"_L1), qPrintable(plan));
    QVERIFY2(!plan.contains("TEMP B-TREE"_L1), qPrintable(plan));
}

void TestHistoryStore::readsFromWorkerThread()
{
    auto store = openStore();
    QVERIFY(store);
    fillFilterData(*store);
    const int connectionsBefore = historyConnections();
    QCOMPARE(connectionsBefore, 2); // the owner's and the writer thread's
    qint64 counted = -1;
    QStringList found;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        HistoryStore::Filter f;
        f.outcome = Outcome::Failed;
        counted = store->count(f);
        found = assetIds(store->find(f, 10));
    }));
    worker->start();
    QVERIFY(worker->wait(10000));
    QCOMPARE(counted, 2);
    QCOMPARE(found, (QStringList {u"bbbb0004"_s, u"aaaa0002"_s}));
    // The worker's private connection is gone again.
    QCOMPARE(historyConnections(), connectionsBefore);
}

void TestHistoryStore::csvExport()
{
    auto store = openStore();
    QVERIFY(store);
    HistoryRecord a = record(u"asset-a"_s, T0, Outcome::Failed);
    a.errorCode = u"VOD.10062"_s;
    a.errorMessage = u"He said \"no\", twice\r\nand then\nagain"_s;
    a.requestId = u"req,1"_s;
    HistoryRecord b = record(u"asset-b"_s, T0.addMSecs(1500), Outcome::Confirmed);
    b.errorMessage = u"媒资 ok"_s;
    HistoryRecord c = record(u"asset-c"_s, T0.addSecs(10), Outcome::NotSent, u"other"_s);
    store->append(a);
    store->append(b);
    store->append(c);
    QVERIFY(store->flush());

    const QString out = m_dir->filePath(u"export.csv"_s);
    HistoryStore::Filter f;
    f.profile = u"default"_s;
    QString error;
    QVERIFY2(store->exportCsv(f, out, &error), qPrintable(error));

    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("id,batch_id,time,profile,region,project_id,asset_id,target_status,"
                             "outcome,http_status,error_code,error_message,request_id,attempt,"
                             "duration_ms,followed_state\r\n"));
    QVERIFY(bytes.endsWith("\r\n"));
    QVERIFY(bytes.contains("\"He said \"\"no\"\", twice\r\nand then\nagain\""));

    const QList<QStringList> rows = parseCsv(bytes);
    QCOMPARE(rows.size(), 3); // header + a + b (c is another profile)
    QCOMPARE(rows[0], HistoryStore::csvColumns());
    const QList<HistoryRecord> stored = store->find(f, 10);
    QCOMPARE(stored.size(), 2);
    const HistoryRecord &sa = stored[1]; // oldest first in the export
    QCOMPARE(rows[1],
             (QStringList {QString::number(sa.id), u"batch-1"_s, u"2026-03-01T12:00:00.000Z"_s,
                           u"default"_s, u"cn-north-4"_s, u"0a1b2c3d4e5f60718293a4b5c6d7e8f9"_s,
                           u"asset-a"_s, u"CREATED"_s, u"failed"_s, u"403"_s, u"VOD.10062"_s,
                           a.errorMessage, u"req,1"_s, u"1"_s, u"120"_s, QString()}));
    QCOMPARE(rows[2][2], u"2026-03-01T12:00:01.500Z"_s);
    QCOMPARE(rows[2][6], u"asset-b"_s);
    QCOMPARE(rows[2][11], u"媒资 ok"_s);
    for (const QStringList &row : rows)
        QCOMPARE(row.size(), HistoryStore::csvColumns().size());

    // Empty result: header only.
    HistoryStore::Filter none;
    none.profile = u"nobody"_s;
    QVERIFY(store->exportCsv(none, out, &error));
    file.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(parseCsv(file.readAll()).size(), 1);
}

void TestHistoryStore::csvExportToUnwritablePath()
{
    auto store = openStore();
    QVERIFY(store);
    QFile blocker(m_dir->filePath(u"not-a-folder"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QString error;
    QVERIFY(!store->exportCsv({}, blocker.fileName() + u"/out.csv"_s, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains("out.csv"_L1), qPrintable(error));
}

void TestHistoryStore::deleteOlderThan()
{
    auto store = openStore();
    QVERIFY(store);
    BatchInfo old;
    old.id = u"old"_s;
    old.startedAt = T0.addDays(-40);
    BatchInfo mixed;
    mixed.id = u"mixed"_s;
    mixed.startedAt = T0.addDays(-31);
    QVERIFY(store->journalBatch(old, {}));
    QVERIFY(store->journalBatch(mixed, {}));
    for (int i = 0; i < 3; ++i) {
        HistoryRecord r = record(u"old-%1"_s.arg(i), T0.addDays(-40).addSecs(i), Outcome::Failed);
        r.batchId = u"old"_s;
        store->append(r);
    }
    HistoryRecord m1 = record(u"mixed-old"_s, T0.addDays(-31), Outcome::Failed);
    m1.batchId = u"mixed"_s;
    HistoryRecord m2 = record(u"mixed-new"_s, T0.addDays(-29), Outcome::Confirmed);
    m2.batchId = u"mixed"_s;
    store->append(m1);
    store->append(m2);
    HistoryRecord fresh = record(u"fresh"_s, T0, Outcome::Confirmed);
    fresh.batchId = QString();
    store->append(fresh);
    QVERIFY(store->flush());
    QCOMPARE(store->count(), 6);

    QList<qint64> progress;
    QString error;
    const qint64 deleted = store->deleteOlderThan(T0.addDays(-30), &error, [&](qint64 n) {
        progress << n;
        return true;
    });
    QVERIFY2(deleted == 4, qPrintable(error));
    QCOMPARE(progress, QList<qint64> {4});
    QCOMPARE(assetIds(store->find({}, 10)), (QStringList {u"fresh"_s, u"mixed-new"_s}));
    QVERIFY(!store->batch(u"old"_s)); // no attempts left: gone
    QVERIFY(store->batch(u"mixed"_s)); // still referenced by a newer attempt
    QCOMPARE(store->deleteOlderThan(T0.addDays(-30)), 0);
}

void TestHistoryStore::deleteOlderThanInChunksFromWorkerThread()
{
    auto store = openStore();
    QVERIFY(store);
    const int rows = HistoryStore::DeleteChunkRows * 2 + 500;
    for (int i = 0; i < rows; ++i)
        store->append(record(u"x%1"_s.arg(i), T0.addSecs(-100000 + i), Outcome::Confirmed));
    store->append(record(u"keep"_s, T0.addDays(1), Outcome::Confirmed));
    QVERIFY(store->flush());

    QList<qint64> progress;
    qint64 deleted = -2;
    QString error;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        deleted = store->deleteOlderThan(T0, &error, [&](qint64 n) {
            progress << n;
            return true;
        });
    }));
    worker->start();
    // The owner thread keeps writing meanwhile.
    store->append(record(u"during"_s, T0.addDays(2), Outcome::Confirmed));
    QVERIFY(worker->wait(60000));
    QVERIFY2(deleted == rows, qPrintable(error));
    QCOMPARE(progress,
             (QList<qint64> {HistoryStore::DeleteChunkRows, HistoryStore::DeleteChunkRows * 2,
                             rows}));
    QVERIFY(store->flush());
    QCOMPARE(assetIds(store->find({}, 10)), (QStringList {u"during"_s, u"keep"_s}));

    // Stopping early through the progress callback.
    for (int i = 0; i < rows; ++i)
        store->append(record(u"y%1"_s.arg(i), T0.addSecs(-100000 + i), Outcome::Confirmed));
    QVERIFY(store->flush());
    const qint64 stopped = store->deleteOlderThan(T0, nullptr, [](qint64) { return false; });
    QCOMPARE(stopped, HistoryStore::DeleteChunkRows);
    QCOMPARE(store->count(), rows - HistoryStore::DeleteChunkRows + 2);

    // The freed pages went back to the file system (auto_vacuum = INCREMENTAL).
    QCOMPARE(store->deleteOlderThan(T0), rows - HistoryStore::DeleteChunkRows);
    store.reset();
    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(u"PRAGMA freelist_count"_s).toInt(), 0);
}

void TestHistoryStore::reopenKeepsDataAndSchema()
{
    {
        auto store = openStore();
        QVERIFY(store);
        store->append(record(u"persist"_s, T0, Outcome::Confirmed));
        QVERIFY(store->flush());
        store->close();
        QVERIFY(!store->isOpen());
        store->close(); // twice is fine
    }
    {
        RawDb raw(dbPath());
        QCOMPARE(raw.scalar(u"PRAGMA user_version"_s).toInt(), HistoryStore::SchemaVersion);
        QCOMPARE(raw.scalar(u"PRAGMA application_id"_s).toInt(), HistoryStore::ApplicationId);
        QCOMPARE(raw.scalar(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
        const QStringList indexes
                = raw.column(u"SELECT name FROM sqlite_master WHERE type = 'index'"
                             " AND name NOT LIKE 'sqlite_%' ORDER BY name"_s);
        QCOMPARE(indexes,
                 (QStringList {u"attempts_asset_time"_s, u"attempts_batch"_s, u"attempts_time"_s,
                               u"uploads_state"_s}));
    }
    auto store = openStore();
    QVERIFY(store);
    QCOMPARE(assetIds(store->find({}, 10)), QStringList {u"persist"_s});
    store->append(record(u"second"_s, T0.addSecs(1), Outcome::Confirmed));
    QVERIFY(store->flush());
    QCOMPARE(store->count(), 2);
}

void TestHistoryStore::corruptFileRefused()
{
    QByteArray garbage;
    for (int i = 0; i < 8192; ++i)
        garbage += char((i * 7919 + 13) % 251);
    {
        QFile f(dbPath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(garbage);
    }
    HistoryStore store;
    QString error;
    QVERIFY(!store.open(dbPath(), &error));
    QVERIFY(!store.isOpen());
    QVERIFY2(error.contains("damaged"_L1), qPrintable(error));
    QVERIFY2(error.contains(u"history.sqlite"_s), qPrintable(error));
    QFile f(dbPath());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), garbage); // untouched
    // Nothing works on a store that failed to open, and nothing crashes.
    QCOMPARE(store.count(), -1);
    QVERIFY(store.find({}, 10).isEmpty());
    QVERIFY(store.flush());
}

void TestHistoryStore::truncatedFileFailsCleanly()
{
    {
        auto store = openStore();
        QVERIFY(store);
        for (int i = 0; i < 5000; ++i)
            store->append(record(u"t%1"_s.arg(i), T0.addSecs(i), Outcome::Confirmed));
    }
    QFile f(dbPath());
    const qint64 size = f.size();
    QVERIFY(size > 100000);
    QVERIFY(f.resize(size / 2)); // a copy cut short, a disk that lost the tail
    HistoryStore store;
    QString error;
    if (!store.open(dbPath(), &error)) {
        QVERIFY2(error.contains("damaged"_L1), qPrintable(error));
        return;
    }
    // Page 1 was intact: the damage shows when the lost pages are read, as an error, not a crash.
    const qint64 n = store.count({}, &error);
    QVERIFY2(n == -1 || n < 5000, qPrintable(QString::number(n)));
    HistoryStore::Filter f2;
    f2.assetId = u"t4999"_s;
    error.clear();
    const QList<HistoryRecord> rows = store.find(f2, 10, 0, &error);
    QVERIFY(rows.isEmpty());
    QVERIFY(!error.isEmpty() || n == -1 || n < 5000);
}

void TestHistoryStore::emptyFileBecomesHistory()
{
    {
        QFile f(dbPath());
        QVERIFY(f.open(QIODevice::WriteOnly)); // 0 bytes: a valid, empty SQLite database
    }
    auto store = openStore();
    QVERIFY(store);
    store->append(record(u"first"_s, T0, Outcome::Confirmed));
    QVERIFY(store->flush());
    QCOMPARE(store->count(), 1);
}

// Two runs start at once on a new history file (twoRunsOfOneFileNeverSendTwice once failed with
// "table batches already exists"): the other one holds the write lock with the schema made but
// not committed when this one opens. This one waits for the lock, sees the schema, and uses it.
void TestHistoryStore::newFileSetUpByAnotherProcessMeanwhile()
{
    const QString templatePath = m_dir->filePath(u"template.sqlite"_s);
    {
        HistoryStore made;
        QVERIFY(made.open(templatePath));
    }
    QStringList schema;
    {
        RawDb made(templatePath);
        schema = made.column(
                u"SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"_s);
        schema << u"PRAGMA application_id = %1"_s.arg(
                made.scalar(u"PRAGMA application_id"_s).toInt())
               << u"PRAGMA user_version = %1"_s.arg(made.scalar(u"PRAGMA user_version"_s).toInt());
    }
    QVERIFY(schema.size() > 5);

    QAtomicInt holding = 0;
    QAtomicInt committed = 0;
    std::unique_ptr<QThread> other(QThread::create([&] {
        {
            RawDb raw(dbPath());
            raw.exec(u"PRAGMA journal_mode = WAL"_s);
            raw.exec(u"BEGIN IMMEDIATE"_s);
            for (const QString &sql : std::as_const(schema))
                raw.exec(sql);
            holding = 1;
            QThread::msleep(400); // this one opens meanwhile, and must wait
            committed = raw.exec(u"COMMIT"_s) ? 1 : -1;
        }
    }));
    other->start();
    QTRY_VERIFY(holding.loadAcquire() == 1);
    HistoryStore store;
    QString error;
    const bool opened = store.open(dbPath(), &error);
    QVERIFY(other->wait(10000));
    QCOMPARE(committed.loadAcquire(), 1); // the other's schema stands
    QVERIFY2(opened, qPrintable(error));
    store.append(record(u"first"_s, T0, Outcome::Confirmed));
    QVERIFY(store.flush());
    QCOMPARE(store.count(), 1);
}

void TestHistoryStore::foreignDatabaseRefused()
{
    {
        RawDb raw(dbPath());
        QVERIFY(raw.exec(u"CREATE TABLE contacts (name TEXT)"_s));
        QVERIFY(raw.exec(u"INSERT INTO contacts VALUES ('Ada')"_s));
    }
    HistoryStore store;
    QString error;
    QVERIFY(!store.open(dbPath(), &error));
    QVERIFY2(error.contains("not a VOD Confirm history"_L1), qPrintable(error));
    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(u"SELECT name FROM contacts"_s).toString(), u"Ada"_s);
    QCOMPARE(raw.scalar(u"SELECT count(*) FROM sqlite_master"_s).toInt(), 1);
}

void TestHistoryStore::newerSchemaRefused()
{
    {
        auto store = openStore();
        QVERIFY(store);
        store->append(record(u"precious"_s, T0, Outcome::Confirmed));
    }
    {
        RawDb raw(dbPath());
        QVERIFY(raw.exec(u"PRAGMA user_version = %1"_s.arg(HistoryStore::SchemaVersion + 1)));
    }
    HistoryStore store;
    QString error;
    QVERIFY(!store.open(dbPath(), &error));
    QVERIFY2(error.contains("newer version"_L1), qPrintable(error));
    QVERIFY2(error.contains(QString::number(HistoryStore::SchemaVersion + 1)), qPrintable(error));
    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(u"PRAGMA user_version"_s).toInt(), HistoryStore::SchemaVersion + 1);
    QCOMPARE(raw.scalar(u"SELECT asset_id FROM attempts"_s).toString(), u"precious"_s);
}

void TestHistoryStore::folderCannotBeCreated()
{
    // A regular file where the folder should be: fails even for root.
    QFile blocker(m_dir->filePath(u"file"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    HistoryStore store;
    QString error;
    QVERIFY(!store.open(blocker.fileName() + u"/sub/history.sqlite"_s, &error));
    QVERIFY2(error.contains("folder"_L1), qPrintable(error));
    QVERIFY(!store.isOpen());

    QVERIFY(!store.open(QString(), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!store.open(m_dir->path(), &error)); // a folder, not a file
    QVERIFY2(error.contains("folder"_L1), qPrintable(error));
}

void TestHistoryStore::writeFailureIsReportedAndRetried()
{
    auto store = openStore();
    QVERIFY(store);
    QSignalSpy failed(store.get(), &HistoryStore::writeFailed);
    {
        RawDb raw(dbPath());
        QVERIFY(raw.exec(u"CREATE TRIGGER refuse BEFORE INSERT ON attempts"
                         " WHEN NEW.asset_id = 'boom'"
                         " BEGIN SELECT RAISE(ABORT, 'disk says no'); END"_s));
    }
    const QRegularExpression warning(u"Could not save . attempt.*disk says no"_s);
    QTest::ignoreMessage(QtWarningMsg, warning);
    QTest::ignoreMessage(QtWarningMsg, warning);
    store->append(record(u"ok-1"_s, T0, Outcome::Confirmed));
    store->append(record(u"boom"_s, T0.addSecs(1), Outcome::Failed));
    QString error;
    QVERIFY(!store->flush(&error));
    QVERIFY2(error.startsWith("Could not save 2 attempt(s) to the history: disk says no."_L1),
             qPrintable(error));
    QCOMPARE(store->count(), 0); // one transaction: all or nothing
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY(failed.at(0).at(0).toString().contains("next write"_L1));

    // The timer path reports too.
    store->append(record(u"ok-2"_s, T0.addSecs(2), Outcome::Confirmed));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 3000);
    QCOMPARE(store->count(), 0);

    {
        RawDb raw(dbPath());
        QVERIFY(raw.exec(u"DROP TRIGGER refuse"_s));
    }
    QVERIFY2(store->flush(&error), qPrintable(error));
    QCOMPARE(assetIds(store->find({}, 10)), (QStringList {u"ok-2"_s, u"boom"_s, u"ok-1"_s}));
    QCOMPARE(failed.size(), 2);
}

void TestHistoryStore::fileHoldsNoSecrets()
{
    const QStringList ids {u"c0ffee00c0ffee00c0ffee00c0ffee01"_s,
                           u"c0ffee00c0ffee00c0ffee00c0ffee02"_s};
    {
        auto store = openStore();
        QVERIFY(store);
        for (const QString &id : ids)
            store->append(record(id, T0, Outcome::Confirmed));
    } // closing the last connection checkpoints the WAL into the main file
    QFile f(dbPath());
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    for (const QString &id : ids)
        QVERIFY2(bytes.contains(id.toUtf8()), qPrintable(id)); // sanity: we read the right bytes

    RawDb raw(dbPath());
    const QRegularExpression credential(
            u"(^|_)(ak|sk|key|secret|password|passwd|token|credential|auth|authorization|"
            "signature|cookie)s?($|_)"_s,
            QRegularExpression::CaseInsensitiveOption);
    int columns = 0;
    for (const QString &table :
         raw.column(u"SELECT name FROM sqlite_master WHERE type = 'table'"_s)) {
        for (const QString &column : raw.column(u"PRAGMA table_info(%1)"_s.arg(table), 1)) {
            ++columns;
            QVERIFY2(!credential.match(column).hasMatch(), qPrintable(table + u'.' + column));
        }
    }
    QCOMPARE(columns, 9 + 16 + 2 + 23 + 5); // batches, attempts, batch_journal, uploads, parts
}

void TestHistoryStore::defaultPathIsInAppData()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString path = HistoryStore::defaultPath();
    QVERIFY(path.endsWith("/history.sqlite"_L1));
    QVERIFY(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    QVERIFY(QFileInfo(QFileInfo(path).absolutePath()).isDir());
}

void TestHistoryStore::outcomeNamesRoundTrip()
{
    // The names are stored in history files and printed by --output: they never change.
    const QList<std::pair<Outcome, QString>> names = {
            {Outcome::Confirmed, u"confirmed"_s},
            {Outcome::Failed, u"failed"_s},
            {Outcome::Retrying, u"retrying"_s},
            {Outcome::NotSent, u"not_sent"_s},
            {Outcome::Skipped, u"skipped"_s},
            {Outcome::AlreadyConfirmed, u"already_confirmed"_s},
    };
    QCOMPARE(recordedOutcomes().size(), names.size());
    for (const auto &[outcome, name] : names) {
        QCOMPARE(QString(outcomeName(outcome)), name);
        QCOMPARE(outcomeFromName(name), outcome);
        QVERIFY(recordedOutcomes().contains(outcome));
    }
    QVERIFY(isSettledOutcome(Outcome::Confirmed) && isSettledOutcome(Outcome::Failed)
            && isSettledOutcome(Outcome::Skipped) && isSettledOutcome(Outcome::AlreadyConfirmed));
    QVERIFY(!isSettledOutcome(Outcome::Retrying) && !isSettledOutcome(Outcome::NotSent)
            && !isSettledOutcome(Outcome::Unknown));
}

// A history file written by a newer version, or tampered with, may hold outcome names this
// version does not know. None of them may pass for "confirmed": the asset is neither skipped as
// confirmed before nor left out of a resume.
void TestHistoryStore::unknownOutcomesAreNeverSettled()
{
    const QStringList hostile = {u"CONFIRMED"_s, u"confirmed "_s,  u"done"_s,
                                 u""_s,          u"confirmed\n"_s, u"skipped;--"_s};
    QList<JournalEntry> assets;
    for (qsizetype i = 0; i < hostile.size(); ++i)
        assets.append({u"%1"_s.arg(i + 1, 32, 16, QChar(u'0')), u"CREATED"_s, {}});
    const QString project = u"0a1b2c3d4e5f60718293a4b5c6d7e8f9"_s; // the project of record()
    {
        auto store = openStore();
        QVERIFY(store);
        BatchInfo batch;
        batch.id = u"batch-1"_s; // the batch of record()
        batch.startedAt = T0;
        batch.projectId = project;
        batch.total = int(assets.size());
        QVERIFY(store->journalBatch(batch, assets));
        for (const JournalEntry &a : std::as_const(assets))
            store->append(record(a.assetId, T0, Outcome::Confirmed));
        QVERIFY(store->flush());
    }
    {
        RawDb raw(dbPath());
        for (qsizetype i = 0; i < hostile.size(); ++i) {
            QVERIFY(raw.exec(u"UPDATE attempts SET outcome = '%1' WHERE asset_id = '%2'"_s.arg(
                    QString(hostile.at(i)).replace(u'\'', u"''"_s), assets.at(i).assetId)));
        }
        QCOMPARE(raw.scalar(u"SELECT count(*) FROM attempts WHERE outcome = 'confirmed'"_s).toInt(),
                 0);
    }
    auto store = openStore();
    QVERIFY(store);
    const QList<HistoryRecord> rows = store->find({}, 0);
    QCOMPARE(rows.size(), hostile.size());
    for (const HistoryRecord &r : rows)
        QCOMPARE(r.outcome, Outcome::Unknown);
    HistoryFilter confirmed;
    confirmed.outcome = Outcome::Confirmed;
    QCOMPARE(store->count(confirmed), 0);

    // A resume sends them again (after reading their state first).
    QString error;
    const std::optional<ResumePlan> plan = planResume(*store, u"batch-1"_s, &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(plan->items.size(), hostile.size());
    QCOMPARE(plan->confirmedBefore, 0);
    for (const ConfirmItem &item : plan->items)
        QVERIFY(item.checkFirst);
    store->releaseBatch(u"batch-1"_s);

    // A new batch of the same assets is not told they were confirmed before.
    BatchInfo next;
    next.id = u"batch-2"_s;
    next.startedAt = T0.addSecs(60);
    next.projectId = project;
    next.total = int(assets.size());
    QVERIFY(store->claimBatch(next.id));
    BatchConflicts conflicts;
    QVERIFY(store->journalBatch(next, assets, &error, &conflicts));
    QVERIFY(conflicts.confirmedIn.isEmpty());
}

QTEST_GUILESS_MAIN(TestHistoryStore)
void TestHistoryStore::journalIsOnDiskWhenItReturns()
{
    auto store = openStore();
    QVERIFY(store);
    store->append(record(u"queued-before"_s, T0, Outcome::Confirmed));
    BatchInfo batch;
    batch.id = u"b-journal"_s;
    batch.startedAt = T0;
    batch.total = 3;
    const QList<JournalEntry> assets = {{u"a1"_s, u"CREATED"_s, {}},
                                        {u"a2"_s, u"CANCELLED"_s, {}},
                                        {u"a1"_s, u"CREATED"_s, {}}};
    QVERIFY(store->journalBatch(batch, assets));
    QCOMPARE(store->pendingCount(), 0);

    // Another connection sees it at once: no timer, no flush, no close needed.
    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(u"SELECT assets FROM batch_journal WHERE batch_id = 'b-journal'"_s)
                     .toByteArray(),
             QByteArray("a1\tCREATED\na2\tCANCELLED\na1\tCREATED\n"));
    QCOMPARE(raw.scalar(u"SELECT count(*) FROM attempts"_s).toInt(), 1);
    QCOMPARE(store->batch(u"b-journal"_s)->total, 3);
    QVERIFY(!store->batch(u"b-journal"_s)->finishedAt.isValid());
}

void TestHistoryStore::journalReportsTheLatestOutcomePerAsset()
{
    auto store = openStore();
    QVERIFY(store);
    BatchInfo batch;
    batch.id = u"batch-1"_s; // the batch of record()
    batch.startedAt = T0;
    QVERIFY(store->journalBatch(batch,
                                {{u"retried-then-ok"_s, u"CREATED"_s, {}},
                                 {u"failed"_s, u"FAILED"_s, {}},
                                 {u"in-flight"_s, u"CREATED"_s, {}},
                                 {u"never-sent"_s, u"CREATED"_s, {}}}));
    store->append(record(u"retried-then-ok"_s, T0, Outcome::Retrying));
    store->append(record(u"failed"_s, T0, Outcome::Failed));
    store->append(record(u"in-flight"_s, T0.addSecs(1), Outcome::Retrying));
    store->append(record(u"retried-then-ok"_s, T0.addSecs(2), Outcome::Confirmed));
    store->append(record(u"not-in-this-batch"_s, T0, Outcome::Confirmed));
    QVERIFY(store->flush());

    const QList<JournalEntry> journal = store->journal(u"batch-1"_s);
    QCOMPARE(journal,
             (QList<JournalEntry> {{u"retried-then-ok"_s, u"CREATED"_s, Outcome::Confirmed},
                                   {u"failed"_s, u"FAILED"_s, Outcome::Failed},
                                   {u"in-flight"_s, u"CREATED"_s, Outcome::Retrying},
                                   {u"never-sent"_s, u"CREATED"_s, Outcome::Unknown}}));
    QVERIFY(store->journal(u"no-such-batch"_s).isEmpty());

    // Retention removes a deleted batch's journal with it.
    store->finishBatch(u"batch-1"_s, T0.addSecs(3));
    QVERIFY(store->flush());
    QVERIFY(store->deleteOlderThan(T0.addDays(1)) >= 0);
    QVERIFY(store->journal(u"batch-1"_s).isEmpty());
    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(u"SELECT count(*) FROM batch_journal"_s).toInt(), 0);
}

void TestHistoryStore::schemaOneFileGetsTheJournal()
{
    // A file as version 1 wrote it, with a batch that a crash left unfinished.
    {
        RawDb raw(dbPath());
        QVERIFY(raw.exec(u"CREATE TABLE batches (id TEXT PRIMARY KEY NOT NULL, started_at INTEGER"
                         " NOT NULL, finished_at INTEGER, profile TEXT NOT NULL DEFAULT '',"
                         " region TEXT NOT NULL DEFAULT '', project_id TEXT NOT NULL DEFAULT '',"
                         " total INTEGER NOT NULL DEFAULT 0)"_s));
        QVERIFY(raw.exec(u"CREATE TABLE attempts (id INTEGER PRIMARY KEY, batch_id TEXT"
                         " REFERENCES batches(id), time INTEGER NOT NULL, profile TEXT NOT NULL"
                         " DEFAULT '', region TEXT NOT NULL DEFAULT '', project_id TEXT NOT NULL"
                         " DEFAULT '', asset_id TEXT NOT NULL, target_status TEXT NOT NULL"
                         " DEFAULT '', outcome TEXT NOT NULL DEFAULT '', http_status INTEGER NOT"
                         " NULL DEFAULT 0, error_code TEXT NOT NULL DEFAULT '', error_message"
                         " TEXT NOT NULL DEFAULT '', request_id TEXT NOT NULL DEFAULT '',"
                         " attempt INTEGER NOT NULL DEFAULT 1, duration_ms INTEGER NOT NULL"
                         " DEFAULT 0)"_s));
        QVERIFY(raw.exec(u"INSERT INTO batches (id, started_at, total) VALUES ('old', 1, 2)"_s));
        QVERIFY(raw.exec(u"INSERT INTO attempts (batch_id, time, asset_id, outcome)"
                         " VALUES ('old', 1, 'a', 'confirmed')"_s));
        QVERIFY(raw.exec(u"PRAGMA application_id = %1"_s.arg(HistoryStore::ApplicationId)));
        QVERIFY(raw.exec(u"PRAGMA user_version = 1"_s));
    }
    auto store = openStore();
    QVERIFY(store);
    QCOMPARE(store->count(), 1);
    QCOMPARE(store->unfinishedBatches().size(), 1);
    QVERIFY(store->journal(u"old"_s).isEmpty()); // nothing was journaled then
    QVERIFY(store->journalBatch({u"new"_s, T0, {}, {}, {}, {}, 1}, {{u"b"_s, u"CREATED"_s, {}}}));
    QCOMPARE(store->journal(u"new"_s).size(), 1);
    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(u"PRAGMA user_version"_s).toInt(), HistoryStore::SchemaVersion);
}

void TestHistoryStore::claimsTellRunningFromInterrupted()
{
    auto runner = openStore();
    QVERIFY(runner);
    QVERIFY(runner->journalBatch({u"b-1"_s, T0, {}, {}, {}, {}, 1}, {{u"a"_s, u"CREATED"_s, {}}}));
    QVERIFY(runner->journalBatch({u"b-2"_s, T0, {}, {}, {}, {}, 1}, {{u"a"_s, u"CREATED"_s, {}}}));
    QVERIFY(runner->claimBatch(u"b-1"_s));
    QVERIFY(runner->claimBatch(u"b-1"_s)); // again: still ours

    // Another store on the same file (as another process would see it).
    auto other = openStore();
    QVERIFY(other);
    QList<BatchInfo> unfinished = other->unfinishedBatches();
    QCOMPARE(unfinished.size(), 2);
    QVERIFY(unfinished.at(0).running != unfinished.at(1).running);
    const BatchInfo &running = unfinished.at(0).running ? unfinished.at(0) : unfinished.at(1);
    QCOMPARE(running.id, u"b-1"_s);
    QVERIFY(!other->claimBatch(u"b-1"_s));
    QVERIFY(other->claimBatch(u"b-2"_s));
    QVERIFY(!other->claimBatch(u"../escape"_s));

    runner->releaseBatch(u"b-1"_s);
    unfinished = runner->unfinishedBatches();
    for (const BatchInfo &b : unfinished)
        QCOMPARE(b.running, b.id == u"b-2"_s);
    other->close(); // closing gives up its claims
    QVERIFY(runner->claimBatch(u"b-2"_s));
}

void TestHistoryStore::filesAreForTheOwnerOnly()
{
    const mode_t before = ::umask(022);
    auto store = openStore();
    ::umask(before);
    QVERIFY(store);
    store->append(record(u"a"_s, T0, Outcome::Confirmed));
    QVERIFY(store->flush());
    QVERIFY(store->claimBatch(u"b-1"_s));
    const QFile::Permissions ownerOnly = QFile::ReadOwner | QFile::WriteOwner;
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u".batch-b-1.lock"_s}) {
        const QString path = dbPath() + suffix;
        QVERIFY2(QFile::exists(path), qPrintable(path));
        QCOMPARE(QFile::permissions(path) & ~(QFile::ReadUser | QFile::WriteUser), ownerOnly);
    }
    // A file an older version left readable by all is narrowed when opened.
    store.reset();
    QVERIFY(QFile::setPermissions(dbPath(), ownerOnly | QFile::ReadGroup | QFile::ReadOther));
    store = openStore();
    QVERIFY(store);
    QCOMPARE(QFile::permissions(dbPath()) & ~(QFile::ReadUser | QFile::WriteUser), ownerOnly);
}

void TestHistoryStore::conflictsAreFoundWhenJournaling()
{
    // Process A runs batch "a" of x, y, z for project P and has confirmed x; z failed for good.
    auto a = openStore();
    QVERIFY(a);
    QVERIFY(a->claimBatch(u"a"_s));
    QVERIFY(a->journalBatch(
            {u"a"_s, T0, {}, {}, {}, u"P"_s, 3},
            {{u"x"_s, u"CREATED"_s, {}}, {u"y"_s, u"CREATED"_s, {}}, {u"z"_s, u"CREATED"_s, {}}}));
    HistoryRecord confirmed = record(u"x"_s, T0, Outcome::Confirmed);
    confirmed.batchId = u"a"_s;
    confirmed.projectId = u"P"_s;
    HistoryRecord failed = record(u"z"_s, T0, Outcome::Failed);
    failed.batchId = u"a"_s;
    failed.projectId = u"P"_s;
    a->append(confirmed);
    a->append(failed);
    QVERIFY(a->flush());

    // Process B starts batch "b" of x, y, z, w for P: x is confirmed, y is A's to send; z (A
    // gave up on it) and w are B's.
    auto b = openStore();
    QVERIFY(b);
    QVERIFY(b->claimBatch(u"b"_s));
    BatchConflicts found;
    QVERIFY(b->journalBatch({u"b"_s, T0, {}, {}, {}, u"P"_s, 4},
                            {{u"x"_s, u"CREATED"_s, {}},
                             {u"y"_s, u"CREATED"_s, {}},
                             {u"z"_s, u"CREATED"_s, {}},
                             {u"w"_s, u"CREATED"_s, {}}},
                            nullptr, &found));
    QCOMPARE(found.confirmedIn, (QHash<QString, QString> {{u"x"_s, u"a"_s}}));
    QCOMPARE(found.heldBy, (QHash<QString, QString> {{u"y"_s, u"a"_s}}));
    QCOMPARE(b->journal(u"b"_s).size(), 4); // journaled whole all the same

    // Another project's confirmations do not count; a batch no live process runs holds nothing.
    BatchConflicts other;
    QVERIFY(b->journalBatch({u"c"_s, T0, {}, {}, {}, u"Q"_s, 1}, {{u"x"_s, u"CREATED"_s, {}}},
                            nullptr, &other));
    QVERIFY(other.confirmedIn.isEmpty());
    a->releaseBatch(u"a"_s);
    QVERIFY(b->heldElsewhere(u"b"_s, {u"y"_s}).heldBy.isEmpty());
    QVERIFY(a->claimBatch(u"a"_s));
    QCOMPARE(b->heldElsewhere(u"b"_s, {u"y"_s, u"w"_s}).heldBy.keys(), QList<QString> {u"y"_s});
}

void TestHistoryStore::stoppedBatchStaysUnfinishedWithItsReason()
{
    auto store = openStore();
    QVERIFY(store);
    QVERIFY(store->journalBatch({u"s"_s, T0, {}, {}, {}, {}, 1}, {{u"a"_s, u"CREATED"_s, {}}}));
    store->stopBatch(u"s"_s, T0.addSecs(5), u"Cancelled."_s);
    QVERIFY(store->flush());
    auto reopened = openStore(); // as the next start sees it
    const QList<BatchInfo> unfinished = reopened->unfinishedBatches();
    QCOMPARE(unfinished.size(), 1);
    QCOMPARE(unfinished.first().stoppedAt, T0.addSecs(5));
    QCOMPARE(unfinished.first().stopReason, u"Cancelled."_s);
    QVERIFY(!unfinished.first().running);
    reopened->finishBatch(u"s"_s, T0.addSecs(9));
    QVERIFY(reopened->flush());
    QVERIFY(reopened->unfinishedBatches().isEmpty());
}

// "Send Remaining" after Stop: the new batch takes over what the stopped one left unsent, so the
// stopped batch is not offered for resuming once nothing of it is left. A batch interrupted by a
// crash keeps its assets (one may have been in flight).
void TestHistoryStore::newBatchTakesOverWhatAStoppedBatchLeft()
{
    auto store = openStore();
    QVERIFY(store);
    const QList<JournalEntry> four {{u"a"_s, u"CREATED"_s, {}},
                                    {u"b"_s, u"CREATED"_s, {}},
                                    {u"c"_s, u"CREATED"_s, {}},
                                    {u"d"_s, u"CREATED"_s, {}}};
    QVERIFY(store->journalBatch({u"stopped"_s, T0, {}, {}, {}, u"P"_s, 4}, four));
    HistoryRecord confirmed = record(u"a"_s, T0, Outcome::Confirmed);
    confirmed.batchId = u"stopped"_s;
    store->append(confirmed);
    store->stopBatch(u"stopped"_s, T0.addSecs(5), u"Stopped by the user."_s);
    QVERIFY(store->journalBatch({u"crashed"_s, T0, {}, {}, {}, u"P"_s, 2},
                                {{u"c"_s, u"CREATED"_s, {}}, {u"e"_s, u"CREATED"_s, {}}}));
    QVERIFY(store->flush());
    QCOMPARE(store->unfinishedBatches().size(), 2);

    // b only: the stopped batch keeps c and d to send, and stays resumable.
    QVERIFY(store->claimBatch(u"one"_s));
    BatchConflicts first;
    QVERIFY(store->journalBatch({u"one"_s, T0.addSecs(10), {}, {}, {}, u"P"_s, 1},
                                {{u"b"_s, u"CREATED"_s, {}}}, nullptr, &first));
    QVERIFY(first.takenFrom.isEmpty());
    QCOMPARE(store->journal(u"stopped"_s).size(), 3); // a (confirmed), c, d
    store->releaseBatch(u"one"_s);
    store->finishBatch(u"one"_s, T0.addSecs(11));

    // c and d: nothing of the stopped batch is left, so it is finished; the crashed one keeps c.
    QVERIFY(store->claimBatch(u"two"_s));
    BatchConflicts second;
    QVERIFY(store->journalBatch({u"two"_s, T0.addSecs(20), {}, {}, {}, u"P"_s, 2},
                                {{u"c"_s, u"CREATED"_s, {}}, {u"d"_s, u"CREATED"_s, {}}}, nullptr,
                                &second));
    QCOMPARE(second.takenFrom, QStringList {u"stopped"_s});
    store->releaseBatch(u"two"_s);
    store->finishBatch(u"two"_s, T0.addSecs(21));
    QVERIFY(store->flush());
    auto reopened = openStore(); // as the next start sees it
    const QList<BatchInfo> unfinished = reopened->unfinishedBatches();
    QCOMPARE(unfinished.size(), 1);
    QCOMPARE(unfinished.first().id, u"crashed"_s);
    QCOMPARE(reopened->journal(u"crashed"_s).size(), 2);
}

#include "tst_historystore.moc"
