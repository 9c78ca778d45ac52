// The "Stuck uploads" page in the real main window, listing from the loopback VOD server over real
// sockets, and its bulk actions running as ordinary batches into the real history file.
#include "api/vodclient.h"
#include "mainwindow.h"
#include "mainwindowfixture.h"
#include "models/assettablemodel.h"
#include "models/stuckfilterproxy.h"
#include "models/stucktablemodel.h"
#include "settings/credentialstore.h"
#include "settings/settings.h"
#include "storage/historystore.h"
#include "stuckpage.h"
#include "testfixtures.h"
#include "vodtestserver.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace VodConfirm;
using namespace Qt::StringLiterals;
using Column = StuckTableModel::Column;
using Fault = Test::VodTestServer::Fault;

class TestStuckPage : public QObject, private Test::MainWindowFixture
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void listsEveryStuckUploadFromTheServer();
    void filtersByAgeAndText();
    void refreshReplacesTheListing();
    void anErrorKeepsTheRowsAndSaysSo();
    void stopKeepsWhatWasListed();
    void saysWhyItWaits();
    void bulkActionsWaitWhileABatchRuns();
    void anotherProfileForgetsTheListing();
    void bulkCancelOfTheFilteredList();
    void bulkActionOnTheSelectionSaysItCannotBeUndone();
    void everyActionFromTheKeyboard();

private:
    StuckPage *page() const;
    QTableView *table() const;
    // Shows the page and lists through the main window (Refresh), waiting for the end.
    StuckListSummary refresh();
    QStringList shownIds() const; // in view order
    QMessageBox *sendBox() const; // the bulk action's question, once shown
    VodClient *client();

    QDateTime m_now;
};

void TestStuckPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestStuckPage::init()
{
    m_now = QDateTime::currentDateTimeUtc();
    QVERIFY(setUp());
    QVERIFY(addProfile());
    QVERIFY(showWindow(Test::sharedCredentialStore(), Focus::Active));
    new QAbstractItemModelTester(page()->model(), m_window.get());
    new QAbstractItemModelTester(page()->proxy(), m_window.get());
}

void TestStuckPage::cleanup()
{
    tearDown();
}

StuckPage *TestStuckPage::page() const
{
    return m_window->findChild<StuckPage *>(u"stuckPage"_s);
}

QTableView *TestStuckPage::table() const
{
    return m_window->findChild<QTableView *>(u"stuckTable"_s);
}

StuckListSummary TestStuckPage::refresh()
{
    auto *tabs = m_window->findChild<QTabWidget *>(u"mainTabs"_s);
    tabs->setCurrentWidget(page());
    QSignalSpy finished(page(), &StuckPage::listingFinished);
    // The offscreen platform leaves no window active after a message box closed.
    m_window->activateWindow();
    QApplication::setActiveWindow(m_window.get());
    if (!QTest::qWaitForWindowActive(m_window.get()))
        qWarning("the window is not active");
    // F5, as the user would, on the page.
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    if (!finished.wait(60000))
        qWarning("the listing did not finish");
    return finished.isEmpty() ? StuckListSummary {}
                              : finished.first().first().value<StuckListSummary>();
}

QStringList TestStuckPage::shownIds() const
{
    QStringList ids;
    const QAbstractItemModel *m = table()->model();
    for (int r = 0; r < m->rowCount(); ++r)
        ids << m->index(r, int(Column::AssetId)).data().toString();
    return ids;
}

QMessageBox *TestStuckPage::sendBox() const
{
    QMessageBox *box = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        box = m_window->findChild<QMessageBox *>(u"stuckSendBox"_s);
        return box && box->isVisible();
    });
    return shown ? box : nullptr;
}

VodClient *TestStuckPage::client()
{
    return new VodClient(m_nam.get(), Test::loopbackClientConfig(*m_server));
}

