#include "icons.h"
#include "mainwindow.h"
#include "settings/settings.h"

#include <QAction>
#include <QApplication>
#include <QDirIterator>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace VodConfirm;
using namespace Qt::StringLiterals;

// The icons come from resources/ (built into the ui library): the application icon in every
// hicolor size and as SVG, the toolbar icons as SVG (so Qt's svg icon engine must be there).
class TestIcons : public QObject
{
    Q_OBJECT
private slots:
    void applicationIconHasEverySize();
    void toolbarIconsRender();
    void windowAndTrayGetTheApplicationIcon();
};

void TestIcons::applicationIconHasEverySize()
{
    const QIcon icon = applicationIcon();
    QVERIFY(!icon.isNull());
    const QList<QSize> sizes = icon.availableSizes();
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
        QVERIFY2(sizes.contains(QSize(size, size)), qPrintable(QString::number(size)));
    // The scalable icon is there too, and Qt's svg icon engine draws it at any size.
    const QIcon svg(
            u":/icons/hicolor/scalable/apps/%1.svg"_s.arg(QStringLiteral(VODCONFIRM_APP_ID)));
    QCOMPARE(svg.pixmap(QSize(40, 40)).size(), QSize(40, 40));
}

void TestIcons::toolbarIconsRender()
{
    int count = 0;
    for (QDirIterator it(u":/icons/actions"_s); it.hasNext();) {
        const QString path = it.next();
        const QImage image = QIcon(path).pixmap(QSize(24, 24)).toImage();
        QVERIFY2(!image.isNull(), qPrintable(path));
        // Something is drawn: not every pixel transparent.
        bool drawn = false;
        for (int y = 0; y < image.height() && !drawn; ++y)
            for (int x = 0; x < image.width() && !drawn; ++x)
                drawn = qAlpha(image.pixel(x, y)) > 0;
        QVERIFY2(drawn, qPrintable(path));
        ++count;
    }
    QVERIFY(count >= 10);
    // A name the platform theme does not know falls back to ours.
    QVERIFY(!themedIcon(u"media-playback-pause"_s).pixmap(QSize(22, 22)).isNull());
}

void TestIcons::windowAndTrayGetTheApplicationIcon()
{
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QApplication::setWindowIcon(applicationIcon()); // as runGui() does
    QNetworkAccessManager nam;
    Settings settings(dir.filePath(u"settings.ini"_s));
    MainWindow window(&nam, &settings, nullptr, nullptr);
    QVERIFY(!window.windowIcon().isNull());
    QCOMPARE(window.windowIcon().pixmap(QSize(22, 22)).toImage(),
             applicationIcon().pixmap(QSize(22, 22)).toImage());
    // The tray icon is made from windowIcon() when a long batch ends.
    const QSystemTrayIcon tray(window.windowIcon());
    QVERIFY(!tray.icon().isNull());
    QVERIFY(!tray.icon().pixmap(QSize(22, 22)).isNull());

    for (QAction *action : window.findChild<QToolBar *>(u"mainToolBar"_s)->actions()) {
        if (!action->objectName().isEmpty())
            QVERIFY2(!action->icon().pixmap(QSize(24, 24)).isNull(),
                     qPrintable(action->objectName()));
    }
}

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"
