#pragma once

#include "api/apiresult.h"
#include "api/credentials.h"
#include "api/targetstatus.h"

#include <QDateTime>
#include <QNetworkProxy>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace VodConfirm {

// The thin client: owns endpoint, project and credentials, signs (or adds the IAM token to)
// every request, applies the transfer timeout and the body size cap, and maps every reply to an
// ApiResult. One call = one HTTP attempt; retry policy belongs to the caller (ConfirmEngine).
//
// Transport: HTTPS certificates are always verified, against the system's CAs plus, for this
// client only, the certificates of Config::caFile. A client with a CA file or a proxy other than
// the application's runs on a QNetworkAccessManager of its own instead of the one given: a
// QNetworkAccessManager has one proxy, and keeps a connection to a host and port (even one
// whose handshake failed) for two minutes with the TLS configuration that opened it.
class VodClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VodClient)
public:
    struct Config
    {
        QUrl endpoint; // https://vod.<region>.myhuaweicloud.com, or http://127.0.0.1:port
        QUrl iamEndpoint; // for AuthMode::Password
        QString regionId; // IAM token scope (project name) for AuthMode::Password
        QString projectId;
        Credentials credentials;
        int timeoutMs = 30000;
        qint64 maxBodyBytes = 1024 * 1024;
        QString caFile {}; // extra trusted CA certificates (PEM or DER); empty: system CAs only
        // DefaultProxy: the application's proxy (the system's settings, see main.cpp);
        // NoProxy; or an HTTP or SOCKS5 proxy with its credentials.
        QNetworkProxy proxy = QNetworkProxy(QNetworkProxy::DefaultProxy);
    };

    struct AssetInfo
    {
        QString assetId;
        QString status; // as the server sent it: "CREATED", "UNCREATED", "CREATING" ...
        QString description;
    };

    // One row of ListAssetList, validated (listAssetList() refuses a page with a row that is not).
    struct ListedAsset
    {
        QString assetId; // 1 to MaxListedIdChars of [0-9A-Za-z_-]
        QDateTime createdAt; // UTC, whole seconds
        QString status; // asset_status as sent: "CREATING", "CREATED" ...
        // As sent, with control characters replaced by spaces, cut at MaxListedTitleChars
        // (VOD allows 128 bytes); empty when missing. Shown only, never sent back.
        QString title;
    };
    // One ListAssetList request: assets in `statuses` created in [startTime, endTime] (UTC,
    // sent as yyyymmddhhmmss; whole seconds), page `page` of `size` (1 to MaxListPageSize).
    struct ListQuery
    {
        QStringList statuses;
        QDateTime startTime;
        QDateTime endTime;
        int page = 0;
        int size = 100;
    };
    // The API's limits on ListAssetList (vod-api.md 5.1): at most 100 a page, (page+1)*size at
    // most 20,000, and `total` counts at most 20,000.
    static constexpr int MaxListPageSize = 100;
    static constexpr int MaxListReach = 20000;
    static constexpr int MaxListedIdChars = 64;
    static constexpr int MaxListedTitleChars = 256;

    // CreateAssetByFileUpload's body (vod-api.md 5.2). title and videoName: 1 to MaxTitleBytes
    // bytes of UTF-8; videoType: one of videoTypes().
    struct NewAsset
    {
        QString title;
        QString videoName; // the file's name
        QString videoType; // "MP4" ...
        QString description; // optional, at most MaxDescriptionBytes
        std::optional<qint64> categoryId; // optional; -1 = Other
        QString templateGroupName; // optional, at most MaxTitleBytes
    };
    // Its answer, validated: the asset exists (CREATING) once this arrives.
    struct CreatedAsset
    {
        QString assetId; // 1 to MaxListedIdChars of [0-9A-Za-z_-]
        QUrl videoUploadUrl; // presigned PUT of the whole file (ObsClient::urlProblem() empty)
        QString bucket; // 3 to 63 of [a-z0-9.-]
        QString location; // region, 0 to 64 of [a-z0-9-]
        QString objectKey; // 1 to MaxObjectKeyChars, no control characters
    };
    // ShowAssetTempAuthority v1.1: one OBS operation to authorise. httpVerb "PUT" + uploadId +
    // partNumber: a part (contentMd5: its MD5, base64); "POST" without uploadId: initiate
    // (contentType: the file's); "GET"/"POST"/"DELETE" + uploadId: list / complete / abort.
    struct AuthorityQuery
    {
        QByteArray httpVerb;
        QString bucket;
        QString objectKey;
        QString contentType; // empty: not sent
        QString uploadId; // empty: not sent
        int partNumber = 0; // 0: not sent
        QByteArray contentMd5; // empty: not sent
    };
    static constexpr int MaxTitleBytes = 128;
    static constexpr int MaxDescriptionBytes = 1024;
    static constexpr int MaxObjectKeyChars = 1024;

    using ResultCallback = std::function<void(const ApiResult &)>;
    using CreateCallback = std::function<void(const ApiResult &, const CreatedAsset &)>;
    // signedUrl: the whole presigned OBS URL (sign_str), checked by ObsClient::urlProblem().
    using AuthorityCallback = std::function<void(const ApiResult &, const QUrl &signedUrl)>;
    using AssetInfoCallback = std::function<void(const ApiResult &, const QList<AssetInfo> &)>;
    // total: the answer's `total` (0 to MaxListReach); rows in the server's order.
    using ListCallback
            = std::function<void(const ApiResult &, int total, const QList<ListedAsset> &)>;

    VodClient(QNetworkAccessManager *nam, Config config, QObject *parent = nullptr);
    ~VodClient() override;

    const Config &config() const { return m_config; }
    // Empty if the configuration can be used, else a translated reason (bad endpoint, missing
    // project id, incomplete credentials, unreadable CA file).
    QString configProblem() const;
    // Empty when projectId (surrounding spaces trimmed) is 32 lower-case hexadecimal characters,
    // the form of every project ID in the API's documentation and examples, else a translated
    // sentence naming `what` (never quoting the value: it goes into the URL path and a header).
    static QString projectIdProblem(QStringView projectId, const QString &what);

    // POST /v1.0/{project_id}/asset/status/uploaded. `done` runs once, unless `context` is gone.
    void confirmAssetUpload(const QString &assetId, TargetStatus status, QObject *context,
                            ResultCallback done);
    // GET /v1.0/{project_id}/asset/info with up to 10 asset_id keys (paced and retried by
    // StateReader). The answer is hostile until checked: rows about assets not asked for are
    // ignored, descriptions made safe to show (as titles), and a row without a status word
    // fails the whole answer (ErrorClass::Transient, a translated message).
    void showAssetMeta(const QStringList &assetIds, QObject *context, AssetInfoCallback done);

    // GET /v1.0/{project_id}/asset/list. The answer is hostile until checked: a page with more
    // rows than asked, a `total` outside 0..MaxListReach, or a row without a valid asset_id,
    // create_time or asset_status fails the whole page (ErrorClass::Transient, a translated
    // message saying what was wrong), so nothing half-read is passed on.
    void listAssetList(const ListQuery &query, QObject *context, ListCallback done);
    // The API's time format, yyyymmddhhmmss in UTC; and the reverse (invalid if it is not one).
    static QString listTime(const QDateTime &time);
    static QDateTime parseListTime(QStringView text);

    // The video_type values CreateAssetByFileUpload takes (vod-api.md 5.2), upper case.
    static const QStringList &videoTypes();
    // POST /v1.0/{project_id}/asset. A NewAsset outside the limits fails without a request
    // (ErrorClass::BadRequest). The answer is hostile until checked: an answer without a valid
    // asset_id, video_upload_url or target fails (ErrorClass::Transient, a translated message;
    // the asset may exist then, in CREATING). Sent once (never re-sent by Qt).
    void createAssetByFileUpload(const NewAsset &asset, QObject *context, CreateCallback done);
    // GET /v1.1/{project_id}/asset/authority: the presigned URL for one OBS operation. Quota
    // group "media upload A" with create and confirm (vod-api.md 5.3).
    void showAssetTempAuthority(const AuthorityQuery &query, QObject *context,
                                AuthorityCallback done);

    // The transport an ObsClient for this profile's uploads uses (same proxy and CA file).
    QNetworkAccessManager *network() const { return m_nam; }
    const QSslConfiguration &tlsConfiguration() const { return m_tls; }

    // For tests: the clock used for X-Sdk-Date and the skew check.
    void setClock(std::function<QDateTime()> clock);

private:
    struct Request;
    void send(Request request);
    void fetchToken();
    void acceptToken(const QByteArray &token, const ApiResult &result);
    void start(const Request &request);

    Config m_config;
    QNetworkAccessManager *m_nam; // the one given, or one of the client's own
    QSslConfiguration m_tls; // with the CA file's certificates added
    QString m_caProblem; // why the CA file cannot be used; empty when it can (or there is none)
    std::function<QDateTime()> m_clock;
    // AuthMode::Password: cached token and the requests waiting for one.
    QString m_token;
    QDateTime m_tokenExpiresAt;
    QList<Request> m_waitingForToken;
    bool m_fetchingToken = false;
};

} // namespace VodConfirm
