#include "historyrecorder.h"

#include "engine/confirmengine.h"
#include "storage/historystore.h"

namespace VodConfirm {

HistoryRecorder::HistoryRecorder(ConfirmEngine *engine, HistoryStore *store, const Context &context,
                                 QObject *parent)
    : QObject(parent), m_engine(engine), m_store(store), m_context(context)
{
    connect(engine, &ConfirmEngine::attemptFinished, this, &HistoryRecorder::onAttempt);
    connect(engine, &ConfirmEngine::assetChanged, this, &HistoryRecorder::onAssetChanged);
}

void HistoryRecorder::begin()
{
    m_settled = QBitArray(m_engine->assets().size());
    m_unsettled = int(m_engine->assets().size());
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

void HistoryRecorder::write(int index, const HistoryRecord &record)
{
    if (index >= 0 && index < m_settled.size()) {
        const bool settled = isSettledOutcome(record.outcome);
        if (settled != m_settled.testBit(index)) {
            m_settled.setBit(index, settled);
            m_unsettled += settled ? -1 : 1;
        }
    }
    if (m_store)
        m_store->append(record);
}

void HistoryRecorder::onAttempt(const AttemptRecord &a)
{
    HistoryRecord r = row(a.assetId, a.status, a.startedAt);
    r.outcome = a.result.ok() || a.verifiedConfirmed ? Outcome::Confirmed
            : a.willRetry                            ? Outcome::Retrying
                                                     : Outcome::Failed;
    r.httpStatus = a.result.httpStatus;
    r.errorCode = a.result.errorCode;
    r.errorMessage = a.result.errorMessage;
    r.requestId = a.result.requestId;
    r.attempt = a.attempt;
    r.durationMs = a.durationMs;
    write(a.index, r);
}

void HistoryRecorder::onAssetChanged(const AssetUpdate &u)
{
    // Assets concluded without a request of their own: never sent, skipped, or settled by reading
    // their state before sending (a resumed batch). Attempts have their own rows.
    if (u.attempts > 0 || !isTerminal(u.state))
        return;
    HistoryRecord r = row(u.assetId, u.status, u.updatedAt);
    r.outcome = outcomeOf(u.state).value_or(Outcome::Unknown);
    r.httpStatus = u.last.httpStatus;
    r.errorCode = u.last.errorCode;
    r.errorMessage = u.note;
    r.requestId = u.last.requestId;
    r.attempt = 0;
    write(u.index, r);
}

} // namespace VodConfirm
