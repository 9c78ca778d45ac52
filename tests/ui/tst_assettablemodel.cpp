#include "models/assetfilterproxy.h"
#include "models/assettablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace VodConfirm;
using namespace Qt::StringLiterals;
using Column = AssetTableModel::Column;
using Bucket = AssetTableModel::Bucket;

class TestAssetTableModel : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void addIsOneBatchedInsertAndSkipsDuplicates();
    void displayAndSortValues();
    void updatesAreCoalescedUntilFlush();
    void manyUpdatesGiveFewSignals();
    void updatesForRemovedRowsAreDropped();
    void removeKeepsLookupConsistent();
    void requeueClearsTheLastAnswer();
    void bucketCountsFollowUpdates();
    void proxyFiltersByBucketAndText();
    void proxySortsOnRawValues();
    void tooltipCarriesServerErrorAndHint();
    void tooltipExplainsEveryCataloguedCode();
    void notSentRowPointsToSendRemaining();

private:
    static AssetUpdate update(const QString &id, AssetState state, int httpStatus = 0,
                              const QString &code = {}, const QString &message = {});
    AssetTableModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

static QString id(int n)
{
    return u"%1"_s.arg(n, 32, 16, QChar(u'0'));
}

AssetUpdate TestAssetTableModel::update(const QString &assetId, AssetState state, int httpStatus,
                                        const QString &code, const QString &message)
{
    AssetUpdate u;
    u.assetId = assetId;
    u.state = state;
    u.attempts = state == AssetState::Queued ? 0 : 1;
    u.maxAttempts = 5;
    u.last.httpStatus = httpStatus;
    u.last.errorCode = code;
    u.last.errorMessage = message;
    u.last.requestId = httpStatus ? u"req-"_s + assetId.right(4) : QString();
    u.last.errorClass = code.isEmpty() ? ErrorClass::None
            : code == "VOD.10062"_L1   ? ErrorClass::NotFound
                                       : ErrorClass::Transient;
    u.updatedAt = QDateTime::currentDateTimeUtc();
    return u;
}

void TestAssetTableModel::init()
{
    m_model = new AssetTableModel(this);
    m_model->setUpdateInterval(20);
    m_tester = new QAbstractItemModelTester(
            m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
}

void TestAssetTableModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestAssetTableModel::addIsOneBatchedInsertAndSkipsDuplicates()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QCOMPARE(m_model->addAssets({id(1), id(2), id(2), id(3)}, TargetStatus::Created), 3);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 2);

    // Already in the table: skipped; new ones appended after the existing rows in one insert.
    QCOMPARE(m_model->addAssets({id(3), id(4), id(1), id(5)}, TargetStatus::Failed), 2);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(m_model->rowCount(), 5);
    QCOMPARE(m_model->rowOf(id(5)), 4);
    QCOMPARE(m_model->row(3).status, TargetStatus::Failed);
    QCOMPARE(m_model->addAssets({id(1)}, TargetStatus::Created), 0);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(m_model->count(Bucket::Queued), 5);
}

void TestAssetTableModel::displayAndSortValues()
{
    m_model->addAssets({id(1)}, TargetStatus::Cancelled);
    auto cell = [this](Column c, int role = Qt::DisplayRole) {
        return m_model->index(0, int(c)).data(role);
    };
    QCOMPARE(cell(Column::AssetId).toString(), id(1));
    QCOMPARE(cell(Column::TargetStatus).toString(), u"CANCELLED"_s);
    QCOMPARE(cell(Column::State).toString(), u"Queued"_s);
    QVERIFY(!cell(Column::HttpStatus).isValid());
    // A queued row has no colour of its own: nothing, not an invalid colour (painted black).
    QVERIFY(!cell(Column::State, Qt::BackgroundRole).isValid());

    AssetUpdate u
            = update(id(1), AssetState::Retrying, 503, u"APIGW.0201"_s, u"Backend unavailable."_s);
    u.status = TargetStatus::Cancelled;
    m_model->queueUpdate(u);
    m_model->flushUpdates();
    QCOMPARE(cell(Column::State).toString(), u"Retrying 2/5"_s);
    QCOMPARE(cell(Column::HttpStatus).toInt(), 503);
    QCOMPARE(cell(Column::ErrorCode).toString(), u"APIGW.0201"_s);
    QCOMPARE(cell(Column::ErrorMessage).toString(), u"Backend unavailable."_s);
    QCOMPARE(cell(Column::Attempts).toInt(), 1);
    QCOMPARE(cell(Column::RequestId).toString(), u"req-"_s + id(1).right(4));
    QVERIFY(!cell(Column::LastUpdate).toString().isEmpty());
    QCOMPARE(cell(Column::State, AssetTableModel::SortRole).toInt(), int(AssetState::Retrying));
    QCOMPARE(cell(Column::LastUpdate, AssetTableModel::SortRole).toLongLong(),
             u.updatedAt.toMSecsSinceEpoch());
    QVERIFY(cell(Column::State, Qt::BackgroundRole).value<QColor>().isValid());
    for (int c = 0; c < int(Column::Count); ++c)
        QVERIFY(!m_model->headerData(c, Qt::Horizontal).toString().isEmpty());
}

