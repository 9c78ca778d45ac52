#include "resume.h"

#include "ids/assetidparser.h"
#include "storage/historystore.h"

#include <QCoreApplication>

namespace VodConfirm {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VodConfirm::Resume)
};
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
        return fail(Tr::tr("There is no batch %1 in the history.").arg(batchId));
    if (batch->finishedAt.isValid())
        return fail(Tr::tr("Batch %1 finished at %2; there is nothing to resume.")
                            .arg(batchId, batch->finishedAt.toString(Qt::ISODate)));
    QString claimError;
    if (!store.claimBatch(batchId, &claimError))
        return fail(claimError);

    QString journalError;
    const QList<JournalEntry> journal = store.journal(batchId, &journalError);
    if (journal.isEmpty()) {
        store.releaseBatch(batchId);
        return fail(journalError.isEmpty()
                            ? Tr::tr("Batch %1 has no recorded asset list (it was started by an "
                                     "older version of VOD Confirm), so it cannot be resumed.")
                                      .arg(batchId)
                            : journalError);
    }
    // The history file is input like any other: an entry that is not an asset ID with a known
    // target status is never sent (nor put into a query), and the batch is not resumed.
    ResumePlan plan;
    plan.batch = *batch;
    for (qsizetype i = 0; i < journal.size(); ++i) {
        const JournalEntry &e = journal.at(i);
        const std::optional<TargetStatus> status = targetStatusFromName(e.targetStatus);
        if (!AssetIdParser::isValidId(e.assetId) || !status) {
            store.releaseBatch(batchId);
            return fail(Tr::tr("Batch %1 cannot be resumed: its recorded asset list is damaged "
                               "(entry %2 of %3 is not an asset ID with a target status). Nothing "
                               "was sent. Discard the batch, and confirm its assets again as a new "
                               "batch (assets already confirmed are skipped).")
                                .arg(batchId)
                                .arg(i + 1)
                                .arg(journal.size()));
        }
        if (!isSettledOutcome(e.lastOutcome))
            plan.items.append({e.assetId, *status, true});
        else if (e.lastOutcome == Outcome::Failed)
            ++plan.failedBefore;
        else
            ++plan.confirmedBefore;
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
