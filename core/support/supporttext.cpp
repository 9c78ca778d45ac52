#include "supporttext.h"

#include "api/regions.h"
#include "api/targetstatus.h"
#include "settings/settings.h"
#include "storage/historystore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSet>
#include <QSysInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace VodConfirm::SupportText {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VodConfirm::SupportText)
};

// Characters a terminal may act on or that hide what text says: controls (C0, DEL, C1), line
// and paragraph separators, bidi marks and overrides.
bool isHidden(char16_t u)
{
    return u < 0x20 || (u >= 0x7f && u <= 0x9f) || u == 0x2028 || u == 0x2029
            || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069) || u == 0x200e
            || u == 0x200f || u == 0x061c;
}

// Whether a command line can carry `text` as it is: a newline or tab inside quotes is literal,
// any other hidden character could steer the terminal the line is pasted into.
bool fitsCommandLine(QStringView text)
{
    return std::none_of(text.begin(), text.end(),
                        [](QChar c) { return c != u'\n' && c != u'\t' && isHidden(c.unicode()); });
}

bool isShellSafe(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
            || QStringView(u"@%+=:,./_-").contains(c);
}

// KooCLI's --name="value" as its documentation and API Explorer write it, when the value needs
// no quoting; otherwise single-quoted like any other shell word.
QString hcloudOption(QLatin1StringView name, const QString &value)
{
    const bool plain = !value.isEmpty() && std::all_of(value.begin(), value.end(), isShellSafe);
    return u" --"_s + name + u'=' + (plain ? u'"' + value + u'"' : shellQuote(value));
}

QString statusName(const QString &status)
{
    const std::optional<TargetStatus> known = targetStatusFromName(status);
    return known ? targetStatusName(*known) : status;
}

QString authModeText(const Profile &profile)
{
    switch (profile.authMode) {
    case AuthMode::AkSk:
        return profile.useSecurityToken ? Tr::tr("AK/SK with a security token (temporary)")
                                        : Tr::tr("AK/SK");
    case AuthMode::Token:
        return Tr::tr("IAM token");
    case AuthMode::Password:
        return Tr::tr("IAM user and password");
    }
    return {};
}

QString proxyText(const Profile &profile)
{
    switch (profile.proxyMode) {
    case ProxyMode::System:
        return Tr::tr("system settings");
    case ProxyMode::None:
        return Tr::tr("none");
    case ProxyMode::Manual:
        return Tr::tr("manual (%1)").arg(proxyTypeName(profile.proxyType));
    }
    return {};
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? u"-"_s : text;
}

// The lines of one asset: where it was sent and every attempt the history holds.
QStringList assetSection(const SupportTarget &target, const HistoryStore *history,
                         const Settings *settings)
{
    const auto clean = [](const QString &text) { return orDash(cleanText(text)); };
    QStringList lines {u"== %1 =="_s.arg(Tr::tr("Asset %1").arg(clean(target.assetId))),
                       Tr::tr("Target status: %1").arg(clean(statusName(target.targetStatus)))};
    const std::optional<Profile> profile = settings && !target.profile.isEmpty()
            ? settings->profile(target.profile)
            : std::nullopt;
    if (target.profile.isEmpty())
        lines << Tr::tr("Profile: none (credentials from the environment)");
    else if (!profile)
        lines << Tr::tr("Profile: %1 (no longer saved)").arg(clean(target.profile));
    else
        lines << Tr::tr("Profile: %1").arg(clean(target.profile));
    QUrl endpoint = profile ? profile->vodEndpoint() : QUrl();
    if (endpoint.isEmpty() && !target.region.isEmpty())
        endpoint = Regions::vodEndpoint(target.region);
    lines << Tr::tr("Endpoint: %1")
                     .arg(clean(endpoint.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery
                                                  | QUrl::RemoveFragment)
                                        .toString()))
          << Tr::tr("Region: %1").arg(clean(target.region))
          << Tr::tr("Project ID: %1").arg(clean(target.projectId));
    if (profile)
        lines << Tr::tr("Auth mode: %1").arg(authModeText(*profile))
              << Tr::tr("Proxy: %1").arg(proxyText(*profile));

    if (!history || !history->isOpen()) {
        lines << Tr::tr("Attempts: no history available");
        return lines;
    }
    HistoryFilter filter;
    filter.assetId = target.assetId; // exact; never empty here (an empty one would match all)
    QString error;
    QList<HistoryRecord> attempts = target.assetId.isEmpty()
            ? QList<HistoryRecord>()
            : history->find(filter, MaxAttemptsPerAsset, 0, &error);
    if (!error.isEmpty()) {
        lines << Tr::tr("Attempts: the history could not be read (%1)")
                         .arg(cleanText(error, MaxMessageChars));
        return lines;
    }
    const qint64 total
            = attempts.size() < MaxAttemptsPerAsset ? attempts.size() : history->count(filter);
    std::reverse(attempts.begin(), attempts.end()); // oldest first
    if (attempts.isEmpty())
        lines << Tr::tr("Attempts: none recorded");
    else if (total > attempts.size())
        lines << Tr::tr("Attempts: %L1, the newest %Ln below (oldest first, times in UTC)", nullptr,
                        int(attempts.size()))
                         .arg(total);
    else
        lines << Tr::tr("Attempts: %Ln (oldest first, times in UTC)", nullptr,
                        int(attempts.size()));
    for (const HistoryRecord &r : std::as_const(attempts)) {
        lines << Tr::tr("- %1, attempt %2: %3")
                         .arg(r.time.toUTC().toString(Qt::ISODateWithMs))
                         .arg(r.attempt)
                         .arg(outcomeName(r.outcome))
              << Tr::tr("  HTTP status: %1")
                         .arg(r.httpStatus > 0 ? QString::number(r.httpStatus)
                                               : Tr::tr("no answer"))
              << Tr::tr("  Error code: %1").arg(clean(r.errorCode))
              << Tr::tr("  Error message: %1")
                         .arg(orDash(cleanText(r.errorMessage, MaxMessageChars)))
              << Tr::tr("  X-Request-Id: %1").arg(clean(r.requestId))
              << Tr::tr("  Duration: %1 ms").arg(r.durationMs)
              << Tr::tr("  Target status: %1, batch %2")
                         .arg(clean(r.targetStatus), clean(r.batchId));
    }
    return lines;
}

} // namespace

