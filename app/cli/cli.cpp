#include "cli.h"

#include "cli/output.h"

#include "api/credentials.h"
#include "api/quota.h"
#include "api/regions.h"
#include "api/vodclient.h"
#include "engine/batchrunner.h"
#include "engine/resume.h"
#include "engine/stucklister.h"
#include "engine/uploadrunner.h"
#include "ids/assetidparser.h"
#include "settings/clientconfig.h"
#include "settings/credentialstore.h"
#include "settings/settings.h"
#include "storage/historystore.h"
#include "support/supporttext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSocketNotifier>
#include <QTimer>

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>

using namespace Qt::StringLiterals;

namespace VodConfirm::Cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VodConfirm::Cli)
};

void err(const QString &line)
{
    // Lines are the caller's; anything else that could steer the terminal is shown escaped.
    QStringList lines = line.split(u'\n');
    for (QString &l : lines)
        l = visible(l);
    const QByteArray bytes = lines.join(u'\n').toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

// Standard output. The first write that fails (a closed pipe, a full disk, /dev/full) is
// reported on stderr and calls onOutputFailed, e.g. to cancel a batch; later writes are dropped
// and the command exits with OutputFailed. SIGPIPE is ignored (see run()), so a closed pipe is
// an EPIPE here at any moment rather than a silent death.
bool outputFailed = false;
std::function<void()> onOutputFailed;

void failOutput(int error)
{
    if (outputFailed)
        return;
    outputFailed = true;
    err(Tr::tr("vodconfirm: cannot write to standard output (%1): stopping; the output is "
               "incomplete.")
                .arg(QString::fromLocal8Bit(std::strerror(error))));
    if (onOutputFailed)
        onOutputFailed();
}

bool out(const QByteArray &bytes)
{
    if (outputFailed)
        return false;
    if (bytes.isEmpty())
        return true;
    errno = 0;
    if (std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout) == size_t(bytes.size())
        && std::fflush(stdout) == 0)
        return true;
    failOutput(errno ? errno : EIO);
    std::clearerr(stdout);
    return false;
}

// A pipe whose reader has gone (`vodconfirm confirm | head -0` after head ended): nothing written
// would be read, so nothing should be sent either.
bool outputClosed()
{
    pollfd p {STDOUT_FILENO, POLLOUT, 0};
    return ::poll(&p, 1, 0) == 1 && (p.revents & POLLERR);
}

// The name this command line runs as, for the commands its messages suggest.
QString program = u"vodconfirm"_s;

int usageError(const QString &message)
{
    err(program + u": "_s + message);
    return UsageError;
}

QString mainHelp(Binary binary)
{
    const bool desktop = binary == Binary::Desktop;
    return Tr::tr("Usage: %1 %2 [OPTIONS]\n"
                  "Confirms Huawei Cloud VOD asset uploads (ConfirmAssetUpload).\n%3\n\n"
                  "Commands:\n"
                  "  confirm    confirm the asset IDs found in files or standard input\n"
                  "  upload     upload video files as assets and confirm them (resumable)\n"
                  "  resume     finish a batch or an upload that was interrupted\n"
                  "  stuck      list uploads never confirmed (CREATING); confirm, fail or cancel "
                  "them\n"
                  "  history    print the confirmation history\n"
                  "  profiles   list profiles, or show one (list | show NAME)\n\n"
                  "Run '%1 COMMAND --help' for a command's options.\n"
                  "Exit codes: 0 every asset confirmed (or skipped as confirmed before), 1 some "
                  "asset\n"
                  "or file failed, was not sent or is paused, 2 usage, input or configuration "
                  "error,\n"
                  "3 authentication rejected, 4 the output could not be written (closed pipe, "
                  "full\n"
                  "disk), 5 every "
                  "asset confirmed but the history could not record it all.")
            .arg(program, desktop ? u"[COMMAND]"_s : u"COMMAND"_s,
                 desktop ? Tr::tr("Without a command the desktop app opens.")
                         : Tr::tr("This is the command line alone; the desktop app is "
                                  "vodconfirm."));
}

// Parses `options` for one subcommand; returns an exit code when the run should stop here.
std::optional<int> parse(QCommandLineParser &parser, const QStringList &arguments,
                         const QString &description)
{
    parser.setApplicationDescription(description);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({u"h"_s, u"help"_s}, Tr::tr("Show this help."));
    parser.addOption(help);
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        out(parser.helpText().toUtf8());
        return AllConfirmed;
    }
    return std::nullopt;
}

std::optional<int> intOption(const QCommandLineParser &p, const QCommandLineOption &o, int min,
                             int max, int fallback, int *value)
{
    if (!p.isSet(o)) {
        *value = fallback;
        return std::nullopt;
    }
    bool ok = false;
    *value = p.value(o).toInt(&ok);
    if (!ok || *value < min || *value > max)
        return usageError(Tr::tr("--%1 must be a whole number from %2 to %3.")
                                  .arg(o.names().constLast())
                                  .arg(min)
                                  .arg(max));
    return std::nullopt;
}

// An ISO 8601 date (midnight UTC) or date and time (UTC unless it names an offset).
std::optional<QDateTime> isoTime(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0), Qt::UTC);
    if (!t.isValid())
        return std::nullopt;
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC);
    return t.toUTC();
}

// SIGINT/SIGTERM: the first one cancels the batch (requests in flight finish and are recorded),
// a second one ends the process at once.
int signalPipe[2] = {-1, -1};
void onSignal(int)
{
    static int count = 0;
    if (++count > 1)
        _exit(130);
    const char c = 1;
    [[maybe_unused]] auto n = ::write(signalPipe[1], &c, 1);
}

// ----------------------------------------------------------------------------------------------
// confirm

struct Connection
{
    VodClient::Config config;
    QString profile;
};

// The options every command that sends requests takes (confirm, resume).
struct RunOptions
{
    QCommandLineOption profile {u"profile"_s, Tr::tr("Use the saved profile NAME."), u"NAME"_s};
    QCommandLineOption region {u"region"_s, Tr::tr("VOD region id (default cn-north-4)."), u"ID"_s};
    QCommandLineOption endpoint {u"endpoint"_s, Tr::tr("Custom VOD endpoint URL (https)."),
                                 u"URL"_s};
    QCommandLineOption project {
            u"project-id"_s,
            Tr::tr("Project id (default: HUAWEICLOUD_SDK_PROJECT_ID or the profile's)."), u"ID"_s};
    QCommandLineOption concurrency {u"concurrency"_s,
                                    Tr::tr("Requests in flight (1-16, default 4)."), u"N"_s};
    QCommandLineOption rate {
            u"rate-limit"_s,
            Tr::tr("Requests per minute (1-%1, default %2; above %3 only for an account whose "
                   "quota "
                   "was raised).")
                    .arg(Settings::range(Settings::Key::RatePerMinute)->second)
                    .arg(Settings::defaultValue(Settings::Key::RatePerMinute).toInt())
                    .arg(Quota::StandardPerMinute),
            u"PER_MINUTE"_s};
    QCommandLineOption attempts {
            u"max-attempts"_s,
            Tr::tr("Attempts per asset for retryable failures (1-10, default 5)."), u"N"_s};
    QCommandLineOption timeout {u"timeout"_s,
                                Tr::tr("Seconds to wait for each answer (1-300, default 30)."),
                                u"SECONDS"_s};
    QCommandLineOption output {
            u"output"_s,
            Tr::tr("Output format: text (default), json (one object per line) or csv."),
            u"FORMAT"_s, u"text"_s};
    QCommandLineOption history {u"history-db"_s,
                                Tr::tr("History database file (default: the app's)."), u"PATH"_s};
    QCommandLineOption caFile {u"ca-file"_s,
                               Tr::tr("Also trust the CA certificates in PATH (PEM or DER) for the "
                                      "endpoint's certificate (default: the profile's CA file)."),
                               u"PATH"_s};

    QList<QCommandLineOption> all() const
    {
        return {profile, region,   endpoint, project, caFile, concurrency,
                rate,    attempts, timeout,  output,  history};
    }
};

// The options of a command that starts a new batch (confirm, stuck), besides RunOptions.
struct NewBatchOptions
{
    QCommandLineOption noHistory {u"no-history"_s,
                                  Tr::tr("Do not record this run in the history.")};
    QCommandLineOption force {
            u"force"_s,
            Tr::tr("Also send assets the history shows confirmed before (they are skipped "
                   "otherwise); confirm then does not read their state first either.")};

    QList<QCommandLineOption> all() const { return {noHistory, force}; }
};

// What RunOptions hold once checked.
struct Run
{
    ConfirmEngine::Options engine;
    int timeoutSeconds = 30;
    Format format = Format::Text;
    bool follow = false; // --follow
    Follower::Options follower {};
};

// "90s", "30m", "2h", "3d", "1w": a positive whole number (up to 6 digits) with its unit, in
// seconds, at most `maxSeconds`; nullopt otherwise.
std::optional<qint64> durationSeconds(const QString &text, qint64 maxSeconds)
{
    static const QRegularExpression re(u"^([0-9]{1,6})([smhdw])$"_s);
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    static const QHash<QString, qint64> unit {
            {u"s"_s, 1}, {u"m"_s, 60}, {u"h"_s, 3600}, {u"d"_s, 86400}, {u"w"_s, 7 * 86400}};
    const qint64 secs = m.captured(1).toLongLong() * unit.value(m.captured(2));
    if (secs <= 0 || secs > maxSeconds)
        return std::nullopt;
    return secs;
}

