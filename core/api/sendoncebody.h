#pragma once

#include "api/bandwidthlimiter.h"

#include <QByteArray>
#include <QIODevice>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

#include <algorithm>
#include <cstring>

namespace VodConfirm {

// The body of a request that must reach the server at most once per call (a confirm, a create,
// an OBS part: a part sent again is harmless, but the caller must count it, not Qt hide it).
// QNetworkAccessManager sends a request again by itself when its connection closes before the
// answer; it first calls reset() on the body and, when that fails, fails the reply with
// ContentReSendError instead. reset() succeeds only while Qt has read nothing of the body, so a
// request is re-sent only if it cannot have reached the server whole. Sequential, with an
// explicit Content-Length, so that Qt streams it instead of copying it into a buffer it could
// rewind. With a BandwidthLimiter, it hands the network only what the limiter grants (Qt then
// waits for readyRead(), which follows the limiter's available()).
class SendOnceBody final : public QIODevice
{
public:
    SendOnceBody(QByteArray data, BandwidthLimiter *limiter, QObject *parent)
        : QIODevice(parent), m_data(std::move(data)), m_limiter(limiter)
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        if (m_limiter)
            QObject::connect(m_limiter, &BandwidthLimiter::available, this,
                             [this] { emit readyRead(); });
    }
    bool isSequential() const override { return true; }
    bool reset() override { return m_read == 0; }
    qint64 bytesAvailable() const override { return m_data.size() - m_read; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        qint64 n = std::min(maxSize, m_data.size() - m_read);
        if (m_limiter && n > 0)
            n = m_limiter->take(n);
        std::memcpy(data, m_data.constData() + m_read, size_t(n));
        m_read += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_read = 0;
    QPointer<BandwidthLimiter> m_limiter;
};

// Sends `method` with `body`: a GET as Qt sends it (Qt may send it again: a read changes nothing),
// any other request at most once, through a SendOnceBody that the reply owns (its body paced by
// `limiter` when there is one).
inline QNetworkReply *sendAtMostOnce(QNetworkAccessManager *nam, QNetworkRequest request,
                                     const QByteArray &method, const QByteArray &body,
                                     BandwidthLimiter *limiter = nullptr)
{
    if (method == "GET")
        return nam->sendCustomRequest(request, method, body);
    request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
    request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    auto *once = new SendOnceBody(body, limiter, nullptr);
    QNetworkReply *reply = nam->sendCustomRequest(request, method, once);
    once->setParent(reply);
    return reply;
}

} // namespace VodConfirm
