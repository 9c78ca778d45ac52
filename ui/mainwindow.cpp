#include "mainwindow.h"

#include "api/errorcatalogue.h"
#include "api/vodclient.h"
#include "assetspage.h"
#include "engine/batchrunner.h"
#include "engine/resume.h"
#include "engine/uploadparts.h"
#include "firstrunpage.h"
#include "historyview.h"
#include "icons.h"
#include "languagemenu.h"
#include "models/assetfilterproxy.h"
#include "models/assettablemodel.h"
#include "models/uploadtablemodel.h"
#include "pastepanel.h"
#include "preferencesdialog.h"
#include "profiledialog.h"
#include "secretprompt.h"
#include "settings/clientconfig.h"
#include "settings/credentialstore.h"
#include "settings/settings.h"
#include "storage/historystore.h"
#include "stuckpage.h"
#include "support/supporttext.h"
#include "uploaddialog.h"
#include "uploadspage.h"
#include "userguide.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace VodConfirm {

using Bucket = AssetTableModel::Bucket;

namespace {

// A batch that ran longer than this earns a tray notification when the window is not active.
constexpr qint64 kNotifyAfterMs = 20 * 1000;

} // namespace

MainWindow::MainWindow(QNetworkAccessManager *nam, Settings *settings, CredentialStore *credentials,
                       HistoryStore *history, QWidget *parent)
    : QMainWindow(parent),
      m_nam(nam),
      m_settings(settings),
      m_credentials(credentials),
      m_history(history)
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("VOD Confirm"));
    setAcceptDrops(true);

    buildActions();
    buildUi();
    buildMenus();
    restoreUiState();
    reloadProfiles();

    connect(m_assets->model(), &AssetTableModel::countsChanged, this, &MainWindow::updateActions);
    m_progressTimer.setInterval(250);
    connect(&m_progressTimer, &QTimer::timeout, this, &MainWindow::updateProgress);
    if (m_settings)
        connect(m_settings, &Settings::changed, this, [this](Settings::Key key) {
            if (key == Settings::Key::Profiles || key == Settings::Key::ActiveProfile)
                reloadProfiles();
            // A listing is of one profile's project: another's bulk actions must not act on it.
            if (key == Settings::Key::ActiveProfile && m_stuck)
                m_stuck->forgetListing();
            if (key == Settings::Key::ActiveProfile) {
                // The runner uploads with the profile it was made with; a finished one goes.
                if (m_uploadRunner && !hasUnfinishedUploads())
                    dropUploadRunner();
                else if (m_uploadRunner)
                    statusBar()->showMessage(
                            tr("The uploads continue with profile “%1”.").arg(m_uploadProfile),
                            10000);
                checkInterruptedUploads();
            }
            if (key == Settings::Key::UploadBandwidthLimit && m_uploads)
                m_uploads->setBandwidthLimit(m_settings->uploadBandwidthLimit());
            if ((key == Settings::Key::UploadBandwidthLimit || key == Settings::Key::UploadPartSize
                 || key == Settings::Key::UploadPartsInFlight)
                && m_uploadRunner)
                m_uploadRunner->setOptions(uploadOptions());
        });
    checkInterruptedBatches();
    checkInterruptedUploads();
    updateProgress();
}

MainWindow::~MainWindow()
{
    if (m_runner)
        disconnect(m_runner, nullptr, this, nullptr);
    if (m_uploadRunner)
        disconnect(m_uploadRunner, nullptr, this, nullptr);
    // An open upload dialog asks this window about the profile whenever the settings change, and
    // they may change while the children are destroyed, after this window is gone.
    if (m_settings) {
        for (UploadDialog *dialog : findChildren<UploadDialog *>())
            disconnect(m_settings, nullptr, dialog, nullptr);
    }
}

bool MainWindow::isRunning() const
{
    return m_starting || (m_runner && m_runner->isRunning());
}

bool MainWindow::isUploading() const
{
    return m_uploadRunner && m_uploadRunner->isRunning();
}

AssetTableModel *MainWindow::assetModel() const
{
    return m_assets->model();
}

AssetFilterProxy *MainWindow::assetProxy() const
{
    return m_assets->proxy();
}

PastePanel *MainWindow::pastePanel() const
{
    return m_assets->pastePanel();
}

void MainWindow::setSessionCredentials(const QString &profileName, const Credentials &credentials)
{
    m_sessionCredentials.insert(profileName, credentials);
}

// --- construction -------------------------------------------------------------------------

