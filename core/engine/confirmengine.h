#pragma once

#include "engine/confirmtypes.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

namespace VodConfirm {

class VodClient;

// Drives a batch of (asset id, target status) to the end over a VodClient: bounded concurrency,
// even pacing under a rate limit, retries with backoff and jitter, adaptive slow-down on 429,
// stop on the first authentication failure, pause/resume/cancel.
class ConfirmEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfirmEngine)
public:
    struct Options
    {
        int concurrency = 4;
        int ratePerMinute = 1400;     // below the documented 1500/minute per account
        int maxAttempts = 5;
        int baseBackoffMs = 500;      // first retry waits about this long, doubling each time
        int maxBackoffMs = 30000;
    };

    explicit ConfirmEngine(VodClient *client, QObject *parent = nullptr);
    ~ConfirmEngine() override;

    void setOptions(const Options &options);
    const Options &options() const { return m_options; }

    // Starts a batch; returns its id. Only one batch at a time (isRunning()).
    QString start(const QList<ConfirmItem> &items);
    bool isRunning() const { return m_running; }
    bool isPaused() const { return m_paused; }
    QString batchId() const { return m_batchId; }
    const QList<AssetUpdate> &assets() const { return m_assets; }
    double currentRatePerMinute() const { return m_rate; }

public slots:
    void pause();    // no new requests; requests in flight finish
    void resume();
    void cancel();   // unsent assets become Cancelled; requests in flight finish and are recorded

signals:
    void assetChanged(const VodConfirm::AssetUpdate &update);
    void attemptFinished(const VodConfirm::AttemptRecord &record);
    void authenticationFailed(const QString &message);
    void finished(const VodConfirm::BatchSummary &summary);

private:
    void pump();
    void sendOne(int index);
    void onResult(int index, const ApiResult &result, qint64 startedMs, const QDateTime &startedAt);
    void scheduleRetry(int index, const ApiResult &result);
    void stopForAuth(const ApiResult &result);
    void setState(int index, AssetState state, const QString &note = {});
    void finishIfDone();
    qint64 backoffMs(int attempt, const ApiResult &result) const;
    void onThrottled();
    void recoverRate();

    VodClient *m_client;
    Options m_options;
    QString m_batchId;
    QList<AssetUpdate> m_assets;
    QList<int> m_ready;                 // indexes waiting to be sent, in order
    QList<std::pair<qint64, int>> m_delayed; // (due time ms, index) retries waiting for backoff
    int m_inFlight = 0;
    bool m_running = false;
    bool m_paused = false;
    bool m_cancelled = false;
    bool m_probing = false;             // the first request goes out alone
    bool m_probeDone = false;
    double m_rate = 0;                  // current requests per minute (lowered on 429)
    qint64 m_nextSendMs = 0;            // pacing: earliest time the next request may start
    QElapsedTimer m_clock;
    QTimer m_timer;
    BatchSummary m_summary;
};

} // namespace VodConfirm
