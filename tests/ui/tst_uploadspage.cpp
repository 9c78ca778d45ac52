#include "mainwindow.h"
#include "mainwindowfixture.h"
#include "models/assettablemodel.h"
#include "models/uploadtablemodel.h"
#include "settings/settings.h"
#include "storage/historystore.h"
#include "testfixtures.h"
#include "uploaddialog.h"
#include "uploadspage.h"
#include "vodtestserver.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace VodConfirm;
using namespace Qt::StringLiterals;

using Phase = UploadStatus::Phase;
using Column = UploadTableModel::Column;

// The Uploads tab against the loopback server, through the real main window: files added through
// the upload dialog (titles edited there) or dropped (folders expanded to their video files),
// uploaded and confirmed; pause, resume and cancel per upload and for all; the interrupted
// uploads a new window finds in the history, resumed without a part sent twice; every action
// from the keyboard.
class TestUploadsPage : public QObject, private Test::MainWindowFixture
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void addWithAnEditedTitleUploadsAndConfirms();
    void droppedFolderListsItsVideoFilesAndRefusesOthers();
    void withoutAProfileTheDialogSaysSo();
    void pauseResumeAndCancel();
    void interruptedUploadResumesInANewWindow();
    void everyActionFromTheKeyboard();
    void preferencesApplyToTheRunner();

private:
    UploadsPage *page() const { return m_window->findChild<UploadsPage *>(u"uploadsPage"_s); }
    QTableView *table() const { return m_window->findChild<QTableView *>(u"uploadTable"_s); }
    // A file of `size` random bytes in the test folder (sub-folders made as needed).
    QString makeFile(const QString &relativePath, qint64 size);
    UploadDialog *dialog() const;
    // Opens the upload dialog for `paths`, starts it, waits for the rows.
    void upload(const QStringList &paths);
    const UploadStatus &status(int row) const { return page()->model()->row(row).status; }
    bool waitPhase(int row, Phase phase, int ms = 60000);
    void click(const QString &buttonName);
    QMessageBox *cancelBox() const;
};

void TestUploadsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestUploadsPage::init()
{
    QVERIFY(setUp());
    QVERIFY(addProfile());
    // Small parts, so that a few MB make a multipart upload of many parts.
    m_settings->setUploadPartSize(256 * 1024);
    m_settings->setUploadPartsInFlight(2);
    QVERIFY(showWindow(Test::sharedCredentialStore(), Focus::Active));
    new QAbstractItemModelTester(page()->model(), m_window.get());
}

void TestUploadsPage::cleanup()
{
    tearDown();
}

QString TestUploadsPage::makeFile(const QString &relativePath, qint64 size)
{
    const QString path = m_dir->filePath(relativePath);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qWarning("cannot write %s", qPrintable(path));
    QByteArray block(64 * 1024, Qt::Uninitialized);
    for (qint64 done = 0; done < size; done += block.size()) {
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(block.data()),
                                              block.size() / 4);
        file.write(block.constData(), std::min<qint64>(block.size(), size - done));
    }
    return path;
}

UploadDialog *TestUploadsPage::dialog() const
{
    UploadDialog *d = nullptr;
    if (!QTest::qWaitFor(
                [&] { return (d = m_window->findChild<UploadDialog *>()) && d->isVisible(); }))
        qWarning("no upload dialog");
    return d;
}

void TestUploadsPage::upload(const QStringList &paths)
{
    const int before = page()->model()->rowCount();
    m_window->uploadFiles(paths);
    UploadDialog *d = dialog();
    QVERIFY(d);
    auto *start = d->findChild<QPushButton *>(u"uploadStartButton"_s);
    QVERIFY(start && start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_COMPARE(page()->model()->rowCount(), before + int(d ? paths.size() : 0));
}

bool TestUploadsPage::waitPhase(int row, Phase phase, int ms)
{
    const bool ok = QTest::qWaitFor(
            [&] { return page()->model()->rowCount() > row && status(row).phase == phase; }, ms);
    if (!ok && page()->model()->rowCount() > row)
        qWarning("row %d: %s, not %s (%s)", row, uploadPhaseName(status(row).phase).data(),
                 uploadPhaseName(phase).data(), qPrintable(status(row).error));
    return ok;
}

void TestUploadsPage::click(const QString &buttonName)
{
    auto *button = m_window->findChild<QPushButton *>(buttonName);
    QVERIFY2(button, qPrintable(buttonName));
    QVERIFY2(button->isEnabled(), qPrintable(buttonName));
    QTest::mouseClick(button, Qt::LeftButton);
}

QMessageBox *TestUploadsPage::cancelBox() const
{
    QMessageBox *box = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        return (box = m_window->findChild<QMessageBox *>(u"uploadCancelBox"_s)) && box->isVisible();
    });
    return shown ? box : nullptr;
}

