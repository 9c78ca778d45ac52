// Planning an upload (part size, parts, video type) and reading its parts from disk with their
// MD5, as the upload job will send them.

#include "api/vodclient.h"
#include "engine/uploadparts.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <sys/stat.h>

using namespace VodConfirm;
using namespace Qt::StringLiterals;

namespace {
constexpr qint64 KB = 1024;
constexpr qint64 MB = 1024 * KB;
constexpr qint64 GB = 1024 * MB;
} // namespace

class TestUploadParts : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void partSizeAtTheEdges_data();
    void partSizeAtTheEdges();
    void partsCoverTheFile_data();
    void partsCoverTheFile();
    void sparse60GbFilePlannedAndRead();
    void partsReadWithTheirMd5();
    void changedFileRefused();
    void missingFileRefused();
    void videoTypes_data();
    void videoTypes();

private:
    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir->filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qWarning() << "cannot write" << path;
        return path;
    }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestUploadParts::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestUploadParts::partSizeAtTheEdges_data()
{
    QTest::addColumn<qint64>("fileSize");
    QTest::addColumn<qint64>("preferred");
    QTest::addColumn<qint64>("partSize"); // 0: refused
    QTest::addColumn<qint64>("parts");
    QTest::addColumn<bool>("singlePut");
    const qint64 d = 20 * MB; // the default
    QTest::newRow("empty refused") << qint64(0) << d << qint64(0) << qint64(0) << false;
    QTest::newRow("1 byte") << qint64(1) << d << qint64(1) << qint64(1) << true;
    QTest::newRow("20 MB - 1: one PUT") << 20 * MB - 1 << d << 20 * MB - 1 << qint64(1) << true;
    // From 20 MB on, multipart, even when that is a single part.
    QTest::newRow("20 MB: one part") << 20 * MB << d << 20 * MB << qint64(1) << false;
    QTest::newRow("20 MB + 1") << 20 * MB + 1 << d << 20 * MB << qint64(2) << false;
    QTest::newRow("exactly 3 parts") << 60 * MB << d << 20 * MB << qint64(3) << false;
    QTest::newRow("setting below 100 KB")
            << 30 * MB << qint64(1) << 100 * KB << qint64(308) << false;
    QTest::newRow("setting above 5 GB") << 30 * GB << 8 * GB << 5 * GB << qint64(6) << false;
    QTest::newRow("10,000 parts exactly") << 10000 * d << d << d << qint64(10000) << false;
    // One byte more than 10,000 parts hold: the parts grow to the next whole MB.
    QTest::newRow("10,000 parts + 1 byte")
            << 10000 * d + 1 << d << 21 * MB << qint64(9524) << false;
    QTest::newRow("300 GB") << 300 * GB << d << 31 * MB << qint64(9910) << false;
    QTest::newRow("largest file") << 10000 * 5 * GB << d << 5 * GB << qint64(10000) << false;
    QTest::newRow("too big refused") << 10000 * 5 * GB + 1 << d << qint64(0) << qint64(0) << false;
}

void TestUploadParts::partSizeAtTheEdges()
{
    QFETCH(qint64, fileSize);
    QFETCH(qint64, preferred);
    QFETCH(qint64, partSize);
    QFETCH(qint64, parts);
    QFETCH(bool, singlePut);
    QString error;
    const std::optional<qint64> chosen = UploadParts::choosePartSize(fileSize, preferred, &error);
    if (partSize == 0) {
        QVERIFY(!chosen);
        QVERIFY(!error.isEmpty());
        return;
    }
    QVERIFY2(chosen, qPrintable(error));
    QCOMPARE(*chosen, partSize);
    QCOMPARE(uploadPartCount(fileSize, *chosen), parts);
    UploadRecord u;
    u.fileSize = fileSize;
    u.partSize = *chosen;
    QCOMPARE(u.isSinglePut(), singlePut);
    QVERIFY(parts <= UploadLimits::MaxParts);
    QVERIFY(singlePut || *chosen >= UploadLimits::MinPartSize);
}

