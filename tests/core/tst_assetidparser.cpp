#include "ids/assetidparser.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QStringEncoder>
#include <QTest>

using namespace VodConfirm;
using namespace Qt::StringLiterals;

namespace {

// Asset IDs from the VOD documentation examples.
const QString A = u"f488337c31c8e4622f1590735b134c65"_s;
const QString B = u"0f4d3f1f32ec353d8866f2d84a036124"_s;
const QString C = u"14d7b2faba0dddd6b4e8936272d6bc3f"_s;
// A request ID and a project ID: also 32 hex, never asset IDs where they are keyed.
const QString R = u"a52ba84366abebb4c4614e1b16973549"_s;
const QString P = u"0a1b2c3d4e5f60718293a4b5c6d7e8f9"_s;
const QString Uuid = u"123e4567-e89b-12d3-a456-426614174000"_s;
const QString Sha256 = u"3f83fce3ef7d8ed1224c84ed7f10e92948e9e1f84f76b6c00131b9b200a755ef"_s;

// "line token — reason", what the user sees in the list of rejected values.
QStringList describe(const QList<ParsedIds::Malformed> &list)
{
    QStringList out;
    for (const ParsedIds::Malformed &m : list)
        out << u"%1 %2 — %3"_s.arg(m.line).arg(m.token, m.reason);
    return out;
}

QString idFor(int i)
{
    return QString::fromLatin1(
            QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Md5).toHex());
}

} // namespace

class TestAssetIdParser : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void isValidId_data();
    void isValidId();
    void assetIdRoundTrip();
    void duplicateExamplesAreDistinct();
    void alreadyKnownPredicate();
    void largeAlreadyKnownSet();
    void notes();
    void notesForNothingFound();
    void malformedExamplesAreCapped();
    void tenThousandIdsKeepOrder();
    void randomBytesStayBounded();
    void fuzzSeeds_data();
    void fuzzSeeds();
    void streamReadsLongLinesInPieces();
    void streamSkipsAnOverlongWord();
    void streamDecidesTableModeAfterBlankLines();
    void streamCountsLineBreaksCutBetweenBlocks();
    void streamDecodesByteOrderMarks_data();
    void streamDecodesByteOrderMarks();
    void streamRefusesNonText();
};