// --- the tests ----------------------------------------------------------------------------

void TestUploadsPage::addWithAnEditedTitleUploadsAndConfirms()
{
    const QString small = makeFile(u"holiday clip.mp4"_s, 300 * 1024); // one PUT
    const QString large = makeFile(u"Lecture 01.MKV"_s, 21 * 1024 * 1024 + 1234); // multipart
    m_window->uploadFiles({small, large});
    UploadDialog *d = dialog();
    QVERIFY(d);
    auto *files = d->findChild<QTableWidget *>(u"uploadFiles"_s);
    QCOMPARE(files->rowCount(), 2);
    // The titles default to the names without extension; the first is changed from the keyboard.
    QCOMPARE(files->item(0, 1)->text(), u"holiday clip"_s);
    QCOMPARE(files->item(1, 1)->text(), u"Lecture 01"_s);
    QCOMPARE(files->item(1, 3)->text(), u"MKV"_s);
    QApplication::setActiveWindow(d);
    QVERIFY(QTest::qWaitForWindowActive(d));
    files->setFocus();
    files->setCurrentCell(0, 1);
    QTest::keyClick(files, Qt::Key_F2);
    QWidget *editor = QApplication::focusWidget();
    QVERIFY(editor && editor != files);
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, u"Summer 2026, beach"_s);
    // Enter keeps the title; Enter again presses Start Upload (the default button).
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(files->item(0, 1)->text(), u"Summer 2026, beach"_s);
    QTRY_COMPARE(QApplication::focusWidget(), files);
    QTest::keyClick(files, Qt::Key_Return);

    // The Uploads tab is shown and both end confirmed.
    auto *tabs = m_window->findChild<QTabWidget *>(u"mainTabs"_s);
    QTRY_COMPARE(tabs->currentWidget(), page());
    QTRY_COMPARE(page()->model()->rowCount(), 2);
    QVERIFY(waitPhase(0, Phase::Confirmed));
    QVERIFY(waitPhase(1, Phase::Confirmed));
    for (int row = 0; row < 2; ++row) {
        const QString assetId = status(row).assetId;
        QVERIFY(!assetId.isEmpty());
        QCOMPARE(m_server->assetStatus(assetId), u"CREATED"_s);
        QFile file(row == 0 ? small : large);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(m_server->object(m_server->objectKeyOf(assetId)), file.readAll());
        // The asset joins the asset table, confirmed.
        const AssetTableModel *assets = m_window->assetModel();
        QTRY_VERIFY(assets->rowOf(assetId) >= 0
                    && assets->row(assets->rowOf(assetId)).state == AssetState::Confirmed);
    }
    QCOMPARE(m_server->listedTitle(status(0).assetId).toString(), u"Summer 2026, beach"_s);
    QCOMPARE(m_server->listedTitle(status(1).assetId).toString(), u"Lecture 01"_s);
    QCOMPARE(table()->model()->index(0, int(Column::Progress)).data().toString(), u"100%"_s);
    // The totals say it.
    const QString totals = m_window->findChild<QLabel *>(u"uploadTotals"_s)->text();
    QVERIFY2(totals.startsWith(u"2 of 2 file"_s), qPrintable(totals));
    // The history shows them (the view refreshes itself after each confirm).
    auto *history = m_window->findChild<QTableView *>(u"historyTable"_s);
    QVERIFY(history);
    QTRY_VERIFY_WITH_TIMEOUT(history->model()->rowCount() >= 2, 10000);
    // Each part arrived once.
    for (const auto &parts : m_server->counters().partsReceived)
        for (int count : parts)
            QCOMPARE(count, 1);
}

