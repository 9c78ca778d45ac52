#include "obsclient.h"

#include "api/errorcatalogue.h"
#include "api/sendoncebody.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace VodConfirm {

namespace {

constexpr char UserAgent[] = "vodconfirm/" VODCONFIRM_VERSION;
constexpr int MaxXmlDepth = 8;
constexpr qsizetype MaxXmlText = 4096; // characters in one element
constexpr int MaxXmlElements = 5 * ObsClient::MaxPartsPerList + 64;
constexpr qsizetype MaxShownChars = 512; // of a server's error message

// Reads an XML answer whose root element is `root`, calling `element` at the end of each
// element (its name, its parent's name, and its text when it holds no elements). Returns a
// translated problem, or an empty string when the whole document was read and `element` never
// said no (returning false after setting *problem itself).
using ElementFn = std::function<bool(QStringView name, QStringView parent, const QString &text,
                                     QString *problem)>;
QString readXml(const QByteArray &body, QStringView root, const ElementFn &element)
{
    QXmlStreamReader x(body);
    QStringList path;
    QList<QString> texts;
    QList<bool> leaves;
    int elements = 0;
    QString problem;
    while (!x.atEnd()) {
        switch (x.readNext()) {
        case QXmlStreamReader::DTD:
            return ObsClient::tr("it declares a document type");
        case QXmlStreamReader::StartElement:
            if (path.isEmpty() && x.name() != root)
                return ObsClient::tr("it is a %1 document, not %2")
                        .arg(x.name().left(64).toString(), root.toString());
            if (++elements > MaxXmlElements)
                return ObsClient::tr("it holds more than %L1 elements").arg(MaxXmlElements);
            if (path.size() >= MaxXmlDepth)
                return ObsClient::tr("its elements are nested too deep");
            if (!leaves.isEmpty())
                leaves.last() = false;
            path.append(x.name().toString());
            texts.append(QString());
            leaves.append(true);
            break;
        case QXmlStreamReader::Characters:
            if (!texts.isEmpty()) {
                texts.last() += x.text();
                if (texts.last().size() > MaxXmlText)
                    return ObsClient::tr("an element holds more than %L1 characters")
                            .arg(MaxXmlText);
            }
            break;
        case QXmlStreamReader::EndElement: {
            const QString name = path.takeLast();
            const QString text = texts.takeLast();
            const bool leaf = leaves.takeLast();
            const QString parent = path.isEmpty() ? QString() : path.last();
            if (!element(name, parent, leaf ? text.trimmed() : QString(), &problem))
                return problem;
            break;
        }
        default:
            break;
        }
    }
    if (x.hasError())
        return ObsClient::tr("it is not complete XML (%1 at byte %L2)")
                .arg(x.errorString())
                .arg(x.characterOffset());
    if (elements == 0)
        return ObsClient::tr("it is empty");
    return {};
}

// An ETag as OBS sends it ("hex", quotes optional), without the quotes; empty when it has not
// the form of one.
QByteArray plainEtag(QByteArrayView raw)
{
    QByteArrayView e = raw.trimmed();
    if (e.size() >= 2 && e.startsWith('"') && e.endsWith('"'))
        e = e.sliced(1, e.size() - 2);
    const bool valid = !e.isEmpty() && e.size() <= ObsClient::MaxEtagChars
            && std::all_of(e.begin(), e.end(), [](char c) {
                   return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                           || c == '-' || c == '_';
               });
    return valid ? e.toByteArray() : QByteArray();
}

bool isUploadId(const QString &id)
{
    return !id.isEmpty() && id.size() <= ObsClient::MaxUploadIdChars
            && std::all_of(id.cbegin(), id.cend(), [](QChar c) {
                   return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z')
                           || (c >= u'A' && c <= u'Z') || c == u'-' || c == u'_' || c == u'.'
                           || c == u'~';
               });
}

QString shown(QString text)
{
    text.truncate(MaxShownChars);
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control)
            c = u' ';
    }
    return text.simplified();
}

// A 2xx whose body cannot be used: whether it took effect is not known.
ApiResult unusable(ApiResult result, const QString &problem)
{
    result.errorClass = ErrorClass::Transient;
    result.errorMessage = ObsClient::tr("The storage service's answer cannot be used (HTTP %1): "
                                        "%2.")
                                  .arg(result.httpStatus)
                                  .arg(problem);
    return result;
}

