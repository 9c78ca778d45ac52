#include "testfixtures.h"

#include "settings/credentialstore.h"
#include "vodtestserver.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace VodConfirm::Test {

QString assetId(int n)
{
    return u"%1"_s.arg(n, 32, 16, QChar(u'0'));
}

QStringList assetIds(int count, int first)
{
    QStringList ids;
    ids.reserve(count);
    for (int i = 0; i < count; ++i)
        ids << assetId(first + i);
    return ids;
}

Profile loopbackProfile(const VodTestServer &server)
{
    Profile profile;
    profile.name = u"loopback"_s;
    profile.customEndpoint = server.url();
    profile.projectId = server.config().projectId;
    profile.authMode = AuthMode::AkSk;
    profile.accessKey = server.config().accessKey;
    return profile;
}

Credentials loopbackCredentials(const VodTestServer &server)
{
    Credentials credentials;
    credentials.accessKey = server.config().accessKey;
    credentials.secretKey = server.config().secretKey;
    return credentials;
}

VodClient::Config loopbackClientConfig(const VodTestServer &server, int timeoutMs)
{
    return {server.url(),
            server.url(),
            u"cn-north-4"_s,
            server.config().projectId,
            loopbackCredentials(server),
            timeoutMs};
}

CredentialStore *sharedCredentialStore()
{
    static CredentialStore *store
            = new CredentialStore(u"vodconfirm-test-%1"_s.arg(QCoreApplication::applicationPid()));
    return store;
}

} // namespace VodConfirm::Test
