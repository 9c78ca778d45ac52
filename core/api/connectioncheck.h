#pragma once

#include "api/apiresult.h"
#include "api/vodclient.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace VodConfirm {

// "Check connection": one read-only ShowAssetMeta call for a dummy, well-formed asset id through
// a VodClient built from the given configuration. Nothing is changed on the server; the answer
// is turned into one plain sentence (wrong AK/SK, wrong project for the region, clock skew,
// unreachable endpoint, TLS problem ...). One check at a time; start() cancels a running one.
class ConnectionCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionCheck)
public:
    // The asset id asked for: 32 hex digits, which no real asset has.
    static QString probeAssetId();

    explicit ConnectionCheck(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~ConnectionCheck() override;

    // Starts the check; finished() follows, also when the configuration itself is unusable.
    void start(const VodClient::Config &config);
    void cancel(); // no finished() for the check that was running
    bool isRunning() const { return m_client != nullptr; }

    // Whether a ShowAssetMeta answer proves the credentials, project and endpoint work.
    static bool isSuccess(const ApiResult &result);
    // The plain-words explanation for a failed check; for success a confirmation sentence.
    // The server's own code, message and request id are appended when there are any.
    static QString describe(const ApiResult &result, const VodClient::Config &config);

signals:
    void finished(bool ok, const QString &message);

private:
    static QString plainReason(const ApiResult &result, const VodClient::Config &config);

    QNetworkAccessManager *m_nam;
    VodClient *m_client = nullptr;
    QObject *m_context = nullptr; // the callback's context; deleting it drops a stale answer
};

} // namespace VodConfirm
