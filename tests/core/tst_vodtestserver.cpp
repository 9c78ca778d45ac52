// The loopback VOD/IAM server, tested over real sockets with hand-built, hand-signed requests
// (core's RequestSigner), independently of VodClient.
#include "api/requestsigner.h"
#include "vodtestserver.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace VodConfirm;
using namespace VodConfirm::Test;
using namespace Qt::StringLiterals;
using Fault = VodTestServer::Fault;
using Route = VodTestServer::Route;

namespace {

const QString AssetA = u"0123456789abcdef0123456789abcdef"_s;
const QString AssetB = u"fedcba9876543210fedcba9876543210"_s;
const QString AssetC = u"a52ba84366abebb4c4614e1b16973549"_s;

using Header = std::pair<QByteArray, QByteArray>;

struct HttpResponse
{
    int status = 0; // 0: no (complete) answer
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const { return json().value(u"error_code"_s).toString(); }
    QString errorMessage() const { return json().value(u"error_msg"_s).toString(); }
};

// One keep-alive connection; responses are parsed as they complete.
class RawClient
{
public:
    explicit RawClient(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket,
                         [this] { m_buffer += m_socket.readAll(); });
        const bool connected = QTest::qWaitFor(
                [this] { return m_socket.state() == QAbstractSocket::ConnectedState; });
        Q_UNUSED(connected) // tests notice a missing connection by the missing answer
    }

    QTcpSocket &socket() { return m_socket; }
    qsizetype received() const { return m_buffer.size(); }
    bool connected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

    std::optional<HttpResponse> take()
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return std::nullopt;
        HttpResponse r;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        r.status = lines.first().split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            r.headers.append(Header(line.left(colon), line.mid(colon + 1).trimmed()));
        }
        const qint64 length = r.header("Content-Length").toLongLong();
        if (m_buffer.size() < end + 4 + length)
            return std::nullopt;
        r.body = m_buffer.mid(end + 4, length);
        m_buffer.remove(0, end + 4 + length);
        return r;
    }

    HttpResponse wait(int timeoutMs = 10000)
    {
        std::optional<HttpResponse> r;
        const bool done = QTest::qWaitFor([&] { return (r = take()).has_value() || !connected(); },
                                          timeoutMs);
        Q_UNUSED(done)
        if (!r)
            r = take();
        return r.value_or(HttpResponse());
    }

    HttpResponse send(const QByteArray &request, int timeoutMs = 10000)
    {
        m_socket.write(request);
        return wait(timeoutMs);
    }

    bool waitDisconnected(int timeoutMs = 10000)
    {
        return QTest::qWaitFor([this] { return !connected(); }, timeoutMs);
    }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

struct RequestOptions
{
    QByteArray accessKey = "HPUAEXAMPLEAK0000001";
    QByteArray secretKey = "ExampleSecretKey0000000000000000000000001";
    QString projectId = u"0a1b2c3d4e5f60718293a4b5c6d7e8f9"_s;
    QDateTime date = QDateTime::currentDateTimeUtc();
    QByteArray securityToken;
    QByteArray authToken; // X-Auth-Token instead of a signature
    bool close = false;
    QByteArray tamperBody; // sent instead of the signed body, if not empty
};

// A complete HTTP/1.1 request, signed like the Node SDK does (content-type, host,
// x-project-id, x-sdk-date), or carrying X-Auth-Token.
QByteArray buildRequest(quint16 port, const QByteArray &method, const QString &path,
                        const QList<std::pair<QString, QString>> &query, const QByteArray &body,
                        const RequestOptions &o = {})
{
    RequestSigner::HeaderList headers;
    if (!body.isEmpty())
        headers.append(Header("Content-Type", "application/json"));
    headers.append(Header("Host", "127.0.0.1:" + QByteArray::number(port)));
    headers.append(Header("X-Project-Id", o.projectId.toLatin1()));
    if (!o.securityToken.isEmpty())
        headers.append(Header("X-Security-Token", o.securityToken));
    QByteArray target = RequestSigner::canonicalUri(path);
    target.chop(1); // no trailing slash on the wire
    QByteArray queryString;
    for (const auto &[key, value] : query) {
        queryString += (queryString.isEmpty() ? "" : "&") + RequestSigner::percentEncode(key) + '='
                + RequestSigner::percentEncode(value);
    }
    if (!queryString.isEmpty())
        target += '?' + queryString;

    if (o.authToken.isEmpty()) {
        headers.append(Header("X-Sdk-Date", RequestSigner::sdkDate(o.date)));
        const RequestSigner::Output signature = RequestSigner::sign(
                {method, path, query, headers, body, o.accessKey, o.secretKey});
        headers.append(Header("Authorization", signature.authorization));
    } else {
        headers.append(Header("X-Auth-Token", o.authToken));
    }
    const QByteArray sent = o.tamperBody.isEmpty() ? body : o.tamperBody;
    QByteArray out = method + ' ' + target + " HTTP/1.1\r\n";
    for (const auto &[name, value] : std::as_const(headers))
        out += name + ": " + value + "\r\n";
    out += "User-Agent: tst_vodtestserver\r\n";
    if (o.close)
        out += "Connection: close\r\n";
    out += "Content-Length: " + QByteArray::number(sent.size()) + "\r\n\r\n" + sent;
    return out;
}

QByteArray confirmBody(const QString &assetId, const QString &status = u"CREATED"_s)
{
    return QJsonDocument(QJsonObject {{u"asset_id"_s, assetId}, {u"status"_s, status}})
            .toJson(QJsonDocument::Compact);
}

QByteArray confirmRequest(const VodTestServer &server, const QString &assetId,
                          const RequestOptions &o = {}, const QString &status = u"CREATED"_s)
{
    return buildRequest(server.port(), "POST", u"/v1.0/%1/asset/status/uploaded"_s.arg(o.projectId),
                        {}, confirmBody(assetId, status), o);
}

QByteArray infoRequest(const VodTestServer &server, const QStringList &ids,
                       const RequestOptions &o = {})
{
    QList<std::pair<QString, QString>> query;
    for (const QString &id : ids)
        query.append({u"asset_id"_s, id});
    return buildRequest(server.port(), "GET", u"/v1.0/%1/asset/info"_s.arg(o.projectId), query, {},
                        o);
}

QByteArray tokenBody(const QString &password)
{
    const QJsonObject user {{u"name"_s, u"vod-user"_s},
                            {u"password"_s, password},
                            {u"domain"_s, QJsonObject {{u"name"_s, u"vod-account"_s}}}};
    const QJsonObject auth {
            {u"identity"_s,
             QJsonObject {{u"methods"_s, QJsonArray {u"password"_s}},
                          {u"password"_s, QJsonObject {{u"user"_s, user}}}}},
            {u"scope"_s, QJsonObject {{u"project"_s, QJsonObject {{u"name"_s, u"cn-north-4"_s}}}}}};
    return QJsonDocument(QJsonObject {{u"auth"_s, auth}}).toJson(QJsonDocument::Compact);
}

