// BatchRunner, the one place a batch runs for the GUI and the CLI: the engine, the history and
// the recovery rules together, over real sockets against the loopback VOD server and a real
// SQLite history file.
#include "api/vodclient.h"
#include "engine/batchrunner.h"
#include "engine/resume.h"
#include "storage/historystore.h"
#include "testfixtures.h"
#include "vodtestserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace VodConfirm;
using namespace VodConfirm::Test;
using namespace Qt::StringLiterals;

namespace {
QList<ConfirmItem> items(int n, int offset = 0)
{
    QList<ConfirmItem> list;
    for (int i = 0; i < n; ++i)
        list.append({assetId(offset + i), TargetStatus::Created});
    return list;
}
} // namespace

class TestBatchRunner : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void finishesOnlyOnceTheHistoryHasIt();
    void skipsConfirmedBeforeAndCountsIt();
    void preflightCountsAlreadyConfirmedApart();
    void followsConfirmedAssetsUntilSettled();
    void stoppedBatchKeepsItsRemainderUntilResumed();
    void progressDoesNotDecayWhilePaused();

private:
    BatchRunner *runner(int concurrency = 4, int rate = 60000);
    BatchSummary run(BatchRunner *r, const QList<ConfirmItem> &list);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<VodTestServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<HistoryStore> m_history;
    VodClient *m_client = nullptr;
    const BatchRunner::Context m_context {u"loopback"_s, u"cn-north-4"_s,
                                          u"0a1b2c3d4e5f60718293a4b5c6d7e8f9"_s};
};

void TestBatchRunner::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<VodTestServer>();
    QVERIFY(m_server->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_history = std::make_unique<HistoryStore>();
    QVERIFY(m_history->open(m_dir->filePath(u"history.sqlite"_s)));
    m_client = new VodClient(m_nam.get(), loopbackClientConfig(*m_server), m_nam.get());
}

void TestBatchRunner::cleanup()
{
    m_history.reset();
    m_server.reset();
    m_nam.reset();
    m_dir.reset();
}

BatchRunner *TestBatchRunner::runner(int concurrency, int rate)
{
    auto *r = new BatchRunner(m_client, m_history.get(), m_client);
    BatchRunner::Options o;
    o.engine.concurrency = concurrency;
    o.engine.ratePerMinute = rate;
    o.engine.baseBackoffMs = 10;
    r->setOptions(o);
    return r;
}

BatchSummary TestBatchRunner::run(BatchRunner *r, const QList<ConfirmItem> &list)
{
    QSignalSpy finished(r, &BatchRunner::finished);
    QString error;
    if (!r->start(list, m_context, &error))
        qWarning() << error;
    if (!finished.wait(30000))
        return {};
    return finished.first().first().value<BatchSummary>();
}

void TestBatchRunner::finishesOnlyOnceTheHistoryHasIt()
{
    BatchRunner *r = runner();
    std::optional<BatchInfo> seen;
    qint64 rowsSeen = -1;
    connect(r, &BatchRunner::finished, this, [&](const BatchSummary &s) {
        seen = m_history->batch(s.batchId); // what another reader sees at that moment
        rowsSeen = m_history->count();
    });
    const BatchSummary s = run(r, items(20));
    QCOMPARE(s.confirmed, 20);
    QVERIFY(!s.kept);
    QCOMPARE(s.remaining, 0);
    QVERIFY(seen && seen->finishedAt.isValid());
    QCOMPARE(rowsSeen, 20);
    QVERIFY(m_history->unfinishedBatches().isEmpty());
    const BatchProgress p = r->progress();
    QCOMPARE(p.total, 20);
    QCOMPARE(p.done, 20);
    QCOMPARE(p.confirmed, 20);
}

void TestBatchRunner::skipsConfirmedBeforeAndCountsIt()
{
    QCOMPARE(run(runner(), items(3)).confirmed, 3);
    m_server->reset();
    BatchRunner *r = runner();
    const BatchSummary s = run(r, items(5)); // 3 known, 2 new
    QCOMPARE(s.skipped, 3);
    QCOMPARE(s.confirmed, 2);
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 2);
    QCOMPARE(r->progress().skipped, 3);
    QCOMPARE(r->assets().at(0).state, AssetState::Skipped);
    QVERIFY(!s.kept); // skipped assets are settled

    // Forced: sent all the same (the server says they are confirmed already: verified).
    m_server->reset();
    BatchRunner *forced = runner();
    BatchRunner::Options o = forced->options();
    o.force = true;
    forced->setOptions(o);
    const BatchSummary f = run(forced, items(3));
    QCOMPARE(f.skipped, 0);
    QCOMPARE(f.confirmed, 3);
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 3);
    QCOMPARE(m_server->counters().effectiveConfirmsTotal(), 0);
}

