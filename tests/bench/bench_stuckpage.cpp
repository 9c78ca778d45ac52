// The "Stuck uploads" page listing 100,000 stuck uploads from the loopback server: the real page
// (sorted table view, filter proxy, status line) shown offscreen, the listing's pacing raised out
// of the way so that pages of 100 arrive as fast as the server answers (the worst case for the
// event loop; at the real 1,400 requests a minute a page comes every 43 ms). A 1 ms heartbeat
// timer measures the gaps in the event loop: the longest is the longest stall. Then the time a
// filter or sort change takes with 100,000 rows (until the view has repainted). The server runs
// on a thread of its own so that its work is not counted as the page's. Prints figures; asserts
// nothing.
#include "api/vodclient.h"
#include "benchutil.h"
#include "models/stuckfilterproxy.h"
#include "models/stucktablemodel.h"
#include "stuckpage.h"
#include "vodtestserver.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QTableView>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <ctime>
#include <memory>

using namespace VodConfirm;
using namespace VodConfirm::Bench;
using namespace Qt::StringLiterals;

namespace {

constexpr int N = 100000;

// CPU time of the calling thread: the part of a gap the thread worked, not waited for a core
// (the benchmark machine may be shared).
qint64 threadCpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// The loopback server on its own thread, seeded with N stuck uploads over the last year.
class ServerThread final : public QThread
{
public:
    QUrl url;
    Test::VodTestServer::Config config;

protected:
    void run() override
    {
        Test::VodTestServer server;
        if (!server.listen())
            return;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        server.seedListedAssets(N, now.addDays(-360), now.addSecs(-60), 42);
        config = server.config();
        url = server.url();
        server.creatingAssetIds(); // sorts the listing now, not on the first request
        m_ready = true;
        exec();
    }

public:
    std::atomic<bool> m_ready = false;
};

struct Gaps
{
    double maxMs = 0;
    double medianMs = 0;
    double p99Ms = 0;
    double maxCpuMs = 0; // the most this thread worked within one gap
    double totalMs = 0;
    int requests = 0;
    bool complete = false;
};

Gaps listOnce(StuckPage &page, QNetworkAccessManager &nam, const ServerThread &server,
              int ratePerMinute)
{
    Credentials c;
    c.accessKey = server.config.accessKey;
    c.secretKey = server.config.secretKey;
    auto *client = new VodClient(
            &nam, {server.url, server.url, u"cn-north-4"_s, server.config.projectId, c, 30000});
    StuckLister::Options options;
    options.ratePerMinute = ratePerMinute;

    QList<double> gaps;
    QList<double> cpuGaps; // of the same gaps, the time this (the GUI) thread was working
    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = clock.nsecsElapsed();
    qint64 lastCpu = threadCpuNs();
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    heartbeat.setInterval(1);
    QObject::connect(&heartbeat, &QTimer::timeout, &page, [&] {
        const qint64 now = clock.nsecsElapsed();
        const qint64 cpuNow = threadCpuNs();
        gaps << double(now - lastTick) / 1e6;
        cpuGaps << double(cpuNow - lastCpu) / 1e6;
        lastTick = now;
        lastCpu = cpuNow;
    });
    Gaps g;
    QEventLoop loop;
    QObject::connect(&page, &StuckPage::listingFinished, &loop, [&](const StuckListSummary &s) {
        g.complete = s.complete && s.listed == N;
        g.requests = s.requests;
        loop.quit();
    });
    heartbeat.start();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    page.startListing(client, now.addDays(-365), now, options);
    loop.exec();
    g.totalMs = double(clock.nsecsElapsed()) / 1e6;
    heartbeat.stop();
    if (!gaps.isEmpty()) {
        std::sort(gaps.begin(), gaps.end());
        g.maxMs = gaps.last();
        g.medianMs = median(gaps);
        g.p99Ms = gaps.at(qsizetype(double(gaps.size() - 1) * 0.99));
        g.maxCpuMs = *std::max_element(cpuGaps.cbegin(), cpuGaps.cend());
    }
    return g;
}

QString loadAverage()
{
    QFile f(u"/proc/loadavg"_s);
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll().split(' ').value(0))
                                       : u"?"_s;
}

