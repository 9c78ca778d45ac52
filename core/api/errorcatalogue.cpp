#include "errorcatalogue.h"

#include "api/apiresult.h"

#include <QNetworkReply>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace VodConfirm {

namespace {

using C = ErrorClass;
using M = ErrorEntry::Match;

// A server error code, whatever HTTP status it came with.
constexpr ErrorEntry code(QLatin1StringView code, ErrorClass c, const char *hint, const char *next)
{
    return {M::Code, code, 0, 0, 0, c, hint, next};
}

// A server error code that means different things with different statuses (APIGW.0201).
constexpr ErrorEntry codeWithStatus(QLatin1StringView code, int from, int to, ErrorClass c,
                                    const char *hint, const char *next)
{
    return {M::Code, code, from, to, 0, c, hint, next};
}

constexpr ErrorEntry status(int from, int to, ErrorClass c, const char *hint, const char *next)
{
    return {M::Status, {}, from, to, 0, c, hint, next};
}

constexpr ErrorEntry network(int error, ErrorClass c, const char *hint, const char *next)
{
    return {M::Network, {}, 0, 0, error, c, hint, next};
}

// Shared wording: several codes mean the same to a user. Translators see each text once.
// (QT_TRANSLATE_NOOP is spelled out everywhere: lupdate does not expand macros of our own.)
const char *const BadParameter
        = QT_TRANSLATE_NOOP("ErrorCatalogue", "The server rejected a request parameter.");
const char *const CheckAssetId
        = QT_TRANSLATE_NOOP("ErrorCatalogue", "Check that the asset ID is correct.");
const char *const ServiceError
        = QT_TRANSLATE_NOOP("ErrorCatalogue", "A temporary error inside the VOD service.");
const char *const TryAgain = QT_TRANSLATE_NOOP(
        "ErrorCatalogue", "Wait a moment and try again; a batch retries it automatically.");
const char *const IdentityFailed
        = QT_TRANSLATE_NOOP("ErrorCatalogue", "Identity authentication failed.");
const char *const CheckCredentials
        = QT_TRANSLATE_NOOP("ErrorCatalogue", "Check the profile's credentials.");
const char *const Throttled = QT_TRANSLATE_NOOP(
        "ErrorCatalogue", "Too many requests: the service is throttling this account.");
const char *const SlowDown = QT_TRANSLATE_NOOP(
        "ErrorCatalogue",
        "Wait a moment and try again; a batch slows down and retries automatically.");
const char *const CredentialsRefused = QT_TRANSLATE_NOOP(
        "ErrorCatalogue",
        "The credentials were refused: a wrong Access Key/Secret Key, an expired token or "
        "security token, or this computer's clock is wrong by more than 15 minutes.");
const char *const CheckKeysAndClock = QT_TRANSLATE_NOOP(
        "ErrorCatalogue",
        "Check the profile's credentials and the system clock. Five failed signatures in a "
        "row lock an access key for five minutes.");
const char *const NotAllowed
        = QT_TRANSLATE_NOOP("ErrorCatalogue", "This IAM user is not allowed to call the VOD API.");
const char *const AskForPermission
        = QT_TRANSLATE_NOOP("ErrorCatalogue",
                            "Ask the account administrator for VOD permissions "
                            "(vod:asset:upload).");
const char *const CheckInConsole
        = QT_TRANSLATE_NOOP("ErrorCatalogue", "Check the asset's status in the VOD console.");
const char *const NotVodApi = QT_TRANSLATE_NOOP(
        "ErrorCatalogue", "The address answered, but it does not serve the VOD API.");
const char *const CheckEndpoint = QT_TRANSLATE_NOOP(
        "ErrorCatalogue", "Check the profile's region and any custom endpoint.");
const char *const AuthorityRefused = QT_TRANSLATE_NOOP(
        "ErrorCatalogue",
        "The storage service refused the upload authorisation: it expired, or it was for "
        "another operation.");
const char *const AskAuthorityAgain = QT_TRANSLATE_NOOP(
        "ErrorCatalogue",
        "The upload asks VOD for a new authorisation; if this repeats, check the computer's "
        "clock and the account's VOD permissions.");
const char *const PartDamaged = QT_TRANSLATE_NOOP(
        "ErrorCatalogue",
        "A part of the file did not arrive as it was sent (its MD5 checksum did not match).");
const char *const ReadPartAgain = QT_TRANSLATE_NOOP(
        "ErrorCatalogue",
        "The part is read from the file again and sent again; if this repeats, check the disk "
        "and the network (a proxy that changes data).");
const char *const StorageError
        = QT_TRANSLATE_NOOP("ErrorCatalogue", "A temporary error inside the storage service.");
const char *const PartsRefused = QT_TRANSLATE_NOOP(
        "ErrorCatalogue",
        "The storage service refused the list of parts to join (missing, reordered or changed "
        "parts).");
const char *const UploadAgain
        = QT_TRANSLATE_NOOP("ErrorCatalogue", "Upload the file again from the beginning.");
const char *const GatewayMisconfigured
        = QT_TRANSLATE_NOOP("ErrorCatalogue", "The API gateway has no working route to VOD here.");
const char *const TooLarge
        = QT_TRANSLATE_NOOP("ErrorCatalogue", "The request was too large for the server.");
const char *const ReportIt
        = QT_TRANSLATE_NOOP("ErrorCatalogue",
                            "This should not happen with VOD Confirm: check any proxy that "
                            "changes requests, and report it.");
const char *const Interrupted
        = QT_TRANSLATE_NOOP("ErrorCatalogue", "The connection was interrupted.");
const char *const ProxyFailed
        = QT_TRANSLATE_NOOP("ErrorCatalogue", "The proxy server refused or failed the connection.");
const char *const CheckProxy
        = QT_TRANSLATE_NOOP("ErrorCatalogue", "Check the profile's proxy settings.");
const char *const NoAnswerInTime
        = QT_TRANSLATE_NOOP("ErrorCatalogue", "The server did not answer in time.");
const char *const CheckNetworkRetry
        = QT_TRANSLATE_NOOP("ErrorCatalogue",
                            "A batch retries it automatically; if it keeps "
                            "happening, check the network connection.");

// The catalogue. The codes are those of vod-api.md section 4 (VOD's own and the API gateway's);
// tst_errorcatalogue checks each against that table. A code first matches a row with its
// status, then one for any status; an answer without a catalogued code matches by status.
const ErrorEntry Rows[] = {
        // VOD (vod-api.md 4.1)
        code("VOD.10053"_L1, C::BadRequest, BadParameter, CheckAssetId),
        code("VOD.10081"_L1, C::BadRequest, BadParameter, CheckAssetId),
        code("VST.10001"_L1, C::BadRequest, BadParameter, CheckAssetId),
        code("VST.10002"_L1, C::Transient, ServiceError, TryAgain),
        code("VST.10004"_L1, C::Auth, IdentityFailed, CheckCredentials),
        code("VOD.10083"_L1, C::WrongState,
             QT_TRANSLATE_NOOP("ErrorCatalogue",
                               "The asset's current state does not allow this operation."),
             CheckInConsole),
        code("VOD.10051"_L1, C::Transient, ServiceError, TryAgain),
        code("VOD.10052"_L1, C::Transient, ServiceError, TryAgain),
        code("VOD.10054"_L1, C::Auth, IdentityFailed, CheckCredentials),
        code("VOD.10055"_L1, C::Auth,
             QT_TRANSLATE_NOOP("ErrorCatalogue",
                               "The account has not completed real-name authentication."),
             QT_TRANSLATE_NOOP("ErrorCatalogue",
                               "Complete real-name authentication in the Huawei Cloud console.")),
        code("VOD.10056"_L1, C::Auth,
             QT_TRANSLATE_NOOP(
                     "ErrorCatalogue",
                     "The account is in an abnormal state (for example in arrears or frozen)."),
             QT_TRANSLATE_NOOP(
                     "ErrorCatalogue",
                     "Check the account's status and balance in the Huawei Cloud console.")),
        code("VOD.10057"_L1, C::Auth,
             QT_TRANSLATE_NOOP(
                     "ErrorCatalogue",
                     "The project ID does not belong to this region, or to this account."),
             QT_TRANSLATE_NOOP("ErrorCatalogue",
                               "Each region has its own project ID: check the profile's region and "
                               "project ID "
                               "(My Credentials → Projects).")),
        code("VOD.10058"_L1, C::BadRequest,
             QT_TRANSLATE_NOOP("ErrorCatalogue", "The server refused the request method."),
             ReportIt),
        code("VOD.10059"_L1, C::BadRequest,
             QT_TRANSLATE_NOOP("ErrorCatalogue", "The server refused the request's content type."),
             ReportIt),
        code("VOD.10060"_L1, C::WrongState,
             QT_TRANSLATE_NOOP("ErrorCatalogue",
                               "The asset was not downloaded successfully, or is not released."),
             CheckInConsole),
        code("VOD.10061"_L1, C::WrongState,
             QT_TRANSLATE_NOOP(
                     "ErrorCatalogue",
                     "The asset is not waiting for an upload confirmation (it may already be "
                     "confirmed, or its upload was never started)."),
             CheckInConsole),
        code("VOD.10062"_L1, C::NotFound,
             QT_TRANSLATE_NOOP("ErrorCatalogue",
                               "The asset does not exist in this project/region."),
             QT_TRANSLATE_NOOP(
                     "ErrorCatalogue",
                     "Double-check the asset ID, and the profile's region and project ID.")),
        code("VOD.10127"_L1, C::Throttled, Throttled, SlowDown),

        // API gateway (vod-api.md 4.2); some deployments say APIG. instead of APIGW.
        code("APIGW.0101"_L1, C::Other, NotVodApi, CheckEndpoint),
        code("APIGW.0103"_L1, C::Other, GatewayMisconfigured, CheckEndpoint),
        code("APIGW.0104"_L1, C::BadRequest, GatewayMisconfigured, CheckEndpoint),
        code("APIGW.0105"_L1, C::BadRequest, GatewayMisconfigured, CheckEndpoint),
        code("APIGW.0106"_L1, C::BadRequest, GatewayMisconfigured, CheckEndpoint),
        codeWithStatus(
                "APIGW.0201"_L1, 500, 599, C::Transient,
                QT_TRANSLATE_NOOP("ErrorCatalogue",
                                  "The API gateway could not reach the VOD service in time."),
                TryAgain),
        codeWithStatus("APIGW.0201"_L1, 413, 494, C::BadRequest, TooLarge, ReportIt),
        code("APIGW.0201"_L1, C::BadRequest,
             QT_TRANSLATE_NOOP("ErrorCatalogue", "The API gateway rejected the request."),
             CheckAssetId),
        code("APIGW.0301"_L1, C::Auth, CredentialsRefused, CheckKeysAndClock),
        code("APIG.0301"_L1, C::Auth, CredentialsRefused, CheckKeysAndClock),
        code("APIGW.0302"_L1, C::Auth, NotAllowed, AskForPermission),
        code("APIGW.0303"_L1, C::Auth, CredentialsRefused, CheckKeysAndClock),
        code("APIGW.0305"_L1, C::Auth, CredentialsRefused, CheckKeysAndClock),
        code("APIGW.0306"_L1, C::Auth, NotAllowed, AskForPermission),
        code("APIGW.0308"_L1, C::Throttled, Throttled, SlowDown),
        code("APIG.0308"_L1, C::Throttled, Throttled, SlowDown),

        // OBS, the storage behind VOD's upload URLs (XML Error codes). A presigned URL refused
        // is ApiResult::authorityExpired: the upload asks VOD for a new one once.
        code("AccessDenied"_L1, C::Auth, AuthorityRefused, AskAuthorityAgain),
        code("SignatureDoesNotMatch"_L1, C::Auth, AuthorityRefused, AskAuthorityAgain),
        code("BadDigest"_L1, C::BadRequest, PartDamaged, ReadPartAgain),
        code("InvalidDigest"_L1, C::BadRequest, PartDamaged, ReadPartAgain),
        code("SlowDown"_L1, C::Throttled, Throttled, SlowDown),
        code("InternalError"_L1, C::Transient, StorageError, TryAgain),
        code("ServiceUnavailable"_L1, C::Transient, StorageError, TryAgain),
        code("NoSuchUpload"_L1, C::NotFound,
             QT_TRANSLATE_NOOP("ErrorCatalogue",
                               "The multipart upload no longer exists on the storage service "
                               "(completed, aborted or expired)."),
             UploadAgain),
        code("InvalidPart"_L1, C::BadRequest, PartsRefused, UploadAgain),
        code("InvalidPartOrder"_L1, C::BadRequest, PartsRefused, UploadAgain),
        code("EntityTooSmall"_L1, C::BadRequest,
             QT_TRANSLATE_NOOP("ErrorCatalogue",
                               "A part other than the last is smaller than the storage service "
                               "allows (100 KB)."),
             QT_TRANSLATE_NOOP("ErrorCatalogue", "Choose a larger part size and upload again.")),

        // HTTP statuses, for answers without a catalogued code.
        status(400, 400, C::BadRequest,
               QT_TRANSLATE_NOOP("ErrorCatalogue", "The server rejected the request as invalid."),
               CheckAssetId),
        status(401, 401, C::Auth, CredentialsRefused, CheckKeysAndClock),
        status(404, 404, C::Other, NotVodApi, CheckEndpoint),
        status(408, 408, C::Transient, NoAnswerInTime, CheckNetworkRetry),
        status(413, 414, C::BadRequest, TooLarge, ReportIt),
        status(494, 494, C::BadRequest, TooLarge, ReportIt),
        status(429, 429, C::Throttled, Throttled, SlowDown),
        status(500, 599, C::Transient,
               QT_TRANSLATE_NOOP("ErrorCatalogue", "The server had a temporary problem."),
               TryAgain),

        // Network errors: no HTTP answer.
        network(QNetworkReply::ConnectionRefusedError, C::Unreachable,
                QT_TRANSLATE_NOOP("ErrorCatalogue",
                                  "The endpoint is unreachable: the connection was refused, so "
                                  "nothing was sent."),
                QT_TRANSLATE_NOOP(
                        "ErrorCatalogue",
                        "Check the endpoint's address and port, the proxy and the firewall.")),
        network(QNetworkReply::HostNotFoundError, C::Unreachable,
                QT_TRANSLATE_NOOP(
                        "ErrorCatalogue",
                        "The endpoint is unreachable: its host name was not found, so nothing was "
                        "sent."),
                QT_TRANSLATE_NOOP(
                        "ErrorCatalogue",
                        "Check the network connection (DNS), the region and any custom endpoint.")),
        // Unreachable only while nothing was sent (ApiResult::fromReply()).
        network(QNetworkReply::UnknownNetworkError, C::Unreachable,
                QT_TRANSLATE_NOOP("ErrorCatalogue",
                                  "The network failed (for example, it is unreachable)."),
                QT_TRANSLATE_NOOP("ErrorCatalogue", "Check the network connection.")),
        network(QNetworkReply::TimeoutError, C::Transient, NoAnswerInTime, CheckNetworkRetry),
        // Also a timeout of our own (Reply::timedOut), which fromReply() classes as transient.
        network(QNetworkReply::OperationCanceledError, C::Other,
                QT_TRANSLATE_NOOP(
                        "ErrorCatalogue",
                        "The request was cancelled, or the server did not answer in time."),
                CheckNetworkRetry),
        network(QNetworkReply::RemoteHostClosedError, C::Transient, Interrupted, TryAgain),
        network(QNetworkReply::TemporaryNetworkFailureError, C::Transient, Interrupted, TryAgain),
        network(QNetworkReply::NetworkSessionFailedError, C::Transient, Interrupted, TryAgain),
        network(QNetworkReply::ContentReSendError, C::Transient,
                QT_TRANSLATE_NOOP("ErrorCatalogue",
                                  "The connection closed after the request was sent, before any "
                                  "answer: it may "
                                  "have taken effect."),
                QT_TRANSLATE_NOOP(
                        "ErrorCatalogue",
                        "A batch reads the asset's state before it sends the request again.")),
        network(QNetworkReply::SslHandshakeFailedError, C::Other,
                QT_TRANSLATE_NOOP("ErrorCatalogue",
                                  "A secure (TLS) connection could not be established: the "
                                  "server's certificate "
                                  "or the TLS handshake was not accepted."),
                QT_TRANSLATE_NOOP(
                        "ErrorCatalogue",
                        "If the endpoint's certificate comes from your organisation's own CA, set "
                        "that CA certificate as the profile's CA file (--ca-file on the command "
                        "line); also check the system clock and any proxy that intercepts HTTPS.")),
        network(QNetworkReply::ProxyAuthenticationRequiredError, C::Other,
                QT_TRANSLATE_NOOP(
                        "ErrorCatalogue",
                        "The proxy server asks for a user name and password, or refused the ones "
                        "given."),
                QT_TRANSLATE_NOOP("ErrorCatalogue",
                                  "Check the proxy user name and password in the profile.")),
        network(QNetworkReply::ProxyConnectionRefusedError, C::Other, ProxyFailed, CheckProxy),
        network(QNetworkReply::ProxyNotFoundError, C::Other, ProxyFailed, CheckProxy),
        network(QNetworkReply::UnknownProxyError, C::Other, ProxyFailed, CheckProxy),
        network(QNetworkReply::ProxyConnectionClosedError, C::Transient, ProxyFailed, CheckProxy),
        network(QNetworkReply::ProxyTimeoutError, C::Transient, ProxyFailed, CheckProxy),
        network(QNetworkReply::TooManyRedirectsError, C::Other,
                QT_TRANSLATE_NOOP("ErrorCatalogue",
                                  "The endpoint redirected the request elsewhere; credentials are "
                                  "never sent to "
                                  "another address."),
                QT_TRANSLATE_NOOP("ErrorCatalogue", "Check the endpoint URL.")),
        network(QNetworkReply::InsecureRedirectError, C::Other,
                QT_TRANSLATE_NOOP("ErrorCatalogue",
                                  "The endpoint redirected the request elsewhere; credentials are "
                                  "never sent to "
                                  "another address."),
                QT_TRANSLATE_NOOP("ErrorCatalogue", "Check the endpoint URL.")),
        network(ErrorEntry::AnyNetworkError, C::Other,
                QT_TRANSLATE_NOOP("ErrorCatalogue", "A network error stopped the request."),
                QT_TRANSLATE_NOOP("ErrorCatalogue", "Check the network connection.")),

        // The clock rule (vod-api.md 1.1): X-Sdk-Date must be within 15 minutes of server time.
        {M::ClockSkew,
         {},
         0,
         0,
         0,
         C::Auth,
         QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "This computer's clock is more than 15 minutes away from the server's time, so "
                 "signed requests are refused."),
         QT_TRANSLATE_NOOP("ErrorCatalogue",
                           "Set the system clock right (turn on automatic time), then try again.")},
};

