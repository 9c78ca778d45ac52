#pragma once

namespace VodConfirm {

// The desktop app: creates the services (network, settings, keychain, history), hands them to
// the main window and runs the event loop.
int runGui(int &argc, char **argv);

} // namespace VodConfirm