void TestAssetIdParser::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("known");
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<int>("duplicates");
    QTest::addColumn<int>("alreadyKnown");
    QTest::addColumn<int>("upperCase");
    QTest::addColumn<QStringList>("malformed");
    QTest::addColumn<int>("lines");

    const QStringList none;
    // Plain lists.
    QTest::newRow("one per line") << A + u'\n' + B + u'\n' + C + u'\n' << none
                                  << QStringList {A, B, C} << 0 << 0 << 0 << none << 3;
    QTest::newRow("blank lines and padding") << u"  "_s + A + u"  \n\n\t"_s + B << none
                                             << QStringList {A, B} << 0 << 0 << 0 << none << 3;
    QTest::newRow("space and comma separated") << A + u' ' + B + u", "_s + C << none
                                               << QStringList {A, B, C} << 0 << 0 << 0 << none << 1;
    QTest::newRow("empty input") << QString() << none << none << 0 << 0 << 0 << none << 0;
    QTest::newRow("only whitespace") << u" \n \n"_s << none << none << 0 << 0 << 0 << none << 2;
    QTest::newRow("windows line endings") << A + u"\r\n"_s + B + u"\r\n"_s << none
                                          << QStringList {A, B} << 0 << 0 << 0 << none << 2;
    QTest::newRow("windows line endings, line numbers")
            << A + u"\r\n\r\n"_s + A.left(31) + u"\r\n"_s << none << QStringList {A} << 0 << 0 << 0
            << QStringList {u"3 %1 — 31 characters, an asset ID has 32"_s.arg(A.left(31))} << 3;

    // Tables.
    QTest::newRow("csv with header and quoted fields")
            << u"asset_id,title,status\n\"%1\",\"My video, part 1\",CREATED\n\"%2\",\"x\",FAILED\n"_s
                       .arg(A, B)
            << none << QStringList {A, B} << 0 << 0 << 0 << none << 3;
    QTest::newRow("tsv") << u"asset_id\ttitle\n%1\tholiday\n%2\tconference\n"_s.arg(A, B) << none
                         << QStringList {A, B} << 0 << 0 << 0 << none << 3;
    QTest::newRow("console table with | separators")
            << u"| Asset ID | Title | Status |\n|---|---|---|\n| %1 | a | CREATING |\n| %2 | b | "
               "CREATED |"_s.arg(A, B)
            << none << QStringList {A, B} << 0 << 0 << 0 << none << 4;

    QTest::newRow("csv: only the asset id column counts")
            << u"asset_id,video_md5,title\n%1,%2,\"x, %3\"\n%4,%3,z\n"_s.arg(A, R, P, B) << none
            << QStringList {A, B} << 0 << 0 << 0 << none << 3;
    QTest::newRow("csv: id column not first, quoted cells")
            << u"\"title\";\"Asset ID\";\"sha1\"\n\"about %1\";\"%2\";\"%3\"\n"_s.arg(
                       R, A, Sha256.left(40))
            << none << QStringList {A} << 0 << 0 << 0 << none << 2;
    QTest::newRow("csv followed by plain lines")
            << u"asset_id,md5\n%1,%2\n\n%3\n"_s.arg(A, R, B) << none << QStringList {A, B} << 0 << 0
            << 0 << none << 4;
    QTest::newRow("console table with a project id column")
            << u"| Asset ID | Project ID | Status |\n|---|---|---|\n| %1 | %2 | CREATED |"_s.arg(A,
                                                                                                 P)
            << none << QStringList {A} << 0 << 0 << 0 << none << 3;
    QTest::newRow("chinese console header") << u"媒资ID\t标题\tMD5\n%1\t视频\t%2\n"_s.arg(A, R)
                                            << none << QStringList {A} << 0 << 0 << 0 << none << 2;
    QTest::newRow("header with asset_id and parent_asset_id")
            << u"parent_asset_id,asset_id\n%1,%2\n"_s.arg(B, A) << none << QStringList {A} << 0 << 0
            << 0 << none << 2;
    QTest::newRow("malformed id in the id column of a table")
            << u"asset_id,title\n%1,x\n"_s.arg(A.left(31)) << none << none << 0 << 0 << 0
            << QStringList {u"2 %1 — 31 characters, an asset ID has 32"_s.arg(A.left(31))} << 2;
    QTest::newRow("a sentence with commas is not a header")
            << u"Hi team, here are the asset IDs\n%1, %2\n"_s.arg(A, B) << none
            << QStringList {A, B} << 0 << 0 << 0 << none << 2;
    QTest::newRow("table without an asset id column is read as text")
            << u"title,md5\nholiday,%1\n"_s.arg(R) << none << QStringList {R} << 0 << 0 << 0 << none
            << 2;

    // JSON.
    QTest::newRow("json array of objects")
            << u"[{\"asset_id\":\"%1\",\"status\":\"CREATING\"},{\"asset_id\": \"%2\", \"status\": "
               "\"CREATING\"}]"_s.arg(A, B)
            << none << QStringList {A, B} << 0 << 0 << 0 << none << 1;
    QTest::newRow("json array of strings") << u"[\"%1\", \"%2\"]"_s.arg(A, B) << none
                                           << QStringList {A, B} << 0 << 0 << 0 << none << 1;
    QTest::newRow("json api response, request_id ignored")
            << u"{\n  \"request_id\": \"%1\",\n  \"assets\": [\n    {\"asset_id\": \"%2\", "
               "\"original_url\": \"https://obs.example.com/%3/x.mp4\"}\n  ]\n}"_s.arg(R, A, P)
            << none << QStringList {A} << 0 << 0 << 0 << none << 6;
    QTest::newRow("json list under asset_ids")
            << u"{\"asset_ids\":[\"%1\",\"%2\"],\"md5\":\"%3\"}"_s.arg(A, B, R) << none
            << QStringList {A, B} << 0 << 0 << 0 << none << 1;
    QTest::newRow("json log message with asset_id inside")
            << u"{\"msg\":\"confirmed asset_id=%1 ok\",\"request_id\":\"%2\"}"_s.arg(A, R) << none
            << QStringList {A} << 0 << 0 << 0 << none << 1;
    QTest::newRow("json map keyed by asset id")
            << u"{\"%1\": \"CREATED\", \"%2\": \"FAILED\"}"_s.arg(A, B) << none
            << QStringList {A, B} << 0 << 0 << 0 << none << 1;
    QTest::newRow("json null asset_id")
            << u"{\"asset_id\": null}"_s << none << none << 0 << 0 << 0
            << QStringList {u"1 null — 4 characters, an asset ID has 32"_s} << 1;

    // Log lines and keyed values.
    QTest::newRow("log lines, request ids ignored")
            << u"2024-01-02T03:04:05Z INFO confirm asset_id=%1 request_id=%2\n"
               "2024-01-02T03:04:06Z INFO confirm asset_id=%3 request_id=%4\n"_s.arg(A, R, B, P)
            << none << QStringList {A, B} << 0 << 0 << 0 << none << 2;
    QTest::newRow("http headers") << u"X-Request-Id: %1\nX-Project-Id: %2\nasset: %3"_s.arg(R, P, A)
                                  << none << QStringList {A} << 0 << 0 << 0 << none << 3;
    QTest::newRow("two-word keys")
            << u"Request ID: %1\nAsset ID: %2\nProject Id = %3"_s.arg(R, A, P) << none
            << QStringList {A} << 0 << 0 << 0 << none << 3;
    QTest::newRow("prose colon is not a key") << u"INFO: %1 confirmed\nDone:%2"_s.arg(A, B) << none
                                              << QStringList {A, B} << 0 << 0 << 0 << none << 2;
    QTest::newRow("md5 values ignored") << u"video_md5=%1\nmd5: %2\n%3"_s.arg(R, P, A) << none
                                        << QStringList {A} << 0 << 0 << 0 << none << 3;
    QTest::newRow("url: project id in path ignored, query asset ids taken")
            << u"GET https://vod.cn-north-4.myhuaweicloud.com/v1.0/%1/asset/info?asset_id=%2&"
               "asset_id=%3 200"_s.arg(P, A, B)
            << none << QStringList {A, B} << 0 << 0 << 0 << none << 1;
    QTest::newRow("asset_id with spaces around =")
            << u"asset_id = %1;asset_id :%2"_s.arg(A, B) << none << QStringList {A, B} << 0 << 0
            << 0 << none << 1;
    QTest::newRow("comma-separated asset_id value")
            << u"asset_id=%1,%2"_s.arg(A, B) << none << QStringList {A, B} << 0 << 0 << 0 << none
            << 1;
    QTest::newRow("chinese text without spaces")
            << u"媒资ID：%1，状态：已上传。%2已确认"_s.arg(A, B) << none << QStringList {A, B} << 0
            << 0 << 0 << none << 1;
    QTest::newRow("underscore and dot delimit")
            << u"upload_%1.mp4"_s.arg(A) << none << QStringList {A} << 0 << 0 << 0 << none << 1;

    // Case.
    QTest::newRow("upper case normalised")
            << A.toUpper() + u'\n' + u"0F4d3F1f32EC353d8866f2d84a036124"_s << none
            << QStringList {A, B} << 0 << 0 << 2 << none << 2;
    QTest::newRow("upper case duplicate of lower case")
            << A + u' ' + A.toUpper() << none << QStringList {A} << 1 << 0 << 1 << none << 1;

    // Duplicates.
    QTest::newRow("duplicates within paste") << u"%1\n%2\n%1\n%1"_s.arg(A, B) << none
                                             << QStringList {A, B} << 2 << 0 << 0 << none << 4;
    QTest::newRow("already in the table") << u"%1\n%2\n%3"_s.arg(A, B, C) << QStringList {B}
                                          << QStringList {A, C} << 0 << 1 << 0 << none << 3;
    QTest::newRow("already in the table, twice") << u"%1 %1 %2"_s.arg(B, A) << QStringList {B}
                                                 << QStringList {A} << 0 << 2 << 0 << none << 1;

    // Malformed values that look like IDs.
    QTest::newRow("31 characters")
            << A.left(31) << none << none << 0 << 0 << 0
            << QStringList {u"1 %1 — 31 characters, an asset ID has 32"_s.arg(A.left(31))} << 1;
    QTest::newRow("33 characters")
            << A + u'0' << none << none << 0 << 0 << 0
            << QStringList {u"1 %1 — 33 characters, an asset ID has 32"_s.arg(A + u'0')} << 1;
    QTest::newRow("not hexadecimal")
            << u"%1\nf488g37c31c8e4622f1590735b134c65"_s.arg(B) << none << QStringList {B} << 0 << 0
            << 0
            << QStringList {u"2 f488g37c31c8e4622f1590735b134c65 — not hexadecimal: "
                            "'g' at position 5"_s}
            << 2;
    QTest::newRow("typed O for 0, upper case kept in report")
            << u"F488337C31C8E4622F1590735B134C6O"_s << none << none << 0 << 0 << 0
            << QStringList {u"1 F488337C31C8E4622F1590735B134C6O — not hexadecimal: 'O' at "
                            "position 32"_s}
            << 1;
    QTest::newRow("32 hex inside a 40-character token")
            << A + u"abcd1234"_s << none << none << 0 << 0 << 0
            << QStringList {u"1 %1abcd1234 — 40 characters, an asset ID has 32"_s.arg(A)} << 1;
    QTest::newRow("uuid in text skipped")
            << Uuid + u'\n' + A << none << QStringList {A} << 0 << 0 << 0 << none << 2;
    QTest::newRow("uuid as asset_id")
            << u"{\"asset_id\": \"%1\"}"_s.arg(Uuid) << none << none << 0 << 0 << 0
            << QStringList {u"1 %1 — UUID, not an asset ID"_s.arg(Uuid)} << 1;
    QTest::newRow("sha-256 in text skipped")
            << Sha256 + u' ' + A << none << QStringList {A} << 0 << 0 << 0 << none << 1;
    QTest::newRow("sha-256 as asset_id")
            << u"asset_id=%1"_s.arg(Sha256) << none << none << 0 << 0 << 0
            << QStringList {u"1 %1 — 64 characters, an asset ID has 32"_s.arg(Sha256)} << 1;
    QTest::newRow("asset_id value with a file name")
            << u"asset_id=%1.mp4"_s.arg(A.left(28)) << none << none << 0 << 0 << 0
            << QStringList {u"1 %1.mp4 — not hexadecimal: '.' at position 29"_s.arg(A.left(28))}
            << 1;
    QTest::newRow("words and keys are not malformed")
            << u"The internationalization team\nAK=HPUAEXAMPLEAK0000001 "
               "SK=ExampleSecretKey0000000000000000000000001\nabcdefabcdefabcdefabcdefabcdef"_s
            << none << none << 0 << 0 << 0 << none << 3;
    QTest::newRow("long number is not malformed") << u"order 1234567890123456789012345678901"_s
                                                  << none << none << 0 << 0 << 0 << none << 1;
}