void TestUploadsPage::droppedFolderListsItsVideoFilesAndRefusesOthers()
{
    makeFile(u"media/a.mp4"_s, 1000);
    makeFile(u"media/deeper/b.MOV"_s, 2000);
    makeFile(u"media/deeper/readme.txt"_s, 10);
    makeFile(u"media/empty.mp4"_s, 0);
    const QString notes = makeFile(u"notes.docx"_s, 10);
    // A symbolic link back up the tree: not followed, so no loop.
    QVERIFY(QFile::link(m_dir->filePath(u"media"_s), m_dir->filePath(u"media/deeper/loop"_s)));

    auto *mime = new QMimeData;
    mime->setUrls({QUrl::fromLocalFile(m_dir->filePath(u"media"_s)), QUrl::fromLocalFile(notes)});
    const QPoint pos = m_window->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(pos), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QVERIFY(drop.isAccepted());
    UploadDialog *d = dialog();
    QVERIFY(d);
    auto *files = d->findChild<QTableWidget *>(u"uploadFiles"_s);
    QStringList names;
    QStringList types;
    for (int r = 0; r < files->rowCount(); ++r) {
        names << files->item(r, 0)->text();
        types << files->item(r, 3)->text();
    }
    QCOMPARE(names, QStringList({u"a.mp4"_s, u"b.MOV"_s, u"empty.mp4"_s, u"notes.docx"_s}));
    QCOMPARE(types.at(0), u"MP4"_s);
    QCOMPARE(types.at(1), u"MOV"_s);
    QCOMPARE(types.at(2), u"Refused"_s);
    QCOMPARE(types.at(3), u"Refused"_s);
    QVERIFY(files->item(2, 3)->toolTip().contains(u"empty"_s));
    QCOMPARE(d->refusedCount(), 2);
    QCOMPARE(d->requests().size(), 2);
    // Why, under the list: the reason names the types VOD takes; and what the folders held.
    const QString left = d->findChild<QLabel *>(u"uploadNotes"_s)->text();
    QVERIFY2(left.contains(u"empty.mp4: "_s) && left.contains(u"notes.docx"_s)
                     && left.contains(u"MP4"_s),
             qPrintable(left));
    QVERIFY2(left.contains(u"1 file"_s) && left.contains(u"left out"_s), qPrintable(left));
    QVERIFY(!(files->item(2, 1)->flags() & Qt::ItemIsEditable));
    d->reject();
    QCOMPARE(page()->model()->rowCount(), 0);
    QCOMPARE(m_server->counters().creates, 0);

    // A dropped text file elsewhere than on the Uploads tab is still a list of IDs.
    const QString ids = m_dir->filePath(u"ids.txt"_s);
    QFile idFile(ids);
    QVERIFY(idFile.open(QIODevice::WriteOnly));
    idFile.write("0123456789abcdef0123456789abcdef\n");
    idFile.close();
    auto *textMime = new QMimeData;
    textMime->setUrls({QUrl::fromLocalFile(ids)});
    QDragEnterEvent idEnter(pos, Qt::CopyAction, textMime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &idEnter);
    QDropEvent idDrop(QPointF(pos), Qt::CopyAction, textMime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &idDrop);
    QTest::qWait(50);
    QVERIFY(!m_window->findChild<UploadDialog *>()
            || !m_window->findChild<UploadDialog *>()->isVisible());
    delete mime;
    delete textMime;
}

void TestUploadsPage::withoutAProfileTheDialogSaysSo()
{
    m_settings->setActiveProfileName({});
    const QString file = makeFile(u"clip.mp4"_s, 1000);
    m_window->uploadFiles({file});
    UploadDialog *d = dialog();
    QVERIFY(d);
    auto *problem = d->findChild<QLabel *>(u"uploadProfileProblem"_s);
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(u"Profiles…"_s), qPrintable(problem->text()));
    QVERIFY(!d->findChild<QPushButton *>(u"uploadStartButton"_s)->isEnabled());
    QVERIFY(d->findChild<QPushButton *>(u"uploadProfilesButton"_s)->isVisible());
    // Choosing a profile meanwhile makes it usable.
    QVERIFY(m_settings->setActiveProfileName(u"loopback"_s));
    QTRY_VERIFY(d->findChild<QPushButton *>(u"uploadStartButton"_s)->isEnabled());
    QVERIFY(!problem->isVisible());
    d->reject();
}

