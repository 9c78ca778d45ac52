// vodconfirm: the desktop app without arguments, the command line with a subcommand.
#include "cli/application.h"
#include "cli/cli.h"
#include "cli/translations.h"
#include "gui.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    VodConfirm::setUpApplication();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (VodConfirm::Cli::wantsCommandLine(arguments)) {
        QCoreApplication app(argc, argv);
        VodConfirm::installTranslations(); // the command line follows the locale (LANG, LC_ALL)
        return VodConfirm::Cli::run(arguments, VodConfirm::Cli::Binary::Desktop);
    }
    return VodConfirm::runGui(argc, argv);
}