// An OBS error answer (any status; a 200 whose body is an Error, as complete may send).
ApiResult failure(const ApiResult::Reply &r)
{
    ApiResult result;
    result.httpStatus = r.httpStatus;
    result.requestId = shown(QString::fromLatin1(r.requestId));
    QString problem = readXml(
            r.body, u"Error",
            [&](QStringView name, QStringView parent, const QString &text, QString *) {
                if (parent == u"Error" && name == u"Code")
                    result.errorCode = shown(text).left(64);
                else if (parent == u"Error" && name == u"Message")
                    result.errorMessage = shown(text);
                else if (parent == u"Error" && name == u"RequestId" && result.requestId.isEmpty())
                    result.requestId = shown(text).left(64);
                return true;
            });
    if (r.bodyTruncated)
        problem = ObsClient::tr("it was too large and was cut off");
    if (result.errorMessage.isEmpty()) {
        result.errorMessage = problem.isEmpty()
                ? ObsClient::tr("The storage service answered HTTP %1 without a message.")
                          .arg(r.httpStatus)
                : ObsClient::tr("The storage service answered HTTP %1, and its answer cannot be "
                                "read: %2.")
                          .arg(r.httpStatus)
                          .arg(problem);
    }
    const ErrorEntry *entry = ErrorCatalogue::forCode(result.errorCode, r.httpStatus);
    if (!entry && r.httpStatus >= 300)
        entry = ErrorCatalogue::forStatus(r.httpStatus);
    result.errorClass = entry    ? entry->errorClass
            : r.httpStatus < 300 ? ErrorClass::Transient
                                 : ErrorClass::Other;
    result.authorityExpired = result.errorCode.compare("AccessDenied"_L1, Qt::CaseInsensitive) == 0
            || result.errorCode.compare("SignatureDoesNotMatch"_L1, Qt::CaseInsensitive) == 0;
    return result;
}

} // namespace

struct ObsClient::Exchange
{
    QByteArray method;
    QUrl url;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QPointer<QObject> context;
    // result: a failure, or ok() for a 2xx whose body the caller still has to check.
    std::function<void(const ApiResult &result, const ApiResult::Reply &reply,
                       const QByteArray &etag)>
            done;
};

ObsClient::ObsClient(QNetworkAccessManager *nam, const QSslConfiguration &tls, Config config,
                     QObject *parent)
    : QObject(parent), m_config(config), m_nam(nam), m_tls(tls)
{ }

ObsClient::~ObsClient() = default;

QString ObsClient::urlProblem(const QUrl &url)
{
    const QString scheme = url.scheme();
    if (!url.isValid() || (scheme != "https"_L1 && scheme != "http"_L1) || url.host().isEmpty())
        return tr("The upload address from VOD is not a web address.");
    if (!url.userInfo().isEmpty())
        return tr("The upload address from VOD holds a user name or password.");
    if (url.toEncoded().size() > MaxUrlChars)
        return tr("The upload address from VOD is longer than %L1 characters.").arg(MaxUrlChars);
    const QHostAddress address(url.host());
    const bool loopback = url.host() == "localhost"_L1 || address.isLoopback();
    if (scheme == "http"_L1 && !loopback)
        return tr("The upload address from VOD does not use HTTPS.");
    return {};
}

void ObsClient::putObject(const QUrl &signedUrl, const QByteArray &data,
                          const QByteArray &contentType, const QByteArray &contentMd5,
                          QObject *context, EtagCallback done)
{
    QList<std::pair<QByteArray, QByteArray>> headers {{"Content-Type", contentType}};
    if (!contentMd5.isEmpty())
        headers.append({"Content-MD5", contentMd5});
    start({"PUT", signedUrl, data, headers, context,
           [done = std::move(done)](const ApiResult &result, const ApiResult::Reply &,
                                    const QByteArray &etag) {
               if (!result.ok())
                   return done(result, {});
               const QByteArray plain = plainEtag(etag);
               if (plain.isEmpty())
                   return done(unusable(result, tr("it has no valid ETag header")), {});
               done(result, plain);
           }});
}

void ObsClient::uploadPart(const QUrl &signedUrl, const QByteArray &data,
                           const QByteArray &contentMd5, QObject *context, EtagCallback done)
{
    putObject(signedUrl, data, "application/octet-stream", contentMd5, context, std::move(done));
}

void ObsClient::initiate(const QUrl &signedUrl, const QByteArray &contentType, QObject *context,
                         UploadIdCallback done)
{
    start({"POST",
           signedUrl,
           {},
           {{"Content-Type", contentType}},
           context,
           [done = std::move(done)](const ApiResult &result, const ApiResult::Reply &reply,
                                    const QByteArray &) {
               if (!result.ok())
                   return done(result, {});
               QString uploadId;
               QString problem = readXml(
                       reply.body, u"InitiateMultipartUploadResult",
                       [&](QStringView name, QStringView parent, const QString &text, QString *) {
                           if (parent == u"InitiateMultipartUploadResult" && name == u"UploadId")
                               uploadId = text;
                           return true;
                       });
               if (problem.isEmpty() && !isUploadId(uploadId))
                   problem = tr("it has no valid UploadId");
               if (!problem.isEmpty())
                   return done(unusable(result, problem), {});
               done(result, uploadId);
           }});
}

