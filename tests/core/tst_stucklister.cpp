// Listing stuck uploads (CREATING) over real sockets against the loopback VOD server.
#include "api/vodclient.h"
#include "engine/confirmengine.h"
#include "engine/stucklister.h"
#include "testfixtures.h"
#include "vodtestserver.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace VodConfirm;
using namespace VodConfirm::Test;
using namespace Qt::StringLiterals;
using Fault = VodTestServer::Fault;
using Route = VodTestServer::Route;

class TestStuckLister : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void listsPast20000CompletelyAndOnce();
    void windowOfExactly20000();
    void emptyRanges();
    void sameSecondAtTheWindowEdge();
    void throttlingSlowsOnlyTheListing();
    void badAnswersEndWithAClearErrorKeepingWhatWasListed_data();
    void badAnswersEndWithAClearErrorKeepingWhatWasListed();
    void aBadAnswerIsAskedAgain();
    void cancelStopsAtOnce();
    void titlesAreListedSafeToShow();
    void cancelFreesTheConnections();
    void pagesOverlapAtRealLatency();
    void aListingChangedWhileReadIsReadAgain();
    void faultsWithPagesInFlightLoseNothing();

private:
    VodClient *client(int timeoutMs = 10000);
    StuckLister *lister(VodClient *client, int rate = 600000, int maxAttempts = 5,
                        int pagesInFlight = StuckLister::Options().pagesInFlight);
    struct Run
    {
        StuckListSummary summary;
        QStringList ids;
        QList<QDateTime> times;
        QStringList titles;
    };
    Run run(StuckLister *l, const QDateTime &from, const QDateTime &to, int timeoutMs = 120000);
    static int minimumRequests(qsizetype n) { return int(std::max<qsizetype>(1, (n + 99) / 100)); }

    std::unique_ptr<VodTestServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    const QDateTime m_from = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime m_to = QDateTime(QDate(2025, 7, 1), QTime(0, 0), Qt::UTC);
};