void TestAssetIdParser::parse()
{
    QFETCH(QString, text);
    QFETCH(QStringList, known);
    QFETCH(QStringList, ids);
    QFETCH(int, duplicates);
    QFETCH(int, alreadyKnown);
    QFETCH(int, upperCase);
    QFETCH(QStringList, malformed);
    QFETCH(int, lines);

    const QSet<QString> knownSet(known.cbegin(), known.cend());
    const ParsedIds r = AssetIdParser::parse(text, knownSet);
    QCOMPARE(r.ids(), ids);
    QCOMPARE(r.count(), ids.size());
    QCOMPARE(r.duplicates, duplicates);
    QCOMPARE(r.alreadyKnown, alreadyKnown);
    QCOMPARE(r.upperCaseNormalised, upperCase);
    QCOMPARE(describe(r.malformed), malformed);
    QCOMPARE(r.malformedTotal, malformed.size());
    QCOMPARE(r.linesRead, lines);
    for (const QString &id : std::as_const(ids))
        QVERIFY(AssetIdParser::isValidId(id));

    // The byte scanner follows the same rules.
    const ParsedIds b = AssetIdParser::parseUtf8(
            text.toUtf8(), [&knownSet](AssetId id) { return knownSet.contains(id.toString()); });
    QCOMPARE(b.ids(), r.ids());
    QCOMPARE(b.duplicates, r.duplicates);
    QCOMPARE(b.alreadyKnown, r.alreadyKnown);
    QCOMPARE(b.upperCaseNormalised, r.upperCaseNormalised);
    QCOMPARE(describe(b.malformed), describe(r.malformed));
    QCOMPARE(b.linesRead, r.linesRead);

    // So does the stream, whatever pieces the bytes arrive in: one by one here.
    AssetIdStream stream([&knownSet](AssetId id) { return knownSet.contains(id.toString()); });
    const QByteArray utf8 = text.toUtf8();
    for (qsizetype i = 0; i < utf8.size(); ++i)
        stream.feed(QByteArrayView(utf8).sliced(i, 1));
    const ParsedIds st = stream.finish();
    QCOMPARE(st.ids(), r.ids());
    QCOMPARE(st.duplicates, r.duplicates);
    QCOMPARE(st.alreadyKnown, r.alreadyKnown);
    QCOMPARE(st.upperCaseNormalised, r.upperCaseNormalised);
    QCOMPARE(describe(st.malformed), describe(r.malformed));
    QCOMPARE(st.linesRead, r.linesRead);
}

