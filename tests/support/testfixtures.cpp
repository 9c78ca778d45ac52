#include "testfixtures.h"

#include "settings/credentialstore.h"
#include "vodtestserver.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace VodConfirm::Test {

QStringList assetIds(int count, int first)
{
    QStringList ids;
    ids.reserve(count);
    for (int i = 0; i < count; ++i)
        ids << u"%1"_s.arg(first + i, 32, 16, QChar(u'0'));
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

CredentialStore *sharedCredentialStore()
{
    static CredentialStore *store
            = new CredentialStore(u"vodconfirm-test-%1"_s.arg(QCoreApplication::applicationPid()));
    return store;
}

} // namespace VodConfirm::Test
