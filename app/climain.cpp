// vodconfirm-cli: the command line alone, linked without QtGui and QtWidgets (servers, CI
// images). Without a command it prints its help on stderr and exits with 2 (a usage error).
#include "cli/application.h"
#include "cli/cli.h"
#include "cli/translations.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    VodConfirm::setUpApplication();
    QCoreApplication app(argc, argv);
    VodConfirm::installTranslations(); // the locale's language (LANGUAGE, LC_ALL, LANG)
    return VodConfirm::Cli::run(QCoreApplication::arguments(), VodConfirm::Cli::Binary::Headless);
}
