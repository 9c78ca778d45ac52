#include "storage/uploadrecord.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace VodConfirm {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(UploadRecord)
};

constexpr std::array<std::pair<UploadState, QLatin1StringView>, 8> StateNames {{
        {UploadState::Unknown, "unknown"_L1},
        {UploadState::New, "new"_L1},
        {UploadState::Created, "created"_L1},
        {UploadState::Uploading, "uploading"_L1},
        {UploadState::Completed, "completed"_L1},
        {UploadState::Confirmed, "confirmed"_L1},
        {UploadState::Failed, "failed"_L1},
        {UploadState::Cancelled, "cancelled"_L1},
}};

constexpr int MaxPathChars = 4096;
constexpr int MaxUrlChars = 8192;
constexpr int MaxObjectKeyChars = 1024;
constexpr int MaxShortTextChars = 256;
constexpr int MaxErrorChars = 4096;
constexpr int MaxEtagChars = 128;

bool matches(const QRegularExpression &re, const QString &s)
{
    return re.match(s).hasMatch();
}

bool hasControl(const QString &s)
{
    return std::any_of(s.cbegin(), s.cend(),
                       [](QChar c) { return c.unicode() < 0x20 || c == u'\x7f'; });
}

} // namespace

qint64 uploadPartCount(qint64 fileSize, qint64 partSize)
{
    if (fileSize <= 0 || partSize <= 0)
        return 0;
    return fileSize / partSize + (fileSize % partSize ? 1 : 0);
}

qint64 uploadPartSizeAt(qint64 fileSize, qint64 partSize, qint64 number)
{
    const qint64 count = uploadPartCount(fileSize, partSize);
    if (number < 1 || number > count)
        return 0;
    return number < count ? partSize : fileSize - partSize * (count - 1);
}

QLatin1StringView uploadStateName(UploadState state)
{
    for (const auto &[s, name] : StateNames) {
        if (s == state)
            return name;
    }
    return "unknown"_L1;
}

UploadState uploadStateFromName(QStringView name)
{
    for (const auto &[s, n] : StateNames) {
        if (name == n)
            return s;
    }
    return UploadState::Unknown;
}

bool isFinishedUploadState(UploadState state)
{
    return state == UploadState::Confirmed || state == UploadState::Failed
            || state == UploadState::Cancelled;
}

QString uploadProblem(const UploadRecord &u)
{
    static const QRegularExpression idPattern(u"^[0-9A-Za-z-]{1,64}$"_s);
    static const QRegularExpression videoTypePattern(u"^[A-Z0-9]{1,8}$"_s);
    static const QRegularExpression assetIdPattern(u"^[0-9a-f]{32}$"_s);
    static const QRegularExpression urlPattern(u"^https?://[\\x21-\\x7e]+$"_s);
    static const QRegularExpression bucketPattern(u"^[a-z0-9][a-z0-9.-]{1,62}$"_s);
    static const QRegularExpression obsUploadIdPattern(u"^[A-Za-z0-9+/=_.-]{1,256}$"_s);
    using namespace UploadLimits;

    if (!matches(idPattern, u.id))
        return Tr::tr("the upload id is not valid");
    if (!u.batchId.isEmpty() && !matches(idPattern, u.batchId))
        return Tr::tr("the batch id is not valid");
    if (u.profile.size() > MaxShortTextChars || u.region.size() > MaxShortTextChars
        || u.projectId.size() > MaxShortTextChars)
        return Tr::tr("the profile, region or project id is too long");
    if (u.filePath.isEmpty() || u.filePath.size() > MaxPathChars || !u.filePath.startsWith(u'/')
        || hasControl(u.filePath) || u.filePath.contains(QChar(0)))
        return Tr::tr("the file path is not an absolute path");
    if (u.fileSize < 1 || u.fileSize > MaxFileSize)
        return Tr::tr("the file size is out of range");
    if (u.fileModifiedMs < 0)
        return Tr::tr("the file modification time is not valid");
    const qsizetype titleBytes = u.title.toUtf8().size();
    if (titleBytes < 1 || titleBytes > MaxTitleBytes || hasControl(u.title))
        return Tr::tr("the title is empty or too long");
    if (!matches(videoTypePattern, u.videoType))
        return Tr::tr("the video type is not valid");
    if (u.description.toUtf8().size() > MaxDescriptionBytes)
        return Tr::tr("the description is too long");
    if (u.templateGroup.toUtf8().size() > MaxTemplateGroupBytes || hasControl(u.templateGroup))
        return Tr::tr("the template group name is too long");
    if (u.categoryId && (*u.categoryId < -1 || *u.categoryId > std::numeric_limits<qint32>::max()))
        return Tr::tr("the category id is out of range");
    if (u.isSinglePut() ? u.partSize != u.fileSize
                        : (u.partSize < MinPartSize || u.partSize > MaxPartSize
                           || u.partCount() > MaxParts))
        return Tr::tr("the part size is out of range");
    if (!u.assetId.isEmpty() && !matches(assetIdPattern, u.assetId))
        return Tr::tr("the asset id is not valid");
    if (!u.videoUploadUrl.isEmpty()
        && (u.videoUploadUrl.size() > MaxUrlChars || !matches(urlPattern, u.videoUploadUrl)))
        return Tr::tr("the upload URL is not valid");
    if (!u.bucket.isEmpty() && !matches(bucketPattern, u.bucket))
        return Tr::tr("the bucket name is not valid");
    if (u.objectKey.size() > MaxObjectKeyChars || hasControl(u.objectKey))
        return Tr::tr("the object key is not valid");
    if (!u.obsUploadId.isEmpty() && !matches(obsUploadIdPattern, u.obsUploadId))
        return Tr::tr("the OBS upload id is not valid");
    if (u.lastError.size() > MaxErrorChars)
        return Tr::tr("the last error is too long");
    switch (u.state) {
    case UploadState::Unknown:
        return Tr::tr("the state is unknown");
    case UploadState::New:
    case UploadState::Failed:
    case UploadState::Cancelled:
        break;
    case UploadState::Created:
    case UploadState::Uploading:
    case UploadState::Completed:
    case UploadState::Confirmed:
        if (u.assetId.isEmpty())
            return Tr::tr("the asset id is missing");
        if (u.isSinglePut() ? u.videoUploadUrl.isEmpty()
                            : u.bucket.isEmpty() || u.objectKey.isEmpty())
            return Tr::tr("where to upload is missing");
        if (!u.isSinglePut() && u.state != UploadState::Created && u.obsUploadId.isEmpty())
            return Tr::tr("the OBS upload id is missing");
        break;
    }
    return {};
}

bool isValidEtag(const QString &etag)
{
    static const QRegularExpression etagPattern(u"^[A-Za-z0-9\"-]{1,%1}$"_s.arg(MaxEtagChars));
    return matches(etagPattern, etag);
}

QString uploadPartProblem(const UploadRecord &upload, const UploadPart &part)
{
    if (part.number < 1 || part.number > UploadLimits::MaxParts || part.number > upload.partCount())
        return Tr::tr("part number %1 is out of range").arg(part.number);
    if (part.size != uploadPartSizeAt(upload.fileSize, upload.partSize, part.number))
        return Tr::tr("part %1 does not have its planned size").arg(part.number);
    if (!isValidEtag(part.etag))
        return Tr::tr("the ETag of part %1 is not valid").arg(part.number);
    return {};
}

} // namespace VodConfirm
