#pragma once

#include <utility>
#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace VodConfirm {

// SDK-HMAC-SHA256 request signing (see the API contract, section 1). Pure functions: no clock,
// no network. The caller decides which headers are signed and must send them byte-identical.
namespace RequestSigner {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>; // name, value
using QueryList = QList<std::pair<QString, QString>>; // decoded key, decoded value

struct Input
{
    QByteArray method; // "GET", "POST"
    QString path; // decoded path as sent, e.g. "/v1.0/{pid}/asset/status/uploaded"
    QueryList query; // decoded query items, any order
    HeaderList headers; // every header to sign, including host and X-Sdk-Date
    QByteArray body; // the exact body bytes that are sent
    QByteArray accessKey;
    QByteArray secretKey;
};

struct Output
{
    QByteArray canonicalRequest;
    QByteArray stringToSign;
    QByteArray signedHeaders; // "content-type;host;x-sdk-date"
    QByteArray signature; // 64 lower-case hex characters
    QByteArray authorization; // value of the Authorization header
};

inline constexpr char Algorithm[] = "SDK-HMAC-SHA256";

QByteArray percentEncode(const QString &text);
QByteArray canonicalUri(const QString &path);
QByteArray canonicalQueryString(const QueryList &query);
// "20240102T030405Z" for the given UTC time.
QByteArray sdkDate(const QDateTime &utc);
Output sign(const Input &input);

} // namespace RequestSigner
} // namespace VodConfirm
