#include "cli/translations.h"
#include "firstrunpage.h"
#include "layoutcheck.h"
#include "mainwindow.h"
#include "mainwindowfixture.h"
#include "models/assetfilterproxy.h"
#include "models/assettablemodel.h"
#include "models/stucktablemodel.h"
#include "models/uploadtablemodel.h"
#include "profiledialog.h"
#include "secretprompt.h"
#include "settings/credentialstore.h"
#include "settings/settings.h"
#include "storage/historystore.h"
#include "stuckpage.h"
#include "testfixtures.h"
#include "uploaddialog.h"
#include "uploadspage.h"
#include "vodtestserver.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace VodConfirm;
using namespace Qt::StringLiterals;

using Bucket = AssetTableModel::Bucket;

// The app's main states, reached through the real widgets against the loopback VOD server, each
// looked at on a 1024x640, 1366x768 and 1920x1080 screen in a light and a dark palette: the layout
// checks of tests/support/layoutcheck.h run every time (clipped or cut text, a window larger than
// the screen, a button off its window), and VODCONFIRM_SCREENSHOT_DIR=<dir> saves each as
// <dir>/<state>-<W>x<H>-<light|dark>.png for a person to look at. VODCONFIRM_SCREENSHOT=<path>
// renders the README's picture (the finished batch with failures, 1366x768, light).
// With VODCONFIRM_TEST_TRANSLATED=1 (tst_screens_zh_CN runs it under LANG=zh_CN.UTF-8) the app's
// translators are installed as at start-up, every state is checked in that language, the texts
// asserted are the Chinese ones, and the pictures are named <state>-zh_CN-...
class TestScreens : public QObject, private Test::MainWindowFixture
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void firstRun();
    void profileDialogNew();
    void profileDialogInvalid();
    void profileDialogCheckFailed();
    void profileDialogWithoutKeychain();
    void assetsQueued();
    void runningPausedStoppedAndOffered();
    void finishedWithFailures();
    void authenticationFailed();
    void historyWithRows();
    void stuckUploads();
    void uploads();
    void secretPrompt();
    void preferencesAboveTheStandardQuota();

private:
    template<typename T> T *find(QWidget *root, const QString &name) const
    {
        T *w = root->findChild<T *>(name);
        if (!w)
            qWarning("widget %s not found", qPrintable(name));
        return w;
    }
    void pasteAndAdd(const QStringList &ids);
    void runBatch(const QStringList &ids); // confirms them all and waits for the end
    ProfileDialog *openFirstRunDialog(); // "Create Profile…" on the first-run page
    void typeInto(QWidget *root, const QString &objectName, const QString &text);
    // Checks the state at every screen size and palette (problems are reported by cleanup(), all
    // states of a test function together) and saves the pictures when asked.
    void checkState(const QString &state);
    // The text expected in the language under test.
    QString expect(const QString &english, const QString &chinese) const
    {
        return m_language.isEmpty() ? english : chinese;
    }

    CredentialStore *m_credentials = nullptr; // Test::sharedCredentialStore()
    QStringList m_problems;
    QString m_language; // empty: English, the source language
};

namespace {

const QString ReadmeState = u"finished-with-failures"_s;
const QSize ReadmeSize(1366, 768);

} // namespace

void TestScreens::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // As the app does: the system's language (LANG, LC_ALL, LANGUAGE); in English that brings
    // the plural forms ("12 attempts", not "12 attempt(s)").
    const QString language = installTranslations().name();
    if (qEnvironmentVariableIntValue("VODCONFIRM_TEST_TRANSLATED")) {
        m_language = language;
        QCOMPARE(m_language, u"zh_CN"_s); // the only translation the expectations know
    }
    m_credentials = Test::sharedCredentialStore();
}

void TestScreens::cleanupTestCase() { }

void TestScreens::init()
{
    QVERIFY(setUp()); // one attempt a request: a failure is shown at once
}

// The layout problems of the states a test function reached are reported here, all at once, so
// one run names every problem of every state.
void TestScreens::cleanup()
{
    const QStringList problems = std::exchange(m_problems, {});
    tearDown();
    QVERIFY2(problems.isEmpty(),
             qPrintable(u"%1 layout problem(s):\n"_s.arg(problems.size()) + problems.join(u'\n')));
}

