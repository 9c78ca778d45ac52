#pragma once

#include <QString>
#include <QStringList>

#include "api/vodclient.h"
#include "settings/profile.h"

namespace VodConfirm {
class CredentialStore;
}

namespace VodConfirm::Test {

// The valid asset ID `n` (32 hex digits): 0000…0001 for 1, 0000…00ff for 255.
QString assetId(int n);

// `count` valid asset IDs (32 hex digits), first, first + 1, ...: 0000…0001, 0000…0002 for 1.
QStringList assetIds(int count, int first = 1);

class VodTestServer;

// The AK/SK `server` accepts.
Credentials loopbackCredentials(const VodTestServer &server);

// How a VodClient reaches `server`: its URL as the VOD and the IAM endpoint, region cn-north-4,
// its project ID and loopbackCredentials(server), `timeoutMs` a request.
VodClient::Config loopbackClientConfig(const VodTestServer &server, int timeoutMs = 10000);

// The AK/SK profile "loopback" for `server`: its endpoint, project ID and access key (the SK is
// given to the session, or asked for, by each test).
Profile loopbackProfile(const VodTestServer &server);

// One CredentialStore for the whole test process, on a keychain service of its own
// ("vodconfirm-test-<pid>"), created on first use and never deleted: a QtKeychain job still
// running when its store is deleted crashes in the libsecret callback, and a dialog's jobs may
// outlive a test function. A static pointer keeps it reachable, so LeakSanitizer is quiet.
CredentialStore *sharedCredentialStore();

} // namespace VodConfirm::Test
