#include "statereader.h"

#include "engine/confirmengine.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace VodConfirm {

namespace {
constexpr double AnnounceWaitMs = 5000; // a longer pause in sending is announced (waiting())
} // namespace

QString StateRead::missingReason() const
{
    if (!result.ok()) // VOD.10062: its code and message say it, as a confirm's answer would
        return {};
    QString words = description;
    if (words.isEmpty())
        words = status.isEmpty() ? StateReader::tr("the server's answer does not list it") : status;
    else if (!status.isEmpty())
        words = u"%1: %2"_s.arg(status, words);
    return StateReader::tr("the asset does not exist (%1)").arg(words);
}

StateReader::StateReader(VodClient *client, QObject *parent) : QObject(parent), m_client(client)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &StateReader::pump);
    m_clock.start();
    restart();
}

StateReader::~StateReader() = default;

void StateReader::setOptions(const Options &options)
{
    m_options = options;
    m_options.ratePerMinute = std::max(1, m_options.ratePerMinute);
    m_options.concurrency = std::max(1, m_options.concurrency);
    m_options.maxAttempts = std::max(1, m_options.maxAttempts);
}

void StateReader::restart()
{
    m_pacer.restart(m_options.ratePerMinute);
    m_probeDone = false;
    m_fatal.reset();
    m_waitAnnouncedUntilMs = -1;
}

double StateReader::nowMs() const
{
    return double(m_clock.nsecsElapsed()) / 1e6;
}

StateReader::Ticket StateReader::read(const QString &assetId, QObject *context, Callback done,
                                      int maxAttempts)
{
    const Ticket ticket = m_nextTicket++;
    Entry e;
    e.assetId = assetId;
    e.context = context;
    e.done = std::move(done);
    e.maxAttempts = maxAttempts > 0 ? maxAttempts : m_options.maxAttempts;
    m_entries.insert(ticket, std::move(e));
    m_ready.push_back(ticket);
    schedule();
    return ticket;
}

bool StateReader::cancel(Ticket ticket)
{
    const auto it = m_entries.find(ticket);
    if (it == m_entries.end() || it->inFlight)
        return false;
    m_entries.erase(it); // its place in m_ready or m_delayed is passed over
    return true;
}

void StateReader::failAll(const ApiResult &result)
{
    m_fatal = result;
    schedule();
}

void StateReader::pause()
{
    m_paused = true;
    m_timer.stop();
}

void StateReader::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    schedule();
}

void StateReader::schedule()
{
    if (m_pumpQueued)
        return;
    m_pumpQueued = true;
    QMetaObject::invokeMethod(
            this,
            [this] {
                m_pumpQueued = false;
                pump();
            },
            Qt::QueuedConnection);
}

void StateReader::pump()
{
    m_timer.stop();
    if (m_fatal) { // the credentials or the connection failed: no request goes out any more
        QList<Ticket> tickets;
        for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
            if (!it->inFlight)
                tickets.append(it.key());
        }
        std::sort(tickets.begin(), tickets.end()); // in the order asked
        m_ready.clear();
        m_delayed.clear();
        QList<StateRead> reads;
        for (Ticket t : std::as_const(tickets))
            reads.append({m_entries.value(t).assetId, *m_fatal, {}, {}, false});
        deliver(reads, tickets);
        return;
    }
    if (m_paused)
        return;

    // Retries whose backoff has passed go before new reads, in the order they became due.
    const double now = nowMs();
    QList<Ticket> due;
    while (!m_delayed.empty() && m_delayed.begin()->first <= now) {
        due.append(m_delayed.begin()->second);
        m_delayed.erase(m_delayed.begin());
    }
    for (auto it = due.crbegin(); it != due.crend(); ++it)
        m_ready.push_front(*it);

    // Until the first answer proves the credentials, one request at a time.
    const int limit = m_probeDone ? m_options.concurrency : 1;
    while (m_inFlight < limit) {
        while (!m_ready.empty()) {
            const auto it = m_entries.constFind(m_ready.front());
            if (it != m_entries.cend() && it->context)
                break;
            if (it != m_entries.cend()) // whoever asked is gone
                m_entries.erase(it);
            m_ready.pop_front();
        }
        if (m_ready.empty())
            break;
        const double t = nowMs();
        if (!m_pacer.mayStart(t)) {
            m_timer.start(int(std::ceil(m_pacer.nextSendMs() - t)));
            if (m_inFlight == 0)
                announceWait(m_pacer.nextSendMs(),
                             tr("state reads slowed down because the server throttled them"));
            return;
        }
        QList<Ticket> tickets;
        QStringList ids;
        while (!m_ready.empty() && ids.size() < MaxIdsPerRequest) {
            const auto it = m_entries.find(m_ready.front());
            if (it == m_entries.end() || !it->context) {
                if (it != m_entries.end())
                    m_entries.erase(it);
                m_ready.pop_front();
                continue;
            }
            if (it->alone && !tickets.isEmpty())
                break;
            m_ready.pop_front();
            tickets.append(it.key());
            it->inFlight = true;
            if (!ids.contains(it->assetId))
                ids.append(it->assetId);
            if (it->alone)
                break;
        }
        m_pacer.started(t);
        ++m_inFlight;
        ++m_requests;
        m_client->showAssetMeta(
                ids, this,
                [this, tickets](const ApiResult &result, const QList<VodClient::AssetInfo> &infos) {
                    onAnswer(tickets, result, infos);
                });
    }
    if (m_inFlight == 0 && m_ready.empty() && !m_delayed.empty()) {
        const auto &[dueMs, ticket] = *m_delayed.begin();
        m_timer.start(int(std::max(0.0, std::ceil(dueMs - now))));
        announceWait(dueMs, m_entries.value(ticket).waitReason);
    }
}