void TestScreens::pasteAndAdd(const QStringList &ids)
{
    auto *edit = find<QPlainTextEdit>(m_window.get(), u"pasteEdit"_s);
    auto *add = find<QPushButton>(m_window.get(), u"addIdsButton"_s);
    QVERIFY(edit && add);
    edit->setPlainText(ids.join(u'\n'));
    QTRY_VERIFY(add->isEnabled());
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_COMPARE(m_window->assetModel()->rowCount(), ids.size());
}

void TestScreens::runBatch(const QStringList &ids)
{
    pasteAndAdd(ids);
    QSignalSpy finished(m_window.get(), &MainWindow::batchFinished);
    m_window->findChild<QAction *>(u"confirmAction"_s)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
}

ProfileDialog *TestScreens::openFirstRunDialog()
{
    auto *page = find<FirstRunPage>(m_window.get(), u"firstRunPage"_s);
    if (!page || !page->isVisible())
        return nullptr;
    QTest::mouseClick(find<QPushButton>(page, u"firstRunCreateButton"_s), Qt::LeftButton);
    ProfileDialog *dialog = page->dialog();
    if (!dialog || !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    // What the dialog says about the keychain settles once the keychain answered.
    if (!QTest::qWaitFor([dialog] { return dialog->keychainState() != -1; }, 30000))
        return nullptr;
    return dialog;
}

void TestScreens::typeInto(QWidget *root, const QString &objectName, const QString &text)
{
    auto *edit = find<QLineEdit>(root, objectName);
    QVERIFY(edit);
    QVERIFY2(edit->isVisible(), qPrintable(objectName));
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    else
        QTest::keyClicks(edit, text);
    QCOMPARE(edit->text(), text);
}

void TestScreens::checkState(const QString &name)
{
    const QString readme
            = m_language.isEmpty() ? qEnvironmentVariable("VODCONFIRM_SCREENSHOT") : QString();
    const QString state = m_language.isEmpty() ? name : name + u'-' + m_language;
    Test::forEachScreen(m_window.get(), [&](const QSize &size, const QString &palette) {
        for (const QString &problem : Test::layoutProblems(m_window.get(), size))
            m_problems << u"%1, %2x%3, %4: %5"_s.arg(state)
                                  .arg(size.width())
                                  .arg(size.height())
                                  .arg(palette, problem);
        if (const QString path = Test::screenshotPath(state, size, palette); !path.isEmpty())
            QVERIFY2(Test::renderScreen(m_window.get()).save(path), qPrintable(path));
        if (!readme.isEmpty() && state == ReadmeState && size == ReadmeSize
            && palette == u"light"_s) {
            QVERIFY2(Test::renderScreen(m_window.get()).save(readme), qPrintable(readme));
            qInfo("README screenshot written to %s", qPrintable(readme));
        }
    });
}

// --- the states ---------------------------------------------------------------------------

void TestScreens::firstRun()
{
    QVERIFY(showWindow(m_credentials));
    QVERIFY(find<QWidget>(m_window.get(), u"firstRunPage"_s)->isVisible());
    QStringList menus;
    for (const QAction *menu : m_window->menuBar()->actions())
        menus << menu->text();
    QCOMPARE(menus,
             expect(u"&File &Edit &Batch &Help"_s, u"文件(&F) 编辑(&E) 批次(&B) 帮助(&H)"_s)
                     .split(u' '));
    QCOMPARE(m_window->findChild<QAction *>(u"confirmAction"_s)->text(),
             expect(u"&Confirm"_s, u"确认(&C)"_s));
    checkState(u"first-run"_s);
}

void TestScreens::profileDialogNew()
{
    QVERIFY(showWindow(m_credentials));
    ProfileDialog *dialog = openFirstRunDialog();
    QVERIFY(dialog);
    QCOMPARE(find<QLineEdit>(dialog, u"profileName"_s)->text(), u"default"_s);
    QCOMPARE(dialog->windowTitle(), expect(u"Connection Profiles"_s, u"连接配置"_s));
    QCOMPARE(find<QPushButton>(dialog, u"profileCheckButton"_s)->text(),
             expect(u"C&heck Connection"_s, u"检查连接(&H)"_s));
    checkState(u"profile-new"_s);
}

void TestScreens::profileDialogInvalid()
{
    QVERIFY(showWindow(m_credentials));
    ProfileDialog *dialog = openFirstRunDialog();
    QVERIFY(dialog);
    typeInto(dialog, u"profileName"_s, u"production"_s);
    typeInto(dialog, u"profileProjectId"_s, u"not a project!"_s);
    auto *problem = find<QLabel>(dialog, u"profileProblem"_s);
    QTRY_VERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(expect(u"project ID"_s, u"项目ID"_s)),
             qPrintable(problem->text()));
    QVERIFY(!find<QPushButton>(dialog, u"profileSaveButton"_s)->isEnabled());
    checkState(u"profile-invalid"_s);
}

