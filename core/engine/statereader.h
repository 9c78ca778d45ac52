#pragma once

#include "api/apiresult.h"
#include "api/vodclient.h"
#include "engine/pacer.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <functional>
#include <map>
#include <optional>

namespace VodConfirm {

// What reading one asset's state learned.
struct StateRead
{
    QString assetId;
    // The answer that ended the read: the read's own (ok), the one saying the asset does not
    // exist (VOD.10062), or the failure after the last attempt (authentication, connection,
    // server errors, throttling ...).
    ApiResult result;
    QString status; // as the server sent it ("CREATING", "CREATED", "UNCREATED" ...); or empty
    QString description; // the server's words about the asset (safe to show), if any
    // The asset does not exist: UNCREATED, left out of the answer, or VOD.10062.
    bool missing = false;

    // The asset exists and its state is known.
    bool known() const { return result.ok() && !missing; }
    // Why the asset counts as not existing, with the state and description VOD gave; translated.
    // Empty for VOD.10062: the answer's code and message say it.
    QString missingReason() const;
};

// The state reads' quota group (ShowAssetMeta, 1500 a minute per account, counted apart from
// confirms and from the listing): the one place that reads asset states. Reads are queued per
// asset and packed up to 10 assets per request, in the order asked; requests are spread by a
// Pacer of their own, so a 429 here slows only the state reads, and a 429 on confirms does not
// slow them. A failed read is tried again with backoff (the assets of a request wait as one and
// go out together again); an answer saying an asset does not exist ends its read; when a request
// of several assets gets VOD.10062, each is read alone to learn which. An authentication failure
// is never retried: it ends that read and every read queued, without a request, and so does a
// failure every later request would meet (unreachable, certificate, proxy). Until the first
// answer proves the credentials, one request at a time.
class StateReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StateReader)
public:
    struct Options
    {
        int ratePerMinute = 1400; // below the group's 1500 a minute
        int concurrency = 2;
        int maxAttempts = 5; // per read, unless read() says otherwise
        int baseBackoffMs = 500;
        int maxBackoffMs = 30000;
    };
    using Callback = std::function<void(const StateRead &)>;
    using Ticket = quint64;

    explicit StateReader(VodClient *client, QObject *parent = nullptr);
    ~StateReader() override;

    // Takes effect from the next restart() (the rate) or the next read (the rest).
    void setOptions(const Options &options);
    const Options &options() const { return m_options; }
    // With nothing queued or in flight: the pacer back at the configured rate, the credentials
    // to be proved again. The counters keep counting.
    void restart();

    // Queues a read of `assetId`; `done` runs once with what was learned (never from inside
    // read()), unless `context` is gone by then or the read was cancelled. maxAttempts: 0 for
    // Options::maxAttempts.
    Ticket read(const QString &assetId, QObject *context, Callback done, int maxAttempts = 0);
    // Takes back a read not sent yet: true if it was (its callback never runs), false if it is in
    // flight (its answer will come) or done.
    bool cancel(Ticket ticket);
    // The credentials or the connection failed elsewhere (a confirm's answer): every read queued
    // ends with `result` without a request, and so does every later one, until restart().
    void failAll(const ApiResult &result);
    void pause(); // no new requests; those in flight finish
    void resume();
    bool isPaused() const { return m_paused; }

    int pending() const { return int(m_entries.size()); } // reads queued or in flight
    double currentRatePerMinute() const { return m_pacer.rate(); }
    qint64 requests() const { return m_requests; } // ShowAssetMeta requests made
    qint64 throttled() const { return m_throttled; } // 429 answers to them

    static constexpr int MaxIdsPerRequest = 10; // ShowAssetMeta takes up to 10 asset ids

signals:
    // The reader will send nothing for `ms` milliseconds (more than 5 s) with reads queued and
    // none in flight, for `reason` (translated). Once per such pause.
    void waiting(qint64 ms, const QString &reason);

private:
    struct Entry
    {
        QString assetId;
        QPointer<QObject> context;
        Callback done;
        int maxAttempts = 1;
        int failures = 0;
        bool alone = false; // read it in a request of its own
        bool inFlight = false;
        QString waitReason; // while it waits for a retry: why (translated)
    };
    void schedule();
    void pump();
    void send(const QList<Ticket> &tickets);
    void onAnswer(const QList<Ticket> &tickets, const ApiResult &result,
                  const QList<VodClient::AssetInfo> &infos);
    // Ends these reads: removes them, then runs their callbacks (reads.at(i) for tickets.at(i)).
    void deliver(const QList<StateRead> &reads, const QList<Ticket> &tickets);
    void announceWait(double untilMs, const QString &reason);
    double nowMs() const;

    VodClient *m_client;
    Options m_options;
    Pacer m_pacer;
    QHash<Ticket, Entry> m_entries;
    std::deque<Ticket> m_ready; // may go now, in the order asked
    std::multimap<double, Ticket> m_delayed; // due time (ms) -> read waiting for its retry
    Ticket m_nextTicket = 1;
    int m_inFlight = 0;
    bool m_paused = false;
    bool m_probeDone = false;
    // An authentication or connection set-up failure: every later read ends with it, unsent,
    // until restart().
    std::optional<ApiResult> m_fatal;
    bool m_pumpQueued = false;
    qint64 m_requests = 0;
    qint64 m_throttled = 0;
    double m_waitAnnouncedUntilMs = -1;
    QElapsedTimer m_clock;
    QTimer m_timer;
};

} // namespace VodConfirm
