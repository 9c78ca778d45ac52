#include "vodclient.h"

#include "api/cafile.h"
#include "api/obsclient.h"
#include "api/regions.h"
#include "api/requestsigner.h"
#include "api/sendoncebody.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstring>

using namespace Qt::StringLiterals;

namespace VodConfirm {

namespace {
constexpr int MaxIdsPerInfoCall = 10;
// Refresh a cached IAM token this long before it expires.
constexpr qint64 TokenRefreshMarginSecs = 10 * 60;
constexpr char UserAgent[] = "vodconfirm/" VODCONFIRM_VERSION;

QByteArray hostHeader(const QUrl &url)
{
    // Exactly what goes on the wire: the port only when it is not the scheme's default.
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int defaultPort = url.scheme() == "https"_L1 ? 443 : 80;
    if (url.port(defaultPort) != defaultPort)
        host += ':' + QByteArray::number(url.port());
    return host;
}
} // namespace

struct VodClient::Request
{
    QByteArray method;
    QUrl base; // endpoint (VOD or IAM)
    QString path; // decoded path below the endpoint
    RequestSigner::QueryList query;
    QByteArray body;
    QByteArray expectedKey; // what a success must hold (ApiResult::Reply::expectedKey)
    bool iam = false; // the IAM token request: no VOD auth headers
    bool tokenRetried = false; // AuthMode::Password: refreshed once after "token expired"
    QPointer<QObject> context;
    ResultCallback done;
};

VodClient::VodClient(QNetworkAccessManager *nam, Config config, QObject *parent)
    : QObject(parent),
      m_config(std::move(config)),
      m_nam(nam),
      m_tls(QSslConfiguration::defaultConfiguration()),
      m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    // Pasted secrets and IDs often carry a line break; what is signed and sent is trimmed.
    m_config.credentials = m_config.credentials.normalized();
    m_config.projectId = m_config.projectId.trimmed();
    if (!m_config.caFile.isEmpty())
        m_tls.addCaCertificates(CaFile::read(m_config.caFile, &m_caProblem));
    if (!m_config.caFile.isEmpty() || m_config.proxy.type() != QNetworkProxy::DefaultProxy) {
        m_nam = new QNetworkAccessManager(this);
        m_nam->setProxy(m_config.proxy);
    }
}

VodClient::~VodClient() = default;

void VodClient::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

QString VodClient::configProblem() const
{
    if (const QString p = Regions::endpointProblem(m_config.endpoint); !p.isEmpty())
        return p;
    if (m_config.projectId.isEmpty())
        return tr("No project ID is set. Each region has its own project ID (console: My "
                  "Credentials > Projects).");
    if (const QString p = projectIdProblem(m_config.projectId, tr("The project ID")); !p.isEmpty())
        return p;
    if (const QString p = m_config.credentials.problem(); !p.isEmpty())
        return p;
    if (m_config.credentials.mode == AuthMode::Password) {
        if (const QString p = Regions::endpointProblem(m_config.iamEndpoint); !p.isEmpty())
            return tr("IAM endpoint: %1").arg(p);
    }
    return m_caProblem;
}

QString VodClient::projectIdProblem(QStringView projectId, const QString &what)
{
    const QStringView id = projectId.trimmed();
    const bool valid = id.size() == 32 && std::all_of(id.begin(), id.end(), [](QChar c) {
                           return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
                       });
    if (valid)
        return {};
    return tr("%1 must be 32 hexadecimal characters (0-9, a-f), as shown in the console under My "
              "Credentials > Projects.")
            .arg(what);
}

void VodClient::confirmAssetUpload(const QString &assetId, TargetStatus status, QObject *context,
                                   ResultCallback done)
{
    // The exact bytes that are signed and sent; asset IDs are plain hex, but escape anyway.
    QJsonObject body {{"asset_id"_L1, assetId}, {"status"_L1, targetStatusName(status)}};
    QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    // QJsonDocument orders keys alphabetically: asset_id, status, as the SDKs send them.
    send({"POST",
          m_config.endpoint,
          u"/v1.0/%1/asset/status/uploaded"_s.arg(m_config.projectId),
          {},
          std::move(bytes),
          "asset_id",
          false,
          false,
          context,
          std::move(done)});
}

