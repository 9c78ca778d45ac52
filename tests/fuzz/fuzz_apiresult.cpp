// libFuzzer target: any HTTP status, headers and body through the reply mapper.
#include "api/apiresult.h"

#include <cstdlib>

using namespace VodConfirm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    // First byte: status class and flags; the rest: "Retry-After\nDate\nbody".
    ApiResult::Reply r;
    static const int statuses[] = {0, 200, 201, 302, 400, 401, 403, 404, 429, 500, 502, 503, 504};
    r.httpStatus = statuses[data[0] % std::size(statuses)];
    // Second byte: bit 0 HTML, bit 1 request sent, bit 2 a confirm (expects "asset_id"), the
    // rest the network error when there is no status.
    static const int errors[] = {1, 2, 3, 4, 5, 6, 7, 8, 99, 205};
    r.networkError = r.httpStatus == 0 ? errors[(data[1] >> 3) % std::size(errors)] : 0;
    r.timedOut = data[0] & 0x80;
    r.bodyTruncated = data[0] & 0x40;
    r.contentType = (data[1] & 1) ? "text/html" : "application/json";
    r.requestSent = data[1] & 2;
    if (data[1] & 4)
        r.expectedKey = "asset_id";
    QList<QByteArray> parts
            = QByteArray(reinterpret_cast<const char *>(data) + 2, qsizetype(size) - 2).split('\n');
    r.retryAfter = parts.value(0);
    r.date = parts.value(1);
    r.body = parts.mid(2).join('\n');
    const ApiResult result = ApiResult::fromReply(r);
    // A failure always says something; success only for 2xx, and then never with an error
    // code or without the expected key; Retry-After never beyond five minutes.
    if (!result.ok() && result.errorMessage.isEmpty())
        std::abort();
    if (result.ok() && !(r.httpStatus >= 200 && r.httpStatus < 300))
        std::abort();
    if (result.ok()
        && (!result.errorCode.isEmpty()
            || ((data[1] & 4) && !result.json.contains(QLatin1StringView("asset_id")))))
        std::abort();
    if (result.retryAfterMs > 300 * 1000)
        std::abort();
    (void)result.summary();
    (void)authFailureAdvice(result, AuthMode::AkSk);
    return 0;
}
