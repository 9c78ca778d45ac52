#include "vodtestserver.h"

#include "api/requestsigner.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QPointer>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <memory>

using namespace Qt::StringLiterals;

namespace VodConfirm::Test {

namespace {

constexpr qsizetype MaxHeaderBytes = 64 * 1024;
constexpr qint64 StreamChunk = 256 * 1024;

const char NotFoundMessage[]
        = "The API does not exist or has not been published in the environment.";
const char SignatureFailed[]
        = "Incorrect IAM authentication information: verify aksk signature fail";

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 413:
        return "Request Entity Too Large";
    case 429:
        return "Too Many Requests";
    case 494:
        return "Request Header Too Large";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    }
    return "Unknown";
}

QString isoTime(const QDateTime &utc) // 2026-11-28T04:12:51.123000Z, as IAM writes it
{
    return utc.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz'000Z'"_s);
}

QByteArray randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &c : raw)
        c = char(QRandomGenerator::global()->bounded(256));
    return raw.toHex();
}

QString routeName(VodTestServer::Route route)
{
    switch (route) {
    case VodTestServer::Route::Confirm:
        return u"confirm"_s;
    case VodTestServer::Route::AssetInfo:
        return u"asset_info"_s;
    case VodTestServer::Route::AssetList:
        return u"asset_list"_s;
    case VodTestServer::Route::IamToken:
        return u"iam_token"_s;
    case VodTestServer::Route::CreateAsset:
        return u"create_asset"_s;
    case VodTestServer::Route::TempAuthority:
        return u"temp_authority"_s;
    case VodTestServer::Route::Obs:
        return u"obs"_s;
    case VodTestServer::Route::Unknown:
        return u"unknown"_s;
    }
    return {};
}

bool appliesEffect(VodTestServer::Fault fault)
{
    using F = VodTestServer::Fault;
    return fault == F::None || fault == F::Error504 || fault == F::DropAfterEffect
            || fault == F::Trickle || fault == F::HugeBody || fault == F::TruncatedJson
            || fault == F::HugeHeaders || fault == F::SlowHeaders;
}

} // namespace

namespace Detail {

struct Request
{
    QByteArray method;
    QByteArray rawPath;
    QString path; // decoded
    QByteArray rawQuery;
    QList<std::pair<QByteArray, QByteArray>> headers; // as received
    QByteArray body;
    bool close = false;
    QByteArray requestId;
    VodTestServer::Route route = VodTestServer::Route::Unknown; // set when processed
    int confirmOnConnection = 0; // a confirm: 1 for the first one on its connection, ...
    QString assetId; // of a confirm, from its body

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    bool hasHeader(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    QList<std::pair<QString, QString>> query() const
    {
        QList<std::pair<QString, QString>> items;
        for (const QByteArray &item : rawQuery.split('&')) {
            if (item.isEmpty())
                continue;
            const qsizetype eq = item.indexOf('=');
            const QByteArray key = eq < 0 ? item : item.left(eq);
            const QByteArray value = eq < 0 ? QByteArray() : item.mid(eq + 1);
            items.append({QUrl::fromPercentEncoding(key), QUrl::fromPercentEncoding(value)});
        }
        return items;
    }
};

struct Response
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json;charset=UTF-8";
    QList<std::pair<QByteArray, QByteArray>> headers;
};

struct Connection
{
    QByteArray buffer;
    bool busy = false; // a request is being answered; later ones wait in the buffer
    bool hung = false; // NeverAnswer: nothing more is read or written
    bool readScheduled = false; // receiveBytesPerSecond: a later read is planned
    int confirms = 0; // confirm requests received on this connection
};

} // namespace Detail

