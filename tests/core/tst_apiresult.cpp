#include "api/apiresult.h"

#include <QNetworkReply>
#include <QTest>

using namespace VodConfirm;
using namespace Qt::StringLiterals;

class TestApiResult : public QObject
{
    Q_OBJECT
private slots:
    void mapping_data();
    void mapping();
    void requestIdFromHeaderOrBody();
    void retryAfter();
    void clockSkewOnlyForAuthFailures();
    void truncatedBodyIsReported();
    void authAdviceNamesTheCredential();
};

static ApiResult::Reply http(int status, const QByteArray &body,
                             const QByteArray &type = "application/json")
{
    ApiResult::Reply r;
    r.httpStatus = status;
    r.body = body;
    r.contentType = type;
    return r;
}

void TestApiResult::mapping_data()
{
    QTest::addColumn<ApiResult::Reply>("reply");
    QTest::addColumn<ErrorClass>("errorClass");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messageContains");

    QTest::newRow("200 confirmed")
            << http(200, R"({"asset_id":"x"})") << ErrorClass::None << QString() << QString();
    // A 2xx that is not the expected answer does not say whether the request took effect: the
    // caller reads the state (ConfirmEngine) before deciding.
    QTest::newRow("200 web page is not a confirmation")
            << http(200, "<html><title>Portal</title></html>", "text/html") << ErrorClass::Transient
            << QString() << u"web page instead of an API answer"_s;
    QTest::newRow("200 empty is not a confirmation")
            << http(200, "", "") << ErrorClass::Transient << QString() << u"empty answer"_s;
    QTest::newRow("200 error object is not a confirmation") << http(
            200,
            R"({"error_code":"VOD.10062","error_msg":"Media asset or resource does not exist, please check."})")
                                                            << ErrorClass::Transient
                                                            << u"VOD.10062"_s
                                                            << u"but with an error: Media asset"_s;
    ApiResult::Reply otherJson = http(200, R"({"result":"ok"})");
    otherJson.expectedKey = "asset_id";
    QTest::newRow("200 without the expected key is not a confirmation")
            << otherJson << ErrorClass::Transient << QString() << u"without \"asset_id\""_s;
    ApiResult::Reply expected = http(200, R"({"asset_id":"x"})");
    expected.expectedKey = "asset_id";
    QTest::newRow("200 with the expected key")
            << expected << ErrorClass::None << QString() << QString();
    QTest::newRow("VOD.10062 not found") << http(
            403,
            R"({"error_code":"VOD.10062","error_msg":"Media asset or resource does not exist, please check."})")
                                         << ErrorClass::NotFound << u"VOD.10062"_s
                                         << u"does not exist"_s;
    QTest::newRow("VOD.10061 wrong state") << http(
            403,
            R"({"error_code":"VOD.10061","error_msg":"The operation failed, and the current media asset status is not allowed to be updated."})")
                                           << ErrorClass::WrongState << u"VOD.10061"_s
                                           << u"not allowed"_s;
    QTest::newRow("APIGW.0301 signature") << http(
            401,
            R"({"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: verify aksk signature fail","request_id":"abc"})")
                                          << ErrorClass::Auth << u"APIGW.0301"_s
                                          << u"verify aksk"_s;
    QTest::newRow("VOD.10057 project") << http(
            403, R"({"error_code":"VOD.10057","error_msg":"Tenant ID verification failed."})")
                                       << ErrorClass::Auth << u"VOD.10057"_s << u"Tenant"_s;
    QTest::newRow("429 throttled") << http(
            429,
            R"({"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached: policy user over ratelimit,limit:1500,time:1 minute"})")
                                   << ErrorClass::Throttled << u"APIGW.0308"_s << u"throttling"_s;
    QTest::newRow("VOD.10127 throttled with 403")
            << http(403, R"({"error_code":"VOD.10127","error_msg":"APIGW rate limit."})")
            << ErrorClass::Throttled << u"VOD.10127"_s << u"rate limit"_s;
    QTest::newRow("500 JSON") << http(
            500, R"({"error_code":"APIGW.0201","error_msg":"Backend unavailable."})")
                              << ErrorClass::Transient << u"APIGW.0201"_s
                              << u"Backend unavailable"_s;
    QTest::newRow("502 HTML page")
            << http(502,
                    "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad "
                    "Gateway</h1><hr>nginx</body></html>",
                    "text/html")
            << ErrorClass::Transient << QString() << u"502 Bad Gateway"_s;
    QTest::newRow("503 empty") << http(503, "", "") << ErrorClass::Transient << QString()
                               << u"empty answer"_s;
    QTest::newRow("400 truncated JSON")
            << http(400, R"({"error_code":"VOD.100)") << ErrorClass::BadRequest << QString()
            << u"not complete JSON"_s;
    QTest::newRow("400 parameter") << http(
            400,
            R"({"error_code":"VOD.10053","error_msg":"The request parameter is illegal, illegal field: {status}."})")
                                   << ErrorClass::BadRequest << u"VOD.10053"_s << u"illegal"_s;
    QTest::newRow("IAM nested error") << http(
            401,
            R"({"error":{"code":401,"message":"The username or password is wrong.","title":"Unauthorized"}})")
                                      << ErrorClass::Auth << u"401"_s << u"password is wrong"_s;
    QTest::newRow("404 unknown API") << http(
            404,
            R"({"error_code":"APIGW.0101","error_msg":"The API does not exist or has not been published in the environment."})")
                                     << ErrorClass::Other << u"APIGW.0101"_s << u"does not exist"_s;
    QTest::newRow("plain text") << http(500, "Internal Server Error", "text/plain")
                                << ErrorClass::Transient << QString() << u"not JSON"_s;
    ApiResult::Reply redirect = http(302, "");
    redirect.location = "http://elsewhere.example/";
    QTest::newRow("redirect not followed")
            << redirect << ErrorClass::Other << QString() << u"not followed"_s;

    ApiResult::Reply refused;
    refused.networkError = QNetworkReply::ConnectionRefusedError;
    QTest::newRow("connection refused: nothing sent")
            << refused << ErrorClass::Unreachable << QString()
            << u"refused the connection: nothing was sent"_s;
    ApiResult::Reply unreachable;
    unreachable.networkError = QNetworkReply::UnknownNetworkError;
    unreachable.networkErrorString = u"Network unreachable"_s;
    QTest::newRow("network unreachable: nothing sent")
            << unreachable << ErrorClass::Unreachable << QString()
            << u"could not be reached: nothing was sent (Network unreachable)"_s;
    unreachable.requestSent = true;
    QTest::newRow("network error after the request was sent")
            << unreachable << ErrorClass::Transient << QString() << u"Network unreachable"_s;
    ApiResult::Reply reset;
    reset.networkError = QNetworkReply::RemoteHostClosedError;
    QTest::newRow("connection reset")
            << reset << ErrorClass::Transient << QString() << u"closed the connection"_s;
    reset.requestSent = true;
    QTest::newRow("connection reset after the request was sent")
            << reset << ErrorClass::Transient << QString() << u"it may have taken effect"_s;
    ApiResult::Reply resend;
    resend.networkError = QNetworkReply::ContentReSendError;
    resend.requestSent = true;
    QTest::newRow("closed unanswered, not sent again by Qt")
            << resend << ErrorClass::Transient << QString() << u"may have taken effect"_s;
    ApiResult::Reply timeout;
    timeout.networkError = QNetworkReply::OperationCanceledError;
    timeout.timedOut = true;
    QTest::newRow("timeout") << timeout << ErrorClass::Transient << QString() << u"timeout"_s;
    ApiResult::Reply tls;
    tls.networkError = QNetworkReply::SslHandshakeFailedError;
    tls.networkErrorString
            = u"The issuer certificate of a locally looked up certificate could not be found"_s;
    QTest::newRow("TLS") << tls << ErrorClass::Other << QString() << u"issuer certificate"_s;
    tls.networkErrorString = u"SSL handshake failed"_s;
    tls.tlsErrors = {u"The certificate is self-signed, and untrusted"_s,
                     u"The host name did not match any of the valid hosts for this certificate"_s};
    QTest::newRow("TLS with the certificate's problems")
            << tls << ErrorClass::Other << QString()
            << u"certificate was not accepted: The certificate is self-signed, and untrusted; "
               "The host name did not match"_s;
    ApiResult::Reply proxyAuth;
    proxyAuth.httpStatus = 407; // plain http through an HTTP proxy: the proxy's own answer
    proxyAuth.networkError = QNetworkReply::ProxyAuthenticationRequiredError;
    QTest::newRow("proxy credentials refused")
            << proxyAuth << ErrorClass::Other << QString() << u"proxy user name and password"_s;
    ApiResult::Reply proxyDown;
    proxyDown.networkError = QNetworkReply::ProxyConnectionRefusedError;
    QTest::newRow("proxy refused")
            << proxyDown << ErrorClass::Other << QString() << u"proxy server refused"_s;
    ApiResult::Reply dns;
    dns.networkError = QNetworkReply::HostNotFoundError;
    QTest::newRow("host not found") << dns << ErrorClass::Unreachable << QString()
                                    << u"could not be found: nothing was sent"_s;
}

