#pragma once

#include "engine/confirmtypes.h"
#include "storage/historyrecord.h"

#include <QObject>
#include <QPointer>

namespace VodConfirm {

class ConfirmEngine;
class HistoryStore;

// Writes what a ConfirmEngine does into the history: the batch journal (its assets, on disk before
// the first request), one row per attempt, one row per asset concluded without a request of its
// own (never sent, or settled by reading its state), and the batch's end. While the batch runs it
// holds the store's claim on it. Shared by the GUI and the CLI.
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
        bool resumed = false; // the engine continues a journaled batch (see planResume())
    };

    HistoryRecorder(ConfirmEngine *engine, HistoryStore *store, QObject *parent = nullptr);

    // Call right after ConfirmEngine::start(), before returning to the event loop. Journals a new
    // batch and waits until that is on disk. Returns false with a translated *error when the
    // journal could not be written: then cancel the engine (nothing has been sent yet).
    bool batchStarted(const Context &context, QString *error = nullptr);

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
