#include "gui.h"

#include "cli/translations.h"
#include "icons.h"
#include "mainwindow.h"

#include "settings/credentialstore.h"
#include "settings/settings.h"
#include "storage/historystore.h"

#include <QApplication>
#include <QMessageBox>
#include <QNetworkAccessManager>

namespace VodConfirm {

int runGui(int &argc, char **argv)
{
    QApplication app(argc, argv);
    Settings settings;
    // The language chosen in File > Language, else the system's; read once, so a change there
    // applies at the next start.
    installTranslations(settings.language());
    QApplication::setApplicationDisplayName(QApplication::translate("Gui", "VOD Confirm"));
    QApplication::setDesktopFileName(QStringLiteral(VODCONFIRM_APP_ID));
    // Every window and the tray icon take it (resources/icons/hicolor).
    QApplication::setWindowIcon(applicationIcon());

    QNetworkAccessManager nam;
    CredentialStore credentials;
    HistoryStore history;
    const QString historyPath = HistoryStore::pathFor(settings.historyPath());
    QString error;
    if (!history.open(historyPath, &error)) {
        QMessageBox::warning(nullptr, QApplication::translate("Gui", "History unavailable"),
                             QApplication::translate("Gui",
                                                     "The confirmation history cannot be opened, "
                                                     "so this session will not be recorded.\n\n%1")
                                     .arg(error));
    }
    MainWindow window(&nam, &settings, &credentials, history.isOpen() ? &history : nullptr);
    window.show();
    return app.exec();
}

} // namespace VodConfirm