void TestAssetTableModel::updatesAreCoalescedUntilFlush()
{
    m_model->addAssets({id(1), id(2), id(3)}, TargetStatus::Created);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy counts(m_model, &AssetTableModel::countsChanged);

    m_model->queueUpdate(update(id(2), AssetState::Sending));
    m_model->queueUpdate(update(id(2), AssetState::Retrying, 429, u"APIGW.0308"_s));
    m_model->queueUpdate(update(id(2), AssetState::Confirmed, 200));
    QVERIFY(m_model->hasPendingUpdates());
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_model->row(1).state, AssetState::Queued);

    // The timer applies the last update per asset, in one signal for the one changed row.
    QTRY_VERIFY(!m_model->hasPendingUpdates());
    QCOMPARE(m_model->row(1).state, AssetState::Confirmed);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 1);
    QCOMPARE(counts.size(), 1);
    QCOMPARE(m_model->count(Bucket::Confirmed), 1);
    QCOMPARE(m_model->count(Bucket::Queued), 2);
}

void TestAssetTableModel::manyUpdatesGiveFewSignals()
{
    QStringList ids;
    for (int i = 0; i < 1000; ++i)
        ids << id(i);
    m_model->addAssets(ids, TargetStatus::Created);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);

    // Two separate runs: two signals, each covering its run.
    for (int i = 10; i < 20; ++i)
        m_model->queueUpdate(update(id(i), AssetState::Sending));
    for (int i = 500; i < 510; ++i)
        m_model->queueUpdate(update(id(i), AssetState::Sending));
    m_model->flushUpdates();
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 10);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 19);
    QCOMPARE(changed.at(1).at(0).toModelIndex().row(), 500);

    // Scattered rows: one signal for the span.
    changed.clear();
    for (int i = 0; i < 100; ++i)
        m_model->queueUpdate(update(id(i * 7 + 3), AssetState::Confirmed, 200));
    m_model->flushUpdates();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 3);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 99 * 7 + 3);

    // More than half of the table: one whole-range signal.
    changed.clear();
    for (int i = 0; i < 600; ++i)
        m_model->queueUpdate(update(id(i), AssetState::Confirmed, 200));
    m_model->flushUpdates();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 999);
    // 600 rows, plus the 14 scattered ones at rows 603..696 confirmed before.
    QCOMPARE(m_model->count(Bucket::Confirmed), 614);
    QCOMPARE(m_model->count(Bucket::Running), 0); // the sending rows were all confirmed since
}

void TestAssetTableModel::updatesForRemovedRowsAreDropped()
{
    m_model->addAssets({id(1), id(2)}, TargetStatus::Created);
    m_model->queueUpdate(update(id(1), AssetState::Confirmed, 200));
    m_model->queueUpdate(update(id(2), AssetState::Confirmed, 200));
    QCOMPARE(m_model->removeAssetRows({0}), 1);
    m_model->flushUpdates();
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->row(0).assetId, id(2));
    QCOMPARE(m_model->row(0).state, AssetState::Confirmed);
    m_model->queueUpdate(update(u"unknown"_s, AssetState::Confirmed, 200));
    m_model->flushUpdates();
    QCOMPARE(m_model->count(Bucket::Confirmed), 1);
}

void TestAssetTableModel::removeKeepsLookupConsistent()
{
    QStringList ids;
    for (int i = 0; i < 10; ++i)
        ids << id(i);
    m_model->addAssets(ids, TargetStatus::Created);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    // Two runs (1..2 and 5), given unordered and with a duplicate and an invalid row.
    QCOMPARE(m_model->removeAssetRows({5, 1, 2, 2, 42}), 3);
    QCOMPARE(removed.size(), 2);
    QCOMPARE(m_model->rowCount(), 7);
    const QStringList left = m_model->assetIds();
    QCOMPARE(left, (QStringList {id(0), id(3), id(4), id(6), id(7), id(8), id(9)}));
    for (int r = 0; r < left.size(); ++r)
        QCOMPARE(m_model->rowOf(left.at(r)), r);
    QVERIFY(!m_model->contains(id(5)));
    QCOMPARE(m_model->count(Bucket::All), 7);
    QCOMPARE(m_model->count(Bucket::Queued), 7);
    // A removed id can be added again.
    QCOMPARE(m_model->addAssets({id(5)}, TargetStatus::Created), 1);
    QCOMPARE(m_model->rowOf(id(5)), 7);
}

