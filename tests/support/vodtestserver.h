#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>
#include <vector>

class QTcpServer;
class QTcpSocket;

namespace VodConfirm::Test {

namespace Detail {
struct Request;
struct Response;
struct Connection;
} // namespace Detail

// A loopback HTTP/1.1 server speaking the parts of the VOD and IAM APIs the app uses (contract
// /work/shared/vod-api.md): ConfirmAssetUpload, ShowAssetMeta, ListAssetList, IAM password tokens,
// and the upload flow (5.2): CreateAssetByFileUpload, ShowAssetTempAuthority v1.1 and, below
// /obs/, an OBS-like object store whose presigned URLs are those authorities. It checks
// SDK-HMAC-SHA256 signatures and IAM tokens like the API gateway does, keeps an asset model, and
// injects faults (latency, throttling, 5xx, HTML pages, dropped or stalled connections, slow,
// huge, truncated and redirected answers) deterministically from a seed or from a script.
// Everything in Config may be changed between requests. Single-threaded: it lives in the thread
// that created it and never blocks its event loop.
class VodTestServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VodTestServer)
public:
    enum class Route {
        Confirm, // POST /v1.0/{project_id}/asset/status/uploaded
        AssetInfo, // GET  /v1.0/{project_id}/asset/info?asset_id=...
        AssetList, // GET  /v1.0/{project_id}/asset/list?status=...&start_time=...
        IamToken, // POST /v3/auth/tokens
        CreateAsset, // POST /v1.0/{project_id}/asset (CreateAssetByFileUpload)
        TempAuthority, // GET /v1.1/{project_id}/asset/authority (ShowAssetTempAuthority)
        // /obs/{bucket}/{object key}?...: the OBS endpoint, authorised by the presigned URLs
        // that CreateAsset (video_upload_url) and TempAuthority (sign_str) give
        Obs,
        Unknown, // anything else: 404 APIGW.0101
    };

    // What happens to a request instead of (or around) its normal answer. "Applied" means the
    // confirm takes effect on the asset model.
    enum class Fault {
        None, // normal answer
        Error500, // 500 JSON APIGW.0201 "Backend unavailable"; not applied
        Error502, // 502 JSON APIGW.0201 "Backend unavailable"; not applied
        Error503, // 503 JSON APIGW.0201 "Backend unavailable"; not applied
        Error504, // 504 JSON APIGW.0201 "Backend timeout"; APPLIED (the backend finished late)
        HtmlError502, // 502 nginx-style HTML page; not applied
        Throttle, // 429 APIGW.0308 as if over the rate limit; not applied
        DropBeforeEffect, // connection closed without an answer; not applied
        DropAfterEffect, // applied, then the connection is closed without an answer
        NeverAnswer, // the connection is held open and never answered; not applied
        Trickle, // applied; the body is sent trickleBytes every trickleIntervalMs
        HugeBody, // applied; 200 with a hugeBodyBytes JSON-looking body
        TruncatedJson, // applied; 200 whose JSON is cut in half (Content-Length matches)
        Redirect, // 302 to redirectLocation (another host); not applied
        HugeHeaders, // applied; 200 whose head holds hugeHeaderBytes of header lines, sent as
                     // fast as the socket drains
        SlowHeaders, // applied; 200 whose head is sent one header line every
                     // trickleIntervalMs, slowHeaderLines lines in all
        SuccessWithErrorBody, // 200 whose body is an error object (VOD.10062); not applied
        // OBS only (scriptNextObs): the connection is closed when half of a request's body has
        // arrived; not applied. Error500 / Error503 give OBS XML InternalError /
        // ServiceUnavailable, SlowDown a 503 SlowDown, DropBefore/AfterEffect drop the
        // connection after the whole request arrived, before or after it took effect.
        DropMidBody,
        SlowDown,
    };

    struct Config
    {
        // AK/SK signing (contract section 1). X-Sdk-Date must be signed and within
        // maxClockSkewSecs of the server clock.
        QString accessKey = QStringLiteral("HPUAEXAMPLEAK0000001");
        QString secretKey = QStringLiteral("ExampleSecretKey0000000000000000000000001");
        QString securityToken; // non-empty: X-Security-Token must equal it and be signed
        int maxClockSkewSecs = 15 * 60;
        // IAM: X-Auth-Token values accepted forever, plus tokens issued by POST /v3/auth/tokens.
        QStringList acceptedTokens;
        QString iamUser = QStringLiteral("vod-user");
        QString iamPassword = QStringLiteral("vod-password");
        QString iamAccount = QStringLiteral("vod-account");
        int tokenLifetimeSecs = 24 * 3600;
        // The path {project_id} must equal it, and so must X-Project-Id (which must be present
        // when requireProjectIdHeader), else 403 VOD.10057.
        QString projectId = QStringLiteral("0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        bool requireProjectIdHeader = true;
        // Server clock = system UTC + clockOffsetMs: the Date header, the X-Sdk-Date window
        // and token expiry use it.
        qint64 clockOffsetMs = 0;
        // Unseen well-formed ids (32 hex characters) exist in CREATING, except missing ones.
        bool autoCreate = true;

        // Every answer waits latencyMs (a timer; the event loop keeps running).
        int latencyMs = 0;
        // Sliding-window limit per quota group (vod-api.md 5.3): confirm, create and authority
        // share one ("media upload A"); asset info and list count separately; 0 = none.
        int rateLimitPerMinute = 0;
        int rateWindowMs = 60 * 1000; // shorten in tests; the 429 text still says "1 minute"
        int retryAfterSecs = 0; // > 0: 429 answers carry Retry-After
        // Probabilities (0..1) of a random fault per confirm request, drawn from the seeded
        // generator after the scripted queue is empty. error500 picks 500, 502 or 503.
        double error500 = 0;
        double htmlErrorFraction = 0;
        double dropBeforeEffect = 0;
        double dropAfterEffect = 0;
        double neverAnswer = 0;
        double trickle = 0;
        double hugeBody = 0;
        double truncatedJson = 0;
        double redirect = 0;
        bool randomFaultsOnAssetInfo = false; // also draw random faults for ShowAssetMeta
        // ShowAssetMeta naming an asset that does not exist answers 403 VOD.10062 (as confirm
        // does) instead of listing it as UNCREATED.
        bool assetInfoMissingIsError = false;
        // > 0: the Nth confirm request on each connection is dropped (the connection closed
        // without an answer), as a server does whose kept-alive connections close under load;
        // applied first when dropNthAfterEffect. Before the scripts and random faults.
        int dropNthConfirmOnConnection = 0;
        bool dropNthAfterEffect = false;
        int trickleBytes = 4;
        int trickleIntervalMs = 50;
        qint64 hugeBodyBytes = 50 * 1024 * 1024;
        qint64 hugeHeaderBytes = 100 * 1024 * 1024;
        int slowHeaderLines = 1000;
        QString redirectLocation; // empty: http://127.0.0.2:<port><same path>
        qint64 maxRequestBodyBytes = 12 * 1024 * 1024; // larger: 413 APIGW.0201
        // Text a server could send to forge output (tests of escaping): non-empty replaces the
        // error_msg of "does not exist" answers (VOD.10062), or the X-Request-Id of every answer.
        QString missingAssetMessage;
        QByteArray requestIdHeader;

        // Upload (vod-api.md 5.2). CreateAssetByFileUpload puts new objects in this bucket.
        QString bucket = QStringLiteral("vod-test-bucket");
        QString bucketLocation = QStringLiteral("cn-north-4");
        // How long a presigned URL (video_upload_url, sign_str) is accepted.
        qint64 authorityLifetimeMs = 60 * 60 * 1000;
        // A presigned URL is accepted for its one operation only (verb, object, upload id, part
        // number, Content-MD5, Content-Type); with singleUseAuthority also only once.
        bool singleUseAuthority = false;
        qint64 minPartBytes = 100 * 1024; // every part but the last of a complete
        qint64 maxPartBytes = 64 * 1024 * 1024; // body cap of /obs/ requests (413 otherwise)
        int maxListParts = 1000; // parts per ListParts answer
        // > 0: all connections together are read at most this many bytes per second.
        qint64 receiveBytesPerSecond = 0;
        // Parts and objects are kept as their size only, not their bytes (benchmarks of files of
        // gigabytes): object() is then empty, objectSize() still right; ETags and Content-MD5
        // are checked as usual.
        bool keepSizesOnly = false;
    };

    struct Counters
    {
        int totalRequests = 0; // complete requests received
        QMap<Route, int> requestsPerRoute;
        QHash<QString, int> confirmRequests; // per asset id named in a confirm body
        QHash<QString, int> effectiveConfirms; // per asset id: confirms that changed its state
        // Per asset id: confirms that arrived after one had already changed its state.
        QHash<QString, int> confirmsAfterEffect;
        // Per asset id: confirms that arrived after this server had told the client the asset
        // was no longer waiting (a 2xx to a confirm of it, or a complete ShowAssetMeta answer
        // listing it in another status than CREATING): sends the client could have avoided.
        QHash<QString, int> needlessConfirms;
        struct Answer
        {
            int status = 0; // 0: no answer (dropped, held open, or the client had gone)
            QString errorCode; // the body's error_code, if any
        };
        QHash<QString, Answer> lastConfirmAnswers; // per asset id: the last confirm's answer
        int authFailures = 0; // 401 answers
        int throttled = 0; // 429 answers
        int inFlight = 0; // received, not yet fully answered
        int maxInFlight = 0;
        int connections = 0; // TCP connections accepted (in TLS mode: after the handshake)
        int tlsHandshakes = 0; // TLS mode: handshakes begun, whether the client accepted or not
        QList<qint64> arrivalMs; // per request, ms since the server was created
        // Upload: assets created, authorities issued, and per upload id and part number the
        // parts that arrived whole with a valid authority (stored or refused for their MD5).
        int creates = 0;
        int authorities = 0;
        QHash<QString, QMap<int, int>> partsReceived;
        qint64 obsBodyBytes = 0; // body bytes of /obs/ requests that arrived whole
        qint64 objectBytes = 0; // bytes of the objects made (single PUTs and completed uploads)
        int obsRefused = 0; // 403 answers to /obs/ requests (expired or misused authority)

        int partsReceivedTotal() const;

        int requests(Route route) const { return requestsPerRoute.value(route); }
        int confirmRequestsTotal() const;
        int effectiveConfirmsTotal() const;
        QJsonObject toJson() const; // one object, keys in snake_case
    };

    // TLS mode: HTTPS with one of the test certificates in tests/support/certs.
    enum class Tls {
        Off, // plain HTTP
        CaSigned, // signed by the test CA (certsDir()/ca.pem) for 127.0.0.1, localhost and
                  // vod.vodconfirm.test
        SelfSigned, // self-signed for 127.0.0.1 and localhost
        WrongHost, // signed by the test CA for wrong.vodconfirm.test only
    };

    explicit VodTestServer(QObject *parent = nullptr);
    explicit VodTestServer(const Config &config, QObject *parent = nullptr);
    ~VodTestServer() override;

    bool listen(quint16 port = 0, Tls tls = Tls::Off); // on 127.0.0.1; port 0 = any free port
    quint16 port() const;
    QUrl url() const; // http://127.0.0.1:<port>, https:// in TLS mode
    static QString certsDir(); // tests/support/certs
    QString errorString() const;

    Config &config() { return m_config; } // changes apply to the next request
    const Config &config() const { return m_config; }
    void setConfig(const Config &config) { m_config = config; }
    void setSeed(quint64 seed); // re-seeds the random fault generator

    // Asset model: id -> status as ShowAssetMeta reports it ("CREATING", "CREATED",
    // "UPLOAD_FAILED", "CANCELLED", "PUBLISHED", ...).
    void setAssetStatus(const QString &assetId, const QString &status);
    QString assetStatus(const QString &assetId) const; // "UNCREATED" when it does not exist
    void addMissingAsset(const QString &assetId); // never exists, even with autoCreate
    void clearAssets();
    static bool isWellFormedAssetId(const QString &assetId);

    // ListAssetList (vod-api.md 5.1) lists the assets added here, with their status from the
    // asset model (CREATING unless set otherwise): filtered by `status` (repeated keys; none: all),
    // created in [start_time, end_time] (UTC yyyymmddhhmmss, both ends included; the contract
    // does not say, so this is an assumption the client must not depend on), newest first (ties:
    // larger id first), `page` (from 0) of `size` (1 to 100, default 10), `total` at most 20,000.
    // (page+1)*size above 20,000 is refused like any illegal parameter (the contract gives the
    // limit, not the answer): 400 VOD.10053 "illegal field: {page}". An asset costs 24 bytes.
    void addListedAsset(const QString &assetId, const QDateTime &createdAt,
                        const QString &status = QStringLiteral("CREATING"));
    // `count` assets with random 32-hex ids (from `seed`), created at random seconds in
    // [from, to]. 100,000 take about 2.4 MB.
    void seedListedAssets(int count, const QDateTime &from, const QDateTime &to, quint64 seed);
    // The `title` ListAssetList gives for an asset (any JSON value); by default "upload " and
    // the id's first 8 characters.
    void setListedTitle(const QString &assetId, const QJsonValue &title)
    {
        m_listedTitles.insert(assetId, title);
    }
    // The title set for an asset (setListedTitle(), or the one it was created with); undefined
    // when none was.
    QJsonValue listedTitle(const QString &assetId) const
    {
        return m_listedTitles.value(assetId, QJsonValue::Undefined);
    }
    qsizetype listedAssetCount() const { return qsizetype(m_listed.size()); }
    // Every listed asset in CREATING, newest first, in the order ListAssetList gives them.
    QStringList creatingAssetIds() const;
    void clearListedAssets();
    // The next faults.size() ListAssetList requests that pass authentication get these faults.
    void scriptNextList(const QList<Fault> &faults);
    // The next faults.size() ShowAssetMeta requests that pass authentication get these faults,
    // before any random fault (randomFaultsOnAssetInfo).
    void scriptNextInfo(const QList<Fault> &faults);

    // Upload. Objects are complete (single PUT or completed multipart upload) in config().bucket.
    QByteArray object(const QString &objectKey) const { return m_objects.value(objectKey); }
    bool hasObject(const QString &objectKey) const { return m_objectSizes.contains(objectKey); }
    qint64 objectSize(const QString &objectKey) const { return m_objectSizes.value(objectKey, -1); }
    QString objectKeyOf(const QString &assetId) const { return m_objectKeys.value(assetId); }
    QStringList openUploads() const { return m_uploads.keys(); } // multipart upload ids
    void expireAuthorities(); // every presigned URL given so far is now expired
    // The next faults.size() /obs/ requests get these faults (see Fault::DropMidBody).
    void scriptNextObs(const QList<Fault> &faults);
    // The next request on `route` that passes authentication (for /obs/: its authority) gets
    // this answer instead of its own, without effect: for tests of hostile answers.
    void scriptNextAnswer(Route route, int status, const QByteArray &body,
                          const QByteArray &contentType = "application/json");

    // IAM tokens.
    QString issueToken(); // as POST /v3/auth/tokens would
    QStringList issuedTokens() const; // every token issued so far
    void expireTokens(); // every token issued so far is now expired
    bool isTokenValid(const QString &token) const;

    // The next faults.size() confirm requests that pass authentication get these faults, in
    // order, before any random fault.
    void scriptNext(const QList<Fault> &faults);
    // The next faults.size() confirm requests for this asset id get these faults, in order,
    // before the shared script (for concurrent clients, where request order is not fixed).
    void scriptAsset(const QString &assetId, const QList<Fault> &faults);
    qsizetype scriptedFaultsLeft() const; // shared and per-asset

    const Counters &counters() const { return m_counters; }
    void reset(); // counters, rate-limit windows and the fault scripts; assets stay

    QDateTime now() const; // the server clock (UTC, with clockOffsetMs)

signals:
    void requestReceived(const QString &method, const QString &path);

private:
    using Request = Detail::Request;
    using Response = Detail::Response;
    using Connection = Detail::Connection;

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void onDisconnected(QTcpSocket *socket);
    void parseNext(QTcpSocket *socket);
    void process(QTcpSocket *socket, Request request);
    Response handle(Route route, const Request &request);
    Response confirm(const Request &request);
    Response assetInfo(const Request &request);
    Response assetList(const Request &request);
    struct Listed
    {
        qint64 createdSecs; // since the epoch, UTC
        quint64 hi, lo; // the asset id, 32 hex characters
        QString id() const;
        bool operator<(const Listed &o) const; // newest first, then larger id first
    };
    void sortListed() const;
    Response iamToken(const Request &request);
    Response createAsset(const Request &request);
    Response tempAuthority(const Request &request);
    std::optional<Response> obsRefusal(const Request &request); // the authority's check
    Response obs(const Request &request);
    Response completeUpload(const Request &request, const QString &uploadId);
    void keepObject(const QString &objectKey, const QByteArray &bytes, qint64 size);
    void answerObs(QTcpSocket *socket, const Request &request);
    QString grant(const QByteArray &verb, const QString &objectKey, const QString &contentType,
                  const QString &uploadId, int partNumber, const QByteArray &contentMd5);
    void readLimited(QTcpSocket *socket);
    std::optional<Response> authenticate(const Request &request);
    Fault nextFault(Route route, const QString &assetId);
    void answer(QTcpSocket *socket, const Request &request, Fault fault, const Response &normal);
    void write(QTcpSocket *socket, const Request &request, const Response &response);
    void stream(QTcpSocket *socket, const Request &request, const Response &response,
                QByteArray body, qint64 fillerBytes, QByteArray suffix, bool trickle);
    // Sends the status line, then header lines: fillerBytes of them as fast as the socket drains
    // (intervalMs 0) or `lines` of them one every intervalMs; then the rest of the answer.
    void streamHead(QTcpSocket *socket, const Request &request, const Response &response,
                    qint64 fillerBytes, int lines, int intervalMs);
    void finish(QTcpSocket *socket, bool close);
    // Per-asset bookkeeping of what the client was told; response == nullptr: no answer.
    // complete: the whole body was sent at once (not streamed).
    void noteAnswer(const Request &request, const Response *response, bool complete);
    QByteArray head(const Request &request, const Response &response, qint64 length) const;

    Config m_config;
    QTcpServer *m_server;
    bool m_tls = false;
    QHash<QTcpSocket *, Connection *> m_connections;
    QHash<QString, QString> m_assets;
    QSet<QString> m_missing;
    QHash<QString, QDateTime> m_tokens; // issued token -> expires at (server clock)
    QSet<QString> m_toldDone; // assets the client was told are no longer waiting
    QList<Fault> m_script;
    QList<Fault> m_listScript;
    QList<Fault> m_infoScript;
    mutable std::vector<Listed> m_listed; // sorted on demand (m_listedSorted)
    QHash<QString, QJsonValue> m_listedTitles; // setListedTitle()
    mutable bool m_listedSorted = true;
    QHash<QString, QList<Fault>> m_assetScripts;
    // Upload state.
    struct Grant
    {
        QByteArray verb;
        QString objectKey;
        QString contentType; // empty: any
        QString uploadId; // empty: initiate (POST) or a single PUT
        int partNumber = 0; // 0: not a part
        QByteArray contentMd5; // empty: any
        QDateTime expiresAt; // server clock
        bool used = false;
    };
    struct Part
    {
        QByteArray data; // empty with keepSizesOnly
        qint64 size = 0;
        QByteArray etag; // with quotes
        QDateTime at;
    };
    struct Upload
    {
        QString objectKey;
        QMap<int, Part> parts;
    };
    QHash<QString, Grant> m_grants; // by Signature
    QHash<QString, QString> m_objectKeys; // asset id -> object key
    QHash<QString, Upload> m_uploads; // by upload id
    QHash<QString, QByteArray> m_objects; // by object key
    QHash<QString, qint64> m_objectSizes; // by object key, also with keepSizesOnly
    QList<Fault> m_obsScript;
    struct RawAnswer
    {
        int status;
        QByteArray body;
        QByteArray contentType;
    };
    QHash<Route, QList<RawAnswer>> m_rawAnswers;
    double m_readBudget = 0; // receiveBytesPerSecond: bytes that may be read now
    QElapsedTimer m_budgetClock;
    qint64 m_budgetAtNs = 0; // m_budgetClock when m_readBudget was last refilled
    QMap<Route, QList<qint64>> m_windows; // rate-limit arrival times per route
    QRandomGenerator m_random;
    QElapsedTimer m_clock;
    Counters m_counters;
};

} // namespace VodConfirm::Test