// A row's text, safe to show: a string at most MaxListedTitleChars long, no control characters.
static QString shownText(const QJsonValue &value)
{
    QString text = value.toString().left(VodClient::MaxListedTitleChars);
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Separator_Line
            || c.category() == QChar::Separator_Paragraph)
            c = u' ';
    }
    return text.trimmed();
}

// An asset id as the server may send one: 1 to MaxListedIdChars of [0-9A-Za-z_-].
static bool isAssetIdWord(const QString &id)
{
    return !id.isEmpty() && id.size() <= VodClient::MaxListedIdChars
            && std::all_of(id.cbegin(), id.cend(), [](QChar c) {
                   return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z')
                           || (c >= u'A' && c <= u'Z') || c == u'_' || c == u'-';
               });
}

// An asset status as the API spells them: 1 to 32 of [A-Z_].
static bool isStatusWord(const QString &status)
{
    return !status.isEmpty() && status.size() <= 32
            && std::all_of(status.cbegin(), status.cend(),
                           [](QChar c) { return (c >= u'A' && c <= u'Z') || c == u'_'; });
}

void VodClient::showAssetMeta(const QStringList &assetIds, QObject *context, AssetInfoCallback done)
{
    Q_ASSERT(!assetIds.isEmpty() && assetIds.size() <= MaxIdsPerInfoCall);
    RequestSigner::QueryList query;
    for (const QString &id : assetIds)
        query.append({u"asset_id"_s, id});
    auto parse = [done = std::move(done), asked = assetIds](const ApiResult &reply) {
        ApiResult result = reply;
        QList<AssetInfo> infos;
        if (result.ok()) {
            // Rows about assets not asked for are ignored; a row about one that was asked for
            // without a status word fails the whole answer, so nothing half-read is passed on.
            const QJsonArray array = result.json.value("asset_info_array"_L1).toArray();
            for (const QJsonValue &v : array) {
                const QJsonObject o = v.toObject();
                const QString id = o.value("asset_id"_L1).toString();
                if (!asked.contains(id))
                    continue;
                const QString status = o.value("status"_L1).toString();
                if (!isStatusWord(status)) {
                    infos.clear();
                    result.errorClass = ErrorClass::Transient;
                    result.json = QJsonObject();
                    result.errorMessage
                            = tr("The server's answer about asset states cannot be used (HTTP "
                                 "%1): asset %2 has no valid status.")
                                      .arg(result.httpStatus)
                                      .arg(id);
                    break;
                }
                if (infos.size() < asked.size())
                    infos.append({id, status, shownText(o.value("description"_L1))});
            }
        }
        done(result, infos);
    };
    send({"GET",
          m_config.endpoint,
          u"/v1.0/%1/asset/info"_s.arg(m_config.projectId),
          std::move(query),
          {},
          "asset_info_array",
          false,
          false,
          context,
          std::move(parse)});
}

QString VodClient::listTime(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyyMMddHHmmss"_s);
}

QDateTime VodClient::parseListTime(QStringView text)
{
    // yyyymmddhhmmss as the query takes it; the answers' create_time has been seen as that and as
    // ISO 8601 (with 'T' or a space, optionally 'Z'), so both are read, always as UTC.
    QString t = text.trimmed().toString();
    if (t.size() > 32)
        return {};
    if (t.endsWith(u'Z'))
        t.chop(1);
    QDateTime dt;
    if (t.size() == 14 && std::all_of(t.cbegin(), t.cend(), [](QChar c) { return c.isDigit(); }))
        dt = QDateTime::fromString(t, u"yyyyMMddHHmmss"_s);
    else if (t.size() == 19 && (t.at(10) == u'T' || t.at(10) == u' '))
        dt = QDateTime::fromString(t.replace(10, 1, u'T'), u"yyyy-MM-dd'T'HH:mm:ss"_s);
    if (!dt.isValid())
        return {};
    dt.setTimeSpec(Qt::UTC);
    return dt;
}

