#pragma once

#include "api/credentials.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace VodConfirm {

// What kind of failure a reply is; decides retry and stop policy.
enum class ErrorClass {
    None, // success: a 2xx whose body is the expected JSON object (Reply::expectedKey)
    // 429, 5xx, timeouts, resets, throttling codes; also a 2xx whose body is not the expected
    // answer (an error object, HTML, empty, other JSON) and a request Qt could not send again
    // after its connection closed unanswered (ContentReSendError): whether those took effect is
    // unknown, and the caller must find out (ConfirmEngine reads the asset's state).
    Retryable,
    // The connection could not be opened (refused, unknown host, unreachable network): nothing
    // was sent, and every request to this endpoint would fail the same way.
    Unreachable,
    Auth, // 401 APIGW.0301, expired token, clock skew, identity failures: never retried
    NotFound, // VOD.10062
    WrongState, // the asset's state does not allow the operation (VOD.10061, VOD.10083 ...)
    BadRequest, // 4xx parameter errors
    Other,
};

// Everything a caller needs to know about one HTTP exchange. Built by fromReply(); never throws.
struct ApiResult
{
    int httpStatus = 0; // 0 when no HTTP answer arrived
    QString errorCode; // as the server sent it, e.g. "VOD.10062"
    QString errorMessage; // as the server sent it, or our plain description
    QString requestId; // X-Request-Id header (or request_id in the body)
    int networkError = 0; // QNetworkReply::NetworkError, 0 = none
    ErrorClass errorClass = ErrorClass::None;
    bool clockSkew = false; // server Date differs from ours by more than 15 minutes
    bool tokenExpired = false; // 401 saying the IAM token expired: fetch a new one once
    qint64 retryAfterMs = -1; // from Retry-After (at most 5 minutes), -1 when absent
    QDateTime serverDate; // from the Date header, invalid when absent
    QJsonObject json; // parsed body on success

    bool ok() const { return errorClass == ErrorClass::None; }
    bool isRetryable() const { return errorClass == ErrorClass::Retryable; }
    // One line for logs and terminals: "HTTP 403 VOD.10062: Media asset ... (request 1234)".
    QString summary() const;

    struct Reply
    {
        int httpStatus = 0;
        QByteArray body;
        bool bodyTruncated = false; // the body exceeded the size cap and was cut
        QByteArray contentType;
        QByteArray requestId; // X-Request-Id
        QByteArray retryAfter; // Retry-After
        QByteArray date; // Date (RFC 7231)
        QByteArray location; // Location, for redirects (never followed)
        // A 2xx is a success only when its body is a JSON object holding this key (and no error
        // code); empty: any JSON object without an error code.
        QByteArray expectedKey;
        int networkError = 0; // QNetworkReply::NetworkError
        QString networkErrorString;
        QStringList tlsErrors; // QSslError::errorString() of each certificate problem
        bool timedOut = false;
        // The whole request was written to a connection (QNetworkReply::requestSent): a failure
        // after that leaves the outcome unknown; before it, nothing reached the server.
        bool requestSent = false;
        QDateTime localTime; // when the reply arrived, for the skew check
    };
    // Maps any reply (JSON flat or nested, HTML, empty, truncated, network failure) to a result.
    static ApiResult fromReply(const Reply &reply);
};

// For an authentication failure: one translated sentence that says which credential to fix
// (AK/SK, token, IAM password, project id, or the computer's clock).
QString authFailureAdvice(const ApiResult &result, AuthMode mode);

} // namespace VodConfirm
