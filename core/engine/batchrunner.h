#pragma once

#include "engine/confirmengine.h"
#include "engine/follower.h"
#include "engine/historyrecorder.h"

#include <QBitArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <deque>
#include <memory>

namespace VodConfirm {

class HistoryStore;
class VodClient;
struct ResumePlan;
struct BatchConflicts;

// Runs one batch from (client, items, target status) to a finish the history has: the one place
// where the desktop app and the command line start, resume, pause and stop batches.
//
// Before anything is sent, a new batch is claimed and journaled (on disk), and in the same write
// transaction the history says which assets need no request: those it shows confirmed for this
// project before are Skipped ("already confirmed"), unless Options::force; those an unfinished
// batch that a live process runs has not settled yet are NotSent (never sent twice at once, also
// across processes). A resume (ResumePlan) applies the second rule.
//
// With Options::follow, every asset confirmed (or found already confirmed) is then followed
// (Follower, through the engine's StateReader: it never slows confirms) until it settles or the
// time limit passes; each end is emitted (followed()) and stored in the history, and the batch
// ends once the last one has.
//
// At the end the history is flushed, then the batch is finished when nothing is left to send, or
// kept unfinished with its stop reason when something is (cancelled, stopped by an authentication
// or connection failure, held by another batch, state unreadable, rows the history could not
// store): that remainder is resumable until it is sent or discarded. finished() comes after that.
// Where a running batch is, as every view shows it (the one place that counts).
struct BatchProgress
{
    int total = 0;
    int done = 0; // assets in a final state
    int confirmed = 0;
    int skipped = 0; // confirmed before, per the history
    int alreadyConfirmed = 0; // confirmed before, per the state read before sending
    int failed = 0;
    int notSent = 0; // not sent (stopped, cancelled, held by another batch)
    int following = 0; // confirmed, still followed (Options::follow)
    bool paused = false;
    // Assets concluded per minute while sending, over about the last minute; time spent paused
    // does not count, so the figures neither decay during a pause nor lag after it. 0 until known.
    double ratePerMinute = 0;
    qint64 secondsLeft = -1; // at that rate; -1 while unknown
};

class BatchRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchRunner)
public:
    using Context = HistoryRecorder::Context;
    struct Options
    {
        ConfirmEngine::Options engine;
        // Send assets the history shows confirmed, too, and without reading their state first
        // (engine.checkFirst is then off).
        bool force = false;
        // engine.checkFirst: read every asset's state first (preflight); a resume reads that of
        // the assets an earlier run may have sent in any case.
        bool follow = false; // follow confirmed assets until they settle (Follower)
        Follower::Options follower {};
    };

    // `history` may be null (no history: nothing is journaled, claimed or skipped).
    BatchRunner(VodClient *client, HistoryStore *history, QObject *parent = nullptr);
    ~BatchRunner() override;

    void setOptions(const Options &options);
    const Options &options() const { return m_options; }
    // The confirms' quota group (ConfirmEngine::setQuotaGroup()); set it before start().
    void setQuotaGroup(std::shared_ptr<QuotaGroup> group)
    {
        m_engine->setQuotaGroup(std::move(group));
    }

    // Starts a new batch. False with a translated *error when nothing could start (the history
    // could not claim or journal it): nothing was sent.
    bool start(const QList<ConfirmItem> &items, const Context &context, QString *error = nullptr);
    // Continues the batch that planResume() planned (and claimed) in this runner's history.
    void resume(const ResumePlan &plan, const Context &context);

    // Sending, or following what it confirmed.
    bool isRunning() const { return m_engine->isRunning() || m_followingOnly; }
    bool isPaused() const { return m_engine->isPaused(); }
    BatchProgress progress() const;
    QString batchId() const { return m_engine->batchId(); }
    const QList<AssetUpdate> &assets() const { return m_engine->assets(); }

public slots:
    void pause();
    void unpause();
    void cancel(); // and stops following

signals:
    void assetChanged(const VodConfirm::AssetUpdate &update);
    void attemptFinished(const VodConfirm::AttemptRecord &record);
    // The server refused the credentials; the batch stops. advice: what to check (the error
    // catalogue's words for the auth mode); answer: the server's reply in one line.
    void authenticationFailed(const QString &advice, const QString &answer);
    // Nothing will be sent for `ms` (more than a few seconds), for `reason` (translated).
    void waiting(qint64 ms, const QString &reason);
    // The history could not store rows while the batch runs (disk full ...); translated.
    void historyFailed(const QString &message);
    // Following an asset ended (Options::follow), settled or not.
    void followed(const VodConfirm::FollowedState &state);
    void finished(const VodConfirm::BatchSummary &summary);

private:
    void begin(const QList<ConfirmItem> &items, const QString &batchId, const Context &context,
               const BatchConflicts &conflicts);
    void onEngineFinished(BatchSummary summary);
    void onFollowed(const FollowedState &state);
    // The engine and the follower are done: the history gets the end, then finished().
    void complete(BatchSummary summary);
    void count(const AssetUpdate &update);
    qint64 activeMs() const; // time spent sending (not paused) since the start

    ConfirmEngine *m_engine;
    Follower *m_follower;
    bool m_followingOnly = false; // the engine finished; assets are still followed
    bool m_followStopped = false; // cancelled: nothing more is followed
    BatchSummary m_sent; // the engine's summary, while the follower finishes
    int m_followedSettled = 0;
    int m_followedUnsettled = 0;
    QPointer<HistoryStore> m_history;
    HistoryRecorder *m_recorder = nullptr;
    Options m_options;

    // Progress: the assets already counted as final, the counts, and (active ms, assets done)
    // samples over about the last minute of sending for the rate.
    QBitArray m_final;
    BatchProgress m_progress;
    int m_settledAtStart = 0; // concluded before sending (skipped, held): not part of the rate
    QElapsedTimer m_activeClock; // runs while sending, stopped while paused
    qint64 m_activeBefore = 0; // active ms before the current stretch
    mutable std::deque<std::pair<qint64, int>> m_samples;
};

} // namespace VodConfirm
