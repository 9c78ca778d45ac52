// How VodClient reaches the server: TLS verification with an optional extra CA file, the reason
// of every certificate failure, and HTTP/SOCKS5 proxies. Real sockets: the loopback VOD server
// in TLS mode (certificates in tests/support/certs) and the loopback test proxy.
#include "api/vodclient.h"
#include "engine/confirmengine.h"
#include "settings/clientconfig.h"
#include "testfixtures.h"
#include "testproxy.h"
#include "vodtestserver.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace VodConfirm;
using namespace VodConfirm::Test;
using namespace Qt::StringLiterals;
using Tls = VodTestServer::Tls;
using Route = VodTestServer::Route;

namespace {
QString testCa()
{
    return VodTestServer::certsDir() + u"/ca.pem"_s;
}

// The server's URL under a name that resolves nowhere: only a proxy can reach it.
QUrl viaName(QUrl url)
{
    url.setHost(u"vod.vodconfirm.test"_s);
    return url;
}
} // namespace

class TestTransport : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void selfSignedCertificateStopsTheBatchWithTheReason();
    void stateReadBeforeResumingStopsTheSameWay();
    void wrongHostNameIsNamed();
    void caFileMakesThePrivateCaTrusted();
    void badCaFileIsAConfigurationProblem_data();
    void badCaFileIsAConfigurationProblem();
    void httpProxyTunnelsHttps();
    void httpProxyForwardsPlainHttp();
    void socks5ProxyWithCredentials();
    void wrongProxyPasswordStopsAtOnce();
    void deadProxyIsNamed();

private:
    Profile profile(const QUrl &endpoint) const;
    Credentials credentials() const;
    VodClient *client(const Profile &profile, const Credentials &credentials);
    ApiResult confirmOne(VodClient *client, const QString &id = assetId(1));
    BatchSummary runBatch(VodClient *client, int assets, QList<AssetUpdate> *updates = nullptr,
                          bool checkFirst = false);

    std::unique_ptr<VodTestServer> m_server;
    std::unique_ptr<TestProxy> m_proxy;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

