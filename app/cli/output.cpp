#include "output.h"

#include "util/csv.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace VodConfirm::Cli {

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

static const QStringList AssetColumns
        = {u"asset_id"_s,   u"outcome"_s,   u"status"_s,     u"http_status"_s,
           u"error_code"_s, u"error_msg"_s, u"request_id"_s, u"attempts"_s};

static QString errorText(const AssetUpdate &a)
{
    // The server's message; for assets that never got an answer, why.
    if (!a.last.errorMessage.isEmpty())
        return a.note.isEmpty() ? a.last.errorMessage
                                : a.last.errorMessage + u" ("_s + a.note + u')';
    return a.note;
}

QByteArray assetHeader(Format format)
{
    return format == Format::Csv ? Csv::row(AssetColumns) : QByteArray();
}

QByteArray assetLine(Format format, const AssetUpdate &a)
{
    const QString outcome = assetStateName(a.state);
    const QString status = targetStatusName(a.status);
    switch (format) {
    case Format::Json: {
        const QJsonObject o {{"asset_id"_L1, a.assetId},
                             {"outcome"_L1, outcome},
                             {"status"_L1, status},
                             {"http_status"_L1, a.last.httpStatus},
                             {"error_code"_L1, a.last.errorCode},
                             {"error_msg"_L1, errorText(a)},
                             {"request_id"_L1, a.last.requestId},
                             {"attempts"_L1, a.attempts}};
        return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    }
    case Format::Csv:
        return Csv::row({a.assetId, outcome, status, QString::number(a.last.httpStatus),
                         a.last.errorCode, errorText(a), a.last.requestId,
                         QString::number(a.attempts)});
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
        return line.toUtf8() + '\n';
    }
    }
    return {};
}

static const QStringList HistoryColumns
        = {u"time"_s,      u"batch_id"_s,   u"profile"_s, u"region"_s,      u"project_id"_s,
           u"asset_id"_s,  u"status"_s,     u"outcome"_s, u"http_status"_s, u"error_code"_s,
           u"error_msg"_s, u"request_id"_s, u"attempt"_s, u"duration_ms"_s};

QByteArray historyHeader(Format format)
{
    return format == Format::Csv ? Csv::row(HistoryColumns) : QByteArray();
}

QByteArray historyLine(Format format, const HistoryRecord &r)
{
    const QString time = r.time.toUTC().toString(Qt::ISODateWithMs);
    const QStringList values = {time,
                                r.batchId,
                                r.profile,
                                r.region,
                                r.projectId,
                                r.assetId,
                                r.targetStatus,
                                r.outcome,
                                QString::number(r.httpStatus),
                                r.errorCode,
                                r.errorMessage,
                                r.requestId,
                                QString::number(r.attempt),
                                QString::number(r.durationMs)};
    switch (format) {
    case Format::Json: {
        QJsonObject o;
        for (qsizetype i = 0; i < HistoryColumns.size(); ++i)
            o.insert(HistoryColumns.at(i), values.at(i));
        o.insert("http_status"_L1, r.httpStatus);
        o.insert("attempt"_L1, r.attempt);
        o.insert("duration_ms"_L1, r.durationMs);
        return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    }
    case Format::Csv:
        return Csv::row(values);
    case Format::Text: {
        QString line = u"%1  %2  %3  %4  attempt %5"_s.arg(time, r.assetId, r.targetStatus)
                               .arg(r.outcome, -9)
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
        return line.toUtf8() + '\n';
    }
    }
    return {};
}

} // namespace VodConfirm::Cli
