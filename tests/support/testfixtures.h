#pragma once

#include <QString>
#include <QStringList>

#include "settings/profile.h"

namespace VodConfirm {
class CredentialStore;
}

namespace VodConfirm::Test {

// `count` valid asset IDs (32 hex digits), first, first + 1, ...: 0000…0001, 0000…0002 for 1.
QStringList assetIds(int count, int first = 1);

class VodTestServer;

// The AK/SK profile "loopback" for `server`: its endpoint, project ID and access key (the SK is
// given to the session, or asked for, by each test).
Profile loopbackProfile(const VodTestServer &server);

// One CredentialStore for the whole test process, on a keychain service of its own
// ("vodconfirm-test-<pid>"), created on first use and never deleted: a QtKeychain job still
// running when its store is deleted crashes in the libsecret callback, and a dialog's jobs may
// outlive a test function. A static pointer keeps it reachable, so LeakSanitizer is quiet.
CredentialStore *sharedCredentialStore();

} // namespace VodConfirm::Test
