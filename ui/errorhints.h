#pragma once

#include "api/apiresult.h"
#include "engine/confirmtypes.h"

#include <QString>

namespace VodConfirm {

// The error details the GUI shows and copies; what an error means comes from ErrorCatalogue.
namespace ErrorHints {

// The asset, HTTP status, error code and message, request id and time of its last answer, and a
// hint: what the error means (ErrorCatalogue) while the asset may still be retried; for one left
// NotSent, that "Send Remaining" sends it (the batch will not retry it by itself). For the
// "Copy error details" action, the row tooltips and the details pane.
QString details(const QString &assetId, AssetState state, const ApiResult &result,
                const QDateTime &when);

} // namespace ErrorHints
} // namespace VodConfirm
