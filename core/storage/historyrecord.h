#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace VodConfirm {

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
    // "confirmed" | "failed" | "retrying" | "not_sent" | "skipped" (the history showed the asset
    // confirmed before, so it was not sent again)
    QString outcome;
    int httpStatus = 0; // 0 when no HTTP answer arrived
    QString errorCode; // as the server sent it, e.g. "VOD.10062"
    QString errorMessage;
    QString requestId; // X-Request-Id
    int attempt = 1; // 1-based
    qint64 durationMs = 0;

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
    QString lastOutcome; // outcome of the latest attempt row; empty when none was recorded

    friend bool operator==(const JournalEntry &, const JournalEntry &) = default;
};

// Whether an asset whose latest recorded outcome is `outcome` is done with, for its batch: a
// resume leaves it alone, and a batch whose assets are all settled is finished. Anything else
// (never recorded, not sent, waiting for a retry) is the batch's remainder.
inline bool isSettledOutcome(QStringView outcome)
{
    return outcome == u"confirmed" || outcome == u"failed" || outcome == u"skipped";
}

} // namespace VodConfirm

Q_DECLARE_TYPEINFO(VodConfirm::HistoryRecord, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(VodConfirm::BatchInfo, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(VodConfirm::JournalEntry, Q_RELOCATABLE_TYPE);

Q_DECLARE_METATYPE(VodConfirm::HistoryRecord)
Q_DECLARE_METATYPE(VodConfirm::BatchInfo)
