#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace VodConfirm {

// An optional limit on the bytes per second that request bodies hand to the network, shared by
// every body that takes from it: a token bucket of one second of bytes, refilled 20 times a second,
// granting at least 16 KB at a time. The average stays at the limit; after an idle moment (between
// parts) the bodies may catch up for up to a second. 0: unlimited. Lives in the thread of the
// bodies that read from it (where QNetworkAccessManager reads them).
class BandwidthLimiter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BandwidthLimiter)
public:
    explicit BandwidthLimiter(QObject *parent = nullptr);

    // Bytes per second, all bodies together; <= 0: unlimited. Applies at once, also to bodies
    // being sent.
    void setLimit(qint64 bytesPerSecond);
    qint64 limit() const { return m_limit; }

    // Up to `wanted` bytes may be sent now: how many (0 when the bucket is empty; available()
    // follows once it has refilled).
    qint64 take(qint64 wanted);

signals:
    // Bytes may be taken again: a body that got 0 from take() announces readyRead().
    void available();

private:
    void refill();
    qint64 capacity() const;

    qint64 m_limit = 0;
    double m_tokens = 0;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    QTimer m_wake; // single shot, while a body waits for bytes
};

} // namespace VodConfirm
