#pragma once

#include <QMenu>
#include <QPointer>

namespace VodConfirm {

class Settings;

// File > Language: the system's language or one the app is translated into, stored in
// Settings::language(). The app reads it at start-up (app/gui.cpp), so a choice applies at the
// next start; the menu says so, and so does a note when the choice changes.
class LanguageMenu final : public QMenu
{
    Q_OBJECT

public:
    explicit LanguageMenu(Settings *settings, QWidget *parent = nullptr);

    // The languages offered, as {locale name, the language's name in itself}; keep in step with
    // resources/translations/ (English is the source language).
    static QList<std::pair<QString, QString>> languages();

private:
    void choose(const QString &code);

    QPointer<Settings> m_settings;
};

} // namespace VodConfirm