void TestAssetTableModel::requeueClearsTheLastAnswer()
{
    m_model->addAssets({id(1), id(2)}, TargetStatus::Created);
    m_model->queueUpdate(
            update(id(1), AssetState::Failed, 500, u"APIGW.0201"_s, u"Backend timeout."_s));
    m_model->flushUpdates();
    QCOMPARE(m_model->count(Bucket::Failed), 1);
    m_model->requeue({0});
    QCOMPARE(m_model->row(0).state, AssetState::Queued);
    QCOMPARE(m_model->row(0).last.httpStatus, 0);
    // Attempts count on across batches: the next batch's first attempt is the second.
    QCOMPARE(m_model->index(0, int(Column::Attempts)).data().toInt(), 1);
    AssetUpdate again = update(id(1), AssetState::Confirmed, 200);
    m_model->queueUpdate(again);
    m_model->flushUpdates();
    QCOMPARE(m_model->index(0, int(Column::Attempts)).data().toInt(), 2);
    m_model->requeue({0});
    QVERIFY(m_model->index(0, int(Column::ErrorCode)).data().toString().isEmpty());
    QCOMPARE(m_model->count(Bucket::Failed), 0);
    QCOMPARE(m_model->count(Bucket::Queued), 2);
}

void TestAssetTableModel::bucketCountsFollowUpdates()
{
    QStringList ids;
    for (int i = 0; i < 12; ++i)
        ids << id(i);
    m_model->addAssets(ids, TargetStatus::Created);
    const AssetState states[]
            = {AssetState::Sending,   AssetState::Retrying,  AssetState::Confirmed,
               AssetState::Confirmed, AssetState::Confirmed, AssetState::Failed,
               AssetState::NotSent,   AssetState::NotSent};
    int i = 0;
    for (AssetState s : states)
        m_model->queueUpdate(update(id(i++), s, 200));
    m_model->flushUpdates();
    QCOMPARE(m_model->count(Bucket::All), 12);
    QCOMPARE(m_model->count(Bucket::Queued), 4);
    QCOMPARE(m_model->count(Bucket::Running), 2);
    QCOMPARE(m_model->count(Bucket::Confirmed), 3);
    QCOMPARE(m_model->count(Bucket::Failed), 1);
    QCOMPARE(m_model->count(Bucket::NotSent), 2);
    QCOMPARE(m_model->count(AssetState::NotSent), 2);
}

void TestAssetTableModel::proxyFiltersByBucketAndText()
{
    AssetFilterProxy proxy;
    proxy.setSourceModel(m_model);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->addAssets({id(0xa1), id(0xb2), id(0xc3), id(0xd4)}, TargetStatus::Created);
    m_model->queueUpdate(update(id(0xa1), AssetState::Failed, 403, u"VOD.10062"_s,
                                u"Media asset or resource does not exist, please check."_s));
    m_model->queueUpdate(update(id(0xb2), AssetState::Confirmed, 200));
    m_model->queueUpdate(
            update(id(0xc3), AssetState::Failed, 500, u"APIGW.0201"_s, u"Backend unavailable."_s));
    m_model->flushUpdates();

    QCOMPARE(proxy.rowCount(), 4);
    proxy.setBucket(Bucket::Failed);
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setTextFilter(u"vod.10062"_s); // any column, case-insensitive
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data().toString(), id(0xa1));
    proxy.setTextFilter(u"vod.10062"_s, int(Column::ErrorMessage)); // not in that column
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setTextFilter(u"does not exist"_s, int(Column::ErrorMessage));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setTextFilter({});
    proxy.setBucket(Bucket::Queued);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data().toString(), id(0xd4));

    // The filter is live: a row leaves the bucket when its state changes.
    m_model->queueUpdate(update(id(0xd4), AssetState::Sending));
    m_model->flushUpdates();
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setBucket(Bucket::Running);
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setBucket(Bucket::All);
    QCOMPARE(proxy.rowCount(), 4);
}

