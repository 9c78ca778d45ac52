#pragma once

#include "api/apiresult.h"

#include <QString>

namespace VodConfirm {

// The error details the GUI shows and copies; what an error means comes from ErrorCatalogue.
namespace ErrorHints {

// "VOD.10062 — Media asset or resource does not exist" style line plus the request id and time,
// for the "Copy error details" action and the details pane.
QString details(const QString &assetId, const ApiResult &result, const QDateTime &when);

} // namespace ErrorHints
} // namespace VodConfirm
