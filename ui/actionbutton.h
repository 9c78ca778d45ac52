#pragma once

class QAction;
class QPushButton;

namespace VodConfirm {

// The button shows the action's text, triggers it and is enabled when it is; its tooltip names
// the shortcut. A screen reader says the text as the name ("Pause") and the tooltip as the
// description.
void bindButton(QPushButton *button, QAction *action);

} // namespace VodConfirm