void TestAssetTableModel::proxySortsOnRawValues()
{
    AssetFilterProxy proxy;
    proxy.setSourceModel(m_model);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->addAssets({id(1), id(2), id(3)}, TargetStatus::Created);
    // HTTP 99 < 200 < 1000 numerically but not as text: the proxy must sort raw values.
    m_model->queueUpdate(update(id(1), AssetState::Failed, 500, u"X"_s));
    m_model->queueUpdate(update(id(2), AssetState::Confirmed, 200));
    m_model->queueUpdate(update(id(3), AssetState::Failed, 1000, u"X"_s));
    m_model->flushUpdates();
    proxy.sort(int(Column::HttpStatus), Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, 0).data().toString(), id(2));
    QCOMPARE(proxy.index(1, 0).data().toString(), id(1));
    QCOMPARE(proxy.index(2, 0).data().toString(), id(3));
    proxy.sort(int(Column::State), Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, int(Column::State)).data().toString(), u"Failed"_s);
    QCOMPARE(proxy.index(2, int(Column::State)).data().toString(), u"Confirmed"_s);

    // Sorting stays live while updates arrive.
    proxy.sort(int(Column::HttpStatus), Qt::AscendingOrder);
    m_model->queueUpdate(update(id(3), AssetState::Confirmed, 100));
    m_model->flushUpdates();
    QCOMPARE(proxy.index(0, 0).data().toString(), id(3));
}

void TestAssetTableModel::tooltipCarriesServerErrorAndHint()
{
    m_model->addAssets({id(7)}, TargetStatus::Created);
    m_model->queueUpdate(update(id(7), AssetState::Failed, 403, u"VOD.10062"_s,
                                u"Media asset or resource does not exist, please check."_s));
    m_model->flushUpdates();
    const QString tip
            = m_model->index(0, int(Column::ErrorMessage)).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"VOD.10062"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"Media asset or resource does not exist"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"does not exist in this project/region"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"req-"_s), qPrintable(tip));
    QVERIFY(m_model->index(0, int(Column::AssetId)).data(Qt::ToolTipRole).isNull());
}

// A retry left waiting when the batch stopped is not retried by itself: its hint says so, not
// the catalogue's "a batch retries it automatically".
void TestAssetTableModel::notSentRowPointsToSendRemaining()
{
    m_model->addAssets({id(8), id(9)}, TargetStatus::Created);
    AssetUpdate waiting = update(id(8), AssetState::Retrying, 503, u"VOD.10051"_s, u"busy"_s);
    m_model->queueUpdate(waiting);
    AssetUpdate left = waiting;
    left.state = AssetState::NotSent;
    left.note = u"not sent again: the batch was stopped"_s;
    m_model->queueUpdate(left);
    m_model->queueUpdate(update(id(9), AssetState::Retrying, 503, u"VOD.10051"_s, u"busy"_s));
    m_model->flushUpdates();
    const auto tip = [&](int row) {
        return m_model->index(row, int(Column::ErrorMessage)).data(Qt::ToolTipRole).toString();
    };
    QCOMPARE(m_model->index(0, int(Column::State)).data().toString(), u"Not sent"_s);
    QVERIFY2(tip(0).contains(u"Send Remaining"_s), qPrintable(tip(0)));
    QVERIFY2(!tip(0).contains(u"automatically"_s), qPrintable(tip(0)));
    QVERIFY2(tip(0).contains(u"req-"_s), qPrintable(tip(0))); // the server's answer stays
    QVERIFY2(!tip(1).contains(u"Send Remaining"_s), qPrintable(tip(1))); // still retrying
}

// The GUI explains every code the error catalogue knows, in the catalogue's words.
void TestAssetTableModel::tooltipExplainsEveryCataloguedCode()
{
    int n = 0;
    for (const ErrorEntry &e : ErrorCatalogue::entries()) {
        if (e.match != ErrorEntry::Match::Code)
            continue;
        const QString assetId = id(100 + n);
        m_model->addAssets({assetId}, TargetStatus::Created);
        AssetUpdate u = update(assetId, AssetState::Failed, e.statusFrom ? e.statusFrom : 403,
                               QString(e.code), u"as the server said"_s);
        u.last.errorClass = e.errorClass;
        m_model->queueUpdate(u);
        m_model->flushUpdates();
        const QString tip
                = m_model->index(n, int(Column::ErrorCode)).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QString(e.code)) && tip.contains(e.hint())
                         && tip.contains(e.nextStep()),
                 qPrintable(tip));
        ++n;
    }
    QVERIFY(n > 0);
}

QTEST_MAIN(TestAssetTableModel)
#include "tst_assettablemodel.moc"
