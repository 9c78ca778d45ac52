// The paste panel with hostile input: it says what it found in binary data and in junk, and
// how many tokens were malformed even when it lists only the first of them.
#include "pastepanel.h"

#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace VodConfirm;
using namespace Qt::StringLiterals;

class TestPastePanel : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void binaryFileWithNuls();
    void randomJunkFindsNothing();
    void manyMalformedAreCountedAll();

private:
    QString summary() const { return m_panel->findChild<QLabel *>(u"pasteSummaryLabel"_s)->text(); }
    QPushButton *addButton() const { return m_panel->findChild<QPushButton *>(u"addIdsButton"_s); }
    void waitForResult();

    std::unique_ptr<PastePanel> m_panel;
};

static QString id(int i)
{
    return u"%1"_s.arg(i, 32, 16, QChar(u'0'));
}

void TestPastePanel::init()
{
    m_panel = std::make_unique<PastePanel>();
}

void TestPastePanel::waitForResult()
{
    QSignalSpy ready(m_panel.get(), &PastePanel::resultReady);
    QVERIFY(ready.wait(30000));
}

void TestPastePanel::binaryFileWithNuls()
{
    // 1 MB that looks like a media file (every other byte NUL, the rest random), with IDs between
    // NULs: not text, so it is refused by name, as the command line does; a text file imported
    // with it still counts, and so does a UTF-16 file with a byte order mark.
    QByteArray data(1 << 20, Qt::Uninitialized);
    QRandomGenerator rng(3);
    for (qsizetype i = 0; i < data.size(); ++i)
        data[i] = i % 2 ? char(rng.bounded(256)) : '\0';
    qsizetype at = 1000;
    for (const QString &s : {id(1), id(2), id(4)}) {
        const QByteArray token = '\0' + s.toLatin1() + '\0';
        std::copy(token.cbegin(), token.cend(), data.begin() + at);
        at += 200000;
    }
    QTemporaryDir dir;
    QFile file(dir.filePath(u"upload.mp4"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
    file.close();
    QFile text(dir.filePath(u"ids.txt"_s));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write(id(5).toLatin1() + '\n');
    text.close();
    QFile utf16(dir.filePath(u"export-utf16.csv"_s));
    QVERIFY(utf16.open(QIODevice::WriteOnly));
    utf16.write("\xff\xfe");
    const QString line = u"asset_id\r\n"_s + id(6) + u"\r\n"_s;
    utf16.write(reinterpret_cast<const char *>(line.utf16()), line.size() * 2);
    utf16.close();

    m_panel->parseFiles({file.fileName(), text.fileName(), utf16.fileName()});
    waitForResult();
    QCOMPARE(m_panel->result().ids(), (QStringList {id(5), id(6)}));
    QVERIFY2(summary().contains(u"New asset IDs: 2"_s), qPrintable(summary()));
    QVERIFY2(summary().contains(u"upload.mp4 could not be read"_s), qPrintable(summary()));
    QVERIFY(addButton()->isEnabled());
    QCOMPARE(addButton()->text(), u"Add to &Queue (2)"_s);

    // A device that never ends is refused too, at once, instead of filling the memory.
    m_panel->parseFiles({u"/dev/zero"_s});
    waitForResult();
    QCOMPARE(m_panel->result().count(), 0);
    QVERIFY2(summary().contains(u"zero could not be read"_s), qPrintable(summary()));
}

void TestPastePanel::randomJunkFindsNothing()
{
    // 2 MB of random bytes pasted as text: nothing to add, and the panel says so.
    QByteArray junk(2 << 20, Qt::Uninitialized);
    QRandomGenerator(5).fillRange(reinterpret_cast<quint32 *>(junk.data()), junk.size() / 4);
    m_panel->parseText(QString::fromUtf8(junk), u"pasted text"_s);
    QVERIFY(m_panel->isParsing());
    waitForResult();
    QCOMPARE(m_panel->result().count(), 0);
    QVERIFY2(summary().contains(u"New asset IDs: 0"_s), qPrintable(summary()));
    QVERIFY(!addButton()->isEnabled());
    QVERIFY(m_panel->findChild<QLabel *>(u"pasteSourceLabel"_s)->text().contains(u"pasted text"_s));
}

void TestPastePanel::manyMalformedAreCountedAll()
{
    // 1,200 malformed values and one good ID: every malformed one is counted, the first 500 are
    // listed and a last line says how many more there are.
    QString text;
    for (int i = 0; i < 1200; ++i)
        text += u"asset_id=%1\n"_s.arg(id(i).right(30));
    text += u"asset_id=%1\n"_s.arg(id(7));
    m_panel->parseText(text, u"pasted text"_s);
    waitForResult();
    QCOMPARE(m_panel->result().malformedTotal, 1200);
    QVERIFY2(summary().contains(u"Malformed: %1"_s.arg(QLocale().toString(1200))),
             qPrintable(summary()));
    QVERIFY2(summary().contains(u"New asset IDs: 1"_s), qPrintable(summary()));
    auto *list = m_panel->findChild<QTreeWidget *>(u"malformedList"_s);
    QCOMPARE(list->topLevelItemCount(), 501);
    QCOMPARE(list->topLevelItem(500)->text(1), u"… and 700 more"_s);
}

QTEST_MAIN(TestPastePanel)
#include "tst_pastepanel.moc"