void TestStuckPage::listsEveryStuckUploadFromTheServer()
{
    // 2,500 uploads in CREATING over the last two months, and some that are not stuck.
    m_server->seedListedAssets(2500, m_now.addDays(-60), m_now.addSecs(-60), 7);
    const QStringList others = Test::assetIds(3, 0x7000);
    for (const QString &id : others)
        m_server->addListedAsset(id, m_now.addDays(-2), u"CREATED"_s);
    const QStringList expected = m_server->creatingAssetIds();
    QCOMPARE(expected.size(), 2500);

    // Never listed: the page says what Refresh does and which range it lists.
    m_window->findChild<QTabWidget *>(u"mainTabs"_s)->setCurrentWidget(page());
    QVERIFY2(page()->statusText().contains(u"Refresh lists the uploads created between"_s),
             qPrintable(page()->statusText()));
    auto *empty = table()->viewport()->findChild<QLabel *>(u"stuckTableEmptyState"_s);
    QVERIFY(empty && empty->isVisible());
    QVERIFY2(empty->text().contains(u"Refresh to find uploads nobody confirmed"_s),
             qPrintable(empty->text()));

    const StuckListSummary summary = refresh();
    QVERIFY2(summary.complete, qPrintable(summary.error));
    QCOMPARE(page()->model()->rowCount(), expected.size());
    // Newest first, as listed, each once, and only the stuck ones.
    QCOMPARE(shownIds(), expected);
    const QStringList shown = shownIds();
    QCOMPARE(std::set<QString>(shown.cbegin(), shown.cend()).size(), size_t(2500));
    QVERIFY(!empty->isVisible());
    QVERIFY2(page()->statusText().startsWith(u"Listed 2,500 stuck upload"_s),
             qPrintable(page()->statusText()));
    QVERIFY2(page()->statusText().endsWith(u"just now."_s), qPrintable(page()->statusText()));
    QVERIFY(m_window->findChild<QLabel *>(u"stuckCountLabel"_s)
                    ->text()
                    .startsWith(u"2,500 upload"_s));

    // The created time is local, with UTC in the tooltip; the title is the listed one.
    const QModelIndex first = table()->model()->index(0, int(Column::Created));
    const int row = page()->model()->rowOf(expected.first());
    const QDateTime created
            = QDateTime::fromSecsSinceEpoch(page()->model()->row(row).createdSecs, Qt::UTC);
    QCOMPARE(first.data().toString(),
             QLocale().toString(created.toLocalTime(), QLocale::ShortFormat));
    QCOMPARE(first.data(Qt::ToolTipRole).toString(),
             created.toString(u"yyyy-MM-dd HH:mm:ss"_s) + u" UTC"_s);
    QCOMPARE(table()->model()->index(0, int(Column::Title)).data().toString(),
             u"upload "_s + expected.first().left(8));
}

