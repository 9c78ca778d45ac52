// The confirm engine over real sockets against the loopback VOD server.
#include "api/vodclient.h"
#include "engine/confirmengine.h"
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

class TestConfirmEngine : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void confirmsEveryAssetOnce();
    void wrongSecretKeyCostsExactlyOneRequest();
    void clockSkewIsNamed();
    void notFoundIsFinalAndNotRetried();
    void wrongStateIsReportedWithTheAssetState();
    void ambiguousFailuresAreVerifiedNotResent_data();
    void ambiguousFailuresAreVerifiedNotResent();
    void alreadyConfirmedAssetIsVerified();
    void failureAfterAnUnseenEffectIsVerified();
    void wrongStateWithAnUnreadableStateIsTriedAgain();
    void retryableFaultsAreRetried_data();
    void retryableFaultsAreRetried();
    void givesUpAfterMaxAttempts();
    void timeoutIsRetried();
    void throttlingSlowsDownAndLosesNothing();
    void retryAfterIsHonoured();
    void pacingNeverExceedsTheLimit();
    void sharedQuotaGroupPacesEnginesTogether();
    void pauseResumeCancel();
    void tokenAuth();
    void passwordAuthFetchesOneTokenAndRefreshesOnce();
    void securityTokenIsSentAndSigned();
    void checkFirstSendsOnlyWhatIsStillWaiting();
    void checkFirstRetriesAFailedReadAndNeverSendsBlindly();
    void checkFirstStopsOnAuthFailure();
    void preflightSendsOnlyWhatStillWaits();
    void preflightNotFoundFailsWithTheServersWords();
    void preflightSendsWhatItCannotRead();
    void preflightAuthFailureStopsEverything();
    void throttledStateReadsSlowOnlyStateReads();
    void throttledConfirmsSlowOnlyConfirms();
    void emptyBatchFinishes();
    void refusedConnectionStopsTheBatchNothingSent();
    void successWithAnErrorBodyIsVerified_data();
    void successWithAnErrorBodyIsVerified();
    void longRetryAfterIsCappedAndAnnounced();
    void headersMustArriveWithinTheTimeout_data();
    void headersMustArriveWithinTheTimeout();

private:
    VodClient *client(Credentials c = {}, int timeoutMs = 10000);
    ConfirmEngine *engine(VodClient *client, int concurrency = 4, int rate = 60000,
                          int maxAttempts = 5);
    static QList<ConfirmItem> items(int n, int offset = 0);
    BatchSummary run(ConfirmEngine *e, const QList<ConfirmItem> &list, int timeoutMs = 30000);

    std::unique_ptr<VodTestServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

QList<ConfirmItem> TestConfirmEngine::items(int n, int offset)
{
    QList<ConfirmItem> list;
    for (int i = 0; i < n; ++i)
        list.append({assetId(offset + i), TargetStatus::Created});
    return list;
}