void TestAssetIdParser::isValidId_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("lower") << A << true;
    QTest::newRow("upper") << A.toUpper() << false;
    QTest::newRow("31") << A.left(31) << false;
    QTest::newRow("33") << A + u'0' << false;
    QTest::newRow("g") << u"g488337c31c8e4622f1590735b134c65"_s << false;
    QTest::newRow("space") << A.left(31) + u' ' << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("zeros") << QString(32, u'0') << true;
}

void TestAssetIdParser::isValidId()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(AssetIdParser::isValidId(id), valid);
}

void TestAssetIdParser::assetIdRoundTrip()
{
    const std::optional<AssetId> a = AssetId::fromString(A.toUpper());
    QVERIFY(a.has_value());
    QCOMPARE(a->toString(), A);
    QCOMPARE(a->high(), 0xf488337c31c8e462ULL);
    QCOMPARE(a->low(), 0x2f1590735b134c65ULL);
    QVERIFY(!AssetId::fromString(A.left(31)).has_value());
    QVERIFY(!AssetId::fromString(Uuid).has_value());
    QCOMPARE(AssetId::fromString(QString(32, u'0'))->toString(), QString(32, u'0'));
    QVERIFY(*AssetId::fromString(A) == *AssetId::fromString(A.toUpper()));
    QVERIFY(!(*AssetId::fromString(A) == *AssetId::fromString(B)));
}