QByteArray createBody(const QJsonObject &fields)
{
    QJsonObject body {{u"title"_s, u"A clip"_s},
                      {u"video_name"_s, u"a clip.mp4"_s},
                      {u"video_type"_s, u"MP4"_s}};
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (it->isNull())
            body.remove(it.key());
        else
            body.insert(it.key(), *it);
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray createRequest(const VodTestServer &server, const QJsonObject &fields = {})
{
    return buildRequest(server.port(), "POST", u"/v1.0/0a1b2c3d4e5f60718293a4b5c6d7e8f9/asset"_s,
                        {}, createBody(fields));
}

QByteArray authorityRequest(const VodTestServer &server,
                            const QList<std::pair<QString, QString>> &query)
{
    return buildRequest(server.port(), "GET",
                        u"/v1.1/0a1b2c3d4e5f60718293a4b5c6d7e8f9/asset/authority"_s, query, {});
}

// A request to a presigned URL as any HTTP client would send it (no signature of ours).
QByteArray obsRequest(const QByteArray &method, const QUrl &url, const QByteArray &body,
                      const QList<Header> &headers = {})
{
    QByteArray out = method + ' ' + url.path(QUrl::FullyEncoded).toLatin1() + '?'
            + url.query(QUrl::FullyEncoded).toLatin1() + " HTTP/1.1\r\n";
    out += "Host: " + url.host().toLatin1() + ':' + QByteArray::number(url.port()) + "\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    return out + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QByteArray xmlText(const QByteArray &xml, const QByteArray &element)
{
    const qsizetype from = xml.indexOf('<' + element + '>');
    const qsizetype to = xml.indexOf("</" + element + '>');
    return from < 0 || to < 0 ? QByteArray()
                              : xml.mid(from + element.size() + 2, to - from - element.size() - 2);
}

} // namespace

class TestVodTestServer : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void signedConfirmIsAccepted();
    void confirmTargetStatuses();
    void confirmBodyValidation();
    void badSignatureIsRefused();
    void sdkDateWindowAndClockOffset();
    void securityTokenMustBeSigned();
    void unknownAsset();
    void wrongProject();
    void unknownRoute();
    void assetInfoWithRepeatedKeys();
    void assetListParameters_data();
    void assetListParameters();
    void iamTokenIssueUseAndExpiry();
    void qnamSignedConfirm();
    void rateLimit();
    void scriptedHtml502();
    void scriptedJsonErrors();
    void scriptedPerAsset();
    void dropBeforeAndAfterEffect();
    void perAssetAnswersAndRepeatedConfirms();
    void neverAnswerHoldsConnection();
    void trickleTruncatedHugeRedirect();
    void randomFaultsAreDeterministic();
    void keepAliveTwoRequests();
    void requestSplitAcrossWrites();
    void pipelinedRequests();
    void connectionClose();
    void latencyDoesNotBlock();
    void separateProcess();
    void createAssetChecksItsBody_data();
    void createAssetChecksItsBody();
    void authorityQueryChecks_data();
    void authorityQueryChecks();
    void obsMultipartByHand();
    void obsAuthorityIsForOneOperation();
    void obsDropMidBodyAndBodyCap();
    void obsReceiveBandwidthLimit();
    void uploadCallsShareTheConfirmQuota();

private:
    std::unique_ptr<VodTestServer> m_server;
};

void TestVodTestServer::init()
{
    m_server = std::make_unique<VodTestServer>();
    QVERIFY(m_server->listen());
    QVERIFY(m_server->port() != 0);
}

void TestVodTestServer::cleanup()
{
    m_server.reset();
}

void TestVodTestServer::signedConfirmIsAccepted()
{
    QSignalSpy received(m_server.get(), &VodTestServer::requestReceived);
    RawClient client(m_server->port());
    QCOMPARE(m_server->assetStatus(AssetA), u"CREATING"_s);

    const HttpResponse r = client.send(confirmRequest(*m_server, AssetA));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json(), QJsonObject({{u"asset_id"_s, AssetA}}));
    QCOMPARE(r.header("Content-Type"), "application/json;charset=UTF-8");
    QVERIFY(QRegularExpression(u"^[0-9a-f]{32}$"_s)
                    .match(QString::fromLatin1(r.header("X-Request-Id")))
                    .hasMatch());
    const QDateTime date = QLocale::c().toDateTime(QString::fromLatin1(r.header("Date")),
                                                   u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    QVERIFY2(date.isValid(), r.header("Date").constData());
    QCOMPARE(m_server->assetStatus(AssetA), u"CREATED"_s);
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.first().at(0).toString(), u"POST"_s);
    QCOMPARE(received.first().at(1).toString(),
             u"/v1.0/0a1b2c3d4e5f60718293a4b5c6d7e8f9/asset/status/uploaded"_s);

    const HttpResponse again = client.send(confirmRequest(*m_server, AssetA));
    QCOMPARE(again.status, 403);
    QCOMPARE(again.errorCode(), u"VOD.10061"_s);
    QCOMPARE(again.errorMessage(),
             u"The operation failed, and the current media asset status is not allowed to be "
             "updated."_s);
    QVERIFY(again.header("X-Request-Id") != r.header("X-Request-Id"));

    const auto &c = m_server->counters();
    QCOMPARE(c.totalRequests, 2);
    QCOMPARE(c.requests(Route::Confirm), 2);
    QCOMPARE(c.confirmRequests.value(AssetA), 2);
    QCOMPARE(c.effectiveConfirms.value(AssetA), 1);
    QCOMPARE(c.authFailures, 0);
    QCOMPARE(c.arrivalMs.size(), 2);
    QVERIFY(c.arrivalMs.at(0) <= c.arrivalMs.at(1));

    m_server->reset();
    QCOMPARE(m_server->counters().totalRequests, 0);
    QCOMPARE(m_server->assetStatus(AssetA), u"CREATED"_s); // assets survive reset()
}

void TestVodTestServer::confirmTargetStatuses()
{
    RawClient client(m_server->port());
    QCOMPARE(client.send(confirmRequest(*m_server, AssetA, {}, u"FAILED"_s)).status, 200);
    QCOMPARE(m_server->assetStatus(AssetA), u"UPLOAD_FAILED"_s);
    QCOMPARE(client.send(confirmRequest(*m_server, AssetB, {}, u"CANCELLED"_s)).status, 200);
    QCOMPARE(m_server->assetStatus(AssetB), u"CANCELLED"_s);
    m_server->setAssetStatus(AssetC, u"PUBLISHED"_s);
    QCOMPARE(client.send(confirmRequest(*m_server, AssetC)).errorCode(), u"VOD.10061"_s);
    QCOMPARE(m_server->assetStatus(AssetC), u"PUBLISHED"_s);
}

void TestVodTestServer::confirmBodyValidation()
{
    RawClient client(m_server->port());
    HttpResponse r = client.send(confirmRequest(*m_server, AssetA, {}, u"created"_s));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"VOD.10053"_s);
    QCOMPARE(r.errorMessage(), u"The request parameter is illegal, illegal field: {status}."_s);

    r = client.send(buildRequest(m_server->port(), "POST",
                                 u"/v1.0/0a1b2c3d4e5f60718293a4b5c6d7e8f9/asset/status/uploaded"_s,
                                 {}, "{\"asset_id\":"));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"VOD.10053"_s);
    QCOMPARE(m_server->assetStatus(AssetA), u"CREATING"_s);
    QCOMPARE(m_server->counters().effectiveConfirmsTotal(), 0);
}

void TestVodTestServer::badSignatureIsRefused()
{
    RawClient client(m_server->port());
    RequestOptions wrongKey;
    wrongKey.secretKey = "not-the-secret";
    HttpResponse r = client.send(confirmRequest(*m_server, AssetA, wrongKey));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), u"APIGW.0301"_s);
    QVERIFY2(r.errorMessage().startsWith(
                     u"Incorrect IAM authentication information: verify aksk signature fail"_s),
             qPrintable(r.errorMessage()));
    QCOMPARE(r.json().value(u"request_id"_s).toString().toLatin1(), r.header("X-Request-Id"));

    // Signed over one body, sent with another.
    RequestOptions tampered;
    tampered.tamperBody = confirmBody(AssetA, u"CANCELLED"_s);
    r = client.send(confirmRequest(*m_server, AssetA, tampered));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), u"APIGW.0301"_s);

    // Unsigned.
    r = client.send("POST /v1.0/0a1b2c3d4e5f60718293a4b5c6d7e8f9/asset/status/uploaded "
                    "HTTP/1.1\r\nHost: x\r\nX-Project-Id: 0a1b2c3d4e5f60718293a4b5c6d7e8f9\r\n"
                    "Content-Length: 2\r\n\r\n{}");
    QCOMPARE(r.status, 401);

    QCOMPARE(m_server->counters().authFailures, 3);
    QCOMPARE(m_server->assetStatus(AssetA), u"CREATING"_s);
    QCOMPARE(client.send(confirmRequest(*m_server, AssetA)).status, 200);
}

