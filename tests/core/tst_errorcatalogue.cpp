#include "api/apiresult.h"
#include "api/errorcatalogue.h"

#include <QNetworkReply>
#include <QTest>
#include <QTimeZone>

using namespace VodConfirm;
using namespace Qt::StringLiterals;

class TestErrorCatalogue : public QObject
{
    Q_OBJECT
private slots:
    void documentedCodes_data();
    void documentedCodes();
    void everyCodeDecidesTheMapper();
    void unknownCodeFallsBackToStatus();
    void rowsAreReachableAndComplete();
    void hintsForResults_data();
    void hintsForResults();
    void networkFailures();
    void clockRule();
    void authAdviceForTheSignInMethod();
};

static ApiResult::Reply errorReply(int status, const QString &code)
{
    ApiResult::Reply r;
    r.httpStatus = status;
    r.contentType = "application/json";
    r.body = R"({"error_code":")" + code.toUtf8() + R"(","error_msg":"as the server said"})";
    return r;
}

// vod-api.md section 4 (4.1 VOD, 4.2 API gateway): HTTP status, code, and whether a retry can
// help ("maybe (transient)" and "yes" are retryable). The class is what a user is told.
void TestErrorCatalogue::documentedCodes_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<ErrorClass>("errorClass");
    QTest::addColumn<bool>("retryable");

    const auto row = [](int status, const char *code, ErrorClass c, bool retryable) {
        QTest::addRow("%d %s", status, code)
                << status << QString::fromLatin1(code) << c << retryable;
    };
    using C = ErrorClass;
    // 4.1 VOD
    row(400, "VOD.10053", C::BadRequest, false);
    row(400, "VOD.10081", C::BadRequest, false);
    row(400, "VST.10001", C::BadRequest, false);
    row(400, "VST.10002", C::Transient, true);
    row(400, "VST.10004", C::Auth, false);
    row(400, "VOD.10083", C::WrongState, false);
    row(403, "VOD.10051", C::Transient, true);
    row(403, "VOD.10052", C::Transient, true);
    row(403, "VOD.10054", C::Auth, false);
    row(403, "VOD.10055", C::Auth, false);
    row(403, "VOD.10056", C::Auth, false);
    row(403, "VOD.10057", C::Auth, false);
    row(403, "VOD.10058", C::BadRequest, false);
    row(403, "VOD.10059", C::BadRequest, false);
    row(403, "VOD.10060", C::WrongState, false);
    row(403, "VOD.10061", C::WrongState, false);
    row(403, "VOD.10062", C::NotFound, false);
    row(400, "VOD.10062", C::NotFound, false); // other APIs send it with 400
    row(403, "VOD.10127", C::Throttled, true);
    // (The "asset status does not allow upload confirmation" code has no known number.)
    // 4.2 API gateway
    row(404, "APIGW.0101", C::Other, false);
    row(404, "APIGW.0103", C::Other, false);
    row(400, "APIGW.0104", C::BadRequest, false);
    row(400, "APIGW.0105", C::BadRequest, false);
    row(400, "APIGW.0106", C::BadRequest, false);
    row(400, "APIGW.0201", C::BadRequest, false);
    row(413, "APIGW.0201", C::BadRequest, false);
    row(414, "APIGW.0201", C::BadRequest, false);
    row(494, "APIGW.0201", C::BadRequest, false);
    row(502, "APIGW.0201", C::Transient, true);
    row(504, "APIGW.0201", C::Transient, true);
    row(401, "APIGW.0301", C::Auth, false);
    row(401, "APIG.0301", C::Auth, false); // the APIG. prefix some deployments use
    row(403, "APIGW.0302", C::Auth, false);
    row(401, "APIGW.0303", C::Auth, false);
    row(401, "APIGW.0305", C::Auth, false);
    row(403, "APIGW.0306", C::Auth, false);
    row(429, "APIGW.0308", C::Throttled, true);
    row(429, "APIG.0308", C::Throttled, true);
}

