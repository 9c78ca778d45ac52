#include "uploadrunner.h"

#include "api/obsclient.h"
#include "engine/batchrunner.h"
#include "engine/uploadparts.h"
#include "storage/historystore.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QHash>
#include <QMap>
#include <QMimeDatabase>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace VodConfirm {

namespace {
constexpr double SpeedWindowMs = 10000; // the speed is measured over about the last 10 s
constexpr double MinSpeedSpanMs = 1000; // ... once at least 1 s of it is known
constexpr double EmitIntervalMs = 100; // uploadChanged at most ~10 times a second per upload
constexpr qint64 AnnounceWaitMs = 5000; // longer waits are announced (waiting())
constexpr double SampleIntervalMs = 100; // speed samples at most this often
// A ticket for "nothing to wait for": the step is on disk already (a resumed upload).
constexpr quint64 NoWrite = ~quint64(0);

// The MIME type of the file's extension, for the multipart upload's Content-Type (the same in
// the authority and in the initiate request).
QByteArray contentTypeFor(const QString &filePath)
{
    const QString name
            = QMimeDatabase().mimeTypeForFile(filePath, QMimeDatabase::MatchExtension).name();
    if (name.startsWith("video/"_L1) || name.startsWith("audio/"_L1))
        return name.toLatin1();
    return "application/octet-stream";
}

// At most `maxBytes` bytes of UTF-8, cut between characters.
QString cutToBytes(QString text, int maxBytes)
{
    while (text.toUtf8().size() > maxBytes) {
        text.chop(1);
        if (!text.isEmpty() && text.back().isHighSurrogate())
            text.chop(1);
    }
    return text;
}

QByteArray unquoted(const QString &etag)
{
    QString e = etag;
    if (e.size() >= 2 && e.startsWith(u'"') && e.endsWith(u'"'))
        e = e.mid(1, e.size() - 2);
    return e.toLatin1();
}

} // namespace

bool isFinishedUploadPhase(UploadStatus::Phase phase)
{
    return phase == UploadStatus::Phase::Confirmed || phase == UploadStatus::Phase::Failed
            || phase == UploadStatus::Phase::Cancelled;
}

QLatin1StringView uploadPhaseName(UploadStatus::Phase phase)
{
    using P = UploadStatus::Phase;
    switch (phase) {
    case P::Queued:
        return "queued"_L1;
    case P::Creating:
        return "creating"_L1;
    case P::Uploading:
        return "uploading"_L1;
    case P::Completing:
        return "completing"_L1;
    case P::Confirming:
        return "confirming"_L1;
    case P::Paused:
        return "paused"_L1;
    case P::Confirmed:
        return "confirmed"_L1;
    case P::Failed:
        return "failed"_L1;
    case P::Cancelled:
        return "cancelled"_L1;
    }
    return "queued"_L1;
}

// One file of the queue: its journal record, what is in flight, and its progress.
struct UploadRunner::Job
{
    UploadRecord rec;
    Context context;
    UploadStatus::Phase phase = UploadStatus::Phase::Queued;
    QString error;
    ApiResult last;
    int retries = 0;
    // The context of this job's steps other than parts (create, authorities, initiate, list,
    // complete, confirm): deleted with the job, which aborts them.
    QObject *ctx = nullptr;
    std::unique_ptr<UploadPartReader> reader;
    QMap<int, UploadPart> done; // parts OBS has (the single PUT: part 1)
    QHash<int, QObject *> sending; // part -> the context of its read, authority and PUT
    QHash<int, qint64> partSent; // part -> its body bytes handed to the network (PUT under way)
    int scanFrom = 1; // the first part that may not be done
    Ticket lastTicket = 0; // the journal write the next step waits for
    bool active = false; // its turn came (scheduled)
    bool busy = false; // a step other than parts is under way
    bool listed = false; // multipart: the parts OBS has are known (fresh upload, or listed)
    bool confirmFirst = false; // resumed after Completed: read the asset's state first
    bool paused = false;
    bool cancelling = false;
    bool claimed = false;
    qint64 sentTotal = 0; // body bytes handed to the network, for the speed
    std::deque<std::pair<double, qint64>> samples; // (ms, sentTotal)
    double lastEmitMs = -1e12;
    bool emitQueued = false;

    Job() = default;
    Job &operator=(Job &&) = default;
    ~Job() { delete ctx; } // aborts what is in flight; the reader waits for its reads

    bool single() const { return rec.isSinglePut(); }
    int partCount() const { return int(rec.partCount()); }
    qint64 bytesDone() const
    {
        qint64 bytes = 0;
        for (const UploadPart &p : done)
            bytes += p.size;
        for (qint64 sent : partSent)
            bytes += sent;
        return std::min(bytes, rec.fileSize);
    }
    bool finished() const { return isFinishedUploadPhase(phase); }
    // Its remaining parts are all sent or being sent: the next file may start.
    bool inTail() const
    {
        if (rec.state != UploadState::New && rec.state != UploadState::Created
            && rec.state != UploadState::Uploading)
            return true; // completed, or failing or cancelled (confirming that)
        if (rec.state != UploadState::Uploading || !listed)
            return false;
        return done.size() + sending.size() >= partCount();
    }
};

UploadRunner::UploadRunner(VodClient *client, HistoryStore *history, QObject *parent)
    : QObject(parent),
      m_client(client),
      m_history(history),
      m_quota(std::make_shared<QuotaGroup>(m_options.ratePerMinute)),
      m_pacedTimer(new QTimer(this))
{
    m_pacedTimer->setSingleShot(true);
    m_pacedTimer->setTimerType(Qt::PreciseTimer);
    connect(m_pacedTimer, &QTimer::timeout, this, &UploadRunner::pumpPaced);
    if (m_history) {
        connect(m_history, &HistoryStore::uploadWritesDurable, this, &UploadRunner::onDurable);
        connect(m_history, &HistoryStore::writeFailed, this, &UploadRunner::onJournalFailed);
    }
    setOptions(m_options);
}

