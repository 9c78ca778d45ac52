#include "actionbutton.h"

#include <QAction>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace VodConfirm {

void bindButton(QPushButton *button, QAction *action)
{
    button->setText(action->text());
    button->setAccessibleName(QString(action->text()).remove(u'&'));
    const QString key = action->shortcut().toString(QKeySequence::NativeText);
    button->setToolTip(key.isEmpty() ? action->toolTip()
                                     : action->toolTip() + u" ("_s + key + u')');
    QObject::connect(button, &QPushButton::clicked, action, &QAction::trigger);
    button->setEnabled(action->isEnabled());
    QObject::connect(action, &QAction::enabledChanged, button, &QWidget::setEnabled);
}

} // namespace VodConfirm
