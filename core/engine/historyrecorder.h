#pragma once

#include "engine/confirmtypes.h"
#include "storage/historyrecord.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

namespace VodConfirm {

class ConfirmEngine;
class HistoryStore;

// Writes what a ConfirmEngine does into the history: one row per attempt, and a row (attempt 0)
// whenever an asset reaches a final state that its latest row does not already say: never sent,
// skipped, a retry not sent, or settled by reading its state.
// It also counts the assets whose latest row is not settled (isSettledOutcome()): the batch's
// remainder, exactly what a resume would pick up. Without a store it only counts.
// BatchRunner owns the batch's lifecycle (claim, journal, end); this class only writes rows.
class HistoryRecorder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryRecorder)
public:
    struct Context
    {
        QString profile; // empty for credentials from the environment
        QString region;
        QString projectId;
    };

    // `store` may be null. Call begin() right after ConfirmEngine::start().
    HistoryRecorder(ConfirmEngine *engine, HistoryStore *store, const Context &context,
                    QObject *parent = nullptr);

    void begin(); // every asset of the engine's batch starts unsettled
    int unsettled() const { return m_unsettled; }

private:
    // A row with the batch, context, asset and target status filled in.
    HistoryRecord row(const QString &assetId, TargetStatus status, const QDateTime &time) const;
    void write(int index, const HistoryRecord &record);
    void onAttempt(const AttemptRecord &record);
    void onAssetChanged(const AssetUpdate &update);

    ConfirmEngine *m_engine;
    QPointer<HistoryStore> m_store;
    Context m_context;
    QByteArray m_lastRow; // per asset index: the Outcome of its latest row (Unknown: none yet)
    int m_unsettled = 0;
};

} // namespace VodConfirm
