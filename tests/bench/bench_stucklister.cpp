// Listing 100,000 stuck uploads (CREATING) spread over a year: requests used against the
// minimum (one per 100 assets), wall time with pacing raised out of the way, peak memory. Then
// the listing at the quota (1,400/minute) against a server answering in 100 and 200 ms, one page
// at a time and with pages in flight: the requests per minute reached, and the wall time.
// The loopback server runs in this process, so the memory figures include its 24 bytes per
// seeded asset and the pages it builds.
#include "api/vodclient.h"
#include "benchutil.h"
#include "engine/stucklister.h"
#include "vodtestserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTextStream>

using namespace VodConfirm;
using namespace VodConfirm::Bench;
using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int Runs = 3;
    const int N = 100000;
    const QDateTime from(QDate(2024, 7, 1), QTime(0, 0), Qt::UTC);
    const QDateTime to(QDate(2025, 7, 1), QTime(0, 0), Qt::UTC);

    Test::VodTestServer server;
    if (!server.listen()) {
        out << "cannot listen\n";
        return 1;
    }
    server.seedListedAssets(N, from, to, 42);
    QNetworkAccessManager nam;
    Credentials c;
    c.accessKey = server.config().accessKey;
    c.secretKey = server.config().secretKey;
    VodClient client(
            &nam,
            {server.url(), server.url(), u"cn-north-4"_s, server.config().projectId, c, 30000});

    QList<double> seconds;
    QList<qint64> peakKiB;
    StuckListSummary last;
    for (int run = 0; run < Runs; ++run) {
        resetPeak();
        const qint64 rss0 = statusKiB("VmRSS:");
        StuckLister lister(&client);
        StuckLister::Options o;
        o.ratePerMinute = 10'000'000; // pacing out of the way: the listing's own cost
        lister.setOptions(o);
        qint64 listed = 0;
        QObject::connect(&lister, &StuckLister::assetsListed, &lister,
                         [&listed](const QList<StuckAsset> &a) { listed += a.size(); });
        QEventLoop loop;
        QObject::connect(&lister, &StuckLister::finished, &loop, [&](const StuckListSummary &s) {
            last = s;
            loop.quit();
        });
        QElapsedTimer t;
        t.start();
        lister.start(from, to);
        loop.exec();
        seconds.append(double(t.nsecsElapsed()) / 1e9);
        peakKiB.append(statusKiB("VmHWM:") - rss0);
        if (!last.complete || listed != N) {
            out << "listing incomplete: " << last.error << "\n";
            return 1;
        }
    }
    const int minimum = (N + 99) / 100;
    out << u"stuck uploads: %L1 CREATING assets over a year, %2 runs: %3 requests (minimum %4, "
           u"+%5), %6 windows\n"_s.arg(N)
                    .arg(Runs)
                    .arg(last.requests)
                    .arg(minimum)
                    .arg(last.requests - minimum)
                    .arg(last.windows);
    out << u"... wall time with pacing raised to 10,000,000/minute: median %1 s (%2 requests/s); "
           u"at the standard 1,400/minute it would take %3 min\n"_s.arg(median(seconds), 0, 'f', 2)
                    .arg(last.requests / median(seconds), 0, 'f', 0)
                    .arg(last.requests / 1400.0, 0, 'f', 1);
    out << u"... peak memory above the start of a run (client and in-process server): median "
           u"+%1 MiB\n"_s.arg(double(median(peakKiB)) / 1024.0, 0, 'f', 1);
    out.flush();

    // At the quota with real latency: 10,000 assets (101 requests), one run each.
    const int Paced = 10000;
    server.clearListedAssets();
    server.seedListedAssets(Paced, from, to, 43);
    for (const int latency : {100, 200}) {
        server.config().latencyMs = latency;
        for (const int inFlight : {1, 4, StuckLister::Options().pagesInFlight}) {
            StuckLister lister(&client);
            StuckLister::Options o;
            o.ratePerMinute = 1400;
            o.pagesInFlight = inFlight;
            lister.setOptions(o);
            QEventLoop loop;
            QObject::connect(&lister, &StuckLister::finished, &loop,
                             [&](const StuckListSummary &s) {
                                 last = s;
                                 loop.quit();
                             });
            server.reset();
            QElapsedTimer t;
            t.start();
            lister.start(from, to);
            loop.exec();
            const double secs = double(t.nsecsElapsed()) / 1e9;
            if (!last.complete || last.listed != Paced) {
                out << "listing incomplete: " << last.error << "\n";
                return 1;
            }
            // Requests per minute between the first and the last request sent.
            const QList<qint64> &at = server.counters().arrivalMs;
            const double spanMin = double(at.last() - at.first()) / 60000.0;
            const double perMinute = spanMin > 0 ? (at.size() - 1) / spanMin : 0;
            out << u"... at 1,400/minute, %1 ms latency, %2 page(s) in flight: %L3 assets in %4 "
                   u"s, %5 requests/minute, at most %6 requests in flight; 100,000 would take "
                   u"%7 min\n"_s.arg(latency)
                            .arg(inFlight)
                            .arg(Paced)
                            .arg(secs, 0, 'f', 1)
                            .arg(perMinute, 0, 'f', 0)
                            .arg(server.counters().maxInFlight)
                            .arg(1001 / std::max(perMinute, 1.0), 0, 'f', 1);
            out.flush();
        }
    }
    return 0;
}
