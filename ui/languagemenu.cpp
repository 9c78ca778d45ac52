#include "languagemenu.h"

#include "settings/settings.h"

#include <QActionGroup>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace VodConfirm {

LanguageMenu::LanguageMenu(Settings *settings, QWidget *parent)
    : QMenu(tr("&Language"), parent), m_settings(settings)
{
    setObjectName(u"languageMenu"_s);
    const QString current = settings ? settings->language() : QString();
    auto *group = new QActionGroup(this);
    auto add = [&](const QString &code, const QString &text) {
        QAction *a = addAction(text);
        a->setCheckable(true);
        a->setChecked(code == current);
        a->setData(code);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] { choose(code); });
    };
    add(QString(), tr("&System Language"));
    addSeparator();
    for (const auto &[code, name] : languages())
        add(code, name);
    addSeparator();
    addAction(tr("Applies when VOD Confirm is started again"))->setEnabled(false);
}

QList<std::pair<QString, QString>> LanguageMenu::languages()
{
    return {{u"en"_s, u"English"_s}, {u"zh_CN"_s, u"简体中文"_s}};
}

void LanguageMenu::choose(const QString &code)
{
    if (!m_settings || m_settings->language() == code)
        return;
    m_settings->setLanguage(code);
    auto *box = new QMessageBox(QMessageBox::Information, tr("Language"),
                                tr("The language changes when VOD Confirm is started again."),
                                QMessageBox::Ok, parentWidget());
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace VodConfirm