bool statusMatches(const ErrorEntry &e, int httpStatus)
{
    return e.statusFrom == 0 || (httpStatus >= e.statusFrom && httpStatus <= e.statusTo);
}

} // namespace

QString ErrorEntry::hint() const
{
    return QCoreApplication::translate("ErrorCatalogue", hintSource);
}

QString ErrorEntry::nextStep() const
{
    return QCoreApplication::translate("ErrorCatalogue", nextStepSource);
}

QString ErrorEntry::advice() const
{
    // Two sentences; the pattern is translated, as Chinese puts no space between them.
    return ErrorCatalogue::tr("%1 %2", "what an error means, then what to do")
            .arg(hint(), nextStep());
}

std::span<const ErrorEntry> ErrorCatalogue::entries()
{
    return Rows;
}

const ErrorEntry *ErrorCatalogue::forCode(QStringView code, int httpStatus)
{
    const QStringView trimmed = code.trimmed();
    if (trimmed.isEmpty())
        return nullptr;
    // Rows for a code come most specific first: with a status range, then for any status.
    for (const ErrorEntry &e : Rows) {
        if (e.match == M::Code && statusMatches(e, httpStatus)
            && trimmed.compare(e.code, Qt::CaseInsensitive) == 0)
            return &e;
    }
    return nullptr;
}

