#pragma once

// What the upload benchmarks share: a VodClient for the loopback server process, and the
// reference they measure against, one `curl -T` PUT of a file.

#include "api/vodclient.h"
#include "vodtestserver.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QProcess>
#include <QStandardPaths>

namespace VodConfirm::Bench {

// A VodClient configuration for vod-test-server at `endpoint`, with its default credentials.
inline VodClient::Config loopbackConfig(const QUrl &endpoint)
{
    const Test::VodTestServer::Config server;
    VodClient::Config config;
    config.endpoint = endpoint;
    config.projectId = server.projectId;
    config.credentials.accessKey = server.accessKey;
    config.credentials.secretKey = server.secretKey;
    config.proxy = QNetworkProxy(QNetworkProxy::NoProxy);
    return config;
}

// One `curl -T` PUT of the file at `path` to a fresh asset's video_upload_url: the seconds it
// took, or -1 (no curl, or it failed or took longer than `timeoutMs`).
inline double curlPut(const QUrl &endpoint, const QString &path, int timeoutMs)
{
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty())
        return -1;
    QNetworkAccessManager nam;
    VodClient vod(&nam, loopbackConfig(endpoint));
    QEventLoop loop;
    QUrl url;
    vod.createAssetByFileUpload(
            {QStringLiteral("curl"), QStringLiteral("curl.mp4"), QStringLiteral("MP4"), {}, {}, {}},
            &loop, [&](const ApiResult &r, const VodClient::CreatedAsset &c) {
                url = r.ok() ? c.videoUploadUrl : QUrl();
                loop.quit();
            });
    loop.exec();
    if (url.isEmpty())
        return -1;
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(curl,
                  {QStringLiteral("-s"), QStringLiteral("-f"), QStringLiteral("-o"),
                   QStringLiteral("/dev/null"), QStringLiteral("-T"), path,
                   url.toString(QUrl::FullyEncoded)});
    if (!process.waitForFinished(timeoutMs) || process.exitCode() != 0)
        return -1;
    return double(timer.nsecsElapsed()) / 1e9;
}

} // namespace VodConfirm::Bench
