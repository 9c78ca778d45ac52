#include "stucklister.h"

#include "engine/confirmengine.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace VodConfirm {

namespace {
constexpr int MaxWindowRestarts = 5; // a window that keeps changing while read is an error
constexpr double AnnounceWaitMs = 5000; // a longer pause in sending is announced (waiting())

QString isoTime(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
}
} // namespace

StuckLister::StuckLister(VodClient *client, QObject *parent) : QObject(parent), m_client(client)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &StuckLister::pump);
    m_requests = new QObject(this);
}

StuckLister::~StuckLister() = default;

void StuckLister::setOptions(const Options &options)
{
    m_options = options;
    m_options.ratePerMinute = std::max(1, m_options.ratePerMinute);
    m_options.maxAttempts = std::max(1, m_options.maxAttempts);
    m_options.pageSize = std::clamp(m_options.pageSize, 1, VodClient::MaxListPageSize);
    m_options.pagesInFlight = std::clamp(m_options.pagesInFlight, 1, MaxPagesInFlight);
}

double StuckLister::nowMs() const
{
    return double(m_clock.nsecsElapsed()) / 1e6;
}

void StuckLister::start(const QDateTime &from, const QDateTime &to)
{
    Q_ASSERT(!m_running);
    ++m_generation;
    m_summary = StuckListSummary {};
    m_summary.windows = 1;
    m_running = true;
    m_inFlight = 0;
    m_from = from.toSecsSinceEpoch();
    m_windowEnd = to.toSecsSinceEpoch();
    m_holdUntilMs = 0;
    m_windowSeen.clear();
    m_carried.clear();
    restartWindow();
    m_pacer.restart(m_options.ratePerMinute);
    m_clock.start();
    QMetaObject::invokeMethod(this, &StuckLister::pump, Qt::QueuedConnection);
}

void StuckLister::cancel()
{
    if (!m_running)
        return;
    m_summary.cancelled = true;
    finish();
}

int StuckLister::nextPageToAsk() const
{
    if (!m_again.isEmpty())
        return m_again.constFirst();
    if (m_windowTotal < 0) // the first page tells how many there are
        return m_nextPage == 0 ? 0 : -1;
    const int size = m_options.pageSize;
    const bool inWindow = qint64(m_nextPage) * size < m_windowTotal;
    return inWindow && m_nextPage < m_processPage + m_options.pagesInFlight ? m_nextPage : -1;
}

void StuckLister::pump()
{
    while (m_running && m_inFlight < m_options.pagesInFlight) {
        const int page = nextPageToAsk();
        if (page < 0)
            return;
        const double t = nowMs();
        const double at = std::max(m_pacer.nextSendMs(), m_holdUntilMs);
        if (t < at) {
            m_timer.start(int(std::ceil(at - t)));
            return;
        }
        m_pacer.started(t);
        if (!m_again.isEmpty() && m_again.constFirst() == page)
            m_again.removeFirst();
        else
            ++m_nextPage;
        send(page);
    }
}

void StuckLister::send(int page)
{
    ++m_inFlight;
    ++m_summary.requests;
    VodClient::ListQuery query;
    query.statuses = {u"CREATING"_s};
    query.startTime = QDateTime::fromSecsSinceEpoch(m_from, Qt::UTC);
    query.endTime = QDateTime::fromSecsSinceEpoch(m_windowEnd, Qt::UTC);
    query.page = page;
    query.size = m_options.pageSize;
    m_client->listAssetList(
            query, m_requests,
            [this, generation = m_generation, read = m_read,
             page](const ApiResult &result, int total, const QList<VodClient::ListedAsset> &rows) {
                onPage(generation, read, page, {result, total, rows});
            });
}

QString StuckLister::pageProblem(const QList<VodClient::ListedAsset> &rows) const
{
    qint64 after = m_processPage == 0 ? m_windowEnd : m_pageAfter;
    for (const VodClient::ListedAsset &row : rows) {
        const qint64 created = row.createdAt.toSecsSinceEpoch();
        if (created < m_from || created > m_windowEnd)
            return tr("asset %1 was created at %2, outside the time asked for (%3 to %4)")
                    .arg(row.assetId, isoTime(created), isoTime(m_from), isoTime(m_windowEnd));
        if (created > after)
            return tr("the assets are not ordered newest first (asset %1)").arg(row.assetId);
        if (row.status != "CREATING"_L1)
            return tr("asset %1 is %2, not CREATING as asked for").arg(row.assetId, row.status);
        after = created;
    }
    return {};
}

void StuckLister::onPage(int generation, int read, int page, const Page &answer)
{
    if (generation != m_generation || !m_running)
        return; // cancelled meanwhile
    --m_inFlight;
    if (read != m_read) {
        pump(); // an answer for a window read again or left: its place is free
        return;
    }
    if (answer.result.ok()) {
        m_pacer.succeeded(nowMs());
        m_arrived.insert(page, answer);
        processAnswers();
    } else {
        pageFailed(page, answer.result);
    }
    pump();
}

void StuckLister::pageFailed(int page, const ApiResult &result)
{
    if (result.errorClass == ErrorClass::Throttled) {
        ++m_summary.throttled;
        m_pacer.throttled(nowMs());
    }
    if (result.errorClass == ErrorClass::Auth) {
        fail(result, authFailureAdvice(result, m_client->config().credentials.mode));
        return;
    }
    if (ConfirmEngine::isConnectionSetupFailure(result) || !result.isRetryable()) {
        fail(result, ErrorCatalogue::advice(result));
        return;
    }
    const int attempt = ++m_attempts[page];
    if (attempt >= m_options.maxAttempts) {
        fail(result, tr("Gave up after %Ln attempt(s).", nullptr, attempt));
        return;
    }
    m_again.insert(std::lower_bound(m_again.begin(), m_again.end(), page), page);
    retryLater(attempt, result);
}