void VodClient::listAssetList(const ListQuery &listQuery, QObject *context, ListCallback done)
{
    Q_ASSERT(listQuery.size >= 1 && listQuery.size <= MaxListPageSize);
    Q_ASSERT((listQuery.page + 1) * listQuery.size <= MaxListReach);
    RequestSigner::QueryList query;
    for (const QString &status : listQuery.statuses)
        query.append({u"status"_s, status});
    if (listQuery.startTime.isValid())
        query.append({u"start_time"_s, listTime(listQuery.startTime)});
    if (listQuery.endTime.isValid())
        query.append({u"end_time"_s, listTime(listQuery.endTime)});
    query.append({u"page"_s, QString::number(listQuery.page)});
    query.append({u"size"_s, QString::number(listQuery.size)});
    const int size = listQuery.size;
    auto parse = [done = std::move(done), size](const ApiResult &reply) {
        ApiResult result = reply;
        QList<ListedAsset> rows;
        int total = 0;
        QString problem;
        if (result.ok()) {
            const QJsonValue totalValue = result.json.value("total"_L1);
            const QJsonValue assets = result.json.value("assets"_L1);
            const double t = totalValue.toDouble(-1);
            if (!totalValue.isDouble() || t < 0 || t > MaxListReach || t != std::floor(t))
                problem = tr("its \"total\" is not a count from 0 to %L1").arg(MaxListReach);
            else if (!assets.isArray())
                problem = tr("it has no list of assets");
            else if (assets.toArray().size() > size)
                problem = tr("it holds %L1 assets where at most %L2 were asked for")
                                  .arg(assets.toArray().size())
                                  .arg(size);
            total = int(t);
            const QJsonArray array = assets.toArray();
            rows.reserve(problem.isEmpty() ? array.size() : 0);
            for (qsizetype i = 0; problem.isEmpty() && i < array.size(); ++i) {
                const QJsonObject o = array.at(i).toObject();
                const QString id = o.value("asset_id"_L1).toString();
                const bool idValid = isAssetIdWord(id);
                const QDateTime created = parseListTime(o.value("create_time"_L1).toString());
                const QString status = o.value("asset_status"_L1).toString();
                const bool statusValid = isStatusWord(status);
                if (!idValid)
                    problem = tr("asset %L1 of the page has no valid asset_id").arg(i + 1);
                else if (!created.isValid())
                    problem = tr("asset %1 has no valid create_time").arg(id);
                else if (!statusValid)
                    problem = tr("asset %1 has no valid asset_status").arg(id);
                else
                    rows.append({id, created, status, shownText(o.value("title"_L1))});
            }
            if (!problem.isEmpty()) {
                rows.clear();
                total = 0;
                result.errorClass = ErrorClass::Transient;
                result.json = QJsonObject();
                result.errorMessage
                        = tr("The server's list of assets cannot be used (HTTP %1): %2.")
                                  .arg(result.httpStatus)
                                  .arg(problem);
            }
        }
        done(result, total, rows);
    };
    send({"GET",
          m_config.endpoint,
          u"/v1.0/%1/asset/list"_s.arg(m_config.projectId),
          std::move(query),
          {},
          "assets",
          false,
          false,
          context,
          std::move(parse)});
}

