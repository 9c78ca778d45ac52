#pragma once

#include "api/apiresult.h"
#include "api/vodclient.h"
#include "engine/confirmtypes.h"
#include "engine/historyrecorder.h"
#include "engine/quotagroup.h"
#include "storage/uploadrecord.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace VodConfirm {

class HistoryStore;
class ObsClient;
struct PartData;

// What the user asks to upload: one file and how the asset is described.
struct UploadRequest
{
    QString filePath;
    QString title {}; // empty: the file name without its extension (cut to MaxTitleBytes)
    QString description {};
    std::optional<qint64> categoryId {};
    QString templateGroup {};
};

// Where one upload of the queue is, as every view shows it (the runner counts; views never do).
struct UploadStatus
{
    enum class Phase {
        Queued, // waiting for its turn
        Creating, // CreateAssetByFileUpload
        Uploading, // bytes to OBS (single PUT, or parts), listing parts when resuming
        Completing, // complete multipart upload
        Confirming, // ConfirmAssetUpload CREATED (through BatchRunner: verify-before-retry)
        Paused, // by the user: nothing in flight, resumable in this run or a later one
        Confirmed, // done: the asset exists and is confirmed
        Failed, // given up (the asset, if any, confirmed FAILED); error says why
        Cancelled, // by the user (multipart aborted, the asset, if any, confirmed CANCELLED)
    };

    QString uploadId; // UploadRecord::id, the journal's
    QString filePath;
    QString title;
    QString assetId; // once created
    Phase phase = Phase::Queued;
    qint64 bytesTotal = 0;
    qint64 bytesDone = 0; // in OBS (finished parts), plus what is in flight, never above total
    double bytesPerSecond = 0; // over about the last 10 s of sending; 0 while unknown or idle
    qint64 secondsLeft = -1; // at that speed; -1 while unknown
    int partsDone = 0;
    int partCount = 0;
    int retries = 0; // requests of this upload sent again after a retryable failure
    QString error; // translated, why it failed (or why it waits: "retrying part 12 in 8 s")
    ApiResult last; // the last failed answer (HTTP status, error code, request id), if any
};

bool isFinishedUploadPhase(UploadStatus::Phase phase); // Confirmed, Failed, Cancelled
// "queued", "creating", ..., "cancelled": machine-readable, for --output.
QLatin1StringView uploadPhaseName(UploadStatus::Phase phase);

// The whole queue at once, for a total progress bar and the status bar.
struct UploadTotals
{
    int uploads = 0;
    int confirmed = 0;
    int failed = 0;
    int cancelled = 0;
    int paused = 0;
    qint64 bytesTotal = 0;
    qint64 bytesDone = 0;
    double bytesPerSecond = 0;
    qint64 secondsLeft = -1;
};

