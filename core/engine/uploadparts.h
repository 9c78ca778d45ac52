#pragma once

#include "storage/uploadrecord.h"

#include <QByteArray>
#include <QFuture>
#include <QList>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <optional>

namespace VodConfirm {

// One part of a file: where it is and how big (UploadRecord::partSize cuts the file).
struct PartSpan
{
    int number = 0; // 1-based
    qint64 offset = 0;
    qint64 size = 0;

    friend bool operator==(const PartSpan &, const PartSpan &) = default;
};

// The size and modification time a file had when it was planned (UploadRecord::fileSize,
// fileModifiedMs): the file must still have both when its parts are read.
struct FileStamp
{
    qint64 size = 0;
    qint64 modifiedMs = 0; // ms since the epoch

    friend bool operator==(const FileStamp &, const FileStamp &) = default;
};

// Planning an upload: which files VOD takes, how a file is cut in parts (UploadLimits), and
// whether a file is still the one that was planned. Pure functions; messages are translated.
namespace UploadParts {
// The video_type for `filePath` from its extension, one of VodClient::videoTypes()
// (case-insensitive; "mpeg" and "mpg" are their own types). Empty with *error set (naming the types
// VOD takes) for any other file.
QString videoTypeFor(const QString &filePath, QString *error = nullptr);

// The part size for a file of `fileSize` bytes with `preferred` (Settings::uploadPartSize()):
// below UploadLimits::SinglePutBelow the file size itself (one PUT, no multipart); else
// `preferred` clamped to 100 KB..5 GB and, when the file would need more than 10,000 parts of
// it, the smallest whole number of MB that fits it in 10,000 parts. std::nullopt with *error set
// for an empty file or one over UploadLimits::MaxFileSize.
std::optional<qint64> choosePartSize(qint64 fileSize, qint64 preferred, QString *error = nullptr);
// Part `number` (1..uploadPartCount()) of the cut; a PartSpan with number 0 outside it.
PartSpan part(qint64 fileSize, qint64 partSize, int number);
// Every part in order; the last one may be smaller. Empty when there are none.
QList<PartSpan> parts(qint64 fileSize, qint64 partSize);

// The file's size and modification time now; std::nullopt with *error set when it cannot be
// read (missing, a folder, not readable).
std::optional<FileStamp> stamp(const QString &filePath, QString *error = nullptr);
// Empty when `filePath` still has `planned`'s size and modification time, else a translated
// sentence saying what changed and that the upload cannot go on with it.
QString changedSince(const QString &filePath, const FileStamp &planned);

} // namespace UploadParts

// One part read from disk with its MD5.
struct PartData
{
    PartSpan span;
    QByteArray bytes; // span.size bytes, empty on error
    QByteArray md5; // 16 raw bytes
    QByteArray contentMd5; // base64 of md5: the Content-MD5 header value
    QString error; // translated; empty on success
};

// Reads parts of one planned file off the calling thread: each read() streams its part from disk
// into one buffer of the part's size while hashing it (MD5), on a pool of `inFlight` threads, and
// checks before and after that the file still has its planned size and modification time. The
// memory in use is the parts whose PartData the caller still holds: with at most `inFlight` parts
// requested before their results are dropped, at most inFlight x part size (never the file size).
// Destroying the reader waits for reads under way.
class UploadPartReader final
{
    Q_DISABLE_COPY_MOVE(UploadPartReader)
public:
    UploadPartReader(const QString &filePath, const FileStamp &planned, qint64 partSize,
                     int inFlight);
    ~UploadPartReader();

    QFuture<PartData> read(int partNumber);

    // The same, on the calling thread (tests, benchmarks, the pool's jobs).
    static PartData readNow(const QString &filePath, const FileStamp &planned, qint64 partSize,
                            int partNumber);

private:
    QString m_path;
    FileStamp m_planned;
    qint64 m_partSize;
    QThreadPool m_pool;
};

} // namespace VodConfirm