const QStringList &VodClient::videoTypes()
{
    static const QStringList types {u"MP4"_s, u"TS"_s,  u"MOV"_s,  u"MXF"_s, u"MPG"_s,  u"FLV"_s,
                                    u"WMV"_s, u"AVI"_s, u"M4V"_s,  u"F4V"_s, u"MPEG"_s, u"3GP"_s,
                                    u"ASF"_s, u"MKV"_s, u"HLS"_s,  u"MP3"_s, u"OGG"_s,  u"WAV"_s,
                                    u"WMA"_s, u"APE"_s, u"FLAC"_s, u"AAC"_s, u"AC3"_s,  u"MMF"_s,
                                    u"AMR"_s, u"M4A"_s, u"M4R"_s,  u"WV"_s,  u"MP2"_s};
    return types;
}

void VodClient::createAssetByFileUpload(const NewAsset &asset, QObject *context,
                                        CreateCallback done)
{
    const auto bytes = [](const QString &s) { return s.toUtf8().size(); };
    QString problem;
    if (asset.title.trimmed().isEmpty() || bytes(asset.title) > MaxTitleBytes)
        problem = tr("The title must be 1 to %L1 bytes long (UTF-8).").arg(MaxTitleBytes);
    else if (asset.videoName.isEmpty() || bytes(asset.videoName) > MaxTitleBytes)
        problem = tr("The file name must be 1 to %L1 bytes long (UTF-8).").arg(MaxTitleBytes);
    else if (!videoTypes().contains(asset.videoType))
        problem = tr("VOD does not take files of type \"%1\"; it takes %2.")
                          .arg(asset.videoType.left(16), videoTypes().join(u", "_s));
    else if (bytes(asset.description) > MaxDescriptionBytes)
        problem = tr("The description must be at most %L1 bytes long (UTF-8).")
                          .arg(MaxDescriptionBytes);
    else if (bytes(asset.templateGroupName) > MaxTitleBytes)
        problem = tr("The template group name must be at most %L1 bytes long (UTF-8).")
                          .arg(MaxTitleBytes);
    if (!problem.isEmpty()) {
        ApiResult result;
        result.errorClass = ErrorClass::BadRequest;
        result.errorMessage = problem;
        QTimer::singleShot(0, context, [done = std::move(done), result] { done(result, {}); });
        return;
    }
    QJsonObject body {{"title"_L1, asset.title},
                      {"video_name"_L1, asset.videoName},
                      {"video_type"_L1, asset.videoType}};
    if (!asset.description.isEmpty())
        body.insert("description"_L1, asset.description);
    if (asset.categoryId)
        body.insert("category_id"_L1, *asset.categoryId);
    if (!asset.templateGroupName.isEmpty())
        body.insert("template_group_name"_L1, asset.templateGroupName);

    auto parse = [done = std::move(done)](const ApiResult &reply) {
        ApiResult result = reply;
        CreatedAsset created;
        if (!result.ok())
            return done(result, created);
        const QJsonObject target = result.json.value("target"_L1).toObject();
        created.assetId = result.json.value("asset_id"_L1).toString();
        const QString url = result.json.value("video_upload_url"_L1).toString();
        created.videoUploadUrl = QUrl(url, QUrl::StrictMode);
        created.bucket = target.value("bucket"_L1).toString();
        created.location = target.value("location"_L1).toString();
        created.objectKey = target.value("object"_L1).toString();
        const auto only = [](const QString &s, qsizetype from, qsizetype to, auto allowed) {
            return s.size() >= from && s.size() <= to && std::all_of(s.cbegin(), s.cend(), allowed);
        };
        QString problem;
        if (!isAssetIdWord(created.assetId))
            problem = tr("it has no valid asset_id");
        else if (url.size() > ObsClient::MaxUrlChars
                 || !ObsClient::urlProblem(created.videoUploadUrl).isEmpty())
            problem = tr("its video_upload_url is not a usable address");
        else if (!only(created.bucket, 3, 63, [](QChar c) {
                     return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'.'
                             || c == u'-';
                 }))
            problem = tr("its target has no valid bucket");
        else if (!only(created.location, 0, 64, [](QChar c) {
                     return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-';
                 }))
            problem = tr("its target has no valid location");
        else if (!only(created.objectKey, 1, MaxObjectKeyChars,
                       [](QChar c) { return c.category() != QChar::Other_Control; }))
            problem = tr("its target has no valid object");
        if (!problem.isEmpty()) {
            result.errorClass = ErrorClass::Transient;
            result.json = QJsonObject();
            result.errorMessage = tr("The server's answer to creating the asset cannot be used "
                                     "(HTTP %1): %2.")
                                          .arg(result.httpStatus)
                                          .arg(problem);
            created = CreatedAsset();
        }
        done(result, created);
    };
    send({"POST",
          m_config.endpoint,
          u"/v1.0/%1/asset"_s.arg(m_config.projectId),
          {},
          QJsonDocument(body).toJson(QJsonDocument::Compact),
          "asset_id",
          false,
          false,
          context,
          std::move(parse)});
}

