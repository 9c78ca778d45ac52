#include "cli/cli.h"
#include "gui.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("vodconfirm"));
    QCoreApplication::setApplicationName(QStringLiteral("vodconfirm"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VODCONFIRM_VERSION));
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (VodConfirm::Cli::wantsCommandLine(arguments)) {
        QCoreApplication app(argc, argv);
        return VodConfirm::Cli::run(arguments);
    }
    return VodConfirm::runGui(argc, argv);
}