void MainWindow::buildActions()
{
    auto make = [this](const QString &name, const QString &text, const QKeySequence &key,
                       const QString &tip) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcut(key);
        a->setToolTip(tip.isEmpty() ? text : tip);
        a->setStatusTip(tip);
        return a;
    };
    m_confirmAction
            = make(u"confirmAction"_s, tr("&Confirm"), QKeySequence(Qt::CTRL | Qt::Key_Return),
                   tr("Confirm the queued assets (the selected ones, or all)"));
    m_retryAction
            = make(u"retryAction"_s, tr("Send &Remaining"), QKeySequence(Qt::CTRL | Qt::Key_R),
                   tr("Send every asset that was not sent or failed with a temporary error, "
                      "whatever is selected"));
    m_retryAllAction = make(u"retryAllAction"_s, tr("Retry &All Failed"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                            tr("Send again every failed or unsent asset, whatever the error"));
    m_confirmAgainAction = make(u"confirmAgainAction"_s, tr("Confirm A&gain Anyway"), {},
                                tr("Send the assets skipped because the history shows them "
                                   "confirmed before (the selected ones, or all)"));
    m_removeAction = make(u"removeAction"_s, tr("Re&move"), QKeySequence::Delete,
                          tr("Remove the selected assets from the table"));
    m_copyIdsAction = make(u"copyIdsAction"_s, tr("Copy &IDs"), QKeySequence::Copy,
                           tr("Copy the selected asset IDs, one per line"));
    m_copyRowsAction = make(u"copyRowsAction"_s, tr("Copy Rows as &TSV"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                            tr("Copy the selected rows as tab-separated text"));
    m_copyErrorsAction = make(u"copyErrorsAction"_s, tr("Copy &Error Details"),
                              QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C),
                              tr("Copy error code, message, request ID and time of the selected "
                                 "rows"));
    m_copyCommandAction = make(u"copyCommandAction"_s, tr("Copy as Comman&d"),
                               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K),
                               tr("Copy the vodconfirm and hcloud command lines that confirm the "
                                  "selected assets the same way (no secrets)"));
    m_copyBundleAction = make(u"copyBundleAction"_s, tr("Copy &Support Bundle"),
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B),
                              tr("Copy what support needs about the selected assets: every "
                                 "attempt with its request ID, the endpoint and versions (no "
                                 "secrets)"));
    m_exportAction = make(u"exportAction"_s, tr("&Export View as CSV…"),
                          QKeySequence(Qt::CTRL | Qt::Key_E),
                          tr("Save the rows shown, as filtered and sorted, as a CSV file"));
    m_importAction = make(u"importAction"_s, tr("&Import IDs from Files…"), QKeySequence::Open,
                          tr("Read asset IDs from .txt, .csv, .json or .log files"));
    m_uploadFilesAction
            = make(u"uploadFilesAction"_s, tr("&Upload Files…"), QKeySequence(Qt::CTRL | Qt::Key_U),
                   tr("Upload video files to VOD and confirm them as assets"));
    m_uploadFolderAction = make(u"uploadFolderAction"_s, tr("Upload F&older…"),
                                QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_U),
                                tr("Upload the video files of a folder and its subfolders"));
    m_pasteAction = make(u"pasteAction"_s, tr("&Paste IDs"), QKeySequence::Paste,
                         tr("Read asset IDs from the clipboard"));
    m_pauseAction = make(u"pauseAction"_s, tr("&Pause"), QKeySequence(Qt::CTRL | Qt::Key_P),
                         tr("Send no new requests; requests in flight finish"));
    m_resumeAction = make(u"resumeAction"_s, tr("Res&ume"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), tr("Continue the batch"));
    m_cancelAction
            = make(u"cancelAction"_s, tr("&Stop Batch"), QKeySequence(Qt::CTRL | Qt::Key_Period),
                   tr("Stop the batch: requests already sent finish, the rest can be resumed "
                      "later"));
    m_resumeBatchAction = make(u"resumeBatchAction"_s, tr("Resume &Unfinished Batch"),
                               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U),
                               tr("Send the rest of the batch that did not end; assets it may "
                                  "have confirmed are checked first, not sent again"));
    m_discardBatchAction = make(u"discardBatchAction"_s, tr("&Discard Unfinished Batch"), {},
                                tr("Mark the unfinished batch as finished without sending "
                                   "anything"));
    m_followAction = make(u"followAction"_s, tr("&Follow Running Assets"), {},
                          tr("Scroll the table to the assets being sent"));
    m_followAction->setCheckable(true);
    m_followAction->setChecked(!m_settings || m_settings->followRunningRows());
    connect(m_followAction, &QAction::toggled, this, [this](bool follow) {
        m_assets->setFollowRunning(follow);
        if (m_settings)
            m_settings->setFollowRunningRows(follow);
    });
    m_preferencesAction = make(u"preferencesAction"_s, tr("Pre&ferences…"),
                               QKeySequence(Qt::CTRL | Qt::Key_Comma),
                               tr("Rate limit, requests in flight, attempts and timeout"));
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    m_profilesAction = make(u"profilesAction"_s, tr("&Profiles…"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                            tr("Add, edit and choose connection profiles"));
    m_quitAction = make(u"quitAction"_s, tr("&Quit"), QKeySequence::Quit, {});
    m_guideAction = make(u"userGuideAction"_s, tr("&User Guide"), QKeySequence::HelpContents,
                         tr("Open the user guide"));
    m_shortcutsAction
            = make(u"shortcutsAction"_s, tr("&Keyboard Shortcuts"),
                   QKeySequence(Qt::CTRL | Qt::Key_F1), tr("List every action and its key"));
    m_aboutAction = make(u"aboutAction"_s, tr("&About VOD Confirm"), {}, {});

    // The platform theme's icons where it has them, else ours (resources/icons/actions).
    const std::pair<QAction *, const char *> icons[] = {
            {m_importAction, "document-open"},        {m_confirmAction, "dialog-ok-apply"},
            {m_retryAction, "view-refresh"},          {m_pauseAction, "media-playback-pause"},
            {m_resumeAction, "media-playback-start"}, {m_cancelAction, "media-playback-stop"},
            {m_exportAction, "document-save-as"},     {m_removeAction, "edit-delete"},
            {m_guideAction, "help-contents"},         {m_aboutAction, "help-about"},
    };
    for (const auto &[action, name] : icons)
        action->setIcon(themedIcon(QString::fromLatin1(name)));
    m_copyCommandAction->setIcon(themedIcon(u"utilities-terminal"_s));
    m_copyBundleAction->setIcon(themedIcon(u"edit-copy"_s));
    m_uploadFilesAction->setIcon(themedIcon(u"go-up"_s));
    m_uploadFolderAction->setIcon(themedIcon(u"folder-open"_s));
    connect(m_uploadFilesAction, &QAction::triggered, this, &MainWindow::uploadFilesInteractive);
    connect(m_uploadFolderAction, &QAction::triggered, this, &MainWindow::uploadFolderInteractive);

    connect(m_confirmAction, &QAction::triggered, this, &MainWindow::confirmQueued);
    connect(m_retryAction, &QAction::triggered, this, &MainWindow::retryFailed);
    connect(m_retryAllAction, &QAction::triggered, this, &MainWindow::retryAllFailed);
    connect(m_confirmAgainAction, &QAction::triggered, this, &MainWindow::confirmAgain);
    connect(m_removeAction, &QAction::triggered, this, &MainWindow::removeSelected);
    connect(m_copyIdsAction, &QAction::triggered, this, &MainWindow::copyIds);
    connect(m_copyRowsAction, &QAction::triggered, this, &MainWindow::copyRows);
    connect(m_copyErrorsAction, &QAction::triggered, this, &MainWindow::copyErrorDetails);
    connect(m_copyCommandAction, &QAction::triggered, this, &MainWindow::copyAsCommand);
    connect(m_copyBundleAction, &QAction::triggered, this, &MainWindow::copySupportBundle);
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportViewInteractive);
    connect(m_importAction, &QAction::triggered, this, &MainWindow::importFilesInteractive);
    connect(m_pasteAction, &QAction::triggered, this, &MainWindow::pasteFromClipboard);
    connect(m_pauseAction, &QAction::triggered, this, [this] {
        if (m_runner)
            m_runner->pause();
        statusBar()->showMessage(tr("Paused: requests already sent finish; nothing new is sent "
                                    "until you resume."));
        updateActions();
        updateProgress();
    });
    connect(m_resumeAction, &QAction::triggered, this, [this] {
        if (m_runner)
            m_runner->unpause();
        statusBar()->showMessage(tr("Resumed."), 5000);
        updateActions();
        updateProgress();
    });
    connect(m_cancelAction, &QAction::triggered, this, [this] {
        if (m_runner)
            m_runner->cancel();
        updateActions();
    });
    connect(m_resumeBatchAction, &QAction::triggered, this, &MainWindow::resumeInterruptedBatch);
    connect(m_discardBatchAction, &QAction::triggered, this, &MainWindow::discardInterruptedBatch);
    connect(m_profilesAction, &QAction::triggered, this, &MainWindow::openProfiles);
    connect(m_preferencesAction, &QAction::triggered, this, [this] {
        if (!m_settings)
            return;
        auto *dialog = new PreferencesDialog(m_settings, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_guideAction, &QAction::triggered, this, [this] { UserGuide::showFor(this); });
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::buildUi()
{
    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(u"mainToolBar"_s);
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_importAction);
    toolbar->addAction(m_uploadFilesAction);
    toolbar->addSeparator();
    toolbar->addAction(m_confirmAction);
    toolbar->addAction(m_retryAction);
    toolbar->addSeparator();
    toolbar->addAction(m_pauseAction);
    toolbar->addAction(m_resumeAction);
    toolbar->addAction(m_cancelAction);
    toolbar->addSeparator();
    auto *profileLabel = new QLabel(tr("Profile:"), toolbar);
    m_profileCombo = new QComboBox(toolbar);
    m_profileCombo->setObjectName(u"profileCombo"_s);
    m_profileCombo->setAccessibleName(tr("Active profile"));
    m_profileCombo->setMinimumContentsLength(16);
    m_profileCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    profileLabel->setBuddy(m_profileCombo);
    connect(m_profileCombo, &QComboBox::activated, this, [this](int index) {
        if (m_settings)
            m_settings->setActiveProfileName(m_profileCombo->itemData(index).toString());
    });
    toolbar->addWidget(profileLabel);
    toolbar->addWidget(m_profileCombo);
    if (m_credentials && m_settings && m_nam)
        toolbar->addAction(m_profilesAction);
    // Upload Files… as an icon only (its tooltip says it), so the profile still fits at 1024 px.
    if (auto *upload = qobject_cast<QToolButton *>(toolbar->widgetForAction(m_uploadFilesAction)))
        upload->setToolButtonStyle(Qt::ToolButtonIconOnly);
    for (QAction *action : toolbar->actions()) {
        if (QWidget *w = toolbar->widgetForAction(action);
            w && !action->objectName().isEmpty() && qobject_cast<QToolButton *>(w)) {
            w->setObjectName(action->objectName() + u"Button"_s);
            w->setAccessibleName(action->text().remove(u'&'));
        }
    }

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"mainTabs"_s);
    m_tabs->setAccessibleName(tr("Assets, uploads, stuck uploads and history"));
    m_assets = buildAssetsPage();
    m_tabs->addTab(m_assets, tr("&Assets"));
    m_uploads = new UploadsPage(m_tabs);
    m_uploads->setObjectName(u"uploadsPage"_s);
    m_uploads->setAddActions(m_uploadFilesAction, m_uploadFolderAction);
    if (m_settings)
        m_uploads->setBandwidthLimit(m_settings->uploadBandwidthLimit());
    // No mnemonic: every letter of the word is taken on some page (Res&ume, C&lear, Sto&p,
    // an&d, &Search...); Ctrl+Tab reaches it, and adding files shows it.
    m_tabs->addTab(m_uploads, tr("Uploads"));
    connect(m_uploads, &UploadsPage::statusMessage, this,
            [this](const QString &text, int ms) { statusBar()->showMessage(text, ms); });
    connect(m_uploads, &UploadsPage::resumeRequested, this, &MainWindow::resumeUploads);
    connect(m_uploads, &UploadsPage::bandwidthChanged, this, [this](qint64 bytesPerSecond) {
        if (m_settings)
            m_settings->setUploadBandwidthLimit(bytesPerSecond); // applied through changed()
        else if (m_uploadRunner) {
            UploadRunner::Options options = m_uploadRunner->options();
            options.bandwidthBytesPerSecond = bytesPerSecond;
            m_uploadRunner->setOptions(options);
        }
    });
    if (m_settings && m_nam) {
        m_stuck = new StuckPage(m_tabs);
        m_stuck->setObjectName(u"stuckPage"_s);
        m_tabs->addTab(m_stuck, tr("Stu&ck Uploads"));
        connect(m_stuck, &StuckPage::statusMessage, this,
                [this](const QString &text, int ms) { statusBar()->showMessage(text, ms); });
        connect(m_stuck, &StuckPage::listRequested, this, &MainWindow::listStuck);
        connect(m_stuck, &StuckPage::batchRequested, this, &MainWindow::confirmStuck);
    }
    if (m_history && m_settings) {
        m_historyView = new HistoryView(m_history, m_settings, m_tabs);
        m_historyView->setObjectName(u"historyView"_s);
        m_tabs->addTab(m_historyView, tr("H&istory"));
        connect(m_historyView, &HistoryView::statusMessage, this,
                [this](const QString &message) { statusBar()->showMessage(message, 8000); });
        connect(m_historyView, &HistoryView::requeueRequested, this,
                [this](const QStringList &ids, const QString &status) {
                    const TargetStatus target = targetStatusFromName(status).value_or(
                            m_assets->pastePanel()->targetStatus());
                    const int queued = m_assets->queueAgain(ids, target);
                    m_tabs->setCurrentIndex(0);
                    statusBar()->showMessage(tr("Queued from the history: %1").arg(queued), 8000);
                });
        m_historyView->addRowActions({nullptr, m_copyCommandAction, m_copyBundleAction});
        connect(m_historyView, &HistoryView::selectionChanged, this, &MainWindow::updateActions);
    }
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateActions);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_tabs);
    if (m_settings && m_credentials && m_nam && m_settings->profileNames().isEmpty()) {
        auto *first = new FirstRunPage(m_settings, m_credentials, m_nam, m_stack);
        first->setObjectName(u"firstRunPage"_s);
        m_stack->addWidget(first);
        m_stack->setCurrentWidget(first);
        connect(first, &FirstRunPage::profileCreated, this,
                [this, first](const QString &name, const Credentials &credentials) {
                    m_sessionCredentials.insert(name, credentials);
                    m_stack->setCurrentWidget(m_tabs);
                    first->deleteLater();
                    reloadProfiles();
                });
    }
    setCentralWidget(m_stack);
    statusBar()->setObjectName(u"statusBar"_s);
    m_uploadStatus = new QLabel(statusBar());
    m_uploadStatus->setObjectName(u"uploadStatusLabel"_s);
    m_uploadStatus->setVisible(false);
    statusBar()->addPermanentWidget(m_uploadStatus);
}