// Uploads files and turns each into a confirmed asset (issue 12; vod-api.md 5.2): the one place
// where the desktop app and the command line upload, pause, resume and cancel.
//
// Per file: CreateAssetByFileUpload -> under 20 MB one PUT to video_upload_url; from 20 MB on
// ShowAssetTempAuthority (one per OBS operation) -> initiate -> parts with Content-MD5, read
// and hashed off the calling thread (UploadPartReader), at most Options::partsInFlight OBS
// requests across the whole queue -> complete -> ConfirmAssetUpload CREATED, as a batch of one
// asset through a BatchRunner (journal, history, verify-before-retry: never confirmed twice).
// Each step is in the upload journal (HistoryStore) and on disk before the next one starts: the
// asset id, the OBS upload id, every finished part (number, size, ETag).
//
// Create, authority and confirm requests share one quota group (vod-api.md 5.3) and its pacing.
// Retryable failures (5xx, SlowDown, 429, dropped connections, timeouts) are retried per request
// with backoff, up to Options::maxAttempts; an expired or refused authority is asked for again
// once; an authentication failure of VOD stops the whole queue at once (nothing is retried). A
// file that cannot be uploaded (changed on disk, unreadable, refused by VOD, out of attempts)
// fails, and its asset, if one was created, is confirmed FAILED with the reason. Cancelling
// aborts the multipart upload and confirms the asset CANCELLED.
//
// Resuming (resume()) an upload that a crash, kill -9 or power cut interrupted goes on from its
// journaled step: a multipart upload lists the parts OBS has and sends only the missing ones
// (never a finished part again); an upload whose file changed (size or modification time) since
// it was planned fails with a clear message. Each upload is claimed (HistoryStore::claimBatch()
// of its id) while this runner has it, so no other process resumes it at the same time. An
// upload interrupted during its create (journal state New) is created again on resume: the first
// asset, if VOD made one, stays in CREATING, where the Stuck Uploads page finds it (so does the
// first asset of a create whose answer was lost and that was sent again). An upload that
// was Completed is confirmed after reading the asset's state (ConfirmItem::checkFirst), and one
// the history shows confirmed is not sent again.
//
// Scheduling: files go in queue order. A file starts (creates its asset) once every file before
// it has all its remaining parts sent or under way, so the next file's create and first parts
// overlap the last parts of the one before. At most Options::partsInFlight parts (a single PUT
// counts as one) are read or sent at once over the whole queue: memory stays within
// partsInFlight x part size. A request that gets no answer after Options::maxAttempts (the
// network is gone) pauses its upload instead of failing it: unpause() or resume() goes on.
// Every step waits for the journal without blocking: HistoryStore::uploadWritesDurable().
class UploadRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadRunner)
public:
    using Context = HistoryRecorder::Context;
    struct Options
    {
        qint64 partSize = UploadLimits::RecommendedPartSize; // Settings::uploadPartSize()
        int partsInFlight = 3; // Settings upload/partsInFlight: OBS requests at once, all files
        int maxAttempts = 5; // per request
        int baseBackoffMs = 500;
        int maxBackoffMs = 30000;
        int ratePerMinute = 1400; // create + authority + confirm (one quota group)
        int timeoutMs = 60000; // idle timeout of an OBS request (ObsClient::Config)
        qint64 bandwidthBytesPerSecond = 0; // all OBS bodies together; 0: unlimited
    };

    // `history` may be null (nothing journaled: nothing can be resumed).
    UploadRunner(VodClient *client, HistoryStore *history, QObject *parent = nullptr);
    ~UploadRunner() override;

    void setOptions(const Options &options); // the bandwidth limit applies at once
    const Options &options() const { return m_options; }

    // Checks and journals each file, then queues it. A file that cannot be uploaded (missing, a
    // folder, unreadable, empty, too big, a type VOD does not take: the message names the types
    // it takes) is not queued: `refused` gets one translated line per such file ("name: why").
    // Returns the upload ids queued, in order.
    QStringList add(const QList<UploadRequest> &files, const Context &context,
                    QStringList *refused = nullptr);
    // Queues an unfinished upload of the journal (HistoryStore::unfinishedUploads()). False with
    // a translated *error when it cannot (unknown or finished, held by a live process, damaged).
    bool resume(const QString &uploadId, QString *error = nullptr);

    QList<UploadStatus> uploads() const; // in queue order
    std::optional<UploadStatus> upload(const QString &uploadId) const;
    UploadTotals totals() const;
    bool isRunning() const; // anything queued or in flight (paused uploads do not count)
    // The quota group of create, authority and confirm (vod-api.md 5.3), paced at
    // Options::ratePerMinute: other confirm batches of the same account may share it
    // (BatchRunner::setQuotaGroup()).
    const std::shared_ptr<QuotaGroup> &quotaGroup() const { return m_quota; }

public slots:
    // Pausing stops an upload's requests at once (a part cut off is sent again later: only
    // finished parts count); it keeps its claim and is resumed by unpause().
    void pause(const QString &uploadId);
    void unpause(const QString &uploadId);
    void cancel(const QString &uploadId);
    void pauseAll();
    void unpauseAll();
    void cancelAll();

signals:
    void uploadChanged(const VodConfirm::UploadStatus &status); // at most ~10 times a second
    void totalsChanged(const VodConfirm::UploadTotals &totals);
    // VOD refused the credentials: the queue stops (advice, answer: as BatchRunner's).
    void authenticationFailed(const QString &advice, const QString &answer);
    // Nothing will be sent for `ms` (more than a few seconds), for `reason` (translated).
    void waiting(qint64 ms, const QString &reason);
    // The journal could not store a step (disk full ...): uploads stop, nothing is lost.
    void historyFailed(const QString &message);
    // A confirm batch of an upload ended (the history has it): its asset id and batch id.
    void assetConfirmed(const QString &uploadId, const QString &assetId, const QString &batchId);
    // Nothing queued or in flight any more (every upload finished or paused).
    void idle();

