#pragma once

#include <QString>
#include <QStringList>

namespace VodConfirm {
class CredentialStore;
}

namespace VodConfirm::Test {

// `count` valid asset IDs (32 hex digits), first, first + 1, ...: 0000…0001, 0000…0002 for 1.
QStringList assetIds(int count, int first = 1);

// One CredentialStore for the whole test process, on a keychain service of its own
// ("vodconfirm-test-<pid>"), created on first use and never deleted: a QtKeychain job still
// running when its store is deleted crashes in the libsecret callback, and a dialog's jobs may
// outlive a test function. A static pointer keeps it reachable, so LeakSanitizer is quiet.
CredentialStore *sharedCredentialStore();

} // namespace VodConfirm::Test