AssetsPage *MainWindow::buildAssetsPage()
{
    auto *page = new AssetsPage(this);
    page->setFollowRunning(m_followAction->isChecked());
    if (m_settings)
        page->pastePanel()->setTargetStatus(m_settings->defaultTargetStatus());
    connect(page, &AssetsPage::statusMessage, this, [this](const QString &text, int timeoutMs) {
        statusBar()->showMessage(text, timeoutMs);
    });
    connect(page, &AssetsPage::selectionChanged, this, &MainWindow::updateActions);
    for (QAction *a :
         {m_copyIdsAction, m_copyRowsAction, m_copyErrorsAction, m_pasteAction, m_removeAction})
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    page->addTableActions({m_confirmAction, m_retryAction, m_retryAllAction, m_confirmAgainAction,
                           nullptr, m_copyIdsAction, m_copyRowsAction, m_copyErrorsAction,
                           m_copyCommandAction, m_copyBundleAction, m_pasteAction, nullptr,
                           m_removeAction, m_exportAction});
    page->setBatchActions(m_pauseAction, m_resumeAction, m_cancelAction, m_resumeBatchAction,
                          m_discardBatchAction);
    return page;
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_importAction);
    file->addAction(m_pasteAction);
    file->addAction(m_exportAction);
    file->addSeparator();
    file->addAction(m_uploadFilesAction);
    file->addAction(m_uploadFolderAction);
    file->addSeparator();
    if (m_credentials && m_settings && m_nam)
        file->addAction(m_profilesAction);
    if (m_settings)
        file->addMenu(new LanguageMenu(m_settings, this));
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_copyIdsAction);
    edit->addAction(m_copyRowsAction);
    edit->addAction(m_copyErrorsAction);
    edit->addSeparator();
    edit->addAction(m_copyCommandAction);
    edit->addAction(m_copyBundleAction);
    edit->addSeparator();
    edit->addAction(m_removeAction);
    edit->addSeparator();
    edit->addAction(m_preferencesAction);

    QMenu *batch = menuBar()->addMenu(tr("&Batch"));
    batch->addAction(m_confirmAction);
    batch->addAction(m_retryAction);
    batch->addAction(m_retryAllAction);
    batch->addAction(m_confirmAgainAction);
    batch->addSeparator();
    batch->addAction(m_pauseAction);
    batch->addAction(m_resumeAction);
    batch->addAction(m_cancelAction);
    batch->addAction(m_followAction);
    batch->addSeparator();
    batch->addAction(m_resumeBatchAction);
    batch->addAction(m_discardBatchAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_guideAction);
    help->addAction(m_shortcutsAction);
    help->addSeparator();
    help->addAction(m_aboutAction);
}

void MainWindow::showShortcuts()
{
    // Built from the actions themselves (the window's and its pages'), so the list cannot drift
    // from the keys.
    QString rows;
    for (QAction *a : findChildren<QAction *>()) {
        if (a->shortcut().isEmpty() || a->isSeparator())
            continue;
        rows += u"<tr><td>%1</td><td><b>%2</b></td></tr>"_s.arg(
                a->toolTip().toHtmlEscaped(),
                a->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped());
    }
    auto *box = new QMessageBox(QMessageBox::NoIcon, tr("Keyboard Shortcuts"),
                                u"<table cellspacing=\"6\">%1</table>"_s.arg(rows),
                                QMessageBox::Close, this);
    box->setObjectName(u"shortcutsBox"_s);
    box->setTextFormat(Qt::RichText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
            this, tr("About VOD Confirm"),
            tr("<h3>VOD Confirm %1</h3><p>Confirms Huawei Cloud VOD uploads "
               "(ConfirmAssetUpload) for one asset or thousands, and keeps a searchable history "
               "of every attempt.</p><p>Built with Qt %2 (running on Qt %3).</p><p>Licensed "
               "under the MIT licence.</p>")
                    .arg(QStringLiteral(VODCONFIRM_VERSION), QStringLiteral(QT_VERSION_STR),
                         QString::fromLatin1(qVersion())));
}

void MainWindow::restoreUiState()
{
    resize(1100, 720);
    if (!m_settings)
        return;
    restoreGeometry(m_settings->mainWindowGeometry());
    restoreState(m_settings->mainWindowState());
    m_assets->restoreHeaderState(m_settings->assetTableHeaderState());
}

