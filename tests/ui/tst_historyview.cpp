#include "csvreader.h"
#include "historyview.h"
#include "models/historytablemodel.h"
#include "settings/settings.h"
#include "storage/historystore.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace VodConfirm;
using VodConfirm::Test::parseCsv;
using namespace Qt::StringLiterals;

namespace {

QString assetId(int i)
{
    return u"%1"_s.arg(i + 0xa0, 32, 16, QChar(u'0'));
}

} // namespace

class TestHistoryView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void showsEveryRecordNewestFirst();
    void widgetsAreNamedAndAccessible();
    void searchByAssetId();
    void searchByText();
    void filterByOutcome();
    void filterByProfileAndDate();
    void exportCsvThroughDialog();
    void requeueEmitsSelectedIds();
    void requeueAsOtherStatus();
    void requeueOfEverythingShownTakesTheWholeResult();
    void ctrlFFocusesSearch();
    void retentionDeletesOldRowsOnWorker();
    void lazyFetchingOfLargeHistory();

private:
    template<typename T> T *find(const QString &objectName)
    {
        T *widget = m_view->findChild<T *>(objectName);
        if (!widget)
            qWarning("no widget %s", qPrintable(objectName));
        return widget;
    }
    void fill();
    void makeView();
    qsizetype expected(const std::function<bool(const HistoryRecord &)> &pred) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<HistoryView> m_view;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QList<HistoryRecord> m_records;
    QDateTime m_now;
};

void TestHistoryView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestHistoryView::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<Settings>(m_dir->filePath(u"settings.ini"_s));
    m_store = std::make_unique<HistoryStore>();
    QString error;
    QVERIFY2(m_store->open(m_dir->filePath(u"history.sqlite"_s), &error), qPrintable(error));
    m_now = QDateTime::currentDateTimeUtc();
}

void TestHistoryView::cleanup()
{
    m_tester.reset();
    m_view.reset();
    m_store.reset();
    m_settings.reset();
    m_dir.reset();
    m_records.clear();
}

// Ten assets, one every five days back from now; asset 3 needed a retry; 0, 6 and 9 failed;
// 9 was meant to be cancelled; 0-4 under profile "prod", the rest under "test".
void TestHistoryView::fill()
{
    for (int i = 0; i < 10; ++i) {
        HistoryRecord r;
        r.batchId = u"batch-%1"_s.arg(i / 5);
        r.time = m_now.addDays(-5 * i);
        r.profile = i < 5 ? u"prod"_s : u"test"_s;
        r.region = u"cn-north-4"_s;
        r.projectId = u"0a1b2c3d4e5f60718293a4b5c6d7e8f9"_s;
        r.assetId = assetId(i);
        r.targetStatus = i == 9 ? u"CANCELLED"_s : u"CREATED"_s;
        const bool failed = i == 0 || i == 6 || i == 9;
        r.outcome = failed ? Outcome::Failed : Outcome::Confirmed;
        r.httpStatus = failed ? 403 : 200;
        if (failed) {
            r.errorCode = u"VOD.10062"_s;
            r.errorMessage = u"Media asset or resource does not exist, please check."_s;
        }
        r.requestId = u"req-%1"_s.arg(i);
        r.attempt = i == 3 ? 2 : 1;
        r.durationMs = 100 + i;
        if (i == 3) {
            HistoryRecord retry = r;
            retry.time = r.time.addSecs(-60);
            retry.outcome = Outcome::Retrying;
            retry.httpStatus = 503;
            retry.errorCode = u"APIGW.0201"_s;
            retry.errorMessage = u"Backend unavailable."_s;
            retry.requestId = u"req-3-retry"_s;
            retry.attempt = 1;
            m_records << retry;
            m_store->append(retry);
        }
        m_records << r;
        m_store->append(r);
    }
    QString error;
    QVERIFY2(m_store->flush(&error), qPrintable(error));
    QCOMPARE(m_store->count({}), qint64(m_records.size()));
}

