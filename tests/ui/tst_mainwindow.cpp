#include "clirunner.h"
#include "layoutcheck.h"
#include "mainwindow.h"
#include "mainwindowfixture.h"
#include "models/assetfilterproxy.h"
#include "models/assettablemodel.h"
#include "pastepanel.h"
#include "secretprompt.h"
#include "settings/credentialstore.h"
#include "settings/settings.h"
#include "storage/historystore.h"
#include "testfixtures.h"
#include "vodtestserver.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>

using namespace VodConfirm;
using namespace Qt::StringLiterals;
using Column = AssetTableModel::Column;

// Real widgets, offscreen, against the loopback VOD server: IDs go in through the paste area, a
// batch runs over real sockets, outcomes and hints show per row, failures are retried, the view
// is exported and read back.
class TestMainWindow : public QObject, private Test::MainWindowFixture
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void pasteShowsCountsBeforeQueueing();
    void runShowsOutcomesRetriesAndExports();
    void importsFilesOffTheGuiThread();
    void largePasteIsParsedOffTheGuiThread();
    void authenticationFailureStopsAndExplains();
    void pauseThenStopLeavesUnsentAssets();
    void closingDuringARunAsksAndKeepsHistory();
    void tableShortcutsCopyAndRemove();
    void copyAsCommandAndSupportBundle();
    void layoutAndSortOrderPersist();
    void interruptedBatchIsOfferedAndResumed();
    void interruptedBatchCanBeDiscarded();
    void confirmedBeforeIsSkippedAndCanBeSentAnyway();
    void toolbarAndHelpMenu();
    void emptyTablesSayWhy();
    void missingSecretIsAskedInPlace();
    void promptCanRememberInTheKeychain();
    void tableFollowsRunningRows();
    void sendRemainingAfterStopLeavesNothingToResume();
    void preferencesSetTheNextBatchsPace();
    void checkFirstIsOnByDefault();
    void followShowsTheFinalState();

private:
    template<typename T> T *find(const QString &name) const
    {
        T *w = m_window->findChild<T *>(name);
        if (!w)
            qWarning("widget %s not found", qPrintable(name));
        return w;
    }
    QString cell(const QString &assetId, Column column, int role = Qt::DisplayRole) const;
    void pasteAndAdd(const QString &text);
    // Leaves a batch of kA, kB, kC in the history as a crashed run would: journaled, kA recorded
    // as confirmed, never finished, claimed by no live process.
    void leaveInterruptedBatch(const QString &batchId);
    // VODCONFIRM_SCREENSHOT_DIR=<dir>: renders the window as it is to <dir>/<name>-<size>-<light
    // or dark>.png at each screen size (Test::snapshot()), for a person to look at.
    void snapshot(const QString &name);
    // The secret prompt the window opened, once visible and its keychain check answered; null
    // if none showed within 30 s.
    SecretPrompt *waitForSecretPrompt();
};

static const QString kA = u"f488337c31c8e4622f1590735b134c65"_s;
static const QString kB = u"0f4d3f1f32ec353d8866f2d84a036124"_s;
static const QString kC = u"14d7b2faba0dddd6b4e8936272d6bc3f"_s;
static const QString kMissing = u"07ba4d46463355e800c2f42f628f0631"_s;
static const QString kKnown = u"a52ba84366abebb4c4614e1b16973549"_s;

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindow::init()
{
    // One attempt a request (setUp()): a 5xx fails at once, so "Retry failed" has work to do.
    QVERIFY(setUp());
    m_server->addMissingAsset(kMissing);
    // Its state read (before sending, on by default) gets VOD.10062, as its confirm would.
    m_server->config().assetInfoMissingIsError = true;
    QVERIFY(addProfile());
    QVERIFY(showWindow(nullptr));
}

void TestMainWindow::cleanup()
{
    tearDown();
}

void TestMainWindow::snapshot(const QString &name)
{
    QVERIFY(Test::snapshot(m_window.get(), name));
}

QString TestMainWindow::cell(const QString &assetId, Column column, int role) const
{
    AssetTableModel *model = m_window->assetModel();
    const int row = model->rowOf(assetId);
    if (row < 0)
        return u"<no row>"_s;
    return model->index(row, int(column)).data(role).toString();
}

void TestMainWindow::pasteAndAdd(const QString &text)
{
    auto *edit = find<QPlainTextEdit>(u"pasteEdit"_s);
    auto *add = find<QPushButton>(u"addIdsButton"_s);
    QVERIFY(edit && add);
    edit->setPlainText(text);
    QTRY_VERIFY(add->isEnabled());
    QTest::mouseClick(add, Qt::LeftButton);
}

void TestMainWindow::pasteShowsCountsBeforeQueueing()
{
    pasteAndAdd(kKnown);
    QCOMPARE(m_window->assetModel()->rowCount(), 1);

    auto *edit = find<QPlainTextEdit>(u"pasteEdit"_s);
    auto *summary = find<QLabel>(u"pasteSummaryLabel"_s);
    auto *malformed = find<QTreeWidget>(u"malformedList"_s);
    auto *add = find<QPushButton>(u"addIdsButton"_s);
    QVERIFY(edit && summary && malformed && add);
    // Three new IDs, one repeated within the text, one already in the table, one malformed.
    edit->setPlainText(u"asset_id,name\n%1,a\n%2,b\n%1,again\n%3,c\n%4,known\n"
                       "f488337c31c8e4622f1590735b134c6,short\n"_s.arg(kA, kB, kC, kKnown));
    QTRY_VERIFY2(summary->text().contains(u"New asset IDs: 3"_s), qPrintable(summary->text()));
    QVERIFY2(summary->text().contains(u"Duplicates in the text: 1"_s), qPrintable(summary->text()));
    QVERIFY2(summary->text().contains(u"Already in the table: 1"_s), qPrintable(summary->text()));
    QVERIFY2(summary->text().contains(u"Malformed: 1"_s), qPrintable(summary->text()));
    QVERIFY(malformed->isVisible());
    QCOMPARE(malformed->topLevelItemCount(), 1);
    QCOMPARE(malformed->topLevelItem(0)->text(0), u"7"_s);
    QCOMPARE(malformed->topLevelItem(0)->text(1), u"f488337c31c8e4622f1590735b134c6"_s);
    QVERIFY(!malformed->topLevelItem(0)->text(2).isEmpty()); // the reason
    // Nothing is queued before the user says so.
    QCOMPARE(m_window->assetModel()->rowCount(), 1);

    auto *status = find<QComboBox>(u"targetStatusCombo"_s);
    status->setCurrentIndex(status->findData(int(TargetStatus::Cancelled)));
    QVERIFY(add->isEnabled());
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(m_window->assetModel()->rowCount(), 4);
    QCOMPARE(cell(kB, Column::TargetStatus), u"CANCELLED"_s);
    QCOMPARE(cell(kKnown, Column::TargetStatus), u"CREATED"_s);
    QCOMPARE(cell(kB, Column::State), u"Queued"_s);
    QVERIFY(edit->toPlainText().isEmpty());
    QCOMPARE(find<QToolButton>(u"bucketQueued"_s)->text(), u"Queued (4)"_s);
}