void MainWindow::saveUiState()
{
    if (!m_settings)
        return;
    m_settings->setMainWindowGeometry(saveGeometry());
    m_settings->setMainWindowState(saveState());
    m_settings->setAssetTableHeaderState(m_assets->saveHeaderState());
    m_settings->sync();
}

void MainWindow::reloadProfiles()
{
    const QSignalBlocker block(m_profileCombo);
    m_profileCombo->clear();
    if (!m_settings) {
        m_profileCombo->setEnabled(false);
        return;
    }
    const QString active = m_settings->activeProfileName();
    for (const QString &name : m_settings->profileNames()) {
        const auto profile = m_settings->profile(name);
        const QString where = profile && !profile->regionId.isEmpty()
                ? profile->regionId
                // host:port, so two local endpoints can be told apart
                : (profile ? profile->customEndpoint.adjusted(QUrl::RemoveUserInfo).authority()
                           : QString());
        m_profileCombo->addItem(where.isEmpty() ? name : tr("%1 (%2)").arg(name, where), name);
    }
    m_profileCombo->setCurrentIndex(m_profileCombo->findData(active));
    updateActions();
}

// --- status -------------------------------------------------------------------------------

void MainWindow::updateActions()
{
    const bool running = isRunning();
    const AssetTableModel *model = m_assets->model();
    const bool hasRows = model->rowCount() > 0;
    const bool hasSelection = m_assets->hasSelection();
    const bool hasProfile = m_settings && !m_settings->activeProfileName().isEmpty();
    m_confirmAction->setEnabled(!running && hasProfile && model->count(Bucket::Queued) > 0);
    const bool anyFailed = model->count(Bucket::Failed) + model->count(Bucket::NotSent) > 0;
    const int remaining = model->remainingCount();
    m_retryAction->setText(remaining > 0
                                   ? tr("Send &Remaining (%1)").arg(locale().toString(remaining))
                                   : tr("Send &Remaining"));
    m_retryAction->setEnabled(!running && hasProfile && remaining > 0);
    m_retryAllAction->setEnabled(!running && hasProfile && anyFailed);
    m_confirmAgainAction->setEnabled(!running && hasProfile
                                     && model->count(AssetState::Skipped) > 0);
    m_removeAction->setEnabled(hasSelection);
    m_copyIdsAction->setEnabled(hasSelection);
    m_copyRowsAction->setEnabled(hasSelection);
    m_copyErrorsAction->setEnabled(hasSelection);
    // The support actions follow the tab shown; disabled, their status tip says why.
    const bool supportRows = m_historyView && m_tabs->currentWidget() == m_historyView
            ? m_historyView->hasSelection()
            : m_tabs->currentWidget() == m_assets && hasSelection;
    for (QAction *a : {m_copyCommandAction, m_copyBundleAction}) {
        a->setEnabled(supportRows);
        a->setStatusTip(supportRows ? a->toolTip()
                                    : tr("Select one or more rows in the Assets or History tab "
                                         "first."));
    }
    m_exportAction->setEnabled(hasRows);
    const bool paused = m_runner && m_runner->isPaused();
    m_pauseAction->setEnabled(running && m_runner && !paused);
    m_resumeAction->setEnabled(running && paused);
    m_cancelAction->setEnabled(running && m_runner);
    // Uploads keep the profile they started with: no switching while any is unfinished.
    const bool uploads = hasUnfinishedUploads() || m_uploadStarting;
    m_profileCombo->setEnabled(!running && !uploads && m_profileCombo->count() > 0);
    m_profileCombo->setToolTip(uploads ? tr("Uploads are not finished: pause-and-close, finish "
                                            "or cancel them before choosing another profile")
                                       : QString());
    m_profilesAction->setEnabled(!running && !uploads);
    m_resumeBatchAction->setEnabled(!running && !m_interruptedBatch.isEmpty());
    m_discardBatchAction->setEnabled(!running && !m_interruptedBatch.isEmpty());
    if (m_stuck)
        m_stuck->setBatchRunning(running);
}

void MainWindow::updateProgress()
{
    if (m_starting)
        m_assets->showStarting();
    else if (m_runner)
        m_assets->showProgress(m_runner->progress());
    else if (m_lastSummary)
        m_assets->showSummary(*m_lastSummary);
    else
        m_assets->showIdle();
}

void MainWindow::showError(const QString &title, const QString &text, const QString &details)
{
    emit messageShown(title, text);
    statusBar()->showMessage(text, 15000);
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setDetailedText(details);
    box->setObjectName(u"errorMessageBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->open();
}

// --- selection and clipboard --------------------------------------------------------------

void MainWindow::copyIds() const
{
    m_assets->copyIds();
}

void MainWindow::copyRows() const
{
    m_assets->copyRows();
}

void MainWindow::copyErrorDetails() const
{
    m_assets->copyErrorDetails();
}

QList<SupportTarget> MainWindow::selectedSupportTargets() const
{
    QList<SupportTarget> targets;
    if (m_historyView && m_tabs->currentWidget() == m_historyView) {
        for (const HistoryRecord &r : m_historyView->selectedRecords())
            targets.append({r.assetId, r.targetStatus, r.profile, r.region, r.projectId});
    } else if (m_tabs->currentWidget() == m_assets && m_assets->hasSelection()) {
        const QString name = m_settings ? m_settings->activeProfileName() : QString();
        const Profile profile
                = m_settings ? m_settings->profile(name).value_or(Profile()) : Profile();
        const AssetTableModel *model = m_assets->model();
        for (int row : m_assets->selectedSourceRows())
            targets.append({model->row(row).assetId, targetStatusName(model->row(row).status), name,
                            profile.regionId, profile.projectId});
    }
    return targets;
}

void MainWindow::copyAsCommand()
{
    const QList<SupportTarget> targets = selectedSupportTargets();
    if (targets.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(SupportText::commandLines(targets));
    statusBar()->showMessage(
            tr("Copied the command lines for %Ln selected row(s).", nullptr, int(targets.size())),
            8000);
}

void MainWindow::copySupportBundle()
{
    const QList<SupportTarget> targets = selectedSupportTargets();
    if (targets.isEmpty())
        return;
    if (m_history)
        m_history->flush(); // the latest attempts too
    QGuiApplication::clipboard()->setText(SupportText::bundle(targets, m_history, m_settings));
    statusBar()->showMessage(
            tr("Copied a support bundle for %Ln selected row(s): paste it into your "
               "support ticket.",
               nullptr, int(targets.size())),
            8000);
}

void MainWindow::removeSelected()
{
    m_assets->removeSelected(isRunning());
}

bool MainWindow::exportView(const QString &path, QString *error) const
{
    return m_assets->exportView(path, error);
}

void MainWindow::exportViewInteractive()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path
            = QFileDialog::getSaveFileName(this, tr("Export View as CSV"), dir + u"/assets.csv"_s,
                                           tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportView(path, &error))
        statusBar()->showMessage(tr("Rows exported to %1: %2")
                                         .arg(QDir::toNativeSeparators(path))
                                         .arg(m_assets->proxy()->rowCount()),
                                 8000);
    else
        showError(tr("Export failed"), error);
}

// --- getting IDs in -----------------------------------------------------------------------

void MainWindow::importFilesInteractive()
{
    const QString dir = m_settings ? m_settings->lastImportDir() : QString();
    const QStringList paths = QFileDialog::getOpenFileNames(
            this, tr("Import Asset IDs"), dir,
            tr("ID lists (*.txt *.csv *.json *.log);;All files (*)"));
    if (paths.isEmpty())
        return;
    if (m_settings)
        m_settings->setLastImportDir(QFileInfo(paths.first()).absolutePath());
    importFiles(paths);
}

void MainWindow::importFiles(const QStringList &paths)
{
    m_tabs->setCurrentIndex(0);
    m_assets->pastePanel()->parseFiles(paths);
}

void MainWindow::pasteFromClipboard()
{
    const QString text = QGuiApplication::clipboard()->text();
    if (text.isEmpty()) {
        statusBar()->showMessage(tr("The clipboard holds no text"), 5000);
        return;
    }
    m_tabs->setCurrentIndex(0);
    m_assets->pastePanel()->parseText(text, tr("the clipboard"));
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (mime->hasUrls() || mime->hasText())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QMimeData *mime = event->mimeData();
    QStringList files;
    bool media = m_tabs->currentWidget() == m_uploads; // there every file is for uploading
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile()) {
            files << url.toLocalFile();
            // A folder or a video file is for uploading; anything else is a list of IDs.
            const QFileInfo info(files.last());
            media = media || info.isDir() || !UploadParts::videoTypeFor(files.last()).isEmpty();
        }
    }
    if (!files.isEmpty() && media) {
        uploadFiles(files);
        event->acceptProposedAction();
    } else if (!files.isEmpty()) {
        importFiles(files);
        event->acceptProposedAction();
    } else if (mime->hasText()) {
        m_tabs->setCurrentIndex(0);
        m_assets->pastePanel()->parseText(mime->text(), tr("dropped text"));
        event->acceptProposedAction();
    }
}

