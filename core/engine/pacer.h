#pragma once

#include <QtGlobal>

namespace VodConfirm {

// One quota group's pacing (VOD API flow control: confirms, the state reads and the listing each
// count against their own per-minute limit): requests spread evenly under a rate, the rate cut
// by 30% on a 429 (at most once a second) and recovering slowly after 5 s without one, and the
// backoff before a retry. Pure: the caller passes the time (ms on its own monotonic clock) and
// owns the timer, so a 429 in one group slows only that group's pacer.
class Pacer final
{
public:
    explicit Pacer(double ratePerMinute = 1400) { restart(ratePerMinute); }

    // A new run at `ratePerMinute`: the next request may go at once.
    void restart(double ratePerMinute);
    double configuredRate() const { return m_configured; }
    double rate() const { return m_rate; } // current requests per minute (lowered on 429)

    // When the next request may start, on the caller's clock.
    double nextSendMs() const { return m_nextSendMs; }
    bool mayStart(double nowMs) const { return nowMs >= m_nextSendMs; }
    // A request starts now. Even pacing: at most one interval of catch-up after a late timer,
    // never a burst.
    void started(double nowMs);
    // The server throttled a request (429, APIGW.0308, VOD.10127): slow down.
    void throttled(double nowMs);
    // A request succeeded: recover towards the configured rate.
    void succeeded(double nowMs);

    // Exponential backoff with equal jitter (half fixed, half random) before retry `attempt`
    // (1 = the first retry), between baseMs and maxMs; at least retryAfterMs when the server
    // asked (Retry-After, >= 0), else at least 2 s after throttling (APIG's advice: 2 to 5 s).
    static qint64 backoffMs(int attempt, int baseMs, int maxMs, qint64 retryAfterMs,
                            bool throttled);

private:
    double m_configured = 0;
    double m_rate = 0;
    double m_lastThrottleMs = -1e12;
    double m_nextSendMs = 0;
};

} // namespace VodConfirm