void TestMainWindow::runShowsOutcomesRetriesAndExports()
{
    pasteAndAdd(QStringList {kA, kB, kC, kMissing}.join(u'\n'));
    QCOMPARE(m_window->assetModel()->rowCount(), 4);

    // The first request goes out alone (the engine probes): it meets a 503.
    m_server->scriptNext({Test::VodTestServer::Fault::Error503});
    QSignalSpy finished(m_window.get(), &MainWindow::batchFinished);
    auto *confirm = m_window->findChild<QAction *>(u"confirmAction"_s);
    QVERIFY(confirm->isEnabled());
    auto *table = find<QTableView>(u"assetTable"_s);
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(m_window->isRunning());
    QVERIFY(finished.wait(20000));
    QVERIFY(!m_window->isRunning());

    QCOMPARE(cell(kA, Column::State), u"Failed"_s);
    QCOMPARE(cell(kA, Column::HttpStatus), u"503"_s);
    QCOMPARE(cell(kB, Column::State), u"Confirmed"_s);
    QCOMPARE(cell(kB, Column::HttpStatus), u"200"_s);
    QCOMPARE(cell(kC, Column::State), u"Confirmed"_s);
    QCOMPARE(cell(kMissing, Column::State), u"Failed"_s);
    QCOMPARE(cell(kMissing, Column::ErrorCode), u"VOD.10062"_s);
    QVERIFY(cell(kMissing, Column::ErrorMessage).contains(u"does not exist"_s));
    QVERIFY(!cell(kMissing, Column::RequestId).isEmpty());
    const QString tip = cell(kMissing, Column::ErrorMessage, Qt::ToolTipRole);
    QVERIFY2(tip.contains(u"check the ID"_s) || tip.contains(u"check the asset ID"_s),
             qPrintable(tip));
    QCOMPARE(find<QToolButton>(u"bucketConfirmed"_s)->text(), u"Confirmed (2)"_s);
    QCOMPARE(find<QToolButton>(u"bucketFailed"_s)->text(), u"Failed (2)"_s);
    QVERIFY(find<QLabel>(u"progressLabel"_s)->text().contains(u"2 confirmed"_s));

    // The details pane shows the server's words and the hint for the current row.
    const QModelIndex missing = m_window->assetProxy()->mapFromSource(
            m_window->assetModel()->index(m_window->assetModel()->rowOf(kMissing), 0));
    table->setCurrentIndex(missing);
    const QString details = find<QTextBrowser>(u"detailsPane"_s)->toPlainText();
    QVERIFY2(details.contains(u"VOD.10062"_s), qPrintable(details));
    QVERIFY2(details.contains(u"Media asset or resource does not exist"_s), qPrintable(details));
    QVERIFY2(details.contains(u"region"_s), qPrintable(details));
    // What to do comes before the server's words, so it is in sight without scrolling.
    QVERIFY2(details.indexOf(u"Hint:"_s) < details.indexOf(u"Message:"_s), qPrintable(details));
    QVERIFY(details.indexOf(u"Hint:"_s) >= 0);
    table->clearSelection();

    // Retry failed: only the retryable failure goes out again; VOD.10062 needs a fix first.
    const int confirmsBefore = m_server->counters().confirmRequestsTotal();
    m_window->findChild<QAction *>(u"retryAction"_s)->trigger();
    QVERIFY(finished.wait(20000));
    QCOMPARE(m_server->counters().confirmRequestsTotal(), confirmsBefore + 1);
    QCOMPARE(cell(kA, Column::State), u"Confirmed"_s);
    QCOMPARE(cell(kMissing, Column::State), u"Failed"_s);
    QCOMPARE(find<QToolButton>(u"bucketFailed"_s)->text(), u"Failed (1)"_s);

    // Export the view, then only the failed bucket, and read both back.
    const QString all = m_dir->filePath(u"all.csv"_s);
    QString error;
    QVERIFY2(m_window->exportView(all, &error), qPrintable(error));
    QFile file(all);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    file.close();
    QCOMPARE(lines.size(), 6); // header + 4 rows + the empty piece after the last CRLF
    QVERIFY(lines.at(0).startsWith("Asset ID,Target status,State,HTTP,Error code"));
    QVERIFY(lines.at(0).endsWith("\r"));
    bool sawMissing = false;
    for (const QByteArray &line : lines) {
        if (line.startsWith(kMissing.toLatin1())) {
            sawMissing = true;
            QVERIFY2(line.contains(",Failed,403,VOD.10062,"), line.constData());
            // The server's message has a comma, so RFC 4180 quotes it.
            QVERIFY2(line.contains(",\"Media asset or resource does not exist, please check.\","),
                     line.constData());
        }
    }
    QVERIFY(sawMissing);

    QTest::mouseClick(find<QToolButton>(u"bucketFailed"_s), Qt::LeftButton);
    QCOMPARE(m_window->assetProxy()->rowCount(), 1);
    const QString failed = m_dir->filePath(u"failed.csv"_s);
    QVERIFY(m_window->exportView(failed, &error));
    QFile failedFile(failed);
    QVERIFY(failedFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> failedLines = failedFile.readAll().trimmed().split('\n');
    QCOMPARE(failedLines.size(), 2);
    QVERIFY(failedLines.at(1).startsWith(kMissing.toLatin1()));
    QTest::mouseClick(find<QToolButton>(u"bucketAll"_s), Qt::LeftButton);

    // Every attempt is in the history: 4 in the first batch, 1 in the retry.
    QVERIFY(m_history->flush(&error));
    QCOMPARE(m_history->count({}), 5);
}

void TestMainWindow::importsFilesOffTheGuiThread()
{
    const QString json = m_dir->filePath(u"assets.json"_s);
    QFile f(json);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(u"{\"assets\":[{\"asset_id\":\"%1\"},{\"asset_id\":\"%2\"},{\"asset_id\":\"nope\"}]}"_s
                    .arg(kA, kB)
                    .toUtf8());
    f.close();
    const QString log = m_dir->filePath(u"upload.log"_s);
    QFile g(log);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write(u"INFO uploaded %1\nINFO uploaded %2\n"_s.arg(kB, kC).toUtf8());
    g.close();

    PastePanel *panel = m_window->pastePanel();
    QSignalSpy ready(panel, &PastePanel::resultReady);
    m_window->importFiles({json, log});
    QVERIFY(panel->isParsing() || ready.size() == 1);
    QTRY_COMPARE(ready.size(), 1);
    QCOMPARE(panel->result().count(), 3);
    QCOMPARE(panel->result().duplicates, 1);
    QCOMPARE(panel->result().malformedTotal, 1);
    QVERIFY(find<QLabel>(u"pasteSourceLabel"_s)->text().contains(u"assets.json"_s));
    QTest::mouseClick(find<QPushButton>(u"addIdsButton"_s), Qt::LeftButton);
    QCOMPARE(m_window->assetModel()->assetIds(), (QStringList {kA, kB, kC}));

    // Dropping a file on the window imports it the same way.
    const QString txt = m_dir->filePath(u"more.txt"_s);
    QFile h(txt);
    QVERIFY(h.open(QIODevice::WriteOnly));
    h.write(u"%1\n%2\n"_s.arg(kA, kMissing).toUtf8());
    h.close();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(txt)});
    const QPoint pos = m_window->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QTRY_COMPARE(ready.size(), 2);
    QCOMPARE(panel->result().ids(), QStringList {kMissing});
    QCOMPARE(panel->result().alreadyKnown, 1);
}