void TestApiResult::mapping()
{
    QFETCH(ApiResult::Reply, reply);
    QFETCH(ErrorClass, errorClass);
    QFETCH(QString, code);
    QFETCH(QString, messageContains);
    const ApiResult r = ApiResult::fromReply(reply);
    QCOMPARE(r.errorClass, errorClass);
    QCOMPARE(r.errorCode, code);
    QVERIFY2(r.errorMessage.contains(messageContains, Qt::CaseInsensitive),
             qPrintable(r.errorMessage));
    QCOMPARE(r.ok(), errorClass == ErrorClass::None);
}

void TestApiResult::requestIdFromHeaderOrBody()
{
    ApiResult::Reply r
            = http(401, R"({"error_code":"APIGW.0301","error_msg":"x","request_id":"body-id"})");
    QCOMPARE(ApiResult::fromReply(r).requestId, u"body-id"_s);
    r.requestId = "header-id";
    QCOMPARE(ApiResult::fromReply(r).requestId, u"header-id"_s);
    QVERIFY(ApiResult::fromReply(r).summary().contains(u"header-id"_s));
}

void TestApiResult::retryAfter()
{
    ApiResult::Reply r = http(429, R"({"error_code":"APIGW.0308","error_msg":"x"})");
    QCOMPARE(ApiResult::fromReply(r).retryAfterMs, -1);
    r.retryAfter = "3";
    QCOMPARE(ApiResult::fromReply(r).retryAfterMs, 3000);
    r.localTime = QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), Qt::UTC);
    r.retryAfter = "Tue, 02 Jan 2024 03:04:15 GMT";
    QCOMPARE(ApiResult::fromReply(r).retryAfterMs, 10000);
    r.retryAfter = "soon";
    QCOMPARE(ApiResult::fromReply(r).retryAfterMs, -1);
    // Found by fuzzing: absurd values are capped instead of overflowing. The cap is five
    // minutes: a batch never sits silent for an hour because a server said so.
    r.retryAfter = "66666666666666666666666666666666";
    QCOMPARE(ApiResult::fromReply(r).retryAfterMs, 300 * 1000);
    r.retryAfter = "3600";
    QCOMPARE(ApiResult::fromReply(r).retryAfterMs, 300 * 1000);
    r.retryAfter = "Tue, 02 Jan 2024 05:04:05 GMT"; // two hours ahead
    QCOMPARE(ApiResult::fromReply(r).retryAfterMs, 300 * 1000);
    r.retryAfter = "nan";
    QCOMPARE(ApiResult::fromReply(r).retryAfterMs, -1);
}