void TestAssetIdParser::duplicateExamplesAreDistinct()
{
    const ParsedIds r = AssetIdParser::parse(u"%1 %2 %1 %1 %2 %3 %4 %4"_s.arg(A, B, C, R),
                                             QSet<QString> {C, R});
    QCOMPARE(r.ids(), (QStringList {A, B}));
    QCOMPARE(r.duplicates, 3);
    QCOMPARE(r.duplicateIds, (QStringList {A, B}));
    QCOMPARE(r.alreadyKnown, 3);
    QCOMPARE(r.alreadyKnownIds, (QStringList {C, R}));
}

void TestAssetIdParser::alreadyKnownPredicate()
{
    int asked = 0;
    const ParsedIds r = AssetIdParser::parse(u"%1 %2 %1 %2 %2"_s.arg(A, B), [&](AssetId id) {
        ++asked;
        return id.toString() == B;
    });
    QCOMPARE(r.ids(), QStringList {A});
    QCOMPARE(r.duplicates, 1);
    QCOMPARE(r.alreadyKnown, 3);
    QCOMPARE(asked, 2); // once per distinct ID, not per occurrence
}

void TestAssetIdParser::largeAlreadyKnownSet()
{
    // A set far larger than the text is asked per ID instead of converted: same answers.
    QSet<QString> known;
    for (int i = 0; i < 1000; ++i)
        known.insert(idFor(i));
    known.insert(B);
    const QString text = u"%1 %2 %1 %3"_s.arg(B, A, idFor(7).toUpper());
    const ParsedIds r = AssetIdParser::parse(text, known);
    QCOMPARE(r.ids(), QStringList {A});
    QCOMPARE(r.alreadyKnown, 3);
    QCOMPARE(r.alreadyKnownIds, (QStringList {B, idFor(7)}));
    QCOMPARE(r.upperCaseNormalised, 1);

    const ParsedIds small = AssetIdParser::parse((text + u'\n').repeated(100), known);
    QCOMPARE(small.ids(), QStringList {A});
    QCOMPARE(small.alreadyKnown, 300);
    QCOMPARE(small.duplicates, 99);
    QCOMPARE(small.alreadyKnownIds, (QStringList {B, idFor(7)}));
}

