// Asset table figures: time to insert 100,000 rows in one paste, and how long the event loop
// stalls while a simulated 10,000-asset run streams engine updates into the model (coalesced,
// with the filter/sort proxy and a visible table view attached). Prints figures; asserts nothing.
#include "benchutil.h"
#include "models/assetfilterproxy.h"
#include "models/assettablemodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHeaderView>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

using namespace VodConfirm;
using namespace Qt::StringLiterals;
using namespace VodConfirm::Bench;

namespace {

QStringList makeIds(int n)
{
    QStringList ids;
    ids.reserve(n);
    for (int i = 0; i < n; ++i)
        ids << u"%1%2"_s.arg(quint64(i) * 2654435761u, 16, 16, QChar(u'0'))
                        .arg(i, 16, 16, QChar(u'0'));
    return ids;
}

double modelOnlyInsertMs(const QStringList &ids)
{
    AssetTableModel model;
    QElapsedTimer t;
    t.start();
    model.addAssets(ids, TargetStatus::Created);
    return double(t.nsecsElapsed()) / 1e6;
}

double insertMs(const QStringList &ids, bool withView)
{
    AssetTableModel model;
    AssetFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(int(AssetTableModel::Column::State));
    QTableView view;
    if (withView) {
        view.setModel(&proxy);
        view.resize(1200, 800);
        view.show();
        QCoreApplication::processEvents();
    }
    QElapsedTimer t;
    t.start();
    model.addAssets(ids, TargetStatus::Created);
    if (withView)
        QCoreApplication::processEvents();
    return double(t.nsecsElapsed()) / 1e6;
}

struct RunFigures
{
    double maxGapMs = 0;
    double medianGapMs = 0;
    double totalMs = 0;
    int dataChangedSignals = 0;
};

// 10,000 assets, each Sending -> (every 20th: Retrying -> ) Confirmed or Failed, fed at about
// 20 assets per millisecond burst (far faster than the real 1400/minute) while a 1 ms heartbeat
// timer measures the gaps between its ticks.
RunFigures simulateRun(int assets)
{
    AssetTableModel model;
    AssetFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(int(AssetTableModel::Column::State));
    QTableView view;
    view.setModel(&proxy);
    view.setSortingEnabled(true);
    view.horizontalHeader()->setSortIndicator(int(AssetTableModel::Column::State),
                                              Qt::AscendingOrder);
    view.resize(1200, 800);
    view.show();
    const QStringList ids = makeIds(assets);
    model.addAssets(ids, TargetStatus::Created);
    QCoreApplication::processEvents();

    RunFigures f;
    QObject::connect(&model, &QAbstractItemModel::dataChanged, &model,
                     [&f] { ++f.dataChangedSignals; });

    QList<double> gaps;
    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = clock.nsecsElapsed();
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    heartbeat.setInterval(1);
    QObject::connect(&heartbeat, &QTimer::timeout, &model, [&] {
        const qint64 now = clock.nsecsElapsed();
        gaps << double(now - lastTick) / 1e6;
        lastTick = now;
    });

    int next = 0; // next asset to start
    QList<int> inFlight;
    QEventLoop loop;
    QTimer feeder;
    feeder.setInterval(1);
    QObject::connect(&feeder, &QTimer::timeout, &model, [&] {
        // Finish what was started on the previous tick, start the next 20.
        for (int i : std::as_const(inFlight)) {
            AssetUpdate u;
            u.assetId = ids.at(i);
            u.attempts = 1;
            u.maxAttempts = 5;
            u.updatedAt = QDateTime::currentDateTimeUtc();
            if (i % 20 == 0) {
                u.state = AssetState::Failed;
                u.last.httpStatus = 403;
                u.last.errorCode = u"VOD.10062"_s;
                u.last.errorMessage = u"Media asset or resource does not exist, please check."_s;
                u.last.errorClass = ErrorClass::NotFound;
            } else {
                u.state = AssetState::Confirmed;
                u.last.httpStatus = 200;
            }
            u.last.requestId = u"req-%1"_s.arg(i);
            model.queueUpdate(u);
        }
        inFlight.clear();
        for (int k = 0; k < 20 && next < assets; ++k, ++next) {
            AssetUpdate u;
            u.assetId = ids.at(next);
            u.state = AssetState::Sending;
            u.attempts = 0;
            u.maxAttempts = 5;
            u.updatedAt = QDateTime::currentDateTimeUtc();
            model.queueUpdate(u);
            inFlight << next;
        }
        if (next >= assets && inFlight.isEmpty() && !model.hasPendingUpdates())
            loop.quit();
    });
    heartbeat.start();
    feeder.start();
    QElapsedTimer total;
    total.start();
    loop.exec();
    f.totalMs = double(total.nsecsElapsed()) / 1e6;
    heartbeat.stop();
    feeder.stop();
    if (!gaps.isEmpty()) {
        f.maxGapMs = *std::max_element(gaps.cbegin(), gaps.cend());
        f.medianGapMs = median(gaps);
    }
    return f;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);
    constexpr int kRuns = 5;

    const QStringList ids = makeIds(100000);
    QList<double> modelOnly, bare, viewed;
    for (int i = 0; i < kRuns; ++i) {
        modelOnly << modelOnlyInsertMs(ids);
        bare << insertMs(ids, false);
        viewed << insertMs(ids, true);
    }
    out << "bench_assettable: insert 100,000 rows (one paste): model alone: median "
        << QString::number(median(modelOnly), 'f', 1) << " ms; model + sorted proxy: median "
        << QString::number(median(bare), 'f', 1) << " ms; with a shown table view: median "
        << QString::number(median(viewed), 'f', 1) << " ms (" << kRuns << " runs)\n";

    QList<double> maxGaps, medianGaps, totals;
    QList<int> signalCounts;
    for (int i = 0; i < kRuns; ++i) {
        const RunFigures f = simulateRun(10000);
        maxGaps << f.maxGapMs;
        medianGaps << f.medianGapMs;
        totals << f.totalMs;
        signalCounts << f.dataChangedSignals;
    }
    out << "bench_assettable: simulated 10,000-asset run (20,000 updates, 100 ms coalescing, "
           "sorted proxy + view): event-loop gap with a 1 ms heartbeat: max "
        << QString::number(median(maxGaps), 'f', 1) << " ms (median of runs; worst run "
        << QString::number(*std::max_element(maxGaps.cbegin(), maxGaps.cend()), 'f', 1)
        << " ms), median gap " << QString::number(median(medianGaps), 'f', 2) << " ms; run took "
        << QString::number(median(totals), 'f', 0) << " ms with " << median(signalCounts)
        << " dataChanged signals\n";
    return 0;
}
