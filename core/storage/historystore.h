#pragma once

#include "storage/historyrecord.h"
#include "storage/uploadrecord.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>
#include <optional>

class QLockFile;
class QSqlDatabase;
class QThread;

namespace VodConfirm {

class HistoryWriter;
struct PendingWrites;

// What the history view searches for. Every set field narrows the result; empty/invalid
// fields are ignored.
struct HistoryFilter
{
    // Exact asset id, or a prefix when assetIdPrefix is set (case-sensitive).
    QString assetId;
    bool assetIdPrefix = false;
    // Substring of the error code, error message or request id (case-insensitive for ASCII).
    QString text;
    std::optional<Outcome> outcome; // rows recorded with this outcome
    QString profile;
    QString batchId;
    QDateTime from; // time >= from
    QDateTime to; // time < to
};

// What the history knows about a batch's assets before they are sent (see journalBatch()).
struct BatchConflicts
{
    // Asset id -> the batch whose attempt confirmed it for this project, per the history.
    QHash<QString, QString> confirmedIn;
    // Asset id -> an unfinished batch that a live process (this one or another) is running and
    // that has not settled the asset yet (isSettledOutcome()).
    QHash<QString, QString> heldBy;
    // Batches that had stopped with some of these assets unsent and now have nothing left to
    // send: the new batch took their assets over, and they are finished.
    QStringList takenFrom;
};

// The confirmation history: one SQLite database (Qt SQL, WAL mode) holding one row per attempt
// and one row per batch (run). The file lives in the platform's app-data folder by default.
//
// Writing: append() and finishBatch() only queue in memory (O(1), never touch the
// disk). The queue is handed to a private writer thread after FlushIntervalMs or as soon as
// FlushThreshold rows wait; the writer stores each hand-over (together with any that arrived while
// it was busy) in one transaction, so the engine is never blocked by the disk. A failed transaction
// (disk full, file locked by another program) is rolled back, reported through writeFailed() and
// retried with the next hand-over; at most MaxRetainedRows rows are kept for that, older ones are
// dropped and the loss is reported. flush() waits until everything queued so far is on disk; the
// destructor flushes.
//
// Reading: find(), findAfter(), count(), batch(), unfinishedBatches(), exportCsv() and
// deleteOlderThan() may be called from any thread (e.g. through QtConcurrent from the GUI):
// on the thread that owns the store they use its connection, on any other thread they open a
// private connection for the duration of the call. Rows still queued are not visible to them
// until they are written (within FlushIntervalMs, or call flush()). Lookups by asset id, time
// range and the first page are milliseconds at a million rows; counts with an outcome, profile or
// text filter, exports and retention scan the table (see bench_history) and belong on a worker
// thread. Keep the store open (and alive) until such calls have returned.
//
// Durability: journal_mode=WAL with synchronous=FULL, so a committed transaction survives an
// application crash, kill -9 and a power cut. What is lost in a crash is only what was still queued
// in memory (at most FlushIntervalMs of attempts); journalBatch() does not queue: it returns once
// the batch and its asset list are on disk, so a run's intent is never lost.
// The database never contains secrets: no column for keys, tokens or signatures exists.
//
// Crash recovery: a batch is "unfinished" until finishBatch(). While a process runs a batch it
// holds a claim on it (a lock file next to the database, see claimBatch()), so other processes can
// tell a running batch from one interrupted by a crash, which unfinishedBatches() reports with
// running = false and journal() describes asset by asset for a resume.
//
// Uploads: the upload journal (beginUpload() ... unfinishedUploads()) keeps each file being
// uploaded and each part OBS accepted, written step by step with a ticket the caller can wait for,
// so the next network step starts only once the last one is on disk. Reads check every field.
//
// Files: the database, its WAL and shared-memory files and the claim files are readable by their
// owner only (0600), whatever the umask; open() also narrows the mode of existing files.
//
// Schema: versioned through PRAGMA user_version (SchemaVersion) and stamped with an
// application_id; open() migrates older files forward in one transaction and refuses files written
// by a newer version, damaged files and other SQLite databases, leaving them untouched.
class HistoryStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryStore)
public:
    static constexpr int SchemaVersion = 5;
    static constexpr int ApplicationId = 0x56434f4e; // "VCON"
    static constexpr int FlushIntervalMs = 200;
    static constexpr int FlushThreshold = 1000;
    static constexpr int MaxRetainedRows = 100000;
    static constexpr int DeleteChunkRows = 10000;
    // unfinishedUploads() returns at most this many (the oldest).
    static constexpr int MaxUnfinishedUploads = 1000;

    using Filter = HistoryFilter;

    explicit HistoryStore(QObject *parent = nullptr);
    ~HistoryStore() override; // flushes, then closes

    // <AppDataLocation>/history.sqlite; creates the folder. Empty when the platform has none.
    static QString defaultPath();
    // The file to use: `configured` (Settings::historyPath()) if set, else defaultPath().
    static QString pathFor(const QString &configured)
    {
        return configured.isEmpty() ? defaultPath() : configured;
    }

    // Opens (creating if needed) and migrates the database. On failure returns false, sets *error
    // to a translated, user-facing message and leaves the file as it was.
    bool open(const QString &path, QString *error = nullptr);
    void close(); // flushes; safe to call twice
    bool isOpen() const { return m_open; }
    QString path() const { return m_path; }

    // Owner thread. Begins a batch: writes its row and its asset list (the journal, in order)
    // together with everything queued before, and returns once they are on disk
    // (synchronous=FULL). Call it before the batch's first request. False with *error set when
    // they could not be stored.
    // With `conflicts`, it also finds, in the same write transaction (so two processes starting
    // batches at once each see the other's), which of the assets the history shows confirmed for
    // batch.projectId and which a running batch holds (BatchConflicts). Claim the batch first.
    // Assets a cleanly stopped batch left unsent become this batch's (see BatchConflicts).
    bool journalBatch(const BatchInfo &batch, const QList<JournalEntry> &assets,
                      QString *error = nullptr, BatchConflicts *conflicts = nullptr);
    // The assets of `assetIds` that another running batch holds (BatchConflicts::heldBy only),
    // for a batch that is journaled already (a resume). Owner thread.
    BatchConflicts heldElsewhere(const QString &batchId, const QStringList &assetIds,
                                 QString *error = nullptr) const;
    // Owner thread only. Queue writes; they reach the disk within FlushIntervalMs.
    // Ignored (with a warning) while the store is not open.
    void finishBatch(const QString &batchId, const QDateTime &finishedAt);
    // The batch ended with a remainder to send: it stays unfinished (resumable) with this reason.
    void stopBatch(const QString &batchId, const QDateTime &stoppedAt, const QString &reason);
    void append(const HistoryRecord &record); // an invalid time is replaced by "now"
    // Following `assetId` after its confirm in batch `batchId` ended at `state` (empty: none
    // could be read): stored on the asset's latest row of that batch (followed_state).
    void recordFollowed(const QString &batchId, const QString &assetId, const QString &state);
    int pendingCount() const { return int(m_pendingRows); }

    // Owner thread only. Writes everything queued so far (and anything kept from a failed write)
    // and waits for it. Returns false with *error set when rows could not be stored.
    bool flush(QString *error = nullptr);
    // Attempt rows given to append() that are not on disk: dropped after failed writes (more
    // than MaxRetainedRows waited) plus those still kept for the next write. 0 when all is saved.
    qint64 rowsNotSaved() const;
    // SQLite's words for the last write that failed ("database or disk is full"); empty if none.
    QString lastWriteError() const;

    // Newest first (time, then id, descending). limit <= 0 means no limit.
    QList<HistoryRecord> find(const Filter &filter, int limit, int offset = 0,
                              QString *error = nullptr) const;
    // Keyset paging: the page that follows `last` (a row returned by find()/findAfter() with the
    // same filter). Constant time at any depth, unlike a large offset.
    QList<HistoryRecord> findAfter(const Filter &filter, const HistoryRecord &last, int limit,
                                   QString *error = nullptr) const;
    // Rows matching the filter; -1 on error.
    qint64 count(const Filter &filter = {}, QString *error = nullptr) const;

    std::optional<BatchInfo> batch(const QString &id) const;
    // Batches without finished_at, oldest first: those running now (running = true, in this or
    // another process) and runs interrupted by a crash or kill.
    QList<BatchInfo> unfinishedBatches() const;
    // A batch's journaled assets in their original order, each with the outcome of its latest
    // attempt row. Empty for batches written before the journal existed (schema 1).
    QList<JournalEntry> journal(const QString &batchId, QString *error = nullptr) const;

    // Owner thread. Marks `batchId` as run by this process until releaseBatch(), close() or the
    // process ends (even by a crash): a lock file next to the database, on which the holder keeps
    // an exclusive lock (flock), so a file left behind by a crash or power cut, whatever it
    // holds (an old or reused process id, nothing, garbage), is recognised as stale and taken
    // over. False when another live process holds the claim (*error says which process and names
    // the file), for an id that is not a batch id, or when the file cannot be created.
    bool claimBatch(const QString &batchId, QString *error = nullptr);
    void releaseBatch(const QString &batchId);

    // Writes the rows matching the filter, oldest first, as RFC 4180 CSV (UTF-8, CRLF line ends,
    // fields quoted when they hold a quote, comma, CR or LF) with a header row of csvColumns().
    // Times are ISO 8601 UTC with milliseconds ("2026-01-31T12:00:00.000Z"). Written through
    // QSaveFile: an existing file is replaced only when the export succeeded.
    bool exportCsv(const Filter &filter, const QString &path, QString *error = nullptr) const;
    // id, batch_id, time, profile, region, project_id, asset_id, target_status, outcome,
    // http_status, error_code, error_message, request_id, attempt, duration_ms
    static QStringList csvColumns();
    // One record's fields in csvColumns() order, as exported (times ISO 8601 UTC).
    static QStringList csvFields(const HistoryRecord &record);

    // Retention: deletes attempts older than cutoff in transactions of DeleteChunkRows rows (so
    // the writer and readers get in between), then the batches left without attempts that started
    // before cutoff, then returns the freed pages to the file system. Meant for a worker thread.
    // progress (optional) is called after each chunk with the rows deleted so far; returning false
    // stops early. Returns the attempts deleted, or -1 on error.
    qint64 deleteOlderThan(const QDateTime &cutoff, QString *error = nullptr,
                           const std::function<bool(qint64 deleted)> &progress = {});

    // The upload journal (issue 12): each file being uploaded and each of its finished parts, so
    // an upload survives a crash, kill -9 or power cut and resumes without sending a finished part
    // again. Every record*() call queues its write, hands it to the writer thread at once (writes
    // arriving together share one transaction and one fsync) and returns a ticket: the write is on
    // disk once isDurable(ticket), which uploadWritesDurable() announces; waitDurable(ticket)
    // blocks until then. Tickets grow: a durable ticket means every earlier one is durable too.
    // A write that fails is kept and retried with the next one (writeFailed() says so). Owner
    // thread only. Returns 0 (never durable), with a warning, for a closed store or an invalid
    // upload or part (uploadProblem(), uploadPartProblem()).
    using UploadTicket = quint64;
    // A new id for UploadRecord::id (a UUID without braces).
    static QString newUploadId();
    // Journals a new upload (upload.state New; createdAt/updatedAt "now" when invalid).
    UploadTicket beginUpload(const UploadRecord &upload);
    // CreateAssetByFileUpload answered: the asset id and where the bytes go (videoUploadUrl for a
    // single PUT, bucket/objectKey for multipart). State Created.
    UploadTicket recordAssetCreated(const QString &uploadId, const QString &assetId,
                                    const QString &videoUploadUrl, const QString &bucket,
                                    const QString &objectKey);
    // The multipart upload was initiated: OBS's upload id. State Uploading.
    UploadTicket recordMultipartStarted(const QString &uploadId, const QString &obsUploadId);
    // OBS accepted a part (replaces an earlier record of the same part number).
    UploadTicket recordPartDone(const QString &uploadId, const UploadPart &part);
    // Any other step: Uploading (single PUT begun), Completed, Confirmed, Failed, Cancelled, with
    // the reason for Failed (translated).
    UploadTicket recordUploadState(const QString &uploadId, UploadState state,
                                   const QString &lastError = {});
    // Whether the write behind `ticket` (and every earlier one) is on disk. Any thread.
    bool isDurable(UploadTicket ticket) const;
    // Owner thread. Returns once `ticket` is durable (writes what is queued if needed); false with
    // *error set when it could not be stored, or for ticket 0.
    bool waitDurable(UploadTicket ticket, QString *error = nullptr);

    // One upload with its finished parts (in part number order). std::nullopt with *error set
    // when there is none with this id, or when what the file holds for it is inconsistent or out
    // of range (uploadProblem(), uploadPartProblem(), more than MaxParts parts): a damaged row is
    // refused, never half used.
    std::optional<UploadRecord> upload(const QString &id, QString *error = nullptr) const;
    // Uploads not finished (isFinishedUploadState() false), oldest first, without their parts, at
    // most MaxUnfinishedUploads. Inconsistent rows are left out; *error then names them.
    QList<UploadRecord> unfinishedUploads(QString *error = nullptr) const;

    // Diagnostics: SQLite's plan for the find() query of this filter (EXPLAIN QUERY PLAN details),
    // so tests can prove that lookups use the indexes.
    QStringList queryPlan(const Filter &filter) const;

signals:
    // A write transaction failed (emitted on the owner thread); the message is translated.
    void writeFailed(const QString &message);
    // Upload journal writes up to `ticket` are on disk (see recordPartDone()).
    void uploadWritesDurable(quint64 ticket);

private:
    void submit();
    UploadTicket queueUploadWrite(const std::function<void(PendingWrites &)> &add);
    QString claimPath(const QString &batchId) const;
    bool claimHeld(const QString &batchId) const; // by a live process, this one included
    bool withConnection(const std::function<bool(QSqlDatabase &)> &work, QString *error) const;
    QList<HistoryRecord> select(const Filter &filter, const HistoryRecord *after, int limit,
                                int offset, QString *error) const;

    bool m_open = false;
    QString m_path;
    QString m_connectionName;
    QTimer m_flushTimer;
    QThread *m_writerThread = nullptr;
    HistoryWriter *m_writer = nullptr;
    std::unique_ptr<PendingWrites> m_pending;
    qsizetype m_pendingRows = 0;
    UploadTicket m_lastTicket = 0;
    std::map<QString, std::unique_ptr<QLockFile>> m_claims; // batch id -> held lock
};

} // namespace VodConfirm

Q_DECLARE_METATYPE(VodConfirm::HistoryFilter)
