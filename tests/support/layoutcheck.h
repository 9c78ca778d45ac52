#pragma once

#include <QList>
#include <QPalette>
#include <QSize>
#include <QString>
#include <QStringList>

#include <functional>

class QImage;
class QWidget;

namespace VodConfirm::Test {

// What a person would see on a small or large screen, in a light or a dark palette, checked and
// rendered without a person: UI tests drive the real widgets into a state, then visit it at each
// screen size and palette, check its layout and, when asked, save a picture of it.

// The screen sizes a state is looked at: a small laptop, the most common laptop, full HD.
QList<QSize> screenSizes();

// The dark palette a state is also looked at (the light one is the application's own).
QPalette darkPalette();

// For each palette ("light", "dark") and each of screenSizes(): applies the palette to the
// application, resizes `window` to the size, lets the layouts settle, then calls visit(size,
// paletteName). The application's palette is restored afterwards.
void forEachScreen(QWidget *window,
                   const std::function<void(const QSize &size, const QString &palette)> &visit);

// Layout problems of `window` (a top-level window) and of the other visible top-level windows
// (dialogs, message boxes) as they are now, one line each, naming the widget (class, objectName
// and text). `screen` is the size of the screen they are shown on:
// - a visible word-wrapping QLabel whose text needs more height than it has (clipped lines);
// - a visible non-wrapping QLabel or QAbstractButton narrower than its size hint (text cut),
//   unless the app elides it on purpose: its horizontal size policy is Ignored and its tooltip
//   holds the whole text;
// - a top-level window larger than the screen (or whose layout needs more than the screen);
// - a visible, enabled QAbstractButton not wholly inside its window, or hidden by its parents
//   (an empty visible region).
QStringList layoutProblems(QWidget *window, const QSize &screen);

// The window as grabbed, with every other visible top-level window of the application (a dialog,
// a message box) drawn centred over it, as a person would see the screen.
QImage renderScreen(QWidget *window);

// VODCONFIRM_SCREENSHOT_DIR=<dir>: the file a state's picture goes to,
// <dir>/<state>-<W>x<H>-<palette>.png; empty when the variable is not set.
QString screenshotPath(const QString &state, const QSize &size, const QString &palette);

// VODCONFIRM_SCREENSHOT_DIR=<dir>: renders `window` as it is now to screenshotPath() at every
// screen size in both palettes, for a person to look at. False if a file could not be written.
bool snapshot(QWidget *window, const QString &state);

} // namespace VodConfirm::Test