void TestHistoryView::makeView()
{
    m_view = std::make_unique<HistoryView>(m_store.get(), m_settings.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
            m_view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_view->resize(1200, 600);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

qsizetype TestHistoryView::expected(const std::function<bool(const HistoryRecord &)> &pred) const
{
    return std::count_if(m_records.cbegin(), m_records.cend(), pred);
}

void TestHistoryView::showsEveryRecordNewestFirst()
{
    fill();
    makeView();
    HistoryTableModel *model = m_view->model();
    QCOMPARE(model->rowCount(), int(m_records.size()));
    QCOMPARE(model->totalCount(), qint64(m_records.size()));
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(model->record(row - 1).time >= model->record(row).time);
    QCOMPARE(model->record(0).assetId, assetId(0));
    const auto assetColumn = int(HistoryTableModel::Column::AssetId);
    QCOMPARE(model->index(0, assetColumn).data().toString(), assetId(0));
    QCOMPARE(model->headerData(assetColumn, Qt::Horizontal).toString(), u"Asset ID"_s);
    auto *label = find<QLabel>(u"historyCountLabel"_s);
    QVERIFY(label->text().contains(QString::number(m_records.size())));
}

void TestHistoryView::widgetsAreNamedAndAccessible()
{
    makeView();
    const QList<QWidget *> widgets = m_view->findChildren<QWidget *>();
    int interactive = 0;
    for (QWidget *w : widgets) {
        const bool isInteractive = qobject_cast<QAbstractButton *>(w)
                || qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w)
                || qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QTableView *>(w);
        if (!isInteractive || !w->isVisible() || w->focusPolicy() == Qt::NoFocus)
            continue;
        // Sub-widgets Qt creates inside composite widgets (a spin box's line edit, the
        // table's corner button) are named by their parent.
        if (qobject_cast<QAbstractSpinBox *>(w->parentWidget())
            || qobject_cast<QComboBox *>(w->parentWidget())
            || qobject_cast<QTableView *>(w->parentWidget()))
            continue;
        ++interactive;
        QVERIFY2(!w->objectName().isEmpty(), w->metaObject()->className());
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
    QVERIFY(interactive >= 12);
}

void TestHistoryView::searchByAssetId()
{
    fill();
    makeView();
    auto *search = find<QLineEdit>(u"historySearch"_s);
    QTest::keyClicks(search, assetId(3));
    // Asset 3 has two attempts: the retry and the success.
    QTRY_COMPARE(m_view->model()->rowCount(), 2);
    QCOMPARE(m_view->model()->record(0).assetId, assetId(3));
    QCOMPARE(m_view->model()->record(1).outcome, Outcome::Retrying);

    // A prefix matches every id starting with it.
    search->clear();
    QTest::keyClicks(search, assetId(0).left(30));
    QTRY_COMPARE(m_view->model()->rowCount(), int(expected([](const HistoryRecord &r) {
                     return r.assetId.startsWith(assetId(0).left(30));
                 })));
    search->clear();
    QTest::keyClicks(search, u"ffff"_s);
    QTRY_COMPARE(m_view->model()->rowCount(), 0);
    QTRY_VERIFY(find<QLabel>(u"historyCountLabel"_s)->text().contains(u"match"_s));
}

void TestHistoryView::searchByText()
{
    fill();
    makeView();
    auto *scope = find<QComboBox>(u"historySearchScope"_s);
    scope->setCurrentIndex(scope->findData(u"text"_s));
    auto *search = find<QLineEdit>(u"historySearch"_s);
    QTest::keyClicks(search, u"vod.10062"_s);
    QTest::keyClick(search, Qt::Key_Return);
    const auto failed
            = expected([](const HistoryRecord &r) { return r.errorCode == "VOD.10062"_L1; });
    QCOMPARE(failed, 3);
    QTRY_COMPARE(m_view->model()->rowCount(), int(failed));

    search->clear();
    QTest::keyClicks(search, u"req-3-retry"_s);
    QTRY_COMPARE(m_view->model()->rowCount(), 1);
    QCOMPARE(m_view->model()->record(0).errorCode, u"APIGW.0201"_s);

    search->clear();
    QTest::keyClicks(search, u"Backend unavail"_s);
    QTRY_COMPARE(m_view->model()->rowCount(), 1);
}

void TestHistoryView::filterByOutcome()
{
    fill();
    makeView();
    auto *outcome = find<QComboBox>(u"historyOutcome"_s);
    for (const Outcome key :
         {Outcome::Failed, Outcome::Confirmed, Outcome::Retrying, Outcome::NotSent}) {
        outcome->setCurrentIndex(outcome->findData(QString(outcomeName(key))));
        QTRY_COMPARE(m_view->model()->rowCount(),
                     int(expected([&](const HistoryRecord &r) { return r.outcome == key; })));
        for (int row = 0; row < m_view->model()->rowCount(); ++row)
            QCOMPARE(m_view->model()->record(row).outcome, key);
    }
    outcome->setCurrentIndex(0);
    QTRY_COMPARE(m_view->model()->rowCount(), int(m_records.size()));
}

void TestHistoryView::filterByProfileAndDate()
{
    Profile prod;
    prod.name = u"prod"_s;
    prod.regionId = u"cn-north-4"_s;
    Profile test = prod;
    test.name = u"test"_s;
    QVERIFY(m_settings->saveProfile(prod));
    QVERIFY(m_settings->saveProfile(test));
    fill();
    makeView();
    auto *profile = find<QComboBox>(u"historyProfile"_s);
    QCOMPARE(profile->count(), 3); // all + two profiles
    profile->setCurrentIndex(profile->findData(u"test"_s));
    QTRY_COMPARE(m_view->model()->rowCount(), 5);
    QCOMPARE(m_view->currentFilter().profile, u"test"_s);

    // From twelve days ago: assets 5 (25 days) .. 9 are older, so none of "test" remain.
    auto *fromEnabled = find<QCheckBox>(u"historyFromEnabled"_s);
    auto *from = find<QDateEdit>(u"historyFrom"_s);
    from->setDate(m_now.addDays(-12).toLocalTime().date());
    fromEnabled->setChecked(true);
    QVERIFY(from->isEnabled());
    QTRY_COMPARE(m_view->model()->rowCount(), 0);
    profile->setCurrentIndex(0);
    // Assets 0, 1 and 2 (0, 5 and 10 days old).
    QTRY_COMPARE(m_view->model()->rowCount(), 3);

    // To: up to and including the day five days ago leaves assets 1 and 2.
    auto *toEnabled = find<QCheckBox>(u"historyToEnabled"_s);
    find<QDateEdit>(u"historyTo"_s)->setDate(m_now.addDays(-5).toLocalTime().date());
    QTest::mouseClick(toEnabled, Qt::LeftButton);
    QVERIFY(toEnabled->isChecked());
    QTRY_COMPARE(m_view->model()->rowCount(), 2);
    QCOMPARE(m_view->model()->record(0).assetId, assetId(1));
}

void TestHistoryView::exportCsvThroughDialog()
{
    fill();
    makeView();
    auto *outcome = find<QComboBox>(u"historyOutcome"_s);
    outcome->setCurrentIndex(outcome->findData(u"failed"_s));
    QTRY_COMPARE(m_view->model()->rowCount(), 3);

    QSignalSpy finished(m_view.get(), &HistoryView::exportFinished);
    auto *button = find<QPushButton>(u"historyExportButton"_s);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QFileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_view->findChild<QFileDialog *>(u"historyExportDialog"_s)));
    QTRY_VERIFY(dialog->isVisible());
    const QString path = m_dir->filePath(u"failed.csv"_s);
    dialog->selectFile(path);
    auto *fileName = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s);
    QVERIFY(fileName);
    QTest::keyClick(fileName, Qt::Key_Return);

    QVERIFY(finished.wait(10000) || finished.size() == 1);
    QCOMPARE(finished.size(), 1);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(2).toString()));
    QCOMPARE(finished.at(0).at(1).toString(), path);

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = parseCsv(file.readAll());
    QCOMPARE(rows.size(), 1 + 3);
    QCOMPARE(rows.at(0), HistoryStore::csvColumns());
    const int assetColumn = int(HistoryStore::csvColumns().indexOf(u"asset_id"_s));
    const int outcomeColumn = int(HistoryStore::csvColumns().indexOf(u"outcome"_s));
    QVERIFY(assetColumn >= 0 && outcomeColumn >= 0);
    // Oldest first: assets 9, 6, 0.
    QCOMPARE(rows.at(1).at(assetColumn), assetId(9));
    QCOMPARE(rows.at(2).at(assetColumn), assetId(6));
    QCOMPARE(rows.at(3).at(assetColumn), assetId(0));
    for (int i = 1; i < rows.size(); ++i)
        QCOMPARE(rows.at(i).at(outcomeColumn), u"failed"_s);
    QVERIFY(!m_view->isBusy());
}