void TestMainWindow::largePasteIsParsedOffTheGuiThread()
{
    // ~50 MB of log lines: 100,000 distinct IDs, each mentioned 15 times.
    QString text;
    text.reserve(52 * 1024 * 1024);
    for (int round = 0; round < 15; ++round) {
        for (int i = 0; i < 100000; ++i)
            text += u"2026-01-01 INFO uploaded %1\n"_s.arg(i, 32, 16, QChar(u'0'));
    }
    QVERIFY(text.size() > 40 * 1024 * 1024);
    PastePanel *panel = m_window->pastePanel();
    QSignalSpy ready(panel, &PastePanel::resultReady);
    QGuiApplication::clipboard()->setText(text);
    auto *table = find<QTableView>(u"assetTable"_s);
    table->setFocus();
    QTest::keyClick(table, Qt::Key_V, Qt::ControlModifier);
    // The call returned while the parse still runs, and the text was not put into the text area.
    QVERIFY(panel->isParsing());
    QVERIFY(find<QWidget>(u"parseProgress"_s)->isVisible());
    QVERIFY(find<QPlainTextEdit>(u"pasteEdit"_s)->toPlainText().isEmpty());
    QVERIFY(ready.wait(60000));
    QCOMPARE(panel->result().count(), 100000);
    QCOMPARE(panel->result().duplicates, 14 * 100000);
    QVERIFY(find<QLabel>(u"pasteSourceLabel"_s)->text().contains(u"clipboard"_s));
    QTest::mouseClick(find<QPushButton>(u"addIdsButton"_s), Qt::LeftButton);
    // Handed over in slices, one per event-loop turn, so the window keeps reacting.
    QCOMPARE(m_window->assetModel()->rowCount(), PastePanel::HandOverSlice);
    QTRY_COMPARE(m_window->assetModel()->rowCount(), 100000);
    QVERIFY(m_window->statusBar()->currentMessage().contains(QLocale().toString(100000)));
    QGuiApplication::clipboard()->clear();
}

void TestMainWindow::authenticationFailureStopsAndExplains()
{
    Credentials wrong;
    wrong.accessKey = m_server->config().accessKey;
    wrong.secretKey = u"not-the-secret-key"_s;
    m_window->setSessionCredentials(u"loopback"_s, wrong);
    // A confirm refused (a refused state read before sending: tst_confirmengine, tst_screens).
    m_settings->setCheckFirst(false);
    m_window->resize(1024, 640);
    pasteAndAdd(QStringList {kA, kB, kC}.join(u'\n'));
    QSignalSpy shown(m_window.get(), &MainWindow::messageShown);
    QSignalSpy finished(m_window.get(), &MainWindow::batchFinished);
    m_window->findChild<QAction *>(u"confirmAction"_s)->trigger();
    QVERIFY(finished.wait(20000));
    // Stopped after the first refusal: the others were never sent.
    const BatchSummary first = finished.first().first().value<BatchSummary>();
    QVERIFY(first.authStopped);
    QCOMPARE(m_server->counters().requests(Test::VodTestServer::Route::Confirm), 1);
    QCOMPARE(m_server->counters().authFailures, 1);
    QCOMPARE(first.requests, 1);
    QCOMPARE(first.notSent, 2);
    QVERIFY(!shown.isEmpty());
    QCOMPARE(shown.first().at(0).toString(), u"Authentication failed"_s);
    QCOMPARE(cell(kA, Column::State), u"Failed"_s);
    QCOMPARE(cell(kA, Column::ErrorCode), u"APIGW.0301"_s);
    QVERIFY(cell(kA, Column::ErrorMessage, Qt::ToolTipRole)
                    .contains(u"credentials were refused"_s));
    QCOMPARE(cell(kB, Column::State), u"Not sent"_s);
    QCOMPARE(find<QToolButton>(u"bucketNotSent"_s)->text(), u"Not sent (2)"_s);
    // The long advice does not widen the window (it once grew to 2,700 px, Stop off screen).
    QTest::qWait(50); // layout requests travel up the widget tree
    QCOMPARE(m_window->width(), 1024);
    QVERIFY2(m_window->minimumSizeHint().width() <= 1024,
             qPrintable(QString::number(m_window->minimumSizeHint().width())));
    auto *stop = find<QPushButton>(u"cancelButton"_s);
    QVERIFY(m_window->rect().contains(QRect(stop->mapTo(m_window.get(), QPoint()), stop->size())));
    QVERIFY(find<QLabel>(u"progressLabel"_s)->toolTip().contains(u"rejected"_s));
    snapshot(u"authentication-failed"_s);

    // With the right secret, "Send Remaining" sends the unsent ones, all of them even with only
    // one selected (an auth failure is not retryable as it is, so the refused one waits for "Retry
    // all failed").
    Credentials right = wrong;
    right.secretKey = m_server->config().secretKey;
    m_window->setSessionCredentials(u"loopback"_s, right);
    auto *sendRemaining = m_window->findChild<QAction *>(u"retryAction"_s);
    QCOMPARE(sendRemaining->text(), u"Send &Remaining (2)"_s);
    auto *table = find<QTableView>(u"assetTable"_s);
    table->selectRow(m_window->assetProxy()
                             ->mapFromSource(m_window->assetModel()->index(
                                     m_window->assetModel()->rowOf(kB), 0))
                             .row());
    sendRemaining->trigger();
    QVERIFY(finished.wait(20000));
    QCOMPARE(cell(kB, Column::State), u"Confirmed"_s);
    QCOMPARE(cell(kC, Column::State), u"Confirmed"_s);
    QCOMPARE(cell(kA, Column::State), u"Failed"_s);
    m_window->findChild<QAction *>(u"retryAllAction"_s)->trigger();
    QVERIFY(finished.wait(20000));
    QCOMPARE(cell(kA, Column::State), u"Confirmed"_s);
}