void StateReader::onAnswer(const QList<Ticket> &tickets, const ApiResult &result,
                           const QList<VodClient::AssetInfo> &infos)
{
    --m_inFlight;
    const double now = nowMs();
    if (result.errorClass == ErrorClass::Throttled) {
        ++m_throttled;
        m_pacer.throttled(now);
    } else if (result.ok()) {
        m_pacer.succeeded(now);
    }
    if (result.httpStatus != 0 && result.errorClass != ErrorClass::Auth && result.httpStatus < 500)
        m_probeDone = true;

    QStringList ids;
    for (Ticket t : tickets) {
        Entry &e = m_entries[t];
        e.inFlight = false;
        if (!ids.contains(e.assetId))
            ids.append(e.assetId);
    }
    QList<StateRead> reads;
    QList<Ticket> ended;
    if (result.ok()) {
        for (Ticket t : tickets) {
            StateRead r {m_entries.value(t).assetId, result, {}, {}, true};
            const auto info = std::find_if(infos.cbegin(), infos.cend(),
                                           [&](const auto &i) { return i.assetId == r.assetId; });
            if (info != infos.cend()) {
                r.status = info->status;
                r.description = info->description;
                r.missing = r.status == "UNCREATED"_L1 || r.status == "NO_ASSET"_L1;
            }
            reads.append(r);
            ended.append(t);
        }
    } else if (result.errorClass == ErrorClass::NotFound && ids.size() > 1) {
        // Which of them does not exist? Each is read alone, first.
        for (auto it = tickets.crbegin(); it != tickets.crend(); ++it) {
            m_entries[*it].alone = true;
            m_ready.push_front(*it);
        }
    } else if (result.errorClass == ErrorClass::NotFound) {
        for (Ticket t : tickets) {
            reads.append({m_entries.value(t).assetId, result, {}, {}, true});
            ended.append(t);
        }
    } else if (result.errorClass == ErrorClass::Auth
               || ConfirmEngine::isConnectionSetupFailure(result)) {
        m_fatal = result; // pump() ends every read queued with it
        for (Ticket t : tickets) {
            reads.append({m_entries.value(t).assetId, result, {}, {}, false});
            ended.append(t);
        }
    } else {
        // The reads of one request wait as one, so they go out together again.
        int attempt = 0;
        for (Ticket t : tickets)
            attempt = std::max(attempt, ++m_entries[t].failures);
        const double dueMs = now
                + double(Pacer::backoffMs(attempt, m_options.baseBackoffMs, m_options.maxBackoffMs,
                                          result.retryAfterMs,
                                          result.errorClass == ErrorClass::Throttled));
        for (Ticket t : tickets) {
            Entry &e = m_entries[t];
            if (e.failures < e.maxAttempts) {
                e.waitReason = ConfirmEngine::waitReason(result);
                m_delayed.emplace(dueMs, t);
            } else {
                reads.append({e.assetId, result, {}, {}, false});
                ended.append(t);
            }
        }
    }
    const QPointer<StateReader> self(this);
    deliver(reads, ended);
    if (self)
        pump();
}

void StateReader::deliver(const QList<StateRead> &reads, const QList<Ticket> &tickets)
{
    QList<std::pair<QPointer<QObject>, Callback>> callbacks;
    callbacks.reserve(tickets.size());
    for (Ticket t : tickets) {
        Entry e = m_entries.take(t);
        callbacks.append({e.context, std::move(e.done)});
    }
    const QPointer<StateReader> self(this);
    for (qsizetype i = 0; i < callbacks.size() && self; ++i) {
        if (callbacks.at(i).first)
            callbacks.at(i).second(reads.at(i));
    }
}

void StateReader::announceWait(double untilMs, const QString &reason)
{
    const double ms = untilMs - nowMs();
    if (ms <= AnnounceWaitMs || untilMs == m_waitAnnouncedUntilMs)
        return;
    m_waitAnnouncedUntilMs = untilMs;
    emit waiting(qint64(std::ceil(ms)), reason);
}

} // namespace VodConfirm
