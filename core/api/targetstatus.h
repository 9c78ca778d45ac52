#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace VodConfirm {

// The "status" a ConfirmAssetUpload request sets.
enum class TargetStatus { Created, Failed, Cancelled };

inline QString targetStatusName(TargetStatus s) // wire value: "CREATED", "FAILED", "CANCELLED"
{
    switch (s) {
    case TargetStatus::Created:
        return QStringLiteral("CREATED");
    case TargetStatus::Failed:
        return QStringLiteral("FAILED");
    case TargetStatus::Cancelled:
        return QStringLiteral("CANCELLED");
    }
    return {};
}

inline std::optional<TargetStatus> targetStatusFromName(const QString &name) // case-insensitive
{
    for (TargetStatus s : {TargetStatus::Created, TargetStatus::Failed, TargetStatus::Cancelled}) {
        if (name.compare(targetStatusName(s), Qt::CaseInsensitive) == 0)
            return s;
    }
    return std::nullopt;
}

// Whether an asset whose ShowAssetMeta status is `assetStatus` already went through a confirm
// with `target` (e.g. CREATED, or later states such as PUBLISHED, for TargetStatus::Created).
inline bool assetStatusReached(TargetStatus target, const QString &assetStatus)
{
    static const QStringList created
            = {QStringLiteral("CREATED"),          QStringLiteral("PUBLISHED"),
               QStringLiteral("TRANSCODING"),      QStringLiteral("TRANSCODE_SUCCEED"),
               QStringLiteral("TRANSCODE_FAILED"), QStringLiteral("WAITING_TRANSCODE"),
               QStringLiteral("UN_TRANSCODE")};
    switch (target) {
    case TargetStatus::Created:
        return created.contains(assetStatus);
    case TargetStatus::Failed:
        return assetStatus == QLatin1StringView("UPLOAD_FAILED")
                || assetStatus == QLatin1StringView("FAILED");
    case TargetStatus::Cancelled:
        return assetStatus == QLatin1StringView("CANCELLED");
    }
    return false;
}

// Whether the asset is still waiting for its upload to be confirmed.
inline bool assetStatusWaiting(const QString &assetStatus)
{
    return assetStatus == QLatin1StringView("CREATING")
            || assetStatus == QLatin1StringView("OBS_CREATING")
            || assetStatus == QLatin1StringView("OBS_CREATE_SUCCESS");
}

} // namespace VodConfirm