void TestMainWindow::pauseThenStopLeavesUnsentAssets()
{
    m_server->config().latencyMs = 100;
    m_settings->setConcurrency(1);
    const QStringList ids = Test::assetIds(12);
    pasteAndAdd(ids.join(u'\n'));
    QSignalSpy finished(m_window.get(), &MainWindow::batchFinished);
    m_window->findChild<QAction *>(u"confirmAction"_s)->trigger();
    auto *pause = find<QPushButton>(u"pauseButton"_s);
    auto *resume = find<QPushButton>(u"resumeButton"_s);
    auto *stop = find<QPushButton>(u"cancelButton"_s);
    QVERIFY(pause->isEnabled());
    QVERIFY(!resume->isEnabled());
    QTRY_VERIFY(m_server->counters().confirmRequestsTotal() >= 1);
    QTest::mouseClick(pause, Qt::LeftButton);
    QVERIFY(resume->isEnabled());
    QVERIFY(!pause->isEnabled());
    // Requests in flight finish; nothing new starts.
    QTRY_COMPARE(m_window->assetModel()->count(AssetTableModel::Bucket::Running), 0);
    QTRY_VERIFY(find<QLabel>(u"progressLabel"_s)->text().startsWith(u"Paused"_s));
    QVERIFY(find<QProgressBar>(u"batchProgress"_s)->text().startsWith(u"Paused"_s));
    const int sent = m_server->counters().confirmRequestsTotal();
    QVERIFY(sent < 12);
    QTest::mouseClick(resume, Qt::LeftButton);
    QTRY_VERIFY(m_server->counters().confirmRequestsTotal() > sent);
    QTest::mouseClick(stop, Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    const BatchSummary summary = finished.first().first().value<BatchSummary>();
    QCOMPARE(summary.total, 12);
    QVERIFY(summary.notSent > 0);
    QCOMPARE(summary.confirmed + summary.notSent + summary.failed, 12);
    QCOMPARE(m_window->assetModel()->count(AssetTableModel::Bucket::Confirmed), summary.confirmed);
    QCOMPARE(m_window->assetModel()->count(AssetTableModel::Bucket::NotSent), summary.notSent);
    QCOMPARE(m_server->counters().confirmRequestsTotal(), summary.confirmed + summary.failed);
    QVERIFY(summary.kept);
    QCOMPARE(summary.remaining, summary.notSent);
    // One name for what was not sent, and why ("Cancelled" is a target status).
    QCOMPARE(cell(ids.last(), Column::State), u"Not sent"_s);
    QCOMPARE(cell(ids.last(), Column::ErrorMessage), u"not sent: the batch was stopped"_s);

    // The next start offers the rest, which goes out once; nothing is sent twice.
    m_server->config().latencyMs = 0;
    m_window.reset();
    QVERIFY(showWindow(nullptr));
    QVERIFY(find<QWidget>(u"resumeBar"_s)->isVisible());
    QVERIFY2(find<QLabel>(u"resumeText"_s)->text().contains(u"stopped before all were sent"_s),
             qPrintable(find<QLabel>(u"resumeText"_s)->text()));
    snapshot(u"stopped-batch-offered"_s);
    QSignalSpy resumed(m_window.get(), &MainWindow::batchFinished);
    find<QAction>(u"resumeBatchAction"_s)->trigger();
    QVERIFY(resumed.wait(20000));
    for (const QString &id : std::as_const(ids))
        QCOMPARE(m_server->counters().confirmRequests.value(id), 1);
    QTRY_VERIFY(m_history->unfinishedBatches().isEmpty());
}

void TestMainWindow::closingDuringARunAsksAndKeepsHistory()
{
    m_server->config().latencyMs = 100;
    m_settings->setConcurrency(1);
    QStringList ids;
    for (int i = 1; i <= 8; ++i)
        ids << u"%1"_s.arg(i + 100, 32, 16, QChar(u'0'));
    pasteAndAdd(ids.join(u'\n'));
    QSignalSpy finished(m_window.get(), &MainWindow::batchFinished);
    m_window->findChild<QAction *>(u"confirmAction"_s)->trigger();
    QTRY_VERIFY(m_server->counters().confirmRequestsTotal() >= 1);

    // The question is modal: answer it "Stop and Close" from the event loop.
    bool asked = false;
    QTimer::singleShot(0, this, [&asked] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        QCOMPARE(box->objectName(), u"closeWhileRunningBox"_s);
        asked = true;
        QAbstractButton *stop = nullptr;
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                stop = b;
        }
        QVERIFY(stop); // (QMessageBox in Qt 6.4 drops its buttons' object names)
        stop->click();
    });
    QVERIFY(!m_window->close()); // not yet: the requests in flight finish first
    QVERIFY(asked);
    QVERIFY(finished.wait(20000));
    QTRY_VERIFY(!m_window->isVisible());
    const BatchSummary summary = finished.first().first().value<BatchSummary>();
    QVERIFY(summary.notSent > 0);
    // Nothing already sent is forgotten: one history row per asset (attempt or "not sent").
    QString error;
    QVERIFY(m_history->flush(&error));
    QCOMPARE(m_history->count({}), 8);
    HistoryFilter confirmed;
    confirmed.outcome = Outcome::Confirmed;
    QCOMPARE(m_history->count(confirmed), summary.confirmed);
}

void TestMainWindow::tableShortcutsCopyAndRemove()
{
    pasteAndAdd(QStringList {kA, kB, kC}.join(u'\n'));
    auto *table = find<QTableView>(u"assetTable"_s);
    table->setFocus();
    table->selectRow(1);
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), kB + u'\n');
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    const QStringList tsv = QGuiApplication::clipboard()->text().split(u'\n');
    QVERIFY(tsv.at(0).startsWith(u"Asset ID\tTarget status\tState"_s));
    QVERIFY(tsv.at(1).startsWith(kB + u"\tCREATED\tQueued"_s));
    QTest::keyClick(table, Qt::Key_Delete);
    QCOMPARE(m_window->assetModel()->assetIds(), (QStringList {kA, kC}));

    // Ctrl+V on the table reads the clipboard through the paste panel.
    QGuiApplication::clipboard()->setText(u"%1 %2"_s.arg(kB, kA));
    QSignalSpy ready(m_window->pastePanel(), &PastePanel::resultReady);
    table->setFocus();
    QTest::keyClick(table, Qt::Key_V, Qt::ControlModifier);
    QTRY_COMPARE(ready.size(), 1);
    QCOMPARE(m_window->pastePanel()->result().count(), 1);
    QCOMPARE(m_window->pastePanel()->result().alreadyKnown, 1);
}

