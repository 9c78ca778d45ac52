// vod-test-server: the loopback VOD/IAM test server as its own process, for benchmarks and
// manual runs. Prints "listening 127.0.0.1:<port>" once ready; serves until stdin closes (or
// "quit" is read), SIGTERM or SIGINT; then prints the counters as one JSON line. While running,
// the stdin lines "counters" (print the counters JSON line) and "reset" (reset the counters)
// are understood.
#include "vodtestserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using VodConfirm::Test::VodTestServer;

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(signalPipe[0], &c, 1);
}

void printLine(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void printCounters(const VodTestServer &server)
{
    printLine(QJsonDocument(server.counters().toJson()).toJson(QJsonDocument::Compact));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"vod-test-server"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"Loopback Huawei Cloud VOD/IAM test server (ConfirmAssetUpload, ShowAssetMeta, "
            "IAM tokens, CreateAssetByFileUpload, ShowAssetTempAuthority and an OBS endpoint "
            "below /obs/) with fault injection."_s);
    parser.addHelpOption();
    const VodTestServer::Config defaults;
    struct Opt
    {
        QString name;
        QString help;
        QString value; // empty: a flag
        QString fallback;
    };
    const QList<Opt> opts = {
            {u"port"_s, u"TCP port on 127.0.0.1, 0 = any."_s, u"port"_s, u"0"_s},
            {u"ak"_s, u"Accepted access key."_s, u"ak"_s, defaults.accessKey},
            {u"sk"_s, u"Secret key of --ak."_s, u"sk"_s, defaults.secretKey},
            {u"security-token"_s,
             u"Required X-Security-Token (temporary AK/SK)."_s,
             u"token"_s,
             {}},
            {u"token"_s, u"An X-Auth-Token accepted forever (repeatable)."_s, u"token"_s, {}},
            {u"iam-user"_s, u"IAM user name for POST /v3/auth/tokens."_s, u"name"_s,
             defaults.iamUser},
            {u"iam-password"_s, u"IAM password."_s, u"password"_s, defaults.iamPassword},
            {u"iam-account"_s, u"IAM account (domain) name."_s, u"name"_s, defaults.iamAccount},
            {u"token-lifetime"_s, u"Lifetime of issued tokens, seconds."_s, u"secs"_s,
             QString::number(defaults.tokenLifetimeSecs)},
            {u"project-id"_s, u"Accepted project id."_s, u"id"_s, defaults.projectId},
            {u"auto-create"_s, u"Unseen 32-hex asset ids exist in CREATING (yes|no)."_s,
             u"yes|no"_s, u"yes"_s},
            {u"missing"_s, u"An asset id that never exists (repeatable)."_s, u"id"_s, {}},
            {u"asset"_s, u"Preset an asset: ID=STATUS (repeatable)."_s, u"id=status"_s, {}},
            {u"clock-offset-ms"_s, u"Server clock offset from system UTC, ms."_s, u"ms"_s, u"0"_s},
            {u"latency-ms"_s, u"Delay before every answer, ms."_s, u"ms"_s, u"0"_s},
            {u"rate-limit"_s, u"Requests per minute per route, 0 = unlimited."_s, u"per_minute"_s,
             u"0"_s},
            {u"rate-window-ms"_s, u"Sliding window length, ms."_s, u"ms"_s,
             QString::number(defaults.rateWindowMs)},
            {u"retry-after"_s, u"Retry-After seconds on 429, 0 = no header."_s, u"secs"_s, u"0"_s},
            {u"seed"_s, u"Seed of the random faults."_s, u"n"_s, u"1"_s},
            {u"error500"_s, u"Probability of a JSON 500/502/503."_s, u"p"_s, u"0"_s},
            {u"html-error"_s, u"Probability of an HTML 502 page."_s, u"p"_s, u"0"_s},
            {u"drop-before"_s, u"Probability of closing before the effect."_s, u"p"_s, u"0"_s},
            {u"drop-after"_s, u"Probability of closing after the effect."_s, u"p"_s, u"0"_s},
            {u"never-answer"_s, u"Probability of never answering."_s, u"p"_s, u"0"_s},
            {u"trickle"_s, u"Probability of a trickled body."_s, u"p"_s, u"0"_s},
            {u"huge-body"_s, u"Probability of a huge body."_s, u"p"_s, u"0"_s},
            {u"truncated-json"_s, u"Probability of truncated JSON."_s, u"p"_s, u"0"_s},
            {u"redirect"_s, u"Probability of a 302 to another host."_s, u"p"_s, u"0"_s},
            {u"fault-asset-info"_s, u"Random faults also for ShowAssetMeta."_s, {}, {}},
            {u"stuck"_s, u"Assets in CREATING for ListAssetList, created over the last 90 days."_s,
             u"n"_s, u"0"_s},
            {u"receive-rate"_s, u"Bytes per second read from all clients, 0 = unlimited."_s,
             u"bytes"_s, u"0"_s},
            {u"min-part-bytes"_s, u"Smallest part but the last a complete takes."_s, u"bytes"_s,
             QString::number(defaults.minPartBytes)},
            {u"max-part-bytes"_s, u"Largest body of an OBS request."_s, u"bytes"_s,
             QString::number(defaults.maxPartBytes)},
            {u"authority-lifetime-ms"_s, u"How long a presigned URL is accepted, ms."_s, u"ms"_s,
             QString::number(defaults.authorityLifetimeMs)},
            {u"single-use-authority"_s, u"A presigned URL is accepted once only."_s, {}, {}},
            {u"keep-sizes-only"_s,
             u"Keep uploaded parts and objects as their size only (files of gigabytes)."_s,
             {},
             {}},
            {u"ignore-stdin"_s, u"Do not stop when stdin closes."_s, {}, {}},
    };
    for (const Opt &o : opts) {
        QCommandLineOption option(o.name, o.help);
        if (!o.value.isEmpty()) {
            option.setValueName(o.value);
            if (!o.fallback.isEmpty())
                option.setDefaultValue(o.fallback);
        }
        parser.addOption(option);
    }
    parser.process(app);

    bool allOk = true;
    const auto number = [&](const QString &name) {
        bool ok = false;
        const double v = parser.value(name).toDouble(&ok);
        if (!ok) {
            std::fprintf(stderr, "vod-test-server: --%s needs a number\n", qPrintable(name));
            allOk = false;
        }
        return v;
    };

    VodTestServer::Config config;
    config.accessKey = parser.value(u"ak"_s);
    config.secretKey = parser.value(u"sk"_s);
    config.securityToken = parser.value(u"security-token"_s);
    config.acceptedTokens = parser.values(u"token"_s);
    config.iamUser = parser.value(u"iam-user"_s);
    config.iamPassword = parser.value(u"iam-password"_s);
    config.iamAccount = parser.value(u"iam-account"_s);
    config.tokenLifetimeSecs = int(number(u"token-lifetime"_s));
    config.projectId = parser.value(u"project-id"_s);
    config.autoCreate = parser.value(u"auto-create"_s) != "no"_L1
            && parser.value(u"auto-create"_s) != "false"_L1
            && parser.value(u"auto-create"_s) != "0"_L1;
    config.clockOffsetMs = qint64(number(u"clock-offset-ms"_s));
    config.latencyMs = int(number(u"latency-ms"_s));
    config.rateLimitPerMinute = int(number(u"rate-limit"_s));
    config.rateWindowMs = int(number(u"rate-window-ms"_s));
    config.retryAfterSecs = int(number(u"retry-after"_s));
    config.error500 = number(u"error500"_s);
    config.htmlErrorFraction = number(u"html-error"_s);
    config.dropBeforeEffect = number(u"drop-before"_s);
    config.dropAfterEffect = number(u"drop-after"_s);
    config.neverAnswer = number(u"never-answer"_s);
    config.trickle = number(u"trickle"_s);
    config.hugeBody = number(u"huge-body"_s);
    config.truncatedJson = number(u"truncated-json"_s);
    config.redirect = number(u"redirect"_s);
    config.randomFaultsOnAssetInfo = parser.isSet(u"fault-asset-info"_s);
    config.receiveBytesPerSecond = qint64(number(u"receive-rate"_s));
    config.minPartBytes = qint64(number(u"min-part-bytes"_s));
    config.maxPartBytes = qint64(number(u"max-part-bytes"_s));
    config.authorityLifetimeMs = qint64(number(u"authority-lifetime-ms"_s));
    config.singleUseAuthority = parser.isSet(u"single-use-authority"_s);
    config.keepSizesOnly = parser.isSet(u"keep-sizes-only"_s);
    const quint16 port = quint16(number(u"port"_s));
    const quint64 seed = quint64(number(u"seed"_s));
    const int stuck = int(number(u"stuck"_s));
    if (!allOk)
        return 2;

    VodTestServer server(config);
    server.setSeed(seed);
    for (const QString &id : parser.values(u"missing"_s))
        server.addMissingAsset(id);
    for (const QString &preset : parser.values(u"asset"_s)) {
        const qsizetype eq = preset.indexOf(u'=');
        if (eq <= 0) {
            std::fprintf(stderr, "vod-test-server: --asset needs ID=STATUS\n");
            return 2;
        }
        server.setAssetStatus(preset.left(eq), preset.mid(eq + 1));
    }
    if (stuck > 0) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        server.seedListedAssets(stuck, now.addDays(-90), now, seed);
    }
    if (!server.listen(port)) {
        std::fprintf(stderr, "vod-test-server: cannot listen: %s\n",
                     qPrintable(server.errorString()));
        return 1;
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) == 0) {
        std::signal(SIGTERM, onSignal);
        std::signal(SIGINT, onSignal);
        std::signal(SIGPIPE, SIG_IGN);
        auto *notifier = new QSocketNotifier(signalPipe[1], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [] {
            char c;
            [[maybe_unused]] const auto n = ::read(signalPipe[1], &c, 1);
            QCoreApplication::quit();
        });
    }

    if (!parser.isSet(u"ignore-stdin"_s)) {
        auto *stdinNotifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, &app);
        auto pending = std::make_shared<QByteArray>();
        QObject::connect(stdinNotifier, &QSocketNotifier::activated, &app,
                         [&server, stdinNotifier, pending] {
                             char buffer[4096];
                             const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
                             if (n <= 0) {
                                 stdinNotifier->setEnabled(false);
                                 QCoreApplication::quit();
                                 return;
                             }
                             pending->append(buffer, n);
                             qsizetype nl;
                             while ((nl = pending->indexOf('\n')) >= 0) {
                                 const QByteArray line = pending->left(nl).trimmed();
                                 pending->remove(0, nl + 1);
                                 if (line == "counters")
                                     printCounters(server);
                                 else if (line == "reset")
                                     server.reset();
                                 else if (line == "quit")
                                     QCoreApplication::quit();
                             }
                         });
    }

    printLine("listening 127.0.0.1:" + QByteArray::number(server.port()));
    const int rc = app.exec();
    printCounters(server);
    return rc;
}
