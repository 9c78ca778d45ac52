#include "regions.h"

#include <QCoreApplication>
#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace VodConfirm::Regions {

const QList<Region> &all()
{
    // The six VOD regions of the official SDKs (contract section 3.1).
    // Names as the console writes them; translated by displayName().
    const auto name = [](const char *text) { return QString::fromUtf8(text); };
    static const QList<Region> regions = {
            {u"cn-north-4"_s, name(QT_TRANSLATE_NOOP("Regions", "CN North-Beijing4"))},
            {u"cn-north-1"_s, name(QT_TRANSLATE_NOOP("Regions", "CN North-Beijing1"))},
            {u"cn-east-2"_s, name(QT_TRANSLATE_NOOP("Regions", "CN East-Shanghai2"))},
            {u"ap-southeast-1"_s, name(QT_TRANSLATE_NOOP("Regions", "CN-Hong Kong"))},
            {u"ap-southeast-2"_s, name(QT_TRANSLATE_NOOP("Regions", "AP-Bangkok"))},
            {u"ap-southeast-3"_s, name(QT_TRANSLATE_NOOP("Regions", "AP-Singapore"))},
    };
    return regions;
}

QString displayName(const Region &region)
{
    return QCoreApplication::translate("Regions", region.name.toUtf8().constData());
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
