// The upload's network layer end to end over real sockets: VodClient's CreateAssetByFileUpload
// and ShowAssetTempAuthority against the loopback VOD server, and ObsClient against its OBS
// endpoint with the presigned URLs those give (vod-api.md 5.2). What a user would notice: the
// file arrives byte-exact, a damaged part or a misused authority is refused and says why, and
// failures are classed so that a retry or a new authority can fix them.
#include "api/obsclient.h"
#include "api/vodclient.h"
#include "vodtestserver.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace VodConfirm;
using namespace VodConfirm::Test;
using namespace Qt::StringLiterals;
using Fault = VodTestServer::Fault;
using Route = VodTestServer::Route;
using Part = ObsClient::Part;

namespace {

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator random(seed);
    random.fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    for (qsizetype i = size / 4 * 4; i < size; ++i)
        data[i] = char(random.bounded(256));
    return data;
}

// Runs the event loop until `done` (at most `ms`). Not QTest::qWaitFor, which sleeps 10 ms
// between rounds: Qt's HTTP thread asks the main thread for each 16 KB of a request body, so a
// sleeping loop would make a 4 MB part take seconds.
bool waitFor(const bool &done, int ms = 30000)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done)
            loop.quit();
    });
    poll.start(1);
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
    return done;
}

QByteArray md5Base64(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toBase64();
}

QByteArray md5Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

VodClient::NewAsset movie(const QString &name = u"holiday clip.mp4"_s)
{
    return {u"Holiday clip"_s, name, u"MP4"_s, u"from the test"_s, -1, {}};
}

} // namespace

class TestObsClient : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void multipartUploadAssemblesTheFile();
    void onePartUpload();
    void smallFileInOnePut();
    void createdAssetIsWaitingForConfirm();
    void createRefusesWhatVodDoesNotTake();
    void wrongContentMd5IsRefused();
    void authorityForAnotherOperationIsRefused();
    void authorityUsedTwiceIsRefused();
    void expiredAuthorityIsRecognisable();
    void partDroppedMidBodyIsRetryable();
    void serverErrorsAndSlowDownAreRetryable();
    void listPartsFollowsTruncation();
    void completeChecksSizesAndEtags();
    void abortEndsTheUpload();
    void bandwidthLimitHoldsForAllBodies();
    void hostileCreateAnswers_data();
    void hostileCreateAnswers();
    void hostileAuthorityAnswers_data();
    void hostileAuthorityAnswers();
    void hostileObsAnswers_data();
    void hostileObsAnswers();
    void httpsUploadTrustsTheProfilesCaFile();
    void urlProblems_data();
    void urlProblems();

private:
    VodClient::CreatedAsset create(ApiResult *result, const VodClient::NewAsset &asset = movie());
    QUrl authority(const VodClient::CreatedAsset &asset, const QByteArray &verb,
                   const QString &uploadId = {}, int partNumber = 0,
                   const QByteArray &contentMd5 = {}, const QString &contentType = {},
                   ApiResult *result = nullptr);
    QString initiate(const VodClient::CreatedAsset &asset, ApiResult *result);
    QByteArray uploadPart(const QUrl &url, const QByteArray &data, const QByteArray &md5,
                          ApiResult *result);
    QList<Part> listParts(const QUrl &url, ApiResult *result);
    ApiResult complete(const QUrl &url, const QList<Part> &parts);
    // Create, initiate and upload `parts` (each with an authority of its own); the ETags.
    QList<Part> uploadParts(VodClient::CreatedAsset *asset, QString *uploadId,
                            const QList<QByteArray> &parts);

    std::unique_ptr<VodTestServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<VodClient> m_vod;
    std::unique_ptr<ObsClient> m_obs;
    qint64 m_bytesSent = 0;
};

void TestObsClient::init()
{
    m_server = std::make_unique<VodTestServer>();
    QVERIFY(m_server->listen());
    m_server->config().minPartBytes = 1024; // small parts keep the tests fast
    m_nam = std::make_unique<QNetworkAccessManager>();
    VodClient::Config config;
    config.endpoint = m_server->url();
    config.projectId = m_server->config().projectId;
    config.credentials.accessKey = m_server->config().accessKey;
    config.credentials.secretKey = m_server->config().secretKey;
    config.proxy = QNetworkProxy(QNetworkProxy::NoProxy);
    m_vod = std::make_unique<VodClient>(m_nam.get(), config);
    QVERIFY(m_vod->configProblem().isEmpty());
    m_obs = std::make_unique<ObsClient>(m_vod->network(), m_vod->tlsConfiguration(),
                                        ObsClient::Config {});
    m_bytesSent = 0;
    connect(m_obs.get(), &ObsClient::bytesSent, this, [this](qint64 n) { m_bytesSent += n; });
}

void TestObsClient::cleanup()
{
    m_obs.reset();
    m_vod.reset();
    m_nam.reset();
    m_server.reset();
}