void TestStuckPage::filtersByAgeAndText()
{
    struct Seeded
    {
        QString id;
        qint64 ageSecs;
        QString title;
    };
    const QStringList ids = Test::assetIds(5, 0x5100);
    const QList<Seeded> seeded {{ids[0], 30 * 60, u"Holiday clip"_s},
                                {ids[1], 5 * 3600, u"Interview raw"_s},
                                {ids[2], 3 * 86400, u"holiday final"_s},
                                {ids[3], 10 * 86400, u"Trailer"_s},
                                {ids[4], 40 * 86400, u"Trailer v2"_s}};
    for (const Seeded &s : seeded) {
        m_server->addListedAsset(s.id, m_now.addSecs(-s.ageSecs));
        m_server->setListedTitle(s.id, s.title);
    }
    QVERIFY(refresh().complete);
    QCOMPARE(shownIds(), ids);

    // Ages in the unit a person would use.
    auto ageOf
            = [&](int r) { return table()->model()->index(r, int(Column::Age)).data().toString(); };
    QCOMPARE(ageOf(0), u"30 min"_s);
    QCOMPARE(ageOf(1), u"5 h"_s);
    QVERIFY(ageOf(2).startsWith(u"3 day"_s)); // "3 days" (plural forms from the translation)
    QVERIFY(ageOf(4).startsWith(u"40 day"_s));

    auto *older = m_window->findChild<QComboBox *>(u"stuckOlderThan"_s);
    auto *custom = m_window->findChild<QSpinBox *>(u"stuckCustomHours"_s);
    auto *search = m_window->findChild<QLineEdit *>(u"stuckSearch"_s);
    auto *count = m_window->findChild<QLabel *>(u"stuckCountLabel"_s);
    QVERIFY(!custom->isVisible());
    older->setCurrentIndex(older->findText(u"1 hour"_s));
    QCOMPARE(shownIds(), ids.mid(1));
    older->setCurrentIndex(older->findText(u"1 day"_s));
    QCOMPARE(shownIds(), ids.mid(2));
    QVERIFY2(count->text().startsWith(u"3 of 5 upload"_s), qPrintable(count->text()));
    older->setCurrentIndex(older->findText(u"7 days"_s));
    QCOMPARE(shownIds(), ids.mid(3));
    older->setCurrentIndex(older->findText(u"30 days"_s));
    QCOMPARE(shownIds(), ids.mid(4));
    older->setCurrentIndex(older->findText(u"Custom (hours)"_s));
    QVERIFY(custom->isVisible());
    custom->setValue(4);
    QCOMPARE(shownIds(), ids.mid(1));
    custom->setValue(24 * 20);
    QCOMPARE(shownIds(), ids.mid(4));

    // Text: any part of the title (any case) or of the asset ID, with the age filter.
    older->setCurrentIndex(older->findText(u"Any age"_s));
    QTest::keyClicks(search, u"HOLIDAY"_s);
    QTRY_COMPARE(shownIds(), QStringList({ids[0], ids[2]}));
    older->setCurrentIndex(older->findText(u"1 day"_s));
    QCOMPARE(shownIds(), QStringList({ids[2]}));
    search->clear();
    QTest::keyClicks(search, ids[3].right(6));
    QTest::keyClick(search, Qt::Key_Return); // at once
    QCOMPARE(shownIds(), QStringList({ids[3]}));
    // Nothing matches: the empty table says why.
    QTest::keyClicks(search, u"zz"_s);
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(table()->model()->rowCount(), 0);
    auto *empty = table()->viewport()->findChild<QLabel *>(u"stuckTableEmptyState"_s);
    QVERIFY(empty->isVisible());
    QVERIFY2(empty->text().contains(u"matches the filter"_s), qPrintable(empty->text()));
    search->clear();
    older->setCurrentIndex(0);
    QTRY_COMPARE(shownIds(), ids);

    // Sorting by any column: by title, and by age (oldest first).
    table()->sortByColumn(int(Column::Title), Qt::AscendingOrder);
    QCOMPARE(table()->model()->index(0, int(Column::Title)).data().toString(), u"Holiday clip"_s);
    table()->sortByColumn(int(Column::Age), Qt::DescendingOrder);
    QCOMPARE(shownIds().first(), ids[4]);
}

void TestStuckPage::refreshReplacesTheListing()
{
    m_server->seedListedAssets(300, m_now.addDays(-30), m_now.addSecs(-60), 3);
    QVERIFY(refresh().complete);
    const QStringList first = m_server->creatingAssetIds();
    QCOMPARE(shownIds(), first);

    // Meanwhile a third were confirmed elsewhere, and new uploads got stuck.
    for (int i = 0; i < 100; ++i)
        m_server->setAssetStatus(first[i * 3], u"CREATED"_s);
    const QStringList fresh = Test::assetIds(4, 0x6100);
    for (const QString &id : fresh)
        m_server->addListedAsset(id, m_now.addSecs(-30));
    const QStringList second = m_server->creatingAssetIds();
    QCOMPARE(second.size(), 204);
    QVERIFY(refresh().complete);
    QCOMPARE(shownIds(), second);
    QVERIFY(page()->statusText().startsWith(u"Listed 204 stuck upload"_s));

    // Nothing stuck: the empty table says so, with the range.
    m_server->clearListedAssets();
    QVERIFY(refresh().complete);
    QCOMPARE(table()->model()->rowCount(), 0);
    auto *empty = table()->viewport()->findChild<QLabel *>(u"stuckTableEmptyState"_s);
    QVERIFY(empty->isVisible());
    QVERIFY2(empty->text().startsWith(u"No stuck uploads between "_s), qPrintable(empty->text()));
}