// `concurrency` false: the command has no --concurrency (upload).
std::optional<int> readRun(const QCommandLineParser &p, const RunOptions &o,
                           const Settings &settings, Run *run, bool concurrency = true)
{
    const std::optional<Format> format = formatFromName(p.value(o.output));
    if (!format)
        return usageError(Tr::tr("--output must be text, json or csv."));
    run->format = *format;
    const auto [rateMin, rateMax] = *Settings::range(Settings::Key::RatePerMinute);
    for (const auto &[option, min, max, fallback, target] :
         {std::tuple {&o.concurrency, 1, 16, settings.concurrency(), &run->engine.concurrency},
          std::tuple {&o.rate, rateMin, rateMax, settings.ratePerMinute(),
                      &run->engine.ratePerMinute},
          std::tuple {&o.attempts, 1, 10, settings.maxAttempts(), &run->engine.maxAttempts},
          std::tuple {&o.timeout, 1, 300, settings.timeoutSeconds(), &run->timeoutSeconds}}) {
        if (option == &o.concurrency && !concurrency)
            continue;
        if (auto code = intOption(p, *option, min, max, fallback, target))
            return *code;
    }
    if (const QString warning = Quota::rateWarning(run->engine.ratePerMinute); !warning.isEmpty())
        err(Tr::tr("vodconfirm: warning: %1").arg(warning));
    return std::nullopt;
}

// Where requests go and with which credentials: the profile named by --profile (else
// `defaultProfile`; its secrets from the keychain, missing ones from the environment), or the
// environment's credentials, then --region or --endpoint and --project-id on top. `fallback`
// gives the region and project used with environment credentials when no option or variable
// sets them. Every value that becomes a header or part of the URL is trimmed and checked here,
// so that a problem names the variable or option it came from (never its value); the client
// checks the same rules again (VodClient::configProblem()) for whatever else it is given.
std::optional<int> resolveConnection(const QCommandLineParser &p, const RunOptions &o,
                                     const Settings &settings, int timeoutSeconds,
                                     const BatchInfo &fallback, Connection *c)
{
    if (p.isSet(o.region) && !Regions::isKnown(p.value(o.region))) {
        QStringList ids;
        for (const Region &r : Regions::all())
            ids.append(r.id);
        return usageError(
                Tr::tr("Unknown region \"%1\". VOD regions: %2. Use --endpoint for another "
                       "endpoint.")
                        .arg(p.value(o.region), ids.join(u", "_s)));
    }
    if (p.isSet(o.region) && p.isSet(o.endpoint))
        return usageError(Tr::tr("--region and --endpoint exclude each other: the endpoint alone "
                                 "says where requests go."));
    QString problem;
    // A variable as it is used: trimmed; empty when unset.
    const auto env = [&problem](const char *name) {
        const QString value = qEnvironmentVariable(name).trimmed();
        if (problem.isEmpty())
            problem = headerValueProblem(value, QString::fromLatin1(name));
        return value;
    };
    const auto projectFrom = [&problem](const QString &value, const QString &source) {
        if (problem.isEmpty() && !value.isEmpty())
            problem = VodClient::projectIdProblem(value, source);
        return value.trimmed();
    };

    Profile profile;
    Credentials credentials;
    const QString profileName = p.isSet(o.profile) ? p.value(o.profile) : fallback.profile;
    if (!profileName.isEmpty()) {
        const QString name = profileName;
        const std::optional<Profile> found = settings.profile(name);
        if (!found)
            return usageError(Tr::tr("There is no profile named \"%1\". See '%2 profiles "
                                     "list'.")
                                      .arg(name, program));
        profile = *found;
        c->profile = name;
        CredentialStore store;
        QString keychainError;
        credentials = store.loadBlocking(profile, &keychainError);
        // Secrets the keychain does not have may come from the environment.
        if (credentials.secretKey.isEmpty())
            credentials.secretKey = env("HUAWEICLOUD_SDK_SK");
        if (credentials.securityToken.isEmpty())
            credentials.securityToken = env("HUAWEICLOUD_SDK_SECURITY_TOKEN");
        if (credentials.token.isEmpty())
            credentials.token = env("VODCONFIRM_AUTH_TOKEN");
        if (!problem.isEmpty())
            return usageError(problem);
        if (const QString missing = credentials.missing(); !missing.isEmpty())
            return usageError(
                    keychainError.isEmpty()
                            ? missing
                            : Tr::tr("%1 The keychain said: %2").arg(missing, keychainError));
    } else {
        profile.regionId = fallback.region.isEmpty() ? u"cn-north-4"_s : fallback.region;
        profile.projectId
                = projectFrom(env("HUAWEICLOUD_SDK_PROJECT_ID"), u"HUAWEICLOUD_SDK_PROJECT_ID"_s);
        if (profile.projectId.isEmpty())
            profile.projectId = fallback.projectId;
        const QString authToken = env("VODCONFIRM_AUTH_TOKEN");
        const QString ak = env("HUAWEICLOUD_SDK_AK");
        const QString sk = env("HUAWEICLOUD_SDK_SK");
        if (!authToken.isEmpty()) {
            profile.authMode = AuthMode::Token;
            credentials.mode = AuthMode::Token;
            credentials.token = authToken;
        } else if (!ak.isEmpty() || !sk.isEmpty()) {
            credentials.accessKey = ak;
            credentials.secretKey = sk;
            credentials.securityToken = env("HUAWEICLOUD_SDK_SECURITY_TOKEN");
        } else if (problem.isEmpty()) {
            return usageError(
                    Tr::tr("No credentials: use --profile NAME, or set HUAWEICLOUD_SDK_AK "
                           "and HUAWEICLOUD_SDK_SK (and HUAWEICLOUD_SDK_SECURITY_TOKEN for "
                           "temporary credentials), or VODCONFIRM_AUTH_TOKEN. Secrets are "
                           "never taken from the command line."));
        }
        if (!problem.isEmpty())
            return usageError(problem);
    }
    if (p.isSet(o.region)) {
        profile.regionId = p.value(o.region);
        profile.customEndpoint.clear();
    }
    if (p.isSet(o.endpoint)) {
        const QString endpoint = p.value(o.endpoint).trimmed();
        if (endpoint.isEmpty())
            return usageError(
                    Tr::tr("--endpoint needs a URL, such as "
                           "https://vod.cn-north-4.myhuaweicloud.com (or use --region)."));
        if (const QString bad = headerValueProblem(endpoint, u"--endpoint"_s); !bad.isEmpty())
            return usageError(bad);
        const QUrl url(endpoint);
        if (const QString bad = Regions::endpointProblem(url); !bad.isEmpty())
            return usageError(u"--endpoint: "_s + bad);
        profile.customEndpoint = url;
        // The region is unknown: the history must not name one the requests did not go to.
        // (An IAM password profile keeps it: it is the scope of the token it asks for.)
        if (profile.authMode != AuthMode::Password)
            profile.regionId.clear();
    }
    if (p.isSet(o.project)) {
        profile.projectId = projectFrom(p.value(o.project), u"--project-id"_s);
        if (!problem.isEmpty())
            return usageError(problem);
    }
    if (p.isSet(o.caFile))
        profile.caFile = p.value(o.caFile);
    c->config = clientConfig(profile, credentials, timeoutSeconds);
    return std::nullopt;
}

// Streams `files` (stdin for none or "-") through `ids`, one source after the other. A source
// that cannot be read or is not text stops the command, named.
std::optional<int> readInput(const QStringList &files, AssetIdStream *ids)
{
    const QStringList sources = files.isEmpty() ? QStringList {u"-"_s} : files;
    for (const QString &name : sources) {
        const bool isStdin = name == "-"_L1;
        QFile f;
        const auto mode = QIODevice::ReadOnly | QIODevice::Unbuffered;
        const bool ok = isStdin ? f.open(STDIN_FILENO, mode) : (f.setFileName(name), f.open(mode));
        const QString shown = isStdin ? Tr::tr("standard input") : name;
        if (!ok)
            return usageError(Tr::tr("Cannot read %1: %2").arg(shown, f.errorString()));
        if (const QString problem = ids->feedFrom(f); !problem.isEmpty())
            return usageError(Tr::tr("Cannot read %1: %2").arg(shown, problem));
    }
    return std::nullopt;
}

// The asset IDs in `files` (stdin for none or "-"), each with `status`; malformed tokens are
// reported on stderr. The input is read in chunks: memory follows the IDs found, not its size.
std::optional<int> readItems(const QStringList &files, TargetStatus status,
                             QList<ConfirmItem> *items)
{
    AssetIdStream stream;
    if (auto code = readInput(files, &stream))
        return *code;
    const ParsedIds parsed = stream.finish();
    for (const auto &m : parsed.malformed.mid(0, 20))
        err(Tr::tr("line %1: ignored \"%2\": %3").arg(m.line).arg(m.token, m.reason));
    if (parsed.malformedTotal > 20)
        err(Tr::tr("... and %1 more malformed tokens").arg(parsed.malformedTotal - 20));
    for (const QString &note : parsed.notes())
        err(note);
    if (parsed.count() == 0)
        return usageError(
                parsed.malformedTotal > 0
                        ? Tr::tr("No valid asset IDs in the input (%1 lines read): every "
                                 "token that looked like an ID was malformed. An asset ID "
                                 "is 32 hexadecimal characters.")
                                  .arg(parsed.linesRead)
                        : Tr::tr("No asset IDs found in the input (%1 lines read). An "
                                 "asset ID is 32 hexadecimal characters.")
                                  .arg(parsed.linesRead));

    items->reserve(parsed.count());
    for (qsizetype i = 0; i < parsed.count(); ++i)
        items->append({parsed.id(i), status});
    return std::nullopt;
}

// A progress line on a terminal's stderr, at most 5 times a second (and always the last one).
class ProgressLine final
{
public:
    explicit ProgressLine(std::function<QString()> text) : m_text(std::move(text))
    {
        m_enabled = ::isatty(STDERR_FILENO);
        m_clock.start();
    }
    void update(bool last = false)
    {
        if (!m_enabled || (m_clock.elapsed() - m_last < 200 && !last))
            return;
        m_last = m_clock.elapsed();
        std::fprintf(stderr, "\r\033[K%s", qPrintable(m_text()));
    }
    void end()
    {
        if (m_enabled && m_last > 0)
            std::fputs("\r\033[K", stderr);
    }

private:
    std::function<QString()> m_text;
    bool m_enabled = false;
    qint64 m_last = 0;
    QElapsedTimer m_clock;
};