void TestUploadsPage::pauseResumeAndCancel()
{
    // Slow enough to act while the bytes go.
    m_server->config().receiveBytesPerSecond = 1024 * 1024;
    const QString first = makeFile(u"one.mp4"_s, 21 * 1024 * 1024); // in parts
    const QString second = makeFile(u"two.mp4"_s, 6 * 1024 * 1024); // one PUT
    upload({first, second});
    QVERIFY(waitPhase(0, Phase::Uploading));
    QTRY_VERIFY_WITH_TIMEOUT(status(0).partsDone >= 1, 30000);
    auto *combo = m_window->findChild<QComboBox *>(u"profileCombo"_s);
    QVERIFY(!combo->isEnabled()); // no other profile while uploads run
    // The status bar shows the totals while uploads run.
    auto *statusLabel = m_window->findChild<QLabel *>(u"uploadStatusLabel"_s);
    QTRY_VERIFY(statusLabel->isVisible());
    QVERIFY2(statusLabel->text().startsWith(u"Uploading 0 of 2"_s),
             qPrintable(statusLabel->text()));

    // Pause the first: nothing more of it arrives.
    table()->selectRow(0);
    click(u"uploadPauseButton"_s);
    QVERIFY(waitPhase(0, Phase::Paused, 10000));
    QTest::qWait(300);
    const int partsPaused = status(0).partsDone;
    const qint64 receivedPaused
            = m_server->counters().partsReceived.value(m_server->openUploads().value(0)).size();
    QTest::qWait(1000);
    QCOMPARE(status(0).partsDone, partsPaused);
    QCOMPARE(m_server->counters().partsReceived.value(m_server->openUploads().value(0)).size(),
             receivedPaused);
    QVERIFY(!combo->isEnabled()); // a paused upload keeps its profile too

    // Cancel the second: asked first; the server sees the abort and CANCELLED.
    QVERIFY(waitPhase(1, Phase::Uploading));
    QTRY_VERIFY(!status(1).assetId.isEmpty());
    table()->selectRow(1);
    click(u"uploadCancelButton"_s);
    QMessageBox *box = cancelBox();
    QVERIFY(box);
    QVERIFY2(box->informativeText().contains(u"cannot be undone"_s),
             qPrintable(box->informativeText()));
    QCOMPARE(box->defaultButton(), box->findChild<QPushButton *>(u"uploadCancelBackButton"_s));
    QTest::mouseClick(box->findChild<QPushButton *>(u"uploadCancelYesButton"_s), Qt::LeftButton);
    QVERIFY(waitPhase(1, Phase::Cancelled, 20000));
    QTRY_COMPARE(m_server->assetStatus(status(1).assetId), u"CANCELLED"_s);

    // Resume the first: it completes.
    m_server->config().receiveBytesPerSecond = 0;
    table()->selectRow(0);
    click(u"uploadResumeButton"_s);
    QVERIFY(waitPhase(0, Phase::Confirmed));
    QCOMPARE(m_server->assetStatus(status(0).assetId), u"CREATED"_s);
    QVERIFY(m_server->openUploads().isEmpty()); // completed one, aborted the other
    QFile file(first);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(m_server->object(m_server->objectKeyOf(status(0).assetId)), file.readAll());
    QTRY_VERIFY(combo->isEnabled());

    // Pause All / Resume All act on the whole queue.
    m_server->config().receiveBytesPerSecond = 1024 * 1024;
    const QString third = makeFile(u"three.mp4"_s, 4 * 1024 * 1024);
    upload({third});
    QVERIFY(waitPhase(2, Phase::Uploading));
    click(u"uploadPauseAllButton"_s);
    QVERIFY(waitPhase(2, Phase::Paused, 10000));
    m_server->config().receiveBytesPerSecond = 0;
    click(u"uploadResumeAllButton"_s);
    QVERIFY(waitPhase(2, Phase::Confirmed));
    // Clear Finished empties the list; the history keeps them.
    click(u"uploadClearButton"_s);
    QCOMPARE(page()->model()->rowCount(), 0);
}

