#include "output.h"

#include "api/errorcatalogue.h"
#include "storage/historystore.h"
#include "util/csv.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace VodConfirm::Cli {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VodConfirm::Cli)
};
} // namespace

std::optional<Format> formatFromName(const QString &name)
{
    if (name == "text"_L1)
        return Format::Text;
    if (name == "json"_L1)
        return Format::Json;
    if (name == "csv"_L1)
        return Format::Csv;
    return std::nullopt;
}

QString visible(QStringView text)
{
    const auto escaped = [](char16_t u) {
        return u < 0x20 || (u >= 0x7f && u <= 0x9f) || u == 0x2028 || u == 0x2029
                || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069);
    };
    if (std::none_of(text.begin(), text.end(), [&](QChar c) { return escaped(c.unicode()); }))
        return text.toString();
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (!escaped(u))
            out += c;
        else if (u == u'\n')
            out += u"\\n"_s;
        else if (u == u'\r')
            out += u"\\r"_s;
        else if (u == u'\t')
            out += u"\\t"_s;
        else if (u < 0x80)
            out += u"\\x%1"_s.arg(uint(u), 2, 16, QChar(u'0'));
        else
            out += u"\\u%1"_s.arg(uint(u), 4, 16, QChar(u'0'));
    }
    return out;
}

static const QStringList AssetColumns
        = {u"asset_id"_s,   u"outcome"_s,   u"status"_s,     u"http_status"_s,
           u"error_code"_s, u"error_msg"_s, u"request_id"_s, u"attempts"_s};

// A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped.
static QByteArray jsonString(const QString &s)
{
    const QByteArray utf8 = s.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out += '"';
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (uchar(c) < 0x20)
                out += "\\u00" + QByteArray::number(uchar(c), 16).rightJustified(2, '0');
            else
                out += c;
        }
    }
    out += '"';
    return out;
}

static QString errorText(const AssetUpdate &a)
{
    // The server's message; for assets that never got an answer, why.
    if (!a.last.errorMessage.isEmpty())
        return a.note.isEmpty() ? a.last.errorMessage
                                : a.last.errorMessage + u" ("_s + a.note + u')';
    return a.note;
}

// The catalogue's short hint for a failed asset: what its error most likely means.
static QString failureHint(const AssetUpdate &a)
{
    return a.state == AssetState::Failed ? ErrorCatalogue::hint(a.last) : QString();
}

QByteArray assetHeader(Format format, bool followed)
{
    if (format != Format::Csv)
        return {};
    return Csv::row(followed ? AssetColumns + QStringList {u"followed_state"_s, u"settled"_s}
                             : AssetColumns);
}

QByteArray assetLine(Format format, const AssetUpdate &a, const FollowedState *followed)
{
    const bool wasFollowed = followed && followed->index >= 0;
    const QString outcome = assetStateName(a.state);
    const QString status = targetStatusName(a.status);
    switch (format) {
    case Format::Json: {
        // Written directly: a cancelled 10M-asset batch prints 10M lines, and QJsonDocument per
        // line made that take a minute.
        QByteArray line = "{\"asset_id\":" + jsonString(a.assetId);
        line += ",\"outcome\":" + jsonString(outcome);
        line += ",\"status\":" + jsonString(status);
        line += ",\"http_status\":" + QByteArray::number(a.last.httpStatus);
        line += ",\"error_code\":" + jsonString(a.last.errorCode);
        line += ",\"error_msg\":" + jsonString(errorText(a));
        line += ",\"request_id\":" + jsonString(a.last.requestId);
        line += ",\"attempts\":" + QByteArray::number(a.attempts);
        line += ",\"hint\":" + jsonString(failureHint(a)); // new keys go last
        if (followed) {
            line += ",\"followed_state\":" + jsonString(followed->state);
            line += QByteArray(",\"settled\":") + (followed->settled ? "true" : "false");
        }
        return line + "}\n";
    }
    case Format::Csv: {
        QStringList fields {a.assetId,        outcome,
                            status,           QString::number(a.last.httpStatus),
                            a.last.errorCode, errorText(a),
                            a.last.requestId, QString::number(a.attempts)};
        if (followed)
            fields << followed->state
                   << (wasFollowed ? QString::number(followed->settled) : QString());
        return Csv::row(fields);
    }
    case Format::Text: {
        QString line = u"%1  %2  %3"_s.arg(outcome, -9).arg(a.assetId, status);
        if (a.last.httpStatus)
            line += u"  HTTP %1"_s.arg(a.last.httpStatus);
        if (!a.last.errorCode.isEmpty())
            line += u"  "_s + a.last.errorCode;
        if (const QString e = errorText(a); !e.isEmpty())
            line += u"  "_s + e;
        if (!a.last.requestId.isEmpty())
            line += u"  request %1"_s.arg(a.last.requestId);
        if (const QString hint = failureHint(a); !hint.isEmpty())
            line += u"  hint: "_s + hint;
        if (wasFollowed)
            line += u"  final: "_s + (followed->state.isEmpty() ? u"?"_s : followed->state)
                    + (followed->settled ? QString() : u" (not settled)"_s);
        return visible(line).toUtf8() + '\n';
    }
    }
    return {};
}