// Copy as Command and Copy Support Bundle, from the asset table and the history, by key and
// from the menus: the copied vodconfirm line, run as is by the built binary, sends exactly that
// confirm; the bundle holds every attempt with its request ID and no secret.
void TestMainWindow::copyAsCommandAndSupportBundle()
{
    pasteAndAdd(QStringList {kA, kB, kMissing}.join(u'\n'));
    m_server->scriptAsset(kA, {Test::VodTestServer::Fault::Error503});
    QSignalSpy finished(m_window.get(), &MainWindow::batchFinished);
    m_window->findChild<QAction *>(u"confirmAction"_s)->trigger();
    QVERIFY(finished.wait(20000));
    QCOMPARE(cell(kA, Column::State), u"Failed"_s);
    QCOMPARE(cell(kMissing, Column::ErrorCode), u"VOD.10062"_s);

    auto *command = find<QAction>(u"copyCommandAction"_s);
    auto *bundle = find<QAction>(u"copyBundleAction"_s);
    auto *table = find<QTableView>(u"assetTable"_s);
    QVERIFY(command && bundle && table);
    // In the table's context menu and in the Edit menu, with icons; disabled with a reason.
    QVERIFY(table->actions().contains(command) && table->actions().contains(bundle));
    QMenu *edit = nullptr;
    for (QAction *menu : m_window->menuBar()->actions()) {
        if (menu->menu() && menu->menu()->actions().contains(command))
            edit = menu->menu();
    }
    QVERIFY(edit && edit->actions().contains(bundle));
    QVERIFY(!command->icon().isNull() && !bundle->icon().isNull());
    table->clearSelection();
    QVERIFY(!command->isEnabled() && !bundle->isEnabled());
    QVERIFY2(command->statusTip().contains(u"Select"_s), qPrintable(command->statusTip()));

    // The failed asset, by key, as a command.
    QGuiApplication::clipboard()->clear();
    table->setFocus();
    table->selectRow(m_window->assetProxy()
                             ->mapFromSource(m_window->assetModel()->index(
                                     m_window->assetModel()->rowOf(kA), 0))
                             .row());
    QVERIFY(command->isEnabled() && bundle->isEnabled());
    QTest::keyClick(table, Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
    const QString copied = QGuiApplication::clipboard()->text();
    const QString project = m_server->config().projectId;
    QCOMPARE(copied,
             u"printf '%s\\n' %1 | vodconfirm confirm --profile=loopback\n\n"
             "hcloud VOD ConfirmAssetUpload --project_id=\"%2\" --asset_id=\"%1\" "
             "--status=\"CREATED\"\n"_s.arg(kA, project));

    // Run as is, as a user would paste it into a shell: the same profile in the command line's
    // settings, the binary on PATH, the SK in the environment. The server gets that confirm.
    const QString binary = qEnvironmentVariable("VODCONFIRM_BINARY");
    if (!binary.isEmpty()) {
        Settings cliSettings(m_dir->filePath(u"config/vodconfirm/vodconfirm.ini"_s));
        QVERIFY(cliSettings.saveProfile(Test::loopbackProfile(*m_server)));
        QVERIFY(cliSettings.sync());
        QProcessEnvironment env = Test::CliRunner(*m_server, m_dir->path()).environment();
        env.insert(u"PATH"_s, QFileInfo(binary).absolutePath() + u':' + env.value(u"PATH"_s));
        QProcess sh;
        sh.setProcessEnvironment(env);
        const int before = m_server->counters().confirmRequestsTotal();
        sh.start(u"/bin/sh"_s, {u"-c"_s, copied.section(u'\n', 0, 0)});
        sh.closeWriteChannel();
        QSignalSpy shFinished(&sh, &QProcess::finished);
        QVERIFY(shFinished.wait(60000));
        QVERIFY2(sh.exitCode() == 0, sh.readAllStandardError().constData());
        QCOMPARE(m_server->counters().confirmRequestsTotal(), before + 1);
        QCOMPARE(m_server->counters().confirmRequests.value(kA), 2);
        QCOMPARE(m_server->assetStatus(kA), u"CREATED"_s);
    }

    // The missing asset's support bundle, from the Edit menu's action.
    table->selectRow(m_window->assetProxy()
                             ->mapFromSource(m_window->assetModel()->index(
                                     m_window->assetModel()->rowOf(kMissing), 0))
                             .row());
    bundle->trigger();
    const QString text = QGuiApplication::clipboard()->text();
    for (const QString &expected :
         {u"Asset "_s + kMissing, u"Error code: VOD.10062"_s, u"HTTP status: 403"_s,
          u"X-Request-Id: "_s + cell(kMissing, Column::RequestId),
          u"Endpoint: "_s + m_server->url().toString(), u"Project ID: "_s + project,
          u"Auth mode: AK/SK"_s, u"Attempts: 1 "_s})
        QVERIFY2(text.contains(expected), qPrintable(expected + u"\n"_s + text));
    QVERIFY(!text.contains(m_server->config().secretKey));

    // The history: its rows as they were recorded, by key and in its context menu.
    auto *tabs = find<QTabWidget>(u"mainTabs"_s);
    auto *history = find<QTableView>(u"historyTable"_s);
    QVERIFY(tabs && history);
    auto *historyView = find<QWidget>(u"historyView"_s);
    tabs->setCurrentWidget(historyView);
    historyView->findChild<QPushButton *>(u"historyRefreshButton"_s)->click();
    QTRY_VERIFY(history->model()->rowCount() >= 3);
    history->clearSelection();
    QVERIFY(!command->isEnabled());
    history->setFocus();
    history->selectAll();
    QVERIFY(command->isEnabled());
    QTest::keyClick(history, Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
    const QString all = QGuiApplication::clipboard()->text();
    QVERIFY2(all.startsWith(u"printf '%s\\n' "_s) && all.contains(kB) && all.contains(kMissing)
                     && all.contains(u" | vodconfirm confirm --profile=loopback\n"_s),
             qPrintable(all));
    QCOMPARE(all.count(u"hcloud VOD ConfirmAssetUpload"_s), 3); // one per asset
    QTest::keyClick(history, Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(QGuiApplication::clipboard()->text().contains(u"Asset "_s + kB));

    QStringList offered;
    QTimer::singleShot(0, this, [&offered] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        for (QAction *a : menu->actions())
            offered << a->objectName();
        if (const QString path
            = Test::screenshotPath(u"history-context-menu"_s, menu->size(), u"light"_s);
            !path.isEmpty())
            menu->grab().save(path);
        menu->close();
    });
    emit history->customContextMenuRequested(history->visualRect(history->currentIndex()).center());
    QVERIFY2(offered.contains(u"copyCommandAction"_s) && offered.contains(u"copyBundleAction"_s),
             qPrintable(offered.join(u' ')));

    // The Edit menu as it shows.
    tabs->setCurrentWidget(find<QWidget>(u"assetsPage"_s));
    edit->popup(m_window->mapToGlobal(QPoint(40, 40)));
    QTRY_VERIFY(edit->isVisible());
    if (const QString path = Test::screenshotPath(u"edit-menu"_s, edit->size(), u"light"_s);
        !path.isEmpty())
        edit->grab().save(path);
    edit->close();
}

void TestMainWindow::layoutAndSortOrderPersist()
{
    auto *table = find<QTableView>(u"assetTable"_s);
    table->sortByColumn(int(Column::State), Qt::DescendingOrder);
    table->setColumnWidth(int(Column::ErrorCode), 177);
    m_window->resize(1234, 655);
    QVERIFY(m_window->close());
    m_window.reset();
    QVERIFY(showWindow(nullptr));
    table = find<QTableView>(u"assetTable"_s);
    QCOMPARE(table->horizontalHeader()->sortIndicatorSection(), int(Column::State));
    QCOMPARE(table->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(table->columnWidth(int(Column::ErrorCode)), 177);
    QCOMPARE(m_window->size(), QSize(1234, 655));
    QCOMPARE(find<QComboBox>(u"profileCombo"_s)->currentData().toString(), u"loopback"_s);

    // Every interactive widget can be found by name and has an accessible name.
    for (QWidget *w : m_window->findChildren<QWidget *>()) {
        if (!(qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w)
              || qobject_cast<QLineEdit *>(w) || qobject_cast<QAbstractItemView *>(w)
              || qobject_cast<QPlainTextEdit *>(w)))
            continue;
        if (w->parent() && qobject_cast<QAbstractItemView *>(w->parentWidget()))
            continue; // editors and corner buttons owned by views
        if (w->objectName().startsWith(u"qt_"_s) || !w->isVisibleTo(m_window.get()))
            continue;
        QVERIFY2(!w->objectName().isEmpty(),
                 qPrintable(QString::fromLatin1(w->metaObject()->className()) + u" in "_s
                            + QString::fromLatin1(w->parentWidget()->metaObject()->className())
                            + u' ' + w->parentWidget()->objectName()));
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
}

QTEST_MAIN(TestMainWindow)
void TestMainWindow::leaveInterruptedBatch(const QString &batchId)
{
    HistoryStore crashed;
    QVERIFY(crashed.open(m_history->path()));
    BatchInfo batch;
    batch.id = batchId;
    batch.startedAt = QDateTime::currentDateTimeUtc();
    batch.profile = u"loopback"_s;
    batch.projectId = m_server->config().projectId;
    batch.total = 3;
    QVERIFY(crashed.journalBatch(
            batch, {{kA, u"CREATED"_s, {}}, {kB, u"CREATED"_s, {}}, {kC, u"CREATED"_s, {}}}));
    HistoryRecord confirmed;
    confirmed.batchId = batchId;
    confirmed.assetId = kA;
    confirmed.targetStatus = u"CREATED"_s;
    confirmed.outcome = Outcome::Confirmed;
    crashed.append(confirmed);
    QVERIFY(crashed.flush());
}

void TestMainWindow::interruptedBatchIsOfferedAndResumed()
{
    leaveInterruptedBatch(u"crashed-run"_s);
    m_server->setAssetStatus(kA, u"CREATED"_s);
    m_server->setAssetStatus(kB, u"CREATED"_s); // confirmed, but the crash lost its row
    m_window.reset();
    QVERIFY(showWindow(nullptr)); // the next start

    auto *bar = find<QWidget>(u"resumeBar"_s);
    QVERIFY(bar && bar->isVisible());
    QVERIFY(find<QLabel>(u"resumeText"_s)->text().contains(u"did not finish"_s));
    auto *resume = find<QAction>(u"resumeBatchAction"_s);
    QVERIFY(resume->isEnabled());
    QVERIFY(!resume->shortcut().isEmpty());
    QSignalSpy finished(m_window.get(), &MainWindow::batchFinished);
    QSignalSpy started(m_window.get(), &MainWindow::batchStarted);
    resume->trigger();
    QVERIFY(finished.wait(15000));
    QCOMPARE(started.first().first().toString(), u"crashed-run"_s);
    QVERIFY(!bar->isVisible());

    // kA was settled before the crash, kB is found confirmed, only kC is sent.
    const Test::VodTestServer::Counters &c = m_server->counters();
    QCOMPARE(c.confirmRequests.value(kA), 0);
    QCOMPARE(c.confirmRequests.value(kB), 0);
    QCOMPARE(c.confirmRequests.value(kC), 1);
    QCOMPARE(c.requests(Test::VodTestServer::Route::AssetInfo), 1);
    AssetTableModel *model = m_window->assetModel();
    QCOMPARE(model->rowOf(kA), -1);
    QCOMPARE(model->row(model->rowOf(kB)).state, AssetState::Confirmed);
    QCOMPARE(model->row(model->rowOf(kC)).state, AssetState::Confirmed);
    QCOMPARE(cell(kB, Column::ErrorMessage), u"confirmed (verified)"_s);

    // The batch is finished in the history, and not offered again.
    QTRY_VERIFY(m_history->unfinishedBatches().isEmpty());
    QVERIFY(m_history->batch(u"crashed-run"_s)->finishedAt.isValid());
    m_window.reset();
    QVERIFY(showWindow(nullptr));
    QVERIFY(!find<QWidget>(u"resumeBar"_s)->isVisible());
}

void TestMainWindow::interruptedBatchCanBeDiscarded()
{
    leaveInterruptedBatch(u"crashed-run"_s);
    m_window->checkInterruptedBatches();
    QVERIFY(find<QWidget>(u"resumeBar"_s)->isVisible());
    find<QPushButton>(u"discardBatchButton"_s)->click();
    QVERIFY(!find<QWidget>(u"resumeBar"_s)->isVisible());
    QVERIFY(m_history->unfinishedBatches().isEmpty());
    QCOMPARE(m_server->counters().totalRequests, 0);
    QCOMPARE(m_window->assetModel()->rowCount(), 0);
}

void TestMainWindow::confirmedBeforeIsSkippedAndCanBeSentAnyway()
{
    pasteAndAdd(kA + u'\n' + kB);
    QSignalSpy finished(m_window.get(), &MainWindow::batchFinished);
    find<QAction>(u"confirmAction"_s)->trigger();
    QVERIFY(finished.wait(15000));
    QTRY_COMPARE(m_history->count(), qint64(2));

    // A new session gets the same IDs (and one more): the history knows kA and kB are done.
    m_window.reset();
    QVERIFY(showWindow(nullptr));
    m_server->reset();
    pasteAndAdd(kA + u'\n' + kB + u'\n' + kC);
    QSignalSpy second(m_window.get(), &MainWindow::batchFinished);
    find<QAction>(u"confirmAction"_s)->trigger();
    QVERIFY(second.wait(15000));
    QCOMPARE(second.first().first().value<BatchSummary>().skipped, 2);
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 1);
    AssetTableModel *model = m_window->assetModel();
    QCOMPARE(model->row(model->rowOf(kA)).state, AssetState::Skipped);
    QCOMPARE(cell(kA, Column::State), u"Confirmed before"_s);
    QVERIFY(cell(kA, Column::ErrorMessage).contains(u"already confirmed"_s));
    QCOMPARE(model->count(AssetTableModel::Bucket::Confirmed), 3);
    snapshot(u"skipped"_s);

    // At 1366 px the request ID (what support asks for) is shown whole, on screen.
    m_window->resize(1366, 768);
    QCoreApplication::processEvents();
    auto *table = find<QTableView>(u"assetTable"_s);
    const int column = int(Column::RequestId);
    const QString requestId = cell(kC, Column::RequestId);
    QCOMPARE(requestId.size(), 32);
    QVERIFY(table->columnWidth(column) > table->fontMetrics().horizontalAdvance(requestId));
    QVERIFY(table->columnViewportPosition(column) + table->columnWidth(column)
            <= table->viewport()->width());

    // Confirm Again Anyway sends the skipped ones (the server says they are confirmed).
    auto *again = find<QAction>(u"confirmAgainAction"_s);
    QVERIFY(again->isEnabled());
    QSignalSpy third(m_window.get(), &MainWindow::batchFinished);
    again->trigger();
    QVERIFY(third.wait(15000));
    QCOMPARE(m_server->counters().confirmRequests.value(kA), 1);
    QCOMPARE(m_server->counters().confirmRequests.value(kB), 1);
    QCOMPARE(m_server->counters().confirmRequests.value(kC), 1);
    QCOMPARE(model->row(model->rowOf(kA)).state, AssetState::Confirmed);
    QVERIFY(!again->isEnabled());
}

void TestMainWindow::toolbarAndHelpMenu()
{
    // Pause, Resume and Stop are on the toolbar, with icons, like every toolbar action.
    auto *toolbar = find<QToolBar>(u"mainToolBar"_s);
    QStringList onToolbar;
    for (QAction *a : toolbar->actions()) {
        if (!a->objectName().isEmpty()) {
            onToolbar << a->objectName();
            QVERIFY2(!a->icon().isNull(), qPrintable(a->objectName()));
        }
    }
    for (const QString &name : {u"confirmAction"_s, u"retryAction"_s, u"pauseAction"_s,
                                u"resumeAction"_s, u"cancelAction"_s})
        QVERIFY2(onToolbar.contains(name), qPrintable(onToolbar.join(u' ')));

    // F1 opens the user guide (tst_userguide); Ctrl+F1 lists every action that has a key, from
    // the actions themselves.
    QCOMPARE(find<QAction>(u"userGuideAction"_s)->shortcut(),
             QKeySequence(QKeySequence::HelpContents));
    auto *shortcuts = find<QAction>(u"shortcutsAction"_s);
    QCOMPARE(shortcuts->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_F1));
    shortcuts->trigger();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(u"shortcutsBox"_s)) && box->isVisible());
    for (QAction *a : m_window->findChildren<QAction *>()) { // the pages' too
        if (!a->shortcut().isEmpty())
            QVERIFY2(box->text().contains(a->shortcut().toString(QKeySequence::NativeText)),
                     qPrintable(a->text()));
    }
    QVERIFY2(box->text().contains(u"Search the history"_s), qPrintable(box->text()));
    box->close();
    QVERIFY(find<QAction>(u"aboutAction"_s));
}

