#include "apiresult.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace VodConfirm {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VodConfirm::ApiResult)
};
} // namespace

QString ApiResult::summary() const
{
    if (ok())
        return httpStatus ? u"HTTP %1"_s.arg(httpStatus) : QString();
    QString text;
    if (httpStatus)
        text = u"HTTP %1"_s.arg(httpStatus);
    if (!errorCode.isEmpty())
        text += (text.isEmpty() ? u""_s : u" "_s) + errorCode;
    if (!errorMessage.isEmpty())
        text += (text.isEmpty() ? u""_s : u": "_s) + errorMessage;
    if (!requestId.isEmpty())
        text += u" (request %1)"_s.arg(requestId);
    return text;
}

namespace {

QString networkErrorMessage(const ApiResult::Reply &r)
{
    if (r.timedOut)
        return r.requestSent ? Tr::tr("No answer from the server before the timeout.")
                             : Tr::tr("The request could not be sent before the timeout.");
    switch (r.networkError) {
    case QNetworkReply::ConnectionRefusedError:
        return Tr::tr("The server refused the connection: nothing was sent (check the endpoint's "
                      "address and port).");
    case QNetworkReply::RemoteHostClosedError:
        return r.requestSent
                ? Tr::tr("The server closed the connection after the request was sent, "
                         "before answering: it may have taken effect.")
                : Tr::tr("The server closed the connection before the request was "
                         "sent.");
    case QNetworkReply::ContentReSendError:
        return Tr::tr("The connection closed after the request was sent, before any answer: it may "
                      "have taken effect, so it was not sent again blindly.");
    case QNetworkReply::HostNotFoundError:
        return Tr::tr("The endpoint's host name could not be found: nothing was sent (check the "
                      "region or endpoint and the network).");
    case QNetworkReply::UnknownNetworkError:
        if (!r.requestSent)
            return Tr::tr("The server could not be reached: nothing was sent (%1).")
                    .arg(r.networkErrorString);
        break;
    case QNetworkReply::SslHandshakeFailedError:
        if (!r.tlsErrors.isEmpty())
            return Tr::tr("The server's certificate was not accepted: %1.")
                    .arg(r.tlsErrors.join("; "_L1));
        return Tr::tr("The secure (TLS) connection failed: %1").arg(r.networkErrorString);
    case QNetworkReply::ProxyConnectionRefusedError:
        return Tr::tr("The proxy server refused the connection: check the proxy's host name and "
                      "port.");
    case QNetworkReply::ProxyNotFoundError:
        return Tr::tr("The proxy server's host name could not be found: check the proxy settings.");
    case QNetworkReply::ProxyConnectionClosedError:
        return Tr::tr("The proxy server closed the connection unexpectedly.");
    case QNetworkReply::ProxyTimeoutError:
        return Tr::tr("The proxy server did not answer in time.");
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return Tr::tr("The proxy server asks for a user name and password, or refused the ones "
                      "given: check the proxy user name and password.");
    case QNetworkReply::UnknownProxyError:
        return Tr::tr("The proxy server failed: %1").arg(r.networkErrorString);
    case QNetworkReply::OperationCanceledError:
        return Tr::tr("The request was cancelled.");
    default:
        break;
    }
    return r.networkErrorString.isEmpty() ? Tr::tr("Network error.") : r.networkErrorString;
}

// Pulls code and message out of {"error_code","error_msg"}, {"errorCode","errorMsg"},
// {"code","message"} or any of them nested one level (IAM: {"error":{"code","message"}}).
bool extractError(const QJsonObject &o, QString *code, QString *message, int depth = 0)
{
    static const std::pair<QLatin1StringView, QLatin1StringView> keys[] = {
            {"error_code"_L1, "error_msg"_L1},
            {"errorCode"_L1, "errorMsg"_L1},
            {"code"_L1, "message"_L1},
    };
    for (const auto &[codeKey, messageKey] : keys) {
        if (o.contains(codeKey) || o.contains(messageKey)) {
            const QJsonValue c = o.value(codeKey);
            *code = c.isDouble() ? QString::number(c.toInteger()) : c.toString();
            *message = o.value(messageKey).toString();
            return true;
        }
    }
    if (depth > 0)
        return false;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it->isObject() && extractError(it->toObject(), code, message, depth + 1))
            return true;
    }
    return false;
}