QByteArray historyHeader(Format format)
{
    return format == Format::Csv ? Csv::row(HistoryStore::csvColumns()) : QByteArray();
}

QByteArray historyLine(Format format, const HistoryRecord &r)
{
    switch (format) {
    case Format::Json: {
        // The export's columns as keys; numbers stay numbers.
        const QStringList columns = HistoryStore::csvColumns();
        const QStringList values = HistoryStore::csvFields(r);
        QJsonObject o;
        for (qsizetype i = 0; i < columns.size(); ++i)
            o.insert(columns.at(i), values.at(i));
        o.insert("id"_L1, r.id);
        o.insert("http_status"_L1, r.httpStatus);
        o.insert("attempt"_L1, r.attempt);
        o.insert("duration_ms"_L1, r.durationMs);
        return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    }
    case Format::Csv:
        return Csv::row(HistoryStore::csvFields(r));
    case Format::Text: {
        QString line = u"%1  %2  %3  %4  attempt %5"_s
                               .arg(r.time.toUTC().toString(Qt::ISODateWithMs), r.assetId,
                                    r.targetStatus)
                               .arg(QString(outcomeName(r.outcome)), -9)
                               .arg(r.attempt);
        if (r.httpStatus)
            line += u"  HTTP %1"_s.arg(r.httpStatus);
        if (!r.errorCode.isEmpty())
            line += u"  "_s + r.errorCode;
        if (!r.errorMessage.isEmpty())
            line += u"  "_s + r.errorMessage;
        if (!r.requestId.isEmpty())
            line += u"  request "_s + r.requestId;
        if (!r.profile.isEmpty())
            line += u"  profile "_s + r.profile;
        return visible(line).toUtf8() + '\n';
    }
    }
    return {};
}

static const QStringList BatchColumns
        = {u"batch_id"_s, u"state"_s,      u"started_at"_s, u"profile"_s,
           u"region"_s,   u"project_id"_s, u"total"_s,      u"stop_reason"_s};

QByteArray batchHeader(Format format)
{
    return format == Format::Csv ? Csv::row(BatchColumns) : QByteArray();
}

QByteArray batchLine(Format format, const BatchInfo &b)
{
    // stopped: ended with a remainder to send (stopped, signalled, failed); interrupted: killed.
    const QString state = b.finishedAt.isValid() ? u"finished"_s
            : b.running                          ? u"running"_s
            : b.stoppedAt.isValid()              ? u"stopped"_s
                                                 : u"interrupted"_s;
    const QString started = b.startedAt.toUTC().toString(Qt::ISODateWithMs);
    const QStringList fields = {
            b.id,        state, started, b.profile, b.region, b.projectId, QString::number(b.total),
            b.stopReason};
    switch (format) {
    case Format::Json: {
        QJsonObject o;
        for (qsizetype i = 0; i < BatchColumns.size(); ++i)
            o.insert(BatchColumns.at(i), fields.at(i));
        o.insert("total"_L1, b.total);
        return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    }
    case Format::Csv:
        return Csv::row(fields);
    case Format::Text: {
        // For people: translated words around the values (the state stays a value).
        QString line = u"%1  %2  %3  "_s.arg(b.id, state.leftJustified(11), started)
                + Tr::tr("%Ln asset(s)", nullptr, b.total);
        if (!b.profile.isEmpty())
            line += u"  "_s + Tr::tr("profile %1").arg(b.profile);
        if (!b.projectId.isEmpty())
            line += u"  "_s + Tr::tr("project %1").arg(b.projectId);
        if (!b.stopReason.isEmpty())
            line += u"  ("_s + b.stopReason + u')';
        return visible(line).toUtf8() + '\n';
    }
    }
    return {};
}

static const QStringList StuckColumns
        = {u"asset_id"_s, u"title"_s, u"created_at"_s, u"age_seconds"_s};
constexpr int StuckIdWidth = 32; // the usual asset id; a longer one pushes its line along
constexpr int StuckTimeWidth = 20; // 2026-12-06T11:40:07Z
constexpr int StuckAgeWidth = 8;

