#include "layoutcheck.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QWidget>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace VodConfirm::Test {

namespace {

// Layout requests are posted and travel up the widget tree one event-loop turn at a time.
void settle()
{
    for (int i = 0; i < 4; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

QString shownText(const QWidget *w)
{
    QString text;
    if (const auto *label = qobject_cast<const QLabel *>(w))
        text = label->text();
    else if (const auto *button = qobject_cast<const QAbstractButton *>(w))
        text = button->text();
    text = text.simplified();
    if (text.size() > 60)
        text = text.left(57) + u"..."_s;
    return text;
}

// "QLabel progressLabel \"Paused…\"", or with the nearest named ancestor when it has no name.
QString describe(const QWidget *w)
{
    QString d = QString::fromLatin1(w->metaObject()->className());
    if (!w->objectName().isEmpty()) {
        d += u' ' + w->objectName();
    } else {
        for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
            if (!p->objectName().isEmpty()) {
                d += u" in "_s + p->objectName();
                break;
            }
        }
    }
    if (const QString text = shownText(w); !text.isEmpty())
        d += u" \""_s + text + u'"';
    return d;
}

QString sizeText(const QSize &s)
{
    return u"%1x%2"_s.arg(s.width()).arg(s.height());
}

// Windows a person sees besides the main one: dialogs and message boxes (not menus, tooltips or
// the combo boxes' popups, which close by themselves).
bool isShownWindow(const QWidget *w)
{
    if (!w->isWindow() || !w->isVisible())
        return false;
    const Qt::WindowType type = w->windowType();
    return type == Qt::Window || type == Qt::Dialog || type == Qt::Sheet;
}

int windowDepth(const QWidget *w)
{
    int depth = 0;
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget())
        depth += p->isWindow() ? 1 : 0;
    return depth;
}

// The window first, then the others, parents before the windows they own.
QList<QWidget *> shownWindows(QWidget *window)
{
    QList<QWidget *> others;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w != window && isShownWindow(w))
            others << w;
    }
    std::stable_sort(others.begin(), others.end(), [](const QWidget *a, const QWidget *b) {
        return windowDepth(a) < windowDepth(b);
    });
    others.prepend(window);
    return others;
}

// The app cuts this text on purpose and shows it whole in the tooltip (e.g. the progress line
// beside the progress bar, which must never widen the window).
bool isDeliberatelyElided(const QWidget *w)
{
    return w->sizePolicy().horizontalPolicy() == QSizePolicy::Ignored && !w->toolTip().isEmpty();
}

void checkWidget(QWidget *w, QWidget *top, QStringList *problems)
{
    auto *label = qobject_cast<QLabel *>(w);
    auto *button = qobject_cast<QAbstractButton *>(w);
    if (!label && !button)
        return;
    if (w->window() != top || !w->isVisible() || w->width() <= 0 || w->height() <= 0)
        return;
    const auto problem
            = [&](const QString &what) { problems->append(describe(w) + u": "_s + what); };

    if (label && label->wordWrap()) {
        // heightForWidth() takes and gives the label's whole size, contents margins, margin and
        // indent included.
        const int needed = label->heightForWidth(label->width());
        if (needed > label->height())
            problem(u"word-wrapped text clipped: needs %1 px of height at %2 px wide, has %3"_s
                            .arg(needed)
                            .arg(label->width())
                            .arg(label->height()));
    } else if (!shownText(w).isEmpty() && !isDeliberatelyElided(w)) {
        // Text only: an icon-only button is sized by the widget that owns it (e.g. the action
        // buttons Qt puts inside a QLineEdit).
        const int needed = label ? label->sizeHint().width() : button->minimumSizeHint().width();
        if (needed > w->width())
            problem(u"text cut: needs %1 px of width, has %2"_s.arg(needed).arg(w->width()));
    }

    if (button && button->isEnabled()) {
        const QRect inWindow(button->mapTo(top, QPoint()), button->size());
        if (!top->rect().contains(inWindow))
            problem(u"not wholly inside its window: at %1,%2 %3 in a %4 window"_s.arg(inWindow.x())
                            .arg(inWindow.y())
                            .arg(sizeText(inWindow.size()), sizeText(top->size())));
        else if (button->visibleRegion().isEmpty())
            problem(u"hidden: its parents leave none of it visible"_s);
    }
}

} // namespace

