#include "historyrecorder.h"

#include "engine/confirmengine.h"
#include "storage/historystore.h"

using namespace Qt::StringLiterals;

namespace VodConfirm {

HistoryRecorder::HistoryRecorder(ConfirmEngine *engine, HistoryStore *store, QObject *parent)
    : QObject(parent), m_engine(engine), m_store(store)
{
    connect(engine, &ConfirmEngine::attemptFinished, this, &HistoryRecorder::onAttempt);
    connect(engine, &ConfirmEngine::assetChanged, this, &HistoryRecorder::onAssetChanged);
    connect(engine, &ConfirmEngine::finished, this, &HistoryRecorder::onFinished);
}

bool HistoryRecorder::batchStarted(const Context &context, QString *error)
{
    m_context = context;
    if (!m_store)
        return true;
    const QString id = m_engine->batchId();
    m_store->claimBatch(id);
    if (context.resumed)
        return true;
    BatchInfo batch;
    batch.id = id;
    batch.startedAt = QDateTime::currentDateTimeUtc();
    batch.profile = context.profile;
    batch.region = context.region;
    batch.projectId = context.projectId;
    batch.total = int(m_engine->assets().size());
    QList<JournalEntry> assets;
    assets.reserve(m_engine->assets().size());
    for (const AssetUpdate &a : m_engine->assets())
        assets.append({a.assetId, targetStatusName(a.status), {}});
    QString message;
    if (m_store->journalBatch(batch, assets, &message))
        return true;
    if (error)
        *error = tr("The history could not record the batch before sending, so nothing was sent: "
                    "%1")
                         .arg(message);
    return false;
}

HistoryRecord HistoryRecorder::row(const QString &assetId, TargetStatus status,
                                   const QDateTime &time) const
{
    HistoryRecord r;
    r.batchId = m_engine->batchId();
    r.time = time;
    r.profile = m_context.profile;
    r.region = m_context.region;
    r.projectId = m_context.projectId;
    r.assetId = assetId;
    r.targetStatus = targetStatusName(status);
    return r;
}

void HistoryRecorder::onAttempt(const AttemptRecord &a)
{
    if (!m_store)
        return;
    HistoryRecord r = row(a.assetId, a.status, a.startedAt);
    r.outcome = a.result.ok() || a.verifiedConfirmed ? u"confirmed"_s
            : a.willRetry                            ? u"retrying"_s
                                                     : u"failed"_s;
    r.httpStatus = a.result.httpStatus;
    r.errorCode = a.result.errorCode;
    r.errorMessage = a.result.errorMessage;
    r.requestId = a.result.requestId;
    r.attempt = a.attempt;
    r.durationMs = a.durationMs;
    m_store->append(r);
}

void HistoryRecorder::onAssetChanged(const AssetUpdate &u)
{
    // Assets concluded without a request of their own: never sent, or settled by reading their
    // state before sending (a resumed batch). Attempts have their own rows.
    if (!m_store || u.attempts > 0 || !isTerminal(u.state))
        return;
    HistoryRecord r = row(u.assetId, u.status, u.updatedAt);
    r.outcome = u.state == AssetState::Confirmed ? u"confirmed"_s
            : u.state == AssetState::Failed      ? u"failed"_s
                                                 : u"not_sent"_s;
    r.httpStatus = u.last.httpStatus;
    r.errorCode = u.last.errorCode;
    r.errorMessage = u.note;
    r.requestId = u.last.requestId;
    r.attempt = 0;
    m_store->append(r);
}

void HistoryRecorder::onFinished(const BatchSummary &)
{
    if (!m_store)
        return;
    m_store->finishBatch(m_engine->batchId(), QDateTime::currentDateTimeUtc());
    m_store->flush();
    m_store->releaseBatch(m_engine->batchId());
}

} // namespace VodConfirm
