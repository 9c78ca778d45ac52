#pragma once

#include <QLocale>
#include <QString>

namespace VodConfirm {

// Installs the translators of both executables on the running QCoreApplication (or
// QApplication): the app's own messages (:/i18n/vodconfirm_<language>.qm, resources/) and Qt's
// (qtbase_<language>.qm from QLibraryInfo::TranslationsPath, when the system has it: the
// qt6-translations-l10n package), removing any installed before.
//
// language is a locale name ("zh_CN", "en"); empty means the system's, QLocale::system(), which
// follows LANGUAGE, LC_ALL, LC_MESSAGES and LANG. A named language also becomes the default
// QLocale, so numbers and dates follow it. Returns the locale used.
//
// QtCore only: vodconfirm-cli calls it too.
QLocale installTranslations(const QString &language = {});

} // namespace VodConfirm