void TestErrorCatalogue::documentedCodes()
{
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(ErrorClass, errorClass);
    QFETCH(bool, retryable);

    const ErrorEntry *entry = ErrorCatalogue::forCode(code, status);
    QVERIFY2(entry, "not in the catalogue");
    QCOMPARE(entry->errorClass, errorClass);
    QCOMPARE(entry->retryable(), retryable);
    QVERIFY(!entry->hint().isEmpty());
    QVERIFY(!entry->nextStep().isEmpty());
    // Codes are compared as the server may spell them.
    QCOMPARE(ErrorCatalogue::forCode(code.toLower(), status), entry);
    QCOMPARE(ErrorCatalogue::forCode(u" "_s + code + u" "_s, status), entry);

    // The reply mapper classes the answer by the same row, and the hint shown for it is the
    // row's.
    const ApiResult result = ApiResult::fromReply(errorReply(status, code));
    QCOMPARE(result.errorClass, errorClass);
    QCOMPARE(result.isRetryable(), retryable);
    QCOMPARE(result.errorCode, code);
    QCOMPARE(ErrorCatalogue::forResult(result), entry);
    QCOMPARE(ErrorCatalogue::hint(result), entry->hint());
    QVERIFY(ErrorCatalogue::advice(result).contains(entry->nextStep()));
}

// Every catalogued code, sent with an HTTP status that says nothing by itself (499), is classed
// and explained by its own row: no code is known to the catalogue but not to the mapper.
void TestErrorCatalogue::everyCodeDecidesTheMapper()
{
    QVERIFY(!ErrorCatalogue::forStatus(499));
    int codes = 0;
    for (const ErrorEntry &e : ErrorCatalogue::entries()) {
        if (e.match != ErrorEntry::Match::Code)
            continue;
        ++codes;
        const int status = e.statusFrom == 0 ? 499 : e.statusFrom;
        const ApiResult result = ApiResult::fromReply(errorReply(status, e.code));
        QCOMPARE(result.errorClass, e.errorClass);
        QCOMPARE(ErrorCatalogue::forResult(result), &e);
        QCOMPARE(ErrorCatalogue::hint(result), e.hint());
    }
    QVERIFY(codes > 0);
}

void TestErrorCatalogue::unknownCodeFallsBackToStatus()
{
    // A code nobody documented: the status decides, and no hint is invented for it.
    ApiResult r = ApiResult::fromReply(errorReply(403, u"VOD.19999"_s));
    QCOMPARE(r.errorClass, ErrorClass::Other);
    QVERIFY(ErrorCatalogue::hint(r).isEmpty());
    r = ApiResult::fromReply(errorReply(429, u"VOD.19999"_s));
    QCOMPARE(r.errorClass, ErrorClass::Throttled);
    QVERIFY(ErrorCatalogue::hint(r).contains(u"throttling"_s));
    r = ApiResult::fromReply(errorReply(503, u"VOD.19999"_s));
    QCOMPARE(r.errorClass, ErrorClass::Transient);
    QVERIFY(r.isRetryable());
    r = ApiResult::fromReply(errorReply(401, u"VOD.19999"_s));
    QCOMPARE(r.errorClass, ErrorClass::Auth);
    QVERIFY(!r.isRetryable());
}

// One row per meaning: a row that an earlier one always shadows would be dead, and every row
// says what happened and what to do.
void TestErrorCatalogue::rowsAreReachableAndComplete()
{
    const auto entries = ErrorCatalogue::entries();
    int clockRows = 0;
    for (const ErrorEntry &e : entries) {
        QVERIFY(!e.hint().isEmpty());
        QVERIFY(!e.nextStep().isEmpty());
        QVERIFY(e.hint() != e.nextStep());
        QVERIFY(e.retryable() == isRetryable(e.errorClass));
        QVERIFY(e.errorClass != ErrorClass::None);
        switch (e.match) {
        case ErrorEntry::Match::Code:
            QVERIFY(!e.code.isEmpty());
            QCOMPARE(ErrorCatalogue::forCode(QString(e.code),
                                             e.statusFrom == 0 ? 499 : e.statusFrom),
                     &e);
            break;
        case ErrorEntry::Match::Status:
            QVERIFY(e.statusFrom > 0 && e.statusFrom <= e.statusTo);
            QCOMPARE(ErrorCatalogue::forStatus(e.statusFrom), &e);
            QCOMPARE(ErrorCatalogue::forStatus(e.statusTo), &e);
            break;
        case ErrorEntry::Match::Network:
            if (e.networkError != ErrorEntry::AnyNetworkError)
                QCOMPARE(ErrorCatalogue::forNetworkError(e.networkError), &e);
            break;
        case ErrorEntry::Match::ClockSkew:
            ++clockRows;
            QCOMPARE(&ErrorCatalogue::clockSkew(), &e);
            break;
        }
    }
    QCOMPARE(clockRows, 1);
    QCOMPARE(ErrorCatalogue::forNetworkError(QNetworkReply::NoError), nullptr);
    QVERIFY(ErrorCatalogue::forNetworkError(QNetworkReply::ProtocolFailure));
}