// --- running batches ----------------------------------------------------------------------

void MainWindow::confirmQueued()
{
    if (isRunning())
        return;
    startBatch(m_assets->rowsToSend(
            [](const AssetTableModel::Row &r) { return r.state == AssetState::Queued; }));
}

void MainWindow::retryFailed()
{
    retry(false);
}

void MainWindow::retryAllFailed()
{
    retry(true);
}

void MainWindow::retry(bool includeNonRetryable)
{
    if (isRunning())
        return;
    // "Send Remaining" and "Retry All Failed" mean every such row, whatever is selected.
    const QList<int> rows
            = m_assets->rowsWhere([includeNonRetryable](const AssetTableModel::Row &r) {
                  return isWorthSendingAgain(r.state, r.last)
                          || (includeNonRetryable && r.state == AssetState::Failed);
              });
    if (rows.isEmpty()) {
        statusBar()->showMessage(
                includeNonRetryable
                        ? tr("Nothing to retry")
                        : tr("No failure is worth retrying as it is: the remaining errors need a "
                             "fix first (see the hints), or use Retry All Failed"),
                10000);
        return;
    }
    m_assets->model()->requeue(rows);
    startBatch(rows);
}

void MainWindow::confirmAgain()
{
    if (isRunning())
        return;
    const QList<int> rows = m_assets->rowsToSend(
            [](const AssetTableModel::Row &r) { return r.state == AssetState::Skipped; });
    if (rows.isEmpty()) {
        statusBar()->showMessage(tr("No asset was skipped as confirmed before"), 10000);
        return;
    }
    m_assets->model()->requeue(rows);
    startBatch(rows, true);
}

std::optional<Profile> MainWindow::activeProfile()
{
    const std::optional<Profile> profile
            = m_settings ? m_settings->activeProfile() : std::optional<Profile>();
    if (!profile)
        showError(tr("No profile"), tr("Choose or create a connection profile first (Profiles…)."));
    return profile;
}

VodClient *MainWindow::makeClient(const Profile &profile, const Credentials &credentials)
{
    const int timeout = m_settings ? m_settings->timeoutSeconds() : 30;
    auto *client = new VodClient(m_nam, clientConfig(profile, credentials, timeout), this);
    if (const QString problem = client->configProblem(); !problem.isEmpty()) {
        delete client;
        showError(tr("Profile unusable"), problem);
        return nullptr;
    }
    return client;
}

void MainWindow::listStuck(const QDateTime &from, const QDateTime &to)
{
    const std::optional<Profile> profile = activeProfile();
    if (!profile || !m_stuck)
        return;
    if (const QString problem = profile->problem(); !problem.isEmpty()) {
        showError(tr("Profile incomplete"), problem);
        return;
    }
    withCredentials(
            *profile,
            [this, profile = *profile, from, to](const Credentials &credentials) {
                StuckLister::Options options; // the listing's own quota group
                if (m_settings)
                    options.ratePerMinute = m_settings->listingRatePerMinute();
                if (VodClient *client = makeClient(profile, credentials))
                    m_stuck->startListing(client, from, to, options);
            },
            [] {});
}

void MainWindow::confirmStuck(const QStringList &assetIds, TargetStatus status)
{
    if (isRunning()) {
        statusBar()->showMessage(tr("A batch is running: wait for it to end."), 8000);
        return;
    }
    // The assets go through the asset table like any batch. Rows of them already there with
    // another target status are replaced, so the table shows what is sent.
    AssetTableModel *model = m_assets->model();
    QList<int> otherStatus;
    for (const QString &id : assetIds) {
        if (const int row = model->rowOf(id); row >= 0 && model->row(row).status != status)
            otherStatus << row;
    }
    model->removeAssetRows(otherStatus);
    m_assets->queueAgain(assetIds, status);
    m_tabs->setCurrentWidget(m_assets);
    QList<int> rows;
    rows.reserve(assetIds.size());
    for (const QString &id : assetIds)
        rows << model->rowOf(id);
    startBatch(rows);
}

void MainWindow::startBatch(const QList<int> &rows, bool force)
{
    if (rows.isEmpty() || isRunning())
        return;
    const std::optional<Profile> profile = activeProfile();
    if (!profile)
        return;
    QList<ConfirmItem> items;
    items.reserve(rows.size());
    for (int row : rows) {
        const AssetTableModel::Row &r = m_assets->model()->row(row);
        items.append({r.assetId, r.status});
    }
    startItems(*profile, items, {}, force);
}

void MainWindow::startItems(const Profile &profile, const QList<ConfirmItem> &items,
                            const std::optional<ResumePlan> &resumed, bool force)
{
    const QString resumedBatchId = resumed ? resumed->batch.id : QString();
    if (const QString problem = profile.problem(); !problem.isEmpty()) {
        showError(tr("Profile incomplete"), problem);
        return;
    }
    m_starting = true; // a batch is on its way: nothing else may start meanwhile
    updateActions();
    updateProgress();
    withCredentials(
            profile,
            [this, profile, items, resumed, force](const Credentials &credentials) {
                m_starting = false;
                startWithCredentials(profile, credentials, items, resumed, force);
            },
            [this, resumedBatchId] {
                m_starting = false;
                releaseResumed(resumedBatchId);
                updateActions();
                updateProgress();
            });
}

void MainWindow::withCredentials(const Profile &profile,
                                 const std::function<void(const Credentials &)> &use,
                                 const std::function<void()> &givenUp)
{
    if (m_sessionCredentials.contains(profile.name) || !m_credentials) {
        Credentials credentials = m_sessionCredentials.value(profile.name);
        credentials.mode = profile.authMode;
        if (credentials.accessKey.isEmpty())
            credentials.accessKey = profile.accessKey;
        if (credentials.userName.isEmpty())
            credentials.userName = profile.userName;
        if (credentials.accountName.isEmpty())
            credentials.accountName = profile.accountName;
        if (credentials.missing().isEmpty())
            use(credentials);
        else
            askForSecrets(profile, credentials, {}, use, givenUp);
        return;
    }
    m_credentials->load(
            profile, this,
            [this, profile, use, givenUp](const Credentials &credentials, const QString &error) {
                if (credentials.missing().isEmpty())
                    use(credentials);
                else
                    askForSecrets(profile, credentials, error, use, givenUp);
            });
}

void MainWindow::askForSecrets(const Profile &profile, const Credentials &known,
                               const QString &reason,
                               const std::function<void(const Credentials &)> &use,
                               const std::function<void()> &givenUp)
{
    auto *prompt = new SecretPrompt(profile, known, reason, m_credentials, this);
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    prompt->setWindowModality(Qt::WindowModal);
    connect(prompt, &QDialog::finished, this, [this, prompt, profile, use, givenUp](int result) {
        if (result != QDialog::Accepted) {
            givenUp();
            return;
        }
        const Credentials credentials = prompt->credentials();
        m_sessionCredentials.insert(profile.name, credentials);
        if (prompt->remembered() && !profile.rememberSecrets && m_settings) {
            Profile remembering = profile;
            remembering.rememberSecrets = true;
            m_settings->saveProfile(remembering);
            m_settings->sync();
        }
        use(credentials);
    });
    prompt->open();
}