void TestConfirmEngine::init()
{
    m_server = std::make_unique<VodTestServer>();
    QVERIFY(m_server->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
}

void TestConfirmEngine::cleanup()
{
    // The server first: a connection it is still streaming to (huge headers) then ends, so Qt's
    // network thread lets go of it before the manager is deleted.
    m_server.reset();
    QTest::qWait(50);
    m_nam.reset();
}

VodClient *TestConfirmEngine::client(Credentials c, int timeoutMs)
{
    VodClient::Config config = loopbackClientConfig(*m_server, timeoutMs);
    if (!c.accessKey.isEmpty() || c.mode != AuthMode::AkSk)
        config.credentials = c;
    return new VodClient(m_nam.get(), config, m_nam.get());
}

ConfirmEngine *TestConfirmEngine::engine(VodClient *client, int concurrency, int rate,
                                         int maxAttempts)
{
    auto *e = new ConfirmEngine(client, client);
    ConfirmEngine::Options o;
    o.concurrency = concurrency;
    o.ratePerMinute = rate;
    o.maxAttempts = maxAttempts;
    o.baseBackoffMs = 20;
    o.maxBackoffMs = 2000;
    o.stateReadsPerMinute = rate;
    e->setOptions(o);
    return e;
}

static void setCheckFirst(ConfirmEngine *e, bool on = true)
{
    ConfirmEngine::Options o = e->options();
    o.checkFirst = on;
    e->setOptions(o);
}

BatchSummary TestConfirmEngine::run(ConfirmEngine *e, const QList<ConfirmItem> &list, int timeoutMs)
{
    QSignalSpy finished(e, &ConfirmEngine::finished);
    e->start(list);
    if (!finished.wait(timeoutMs))
        return {};
    return finished.first().first().value<BatchSummary>();
}

void TestConfirmEngine::confirmsEveryAssetOnce()
{
    m_server->config().latencyMs = 20;
    ConfirmEngine *e = engine(client());
    QSignalSpy attempts(e, &ConfirmEngine::attemptFinished);
    const BatchSummary s = run(e, items(60));
    QCOMPARE(s.total, 60);
    QCOMPARE(s.confirmed, 60);
    QCOMPARE(s.failed, 0);
    QCOMPARE(attempts.size(), 60);
    for (const AssetUpdate &a : e->assets()) {
        QCOMPARE(a.state, AssetState::Confirmed);
        QCOMPARE(a.attempts, 1);
        QCOMPARE(a.last.httpStatus, 200);
        QVERIFY(!a.last.requestId.isEmpty());
        QCOMPARE(m_server->assetStatus(a.assetId), u"CREATED"_s);
        QCOMPARE(m_server->counters().effectiveConfirms.value(a.assetId), 1);
    }
    QVERIFY(m_server->counters().maxInFlight <= 4);
    QVERIFY(m_server->counters().maxInFlight >= 2); // concurrency opened after the first answer
}

void TestConfirmEngine::wrongSecretKeyCostsExactlyOneRequest()
{
    Credentials c;
    c.accessKey = m_server->config().accessKey;
    c.secretKey = u"wrong-secret"_s;
    ConfirmEngine *e = engine(client(c));
    QSignalSpy auth(e, &ConfirmEngine::authenticationFailed);
    const BatchSummary s = run(e, items(25));
    QCOMPARE(m_server->counters().totalRequests, 1);
    QCOMPARE(m_server->counters().authFailures, 1);
    QVERIFY(s.authStopped);
    QCOMPARE(s.failed, 1);
    QCOMPARE(s.notSent, 24);
    QCOMPARE(auth.size(), 1);
    QVERIFY(auth.first().first().toString().contains(u"secret key (SK)"_s));
    QCOMPARE(e->assets().first().last.errorCode, u"APIGW.0301"_s);
    for (int i = 1; i < 25; ++i) {
        QCOMPARE(e->assets().at(i).state, AssetState::NotSent);
        QCOMPARE(e->assets().at(i).note, u"not sent: authentication failed"_s);
    }
}

void TestConfirmEngine::clockSkewIsNamed()
{
    m_server->config().clockOffsetMs = 40 * 60 * 1000;
    ConfirmEngine *e = engine(client());
    const BatchSummary s = run(e, items(5));
    QCOMPARE(m_server->counters().totalRequests, 1);
    QVERIFY(s.authStopped);
    QVERIFY(e->assets().first().last.clockSkew);
    QVERIFY2(s.stopReason.contains(u"clock"_s), qPrintable(s.stopReason));
}

void TestConfirmEngine::notFoundIsFinalAndNotRetried()
{
    const QList<ConfirmItem> list = items(3);
    m_server->addMissingAsset(list.at(1).assetId);
    ConfirmEngine *e = engine(client());
    const BatchSummary s = run(e, list);
    QCOMPARE(s.confirmed, 2);
    QCOMPARE(s.failed, 1);
    const AssetUpdate &missing = e->assets().at(1);
    QCOMPARE(missing.state, AssetState::Failed);
    QCOMPARE(missing.last.errorCode, u"VOD.10062"_s);
    QCOMPARE(missing.last.httpStatus, 403);
    QCOMPARE(missing.last.errorClass, ErrorClass::NotFound);
    QVERIFY(missing.last.errorMessage.contains(u"does not exist"_s));
    QCOMPARE(m_server->counters().confirmRequests.value(missing.assetId), 1);
}

void TestConfirmEngine::wrongStateIsReportedWithTheAssetState()
{
    const QList<ConfirmItem> list = items(2);
    m_server->setAssetStatus(list.at(0).assetId, u"DELETED"_s);
    ConfirmEngine *e = engine(client());
    const BatchSummary s = run(e, list);
    QCOMPARE(s.confirmed, 1);
    QCOMPARE(s.failed, 1);
    const AssetUpdate &a = e->assets().at(0);
    QCOMPARE(a.state, AssetState::Failed);
    QCOMPARE(a.last.errorCode, u"VOD.10061"_s);
    QCOMPARE(a.last.errorClass, ErrorClass::WrongState);
    QCOMPARE(a.note, u"the asset is DELETED"_s);
    QCOMPARE(m_server->counters().confirmRequests.value(a.assetId), 1);
}

void TestConfirmEngine::ambiguousFailuresAreVerifiedNotResent_data()
{
    // Each of these takes effect on the server although the client gets no 200.
    QTest::addColumn<Fault>("fault");
    QTest::newRow("504 after the backend confirmed") << Fault::Error504;
    QTest::newRow("connection dropped after the effect") << Fault::DropAfterEffect;
}

void TestConfirmEngine::ambiguousFailuresAreVerifiedNotResent()
{
    QFETCH(Fault, fault);
    m_server->scriptNext({fault});
    ConfirmEngine *e = engine(client(), 1);
    QSignalSpy attempts(e, &ConfirmEngine::attemptFinished);
    const BatchSummary s = run(e, items(3));
    QCOMPARE(s.confirmed, 3);
    QCOMPARE(s.verifications, 1);
    const AssetUpdate &first = e->assets().first();
    QCOMPARE(first.state, AssetState::Confirmed);
    QCOMPARE(first.note, u"confirmed (verified)"_s);
    QCOMPARE(first.attempts, 1); // no second POST from the engine
    QCOMPARE(m_server->counters().effectiveConfirms.value(first.assetId), 1);
    QCOMPARE(m_server->counters().requests(Route::AssetInfo), 1);
    QVERIFY(attempts.first().first().value<AttemptRecord>().verifiedConfirmed);
}

void TestConfirmEngine::alreadyConfirmedAssetIsVerified()
{
    // Confirmed earlier (by someone else, or by a run that crashed): not a failure.
    const QList<ConfirmItem> list = items(1);
    m_server->setAssetStatus(list.first().assetId, u"PUBLISHED"_s);
    ConfirmEngine *e = engine(client());
    QCOMPARE(run(e, list).confirmed, 1);
    QCOMPARE(e->assets().first().note, u"confirmed (verified)"_s);
    QCOMPARE(e->assets().first().last.errorCode, u"VOD.10061"_s);
}

void TestConfirmEngine::failureAfterAnUnseenEffectIsVerified()
{
    // The confirm takes effect and its connection closes unanswered. Qt 6.4 used to send it
    // again by itself and hand the engine only the answer to that second POST (here a redirect,
    // a final failure). Now Qt does not send it again: the engine learns that the outcome is
    // unknown, reads the state, and no second POST reaches the server.
    const QList<ConfirmItem> list = items(1);
    m_server->scriptAsset(list.first().assetId, {Fault::DropAfterEffect, Fault::Redirect});
    ConfirmEngine *e = engine(client(), 1);
    QCOMPARE(run(e, list).confirmed, 1);
    const AssetUpdate &a = e->assets().first();
    QCOMPARE(a.last.httpStatus, 0);
    QCOMPARE(a.note, u"confirmed (verified)"_s);
    QCOMPARE(a.attempts, 1);
    QCOMPARE(m_server->counters().confirmRequests.value(a.assetId), 1);
    QCOMPARE(m_server->counters().effectiveConfirms.value(a.assetId), 1);

    // A plain redirect still fails with the redirect, after the state read shows it waiting.
    m_server->reset();
    m_server->scriptNext({Fault::Redirect});
    ConfirmEngine *e2 = engine(client(), 1);
    QCOMPARE(run(e2, items(1, 10)).failed, 1);
    QCOMPARE(e2->assets().first().last.httpStatus, 302);
    QCOMPARE(e2->assets().first().note, QString());
    QCOMPARE(m_server->counters().requests(Route::AssetInfo), 1);
}

void TestConfirmEngine::wrongStateWithAnUnreadableStateIsTriedAgain()
{
    // Confirmed by someone else; the confirm is refused as a wrong state and the first state
    // read fails. Not a failure, and no blind second POST: the next try reads the state first,
    // and that read works. (Reported failed with VOD.10061 before this was fixed.)
    const QList<ConfirmItem> list = items(2);
    for (const ConfirmItem &item : list) {
        m_server->setAssetStatus(item.assetId, u"PUBLISHED"_s);
        m_server->scriptAsset(item.assetId, QList<Fault>(3, Fault::None)); // confirms answered
    }
    m_server->config().error500 = 1; // ... and every state read fails with a 5xx,
    m_server->config().randomFaultsOnAssetInfo = true;
    int reads = 0;
    connect(m_server.get(), &VodTestServer::requestReceived, this, [&](const QString &method) {
        if (method == "GET"_L1 && ++reads == 2)
            m_server->config().error500 = 0; // ... but the second one
    });
    ConfirmEngine *e = engine(client(), 1, 60000, 3);
    BatchSummary s = run(e, list.mid(0, 1));
    QCOMPARE(s.confirmed, 1);
    QCOMPARE(e->assets().first().note, u"confirmed (verified)"_s);
    QCOMPARE(e->assets().first().attempts, 1);
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 1);
    QCOMPARE(m_server->counters().effectiveConfirmsTotal(), 0);

    // When no read ever works, it is not sent again and stays unsent (resumable), saying why;
    // the confirm's own answer is the one shown.
    m_server->config().error500 = 1;
    reads = -100;
    s = run(e, list.mid(1));
    QCOMPARE(s.notSent, 1);
    const AssetUpdate &a = e->assets().first();
    QCOMPARE(a.state, AssetState::NotSent);
    QCOMPARE(a.attempts, 1);
    QCOMPARE(m_server->counters().confirmRequests.value(list.at(1).assetId), 1);
    QCOMPARE(a.last.errorCode, u"VOD.10061"_s);
    QVERIFY2(a.note.contains(u"state could not be read"_s), qPrintable(a.note));
}