void TestTransport::init()
{
    m_server = std::make_unique<VodTestServer>();
    m_proxy = std::make_unique<TestProxy>();
    QVERIFY(m_proxy->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
}

void TestTransport::cleanup()
{
    m_nam.reset();
    m_proxy.reset();
    m_server.reset();
}

Profile TestTransport::profile(const QUrl &endpoint) const
{
    Profile p;
    p.name = u"transport"_s;
    p.customEndpoint = endpoint;
    p.projectId = m_server->config().projectId;
    p.accessKey = m_server->config().accessKey;
    return p;
}

Credentials TestTransport::credentials() const
{
    return loopbackCredentials(*m_server);
}

// Through clientConfig(), the one place where a profile becomes a client configuration.
VodClient *TestTransport::client(const Profile &profile, const Credentials &credentials)
{
    return new VodClient(m_nam.get(), clientConfig(profile, credentials, 10), m_nam.get());
}

ApiResult TestTransport::confirmOne(VodClient *client, const QString &id)
{
    ApiResult result;
    bool done = false;
    client->confirmAssetUpload(id, TargetStatus::Created, this, [&](const ApiResult &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        qWarning("no answer");
    return result;
}

BatchSummary TestTransport::runBatch(VodClient *client, int assets, QList<AssetUpdate> *updates,
                                     bool checkFirst)
{
    ConfirmEngine engine(client);
    ConfirmEngine::Options o;
    o.maxAttempts = 5;
    o.baseBackoffMs = 20;
    o.ratePerMinute = 60000;
    engine.setOptions(o);
    QList<ConfirmItem> items;
    for (int i = 0; i < assets; ++i)
        items.append({assetId(i + 1), TargetStatus::Created, checkFirst});
    QSignalSpy finished(&engine, &ConfirmEngine::finished);
    engine.start(items);
    if (!finished.wait(30000))
        return {};
    if (updates)
        *updates = engine.assets();
    return finished.first().first().value<BatchSummary>();
}

void TestTransport::selfSignedCertificateStopsTheBatchWithTheReason()
{
    QVERIFY(m_server->listen(0, Tls::SelfSigned));
    QList<AssetUpdate> assets;
    const BatchSummary s = runBatch(client(profile(m_server->url()), credentials()), 5, &assets);
    QCOMPARE(s.total, 5);
    QCOMPARE(s.confirmed, 0);
    QCOMPARE(s.failed, 1);
    QCOMPARE(s.notSent, 4);
    QVERIFY(!s.authStopped);
    // One handshake, refused by the client; no HTTP request ever reached the server.
    QCOMPARE(m_server->counters().tlsHandshakes, 1);
    QCOMPARE(m_server->counters().totalRequests, 0);

    const ApiResult &r = assets.first().last;
    QCOMPARE(r.networkError, int(QNetworkReply::SslHandshakeFailedError));
    QCOMPARE(r.httpStatus, 0);
    QVERIFY(!r.isRetryable());
    QVERIFY2(r.errorMessage.contains(u"self-signed, and untrusted"_s), qPrintable(r.errorMessage));
    QVERIFY2(s.stopReason.contains(u"self-signed"_s) && s.stopReason.contains(u"CA file"_s),
             qPrintable(s.stopReason));
    QCOMPARE(assets.at(1).state, AssetState::NotSent);
    for (const QString &text : {r.errorMessage, s.stopReason})
        QVERIFY(!text.contains(m_server->config().secretKey));
}

void TestTransport::stateReadBeforeResumingStopsTheSameWay()
{
    // Resuming an interrupted run reads the assets' state before sending: that read meets the
    // untrusted certificate first, and is not retried either.
    QVERIFY(m_server->listen(0, Tls::SelfSigned));
    QList<AssetUpdate> assets;
    const BatchSummary s
            = runBatch(client(profile(m_server->url()), credentials()), 3, &assets, true);
    QCOMPARE(s.notSent, 3);
    QCOMPARE(s.confirmed + s.failed, 0);
    QCOMPARE(m_server->counters().tlsHandshakes, 1);
    QVERIFY2(s.stopReason.contains(u"self-signed"_s), qPrintable(s.stopReason));
    QCOMPARE(assets.first().note, u"not sent: the connection failed"_s);
}

void TestTransport::wrongHostNameIsNamed()
{
    QVERIFY(m_server->listen(0, Tls::WrongHost)); // signed by the test CA, for another name
    Profile p = profile(m_server->url());
    p.caFile = testCa();
    const ApiResult r = confirmOne(client(p, credentials()));
    QCOMPARE(r.networkError, int(QNetworkReply::SslHandshakeFailedError));
    QVERIFY2(r.errorMessage.contains(u"host name did not match"_s), qPrintable(r.errorMessage));
    QVERIFY2(!r.errorMessage.contains(u"self-signed"_s), qPrintable(r.errorMessage));
    QCOMPARE(m_server->counters().totalRequests, 0);
}

void TestTransport::caFileMakesThePrivateCaTrusted()
{
    QVERIFY(m_server->listen(0, Tls::CaSigned));
    Profile p = profile(m_server->url());
    ApiResult r = confirmOne(client(p, credentials()));
    QCOMPARE(r.networkError, int(QNetworkReply::SslHandshakeFailedError)); // unknown CA
    QVERIFY2(r.errorMessage.contains(u"certificate was not accepted"_s),
             qPrintable(r.errorMessage));
    QCOMPARE(m_server->counters().totalRequests, 0);

    p.caFile = testCa();
    VodClient *trusting = client(p, credentials());
    QCOMPARE(trusting->configProblem(), QString());
    r = confirmOne(trusting);
    QVERIFY2(r.ok(), qPrintable(r.summary()));
    QCOMPARE(m_server->counters().requests(Route::Confirm), 1);
    QCOMPARE(m_server->assetStatus(assetId(1)), u"CREATED"_s);

    // The name in the certificate works as well as the address.
    QUrl byName = m_server->url();
    byName.setHost(u"localhost"_s);
    r = confirmOne(client(profile(byName), credentials()), assetId(2));
    QVERIFY2(!r.ok(), "the CA file belongs to the other profile only");
    p.customEndpoint = byName;
    r = confirmOne(client(p, credentials()), assetId(2));
    QVERIFY2(r.ok(), qPrintable(r.summary()));
}

void TestTransport::badCaFileIsAConfigurationProblem_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing") << u"missing.pem"_s << QByteArray() << u"cannot be read"_s;
    QTest::newRow("not a certificate")
            << u"notes.txt"_s << QByteArray("just some text\n") << u"holds no certificate"_s;
    QFile key(VodTestServer::certsDir() + u"/server.key"_s);
    QVERIFY(key.open(QIODevice::ReadOnly));
    QTest::newRow("a private key") << u"server.key"_s << key.readAll() << u"holds no certificate"_s;
}

void TestTransport::badCaFileIsAConfigurationProblem()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, contents);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(fileName);
    if (!contents.isEmpty()) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(contents);
    }
    QVERIFY(m_server->listen(0, Tls::CaSigned));
    Profile p = profile(m_server->url());
    p.caFile = path;
    VodClient *c = client(p, credentials());
    const QString problem = c->configProblem();
    QVERIFY2(problem.contains(path) && problem.contains(expected), qPrintable(problem));
    QCOMPARE(p.problem(), problem); // the profile editor says the same
}

void TestTransport::httpProxyTunnelsHttps()
{
    QVERIFY(m_server->listen(0, Tls::CaSigned));
    Profile p = profile(viaName(m_server->url()));
    p.caFile = testCa();
    p.proxyMode = ProxyMode::Manual;
    p.proxyType = ProxyType::Http;
    p.proxyHost = u"127.0.0.1"_s;
    p.proxyPort = m_proxy->port();
    VodClient *c = client(p, credentials());
    const ApiResult r = confirmOne(c);
    QVERIFY2(r.ok(), qPrintable(r.summary()));
    QCOMPARE(m_proxy->counters().tunnels, 1);
    QCOMPARE(m_proxy->counters().targets,
             QStringList {u"vod.vodconfirm.test:%1"_s.arg(m_server->port())});
    QCOMPARE(m_server->counters().requests(Route::Confirm), 1);

    // The same profile without the proxy cannot reach a name that resolves nowhere.
    p.proxyMode = ProxyMode::None;
    QVERIFY(!confirmOne(client(p, credentials())).ok());
    QCOMPARE(m_proxy->counters().tunnels, 1);
}