void MainWindow::startWithCredentials(const Profile &profile, const Credentials &credentials,
                                      const QList<ConfirmItem> &wanted,
                                      const std::optional<ResumePlan> &resumedPlan, bool force)
{
    const QString resumedBatchId = resumedPlan ? resumedPlan->batch.id : QString();
    VodClient *client = makeClient(profile, credentials);
    if (!client) {
        releaseResumed(resumedBatchId);
        updateProgress();
        return;
    }
    QList<ConfirmItem> items;
    items.reserve(wanted.size());
    const AssetTableModel *model = m_assets->model();
    for (const ConfirmItem &item : wanted) {
        const int row = model->rowOf(item.assetId);
        if (row >= 0 && model->row(row).state == AssetState::Queued)
            items << item;
    }
    if (items.isEmpty()) {
        delete client;
        releaseResumed(resumedBatchId);
        updateActions();
        return;
    }
    std::optional<ResumePlan> resumed = resumedPlan;
    if (resumed)
        resumed->items = items; // the rows still queued
    m_client = client;
    m_runner = new BatchRunner(m_client, m_history, this);
    // This batch's confirms and the uploads' create, authority and confirm requests count against
    // one quota of the account (vod-api.md 5.3): one pacing for all of them.
    if (m_uploadRunner && m_uploadProfile == profile.name)
        m_runner->setQuotaGroup(m_uploadRunner->quotaGroup());
    BatchRunner::Options options;
    if (m_settings) {
        options.engine.concurrency = m_settings->concurrency();
        options.engine.ratePerMinute = m_settings->ratePerMinute();
        options.engine.maxAttempts = m_settings->maxAttempts();
        options.engine.checkFirst = m_settings->checkFirst();
        options.follow = m_settings->follow();
    } else {
        options.engine.checkFirst = Settings::defaultValue(Settings::Key::CheckFirst).toInt() != 0;
    }
    options.force = force;
    m_runner->setOptions(options);
    connect(m_runner, &BatchRunner::assetChanged, this, &MainWindow::onAssetChanged);
    connect(m_runner, &BatchRunner::followed, this, [this](const FollowedState &s) {
        m_assets->model()->setFollowedState(s.assetId, s.state);
    });
    connect(m_runner, &BatchRunner::finished, this, &MainWindow::onBatchFinished);
    connect(m_runner, &BatchRunner::authenticationFailed, this,
            [this](const QString &advice, const QString &answer) {
                showError(tr("Authentication failed"),
                          tr("The server refused the profile's credentials, so the batch "
                             "stopped after the first refusal.\n\n%1")
                                  .arg(advice),
                          tr("Server answer: %1").arg(answer));
            });
    connect(m_runner, &BatchRunner::waiting, this, [this](qint64 ms, const QString &reason) {
        statusBar()->showMessage(
                tr("Waiting %1: %2").arg(AssetsPage::formatDuration((ms + 999) / 1000), reason),
                int(ms));
    });
    connect(m_runner, &BatchRunner::historyFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("History: %1").arg(message), 15000);
    });

    m_progressTimer.start();
    const BatchRunner::Context context {profile.name, profile.regionId, profile.projectId};
    QString error;
    if (resumed) {
        m_runner->resume(*resumed, context);
    } else if (!m_runner->start(items, context, &error)) {
        // Nothing has gone out: the rows stay queued.
        m_progressTimer.stop();
        m_runner->deleteLater();
        m_runner = nullptr;
        m_client->deleteLater();
        m_client = nullptr;
        showError(tr("History"), error);
        updateActions();
        updateProgress();
        return;
    }
    const QString batchId = m_runner->batchId();
    if (!resumed)
        checkInterruptedBatches(); // a stopped batch whose rest this one took over is done
    statusBar()->showMessage(tr("Confirming assets: %1…").arg(locale().toString(items.size())));
    updateActions();
    updateProgress();
    emit batchStarted(batchId, int(items.size()));
}

void MainWindow::checkInterruptedBatches()
{
    const QList<BatchInfo> batches = m_history ? resumableBatches(*m_history) : QList<BatchInfo>();
    m_interruptedBatch = batches.isEmpty() ? QString() : batches.constLast().id; // the newest
    m_assets->showInterruptedBatches(batches);
    updateActions();
}

void MainWindow::resumeInterruptedBatch()
{
    if (m_interruptedBatch.isEmpty() || isRunning() || !m_history)
        return;
    QString error;
    const std::optional<ResumePlan> plan = planResume(*m_history, m_interruptedBatch, &error);
    if (!plan) {
        showError(tr("Cannot resume"), error);
        checkInterruptedBatches();
        return;
    }
    const BatchInfo &batch = plan->batch;
    const std::optional<Profile> profile = m_settings && !batch.profile.isEmpty()
            ? m_settings->profile(batch.profile)
            : std::optional<Profile>();
    QString problem;
    if (batch.profile.isEmpty())
        problem = tr("This batch ran from the command line with credentials from the "
                     "environment. Resume it there: vodconfirm resume %1")
                          .arg(batch.id);
    else if (!profile)
        problem = tr("This batch ran with profile “%1”, which no longer exists. Resume it from "
                     "the command line with another profile: vodconfirm resume %2 --profile NAME")
                          .arg(batch.profile, batch.id);
    else if (profile->projectId.trimmed() != batch.projectId)
        problem = tr("This batch ran for project %1, but profile “%2” now uses project %3.")
                          .arg(batch.projectId, profile->name, profile->projectId);
    if (!problem.isEmpty()) {
        showError(tr("Cannot resume"), problem);
        releaseResumed(batch.id);
        return;
    }

    m_interruptedBatch.clear();
    m_assets->showInterruptedBatches({});
    if (plan->items.isEmpty()) { // everything was settled before the interruption
        m_history->finishBatch(batch.id, QDateTime::currentDateTimeUtc());
        m_history->flush();
        m_history->releaseBatch(batch.id);
        statusBar()->showMessage(tr("The interrupted batch had nothing left to do."), 10000);
        checkInterruptedBatches();
        return;
    }
    // The assets go into the table (again) as queued rows.
    QMap<TargetStatus, QStringList> byStatus;
    for (const ConfirmItem &item : plan->items)
        byStatus[item.status].append(item.assetId);
    AssetTableModel *model = m_assets->model();
    QList<int> requeue;
    for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it) {
        model->addAssets(it.value(), it.key());
        for (const QString &id : it.value()) {
            const int row = model->rowOf(id);
            if (model->row(row).state != AssetState::Queued || model->row(row).status != it.key())
                requeue.append(row);
        }
    }
    if (!requeue.isEmpty())
        model->requeue(requeue);
    statusBar()->showMessage(tr("Resuming: %1 confirmed before the interruption, %2 failed, %3 "
                                "to check and finish")
                                     .arg(plan->confirmedBefore)
                                     .arg(plan->failedBefore)
                                     .arg(plan->items.size()),
                             10000);
    startItems(*profile, plan->items, plan);
}

void MainWindow::releaseResumed(const QString &batchId)
{
    // A resumed batch that could not start stays interrupted, to be offered again.
    if (!m_history || batchId.isEmpty())
        return;
    m_history->releaseBatch(batchId);
    checkInterruptedBatches();
}

void MainWindow::discardInterruptedBatch()
{
    if (m_interruptedBatch.isEmpty() || isRunning() || !m_history)
        return;
    m_history->finishBatch(m_interruptedBatch, QDateTime::currentDateTimeUtc());
    QString error;
    if (!m_history->flush(&error))
        showError(tr("History"), error);
    statusBar()->showMessage(tr("The interrupted batch was marked as finished."), 8000);
    checkInterruptedBatches();
}

void MainWindow::onAssetChanged(const AssetUpdate &update)
{
    m_assets->model()->queueUpdate(update);
}

