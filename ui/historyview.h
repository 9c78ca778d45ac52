#pragma once

#include "storage/historystore.h"

#include <QStringList>
#include <QWidget>

#include <atomic>
#include <memory>

class QAction;
class QFileDialog;
class QThread;
class QTimer;

namespace VodConfirm {

namespace Ui {
class HistoryView;
}

class HistoryTableModel;
class Settings;

// The "History" tab: every confirmation attempt ever recorded, newest first, fetched page by
// page so that a history of millions of rows opens at once. Search by asset id (prefix) or by
// error code/message/request id, filter by outcome, profile and date range, export what is shown
// as CSV, re-queue selected rows into the asset table, and set how long history is kept.
//
// Export and retention purges run on worker threads (HistoryStore reads and deletes may be
// called from any thread); the view stays responsive and is told when they finish.
class HistoryView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryView)
public:
    // Neither is owned; both must outlive the view. store must be open for rows to show.
    HistoryView(HistoryStore *store, Settings *settings, QWidget *parent = nullptr);
    ~HistoryView() override; // waits for a running export or purge (a purge is stopped early)

    HistoryTableModel *model() const { return m_model; }
    // The filter built from the search box, outcome, profile and date controls.
    HistoryStore::Filter currentFilter() const;
    // Asset ids of the selected rows, in table order, each once.
    QStringList selectedAssetIds() const;
    bool hasSelection() const;
    // The selected rows, in table order.
    QList<HistoryRecord> selectedRecords() const;
    // Actions the table's context menu offers after its own (nullptr: a separator).
    void addRowActions(const QList<QAction *> &actions);
    bool isBusy() const; // an export or purge is running

public slots:
    // Reloads with the current filter (e.g. after a batch finished; the store writes rows within
    // HistoryStore::FlushIntervalMs).
    void refresh();
    // Focuses and selects the search box (also Ctrl+F inside the view).
    void focusSearch();
    // Deletes attempts older than Settings::historyRetentionDays() on a worker thread; nothing
    // when the setting is 0 (keep everything) or a purge is running. Called once on construction.
    void applyRetention();
    // Writes the rows matching the current filter to path on a worker thread; exportFinished()
    // follows. The "Export CSV…" button asks for the path and calls this.
    void exportCsv(const QString &path);
    // Re-queues the selected rows: one requeueRequested() per distinct recorded target status
    // (or all with targetStatus when it is not empty). With every loaded row selected and more
    // matching than loaded, the whole matching history is re-queued (read on a worker thread).
    void requeueSelected(const QString &targetStatus = {});

signals:
    // The user asked to put these assets back into the asset table with this target status
    // ("CREATED", "FAILED" or "CANCELLED").
    void requeueRequested(const QStringList &assetIds, const QString &targetStatus);
    void exportFinished(bool ok, const QString &path, const QString &message);
    // A retention purge ended; deleted is -1 on error (message says why).
    void retentionApplied(qint64 deleted, const QString &message);
    // One-line, translated feedback for the main window's status bar.
    void statusMessage(const QString &message);
    // The selection of the table changed (or the rows were reloaded).
    void selectionChanged();

private:
    void requeue(const QList<HistoryRecord> &records, const QString &targetStatus);
    void buildUi();
    void reloadProfiles();
    void scheduleReload();
    void updateCountLabel();
    void updateActions();
    void openExportDialog();
    void setBusy(const QString &what);
    void clearBusy();

    HistoryStore *m_store;
    Settings *m_settings;
    HistoryTableModel *m_model;

    std::unique_ptr<Ui::HistoryView> m_ui;
    QList<QAction *> m_rowActions;
    QTimer *m_reloadTimer = nullptr;

    QThread *m_worker = nullptr;
    std::atomic<bool> m_stopWorker = false;
};

} // namespace VodConfirm