VodClient::CreatedAsset TestObsClient::create(ApiResult *result, const VodClient::NewAsset &asset)
{
    bool done = false;
    VodClient::CreatedAsset created;
    m_vod->createAssetByFileUpload(asset, this,
                                   [&](const ApiResult &r, const VodClient::CreatedAsset &c) {
                                       *result = r;
                                       created = c;
                                       done = true;
                                   });
    if (!waitFor(done))
        result->errorMessage = u"no answer"_s;
    return created;
}

QUrl TestObsClient::authority(const VodClient::CreatedAsset &asset, const QByteArray &verb,
                              const QString &uploadId, int partNumber, const QByteArray &contentMd5,
                              const QString &contentType, ApiResult *result)
{
    bool done = false;
    QUrl url;
    ApiResult r;
    m_vod->showAssetTempAuthority(
            {verb, asset.bucket, asset.objectKey, contentType, uploadId, partNumber, contentMd5},
            this, [&](const ApiResult &answer, const QUrl &signedUrl) {
                r = answer;
                url = signedUrl;
                done = true;
            });
    if (!waitFor(done))
        r.errorMessage = u"no answer"_s;
    if (result)
        *result = r;
    return url;
}

QString TestObsClient::initiate(const VodClient::CreatedAsset &asset, ApiResult *result)
{
    const QUrl url = authority(asset, "POST", {}, 0, {}, u"video/mp4"_s);
    bool done = false;
    QString id;
    m_obs->initiate(url, "video/mp4", this, [&](const ApiResult &r, const QString &uploadId) {
        *result = r;
        id = uploadId;
        done = true;
    });
    if (!waitFor(done))
        result->errorMessage = u"no answer"_s;
    return id;
}

QByteArray TestObsClient::uploadPart(const QUrl &url, const QByteArray &data, const QByteArray &md5,
                                     ApiResult *result)
{
    bool done = false;
    QByteArray etag;
    m_obs->uploadPart(url, data, md5, this, [&](const ApiResult &r, const QByteArray &e) {
        *result = r;
        etag = e;
        done = true;
    });
    if (!waitFor(done))
        result->errorMessage = u"no answer"_s;
    return etag;
}

QList<Part> TestObsClient::listParts(const QUrl &url, ApiResult *result)
{
    bool done = false;
    QList<Part> parts;
    m_obs->listParts(url, this, [&](const ApiResult &r, const QList<Part> &p) {
        *result = r;
        parts = p;
        done = true;
    });
    if (!waitFor(done))
        result->errorMessage = u"no answer"_s;
    return parts;
}

ApiResult TestObsClient::complete(const QUrl &url, const QList<Part> &parts)
{
    bool done = false;
    ApiResult result;
    m_obs->complete(url, parts, this, [&](const ApiResult &r) {
        result = r;
        done = true;
    });
    if (!waitFor(done))
        result.errorMessage = u"no answer"_s;
    return result;
}

QList<Part> TestObsClient::uploadParts(VodClient::CreatedAsset *asset, QString *uploadId,
                                       const QList<QByteArray> &parts)
{
    ApiResult result;
    *asset = create(&result);
    if (!result.ok())
        return {};
    *uploadId = initiate(*asset, &result);
    if (!result.ok())
        return {};
    QList<Part> done;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QByteArray md5 = md5Base64(parts.at(i));
        const QUrl url = authority(*asset, "PUT", *uploadId, int(i + 1), md5);
        const QByteArray etag = uploadPart(url, parts.at(i), md5, &result);
        if (!result.ok())
            return {};
        done.append({int(i + 1), etag, parts.at(i).size()});
    }
    return done;
}

// The whole flow: create, authority per operation, initiate, three parts (the last smaller),
// list, complete: the object is the file, byte for byte, and each part arrived once.
void TestObsClient::multipartUploadAssemblesTheFile()
{
    m_server->config().minPartBytes = 100 * 1024; // OBS's real minimum
    const QByteArray file = randomBytes(2 * 256 * 1024 + 70 * 1000 + 3, 7);
    const QList<QByteArray> chunks {file.first(256 * 1024), file.sliced(256 * 1024, 256 * 1024),
                                    file.sliced(512 * 1024)};
    VodClient::CreatedAsset asset;
    QString uploadId;
    const QList<Part> parts = uploadParts(&asset, &uploadId, chunks);
    QCOMPARE(parts.size(), 3);
    QCOMPARE(asset.bucket, m_server->config().bucket);
    QCOMPARE(asset.location, m_server->config().bucketLocation);
    QCOMPARE(asset.objectKey, m_server->objectKeyOf(asset.assetId));
    for (const Part &p : parts)
        QCOMPARE(p.etag, md5Hex(chunks.at(p.number - 1)));
    QCOMPARE(m_bytesSent, file.size());

    ApiResult result;
    const QList<Part> listed = listParts(authority(asset, "GET", uploadId), &result);
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    QCOMPARE(listed.size(), 3);
    for (qsizetype i = 0; i < 3; ++i) {
        QCOMPARE(listed.at(i).number, parts.at(i).number);
        QCOMPARE(listed.at(i).etag, parts.at(i).etag);
        QCOMPARE(listed.at(i).size, chunks.at(i).size());
    }

    result = complete(authority(asset, "POST", uploadId), listed);
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    QVERIFY(m_server->hasObject(asset.objectKey));
    QVERIFY(m_server->object(asset.objectKey) == file);
    QVERIFY(!m_server->openUploads().contains(uploadId));
    const auto &c = m_server->counters();
    QCOMPARE(c.creates, 1);
    QCOMPARE(c.authorities, 1 + 3 + 1 + 1); // initiate, 3 parts, list, complete
    QCOMPARE(c.partsReceived.value(uploadId), (QMap<int, int> {{1, 1}, {2, 1}, {3, 1}}));
    QVERIFY(c.obsBodyBytes > file.size());
}

