#include "cli/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace VodConfirm {

namespace {

// The translators this function installed, so that a second call replaces them.
QList<QPointer<QTranslator>> &installed()
{
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

} // namespace

QLocale installTranslations(const QString &language)
{
    for (const QPointer<QTranslator> &t : std::as_const(installed())) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    installed().clear();

    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    // English is the source language: its file holds only the plural forms; Qt's own texts are
    // English without a file.
    const std::pair<QString, QString> files[] = {
            {u"qtbase"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)},
            {u"vodconfirm"_s, u":/i18n"_s},
    };
    for (const auto &[name, directory] : files) {
        auto *translator = new QTranslator(QCoreApplication::instance());
        bool loaded = translator->load(locale, name, u"_"_s, directory);
        // A language without a file of ours (the C locale, French...) gets the English plurals:
        // "1 asset", not "1 asset(s)".
        if (!loaded && name == u"vodconfirm"_s)
            loaded = translator->load(u"vodconfirm_en"_s, directory);
        if (loaded && QCoreApplication::installTranslator(translator))
            installed().append(translator);
        else
            delete translator;
    }
    return locale;
}

} // namespace VodConfirm