void MainWindow::onBatchFinished(const BatchSummary &summary)
{
    m_assets->model()->flushUpdates();
    m_progressTimer.stop();
    m_lastSummary = summary;
    if (m_runner) {
        disconnect(m_runner, nullptr, this, nullptr);
        m_runner->deleteLater();
        m_runner = nullptr;
    }
    if (m_client) {
        m_client->deleteLater();
        m_client = nullptr;
    }
    QString message = tr("Batch finished: %1 confirmed, %2 failed, %3 not sent")
                              .arg(summary.confirmed)
                              .arg(summary.failed)
                              .arg(summary.notSent);
    if (summary.skipped > 0)
        message += tr(", %Ln skipped as confirmed before", nullptr, summary.skipped);
    if (summary.alreadyConfirmed > 0)
        message += tr(", %Ln already confirmed (skipped)", nullptr, summary.alreadyConfirmed);
    statusBar()->showMessage(message, 15000);
    if (!summary.historyError.isEmpty())
        showError(tr("History incomplete"),
                  tr("%1\nThe batch is kept as unfinished: resuming it checks the state of every "
                     "asset the history did not record before sending anything.")
                          .arg(summary.historyError));
    updateActions();
    updateProgress();
    m_assets->updateDetails();
    if (m_historyView)
        QTimer::singleShot(HistoryStore::FlushIntervalMs + 100, m_historyView,
                           &HistoryView::refresh);
    notifyFinished(summary);
    emit batchFinished(summary);
    if (m_closeWhenDone)
        QTimer::singleShot(0, this, &QWidget::close);
}

void MainWindow::notifyFinished(const BatchSummary &summary)
{
    if (isActiveWindow() || summary.elapsedMs < kNotifyAfterMs
        || !QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setObjectName(u"trayIcon"_s);
        m_tray->setToolTip(windowTitle());
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
    }
    m_tray->show();
    m_tray->showMessage(tr("Batch finished"),
                        tr("%1 confirmed, %2 failed, %3 not sent")
                                .arg(summary.confirmed)
                                .arg(summary.failed)
                                .arg(summary.notSent),
                        summary.failed + summary.notSent > 0 ? QSystemTrayIcon::Warning
                                                             : QSystemTrayIcon::Information);
}

void MainWindow::openProfiles()
{
    if (!m_settings || !m_credentials || !m_nam || isRunning())
        return;
    auto *dialog = new ProfileDialog(m_settings, m_credentials, m_nam, this);
    dialog->setObjectName(u"profileDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const auto saved = [this](const QString &name, const Credentials &credentials) {
        m_sessionCredentials.insert(name, credentials);
        reloadProfiles();
    };
    connect(dialog, &ProfileDialog::profileSaved, this, saved);
    connect(dialog, &ProfileDialog::secretsNotSaved, this, saved);
    connect(dialog, &ProfileDialog::profileRemoved, this, [this](const QString &name) {
        m_sessionCredentials.remove(name);
        reloadProfiles();
    });
    connect(dialog, &ProfileDialog::activeProfileChanged, this, &MainWindow::reloadProfiles);
    dialog->open();
}

// --- window -------------------------------------------------------------------------------

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (isRunning() && m_runner) {
        if (!m_closeWhenDone) {
            QMessageBox box(QMessageBox::Question, tr("A batch is running"),
                            tr("%1 of %2 assets are done. Stop the batch now (requests already "
                               "sent finish and are recorded), or let it finish and close "
                               "then?")
                                    .arg(locale().toString(m_runner->progress().done),
                                         locale().toString(m_runner->progress().total)),
                            QMessageBox::NoButton, this);
            box.setObjectName(u"closeWhileRunningBox"_s);
            QPushButton *stop = box.addButton(tr("&Stop and Close"), QMessageBox::DestructiveRole);
            QPushButton *finish = box.addButton(tr("&Finish, Then Close"), QMessageBox::AcceptRole);
            stop->setObjectName(u"stopAndCloseButton"_s);
            finish->setObjectName(u"finishThenCloseButton"_s);
            box.addButton(QMessageBox::Cancel);
            box.setDefaultButton(finish);
            box.exec();
            if (box.clickedButton() == stop) {
                m_closeWhenDone = true;
                if (m_runner)
                    m_runner->cancel();
            } else if (box.clickedButton() == finish) {
                m_closeWhenDone = true;
            }
        }
        event->ignore();
        return;
    }
    if (isUploading()) {
        const UploadTotals t = m_uploadRunner->totals();
        QMessageBox box(QMessageBox::Question, tr("Uploads are running"),
                        tr("%1 of %Ln upload(s) are done. Close now? The others are paused and "
                           "can be resumed on the Uploads tab the next time, from the last part "
                           "that arrived.",
                           nullptr, t.uploads)
                                .arg(locale().toString(t.confirmed + t.failed + t.cancelled)),
                        QMessageBox::NoButton, this);
        box.setObjectName(u"closeWhileUploadingBox"_s);
        QPushButton *close = box.addButton(tr("&Pause and Close"), QMessageBox::AcceptRole);
        close->setObjectName(u"pauseAndCloseButton"_s);
        QPushButton *stay = box.addButton(tr("&Keep Uploading"), QMessageBox::RejectRole);
        box.setDefaultButton(stay);
        box.setEscapeButton(stay);
        box.exec();
        if (box.clickedButton() != close) {
            event->ignore();
            return;
        }
        m_uploadRunner->pauseAll();
    }
    saveUiState();
    if (m_history) {
        QString error;
        if (!m_history->flush(&error))
            QMessageBox::warning(this, tr("History"), error);
    }
    event->accept();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        m_assets->model()->setPalette(palette());
        m_uploads->model()->setPalette(palette());
    }
    QMainWindow::changeEvent(event);
}

// --- uploads ------------------------------------------------------------------------------

void MainWindow::uploadFilesInteractive()
{
    const QString dir = m_settings ? m_settings->lastImportDir() : QString();
    QStringList patterns;
    for (const QString &type : VodClient::videoTypes())
        patterns << u"*."_s + type.toLower();
    const QStringList paths = QFileDialog::getOpenFileNames(
            this, tr("Upload Files"), dir,
            tr("Video and audio files (%1);;All files (*)").arg(patterns.join(u' ')));
    if (paths.isEmpty())
        return;
    if (m_settings)
        m_settings->setLastImportDir(QFileInfo(paths.first()).absolutePath());
    uploadFiles(paths);
}

void MainWindow::uploadFolderInteractive()
{
    const QString dir = m_settings ? m_settings->lastImportDir() : QString();
    const QString path = QFileDialog::getExistingDirectory(this, tr("Upload Folder"), dir);
    if (path.isEmpty())
        return;
    if (m_settings)
        m_settings->setLastImportDir(path);
    uploadFiles({path});
}

QString MainWindow::uploadProfileProblem() const
{
    const std::optional<Profile> profile
            = m_settings ? m_settings->activeProfile() : std::optional<Profile>();
    if (!profile)
        return tr("No connection profile is chosen, so nothing can be uploaded. Create or "
                  "choose one with Profiles…, then start the upload.");
    if (const QString problem = profile->problem(); !problem.isEmpty())
        return tr("Profile “%1” cannot be used: %2").arg(profile->name, problem);
    if (m_uploadRunner && m_uploadProfile != profile->name)
        return tr("The uploads running use profile “%1”: add these files when they have "
                  "finished, or choose that profile again.")
                .arg(m_uploadProfile);
    return {};
}

