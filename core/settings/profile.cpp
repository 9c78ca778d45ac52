#include "settings/profile.h"

#include "api/cafile.h"
#include "api/regions.h"
#include "api/vodclient.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace VodConfirm {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VodConfirm::Profile)
};

} // namespace

QString proxyModeName(ProxyMode mode)
{
    switch (mode) {
    case ProxyMode::System:
        return u"system"_s;
    case ProxyMode::None:
        return u"none"_s;
    case ProxyMode::Manual:
        return u"manual"_s;
    }
    return {};
}

ProxyMode proxyModeFromName(const QString &name)
{
    for (ProxyMode mode : {ProxyMode::None, ProxyMode::Manual}) {
        if (name.trimmed().compare(proxyModeName(mode), Qt::CaseInsensitive) == 0)
            return mode;
    }
    return ProxyMode::System;
}

QString proxyTypeName(ProxyType type)
{
    return type == ProxyType::Socks5 ? u"socks5"_s : u"http"_s;
}

ProxyType proxyTypeFromName(const QString &name)
{
    return name.trimmed().compare("socks5"_L1, Qt::CaseInsensitive) == 0 ? ProxyType::Socks5
                                                                         : ProxyType::Http;
}

QString Profile::nameProblem(const QString &name)
{
    if (name.trimmed().isEmpty())
        return Tr::tr("Enter a profile name.");
    if (name.size() > MaxNameLength)
        return Tr::tr("A profile name can have at most %1 characters.").arg(MaxNameLength);
    if (name.contains(u'/') || name.contains(u'\\'))
        return Tr::tr("A profile name cannot contain “/” or “\\”.");
    if (name != name.trimmed())
        return Tr::tr("A profile name cannot start or end with a space.");
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control)
            return Tr::tr("A profile name cannot contain control characters.");
    }
    return {};
}

QUrl Profile::vodEndpoint() const
{
    if (!customEndpoint.isEmpty())
        return customEndpoint;
    if (!regionId.isEmpty())
        return Regions::vodEndpoint(regionId);
    return {};
}

QUrl Profile::iamEndpoint() const
{
    if (!customIamEndpoint.isEmpty())
        return customIamEndpoint;
    if (!regionId.isEmpty())
        return Regions::iamEndpoint(regionId);
    return {};
}

QString Profile::problem() const
{
    if (const QString p = nameProblem(name); !p.isEmpty())
        return p;

    if (!customEndpoint.isEmpty()) {
        if (const QString p = Regions::endpointProblem(customEndpoint); !p.isEmpty())
            return Tr::tr("VOD endpoint: %1").arg(p);
    } else if (regionId.isEmpty()) {
        return Tr::tr("Choose a region or enter the VOD endpoint URL.");
    } else if (!Regions::isKnown(regionId)) {
        return Tr::tr("“%1” is not a known region. Choose a region from the list or enter the VOD "
                      "endpoint URL.")
                .arg(regionId);
    }

    const QString project = projectId.trimmed();
    if (project.isEmpty())
        return Tr::tr(
                "Enter the project ID of the region (My Credentials > Projects in the console).");
    if (const QString p = VodClient::projectIdProblem(project, Tr::tr("The project ID"));
        !p.isEmpty())
        return p;

    switch (authMode) {
    case AuthMode::AkSk:
        if (accessKey.trimmed().isEmpty())
            return Tr::tr("Enter the access key (AK).");
        break;
    case AuthMode::Token:
        break;
    case AuthMode::Password:
        if (userName.trimmed().isEmpty())
            return Tr::tr("Enter the IAM user name.");
        if (accountName.trimmed().isEmpty())
            return Tr::tr(
                    "Enter the account name (for the account's own user it is the same as the "
                    "user name).");
        if (!customIamEndpoint.isEmpty()) {
            if (const QString p = Regions::endpointProblem(customIamEndpoint); !p.isEmpty())
                return Tr::tr("IAM endpoint: %1").arg(p);
        } else if (regionId.isEmpty()) {
            return Tr::tr("Enter the IAM endpoint URL used to obtain a token for the custom VOD "
                          "endpoint.");
        }
        break;
    }

    if (proxyMode == ProxyMode::Manual) {
        const QString host = proxyHost.trimmed();
        if (host.isEmpty())
            return Tr::tr("Enter the proxy's host name or address.");
        if (host.contains(u'/') || host.contains(u' ') || host.contains(u'@'))
            return Tr::tr("Enter only the proxy's host name or address, without “http://”, a user "
                          "name or a path.");
        if (proxyPort < 1 || proxyPort > 65535)
            return Tr::tr("Enter the proxy's port (1–65535).");
    }
    if (!caFile.isEmpty()) {
        QString error;
        if (CaFile::read(caFile, &error).isEmpty())
            return error;
    }
    return {};
}

} // namespace VodConfirm