void TestScreens::profileDialogCheckFailed()
{
    QVERIFY(showWindow(m_credentials));
    ProfileDialog *dialog = openFirstRunDialog();
    QVERIFY(dialog);
    typeInto(dialog, u"profileName"_s, u"loopback"_s);
    auto *region = find<QComboBox>(dialog, u"profileRegion"_s);
    region->setCurrentIndex(region->count() - 1); // custom endpoint
    typeInto(dialog, u"profileEndpoint"_s, m_server->url().toString());
    typeInto(dialog, u"profileProjectId"_s, m_server->config().projectId);
    typeInto(dialog, u"profileAccessKey"_s, m_server->config().accessKey);
    typeInto(dialog, u"profileSecretKey"_s, u"WrongSecretKey000000000000000000000000000"_s);
    QSignalSpy checked(dialog, &ProfileDialog::connectionChecked);
    QTest::mouseClick(find<QPushButton>(dialog, u"profileCheckButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 20000);
    QVERIFY(!checked.at(0).at(0).toBool());
    QVERIFY2(checked.at(0).at(1).toString().contains(
                     expect(u"secret key (SK) is wrong"_s, u"秘密访问密钥（SK）错误"_s)),
             qPrintable(checked.at(0).at(1).toString()));
    checkState(u"profile-check-failed"_s);
}

// Run by tst_screens_no_keychain with no D-Bus session (VODCONFIRM_EXPECT_NO_KEYCHAIN=1); in a
// session with a keychain there is nothing to see.
void TestScreens::profileDialogWithoutKeychain()
{
    QVERIFY(showWindow(m_credentials));
    ProfileDialog *dialog = openFirstRunDialog();
    QVERIFY(dialog);
    if (dialog->keychainState() == 1 && !qEnvironmentVariableIsSet("VODCONFIRM_EXPECT_NO_KEYCHAIN"))
        QSKIP("a keychain is available here; tst_screens_no_keychain runs this without D-Bus");
    QCOMPARE(dialog->keychainState(), 0);
    const QString storage = find<QLabel>(dialog, u"profileSecretStorage"_s)->text();
    QVERIFY2(storage.contains(expect(u"No system keychain"_s, u"没有可用的系统钥匙串"_s)),
             qPrintable(storage));
    checkState(u"profile-no-keychain"_s);
}

void TestScreens::assetsQueued()
{
    QVERIFY(addProfile());
    QVERIFY(showWindow(m_credentials));
    const QStringList ids = Test::assetIds(36, 0x1000);
    pasteAndAdd(ids);
    QCOMPARE(m_window->assetModel()->count(Bucket::Queued), 36);
    // More text pasted, not added yet: the panel counts it first.
    auto *summary = find<QLabel>(m_window.get(), u"pasteSummaryLabel"_s);
    find<QPlainTextEdit>(m_window.get(), u"pasteEdit"_s)
            ->setPlainText(u"asset_id,name\n%1,a\n%2,b\n%2,again\n%3,known\n"
                           "f488337c31c8e4622f1590735b134c6,short\n"_s.arg(
                                   Test::assetIds(1, 0x2000).first(),
                                   Test::assetIds(1, 0x2001).first(), ids.first()));
    QTRY_VERIFY2(summary->text().contains(expect(u"Malformed: 1"_s, u"格式错误：1"_s)),
                 qPrintable(summary->text()));
    QVERIFY(find<QTreeWidget>(m_window.get(), u"malformedList"_s)->isVisible());
    checkState(u"assets-queued"_s);
}

void TestScreens::runningPausedStoppedAndOffered()
{
    QVERIFY(addProfile());
    QVERIFY(showWindow(m_credentials));
    // Slow answers keep rows in flight while the states are looked at; 40 assets, 4 at a time,
    // take about 20 s, far longer than the checks.
    m_server->config().latencyMs = 2000;
    pasteAndAdd(Test::assetIds(40, 0x3000));
    QSignalSpy finished(m_window.get(), &MainWindow::batchFinished);
    m_window->findChild<QAction *>(u"confirmAction"_s)->trigger();
    AssetTableModel *model = m_window->assetModel();
    // The first request goes out alone; then four are in flight.
    QTRY_VERIFY_WITH_TIMEOUT(
            model->count(Bucket::Confirmed) >= 1 && model->count(Bucket::Running) >= 2, 15000);
    QVERIFY(m_window->isRunning());
    checkState(u"running"_s);

    m_window->findChild<QAction *>(u"pauseAction"_s)->trigger();
    auto *progress = find<QLabel>(m_window.get(), u"progressLabel"_s);
    QTRY_VERIFY_WITH_TIMEOUT(
            model->count(Bucket::Running) == 0
                    && progress->text().startsWith(expect(u"Paused"_s, u"已暂停"_s)),
            15000);
    checkState(u"paused"_s);

    m_window->findChild<QAction *>(u"cancelAction"_s)->trigger();
    QTRY_COMPARE(finished.size(), 1); // while paused, the batch may end at once
    const BatchSummary summary = finished.first().first().value<BatchSummary>();
    QVERIFY(summary.confirmed > 0);
    QVERIFY(summary.notSent > 0);
    checkState(u"stopped"_s);

    // The next start offers the rest.
    m_server->config().latencyMs = 0;
    m_window.reset();
    QVERIFY(showWindow(m_credentials));
    QVERIFY(find<QWidget>(m_window.get(), u"resumeBar"_s)->isVisible());
    checkState(u"resume-bar"_s);
}

void TestScreens::finishedWithFailures()
{
    QVERIFY(addProfile());
    QVERIFY(showWindow(m_credentials));
    QStringList ids = Test::assetIds(20, 0x4000);
    const QStringList missing = Test::assetIds(3, 0x5000);
    const QStringList cancelled = Test::assetIds(3, 0x6000);
    const QString unavailable = Test::assetIds(1, 0x7000).first();
    for (const QString &id : missing)
        m_server->addMissingAsset(id); // 403 VOD.10062: does not exist
    m_server->config().assetInfoMissingIsError = true; // also to the state read before sending
    for (const QString &id : cancelled)
        m_server->setAssetStatus(id, u"CANCELLED"_s); // 403 VOD.10061: wrong state
    m_server->scriptAsset(unavailable, {Test::VodTestServer::Fault::Error503});
    ids << missing << cancelled << unavailable;
    runBatch(ids);
    AssetTableModel *model = m_window->assetModel();
    QCOMPARE(model->count(Bucket::Failed), 7);
    QCOMPARE(model->count(Bucket::Confirmed), 20);
    // The details pane shows the first failure, as after a click on it, and the failures are in
    // sight.
    auto *table = find<QTableView>(m_window.get(), u"assetTable"_s);
    const QModelIndex failure
            = m_window->assetProxy()->mapFromSource(model->index(model->rowOf(missing.first()), 0));
    table->selectionModel()->setCurrentIndex(failure, QItemSelectionModel::NoUpdate);
    table->scrollTo(failure, QAbstractItemView::PositionAtCenter);
    checkState(ReadmeState);
}

void TestScreens::authenticationFailed()
{
    QVERIFY(addProfile());
    m_sessionCredentials.secretKey = u"not-the-secret-key"_s;
    QVERIFY(showWindow(m_credentials));
    QSignalSpy shown(m_window.get(), &MainWindow::messageShown);
    runBatch(Test::assetIds(12, 0x8000));
    QCOMPARE(shown.size(), 1);
    // The state read before sending is refused: nothing is sent.
    QCOMPARE(m_window->assetModel()->count(Bucket::NotSent), 12);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(u"errorMessageBox"_s))
                && box->isVisible());
    checkState(u"authentication-failed"_s);
}