// Runs `change`, then lets the view repaint; the milliseconds both took.
template<typename F> double timed(F change)
{
    QElapsedTimer t;
    t.start();
    change();
    QCoreApplication::processEvents();
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);
    constexpr int Runs = 3;

    ServerThread server;
    server.start();
    while (!server.m_ready && server.isRunning())
        QThread::msleep(10);
    if (!server.m_ready) {
        out << "cannot start the loopback server\n";
        return 1;
    }

    QNetworkAccessManager nam;
    StuckPage page;
    page.resize(1366, 700);
    page.show();
    QCoreApplication::processEvents();
    auto *table = page.findChild<QTableView *>(u"stuckTable"_s);
    auto *search = page.findChild<QLineEdit *>(u"stuckSearch"_s);
    auto *older = page.findChild<QComboBox *>(u"stuckOlderThan"_s);

    QList<double> maxGaps, medianGaps, p99Gaps, totals, cpuGaps;
    Gaps last;
    for (int run = 0; run < Runs; ++run) {
        last = listOnce(page, nam, server, 10'000'000);
        if (!last.complete || page.model()->rowCount() != N) {
            out << "listing incomplete: " << page.statusText() << "\n";
            return 1;
        }
        maxGaps << last.maxMs;
        cpuGaps << last.maxCpuMs;
        medianGaps << last.medianMs;
        p99Gaps << last.p99Ms;
        totals << last.totalMs;
    }
    out << u"bench_stuckpage: list %L1 stuck uploads into the shown page (sorted view, filter "
           u"proxy), %2 requests of 100, pacing out of the way, %3 runs: event-loop gap with a "
           u"1 ms heartbeat: longest %4 ms (median of runs; worst run %5 ms), 99th percentile "
           u"%6 ms, median %7 ms; listing took %8 s (%9 pages/s); the GUI thread's own work "
           u"in any one gap: at most %10 ms (load average %11 on %12 cores)\n"_s.arg(N)
                    .arg(last.requests)
                    .arg(Runs)
                    .arg(median(maxGaps), 0, 'f', 1)
                    .arg(*std::max_element(maxGaps.cbegin(), maxGaps.cend()), 0, 'f', 1)
                    .arg(median(p99Gaps), 0, 'f', 2)
                    .arg(median(medianGaps), 0, 'f', 2)
                    .arg(median(totals) / 1000.0, 0, 'f', 1)
                    .arg(last.requests / (median(totals) / 1000.0), 0, 'f', 0)
                    .arg(*std::max_element(cpuGaps.cbegin(), cpuGaps.cend()), 0, 'f', 1)
                    .arg(loadAverage())
                    .arg(QThread::idealThreadCount());

    // Once more with the table sorted by title: each page's rows land all over the order (one
    // insert per row). Pacing out of the way, then at the standard 1,400 requests a minute.
    table->sortByColumn(1, Qt::AscendingOrder);
    const Gaps byTitle = listOnce(page, nam, server, 10'000'000);
    const Gaps byTitlePaced = listOnce(page, nam, server, StuckLister::Options().ratePerMinute);
    table->sortByColumn(2, Qt::DescendingOrder);
    out << u"bench_stuckpage: the same, sorted by title while listing (1 run): longest gap %1 ms "
           u"(the GUI thread's own work in any one gap at most %2 ms), 99th percentile %3 ms, "
           u"median %4 ms; "
           u"listing took %5 s%6\n"_s.arg(byTitle.maxMs, 0, 'f', 1)
                    .arg(byTitle.maxCpuMs, 0, 'f', 1)
                    .arg(byTitle.p99Ms, 0, 'f', 2)
                    .arg(byTitle.medianMs, 0, 'f', 2)
                    .arg(byTitle.totalMs / 1000.0, 0, 'f', 1)
                    .arg(byTitle.complete ? QString() : u" (INCOMPLETE)"_s);
    out << u"bench_stuckpage: sorted by title, at %1 requests/minute (1 run): longest gap %2 ms "
           u"(the GUI thread's own work in any one gap at most %3 ms), 99th percentile %4 ms, "
           u"median %5 ms; listing took %6 s%7\n"_s.arg(StuckLister::Options().ratePerMinute)
                    .arg(byTitlePaced.maxMs, 0, 'f', 1)
                    .arg(byTitlePaced.maxCpuMs, 0, 'f', 1)
                    .arg(byTitlePaced.p99Ms, 0, 'f', 2)
                    .arg(byTitlePaced.medianMs, 0, 'f', 2)
                    .arg(byTitlePaced.totalMs / 1000.0, 0, 'f', 1)
                    .arg(byTitlePaced.complete ? QString() : u" (INCOMPLETE)"_s);

    // Filter and sort changes at 100,000 rows (the search box applies after a pause in typing;
    // here at once, as Return does).
    QList<double> textFilter, textClear, ageFilter, ageClear, sortTitle, sortCreated, markAll;
    for (int run = 0; run < Runs; ++run) {
        textFilter << timed([&] {
            search->setText(u"ab"_s);
            emit search->returnPressed();
        });
        textClear << timed([&] {
            search->clear();
            emit search->returnPressed();
        });
        ageFilter << timed([&] { older->setCurrentIndex(3); }); // 7 days
        ageClear << timed([&] { older->setCurrentIndex(0); });
        sortTitle << timed([&] { table->sortByColumn(1, Qt::AscendingOrder); });
        sortCreated << timed([&] { table->sortByColumn(2, Qt::DescendingOrder); });
    }
    const int shownAb = [&] {
        search->setText(u"ab"_s);
        emit search->returnPressed();
        const int n = page.proxy()->rowCount();
        search->clear();
        emit search->returnPressed();
        return n;
    }();
    QStringList all;
    all.reserve(N);
    for (int r = 0; r < N; ++r)
        all << page.model()->row(r).assetId;
    markAll << timed([&] { page.model()->markSent(all, TargetStatus::Cancelled); });
    out << u"bench_stuckpage: at %L1 rows (median of %2 runs, until repainted): text filter "
           u"\"ab\" (%L3 rows left) %4 ms, cleared %5 ms; age filter 7 days %6 ms, cleared %7 ms; "
           u"sort by title %8 ms, by created %9 ms; all rows marked sent to a batch %10 ms\n"_s
                    .arg(N)
                    .arg(Runs)
                    .arg(shownAb)
                    .arg(median(textFilter), 0, 'f', 1)
                    .arg(median(textClear), 0, 'f', 1)
                    .arg(median(ageFilter), 0, 'f', 1)
                    .arg(median(ageClear), 0, 'f', 1)
                    .arg(median(sortTitle), 0, 'f', 1)
                    .arg(median(sortCreated), 0, 'f', 1)
                    .arg(markAll.first(), 0, 'f', 1);
    server.quit();
    server.wait();
    return 0;
}
