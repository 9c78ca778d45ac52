#include "resume.h"

#include "storage/historystore.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace VodConfirm {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Resume", text);
}
} // namespace

std::optional<ResumePlan> planResume(HistoryStore &store, const QString &batchId, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const std::optional<BatchInfo> batch = store.batch(batchId);
    if (!batch)
        return fail(tr("There is no batch %1 in the history.").arg(batchId));
    if (batch->finishedAt.isValid())
        return fail(tr("Batch %1 finished at %2; there is nothing to resume.")
                            .arg(batchId, batch->finishedAt.toString(Qt::ISODate)));
    if (!store.claimBatch(batchId))
        return fail(
                tr("Batch %1 is being run by another VOD Confirm process right now.").arg(batchId));

    QString journalError;
    const QList<JournalEntry> journal = store.journal(batchId, &journalError);
    if (journal.isEmpty()) {
        store.releaseBatch(batchId);
        return fail(journalError.isEmpty()
                            ? tr("Batch %1 has no recorded asset list (it was started by an "
                                 "older version of VOD Confirm), so it cannot be resumed.")
                                      .arg(batchId)
                            : journalError);
    }
    ResumePlan plan;
    plan.batch = *batch;
    for (const JournalEntry &e : journal) {
        if (e.lastOutcome == "confirmed"_L1) {
            ++plan.confirmedBefore;
        } else if (e.lastOutcome == "failed"_L1) {
            ++plan.failedBefore;
        } else {
            const TargetStatus status
                    = targetStatusFromName(e.targetStatus).value_or(TargetStatus::Created);
            plan.items.append({e.assetId, status, true});
        }
    }
    return plan;
}

QList<BatchInfo> resumableBatches(const HistoryStore &store)
{
    QList<BatchInfo> result = store.unfinishedBatches();
    result.removeIf([](const BatchInfo &b) { return b.running; });
    return result;
}

} // namespace VodConfirm