namespace {

using Detail::Response;

Response json(int status, const QJsonObject &object)
{
    Response r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

Response vodError(int status, const QString &code, const QString &message)
{
    return json(status, {{u"error_code"_s, code}, {u"error_msg"_s, message}});
}

Response gatewayError(int status, const QString &code, const QString &message,
                      const QByteArray &requestId)
{
    return json(status,
                {{u"error_code"_s, code},
                 {u"error_msg"_s, message},
                 {u"request_id"_s, QString::fromLatin1(requestId)}});
}

Response iamError(int status, const QString &message, const QString &title)
{
    return json(
            status,
            {{u"error"_s,
              QJsonObject {{u"code"_s, status}, {u"message"_s, message}, {u"title"_s, title}}}});
}

// OBS's error answer: XML Error with Code, Message, RequestId and HostId.
Response obsError(int status, const QString &code, const QString &message,
                  const QByteArray &requestId)
{
    Response r;
    r.status = status;
    r.contentType = "application/xml";
    QXmlStreamWriter w(&r.body);
    w.writeStartDocument();
    w.writeStartElement(u"Error"_s);
    w.writeTextElement(u"Code"_s, code);
    w.writeTextElement(u"Message"_s, message);
    w.writeTextElement(u"RequestId"_s, QString::fromLatin1(requestId));
    w.writeTextElement(u"HostId"_s, u"obs.vodconfirm.test"_s);
    w.writeEndElement();
    w.writeEndDocument();
    return r;
}

QByteArray quotedMd5(const QByteArray &data)
{
    return '"' + QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex() + '"';
}

QByteArray unquoted(QByteArray etag)
{
    etag = etag.trimmed();
    if (etag.size() >= 2 && etag.startsWith('"') && etag.endsWith('"'))
        return etag.mid(1, etag.size() - 2);
    return etag;
}

Response illegalField(const QString &field)
{
    return vodError(400, u"VOD.10053"_s,
                    u"The request parameter is illegal, illegal field: {%1}."_s.arg(field));
}

// One ListAssetList row (AssetSummary), with the fields the API documents.
QJsonObject listedRow(const QString &id, qint64 createdSecs, const QString &status,
                      const QJsonValue &title)
{
    const QString created
            = QDateTime::fromSecsSinceEpoch(createdSecs, Qt::UTC).toString(u"yyyyMMddHHmmss"_s);
    return {{u"asset_id"_s, id},
            {u"title"_s, title.isUndefined() ? QJsonValue(u"upload "_s + id.left(8)) : title},
            {u"description"_s, QString()},
            {u"duration"_s, 0},
            {u"duration_ms"_s, 0},
            {u"size"_s, 0},
            {u"original_url"_s, QString()},
            {u"category"_s, u"Other"_s},
            {u"covers"_s, QJsonArray()},
            {u"create_time"_s, created},
            {u"asset_status"_s, status},
            {u"transcode_status"_s, u"UN_TRANSCODE"_s},
            {u"thumbnail_status"_s, u"UN_THUMBNAIL"_s},
            {u"review_status"_s, u"UN_REVIEW"_s},
            {u"exec_desc"_s, QString()},
            {u"media_type"_s, u"VIDEO"_s}};
}

} // namespace

int VodTestServer::Counters::confirmRequestsTotal() const
{
    int n = 0;
    for (int v : confirmRequests)
        n += v;
    return n;
}

int VodTestServer::Counters::effectiveConfirmsTotal() const
{
    int n = 0;
    for (int v : effectiveConfirms)
        n += v;
    return n;
}

QJsonObject VodTestServer::Counters::toJson() const
{
    QJsonObject routes;
    for (Route r : {Route::Confirm, Route::AssetInfo, Route::AssetList, Route::IamToken,
                    Route::CreateAsset, Route::TempAuthority, Route::Obs, Route::Unknown})
        routes.insert(routeName(r), requests(r));
    QJsonObject parts;
    for (auto it = partsReceived.cbegin(); it != partsReceived.cend(); ++it) {
        QJsonObject perPart;
        for (auto p = it->cbegin(); p != it->cend(); ++p)
            perPart.insert(QString::number(p.key()), p.value());
        parts.insert(it.key(), perPart);
    }
    QJsonObject perAsset;
    for (auto it = confirmRequests.cbegin(); it != confirmRequests.cend(); ++it)
        perAsset.insert(it.key(), it.value());
    QJsonObject effective;
    for (auto it = effectiveConfirms.cbegin(); it != effectiveConfirms.cend(); ++it)
        effective.insert(it.key(), it.value());
    QJsonArray arrivals;
    for (qint64 ms : arrivalMs)
        arrivals.append(ms);
    return {{u"total_requests"_s, totalRequests},
            {u"requests_per_route"_s, routes},
            {u"confirm_requests_total"_s, confirmRequestsTotal()},
            {u"effective_confirms_total"_s, effectiveConfirmsTotal()},
            {u"confirm_requests"_s, perAsset},
            {u"effective_confirms"_s, effective},
            {u"auth_failures"_s, authFailures},
            {u"throttled"_s, throttled},
            {u"max_in_flight"_s, maxInFlight},
            {u"connections"_s, connections},
            {u"tls_handshakes"_s, tlsHandshakes},
            {u"arrival_ms"_s, arrivals},
            {u"creates"_s, creates},
            {u"authorities"_s, authorities},
            {u"parts_received"_s, parts},
            {u"parts_received_total"_s, partsReceivedTotal()},
            {u"obs_body_bytes"_s, obsBodyBytes},
            {u"object_bytes"_s, objectBytes},
            {u"obs_refused"_s, obsRefused}};
}

int VodTestServer::Counters::partsReceivedTotal() const
{
    int n = 0;
    for (const QMap<int, int> &perPart : partsReceived) {
        for (int v : perPart)
            n += v;
    }
    return n;
}

VodTestServer::VodTestServer(QObject *parent) : VodTestServer(Config(), parent) { }

VodTestServer::VodTestServer(const Config &config, QObject *parent)
    : QObject(parent), m_config(config), m_server(new QTcpServer(this)), m_random(1)
{
    m_clock.start();
    connect(m_server, &QTcpServer::newConnection, this, &VodTestServer::onNewConnection);
}

VodTestServer::~VodTestServer()
{
    qDeleteAll(m_connections);
}

QString VodTestServer::certsDir()
{
    return QStringLiteral(VODCONFIRM_TEST_CERTS_DIR);
}

bool VodTestServer::listen(quint16 port, Tls tls)
{
    if (tls != Tls::Off) {
        const QString name = tls == Tls::CaSigned ? u"server"_s
                : tls == Tls::SelfSigned          ? u"selfsigned"_s
                                                  : u"wronghost"_s;
        QFile certificate(certsDir() + u'/' + name + u".pem"_s);
        QFile key(certsDir() + u'/' + name + u".key"_s);
        if (!certificate.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
            return false;
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificate(QSslCertificate(&certificate, QSsl::Pem));
        ssl.setPrivateKey(QSslKey(&key, QSsl::Ec, QSsl::Pem));
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        auto *server = new QSslServer(this);
        server->setSslConfiguration(ssl);
        connect(server, &QSslServer::startedEncryptionHandshake, this,
                [this] { ++m_counters.tlsHandshakes; });
        // newConnection comes before the handshake, when nothing is pending yet.
        connect(server, &QTcpServer::pendingConnectionAvailable, this,
                &VodTestServer::onNewConnection);
        delete m_server;
        m_server = server;
        m_tls = true;
    }
    return m_server->listen(QHostAddress::LocalHost, port);
}

quint16 VodTestServer::port() const
{
    return m_server->serverPort();
}

QUrl VodTestServer::url() const
{
    QUrl u;
    u.setScheme(m_tls ? u"https"_s : u"http"_s);
    u.setHost(u"127.0.0.1"_s);
    u.setPort(port());
    return u;
}

QString VodTestServer::errorString() const
{
    return m_server->errorString();
}

void VodTestServer::setSeed(quint64 seed)
{
    m_random.seed(quint32(seed ^ (seed >> 32)));
}

void VodTestServer::setAssetStatus(const QString &assetId, const QString &status)
{
    m_missing.remove(assetId);
    m_assets.insert(assetId, status);
}

QString VodTestServer::assetStatus(const QString &assetId) const
{
    if (const auto it = m_assets.constFind(assetId); it != m_assets.cend())
        return it.value();
    if (m_config.autoCreate && !m_missing.contains(assetId) && isWellFormedAssetId(assetId))
        return u"CREATING"_s;
    return u"UNCREATED"_s;
}

void VodTestServer::addMissingAsset(const QString &assetId)
{
    m_assets.remove(assetId);
    m_missing.insert(assetId);
}

void VodTestServer::clearAssets()
{
    m_assets.clear();
    m_missing.clear();
}

bool VodTestServer::isWellFormedAssetId(const QString &assetId)
{
    if (assetId.size() != 32)
        return false;
    for (QChar c : assetId) {
        const char16_t u = c.unicode();
        if (!((u >= '0' && u <= '9') || (u >= 'a' && u <= 'f') || (u >= 'A' && u <= 'F')))
            return false;
    }
    return true;
}

QString VodTestServer::issueToken()
{
    const QString token = u"MII"_s + QString::fromLatin1(randomHex(48));
    m_tokens.insert(token, now().addSecs(m_config.tokenLifetimeSecs));
    return token;
}

void VodTestServer::expireTokens()
{
    const QDateTime past = now().addSecs(-1);
    for (QDateTime &expiry : m_tokens)
        expiry = past;
}

QStringList VodTestServer::issuedTokens() const
{
    return m_tokens.keys();
}

bool VodTestServer::isTokenValid(const QString &token) const
{
    if (m_config.acceptedTokens.contains(token))
        return true;
    const auto it = m_tokens.constFind(token);
    return it != m_tokens.cend() && now() < it.value();
}

void VodTestServer::scriptNext(const QList<Fault> &faults)
{
    m_script.append(faults);
}

void VodTestServer::scriptAsset(const QString &assetId, const QList<Fault> &faults)
{
    m_assetScripts[assetId].append(faults);
}

qsizetype VodTestServer::scriptedFaultsLeft() const
{
    qsizetype n = m_script.size();
    for (const QList<Fault> &faults : m_assetScripts)
        n += faults.size();
    return n;
}

void VodTestServer::reset()
{
    const int inFlight = m_counters.inFlight;
    m_counters = Counters();
    m_counters.inFlight = inFlight;
    m_counters.maxInFlight = inFlight;
    m_windows.clear();
    m_toldDone.clear();
    m_script.clear();
    m_listScript.clear();
    m_infoScript.clear();
    m_assetScripts.clear();
    m_obsScript.clear();
    m_rawAnswers.clear();
}

void VodTestServer::expireAuthorities()
{
    const QDateTime past = now().addMSecs(-1);
    for (Grant &g : m_grants)
        g.expiresAt = past;
}

void VodTestServer::scriptNextObs(const QList<Fault> &faults)
{
    m_obsScript.append(faults);
}

void VodTestServer::scriptNextAnswer(Route route, int status, const QByteArray &body,
                                     const QByteArray &contentType)
{
    m_rawAnswers[route].append({status, body, contentType});
}

QDateTime VodTestServer::now() const
{
    return QDateTime::currentDateTimeUtc().addMSecs(m_config.clockOffsetMs);
}

// ---- connections and HTTP parsing ----

void VodTestServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        ++m_counters.connections;
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); // answers go out at once
        // Qt stops reading the kernel's buffer when its own is full: 100 ms of the rate.
        if (m_config.receiveBytesPerSecond > 0)
            socket->setReadBufferSize(
                    std::max<qint64>(64 * 1024, m_config.receiveBytesPerSecond / 10));
        m_connections.insert(socket, new Connection);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this,
                [this, socket] { onDisconnected(socket); });
    }
}

void VodTestServer::onReadyRead(QTcpSocket *socket)
{
    Connection *c = m_connections.value(socket);
    if (!c || c->hung) {
        socket->readAll();
        return;
    }
    if (m_config.receiveBytesPerSecond <= 0) {
        c->buffer += socket->readAll();
        parseNext(socket);
        return;
    }
    readLimited(socket);
}

void VodTestServer::readLimited(QTcpSocket *socket)
{
    // A token bucket shared by all connections, holding at most 100 ms of the rate: it absorbs
    // the turns this event loop is late (a real link keeps sending meanwhile), and after idling it
    // lets 100 ms of data through at once (1% of a 10 s measurement).
    Connection *c = m_connections.value(socket);
    if (!c || c->hung)
        return;
    if (m_config.receiveBytesPerSecond <= 0) { // the limit was lifted meanwhile
        socket->setReadBufferSize(0);
        onReadyRead(socket);
        return;
    }
    const double rate = double(m_config.receiveBytesPerSecond);
    if (!m_budgetClock.isValid())
        m_budgetClock.start();
    // In nanoseconds: whole milliseconds would lose up to one per refill, a third of the rate.
    const qint64 at = m_budgetClock.nsecsElapsed();
    m_readBudget = std::min(m_readBudget + double(at - m_budgetAtNs) * rate / 1e9,
                            std::max(rate / 10.0, 4096.0));
    m_budgetAtNs = at;
    const qint64 n = std::min(socket->bytesAvailable(), qint64(m_readBudget));
    if (n > 0) {
        c->buffer += socket->read(n);
        m_readBudget -= double(n);
        parseNext(socket);
    }
    if (socket->bytesAvailable() > 0 && !c->readScheduled) {
        c->readScheduled = true;
        QTimer::singleShot(2, Qt::PreciseTimer, socket, [this, socket] {
            if (Connection *later = m_connections.value(socket)) {
                later->readScheduled = false;
                readLimited(socket);
            }
        });
    }
}

void VodTestServer::onDisconnected(QTcpSocket *socket)
{
    if (Connection *c = m_connections.take(socket)) {
        if (c->busy)
            --m_counters.inFlight;
        delete c;
    }
    socket->deleteLater();
}