private:
    struct Job;
    using Ticket = quint64; // HistoryStore::UploadTicket
    // One OBS request's body, as ObsClient sends it: `done` gets its result.
    using ObsCall
            = std::function<void(const QUrl &url, std::function<void(const ApiResult &)> done)>;

    Job *find(const QString &uploadId) const;
    // Whether `ctx` still belongs to the job (its steps' context, or a part's under way).
    static bool live(const Job *job, const QObject *ctx);
    Job *enqueue(const UploadRecord &record, const Context &context);
    void schedule(); // starts what may start, in queue order (queued: one call per turn)
    void advance(Job *job); // the job's next step, from its journaled state
    void startPart(Job *job, int number);
    void sendPart(Job *job, int number, const std::shared_ptr<const PartData> &data, QObject *ctx);
    void partDone(Job *job, int number, const QByteArray &etag);
    void dropParts(Job *job); // aborts its parts in flight (pause, cancel, failure)
    void create(Job *job, int attempt);
    void initiate(Job *job);
    void listParts(Job *job);
    void complete(Job *job);
    void confirm(Job *job, TargetStatus status,
                 std::function<void(const BatchSummary &, const AssetUpdate &)> then);
    void confirmCreated(Job *job);
    void fail(Job *job, const QString &reason, const ApiResult &last = {});
    void finishCancel(Job *job);
    void finish(Job *job, UploadStatus::Phase phase);

    // A VOD request of the quota group, sent when the group's pacing allows.
    void paced(QObject *ctx, std::function<void()> send);
    void pumpPaced();
    void noteVod(const ApiResult &result); // the group's pacing learns from each answer
    void authority(Job *job, QObject *ctx, const VodClient::AuthorityQuery &query,
                   std::function<void(const QUrl &)> then, int attempt = 1);
    // An OBS operation: asks an authority (unless `given` is valid), sends, and on an expired
    // authority asks again once; retries with backoff. `ok` runs on success.
    void obsStep(Job *job, QObject *ctx, const VodClient::AuthorityQuery &query, const QUrl &given,
                 ObsCall call, std::function<void()> ok, const QString &what, int attempt = 1,
                 bool refreshed = false);
    // A failed request: stops the queue (VOD authentication), retries after a backoff, or fails
    // the job. `again(attempt)` sends it again.
    void retryOrFail(Job *job, QObject *ctx, const ApiResult &result, int attempt, bool vod,
                     std::function<void(int)> again, const QString &what);
    void stopForAuth(const QString &advice, const QString &answer);
    // Runs `then` once `ticket` is on disk (at once without a history).
    void whenDurable(Job *job, Ticket ticket, std::function<void()> then);
    void onDurable(Ticket ticket);
    void onJournalFailed(const QString &message);
    void onBytesSent(qint64 bytes);

    UploadStatus status(const Job *job) const;
    void changed(Job *job, bool now = false); // uploadChanged, at most ~10 times a second
    void emitChanged(Job *job);
    void checkIdle();
    double nowMs() const;

    Options m_options;
    VodClient *m_client;
    QPointer<HistoryStore> m_history;
    ObsClient *m_obs = nullptr;
    std::shared_ptr<QuotaGroup> m_quota;
    std::vector<std::unique_ptr<Job>> m_jobs; // queue order
    int m_obsInFlight = 0; // parts (and single PUTs) being read or sent, all jobs
    QList<std::pair<Job *, int>> m_puts; // (job, part) whose PUT is under way, all jobs
    struct PacedSend
    {
        QPointer<QObject> ctx;
        std::function<void()> send;
    };
    std::deque<PacedSend> m_paced;
    QTimer *m_pacedTimer;
    struct DurableWait
    {
        Ticket ticket;
        QPointer<QObject> ctx;
        std::function<void()> then;
    };
    QList<DurableWait> m_durableWaits;
    bool m_authStopped = false;
    bool m_scheduled = false;
    bool m_wasRunning = false;
};

} // namespace VodConfirm