UploadRunner::~UploadRunner()
{
    // Requests in flight are aborted with their contexts; nothing more is journaled, so what
    // the journal has is where a resume goes on from.
    for (const auto &job : m_jobs) {
        if (job->claimed && m_history)
            m_history->releaseBatch(job->rec.id);
    }
    m_jobs.clear();
}

void UploadRunner::setOptions(const Options &options)
{
    const bool newObs = !m_obs || options.timeoutMs != m_options.timeoutMs;
    m_options = options;
    m_options.partsInFlight = std::max(1, m_options.partsInFlight);
    m_options.maxAttempts = std::max(1, m_options.maxAttempts);
    m_options.ratePerMinute = std::max(1, m_options.ratePerMinute);
    m_options.timeoutMs = std::max(1000, m_options.timeoutMs);
    if (m_quota->pacer().configuredRate() != m_options.ratePerMinute)
        m_quota->pacer().restart(m_options.ratePerMinute);
    if (newObs) {
        // Requests under way finish on the client that sent them (it stays the runner's child).
        m_obs = new ObsClient(m_client->network(), m_client->tlsConfiguration(),
                              ObsClient::Config {m_options.timeoutMs}, this);
        connect(m_obs, &ObsClient::bytesSent, this, &UploadRunner::onBytesSent);
    }
    schedule();
}

double UploadRunner::nowMs() const
{
    return m_quota->nowMs();
}

UploadRunner::Job *UploadRunner::find(const QString &uploadId) const
{
    for (const auto &job : m_jobs) {
        if (job->rec.id == uploadId)
            return job.get();
    }
    return nullptr;
}

bool UploadRunner::live(const Job *job, const QObject *ctx)
{
    return ctx == job->ctx
            || std::find(job->sending.cbegin(), job->sending.cend(), ctx) != job->sending.cend();
}

UploadRunner::Job *UploadRunner::enqueue(const UploadRecord &record, const Context &context)
{
    // An upload finished in this run and resumed (a confirm that was not sent) starts again in
    // its place, as the same object: what still refers to it (a signal being emitted, a queued
    // update) stays valid.
    Job *job = find(record.id);
    if (job) {
        Q_ASSERT(job->finished() && job->sending.isEmpty());
        QObject *ctx = job->ctx;
        job->ctx = nullptr;
        *job = Job {};
        job->ctx = ctx;
    } else {
        m_jobs.push_back(std::make_unique<Job>());
        job = m_jobs.back().get();
        job->ctx = new QObject(this);
    }
    job->rec = record;
    job->context = context;
    for (const UploadPart &p : record.parts)
        job->done.insert(p.number, p);
    job->rec.parts.clear();
    return job;
}

QStringList UploadRunner::add(const QList<UploadRequest> &files, const Context &context,
                              QStringList *refused)
{
    QStringList ids;
    for (const UploadRequest &file : files) {
        const QFileInfo info(file.filePath);
        const QString name = info.fileName().isEmpty() ? file.filePath : info.fileName();
        QString why;
        const std::optional<FileStamp> stamp = UploadParts::stamp(file.filePath, &why);
        QString videoType;
        std::optional<qint64> partSize;
        if (stamp)
            videoType = UploadParts::videoTypeFor(file.filePath, &why);
        if (stamp && !videoType.isEmpty())
            partSize = UploadParts::choosePartSize(stamp->size, m_options.partSize, &why);
        if (!partSize) {
            if (refused)
                refused->append(tr("%1: %2").arg(name, why));
            continue;
        }
        UploadRecord rec;
        rec.id = HistoryStore::newUploadId();
        rec.profile = context.profile;
        rec.region = context.region;
        rec.projectId = context.projectId;
        rec.filePath = info.absoluteFilePath();
        rec.fileSize = stamp->size;
        rec.fileModifiedMs = stamp->modifiedMs;
        QString title = file.title.trimmed();
        if (title.isEmpty())
            title = info.completeBaseName().trimmed();
        if (title.isEmpty())
            title = name;
        rec.title = cutToBytes(title, UploadLimits::MaxTitleBytes);
        rec.videoType = videoType;
        rec.description = cutToBytes(file.description, UploadLimits::MaxDescriptionBytes);
        rec.categoryId = file.categoryId;
        rec.templateGroup = cutToBytes(file.templateGroup, UploadLimits::MaxTemplateGroupBytes);
        rec.partSize = *partSize;
        if (const QString problem = uploadProblem(rec); !problem.isEmpty()) {
            if (refused)
                refused->append(tr("%1: %2").arg(name, problem));
            continue;
        }
        Job *job = enqueue(rec, context);
        if (m_history) {
            job->lastTicket = m_history->beginUpload(job->rec);
            QString error;
            job->claimed = m_history->claimBatch(job->rec.id, &error);
        }
        ids.append(job->rec.id);
        changed(job, true);
    }
    schedule();
    return ids;
}

bool UploadRunner::resume(const QString &uploadId, QString *error)
{
    const auto refuse = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!m_history)
        return refuse(tr("Without a history there is nothing to resume."));
    if (Job *job = find(uploadId); job && !job->finished())
        return refuse(tr("Upload %1 is in the queue already.").arg(uploadId));
    QString message;
    const std::optional<UploadRecord> rec = m_history->upload(uploadId, &message);
    if (!rec)
        return refuse(tr("Upload %1 cannot be resumed: %2").arg(uploadId, message));
    if (isFinishedUploadState(rec->state) || rec->state == UploadState::Unknown)
        return refuse(tr("Upload %1 is finished (%2); there is nothing to resume.")
                              .arg(uploadId, uploadStateName(rec->state)));
    if (!m_history->claimBatch(uploadId, &message))
        return refuse(tr("Upload %1 cannot be resumed: %2").arg(uploadId, message));
    Job *job = enqueue(*rec, {rec->profile, rec->region, rec->projectId});
    job->lastTicket = NoWrite; // what the journal has is on disk
    job->claimed = true;
    job->confirmFirst = rec->state == UploadState::Completed;
    // A fresh multipart upload knows its parts; an interrupted one asks OBS first.
    job->listed = false;
    changed(job, true);
    if (rec->state != UploadState::Completed) {
        const QString changedWhy = UploadParts::changedSince(
                rec->filePath, FileStamp {rec->fileSize, rec->fileModifiedMs});
        if (!changedWhy.isEmpty()) {
            job->active = true;
            fail(job, changedWhy);
            return true;
        }
    }
    schedule();
    return true;
}

