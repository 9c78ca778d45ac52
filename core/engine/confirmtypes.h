#pragma once

#include "api/apiresult.h"
#include "api/targetstatus.h"
#include "storage/historyrecord.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace VodConfirm {

struct ConfirmItem
{
    QString assetId;
    TargetStatus status = TargetStatus::Created;
    // An earlier run may have sent it without learning the outcome (crash, kill): read the
    // asset's state first and send only if it is still waiting for confirmation.
    bool checkFirst = false;
};

// Where one asset of a batch is. Terminal states: Confirmed, Failed, NotSent (never sent, or not
// sent again, for the reason in its note: stopped, authentication failed...), Skipped (not sent
// because the history shows it confirmed before), AlreadyConfirmed (not sent because reading its
// state before sending showed it past CREATING: ConfirmEngine::Options::checkFirst).
enum class AssetState {
    Queued,
    Sending,
    Retrying,
    Confirmed,
    Failed,
    NotSent,
    Skipped,
    AlreadyConfirmed,
};

inline bool isTerminal(AssetState s)
{
    return s == AssetState::Confirmed || s == AssetState::Failed || s == AssetState::NotSent
            || s == AssetState::Skipped || s == AssetState::AlreadyConfirmed;
}

// Whether an asset that ended in `state` with the answer `last` is worth sending again as it is
// ("send the rest"): not sent, or failed with a temporary error. Not confirmed, not skipped, not
// failed for a reason that needs a fix first.
inline bool isWorthSendingAgain(AssetState state, const ApiResult &last)
{
    return state == AssetState::NotSent || (state == AssetState::Failed && last.isRetryable());
}

// The history's outcome for an asset in this state; none while it is Queued, Sending or
// Retrying.
std::optional<Outcome> outcomeOf(AssetState s);

// The machine-readable state used by --output: the outcome's name (outcomeName()), or "queued"
// or "sending".
QString assetStateName(AssetState s);

// One HTTP attempt for one asset, as the history records it.
struct AttemptRecord
{
    QString batchId;
    int index = -1; // position of the asset in the batch
    QString assetId;
    TargetStatus status = TargetStatus::Created;
    int attempt = 1; // 1-based
    QDateTime startedAt; // UTC
    qint64 durationMs = 0;
    ApiResult result;
    bool willRetry = false; // a retryable failure that will be tried again
    bool verifiedConfirmed = false; // not a 200, but the asset's state shows the confirm done
    bool neverSent = false; // the connection could not be opened: nothing reached the server
};

// The current view of one asset, emitted whenever it changes.
struct AssetUpdate
{
    int index = -1;
    QString assetId;
    TargetStatus status = TargetStatus::Created;
    AssetState state = AssetState::Queued;
    int attempts = 0; // attempts made so far
    int maxAttempts = 0;
    ApiResult last; // the last answer (empty before the first)
    QString note; // e.g. "not sent: authentication failed"
    QDateTime updatedAt;
};

struct BatchSummary
{
    QString batchId;
    int total = 0;
    int confirmed = 0;
    int failed = 0;
    int notSent = 0; // includes cancelled assets
    int skipped = 0; // the history showed them confirmed before: not sent again
    int alreadyConfirmed = 0; // their state, read before sending, showed them confirmed: not sent
    bool authStopped = false; // the batch stopped on an authentication failure
    QString stopReason; // translated, user-facing; empty when the batch ran to the end
    qint64 requests = 0; // HTTP requests made
    qint64 throttled = 0; // 429 answers seen
    qint64 verifications = 0; // state read requests (before sending, after ambiguous answers)
    qint64 elapsedMs = 0;

    // Set by BatchRunner when it followed the confirmed assets (Options::follow).
    int followedSettled = 0; // reached a settled state (Follower::isSettledState())
    int followedUnsettled = 0; // the time limit (or a stop) came first

    // Set by BatchRunner once the history has the batch.
    int remaining = 0; // assets left to send (not sent, or waiting for a retry): resumable
    bool kept = false; // the batch stays unfinished in the history, so `remaining` can be resumed
    qint64 historyNotSaved = 0; // attempt rows the history could not store (disk full ...)
    QString historyError; // translated; empty when the history has everything
};

} // namespace VodConfirm