void TestBatchRunner::preflightCountsAlreadyConfirmedApart()
{
    QCOMPARE(run(runner(), items(3)).confirmed, 3); // in the history: skipped, never read
    m_server->reset();
    m_server->setAssetStatus(assetId(3), u"CREATED"_s); // confirmed by someone else
    m_server->setAssetStatus(assetId(4), u"PUBLISHED"_s);
    BatchRunner *r = runner();
    BatchRunner::Options o = r->options();
    o.engine.checkFirst = true;
    r->setOptions(o);
    const BatchSummary s = run(r, items(6));
    QCOMPARE(s.skipped, 3);
    QCOMPARE(s.alreadyConfirmed, 2);
    QCOMPARE(s.confirmed, 1);
    QVERIFY(!s.kept); // settled
    QCOMPARE(m_server->counters().requests(VodTestServer::Route::AssetInfo), 1);
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 1);
    const BatchProgress p = r->progress();
    QCOMPARE(p.skipped, 3);
    QCOMPARE(p.alreadyConfirmed, 2);
    QCOMPARE(p.confirmed, 1);
    QCOMPARE(p.done, 6);

    // The history says so, under its own name.
    HistoryFilter f;
    f.batchId = s.batchId;
    f.outcome = Outcome::AlreadyConfirmed;
    const QList<HistoryRecord> rows = m_history->find(f, 10);
    QCOMPARE(rows.size(), 2);
    QStringList ids;
    for (const HistoryRecord &row : rows) {
        ids.append(row.assetId);
        QCOMPARE(row.httpStatus, 200); // the state read's answer
        QVERIFY2(row.errorMessage.contains(row.assetId == assetId(3) ? u"CREATED"_s
                                                                     : u"PUBLISHED"_s),
                 qPrintable(row.errorMessage));
    }
    ids.sort();
    QCOMPARE(ids, QStringList({assetId(3), assetId(4)}));
    QCOMPARE(outcomeName(Outcome::AlreadyConfirmed), "already_confirmed"_L1);
    QCOMPARE(outcomeFromName(u"already_confirmed"), Outcome::AlreadyConfirmed);
    QVERIFY(recordedOutcomes().contains(Outcome::AlreadyConfirmed));
}

void TestBatchRunner::followsConfirmedAssetsUntilSettled()
{
    // After its confirm: asset 0 is published, asset 1 fails to transcode, asset 2 stays CREATED
    // past the time limit. The batch ends once the last is followed; the history has each state.
    connect(m_server.get(), &VodTestServer::requestReceived, this,
            [this](const QString &, const QString &path) {
                if (!path.contains(u"/asset/info"_s))
                    return;
                m_server->setAssetStatus(assetId(0), u"PUBLISHED"_s);
                m_server->setAssetStatus(assetId(1), u"TRANSCODE_FAILED"_s);
            });
    BatchRunner *r = runner();
    BatchRunner::Options o = r->options();
    o.follow = true;
    o.follower = {20, 50, 400};
    r->setOptions(o);
    QList<FollowedState> followed;
    bool finishedBeforeFollowed = false;
    connect(r, &BatchRunner::followed, this, [&](const FollowedState &s) {
        followed.append(s);
        QVERIFY(r->isRunning());
    });
    connect(r, &BatchRunner::finished, this, [&] { finishedBeforeFollowed = followed.size() < 3; });
    const BatchSummary s = run(r, items(3));
    QVERIFY(!finishedBeforeFollowed);
    QCOMPARE(s.confirmed, 3);
    QCOMPARE(s.followedSettled, 2);
    QCOMPARE(s.followedUnsettled, 1);
    QCOMPARE(followed.size(), 3);
    QHash<QString, FollowedState> byId;
    for (const FollowedState &f : std::as_const(followed))
        byId.insert(f.assetId, f);
    QCOMPARE(byId.value(assetId(0)).state, u"PUBLISHED"_s);
    QVERIFY(byId.value(assetId(0)).settled);
    QCOMPARE(byId.value(assetId(1)).state, u"TRANSCODE_FAILED"_s);
    QCOMPARE(byId.value(assetId(2)).state, u"CREATED"_s);
    QVERIFY(!byId.value(assetId(2)).settled);
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 3); // following sends no confirm

    HistoryFilter f;
    f.batchId = s.batchId;
    QHash<QString, QString> stored;
    for (const HistoryRecord &row : m_history->find(f, 10))
        stored.insert(row.assetId, row.followedState);
    QCOMPARE(stored.value(assetId(0)), u"PUBLISHED"_s);
    QCOMPARE(stored.value(assetId(1)), u"TRANSCODE_FAILED"_s);
    QCOMPARE(stored.value(assetId(2)), u"CREATED"_s);
}

