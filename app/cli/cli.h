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

// The executable the command line runs in: `vodconfirm` opens the desktop app without a
// command; `vodconfirm-cli` (no QtGui, no QtWidgets) prints its help then, as a usage error.
enum class Binary { Desktop, Headless };

// True when the arguments ask for the command line (a command word, --help, --version)
// rather than the GUI (no arguments, or only Qt's own options such as -platform).
bool wantsCommandLine(const QStringList &arguments);
// Runs `vodconfirm <subcommand> ...` headless; needs a QCoreApplication.
int run(const QStringList &arguments, Binary binary);

} // namespace VodConfirm::Cli