QString shellQuote(QStringView value)
{
    QString word = value.toString();
    word.remove(QChar(u'\0'));
    if (!word.isEmpty() && std::all_of(word.cbegin(), word.cend(), isShellSafe))
        return word;
    word.replace(u'\'', u"'\\''"_s);
    return u'\'' + word + u'\'';
}

QString commandLines(const QList<SupportTarget> &targets)
{
    // One vodconfirm line per group (same profile, or same region and project without one, and
    // same status), groups in the order they first appear, each asset once per group.
    struct Group
    {
        QString options;
        QStringList ids;
        QSet<QString> seen;
    };
    QList<Group> groups;
    QHash<QString, qsizetype> groupOf;
    QStringList hcloud;
    QSet<QString> hcloudSeen;
    int leftOut = 0;
    for (const SupportTarget &t : targets) {
        if (!fitsCommandLine(t.assetId) || !fitsCommandLine(t.targetStatus)
            || !fitsCommandLine(t.profile) || !fitsCommandLine(t.region)
            || !fitsCommandLine(t.projectId)) {
            ++leftOut;
            continue;
        }
        const QString status = statusName(t.targetStatus);
        QString options;
        if (!t.profile.isEmpty()) {
            options += u" --profile="_s + shellQuote(t.profile);
        } else {
            if (!t.region.isEmpty())
                options += u" --region="_s + shellQuote(t.region);
            if (!t.projectId.isEmpty())
                options += u" --project-id="_s + shellQuote(t.projectId);
        }
        if (status != "CREATED"_L1)
            options += u" --status="_s + shellQuote(status);
        auto it = groupOf.constFind(options);
        if (it == groupOf.cend()) {
            it = groupOf.insert(options, groups.size());
            groups.append({options, {}, {}});
        }
        Group &group = groups[*it];
        if (!group.seen.contains(t.assetId)) {
            group.seen.insert(t.assetId);
            group.ids.append(shellQuote(t.assetId));
        }

        QString line = u"hcloud VOD ConfirmAssetUpload"_s;
        if (!t.region.isEmpty())
            line += hcloudOption("cli-region"_L1, t.region);
        line += hcloudOption("project_id"_L1, t.projectId) + hcloudOption("asset_id"_L1, t.assetId)
                + hcloudOption("status"_L1, status);
        if (!hcloudSeen.contains(line)) {
            hcloudSeen.insert(line);
            hcloud.append(line);
        }
    }
    QStringList lines;
    if (leftOut > 0) // a comment the shell skips: on one line, whatever the translation says
        lines << u"# "_s
                        + cleanText(Tr::tr("%Ln selected row(s) left out: they hold control "
                                           "characters a terminal could act on.",
                                           nullptr, leftOut),
                                    MaxMessageChars);
    if (groups.isEmpty())
        return lines.isEmpty() ? QString() : lines.join(u'\n') + u'\n';
    for (const Group &g : std::as_const(groups))
        lines << u"printf '%s\\n' "_s + g.ids.join(u' ') + u" | vodconfirm confirm"_s + g.options;
    return lines.join(u'\n') + u"\n\n"_s + hcloud.join(u'\n') + u'\n';
}

QString cleanText(QStringView text, int maxChars)
{
    QString out = text.left(maxChars + 1).toString();
    for (QChar &c : out) {
        if (isHidden(c.unicode()))
            c = u' ';
    }
    if (out.size() > maxChars) {
        out.truncate(maxChars - 1);
        if (!out.isEmpty() && out.back().isHighSurrogate())
            out.chop(1);
        out += u'…';
    }
    return out.trimmed();
}

QString bundle(const QList<SupportTarget> &targets, const HistoryStore *history,
               const Settings *settings)
{
    QStringList lines {
            Tr::tr("VOD Confirm support bundle (it holds no secret: no keys, tokens, passwords or "
                   "signatures)"),
            Tr::tr("App: VOD Confirm %1").arg(QStringLiteral(VODCONFIRM_VERSION)),
            Tr::tr("Qt: %1").arg(QString::fromLatin1(qVersion())),
            Tr::tr("OS: %1").arg(cleanText(QSysInfo::prettyProductName())),
            Tr::tr("Written: %1").arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate))};
    QSet<QString> seen;
    int left = 0;
    for (const SupportTarget &t : targets) {
        if (seen.contains(t.assetId))
            continue;
        seen.insert(t.assetId);
        if (seen.size() > MaxBundleAssets) {
            ++left;
            continue;
        }
        lines << QString() << assetSection(t, history, settings);
    }
    if (left > 0)
        lines << QString()
              << Tr::tr("%Ln more selected asset(s) left out: a bundle holds at most %L1.", nullptr,
                        left)
                         .arg(MaxBundleAssets);
    return lines.join(u'\n') + u'\n';
}

} // namespace VodConfirm::SupportText
