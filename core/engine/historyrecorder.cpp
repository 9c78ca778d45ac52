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
    m_lastRow = QByteArray(m_engine->assets().size(), 0);
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
    if (index >= 0 && index < m_lastRow.size()) {
        const bool was = isSettledOutcome(Outcome(m_lastRow.at(index)));
        const bool is = isSettledOutcome(record.outcome);
        m_unsettled += int(was) - int(is);
        m_lastRow[index] = char(record.outcome);
    }
    if (m_store)
        m_store->append(record);
}

void HistoryRecorder::onAttempt(const AttemptRecord &a)
{
    HistoryRecord r = row(a.assetId, a.status, a.startedAt);
    r.outcome = a.neverSent                        ? Outcome::NotSent
            : a.result.ok() || a.verifiedConfirmed ? Outcome::Confirmed
            : a.willRetry                          ? Outcome::Retrying
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
    // A final state its latest row does not say yet: never sent, skipped, a retry not sent, or
    // settled by reading its state. An attempt that ended it has its own row.
    if (!isTerminal(u.state))
        return;
    const Outcome outcome = outcomeOf(u.state).value_or(Outcome::Unknown);
    if (u.attempts > 0 && u.index >= 0 && u.index < m_lastRow.size()
        && Outcome(m_lastRow.at(u.index)) == outcome)
        return;
    HistoryRecord r = row(u.assetId, u.status, u.updatedAt);
    r.outcome = outcome;
    if (u.attempts == 0) { // the answer that settled it (a state read); attempts have their rows
        r.httpStatus = u.last.httpStatus;
        r.errorCode = u.last.errorCode;
        r.requestId = u.last.requestId;
    }
    // Settled by a state read with nothing to add (VOD.10062): the answer's own words.
    r.errorMessage = u.note.isEmpty() && u.attempts == 0 ? u.last.errorMessage : u.note;
    r.attempt = 0;
    write(u.index, r);
}

} // namespace VodConfirm
