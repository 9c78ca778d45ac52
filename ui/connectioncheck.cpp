#include "connectioncheck.h"

#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace VodConfirm {

QString ConnectionCheck::probeAssetId()
{
    return u"0000000000000000000000000000c4ec"_s;
}

ConnectionCheck::ConnectionCheck(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent), m_nam(nam)
{ }

ConnectionCheck::~ConnectionCheck()
{
    cancel();
}

void ConnectionCheck::start(const VodClient::Config &config)
{
    cancel();
    m_context = new QObject(this);
    m_client = new VodClient(m_nam, config, m_context);
    const QString problem = m_client->configProblem();
    if (!problem.isEmpty()) {
        cancel();
        // Queued so that callers see the same order of events as for a real check.
        QMetaObject::invokeMethod(
                this, [this, problem] { emit finished(false, problem); }, Qt::QueuedConnection);
        return;
    }
    VodClient *client = m_client;
    m_client->showAssetMeta(
            {probeAssetId()}, m_context,
            [this, client, config](const ApiResult &result, const QList<VodClient::AssetInfo> &) {
                if (client != m_client)
                    return; // cancelled, or superseded by a newer check
                const bool ok = isSuccess(result);
                const QString message = describe(result, config);
                // The client may still be on the stack: delete it later.
                m_context->deleteLater();
                m_context = nullptr;
                m_client = nullptr;
                emit finished(ok, message);
            });
}

void ConnectionCheck::cancel()
{
    if (!m_context)
        return;
    // Deleting the context drops the pending callback and aborts the client's reply.
    m_context->deleteLater();
    m_context = nullptr;
    m_client = nullptr;
}

bool ConnectionCheck::isSuccess(const ApiResult &result)
{
    // An unknown asset id still proves that the signature, project and endpoint were accepted.
    return result.ok() || result.errorClass == ErrorClass::NotFound;
}

static QString hostOf(const VodClient::Config &config)
{
    return config.endpoint.host().isEmpty() ? config.endpoint.toString() : config.endpoint.host();
}

QString ConnectionCheck::plainReason(const ApiResult &r, const VodClient::Config &config)
{
    const QString code = r.errorCode.toUpper();
    const AuthMode mode = config.credentials.mode;

    if (r.clockSkew) {
        const QString server = r.serverDate.isValid() ? r.serverDate.toUTC().toString(Qt::ISODate)
                                                      : tr("unknown");
        return tr("This computer's clock is more than 15 minutes away from the server's time "
                  "(server time %1 UTC, this computer %2 UTC), so the signature is refused. "
                  "Set the system clock (turn on automatic time) and check again.")
                .arg(server, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    }

    switch (r.networkError) {
    case QNetworkReply::NoError:
        break;
    case QNetworkReply::ConnectionRefusedError:
        return tr("The endpoint %1 is unreachable: the connection was refused. Check the "
                  "endpoint URL and port, and that nothing blocks the connection.")
                .arg(hostOf(config));
    case QNetworkReply::HostNotFoundError:
        return tr("The endpoint %1 is unreachable: the host name was not found. Check the "
                  "region or custom endpoint and your network connection (DNS).")
                .arg(hostOf(config));
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return tr("The endpoint %1 did not answer in time. Check your network connection, "
                  "proxy and firewall.")
                .arg(hostOf(config));
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return tr("The connection to %1 was interrupted. Check your network connection and "
                  "try again.")
                .arg(hostOf(config));
    case QNetworkReply::SslHandshakeFailedError:
        return tr("A secure (TLS) connection to %1 could not be established: the server's "
                  "certificate or the TLS handshake was rejected (the details say why). If the "
                  "endpoint's certificate comes from your organisation's own CA, choose that CA "
                  "certificate as the CA file. Also check the endpoint, the system date and any "
                  "proxy that intercepts HTTPS.")
                .arg(hostOf(config));
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return tr("The proxy server refused the connection to %1: it asks for a user name and "
                  "password, or refused the ones given. Check the proxy user name and password.")
                .arg(hostOf(config));
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownProxyError:
        return tr("The proxy server refused or failed the connection to %1. Check the proxy "
                  "settings.")
                .arg(hostOf(config));
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
        return tr("The endpoint %1 redirected the request elsewhere; credentials are not sent "
                  "to another address. Check the endpoint URL.")
                .arg(hostOf(config));
    default:
        if (r.httpStatus == 0)
            return tr("The endpoint %1 could not be reached (network error %2).")
                    .arg(hostOf(config))
                    .arg(r.networkError);
        break;
    }

    if (code == "VOD.10057"_L1)
        return tr("The project ID %1 does not belong to this account in region %2. Use the "
                  "project ID listed for this region under My Credentials → Projects.")
                .arg(config.projectId,
                     config.regionId.isEmpty() ? hostOf(config) : config.regionId);
    if (code.endsWith(".0301"_L1) || code.endsWith(".0305"_L1) || r.httpStatus == 401) {
        if (r.tokenExpired || r.errorMessage.contains("token expires"_L1, Qt::CaseInsensitive))
            return tr("The IAM token has expired. Get a new token and enter it again.");
        switch (mode) {
        case AuthMode::AkSk:
            if (!config.credentials.securityToken.isEmpty())
                return tr("The access key, secret key or security token was rejected: the "
                          "temporary credentials are wrong or have expired.");
            return tr("The access key (AK) or secret key (SK) is wrong: the server rejected "
                      "the signature. Check both keys (My Credentials → Access Keys).");
        case AuthMode::Token:
            return tr("The IAM token was rejected: it is wrong, expired or for another "
                      "project.");
        case AuthMode::Password:
            return tr("The IAM user name, password or account name is wrong, or the user may "
                      "not sign in with a password.");
        }
    }
    if (code == "APIGW.0302"_L1 || code == "APIGW.0306"_L1 || code == "VOD.10054"_L1
        || code == "VST.10004"_L1)
        return tr("The credentials were accepted, but this user is not allowed to use the VOD "
                  "API. Ask the account administrator for VOD permissions.");
    if (code == "APIGW.0101"_L1 || r.httpStatus == 404)
        return tr("The endpoint %1 answered, but it does not serve the VOD API. Check the "
                  "region or custom endpoint.")
                .arg(hostOf(config));
    if (r.errorClass == ErrorClass::Retryable)
        return tr("The service is busy or temporarily unavailable. Try again in a minute.");
    return tr("The check failed.");
}

QString ConnectionCheck::describe(const ApiResult &result, const VodClient::Config &config)
{
    if (isSuccess(result))
        return tr("Connection works: %1 accepted the credentials and "
                  "project ID.")
                .arg(hostOf(config));
    QString message = plainReason(result, config);
    if (!result.errorCode.isEmpty() || (result.httpStatus != 0 && !result.errorMessage.isEmpty()))
        message += u"\n"_s + tr("Server answer: %1").arg(result.summary());
    else if (result.httpStatus == 0 && !result.errorMessage.isEmpty())
        message += u"\n"_s + tr("Details: %1").arg(result.errorMessage);
    return message;
}

} // namespace VodConfirm