void TestApiResult::clockSkewOnlyForAuthFailures()
{
    ApiResult::Reply r = http(
            401,
            R"({"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information"})");
    r.localTime = QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), Qt::UTC);
    r.date = "Tue, 02 Jan 2024 03:30:05 GMT"; // 26 minutes ahead
    QVERIFY(ApiResult::fromReply(r).clockSkew);
    r.date = "Tue, 02 Jan 2024 03:10:05 GMT"; // 6 minutes: within the window
    QVERIFY(!ApiResult::fromReply(r).clockSkew);
    ApiResult::Reply ok = http(200, "{}");
    ok.localTime = r.localTime;
    ok.date = "Tue, 02 Jan 2024 05:00:00 GMT";
    QVERIFY(!ApiResult::fromReply(ok).clockSkew);
}

void TestApiResult::truncatedBodyIsReported()
{
    ApiResult::Reply r = http(500, QByteArray(1024, 'x'));
    r.bodyTruncated = true;
    const ApiResult result = ApiResult::fromReply(r);
    QCOMPARE(result.errorClass, ErrorClass::Transient);
    QVERIFY(result.errorMessage.contains(u"too large"_s));
}

void TestApiResult::authAdviceNamesTheCredential()
{
    ApiResult r = ApiResult::fromReply(
            http(401, R"({"error_code":"APIGW.0301","error_msg":"verify aksk signature fail"})"));
    QVERIFY(authFailureAdvice(r, AuthMode::AkSk).contains(u"secret key (SK)"_s));
    QVERIFY(authFailureAdvice(r, AuthMode::Password).contains(u"password"_s));
    QVERIFY(authFailureAdvice(r, AuthMode::Token).contains(u"token was rejected"_s));
    r.clockSkew = true;
    r.serverDate = QDateTime::currentDateTimeUtc().addSecs(3600);
    QVERIFY(authFailureAdvice(r, AuthMode::AkSk).contains(u"clock"_s));
    const ApiResult project = ApiResult::fromReply(http(
            403, R"({"error_code":"VOD.10057","error_msg":"Tenant ID verification failed."})"));
    QVERIFY(authFailureAdvice(project, AuthMode::AkSk).contains(u"project ID"_s));
}

QTEST_GUILESS_MAIN(TestApiResult)
#include "tst_apiresult.moc"