// A file of exactly one part: the single part is also the last, so any size will do.
void TestObsClient::onePartUpload()
{
    const QByteArray file = randomBytes(500, 11);
    VodClient::CreatedAsset asset;
    QString uploadId;
    const QList<Part> parts = uploadParts(&asset, &uploadId, {file});
    QCOMPARE(parts.size(), 1);
    const ApiResult result = complete(authority(asset, "POST", uploadId), parts);
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    QVERIFY(m_server->object(asset.objectKey) == file);
}

// Under 20 MB: one PUT to video_upload_url, no authority asked for.
void TestObsClient::smallFileInOnePut()
{
    ApiResult result;
    const VodClient::CreatedAsset asset = create(&result);
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    QVERIFY(ObsClient::urlProblem(asset.videoUploadUrl).isEmpty());
    const QByteArray file = randomBytes(300 * 1024 + 1, 5);
    bool done = false;
    QByteArray etag;
    m_obs->putObject(asset.videoUploadUrl, file, "video/mp4", md5Base64(file), this,
                     [&](const ApiResult &r, const QByteArray &e) {
                         result = r;
                         etag = e;
                         done = true;
                     });
    QVERIFY(waitFor(done));
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    QCOMPARE(etag, md5Hex(file));
    QVERIFY(m_server->object(asset.objectKey) == file);
    QCOMPARE(m_server->counters().authorities, 0);
}

// The asset exists from the create on: CREATING in ShowAssetMeta and ListAssetList, and
// ConfirmAssetUpload CREATED takes it.
void TestObsClient::createdAssetIsWaitingForConfirm()
{
    ApiResult result;
    const VodClient::CreatedAsset asset = create(&result);
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    QCOMPARE(m_server->assetStatus(asset.assetId), u"CREATING"_s);
    QVERIFY(m_server->creatingAssetIds().contains(asset.assetId));
    bool done = false;
    m_vod->showAssetMeta({asset.assetId}, this,
                         [&](const ApiResult &r, const QList<VodClient::AssetInfo> &infos) {
                             result = r;
                             QCOMPARE(infos.size(), 1);
                             QCOMPARE(infos.first().status, u"CREATING"_s);
                             done = true;
                         });
    QVERIFY(waitFor(done));
    QVERIFY(result.ok());
    done = false;
    m_vod->confirmAssetUpload(asset.assetId, TargetStatus::Created, this, [&](const ApiResult &r) {
        result = r;
        done = true;
    });
    QVERIFY(waitFor(done));
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    QCOMPARE(m_server->assetStatus(asset.assetId), u"CREATED"_s);
}

// What VOD would refuse is refused before sending, with the reason; and the server refuses it
// too when sent by hand (tst_vodtestserver).
void TestObsClient::createRefusesWhatVodDoesNotTake()
{
    ApiResult result;
    VodClient::NewAsset asset = movie(u"notes.txt"_s);
    asset.videoType = u"TXT"_s;
    create(&result, asset);
    QCOMPARE(result.errorClass, ErrorClass::BadRequest);
    QVERIFY(result.errorMessage.contains(u"TXT"_s));
    QVERIFY(result.errorMessage.contains(u"MKV"_s)); // the list of what it takes
    asset = movie();
    asset.title = QString(43, QChar(0x4e2d)); // 129 bytes of UTF-8
    create(&result, asset);
    QCOMPARE(result.errorClass, ErrorClass::BadRequest);
    QVERIFY(result.errorMessage.contains(u"128"_s));
    QCOMPARE(m_server->counters().requests(Route::CreateAsset), 0);
}