void TestStuckLister::init()
{
    m_server = std::make_unique<VodTestServer>();
    QVERIFY(m_server->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
}

void TestStuckLister::cleanup()
{
    m_server.reset();
    QTest::qWait(50);
    m_nam.reset();
}

VodClient *TestStuckLister::client(int timeoutMs)
{
    return new VodClient(m_nam.get(), loopbackClientConfig(*m_server, timeoutMs), m_nam.get());
}

StuckLister *TestStuckLister::lister(VodClient *client, int rate, int maxAttempts,
                                     int pagesInFlight)
{
    auto *l = new StuckLister(client, client);
    StuckLister::Options o;
    o.ratePerMinute = rate;
    o.maxAttempts = maxAttempts;
    o.baseBackoffMs = 20;
    o.maxBackoffMs = 2000;
    o.pagesInFlight = pagesInFlight;
    l->setOptions(o);
    return l;
}

TestStuckLister::Run TestStuckLister::run(StuckLister *l, const QDateTime &from,
                                          const QDateTime &to, int timeoutMs)
{
    Run r;
    connect(l, &StuckLister::assetsListed, this, [&r](const QList<StuckAsset> &assets) {
        for (const StuckAsset &a : assets) {
            r.ids.append(a.assetId);
            r.times.append(a.createdAt);
            r.titles.append(a.title);
        }
    });
    QSignalSpy finished(l, &StuckLister::finished);
    l->start(from, to);
    if (!finished.wait(timeoutMs))
        qWarning("listing did not finish");
    if (!finished.isEmpty())
        r.summary = finished.first().first().value<StuckListSummary>();
    return r;
}

void TestStuckLister::listsPast20000CompletelyAndOnce()
{
    m_server->seedListedAssets(45000, m_from, m_to, 11);
    const QStringList expected = m_server->creatingAssetIds();
    const Run r = run(lister(client()), m_from, m_to);
    QVERIFY2(r.summary.complete, qPrintable(r.summary.error));
    QCOMPARE(r.summary.listed, 45000);
    QCOMPARE(r.ids.size(), 45000);
    QCOMPARE(QSet<QString>(r.ids.cbegin(), r.ids.cend()).size(), 45000); // each once
    QVERIFY(r.ids == expected); // every one, newest first, in the server's order
    const int minimum = minimumRequests(45000);
    qInfo("45,000 assets: %d requests, minimum %d, %d windows", r.summary.requests, minimum,
          r.summary.windows);
    QCOMPARE(r.summary.windows, 3);
    QVERIFY(r.summary.requests >= minimum);
    QVERIFY(r.summary.requests <= minimum + r.summary.windows);
    QCOMPARE(m_server->counters().requests(Route::AssetList), r.summary.requests);
}

void TestStuckLister::windowOfExactly20000()
{
    // `total` says 20,000 whether there are 20,000 or more: one request more than the minimum
    // proves there are no more.
    m_server->seedListedAssets(20000, m_from, m_to, 12);
    const Run r = run(lister(client()), m_from, m_to);
    QVERIFY2(r.summary.complete, qPrintable(r.summary.error));
    QVERIFY(r.ids == m_server->creatingAssetIds());
    QCOMPARE(r.summary.requests, minimumRequests(20000) + 1);

    // 19,999: below the cap, the minimum.
    m_server->clearListedAssets();
    m_server->reset();
    m_server->seedListedAssets(19999, m_from, m_to, 13);
    const Run r2 = run(lister(client()), m_from, m_to);
    QVERIFY2(r2.summary.complete, qPrintable(r2.summary.error));
    QVERIFY(r2.ids == m_server->creatingAssetIds());
    QCOMPARE(r2.summary.requests, minimumRequests(19999));
}

void TestStuckLister::emptyRanges()
{
    const Run none = run(lister(client()), m_from, m_to);
    QVERIFY(none.summary.complete);
    QCOMPARE(none.summary.listed, 0);
    QCOMPARE(none.summary.requests, 1);
    QVERIFY(!none.summary.listedUntil.isValid());

    // Assets only outside the range, or in states other than CREATING.
    m_server->seedListedAssets(500, m_to.addDays(1), m_to.addDays(2), 14);
    m_server->addListedAsset(u"%1"_s.arg(1, 32, 16, QChar(u'0')), m_from.addDays(3), u"CREATED"_s);
    const Run outside = run(lister(client()), m_from, m_to);
    QVERIFY(outside.summary.complete);
    QCOMPARE(outside.summary.listed, 0);
    QCOMPARE(outside.summary.requests, 1);
}

void TestStuckLister::sameSecondAtTheWindowEdge()
{
    // 20,150 assets, 300 of them in the very second where the first window's 20,000th falls:
    // the next window starts inside that second and none is listed twice or lost.
    const QDateTime edge = m_from.addDays(30);
    for (int i = 0; i < 300; ++i)
        m_server->addListedAsset(u"%1"_s.arg(0xabc000 + i, 32, 16, QChar(u'0')), edge);
    m_server->seedListedAssets(19850, edge.addSecs(1), m_to, 15);
    m_server->seedListedAssets(10, m_from, edge.addSecs(-1), 16);
    const QStringList expected = m_server->creatingAssetIds();
    const Run r = run(lister(client()), m_from, m_to);
    QVERIFY2(r.summary.complete, qPrintable(r.summary.error));
    QCOMPARE(r.ids.size(), expected.size());
    QVERIFY(r.ids == expected);
    QCOMPARE(r.summary.windows, 2);
    qInfo("%lld assets, 300 in one second at the edge: %d requests, minimum %d",
          qlonglong(expected.size()), r.summary.requests, minimumRequests(expected.size()));
    QVERIFY(r.summary.requests <= minimumRequests(expected.size()) + 4);
}

void TestStuckLister::throttlingSlowsOnlyTheListing()
{
    // A 429 storm on the listing while a batch of confirms runs on the same client: the listing
    // slows down and still lists everything; the confirms' pacing never notices.
    m_server->seedListedAssets(1000, m_from, m_to, 17);
    m_server->scriptNextList({Fault::Throttle, Fault::None, Fault::Throttle, Fault::Throttle});
    VodClient *c = client();
    StuckLister *l = lister(c, 60000, 5);
    auto *engine = new ConfirmEngine(c, c);
    ConfirmEngine::Options o;
    o.ratePerMinute = 60000;
    engine->setOptions(o);
    QList<ConfirmItem> items;
    for (int i = 0; i < 100; ++i)
        items.append({u"%1"_s.arg(0xc0ffee00 + i, 32, 16, QChar(u'0')), TargetStatus::Created});
    QSignalSpy batchDone(engine, &ConfirmEngine::finished);
    engine->start(items);
    const Run r = run(l, m_from, m_to);
    QVERIFY(!batchDone.isEmpty() || batchDone.wait(30000));
    const auto batch = batchDone.first().first().value<BatchSummary>();

    QVERIFY2(r.summary.complete, qPrintable(r.summary.error));
    QVERIFY(r.ids == m_server->creatingAssetIds());
    QCOMPARE(r.summary.throttled, 3);
    QCOMPARE(r.summary.requests, minimumRequests(1000) + 3);
    QVERIFY(l->currentRatePerMinute() < 60000);
    QCOMPARE(batch.throttled, 0);
    QCOMPARE(batch.confirmed, 100);
    QCOMPARE(engine->currentRatePerMinute(), 60000.0);
}

void TestStuckLister::badAnswersEndWithAClearErrorKeepingWhatWasListed_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<QString>("says");
    QTest::newRow("truncated JSON") << Fault::TruncatedJson << u"not complete JSON"_s;
    QTest::newRow("HTML error page") << Fault::HtmlError502 << u"502 Bad Gateway"_s;
    QTest::newRow("2xx error body") << Fault::SuccessWithErrorBody << u"VOD.10062"_s;
}