void StuckLister::processAnswers()
{
    const int size = m_options.pageSize;
    while (m_running && m_arrived.contains(m_processPage)) {
        const int page = m_processPage;
        const Page answer = m_arrived.take(page);
        const QList<VodClient::ListedAsset> &rows = answer.rows;
        if (const QString problem = pageProblem(rows); !problem.isEmpty()) {
            ApiResult unusable = answer.result;
            unusable.errorClass = ErrorClass::Transient;
            unusable.errorMessage = tr("The server's list of assets cannot be used (HTTP %1): %2.")
                                            .arg(unusable.httpStatus)
                                            .arg(problem);
            pageFailed(page, unusable);
            return;
        }
        m_attempts.remove(page);

        // The listing changed while this window was read (an asset confirmed or deleted meanwhile
        // shifts every later page): read the window again; what was passed on is not passed again.
        if (page == 0)
            m_windowTotal = answer.total;
        const int expected = std::clamp(m_windowTotal - page * size, 0, size);
        if (answer.total != m_windowTotal || rows.size() != expected) {
            if (++m_summary.restarts > MaxWindowRestarts) {
                ApiResult changed = answer.result;
                changed.errorClass = ErrorClass::Transient;
                fail(changed,
                     tr("The list of assets kept changing while it was read (%L1 times).")
                             .arg(m_summary.restarts));
                return;
            }
            restartWindow();
            return;
        }

        QList<StuckAsset> fresh;
        fresh.reserve(rows.size());
        for (const VodClient::ListedAsset &row : rows) {
            const qint64 created = row.createdAt.toSecsSinceEpoch();
            m_pageAfter = created;
            if (m_carried.contains(row.assetId) || m_windowSeen.contains(row.assetId))
                continue;
            m_windowSeen.insert(row.assetId, created);
            fresh.append({row.assetId, row.createdAt, row.title});
        }
        if (!rows.isEmpty())
            m_summary.listedUntil = rows.constLast().createdAt;
        m_summary.listed += fresh.size();
        ++m_processPage;
        if (!fresh.isEmpty())
            emit assetsListed(fresh);
        if (!m_running)
            return; // a receiver cancelled
        if (qint64(m_processPage) * size < m_windowTotal)
            continue;
        nextWindow(answer.result);
        return;
    }
}

void StuckLister::nextWindow(const ApiResult &last)
{
    if (m_windowTotal < VodClient::MaxListReach) {
        m_summary.complete = true;
        finish();
        return;
    }
    // The window holds 20,000 or more: the next one ends at the oldest second read, plus one
    // (robust to an end_time the server excludes), skipping what was read at those two seconds.
    const qint64 oldest = m_pageAfter;
    if (oldest + 1 >= m_windowEnd) {
        ApiResult tooMany = last;
        tooMany.errorClass = ErrorClass::Other;
        fail(tooMany,
             tr("More than %L1 assets were created within two seconds (%2); the API "
                "cannot list past them.")
                     .arg(VodClient::MaxListReach)
                     .arg(isoTime(oldest)));
        return;
    }
    m_carried.clear();
    for (auto it = m_windowSeen.cbegin(); it != m_windowSeen.cend(); ++it) {
        if (it.value() >= oldest)
            m_carried.insert(it.key(), it.value());
    }
    m_windowEnd = oldest + 1;
    ++m_summary.windows;
    m_windowSeen.clear();
    m_summary.restarts = 0;
    restartWindow();
}

void StuckLister::restartWindow()
{
    ++m_read;
    m_nextPage = 0;
    m_processPage = 0;
    m_arrived.clear();
    m_again.clear();
    m_attempts.clear();
    m_windowTotal = -1;
    m_pageAfter = m_windowEnd;
}

void StuckLister::retryLater(int attempt, const ApiResult &result)
{
    ++m_summary.retries;
    const qint64 delay
            = Pacer::backoffMs(attempt, m_options.baseBackoffMs, m_options.maxBackoffMs,
                               result.retryAfterMs, result.errorClass == ErrorClass::Throttled);
    if (double(delay) > AnnounceWaitMs) {
        emit waiting(delay,
                     result.retryAfterMs >= 0
                             ? tr("the server asked to wait before the next request (Retry-After)")
                             : tr("waiting before asking again after errors"));
    }
    m_holdUntilMs = std::max(m_holdUntilMs, nowMs() + double(delay));
}

void StuckLister::fail(const ApiResult &result, const QString &reason)
{
    m_summary.lastError = result;
    m_summary.lastError.json = QJsonObject();
    const QString until = m_summary.listedUntil.isValid()
            ? tr("%Ln asset(s) listed: every stuck upload created after %1.", nullptr,
                 int(std::min<qint64>(m_summary.listed, std::numeric_limits<int>::max())))
                      .arg(m_summary.listedUntil.toString(Qt::ISODate))
            : tr("Nothing was listed.");
    QStringList parts {tr("Listing the stuck uploads stopped: %1").arg(result.summary())};
    if (!reason.isEmpty())
        parts << reason;
    parts << until;
    m_summary.error = parts.join(u' ');
    finish();
}

void StuckLister::finish()
{
    if (!m_running)
        return;
    m_running = false;
    m_inFlight = 0;
    ++m_generation;
    m_timer.stop();
    delete std::exchange(m_requests, new QObject(this));
    m_windowSeen.clear();
    m_carried.clear();
    m_arrived.clear();
    m_summary.elapsedMs = m_clock.elapsed();
    emit finished(m_summary);
}

} // namespace VodConfirm