QString htmlTitle(const QByteArray &body)
{
    static const QRegularExpression re(u"<title[^>]*>([^<]*)</title>"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    const QString text = QString::fromUtf8(body.left(64 * 1024));
    const QString title = re.match(text).captured(1).simplified();
    if (!title.isEmpty())
        return title;
    static const QRegularExpression h1(u"<h1[^>]*>([^<]*)</h1>"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    return h1.match(text).captured(1).simplified();
}

QDateTime parseHttpDate(const QByteArray &value)
{
    // "Sun, 06 Nov 1994 08:49:37 GMT"
    QDateTime d = QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    if (!d.isValid())
        d = QLocale::c().toDateTime(QString::fromLatin1(value.trimmed()),
                                    u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    if (d.isValid())
        d.setTimeZone(QTimeZone::utc());
    return d;
}

qint64 parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return -1;
    bool isNumber = false;
    const double seconds = v.toDouble(&isNumber);
    // A server may ask for any wait; more than five minutes is taken as five minutes.
    constexpr qint64 MaxMs = 300 * 1000;
    if (isNumber)
        return seconds >= 0 ? qint64(std::min(seconds * 1000, double(MaxMs))) : -1; // NaN: -1
    const QDateTime when = parseHttpDate(v);
    if (!when.isValid())
        return -1;
    return std::clamp<qint64>(now.msecsTo(when), 0, MaxMs);
}

} // namespace

ApiResult ApiResult::fromReply(const Reply &r)
{
    ApiResult result;
    result.httpStatus = r.httpStatus;
    result.networkError = r.networkError;
    result.requestId = QString::fromLatin1(r.requestId.trimmed());
    const QDateTime now = r.localTime.isValid() ? r.localTime : QDateTime::currentDateTimeUtc();
    result.retryAfterMs = parseRetryAfter(r.retryAfter, now);

    // A 407 is the proxy's answer, not the server's (plain-http requests through an HTTP proxy).
    if (r.httpStatus == 0 || r.networkError == QNetworkReply::ProxyAuthenticationRequiredError) {
        const ErrorEntry *entry = ErrorCatalogue::forNetworkError(r.networkError);
        result.errorClass = entry ? entry->errorClass : ErrorClass::Other;
        // Our own timeout; and a failure after the request went out may have reached the server.
        if (r.timedOut || (result.errorClass == ErrorClass::Unreachable && r.requestSent))
            result.errorClass = ErrorClass::Transient;
        result.errorMessage = networkErrorMessage(r);
        return result;
    }

    // Parse the body whatever the status: errors carry their details in it, and a success must
    // be the expected JSON.
    const QByteArray body = r.body.trimmed();
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const bool isJson = parseError.error == QJsonParseError::NoError && doc.isObject();
    const bool isHtml = r.contentType.contains("html") || body.startsWith('<');
    QString bodyProblem;
    if (r.bodyTruncated)
        bodyProblem
                = Tr::tr("The answer was too large and was cut off (HTTP %1).").arg(r.httpStatus);
    else if (isJson)
        result.json = doc.object();
    else if (body.isEmpty())
        bodyProblem = Tr::tr("The server sent an empty answer (HTTP %1).").arg(r.httpStatus);
    else if (isHtml) {
        const QString title = htmlTitle(body);
        bodyProblem = title.isEmpty()
                ? Tr::tr("The server sent a web page instead of an API answer (HTTP %1).")
                          .arg(r.httpStatus)
                : Tr::tr("The server sent a web page instead of an API answer (HTTP %1): %2")
                          .arg(r.httpStatus)
                          .arg(title);
    } else if (body.startsWith('{') || body.startsWith('[')) {
        bodyProblem = Tr::tr("The server's answer is not complete JSON (HTTP %1): %2 at byte %3.")
                              .arg(r.httpStatus)
                              .arg(parseError.errorString())
                              .arg(parseError.offset);
    } else {
        bodyProblem = Tr::tr("The server's answer is not JSON (HTTP %1).").arg(r.httpStatus);
    }

    if (result.requestId.isEmpty())
        result.requestId = result.json.value("request_id"_L1).toString();

    if (isJson)
        extractError(result.json, &result.errorCode, &result.errorMessage);

    if (r.httpStatus >= 200 && r.httpStatus < 300) {
        // A success says so: the expected JSON. Anything else (an error object, a web page,
        // nothing) does not tell whether the request took effect.
        if (isJson && result.errorCode.isEmpty() && result.errorMessage.isEmpty()
            && (r.expectedKey.isEmpty()
                || result.json.contains(QLatin1StringView(r.expectedKey)))) {
            result.errorClass = ErrorClass::None;
            return result;
        }
        QString what = bodyProblem;
        if (what.isEmpty() && (!result.errorCode.isEmpty() || !result.errorMessage.isEmpty()))
            what = Tr::tr("The server answered HTTP %1, but with an error: %2")
                           .arg(r.httpStatus)
                           .arg(result.errorMessage.isEmpty() ? result.errorCode
                                                              : result.errorMessage);
        if (what.isEmpty())
            what = Tr::tr("The server answered HTTP %1 without \"%2\" in its answer.")
                           .arg(r.httpStatus)
                           .arg(QString::fromLatin1(r.expectedKey));
        result.errorMessage = Tr::tr("%1 Whether the request took effect is not known.").arg(what);
        result.errorClass = ErrorClass::Transient;
        return result;
    }

    if (result.errorMessage.isEmpty() && r.httpStatus >= 300 && r.httpStatus < 400)
        result.errorMessage = Tr::tr("The server redirected the request to %1; redirects are not "
                                     "followed, so that credentials never go to another address.")
                                      .arg(QString::fromLatin1(r.location));
    if (result.errorMessage.isEmpty())
        result.errorMessage = bodyProblem.isEmpty()
                ? Tr::tr("The server answered HTTP %1 without an error message.").arg(r.httpStatus)
                : bodyProblem;

    const ErrorEntry *entry = ErrorCatalogue::forCode(result.errorCode, r.httpStatus);
    if (!entry)
        entry = ErrorCatalogue::forStatus(r.httpStatus);
    result.errorClass = entry ? entry->errorClass : ErrorClass::Other;

    // Date parsing is slow; only an authentication failure needs the server's clock.
    if (result.errorClass == ErrorClass::Auth) {
        result.serverDate = parseHttpDate(r.date);
        const QString m = result.errorMessage;
        result.tokenExpired = m.contains("token expires"_L1, Qt::CaseInsensitive)
                || m.contains("token expired"_L1, Qt::CaseInsensitive)
                || m.contains("token must be updated"_L1, Qt::CaseInsensitive);
        result.clockSkew = ErrorCatalogue::isClockSkewed(result.serverDate, now);
    }
    return result;
}

} // namespace VodConfirm
