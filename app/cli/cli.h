#pragma once

#include <QStringList>

namespace VodConfirm::Cli {

// Exit codes of every subcommand.
enum ExitCode {
    AllConfirmed = 0,
    SomeFailed = 1, // at least one asset failed or was not sent
    UsageError = 2, // usage, input or configuration error
    AuthRejected = 3, // authentication rejected, batch stopped
    OutputFailed = 4, // standard output could not be written (closed pipe, full disk)
    HistoryIncomplete = 5, // every asset confirmed, but the history could not record it all
};

// True when the arguments ask for the command line (a command word, --help, --version)
// rather than the GUI (no arguments, or only Qt's own options such as -platform).
bool wantsCommandLine(const QStringList &arguments);
// Runs `vodconfirm <subcommand> ...` headless; needs a QCoreApplication.
int run(const QStringList &arguments);

} // namespace VodConfirm::Cli