void TestConfirmEngine::retryableFaultsAreRetried_data()
{
    QTest::addColumn<QList<Fault>>("faults");
    // (A 504 took effect on the server: see ambiguousFailuresAreVerifiedNotResent.)
    QTest::newRow("500/502/503") << QList<Fault> {Fault::Error500, Fault::Error502,
                                                  Fault::Error503};
    QTest::newRow("HTML 502 (state read, still waiting, retried)")
            << QList<Fault> {Fault::HtmlError502, Fault::HtmlError502};
    QTest::newRow("dropped before effect") << QList<Fault> {Fault::DropBeforeEffect};
    QTest::newRow("429 storm") << QList<Fault>(6, Fault::Throttle);
}

void TestConfirmEngine::retryableFaultsAreRetried()
{
    QFETCH(QList<Fault>, faults);
    m_server->scriptNext(faults);
    ConfirmEngine *e = engine(client(), 2);
    const BatchSummary s = run(e, items(8));
    QCOMPARE(s.confirmed, 8);
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 8 + int(faults.size()));
    QCOMPARE(m_server->counters().effectiveConfirmsTotal(), 8);
    QCOMPARE(s.requests, qint64(8 + faults.size())); // every confirm on the wire is an attempt
}

void TestConfirmEngine::givesUpAfterMaxAttempts()
{
    m_server->scriptNext({Fault::Error503, Fault::HtmlError502, Fault::Error500});
    ConfirmEngine *e = engine(client(), 4, 60000, 3);
    const BatchSummary s = run(e, items(1));
    QCOMPARE(s.failed, 1);
    const AssetUpdate &a = e->assets().first();
    QCOMPARE(a.state, AssetState::Failed);
    QCOMPARE(a.attempts, 3);
    QCOMPARE(a.last.httpStatus, 500);
    QVERIFY(a.note.contains(u"3"_s));
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 3);
}