void TestUploadsPage::interruptedUploadResumesInANewWindow()
{
    m_server->config().receiveBytesPerSecond = 1024 * 1024;
    // From 20 MB on a file goes in parts: 85 of 256 KB, the last one smaller.
    const qint64 size = 21 * 1024 * 1024 + 4321;
    const QString path = makeFile(u"long talk.mp4"_s, size);
    upload({path});
    QTRY_VERIFY_WITH_TIMEOUT(status(0).partsDone >= 4, 30000);
    const QString uploadId = status(0).uploadId;

    // Closing asks: the uploads are paused and stay resumable.
    QTimer::singleShot(0, this, [this] {
        QMessageBox *box = nullptr;
        if (QTest::qWaitFor([&] {
                return (box = m_window->findChild<QMessageBox *>(u"closeWhileUploadingBox"_s))
                        && box->isVisible();
            }))
            box->findChild<QPushButton *>(u"pauseAndCloseButton"_s)->click();
    });
    QVERIFY(m_window->close());
    m_window.reset();
    const int partsBefore = m_server->counters().partsReceivedTotal();
    QVERIFY(partsBefore >= 4);

    // A new window on the same history offers it as interrupted.
    m_server->config().receiveBytesPerSecond = 0;
    QVERIFY(showWindow(Test::sharedCredentialStore(), Focus::Active));
    QCOMPARE(page()->model()->rowCount(), 1);
    QCOMPARE(status(0).uploadId, uploadId);
    QVERIFY(page()->model()->row(0).interrupted);
    QCOMPARE(table()->model()->index(0, int(Column::Status)).data().toString(), u"Interrupted"_s);
    // Its progress is what arrived before: the parts the journal has.
    const std::optional<UploadRecord> journaled = m_history->upload(uploadId);
    QVERIFY(journaled && journaled->parts.size() >= 4);
    QCOMPARE(status(0).partsDone, int(journaled->parts.size()));
    QCOMPARE(status(0).bytesDone, qint64(journaled->parts.size()) * 256 * 1024);
    QVERIFY(m_window->findChild<QPushButton *>(u"uploadResumeAllButton"_s)->isEnabled());
    table()->selectRow(0);
    click(u"uploadResumeButton"_s);
    QVERIFY(waitPhase(0, Phase::Confirmed));
    QVERIFY(!page()->model()->row(0).interrupted);

    // Every part arrived once, across both windows; the object is the file.
    const auto &received = m_server->counters().partsReceived;
    QCOMPARE(received.size(), 1);
    const QMap<int, int> parts = received.cbegin().value();
    QCOMPARE(parts.size(), int((size + 256 * 1024 - 1) / (256 * 1024)));
    for (auto it = parts.cbegin(); it != parts.cend(); ++it)
        QVERIFY2(it.value() == 1,
                 qPrintable(u"part %1 arrived %2 times"_s.arg(it.key()).arg(it.value())));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(m_server->object(m_server->objectKeyOf(status(0).assetId)), file.readAll());
    QCOMPARE(m_server->assetStatus(status(0).assetId), u"CREATED"_s);
}