void TestStuckPage::anErrorKeepsTheRowsAndSaysSo()
{
    m_server->seedListedAssets(1000, m_now.addDays(-30), m_now.addSecs(-60), 5);
    const QStringList all = m_server->creatingAssetIds();
    // Three pages, then the server fails every time.
    m_server->scriptNextList(
            {Fault::None, Fault::None, Fault::None, Fault::Error503, Fault::Error503});
    StuckLister::Options options;
    options.maxAttempts = 2;
    options.baseBackoffMs = 10;
    m_window->findChild<QTabWidget *>(u"mainTabs"_s)->setCurrentWidget(page());
    QSignalSpy finished(page(), &StuckPage::listingFinished);
    page()->startListing(client(), m_now.addDays(-31), m_now, options);
    QVERIFY(finished.wait(30000));
    const auto summary = finished.first().first().value<StuckListSummary>();
    QVERIFY(!summary.complete);
    QVERIFY(!summary.error.isEmpty());
    // The rows listed before the error stay, and the page says the listing is incomplete.
    QCOMPARE(shownIds(), all.mid(0, 300));
    const QString status = page()->statusText();
    QVERIFY2(status.startsWith(u"Listing incomplete (just now): HTTP 503 APIGW.0201."_s),
             qPrintable(status));
    QVERIFY2(status.contains(u"The 300 upload"_s), qPrintable(status));
    QVERIFY2(status.contains(u"older ones were not listed"_s), qPrintable(status));
    QVERIFY2(status.endsWith(u"Refresh to list again."_s), qPrintable(status));
    QCOMPARE(m_window->statusBar()->currentMessage(), status);
    // The whole error, with the server's words, behind Details (Alt+T).
    auto *details = m_window->findChild<QPushButton *>(u"stuckDetailsButton"_s);
    QVERIFY(details->isVisible());
    QTest::keyClick(m_window.get(), Qt::Key_T, Qt::AltModifier);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(u"stuckErrorBox"_s)) && box->isVisible());
    QCOMPARE(box->text(), summary.error);
    // The server's words are shown as text, never as markup.
    QCOMPARE(box->textFormat(), Qt::PlainText);
    QCOMPARE(m_window->findChild<QLabel *>(u"stuckStatus"_s)->textFormat(), Qt::PlainText);
    QVERIFY(box->text().contains(u"Backend unavailable"_s));
    box->close();
    // A new listing hides it again.
    QVERIFY(refresh().complete);
    QCOMPARE(page()->model()->rowCount(), 1000);
    QVERIFY(!details->isVisible());
}

void TestStuckPage::stopKeepsWhatWasListed()
{
    m_server->seedListedAssets(3000, m_now.addDays(-30), m_now.addSecs(-60), 9);
    m_server->config().latencyMs = 30;
    auto *tabs = m_window->findChild<QTabWidget *>(u"mainTabs"_s);
    tabs->setCurrentWidget(page());
    QSignalSpy finished(page(), &StuckPage::listingFinished);
    auto *stop = m_window->findChild<QPushButton *>(u"stuckStopButton"_s);
    QVERIFY(!stop->isEnabled());
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QTRY_VERIFY(page()->isListing());
    QTRY_VERIFY(page()->model()->rowCount() >= 200);
    QVERIFY(stop->isEnabled());
    // The bulk actions wait for the end of the listing.
    QVERIFY(!m_window->findChild<QPushButton *>(u"stuckCancelButton"_s)->isEnabled());
    QVERIFY2(page()->statusText().startsWith(u"Listing uploads created between"_s),
             qPrintable(page()->statusText()));
    QVERIFY2(page()->statusText().contains(u"found so far"_s), qPrintable(page()->statusText()));
    // Alt+P: Stop Listing.
    QTest::keyClick(m_window.get(), Qt::Key_P, Qt::AltModifier);
    QTRY_COMPARE(finished.size(), 1);
    const auto summary = finished.first().first().value<StuckListSummary>();
    QVERIFY(summary.cancelled);
    const int kept = page()->model()->rowCount();
    QVERIFY(kept >= 200 && kept < 3000);
    QCOMPARE(shownIds(), m_server->creatingAssetIds().mid(0, kept));
    QVERIFY2(
            page()->statusText().startsWith(u"Listing stopped just now. The %1 upload"_s.arg(kept)),
            qPrintable(page()->statusText()));
    QVERIFY2(page()->statusText().contains(u"older ones were not listed"_s),
             qPrintable(page()->statusText()));
    QVERIFY(!stop->isEnabled());
    QVERIFY(m_window->findChild<QPushButton *>(u"stuckCancelButton"_s)->isEnabled());
}