void TestConfirmEngine::timeoutIsRetried()
{
    m_server->scriptNext({Fault::NeverAnswer});
    ConfirmEngine *e = engine(client({}, 400), 1);
    QSignalSpy attempts(e, &ConfirmEngine::attemptFinished);
    const BatchSummary s = run(e, items(2));
    QCOMPARE(s.confirmed, 2);
    const auto first = attempts.first().first().value<AttemptRecord>();
    QVERIFY(first.willRetry);
    QVERIFY(first.result.errorMessage.contains(u"timeout"_s));
}

void TestConfirmEngine::throttlingSlowsDownAndLosesNothing()
{
    // The server allows 20 requests per second; the engine is told 6000/minute (100/s).
    m_server->config().rateLimitPerMinute = 20;
    m_server->config().rateWindowMs = 1000;
    ConfirmEngine *e = engine(client(), 4, 6000, 8);
    const BatchSummary s = run(e, items(50), 60000);
    QCOMPARE(s.confirmed, 50);
    QVERIFY(s.throttled > 0);
    QCOMPARE(s.throttled, qint64(m_server->counters().throttled));
    QVERIFY(e->currentRatePerMinute() < 6000);
    QCOMPARE(m_server->counters().effectiveConfirmsTotal(), 50);
}

void TestConfirmEngine::retryAfterIsHonoured()
{
    m_server->config().retryAfterSecs = 1;
    m_server->scriptNext({Fault::Throttle});
    ConfirmEngine *e = engine(client(), 1);
    const BatchSummary s = run(e, items(1));
    QCOMPARE(s.confirmed, 1);
    const QList<qint64> arrivals = m_server->counters().arrivalMs;
    QCOMPARE(arrivals.size(), 2);
    QVERIFY2(arrivals.at(1) - arrivals.at(0) >= 1000,
             qPrintable(QString::number(arrivals.at(1) - arrivals.at(0))));
}

void TestConfirmEngine::pacingNeverExceedsTheLimit()
{
    // 600/minute = one request every 100 ms: no 1-second window may hold more than 11.
    ConfirmEngine *e = engine(client(), 4, 600);
    const BatchSummary s = run(e, items(25));
    QCOMPARE(s.confirmed, 25);
    const QList<qint64> t = m_server->counters().arrivalMs;
    QCOMPARE(t.size(), 25);
    for (qsizetype i = 0; i < t.size(); ++i) {
        qsizetype j = i;
        while (j < t.size() && t.at(j) < t.at(i) + 1000)
            ++j;
        QVERIFY2(j - i <= 11, qPrintable(u"%1 requests within one second"_s.arg(j - i)));
    }
    QVERIFY(t.last() - t.first() >= 24 * 100 * 0.9);
}

void TestConfirmEngine::sharedQuotaGroupPacesEnginesTogether()
{
    // Two engines (two confirm batches of one account) share one group at 600/minute: together
    // they send one request every 100 ms, not one each; their own rate options do not count.
    auto group = std::make_shared<QuotaGroup>(600);
    VodClient *c = client();
    ConfirmEngine *a = engine(c, 4, 60000);
    ConfirmEngine *b = engine(c, 4, 60000);
    a->setQuotaGroup(group);
    b->setQuotaGroup(group);
    QSignalSpy aDone(a, &ConfirmEngine::finished);
    QSignalSpy bDone(b, &ConfirmEngine::finished);
    a->start(items(12));
    b->start(items(12, 101));
    QVERIFY(aDone.wait(20000));
    QVERIFY(bDone.count() == 1 || bDone.wait(20000));
    QCOMPARE(aDone.first().first().value<BatchSummary>().confirmed, 12);
    QCOMPARE(bDone.first().first().value<BatchSummary>().confirmed, 12);
    const QList<qint64> t = m_server->counters().arrivalMs;
    QCOMPARE(t.size(), 24);
    for (qsizetype i = 0; i < t.size(); ++i) {
        qsizetype j = i;
        while (j < t.size() && t.at(j) < t.at(i) + 1000)
            ++j;
        QVERIFY2(j - i <= 11, qPrintable(u"%1 requests within one second"_s.arg(j - i)));
    }
    QCOMPARE(a->currentRatePerMinute(), 600.0);
    // Without a group of its own again, an engine paces at its own rate.
    a->setQuotaGroup(nullptr);
    m_server->reset();
    QCOMPARE(run(a, items(12, 201)).confirmed, 12);
    const QList<qint64> own = m_server->counters().arrivalMs;
    QVERIFY(own.last() - own.first() < 1000);
}

void TestConfirmEngine::pauseResumeCancel()
{
    m_server->config().latencyMs = 30;
    ConfirmEngine *e = engine(client(), 2);
    QSignalSpy finished(e, &ConfirmEngine::finished);
    int confirmed = 0;
    connect(e, &ConfirmEngine::assetChanged, this, [&](const AssetUpdate &a) {
        if (a.state == AssetState::Confirmed && ++confirmed == 5)
            e->pause();
    });
    e->start(items(40));
    QTRY_VERIFY(e->isPaused());
    auto sending = [e] {
        return std::count_if(e->assets().cbegin(), e->assets().cend(),
                             [](const AssetUpdate &a) { return a.state == AssetState::Sending; });
    };
    QTRY_COMPARE(sending(), 0);
    const int sentWhilePaused = m_server->counters().totalRequests;
    QTest::qWait(300); // nothing may go out while paused
    QCOMPARE(m_server->counters().totalRequests, sentWhilePaused);
    QVERIFY(confirmed < 40);

    e->resume();
    QTRY_VERIFY(confirmed >= 10);
    e->cancel();
    QVERIFY(finished.wait(10000));
    const auto s = finished.first().first().value<BatchSummary>();
    QVERIFY(s.notSent > 0);
    QCOMPARE(s.confirmed + s.failed + s.notSent, 40);
    QCOMPARE(s.confirmed, m_server->counters().effectiveConfirmsTotal());
    for (const AssetUpdate &a : e->assets()) {
        QVERIFY(isTerminal(a.state));
        QCOMPARE(a.state == AssetState::Confirmed,
                 m_server->assetStatus(a.assetId) == u"CREATED"_s);
    }
}

