#pragma once

#include "api/credentials.h"
#include "engine/confirmtypes.h"
#include "engine/resume.h"
#include "engine/uploadrunner.h"
#include "settings/profile.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QNetworkAccessManager;
class QStackedWidget;
class QSystemTrayIcon;
class QTabWidget;

namespace VodConfirm {

class AssetFilterProxy;
class AssetsPage;
class AssetTableModel;
class BatchRunner;
class CredentialStore;
class HistoryStore;
class HistoryView;
class PastePanel;
class Settings;
class StuckPage;
class UploadsPage;
struct SupportTarget;
class VodClient;

// The desktop app's window: IDs come in through the paste panel, the clipboard, files or drops;
// the asset table shows every asset's target status and live outcome; a batch runs on a
// ConfirmEngine built from the active profile, with progress, pause, resume and cancel; every
// attempt goes to the history. Collaborators are handed in (any may be nullptr in tests) and
// are not owned.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    MainWindow(QNetworkAccessManager *nam, Settings *settings, CredentialStore *credentials,
               HistoryStore *history, QWidget *parent = nullptr);
    ~MainWindow() override;

    AssetTableModel *assetModel() const;
    AssetFilterProxy *assetProxy() const;
    PastePanel *pastePanel() const;
    bool isRunning() const; // a confirm batch (uploads: isUploading())
    UploadsPage *uploadsPage() const { return m_uploads; }
    UploadRunner *uploadRunner() const { return m_uploadRunner; }
    bool isUploading() const; // an upload queued or in flight
    std::optional<BatchSummary> lastSummary() const { return m_lastSummary; }

    // Secrets to use for a profile during this session (entered in the profile dialog, or given
    // by a test) instead of asking the keychain.
    void setSessionCredentials(const QString &profileName, const Credentials &credentials);

    // Writes the rows of the current view (filter and sort as shown) as RFC 4180 CSV.
    bool exportView(const QString &path, QString *error = nullptr) const;

public slots:
    void confirmQueued(); // selected queued rows, or all queued rows when none is selected
    // Skipped rows (confirmed before, per the history), selected or all: sent anyway.
    void confirmAgain();
    void retryFailed(); // retryable failures and unsent assets (selection, or all)
    void retryAllFailed(); // every failed or unsent asset, retryable or not
    void removeSelected();
    void copyIds() const;
    void copyRows() const;
    void copyErrorDetails() const;
    // The selected rows of the Assets or History tab (whichever is shown) as `vodconfirm
    // confirm` and KooCLI lines, or as a support bundle (SupportText); nothing when none is.
    void copyAsCommand();
    void copySupportBundle();
    void exportViewInteractive();
    void importFilesInteractive();
    void importFiles(const QStringList &paths);
    void pasteFromClipboard();
    void openProfiles();
    // Interrupted batches (crash, kill): the newest one no process is running is offered in a bar
    // above the table, to resume or discard.
    void checkInterruptedBatches();
    void resumeInterruptedBatch();
    void discardInterruptedBatch();
    // Uploads (issue 12): files and folders go through the upload dialog, then to the window's
    // UploadRunner (made from the active profile's client on first use).
    void uploadFilesInteractive();
    void uploadFolderInteractive();
    void uploadFiles(const QStringList &paths); // the upload dialog for them
    // The journal's unfinished uploads of the active profile that no process runs: shown on the
    // Uploads tab as interrupted, to resume.
    void checkInterruptedUploads();

