// Asset ID parser figures: extraction time (median of 5 runs) and peak memory growth (peak RSS
// during the parse minus RSS before it, so it includes the result) for 1,000,000-line pastes in
// several shapes, 50 MB of random bytes, and 10 million IDs. Prints figures; asserts nothing.
// Target: 1,000,000 lines in under 0.5 s.
#include "benchutil.h"
#include "ids/assetidparser.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QString>
#include <QTextStream>

#include <algorithm>
#include <ctime>
#include <functional>

using namespace VodConfirm;
using namespace Qt::StringLiterals;
using namespace VodConfirm::Bench;

namespace {

QTextStream out(stdout);

// CPU time of this process: on a shared machine wall time also counts other people's builds.
double cpuMs()
{
    timespec t {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

struct Figures
{
    double medianMs = 0;
    double minMs = 0;
    double medianCpuMs = 0;
    double peakDeltaMiB = 0;
    ParsedIds last;
};

Figures measure(int runs, const std::function<ParsedIds()> &parse)
{
    QList<double> ms;
    QList<double> cpu;
    Figures f;
    for (int i = 0; i < runs; ++i) {
        f.last = ParsedIds();
        resetPeak();
        const qint64 before = statusKiB("VmRSS:");
        QElapsedTimer t;
        t.start();
        const double cpu0 = cpuMs();
        f.last = parse();
        ms << double(t.nsecsElapsed()) / 1e6;
        cpu << cpuMs() - cpu0;
        f.peakDeltaMiB = std::max(f.peakDeltaMiB, double(statusKiB("VmHWM:") - before) / 1024.0);
    }
    std::sort(ms.begin(), ms.end());
    f.medianMs = ms.at(ms.size() / 2);
    f.minMs = ms.first();
    std::sort(cpu.begin(), cpu.end());
    f.medianCpuMs = cpu.at(cpu.size() / 2);
    return f;
}

void print(const char *what, qsizetype chars, const Figures &f)
{
    out << QString::fromUtf8(what) << u" (%1 M characters)\n"_s.arg(double(chars) / 1e6, 0, 'f', 1)
        << u"    median %1 ms wall (min %2), %3 ms CPU; peak RSS +%4 MiB; %5 IDs, %6 malformed\n"_s
                    .arg(f.medianMs, 0, 'f', 1)
                    .arg(f.minMs, 0, 'f', 1)
                    .arg(f.medianCpuMs, 0, 'f', 1)
                    .arg(f.peakDeltaMiB, 0, 'f', 1)
                    .arg(f.last.count())
                    .arg(f.last.malformedTotal);
    out.flush();
}

// Fast, reproducible hex IDs (splitmix64).
struct IdGen
{
    quint64 state = 0x1234;
    quint64 next()
    {
        quint64 z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    void append(QString &s)
    {
        static constexpr char Digits[] = "0123456789abcdef";
        const quint64 a = next();
        const quint64 b = next();
        QChar buf[32];
        for (int i = 0; i < 16; ++i) {
            buf[i] = QLatin1Char(Digits[(a >> (4 * i)) & 0xf]);
            buf[16 + i] = QLatin1Char(Digits[(b >> (4 * i)) & 0xf]);
        }
        s.append(buf, 32);
    }
};

QString plainLines(qsizetype lines)
{
    QString s;
    s.reserve(lines * 33);
    IdGen g;
    for (qsizetype i = 0; i < lines; ++i) {
        g.append(s);
        s += u'\n';
    }
    return s;
}

QString logLines(qsizetype lines)
{
    QString s;
    s.reserve(lines * 120);
    IdGen g;
    for (qsizetype i = 0; i < lines; ++i) {
        s += "2024-01-02T03:04:05.123Z INFO confirm asset_id="_L1;
        g.append(s);
        s += " status=CREATED request_id="_L1;
        g.append(s);
        s += " 200 OK\r\n"_L1;
    }
    return s;
}

QString csvLines(qsizetype lines)
{
    QString s;
    s.reserve(lines * 90);
    s += "asset_id,title,status,create_time\n"_L1;
    IdGen g;
    for (qsizetype i = 1; i < lines; ++i) {
        s += u'"';
        g.append(s);
        s += "\",\"Holiday video, part "_L1;
        s += QString::number(i);
        s += "\",CREATING,2024-01-02 03:04:05\n"_L1;
    }
    return s;
}

QString jsonLines(qsizetype lines)
{
    QString s;
    s.reserve(lines * 70);
    s += u'[';
    IdGen g;
    for (qsizetype i = 0; i < lines; ++i) {
        s += "{\"asset_id\": \""_L1;
        g.append(s);
        s += "\", \"status\": \"CREATING\"},\n"_L1;
    }
    s += u']';
    return s;
}

} // namespace

int main()
{
    constexpr qsizetype Lines = 1'000'000;
    out << "Asset ID parser: 1,000,000-line pastes, median of 5 runs (target < 500 ms)\n";

    auto run = [](const char *what, const QString &text) {
        print(what, text.size(),
              measure(5, [&text] { return AssetIdParser::parse(QStringView(text)); }));
    };
    {
        const QString t = plainLines(Lines);
        run("one ID per line", t);
        // Every ID again: a second paste of the same list into a full table.
        QSet<QString> known;
        {
            const ParsedIds first = AssetIdParser::parse(t);
            for (const AssetId &id : first.assetIds)
                known.insert(id.toString());
        }
        print("one ID per line, all already in the table", t.size(),
              measure(5, [&] { return AssetIdParser::parse(t, known); }));
    }
    run("log lines (asset_id=, request_id=, CRLF)", logLines(Lines));
    run("CSV console export with header", csvLines(Lines));
    run("JSON array of objects", jsonLines(Lines));

    {
        QByteArray junk(50 << 20, Qt::Uninitialized);
        QRandomGenerator rng(7);
        rng.fillRange(reinterpret_cast<quint32 *>(junk.data()), junk.size() / 4);
        print("50 MB random bytes (parseUtf8)", junk.size(),
              measure(5, [&junk] { return AssetIdParser::parseUtf8(junk); }));
        const QString latin1 = QString::fromLatin1(junk);
        junk.clear();
        run("50 MB random bytes as text (parse)", latin1);
        QString hexish(50'000'000, Qt::Uninitialized);
        static constexpr char Alphabet[] = "0123456789abcdefg0123456789ABCDEF \n:=\"";
        for (QChar &c : hexish)
            c = QLatin1Char(Alphabet[rng.bounded(int(sizeof Alphabet) - 1)]);
        run("50 M chars of hex-ish junk (parse)", hexish);
    }

    {
        const QString t = plainLines(10 * Lines);
        const Figures f = measure(3, [&t] { return AssetIdParser::parse(QStringView(t)); });
        print("10,000,000 IDs, one per line (median of 3)", t.size(), f);
        out << u"    result: %1 IDs = %2 MiB of IDs (list capacity %3 MiB; untouched slack is not "
               "resident)\n"_s.arg(f.last.count())
                        .arg(double(f.last.count()) * sizeof(AssetId) / 1048576.0, 0, 'f', 1)
                        .arg(double(f.last.assetIds.capacity()) * sizeof(AssetId) / 1048576.0, 0,
                             'f', 1);
    }
    return 0;
}