void TestUploadsPage::everyActionFromTheKeyboard()
{
    // File > Upload Files… (Ctrl+U) and Upload Folder…, and the toolbar.
    auto *filesAction = m_window->findChild<QAction *>(u"uploadFilesAction"_s);
    auto *folderAction = m_window->findChild<QAction *>(u"uploadFolderAction"_s);
    QVERIFY(filesAction && folderAction);
    QCOMPARE(filesAction->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_U));
    QVERIFY(!folderAction->shortcut().isEmpty());
    bool inFileMenu = false;
    for (QMenu *menu : m_window->menuBar()->findChildren<QMenu *>())
        inFileMenu = inFileMenu
                || (menu->actions().contains(filesAction)
                    && menu->actions().contains(folderAction));
    QVERIFY(inFileMenu);
    QVERIFY(m_window->findChild<QWidget *>(u"uploadFilesActionButton"_s)); // on the toolbar
    QVERIFY(!filesAction->icon().isNull() && !folderAction->icon().isNull());

    // The tab has a mnemonic; every page action is a button in the tab chain or in the table's
    // context menu (the Menu key), with an icon.
    auto *tabs = m_window->findChild<QTabWidget *>(u"mainTabs"_s);
    // The tab: Ctrl+Tab from the Assets tab.
    tabs->setCurrentIndex(0);
    tabs->setFocus();
    QTest::keyClick(tabs, Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(tabs->currentWidget(), page());
    const QStringList buttons {
            u"uploadAddFilesButton"_s,  u"uploadAddFolderButton"_s, u"uploadPauseButton"_s,
            u"uploadResumeButton"_s,    u"uploadCancelButton"_s,    u"uploadPauseAllButton"_s,
            u"uploadResumeAllButton"_s, u"uploadCancelAllButton"_s, u"uploadClearButton"_s};
    for (const QString &name : buttons) {
        auto *b = page()->findChild<QPushButton *>(name);
        QVERIFY2(b && (b->focusPolicy() & Qt::TabFocus) && !b->icon().isNull(), qPrintable(name));
        QVERIFY2(!b->text().isEmpty(), qPrintable(name));
    }
    for (QAction *a : page()->rowActions()) {
        QVERIFY2(table()->actions().contains(a), qPrintable(a->objectName()));
        QVERIFY2(!a->icon().isNull(), qPrintable(a->objectName()));
    }
    QCOMPARE(table()->contextMenuPolicy(), Qt::ActionsContextMenu);
    // The bandwidth limit has its label's mnemonic and is written to the settings.
    auto *bandwidth = page()->findChild<QSpinBox *>(u"uploadBandwidth"_s);
    bandwidth->setFocus();
    QTest::keyClick(bandwidth, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(bandwidth, u"2048"_s);
    QTest::keyClick(bandwidth, Qt::Key_Return);
    QCOMPARE(m_settings->uploadBandwidthLimit(), qint64(2048) * 1024);

    // Driven from the keyboard: Ctrl+C copies the asset ID of the selected upload.
    const QString path = makeFile(u"k.mp4"_s, 2000);
    upload({path});
    QVERIFY(waitPhase(0, Phase::Confirmed));
    // The offscreen platform leaves no window active after a dialog closed.
    m_window->activateWindow();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    table()->setFocus();
    table()->selectRow(0);
    QTest::keyClick(table(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text().trimmed(), status(0).assetId);
}

void TestUploadsPage::preferencesApplyToTheRunner()
{
    const QString path = makeFile(u"p.mp4"_s, 2000);
    upload({path});
    QVERIFY(waitPhase(0, Phase::Confirmed));
    UploadRunner *runner = m_window->uploadRunner();
    QVERIFY(runner);
    m_window->findChild<QAction *>(u"preferencesAction"_s)->trigger();
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QDialog *>(u"preferencesDialog"_s))
                && dialog->isVisible());
    dialog->findChild<QSpinBox *>(u"preferencesPartSize"_s)->setValue(8);
    dialog->findChild<QSpinBox *>(u"preferencesPartsInFlight"_s)->setValue(5);
    dialog->findChild<QSpinBox *>(u"preferencesBandwidth"_s)->setValue(1536);
    dialog->accept();
    QCOMPARE(m_settings->uploadPartSize(), qint64(8) * 1024 * 1024);
    QCOMPARE(m_settings->uploadPartsInFlight(), 5);
    QCOMPARE(m_settings->uploadBandwidthLimit(), qint64(1536) * 1024);
    QCOMPARE(runner->options().partSize, qint64(8) * 1024 * 1024);
    QCOMPARE(runner->options().partsInFlight, 5);
    QCOMPARE(runner->options().bandwidthBytesPerSecond, qint64(1536) * 1024);
    // The page's quick limit shows it, and sets it.
    auto *quick = page()->findChild<QSpinBox *>(u"uploadBandwidth"_s);
    QCOMPARE(quick->value(), 1536);
    quick->setValue(0);
    QCOMPARE(runner->options().bandwidthBytesPerSecond, 0);
    QCOMPARE(quick->text(), u"Unlimited"_s);
}

QTEST_MAIN(TestUploadsPage)
#include "tst_uploadspage.moc"
