#include "engine/uploadparts.h"

#include "api/vodclient.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

#include <mutex>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace Qt::StringLiterals;

namespace VodConfirm {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(UploadParts)
};

constexpr qint64 MB = 1024 * 1024;
// Reads in pieces of this size into the part's buffer, hashing each as it arrives.
constexpr qint64 ReadChunk = 1 * MB;

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

QString UploadParts::videoTypeFor(const QString &filePath, QString *error)
{
    const QString suffix = QFileInfo(filePath).suffix().toUpper();
    const QStringList &types = VodClient::videoTypes();
    if (!suffix.isEmpty() && types.contains(suffix))
        return suffix;
    if (error) {
        const QString list = types.join(u", "_s);
        *error = suffix.isEmpty()
                ? Tr::tr("%1 has no file extension, so its type is not known. VOD takes these "
                         "types: %2.")
                          .arg(native(filePath), list)
                : Tr::tr("VOD does not take .%1 files (%2). It takes these types: %3.")
                          .arg(QFileInfo(filePath).suffix(), native(filePath), list);
    }
    return {};
}

std::optional<qint64> UploadParts::choosePartSize(qint64 fileSize, qint64 preferred, QString *error)
{
    using namespace UploadLimits;
    if (fileSize <= 0) {
        if (error)
            *error = Tr::tr("The file is empty: there is nothing to upload.");
        return std::nullopt;
    }
    if (fileSize > MaxFileSize) {
        if (error)
            *error = Tr::tr("The file is too big for VOD: %1 at most (10,000 parts of 5 GB).")
                             .arg(QLocale().formattedDataSize(MaxFileSize));
        return std::nullopt;
    }
    if (fileSize < SinglePutBelow)
        return fileSize;
    qint64 size = qBound(MinPartSize, preferred, MaxPartSize);
    if (uploadPartCount(fileSize, size) > MaxParts) {
        const qint64 needed = (fileSize + MaxParts - 1) / MaxParts;
        size = qMin(MaxPartSize, (needed + MB - 1) / MB * MB);
    }
    return size;
}

PartSpan UploadParts::part(qint64 fileSize, qint64 partSize, int number)
{
    const qint64 size = uploadPartSizeAt(fileSize, partSize, number);
    if (size == 0)
        return {};
    return {number, (number - 1) * partSize, size};
}

QList<PartSpan> UploadParts::parts(qint64 fileSize, qint64 partSize)
{
    const qint64 count = uploadPartCount(fileSize, partSize);
    QList<PartSpan> result;
    if (count > UploadLimits::MaxParts)
        return result;
    result.reserve(count);
    for (int n = 1; n <= count; ++n)
        result.append(part(fileSize, partSize, n));
    return result;
}

std::optional<FileStamp> UploadParts::stamp(const QString &filePath, QString *error)
{
    const QFileInfo info(filePath);
    if (!info.exists() || !info.isFile() || !info.isReadable()) {
        if (error)
            *error = !info.exists() ? Tr::tr("%1 does not exist (any more).").arg(native(filePath))
                    : !info.isFile()
                    ? Tr::tr("%1 is not a file.").arg(native(filePath))
                    : Tr::tr("%1 cannot be read (check its permissions).").arg(native(filePath));
        return std::nullopt;
    }
    return FileStamp {info.size(), info.lastModified().toMSecsSinceEpoch()};
}

QString UploadParts::changedSince(const QString &filePath, const FileStamp &planned)
{
    QString error;
    const std::optional<FileStamp> now = stamp(filePath, &error);
    if (!now)
        return error;
    if (*now == planned)
        return {};
    const QLocale locale;
    if (now->size != planned.size)
        return Tr::tr("%1 changed since its upload began (%2 then, %3 now). Its parts cannot be "
                      "sent any more: upload it again as a new file.")
                .arg(native(filePath), locale.formattedDataSize(planned.size),
                     locale.formattedDataSize(now->size));
    return Tr::tr("%1 was modified since its upload began (at %2). Its parts cannot be sent any "
                  "more: upload it again as a new file.")
            .arg(native(filePath),
                 locale.toString(QDateTime::fromMSecsSinceEpoch(now->modifiedMs),
                                 QLocale::ShortFormat));
}

UploadPartReader::UploadPartReader(const QString &filePath, const FileStamp &planned,
                                   qint64 partSize, int inFlight)
    : m_path(filePath), m_planned(planned), m_partSize(partSize)
{
    m_pool.setMaxThreadCount(qMax(1, inFlight));
#if defined(__GLIBC__)
    // Part buffers (20 MB by default) must go back to the system when freed. glibc raises its
    // mmap threshold to the size of the first large block freed, so later part buffers would come
    // from the heap arenas of the reading threads and fragment them: the process grew by the file
    // size's order (164 MB for a 2 GB file) instead of staying at parts in flight x part size.
    static std::once_flag once;
    std::call_once(once, [] { mallopt(M_MMAP_THRESHOLD, 1024 * 1024); });
#endif
}

UploadPartReader::~UploadPartReader()
{
    m_pool.waitForDone();
}

QFuture<PartData> UploadPartReader::read(int partNumber)
{
    return QtConcurrent::run(&m_pool,
                             [path = m_path, planned = m_planned, partSize = m_partSize,
                              partNumber] { return readNow(path, planned, partSize, partNumber); });
}

PartData UploadPartReader::readNow(const QString &filePath, const FileStamp &planned,
                                   qint64 partSize, int partNumber)
{
    PartData data;
    data.span = UploadParts::part(planned.size, partSize, partNumber);
    if (data.span.number == 0) {
        data.error = Tr::tr("Part %1 is not a part of %2.").arg(partNumber).arg(native(filePath));
        return data;
    }
    if (QString changed = UploadParts::changedSince(filePath, planned); !changed.isEmpty()) {
        data.error = std::move(changed);
        return data;
    }
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(data.span.offset)) {
        data.error = Tr::tr("Cannot read %1: %2.").arg(native(filePath), file.errorString());
        return data;
    }
    QByteArray bytes(data.span.size, Qt::Uninitialized);
    QCryptographicHash md5(QCryptographicHash::Md5);
    qint64 done = 0;
    while (done < data.span.size) {
        const qint64 n = file.read(bytes.data() + done, qMin(ReadChunk, data.span.size - done));
        if (n <= 0) {
            data.error = n < 0
                    ? Tr::tr("Cannot read %1: %2.").arg(native(filePath), file.errorString())
                    : UploadParts::changedSince(filePath, planned);
            if (data.error.isEmpty())
                data.error = Tr::tr("%1 ended before part %2 was read.")
                                     .arg(native(filePath))
                                     .arg(partNumber);
            return data;
        }
        md5.addData(QByteArrayView(bytes.constData() + done, n));
        done += n;
    }
    // Changed while it was read: these bytes may be half old, half new.
    if (QString changed = UploadParts::changedSince(filePath, planned); !changed.isEmpty()) {
        data.error = std::move(changed);
        return data;
    }
    data.bytes = std::move(bytes);
    data.md5 = md5.result();
    data.contentMd5 = data.md5.toBase64();
    return data;
}

} // namespace VodConfirm