// The first SIGINT/SIGTERM from now on calls `interrupted` (from the event loop, while `context`
// lives); a second one ends the process at once (onSignal).
void onInterrupt(QObject *context, std::function<void()> interrupted)
{
    if (signalPipe[0] < 0 && ::pipe(signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context,
                     [interrupted = std::move(interrupted)] {
                         char c;
                         [[maybe_unused]] auto n = ::read(signalPipe[0], &c, 1);
                         interrupted();
                     });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}

// Opens the history and reports its write failures on stderr. `hint` follows an open error.
std::optional<int> openHistory(HistoryStore &history, const QString &path, const QString &hint = {})
{
    QString error;
    if (!history.open(path, &error))
        return usageError(hint.isEmpty() ? error : error + u' ' + hint);
    return std::nullopt;
}

QString historyPath(const QCommandLineParser &p, const QCommandLineOption &historyO,
                    const Settings &settings)
{
    return p.isSet(historyO) ? p.value(historyO) : HistoryStore::pathFor(settings.historyPath());
}

// Runs `items` (a new batch) or `plan` (a resume) to the end, or to Ctrl+C / SIGTERM, printing
// one line per asset; the history (when open) records it. Nothing that was not sent is lost: a
// stopped batch stays resumable (BatchRunner).
// A runner's (BatchRunner, UploadRunner) history failure and wait, as stderr says them (not in
// the template below: lupdate would not see their translation context there).
QString historyFailedLine(const QString &message)
{
    return Tr::tr("History: %1").arg(message);
}

QString waitingLine(qint64 ms, const QString &reason)
{
    return Tr::tr("Waiting %1 s: %2.").arg((ms + 999) / 1000).arg(reason);
}

// A runner's history failures and waits, on stderr while `loop` runs: the first history failure
// at once, repeats at most every 10 s.
template<class Runner> void reportStalls(Runner &runner, QEventLoop &loop, ProgressLine &progress)
{
    auto lastHistoryError = std::make_shared<QElapsedTimer>();
    QObject::connect(&runner, &Runner::historyFailed, &loop,
                     [lastHistoryError, &progress](const QString &message) {
                         if (lastHistoryError->isValid() && !lastHistoryError->hasExpired(10000))
                             return;
                         lastHistoryError->start();
                         progress.end();
                         err(historyFailedLine(message));
                     });
    QObject::connect(&runner, &Runner::waiting, &loop,
                     [&progress](qint64 ms, const QString &reason) {
                         progress.end();
                         err(waitingLine(ms, reason));
                     });
}

BatchSummary runBatch(VodClient &client, HistoryStore &history, QList<ConfirmItem> items,
                      const ResumePlan *plan, const Run &run, const QString &profile, bool force,
                      QString *error)
{
    BatchRunner runner(&client, history.isOpen() ? &history : nullptr);
    BatchRunner::Options options {run.engine, force};
    options.follow = run.follow;
    options.follower = run.follower;
    runner.setOptions(options);
    // Output that cannot be written cancels (from the event loop, not inside a signal of the
    // engine's): requests in flight finish and are recorded.
    onOutputFailed = [&runner] {
        QMetaObject::invokeMethod(&runner, &BatchRunner::cancel, Qt::QueuedConnection);
    };
    const auto noOutputHook = qScopeGuard([] { onOutputFailed = nullptr; });
    ProgressLine progress([&runner] {
        const BatchProgress p = runner.progress();
        QString line = Tr::tr("[%1/%2] %3 confirmed, %4 not confirmed")
                               .arg(p.done)
                               .arg(p.total)
                               .arg(p.confirmed + p.skipped + p.alreadyConfirmed)
                               .arg(p.done - p.confirmed - p.skipped - p.alreadyConfirmed);
        if (p.paused)
            line += Tr::tr(" (paused)");
        else if (p.ratePerMinute > 0)
            line += Tr::tr(", %1/min, %2 s left").arg(qRound(p.ratePerMinute)).arg(p.secondsLeft);
        return line;
    });
    QEventLoop loop;
    BatchSummary summary;
    // Following: a confirmed asset's line waits for where following it ends.
    QHash<int, AssetUpdate> followedLines;
    const FollowedState notFollowed;
    QObject::connect(&runner, &BatchRunner::assetChanged, &loop, [&](const AssetUpdate &a) {
        const BatchProgress p = runner.progress();
        progress.update(p.done == p.total);
        if (!isTerminal(a.state))
            return;
        if (run.follow
            && (a.state == AssetState::Confirmed || a.state == AssetState::AlreadyConfirmed))
            followedLines.insert(a.index, a);
        else
            out(assetLine(run.format, a, run.follow ? &notFollowed : nullptr));
    });
    QObject::connect(&runner, &BatchRunner::followed, &loop, [&](const FollowedState &s) {
        progress.update();
        if (const auto it = followedLines.constFind(s.index); it != followedLines.cend()) {
            out(assetLine(run.format, *it, &s));
            followedLines.erase(it);
        }
    });
    QObject::connect(&runner, &BatchRunner::finished, &loop, [&](const BatchSummary &s) {
        summary = s;
        loop.quit();
    });
    reportStalls(runner, loop, progress); // the summary counts the rows not stored

    onInterrupt(&loop, [&] {
        progress.end();
        err(Tr::tr("Interrupted: stopping; requests already sent finish first, the rest stays "
                   "resumable (press Ctrl+C again to quit at once)."));
        runner.cancel();
    });

    const VodClient::Config &config = client.config();
    const BatchRunner::Context context {profile, config.regionId, config.projectId};
    out(assetHeader(run.format, run.follow));
    if (plan) {
        runner.resume(*plan, context);
    } else if (!runner.start(std::exchange(items, {}), context, error)) { // the engine has a copy
        return summary;
    } else if (history.isOpen()) {
        err(Tr::tr("Batch %1 (if it is interrupted: %2 resume %1)").arg(runner.batchId(), program));
    }
    loop.exec();
    progress.end();
    return summary;
}

// The closing summary on stderr and the exit code.
int report(const BatchSummary &summary, const QString &batchId, int failedBefore = 0)
{
    QString line
            = Tr::tr("%Ln asset(s): %1 confirmed, %2 failed, %3 not sent", nullptr, summary.total)
                      .arg(summary.confirmed)
                      .arg(summary.failed)
                      .arg(summary.notSent);
    if (summary.skipped > 0)
        line += Tr::tr(", %Ln skipped (already confirmed)", nullptr, summary.skipped);
    if (summary.followedSettled + summary.followedUnsettled > 0)
        line += Tr::tr(", followed: %1 settled, %2 not settled in time")
                        .arg(summary.followedSettled)
                        .arg(summary.followedUnsettled);
    if (summary.alreadyConfirmed > 0)
        line += Tr::tr(", %Ln already confirmed (skipped: state read before sending)", nullptr,
                       summary.alreadyConfirmed);
    line += Tr::tr(" in %1 s (%2 requests, %3 throttled, %4 state reads).")
                    .arg(summary.elapsedMs / 1000.0, 0, 'f', 1)
                    .arg(summary.requests)
                    .arg(summary.throttled)
                    .arg(summary.verifications);
    err(line);
    if (!summary.stopReason.isEmpty())
        err(summary.stopReason);
    if (!summary.historyError.isEmpty())
        err(Tr::tr("History: %1 The batch is kept unfinished; '%3 resume %2' checks the "
                   "state of anything the history did not record before sending it.")
                    .arg(summary.historyError, batchId, program));
    else if (summary.kept)
        err(Tr::tr("%Ln asset(s) left to send: %2 resume %1", nullptr, summary.remaining)
                    .arg(batchId, program));
    if (summary.authStopped)
        return AuthRejected;
    if (summary.confirmed + summary.skipped + summary.alreadyConfirmed != summary.total
        || failedBefore != 0)
        return SomeFailed;
    return summary.historyError.isEmpty() ? AllConfirmed : HistoryIncomplete;
}

int confirm(const QStringList &arguments)
{
    QCommandLineParser p;
    const RunOptions o;
    const QCommandLineOption statusO(
            u"status"_s, Tr::tr("Status to set: CREATED (default), FAILED or CANCELLED."),
            u"STATUS"_s);
    const NewBatchOptions b;
    const QCommandLineOption checkFirstO(
            u"check-first"_s,
            Tr::tr("Read the state of every asset first (ShowAssetMeta, 10 assets a request, a "
                   "quota of its own) and send only those still waiting for confirmation: "
                   "assets already confirmed are skipped, assets that do not exist fail with "
                   "VOD's words, assets whose state cannot be read are sent. The default: it "
                   "costs one request per 10 assets and saves a confirm per asset done before."));
    const QCommandLineOption noCheckFirstO(
            u"no-check-first"_s,
            Tr::tr("Send every asset without reading its state first (for pipelines that "
                   "confirm what they have just uploaded)."));
    const QCommandLineOption followO(
            u"follow"_s,
            Tr::tr("After confirming, keep reading the state of each confirmed asset (10 assets "
                   "a request, every 5 s growing to every minute, in the state reads' own quota: "
                   "confirms are never slowed) until it is transcoded, published or failed, or "
                   "--follow-timeout passes; its line then shows that final state."));
    const QCommandLineOption followTimeoutO(
            u"follow-timeout"_s,
            Tr::tr("How long to follow an asset, e.g. 90s, 30m, 2h (default 30m, at most 24h)."),
            u"DURATION"_s);
    p.addOptions(o.all());
    p.addOption(statusO);
    p.addOptions(b.all());
    p.addOptions({checkFirstO, noCheckFirstO, followO, followTimeoutO});
    p.addPositionalArgument(
            u"FILE"_s,
            Tr::tr("Files with asset IDs in any text form; none or '-' reads standard input."),
            u"[FILE...]"_s);
    if (auto code
        = parse(p, arguments,
                Tr::tr("Confirms uploads: sends ConfirmAssetUpload for every asset ID found "
                       "in the input.\nCredentials come from --profile, or from the "
                       "environment: HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, "
                       "HUAWEICLOUD_SDK_SECURITY_TOKEN, HUAWEICLOUD_SDK_PROJECT_ID, or "
                       "VODCONFIRM_AUTH_TOKEN.\nProxy: the profile's, else the system's "
                       "(https_proxy, HTTPS_PROXY, no_proxy, NO_PROXY).")))
        return *code;

    const Settings settings;
    Run run;
    if (auto code = readRun(p, o, settings, &run))
        return *code;
    const std::optional<TargetStatus> status
            = targetStatusFromName(p.isSet(statusO) ? p.value(statusO) : u"CREATED"_s);
    if (!status)
        return usageError(Tr::tr("--status must be CREATED, FAILED or CANCELLED."));
    if (p.isSet(o.history) && p.isSet(b.noHistory))
        return usageError(Tr::tr("--history-db and --no-history exclude each other."));
    if (p.isSet(checkFirstO) && p.isSet(noCheckFirstO))
        return usageError(Tr::tr("--check-first and --no-check-first exclude each other."));
    run.engine.checkFirst = !p.isSet(noCheckFirstO);
    run.follow = p.isSet(followO);
    if (p.isSet(followTimeoutO)) {
        const std::optional<qint64> secs = durationSeconds(p.value(followTimeoutO), 24 * 3600);
        if (!secs)
            return usageError(Tr::tr("--follow-timeout must be a duration such as 90s, 30m or 2h "
                                     "(at most 24h)."));
        if (!run.follow)
            return usageError(Tr::tr("--follow-timeout needs --follow."));
        run.follower.timeoutMs = *secs * 1000;
    }

    Connection connection;
    if (auto code = resolveConnection(p, o, settings, run.timeoutSeconds, {}, &connection))
        return *code;

    QList<ConfirmItem> items;
    if (auto code = readItems(p.positionalArguments(), *status, &items))
        return *code;

    QNetworkAccessManager nam;
    VodClient client(&nam, connection.config);
    if (const QString problem = client.configProblem(); !problem.isEmpty())
        return usageError(problem);

    HistoryStore history;
    if (!p.isSet(b.noHistory)) {
        if (auto code = openHistory(history, historyPath(p, o.history, settings),
                                    Tr::tr("(use --no-history to run without a history)")))
            return *code;
    }
    QString error;
    const BatchSummary summary = runBatch(client, history, std::move(items), nullptr, run,
                                          connection.profile, p.isSet(b.force), &error);
    if (!error.isEmpty())
        return usageError(error);
    return report(summary, summary.batchId);
}

// ----------------------------------------------------------------------------------------------
// upload

// "20M", "512K", "1G" or a number of bytes: K, M and G are binary units (1K = 1024 bytes), as
// VOD's upload limits are (UploadLimits); a trailing B is allowed ("20MB"). nullopt otherwise.
std::optional<qint64> byteSize(const QString &text)
{
    static const QRegularExpression re(u"^([0-9]{1,13})([KMG]?)B?$"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const QString unit = m.captured(2).toUpper();
    const int shift = unit == "K"_L1 ? 10 : unit == "M"_L1 ? 20 : unit == "G"_L1 ? 30 : 0;
    const qint64 n = m.captured(1).toLongLong();
    if (n > (std::numeric_limits<qint64>::max() >> 31))
        return std::nullopt;
    return n << shift;
}

// "1.5 MB", as the locale writes sizes (binary units, like the limits above).
QString sizeText(double bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeTraditionalFormat);
}

// "1 h 02 min", "3 min 20 s", "12 s".
QString durationText(qint64 secs)
{
    if (secs >= 3600)
        return Tr::tr("%1 h %2 min").arg(secs / 3600).arg((secs / 60) % 60, 2, 10, QChar(u'0'));
    if (secs >= 60)
        return Tr::tr("%1 min %2 s").arg(secs / 60).arg(secs % 60, 2, 10, QChar(u'0'));
    return Tr::tr("%1 s").arg(secs);
}

// `--name value` for every one of `options` set on the command line, values shell-quoted: what
// a printed command needs to reach the same server and history.
QStringList givenOptions(const QCommandLineParser &p, const QList<QCommandLineOption> &options)
{
    QStringList words;
    for (const QCommandLineOption &option : options) {
        if (!p.isSet(option))
            continue;
        const QString name = u"--"_s + option.names().constLast();
        if (option.valueName().isEmpty())
            words << name;
        for (const QString &value : p.values(option))
            words << name << SupportText::shellQuote(value);
    }
    return words;
}

// Runs the runner's queue (`notQueued`: files refused before) until every upload
// is finished or paused, printing one line per upload when it ends, a progress line on a
// terminal, and the closing summary on stderr; returns the exit code. The first Ctrl+C or
// SIGTERM pauses everything (parts cut off are sent again on resume: only finished parts count)
// and prints the resume command (`resumeWords`: the options that reach the same server and
// history); without a journal (`resumable` false) nothing could be resumed, so it cancels.
int runUploads(UploadRunner &runner, Format format, const QStringList &resumeWords, bool resumable,
               int notQueued)
{
    QEventLoop loop;
    const auto stopAll = [&runner, resumable] {
        if (resumable)
            runner.pauseAll();
        else
            runner.cancelAll();
    };
    onOutputFailed = [&runner, stopAll] {
        QMetaObject::invokeMethod(&runner, stopAll, Qt::QueuedConnection);
    };
    const auto noOutputHook = qScopeGuard([] { onOutputFailed = nullptr; });
    ProgressLine progress([&runner] {
        const UploadTotals t = runner.totals();
        QString name;
        for (const UploadStatus &s : runner.uploads()) {
            if (s.phase != UploadStatus::Phase::Queued && !isFinishedUploadPhase(s.phase)
                && s.phase != UploadStatus::Phase::Paused) {
                name = QFileInfo(s.filePath).fileName();
                break;
            }
        }
        const int done = t.confirmed + t.failed + t.cancelled;
        QString line = Tr::tr("[%1/%2] %3 %4%, %5 of %6")
                               .arg(done)
                               .arg(t.uploads)
                               .arg(name)
                               .arg(t.bytesTotal > 0 ? 100 * t.bytesDone / t.bytesTotal : 0)
                               .arg(sizeText(double(t.bytesDone)), sizeText(double(t.bytesTotal)));
        if (t.bytesPerSecond > 0)
            line += Tr::tr(", %1/s").arg(sizeText(t.bytesPerSecond));
        if (t.secondsLeft >= 0)
            line += Tr::tr(", %1 left").arg(durationText(t.secondsLeft));
        return line;
    });
    // Each upload's time: from its first step to its end (or pause).
    QHash<QString, QElapsedTimer> clocks;
    QHash<QString, double> seconds;
    QSet<QString> printed;
    QElapsedTimer clock;
    clock.start();
    const auto secondsOf = [&](const QString &id) {
        if (const auto it = seconds.constFind(id); it != seconds.cend())
            return *it;
        const auto c = clocks.constFind(id);
        return c == clocks.cend() ? 0.0 : double(c->elapsed()) / 1000.0;
    };
    const auto print = [&](const UploadStatus &s) {
        if (printed.contains(s.uploadId))
            return;
        printed.insert(s.uploadId);
        progress.end();
        out(uploadLine(format, s, secondsOf(s.uploadId)));
    };
    QObject::connect(&runner, &UploadRunner::uploadChanged, &loop, [&](const UploadStatus &s) {
        if (s.phase != UploadStatus::Phase::Queued && !clocks.contains(s.uploadId))
            clocks[s.uploadId].start();
        if (isFinishedUploadPhase(s.phase) || s.phase == UploadStatus::Phase::Paused)
            seconds.insert(s.uploadId, secondsOf(s.uploadId));
        if (isFinishedUploadPhase(s.phase))
            print(s);
        progress.update();
    });
    QObject::connect(&runner, &UploadRunner::totalsChanged, &loop, [&] { progress.update(); });
    bool authFailed = false;
    QObject::connect(&runner, &UploadRunner::authenticationFailed, &loop,
                     [&](const QString &advice, const QString &answer) {
                         authFailed = true;
                         progress.end();
                         err(advice);
                         if (!answer.isEmpty())
                             err(Tr::tr("VOD answered: %1").arg(answer));
                         if (!runner.isRunning())
                             loop.quit();
                     });
    reportStalls(runner, loop, progress);
    QObject::connect(&runner, &UploadRunner::idle, &loop, &QEventLoop::quit);
    onInterrupt(&loop, [&] {
        progress.end();
        err(resumable ? Tr::tr("Interrupted: pausing; the uploads stay resumable (press Ctrl+C "
                               "again to quit at once).")
                      : Tr::tr("Interrupted: cancelling; without a history nothing could be "
                               "resumed (press Ctrl+C again to quit at once)."));
        stopAll();
    });
    if (runner.isRunning())
        loop.exec();
    progress.end();

    const QList<UploadStatus> uploads = runner.uploads();
    QStringList paused;
    int confirmed = 0, failed = 0, cancelled = 0;
    qint64 bytes = 0;
    for (const UploadStatus &s : uploads) {
        print(s); // paused, or stopped by an authentication failure
        bytes += s.bytesDone;
        switch (s.phase) {
        case UploadStatus::Phase::Confirmed:
            ++confirmed;
            break;
        case UploadStatus::Phase::Failed:
            ++failed;
            break;
        case UploadStatus::Phase::Cancelled:
            ++cancelled;
            break;
        default:
            paused.append(s.uploadId);
        }
    }
    const double elapsed = double(clock.elapsed()) / 1000.0;
    QString line = Tr::tr("%Ln file(s): %1 confirmed, %2 failed, %3 cancelled, %4 not finished",
                          nullptr, int(uploads.size()) + notQueued)
                           .arg(confirmed)
                           .arg(failed)
                           .arg(cancelled)
                           .arg(paused.size());
    if (notQueued > 0)
        line += Tr::tr(", %Ln refused", nullptr, notQueued);
    line += Tr::tr("; %1 sent in %2 s").arg(sizeText(double(bytes))).arg(elapsed, 0, 'f', 1);
    if (elapsed > 0)
        line += Tr::tr(" (%1/s)").arg(sizeText(double(bytes) / elapsed));
    err(line + u'.');
    if (!paused.isEmpty() && resumable)
        err(Tr::tr("To resume: %1")
                    .arg((QStringList {program, u"resume"_s} + resumeWords + paused).join(u' ')));
    if (authFailed)
        return AuthRejected;
    return confirmed == uploads.size() && notQueued == 0 ? AllConfirmed : SomeFailed;
}

// The runner options of an upload or resume: the settings, then the command line's.
UploadRunner::Options uploadOptions(const Settings &settings, const Run &run)
{
    UploadRunner::Options options;
    options.partSize = settings.uploadPartSize();
    options.partsInFlight = settings.uploadPartsInFlight();
    options.bandwidthBytesPerSecond = settings.uploadBandwidthLimit();
    options.maxAttempts = run.engine.maxAttempts;
    options.ratePerMinute = run.engine.ratePerMinute;
    options.timeoutMs = std::max(options.timeoutMs, run.timeoutSeconds * 1000);
    return options;
}

int upload(const QStringList &arguments)
{
    QCommandLineParser p;
    const RunOptions o;
    const QCommandLineOption titleO(
            u"title"_s,
            Tr::tr("The asset's title (only with one file; default: the file name without its "
                   "extension; at most %1 bytes).")
                    .arg(UploadLimits::MaxTitleBytes),
            u"TITLE"_s);
    const QCommandLineOption descriptionO(u"description"_s,
                                          Tr::tr("The assets' description (at most %1 bytes).")
                                                  .arg(UploadLimits::MaxDescriptionBytes),
                                          u"TEXT"_s);
    const QCommandLineOption categoryO(u"category-id"_s,
                                       Tr::tr("The assets' category id (-1: Other)."), u"N"_s);
    const QCommandLineOption templateO(
            u"template-group"_s,
            Tr::tr("The transcoding template group to apply (template_group_name)."), u"NAME"_s);
    const Settings settings;
    const QCommandLineOption partSizeO(
            u"part-size"_s,
            Tr::tr("Part size of multipart uploads (files from 20M on), such as 512K, 20M or 1G "
                   "(100K to 5G; default %1K, the setting upload/partSizeKB; larger when a file "
                   "would need more than 10,000 parts).")
                    .arg(settings.uploadPartSize() / 1024),
            u"SIZE"_s);
    const QCommandLineOption parallelO(
            u"parallel"_s,
            Tr::tr("Parts sent at once, all files together (1-16; default %1, the setting "
                   "upload/partsInFlight).")
                    .arg(settings.uploadPartsInFlight()),
            u"N"_s);
    const QCommandLineOption limitRateO(
            u"limit-rate"_s,
            Tr::tr("Most bytes per second sent, all files together, such as 500K or 20M (0: "
                   "unlimited; default %1K, the setting upload/bandwidthKBps).")
                    .arg(settings.uploadBandwidthLimit() / 1024),
            u"RATE"_s);
    const QCommandLineOption noHistoryO(
            u"no-history"_s,
            Tr::tr("Do not journal the uploads in the history: nothing can be resumed, and "
                   "Ctrl+C cancels them."));
    const QList<QCommandLineOption> connectionOptions {o.profile, o.region, o.endpoint,
                                                       o.project, o.caFile, o.history};
    p.addOptions(connectionOptions);
    p.addOptions({o.rate, o.attempts, o.timeout, o.output, noHistoryO});
    p.addOptions({titleO, descriptionO, categoryO, templateO, partSizeO, parallelO, limitRateO});
    p.addPositionalArgument(u"FILE"_s, Tr::tr("Video or audio files to upload."), u"FILE..."_s);
    if (auto code
        = parse(p, arguments,
                Tr::tr("Uploads video and audio files to VOD and confirms each as an asset "
                       "(CreateAssetByFileUpload, then the bytes to OBS: one PUT under 20 MB, "
                       "parts from 20 MB on, then ConfirmAssetUpload). Every step is journaled "
                       "in the history: an upload that is interrupted (Ctrl+C, kill, crash, "
                       "power cut) goes on where it stopped with '%1 resume', never sending a "
                       "finished part again. Folders are refused: name the files inside.\n"
                       "Credentials, connection and history options as for confirm.")
                        .arg(program)))
        return *code;
    const QStringList files = p.positionalArguments();
    if (files.isEmpty())
        return usageError(Tr::tr("Name the files to upload."));
    if (p.isSet(titleO) && files.size() > 1)
        return usageError(Tr::tr("--title names one asset: give one file with it (%Ln given).",
                                 nullptr, int(files.size())));
    if (p.isSet(o.history) && p.isSet(noHistoryO))
        return usageError(Tr::tr("--history-db and --no-history exclude each other."));
    for (const auto &[option, limit] :
         {std::pair {&titleO, UploadLimits::MaxTitleBytes},
          std::pair {&descriptionO, UploadLimits::MaxDescriptionBytes},
          std::pair {&templateO, UploadLimits::MaxTemplateGroupBytes}}) {
        if (p.value(*option).toUtf8().size() > limit)
            return usageError(Tr::tr("--%1 is too long: at most %2 bytes (UTF-8).")
                                      .arg(option->names().constLast())
                                      .arg(limit));
    }

    Run run;
    if (auto code = readRun(p, o, settings, &run, false))
        return *code;
    UploadRunner::Options options = uploadOptions(settings, run);
    if (p.isSet(partSizeO)) {
        const std::optional<qint64> size = byteSize(p.value(partSizeO));
        if (!size || *size < UploadLimits::MinPartSize || *size > UploadLimits::MaxPartSize)
            return usageError(Tr::tr("--part-size must be a size from 100K to 5G, such as 512K, "
                                     "20M or 1G (K, M, G: 1024, 1024², 1024³ bytes)."));
        options.partSize = *size;
    }
    if (auto code = intOption(p, parallelO, 1, 16, options.partsInFlight, &options.partsInFlight))
        return *code;
    if (p.isSet(limitRateO)) {
        const std::optional<qint64> rate = byteSize(p.value(limitRateO));
        const qint64 max
                = qint64(Settings::range(Settings::Key::UploadBandwidthLimit)->second) * 1024;
        if (!rate || *rate > max)
            return usageError(Tr::tr("--limit-rate must be bytes per second such as 500K or 20M "
                                     "(0: unlimited; at most %1/s).")
                                      .arg(sizeText(double(max))));
        options.bandwidthBytesPerSecond = *rate;
    }
    std::optional<qint64> category;
    if (p.isSet(categoryO)) {
        bool ok = false;
        category = p.value(categoryO).toLongLong(&ok);
        if (!ok || *category < -1 || *category > std::numeric_limits<qint32>::max())
            return usageError(Tr::tr("--category-id must be a category id: a whole number, -1 "
                                     "for Other."));
    }

    Connection connection;
    if (auto code = resolveConnection(p, o, settings, run.timeoutSeconds, {}, &connection))
        return *code;
    QNetworkAccessManager nam;
    VodClient client(&nam, connection.config);
    if (const QString problem = client.configProblem(); !problem.isEmpty())
        return usageError(problem);
    HistoryStore history;
    if (!p.isSet(noHistoryO)) {
        if (auto code = openHistory(history, historyPath(p, o.history, settings),
                                    Tr::tr("(use --no-history to run without a history)")))
            return *code;
    }

    QList<UploadRequest> requests;
    for (const QString &file : files)
        requests.append({QFileInfo(file).absoluteFilePath(), p.value(titleO), p.value(descriptionO),
                         category, p.value(templateO)});
    UploadRunner runner(&client, history.isOpen() ? &history : nullptr);
    runner.setOptions(options);
    const VodClient::Config &config = client.config();
    QStringList refused;
    const QStringList queued = runner.add(
            requests, {connection.profile, config.regionId, config.projectId}, &refused);
    for (const QString &line : refused)
        err(program + u": "_s + line);
    if (queued.isEmpty())
        return UsageError;
    const QStringList resumeWords = givenOptions(p, connectionOptions);
    if (history.isOpen())
        err(Tr::tr("If it is interrupted: %1")
                    .arg((QStringList {program, u"resume"_s} + resumeWords + queued).join(u' ')));
    out(uploadHeader(run.format));
    return runUploads(runner, run.format, resumeWords, history.isOpen(), int(refused.size()));
}

// ----------------------------------------------------------------------------------------------
// resume

// Resumes the interrupted uploads `records` of the journal through an UploadRunner (or, with
// `discard`, cancels them: the multipart upload aborted, the asset confirmed CANCELLED).
int resumeUploads(const QCommandLineParser &p, const RunOptions &o, const Settings &settings,
                  const Run &run, HistoryStore &history, const QList<UploadRecord> &records,
                  bool discard)
{
    const UploadRecord &first = records.constFirst();
    BatchInfo fallback;
    fallback.profile = first.profile;
    fallback.region = first.region;
    fallback.projectId = first.projectId;
    Connection connection;
    if (auto code = resolveConnection(p, o, settings, run.timeoutSeconds, fallback, &connection))
        return *code;
    for (const UploadRecord &r : records) {
        if (connection.config.projectId != r.projectId)
            return usageError(Tr::tr("Upload %1 ran for project %2, but these credentials are for "
                                     "project %3. Use its profile or --project-id %2.")
                                      .arg(r.id, r.projectId, connection.config.projectId));
    }
    QNetworkAccessManager nam;
    VodClient client(&nam, connection.config);
    if (const QString problem = client.configProblem(); !problem.isEmpty())
        return usageError(problem);

    UploadRunner runner(&client, &history);
    runner.setOptions(uploadOptions(settings, run));
    int notQueued = 0;
    for (const UploadRecord &r : records) {
        QString error;
        if (!runner.resume(r.id, &error)) {
            err(program + u": "_s + error);
            ++notQueued;
            continue;
        }
        err(discard ? Tr::tr("Cancelling upload %1 (%2).").arg(r.id, r.filePath)
                    : Tr::tr("Resuming upload %1 (%2, %L3 part(s) finished before).")
                              .arg(r.id, r.filePath)
                              .arg(r.parts.size()));
        if (discard)
            runner.cancel(r.id);
    }
    if (runner.uploads().isEmpty())
        return SomeFailed;
    out(uploadHeader(run.format));
    const int code = runUploads(
            runner, run.format,
            givenOptions(p, {o.profile, o.region, o.endpoint, o.project, o.caFile, o.history}),
            true, notQueued);
    // Discarding asked for cancelled uploads: that is success.
    const QList<UploadStatus> ended = runner.uploads();
    const bool allCancelled = notQueued == 0
            && std::all_of(ended.cbegin(), ended.cend(), [](const UploadStatus &s) {
                                  return s.phase == UploadStatus::Phase::Cancelled;
                              });
    return discard && code == SomeFailed && allCancelled ? int(AllConfirmed) : code;
}

int resume(const QStringList &arguments)
{
    QCommandLineParser p;
    const RunOptions o;
    const QCommandLineOption discardO(
            u"discard"_s,
            Tr::tr("Do not resume: mark the batch as finished, so it is no longer offered; an "
                   "upload is cancelled (its multipart upload aborted, its asset confirmed "
                   "CANCELLED)."));
    const QCommandLineOption listO(
            u"list"_s,
            Tr::tr("List the interrupted uploads, then batches, each newest first, instead."));
    p.addOptions(o.all());
    p.addOptions({discardO, listO});
    p.addPositionalArgument(u"ID"_s,
                            Tr::tr("A batch id (see '%1 history --unfinished') or one or more "
                                   "upload ids (see '%1 resume --list'); left out: the newest "
                                   "interrupted batch or upload.")
                                    .arg(program),
                            u"[BATCH | UPLOAD...]"_s);
    if (auto code
        = parse(p, arguments,
                Tr::tr("Resumes a batch or an upload that a crash, kill or power cut "
                       "interrupted. Assets whose outcome is unknown are first read with "
                       "ShowAssetMeta: those already confirmed are not sent again. An upload "
                       "goes on from its last journaled step: the parts OBS has are not sent "
                       "again. Credentials as for confirm; the batch's or upload's profile is "
                       "used unless --profile is given.")))
        return *code;

    const Settings settings;
    Run run;
    if (auto code = readRun(p, o, settings, &run))
        return *code;
    const QString path = historyPath(p, o.history, settings);
    if (!QFile::exists(path))
        return usageError(Tr::tr("There is no history at %1 yet.").arg(path));
    HistoryStore history;
    if (auto code = openHistory(history, path))
        return *code;

    // What can be resumed: batches and uploads no live process holds.
    QString error;
    QList<UploadRecord> uploads;
    for (const UploadRecord &u : history.unfinishedUploads(&error)) {
        if (!u.running)
            uploads.prepend(u); // newest first
    }
    if (!error.isEmpty())
        err(Tr::tr("History: %1").arg(error));
    const QList<BatchInfo> batches = resumableBatches(history);
    if (p.isSet(listO)) {
        if (!p.positionalArguments().isEmpty())
            return usageError(Tr::tr("--list takes no id."));
        for (const UploadRecord &u : std::as_const(uploads)) {
            out(visible(Tr::tr("upload  %1  %2  %3  %L4 of %L5 part(s)  %6")
                                .arg(u.id, u.updatedAt.toUTC().toString(Qt::ISODate),
                                     QString(uploadStateName(u.state)))
                                .arg(history.upload(u.id).value_or(u).parts.size())
                                .arg(u.partCount())
                                .arg(u.filePath))
                        .toUtf8()
                + '\n');
        }
        for (auto b = batches.crbegin(); b != batches.crend(); ++b)
            out(Tr::tr("batch   ").toUtf8() + batchLine(Format::Text, *b));
        return AllConfirmed;
    }

    QStringList ids = p.positionalArguments();
    if (ids.isEmpty()) {
        const QDateTime newestBatch
                = batches.isEmpty() ? QDateTime() : batches.constLast().startedAt;
        const QDateTime newestUpload
                = uploads.isEmpty() ? QDateTime() : uploads.constFirst().updatedAt;
        if (!newestBatch.isValid() && !newestUpload.isValid()) {
            const QList<BatchInfo> running = history.unfinishedBatches();
            if (!running.isEmpty()) {
                err(Tr::tr("Batch %1 is being run by another VOD Confirm process right now; there "
                           "is nothing else to resume.")
                            .arg(running.constLast().id));
                return SomeFailed;
            }
            err(Tr::tr("No interrupted batch or upload to resume."));
            return AllConfirmed;
        }
        ids = {newestUpload.isValid() && (!newestBatch.isValid() || newestUpload > newestBatch)
                       ? uploads.constFirst().id
                       : batches.constLast().id};
        if (batches.size() + uploads.size() > 1)
            err(Tr::tr("%Ln batch(es) or upload(s) interrupted: resuming the newest, %1 (see "
                       "'%2 resume --list').",
                       nullptr, int(batches.size() + uploads.size()))
                        .arg(ids.constFirst(), program));
    }

    // Upload ids (one or more), or one batch id.
    QList<UploadRecord> records;
    QString uploadError;
    for (const QString &id : std::as_const(ids)) {
        error.clear();
        if (std::optional<UploadRecord> record = history.upload(id, &error))
            records.append(*record);
        else if (uploadError.isEmpty()
                 && error != HistoryStore::tr("The history has no upload %1.").arg(id.left(64)))
            uploadError = error; // damaged, or the history cannot be read
    }
    if (!uploadError.isEmpty())
        return usageError(uploadError);
    if (!records.isEmpty()) {
        if (records.size() != ids.size())
            return usageError(Tr::tr("Give one batch id, or upload ids only."));
        return resumeUploads(p, o, settings, run, history, records, p.isSet(discardO));
    }
    if (ids.size() > 1)
        return usageError(Tr::tr("Give one batch id, or upload ids only."));
    const QString batchId = ids.constFirst();
    error.clear();
    const std::optional<ResumePlan> plan = planResume(history, batchId, &error);
    if (!plan)
        return usageError(error);
    if (p.isSet(discardO)) {
        history.finishBatch(batchId, QDateTime::currentDateTimeUtc());
        const bool flushed = history.flush(&error);
        history.releaseBatch(batchId);
        if (!flushed)
            return usageError(error);
        err(Tr::tr("Batch %1 marked as finished; %Ln asset(s) were left unconfirmed.", nullptr,
                   int(plan->items.size()))
                    .arg(batchId));
        return AllConfirmed;
    }

    Connection connection;
    if (auto code = resolveConnection(p, o, settings, run.timeoutSeconds, plan->batch, &connection))
        return *code;
    if (connection.config.projectId != plan->batch.projectId)
        return usageError(
                Tr::tr("Batch %1 ran for project %2, but these credentials are for "
                       "project %3. Use the batch's profile or --project-id %2.")
                        .arg(batchId, plan->batch.projectId, connection.config.projectId));
    QNetworkAccessManager nam;
    VodClient client(&nam, connection.config);
    if (const QString problem = client.configProblem(); !problem.isEmpty())
        return usageError(problem);

    err(Tr::tr("Resuming batch %1: %Ln asset(s) confirmed before, %2 failed before, %3 to check "
               "and "
               "finish.",
               nullptr, int(plan->confirmedBefore))
                .arg(batchId)
                .arg(plan->failedBefore)
                .arg(plan->items.size()));
    return report(runBatch(client, history, {}, &*plan, run, connection.profile, false, nullptr),
                  batchId, plan->failedBefore);
}

// ----------------------------------------------------------------------------------------------
// stuck

// Without --created-after the listing starts this many days ago: the API needs a start. An
// earlier one costs no extra request (requests follow the number of assets, not the span).
constexpr int DefaultStuckDays = 365;
constexpr int DaysPer100Years = 36525;

// The command that lists (and acts on) what an incomplete listing of [from, ...] did not reach:
// the same options, the range ending where the listing stopped (`until`, the oldest creation
// second listed, included again: assets of that second may not all have been listed).
QString continueCommand(const QCommandLineParser &p, const QList<QCommandLineOption> &options,
                        const QDateTime &from, const QDateTime &until)
{
    QStringList words {program, u"stuck"_s};
    for (const QCommandLineOption &option : options) {
        const QString name = option.names().constLast();
        if (!p.isSet(option) || name == "created-after"_L1 || name == "created-before"_L1)
            continue;
        if (option.valueName().isEmpty()) {
            words << u"--"_s + name;
            continue;
        }
        for (const QString &value : p.values(option))
            words << u"--"_s + name << SupportText::shellQuote(value);
    }
    words << u"--created-after"_s << from.toString(Qt::ISODate) << u"--created-before"_s
          << until.addSecs(1).toString(Qt::ISODate);
    return words.join(u' ');
}

// Lists the stuck uploads of [from, to] with `client`, passing them to `listed` page by page, with
// a progress line on a terminal and Ctrl+C or SIGTERM cancelling.
StuckListSummary listStuck(VodClient &client, const StuckLister::Options &options,
                           const QDateTime &from, const QDateTime &to,
                           const std::function<void(const QList<StuckAsset> &)> &listed)
{
    StuckLister lister(&client);
    lister.setOptions(options);
    onOutputFailed = [&lister] {
        QMetaObject::invokeMethod(&lister, &StuckLister::cancel, Qt::QueuedConnection);
    };
    const auto noOutputHook = qScopeGuard([] { onOutputFailed = nullptr; });
    ProgressLine progress([&lister] {
        return Tr::tr("Listing stuck uploads: %L1 listed, %L2 requests")
                .arg(lister.summary().listed)
                .arg(lister.summary().requests);
    });
    QEventLoop loop;
    StuckListSummary summary;
    QObject::connect(&lister, &StuckLister::assetsListed, &loop,
                     [&](const QList<StuckAsset> &assets) {
                         listed(assets);
                         progress.update();
                     });
    QObject::connect(&lister, &StuckLister::waiting, &loop, [&](qint64 ms, const QString &reason) {
        progress.end();
        err(Tr::tr("Waiting %1 s: %2.").arg((ms + 999) / 1000).arg(reason));
    });
    QObject::connect(&lister, &StuckLister::finished, &loop, [&](const StuckListSummary &s) {
        summary = s;
        loop.quit();
    });
    onInterrupt(&loop, [&] {
        progress.end();
        err(Tr::tr("Interrupted: the listing stops."));
        lister.cancel();
    });
    lister.start(from, to);
    loop.exec();
    progress.end();
    return summary;
}

// Asks on the terminal; true for "y" or "yes". Ctrl+C while it waits ends the process.
bool userAgrees(const QString &question)
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    err(question + u' ' + Tr::tr("[y/N]"));
    char line[64] = {};
    if (!std::fgets(line, sizeof line, stdin))
        return false;
    const QString answer = QString::fromLocal8Bit(line).trimmed().toLower();
    return answer == "y"_L1 || answer == "yes"_L1;
}

