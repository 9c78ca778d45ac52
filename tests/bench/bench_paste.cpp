// Hostile pastes: 50 MB of random bytes, 50 MB of binary data with NULs and 10,000,000 IDs fed to
// (a) the desktop app's paste panel (PastePanel parses off the GUI thread): time to the result,
//     the longest event-loop stall meanwhile, peak memory growth, and what the panel reports;
// (b) the command line (`vodconfirm confirm` reading a file or standard input, against the
//     loopback server; the 10M-ID batch is cancelled with SIGINT at its first request): wall time,
//     time to the first request, time from SIGINT to exit, the child's peak RSS (wait4 rusage).
// Medians of 3 runs. Prints figures; asserts nothing.
#include "benchutil.h"
#include "models/assettablemodel.h"
#include "pastepanel.h"
#include "vodtestserver.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace VodConfirm;
using namespace VodConfirm::Test;
using namespace Qt::StringLiterals;
using namespace VodConfirm::Bench;

namespace {

constexpr int Runs = 3;
QTextStream out(stdout);

double mib(qint64 kib)
{
    return double(kib) / 1024.0;
}

QByteArray idLine(quint64 i)
{
    return QByteArray::number(i * 0x9e3779b97f4a7c15ULL, 16).rightJustified(16, '0')
            + QByteArray::number(i, 16).rightJustified(16, '0');
}

QByteArray randomBytes(qsizetype size)
{
    QByteArray b(size, Qt::Uninitialized);
    QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(b.data()), size / 4);
    return b;
}

// Like a media file: half the bytes NUL, the rest random, and one asset ID (between NULs) every
// megabyte, as a log embedded in a binary would have them.
QByteArray binaryWithNuls(qsizetype size)
{
    QByteArray b = randomBytes(size);
    for (qsizetype i = 0; i < size; i += 2)
        b[i] = '\0';
    for (qsizetype at = 1 << 19, n = 1; at + 40 < size; at += 1 << 20, ++n) {
        const QByteArray id = '\0' + idLine(quint64(n)) + '\0';
        std::copy(id.cbegin(), id.cend(), b.begin() + at);
    }
    return b;
}

QByteArray idLines(qsizetype n)
{
    QByteArray b;
    b.reserve(n * 33);
    for (qsizetype i = 0; i < n; ++i)
        b += idLine(quint64(i)) + '\n';
    return b;
}

// ---- (a) the paste panel ----

struct PanelFigures
{
    QList<double> ms, stallMs, peakMiB;
    qsizetype found = 0, malformed = 0;
    QString summary;
};

// window: a shown top-level window the panel is put into, as in the app.
void measurePanel(QWidget &window, const char *what, qsizetype size,
                  const std::function<void(PastePanel &)> &feed)
{
    PanelFigures f;
    for (int run = 0; run < Runs; ++run) {
        PastePanel panel(&window);
        panel.resize(window.size());
        panel.show();
        QCoreApplication::processEvents();
        resetPeak();
        const qint64 before = statusKiB("VmRSS:");

        // A 1 ms ticker on the GUI thread: the longest gap between its ticks is the longest
        // time the window could not repaint or react.
        QElapsedTimer clock;
        double lastTick = 0, worst = 0;
        QTimer ticker;
        ticker.setTimerType(Qt::PreciseTimer);
        QObject::connect(&ticker, &QTimer::timeout, &panel, [&] {
            const double now = double(clock.nsecsElapsed()) / 1e6;
            worst = std::max(worst, now - lastTick);
            lastTick = now;
        });
        QEventLoop loop;
        QObject::connect(&panel, &PastePanel::resultReady, &loop, &QEventLoop::quit);
        clock.start();
        ticker.start(1);
        QTimer::singleShot(0, &panel, [&] { feed(panel); }); // from inside the event loop
        loop.exec();
        const double ms = double(clock.nsecsElapsed()) / 1e6;
        worst = std::max(worst, ms - lastTick);
        f.ms << ms;
        f.stallMs << worst;
        f.peakMiB << mib(statusKiB("VmHWM:") - before);
        f.found = panel.result().count();
        f.malformed = panel.result().malformedTotal;
        f.summary = panel.summaryText();

        if (run == 0 && panel.result().count() > 1000000) {
            // "Add to Queue": the IDs become strings and asset-table rows on the GUI thread, in
            // slices (PastePanel::HandOverSlice) so the window keeps reacting.
            AssetTableModel model;
            const qsizetype expected = panel.result().count();
            QEventLoop adding;
            QObject::connect(&panel, &PastePanel::addStarted, &panel,
                             [&](qsizetype total) { model.reserve(total); });
            QObject::connect(&panel, &PastePanel::addRequested, &panel,
                             [&](const QStringList &ids, TargetStatus status) {
                                 model.addAssets(ids, status);
                                 if (model.rowCount() >= expected)
                                     adding.quit();
                             });
            QElapsedTimer t;
            t.start();
            lastTick = double(clock.nsecsElapsed()) / 1e6;
            worst = 0;
            QTimer::singleShot(0, &panel, [&] { panel.addToQueue(); });
            adding.exec();
            out << u"    Add to Queue: %1 rows in the asset table after %2 ms, longest event-loop "
                   "stall %3 ms, peak RSS +%4 MiB over the paste\n"_s.arg(model.rowCount())
                            .arg(double(t.nsecsElapsed()) / 1e6, 0, 'f', 0)
                            .arg(worst, 0, 'f', 1)
                            .arg(mib(statusKiB("VmHWM:") - before), 0, 'f', 0);
        }
    }
    out << u"  %1 (%2 MB): result in %3 ms, longest event-loop stall %4 ms, peak RSS +%5 MiB\n"_s
                    .arg(QString::fromUtf8(what))
                    .arg(double(size) / 1e6, 0, 'f', 0)
                    .arg(median(f.ms), 0, 'f', 0)
                    .arg(median(f.stallMs), 0, 'f', 1)
                    .arg(median(f.peakMiB), 0, 'f', 0)
        << u"    the panel reports: %1\n"_s.arg(QString(f.summary).replace(u'\n', u" / "_s));
    out.flush();
}

