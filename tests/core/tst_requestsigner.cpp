#include "api/requestsigner.h"

#include <QDateTime>
#include <QTest>

using namespace VodConfirm;
using namespace Qt::StringLiterals;
namespace S = RequestSigner;

class TestRequestSigner : public QObject
{
    Q_OBJECT
private slots:
    void officialVectors_data();
    void officialVectors();
    void documentedCanonicalRequest();
    void canonicalQueryString();
    void canonicalUri_data();
    void canonicalUri();
    void sdkDate();
    void signatureCoversBodyBytes();
};

static S::Input input(const char *method, const QString &path, S::QueryList query,
                      S::HeaderList headers, const QByteArray &body, const char *ak = "AccessKey",
                      const char *sk = "SecretKey")
{
    return S::Input {method, path, std::move(query), std::move(headers), body, ak, sk};
}

static const char ConfirmBody[]
        = R"({"asset_id":"0123456789abcdef0123456789abcdef","status":"CREATED"})";
static const char Pid[] = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
static const char Ak[] = "HPUAEXAMPLEAK0000001";
static const char Sk[] = "ExampleSecretKey0000000000000000000000001";

void TestRequestSigner::officialVectors_data()
{
    QTest::addColumn<S::Input>("in");
    QTest::addColumn<QByteArray>("authorization");

    // The headers each official SDK chose to sign are given explicitly (contract section 1.4).
    QTest::newRow("G1")
            << input("GET", u"/path"_s, {{u"limit"_s, u"1"_s}},
                     {{"X-Sdk-Date", "20060102T150405Z"}}, {})
            << QByteArray("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, "
                          "Signature="
                          "5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624");
    QTest::newRow("G2")
            << input("POST", u"/path"_s, {{u"key"_s, u"value"_s}},
                     {{"X-Sdk-Date", "20060102T150405Z"}}, "{\"Name\":\"test\",\"Id\":1}\n")
            << QByteArray("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, "
                          "Signature="
                          "cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59");
    const S::HeaderList p
            = {{"Host", "service.endpoint.myhuaweicloud.com"}, {"X-Sdk-Date", "20200608T023900Z"}};
    QTest::newRow("P1")
            << input("GET", u"/resources"_s, {{u"size"_s, u"1"_s}}, p, "")
            << QByteArray("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, "
                          "Signature="
                          "cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842");
    QTest::newRow("P2")
            << input("POST", u"/resources"_s, {{u"size"_s, u"1"_s}}, p, R"({"name":"test","id":1})")
            << QByteArray("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, "
                          "Signature="
                          "436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f");
    const S::HeaderList j
            = {{"Host", "service.region.example.com"}, {"X-Sdk-Date", "20191115T033655Z"}};
    QTest::newRow("J1")
            << input("GET", u"/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs"_s,
                     {{u"limit"_s, u"2"_s},
                      {u"marker"_s, u"13551d6b-755d-4757-b956-536f674975c0"_s}},
                     j, {})
            << QByteArray("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, "
                          "Signature="
                          "fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d");
    QTest::newRow("J2")
            << input("POST", u"/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123"_s, {}, j,
                     R"({"key":"value"})")
            << QByteArray("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, "
                          "Signature="
                          "b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771");
    QTest::newRow("J3")
            << input("GET", u""_s, {},
                     {{"Host", "example.com"}, {"X-Sdk-Date", "20191115T033655Z"}}, {})
            << QByteArray("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, "
                          "Signature="
                          "919ad8b75d4ad49da0d377e63ee21c4a7a54b752f6bf2878b4adbe9c19927da6");
    QTest::newRow("D1")
            << input("GET", u"/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs"_s,
                     {{u"limit"_s, u"2"_s},
                      {u"marker"_s, u"13551d6b-755d-4757-b956-536f674975c0"_s}},
                     {{"Content-Type", "application/json"},
                      {"Host", "service.region.example.com"},
                      {"X-Sdk-Date", "20191115T033655Z"}},
                     {}, "QTWAOYTTINDUT2QVKYUC", "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc")
            << QByteArray("SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, "
                          "SignedHeaders=content-type;host;x-sdk-date, "
                          "Signature="
                          "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe");

    const QString confirmPath = u"/v1.0/%1/asset/status/uploaded"_s.arg(QLatin1StringView(Pid));
    const QByteArray date = "20240102T030405Z";
    QTest::newRow("V1")
            << input("POST", confirmPath, {},
                     {{"Content-Type", "application/json"},
                      {"Host", "vod.cn-north-4.myhuaweicloud.com"},
                      {"X-Project-Id", Pid},
                      {"X-Sdk-Date", date}},
                     ConfirmBody, Ak, Sk)
            << QByteArray("SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, "
                          "SignedHeaders=content-type;host;x-project-id;x-sdk-date, "
                          "Signature="
                          "ce82b86285155f4514d4986a5431aec8d193c11e51f5f3e377f9d268878567ae");
    QTest::newRow("V3")
            << input("POST", confirmPath, {},
                     {{"Content-Type", "application/json"},
                      {"host", "127.0.0.1:18080"},
                      {"X-Project-Id", Pid},
                      {"X-Sdk-Date", date}},
                     ConfirmBody, Ak, Sk)
            << QByteArray("SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, "
                          "SignedHeaders=content-type;host;x-project-id;x-sdk-date, "
                          "Signature="
                          "d3be784d8f75e1aff487114f66aeaca82a9778b7ce984a13e6048b39503fdbff");
    const QByteArray pyBody
            = R"({"asset_id": "0123456789abcdef0123456789abcdef", "status": "CREATED"})";
    QTest::newRow("V4")
            << input("POST", confirmPath, {},
                     {{"Content-Type", "application/json"},
                      {"Host", "vod.cn-north-4.myhuaweicloud.com"},
                      {"User-Agent", "huaweicloud-usdk-python/3.0"},
                      {"X-Project-Id", Pid},
                      {"X-Sdk-Date", date}},
                     pyBody, Ak, Sk)
            << QByteArray("SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, "
                          "SignedHeaders=content-type;host;user-agent;x-project-id;x-sdk-date, "
                          "Signature="
                          "fc0cac647660bea32f8d44d4a4d299821f773f56652209fbb3856a7234da342f");
    QTest::newRow("V5")
            << input("POST", confirmPath, {},
                     {{"Content-Type", "application/json"},
                      {"Host", "127.0.0.1:18081"},
                      {"User-Agent", "huaweicloud-usdk-python/3.0; test-ua"},
                      {"X-Project-Id", Pid},
                      {"X-Sdk-Date", date}},
                     pyBody, Ak, Sk)
            << QByteArray("SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, "
                          "SignedHeaders=content-type;host;user-agent;x-project-id;x-sdk-date, "
                          "Signature="
                          "cc06e4c19f8dfb3e580cd1442e4b765f86f00f3cd355fa7b223d7879c8f446d7");
    QTest::newRow("V6")
            << input("POST", confirmPath, {},
                     {{"User-Agent", "huaweicloud-usdk-go/3.0"},
                      {"X-Project-Id", Pid},
                      {"X-Sdk-Date", date}},
                     QByteArray(ConfirmBody) + '\n', Ak, Sk)
            << QByteArray("SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, "
                          "SignedHeaders=user-agent;x-project-id;x-sdk-date, "
                          "Signature="
                          "ddece6da9d7403701e44aaeac5c10408fd4e2ac4de8d7ce9cc08f14b7ecb19db");
    QTest::newRow("V7")
            << input("GET", u"/v1.0/%1/asset/info"_s.arg(QLatin1StringView(Pid)),
                     {{u"asset_id"_s, u"fedcba9876543210fedcba9876543210"_s},
                      {u"asset_id"_s, u"0123456789abcdef0123456789abcdef"_s}},
                     {{"Host", "vod.cn-north-4.myhuaweicloud.com"},
                      {"X-Project-Id", Pid},
                      {"X-Sdk-Date", date}},
                     {}, Ak, Sk)
            << QByteArray("SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, "
                          "SignedHeaders=host;x-project-id;x-sdk-date, "
                          "Signature="
                          "ff90b8f4b6504855ed1db4d7edca764cd1c97f93197f393d17d113be3e0716a9");
}