int stuck(const QStringList &arguments)
{
    QCommandLineParser p;
    const RunOptions o;
    const NewBatchOptions b;
    const auto [rateMin, rateMax] = *Settings::range(Settings::Key::ListingRatePerMinute);
    const QCommandLineOption olderThanO(
            u"older-than"_s,
            Tr::tr("Only uploads created more than DURATION ago: minutes, hours, days or weeks, "
                   "such as 90m, 2h, 3d or 1w."),
            u"DURATION"_s);
    const QCommandLineOption beforeO(
            u"created-before"_s,
            Tr::tr("Only uploads created before DATE (ISO 8601, UTC unless it names an offset: "
                   "2026-11-28 or 2026-11-28T09:30:00Z)."),
            u"DATE"_s);
    const QCommandLineOption afterO(
            u"created-after"_s,
            Tr::tr("Only uploads created at or after DATE (default: %1 days ago).")
                    .arg(DefaultStuckDays),
            u"DATE"_s);
    const QCommandLineOption listRateO(
            u"list-rate"_s,
            Tr::tr("List requests per minute (1-%1, default %2; ListAssetList has its own quota, "
                   "apart from confirms; above %3 only for an account whose quota was raised).")
                    .arg(rateMax)
                    .arg(Settings::defaultValue(Settings::Key::ListingRatePerMinute).toInt())
                    .arg(Quota::StandardPerMinute),
            u"PER_MINUTE"_s);
    const QCommandLineOption confirmO(
            u"confirm"_s, Tr::tr("Confirm every upload listed (status CREATED), as one batch."));
    const QCommandLineOption markFailedO(
            u"mark-failed"_s, Tr::tr("Mark every upload listed as failed (status FAILED)."));
    const QCommandLineOption cancelO(u"cancel"_s,
                                     Tr::tr("Cancel every upload listed (status CANCELLED)."));
    const QCommandLineOption yesO(
            u"yes"_s, Tr::tr("Act without asking (needed when standard input is not a terminal)."));
    const QList<QCommandLineOption> own {olderThanO, beforeO,     afterO,  listRateO,
                                         confirmO,   markFailedO, cancelO, yesO};
    p.addOptions(o.all());
    p.addOptions(b.all());
    p.addOptions(own);
    if (auto code
        = parse(p, arguments,
                Tr::tr("Lists stuck uploads: assets still in CREATING because their upload was "
                       "never confirmed (ListAssetList), newest first, each once, past the API's "
                       "20,000 cap. Without --created-after it lists the last %1 days (the API "
                       "needs a start; an earlier one costs no extra request). An upload in "
                       "progress is in CREATING too: --older-than 2h leaves recent ones alone.\n"
                       "With --confirm, --mark-failed or --cancel it then sends that status for "
                       "every upload listed, as one batch like confirm (history, resume, pacing, "
                       "output); it asks first on a terminal and needs --yes otherwise.\n"
                       "Credentials, connection and history options as for confirm.")
                        .arg(DefaultStuckDays)))
        return *code;
    if (!p.positionalArguments().isEmpty())
        return usageError(Tr::tr("stuck takes no file: it lists the uploads from the server."));

    const Settings settings;
    Run run;
    if (auto code = readRun(p, o, settings, &run))
        return *code;
    int listRate = 0;
    if (auto code
        = intOption(p, listRateO, rateMin, rateMax, settings.listingRatePerMinute(), &listRate))
        return *code;
    if (p.isSet(listRateO)) {
        if (const QString warning = Quota::rateWarning(listRate); !warning.isEmpty())
            err(Tr::tr("vodconfirm: warning: %1").arg(warning));
    }

    std::optional<TargetStatus> action;
    int actions = 0;
    for (const auto &[option, status] : {std::pair {&confirmO, TargetStatus::Created},
                                         std::pair {&markFailedO, TargetStatus::Failed},
                                         std::pair {&cancelO, TargetStatus::Cancelled}}) {
        if (p.isSet(*option)) {
            action = status;
            ++actions;
        }
    }
    if (actions > 1)
        return usageError(Tr::tr("--confirm, --mark-failed and --cancel exclude each other."));
    if (p.isSet(o.history) && p.isSet(b.noHistory))
        return usageError(Tr::tr("--history-db and --no-history exclude each other."));

    // The range, in whole seconds: [from, to].
    const QDateTime now
            = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    QDateTime to = now;
    if (p.isSet(beforeO)) {
        const std::optional<QDateTime> before = isoTime(p.value(beforeO));
        if (!before)
            return usageError(Tr::tr("--created-before must be an ISO 8601 date such as "
                                     "2026-11-28 or 2026-11-28T09:30:00Z."));
        if (*before > now.addSecs(1))
            return usageError(
                    Tr::tr("--created-before %1 is in the future (now: %2).")
                            .arg(before->toString(Qt::ISODate), now.toString(Qt::ISODate)));
        // Created before it: up to the second before (at most now, as checked).
        to = QDateTime::fromSecsSinceEpoch(before->toSecsSinceEpoch(), Qt::UTC).addSecs(-1);
    }
    if (p.isSet(olderThanO)) {
        const std::optional<qint64> age
                = durationSeconds(p.value(olderThanO), qint64(DaysPer100Years) * 86400);
        if (!age)
            return usageError(Tr::tr("--older-than must be a whole number of minutes, hours, "
                                     "days or weeks, such as 90m, 2h, 3d or 1w."));
        to = std::min(to, now.addSecs(-*age));
    }
    QDateTime from = now.addDays(-DefaultStuckDays);
    if (p.isSet(afterO)) {
        const std::optional<QDateTime> after = isoTime(p.value(afterO));
        if (!after)
            return usageError(Tr::tr("--created-after must be an ISO 8601 date such as "
                                     "2026-11-28 or 2026-11-28T09:30:00Z."));
        if (*after > now)
            return usageError(
                    Tr::tr("--created-after %1 is in the future (now: %2).")
                            .arg(after->toString(Qt::ISODate), now.toString(Qt::ISODate)));
        // Whole seconds, the second it names included.
        from = QDateTime::fromSecsSinceEpoch(after->toSecsSinceEpoch(), Qt::UTC);
    }
    if (from > to)
        return usageError(Tr::tr("Nothing can match: the range would start at %1 "
                                 "(--created-after; default %3 days ago) and end at %2 "
                                 "(--created-before, --older-than).")
                                  .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate))
                                  .arg(DefaultStuckDays));
    const bool asks = action && !p.isSet(yesO);
    if (asks && !::isatty(STDIN_FILENO))
        return usageError(Tr::tr("Standard input is not a terminal, so nobody can be asked "
                                 "before every upload listed is set %1: add --yes to do it "
                                 "anyway. Nothing was sent.")
                                  .arg(targetStatusName(*action)));

    Connection connection;
    if (auto code = resolveConnection(p, o, settings, run.timeoutSeconds, {}, &connection))
        return *code;
    QNetworkAccessManager nam;
    VodClient client(&nam, connection.config);
    if (const QString problem = client.configProblem(); !problem.isEmpty())
        return usageError(problem);
    HistoryStore history;
    if (action && !p.isSet(b.noHistory)) {
        if (auto code = openHistory(history, historyPath(p, o.history, settings),
                                    Tr::tr("(use --no-history to run without a history)")))
            return *code;
    }

    StuckLister::Options listing;
    listing.ratePerMinute = listRate;
    listing.maxAttempts = run.engine.maxAttempts;
    QList<ConfirmItem> items;
    if (!action)
        out(stuckHeader(run.format));
    const StuckListSummary listed
            = listStuck(client, listing, from, to, [&](const QList<StuckAsset> &assets) {
                  if (action) {
                      for (const StuckAsset &a : assets)
                          items.append({a.assetId, *action});
                      return;
                  }
                  QByteArray lines;
                  for (const StuckAsset &a : assets)
                      lines += stuckLine(run.format, a, now);
                  out(lines);
              });
    err(Tr::tr("%Ln stuck upload(s) created from %1 to %2 (%L3 requests, %4 s).", nullptr,
               int(std::min<qint64>(listed.listed, std::numeric_limits<int>::max())))
                .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate))
                .arg(listed.requests)
                .arg(listed.elapsedMs / 1000.0, 0, 'f', 1));
    if (outputFailed)
        return OutputFailed;
    const QList<QCommandLineOption> all = o.all() + b.all() + own;
    // Interrupted before acting, nothing listed was acted on: the whole range is still to do.
    const bool startAgain = listed.cancelled && action;
    const QString continuing = listed.complete ? QString()
            : startAgain
            ? Tr::tr("To start again: %1").arg(continueCommand(p, all, from, to))
            : Tr::tr("To list the rest: %1")
                      .arg(continueCommand(p, all, from,
                                           listed.listedUntil.isValid() ? listed.listedUntil : to));
    if (!listed.complete) {
        if (!listed.error.isEmpty())
            err(listed.error);
        if (listed.lastError.errorClass == ErrorClass::Auth)
            return AuthRejected;
        if (listed.cancelled || !action) {
            err(continuing);
            return SomeFailed;
        }
    }
    if (!action)
        return AllConfirmed;
    if (items.isEmpty()) {
        err(Tr::tr("Nothing to send."));
        if (!continuing.isEmpty())
            err(continuing);
        return continuing.isEmpty() ? AllConfirmed : SomeFailed;
    }
    if (asks) {
        const int n = int(items.size());
        const QString question = *action == TargetStatus::Created
                ? Tr::tr("Confirm %Ln upload(s) (status CREATED)?", nullptr, n)
                : *action == TargetStatus::Failed
                ? Tr::tr("Mark %Ln upload(s) as failed (status FAILED)?", nullptr, n)
                : Tr::tr("Cancel %Ln upload(s) (status CANCELLED)?", nullptr, n);
        if (!userAgrees(question)) {
            err(Tr::tr("Nothing was sent."));
            return SomeFailed;
        }
    }
    QString error;
    const BatchSummary summary = runBatch(client, history, std::move(items), nullptr, run,
                                          connection.profile, p.isSet(b.force), &error);
    if (!error.isEmpty())
        return usageError(error);
    const int code = report(summary, summary.batchId);
    if (continuing.isEmpty())
        return code;
    err(continuing);
    return code == AllConfirmed || code == HistoryIncomplete ? int(SomeFailed) : code;
}