void TestObsClient::wrongContentMd5IsRefused()
{
    ApiResult result;
    const VodClient::CreatedAsset asset = create(&result);
    const QString uploadId = initiate(asset, &result);
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    const QByteArray part = randomBytes(4096, 3);
    QByteArray damaged = part;
    damaged[100] = char(damaged.at(100) ^ 1);
    // The authority and the header name the MD5 of what was read; other bytes went out.
    const QByteArray md5 = md5Base64(part);
    uploadPart(authority(asset, "PUT", uploadId, 1, md5), damaged, md5, &result);
    QCOMPARE(result.httpStatus, 400);
    QCOMPARE(result.errorCode, u"BadDigest"_s);
    QCOMPARE(result.errorClass, ErrorClass::BadRequest);
    QVERIFY(!result.isRetryable());
    QVERIFY(!result.authorityExpired);
    QVERIFY(ErrorCatalogue::hint(result).contains(u"MD5"_s));
    // Not stored: the list is empty.
    const QList<Part> listed = listParts(authority(asset, "GET", uploadId), &result);
    QVERIFY(result.ok());
    QVERIFY(listed.isEmpty());
}

// A part's authority is for that part only: another part number, another verb, or another
// MD5 is refused as a misused authority.
void TestObsClient::authorityForAnotherOperationIsRefused()
{
    ApiResult result;
    const VodClient::CreatedAsset asset = create(&result);
    const QString uploadId = initiate(asset, &result);
    const QByteArray one = randomBytes(2048, 1);
    const QByteArray two = randomBytes(2048, 2);
    const QUrl forOne = authority(asset, "PUT", uploadId, 1, md5Base64(one));
    // Part 2's bytes and MD5 on part 1's authority.
    uploadPart(forOne, two, md5Base64(two), &result);
    QCOMPARE(result.httpStatus, 403);
    QVERIFY(result.authorityExpired);
    QCOMPARE(result.errorClass, ErrorClass::Auth);
    QVERIFY(!result.isRetryable());
    // The list's authority used to complete.
    result = complete(authority(asset, "GET", uploadId), {{1, md5Hex(one), 2048}});
    QVERIFY(result.authorityExpired);
    QCOMPARE(m_server->counters().partsReceived.value(uploadId).value(1), 0);
    QCOMPARE(m_server->counters().obsRefused, 2);
    // The right one still works.
    QCOMPARE(uploadPart(forOne, one, md5Base64(one), &result), md5Hex(one));
}

void TestObsClient::authorityUsedTwiceIsRefused()
{
    m_server->config().singleUseAuthority = true;
    ApiResult result;
    const VodClient::CreatedAsset asset = create(&result);
    const QString uploadId = initiate(asset, &result);
    const QByteArray part = randomBytes(2048, 4);
    const QUrl url = authority(asset, "PUT", uploadId, 1, md5Base64(part));
    uploadPart(url, part, md5Base64(part), &result);
    QVERIFY(result.ok());
    uploadPart(url, part, md5Base64(part), &result);
    QCOMPARE(result.httpStatus, 403);
    QVERIFY(result.authorityExpired);
    QCOMPARE(m_server->counters().partsReceived.value(uploadId).value(1), 1);
}

// An expired authority says so, distinguishable from a refused signature of ours: the caller
// asks for a new one, and that one works.
void TestObsClient::expiredAuthorityIsRecognisable()
{
    ApiResult result;
    const VodClient::CreatedAsset asset = create(&result);
    const QString uploadId = initiate(asset, &result);
    const QByteArray part = randomBytes(3000, 9);
    const QByteArray md5 = md5Base64(part);
    const QUrl old = authority(asset, "PUT", uploadId, 1, md5);
    m_server->expireAuthorities();
    uploadPart(old, part, md5, &result);
    QCOMPARE(result.httpStatus, 403);
    QCOMPARE(result.errorCode, u"AccessDenied"_s);
    QVERIFY(result.errorMessage.contains(u"expired"_s));
    QVERIFY(result.authorityExpired);
    QVERIFY(!result.tokenExpired);
    QVERIFY(ErrorCatalogue::hint(result).contains(u"authorisation"_s));
    QCOMPARE(uploadPart(authority(asset, "PUT", uploadId, 1, md5), part, md5, &result),
             md5Hex(part));
    QVERIFY(result.ok());

    // A short lifetime expires by itself.
    m_server->config().authorityLifetimeMs = 1;
    const QUrl brief = authority(asset, "GET", uploadId);
    QTest::qWait(20);
    listParts(brief, &result);
    QVERIFY(result.authorityExpired);
}