void TestAssetIdParser::notes()
{
    const QString text = u"%1\n%1\n%1\n%2\n%3\n%4\n%5"_s.arg(A, B.toUpper(), C, A.left(31),
                                                             u"zz"_s + A.mid(2));
    const ParsedIds r = AssetIdParser::parse(text, QSet<QString> {C});
    QCOMPARE(r.ids(), (QStringList {A, B}));
    QCOMPARE(r.notes(),
             (QStringList {u"2 duplicates ignored"_s, u"1 ID already in the list ignored"_s,
                           u"1 ID was in upper case and was converted to lower case"_s,
                           u"2 values look like asset IDs but are not valid"_s}));
    QCOMPARE(describe(r.malformed),
             (QStringList {u"6 %1 — 31 characters, an asset ID has 32"_s.arg(A.left(31)),
                           u"7 zz%1 — not hexadecimal: 'z' at position 1"_s.arg(A.mid(2))}));
    QCOMPARE(AssetIdParser::parse(A).notes(), QStringList());
}

void TestAssetIdParser::notesForNothingFound()
{
    const ParsedIds r = AssetIdParser::parse(u"hello world"_s);
    QCOMPARE(r.count(), 0);
    QCOMPARE(r.notes(),
             QStringList {u"No asset IDs found (an asset ID is 32 hexadecimal characters)"_s});
}

void TestAssetIdParser::malformedExamplesAreCapped()
{
    QString text;
    for (int i = 0; i < 1500; ++i)
        text += idFor(i).left(31) + u'\n';
    text += A;
    const ParsedIds r = AssetIdParser::parse(text);
    QCOMPARE(r.ids(), QStringList {A});
    QCOMPARE(r.malformedTotal, 1500);
    QCOMPARE(r.malformed.size(), ParsedIds::MaxExamples);
    QCOMPARE(r.malformed.first().token, idFor(0).left(31));
    QCOMPARE(r.malformed.last().line, ParsedIds::MaxExamples);
    // Counts in the locale's digits, as everywhere in user text.
    QCOMPARE(r.notes().last(),
             u"%L1 values look like asset IDs but are not valid (the first %L2 are listed)"_s
                     .arg(1500)
                     .arg(1000));
}

void TestAssetIdParser::tenThousandIdsKeepOrder()
{
    QStringList expected;
    QString text;
    for (int i = 0; i < 10000; ++i) {
        expected << idFor(i);
        text += expected.last() + u",\"title %1\"\n"_s.arg(i);
    }
    text += expected.at(5) + u'\n' + expected.at(9999); // repeats at the end
    const ParsedIds r = AssetIdParser::parse(text);
    QCOMPARE(r.count(), 10000);
    QCOMPARE(r.ids(), expected);
    QCOMPARE(r.duplicates, 2);
    QCOMPARE(r.duplicateIds, (QStringList {expected.at(5), expected.at(9999)}));
    QCOMPARE(r.linesRead, 10002);
}

void TestAssetIdParser::randomBytesStayBounded()
{
    // Binary junk must neither crash nor collect unbounded reports; any IDs found are valid.
    QRandomGenerator rng(42);
    QByteArray junk(4 << 20, Qt::Uninitialized);
    rng.fillRange(reinterpret_cast<quint32 *>(junk.data()), junk.size() / 4);
    // Make hex-ish runs likely, including ones of ID length.
    for (qsizetype i = 0; i < junk.size(); i += 97)
        junk[i] = char("0123456789abcdef=:\"[ \n"[junk.at(i) & 0xf]);
    const QByteArray ids = (u' ' + A + u' ' + B + u' ').toLatin1();
    junk.replace(1000, ids.size(), ids);

    const ParsedIds b = AssetIdParser::parseUtf8(junk);
    QVERIFY(b.ids().contains(A));
    QVERIFY(b.malformed.size() <= ParsedIds::MaxExamples);
    QVERIFY(b.duplicateIds.size() <= ParsedIds::MaxExamples);
    for (const QString &id : b.ids())
        QVERIFY(AssetIdParser::isValidId(id));

    const ParsedIds s = AssetIdParser::parse(QString::fromLatin1(junk));
    QCOMPARE(s.ids(), b.ids());
    QCOMPARE(s.malformedTotal, b.malformedTotal);
    QCOMPARE(s.linesRead, b.linesRead);
}