void VodTestServer::parseNext(QTcpSocket *socket)
{
    Connection *c = m_connections.value(socket);
    if (!c || c->busy || c->hung)
        return;
    // Malformed or oversized requests get a gateway error and the connection is closed.
    const auto reject = [&](int status, const QString &message) {
        c->buffer.clear();
        Request r;
        r.close = true;
        r.requestId = randomHex(16);
        write(socket, r, gatewayError(status, u"APIGW.0201"_s, message, r.requestId));
    };
    const qsizetype headerEnd = c->buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (c->buffer.size() > MaxHeaderBytes)
            reject(494, u"Request headers too large"_s);
        return;
    }

    Request request;
    const QList<QByteArray> lines = c->buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    bool badRequest = requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.");
    qint64 length = 0;
    if (!badRequest) {
        request.method = requestLine.at(0);
        const QByteArray target = requestLine.at(1);
        const qsizetype q = target.indexOf('?');
        request.rawPath = q < 0 ? target : target.left(q);
        request.rawQuery = q < 0 ? QByteArray() : target.mid(q + 1);
        request.path = QUrl::fromPercentEncoding(request.rawPath);
        request.close = requestLine.at(2) == "HTTP/1.0";
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0) {
                badRequest = true;
                break;
            }
            request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        }
        const QByteArray connection = request.header("Connection").toLower();
        if (connection.contains("close"))
            request.close = true;
        else if (connection.contains("keep-alive"))
            request.close = false;
        bool ok = true;
        if (request.hasHeader("Content-Length"))
            length = request.header("Content-Length").toLongLong(&ok);
        if (!ok || length < 0 || request.hasHeader("Transfer-Encoding"))
            badRequest = true;
    }
    if (badRequest) {
        reject(400, u"API request error."_s);
        return;
    }
    const bool obsPath = request.rawPath.startsWith("/obs/");
    if (length > (obsPath ? m_config.maxPartBytes : m_config.maxRequestBodyBytes)) {
        reject(413, u"Request entity too large"_s);
        return;
    }
    const qint64 bodyStart = headerEnd + 4;
    if (c->buffer.size() < bodyStart + length) {
        if (obsPath && length > 0 && !m_obsScript.isEmpty()
            && m_obsScript.first() == Fault::DropMidBody
            && c->buffer.size() >= bodyStart + length / 2) {
            m_obsScript.removeFirst();
            c->buffer.clear();
            finish(socket, true);
        }
        return; // wait for the rest of the body
    }
    request.body = c->buffer.mid(bodyStart, length);
    c->buffer.remove(0, bodyStart + length);
    request.requestId = randomHex(16);

    if (request.method == "POST" && request.path.endsWith("/asset/status/uploaded"_L1))
        request.confirmOnConnection = ++c->confirms;

    c->busy = true;
    ++m_counters.totalRequests;
    m_counters.arrivalMs.append(m_clock.elapsed());
    m_counters.maxInFlight = std::max(m_counters.maxInFlight, ++m_counters.inFlight);
    emit requestReceived(QString::fromLatin1(request.method), request.path);

    if (m_config.latencyMs > 0) {
        // Context `this`, not the socket: the effect happens even if the client gave up.
        QTimer::singleShot(m_config.latencyMs, Qt::PreciseTimer, this,
                           [this, socket = QPointer<QTcpSocket>(socket), request] {
                               process(socket.data(), request);
                           });
    } else {
        process(socket, request);
    }
}

void VodTestServer::finish(QTcpSocket *socket, bool close)
{
    Connection *c = m_connections.value(socket);
    if (!c)
        return;
    if (c->busy) {
        c->busy = false;
        --m_counters.inFlight;
    }
    if (close) {
        c->hung = true;
        socket->disconnectFromHost();
        return;
    }
    // A pipelined request may already be waiting; answer it on the next turn.
    if (!c->buffer.isEmpty())
        QTimer::singleShot(0, socket, [this, socket] { parseNext(socket); });
}

// ---- routing, authentication, faults ----

void VodTestServer::process(QTcpSocket *socket, Request request)
{
    const QStringList parts = request.path.split(u'/');
    // "/v1.0/{pid}/asset/status/uploaded" -> "", "v1.0", pid, "asset", "status", "uploaded"
    Route route = Route::Unknown;
    QString pathProject;
    if (parts.size() == 6 && parts.at(1) == "v1.0"_L1 && parts.at(3) == "asset"_L1
        && parts.at(4) == "status"_L1 && parts.at(5) == "uploaded"_L1 && request.method == "POST") {
        route = Route::Confirm;
        pathProject = parts.at(2);
    } else if (parts.size() == 5 && parts.at(1) == "v1.0"_L1 && parts.at(3) == "asset"_L1
               && parts.at(4) == "info"_L1 && request.method == "GET") {
        route = Route::AssetInfo;
        pathProject = parts.at(2);
    } else if (parts.size() == 5 && parts.at(1) == "v1.0"_L1 && parts.at(3) == "asset"_L1
               && parts.at(4) == "list"_L1 && request.method == "GET") {
        route = Route::AssetList;
        pathProject = parts.at(2);
    } else if (request.path == "/v3/auth/tokens"_L1 && request.method == "POST") {
        route = Route::IamToken;
    } else if (parts.size() == 4 && parts.at(1) == "v1.0"_L1 && parts.at(3) == "asset"_L1
               && request.method == "POST") {
        route = Route::CreateAsset;
        pathProject = parts.at(2);
    } else if (parts.size() == 5 && parts.at(1) == "v1.1"_L1 && parts.at(3) == "asset"_L1
               && parts.at(4) == "authority"_L1 && request.method == "GET") {
        route = Route::TempAuthority;
        pathProject = parts.at(2);
    } else if (request.path.startsWith("/obs/"_L1)) {
        route = Route::Obs;
    }
    ++m_counters.requestsPerRoute[route];
    request.route = route;

    if (route == Route::Confirm) {
        const QString id
                = QJsonDocument::fromJson(request.body).object().value(u"asset_id"_s).toString();
        request.assetId = id;
        if (!id.isEmpty()) {
            ++m_counters.confirmRequests[id];
            if (m_counters.effectiveConfirms.value(id) > 0)
                ++m_counters.confirmsAfterEffect[id];
            if (m_toldDone.contains(id))
                ++m_counters.needlessConfirms[id];
        }
    }

    if (route == Route::Unknown) {
        write(socket, request,
              gatewayError(404, u"APIGW.0101"_s, QString::fromLatin1(NotFoundMessage),
                           request.requestId));
        return;
    }
    if (route == Route::IamToken) {
        write(socket, request, iamToken(request));
        return;
    }
    if (route == Route::Obs) {
        answerObs(socket, request);
        return;
    }
    if (std::optional<Response> failure = authenticate(request)) {
        ++m_counters.authFailures;
        write(socket, request, *failure);
        return;
    }

    if (m_config.rateLimitPerMinute > 0) {
        const bool uploadGroup = route == Route::CreateAsset || route == Route::TempAuthority;
        QList<qint64> &window = m_windows[uploadGroup ? Route::Confirm : route];
        const qint64 t = m_clock.elapsed();
        while (!window.isEmpty() && window.first() <= t - m_config.rateWindowMs)
            window.removeFirst();
        if (window.size() >= m_config.rateLimitPerMinute) {
            answer(socket, request, Fault::Throttle, {});
            return;
        }
        window.append(t);
    }

    const QByteArray headerProject = request.header("X-Project-Id");
    if (pathProject != m_config.projectId
        || (request.hasHeader("X-Project-Id")
            && QString::fromUtf8(headerProject) != m_config.projectId)
        || (m_config.requireProjectIdHeader && !request.hasHeader("X-Project-Id"))) {
        write(socket, request, vodError(403, u"VOD.10057"_s, u"Tenant ID verification failed."_s));
        return;
    }

    if (QList<RawAnswer> &raw = m_rawAnswers[route]; !raw.isEmpty()) {
        const RawAnswer a = raw.takeFirst();
        write(socket, request, {a.status, a.body, a.contentType, {}});
        return;
    }

    const int nth = m_config.dropNthConfirmOnConnection;
    const Fault fault = route == Route::Confirm && nth > 0 && request.confirmOnConnection == nth
            ? (m_config.dropNthAfterEffect ? Fault::DropAfterEffect : Fault::DropBeforeEffect)
            : nextFault(route, request.assetId);
    answer(socket, request, fault, appliesEffect(fault) ? handle(route, request) : Response());
}

