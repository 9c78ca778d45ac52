#pragma once

#include "api/apiresult.h"

#include <QString>

namespace VodConfirm {

// Plain-language, translated hints for the errors a confirm request can meet. The UI always shows
// the server's own error_code and error_msg too; a hint only says what it most likely means and
// what to do about it.
namespace ErrorHints {

// The hint for a result: by error code first, then clock skew, network error, error class and
// HTTP status. Empty for a success, or when nothing useful can be said.
QString hint(const ApiResult &result);

// The hint for one error code alone ("VOD.10062", "APIGW.0301" ...). Empty when unknown.
QString hintForCode(const QString &errorCode);

// "VOD.10062 — Media asset or resource does not exist" style line plus the request id and time,
// for the "Copy error details" action and the details pane.
QString details(const QString &assetId, const ApiResult &result, const QDateTime &when);

} // namespace ErrorHints
} // namespace VodConfirm
