#pragma once

#include <QDateTime>
#include <QLatin1StringView>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace VodConfirm {

// The limits of VOD's OBS upload (vod-api.md 5.2), in bytes (binary units: 1 KB = 1024 bytes).
namespace UploadLimits {
constexpr qint64 MinPartSize = 100 * 1024; // 100 KB, every part but the last
constexpr qint64 MaxPartSize = qint64(5) * 1024 * 1024 * 1024; // 5 GB
constexpr int MaxParts = 10000; // part numbers 1..10000
// Below this a file is one PUT to video_upload_url (no multipart upload); from it on, multipart.
constexpr qint64 SinglePutBelow = qint64(20) * 1024 * 1024; // 20 MB
constexpr qint64 RecommendedPartSize = qint64(20) * 1024 * 1024; // 20 MB
constexpr qint64 MaxFileSize = MaxPartSize * MaxParts;
// How much of VOD's text fields the journal keeps (bytes of UTF-8 for title, description).
constexpr int MaxTitleBytes = 128;
constexpr int MaxDescriptionBytes = 1024;
constexpr int MaxTemplateGroupBytes = 128;
} // namespace UploadLimits

// The parts of a file of `fileSize` bytes cut in parts of `partSize` bytes (the last one smaller):
// 0 when either is not positive. A single PUT is one part of the whole file.
qint64 uploadPartCount(qint64 fileSize, qint64 partSize);
// The size of part `number` (1-based) of that cut; 0 for a number outside 1..uploadPartCount().
qint64 uploadPartSizeAt(qint64 fileSize, qint64 partSize, qint64 number);

// Where an upload is. Stored by name (uploadStateName()): the names are an interface.
enum class UploadState {
    Unknown, // a name this version does not know (a newer or damaged file): never resumed
    New, // journaled; nothing sent yet
    Created, // CreateAssetByFileUpload answered: the asset id and where to upload are known
    Uploading, // multipart upload initiated (its OBS upload id is known), or the single PUT began
    Completed, // every byte is in OBS (multipart completed or the single PUT answered)
    Confirmed, // ConfirmAssetUpload CREATED succeeded: done
    Failed, // given up (confirmed FAILED where an asset exists); last_error says why
    Cancelled, // cancelled by the user (multipart aborted, confirmed CANCELLED where possible)
};

// "new", "created", "uploading", "completed", "confirmed", "failed", "cancelled"; "unknown".
QLatin1StringView uploadStateName(UploadState state);
// The state with this exact name; UploadState::Unknown for any other text.
UploadState uploadStateFromName(QStringView name);
// Confirmed, Failed and Cancelled: nothing is left to do, the upload is not offered for resuming.
bool isFinishedUploadState(UploadState state);

// One part that OBS accepted, as the journal keeps it.
struct UploadPart
{
    int number = 0; // 1..UploadLimits::MaxParts
    qint64 size = 0;
    QString etag; // as OBS sent it, quotes included, e.g. "\"0cc175b9c0f1b6a831c399e269772661\""

    friend bool operator==(const UploadPart &, const UploadPart &) = default;
};

// One file being uploaded, as the upload journal (HistoryStore) keeps it.
struct UploadRecord
{
    QString id; // HistoryStore::newUploadId(); [0-9a-f-], at most 64 characters
    QString batchId; // the run that started it, if any
    QString profile;
    QString region;
    QString projectId;
    QString filePath; // absolute
    qint64 fileSize = 0;
    qint64 fileModifiedMs = 0; // the file's modification time when planned, ms since the epoch
    QString title;
    QString videoType; // "MP4" ... (UploadParts::videoTypeFor())
    QString description {};
    std::optional<qint64> categoryId {};
    QString templateGroup {};
    qint64 partSize = 0; // fileSize itself for a single PUT
    // Known once the asset is created (UploadState::Created on).
    QString assetId {};
    QString videoUploadUrl {};
    QString bucket {};
    QString objectKey {};
    QString obsUploadId {}; // known once the multipart upload is initiated
    UploadState state = UploadState::New;
    QString lastError {}; // translated, as the user was told
    QDateTime createdAt {}; // UTC
    QDateTime updatedAt {}; // UTC, the last step journaled
    // Filled by HistoryStore::upload(), in part number order; empty in unfinishedUploads().
    QList<UploadPart> parts {};
    // Set by HistoryStore::unfinishedUploads() and upload(): a live process holds the claim of
    // its id or its batch (HistoryStore::claimBatch()).
    bool running = false;

    // A single PUT (file under UploadLimits::SinglePutBelow), no multipart upload.
    bool isSinglePut() const { return fileSize < UploadLimits::SinglePutBelow; }
    qint64 partCount() const { return uploadPartCount(fileSize, partSize); }

    friend bool operator==(const UploadRecord &, const UploadRecord &) = default;
};

// What is wrong with an upload as journaled or read back from the (hostile) history file:
// empty when it is consistent (id, path, sizes and part size within UploadLimits, text fields
// bounded, asset id, URL, bucket, object key and OBS upload id well formed, a known state with the
// ids it needs). Translated, short ("the part size is out of range").
QString uploadProblem(const UploadRecord &upload);
// The same for one finished part of `upload`: number within its part count, size exactly the
// planned size of that part, ETag 1..128 characters of [A-Za-z0-9"-].
QString uploadPartProblem(const UploadRecord &upload, const UploadPart &part);
// 1..128 characters of [A-Za-z0-9"-]: what an OBS ETag is, and safe inside the XML of the
// complete-multipart request.
bool isValidEtag(const QString &etag);

} // namespace VodConfirm

Q_DECLARE_TYPEINFO(VodConfirm::UploadPart, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(VodConfirm::UploadRecord, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(VodConfirm::UploadRecord)
