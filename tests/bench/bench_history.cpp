// Prints how fast the confirmation history is; never asserts timing.
//   (a) 100,000 attempts through append() + flush()            target < 1 s
//   (b) lookup by asset id in a 1,000,000-row history           target < 5 ms
//   (c) open + count + first page of an unfiltered 1M history  "opens instantly"
// plus the figures around them that the history view depends on.
#include "benchutil.h"
#include "storage/historystore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <ctime>

using namespace VodConfirm;
using namespace Qt::StringLiterals;
using namespace VodConfirm::Bench;

namespace {

constexpr int Runs = 5;
constexpr int InsertRows = 100000;
constexpr int BigRows = 1000000;
constexpr int Lookups = 100;

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QString runs(const QList<double> &v, int precision)
{
    QStringList s;
    for (double x : v)
        s << QString::number(x, 'f', precision);
    return s.join(u", "_s);
}

void report(const QString &what, const QList<double> &ms, const QString &target = {},
            int precision = 1)
{
    out() << what.leftJustified(62) << u" median "_s << QString::number(median(ms), 'f', precision)
          << u" ms"_s << (target.isEmpty() ? QString() : u"  (target "_s + target + u')')
          << u"  [runs: "_s << runs(ms, precision) << u"]\n"_s;
    out().flush();
}

QString hexId(QRandomGenerator &rng)
{
    static const char digits[] = "0123456789abcdef";
    QString id(32, Qt::Uninitialized);
    for (int i = 0; i < 32; ++i)
        id[i] = QLatin1Char(digits[rng.bounded(16)]);
    return id;
}

// A realistic row: most assets are confirmed on the first attempt, some fail or are retried.
HistoryRecord makeRecord(QRandomGenerator &rng, const QString &assetId, const QDateTime &time,
                         const QString &batchId)
{
    HistoryRecord r;
    r.batchId = batchId;
    r.time = time;
    r.profile = rng.bounded(4) ? u"prod"_s : u"staging"_s;
    r.region = u"cn-north-4"_s;
    r.projectId = u"0a1b2c3d4e5f60718293a4b5c6d7e8f9"_s;
    r.assetId = assetId;
    r.targetStatus = u"CREATED"_s;
    const int roll = int(rng.bounded(100));
    if (roll < 90) {
        r.outcome = Outcome::Confirmed;
        r.httpStatus = 200;
    } else if (roll < 95) {
        r.outcome = Outcome::Retrying;
        r.httpStatus = 429;
        r.errorCode = u"APIGW.0308"_s;
        r.errorMessage = u"The throttling threshold has been reached: policy user over ratelimit"_s;
    } else {
        r.outcome = Outcome::Failed;
        r.httpStatus = 400;
        r.errorCode = u"VOD.10062"_s;
        r.errorMessage = u"The media asset does not exist or has been deleted."_s;
    }
    r.requestId = hexId(rng);
    r.attempt = 1 + int(rng.bounded(100) < 5);
    r.durationMs = 40 + rng.bounded(400);
    return r;
}

bool openOrDie(HistoryStore &store, const QString &path)
{
    QString error;
    if (store.open(path, &error))
        return true;
    out() << u"cannot open "_s << path << u": "_s << error << u'\n';
    return false;
}

// (a) append() + flush() of 100k rows into a fresh file, and what append() costs its caller.
bool benchInsert(const QTemporaryDir &dir)
{
    QRandomGenerator rng(42);
    QList<HistoryRecord> rows;
    rows.reserve(InsertRows);
    const QDateTime start = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < InsertRows; ++i)
        rows.append(makeRecord(rng, hexId(rng), start.addMSecs(i * 40), u"bench-batch"_s));