QList<UploadStatus> UploadRunner::uploads() const
{
    QList<UploadStatus> list;
    list.reserve(qsizetype(m_jobs.size()));
    for (const auto &job : m_jobs)
        list.append(status(job.get()));
    return list;
}

std::optional<UploadStatus> UploadRunner::upload(const QString &uploadId) const
{
    if (const Job *job = find(uploadId))
        return status(job);
    return std::nullopt;
}

UploadStatus UploadRunner::status(const Job *job) const
{
    UploadStatus s;
    s.uploadId = job->rec.id;
    s.filePath = job->rec.filePath;
    s.title = job->rec.title;
    s.assetId = job->rec.assetId;
    s.phase = job->phase;
    s.bytesTotal = job->rec.fileSize;
    s.bytesDone = job->bytesDone();
    if (!job->sending.isEmpty() && job->samples.size() >= 2) {
        const auto &first = job->samples.front();
        const auto &lastSample = job->samples.back();
        const double span = std::max(lastSample.first, nowMs()) - first.first;
        if (span >= MinSpeedSpanMs)
            s.bytesPerSecond = double(lastSample.second - first.second) * 1000.0 / span;
    }
    if (s.bytesPerSecond > 0)
        s.secondsLeft = qint64(std::ceil(double(s.bytesTotal - s.bytesDone) / s.bytesPerSecond));
    s.partsDone = int(job->done.size());
    s.partCount = job->partCount();
    s.retries = job->retries;
    s.error = job->error;
    s.last = job->last;
    return s;
}

UploadTotals UploadRunner::totals() const
{
    UploadTotals t;
    for (const auto &job : m_jobs) {
        const UploadStatus s = status(job.get());
        ++t.uploads;
        t.confirmed += s.phase == UploadStatus::Phase::Confirmed;
        t.failed += s.phase == UploadStatus::Phase::Failed;
        t.cancelled += s.phase == UploadStatus::Phase::Cancelled;
        t.paused += s.phase == UploadStatus::Phase::Paused;
        if (s.phase == UploadStatus::Phase::Failed || s.phase == UploadStatus::Phase::Cancelled)
            continue; // its bytes will not be sent
        t.bytesTotal += s.bytesTotal;
        t.bytesDone += s.bytesDone;
        t.bytesPerSecond += s.bytesPerSecond;
    }
    if (t.bytesPerSecond > 0)
        t.secondsLeft = qint64(std::ceil(double(t.bytesTotal - t.bytesDone) / t.bytesPerSecond));
    return t;
}

bool UploadRunner::isRunning() const
{
    return std::any_of(m_jobs.begin(), m_jobs.end(), [](const auto &job) {
        return !job->finished() && job->phase != UploadStatus::Phase::Paused;
    });
}

// --- scheduling ----------------------------------------------------------------------------

// Files go in queue order: a file starts once every file before it has all its remaining parts
// sent or under way (its tail), so the next file's create and first parts overlap the last
// parts of the one before, and the parts in flight (all files together) stay within
// Options::partsInFlight.
void UploadRunner::schedule()
{
    if (m_scheduled)
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(
            this,
            [this] {
                m_scheduled = false;
                bool earlierNeedsSlots = false;
                for (const auto &owned : m_jobs) {
                    Job *job = owned.get();
                    if (job->finished() || (job->paused && !job->cancelling))
                        continue;
                    if (!job->active && !job->cancelling) {
                        if (earlierNeedsSlots || m_authStopped)
                            break;
                        job->active = true;
                    }
                    advance(job);
                    if (!job->finished() && !job->inTail())
                        earlierNeedsSlots = true;
                }
                checkIdle();
            },
            Qt::QueuedConnection);
}

void UploadRunner::advance(Job *job)
{
    using P = UploadStatus::Phase;
    if (job->finished() || job->busy)
        return;
    if (job->cancelling) {
        finishCancel(job);
        return;
    }
    if (job->paused || m_authStopped) {
        if (job->sending.isEmpty() && job->phase != P::Paused) {
            job->phase = P::Paused;
            changed(job, true);
        }
        return;
    }
    if (!job->active)
        return;
    switch (job->rec.state) {
    case UploadState::New:
        job->busy = true;
        // The upload is on disk before its asset is created.
        whenDurable(job, job->lastTicket, [this, job] { create(job, 1); });
        break;
    case UploadState::Created:
        if (job->single()) {
            job->busy = true;
            job->rec.state = UploadState::Uploading;
            job->listed = true;
            const Ticket t = m_history
                    ? m_history->recordUploadState(job->rec.id, UploadState::Uploading)
                    : 0;
            whenDurable(job, t, [this, job] {
                job->busy = false;
                advance(job);
            });
        } else {
            initiate(job);
        }
        break;
    case UploadState::Uploading:
        if (job->single())
            job->listed = true;
        if (!job->listed) {
            listParts(job);
            break;
        }
        if (job->phase != P::Uploading) {
            job->phase = P::Uploading;
            changed(job, true);
        }
        while (job->scanFrom <= job->partCount() && job->done.contains(job->scanFrom))
            ++job->scanFrom; // parts below it are all done
        for (int n = job->scanFrom;
             n <= job->partCount() && m_obsInFlight < m_options.partsInFlight; ++n) {
            if (!job->done.contains(n) && !job->sending.contains(n))
                startPart(job, n);
        }
        if (int(job->done.size()) == job->partCount() && job->sending.isEmpty()) {
            job->busy = true;
            // Every part is on disk before the upload is completed.
            whenDurable(job, job->lastTicket, [this, job] {
                if (job->single()) {
                    job->rec.state = UploadState::Completed;
                    const Ticket t = m_history
                            ? m_history->recordUploadState(job->rec.id, UploadState::Completed)
                            : 0;
                    whenDurable(job, t, [this, job] {
                        job->busy = false;
                        advance(job);
                    });
                } else {
                    complete(job);
                }
            });
        }
        break;
    case UploadState::Completed:
        confirmCreated(job);
        break;
    default:
        break;
    }
}

