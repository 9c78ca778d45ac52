#include "api/bandwidthlimiter.h"

#include <algorithm>
#include <cmath>

namespace VodConfirm {

namespace {
constexpr qint64 MinBurstBytes = 4096; // never fewer at once, or a low limit sends tiny packets
}

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
    return std::max(MinBurstBytes, m_limit / 10);
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
    const qint64 granted = std::min(wanted, qint64(m_tokens));
    m_tokens -= double(granted);
    if (granted == 0 && !m_wake.isActive()) {
        // Wake when a burst's worth (or what was wanted) has refilled.
        const double need = double(std::min(wanted, capacity())) - m_tokens;
        m_wake.start(std::max(1, int(std::ceil(need * 1000.0 / double(m_limit)))));
    }
    return granted;
}

} // namespace VodConfirm
