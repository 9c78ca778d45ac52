#include "cli/application.h"

#include <QCoreApplication>
#include <QNetworkProxyFactory>

namespace VodConfirm {

void setUpApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("vodconfirm"));
    QCoreApplication::setApplicationName(QStringLiteral("vodconfirm"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VODCONFIRM_VERSION));
    // Profiles in the System proxy mode (the default, and the command line without a profile)
    // use the system's proxy: Qt 6.4 on Debian asks libproxy, which reads https_proxy,
    // HTTPS_PROXY, no_proxy and NO_PROXY (or the desktop's settings). Qt never proxies
    // localhost and 127.0.0.1 in this mode. Debian's Qt is built to do this by default; this
    // line makes it so with any Qt build.
    QNetworkProxyFactory::setUseSystemConfiguration(true);
}

} // namespace VodConfirm