// --- parts ---------------------------------------------------------------------------------

void UploadRunner::startPart(Job *job, int number)
{
    auto *ctx = new QObject(job->ctx);
    job->sending.insert(number, ctx);
    ++m_obsInFlight;
    if (!job->reader)
        job->reader = std::make_unique<UploadPartReader>(
                job->rec.filePath, FileStamp {job->rec.fileSize, job->rec.fileModifiedMs},
                job->rec.partSize, m_options.partsInFlight);
    auto *watcher = new QFutureWatcher<PartData>(ctx);
    connect(watcher, &QFutureWatcherBase::finished, ctx, [this, job, number, ctx, watcher] {
        if (!live(job, ctx))
            return;
        auto data = std::make_shared<const PartData>(watcher->result());
        if (!data->error.isEmpty()) {
            fail(job, data->error);
            return;
        }
        sendPart(job, number, data, ctx);
    });
    watcher->setFuture(job->reader->read(number));
}

void UploadRunner::sendPart(Job *job, int number, const std::shared_ptr<const PartData> &data,
                            QObject *ctx)
{
    VodClient::AuthorityQuery query;
    query.httpVerb = "PUT";
    query.bucket = job->rec.bucket;
    query.objectKey = job->rec.objectKey;
    query.contentMd5 = data->contentMd5;
    QUrl given;
    if (job->single()) {
        query.contentType = QString::fromLatin1(contentTypeFor(job->rec.filePath));
        given = QUrl(job->rec.videoUploadUrl);
    } else {
        query.uploadId = job->rec.obsUploadId;
        query.partNumber = number;
    }
    auto etag = std::make_shared<QByteArray>();
    obsStep(
            job, ctx, query, given,
            [this, job, ctx, data, etag, number](const QUrl &url,
                                                 std::function<void(const ApiResult &)> done) {
                job->partSent.insert(number, 0);
                m_puts.append({job, number});
                auto answer = [etag, done](const ApiResult &r, const QByteArray &e) {
                    *etag = e;
                    done(r);
                };
                auto dropSent
                        = [this, job, number, answer](const ApiResult &r, const QByteArray &e) {
                              job->partSent.remove(number);
                              m_puts.removeOne({job, number});
                              answer(r, e);
                          };
                if (job->single())
                    m_obs->putObject(url, data->bytes, contentTypeFor(job->rec.filePath),
                                     data->contentMd5, ctx, dropSent);
                else
                    m_obs->uploadPart(url, data->bytes, data->contentMd5, ctx, dropSent);
            },
            [this, job, number, etag] { partDone(job, number, *etag); },
            job->single() ? tr("uploading the file") : tr("uploading part %1").arg(number));
}

void UploadRunner::partDone(Job *job, int number, const QByteArray &etag)
{
    if (QObject *ctx = job->sending.take(number)) {
        ctx->deleteLater();
        --m_obsInFlight;
    }
    job->partSent.remove(number);
    const UploadPart part {number, uploadPartSizeAt(job->rec.fileSize, job->rec.partSize, number),
                           u"\"%1\""_s.arg(QString::fromLatin1(etag))};
    if (!isValidEtag(part.etag)) { // the journal and the complete request could not carry it
        fail(job, tr("OBS accepted part %1 with an ETag that cannot be used.").arg(number));
        return;
    }
    job->done.insert(number, part);
    if (m_history && !job->single())
        job->lastTicket = m_history->recordPartDone(job->rec.id, part);
    job->error.clear();
    changed(job);
    schedule();
}

void UploadRunner::dropParts(Job *job)
{
    // Its PUT is aborted when its context goes (ObsClient), at the next turn of the event loop;
    // answers that come before are ignored (live()).
    for (QObject *ctx : std::as_const(job->sending)) {
        ctx->deleteLater();
        --m_obsInFlight;
    }
    job->sending.clear();
    job->partSent.clear();
    m_puts.removeIf([job](const std::pair<Job *, int> &put) { return put.first == job; });
    schedule();
}

// --- steps ---------------------------------------------------------------------------------

void UploadRunner::create(Job *job, int attempt)
{
    job->phase = UploadStatus::Phase::Creating;
    changed(job, true);
    VodClient::NewAsset asset;
    asset.title = job->rec.title;
    asset.videoName = cutToBytes(QFileInfo(job->rec.filePath).fileName(), VodClient::MaxTitleBytes);
    asset.videoType = job->rec.videoType;
    asset.description = job->rec.description;
    asset.categoryId = job->rec.categoryId;
    asset.templateGroupName = job->rec.templateGroup;
    paced(job->ctx, [this, job, asset, attempt] {
        m_client->createAssetByFileUpload(
                asset, job->ctx,
                [this, job, attempt](const ApiResult &r, const VodClient::CreatedAsset &created) {
                    noteVod(r);
                    if (!r.ok()) {
                        retryOrFail(
                                job, job->ctx, r, attempt, true,
                                [this, job](int again) { create(job, again); },
                                tr("creating the asset"));
                        return;
                    }
                    job->rec.assetId = created.assetId;
                    job->rec.videoUploadUrl = created.videoUploadUrl.toString(QUrl::FullyEncoded);
                    job->rec.bucket = created.bucket;
                    job->rec.objectKey = created.objectKey;
                    job->rec.state = UploadState::Created;
                    job->error.clear();
                    const Ticket t = m_history
                            ? m_history->recordAssetCreated(job->rec.id, created.assetId,
                                                            job->rec.videoUploadUrl, created.bucket,
                                                            created.objectKey)
                            : 0;
                    changed(job, true);
                    whenDurable(job, t, [this, job] {
                        job->busy = false;
                        advance(job);
                    });
                });
    });
}