void TestVodTestServer::sdkDateWindowAndClockOffset()
{
    RawClient client(m_server->port());
    RequestOptions old;
    old.date = QDateTime::currentDateTimeUtc().addSecs(-16 * 60);
    HttpResponse r = client.send(confirmRequest(*m_server, AssetA, old));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), u"APIGW.0301"_s);
    QVERIFY2(r.errorMessage().contains(u"x-sdk-date"_s), qPrintable(r.errorMessage()));

    old.date = QDateTime::currentDateTimeUtc().addSecs(-14 * 60);
    QCOMPARE(client.send(confirmRequest(*m_server, AssetA, old)).status, 200);

    // The server clock runs 20 minutes ahead: a client using its own clock is refused, one
    // that corrects its clock from the Date header is accepted.
    m_server->config().clockOffsetMs = 20 * 60 * 1000;
    r = client.send(confirmRequest(*m_server, AssetB));
    QCOMPARE(r.status, 401);
    const QDateTime serverDate = QLocale::c().toDateTime(QString::fromLatin1(r.header("Date")),
                                                         u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    QVERIFY(serverDate.isValid());
    const qint64 skew = QDateTime::currentDateTimeUtc().secsTo(
            QDateTime(serverDate.date(), serverDate.time(), Qt::UTC));
    QVERIFY2(qAbs(skew - 20 * 60) < 5, qPrintable(QString::number(skew)));
    RequestOptions corrected;
    corrected.date = QDateTime::currentDateTimeUtc().addSecs(skew);
    QCOMPARE(client.send(confirmRequest(*m_server, AssetB, corrected)).status, 200);
}

void TestVodTestServer::securityTokenMustBeSigned()
{
    m_server->config().securityToken = u"temporary-token"_s;
    RawClient client(m_server->port());
    HttpResponse r = client.send(confirmRequest(*m_server, AssetA));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), u"APIGW.0301"_s);
    RequestOptions wrong;
    wrong.securityToken = "other-token";
    QCOMPARE(client.send(confirmRequest(*m_server, AssetA, wrong)).status, 401);
    RequestOptions right;
    right.securityToken = "temporary-token";
    QCOMPARE(client.send(confirmRequest(*m_server, AssetA, right)).status, 200);
}

void TestVodTestServer::unknownAsset()
{
    RawClient client(m_server->port());
    m_server->addMissingAsset(AssetA);
    HttpResponse r = client.send(confirmRequest(*m_server, AssetA));
    QCOMPARE(r.status, 403);
    QCOMPARE(r.errorCode(), u"VOD.10062"_s);
    QCOMPARE(r.errorMessage(), u"Media asset or resource does not exist, please check."_s);

    // Malformed ids never exist; without autoCreate, unseen ids do not either.
    QCOMPARE(client.send(confirmRequest(*m_server, u"not-an-id"_s)).errorCode(), u"VOD.10062"_s);
    m_server->config().autoCreate = false;
    QCOMPARE(client.send(confirmRequest(*m_server, AssetB)).errorCode(), u"VOD.10062"_s);
    m_server->setAssetStatus(AssetB, u"CREATING"_s);
    QCOMPARE(client.send(confirmRequest(*m_server, AssetB)).status, 200);
    QCOMPARE(m_server->counters().effectiveConfirms.value(AssetA), 0);
}

void TestVodTestServer::wrongProject()
{
    RawClient client(m_server->port());
    RequestOptions other;
    other.projectId = u"ffffffffffffffffffffffffffffffff"_s;
    HttpResponse r = client.send(confirmRequest(*m_server, AssetA, other));
    QCOMPARE(r.status, 403);
    QCOMPARE(r.errorCode(), u"VOD.10057"_s);
    QCOMPARE(r.errorMessage(), u"Tenant ID verification failed."_s);
    QCOMPARE(m_server->assetStatus(AssetA), u"CREATING"_s);
}

void TestVodTestServer::unknownRoute()
{
    RawClient client(m_server->port());
    const HttpResponse r = client.send(
            buildRequest(m_server->port(), "GET",
                         u"/v1.0/0a1b2c3d4e5f60718293a4b5c6d7e8f9/asset/nothing"_s, {}, {}));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.errorCode(), u"APIGW.0101"_s);
    QCOMPARE(m_server->counters().requests(Route::Unknown), 1);

    RawClient garbage(m_server->port());
    const HttpResponse bad = garbage.send("GARBAGE\r\n\r\n");
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.errorCode(), u"APIGW.0201"_s);
    QVERIFY(!bad.header("X-Request-Id").isEmpty());
    QVERIFY(garbage.waitDisconnected());
}

void TestVodTestServer::assetInfoWithRepeatedKeys()
{
    RawClient client(m_server->port());
    m_server->setAssetStatus(AssetA, u"CREATED"_s);
    m_server->addMissingAsset(AssetC);
    HttpResponse r = client.send(infoRequest(*m_server, {AssetB, AssetA, AssetC}));
    QCOMPARE(r.status, 200);
    const QJsonObject json = r.json();
    QCOMPARE(json.value(u"total"_s).toInt(), 3);
    QCOMPARE(json.value(u"is_truncated"_s).toInt(), 0);
    const QJsonArray array = json.value(u"asset_info_array"_s).toArray();
    QCOMPARE(array.size(), 3);
    QCOMPARE(array.at(0)[u"asset_id"_s].toString(), AssetB);
    QCOMPARE(array.at(0)[u"status"_s].toString(), u"CREATING"_s);
    QCOMPARE(array.at(1)[u"status"_s].toString(), u"CREATED"_s);
    QCOMPARE(array.at(2)[u"status"_s].toString(), u"UNCREATED"_s);
    QCOMPARE(m_server->counters().requests(Route::AssetInfo), 1);

    QStringList eleven;
    for (int i = 0; i < 11; ++i)
        eleven.append(u"%1"_s.arg(i, 32, 16, QLatin1Char('0')));
    r = client.send(infoRequest(*m_server, eleven));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"VOD.10053"_s);
}

void TestVodTestServer::assetListParameters_data()
{
    // ListAssetList as the contract gives it (vod-api.md 5.1): status[], start_time/end_time
    // (UTC yyyymmddhhmmss), page from 0, size 1 to 100, (page+1)*size at most 20,000. What the
    // server refuses is 400 VOD.10053 naming the field.
    QTest::addColumn<QStringList>("query"); // key, value, key, value ...
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field"); // refused field; empty: accepted
    QTest::addColumn<int>("rows");
    const QString s = u"20250101000000"_s;
    const QString e = u"20250201000000"_s;
    QTest::newRow("window, 100 a page")
            << QStringList {u"status"_s, u"CREATING"_s, u"start_time"_s, s, u"end_time"_s,
                            e,           u"size"_s,     u"100"_s}
            << 200 << QString() << 100;
    QTest::newRow("last page of the cap")
            << QStringList {u"page"_s, u"199"_s, u"size"_s, u"100"_s} << 200 << QString() << 0;
    QTest::newRow("past the cap") << QStringList {u"page"_s, u"200"_s, u"size"_s, u"100"_s} << 400
                                  << u"page"_s << 0;
    QTest::newRow("past the cap, small pages")
            << QStringList {u"page"_s, u"2000"_s, u"size"_s, u"10"_s} << 400 << u"page"_s << 0;
    QTest::newRow("size 0") << QStringList {u"size"_s, u"0"_s} << 400 << u"size"_s << 0;
    QTest::newRow("size 101") << QStringList {u"size"_s, u"101"_s} << 400 << u"size"_s << 0;
    QTest::newRow("size text") << QStringList {u"size"_s, u"ten"_s} << 400 << u"size"_s << 0;
    QTest::newRow("negative page") << QStringList {u"page"_s, u"-1"_s} << 400 << u"page"_s << 0;
    QTest::newRow("time with dashes")
            << QStringList {u"start_time"_s, u"2025-01-01T00:00"_s} << 400 << u"start_time"_s << 0;
    QTest::newRow("time too short")
            << QStringList {u"end_time"_s, u"2025010100"_s} << 400 << u"end_time"_s << 0;
    QTest::newRow("no such month")
            << QStringList {u"end_time"_s, u"20251301000000"_s} << 400 << u"end_time"_s << 0;
    QTest::newRow("unknown status")
            << QStringList {u"status"_s, u"STUCK"_s} << 400 << u"status"_s << 0;
}