void TestConfirmEngine::tokenAuth()
{
    m_server->config().acceptedTokens = {u"valid-token"_s};
    Credentials c;
    c.mode = AuthMode::Token;
    c.token = u"valid-token"_s;
    QCOMPARE(run(engine(client(c)), items(5)).confirmed, 5);

    c.token = u"bad-token"_s;
    m_server->reset();
    const BatchSummary s = run(engine(client(c)), items(5, 100));
    QVERIFY(s.authStopped);
    QCOMPARE(m_server->counters().totalRequests, 1);
    QVERIFY(s.stopReason.contains(u"token"_s));
}

void TestConfirmEngine::passwordAuthFetchesOneTokenAndRefreshesOnce()
{
    Credentials c;
    c.mode = AuthMode::Password;
    c.userName = m_server->config().iamUser;
    c.password = m_server->config().iamPassword;
    c.accountName = m_server->config().iamAccount;
    VodClient *vc = client(c);
    QCOMPARE(run(engine(vc), items(10)).confirmed, 10);
    QCOMPARE(m_server->counters().requests(Route::IamToken), 1);

    // The server forgets the token: the client fetches a new one once and goes on.
    m_server->expireTokens();
    QCOMPARE(run(engine(vc, 1), items(3, 50)).confirmed, 3);
    QCOMPARE(m_server->counters().requests(Route::IamToken), 2);

    c.password = u"wrong"_s;
    m_server->reset();
    const BatchSummary s = run(engine(client(c)), items(4, 200));
    QVERIFY(s.authStopped);
    QCOMPARE(m_server->counters().requests(Route::IamToken), 1);
    QCOMPARE(m_server->counters().requests(Route::Confirm), 0);
    QVERIFY(s.stopReason.contains(u"password"_s));
}

void TestConfirmEngine::securityTokenIsSentAndSigned()
{
    m_server->config().securityToken = u"temporary-security-token"_s;
    Credentials c = loopbackCredentials(*m_server);
    c.securityToken = u"temporary-security-token"_s;
    QCOMPARE(run(engine(client(c)), items(3)).confirmed, 3);
    c.securityToken.clear();
    m_server->reset();
    QVERIFY(run(engine(client(c)), items(3, 10)).authStopped);
    QCOMPARE(m_server->counters().totalRequests, 1);
}

QTEST_GUILESS_MAIN(TestConfirmEngine)
void TestConfirmEngine::checkFirstSendsOnlyWhatIsStillWaiting()
{
    // A resumed batch of 25: 10 confirmed by the crashed run, 10 still waiting, 3 that became
    // something else meanwhile, 2 that do not exist. One state read per 10 assets; only the
    // waiting ones get a confirm.
    QList<ConfirmItem> list = items(25);
    for (ConfirmItem &item : list)
        item.checkFirst = true;
    for (int i = 0; i < 10; ++i)
        m_server->setAssetStatus(list.at(i).assetId, u"CREATED"_s);
    for (int i = 20; i < 23; ++i)
        m_server->setAssetStatus(list.at(i).assetId, u"DELETED"_s);
    m_server->addMissingAsset(list.at(23).assetId);
    m_server->addMissingAsset(list.at(24).assetId);
    ConfirmEngine *e = engine(client());
    const BatchSummary s = run(e, list);
    QCOMPARE(s.confirmed, 20);
    QCOMPARE(s.failed, 5);
    QCOMPARE(m_server->counters().requests(Route::AssetInfo), 3);
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 10);
    for (int i = 0; i < 25; ++i) {
        const AssetUpdate &a = e->assets().at(i);
        QCOMPARE(m_server->counters().confirmRequests.value(a.assetId), i >= 10 && i < 20);
        if (i < 10)
            QCOMPARE(a.note, u"confirmed (verified)"_s);
        else if (i < 20)
            QCOMPARE(a.state, AssetState::Confirmed);
        else if (i < 23)
            QCOMPARE(a.note, u"the asset is DELETED"_s);
        else
            QCOMPARE(a.state, AssetState::Failed);
    }
}

void TestConfirmEngine::checkFirstRetriesAFailedReadAndNeverSendsBlindly()
{
    QList<ConfirmItem> list = items(3);
    for (ConfirmItem &item : list)
        item.checkFirst = true;
    m_server->setAssetStatus(list.at(0).assetId, u"CREATED"_s);
    m_server->config().randomFaultsOnAssetInfo = true;
    m_server->config().error500 = 1.0;

    // Every read fails: nothing is sent, each asset says why, and stays unsent (resumable).
    ConfirmEngine *e = engine(client(), 4, 60000, 3);
    BatchSummary s = run(e, list);
    QCOMPARE(s.notSent, 3);
    QCOMPARE(e->assets().at(1).state, AssetState::NotSent);
    QCOMPARE(m_server->counters().requests(Route::AssetInfo), 3);
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 0);
    QVERIFY2(e->assets().at(1).note.contains(u"could not be read"_s),
             qPrintable(e->assets().at(1).note));

    // The first read fails, the second succeeds: only the waiting ones are sent.
    m_server->reset();
    connect(m_server.get(), &VodTestServer::requestReceived, this, [this, seen = 0]() mutable {
        if (++seen == 2) // before the second request's fault is drawn
            m_server->config().error500 = 0;
    });
    s = run(e, list);
    QCOMPARE(s.confirmed, 3);
    QCOMPARE(m_server->counters().requests(Route::AssetInfo), 2);
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 2);
    QCOMPARE(m_server->counters().confirmRequests.value(list.at(0).assetId), 0);
}

