#pragma once

namespace VodConfirm {

// What both executables (vodconfirm and vodconfirm-cli) set up before their QCoreApplication or
// QApplication exists: the organisation and application name, which place the settings, the
// history and the keychain entries (so both binaries share profiles and history), the version,
// and the system proxy.
void setUpApplication();

} // namespace VodConfirm