void TestErrorCatalogue::hintsForResults_data()
{
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("code");
    QTest::addColumn<ErrorClass>("errorClass");
    QTest::addColumn<int>("networkError");
    QTest::addColumn<bool>("clockSkew");
    QTest::addColumn<QString>("expected"); // substring of the advice; empty: no advice

    QTest::newRow("not found") << 403 << u"VOD.10062"_s << ErrorClass::NotFound << 0 << false
                               << u"project/region"_s;
    QTest::newRow("wrong state") << 403 << u"VOD.10061"_s << ErrorClass::WrongState << 0 << false
                                 << u"already be confirmed"_s;
    QTest::newRow("tenant") << 403 << u"VOD.10057"_s << ErrorClass::Auth << 0 << false
                            << u"project ID does not belong"_s;
    QTest::newRow("bad signature") << 401 << u"APIGW.0301"_s << ErrorClass::Auth << 0 << false
                                   << u"Access Key/Secret Key"_s;
    QTest::newRow("clock skew") << 401 << u"APIGW.0301"_s << ErrorClass::Auth << 0 << true
                                << u"clock is more than 15 minutes away"_s;
    QTest::newRow("throttled") << 429 << u"APIGW.0308"_s << ErrorClass::Throttled << 0 << false
                               << u"retries automatically"_s;
    QTest::newRow("429 without code")
            << 429 << QString() << ErrorClass::Throttled << 0 << false << u"throttling"_s;
    QTest::newRow("5xx") << 503 << u"APIGW.0201"_s << ErrorClass::Transient << 0 << false
                         << u"retries it automatically"_s;
    QTest::newRow("dns") << 0 << QString() << ErrorClass::Unreachable
                         << int(QNetworkReply::HostNotFoundError) << false
                         << u"host name was not found"_s;
    QTest::newRow("untrusted certificate")
            << 0 << QString() << ErrorClass::Other << int(QNetworkReply::SslHandshakeFailedError)
            << false << u"CA file"_s;
    QTest::newRow("proxy refused")
            << 0 << QString() << ErrorClass::Other
            << int(QNetworkReply::ProxyConnectionRefusedError) << false << u"proxy settings"_s;
    QTest::newRow("proxy failed") << 0 << QString() << ErrorClass::Other
                                  << int(QNetworkReply::UnknownProxyError) << false
                                  << u"proxy settings"_s;
    QTest::newRow("proxy credentials") << 407 << QString() << ErrorClass::Other
                                       << int(QNetworkReply::ProxyAuthenticationRequiredError)
                                       << false << u"proxy user name and password"_s;
    QTest::newRow("other network error")
            << 0 << QString() << ErrorClass::Other << int(QNetworkReply::ProtocolFailure) << false
            << u"network connection"_s;
    QTest::newRow("success") << 200 << QString() << ErrorClass::None << 0 << false << QString();
}

void TestErrorCatalogue::hintsForResults()
{
    QFETCH(int, httpStatus);
    QFETCH(QString, code);
    QFETCH(ErrorClass, errorClass);
    QFETCH(int, networkError);
    QFETCH(bool, clockSkew);
    QFETCH(QString, expected);
    ApiResult r;
    r.httpStatus = httpStatus;
    r.errorCode = code;
    r.errorClass = errorClass;
    r.networkError = networkError;
    r.clockSkew = clockSkew;
    const QString advice = ErrorCatalogue::advice(r);
    if (expected.isEmpty())
        QVERIFY2(advice.isEmpty(), qPrintable(advice));
    else
        QVERIFY2(advice.contains(expected), qPrintable(advice));
}