void TestVodTestServer::assetListParameters()
{
    QFETCH(QStringList, query);
    QFETCH(int, status);
    QFETCH(QString, field);
    QFETCH(int, rows);
    const QDateTime from(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    m_server->seedListedAssets(150, from, from.addDays(20), 7);
    m_server->seedListedAssets(50, from.addYears(-1), from.addDays(-1), 8); // outside the window
    QList<std::pair<QString, QString>> pairs;
    for (qsizetype i = 0; i + 1 < query.size(); i += 2)
        pairs.append({query.at(i), query.at(i + 1)});
    RawClient client(m_server->port());
    const HttpResponse r = client.send(
            buildRequest(m_server->port(), "GET",
                         u"/v1.0/%1/asset/list"_s.arg(RequestOptions().projectId), pairs, {}));
    QCOMPARE(r.status, status);
    if (!field.isEmpty()) {
        QCOMPARE(r.errorCode(), u"VOD.10053"_s);
        QVERIFY2(r.errorMessage().contains(u"{%1}"_s.arg(field)), qPrintable(r.errorMessage()));
        return;
    }
    QCOMPARE(r.json().value(u"assets"_s).toArray().size(), rows);
    const int total = r.json().value(u"total"_s).toInt();
    QCOMPARE(total, query.contains(u"start_time"_s) ? 150 : 200);
}

void TestVodTestServer::iamTokenIssueUseAndExpiry()
{
    // Through QNetworkAccessManager, as the IAM client will.
    QNetworkAccessManager nam;
    QUrl url = m_server->url();
    url.setPath(u"/v3/auth/tokens"_s);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json;charset=utf8"_s);
    std::unique_ptr<QNetworkReply> reply(nam.post(request, tokenBody(u"vod-password"_s)));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
    const QByteArray token = reply->rawHeader("X-Subject-Token");
    QVERIFY(!token.isEmpty());
    const QJsonObject body
            = QJsonDocument::fromJson(reply->readAll()).object().value(u"token"_s).toObject();
    const QDateTime expires
            = QDateTime::fromString(body.value(u"expires_at"_s).toString(), Qt::ISODateWithMs);
    QVERIFY(expires.isValid());
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 24 * 3600) < 10);
    QVERIFY(!body.value(u"issued_at"_s).toString().isEmpty());

    reply.reset(nam.post(request, tokenBody(u"wrong"_s)));
    QSignalSpy finished2(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished2.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
    QCOMPARE(QJsonDocument::fromJson(reply->readAll()).object(),
             QJsonObject({{u"error"_s,
                           QJsonObject {{u"code"_s, 401},
                                        {u"message"_s, u"The username or password is wrong."_s},
                                        {u"title"_s, u"Unauthorized"_s}}}}));

    RawClient client(m_server->port());
    RequestOptions withToken;
    withToken.authToken = token;
    QCOMPARE(client.send(confirmRequest(*m_server, AssetA, withToken)).status, 200);
    RequestOptions bogus;
    bogus.authToken = "MIIbogus";
    QCOMPARE(client.send(confirmRequest(*m_server, AssetB, bogus)).status, 401);

    m_server->expireTokens();
    const HttpResponse r = client.send(confirmRequest(*m_server, AssetB, withToken));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), u"APIGW.0301"_s);
    QVERIFY2(r.errorMessage().startsWith(
                     u"Incorrect IAM authentication information: token expires, expires_at: "_s),
             qPrintable(r.errorMessage()));

    // A configured token, and a short token lifetime overtaken by the server clock.
    m_server->config().acceptedTokens = {u"fixed-token"_s};
    RequestOptions fixed;
    fixed.authToken = "fixed-token";
    QCOMPARE(client.send(confirmRequest(*m_server, AssetB, fixed)).status, 200);
    m_server->config().tokenLifetimeSecs = 60;
    const QString shortLived = m_server->issueToken();
    QVERIFY(m_server->isTokenValid(shortLived));
    m_server->config().clockOffsetMs = 61 * 1000;
    QVERIFY(!m_server->isTokenValid(shortLived));
}

void TestVodTestServer::qnamSignedConfirm()
{
    // QNetworkAccessManager sends Host as "127.0.0.1:<port>"; signing exactly that is accepted.
    QNetworkAccessManager nam;
    const auto post = [&](const QString &assetId) {
        QUrl url = m_server->url();
        url.setPath(u"/v1.0/0a1b2c3d4e5f60718293a4b5c6d7e8f9/asset/status/uploaded"_s);
        const QByteArray body = confirmBody(assetId);
        const RequestSigner::HeaderList headers
                = {{"Content-Type", "application/json"},
                   {"Host", "127.0.0.1:" + QByteArray::number(m_server->port())},
                   {"X-Project-Id", "0a1b2c3d4e5f60718293a4b5c6d7e8f9"},
                   {"X-Sdk-Date", RequestSigner::sdkDate(QDateTime::currentDateTimeUtc())}};
        const RequestSigner::Output signature
                = RequestSigner::sign({"POST",
                                       url.path(),
                                       {},
                                       headers,
                                       body,
                                       "HPUAEXAMPLEAK0000001",
                                       "ExampleSecretKey0000000000000000000000001"});
        QNetworkRequest request(url);
        for (const auto &[name, value] : headers) {
            if (name != "Host")
                request.setRawHeader(name, value);
        }
        request.setRawHeader("Authorization", signature.authorization);
        return std::unique_ptr<QNetworkReply>(nam.post(request, body));
    };
    std::unique_ptr<QNetworkReply> reply = post(AssetA);
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->rawHeader("X-Request-Id").size(), 32);
    QCOMPARE(m_server->assetStatus(AssetA), u"CREATED"_s);

    // A connection dropped after the effect. Qt 6.4's QNAM silently resends the POST when
    // the server closes without answering, so the client sees the second answer (VOD.10061)
    // for an asset that its first attempt confirmed. Clients must treat that as "done".
    // A connection dropped after the effect. Qt 6.4's QNAM may resend a POST once, silently,
    // when the connection closes without an answer (it depends on the channel's history), so
    // both attempts are dropped here: the client sees a network error, no HTTP status, and
    // the asset is confirmed anyway.
    m_server->scriptNext({Fault::DropAfterEffect, Fault::DropAfterEffect});
    reply = post(AssetB);
    QSignalSpy finished2(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished2.wait(10000));
    QVERIFY(reply->error() != QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 0);
    QCOMPARE(m_server->assetStatus(AssetB), u"CREATED"_s);
    QCOMPARE(m_server->counters().effectiveConfirms.value(AssetB), 1);
    const int attempts = m_server->counters().confirmRequests.value(AssetB);
    QVERIFY2(attempts == 1 || attempts == 2, qPrintable(QString::number(attempts)));
}