void TestScreens::historyWithRows()
{
    QVERIFY(addProfile());
    QVERIFY(showWindow(m_credentials));
    const QStringList missing = Test::assetIds(2, 0x9100);
    for (const QString &id : missing)
        m_server->addMissingAsset(id);
    m_server->config().assetInfoMissingIsError = true; // as the confirm would answer
    runBatch(Test::assetIds(10, 0x9000) + missing);
    auto *tabs = find<QTabWidget>(m_window.get(), u"mainTabs"_s);
    tabs->setCurrentWidget(find<QWidget>(m_window.get(), u"historyView"_s));
    QTest::mouseClick(find<QPushButton>(m_window.get(), u"historyRefreshButton"_s), Qt::LeftButton);
    auto *table = find<QTableView>(m_window.get(), u"historyTable"_s);
    QTRY_COMPARE(table->model()->rowCount(), 12);
    checkState(u"history"_s);
}

// The stuck uploads page: never listed, listing (rows arriving), stopped, listed (some rows sent
// to a batch, the filter on), the listing failing with rows kept, and nothing stuck.
void TestScreens::stuckUploads()
{
    QVERIFY(addProfile());
    QVERIFY(showWindow(m_credentials));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_server->seedListedAssets(1000, now.addDays(-80), now.addSecs(-90), 17);
    auto *tabs = find<QTabWidget>(m_window.get(), u"mainTabs"_s);
    auto *page = find<StuckPage>(m_window.get(), u"stuckPage"_s);
    QVERIFY(tabs && page);
    tabs->setCurrentWidget(page);
    checkState(u"stuck-never-listed"_s);

    // The first pages quickly, then slowly: the listing is looked at while it runs.
    QSignalSpy finished(page, &StuckPage::listingFinished);
    QTest::mouseClick(find<QPushButton>(page, u"stuckRefreshButton"_s), Qt::LeftButton);
    QTRY_VERIFY(page->model()->rowCount() >= 100);
    m_server->config().latencyMs = 60000;
    QVERIFY(page->isListing());
    checkState(u"stuck-listing"_s);
    QTest::mouseClick(find<QPushButton>(page, u"stuckStopButton"_s), Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 1);
    checkState(u"stuck-stopped"_s);

    m_server->config().latencyMs = 0;
    QTest::mouseClick(find<QPushButton>(page, u"stuckRefreshButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
    QCOMPARE(page->model()->rowCount(), 1000);
    // Three rows were sent to a batch (marked), and the age filter is on.
    auto *table = find<QTableView>(page, u"stuckTable"_s);
    auto *older = find<QComboBox>(page, u"stuckOlderThan"_s);
    older->setCurrentIndex(2); // 1 day
    QStringList sent;
    for (int r = 2; r < 5; ++r)
        sent << table->model()->index(r, 0).data().toString();
    page->model()->markSent(sent, TargetStatus::Cancelled);
    table->selectRow(6);
    checkState(u"stuck-listed"_s);
    older->setCurrentIndex(older->count() - 1); // custom hours
    checkState(u"stuck-custom-age"_s);
    older->setCurrentIndex(0);

    // The server stops accepting the profile's key after the first pages: the rows stay.
    m_server->config().latencyMs = 200;
    QTest::mouseClick(find<QPushButton>(page, u"stuckRefreshButton"_s), Qt::LeftButton);
    QTRY_VERIFY(page->model()->rowCount() >= 100);
    m_server->config().secretKey = u"AnotherSecretKey000000000000000000000001"_s;
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 30000);
    QVERIFY(!finished.last().first().value<StuckListSummary>().complete);
    QVERIFY(page->model()->rowCount() >= 100);
    // The error's message box (authentication) is not the subject here.
    checkState(u"stuck-failed"_s);

    // Nothing stuck in the range.
    m_server->config().latencyMs = 0;
    m_server->config().secretKey = m_sessionCredentials.secretKey;
    m_server->clearListedAssets();
    QTest::mouseClick(find<QPushButton>(page, u"stuckRefreshButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, 30000);
    QVERIFY(finished.last().first().value<StuckListSummary>().complete);
    QCOMPARE(page->model()->rowCount(), 0);
    checkState(u"stuck-nothing"_s);
}

// The Uploads tab: empty, the upload dialog with a refused file, uploads running with progress
// (one paused), and finished with a failure and a cancelled one.
void TestScreens::uploads()
{
    QVERIFY(addProfile());
    m_settings->setUploadPartSize(256 * 1024);
    // A request waiting behind the server's throttled reads may time out: sent again.
    m_settings->setMaxAttempts(5);
    QVERIFY(showWindow(m_credentials));
    auto *tabs = find<QTabWidget>(m_window.get(), u"mainTabs"_s);
    auto *page = find<UploadsPage>(m_window.get(), u"uploadsPage"_s);
    QVERIFY(tabs && page);
    tabs->setCurrentWidget(page);
    checkState(u"uploads-empty"_s);

    const auto makeFile = [this](const QString &name, qint64 size) {
        const QString path = m_dir->filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(QByteArray(size, 'v'));
        return path;
    };
    const QStringList files {makeFile(u"Opening ceremony, main stage (4K master).mp4"_s, 21 << 20),
                             makeFile(u"interview-raw.MOV"_s, 3 << 20),
                             makeFile(u"b-roll.mkv"_s, 2 << 20),
                             makeFile(u"subtitles.srt"_s, 2000)};
    m_window->uploadFiles(files);
    UploadDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<UploadDialog *>()) && dialog->isVisible());
    QCOMPARE(dialog->refusedCount(), 1);
    checkState(u"upload-dialog"_s);

    // Running: the server takes 512 KB/s; the second is paused.
    m_server->config().receiveBytesPerSecond = 512 * 1024;
    QTest::mouseClick(find<QPushButton>(dialog, u"uploadStartButton"_s), Qt::LeftButton);
    UploadTableModel *model = page->model();
    QTRY_COMPARE(model->rowCount(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(model->row(0).status.partsDone >= 2, 30000);
    auto *table = find<QTableView>(page, u"uploadTable"_s);
    table->selectRow(1);
    find<QPushButton>(page, u"uploadPauseButton"_s)->click();
    QTRY_COMPARE(model->row(1).status.phase, UploadStatus::Phase::Paused);
    table->selectRow(0);
    checkState(u"uploads-running"_s);

    // Finished: the first confirmed, the second cancelled, the third failed (VOD refused it).
    m_server->config().receiveBytesPerSecond = 0;
    table->selectRow(1);
    find<QPushButton>(page, u"uploadCancelButton"_s)->click();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(u"uploadCancelBox"_s))
                && box->isVisible());
    find<QPushButton>(box, u"uploadCancelYesButton"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(isFinishedUploadPhase(model->row(0).status.phase)
                                     && isFinishedUploadPhase(model->row(1).status.phase),
                             60000);
    m_server->scriptNextAnswer(
            Test::VodTestServer::Route::CreateAsset, 400,
            R"({"error_code":"VOD.10053","error_msg":"The request parameter is illegal: title"})");
    m_window->uploadFiles({makeFile(u"broken title.mp4"_s, 1000)});
    QTRY_VERIFY((dialog = m_window->findChild<UploadDialog *>()) && dialog->isVisible());
    QTest::mouseClick(find<QPushButton>(dialog, u"uploadStartButton"_s), Qt::LeftButton);
    QTRY_COMPARE(model->rowCount(), 4);
    QTRY_VERIFY_WITH_TIMEOUT(isFinishedUploadPhase(model->row(2).status.phase)
                                     && isFinishedUploadPhase(model->row(3).status.phase),
                             60000);
    QCOMPARE(model->row(3).status.phase, UploadStatus::Phase::Failed);
    QCOMPARE(model->row(0).status.phase, UploadStatus::Phase::Confirmed);
    table->selectRow(3);
    checkState(u"uploads-finished"_s);
}

void TestScreens::secretPrompt()
{
    QVERIFY(addProfile());
    m_sessionCredentials = {}; // the session knows no SK, the keychain holds none
    QVERIFY(showWindow(m_credentials));
    pasteAndAdd(Test::assetIds(3, 0x9000));
    m_window->findChild<QAction *>(u"confirmAction"_s)->trigger();
    SecretPrompt *prompt = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((prompt = m_window->findChild<SecretPrompt *>(u"secretPrompt"_s))
                                     && prompt->isVisible() && prompt->keychainState() != -1,
                             30000);
    checkState(u"secret-prompt"_s);
    prompt->reject();
}

void TestScreens::preferencesAboveTheStandardQuota()
{
    QVERIFY(addProfile());
    QVERIFY(showWindow(m_credentials));
    m_window->findChild<QAction *>(u"preferencesAction"_s)->trigger();
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QDialog *>(u"preferencesDialog"_s))
                && dialog->isVisible());
    find<QSpinBox>(dialog, u"preferencesRate"_s)->setValue(6000);
    QVERIFY(find<QLabel>(dialog, u"preferencesRateWarning"_s)->isVisible());
    checkState(u"preferences"_s);
    dialog->reject();
}

QTEST_MAIN(TestScreens)
#include "tst_screens.moc"