void TestConfirmEngine::checkFirstStopsOnAuthFailure()
{
    QList<ConfirmItem> list = items(30);
    for (ConfirmItem &item : list)
        item.checkFirst = true;
    Credentials wrong;
    wrong.accessKey = m_server->config().accessKey;
    wrong.secretKey = u"wrong-secret"_s;
    ConfirmEngine *e = engine(client(wrong));
    const BatchSummary s = run(e, list);
    QVERIFY(s.authStopped);
    QCOMPARE(s.notSent, 30);
    QCOMPARE(m_server->counters().totalRequests, 1);
    QCOMPARE(e->assets().at(0).note, u"not sent: authentication failed"_s);
}

void TestConfirmEngine::preflightSendsOnlyWhatStillWaits()
{
    // 25 assets read before sending, 10 per request: 10 CREATED and 3 PUBLISHED are already
    // confirmed (not sent), 3 DELETED and 2 that do not exist fail, 7 still waiting are sent.
    const QList<ConfirmItem> list = items(25);
    for (int i = 0; i < 10; ++i)
        m_server->setAssetStatus(list.at(i).assetId, u"CREATED"_s);
    for (int i = 10; i < 13; ++i)
        m_server->setAssetStatus(list.at(i).assetId, u"PUBLISHED"_s);
    for (int i = 13; i < 16; ++i)
        m_server->setAssetStatus(list.at(i).assetId, u"DELETED"_s);
    m_server->addMissingAsset(list.at(16).assetId);
    m_server->addMissingAsset(list.at(17).assetId);
    ConfirmEngine *e = engine(client());
    setCheckFirst(e);
    const BatchSummary s = run(e, list);
    QCOMPARE(s.alreadyConfirmed, 13);
    QCOMPARE(s.confirmed, 7);
    QCOMPARE(s.failed, 5);
    QCOMPARE(s.skipped, 0);
    QCOMPARE(s.verifications, 3);
    QCOMPARE(m_server->counters().requests(Route::AssetInfo), 3);
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 7);
    QCOMPARE(s.requests, 7);
    for (int i = 0; i < 25; ++i) {
        const AssetUpdate &a = e->assets().at(i);
        QCOMPARE(m_server->counters().confirmRequests.value(a.assetId), i >= 18 ? 1 : 0);
        if (i < 13) {
            QCOMPARE(a.state, AssetState::AlreadyConfirmed);
            QVERIFY2(a.note.contains(i < 10 ? u"CREATED"_s : u"PUBLISHED"_s), qPrintable(a.note));
            QCOMPARE(assetStateName(a.state), u"already_confirmed"_s);
        } else if (i < 16) {
            QCOMPARE(a.state, AssetState::Failed);
            QCOMPARE(a.note, u"the asset is DELETED"_s);
        } else if (i < 18) {
            QCOMPARE(a.state, AssetState::Failed);
            QVERIFY2(a.note.contains(u"does not exist"_s) && a.note.contains(u"no asset"_s),
                     qPrintable(a.note));
        } else {
            QCOMPARE(a.state, AssetState::Confirmed);
        }
    }
    QCOMPARE(m_server->counters().needlessConfirms.size(), 0);

    // Off: every asset is sent, nothing is read.
    m_server->reset();
    setCheckFirst(e, false);
    const BatchSummary off = run(e, items(5, 100));
    QCOMPARE(off.confirmed, 5);
    QCOMPARE(m_server->counters().requests(Route::AssetInfo), 0);
}

void TestConfirmEngine::preflightNotFoundFailsWithTheServersWords()
{
    // This server answers a read naming a missing asset with VOD.10062 for the whole request:
    // the reader reads each of that request's assets alone to learn which one it is.
    m_server->config().assetInfoMissingIsError = true;
    m_server->config().missingAssetMessage = u"Media asset 3 is gone"_s;
    const QList<ConfirmItem> list = items(12);
    m_server->addMissingAsset(list.at(3).assetId);
    m_server->addMissingAsset(list.at(11).assetId);
    ConfirmEngine *e = engine(client());
    setCheckFirst(e);
    const BatchSummary s = run(e, list);
    QCOMPARE(s.failed, 2);
    QCOMPARE(s.confirmed, 10);
    // 10 + 2 assets: each request refused, then each asset alone.
    QCOMPARE(m_server->counters().requests(Route::AssetInfo), 1 + 10 + 1 + 2);
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 10);
    for (int i : {3, 11}) {
        const AssetUpdate &a = e->assets().at(i);
        QCOMPARE(a.state, AssetState::Failed);
        QCOMPARE(a.attempts, 0);
        QCOMPARE(a.last.errorCode, u"VOD.10062"_s);
        QCOMPARE(a.last.errorMessage, u"Media asset 3 is gone"_s);
        QCOMPARE(a.note, QString()); // the answer's code and message say it
        QCOMPARE(m_server->counters().confirmRequests.value(a.assetId), 0);
    }
}