void TestStuckLister::badAnswersEndWithAClearErrorKeepingWhatWasListed()
{
    QFETCH(Fault, fault);
    QFETCH(QString, says);
    m_server->seedListedAssets(1000, m_from, m_to, 18);
    const QStringList expected = m_server->creatingAssetIds();
    // Three good pages, then the fourth fails every time it is asked for (one page at a time,
    // so the script's order is the pages' order).
    m_server->scriptNextList(
            {Fault::None, Fault::None, Fault::None, fault, fault, fault, fault, fault});
    const Run r = run(lister(client(), 600000, 5, 1), m_from, m_to);
    QVERIFY(!r.summary.complete);
    QVERIFY(!r.summary.cancelled);
    QVERIFY2(r.summary.error.contains(says), qPrintable(r.summary.error));
    QVERIFY2(r.summary.error.contains(u"300 asset"_s), qPrintable(r.summary.error));
    QCOMPARE(r.summary.listed, 300);
    QCOMPARE(r.ids, expected.mid(0, 300)); // nothing lost, nothing twice
    QCOMPARE(r.summary.listedUntil, r.times.last());
    QCOMPARE(r.summary.requests, 3 + 5);
}

void TestStuckLister::aBadAnswerIsAskedAgain()
{
    m_server->seedListedAssets(450, m_from, m_to, 19);
    m_server->scriptNextList({Fault::None, Fault::TruncatedJson, Fault::HtmlError502});
    const Run r = run(lister(client()), m_from, m_to);
    QVERIFY2(r.summary.complete, qPrintable(r.summary.error));
    QVERIFY(r.ids == m_server->creatingAssetIds());
    QCOMPARE(r.summary.retries, 2);
    QCOMPARE(r.summary.requests, minimumRequests(450) + 2);
}

void TestStuckLister::cancelStopsAtOnce()
{
    m_server->seedListedAssets(5000, m_from, m_to, 20);
    m_server->config().latencyMs = 20;
    StuckLister *l = lister(client());
    connect(l, &StuckLister::assetsListed, l, &StuckLister::cancel);
    const Run r = run(l, m_from, m_to);
    QVERIFY(r.summary.cancelled);
    QVERIFY(!r.summary.complete);
    QVERIFY(r.summary.error.isEmpty());
    QCOMPARE(r.summary.listed, 100);
    QCOMPARE(r.ids.size(), 100);
    QTest::qWait(100);
    QCOMPARE(m_server->counters().requests(Route::AssetList), 1);
    QVERIFY(!l->isRunning());
}

void TestStuckLister::titlesAreListedSafeToShow()
{
    m_server->seedListedAssets(4, m_from, m_to, 21);
    const QStringList ids = m_server->creatingAssetIds();
    m_server->setListedTitle(ids.at(0), u"Line one\nline two\u0007\u2028end"_s);
    m_server->setListedTitle(ids.at(1), QString(5000, u'x'));
    m_server->setListedTitle(ids.at(2), 42); // not a string: no title
    const Run r = run(lister(client()), m_from, m_to);
    QVERIFY2(r.summary.complete, qPrintable(r.summary.error));
    QCOMPARE(r.ids, ids);
    QCOMPARE(r.titles.at(0), u"Line one line two  end"_s);
    QCOMPARE(r.titles.at(1), QString(VodClient::MaxListedTitleChars, u'x'));
    QCOMPARE(r.titles.at(2), QString());
    QCOMPARE(r.titles.at(3), u"upload "_s + ids.at(3).left(8));
}