// A connection dropped half-way through a part: a retryable failure, nothing stored, and Qt did
// not send it again by itself (the server saw no second copy).
void TestObsClient::partDroppedMidBodyIsRetryable()
{
    ApiResult result;
    const VodClient::CreatedAsset asset = create(&result);
    const QString uploadId = initiate(asset, &result);
    const QByteArray part = randomBytes(4 * 1024 * 1024, 6);
    const QByteArray md5 = md5Base64(part);
    const QUrl url = authority(asset, "PUT", uploadId, 1, md5);
    m_server->scriptNextObs({Fault::DropMidBody});
    uploadPart(url, part, md5, &result);
    QCOMPARE(result.httpStatus, 0);
    QVERIFY2(result.isRetryable(), qPrintable(result.summary()));
    QVERIFY(!result.authorityExpired);
    QCOMPARE(m_server->counters().partsReceivedTotal(), 0);
    QCOMPARE(m_server->counters().requests(Route::Obs), 1); // initiate only: none re-sent
    // Sent again by the caller, it arrives once.
    QCOMPARE(uploadPart(url, part, md5, &result), md5Hex(part));
    QCOMPARE(m_server->counters().partsReceived.value(uploadId).value(1), 1);
}

void TestObsClient::serverErrorsAndSlowDownAreRetryable()
{
    ApiResult result;
    const VodClient::CreatedAsset asset = create(&result);
    const QString uploadId = initiate(asset, &result);
    const QByteArray part = randomBytes(2048, 8);
    const QByteArray md5 = md5Base64(part);
    const QUrl url = authority(asset, "PUT", uploadId, 1, md5);
    m_server->scriptNextObs(
            {Fault::Error500, Fault::SlowDown, Fault::Error503, Fault::DropAfterEffect});
    uploadPart(url, part, md5, &result);
    QCOMPARE(result.httpStatus, 500);
    QCOMPARE(result.errorCode, u"InternalError"_s);
    QCOMPARE(result.errorClass, ErrorClass::Transient);
    uploadPart(url, part, md5, &result);
    QCOMPARE(result.httpStatus, 503);
    QCOMPARE(result.errorCode, u"SlowDown"_s);
    QCOMPARE(result.errorClass, ErrorClass::Throttled);
    uploadPart(url, part, md5, &result);
    QCOMPARE(result.errorCode, u"ServiceUnavailable"_s);
    QVERIFY(result.isRetryable());
    // Stored, but the answer was lost: retryable, and the server counts the part once so far.
    uploadPart(url, part, md5, &result);
    QVERIFY(result.isRetryable());
    QCOMPARE(m_server->counters().partsReceived.value(uploadId).value(1), 1);
}

// More parts than fit in one answer: the listing follows NextPartNumberMarker to the end.
void TestObsClient::listPartsFollowsTruncation()
{
    m_server->config().maxListParts = 2;
    QList<QByteArray> chunks;
    for (int i = 0; i < 5; ++i)
        chunks.append(randomBytes(1024 + i, quint32(20 + i)));
    VodClient::CreatedAsset asset;
    QString uploadId;
    QCOMPARE(uploadParts(&asset, &uploadId, chunks).size(), 5);
    ApiResult result;
    const QList<Part> listed = listParts(authority(asset, "GET", uploadId), &result);
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    QCOMPARE(listed.size(), 5);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(listed.at(i).number, i + 1);
        QCOMPARE(listed.at(i).size, 1024 + i);
    }
    QCOMPARE(m_server->counters().authorities, 1 + 5 + 1); // one authority for three pages
}

void TestObsClient::completeChecksSizesAndEtags()
{
    m_server->config().minPartBytes = 1500;
    VodClient::CreatedAsset asset;
    QString uploadId;
    QList<Part> parts
            = uploadParts(&asset, &uploadId, {randomBytes(1024, 1), randomBytes(2048, 2)});
    QCOMPARE(parts.size(), 2);
    ApiResult result = complete(authority(asset, "POST", uploadId), parts);
    QCOMPARE(result.errorCode, u"EntityTooSmall"_s);
    QVERIFY(!result.isRetryable());
    m_server->config().minPartBytes = 1024;
    QList<Part> wrong = parts;
    wrong[1].etag = QByteArray(32, 'a');
    result = complete(authority(asset, "POST", uploadId), wrong);
    QCOMPARE(result.errorCode, u"InvalidPart"_s);
    std::swap(wrong[0], wrong[1]);
    result = complete(authority(asset, "POST", uploadId), {parts.at(1), parts.at(0)});
    QCOMPARE(result.errorCode, u"InvalidPartOrder"_s);
    QVERIFY(!m_server->hasObject(asset.objectKey));
    result = complete(authority(asset, "POST", uploadId), parts);
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    QCOMPARE(m_server->object(asset.objectKey).size(), 1024 + 2048);
}

void TestObsClient::abortEndsTheUpload()
{
    VodClient::CreatedAsset asset;
    QString uploadId;
    QCOMPARE(uploadParts(&asset, &uploadId, {randomBytes(1024, 1)}).size(), 1);
    QVERIFY(m_server->openUploads().contains(uploadId));
    bool done = false;
    ApiResult result;
    m_obs->abort(authority(asset, "DELETE", uploadId), this, [&](const ApiResult &r) {
        result = r;
        done = true;
    });
    QVERIFY(waitFor(done));
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    QVERIFY(!m_server->openUploads().contains(uploadId));
    listParts(authority(asset, "GET", uploadId), &result);
    QCOMPARE(result.errorCode, u"NoSuchUpload"_s);
    QCOMPARE(result.errorClass, ErrorClass::NotFound);
}

