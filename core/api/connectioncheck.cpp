#include "connectioncheck.h"

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
    if (r.errorClass == ErrorClass::Auth) {
        // Name what was checked: this project id in this region.
        if (r.errorCode.compare("VOD.10057"_L1, Qt::CaseInsensitive) == 0 && !r.clockSkew)
            return tr("The project ID %1 does not belong to this account in region %2. %3")
                    .arg(config.projectId,
                         config.regionId.isEmpty() ? hostOf(config) : config.regionId,
                         ErrorCatalogue::forCode(r.errorCode, r.httpStatus)->nextStep());
        return ErrorCatalogue::authAdvice(r, config.credentials.mode,
                                          !config.credentials.securityToken.isEmpty());
    }
    if (const ErrorEntry *entry = ErrorCatalogue::forResult(r))
        return tr("%1: %2").arg(hostOf(config), entry->advice());
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
