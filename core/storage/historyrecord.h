#pragma once

#include <QDateTime>
#include <QLatin1StringView>
#include <QList>
#include <QMetaType>
#include <QString>

namespace VodConfirm {

// What a history row says happened to its asset. Stored, exported and filtered by its name
// (outcomeName()): the names are an interface (SQLite column, CSV/JSON output).
enum class Outcome {
    // Nothing recorded, or a name this version does not know (a newer or damaged history file):
    // never taken as settled, let alone as confirmed.
    Unknown,
    Confirmed,
    Failed,
    Retrying, // a retryable failure that will be tried again
    NotSent, // the batch stopped (or was cancelled) before the asset was sent
    Skipped, // the history showed the asset confirmed before, so it was not sent again
    // Its state, read before sending (preflight), showed it past CREATING: not sent.
    AlreadyConfirmed,
};

// The stored name: "confirmed", "failed", "retrying", "not_sent", "skipped",
// "already_confirmed"; "unknown".
QLatin1StringView outcomeName(Outcome outcome);
// The outcome with this exact name; Outcome::Unknown for any other text.
Outcome outcomeFromName(QStringView name);
// The outcomes a history row can record, in the order a user sees them (filters, menus).
QList<Outcome> recordedOutcomes();

// One HTTP attempt (or one asset that was never sent) as the confirmation history stores it.
// Nothing here is secret: the history never receives credentials, tokens or signatures.
struct HistoryRecord
{
    qint64 id = 0; // assigned by the store; 0 before the row is written
    QString batchId; // the run this attempt belongs to; empty when outside any batch
    QDateTime time; // UTC, when the attempt started (stored as ms since the epoch)
    QString profile;
    QString region;
    QString projectId;
    QString assetId;
    QString targetStatus; // "CREATED", "FAILED" or "CANCELLED"
    Outcome outcome = Outcome::Unknown;
    int httpStatus = 0; // 0 when no HTTP answer arrived
    QString errorCode; // as the server sent it, e.g. "VOD.10062"
    QString errorMessage;
    QString requestId; // X-Request-Id
    int attempt = 1; // 1-based
    qint64 durationMs = 0;
    // Where following the asset after its confirm ended ("PUBLISHED" ...), on its latest row of
    // the batch; empty when it was not followed.
    QString followedState {};

    friend bool operator==(const HistoryRecord &, const HistoryRecord &) = default;
};

// One run of the engine over a list of assets.
struct BatchInfo
{
    QString id;
    QDateTime startedAt; // UTC
    QDateTime finishedAt; // invalid while the batch runs, or when it never finished (crash)
    QString profile;
    QString region;
    QString projectId;
    int total = 0; // assets in the batch
    // Set when the batch ended with assets left to send (stopped by the user, a signal, an
    // authentication or connection failure, or assets held by another process): it stays
    // unfinished, so the rest can be resumed, until it is sent or discarded.
    QDateTime stoppedAt {};
    QString stopReason {}; // translated, as the user was told
    // Set by HistoryStore::unfinishedBatches(): a live process (maybe this one) is running it now.
    bool running = false;

    friend bool operator==(const BatchInfo &, const BatchInfo &) = default;
};

// One asset of a batch as the batch journal holds it: what was meant to be sent (written before
// the first request) and the outcome of its latest recorded attempt.
struct JournalEntry
{
    QString assetId;
    QString targetStatus; // "CREATED", "FAILED" or "CANCELLED"
    Outcome lastOutcome = Outcome::Unknown; // of the latest attempt row; Unknown when none

    friend bool operator==(const JournalEntry &, const JournalEntry &) = default;
};

// Whether an asset whose latest recorded outcome is `outcome` is done with, for its batch: a
// resume leaves it alone, and a batch whose assets are all settled is finished. Anything else
// (never recorded, not sent, waiting for a retry) is the batch's remainder.
inline bool isSettledOutcome(Outcome outcome)
{
    return outcome == Outcome::Confirmed || outcome == Outcome::Failed
            || outcome == Outcome::Skipped || outcome == Outcome::AlreadyConfirmed;
}

} // namespace VodConfirm

Q_DECLARE_TYPEINFO(VodConfirm::HistoryRecord, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(VodConfirm::BatchInfo, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(VodConfirm::JournalEntry, Q_RELOCATABLE_TYPE);

Q_DECLARE_METATYPE(VodConfirm::HistoryRecord)
Q_DECLARE_METATYPE(VodConfirm::BatchInfo)