void TestVodTestServer::rateLimit()
{
    m_server->config().rateLimitPerMinute = 3;
    m_server->config().retryAfterSecs = 2;
    RawClient client(m_server->port());
    const QStringList ids = {AssetA, AssetB, AssetC};
    for (const QString &id : ids)
        QCOMPARE(client.send(confirmRequest(*m_server, id)).status, 200);
    const QString fourth = u"14d7b2faba0dddd6b4e8936272d6bc3f"_s;
    const HttpResponse r = client.send(confirmRequest(*m_server, fourth));
    QCOMPARE(r.status, 429);
    QCOMPARE(r.errorCode(), u"APIGW.0308"_s);
    QCOMPARE(r.errorMessage(),
             u"The throttling threshold has been reached: policy user over ratelimit,limit:3,"
             "time:1 minute"_s);
    QCOMPARE(r.header("Retry-After"), "2");
    QCOMPARE(m_server->assetStatus(fourth), u"CREATING"_s);
    QCOMPARE(m_server->counters().throttled, 1);
    // ShowAssetMeta has its own window.
    QCOMPARE(client.send(infoRequest(*m_server, {fourth})).status, 200);

    // The window slides: once the first requests age out, confirms pass again.
    m_server->config().rateWindowMs = 300;
    QList<int> statuses;
    QVERIFY(QTest::qWaitFor(
            [&] {
                statuses.append(client.send(confirmRequest(*m_server, fourth)).status);
                return statuses.last() != 429;
            },
            5000));
    QCOMPARE(statuses.last(), 200);
    QCOMPARE(m_server->counters().throttled, statuses.size());
}

void TestVodTestServer::scriptedHtml502()
{
    m_server->scriptNext({Fault::HtmlError502});
    QCOMPARE(m_server->scriptedFaultsLeft(), 1);
    RawClient client(m_server->port());
    HttpResponse r = client.send(confirmRequest(*m_server, AssetA));
    QCOMPARE(r.status, 502);
    QVERIFY(r.header("Content-Type").startsWith("text/html"));
    QVERIFY(r.body.contains("<h1>502 Bad Gateway</h1>"));
    QVERIFY(!r.header("X-Request-Id").isEmpty());
    QCOMPARE(m_server->assetStatus(AssetA), u"CREATING"_s);
    QCOMPARE(m_server->scriptedFaultsLeft(), 0);
    r = client.send(confirmRequest(*m_server, AssetA));
    QCOMPARE(r.status, 200);
    QCOMPARE(m_server->counters().confirmRequests.value(AssetA), 2);
    QCOMPARE(m_server->counters().effectiveConfirms.value(AssetA), 1);
}

void TestVodTestServer::scriptedJsonErrors()
{
    m_server->scriptNext(
            {Fault::Error500, Fault::Error502, Fault::Error503, Fault::Throttle, Fault::Error504});
    RawClient client(m_server->port());
    for (int status : {500, 502, 503}) {
        const HttpResponse r = client.send(confirmRequest(*m_server, AssetA));
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), u"APIGW.0201"_s);
        QCOMPARE(r.errorMessage(), u"Backend unavailable"_s);
    }
    QCOMPARE(client.send(confirmRequest(*m_server, AssetA)).status, 429);
    QCOMPARE(m_server->assetStatus(AssetA), u"CREATING"_s);
    QCOMPARE(m_server->counters().effectiveConfirmsTotal(), 0);

    // A gateway timeout after the backend did the work: the retry finds the asset confirmed.
    const HttpResponse timeout = client.send(confirmRequest(*m_server, AssetA));
    QCOMPARE(timeout.status, 504);
    QCOMPARE(timeout.errorMessage(), u"Backend timeout"_s);
    QCOMPARE(m_server->assetStatus(AssetA), u"CREATED"_s);
    QCOMPARE(client.send(confirmRequest(*m_server, AssetA)).errorCode(), u"VOD.10061"_s);
    QCOMPARE(m_server->counters().confirmRequests.value(AssetA), 6);
    QCOMPARE(m_server->counters().effectiveConfirms.value(AssetA), 1);
}

void TestVodTestServer::scriptedPerAsset()
{
    m_server->scriptAsset(AssetB, {Fault::Error503, Fault::HtmlError502});
    m_server->scriptNext({Fault::Error500});
    QCOMPARE(m_server->scriptedFaultsLeft(), 3);
    RawClient client(m_server->port());
    QCOMPARE(client.send(confirmRequest(*m_server, AssetB)).status, 503);
    QCOMPARE(client.send(confirmRequest(*m_server, AssetA)).status, 500); // shared script
    QCOMPARE(client.send(confirmRequest(*m_server, AssetC)).status, 200);
    QCOMPARE(client.send(confirmRequest(*m_server, AssetB)).status, 502);
    QCOMPARE(client.send(confirmRequest(*m_server, AssetB)).status, 200);
    QCOMPARE(m_server->scriptedFaultsLeft(), 0);
    QCOMPARE(m_server->counters().confirmRequests.value(AssetB), 3);
}

void TestVodTestServer::dropBeforeAndAfterEffect()
{
    m_server->scriptNext({Fault::DropBeforeEffect, Fault::DropAfterEffect});
    {
        RawClient client(m_server->port());
        const HttpResponse r = client.send(confirmRequest(*m_server, AssetA));
        QCOMPARE(r.status, 0);
        QVERIFY(client.waitDisconnected());
        QCOMPARE(client.received(), 0);
        QCOMPARE(m_server->assetStatus(AssetA), u"CREATING"_s);
    }
    {
        RawClient client(m_server->port());
        const HttpResponse r = client.send(confirmRequest(*m_server, AssetA));
        QCOMPARE(r.status, 0);
        QVERIFY(client.waitDisconnected());
        QCOMPARE(client.received(), 0);
        QCOMPARE(m_server->assetStatus(AssetA), u"CREATED"_s);
    }
    QCOMPARE(m_server->counters().confirmRequests.value(AssetA), 2);
    QCOMPARE(m_server->counters().effectiveConfirms.value(AssetA), 1);
    QTRY_COMPARE(m_server->counters().inFlight, 0);
}

void TestVodTestServer::perAssetAnswersAndRepeatedConfirms()
{
    // What each asset's client was told last, and confirms that came after the effect: before
    // the client could know (after a dropped answer) and after it was told (needless).
    m_server->scriptNext({Fault::DropAfterEffect});
    {
        RawClient client(m_server->port());
        QCOMPARE(client.send(confirmRequest(*m_server, AssetA)).status, 0);
    }
    const auto &c = m_server->counters();
    QCOMPARE(c.lastConfirmAnswers.value(AssetA).status, 0);
    RawClient client(m_server->port());
    QCOMPARE(client.send(confirmRequest(*m_server, AssetA)).status, 403);
    QCOMPARE(c.lastConfirmAnswers.value(AssetA).status, 403);
    QCOMPARE(c.lastConfirmAnswers.value(AssetA).errorCode, u"VOD.10061"_s);
    QCOMPARE(c.confirmsAfterEffect.value(AssetA), 1);
    QCOMPARE(c.needlessConfirms.value(AssetA), 0); // the refusal does not say the asset is done
    QCOMPARE(client.send(infoRequest(*m_server, {AssetA, AssetB})).status, 200);
    QCOMPARE(client.send(confirmRequest(*m_server, AssetA)).status, 403);
    QCOMPARE(c.needlessConfirms.value(AssetA), 1); // ShowAssetMeta had said CREATED
    QCOMPARE(c.confirmsAfterEffect.value(AssetA), 2);

    QCOMPARE(client.send(confirmRequest(*m_server, AssetB)).status, 200); // was CREATING: fine
    QCOMPARE(c.needlessConfirms.value(AssetB), 0);
    QCOMPARE(c.lastConfirmAnswers.value(AssetB).status, 200);
    QCOMPARE(client.send(confirmRequest(*m_server, AssetB)).status, 403);
    QCOMPARE(c.needlessConfirms.value(AssetB), 1); // it had got a 200
    QCOMPARE(c.effectiveConfirmsTotal(), 2);
}