// With a bandwidth limit, two parts sent at once together hand the network no more than the limit
// allows (plus one second's burst); lifting the limit lets both finish at once, intact.
void TestObsClient::bandwidthLimitHoldsForAllBodies()
{
    constexpr qint64 Limit = 100 * 1024;
    m_obs->setBandwidthLimit(Limit);
    QCOMPARE(m_obs->bandwidthLimit(), Limit);
    ApiResult result;
    const VodClient::CreatedAsset asset = create(&result);
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    const QString uploadId = initiate(asset, &result);
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    const QList<QByteArray> chunks {randomBytes(400 * 1024, 21), randomBytes(400 * 1024, 22)};
    int finished = 0;
    QList<QByteArray> etags(2);
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 2; ++i) {
        const QByteArray md5 = md5Base64(chunks.at(i));
        const QUrl url = authority(asset, "PUT", uploadId, i + 1, md5);
        m_obs->uploadPart(url, chunks.at(i), md5, this,
                          [&, i](const ApiResult &r, const QByteArray &etag) {
                              QVERIFY2(r.ok(), qPrintable(r.summary()));
                              etags[i] = etag;
                              ++finished;
                          });
    }
    bool never = false;
    waitFor(never, 1500);
    const qint64 allowed = Limit + Limit * (clock.elapsed() + 50) / 1000;
    QVERIFY2(m_bytesSent > 0, "nothing was sent under the limit");
    QVERIFY2(m_bytesSent <= allowed,
             qPrintable(u"%1 bytes sent, %2 allowed"_s.arg(m_bytesSent).arg(allowed)));
    QCOMPARE(finished, 0);

    m_obs->setBandwidthLimit(0);
    bool both = false;
    QTimer poll;
    connect(&poll, &QTimer::timeout, this, [&] { both = finished == 2; });
    poll.start(1);
    QVERIFY(waitFor(both));
    QCOMPARE(etags.at(0), md5Hex(chunks.at(0)));
    QCOMPARE(etags.at(1), md5Hex(chunks.at(1)));
    QCOMPARE(m_bytesSent, 800 * 1024);
    QCOMPARE(m_server->counters().partsReceived.value(uploadId), (QMap<int, int> {{1, 1}, {2, 1}}));
}

void TestObsClient::hostileCreateAnswers_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("said");
    const QByteArray target = R"("target":{"bucket":"b-1","location":"cn-north-4","object":"o"})";
    const QByteArray url = R"("video_upload_url":"https://obs.example.com/b-1/o?Signature=x")";
    QTest::newRow("truncated") << QByteArray(R"({"asset_id":"0123)") << u"JSON"_s;
    QTest::newRow("id not a string")
            << R"({"asset_id":12345,)" + url + ',' + target + '}' << u"asset_id"_s;
    QTest::newRow("id too long") << R"({"asset_id":")" + QByteArray(65, 'a') + "\"," + url + ','
                    + target
                    + '}' << u"asset_id"_s;
    QTest::newRow("plain http url") << R"({"asset_id":"abc",)"
                    + QByteArray(R"("video_upload_url":"http://obs.example.com/b/o",)") + target
                    + '}' << u"video_upload_url"_s;
    QTest::newRow("url not a web address")
            << R"({"asset_id":"abc","video_upload_url":"file:///etc/passwd",)" + target + '}'
            << u"video_upload_url"_s;
    QTest::newRow("huge url") << R"({"asset_id":"abc","video_upload_url":"https://h/)"
                    + QByteArray(10000, 'x') + "\"," + target
                    + '}' << u"video_upload_url"_s;
    QTest::newRow("no target") << R"({"asset_id":"abc",)" + url + '}' << u"bucket"_s;
    QTest::newRow("object with a line break") << R"({"asset_id":"abc",)" + url
                    + R"(,"target":{"bucket":"b-1","location":"x","object":"a\nb"}})"
                                              << u"object"_s;
}

void TestObsClient::hostileCreateAnswers()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, said);
    m_server->scriptNextAnswer(Route::CreateAsset, 200, body);
    ApiResult result;
    const VodClient::CreatedAsset asset = create(&result);
    QVERIFY(!result.ok());
    QCOMPARE(result.errorClass, ErrorClass::Transient);
    QVERIFY2(result.errorMessage.contains(said), qPrintable(result.errorMessage));
    QVERIFY(asset.assetId.isEmpty());
    QVERIFY(asset.videoUploadUrl.isEmpty());
}