std::optional<VodTestServer::Response> VodTestServer::authenticate(const Request &request)
{
    const auto fail = [&](const QString &message) {
        return gatewayError(401, u"APIGW.0301"_s,
                            u"Incorrect IAM authentication information: "_s + message,
                            request.requestId);
    };

    if (request.hasHeader("X-Auth-Token")) {
        const QString token = QString::fromLatin1(request.header("X-Auth-Token"));
        if (isTokenValid(token))
            return std::nullopt;
        if (const auto it = m_tokens.constFind(token); it != m_tokens.cend())
            return fail(u"token expires, expires_at: "_s + isoTime(it.value()));
        return fail(u"decrypt token fail"_s);
    }

    const QByteArray authorization = request.header("Authorization");
    if (authorization.isEmpty())
        return fail(u"x-auth-token not found"_s);
    const QByteArray prefix = QByteArray(RequestSigner::Algorithm) + ' ';
    if (!authorization.startsWith(prefix))
        return fail(u"verify aksk signature fail"_s);
    QByteArray access, signedHeaders, signature;
    for (const QByteArray &part : authorization.mid(prefix.size()).split(',')) {
        const QByteArray item = part.trimmed();
        if (item.startsWith("Access="))
            access = item.mid(7);
        else if (item.startsWith("SignedHeaders="))
            signedHeaders = item.mid(14);
        else if (item.startsWith("Signature="))
            signature = item.mid(10);
    }
    if (access.isEmpty() || signedHeaders.isEmpty() || signature.isEmpty())
        return fail(u"verify aksk signature fail"_s);
    if (QString::fromUtf8(access) != m_config.accessKey)
        return fail(u"Get secretKey failed"_s);

    const QList<QByteArray> names = signedHeaders.split(';');
    if (!names.contains("x-sdk-date") || !request.hasHeader("X-Sdk-Date"))
        return fail(u"verify aksk signature fail, x-sdk-date must be signed"_s);
    QDateTime date = QDateTime::fromString(QString::fromLatin1(request.header("X-Sdk-Date")),
                                           u"yyyyMMdd'T'HHmmss'Z'"_s);
    date.setTimeSpec(Qt::UTC);
    if (!date.isValid())
        return fail(u"verify aksk signature fail, invalid x-sdk-date"_s);
    if (std::abs(date.secsTo(now())) > m_config.maxClockSkewSecs) {
        return fail(u"verify aksk signature fail, x-sdk-date %1 differs from the server time %2 "
                    "by more than %3 minutes"_s
                            .arg(QString::fromLatin1(request.header("X-Sdk-Date")),
                                 QString::fromLatin1(RequestSigner::sdkDate(now())))
                            .arg(m_config.maxClockSkewSecs / 60));
    }
    if (!m_config.securityToken.isEmpty()
        && (!names.contains("x-security-token")
            || QString::fromUtf8(request.header("X-Security-Token")) != m_config.securityToken)) {
        return fail(u"verify aksk signature fail, invalid security token"_s);
    }

    RequestSigner::Input input;
    input.method = request.method;
    input.path = request.path;
    input.query = request.query();
    for (const QByteArray &name : names) {
        if (!request.hasHeader(name))
            return fail(u"verify aksk signature fail"_s);
        input.headers.append({name, request.header(name)});
    }
    input.body = request.body;
    input.accessKey = access;
    input.secretKey = m_config.secretKey.toUtf8();
    const RequestSigner::Output expected = RequestSigner::sign(input);
    if (expected.signature != signature) {
        QByteArray canonical = expected.canonicalRequest;
        canonical.replace('\n', '|');
        return fail(u"verify aksk signature fail, canonicalRequest:"_s
                    + QString::fromUtf8(canonical));
    }
    return std::nullopt;
}

VodTestServer::Fault VodTestServer::nextFault(Route route, const QString &assetId)
{
    if (const auto it = m_assetScripts.find(assetId);
        route == Route::Confirm && it != m_assetScripts.end()) {
        const Fault fault = it->takeFirst();
        if (it->isEmpty())
            m_assetScripts.erase(it);
        return fault;
    }
    if (route == Route::Confirm && !m_script.isEmpty())
        return m_script.takeFirst();
    if (route == Route::AssetList)
        return m_listScript.isEmpty() ? Fault::None : m_listScript.takeFirst();
    if (route == Route::AssetInfo && !m_infoScript.isEmpty())
        return m_infoScript.takeFirst();
    if (route != Route::Confirm && !(route == Route::AssetInfo && m_config.randomFaultsOnAssetInfo))
        return Fault::None;
    const std::pair<double, Fault> table[] = {
            {m_config.error500, Fault::Error500},
            {m_config.htmlErrorFraction, Fault::HtmlError502},
            {m_config.dropBeforeEffect, Fault::DropBeforeEffect},
            {m_config.dropAfterEffect, Fault::DropAfterEffect},
            {m_config.neverAnswer, Fault::NeverAnswer},
            {m_config.trickle, Fault::Trickle},
            {m_config.hugeBody, Fault::HugeBody},
            {m_config.truncatedJson, Fault::TruncatedJson},
            {m_config.redirect, Fault::Redirect},
    };
    double total = 0;
    for (const auto &[p, f] : table)
        total += p;
    if (total <= 0)
        return Fault::None;
    double draw = m_random.generateDouble();
    for (const auto &[p, f] : table) {
        if (draw < p) {
            if (f == Fault::Error500) {
                const Fault kinds[] = {Fault::Error500, Fault::Error502, Fault::Error503};
                return kinds[m_random.bounded(3)];
            }
            return f;
        }
        draw -= p;
    }
    return Fault::None;
}

// ---- route handlers ----

VodTestServer::Response VodTestServer::handle(Route route, const Request &request)
{
    switch (route) {
    case Route::Confirm:
        return confirm(request);
    case Route::AssetInfo:
        return assetInfo(request);
    case Route::AssetList:
        return assetList(request);
    case Route::IamToken:
        return iamToken(request);
    case Route::CreateAsset:
        return createAsset(request);
    case Route::TempAuthority:
        return tempAuthority(request);
    case Route::Obs:
        return obs(request);
    case Route::Unknown:
        break;
    }
    return gatewayError(404, u"APIGW.0101"_s, QString::fromLatin1(NotFoundMessage),
                        request.requestId);
}

VodTestServer::Response VodTestServer::confirm(const Request &request)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return illegalField(u"body"_s);
    const QJsonObject body = doc.object();
    const QJsonValue idValue = body.value(u"asset_id"_s);
    if (!idValue.isString() || idValue.toString().isEmpty())
        return illegalField(u"asset_id"_s);
    const QString status = body.value(u"status"_s).toString();
    QString next;
    if (status == "CREATED"_L1)
        next = u"CREATED"_s;
    else if (status == "FAILED"_L1)
        next = u"UPLOAD_FAILED"_s;
    else if (status == "CANCELLED"_L1)
        next = u"CANCELLED"_s;
    else
        return illegalField(u"status"_s);

    const QString id = idValue.toString();
    const QString current = assetStatus(id);
    if (current == "UNCREATED"_L1) {
        return vodError(403, u"VOD.10062"_s,
                        m_config.missingAssetMessage.isEmpty()
                                ? u"Media asset or resource does not exist, please check."_s
                                : m_config.missingAssetMessage);
    }
    if (current != "CREATING"_L1) {
        return vodError(403, u"VOD.10061"_s,
                        u"The operation failed, and the current media asset status is not "
                        "allowed to be updated."_s);
    }
    m_assets.insert(id, next);
    ++m_counters.effectiveConfirms[id];
    return json(200, {{u"asset_id"_s, id}});
}

VodTestServer::Response VodTestServer::assetInfo(const Request &request)
{
    QStringList ids;
    for (const auto &[key, value] : request.query()) {
        if (key == "asset_id"_L1)
            ids.append(value);
    }
    if (ids.size() > 10)
        return illegalField(u"asset_id"_s);
    QJsonArray array;
    for (const QString &id : std::as_const(ids)) {
        const QString status = assetStatus(id);
        if (status == "UNCREATED"_L1 && m_config.assetInfoMissingIsError)
            return vodError(403, u"VOD.10062"_s,
                            m_config.missingAssetMessage.isEmpty()
                                    ? u"Media asset or resource does not exist, please check."_s
                                    : m_config.missingAssetMessage);
        array.append(QJsonObject {
                {u"asset_id"_s, id},
                {u"status"_s, status},
                {u"description"_s, status == "UNCREATED"_L1 ? u"no asset"_s : QString()}});
    }
    return json(200,
                {{u"asset_info_array"_s, array},
                 {u"is_truncated"_s, 0},
                 {u"total"_s, int(array.size())}});
}

QString VodTestServer::Listed::id() const
{
    return QString::fromLatin1(QByteArray::number(hi, 16).rightJustified(16, '0')
                               + QByteArray::number(lo, 16).rightJustified(16, '0'));
}

