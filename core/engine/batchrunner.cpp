#include "batchrunner.h"

#include "api/vodclient.h"
#include "engine/resume.h"
#include "storage/historystore.h"

#include <QUuid>

#include <cmath>

using namespace Qt::StringLiterals;

namespace VodConfirm {

BatchRunner::BatchRunner(VodClient *client, HistoryStore *history, QObject *parent)
    : QObject(parent),
      m_engine(new ConfirmEngine(client, this)),
      m_follower(new Follower(m_engine->stateReader(), this)),
      m_history(history)
{
    connect(m_follower, &Follower::followed, this, &BatchRunner::onFollowed);
    connect(m_follower, &Follower::idle, this, [this] {
        if (m_followingOnly)
            complete(m_sent);
    });
    connect(m_engine, &ConfirmEngine::assetChanged, this, &BatchRunner::count);
    connect(m_engine, &ConfirmEngine::assetChanged, this, &BatchRunner::assetChanged);
    connect(m_engine, &ConfirmEngine::attemptFinished, this, &BatchRunner::attemptFinished);
    connect(m_engine, &ConfirmEngine::waiting, this, &BatchRunner::waiting);
    connect(m_engine, &ConfirmEngine::authenticationFailed, this,
            &BatchRunner::authenticationFailed);
    connect(m_engine, &ConfirmEngine::finished, this, &BatchRunner::onEngineFinished);
    if (m_history)
        connect(m_history, &HistoryStore::writeFailed, this, &BatchRunner::historyFailed);
}

BatchRunner::~BatchRunner() = default;

void BatchRunner::setOptions(const Options &options)
{
    m_options = options;
    ConfirmEngine::Options engine = options.engine;
    engine.checkFirst = engine.checkFirst && !options.force; // forced: sent whatever it reads
    m_engine->setOptions(engine);
    m_follower->setOptions(options.follower);
}

bool BatchRunner::start(const QList<ConfirmItem> &items, const Context &context, QString *error)
{
    Q_ASSERT(!isRunning());
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    BatchConflicts conflicts;
    if (m_history) {
        QString message;
        if (!m_history->claimBatch(id, &message)) {
            if (error)
                *error = tr("The history could not claim the batch, so nothing was sent: %1")
                                 .arg(message);
            return false;
        }
        BatchInfo batch;
        batch.id = id;
        batch.startedAt = QDateTime::currentDateTimeUtc();
        batch.profile = context.profile;
        batch.region = context.region;
        batch.projectId = context.projectId;
        batch.total = int(items.size());
        QList<JournalEntry> journal;
        journal.reserve(items.size());
        for (const ConfirmItem &item : items)
            journal.append({item.assetId, targetStatusName(item.status), {}});
        if (!m_history->journalBatch(batch, journal, &message, &conflicts)) {
            m_history->releaseBatch(id);
            if (error)
                *error = tr("The history could not record the batch before sending, so nothing "
                            "was sent: %1")
                                 .arg(message);
            return false;
        }
    }
    if (m_options.force)
        conflicts.confirmedIn.clear();
    begin(items, id, context, conflicts);
    return true;
}

void BatchRunner::resume(const ResumePlan &plan, const Context &context)
{
    Q_ASSERT(!isRunning());
    BatchConflicts conflicts;
    if (m_history) {
        QStringList ids;
        ids.reserve(plan.items.size());
        for (const ConfirmItem &item : plan.items)
            ids.append(item.assetId);
        conflicts = m_history->heldElsewhere(plan.batch.id, ids);
    }
    begin(plan.items, plan.batch.id, context, conflicts);
}

void BatchRunner::begin(const QList<ConfirmItem> &items, const QString &batchId,
                        const Context &context, const BatchConflicts &conflicts)
{
    delete m_recorder;
    m_recorder = new HistoryRecorder(m_engine, m_history, context, this);
    m_progress = BatchProgress {};
    m_progress.total = int(items.size());
    m_followedSettled = 0;
    m_followedUnsettled = 0;
    m_followStopped = false;
    m_final = QBitArray(items.size());
    m_samples.clear();
    m_activeBefore = 0;
    m_activeClock.start();
    m_engine->start(items, batchId);
    m_recorder->begin();
    m_settledAtStart = 0;
    if (conflicts.confirmedIn.isEmpty() && conflicts.heldBy.isEmpty())
        return;
    const QList<AssetUpdate> &assets = m_engine->assets();
    for (int i = 0; i < assets.size(); ++i) {
        const QString &id = assets.at(i).assetId;
        if (const auto it = conflicts.heldBy.constFind(id); it != conflicts.heldBy.cend())
            m_engine->settle(
                    i, AssetState::NotSent,
                    tr("not sent: batch %1, running in another process, is sending it").arg(*it));
        else if (const auto c = conflicts.confirmedIn.constFind(id);
                 c != conflicts.confirmedIn.cend())
            m_engine->settle(i, AssetState::Skipped,
                             tr("already confirmed (batch %1); not sent again").arg(*c));
    }
    m_settledAtStart = m_progress.done;
}

void BatchRunner::pause()
{
    if (!isRunning() || isPaused())
        return;
    m_engine->pause();
    m_activeBefore = activeMs();
    m_activeClock.invalidate();
}

void BatchRunner::unpause()
{
    if (!isPaused())
        return;
    m_engine->resume();
    m_activeClock.start();
}

qint64 BatchRunner::activeMs() const
{
    return m_activeBefore + (m_activeClock.isValid() ? m_activeClock.elapsed() : 0);
}

void BatchRunner::count(const AssetUpdate &u)
{
    if (!isTerminal(u.state) || u.index < 0 || u.index >= m_final.size()
        || m_final.testBit(u.index))
        return;
    m_final.setBit(u.index);
    ++m_progress.done;
    if (m_options.follow && !m_followStopped
        && (u.state == AssetState::Confirmed || u.state == AssetState::AlreadyConfirmed)) {
        m_follower->follow(u.index, u.assetId);
        ++m_progress.following;
    }
    switch (u.state) {
    case AssetState::Confirmed:
        ++m_progress.confirmed;
        break;
    case AssetState::Skipped:
        ++m_progress.skipped;
        break;
    case AssetState::AlreadyConfirmed:
        ++m_progress.alreadyConfirmed;
        break;
    case AssetState::Failed:
        ++m_progress.failed;
        break;
    default:
        ++m_progress.notSent;
        break;
    }
}

BatchProgress BatchRunner::progress() const
{
    constexpr qint64 WindowMs = 60000;
    constexpr qint64 SampleEveryMs = 500;
    BatchProgress p = m_progress;
    p.paused = isPaused();
    const qint64 now = activeMs();
    const int sent = p.done - m_settledAtStart; // what the rate is about
    if (m_samples.empty() || now - m_samples.back().first >= SampleEveryMs)
        m_samples.emplace_back(now, sent);
    while (m_samples.size() > 2 && now - m_samples.front().first > WindowMs)
        m_samples.pop_front();
    const auto &[sinceMs, doneThen] = m_samples.front();
    if (now - sinceMs >= 2000 && sent > doneThen) {
        p.ratePerMinute = (sent - doneThen) * 60000.0 / double(now - sinceMs);
        p.secondsLeft = qint64(std::ceil((p.total - p.done) * 60.0 / p.ratePerMinute));
    }
    return p;
}

void BatchRunner::cancel()
{
    m_followStopped = true;
    m_engine->cancel();
    m_follower->cancel();
}

void BatchRunner::onFollowed(const FollowedState &state)
{
    --m_progress.following;
    ++(state.settled ? m_followedSettled : m_followedUnsettled);
    if (m_history)
        m_history->recordFollowed(m_engine->batchId(), state.assetId, state.state);
    emit followed(state);
}

void BatchRunner::onEngineFinished(BatchSummary summary)
{
    if (m_follower->pending() > 0) {
        m_sent = summary;
        m_followingOnly = true;
        return;
    }
    complete(summary);
}

void BatchRunner::complete(BatchSummary summary)
{
    m_followingOnly = false;
    summary.followedSettled = m_followedSettled;
    summary.followedUnsettled = m_followedUnsettled;
    summary.batchId = m_engine->batchId();
    summary.remaining = m_recorder ? m_recorder->unsettled() : summary.notSent;
    if (m_history) {
        const QString id = m_engine->batchId();
        const bool saved = m_history->flush();
        summary.historyNotSaved = m_history->rowsNotSaved();
        if (!saved || summary.historyNotSaved > 0)
            summary.historyError = tr("%Ln attempt(s) could not be saved to the history (%1).",
                                      nullptr, int(summary.historyNotSaved))
                                           .arg(m_history->lastWriteError());
        // Without every row on disk the history cannot tell what is left: keep the batch, so a
        // resume reads the state of whatever the history does not show settled.
        summary.kept = summary.remaining > 0 || !summary.historyError.isEmpty();
        if (summary.kept) {
            QString reason = summary.stopReason;
            if (reason.isEmpty() && !summary.historyError.isEmpty())
                reason = summary.historyError;
            if (reason.isEmpty())
                reason = tr("%Ln asset(s) could not be sent.", nullptr, summary.remaining);
            m_history->stopBatch(id, QDateTime::currentDateTimeUtc(), reason);
        } else {
            m_history->finishBatch(id, QDateTime::currentDateTimeUtc());
        }
        m_history->flush();
        m_history->releaseBatch(id);
    }
    emit finished(summary);
}

} // namespace VodConfirm