void TestObsClient::hostileAuthorityAnswers_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("number") << QByteArray(R"({"sign_str":42})");
    QTest::newRow("fragment only") << QByteArray(R"({"sign_str":"AccessKeyId=a&Signature=b"})");
    QTest::newRow("plain http elsewhere") << QByteArray(R"({"sign_str":"http://10.0.0.1/b/o"})");
    QTest::newRow("user info") << QByteArray(R"({"sign_str":"https://u:p@obs.example.com/o"})");
    QTest::newRow("huge") << R"({"sign_str":"https://h/)" + QByteArray(9000, 'y') + "\"}";
}

void TestObsClient::hostileAuthorityAnswers()
{
    QFETCH(QByteArray, body);
    ApiResult result;
    const VodClient::CreatedAsset asset = create(&result);
    QVERIFY(result.ok());
    m_server->scriptNextAnswer(Route::TempAuthority, 200, body);
    const QUrl url = authority(asset, "POST", {}, 0, {}, u"video/mp4"_s, &result);
    QCOMPARE(result.errorClass, ErrorClass::Transient);
    QVERIFY2(result.errorMessage.contains(u"sign_str"_s), qPrintable(result.errorMessage));
    QVERIFY(url.isEmpty());
}

void TestObsClient::hostileObsAnswers_data()
{
    QTest::addColumn<QByteArray>("operation");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("errorClass");
    QTest::addColumn<QString>("said");
    const int transient = int(ErrorClass::Transient);
    QTest::newRow("initiate: truncated XML")
            << QByteArray("initiate") << 200
            << QByteArray("<InitiateMultipartUploadResult><UploadId>AB") << transient
            << u"complete XML"_s;
    QTest::newRow("initiate: bad upload id")
            << QByteArray("initiate") << 200
            << QByteArray("<InitiateMultipartUploadResult><UploadId>a/b?c</UploadId>"
                          "</InitiateMultipartUploadResult>")
            << transient << u"UploadId"_s;
    QTest::newRow("initiate: another document")
            << QByteArray("initiate") << 200 << QByteArray("<Html><UploadId>A</UploadId></Html>")
            << transient << u"InitiateMultipartUploadResult"_s;
    QTest::newRow("initiate: entity bomb")
            << QByteArray("initiate") << 200
            << QByteArray("<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                          "<InitiateMultipartUploadResult><UploadId>&b;</UploadId>"
                          "</InitiateMultipartUploadResult>")
            << transient << u"document type"_s;
    QTest::newRow("list: no truncation flag")
            << QByteArray("list") << 200 << QByteArray("<ListPartsResult></ListPartsResult>")
            << transient << u"complete"_s;
    QTest::newRow("list: part number out of range")
            << QByteArray("list") << 200
            << QByteArray("<ListPartsResult><Part><PartNumber>10001</PartNumber><ETag>\"ab\""
                          "</ETag><Size>1</Size></Part><IsTruncated>false</IsTruncated>"
                          "</ListPartsResult>")
            << transient << u"PartNumber"_s;
    QTest::newRow("list: size a word")
            << QByteArray("list") << 200
            << QByteArray("<ListPartsResult><Part><PartNumber>1</PartNumber><ETag>\"ab\""
                          "</ETag><Size>big</Size></Part><IsTruncated>false</IsTruncated>"
                          "</ListPartsResult>")
            << transient << u"Size"_s;
    QTest::newRow("list: repeated part")
            << QByteArray("list") << 200
            << QByteArray("<ListPartsResult><Part><PartNumber>1</PartNumber><ETag>ab</ETag>"
                          "<Size>1</Size></Part><Part><PartNumber>1</PartNumber><ETag>ab</ETag>"
                          "<Size>1</Size></Part><IsTruncated>false</IsTruncated>"
                          "</ListPartsResult>")
            << transient << u"out of order"_s;
    QTest::newRow("list: truncated without progress")
            << QByteArray("list") << 200
            << QByteArray("<ListPartsResult><IsTruncated>true</IsTruncated>"
                          "<NextPartNumberMarker>0</NextPartNumberMarker></ListPartsResult>")
            << transient << u"NextPartNumberMarker"_s;
    QByteArray deep;
    for (int i = 0; i < 20; ++i)
        deep += "<a>";
    QTest::newRow("list: deep nesting")
            << QByteArray("list") << 200 << "<ListPartsResult>" + deep << transient << u"nested"_s;
    QTest::newRow("list: huge answer")
            << QByteArray("list") << 200
            << "<ListPartsResult>" + QByteArray(2 * 1024 * 1024, ' ') + "</ListPartsResult>"
            << transient << u"too large"_s;
    QTest::newRow("complete: 200 with an error")
            << QByteArray("complete") << 200
            << QByteArray("<Error><Code>InternalError</Code><Message>We encountered an internal "
                          "error.</Message></Error>")
            << transient << u"internal error"_s;
    QTest::newRow("complete: error page")
            << QByteArray("complete") << 502 << QByteArray("<html><body>Bad gateway</body></html>")
            << transient << u"502"_s;
    QTest::newRow("abort: error without code")
            << QByteArray("abort") << 403 << QByteArray() << int(ErrorClass::Other) << u"403"_s;
}

// Whatever OBS sends, the caller gets a result that says what was wrong, no half-read data.
void TestObsClient::hostileObsAnswers()
{
    QFETCH(QByteArray, operation);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, errorClass);
    QFETCH(QString, said);
    ApiResult result;
    const VodClient::CreatedAsset asset = create(&result);
    QString uploadId;
    if (operation != "initiate")
        uploadId = initiate(asset, &result);
    QVERIFY(result.ok());
    m_server->scriptNextAnswer(Route::Obs, status, body, "application/xml");
    if (operation == "initiate") {
        QVERIFY(initiate(asset, &result).isEmpty());
    } else if (operation == "list") {
        QVERIFY(listParts(authority(asset, "GET", uploadId), &result).isEmpty());
    } else if (operation == "complete") {
        result = complete(authority(asset, "POST", uploadId), {{1, "ab", 1}});
    } else {
        bool done = false;
        m_obs->abort(authority(asset, "DELETE", uploadId), this, [&](const ApiResult &r) {
            result = r;
            done = true;
        });
        QVERIFY(waitFor(done));
    }
    QCOMPARE(int(result.errorClass), errorClass);
    QVERIFY2(result.errorMessage.contains(said, Qt::CaseInsensitive),
             qPrintable(result.errorMessage));
}