void TestMainWindow::emptyTablesSayWhy()
{
    auto *empty = find<QLabel>(u"assetTableEmptyState"_s);
    QVERIFY(empty && empty->isVisible());
    QVERIFY2(empty->text().contains(u"Paste asset IDs"_s), qPrintable(empty->text()));
    pasteAndAdd(kA);
    QVERIFY(!empty->isVisible());
    QTest::mouseClick(find<QToolButton>(u"bucketFailed"_s), Qt::LeftButton);
    QTRY_VERIFY(empty->isVisible());
    QVERIFY2(empty->text().contains(u"No asset in this view"_s), qPrintable(empty->text()));
    QTest::mouseClick(find<QToolButton>(u"bucketAll"_s), Qt::LeftButton);
    QTRY_VERIFY(!empty->isVisible());
}

SecretPrompt *TestMainWindow::waitForSecretPrompt()
{
    SecretPrompt *prompt = nullptr;
    const bool shown = QTest::qWaitFor(
            [&] {
                prompt = m_window->findChild<SecretPrompt *>(u"secretPrompt"_s);
                return prompt && prompt->isVisible() && prompt->keychainState() != -1;
            },
            30000);
    return shown ? prompt : nullptr;
}

void TestMainWindow::missingSecretIsAskedInPlace()
{
    // The session knows the profile's AK but not its SK, and there is no keychain to ask.
    m_window
            = std::make_unique<MainWindow>(m_nam.get(), m_settings.get(), nullptr, m_history.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    pasteAndAdd(QStringList {kA, kB}.join(u'\n'));
    auto *confirm = m_window->findChild<QAction *>(u"confirmAction"_s);

    // Cancel: nothing is sent, the rows wait, the window can start again.
    confirm->trigger();
    SecretPrompt *prompt = waitForSecretPrompt();
    QVERIFY(prompt);
    QVERIFY(prompt->windowTitle().contains(u"loopback"_s));
    auto *remember = prompt->findChild<QCheckBox *>(u"secretPromptRemember"_s);
    QVERIFY(!remember->isEnabled()); // no keychain: an option that cannot work is off
    QVERIFY(!remember->isChecked());
    const QString note = prompt->findChild<QLabel *>(u"secretPromptNote"_s)->text();
    QVERIFY2(note.contains(u"until you quit"_s), qPrintable(note));
    auto *ok = prompt->findChild<QPushButton *>(u"secretPromptOk"_s);
    QVERIFY(!ok->isEnabled());
    QVERIFY(!prompt->findChild<QLineEdit *>(u"secretPromptToken"_s)->isVisibleTo(prompt));
    QTest::keyClick(prompt, Qt::Key_Escape);
    QTRY_VERIFY(!m_window->findChild<SecretPrompt *>(u"secretPrompt"_s));
    QVERIFY(!m_window->isRunning());
    QVERIFY(confirm->isEnabled());
    QCOMPARE(m_server->counters().totalRequests, 0);
    QCOMPARE(cell(kA, Column::State), u"Queued"_s);

    // Typed in place: the batch goes on with it, and the session keeps it.
    confirm->trigger();
    prompt = waitForSecretPrompt();
    QVERIFY(prompt);
    auto *sk = prompt->findChild<QLineEdit *>(u"secretPromptSecretKey"_s);
    QCOMPARE(prompt->focusWidget(), sk); // typing goes straight into it
    QCOMPARE(sk->echoMode(), QLineEdit::Password);
    QTest::keyClicks(sk, m_server->config().secretKey);
    QVERIFY(prompt->findChild<QPushButton *>(u"secretPromptOk"_s)->isEnabled());
    QSignalSpy finished(m_window.get(), &MainWindow::batchFinished);
    QTest::keyClick(sk, Qt::Key_Return);
    QVERIFY(finished.wait(20000));
    QCOMPARE(cell(kA, Column::State), u"Confirmed"_s);
    QCOMPARE(cell(kB, Column::State), u"Confirmed"_s);

    pasteAndAdd(kC);
    confirm->trigger();
    QVERIFY(finished.wait(20000));
    QVERIFY(!m_window->findChild<SecretPrompt *>(u"secretPrompt"_s));
    QCOMPARE(cell(kC, Column::State), u"Confirmed"_s);
}

void TestMainWindow::promptCanRememberInTheKeychain()
{
    // The real keychain (QtKeychain); the profile stores nothing yet.
    CredentialStore *store = Test::sharedCredentialStore();
    Profile profile = *m_settings->profile(u"loopback"_s);
    profile.rememberSecrets = false;
    QVERIFY(m_settings->saveProfile(profile));
    m_sessionCredentials = {}; // the session knows no SK
    QVERIFY(showWindow(store));
    pasteAndAdd(kA);
    m_window->findChild<QAction *>(u"confirmAction"_s)->trigger();
    SecretPrompt *prompt = waitForSecretPrompt();
    QVERIFY(prompt);
    if (prompt->keychainState() != 1) {
        if (qEnvironmentVariableIsSet("VODCONFIRM_EXPECT_KEYCHAIN"))
            QFAIL("the test keyring is not reachable");
        QSKIP("no system keychain in this session");
    }
    auto *remember = prompt->findChild<QCheckBox *>(u"secretPromptRemember"_s);
    QVERIFY(remember->isEnabled());
    QVERIFY(!remember->isChecked()); // the profile chose not to remember
    remember->setChecked(true);
    QTest::keyClicks(prompt->findChild<QLineEdit *>(u"secretPromptSecretKey"_s),
                     m_server->config().secretKey);
    QSignalSpy finished(m_window.get(), &MainWindow::batchFinished);
    QTest::mouseClick(prompt->findChild<QPushButton *>(u"secretPromptOk"_s), Qt::LeftButton);
    QVERIFY(finished.wait(30000));
    QCOMPARE(cell(kA, Column::State), u"Confirmed"_s);
    const CredentialStore::ReadResult read
            = store->readBlocking(u"loopback"_s, SecretKind::SecretKey);
    store->removeAllBlocking(u"loopback"_s);
    QVERIFY2(read.ok, qPrintable(read.error));
    QCOMPARE(read.value, m_server->config().secretKey);
    QVERIFY(m_settings->profile(u"loopback"_s)->rememberSecrets);
}

void TestMainWindow::tableFollowsRunningRows()
{
    m_window->resize(1024, 640);
    const QStringList ids = Test::assetIds(120);
    pasteAndAdd(ids.join(u'\n'));
    auto *table = find<QTableView>(u"assetTable"_s);
    QCOMPARE(table->verticalScrollBar()->value(), 0);
    auto *follow = m_window->findChild<QAction *>(u"followAction"_s);
    QVERIFY(follow->isCheckable() && follow->isChecked()); // on by default
    QSignalSpy finished(m_window.get(), &MainWindow::batchFinished);
    m_window->findChild<QAction *>(u"confirmAction"_s)->trigger();
    QVERIFY(finished.wait(30000));
    // The last rows were sent in sight.
    const QModelIndex last = m_window->assetModel()->index(ids.size() - 1, 0);
    QVERIFY(table->verticalScrollBar()->value() > 0);
    QVERIFY(table->viewport()->rect().intersects(table->visualRect(
            qobject_cast<QSortFilterProxyModel *>(table->model())->mapFromSource(last))));

    // Off: the table stays where the user left it, and the choice is remembered.
    follow->setChecked(false);
    QVERIFY(!m_settings->followRunningRows());
    pasteAndAdd(Test::assetIds(120, 121).join(u'\n'));
    table->scrollToTop();
    m_window->findChild<QAction *>(u"confirmAction"_s)->trigger();
    QVERIFY(finished.wait(30000));
    QCOMPARE(m_window->assetModel()->count(AssetTableModel::Bucket::Confirmed), 240);
    QCOMPARE(table->verticalScrollBar()->value(), 0);
    m_window.reset();
    QVERIFY(showWindow(nullptr));
    QVERIFY(!m_window->findChild<QAction *>(u"followAction"_s)->isChecked());
}

void TestMainWindow::sendRemainingAfterStopLeavesNothingToResume()
{
    m_server->config().latencyMs = 100;
    m_settings->setConcurrency(1);
    const QStringList ids = Test::assetIds(12);
    pasteAndAdd(ids.join(u'\n'));
    QSignalSpy finished(m_window.get(), &MainWindow::batchFinished);
    m_window->findChild<QAction *>(u"confirmAction"_s)->trigger();
    QTRY_VERIFY(m_server->counters().confirmRequestsTotal() >= 1);
    m_window->findChild<QAction *>(u"cancelAction"_s)->trigger();
    QVERIFY(finished.wait(20000));
    QVERIFY(finished.first().first().value<BatchSummary>().kept);

    m_server->config().latencyMs = 0;
    auto *sendRemaining = m_window->findChild<QAction *>(u"retryAction"_s);
    QVERIFY(sendRemaining->isEnabled());
    sendRemaining->trigger();
    QVERIFY(finished.wait(20000));
    QCOMPARE(m_window->assetModel()->count(AssetTableModel::Bucket::Confirmed), 12);
    for (const QString &id : std::as_const(ids))
        QCOMPARE(m_server->counters().confirmRequests.value(id), 1);
    // Nothing of the stopped batch is left, so nothing is offered on the next start.
    QVERIFY(!find<QWidget>(u"resumeBar"_s)->isVisible());
    m_window.reset();
    QVERIFY(showWindow(nullptr));
    QVERIFY(!find<QWidget>(u"resumeBar"_s)->isVisible());
}

void TestMainWindow::preferencesSetTheNextBatchsPace()
{
    auto *action = m_window->findChild<QAction *>(u"preferencesAction"_s);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
    action->trigger();
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QDialog *>(u"preferencesDialog"_s))
                && dialog->isVisible());
    auto *rate = dialog->findChild<QSpinBox *>(u"preferencesRate"_s);
    auto *warning = dialog->findChild<QLabel *>(u"preferencesRateWarning"_s);
    QCOMPARE(rate->value(), m_settings->ratePerMinute());
    QCOMPARE(rate->maximum(), 12000); // a raised quota; 429s still slow a batch down
    QVERIFY(!warning->isVisible());
    rate->setValue(3000);
    QVERIFY(warning->isVisible()); // above an account's standard quota: said in one line
    QVERIFY2(warning->text().contains(u"1500"_s) || warning->text().contains(u"1,500"_s),
             qPrintable(warning->text()));
    dialog->findChild<QSpinBox *>(u"preferencesAttempts"_s)->setValue(3);
    // The stuck uploads' listing has its own rate (its own quota group), with the same warning.
    auto *listingRate = dialog->findChild<QSpinBox *>(u"preferencesListingRate"_s);
    auto *listingWarning = dialog->findChild<QLabel *>(u"preferencesListingRateWarning"_s);
    QCOMPARE(listingRate->value(), 1400);
    QCOMPARE(listingRate->maximum(), 12000);
    QVERIFY(!listingWarning->isVisible());
    listingRate->setValue(2000);
    QVERIFY(listingWarning->isVisible());
    listingRate->setValue(900);
    QVERIFY(!listingWarning->isVisible());
    dialog->accept();
    QCOMPARE(m_settings->ratePerMinute(), 3000);
    QCOMPARE(m_settings->maxAttempts(), 3);
    QCOMPARE(m_settings->listingRatePerMinute(), 900);

    // Restore Defaults, then Cancel: nothing changes.
    action->trigger();
    QTRY_VERIFY((dialog = m_window->findChild<QDialog *>(u"preferencesDialog"_s))
                && dialog->isVisible());
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::RestoreDefaults)->click();
    QCOMPARE(dialog->findChild<QSpinBox *>(u"preferencesRate"_s)->value(), 1400);
    dialog->reject();
    QCOMPARE(m_settings->ratePerMinute(), 3000);
}

