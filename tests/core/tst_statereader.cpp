// The state reads' quota group over real sockets against the loopback VOD server: packing,
// retries, what ends a read, and that nothing goes out after an authentication failure.
#include "api/vodclient.h"
#include "engine/statereader.h"
#include "testfixtures.h"
#include "vodtestserver.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace VodConfirm;
using namespace VodConfirm::Test;
using namespace Qt::StringLiterals;
using Fault = VodTestServer::Fault;
using Route = VodTestServer::Route;

class TestStateReader : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void packsTenAssetsPerRequest();
    void retriesAFailedReadThenGivesItsFailure();
    void authFailureEndsEveryReadWithOneRequest();
    void cancelledReadIsNeitherSentNorAnswered();
    void hostileAnswerIsNotTrusted();

private:
    StateReader *reader(Credentials c = {}, int maxAttempts = 5);
    // Reads `ids`; what each read learned, by asset id, once all have ended.
    QHash<QString, StateRead> readAll(StateReader *r, const QStringList &ids);

    std::unique_ptr<VodTestServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

void TestStateReader::init()
{
    m_server = std::make_unique<VodTestServer>();
    QVERIFY(m_server->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
}

void TestStateReader::cleanup()
{
    m_server.reset();
    m_nam.reset();
}

StateReader *TestStateReader::reader(Credentials c, int maxAttempts)
{
    VodClient::Config config = loopbackClientConfig(*m_server);
    if (!c.accessKey.isEmpty())
        config.credentials = c;
    auto *client = new VodClient(m_nam.get(), config, m_nam.get());
    auto *r = new StateReader(client, client);
    StateReader::Options o;
    o.ratePerMinute = 60000;
    o.maxAttempts = maxAttempts;
    o.baseBackoffMs = 10;
    o.maxBackoffMs = 50;
    r->setOptions(o);
    r->restart();
    return r;
}

QHash<QString, StateRead> TestStateReader::readAll(StateReader *r, const QStringList &list)
{
    QHash<QString, StateRead> done;
    int calls = 0;
    for (const QString &id : list)
        r->read(id, this, [&done, &calls](const StateRead &read) {
            ++calls;
            done.insert(read.assetId, read);
        });
    [&] { QTRY_COMPARE_WITH_TIMEOUT(r->pending(), 0, 20000); }();
    [&] { QCOMPARE(calls, list.size()); }(); // each read answered once
    return done;
}

void TestStateReader::packsTenAssetsPerRequest()
{
    const QStringList list = assetIds(95, 0);
    m_server->setAssetStatus(list.at(0), u"CREATED"_s);
    m_server->setAssetStatus(list.at(94), u"TRANSCODE_SUCCEED"_s);
    m_server->addMissingAsset(list.at(50));
    StateReader *r = reader();
    const QHash<QString, StateRead> done = readAll(r, list);
    QCOMPARE(done.size(), 95);
    QCOMPARE(m_server->counters().requests(Route::AssetInfo), 10);
    QCOMPARE(r->requests(), 10);
    QCOMPARE(done.value(list.at(0)).status, u"CREATED"_s);
    QCOMPARE(done.value(list.at(94)).status, u"TRANSCODE_SUCCEED"_s);
    QCOMPARE(done.value(list.at(1)).status, u"CREATING"_s);
    QVERIFY(done.value(list.at(1)).known());
    QVERIFY(done.value(list.at(50)).missing);
    QVERIFY(!done.value(list.at(50)).known());
}

void TestStateReader::retriesAFailedReadThenGivesItsFailure()
{
    m_server->scriptNextInfo({Fault::Error503, Fault::HtmlError502});
    StateReader *r = reader({}, 3);
    QHash<QString, StateRead> done = readAll(r, assetIds(4, 0));
    QCOMPARE(m_server->counters().requests(Route::AssetInfo), 3); // 2 failures, then the read
    QVERIFY(done.value(assetId(3)).known());

    // Every attempt fails: the read ends with the last failure, neither known nor missing.
    m_server->reset();
    m_server->scriptNextInfo({Fault::Error503, Fault::Error503, Fault::Error500});
    done = readAll(r, assetIds(4, 0));
    QCOMPARE(m_server->counters().requests(Route::AssetInfo), 3);
    const StateRead failed = done.value(assetId(2));
    QVERIFY(!failed.known());
    QVERIFY(!failed.missing);
    QCOMPARE(failed.result.httpStatus, 500);
}

void TestStateReader::authFailureEndsEveryReadWithOneRequest()
{
    Credentials wrong;
    wrong.accessKey = m_server->config().accessKey;
    wrong.secretKey = u"wrong-secret"_s;
    StateReader *r = reader(wrong);
    const QHash<QString, StateRead> done = readAll(r, assetIds(35, 0));
    QCOMPARE(m_server->counters().totalRequests, 1);
    QCOMPARE(done.value(assetId(34)).result.errorClass, ErrorClass::Auth);

    // Later reads end the same way, sent never, until restart().
    readAll(r, assetIds(3, 0));
    QCOMPARE(m_server->counters().totalRequests, 1);
}

void TestStateReader::cancelledReadIsNeitherSentNorAnswered()
{
    StateReader *r = reader();
    bool answered = false;
    const StateReader::Ticket t
            = r->read(assetId(7), this, [&answered](const StateRead &) { answered = true; });
    QVERIFY(r->cancel(t));
    QVERIFY(!r->cancel(t));
    const QHash<QString, StateRead> done = readAll(r, assetIds(2, 0));
    QCOMPARE(done.size(), 2);
    QVERIFY(!answered);
    QCOMPARE(m_server->counters().requests(Route::AssetInfo), 1);
}

void TestStateReader::hostileAnswerIsNotTrusted()
{
    // A status that is not a status word fails the whole answer (retried, then given up): none
    // of its rows is taken as a state.
    m_server->setAssetStatus(assetId(1), u"CREATED\u001b[2J"_s);
    StateReader *r = reader({}, 2);
    QHash<QString, StateRead> done = readAll(r, assetIds(3, 0));
    QCOMPARE(m_server->counters().requests(Route::AssetInfo), 2);
    for (const StateRead &read : std::as_const(done)) {
        QVERIFY(!read.known());
        QVERIFY(!read.missing);
        QCOMPARE(read.status, QString());
        QVERIFY2(read.result.errorMessage.contains(u"no valid status"_s),
                 qPrintable(read.result.errorMessage));
    }
}

QTEST_GUILESS_MAIN(TestStateReader)
#include "tst_statereader.moc"
