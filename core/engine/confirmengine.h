#pragma once

#include "engine/confirmtypes.h"
#include "engine/quotagroup.h"
#include "engine/statereader.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <deque>
#include <memory>

namespace VodConfirm {

class VodClient;

// Drives a batch of (asset id, target status) to the end over a VodClient: bounded concurrency,
// even pacing under a rate limit, retries with backoff and jitter, adaptive slow-down on 429,
// stop on the first authentication failure or the first failure every request would meet
// (server unreachable, untrusted certificate, unusable proxy), pause/resume/cancel. Nothing is sent
// twice that it could know was done: after an ambiguous failure, and before the first send of an
// item marked checkFirst (resuming a crashed run), it reads the asset's state. With
// Options::checkFirst it reads the state of every asset before sending it (preflight) and sends
// only what still waits for confirmation or could not be read. State reads go through its
// StateReader, their own quota group: they never slow confirms down, nor confirms them.
class ConfirmEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfirmEngine)
public:
    struct Options
    {
        int concurrency = 4;
        int ratePerMinute = 1400; // below Quota::StandardPerMinute, the 1500 an account gets
        int maxAttempts = 5;
        int baseBackoffMs = 500; // first retry waits about this long, doubling each time
        int maxBackoffMs = 30000;
        // Preflight: read the state of every asset (10 a request) before sending it. Already
        // past CREATING: AlreadyConfirmed, not sent; does not exist: Failed with VOD's words;
        // state unreadable (not for an authentication or connection failure): sent.
        bool checkFirst = false;
        int stateReadsPerMinute = 1400; // the state reads' group (ShowAssetMeta), below 1500
    };

    explicit ConfirmEngine(VodClient *client, QObject *parent = nullptr);
    ~ConfirmEngine() override;

    void setOptions(const Options &options);
    const Options &options() const { return m_options; }

    // Starts a batch; returns its id: `batchId` when resuming one, else a new one. Only one batch
    // at a time (isRunning()).
    QString start(const QList<ConfirmItem> &items, const QString &batchId = {});
    // Right after start(), before returning to the event loop: concludes asset `index` without a
    // request, as Skipped (confirmed before) or NotSent (held by another batch), with `note`.
    // Nothing is read or sent for it.
    void settle(int index, AssetState state, const QString &note);
    bool isRunning() const { return m_running; }
    bool isPaused() const { return m_paused; }
    QString batchId() const { return m_batchId; }
    const QList<AssetUpdate> &assets() const { return m_assets; }
    double currentRatePerMinute() const { return m_quota->pacer().rate(); } // the confirms' pacing
    // The confirms' quota group, shared with other senders of the same group (UploadRunner's
    // creates and authorities); null: one of the engine's own, restarted with each batch at
    // Options::ratePerMinute. A shared group keeps its rate (its owner sets it) across batches.
    void setQuotaGroup(std::shared_ptr<QuotaGroup> group);
    double stateReadRatePerMinute() const { return m_reader->currentRatePerMinute(); }
    StateReader *stateReader() const { return m_reader; }

    // A failure every later request would meet as well (unreachable, certificate not trusted,
    // proxy unreachable or refusing its credentials): it stops the batch like an authentication
    // failure. The user guide's troubleshooting table says so (docs/guide/errortable.cpp).
    static bool isConnectionSetupFailure(const ApiResult &result);
    // Why a retry after `result` waits, for waiting(); translated.
    static QString waitReason(const ApiResult &result);

public slots:
    void pause(); // no new requests; requests in flight finish
    void resume();
    void cancel(); // unsent assets become NotSent; requests in flight finish and are recorded

signals:
    void assetChanged(const VodConfirm::AssetUpdate &update);
    void attemptFinished(const VodConfirm::AttemptRecord &record);
    // The server refused the credentials; the batch stops. advice: what to check (the error
    // catalogue's words for the auth mode); answer: the server's reply in one line.
    void authenticationFailed(const QString &advice, const QString &answer);
    void finished(const VodConfirm::BatchSummary &summary);
    // The engine will send nothing for `ms` milliseconds (more than 5 s): the server asked it to
    // wait (Retry-After, capped at 5 minutes), it backs off after errors, or throttling slowed it
    // down. `reason` is translated. Emitted once per such pause, when it begins.
    void waiting(qint64 ms, const QString &reason);

private:
    void pump();
    void sendOne(int index);
    // How an asset's state is read before its first send: not at all, resuming (an earlier run
    // may have sent it: never sent while its state is unknown), or preflight (unknown: sent).
    enum class Check : quint8 { None, Resume, Preflight };
    // Reads the asset's state (the StateReader packs up to 10 a request) before sending it.
    void checkBeforeSending(int index);
    void onChecked(int index, Check mode, const StateRead &read);
    // An asset the batch will not send because it is stopping (cancelled, or stopped by an
    // authentication or connection set-up failure).
    void dropUnsent(int index);
    void onResult(int index, const ApiResult &result, double startedMs, const QDateTime &startedAt);
    // Decides an attempt's outcome; verifiedState is the asset's state read after an ambiguous
    // answer (empty when not read).
    void conclude(AttemptRecord record, const QString &verifiedState);
    // Whether to read the asset's state before deciding on this answer.
    bool needsVerification(int index, const ApiResult &result) const;
    void stopForAuth(const ApiResult &result);
    void stopForConnection(const ApiResult &result);
    void stop(const QString &reason, const QString &unsentNote, const QString &retryNote);
    // On cancel or stop: assets not sent yet are dropped (dropUnsent()); those waiting for a retry
    // fail with `retryNote`.
    void abandonUnsent(const QString &retryNote);
    void setState(int index, AssetState state, const QString &note = {});
    bool finishIfDone();
    qint64 backoffMs(int attempt, const ApiResult &result) const;
    // Emits waiting() if nothing will be sent before untilMs, more than 5 s from now.
    void announceWait(double untilMs, const QString &reason);
    void onThrottled();
    double nowMs() const;

    VodClient *m_client;
    Options m_options;
    QString m_batchId;
    QList<AssetUpdate> m_assets;
    QList<Check> m_check; // per asset: read its state before the next send
    StateReader *m_reader; // the state reads' quota group
    QHash<int, StateReader::Ticket> m_reads; // asset -> its state read not answered yet
    QHash<int, AttemptRecord> m_verifying; // asset -> the attempt its state read will decide
    qint64 m_readRequestsBefore = 0; // the reader's counts when the batch started
    qint64 m_readThrottledBefore = 0;
    std::deque<int> m_ready; // indexes waiting to be sent, in order
    struct Delayed
    {
        double dueMs; // when it may go
        int index;
        QString reason; // why it waits (waitReason())
    };
    QList<Delayed> m_delayed; // retries in backoff
    int m_inFlight = 0;
    bool m_running = false;
    bool m_paused = false;
    bool m_cancelled = false;
    bool m_stopped = false; // by an authentication or connection set-up failure
    QString m_unsentNote; // after a stop: why the assets not sent were not
    bool m_probeDone = false; // the first answer proved the credentials
    std::shared_ptr<QuotaGroup> m_quota; // the confirms' quota group
    bool m_ownQuota = true; // m_quota is the engine's own, not shared
    double m_waitAnnouncedUntilMs = -1; // the end of the last pause announced by waiting()
    QElapsedTimer m_clock; // since the batch started (BatchSummary::elapsedMs)
    QTimer m_timer;
    BatchSummary m_summary;
};

} // namespace VodConfirm