void TestConfirmEngine::preflightSendsWhatItCannotRead()
{
    // Unlike a resume, no earlier run sent these: a state that cannot be read (every read fails,
    // 3 attempts) is no reason to hold them back.
    m_server->config().randomFaultsOnAssetInfo = true;
    m_server->config().error500 = 1.0;
    ConfirmEngine *e = engine(client(), 4, 60000, 3);
    setCheckFirst(e);
    m_server->scriptNext({Fault::None, Fault::None, Fault::None}); // the confirms get through
    const BatchSummary s = run(e, items(3));
    QCOMPARE(s.confirmed, 3);
    QCOMPARE(m_server->counters().requests(Route::AssetInfo), 3); // one request, 3 attempts
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 3);
}

void TestConfirmEngine::preflightAuthFailureStopsEverything()
{
    Credentials wrong;
    wrong.accessKey = m_server->config().accessKey;
    wrong.secretKey = u"wrong-secret"_s;
    ConfirmEngine *e = engine(client(wrong));
    setCheckFirst(e);
    QSignalSpy auth(e, &ConfirmEngine::authenticationFailed);
    const BatchSummary s = run(e, items(30));
    QVERIFY(s.authStopped);
    QCOMPARE(auth.size(), 1);
    QCOMPARE(s.notSent, 30);
    QCOMPARE(m_server->counters().totalRequests, 1); // the one read, never retried
    QCOMPARE(m_server->counters().requests(Route::AssetInfo), 1);
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 0);
    QCOMPARE(e->assets().at(29).note, u"not sent: authentication failed"_s);
}

void TestConfirmEngine::throttledStateReadsSlowOnlyStateReads()
{
    // A 429 storm on ShowAssetMeta: the state reads' pacer slows down, the confirms' keeps its
    // rate; nothing is lost.
    m_server->scriptNextInfo({Fault::Throttle, Fault::Throttle});
    ConfirmEngine *e = engine(client(), 4, 6000);
    setCheckFirst(e);
    const BatchSummary s = run(e, items(30));
    QCOMPARE(s.confirmed, 30);
    QCOMPARE(s.throttled, 2);
    QCOMPARE(m_server->counters().throttled, 2);
    QCOMPARE(m_server->counters().requests(Route::AssetInfo), 3 + 2);
    QVERIFY2(e->stateReadRatePerMinute() < 6000 * 0.75,
             qPrintable(QString::number(e->stateReadRatePerMinute())));
    QCOMPARE(e->currentRatePerMinute(), 6000.0);
}

void TestConfirmEngine::throttledConfirmsSlowOnlyConfirms()
{
    m_server->scriptNext({Fault::Throttle, Fault::Throttle});
    ConfirmEngine *e = engine(client(), 1, 6000);
    setCheckFirst(e);
    const BatchSummary s = run(e, items(30));
    QCOMPARE(s.confirmed, 30);
    QCOMPARE(s.throttled, 2);
    QCOMPARE(m_server->counters().requests(Route::AssetInfo), 3);
    QVERIFY2(e->currentRatePerMinute() < 6000 * 0.75,
             qPrintable(QString::number(e->currentRatePerMinute())));
    QCOMPARE(e->stateReadRatePerMinute(), 6000.0);
}

void TestConfirmEngine::emptyBatchFinishes()
{
    ConfirmEngine *e = engine(client());
    const BatchSummary s = run(e, {});
    QCOMPARE(s.total, 0);
    QVERIFY(!e->isRunning());
    QCOMPARE(m_server->counters().totalRequests, 0);
}

void TestConfirmEngine::refusedConnectionStopsTheBatchNothingSent()
{
    // Nothing listens on the endpoint: 20 assets cost one connection attempt (not 5 each, and no
    // state reads), and every asset says it was not sent.
    const QUrl dead = m_server->url();
    m_server.reset(); // the port is free again
    Credentials c;
    c.accessKey = u"HPUAEXAMPLEAK0000001"_s;
    c.secretKey = u"secret"_s;
    VodClient::Config config {dead, dead, u"cn-north-4"_s, u"0a1b2c3d4e5f60718293a4b5c6d7e8f9"_s,
                              c,    5000};
    auto *vc = new VodClient(m_nam.get(), config, m_nam.get());
    ConfirmEngine *e = engine(vc);
    QSignalSpy attempts(e, &ConfirmEngine::attemptFinished);
    const BatchSummary s = run(e, items(20));
    QCOMPARE(s.total, 20);
    QCOMPARE(s.notSent, 20);
    QCOMPARE(s.failed, 0);
    QCOMPARE(s.requests, 1);
    QCOMPARE(s.verifications, 0);
    QCOMPARE(attempts.size(), 1);
    QVERIFY(!attempts.first().first().value<AttemptRecord>().willRetry);
    QVERIFY2(s.stopReason.contains(u"nothing was sent"_s) && s.stopReason.contains(u"stopped"_s),
             qPrintable(s.stopReason));
    QVERIFY(!s.stopReason.contains(u"may have"_s));
    for (const AssetUpdate &a : e->assets()) {
        QCOMPARE(a.state, AssetState::NotSent);
        QCOMPARE(a.note, u"not sent: the server could not be reached"_s);
    }
    QCOMPARE(e->assets().first().last.errorClass, ErrorClass::Unreachable);
}

void TestConfirmEngine::successWithAnErrorBodyIsVerified_data()
{
    QTest::addColumn<QString>("stateBefore"); // the asset's state when the odd 200 comes
    QTest::addColumn<bool>("applied"); // the confirm took effect despite the odd answer
    QTest::addColumn<AssetState>("outcome");
    QTest::addColumn<QString>("note");
    QTest::addColumn<int>("posts");
    QTest::newRow("took effect: confirmed (verified)")
            << u"CREATING"_s << true << AssetState::Confirmed << u"confirmed (verified)"_s << 1;
    QTest::newRow("still waiting: sent again")
            << u"CREATING"_s << false << AssetState::Confirmed << QString() << 2;
    QTest::newRow("deleted meanwhile: failed with the state")
            << u"DELETED"_s << false << AssetState::Failed << u"the asset is DELETED"_s << 1;
}

