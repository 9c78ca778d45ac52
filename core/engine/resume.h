#pragma once

#include "engine/confirmtypes.h"
#include "storage/historyrecord.h"

#include <QList>

#include <optional>

namespace VodConfirm {

class HistoryStore;

// Resuming a batch that a crash or kill interrupted, from its journal in the history.
struct ResumePlan
{
    BatchInfo batch;
    // The assets without a final outcome, in their original order, all with checkFirst set: any of
    // them may have been sent without the answer reaching the history, so the engine reads their
    // state before sending anything.
    QList<ConfirmItem> items;
    int confirmedBefore = 0; // assets already confirmed by the interrupted run: left alone
    int failedBefore = 0; // assets that already failed for good: left alone
};

// Claims the batch in `store` (so no other process resumes it too) and plans its resume. On failure
// returns nothing, with a translated *error (unknown or finished batch, one running in another
// process, a batch journaled by no version that had the journal).
std::optional<ResumePlan> planResume(HistoryStore &store, const QString &batchId, QString *error);

// The unfinished batches no live process is running, oldest first.
QList<BatchInfo> resumableBatches(const HistoryStore &store);

} // namespace VodConfirm
