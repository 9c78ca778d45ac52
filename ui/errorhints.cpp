#include "errorhints.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace VodConfirm::ErrorHints {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VodConfirm::ErrorHints)
};
} // namespace

QString details(const QString &assetId, AssetState state, const ApiResult &result,
                const QDateTime &when)
{
    // What to do first, then what support asks for, then the server's own words (they can run
    // to several lines, an API gateway's canonical request for one): the details pane shows the
    // first lines without scrolling.
    QStringList lines;
    lines << Tr::tr("Asset: %1").arg(assetId);
    if (state == AssetState::NotSent)
        lines << Tr::tr("Hint: it is not retried by itself; Send Remaining (Ctrl+R) sends it.");
    else if (const QString h = ErrorCatalogue::advice(result); !h.isEmpty())
        lines << Tr::tr("Hint: %1").arg(h);
    if (result.httpStatus > 0)
        lines << Tr::tr("HTTP status: %1").arg(result.httpStatus);
    if (!result.errorCode.isEmpty())
        lines << Tr::tr("Error code: %1").arg(result.errorCode);
    if (!result.requestId.isEmpty())
        lines << Tr::tr("Request ID: %1").arg(result.requestId);
    if (when.isValid())
        lines << Tr::tr("Time: %1").arg(when.toUTC().toString(Qt::ISODate));
    if (!result.errorMessage.isEmpty())
        lines << Tr::tr("Message: %1").arg(result.errorMessage);
    return lines.join(u'\n');
}

} // namespace VodConfirm::ErrorHints
