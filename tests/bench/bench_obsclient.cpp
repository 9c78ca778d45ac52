// The upload's network layer (VodClient create/authority + ObsClient parts) against the loopback
// server running as a separate process, so that the CPU time measured is the client's alone.
// Prints figures; asserts nothing. The upload job's own benchmark (disk, MD5, journal) comes
// with the job; this one bounds what the network layer can give it.
//   throughput: a 96 MB file in 16 MB parts, 3 in flight, unlimited and against a server that
//               reads at most 20 MB/s; compared with one `curl -T` PUT of the same file
//   CPU per GB and authority calls per GB of the multipart runs
#include "api/obsclient.h"
#include "api/vodclient.h"
#include "benchutil.h"
#include "curlput.h"
#include "vodtestserver.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTextStream>

#include <sys/resource.h>

using namespace VodConfirm;
using namespace Qt::StringLiterals;
using namespace VodConfirm::Bench;

namespace {

constexpr qint64 MB = 1024 * 1024;
constexpr qint64 FileBytes = 96 * MB;
constexpr qint64 PartBytes = 16 * MB;
constexpr int InFlight = 3;

struct Run
{
    double seconds = 0;
    double cpu = 0;
    int authorities = 0;
    bool ok = false;
    QString problem;
};

// One multipart upload of `file`: create, initiate, parts InFlight at a time (an authority each),
// complete. Figures from the first part's authority to the complete's answer.
// clientLimit: the client's bandwidth limit (ObsClient::setBandwidthLimit), 0 for none.
Run multipart(const QUrl &endpoint, const QByteArray &file, qint64 clientLimit)
{
    QNetworkAccessManager nam;
    VodClient vod(&nam, Bench::loopbackConfig(endpoint));
    ObsClient obs(vod.network(), vod.tlsConfiguration(), {});
    obs.setBandwidthLimit(clientLimit);
    QEventLoop loop;
    Run run;
    QElapsedTimer timer;
    double cpuStart = 0;
    VodClient::CreatedAsset asset;
    QString uploadId;
    const int parts = int((file.size() + PartBytes - 1) / PartBytes);
    QList<ObsClient::Part> done(parts);
    int next = 0;
    int finished = 0;
    const auto fail = [&](const ApiResult &r) {
        run.problem = r.summary();
        loop.quit();
    };
    std::function<void()> sendNext;
    const auto completeAll = [&] {
        vod.showAssetTempAuthority({"POST", asset.bucket, asset.objectKey, {}, uploadId, 0, {}},
                                   &loop, [&](const ApiResult &r, const QUrl &url) {
                                       ++run.authorities;
                                       if (!r.ok())
                                           return fail(r);
                                       obs.complete(url, done, &loop, [&](const ApiResult &c) {
                                           run.seconds = double(timer.nsecsElapsed()) / 1e9;
                                           run.cpu = Bench::cpuSeconds() - cpuStart;
                                           run.ok = c.ok();
                                           if (!c.ok())
                                               run.problem = c.summary();
                                           loop.quit();
                                       });
                                   });
    };
    sendNext = [&] {
        if (next >= parts)
            return;
        const int number = ++next;
        const QByteArray data
                = file.sliced((number - 1) * PartBytes,
                              std::min(PartBytes, file.size() - (number - 1) * PartBytes));
        const QByteArray md5 = QCryptographicHash::hash(data, QCryptographicHash::Md5).toBase64();
        vod.showAssetTempAuthority(
                {"PUT", asset.bucket, asset.objectKey, {}, uploadId, number, md5}, &loop,
                [&, number, data, md5](const ApiResult &r, const QUrl &url) {
                    ++run.authorities;
                    if (!r.ok())
                        return fail(r);
                    obs.uploadPart(url, data, md5, &loop,
                                   [&, number, size = data.size()](const ApiResult &p,
                                                                   const QByteArray &etag) {
                                       if (!p.ok())
                                           return fail(p);
                                       done[number - 1] = {number, etag, size};
                                       if (++finished == parts)
                                           return completeAll();
                                       sendNext();
                                   });
                });
    };
    vod.createAssetByFileUpload(
            {u"bench"_s, u"bench.mp4"_s, u"MP4"_s, {}, {}, {}}, &loop,
            [&](const ApiResult &r, const VodClient::CreatedAsset &created) {
                if (!r.ok())
                    return fail(r);
                asset = created;
                vod.showAssetTempAuthority(
                        {"POST", asset.bucket, asset.objectKey, u"video/mp4"_s, {}, 0, {}}, &loop,
                        [&](const ApiResult &a, const QUrl &url) {
                            if (!a.ok())
                                return fail(a);
                            obs.initiate(url, "video/mp4", &loop,
                                         [&](const ApiResult &i, const QString &id) {
                                             if (!i.ok())
                                                 return fail(i);
                                             uploadId = id;
                                             timer.start();
                                             cpuStart = Bench::cpuSeconds();
                                             for (int k = 0; k < InFlight; ++k)
                                                 sendNext();
                                         });
                        });
            });
    loop.exec();
    return run;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QByteArray file(FileBytes, Qt::Uninitialized);
    QRandomGenerator(1).fillRange(reinterpret_cast<quint32 *>(file.data()), FileBytes / 4);
    QTemporaryFile onDisk;
    if (!onDisk.open() || onDisk.write(file) != file.size() || !onDisk.flush()) {
        out << "cannot write the temporary file\n";
        return 1;
    }
    const double gb = double(FileBytes) / (1024.0 * MB);
    // (the server's receive rate: the link, the client's bandwidth limit); 0: none.
    const QList<std::pair<qint64, qint64>> setups {{0, 0}, {20 * MB, 0}, {0, 20 * MB}};
    for (const auto &[rate, clientLimit] : setups) {
        Bench::ServerProcess server;
        QStringList args {u"--max-part-bytes"_s, QString::number(FileBytes)};
        if (rate > 0)
            args << u"--receive-rate"_s << QString::number(rate);
        if (!server.start(args)) {
            out << "cannot start vod-test-server\n";
            return 1;
        }
        QList<double> speeds, cpu;
        int authorities = 0;
        for (int i = 0; i < 3; ++i) {
            const Run r = multipart(server.url, file, clientLimit);
            if (!r.ok) {
                out << "upload failed: " << r.problem << '\n';
                return 1;
            }
            speeds.append(double(FileBytes) / MB / r.seconds);
            cpu.append(r.cpu / gb);
            authorities = r.authorities;
        }
        const double curl = Bench::curlPut(server.url, onDisk.fileName(), 600000);
        const QString link = rate > 0 ? u"a %1 MB/s link"_s.arg(rate / MB)
                : clientLimit > 0
                ? u"unlimited loopback, the app's bandwidth limit at %1 MB/s"_s.arg(clientLimit
                                                                                    / MB)
                : u"unlimited loopback"_s;
        out << u"multipart upload, 96 MB in 16 MB parts, %1 in flight, %2, 3 runs: median %3 MB/s"_s
                        .arg(InFlight)
                        .arg(link)
                        .arg(median(speeds), 0, 'f', 1);
        if (rate > 0)
            out << u" = %1% of the link (target >= 95%)"_s.arg(
                    100.0 * median(speeds) / double(rate / MB), 0, 'f', 1);
        if (clientLimit > 0)
            out << u" = %1% of the limit"_s.arg(100.0 * median(speeds) / double(clientLimit / MB),
                                                0, 'f', 1);
        out << '\n';
        if (curl > 0)
            out << u"  one curl -T PUT of the same file: %1 MB/s\n"_s.arg(
                    double(FileBytes) / MB / curl, 0, 'f', 1);
        out << u"  client CPU per GB (user+sys): median %1 s; authority calls per GB: %2\n"_s
                        .arg(median(cpu), 0, 'f', 2)
                        .arg(double(authorities) / gb, 0, 'f', 1);
        out.flush();
    }
    return 0;
}
