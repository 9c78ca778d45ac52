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

void HistoryRecorder::batchStarted(const Context &context)
{
    m_context = context;
    if (!m_store)
        return;
    BatchInfo batch;
    batch.id = m_engine->batchId();
    batch.startedAt = QDateTime::currentDateTimeUtc();
    batch.profile = context.profile;
    batch.region = context.region;
    batch.projectId = context.projectId;
    batch.total = int(m_engine->assets().size());
    m_store->beginBatch(batch);
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
    // Assets that never went out have no attempt; record that they were not sent, and why.
    if (!m_store || u.attempts > 0
        || (u.state != AssetState::NotSent && u.state != AssetState::Cancelled))
        return;
    HistoryRecord r = row(u.assetId, u.status, u.updatedAt);
    r.outcome = u"not_sent"_s;
    r.errorMessage = u.note;
    r.attempt = 0;
    m_store->append(r);
}

void HistoryRecorder::onFinished(const BatchSummary &)
{
    if (!m_store)
        return;
    m_store->finishBatch(m_engine->batchId(), QDateTime::currentDateTimeUtc());
    m_store->flush();
}

} // namespace VodConfirm
