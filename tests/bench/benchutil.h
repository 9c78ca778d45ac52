#pragma once

// What every benchmark needs: medians, and the process's memory figures from /proc.

#include <QByteArray>
#include <QFile>
#include <QList>

#include <algorithm>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace VodConfirm::Bench {

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