void TestHistoryView::requeueEmitsSelectedIds()
{
    fill();
    makeView();
    auto *button = find<QToolButton>(u"historyRequeueButton"_s);
    QVERIFY(!button->isEnabled()); // nothing selected
    auto *outcome = find<QComboBox>(u"historyOutcome"_s);
    outcome->setCurrentIndex(outcome->findData(u"failed"_s));
    QTRY_COMPARE(m_view->model()->rowCount(), 3);
    auto *table = find<QTableView>(u"historyTable"_s);
    table->setFocus();
    QTest::keyClick(table, Qt::Key_A, Qt::ControlModifier);
    QTRY_VERIFY(button->isEnabled());
    QCOMPARE(m_view->selectedAssetIds(), QStringList({assetId(0), assetId(6), assetId(9)}));

    QSignalSpy requeued(m_view.get(), &HistoryView::requeueRequested);
    QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(8, button->height() / 2));
    // One signal per recorded target status, in table order.
    QCOMPARE(requeued.size(), 2);
    QCOMPARE(requeued.at(0).at(0).toStringList(), QStringList({assetId(0), assetId(6)}));
    QCOMPARE(requeued.at(0).at(1).toString(), u"CREATED"_s);
    QCOMPARE(requeued.at(1).at(0).toStringList(), QStringList({assetId(9)}));
    QCOMPARE(requeued.at(1).at(1).toString(), u"CANCELLED"_s);
}

