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

    using ResultCallback = std::function<void(const ApiResult &)>;
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