void TestStuckPage::saysWhyItWaits()
{
    m_server->seedListedAssets(500, m_now.addDays(-30), m_now.addSecs(-60), 13);
    // The second page is refused as over the quota, to be asked again in 8 s.
    m_server->config().retryAfterSecs = 8;
    m_server->scriptNextList({Fault::None, Fault::Throttle});
    m_window->findChild<QTabWidget *>(u"mainTabs"_s)->setCurrentWidget(page());
    QSignalSpy finished(page(), &StuckPage::listingFinished);
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QTRY_VERIFY_WITH_TIMEOUT(page()->statusText().contains(u"Waiting "_s), 10000);
    const QString status = page()->statusText();
    QVERIFY2(status.contains(u"100 found so far"_s), qPrintable(status));
    QVERIFY2(status.contains(u"(2 request"_s), qPrintable(status));
    // The wait counts down.
    QTRY_VERIFY_WITH_TIMEOUT(
            page()->statusText() != status && page()->statusText().contains(u"Waiting "_s), 3000);
    page()->stopListing(); // finished() may come at once
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(!page()->statusText().contains(u"Waiting"_s));
}

void TestStuckPage::bulkActionsWaitWhileABatchRuns()
{
    m_server->seedListedAssets(20, m_now.addDays(-20), m_now.addDays(-1), 51);
    QVERIFY(refresh().complete);
    auto *cancel = m_window->findChild<QPushButton *>(u"stuckCancelButton"_s);
    auto *scope = m_window->findChild<QLabel *>(u"stuckScopeLabel"_s);
    QVERIFY(cancel->isEnabled());
    // A slow batch from the Assets page.
    m_server->config().latencyMs = 300;
    m_window->assetModel()->addAssets(Test::assetIds(10, 0x4400), TargetStatus::Created);
    QSignalSpy finished(m_window.get(), &MainWindow::batchFinished);
    m_window->findChild<QAction *>(u"confirmAction"_s)->trigger();
    QVERIFY(m_window->isRunning());
    QVERIFY(!cancel->isEnabled());
    QVERIFY(!m_window->findChild<QPushButton *>(u"stuckConfirmButton"_s)->isEnabled());
    QVERIFY2(scope->text().contains(u"A batch is running"_s), qPrintable(scope->text()));
    QVERIFY(finished.wait(30000));
    QVERIFY(cancel->isEnabled());
    QVERIFY(!scope->text().contains(u"A batch is running"_s));
}

void TestStuckPage::anotherProfileForgetsTheListing()
{
    m_server->seedListedAssets(3000, m_now.addDays(-20), m_now.addDays(-1), 61);
    QVERIFY(refresh().complete);
    QCOMPARE(page()->model()->rowCount(), 3000);
    Profile other = Test::loopbackProfile(*m_server);
    other.name = u"other"_s;
    QString error;
    QVERIFY2(m_settings->saveProfile(other, &error), qPrintable(error));
    // Switching profiles clears what another project's listing showed, and stops a listing.
    QVERIFY(m_settings->setActiveProfileName(u"other"_s));
    QCOMPARE(page()->model()->rowCount(), 0);
    QVERIFY2(page()->statusText().startsWith(u"Not listed yet."_s),
             qPrintable(page()->statusText()));
    QVERIFY(!m_window->findChild<QPushButton *>(u"stuckCancelButton"_s)->isEnabled());
    QVERIFY(m_settings->setActiveProfileName(u"loopback"_s));
    m_server->config().latencyMs = 50;
    m_window->findChild<QAction *>(u"stuckRefreshAction"_s)->trigger();
    QTRY_VERIFY(page()->model()->rowCount() >= 100);
    QVERIFY(page()->isListing());
    QVERIFY(m_settings->setActiveProfileName(u"other"_s));
    QVERIFY(!page()->isListing());
    QCOMPARE(page()->model()->rowCount(), 0);
    QTest::qWait(200); // answers still on their way change nothing
    QCOMPARE(page()->model()->rowCount(), 0);
}