void VodClient::showAssetTempAuthority(const AuthorityQuery &q, QObject *context,
                                       AuthorityCallback done)
{
    RequestSigner::QueryList query {{u"http_verb"_s, QString::fromLatin1(q.httpVerb)},
                                    {u"bucket"_s, q.bucket},
                                    {u"object_key"_s, q.objectKey}};
    if (!q.contentType.isEmpty())
        query.append({u"content_type"_s, q.contentType});
    if (!q.uploadId.isEmpty())
        query.append({u"upload_id"_s, q.uploadId});
    if (q.partNumber > 0)
        query.append({u"part_number"_s, QString::number(q.partNumber)});
    if (!q.contentMd5.isEmpty())
        query.append({u"content_md5"_s, QString::fromLatin1(q.contentMd5)});
    auto parse = [done = std::move(done)](const ApiResult &reply) {
        ApiResult result = reply;
        if (!result.ok())
            return done(result, {});
        const QJsonValue value = result.json.value("sign_str"_L1);
        const QString text = value.toString();
        const QUrl url(text, QUrl::StrictMode);
        if (!value.isString() || text.size() > ObsClient::MaxUrlChars
            || !ObsClient::urlProblem(url).isEmpty()) {
            result.errorClass = ErrorClass::Transient;
            result.json = QJsonObject();
            result.errorMessage = tr("The server's upload authorisation cannot be used (HTTP %1): "
                                     "its sign_str is not a usable address.")
                                          .arg(result.httpStatus);
            return done(result, {});
        }
        done(result, url);
    };
    send({"GET",
          m_config.endpoint,
          u"/v1.1/%1/asset/authority"_s.arg(m_config.projectId),
          std::move(query),
          {},
          "sign_str",
          false,
          false,
          context,
          std::move(parse)});
}

void VodClient::send(Request request)
{
    if (m_config.credentials.mode == AuthMode::Password && !request.iam) {
        const bool fresh
                = !m_token.isEmpty() && m_clock().secsTo(m_tokenExpiresAt) > TokenRefreshMarginSecs;
        if (!fresh) {
            m_waitingForToken.append(std::move(request));
            fetchToken();
            return;
        }
    }
    start(request);
}