void TestHistoryView::requeueOfEverythingShownTakesTheWholeResult()
{
    // 1,200 failed assets: the view loads a page of 500; select all + Re-queue means all 1,200.
    for (int i = 0; i < 1200; ++i) {
        HistoryRecord r;
        r.batchId = u"big"_s;
        r.time = m_now.addSecs(-i);
        r.assetId = assetId(100 + i);
        r.targetStatus = u"CREATED"_s;
        r.outcome = Outcome::Failed;
        m_store->append(r);
    }
    QVERIFY(m_store->flush());
    // Without the model tester, which fetches every page.
    m_view = std::make_unique<HistoryView>(m_store.get(), m_settings.get());
    m_view->resize(1200, 600);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QTRY_VERIFY(m_view->model()->totalCount() == 1200);
    QVERIFY(m_view->model()->rowCount() < 1200);
    auto *table = find<QTableView>(u"historyTable"_s);
    table->selectAll();
    QSignalSpy requeued(m_view.get(), &HistoryView::requeueRequested);
    m_view->requeueSelected();
    QTRY_COMPARE_WITH_TIMEOUT(requeued.size(), 1, 20000);
    const QStringList ids = requeued.first().at(0).toStringList();
    QCOMPARE(ids.size(), 1200);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 1200);
    QVERIFY(!m_view->isBusy());
}

void TestHistoryView::requeueAsOtherStatus()
{
    fill();
    makeView();
    auto *search = find<QLineEdit>(u"historySearch"_s);
    QTest::keyClicks(search, assetId(3));
    QTRY_COMPARE(m_view->model()->rowCount(), 2);
    auto *table = find<QTableView>(u"historyTable"_s);
    table->selectAll();
    QSignalSpy requeued(m_view.get(), &HistoryView::requeueRequested);
    auto *action = m_view->findChild<QAction *>(u"historyRequeueAsFAILED"_s);
    QVERIFY(action);
    action->trigger();
    QCOMPARE(requeued.size(), 1);
    // Two attempts of one asset: the id once.
    QCOMPARE(requeued.at(0).at(0).toStringList(), QStringList({assetId(3)}));
    QCOMPARE(requeued.at(0).at(1).toString(), u"FAILED"_s);
}