void TestVodTestServer::neverAnswerHoldsConnection()
{
    m_server->scriptNext({Fault::NeverAnswer});
    auto client = std::make_unique<RawClient>(m_server->port());
    client->socket().write(confirmRequest(*m_server, AssetA));
    QTRY_COMPARE(m_server->counters().inFlight, 1);
    QSignalSpy readyRead(&client->socket(), &QTcpSocket::readyRead);
    QVERIFY(!readyRead.wait(300)); // bounded check that nothing arrives
    QVERIFY(client->connected());
    QCOMPARE(m_server->assetStatus(AssetA), u"CREATING"_s);
    client.reset(); // the client gives up
    QTRY_COMPARE(m_server->counters().inFlight, 0);
    QCOMPARE(m_server->counters().maxInFlight, 1);
}

void TestVodTestServer::trickleTruncatedHugeRedirect()
{
    m_server->config().trickleBytes = 3;
    m_server->config().trickleIntervalMs = 5;
    m_server->config().hugeBodyBytes = 3 * 1024 * 1024;
    m_server->scriptNext({Fault::Trickle, Fault::TruncatedJson, Fault::HugeBody, Fault::Redirect});
    RawClient client(m_server->port());

    QSignalSpy readyRead(&client.socket(), &QTcpSocket::readyRead);
    HttpResponse r = client.send(confirmRequest(*m_server, AssetA));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json(), QJsonObject({{u"asset_id"_s, AssetA}}));
    QVERIFY2(readyRead.size() >= 3, qPrintable(QString::number(readyRead.size())));
    QCOMPARE(m_server->assetStatus(AssetA), u"CREATED"_s);

    r = client.send(confirmRequest(*m_server, AssetB));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Length").toInt(), r.body.size());
    QJsonParseError error;
    QJsonDocument::fromJson(r.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
    QCOMPARE(m_server->assetStatus(AssetB), u"CREATED"_s);

    r = client.send(confirmRequest(*m_server, AssetC));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.size(), 3 * 1024 * 1024);
    QVERIFY(r.body.startsWith("{\"asset_id\":\"" + AssetC.toLatin1() + "\",\"padding\":\"xxx"));
    QCOMPARE(QJsonDocument::fromJson(r.body).object().value(u"asset_id"_s).toString(), AssetC);

    const QString fourth = u"14d7b2faba0dddd6b4e8936272d6bc3f"_s;
    r = client.send(confirmRequest(*m_server, fourth));
    QCOMPARE(r.status, 302);
    QCOMPARE(r.header("Location"),
             "http://127.0.0.2:" + QByteArray::number(m_server->port())
                     + "/v1.0/0a1b2c3d4e5f60718293a4b5c6d7e8f9/asset/status/uploaded");
    QCOMPARE(m_server->assetStatus(fourth), u"CREATING"_s);
}

void TestVodTestServer::randomFaultsAreDeterministic()
{
    const auto run = [this] {
        m_server->clearAssets();
        m_server->reset();
        m_server->setSeed(42);
        m_server->config().error500 = 0.3;
        m_server->config().htmlErrorFraction = 0.2;
        m_server->config().dropBeforeEffect = 0.2;
        QList<int> statuses;
        for (int i = 0; i < 30; ++i) {
            RawClient client(m_server->port());
            statuses.append(client.send(confirmRequest(*m_server, AssetA)).status);
        }
        return statuses;
    };
    const QList<int> first = run();
    const QList<int> second = run();
    QCOMPARE(first, second);
    for (int status : {0, 200, 403, 502})
        QVERIFY2(first.contains(status), qPrintable(QString::number(status)));
    QCOMPARE(first.count(200), 1); // the first success creates it, later ones are VOD.10061
}

void TestVodTestServer::keepAliveTwoRequests()
{
    RawClient client(m_server->port());
    HttpResponse r = client.send(confirmRequest(*m_server, AssetA));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Connection"), "keep-alive");
    r = client.send(infoRequest(*m_server, {AssetA}));
    QCOMPARE(r.status, 200);
    QVERIFY(client.connected());
    QCOMPARE(m_server->counters().connections, 1);
    QCOMPARE(m_server->counters().totalRequests, 2);
}

void TestVodTestServer::requestSplitAcrossWrites()
{
    RawClient client(m_server->port());
    QSignalSpy received(m_server.get(), &VodTestServer::requestReceived);
    const QByteArray request = confirmRequest(*m_server, AssetA);
    const qsizetype headerEnd = request.indexOf("\r\n\r\n");
    const QList<qsizetype> cuts = {5, headerEnd - 3, headerEnd + 2, headerEnd + 10};
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        client.socket().write(request.mid(from, cut - from));
        from = cut;
        QTRY_COMPARE(client.socket().bytesToWrite(), 0);
        QCoreApplication::processEvents();
        QCOMPARE(received.size(), 0);
        QCOMPARE(client.received(), 0);
    }
    const HttpResponse r = client.send(request.mid(from));
    QCOMPARE(r.status, 200);
    QCOMPARE(received.size(), 1);
    QCOMPARE(m_server->assetStatus(AssetA), u"CREATED"_s);
}

void TestVodTestServer::pipelinedRequests()
{
    RawClient client(m_server->port());
    client.socket().write(confirmRequest(*m_server, AssetA) + confirmRequest(*m_server, AssetB)
                          + infoRequest(*m_server, {AssetA, AssetB}));
    QCOMPARE(client.wait().status, 200);
    QCOMPARE(client.wait().status, 200);
    const HttpResponse info = client.wait();
    QCOMPARE(info.status, 200);
    const QJsonArray array = info.json().value(u"asset_info_array"_s).toArray();
    QCOMPARE(array.at(0)[u"status"_s].toString(), u"CREATED"_s);
    QCOMPARE(array.at(1)[u"status"_s].toString(), u"CREATED"_s);
}

void TestVodTestServer::connectionClose()
{
    RawClient client(m_server->port());
    RequestOptions close;
    close.close = true;
    const HttpResponse r = client.send(confirmRequest(*m_server, AssetA, close));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Connection"), "close");
    QVERIFY(client.waitDisconnected());
}

void TestVodTestServer::latencyDoesNotBlock()
{
    m_server->config().latencyMs = 500;
    std::vector<std::unique_ptr<RawClient>> clients;
    QElapsedTimer timer;
    timer.start();
    const QStringList ids = {AssetA, AssetB, AssetC};
    for (const QString &id : ids) {
        clients.push_back(std::make_unique<RawClient>(m_server->port()));
        clients.back()->socket().write(confirmRequest(*m_server, id));
    }
    for (const auto &client : clients)
        QCOMPARE(client->wait().status, 200);
    QVERIFY(timer.elapsed() >= 500);
    QCOMPARE(m_server->counters().maxInFlight, 3); // answered concurrently, not one by one
    QCOMPARE(m_server->counters().inFlight, 0);
}

void TestVodTestServer::separateProcess()
{
    const QString program = qEnvironmentVariable("VODCONFIRM_TEST_SERVER");
    if (program.isEmpty())
        QSKIP("VODCONFIRM_TEST_SERVER is not set (run through ctest)");
    QProcess process;
    process.start(program, {u"--rate-limit"_s, u"100"_s, u"--missing"_s, AssetB});
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10000);
    const QByteArray line = process.readLine().trimmed();
    QVERIFY2(line.startsWith("listening 127.0.0.1:"), line.constData());
    const quint16 port = line.mid(line.lastIndexOf(':') + 1).toUShort();
    QVERIFY(port != 0);

    RawClient client(port);
    RequestOptions o;
    const QByteArray path = "/v1.0/0a1b2c3d4e5f60718293a4b5c6d7e8f9/asset/status/uploaded";
    const auto send = [&](const QString &id) {
        return client.send(
                buildRequest(port, "POST", QString::fromLatin1(path), {}, confirmBody(id), o));
    };
    QCOMPARE(send(AssetA).status, 200);
    QCOMPARE(send(AssetB).errorCode(), u"VOD.10062"_s);

    process.write("counters\n");
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10000);
    QJsonObject counters = QJsonDocument::fromJson(process.readLine()).object();
    QCOMPARE(counters.value(u"total_requests"_s).toInt(), 2);

    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
    counters = QJsonDocument::fromJson(process.readAllStandardOutput().trimmed()).object();
    QCOMPARE(counters.value(u"total_requests"_s).toInt(), 2);
    QCOMPARE(counters.value(u"effective_confirms"_s).toObject().value(AssetA).toInt(), 1);
    QCOMPARE(counters.value(u"confirm_requests"_s).toObject().value(AssetB).toInt(), 1);
    QCOMPARE(counters.value(u"requests_per_route"_s).toObject().value(u"confirm"_s).toInt(), 2);
}