void TestBatchRunner::stoppedBatchKeepsItsRemainderUntilResumed()
{
    m_server->config().latencyMs = 50;
    BatchRunner *r = runner(1);
    QSignalSpy finished(r, &BatchRunner::finished);
    QVERIFY(r->start(items(30), m_context));
    QTRY_VERIFY(m_server->counters().effectiveConfirmsTotal() >= 3);
    r->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000); // at once, or when requests in flight end
    const BatchSummary s = finished.first().first().value<BatchSummary>();
    QVERIFY(s.kept);
    QCOMPARE(s.remaining, s.notSent);
    QCOMPARE(s.confirmed + s.notSent, 30);
    const std::optional<BatchInfo> stopped = m_history->batch(s.batchId);
    QVERIFY(stopped && !stopped->finishedAt.isValid() && stopped->stoppedAt.isValid());
    QCOMPARE(stopped->stopReason, u"Stopped on request."_s);
    QCOMPARE(resumableBatches(*m_history).size(), 1);

    // The resume sends the rest, once each, and finishes the batch.
    m_server->config().latencyMs = 0;
    QString error;
    const std::optional<ResumePlan> plan = planResume(*m_history, s.batchId, &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(plan->items.size(), s.notSent);
    BatchRunner *again = runner();
    QSignalSpy done(again, &BatchRunner::finished);
    again->resume(*plan, m_context);
    QVERIFY(done.wait(10000));
    QCOMPARE(done.first().first().value<BatchSummary>().confirmed, s.notSent);
    for (int i = 0; i < 30; ++i)
        QCOMPARE(m_server->counters().confirmRequests.value(assetId(i)), 1);
    QVERIFY(m_history->batch(s.batchId)->finishedAt.isValid());
    QVERIFY(m_history->unfinishedBatches().isEmpty());
}

void TestBatchRunner::progressDoesNotDecayWhilePaused()
{
    // 600/minute, one at a time: after a few seconds the rate is known; paused, it stays what it
    // was (time spent paused does not count), and the time left does not grow.
    BatchRunner *r = runner(1, 600);
    QSignalSpy finished(r, &BatchRunner::finished);
    QVERIFY(r->start(items(200), m_context));
    QTRY_VERIFY_WITH_TIMEOUT(r->progress().ratePerMinute > 0, 10000);
    r->pause();
    // Requests in flight finish (answered and processed); nothing new starts.
    QTRY_VERIFY(std::none_of(r->assets().cbegin(), r->assets().cend(),
                             [](const AssetUpdate &a) { return a.state == AssetState::Sending; }));
    const BatchProgress atPause = r->progress();
    QVERIFY(atPause.paused);
    QTest::qWait(2500);
    const BatchProgress later = r->progress();
    QVERIFY(later.paused);
    QCOMPARE(later.done, atPause.done); // nothing sent while paused
    QCOMPARE(later.ratePerMinute, atPause.ratePerMinute);
    QCOMPARE(later.secondsLeft, atPause.secondsLeft);
    r->unpause();
    QVERIFY(!r->progress().paused);
    QTRY_VERIFY(r->progress().done > later.done);
    r->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
}

QTEST_GUILESS_MAIN(TestBatchRunner)
#include "tst_batchrunner.moc"
