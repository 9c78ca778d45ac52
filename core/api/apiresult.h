#pragma once

#include "api/errorcatalogue.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace VodConfirm {

// Everything a caller needs to know about one HTTP exchange. Built by fromReply(); never throws.
struct ApiResult
{
    int httpStatus = 0; // 0 when no HTTP answer arrived
    QString errorCode; // as the server sent it, e.g. "VOD.10062"
    QString errorMessage; // as the server sent it, or our plain description
    QString requestId; // X-Request-Id header (or request_id in the body)
    int networkError = 0; // QNetworkReply::NetworkError, 0 = none
    ErrorClass errorClass = ErrorClass::None;
    // An authentication failure while the server's Date differs from our clock by more than
    // ErrorCatalogue::MaxClockSkewSecs.
    bool clockSkew = false;
    bool tokenExpired = false; // 401 saying the IAM token expired: fetch a new one once
    // OBS refused a presigned URL (AccessDenied, SignatureDoesNotMatch: expired, or used for
    // another operation; ErrorClass::Auth): ask VOD for a new authority once (ObsClient).
    bool authorityExpired = false;
    qint64 retryAfterMs = -1; // from Retry-After (at most 5 minutes), -1 when absent
    QDateTime serverDate; // from the Date header, invalid when absent
    QJsonObject json; // parsed body on success

    bool ok() const { return errorClass == ErrorClass::None; }
    bool isRetryable() const { return VodConfirm::isRetryable(errorClass); }
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

} // namespace VodConfirm