void UploadRunner::initiate(Job *job)
{
    job->busy = true;
    job->phase = UploadStatus::Phase::Uploading;
    changed(job, true);
    VodClient::AuthorityQuery query;
    query.httpVerb = "POST";
    query.bucket = job->rec.bucket;
    query.objectKey = job->rec.objectKey;
    query.contentType = QString::fromLatin1(contentTypeFor(job->rec.filePath));
    auto uploadId = std::make_shared<QString>();
    obsStep(
            job, job->ctx, query, {},
            [this, job, uploadId](const QUrl &url, std::function<void(const ApiResult &)> done) {
                m_obs->initiate(url, contentTypeFor(job->rec.filePath), job->ctx,
                                [uploadId, done](const ApiResult &r, const QString &id) {
                                    *uploadId = id;
                                    done(r);
                                });
            },
            [this, job, uploadId] {
                job->rec.obsUploadId = *uploadId;
                job->rec.state = UploadState::Uploading;
                job->listed = true; // a new multipart upload has no parts
                const Ticket t
                        = m_history ? m_history->recordMultipartStarted(job->rec.id, *uploadId) : 0;
                // The upload id is on disk before the first part.
                whenDurable(job, t, [this, job] {
                    job->busy = false;
                    advance(job);
                });
            },
            tr("starting the multipart upload"));
}

void UploadRunner::listParts(Job *job)
{
    job->busy = true;
    job->phase = UploadStatus::Phase::Uploading;
    changed(job, true);
    VodClient::AuthorityQuery query;
    query.httpVerb = "GET";
    query.bucket = job->rec.bucket;
    query.objectKey = job->rec.objectKey;
    query.uploadId = job->rec.obsUploadId;
    auto listed = std::make_shared<QList<ObsClient::Part>>();
    obsStep(
            job, job->ctx, query, {},
            [this, job, listed](const QUrl &url, std::function<void(const ApiResult &)> done) {
                m_obs->listParts(
                        url, job->ctx,
                        [listed, done](const ApiResult &r, const QList<ObsClient::Part> &parts) {
                            *listed = parts;
                            done(r);
                        });
            },
            [this, job, listed] {
                // OBS is the truth: a part it has in the planned size is done (journaled now if
                // the journal missed it); a part it does not have is sent (again).
                QMap<int, UploadPart> done;
                for (const ObsClient::Part &p : std::as_const(*listed)) {
                    const qint64 planned
                            = uploadPartSizeAt(job->rec.fileSize, job->rec.partSize, p.number);
                    const UploadPart part {p.number, p.size,
                                           u"\"%1\""_s.arg(QString::fromLatin1(p.etag))};
                    if (planned == 0 || p.size != planned || !isValidEtag(part.etag))
                        continue; // sent again
                    if (job->done.value(p.number) != part && m_history)
                        job->lastTicket = m_history->recordPartDone(job->rec.id, part);
                    done.insert(p.number, part);
                }
                job->done = done;
                job->scanFrom = 1;
                job->listed = true;
                job->busy = false;
                changed(job, true);
                advance(job);
            },
            tr("listing the parts already uploaded"));
}

void UploadRunner::complete(Job *job)
{
    job->phase = UploadStatus::Phase::Completing;
    changed(job, true);
    VodClient::AuthorityQuery query;
    query.httpVerb = "POST";
    query.bucket = job->rec.bucket;
    query.objectKey = job->rec.objectKey;
    query.uploadId = job->rec.obsUploadId;
    QList<ObsClient::Part> parts;
    for (const UploadPart &p : std::as_const(job->done))
        parts.append({p.number, unquoted(p.etag), p.size});
    obsStep(
            job, job->ctx, query, {},
            [this, job, parts](const QUrl &url, std::function<void(const ApiResult &)> done) {
                m_obs->complete(url, parts, job->ctx, done);
            },
            [this, job] {
                job->rec.state = UploadState::Completed;
                job->reader.reset();
                const Ticket t = m_history
                        ? m_history->recordUploadState(job->rec.id, UploadState::Completed)
                        : 0;
                // Completed is on disk before the confirm.
                whenDurable(job, t, [this, job] {
                    job->busy = false;
                    advance(job);
                });
            },
            tr("completing the multipart upload"));
}

void UploadRunner::confirm(Job *job, TargetStatus target,
                           std::function<void(const BatchSummary &, const AssetUpdate &)> then)
{
    auto *runner = new BatchRunner(m_client, m_history, job->ctx);
    runner->setQuotaGroup(m_quota);
    BatchRunner::Options options;
    options.engine.concurrency = 1;
    options.engine.ratePerMinute = m_options.ratePerMinute;
    options.engine.maxAttempts = m_options.maxAttempts;
    options.engine.baseBackoffMs = m_options.baseBackoffMs;
    options.engine.maxBackoffMs = m_options.maxBackoffMs;
    runner->setOptions(options);
    connect(runner, &BatchRunner::authenticationFailed, this, &UploadRunner::stopForAuth);
    connect(runner, &BatchRunner::waiting, this, &UploadRunner::waiting);
    connect(runner, &BatchRunner::historyFailed, this, &UploadRunner::historyFailed);
    connect(runner, &BatchRunner::finished, this, [runner, then](const BatchSummary &summary) {
        runner->deleteLater();
        then(summary, runner->assets().value(0));
    });
    const bool checkFirst = target == TargetStatus::Created && job->confirmFirst;
    QString error;
    if (!runner->start({{job->rec.assetId, target, checkFirst}}, job->context, &error)) {
        runner->deleteLater();
        BatchSummary summary;
        summary.total = 1;
        summary.notSent = 1;
        summary.stopReason = error;
        QMetaObject::invokeMethod(
                job->ctx, [then, summary] { then(summary, AssetUpdate {}); }, Qt::QueuedConnection);
    }
}

