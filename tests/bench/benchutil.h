#pragma once

// What every benchmark needs: medians, the process's CPU time and memory figures, and the
// loopback server in a process of its own.

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QProcess>
#include <QUrl>

#include <sys/resource.h>

#include <algorithm>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace VodConfirm::Bench {

// User and system CPU time of this process so far, in seconds.
inline double cpuSeconds()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
            + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// vod-test-server (VOD_TEST_SERVER_PATH) in its own process, so its work is not counted as the
// benchmark's; stopped (stdin closed) when this goes.
struct ServerProcess
{
    QProcess process;
    QUrl url;
    bool start(const QStringList &args)
    {
        process.start(QStringLiteral(VOD_TEST_SERVER_PATH), args);
        if (!process.waitForStarted())
            return false;
        while (process.waitForReadyRead(5000)) {
            const QByteArray line = process.readLine().trimmed();
            if (line.startsWith("listening ")) {
                url = QUrl(QStringLiteral("http://") + QString::fromLatin1(line.mid(10)));
                return true;
            }
        }
        return false;
    }
    ~ServerProcess()
    {
        process.closeWriteChannel();
        if (!process.waitForFinished(5000))
            process.kill();
    }
};

// The middle value (the mean of the two middle ones for an even count); 0 for none.
template<typename T> T median(QList<T> v)
{
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n == 0 ? T() : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// A "VmRSS:" / "VmHWM:" line of /proc/self/status, in KiB (0 where there is none).
inline qint64 statusKiB(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray name(field);
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(name))
            return line.mid(name.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

// Returns freed heap to the system and resets VmHWM to the current RSS (Linux >= 4.0).
inline void resetPeak()
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

} // namespace VodConfirm::Bench