// ---- (b) the command line ----

struct CliFigures
{
    int exitCode = -1;
    double wallMs = 0;
    double firstRequestMs = -1; // -1: no request was sent
    double cancelMs = -1; // SIGINT to exit
    double maxRssMiB = 0;
    QByteArray lastErrorLine;
};

// Runs vodconfirm with stdin from `input` (a file), stdout to /dev/null and stderr to a file,
// serving `server` meanwhile. cancel: SIGINT as soon as the server sees the first request.
CliFigures runCli(const QStringList &args, const QString &input, const QString &errPath,
                  VodTestServer &server, bool cancel)
{
    QList<QByteArray> argStore {QByteArrayLiteral(VODCONFIRM_PATH)};
    for (const QString &a : args)
        argStore << a.toLocal8Bit();
    std::vector<char *> argv;
    for (QByteArray &a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const int in = ::open(QFile::encodeName(input).constData(), O_RDONLY);
    const int devNull = ::open("/dev/null", O_WRONLY);
    const int err
            = ::open(QFile::encodeName(errPath).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    server.reset();

    CliFigures f;
    QElapsedTimer clock;
    clock.start();
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(in, 0);
        ::dup2(devNull, 1);
        ::dup2(err, 2);
        ::execve(argv.front(), argv.data(), environ);
        ::_exit(127);
    }
    ::close(in);
    ::close(devNull);
    ::close(err);
    if (pid < 0)
        return f;

    QEventLoop loop;
    QTimer poll;
    rusage usage {};
    int status = 0;
    double signalledAt = -1;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        const double now = double(clock.nsecsElapsed()) / 1e6;
        if (f.firstRequestMs < 0 && server.counters().totalRequests > 0) {
            f.firstRequestMs = now;
            if (cancel) {
                ::kill(pid, SIGINT);
                signalledAt = now;
            }
        }
        if (::wait4(pid, &status, WNOHANG, &usage) == pid) {
            f.wallMs = now;
            if (signalledAt >= 0)
                f.cancelMs = now - signalledAt;
            loop.quit();
        }
    });
    poll.start(2);
    loop.exec();
    f.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    f.maxRssMiB = double(usage.ru_maxrss) / 1024.0; // KiB on Linux
    QFile errors(errPath);
    if (errors.open(QIODevice::ReadOnly))
        f.lastErrorLine = errors.readAll().trimmed().split('\n').constLast();
    return f;
}

