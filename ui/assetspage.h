#pragma once

#include "engine/confirmtypes.h"
#include "models/assettablemodel.h"

#include <QWidget>

#include <functional>
#include <memory>

class QAbstractButton;
class QAction;
class QButtonGroup;

namespace VodConfirm {

namespace Ui {
class AssetsPage;
}

class AssetFilterProxy;
class PastePanel;
struct BatchInfo;
struct BatchProgress;
struct BatchSummary;

// The main window's first tab: the paste panel with the target status, the status buckets with
// live counts, the filter, the asset table with its details pane, the progress row of the batch
// and the bar offering an interrupted batch. It owns the asset table's model; the main window
// runs the batches and tells the page what to show.
class AssetsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssetsPage)
public:
    explicit AssetsPage(QWidget *parent = nullptr);
    ~AssetsPage() override;

    static QString formatDuration(qint64 secs);

    AssetTableModel *model() const { return m_model; }
    AssetFilterProxy *proxy() const { return m_proxy; }
    PastePanel *pastePanel() const;

    // Actions of the table: active while it has focus, and in its context menu (nullptr: a
    // separator).
    void addTableActions(const QList<QAction *> &actions);
    // The progress row's pause, resume and stop buttons trigger these actions and are enabled
    // with them; the interrupted batch bar's buttons trigger the other two.
    void setBatchActions(QAction *pause, QAction *resume, QAction *cancel, QAction *resumeBatch,
                         QAction *discardBatch);

    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);

    bool hasSelection() const;
    QList<int> selectedSourceRows() const; // in view order
    // The selected rows `wanted` accepts or, when none of them, every such row of the table.
    QList<int> rowsToSend(const std::function<bool(const AssetTableModel::Row &)> &wanted) const;
    // Every row of the table `wanted` accepts, whatever is selected.
    QList<int> rowsWhere(const std::function<bool(const AssetTableModel::Row &)> &wanted) const;
    // Puts assets from the history back as queued rows; returns how many rows that makes.
    int queueAgain(const QStringList &ids, TargetStatus target);

    void copyIds() const;
    void copyRows() const;
    void copyErrorDetails() const;
    // Removes the selected rows; with `batchRunning`, unfinished rows stay.
    void removeSelected(bool batchRunning);
    // Writes the rows of the current view (filter and sort as shown) as RFC 4180 CSV.
    bool exportView(const QString &path, QString *error = nullptr) const;

    // The progress row.
    void showIdle();
    void showStarting();
    void showProgress(const BatchProgress &progress);
    void showSummary(const BatchSummary &summary);
    // The bar offers the newest of these interrupted batches; hidden when there is none.
    void showInterruptedBatches(const QList<BatchInfo> &batches);
    void updateDetails();
    // While on, the table scrolls to the last row that started sending.
    void setFollowRunning(bool follow);

signals:
    void selectionChanged();
    // For the status bar; an empty text clears it.
    void statusMessage(const QString &text, int timeoutMs);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setUpTable();
    // Gives the error message column the width the others leave (at least a readable part).
    void fitMessageColumn();
    void setProgressText(const QString &text);
    void updateBucketButtons();

    std::unique_ptr<Ui::AssetsPage> m_ui;
    AssetTableModel *m_model;
    AssetFilterProxy *m_proxy;
    QButtonGroup *m_buckets;
    bool m_followRunning = false;
};

} // namespace VodConfirm