// CreateAssetByFileUpload checks its body as vod-api.md 5.2 documents it.
void TestVodTestServer::createAssetChecksItsBody_data()
{
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<QString>("illegal"); // empty: accepted
    QTest::newRow("minimal") << QJsonObject() << QString();
    QTest::newRow("all optional fields") << QJsonObject {{u"description"_s, u"d"_s},
                                                         {u"category_id"_s, -1},
                                                         {u"template_group_name"_s, u"group"_s},
                                                         {u"auto_publish"_s, 0}}
                                         << QString();
    QTest::newRow("title of 128 bytes")
            << QJsonObject {{u"title"_s, QString(128, u'x')}} << QString();
    QTest::newRow("title of 129 bytes")
            << QJsonObject {{u"title"_s, QString(43, QChar(0x4e2d))}} << u"title"_s;
    QTest::newRow("no title") << QJsonObject {{u"title"_s, QJsonValue::Null}} << u"title"_s;
    QTest::newRow("no video_name")
            << QJsonObject {{u"video_name"_s, QJsonValue::Null}} << u"video_name"_s;
    QTest::newRow("unknown type") << QJsonObject {{u"video_type"_s, u"TXT"_s}} << u"video_type"_s;
    QTest::newRow("lower-case type")
            << QJsonObject {{u"video_type"_s, u"mp4"_s}} << u"video_type"_s;
    QTest::newRow("audio type") << QJsonObject {{u"video_type"_s, u"FLAC"_s}} << QString();
    QTest::newRow("category a word")
            << QJsonObject {{u"category_id"_s, u"x"_s}} << u"category_id"_s;
    QTest::newRow("auto_publish 2") << QJsonObject {{u"auto_publish"_s, 2}} << u"auto_publish"_s;
}

void TestVodTestServer::createAssetChecksItsBody()
{
    QFETCH(QJsonObject, fields);
    QFETCH(QString, illegal);
    RawClient client(m_server->port());
    const HttpResponse r = client.send(createRequest(*m_server, fields));
    if (!illegal.isEmpty()) {
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"VOD.10053"_s);
        QVERIFY(r.errorMessage().contains(u"{%1}"_s.arg(illegal)));
        QCOMPARE(m_server->counters().creates, 0);
        return;
    }
    QCOMPARE(r.status, 200);
    const QString id = r.json().value(u"asset_id"_s).toString();
    QVERIFY(VodTestServer::isWellFormedAssetId(id));
    QCOMPARE(m_server->assetStatus(id), u"CREATING"_s);
    QVERIFY(m_server->creatingAssetIds().contains(id));
    const QJsonObject target = r.json().value(u"target"_s).toObject();
    QCOMPARE(target.value(u"bucket"_s).toString(), m_server->config().bucket);
    QCOMPARE(target.value(u"location"_s).toString(), m_server->config().bucketLocation);
    QCOMPARE(target.value(u"object"_s).toString(), m_server->objectKeyOf(id));
    const QUrl upload(r.json().value(u"video_upload_url"_s).toString());
    QCOMPARE(upload.port(), m_server->port());
    QVERIFY(upload.path().startsWith(u"/obs/"_s));
    QCOMPARE(m_server->counters().creates, 1);
    // The upload URL takes one PUT of the file; a confirm then takes the asset.
    RawClient obs(m_server->port());
    QCOMPARE(obs.send(obsRequest("PUT", upload, "tiny file")).status, 200);
    QCOMPARE(m_server->object(m_server->objectKeyOf(id)), QByteArray("tiny file"));
    QCOMPARE(client.send(confirmRequest(*m_server, id)).status, 200);
}

void TestVodTestServer::authorityQueryChecks_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("status");
    QTest::newRow("initiate") << QString() << QString() << 200;
    QTest::newRow("verb") << u"http_verb"_s << u"PATCH"_s << 400;
    QTest::newRow("bucket") << u"bucket"_s << u"another"_s << 400;
    QTest::newRow("object") << u"object_key"_s << u"origin/nobody"_s << 400;
    QTest::newRow("part 0") << u"part_number"_s << u"0"_s << 400;
    QTest::newRow("part without upload") << u"part_number"_s << u"1"_s << 400;
    QTest::newRow("md5 not base64 of 16 bytes") << u"content_md5"_s << u"abc"_s << 400;
}

void TestVodTestServer::authorityQueryChecks()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(int, status);
    RawClient client(m_server->port());
    const HttpResponse created = client.send(createRequest(*m_server));
    const QJsonObject target = created.json().value(u"target"_s).toObject();
    QList<std::pair<QString, QString>> query {{u"http_verb"_s, u"POST"_s},
                                              {u"bucket"_s, target[u"bucket"_s].toString()},
                                              {u"object_key"_s, target[u"object"_s].toString()},
                                              {u"content_type"_s, u"video/mp4"_s}};
    for (auto &item : query) {
        if (item.first == key)
            item.second = value;
    }
    if (!key.isEmpty() && std::none_of(query.cbegin(), query.cend(), [&](const auto &item) {
            return item.first == key;
        }))
        query.append({key, value});
    const HttpResponse r = client.send(authorityRequest(*m_server, query));
    QCOMPARE(r.status, status);
    QCOMPARE(m_server->counters().authorities, status == 200 ? 1 : 0);
    if (status == 200)
        QVERIFY(r.json().value(u"sign_str"_s).toString().contains(u"uploads"_s));
    else
        QVERIFY(r.errorMessage().contains(u"{%1}"_s.arg(key)));
    // Unsigned: refused like every VOD call.
    RequestOptions unsigned_;
    unsigned_.secretKey = "wrong";
    const HttpResponse refused = client.send(buildRequest(
            m_server->port(), "GET", u"/v1.1/0a1b2c3d4e5f60718293a4b5c6d7e8f9/asset/authority"_s,
            query, {}, unsigned_));
    QCOMPARE(refused.status, 401);
}