    QList<double> total;
    QList<double> cpu;
    QList<double> appendOnly;
    QList<double> worstAppend;
    for (int run = 0; run < Runs; ++run) {
        const QString path = dir.filePath(u"insert-%1.sqlite"_s.arg(run));
        HistoryStore store;
        if (!openOrDie(store, path))
            return false;
        BatchInfo batch;
        batch.id = u"bench-batch"_s;
        batch.startedAt = start;
        batch.total = InsertRows;
        QElapsedTimer timer;
        QElapsedTimer one;
        qint64 worstNs = 0;
        const std::clock_t cpuStart = std::clock();
        timer.start();
        store.journalBatch(batch, {});
        for (const HistoryRecord &r : std::as_const(rows)) {
            one.start();
            store.append(r);
            worstNs = std::max(worstNs, one.nsecsElapsed());
        }
        const qint64 appendedNs = timer.nsecsElapsed();
        QString error;
        if (!store.flush(&error)) {
            out() << u"flush failed: "_s << error << u'\n';
            return false;
        }
        total << timer.nsecsElapsed() / 1e6;
        cpu << double(std::clock() - cpuStart) * 1000.0 / CLOCKS_PER_SEC;
        appendOnly << appendedNs / 1e6;
        worstAppend << worstNs / 1e6;
        if (store.count() != InsertRows) {
            out() << u"wrong row count after insert\n"_s;
            return false;
        }
    }
    report(u"(a) insert 100,000 attempts: append() x100k + flush()"_s, total, u"< 1000 ms"_s);
    report(u"    CPU time of the process (both threads) for the same"_s, cpu);
    report(u"    of which the caller spent in append() (all 100k)"_s, appendOnly);
    report(u"    slowest single append() call"_s, worstAppend, {}, 3);
    return true;
}

// The journal a batch writes before its first request: how long a start waits for it (the batch's
// asset list on disk, synced).
bool benchJournal(const QTemporaryDir &dir)
{
    QRandomGenerator rng(11);
    for (const int n : {10000, 100000}) {
        QList<JournalEntry> assets;
        assets.reserve(n);
        for (int i = 0; i < n; ++i)
            assets.append({hexId(rng), u"CREATED"_s, {}});
        QList<double> ms;
        for (int run = 0; run < Runs; ++run) {
            HistoryStore store;
            if (!openOrDie(store, dir.filePath(u"journal-%1-%2.sqlite"_s.arg(n).arg(run))))
                return false;
            BatchInfo batch;
            batch.id = u"journal-batch"_s;
            batch.total = n;
            QElapsedTimer timer;
            timer.start();
            QString error;
            if (!store.journalBatch(batch, assets, &error)) {
                out() << u"journal failed: "_s << error << u'\n';
                return false;
            }
            ms << timer.nsecsElapsed() / 1e6;
        }
        report(u"(a) journal a batch of %1 assets before its first request"_s.arg(n), ms);
    }
    return true;
}

// Builds the 1M-row file once: ~800k distinct assets, some with a second attempt, spread over a
// year. Returns the asset ids so lookups can pick existing ones.
QStringList buildBig(const QString &path)
{
    QRandomGenerator rng(7);
    HistoryStore store;
    if (!openOrDie(store, path))
        return {};
    QElapsedTimer timer;
    timer.start();
    QStringList ids;
    ids.reserve(BigRows);
    const QDateTime origin = QDateTime::currentDateTimeUtc().addDays(-365);
    const qint64 yearMs = 365LL * 24 * 3600 * 1000;
    int batchNo = 0;
    QString batchId;
    for (int i = 0; i < BigRows; ++i) {
        if (i % 5000 == 0) {
            batchId = u"batch-%1"_s.arg(++batchNo);
            BatchInfo b;
            b.id = batchId;
            b.startedAt = origin.addMSecs(yearMs / BigRows * i);
            b.finishedAt = b.startedAt.addSecs(300);
            b.total = 5000;
            store.journalBatch(b, {});
            store.finishBatch(batchId, b.finishedAt);
        }
        // one row in five retries an asset seen shortly before
        const QString id
                = (i > 10 && rng.bounded(5) == 0) ? ids[i - 1 - int(rng.bounded(10))] : hexId(rng);
        ids << id;
        store.append(makeRecord(rng, id, origin.addMSecs(yearMs / BigRows * i), batchId));
    }
    QString error;
    if (!store.flush(&error)) {
        out() << u"flush failed: "_s << error << u'\n';
        return {};
    }
    out() << u"built a "_s << store.count() << u"-row history ("_s
          << QString::number(QFileInfo(path).size() / 1e6, 'f', 0) << u" MB) in "_s
          << QString::number(timer.elapsed() / 1000.0, 'f', 1) << u" s\n"_s;
    out().flush();
    return ids;
}

