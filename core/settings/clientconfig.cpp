#include "clientconfig.h"

namespace VodConfirm {

VodClient::Config clientConfig(const Profile &profile, const Credentials &credentials,
                               int timeoutSeconds)
{
    VodClient::Config config;
    config.endpoint = profile.vodEndpoint();
    config.iamEndpoint = profile.iamEndpoint();
    config.regionId = profile.regionId;
    config.projectId = profile.projectId.trimmed();
    config.credentials = credentials;
    config.credentials.mode = profile.authMode;
    config.timeoutMs = timeoutSeconds * 1000;
    config.caFile = profile.caFile;
    switch (profile.proxyMode) {
    case ProxyMode::System:
        config.proxy = QNetworkProxy(QNetworkProxy::DefaultProxy);
        break;
    case ProxyMode::None:
        config.proxy = QNetworkProxy(QNetworkProxy::NoProxy);
        break;
    case ProxyMode::Manual: {
        const QString user = profile.proxyUserName.trimmed();
        config.proxy
                = QNetworkProxy(profile.proxyType == ProxyType::Socks5 ? QNetworkProxy::Socks5Proxy
                                                                       : QNetworkProxy::HttpProxy,
                                profile.proxyHost.trimmed(), quint16(profile.proxyPort), user,
                                user.isEmpty() ? QString() : credentials.proxyPassword);
        break;
    }
    }
    return config;
}

} // namespace VodConfirm