void TestRequestSigner::officialVectors()
{
    QFETCH(S::Input, in);
    QFETCH(QByteArray, authorization);
    QCOMPARE(S::sign(in).authorization, authorization);
}

void TestRequestSigner::documentedCanonicalRequest()
{
    // D1 and V1: the exact canonical request text and its hash from the signing guide.
    const S::Output d1 = S::sign(
            input("GET", u"/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs"_s,
                  {{u"marker"_s, u"13551d6b-755d-4757-b956-536f674975c0"_s}, {u"limit"_s, u"2"_s}},
                  {{"X-Sdk-Date", "20191115T033655Z"},
                   {"Host", "service.region.example.com"},
                   {"Content-Type", "application/json"}},
                  {}, "QTWAOYTTINDUT2QVKYUC", "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"));
    QCOMPARE(d1.canonicalRequest,
             QByteArray("GET\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\n"
                        "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0\n"
                        "content-type:application/json\nhost:service.region.example.com\n"
                        "x-sdk-date:20191115T033655Z\n\ncontent-type;host;x-sdk-date\n"
                        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    QCOMPARE(d1.stringToSign,
             QByteArray("SDK-HMAC-SHA256\n20191115T033655Z\n"
                        "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a"));
    QCOMPARE(d1.signedHeaders, QByteArray("content-type;host;x-sdk-date"));
}

void TestRequestSigner::canonicalQueryString()
{
    // GO TestSigner_canonicalQueryString / PY test_process_canonical_query_string.
    const S::QueryList q = {
            {u"limit"_s, u"1"_s},       {u"enable"_s, u"true"_s}, {u"test"_s, u"一 (&=?!#%.*)"_s},
            {u"path"_s, u"/tmp/123"_s}, {u"multi"_s, u"3"_s},     {u"multi"_s, u"1"_s},
            {u"multi"_s, u"2"_s}};
    QCOMPARE(S::canonicalQueryString(q),
             QByteArray("enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&"
                        "test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29"));
    QCOMPARE(S::canonicalQueryString({}), QByteArray());
}

void TestRequestSigner::canonicalUri_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("uri");
    QTest::newRow("empty") << QString() << QByteArray("/");
    QTest::newRow("root") << u"/"_s << QByteArray("/");
    QTest::newRow("confirm") << u"/v1.0/abc/asset/status/uploaded"_s
                             << QByteArray("/v1.0/abc/asset/status/uploaded/");
    QTest::newRow("trailing slash kept once") << u"/a/b/"_s << QByteArray("/a/b/");
    QTest::newRow("encoded segment") << u"/a b/ü"_s << QByteArray("/a%20b/%C3%BC/");
}

void TestRequestSigner::canonicalUri()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, uri);
    QCOMPARE(S::canonicalUri(path), uri);
}

void TestRequestSigner::sdkDate()
{
    const QDateTime t(QDate(2024, 1, 2), QTime(3, 4, 5), Qt::UTC);
    QCOMPARE(S::sdkDate(t), QByteArray("20240102T030405Z"));
    QCOMPARE(S::sdkDate(t.toOffsetFromUtc(8 * 3600)), QByteArray("20240102T030405Z"));
}

void TestRequestSigner::signatureCoversBodyBytes()
{
    // One byte of difference in the body (or the date) gives another signature.
    S::Input a = input("POST", u"/x"_s, {}, {{"X-Sdk-Date", "20240102T030405Z"}}, ConfirmBody);
    S::Input b = a;
    b.body.append(' ');
    QVERIFY(S::sign(a).signature != S::sign(b).signature);
    S::Input c = a;
    c.headers = {{"X-Sdk-Date", "20240102T030406Z"}};
    QVERIFY(S::sign(a).signature != S::sign(c).signature);
    QCOMPARE(S::sign(a).signature.size(), 64);
}

QTEST_GUILESS_MAIN(TestRequestSigner)
#include "tst_requestsigner.moc"