void TestUploadParts::partsCoverTheFile_data()
{
    QTest::addColumn<qint64>("fileSize");
    QTest::addColumn<qint64>("partSize");
    QTest::addColumn<qint64>("lastSize");
    QTest::newRow("one part") << 20 * MB << 20 * MB << 20 * MB;
    QTest::newRow("last smaller") << 50 * MB + 3 << 20 * MB << 10 * MB + 3;
    QTest::newRow("last 1 byte") << 40 * MB + 1 << 20 * MB << qint64(1);
    QTest::newRow("equal parts") << 60 * MB << 20 * MB << 20 * MB;
}

void TestUploadParts::partsCoverTheFile()
{
    QFETCH(qint64, fileSize);
    QFETCH(qint64, partSize);
    QFETCH(qint64, lastSize);
    const QList<PartSpan> parts = UploadParts::parts(fileSize, partSize);
    QVERIFY(!parts.isEmpty());
    qint64 offset = 0;
    for (int i = 0; i < parts.size(); ++i) {
        QCOMPARE(parts.at(i).number, i + 1);
        QCOMPARE(parts.at(i).offset, offset);
        QCOMPARE(parts.at(i).size, i + 1 < parts.size() ? partSize : lastSize);
        offset += parts.at(i).size;
    }
    QCOMPARE(offset, fileSize);
    QCOMPARE(UploadParts::part(fileSize, partSize, 0).number, 0);
    QCOMPARE(UploadParts::part(fileSize, partSize, int(parts.size()) + 1).number, 0);
}

// A 60 GB file is planned and its last part read without the test allocating 60 GB: a sparse
// file, whose bytes are zeros.
void TestUploadParts::sparse60GbFilePlannedAndRead()
{
    const QString path = m_dir->filePath(u"big.mkv"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    if (!f.resize(60 * GB))
        QSKIP("no sparse file of 60 GB on this file system");
    f.close();
    const std::optional<FileStamp> stamp = UploadParts::stamp(path);
    QVERIFY(stamp);
    QCOMPARE(stamp->size, 60 * GB);
    const std::optional<qint64> partSize = UploadParts::choosePartSize(stamp->size, 20 * MB);
    QCOMPARE(partSize, 20 * MB);
    const QList<PartSpan> parts = UploadParts::parts(stamp->size, *partSize);
    QCOMPARE(parts.size(), 3072);
    QCOMPARE(parts.last().offset, 60 * GB - 20 * MB);

    UploadPartReader reader(path, *stamp, *partSize, 3);
    const PartData last = reader.read(3072).result();
    QVERIFY2(last.error.isEmpty(), qPrintable(last.error));
    QCOMPARE(last.span, parts.last());
    QCOMPARE(last.bytes.size(), 20 * MB);
    QCOMPARE(last.md5,
             QCryptographicHash::hash(QByteArray(20 * MB, '\0'), QCryptographicHash::Md5));
    QCOMPARE(UploadParts::videoTypeFor(path), u"MKV"_s);
}

// Every part's MD5 (and its base64 for Content-MD5) is the MD5 of exactly that part's bytes.
void TestUploadParts::partsReadWithTheirMd5()
{
    QByteArray content(3 * 100 * KB + 777, Qt::Uninitialized);
    QRandomGenerator rng(12);
    for (char &c : content)
        c = char(rng.generate());
    const QString path = write(u"clip.mp4"_s, content);
    const std::optional<FileStamp> stamp = UploadParts::stamp(path);
    QVERIFY(stamp);
    const qint64 partSize = 100 * KB;
    UploadPartReader reader(path, *stamp, partSize, 3);
    QList<QFuture<PartData>> futures;
    for (int n = 1; n <= 4; ++n)
        futures.append(reader.read(n));
    for (int n = 1; n <= 4; ++n) {
        const PartData part = futures.at(n - 1).result();
        QVERIFY2(part.error.isEmpty(), qPrintable(part.error));
        const QByteArray expected = content.mid((n - 1) * partSize, partSize);
        QCOMPARE(part.span.number, n);
        QCOMPARE(part.bytes, expected);
        QCOMPARE(part.md5, QCryptographicHash::hash(expected, QCryptographicHash::Md5));
        QCOMPARE(part.contentMd5, part.md5.toBase64());
        QCOMPARE(part.contentMd5.size(), 24);
    }
    QCOMPARE(futures.last().result().bytes.size(), 777);
    const PartData outside = reader.read(5).result();
    QVERIFY(!outside.error.isEmpty());
    QVERIFY(outside.bytes.isEmpty());
}

// A file that changed since it was planned (size, or modification time with the same size) is
// refused with a sentence that says so; its bytes are not handed out.
void TestUploadParts::changedFileRefused()
{
    const QString path = write(u"talk.mov"_s, QByteArray(250 * KB, 'a'));
    const std::optional<FileStamp> stamp = UploadParts::stamp(path);
    QVERIFY(stamp);
    QVERIFY(UploadParts::changedSince(path, *stamp).isEmpty());

    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::Append));
        f.write("b");
    }
    QString changed = UploadParts::changedSince(path, *stamp);
    QVERIFY2(changed.contains(u"changed"_s) && changed.contains(u"talk.mov"_s),
             qPrintable(changed));
    PartData part = UploadPartReader::readNow(path, *stamp, 100 * KB, 1);
    QCOMPARE(part.error, changed);
    QVERIFY(part.bytes.isEmpty());

    // Same size, other content, other modification time.
    write(u"talk.mov"_s, QByteArray(250 * KB, 'c'));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(QDateTime::fromMSecsSinceEpoch(stamp->modifiedMs + 5000),
                              QFileDevice::FileModificationTime));
    }
    FileStamp sameSize = *stamp;
    QCOMPARE(UploadParts::stamp(path)->size, sameSize.size);
    changed = UploadParts::changedSince(path, sameSize);
    QVERIFY2(changed.contains(u"modified"_s), qPrintable(changed));
    part = UploadPartReader::readNow(path, sameSize, 100 * KB, 2);
    QVERIFY(!part.error.isEmpty());
    QVERIFY(part.bytes.isEmpty());
}