// A stuck upload's age for people: the two largest units (3d 4h, 5h 20m, 12m).
static QString ageText(qint64 secs)
{
    const qint64 minutes = std::max<qint64>(0, secs) / 60;
    const qint64 hours = minutes / 60;
    const qint64 days = hours / 24;
    if (days > 0)
        return Tr::tr("%1d %2h").arg(days).arg(hours % 24);
    if (hours > 0)
        return Tr::tr("%1h %2m").arg(hours).arg(minutes % 60);
    return Tr::tr("%1m").arg(minutes);
}

QByteArray stuckHeader(Format format)
{
    switch (format) {
    case Format::Json:
        return {};
    case Format::Csv:
        return Csv::row(StuckColumns);
    case Format::Text:
        return u"%1  %2  %3  %4"_s.arg(Tr::tr("ASSET ID"), -StuckIdWidth)
                       .arg(Tr::tr("CREATED (UTC)"), -StuckTimeWidth)
                       .arg(Tr::tr("AGE"), StuckAgeWidth)
                       .arg(Tr::tr("TITLE"))
                       .toUtf8()
                + '\n';
    }
    return {};
}

QByteArray stuckLine(Format format, const StuckAsset &a, const QDateTime &now)
{
    const QString created = a.createdAt.toUTC().toString(Qt::ISODate);
    const qint64 age = a.createdAt.secsTo(now);
    switch (format) {
    case Format::Json:
        return "{\"asset_id\":" + jsonString(a.assetId) + ",\"title\":" + jsonString(a.title)
                + ",\"created_at\":" + jsonString(created)
                + ",\"age_seconds\":" + QByteArray::number(age) + "}\n";
    case Format::Csv:
        return Csv::row({a.assetId, a.title, created, QString::number(age)});
    case Format::Text:
        return visible(u"%1  %2  %3  %4"_s.arg(a.assetId, -StuckIdWidth)
                               .arg(created, -StuckTimeWidth)
                               .arg(ageText(age), StuckAgeWidth)
                               .arg(a.title))
                       .toUtf8()
                + '\n';
    }
    return {};
}

static const QStringList UploadColumns
        = {u"path"_s,       u"upload_id"_s,  u"asset_id"_s,  u"outcome"_s,
           u"bytes"_s,      u"bytes_done"_s, u"seconds"_s,   u"http_status"_s,
           u"error_code"_s, u"error_msg"_s,  u"request_id"_s};

QByteArray uploadHeader(Format format)
{
    return format == Format::Csv ? Csv::row(UploadColumns) : QByteArray();
}

QByteArray uploadLine(Format format, const UploadStatus &u, double seconds)
{
    const QString outcome = uploadPhaseName(u.phase);
    const QString secs = QString::number(seconds, 'f', 1);
    switch (format) {
    case Format::Json:
        return "{\"path\":" + jsonString(u.filePath) + ",\"upload_id\":" + jsonString(u.uploadId)
                + ",\"asset_id\":" + jsonString(u.assetId) + ",\"outcome\":" + jsonString(outcome)
                + ",\"bytes\":" + QByteArray::number(u.bytesTotal) + ",\"bytes_done\":"
                + QByteArray::number(u.bytesDone) + ",\"seconds\":" + secs.toLatin1()
                + ",\"http_status\":" + QByteArray::number(u.last.httpStatus) + ",\"error_code\":"
                + jsonString(u.last.errorCode) + ",\"error_msg\":" + jsonString(u.error)
                + ",\"request_id\":" + jsonString(u.last.requestId) + "}\n";
    case Format::Csv:
        return Csv::row({u.filePath, u.uploadId, u.assetId, outcome, QString::number(u.bytesTotal),
                         QString::number(u.bytesDone), secs, QString::number(u.last.httpStatus),
                         u.last.errorCode, u.error, u.last.requestId});
    case Format::Text: {
        QString line = u"%1  %2  %3"_s.arg(outcome, -9)
                               .arg(u.assetId.isEmpty() ? u"-"_s : u.assetId, u.filePath);
        line += u"  "_s
                + Tr::tr("%L1 of %L2 bytes in %3 s").arg(u.bytesDone).arg(u.bytesTotal).arg(secs);
        if (u.last.httpStatus)
            line += u"  HTTP %1"_s.arg(u.last.httpStatus);
        if (!u.last.errorCode.isEmpty())
            line += u"  "_s + u.last.errorCode;
        if (!u.error.isEmpty())
            line += u"  "_s + u.error;
        if (!u.last.requestId.isEmpty())
            line += u"  request %1"_s.arg(u.last.requestId);
        line += u"  "_s + Tr::tr("upload %1").arg(u.uploadId);
        return visible(line).toUtf8() + '\n';
    }
    }
    return {};
}

} // namespace VodConfirm::Cli
