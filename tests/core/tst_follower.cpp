// Following confirmed assets over real sockets against the loopback VOD server: it ends on every
// settled state, keeps reading (packed) while the asset is on its way, and
// ends at its time limit.
#include "api/vodclient.h"
#include "engine/follower.h"
#include "testfixtures.h"
#include "vodtestserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace VodConfirm;
using namespace VodConfirm::Test;
using namespace Qt::StringLiterals;
using Route = VodTestServer::Route;

class TestFollower : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void endsOnEverySettledState_data();
    void endsOnEverySettledState();
    void readsUntilSettled();
    void endsAtItsTimeLimit();
    void cancelEndsEveryAssetUnsettled();

private:
    Follower *follower(int firstDelayMs, int maxDelayMs, qint64 timeoutMs);
    // Follows `ids` to the end; what each ended with, by asset id.
    QHash<QString, FollowedState> followAll(Follower *f, const QStringList &ids);

    std::unique_ptr<VodTestServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

void TestFollower::init()
{
    m_server = std::make_unique<VodTestServer>();
    QVERIFY(m_server->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
}

void TestFollower::cleanup()
{
    m_server.reset();
    m_nam.reset();
}

Follower *TestFollower::follower(int firstDelayMs, int maxDelayMs, qint64 timeoutMs)
{
    auto *client = new VodClient(m_nam.get(), loopbackClientConfig(*m_server), m_nam.get());
    auto *reader = new StateReader(client, client);
    StateReader::Options o;
    o.ratePerMinute = 60000;
    o.baseBackoffMs = 10;
    o.maxBackoffMs = 50;
    reader->setOptions(o);
    reader->restart();
    auto *f = new Follower(reader, client);
    f->setOptions({firstDelayMs, maxDelayMs, timeoutMs});
    return f;
}

QHash<QString, FollowedState> TestFollower::followAll(Follower *f, const QStringList &ids)
{
    QHash<QString, FollowedState> done;
    connect(f, &Follower::followed, this,
            [&done](const FollowedState &s) { done.insert(s.assetId, s); });
    QSignalSpy idle(f, &Follower::idle);
    for (int i = 0; i < ids.size(); ++i)
        f->follow(i, ids.at(i));
    [&] { QVERIFY(idle.wait(20000)); }();
    [&] { QCOMPARE(idle.size(), 1); }();
    [&] { QCOMPARE(done.size(), ids.size()); }();
    return done;
}

void TestFollower::endsOnEverySettledState_data()
{
    QTest::addColumn<QString>("state");
    for (const char *s : {"PUBLISHED", "TRANSCODE_SUCCEED", "TRANSCODE_FAILED", "UPLOAD_FAILED",
                          "CANCELLED", "DELETED", "SERVER_ERROR", "UNCREATED"})
        QTest::newRow(s) << QString::fromLatin1(s);
}

void TestFollower::endsOnEverySettledState()
{
    QFETCH(QString, state);
    // 12 assets in that state (UNCREATED: missing): two reads (10 + 2), each ends settled there.
    QStringList ids;
    for (int i = 0; i < 12; ++i) {
        ids.append(assetId(i));
        if (state == "UNCREATED"_L1)
            m_server->addMissingAsset(ids.last());
        else
            m_server->setAssetStatus(ids.last(), state);
    }
    Follower *f = follower(20, 100, 10000);
    const QHash<QString, FollowedState> done = followAll(f, ids);
    for (const QString &id : std::as_const(ids)) {
        QVERIFY(done.value(id).settled);
        QCOMPARE(done.value(id).state, state);
    }
    QCOMPARE(m_server->counters().requests(Route::AssetInfo), 2);
    QVERIFY(Follower::isSettledState(state));
}

void TestFollower::readsUntilSettled()
{
    // CREATED, then TRANSCODING, then TRANSCODE_SUCCEED: read three times, then done.
    const QString id = assetId(1);
    int reads = 0;
    connect(m_server.get(), &VodTestServer::requestReceived, this, [&] {
        ++reads; // before this read is answered
        m_server->setAssetStatus(id,
                                 reads == 1           ? u"CREATED"_s
                                         : reads == 2 ? u"TRANSCODING"_s
                                                      : u"TRANSCODE_SUCCEED"_s);
    });
    Follower *f = follower(100, 400, 20000);
    const QHash<QString, FollowedState> done = followAll(f, {id});
    QVERIFY(done.value(id).settled);
    QCOMPARE(done.value(id).state, u"TRANSCODE_SUCCEED"_s);
    QCOMPARE(m_server->counters().requests(Route::AssetInfo), 3);
    QCOMPARE(m_server->counters().requests(Route::Confirm), 0);
    QVERIFY(!Follower::isSettledState(u"CREATED"_s) && !Follower::isSettledState(u"TRANSCODING"_s));
}

void TestFollower::endsAtItsTimeLimit()
{
    // Transcoding that never ends: a few reads, then the time limit, unsettled at TRANSCODING.
    m_server->setAssetStatus(assetId(1), u"TRANSCODING"_s);
    m_server->setAssetStatus(assetId(2), u"PUBLISHED"_s);
    Follower *f = follower(20, 40, 300);
    const QHash<QString, FollowedState> done = followAll(f, {assetId(1), assetId(2)});
    QVERIFY(!done.value(assetId(1)).settled);
    QCOMPARE(done.value(assetId(1)).state, u"TRANSCODING"_s);
    QVERIFY(done.value(assetId(2)).settled);
    const int reads = m_server->counters().requests(Route::AssetInfo);
    // Reads at 20, 60, 100, ... ms: more than two, fewer than one every 20 ms.
    QVERIFY2(reads > 2 && reads < 300 / 20, qPrintable(QString::number(reads)));
}

void TestFollower::cancelEndsEveryAssetUnsettled()
{
    m_server->setAssetStatus(assetId(1), u"CREATED"_s);
    Follower *f = follower(60000, 60000, 600000);
    QList<FollowedState> ended;
    connect(f, &Follower::followed, this, [&](const FollowedState &s) { ended.append(s); });
    QSignalSpy idle(f, &Follower::idle);
    f->follow(0, assetId(1));
    f->follow(1, assetId(2));
    QCOMPARE(f->pending(), 2);
    f->cancel();
    QCOMPARE(idle.size(), 1);
    QCOMPARE(ended.size(), 2);
    QVERIFY(!ended.first().settled);
    QCOMPARE(m_server->counters().totalRequests, 0);
}

QTEST_GUILESS_MAIN(TestFollower)
#include "tst_follower.moc"