void TestStuckPage::bulkCancelOfTheFilteredList()
{
    // 120 uploads older than a day, 80 newer: the filter shows the old ones, all are cancelled.
    m_server->seedListedAssets(120, m_now.addDays(-20), m_now.addDays(-2), 21);
    const QStringList old = m_server->creatingAssetIds();
    m_server->seedListedAssets(80, m_now.addSecs(-20 * 3600), m_now.addSecs(-60), 22);
    QVERIFY(refresh().complete);
    QCOMPARE(page()->model()->rowCount(), 200);
    auto *older = m_window->findChild<QComboBox *>(u"stuckOlderThan"_s);
    older->setCurrentIndex(older->findText(u"1 day"_s));
    const QStringList shown = shownIds();
    QCOMPARE(shown.size(), 120);
    QCOMPARE(QSet<QString>(old.cbegin(), old.cend()), QSet<QString>(shown.cbegin(), shown.cend()));

    m_window->findChild<QPushButton *>(u"stuckCancelButton"_s)->click();
    QMessageBox *box = sendBox();
    QVERIFY(box);
    QVERIFY2(box->text().startsWith(u"Cancel 120 upload"_s), qPrintable(box->text()));
    QVERIFY2(box->informativeText().contains(u"Every upload shown"_s),
             qPrintable(box->informativeText()));
    QVERIFY2(box->informativeText().contains(u"cannot be undone"_s),
             qPrintable(box->informativeText()));
    QVERIFY2(box->informativeText().contains(u"CANCELLED"_s), qPrintable(box->informativeText()));
    // Going back is the default where it cannot be undone.
    QCOMPARE(box->defaultButton()->objectName(), u"stuckBackButton"_s);
    QSignalSpy started(m_window.get(), &MainWindow::batchStarted);
    QSignalSpy finished(m_window.get(), &MainWindow::batchFinished);
    box->findChild<QPushButton *>(u"stuckSendButton"_s)->click();

    // The batch runs on the Assets page, through the ordinary path.
    auto *tabs = m_window->findChild<QTabWidget *>(u"mainTabs"_s);
    QCOMPARE(tabs->currentWidget()->objectName(), u"assetsPage"_s);
    QVERIFY(finished.wait(60000));
    QCOMPARE(started.size(), 1);
    const QString batchId = started.first().first().toString();
    const BatchSummary summary = finished.first().first().value<BatchSummary>();
    QCOMPARE(summary.confirmed, 120);
    QCOMPARE(summary.failed + summary.notSent, 0);

    // Exactly one CANCELLED confirm per row shown, none for the others.
    const auto &counters = m_server->counters();
    QCOMPARE(counters.confirmRequestsTotal(), 120);
    for (const QString &id : old) {
        QCOMPARE(counters.confirmRequests.value(id), 1);
        QCOMPARE(m_server->assetStatus(id), u"CANCELLED"_s);
    }
    QCOMPARE(m_server->creatingAssetIds().size(), 80);

    // The history has the batch, finished, with one CANCELLED attempt per asset.
    QString error;
    QVERIFY2(m_history->flush(&error), qPrintable(error));
    const std::optional<BatchInfo> batch = m_history->batch(batchId);
    QVERIFY(batch);
    QVERIFY(batch->finishedAt.isValid());
    HistoryFilter filter;
    filter.batchId = batchId;
    const QList<HistoryRecord> records = m_history->find(filter, 0);
    QCOMPARE(records.size(), 120);
    for (const HistoryRecord &r : records)
        QCOMPARE(r.targetStatus, u"CANCELLED"_s);

    // The rows sent stay on the page, marked; they are not sent again.
    QCOMPARE(page()->model()->sentCount(), 120);
    const int row = page()->model()->rowOf(old.first());
    QCOMPARE(page()->model()->index(row, int(Column::Sent)).data().toString(),
             u"Cancel upload (CANCELLED)"_s);
    QVERIFY(!m_window->findChild<QPushButton *>(u"stuckCancelButton"_s)->isEnabled());
    // A new listing shows what still waits.
    QVERIFY(refresh().complete);
    QCOMPARE(page()->model()->rowCount(), 80);
}

void TestStuckPage::bulkActionOnTheSelectionSaysItCannotBeUndone()
{
    m_server->seedListedAssets(50, m_now.addDays(-20), m_now.addDays(-1), 31);
    const QStringList all = m_server->creatingAssetIds();
    // One of them is already in the asset table, queued to be confirmed.
    m_window->assetModel()->addAssets({all[2]}, TargetStatus::Created);
    QVERIFY(refresh().complete);
    table()->selectRow(1);
    table()->selectionModel()->select(table()->model()->index(2, 0),
                                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
    m_window->findChild<QPushButton *>(u"stuckFailButton"_s)->click();
    QMessageBox *box = sendBox();
    QVERIFY(box);
    QVERIFY2(box->text().startsWith(u"Mark 2 upload"_s), qPrintable(box->text()));
    QVERIFY(box->informativeText().contains(u"The selected uploads"_s));
    QVERIFY(box->informativeText().contains(u"cannot be undone"_s));
    QSignalSpy finished(m_window.get(), &MainWindow::batchFinished);
    box->findChild<QPushButton *>(u"stuckSendButton"_s)->click();
    QVERIFY(finished.wait(30000));
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 2);
    QCOMPARE(m_server->assetStatus(all[1]), u"UPLOAD_FAILED"_s);
    for (const QString &id : {all[1], all[2]}) {
        QCOMPARE(m_server->counters().confirmRequests.value(id), 1);
        // The asset table shows the target status sent, not the one it had before.
        const int row = m_window->assetModel()->rowOf(id);
        QCOMPARE(m_window->assetModel()->row(row).status, TargetStatus::Failed);
        QCOMPARE(m_window->assetModel()->row(row).state, AssetState::Confirmed);
    }
    QCOMPARE(m_window->assetModel()->rowCount(), 2);
}