bool VodTestServer::Listed::operator<(const Listed &o) const
{
    if (createdSecs != o.createdSecs)
        return createdSecs > o.createdSecs;
    return hi != o.hi ? hi > o.hi : lo > o.lo;
}

void VodTestServer::sortListed() const
{
    if (!m_listedSorted)
        std::sort(m_listed.begin(), m_listed.end());
    m_listedSorted = true;
}

void VodTestServer::addListedAsset(const QString &assetId, const QDateTime &createdAt,
                                   const QString &status)
{
    Q_ASSERT(isWellFormedAssetId(assetId));
    bool ok1 = false, ok2 = false;
    const quint64 hi = assetId.left(16).toULongLong(&ok1, 16);
    const quint64 lo = assetId.mid(16).toULongLong(&ok2, 16);
    Q_ASSERT(ok1 && ok2);
    m_listed.push_back({createdAt.toSecsSinceEpoch(), hi, lo});
    m_listedSorted = false;
    if (status != "CREATING"_L1)
        setAssetStatus(assetId, status);
}

void VodTestServer::seedListedAssets(int count, const QDateTime &from, const QDateTime &to,
                                     quint64 seed)
{
    QRandomGenerator random(seed);
    const qint64 first = from.toSecsSinceEpoch();
    const qint64 span = std::max<qint64>(1, to.toSecsSinceEpoch() - first + 1);
    m_listed.reserve(m_listed.size() + size_t(count));
    for (int i = 0; i < count; ++i)
        m_listed.push_back({first + qint64(random.bounded(quint64(span))), random.generate64(),
                            random.generate64()});
    m_listedSorted = false;
}

QStringList VodTestServer::creatingAssetIds() const
{
    sortListed();
    QStringList ids;
    for (const Listed &l : m_listed) {
        const QString id = l.id();
        if (m_assets.isEmpty() || assetStatus(id) == "CREATING"_L1)
            ids.append(id);
    }
    return ids;
}

void VodTestServer::clearListedAssets()
{
    m_listed.clear();
    m_listed.shrink_to_fit();
    m_listedTitles.clear();
    m_listedSorted = true;
}

void VodTestServer::scriptNextList(const QList<Fault> &faults)
{
    m_listScript.append(faults);
}

void VodTestServer::scriptNextInfo(const QList<Fault> &faults)
{
    m_infoScript.append(faults);
}

VodTestServer::Response VodTestServer::assetList(const Request &request)
{
    static const QStringList known {
            u"CREATING"_s,          u"FAILED"_s,        u"CREATED"_s,
            u"PUBLISHED"_s,         u"TRANSCODING"_s,   u"TRANSCODE_SUCCEED"_s,
            u"TRANSCODE_FAILED"_s,  u"THUMBNAILING"_s,  u"THUMBNAIL_SUCCEED"_s,
            u"THUMBNAIL_FAILED"_s,  u"UN_REVIEW"_s,     u"REVIEWING"_s,
            u"REVIEW_SUSPICIOUS"_s, u"REVIEW_PASSED"_s, u"REVIEW_FAILED"_s,
            u"REVIEW_BLOCKED"_s};
    QSet<QString> statuses;
    qint64 start = std::numeric_limits<qint64>::min();
    qint64 end = std::numeric_limits<qint64>::max();
    int page = 0;
    int size = 10;
    const auto time = [](const QString &v, qint64 *out) {
        if (v.size() != 14)
            return false;
        QDateTime t = QDateTime::fromString(v, u"yyyyMMddHHmmss"_s);
        t.setTimeSpec(Qt::UTC);
        *out = t.toSecsSinceEpoch();
        return t.isValid();
    };
    for (const auto &[key, value] : request.query()) {
        bool ok = true;
        if (key == "status"_L1) {
            ok = known.contains(value);
            statuses.insert(value);
        } else if (key == "start_time"_L1) {
            ok = time(value, &start);
        } else if (key == "end_time"_L1) {
            ok = time(value, &end);
        } else if (key == "page"_L1) {
            page = value.toInt(&ok);
            ok = ok && page >= 0;
        } else if (key == "size"_L1) {
            size = value.toInt(&ok);
            ok = ok && size >= 1 && size <= 100;
        }
        if (!ok)
            return illegalField(key);
    }
    if (qint64(page + 1) * size > 20000)
        return illegalField(u"page"_s);

    sortListed();
    // The window [start, end]: newest first, so end bounds the front and start the back.
    const auto front
            = std::lower_bound(m_listed.cbegin(), m_listed.cend(), end,
                               [](const Listed &l, qint64 t) { return l.createdSecs > t; });
    const auto back
            = std::lower_bound(front, m_listed.cend(), start,
                               [](const Listed &l, qint64 t) { return l.createdSecs >= t; });
    // Status of a listed asset: CREATING unless the asset model says otherwise.
    const bool allCreating = m_assets.isEmpty();
    const auto matches = [&](const Listed &l) {
        if (statuses.isEmpty())
            return true;
        return statuses.contains(allCreating ? u"CREATING"_s : assetStatus(l.id()));
    };
    qint64 count = 0;
    QJsonArray assets;
    const qint64 first = qint64(page) * size;
    if (allCreating && (statuses.isEmpty() || statuses.contains(u"CREATING"_s))) {
        count = back - front;
        for (auto it = front + std::min(count, first); it < back && assets.size() < size; ++it) {
            const QString id = it->id();
            assets.append(listedRow(id, it->createdSecs, u"CREATING"_s,
                                    m_listedTitles.value(id, QJsonValue::Undefined)));
        }
    } else {
        for (auto it = front; it < back; ++it) {
            if (!matches(*it))
                continue;
            if (count >= first && assets.size() < size) {
                const QString id = it->id();
                assets.append(listedRow(id, it->createdSecs, assetStatus(id),
                                        m_listedTitles.value(id, QJsonValue::Undefined)));
            }
            ++count;
        }
    }
    return json(200, {{u"total"_s, int(std::min<qint64>(count, 20000))}, {u"assets"_s, assets}});
}

VodTestServer::Response VodTestServer::iamToken(const Request &request)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    const QJsonObject auth = doc.object().value(u"auth"_s).toObject();
    const QJsonObject identity = auth.value(u"identity"_s).toObject();
    const QJsonObject user = identity.value(u"password"_s).toObject().value(u"user"_s).toObject();
    if (error.error != QJsonParseError::NoError
        || !identity.value(u"methods"_s).toArray().contains(u"password"_s)
        || !user.value(u"name"_s).isString()) {
        return iamError(400, u"The request you have made requires authentication."_s,
                        u"Bad Request"_s);
    }
    const QString name = user.value(u"name"_s).toString();
    const QString password = user.value(u"password"_s).toString();
    const QString account = user.value(u"domain"_s).toObject().value(u"name"_s).toString();
    if (name != m_config.iamUser || password != m_config.iamPassword
        || account != m_config.iamAccount) {
        ++m_counters.authFailures;
        return iamError(401, u"The username or password is wrong."_s, u"Unauthorized"_s);
    }
    const QJsonObject project = auth.value(u"scope"_s).toObject().value(u"project"_s).toObject();
    const QString token = issueToken();
    const QDateTime issued = now();
    Response r = json(
            201,
            {{u"token"_s,
              QJsonObject {{u"expires_at"_s, isoTime(m_tokens.value(token))},
                           {u"issued_at"_s, isoTime(issued)},
                           {u"methods"_s, QJsonArray {u"password"_s}},
                           {u"project"_s,
                            QJsonObject {{u"id"_s, m_config.projectId},
                                         {u"name"_s, project.value(u"name"_s).toString()}}},
                           {u"user"_s,
                            QJsonObject {{u"name"_s, name},
                                         {u"domain"_s, QJsonObject {{u"name"_s, account}}}}}}}});
    r.headers.append({"X-Subject-Token", token.toLatin1()});
    return r;
}

// ---- upload: CreateAssetByFileUpload, ShowAssetTempAuthority v1.1, OBS ----