void MainWindow::uploadFiles(const QStringList &paths)
{
    QStringList notes;
    const QStringList files = UploadDialog::collectFiles(paths, &notes);
    if (files.isEmpty()) {
        statusBar()->showMessage(notes.isEmpty()
                                         ? tr("No file to upload there.")
                                         : tr("No file to upload there: %1").arg(notes.join(u' ')),
                                 10000);
        return;
    }
    auto *dialog = new UploadDialog(files, notes, uploadProfileProblem(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &UploadDialog::profilesRequested, this, &MainWindow::openProfiles);
    if (m_settings)
        connect(m_settings, &Settings::changed, dialog,
                [this, dialog] { dialog->setProfileProblem(uploadProfileProblem()); });
    connect(dialog, &QDialog::accepted, this, [this, dialog] { startUploads(dialog->requests()); });
    dialog->open();
}

UploadRunner::Options MainWindow::uploadOptions() const
{
    UploadRunner::Options options;
    if (m_settings) {
        options.partSize = m_settings->uploadPartSize();
        options.partsInFlight = m_settings->uploadPartsInFlight();
        options.bandwidthBytesPerSecond = m_settings->uploadBandwidthLimit();
        options.maxAttempts = m_settings->maxAttempts();
        options.ratePerMinute = m_settings->ratePerMinute();
    }
    return options;
}

void MainWindow::withUploadRunner(const Profile &profile,
                                  const std::function<void(UploadRunner *)> &use)
{
    if (m_uploadRunner) {
        use(m_uploadRunner);
        return;
    }
    if (m_uploadStarting)
        return;
    if (const QString problem = profile.problem(); !problem.isEmpty()) {
        showError(tr("Profile incomplete"), problem);
        return;
    }
    m_uploadStarting = true;
    updateActions();
    withCredentials(
            profile,
            [this, profile, use](const Credentials &credentials) {
                m_uploadStarting = false;
                VodClient *client = makeClient(profile, credentials);
                if (!client) {
                    updateActions();
                    return;
                }
                m_uploadProfile = profile.name;
                m_uploadRunner = new UploadRunner(client, m_history, this);
                client->setParent(m_uploadRunner); // outlives the runner's destructor
                m_uploadRunner->setObjectName(u"uploadRunner"_s);
                m_uploadRunner->setOptions(uploadOptions());
                m_uploads->setRunner(m_uploadRunner); // its totals first, then the status bar's
                connect(m_uploadRunner, &UploadRunner::totalsChanged, this,
                        &MainWindow::updateUploadStatus);
                connect(m_uploadRunner, &UploadRunner::idle, this, [this] {
                    updateUploadStatus();
                    checkInterruptedUploads();
                });
                connect(m_uploadRunner, &UploadRunner::assetConfirmed, this,
                        [this](const QString &uploadId, const QString &assetId) {
                            // The asset joins the asset table as confirmed, like a batch's.
                            AssetTableModel *model = m_assets->model();
                            if (model->rowOf(assetId) < 0) {
                                model->addAssets({assetId}, TargetStatus::Created);
                                AssetUpdate update;
                                update.assetId = assetId;
                                update.state = AssetState::Confirmed;
                                update.attempts = 1;
                                update.maxAttempts = 1;
                                if (const auto s = m_uploadRunner->upload(uploadId))
                                    update.note
                                            = tr("uploaded from %1")
                                                      .arg(QDir::toNativeSeparators(s->filePath));
                                update.updatedAt = QDateTime::currentDateTimeUtc();
                                model->queueUpdate(update);
                                model->flushUpdates(); // never shown as queued
                            }
                            if (m_historyView)
                                QTimer::singleShot(HistoryStore::FlushIntervalMs + 100,
                                                   m_historyView, &HistoryView::refresh);
                        });
                connect(m_uploadRunner, &UploadRunner::authenticationFailed, this,
                        [this](const QString &advice, const QString &answer) {
                            showError(tr("Authentication failed"),
                                      tr("The server refused the profile's credentials, so the "
                                         "uploads stopped.\n\n%1")
                                              .arg(advice),
                                      tr("Server answer: %1").arg(answer));
                        });
                connect(m_uploadRunner, &UploadRunner::waiting, this,
                        [this](qint64 ms, const QString &reason) {
                            statusBar()->showMessage(
                                    tr("Uploads waiting %1: %2")
                                            .arg(AssetsPage::formatDuration((ms + 999) / 1000),
                                                 reason),
                                    int(ms));
                        });
                connect(m_uploadRunner, &UploadRunner::historyFailed, this,
                        [this](const QString &message) {
                            showError(tr("History"),
                                      tr("The upload journal could not be written, so the "
                                         "uploads stopped; nothing is lost.\n\n%1")
                                              .arg(message));
                        });
                use(m_uploadRunner);
                updateActions();
            },
            [this] {
                m_uploadStarting = false;
                updateActions();
            });
}

void MainWindow::startUploads(const QList<UploadRequest> &requests)
{
    if (requests.isEmpty())
        return;
    const std::optional<Profile> profile = activeProfile();
    if (!profile)
        return;
    withUploadRunner(*profile, [this, requests, profile = *profile](UploadRunner *runner) {
        QStringList refused;
        runner->add(requests, {profile.name, profile.regionId, profile.projectId.trimmed()},
                    &refused);
        m_tabs->setCurrentWidget(m_uploads);
        if (!refused.isEmpty())
            showError(tr("Not uploaded"),
                      tr("%Ln file(s) could not be queued:", nullptr, int(refused.size())),
                      refused.join(u'\n'));
        updateUploadStatus();
        updateActions();
    });
}

void MainWindow::resumeUploads(const QStringList &uploadIds, bool cancel)
{
    const std::optional<Profile> profile = activeProfile();
    if (!profile || uploadIds.isEmpty())
        return;
    withUploadRunner(*profile, [this, uploadIds, cancel](UploadRunner *runner) {
        QStringList errors;
        for (const QString &id : uploadIds) {
            QString error;
            if (!runner->resume(id, &error)) {
                errors << error;
                continue;
            }
            if (cancel)
                runner->cancel(id);
            if (const std::optional<UploadStatus> s = runner->upload(id))
                m_uploads->model()->setStatus(*s);
        }
        checkInterruptedUploads();
        if (!errors.isEmpty())
            showError(cancel ? tr("Cannot cancel") : tr("Cannot resume"), errors.join(u'\n'));
        updateUploadStatus();
        updateActions();
    });
}

void MainWindow::checkInterruptedUploads()
{
    if (!m_history || !m_uploads)
        return;
    const std::optional<Profile> profile
            = m_settings ? m_settings->activeProfile() : std::optional<Profile>();
    QList<UploadRecord> shown;
    if (profile) {
        QString error;
        for (const UploadRecord &u : m_history->unfinishedUploads(&error)) {
            // Another process's, or another profile's (resumed with that one), are not offered.
            if (u.running || u.profile != profile->name
                || u.projectId != profile->projectId.trimmed()
                || (m_uploadRunner && m_uploadRunner->upload(u.id)))
                continue;
            shown.append(m_history->upload(u.id).value_or(u)); // with its parts: the progress
        }
        if (!error.isEmpty())
            statusBar()->showMessage(tr("History: %1").arg(error), 10000);
    }
    m_uploads->setInterrupted(shown);
    updateActions();
}

bool MainWindow::hasUnfinishedUploads() const
{
    if (!m_uploadRunner)
        return false;
    const UploadTotals t = m_uploadRunner->totals();
    return t.confirmed + t.failed + t.cancelled < t.uploads;
}

void MainWindow::dropUploadRunner()
{
    m_uploads->setRunner(nullptr);
    disconnect(m_uploadRunner, nullptr, this, nullptr);
    m_uploadRunner->deleteLater(); // and its client
    m_uploadRunner = nullptr;
    m_uploadProfile.clear();
    updateUploadStatus();
}

void MainWindow::updateUploadStatus()
{
    const bool show = isUploading();
    m_uploadStatus->setVisible(show);
    if (show) {
        const UploadTotals t = m_uploadRunner->totals();
        QString text = tr("Uploading %1 of %Ln file(s), %2%", nullptr, t.uploads)
                               .arg(locale().toString(t.confirmed + t.failed + t.cancelled))
                               .arg(t.bytesTotal > 0 ? t.bytesDone * 100 / t.bytesTotal : 0);
        if (t.bytesPerSecond > 0)
            text += tr(", %1").arg(UploadTableModel::speedText(t.bytesPerSecond));
        m_uploadStatus->setText(text);
        m_uploadStatus->setToolTip(m_uploads->totalsText());
    }
    updateActions();
}

} // namespace VodConfirm
