#include "historyrecorder.h"

#include "engine/confirmengine.h"
#include "storage/historystore.h"

using namespace Qt::StringLiterals;

namespace VodConfirm {

namespace {
// The outcomes a row can have, coded in one byte per asset; 0 = no row yet.
const QString Outcomes[]
        = {{}, u"confirmed"_s, u"failed"_s, u"retrying"_s, u"not_sent"_s, u"skipped"_s};

char outcomeCode(const QString &outcome)
{
    for (size_t i = 1; i < std::size(Outcomes); ++i) {
        if (Outcomes[i] == outcome)
            return char(i);
    }
    return 0;
}
} // namespace

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
        const bool was = isSettledOutcome(Outcomes[uchar(m_lastRow.at(index))]);
        const bool is = isSettledOutcome(record.outcome);
        m_unsettled += int(was) - int(is);
        m_lastRow[index] = outcomeCode(record.outcome);
    }
    if (m_store)
        m_store->append(record);
}

void HistoryRecorder::onAttempt(const AttemptRecord &a)
{
    HistoryRecord r = row(a.assetId, a.status, a.startedAt);
    r.outcome = a.neverSent                        ? u"not_sent"_s
            : a.result.ok() || a.verifiedConfirmed ? u"confirmed"_s
            : a.willRetry                          ? u"retrying"_s
                                                   : u"failed"_s;
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
    const QString outcome = assetStateName(u.state);
    if (u.attempts > 0 && u.index >= 0 && u.index < m_lastRow.size()
        && m_lastRow.at(u.index) == outcomeCode(outcome))
        return;
    HistoryRecord r = row(u.assetId, u.status, u.updatedAt);
    r.outcome = outcome;
    if (u.attempts == 0) { // the answer that settled it (a state read); attempts have their rows
        r.httpStatus = u.last.httpStatus;
        r.errorCode = u.last.errorCode;
        r.requestId = u.last.requestId;
    }
    r.errorMessage = u.note;
    r.attempt = 0;
    write(u.index, r);
}

} // namespace VodConfirm