void TestConfirmEngine::successWithAnErrorBodyIsVerified()
{
    // A 200 whose body is an error object is not a confirmation: the engine reads the state.
    QFETCH(QString, stateBefore);
    QFETCH(bool, applied);
    QFETCH(AssetState, outcome);
    QFETCH(QString, note);
    QFETCH(int, posts);
    const QList<ConfirmItem> list = items(1);
    const QString id = list.first().assetId;
    m_server->setAssetStatus(id, stateBefore);
    // The test server answers the first confirm with a 200 error object once it arrives.
    bool first = true;
    connect(m_server.get(), &VodTestServer::requestReceived, this, [&](const QString &method) {
        if (method == "POST"_L1 && first) {
            first = false;
            m_server->scriptAsset(id, {Fault::SuccessWithErrorBody});
            if (applied)
                m_server->setAssetStatus(id, u"CREATED"_s);
        }
    });
    ConfirmEngine *e = engine(client(), 1);
    run(e, list);
    const AssetUpdate &a = e->assets().first();
    QCOMPARE(a.state, outcome);
    QCOMPARE(a.note, note);
    QCOMPARE(m_server->counters().confirmRequests.value(id), posts);
    QCOMPARE(m_server->counters().requests(Route::AssetInfo), 1);
}

void TestConfirmEngine::longRetryAfterIsCappedAndAnnounced()
{
    // Retry-After: 1 hour. The engine waits at most 5 minutes, and says so when it starts
    // waiting; cancelled during the wait, it ends at once.
    m_server->config().retryAfterSecs = 3600;
    m_server->scriptNext({Fault::Throttle});
    ConfirmEngine *e = engine(client(), 1);
    QSignalSpy waiting(e, &ConfirmEngine::waiting);
    QSignalSpy finished(e, &ConfirmEngine::finished);
    e->start(items(1));
    QVERIFY(waiting.wait(10000));
    QCOMPARE(waiting.size(), 1);
    const qint64 ms = waiting.first().at(0).toLongLong();
    QVERIFY2(ms > 290 * 1000 && ms <= 300 * 1000, qPrintable(QString::number(ms)));
    QVERIFY2(waiting.first().at(1).toString().contains(u"Retry-After"_s),
             qPrintable(waiting.first().at(1).toString()));
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 1);
    e->cancel();
    QVERIFY(finished.wait(1000) || finished.size() == 1);
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 1);

    // Short waits are not announced.
    m_server->config().retryAfterSecs = 1;
    m_server->scriptNext({Fault::Throttle});
    waiting.clear();
    QCOMPARE(run(e, items(1, 5)).confirmed, 1);
    QCOMPARE(waiting.size(), 0);
}

void TestConfirmEngine::headersMustArriveWithinTheTimeout_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<bool>("tls");
    // Over plain HTTP, Qt 6.4 reads the headers from an unbuffered socket one byte per recv()
    // in its HTTP thread and does not look at its event loop while bytes keep coming: a server
    // sending 100 MB of headers keeps that thread (and every later request of the same
    // QNetworkAccessManager) busy until it stops. Over TLS (every real endpoint) Qt reads
    // through a 64 KB buffer and the timeout holds; that is what is tested here.
    QTest::newRow("100 MB of header lines, TLS") << Fault::HugeHeaders << true;
    QTest::newRow("header lines trickled") << Fault::SlowHeaders << false;
    QTest::newRow("header lines trickled, TLS") << Fault::SlowHeaders << true;
}

void TestConfirmEngine::headersMustArriveWithinTheTimeout()
{
    // The timeout covers the whole exchange, headers included: 3 assets whose answers never
    // finish their headers within a 1 s timeout take a few seconds, not minutes.
    QFETCH(Fault, fault);
    QFETCH(bool, tls);
    if (tls) {
        m_server = std::make_unique<VodTestServer>();
        QVERIFY(m_server->listen(0, VodTestServer::Tls::CaSigned));
    }
    const QList<ConfirmItem> list = items(3);
    for (const ConfirmItem &item : list)
        m_server->scriptAsset(item.assetId, {fault});
    m_server->config().trickleIntervalMs = 50; // SlowHeaders: 1000 lines take 50 s
    VodClient::Config config = loopbackClientConfig(*m_server, 1000);
    if (tls)
        config.caFile = VodTestServer::certsDir() + u"/ca.pem"_s;
    ConfirmEngine *e = engine(new VodClient(m_nam.get(), config, m_nam.get()), 1, 60000, 2);
    QElapsedTimer t;
    t.start();
    const BatchSummary s = run(e, list, 60000);
    qInfo("%s: %lld ms for 3 assets with a 1 s timeout", QTest::currentDataTag(), t.elapsed());
    QCOMPARE(s.total, 3);
    QVERIFY2(t.elapsed() < 15000, qPrintable(QString::number(t.elapsed()))); // was minutes
    for (const AssetUpdate &a : e->assets()) {
        // The faults take effect; the state read after the timeout finds them confirmed.
        QCOMPARE(a.state, AssetState::Confirmed);
        QCOMPARE(a.note, u"confirmed (verified)"_s);
        QVERIFY2(a.last.errorMessage.contains(u"timeout"_s), qPrintable(a.last.errorMessage));
    }
}

#include "tst_confirmengine.moc"
