// `vodconfirm-cli upload` of a 2 GB file with default settings, as a user runs it, against the
// loopback server in a process of its own (vod-test-server --keep-sizes-only: it keeps the size of
// what arrives, not the bytes). Prints figures; asserts nothing.
//   peak RSS of the vodconfirm-cli process (target < 150 MB), its CPU seconds per GB (reading and
//   hashing every part included) and the authority calls per GB: median of 3 runs, unlimited
//   loopback
//   throughput on a link of 20 MB/s (the server reads at most that much): one upload, against one
//   `curl -T` PUT of the same file to the same server in the same run (target >= 95%)
// The file is sparse (no disk space, reads are quick), but every byte is still read and hashed
// (Content-MD5 of each part).
//   bench_upload [SIZE_MB [LINK_MB_PER_S]]   (default 2048 and 20)
#include "api/vodclient.h"
#include "benchutil.h"
#include "curlput.h"
#include "vodtestserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

using namespace VodConfirm;
using namespace Qt::StringLiterals;
using namespace VodConfirm::Bench;

namespace {

constexpr qint64 MB = 1024 * 1024;

struct Run
{
    bool ok = false;
    QString problem;
    double seconds = 0; // the whole process, start to exit
    double cpu = 0; // user + system of the process
    qint64 peakKiB = 0; // VmHWM
    int authorities = 0; // ShowAssetTempAuthority calls the server answered
};

// User + system CPU seconds of this process's children that have been waited for.
double childCpuSeconds()
{
    rusage u {};
    getrusage(RUSAGE_CHILDREN, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
            + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// VmHWM of process `pid` in KiB; 0 once it is gone.
qint64 peakOf(qint64 pid)
{
    QFile f(u"/proc/%1/status"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

// The server's counters (its stdin command "counters").
QJsonObject counters(ServerProcess &server)
{
    server.process.write("counters\n");
    while (server.process.waitForReadyRead(5000)) {
        while (server.process.canReadLine()) {
            const QJsonObject o = QJsonDocument::fromJson(server.process.readLine()).object();
            if (o.contains("authorities"_L1))
                return o;
        }
    }
    return {};
}

// One `vodconfirm-cli upload FILE` with its settings, history and data in `home`.
Run upload(ServerProcess &server, const QString &file, const QString &home)
{
    Run run;
    const Test::VodTestServer::Config defaults;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, home + u"/config"_s);
    env.insert(u"XDG_DATA_HOME"_s, home + u"/data"_s);
    env.insert(u"HUAWEICLOUD_SDK_AK"_s, defaults.accessKey);
    env.insert(u"HUAWEICLOUD_SDK_SK"_s, defaults.secretKey);
    env.insert(u"HUAWEICLOUD_SDK_PROJECT_ID"_s, defaults.projectId);
    const int authoritiesBefore = counters(server).value("authorities"_L1).toInt();
    QProcess p;
    p.setProcessEnvironment(env);
    const double cpuBefore = childCpuSeconds();
    QElapsedTimer timer;
    timer.start();
    p.start(QStringLiteral(VODCONFIRM_CLI_PATH),
            {u"upload"_s, file, u"--endpoint"_s, server.url.toString(), u"--output"_s, u"json"_s});
    if (!p.waitForStarted()) {
        run.problem = p.errorString();
        return run;
    }
    // VmHWM only grows: the last reading before the exit is the peak (to within 50 ms).
    while (!p.waitForFinished(50))
        run.peakKiB = std::max(run.peakKiB, peakOf(p.processId()));
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    run.cpu = childCpuSeconds() - cpuBefore;
    const QJsonObject line = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0
        || line.value("outcome"_L1).toString() != "confirmed"_L1) {
        run.problem = QString::fromUtf8(p.readAllStandardError());
        return run;
    }
    run.authorities = counters(server).value("authorities"_L1).toInt() - authoritiesBefore;
    run.ok = true;
    return run;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    const qint64 fileBytes = args.value(1, u"2048"_s).toLongLong() * MB;
    const qint64 link = args.value(2, u"20"_s).toLongLong() * MB;
    if (fileBytes < 20 * MB || link <= 0) {
        out << "usage: bench_upload [SIZE_MB (>= 20) [LINK_MB_PER_S]]\n";
        return 2;
    }
    QTemporaryDir dir;
    const QString file = dir.filePath(u"big.mp4"_s);
    {
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly) || !f.resize(fileBytes)) {
            out << "cannot make the sparse file\n";
            return 1;
        }
    }
    const double gb = double(fileBytes) / (1024.0 * MB);
    // The server takes a single PUT of the whole file from curl.
    const QStringList serverArgs {u"--keep-sizes-only"_s, u"--max-part-bytes"_s,
                                  QString::number(fileBytes + MB)};

    {
        ServerProcess server;
        if (!server.start(serverArgs)) {
            out << "cannot start vod-test-server\n";
            return 1;
        }
        QList<double> cpu, speeds;
        QList<qint64> peaks;
        int authorities = 0;
        for (int i = 0; i < 3; ++i) {
            const Run r = upload(server, file, dir.filePath(u"home%1"_s.arg(i)));
            if (!r.ok) {
                out << "upload failed: " << r.problem << '\n';
                return 1;
            }
            cpu.append(r.cpu / gb);
            speeds.append(double(fileBytes) / MB / r.seconds);
            peaks.append(r.peakKiB);
            authorities = r.authorities;
        }
        out << u"vodconfirm-cli upload of %1 MB (sparse), default settings, unlimited loopback, "
               "3 runs:\n"_s.arg(fileBytes / MB);
        out << u"  peak RSS (VmHWM) of vodconfirm-cli: median %1 MiB, max %2 MiB (target < 150 "
               "MB)\n"_s.arg(double(median(peaks)) / 1024, 0, 'f', 1)
                        .arg(double(*std::max_element(peaks.cbegin(), peaks.cend())) / 1024, 0, 'f',
                             1);
        out << u"  CPU per GB (user+sys, read + MD5 + HTTP): median %1 s\n"_s.arg(median(cpu), 0,
                                                                                  'f', 2);
        out << u"  authority calls per GB: %1\n"_s.arg(double(authorities) / gb, 0, 'f', 1);
        out << u"  throughput: median %1 MB/s (the whole command, create to confirm)\n"_s.arg(
                median(speeds), 0, 'f', 1);
        out.flush();
    }
    {
        ServerProcess server;
        if (!server.start(serverArgs + QStringList {u"--receive-rate"_s, QString::number(link)})) {
            out << "cannot start vod-test-server\n";
            return 1;
        }
        const Run r = upload(server, file, dir.filePath(u"home-link"_s));
        if (!r.ok) {
            out << "upload failed: " << r.problem << '\n';
            return 1;
        }
        const double curl = Bench::curlPut(server.url, file, 1800000);
        const double speed = double(fileBytes) / MB / r.seconds;
        out << u"on a %1 MB/s link: vodconfirm-cli upload %2 MB/s (%3% of the link, the whole "
               "command)"_s.arg(link / MB)
                        .arg(speed, 0, 'f', 1)
                        .arg(100.0 * speed / double(link / MB), 0, 'f', 1);
        if (curl > 0) {
            const double curlSpeed = double(fileBytes) / MB / curl;
            out << u"; one curl -T PUT of the same file %1 MB/s: upload = %2% of curl (target >= "
                   "95%)"_s.arg(curlSpeed, 0, 'f', 1)
                            .arg(100.0 * speed / curlSpeed, 0, 'f', 1);
        }
        out << u"; peak RSS %1 MiB\n"_s.arg(double(r.peakKiB) / 1024, 0, 'f', 1);
    }
    return 0;
}
