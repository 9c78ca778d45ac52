#pragma once

#include <QIcon>

namespace VodConfirm {

// The application icon (every hicolor size and the SVG) from the resources: the window and tray
// icon. runGui() sets it as the application's window icon.
QIcon applicationIcon();

// The platform theme's icon named `freedesktopName` (such as "document-open") where the theme
// has one, else ours from resources/icons/actions/<freedesktopName>.svg.
QIcon themedIcon(const QString &freedesktopName);

} // namespace VodConfirm