void ObsClient::listParts(const QUrl &signedUrl, QObject *context, PartsCallback done)
{
    listPage(signedUrl, 0, {}, context, std::move(done));
}

void ObsClient::listPage(const QUrl &signedUrl, int marker, QList<Part> parts, QObject *context,
                         PartsCallback done)
{
    QUrl url = signedUrl;
    if (marker > 0)
        url.setQuery(url.query(QUrl::FullyEncoded) + u"&part-number-marker="_s
                             + QString::number(marker),
                     QUrl::StrictMode);
    QPointer<QObject> guard(context);
    start({"GET",
           url,
           {},
           {},
           context,
           [this, signedUrl, parts = std::move(parts), guard,
            done = std::move(done)](const ApiResult &result, const ApiResult::Reply &reply,
                                    const QByteArray &) mutable {
               if (!result.ok())
                   return done(result, {});
               Part part;
               int onPage = 0;
               QString truncated;
               int next = -1;
               const int before = int(parts.size());
               QString problem = readXml(
                       reply.body, u"ListPartsResult",
                       [&](QStringView name, QStringView parent, const QString &text,
                           QString *problem) {
                           bool ok = true;
                           if (parent == u"Part" && name == u"PartNumber") {
                               part.number = text.toInt(&ok);
                               ok = ok && part.number >= 1 && part.number <= MaxPartNumber;
                           } else if (parent == u"Part" && name == u"ETag") {
                               part.etag = plainEtag(text.toLatin1());
                               ok = !part.etag.isEmpty();
                           } else if (parent == u"Part" && name == u"Size") {
                               part.size = text.toLongLong(&ok);
                               ok = ok && part.size >= 0 && part.size <= MaxPartBytes;
                           } else if (parent == u"ListPartsResult" && name == u"Part") {
                               const int last = parts.isEmpty() ? 0 : parts.last().number;
                               if (part.number <= last || part.etag.isEmpty() || part.size < 0) {
                                   *problem = tr("part %L1 of the list is incomplete, repeated "
                                                 "or out of order")
                                                      .arg(onPage + 1);
                                   return false;
                               }
                               if (++onPage > MaxPartsPerList) {
                                   *problem = tr("it lists more than %L1 parts")
                                                      .arg(MaxPartsPerList);
                                   return false;
                               }
                               parts.append(part);
                               part = Part();
                           } else if (parent == u"ListPartsResult" && name == u"IsTruncated") {
                               truncated = text;
                           } else if (parent == u"ListPartsResult"
                                      && name == u"NextPartNumberMarker") {
                               next = text.toInt(&ok);
                           }
                           if (!ok)
                               *problem = tr("its %1 is not valid").arg(name.toString());
                           return ok;
                       });
               if (problem.isEmpty() && truncated != "true"_L1 && truncated != "false"_L1)
                   problem = tr("it does not say whether the list is complete");
               const bool more = truncated == "true"_L1;
               // A truncated page must move on: at least one part, and a marker at its end.
               if (problem.isEmpty() && more
                   && (parts.size() == before || next != parts.last().number
                       || next >= MaxPartNumber))
                   problem = tr("it is cut short without a usable NextPartNumberMarker");
               if (!problem.isEmpty())
                   return done(unusable(result, problem), {});
               if (!more)
                   return done(result, parts);
               if (guard)
                   listPage(signedUrl, next, std::move(parts), guard, std::move(done));
           }});
}

void ObsClient::complete(const QUrl &signedUrl, const QList<Part> &parts, QObject *context,
                         ResultCallback done)
{
    QByteArray body;
    QXmlStreamWriter w(&body);
    w.writeStartElement(u"CompleteMultipartUpload"_s);
    for (const Part &p : parts) {
        w.writeStartElement(u"Part"_s);
        w.writeTextElement(u"PartNumber"_s, QString::number(p.number));
        w.writeTextElement(u"ETag"_s, u"\"%1\""_s.arg(QString::fromLatin1(p.etag)));
        w.writeEndElement();
    }
    w.writeEndElement();
    start({"POST",
           signedUrl,
           body,
           {{"Content-Type", "application/xml"}},
           context,
           [done = std::move(done)](const ApiResult &result, const ApiResult::Reply &reply,
                                    const QByteArray &) {
               if (!result.ok())
                   return done(result);
               // Like S3, OBS may answer 200 and report a failure in the body.
               if (reply.body.trimmed().contains("<Error>"))
                   return done(failure(reply));
               const QString problem = readXml(
                       reply.body, u"CompleteMultipartUploadResult",
                       [](QStringView, QStringView, const QString &, QString *) { return true; });
               done(problem.isEmpty() ? result : unusable(result, problem));
           }});
}

