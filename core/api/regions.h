#pragma once

#include <QList>
#include <QString>
#include <QUrl>

namespace VodConfirm {

struct Region
{
    QString id; // "cn-north-4"
    QString name; // "CN North-Beijing4": Huawei's English name (displayName() translates it)
};

namespace Regions {
const QList<Region> &all();
// The region's name as Huawei Cloud's console shows it in the UI language ("华北-北京四").
QString displayName(const Region &region);
bool isKnown(const QString &id);
QUrl vodEndpoint(const QString &regionId); // https://vod.<id>.myhuaweicloud.com
QUrl iamEndpoint(const QString &regionId); // https://iam.<id>.myhuaweicloud.com
// Empty when the URL may carry credentials: https anywhere, http only to loopback, and no user
// info (user:password@) in the URL. Otherwise a translated reason that does not quote the URL.
QString endpointProblem(const QUrl &url);
} // namespace Regions

} // namespace VodConfirm
