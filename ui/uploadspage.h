#pragma once

#include "engine/uploadrunner.h"
#include "storage/uploadrecord.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QAction;

class QSpinBox;

namespace VodConfirm {

namespace Ui {
class UploadsPage;
}

class EmptyState;
class UploadTableModel;

// The "Uploads" tab: the upload queue of the main window's UploadRunner (file, title, size,
// progress, speed, time left, status, asset ID), the interrupted uploads of the journal that can
// be resumed, the totals, and what can be done to the selected uploads (pause, resume, cancel,
// copy the asset ID, error details, open the folder) or to all of them; and the bandwidth limit.
//
// The page acts on the runner it is given (pause, unpause, cancel); an interrupted upload no
// runner has yet is handed to the main window (resumeRequested()), which makes the runner with
// the profile's credentials. The page never adds files itself: its Add buttons are the main
// window's actions.
class UploadsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadsPage)
public:
    explicit UploadsPage(QWidget *parent = nullptr);
    ~UploadsPage() override;

    UploadTableModel *model() const { return m_model; }
    // The runner whose uploads are shown; nullptr: none (yet). Not owned.
    void setRunner(UploadRunner *runner);
    UploadRunner *runner() const { return m_runner; }
    // The journal's unfinished uploads no runner has (shown as interrupted, to resume).
    void setInterrupted(const QList<UploadRecord> &uploads);
    // The buttons of File > Upload Files… and Upload Folder….
    void setAddActions(QAction *files, QAction *folder);
    // Shows the limit (bytes per second, 0: unlimited) without emitting bandwidthChanged().
    void setBandwidthLimit(qint64 bytesPerSecond);
    // A bandwidth limit box in KB/s (this page's, Preferences'): the setting's range, steps of
    // 256, digits grouped.
    static void setUpBandwidthBox(QSpinBox *box);
    // The one-line totals ("3 of 5 files, 1.2 GB of 4.0 GB, …"); empty with no upload.
    QString totalsText() const;
    QList<QAction *> rowActions() const;

public slots:
    void pauseSelected();
    void resumeSelected();
    void cancelSelected(); // asks first
    void pauseAll();
    void resumeAll();
    void cancelAll(); // asks first
    void copyAssetIds();
    void showErrorDetails();
    void openContainingFolder() const;
    void clearFinished();

signals:
    // Interrupted uploads (not in the runner) to resume, or, with `cancel`, to cancel.
    void resumeRequested(const QStringList &uploadIds, bool cancel);
    void bandwidthChanged(qint64 bytesPerSecond);
    void statusMessage(const QString &text, int timeoutMs);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void fitColumns();
    QList<int> selectedRows() const; // model rows, in view order
    // Pauses, unpauses or cancels `rows` (interrupted ones go to the main window).
    void act(const QList<int> &rows, int what);
    // Asks whether to cancel these uploads (it cannot be undone), then cancels them; `all`: the
    // whole queue (UploadRunner::cancelAll()) and the interrupted ones of `uploadIds`.
    void askCancel(const QStringList &uploadIds, bool all);
    QStringList unfinishedIds(const QList<int> &rows) const;
    void updateActions();
    void updateTotals();

    std::unique_ptr<Ui::UploadsPage> m_ui;
    UploadTableModel *m_model;
    QPointer<UploadRunner> m_runner;
    EmptyState *m_empty = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_resumeAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_copyIdAction = nullptr;
    QAction *m_errorAction = nullptr;
    QAction *m_openFolderAction = nullptr;
    QAction *m_pauseAllAction = nullptr;
    QAction *m_resumeAllAction = nullptr;
    QAction *m_cancelAllAction = nullptr;
    QAction *m_clearAction = nullptr;
};

} // namespace VodConfirm