void measureCli(const char *what, const QStringList &args, const QString &input, qsizetype size,
                VodTestServer &server, const QString &errPath, bool cancel)
{
    QList<double> wall, first, cancelMs, rss;
    CliFigures f;
    for (int run = 0; run < Runs; ++run) {
        f = runCli(args, input, errPath, server, cancel);
        wall << f.wallMs;
        first << f.firstRequestMs;
        cancelMs << f.cancelMs;
        rss << f.maxRssMiB;
    }
    out << u"  %1 (%2 MB): exit %3 after %4 ms"_s.arg(QString::fromUtf8(what))
                    .arg(double(size) / 1e6, 0, 'f', 0)
                    .arg(f.exitCode)
                    .arg(median(wall), 0, 'f', 0);
    if (median(first) >= 0)
        out << u", first request after %1 ms"_s.arg(median(first), 0, 'f', 0);
    if (cancel)
        out << u", SIGINT to exit %1 ms"_s.arg(median(cancelMs), 0, 'f', 0);
    out << u"; peak RSS %1 MiB\n"_s.arg(median(rss), 0, 'f', 0) << u"    last line on stderr: "_s
        << QString::fromUtf8(f.lastErrorLine) << u'\n';
    out.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    QTemporaryDir dir;
    const QString randomPath = dir.filePath(u"random.bin"_s);
    const QString binaryPath = dir.filePath(u"binary.bin"_s);
    const QString idsPath = dir.filePath(u"ids.txt"_s);
    constexpr qsizetype FiftyMB = 50'000'000;
    constexpr qsizetype TenMillion = 10'000'000;
    constexpr qsizetype IdBytes = TenMillion * 33;
    for (const auto &[path, bytes] : {std::pair {randomPath, randomBytes(FiftyMB)},
                                      std::pair {binaryPath, binaryWithNuls(FiftyMB)},
                                      std::pair {idsPath, idLines(TenMillion)}}) {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) {
            out << "cannot write " << path << '\n';
            return 1;
        }
    }
    auto readAll = [](const QString &path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };

    out << "bench_paste (a): the paste panel, median of " << Runs << " runs\n";
    QWidget window;
    window.resize(900, 400);
    window.show();
    {
        // A paste arrives as text: the clipboard decodes it (invalid UTF-8 becomes U+FFFD).
        const QString text = QString::fromUtf8(readAll(randomPath));
        measurePanel(window, "paste of 50 MB random bytes", FiftyMB,
                     [&text](PastePanel &p) { p.parseText(text, u"pasted text"_s); });
    }
    measurePanel(window, "file drop of 50 MB binary with NULs", FiftyMB,
                 [&](PastePanel &p) { p.parseFiles({binaryPath}); });
    {
        const QString text = QString::fromLatin1(readAll(idsPath));
        out << u"  (the 10M-ID paste itself is a %1 MiB string before the panel gets it)\n"_s.arg(
                double(text.size()) * 2 / 1048576.0, 0, 'f', 0);
        measurePanel(window, "paste of 10,000,000 IDs", IdBytes,
                     [&text](PastePanel &p) { p.parseText(text, u"pasted text"_s); });
    }
    measurePanel(window, "file drop of 10,000,000 IDs", IdBytes,
                 [&](PastePanel &p) { p.parseFiles({idsPath}); });

    out << "bench_paste (b): vodconfirm confirm against the loopback server, median of " << Runs
        << " runs\n";
    VodTestServer server;
    if (!server.listen()) {
        out << "cannot listen\n";
        return 1;
    }
    qputenv("HUAWEICLOUD_SDK_AK", server.config().accessKey.toUtf8());
    qputenv("HUAWEICLOUD_SDK_SK", server.config().secretKey.toUtf8());
    qputenv("HUAWEICLOUD_SDK_PROJECT_ID", server.config().projectId.toUtf8());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir.filePath(u"config"_s)));
    qputenv("XDG_DATA_HOME", QFile::encodeName(dir.filePath(u"data"_s)));
    // The default text output: one line per asset (also per asset a cancel leaves unsent).
    const QStringList confirm = {u"confirm"_s,      u"--endpoint"_s,   server.url().toString(),
                                 u"--no-history"_s, u"--rate-limit"_s, u"1500"_s};
    const QString errPath = dir.filePath(u"stderr.txt"_s);
    measureCli("50 MB random bytes on stdin", confirm, randomPath, FiftyMB, server, errPath, false);
    measureCli("50 MB binary with NULs as a file", confirm + QStringList {binaryPath}, binaryPath,
               FiftyMB, server, errPath, false);
    measureCli("10,000,000 IDs as a file, Ctrl+C at the first request",
               confirm + QStringList {idsPath}, idsPath, IdBytes, server, errPath, true);
    return 0;
}