void TestTransport::httpProxyForwardsPlainHttp()
{
    QVERIFY(m_server->listen());
    Profile p = profile(m_server->url());
    p.proxyMode = ProxyMode::Manual;
    p.proxyHost = u"127.0.0.1"_s;
    p.proxyPort = m_proxy->port();
    const BatchSummary s = runBatch(client(p, credentials()), 3);
    QCOMPARE(s.confirmed, 3);
    QCOMPARE(m_proxy->counters().forwarded, 3);
    QCOMPARE(m_proxy->counters().tunnels, 0);
    QCOMPARE(m_server->counters().requests(Route::Confirm), 3); // signatures still valid
}

void TestTransport::socks5ProxyWithCredentials()
{
    QVERIFY(m_server->listen(0, Tls::CaSigned));
    m_proxy->requireCredentials(u"proxy-user"_s, u"proxy-secret"_s);
    Profile p = profile(viaName(m_server->url()));
    p.caFile = testCa();
    p.proxyMode = ProxyMode::Manual;
    p.proxyType = ProxyType::Socks5;
    p.proxyHost = u"127.0.0.1"_s;
    p.proxyPort = m_proxy->port();
    p.proxyUserName = u"proxy-user"_s;
    Credentials c = credentials();
    c.proxyPassword = u"proxy-secret"_s;
    const ApiResult r = confirmOne(client(p, c));
    QVERIFY2(r.ok(), qPrintable(r.summary()));
    QCOMPARE(m_proxy->counters().socksConnects, 1);
    QCOMPARE(m_proxy->counters().refused, 0);
    QCOMPARE(m_proxy->counters().targets,
             QStringList {u"vod.vodconfirm.test:%1"_s.arg(m_server->port())});
    QCOMPARE(m_server->counters().requests(Route::Confirm), 1);
}

void TestTransport::wrongProxyPasswordStopsAtOnce()
{
    QVERIFY(m_server->listen(0, Tls::CaSigned));
    m_proxy->requireCredentials(u"proxy-user"_s, u"proxy-secret"_s);
    Profile p = profile(m_server->url());
    p.caFile = testCa();
    p.proxyMode = ProxyMode::Manual;
    p.proxyHost = u"127.0.0.1"_s;
    p.proxyPort = m_proxy->port();
    p.proxyUserName = u"proxy-user"_s;
    Credentials c = credentials();
    c.proxyPassword = u"not-the-proxy-secret"_s;
    QList<AssetUpdate> assets;
    const BatchSummary s = runBatch(client(p, c), 5, &assets);
    QCOMPARE(s.failed, 1);
    QCOMPARE(s.notSent, 4);
    QCOMPARE(m_proxy->counters().accepted(), 0);
    // Qt asks once without and once with the credentials; nothing is retried after that.
    QVERIFY2(m_proxy->counters().refused <= 2,
             qPrintable(QString::number(m_proxy->counters().refused)));
    QCOMPARE(m_server->counters().tlsHandshakes, 0);
    const ApiResult &r = assets.first().last;
    QCOMPARE(r.networkError, int(QNetworkReply::ProxyAuthenticationRequiredError));
    QVERIFY2(r.errorMessage.contains(u"proxy"_s) && r.errorMessage.contains(u"password"_s),
             qPrintable(r.errorMessage));
    QVERIFY(s.stopReason.contains(u"proxy settings"_s));
    for (const QString &text : {r.errorMessage, s.stopReason})
        QVERIFY(!text.contains(c.proxyPassword));
}

void TestTransport::deadProxyIsNamed()
{
    QVERIFY(m_server->listen(0, Tls::CaSigned));
    const quint16 deadPort = m_proxy->port();
    m_proxy.reset(); // nothing listens there any more
    Profile p = profile(m_server->url());
    p.caFile = testCa();
    p.proxyMode = ProxyMode::Manual;
    p.proxyHost = u"127.0.0.1"_s;
    p.proxyPort = deadPort;
    QList<AssetUpdate> assets;
    const BatchSummary s = runBatch(client(p, credentials()), 3, &assets);
    QCOMPARE(s.failed, 1);
    QCOMPARE(s.notSent, 2);
    const ApiResult &r = assets.first().last;
    // Qt says "Proxy connection refused" as an unknown network error; through an explicit
    // proxy the client reports it as the proxy's failure.
    QCOMPARE(r.networkError, int(QNetworkReply::UnknownProxyError));
    QVERIFY2(r.errorMessage.contains(u"The proxy server failed: Proxy connection refused"_s),
             qPrintable(r.errorMessage));
    QVERIFY(s.stopReason.contains(u"proxy settings"_s));
    QCOMPARE(m_server->counters().tlsHandshakes, 0);
}

QTEST_GUILESS_MAIN(TestTransport)
#include "tst_transport.moc"
