#pragma once

#include "engine/confirmtypes.h"
#include "storage/historyrecord.h"

#include <QObject>
#include <QPointer>

namespace VodConfirm {

class ConfirmEngine;
class HistoryStore;

// Writes what a ConfirmEngine does into the history: one row per attempt, one "not_sent" row per
// asset that never went out, and the batch with its start and end. Shared by the GUI and the CLI.
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

    HistoryRecorder(ConfirmEngine *engine, HistoryStore *store, QObject *parent = nullptr);

    // Call right after ConfirmEngine::start().
    void batchStarted(const Context &context);

private:
    // A row with the batch, context, asset and target status filled in.
    HistoryRecord row(const QString &assetId, TargetStatus status, const QDateTime &time) const;
    void onAttempt(const AttemptRecord &record);
    void onAssetChanged(const AssetUpdate &update);
    void onFinished(const BatchSummary &summary);

    ConfirmEngine *m_engine;
    QPointer<HistoryStore> m_store;
    Context m_context;
};

} // namespace VodConfirm