// Initiate, two parts, a listing one part per page, complete: by hand, as OBS's XML says.
void TestVodTestServer::obsMultipartByHand()
{
    m_server->config().minPartBytes = 4;
    RawClient client(m_server->port());
    const QJsonObject target
            = client.send(createRequest(*m_server)).json().value(u"target"_s).toObject();
    const auto authority = [&](QList<std::pair<QString, QString>> query) {
        query.append({u"bucket"_s, target[u"bucket"_s].toString()});
        query.append({u"object_key"_s, target[u"object"_s].toString()});
        return QUrl(client.send(authorityRequest(*m_server, query))
                            .json()
                            .value(u"sign_str"_s)
                            .toString());
    };
    RawClient obs(m_server->port());
    HttpResponse r = obs.send(obsRequest("POST", authority({{u"http_verb"_s, u"POST"_s}}), {}));
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains("<InitiateMultipartUploadResult>"));
    const QString uploadId = QString::fromLatin1(xmlText(r.body, "UploadId"));
    QVERIFY(m_server->openUploads().contains(uploadId));
    const QList<QByteArray> parts {"first part ", "second"};
    QList<QByteArray> etags;
    for (int n = 1; n <= 2; ++n) {
        const QByteArray data = parts.at(n - 1);
        const QByteArray md5 = QCryptographicHash::hash(data, QCryptographicHash::Md5).toBase64();
        const QUrl url = authority({{u"http_verb"_s, u"PUT"_s},
                                    {u"upload_id"_s, uploadId},
                                    {u"part_number"_s, QString::number(n)},
                                    {u"content_md5"_s, QString::fromLatin1(md5)}});
        r = obs.send(obsRequest("PUT", url, data, {{"Content-MD5", md5}}));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("ETag"),
                 '"' + QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex() + '"');
        etags.append(r.header("ETag"));
    }
    QCOMPARE(m_server->counters().partsReceived.value(uploadId), (QMap<int, int> {{1, 1}, {2, 1}}));
    QUrl list = authority({{u"http_verb"_s, u"GET"_s}, {u"upload_id"_s, uploadId}});
    QUrl page = list;
    page.setQuery(list.query() + u"&max-parts=1"_s);
    r = obs.send(obsRequest("GET", page, {}));
    QCOMPARE(r.status, 200);
    QCOMPARE(xmlText(r.body, "IsTruncated"), QByteArray("true"));
    QCOMPARE(xmlText(r.body, "NextPartNumberMarker"), QByteArray("1"));
    QCOMPARE(r.body.count("<Part>"), 1);
    page.setQuery(list.query() + u"&part-number-marker=1"_s);
    r = obs.send(obsRequest("GET", page, {}));
    QCOMPARE(xmlText(r.body, "IsTruncated"), QByteArray("false"));
    QCOMPARE(xmlText(r.body, "PartNumber"), QByteArray("2"));
    QCOMPARE(xmlText(r.body, "Size"), QByteArray("6"));

    const QByteArray completeBody = "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber>"
                                    "<ETag>"
            + etags.at(0)
            + "</ETag></Part><Part><PartNumber>2"
              "</PartNumber><ETag>"
            + etags.at(1) + "</ETag></Part></CompleteMultipartUpload>";
    r = obs.send(obsRequest("POST",
                            authority({{u"http_verb"_s, u"POST"_s}, {u"upload_id"_s, uploadId}}),
                            completeBody, {{"Content-Type", "application/xml"}}));
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains("<CompleteMultipartUploadResult>"));
    QCOMPARE(m_server->object(target[u"object"_s].toString()), QByteArray("first part second"));
    QVERIFY(m_server->openUploads().isEmpty());
}

// A presigned URL is refused, as XML AccessDenied / SignatureDoesNotMatch, for any operation but
// its own, once expired, and (singleUseAuthority) when used again.
void TestVodTestServer::obsAuthorityIsForOneOperation()
{
    RawClient client(m_server->port());
    const QJsonObject created = client.send(createRequest(*m_server)).json();
    const QUrl put(created.value(u"video_upload_url"_s).toString());
    RawClient obs(m_server->port());
    // Another verb, a tampered query, no signature.
    HttpResponse r = obs.send(obsRequest("DELETE", put, {}));
    QCOMPARE(r.status, 403);
    QCOMPARE(xmlText(r.body, "Code"), QByteArray("SignatureDoesNotMatch"));
    QUrl tampered = put;
    tampered.setQuery(put.query() + u"&partNumber=2"_s);
    QCOMPARE(obs.send(obsRequest("PUT", tampered, "x")).status, 403);
    QUrl unsignedUrl = put;
    unsignedUrl.setQuery(QString());
    QCOMPARE(obs.send(obsRequest("PUT", unsignedUrl, "x")).status, 403);
    // A wrong Content-MD5 header on a single PUT: 400 BadDigest, not stored.
    r = obs.send(
            obsRequest("PUT", put, "data", {{"Content-MD5", QByteArray(16, '\0').toBase64()}}));
    QCOMPARE(r.status, 400);
    QCOMPARE(xmlText(r.body, "Code"), QByteArray("BadDigest"));
    r = obs.send(obsRequest("PUT", put, "data", {{"Content-MD5", "not base64!"}}));
    QCOMPARE(xmlText(r.body, "Code"), QByteArray("InvalidDigest"));
    QVERIFY(!m_server->hasObject(m_server->objectKeyOf(created[u"asset_id"_s].toString())));
    QCOMPARE(m_server->counters().obsRefused, 3);

    m_server->config().singleUseAuthority = true;
    const QJsonObject second = client.send(createRequest(*m_server)).json();
    const QUrl once(second.value(u"video_upload_url"_s).toString());
    QCOMPARE(obs.send(obsRequest("PUT", once, "data")).status, 200);
    r = obs.send(obsRequest("PUT", once, "data"));
    QCOMPARE(r.status, 403);
    QCOMPARE(xmlText(r.body, "Code"), QByteArray("AccessDenied"));

    const QJsonObject third = client.send(createRequest(*m_server)).json();
    m_server->expireAuthorities();
    r = obs.send(obsRequest("PUT", QUrl(third.value(u"video_upload_url"_s).toString()), "data"));
    QCOMPARE(r.status, 403);
    QCOMPARE(xmlText(r.body, "Message"), QByteArray("Request has expired"));
}

// DropMidBody closes the connection when half of a body has arrived; bodies above maxPartBytes
// are refused from their headers on.
void TestVodTestServer::obsDropMidBodyAndBodyCap()
{
    RawClient client(m_server->port());
    const QUrl put(client.send(createRequest(*m_server)).json()[u"video_upload_url"_s].toString());
    m_server->scriptNextObs({Fault::DropMidBody});
    const QByteArray request = obsRequest("PUT", put, QByteArray(1000, 'x'));
    RawClient obs(m_server->port());
    obs.socket().write(request.left(request.size() - 600)); // headers and 400 bytes
    QTest::qWait(100);
    QVERIFY(obs.connected());
    obs.socket().write(request.mid(request.size() - 600, 200)); // 600 of 1000
    QVERIFY(obs.waitDisconnected());
    QCOMPARE(obs.received(), 0);
    QCOMPARE(m_server->counters().obsBodyBytes, 0);

    m_server->config().maxPartBytes = 100;
    RawClient again(m_server->port());
    again.socket().write(obsRequest("PUT", put, QByteArray(101, 'x')).left(300));
    QCOMPARE(again.wait().status, 413);
}

// The bandwidth limit: a body takes at least size / rate to arrive (a lower bound only, which a
// slow machine cannot break).
void TestVodTestServer::obsReceiveBandwidthLimit()
{
    m_server->config().receiveBytesPerSecond = 1024 * 1024;
    RawClient client(m_server->port());
    const QUrl put(client.send(createRequest(*m_server)).json()[u"video_upload_url"_s].toString());
    RawClient obs(m_server->port());
    QElapsedTimer timer;
    timer.start();
    const HttpResponse r = obs.send(obsRequest("PUT", put, QByteArray(512 * 1024, 'z')), 20000);
    QCOMPARE(r.status, 200);
    QVERIFY2(timer.elapsed() >= 400, qPrintable(QString::number(timer.elapsed())));
}

// Create, authority and confirm are one quota group (vod-api.md 5.3): two of them use up a limit
// of two, and the confirm after them is throttled.
void TestVodTestServer::uploadCallsShareTheConfirmQuota()
{
    m_server->config().rateLimitPerMinute = 2;
    RawClient client(m_server->port());
    const HttpResponse created = client.send(createRequest(*m_server));
    QCOMPARE(created.status, 200);
    const QJsonObject target = created.json().value(u"target"_s).toObject();
    QCOMPARE(client.send(authorityRequest(*m_server,
                                          {{u"http_verb"_s, u"POST"_s},
                                           {u"bucket"_s, target[u"bucket"_s].toString()},
                                           {u"object_key"_s, target[u"object"_s].toString()}}))
                     .status,
             200);
    const HttpResponse confirm
            = client.send(confirmRequest(*m_server, created.json()[u"asset_id"_s].toString()));
    QCOMPARE(confirm.status, 429);
    QCOMPARE(confirm.errorCode(), u"APIGW.0308"_s);
    // Asset info is another group.
    QCOMPARE(client.send(infoRequest(*m_server, {AssetA})).status, 200);
}

QTEST_GUILESS_MAIN(TestVodTestServer)
#include "tst_vodtestserver.moc"