signals:
    void batchStarted(const QString &batchId, int total);
    void batchFinished(const VodConfirm::BatchSummary &summary);
    void messageShown(const QString &title, const QString &text); // errors the user is shown

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildActions();
    void buildUi();
    void buildMenus();
    void showShortcuts(); // Help > Keyboard Shortcuts (F1)
    void showAbout();
    AssetsPage *buildAssetsPage();
    void restoreUiState();
    void saveUiState();
    void reloadProfiles();
    void updateActions();
    void updateProgress();
    // A window-modal warning; details (the raw server answer...) behind "Show Details".
    void showError(const QString &title, const QString &text, const QString &details = {});
    // The selected rows of the tab shown (Assets: with the active profile; History: as recorded).
    QList<SupportTarget> selectedSupportTargets() const;

    // The active profile; none: the user is told to choose one.
    std::optional<Profile> activeProfile();
    // A client for the profile; nullptr (the user is told why) when its settings are unusable.
    VodClient *makeClient(const Profile &profile, const Credentials &credentials);
    // The profile's secrets from this session, the keychain or the user (SecretPrompt), then
    // `use`; `givenUp` when the user cancels the prompt.
    void withCredentials(const Profile &profile,
                         const std::function<void(const Credentials &)> &use,
                         const std::function<void()> &givenUp);
    void askForSecrets(const Profile &profile, const Credentials &known, const QString &reason,
                       const std::function<void(const Credentials &)> &use,
                       const std::function<void()> &givenUp);
    // The stuck uploads page's Refresh: lists [from, to] with the active profile.
    void listStuck(const QDateTime &from, const QDateTime &to);
    // The stuck uploads page's bulk actions: the assets go into the asset table and run as a
    // batch with `status`, on the Assets page.
    void confirmStuck(const QStringList &assetIds, TargetStatus status);

    void retry(bool includeNonRetryable);
    void startBatch(const QList<int> &rows, bool force = false);
    // Runs `items` (rows of the table) with the profile's credentials, as a new batch, or as
    // the continuation of an interrupted one.
    // `resumed`: the batch continues a planned resume (planResume()) instead of starting anew.
    // `force`: also send assets the history shows confirmed before.
    void startItems(const Profile &profile, const QList<ConfirmItem> &items,
                    const std::optional<ResumePlan> &resumed, bool force = false);
    void startWithCredentials(const Profile &profile, const Credentials &credentials,
                              const QList<ConfirmItem> &items,
                              const std::optional<ResumePlan> &resumed, bool force);
    void releaseResumed(const QString &batchId); // no-op for an empty id
    void onAssetChanged(const AssetUpdate &update);
    void onBatchFinished(const BatchSummary &summary);
    void notifyFinished(const BatchSummary &summary);
    // Uploads.
    QString uploadProfileProblem() const; // empty when the active profile can upload
    // The upload runner (made with the profile's credentials first if there is none), then `use`.
    void withUploadRunner(const Profile &profile, const std::function<void(UploadRunner *)> &use);
    void startUploads(const QList<UploadRequest> &requests);
    void resumeUploads(const QStringList &uploadIds, bool cancel);
    UploadRunner::Options uploadOptions() const;
    bool hasUnfinishedUploads() const; // queued, in flight or paused in the runner
    void dropUploadRunner(); // after a profile switch, when nothing of it is unfinished
    void updateUploadStatus();

    QNetworkAccessManager *m_nam;
    QPointer<Settings> m_settings;
    CredentialStore *m_credentials;
    QPointer<HistoryStore> m_history;

    QStackedWidget *m_stack = nullptr;
    QTabWidget *m_tabs = nullptr;
    AssetsPage *m_assets = nullptr;
    QComboBox *m_profileCombo = nullptr;
    HistoryView *m_historyView = nullptr;
    StuckPage *m_stuck = nullptr; // needs settings and a network (nullptr without)
    QString m_interruptedBatch; // offered in the assets page's bar
    UploadsPage *m_uploads = nullptr;
    QLabel *m_uploadStatus = nullptr; // permanent in the status bar while uploads run
    QSystemTrayIcon *m_tray = nullptr;

    QAction *m_confirmAction = nullptr;
    QAction *m_retryAction = nullptr;
    QAction *m_retryAllAction = nullptr;
    QAction *m_confirmAgainAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_copyIdsAction = nullptr;
    QAction *m_copyRowsAction = nullptr;
    QAction *m_copyErrorsAction = nullptr;
    QAction *m_copyCommandAction = nullptr;
    QAction *m_copyBundleAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_uploadFilesAction = nullptr;
    QAction *m_uploadFolderAction = nullptr;
    QAction *m_pasteAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_resumeAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_resumeBatchAction = nullptr;
    QAction *m_discardBatchAction = nullptr;
    QAction *m_followAction = nullptr; // checkable, remembered in the settings
    QAction *m_profilesAction = nullptr;
    QAction *m_preferencesAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_guideAction = nullptr; // F1
    QAction *m_shortcutsAction = nullptr; // Ctrl+F1
    QAction *m_aboutAction = nullptr;

    // The running batch.
    VodClient *m_client = nullptr;
    BatchRunner *m_runner = nullptr;
    bool m_starting = false; // waiting for the keychain before a start
    QTimer m_progressTimer;
    bool m_closeWhenDone = false;
    std::optional<BatchSummary> m_lastSummary;
    QHash<QString, Credentials> m_sessionCredentials;

    // Uploads: one runner per window (owning its client), of the profile active when it was made.
    UploadRunner *m_uploadRunner = nullptr;
    QString m_uploadProfile;
    bool m_uploadStarting = false; // waiting for the keychain before the runner is made
};

} // namespace VodConfirm