void TestStuckPage::everyActionFromTheKeyboard()
{
    m_server->seedListedAssets(30, m_now.addDays(-20), m_now.addDays(-1), 41);
    auto *tabs = m_window->findChild<QTabWidget *>(u"mainTabs"_s);
    // The tab's own key: Alt+C.
    QTest::keyClick(m_window.get(), Qt::Key_C, Qt::AltModifier);
    QCOMPARE(tabs->currentWidget(), page());
    // F5 lists (the page shown), as the Refresh button does.
    QSignalSpy finished(page(), &StuckPage::listingFinished);
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(finished.wait(20000));
    QCOMPARE(page()->model()->rowCount(), 30);
    // Alt+R: Refresh.
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::AltModifier);
    QVERIFY(finished.wait(20000));
    // Alt+S and Alt+O reach the filters.
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget()->objectName(), u"stuckSearch"_s);
    QTest::keyClick(m_window.get(), Qt::Key_O, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget()->objectName(), u"stuckOlderThan"_s);
    // Alt+N, Alt+M, Alt+U ask before sending; Escape goes back and sends nothing.
    const std::pair<Qt::Key, QString> keys[] = {{Qt::Key_N, u"Confirm 30 upload"_s},
                                                {Qt::Key_M, u"Mark 30 upload"_s},
                                                {Qt::Key_U, u"Cancel 30 upload"_s}};
    for (const auto &[key, question] : keys) {
        QTest::keyClick(m_window.get(), key, Qt::AltModifier);
        QMessageBox *box = sendBox();
        QVERIFY(box);
        QVERIFY2(box->text().startsWith(question), qPrintable(box->text()));
        QTest::keyClick(box, Qt::Key_Escape);
        QTRY_VERIFY(!m_window->findChild<QMessageBox *>(u"stuckSendBox"_s));
        // The offscreen platform leaves no window active when a sheet closes.
        m_window->activateWindow();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 0);
    QCOMPARE(page()->model()->sentCount(), 0);
    // The table's context menu (the Menu key) has the three actions.
    QStringList names;
    for (QAction *a : table()->actions())
        names << a->objectName();
    QCOMPARE(names,
             QStringList({u"stuckConfirmAction"_s, u"stuckFailAction"_s, u"stuckCancelAction"_s}));
    QCOMPARE(table()->contextMenuPolicy(), Qt::ActionsContextMenu);
    // Confirm from the keyboard: Enter on the question's default button sends.
    table()->setFocus();
    table()->selectRow(0);
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::AltModifier);
    QMessageBox *box = sendBox();
    QVERIFY(box);
    QVERIFY2(box->text().startsWith(u"Confirm 1 upload"_s), qPrintable(box->text()));
    QSignalSpy batch(m_window.get(), &MainWindow::batchFinished);
    QTest::keyClick(box, Qt::Key_Return);
    QVERIFY(batch.wait(20000));
    QCOMPARE(m_server->counters().confirmRequestsTotal(), 1);

    // F5 on the History tab is the history's: nothing is listed.
    m_window->activateWindow();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    tabs->setCurrentWidget(m_window->findChild<QWidget *>(u"historyView"_s));
    m_window->findChild<QWidget *>(u"historySearch"_s)->setFocus();
    QSignalSpy requested(page(), &StuckPage::listRequested);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F5);
    QTest::qWait(50);
    QCOMPARE(requested.size(), 0);
    // On this tab it lists, wherever the focus is.
    tabs->setCurrentWidget(page());
    tabs->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F5);
    QCOMPARE(requested.size(), 1);
    QVERIFY(finished.wait(20000));
}

QTEST_MAIN(TestStuckPage)
#include "tst_stuckpage.moc"