VodTestServer::Response VodTestServer::createAsset(const Request &request)
{
    // The contract's list (vod-api.md 5.2), kept apart from the client's on purpose.
    static const QStringList videoTypes {
            u"MP4"_s, u"TS"_s,  u"MOV"_s,  u"MXF"_s, u"MPG"_s,  u"FLV"_s, u"WMV"_s, u"AVI"_s,
            u"M4V"_s, u"F4V"_s, u"MPEG"_s, u"3GP"_s, u"ASF"_s,  u"MKV"_s, u"HLS"_s, u"MP3"_s,
            u"OGG"_s, u"WAV"_s, u"WMA"_s,  u"APE"_s, u"FLAC"_s, u"AAC"_s, u"AC3"_s, u"MMF"_s,
            u"AMR"_s, u"M4A"_s, u"M4R"_s,  u"WV"_s,  u"MP2"_s};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return illegalField(u"body"_s);
    const QJsonObject body = doc.object();
    const auto text = [&](const char *key, qsizetype maxBytes, bool required) {
        const QJsonValue v = body.value(QLatin1StringView(key));
        if (v.isUndefined())
            return !required;
        return v.isString() && !v.toString().isEmpty() && v.toString().toUtf8().size() <= maxBytes;
    };
    if (!text("title", 128, true))
        return illegalField(u"title"_s);
    if (!text("video_name", 128, true))
        return illegalField(u"video_name"_s);
    const QString videoType = body.value(u"video_type"_s).toString();
    if (!videoTypes.contains(videoType))
        return illegalField(u"video_type"_s);
    if (!text("description", 1024, false))
        return illegalField(u"description"_s);
    if (!text("template_group_name", 128, false))
        return illegalField(u"template_group_name"_s);
    if (!text("video_md5", 64, false))
        return illegalField(u"video_md5"_s);
    if (const QJsonValue v = body.value(u"category_id"_s);
        !v.isUndefined() && (!v.isDouble() || v.toDouble() != double(v.toInteger())))
        return illegalField(u"category_id"_s);
    if (const QJsonValue v = body.value(u"auto_publish"_s);
        !v.isUndefined() && v.toInt(-1) != 0 && v.toInt(-1) != 1)
        return illegalField(u"auto_publish"_s);

    const QString id = QString::fromLatin1(randomHex(16));
    const QString key = u"origin/%1/%2"_s.arg(id, body.value(u"video_name"_s).toString());
    setAssetStatus(id, u"CREATING"_s);
    addListedAsset(id, now());
    m_listedTitles.insert(id, body.value(u"title"_s)); // ListAssetList gives the title created
    m_objectKeys.insert(id, key);
    ++m_counters.creates;
    return json(200,
                {{u"asset_id"_s, id},
                 {u"video_upload_url"_s, grant("PUT", key, {}, {}, 0, {})},
                 {u"target"_s,
                  QJsonObject {{u"bucket"_s, m_config.bucket},
                               {u"location"_s, m_config.bucketLocation},
                               {u"object"_s, key}}}});
}

QString VodTestServer::grant(const QByteArray &verb, const QString &objectKey,
                             const QString &contentType, const QString &uploadId, int partNumber,
                             const QByteArray &contentMd5)
{
    const QString signature = QString::fromLatin1(randomHex(20));
    const QDateTime expires = now().addMSecs(m_config.authorityLifetimeMs);
    m_grants.insert(signature,
                    {verb, objectKey, contentType, uploadId, partNumber, contentMd5, expires});
    QUrl u = url();
    u.setPath(u"/obs/%1/%2"_s.arg(m_config.bucket, objectKey), QUrl::DecodedMode);
    QByteArray query;
    if (verb == "POST" && uploadId.isEmpty())
        query += "uploads&";
    if (partNumber > 0)
        query += "partNumber=" + QByteArray::number(partNumber) + '&';
    if (!uploadId.isEmpty())
        query += "uploadId=" + QUrl::toPercentEncoding(uploadId) + '&';
    query += "AccessKeyId=" + QUrl::toPercentEncoding(m_config.accessKey) + "&Expires="
            + QByteArray::number(expires.toSecsSinceEpoch()) + "&Signature=" + signature.toLatin1();
    u.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return u.toString(QUrl::FullyEncoded);
}

VodTestServer::Response VodTestServer::tempAuthority(const Request &request)
{
    QByteArray verb;
    QString bucket, objectKey, contentType, uploadId;
    QByteArray contentMd5;
    int partNumber = 0;
    for (const auto &[key, value] : request.query()) {
        bool ok = true;
        if (key == "http_verb"_L1) {
            verb = value.toLatin1();
            ok = verb == "PUT" || verb == "POST" || verb == "GET" || verb == "DELETE";
        } else if (key == "bucket"_L1) {
            bucket = value;
        } else if (key == "object_key"_L1) {
            objectKey = value;
        } else if (key == "content_type"_L1) {
            contentType = value;
        } else if (key == "upload_id"_L1) {
            uploadId = value;
            ok = !value.isEmpty();
        } else if (key == "part_number"_L1) {
            partNumber = value.toInt(&ok);
            ok = ok && partNumber >= 1 && partNumber <= 10000;
        } else if (key == "content_md5"_L1) {
            contentMd5 = value.toLatin1();
            ok = QByteArray::fromBase64(contentMd5).size() == 16;
        }
        if (!ok)
            return illegalField(key);
    }
    if (verb.isEmpty())
        return illegalField(u"http_verb"_s);
    if (bucket != m_config.bucket)
        return illegalField(u"bucket"_s);
    const QList<QString> keys = m_objectKeys.values();
    if (!keys.contains(objectKey))
        return illegalField(u"object_key"_s);
    if (partNumber > 0 && (verb != "PUT" || uploadId.isEmpty()))
        return illegalField(u"part_number"_s);
    ++m_counters.authorities;
    return json(200,
                {{u"sign_str"_s,
                  grant(verb, objectKey, contentType, uploadId, partNumber, contentMd5)}});
}

std::optional<VodTestServer::Response> VodTestServer::obsRefusal(const Request &request)
{
    const auto refuse = [&](const QString &code, const QString &message) {
        ++m_counters.obsRefused;
        return obsError(403, code, message, request.requestId);
    };
    QString signature, uploadId;
    int partNumber = 0;
    bool uploads = false;
    for (const auto &[key, value] : request.query()) {
        if (key == "Signature"_L1)
            signature = value;
        else if (key == "uploadId"_L1)
            uploadId = value;
        else if (key == "partNumber"_L1)
            partNumber = value.toInt();
        else if (key == "uploads"_L1)
            uploads = true;
    }
    const auto it = m_grants.find(signature);
    const QString mismatch = u"The request signature we calculated does not match the signature "
                             "you provided. Check your key and signing method."_s;
    if (it == m_grants.end())
        return refuse(u"SignatureDoesNotMatch"_s, mismatch);
    Grant &g = *it;
    if (now() > g.expiresAt)
        return refuse(u"AccessDenied"_s, u"Request has expired"_s);
    if (g.used && m_config.singleUseAuthority)
        return refuse(u"AccessDenied"_s, u"The authorization has already been used"_s);
    const bool same = request.method == g.verb
            && request.path == u"/obs/%1/%2"_s.arg(m_config.bucket, g.objectKey)
            && uploadId == g.uploadId && partNumber == g.partNumber
            && uploads == (g.verb == "POST" && g.uploadId.isEmpty())
            && (g.contentMd5.isEmpty() || request.header("Content-MD5") == g.contentMd5)
            && (g.contentType.isEmpty()
                || QString::fromLatin1(request.header("Content-Type")) == g.contentType);
    if (!same)
        return refuse(u"SignatureDoesNotMatch"_s, mismatch);
    g.used = true;
    return std::nullopt;
}

void VodTestServer::answerObs(QTcpSocket *socket, const Request &request)
{
    m_counters.obsBodyBytes += request.body.size();
    if (std::optional<Response> refusal = obsRefusal(request)) {
        write(socket, request, *refusal);
        return;
    }
    if (QList<RawAnswer> &raw = m_rawAnswers[Route::Obs]; !raw.isEmpty()) {
        const RawAnswer a = raw.takeFirst();
        write(socket, request, {a.status, a.body, a.contentType, {}});
        return;
    }
    const Fault fault = m_obsScript.isEmpty() ? Fault::None : m_obsScript.takeFirst();
    if (fault == Fault::Error500 || fault == Fault::Error502 || fault == Fault::Error503
        || fault == Fault::Error504) {
        write(socket, request,
              fault == Fault::Error500
                      ? obsError(500, u"InternalError"_s,
                                 u"We encountered an internal error. Please try again."_s,
                                 request.requestId)
                      : obsError(503, u"ServiceUnavailable"_s,
                                 u"Service is unable to handle request."_s, request.requestId));
        return;
    }
    if (!appliesEffect(fault)) {
        answer(socket, request, fault, {});
        return;
    }
    answer(socket, request, fault, obs(request));
}