void TestMainWindow::checkFirstIsOnByDefault()
{
    // On by default: an asset confirmed elsewhere is read first, shown as already confirmed and
    // not sent; the other is sent. One state read for both.
    QVERIFY(m_settings->checkFirst());
    m_server->setAssetStatus(kA, u"PUBLISHED"_s);
    pasteAndAdd(kA + u'\n' + kB);
    QSignalSpy finished(m_window.get(), &MainWindow::batchFinished);
    find<QAction>(u"confirmAction"_s)->trigger();
    QVERIFY(finished.wait(15000));
    const BatchSummary s = finished.first().first().value<BatchSummary>();
    QCOMPARE(s.alreadyConfirmed, 1);
    QCOMPARE(s.confirmed, 1);
    QCOMPARE(m_server->counters().confirmRequests.value(kA), 0);
    QCOMPARE(m_server->counters().confirmRequests.value(kB), 1);
    QCOMPARE(m_server->counters().requests(Test::VodTestServer::Route::AssetInfo), 1);
    AssetTableModel *model = m_window->assetModel();
    QCOMPARE(model->row(model->rowOf(kA)).state, AssetState::AlreadyConfirmed);
    QCOMPARE(cell(kA, Column::State), u"Already confirmed"_s);
    QVERIFY2(cell(kA, Column::ErrorMessage).contains(u"PUBLISHED"_s),
             qPrintable(cell(kA, Column::ErrorMessage)));
    QCOMPARE(model->count(AssetTableModel::Bucket::Confirmed), 2);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(u"1 already confirmed"_s),
             qPrintable(m_window->statusBar()->currentMessage()));

    // Off in Preferences (by keyboard): the next batch sends without reading.
    find<QAction>(u"preferencesAction"_s)->trigger();
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QDialog *>(u"preferencesDialog"_s))
                && dialog->isVisible());
    auto *check = dialog->findChild<QCheckBox *>(u"preferencesCheckFirst"_s);
    QVERIFY(check && check->isChecked());
    check->setFocus();
    QTest::keyClick(check, Qt::Key_Space);
    QVERIFY(!check->isChecked());
    dialog->accept();
    QVERIFY(!m_settings->checkFirst());
    m_server->reset();
    pasteAndAdd(kC);
    QSignalSpy second(m_window.get(), &MainWindow::batchFinished);
    find<QAction>(u"confirmAction"_s)->trigger();
    QVERIFY(second.wait(15000));
    QCOMPARE(m_server->counters().requests(Test::VodTestServer::Route::AssetInfo), 0);
    QCOMPARE(m_server->counters().confirmRequests.value(kC), 1);
    QCOMPARE(model->row(model->rowOf(kC)).state, AssetState::Confirmed);
}