void VodClient::fetchToken()
{
    if (m_fetchingToken)
        return;
    m_fetchingToken = true;
    const Credentials &c = m_config.credentials;
    const QJsonObject user {{"name"_L1, c.userName},
                            {"password"_L1, c.password},
                            {"domain"_L1, QJsonObject {{"name"_L1, c.accountName}}}};
    const QJsonObject auth {
            {"identity"_L1,
             QJsonObject {{"methods"_L1, QJsonArray {u"password"_s}},
                          {"password"_L1, QJsonObject {{"user"_L1, user}}}}},
            // The project by region name, or by id when a custom endpoint has no region.
            {"scope"_L1,
             QJsonObject {{"project"_L1,
                           m_config.regionId.isEmpty()
                                   ? QJsonObject {{"id"_L1, m_config.projectId}}
                                   : QJsonObject {{"name"_L1, m_config.regionId}}}}}};
    const QByteArray body
            = QJsonDocument(QJsonObject {{"auth"_L1, auth}}).toJson(QJsonDocument::Compact);

    auto done = [this](const ApiResult &result) {
        m_fetchingToken = false;
        QList<Request> waiting = std::exchange(m_waitingForToken, {});
        if (result.ok() && !m_token.isEmpty()) {
            for (Request &r : waiting)
                start(r);
            return;
        }
        ApiResult failure = result;
        if (failure.ok()) {
            failure.errorClass = ErrorClass::Auth;
            failure.errorMessage = tr("IAM did not return a token (no X-Subject-Token header).");
        }
        if (failure.httpStatus == 401 || failure.httpStatus == 400 || failure.httpStatus == 403) {
            failure.errorClass = ErrorClass::Auth;
            failure.errorMessage = tr("IAM refused the user name, password or account name: %1")
                                           .arg(failure.errorMessage);
        }
        for (Request &r : waiting) {
            if (r.context)
                r.done(failure);
        }
    };
    start({"POST",
           m_config.iamEndpoint,
           u"/v3/auth/tokens"_s,
           {{u"nocatalog"_s, u"true"_s}},
           body,
           "token",
           true,
           false,
           this,
           std::move(done)});
}