void UploadRunner::confirmCreated(Job *job)
{
    job->busy = true;
    job->phase = UploadStatus::Phase::Confirming;
    changed(job, true);
    confirm(job, TargetStatus::Created,
            [this, job](const BatchSummary &summary, const AssetUpdate &asset) {
                job->busy = false;
                const int done = summary.confirmed + summary.skipped + summary.alreadyConfirmed;
                if (done > 0) {
                    job->rec.state = UploadState::Confirmed;
                    const Ticket t = m_history
                            ? m_history->recordUploadState(job->rec.id, UploadState::Confirmed)
                            : 0;
                    job->error.clear();
                    job->busy = true;
                    whenDurable(job, t, [this, job, batchId = summary.batchId] {
                        finish(job, UploadStatus::Phase::Confirmed);
                        emit assetConfirmed(job->rec.id, job->rec.assetId, batchId);
                    });
                    return;
                }
                if (summary.authStopped) { // the queue stopped; the job waits, paused
                    advance(job);
                    return;
                }
                QStringList why;
                for (const QString &part :
                     {asset.note, asset.last.ok() ? QString() : asset.last.summary(),
                      summary.stopReason}) {
                    if (!part.isEmpty())
                        why.append(part);
                }
                const QString reason
                        = tr("The asset could not be confirmed: %1")
                                  .arg(why.isEmpty() ? tr("no answer") : why.join(u"; "_s));
                job->last = asset.last;
                if (summary.failed > 0) { // VOD refused it for good (the asset's state ...)
                    fail(job, reason, asset.last);
                    return;
                }
                // Not sent (its state could not be read ...): the journal keeps it Completed, so
                // a resume confirms it.
                job->error = reason;
                finish(job, UploadStatus::Phase::Failed);
            });
}

void UploadRunner::fail(Job *job, const QString &reason, const ApiResult &last)
{
    if (job->finished() || job->rec.state == UploadState::Failed) // failing already
        return;
    dropParts(job);
    job->reader.reset();
    job->busy = true;
    job->error = reason;
    if (!last.ok() || last.httpStatus != 0)
        job->last = last;
    job->rec.state = UploadState::Failed;
    job->rec.lastError = reason;
    const Ticket t = m_history
            ? m_history->recordUploadState(job->rec.id, UploadState::Failed, reason)
            : 0;
    changed(job, true);
    whenDurable(job, t, [this, job] {
        if (job->rec.assetId.isEmpty()) {
            finish(job, UploadStatus::Phase::Failed);
            return;
        }
        // The asset exists: VOD learns that its upload failed.
        confirm(job, TargetStatus::Failed, [this, job](const BatchSummary &, const AssetUpdate &) {
            finish(job, UploadStatus::Phase::Failed);
        });
    });
}

void UploadRunner::finishCancel(Job *job)
{
    job->busy = true;
    dropParts(job);
    job->reader.reset();
    const auto record = [this, job] {
        job->rec.state = UploadState::Cancelled;
        const Ticket t
                = m_history ? m_history->recordUploadState(job->rec.id, UploadState::Cancelled) : 0;
        whenDurable(job, t, [this, job] {
            if (job->rec.assetId.isEmpty()) {
                finish(job, UploadStatus::Phase::Cancelled);
                return;
            }
            confirm(job, TargetStatus::Cancelled,
                    [this, job](const BatchSummary &, const AssetUpdate &) {
                        finish(job, UploadStatus::Phase::Cancelled);
                    });
        });
    };
    if (job->single() || job->rec.obsUploadId.isEmpty()
        || job->rec.state != UploadState::Uploading) {
        record();
        return;
    }
    // The parts OBS keeps are dropped first.
    VodClient::AuthorityQuery query;
    query.httpVerb = "DELETE";
    query.bucket = job->rec.bucket;
    query.objectKey = job->rec.objectKey;
    query.uploadId = job->rec.obsUploadId;
    // Best effort, sent once: parts OBS keeps of an upload never completed expire.
    paced(job->ctx, [this, job, query, record] {
        m_client->showAssetTempAuthority(
                query, job->ctx, [this, job, record](const ApiResult &r, const QUrl &url) {
                    noteVod(r);
                    if (!r.ok()) {
                        if (r.errorClass == ErrorClass::Auth)
                            stopForAuth(ErrorCatalogue::authAdvice(
                                                r, m_client->config().credentials.mode),
                                        r.summary());
                        record();
                        return;
                    }
                    m_obs->abort(url, job->ctx, [record](const ApiResult &) { record(); });
                });
    });
}

void UploadRunner::finish(Job *job, UploadStatus::Phase phase)
{
    job->busy = false;
    job->phase = phase;
    job->reader.reset();
    if (job->claimed && m_history) {
        m_history->releaseBatch(job->rec.id);
        job->claimed = false;
    }
    changed(job, true);
    schedule();
}

// --- requests ------------------------------------------------------------------------------

void UploadRunner::paced(QObject *ctx, std::function<void()> send)
{
    m_paced.push_back({ctx, std::move(send)});
    pumpPaced();
}

void UploadRunner::pumpPaced()
{
    while (!m_paced.empty()) {
        if (!m_paced.front().ctx) {
            m_paced.pop_front();
            continue;
        }
        const double now = nowMs();
        Pacer &pacer = m_quota->pacer();
        if (!pacer.mayStart(now)) {
            m_pacedTimer->start(int(std::ceil(pacer.nextSendMs() - now)));
            return;
        }
        pacer.started(now);
        const std::function<void()> send = std::move(m_paced.front().send);
        m_paced.pop_front();
        send();
    }
}

