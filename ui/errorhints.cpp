#include "errorhints.h"

#include <QCoreApplication>
#include <QLocale>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace VodConfirm::ErrorHints {

static QString tr(const char *text)
{
    return QCoreApplication::translate("ErrorHints", text);
}

QString hintForCode(const QString &errorCode)
{
    const QString code = errorCode.trimmed().toUpper();
    if (code.isEmpty())
        return {};
    if (code == "VOD.10062"_L1)
        return tr("The asset does not exist in this project/region: check the asset ID and the "
                  "profile's region and project.");
    if (code == "VOD.10061"_L1)
        return tr("The asset is not waiting for an upload confirmation (it may already be "
                  "confirmed, or its upload was never started).");
    if (code == "VOD.10083"_L1 || code == "VOD.10060"_L1)
        return tr("The asset's current state does not allow this operation: check its status in "
                  "the VOD console.");
    if (code == "VOD.10057"_L1)
        return tr("The project ID does not belong to this region, or to this account: check the "
                  "profile's region and project ID.");
    if (code == "VOD.10054"_L1 || code == "VST.10004"_L1)
        return tr("Identity authentication failed: check the profile's credentials.");
    if (code == "VOD.10055"_L1)
        return tr("The account has not completed real-name authentication.");
    if (code == "VOD.10056"_L1)
        return tr("The account is in an abnormal state (for example in arrears or frozen).");
    if (code == "VOD.10053"_L1 || code == "VOD.10081"_L1 || code == "VST.10001"_L1)
        return tr("The server rejected a request parameter: check that the asset ID is correct.");
    if (code == "VOD.10051"_L1 || code == "VOD.10052"_L1 || code == "VST.10002"_L1)
        return tr("A temporary error inside the VOD service: retrying later usually works.");
    if (code == "VOD.10127"_L1 || code == "APIGW.0308"_L1 || code == "APIG.0308"_L1)
        return tr("Too many requests: the service is throttling this account. The app slows down "
                  "and retries automatically.");
    if (code == "APIGW.0301"_L1 || code == "APIG.0301"_L1 || code == "APIGW.0305"_L1)
        return tr("The credentials were refused: wrong Access Key/Secret Key, an expired token or "
                  "security token, or this computer's clock is wrong by more than 15 minutes.");
    if (code == "APIGW.0302"_L1 || code == "APIGW.0306"_L1)
        return tr("This IAM user is not allowed to call the VOD API: ask the account administrator "
                  "for VOD permissions.");
    if (code == "APIGW.0101"_L1)
        return tr("The API was not found at this address: check the endpoint and region.");
    return {};
}

static QString networkHint(int error)
{
    switch (QNetworkReply::NetworkError(error)) {
    case QNetworkReply::NoError:
        return {};
    case QNetworkReply::HostNotFoundError:
        return tr("The server name could not be resolved: check the network connection, the "
                  "region and any custom endpoint.");
    case QNetworkReply::ConnectionRefusedError:
        return tr("The server refused the connection: check the endpoint, proxy and firewall.");
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return tr("The server did not answer in time. The request is retried automatically; if it "
                  "keeps happening, check the network connection.");
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return tr("The connection was interrupted. The request is retried automatically.");
    case QNetworkReply::SslHandshakeFailedError:
        return tr("The server's certificate was not accepted (the message says why). If the "
                  "endpoint's certificate comes from your organisation's own CA, set that CA "
                  "certificate as the profile's CA file; also check the system clock and any "
                  "proxy that intercepts HTTPS.");
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return tr("The proxy server refused the proxy user name or password: check them in the "
                  "profile.");
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownProxyError:
        return tr("The proxy server failed: check the profile's proxy settings.");
    default:
        return tr("A network error stopped the request: check the network connection.");
    }
}

QString hint(const ApiResult &result)
{
    if (result.ok())
        return {};
    if (result.clockSkew)
        return tr("This computer's clock differs from the server's by more than 15 minutes, so "
                  "signed requests are refused: correct the system time.");
    if (QString byCode = hintForCode(result.errorCode); !byCode.isEmpty())
        return byCode;
    if (result.httpStatus == 0 && result.networkError != 0)
        return networkHint(result.networkError);
    if (result.httpStatus == 429)
        return hintForCode(u"APIGW.0308"_s);
    switch (result.errorClass) {
    case ErrorClass::None:
        return {};
    case ErrorClass::Retryable:
        if (result.httpStatus >= 500)
            return tr("The server had a temporary problem. The request is retried automatically.");
        return tr("A temporary failure. The request is retried automatically.");
    case ErrorClass::Auth:
        return hintForCode(u"APIGW.0301"_s);
    case ErrorClass::NotFound:
        return hintForCode(u"VOD.10062"_s);
    case ErrorClass::WrongState:
        return hintForCode(u"VOD.10061"_s);
    case ErrorClass::BadRequest:
        return tr("The server rejected the request as invalid: check the asset ID.");
    case ErrorClass::Unreachable: // always a network error: networkHint() below
    case ErrorClass::Other:
        break;
    }
    if (result.networkError != 0)
        return networkHint(result.networkError);
    return {};
}

QString details(const QString &assetId, const ApiResult &result, const QDateTime &when)
{
    QStringList lines;
    lines << tr("Asset: %1").arg(assetId);
    if (result.httpStatus > 0)
        lines << tr("HTTP status: %1").arg(result.httpStatus);
    if (!result.errorCode.isEmpty())
        lines << tr("Error code: %1").arg(result.errorCode);
    if (!result.errorMessage.isEmpty())
        lines << tr("Message: %1").arg(result.errorMessage);
    if (!result.requestId.isEmpty())
        lines << tr("Request ID: %1").arg(result.requestId);
    if (when.isValid())
        lines << tr("Time: %1").arg(when.toUTC().toString(Qt::ISODate));
    if (const QString h = hint(result); !h.isEmpty())
        lines << tr("Hint: %1").arg(h);
    return lines.join(u'\n');
}

} // namespace VodConfirm::ErrorHints
