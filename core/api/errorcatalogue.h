#pragma once

#include "api/credentials.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLatin1StringView>
#include <QString>

#include <span>

namespace VodConfirm {

struct ApiResult;

// What kind of failure a reply is; decides retry and stop policy (isRetryable()).
enum class ErrorClass {
    None, // success: a 2xx whose body is the expected JSON object (Reply::expectedKey)
    // The server throttled the request (429, APIGW.0308, VOD.10127): slow down, then retry.
    Throttled,
    // 408, 5xx, timeouts, resets, internal errors; also a 2xx whose body is not the expected
    // answer (an error object, HTML, empty, other JSON) and a request Qt could not send again
    // after its connection closed unanswered (ContentReSendError): whether those took effect is
    // unknown, and the caller must find out (ConfirmEngine reads the asset's state).
    Transient,
    // The connection could not be opened (refused, unknown host, unreachable network): nothing
    // was sent, and every request to this endpoint would fail the same way.
    Unreachable,
    Auth, // 401 APIGW.0301, expired token, clock skew, identity failures: never retried
    NotFound, // VOD.10062
    WrongState, // the asset's state does not allow the operation (VOD.10061, VOD.10083 ...)
    BadRequest, // 4xx parameter errors
    Other, // anything else: TLS, proxy, redirects, a path the gateway does not serve ...
};

// Whether a failure of this class may succeed when the same request is sent again later.
constexpr bool isRetryable(ErrorClass c)
{
    return c == ErrorClass::Throttled || c == ErrorClass::Transient;
}

// One row of the error catalogue: what an answer (a server error code, an HTTP status, a network
// error, or the clock rule) means, and what the user can do about it.
struct ErrorEntry
{
    enum class Match {
        Code, // errorCode (compared case-insensitively), with a status in [statusFrom, statusTo]
        Status, // no catalogued code: an HTTP status in [statusFrom, statusTo]
        Network, // no HTTP answer: QNetworkReply::NetworkError networkError (AnyNetworkError)
        ClockSkew, // an authentication failure while the clocks differ by more than the limit
    };
    static constexpr int AnyNetworkError = -1;

    Match match;
    QLatin1StringView code;
    int statusFrom; // Match::Code: 0 = any status
    int statusTo;
    int networkError;
    ErrorClass errorClass;
    const char *hintSource; // QT_TRANSLATE_NOOP("ErrorCatalogue", ...): use hint()
    const char *nextStepSource; // QT_TRANSLATE_NOOP("ErrorCatalogue", ...): use nextStep()

    bool retryable() const { return isRetryable(errorClass); }
    QString hint() const; // translated: what the failure most likely means, one short sentence
    QString nextStep() const; // translated: what to do about it
    QString advice() const; // hint() and nextStep() as one text
};

// The one place that knows what errors mean: ApiResult::fromReply() classifies by it, the GUI's
// hints, the connection check and the command line explain by it. Adding an error code is one
// row in errorcatalogue.cpp.
class ErrorCatalogue
{
    Q_DECLARE_TR_FUNCTIONS(ErrorCatalogue)
public:
    // Signed requests are refused when the clocks differ by more than this (vod-api.md 1.1).
    static constexpr qint64 MaxClockSkewSecs = 15 * 60;

    static std::span<const ErrorEntry> entries();

    // The row for a server error code (case-insensitive) that came with this HTTP status;
    // nullptr when the code is not catalogued.
    static const ErrorEntry *forCode(QStringView code, int httpStatus);
    // The row for an HTTP status without a catalogued code; nullptr when nothing is known.
    static const ErrorEntry *forStatus(int httpStatus);
    // The row for a network error (no HTTP answer); nullptr for NoError.
    static const ErrorEntry *forNetworkError(int networkError);
    static const ErrorEntry &clockSkew();
    // Whether the server's clock (from its Date header) is too far from ours for signing.
    static bool isClockSkewed(const QDateTime &serverDate, const QDateTime &localTime);

    // The row that explains a failed result: the clock rule, then its code, its network error,
    // its HTTP status. nullptr for a success, or when nothing useful can be said.
    static const ErrorEntry *forResult(const ApiResult &result);
    static QString hint(const ApiResult &result); // forResult()'s hint(), or empty
    static QString advice(const ApiResult &result); // forResult()'s advice(), or empty

    // For an authentication failure: translated sentences that say which credential to fix for
    // the way the profile signs in (AK/SK, token, IAM password), the project id, or the clock.
    static QString authAdvice(const ApiResult &result, AuthMode mode,
                              bool temporaryCredentials = false);
};

// authAdvice() for a batch that stopped on it, with the server's answer (ApiResult::summary()).
QString authFailureAdvice(const ApiResult &result, AuthMode mode);

} // namespace VodConfirm