QList<QSize> screenSizes()
{
    return {QSize(1024, 640), QSize(1366, 768), QSize(1920, 1080)};
}

QPalette darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, Qt::white);
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::Text, Qt::white);
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, Qt::white);
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ToolTipText, Qt::white);
    dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        dark.setColor(QPalette::Disabled, role, QColor(0x7a, 0x7a, 0x7a));
    return dark;
}

void forEachScreen(QWidget *window,
                   const std::function<void(const QSize &size, const QString &palette)> &visit)
{
    const QPalette light = QApplication::palette();
    for (const auto &[name, palette] :
         {std::pair {u"light"_s, light}, {u"dark"_s, darkPalette()}}) {
        QApplication::setPalette(palette);
        for (const QSize &size : screenSizes()) {
            window->resize(size);
            settle();
            visit(size, name);
        }
    }
    QApplication::setPalette(light);
    settle();
}

QStringList layoutProblems(QWidget *window, const QSize &screen)
{
    QStringList problems;
    for (QWidget *top : shownWindows(window)) {
        const QString name = describe(top);
        // `window` was resized to the screen, as if maximized: the window manager's frame is
        // then outside the screen, so its own size must stay the screen's (a long message must
        // not widen it). Any other window (a dialog) must fit with its frame.
        const QSize size = top == window ? top->size() : top->frameGeometry().size();
        if (size.width() > screen.width() || size.height() > screen.height())
            problems << u"%1: window of %2%3 is larger than the %4 screen"_s.arg(
                    name, sizeText(size), top == window ? QString() : u" with its frame"_s,
                    sizeText(screen));
        const QSize minimum = top->minimumSizeHint();
        if (minimum.width() > screen.width() || minimum.height() > screen.height())
            problems << u"%1: its layout needs at least %2, more than the %3 screen"_s.arg(
                    name, sizeText(minimum), sizeText(screen));
        for (QWidget *w : top->findChildren<QWidget *>())
            checkWidget(w, top, &problems);
    }
    return problems;
}

QImage renderScreen(QWidget *window)
{
    QImage image = window->grab().toImage();
    QPainter painter(&image);
    const QList<QWidget *> windows = shownWindows(window);
    for (qsizetype i = 1; i < windows.size(); ++i) {
        const QPixmap pixmap = windows.at(i)->grab();
        QRect area(QPoint(), pixmap.deviceIndependentSize().toSize());
        area.moveCenter(QRect(QPoint(), window->size()).center());
        painter.drawPixmap(area.topLeft(), pixmap);
        // A frame, as a window manager would draw, so the dialog stands out from the window.
        painter.setPen(windows.at(i)->palette().color(QPalette::Shadow));
        painter.drawRect(area.adjusted(-1, -1, 0, 0));
    }
    return image;
}

QString screenshotPath(const QString &state, const QSize &size, const QString &palette)
{
    const QString dir = qEnvironmentVariable("VODCONFIRM_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return {};
    return QDir(dir).filePath(
            u"%1-%2x%3-%4.png"_s.arg(state).arg(size.width()).arg(size.height()).arg(palette));
}

bool snapshot(QWidget *window, const QString &state)
{
    if (qEnvironmentVariableIsEmpty("VODCONFIRM_SCREENSHOT_DIR"))
        return true;
    bool ok = true;
    forEachScreen(window, [&](const QSize &size, const QString &palette) {
        const QString path = screenshotPath(state, size, palette);
        if (!renderScreen(window).save(path)) {
            qWarning("could not write %s", qPrintable(path));
            ok = false;
        }
    });
    return ok;
}

} // namespace VodConfirm::Test