const ErrorEntry *ErrorCatalogue::forStatus(int httpStatus)
{
    for (const ErrorEntry &e : Rows) {
        if (e.match == M::Status && httpStatus >= e.statusFrom && httpStatus <= e.statusTo)
            return &e;
    }
    return nullptr;
}

const ErrorEntry *ErrorCatalogue::forNetworkError(int networkError)
{
    if (networkError == QNetworkReply::NoError)
        return nullptr;
    const ErrorEntry *any = nullptr;
    for (const ErrorEntry &e : Rows) {
        if (e.match != M::Network)
            continue;
        if (e.networkError == networkError)
            return &e;
        if (e.networkError == ErrorEntry::AnyNetworkError)
            any = &e;
    }
    return any;
}

const ErrorEntry &ErrorCatalogue::clockSkew()
{
    static const ErrorEntry *const entry
            = std::find_if(std::begin(Rows), std::end(Rows),
                           [](const ErrorEntry &e) { return e.match == M::ClockSkew; });
    Q_ASSERT(entry != std::end(Rows));
    return *entry;
}

bool ErrorCatalogue::isClockSkewed(const QDateTime &serverDate, const QDateTime &localTime)
{
    return serverDate.isValid() && localTime.isValid()
            && std::abs(serverDate.secsTo(localTime)) > MaxClockSkewSecs;
}