void UploadRunner::noteVod(const ApiResult &result)
{
    if (result.errorClass == ErrorClass::Throttled)
        m_quota->pacer().throttled(nowMs());
    else if (result.ok())
        m_quota->pacer().succeeded(nowMs());
}

void UploadRunner::authority(Job *job, QObject *ctx, const VodClient::AuthorityQuery &query,
                             std::function<void(const QUrl &)> then, int attempt)
{
    paced(ctx, [this, job, ctx, query, then, attempt] {
        m_client->showAssetTempAuthority(
                query, ctx,
                [this, job, ctx, query, then, attempt](const ApiResult &r, const QUrl &url) {
                    noteVod(r);
                    if (!live(job, ctx))
                        return;
                    if (r.ok()) {
                        then(url);
                        return;
                    }
                    retryOrFail(
                            job, ctx, r, attempt, true,
                            [this, job, ctx, query, then](int again) {
                                authority(job, ctx, query, then, again);
                            },
                            tr("asking VOD for an upload authority"));
                });
    });
}

void UploadRunner::obsStep(Job *job, QObject *ctx, const VodClient::AuthorityQuery &query,
                           const QUrl &given, ObsCall call, std::function<void()> ok,
                           const QString &what, int attempt, bool refreshed)
{
    const auto send = [this, job, ctx, query, given, call, ok, what, attempt,
                       refreshed](const QUrl &url) {
        call(url,
             [this, job, ctx, query, given, call, ok, what, attempt,
              refreshed](const ApiResult &r) {
                 if (!live(job, ctx))
                     return;
                 if (r.ok()) {
                     ok();
                     return;
                 }
                 if (r.authorityExpired && !refreshed) { // asked for again, once
                     obsStep(job, ctx, query, {}, call, ok, what, attempt, true);
                     return;
                 }
                 const QUrl next = refreshed ? QUrl() : given;
                 retryOrFail(
                         job, ctx, r, attempt, false,
                         [this, job, ctx, query, next, call, ok, what, refreshed](int again) {
                             obsStep(job, ctx, query, next, call, ok, what, again, refreshed);
                         },
                         what);
             });
    };
    if (given.isValid())
        send(given);
    else
        authority(job, ctx, query, send);
}

void UploadRunner::retryOrFail(Job *job, QObject *ctx, const ApiResult &result, int attempt,
                               bool vod, std::function<void(int)> again, const QString &what)
{
    job->last = result;
    const bool authStop = vod && result.errorClass == ErrorClass::Auth && !result.authorityExpired;
    if (authStop) // never sent again with refused credentials: the whole queue stops
        stopForAuth(ErrorCatalogue::authAdvice(result, m_client->config().credentials.mode),
                    result.summary());
    if (authStop || job->cancelling) {
        if (ctx == job->ctx) { // the job's step ends here; advance() pauses or cancels it
            job->busy = false;
            advance(job);
        }
        return;
    }
    const bool noAnswer = (result.httpStatus == 0 && result.isRetryable())
            || ConfirmEngine::isConnectionSetupFailure(result);
    if (noAnswer && attempt >= m_options.maxAttempts) {
        // The network is gone (a dropped Wi-Fi, a closed lid): nothing is wrong with the file,
        // so the upload waits, paused, for unpause() or a later resume instead of failing.
        dropParts(job);
        job->paused = true;
        job->error = tr("paused: %1 failed after %Ln attempt(s): %2", nullptr, attempt)
                             .arg(what, result.summary());
        if (ctx == job->ctx)
            job->busy = false;
        advance(job);
        schedule();
        return;
    }
    if (!result.isRetryable() || attempt >= m_options.maxAttempts) {
        const QString why = result.isRetryable()
                ? tr("%1 failed after %Ln attempt(s): %2", nullptr, attempt)
                          .arg(what, result.summary())
                : tr("%1 failed: %2").arg(what, result.summary());
        fail(job, why, result);
        return;
    }
    const qint64 delay
            = Pacer::backoffMs(attempt, m_options.baseBackoffMs, m_options.maxBackoffMs,
                               result.retryAfterMs, result.errorClass == ErrorClass::Throttled);
    ++job->retries;
    job->error = tr("retrying %1 in %Ln s", nullptr, qint64(std::ceil(delay / 1000.0))).arg(what);
    changed(job, true);
    if (delay > AnnounceWaitMs && m_obsInFlight == 0)
        emit waiting(delay, job->error);
    QTimer::singleShot(delay, ctx, [this, job, ctx, again, attempt] {
        // Paused or cancelled meanwhile: a step of the job stops here (a part's context is
        // gone then already).
        if (!live(job, ctx))
            return;
        if (ctx == job->ctx && (job->paused || job->cancelling || m_authStopped)) {
            job->busy = false;
            advance(job);
            return;
        }
        again(attempt + 1);
    });
}

void UploadRunner::stopForAuth(const QString &advice, const QString &answer)
{
    if (m_authStopped)
        return;
    m_authStopped = true;
    for (const auto &job : m_jobs) {
        if (job->finished())
            continue;
        dropParts(job.get());
        job->paused = true;
        job->error = tr("stopped: VOD refused the credentials");
        if (!job->busy)
            job->phase = UploadStatus::Phase::Paused;
        changed(job.get(), true);
    }
    emit authenticationFailed(advice, answer);
    schedule();
}