void TestStuckLister::pagesOverlapAtRealLatency()
{
    // At 100 ms a request, one page at a time would list at most 600 pages a minute whatever
    // the rate allows; with pages in flight the requests overlap on the server, and the
    // listing is still every asset, once, newest first, in the minimum of requests.
    m_server->seedListedAssets(3000, m_from, m_to, 22);
    m_server->config().latencyMs = 100;
    const QStringList expected = m_server->creatingAssetIds();
    QElapsedTimer clock;
    clock.start();
    const Run four = run(lister(client(), 600000, 5, 4), m_from, m_to);
    const qint64 fourMs = clock.restart();
    QVERIFY2(four.summary.complete, qPrintable(four.summary.error));
    QVERIFY(four.ids == expected);
    QCOMPARE(four.summary.requests, minimumRequests(3000));
    QCOMPARE(m_server->counters().maxInFlight, 4);

    m_server->reset();
    const Run one = run(lister(client(), 600000, 5, 1), m_from, m_to);
    const qint64 oneMs = clock.elapsed();
    QVERIFY(one.ids == expected);
    QCOMPARE(m_server->counters().maxInFlight, 1);
    qInfo("30 pages at 100 ms latency: %lld ms with 4 in flight, %lld ms one at a time", fourMs,
          oneMs);
}

void TestStuckLister::aListingChangedWhileReadIsReadAgain()
{
    // An asset deep in the window is confirmed while pages of the window are on their way: the
    // window's total changes, it is read again from its first page, and what was passed on is
    // not passed on twice.
    m_server->seedListedAssets(2500, m_from, m_to, 23);
    m_server->config().latencyMs = 20;
    const QStringList all = m_server->creatingAssetIds();
    const QString confirmed = all.at(2000);
    StuckLister *l = lister(client(), 600000, 5, 4);
    connect(l, &StuckLister::assetsListed, this, [this, confirmed] {
        if (m_server->assetStatus(confirmed) == "CREATING"_L1)
            m_server->setAssetStatus(confirmed, u"CREATED"_s);
    });
    const Run r = run(l, m_from, m_to);
    QVERIFY2(r.summary.complete, qPrintable(r.summary.error));
    QStringList expected = all;
    expected.removeOne(confirmed);
    QCOMPARE(r.ids, expected);
    QCOMPARE(r.summary.restarts, 1);
    QVERIFY(r.summary.requests > minimumRequests(2500));
}

void TestStuckLister::faultsWithPagesInFlightLoseNothing()
{
    // Failures among pages in flight (whichever pages they hit): each failed page is asked for
    // again, answers that came early wait for it, and delivery stays complete and in order.
    m_server->seedListedAssets(2000, m_from, m_to, 24);
    m_server->config().latencyMs = 10;
    m_server->scriptNextList({Fault::None, Fault::None, Fault::TruncatedJson, Fault::None,
                              Fault::HtmlError502, Fault::Error503, Fault::None, Fault::Throttle});
    const Run r = run(lister(client(), 600000, 5, 4), m_from, m_to);
    QVERIFY2(r.summary.complete, qPrintable(r.summary.error));
    QVERIFY(r.ids == m_server->creatingAssetIds());
    QCOMPARE(r.summary.retries, 4);
    QCOMPARE(r.summary.requests, minimumRequests(2000) + 4);
}

// Stop while pages wait for a slow server, then list again: the new listing does not queue behind
// the stopped one's requests (Qt opens only a few connections to a host).
void TestStuckLister::cancelFreesTheConnections()
{
    m_server->seedListedAssets(3000, m_from, m_to, 22);
    // Held requests would keep their connections until the server answers: longer than the
    // listing may take below.
    StuckLister *l = lister(client(300000));
    QSignalSpy listed(l, &StuckLister::assetsListed);
    QSignalSpy finished(l, &StuckLister::finished);
    // The first page comes at once; the next ones are held by the server.
    connect(l, &StuckLister::assetsListed, this, [this] { m_server->config().latencyMs = 120000; });
    l->start(m_from, m_to);
    QTRY_COMPARE(listed.size(), 1);
    const int inFlight = l->options().pagesInFlight;
    QTRY_COMPARE(m_server->counters().inFlight, inFlight);
    l->cancel();
    QCOMPARE(finished.size(), 1);
    disconnect(l, &StuckLister::assetsListed, this, nullptr);
    m_server->config().latencyMs = 0;
    const Run r = run(l, m_from, m_to, 60000);
    QVERIFY2(r.summary.complete, qPrintable(r.summary.error));
    QCOMPARE(r.summary.listed, 3000);
}

QTEST_GUILESS_MAIN(TestStuckLister)
#include "tst_stucklister.moc"