void VodClient::start(const Request &request)
{
    QUrl url = request.base;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    const QString path = basePath + request.path;
    url.setPath(path);
    QByteArray query;
    for (const auto &[key, value] : request.query) {
        if (!query.isEmpty())
            query += '&';
        query += RequestSigner::percentEncode(key) + '=' + RequestSigner::percentEncode(value);
    }
    url.setQuery(query.isEmpty() ? QString() : QString::fromLatin1(query), QUrl::StrictMode);

    QNetworkRequest nr(url);
    nr.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    nr.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                    QNetworkRequest::ManualRedirectPolicy);
    nr.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    nr.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    nr.setSslConfiguration(m_tls);
    nr.setRawHeader("User-Agent", UserAgent);
    nr.setRawHeader("Accept", "application/json");

    RequestSigner::HeaderList signedHeaders;
    auto addHeader = [&](const QByteArray &name, const QByteArray &value, bool sign) {
        nr.setRawHeader(name, value);
        if (sign)
            signedHeaders.append({name, value});
    };
    const Credentials &c = m_config.credentials;
    const bool akSk = !request.iam && c.mode == AuthMode::AkSk;
    addHeader("Host", hostHeader(url), akSk);
    if (!request.body.isEmpty() || request.method == "POST")
        addHeader("Content-Type",
                  request.iam ? QByteArray("application/json;charset=utf8") : "application/json",
                  akSk);
    if (!request.iam) {
        addHeader("X-Project-Id", m_config.projectId.toUtf8(), akSk);
        if (akSk) {
            addHeader("X-Sdk-Date", RequestSigner::sdkDate(m_clock()), true);
            if (!c.securityToken.isEmpty())
                addHeader("X-Security-Token", c.securityToken.trimmed().toUtf8(), true);
            const auto out = RequestSigner::sign(
                    {request.method, path, request.query, signedHeaders, request.body,
                     c.accessKey.trimmed().toUtf8(), c.secretKey.toUtf8()});
            nr.setRawHeader("Authorization", out.authorization);
        } else if (c.mode == AuthMode::Token) {
            nr.setRawHeader("X-Auth-Token", c.token.trimmed().toUtf8());
        } else {
            nr.setRawHeader("X-Auth-Token", m_token.toUtf8());
        }
    }

    QNetworkReply *reply = sendAtMostOnce(m_nam, nr, request.method, request.body);
    // A read nobody waits for any more is aborted, so it does not hold one of the host's few
    // connections until its answer comes (a stopped listing's pages).
    if (request.method == "GET" && request.context)
        connect(request.context, &QObject::destroyed, reply, &QNetworkReply::abort);

    // Per-request state: the body read so far (capped) and whether we aborted it ourselves.
    struct State
    {
        QByteArray body;
        bool truncated = false;
        bool timedOut = false;
        QStringList tlsErrors; // why the server's certificate was refused
        bool requestSent = false; // the whole request was written at least once
    };
    auto state = std::make_shared<State>();
    const qint64 cap = m_config.maxBodyBytes;
    connect(reply, &QNetworkReply::readyRead, reply, [reply, state, cap] {
        if (state->truncated || !reply->isOpen())
            return;
        const QByteArray chunk = reply->read(cap + 1 - state->body.size());
        state->body += chunk;
        if (state->body.size() > cap) {
            state->body.truncate(cap);
            state->truncated = true;
            reply->abort();
        }
    });
    // Not ignored, only kept: the reply then fails with SslHandshakeFailedError, whose own text
    // does not say what was wrong with the certificate.
    connect(reply, &QNetworkReply::sslErrors, reply, [state](const QList<QSslError> &errors) {
        for (const QSslError &e : errors) {
            if (!state->tlsErrors.contains(e.errorString()))
                state->tlsErrors.append(e.errorString());
        }
    });
    connect(reply, &QNetworkReply::requestSent, reply, [state] { state->requestSent = true; });
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [reply, state] {
        state->timedOut = true;
        reply->abort();
    });
    timer->start(m_config.timeoutMs);

    connect(reply, &QNetworkReply::finished, this,
            [this, reply, state, request = request]() mutable {
                reply->deleteLater();
                if (reply->isOpen()) // not after abort() (body cap, timeout)
                    state->body += reply->readAll();
                ApiResult::Reply r;
                r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                r.body = std::move(state->body);
                r.bodyTruncated = state->truncated;
                r.contentType = reply->rawHeader("Content-Type");
                r.requestId = reply->rawHeader("X-Request-Id");
                r.retryAfter = reply->rawHeader("Retry-After");
                r.date = reply->rawHeader("Date");
                r.location = reply->rawHeader("Location");
                r.expectedKey = request.expectedKey;
                r.timedOut = state->timedOut;
                r.requestSent = state->requestSent;
                if (reply->error() != QNetworkReply::NoError && !state->truncated) {
                    r.networkError = reply->error();
                    // Qt reports most failures of a proxy it tunnels through (refused, unknown
                    // host, protocol error) as UnknownNetworkError.
                    const QNetworkProxy::ProxyType proxy = m_config.proxy.type();
                    if (r.networkError == QNetworkReply::UnknownNetworkError
                        && (proxy == QNetworkProxy::HttpProxy
                            || proxy == QNetworkProxy::Socks5Proxy))
                        r.networkError = QNetworkReply::UnknownProxyError;
                    r.networkErrorString = reply->errorString();
                    r.tlsErrors = state->tlsErrors;
                }
                r.localTime = m_clock();
                ApiResult result = ApiResult::fromReply(r);

                if (request.iam && result.ok())
                    acceptToken(reply->rawHeader("X-Subject-Token"), result);

                // An expired IAM token is fetched again once; any other auth failure is final.
                if (!request.iam && result.tokenExpired
                    && m_config.credentials.mode == AuthMode::Password && !request.tokenRetried) {
                    request.tokenRetried = true;
                    m_token.clear();
                    send(std::move(request));
                    return;
                }
                if (request.context)
                    request.done(result);
            });
}

void VodClient::acceptToken(const QByteArray &token, const ApiResult &result)
{
    m_token = QString::fromLatin1(token.trimmed());
    const QJsonObject t = result.json.value("token"_L1).toObject();
    m_tokenExpiresAt
            = QDateTime::fromString(t.value("expires_at"_L1).toString(), Qt::ISODateWithMs);
    if (!m_tokenExpiresAt.isValid())
        m_tokenExpiresAt = m_clock().addSecs(23 * 3600); // documented validity is 24 h
}

} // namespace VodConfirm
