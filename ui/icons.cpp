#include "icons.h"

using namespace Qt::StringLiterals;

namespace VodConfirm {

QIcon applicationIcon()
{
    static const int sizes[] = {16, 22, 24, 32, 48, 64, 128, 256, 512};
    const QString appId = QStringLiteral(VODCONFIRM_APP_ID);
    // Qt picks the PNG of the size asked for, or scales the next larger one down. (The SVG is in
    // the resources too, but an icon made of PNGs and an SVG keeps only one of the PNGs.)
    QIcon icon;
    for (const int size : sizes)
        icon.addFile(u":/icons/hicolor/%1x%1/apps/%2.png"_s.arg(size).arg(appId),
                     QSize(size, size));
    return icon;
}

QIcon themedIcon(const QString &freedesktopName)
{
    return QIcon::fromTheme(freedesktopName,
                            QIcon(u":/icons/actions/%1.svg"_s.arg(freedesktopName)));
}

} // namespace VodConfirm