void TestAssetIdParser::fuzzSeeds_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<int>("malformed");
    QTest::newRow("plain") << u"plain.txt"_s << QStringList {A, B} << 0;
    QTest::newRow("csv") << u"table.csv"_s << QStringList {A, B} << 0;
    QTest::newRow("tsv") << u"console.tsv"_s << QStringList {A} << 0;
    QTest::newRow("console table") << u"console-table.txt"_s << QStringList {A} << 0;
    QTest::newRow("response") << u"response.json"_s << QStringList {A, B} << 2; // null, UUID
    QTest::newRow("log") << u"log.txt"_s << QStringList {A, B} << 0;
    QTest::newRow("url") << u"url.txt"_s << QStringList {A, B} << 0;
    QTest::newRow("malformed") << u"malformed.txt"_s << QStringList() << 5;
    QTest::newRow("edge") << u"edge.txt"_s << QStringList {A} << 0;
    QTest::newRow("random bytes") << u"junk.bin"_s << QStringList {A} << 0;
}

// The fuzzing seeds double as end-to-end inputs read from disk, as bytes and as text.
void TestAssetIdParser::fuzzSeeds()
{
    QFETCH(QString, file);
    QFETCH(QStringList, ids);
    QFETCH(int, malformed);
    QFile f(QFINDTESTDATA(u"../fuzz/ids_seeds/"_s + file));
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
    const QByteArray bytes = f.readAll();
    const ParsedIds b = AssetIdParser::parseUtf8(bytes);
    const ParsedIds s = AssetIdParser::parse(QString::fromUtf8(bytes));
    QCOMPARE(b.ids(), ids);
    QCOMPARE(s.ids(), ids);
    QCOMPARE(b.malformedTotal, malformed);
    QCOMPARE(s.malformedTotal, malformed);
}

void TestAssetIdParser::streamReadsLongLinesInPieces()
{
    // A minified JSON export: one line far longer than the stream's line limit.
    QByteArray line = "[";
    QStringList expected;
    for (int i = 0; i < 500; ++i) {
        expected << idFor(i);
        line += R"({"asset_id": ")" + idFor(i).toLatin1() + R"(", "md5": ")" + R.toLatin1()
                + R"("},)";
    }
    line += "]";
    AssetIdStream stream({}, 1000);
    for (qsizetype i = 0; i < line.size(); i += 333)
        stream.feed(QByteArrayView(line).sliced(i, qMin<qsizetype>(333, line.size() - i)));
    const ParsedIds r = stream.finish();
    QCOMPARE(r.ids(), expected); // every ID, and never the md5 values next to them
    QCOMPARE(r.malformedTotal, 0);
    QCOMPARE(r.linesRead, 1);
}

void TestAssetIdParser::streamSkipsAnOverlongWord()
{
    // A run of letters and digits longer than the line limit, ending in 32 hex digits: not an
    // ID, as in the whole text; the IDs after it are found.
    const QByteArray text = QByteArray(5000, 'x') + A.toLatin1() + " " + B.toLatin1() + "\n"
            + C.toLatin1() + "\n";
    AssetIdStream stream({}, 100);
    for (qsizetype i = 0; i < text.size(); i += 64)
        stream.feed(QByteArrayView(text).sliced(i, qMin<qsizetype>(64, text.size() - i)));
    const ParsedIds r = stream.finish();
    QCOMPARE(r.ids(), (QStringList {B, C}));
    QCOMPARE(r.ids(), AssetIdParser::parseUtf8(text).ids());
    QCOMPARE(r.linesRead, 2);
}