void UploadRunner::whenDurable(Job *job, Ticket ticket, std::function<void()> then)
{
    if (ticket != 0 && ticket != NoWrite)
        job->lastTicket = ticket; // tickets grow: the newest covers every earlier write
    if (!m_history || ticket == NoWrite || (ticket != 0 && m_history->isDurable(ticket))) {
        QMetaObject::invokeMethod(job->ctx, std::move(then), Qt::QueuedConnection);
        return;
    }
    if (ticket == 0) { // the journal refused the write
        job->busy = false;
        job->paused = true;
        job->error = tr("The upload journal could not store the step: %1")
                             .arg(m_history->lastWriteError());
        emit historyFailed(job->error);
        changed(job, true);
        schedule();
        return;
    }
    m_durableWaits.append({ticket, job->ctx, std::move(then)});
}

// A journal write failed (disk full ...): the store keeps it and retries it with the next write.
// Nothing goes on without the journal: every upload pauses, the steps that waited for the write
// are taken back, and unpause() first waits for the journal to have them.
void UploadRunner::onJournalFailed(const QString &message)
{
    if (m_durableWaits.isEmpty())
        return;
    for (const DurableWait &w : std::as_const(m_durableWaits)) {
        for (const auto &job : m_jobs) {
            if (job->ctx == w.ctx) {
                job->busy = false;
                job->paused = true;
                job->error = message;
            }
        }
    }
    m_durableWaits.clear();
    emit historyFailed(message);
    pauseAll();
    for (const auto &job : m_jobs) {
        if (job->paused && !job->busy && !job->finished()
            && job->phase != UploadStatus::Phase::Paused) {
            job->phase = UploadStatus::Phase::Paused;
            changed(job.get(), true);
        }
    }
}

void UploadRunner::onDurable(Ticket ticket)
{
    QList<DurableWait> ready;
    for (auto it = m_durableWaits.begin(); it != m_durableWaits.end();) {
        if (it->ticket <= ticket) {
            ready.append(std::move(*it));
            it = m_durableWaits.erase(it);
        } else {
            ++it;
        }
    }
    for (const DurableWait &w : std::as_const(ready)) {
        if (w.ctx)
            w.then();
    }
}

// --- progress ------------------------------------------------------------------------------

// ObsClient counts the body bytes of all its requests together: they are shared among the parts
// under way (each up to its size), so a file's speed is its share of the link.
void UploadRunner::onBytesSent(qint64 bytes)
{
    const QList<std::pair<Job *, int>> open = m_puts;
    if (open.isEmpty())
        return;
    const qint64 share = bytes / open.size();
    qint64 rest = bytes - share * open.size();
    const double now = nowMs();
    for (const auto &[job, number] : open) {
        const qint64 size = uploadPartSizeAt(job->rec.fileSize, job->rec.partSize, number);
        qint64 add = share + (rest > 0 ? 1 : 0);
        rest -= rest > 0 ? 1 : 0;
        qint64 &sent = job->partSent[number];
        add = std::min(add, size - sent);
        sent += add;
        job->sentTotal += add;
        if (job->samples.empty() || now - job->samples.back().first >= SampleIntervalMs)
            job->samples.emplace_back(now, job->sentTotal);
        else
            job->samples.back().second = job->sentTotal;
        while (job->samples.size() > 2 && now - job->samples.front().first > SpeedWindowMs)
            job->samples.pop_front();
        changed(job);
    }
}

void UploadRunner::changed(Job *job, bool now)
{
    const double t = nowMs();
    if (now || t - job->lastEmitMs >= EmitIntervalMs) {
        emitChanged(job);
        return;
    }
    if (job->emitQueued)
        return;
    job->emitQueued = true;
    QTimer::singleShot(int(std::ceil(EmitIntervalMs - (t - job->lastEmitMs))), job->ctx,
                       [this, job] {
                           if (job->emitQueued)
                               emitChanged(job);
                       });
}

void UploadRunner::emitChanged(Job *job)
{
    job->emitQueued = false;
    job->lastEmitMs = nowMs();
    emit uploadChanged(status(job));
    emit totalsChanged(totals());
    checkIdle();
}

void UploadRunner::checkIdle()
{
    const bool running = isRunning();
    if (m_wasRunning && !running)
        emit idle();
    m_wasRunning = running;
}

// --- user actions --------------------------------------------------------------------------

void UploadRunner::pause(const QString &uploadId)
{
    Job *job = find(uploadId);
    if (!job || job->finished() || job->paused || job->cancelling)
        return;
    job->paused = true;
    dropParts(job); // only finished parts count
    if (!job->busy) {
        job->phase = UploadStatus::Phase::Paused;
        changed(job, true);
    }
    schedule();
}

void UploadRunner::unpause(const QString &uploadId)
{
    Job *job = find(uploadId);
    if (!job || job->finished() || !job->paused)
        return;
    if (m_history && job->lastTicket != 0 && job->lastTicket != NoWrite
        && !m_history->isDurable(job->lastTicket)) {
        // The journal failed to store its last step: one wait, until it has it (or fails again).
        QString error;
        if (!m_history->waitDurable(job->lastTicket, &error)) {
            job->error = error;
            changed(job, true);
            emit historyFailed(error);
            return;
        }
    }
    job->paused = false;
    m_authStopped = false;
    job->error.clear();
    if (job->phase == UploadStatus::Phase::Paused) {
        job->phase = job->active ? UploadStatus::Phase::Uploading : UploadStatus::Phase::Queued;
        if (job->rec.state == UploadState::New)
            job->phase = UploadStatus::Phase::Queued;
    }
    changed(job, true);
    schedule();
}

void UploadRunner::cancel(const QString &uploadId)
{
    Job *job = find(uploadId);
    if (!job || job->finished() || job->cancelling)
        return;
    job->cancelling = true;
    dropParts(job);
    if (!job->busy)
        finishCancel(job);
}

void UploadRunner::pauseAll()
{
    for (const auto &job : m_jobs)
        pause(job->rec.id);
}

void UploadRunner::unpauseAll()
{
    for (const auto &job : m_jobs)
        unpause(job->rec.id);
}

void UploadRunner::cancelAll()
{
    for (const auto &job : m_jobs)
        cancel(job->rec.id);
}

} // namespace VodConfirm
