#include "api/bandwidthlimiter.h"

#include <algorithm>
#include <cmath>

namespace VodConfirm {

namespace {
// Bytes granted at once at the least (unless fewer are wanted): smaller grants would have Qt
// read, and the CPU spin, for a few hundred bytes at a time.
constexpr qint64 MinGrantBytes = 16 * 1024;
} // namespace

BandwidthLimiter::BandwidthLimiter(QObject *parent) : QObject(parent)
{
    m_clock.start();
    m_wake.setSingleShot(true);
    connect(&m_wake, &QTimer::timeout, this, &BandwidthLimiter::available);
}

void BandwidthLimiter::setLimit(qint64 bytesPerSecond)
{
    refill();
    m_limit = std::max<qint64>(0, bytesPerSecond);
    m_tokens = std::min(m_tokens, double(capacity()));
    if (m_wake.isActive() || m_limit == 0) {
        m_wake.stop();
        emit available(); // waiting bodies try again under the new limit
    }
}

qint64 BandwidthLimiter::capacity() const
{
    return std::max(MinGrantBytes, m_limit);
}

void BandwidthLimiter::refill()
{
    const qint64 now = m_clock.nsecsElapsed();
    if (m_limit > 0)
        m_tokens = std::min(double(capacity()),
                            m_tokens + double(now - m_lastNs) * 1e-9 * double(m_limit));
    m_lastNs = now;
}

qint64 BandwidthLimiter::take(qint64 wanted)
{
    if (m_limit <= 0)
        return wanted;
    refill();
    const qint64 least = std::min(wanted, MinGrantBytes);
    if (m_tokens < double(least)) {
        // Wake once 50 ms of bytes have refilled (20 times a second): waking for every 16 KB
        // would cost more CPU than sending them.
        const double target = std::max(double(least), double(m_limit) / 20);
        if (!m_wake.isActive())
            m_wake.start(
                    std::max(1, int(std::ceil((target - m_tokens) * 1000.0 / double(m_limit)))));
        return 0;
    }
    const qint64 granted = std::min(wanted, qint64(m_tokens));
    m_tokens -= double(granted);
    return granted;
}

} // namespace VodConfirm
