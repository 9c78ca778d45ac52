#include "regions.h"

#include <QCoreApplication>
#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace VodConfirm::Regions {

const QList<Region> &all()
{
    // The six VOD regions of the official SDKs (contract section 3.1).
    static const QList<Region> regions = {
            {u"cn-north-4"_s, u"CN North-Beijing4"_s}, {u"cn-north-1"_s, u"CN North-Beijing1"_s},
            {u"cn-east-2"_s, u"CN East-Shanghai2"_s},  {u"ap-southeast-1"_s, u"CN-Hong Kong"_s},
            {u"ap-southeast-2"_s, u"AP-Bangkok"_s},    {u"ap-southeast-3"_s, u"AP-Singapore"_s},
    };
    return regions;
}

bool isKnown(const QString &id)
{
    return std::any_of(all().cbegin(), all().cend(), [&](const Region &r) { return r.id == id; });
}

QUrl vodEndpoint(const QString &regionId)
{
    return QUrl(u"https://vod.%1.myhuaweicloud.com"_s.arg(regionId));
}

QUrl iamEndpoint(const QString &regionId)
{
    return QUrl(u"https://iam.%1.myhuaweicloud.com"_s.arg(regionId));
}

static bool isLoopback(const QString &host)
{
    if (host.compare("localhost"_L1, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString endpointProblem(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return QCoreApplication::translate("Regions", "The endpoint is not a valid URL.");
    if (!url.userInfo().isEmpty())
        return QCoreApplication::translate(
                "Regions",
                "The endpoint cannot contain a user name or password (user:password@host): it "
                "would be shown and logged with the URL. Credentials come from the profile.");
    if (url.scheme() == "https"_L1)
        return {};
    if (url.scheme() == "http"_L1) {
        if (isLoopback(url.host()))
            return {};
        return QCoreApplication::translate(
                "Regions",
                "The endpoint must use https: credentials are never sent over plain http, "
                "except to this computer (127.0.0.1, localhost).");
    }
    return QCoreApplication::translate("Regions", "The endpoint must be an https:// URL.");
}

} // namespace VodConfirm::Regions