void TestMainWindow::followShowsTheFinalState()
{
    // Off by default; on in Preferences (by keyboard), the next batch follows its confirmed
    // assets: the Final state column and the history show where each ended.
    QVERIFY(!m_settings->follow());
    find<QAction>(u"preferencesAction"_s)->trigger();
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QDialog *>(u"preferencesDialog"_s))
                && dialog->isVisible());
    auto *follow = dialog->findChild<QCheckBox *>(u"preferencesFollow"_s);
    QVERIFY(follow && !follow->isChecked());
    follow->setFocus();
    QTest::keyClick(follow, Qt::Key_Space);
    dialog->accept();
    QVERIFY(m_settings->follow());

    // Published by the time of the first read after the confirm (5 s later).
    connect(m_server.get(), &Test::VodTestServer::requestReceived, this,
            [this](const QString &, const QString &path) {
                if (path.contains(u"/asset/info"_s)
                    && m_server->counters().requests(Test::VodTestServer::Route::Confirm) > 0)
                    m_server->setAssetStatus(kA, u"PUBLISHED"_s);
            });
    pasteAndAdd(kA);
    QSignalSpy finished(m_window.get(), &MainWindow::batchFinished);
    find<QAction>(u"confirmAction"_s)->trigger();
    QTRY_COMPARE(cell(kA, Column::State), u"Confirmed"_s);
    QVERIFY(m_window->isRunning()); // following
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().value<BatchSummary>().followedSettled, 1);
    QCOMPARE(cell(kA, Column::FollowedState), u"PUBLISHED"_s);
    QCOMPARE(AssetTableModel::columnTitle(Column::FollowedState), u"Final state"_s);
    HistoryFilter f;
    f.assetId = kA;
    QTRY_COMPARE(m_history->find(f, 10).value(0).followedState, u"PUBLISHED"_s);
}

#include "tst_mainwindow.moc"