VodTestServer::Response VodTestServer::obs(const Request &request)
{
    QString uploadId;
    int partNumber = 0;
    int marker = 0;
    int maxParts = m_config.maxListParts;
    for (const auto &[key, value] : request.query()) {
        if (key == "uploadId"_L1)
            uploadId = value;
        else if (key == "partNumber"_L1)
            partNumber = value.toInt();
        else if (key == "part-number-marker"_L1)
            marker = value.toInt();
        else if (key == "max-parts"_L1)
            maxParts = std::clamp(value.toInt(), 1, m_config.maxListParts);
    }
    const QString objectKey = request.path.mid(u"/obs/%1/"_s.arg(m_config.bucket).size());
    const QByteArray &id = request.requestId;
    Response r;
    r.contentType = "application/xml";
    QXmlStreamWriter w(&r.body);
    const auto digestProblem = [&]() -> std::optional<Response> {
        if (!request.hasHeader("Content-MD5"))
            return std::nullopt;
        const QByteArray md5 = QByteArray::fromBase64(request.header("Content-MD5"),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (md5.size() != 16)
            return obsError(400, u"InvalidDigest"_s,
                            u"The Content-MD5 you specified was invalid."_s, id);
        if (md5 != QCryptographicHash::hash(request.body, QCryptographicHash::Md5))
            return obsError(400, u"BadDigest"_s,
                            u"The Content-MD5 you specified did not match what we received."_s, id);
        return std::nullopt;
    };

    if (uploadId.isEmpty() && request.method == "PUT") { // PutObject
        if (std::optional<Response> problem = digestProblem())
            return *problem;
        keepObject(objectKey, request.body, request.body.size());
        r.contentType.clear();
        r.headers.append({"ETag", quotedMd5(request.body)});
        return r;
    }
    if (uploadId.isEmpty() && request.method == "POST") { // InitiateMultipartUpload
        const QString newId = QString::fromLatin1(randomHex(16).toUpper());
        m_uploads.insert(newId, {objectKey, {}});
        w.writeStartDocument();
        w.writeStartElement(u"InitiateMultipartUploadResult"_s);
        w.writeTextElement(u"Bucket"_s, m_config.bucket);
        w.writeTextElement(u"Key"_s, objectKey);
        w.writeTextElement(u"UploadId"_s, newId);
        w.writeEndElement();
        w.writeEndDocument();
        return r;
    }
    const auto upload = m_uploads.find(uploadId);
    if (upload == m_uploads.end() || upload->objectKey != objectKey)
        return obsError(404, u"NoSuchUpload"_s, u"The specified multipart upload does not exist."_s,
                        id);
    if (request.method == "PUT") { // UploadPart
        if (partNumber < 1 || partNumber > 10000)
            return obsError(400, u"InvalidArgument"_s,
                            u"Part number must be an integer between 1 and 10000, inclusive."_s,
                            id);
        ++m_counters.partsReceived[uploadId][partNumber];
        if (std::optional<Response> problem = digestProblem())
            return *problem;
        const QByteArray etag = quotedMd5(request.body);
        upload->parts.insert(partNumber,
                             {m_config.keepSizesOnly ? QByteArray() : request.body,
                              request.body.size(), etag, now()});
        r.contentType.clear();
        r.headers.append({"ETag", etag});
        return r;
    }
    if (request.method == "GET") { // ListParts
        const auto first = upload->parts.upperBound(marker);
        w.writeStartDocument();
        w.writeStartElement(u"ListPartsResult"_s);
        w.writeTextElement(u"Bucket"_s, m_config.bucket);
        w.writeTextElement(u"Key"_s, objectKey);
        w.writeTextElement(u"UploadId"_s, uploadId);
        w.writeTextElement(u"PartNumberMarker"_s, QString::number(marker));
        w.writeTextElement(u"MaxParts"_s, QString::number(maxParts));
        int listed = 0;
        int last = marker;
        auto it = first;
        for (; it != upload->parts.cend() && listed < maxParts; ++it, ++listed) {
            w.writeStartElement(u"Part"_s);
            w.writeTextElement(u"PartNumber"_s, QString::number(it.key()));
            w.writeTextElement(u"LastModified"_s, isoTime(it->at));
            w.writeTextElement(u"ETag"_s, QString::fromLatin1(it->etag));
            w.writeTextElement(u"Size"_s, QString::number(it->size));
            w.writeEndElement();
            last = it.key();
        }
        w.writeTextElement(u"NextPartNumberMarker"_s, QString::number(last));
        w.writeTextElement(u"IsTruncated"_s, it != upload->parts.cend() ? u"true"_s : u"false"_s);
        w.writeEndElement();
        w.writeEndDocument();
        return r;
    }
    if (request.method == "DELETE") { // AbortMultipartUpload
        m_uploads.erase(upload);
        r.status = 204;
        r.contentType.clear();
        return r;
    }
    return completeUpload(request, uploadId);
}

void VodTestServer::keepObject(const QString &objectKey, const QByteArray &bytes, qint64 size)
{
    if (!m_config.keepSizesOnly)
        m_objects.insert(objectKey, bytes);
    m_objectSizes.insert(objectKey, size);
    m_counters.objectBytes += size;
}

VodTestServer::Response VodTestServer::completeUpload(const Request &request,
                                                      const QString &uploadId)
{
    const QByteArray &id = request.requestId;
    Upload &upload = m_uploads[uploadId];
    QList<std::pair<int, QByteArray>> listed;
    QXmlStreamReader x(request.body);
    while (!x.atEnd() && !x.hasError()) {
        if (x.readNext() != QXmlStreamReader::StartElement || x.name() != "Part"_L1)
            continue;
        int number = 0;
        QByteArray etag;
        while (x.readNextStartElement()) {
            if (x.name() == "PartNumber"_L1)
                number = x.readElementText().toInt();
            else if (x.name() == "ETag"_L1)
                etag = x.readElementText().toLatin1();
            else
                x.skipCurrentElement();
        }
        listed.append({number, etag});
    }
    if (x.hasError() || listed.isEmpty())
        return obsError(400, u"MalformedXML"_s,
                        u"The XML you provided was not well-formed or did not validate against "
                        "our published schema."_s,
                        id);
    for (qsizetype i = 0; i < listed.size(); ++i) {
        const auto &[number, etag] = listed.at(i);
        if (i > 0 && number <= listed.at(i - 1).first)
            return obsError(400, u"InvalidPartOrder"_s,
                            u"The list of parts was not in ascending order."_s, id);
        const auto part = upload.parts.constFind(number);
        if (part == upload.parts.cend() || unquoted(part->etag) != unquoted(etag))
            return obsError(400, u"InvalidPart"_s,
                            u"One or more of the specified parts could not be found or the "
                            "specified entity tag might not have matched the part's entity "
                            "tag."_s,
                            id);
        if (i + 1 < listed.size() && part->size < m_config.minPartBytes)
            return obsError(400, u"EntityTooSmall"_s,
                            u"Your proposed upload is smaller than the minimum allowed object "
                            "size."_s,
                            id);
    }
    QByteArray object;
    qint64 size = 0;
    QByteArray etags;
    for (const auto &[number, etag] : std::as_const(listed)) {
        object += upload.parts.value(number).data;
        size += upload.parts.value(number).size;
        etags += QByteArray::fromHex(unquoted(etag));
    }
    const QString key = upload.objectKey;
    keepObject(key, object, size);
    m_uploads.remove(uploadId);
    Response r;
    r.contentType = "application/xml";
    QXmlStreamWriter w(&r.body);
    w.writeStartDocument();
    w.writeStartElement(u"CompleteMultipartUploadResult"_s);
    w.writeTextElement(u"Location"_s, url().toString() + u"/obs/"_s + m_config.bucket + u'/' + key);
    w.writeTextElement(u"Bucket"_s, m_config.bucket);
    w.writeTextElement(u"Key"_s, key);
    w.writeTextElement(
            u"ETag"_s,
            u"\"%1-%2\""_s
                    .arg(QString::fromLatin1(
                            QCryptographicHash::hash(etags, QCryptographicHash::Md5).toHex()))
                    .arg(listed.size()));
    w.writeEndElement();
    w.writeEndDocument();
    return r;
}

// ---- writing answers ----

QByteArray VodTestServer::head(const Request &request, const Response &response,
                               qint64 length) const
{
    QByteArray h = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
            + reasonPhrase(response.status) + "\r\n";
    h += "Date: " + QLocale::c().toString(now(), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s).toLatin1()
            + "\r\n";
    h += "X-Request-Id: "
            + (m_config.requestIdHeader.isEmpty() ? request.requestId : m_config.requestIdHeader)
            + "\r\n";
    if (!response.contentType.isEmpty())
        h += "Content-Type: " + response.contentType + "\r\n";
    h += "Content-Length: " + QByteArray::number(length) + "\r\n";
    for (const auto &[name, value] : response.headers)
        h += name + ": " + value + "\r\n";
    h += request.close ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
    h += "\r\n";
    return h;
}

void VodTestServer::noteAnswer(const Request &request, const Response *response, bool complete)
{
    if (request.route == Route::Confirm && !request.assetId.isEmpty()) {
        Counters::Answer &last = m_counters.lastConfirmAnswers[request.assetId];
        last.status = response ? response->status : 0;
        last.errorCode = response
                ? QJsonDocument::fromJson(response->body).object().value(u"error_code"_s).toString()
                : QString();
        if (last.status >= 200 && last.status < 300)
            m_toldDone.insert(request.assetId);
    } else if (request.route == Route::AssetInfo && response && complete
               && response->status == 200) {
        const QJsonArray infos = QJsonDocument::fromJson(response->body)
                                         .object()
                                         .value(u"asset_info_array"_s)
                                         .toArray();
        for (const QJsonValue &info : infos) {
            if (info[u"status"_s].toString() != "CREATING"_L1)
                m_toldDone.insert(info[u"asset_id"_s].toString());
        }
    }
}

void VodTestServer::write(QTcpSocket *socket, const Request &request, const Response &response)
{
    if (!m_connections.contains(socket)) {
        noteAnswer(request, nullptr, false); // the client has gone
        return;
    }
    noteAnswer(request, &response, true);
    socket->write(head(request, response, response.body.size()) + response.body);
    finish(socket, request.close);
}

void VodTestServer::stream(QTcpSocket *socket, const Request &request, const Response &response,
                           QByteArray body, qint64 fillerBytes, QByteArray suffix, bool trickle)
{
    // Sends head, then body + fillerBytes 'x' + suffix: trickleBytes every trickleIntervalMs
    // (Trickle), or as fast as the socket drains (HugeBody) without buffering it all.
    const qint64 length = body.size() + fillerBytes + suffix.size();
    noteAnswer(request, &response, false);
    socket->write(head(request, response, length));
    auto left = std::make_shared<qint64>(length);
    const qint64 chunk = trickle ? std::max(1, m_config.trickleBytes) : StreamChunk;
    auto next = [body, fillerBytes, suffix, length, left](qint64 n) {
        QByteArray out;
        qint64 offset = length - *left;
        while (n > 0 && *left > 0) {
            qint64 take;
            if (offset < body.size()) {
                take = std::min(n, body.size() - offset);
                out += body.mid(offset, take);
            } else if (offset < body.size() + fillerBytes) {
                take = std::min(n, body.size() + fillerBytes - offset);
                out += QByteArray(take, 'x');
            } else {
                const qint64 at = offset - body.size() - fillerBytes;
                take = std::min(n, suffix.size() - at);
                out += suffix.mid(at, take);
            }
            offset += take;
            n -= take;
            *left -= take;
        }
        return out;
    };
    const bool close = request.close;
    if (trickle) {
        auto *timer = new QTimer(socket);
        connect(timer, &QTimer::timeout, socket, [this, socket, timer, next, chunk, left, close] {
            socket->write(next(chunk));
            if (*left == 0) {
                timer->stop();
                timer->deleteLater();
                finish(socket, close);
            }
        });
        timer->start(std::max(1, m_config.trickleIntervalMs));
        return;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    auto pump = [this, socket, next, chunk, left, close, connection] {
        while (*left > 0 && socket->bytesToWrite() < chunk)
            socket->write(next(chunk));
        if (*left == 0 && *connection) {
            disconnect(*connection);
            finish(socket, close);
        }
    };
    *connection = connect(socket, &QTcpSocket::bytesWritten, this, pump);
    pump();
}

void VodTestServer::streamHead(QTcpSocket *socket, const Request &request, const Response &response,
                               qint64 fillerBytes, int lines, int intervalMs)
{
    noteAnswer(request, &response, false);
    const QByteArray full = head(request, response, response.body.size()) + response.body;
    const qsizetype statusEnd = full.indexOf("\r\n") + 2;
    socket->write(full.left(statusEnd));
    const QByteArray rest = full.mid(statusEnd);
    // One header line of about 1 KB: "X-Padding-<n>: xxx...\r\n".
    auto line = [](qint64 n) {
        const QByteArray name = "X-Padding-" + QByteArray::number(n) + ": ";
        return name + QByteArray(1000 - name.size(), 'x') + "\r\n";
    };
    const bool close = request.close;
    if (intervalMs > 0) {
        auto sent = std::make_shared<int>(0);
        auto *timer = new QTimer(socket);
        connect(timer, &QTimer::timeout, socket,
                [this, socket, timer, sent, lines, line, rest, close] {
                    if (*sent < lines) {
                        socket->write(line(++*sent));
                        return;
                    }
                    timer->stop();
                    timer->deleteLater();
                    socket->write(rest);
                    finish(socket, close);
                });
        timer->start(intervalMs);
        return;
    }
    auto left = std::make_shared<qint64>(fillerBytes);
    auto n = std::make_shared<qint64>(0);
    auto connection = std::make_shared<QMetaObject::Connection>();
    auto pump = [this, socket, left, n, line, rest, close, connection] {
        while (*left > 0 && socket->bytesToWrite() < StreamChunk) {
            QByteArray chunk;
            while (*left > 0 && chunk.size() < StreamChunk) {
                const QByteArray l = line(++*n);
                chunk += l;
                *left -= l.size();
            }
            socket->write(chunk);
        }
        if (*left <= 0 && *connection) {
            disconnect(*connection);
            *connection = {};
            socket->write(rest);
            finish(socket, close);
        }
    };
    *connection = connect(socket, &QTcpSocket::bytesWritten, this, pump);
    pump();
}

void VodTestServer::answer(QTcpSocket *socket, const Request &request, Fault fault,
                           const Response &normal)
{
    if (!m_connections.contains(socket)) {
        noteAnswer(request, nullptr, false); // the client has gone; the effect (if any) happened
        return;
    }
    switch (fault) {
    case Fault::None:
        write(socket, request, normal);
        return;
    case Fault::Error500:
    case Fault::Error502:
    case Fault::Error503:
        write(socket, request,
              gatewayError(fault == Fault::Error500           ? 500
                                   : fault == Fault::Error502 ? 502
                                                              : 503,
                           u"APIGW.0201"_s, u"Backend unavailable"_s, request.requestId));
        return;
    case Fault::Error504:
        write(socket, request,
              gatewayError(504, u"APIGW.0201"_s, u"Backend timeout"_s, request.requestId));
        return;
    case Fault::HtmlError502: {
        Response r;
        r.status = 502;
        r.contentType = "text/html";
        r.body = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                 "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
                 "</body>\r\n</html>\r\n";
        write(socket, request, r);
        return;
    }
    case Fault::Throttle: {
        ++m_counters.throttled;
        Response r = gatewayError(
                429, u"APIGW.0308"_s,
                u"The throttling threshold has been reached: policy user over "
                "ratelimit,limit:%1,time:1 minute"_s.arg(m_config.rateLimitPerMinute),
                request.requestId);
        if (m_config.retryAfterSecs > 0)
            r.headers.append({"Retry-After", QByteArray::number(m_config.retryAfterSecs)});
        write(socket, request, r);
        return;
    }
    case Fault::SlowDown:
        write(socket, request,
              obsError(503, u"SlowDown"_s, u"Please reduce your request rate."_s,
                       request.requestId));
        return;
    case Fault::DropMidBody:
    case Fault::DropBeforeEffect:
    case Fault::DropAfterEffect:
        noteAnswer(request, nullptr, false);
        finish(socket, true);
        return;
    case Fault::NeverAnswer:
        noteAnswer(request, nullptr, false);
        if (Connection *c = m_connections.value(socket))
            c->hung = true; // stays busy (in flight) until the client gives up
        return;
    case Fault::Trickle:
        stream(socket, request, normal, normal.body, 0, {}, true);
        return;
    case Fault::HugeBody: {
        const QByteArray prefix = normal.body.left(normal.body.size() - 1) + ",\"padding\":\"";
        const QByteArray suffix = "\"}";
        stream(socket, request, normal, prefix,
               std::max<qint64>(0, m_config.hugeBodyBytes - prefix.size() - suffix.size()), suffix,
               false);
        return;
    }
    case Fault::HugeHeaders:
        streamHead(socket, request, normal, m_config.hugeHeaderBytes, 0, 0);
        return;
    case Fault::SlowHeaders:
        streamHead(socket, request, normal, 0, m_config.slowHeaderLines,
                   std::max(1, m_config.trickleIntervalMs));
        return;
    case Fault::SuccessWithErrorBody:
        write(socket, request,
              vodError(200, u"VOD.10062"_s,
                       u"Media asset or resource does not exist, please check."_s));
        return;
    case Fault::TruncatedJson: {
        Response r = normal;
        r.body.truncate(r.body.size() / 2);
        write(socket, request, r);
        return;
    }
    case Fault::Redirect: {
        Response r;
        r.status = 302;
        r.contentType.clear();
        QByteArray location = m_config.redirectLocation.toUtf8();
        if (location.isEmpty()) {
            location = "http://127.0.0.2:" + QByteArray::number(port()) + request.rawPath
                    + (request.rawQuery.isEmpty() ? QByteArray() : '?' + request.rawQuery);
        }
        r.headers.append({"Location", location});
        write(socket, request, r);
        return;
    }
    }
}

} // namespace VodConfirm::Test
