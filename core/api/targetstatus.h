#pragma once

#include <QString>

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

} // namespace VodConfirm