// ----------------------------------------------------------------------------------------------
// history

int history(const QStringList &arguments)
{
    QCommandLineParser p;
    const QCommandLineOption historyO(
            u"history-db"_s, Tr::tr("History database file (default: the app's)."), u"PATH"_s);
    const QCommandLineOption assetO(u"asset"_s, Tr::tr("Only this asset ID."), u"ID"_s);
    const QCommandLineOption sinceO(
            u"since"_s, Tr::tr("Only attempts at or after this ISO 8601 date or time (UTC)."),
            u"ISO-DATE"_s);
    const QCommandLineOption outputO(u"output"_s,
                                     Tr::tr("Output format: text (default), json or csv."),
                                     u"FORMAT"_s, u"text"_s);
    const QCommandLineOption unfinishedO(
            u"unfinished"_s,
            Tr::tr("List the batches that did not finish (running now, or interrupted) instead."));
    const QCommandLineOption bundleO(
            u"support-bundle"_s,
            Tr::tr("Print a support bundle for this asset ID instead: every attempt with its "
                   "request ID, the endpoint, project and versions, no secrets."),
            u"ASSET_ID"_s);
    p.addOptions({historyO, assetO, sinceO, outputO, unfinishedO, bundleO});
    if (auto code = parse(p, arguments, Tr::tr("Prints the confirmation history, newest first.")))
        return *code;
    const std::optional<Format> format = formatFromName(p.value(outputO));
    if (!format)
        return usageError(Tr::tr("--output must be text, json or csv."));

    HistoryFilter filter;
    if (p.isSet(assetO)) {
        filter.assetId = p.value(assetO).trimmed().toLower();
        if (!AssetIdParser::isValidId(filter.assetId))
            return usageError(Tr::tr("--asset must be an asset ID (32 hexadecimal characters)."));
    }
    if (p.isSet(sinceO)) {
        const std::optional<QDateTime> since = isoTime(p.value(sinceO));
        if (!since)
            return usageError(Tr::tr("--since must be an ISO 8601 date such as 2026-11-28 or "
                                     "2026-11-28T09:30:00Z."));
        filter.from = *since;
    }
    const QString path = p.isSet(historyO) ? p.value(historyO)
                                           : HistoryStore::pathFor(Settings().historyPath());
    if (!QFile::exists(path))
        return usageError(Tr::tr("There is no history at %1 yet.").arg(path));
    HistoryStore store;
    QString error;
    if (!store.open(path, &error))
        return usageError(error);

    if (p.isSet(bundleO)) {
        HistoryFilter asset;
        asset.assetId = p.value(bundleO).trimmed().toLower();
        if (!AssetIdParser::isValidId(asset.assetId))
            return usageError(
                    Tr::tr("--support-bundle needs an asset ID (32 hexadecimal characters)."));
        const QList<HistoryRecord> latest = store.find(asset, 1, 0, &error);
        if (latest.isEmpty())
            return usageError(
                    error.isEmpty()
                            ? Tr::tr("The history has no attempt of asset %1.").arg(asset.assetId)
                            : error);
        const HistoryRecord &r = latest.constFirst();
        const Settings settings;
        out(SupportText::bundle({{r.assetId, r.targetStatus, r.profile, r.region, r.projectId}},
                                &store, &settings)
                    .toUtf8());
        return AllConfirmed;
    }
    if (p.isSet(unfinishedO)) {
        out(batchHeader(*format));
        for (const BatchInfo &b : store.unfinishedBatches())
            out(batchLine(*format, b));
        return AllConfirmed;
    }
    out(historyHeader(*format));
    QList<HistoryRecord> page = store.find(filter, 1000, 0, &error);
    while (!page.isEmpty()) {
        QByteArray chunk;
        for (const HistoryRecord &r : std::as_const(page))
            chunk += historyLine(*format, r);
        out(chunk);
        page = store.findAfter(filter, page.constLast(), 1000, &error);
    }
    if (!error.isEmpty())
        return usageError(error);
    return AllConfirmed;
}