// Over HTTPS the presigned URLs are verified like the VOD calls: against the profile's CA file,
// which ObsClient shares through VodClient::tlsConfiguration(); without it, refused with why.
void TestObsClient::httpsUploadTrustsTheProfilesCaFile()
{
    m_obs.reset();
    m_vod.reset();
    m_server = std::make_unique<VodTestServer>();
    QVERIFY(m_server->listen(0, VodTestServer::Tls::CaSigned));
    VodClient::Config config;
    config.endpoint = m_server->url();
    config.projectId = m_server->config().projectId;
    config.credentials.accessKey = m_server->config().accessKey;
    config.credentials.secretKey = m_server->config().secretKey;
    config.proxy = QNetworkProxy(QNetworkProxy::NoProxy);
    config.caFile = VodTestServer::certsDir() + u"/ca.pem"_s;
    m_vod = std::make_unique<VodClient>(m_nam.get(), config);
    m_obs = std::make_unique<ObsClient>(m_vod->network(), m_vod->tlsConfiguration(),
                                        ObsClient::Config {});
    ApiResult result;
    const VodClient::CreatedAsset asset = create(&result);
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    QCOMPARE(asset.videoUploadUrl.scheme(), u"https"_s);
    const QByteArray file = randomBytes(4096, 12);
    const auto put = [&](ObsClient *obs) {
        bool done = false;
        obs->putObject(asset.videoUploadUrl, file, "video/mp4", md5Base64(file), this,
                       [&](const ApiResult &r, const QByteArray &) {
                           result = r;
                           done = true;
                       });
        QVERIFY(waitFor(done));
    };
    put(m_obs.get());
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    QVERIFY(m_server->object(asset.objectKey) == file);

    QNetworkAccessManager plain;
    ObsClient untrusting(&plain, QSslConfiguration::defaultConfiguration(), {});
    put(&untrusting);
    QVERIFY(!result.ok());
    QVERIFY2(result.errorMessage.contains(u"certificate"_s), qPrintable(result.errorMessage));
}

void TestObsClient::urlProblems_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("usable");
    QTest::newRow("https") << u"https://b.obs.cn-north-4.myhuaweicloud.com/o?x=1"_s << true;
    QTest::newRow("loopback http") << u"http://127.0.0.1:9/obs/b/o"_s << true;
    QTest::newRow("localhost http") << u"http://localhost:9/o"_s << true;
    QTest::newRow("ipv6 loopback") << u"http://[::1]:9/o"_s << true;
    QTest::newRow("remote http") << u"http://b.obs.example.com/o"_s << false;
    QTest::newRow("ftp") << u"ftp://127.0.0.1/o"_s << false;
    QTest::newRow("no host") << u"https:///o"_s << false;
    QTest::newRow("user info") << u"https://a:b@obs.example.com/o"_s << false;
    QTest::newRow("relative") << u"/obs/b/o"_s << false;
}

void TestObsClient::urlProblems()
{
    QFETCH(QString, url);
    QFETCH(bool, usable);
    QCOMPARE(ObsClient::urlProblem(QUrl(url)).isEmpty(), usable);
}

QTEST_GUILESS_MAIN(TestObsClient)
#include "tst_obsclient.moc"