const ErrorEntry *ErrorCatalogue::forResult(const ApiResult &r)
{
    if (r.ok())
        return nullptr;
    if (r.clockSkew)
        return &clockSkew();
    if (const ErrorEntry *e = forCode(r.errorCode, r.httpStatus))
        return e;
    // A 407 from a proxy comes with a network error too: the network error says more.
    if (r.networkError != QNetworkReply::NoError)
        return forNetworkError(r.networkError);
    return forStatus(r.httpStatus);
}

QString ErrorCatalogue::hint(const ApiResult &result)
{
    const ErrorEntry *e = forResult(result);
    return e ? e->hint() : QString();
}

QString ErrorCatalogue::advice(const ApiResult &result)
{
    const ErrorEntry *e = forResult(result);
    return e ? e->advice() : QString();
}

QString ErrorCatalogue::authAdvice(const ApiResult &r, AuthMode mode, bool temporaryCredentials)
{
    if (r.clockSkew) {
        const qint64 minutes = std::abs(r.serverDate.secsTo(QDateTime::currentDateTimeUtc())) / 60;
        return tr("%1 It is about %2 minutes off (server time %3 UTC). %4")
                .arg(clockSkew().hint())
                .arg(minutes)
                .arg(r.serverDate.toUTC().toString(Qt::ISODate), clockSkew().nextStep());
    }
    // Codes that name the problem whatever the sign-in method (project, permission, account);
    // a plain refusal of the credentials is explained for the sign-in method below.
    const ErrorEntry *e = forCode(r.errorCode, r.httpStatus);
    const bool refused = e ? e->hintSource == CredentialsRefused || e->hintSource == IdentityFailed
                           : r.httpStatus != 403;
    if (e && !refused)
        return e->advice();
    if (!refused) // a 403 without a catalogued code: the credentials were accepted
        return tr("The credentials were accepted, but this user may not confirm uploads. %1")
                .arg(QCoreApplication::translate("ErrorCatalogue", AskForPermission));
    switch (mode) {
    case AuthMode::AkSk:
        if (temporaryCredentials)
            return tr("The access key, secret key or security token was rejected: the temporary "
                      "credentials are wrong or have expired.");
        return tr("The access key (AK) or secret key (SK) is wrong: the server rejected the "
                  "signature. Check both keys (My Credentials → Access Keys); five failed "
                  "signatures in a row lock the AK for five minutes.");
    case AuthMode::Token:
        return r.tokenExpired ? tr("The IAM token has expired. Get a new token.")
                              : tr("The IAM token was rejected: check that it is complete and "
                                   "was issued for this region's project.");
    case AuthMode::Password:
        return tr("The IAM user name, password or account name is wrong, or the user may not "
                  "sign in with a password.");
    }
    return {};
}

QString authFailureAdvice(const ApiResult &result, AuthMode mode)
{
    return ErrorCatalogue::tr("%1 (%2)").arg(ErrorCatalogue::authAdvice(result, mode),
                                             result.summary());
}

} // namespace VodConfirm