// ----------------------------------------------------------------------------------------------
// profiles

int profiles(const QStringList &arguments)
{
    QCommandLineParser p;
    p.addPositionalArgument(u"ACTION"_s, Tr::tr("list (default), or show NAME"),
                            u"[list | show NAME]"_s);
    if (auto code = parse(p, arguments,
                          Tr::tr("Lists the saved profiles, or shows one. Secrets are "
                                 "never shown.")))
        return *code;
    const QStringList args = p.positionalArguments();
    const Settings settings;
    const QString action = args.value(0, u"list"_s);
    if (action == "list"_L1 && args.size() <= 1) {
        const QString active = settings.activeProfileName();
        for (const QString &name : settings.profileNames())
            out((name == active ? u"* "_s : u"  "_s).toUtf8() + visible(name).toUtf8() + '\n');
        if (settings.profileNames().isEmpty())
            err(Tr::tr("No profiles yet. Create one in the desktop app (run vodconfirm without "
                       "arguments)."));
        return AllConfirmed;
    }
    if (action == "show"_L1 && args.size() == 2) {
        const std::optional<Profile> profile = settings.profile(args.at(1));
        if (!profile)
            return usageError(Tr::tr("There is no profile named \"%1\".").arg(args.at(1)));
        const Profile &pr = *profile;
        QStringList lines
                = {Tr::tr("name:         %1").arg(pr.name),
                   // Never a user name or password that a hand edit left in the URL.
                   Tr::tr("endpoint:     %1").arg(pr.vodEndpoint().toString(QUrl::RemoveUserInfo)),
                   Tr::tr("region:       %1").arg(pr.regionId),
                   Tr::tr("project id:   %1").arg(pr.projectId),
                   Tr::tr("auth mode:    %1").arg(authModeName(pr.authMode))};
        if (pr.authMode == AuthMode::AkSk)
            lines << Tr::tr("access key:   %1").arg(pr.accessKey)
                  << Tr::tr("secrets:      %1")
                             .arg(pr.rememberSecrets ? Tr::tr("in the system keychain")
                                                     : Tr::tr("not stored (asked each session)"));
        if (pr.authMode == AuthMode::Password)
            lines << Tr::tr("IAM user:     %1").arg(pr.userName)
                  << Tr::tr("account:      %1").arg(pr.accountName);
        if (!pr.caFile.isEmpty())
            lines << Tr::tr("CA file:      %1").arg(pr.caFile);
        switch (pr.proxyMode) {
        case ProxyMode::System:
            lines << Tr::tr("proxy:        system settings");
            break;
        case ProxyMode::None:
            lines << Tr::tr("proxy:        none");
            break;
        case ProxyMode::Manual:
            lines << Tr::tr("proxy:        %1://%2%3:%4")
                             .arg(proxyTypeName(pr.proxyType),
                                  pr.proxyUserName.isEmpty() ? QString() : pr.proxyUserName + u'@',
                                  pr.proxyHost)
                             .arg(pr.proxyPort);
            break;
        }
        for (QString &line : lines)
            line = visible(line);
        out(lines.join(u'\n').toUtf8() + '\n');
        return AllConfirmed;
    }
    return usageError(Tr::tr("Usage: %1 profiles [list | show NAME]").arg(program));
}

} // namespace