template<typename F> QList<double> perCall(int times, F &&call)
{
    QList<double> ms;
    ms.reserve(times);
    QElapsedTimer t;
    for (int i = 0; i < times; ++i) {
        t.start();
        call(i);
        ms << t.nsecsElapsed() / 1e6;
    }
    return ms;
}

void benchBig(const QString &path, const QStringList &ids)
{
    QRandomGenerator rng(99);

    // (c) what the history view does when it opens: open, count, first page.
    QList<double> openMs, countMs, pageMs, firstScreen;
    for (int run = 0; run < Runs; ++run) {
        QElapsedTimer t;
        t.start();
        HistoryStore store;
        if (!openOrDie(store, path))
            return;
        const double opened = t.nsecsElapsed() / 1e6;
        const qint64 n = store.count();
        const double counted = t.nsecsElapsed() / 1e6;
        const QList<HistoryRecord> page = store.find({}, 100);
        const double paged = t.nsecsElapsed() / 1e6;
        if (n != BigRows || page.size() != 100)
            out() << u"unexpected count/page size\n"_s;
        openMs << opened;
        countMs << counted - opened;
        pageMs << paged - counted;
        firstScreen << paged;
    }

    HistoryStore store;
    if (!openOrDie(store, path))
        return;

    // (b) lookup by exact asset id: median of 100 random existing ids, Runs times over.
    QList<double> lookupMedians;
    qint64 found = 0;
    for (int run = 0; run < Runs; ++run) {
        lookupMedians << median(perCall(Lookups, [&](int) {
            HistoryFilter f;
            f.assetId = ids[int(rng.bounded(qsizetype(ids.size())))];
            found += store.find(f, 100).size();
        }));
    }
    report(u"(b) lookup by exact asset id in 1M rows (median of 100 each)"_s, lookupMedians,
           u"< 5 ms"_s, 3);
    if (found < Runs * Lookups)
        out() << u"    (some lookups found nothing!)\n"_s;
    // What a new batch waits for before its first request on a big history: the journal plus the
    // check of which assets the history shows confirmed or another running batch holds.
    QList<double> checkedJournal;
    qsizetype skippable = 0;
    for (int run = 0; run < Runs; ++run) {
        QList<JournalEntry> assets;
        assets.reserve(100000);
        for (int i = 0; i < 50000; ++i)
            assets.append({ids[int(rng.bounded(qsizetype(ids.size())))], u"CREATED"_s, {}});
        for (int i = 0; i < 50000; ++i)
            assets.append({hexId(rng), u"CREATED"_s, {}});
        BatchInfo batch;
        batch.id = u"checked-%1"_s.arg(run);
        batch.projectId = u"0a1b2c3d4e5f60718293a4b5c6d7e8f9"_s;
        batch.total = int(assets.size());
        BatchConflicts conflicts;
        QElapsedTimer t;
        t.start();
        store.claimBatch(batch.id);
        if (!store.journalBatch(batch, assets, nullptr, &conflicts))
            out() << u"checked journal failed\n"_s;
        checkedJournal << t.nsecsElapsed() / 1e6;
        store.releaseBatch(batch.id);
        skippable = conflicts.confirmedIn.size();
    }
    report(u"(a) journal 100k assets with the confirmed/held check, 1M-row history"_s,
           checkedJournal, {}, 1);
    out() << u"    (of which the history showed "_s << skippable << u" confirmed before)\n"_s;
    report(u"(c) open() of the 1M-row file"_s, openMs, {}, 2);
    report(u"(c) count() unfiltered, 1M rows"_s, countMs, {}, 2);
    report(u"(c) find() first page of 100, unfiltered, newest first"_s, pageMs, {}, 2);
    report(u"(c) open + count + first page together"_s, firstScreen, {}, 2);

    QList<double> prefix = perCall(Runs * 10, [&](int) {
        HistoryFilter f;
        f.assetId = ids[int(rng.bounded(qsizetype(ids.size())))].left(6);
        f.assetIdPrefix = true;
        store.find(f, 100);
        store.count(f);
    });
    report(u"    asset id prefix (6 hex chars): find page + count"_s, prefix, {}, 3);

    HistoryFilter failed;
    failed.outcome = Outcome::Failed;
    report(u"    outcome=failed: first page of 100"_s,
           perCall(Runs, [&](int) { store.find(failed, 100); }), {}, 2);
    report(u"    outcome=failed: count (scans the table)"_s,
           perCall(Runs, [&](int) { store.count(failed); }));
    HistoryFilter text;
    text.text = u"10062"_s;
    report(u"    free text \"10062\": first page of 100"_s,
           perCall(Runs, [&](int) { store.find(text, 100); }), {}, 2);
    report(u"    free text \"10062\": count (scans the table)"_s,
           perCall(Runs, [&](int) { store.count(text); }));
    HistoryFilter month;
    month.from = QDateTime::currentDateTimeUtc().addDays(-60);
    month.to = QDateTime::currentDateTimeUtc().addDays(-30);
    report(u"    30-day range: count + first page"_s,
           perCall(Runs,
                   [&](int) {
                       store.count(month);
                       store.find(month, 100);
                   }),
           {}, 2);
    report(u"    page 5,000 (offset 500,000) with LIMIT/OFFSET"_s,
           perCall(Runs, [&](int) { store.find({}, 100, 500000); }));
    const QList<HistoryRecord> before = store.find({}, 1, 499999);
    report(u"    page 5,000 with keyset paging (findAfter)"_s,
           perCall(Runs, [&](int) { store.findAfter({}, before.value(0), 100); }), {}, 2);

    const QTemporaryDir exportDir;
    report(u"    exportCsv of one month (~82k rows)"_s,
           perCall(1,
                   [&](int) {
                       HistoryFilter f;
                       f.from = QDateTime::currentDateTimeUtc().addDays(-90);
                       f.to = QDateTime::currentDateTimeUtc().addDays(-60);
                       store.exportCsv(f, exportDir.filePath(u"month.csv"_s));
                   }),
           {}, 0);
    report(u"    exportCsv of all 1M rows"_s,
           perCall(1, [&](int) { store.exportCsv({}, exportDir.filePath(u"all.csv"_s)); }), {}, 0);
    qint64 deleted = 0;
    report(u"    deleteOlderThan: the oldest quarter (~250k rows)"_s,
           perCall(1,
                   [&](int) {
                       deleted = store.deleteOlderThan(
                               QDateTime::currentDateTimeUtc().addDays(-274));
                   }),
           {}, 0);
    out() << u"    (deleted "_s << deleted << u" rows; file now "_s
          << QString::number(QFileInfo(path).size() / 1e6, 'f', 0) << u" MB)\n"_s;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    out() << u"bench_history: SQLite history, "_s << Runs << u" runs each\n"_s;
    const QString only = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (only != "big"_L1 && (!benchInsert(dir) || !benchJournal(dir)))
        return 1;
    if (only == "insert"_L1)
        return 0;
    const QString big = dir.filePath(u"big.sqlite"_s);
    const QStringList ids = buildBig(big);
    if (ids.isEmpty())
        return 1;
    benchBig(big, ids);
    return 0;
}
