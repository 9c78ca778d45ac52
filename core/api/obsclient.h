#pragma once

#include "api/apiresult.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace VodConfirm {

// The OBS side of an upload (vod-api.md 5.2): requests to presigned URLs that VOD gives
// (CreateAssetByFileUpload's video_upload_url, ShowAssetTempAuthority's sign_str), sent as they
// are, without credentials of ours. One call = one HTTP attempt: retries, authority refreshes
// and pacing belong to the caller. A request with a body is never sent again by Qt once any of
// it was read (SendOnceBody): a failure then is ErrorClass::Transient and the caller decides.
//
// Answers are hostile until checked: XML is read with QXmlStreamReader with bounded size, depth,
// text and counts; upload ids and ETags must have their documented form. OBS errors (XML
// Error/Code/Message) map through the error catalogue: 5xx, SlowDown and dropped connections are
// retryable; AccessDenied and SignatureDoesNotMatch set ApiResult::authorityExpired (ask VOD for
// a new authority); BadDigest and InvalidDigest are not retryable without reading the part again.
class ObsClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ObsClient)
public:
    struct Config
    {
        // A request fails when nothing was sent or received for this long (not a total limit:
        // a 5 GB part may take hours on a slow link).
        int idleTimeoutMs = 60 * 1000;
        qint64 maxAnswerBytes = 1024 * 1024; // larger answers are cut and fail
    };

    // One uploaded part as OBS lists it, or as uploadPart() returned it.
    struct Part
    {
        int number = 0; // 1 to MaxPartNumber
        QByteArray etag; // without quotes: 1 to MaxEtagChars of [0-9A-Za-z_-]
        qint64 size = -1; // bytes; -1 when not known (uploadPart())
    };

    static constexpr int MaxPartNumber = 10000;
    static constexpr int MaxPartsPerList = 1000;
    static constexpr qint64 MaxPartBytes = 5LL * 1024 * 1024 * 1024;
    static constexpr int MaxEtagChars = 128;
    static constexpr int MaxUploadIdChars = 256;
    static constexpr int MaxUrlChars = 8192;

    using ResultCallback = std::function<void(const ApiResult &)>;
    using UploadIdCallback = std::function<void(const ApiResult &, const QString &uploadId)>;
    using EtagCallback = std::function<void(const ApiResult &, const QByteArray &etag)>;
    using PartsCallback = std::function<void(const ApiResult &, const QList<Part> &parts)>;

    // nam and tls: VodClient::network() and VodClient::tlsConfiguration(), so that uploads use
    // the profile's proxy and extra CA certificates.
    ObsClient(QNetworkAccessManager *nam, const QSslConfiguration &tls, Config config,
              QObject *parent = nullptr);
    ~ObsClient() override;

    // Empty when `url` may be used as a presigned URL: http or https, with a host, no user
    // name or password, at most MaxUrlChars; plain http only to a loopback address. Else a
    // translated sentence.
    static QString urlProblem(const QUrl &url);

    // Every callback runs once, unless `context` is gone; a request whose context is destroyed
    // is aborted. contentMd5: the body's MD5, base64
    // (as ShowAssetTempAuthority's content_md5 was given); empty: no Content-MD5 header.

    // PUT of a whole object (video_upload_url, files under 20 MB); the ETag without quotes.
    void putObject(const QUrl &signedUrl, const QByteArray &data, const QByteArray &contentType,
                   const QByteArray &contentMd5, QObject *context, EtagCallback done);
    // POST ?uploads, with the Content-Type the authority was asked for; the new upload id.
    void initiate(const QUrl &signedUrl, const QByteArray &contentType, QObject *context,
                  UploadIdCallback done);
    // PUT of one part (Content-Type application/octet-stream); its ETag without quotes.
    void uploadPart(const QUrl &signedUrl, const QByteArray &data, const QByteArray &contentMd5,
                    QObject *context, EtagCallback done);
    // GET ?uploadId=..: every uploaded part in ascending order, following truncation with
    // part-number-marker on the same URL (one authority for the whole listing).
    void listParts(const QUrl &signedUrl, QObject *context, PartsCallback done);
    // POST ?uploadId=.. with CompleteMultipartUpload of `parts` (ascending part numbers).
    void complete(const QUrl &signedUrl, const QList<Part> &parts, QObject *context,
                  ResultCallback done);
    // DELETE ?uploadId=..
    void abort(const QUrl &signedUrl, QObject *context, ResultCallback done);

signals:
    // Request body bytes handed to the network since the last signal (for speed and progress).
    void bytesSent(qint64 bytes);

private:
    struct Exchange;
    void start(Exchange exchange);
    void listPage(const QUrl &signedUrl, int marker, QList<Part> parts, QObject *context,
                  PartsCallback done);

    Config m_config;
    QNetworkAccessManager *m_nam;
    QSslConfiguration m_tls;
};

} // namespace VodConfirm
