#include "pacer.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace VodConfirm {

namespace {
constexpr double MinRatePerMinute = 6; // never slow below one request every 10 s
constexpr double ThrottleFactor = 0.7; // each 429 cuts the rate by 30% ...
constexpr double ThrottleCooldownMs = 1000; // ... at most once a second
constexpr double RecoveryDelayMs = 5000; // recover only after 5 s without a 429
constexpr double RecoveryStep = 0.005; // +0.5% of the configured rate per success
constexpr qint64 ThrottleMinBackoffMs = 2000; // APIG's advice for throttling: wait 2 to 5 s
} // namespace

void Pacer::restart(double ratePerMinute)
{
    m_configured = std::max(1.0, ratePerMinute);
    m_rate = m_configured;
    m_lastThrottleMs = -1e12;
    m_nextSendMs = 0;
}

void Pacer::started(double nowMs)
{
    const double interval = 60000.0 / m_rate;
    m_nextSendMs = std::max(m_nextSendMs, nowMs - interval) + interval;
}

void Pacer::throttled(double nowMs)
{
    if (nowMs - m_lastThrottleMs < ThrottleCooldownMs)
        return;
    m_lastThrottleMs = nowMs;
    m_rate = std::max(MinRatePerMinute, m_rate * ThrottleFactor);
}

void Pacer::succeeded(double nowMs)
{
    if (m_rate >= m_configured || nowMs - m_lastThrottleMs < RecoveryDelayMs)
        return;
    m_rate = std::min(m_configured, m_rate + m_configured * RecoveryStep);
}

qint64 Pacer::backoffMs(int attempt, int baseMs, int maxMs, qint64 retryAfterMs, bool throttled)
{
    const double exp = std::min<double>(maxMs, baseMs * std::pow(2.0, attempt - 1));
    qint64 delay = qint64(exp / 2 + QRandomGenerator::global()->bounded(exp / 2 + 1));
    if (retryAfterMs >= 0)
        delay = std::max(delay, retryAfterMs);
    else if (throttled)
        delay = std::max(delay, ThrottleMinBackoffMs);
    return std::min<qint64>(delay, std::max<qint64>(maxMs, retryAfterMs));
}

} // namespace VodConfirm
