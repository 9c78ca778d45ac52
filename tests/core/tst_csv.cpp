#include "util/csv.h"

#include <QTest>

using namespace VodConfirm;
using namespace Qt::StringLiterals;

class TestCsv : public QObject
{
    Q_OBJECT
private slots:
    void row_data();
    void row();
};

void TestCsv::row_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QByteArray>("written");

    QTest::newRow("plain") << u"confirmed"_s << QByteArray("confirmed");
    QTest::newRow("asset id") << u"f488337c31c8e4622f1590735b134c65"_s
                              << QByteArray("f488337c31c8e4622f1590735b134c65");
    QTest::newRow("empty") << QString() << QByteArray();
    QTest::newRow("comma is quoted") << u"a,b"_s << QByteArray("\"a,b\"");
    QTest::newRow("quotes are doubled") << u"say \"hi\""_s << QByteArray("\"say \"\"hi\"\"\"");
    QTest::newRow("line break is quoted") << u"a\nb"_s << QByteArray("\"a\nb\"");
    // CSV injection (OWASP): a spreadsheet would run these; a leading quote makes them text.
    QTest::newRow("formula") << u"=1+1"_s << QByteArray("'=1+1");
    QTest::newRow("hyperlink") << u"=HYPERLINK(\"http://evil.example\",\"x\")"_s
                               << QByteArray(
                                          "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
    QTest::newRow("plus") << u"+cmd|' /C calc'!A0"_s << QByteArray("'+cmd|' /C calc'!A0");
    QTest::newRow("minus") << u"-2+3"_s << QByteArray("'-2+3");
    QTest::newRow("at") << u"@SUM(A1)"_s << QByteArray("'@SUM(A1)");
    QTest::newRow("tab") << u"\t=1"_s << QByteArray("'\t=1");
    QTest::newRow("carriage return") << u"\r=1"_s << QByteArray("\"'\r=1\"");
    // Numbers stay numbers.
    QTest::newRow("negative number") << u"-12"_s << QByteArray("-12");
    QTest::newRow("signed decimal") << u"+3.5"_s << QByteArray("+3.5");
    QTest::newRow("lone minus") << u"-"_s << QByteArray("'-");
    QTest::newRow("formula later in the text") << u"error: =1+1"_s << QByteArray("error: =1+1");
}

void TestCsv::row()
{
    QFETCH(QString, field);
    QFETCH(QByteArray, written);
    QCOMPARE(Csv::row({field}), written + "\r\n");
    QCOMPARE(Csv::row({u"403"_s, field, u"1"_s}), "403," + written + ",1\r\n");
}

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