void TestHistoryView::ctrlFFocusesSearch()
{
    makeView();
    m_view->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    auto *table = find<QTableView>(u"historyTable"_s);
    table->setFocus();
    QTRY_VERIFY(table->hasFocus());
    QTest::keyClick(table, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(find<QLineEdit>(u"historySearch"_s)->hasFocus());
}

void TestHistoryView::retentionDeletesOldRowsOnWorker()
{
    fill();
    makeView();
    QCOMPARE(m_view->model()->rowCount(), int(m_records.size()));
    QSignalSpy applied(m_view.get(), &HistoryView::retentionApplied);
    // Keep 22 days: assets 5..9 (25..45 days old) go.
    auto *retention = find<QSpinBox>(u"historyRetention"_s);
    QCOMPARE(retention->value(), 0);
    QCOMPARE(retention->text(), u"Keep everything"_s);
    retention->setFocus();
    retention->selectAll();
    QTest::keyClicks(retention, u"22"_s);
    QTest::keyClick(retention, Qt::Key_Return);
    QCOMPARE(m_settings->historyRetentionDays(), 22);
    QVERIFY(applied.wait(10000) || applied.size() == 1);
    QCOMPARE(applied.at(0).at(0).toLongLong(), 5);
    QTRY_COMPARE(m_view->model()->rowCount(), int(m_records.size()) - 5);
    QCOMPARE(m_store->count({}), qint64(m_records.size()) - 5);
    QVERIFY(!m_view->isBusy());
}

void TestHistoryView::lazyFetchingOfLargeHistory()
{
    // VODCONFIRM_HISTORY_ROWS=1000000 tries a larger history by hand; timings are printed only.
    const int requested = qEnvironmentVariableIntValue("VODCONFIRM_HISTORY_ROWS");
    const int Total = requested >= 20000 ? requested : 100000;
    HistoryRecord r;
    r.profile = u"prod"_s;
    r.region = u"cn-north-4"_s;
    r.targetStatus = u"CREATED"_s;
    r.outcome = Outcome::Confirmed;
    r.httpStatus = 200;
    const QDateTime start = m_now.addDays(-1);
    for (int i = 0; i < Total; ++i) {
        r.assetId = u"%1"_s.arg(i, 32, 16, QChar(u'0'));
        r.time = start.addMSecs(i * 10);
        m_store->append(r);
    }
    QString error;
    QVERIFY2(m_store->flush(&error), qPrintable(error));

    QElapsedTimer timer;
    timer.start();
    makeView();
    qInfo("history of %d rows: view shown with its first rows after %lld ms", Total,
          timer.elapsed());
    HistoryTableModel *model = m_view->model();
    QCOMPARE(model->totalCount(), qint64(Total));
    // Only whole pages are loaded (the view may ask for a page or two more to fill itself).
    QVERIFY(model->rowCount() < Total);
    QVERIFY(model->rowCount() >= model->pageSize());
    QCOMPARE(model->rowCount() % model->pageSize(), 0);
    QVERIFY(model->canFetchMore({}));
    QVERIFY(find<QLabel>(u"historyCountLabel"_s)->text().contains(QLocale().toString(Total)));

    const int loaded = model->rowCount();
    const HistoryRecord lastLoaded = model->record(loaded - 1);
    model->fetchMore({});
    QCOMPARE(model->rowCount(), loaded + model->pageSize());
    // The next page continues where the last one ended, newest first, without overlap or gap.
    QVERIFY(model->record(loaded).time < lastLoaded.time);
    QCOMPARE(model->record(0).assetId, u"%1"_s.arg(Total - 1, 32, 16, QChar(u'0')));
    QCOMPARE(model->record(model->rowCount() - 1).assetId,
             u"%1"_s.arg(Total - model->rowCount(), 32, 16, QChar(u'0')));

    // Scrolling to the end of the table makes the view fetch more on its own.
    auto *table = find<QTableView>(u"historyTable"_s);
    const int before = model->rowCount();
    table->scrollToBottom();
    QTRY_VERIFY(model->rowCount() > before);
    QVERIFY(model->rowCount() < Total);

    // Filtering a large history still answers with the count and the first page only.
    auto *search = find<QLineEdit>(u"historySearch"_s);
    QTest::keyClicks(search, u"00000000000000000000000000001"_s);
    timer.start();
    QTRY_COMPARE(model->totalCount(), qint64(16 * 16 * 16));
    qInfo("asset id prefix search answered within %lld ms (including the %d ms typing delay)",
          timer.elapsed(), 250);
    QVERIFY(model->rowCount() < 16 * 16 * 16);
    QCOMPARE(model->record(0).assetId, u"%1"_s.arg(0x1fff, 32, 16, QChar(u'0')));
}

QTEST_MAIN(TestHistoryView)
#include "tst_historyview.moc"
