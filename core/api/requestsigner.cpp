#include "requestsigner.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMessageAuthenticationCode>

#include <algorithm>

namespace VodConfirm::RequestSigner {

QByteArray percentEncode(const QString &text)
{
    // Unreserved set A-Z a-z 0-9 - _ . ~ ; everything else %XY upper-case, over UTF-8 bytes.
    return text.toUtf8().toPercentEncoding();
}

QByteArray canonicalUri(const QString &path)
{
    const QStringList segments = path.split(u'/');
    QByteArray uri;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (i > 0)
            uri += '/';
        uri += percentEncode(segments.at(i));
    }
    if (!uri.startsWith('/'))
        uri.prepend('/');
    if (!uri.endsWith('/'))
        uri += '/';
    return uri;
}

QByteArray canonicalQueryString(const QueryList &query)
{
    QList<std::pair<QByteArray, QByteArray>> encoded;
    encoded.reserve(query.size());
    for (const auto &[key, value] : query)
        encoded.append({percentEncode(key), percentEncode(value)});
    // Keys in byte order; repeated keys once per value, values sorted.
    std::sort(encoded.begin(), encoded.end());
    QByteArray out;
    for (const auto &[key, value] : std::as_const(encoded)) {
        if (!out.isEmpty())
            out += '&';
        out += key + '=' + value;
    }
    return out;
}

QByteArray sdkDate(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

Output sign(const Input &input)
{
    QList<std::pair<QByteArray, QByteArray>> headers;
    headers.reserve(input.headers.size());
    for (const auto &[name, value] : input.headers)
        headers.append({name.toLower(), value.trimmed()});
    std::sort(headers.begin(), headers.end());

    QByteArray canonicalHeaders;
    QByteArray signedHeaders;
    QByteArray date;
    for (const auto &[name, value] : std::as_const(headers)) {
        canonicalHeaders += name + ':' + value + '\n';
        if (!signedHeaders.isEmpty())
            signedHeaders += ';';
        signedHeaders += name;
        if (name == "x-sdk-date")
            date = value;
    }

    Output out;
    out.signedHeaders = signedHeaders;
    out.canonicalRequest = input.method.toUpper() + '\n' + canonicalUri(input.path) + '\n'
            + canonicalQueryString(input.query) + '\n' + canonicalHeaders + '\n' + signedHeaders
            + '\n' + QCryptographicHash::hash(input.body, QCryptographicHash::Sha256).toHex();
    out.stringToSign = QByteArray(Algorithm) + '\n' + date + '\n'
            + QCryptographicHash::hash(out.canonicalRequest, QCryptographicHash::Sha256).toHex();
    out.signature = QMessageAuthenticationCode::hash(out.stringToSign, input.secretKey,
                                                     QCryptographicHash::Sha256)
                            .toHex();
    out.authorization = QByteArray(Algorithm) + " Access=" + input.accessKey
            + ", SignedHeaders=" + signedHeaders + ", Signature=" + out.signature;
    return out;
}

} // namespace VodConfirm::RequestSigner