void ObsClient::abort(const QUrl &signedUrl, QObject *context, ResultCallback done)
{
    start({"DELETE",
           signedUrl,
           {},
           {},
           context,
           [done = std::move(done)](const ApiResult &result, const ApiResult::Reply &,
                                    const QByteArray &) { done(result); }});
}

void ObsClient::start(Exchange ex)
{
    if (const QString problem = urlProblem(ex.url); !problem.isEmpty()) {
        ApiResult result;
        result.errorClass = ErrorClass::Other;
        result.errorMessage = problem;
        QTimer::singleShot(0, this, [ex = std::move(ex), result] {
            if (ex.context)
                ex.done(result, {}, {});
        });
        return;
    }
    QNetworkRequest nr(ex.url);
    nr.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    nr.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                    QNetworkRequest::ManualRedirectPolicy);
    nr.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    nr.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    nr.setSslConfiguration(m_tls);
    nr.setRawHeader("User-Agent", UserAgent);
    for (const auto &[name, value] : ex.headers)
        nr.setRawHeader(name, value);

    QNetworkReply *reply = sendAtMostOnce(m_nam, nr, ex.method, ex.body);
    // A request whose context is gone stops at once (an upload paused or cancelled): nobody
    // waits for its answer, and its body would only take bandwidth from the others.
    if (ex.context)
        connect(ex.context.data(), &QObject::destroyed, reply, &QNetworkReply::abort);

    struct State
    {
        QByteArray body;
        bool truncated = false;
        bool timedOut = false;
        bool requestSent = false;
        qint64 sent = 0;
        QStringList tlsErrors;
    };
    auto state = std::make_shared<State>();
    auto *idle = new QTimer(reply);
    idle->setSingleShot(true);
    connect(idle, &QTimer::timeout, reply, [reply, state] {
        state->timedOut = true;
        reply->abort();
    });
    idle->start(m_config.idleTimeoutMs);
    const qint64 cap = m_config.maxAnswerBytes;
    connect(reply, &QNetworkReply::readyRead, reply, [reply, state, cap, idle] {
        idle->start();
        if (state->truncated || !reply->isOpen())
            return;
        state->body += reply->read(cap + 1 - state->body.size());
        if (state->body.size() > cap) {
            state->body.truncate(cap);
            state->truncated = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::uploadProgress, this, [this, state, idle](qint64 sent, qint64) {
        idle->start();
        if (sent > state->sent) {
            const qint64 delta = sent - state->sent;
            state->sent = sent;
            emit bytesSent(delta);
        }
    });
    connect(reply, &QNetworkReply::sslErrors, reply, [state](const QList<QSslError> &errors) {
        for (const QSslError &e : errors) {
            if (!state->tlsErrors.contains(e.errorString()))
                state->tlsErrors.append(e.errorString());
        }
    });
    connect(reply, &QNetworkReply::requestSent, reply, [state] { state->requestSent = true; });
    connect(reply, &QNetworkReply::finished, this, [reply, state, cap, ex = std::move(ex)] {
        reply->deleteLater();
        if (reply->isOpen() && !state->truncated) {
            state->body += reply->read(cap + 1 - state->body.size());
            if (state->body.size() > cap) {
                state->body.truncate(cap);
                state->truncated = true;
            }
        }
        ApiResult::Reply r;
        r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = std::move(state->body);
        r.bodyTruncated = state->truncated;
        r.contentType = reply->rawHeader("Content-Type");
        r.requestId = reply->rawHeader("x-obs-request-id");
        if (r.requestId.isEmpty())
            r.requestId = reply->rawHeader("X-Request-Id");
        r.date = reply->rawHeader("Date");
        r.location = reply->rawHeader("Location");
        r.timedOut = state->timedOut;
        r.requestSent = state->requestSent;
        if (reply->error() != QNetworkReply::NoError && !state->truncated) {
            r.networkError = reply->error();
            r.networkErrorString = reply->errorString();
            r.tlsErrors = state->tlsErrors;
        }
        r.localTime = QDateTime::currentDateTimeUtc();
        ApiResult result;
        if (r.httpStatus == 0 || r.networkError == QNetworkReply::ProxyAuthenticationRequiredError)
            result = ApiResult::fromReply(r);
        else if (r.httpStatus < 200 || r.httpStatus >= 300)
            result = failure(r);
        else if (r.bodyTruncated)
            result = unusable(failure(r), tr("it was too large and was cut off"));
        else {
            result.httpStatus = r.httpStatus;
            result.requestId = shown(QString::fromLatin1(r.requestId)).left(64);
        }
        if (ex.context)
            ex.done(result, r, reply->rawHeader("ETag"));
    });
}

} // namespace VodConfirm