void TestUploadParts::missingFileRefused()
{
    const QString path = m_dir->filePath(u"gone.mp4"_s);
    QString error;
    QVERIFY(!UploadParts::stamp(path, &error));
    QVERIFY2(error.contains(u"gone.mp4"_s), qPrintable(error));
    const PartData part = UploadPartReader::readNow(path, {10, 0}, 10, 1);
    QVERIFY(!part.error.isEmpty());
    QVERIFY(!UploadParts::stamp(m_dir->path()));
}

void TestUploadParts::videoTypes_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("type"); // empty: refused
    QTest::newRow("mp4") << u"/v/a.mp4"_s << u"MP4"_s;
    QTest::newRow("upper case") << u"/v/B.MKV"_s << u"MKV"_s;
    QTest::newRow("mpeg") << u"/v/c.mpeg"_s << u"MPEG"_s;
    QTest::newRow("mpg") << u"/v/c.mpg"_s << u"MPG"_s;
    QTest::newRow("3gp") << u"/v/phone.3gp"_s << u"3GP"_s;
    QTest::newRow("audio flac") << u"/v/song.flac"_s << u"FLAC"_s;
    QTest::newRow("wv") << u"/v/song.wv"_s << u"WV"_s;
    QTest::newRow("text refused") << u"/v/notes.txt"_s << QString();
    QTest::newRow("double extension") << u"/v/a.mp4.exe"_s << QString();
    QTest::newRow("no extension") << u"/v/README"_s << QString();
    QTest::newRow("jpg refused") << u"/v/cover.jpg"_s << QString();
}

void TestUploadParts::videoTypes()
{
    QFETCH(QString, file);
    QFETCH(QString, type);
    QString error;
    QCOMPARE(UploadParts::videoTypeFor(file, &error), type);
    if (type.isEmpty()) {
        // The user learns which types VOD takes.
        QVERIFY2(error.contains(u"MP4"_s) && error.contains(u"FLAC"_s) && error.contains(u"MP2"_s),
                 qPrintable(error));
    } else {
        QVERIFY(error.isEmpty());
        QVERIFY(VodClient::videoTypes().contains(type));
    }
}

QTEST_GUILESS_MAIN(TestUploadParts)

#include "tst_uploadparts.moc"