void TestAssetIdParser::streamDecidesTableModeAfterBlankLines()
{
    // The header is the first non-empty line, even when blank lines fill the first blocks: the
    // md5 column of the table is not read as IDs.
    const QByteArray text = QByteArray(300, '\n') + "md5,asset_id\n" + R.toLatin1() + ","
            + A.toLatin1() + "\n" + P.toLatin1() + "," + B.toLatin1() + "\n";
    AssetIdStream stream({}, 100);
    stream.feed(text);
    const ParsedIds r = stream.finish();
    QCOMPARE(r.ids(), (QStringList {A, B}));
    QCOMPARE(r.ids(), AssetIdParser::parseUtf8(text).ids());
    QCOMPARE(r.linesRead, 303);
}

void TestAssetIdParser::streamCountsLineBreaksCutBetweenBlocks()
{
    // CRLF, lone CR (old Mac) and LF lines, with blocks cut at every possible place.
    QByteArray text;
    for (int i = 0; i < 40; ++i)
        text += idFor(i).toLatin1() + (i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\r" : "\n");
    const ParsedIds whole = AssetIdParser::parseUtf8(text);
    QCOMPARE(whole.count(), 40);
    for (int piece = 1; piece < 90; piece += 7) {
        AssetIdStream stream({}, 80);
        for (qsizetype i = 0; i < text.size(); i += piece)
            stream.feed(QByteArrayView(text).sliced(i, qMin<qsizetype>(piece, text.size() - i)));
        const ParsedIds r = stream.finish();
        QCOMPARE(r.ids(), whole.ids());
        QCOMPARE(r.linesRead, whole.linesRead);
    }
}

void TestAssetIdParser::streamDecodesByteOrderMarks_data()
{
    QTest::addColumn<QByteArray>("bom");
    QTest::addColumn<int>("encoding");
    QTest::newRow("UTF-8") << QByteArray("\xef\xbb\xbf") << int(QStringConverter::Utf8);
    QTest::newRow("UTF-16 LE") << QByteArray("\xff\xfe") << int(QStringConverter::Utf16LE);
    QTest::newRow("UTF-16 BE") << QByteArray("\xfe\xff") << int(QStringConverter::Utf16BE);
    QTest::newRow("UTF-32 LE") << QByteArray("\xff\xfe\0\0", 4) << int(QStringConverter::Utf32LE);
    QTest::newRow("UTF-32 BE") << QByteArray("\0\0\xfe\xff", 4) << int(QStringConverter::Utf32BE);
}

void TestAssetIdParser::streamDecodesByteOrderMarks()
{
    QFETCH(QByteArray, bom);
    QFETCH(int, encoding);
    // Large enough for many read chunks, with a non-ASCII key ("媒资ID") in the table header.
    QString text = u"媒资ID\tmd5\n"_s;
    QStringList expected;
    for (int i = 0; i < 5000; ++i) {
        expected << idFor(i);
        text += idFor(i) + u'\t' + R + u'\n';
    }
    QStringEncoder encoder {QStringConverter::Encoding(encoding)};
    QByteArray file = bom + QByteArray(encoder.encode(text));
    file.chop(1); // no final line break: the stream adds one before the next source
    QBuffer device(&file);
    QVERIFY(device.open(QIODevice::ReadOnly));
    AssetIdStream stream;
    QCOMPARE(stream.feedFrom(device), QString());
    QByteArray second = A.toLatin1() + "\n";
    QBuffer next(&second);
    QVERIFY(next.open(QIODevice::ReadOnly));
    QCOMPARE(stream.feedFrom(next), QString());
    const ParsedIds r = stream.finish();
    QCOMPARE(r.ids(), expected + QStringList {A});
    QCOMPARE(r.linesRead, 5002);
}

void TestAssetIdParser::streamRefusesNonText()
{
    // UTF-16 without a byte order mark, a binary file, and text followed later by NUL bytes.
    const QList<QByteArray> inputs = {
            QByteArray(QStringEncoder(QStringConverter::Utf16LE).encode(A + u'\n')),
            QByteArray(100000, '\0'),
            QByteArray(B.toLatin1() + "\n").repeated(10000) + QByteArray(10, '\0'),
    };
    for (QByteArray input : inputs) {
        QBuffer device(&input);
        QVERIFY(device.open(QIODevice::ReadOnly));
        AssetIdStream stream;
        QVERIFY(stream.feedFrom(device).contains(u"not text"_s));
    }
}

QTEST_GUILESS_MAIN(TestAssetIdParser)
#include "tst_assetidparser.moc"
