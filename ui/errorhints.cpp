#include "errorhints.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace VodConfirm::ErrorHints {

static QString tr(const char *text)
{
    return QCoreApplication::translate("ErrorHints", text);
}

QString details(const QString &assetId, AssetState state, const ApiResult &result,
                const QDateTime &when)
{
    QStringList lines;
    lines << tr("Asset: %1").arg(assetId);
    if (result.httpStatus > 0)
        lines << tr("HTTP status: %1").arg(result.httpStatus);
    if (!result.errorCode.isEmpty())
        lines << tr("Error code: %1").arg(result.errorCode);
    if (!result.errorMessage.isEmpty())
        lines << tr("Message: %1").arg(result.errorMessage);
    if (!result.requestId.isEmpty())
        lines << tr("Request ID: %1").arg(result.requestId);
    if (when.isValid())
        lines << tr("Time: %1").arg(when.toUTC().toString(Qt::ISODate));
    if (state == AssetState::NotSent)
        lines << tr("Hint: it is not retried by itself; Send Remaining (Ctrl+R) sends it.");
    else if (const QString h = ErrorCatalogue::advice(result); !h.isEmpty())
        lines << tr("Hint: %1").arg(h);
    return lines.join(u'\n');
}

} // namespace VodConfirm::ErrorHints
