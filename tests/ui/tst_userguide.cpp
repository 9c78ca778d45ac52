#include "cli/translations.h"
#include "mainwindow.h"
#include "settings/settings.h"
#include "userguide.h"

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextImageFormat>

#include <memory>

using namespace VodConfirm;
using namespace Qt::StringLiterals;

// Help > User Guide (F1) shows docs/guide/<language>.md from the resource, pictures included, in
// the interface's language. VODCONFIRM_GUIDE_SCREENSHOT_DIR=<dir> saves the window as
// <dir>/user-guide-<language>.png for a person to look at.
class TestUserGuide : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void f1OpensTheGuideInEnglish();
    void chineseInterfaceShowsTheChineseGuide();
    void otherLanguagesFallBackToEnglish();

private:
    UserGuide *openGuide(); // from a new main window, by its action
    void checkGuide(UserGuide *guide, const QString &firstHeading, const QString &language);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void TestUserGuide::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<Settings>(m_dir->filePath(u"settings.ini"_s));
}

void TestUserGuide::cleanup()
{
    m_window.reset();
    installTranslations(u"en"_s);
}

UserGuide *TestUserGuide::openGuide()
{
    m_window = std::make_unique<MainWindow>(nullptr, m_settings.get(), nullptr, nullptr);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        return nullptr;
    auto *action = m_window->findChild<QAction *>(u"userGuideAction"_s);
    if (!action || action->shortcut() != QKeySequence(QKeySequence::HelpContents))
        return nullptr;
    action->trigger();
    auto *guide = m_window->findChild<UserGuide *>(u"userGuide"_s);
    if (!guide || !QTest::qWaitForWindowExposed(guide))
        return nullptr;
    // Once more: the same window comes forward, not a second one.
    action->trigger();
    if (m_window->findChildren<UserGuide *>().size() != 1)
        return nullptr;
    return guide;
}

void TestUserGuide::checkGuide(UserGuide *guide, const QString &firstHeading,
                               const QString &language)
{
    QTextBrowser *browser = guide->browser();
    QCOMPARE(browser->source(), QUrl(u"qrc:/guide/%1.md"_s.arg(language)));
    QTextDocument *doc = browser->document();
    QCOMPARE(doc->firstBlock().text(), firstHeading);
    QVERIFY(doc->toPlainText().contains(firstHeading));
    // All emphasis was understood (CommonMark leaves "**" as text next to CJK punctuation in
    // some places, e.g. "**创建配置…**打开").
    QVERIFY2(!doc->toPlainText().contains(u"**"_s), qPrintable(language));

    // Every picture resolves to an image in the resource, and none is wider than the page.
    int pictures = 0;
    const qreal page = browser->viewport()->width();
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextImageFormat format = it.fragment().charFormat().toImageFormat();
            if (!format.isValid())
                continue;
            ++pictures;
            const QVariant data = doc->resource(QTextDocument::ImageResource, QUrl(format.name()));
            QVERIFY2(!data.isNull(), qPrintable(format.name()));
            const QImage image = data.typeId() == QMetaType::QByteArray
                    ? QImage::fromData(data.toByteArray())
                    : data.value<QImage>();
            QVERIFY2(!image.isNull(), qPrintable(format.name()));
            QVERIFY2(format.width() > 0 && format.width() <= page, qPrintable(format.name()));
            if (language != "en"_L1)
                QVERIFY2(format.name().endsWith(u"-%1.png"_s.arg(language)),
                         qPrintable(format.name()));
        }
    }
    QVERIFY(pictures >= 10);
    // Nothing is wider than the page (a long line of code would be): no sideways scrolling.
    QCOMPARE(browser->horizontalScrollBar()->maximum(), 0);

    // The troubleshooting table was generated into the guide (user_guide_error_table checks it
    // is the catalogue's), and shows as a table.
    QVERIFY(doc->toPlainText().contains(u"VOD.10062"_s));
    QVERIFY(!doc->toPlainText().contains(u"error table"_s)); // its markers stay invisible

    if (const QString dir = qEnvironmentVariable("VODCONFIRM_GUIDE_SCREENSHOT_DIR");
        !dir.isEmpty()) {
        guide->resize(1000, 760);
        QTest::qWait(50);
        const QString path = dir + u"/user-guide-%1.png"_s.arg(language);
        QVERIFY2(guide->grab().save(path), qPrintable(path));
        // And the troubleshooting table, its section's heading at the top.
        const QTextCursor table = doc->find(u"VOD.10062"_s);
        QVERIFY(!table.isNull());
        const QRectF block = doc->documentLayout()->blockBoundingRect(doc->find(u"9. "_s).block());
        browser->verticalScrollBar()->setValue(int(block.top()));
        QTest::qWait(50);
        const QString tablePath = dir + u"/user-guide-%1-table.png"_s.arg(language);
        QVERIFY2(guide->grab().save(tablePath), qPrintable(tablePath));
    }
}

void TestUserGuide::f1OpensTheGuideInEnglish()
{
    installTranslations(u"en"_s);
    UserGuide *guide = openGuide();
    QVERIFY(guide);
    QCOMPARE(guide->windowTitle(), u"VOD Confirm User Guide"_s);
    checkGuide(guide, u"VOD Confirm User Guide"_s, u"en"_s);
    QVERIFY(guide->browser()->toPlainText().contains(u"Your first profile"_s));
    // The keyboard shortcuts list is still there, one key further.
    auto *shortcuts = m_window->findChild<QAction *>(u"shortcutsAction"_s);
    QVERIFY(shortcuts);
    QCOMPARE(shortcuts->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_F1));
}

void TestUserGuide::chineseInterfaceShowsTheChineseGuide()
{
    // As the app does at start-up with File > Language set to Chinese (app/gui.cpp).
    QCOMPARE(installTranslations(u"zh_CN"_s).name(), u"zh_CN"_s);
    UserGuide *guide = openGuide();
    QVERIFY(guide);
    QCOMPARE(guide->windowTitle(), u"VOD Confirm 用户指南"_s);
    checkGuide(guide, u"VOD Confirm 用户指南"_s, u"zh_CN"_s);
    QVERIFY(guide->browser()->toPlainText().contains(u"创建第一个配置"_s));
}

void TestUserGuide::otherLanguagesFallBackToEnglish()
{
    QCOMPARE(UserGuide::sourceFor(QLocale(u"de_DE"_s)), QUrl(u"qrc:/guide/en.md"_s));
    QCOMPARE(UserGuide::sourceFor(QLocale(u"zh_CN"_s)), QUrl(u"qrc:/guide/zh_CN.md"_s));
    QCOMPARE(UserGuide::sourceFor(QLocale(u"en_US"_s)), QUrl(u"qrc:/guide/en.md"_s));
    // Each guide in the resource has its pictures there too.
    for (const QString &language : {u"en"_s, u"zh_CN"_s}) {
        QFile file(u":/guide/%1.md"_s.arg(language));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        static const QRegularExpression picture(uR"(!\[[^\]]*\]\(([^)]+)\))"_s);
        int count = 0;
        for (const QRegularExpressionMatch &m : picture.globalMatch(text)) {
            QVERIFY2(QFile::exists(u":/guide/"_s + m.captured(1)), qPrintable(m.captured(1)));
            ++count;
        }
        QVERIFY(count >= 10);
    }
}

QTEST_MAIN(TestUserGuide)
#include "tst_userguide.moc"