bool wantsCommandLine(const QStringList &arguments)
{
    // A command word or a help/version flag; other options (-platform, -style ...) are Qt's.
    static const QStringList flags = {u"-h"_s, u"--help"_s, u"-v"_s, u"--version"_s};
    const QString first = arguments.value(1);
    return !first.isEmpty() && (!first.startsWith(u'-') || flags.contains(first));
}

namespace {

int runCommand(const QStringList &arguments, Binary binary)
{
    program = binary == Binary::Desktop ? u"vodconfirm"_s : u"vodconfirm-cli"_s;
    // What the history's log category warns about reaches the user as a line of its own.
    QLoggingCategory::setFilterRules(u"vodconfirm.history.warning=false"_s);
    const QString command = arguments.value(1);
    const QStringList rest = QStringList {arguments.first() + u' ' + command} + arguments.mid(2);
    if (command == "confirm"_L1)
        return confirm(rest);
    if (command == "upload"_L1)
        return upload(rest);
    if (command == "resume"_L1)
        return resume(rest);
    if (command == "stuck"_L1)
        return stuck(rest);
    if (command == "history"_L1)
        return history(rest);
    if (command == "profiles"_L1)
        return profiles(rest);
    if (command == "--version"_L1 || command == "-v"_L1) {
        out("vodconfirm " VODCONFIRM_VERSION "\n");
        return AllConfirmed;
    }
    if (command == "--help"_L1 || command == "-h"_L1 || command == "help"_L1) {
        out(mainHelp(binary).toUtf8() + '\n');
        return AllConfirmed;
    }
    err(mainHelp(binary));
    if (command.isEmpty()) // vodconfirm-cli alone
        return UsageError;
    return usageError(Tr::tr("Unknown command \"%1\".").arg(command));
}

} // namespace

int run(const QStringList &arguments, Binary binary)
{
    // A closed pipe is a write error (EPIPE) in out(), at any moment, never a silent death.
    std::signal(SIGPIPE, SIG_IGN);
    if (outputClosed()) {
        failOutput(EPIPE);
        return OutputFailed;
    }
    const int code = runCommand(arguments, binary);
    return outputFailed ? OutputFailed : code;
}

} // namespace VodConfirm::Cli