void TestErrorCatalogue::networkFailures()
{
    ApiResult::Reply r;
    r.networkError = QNetworkReply::HostNotFoundError;
    QCOMPARE(ApiResult::fromReply(r).errorClass, ErrorClass::Unreachable);
    // The network failing before anything was sent stops a batch; after the request went out,
    // it may have reached the server, so the answer is only unknown.
    r.networkError = QNetworkReply::UnknownNetworkError;
    QCOMPARE(ApiResult::fromReply(r).errorClass, ErrorClass::Unreachable);
    r.requestSent = true;
    QCOMPARE(ApiResult::fromReply(r).errorClass, ErrorClass::Transient);
    // Our own timeout aborts the reply (OperationCanceledError): worth another try.
    r.networkError = QNetworkReply::OperationCanceledError;
    r.timedOut = true;
    const ApiResult timedOut = ApiResult::fromReply(r);
    QCOMPARE(timedOut.errorClass, ErrorClass::Transient);
    QVERIFY(ErrorCatalogue::hint(timedOut).contains(u"did not answer in time"_s));
    r.timedOut = false;
    QCOMPARE(ApiResult::fromReply(r).errorClass, ErrorClass::Other);
}

void TestErrorCatalogue::clockRule()
{
    const QDateTime local(QDate(2024, 1, 2), QTime(3, 4, 5), QTimeZone::utc());
    QVERIFY(!ErrorCatalogue::isClockSkewed(local.addSecs(15 * 60), local));
    QVERIFY(ErrorCatalogue::isClockSkewed(local.addSecs(15 * 60 + 1), local));
    QVERIFY(ErrorCatalogue::isClockSkewed(local.addSecs(-15 * 60 - 1), local));
    QVERIFY(!ErrorCatalogue::isClockSkewed(QDateTime(), local));

    // A refused signature while the clocks are 16 minutes apart is explained by the clock,
    // whatever the code said.
    ApiResult::Reply reply = errorReply(401, u"APIGW.0301"_s);
    reply.localTime = local;
    reply.date = "Tue, 02 Jan 2024 03:20:06 GMT";
    const ApiResult skewed = ApiResult::fromReply(reply);
    QVERIFY(skewed.clockSkew);
    QCOMPARE(ErrorCatalogue::forResult(skewed), &ErrorCatalogue::clockSkew());
    QVERIFY(ErrorCatalogue::advice(skewed).contains(u"system clock"_s));
    // The same clocks do not matter to an answer that is not an authentication failure.
    reply = errorReply(403, u"VOD.10062"_s);
    reply.localTime = local;
    reply.date = "Tue, 02 Jan 2024 03:20:06 GMT";
    const ApiResult missing = ApiResult::fromReply(reply);
    QVERIFY(!missing.clockSkew);
    QCOMPARE(ErrorCatalogue::forResult(missing)->errorClass, ErrorClass::NotFound);
}

void TestErrorCatalogue::authAdviceForTheSignInMethod()
{
    const ApiResult refused = ApiResult::fromReply(errorReply(401, u"APIGW.0301"_s));
    QVERIFY(ErrorCatalogue::authAdvice(refused, AuthMode::AkSk).contains(u"secret key (SK)"_s));
    QVERIFY(ErrorCatalogue::authAdvice(refused, AuthMode::AkSk, true)
                    .contains(u"security token"_s));
    QVERIFY(ErrorCatalogue::authAdvice(refused, AuthMode::Token).contains(u"IAM token"_s));
    QVERIFY(ErrorCatalogue::authAdvice(refused, AuthMode::Password).contains(u"password"_s));
    // Codes that name the problem get their own advice, whatever the sign-in method.
    const ApiResult account = ApiResult::fromReply(errorReply(403, u"VOD.10056"_s));
    for (AuthMode mode : {AuthMode::AkSk, AuthMode::Token, AuthMode::Password})
        QCOMPARE(ErrorCatalogue::authAdvice(account, mode),
                 ErrorCatalogue::forCode(u"VOD.10056", 403)->advice());
    const ApiResult denied = ApiResult::fromReply(errorReply(403, u"APIGW.0302"_s));
    QVERIFY(ErrorCatalogue::authAdvice(denied, AuthMode::AkSk).contains(u"permission"_s));
    // The stop reason of a batch carries the server's own answer as well.
    QVERIFY(authFailureAdvice(refused, AuthMode::AkSk).contains(u"APIGW.0301"_s));
}

QTEST_GUILESS_MAIN(TestErrorCatalogue)
#include "tst_errorcatalogue.moc"
